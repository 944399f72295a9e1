"""Metric extraction on inline sentences from several companies, and the figures it must leave out."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.metrics import extract_metrics
from generator.model import Company, Metric, Period
from generator.read import read_source

Q2_2024 = Period(2024, 2, date(2024, 6, 30))
Q3_2024 = Period(2024, 3, date(2024, 9, 30))
Q4_2023 = Period(2023, 4, date(2023, 12, 31))
ALI_FY24_Q4 = Period(2024, 4, date(2024, 3, 31))
ALI_FY25_Q3 = Period(2025, 3, date(2024, 12, 31))


def extract(tmp_path: Path, text: str, company: str, period: Period) -> tuple[list[Metric], list[str]]:
    path = tmp_path / "call.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_source(path)
    metrics, notes = extract_metrics(doc, Company(name=company), period)
    originals = text.splitlines()
    for m in metrics:  # every figure is grounded on its line
        assert m.evidence.text and m.evidence.text in originals[m.evidence.line - 1]
        if m.as_written:
            assert m.as_written in m.evidence.text
    return metrics, notes


def only(metrics: list[Metric], metric: str, segment: str | None = None) -> Metric:
    found = [m for m in metrics if m.metric == metric and m.segment == segment]
    assert len(found) == 1, found
    return found[0]


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


def test_segment_revenue_uses_the_canonical_name(tmp_path):
    ms, _ = extract(tmp_path, "第三季度，百度核心收入为265亿元，同比增长2%。", "百度", Q3_2024)
    m = only(ms, "segment_revenue", "百度核心")
    assert m.value == 26_500_000_000 and m.yoy_pct == 2


def test_segment_named_before_a_semicolon_keeps_its_profit(tmp_path):
    text = "核心本地商业分部收入为694亿元,同比增长20%;经营利润为146亿元,同比增长39%。"
    ms, _ = extract(tmp_path, text, "美团", Q3_2024)
    assert only(ms, "segment_profit", "核心本地商业").value == 14_600_000_000


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


def test_converted_currency_and_year_earlier_figure_are_left_out(tmp_path):
    text = "阿里巴巴第一财季营收为2341.56亿元（约合322.92亿美元），与上年同期的2055.55亿元相比增长14%。"
    ms, _ = extract(tmp_path, text, "阿里巴巴", Period(2024, 1, date(2023, 6, 30)))
    assert len(ms) == 1
    assert (ms[0].value, ms[0].unit, ms[0].yoy_pct) == (234_156_000_000, "CNY", 14)


@pytest.mark.parametrize(
    "sentence",
    [
        "阿里巴巴第一财季营收2341.6亿元人民币，同比上涨14%，超市场预期的2237.5亿元。",
        "据报道，抖音电商的GMV约3.5万亿元，同比增幅30%，其2025年目标为4.2万亿元。",
        "2024年我国社会消费品零售总额达48.8万亿元，仅比上年增长3.5%。",
        "阿里美股收盘市值仅约为2200亿美元。",
        "去年同期，阿里巴巴总营收为2055.55亿元。",
        "根据中国音像与数字出版协会的数据，上半年国内游戏市场实际销售收入为1472.67亿元，同比增长2.08%。",
        "同期拼多多的营收为993.5亿元。",
        "董事会批准了新的股份回购计划，在未来36个月内回购总额最多30亿美元的股份。",
    ],
)
def test_figures_that_are_not_the_companys(tmp_path, sentence):
    ms, _ = extract(tmp_path, sentence, "阿里巴巴", Period(2024, 1, date(2023, 6, 30)))
    assert not [m for m in ms if m.value not in (None, 234_160_000_000)], ms


def test_from_to_quarter_on_quarter(tmp_path):
    text = "本季度,阿里自由现金流从上季度的 565.4 亿元下降 31%,至 390.2 亿元。"
    ms, _ = extract(tmp_path, text, "阿里巴巴", ALI_FY25_Q3)
    m = only(ms, "free_cash_flow")
    assert (m.value, m.qoq_pct, m.scope) == (39_020_000_000, -31, "quarter")


def test_buy_backs(tmp_path):
    text = (
        "2023财年我们差不多做了130多亿美金的股东回报,到了2024年我们做了165亿美金的股东回报。"
        "在目前账上,我们未来可以用于做股票回购的金额,我们还有近300亿,290多亿美金可以继续用。\n"
        "2024财年已回购125亿美元股份。"
    )
    ms, notes = extract(tmp_path, text, "阿里巴巴", ALI_FY24_Q4)
    assert [m.value for m in ms if m.metric == "shareholder_return"] == [16_500_000_000]
    left = only(ms, "repurchase_authorization_remaining")
    assert left.approximate and left.unit == "USD" and left.scope is None
    assert any("no currency" in n for n in notes)
    spent = only(ms, "share_repurchase")
    assert (spent.value, spent.scope) == (12_500_000_000, "fiscal_year")


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


def test_other_quarters_and_lists_are_left_out(tmp_path):
    text = (
        "去年四季度,阿里营收为 2801.54 亿元,同比增长 8%。\n"
        "去年三季度,阿里收入同比增长 5%,净利润同比下降 9%。\n"
        "云智能集团收入同比增速分别为,-3%、4%、2%。"
    )
    ms, _ = extract(tmp_path, text, "阿里巴巴", ALI_FY25_Q3)
    assert [(m.metric, m.evidence.line) for m in ms] == [("revenue", 1)]


def test_full_year_plan_in_a_third_quarter_call_is_left_out(tmp_path):
    ms, _ = extract(tmp_path, "我们的资本开支今年大致与去年持平,约为75亿美元。", "中芯国际", Q3_2024)
    assert ms == []


def test_duplicates_keep_the_most_complete_line(tmp_path):
    text = "阿里第四财季营收2218.74亿元\n第四财季,营收为2218.74亿元,同比增长7%。\n营收2218.74亿元。"
    ms, _ = extract(tmp_path, text, "阿里巴巴", ALI_FY24_Q4)
    assert len(ms) == 1 and ms[0].evidence.line == 2 and ms[0].yoy_pct == 7


def test_order_is_by_line_then_metric(tmp_path):
    text = "净利润为9.19亿元。营收为2218.74亿元。\n毛利率为40%。"
    ms, _ = extract(tmp_path, text, "阿里巴巴", ALI_FY24_Q4)
    assert [(m.evidence.line, m.metric) for m in ms] == [
        (1, "net_income"),
        (1, "revenue"),
        (2, "gross_margin"),
    ]


def test_sub_revenue_lines_are_not_total_revenue(tmp_path):
    ms, _ = extract(tmp_path, "本季度广告收入为209亿元。", "哔哩哔哩", Q3_2024)
    assert [m for m in ms if m.metric == "revenue"] == []


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


def test_unit_named_in_the_same_clause_wins_over_total(tmp_path):
    ms, _ = extract(tmp_path, "第三季度，爱奇艺第三季度总营收为72亿元，同比下降10%。", "百度", Q3_2024)
    assert [(m.metric, m.segment) for m in ms] == [("segment_revenue", "爱奇艺")]


def test_unknown_business_unit_is_not_the_group(tmp_path):
    text = (
        "| 创新及其他业务净收入 | 17.0 亿元 | -4.7% |\nIoT与生活消费产品业务收入达到261亿元,同比增长37.8%。"
    )
    ms, notes = extract(tmp_path, text, "网易", Q3_2024)
    assert ms == []
    assert len([n for n in notes if "business unit" in n]) == 2
