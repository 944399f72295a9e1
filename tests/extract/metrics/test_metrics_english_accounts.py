"""English wording of the accounts met in the real-text corpus, each class with sentences written for
the test: rupees written "Rs", the bottom line named for its place in the accounts (profit after tax),
gross revenue as the top line, profit before tax and Hong Kong underlying profits as their own ids."""

from datetime import date

import pytest

from generator.extract.numbers import find_amounts
from generator.model import Period
from tests.metrics_cases import H1_2024, Q2_2024, Q3_2024, extract, only

FY_2024 = Period(2024, None, date(2024, 12, 31))


def test_rs_without_a_dot_is_rupees():
    (amount,) = find_amounts("net income was Rs 26.5 billion")
    assert (amount.value, amount.currency) == (26_500_000_000, "INR")


def test_a_currency_spelled_in_letters_starts_no_word_tail():
    # "years 12 billion": the "rs" closing a word is no rupee sign
    assert [a.currency for a in find_amounts("over the years 12 billion shares")] == [None]


def test_rupee_figures_keep_their_currency(tmp_path):
    text = (
        "Earnings per share for the quarter was at Rs 7.12 ($0.09), an increase of 3.5% YoY.\n"
        "Net income for the quarter was at Rs 31.4 billion ($377 million), a decrease of 1.5% YoY."
    )
    ms, _ = extract(tmp_path, text, "Acme Infotech", Q2_2024)
    eps, ni = only(ms, "eps"), only(ms, "net_income")
    assert (eps.value, eps.unit, eps.yoy_pct) == (7.12, "INR", 3.5)
    assert (ni.value, ni.unit, ni.yoy_pct) == (31_400_000_000, "INR", -1.5)


def test_gross_revenue_is_the_top_line_not_a_segment(tmp_path):
    text = "Gross revenue reached Rs 310.4 billion, a decrease of 0.7% YoY."
    ms, _ = extract(tmp_path, text, "Acme Infotech", Q2_2024)
    m = only(ms, "revenue")
    assert (m.value, m.unit, m.yoy_pct) == (310_400_000_000, "INR", -0.7)
    assert not [x for x in ms if x.metric == "segment_revenue"]


def test_profit_after_tax_is_the_net_income_and_profit_before_tax_is_not(tmp_path):
    text = (
        "The profit before tax grew by 9.2% year-on-year to INR 95.10 billion in this quarter. "
        "The profit after tax grew by 10.4% year-on-year to INR 71.25 billion in this quarter."
    )
    ms, _ = extract(tmp_path, text, "Acme Bank", Q2_2024)
    ni, pbt = only(ms, "net_income"), only(ms, "profit_before_tax")
    assert (ni.value, ni.yoy_pct) == (71_250_000_000, 10.4)
    assert (pbt.value, pbt.yoy_pct) == (95_100_000_000, 9.2)


def test_profit_for_the_period_is_the_net_income(tmp_path):
    text = "Profit for the period was HK$1.32 billion, up 8% year-on-year."
    ms, _ = extract(tmp_path, text, "Acme Holdings", H1_2024)
    m = only(ms, "net_income")
    assert (m.value, m.unit, m.yoy_pct) == (1_320_000_000, "HKD", 8)


def test_hong_kong_underlying_profits_have_their_own_ids(tmp_path):
    text = (
        "Underlying net profit fell 6% to HKD3.104 billion.\n"
        "All that translated into a 3% drop in recurring underlying profit to HKD2.7 billion."
    )
    ms, _ = extract(tmp_path, text, "Acme Land", H1_2024)
    u, r = only(ms, "underlying_net_income"), only(ms, "recurring_underlying_profit")
    assert (u.value, u.yoy_pct) == (3_104_000_000, -6)
    assert (r.value, r.yoy_pct) == (2_700_000_000, -3)
    assert not [x for x in ms if x.metric == "net_income"]


@pytest.mark.parametrize(
    ("sentence", "pp", "basis"),
    [
        ("Gross margin was 31%, down from 38% a year ago.", -7, "yoy"),
        ("Gross margin was 31%, up from 29.5% last quarter.", 1.5, "qoq"),
        ("Gross margin rose to 22 percent from 18.6 percent in the third quarter last year.", 3.4, "yoy"),
        ("Operating margin was 12.5 percent, down from 14 percent.", -1.5, None),
    ],
)
def test_a_ratios_starting_level_gives_its_change_in_points(tmp_path, sentence, pp, basis):
    ms, _ = extract(tmp_path, sentence, "Acme Devices", Q3_2024)
    (m,) = [x for x in ms if x.metric in ("gross_margin", "operating_margin")]
    assert m.yoy_pct is None and m.qoq_pct is None  # the starting level is no change in percent
    assert (m.change_pp, m.change_pp_basis) == (pytest.approx(pp), basis)


def test_a_change_written_in_points_wins_over_the_levels(tmp_path):
    text = "毛利率为20.3%，较上年同期的18.4%提升1.8个百分点。"  # the text's own (rounded) points are kept
    ms, _ = extract(tmp_path, text, "星河科技", Q3_2024)
    m = only(ms, "gross_margin")
    assert (m.value, m.change_pp, m.change_pp_basis) == (20.3, 1.8, "yoy")


def test_a_yen_sign_is_told_by_its_dollar_conversion(tmp_path):
    text = "Acme Games said net profit for the year reached ¥212.4 billion ($1.93 billion), up 12 percent."
    ms, _ = extract(tmp_path, text, "Acme Games", FY_2024)
    assert only(ms, "net_income").unit == "JPY"


def test_a_yuan_sign_converted_at_the_yuan_rate_stays_yuan(tmp_path):
    text = "Acme Motors said net profit for the year reached ¥13.2 billion ($1.86 billion), up 12 percent."
    ms, _ = extract(tmp_path, text, "Acme Motors", FY_2024)
    assert only(ms, "net_income").unit == "CNY"


def test_a_reported_forecast_is_guidance_not_a_result(tmp_path):
    text = (
        "Net profit for the year reached $2.1 billion.\n"
        "The company projected further growth, forecasting annual net profit would improve 9 percent to "
        "$2.3 billion."
    )
    ms, _ = extract(tmp_path, text, "Acme Games", FY_2024)
    assert [m.value for m in ms if m.metric == "net_income"] == [2_100_000_000]


def test_a_figure_whose_period_follows_after_a_comma_is_that_periods(tmp_path):
    text = (
        "EPS was NT$2.05 in the third quarter. Net profit fell 9 percent from NT$5.1 billion, or EPS of "
        "NT$2.31, in the second quarter."
    )
    ms, _ = extract(tmp_path, text, "Acme Optics", Q3_2024)
    assert [m.value for m in ms if m.metric == "eps"] == [2.05]


def test_the_amount_after_a_comma_and_to_is_the_metrics(tmp_path):
    text = "Revenue expanded 12 percent sequentially, or 4 percent annually, to NT$8.25 billion last quarter."
    ms, _ = extract(tmp_path, text, "Acme Optics", Q3_2024)
    m = only(ms, "revenue")
    assert (m.value, m.unit, m.yoy_pct, m.qoq_pct) == (8_250_000_000, "TWD", 4, 12)
