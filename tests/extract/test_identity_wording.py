"""Period and date wording met on real pages: 1Q25, 6月份季度, 年度第三季度, English forms, datelines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.identity import doc_of, identify


@pytest.mark.parametrize(
    ("line", "period"),
    [
        ("某某科技 3Q25 业绩会纪要", (2025, 3, date(2025, 9, 30))),
        ("Tencent reported 2Q2019 results", (2019, 2, date(2019, 6, 30))),
        ("Q3-2023 Analysis: revenue grew", (2023, 3, date(2023, 9, 30))),
        ("The company reported its second-quarter 2025 earnings", (2025, 2, date(2025, 6, 30))),
        ("results for the first quarter ended March 31st, 2023", (2023, 1, date(2023, 3, 31))),
        ("某某公司公布2025年6月份季度业绩", (2025, 2, date(2025, 6, 30))),
        ("某某公司盘后发布 2023 年度第三季度财报", (2023, 3, date(2023, 9, 30))),
        ("某某公司公布截至2023年12月31日止年度的经审核综合业绩", (2023, None, date(2023, 12, 31))),
        ("The company announced results for the full year 2024", (2024, None, date(2024, 12, 31))),
    ],
)
def test_period_wording(tmp_path: Path, line: str, period: tuple[int, int | None, date]) -> None:
    _, _, found, _ = identify(doc_of(tmp_path, "2026-01-05\n" + line + "\n"))
    assert (found.fiscal_year, found.fiscal_quarter, found.period_end) == period


def test_a_yearless_1q_is_the_latest_first_quarter(tmp_path: Path) -> None:
    _, _, found, _ = identify(doc_of(tmp_path, "2025-05-28\n某某 1Q 业绩会纪要\n1Q 收入增长。\n"))
    assert (found.fiscal_year, found.fiscal_quarter) == (2025, 1)


@pytest.mark.parametrize(
    ("head", "published"),
    [
        (
            "date 2026-02-25 某某控股公布去年全年列帐基准除税前利润按年减7%,至299亿美元,主要是须予注意项目所致。",
            date(2026, 2, 25),
        ),
        (
            "发布时间:2024-03-18 16:35 某某集团今日公布了截至2023年12月31日止年度的经审核综合业绩,收入增长。",
            date(2024, 3, 18),
        ),
        (
            "BEIJING, March 18, 2025 (GLOBE NEWSWIRE) -- KE Holdings Inc. today announced its unaudited "
            "financial results for the fourth quarter and fiscal year ended December 31, 2024.",
            date(2025, 3, 18),
        ),
    ],
)
def test_a_dateline_in_a_long_head_line(tmp_path: Path, head: str, published: date) -> None:
    _, ctx, _, _ = identify(doc_of(tmp_path, head + "\n"))
    assert ctx.published == published
