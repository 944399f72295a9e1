"""Text for pages: escaping transcript data for each context, and numbers as readers expect.

Every piece of text that comes from a transcript or a summary is *data*. It reaches a
page through exactly one of these helpers, chosen by where it lands:

* :func:`md` – Markdown prose, table cells, link texts, headings (the default of the
  Jinja2 templates): HTML and Markdown syntax are turned into character references, so
  ``<script>``, ``*``, ``_``, ``|`` or ``[x](javascript:…)`` show literally.
* :func:`html_text` – inside a raw HTML block (the full transcript), where Markdown is off.
* :func:`code_text` – inside an indented code block (quotes are blockquotes now: :func:`md`).
* :func:`plain_title` – page titles in front matter, which MkDocs themes print unescaped.

Text our own code builds (formatted numbers, links to generated pages) is wrapped in
:class:`Md` so the templates know it is already safe.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date

from generator.lexicon.companies import companies
from generator.lexicon.currencies import currencies
from generator.lexicon.labels import metric_labels
from generator.model import Forecast, Metric, Period


class Md(str):
    """A string that is already valid, safe Markdown (built by our code, data escaped)."""


_WS = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
# ASCII characters with a meaning in Markdown/HTML (or in common extensions) anywhere in a line.
_INLINE = set("\\`*_{}[]()#!|<>&~^=:$@")
_INLINE_TABLE = str.maketrans({ch: f"&#{ord(ch)};" for ch in _INLINE})
_LEADING_LIST = re.compile(r"^(\d+)([.)])")


def one_line(text: object) -> str:
    """``text`` as a single line: control characters dropped, runs of whitespace one space."""
    if text is None:
        return ""
    return _WS.sub(" ", _CONTROL.sub("", str(text))).strip()


def md(text: object) -> Md:
    """Escape data for any Markdown context (prose, table cell, link text, heading)."""
    if isinstance(text, Md):
        return text
    line = one_line(text)
    escaped = line.translate(_INLINE_TABLE)
    if escaped[:1] in ("-", "+", ".", "'", '"'):
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    m = _LEADING_LIST.match(escaped)
    if m:
        escaped = f"{m.group(1)}&#{ord(m.group(2))};{escaped[m.end() :]}"
    return Md(escaped)


def html_text(text: object) -> Md:
    """Escape data for a raw HTML block (Markdown is not processed there)."""
    return Md(html.escape(_CONTROL.sub("", "" if text is None else str(text)), quote=True))


def code_text(text: object) -> Md:
    """Data for one line of an indented code block: shown verbatim, cannot end the block."""
    return Md(one_line(text))


_TITLE_SAFE = str.maketrans({"<": "\uff1c", ">": "\uff1e", "&": "\uff06", "`": "\uff40"})


def plain_title(text: object) -> str:
    """A page title for front matter: one line, no character a theme could read as markup.

    Themes print titles without escaping (and Jinja's ``striptags`` un-escapes entities),
    so ``<``, ``>``, ``&`` and backticks become their full-width forms instead.
    """
    return one_line(text).translate(_TITLE_SAFE) or "无标题"


def front_matter(title: object) -> Md:
    """A YAML front-matter block holding a safe title (JSON strings are valid YAML)."""
    return Md(f"---\ntitle: {json.dumps(plain_title(title), ensure_ascii=False)}\n---\n")


# ---------------------------------------------------------------- numbers


def decimal(value: float | int, places: int = 2) -> str:
    """``value`` with thousands separators and at most ``places`` decimals, zeros trimmed."""
    text = f"{value:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


_COUNT = {
    "users": "用户",
    "orders": "单",
    "shares": "股",
    "merchants": "商家",
    "people": "人",
    "vehicles": "辆",
    "units": "台",
}
_APPROX_WORDS = ("大约", "约合", "约", "近", "超过", "超", "逾", "接近")


def _scaled(value: float) -> tuple[float, str]:
    """The value in the largest of 万亿, 亿, 万 that keeps its digits at two decimals
    (10,847 亿, not 1.08 万亿)."""
    size = abs(value)
    if size >= 1e12 and round(round(value / 1e12, 2) * 1e4, 2) == round(value / 1e8, 2):
        return value / 1e12, "万亿"
    if size >= 1e8:
        return value / 1e8, "亿"
    if size >= 1e4:
        return value / 1e4, "万"
    return value, ""


def approx_word(metric: Metric) -> str:
    """The hedge to print before an approximate figure (近, 超, … as written; else 约)."""
    if not metric.approximate:
        return ""
    written = metric.as_written or ""
    evidence = metric.evidence.text
    at = evidence.find(written) if written else -1
    # The hedge as written: in the figure itself, else just before it in the evidence.
    for context in (written, evidence[max(at - 3, 0) : at] if at > 0 else ""):
        for word in _APPROX_WORDS:
            if word in context:
                return {"约合": "约", "大约": "约", "超过": "超", "接近": "近"}.get(word, word)
    return "约"


def value_text(value: float | int | None, unit: str | None) -> Md:
    """A base-unit value as readers expect: ``2,218.74 亿元``, ``125 亿美元``, ``4.02 亿用户``."""
    if value is None:
        return Md("")
    unit = unit or ""
    if unit == "%":
        return Md(f"{decimal(value)}%")
    currency = currencies().name(unit)
    if currency is not None:
        number, scale = _scaled(float(value))
        return Md(f"{decimal(number)} {scale}{currency}")
    number, scale = _scaled(float(value))
    if unit in _COUNT:
        return Md(f"{decimal(number)} {scale}{_COUNT[unit]}")
    suffix = f"{scale}{md(unit)}" if unit else scale
    return Md(f"{decimal(number)} {suffix}".rstrip())


def sort_key(value: float | int | None, unit: str | None) -> float | None:
    """What a table sorts a figure by: its base-unit value, an amount in another currency in yuan
    at the lexicon's rough ``sort_rates`` (so 30 亿美元 sorts above 169 亿元); None when unknown."""
    if value is None:
        return None
    if unit and currencies().name(unit) is not None:
        return currencies().sort_value(float(value), unit)
    return float(value)


def sortable_value(metric: Metric | None) -> Md:
    """:func:`metric_value` carrying its sort key (``docs/assets/tables.js`` sorts on it)."""
    if metric is None:
        return Md("")
    text = metric_value(metric)
    key = sort_key(metric.value, metric.unit)
    return Md(f'<span data-sort="{key:.12g}">{text}</span>') if text and key is not None else text


def unit_name(unit: str) -> str:
    """A unit as readers name it: ``美元`` for USD, ``用户`` for users, else as given."""
    return currencies().name(unit) or _COUNT.get(unit) or unit


def metric_value(metric: Metric) -> Md:
    """The metric's value with its hedge (``约 300 亿美元``), or "" when only a change is given."""
    text = value_text(metric.value, metric.unit)
    if not text:
        return text
    word = approx_word(metric)
    return Md(f"{word} {text}" if word else text)


def forecast_value(f: Forecast) -> Md:
    """An expected figure: ``1,150 亿元至 1,180 亿元``, ``不低于 1,000 亿港元``, ``80 亿美元``,
    with the growth stated with it (``同比 +8%``); "" when it gives none."""
    parts = []
    if f.low is not None and f.high is not None:
        parts.append(f"{value_text(f.low, f.unit)}至 {value_text(f.high, f.unit)}")
    elif f.low is not None:
        parts.append(f"不低于 {value_text(f.low, f.unit)}")
    elif f.high is not None:
        parts.append(f"不超过 {value_text(f.high, f.unit)}")
    elif f.value is not None:
        parts.append(value_text(f.value, f.unit))
    if f.growth_pct is not None:
        parts.append(f"同比 {pct(f.growth_pct)}")
    return Md("<br>".join(parts))


CORRECTED_MARK = Md(' <span class="corrected" title="人工更正的数值">✎</span>')


def corrected_mark(metric: Metric | None) -> Md:
    """The ✎ mark after a value a person's correction set or changed ("" otherwise)."""
    return CORRECTED_MARK if metric is not None and metric.corrected else Md("")


def pct(change: float | int | None) -> Md:
    """A percent change with its sign: ``+7%``, ``-96%``, ``0%``; "" when unknown."""
    if change is None:
        return Md("")
    text = decimal(change)
    sign = "+" if change > 0 and not text.startswith("-") and text != "0" else ""
    return Md(f"{sign}{text}%")


def pp(change: float | int | None) -> Md:
    """A change in percentage points: ``+1.2 个百分点``; "" when unknown."""
    if change is None:
        return Md("")
    text = decimal(change)
    sign = "+" if change > 0 and text != "0" else ""
    return Md(f"{sign}{text} 个百分点")


def changes(metric: Metric) -> Md:
    """Every change the text gives, in one cell: ``同比 +7%``, ``环比 -31%``, ``+1.2 个百分点``."""
    parts = []
    if metric.yoy_pct is not None:
        parts.append(f"同比 {pct(metric.yoy_pct)}")
    if metric.qoq_pct is not None:
        parts.append(f"环比 {pct(metric.qoq_pct)}")
    if metric.change_pp is not None:
        basis = {"yoy": "同比 ", "qoq": "环比 "}.get(metric.change_pp_basis or "", "")
        parts.append(f"{basis}{pp(metric.change_pp)}")
    return Md("<br>".join(parts))


def day(value: date | None) -> str:
    """An ISO date, or "" when unknown."""
    return value.isoformat() if value else ""


# ---------------------------------------------------------------- labels


def metric_name(metric_id: str) -> str:
    """The Chinese name of a metric id (from the ``metric_labels`` lexicon), else the id."""
    return metric_labels().name(metric_id)


def metric_label(metric_id: str) -> Md:
    """:func:`metric_name`, escaped for Markdown."""
    return md(metric_name(metric_id))


def scope_label(scope: str | None) -> str:
    """The Chinese label of a metric scope."""
    return metric_labels().scope(scope)


def calendar_fiscal_year(company_id: str | None, period: Period) -> bool:
    """True when the company's fiscal year is the calendar year (label ``2024 Q3``, not ``FY2024 Q3``)."""
    entry = companies().get(company_id)
    if entry is not None:
        return entry.fiscal_year_start_month == 1
    end = period.period_end
    if end is None:
        return False
    quarter_ok = period.fiscal_quarter is None or end.month == period.fiscal_quarter * 3
    return end.year == period.fiscal_year and quarter_ok


def year_label(company_id: str | None, period: Period) -> str:
    """``FY2024`` or ``2024`` (calendar fiscal years), "" when the year is unknown."""
    if period.fiscal_year is None:
        return ""
    prefix = "" if calendar_fiscal_year(company_id, period) else "FY"
    return f"{prefix}{period.fiscal_year}"


def period_label(company_id: str | None, period: Period) -> str:
    """``FY2024 Q4``, ``2024 Q3``, ``FY2024 全年``, or ``期间未知``."""
    year = year_label(company_id, period)
    if not year:
        return "期间未知"
    return f"{year} Q{period.fiscal_quarter}" if period.fiscal_quarter else f"{year} 全年"
