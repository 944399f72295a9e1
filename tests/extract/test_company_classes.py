"""Company identity, failure classes of the real-text corpus (issues 9 and 12), each on sentences
written for the test: a pronoun is never a company, a name may open with digits, the company whose
leader speaks is the subject."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.company import after_pronoun, identify_company
from tests.identity import doc_of


@pytest.mark.parametrize(
    "text",
    [
        # a transcript's opening thanks "us" for joining "our" call: 我们 is no company
        "谢谢大家加入我们的业绩会。\n\n我们第三季度收入增长。我们的利润改善。我们继续投入。\n",
        "但我们用更少的投入取得了增长\n\n我们第二季度业绩稳健。我们的收入上升。\n",
    ],
)
def test_a_pronoun_is_never_the_company(tmp_path: Path, text: str) -> None:
    name = identify_company(doc_of(tmp_path, text)).name
    assert name is None or "我们" not in name


def test_a_name_never_starts_inside_a_pronoun() -> None:
    assert after_pronoun("谢谢大家加入我们的") == "的"
    assert after_pronoun("作为柏森集团总裁") == ""
    assert after_pronoun("柏森集团") == "柏森集团"


def test_a_name_opening_with_digits_beside_its_ticker(tmp_path: Path) -> None:
    # 58同城-like names keep their digits; a market word before 代码 makes the ticker one
    text = (
        "73星城第二季度净利润增长\n\n"
        "本报讯 8月21日,73星城(纽交所证券代码:QXZW)今天发布了第二季度财报。73星城总营收增长33%。\n"
        "73星城表示,客户数量继续增加。\n"
    )
    company = identify_company(doc_of(tmp_path, text))
    assert company.name == "73星城"
    assert company.tickers == ["QXZW"]


def test_the_company_whose_leader_speaks_is_the_subject(tmp_path: Path) -> None:
    # the speaker introduces himself as the company's president; a partner named later weighs less
    text = (
        "谢谢大家加入我们的业绩会。这是我作为柏森集团总裁的第一次财报电话会议。\n\n"
        "第三季度,柏森集团保持了快速收入增长。作为领先的平台,柏森集团继续投入。\n"
        "在本季度,京东的合作继续加深。\n"
    )
    assert identify_company(doc_of(tmp_path, text)).name == "柏森集团"


@pytest.mark.parametrize(
    "text",
    [
        # a leader title's qualifier (联合创始人, 轮值总裁) is no company
        "会议纪要\n\n王某(联合创始人、首席财务官)介绍了业绩。收入增长38%。\n",
        "会议纪要\n\n参会人员包括轮值总裁朱某先生、首席财务官王某先生。收入增长。\n",
    ],
)
def test_a_title_qualifier_is_no_company(tmp_path: Path, text: str) -> None:
    assert identify_company(doc_of(tmp_path, text)).name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a short period form between the name and its results (4Q25, 23H1) and a share class (-W)
        ("重点摘要\n\n- 旺宏 4Q25 营收 214 亿元,季增 7.2%。\n- 公司预期明年成长。\n", "旺宏"),
        ("登录注册\n\n商汤-W 23H1业绩梳理及业绩会\n123H1业绩总体表现:收入下降。\n", "商汤"),
    ],
)
def test_a_results_subject_before_a_short_period_or_after_a_share_class(
    tmp_path: Path, text: str, name: str
) -> None:
    assert identify_company(doc_of(tmp_path, text)).name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an abbreviation of the registry's short name beside the issuer's code: named as written
        ("快讯\n\n恒基地产(00012)公布中期业绩,基础盈利减少。\n集团物业销售增加。\n", "恒基地产"),
        ("快讯\n\n九仓置业(1997)公布全年业绩,收入下跌。\n集团租金收入持平。\n", "九仓置业"),
    ],
)
def test_an_abbreviation_beside_its_code_is_named_as_written(tmp_path: Path, text: str, name: str) -> None:
    assert identify_company(doc_of(tmp_path, text)).name == name


def test_a_company_named_as_anothers_relative_is_not_the_subject(tmp_path: Path) -> None:
    # the text reports 信和置业's figures (信置, repeated as the subject of results); its parent and a
    # sister company named later, each beside its code, are asides
    text = (
        "主席:奉行审慎财务原则\n\n"
        "截至6月底信置手持现金及存款512亿元。\n"
        "期内信置应占物业销售总收入108亿元,按年增长21%。\n"
        "收租业务方面,信置录得总租金收益34亿元。\n"
        "至于信置的母公司尖沙咀置业(0247),全年股东应占溢利23亿元。同系信和酒店(1221)全年溢利1亿元。\n"
    )
    assert identify_company(doc_of(tmp_path, text)).name == "信和置业"


def test_an_opening_that_names_a_parent_makes_it_the_subject(tmp_path: Path) -> None:
    # named as the text names it beside its code (世界华文), not by its registry name (世界华文媒体)
    text = "《某报》母公司世界华文(00685)公布第三季股东应占溢利275万美元,按年大跌33.8%。\n\n集团收入下跌。\n"
    assert identify_company(doc_of(tmp_path, text)).name == "世界华文"


def test_a_generic_word_is_no_abbreviation(tmp_path: Path) -> None:
    # 集团 fits a registry name's characters in order, but names no company
    text = "业绩\n\n集团营业额增加8%。集团录得溢利。集团录得收益。集团录得现金。\n"
    assert identify_company(doc_of(tmp_path, text)).name is None


def test_a_lexicon_name_inside_a_listed_subsidiarys_name_is_no_mention(tmp_path: Path) -> None:
    # 京东 inside 京东物流 (its own listing) is no mention of 京东
    text = "物流观察\n\n京东物流网络继续扩张,京东物流仓库超过1600个。\n京东物流一体化供应链客户增加。\n"
    assert identify_company(doc_of(tmp_path, text)).name == "京东物流"


def test_a_research_notes_title_declares_its_subject(tmp_path: Path) -> None:
    # the note's title "Name(code): headline" outweighs a customer named as the subject of a figure
    text = (
        "2Q25业绩表现 - 营收515亿元 其中京东集团收入178亿元 同比增长3% 外部客户收入增长\n"
        "京东物流(02618.HK):供应链业务拓客成效亮眼\n"
        "公司外部客户数量增加。\n"
    )
    assert identify_company(doc_of(tmp_path, text)).name == "京东物流"


def test_a_calls_welcome_names_its_company(tmp_path: Path) -> None:
    # the operator welcomes listeners to the call of a company no registry knows; an analyst's firm
    # in brackets on the attendee list is not the company
    text = (
        "马某(轮值总裁)\n王某(首席财务官)\n徐某(中金公司)\n"
        "各位女士、先生,感谢您参加柏森互联集团2025年第三季度业绩电话会议。\n"
        "除非适用法律要求,否则柏森互联不承担更新任何前瞻性陈述的义务。柏森互联的新闻稿包括非GAAP指标。\n"
    )
    assert identify_company(doc_of(tmp_path, text)).name == "柏森互联集团"


def test_a_news_texts_issuer_reported_on_a_weekday_beside_its_bare_ticker(tmp_path: Path) -> None:
    # "(TCS) on Friday reported": a day between a bare ticker and its verb still makes it a ticker
    text = (
        "Markets today\n\n"
        "Indian software major Quartzline Systems (QLS) on Friday reported a 12% rise in net profit.\n"
        "Shares of Quartzline Systems rose 2%. Quartzline Systems also declared a dividend.\n"
    )
    company = identify_company(doc_of(tmp_path, text))
    assert (company.name, company.tickers) == ("Quartzline Systems", ["QLS"])


def test_an_indian_exchanges_code_beside_an_english_name_is_its_ticker(tmp_path: Path) -> None:
    # "(BOM:532281, Financial)": an exchange prefix and a trailing page word around the code
    text = (
        "Release Date: July 14, 2025\n"
        "- Quartzline Systems Ltd (BOM:512345, Financial) reported revenue growth of 3.7%.\n"
        "- Quartzline Systems Ltd (BOM:512345) added clients across several categories.\n"
    )
    company = identify_company(doc_of(tmp_path, text))
    assert (company.name, company.tickers) == ("Quartzline Systems", ["512345"])


def test_a_long_exchange_word_before_a_code_makes_it_the_issuers_ticker(tmp_path: Path) -> None:
    # "(纽约证券交易所代码:WDH)": seven characters of exchange before 代码; the site's own name in its
    # disclaimer (a listed company too) is not the issuer
    text = (
        "查看原文\n"
        "免责申明:同花顺翻译提供中文译文,翻译内容仅供参考!\n"
        "附件 99.1\n"
        "晴川公司公布2024年第二季度未经审计的财务业绩\n"
        "北京时间2024年9月4日—— 晴川公司(“晴川”、“公司”或“我们”)(纽约证券交易所代码:QCX)今天公布了财务业绩。\n"
    )
    company = identify_company(doc_of(tmp_path, text))
    assert (company.name, company.tickers) == ("晴川公司", ["QCX"])


def test_a_calls_stated_purpose_names_its_company(tmp_path: Path) -> None:
    # minutes: "会议目的为讨论X2025年第三季度财务业绩" makes X (no registry knows it) the call's company
    text = (
        "一、开场介绍\n"
        "会议时间: 2025年第三季度\n"
        "主持人说明:\n"
        "介绍会议目的为讨论澄湖金科2025年第三季度财务业绩,提及会议录制及安全港声明。\n"
        "管理层发言摘要:\n"
        "首席执行官回顾三季度宏观经济背景,强调消费金融需求稳步上升。\n"
    )
    assert identify_company(doc_of(tmp_path, text)).name == "澄湖金科"
