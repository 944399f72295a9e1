"""Classes of wording met in the real-text corpus (tests/realtext/), each with short sentences written
for the test: Hong Kong 收益, local currencies of a bare 元, and the others below.

Companies below are made up (not in the companies lexicon) unless the test is about the lexicon.
"""

from tests.metrics_cases import H1_2024, extract, only


def test_hong_kong_shouyi_is_revenue(tmp_path):
    text = "星河公布中期業績，期內收益148.11億元人民幣，按年上升40.3%。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    m = only(ms, "revenue")
    assert (m.value, m.unit, m.yoy_pct, m.scope) == (14_811_000_000, "CNY", 40.3, "half_year")


def test_segment_shouyi_is_segment_revenue(tmp_path):
    text = (
        "上半年，星河分部收益增长26.3%至人民币133.6亿元；包装饮用水产品收益按年增长10.7%至人民币94.43亿元。"
    )
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    rev = {m.segment: m for m in ms if m.metric == "segment_revenue"}
    assert rev["包装饮用水产品"].value == 9_443_000_000 and rev["包装饮用水产品"].yoy_pct == 10.7


def test_gains_are_not_revenue(tmp_path):
    text = "上半年星河投资收益为3亿元，公允价值变动收益2亿元。"
    ms, _ = extract(tmp_path, text, "星河", H1_2024)
    assert [m for m in ms if m.metric in ("revenue", "segment_revenue")] == []
