"""Metric extraction on inline sentences from several companies, and the figures it must leave out."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.metrics.extractor import extract_metrics
from generator.extract.metrics.tables import unit_of
from generator.model import Company, Metric, Period
from generator.source.read import read_source

Q2_2024 = Period(2024, 2, date(2024, 6, 30))
Q3_2024 = Period(2024, 3, date(2024, 9, 30))
Q4_2023 = Period(2023, 4, date(2023, 12, 31))
Q4_2024 = Period(2024, 4, date(2024, 12, 31))
ALI_FY24_Q4 = Period(2024, 4, date(2024, 3, 31))
ALI_FY25_Q3 = Period(2025, 3, date(2024, 12, 31))


def extract(tmp_path: Path, text: str, company: str, period: Period) -> tuple[list[Metric], list[str]]:
    path = tmp_path / "call.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_source(path)
    metrics, notes = extract_metrics(doc, Company(name=company), period)
    originals = text.splitlines()
    for m in metrics:  # every figure is grounded on its line
        assert m.evidence.text and m.evidence.text in originals[m.evidence.line - 1]
        if m.as_written:
            assert m.as_written in m.evidence.text
    return metrics, notes


def only(metrics: list[Metric], metric: str, segment: str | None = None) -> Metric:
    found = [m for m in metrics if m.metric == metric and m.segment == segment]
    assert len(found) == 1, found
    return found[0]


def test_tencent_total_revenue(tmp_path):
    ms, _ = extract(
        tmp_path, "腾讯2024年第二季度总收入为人民币1,611.17亿元，同比增长8%。", "腾讯控股", Q2_2024
    )
    m = only(ms, "revenue")
    assert (m.value, m.unit, m.yoy_pct, m.scope) == (161_117_000_000, "CNY", 8, "quarter")
    assert m.as_written == "人民币1,611.17亿元"


def test_jd_net_revenues_is_revenue_and_full_year(tmp_path):
    text = "京东集团第四季度净收入为3,061亿元人民币，同比增长3.6%。\n2023年全年净收入为10,847亿元人民币，同比增长3.7%。"
    ms, _ = extract(tmp_path, text, "京东", Q4_2023)
    by_scope = {m.scope: m for m in ms if m.metric == "revenue"}
    assert by_scope["quarter"].value == 306_100_000_000 and by_scope["quarter"].yoy_pct == 3.6
    assert by_scope["fiscal_year"].value == 1_084_700_000_000 and by_scope["fiscal_year"].evidence.line == 2


def test_smic_qoq_margin_and_points(tmp_path):
    text = "中芯国际第三季度销售收入为21.7亿美元，环比增长14.2%，毛利率为20.5%，较上季度增加6.6个百分点。"
    ms, _ = extract(tmp_path, text, "中芯国际", Q3_2024)
    rev, gm = only(ms, "revenue"), only(ms, "gross_margin")
    assert (rev.value, rev.unit, rev.qoq_pct, rev.yoy_pct) == (2_170_000_000, "USD", 14.2, None)
    assert (gm.value, gm.unit, gm.change_pp) == (20.5, "%", 6.6)


def test_traditional_chinese_and_year_on_year_wording(tmp_path):
    ms, _ = extract(tmp_path, "中芯國際第三季營收為21.7億美元，按年增長34%。", "中芯国际", Q3_2024)
    m = only(ms, "revenue")
    assert (m.value, m.unit, m.yoy_pct) == (2_170_000_000, "USD", 34)
    assert "億美元" in m.as_written


def test_segment_revenue_uses_the_canonical_name(tmp_path):
    ms, _ = extract(tmp_path, "第三季度，百度核心收入为265亿元，同比增长2%。", "百度", Q3_2024)
    m = only(ms, "segment_revenue", "百度核心")
    assert m.value == 26_500_000_000 and m.yoy_pct == 2


def test_segment_named_before_a_semicolon_keeps_its_profit(tmp_path):
    text = "核心本地商业分部收入为694亿元,同比增长20%;经营利润为146亿元,同比增长39%。"
    ms, _ = extract(tmp_path, text, "美团", Q3_2024)
    assert only(ms, "segment_profit", "核心本地商业").value == 14_600_000_000


def test_adjusted_ebitda_and_loss(tmp_path):
    text = "美团本季度经调整EBITDA为180亿元，同比增长20%。\n本季度净亏损为7980万元。\n同期哔哩哔哩净亏损为1亿元。"
    ms, _ = extract(tmp_path, text, "美团", Q3_2024)
    assert only(ms, "adjusted_ebitda").value == 18_000_000_000
    assert only(ms, "net_income").value == -79_800_000


def test_non_gaap_modifier_in_an_earlier_clause(tmp_path):
    text = "第四财季,营收为2218.74亿元,同比增长7%。净利润为9.19亿元,同比下滑96%;不按美国通用会计准则,净利润为244.18亿元,同比下滑11%。"
    ms, _ = extract(tmp_path, text, "阿里巴巴", ALI_FY24_Q4)
    assert only(ms, "net_income").value == 919_000_000 and only(ms, "net_income").yoy_pct == -96
    adj = only(ms, "non_gaap_net_income")
    assert (adj.value, adj.yoy_pct) == (24_418_000_000, -11)
    assert adj.evidence.text.startswith("不按美国通用会计准则")


def test_converted_currency_and_year_earlier_figure_are_left_out(tmp_path):
    text = "阿里巴巴第一财季营收为2341.56亿元（约合322.92亿美元），与上年同期的2055.55亿元相比增长14%。"
    ms, _ = extract(tmp_path, text, "阿里巴巴", Period(2024, 1, date(2023, 6, 30)))
    assert len(ms) == 1
    assert (ms[0].value, ms[0].unit, ms[0].yoy_pct) == (234_156_000_000, "CNY", 14)


@pytest.mark.parametrize(
    "sentence",
    [
        "阿里巴巴第一财季营收2341.6亿元人民币，同比上涨14%，超市场预期的2237.5亿元。",
        "据报道，抖音电商的GMV约3.5万亿元，同比增幅30%，其2025年目标为4.2万亿元。",
        "2024年我国社会消费品零售总额达48.8万亿元，仅比上年增长3.5%。",
        "阿里美股收盘市值仅约为2200亿美元。",
        "去年同期，阿里巴巴总营收为2055.55亿元。",
        "根据中国音像与数字出版协会的数据，上半年国内游戏市场实际销售收入为1472.67亿元，同比增长2.08%。",
        "同期拼多多的营收为993.5亿元。",
        "董事会批准了新的股份回购计划，在未来36个月内回购总额最多30亿美元的股份。",
    ],
)
def test_figures_that_are_not_the_companys(tmp_path, sentence):
    ms, _ = extract(tmp_path, sentence, "阿里巴巴", Period(2024, 1, date(2023, 6, 30)))
    assert not [m for m in ms if m.value not in (None, 234_160_000_000)], ms


def test_from_to_quarter_on_quarter(tmp_path):
    text = "本季度,阿里自由现金流从上季度的 565.4 亿元下降 31%,至 390.2 亿元。"
    ms, _ = extract(tmp_path, text, "阿里巴巴", ALI_FY25_Q3)
    m = only(ms, "free_cash_flow")
    assert (m.value, m.qoq_pct, m.scope) == (39_020_000_000, -31, "quarter")


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


def test_per_ads_and_users(tmp_path):
    text = "调整后每ADS收益17.37元人民币，上年同期11.73元人民币。\n淘宝APP 6月日均DAU达4.02亿，MAU（月活跃用户数）达8.87亿。"
    ms, _ = extract(tmp_path, text, "阿里巴巴", Period(2024, 1, date(2023, 6, 30)))
    eps = only(ms, "non_gaap_eps_ads")
    assert (eps.value, eps.unit) == (17.37, "CNY")
    assert (only(ms, "dau").value, only(ms, "dau").unit) == (402_000_000, "users")
    assert only(ms, "mau").value == 887_000_000


def test_change_only_metric_has_no_value(tmp_path):
    ms, _ = extract(tmp_path, "本季度，客户管理收入同比增长 9%。", "阿里巴巴", ALI_FY25_Q3)
    m = only(ms, "cmr")
    assert m.value is None and m.yoy_pct == 9


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


def test_duplicates_keep_the_most_complete_line(tmp_path):
    text = "阿里第四财季营收2218.74亿元\n第四财季,营收为2218.74亿元,同比增长7%。\n营收2218.74亿元。"
    ms, _ = extract(tmp_path, text, "阿里巴巴", ALI_FY24_Q4)
    assert len(ms) == 1 and ms[0].evidence.line == 2 and ms[0].yoy_pct == 7


def test_order_is_by_line_then_metric(tmp_path):
    text = "净利润为9.19亿元。营收为2218.74亿元。\n毛利率为40%。"
    ms, _ = extract(tmp_path, text, "阿里巴巴", ALI_FY24_Q4)
    assert [(m.evidence.line, m.metric) for m in ms] == [
        (1, "net_income"),
        (1, "revenue"),
        (2, "gross_margin"),
    ]


def test_sub_revenue_lines_are_not_total_revenue(tmp_path):
    ms, _ = extract(tmp_path, "本季度广告收入为209亿元。", "哔哩哔哩", Q3_2024)
    assert [m for m in ms if m.metric == "revenue"] == []


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet="营收净利润为亿元万美元同比增长下降%0123456789.,，。;（）()上年同期约近多市场预期 ",
        max_size=80,
    )
)
def test_any_text_no_crash(tmp_path_factory, text):
    if not text.strip():
        return
    path = tmp_path_factory.mktemp("h") / "t.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_source(path)
    metrics, notes = extract_metrics(doc, Company(name="阿里巴巴"), ALI_FY24_Q4)
    for m in metrics:
        assert m.evidence.text in doc.line(m.evidence.line).original


def test_share_counts_are_not_money(tmp_path):
    ms, _ = extract(tmp_path, "本季度我们回购约1.12亿股股份。", "腾讯控股", Q2_2024)
    assert ms == []


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


# --------------------------------------------------------------------------- tables


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


# --------------------------------------------------------------------------- losses


@pytest.mark.parametrize(
    ("sentence", "metric", "value"),
    [
        ("本季度净利润亏损3亿元。", "net_income", -300_000_000),
        ("本季度净亏损收窄至3.2亿元。", "net_income", -320_000_000),
        ("本季度净亏损从8亿元收窄至3亿元。", "net_income", -300_000_000),
        ("本季度經營虧損為5億元，去年同期經營虧損為8億元。", "operating_income", -500_000_000),
        ("Net loss was RMB 1.2 billion in the quarter.", "net_income", -1_200_000_000),
        ("本季度扭亏为盈，净利润为3亿元。", "net_income", 300_000_000),
    ],
)
def test_losses_are_negative(tmp_path, sentence, metric, value):
    ms, _ = extract(tmp_path, sentence, "哔哩哔哩", Q3_2024)
    m = only(ms, metric)
    assert m.value == value


def test_change_of_a_loss_has_no_sign(tmp_path):
    ms, _ = extract(tmp_path, "本季度经调整经营亏损为2亿元，同比收窄30%。", "哔哩哔哩", Q3_2024)
    m = only(ms, "non_gaap_operating_income")
    assert (m.value, m.yoy_pct) == (-200_000_000, None)


# --------------------------------------------------------------------------- wording


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "yoy", "qoq"),
    [
        ("Total revenues were RMB 97.06 billion, up 8% year over year.", 97_060_000_000, "CNY", 8, None),
        (
            "Revenue reached 123.45 billion yuan, an increase of 8% year-over-year.",
            123_450_000_000,
            "CNY",
            8,
            None,
        ),
        ("Revenue was US$3.2 billion, down 2% quarter-over-quarter.", 3_200_000_000, "USD", None, -2),
        ("本季度营收为人民币970.6亿元，增幅为8%。", 97_060_000_000, "CNY", 8, None),
        ("第三季營收為新台幣NT$7,596.9億，季增12.8%，年增39%。", 759_690_000_000, "TWD", 39, 12.8),
        ("本季度總收入為人民幣1,671.9億元，按年增長8%。", 167_190_000_000, "CNY", 8, None),
        ("本季度营收两千亿元，较去年同期上升了8%。", 200_000_000_000, "CNY", 8, None),
        ("本季度营收一百二十亿元，同比增加5%。", 12_000_000_000, "CNY", 5, None),
        ("第三季度营收为1,234.5亿元（合170亿美元），同比持平。", 123_450_000_000, "CNY", 0, None),
        ("本季度营收同比翻倍，为100亿元。", 10_000_000_000, "CNY", 100, None),
        ("本季度营收为100亿元，同比基本持平。", 10_000_000_000, "CNY", None, None),
        ("营收为1,234.5亿元，合170亿美元。", 123_450_000_000, "CNY", None, None),
    ],
)
def test_revenue_wording(tmp_path, sentence, value, unit, yoy, qoq):
    ms, _ = extract(tmp_path, sentence, "拼多多", Q3_2024)
    m = only(ms, "revenue")
    assert (m.value, m.unit, m.yoy_pct, m.qoq_pct) == (value, unit, yoy, qoq)


def test_a_change_in_amount_is_not_the_figure(tmp_path):
    ms, _ = extract(tmp_path, "本季度营收同比增加50亿元，净利润同比多增20亿元。", "拼多多", Q3_2024)
    assert [m for m in ms if m.value is not None] == []


def test_points_belong_to_ratios(tmp_path):
    text = (
        "本季度毛利率同比持平。\n本季度营业收入增速同比提升8个百分点。\n本季度经营利润率同比增长2个百分点。"
    )
    ms, _ = extract(tmp_path, text, "拼多多", Q3_2024)
    assert only(ms, "gross_margin").change_pp == 0
    assert only(ms, "operating_margin").change_pp == 2
    assert [m for m in ms if m.metric == "revenue"] == []


def test_bare_yuan_in_a_taiwan_text_is_twd(tmp_path):
    text = "第三季稅後純益新台幣3,252.6億元，每股盈餘12.54元。"
    ms, _ = extract(tmp_path, text, "台积电", Q3_2024)
    assert (only(ms, "net_income").unit, only(ms, "eps").unit) == ("TWD", "TWD")
    assert only(ms, "eps").value == 12.54


# --------------------------------------------------------------------------- guidance


@pytest.mark.parametrize(
    "sentence",
    [
        "我们预计第四季度收入将介于1,150亿元至1,180亿元之间。",
        "预计下一季度收入为300亿元，同比增长10%。",
        "公司给出的指引为下季度营收300亿元。",
        "展望未来，我们认为营收约为300亿元。",
        "第四季度营收指引区间为21.5亿美元至22亿美元。",
        "We expect revenue to be between US$2.1 billion and US$2.2 billion.",
    ],
)
def test_guidance_is_not_a_metric(tmp_path, sentence):
    ms, _ = extract(tmp_path, sentence, "中芯国际", Q3_2024)
    assert [m for m in ms if m.value is not None or m.yoy_pct is not None] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "本季度营收为100亿元，好于市场预期，净利润为20亿元。",
        "Revenue was US$10 billion, better than expected, and net income was US$2 billion.",
    ],
)
def test_results_beside_expectations_are_kept(tmp_path, sentence):
    ms, _ = extract(tmp_path, sentence, "拼多多", Q3_2024)
    assert sorted(m.metric for m in ms) == ["net_income", "revenue"]


def test_guidance_note_and_a_result_above_guidance(tmp_path):
    text = "本季度营收为21.7亿美元，超出此前指引的上限。\n展望第四季度，毛利率预计为20%左右。"
    ms, notes = extract(tmp_path, text, "中芯国际", Q3_2024)
    assert [(m.metric, m.value) for m in ms] == [("revenue", 2_170_000_000)]
    assert any(n.startswith("line 2: gross_margin") and "guidance" in n for n in notes), notes


# --------------------------------------------------------------------------- metric wording


@pytest.mark.parametrize(
    ("sentence", "metric", "value", "unit"),
    [
        ("本季度毛利为150亿元。", "gross_profit", 15_000_000_000, "CNY"),
        ("本季度Gross margin为45.2%。", "gross_margin", 45.2, "%"),
        ("本季度營業利潤為120億元，按年增長12%。", "operating_income", 12_000_000_000, "CNY"),
        ("第三季度經調整經營溢利為人民幣80億元。", "non_gaap_operating_income", 8_000_000_000, "CNY"),
        ("本季度經調整EBITA為450億元。", "adjusted_ebita", 45_000_000_000, "CNY"),
        ("本季度经营活动产生的现金流量净额为200亿元。", "operating_cash_flow", 20_000_000_000, "CNY"),
        ("本季度自由現金流為300億元。", "free_cash_flow", 30_000_000_000, "CNY"),
        ("本季度資本開支為150億元。", "capex", 15_000_000_000, "CNY"),
        ("本季度每股美國存託股攤薄收益為2.5美元。", "eps_ads", 2.5, "USD"),
        ("本季度非公认会计准则每股美国存托股摊薄收益为3.1美元。", "non_gaap_eps_ads", 3.1, "USD"),
        ("本季度不按美国通用会计准则每股ADS摊薄净收益为4.42元。", "non_gaap_eps_ads", 4.42, "CNY"),
        ("董事会宣布派发现金股息，总额约为12亿美元。", "dividend", 1_200_000_000, "USD"),
        ("本季度向股东返还共计20亿美元。", "shareholder_return", 2_000_000_000, "USD"),
        ("本季度客户管理收入为1,003亿元。", "cmr", 100_300_000_000, "CNY"),
        ("本季度GMV为1.5万亿元。", "gmv", 1_500_000_000_000, "CNY"),
        ("本季度日活跃用户达到1.2亿。", "dau", 120_000_000, "users"),
        ("本季度移动端月活为3.5亿。", "mau", 350_000_000, "users"),
        ("Monthly active users reached 348 million in the quarter.", "mau", 348_000_000, "users"),
        ("Free cash flow was RMB 3.1 billion in the quarter.", "free_cash_flow", 3_100_000_000, "CNY"),
        ("Capital expenditures were US$1.5 billion in the quarter.", "capex", 1_500_000_000, "USD"),
    ],
)
def test_metric_wording(tmp_path, sentence, metric, value, unit):
    ms, _ = extract(tmp_path, sentence, "哔哩哔哩", Q3_2024)
    m = only(ms, metric)
    assert (m.value, m.unit) == (value, unit)


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


# --------------------------------------------------------------------------- business lines, rivals, scope
# Companies below are made up (not in the companies lexicon) unless the test is about the lexicon.


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


def test_wide_spaced_row_keeps_its_change(tmp_path):
    text = (
        "【星河第二季業績摘要】\n收入　　　　　　88.10億元　　按年 +9%\n合併月活躍賬戶　9.8億　　按年 +4%\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    mau = only(ms, "mau")
    assert (mau.value, mau.yoy_pct) == (980_000_000, 4)
    assert only(ms, "revenue").yoy_pct == 9


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


def test_other_companies_named_before_a_period_are_left_out(tmp_path):
    text = (
        "星河汽车第二季度总收入为90亿元。\n"
        "作为参照，同期云帆汽车二季度营收为55亿元；飞驰出行同期营收为12.3亿元。\n"
        "对比一下，海川智能云本季度收入241亿美元，同比增长20%。\n"
        "值得一提的是，同期海川电子三季度营业利润为2.1万亿韩元。\n"
    )
    ms, _ = extract(tmp_path, text, "星河汽车", Q2_2024)
    assert [(m.metric, m.value) for m in ms] == [("revenue", 9_000_000_000)]


def test_unknown_currency_is_left_out_not_dollars(tmp_path):
    text = "星河越南第二季度营收为5,000亿越南盾，同比增长9%。"
    ms, notes = extract(tmp_path, text, "星河越南", Q2_2024)
    assert [m for m in ms if m.value is not None and m.metric == "revenue"] == []
    assert any("currency" in n for n in notes)


def test_ranges_targets_and_effects_are_not_margins(tmp_path):
    text = (
        "第二季度毛利率为48.2%。\n"
        "海外工厂的毛利率稀释约为1%至2%。\n"
        "我们会维持长期毛利率50%及以上的目标。\n"
        "三季度毛利率介于46%至48%之间。\n"
    )
    ms, _ = extract(tmp_path, text, "星河半导体", Q2_2024)
    assert [m.value for m in ms if m.metric == "gross_margin"] == [48.2]


def test_adjusted_net_margin_is_not_the_gaap_margin(tmp_path):
    text = "经调整净利润为20亿元，经调整净利润率为12.5%。\n一季度经调整净利润率同比提升3个百分点。"
    ms, _ = extract(tmp_path, text, "星河科技", Period(2024, 1, date(2024, 3, 31)))
    assert not [m for m in ms if m.metric == "net_margin"]
    margins = [m for m in ms if m.metric == "non_gaap_net_margin"]
    assert {m.value for m in margins} == {12.5, None}
    assert [m.change_pp for m in margins if m.value is None] == [3]


def test_share_turnover_is_not_gmv(tmp_path):
    text = (
        "星河科技今日收报52.3港元，跌2%，成交额约30亿港元。\n本季度平台商品交易总额为1,200亿元，同比增长15%。"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    gmv = only(ms, "gmv")
    assert (gmv.value, gmv.unit, gmv.yoy_pct) == (120_000_000_000, "CNY", 15)


def test_taiwan_and_adr_wording(tmp_path):
    text = (
        "星河晶圆第二季度每股盈余为新台币8.5元，折合每单位美国存托凭证（ADR）盈余为1.3美元。\n"
        "第二季度营业利益率为40.1%，税后纯益率为35.2%。"
    )
    ms, _ = extract(tmp_path, text, "星河晶圆", Q2_2024)
    assert (only(ms, "eps").value, only(ms, "eps").unit) == (8.5, "TWD")
    assert (only(ms, "eps_ads").value, only(ms, "eps_ads").unit) == (1.3, "USD")
    assert only(ms, "operating_margin").value == 40.1
    assert only(ms, "net_margin").value == 35.2


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


def test_two_group_revenues_keep_the_total_and_note_it(tmp_path):
    text = (
        "第二季度，星河科技期内亏损2,000万美元；母公司拥有人应占溢利为500万美元。\n"
        "第二季度收入为15亿元。第二季度总收入为18亿元，同比增长5%。"
    )
    ms, notes = extract(tmp_path, text, "星河科技", Q2_2024)
    assert [m.value for m in ms if m.metric == "revenue"] == [1_800_000_000]
    assert [m.value for m in ms if m.metric == "net_income"] == [5_000_000]
    assert sum("left out" in n and "revenue" in n for n in notes) == 1


# --------------------------------------------------------------------------- verbs, third parties, new ids


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


def test_research_firms_and_a_rivals_lines_are_not_ours(tmp_path):
    text = (
        "第三季度，腾讯音乐在线音乐服务收入为60亿元，同比增长15%。\n"
        "根据艾媒咨询的统计，国内音频行业月活跃用户规模达8.1亿。\n"
        "另一家平台网易云音乐同期营收40亿元，其中在线音乐服务收入28亿元。\n"
        "IDC数据显示，全球智能音箱出货量为3,000万台。\n"
    )
    ms, _ = extract(tmp_path, text, "腾讯音乐", Q3_2024)
    assert [(m.metric, m.segment, m.value) for m in ms] == [
        ("segment_revenue", "在线音乐服务", 6_000_000_000)
    ]


def test_the_companys_own_report_is_no_third_party(tmp_path):
    ms, _ = extract(tmp_path, "根据公司财报数据，第二季度总收入为88亿元。", "星河科技", Q2_2024)
    assert only(ms, "revenue").value == 8_800_000_000


def test_cost_lines_are_never_revenue(tmp_path):
    text = "第二季度营收成本为5.5亿美元，营业成本为38亿元；收入成本同比下降2%。"
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    assert not [m for m in ms if m.metric in ("revenue", "segment_revenue")]


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


def test_constant_currency_remarks_make_no_second_revenue(tmp_path):
    text = (
        "第二季度净营收3.2亿美元，同比下降2%，按不变汇率计算同比增长1%。\n"
        "按固定汇率计算（假设汇率与上年相同），净营收同比持平。\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    assert [(m.value, m.yoy_pct) for m in ms if m.metric == "revenue"] == [(320_000_000, -2)]


def test_non_recurring_adjusted_profit_and_a_units_revenue_are_no_clash(tmp_path):
    text = (
        "上半年公司营业收入为120亿元，归母净利润为10亿元，扣除非经常性损益后的净利润为9.2亿元；"
        "其中传感器业务上半年实现营收80亿元，同比增长30%。\n"
        "扣非净利润同比增长12%。\n"
    )
    ms, notes = extract(tmp_path, text, "星河半导体", Period(2024, None, date(2024, 6, 30)))
    assert only(ms, "revenue").value == 12_000_000_000
    assert only(ms, "net_income").value == 1_000_000_000
    adjusted = [m for m in ms if m.metric == "non_gaap_net_income"]
    assert [(m.value, m.yoy_pct) for m in adjusted] == [(920_000_000, None), (None, 12)]
    assert only(ms, "segment_revenue", "传感器").value == 8_000_000_000
    assert not [n for n in notes if "left out: the" in n]


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


def test_adjusted_margin_and_per_share_after_an_adjusted_figure(tmp_path):
    text = (
        "· 营业利润2.3亿美元，营业利润率为28%；\n"
        "· 非美国通用会计准则营业利润2.9亿美元，营业利润率为33%；\n"
        "· 非GAAP净利润2.1亿美元，摊薄后每股收益0.85美元；按美国通用会计准则，每股收益为0.61美元。\n"
        "Non-GAAP经营利润率为35.5%。\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    assert only(ms, "operating_margin").value == 28
    assert {m.value for m in ms if m.metric == "non_gaap_operating_margin"} == {33, 35.5}
    assert "非美国通用会计准则" in [m for m in ms if m.value == 33][0].evidence.text
    assert only(ms, "non_gaap_eps").value == 0.85
    assert only(ms, "eps").value == 0.61


def test_adjusted_per_ads_figures_in_a_translated_call(tmp_path):
    text = (
        "每股美国存托股摊薄收益为人民币2.95元，非美国通用会计准则下为人民币3.41元。\n"
        "每股美国存托股份摊薄净收益（非美国通用会计准则）为3.41元。\n"
    )
    ms, _ = extract(tmp_path, text, "星河科技", Q2_2024)
    assert only(ms, "eps_ads").value == 2.95
    adjusted = only(ms, "non_gaap_eps_ads")
    assert (adjusted.value, adjusted.unit) == (3.41, "CNY")
    assert "非美国通用会计准则下为" in adjusted.evidence.text


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


def test_a_headline_naming_another_quarter_before_its_estimate_gives_nothing(tmp_path):
    text = "某芯片公司法说会：Q3每股纯益9.10元 Q4营收估季减5%\n联发科第三季合并营收1200.5亿元，季增4%。"
    ms, _ = extract(tmp_path, text, "联发科", Q3_2024)
    assert [(m.metric, m.qoq_pct) for m in ms if m.metric == "revenue"] == [("revenue", 4.0)]


def test_an_exact_body_figure_beats_a_rounded_threshold_in_the_headline(tmp_path):
    text = "# 中芯国际全年营收首破70亿美元\n2024年公司销售收入为70.45亿美元，同比增长21%，首次突破70亿美元。"
    ms, _ = extract(tmp_path, text, "中芯国际", Q4_2024)
    fy = [m for m in ms if m.metric == "revenue" and m.scope == "fiscal_year"]
    assert [(m.value, m.yoy_pct) for m in fy] == [(7_045_000_000, 21.0)]


def test_profit_attributable_to_owners_is_net_income(tmp_path):
    text = "第四季度归属于本公司拥有人的利润为2.05亿美元，同比下降12.5%。"
    ms, _ = extract(tmp_path, text, "中芯国际", Q4_2024)
    m = only(ms, "net_income")
    assert (m.value, m.unit, m.yoy_pct, m.scope) == (205_000_000, "USD", -12.5, "quarter")


@pytest.mark.parametrize("unit", ["网络广告", "营销服务"])
def test_a_renamed_unit_keeps_the_name_of_its_period(tmp_path, unit):
    text = f"第四季度{unit}收入为300亿元，同比增长18%。"
    ms, _ = extract(tmp_path, text, "腾讯控股", Q4_2023)
    assert only(ms, "segment_revenue", unit).value == 30_000_000_000


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


def test_a_programmes_length_in_months_is_no_scope(tmp_path):
    text = "公司的新计划有效期为36个月，本期营收为88亿元，同比增长6%。"
    ms, _ = extract(tmp_path, text, "京东", Q2_2024)
    assert only(ms, "revenue").scope != "half_year"


def test_a_rival_named_in_an_aside_does_not_take_the_next_figure(tmp_path):
    text = (
        "第四季度权益持有人应占盈利为150亿元，同比下降30%（主要因去年同期出售京东股份的收益）；"
        "非国际财务报告准则下，权益持有人应占盈利为210亿元，同比增长25%。"
    )
    ms, _ = extract(tmp_path, text, "腾讯控股", Q4_2023)
    m = only(ms, "non_gaap_net_income")
    assert (m.value, m.yoy_pct) == (21_000_000_000, 25.0)


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


@pytest.mark.parametrize(
    "sentence",
    [
        "本季度，母公司拥有人应占亏损3,150万美元，上年同期为溢利1,200万美元。",
        "本季度，公司归属于母公司股东的净亏损为4.2亿元。",
    ],
)
def test_attributable_loss_is_negative_net_income(tmp_path, sentence):
    ms, _ = extract(tmp_path, sentence, "某芯片公司", Q2_2024)
    m = only(ms, "net_income")
    assert m.value < 0 and m.scope == "quarter"


def test_deliveries_after_a_car_unit_are_the_groups(tmp_path):
    text = "第二季，创新业务收入為50.0億元;期內交付新車18,456輛,毛利率為12.1%。"
    ms, _ = extract(tmp_path, text, "小米集团", Q2_2024)
    m = only(ms, "deliveries")
    assert (m.value, m.unit, m.scope) == (18_456, "vehicles", "quarter")


def test_unit_name_stops_before_de_and_sales(tmp_path):
    ms, _ = extract(tmp_path, "第二季度，功率器件的销售收入为1.5亿美元，同比增长6%。", "某芯片公司", Q2_2024)
    assert only(ms, "segment_revenue", "功率器件").value == 150_000_000


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("第二季度，公司X9毛利率达18.2%，整体毛利率为20.1%。", "X9"),
        ("第二季度，来自欧洲地区的销售收入为1.1亿美元，同比增长4%。", "欧洲"),
        ("第二季度，游戏和电商行业的广告收入同比增长12%。", "行业"),
        ("第二季度，品牌广告收入同比增长超过50%。", "品牌广告"),
    ],
)
def test_words_that_name_no_unit_leave_the_figure_out_with_a_note(tmp_path, text, left_out):
    ms, notes = extract(tmp_path, text, "某公司", Q2_2024)
    assert not [m for m in ms if m.segment], ms
    assert not [m for m in ms if m.metric == "gross_margin" and m.value == 18.2]
    assert any(left_out in n and "left out" in n for n in notes), notes


def test_hong_kong_second_quarter_word_is_the_groups_quarter(tmp_path):
    ms, _ = extract(tmp_path, "次季收入520億元，按年增長12%。", "某公司", Q2_2024)
    m = only(ms, "revenue")
    assert (m.value, m.scope, m.yoy_pct) == (52_000_000_000, "quarter", 12)


H1_2024 = Period(2024, None, date(2024, 6, 30))


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


def test_result_against_guidance_is_a_result(tmp_path):
    text = "第四季度,公司销售收入为3.1亿美元,符合指引预期,毛利率为14.2%,高于指引预期。"
    ms, notes = extract(tmp_path, text, "某芯片公司", Q4_2024)
    assert only(ms, "gross_margin").value == 14.2
    assert not [n for n in notes if "guidance" in n]


def test_buyback_completed_in_an_earlier_month_is_left_out(tmp_path):
    text = "答:公司已于2024年2月完成了第一期股份回购方案,累计回购股份金额约为2.1亿元。"
    ms, notes = extract(tmp_path, text, "某芯片公司", H1_2024)
    assert not [m for m in ms if m.metric == "share_repurchase"]
    assert any("share_repurchase" in n and "completed" in n for n in notes)
