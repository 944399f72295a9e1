"""Call dates met on real English pages (issue 9), as classes: a release's own dateline against
the repost's page date, labelled dates, dates written day first, period ends that date nothing,
and a month and day beside the results."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.identity import doc_of, identify


def _call(tmp_path: Path, text: str) -> date | None:
    return identify(doc_of(tmp_path, text))[3]


def test_a_reposted_release_keeps_its_own_dateline(tmp_path: Path) -> None:
    text = (
        "2030-08-27 Qorvix Mobility Holding LimitedHaiPress\n"
        'HANGZHOU,China,Aug. 21,2030 -- Qorvix Mobility Holding Limited ("Qorvix" or the "Company") '
        "(NYSE: QVX) today announced its unaudited financial results for the second quarter ended June 30,2030.\n"
        "Total revenues were RMB20,040.1 million for the second quarter of 2030.\n"
    )
    assert _call(tmp_path, text) == date(2030, 8, 21)


def test_a_dateline_split_over_two_lines(tmp_path: Path) -> None:
    text = (
        "BEIJING, Aug. 30,\n2030 /PRNewswire/ -- Tandema Learning Inc. (NYSE: TDMA)\n"
        "today announced its unaudited financial results for the second quarter ended June\n30, 2030.\n"
    )
    assert _call(tmp_path, text) == date(2030, 8, 30)


def test_a_period_end_on_a_short_line_dates_nothing(tmp_path: Path) -> None:
    text = (
        "Summary: Hostelo Group Limited Reports Third Quarter 2030 Financial Results\n"
        "for the third quarter concluded on September 30, 2030.\nRevenue rose 10%.\n"
    )
    assert _call(tmp_path, text) is None


def test_a_labelled_release_date_far_down(tmp_path: Path) -> None:
    lines = [f"- Item {i}: revenue rose {i}%." for i in range(12)]
    text = (
        "In This Article:\n"
        + "\n".join(lines)
        + "\nRelease Date: November 06, 2030\nThe quarter was strong.\n"
    )
    assert _call(tmp_path, text) == date(2030, 11, 6)


def test_a_date_written_day_first(tmp_path: Path) -> None:
    text = "Orvane Releases 2030 Interim Results\n\n8 August 2030\n\nOrvane announced its first half of 2030 results.\n"
    assert _call(tmp_path, text) == date(2030, 8, 8)


def test_a_month_and_day_beside_the_results_beat_a_later_page_date(tmp_path: Path) -> None:
    text = (
        "2033-02-21 Update From: Tech News\n\n"
        "On the evening of August 30, Beijing time, Viquo (Nasdaq:VQ) today released its financial results "
        "for the second quarter of 2030, which ended on June 30.\n"
    )
    assert _call(tmp_path, text) == date(2030, 8, 30)
