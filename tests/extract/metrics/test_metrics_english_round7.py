"""English figures, seventh round (issue 12): currencies beyond the dollar and the yuan, and the
classes of the en-b08 batch.

Companies below are made up (not in the companies lexicon); the texts are written for the tests.
"""

from __future__ import annotations

from tests.metrics_cases import H1_2024, Q3_2024, extract, only


def test_european_and_commonwealth_currencies_keep_their_code(tmp_path):
    text = (
        "Sales rose 1.2% to 92.6bn Swiss francs in the third quarter.\n"
        "Net income was SEK 7.8 billion.\n"
        "Operating profit was £2.1 billion.\n"
        "Free cash flow was A$350 million.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert (only(ms, "revenue").value, only(ms, "revenue").unit) == (92_600_000_000, "CHF")
    assert (only(ms, "net_income").value, only(ms, "net_income").unit) == (7_800_000_000, "SEK")
    assert (only(ms, "operating_income").value, only(ms, "operating_income").unit) == (2_100_000_000, "GBP")
    assert (only(ms, "free_cash_flow").value, only(ms, "free_cash_flow").unit) == (350_000_000, "AUD")


def test_a_sentence_opening_with_a_region_gives_the_regions_figures(tmp_path):
    text = (
        "Revenue rose 5% to $10.0 billion in the third quarter.\n"
        "In The Americas, sales rose 3.9% to $3.3 billion. Demand was strong. "
        "Operating profit rose 7.7% to $700 million.\n"
        "In Europe, revenue was down 10% year-over-year.\n"
        "In the third quarter, net income was $1.2 billion.\n"
        "In addition, gross margin was 40%.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "revenue").value == 10_000_000_000
    assert only(ms, "segment_revenue", "The Americas").value == 3_300_000_000
    assert only(ms, "segment_profit", "The Americas").value == 700_000_000
    assert only(ms, "segment_revenue", "Europe").yoy_pct == -10
    assert not [m for m in ms if m.metric == "operating_income"]
    assert only(ms, "net_income").value == 1_200_000_000
    assert only(ms, "gross_margin").value == 40


def test_a_bare_profit_or_loss_opening_its_clause_is_the_bottom_line(tmp_path):
    text = (
        "Profits in the third quarter stood at $101 million, compared with a loss of $410 million a year ago.\n"
        "Gross profit was $500 million. The impairment loss was $30 million.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "net_income").value == 101_000_000
    assert only(ms, "gross_profit").value == 500_000_000


def test_losses_widening_to_an_amount_are_a_negative_net_income(tmp_path):
    text = "Losses widened to $4.1 billion in the third quarter from $3.2 billion in the second quarter.\n"
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "net_income").value == -4_100_000_000


def test_its_profit_after_the_owner_is_the_net_income(tmp_path):
    text = "The results show its profit rose 15% year-on-year to 1.41 billion yuan in the third quarter.\n"
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert (only(ms, "net_income").value, only(ms, "net_income").yoy_pct) == (1_410_000_000, 15)


def test_a_capex_budget_is_a_plan_not_money_spent(tmp_path):
    text = (
        "Revenue was $5.0 billion in the third quarter.\n"
        "The board approved a capital spending budget of $21 billion for this year.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert not [m for m in ms if m.metric == "capex"]


def test_a_jump_in_a_modified_metric_is_its_change(tmp_path):
    text = "Zephyr reported a 29% jump in consolidated net profit at $9.6 billion for the third quarter.\n"
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert (only(ms, "net_income").value, only(ms, "net_income").yoy_pct) == (9_600_000_000, 29)


def test_an_adjusted_operating_result_is_the_adjusted_operating_income(tmp_path):
    text = (
        "The operating result, adjusted for comparative items, was SEK 7.8 billion for the third quarter, "
        "compared to SEK 4.7 billion for the corresponding quarter last year.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "non_gaap_operating_income").value == 7_800_000_000
    assert not [m for m in ms if m.metric == "operating_income"]


def test_an_amount_after_from_is_the_starting_figure_even_without_a_to(tmp_path):
    text = (
        "Losses widened slightly to $296 million in the third quarter from $286 million the previous quarter. "
        "On an annual basis, losses improved from $408 million.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "net_income").value == -296_000_000


def test_a_periods_possessive_before_a_bare_loss_is_a_head(tmp_path):
    text = "Last quarter's losses widened slightly to $296 million from $286 million the previous quarter.\n"
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "net_income").value == -296_000_000


def test_an_english_line_with_a_chinese_name_ending_its_sentence_is_not_joined_to_the_next(tmp_path):
    text = (
        "Zephyr Co (旺宏), the world’s biggest supplier of NOR flash memory chips, yesterday reported a fifth "
        "consecutive quarterly loss due to a weaker-than-expected pickup in customer demand.\n"
        "Last quarter’s losses widened slightly to NT$296 million from NT$286 million the previous quarter.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "net_income").value == -296_000_000


def test_a_named_units_margin_is_not_the_groups(tmp_path):
    text = (
        "Company gross margin percentage increased slightly year-over-year to 69%.\n"
        "Zephyr Cloud revenue was $40.9 billion and grew 21%. "
        "Zephyr Cloud gross margin percentage was 70%, down year-over-year.\n"
    )
    ms, notes = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "gross_margin").value == 69
    assert only(ms, "segment_revenue", "Zephyr Cloud").value == 40_900_000_000


def test_an_amount_right_before_a_bare_profit_is_its_figure(tmp_path):
    text = (
        "Revenue surged 53% year over year to $321 million in the third quarter, "
        "with the company reporting a $36 million profit.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "net_income").value == 36_000_000


def test_hy_in_a_wire_headline_is_the_half_year_not_a_business_line(tmp_path):
    text = (
        "Zephyr Land Co Ltd : HY net profit HK$8.61 billion versus HK$9.85 billion a year ago . "
        "HY revenue HK$9.73 billion versus HK$11.02 billion a year ago .\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", H1_2024)
    assert (only(ms, "revenue").value, only(ms, "revenue").scope) == (9_730_000_000, "half_year")
    assert only(ms, "net_income").value == 8_610_000_000


def test_a_reporting_verb_before_a_bare_profit_and_a_named_region_after_sales(tmp_path):
    text = (
        "Zephyr, the biggest beer maker by sales in Asia, said profit dropped 8.6 percent in the third "
        "quarter from a year ago.\n"
        "Net profit was USD254 million in the three months ended September 30. Revenue fell 7.8 percent to "
        "USD1.8 billion. Sales in China fell 10.3 percent. Sales in RMB terms fell 2 percent.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert [m.yoy_pct for m in ms if m.metric == "net_income" and m.yoy_pct is not None] == [-8.6]
    revenue = [(m.value, m.yoy_pct) for m in ms if m.metric == "revenue"]
    # "by sales" took no change; "Sales in RMB terms" is the group's
    assert sorted(revenue, key=str) == sorted([(1_800_000_000, -7.8), (None, -2)], key=str)
    assert only(ms, "segment_revenue", "China").yoy_pct == -10.3
    assert not [m for m in ms if m.metric == "segment_revenue" and m.segment != "China"]


def test_profit_before_fair_value_adjustments_is_the_adjusted_net_income(tmp_path):
    text = (
        "Zephyr said net profit before biological fair-value adjustments rose 81% on the year to "
        "US$694 million in the third quarter, even as revenue fell 6.3%.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert (only(ms, "non_gaap_net_income").value, only(ms, "non_gaap_net_income").yoy_pct) == (
        694_000_000,
        81,
    )
    assert not [m for m in ms if m.metric == "net_income"]


def test_reported_a_profit_is_the_bottom_line_but_a_metric_that_was_a_loss_keeps_its_own(tmp_path):
    text = (
        "In the third quarter, Zephyr reported a profit of USD 48.5 million.\n"
        "Adjusted EBITDA was a loss of USD 46.6 million.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "net_income").value == 48_500_000
    assert only(ms, "adjusted_ebitda").value == -46_600_000


def test_an_operating_income_far_above_the_operating_profit_is_the_top_line(tmp_path):
    text = (
        "Under the Chinese accounting standards, the Company's operating income reached RMB 1,300 billion "
        "in the third quarter. Operating profit was RMB 67.9 billion in the third quarter.\n"
    )
    ms, notes = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "revenue").value == 1_300_000_000_000
    assert only(ms, "operating_income").value == 67_900_000_000
    assert any("far above" in n for n in notes)


def test_an_operating_income_alone_stays_the_operating_income(tmp_path):
    text = "Operating income was $2.1 billion in the third quarter, on revenue of $9.0 billion.\n"
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "operating_income").value == 2_100_000_000
