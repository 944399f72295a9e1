"""When a text was written and when its call was held: inline texts of many shapes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.errors import LexiconError
from generator.extract.summarize import summarize
from generator.lexicon import periods
from tests.identity import doc_of, identify


def test_fiscal_quarter_and_beijing_time(tmp_path: Path) -> None:
    doc = doc_of(
        tmp_path,
        "阿里巴巴业绩\n\n阿里巴巴第一财季营收增长14%。\n\n"
        "北京时间8月10日周四晚间,阿里巴巴公布了截至2023年6月30日的业绩。第一财季净利润增长。\n",
    )
    _, _, period, call = identify(doc)
    assert (period.fiscal_year, period.fiscal_quarter, period.period_end) == (2024, 1, date(2023, 6, 30))
    assert call == date(2023, 8, 10)


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


def test_bare_time_label_gives_the_call_date(tmp_path: Path) -> None:
    text = (
        "某某科技股份有限公司投资者关系活动记录表\n\n时间:2024年8月20日 15:00-16:00\n\n"
        "公司2024年半年度营业收入10亿元。\n\n日期:2024年8月23日\n"
    )
    doc = doc_of(tmp_path, text)
    _company, _ctx, _period, call = identify(doc)
    assert call == date(2024, 8, 20)


def test_date_wording_is_extended_by_a_project_lexicon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "lexicons"
    extra.mkdir()
    (extra / "periods.yaml").write_text("relative_days: {前日: -2}\n", encoding="utf-8")
    doc = doc_of(tmp_path, "腾讯业绩\n2024年08月16日 08:00\n\n腾讯前日晚间召开电话会,公布第二季度业绩。\n")
    assert identify(doc)[3] == date(2024, 8, 16)
    monkeypatch.setenv("GENERATOR_LEXICONS", str(extra))
    assert identify(doc)[3] == date(2024, 8, 14)


def test_a_bad_date_wording_names_its_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "lexicons"
    extra.mkdir()
    (extra / "periods.yaml").write_text("weekdays: {八: eight}\n", encoding="utf-8")
    monkeypatch.setenv("GENERATOR_LEXICONS", str(extra))
    with pytest.raises(LexiconError, match="weekdays"):
        periods.wording()


def test_an_english_date_ending_a_long_headline_dates_the_page() -> None:
    from generator.extract.dates import publication_date
    from generator.model import Document, Line

    lines = [
        "Acme Holding Limited (NYSE:ACME) Q2 2025 Earnings Call Transcript November 15, 2024",
        "Operator: Good day, and welcome to the September quarter 2024 results conference call.",
    ]
    doc = Document("t.txt", "0" * 64, "utf-8", [Line(i + 1, t, t, t) for i, t in enumerate(lines)])
    assert str(publication_date(doc)) == "2024-11-15"
    lines[0] = (
        "Acme (NYSE:ACME) Q2 2025 Earnings Call Transcript November 15, 2024, and what it means for you"
    )
    doc = Document("t.txt", "0" * 64, "utf-8", [Line(i + 1, t, t, t) for i, t in enumerate(lines)])
    assert publication_date(doc) is None  # a date inside a long sentence is not the page's
