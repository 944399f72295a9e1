"""Summarizing in worker processes gives the same summaries as one process, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.build import PARALLEL_MIN, summarize_tree

ROOT = Path(__file__).resolve().parent.parent


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_workers_write_what_one_process_writes(tmp_path: Path) -> None:
    src = tmp_path / "content" / "transcripts"
    copies = 0
    while copies * 11 < PARALLEL_MIN * 2:
        shutil.copytree(ROOT / "content" / "transcripts", src / f"set{copies}")
        copies += 1
    (src / "set0" / "broken.txt").write_bytes(b"")  # a failure among the workers is reported in order
    one = summarize_tree(src, tmp_path / "one", tmp_path, jobs=1)
    two = summarize_tree(src, tmp_path / "two", tmp_path, jobs=2)
    assert [str(e) for e in one.errors] == [str(e) for e in two.errors] and len(one.errors) == 1
    assert one.written == two.written >= PARALLEL_MIN * 2
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
