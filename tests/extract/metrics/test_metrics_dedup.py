"""One value per figure: repeats merged, the most complete and exact statement kept, the rest noted."""

from tests.metrics_cases import ALI_FY24_Q4, Q2_2024, Q4_2024, extract


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


def test_two_group_revenues_keep_the_total_and_note_it(tmp_path):
    text = (
        "第二季度，星河科技期内亏损2,000万美元；母公司拥有人应占溢利为500万美元。\n"
        "第二季度收入为15亿元。第二季度总收入为18亿元，同比增长5%。"
    )
    ms, notes = extract(tmp_path, text, "星河科技", Q2_2024)
    assert [m.value for m in ms if m.metric == "revenue"] == [1_800_000_000]
    assert [m.value for m in ms if m.metric == "net_income"] == [5_000_000]
    assert sum("left out" in n and "revenue" in n for n in notes) == 1


def test_an_exact_body_figure_beats_a_rounded_threshold_in_the_headline(tmp_path):
    text = "# 中芯国际全年营收首破70亿美元\n2024年公司销售收入为70.45亿美元，同比增长21%，首次突破70亿美元。"
    ms, _ = extract(tmp_path, text, "中芯国际", Q4_2024)
    fy = [m for m in ms if m.metric == "revenue" and m.scope == "fiscal_year"]
    assert [(m.value, m.yoy_pct) for m in fy] == [(7_045_000_000, 21.0)]
