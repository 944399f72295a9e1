"""What an analyst reads, in a real browser, on a corpus written as summaries: one company over
six consecutive quarters and a gap (tests/browser/analyst_corpus.py) and a call in Traditional
script. Like-for-like changes, the chart's gap, sorting by magnitude, search in both scripts,
call pages first, results on their line, guidance against its actual, consensus beat or miss, the format page out of the index, the notice from
disk, the evidence column at 390 px, quotes as quotations and the source's kind."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from analyst_corpus import COMPANY_ID, TRAD_ID, write_corpus
from playwright.sync_api import Browser, Page, expect

from generator.build import render_tree, run_mkdocs
from generator.site.search import index_site

ROOT = Path(__file__).resolve().parents[2]
SEARCH_DONE = """q => {
  const box = document.querySelector('[data-pagefind-search]');
  return box.dataset.searchState === 'done' && box.dataset.searchQuery === q;
}"""
CALL_PAGE = re.compile(r"^/calls/[^/]+/[^/]+/[^/]+/$")
Q1_2024 = f"calls/{COMPANY_ID}/2024/{COMPANY_ID}-2024-05-10_2024-q1/"
Q2_2024 = f"calls/{COMPANY_ID}/2024/{COMPANY_ID}-2024-08-10_2024-q2/"
Q4_2024 = f"calls/{COMPANY_ID}/2024/{COMPANY_ID}-2025-03-10_2024-q4/"
TRAD_PAGE = f"calls/{TRAD_ID}/2024/{TRAD_ID}-2025-02-12_2024-q4/"


def copy_config(dest: Path, site_url: str) -> None:
    """What a build needs besides content: config (with ``site_url``), theme, package, assets."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (dest / "mkdocs.yml").write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: {site_url}", config), "utf-8")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("overrides", "generator", "docs/assets"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=ignore)
    shutil.copy2(ROOT / "docs" / "summary-format.md", dest / "docs" / "summary-format.md")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def corpus_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory, corpus_port: int) -> Path:
    """The corpus's summaries -> pages -> MkDocs (strict) -> Pagefind."""
    root = tmp_path_factory.mktemp("analyst")
    copy_config(root, f"http://127.0.0.1:{corpus_port}/")
    write_corpus(root)
    report = render_tree(root / "content" / "summaries", root / "docs", root)
    assert not report.errors and not report.warnings, [str(e) for e in report.errors]
    run_mkdocs(root, root / "site", strict=True)
    index_site(root / "site")
    return root / "site"


@pytest.fixture(scope="module")
def url(corpus_site: Path, corpus_port: int) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=corpus_site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", corpus_port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{corpus_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def computed(page: Page, basis: str) -> list[tuple[str, str]]:
    """(base period, change) of every computed change on ``basis`` in the article."""
    return page.eval_on_selector_all(
        f"article .computed[data-basis='{basis}']", "els => els.map(e => [e.dataset.base, e.textContent])"
    )


def test_yoy_and_qoq_are_computed_against_the_right_periods(page: Page, url: str) -> None:
    page.goto(url + Q1_2024)
    assert computed(page, "yoy") == [["2023 Q1", "+25%"]]
    assert computed(page, "qoq") == [["2023 Q4", "-3.85%"]]
    assert page.locator("article .mismatch[data-mismatch]").count() == 0  # stated -3.8%: within tolerance
    assert page.locator("article h2", has_text="与上一次电话会相比").count() == 1  # 2023 Q4 is adjacent
    page.goto(url + Q4_2024)
    assert computed(page, "yoy") == [["2023 Q4", "+30%"]]
    assert computed(page, "qoq") == []  # 2024 Q3 is not on file: no quarter-on-quarter change
    flag = page.locator("article .mismatch[data-mismatch='yoy']")
    assert flag.count() == 1 and flag.is_visible() and "10 个百分点" in (flag.get_attribute("title") or "")
    assert "电话会所述 +20%" in page.inner_text("article .likeforlike")
    assert page.locator("article h2", has_text="与上一次电话会相比").count() == 0  # 2024 Q2 is not adjacent
    # The computed change links the call it was computed against.
    base = page.locator("article .likeforlike a", has_text="2023 Q4").first
    base.click()
    page.wait_for_function("location.pathname.includes('2023-q4')")


def test_company_page_lists_computed_changes_and_charts_the_gap(page: Page, url: str) -> None:
    page.goto(url + f"companies/{COMPANY_ID}/")
    assert ["2023 Q4", "+30%"] in computed(page, "yoy")
    assert page.locator("article .likeforlike .mismatch").count() == 1
    chart = page.locator("article img[src$='.svg']").first
    chart.wait_for()
    assert page.eval_on_selector("article img[src$='.svg']", "img => img.naturalWidth") > 0
    svg = page.evaluate("src => fetch(src).then(r => r.text())", chart.evaluate("img => img.src"))
    labels = re.findall(r'fill="#777777">(\d{4} Q\d)</text>', svg)
    assert labels == ["2023 Q1", "2023 Q2", "2023 Q3", "2023 Q4", "2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4"]
    assert svg.count('class="gap"') == 1 and svg.count("<rect") == 7
    gap_x = re.search(r'<text x="([\d.]+)"[^>]*class="gap"', svg)
    q3_x = re.search(r'<text x="([\d.]+)"[^>]*>2024 Q3</text>', svg)
    assert gap_x and q3_x and gap_x.group(1) == q3_x.group(1)  # the gap stands at 2024 Q3
    assert "没有收录电话会" in page.inner_text("article")


def test_sorting_by_value_puts_yi_above_wan(page: Page, url: str) -> None:
    page.goto(url + Q4_2024)
    table = page.locator("article .metrics table[data-sortable-bound]").first
    table.wait_for()
    header = table.locator("thead th", has_text="数值")
    header.click()
    header.click()
    assert header.get_attribute("aria-sort") == "descending"
    values = table.evaluate("t => [...t.tBodies[0].rows].map(r => r.cells[2].textContent.trim())")
    assert values == ["30 亿美元", "169 亿元", "8,000 万元", "3,200 万用户"]  # 30 亿美元 ≈ 213 亿元
    # The key is the page's, written from the currencies lexicon's sort_rates: no rate in the script.
    keys = table.evaluate(
        "t => [...t.tBodies[0].rows].map(r => r.cells[2].querySelector('[data-sort]').dataset.sort)"
    )
    assert keys == ["21300000000", "16900000000", "80000000", "32000000"]
    script = (ROOT / "docs" / "assets" / "tables.js").read_text(encoding="utf-8")
    assert not any(word in script for word in ("美元", "港元", "7.2", "TO_YUAN"))


def search(page: Page, url: str, query: str) -> list[str]:
    """Type ``query`` into the search box; the paths of the shown results, with their anchors."""
    if not page.url.startswith(url):
        page.goto(url)
    page.keyboard.press("/")
    page.locator(".md-search__input").fill("")
    page.keyboard.type(query)
    page.keyboard.press("End")
    page.wait_for_function(SEARCH_DONE, arg=query)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a", "els => els.map(e => e.getAttribute('href'))"
    )
    return [
        unquote(urlparse(h).path) + (f"#{urlparse(h).fragment}" if urlparse(h).fragment else "")
        for h in hrefs
    ]


def test_either_script_finds_both(page: Page, url: str) -> None:
    for query in ("資本開支", "资本开支"):
        found = [r.split("#")[0] for r in search(page, url, query)]
        assert "/" + TRAD_PAGE in found, query  # the Traditional page
        assert "/" + Q4_2024 in found, query  # a Simplified page
    marks = page.eval_on_selector_all(".md-search-result__item mark", "els => els.map(e => e.textContent)")
    assert set(marks) == {"资本开支", "資本開支"}  # each page's own text is marked
    assert len(search(page, url, "可持續")) == len(search(page, url, "可持续")) == 1


def test_call_pages_rank_above_aggregate_pages(page: Page, url: str, corpus_site: Path) -> None:
    found = [r.split("#")[0] for r in search(page, url, "视频号")]
    kinds = [bool(CALL_PAGE.match(path)) for path in found]
    assert kinds[0] and kinds == sorted(kinds, reverse=True), found  # every call page first
    assert not all(kinds)  # the analyst's and firm's pages hold the question too, after them


def test_result_lands_on_the_matching_line(page: Page, url: str) -> None:
    first = search(page, url, "长期投入不会改变")[0]
    assert CALL_PAGE.match(first.split("#")[0]) and first.endswith("#L8"), first
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_function("location.hash === '#L8'")
    expect(page.locator("#L8")).to_contain_text("长期投入不会改变")  # once the page is swapped in


def test_the_format_page_is_out_of_the_index(page: Page, url: str, corpus_site: Path) -> None:
    built = corpus_site / "summary-format" / "index.html"
    assert built.is_file() and "data-pagefind-body" not in built.read_text(encoding="utf-8")
    assert search(page, url, "vocabulary") == []  # a word only the format page holds


def test_a_page_opened_from_disk_says_how_to_serve_it(page: Page, url: str, corpus_site: Path) -> None:
    page.goto(url + Q4_2024)
    assert not page.locator("[data-file-notice]").is_visible()
    page.goto((corpus_site / Q4_2024 / "index.html").as_uri())
    notice = page.locator("[data-file-notice]")
    assert notice.is_visible()
    assert "python3 -m http.server" in notice.inner_text() and "http://127.0.0.1:8000/" in notice.inner_text()


def test_evidence_column_is_reachable_at_390_px(phone: Page, url: str) -> None:
    phone.goto(url + Q4_2024)
    phone.locator("article .metrics table[data-sortable-bound]").first.wait_for()
    link = phone.locator("article .metrics table a[href$='#L4']").first
    link.scroll_into_view_if_needed()
    box = link.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    change = phone.locator("article .likeforlike .computed").first
    change.scroll_into_view_if_needed()
    box = change.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390, box
    link.click()
    phone.wait_for_function("location.hash === '#L4'")


def test_quotes_are_quotations_and_sources_say_what_they_are(page: Page, url: str) -> None:
    page.goto(url + Q4_2024)
    quote = page.locator("article .quote blockquote")
    assert "长期投入不会改变" in quote.inner_text() and quote.locator(".quote-copy").count() == 1
    assert page.locator("article .quote pre").count() == 0
    assert page.inner_text("article .source-kind") == "电话会实录"
    page.goto(url + TRAD_PAGE)
    assert page.inner_text("article .source-kind") == "报道"
    page.goto(url)
    rows = page.eval_on_selector_all("article table tbody tr", "rs => rs.map(r => r.cells[2].textContent)")
    assert "报道" in rows and "电话会实录" in rows


def verdicts(page: Page, scope: str = "article") -> list[str]:
    """The outcome labels of the expectations shown in ``scope``, in page order."""
    return page.eval_on_selector_all(f"{scope} .verdict", "els => els.map(e => e.textContent)")


def lands_on(page: Page, link: str, hash_: str, text: str) -> None:
    """Click the link ``link`` (a selector) and check the page lands on line ``hash_`` holding ``text``."""
    page.locator(link).first.click()
    page.wait_for_function(f"location.hash === '{hash_}'")
    # instant navigation sets the address before it swaps the page in: wait for the line itself
    expect(page.locator(hash_)).to_contain_text(text)


def test_a_guided_figure_shows_against_its_actual(page: Page, url: str) -> None:
    page.goto(url + Q1_2024)  # guides 2024 Q2 at 140-145 亿元; 2024 Q2 reported 143 亿元
    ledger = page.locator("article .forecasts").first
    row = ledger.locator("tbody tr").first
    assert "2024 Q2" in row.inner_text() and "140 亿元至 145 亿元" in row.inner_text()
    # Its own guidance, then the guidance 2023 Q4 gave for it (130 亿元, 125 reported: -3.8%).
    assert verdicts(page, "article .forecasts") == ["符合指引", "低于指引"]
    assert row.locator(".actual").inner_text() == "143 亿元"
    # The guidance links its own line; the actual links the line of the call that reported it.
    lands_on(page, "article .forecasts tbody tr >> nth=0 >> a[href$='#L9']", "#L9", "140亿元至145亿元")
    page.goto(url + Q1_2024)
    page.locator("article .forecasts tbody tr").first.locator("a", has_text="L4").click()
    page.wait_for_function("location.pathname.includes('2024-q2') && location.hash === '#L4'")
    expect(page.locator("#L4")).to_contain_text("营收为143亿元")  # once the page is swapped in
    # The call that reported it lists the guidance it is held against, linked to where it was given.
    assert page.locator("article h2", has_text="此前对本期的指引").count() == 1
    assert verdicts(page, "article .forecasts") == [
        "符合指引"
    ]  # its own guidance (2024 Q3) has no actual yet
    # The company's ledger: every guidance, newest first, with its actual when on file.
    page.goto(url + f"companies/{COMPANY_ID}/")
    rows = page.eval_on_selector_all(
        "article .forecasts tbody tr", "rs => rs.map(r => [r.cells[2].textContent, r.cells[5].textContent])"
    )
    assert rows == [["2024 Q3", ""], ["2024 Q2", "符合指引"], ["2024 Q1", "低于指引"], ["2024 Q4", "超预期"]]
    assert "尚未收录该期电话会" in page.locator("article .forecasts tbody tr").first.inner_text()


def test_a_consensus_shows_beat_or_miss_beside_the_reported_figure(page: Page, url: str) -> None:
    page.goto(url + Q4_2024)  # 169 亿元 reported, 160 亿元 expected: a beat
    table = page.locator("article .metrics table").first
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    assert headers == ["指标", "口径", "数值", "变动", "市场预期", "原文"]
    revenue = table.locator("tbody tr", has_text="169 亿元")
    assert revenue.locator(".verdict[data-verdict='above']").inner_text() == "超预期"
    assert "预期 160 亿元" in revenue.inner_text()
    assert table.locator(".verdict").count() == 1  # only the figure the consensus is about
    # Both lines linked: the consensus's and the reported figure's.
    lands_on(
        page,
        "article .metrics table tbody tr:has-text('169 亿元') td:nth-child(5) a",
        "#L9",
        "市场预期的160亿元",
    )
    lands_on(
        page, "article .metrics table tbody tr:has-text('169 亿元') td:nth-child(6) a", "#L4", "营收为169亿元"
    )
    section = page.locator("article .forecasts").last
    assert section.locator(".actual").inner_text() == "169 亿元"
    assert section.locator(".verdict").inner_text() == "超预期"
    # A call without a consensus keeps its table as it was.
    page.goto(url + Q1_2024)
    assert "市场预期" not in page.locator("article .metrics table").first.locator("thead").inner_text()


def choose(page: Page, key: str, value: str, query: str) -> list[str]:
    """Pick ``value`` in the search's ``key`` filter; the result paths once the search is redone."""
    page.locator("[data-search-filters='ready']").wait_for()
    page.select_option(f"[data-filter='{key}']", value)
    page.wait_for_function(SEARCH_DONE, arg=query)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a", "els => els.map(e => e.getAttribute('href'))"
    )
    return [unquote(urlparse(h).path) for h in hrefs]


def test_search_filters_by_kind_company_and_year(page: Page, url: str, corpus_site: Path) -> None:
    # The filters travel in each page's fragment (Pagefind's filter index is not byte-stable).
    assert not list((corpus_site / "pagefind").glob("*/filter/*.pf_filter"))
    assert list((corpus_site / "pagefind").glob("*/fragment/*.pf_fragment"))
    everything = [r.split("#")[0] for r in search(page, url, "营收")]
    assert "/" + TRAD_PAGE in everything and f"/companies/{COMPANY_ID}/" in everything
    options = page.eval_on_selector_all("[data-filter='kind'] option", "os => os.map(o => o.textContent)")
    assert options[0] == "全部" and {"电话会", "公司"} <= set(options)
    calls = choose(page, "kind", "电话会", "营收")
    assert calls and all(CALL_PAGE.match(p) for p in calls) and len(calls) < len(everything)
    trad = choose(page, "company", "示例半導體", "营收")
    assert trad == ["/" + TRAD_PAGE]
    page.select_option("[data-filter='company']", "")
    year = choose(page, "year", "2023", "营收")
    assert len(year) == 4 and all("/2023/" in p for p in year), year  # the four calls of 2023
    page.select_option("[data-filter='kind']", "公司")
    page.wait_for_function(SEARCH_DONE, arg="营收")
    assert page.locator(".md-search-result__item").count() == 0  # no company page is filed under 2023
