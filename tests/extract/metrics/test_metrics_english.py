"""English wording of reported figures (issue 12): what is a metric, whose it is, which period.

Companies below are made up (not in the companies lexicon); the texts are written for the tests.
"""

from __future__ import annotations

from generator.model import Metric
from tests.metrics_cases import Q3_2024, extract, only


def _values(ms: list[Metric], metric: str) -> list[float | int | None]:
    return [m.value for m in ms if m.metric == metric]


def test_net_cash_is_no_cash_balance(tmp_path):
    text = (
        "Zephyr Corp maintains a strong net cash position of RMB 405.7 billion ($55.8 billion).\n"
        "Cash and cash equivalents were RMB 12.0 billion at the end of the quarter.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert _values(ms, "cash") == [12_000_000_000]


def test_a_goal_is_no_result(tmp_path):
    text = (
        "The CEO took over in 2017 with a priority to increase gross margin to 40 percent.\n"
        "Gross margin increased to 40.7 percent in the third quarter.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert _values(ms, "gross_margin") == [40.7]


def test_table_columns_named_quarter_then_year(tmp_path):
    text = (
        "| Metric | Q3 2024 | Q3 2023 | Q2 2024 | YoY Change | QoQ Change |\n"
        "|---|---|---|---|---|---|\n"
        "| Net Income | $181 million | $186 million | $157 million | -- | +15.3% |\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    m = only(ms, "net_income")
    assert (m.value, m.qoq_pct) == (181_000_000, 15.3)
