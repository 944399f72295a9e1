"""The search index in shards, made again only where the pages' indexed text changed.

A build with the shard cache and a cold build of the same site must leave byte-identical
search bundles; a shard whose pages did not change (in what Pagefind reads of them) is
copied from the cache, never indexed again.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from test_scale_incremental import ROOT, SAMPLES, build, make_project, tree_bytes

from generator.site.search import (
    BUNDLE,
    CORE,
    body_element,
    index_site,
    indexed_pages,
    norm,
    projection,
    search_cache,
    shard_key_of,
    shard_names,
    shard_of_page,
    site_shards,
)

ADDED = "xiaomi/2024-11-18_2024-q3_futu-call-minutes.txt"


def bundle_bytes(site: Path) -> dict[str, bytes]:
    return {rel: data for rel, data in tree_bytes(site).items() if rel.startswith(BUNDLE + "/")}


def assert_same_tree(a: dict[str, bytes], b: dict[str, bytes]) -> None:
    assert sorted(a) == sorted(b), sorted(set(a) ^ set(b))[:10]
    differ = [rel for rel in a if a[rel] != b[rel]]
    assert not differ, differ[:10]


# --- which shard a page is indexed in ---------------------------------------------------------


def test_a_company_page_goes_to_its_company_bucket_and_the_lists_to_the_core() -> None:
    company = [
        "calls/alibaba/2024/alibaba-2024-05-14_x/index.html",
        "companies/alibaba/index.html",
        "topics/云/alibaba/2024/index.html",
        "people/management/alibaba/吴泳铭/index.html",
    ]
    assert len({shard_of_page(rel) for rel in company}) == 1
    assert shard_of_page(company[0]).startswith("b")
    for rel in ("index.html", "calls/index.html", "topics/云/index.html", "companies/index.html"):
        assert shard_of_page(rel) == CORE, rel
    firms = ["people/analysts/瑞穗证券/james-lee/2024/index.html", "people/analysts/高盛/alex-ng/index.html"]
    assert len({shard_of_page(rel) for rel in firms}) == 1 and shard_of_page(firms[0]).startswith("s")
    assert all(shard_of_page(rel, 4)[1:] in {"00", "01", "02", "03"} for rel in company + firms)


# --- what Pagefind reads of a page --------------------------------------------------------------

PAGE = (
    '<!doctype html><html lang="zh" class="no-js"><head><title>甲 - 站点</title></head><body>'
    '<nav>{nav}</nav><div class="md-content"><article class="md-content__inner" data-pagefind-body>'
    "<h1>甲</h1><article><p>内层</p></article><p>全站推广</p></article></div><footer>页脚</footer>"
    "</body></html>"
)


def test_projection_keeps_language_title_and_the_marked_element_only() -> None:
    text = projection(PAGE.format(nav="导航一"))
    assert text is not None
    assert '<html lang="zh">' in text and "<title>甲 - 站点</title>" in text
    assert "<p>内层</p></article><p>全站推广</p></article></body>" in text  # nested tag counted
    assert "导航一" not in text and "页脚" not in text
    assert projection(PAGE.format(nav="导航二，多了一个电话会")) == text  # the navigation is no input
    assert projection("<html lang='zh'><body><article><p>无标记</p></article></body></html>") is None


def test_body_element_is_linear_on_a_long_line() -> None:
    html = (
        '<html lang="zh"><body>'
        + "<p>x</p>" * 200_000
        + "<div data-pagefind-body><p>正文</p></div></body></html>"
    )
    found = body_element(html)
    assert found is not None and found[1] == "<div data-pagefind-body><p>正文</p></div>"
    assert body_element("<p>" * 100_000) is None


# --- the cache against a cold index -----------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project built with its search index (and the shard cache filled)."""
    root = make_project(tmp_path_factory.mktemp("search") / "project")
    build(root, search=True)
    return root


def test_the_site_is_indexed_in_shards_listed_core_first(built: Path) -> None:
    site = built / "site"
    names = shard_names(site)
    assert names[0] == CORE and len(names) > 2, names
    assert names == list(site_shards(site))
    for name in names:
        entry = json.loads((site / BUNDLE / name / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert entry["languages"], name
        assert (site / BUNDLE / name / "exact" / "meta.json").is_file()
    pages = sum(len(p) for p in site_shards(site).values())
    assert indexed_pages(site) == {"zh": pages}
    keys = {shard_key_of(name, pages) for name, pages in site_shards(site).items()}
    assert {p.name for p in search_cache(built).iterdir()} == keys


def test_unchanged_pages_reuse_every_shard_byte_for_byte(built: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(built / "site", copy)
    cache = tmp_path / "cache"
    shutil.copytree(search_cache(built), cache)
    runs = index_site(copy, cache=cache)
    assert runs and all(run.reused and run.cpu == 0 for run in runs)
    assert_same_tree(bundle_bytes(built / "site"), bundle_bytes(copy))


def test_a_changed_article_reindexes_its_shard_only_and_equals_a_cold_index(
    built: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    cache = tmp_path / "cache"
    shutil.copytree(search_cache(built), cache)
    page = next(iter(sorted((site / "companies").glob("*/index.html"))))
    changed = shard_of_page(page.relative_to(site).as_posix())
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", "<p>量子纠缠咖啡馆</p></article>", 1), encoding="utf-8")
    for other in sorted(site.rglob("*.html"))[:50]:  # navigation only: no shard's input
        if other != page and not other.is_relative_to(site / BUNDLE):
            text = other.read_text(encoding="utf-8")
            other.write_text(text.replace("</nav>", "<!-- 新导航 --></nav>", 1), encoding="utf-8")
    runs = index_site(site, cache=cache)
    assert [run.name for run in runs if not run.reused] == [changed]
    cold = tmp_path / "cold"
    shutil.copytree(site, cold)
    index_site(cold)  # no cache
    assert_same_tree(bundle_bytes(cold), bundle_bytes(site))
    meta = json.loads((site / BUNDLE / changed / "exact" / "meta.json").read_text(encoding="utf-8"))
    contents = [
        json.loads(
            gzip.decompress(
                (site / BUNDLE / changed / "fragment" / f"{pid}.pf_fragment").read_bytes()
            ).removeprefix(b"pagefind_dcd")
        )["content"]
        for pid in meta["pages"]
    ]
    assert any("量子纠缠咖啡馆" in norm(text) for text in contents)  # Chinese comes segmented
    assert len(list(cache.iterdir())) == len(runs)  # the entry of the old shard was removed


def test_an_incremental_build_equals_a_cold_build(built: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(built, project)
    transcripts = project / "content" / "transcripts"
    (transcripts / ADDED).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "content" / "transcripts" / ADDED, transcripts / ADDED)
    changed = transcripts / SAMPLES[1]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n腾讯总裁刘炽平:谢谢大家。\n", encoding="utf-8"
    )
    build(project, search=True)
    before = {p.name for p in search_cache(built).iterdir()}
    after = {p.name for p in search_cache(project).iterdir()}
    assert before & after, "no shard was reused"
    assert after - before, "no shard was indexed again"
    cold = tmp_path / "cold-site"
    shutil.copytree(project / "site", cold)
    index_site(cold)
    assert_same_tree(tree_bytes(cold), tree_bytes(project / "site"))
