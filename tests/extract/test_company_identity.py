"""Company identity beyond the lexicon, as classes: English issuers beside their tickers, registry
issuers named in English, names cut by spaces, a registry name followed by its company word."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.company import identify_company
from tests.identity import doc_of


@pytest.mark.parametrize(
    ("text", "name", "ticker"),
    [
        (
            'Results release\n\nHANGZHOU, Aug. 21, 2030 -- Qorvix Mobility Holding Limited ("Qorvix" or the '
            '"Company") (NYSE: QVX), an electric vehicle maker, today announced its results.\n'
            "Qorvix delivered more cars. Qorvix revenue grew.\n",
            "Qorvix",
            "QVX",
        ),
        (
            "Results release\n\nBEIJING, Aug. 30, 2030 /PRNewswire/ -- Tandema Learning Inc. (NASDAQ: TDMA)\n"
            '("Tandema" or the "Company"), an education company, today announced its results.\n',
            "Tandema",
            "TDMA",
        ),
        (
            "Veltrane Biotech Corporation (NASDAQ:VLTB) Q2 2030 Earnings Call Transcript\n\n"
            "Operator: Welcome to the Veltrane Biotech Corporation call.\n",
            "Veltrane Biotech",
            "VLTB",
        ),
        (
            "Hostelo (HSTL) Q2 2030 Earnings Call Transcript\n\nNet revenues grew 30%. Hostelo opened hotels.\n",
            "Hostelo",
            "HSTL",
        ),
    ],
)
def test_an_english_issuer_beside_its_ticker(tmp_path: Path, text: str, name: str, ticker: str) -> None:
    company = identify_company(doc_of(tmp_path, text))
    assert (company.name, company.id) == (name, None)
    assert company.tickers == [ticker]


def test_letters_in_brackets_without_results_after_are_no_ticker(tmp_path: Path) -> None:
    doc = doc_of(tmp_path, "Notes\n\nRevenue under Generally Accepted Principles (GAAP) rose.\n")
    assert identify_company(doc).name is None


def test_a_registry_issuer_in_an_english_text_keeps_its_english_name(tmp_path: Path) -> None:
    # Chunghwa Telecom's short name in the Taiwan list is 中華電, cut from its full name; an English
    # text that never writes a Chinese name is named as it writes the company
    doc = doc_of(
        tmp_path,
        "In This Article:\n\nRevenue rose 3%.\nChunghwa Telecom Co Ltd (NYSE:CHT) achieved a record quarter.\n",
    )
    company = identify_company(doc)
    assert company.name == "Chunghwa Telecom"
    assert "CHT" in company.tickers


def test_a_name_spaced_from_its_period_in_the_title(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "以下为 星曜 2030 年第二季度财报电话会纪要,财报解读请见《星曜:新车上市》\n\n"
        "一、财报核心信息回顾\n星曜本季度交付量创新高。星曜毛利率改善。\n",
    )
    assert identify_company(doc).name == "星曜"


def test_a_short_name_before_a_company_word_counts(tmp_path: Path) -> None:
    # 龙湖 alone is too common a pair of characters to be reported; 龙湖集团 is the company
    doc = doc_of(
        tmp_path,
        "导读\n龙湖集团8月23日在港交所公告,上半年营业收入为466亿元。\n龙湖集团上半年股东应占溢利为57亿元。\n",
    )
    assert identify_company(doc).name == "龙湖"


def test_a_common_word_before_a_company_word_is_no_company(tmp_path: Path) -> None:
    doc = doc_of(tmp_path, "纪要\n\n中国科技行业持续增长,中国集团客户需求旺盛。\n")
    assert identify_company(doc).name is None


def test_a_bare_code_after_a_ticker_word(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "業務狀況\n集團簡介: - 集團股份亦在上海證券交易所上市,編號為600938。\n- 集團為海上原油生產商。\n",
    )
    company = identify_company(doc)
    assert (company.name, company.tickers) == ("中国海油", ["600938"])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a release's title: the issuer, its verb, its period, its results
        ("Qorvix Releases Third Quarter 2030 Financial Results\n\nRevenue of $86.9 million.\n", "Qorvix"),
        # a transcript's title with a bare ticker and "on"
        (
            "Veltrane Solar Inc. (VLTS) on Q1 2030 Results - Earnings Call Transcript\n\n"
            "Operator: Welcome to Veltrane Solar's First Quarter 2030 Earnings Conference Call.\n",
            "Veltrane Solar",
        ),
        # a title that is the issuer's name alone, and its possessive before the call
        (
            "TANDEMA, Inc.\nQ3 2030 Earnings Call Transcript\n- Operator:\n"
            "- Good afternoon. Welcome to TANDEMA, Inc.'s Fiscal 2030 Third Quarter Conference Call.\n",
            "TANDEMA",
        ),
        # an over-the-counter ticker, written in any case
        (
            "Release\n\nNews\n\nQorvix Coffee Inc. (\u201cQorvix Coffee\u201d or the \u201cCompany\u201d) "
            "(OTC: QRVXY) today announced its results.\n",
            "Qorvix Coffee",
        ),
        # a name beside a bare ticker, then a results verb
        (
            "Highlights\n\nRevenue rose.\nHostelo Group Ltd (HSTLF) reported a net revenue increase of 11%.\n",
            "Hostelo Group",
        ),
    ],
)
def test_english_issuer_named_by_its_title_or_call(tmp_path: Path, text: str, name: str) -> None:
    assert identify_company(doc_of(tmp_path, text)).name == name


@pytest.mark.parametrize(
    "text",
    [
        # a period or a generic word before results is no issuer
        "Q1 2030 Earnings Conference Call\n\nThe Company's third quarter results were strong.\n",
        "Highlights\n\nThird Quarter 2030 Results\nRevenue grew.\n",
    ],
)
def test_no_english_issuer_from_a_period_or_generic_word(tmp_path: Path, text: str) -> None:
    assert identify_company(doc_of(tmp_path, text)).name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a listed two-character short name opening the title and repeated (Taiwan's 中钢, 远传)
        ("中鋼首季每股賺0.50元\n\n中鋼今日公布首季財報。中鋼表示需求回溫。\n", "中钢"),
        ("〔記者／台北報導〕遠傳董事會今日決議配息\n\n遠傳表示營收成長。遠傳第3季營收創高。\n", "远传"),
        # an abbreviation beside its code (港铁 for 香港铁路, 66)
        ("港鐵(66)上半年總收入下跌12.1%\n\n港鐵(66)公布中期業績。\n", "香港铁路"),
        # an abbreviation of three characters as the subject of results, repeated (中电信 for 中国电信)
        ("中電信去年多賺逾8% 全年派息升\n\n中電信去年盈利330億元人民幣。\n", "中国电信"),
        # a price in a currency beside the ticker is no name
        (
            "研報\n\n买入 当前价格 15.48港元 (03692.HK) 合理价值 22.85港元\n翰森制药上半年收入增长。\n",
            "翰森制药",
        ),
    ],
)
def test_listed_company_by_short_name_abbreviation_or_code(tmp_path: Path, text: str, name: str) -> None:
    assert identify_company(doc_of(tmp_path, text)).name == name


@pytest.mark.parametrize(
    "text",
    [
        # a two-character short name that is an everyday word, or written once, names nothing
        "世界经济展望\n\n世界经济放缓。世界贸易下降。\n",
        "中鋼價格上漲\n\n鋼價走高。\n",
    ],
)
def test_no_company_from_an_everyday_word_or_a_single_mention(tmp_path: Path, text: str) -> None:
    assert identify_company(doc_of(tmp_path, text)).name is None


def test_taiwan_short_name_cut_inside_its_company_word(tmp_path: Path) -> None:
    # 中华电 (Taiwan's short name, a common word alone) counts where the text writes 中华电信
    text = "中華電信工會今日召開記者會\n\n中華電信表示營收成長。中華電信第3季獲利持平。\n"
    assert identify_company(doc_of(tmp_path, text)).name == "中华电"


def test_a_code_given_as_the_companys_own_outweighs_a_shareholder_beside_its_ticker(tmp_path: Path) -> None:
    text = (
        "業務狀況\n集團簡介: - 集團股份亦在上海證券交易所上市,編號為601601。 - 創始投資者包括交通銀行(03328)及"
        "150多家其他實體,但部分已不再為集團股東。\n業績表現: - 期內,保險服務收入上升3.9%至695.5億元。\n"
    )
    assert identify_company(doc_of(tmp_path, text)).name == "中国太保"


def test_results_subjects_read_the_whole_text_a_bounded_number_of_times(tmp_path: Path, monkeypatch) -> None:
    # linear time: a long text of many results sentences is not re-read once per sentence
    from generator.extract import company

    calls = []
    real = company._text_key
    monkeypatch.setattr(company, "_text_key", lambda doc: calls.append(1) or real(doc))
    text = "标题\n" + "某某甲乙第3季营收1亿元。中電信去年多賺逾8%。" * 500 + "\n"
    identify_company(doc_of(tmp_path, text))
    assert len(calls) <= 10


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "10/28/2030\n\nspeaker\nOkada\nCorporate Communications\n\nLadies and gentlemen, we'll now begin "
            "FY30Q2 earnings announcement of Orvane Group Corporation. Net income attributable to Orvane Group "
            "Corporation's shareholders was 213.1 billion yen.\n",
            "Orvane Group",
        ),
        (
            "Qorvix Bank Ltd ADR QBK\nQ1 2031 Earnings Call Transcript\n\nOperator: Good evening, and welcome to "
            "the Qorvix Bank Quarter 1, FY'2031 Result Conference Call presented by Mr. Paresh, Executive "
            "Director, Qorvix Bank.\n",
            "Qorvix Bank",
        ),
    ],
)
def test_an_english_issuer_named_by_its_call(tmp_path: Path, text: str, name: str) -> None:
    assert identify_company(doc_of(tmp_path, text)).name == name
