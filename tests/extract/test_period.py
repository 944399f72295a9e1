"""The fiscal calendar and the fiscal period: inline texts of many shapes, then every transcript with gold."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.extract.calendar import fiscal_period, quarter_end
from generator.extract.summarize import summarize
from generator.model import Document
from tests.identity import doc_of, identify
from tests.seeds import IDS, PAIRS


def test_fiscal_calendars() -> None:
    assert quarter_end(2024, 4, 4) == date(2024, 3, 31)
    assert quarter_end(2024, 1, 4) == date(2023, 6, 30)
    assert quarter_end(2024, 3, 1) == date(2024, 9, 30)
    assert quarter_end(2024, None, 10) == date(2024, 9, 30)
    p = fiscal_period(date(2024, 12, 31), 4)
    assert (p.fiscal_year, p.fiscal_quarter) == (2025, 3)
    p = fiscal_period(date(2024, 12, 31), 10)
    assert (p.fiscal_year, p.fiscal_quarter) == (2025, 1)


def test_calendar_company_with_dateline(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "腾讯第二季度业绩会实录\n2024年08月14日 21:05 网易科技\n\n"
        "腾讯控股今日公布了截至2024年6月30日的第二季度业绩。本季度腾讯收入同比增长8%。\n"
        "分析师还问到阿里巴巴的竞争。\n",
    )
    company, ctx, period, call = identify(doc)
    assert (company.id, company.name) == ("tencent", "腾讯控股")
    assert (period.fiscal_year, period.fiscal_quarter, period.period_end) == (2024, 2, date(2024, 6, 30))
    assert call == date(2024, 8, 14) and not ctx.year_guessed


def test_traditional_text(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path, "中芯國際第三季業績\n2024年11月8日\n中芯國際公布截至2024年9月30日止第三季度業績。\n"
    )
    company, _, period, call = identify(doc)
    assert company.id == "smic"
    assert (period.fiscal_year, period.fiscal_quarter) == (2024, 3)
    assert call == date(2024, 11, 8)


@pytest.mark.parametrize(("doc", "gold"), PAIRS, ids=IDS)
def test_gold_identity(doc: Document, gold: dict) -> None:
    summary = summarize(doc)
    gp = gold["period"]
    got = (summary.period.fiscal_year, summary.period.fiscal_quarter, summary.period.period_end)
    assert got == (gp["fiscal_year"], gp["fiscal_quarter"], gp["period_end"])
    assert summary.call_date == gold.get("call_date")
    names = [gold["company"]["name"], *gold["company"].get("aliases", [])]
    assert summary.company.name in names
    assert summary.source.kind == gold["kind"]


@pytest.mark.parametrize(
    ("text", "quarter"),
    [
        (
            "某某股份2024年半年度业绩说明会\n时间：2024年9月5日\n\n"
            "2024年上半年，公司营业收入增长20%。截至2024年6月30日，合同负债为10亿元。其中第二季度收入5亿元。\n",
            None,
        ),
        ("某某电子2024H1业绩交流\n2024年8月28日\n\n上半年营收增长，中期业绩超预期。\n", None),
        (
            "某某集团公布中期业绩\n2024年8月28日\n\n集团公布截至2024年6月30日止六个月的未经审计业绩，收入增长。\n",
            None,
        ),
        (
            "腾讯控股2024年第二季度业绩\n2024年8月14日\n\n腾讯控股公布2024年第二季度业绩，"
            "第二季度收入增长8%，上半年收入增长7%。\n",
            2,
        ),
        (
            "某某点评次季业绩胜预期\n2024-08-29 19:02\n\n某某点评今日收市后公布截至2024年6月30日止第二季度业绩。"
            "期内收入按年增长18%。\n合计上半年,收入按年增长20%。\n同业今年上半年交易额亦有增长。\n",
            2,
        ),
    ],
)
def test_half_year_calls_have_no_quarter(tmp_path: Path, text: str, quarter: int | None) -> None:
    _, _, period, _ = identify(doc_of(tmp_path, text))
    assert (period.fiscal_year, period.fiscal_quarter, period.period_end) == (
        2024,
        quarter,
        date(2024, 6, 30),
    )


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (  # an annual briefing held in April: plans, Q1 and links to other briefings are no period
            "星河微电子2023年度业绩说明会\n召开时间:2024年04月18日(星期四)14:00\n\n"
            "公司已于2024年4月8日披露《2023年年度报告》。2023年公司营业收入为8.2亿元,同比增长12%;"
            "其中第四季度单季收入2.9亿元。公司2024年第一季度报告将于4月底披露,2024年计划继续扩产。\n"
            "相关路演:\n· 某某科技2023年年度暨2024年第一季度业绩说明会\n· 某某材料2024年第一季度业绩说明会\n",
            (2023, None, date(2023, 12, 31)),
        ),
        (  # a bare 年度业绩说明会 under a dateline
            "星河微电子年度业绩说明会纪要\n2024-04-18\n\n全年营业收入为8.2亿元,同比增长12%。\n",
            (2023, None, date(2023, 12, 31)),
        ),
        (  # a fourth-quarter and full-year call is the fourth quarter's
            "某某集团公布2023年第四季度及全年业绩\n2024年3月20日\n\n"
            "某某集团今日公布2023年第四季度及全年业绩。2023年全年收入增长10%,第四季度收入增长8%。\n",
            (2023, 4, date(2023, 12, 31)),
        ),
        (  # a quarter named without its year, the dateline in the same year (a Taiwanese 第三季)
            "某某科技法说会:第三季获利创新高\n2024-10-30 17:45\n\n某某科技今日召开法说会,公布第三季财报,"
            "第三季营收季增5%。展望第四季,营收估季减3%。前三季营收年增20%。\n",
            (2024, 3, date(2024, 9, 30)),
        ),
        (
            "某某科技Q3业绩会:毛利率回升\n2024/11/06\n\n公司Q3收入增长,Q4指引持平。\n",
            (2024, 3, date(2024, 9, 30)),
        ),
    ],
)
def test_annual_calls_and_quarters_named_without_a_year(
    tmp_path: Path, text: str, period: tuple[int, int | None, date]
) -> None:
    _, _, found, _ = identify(doc_of(tmp_path, text))
    assert (found.fiscal_year, found.fiscal_quarter, found.period_end) == period


def test_a_quarter_named_by_a_word(tmp_path: Path) -> None:
    # 首季 (named_quarters in periods.yaml) is the first quarter, read like 第一季 without a year
    doc = doc_of(tmp_path, "中鋼首季每股賺0.58元\n2021/5/7 17:52\n中鋼首季稅後淨利達新台幣90.26億元。\n")
    _, _, period, _ = identify(doc)
    assert (period.fiscal_year, period.fiscal_quarter) == (2021, 1)
