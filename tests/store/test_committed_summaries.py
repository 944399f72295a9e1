"""The committed summaries are what the current extractor produces (run `make summaries`)."""

from __future__ import annotations

from pathlib import Path

from generator.build import summarize_tree

ROOT = Path(__file__).resolve().parents[2]


def test_committed_summaries_match_the_extractor(tmp_path: Path) -> None:
    report = summarize_tree(
        ROOT / "content/transcripts", tmp_path, ROOT, ROOT / "content/corrections", prune=False
    )
    assert not report.errors, [str(e) for e in report.errors]
    committed = ROOT / "content/summaries"
    fresh = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.yaml"))
    assert fresh == sorted(p.relative_to(committed) for p in committed.rglob("*.yaml"))
    stale = [str(rel) for rel in fresh if (tmp_path / rel).read_bytes() != (committed / rel).read_bytes()]
    assert not stale, f"content/summaries is out of date for {stale}: run `make summaries` and commit"
