"""Chinese wording classes of the sixth round on the real-text corpus (issue 9), each with short
sentences written for the test. Companies below are made up (not in the companies lexicon)."""

from datetime import date

from generator.model import Period
from tests.metrics_cases import H1_2024, Q3_2024, extract, only

FY_2024 = Period(2024, None, date(2024, 12, 31))


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


def test_a_loss_per_share_is_a_negative_eps(tmp_path):
    text = "星河第3季稅後虧損8.62億元，每股虧損0.47元。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "eps").value == -0.47


def test_after_tax_earnings_per_share_is_eps(tmp_path):
    text = "星河2024年每股稅後純益2.07元、年增9.5%。"
    ms, _ = extract(tmp_path, text, "星河", FY_2024)
    eps = only(ms, "eps")
    assert eps.value == 2.07 and eps.yoy_pct == 9.5
    assert [m for m in ms if m.metric == "net_income"] == []


def test_the_full_name_of_a_short_company_name_is_the_company(tmp_path):
    text = "星河汽車上半年合併營收1411億元、稅後淨利82.6億元。"
    ms, _ = extract(tmp_path, text, "星河车", H1_2024)
    assert only(ms, "revenue").value == 141_100_000_000


def test_another_name_opening_alike_is_not_the_company(tmp_path):
    text = "星河汽車上半年營收141億元。星海電子上半年營收90億元。"
    ms, _ = extract(tmp_path, text, "星河车", H1_2024)
    assert [m.value for m in ms if m.metric == "revenue"] == [14_100_000_000]


def test_a_negative_starting_figure_is_the_earlier_period_s(tmp_path):
    text = "星河第3季稅後虧損27.28億元；每股稅後虧損也從第2季的-0.8元收斂至0.65元。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "eps").value == -0.65


def test_a_region_s_revenue_is_a_segment_s(tmp_path):
    text = "星河上半年營收205億元。海外市場收入按年急升4.4倍至55.9億元；中國收入82.83億元，按年升135.2%；華東地區營收15億元。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "revenue").value == 20_500_000_000
    assert only(ms, "segment_revenue", "海外市场").value == 5_590_000_000
    assert only(ms, "segment_revenue", "中国").yoy_pct == 135.2
    assert only(ms, "segment_revenue", "华东地区").value == 1_500_000_000


def test_an_outlook_opened_before_a_semicolon_goes_on_after_it(tmp_path):
    text = (
        "星河2024年營收1,987.6億元。"
        "星河預估，明年營收可望成長5%至7%；營業利益率年增1%至2%，資本支出則為82.4億元。"
        "星河指出；資本支出為70億元。"
    )
    ms, _ = extract(tmp_path, text, "星河", FY_2024)
    assert only(ms, "revenue").value == 198_760_000_000
    assert [m.value for m in ms if m.metric == "capex"] == [7_000_000_000]


def test_a_unit_named_before_its_period_and_a_qualifier_keeps_its_figure(tmp_path):
    text = (
        "本集團的啤酒業務於二零二四年上半年的未經審計之營業額為人民幣23,161,000,000 元,同比增長 2.6%。"
        "本集團的白酒業務上半年的營業額為人民幣781,000,000 元。"
    )
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "segment_revenue", "啤酒").yoy_pct == 2.6
    assert only(ms, "segment_revenue", "白酒").value == 781_000_000
    assert [m for m in ms if m.metric == "revenue"] == []


def test_a_period_after_yu_is_the_compared_one(tmp_path):
    # "与2024年持平": 与 opens the comparison, the figure before it stays this year's
    text = "星河2025年营收120亿元,同比增长5%。全年净利润30亿元,与2024年持平。"
    fy_2025 = Period(2025, None, date(2025, 12, 31))
    ms, _ = extract(tmp_path, text, "星河", fy_2025)
    assert only(ms, "net_income").value == 3_000_000_000
