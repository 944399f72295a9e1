"""Nothing lost, ever: every ordinary mistake of issue 7, reproduced on a real project.

Each test starts from a small project that was built once (summaries, pages and site), makes
one mistake (a hand-edited page, a kill, two builds at once, a malformed correction or lexicon,
an odd file name, a link outside the project, a shifted correction), builds again through the
command line, and checks that no committed summary was deleted or changed and that ``site/``
holds the previous complete site or a new complete one.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = (
    "alibaba/2024-05-14_fy2024-q4_sina-call-transcript.txt",
    "tencent/2024-08-14_2024-q2_netease-news-transcript.txt",
    "bilibili/2024-11-14_2024-q3_call-summary.html",
)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (bookkeeping files aside), by relative path."""
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".generated")
    }


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "0"}
    env.pop("GENERATOR_LEXICONS", None)
    return subprocess.run(
        [sys.executable, "-m", "generator", *args, "--root", str(root)],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def start(root: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "0"}
    return subprocess.Popen(
        [sys.executable, "-m", "generator", *args, "--root", str(root)],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def available_samples() -> list[str]:
    return [s for s in SAMPLES if (ROOT / "content" / "transcripts" / s).is_file()]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with three real transcripts, built once (the 'committed' state)."""
    root = tmp_path_factory.mktemp("pristine")
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("overrides", "generator"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "docs").mkdir()
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    for name in ("summary-format.md", "about.md"):
        if (ROOT / "docs" / name).is_file():
            shutil.copy2(ROOT / "docs" / name, root / "docs" / name)
    for rel in available_samples():
        target = root / "content" / "transcripts" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "content" / "transcripts" / rel, target)
    done = run(root, "build", "--strict")
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture
def project(pristine: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built project for one test."""
    root = tmp_path / "project"
    shutil.copytree(pristine, root, symlinks=True)
    return root


def assert_nothing_lost(root: Path, pristine: Path) -> None:
    """Every summary of the committed state is there, byte for byte, and the site is complete."""
    before = tree(pristine / "content" / "summaries")
    after = tree(root / "content" / "summaries")
    missing = sorted(set(before) - set(after))
    assert not missing, f"summaries deleted: {missing}"
    changed = sorted(k for k in before if after[k] != before[k])
    assert not changed, f"summaries changed: {changed}"
    site, old_site = tree(root / "site"), tree(pristine / "site")
    assert site == old_site or complete(root / "site", pristine / "site"), "site/ is not a complete site"


def complete(site: Path, reference: Path) -> bool:
    """A new complete site: at least every page of the reference, and its search index."""
    pages = {p for p in tree(reference) if p.endswith(".html")}
    return pages <= set(tree(site)) and (site / "pagefind" / "shards.json").is_file()


# --- case 1: a person edits a generated page ------------------------------------------------


@pytest.mark.parametrize("strict", [False, True])
def test_a_hand_edited_page_stops_nothing_and_prunes_nothing(
    project: Path, pristine: Path, strict: bool
) -> None:
    page = next((project / "docs" / "calls").rglob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\n我的笔记\n", encoding="utf-8")
    docs_before = tree(project / "docs")
    done = run(project, "build", *(["--strict"] if strict else []))
    assert "edited since the generator wrote it" in done.stderr and page.name in done.stderr
    assert ", 0 removed;" in done.stdout
    assert (done.returncode != 0) == strict
    assert set(tree(project / "docs")) == set(docs_before), "pages were removed"
    assert page.read_text(encoding="utf-8").endswith("我的笔记\n")
    assert_nothing_lost(project, pristine)
    if strict:
        assert tree(project / "site") == tree(pristine / "site")
        assert "site: site" not in done.stdout


# --- case 2: a build killed at any moment ---------------------------------------------------


@pytest.mark.parametrize("delay", [0.15, 0.6, 1.2, 2.0, 3.0])
def test_a_killed_build_leaves_a_tree_the_next_build_accepts(
    project: Path, pristine: Path, delay: float
) -> None:
    # a changed extractor input forces every summary and page to be written again
    for path in (project / "content" / "summaries").rglob("*.yaml"):
        path.unlink()
    proc = start(project, "build")
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    old = project / ".site.old"
    site_now = tree(project / "site") or tree(old)
    assert site_now == tree(pristine / "site") or complete(project / "site", pristine / "site")
    done = run(project, "build", "--strict")
    assert done.returncode == 0, done.stderr
    assert "refusing" not in done.stderr
    assert_nothing_lost(project, pristine)


def test_a_summary_restored_by_git_is_not_called_an_edit(project: Path, pristine: Path) -> None:
    summary = next((project / "content" / "summaries").rglob("*.yaml"))
    committed = summary.read_bytes()
    summary.write_bytes(committed + b"# edited\n")
    refused = run(project, "summarize", "content/transcripts", "--out", "content/summaries")
    assert "edited since the generator wrote it" in refused.stderr
    summary.write_bytes(committed)  # git checkout
    manifest = project / "content" / "summaries" / ".generated.json"
    manifest.write_text('{"files": {}}\n', encoding="utf-8")  # and the record lost as well
    done = run(project, "build", "--strict")
    assert done.returncode == 0, done.stderr
    assert_nothing_lost(project, pristine)


# --- case 3: two builds at once --------------------------------------------------------------


def test_two_builds_at_once_take_turns(project: Path, pristine: Path) -> None:
    for path in (project / "content" / "summaries").rglob("*.yaml"):
        path.unlink()
    first, second = start(project, "build", "--strict"), start(project, "build", "--strict")
    outs = [p.communicate(timeout=300) for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, outs
    assert any("waiting: another build" in err for _, err in outs)
    assert_nothing_lost(project, pristine)
    assert tree(project / "site") == tree(pristine / "site")


# --- case 4: one input that fails to load ----------------------------------------------------


def test_a_malformed_correction_keeps_the_committed_summary(project: Path, pristine: Path) -> None:
    rel = available_samples()[0]
    corr = project / "content" / "corrections" / Path(rel).with_suffix(".yaml")
    corr.parent.mkdir(parents=True)
    corr.write_text("metrics: [oops\n", encoding="utf-8")
    for strict in ([], ["--strict"]):
        done = run(project, "build", *strict)
        assert corr.name in done.stderr
        assert ", 0 removed;" in done.stdout
        assert_nothing_lost(project, pristine)
    assert done.returncode != 0


def test_an_unreadable_transcript_keeps_the_committed_summary(project: Path, pristine: Path) -> None:
    rel = available_samples()[0]
    (project / "content" / "transcripts" / rel).write_bytes(b"\x00\x9f\x92\x96" * 400)
    done = run(project, "build")
    assert Path(rel).name in done.stderr and "binary" in done.stderr
    assert ", 0 removed;" in done.stdout
    assert_nothing_lost(project, pristine)


@pytest.mark.parametrize(
    "text, words",
    [
        ("companies: {alibaba: [broken\n", ["companies.yaml", "cannot read lexicon"]),
        ("companies: [a, b]\n", ["companies.yaml", "companies must be a mapping"]),
    ],
)
def test_a_malformed_lexicon_is_one_line_and_deletes_nothing(
    project: Path, pristine: Path, text: str, words: list[str]
) -> None:
    lexicons = project / "content" / "lexicons"
    lexicons.mkdir(parents=True)
    (lexicons / "companies.yaml").write_text(text, encoding="utf-8")
    done = run(project, "build")
    errors = [ln for ln in done.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and all(w in errors[0] for w in words), done.stderr
    assert done.returncode != 0
    assert_nothing_lost(project, pristine)
    assert tree(project / "site") == tree(pristine / "site")


# --- case 5: file names ----------------------------------------------------------------------


def test_a_long_chinese_file_name_builds(project: Path, pristine: Path) -> None:
    source = project / "content" / "transcripts" / available_samples()[0]
    long_name = "阿里巴巴" * 19 + "会.txt"  # 77 characters, 233 bytes
    source.with_name(long_name).write_bytes(source.read_bytes() + "另一来源\n".encode())
    done = run(project, "build")  # (a second source of the same call is a warning)
    assert done.returncode == 0 and "error:" not in done.stderr, done.stderr
    assert (
        project / "content" / "summaries" / source.parent.name / long_name.replace(".txt", ".yaml")
    ).is_file()
    assert_nothing_lost(project, pristine)


def test_a_name_too_long_for_its_summary_is_bounded(project: Path, pristine: Path) -> None:
    source = project / "content" / "transcripts" / available_samples()[0]
    name = "阿" * 83 + ".md"  # 252 bytes: its .yaml name would be 254, over the bound
    source.with_name(name).write_bytes(source.read_bytes() + "另一来源\n".encode())
    done = run(project, "build")
    assert done.returncode == 0, done.stderr
    summaries = [p.name for p in (project / "content" / "summaries" / source.parent.name).iterdir()]
    bounded = [n for n in summaries if n.startswith("阿")]
    assert len(bounded) == 1 and len(bounded[0].encode("utf-8")) <= 240
    assert_nothing_lost(project, pristine)


def test_a_gbk_file_name_is_one_line_and_deletes_nothing(project: Path, pristine: Path) -> None:
    folder = os.fsencode(project / "content" / "transcripts" / "alibaba")
    bad = os.path.join(folder, "阿里业绩会纪要.txt".encode("gbk"))
    with open(bad, "wb") as fh:
        fh.write("阿里巴巴业绩会\n营收为100亿元。\n".encode())
    for _ in range(3):
        done = run(project, "build")
        errors = [ln for ln in done.stderr.splitlines() if ln.startswith("error:")]
        assert len(errors) == 1 and "not UTF-8" in errors[0] and "阿里业绩会纪要" in errors[0], done.stderr
        assert "Traceback" not in done.stderr
        assert ", 0 removed;" in done.stdout
        assert_nothing_lost(project, pristine)


# --- case 6: a correction whose line moved -----------------------------------------------------


def test_a_correction_whose_line_moved_never_drops_the_call(project: Path, pristine: Path) -> None:
    rel = available_samples()[0]
    transcript = project / "content" / "transcripts" / rel
    lines = transcript.read_text(encoding="utf-8").splitlines()
    number, quote = next(
        (i + 1, t.strip()[:12])
        for i, t in enumerate(lines)
        if len(t.strip()) > 12 and sum(t.strip()[:12] in u for u in lines) == 1
    )
    corr = project / "content" / "corrections" / Path(rel).with_suffix(".yaml")
    corr.parent.mkdir(parents=True)
    corr.write_text(
        f"metrics:\n  add:\n    - {{metric: capex, scope: quarter, value: 1000, unit: CNY,"
        f" evidence: {{line: {number}, text: '{quote}'}}}}\n",
        encoding="utf-8",
    )
    transcript.write_text("新加在最上面的一行\n" + "\n".join(lines) + "\n", encoding="utf-8")
    done = run(project, "build")
    assert done.returncode == 0, done.stderr
    assert f"moved from line {number} to line {number + 1}" in done.stderr
    summary = (project / "content" / "summaries" / Path(rel).with_suffix(".yaml")).read_text(encoding="utf-8")
    assert "metric: capex" in summary
    assert complete(project / "site", pristine / "site")


# --- case 7: inputs from inside the project only ----------------------------------------------


def test_a_link_outside_the_project_is_refused(project: Path, pristine: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密文件第一行\n营收为999亿元。\n", encoding="utf-8")
    link = project / "content" / "transcripts" / "alibaba" / "linked.txt"
    link.symlink_to(secret)
    done = run(project, "build")
    errors = [ln for ln in done.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "linked.txt" in errors[0] and "outside the project" in errors[0]
    assert not (project / "content" / "summaries" / "alibaba" / "linked.yaml").exists()
    assert "机密" not in "".join(
        p.read_text(encoding="utf-8", errors="replace") for p in (project / "site").rglob("*.html")
    )
    assert_nothing_lost(project, pristine)


def test_pages_are_published_from_main_only() -> None:
    workflow = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    build = workflow.split("\n  build:\n", 1)[1].split("\n  deploy:\n", 1)[0]
    assert "github.event_name != 'pull_request'" in build and "refs/heads/main" in build
    head = workflow.split("\njobs:\n", 1)[0]
    assert "pages: write" not in head and "id-token" not in head


# --- case 10: a failed strict build says so ----------------------------------------------------


def test_a_failed_strict_build_does_not_claim_a_site(project: Path, pristine: Path) -> None:
    (project / "content" / "transcripts" / "alibaba" / "empty.txt").write_bytes(b"")
    done = run(project, "build", "--strict")
    assert done.returncode != 0
    assert "site: site" not in done.stdout and "previous site is unchanged" in done.stderr
    assert_nothing_lost(project, pristine)
