"""Chinese metrics, round 7: the currency of a bare 元 in a Hong Kong paper, ..."""

from datetime import date

from generator.model import Period
from tests.metrics_cases import H1_2024, Q3_2024, extract, only

FY_2024 = Period(2024, None, date(2024, 12, 31))

# 恒隆地产: the listed registry knows it on HKEX only; the companies lexicon does not know it.
HK_PAPER = "恒隆地產公布中期業績，股東應佔溢利為25.34億元，按年減少3%；收入為50.1億元，按年增加2%。"


def test_a_hong_kong_papers_bare_yuan_of_a_company_listed_only_in_hong_kong_is_hkd(tmp_path):
    ms, _ = extract(tmp_path, HK_PAPER, "恒隆地产", H1_2024)
    assert {m.metric: m.unit for m in ms} == {"net_income": "HKD", "revenue": "HKD"}


def test_the_same_company_in_mainland_wording_keeps_bare_yuan_cny(tmp_path):
    text = HK_PAPER.replace("按年", "同比")
    ms, _ = extract(tmp_path, text, "恒隆地产", H1_2024)
    assert {m.metric: m.unit for m in ms} == {"net_income": "CNY", "revenue": "CNY"}


def test_one_hong_kong_word_is_not_enough(tmp_path):
    text = "恒隆地產公布中期業績，股東應佔溢利為25.34億元，按年減少3%；收入為50.1億元。"
    ms, _ = extract(tmp_path, text, "恒隆地产", H1_2024)
    assert only(ms, "net_income").unit == "CNY"


def test_renminbi_named_for_the_accounts_wins_over_the_listing(tmp_path):
    text = HK_PAPER + "\n期內經營溢利為人民幣12.3億元，按年增加1%。"
    ms, _ = extract(tmp_path, text, "恒隆地产", H1_2024)
    assert only(ms, "net_income").unit == "CNY"


def test_a_company_listed_in_shanghai_keeps_bare_yuan_cny_in_hong_kong_wording(tmp_path):
    text = "贵州茅台公布中期業績，股東應佔溢利為25.34億元，按年減少3%；收入為50.1億元，按年增加2%。"
    ms, _ = extract(tmp_path, text, "贵州茅台", H1_2024)
    assert only(ms, "net_income").unit == "CNY"


def test_a_declaration_with_a_middle_dot_holds_for_bare_yuan(tmp_path):
    text = "恒隆地產公布中期業績，股東應佔溢利24.83億元(人民幣‧下同)，按年增長27.66%；收益148.11億元，按年上升40.34%。"
    ms, _ = extract(tmp_path, text, "恒隆地产", H1_2024)
    assert {m.metric: m.unit for m in ms} == {"net_income": "CNY", "revenue": "CNY"}


def test_a_margin_without_a_one_off_item_is_not_the_reported_margin(tmp_path):
    text = "星河第三季营业毛利率若排除一次性因素后,应为21.1%,一次性评价损失影响毛利率约5.1个百分点。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert [m for m in ms if m.metric == "gross_margin"] == []


def test_hong_kong_core_and_underlying_profit_are_the_adjusted_net_income(tmp_path):
    text = (
        "星河地產去年純利下降81.3%至8.91億元。若撇除投資物業重估減值淨額,核心純利則升2.1%至61.39億元。\n"
        "星河置業歸屬股東基礎溢利為122.13億元，按年增加16.7%。"
    )
    ms, _ = extract(tmp_path, text, "星河地产", FY_2024)
    assert sorted(m.value for m in ms if m.metric == "non_gaap_net_income") == [6139000000, 12213000000]
    assert only(ms, "net_income").value == 891000000


def test_a_quoted_units_name_before_a_unit_noun_is_its_name(tmp_path):
    text = "星河第三季度总营收为100亿元。「智能汽车」部门收入为20亿元，同比增长12%。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert only(ms, "segment_revenue", "智能汽车部门").value == 2000000000


def test_an_amount_in_any_lexicon_currency_before_a_units_name_is_no_part_of_it(tmp_path):
    text = "星河第三季度总营收为100亿元，20亿美金游戏收入同比增长12%；12亿台币酱油收入增长3%。"
    ms, _ = extract(tmp_path, text, "星河", Q3_2024)
    assert [m.segment for m in ms if m.metric == "segment_revenue"] == ["游戏", "酱油"]
