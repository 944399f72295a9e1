"""English wording of reported figures (issue 12): what is a metric, whose it is, which period.

Companies below are made up (not in the companies lexicon); the texts are written for the tests.
"""

from __future__ import annotations

from datetime import date

from generator.model import Metric, Period
from tests.metrics_cases import Q2_2024, Q3_2024, extract, only


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


def test_a_line_named_before_the_word_is_a_segment(tmp_path):
    text = (
        "Total net revenues were RMB 7.3 billion in the third quarter, up 20% year over year.\n"
        "Games revenue-- Increased 60% year over year to RMB 1.6 billion.\n"
        "Value-added services (VAS) revenue-- Rose 11% year over year to RMB 2.8 billion.\n"
        "Online music subscriptions revenue increased by 64.7% year-on-year to RMB1.31bn.\n"
        "Mr. Smith says Greater China revenue had a record quarter with $7.9 billion.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "revenue").value == 7_300_000_000
    assert only(ms, "segment_revenue", "Games").yoy_pct == 60
    assert only(ms, "segment_revenue", "Value-added services (VAS)").value == 2_800_000_000
    assert only(ms, "segment_revenue", "Online music subscriptions").value == 1_310_000_000
    assert only(ms, "segment_revenue", "Greater China").value == 7_900_000_000


def test_revenue_from_a_line(tmp_path):
    text = "The company reported revenue from auto sales of RMB 11.9 billion in the third quarter, up 38.2 percent.\n"
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    m = only(ms, "segment_revenue", "auto sales")
    assert (m.value, m.yoy_pct) == (11_900_000_000, 38.2)


def test_modifiers_and_owners_keep_the_group_figure(tmp_path):
    text = (
        "The company's total revenue rose by 4% to RMB 243.2 billion.\n"
        "Zephyr's third-quarter gross margin was 13.3 percent.\n"
        "Third Quarter 2024 Highlights Net income was RMB 1.2 billion.\n"
        "The modest operating income increase of 2.4% reached RMB 0.5 billion.\n"
        "Revenue from operations was RMB 250 billion.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert [m for m in ms if m.segment] == []
    assert only(ms, "gross_margin").value == 13.3
    assert only(ms, "net_income").value == 1_200_000_000


def test_the_period_compared_with_says_yoy_or_qoq(tmp_path):
    text = (
        "Total revenues were RMB18,673.5 million in the third quarter of 2024, representing a decrease of "
        "2.1% from the third quarter of 2023 and an increase of 7.0% from the second quarter of 2024.\n"
        "Net income was RMB 1.2 billion in the third quarter, up 38.2 percent year-on-year and "
        "24.7 percent from the second quarter.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    revenue = only(ms, "revenue")
    assert (revenue.yoy_pct, revenue.qoq_pct) == (-2.1, 7.0)
    income = only(ms, "net_income")
    assert (income.yoy_pct, income.qoq_pct) == (38.2, 24.7)


def test_english_counters_count_deliveries(tmp_path):
    text = (
        "The company delivered 31,607 vehicles in the third quarter, a record high.\n"
        "It plans to sell 2,000 units of its new model next year.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    m = only(ms, "deliveries")
    assert (m.value, m.unit) == (31_607, "vehicles")


def test_english_counter_is_a_whole_word():
    from generator.extract.numbers import find_amounts

    assert [(a.value, a.counter) for a in find_amounts("31,607 vehicles and 12 unitsX")] == [
        (31_607, "vehicles")
    ]


def test_per_cent_and_a_line_named_by_its_sales(tmp_path):
    text = (
        "Adjusted net profit rose 75.4 per cent year-on-year to 10.8 billion yuan.\n"
        "Vehicle sales were RMB16,697.6 million in the third quarter of 2024, representing a decrease of "
        "4.1% from the third quarter of 2023.\n"
        "Same-store sales rose 5%.\n"
        "Sales and marketing expenses were RMB 2 billion.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    adjusted = only(ms, "non_gaap_net_income")
    assert (adjusted.value, adjusted.yoy_pct) == (10_800_000_000, 75.4)
    line = only(ms, "segment_revenue", "Vehicle sales")
    assert (line.value, line.yoy_pct) == (16_697_600_000, -4.1)
    assert _values(ms, "revenue") == []


def test_a_line_named_with_and(tmp_path):
    text = (
        "Games and related value-added services net revenues were RMB20.1 billion, an increase of 6.7% "
        "compared with the same quarter of 2023.\n"
        "- Taobao and Tmall Group revenue decreased by 1%.\n"
        "Margins grew with games and advertising revenue of RMB 5 billion.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    games = only(ms, "segment_revenue", "Games and related value-added services")
    assert (games.value, games.yoy_pct) == (20_100_000_000, 6.7)
    assert only(ms, "segment_revenue", "Taobao and Tmall Group").yoy_pct == -1
    assert _values(ms, "revenue") == [5_000_000_000]


def test_an_amount_before_its_word(tmp_path):
    text = (
        "Our parcel volume surged to 1,102 million, generating RMB2,353.1 million in revenues and "
        "RMB547.2 million in net income.\n"
        "Its loss-making EV business generated 20.6 billion yuan in revenue during the third quarter.\n"
        "FRUZAQLA, which was launched in the US in November 2023, generated $130.5 million in sales.\n"
        "By quarter end, total funded accounts stood at 2.7 million, a 42% increase from a year ago.\n"
        "OP margin expanded 100 basis points to 10.9%.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert _values(ms, "revenue") == [2_353_100_000]
    assert _values(ms, "net_income") == [547_200_000]
    assert only(ms, "segment_revenue", "EV business").value == 20_600_000_000
    users = only(ms, "paying_users")
    assert (users.value, users.yoy_pct) == (2_700_000, 42)
    assert only(ms, "operating_margin").value == 10.9


def test_a_change_written_before_its_word(tmp_path):
    text = (
        "- The company achieved a 45% year-over-year growth in net product revenues, surpassing $100 million.\n"
        "- It reported a 12% decline in operating income.\n"
        "- The 30% of its revenue from games is stable.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    revenue = only(ms, "revenue")
    assert (revenue.value, revenue.yoy_pct) == (100_000_000, 45)
    assert only(ms, "operating_income").yoy_pct == -12


def test_a_heading_before_the_line_and_both_changes(tmp_path):
    text = (
        "Retail Business Revenue-- Retail business revenue was RMB1,020 million, up 79.8% year over year "
        "compared to Q3 2023 and 39.1% quarter over quarter compared to Q2 2024.\n"
        "Gross margin was 20%, compared to 18% in the third quarter of 2023.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    m = only(ms, "segment_revenue", "Retail business")
    assert (m.value, m.yoy_pct, m.qoq_pct) == (1_020_000_000, 79.8, 39.1)
    assert _values(ms, "gross_margin") == [20]


def test_a_noun_change_then_the_next_and_a_bullet_run_into_the_line(tmp_path):
    text = (
        "Revenue for the quarter was RMB1.89 billion, marking a 6.5% sequential growth and a 3.1% increase "
        "year-over-year.\n"
        "Key Metrics - Blue-collar users rose to 32% of total revenues for the quarter [7] - Total paid "
        "customers reached 4.5 million, up 18% year-on-year.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    m = only(ms, "revenue")
    assert (m.value, m.yoy_pct, m.qoq_pct) == (1_890_000_000, 3.1, 6.5)


def test_a_table_by_business_unit(tmp_path):
    text = (
        "Revenue by Segment:\n"
        "| Segment | Q3 2024 Revenue | YoY Change | QoQ Change |\n"
        "|---|---|---|---|\n"
        "| Legacy-Huazhu | $742 million | +1.0% | +6.9% |\n"
        "| Total | $919 million | +2% | +3% |\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    unit = only(ms, "segment_revenue", "Legacy-Huazhu")
    assert (unit.value, unit.yoy_pct, unit.qoq_pct) == (742_000_000, 1.0, 6.9)
    assert only(ms, "revenue").value == 919_000_000


def test_a_unit_named_as_the_owner(tmp_path):
    text = (
        "- JD Retail's operating profit increased by 24% year-on-year to RMB10 billion, "
        "with an operating margin of 3.9%.\n"
        "- JD's net income was RMB 5 billion.\n"
    )
    ms, _ = extract(tmp_path, text, "JD", Q3_2024)
    unit = only(ms, "segment_profit", "JD Retail")
    assert (unit.value, unit.yoy_pct) == (10_000_000_000, 24)
    assert only(ms, "operating_margin", "JD Retail").value == 3.9
    assert only(ms, "net_income").value == 5_000_000_000
    assert [m for m in ms if m.metric == "operating_margin" and m.segment is None] == []


def test_a_line_named_after_of_and_wording_of_other_markets(tmp_path):
    text = (
        "GTV was RMB1,143.8 billion, an increase of 55.5% year-over-year.\n"
        "GTV of existing home transactions was RMB744.8 billion, an increase of 59.1% year-over-year.\n"
        "Net profits last quarter jumped to NT$3.42 billion.\n"
        "Operating income of US$2.1 billion was reported.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "gmv").value == 1_143_800_000_000
    assert only(ms, "gmv", "existing home transactions").yoy_pct == 59.1
    assert only(ms, "net_income").unit == "TWD"
    assert only(ms, "operating_income").value == 2_100_000_000


def test_losses_and_a_change_by(tmp_path):
    text = (
        "Operating losses, according to GAAP, were USD 107 million for Q3 2024.\n"
        "A rise in shipments helped to boost Zephyr's third-quarter revenue by 30.5 per cent.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "operating_income").value == -107_000_000
    assert only(ms, "revenue").yoy_pct == 30.5


def test_changes_given_respectively(tmp_path):
    text = (
        "Parcel volume surged to 1,102 million, generating RMB2,353.1 million in revenues and RMB547.2 million "
        "in net income, an increase of 66.6% and 156.8% respectively over the same period last year.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    revenue, income = only(ms, "revenue"), only(ms, "net_income")
    assert (revenue.value, revenue.yoy_pct) == (2_353_100_000, 66.6)
    assert (income.value, income.yoy_pct) == (547_200_000, 156.8)


def test_a_bare_count_after_a_linking_verb(tmp_path):
    text = (
        "Vehicle deliveries were 61,855 in the third quarter of 2024, representing an increase of 11.6% "
        "year-over-year.\n"
        "2024 Q3 2024 Q2 Deliveries 58,000 57,373 30,053\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    m = only(ms, "deliveries")
    assert (m.value, m.unit, m.yoy_pct) == (61_855, "vehicles", 11.6)


def test_lines_given_in_brackets_after_the_group_figure(tmp_path):
    text = (
        "In Q3, revenue rose to RMB 10 billion, with gains in games (up 5% to RMB 4 billion) offset by "
        "advertising (down 3% to RMB 2 billion).\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    group = only(ms, "revenue")
    assert (group.value, group.yoy_pct) == (10_000_000_000, None)
    games = only(ms, "segment_revenue", "games")
    assert (games.value, games.yoy_pct) == (4_000_000_000, 5)
    ads = only(ms, "segment_revenue", "advertising")
    assert (ads.value, ads.yoy_pct) == (2_000_000_000, -3)


def test_the_period_compared_with_when_the_calls_period_is_unknown(tmp_path):
    from generator.model import Period

    text = (
        "The company reported revenue from auto sales of RMB 11.9 billion in the third quarter, "
        "up 38.2 percent year-on-year and 24.7 percent from the second quarter.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Period(None, None, None))
    m = only(ms, "segment_revenue", "auto sales")
    assert (m.yoy_pct, m.qoq_pct) == (38.2, 24.7)


def test_a_sign_after_the_currency(tmp_path):
    text = "Zephyr misses on earnings expectations. Reported EPS is $-0.34 EPS, expectations were $-0.22.\n"
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert _values(ms, "eps") == [-0.34]


def test_names_of_lines_are_read_whole_and_verbs_are_no_lines(tmp_path):
    text = (
        "GTV of emerging and other services was RMB116.0 billion, an increase of 17.6% year-over-year.\n"
        "Zephyr Holdings demonstrated robust revenue growth of 35% year-over-year.\n"
        "- Zephyr Cloud revenue reached RMB 24.3 billion.\n"
        "Average revenue per user increased by 8.1% year-on-year.\n"
        "Same-store system sales grew 4%.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "gmv", "emerging and other services").value == 116_000_000_000
    assert only(ms, "revenue").yoy_pct == 35
    assert only(ms, "segment_revenue", "Zephyr Cloud").value == 24_300_000_000
    assert len([m for m in ms if m.metric in ("revenue", "segment_revenue")]) == 2


def test_total_income_is_a_lenders_top_line(tmp_path):
    text = (
        "Total income increased by 3.1% to RMB15,288 million in the third quarter of 2024.\n"
        "Total income tax expense was RMB 20 million.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    m = only(ms, "revenue")
    assert (m.value, m.yoy_pct) == (15_288_000_000, 3.1)


def test_a_footnote_mark_after_a_bracket_keeps_the_sentence(tmp_path):
    text = (
        "Adjusted net income (non-GAAP) (2) attributable to Zephyr shareholders was $134.5 million "
        "in Q3 2024, compared to $310.2 million in Q2 2024\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert _values(ms, "non_gaap_net_income") == [134_500_000]


def test_a_change_against_last_years_quarter_scopes_the_quarter(tmp_path):
    text = (
        "Retail business revenue was RMB1,020 million, up 79.8% year over year compared to Q3 2023.\n"
        "Hotel revenue was RMB500 million, up 9.8% year over year compared to Q1 2023.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "segment_revenue", "Retail business").scope == "quarter"
    assert only(ms, "segment_revenue", "Hotel").scope is None  # compared with another quarter: not inferred


def test_an_effect_on_a_metric_is_not_its_level(tmp_path):
    text = (
        "Adjusted EBITDA was down 2% quarter-on-quarter, due to a low win rate impacting EBITDA by $165 million.\n"
        "Revenue increased by $5 million to $100 million.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert _values(ms, "adjusted_ebitda") == [None]
    assert _values(ms, "revenue") == [100_000_000]


def test_an_english_highlights_heading_scopes_the_lines_under_it(tmp_path):
    text = (
        "Zephyr announced its results for the second quarter of 2024.\n"
        "1H2024 Key Highlights\n"
        "Total revenues were RMB174,286 million.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Period(2024, 2, date(2024, 6, 30)))  # a Q2 call
    assert only(ms, "revenue").scope == "half_year"


def test_a_word_in_a_made_of_aside_is_no_entry(tmp_path):
    text = (
        "Core marketplace revenue, mainly consisting of transaction-based fees and advertising revenues, "
        "was up 41.4% year-on-year to US$1.8 billion.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert [m.metric for m in ms] == ["segment_revenue"]
    m = only(ms, "segment_revenue", "Core marketplace")
    assert (m.value, m.yoy_pct) == (1_800_000_000, 41.4)


def test_plural_margins_and_measured_counts(tmp_path):
    text = (
        "Operating Margins: Contracted by 140 basis points to 12.8%\n"
        "Average monthly transacting customers in the third quarter was 69.7 million, "
        "representing an increase of 61.8% from 43.1 million in the same quarter of 2023.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert _values(ms, "operating_margin") == [12.8]
    m = only(ms, "active_customers")
    assert (m.value, m.yoy_pct) == (69_700_000, 61.8)


def test_the_base_of_a_share_is_no_entry(tmp_path):
    text = "Products: large driver ICs, 33.2% of revenue, up 6.0% QoQ; non-driver products, 19.4% of revenue, down 0.6% QoQ\n"
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert [m for m in ms if m.metric == "revenue"] == []


def test_ifrs_profit_is_net_income(tmp_path):
    text = "Q3 IFRS profit was $3.3 million, or 1.9 cents per diluted ADS.\n"
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert _values(ms, "net_income") == [3_300_000]


def test_one_months_revenue_is_not_the_quarters(tmp_path):
    text = (
        "Its revenue for the month of October 2024 was NT$2,068.7 million (US$72.4 million).\n"
        "The company's revenue for the third quarter of 2024 was NT$5,686.1 million.\n"
        "Revenue for the month of August 2024 was NT$1,902.5 million.\n"
    )
    ms, notes = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert _values(ms, "revenue") == [5_686_100_000]
    assert any("month of August 2024" in n for n in notes)


def test_hard_wrapped_lines_are_read_as_one_sentence(tmp_path):
    text = (
        "Second Quarter 2024 Highlights\n"
        "- Net revenues in the second quarter of 2024 were\n"
        "RMB1,872.6 million (US$257.7 million), compared to RMB1,833.0 million in the corresponding period of\n"
        "2023.\n"
        "- Net income increased by 212.8% year-over-year to\n"
        "RMB56.2 million for the second\n"
        "quarter of 2024.\n"
        "- Gross margin was\n"
        "61.2%, representing a decrease of 3.4 percentage points from 64.6%\n"
        "in the second quarter of 2023.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q2_2024)
    revenue = only(ms, "revenue")
    assert (revenue.value, revenue.unit, revenue.evidence.line) == (1_872_600_000, "CNY", 3)
    income = only(ms, "net_income")
    assert (income.value, income.yoy_pct, income.evidence.line) == (56_200_000, 212.8, 6)
    margin = only(ms, "gross_margin")
    assert (margin.value, margin.change_pp, margin.evidence.line) == (61.2, -3.4, 9)


def test_lines_that_end_a_sentence_or_start_an_item_are_not_joined(tmp_path):
    text = (
        "Revenue grew strongly in the quarter.\n"
        "$5.0 million was spent on new stores\n"
        "- Net income\n"
        "- $2.0 million of that was spent on new stores\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q2_2024)
    assert _values(ms, "revenue") == []
    assert _values(ms, "net_income") == []


def test_a_change_stated_in_another_sentence_completes_the_figure(tmp_path):
    text = (
        "Zephyr said net profits last quarter surged 34.8 percent annually.\n"
        "Net profits last quarter jumped to NT$3.42 billion from NT$2.54 billion a year earlier.\n"
        "On a quarterly basis, net profits fell 16.2 percent from NT$4.08 billion.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q2_2024)
    m = only(ms, "net_income")
    assert (m.value, m.yoy_pct, m.qoq_pct) == (3_420_000_000, 34.8, -16.2)


def test_a_sentence_opening_basis_names_the_change(tmp_path):
    text = "Sequentially, revenue rose 4.0% to $12.0 million in the second quarter.\n"
    ms, _ = extract(tmp_path, text, "Zephyr", Q2_2024)
    m = only(ms, "revenue")
    assert (m.value, m.yoy_pct, m.qoq_pct) == (12_000_000, None, 4.0)


def test_a_conflicting_change_elsewhere_is_not_merged(tmp_path):
    text = (
        "Revenue was $12.0 million in the second quarter, up 8.0% year over year.\n"
        "Revenue rose 30.0% year over year in the second quarter.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q2_2024)
    assert sorted((m.value or 0, m.yoy_pct) for m in ms if m.metric == "revenue") == [
        (0, 30.0),
        (12_000_000, 8.0),
    ]


def test_a_sentence_pointing_back_gives_the_figure_its_changes(tmp_path):
    text = (
        "Zephyr's revenue for the third quarter of 2024 was NT$5,686.1 million (US$196.4 million). "
        "These figures represent an increase of 4.8 per cent from NT$5,428.1 million (US$187.5 million) in the "
        "second quarter of 2024 and an increase of 5.3 per cent from NT$5,399.1 million for the same period "
        "in 2023.\n"
        "Zephyr reported a net profit of NT$2.74 billion for the third quarter of 2024.\n"
        "That represented growth of 391 percent from NT$558 million a year earlier.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    revenue = only(ms, "revenue")
    assert (revenue.value, revenue.yoy_pct, revenue.qoq_pct) == (5_686_100_000, 5.3, 4.8)
    income = only(ms, "net_income")
    assert (income.value, income.yoy_pct) == (2_740_000_000, 391)


def test_a_pointing_sentence_far_from_any_figure_gives_nothing(tmp_path):
    text = (
        "Revenue was $12.0 million in the third quarter.\n"
        "\n\n\n\n\n\n"
        "That was up 26.3 percent from the second quarter.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert [(m.value, m.qoq_pct) for m in ms if m.metric == "revenue"] == [(12_000_000, None)]


def test_a_second_change_with_its_basis_before_its_direction(tmp_path):
    text = (
        "The Q2 revenue was TWD 92.9 billion, representing a 13% year-on-year growth and a 12% sequential "
        "decline.\n"
        "Net income was RMB1.49 billion, representing a 34% year-over-year increase and a 16% "
        "quarter-on-quarter growth [5][11].\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q2_2024)
    revenue = only(ms, "revenue")
    assert (revenue.yoy_pct, revenue.qoq_pct) == (13, -12)
    income = only(ms, "net_income")
    assert (income.yoy_pct, income.qoq_pct) == (34, 16)


def test_a_percentage_before_a_ratio_word_is_its_level(tmp_path):
    text = (
        "We delivered 3.1 gigawatts of module shipments, US$1.1 billion in revenue and 17.9% in gross margin.\n"
        "In Q2, Global Energy delivered $471 million in revenue and 24% in gross margin.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q2_2024)
    assert _values(ms, "gross_margin") == [17.9]


def test_changes_listed_respectively_go_to_value_less_words(tmp_path):
    text = "Income from operations and net income saw slight declines of 0.8% and 1% respectively.\n"
    ms, _ = extract(tmp_path, text, "Zephyr", Q2_2024)
    assert only(ms, "operating_income").yoy_pct == -0.8
    assert only(ms, "net_income").yoy_pct == -1


def test_amounts_abbreviated_after_a_currency_sign(tmp_path):
    text = (
        "- Q2 IFRS profit was $3.3M, or 1.9 cents per diluted ADS.\n"
        "- GP margin in Q2 dropped to 27.5% versus 28.0% in Q1.\n"
        "- The company shipped 3.3M units.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q2_2024)
    assert (only(ms, "net_income").value, only(ms, "net_income").unit) == (3_300_000, "USD")
    assert _values(ms, "gross_margin") == [27.5]
    assert _values(ms, "revenue") == []


def test_a_quarter_of_a_short_fiscal_year(tmp_path):
    text = (
        "Zephyr reported a second-quarter FY24 net sales growth of 27% year-on-year to €6.90 billion.\n"
        "Zephyr's first-quarter FY24 net sales were €5.00 billion.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q2_2024)
    m = only(ms, "revenue")
    assert (m.value, m.unit, m.yoy_pct) == (6_900_000_000, "EUR", 27)


def test_a_figure_worked_out_on_a_condition_is_no_result(tmp_path):
    text = (
        "If second-half growth continues at the same pace, its annual revenue would be around $9.85 billion.\n"
        "Zephyr reported first half sales growth of 6.3% to $7.3 billion.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Period(2024, None, date(2024, 6, 30)))
    assert [(m.value, m.yoy_pct) for m in ms if m.metric == "revenue"] == [(7_300_000_000, 6.3)]


def test_a_figure_of_the_segment_named_before_is_not_the_groups(tmp_path):
    text = (
        "Gross margin was 25.0% in the quarter.\n"
        "The devices segment grew 64.6%, resulting in a gross margin increase in the segment to nearly 30%.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q2_2024)
    assert _values(ms, "gross_margin") == [25.0]


def test_a_sentence_opening_basis_holds_for_each_of_its_clauses(tmp_path):
    text = (
        "On a quarter on quarter basis, our service revenue grew by 13.6%, our cash grew by 15.9%, "
        "and our adjusted EBITDA grew by 21.3%.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q2_2024)
    m = only(ms, "adjusted_ebitda")
    assert (m.yoy_pct, m.qoq_pct) == (None, 21.3)


def test_a_semicolon_in_a_bracket_keeps_one_figures_changes_together(tmp_path):
    text = "In Q2, net profit hit a 14-quarter high of RMB 511 million (+19% Q/Q; +126% Y/Y).\n"
    ms, _ = extract(tmp_path, text, "Zephyr", Q2_2024)
    m = only(ms, "net_income")
    assert (m.value, m.qoq_pct, m.yoy_pct) == (511_000_000, 19, 126)
