"""The committed content builds under --strict, as `make site` and the Pages job run it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_committed_content_builds_strictly(tmp_path: Path) -> None:
    for name in ("mkdocs.yml", "overrides", "generator", "content", "docs"):
        src = ROOT / name
        if src.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", ".generated.lock", ".generated.journal")
            shutil.copytree(src, tmp_path / name, ignore=ignore)
        else:
            shutil.copy2(src, tmp_path / name)
    env = {k: v for k, v in os.environ.items() if k != "GENERATOR_LEXICONS"}
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--strict", "--root", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "site" / "index.html").is_file()
