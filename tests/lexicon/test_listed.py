"""The registry of listed companies: real lookups by code and name, and names found in text."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import LexiconError
from generator.lexicon.listed import (
    COLUMNS,
    DATA,
    MARKETS,
    benchmark,
    canonical_codes,
    core_english,
    core_name,
    listed,
    load,
    name_key,
    strip_legal,
)


@pytest.mark.parametrize(
    "code, expected",
    [
        ("600519", "600519.SH"),
        ("600519.SH", "600519.SH"),
        ("600519.SS", "600519.SH"),
        ("SH600519", "600519.SH"),
        ("sh.600519", "600519.SH"),
        ("300750.SZ", "300750.SZ"),
        ("０００００２", "000002.SZ"),
        ("0700.HK", "0700.HK"),
        ("00700", "0700.HK"),
        ("700.hk", "0700.HK"),
        ("HKEX: 9868", "9868.HK"),
        ("09868.HK", "9868.HK"),
        ("2454.TW", "2454.TW"),
        ("2454-TW", "2454.TW"),
        ("2330-TW", "2330.TW"),
        ("TPE:2330", "2330.TW"),
        ("NASDAQ: XPEV", "XPEV"),
        ("NYSE:BABA", "BABA"),
        ("NYSE：BABA", "BABA"),
        ("XPEV", "XPEV"),
        ("LI", "LI"),
    ],
)
def test_a_code_in_any_common_form_finds_its_listing(code: str, expected: str) -> None:
    found = listed().code(code)
    assert found is not None, code
    assert found.code == expected


def test_known_companies_by_code() -> None:
    registry = listed()
    moutai = registry.code("600519.SH")
    assert moutai is not None and moutai.short == "贵州茅台" and moutai.exchange == "SSE"
    assert "Moutai" in moutai.english
    tencent = registry.code("0700.HK")
    assert tencent is not None
    assert (tencent.short, tencent.short_hant, tencent.full_hant) == (
        "腾讯控股",
        "騰訊控股",
        "騰訊控股有限公司",
    )
    tsmc = registry.code("2330-TW")
    assert tsmc is not None and tsmc.short_hant == "台積電" and tsmc.exchange == "TWSE"
    xpeng = registry.code("NASDAQ: XPEV")
    assert xpeng is not None and xpeng.english == "XPeng Inc." and xpeng.exchange == "NYSE"
    assert xpeng.short == "小鹏汽车" and "9868.HK" in xpeng.also


def test_a_bare_code_listed_in_two_markets_is_ambiguous() -> None:
    registry = listed()
    assert registry.code("2330") is None
    assert {listing.code for listing in registry.codes("2330")} == {"2330.HK", "2330.TW"}


def test_unknown_or_malformed_codes_find_nothing() -> None:
    registry = listed()
    for code in ["", "999999.SH", "NYSE:", "12345678", "腾讯", "HK:ABC"]:
        assert registry.code(code) is None, code
    assert canonical_codes("hello world") == []


def test_names_in_either_script_find_the_same_listing() -> None:
    registry = listed()
    assert [x.code for x in registry.named("贵州茅台")] == ["600519.SH"]
    assert [x.code for x in registry.named("騰訊控股")] == ["0700.HK"]
    assert [x.code for x in registry.named("腾讯控股")] == ["0700.HK"]
    assert [x.code for x in registry.named("騰訊控股有限公司")] == ["0700.HK"]
    assert [x.code for x in registry.named("台積電")] == ["2330.TW"]
    assert [x.code for x in registry.named("台积电")] == ["2330.TW"]
    assert [x.code for x in registry.named("萬科Ａ")] == ["000002.SZ"]


def test_english_names_are_matched_case_aside_and_without_legal_form() -> None:
    registry = listed()
    assert {x.code for x in registry.named("xpeng inc.")} == {"XPEV", "9868.HK"}
    assert {x.code for x in registry.named("Tencent Holdings")} == {"0700.HK"}
    assert {x.code for x in registry.named("Kweichow Moutai")} == {"600519.SH"}


def test_a_us_listing_takes_the_chinese_names_of_its_hong_kong_listing() -> None:
    registry = listed()
    assert {x.code for x in registry.named("百勝中國")} == {"9987.HK", "YUMC"}
    assert {x.code for x in registry.named("阿里巴巴")} == {"9988.HK", "BABA"}


def test_common_words_and_short_names_name_nothing_in_text() -> None:
    registry = listed()
    text = "中国科技企业平安度过了周期，机器人和新能源是新时代的新零售；台湾大学的研究。keep going."
    assert registry.find_names(text) == []
    assert registry.named("中国") == ()
    assert registry.named("平安") == ()
    assert registry.named("科技") == ()


def test_find_names_reports_each_name_with_its_place() -> None:
    text = "2024年泡泡瑪特实现营收130.4亿元；騰訊控股、中国平安保险与小鹏汽车(NYSE: XPEV)发布财报，XPeng Inc.表示"
    found = listed().find_names(text)
    assert [(m.text, text[m.start : m.end]) for m in found] == [(m.text, m.text) for m in found]
    by_text = {m.text: {x.code for x in m.listings} for m in found}
    assert by_text["泡泡瑪特"] == {"9992.HK"}
    assert by_text["騰訊控股"] == {"0700.HK"}
    assert by_text["中国平安保险"] == {"2318.HK"}  # the longest name at its place
    assert by_text["小鹏汽车"] == {"9868.HK", "XPEV"}
    assert by_text["XPeng Inc."] == {"9868.HK", "XPEV"}
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_an_english_name_must_stand_alone_and_be_capitalised() -> None:
    registry = listed()
    assert [m.text for m in registry.find_names("Baidu reported; baidu did not; XBaiduX neither")] == [
        "Baidu"
    ]


def test_find_names_handles_any_text() -> None:
    registry = listed()
    for text in ["", "a", "贵", "贵州", "贵州茅", "贵州茅台", "\n\t", "A" * 1000]:
        registry.find_names(text)
    assert [m.text for m in registry.find_names("贵州茅台")] == ["贵州茅台"]


def test_the_data_files_are_well_formed() -> None:
    """Every file has a header naming its sources and the columns; names the loader keys by
    their lower case are in the form the matcher reads them."""
    for market in MARKETS:
        path = DATA / f"{market}.tsv"
        lines = path.read_text(encoding="utf-8").splitlines()
        comments = [line for line in lines if line.startswith("#")]
        sources = [line for line in comments if line.startswith("# Source:")]
        assert sources and all("MIT" in line or "Apache" in line for line in sources), path
        assert any(line.startswith("# Derived:") for line in comments)
        assert lines[len(comments)].split("\t") == list(COLUMNS)
    registry = listed()
    codes = [x.code for x in registry]
    assert len(codes) == len(set(codes))
    for listing in registry:
        plain = [n for n in (listing.short, listing.full, listing.english, *listing.aliases) if n]
        keys = {n.lower() for n in plain}
        assert all(name_key(n) in keys for n in plain), listing


def test_every_market_holds_thousands_or_hundreds() -> None:
    counts = {m: sum(1 for x in listed() if x.market == m) for m in MARKETS}
    assert counts["cn"] > 5000 and counts["hk"] > 2000 and counts["tw"] > 1500 and counts["us"] > 200


def test_a_project_may_add_listings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``listed/`` folder beside the project's lexicons adds listings and common words."""
    extra = tmp_path / "listed"
    extra.mkdir()
    (extra / "us.tsv").write_text(
        "# a test listing\n"
        + "\t".join(COLUMNS)
        + "\nHSAI\tNASDAQ\t禾赛科技\t禾賽科技\t\t\tHesai Group\t禾赛\t\n",
        encoding="utf-8",
    )
    (extra / "common_words.txt").write_text("禾赛科技\n", encoding="utf-8")
    assert listed().code("NASDAQ: HSAI") is None
    monkeypatch.setenv("GENERATOR_LEXICONS", str(tmp_path))
    registry = listed()
    assert registry.code("NASDAQ: HSAI") is not None
    assert {x.code for x in registry.named("禾賽")} == {"HSAI", "2525.HK"}
    assert registry.find_names("禾赛科技发布财报") == []


def test_a_malformed_file_is_one_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "cn.tsv").write_text("\t".join(COLUMNS) + "\n600519.SH\tSSE\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="row 2"):
        load(tmp_path)
    (tmp_path / "cn.tsv").write_text("code\tname\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="header"):
        load(tmp_path)


def test_derived_names() -> None:
    assert strip_legal("騰訊控股有限公司") == "騰訊控股"
    assert core_name("阿里巴巴集团控股") == "阿里巴巴"
    assert core_name("中通快递(开曼)") == "中通快递"
    assert core_english("Yum China Holdings, Inc.") == "Yum China Holdings"
    assert core_english("Kweichow Moutai Co., Ltd.") == "Kweichow Moutai"


def test_load_time_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    """The load time is reported, not asserted (machines differ); aim: well under 0.3 s."""
    seconds = benchmark()
    with capsys.disabled():
        print(f"\nlisted companies: {len(listed())} listings loaded in {seconds:.3f} s")


def test_abbreviated_names_one_issuer_or_none() -> None:
    from generator.lexicon.listed import listed

    registry = listed()
    assert {x.short for x in registry.abbreviated("中電信")} == {"中国电信"}
    assert registry.abbreviated("商汤") == ()  # a name of its own: looked up by name, not abbreviated
    assert registry.abbreviated("中海油") == ()  # several issuers fit
    assert registry.abbreviated("中国电信服务有限") == ()  # too long to be an abbreviation


def test_stapled_listing_named_by_each_issuer() -> None:
    from generator.lexicon.listed import _stapled_parts, listed

    assert _stapled_parts("香港电讯管理有限公司与香港电讯") == ["香港电讯管理", "香港电讯"]
    assert _stapled_parts("中船海洋与防务装备") == []  # 与 inside one issuer's name
    assert {x.code for x in listed().named("香港電訊")} == {"6823.HK"}


def test_a_lists_mark_after_a_short_name_is_no_part_of_it(tmp_path: Path) -> None:
    """A Taiwan list's ``*`` after a short name (国巨*, 太景*-KY) is dropped; a risk-warning
    prefix (*ST, S*ST) is kept."""
    (tmp_path / "tw.tsv").write_text(
        "\t".join(COLUMNS)
        + "\n9991.TW\tTWSE\t甲乙*\t甲乙*\t\t\t\t\t\n9992.TWO\tTPEx\t丙丁*-KY\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    (tmp_path / "cn.tsv").write_text(
        "\t".join(COLUMNS) + "\n900001.SH\tSSE\t*ST戊己\t\t\t\t\t\t\n900002.SH\tSSE\tS*ST庚辛\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    shorts = {x.code: (x.short, x.short_hant) for x in load(tmp_path)}
    assert shorts == {
        "9991.TW": ("甲乙", "甲乙"),
        "9992.TWO": ("丙丁-KY", ""),
        "900001.SH": ("*ST戊己", ""),
        "900002.SH": ("S*ST庚辛", ""),
    }
