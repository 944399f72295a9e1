"""A whole year or its fourth quarter, a period end named a year further on in its clause, a
quarter named as a part of the year, and undated texts (real-text failure classes, issue 9)."""

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
        # an annual release whose figures name the fourth quarter: the year
        (
            "date 2026-02-04 某某餐饮2025年全年录得总收入118亿美元,按年增长4%。\n\n"
            "百胜表示,全年外卖销售表现强劲。第四季度系统销售额增长7%。\n"
            "品牌A第四季度经营利润增长16%。全年净新增门店1349家。品牌B第四季度经营利润增长52%。\n",
            (2025, None, date(2025, 12, 31)),
        ),
        # a quarter's call that also gives the year's figures: the quarter
        (
            "date 2026-01-15 某某半导体今召开法说会。2025年全年营收1224亿美元;若以新台币计价,全年营收3.8兆元。\n\n"
            "观察2025年第4季表现,单季每股盈余19.50元,单季毛利率62.3%。\n",
            (2025, 4, date(2025, 12, 31)),
        ),
        # 第四季度及全年业绩 names the quarter as its period
        (
            "date 2025-03-01 某某公司公布第四季度及全年业绩。全年收入100亿元。全年利润10亿元。\n",
            (2024, 4, date(2024, 12, 31)),
        ),
    ],
)
def test_year_or_fourth_quarter(tmp_path: Path, text: str, want: tuple) -> None:
    assert _period(tmp_path, text) == want


@pytest.mark.parametrize(
    "text",
    [
        "date 2020-03-31 某某游戏公布了截至2019年12月31日年度业绩报告。2019年营业收入28亿元。\n",
        'date 2024-03-26 某某生物今日宣布其截至2023年12月31日("报告期内")之经审核年度业绩。收益增长11.6%。\n',
    ],
)
def test_year_named_after_period_end(tmp_path: Path, text: str) -> None:
    year = int(text[5:9]) - 1
    assert _period(tmp_path, text) == (year, None, date(year, 12, 31))


def test_quarter_end_then_year_is_the_quarter(tmp_path: Path) -> None:
    text = "date 2025-03-01 某某公司公布截至2024年12月31日止三个月及年度业绩。收入增长10%。\n"
    assert _period(tmp_path, text) == (2024, 4, date(2024, 12, 31))


def test_undated_text_bare_year_is_the_past_one(tmp_path: Path) -> None:
    # no date of its own, its year inferred (2021) from the years it reports as past: a bare
    # 全年 is 2020, and 其中四季度 is a part of that year, not the period
    text = (
        "某某集团业绩点评\n\n"
        "2020年第四季度不再包括子公司收入,2019年第四季度同口径比较。全年实现收入2097亿元,同比增长5%,"
        "其中四季度收入553亿元。同口径下2020年收入全年增长8%、四季度增长20%。公司全年实现净利润113亿元。全年归母净利润88亿元,增长8%。全年毛利率29%。\n"
    )
    assert _period(tmp_path, text) == (2020, None, date(2020, 12, 31))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the year to a quarter's end is reported with that quarter
        (
            "date 2025-10-20 某某矿业近日公布的2025年前三季度财报显示,公司实现营业收入2542亿元,同比增长10%。\n",
            (2025, 3, date(2025, 9, 30)),
        ),
        # an undated text whose year is inferred: a quarter named without its year is that year's
        (
            "主营业务:某某科技是一家信贷科技平台。\n报告期业绩:\n"
            "第三季度,总营收为人民币52.1亿元,较2024年同期增长10%。\n",
            (2025, 3, date(2025, 9, 30)),
        ),
    ],
)
def test_year_to_date_and_undated_quarters(tmp_path: Path, text: str, want: tuple) -> None:
    assert _period(tmp_path, text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a year in Chinese numerals; a bracketed comparison "(二零二一年上半年:…)" is no candidate
        (
            "某某集团于二零二五年上半年的综合营业额为人民币239亿元(二零二四年上半年:人民币237亿元),"
            "毛利率为48%(二零二四年上半年:47%),同比增长0.8%。\n",
            (2025, None, date(2025, 6, 30)),
        ),
        # 中期纯利 and 派中期息 name the interim results
        (
            "date 2021-08-12 某某移动中期纯利多赚逾6%,中期息增0.1港元。\n",
            (2021, None, date(2021, 6, 30)),
        ),
        # a month range is no date: "2025年1-6月" is the first half, not 6 January
        (
            "某某动力交出了一份稳中有进的半年成绩单。\n2025年1-6月,公司实现营业收入1131亿元,同比增长0.59%。\n",
            (2025, None, date(2025, 6, 30)),
        ),
    ],
)
def test_half_year_wording(tmp_path: Path, text: str, want: tuple) -> None:
    assert _period(tmp_path, text) == want


def test_guidance_year_is_no_past_year(tmp_path: Path) -> None:
    # "2022年业绩指引" looks ahead: the text (about 2021) is not from 2023
    text = (
        "某某控股在介绍2022年业绩指引时表示,2021年下半年以来利润好转,2022年1-2月也同比好转。\n"
        "2021年公司收入和业务量创纪录,全年收入增长7.3%。\n"
    )
    assert _period(tmp_path, text) == (2021, None, date(2021, 12, 31))


def test_comparison_periods_and_bare_interim(tmp_path: Path) -> None:
    # "与2023年上半年相若", "较2023年第二季上升" are comparisons; 中期业绩 names a half-year call
    text = (
        "8月21日电 某某交易所披露中期业绩公告显示,2024年上半年收入106亿元,与2023年上半年相若。\n"
        "主要业务收入较2023年上半年下跌3%。2024年第二季收入为54亿元,较2023年第二季上升8%。\n"
        "2024年第二季收入创新高。\n"
    )
    assert _period(tmp_path, text) == (2024, None, date(2024, 6, 30))


def test_six_months_in_digits(tmp_path: Path) -> None:
    text = (
        "某某光学科技公告,截至2021年6月30日止6个月,集团未经审核的收入约人民币198亿元,较去年同期增加约5.1%。\n"
    )
    assert _period(tmp_path, text) == (2021, None, date(2021, 6, 30))
