"""Figures that are not the company's result: conversions, other companies', the market's, third parties', guidance.

Companies below are made up (not in the companies lexicon) unless the test is about the lexicon.
"""

from datetime import date

import pytest

from generator.model import Period
from tests.metrics_cases import H1_2024, Q2_2024, Q3_2024, Q4_2023, Q4_2024, extract, only


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


@pytest.mark.parametrize(
    "sentence",
    [
        "我们预计第四季度收入将介于1,150亿元至1,180亿元之间。",
        "预计下一季度收入为300亿元，同比增长10%。",
        "公司给出的指引为下季度营收300亿元。",
        "展望未来，我们认为营收约为300亿元。",
        "第四季度营收指引区间为21.5亿美元至22亿美元。",
        "We expect revenue to be between US$2.1 billion and US$2.2 billion.",
    ],
)
def test_guidance_is_not_a_metric(tmp_path, sentence):
    ms, _ = extract(tmp_path, sentence, "中芯国际", Q3_2024)
    assert [m for m in ms if m.value is not None or m.yoy_pct is not None] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "本季度营收为100亿元，好于市场预期，净利润为20亿元。",
        "Revenue was US$10 billion, better than expected, and net income was US$2 billion.",
    ],
)
def test_results_beside_expectations_are_kept(tmp_path, sentence):
    ms, _ = extract(tmp_path, sentence, "拼多多", Q3_2024)
    assert sorted(m.metric for m in ms) == ["net_income", "revenue"]


def test_guidance_note_and_a_result_above_guidance(tmp_path):
    text = "本季度营收为21.7亿美元，超出此前指引的上限。\n展望第四季度，毛利率预计为20%左右。"
    ms, notes = extract(tmp_path, text, "中芯国际", Q3_2024)
    assert [(m.metric, m.value) for m in ms] == [("revenue", 2_170_000_000)]
    assert not any(n.startswith("line 2: gross_margin") for n in notes), notes  # kept as guidance instead
    from tests.extract.metrics.test_metrics_outlook import figures

    (g,) = figures(tmp_path, text, Q3_2024).guidance
    assert (g.metric, g.value, g.unit) == ("gross_margin", 20, "%")


def test_other_companies_named_before_a_period_are_left_out(tmp_path):
    text = (
        "星河汽车第二季度总收入为90亿元。\n"
        "作为参照，同期云帆汽车二季度营收为55亿元；飞驰出行同期营收为12.3亿元。\n"
        "对比一下，海川智能云本季度收入241亿美元，同比增长20%。\n"
        "值得一提的是，同期海川电子三季度营业利润为2.1万亿韩元。\n"
    )
    ms, _ = extract(tmp_path, text, "星河汽车", Q2_2024)
    assert [(m.metric, m.value) for m in ms] == [("revenue", 9_000_000_000)]


def test_ranges_targets_and_effects_are_not_margins(tmp_path):
    text = (
        "第二季度毛利率为48.2%。\n"
        "海外工厂的毛利率稀释约为1%至2%。\n"
        "我们会维持长期毛利率50%及以上的目标。\n"
        "三季度毛利率介于46%至48%之间。\n"
    )
    ms, _ = extract(tmp_path, text, "星河半导体", Q2_2024)
    assert [m.value for m in ms if m.metric == "gross_margin"] == [48.2]


def test_research_firms_and_a_rivals_lines_are_not_ours(tmp_path):
    text = (
        "第三季度，腾讯音乐在线音乐服务收入为60亿元，同比增长15%。\n"
        "根据艾媒咨询的统计，国内音频行业月活跃用户规模达8.1亿。\n"
        "另一家平台网易云音乐同期营收40亿元，其中在线音乐服务收入28亿元。\n"
        "IDC数据显示，全球智能音箱出货量为3,000万台。\n"
    )
    ms, _ = extract(tmp_path, text, "腾讯音乐", Q3_2024)
    assert [(m.metric, m.segment, m.value) for m in ms] == [
        ("segment_revenue", "在线音乐服务", 6_000_000_000)
    ]


def test_the_companys_own_report_is_no_third_party(tmp_path):
    ms, _ = extract(tmp_path, "根据公司财报数据，第二季度总收入为88亿元。", "星河科技", Q2_2024)
    assert only(ms, "revenue").value == 8_800_000_000


def test_constant_currency_remarks_make_no_second_revenue(tmp_path):
    text = (
        "第二季度净营收3.2亿美元，同比下降2%，按不变汇率计算同比增长1%。\n"
        "按固定汇率计算（假设汇率与上年相同），净营收同比持平。\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    assert [(m.value, m.yoy_pct) for m in ms if m.metric == "revenue"] == [(320_000_000, -2)]


def test_a_rival_named_in_an_aside_does_not_take_the_next_figure(tmp_path):
    text = (
        "第四季度权益持有人应占盈利为150亿元，同比下降30%（主要因去年同期出售京东股份的收益）；"
        "非国际财务报告准则下，权益持有人应占盈利为210亿元，同比增长25%。"
    )
    ms, _ = extract(tmp_path, text, "腾讯控股", Q4_2023)
    m = only(ms, "non_gaap_net_income")
    assert (m.value, m.yoy_pct) == (21_000_000_000, 25.0)


def test_result_against_guidance_is_a_result(tmp_path):
    text = "第四季度,公司销售收入为3.1亿美元,符合指引预期,毛利率为14.2%,高于指引预期。"
    ms, notes = extract(tmp_path, text, "某芯片公司", Q4_2024)
    assert only(ms, "gross_margin").value == 14.2
    assert not [n for n in notes if "guidance" in n]


def test_english_comparisons_name_the_earlier_figure(tmp_path):
    text = (
        "Net loss attributable to Nova was RMB133.7 million, in comparison with net income attributable to "
        "Nova of RMB68.7 million in the identical period in 2024. Gross margin increased to 40.7 percent "
        "from 38.4 percent. Operating margin fell to 15.6% from 19.5%."
    )
    ms, _ = extract(tmp_path, text, "Nova", Q2_2024)
    assert sorted((m.metric, m.value) for m in ms) == [
        ("gross_margin", 40.7),
        ("net_income", -133_700_000),
        ("operating_margin", 15.6),
    ]


def test_a_figure_in_the_cause_of_a_change_is_not_the_metrics(tmp_path):
    ms, _ = extract(
        tmp_path, "上半年盈利上升,主要由於獲得一筆與地塊搬遷相關的補償收益約17.6億元。", "星河", H1_2024
    )
    assert [m for m in ms if m.value is not None] == []


def test_a_range_with_an_en_dash_and_an_expected_level_are_outlooks(tmp_path):
    text = "We guide gross margin of 55.5–57.5%.\n星河營收可望突破30億美元。"
    ms, _ = extract(tmp_path, text, "星河", Q2_2024)
    assert ms == []
