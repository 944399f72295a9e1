"""Static SVG charts: valid XML, one bar per value, escaped text, deterministic."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.site.charts import bar_chart, scale_for

SVG = "{http://www.w3.org/2000/svg}"


def test_chart_is_valid_svg_with_a_bar_per_value() -> None:
    svg = bar_chart(
        "营收(季度)", "亿元", ["FY2024 Q1", "FY2024 Q4", "FY2025 Q3"], [2341.56, 2218.74, 2801.54]
    )
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert len(root.findall(f"{SVG}rect")) == 3
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "2,218.74" in texts and "FY2025 Q3" in texts


def test_taller_value_gets_taller_bar_and_negative_goes_below_zero() -> None:
    root = ET.fromstring(bar_chart("净利润", "亿元", ["a", "b", "c"], [10.0, 40.0, -20.0]))
    rects = root.findall(f"{SVG}rect")
    heights = [float(r.get("height", 0)) for r in rects]
    assert heights[1] > heights[0]
    zero_y = float(root.find(f"{SVG}line").get("y1"))  # type: ignore[union-attr]
    assert float(rects[2].get("y", 0)) >= zero_y - 0.1
    assert rects[2].get("fill") != rects[0].get("fill")


def test_hostile_labels_are_escaped_and_output_is_stable() -> None:
    args = ("<script>alert(1)</script>", "&", ["</text><x>", "b"], [1.0, 2.0])
    svg = bar_chart(*args)
    ET.fromstring(svg)
    assert "<script>" not in svg
    assert svg == bar_chart(*args)


def test_mismatched_lengths_rejected() -> None:
    with pytest.raises(ValueError):
        bar_chart("t", "u", ["a"], [1.0, 2.0])


def test_scale_matches_magnitude() -> None:
    assert scale_for([221874000000.0], "CNY").label == "亿元"
    assert scale_for([402000000.0], "users").factor == 1e8
    assert scale_for([17.37], "CNY").label == "元"
    assert scale_for([53.0], "%").factor == 1.0


def test_labels_keep_clear_of_the_title_and_the_axis() -> None:
    root = ET.fromstring(
        bar_chart("净利润(季度)", "亿元", ["FY2024 Q1", "FY2024 Q4", "x"], [330.0, 9.19, -330.0])
    )
    texts = list(root.iter(f"{SVG}text"))
    unit_y = float(texts[1].get("y", 0))
    values = [t for t in texts if t.text in ("330", "-330")]
    top_value, bottom_value = (float(t.get("y", 0)) for t in values)
    assert top_value - 11 >= unit_y + 4  # the value over the tallest bar sits below the unit line
    axis_y = min(float(t.get("y", 0)) for t in texts if t.text == "FY2024 Q1")
    assert bottom_value + 4 <= axis_y - 11  # the value under the lowest bar sits above the periods


def test_chart_is_wide_enough_for_its_title() -> None:
    title = "分部收入 · 国际数字商业集团(季度)"
    root = ET.fromstring(bar_chart(title, "亿元", ["a", "b"], [1.0, 2.0]))
    assert float(root.get("width", 0)) >= 13 * len(title) * 0.9
    line = root.find(f"{SVG}line")
    assert line is not None and float(line.get("x2", 0)) <= 16 + 64 * 2  # the axis spans the bars only
