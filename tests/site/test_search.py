"""The search index: Pagefind over a tiny Chinese site, and the exact-match pair table.

The browser side (docs/assets/search.js) is tested in tests/browser/; here the table is
read back with a few lines of Python that do what the script does, so a wrong key,
shard or posting shows up without a browser.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.site.search import (
    BUNDLE,
    EXACT,
    index_site,
    indexed_pages,
    keys_of,
    norm,
    shard_names,
    shard_of,
)

ROOT = Path(__file__).resolve().parents[2]

PAGES = {
    "index.md": "# 首页\n\n欢迎来到业绩会纪要。\n",
    "a.md": "# 甲\n\n淘宝天猫的全站推广工具带动了变现率提升。\n",
    "b.md": "# 乙\n\n全站的商家都参与了,推广费用增加。云智能集团收入增长。\n",
    "c.md": "# 丙\n\n阿里云智能的收入,只谈回购。\n",
    "d.md": "# 丁\n\n---\nsearch:\n  exclude: true\n---\n",
}


def build_tiny_site(tmp_path: Path, pages: dict[str, str] = PAGES) -> Path:
    """A MkDocs site with the project's theme overrides and ``pages``; returns site/."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    (docs / "e.md").write_text("---\nsearch:\n  exclude: true\n---\n# 戊\n\n全站推广不应被找到。\n", "utf-8")
    config = {
        "site_name": "测试",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "custom_dir": str(ROOT / "overrides"), "language": "zh", "font": False},
        "plugins": [],
    }
    (tmp_path / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(tmp_path / "mkdocs.yml")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return tmp_path / "site"


def read_json_gz(path: Path) -> dict:
    return json.loads(gzip.decompress(path.read_bytes()))


def exact_pages(site: Path, query: str) -> set[str]:
    """The URLs of the pages whose text holds every term of ``query``, as search.js finds them
    (shard after shard, as pagefind/shards.json lists them)."""
    urls: set[str] = set()
    for name in shard_names(site):
        urls |= shard_exact_pages(site / BUNDLE / name, query)
    return urls


def shard_exact_pages(bundle: Path, query: str) -> set[str]:
    """:func:`exact_pages` in one shard's bundle."""
    meta = json.loads((bundle / EXACT / "meta.json").read_text(encoding="utf-8"))
    found: set[int] | None = None
    for term in query.split():
        s = norm(term)
        keys = {s} if len(s) == 1 else {s[i : i + 2] for i in range(len(s) - 1)}
        for key in keys:
            table = read_json_gz(bundle / EXACT / f"{shard_of(key, meta['shards'])}.json.gz")
            numbers, last = set(), 0
            for delta in table.get(key, []):
                last += delta
                numbers.add(last)
            found = numbers if found is None else found & numbers
    urls = set()
    for number in sorted(found or ()):
        fragment = gzip.decompress(
            (bundle / "fragment" / f"{meta['pages'][number]}.pf_fragment").read_bytes()
        )
        data = json.loads(fragment.removeprefix(b"pagefind_dcd"))
        if all(norm(t) in norm(data["content"]) for t in query.split()):  # search.js checks the same
            urls.add(data["url"])
    return urls


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = build_tiny_site(tmp_path_factory.mktemp("tiny"))
    index_site(site)
    return site


def test_index_covers_article_pages_in_chinese(site: Path) -> None:
    # index, a, b, c, d are indexed; e opted out with `search: exclude`, 404 has no article
    assert indexed_pages(site) == {"zh": 5}
    html = (site / "a" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in html and "data-pagefind-body" in html
    assert "data-pagefind-body" not in (site / "e" / "index.html").read_text(encoding="utf-8")
    assert shard_names(site) == ["core"]  # every page of the tiny site is at most two folders deep
    assert (site / BUNDLE / "core" / "pagefind.js").is_file()


def test_exact_table_finds_only_pages_holding_the_phrase(site: Path) -> None:
    assert exact_pages(site, "全站推广") == {"/a/"}  # b has 全站 and 推广 apart
    assert exact_pages(site, "全站") == {"/a/", "/b/"}
    assert exact_pages(site, "云智能") == {"/b/", "/c/"}
    assert exact_pages(site, "阿里云") == {"/c/"}
    assert exact_pages(site, "回购") == {"/c/"}
    assert exact_pages(site, "回购 云智能") == {"/c/"}
    assert exact_pages(site, "不存在的词") == set()


def test_nav_and_footer_are_not_indexed(site: Path) -> None:
    # page titles appear in every page's navigation; only their own page may match
    assert exact_pages(site, "欢迎来到") == {"/"}


def test_index_is_deterministic(tmp_path: Path, site: Path) -> None:
    before = {
        p.relative_to(site).as_posix(): p.read_bytes() for p in (site / BUNDLE).rglob("*") if p.is_file()
    }
    index_site(site)
    after = {
        p.relative_to(site).as_posix(): p.read_bytes() for p in (site / BUNDLE).rglob("*") if p.is_file()
    }
    assert before == after


def test_norm_and_keys() -> None:
    assert norm("ＡＢ c\u200bD　全站") == "abcd全站"  # full width, case, spaces, zero-width
    assert keys_of("全站推") == {"全", "站", "推", "全站", "站推"}


def test_shard_hash_is_fnv1a() -> None:
    # FNV-1a 32-bit of "a" is 0xE40C292C (the published test vector)
    assert shard_of("a", 2**32) == 0xE40C292C
    assert all(0 <= shard_of(k, 64) < 64 for k in keys_of("云智能集团收入"))


def test_missing_site_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BuildError) as err:
        index_site(tmp_path / "nowhere")
    assert "index.html missing" in str(err.value) and "\n" not in str(err.value)


def test_site_without_article_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html lang='zh'><body><p>没有正文标记</p></body></html>", "utf-8")
    with pytest.raises(BuildError) as err:
        index_site(tmp_path)
    assert "data-pagefind-body" in str(err.value) and "\n" not in str(err.value)
