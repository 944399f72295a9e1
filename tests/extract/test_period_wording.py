"""Period wording classes of the real-text corpus (issue 9): a month's end written 月底, a year's end
年末, a year in brackets (今(2017)年), a fiscal year spanning two calendar years (20/21财年), a year's
results named 2021年财报 / 2021全年, an English quarter ended without its year, and undated texts
whose year is guessed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.extract.dates import infer_year
from tests.identity import doc_of, identify


def _period(tmp_path: Path, text: str) -> tuple[int | None, int | None, date | None]:
    _, _, period, _ = identify(doc_of(tmp_path, text))
    return period.fiscal_year, period.fiscal_quarter, period.period_end


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # 截至…月底止全年业绩: the month's last day, a whole year
        (
            "某某集团公布截至2023年12月底止全年业绩,营业额414亿元,按年升33.6%。\n",
            (2023, None, date(2023, 12, 31)),
        ),
        # the same with the year named by its distance from the text's own
        (
            "date 2021-03-02 某某餐饮公布截至去年12月底止全年业绩,收入286亿元,按年增加7.8%。\n",
            (2020, None, date(2020, 12, 31)),
        ),
        # a Taiwanese bracketed year: 今(2017)年第一季
        (
            "某某电子昨(26)日举行法说会,公布今(2017)年第一季财报,合并营收374亿元,较去年同期成长8.8%。\n",
            (2017, 1, date(2017, 3, 31)),
        ),
        # 2021年财报 and 2021全年: the year
        (
            "3月29日晚间,某某汽车正式发布了2021年财报。\n2021全年,某某汽车实现营收2161亿元,同比增加38%。\n",
            (2021, None, date(2021, 12, 31)),
        ),
        # a year's end as the balance date of a year's results
        (
            "1月14日,某某银行发布业绩快报,2020年实现营收2905亿元,同比增长7.7%。截至2020年末,不良贷款率为1.07%。\n"
            "2020年一至四季度单季,归母净利润同比增速分别为10%、-13%、0.7%、32%。\n",
            (2020, None, date(2020, 12, 31)),
        ),
        # a quarter ended on a day written without its year: the dateline's
        (
            "date 2019-05-01 Some Chip Inc said net profit surged 34.8 percent. During the quarter that ended "
            "on March 31, gross margin increased to 40.7 percent.\n",
            (2019, 1, date(2019, 3, 31)),
        ),
    ],
)
def test_period_wording(tmp_path: Path, text: str, want: tuple) -> None:
    assert _period(tmp_path, text) == want


def test_split_fiscal_year(tmp_path: Path) -> None:
    """20/21财年 is the fiscal year 2021 (Lenovo's starts in April: its first quarter ends in June 2020)."""
    text = "联想集团20/21财年第一季度净利润15亿元,同比增长31%\n8月13日讯,联想集团今日公布20/21财年第一财季业绩。\n"
    assert _period(tmp_path, text) == (2021, 1, date(2020, 6, 30))


def test_undated_year_not_reported_within_itself(tmp_path: Path) -> None:
    """An undated text guessed to be of 2022 cannot report the whole of 2022 (an outlook names it)."""
    text = (
        "某某控股在3月30日接受调研时表示,2021年公司收入创纪录,营业收入2072亿元,同比增长34.5%。"
        "公司对2022全年业绩持乐观态度。\n2021年实现归母净利润42.7亿元,同比增长5%。\n"
    )
    assert _period(tmp_path, text)[2] != date(2022, 12, 31)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # the fourth quarter (or second half) reported as past: written the year after
        ("某某体昨晚公告业绩,2019年第四季度公司实现销售收入2.4亿元,同比下降5%。\n", 2020),
        # the first quarter reported as past: written within the year
        ("某某汽车发布2025年第一季度财报:总营收为158亿元,同比增长141%。\n", 2025),
        # a range opened by 从 names no year of the text
        (
            "某某汽车2025年第一季度总营收为158亿元,同比增长141%。新产品会从2025年下半年一直持续到2026年,同比增长。\n",
            2025,
        ),
    ],
)
def test_infer_year_parts(tmp_path: Path, text: str, year: int) -> None:
    assert infer_year(doc_of(tmp_path, text)) == year


def test_table_row_is_no_dateline(tmp_path: Path) -> None:
    """A date opening a table row (a dividend history) dates no page: the annual results stand."""
    text = (
        "某某餐饮公布截至2023年12月底止全年业绩,营业额414亿元,按年升33.6%。\n"
        "2023/08/29 | 中期业绩 | 无派息 |\n2022/08/30 | 中期业绩 | 无派息 |\n"
    )
    _, ctx, period, call = identify(doc_of(tmp_path, text))
    assert ctx.published is None
    assert (period.fiscal_year, period.fiscal_quarter, period.period_end) == (2023, None, date(2023, 12, 31))
    assert call is None


def test_labelled_byline_with_cells_dates_the_page(tmp_path: Path) -> None:
    text = "某某电子 2023 第二季法说会内容全文\n作者 | 发布日期 2023 年 07 月 20 日 15:49 | 分类 半导体\n某某电子20日举行第二季法说会。\n"
    _, ctx, _, _ = identify(doc_of(tmp_path, text))
    assert ctx.published == date(2023, 7, 20)


def test_dateline_before_the_period_reported(tmp_path: Path) -> None:
    """A dateline earlier than the period the text names as its own (a magazine issue's date) is no
    date of the text: the period stands, the call date is the one stated, and a note says so."""
    text = (
        "某某集团公布2022年中期业绩报告\n2022-05-30\n"
        "8月15日,某某集团公布了2022年中期业绩报告。业绩报告显示,2022年上半年实现总收入40.9亿元。\n"
    )
    _, ctx, period, call = identify(doc_of(tmp_path, text))
    assert (period.fiscal_year, period.fiscal_quarter, period.period_end) == (2022, None, date(2022, 6, 30))
    assert call == date(2022, 8, 15)
    assert any("dateline" in note for note in ctx.notes)


@pytest.mark.parametrize(
    ("text", "quarter"),
    [
        # the half named first, its second quarter after: the half
        (
            "财务表现 - 2025年上半年公司营业总收入2523亿元 同比增长16% - 2025年第二季度营业总收入1239亿元 同比增长11%\n",
            None,
        ),
        ("财务表现 - 2025H1营业收入115.07亿元 同比增长9.12% - 2025Q2营业收入54.81亿元 同比增长2.47%\n", None),
        # the quarter named first, then the half: the quarter
        (
            "HONG KONG, Aug. 14, 2019 -- Some Holdings today announced the unaudited results for the second "
            'quarter ("2Q2019") and first half year of 2019 ("1H2019") ended June 30, 2019.\n'
            "1H2019 Key Highlights\nTotal revenues were RMB174,286 million, an increase of 18%.\n",
            2,
        ),
    ],
)
def test_half_or_second_quarter_first_named(tmp_path: Path, text: str, quarter: int | None) -> None:
    assert _period(tmp_path, text)[1] == quarter


@pytest.mark.parametrize(
    ("text", "call"),
    [
        # a press release's wire dateline below its highlights
        (
            "某某生物2023年业绩稳健增长\n收益同比增长11.6%\n\n香港2024年3月26日 /美通社/ -- 某某生物今日宣布其"
            "截至2023年12月31日之经审核年度业绩。\n",
            date(2024, 3, 26),
        ),
        # a bracketed one
        (
            "纯利同比增长62.6%\n(2020年8月17日,中国香港讯) 某某生物今日宣布其截至2020年6月30日止六个月之未经审核中期业绩。\n",
            date(2020, 8, 17),
        ),
        # a quarter's report released on a day without its year: the first such day after the quarter
        (
            "10月25日晚间,某某生物发布2024年第三季度报告,数据显示,前三季度公司实现营业收入260亿元。\n",
            date(2024, 10, 25),
        ),
    ],
)
def test_call_date_stated(tmp_path: Path, text: str, call: date) -> None:
    _, _, _, found = identify(doc_of(tmp_path, text))
    assert found == call


@pytest.mark.parametrize(
    ("text", "call"),
    [
        # the results released one evening, the call held the next day: the call's day
        (
            "8月26日晚间,某某保险披露2025年中期业绩。上半年实现营业收入5000亿元,同比增长1.0%。\n"
            "8月27日中午,某某保险举行了2025年中期业绩发布会。\n",
            date(2025, 8, 27),
        ),
        (
            "8月29日晚间,某某科技发布2022年上半年业绩,实现营收916亿元,同比减少15.66%。\n"
            "某某科技董事会秘书在8月30日的网上业绩会上坦言,外部环境需求低迷。\n",
            date(2022, 8, 30),
        ),
    ],
)
def test_call_day_outweighs_release_day(tmp_path: Path, text: str, call: date) -> None:
    _, _, _, found = identify(doc_of(tmp_path, text))
    assert found == call
