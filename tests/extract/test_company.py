"""Which company a text is about, and its tickers: inline texts of many shapes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.extract.company import identify_company
from generator.extract.summarize import summarize
from tests.identity import doc_of, identify


def test_explicit_fiscal_wording(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "Alibaba results\n2024-05-14\n阿里巴巴(NYSE: BABA;HKEX: 9988)发布了2024财年第四财季及全年财报。\n",
    )
    company, _, period, call = identify(doc)
    assert company.tickers == ["BABA", "9988"]
    assert (period.fiscal_year, period.fiscal_quarter) == (2024, 4)
    assert call == date(2024, 5, 14)


def test_rival_in_passing_is_not_the_company(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "美团三季度业绩:核心本地商业稳健\n美团收入增长22%。美团外卖订单增长。\n"
        "与阿里巴巴和抖音相比,美团的到店业务更强。美团管理层表示会持续投入。\n",
    )
    assert identify_company(doc).id == "meituan"


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


def test_the_longest_lexicon_name_beside_a_ticker_wins(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "腾讯音乐（TME.US）三季度纪要：音乐订阅稳步增长\n\n"
        "本季度在线音乐服务收入增长，音乐订阅收入增长，音乐会员数增长，长音频和音乐内容持续丰富。\n",
    )
    company = identify_company(doc)
    assert (company.id, company.name) == ("tencent_music", "腾讯音乐")


def test_a_name_missing_from_the_lexicon_is_not_cut_to_a_word_it_ends_with(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "星河云音乐（09999.HK）中期业绩：音乐会员增长\n\n"
        "星河云音乐今日公布中期业绩。星河云音乐的在线音乐收入增长，音乐会员增长，音乐内容丰富，"
        "音乐社区活跃，音乐人数量增长，音乐版权投入增加，音乐直播收入下降。\n",
    )
    company = identify_company(doc)
    assert (company.id, company.name, company.tickers) == (None, "星河云音乐", ["9999"])


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
