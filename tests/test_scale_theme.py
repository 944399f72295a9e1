"""The themed-output cache (generator/site/themecache.py): a page whose theme inputs are
unchanged is written from its stored output, and the site is byte for byte the one MkDocs
builds without any cache; a change of any input the key covers themes the page again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_scale_incremental import ROOT, build, make_project, tree_bytes

from generator.build import run_mkdocs
from generator.errors import BuildError
from generator.site.hooks import CACHE_DIR, CACHE_ENV
from generator.site.themecache import CHECK_ENV, THEME_ENV

ALIBABA_CALL = "alibaba/2023-08-10_fy2024-q1_qa-digest.txt"
NEW_COMPANY = "xiaomi/2024-11-18_2024-q3_futu-call-minutes.txt"
CHANGED = "tencent/2024-08-14_2024-q2_netease-news-transcript.txt"


def stored(root: Path) -> set[str]:
    """The names of the themed outputs in the cache."""
    return {p.name for p in (root / CACHE_DIR).rglob("*.html")}


def cold_site(root: Path, dest: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """MkDocs on the same docs with no cache at all."""
    with monkeypatch.context() as env:
        env.setenv(CACHE_ENV, "off")
        run_mkdocs(root, dest, strict=True)
    site = tree_bytes(dest)
    shutil.rmtree(dest)
    return site


def assert_same(a: dict[str, bytes], b: dict[str, bytes]) -> None:
    assert sorted(a) == sorted(b), sorted(set(a) ^ set(b))[:10]
    differ = [rel for rel in a if a[rel] != b[rel]]
    assert not differ, differ[:10]


def pages(site: dict[str, bytes]) -> int:
    return sum(1 for rel in site if rel.endswith(".html") and rel != "404.html")


def test_incremental_builds_equal_cold_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(tmp_path / "project")
    monkeypatch.setenv(THEME_ENV, "off")
    build(root)
    assert not stored(root)  # off: nothing stored, pages still converted from the page cache
    monkeypatch.delenv(THEME_ENV)
    build(root)
    first = stored(root)
    assert len(first) == pages(tree_bytes(root / "site"))
    build(root)  # nothing changed: every page from its stored output
    assert stored(root) == first
    assert_same(tree_bytes(root / "site"), cold_site(root, tmp_path / "cold", monkeypatch))
    transcripts = root / "content" / "transcripts"

    def add(rel: str) -> None:
        (transcripts / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "content" / "transcripts" / rel, transcripts / rel)

    def change() -> None:
        path = transcripts / CHANGED
        path.write_text(path.read_text(encoding="utf-8") + "\n腾讯总裁刘炽平:谢谢大家。\n", encoding="utf-8")

    def retitle() -> None:  # a company's name: its section's title in the navigation
        index = root / "docs" / "companies" / "alibaba" / "index.md"
        index.write_text(index.read_text(encoding="utf-8").replace("阿里巴巴", "阿里巴巴集团", 1), "utf-8")

    # A new company is a new item of the navigation's top level, which every page shows: every
    # page is themed again. The other steps leave most pages' output unchanged.
    steps = [
        ("a call added to a company", lambda: add(ALIBABA_CALL), True),
        ("a call changed", change, True),
        ("a new company", lambda: add(NEW_COMPANY), False),
        ("a call deleted", lambda: (transcripts / ALIBABA_CALL).unlink(), True),
    ]
    for label, step, partial in steps:
        before = stored(root)
        step()
        build(root)
        site = tree_bytes(root / "site")
        assert_same(site, cold_site(root, tmp_path / "cold", monkeypatch))
        themed = stored(root) - before
        assert 0 < len(themed) <= pages(site), (label, len(themed))
        if partial:
            assert len(themed) < pages(site), (label, len(themed))
    before = stored(root)
    retitle()  # docs edited by hand: MkDocs alone, as after a render
    monkeypatch.setenv(CHECK_ENV, "1")
    run_mkdocs(root, tmp_path / "site", strict=True)
    monkeypatch.delenv(CHECK_ENV)
    site = tree_bytes(tmp_path / "site")
    assert_same(site, cold_site(root, tmp_path / "cold", monkeypatch))
    themed = stored(root) - before
    under = sum(1 for rel in site if rel.startswith("companies/") and rel.endswith(".html"))
    assert under <= len(themed) < pages(site)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("theme") / "project")
    build(root)
    return root


def rebuilt(root: Path, dest: Path, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """MkDocs again, in check mode (a stored output that differs from the rendered one fails
    the build); the themed outputs it stored; the site equals one built without cache."""
    before = stored(root)
    with monkeypatch.context() as env:
        env.setenv(CHECK_ENV, "1")
        run_mkdocs(root, dest, strict=True)
    assert_same(tree_bytes(dest), cold_site(root, dest.with_name("cold"), monkeypatch))
    shutil.rmtree(dest)
    return stored(root) - before


def test_a_stale_key_cannot_survive(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = site
    out = tmp_path / "site"
    assert rebuilt(root, out, monkeypatch) == set()  # nothing changed: every key found
    total = len(stored(root))
    call = next((root / "docs" / "calls" / "tencent").rglob("*2024-08-14*.md"))

    def edit(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, (path, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    # a page's body: that page only
    edit(call, "\n## ", "\n本页附注。\n\n## ")
    assert len(rebuilt(root, out, monkeypatch)) == 1
    # a page's front-matter title: the page, its neighbours, the pages showing it in the nav
    edit(call, "title: ", "title: 改 ")
    assert len(rebuilt(root, out, monkeypatch)) >= 3
    # everything the whole site shares: mkdocs.yml, overrides/, a hook file, an !ENV setting
    for change in (
        lambda: edit(root / "mkdocs.yml", "site_description: ", "site_description: 新"),
        lambda: edit(root / "overrides" / "main.html", "{% extends", "{#- note -#}\n{% extends"),
        lambda: edit(root / "overrides" / "hooks" / "nav.py", "from __future__", "# note\nfrom __future__"),
        lambda: monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8001/sub/"),
    ):
        change()
        assert len(rebuilt(root, out, monkeypatch)) == total
    assert len(stored(root)) == total  # the unused entries were pruned


def test_check_mode_fails_on_a_stored_output_that_differs(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_mkdocs(site, tmp_path / "site", strict=True)  # the cache as this project's settings make it
    shutil.rmtree(tmp_path / "site")
    entry = sorted((site / CACHE_DIR).rglob("*.html"))[0]
    entry.write_bytes(entry.read_bytes().replace(b"</body>", b"<!-- stale --></body>"))
    monkeypatch.setenv(CHECK_ENV, "1")
    with pytest.raises(BuildError, match="theme cache: 1 stored pages differ"):
        run_mkdocs(site, tmp_path / "site", strict=True)
    monkeypatch.delenv(CHECK_ENV)
    run_mkdocs(site, tmp_path / "site", strict=True)  # without check: the stored bytes are used
    assert any(b"<!-- stale -->" in p.read_bytes() for p in (tmp_path / "site").rglob("*.html"))
