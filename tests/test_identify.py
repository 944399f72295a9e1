"""Company, period and dates: inline texts of many shapes, then every transcript with gold."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.extract.identify import (
    date_context,
    fiscal_period,
    fiscal_start,
    identify_call_date,
    identify_company,
    identify_period,
    quarter_end,
)
from generator.extract.summarize import summarize
from generator.model import Document
from generator.source.read import read_source
from tests.seeds import IDS, PAIRS


def doc_of(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return read_source(path, tmp_path)


def identify(doc: Document):
    company = identify_company(doc)
    ctx = date_context(doc)
    period = identify_period(doc, fiscal_start(company), ctx)
    return company, ctx, period, identify_call_date(doc, ctx, period)


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


def test_fiscal_quarter_and_beijing_time(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "阿里巴巴业绩\n\n阿里巴巴第一财季营收增长14%。\n\n"
        "北京时间8月10日周四晚间,阿里巴巴公布了截至2023年6月30日的业绩。第一财季净利润增长。\n",
    )
    _, _, period, call = identify(doc)
    assert (period.fiscal_year, period.fiscal_quarter, period.period_end) == (2024, 1, date(2023, 6, 30))
    assert call == date(2023, 8, 10)


def test_explicit_fiscal_wording(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "Alibaba results\n2024-05-14\n阿里巴巴(NYSE: BABA;HKEX: 9988)发布了2024财年第四财季及全年财报。\n",
    )
    company, _, period, call = identify(doc)
    assert company.tickers == ["BABA", "9988"]
    assert (period.fiscal_year, period.fiscal_quarter) == (2024, 4)
    assert call == date(2024, 5, 14)


def test_undated_text_guesses_year_and_says_so(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "京东点评\n去年四季度,京东收入同比增长3.6%。\n2024年,京东全年收入达到1.16万亿元,同比增长6.8%。\n"
        "其2026年目标为再增长10%。\n",
    )
    company, ctx, period, call = identify(doc)
    assert company.id == "jd"
    assert ctx.year == 2025 and ctx.year_guessed and ctx.notes
    assert (period.fiscal_year, period.fiscal_quarter, period.period_end) == (2024, 4, date(2024, 12, 31))
    assert call is None


def test_no_date_no_call_date(tmp_path: Path) -> None:
    doc = doc_of(tmp_path, "百度点评\n百度本季度收入下降。\n")
    company, _, period, call = identify(doc)
    assert company.id == "baidu" and call is None and period.period_end is None


def test_rival_in_passing_is_not_the_company(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "美团三季度业绩:核心本地商业稳健\n美团收入增长22%。美团外卖订单增长。\n"
        "与阿里巴巴和抖音相比,美团的到店业务更强。美团管理层表示会持续投入。\n",
    )
    assert identify_company(doc).id == "meituan"


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


def test_company_not_in_the_lexicon_named_after_title_and_ticker(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "星河动力2024Q3业绩会纪要：交付创新高\n2024年11月20日 08:00\n\n"
        "星河动力(XHDL.US)公布了第三季度业绩，星河动力收入同比增长30%。\n"
        "作为对比，小鹏汽车同期收入为100亿元。星河动力-SW(09777.HK)收报30港元。\n",
    )
    company = identify_company(doc)
    assert (company.id, company.name) == (None, "星河动力")
    assert company.tickers == ["XHDL", "9777"]
    summary = summarize(doc)
    assert any("星河动力" in note and "lexicon" in note for note in summary.review)


def test_lexicon_company_wins_over_a_guess_it_outnumbers(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "蔚来公布第三季度业绩\n\n蔚来第三季度收入增长。蔚来交付量创新高，蔚来毛利率改善。\n"
        "公司(NIO.US)股价上涨。\n",
    )
    assert identify_company(doc).id == "nio"


@pytest.mark.parametrize(
    ("line", "ticker"),
    [
        ("$阿里巴巴-W(09988)$ 今晚发布财报", "9988"),
        ("腾讯(00700)公布第三季业绩", "0700"),
        ("快手科技(01024.HK)发布业绩", "1024"),
        ("百度集团(HKEX: 9888)发布业绩", "9888"),
        ("手机芯片大厂联发科 (2454-TW) 今日召开法说会", "2454"),
        ("美团-W 03690.HK 收报98.5港元", "3690"),
    ],
)
def test_tickers_in_the_lexicon_form(tmp_path: Path, line: str, ticker: str) -> None:
    company = identify_company(doc_of(tmp_path, f"财报速读\n\n{line}\n"))
    assert ticker in company.tickers


def test_call_day_without_month(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "腾讯季绩\n\n【某某通讯社13日专讯】腾讯公布截至2024年9月30日止第三季业绩，收入增长8%。\n",
    )
    summary = summarize(doc)
    assert summary.call_date == date(2024, 11, 13)  # Oct 13, 2024 is a Sunday
    assert any("guess" in note and "13日" in note for note in summary.review)
    weekday = doc_of(
        tmp_path,
        "腾讯季绩\n\n腾讯周日(13日)公布截至2024年9月30日止第三季业绩，收入增长8%。\n",
    )
    assert summarize(weekday).call_date == date(2024, 10, 13)
    dated = doc_of(
        tmp_path,
        "腾讯季绩\n2024年11月14日 08:00\n\n腾讯13日晚间公布第三季度业绩，收入增长8%。\n",
    )
    assert summarize(dated).call_date == date(2024, 11, 13)
    no_period = doc_of(tmp_path, "腾讯季绩\n\n腾讯13日公布业绩，收入增长8%。\n")
    assert summarize(no_period).call_date is None


def test_the_longest_lexicon_name_beside_a_ticker_wins(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "腾讯音乐（TME.US）三季度纪要：音乐订阅稳步增长\n\n"
        "本季度在线音乐服务收入增长，音乐订阅收入增长，音乐会员数增长，长音频和音乐内容持续丰富。\n",
    )
    company = identify_company(doc)
    assert (company.id, company.name) == ("tencent_music", "腾讯音乐")


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
    ("line", "call"),
    [
        ("**会议时间**：美国东部时间2024年8月20日上午8:00", date(2024, 8, 20)),
        ("公司于8月20日晚间召开业绩电话会。", date(2024, 8, 20)),
        ("公司昨日晚间发布了第二季度业绩，并召开了电话会。", date(2024, 8, 21)),
        ("公司周二晚间发布了第二季度业绩。", date(2024, 8, 20)),  # 2024-08-22 is a Thursday
        ("公司上周五发布了第二季度业绩。", date(2024, 8, 16)),
    ],
)
def test_call_date_apart_from_the_dateline(tmp_path: Path, line: str, call: date) -> None:
    doc = doc_of(
        tmp_path, f"某某控股二季度营收下降4%\n发布时间：2024-08-22 09:12\n\n{line}\n第二季度收入为100亿元。\n"
    )
    _, ctx, _, got = identify(doc)
    assert ctx.published == date(2024, 8, 22) and got == call


def test_the_call_being_held_outweighs_the_release_date(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "某某控股二季度营收下降4%\n2024-08-22 09:12\n\n"
        "8月21日，某某控股发布了第二季度财报。公司于8月20日晚间召开业绩电话会，管理层介绍了经营情况。\n",
    )
    assert identify(doc)[3] == date(2024, 8, 20)
    yesterday = doc_of(
        tmp_path,
        "某某控股二季度营收下降4%\n2024-08-22 09:12\n\n"
        "8月22日，某某控股发布了第二季度财报。公司昨日晚间已召开业绩电话会。\n",
    )
    assert identify(yesterday)[3] == date(2024, 8, 21)


def test_a_name_missing_from_the_lexicon_is_not_cut_to_a_word_it_ends_with(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "星河云音乐（09999.HK）中期业绩：音乐会员增长\n\n"
        "星河云音乐今日公布中期业绩。星河云音乐的在线音乐收入增长，音乐会员增长，音乐内容丰富，"
        "音乐社区活跃，音乐人数量增长，音乐版权投入增加，音乐直播收入下降。\n",
    )
    company = identify_company(doc)
    assert (company.id, company.name, company.tickers) == (None, "星河云音乐", ["9999"])


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


def test_a_share_header_names_a_company_the_lexicon_lacks(tmp_path: Path) -> None:
    text = (
        "证券代码:600999      证券简称:青山微电\n\n青山微电子股份有限公司\n投资者关系活动记录表\n\n"
        "时间:2024年8月20日 10:00-11:00\n\n公司上半年营业收入同比增长。青山微电将继续投入研发。\n"
    )
    doc = doc_of(tmp_path, text)
    company = identify_company(doc)
    assert (company.name, company.id, company.tickers) == ("青山微电", None, ["600999"])
    assert doc.title == "青山微电子股份有限公司投资者关系活动记录表"


def test_issuer_line_names_the_company_without_its_suffix(tmp_path: Path) -> None:
    doc = doc_of(tmp_path, "河西芯片股份有限公司\n业绩说明会记录\n\n河西芯片本季度收入增长。\n")
    assert identify_company(doc).name == "河西芯片"


def test_a_share_header_of_a_lexicon_company_keeps_its_entry(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path, "证券代码:688008 证券简称:澜起科技\n\n投资者关系活动记录表\n\n澜起科技业绩增长。\n"
    )
    company = identify_company(doc)
    assert (company.id, company.name, company.tickers) == ("montage", "澜起科技", ["688008"])


def test_bare_time_label_gives_the_call_date(tmp_path: Path) -> None:
    text = (
        "某某科技股份有限公司投资者关系活动记录表\n\n时间:2024年8月20日 15:00-16:00\n\n"
        "公司2024年半年度营业收入10亿元。\n\n日期:2024年8月23日\n"
    )
    doc = doc_of(tmp_path, text)
    _company, _ctx, _period, call = identify(doc)
    assert call == date(2024, 8, 20)
