"""Business units: a unit's figure is the unit's (under its canonical name), never the group's.

Companies below are made up (not in the companies lexicon) unless the test is about the lexicon.
"""

import pytest

from tests.metrics_cases import H1_2024, Q2_2024, Q3_2024, Q4_2023, extract, only


def test_segment_revenue_uses_the_canonical_name(tmp_path):
    ms, _ = extract(tmp_path, "第三季度，百度核心收入为265亿元，同比增长2%。", "百度", Q3_2024)
    m = only(ms, "segment_revenue", "百度核心")
    assert m.value == 26_500_000_000 and m.yoy_pct == 2


def test_segment_named_before_a_semicolon_keeps_its_profit(tmp_path):
    text = "核心本地商业分部收入为694亿元,同比增长20%;经营利润为146亿元,同比增长39%。"
    ms, _ = extract(tmp_path, text, "美团", Q3_2024)
    assert only(ms, "segment_profit", "核心本地商业").value == 14_600_000_000


def test_sub_revenue_lines_are_not_total_revenue(tmp_path):
    ms, _ = extract(tmp_path, "本季度广告收入为209亿元。", "哔哩哔哩", Q3_2024)
    assert [m for m in ms if m.metric == "revenue"] == []


def test_unit_named_in_the_same_clause_wins_over_total(tmp_path):
    ms, _ = extract(tmp_path, "第三季度，爱奇艺第三季度总营收为72亿元，同比下降10%。", "百度", Q3_2024)
    assert [(m.metric, m.segment) for m in ms] == [("segment_revenue", "爱奇艺")]


def test_unknown_business_unit_is_not_the_group(tmp_path):
    text = (
        "| 创新及其他业务净收入 | 17.0 亿元 | -4.7% |\nIoT与生活消费产品业务收入达到261亿元,同比增长37.8%。"
    )
    ms, _ = extract(tmp_path, text, "网易", Q3_2024)
    assert not [m for m in ms if m.metric == "revenue"]
    assert {(m.metric, m.segment, m.value) for m in ms} == {
        ("segment_revenue", "创新及其他业务", 1_700_000_000),  # 其他 alone is no name: 业务 stays
        ("segment_revenue", "IoT与生活消费产品", 26_100_000_000),
    }


def test_business_line_revenue_is_a_segment_never_the_group(tmp_path):
    text = (
        "星河科技第二季度总收入为120.5亿元，同比增长10%。\n"
        "分业务看，二季度云服务及其他收入为40.2亿元，同比增长20%；广告营业收入为30亿元，同比下降3%。\n"
        "2. 硬件销售收入：50.3亿元，同比增长8%。\n"
        "- **会员订阅收入**：8.8亿元\n"
        "第二季度，星河科技海外业务收入6.1亿元，同比增长50%。\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    assert [m.value for m in ms if m.metric == "revenue"] == [12_050_000_000]
    segments = {m.segment: m for m in ms if m.metric == "segment_revenue"}
    assert set(segments) == {"云服务及其他", "广告", "硬件销售", "会员订阅", "海外"}
    assert (segments["广告"].value, segments["广告"].yoy_pct) == (3_000_000_000, -3)
    assert segments["云服务及其他"].scope == "quarter"


def test_unit_label_carries_to_the_units_later_sentences(tmp_path):
    text = "3、智能驾驶事业群：收入12亿元，同比增长5%。经调整EBITA为1.5亿元，同比增长30%。\n"
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    assert not [m for m in ms if m.metric in ("revenue", "adjusted_ebita")]
    profit = only(ms, "segment_profit", "智能驾驶事业群")
    assert (profit.value, profit.yoy_pct) == (150_000_000, 30)
    assert only(ms, "segment_revenue", "智能驾驶事业群").value == 1_200_000_000


def test_words_before_revenue_that_name_no_business_line(tmp_path):
    text = "所以我们从零收入做到了三亿元。\n公司营收为80亿元，同比增长4%。"
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    assert [(m.metric, m.segment, m.value) for m in ms] == [("revenue", None, 8_000_000_000)]


def test_segment_names_are_simplified_in_a_traditional_text(tmp_path):
    text = (
        "騰訊第三季收入1,500.2億元，按年增長6%。\n"
        "增值服務收入按年增長5%至700億元；雲遊戲業務收入按年下跌3%至50億元。"
    )
    ms, _ = extract(tmp_path, text, "腾讯控股", Q3_2024)
    vas = only(ms, "segment_revenue", "增值服务")  # the lexicon's canonical name, simplified
    assert (vas.value, vas.yoy_pct) == (70_000_000_000, 5)
    cloud = only(ms, "segment_revenue", "云游戏")  # as written, simplified, without 业务
    assert (cloud.value, cloud.yoy_pct) == (5_000_000_000, -3)
    assert "雲遊戲" in cloud.evidence.text


def test_unit_metrics_buy_backs_and_segment_margins(tmp_path):
    text = (
        "1、电商集团：收入500亿元；客户管理收入（CMR）同比增长4%。\n"
        "截至5月，我们按照此前公布的100亿港元回购计划，累计回购了约15亿港元的股份。\n"
        "整车毛利率：14.5%，综合毛利率：11.0%。\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    assert only(ms, "cmr").yoy_pct == 4
    assert "客户管理收入" in only(ms, "cmr").evidence.text
    assert only(ms, "share_repurchase").value == 1_500_000_000
    assert only(ms, "gross_margin", "整车").value == 14.5
    assert only(ms, "gross_margin").value == 11.0


def test_verbs_are_never_part_of_a_segment_name(tmp_path):
    text = (
        "前三季度，星河科技累计实现营收5,120.6亿元。\n"
        "报告期内，光伏设备业务实现营业收入80.2亿元，同比增长21.5%；储能业务录得收入12亿元。\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q3_2024)
    revenue = only(ms, "revenue")
    assert (revenue.value, revenue.scope) == (512_060_000_000, "year_to_date")
    segments = {m.segment: m.value for m in ms if m.metric == "segment_revenue"}
    assert segments == {"光伏设备": 8_020_000_000, "储能": 1_200_000_000}


def test_a_known_units_margin_later_in_its_sentence(tmp_path):
    text = (
        "分业务看，京东零售第三季度收入为2,300亿元，同比增长4%，经营利润率为4.8%，去年同期为4.1%。"
        "整体毛利率为16%。"
    )
    ms, _ = extract(tmp_path, text, "京东", Q3_2024)
    margin = only(ms, "operating_margin", "京东零售")
    assert (margin.value, margin.scope) == (4.8, "quarter")
    assert not [m for m in ms if m.metric == "operating_margin" and m.segment is None]
    assert only(ms, "gross_margin").value == 16


@pytest.mark.parametrize("unit", ["网络广告", "营销服务"])
def test_a_renamed_unit_keeps_the_name_of_its_period(tmp_path, unit):
    text = f"第四季度{unit}收入为300亿元，同比增长18%。"
    ms, _ = extract(tmp_path, text, "腾讯控股", Q4_2023)
    assert only(ms, "segment_revenue", unit).value == 30_000_000_000


def test_unit_name_stops_before_de_and_sales(tmp_path):
    ms, _ = extract(tmp_path, "第二季度，功率器件的销售收入为1.5亿美元，同比增长6%。", "某芯片公司", Q2_2024)
    assert only(ms, "segment_revenue", "功率器件").value == 150_000_000


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("第二季度，公司X9毛利率达18.2%，整体毛利率为20.1%。", "X9"),
        ("第二季度，游戏和电商行业的广告收入同比增长12%。", "行业"),
        ("第二季度，品牌广告收入同比增长超过50%。", "品牌广告"),
    ],
)
def test_words_that_name_no_unit_leave_the_figure_out_with_a_note(tmp_path, text, left_out):
    ms, notes = extract(tmp_path, text, "某公司", Q2_2024)
    assert not [m for m in ms if m.segment], ms
    assert not [m for m in ms if m.metric == "gross_margin" and m.value == 18.2]
    assert any(left_out in n and "left out" in n for n in notes), notes


def test_product_line_margin_is_the_lines_not_the_groups(tmp_path):
    text = (
        "分产品线来看,上半年公司存储芯片产品线销售收入为8.1亿元,同比增长30.2%,毛利率为61.5%;"
        "模组产品线销售收入为1.2亿元,毛利率为8.3%。\n公司综合毛利率为55.2%。"
    )
    ms, _ = extract(tmp_path, text, "某芯片公司", H1_2024)
    assert only(ms, "gross_margin").value == 55.2
    assert only(ms, "gross_margin", "存储芯片产品线").value == 61.5
    assert only(ms, "gross_margin", "模组产品线").value == 8.3
    assert only(ms, "segment_revenue", "存储芯片产品线").value == 810_000_000


@pytest.mark.parametrize(
    "text",
    [
        "未经审核的收入约人民币198.33亿元,较去年同期增加约5.1%。",
        "未經審計之營業額為人民幣198.33億元,同比增長5.1%。",
        "持续经营业务的净收入为198.33亿元,同比增长5.1%。",
    ],
)
def test_a_reporting_qualifier_is_no_business_unit(tmp_path, text):
    ms, _ = extract(tmp_path, text, "星河光学", H1_2024)
    m = only(ms, "revenue")
    assert (m.value, m.yoy_pct) == (19_833_000_000, 5.1)


def test_net_revenue_wording_after_attribution_to_shareholders_is_net_income(tmp_path):
    text = "星河股東應佔非公認會計準則淨收入第二季度為人民幣10億元,股東應佔淨收益為人民幣6.284億元。"
    ms, _ = extract(tmp_path, text, "星河", Q2_2024)
    assert only(ms, "non_gaap_net_income").value == 1_000_000_000
    assert only(ms, "net_income").value == 628_400_000
    assert [m for m in ms if m.metric in ("revenue", "segment_revenue", "segment_profit")] == []


def test_a_period_written_with_spaces_is_no_other_companys_name(tmp_path):
    ms, _ = extract(tmp_path, "2024 年第二季調整後淨利同比增 26.2% 至 50 億元人民幣。", "星河", Q2_2024)
    m = only(ms, "non_gaap_net_income")
    assert (m.value, m.yoy_pct, m.scope) == (5_000_000_000, 26.2, "quarter")


def test_bare_ratio_after_an_unknown_name_without_unit_noun_is_left_out(tmp_path):
    # a ratio right after a figure of a part the lexicon does not know (a subsidiary, written without
    # 业务/板块…) may be the part's or the group's: never reported as the group's
    text = "第三季度毛利率为23%。旗下子公司表现亮眼，美国Zeta公司营收年增40%，毛利率冲58%。"
    ms, notes = extract(tmp_path, text, "某某水泥", Q3_2024)
    assert [m.value for m in ms if m.metric == "gross_margin"] == [23]
    assert any("毛利率" in n and "left out" in n for n in notes)


def test_bare_ratio_after_a_named_unit_is_still_the_units(tmp_path):
    text = "第三季度毛利率为23%。互连类芯片产品线销售收入为15亿元，毛利率为64%。"
    ms, _ = extract(tmp_path, text, "某某科技", Q3_2024)
    assert sorted(m.value for m in ms if m.metric == "gross_margin" and m.segment is None) == [23]


@pytest.mark.parametrize("quoted", ["「羽绒服」业务", "“羽绒服”业务", "『羽绒服』业务"])
def test_unit_named_in_quotes_is_the_units(tmp_path, quoted):
    # a business unit's name written in quotes before 业务收入 is still the unit's name: never the total
    text = f"全年收入为259亿元。其中{quoted}收入216.68亿元,同比增长10.76%。"
    ms, _ = extract(tmp_path, text, "某某服饰", Q4_2023)
    assert only(ms, "revenue").value == 25_900_000_000
    assert only(ms, "segment_revenue", "羽绒服").value == 21_668_000_000
