"""Period classes of round 3 (issues 9 and 12): a dated text naming no period but giving the year
before's figures early in the next; a period end written in Chinese numerals; the review note on
the fiscal calendar taken for a company outside the registry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.extract.period import _digit_years
from generator.extract.summarize import summarize
from tests.identity import doc_of, identify


def _period(tmp_path: Path, text: str) -> tuple[int | None, int | None, date | None]:
    _, _, period, _ = identify(doc_of(tmp_path, text))
    return period.fiscal_year, period.fiscal_quarter, period.period_end


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the year before, written as 去年 on a text dated in February
        (
            "示例控股去年轉賺54.1億元\nFeb 16, 2031 示例控股公布,去年錄得54.1億港元利潤,前年則錄得虧損12.3億元。\n",
            (2030, None, date(2030, 12, 31)),
        ),
        # the year before, written with its number, on a text dated in March
        (
            " date 2031-03-12 示例金控今日舉行法人說明會。示例金2030年稅後盈餘806.2億元，年增11.8%。\n",
            (2030, None, date(2030, 12, 31)),
        ),
    ],
)
def test_a_dated_text_reporting_the_year_before(
    tmp_path: Path, text: str, want: tuple[int | None, int | None, date | None]
) -> None:
    assert _period(tmp_path, text) == want


def test_the_year_before_is_no_period_later_in_the_year(tmp_path: Path) -> None:
    """In August the year before's figures are a comparison or history, not the period."""
    text = " date 2031-08-12 示例金控今日舉行說明會。示例金2030年稅後盈餘806.2億元。\n"
    assert _period(tmp_path, text) == (None, None, None)


def test_a_period_end_in_chinese_numerals(tmp_path: Path) -> None:
    text = "示例建筑\n\n截至二零三零年十二月三十一日止年度之業績公告\n\n本年度溢利为港币51.30亿元,较去年增长13.4%。\n"
    assert _period(tmp_path, text) == (2030, None, date(2030, 12, 31))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("截至二零三零年六月三十日止六個月", "截至2030年6月30日止六個月"),
        ("二零三零年十二月三十一日", "2030年12月 31日"),
        ("2030年十月", "2030年十月"),  # 十 is no shorter in digits: left as written
        ("年十分重要", "年十分重要"),
    ],
)
def test_chinese_month_and_day_in_digits_keep_positions(text: str, want: str) -> None:
    assert _digit_years(text) == want and len(_digit_years(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # periods.yaml's fiscal_year_starts lists Toyota: April
        (
            "Toyota Fiscal Year 2030 Third Quarter Earnings Call\n\nSales rose 10% in the quarter.\n",
            "its fiscal year is taken to start in April: periods.yaml's fiscal_year_starts lists it",
        ),
        # a company no list knows, the text stating a quarter's end: July
        (
            "Orvanex Reports Results\n\nOrvanex reported results for the second quarter ended December 31, "
            "2030. Revenue was $5.0 million.\n",
            "its fiscal year is taken to start in July: the text states a quarter's or the year's end",
        ),
    ],
)
def test_the_review_note_tells_the_fiscal_calendar_taken(tmp_path: Path, text: str, told: str) -> None:
    notes = [n for n in summarize(doc_of(tmp_path, text)).review if "companies lexicon" in n]
    assert notes and notes[0].endswith(f"({told})"), notes


def _call(tmp_path: Path, text: str) -> tuple[date | None, date | None]:
    _, ctx, _, call = identify(doc_of(tmp_path, text))
    return ctx.published, call


def test_a_call_line_with_its_clock_time_dates_the_page(tmp_path: Path) -> None:
    """A long line naming the call, its date and clock time: the call's date (issue 12)."""
    text = (
        "Orvane Earnings Call Transcript\n\nOrvane Holdings Ltd (OTCPK:ORVX) Q2 2030 Earnings Conference Call "
        "July 20, 2030 8:30 PM ET\n\nCompany Participants\n\nAda Lin - CFO\n\nAda Lin\n\nRevenue in Q2 2030 "
        "rose 5% to $1.0 billion.\n"
    )
    assert _call(tmp_path, text) == (date(2030, 7, 20), date(2030, 7, 20))


def test_a_date_in_a_sentence_is_no_dateline(tmp_path: Path) -> None:
    """Without a clock time after it, a date inside a long sentence stays no dateline."""
    text = (
        "Orvane results\n\nOrvane said on Tuesday that its board will meet on July 20, 2030 to consider "
        "the interim dividend for the period, among other matters of business.\n"
    )
    assert _call(tmp_path, text)[0] is None


def test_a_dateline_with_its_month_in_capitals(tmp_path: Path) -> None:
    text = (
        "Orvane Releases Third Quarter 2030 Financial Results\n\nTAIPEI, TAIWAN, NOVEMBER 14, 2030 – Orvane "
        "Inc. today released its financial results for its third quarter ended September 30, 2030.\n"
    )
    assert _call(tmp_path, text) == (date(2030, 11, 14), date(2030, 11, 14))


def test_a_yearless_quarter_dated_by_a_period_end_written_day_first(tmp_path: Path) -> None:
    """``the nine months that ended on 30 September 2030``: British order gives the year."""
    text = (
        "Orvane has released selected financial indicators for the third quarter.\n\n"
        "Net revenue in the third quarter was HK$6.9 billion. For the nine months that ended on "
        "30 September 2030, net revenue was HK$19.9 billion.\n"
    )
    assert _period(tmp_path, text) == (2030, 3, date(2030, 9, 30))


def test_the_second_quarter_named_by_a_word(tmp_path: Path) -> None:
    """次季 (Hong Kong news) is the second quarter, as 首季 is the first."""
    text = (
        " date 2030-09-08 明報\n\n示例：核心用戶留存率提升\n\n"
        "示例（2390）次季經調整純利9130萬元。次季收入按年跌23%。上半年會員1370萬名。\n"
    )
    assert _period(tmp_path, text) == (2030, 2, date(2030, 6, 30))


def test_the_period_after_its_results_on_a_wrapped_line(tmp_path: Path) -> None:
    """Announced "its financial results for the" / "third quarter ended September 30, 2030": the
    quarter reported, though the year before's quarter is named more often (wrapped comparisons)."""
    text = (
        "Orvane Holdings (Nasdaq: ORV), a platform company, today announced its unaudited financial results for the\n"
        "third quarter ended September 30, 2030.\n"
        "Deliveries were 63 units, compared with 52 units\nin the third quarter of 2029, and 49 units\n"
        "in the second quarter of 2030.\nRevenue was RMB128 million, up 3% from the\n"
        "third quarter of 2029, and up 25% from the third quarter of 2029 on a like basis.\n"
        "Gross margin was 61%, against 64% in the third quarter of 2029.\n"
    )
    assert _period(tmp_path, text) == (2030, 3, date(2030, 9, 30))


def test_a_quarter_ending_a_month_of_a_listed_april_year(tmp_path: Path) -> None:
    """The quarter "ending September 2030" (Indian usage), the company's year starting in April as
    periods.yaml's fiscal_year_starts lists it: the second quarter of fiscal 2031."""
    text = (
        "TCS Q2 net profit rises 29%\n\n date 2030-10-08 Indian IT services major Tata Consultancy Services "
        "(TCS) on Friday reported a 29% jump in consolidated net profit at Rs 9,624 crore for the quarter "
        "ending September 2030. It was Rs 7,475 crore in the year-ago period.\n"
    )
    assert _period(tmp_path, text) == (2031, 2, date(2030, 9, 30))


def test_a_quarter_with_a_forecast_weighs_less_than_the_one_reported(tmp_path: Path) -> None:
    """Two quarters named once each with their year: the one with a forecast in its clause is the
    outlook, the other the period reported."""
    text = (
        "示例營運摘要\n\n示例集團表示,2030 年仍是充滿挑戰的一年。\n"
        "• 2030Q3 財務表現\n• 合併營收較去年同期衰退近 25%\n"
        "• 2030Q4 預期將維持獲利,EPS 可能與 Q3 相當\n"
    )
    assert _period(tmp_path, text) == (2030, 3, date(2030, 9, 30))


def test_a_release_date_after_the_results(tmp_path: Path) -> None:
    """A release "reported unaudited Q3 2030 results on November 25, 2030": the date after the results."""
    text = (
        "ORVANE ANNOUNCES UNAUDITED FINANCIAL RESULTS FOR THE THIRD QUARTER OF 2030\n\n"
        "Orvane Holdings (NYSE: ORV) reported unaudited Q3 2030 results on November 25, 2030. Net revenues "
        "were RMB632.9 million, down 7.4% year-over-year.\n"
    )
    assert _call(tmp_path, text)[1] == date(2030, 11, 25)


def test_a_news_dateline_after_page_furniture(tmp_path: Path) -> None:
    """划重点 / 图片 between the headline and "腾讯科技讯12月3日消息": the dateline still heads the text,
    and 周二发布了…财务报表 counts back from it."""
    text = (
        "示例财报电话会议实录:业务已经恢复\n\n划重点\n\n图片\n\n"
        "腾讯科技讯12月3日消息 示例(纳斯达克证券代码:ORV)周二发布了该公司截至2030年9月30日的第三季度的财务报表。"
        "财报显示,示例第三季度净营收为人民币14.069亿元。\n"
    )
    assert _call(tmp_path, text)[1] == date(2030, 12, 3)


def test_fiscal_labels_named_by_the_year_they_start(tmp_path: Path) -> None:
    """FY30Q2 beside "second quarter ended September 30, 2030": the company names its fiscal year
    by the year it starts in (Sony's usage); the period is its own label and the stated end."""
    text = (
        "10/28/2030\n\nLadies and gentlemen, we'll now begin FY30Q2 earnings announcement of Orvane Group "
        "Corporation. The CFO will explain the consolidated results for FY30Q2 and the forecast for FY30. "
        "Consolidated results for second quarter ended September 30, 2030, increased 13% compared to the "
        "same quarter of the previous fiscal year to 2,369.4 billion yen.\n"
    )
    assert _period(tmp_path, text) == (2030, 2, date(2030, 9, 30))


def test_fiscal_labels_named_by_the_year_they_end(tmp_path: Path) -> None:
    """FY31Q2 beside "second quarter ended September 30, 2030": the usual naming, left as it is."""
    text = (
        "10/28/2030\n\nWelcome to the FY31Q2 earnings call of Orvane Group. Results for FY31Q2: revenue for "
        "the second quarter ended September 30, 2030 rose 13% to 2,369.4 billion yen.\n"
    )
    assert _period(tmp_path, text) == (2031, 2, date(2030, 9, 30))


def test_a_call_time_under_the_heading_beats_the_later_page_date(tmp_path: Path) -> None:
    text = (
        "Market Updates\n\nOrvane Q3 2030 Earnings Call Transcript\n\nStaff\n10 Feb, 2031\nNew York City\n\n"
        "Orvane Corp. ((ORV))\nQ3 2030 Earnings Call Transcript\nFebruary 4, 2031 8:00 a.m. ET\n\n"
        "Executives\n\nAda Lin – Investor Relations\n\nAda Lin\n\nHello, everyone. Sales rose 10% in Q3 2030.\n"
    )
    assert _call(tmp_path, text) == (date(2031, 2, 10), date(2031, 2, 4))


def test_a_wire_dateline_before_a_hyphen_and_the_wire(tmp_path: Path) -> None:
    """A dateline "香港, 2030年3月29日 - (亞太商訊)": a release's dateline (a partial " date 2030-03" stamp aside)."""
    text = (
        " date 2030-03 香港, 2030年3月29日 - (亞太商訊) - 示例製藥有限公司(股票編號:1177)公布截至2029年12月31日"
        "止12個月之經審核財務業績。年內,集團錄得收入約262.0億元。\n"
    )
    assert _call(tmp_path, text) == (date(2030, 3, 29), date(2030, 3, 29))


def test_a_meeting_time_whose_year_and_month_marks_are_lost(tmp_path: Path) -> None:
    text = (
        "示例年报解读会议纪要 2031-04-02 07:17:44\n示例 2030 年年报解读会议纪要 会议时间:2031 3 31 日 会议嘉宾:"
        "副总裁\n2030 年公司综合的毛利率 28.6%,同比下降 1.4 个百分点。\n"
    )
    assert _call(tmp_path, text)[1] == date(2031, 3, 31)


def test_a_news_dateline_closed_by_a_bar(tmp_path: Path) -> None:
    """格隆汇's "2月14日丨" dateline: 昨晚发布业绩 counts back from it."""
    text = (
        "原标题:示例半导体低开10% 来源:格隆汇\n格隆汇2月14日丨示例半导体(1347.HK)今早跳空低开10%。\n"
        "示例半导体昨晚发布业绩,2030年第四季度公司实现销售收入2.43亿美元,同比下降2.5%。\n"
    )
    assert _call(tmp_path, text)[1] == date(2031, 2, 13)
