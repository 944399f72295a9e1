"""Number formatting and the escaping helpers."""

from __future__ import annotations

from datetime import date

import markdown
import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.lexicon.labels import metric_labels
from generator.model import Evidence, Metric, Period
from generator.site.format import (
    front_matter,
    html_text,
    md,
    metric_value,
    one_line,
    pct,
    period_label,
    plain_title,
    pp,
    unit_name,
    value_text,
)

MD_EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc"]


def _metric(**kw: object) -> Metric:
    return Metric(metric="revenue", evidence=Evidence(1, "x"), **kw)  # type: ignore[arg-type]


def test_money_in_yi_with_thousands_separators() -> None:
    assert value_text(221874000000, "CNY") == "2,218.74 亿元"
    assert value_text(12500000000, "USD") == "125 亿美元"
    assert value_text(919000000, "CNY") == "9.19 亿元"
    assert value_text(-919000000, "CNY") == "-9.19 亿元"


def test_small_money_counts_and_percent() -> None:
    assert value_text(17.37, "CNY") == "17.37 元"
    assert value_text(402000000, "users") == "4.02 亿用户"
    assert value_text(53, "%") == "53%"
    assert value_text(55000, "HKD") == "5.5 万港元"
    assert value_text(None, "CNY") == ""


def test_unknown_unit_is_escaped_data() -> None:
    assert "<" not in value_text(3e8, "<b>")


def test_approximate_values_keep_their_hedge() -> None:
    assert metric_value(_metric(value=3e10, unit="USD", approximate=True, as_written="近300亿美元")) == (
        "近 300 亿美元"
    )
    assert metric_value(_metric(value=3e10, unit="USD", approximate=True)) == "约 300 亿美元"
    assert metric_value(_metric(value=3e10, unit="USD")) == "300 亿美元"
    hedged_before = Metric(
        "x",
        evidence=Evidence(1, "还有近300亿美元"),
        value=3e10,
        unit="USD",
        approximate=True,
        as_written="300亿美元",
    )
    assert metric_value(hedged_before) == "近 300 亿美元"


def test_changes_have_signs() -> None:
    assert pct(7.0) == "+7%"
    assert pct(-96) == "-96%"
    assert pct(0) == "0%"
    assert pct(None) == ""
    assert pp(1.2) == "+1.2 个百分点"
    assert pp(-0.35) == "-0.35 个百分点"


def test_period_labels_follow_the_fiscal_calendar() -> None:
    q4 = Period(fiscal_year=2024, fiscal_quarter=4, period_end=date(2024, 3, 31))
    assert period_label("alibaba", q4) == "FY2024 Q4"
    assert period_label("tencent", Period(2024, 3, date(2024, 9, 30))) == "2024 Q3"
    assert period_label(None, Period(2024, 3, date(2024, 9, 30))) == "2024 Q3"
    assert period_label(None, Period(2025, 3, date(2024, 12, 31))) == "FY2025 Q3"
    assert period_label("alibaba", Period(2024, None)) == "FY2024 全年"
    assert period_label(None, Period()) == "期间未知"


def _render(text: str) -> str:
    return markdown.markdown(text, extensions=MD_EXTENSIONS)


def test_md_escape_shows_hostile_text_literally() -> None:
    hostile = "<script>alert(1)</script> *a* _b_ [x](javascript:alert(2)) `c` &amp;"
    html = _render(f"前缀 {md(hostile)}")
    assert "<script>" not in html
    assert "<em>" not in html and "<code>" not in html
    assert 'href="javascript' not in html
    assert "&lt;script&gt;" in html or "&#60;script&#62;" in html


def test_md_escape_keeps_a_table_cell_a_cell() -> None:
    html = _render(f"| a | b |\n|---|---|\n| {md('x | y')} | z |\n")
    assert html.count("<td>") == 2


def test_md_escape_blocks_line_start_syntax() -> None:
    for text in ("# 标题", "- 列表", "1. 有序", "> 引用", "+ 加号", "    缩进"):
        html = _render(md(text))
        assert html.startswith("<p>"), (text, html)


@given(st.text(max_size=80))
def test_md_escape_never_yields_markup(text: str) -> None:
    html = _render(f"x {md(text)}")
    assert "<script" not in html.lower()
    assert "<a " not in html and "<em>" not in html and "<strong>" not in html
    assert "\n" not in md(text)


@given(st.text(max_size=60))
def test_front_matter_is_valid_yaml_holding_the_title(text: str) -> None:
    meta = yaml.safe_load(front_matter(text).strip().strip("-"))
    assert meta["title"] == plain_title(text)
    assert "<" not in meta["title"]


def test_html_text_and_titles() -> None:
    assert html_text("<b>&") == "&lt;b&gt;&amp;"
    assert "<" not in plain_title("<script>") and "&" not in plain_title("a&b")
    assert one_line("a\n\tb\u2028c") == "a b c"


def test_unit_names_for_headings() -> None:
    assert unit_name("USD") == "美元" and unit_name("cny") == "元"
    assert unit_name("users") == "用户" and unit_name("%") == "%"


def test_every_extracted_metric_id_has_a_chinese_label() -> None:
    from generator import lexicon

    ids = set(lexicon.load("metrics")["metrics"]) | {
        "non_gaap_net_income",
        "segment_revenue",
        "segment_profit",
    }
    assert sorted(ids - set(metric_labels().labels)) == []


def test_metric_labels_name_rank_and_chart() -> None:
    labels = metric_labels()
    assert labels.name("revenue") == "营收" and labels.name("no_such_id") == "no_such_id"
    assert labels.scope("quarter") == "季度" and labels.scope(None) == ""
    assert labels.rank("revenue") == 0 and labels.rank("no_such_id") == len(labels.labels)
    assert labels.charts[0] == "revenue"


def test_counted_units_read_as_chinese() -> None:
    from generator.site.format import value_text

    assert value_text(152831, "vehicles") == "15.28 万辆"
    assert value_text(1200, "units") == "1,200 台"
