"""The MkDocs page cache (generator/site/hooks.py): a site built from cached pages is the
site built without the cache, byte for byte; Material's unused search bundle is not shipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_scale_incremental import build, make_project, tree_bytes

from generator.site.hooks import CACHE_DIR, CACHE_ENV


def test_cached_pages_build_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(tmp_path / "project")
    monkeypatch.setenv(CACHE_ENV, "off")
    build(root)
    plain = tree_bytes(root / "site")
    assert not (root / CACHE_DIR).exists()
    monkeypatch.delenv(CACHE_ENV)
    build(root)  # fills the cache
    entries = sorted((root / CACHE_DIR).rglob("*.json"))
    assert len(entries) > 10
    assert tree_bytes(root / "site") == plain
    build(root)  # every page from the cache
    assert tree_bytes(root / "site") == plain
    assert sorted((root / CACHE_DIR).rglob("*.json")) == entries


def test_a_changed_page_is_converted_again_and_stale_entries_go(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    build(root)
    before = set((root / CACHE_DIR).rglob("*.json"))
    transcript = root / "content/transcripts/alibaba/2024-05-14_fy2024-q4_sina-call-transcript.txt"
    transcript.write_text(transcript.read_text(encoding="utf-8") + "\n张勇:谢谢。\n", encoding="utf-8")
    build(root)
    after = set((root / CACHE_DIR).rglob("*.json"))
    assert before - after and after - before  # the old page's entry replaced by the new one


def test_the_lunr_search_bundle_is_not_shipped(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    build(root)
    assets = root / "site" / "assets" / "javascripts"
    assert not (assets / "lunr").exists() and not (assets / "workers").exists()
    assert any(assets.glob("bundle.*.min.js"))
