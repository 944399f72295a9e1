"""Tables of results: Markdown, tab- or wide-spaced and HTML rows, read column by column from the header."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.metrics.extractor import extract_metrics
from generator.extract.metrics.tables import unit_of
from generator.model import Company
from generator.source.read import read_source
from tests.metrics_cases import Q2_2024, Q3_2024, extract, only


def test_markdown_table_reads_columns_by_header(tmp_path):
    text = (
        "| 指标 | 2023年第三季度 | 2024年第三季度 | 同比变动 |\n"
        "| --- | --- | --- | --- |\n"
        "| 营收 | 2,478.0 亿元 | 2,604.0 亿元 | +5.1% |\n"
        "| 净利润 | 120.5 亿元 | 115.2 亿元 | -4.4% |\n"
        "| 经调整净利润 | 130.0 亿元 | 140.0 亿元 | +7.7% |\n"
        "| 毛利率 | 15.0% | 15.8% | +0.8pct |"
    )
    ms, _ = extract(tmp_path, text, "京东", Q3_2024)
    rev, ni, adj, gm = (only(ms, k) for k in ("revenue", "net_income", "non_gaap_net_income", "gross_margin"))
    assert (rev.value, rev.yoy_pct, rev.scope) == (260_400_000_000, 5.1, "quarter")
    assert (ni.value, ni.yoy_pct) == (11_520_000_000, -4.4)
    assert (adj.value, adj.yoy_pct) == (14_000_000_000, 7.7)
    assert (gm.value, gm.change_pp, gm.yoy_pct) == (15.8, 0.8, None)
    assert rev.evidence.text == "营收 | 2,478.0 亿元 | 2,604.0 亿元 | +5.1%"


def test_tab_table_with_unit_caption_and_negative_figures(tmp_path):
    text = (
        "单位：人民币百万元\n"
        "项目\t本季度\t去年同期\t同比\n"
        "营业收入\t93,577\t84,160\t11.2%\n"
        "经营亏损\t(1,234)\t(2,000)\t不适用\n"
        "净利润\t-567\t1,100\t不适用"
    )
    ms, _ = extract(tmp_path, text, "美团", Q3_2024)
    assert (only(ms, "revenue").value, only(ms, "revenue").yoy_pct) == (93_577_000_000, 11.2)
    assert only(ms, "operating_income").value == -1_234_000_000
    assert only(ms, "net_income").value == -567_000_000


def test_html_table_rows_in_traditional_chinese(tmp_path):
    text = (
        "<html><body><p>台積公司第三季財務摘要</p>\n<table>\n"
        "<tr><th>項目</th><th>本季</th><th>季增</th><th>年增</th></tr>\n"
        "<tr><td>營收</td><td>新台幣7,596.9億元</td><td>12.8%</td><td>39.0%</td></tr>\n"
        "<tr>\n<td>毛利率</td>\n<td>57.8%</td>\n<td>+4.6個百分點</td>\n<td>-</td>\n</tr>\n"
        "</table></body></html>"
    )
    path = tmp_path / "call.html"
    path.write_text(text, encoding="utf-8")
    ms, _ = extract_metrics(read_source(path), Company(name="台积电"), Q3_2024)
    rev, gm = only(ms, "revenue"), only(ms, "gross_margin")
    assert (rev.value, rev.unit, rev.qoq_pct, rev.yoy_pct) == (759_690_000_000, "TWD", 12.8, 39.0)
    assert (gm.value, gm.change_pp) == (57.8, 4.6)
    lines = text.splitlines()
    for m in ms:
        assert m.evidence.text in lines[m.evidence.line - 1]


def test_english_table_with_a_unit_header(tmp_path):
    text = (
        "| RMB in millions | 3Q23 | 3Q24 | YoY |\n"
        "|---|---|---|---|\n"
        "| Net revenues | 84,160 | 93,577 | 11% |\n"
        "| Operating loss | (2,000) | (1,234) | n.m. |\n"
        "| Daily active users | 96.5 million | 107.2 million | 11% |"
    )
    ms, _ = extract(tmp_path, text, "哔哩哔哩", Q3_2024)
    rev = only(ms, "revenue")
    assert (rev.value, rev.unit, rev.yoy_pct, rev.scope) == (93_577_000_000, "CNY", 11, "quarter")
    assert only(ms, "operating_income").value == -1_234_000_000
    assert only(ms, "dau").value == 107_200_000


@pytest.mark.parametrize(
    ("caption", "factor", "currency"),
    [
        ("单位：人民币百万元", 10**6, "CNY"),
        ("金额(亿元)", 10**8, "CNY"),
        ("RMB in millions", 10**6, "CNY"),
        ("(in millions of US$)", 10**6, "USD"),
        ("单位：新台币千元", 1000, "TWD"),
    ],
)
def test_table_unit_captions(caption, factor, currency):
    unit = unit_of(caption)
    assert unit is not None and (unit.factor, unit.currency) == (factor, currency)


def test_plain_words_are_not_units():
    assert [unit_of(t) for t in ("指标", "2024Q3", "本季度", "同比")] == [None] * 4


def test_table_of_an_earlier_period_only_is_left_out(tmp_path):
    text = "| 指标 | 2023Q3 |\n| --- | --- |\n| 营收 | 2,478.0 亿元 |"
    ms, _ = extract(tmp_path, text, "京东", Q3_2024)
    assert ms == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(alphabet="营收净利润毛利率亿元同比环比本季度去年同期2024Q3%-0123456789.,( )|\t", max_size=30),
        min_size=1,
        max_size=5,
    )
)
def test_any_table_no_crash(tmp_path_factory, rows):
    text = "\n".join("| " + r.replace("\n", " ") + " |" for r in rows)
    path = tmp_path_factory.mktemp("t") / "t.md"
    path.write_text("| 指标 | 本季度 | 同比 |\n" + text, encoding="utf-8")
    doc = read_source(path)
    metrics, _ = extract_metrics(doc, Company(name="网易"), Q3_2024)
    for m in metrics:
        assert m.evidence.text in doc.line(m.evidence.line).original


def test_wide_spaced_row_keeps_its_change(tmp_path):
    text = (
        "【星河第二季業績摘要】\n收入　　　　　　88.10億元　　按年 +9%\n合併月活躍賬戶　9.8億　　按年 +4%\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    mau = only(ms, "mau")
    assert (mau.value, mau.yoy_pct) == (980_000_000, 4)
    assert only(ms, "revenue").yoy_pct == 9
