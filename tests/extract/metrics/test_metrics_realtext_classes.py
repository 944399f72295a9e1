"""Classes of wording met in the real-text corpus (tests/realtext/), each with short sentences written
for the test: Hong Kong 收益, local currencies of a bare 元, and the others below.

Companies below are made up (not in the companies lexicon) unless the test is about the lexicon.
"""

import pytest

from tests.metrics_cases import H1_2024, Q2_2024, Q3_2024, Q4_2024, extract, only


def test_hong_kong_shouyi_is_revenue(tmp_path):
    text = "星河公布中期業績，期內收益148.11億元人民幣，按年上升40.3%。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    m = only(ms, "revenue")
    assert (m.value, m.unit, m.yoy_pct, m.scope) == (14_811_000_000, "CNY", 40.3, "half_year")


def test_segment_shouyi_is_segment_revenue(tmp_path):
    text = (
        "上半年，星河分部收益增长26.3%至人民币133.6亿元；包装饮用水产品收益按年增长10.7%至人民币94.43亿元。"
    )
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    rev = {m.segment: m for m in ms if m.metric == "segment_revenue"}
    assert rev["包装饮用水产品"].value == 9_443_000_000 and rev["包装饮用水产品"].yoy_pct == 10.7


def test_gains_are_not_revenue(tmp_path):
    text = "上半年星河投资收益为3亿元，公允价值变动收益2亿元。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert [m for m in ms if m.metric in ("revenue", "segment_revenue")] == []


def test_english_sequential_and_yearly_changes_in_one_clause(tmp_path):
    text = "Nova's revenue was NT$142.1 billion, declining 5.5% sequentially but rising 7.8% year-over-year."
    ms, _ = extract(tmp_path, text, "Nova", Q3_2024)
    m = only(ms, "revenue")
    assert (m.value, m.unit, m.qoq_pct, m.yoy_pct) == (142_100_000_000, "TWD", -5.5, 7.8)


def test_english_change_from_the_previous_quarter_is_qoq(tmp_path):
    text = "Nova reported third-quarter net income of NT$25.45 billion, down 9.3% from the previous quarter."
    ms, _ = extract(tmp_path, text, "Nova", Q3_2024)
    m = only(ms, "net_income")
    assert (m.value, m.qoq_pct, m.yoy_pct) == (25_450_000_000, -9.3, None)


def test_chinese_changes_keep_their_cues(tmp_path):
    ms, _ = extract(tmp_path, "星河第三季营收100亿元，同比增长10%环比下降5%。", "星河", Q3_2024)
    m = only(ms, "revenue")
    assert (m.yoy_pct, m.qoq_pct) == (10, -5)


def test_english_period_after_the_figure_decides(tmp_path):
    text = (
        "Net revenues were RMB291.4 billion for the second quarter of 2024, an increase of 1.2% from the "
        "second quarter of 2023. Income from operations was RMB10.5 billion (US$1.4 billion) for the second "
        "quarter of 2024, compared to RMB8.3 billion for the second quarter of 2023."
    )
    ms, _ = extract(tmp_path, text, "Nova", Q2_2024)
    op = only(ms, "operating_income")
    assert (op.value, op.scope) == (10_500_000_000, "quarter")
    assert [m.value for m in ms if m.metric == "operating_income"] == [10_500_000_000]


def test_english_half_year_wording(tmp_path):
    text = "In 1H2024, total revenues were RMB174,286 million, an increase of 18% YoY."
    ms, _ = extract(tmp_path, text, "Nova", Q2_2024)
    m = only(ms, "revenue")
    assert (m.value, m.scope, m.yoy_pct) == (174_286_000_000, "half_year", 18)


def test_declared_currency_holds_for_bare_yuan(tmp_path):
    text = "星河公布全年業績，股東應佔溢利為53.8億元(港幣,以下同)。期內收入為946.8億元，按年跌4.3%。"
    ms, _ = extract(tmp_path, text, "星河", Q4_2024)
    m = only(ms, "revenue")
    assert (m.value, m.unit, m.yoy_pct) == (94_680_000_000, "HKD", -4.3)
    assert only(ms, "net_income").unit == "HKD"


def test_bare_yuan_without_declaration_stays_local(tmp_path):
    ms, _ = extract(tmp_path, "星河全年收入為946.8億元，按年跌4.3%。", "星河", Q4_2024)
    assert only(ms, "revenue").unit == "CNY"


@pytest.mark.parametrize(
    "text",
    [
        "Adjusted net profit was RMB 561 million in the third quarter.",
        "Net profit attributable to Nova without US GAAP was 5.9 billion yuan in the third quarter.",
        "第三季度期内非 GAAP 净利润达 5.61 亿元。",
    ],
)
def test_adjusted_wording_makes_non_gaap(tmp_path, text):
    ms, _ = extract(tmp_path, text, "Nova", Q3_2024)
    assert [m.metric for m in ms] == ["non_gaap_net_income"]


def test_yearly_target_is_no_year_scope(tmp_path):
    text = "上半年星河实现营业总收入834.51亿元，同比增长17.56%，超过年度目标增速；归母净利润416.96亿元，同比增长15.88%。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    m = only(ms, "net_income")
    assert (m.value, m.scope, m.yoy_pct) == (41_696_000_000, "half_year", 15.88)


def test_period_compared_with_is_no_scope(tmp_path):
    text = "第三季餐廳利潤率為12.2%，相對2023年同期為18.6%。星河經營利潤為1.78億美元，較2023年同期下降68%。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    m = only(ms, "operating_income")
    assert (m.value, m.unit, m.yoy_pct) == (178_000_000, "USD", -68)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("星河全年歸母利潤3.47億元，同比增長21.6%。", 347_000_000),
        ("星河全年股东应占利润为306亿元人民币，同比增长3.45%。", 30_600_000_000),
        ("星河全年母公司擁有人應占期內溢利7710萬美元，同比增長102.3%。", 77_100_000),
        ("星河全年除稅後利潤減少7%至231億美元。", 23_100_000_000),
        ("星河全年稅後獲利493億元，年減46%。", 49_300_000_000),
    ],
)
def test_attributable_and_after_tax_profit_wording(tmp_path, text, value):
    ms, _ = extract(tmp_path, text, "星河", Q4_2024)
    assert only(ms, "net_income").value == value
