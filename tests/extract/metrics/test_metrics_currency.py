"""Currencies: a bare 元 in a Taiwanese text, an amount without a currency, a currency the reader does not know."""

from tests.metrics_cases import H1_2024, Q2_2024, Q3_2024, extract, only


def test_bare_yuan_in_a_taiwan_text_is_twd(tmp_path):
    text = "第三季稅後純益新台幣3,252.6億元，每股盈餘12.54元。"
    ms, _ = extract(tmp_path, text, "台积电", Q3_2024)
    assert (only(ms, "net_income").unit, only(ms, "eps").unit) == ("TWD", "TWD")
    assert only(ms, "eps").value == 12.54


def test_unknown_currency_is_left_out_not_dollars(tmp_path):
    text = "星河越南第二季度营收为5,000亿越南盾，同比增长9%。"
    ms, notes = extract(tmp_path, text, "星河越南", Q2_2024)
    assert [m for m in ms if m.value is not None and m.metric == "revenue"] == []
    assert any("currency" in n for n in notes)


def test_a_taiwanese_companys_bare_yuan_is_twd(tmp_path):
    text = "联发科第三季合并营收1200.5亿元，年增10%；每股纯益(EPS)12.30元。"
    ms, _ = extract(tmp_path, text, "联发科", Q3_2024)
    assert (only(ms, "revenue").unit, only(ms, "eps").unit) == ("TWD", "TWD")


def test_a_text_naming_renminbi_keeps_bare_yuan_cny_for_a_taiwanese_company(tmp_path):
    text = "联发科在大陆子公司第三季营收人民币30亿元。\n联发科第三季合并营收1200.5亿元，年增10%。"
    ms, _ = extract(tmp_path, text, "联发科", Q3_2024)
    assert {m.unit for m in ms if m.metric == "revenue"} == {"CNY"}


def test_an_amount_without_currency_takes_the_companys_when_the_text_names_none(tmp_path):
    text = "第三季度销售收入为21.5亿，环比增长6%。"
    ms, _ = extract(tmp_path, text, "中芯国际", Q3_2024)
    assert only(ms, "revenue").unit == "USD"


def test_bare_yuan_of_a_dollar_reporting_company_stays_cny(tmp_path):
    text = "按中国企业会计准则，中芯国际第三季度营业收入为150.2亿元，同比增长30%。"
    ms, _ = extract(tmp_path, text, "中芯国际", Q3_2024)
    assert only(ms, "revenue").unit == "CNY"


def test_a_company_only_the_listed_registry_knows_on_a_taiwan_exchange_reports_in_twd(tmp_path):
    text = "广达第三季合并营收5,041亿元，税后净利168亿元。"  # 广达: in the registry (TWSE), not the lexicon
    ms, _ = extract(tmp_path, text, "广达", Q3_2024)
    assert (only(ms, "revenue").unit, only(ms, "net_income").unit) == ("TWD", "TWD")


def test_taiwanese_wording_makes_bare_yuan_twd_for_an_unknown_company(tmp_path):
    text = "星河电子法说会：第三季营收120亿元，季增5%、年增12%；税后净利15亿元，年减3%。"
    ms, _ = extract(tmp_path, text, "星河电子", Q3_2024)
    assert (only(ms, "revenue").unit, only(ms, "net_income").unit) == ("TWD", "TWD")


def test_mixed_wording_leaves_bare_yuan_cny(tmp_path):
    text = "星河餐饮上半年收入120亿元，按年增长5%，同比去年同期多开门店；纯利15亿元，年增3%。"
    ms, _ = extract(tmp_path, text, "星河餐饮", H1_2024)
    assert only(ms, "revenue").unit == "CNY"
