"""Chinese metrics, round 7: the currency of a bare 元 in a Hong Kong paper, ..."""

from tests.metrics_cases import H1_2024, extract, only

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
