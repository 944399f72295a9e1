"""Chinese wording classes met in the real-text corpus (issue 9 item 4), each with short sentences
written for the test: figures of another period or a goal kept out, growth wording, units.

Companies below are made up (not in the companies lexicon).
"""

from tests.metrics_cases import H1_2024, Q3_2024, Q4_2024, extract, only


def test_a_year_named_before_tongqi_marks_the_earlier_figure(tmp_path):
    text = "2024年第四季度星河营收8.59亿元;净利润达8640万元,较2023年同期净亏损1.03亿元大幅逆转。"
    ms, _ = extract(tmp_path, text, "星河", Q4_2024)
    assert only(ms, "net_income").value == 86_400_000
    assert all(m.value != -103_000_000 for m in ms)


def test_a_year_before_tongqi_still_names_that_year(tmp_path):
    text = "星河披露2023年上半年营收同比下降11%,净亏损由2022年同期的3080万元,进一步扩大至2.02亿元。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert [m for m in ms if m.metric == "net_income"] == []  # 2023's loss in a 2024 call


def test_a_goal_in_quotation_marks_is_no_figure(tmp_path):
    text = "第三季度星河月活跃用户8140万。CEO曾提出“MAU破3亿”的目标,但如今用户增长已显疲态。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "mau").value == 81_400_000


def test_an_earlier_quarter_in_a_half_year_call_is_another_period(tmp_path):
    text = (
        "2024年上半年,公司实现营业总收入104亿元,同比增长26%。"
        "分季度看:Q1实现收入47.78亿元,同比增长40%;Q2实现收入56.19亿元,同比增长16%。"
    )
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    values = {m.value for m in ms if m.metric == "revenue"}
    assert 10_400_000_000 in values and 5_619_000_000 in values
    assert 4_778_000_000 not in values


def test_the_first_half_in_a_third_quarter_call_is_another_period(tmp_path):
    text = "今年上半年星河净利润亏损合计54亿元;第三季度净利润亏损12.61亿元。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert [m.value for m in ms if m.metric == "net_income"] == [-1_261_000_000]


def test_a_multiple_after_an_up_word_is_a_change(tmp_path):
    text = "第三季星河稅後淨利70.8億元，季增5.86倍，年增6.8%。全年純利按年飆1.31倍。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    m = only(ms, "net_income")
    assert (m.value, m.qoq_pct, m.yoy_pct) == (7_080_000_000, 586, 6.8)


def test_a_multiple_reached_is_a_level_not_a_change(tmp_path):
    text = "第三季星河营收12亿元,同比升至1.5倍。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "revenue").yoy_pct is None


def test_zhao_before_a_currency_is_a_trillion(tmp_path):
    text = "星河第三季營收新台幣2.06兆元、年增11%；新增裝機5兆瓦。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    m = only(ms, "revenue")
    assert (m.value, m.unit, m.yoy_pct) == (2_060_000_000_000, "TWD", 11)


def test_qian_san_ji_is_the_year_to_date(tmp_path):
    text = "星河第三季營收2,000億元。前三季累計，淨利1,441億元、年增35%。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "net_income").scope == "year_to_date"


def test_a_bare_yuan_is_hong_kong_dollars_for_a_company_reporting_in_them(tmp_path):
    text = "周大福公布中期業績，股東應佔溢利為25.34億元，按年持平；營業額為389.86億元，按年減少1.1%。"
    ms, _ = extract(tmp_path, text, "周大福珠宝", H1_2024)
    assert {m.metric: m.unit for m in ms} == {"net_income": "HKD", "revenue": "HKD"}


def test_a_bare_yuan_stays_renminbi_for_a_company_reporting_in_renminbi(tmp_path):
    text = "星河公布中期業績，股東應佔溢利為25.34億元，按年持平；回購股份3億港元。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "net_income").unit == "CNY"


def test_a_level_before_the_next_change_is_no_change(tmp_path):
    text = "上半年星河营收100亿元,毛利率48.56%同比下降0.88个百分点,净利率19.29%同比下降1.66个百分点。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    m = only(ms, "gross_margin")
    assert (m.value, m.yoy_pct, m.change_pp) == (48.56, None, -0.88)


def test_hong_kong_core_profit_after_exclusions_is_the_adjusted_profit(tmp_path):
    text = "上半年股东应占溢利为57亿元,剔除公平值变动等影响后之股东应占核心溢利为45亿元。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "non_gaap_net_income").value == 4_500_000_000
    assert only(ms, "net_income").value == 5_700_000_000


def test_a_profit_word_after_an_adjusted_qualifier_is_the_adjusted_profit(tmp_path):
    text = "上半年期内盈利增长27.4%至25.9亿元,非国际财务报告准则盈利同比增长35.0%至35.7亿元。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "non_gaap_net_income").value == 3_570_000_000
    assert only(ms, "net_income").value == 2_590_000_000


def test_a_milestone_passed_then_the_figure(tmp_path):
    text = "第三季度集团单季度经调整利润首次突破100亿元,达到107亿元,同比增长64%。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    m = only(ms, "non_gaap_net_income")
    assert (m.value, m.yoy_pct) == (10_700_000_000, 64)


def test_an_approximate_figure_keeps_a_later_clause_of_another_thing_apart(tmp_path):
    text = "第三季度经调整利润约100亿元,研发投入达到107亿元。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "non_gaap_net_income").value == 10_000_000_000


def test_a_year_before_the_half_is_no_company_name(tmp_path):
    text = "8月18日,星河发布的半年报显示,2024年上半年实现营业收入242.5亿元,同比增长174%。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    m = only(ms, "revenue")
    assert (m.value, m.yoy_pct) == (24_250_000_000, 174)


def test_another_company_before_a_year_is_still_another_company(tmp_path):
    text = "上半年星河营收100亿元;理想汽车2024年上半年营业收入242.5亿元。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert [m.value for m in ms if m.metric == "revenue"] == [10_000_000_000]


def test_things_counted_are_no_business_unit(tmp_path):
    text = "星河上半年收入138.8亿元。上半年共有5个IP收入超过10亿元,去年同期没有一个IP收入破10亿。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert [m.metric for m in ms] == ["revenue"]


def test_a_listed_company_outside_the_lexicon_is_a_rival(tmp_path):
    text = (
        "上半年星河营收100亿元。"
        "與星河并稱“面板雙雄”的TCL科技(000100.SZ)于8月26日發布半年報,營收同比增長13.6%至845.22億元。"
    )
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert [m.value for m in ms if m.metric == "revenue"] == [10_000_000_000]


def test_growth_from_the_same_period_of_a_named_year_to_a_figure(tmp_path):
    text = "2024年第三季度,我们的收入由2023年同期的936亿元增长2%,来到955亿元。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    m = only(ms, "revenue")
    assert (m.value, m.yoy_pct) == (95_500_000_000, 2)


def test_the_same_period_of_a_named_year_scopes_its_sentence_only(tmp_path):
    text = (
        "第三季度营业收入为3.4亿元,营业利润率为5%,而2023年同期营业收入为9.4亿元,营业利润率为12%。"
        "调整后的净利润为7.863亿元,同比增长233%。"
    )
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "operating_margin").value == 5
    assert only(ms, "non_gaap_net_income").value == 786_300_000


def test_a_contrast_clause_period_keeps_to_its_part_of_the_sentence(tmp_path):
    text = (
        "星河发布2024年中期业绩,上半年的收入为156.10亿元,而2023年上半年为138.22亿元,同比增加12.9%;"
        "撇除公平值变动,集团的股东应占基本溢利同比增长14.9%至30.69亿元。"
    )
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "non_gaap_net_income").value == 3_069_000_000
    assert only(ms, "revenue").value == 15_610_000_000


def test_more_names_of_deliveries_subscribers_and_operating_margin(tmp_path):
    text = (
        "第三季度星河交付总量为3838辆,同比下降3.8%;日均订阅会员数为1.12亿;调整后运营利润率9.3%,上年同期9.5%。"
    )
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert (only(ms, "deliveries").value, only(ms, "deliveries").yoy_pct) == (3838, -3.8)
    assert only(ms, "paying_users").value == 112_000_000
    assert only(ms, "non_gaap_operating_margin").value == 9.3


def test_last_years_fourth_quarter_is_the_own_quarter_of_a_fourth_quarter_call(tmp_path):
    text = "星河去年第4季合併營收新台幣6,386.37億元，季增29.0％，年增53％；去年同期營收4,173億元。"
    ms, _ = extract(tmp_path, text, "星河", Q4_2024)
    m = only(ms, "revenue")
    assert (m.value, m.qoq_pct, m.yoy_pct) == (638_637_000_000, 29.0, 53)


def test_last_years_fourth_quarter_is_earlier_in_a_third_quarter_call(tmp_path):
    text = "星河第三季營收新台幣5,000億元。去年第4季合併營收6,386.37億元。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert [m.value for m in ms if m.metric == "revenue"] == [500_000_000_000]


def test_a_short_name_the_text_gives_the_company_is_its_own(tmp_path):
    text = (
        "8月27日,星河冰城股份有限公司(以下簡稱“星河集團”)公布2024年中期業績。"
        "上半年,星河集團實現收入148.7億元(人民幣,下同),同比增長39.3%。"
    )
    ms, _ = extract(tmp_path, text, "星河冰城", H1_2024)
    m = only(ms, "revenue")
    assert (m.value, m.yoy_pct) == (14_870_000_000, 39.3)


def test_a_pinyin_gloss_is_no_part_of_a_segment_name(tmp_path):
    text = "2024年上半年，在線業(yè)務收入為人民幣39.481億元。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "segment_revenue", "在线").value == 3_948_100_000


def test_a_parts_contribution_is_not_the_groups_figure(tmp_path):
    text = "2024年实现归母净利润42.7亿元,其中嘉里物流在第四季度并表贡献归母净利润约3.7亿元。"
    ms, notes = extract(tmp_path, text, "星河", Q4_2024)
    assert [m.value for m in ms if m.metric == "net_income"] == [4_270_000_000]


def test_several_companies_counted_make_an_aggregate(tmp_path):
    text = (
        "13 家金控 10 月自結稅後純益合計 737.56 億元，月增 6.87%。\n"
        "星河金今年前 10 月累計稅後純益已達 293.3 億元。"
    )
    ms, _ = extract(tmp_path, text, "星河金", Q3_2024)
    m = only(ms, "net_income")
    assert (m.value, m.scope) == (29_330_000_000, "year_to_date")


def test_a_small_net_shouru_beside_the_total_is_the_net_income(tmp_path):
    text = (
        "第三季度总净收入为23.8亿人民币,低于去年同期的29.8亿人民币 [7] - "
        "第三季度净收入为6000万人民币,低于去年同期的5.24亿人民币;非GAAP净收入为1.06亿人民币。"
    )
    ms, notes = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "revenue").value == 2_380_000_000
    assert only(ms, "net_income").value == 60_000_000
    assert only(ms, "non_gaap_net_income").value == 106_000_000
    assert any("read as net_income" in n for n in notes)


def test_a_net_shouru_alone_stays_the_revenue(tmp_path):
    text = "第三季度净收入为23.8亿人民币,同比增长5%。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "revenue").value == 2_380_000_000


def test_a_conjunction_before_the_period_is_no_company_name(tmp_path):
    text = "一季度营收增速1.46%,二季度反弹至5.77%。但第三季度营业收入285.63亿元,同比下滑1.63%,再度转负。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    m = only(ms, "revenue")
    assert (m.value, m.yoy_pct) == (28_563_000_000, -1.63)


def test_tenths_and_percent_in_words_are_changes(tmp_path):
    text = "星河中期純利多賺逾百分之6,至591億元。營運收入升一成三,至4,436億元人民幣。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert (only(ms, "net_income").value, only(ms, "net_income").yoy_pct) == (59_100_000_000, 6)
    assert (only(ms, "revenue").value, only(ms, "revenue").yoy_pct) == (443_600_000_000, 13)


def test_cheng_without_a_numeral_is_no_change(tmp_path):
    text = "上半年星河營運收入4,436億元人民幣,成長動能完成轉換。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "revenue").yoy_pct is None


def test_a_share_valuation_in_another_currency_does_not_set_the_accounts_currency(tmp_path):
    text = (
        "星河发布了2024年上半年财报,报告期内录得营收 140.19 亿,同比增长 13%;但净利录得 21.21 亿元。\n"
        "股价坐上过山车,先是从 1900 亿港元市值腰斩至 1000 亿港元。"
    )
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "revenue").unit == "CNY"


def test_a_verb_or_the_report_before_the_period_is_no_company_name(tmp_path):
    text = (
        "星河昨日舉行法說會,公布今(2024)年第三季財報合并營收新台幣374.2億元,"
        "較上季的383.1億元微幅減少2.3%,較去年同期的344億元成長約8.8%。"
    )
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    m = only(ms, "revenue")
    assert (m.value, m.qoq_pct, m.yoy_pct) == (37_420_000_000, -2.3, 8.8)


def test_items_counted_are_no_money_and_a_figure_recorded_is_taken(tmp_path):
    text = (
        "上半年星河的收入增長21.1%至188.6億元,其中,來自光電產品收入升幅達27.3%,錄得148.7億元,"
        "主因手機攝像模組的出貨量急漲近兩成半至2.69億件。"
    )
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    m = only(ms, "segment_revenue", "光电产品")
    assert (m.value, m.yoy_pct) == (14_870_000_000, 27.3)


def test_a_sentence_declaring_the_currency_of_all_amounts_holds_for_bare_yuan(tmp_path):
    text = (
        "星河今天公布第三季度业绩。(除另有注明以外,所有金额以港元列示)第三季度星河营收为122亿元,同比上升14%。"
    )
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    m = only(ms, "revenue")
    assert (m.value, m.unit) == (12_200_000_000, "HKD")


def test_a_currency_named_in_passing_is_no_declaration(tmp_path):
    text = "第三季度星河营收为122亿元,同比上升14%。星河计划以港元派息。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "revenue").unit == "CNY"


def test_the_same_wording_in_simplified_characters_stays_yuan(tmp_path):
    text = "星河公布全年业绩,股东应占溢利为53.8亿元,按年增长8%。末期息每股派0.5元,全年派息0.9元。"
    ms, _ = extract(tmp_path, text, "星河", Q4_2024)
    assert only(ms, "net_income").unit == "CNY"


def test_profit_due_to_shareholders_is_net_income(tmp_path):
    text = "星河公布,2024年中期股東應得溢利增加8%至136.56億元(2023年上半年為126.47億元)。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    m = only(ms, "net_income")
    assert (m.value, m.scope, m.yoy_pct) == (13_656_000_000, "half_year", 8)


def test_the_end_of_the_period_reported_names_no_company_and_no_earlier_period(tmp_path):
    text = "星河公布,截至去年底止全年盈利創新高,按年增長2.7%至320億元。"
    ms, _ = extract(tmp_path, text, "星河", Q4_2024)
    m = only(ms, "net_income")
    assert (m.value, m.scope, m.yoy_pct) == (32_000_000_000, "fiscal_year", 2.7)


def test_last_year_outside_a_period_end_phrase_still_names_the_earlier_figure(tmp_path):
    text = "星河公布,全年盈利按年增長2.7%至320億元,去年同期盈利為311.6億元。"
    ms, _ = extract(tmp_path, text, "星河", Q4_2024)
    assert [m.value for m in ms if m.metric == "net_income"] == [32_000_000_000]


def test_a_year_in_chinese_numerals_names_the_period(tmp_path):
    text = "本集團於二零二四年上半年的未經審計之綜合營業額為人民幣239.42億元,同比增長0.8%。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    m = only(ms, "revenue")
    assert (m.value, m.scope, m.yoy_pct) == (23_942_000_000, "half_year", 0.8)


def test_a_year_in_chinese_numerals_names_another_period_too(tmp_path):
    text = "二零二三年上半年星河营收为人民币200亿元。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert [m for m in ms if m.metric == "revenue"] == []


def test_a_bracketed_comparison_keeps_its_period_to_the_bracket(tmp_path):
    text = (
        "2024年上半年,星河的收益上升13.8%至人民币259.7亿元(二零二三年上半年:人民币228.1亿元),"
        "整体经营溢利减少1.9%至人民币57.9亿元(二零二三年上半年:人民币59.0亿元)。"
    )
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    m = only(ms, "operating_income")
    assert (m.value, m.scope, m.yoy_pct) == (5_790_000_000, "half_year", -1.9)
    assert all(x.value not in (22_810_000_000, 5_900_000_000) for x in ms)


def test_metric_words_listed_take_the_figures_listed_after_fenbie_in_order(tmp_path):
    text = "星河第三季度营收、净利润分别为120亿元和15亿元,同比分别增长10%、20%。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert (only(ms, "revenue").value, only(ms, "revenue").yoy_pct) == (12_000_000_000, 10)
    assert (only(ms, "net_income").value, only(ms, "net_income").yoy_pct) == (1_500_000_000, 20)


def test_one_metric_word_with_figures_listed_for_several_periods_takes_none(tmp_path):
    text = "星河第一至第三季度营收分别为100亿元、110亿元、120亿元。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert [m for m in ms if m.metric == "revenue"] == []


def test_a_change_given_as_an_amount_then_its_rate(tmp_path):
    text = "2024年上半年星河的收入為人民幣744.36億元,較2023年同期減少人民幣185.48億元(即-19.9%)。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    m = only(ms, "revenue")
    assert (m.value, m.yoy_pct) == (74_436_000_000, -19.9)


def test_a_rate_after_or_following_a_change_amount_takes_its_direction(tmp_path):
    text = "2024年上半年星河营收为120亿元,同比减少20亿元或14.3%。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "revenue").yoy_pct == -14.3


def test_a_starting_figure_after_from_and_its_period_is_not_the_level(tmp_path):
    text = "第三季度星河的月活跃用户数从2023年9月的2.82亿增长至2024年9月的3.61亿,同比增长28%。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "mau").value == 361_000_000


def test_the_first_three_quarters_in_hong_kong_wording_are_the_year_to_date(tmp_path):
    text = "星河公布,截至9月30日止首三季營業收入2901億元,增長3%。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "revenue").scope == "year_to_date"


def test_a_signed_rate_in_a_bracket_is_a_change_when_the_line_declares_its_basis(tmp_path):
    text = "2024年第三季度星河实现收入101.04亿元(+7.7%,以下均为同比口径),净利润32.78亿元(-26.9%),毛利率50%(+1.2%)。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "revenue").yoy_pct == 7.7
    assert only(ms, "net_income").yoy_pct == -26.9
    assert only(ms, "gross_margin").yoy_pct is None  # points or a relative change: not said


def test_a_signed_rate_in_a_bracket_without_a_basis_is_no_change(tmp_path):
    text = "2024年第三季度星河实现收入101.04亿元(+7.7%),净利润32.78亿元(环比-6.9%)。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "revenue").yoy_pct is None
    assert only(ms, "net_income").qoq_pct == -6.9


def test_tenths_written_with_a_digit_are_a_change(tmp_path):
    text = "星河第三季稅後純益9.82億元、年減7成;合併營收年增約3成,達226.62億元,成本年增2成本。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "net_income").yoy_pct == -70
    assert only(ms, "revenue").yoy_pct == 30


def test_a_list_lead_may_say_which_way_the_figures_went(tmp_path):
    text = "星河第三季合併營收226.62億元,毛利率及營益率並較上季收斂,分別降至13.87%及6.1%。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "gross_margin").value == 13.87
    assert only(ms, "operating_margin").value == 6.1


WRAPPED = (
    "星河第3季獲利單季次高\n"
    "\n"
    "(記者台北電)封測大廠星河下午召開法人說明會並公布第3季\n"
    "合併損益,第3季稅後獲利新台幣174.65億元,較第2季\n"
    "159.88億元成長9%,比去年同期141.76億元增加23%,創單\n"
    "季次高;第3季合併營收1886.26億元,營業利益率為\n"
    "12.6%。累計前3季合併營業利益604.02億元,營業利益率\n"
    "12.24%。\n"
)


def test_a_hard_wrapped_sentence_is_read_across_its_lines(tmp_path):
    ms, _ = extract(tmp_path, WRAPPED, "星河", Q3_2024)
    income = only(ms, "net_income")
    assert (income.value, income.yoy_pct, income.qoq_pct) == (17_465_000_000, 23, 9)
    assert income.evidence.line == 4
    margins = {m.scope: m.value for m in ms if m.metric == "operating_margin"}
    assert margins == {"quarter": 12.6, "year_to_date": 12.24}
    assert [m.evidence.line for m in ms if m.metric == "operating_margin"] == [7, 8]


def test_a_figure_wrapped_across_two_lines_keeps_its_value_and_its_line(tmp_path):
    text = "星河公布2024年第三季度業績,本集團的收入為人民幣\n744.36億元,較2023年同期減少人民幣185.48億元(即-19.9%)。\n"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    revenue = only(ms, "revenue")
    assert (revenue.value, revenue.unit, revenue.yoy_pct, revenue.evidence.line) == (
        74_436_000_000,
        "CNY",
        -19.9,
        2,
    )


def test_short_lines_without_punctuation_are_not_joined(tmp_path):
    text = "星河第三季度\n营收\n12亿元\n"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert [m for m in ms if m.metric == "revenue" and m.value == 1_200_000_000] == []


def test_a_change_against_a_named_quarter_takes_that_quarters_basis(tmp_path):
    text = "2024年第3季星河合併營收1886.26億元,較第2季1604.39億元成長17.6%,比去年同期1506.65億元增加25.2%;毛利率20.1%,較第2季21.4%減少1.3個百分點。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    revenue = only(ms, "revenue")
    assert (revenue.value, revenue.qoq_pct, revenue.yoy_pct) == (188_626_000_000, 17.6, 25.2)
    margin = only(ms, "gross_margin")
    assert (margin.value, margin.yoy_pct, margin.qoq_pct) == (20.1, None, None)


def test_a_bullet_run_into_the_line_starts_a_new_item(tmp_path):
    text = (
        "核心财务表现 (3Q24) * 3Q24星河营收154亿元 同比增长25% 超出高盛预期3个百分点 [1] "
        "* 3Q24星河净利润5.04亿元 同比大幅下降53% 环比下降54% [1] "
        "* 盈利不及预期主因一次性费用:股权激励费用约5亿元 [1]"
    )
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    income = only(ms, "net_income")
    assert (income.value, income.yoy_pct, income.qoq_pct) == (504_000_000, -53, -54)


def test_profit_attributable_to_the_parents_holders_is_net_income(tmp_path):
    text = "2024年第三季度,星河錄得收入約262.0億元。歸屬於母公司持有者應佔盈利約23.3億元。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "net_income").value == 2_330_000_000


def test_a_bulleted_items_period_keeps_to_its_item(tmp_path):
    text = (
        "财务表现 - 2024H1星河营业收入115.07亿元 同比增长9.12% [1] "
        "- 2024Q2营业收入54.81亿元 同比增长2.47% [1] - 毛利率48.56%同比下降0.88个百分点 [1]"
    )
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "gross_margin").scope in (None, "half_year")  # not the Q2 of the item before
    revenue = {m.scope: m.value for m in ms if m.metric == "revenue"}
    assert revenue == {"half_year": 11_507_000_000, "quarter": 5_481_000_000}  # 2024H1 names the half


def test_a_level_followed_by_a_compared_figure_is_no_change(tmp_path):
    text = "2024年第三季度星河毛利率16.2% 较上年同期16.5%保持稳定 较上季度19.1%下降2.9个百分点。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    margin = only(ms, "gross_margin")
    assert (margin.value, margin.qoq_pct, margin.yoy_pct) == (16.2, None, None)


GROUPED_TABLE = (
    "星河2024年第三季度报告\n"
    "单位:人民币百万元\n"
    "项目 | 截至9月30日止3个月 (7-9月)期间 | 截至9月30日止9个月 (1-9月)期间 | |||||\n"
    "2024年 | 2023年 | 本报告期 比上年同期 增减(%) | 2024年 | 2023年 | 比上年 同期增减(%) | ||\n"
    "营业收入 | 683,760 | 497,125 | 37.5 | 1,880,341 | 1,426,170 | 31.8 | |\n"
    "归属于母公司股东的净利润 | 22,089 | 40,050 | (44.8) | 75,126 | 10,067 | 646.3 | |\n"
)


def test_a_header_of_column_groups_over_a_row_of_years(tmp_path):
    ms, _ = extract(tmp_path, GROUPED_TABLE, "星河", Q3_2024)
    revenue = {m.scope: (m.value, m.yoy_pct) for m in ms if m.metric == "revenue"}
    assert revenue == {"quarter": (683_760_000_000, 37.5), "year_to_date": (1_880_341_000_000, 31.8)}
    income = {m.scope: (m.value, m.yoy_pct) for m in ms if m.metric == "net_income"}
    assert income["quarter"] == (22_089_000_000, -44.8)
    assert all(m.value not in (497_125_000_000, 40_050_000_000) for m in ms)  # the year-earlier column


def test_a_figure_set_as_the_years_performance_requirement_is_no_result(tmp_path):
    text = "星河公布第三季度业绩,净利润率8%。对于公司的业绩要求,董事长表示,净利润率保9%。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert [m.value for m in ms if m.metric == "net_margin"] == [8]


def test_a_short_name_that_starts_with_a_rivals_name_is_the_companys(tmp_path):
    text = "网易云音乐发布2024年上半年业绩。网易云上半年实现收入38.0亿元,较2023年同期的41.0亿元下降6.0%。"
    ms, _ = extract(tmp_path, text, "网易云音乐", H1_2024)
    revenue = only(ms, "revenue")
    assert (revenue.value, revenue.yoy_pct) == (3_800_000_000, -6.0)


def test_a_numbered_items_period_keeps_to_its_item(tmp_path):
    text = (
        "2024年上半年整体情况(1)营业收入:上半年星河实现营业总收入约104亿元,同比增长26%。"
        "分季度看:Q1实现收入47.78亿元;Q2实现收入56.19亿元,同比增长16%。"
        "(2)归母净利润:实现归属于上市公司股东的净利润19.75亿元,同比增长26%。"
    )
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "net_income").scope != "quarter"


def test_a_change_list_after_fenbie_reaches_back_over_semicolon_sentences(tmp_path):
    text = (
        "星河第三季度營收1,200億元、年增11%;毛利150億元、年增14%;淨利30億元、年增17%,"
        "分別較第二季成長15%、25%、30%。"
    )
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert (only(ms, "revenue").yoy_pct, only(ms, "revenue").qoq_pct) == (11, 15)
    assert (only(ms, "gross_profit").yoy_pct, only(ms, "gross_profit").qoq_pct) == (14, 25)
    assert (only(ms, "net_income").yoy_pct, only(ms, "net_income").qoq_pct) == (17, 30)


def test_a_change_list_does_not_reach_back_past_a_full_stop(tmp_path):
    text = "星河第三季度營收1,200億元。毛利150億元;淨利30億元,分別較第二季成長15%、25%、30%。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "revenue").qoq_pct is None  # three changes, two metrics in the full sentence


def test_bare_metric_after_another_companys_figure_is_that_companys(tmp_path):
    # 乙电信 is named as the subject of the first clause: its EPS and margin in the clauses that follow
    # (no subject of their own) are its too, never this company's
    text = "甲电信全年营收2,361.1亿元，每股盈余4.99元。乙电信全年营收1,987.6亿元，EPS 4.77元，毛利率30%，创新高。"
    ms, _ = extract(tmp_path, text, "甲电信", Q4_2024)
    assert [m.value for m in ms if m.metric == "eps"] == [4.99]
    assert [m for m in ms if m.metric == "gross_margin"] == []


def test_group_word_after_another_companys_figure_stays_the_groups(tmp_path):
    text = "乙电信全年营收1,987.6亿元，公司全年营收2,361.1亿元。"
    ms, _ = extract(tmp_path, text, "甲电信", Q4_2024)
    assert [m.value for m in ms if m.metric == "revenue"] == [236_110_000_000]
