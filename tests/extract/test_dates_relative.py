"""Call dates (issues 9 and 12), as classes: ``yesterday`` counted back from the dateline (before
the verb, or after the call), an English day written with its ordinal suffix (``May 16th``), a
date written right after the call's name, a day without its month beside a Taiwanese 法说会."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.identity import doc_of, identify


def _call(tmp_path: Path, text: str) -> date | None:
    return identify(doc_of(tmp_path, text))[3]


def test_yesterday_before_the_verb(tmp_path: Path) -> None:
    text = (
        "date 2030-10-31 Qorvix reports net profit fall\n\n"
        "Qorvix Corp yesterday reported that net profit last quarter fell 12 percent to NT$3.1 billion.\n"
        "Revenue in the third quarter of 2030 was NT$40 billion.\n"
    )
    assert _call(tmp_path, text) == date(2030, 10, 30)


def test_yesterday_after_the_call(tmp_path: Path) -> None:
    text = (
        "Qorvix Brewing first half\n\ndate 02 August, 2030\n\n"
        "Revenue for the three months ended June 30 fell 7.8 percent to USD1.8 billion.\n"
        "The group remains bullish, co-chair Jan Tal said at an earnings conference call yesterday.\n"
    )
    assert _call(tmp_path, text) == date(2030, 8, 1)


def test_a_day_with_its_ordinal_suffix(tmp_path: Path) -> None:
    text = (
        "Qorvix Cloud turns a profit\n\n"
        "On May 16th, Qorvix (NASDAQ:QRVX) released its unaudited financial report for the first quarter "
        "ended March 31st, 2030. In the first quarter, revenue was 31.1 billion yuan.\n"
    )
    assert _call(tmp_path, text) == date(2030, 5, 16)


def test_a_date_right_after_the_calls_name(tmp_path: Path) -> None:
    text = (
        "[机器翻译] 电话会议 · 2030年08月20日 · 49 次阅读\n\n"
        "某某公司2030年第二季度业绩电话会议2030年8月19日美国东部时间上午8点10分\n"
        "总收入为5.4亿美元,同比增长3%。\n"
    )
    assert _call(tmp_path, text) == date(2030, 8, 19)


def test_a_day_without_its_month_beside_a_fashuohui(tmp_path: Path) -> None:
    text = (
        "date 2030-12-04 某某金控(2892)3日举行2030年第三季法说会,公布前三季税后净利216.99亿元。\n\n"
        "某某金控今(4)日股价开高走稳。\n"
    )
    assert _call(tmp_path, text) == date(2030, 12, 3)
