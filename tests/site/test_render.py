"""Rendering summaries into the site's Markdown pages (through the real OutputTree)."""

from __future__ import annotations

import html as html_module
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from pathlib import Path

import markdown
import pytest
from sample_summaries import (
    HOSTILE,
    alibaba_q1,
    alibaba_q4,
    sample_set,
    tencent_q3,
    write_transcripts,
)

from generator.lexicon.firms import firms
from generator.model import Participant, QAExchange, Quote, SourceInfo, Summary
from generator.site.calls import build_calls
from generator.site.pages.company import RECENT_CALLS
from generator.site.people import HANDFUL
from generator.site.render import render_pages
from generator.site.urls import call_slug
from generator.writer import OutputTree

MD_EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc"]
SORT_KEY = re.compile(r'<span data-sort="-?[\d.e+]+">(.*?)</span>')


def figures(path: Path) -> str:
    """A page's Markdown with each figure's sort-key wrapper (tables.js sorts on it) taken off."""
    return SORT_KEY.sub(r"\1", path.read_text(encoding="utf-8"))


Q4_PAGE = "calls/alibaba/2024/alibaba-2024-05-14_fy2024-q4_sina-call-transcript.md"
Q1_PAGE = "calls/alibaba/2024/alibaba-2023-08-10_fy2024-q1_qa-digest.md"
LINK = re.compile(r"\]\(([^)\s]+)\)")


def render(root: Path, summaries: list[Summary]) -> Path:
    """Render into root/docs like the build does; return the docs folder."""
    docs = root / "docs"
    out = OutputTree(docs)
    render_pages(summaries, root, out)
    out.finish()
    return docs


@pytest.fixture
def site(tmp_path: Path) -> Path:
    write_transcripts(tmp_path)
    return render(tmp_path, sample_set())


def pages(docs: Path) -> dict[str, str]:
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}


def test_layout_groups_calls_by_company_and_year(site: Path) -> None:
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    for expected in (
        "index.md",
        "calls/index.md",
        "calls/alibaba/index.md",
        "calls/alibaba/2024/index.md",
        Q4_PAGE,
        "calls/tencent/2024/tencent-2024-11-13_2024-q3.md",
        "companies/index.md",
        "companies/alibaba/index.md",
        "companies/tencent/charts/revenue-quarter-cny.svg",
        "people/index.md",
        "people/management/alibaba/吴泳铭.md",
        "people/analysts/高盛/index.md",
        "people/analysts/高盛/ronald-keung.md",
        "topics/index.md",
        "topics/ai/index.md",
        "topics/ai/tencent/index.md",
        "topics/ai/tencent/2024.md",
        "data/index.md",
        "data/metrics.csv",
        "data/metrics.json",
        "data/calls/tencent-2024-11-13_2024-q3.csv",
        "data/calls/tencent-2024-11-13_2024-q3.json",
    ):
        assert expected in files, expected
    for folder in {p.parent for p in site.rglob("*.md")}:
        assert (folder / "index.md").is_file(), f"{folder} has no landing page"


def test_home_lists_every_call_newest_first(site: Path) -> None:
    home = figures(site / "index.md")
    rows = [line for line in home.splitlines() if line.startswith("| ") and "](calls/" in line]
    assert len(rows) == 4
    assert [r.split("|")[2].strip().split("]")[0] for r in rows] == [
        "[2024 Q3",
        "[2024 Q2",
        "[FY2024 Q4",
        "[FY2024 Q1",
    ]
    assert "1,671.93 亿元 | +8%" in rows[0]
    assert f"]({Q4_PAGE})" in home


def test_home_stays_lean_one_row_and_one_link_per_call(site: Path) -> None:
    home = (site / "index.md").read_text(encoding="utf-8")
    table = [line for line in home.splitlines() if line.startswith("| ")][1:]
    assert len(table) == 4
    for row in table:
        assert row.count("](") == 1 and row.count("data-sort") <= 1, row  # a figure and its sort key
        assert "<" not in SORT_KEY.sub(r"\1", row), row


def test_call_page_header_metrics_and_marks(site: Path) -> None:
    page = figures(site / Q4_PAGE)
    assert page.startswith('---\ntitle: "阿里巴巴 FY2024 Q4 业绩会"\n---\n')
    assert "**股票代码** BABA, 9988</span> · " in page and "**财期** FY2024 Q4</span>" in page
    assert "**期末** 2024-03-31</span>" in page and "**电话会日期** 2024-05-14</span>" in page
    assert "| 营收 | 季度 | 2,218.74 亿元 | 同比 +7% |" in page
    assert "| 净利润 | 季度 | 9.19 亿元 | 同比 -96% |" in page
    assert "| 近 300 亿美元 |" in page
    assert "](#L4)" in page and "](#L6)" in page
    table = [line for line in page.splitlines() if line.startswith("| ") and "](#L" in line]
    assert [r.split("|")[1].strip() for r in table[:2]] == ["营收", "营收"]  # revenue leads
    revenue_row = next(line for line in page.splitlines() if "2,218.74" in line and line.startswith("| 营收"))
    buyback_row = next(line for line in page.splitlines() if "125 亿美元" in line)
    assert "✎" in buyback_row and "✎" not in revenue_row
    assert "期末日期由财年推算" in page
    assert "../../../data/calls/alibaba-2024-05-14_fy2024-q4_sina-call-transcript.csv" in page


def test_call_page_people_qa_and_quotes(site: Path) -> None:
    page = (site / Q4_PAGE).read_text(encoding="utf-8")
    assert "[吴泳铭](../../../people/management/alibaba/吴泳铭.md) — 首席执行官" in page
    # The firm as written, linked to the canonical firm's page.
    assert "[Kenneth Fong](../../../people/analysts/瑞士信贷/kenneth-fong.md)" in page
    assert "— [瑞士信贷](../../../people/analysts/瑞士信贷/index.md)" in page
    # The alias 吴总 links to the canonical person's page (quotes and Q&A are raw HTML blocks,
    # their links written as the built site has them: MkDocs passes them through unconverted).
    assert '<a href="../../../../people/management/alibaba/%E5%90%B4%E6%B3%B3%E9%93%AD/">吴总</a>' in page
    assert '<a href="#L7">原文 L7</a>' in page and '<a href="../../../../topics/ai/">AI</a>' in page
    # A quote is a quotation (assets/copy.js adds a copy button to every blockquote), not code.
    assert "\n<blockquote>\n<p>我们会继续投入AI和云,这是长期战略。</p>\n</blockquote>\n" in page
    html = markdown.markdown(page.split("\n---\n", 1)[1], extensions=MD_EXTENSIONS)
    assert "<blockquote>\n<p>我们会继续投入AI和云" in html and "<pre><code>我们会继续投入AI和云" not in html


def test_every_transcript_line_has_its_anchor(site: Path, tmp_path: Path) -> None:
    page = (site / Q4_PAGE).read_text(encoding="utf-8")
    source = (tmp_path / alibaba_q4().source.path).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(source, start=1):
        if line.strip():
            assert f'<p id="L{number}" class="line"><a class="ln" href="#L{number}">{number}</a> ' in page
        else:
            assert f'id="L{number}"' not in page


def test_unreadable_transcript_is_reported_and_cited_lines_keep_anchors(site: Path) -> None:
    page = (site / Q1_PAGE).read_text(encoding="utf-8")
    assert "原文无法显示" in page and "原文无法读取" in page
    for line in {m.evidence.line for m in alibaba_q1().metrics}:
        assert f'<p id="L{line}" class="excerpt">' in page


def test_source_outside_the_project_is_not_shown(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容\n", encoding="utf-8")
    root = tmp_path / "project"
    root.mkdir()
    s = replace(tencent_q3(), source=SourceInfo(path="../secret.txt", sha256="0" * 64))
    docs = render(root, [s])
    text = "".join(pages(docs).values())
    assert "机密内容" not in text and "原文路径不在项目目录内" in text


def test_links_between_pages_resolve(site: Path) -> None:
    all_pages = pages(site)
    for name, text in all_pages.items():
        for target in LINK.findall(text):
            path, _, anchor = target.partition("#")
            if not path:
                resolved, body = name, text
            else:
                full = (site / Path(name).parent / path).resolve()
                assert full.is_file(), f"{name}: broken link {target}"
                resolved = full.relative_to(site.resolve()).as_posix()
                body = all_pages.get(resolved, "")
            if anchor.startswith("L"):
                assert f'id="{anchor}"' in body, f"{name}: {target} has no anchor in {resolved}"


def test_company_page_series_charts_and_changes(site: Path) -> None:
    page = figures(site / "companies/tencent/index.md")
    assert "## 最新变化：2024 Q3 对比 2024 Q2" in page
    assert '<div class="metrics comparison" markdown>' in page
    assert "| 指标 | 上次 2024 Q2 | 本次 2024 Q3 | 变化 |" in page
    assert (
        "| 营收<br><small>季度</small> | 1,611.17 亿元<br><small>同比 +8%</small> | "
        "1,671.93 亿元<br><small>同比 +8%</small> | ↑ +3.77%<br><small>同比增速 0 个百分点</small> |"
    ) in page
    assert "新出现的话题" in page and "不再出现的话题" in page
    assert "![营收(季度)](charts/revenue-quarter-cny.svg){ .chart }" in page.replace("&#40;", "(").replace(
        "&#41;", ")"
    )
    # One metrics table, five columns as on the call page, newest first within each figure.
    assert "| 指标 | 财期 | 数值 | 变动 | 原文 |" in page and '<div class="metrics series" markdown>' in page
    mau = [line for line in page.splitlines() if line.startswith("| 月活跃用户 | [")]
    assert len(mau) == 2 and "13.82 亿用户" in mau[0] and "13.71 亿用户" in mau[1]
    assert "| 毛利率<br><small>季度</small> | [2024 Q3](" in page and "| 53% | +1.2 个百分点 |" in page
    assert "(单位" not in page  # one unit per figure here: not named in the headings
    svg = ET.fromstring(
        (site / "companies/tencent/charts/revenue-quarter-cny.svg").read_text(encoding="utf-8")
    )
    assert len(svg.findall("{http://www.w3.org/2000/svg}rect")) == 2


def test_comparison_on_the_call_page_fits_four_columns(site: Path) -> None:
    page = (site / "calls/tencent/2024/tencent-2024-11-13_2024-q3.md").read_text(encoding="utf-8")
    section = page.split("## 与上一次电话会相比", 1)[1].split("## 参会人员", 1)[0]
    html = markdown.markdown(section, extensions=MD_EXTENSIONS)
    assert '<div class="metrics comparison">' in html
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        assert len(re.findall(r"<t[hd]", row)) == 4


def test_people_and_firm_pages_span_calls(site: Path) -> None:
    analyst = (site / "people/analysts/高盛/ronald-keung.md").read_text(encoding="utf-8")
    assert "## 提问（2）" in analyst
    assert analyst.index("请问AI对广告的拉动") < analyst.index("游戏业务的展望")  # newest first
    firm = (site / "people/analysts/高盛/index.md").read_text(encoding="utf-8")
    assert "[Ronald Keung](ronald-keung.md)" in firm and "共 2 个提问" in firm
    exec_page = (site / "people/management/alibaba/吴泳铭.md").read_text(encoding="utf-8")
    assert "## 引述（1）" in exec_page and "## 回答的问题（1）" in exec_page
    assert "首席执行官" in exec_page


def test_firm_names_are_grouped_by_the_firms_lexicon(site: Path) -> None:
    folders = {p.name for p in (site / "people/analysts").iterdir() if p.is_dir()}
    assert "高盛" in folders and not any("goldman" in f for f in folders)
    firm = (site / "people/analysts/高盛/index.md").read_text(encoding="utf-8")
    assert "纪要中的写法：" in firm and "Goldman Sachs" in firm  # the written variants
    # The call page keeps the firm as written, linked to the canonical firm's page.
    q2 = (site / "calls/tencent/2024/tencent-2024-08-14_2024-q2.md").read_text(encoding="utf-8")
    assert '（<a href="../../../../people/analysts/%E9%AB%98%E7%9B%9B/">Goldman Sachs</a>）' in q2
    analysts = (site / "people/analysts/index.md").read_text(encoding="utf-8")
    assert analysts.count("[高盛](") == 1


def test_analyst_with_two_firms_is_listed_under_both(site: Path) -> None:
    person = (site / "people/analysts/瑞士信贷/kenneth-fong.md").read_text(encoding="utf-8")
    assert "[瑞士信贷](index.md)" in person and "[瑞银](../瑞银/index.md)" in person
    assert "## 提问（2）" in person
    for firm in ("瑞士信贷", "瑞银"):
        text = (site / f"people/analysts/{firm}/index.md").read_text(encoding="utf-8")
        assert "Kenneth Fong" in text and "kenneth-fong.md" in text, firm
    assert not (site / "people/analysts/瑞银/kenneth-fong.md").exists()  # one page per person


def test_empty_sections_are_left_out(site: Path) -> None:
    q2 = (site / "calls/tencent/2024/tencent-2024-08-14_2024-q2.md").read_text(encoding="utf-8")
    assert "## 问答（1）" in q2 and "## 要点引述" not in q2  # no quotes in that call
    assert "**管理层**" not in q2 and "**分析师**" in q2
    s = replace(tencent_q3(), participants=[], qa=[], quotes=[])
    built = pages(render(site.parent / "bare", [s]))
    page = next(v for k, v in built.items() if k.startswith("calls/") and not k.endswith("index.md"))
    for heading in ("## 参会人员", "## 问答", "## 要点引述"):
        assert heading not in page
    assert "## 关键指标" in page and "## 原文" in page


def test_review_notes_link_their_line(site: Path) -> None:
    page = (site / Q4_PAGE).read_text(encoding="utf-8")
    notes = page.split('!!! warning "需要人工核对"', 1)[1].split("## ", 1)[0]
    # Told in plain Chinese (generator/site/review.py): no metric id, no English, the line linked.
    assert "    - [第 6 行](#L6)：股份回购取自链接或标题行" in notes
    assert "    - 第 99 行：生成器对这一处没有把握" in notes  # no such line: no link; unknown wording
    assert "    - 期末日期由财年推算" in notes  # a note written in Chinese: as written
    assert "share" not in notes and "line" not in notes
    html = markdown.markdown(page.split("\n---\n", 1)[1], extensions=MD_EXTENSIONS)
    assert "<b>" not in html
    assert '<a href="#L6">第 6 行</a>：股份回购' in html_module.unescape(html)


def test_topic_pages_by_company_and_year(site: Path) -> None:
    ai = (site / "topics/ai/index.md").read_text(encoding="utf-8")
    assert "[阿里巴巴](alibaba/index.md)" in ai and "[腾讯控股](tencent/index.md)" in ai
    company = (site / "topics/ai/tencent/index.md").read_text(encoding="utf-8")
    assert "| [2024](2024.md) | 1 | 1 | 1 |" in company
    tencent = (site / "topics/ai/tencent/2024.md").read_text(encoding="utf-8")
    assert "AI 提升了广告的点击率" in tencent and "请问AI对广告的拉动" in tencent
    cloud = (site / "topics/云/alibaba/2024.md").read_text(encoding="utf-8")
    assert cloud.index("FY2024 Q4") < cloud.index("FY2024 Q1")


def spread(n: int) -> list[Summary]:
    """``n`` Tencent calls, one a quarter from 2001 on: the same analyst, executive and topics."""
    out = []
    for i in range(n):
        s = tencent_q3()
        year, quarter = 2001 + i // 4, i % 4 + 1
        s.period = replace(s.period, fiscal_year=year, fiscal_quarter=quarter, period_end=None)
        s.call_date = date(year, quarter * 3, 15)
        s.source = SourceInfo(path=f"content/transcripts/tencent/{year}-q{quarter}.txt", sha256="2" * 64)
        out.append(s)
    return out


def test_busy_people_get_a_page_per_year(tmp_path: Path) -> None:
    docs = render(tmp_path, spread(HANDFUL + 5))
    index = (docs / "people/analysts/高盛/ronald-keung/index.md").read_text(encoding="utf-8")
    assert "## 按年份" in index and "请问AI对广告的拉动" not in index
    assert "| [2004 年](2004.md) | 1 | 0 | 0 | 1 |" in index
    assert "| [2001 年](2001.md) | 4 | 0 | 0 | 4 |" in index
    assert index.index("2004 年") < index.index("2001 年")  # newest first
    year = (docs / "people/analysts/高盛/ronald-keung/2002.md").read_text(encoding="utf-8")
    assert year.count("请问AI对广告的拉动") == 4 and "2003" not in year
    assert "[全部年份](index.md)" in year
    # The firm's questions are split the same way; links from call pages reach the index.
    assert (docs / "people/analysts/高盛/2002.md").is_file()
    call = (docs / "calls/tencent/2002/tencent-2002-q1.md").read_text(encoding="utf-8")
    assert "(../../../people/analysts/高盛/ronald-keung/index.md)" in call
    # Someone in a handful of calls keeps one page.
    few = render(tmp_path / "few", spread(HANDFUL))
    assert (few / "people/analysts/高盛/ronald-keung.md").is_file()


def test_pages_other_than_the_home_page_do_not_grow_with_the_calls(tmp_path: Path) -> None:
    def biggest(n: int) -> int:
        docs = render(tmp_path / str(n), spread(n))
        return max(
            p.stat().st_size for p in docs.rglob("*.md") if p.relative_to(docs).as_posix() != "index.md"
        )

    assert biggest(48) <= biggest(12) * 1.1


def test_company_page_keeps_the_latest_calls_and_year_pages_the_rest(tmp_path: Path) -> None:
    docs = render(tmp_path, spread(RECENT_CALLS + 4))
    company = (docs / "companies/tencent/index.md").read_text(encoding="utf-8")
    assert f"共 {RECENT_CALLS + 4} 场电话会" in company and "(../../calls/tencent/index.md)" in company
    periods = re.findall(r"\| \[(\d{4} Q\d)\]\(", company.split("## 各期指标")[0])
    assert periods == ["2003 Q4", "2003 Q3", "2003 Q2", "2003 Q1", "2002 Q4", "2002 Q3", "2002 Q2", "2002 Q1"]
    assert "2001 Q4" not in company
    year = (docs / "calls/tencent/2001/index.md").read_text(encoding="utf-8")
    assert "## 各期指标" in year and year.count("| 营收<br><small>季度</small> | [2001 Q") == 4


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    outputs = []
    for name, summaries in (("a", sample_set()), ("b", list(reversed(sample_set())))):
        root = tmp_path / name
        write_transcripts(root)
        docs = render(root, summaries)
        outputs.append(
            {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}
        )
    assert outputs[0] == outputs[1]


def test_call_ids_are_unique_and_url_safe() -> None:
    a = replace(tencent_q3(), source=SourceInfo(path="content/transcripts/tencent/q3.txt", sha256="a"))
    b = replace(tencent_q3(), source=SourceInfo(path="content/transcripts/tencent/q3.html", sha256="b"))
    ids = [c.id for c in build_calls([a, b])]
    assert len(set(ids)) == 2 and all(i.startswith("tencent-q3") for i in ids)
    assert (
        call_slug("content/transcripts/alibaba/2024-05-14_fy2024-q4_x.txt")
        == "alibaba-2024-05-14_fy2024-q4_x"
    )
    assert re.fullmatch(r"[\w-]+", call_slug("content/transcripts/x/季报 (终版)?#.txt"))


def hostile_summary() -> Summary:
    s = tencent_q3()
    s.company.name = HOSTILE
    s.company.id = None
    s.source = SourceInfo(path="content/transcripts/evil/evil.txt", sha256="0" * 64, title=HOSTILE)
    s.participants = [
        Participant(HOSTILE, "management", role=HOSTILE),
        Participant("*A*", "analyst", firm=HOSTILE),
    ]
    s.metrics[0].segment = HOSTILE
    s.metrics[0].evidence.text = HOSTILE
    s.qa = [
        QAExchange(
            question=HOSTILE, asker="*A*", firm=HOSTILE, answered_by=[HOSTILE], topics=[HOSTILE], line=1
        )
    ]
    s.quotes = [Quote(speaker=HOSTILE, text=HOSTILE, line=2, topics=[HOSTILE])]
    s.review = [HOSTILE]
    return s


def write_hostile_transcript(root: Path) -> None:
    path = root / "content/transcripts/evil/evil.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{HOSTILE}\n<img src=x onerror=alert(3)>\n", encoding="utf-8")


def test_hostile_text_never_becomes_markup(tmp_path: Path) -> None:
    write_hostile_transcript(tmp_path)
    docs = render(tmp_path, [hostile_summary()])
    for name, text in pages(docs).items():
        body = text.split("\n---\n", 1)[1]
        html = markdown.markdown(body, extensions=MD_EXTENSIONS)
        assert "<script" not in html and "<img" not in html, name
        assert "javascript:" not in re.findall(r'href="([^"]*)"', html).__str__(), name
        assert "<em>" not in html and "<code>c" not in html, name
        assert "title: " in text.split("\n---\n", 1)[0] and "<" not in text.split("\n---\n", 1)[0], name


MKDOCS_YML = """site_name: test
docs_dir: docs
site_dir: site
use_directory_urls: true
theme:
  name: material
  language: zh
  font: false
  features: [navigation.indexes, navigation.sections, navigation.prune, content.code.copy]
hooks:
  - {hook}
extra_css: [assets/report.css]
plugins: []
markdown_extensions:
  - tables
  - attr_list
  - md_in_html
  - admonition
  - toc:
      permalink: true
"""


def test_mkdocs_strict_build(tmp_path: Path) -> None:
    write_transcripts(tmp_path)
    write_hostile_transcript(tmp_path)
    docs = render(tmp_path, [*sample_set(), hostile_summary()])
    (docs / "assets").mkdir(exist_ok=True)
    (docs / "assets/report.css").write_text("", encoding="utf-8")
    hook = Path(__file__).resolve().parents[2] / "generator" / "site" / "hooks.py"
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML.format(hook=hook.as_posix()), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    built = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    assert len(built) > 20
    for path, html in built.items():
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert 'href="javascript:' not in html, path
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "电话会" in home and "人物" in home  # section titles from the index pages (hook)
    q4 = (site / Q4_PAGE.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert 'id="L4"' in q4 and "<blockquote>\n<p>我们会继续投入AI和云" in q4  # a quotation, not code


def test_canonical_firm_names() -> None:
    assert firms().canonical("花旗银行") == firms().canonical("Citi") == "花旗"
    assert firms().canonical("美林美银") == firms().canonical("BofA") == "美银美林"
    assert firms().canonical("瑞銀") == "瑞银"  # traditional characters
    assert firms().canonical("j.p.  morgan") == "摩根大通"  # case, spaces and dots
    assert firms().canonical(" 某某资本 ") == "某某资本"  # not in the lexicon: as written


def test_templates_take_every_page_path_from_urls() -> None:
    from generator.site.templating import TEMPLATES

    for template in TEMPLATES.glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r'~\s*"[^"]*/|"[\w.-]+/[\w./-]*"', text), template.name  # no path built here


def test_links_are_relative_to_the_page() -> None:
    from generator.site import urls

    link = urls.Linker(urls.call("alibaba", "2024", "x"))
    assert link.url(urls.company("alibaba")) == "../../../companies/alibaba/index.md"
    assert link.url(urls.call("alibaba", "2024", "x"), "L3") == "#L3"
    assert link.url(urls.calls_year("alibaba", "2024")) == "index.md"
    assert urls.year_page(urls.firm("ms"), "2024") == "people/analysts/ms/2024.md"
