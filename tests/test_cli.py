"""The CLI through its public entry point: help, summarize, check, errors as single lines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, env=env
    )


def test_help_lists_every_command_with_an_example() -> None:
    done = run("--help")
    assert done.returncode == 0
    for command in ("summarize", "render", "build", "check"):
        assert command in done.stdout
        sub = run(command, "--help")
        assert (
            sub.returncode == 0
            and "example:" in sub.stdout
            and f"python -m generator {command}" in sub.stdout
        )


def _project(tmp_path: Path) -> Path:
    src = tmp_path / "content" / "transcripts" / "acme"
    src.mkdir(parents=True)
    (src / "good.txt").write_text("阿里巴巴业绩会\n营收为100亿元,同比增长7%。\n", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    return tmp_path


def test_summarize_reports_bad_files_in_one_line_each_and_goes_on(tmp_path: Path) -> None:
    root = _project(tmp_path)
    done = run("summarize", "content/transcripts", "--out", "content/summaries", cwd=root)
    assert done.returncode == 0, done.stderr
    errors = [ln for ln in done.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 2
    assert any("empty.txt" in e for e in errors) and any("binary.txt" in e for e in errors)
    assert "Traceback" not in done.stderr
    summary = yaml.safe_load((root / "content/summaries/acme/good.yaml").read_text(encoding="utf-8"))
    assert summary["source"]["path"] == "content/transcripts/acme/good.txt"
    assert len(summary["source"]["sha256"]) == 64


def test_strict_fails_on_bad_files(tmp_path: Path) -> None:
    root = _project(tmp_path)
    done = run("summarize", "content/transcripts", "--out", "out", "--strict", cwd=root)
    assert done.returncode == 1


def test_summarize_twice_is_byte_identical(tmp_path: Path) -> None:
    out1, out2 = tmp_path / "one", tmp_path / "two"
    for out in (out1, out2):
        assert (
            main(["summarize", str(ROOT / "content/transcripts"), "--out", str(out), "--root", str(ROOT)])
            == 0
        )
    files1 = sorted(p.relative_to(out1) for p in out1.rglob("*") if p.is_file())
    files2 = sorted(p.relative_to(out2) for p in out2.rglob("*") if p.is_file())
    assert files1 == files2 and len(files1) >= 4
    for rel in files1:
        assert (out1 / rel).read_bytes() == (out2 / rel).read_bytes(), rel


def test_a_hand_edited_summary_is_not_overwritten(tmp_path: Path) -> None:
    root = _project(tmp_path)
    assert run("summarize", "content/transcripts", "--out", "out", cwd=root).returncode == 0
    target = root / "out/acme/good.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "# my note\n", encoding="utf-8")
    done = run("summarize", "content/transcripts", "--out", "out", cwd=root)
    assert "edited since the generator wrote it" in done.stderr
    assert target.read_text(encoding="utf-8").endswith("# my note\n")


def test_check_names_the_malformed_file(tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text("source: {path: a.txt, sha256: '00'}\n", encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("source: [oops\n", encoding="utf-8")
    done = run("check", str(tmp_path))
    assert done.returncode == 1
    assert "bad.yaml" in done.stderr and "1 valid, 1 invalid" in done.stdout


@pytest.mark.parametrize("args", [["summarize", "no/such/folder", "--out", "x", "--strict"]])
def test_missing_input_is_an_error_not_a_traceback(tmp_path: Path, args: list[str]) -> None:
    done = run(*args, cwd=tmp_path)
    assert done.returncode == 1 and "no such file or folder" in done.stderr and "Traceback" not in done.stderr


def test_an_extractor_bug_is_one_line_and_the_others_go_on(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "content/transcripts/acme/trigger.txt").write_text("触发\n", encoding="utf-8")
    code = (
        "import sys, generator.extract.summarize as s\n"
        "real = s.summarize\n"
        "def boom(doc):\n"
        "    if doc.path.endswith('trigger.txt'):\n"
        "        raise TypeError('NoneType object is not iterable')\n"
        "    return real(doc)\n"
        "s.summarize = boom\n"
        "import generator.build as b; b.summarize = boom\n"
        "from generator.cli import main\n"
        "sys.exit(main(['summarize', 'content/transcripts', '--out', 'out']))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, env=env)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    line = next(ln for ln in done.stderr.splitlines() if "trigger.txt" in ln)
    assert "extraction failed (TypeError" in line
    assert (root / "out/acme/good.yaml").is_file()
