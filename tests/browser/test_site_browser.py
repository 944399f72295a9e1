"""The built site in a real browser: search, evidence links, charts, escaping, palette,
instant navigation, sortable tables, and no request leaving the machine."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from playwright.sync_api import Page, expect

SEARCH_DONE = """q => {
  const box = document.querySelector('[data-pagefind-search]');
  return box.dataset.searchState === 'done' && box.dataset.searchQuery === q;
}"""
ARTICLE = re.compile(r"<article[^>]*data-pagefind-body[^>]*>(.*?)</article>", re.S)
TAG = re.compile(r"<[^>]+>")


def article_text(path: Path) -> str:
    """The text of a built page's article, tags dropped, without spaces."""
    match = ARTICLE.search(path.read_text(encoding="utf-8"))
    return re.sub(r"\s+", "", html.unescape(TAG.sub("", match.group(1)))) if match else ""


def pages_containing(site: Path, term: str) -> set[str]:
    """URL paths of the built pages whose article holds ``term`` (read from the HTML)."""
    found = set()
    for path in site.rglob("index.html"):
        if term in article_text(path):
            rel = path.parent.relative_to(site).as_posix()
            found.add("/" if rel == "." else f"/{rel}/")
    return found


def search(page: Page, base_url: str, query: str) -> None:
    """Open the search with "/" and type the query as a person does (then a key release)."""
    if not page.url.startswith(base_url):
        page.goto(base_url)
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    box.fill("")
    page.keyboard.type(query)
    page.keyboard.press("End")
    page.wait_for_function(SEARCH_DONE, arg=query)


def result_count(page: Page) -> int:
    meta = page.inner_text(".md-search-result__meta")
    numbers = re.findall(r"\d+", meta)
    return int(numbers[0]) if numbers else 0


def shown_paths(page: Page) -> list[str]:
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a", "els => els.map(e => e.getAttribute('href'))"
    )
    return [unquote(urlparse(h).path) for h in hrefs]


def test_chinese_search_returns_exactly_the_pages_holding_the_term(
    page: Page, base_url: str, site: Path
) -> None:
    for term in ("全站推广", "云智能"):
        expected = pages_containing(site, term)
        assert expected, f"the seeds should mention {term}"
        search(page, base_url, term)
        assert result_count(page) == len(expected), term
        shown = shown_paths(page)
        assert shown and set(shown) <= expected and len(shown) == min(10, len(expected)), term
        marks = page.eval_on_selector_all(
            ".md-search-result__item mark", "els => els.map(e => e.textContent)"
        )
        assert marks and all(m == term for m in marks), marks


def test_term_found_nowhere_says_so(page: Page, base_url: str) -> None:
    search(page, base_url, "量子纠缠咖啡馆")
    assert result_count(page) == 0
    assert page.locator(".md-search-result__item").count() == 0
    assert "没有" in page.inner_text(".md-search-result__meta")


def test_result_opens_its_page(page: Page, base_url: str) -> None:
    search(page, base_url, "全站推广")
    first = page.locator(".md-search-result__item > a").first
    target = unquote(urlparse(first.get_attribute("href") or "").path)
    first.click()
    page.wait_for_function(f"decodeURIComponent(location.pathname) === {target!r}")
    expect(page.locator("article").first).to_contain_text("全站推广")  # once the page is swapped in


def call_page_with_evidence(page: Page, base_url: str) -> str:
    """Open the first call page (from the home page) that has a metric evidence link."""
    page.goto(base_url)
    for href in page.eval_on_selector_all("article a[href*='calls/']", "els => els.map(e => e.href)"):
        page.goto(href)
        if page.locator("article table a[href*='#L']").count():
            return href
    raise AssertionError("no call page with an evidence link")


def test_evidence_link_lands_on_its_line(page: Page, base_url: str) -> None:
    call_page_with_evidence(page, base_url)
    links = page.locator("article table a[href*='#L']")
    link = links.nth(min(3, links.count() - 1))  # one further down the page
    anchor = (link.get_attribute("href") or "").split("#")[-1]
    link.click()
    page.wait_for_function(f"location.hash === '#{anchor}'")
    in_view = "id => { const r = document.getElementById(id).getBoundingClientRect();"
    in_view += " return r.top >= 0 && r.top < innerHeight; }"
    page.wait_for_function(in_view, arg=anchor, timeout=5000)  # scrolling may be smooth
    line = page.locator(f"[id='{anchor}']")
    box = line.bounding_box()
    assert box is not None
    assert 0 <= box["y"] < page.viewport_size["height"]  # type: ignore[index]
    number = anchor.removeprefix("L")
    assert line.inner_text().strip().startswith(number)


def test_company_page_shows_a_chart(page: Page, base_url: str) -> None:
    page.goto(base_url + "companies/alibaba/")
    charts = page.locator("article svg, article img[src$='.svg']")
    assert charts.count() > 0
    box = charts.first.bounding_box()
    assert box is not None and box["width"] > 50 and box["height"] > 50
    if page.locator("article img[src$='.svg']").count():
        assert page.eval_on_selector("article img[src$='.svg']", "img => img.naturalWidth") > 0


def test_script_in_a_transcript_never_runs(page: Page, base_url: str, site: Path) -> None:
    hostile = [p for p in site.rglob("index.html") if "hostile" in p.as_posix()]
    assert hostile, "the hostile transcript should have a call page"
    path = hostile[0].parent.relative_to(site).as_posix()
    page.goto(f"{base_url}{path}/")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    text = page.inner_text("article")
    assert "<script>window.__pwned=1</script>" in text
    assert "图片也只是文字" in text  # the reader may drop the tag itself; it must never load
    search(page, base_url, "这一行的脚本")  # the excerpt holds the script text, too
    assert result_count(page) >= 1
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None


def test_dark_mode_toggle(page: Page, base_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(base_url)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function(f"{scheme} === 'slate'")
    page.reload()  # the choice is kept
    assert page.evaluate(scheme) == "slate"


def test_instant_navigation_keeps_search_and_tables_working(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.evaluate("window.__samePage = 1")
    call = page.locator(
        "article a[href*='calls/'][href*='sina-call-transcript']"
    ).first  # a call with metrics
    call.click()
    page.wait_for_function("location.pathname.includes('/calls/')")
    assert page.evaluate("window.__samePage") == 1  # swapped by Material, not reloaded
    search(page, base_url, "回购")
    assert result_count(page) > 0
    page.keyboard.press("Escape")
    table = page.locator("article table[data-sortable-bound]").first
    table.wait_for()
    header = table.locator("thead th").first
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    first_column = "t => [...t.tBodies[0].rows].map(r => r.cells[0].textContent)"
    ascending = table.evaluate(first_column)
    header.click()
    assert header.get_attribute("aria-sort") == "descending"
    descending = table.evaluate(first_column)
    assert sorted(ascending) == sorted(descending) and len(ascending) > 1
    if len(set(ascending)) > 1:
        assert ascending != descending


def test_no_request_leaves_the_machine(page: Page, base_url: str, requests_seen: list[str]) -> None:
    page.goto(base_url)
    search(page, base_url, "全站推广")
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_timeout(500)
    call_page_with_evidence(page, base_url)
    page.goto(base_url + "companies/alibaba/")
    hosts = {urlparse(u).hostname for u in requests_seen if not u.startswith(("data:", "blob:"))}
    assert requests_seen and hosts == {"127.0.0.1"}, hosts


ENGLISH_CALL = "calls/jd/2024/jd-2024-08-15_2024-q2_insidermonkey-call-transcript/"
"""A call whose transcript is in English (content/SOURCES.md): its figures quote English lines."""


def test_an_english_call_links_its_figures_to_the_english_lines(page: Page, base_url: str) -> None:
    page.goto(base_url + ENGLISH_CALL)
    table = page.locator("article .metrics table").first
    names = [n.strip() for n in table.locator("tbody tr td:first-child").all_inner_texts()]
    assert names and all(re.search(r"[\u4e00-\u9fff]", n) and "_" not in n for n in names), names
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    assert headers[0] == "指标" and headers[-1] == "原文"
    evidence = table.locator("tbody tr td:last-child a").first
    anchor = (evidence.get_attribute("href") or "").split("#")[-1]
    quoted = evidence.inner_text().split(" ", 1)[1]  # "L5 EPS is $0.564": the words as written
    assert re.search(r"[A-Za-z]{3,}", quoted), quoted
    evidence.click()
    page.wait_for_function(f"location.hash === '#{anchor}'")
    # the English line, shown as written (not translated), once the page is swapped in
    expect(page.locator(f"[id='{anchor}']")).to_contain_text(quoted)
    # The consensus the line quotes, held against the reported figure in Chinese words.
    assert page.locator("article .verdict").first.inner_text() in ("超预期", "符合预期", "低于预期")


def test_an_english_term_finds_the_english_call(page: Page, base_url: str, site: Path) -> None:
    term = "expectations"
    assert "/" + ENGLISH_CALL in pages_containing(site, term)
    search(page, base_url, term)
    assert "/" + ENGLISH_CALL in shown_paths(page)
    marks = page.eval_on_selector_all(".md-search-result__item mark", "els => els.map(e => e.textContent)")
    assert any(m.lower().startswith("expect") for m in marks), marks


PAGEFIND_URLS = """async q => {
  const pf = await window.__siteSearch.load();
  const found = await pf.search(q);
  return Promise.all(found.results.map(r => r.data().then(d => d.url)));
}"""


def test_pagefind_ranks_the_pages_of_every_index_shard(page: Page, base_url: str, site: Path) -> None:
    """The index is made in shards (pagefind/shards.json) and merged in the browser: Pagefind's
    own search, the ranking search.js uses, finds pages of several shards at once."""
    from generator.site.search import shard_names, shard_of_page

    assert len(shard_names(site)) > 2
    page.goto(base_url)
    urls = page.evaluate(PAGEFIND_URLS, "收入")
    shards = {shard_of_page(unquote(u).lstrip("/").split("#")[0] + "index.html") for u in urls}
    assert len(shards) > 2, (shards, urls[:5])
    assert set(shards) <= set(shard_names(site))
