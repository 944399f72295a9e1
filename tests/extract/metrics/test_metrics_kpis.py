"""Buy-backs, balances, counts and platform figures: which amount is the figure named, and which is something else.

Companies below are made up (not in the companies lexicon) unless the test is about the lexicon.
"""

from tests.metrics_cases import ALI_FY24_Q4, Q2_2024, extract, only


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


def test_share_turnover_is_not_gmv(tmp_path):
    text = (
        "星河科技今日收报52.3港元，跌2%，成交额约30亿港元。\n本季度平台商品交易总额为1,200亿元，同比增长15%。"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    gmv = only(ms, "gmv")
    assert (gmv.value, gmv.unit, gmv.yoy_pct) == (120_000_000_000, "CNY", 15)


def test_a_cash_balance_is_cash_never_operating_cash_flow(tmp_path):
    text = (
        "第二季度经营现金流保持健康，截至6月末，公司账上持有现金及现金等价物共计约50亿元。\n"
        "我们的现金储备为1,230亿元。\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    assert not [m for m in ms if m.metric == "operating_cash_flow"]
    cash = {m.value: m for m in ms if m.metric == "cash"}
    assert set(cash) == {5_000_000_000, 123_000_000_000}
    assert cash[5_000_000_000].approximate and cash[5_000_000_000].scope is None


def test_a_share_count_change_is_not_the_buy_backs(tmp_path):
    text = "本季度我们回购了约1.5亿股普通股，股本净减少0.8%。"
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    assert not [m for m in ms if m.metric == "share_repurchase"]


def test_platform_kpis_paying_users_arppu_orders_active_customers(tmp_path):
    text = (
        "第二季度，在线视频付费会员数达1.05亿，同比增长8.2%，付费用户月均收入（ARPPU）为15.6元。\n"
        "本季度总订单数为3.2亿单，活跃客户数为5,600万；其中黄金会员活跃用户数同比增长6%。\n"
    )
    ms, _ = extract(tmp_path, text, "星河视频", Q2_2024)
    paying = only(ms, "paying_users")
    assert (paying.value, paying.unit, paying.yoy_pct) == (105_000_000, "users", 8.2)
    assert (only(ms, "arppu").value, only(ms, "arppu").unit) == (15.6, "CNY")
    assert (only(ms, "orders").value, only(ms, "orders").unit) == (320_000_000, "orders")
    customers = only(ms, "active_customers")  # the members' growth is a subset's, not all customers'
    assert (customers.value, customers.yoy_pct) == (56_000_000, None)


def test_buy_backs_under_a_programme_and_returns_this_year(tmp_path):
    text = (
        "第二季度我们依据股份回购计划回购了约2.1亿美元的股份。\n"
        "今年以来，包括年度股息在内，我们已累计向股东返还约4.6亿美元，并承诺全年回馈股东不低于8亿美元。\n"
        "截至目前，公司今年已累计回购超过9亿港元。\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    buybacks = {m.value: m.scope for m in ms if m.metric == "share_repurchase"}
    assert buybacks == {210_000_000: "quarter", 900_000_000: "year_to_date"}
    returns = [(m.value, m.scope) for m in ms if m.metric == "shareholder_return"]
    assert returns == [(460_000_000, "year_to_date")]


def test_a_new_buyback_programme_is_no_money_spent(tmp_path):
    text = (
        "本季度我们共回购了约2,000万股普通股，总金额约为5亿美元。"
        "董事会批准了一项新的股份回购计划，规模最高为50亿美元，有效期为24个月。"
    )
    ms, _ = extract(tmp_path, text, "京东", Q2_2024)
    assert [(m.metric, m.value) for m in ms] == [("share_repurchase", 500_000_000)]


def test_a_remaining_authorisation_is_still_reported(tmp_path):
    text = "截至本季度末，剩余回购授权额度为120亿美元。"
    ms, _ = extract(tmp_path, text, "阿里巴巴", ALI_FY24_Q4)
    assert only(ms, "repurchase_authorization_remaining").value == 12_000_000_000


def test_deliveries_after_a_car_unit_are_the_groups(tmp_path):
    text = "第二季，创新业务收入為50.0億元;期內交付新車18,456輛,毛利率為12.1%。"
    ms, _ = extract(tmp_path, text, "小米集团", Q2_2024)
    m = only(ms, "deliveries")
    assert (m.value, m.unit, m.scope) == (18_456, "vehicles", "quarter")
