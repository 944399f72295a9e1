"""Which period a figure is of: the call's quarter, half or year; figures of other periods left out.

Companies below are made up (not in the companies lexicon) unless the test is about the lexicon.
"""

from datetime import date

from generator.model import Period
from tests.metrics_cases import ALI_FY25_Q3, H1_2024, Q2_2024, Q3_2024, Q4_2024, extract, only


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


def test_year_to_date_figures_never_take_the_quarters_place(tmp_path):
    text = (
        "星河科技第三季收入1,100億元，按年增長8%。\n"
        "首九個月計，累計收入3,000億元，按年增長6%；股東應佔盈利900億元。\n"
        "1-9月经营利润为1,005亿元。\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q3_2024)
    scopes = {(m.metric, m.value): m.scope for m in ms}
    assert scopes[("revenue", 110_000_000_000)] == "quarter"
    assert scopes[("revenue", 300_000_000_000)] == "year_to_date"
    assert scopes[("net_income", 90_000_000_000)] == "year_to_date"
    assert scopes[("operating_income", 100_500_000_000)] == "year_to_date"


def test_a_heading_sets_the_quarter_of_the_lines_under_it(tmp_path):
    text = (
        "一、财务摘要（2024年第二季度）\n\n"
        "1. 总收入：30.2亿元\n"
        "2. 净亏损：10.2亿元\n"
        "二、全年回顾\n"
        "首九个月计，累计收入80亿元。\n\n"
        "分部方面，物流收入为12亿元。\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    revenues = {m.value: m.scope for m in ms if m.metric == "revenue"}
    assert revenues == {3_020_000_000: "quarter", 8_000_000_000: "year_to_date"}
    assert only(ms, "net_income").scope == "quarter"
    assert only(ms, "segment_revenue", "物流").scope is None  # after a year-to-date sentence: unclear


def test_deliveries_in_the_quarter_and_the_year_to_date(tmp_path):
    text = (
        "星河汽车第三季度交付新车88,215辆，同比增长31.2%；今年前三季度累计交付20.1万辆。\n"
        "对比之下，云帆汽车三季度交付了4.3万辆；其中旗舰车型交付量为1.2万台。\n"
        "我们预计第四季度交付量将在9万辆至9.5万辆之间。\n"
        "此外，本季度向客户交付充电设备超过1,200台。\n"
    )
    ms, _ = extract(tmp_path, text, "星河汽车", Q3_2024)
    by_scope = {m.scope: m for m in ms if m.metric == "deliveries"}
    assert set(by_scope) == {"quarter", "year_to_date"}
    assert (by_scope["quarter"].value, by_scope["quarter"].unit, by_scope["quarter"].yoy_pct) == (
        88_215,
        "vehicles",
        31.2,
    )
    assert by_scope["year_to_date"].value == 201_000


def test_a_period_named_for_comparison_is_no_scope(tmp_path):
    text = "二季度产能利用率为96%，较一季度的90%明显提升。按平台划分，逻辑芯片收入2.1亿美元，同比增长9%。"
    ms, _ = extract(tmp_path, text, "星河晶圆", Q2_2024)
    logic = only(ms, "segment_revenue", "逻辑芯片")
    assert (logic.value, logic.yoy_pct, logic.scope) == (210_000_000, 9, "quarter")


def test_the_reporting_period_is_the_calls_own_period(tmp_path):
    text = (
        "报告期内，公司刻蚀设备业务实现营业收入40.5亿元，同比增长18%。\n根据第二季度的数据，总收入为60亿元。"
    )
    half = Period(2024, None, date(2024, 6, 30))
    ms, _ = extract(tmp_path, text, "星河装备", half)
    assert only(ms, "segment_revenue", "刻蚀设备").scope == "half_year"
    ms, _ = extract(tmp_path, text, "星河装备", Q2_2024)
    assert only(ms, "segment_revenue", "刻蚀设备").scope == "quarter"
    assert only(ms, "revenue").value == 6_000_000_000  # the company's own data, not a third party's


def test_a_headline_naming_another_quarter_before_its_estimate_gives_nothing(tmp_path):
    text = "某芯片公司法说会：Q3每股纯益9.10元 Q4营收估季减5%\n联发科第三季合并营收1200.5亿元，季增4%。"
    ms, _ = extract(tmp_path, text, "联发科", Q3_2024)
    assert [(m.metric, m.qoq_pct) for m in ms if m.metric == "revenue"] == [("revenue", 4.0)]


def test_a_programmes_length_in_months_is_no_scope(tmp_path):
    text = "公司的新计划有效期为36个月，本期营收为88亿元，同比增长6%。"
    ms, _ = extract(tmp_path, text, "京东", Q2_2024)
    assert only(ms, "revenue").scope != "half_year"


def test_an_annual_call_separates_the_year_from_its_fourth_quarter(tmp_path):
    text = (
        "2024年，公司营业收入为25.60亿元，同比增长40.5%；归属于母公司所有者的净利润为-3.10亿元；"
        "扣除非经常性损益的净利润为-5.20亿元。其中，第四季度单季营业收入12.30亿元，净利润1.05亿元。\n"
        "报告期内，公司综合毛利率为48.2%，经营活动产生的现金流量净额为-6.40亿元。\n"
        "截至报告期末，公司货币资金约38.5亿元。"
    )
    fy = Period(2024, None, date(2024, 12, 31))
    ms, _ = extract(tmp_path, text, "寒武纪", fy)
    got = {(m.metric, m.scope): m.value for m in ms}
    assert got == {
        ("revenue", "fiscal_year"): 2_560_000_000,
        ("net_income", "fiscal_year"): -310_000_000,
        ("non_gaap_net_income", "fiscal_year"): -520_000_000,
        ("revenue", "quarter"): 1_230_000_000,
        ("net_income", "quarter"): 105_000_000,
        ("gross_margin", "fiscal_year"): 48.2,
        ("operating_cash_flow", "fiscal_year"): -640_000_000,
        ("cash", None): 3_850_000_000,
    }


def test_hong_kong_second_quarter_word_is_the_groups_quarter(tmp_path):
    ms, _ = extract(tmp_path, "次季收入520億元，按年增長12%。", "某公司", Q2_2024)
    m = only(ms, "revenue")
    assert (m.value, m.scope, m.yoy_pct) == (52_000_000_000, "quarter", 12)


def test_full_year_block_under_its_own_title_in_a_q4_article(tmp_path):
    text = (
        "第四季度业绩概览\n\n销售收入3.1亿美元，同比增长8%。\n毛利率15.2%。\n\n"
        "2024年全年业绩概览\n\n销售收入12.2亿美元，同比下降3%。\n毛利率13.0%。"
    )
    ms, _ = extract(tmp_path, text, "某芯片公司", Q4_2024)
    scopes = sorted((m.metric, m.scope or "", m.value) for m in ms)
    assert ("revenue", "fiscal_year", 1_220_000_000) in scopes and (
        "revenue",
        "quarter",
        310_000_000,
    ) in scopes
    assert ("gross_margin", "fiscal_year", 13) in scopes and ("gross_margin", "quarter", 15.2) in scopes


def test_half_year_margin_after_a_half_year_paragraph(tmp_path):
    text = "2024年上半年,公司实现营业收入10.5亿元,较上年同期增长20.1%。\n\n公司综合毛利率为55.2%。"
    ms, _ = extract(tmp_path, text, "某芯片公司", H1_2024)
    assert only(ms, "gross_margin").scope == "half_year"


def test_buyback_completed_in_an_earlier_month_is_left_out(tmp_path):
    text = "答:公司已于2024年2月完成了第一期股份回购方案,累计回购股份金额约为2.1亿元。"
    ms, notes = extract(tmp_path, text, "某芯片公司", H1_2024)
    assert not [m for m in ms if m.metric == "share_repurchase"]
    assert any("share_repurchase" in n and "completed" in n for n in notes)


def test_the_cue_before_each_figure_of_a_long_line_is_the_nearest_one():
    """``nearest`` reads a line's cues once and bisects: the same cue as scanning them all, for any
    position, including cues inside 上季度 wording or a metric's name (年度股息), which are no cues."""
    from generator.extract.metrics.rules import load_rules

    cues = load_rules().cues
    line = "第三季度收入10亿元,上季度为9亿元;年度股息0.5元;全年收入40亿元,上半年20亿元,3月收入3亿元。" * 40
    found = cues.find(line)
    assert found and not any(line[c.start : c.end] == "季度" and line[c.start - 1] == "上" for c in found)
    for pos in range(0, len(line), 7):
        before = [c for c in found if c.end <= pos]
        assert cues.nearest(line, pos) == max(before, key=lambda c: (c.end, -c.start), default=None)
