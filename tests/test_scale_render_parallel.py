"""The render in worker processes (issue 11, all cores): the same docs/ as one process, byte for
byte (pages, downloads, the output manifest and the render's records), the same counts and the
same problems in the same order, cold and incremental, whatever the number of workers.

Each test renders the committed summaries in temporary projects, once in one process and once
with workers (the minimum number of units lowered so that even a small site uses them).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import Report, render_tree
from generator.errors import GeneratorError
from generator.site import incremental, render
from generator.site.pages import call as call_page
from generator.site.pages.base import Site
from tests.test_scale_render import HELD_OUT, ROOT, docs_bytes, make_project


def run(root: Path, jobs: int) -> Report:
    return render_tree(root / "content" / "summaries", root / "docs", root, jobs=jobs)


@pytest.fixture(autouse=True)
def parallel_even_for_small_sites(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "PARALLEL_MIN", 1)


def counts(report: Report, root: Path | None = None) -> tuple[int, int, int, int, list[str], list[str]]:
    """What a render reports; paths in its problems relative to ``root``."""
    where = f"{root}/" if root is not None else "\0"
    return (
        report.rendered,
        report.kept,
        report.written,
        report.unchanged,
        [str(e).replace(where, "") for e in report.errors],
        [w.replace(where, "") for w in report.warnings],
    )


@pytest.mark.parametrize("jobs", [2, 3])
def test_cold_render_in_workers_equals_one_process(tmp_path: Path, jobs: int) -> None:
    one = make_project(tmp_path / "one")
    many = make_project(tmp_path / "many")
    a, b = run(one, 1), run(many, jobs)
    assert not a.errors and a.rendered > 100
    assert counts(a) == counts(b)
    files = docs_bytes(one)
    assert incremental.RECORDS in files and ".generated.json" in files
    assert docs_bytes(many) == files


def test_incremental_render_in_workers_equals_one_process_and_a_cold_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    projects = [make_project(tmp_path / name, leave_out=HELD_OUT) for name in ("one", "many")]
    for project, jobs in zip(projects, (1, 2), strict=True):
        run(project, jobs)
        rel = HELD_OUT + ".yaml"
        shutil.copy2(ROOT / "content" / "summaries" / rel, project / "content" / "summaries" / rel)
    again = [run(project, jobs) for project, jobs in zip(projects, (1, 2), strict=True)]
    assert counts(again[0]) == counts(again[1])
    assert 0 < again[1].rendered < again[1].kept
    assert docs_bytes(projects[0]) == docs_bytes(projects[1])
    # check mode in workers: every kept unit rendered anyway and compared, no difference
    monkeypatch.setenv(incremental.CHECK_ENV, "1")
    checked = run(projects[1], 2)
    assert checked.rendered == 0 and checked.kept == again[1].rendered + again[1].kept
    monkeypatch.delenv(incremental.CHECK_ENV)
    cold = make_project(tmp_path / "cold")
    run(cold, 2)
    assert docs_bytes(cold) == docs_bytes(projects[1])


def test_a_kept_file_edited_since_is_rendered_again(tmp_path: Path) -> None:
    """A worker finds the unit's record usable; its file changed on disk since (and is the
    generator's own earlier bytes, so it may be overwritten): the main process renders it."""
    projects = [make_project(tmp_path / name) for name in ("one", "many")]
    for project, jobs in zip(projects, (1, 2), strict=True):
        run(project, jobs)
        page = sorted((project / "docs" / "calls").rglob("*.md"))[0]
        page.unlink()
    again = [run(project, jobs) for project, jobs in zip(projects, (1, 2), strict=True)]
    assert counts(again[0]) == counts(again[1])
    assert again[1].rendered == 1
    assert docs_bytes(projects[0]) == docs_bytes(projects[1])


def test_errors_come_in_the_same_order_and_stop_the_same_units(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unit that raises stops its part, as in one process; a page a person edited is refused
    (its error collected, its file kept); the problems are reported in the same order."""
    projects = [make_project(tmp_path / name) for name in ("one", "many")]
    for project, jobs in zip(projects, (1, 2), strict=True):
        run(project, jobs)
    original = call_page.render_call
    state = {"calls": 0}

    def failing(site: object, call: object, near: object = None) -> None:
        state["calls"] += 1
        original(site, call, near)  # type: ignore[arg-type]
        if "q4" in getattr(call, "id", ""):
            raise GeneratorError("a failure after the page was written", getattr(call, "page", None))

    monkeypatch.setattr(call_page, "render_call", failing)
    for project in projects:
        # every unit renders again (another code version), and a person edited two pages
        (project / "docs" / incremental.RECORDS).unlink(missing_ok=True)
        for page in sorted((project / "docs" / "topics").rglob("*.md"))[:2]:
            page.write_text(page.read_text(encoding="utf-8") + "\nA person's note.\n", encoding="utf-8")
    again = [run(project, jobs) for project, jobs in zip(projects, (1, 2), strict=True)]
    assert len(again[0].errors) >= 3
    assert counts(again[0], projects[0]) == counts(again[1], projects[1])
    assert docs_bytes(projects[0]) == docs_bytes(projects[1])


def test_a_unit_that_raises_stops_the_rest_of_its_part_as_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The topic pages are one part of many units: a unit raising there stops the part (its
    later pages are neither written nor kept, so they are pruned no more than in one process)."""
    original = Site._write

    def raising(self: Site, path: str, template: str, **context: object) -> None:
        original(self, path, template, **context)
        if template == "topic_year.md.j2" and "/alibaba/" in path:  # the first such unit stops the part
            raise GeneratorError("stopped after the page was written", path)

    monkeypatch.setattr(Site, "_write", raising)
    projects = [make_project(tmp_path / name) for name in ("one", "many")]
    reports = []
    for project, jobs in zip(projects, (1, 2), strict=True):
        reports.append(run(project, jobs))
    assert [str(e).endswith("stopped after the page was written") for e in reports[0].errors] == [True]
    assert counts(reports[0], projects[0]) == counts(reports[1], projects[1])
    assert docs_bytes(projects[0]) == docs_bytes(projects[1])
    written = {p.relative_to(projects[0] / "docs").as_posix() for p in (projects[0] / "docs").rglob("*.md")}
    assert sum(1 for rel in written if rel.startswith("topics/")) < 20  # the rest of the part: not run
