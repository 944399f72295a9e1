"""Static SVG charts, drawn at build time: no JavaScript, no CDN, readable in light and dark themes.

A chart is a plain bar chart of one metric over a company's periods, on a true period axis:
a period with no figure on file keeps its place, marked 无 (no bar), so gaps show. Every text is
XML-escaped; coordinates are rounded so the output is byte-identical from run to run.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from generator.lexicon.currencies import currencies
from generator.site.format import decimal

WIDTH_PER_BAR = 64
HEIGHT = 260
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 16, 16, 56, 48
"""The top margin holds the title, the unit and the value over the tallest bar; the bottom one
the value under the lowest negative bar and the period labels."""
TITLE_SIZE = 13
POSITIVE, NEGATIVE, TEXT, AXIS = "#4e79a7", "#e15759", "#777777", "#9e9e9e"


@dataclass(frozen=True)
class Scale:
    """How a series' base-unit values are shown on its chart: divide by ``factor``, say ``label``."""

    factor: float
    label: str


def scale_for(values: list[float], unit: str) -> Scale:
    """A readable common scale for values in ``unit`` (亿元 for yuan in the hundreds of millions…)."""
    names = {"users": "用户", "orders": "单", "%": "%"}
    name = currencies().name(unit) or names.get(unit, unit)
    if unit == "%":
        return Scale(1.0, "%")
    top = max((abs(v) for v in values), default=0.0)
    for factor, prefix in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if top >= factor:
            return Scale(factor, prefix + name)
    return Scale(1.0, name)


def _n(x: float) -> str:
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def text_width(text: str, size: float) -> float:
    """An estimate of the text's width in pixels: wide (CJK) characters one em, others half."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.6 for ch in text)


GAP_TEXT = "无"
"""Printed in the place of a period with no figure."""


def _bar(x: float, value_y: float, zero: float, value: float) -> list[str]:
    """One bar from the zero line to ``value_y``, with its value printed beyond its end."""
    bar_top, bar_bottom = sorted((value_y, zero))
    colour = POSITIVE if value >= 0 else NEGATIVE
    label_y = bar_top - 4 if value >= 0 else bar_bottom + 12
    return [
        f'<rect x="{_n(x + 10)}" y="{_n(bar_top)}" width="{WIDTH_PER_BAR - 20}" '
        f'height="{_n(max(bar_bottom - bar_top, 0.5))}" fill="{colour}"/>',
        f'<text x="{_n(x + WIDTH_PER_BAR / 2)}" y="{_n(label_y)}" text-anchor="middle" '
        f'fill="{TEXT}">{escape(decimal(value))}</text>',
    ]


def bar_chart(title: str, unit_label: str, labels: list[str], values: list[float | None]) -> str:
    """An SVG bar chart (one bar per label, value printed above it); zero line for negatives.
    A value of None keeps its label on the axis with 无 in place of the bar (a gap)."""
    if len(labels) != len(values):
        raise ValueError("labels and values differ in length")
    n = max(len(values), 1)
    title_w = max(text_width(title, TITLE_SIZE), text_width(f"单位：{unit_label}", 11))
    width = MARGIN_LEFT + MARGIN_RIGHT + max(WIDTH_PER_BAR * n, round(title_w))
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    known = [v for v in values if v is not None]
    top = max([0.0, *known])
    bottom = min([0.0, *known])
    span = (top - bottom) or 1.0

    def y(v: float) -> float:
        return MARGIN_TOP + (top - v) / span * plot_h

    zero = y(0.0)
    # Period labels just under the plot; lower when values are printed under negative bars.
    axis_y = HEIGHT - 12 if bottom < 0 else HEIGHT - MARGIN_BOTTOM + 16
    step = max(1, -(-len(labels) // 16))  # at most 16 axis labels
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {HEIGHT}" '
        f'width="{width}" height="{HEIGHT}" role="img" aria-label={quoteattr(title)} '
        'font-family="system-ui, sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<text x="{MARGIN_LEFT}" y="16" font-size="{TITLE_SIZE}" fill="{TEXT}">{escape(title)}</text>',
        f'<text x="{MARGIN_LEFT}" y="32" fill="{TEXT}">单位:{escape(unit_label)}</text>',
    ]
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = MARGIN_LEFT + WIDTH_PER_BAR * i
        middle = _n(x + WIDTH_PER_BAR / 2)
        if value is None:
            parts.append(
                f'<text x="{middle}" y="{_n(zero - 4)}" text-anchor="middle" fill="{AXIS}" '
                f'class="gap">{GAP_TEXT}</text>'
            )
        else:
            parts += _bar(x, y(value), zero, value)
        if i % step == 0:
            parts.append(
                f'<text x="{middle}" y="{axis_y}" text-anchor="middle" fill="{TEXT}">{escape(label)}</text>'
            )
    parts.append(
        f'<line x1="{MARGIN_LEFT}" y1="{_n(zero)}" x2="{MARGIN_LEFT + WIDTH_PER_BAR * n}" y2="{_n(zero)}" '
        f'stroke="{AXIS}" stroke-width="1"/>'
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
