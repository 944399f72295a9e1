"""An error in one page never stops the others (issue 7, case 1, the render half)."""

from __future__ import annotations

from pathlib import Path

from sample_summaries import sample_set, write_transcripts

from generator.errors import OutputError
from generator.site.render import RenderResult, render_pages
from generator.writer import OutputTree

Q4_PAGE = "calls/alibaba/2024/alibaba-2024-05-14_fy2024-q4_sina-call-transcript.md"


def first_render(root: Path) -> tuple[Path, dict[str, bytes]]:
    """Render the samples into root/docs; return the folder and every file written."""
    write_transcripts(root)
    docs = root / "docs"
    tree = OutputTree(docs)
    render_pages(sample_set(), root, tree)
    tree.finish()
    files = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    return docs, {rel: data for rel, data in files.items() if not rel.startswith(".generated")}


def test_a_page_edited_by_hand_does_not_stop_the_others(tmp_path: Path) -> None:
    docs, before = first_render(tmp_path)
    edited = docs / "index.md"  # the first page written
    edited.write_text(edited.read_text(encoding="utf-8") + "我加的一行\n", encoding="utf-8")
    for rel in before:  # so that every page has to be written again
        if rel != "index.md":
            (docs / rel).unlink()
    tree = OutputTree(docs)
    result = render_pages(sample_set(), tmp_path, tree)
    assert len(result.errors) == 1
    error = result.errors[0]
    assert isinstance(error, OutputError) and "index.md" in str(error) and "edited" in error.message
    assert set(tree.written) == set(before) - {"index.md"}
    for rel in tree.written:
        assert (docs / rel).read_bytes() == before[rel], rel
    assert tree.finish() == []  # nothing removed
    assert edited.read_text(encoding="utf-8").endswith("我加的一行\n")


def test_a_file_that_cannot_be_written_is_one_error(tmp_path: Path) -> None:
    docs, before = first_render(tmp_path)
    (docs / Q4_PAGE).unlink()
    (docs / Q4_PAGE).mkdir()  # a folder where a call page goes
    tree = OutputTree(docs)
    result = render_pages(sample_set(), tmp_path, tree)
    assert [Q4_PAGE in str(e) for e in result.errors] == [True]
    assert set(tree.written) == set(before) - {Q4_PAGE}
    assert "data/metrics.csv" in tree.written and "topics/index.md" in tree.written


def test_a_clean_render_reports_nothing(tmp_path: Path) -> None:
    write_transcripts(tmp_path)
    assert render_pages(sample_set(), tmp_path, OutputTree(tmp_path / "docs")) == RenderResult([], [])
