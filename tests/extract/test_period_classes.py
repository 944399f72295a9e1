"""Period wording met on real pages (issue 9), as classes: English halves and capitalised
quarters, comparisons written in English, a quarter and a half both named as the release's, and
periods named without their year in an undated text that names them elsewhere with it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.identity import doc_of, identify


def _period(tmp_path: Path, text: str) -> tuple[int | None, int | None, date | None]:
    _, _, period, _ = identify(doc_of(tmp_path, text))
    return period.fiscal_year, period.fiscal_quarter, period.period_end


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # English interim results and the first half of a year
        (
            "Orvane Releases 2030 Interim Results and Business Updates\n\n"
            "Orvane has announced its results for the first half of 2030. Revenue rose 20% in the first "
            "half of 2030.\n",
            (2030, None, date(2030, 6, 30)),
        ),
        # a capitalised ordinal quarter; the year-ago quarter is a comparison
        (
            "Highlights\n\nSecond Quarter 2030 Highlights\nTotal revenue was US$3.8 billion, up 23%.\n"
            "Net income was US$79.9 million, as compared to US$331.0 million for the second quarter of 2029.\n"
            "Adjusted EBITDA was US$448.5 million, as compared to US$510.0 million for the second quarter of 2029.\n",
            (2030, 2, date(2030, 6, 30)),
        ),
        # quarter-over-quarter comparisons written "compared to" do not outweigh the quarter reported
        (
            "Hostelo (HSTL) Q2 2030 Earnings Call Transcript\n\n"
            "Net revenues were RMB2,469 million in Q2 2030, up 37.4% compared to Q2 2029 and 29.5% "
            "quarter over quarter compared to Q1 2030.\n"
            "Retail revenues grew 77% compared to Q2 2029 and 40% compared to Q1 2030.\n"
            "Hotel revenues grew 20% compared to Q2 2029 and 10% compared to Q1 2030.\n",
            (2030, 2, date(2030, 6, 30)),
        ),
        # a quarter and a half both named as the release's, once each: the first named
        (
            "date 2030-08-14 Orvane Announces 2030 Second Quarter and Interim Results\n\n"
            'Orvane announced its results for the second quarter ("2Q2030") and first half year of 2030 '
            '("1H2030") ended June 30, 2030.\n1H2030 Key Highlights\nRevenue rose 21% over the first half '
            "of 2029.\n",
            (2030, 2, date(2030, 6, 30)),
        ),
        # a fiscal quarter glued to Chinese (no word boundary between 巴 and Q): Alibaba's year starts in April
        (
            "阿里巴巴业绩\n阿里巴巴Q1 FY25营收2432亿元,同比增长4%。\n",
            (2025, 1, date(2024, 6, 30)),
        ),
    ],
)
def test_period_wording(tmp_path: Path, text: str, want: tuple[int | None, int | None, date | None]) -> None:
    assert _period(tmp_path, text) == want


def test_bare_periods_take_the_year_the_text_writes(tmp_path: Path) -> None:
    # undated; the bare 前三季度 and 第三季度 are those of 2029, which the text names once with its year
    text = (
        "某某证券近日发布的2029年三季报显示,公司前三季度业绩创历史新高,实现营业收入558.1亿元。\n"
        "前三季度投资净收益316亿元;第三季度单季投资净收益达125.5亿元。截至三季度末,金融资产9320亿元。\n"
        "第三季度经纪业务收入同比接近翻倍。三季度两市成交额同比增长219%。推动全年业绩超预期。\n"
    )
    assert _period(tmp_path, text) == (2029, 3, date(2029, 9, 30))


def test_a_bare_annual_results_takes_the_year_most_named(tmp_path: Path) -> None:
    text = (
        "格隆汇 3 月 29日丨某某生物(01999.HK)公布年度业绩,截至2029年12月31日止年度,总收入为人民币38亿元,"
        "较截至2028年12月31日止年度增加266.9%。\n截至2029年12月31日止年度的产品收入达人民币23亿元。\n"
        "截至2029年12月31日止年度,毛利率为83.6%。\n"
    )
    assert _period(tmp_path, text) == (2029, None, date(2029, 12, 31))


def test_the_one_period_named_as_the_reports_wins(tmp_path: Path) -> None:
    # 三季度业绩报告 is the release's; the half named with its year is an earlier one's
    text = (
        "集微网消息 10月28日,某某芯片发布公司三季度业绩报告。报告显示,某某芯片在2030年前三季度营业收入为1.58亿元。\n"
        "两个月前,某某芯片披露2030年上半年营业收入同比下降11.01%。\n"
        "根据其半年报内容,某某芯片今年上半年研发投入为2.77亿元,今年上半年研发人员增加。\n"
    )
    assert _period(tmp_path, text) == (2030, 3, date(2030, 9, 30))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a quarter named without any year, in a text with no date: the quarter alone, no year guessed
        (
            "某某电子第3季营收创新高\n\n某某电子第3季营收120亿元,季增8%。第3季每股纯益1.2元。\n",
            (None, 3, None),
        ),
        # a quarter ahead (展望, 预估) does not outweigh the quarter reported
        (
            "某某电子法说会\n\n某某电子第2季营收120亿元,年增8%。第2季毛利率20%。\n"
            "展望第3季,预估营收持平。第3季可望优于历年同期。\n",
            (None, 2, None),
        ),
        # two quarters named about as often: which one is reported is unclear, none
        (
            "某某电子法说会\n\n某某电子第2季营收120亿元。第1季营收110亿元。\n",
            (None, None, None),
        ),
    ],
)
def test_yearless_quarter_in_an_undated_text(tmp_path: Path, text: str, want: tuple) -> None:
    assert _period(tmp_path, text) == want


def test_english_interim_results_of_a_year(tmp_path: Path) -> None:
    text = "Transcript\n\nPlease take us through the details of the interim results of 2030.\nThese interim results are solid.\n"
    assert _period(tmp_path, text) == (2030, None, date(2030, 6, 30))


def test_a_release_date_label_dates_a_yearless_quarter(tmp_path: Path) -> None:
    text = (
        "Highlights\n\nRevenue for the third quarter rose 3.6% from the same quarter last year.\n"
        "Release Date: November 06, 2030\nThe company achieved a record third quarter.\n"
    )
    assert _period(tmp_path, text) == (2030, 3, date(2030, 9, 30))


def test_three_months_to_a_month_named_without_its_day(tmp_path: Path) -> None:
    # 截至2030年3月止三个月: the quarter to March; the text is written after it, though it names
    # an earlier full date (於2029年12月31日) and a half without its year
    text = (
        "业务状况\n\n截至2030年3月止三個月,集團之股東應佔溢利減少18.1%至96.27億元。\n"
        "集團總投資資產增加,現金及現金等價物佔1.5%;於2029年12月31日,集團之內含價值為5620億元,較上年底增加6.2%。"
        "上半年新業務價值為172.82億元。\n"
    )
    assert _period(tmp_path, text) == (2030, 1, date(2030, 3, 31))


def test_a_bracketed_comparison_labelled_by_wei(tmp_path: Path) -> None:
    text = (
        "【訊】某某銀行公布,2030年中期股東應得溢利增加8%至136.56億元(2029年上半年為126.47億元)。"
        "2030年上半年每股派息共為2.8元(2029年上半年為每股2.6元),營業收入(2029年上半年為港幣146.6億元)。\n"
    )
    assert _period(tmp_path, text) == (2030, None, date(2030, 6, 30))


def test_a_named_quarter_with_its_year(tmp_path: Path) -> None:
    text = (
        "《電子零件》某某電子Q1淡季獲利創次高\n\n某某電子2030年首季淡季營運逆強,稅後淨利21.83億元,"
        "爲僅次於2020年第二季的歷史次高,將預計2031年進機的設備採購。\n"
    )
    assert _period(tmp_path, text) == (2030, 1, date(2030, 3, 31))


def test_last_years_figures_outweigh_periods_named_without_their_year(tmp_path: Path) -> None:
    text = (
        "date 2031-03-11 某某航空(293)去年純利108.28億元,按年增長9.5%,受惠於客運量穩定。第二次中期息每股0.64元,增加31%。"
        "預期於2031年客運運力將增長約10%。今年首季對沖比率約30%,而2029年錄得3500萬元對沖收益。\n"
    )
    assert _period(tmp_path, text) == (2030, None, date(2030, 12, 31))


def test_a_years_dividend_is_no_period(tmp_path: Path) -> None:
    text = "财务表现\n\n上半年营收达619亿元同比增长3.4%。现金减少至176亿元,因分配2029年度股利。\n"
    assert _period(tmp_path, text)[2] != date(2029, 12, 31)


def test_a_period_looked_back_to_is_no_period(tmp_path: Path) -> None:
    # "创2010年第二季以来新高": since; the quarter reported has no year, nor does the text
    text = "某某電腦第一季營收季減13%\n\n某某電腦第一季毛利率達5.24%,創2010年第二季以來新高,稅後淨利21.91億元。\n"
    assert _period(tmp_path, text) == (None, 1, None)


def test_a_range_of_fiscal_years_is_no_period(tmp_path: Path) -> None:
    text = (
        "某某第三季財報揭曉\n\n某某第三季毛利率為8.8%,季增20個基點。報告上調2030至2031財年業績,"
        "2030年下半年開始貢獻更顯著。\n"
    )
    assert _period(tmp_path, text)[0:2] == (None, 3)


def test_a_year_of_the_minguo_calendar(tmp_path: Path) -> None:
    text = "某航財報/上半年EPS 1.32元\n\n某航(2610)8日公告 119 年上半年財報,合併營業收入1,041億元,稅後淨利80.4億元。\n"
    assert _period(tmp_path, text) == (2030, None, date(2030, 6, 30))


@pytest.mark.parametrize(
    "comparison",
    ["而2029年第一季度的淨收入為12.556億元人民幣", "毛利率從2029年第一季度的21.1%增加到26.3%"],
)
def test_chinese_comparisons_from_and_whereas(tmp_path: Path, comparison: str) -> None:
    text = (
        "某某科技公佈2030年第一季度未經審計的財務業績\n\n某某科技今天公佈了2030年第一季度的財務業績。"
        f"淨收入達到7.121億元。{comparison}。另{comparison}。另{comparison}。\n"
    )
    assert _period(tmp_path, text) == (2030, 1, date(2030, 3, 31))


def test_english_year_dash_quarter_and_nine_months(tmp_path: Path) -> None:
    text = "Orvane Holdings\n\n2030-Q3\nIn the first 9 months of 2030, the group achieved revenue growth of 8%.\n"
    assert _period(tmp_path, text) == (2030, 3, date(2030, 9, 30))


def test_relative_to_a_quarter_is_a_comparison(tmp_path: Path) -> None:
    text = (
        "date 2030-08-11 Orvane Macau beat expectations.\n\nIn the second quarter, the operator generated "
        "USD246 million of EBITDAR. Retail sales surged up to 47% relative to Q2 2027. Drop rose 4% relative "
        "to Q2 2027, and hotel revenue 8% relative to Q2 2027.\n"
    )
    assert _period(tmp_path, text) == (2030, 2, date(2030, 6, 30))


def test_an_old_yearless_half_is_no_half_to_june(tmp_path: Path) -> None:
    # interim results announced in November: the half did not end in June (its year starts in April)
    text = "date 2030-11-20 某某(0823)今日公布中期業績,期內收益為70.23億元,較去年同期下跌1.8%。\n"
    assert _period(tmp_path, text) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the year opens the text, the next first quarter follows: the annual report's
        (
            "某某讯飞纪要\n\n经营情况 - 2029 年营收 249.5 亿元,同比增长 21%。 - 2030 年 Q1 营收 46.5 亿元同比增长 27%。\n",
            (2029, None, date(2029, 12, 31)),
        ),
        # the first quarter opens the text, last year's report comes after: the quarter's
        (
            "某某银行收入下滑\n\n2030年第一季度报告显示,某某银行营收387.70亿元,同比下降14.0%。"
            "此前年报显示,2029年营收为1646.99亿元,同比下降8.9%。\n",
            (2030, 1, date(2030, 3, 31)),
        ),
    ],
)
def test_an_annual_report_released_with_the_next_first_quarter(
    tmp_path: Path, text: str, want: tuple[int | None, int | None, date | None]
) -> None:
    assert _period(tmp_path, text) == want


def test_a_fiscal_calendar_stated_by_a_quarters_end(tmp_path: Path) -> None:
    # an issuer no lexicon knows: "the first quarter ended June 30" makes its year start in April
    text = (
        'BEIJING, Nov. 28, 2030 /PRNewswire/ -- Orvane Limited ("Orvane") today announced its unaudited '
        "financial results for the first quarter ended June 30, 2030.\n"
        "Total revenues were RMB289.0 million for the three months ended June 30, 2030.\n"
    )
    assert _period(tmp_path, text) == (2031, 1, date(2030, 6, 30))


def test_an_undated_text_giving_only_a_past_years_figures(tmp_path: Path) -> None:
    text = (
        "《半导体》某某电产能利用率落底\n\n某某电2029年合并营收年减少5.06%,归属母公司净利为新台币129.27亿元。"
        "2029年记忆体事业营收为新台币517.72亿元,年减少11.17%。下一次扩充产能估在明年第一季。\n"
    )
    assert _period(tmp_path, text) == (2029, None, date(2029, 12, 31))


def test_the_same_period_of_a_year_is_no_years_figure(tmp_path: Path) -> None:
    # "较2020年同期", "相對2020年同期為18.6%": comparisons, no year reported
    text = (
        "公司數據顯示\n\n總收入為25.5億美元,年增9%,系統銷售額較2029年同期增加1%,餐廳利潤率為12.2%,"
        "相對2029年同期為18.6%。經營利潤為1.78億美元,較2029年同期下降68%。\n"
    )
    assert _period(tmp_path, text)[0] != 2029


def test_a_yearless_quarter_takes_the_year_of_its_balance_date(tmp_path: Path) -> None:
    text = (
        "Q2 revenues of $421.06M (-8.9% Y/Y) missed consensus.\n\nGross margin narrowed 500 bps Y/Y to 41% in Q2.\n"
        "As of June 30, 2030, cash and equivalents stood at $1.35B vs. $1.51B as of December 31, 2029.\n"
    )
    assert _period(tmp_path, text) == (2030, 2, date(2030, 6, 30))


def test_fiscal_labels_ended_only_in_a_year_starting_in_april(tmp_path: Path) -> None:
    # FY2031's first quarter, on a call of 2030-07-17: the year cannot start in January
    text = (
        "Qorvix Bank Ltd ADR QBK\nQ1 2031 Earnings Call Transcript\nTranscript Call Date 07/17/2030\n\n"
        "Operator: Good evening, and welcome to the Qorvix Bank Quarter 1, FY'2031 Result Conference Call.\n"
        "For this quarter, the net revenue growth was up 19.7%.\n"
    )
    assert _period(tmp_path, text) == (2031, 1, date(2030, 6, 30))
