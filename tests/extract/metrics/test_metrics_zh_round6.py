"""Chinese wording classes of the sixth round on the real-text corpus (issue 9), each with short
sentences written for the test. Companies below are made up (not in the companies lexicon)."""

from tests.metrics_cases import H1_2024, extract, only


def test_a_year_labelled_as_an_estimate_is_a_forecast(tmp_path):
    text = (
        "星河1H24营收120亿元同比+3.0%。\n"
        "盈利预测 2024E净利率14.2% 2025E净利率14.5%。\n"
        "每股指标 2024E EPS 3.42元 2025E EPS 3.62元 FY26E EPS 3.80元。"
    )
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "revenue").value == 12_000_000_000
    assert [m for m in ms if m.metric in ("eps", "net_margin")] == []


def test_a_year_labelled_as_actual_is_that_year_s_figure(tmp_path):
    text = "星河1H24营收120亿元同比+3.0%。现金流 2023A经营现金流51.55亿元。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "revenue").value == 12_000_000_000
    assert [m for m in ms if m.metric == "operating_cash_flow"] == []


def test_a_sum_over_several_years_is_no_period_s_figure(tmp_path):
    text = (
        "星河上半年營業收入333.02億元，同比增長17.62%。"
        "近三年公司資本性支出累計超過159億元，過去五年淨利潤合計達300億元。"
    )
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "revenue").value == 33_302_000_000
    assert [m for m in ms if m.metric in ("capex", "net_income")] == []


def test_a_year_since_a_date_still_names_the_period(tmp_path):
    text = "星河2024年以来持续扩张，上半年资本开支为12亿元。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "capex").value == 1_200_000_000


def test_an_amount_before_a_unit_s_metric_word_is_no_part_of_its_name(tmp_path):
    text = "星河上半年業績亮眼，79.28億元醬油收入同比增長9.14%。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "segment_revenue", "酱油").yoy_pct == 9.14
    assert {m.segment for m in ms} == {"酱油"}


def test_a_year_s_interim_is_that_year_s_half(tmp_path):
    text = "星河上半年营收152.3亿元。酱油收入突破了2022年中期74.93亿元的高点。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "revenue").value == 15_230_000_000
    assert [m for m in ms if m.segment] == []
