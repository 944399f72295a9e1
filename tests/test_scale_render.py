"""Incremental render: only the pages whose inputs changed are rendered, and the pages left are
byte for byte those of a cold render of the same summaries (issue 11).

Each test renders the committed summaries (and their transcripts, which the call pages show) in a
temporary project, changes an input, renders again, and compares every file under docs/ with a
cold render of the changed inputs in another folder. The second render runs in check mode
(``GENERATOR_RENDER_CHECK=1``): every unit it would have kept is rendered anyway and must give
the same files, so a key that misses an input fails here even when no file differs in the end.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build import Report, render_tree
from generator.site import incremental, templating

ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = "alibaba/2024-11-15_fy2025-q2_insidermonkey-call-transcript"
"""A call left out of the first render and added for the second (its company has other calls)."""
SKIPPED = {".generated.lock"}


def summary_files(src: Path) -> list[Path]:
    return sorted(p for p in src.rglob("*.yaml") if p.is_file())


def make_project(dest: Path, leave_out: str | None = None) -> Path:
    """The committed summaries and transcripts (all, or all but ``leave_out``), no pages yet."""
    summaries = ROOT / "content" / "summaries"
    for path in summary_files(summaries):
        rel = path.relative_to(summaries)
        if leave_out and rel.with_suffix("").as_posix() == leave_out:
            continue
        (dest / "content" / "summaries" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest / "content" / "summaries" / rel)
    shutil.copytree(ROOT / "content" / "transcripts", dest / "content" / "transcripts")
    return dest


def render(root: Path) -> Report:
    report = render_tree(root / "content" / "summaries", root / "docs", root)
    assert not report.errors, [str(e) for e in report.errors]
    return report


def docs_bytes(root: Path) -> dict[str, bytes]:
    docs = root / "docs"
    return {
        p.relative_to(docs).as_posix(): p.read_bytes()
        for p in sorted(docs.rglob("*"))
        if p.is_file() and p.name not in SKIPPED
    }


def units(root: Path) -> int:
    return len(json.loads((root / "docs" / incremental.RECORDS).read_text(encoding="utf-8"))["units"])


def incremental_equals_cold(
    tmp: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[Path], None], leave_out: str | None = None
) -> tuple[int, int]:
    """Render, ``change`` the project, render again in check mode; compare with a cold render of
    the changed project. Returns (units rendered the second time, units in all)."""
    project = make_project(tmp / "incremental", leave_out)
    first = render(project)
    assert first.kept == 0 and first.rendered > 0
    change(project)
    monkeypatch.setenv(incremental.CHECK_ENV, "1")
    again = render(project)
    monkeypatch.delenv(incremental.CHECK_ENV)
    cold = tmp / "cold"
    shutil.copytree(project / "content", cold / "content")
    render(cold)
    a, b = docs_bytes(project), docs_bytes(cold)
    assert sorted(a) == sorted(b)
    assert [rel for rel in a if a[rel] != b[rel]] == []
    # and without check mode, a render with nothing changed keeps every unit
    steady = render(project)
    assert steady.rendered == 0 and steady.kept == units(project)
    assert docs_bytes(project) == b
    return again.rendered, units(project)


def test_nothing_changed_renders_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    first = render(project)
    before = docs_bytes(project)
    again = render(project)
    assert again.rendered == 0 and again.kept == first.rendered
    assert again.written == 0 and again.removed == []
    assert docs_bytes(project) == before


def test_an_added_call_renders_its_company_and_aggregates_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def add(project: Path) -> None:
        rel = HELD_OUT + ".yaml"
        shutil.copy2(ROOT / "content" / "summaries" / rel, project / "content" / "summaries" / rel)

    rendered, total = incremental_equals_cold(tmp_path, monkeypatch, add, leave_out=HELD_OUT)
    assert 0 < rendered < total / 2, (rendered, total)


def test_a_changed_summary_and_transcript(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def change(project: Path) -> None:
        summary = summary_files(project / "content" / "summaries")[-1]
        text = summary.read_text(encoding="utf-8")
        changed = re.sub(
            r"(?m)^(\s*value: )(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 1), text, count=1
        )
        assert changed != text
        summary.write_text(changed, encoding="utf-8")
        transcript = sorted((project / "content" / "transcripts" / "tencent").iterdir())[0]
        transcript.write_text(transcript.read_text(encoding="utf-8") + "\n谢谢大家。\n", encoding="utf-8")

    rendered, total = incremental_equals_cold(tmp_path, monkeypatch, change)
    assert 0 < rendered < total / 2, (rendered, total)


def test_a_deleted_call_takes_its_pages_away(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gone: list[str] = []

    def delete(project: Path) -> None:
        summary = next(
            p for p in summary_files(project / "content" / "summaries") if p.parent.name == "baidu"
        )
        records = json.loads((project / "docs" / incremental.RECORDS).read_text(encoding="utf-8"))["units"]
        gone.extend(f for name, r in records.items() if name.startswith("company:baidu") for f in r["files"])
        summary.unlink()

    incremental_equals_cold(tmp_path, monkeypatch, delete)
    assert gone and not any((tmp_path / "incremental" / "docs" / rel).exists() for rel in gone)


def test_a_template_change_renders_its_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(templating.TEMPLATES, templates)
    monkeypatch.setattr(templating, "TEMPLATES", templates)

    def change(project: Path) -> None:
        page = templates / "topic_year.md.j2"
        page.write_text(page.read_text(encoding="utf-8") + "\n（模板已改）\n", encoding="utf-8")

    rendered, total = incremental_equals_cold(tmp_path, monkeypatch, change)
    assert rendered == total  # the code version is in every key
    changed = [
        p for p in (tmp_path / "incremental" / "docs" / "topics").rglob("*.md") if "模板已改" in p.read_text()
    ]
    assert changed


@pytest.mark.parametrize("damage", ["missing", "corrupt", "other format"])
def test_a_missing_or_corrupt_record_renders_everything(tmp_path: Path, damage: str) -> None:
    project = make_project(tmp_path / "p")
    first = render(project)
    before = docs_bytes(project)
    records = project / "docs" / incremental.RECORDS
    if damage == "missing":
        records.unlink()
    elif damage == "corrupt":
        records.write_text('{"format": 1, "units": {"call:x": ', encoding="utf-8")
    else:
        data = json.loads(records.read_text(encoding="utf-8"))
        data["format"] = 0
        records.write_text(json.dumps(data), encoding="utf-8")
    again = render(project)
    assert again.kept == 0 and again.rendered == first.rendered
    assert docs_bytes(project) == before


def test_a_lookup_that_changed_renders_the_page(tmp_path: Path) -> None:
    """A unit whose key is the same but whose trace no longer holds (a person's page moved) is
    rendered: the trace is checked against the site of this render."""
    project = make_project(tmp_path / "p")
    render(project)
    records = project / "docs" / incremental.RECORDS
    data = json.loads(records.read_text(encoding="utf-8"))
    name, unit = next(
        (n, u) for n, u in data["units"].items() if any(row[0] == "person" for row in u["trace"])
    )
    row = next(r for r in unit["trace"] if r[0] == "person")
    row[2] = "people/somewhere-else.md"
    records.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = render(project)
    assert again.rendered == 1 and name.split(":", 1)[0] in ("call", "company", "page", "data")


def test_fingerprints_tell_escaped_text_from_plain_and_refuse_unknown_values(tmp_path: Path) -> None:
    from generator.site.format import Md

    prints = incremental.Fingerprints(tmp_path)
    assert prints.of(["a*b"]) != prints.of([Md("a*b")])
    assert prints.of({"x": [1, None]}) == prints.of({"x": [1, None]})
    assert prints.of({"x": [1, None]}) != prints.of({"x": [None, 1]})
    with pytest.raises(incremental.Untraceable):
        prints.of(object())


def test_links_in_raw_html_are_the_ones_mkdocs_writes(tmp_path: Path) -> None:
    """Quotes and Q&A are raw HTML (MkDocs passes them through): each link in them is the URL
    MkDocs gives its target, relative to the page as MkDocs makes it, and leads to a page."""
    from urllib.parse import unquote

    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    from generator.site.urls import Linker

    project = make_project(tmp_path / "p")
    render(project)
    docs = project / "docs"
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))

    def url(path: str) -> str:
        return File(path, str(docs), str(tmp_path / "site"), use_directory_urls=True).url

    urls = {unquote(url(p)) for p in pages}
    for page in pages[:: max(1, len(pages) // 40)]:
        for target in pages[:: max(1, len(pages) // 40)]:
            expected = "#x" if target == page else get_relative_url(url(target), url(page)) + "#x"
            assert Linker(page).href(target, "x") == expected, (page, target)
    checked = 0
    for page in pages:
        text = (docs / page).read_text(encoding="utf-8")
        for href in re.findall(r'<a (?:class="[^"]*" )?href="([^"#]+)[^"]*">', text):
            base = url(page)
            folder = base if base.endswith("/") else base.rsplit("/", 1)[0] + "/"
            resolved = posixpath.normpath(posixpath.join("/" + folder.lstrip("./"), href)).lstrip("/")
            resolved = resolved + "/" if href.endswith("/") and resolved else resolved or "./"
            assert unquote(resolved) in urls, (page, href)
            checked += 1
    assert checked > 100


# --- the cache of parsed summaries ---------------------------------------------------------------


def test_cached_summaries_equal_parsed_ones_and_a_changed_file_is_parsed_again(tmp_path: Path) -> None:
    from generator.store import summaries as store

    folder = tmp_path / "summaries"
    shutil.copytree(ROOT / "content" / "summaries", folder, ignore=shutil.ignore_patterns(".generated*"))
    cache = tmp_path / "summaries.pickle"
    cold, errors = store.load_summaries(folder)
    assert not errors and cold
    first, _ = store.load_summaries(folder, cache)
    assert cache.is_file() and first == cold
    mtime = cache.stat().st_mtime_ns
    again, _ = store.load_summaries(folder, cache)
    assert again == cold and cache.stat().st_mtime_ns == mtime  # nothing new: not rewritten
    path = summary_files(folder)[0]
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r"(?m)^(\s*title:\s*)(.+)$", lambda m: m.group(1) + "'改过的标题'", text, count=1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    after, _ = store.load_summaries(folder, cache)
    assert after == store.load_summaries(folder)[0] and after != cold
    path.write_text("title: [unclosed\n", encoding="utf-8")  # a bad file: an error, never the cached one
    _, errors = store.load_summaries(folder, cache)
    assert len(errors) == 1 and str(path) in str(errors[0])
    cache.write_bytes(b"not a pickle")  # a damaged cache is no cache
    path.write_text(changed, encoding="utf-8")
    assert store.load_summaries(folder, cache)[0] == after
