"""Chinese wording classes of the fifth round on the real-text corpus (issue 9), each with short
sentences written for the test. Companies below are made up (not in the companies lexicon)."""

from datetime import date

from generator.model import Period
from tests.metrics_cases import H1_2024, Q3_2024, extract, only

FY_2024 = Period(2024, None, date(2024, 12, 31))


def test_an_after_tax_loss_is_a_negative_net_income(tmp_path):
    text = "星河第3季毛利率為-6.5%，稅後虧損 27.28 億元，較第2季的-33.3億元收斂。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "net_income").value == -2_728_000_000


def test_continuing_operations_is_a_qualifier_not_a_segment(tmp_path):
    text = "第三季度来自于持续运营业务的净亏损为330万美元,上一季度为净利润310万美元。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "net_income").value == -3_300_000
    assert all(m.segment is None for m in ms)


def test_revenue_together_with_joint_ventures_is_not_the_company_s(tmp_path):
    text = "星河集團連同合營/聯營企業的總營收達到1686.85億元,同比下降2.27%;星河集團營收為283.51億元,同比下降28.84%。"
    ms, _ = extract(tmp_path, text, "星河集团", H1_2024)
    revenue = only(ms, "revenue")
    assert revenue.value == 28_351_000_000 and revenue.yoy_pct == -28.84
    assert all(m.value != 168_685_000_000 for m in ms)


def test_the_end_of_a_month_is_no_monthly_scope(tmp_path):
    text = "星河公布了2024年上半年业绩。截至2024年6月末,资产总额突破52万亿元;实现营业收入4090.82亿元,同比增长1.8%。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    revenue = only(ms, "revenue")
    assert revenue.value == 409_082_000_000 and revenue.scope == "half_year"


def test_last_year_opening_the_figure_is_the_year_of_a_whole_year_call(tmp_path):
    text = "星河（1234）去年純利108.28億元，按年增長9.5%。"
    ms, _ = extract(tmp_path, text, "星河", FY_2024)
    assert only(ms, "net_income").value == 10_828_000_000


def test_last_year_stays_an_earlier_period_in_a_quarter_call(tmp_path):
    text = "星河第三季度净利润12亿元。去年纯利40亿元。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert [m.value for m in ms if m.metric == "net_income"] == [1_200_000_000]


def test_last_year_compared_with_or_a_part_of_it_stays_earlier(tmp_path):
    text = "星河2024年纯利120亿元,较去年的100亿元增长20%。去年第三季纯利30亿元。"
    ms, _ = extract(tmp_path, text, "星河", FY_2024)
    assert [m.value for m in ms if m.metric == "net_income"] == [12_000_000_000]


def test_a_bare_yuan_follows_hong_kong_dollars_named_in_the_accounts(tmp_path):
    text = "星河公布中期業績，股東應得溢利增加8%至136.56億元(去年上半年為港幣126.45億元)。"
    ms, notes = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "net_income").unit == "HKD"
    assert not any("has no currency" in n for n in notes)


def test_hong_kong_dollars_of_a_share_s_trading_do_not_decide(tmp_path):
    text = "星河公布中期業績，股東應得溢利為25.34億元。\n星河股價收報77.05港元，成交11.57億港元。"
    ms, notes = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "net_income").unit == "CNY"
    assert any("has no currency" in n for n in notes)  # 元 of which currency: the reader is told


def test_an_year_on_year_of_hong_kong_wording_is_no_taiwanese_wording(tmp_path):
    text = "星河公布中期業績，股東應佔溢利為25.34億元，按年增長3%；收入為389.86億元，按年增長1.1%。"
    ms, notes = extract(tmp_path, text, "星河", H1_2024)
    assert {m.unit for m in ms if m.metric in ("net_income", "revenue")} == {"CNY"}
    assert any("has no currency" in n for n in notes)


def test_a_list_of_metric_words_may_repeat_the_group_word_and_take_a_list_of_growth_rates(tmp_path):
    text = "星河合併總營收、合併EBITDA與稅後淨利分別為新台幣1103.5億元、380.8億元與137.3億元，年成長率分別為5.5%、4.9%及6.9%。"
    ms, _ = extract(tmp_path, text, "星河", FY_2024)
    assert (only(ms, "revenue").value, only(ms, "revenue").yoy_pct) == (110_350_000_000, 5.5)
    assert (only(ms, "net_income").value, only(ms, "net_income").yoy_pct) == (13_730_000_000, 6.9)


def test_net_shouyi_above_a_profit_figure_is_revenue(tmp_path):
    text = "于2024年第三季度星河净收益按年上升14%至122亿港元，经调整EBITDA按年上升14%至33亿港元。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert (only(ms, "revenue").value, only(ms, "revenue").unit) == (12_200_000_000, "HKD")


def test_net_shouyi_far_below_revenue_is_net_income(tmp_path):
    text = "2024年第三季度总净收入为人民币19.225亿元。2024年第三季度净收益为人民币1.957亿元。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "net_income").value == 195_700_000
    assert only(ms, "revenue").value == 1_922_500_000


def test_net_shouyi_alone_is_left_out_with_a_note(tmp_path):
    text = "2024年第三季度星河净收益为人民币1.957亿元。"
    ms, notes = extract(tmp_path, text, "星河", Q3_2024)
    assert [m for m in ms if m.metric in ("revenue", "net_income")] == []
    assert any("净收益" in n and "left out" in n for n in notes)


def test_a_list_lead_may_hedge_and_an_adjusted_sentence_opener_carries(tmp_path):
    text = "上半年,星河经营亏损和期内亏损分别约为15.92亿元和52.33亿元。经过调整,经营亏损和亏损净额分别为11.11亿元和13.33亿元。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert only(ms, "net_income").value == -5_233_000_000
    assert only(ms, "non_gaap_net_income").value == -1_333_000_000


def test_an_insurer_s_total_premiums_are_its_revenue_and_zhi_is_no_part_of_a_name(tmp_path):
    text = "2024年度,星河集團之總保費收入增長3.9%至5854.25億元,財產保險之總保費收入上升3.9%至4522.28億元。"
    ms, _ = extract(tmp_path, text, "星河", FY_2024)
    assert (only(ms, "revenue").value, only(ms, "revenue").yoy_pct) == (585_425_000_000, 3.9)
    assert only(ms, "segment_revenue", "财产保险").value == 452_228_000_000


def test_revenue_from_contracts_with_customers_is_revenue(tmp_path):
    text = "上半年,星河从客户那里获得的合同收入达到了约15.67亿元,与去年同期相比增长了67.6%。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert (only(ms, "revenue").value, only(ms, "revenue").yoy_pct) == (1_567_000_000, 67.6)


def test_a_comparison_with_the_last_quarter_framed_before_makes_the_change_sequential(tmp_path):
    text = "與上一季營收新台幣123.49億元相較，星河第三季營收約增加2%。星河第三季毛利增加5%。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    changes = sorted((m.metric, m.yoy_pct, m.qoq_pct) for m in ms)
    assert ("revenue", None, 2.0) in changes
    assert ("gross_profit", 5.0, None) in changes  # the next sentence is framed by nothing
