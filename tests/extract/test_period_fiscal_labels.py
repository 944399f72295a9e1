"""Fiscal calendars and fiscal labels (issues 9 and 12), as classes: the fiscal calendar of a
company outside the companies lexicon given as data (``periods.yaml``'s ``fiscal_year_starts``),
quarters labelled in Latin (``Q3 2030``, ``1Q30``) read in the company's own calendar, and fiscal
labels written ``Fiscal 2030 Third Quarter``, ``Q2'31``, ``Q1 for financial year 2031``,
``Quarter ended September 30``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from generator import lexicon
from generator.extract.calendar import listed_start
from generator.model import Company
from tests.identity import doc_of, identify


@pytest.fixture
def calendars(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Two made-up companies' fiscal calendars, as a project's periods.yaml would add them."""
    folder = tmp_path / "lexicons"
    folder.mkdir()
    (folder / "periods.yaml").write_text(
        "fiscal_year_starts:\n  Qorvix Footwear: 6\n  QRVX: 6\n  Tessaly Motor: 4\n", encoding="utf-8"
    )
    monkeypatch.setenv("GENERATOR_LEXICONS", str(folder))
    lexicon.use_project(None)
    try:
        yield
    finally:
        monkeypatch.delenv("GENERATOR_LEXICONS")
        lexicon.use_project(None)


def _period(tmp_path: Path, text: str) -> tuple[int | None, int | None, date | None]:
    _, _, period, _ = identify(doc_of(tmp_path, text))
    return period.fiscal_year, period.fiscal_quarter, period.period_end


@pytest.mark.usefixtures("calendars")
def test_a_calendar_given_by_name_or_ticker() -> None:
    assert listed_start(Company(name="Qorvix Footwear")) == 6
    assert listed_start(Company(name="qorvix  footwear")) == 6  # case and spaces aside
    assert listed_start(Company(name="Someone Else", tickers=["QRVX"])) == 6
    assert listed_start(Company(name="Someone Else")) is None


def test_the_bundled_calendars_are_months() -> None:
    starts = lexicon.periods.wording().fiscal_year_starts
    assert starts and all(1 <= month <= 12 for month in starts.values())


@pytest.mark.usefixtures("calendars")
def test_a_latin_quarter_label_is_the_companys_fiscal_quarter(tmp_path: Path) -> None:
    # the fiscal year starts in June: its third quarter ends in February, not September
    text = (
        "Qorvix Footwear (QRVX) Q3 2030 Earnings Call Transcript\n\n"
        "Good afternoon, everyone. Welcome to Qorvix Footwear's Fiscal 2030 Third Quarter Conference Call.\n"
        "Revenues for the quarter were $10.1 billion, up 5%.\n"
    )
    assert _period(tmp_path, text) == (2030, 3, date(2030, 2, 28))


@pytest.mark.usefixtures("calendars")
def test_fiscal_year_then_ordinal_quarter(tmp_path: Path) -> None:
    text = (
        "date 2030-02-10 Tessaly Motor results\n\n"
        "Thank you for joining us for the Tessaly Motor Fiscal Year 2030 Third Quarter financial results.\n"
        "Net revenues were 4.9 trillion yen.\n"
    )
    assert _period(tmp_path, text) == (2030, 3, date(2029, 12, 31))


def test_a_quarter_label_with_an_apostrophe_year_and_a_capital_quarter_ended(tmp_path: Path) -> None:
    # "Quarter ended September 30" (capitalised, as a heading) and "Q2'31": the year starts in April
    text = (
        "date 2030-10-18 Qorvix Limited announced financial results.\n\n"
        "Results for the Quarter ended September 30, 2030:\n"
        "- Revenue for the quarter was Rs 225.2 billion, a decrease of 1.4% QoQ.\n"
        "- Attrition came in at 13.4% in Q2'31.\n"
    )
    assert _period(tmp_path, text) == (2031, 2, date(2030, 9, 30))


def test_a_quarter_of_a_financial_year(tmp_path: Path) -> None:
    text = (
        "date 2030-07-27 Qorvix Bank earnings call\n\n"
        "Welcome to the Qorvix Bank earnings call to discuss the results for Q1 for financial year 2031.\n"
        "The profit after tax grew by 14.6% year-on-year in this quarter.\n"
    )
    assert _period(tmp_path, text) == (2031, 1, date(2030, 6, 30))


def test_a_latin_label_in_a_chinese_text_is_a_calendar_quarter(tmp_path: Path) -> None:
    # Chinese and Taiwanese notes write 4Q30 for 2030年第四季度, whatever the company's calendar
    # (美光科技's fiscal year starts in September: the calendar quarter is its second)
    text = "重点摘要\n- 美光科技 4Q30 营收 214 亿元,季增 7.2%、年增 25.2%,高于市场预期。\n- 4Q30 毛利率 20.1%。\n"
    assert _period(tmp_path, text) == (2031, 2, date(2030, 12, 31))


def test_the_year_to_a_month(tmp_path: Path) -> None:
    # "the year to March": the whole year ending with the latest March before the dateline; "the
    # year to March 2031" is a forecast, after the dateline
    text = (
        "date 2030-04-26 Qorvix logs 36% annual jump in net profit\n\n"
        "The company said net profit for the year to March reached ¥139.6 billion, up 36%.\n"
        "Qorvix projected further improvements during the year to March 2031, forecasting net profit of ¥165 billion.\n"
    )
    assert _period(tmp_path, text) == (2030, None, date(2030, 3, 31))


def test_a_quarter_of_a_caizheng_niandu(tmp_path: Path) -> None:
    # 财政年度 names a fiscal year like 财年: 周大福珠宝's year starts in April
    text = (
        "周大福珠宝集团(01929)公布全年业绩,股东应占溢利为53.8亿元。\n\n"
        "周大福指,随着防疫措施于2030财政年度第四季度有所转变,同店销售增长已有改善。\n"
    )
    assert _period(tmp_path, text)[2] == date(2030, 3, 31)
