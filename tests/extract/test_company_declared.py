"""Company identity, round 3 (issues 9 and 12): the name a text gives an issuer beside its code is
that issuer's name in the text, whatever name of a parent it holds or the registry writes; a
short name the registry derives one step short of its core (特步国际 for 特步国际控股); a release's
defined short name. Sentences written for the test; the issuers are real registry entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.company import identify_company
from generator.lexicon.listed import core_steps, listed
from tests.identity import doc_of


@pytest.mark.parametrize(
    ("text", "name", "ticker"),
    [
        # a lexicon company's name opens its listed subsidiary's name (阿里 in 阿里健康): the
        # subsidiary, beside its own code, is the subject, the parent a qualifier
        (
            "快讯\n\n阿里巴巴(09988)旗下阿里健康(00241)公布半年业绩,收入增长。\n"
            "阿里健康期内纯利上升。阿里健康的毛利率改善。\n",
            "阿里健康",
            "0241",
        ),
        # a registry issuer's short name (九龙仓, 0004's) opens the subsidiary's name beside 1997
        (
            "快讯\n\n九龙仓置业(1997)去年收入减少3%。\n集团主席表示租金仍然下降。九龙仓置业派息。\n",
            "九龙仓置业",
            "1997",
        ),
    ],
)
def test_a_parents_name_inside_a_subsidiarys_name_beside_its_code_is_not_the_subject(
    tmp_path: Path, text: str, name: str, ticker: str
) -> None:
    company = identify_company(doc_of(tmp_path, text))
    assert company.name == name
    assert ticker in company.tickers


def test_an_issuer_is_named_as_the_text_writes_it_beside_its_code(tmp_path: Path) -> None:
    # the registry's short name is 中国石化上海石油化工; the text never writes it
    text = "记者报道\n\n上海石油化工股份(00338)公布全年业绩,收入下降3.6%。\n董事长表示油价将略高。\n"
    company = identify_company(doc_of(tmp_path, text))
    assert company.name == "上海石油化工股份"
    assert company.tickers == ["0338"]


def test_two_characters_beside_a_code_are_no_name_of_their_own(tmp_path: Path) -> None:
    # 港灯 beside 2638 is an aside in a text about another issuer; two characters fit too many
    # names to override the registry
    text = (
        "电能实业去年少赚17%\n\n电能实业(00006)公布全年业绩,纯利按年减少17%。\n"
        "集团在港灯(2638)的权益贡献下降。电能实业派末期息。\n"
    )
    assert identify_company(doc_of(tmp_path, text)).name == "电能实业"


def test_a_registry_name_one_ending_short_is_its_issuers_name(tmp_path: Path) -> None:
    # 特步国际控股 -> 特步国际: not an abbreviation of another issuer (步阳国际控股 holds 步, 国际)
    assert core_steps("特步国际控股") == ("特步国际",)
    assert core_steps("阿里巴巴集团控股") == ("阿里巴巴集团",)
    assert core_steps("中国海外发展") == ()
    assert [x.code for x in listed().named("特步国际")] == ["1368.HK"]
    text = "消息 特步国际发布2023年度报告。\n\n集团收入增长10.9%。特步主品牌收入创新高。\n特步集团主席表示将继续提高效率。\n"
    assert identify_company(doc_of(tmp_path, text)).name == "特步"


@pytest.mark.parametrize(
    ("definition", "name"),
    [
        ('("Sinopec" or the "Company")(HKEX: 386; SSE: 600028)', "Sinopec"),
        ('("Sinopec" or the "Company") (HKEX: 386)', "Sinopec"),
    ],
)
def test_a_short_name_the_release_defines_for_its_issuer_is_its_name(
    tmp_path: Path, definition: str, name: str
) -> None:
    text = (
        "BEIJING, Aug. 26 /PRNewswire/ -- China Petroleum & Chemical\n"
        f"Corporation {definition} today announced its interim results.\n"
        "The Company's operating profit reached RMB 61.6 billion.\n"
    )
    company = identify_company(doc_of(tmp_path, text))
    assert company.name == name
    assert "0386" in company.tickers and "386" not in company.tickers


def test_a_definition_of_something_else_names_no_issuer(tmp_path: Path) -> None:
    # ("ADSs" ...) defines a security, not the issuer: the issuer keeps its registry name
    text = (
        "XPeng Inc. (NYSE: XPEV) today announced its results.\n\n"
        'Each of the American depositary shares ("ADSs" or the "shares") represents two shares.\n'
        "XPeng delivered more vehicles.\n"
    )
    assert identify_company(doc_of(tmp_path, text)).name != "ADSs"


@pytest.mark.parametrize(
    "opening",
    [
        "凤凰科技讯 北京时间5月20日消息,",  # the outlet's dateline (凤凰 is a listed short name)
        "【凤凰科技讯】",
        "2013-05-21 09:04 · 凤凰科技\n\n",  # a byline: a date and the outlet
    ],
)
def test_a_news_outlet_in_a_dateline_is_no_company(tmp_path: Path, opening: str) -> None:
    text = f"快讯\n\n{opening}某公司今天发布季度报告。\n财报显示营收增长。\n"
    assert identify_company(doc_of(tmp_path, text)).name is None


def test_the_outlet_mask_leaves_a_company_opening_a_line(tmp_path: Path) -> None:
    # 中华电信 opens the line: 电 is a dateline word, but it runs on into 信
    text = "快讯\n\n中华电信公布第三季财报,营收增长。\n中华电信表示将扩大投资。\n"
    name = identify_company(doc_of(tmp_path, text)).name
    assert name is not None and name.startswith("中华电")  # the registry's short name is 中华电


def test_a_period_word_is_no_issuer(tmp_path: Path) -> None:
    # *ST中期 is a listed short name; 中期 before 纯利 is the interim period
    text = "快讯\n\n中期纯利5.4亿元,按年上升。\n中期纯利改善。\n"
    assert identify_company(doc_of(tmp_path, text)).name is None


def test_a_company_whose_named_leader_speaks_is_the_subject_though_written_once(tmp_path: Path) -> None:
    # 中海油 is in no registry as written (an abbreviation several listings fit) and written once
    text = (
        "中期息0.73元\n\n期内,营业收入按年下降8.4%至2076亿元。\n"
        "中海油董事长张传江表示,上半年公司油气产量再创新高。\n"
    )
    assert identify_company(doc_of(tmp_path, text)).name == "中海油"


def test_a_leader_title_that_opens_no_clause_names_no_company(tmp_path: Path) -> None:
    # the run before the title is a list's words, not a company: written once, it names nothing
    text = "业绩会纪要\n\n参会人员包括轮值总裁张三表示欢迎。\n收入增长。\n"
    name = identify_company(doc_of(tmp_path, text)).name
    assert name is None or "参会" not in name


def test_a_listed_short_name_opening_a_clause_before_its_period_is_the_subject(tmp_path: Path) -> None:
    # 和硕 (4938.TW) is two characters, written twice: it opens the results line before its quarter
    text = (
        "本报告内容根据法说会影音档进行摘要整理。\n\n1. 营运摘要\n"
        "和硕 2024 年第三季受惠于产品线进入旺季,单季合并营收达新台币 2,942 亿元,季增 16%。\n"
        "展望未来,和硕预期第四季通讯产品将持续成长。\n"
    )
    assert identify_company(doc_of(tmp_path, text)).name == "和硕"


def test_a_common_word_before_a_period_is_no_subject(tmp_path: Path) -> None:
    # 中期 before its year is a period, 公司 a generic word: neither names an issuer
    text = "快讯\n\n公司2024年第三季受惠于旺季,单季营收增长。\n中期 2024 年收入下降,营收减少。\n"
    assert identify_company(doc_of(tmp_path, text)).name is None
