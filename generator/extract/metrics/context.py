"""What metric extraction knows about a call besides its text.

``build_context`` gathers the company's names and business units and the rivals' names (the
company registry, :func:`generator.lexicon.companies.companies`), the fiscal calendar, the
currency a bare 元 and an unmarked amount stand for (the currency registry), and the scope cue
each line inherits from its paragraph or heading.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.extract.metrics.inherit import inherited_cues, quarters_are_calendar
from generator.extract.metrics.rules import Rules, load_rules
from generator.extract.metrics.shapes import Cue, Word
from generator.extract.numbers import find_amounts
from generator.lexicon.companies import Companies, CompanyEntry, companies
from generator.lexicon.currencies import currencies
from generator.model import Company, Document, Period


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

    def find_words(self, text: str) -> list[Word]:
        """The metric words of ``text`` (a bare 收入 counts after the company's or a unit's name)."""
        return self.rules.find_words(text, [*self.own_names, *self.segments])


def build_context(doc: Document, company: Company, period: Period) -> Context:
    registry = companies()
    own = registry.get(company.id) or registry.get(_find_company(registry, company.name))
    own_names = list(own.names if own else ()) + ([company.name] if company.name else [])
    segments: dict[str, str] = {}
    for canonical, aliases in (own.segments if own else {}).items():
        for name in [canonical, *aliases]:
            segments[name] = canonical
    rules = load_rules()
    others = [n for entry in registry if entry is not own for n in entry.names]
    others = [n for n in others + rules.rivals if n not in own_names and n not in segments]
    fiscal_start = own.fiscal_year_start_month if own else 1
    currency = own.currency if own else None
    yuan = _yuan_currency(doc, currency)
    ctx = Context(
        rules=rules,
        own_names=own_names,
        segments=segments,
        others=others,
        period=period,
        fiscal_start=fiscal_start,
        plain_quarters_are_calendar=quarters_are_calendar(doc, period, fiscal_start, rules),
        default_currency=_default_currency(doc, yuan, currency),
        yuan_currency=yuan,
    )
    ctx.inherited = inherited_cues(doc, rules)
    return ctx


def _find_company(registry: Companies, name: str | None) -> str | None:
    """The id of the first company (by id) whose canonical name or one of whose names is ``name``."""
    if not name:
        return None
    matches: list[CompanyEntry] = [e for e in registry if name == e.name or name in e.names]
    return min((e.id for e in matches), default=None)


def _yuan_currency(doc: Document, company_currency: str | None = None) -> str:
    """What a bare 元 means: the currency it can stand for (CNY, TWD) that the text names most often
    (人民币 / RMB against 新台币 / NT$); when none is named most, the company's reporting currency
    (TWD for a Taiwanese company) if 元 can stand for it, else the first (CNY)."""
    yuan = currencies().yuan
    counts = dict.fromkeys(yuan, 0)
    for line in doc.lines:
        for a in find_amounts(line.norm):
            if a.currency in counts and not a.bare_yuan:
                counts[a.currency] += 1
    most = max(counts.values())
    leaders = [c for c in yuan if counts[c] == most]
    if len(leaders) == 1:
        return leaders[0]
    return company_currency if company_currency in yuan else yuan[0]


def _default_currency(doc: Document, yuan: str, company_currency: str | None = None) -> str:
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
    return company_currency or currencies().default
