"""English figures as web pages lay them out (issue 12, fifth round): sentences cut into pieces by a
page's elements, summary bullets with a "--" separator, compared amounts followed by their period.

Companies below are made up (not in the companies lexicon); the texts are written for the tests.
"""

from __future__ import annotations

from tests.metrics_cases import Q3_2024, extract, only


def test_a_sentence_cut_into_pieces_between_blank_lines_is_read_whole(tmp_path):
    text = (
        "Third Quarter 2024 Financial Highlights\n"
        "\n"
        "Revenues\n"
        "\n"
        "were\n"
        "\n"
        "RMB978.2 million\n"
        "\n"
        "(\n"
        "\n"
        "US$137.5 million\n"
        "\n"
        "), representing a decrease of 40.8% from\n"
        "\n"
        "RMB1,652.7 million\n"
        "\n"
        "in the second quarter of 2024 and a decrease of 25.8% from\n"
        "\n"
        "RMB1,317.6 million\n"
        "\n"
        "in the same period of 2023.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    revenue = only(ms, "revenue")
    assert (revenue.value, revenue.unit, revenue.evidence.line) == (978_200_000, "CNY", 7)
    assert (revenue.qoq_pct, revenue.yoy_pct) == (-40.8, -25.8)


def test_paragraphs_apart_are_not_joined(tmp_path):
    text = (
        "Revenue for the quarter was strong.\n"
        "\n"
        "$5.0 million was spent on new stores\n"
        "\n"
        "\n"
        "\n"
        "\n"
        "and the Net income\n"
        "\n"
        "Gross margin was\n"
        "\n"
        "\n"
        "\n"
        "\n"
        "42.0% in the quarter.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert [m.metric for m in ms] == []


def test_an_indented_carried_on_line_reads_quarter_over_quarter(tmp_path):
    text = (
        "Third Quarter 2024 Financial Highlights\n"
        "\n"
        "    --  Total revenues grew by 15.6% year over year and 22.5% quarter\n"
        "        over quarter to RMB1,352.0 million (US$196.9 million).\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    revenue = only(ms, "revenue")
    assert (revenue.value, revenue.yoy_pct, revenue.qoq_pct) == (1_352_000_000, 15.6, 22.5)
    assert revenue.evidence.line == 4


def test_a_label_separated_by_a_double_dash_is_no_minus(tmp_path):
    text = (
        "TAKEAWAYS\n"
        "Total Revenue-- $104,000,000 in total revenue (GAAP) for Q3 2024, reflecting 30.6% year-over-year growth.\n"
        "Operating Income -- $1,100,000 in operating income for Q3 2024.\n"
        "Net income was -$2.5 million in the quarter.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert (only(ms, "revenue").value, only(ms, "revenue").yoy_pct) == (104_000_000, 30.6)
    assert only(ms, "operating_income").value == 1_100_000
    assert only(ms, "net_income").value == -2_500_000


def test_the_basis_named_after_the_starting_figure(tmp_path):
    text = (
        "- Total revenues were RMB289.0 million (US$39.9 million) for the three months ended September 30, 2024,\n"
        "a decrease of 15.9% from RMB343.8 million in the last quarter and a decrease of 53.8% from\n"
        "RMB626.2 million in the same period last year.\n"
        "- Gross profit was RMB20.0 million, an increase of 4.0% from RMB19.2 million in the prior-year quarter.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    revenue = only(ms, "revenue")
    assert (revenue.value, revenue.qoq_pct, revenue.yoy_pct) == (289_000_000, -15.9, -53.8)
    profit = only(ms, "gross_profit")
    assert (profit.yoy_pct, profit.qoq_pct) == (4.0, None)


def test_a_company_named_in_a_which_clause_is_no_subject(tmp_path):
    text = (
        "Zephyr Corp, which assembles Apple Inc’s iPhones, yesterday reported that net profit last quarter "
        "surged 122.5 percent to NT$6.29 billion (US$206.9 million).\n"
        "Apple Inc said its revenue rose 5 percent to US$89.5 billion.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    income = only(ms, "net_income")
    assert (income.value, income.unit, income.yoy_pct) == (6_290_000_000, "TWD", 122.5)
    assert [m.value for m in ms if m.metric == "revenue"] == []


def test_gross_profit_margin_and_a_data_service_paragraph(tmp_path):
    text = (
        "Gross profit margin was 19%, down 3.7 percentage points year-on-year.\n"
        "Zephyr grew fast, with InvestingPro data showing 35.67% revenue growth over the last twelve months. "
        "The company maintains a healthy gross profit margin of 59.73%.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    margin = only(ms, "gross_margin")
    assert (margin.value, margin.change_pp, margin.evidence.line) == (19, -3.7, 1)
    assert [m.metric for m in ms if m.evidence.line == 2] == []


def test_a_figure_without_an_events_effect_is_not_the_reported_one(tmp_path):
    text = (
        "Due to a tax accrual of $88M in Q3, Zephyr net loss stood at $80M; excluding the Orbit impact "
        "net income stood at $8M.\n"
        "Non-GAAP net income, excluding the impact of share-based compensation, was $12M.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "net_income").value == -80_000_000
    assert only(ms, "non_gaap_net_income").value == 12_000_000


def test_a_margin_that_narrowed_fell(tmp_path):
    text = "Gross margin narrowed 500 bps Y/Y to 41%.\n"
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    margin = only(ms, "gross_margin")
    assert (margin.value, margin.change_pp, margin.change_pp_basis) == (41, -5, "yoy")


def test_figures_before_their_words_with_a_conversion_between(tmp_path):
    text = (
        "The Company generated RMB338.8 million (US$49.3 million) of net cash from operating activities and "
        "RMB326.3 million (US$47.5 million) of free cash flow in the third quarter of 2024.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert only(ms, "operating_cash_flow").value == 338_800_000
    assert only(ms, "free_cash_flow").value == 326_300_000


def test_the_yen_sign_in_a_call_counting_in_yen(tmp_path):
    text = (
        "Operating income increased 3.2 billion year-on-year to 318.5 billion yen.\n"
        "Net income attributable to Zephyr's stockholders was ¥213.1 billion.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert (only(ms, "net_income").value, only(ms, "net_income").unit) == (213_100_000_000, "JPY")
    yuan = "Revenue was RMB 5.0 billion.\nNet income was ¥213.1 million.\n"
    ms, _ = extract(tmp_path, yuan, "Zephyr", Q3_2024)
    assert only(ms, "net_income").unit == "CNY"


def test_indian_crores_and_lakhs(tmp_path):
    text = (
        "For this quarter, the net revenue growth was up 19.7% and touched INR6,344 crores.\n"
        "The net profit for the quarter was INR1,843.9 crores, which was up 30.1%.\n"
        "Free cash flow was Rs. 12.5 lakh.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    assert (only(ms, "net_income").value, only(ms, "net_income").unit) == (18_439_000_000, "INR")
    assert (only(ms, "revenue").value, only(ms, "revenue").yoy_pct) == (63_440_000_000, 19.7)
    assert only(ms, "free_cash_flow").value == 1_250_000


def test_ebitdar_is_its_own_measure(tmp_path):
    text = (
        "In the third quarter, the operator generated USD246 million of EBITDAR, which is 72% of pre-Covid levels.\n"
        "Adjusted EBITDA was $2.9 billion.\n"
    )
    ms, _ = extract(tmp_path, text, "Zephyr", Q3_2024)
    ebitdar = only(ms, "adjusted_ebitdar")
    assert (ebitdar.value, ebitdar.yoy_pct) == (246_000_000, None)
    assert only(ms, "adjusted_ebitda").value == 2_900_000_000
