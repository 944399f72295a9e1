"""Metric words, values, units and changes: which figure a sentence states, as a reader would.

Companies below are made up (not in the companies lexicon) unless the test is about the lexicon.
"""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.metrics.extractor import extract_metrics
from generator.model import Company, Period
from generator.source.read import read_source
from tests.metrics_cases import (
    ALI_FY24_Q4,
    ALI_FY25_Q3,
    H1_2024,
    Q2_2024,
    Q3_2024,
    Q4_2023,
    Q4_2024,
    extract,
    only,
)


def test_tencent_total_revenue(tmp_path):
    ms, _ = extract(
        tmp_path, "腾讯2024年第二季度总收入为人民币1,611.17亿元，同比增长8%。", "腾讯控股", Q2_2024
    )
    m = only(ms, "revenue")
    assert (m.value, m.unit, m.yoy_pct, m.scope) == (161_117_000_000, "CNY", 8, "quarter")
    assert m.as_written == "人民币1,611.17亿元"


def test_jd_net_revenues_is_revenue_and_full_year(tmp_path):
    text = "京东集团第四季度净收入为3,061亿元人民币，同比增长3.6%。\n2023年全年净收入为10,847亿元人民币，同比增长3.7%。"
    ms, _ = extract(tmp_path, text, "京东", Q4_2023)
    by_scope = {m.scope: m for m in ms if m.metric == "revenue"}
    assert by_scope["quarter"].value == 306_100_000_000 and by_scope["quarter"].yoy_pct == 3.6
    assert by_scope["fiscal_year"].value == 1_084_700_000_000 and by_scope["fiscal_year"].evidence.line == 2


def test_smic_qoq_margin_and_points(tmp_path):
    text = "中芯国际第三季度销售收入为21.7亿美元，环比增长14.2%，毛利率为20.5%，较上季度增加6.6个百分点。"
    ms, _ = extract(tmp_path, text, "中芯国际", Q3_2024)
    rev, gm = only(ms, "revenue"), only(ms, "gross_margin")
    assert (rev.value, rev.unit, rev.qoq_pct, rev.yoy_pct) == (2_170_000_000, "USD", 14.2, None)
    assert (gm.value, gm.unit, gm.change_pp) == (20.5, "%", 6.6)


def test_traditional_chinese_and_year_on_year_wording(tmp_path):
    ms, _ = extract(tmp_path, "中芯國際第三季營收為21.7億美元，按年增長34%。", "中芯国际", Q3_2024)
    m = only(ms, "revenue")
    assert (m.value, m.unit, m.yoy_pct) == (2_170_000_000, "USD", 34)
    assert "億美元" in m.as_written


def test_adjusted_ebitda_and_loss(tmp_path):
    text = "美团本季度经调整EBITDA为180亿元，同比增长20%。\n本季度净亏损为7980万元。\n同期哔哩哔哩净亏损为1亿元。"
    ms, _ = extract(tmp_path, text, "美团", Q3_2024)
    assert only(ms, "adjusted_ebitda").value == 18_000_000_000
    assert only(ms, "net_income").value == -79_800_000


def test_non_gaap_modifier_in_an_earlier_clause(tmp_path):
    text = "第四财季,营收为2218.74亿元,同比增长7%。净利润为9.19亿元,同比下滑96%;不按美国通用会计准则,净利润为244.18亿元,同比下滑11%。"
    ms, _ = extract(tmp_path, text, "阿里巴巴", ALI_FY24_Q4)
    assert only(ms, "net_income").value == 919_000_000 and only(ms, "net_income").yoy_pct == -96
    adj = only(ms, "non_gaap_net_income")
    assert (adj.value, adj.yoy_pct) == (24_418_000_000, -11)
    assert adj.evidence.text.startswith("不按美国通用会计准则")


def test_from_to_quarter_on_quarter(tmp_path):
    text = "本季度,阿里自由现金流从上季度的 565.4 亿元下降 31%,至 390.2 亿元。"
    ms, _ = extract(tmp_path, text, "阿里巴巴", ALI_FY25_Q3)
    m = only(ms, "free_cash_flow")
    assert (m.value, m.qoq_pct, m.scope) == (39_020_000_000, -31, "quarter")


def test_per_ads_and_users(tmp_path):
    text = "调整后每ADS收益17.37元人民币，上年同期11.73元人民币。\n淘宝APP 6月日均DAU达4.02亿，MAU（月活跃用户数）达8.87亿。"
    ms, _ = extract(tmp_path, text, "阿里巴巴", Period(2024, 1, date(2023, 6, 30)))
    eps = only(ms, "non_gaap_eps_ads")
    assert (eps.value, eps.unit) == (17.37, "CNY")
    assert (only(ms, "dau").value, only(ms, "dau").unit) == (402_000_000, "users")
    assert only(ms, "mau").value == 887_000_000


def test_change_only_metric_has_no_value(tmp_path):
    ms, _ = extract(tmp_path, "本季度，客户管理收入同比增长 9%。", "阿里巴巴", ALI_FY25_Q3)
    m = only(ms, "cmr")
    assert m.value is None and m.yoy_pct == 9


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet="营收净利润为亿元万美元同比增长下降%0123456789.,，。;（）()上年同期约近多市场预期 ",
        max_size=80,
    )
)
def test_any_text_no_crash(tmp_path_factory, text):
    if not text.strip():
        return
    path = tmp_path_factory.mktemp("h") / "t.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_source(path)
    metrics, notes = extract_metrics(doc, Company(name="阿里巴巴"), ALI_FY24_Q4)
    for m in metrics:
        assert m.evidence.text in doc.line(m.evidence.line).original


def test_share_counts_are_not_money(tmp_path):
    ms, _ = extract(tmp_path, "本季度我们回购约1.12亿股股份。", "腾讯控股", Q2_2024)
    assert ms == []


@pytest.mark.parametrize(
    ("sentence", "metric", "value"),
    [
        ("本季度净利润亏损3亿元。", "net_income", -300_000_000),
        ("本季度净亏损收窄至3.2亿元。", "net_income", -320_000_000),
        ("本季度净亏损从8亿元收窄至3亿元。", "net_income", -300_000_000),
        ("本季度經營虧損為5億元，去年同期經營虧損為8億元。", "operating_income", -500_000_000),
        ("Net loss was RMB 1.2 billion in the quarter.", "net_income", -1_200_000_000),
        ("本季度扭亏为盈，净利润为3亿元。", "net_income", 300_000_000),
    ],
)
def test_losses_are_negative(tmp_path, sentence, metric, value):
    ms, _ = extract(tmp_path, sentence, "哔哩哔哩", Q3_2024)
    m = only(ms, metric)
    assert m.value == value


def test_change_of_a_loss_has_no_sign(tmp_path):
    ms, _ = extract(tmp_path, "本季度经调整经营亏损为2亿元，同比收窄30%。", "哔哩哔哩", Q3_2024)
    m = only(ms, "non_gaap_operating_income")
    assert (m.value, m.yoy_pct) == (-200_000_000, None)


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "yoy", "qoq"),
    [
        ("Total revenues were RMB 97.06 billion, up 8% year over year.", 97_060_000_000, "CNY", 8, None),
        (
            "Revenue reached 123.45 billion yuan, an increase of 8% year-over-year.",
            123_450_000_000,
            "CNY",
            8,
            None,
        ),
        ("Revenue was US$3.2 billion, down 2% quarter-over-quarter.", 3_200_000_000, "USD", None, -2),
        ("本季度营收为人民币970.6亿元，增幅为8%。", 97_060_000_000, "CNY", 8, None),
        ("第三季營收為新台幣NT$7,596.9億，季增12.8%，年增39%。", 759_690_000_000, "TWD", 39, 12.8),
        ("本季度總收入為人民幣1,671.9億元，按年增長8%。", 167_190_000_000, "CNY", 8, None),
        ("本季度营收两千亿元，较去年同期上升了8%。", 200_000_000_000, "CNY", 8, None),
        ("本季度营收一百二十亿元，同比增加5%。", 12_000_000_000, "CNY", 5, None),
        ("第三季度营收为1,234.5亿元（合170亿美元），同比持平。", 123_450_000_000, "CNY", 0, None),
        ("本季度营收同比翻倍，为100亿元。", 10_000_000_000, "CNY", 100, None),
        ("本季度营收为100亿元，同比基本持平。", 10_000_000_000, "CNY", None, None),
        ("营收为1,234.5亿元，合170亿美元。", 123_450_000_000, "CNY", None, None),
    ],
)
def test_revenue_wording(tmp_path, sentence, value, unit, yoy, qoq):
    ms, _ = extract(tmp_path, sentence, "拼多多", Q3_2024)
    m = only(ms, "revenue")
    assert (m.value, m.unit, m.yoy_pct, m.qoq_pct) == (value, unit, yoy, qoq)


def test_a_change_in_amount_is_not_the_figure(tmp_path):
    ms, _ = extract(tmp_path, "本季度营收同比增加50亿元，净利润同比多增20亿元。", "拼多多", Q3_2024)
    assert [m for m in ms if m.value is not None] == []


def test_points_belong_to_ratios(tmp_path):
    text = (
        "本季度毛利率同比持平。\n本季度营业收入增速同比提升8个百分点。\n本季度经营利润率同比增长2个百分点。"
    )
    ms, _ = extract(tmp_path, text, "拼多多", Q3_2024)
    assert only(ms, "gross_margin").change_pp == 0
    assert only(ms, "operating_margin").change_pp == 2
    assert [m for m in ms if m.metric == "revenue"] == []


@pytest.mark.parametrize(
    ("sentence", "metric", "value", "unit"),
    [
        ("本季度毛利为150亿元。", "gross_profit", 15_000_000_000, "CNY"),
        ("本季度Gross margin为45.2%。", "gross_margin", 45.2, "%"),
        ("本季度營業利潤為120億元，按年增長12%。", "operating_income", 12_000_000_000, "CNY"),
        ("第三季度經調整經營溢利為人民幣80億元。", "non_gaap_operating_income", 8_000_000_000, "CNY"),
        ("本季度經調整EBITA為450億元。", "adjusted_ebita", 45_000_000_000, "CNY"),
        ("本季度经营活动产生的现金流量净额为200亿元。", "operating_cash_flow", 20_000_000_000, "CNY"),
        ("本季度自由現金流為300億元。", "free_cash_flow", 30_000_000_000, "CNY"),
        ("本季度資本開支為150億元。", "capex", 15_000_000_000, "CNY"),
        ("本季度每股美國存託股攤薄收益為2.5美元。", "eps_ads", 2.5, "USD"),
        ("本季度非公认会计准则每股美国存托股摊薄收益为3.1美元。", "non_gaap_eps_ads", 3.1, "USD"),
        ("本季度不按美国通用会计准则每股ADS摊薄净收益为4.42元。", "non_gaap_eps_ads", 4.42, "CNY"),
        ("董事会宣布派发现金股息，总额约为12亿美元。", "dividend", 1_200_000_000, "USD"),
        ("本季度向股东返还共计20亿美元。", "shareholder_return", 2_000_000_000, "USD"),
        ("本季度客户管理收入为1,003亿元。", "cmr", 100_300_000_000, "CNY"),
        ("本季度GMV为1.5万亿元。", "gmv", 1_500_000_000_000, "CNY"),
        ("本季度日活跃用户达到1.2亿。", "dau", 120_000_000, "users"),
        ("本季度移动端月活为3.5亿。", "mau", 350_000_000, "users"),
        ("Monthly active users reached 348 million in the quarter.", "mau", 348_000_000, "users"),
        ("Free cash flow was RMB 3.1 billion in the quarter.", "free_cash_flow", 3_100_000_000, "CNY"),
        ("Capital expenditures were US$1.5 billion in the quarter.", "capex", 1_500_000_000, "USD"),
    ],
)
def test_metric_wording(tmp_path, sentence, metric, value, unit):
    ms, _ = extract(tmp_path, sentence, "哔哩哔哩", Q3_2024)
    m = only(ms, metric)
    assert (m.value, m.unit) == (value, unit)


def test_adjusted_net_margin_is_not_the_gaap_margin(tmp_path):
    text = "经调整净利润为20亿元，经调整净利润率为12.5%。\n一季度经调整净利润率同比提升3个百分点。"
    ms, _ = extract(tmp_path, text, "星河科技", Period(2024, 1, date(2024, 3, 31)))
    assert not [m for m in ms if m.metric == "net_margin"]
    margins = [m for m in ms if m.metric == "non_gaap_net_margin"]
    assert {m.value for m in margins} == {12.5, None}
    assert [m.change_pp for m in margins if m.value is None] == [3]


def test_taiwan_and_adr_wording(tmp_path):
    text = (
        "星河晶圆第二季度每股盈余为新台币8.5元，折合每单位美国存托凭证（ADR）盈余为1.3美元。\n"
        "第二季度营业利益率为40.1%，税后纯益率为35.2%。"
    )
    ms, _ = extract(tmp_path, text, "星河晶圆", Q2_2024)
    assert (only(ms, "eps").value, only(ms, "eps").unit) == (8.5, "TWD")
    assert (only(ms, "eps_ads").value, only(ms, "eps_ads").unit) == (1.3, "USD")
    assert only(ms, "operating_margin").value == 40.1
    assert only(ms, "net_margin").value == 35.2


def test_cost_lines_are_never_revenue(tmp_path):
    text = "第二季度营收成本为5.5亿美元，营业成本为38亿元；收入成本同比下降2%。"
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    assert not [m for m in ms if m.metric in ("revenue", "segment_revenue")]


def test_non_recurring_adjusted_profit_and_a_units_revenue_are_no_clash(tmp_path):
    text = (
        "上半年公司营业收入为120亿元，归母净利润为10亿元，扣除非经常性损益后的净利润为9.2亿元；"
        "其中传感器业务上半年实现营收80亿元，同比增长30%。\n"
        "扣非净利润同比增长12%。\n"
    )
    ms, notes = extract(tmp_path, text, "星河半导体", Period(2024, None, date(2024, 6, 30)))
    assert only(ms, "revenue").value == 12_000_000_000
    assert only(ms, "net_income").value == 1_000_000_000
    adjusted = [m for m in ms if m.metric == "non_gaap_net_income"]
    assert [(m.value, m.yoy_pct) for m in adjusted] == [(920_000_000, None), (None, 12)]
    assert only(ms, "segment_revenue", "传感器").value == 8_000_000_000
    assert not [n for n in notes if "left out: the" in n]


def test_adjusted_margin_and_per_share_after_an_adjusted_figure(tmp_path):
    text = (
        "· 营业利润2.3亿美元，营业利润率为28%；\n"
        "· 非美国通用会计准则营业利润2.9亿美元，营业利润率为33%；\n"
        "· 非GAAP净利润2.1亿美元，摊薄后每股收益0.85美元；按美国通用会计准则，每股收益为0.61美元。\n"
        "Non-GAAP经营利润率为35.5%。\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    assert only(ms, "operating_margin").value == 28
    assert {m.value for m in ms if m.metric == "non_gaap_operating_margin"} == {33, 35.5}
    assert "非美国通用会计准则" in [m for m in ms if m.value == 33][0].evidence.text
    assert only(ms, "non_gaap_eps").value == 0.85
    assert only(ms, "eps").value == 0.61


def test_adjusted_per_ads_figures_in_a_translated_call(tmp_path):
    text = (
        "每股美国存托股摊薄收益为人民币2.95元，非美国通用会计准则下为人民币3.41元。\n"
        "每股美国存托股份摊薄净收益（非美国通用会计准则）为3.41元。\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    assert only(ms, "eps_ads").value == 2.95
    adjusted = only(ms, "non_gaap_eps_ads")
    assert (adjusted.value, adjusted.unit) == (3.41, "CNY")
    assert "非美国通用会计准则下为" in adjusted.evidence.text


def test_profit_attributable_to_owners_is_net_income(tmp_path):
    text = "第四季度归属于本公司拥有人的利润为2.05亿美元，同比下降12.5%。"
    ms, _ = extract(tmp_path, text, "中芯国际", Q4_2024)
    m = only(ms, "net_income")
    assert (m.value, m.unit, m.yoy_pct, m.scope) == (205_000_000, "USD", -12.5, "quarter")


@pytest.mark.parametrize(
    "sentence",
    [
        "本季度，母公司拥有人应占亏损3,150万美元，上年同期为溢利1,200万美元。",
        "本季度，公司归属于母公司股东的净亏损为4.2亿元。",
    ],
)
def test_attributable_loss_is_negative_net_income(tmp_path, sentence):
    ms, _ = extract(tmp_path, sentence, "某芯片公司", Q2_2024)
    m = only(ms, "net_income")
    assert m.value < 0 and m.scope == "quarter"


def test_hong_kong_and_taiwan_profit_wording(tmp_path):
    text = (
        "第二季度期內利潤為人民幣40億元,較去年同期的人民幣36億元增長10.0%。"
        "經調整利潤淨額自去年同期的人民幣44億元增長至人民幣47億元。"
    )
    ms, _ = extract(tmp_path, text, "星河", Q2_2024)
    assert sorted((m.metric, m.value, m.yoy_pct) for m in ms) == [
        ("net_income", 4_000_000_000, 10.0),
        ("non_gaap_net_income", 4_700_000_000, None),
    ]
    ms, _ = extract(tmp_path, "第二季度星河列帳盈利人民幣45.74億元，年增39%。", "星河", Q2_2024)
    assert (only(ms, "net_income").value, only(ms, "net_income").yoy_pct) == (4_574_000_000, 39.0)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("第二季度營運收入升一成三,至4,436億元人民幣。", 443_600_000_000),
        ("第二季度經營收入138.5億元。", 13_850_000_000),
    ],
)
def test_operating_revenue_wording_is_revenue(tmp_path, text, value):
    ms, _ = extract(tmp_path, text, "星河", Q2_2024)
    assert only(ms, "revenue").value == value


def test_a_margin_up_points_to_a_level_is_no_range(tmp_path):
    ms, _ = extract(tmp_path, "上半年毛利率增5.3百分點至70.3%；净利率提升1至2个百分点。", "星河", H1_2024)
    m = only(ms, "gross_margin")
    assert (m.value, m.change_pp) == (70.3, 5.3)
    assert [x for x in ms if x.metric == "net_margin"] == []


def test_active_customers_counted_as_a_quantity(tmp_path):
    ms, _ = extract(tmp_path, "第二季度活躍客户數量為4,390萬。", "星河", Q2_2024)
    assert only(ms, "active_customers").value == 43_900_000


def test_an_english_consensus_figure_is_not_the_company_result() -> None:
    """'expectations were $0.86' is the market's estimate, not the company's EPS."""
    from generator.extract.metrics.rules import load_rules

    rules = load_rules()
    assert rules.excluded_kind("Reported EPS is $0.564 EPS, expectations were ") == "consensus"
    assert rules.excluded_kind("analysts' estimates of ") == "consensus"
    assert rules.excluded_kind("Reported EPS is ") is None
