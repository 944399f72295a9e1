"""``change_pp_basis``: what a change in points compares with, from the wording beside it."""

from tests.metrics_cases import Q2_2024, extract, only


def test_points_year_over_year(tmp_path):
    ms, _ = extract(tmp_path, "示例科技第二季度毛利率为25.5%，同比提升8.9个百分点。", "示例科技", Q2_2024)
    m = only(ms, "gross_margin")
    assert (m.change_pp, m.change_pp_basis) == (8.9, "yoy")


def test_points_quarter_over_quarter(tmp_path):
    ms, _ = extract(tmp_path, "示例科技第二季度毛利率为20.5%，环比提升6.6个百分点。", "示例科技", Q2_2024)
    m = only(ms, "gross_margin")
    assert (m.change_pp, m.change_pp_basis) == (6.6, "qoq")


def test_points_sequentially_in_english(tmp_path):
    text = (
        "Example Tech's gross margin was 20.5% in the second quarter, up 1.2 percentage points sequentially."
    )
    ms, _ = extract(tmp_path, text, "示例科技", Q2_2024)
    m = only(ms, "gross_margin")
    assert (m.change_pp, m.change_pp_basis) == (1.2, "qoq")


def test_points_without_basis(tmp_path):
    ms, _ = extract(tmp_path, "示例科技第二季度毛利率为25.5%，提升2个百分点。", "示例科技", Q2_2024)
    m = only(ms, "gross_margin")
    assert m.change_pp == 2
    assert m.change_pp_basis is None


def test_no_points_no_basis(tmp_path):
    ms, _ = extract(tmp_path, "示例科技第二季度收入为100亿元，同比增长8%。", "示例科技", Q2_2024)
    assert only(ms, "revenue").change_pp_basis is None
