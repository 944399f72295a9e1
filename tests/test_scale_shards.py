"""Shard-and-merge: MkDocs run as parallel processes by company, merged into one site,
gives the same bytes as one ordinary build (every file, the search index included)."""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

import pytest
from test_scale_incremental import make_project, tree_bytes

from generator import build, cli
from generator.build import build_date_epoch, build_site, merge_shards, run_mkdocs, run_mkdocs_shards
from generator.errors import BuildError
from generator.site import shards
from generator.site.hooks import CACHE_DIR
from generator.site.shards import (
    SHARED,
    assign,
    default_shard_count,
    merge_sites,
    parse_shard,
    plan_of,
    run_shards,
    shard_key,
)

SHARDS = 3


def assert_same_tree(a: dict[str, bytes], b: dict[str, bytes]) -> None:
    assert sorted(a) == sorted(b), sorted(set(a) ^ set(b))[:10]
    differ = [rel for rel in a if a[rel] != b[rel]]
    assert not differ, differ[:10]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same project built once ordinarily and once in shards (search index included)."""
    base = tmp_path_factory.mktemp("shards")
    one = make_project(base / "one")
    sharded = make_project(base / "sharded")
    report = build_site(one, one / "site", search=True, jobs=1)
    assert not report.errors, [str(e) for e in report.errors]
    report = build_site(sharded, sharded / "site", search=True, jobs=1, shards=SHARDS)
    assert not report.errors, [str(e) for e in report.errors]
    return one, sharded


def test_shard_and_merge_equals_one_build_byte_for_byte(built: tuple[Path, Path]) -> None:
    one, sharded = built
    site = tree_bytes(one / "site")
    assert any(rel.startswith("pagefind/") for rel in site)
    assert "sitemap.xml" in site and "404.html" in site
    assert_same_tree(site, tree_bytes(sharded / "site"))
    assert not (sharded / "site.shards").exists()


def test_each_shard_writes_its_own_part_of_the_site(built: tuple[Path, Path], tmp_path: Path) -> None:
    one, _ = built
    env = {**os.environ, "SOURCE_DATE_EPOCH": build_date_epoch(one)}
    runs = run_shards(one, tmp_path / "parts", SHARDS, True, env)
    assert all(run.cpu > 0 and run.peak_mb > 20 for run in runs)
    parts = [tree_bytes(run.site) for run in runs]
    assert all(parts), [len(p) for p in parts]
    names = [set(p) for p in parts]
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert not a & b, sorted(a & b)[:5]
    assert "sitemap.xml" in names[0] and not any("sitemap.xml" in n for n in names[1:])
    site = {rel: data for rel, data in tree_bytes(one / "site").items() if not rel.startswith("pagefind/")}
    assert_same_tree(site, {rel: data for part in parts for rel, data in part.items()})
    for part in parts[1:]:  # a company's pages, never a page that gathers every company
        assert all(shard_key(rel) != SHARED for rel in part), sorted(part)[:5]


def test_a_page_titled_by_its_heading_is_named_alike_in_every_shard(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """A top-level page without a front-matter title is in every page's navigation under the
    title of its first heading, as converted (not the raw Markdown ``**``)."""
    project = tmp_path / "project"
    shutil.copytree(built[0], project)
    (project / "docs" / "notes.md").write_text("# 编者 **说明**\n\n正文。\n", encoding="utf-8")
    run_mkdocs(project, tmp_path / "one", strict=True)
    run_mkdocs_shards(project, tmp_path / "sharded", strict=True, shards=SHARDS)
    home = (tmp_path / "one" / "companies" / "index.html").read_text(encoding="utf-8")
    assert "编者 说明" in home
    assert_same_tree(tree_bytes(tmp_path / "one"), tree_bytes(tmp_path / "sharded"))


def test_the_shards_share_the_page_cache_of_one_build(built: tuple[Path, Path]) -> None:
    one, sharded = built
    entries = {p.name for p in (one / CACHE_DIR).glob("*/*.json")}
    assert entries
    assert {p.name for p in (sharded / CACHE_DIR).glob("*/*.json")} == entries
    assert not list((sharded / CACHE_DIR).glob("used-*"))


def test_a_sharded_build_from_the_page_cache_is_the_same_site(built: tuple[Path, Path]) -> None:
    one, sharded = built
    report = build_site(sharded, sharded / "site", search=True, jobs=1, shards=SHARDS)
    assert not report.errors and report.reused == 3
    assert_same_tree(tree_bytes(one / "site"), tree_bytes(sharded / "site"))


def test_shards_built_one_by_one_then_merged_equal_one_build(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """The CI flow: one job per shard (``build --shard k/n``), then ``merge`` with search."""
    project = tmp_path / "project"
    shutil.copytree(built[0], project)
    shutil.rmtree(project / "site")
    parts = []
    for index in range(SHARDS):
        part = tmp_path / f"part-{index}"
        report = build_site(project, part, search=True, jobs=1, shard=(index, SHARDS))
        assert not report.errors and report.site == part, [str(e) for e in report.errors]
        assert not (part / "pagefind").exists()
        parts.append(part)
    assert not list((project / CACHE_DIR).glob("used-*"))
    report = merge_shards(parts, tmp_path / "site")
    assert not report.errors, [str(e) for e in report.errors]
    assert_same_tree(tree_bytes(built[0] / "site"), tree_bytes(tmp_path / "site"))
    assert all(any(part.iterdir()) for part in parts)  # the parts are copied, not used up


def test_a_failing_shard_fails_the_build_and_names_itself(built: tuple[Path, Path], tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(built[0], project)
    company = next(p for p in sorted((project / "docs" / "calls").iterdir()) if p.is_dir())
    (company / "broken.md").write_text("---\ntitle: 断链\n---\n[缺](missing.md)\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"shard \d/3 failed"):
        run_mkdocs_shards(project, tmp_path / "site", strict=True, shards=SHARDS)
    assert not (tmp_path / "site.shards").exists()


# --- the plan and the merge, on their own -----------------------------------------------------


def test_a_file_belongs_to_the_company_folder_it_is_in() -> None:
    assert shard_key("calls/alibaba/2024/alibaba-2024-q1.md") == "alibaba"
    assert shard_key("calls/alibaba/index.md") == "alibaba"
    assert shard_key("companies/tencent/charts/revenue.svg") == "tencent"
    assert shard_key("people/management/baidu/李彦宏.md") == "baidu"
    assert shard_key("topics/ai/baidu/2024.md") == "baidu"
    for shared in (
        "index.md",
        "calls/index.md",
        "companies/index.md",
        "topics/ai/index.md",
        "people/analysts/morgan-stanley/index.md",
        "data/calls/x.csv",
        "assets/report.css",
    ):
        assert shard_key(shared) == SHARED, shared


def test_companies_go_heaviest_first_to_the_least_loaded_shard() -> None:
    plan = assign({SHARED: 5, "a": 4, "b": 3, "c": 2, "d": 2}, 3)
    assert plan == {SHARED: 0, "a": 1, "b": 2, "c": 2, "d": 1}
    pages = ["index.md", "calls/a/1.md", "calls/a/2.md", "calls/b/1.md", "topics/t/b/2024.md"]
    assert plan_of(pages, 2) == plan_of(list(reversed(pages)), 2) == {SHARED: 0, "a": 1, "b": 0}


@pytest.mark.parametrize("text", ["1", "3/3", "-1/2", "a/2", "0/0"])
def test_a_shard_is_named_k_of_n(text: str) -> None:
    with pytest.raises(ValueError):
        parse_shard(text)
    assert parse_shard("2/3") == (2, 3)


def test_two_shards_writing_one_path_differently_is_an_error(tmp_path: Path) -> None:
    for name, text in (("a", "x"), ("b", "x"), ("c", "y")):
        (tmp_path / name / "assets").mkdir(parents=True)
        (tmp_path / name / "assets" / "same.css").write_text(text, encoding="utf-8")
    assert merge_sites([tmp_path / "a", tmp_path / "b"], tmp_path / "ab") == 1
    with pytest.raises(BuildError, match="same.css"):
        merge_sites([tmp_path / "ab", tmp_path / "c"], tmp_path / "abc")
    shutil.rmtree(tmp_path / "ab")


def test_the_default_shard_count_is_one_per_core_for_large_sites_only(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for i in range(2500):
        page = docs / "calls" / f"c{i % 5}" / f"{i}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("x", encoding="utf-8")
    assert default_shard_count(docs, 1) == 1
    assert default_shard_count(docs, 2) == 2
    assert default_shard_count(docs, 8) == 2  # at most one per 1,000 pages
    for page in sorted(docs.rglob("*.md"))[: 2500 - 999]:
        page.unlink()
    assert default_shard_count(docs, 8) == 1  # 999 pages: one process
    one_company = tmp_path / "one" / "docs"
    for i in range(4000):
        page = one_company / "calls" / "c" / f"{i}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("x", encoding="utf-8")
    assert default_shard_count(one_company, 8) == 2  # one company and the shared pages


def test_shards_auto_uses_the_cores_and_gives_the_same_site(
    built: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, _ = built
    counts: list[int] = []

    def counted(root: Path, site_dir: Path, strict: bool, shards: int) -> object:
        counts.append(shards)
        return run_mkdocs_shards(root, site_dir, strict, shards)

    monkeypatch.setattr(shards, "PAGES_PER_SHARD", 50)
    monkeypatch.setattr(build, "run_mkdocs_shards", counted)
    project = make_project(tmp_path / "auto")
    report = build_site(project, project / "site", search=True, jobs=2, shards=None)
    assert not report.errors, [str(e) for e in report.errors]
    assert counts == [2]
    assert_same_tree(tree_bytes(one / "site"), tree_bytes(project / "site"))
    report = build_site(project, project / "site", search=True, jobs=2)  # the default: one process
    assert counts == [2] and not report.errors
    assert_same_tree(tree_bytes(one / "site"), tree_bytes(project / "site"))
    assert cli._shards("auto") is None and cli._shards("3") == 3
    for wrong in ("0", "-1", "two"):
        with pytest.raises(argparse.ArgumentTypeError):
            cli._shards(wrong)
