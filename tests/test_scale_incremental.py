"""Incremental builds: a summary is made again only when its inputs change, and an
incremental build leaves exactly the bytes a cold build of the same inputs leaves."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import Report, build_site, summarize_tree

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = (
    "alibaba/2024-05-14_fy2024-q4_sina-call-transcript.txt",
    "tencent/2024-08-14_2024-q2_netease-news-transcript.txt",
    "baidu/2024-11-21_2024-q3_commentary-qa-digest.txt",
)
ADDED = "xiaomi/2024-11-18_2024-q3_futu-call-minutes.txt"
UNMATCHED_FIX = "metrics:\n  fix:\n    - match: {metric: no_such_metric}\n      set: {yoy_pct: 1.0}\n"
SKIPPED = {".generated.lock", ".build.lock"}


def make_project(tmp: Path) -> Path:
    """The project's site setup with a few of its transcripts and no output yet."""
    tmp.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "overrides", "generator"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, tmp / name)
    shutil.copytree(ROOT / "docs" / "assets", tmp / "docs" / "assets")
    shutil.copy2(ROOT / "docs" / "summary-format.md", tmp / "docs" / "summary-format.md")
    for rel in SAMPLES:
        target = tmp / "content" / "transcripts" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "content" / "transcripts" / rel, target)
    return tmp


def cold_copy(project: Path, dest: Path) -> Path:
    """A second project with the same inputs (transcripts, corrections, lexicons), no output."""
    make_project(dest)
    shutil.rmtree(dest / "content" / "transcripts")
    for folder in ("transcripts", "corrections", "lexicons"):
        if (project / "content" / folder).is_dir():
            shutil.copytree(project / "content" / folder, dest / "content" / folder)
    return dest


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in SKIPPED
    }


def outputs(root: Path) -> dict[str, dict[str, bytes]]:
    return {name: tree_bytes(root / name) for name in ("content/summaries", "docs", "site")}


def build(root: Path, search: bool = False) -> Report:
    report = build_site(root, root / "site", search=search, jobs=1)
    assert not report.errors, [str(e) for e in report.errors]
    return report


def assert_same(a: dict[str, dict[str, bytes]], b: dict[str, dict[str, bytes]]) -> None:
    for part in a:
        assert sorted(a[part]) == sorted(b[part]), part
        differ = [rel for rel in a[part] if a[part][rel] != b[part][rel]]
        assert not differ, (part, differ[:5])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "project")
    assert build(root).reused == 0
    return root


def test_unchanged_inputs_are_not_summarized_again(project: Path) -> None:
    before = outputs(project)
    report = build(project)
    assert report.reused == len(SAMPLES)
    assert_same(before, outputs(project))


def test_one_added_one_changed_equals_a_cold_build(project: Path, tmp_path: Path) -> None:
    transcripts = project / "content" / "transcripts"
    (transcripts / ADDED).parent.mkdir(parents=True)
    shutil.copy2(ROOT / "content" / "transcripts" / ADDED, transcripts / ADDED)
    changed = transcripts / SAMPLES[1]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n腾讯总裁刘炽平:谢谢大家。\n", encoding="utf-8"
    )
    report = build(project, search=True)
    assert report.reused == len(SAMPLES) - 1
    cold = cold_copy(project, tmp_path / "cold")
    assert build(cold, search=True).reused == 0
    assert_same(outputs(cold), outputs(project))


def test_a_changed_lexicon_summarizes_everything_again(project: Path, tmp_path: Path) -> None:
    lexicons = project / "content" / "lexicons"
    lexicons.mkdir(parents=True)
    (lexicons / "topics.yaml").write_text("topics:\n  测试话题: [本季度, 收入]\n", encoding="utf-8")
    report = build(project)
    assert report.reused == 0
    cold = cold_copy(project, tmp_path / "cold")
    build(cold)
    assert_same(outputs(cold), outputs(project))


def test_a_corrections_file_summarizes_its_transcript_again_and_its_warnings_repeat(project: Path) -> None:
    fix = project / "content" / "corrections" / Path(SAMPLES[0]).with_suffix(".yaml")
    fix.parent.mkdir(parents=True)
    fix.write_text(UNMATCHED_FIX, encoding="utf-8")
    first = build(project)
    assert first.reused == len(SAMPLES) - 1 and first.warnings
    again = build(project)
    assert again.reused == len(SAMPLES) and again.warnings == first.warnings


def test_an_edited_summary_is_not_taken_for_a_reusable_one(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    src, out = root / "content" / "transcripts", root / "content" / "summaries"
    summarize_tree(src, out, root, jobs=1)
    summary = out / Path(SAMPLES[0]).with_suffix(".yaml")
    summary.write_text(summary.read_text(encoding="utf-8") + "# a person's note\n", encoding="utf-8")
    report = summarize_tree(src, out, root, jobs=1)
    assert report.reused == len(SAMPLES) - 1
    assert len(report.errors) == 1 and "edited" in str(report.errors[0])
