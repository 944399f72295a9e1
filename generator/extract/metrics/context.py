"""What metric extraction knows about a call besides its text, and the working shapes it fills.

``build_context`` gathers the company's names and business units (lexicon ``companies``), the
rival names, the fiscal calendar, the currency a bare 元 and an unmarked amount stand for, and
the scope cue each line inherits from its paragraph or heading. ``Span``, ``Word`` and ``Entry``
are the pieces a sentence is read into before an ``Entry`` becomes a ``Metric``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator import lexicon
from generator.extract.metrics.rules import Cue, Rules, load_rules
from generator.extract.metrics.scope import inherited_cues, quarters_are_calendar
from generator.extract.numbers import Amount, Percent, find_amounts
from generator.model import Company, Document, Period


@dataclass
class Span:
    """A piece of a sentence: [start, end) offsets in the line."""

    start: int
    end: int


@dataclass
class Word:
    """A metric word found in a line."""

    start: int
    end: int
    metric: str
    loss: bool = False


@dataclass
class Entry:
    """A metric being assembled from a sentence."""

    word: Word
    metric: str
    clause: int
    sentence: Span
    segment: str | None = None
    start: int = 0
    amount: Amount | None = None
    approximate: bool = False
    changes: dict[str, tuple[float, Percent]] = field(default_factory=dict)
    ratio: Percent | None = None
    excluded: bool = False
    inferred_currency: str | None = None
    negative: bool = False
    """True when the text says the figure is a loss (净利润亏损3亿元, -3亿元)."""
    from_table: bool = False
    """True when the entry is a table row: its scope comes from the column header."""
    table_scope: str | None = None
    span: tuple[int, int] | None = None
    """For table rows: the [start, end) of the evidence on the entry's line."""
    segment_span: tuple[int, int] | None = None
    """For a business unit the lexicon does not know: the [start, end) of its name as written."""
    unclear: str | None = None
    """The words before the metric word when they name no business line clearly (its figure is left out)."""

    def has_figure(self) -> bool:
        return self.amount is not None or self.ratio is not None or bool(self.changes)


@dataclass
class Context:
    """What extraction needs to know about the call besides the text."""

    rules: Rules
    own_names: list[str]
    segments: dict[str, str]
    """Every name of a business unit of the company -> its canonical name."""
    others: list[str]
    period: Period
    fiscal_start: int
    plain_quarters_are_calendar: bool
    default_currency: str
    yuan_currency: str = "CNY"
    """What a bare 元 means: CNY, or TWD in a text that writes 新台币 more often than 人民币."""
    inherited: dict[int, tuple[Cue, bool]] = field(default_factory=dict)
    """Line number -> the scope cue of the nearest earlier line that has one, and whether that line is
    a heading (a heading's period holds for the lines under it; a sentence's only when it is a quarter)."""


def build_context(doc: Document, company: Company, period: Period) -> Context:
    companies = (lexicon.load("companies") or {}).get("companies", {})
    own_id = company.id if company.id in companies else _find_company(companies, company.name)
    own = companies.get(own_id, {}) if own_id else {}
    own_names = list(own.get("names", [])) + ([company.name] if company.name else [])
    segments: dict[str, str] = {}
    for canonical, aliases in (own.get("segments") or {}).items():
        for name in [canonical, *(aliases or [])]:
            segments[name] = canonical
    rules = load_rules()
    others = [n for cid, c in companies.items() if cid != own_id for n in c.get("names", [])]
    others = [n for n in others + rules.rivals if n not in own_names and n not in segments]
    fiscal_start = int(own.get("fiscal_year_start_month", 1) or 1)
    yuan = _yuan_currency(doc, own.get("currency"))
    ctx = Context(
        rules=rules,
        own_names=own_names,
        segments=segments,
        others=others,
        period=period,
        fiscal_start=fiscal_start,
        plain_quarters_are_calendar=quarters_are_calendar(doc, period, fiscal_start, rules),
        default_currency=_default_currency(doc, yuan, own.get("currency")),
        yuan_currency=yuan,
    )
    ctx.inherited = inherited_cues(doc, rules)
    return ctx


def _find_company(companies: dict, name: str | None) -> str | None:
    if not name:
        return None
    for cid, c in sorted(companies.items()):
        if name == c.get("name") or name in c.get("names", []):
            return cid
    return None


YUAN_CURRENCIES = ("CNY", "TWD")
"""Currencies a bare 元 can stand for."""


def _yuan_currency(doc: Document, company_currency: str | None = None) -> str:
    """What a bare 元 means: TWD when the text names 新台币 / NT$ more often than 人民币 / RMB, CNY when
    the other way round; when the text names neither, the company's reporting currency (TWD for a
    Taiwanese company) if 元 can stand for it, else CNY."""
    counts = {"CNY": 0, "TWD": 0}
    for line in doc.lines:
        for a in find_amounts(line.norm):
            if a.currency in counts and not a.bare_yuan:
                counts[a.currency] += 1
    if counts["TWD"] != counts["CNY"]:
        return "TWD" if counts["TWD"] > counts["CNY"] else "CNY"
    return company_currency if company_currency in YUAN_CURRENCIES else "CNY"


def _default_currency(doc: Document, yuan: str = "CNY", company_currency: str | None = None) -> str:
    """The currency most often written with a magnitude in the document (a bare 元 counting as
    ``yuan``); when none is written, the company's reporting currency (CNY when unknown)."""
    counts: dict[str, int] = {}
    for line in doc.lines:
        for a in find_amounts(line.norm):
            currency = yuan if a.bare_yuan else a.currency
            if currency and a.has_magnitude:
                counts[currency] = counts.get(currency, 0) + 1
    if counts:
        return max(sorted(counts), key=lambda c: counts[c])
    return company_currency or "CNY"
