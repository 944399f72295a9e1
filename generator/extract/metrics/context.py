"""What metric extraction knows about a call besides its text.

``build_context`` gathers the company's names and business units and the rivals' names (the
company registry, :func:`generator.lexicon.companies.companies`), the fiscal calendar, the
currency a bare 元 and an unmarked amount stand for (the currency registry), and the scope cue
each line inherits from its paragraph or heading.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from generator.extract.metrics.inherit import inherited_cues, quarters_are_calendar
from generator.extract.metrics.rules import Rules, load_rules
from generator.extract.metrics.shapes import Cue, Word
from generator.extract.numbers import find_amounts
from generator.lexicon.companies import Companies, CompanyEntry, companies
from generator.lexicon.currencies import currencies
from generator.lexicon.listed import listed
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
    yuan_guessed: bool = False
    """True when nothing in the text or the lexicon says what a bare 元 means (the first is taken)."""
    sign_currency: dict[str, str] = field(default_factory=dict)
    """A shared currency sign -> the currency it stands for in this text, when not its usual one (¥: JPY)."""
    inherited: dict[int, tuple[Cue, bool]] = field(default_factory=dict)
    """Line number -> the scope cue of the nearest earlier line that has one, and whether that line is
    a heading (a heading's period holds for the lines under it; a sentence's only when it is a quarter)."""

    @property
    def closes_year(self) -> bool:
        """True for the call of a calendar year's last quarter or of the whole year: it is held in the
        next year, so 去年第四季度 / 去年全年 there is its own period."""
        p = self.period
        if self.fiscal_start != 1:
            return False
        if p.fiscal_quarter is not None:
            return p.fiscal_quarter == 4
        return isinstance(p.period_end, date) and p.period_end.month == 12

    @property
    def whole_year(self) -> bool:
        """True for the call of a whole calendar year (held in the next year: 去年 is its year)."""
        p = self.period
        return (
            self.fiscal_start == 1
            and p.fiscal_quarter is None
            and isinstance(p.period_end, date)
            and p.period_end.month == 12
        )

    def find_words(self, text: str) -> list[Word]:
        """The metric words of ``text`` (a bare 收入 counts after the company's or a unit's name)."""
        return self.rules.find_words(text, [*self.own_names, *self.segments])


def build_context(doc: Document, company: Company, period: Period) -> Context:
    registry = companies()
    own = registry.get(company.id) or registry.get(_find_company(registry, company.name))
    own_names = list(own.names if own else ()) + ([company.name] if company.name else [])
    own_names += _short_names(doc, own_names, load_rules().alias_cues)
    segments: dict[str, str] = {}
    for canonical, aliases in (own.segments if own else {}).items():
        for name in [canonical, *aliases]:
            segments[name] = canonical
    rules = load_rules()
    others = [n for entry in registry if entry is not own for n in entry.names]
    others = [n for n in others + rules.rivals if n not in own_names and n not in segments]
    others += _listed_others(doc, own_names, set(others) | set(segments))
    fiscal_start = own.fiscal_year_start_month if own else 1
    currency = (own.currency or currencies().default) if own else _listed_currency(company.name)
    if own is None and currency is None:
        currency = _listing_yuan(doc, company)
    yuan, yuan_guessed = _yuan_currency(doc, currency)
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
        yuan_guessed=yuan_guessed,
    )
    ctx.inherited = inherited_cues(doc, rules)
    ctx.sign_currency = _sign_currency(doc, rules)
    return ctx


def _sign_currency(doc: Document, rules: Rules) -> dict[str, str]:
    """Each shared sign whose usual currency the text never names in words, while it names exactly one
    other of the sign's currencies: that one (¥ in a text counting in yen)."""
    text = "\n".join(ln.norm for ln in doc.lines)
    found = {}
    for sign, currencies_of in rules.shared_signs.items():
        if sign not in text or not currencies_of:
            continue
        (_, usual), others = currencies_of[0], currencies_of[1:]
        named = [code for code, rx in others if rx.search(text)]
        if len(named) == 1 and not usual.search(text):
            found[sign] = named[0]
        elif not named and not usual.search(text):
            converted = _converted_as(doc, sign, [code for code, _ in currencies_of])
            if converted is not None and converted != currencies_of[0][0]:
                found[sign] = converted
    return found


CONVERSION_GAP = re.compile(r"\s*[(（]\s*$")
"""Between an amount and its conversion in brackets: "¥139.6 billion ($1.27 billion)"."""


def _converted_as(doc: Document, sign: str, codes: list[str]) -> str | None:
    """The currency among ``codes`` that a shared sign's amounts converted into US dollars in brackets
    point to ("¥139.6 billion ($1.27 billion)": 110 to the dollar is yen, not yuan), by the rough rates
    of the currencies lexicon; None when no amount is converted or the conversions disagree."""
    rates = currencies().sort_rates
    if "USD" not in rates or any(c not in rates for c in codes):
        return None
    votes = set()
    for line in doc.lines:
        if sign not in line.norm:
            continue
        amounts = find_amounts(line.norm)
        for a, b in zip(amounts, amounts[1:], strict=False):
            written = line.norm[a.start : a.end].lstrip()
            if not written.startswith(sign) or b.currency != "USD" or not b.value or not a.value:
                continue
            if not CONVERSION_GAP.fullmatch(line.norm[a.end : b.start]) or a.value / b.value <= 0:
                continue
            ratio = math.log(a.value / b.value)
            votes.add(min(codes, key=lambda c: abs(ratio - math.log(rates["USD"] / rates[c]))))
    return votes.pop() if len(votes) == 1 else None


def _short_names(doc: Document, own_names: list[str], cues: list[str]) -> list[str]:
    """Short names the text gives the company: 蜜雪冰城股份有限公司(以下简称“蜜雪集团”)."""
    own = [n for n in own_names if len(n) >= 2]
    if not own or not cues:
        return []
    pattern = re.compile(
        r"[(（]\s*(?:" + "|".join(re.escape(c) for c in cues) + r")\s*[:：]?\s*[“\"「『]?"
        r"(?P<alias>[^“”\"「」『』()（）,，。;；]{2,12}?)[”\"」』]?\s*[)）]"
    )
    found: list[str] = []
    for line in doc.lines:
        for m in pattern.finditer(line.norm):
            before = line.norm[max(0, m.start() - 30) : m.start()]
            alias = m.group("alias").strip()
            if any(n in before for n in own) and alias not in own and alias not in found:
                found.append(alias)
    return found


def _listed_others(doc: Document, own_names: list[str], known: set[str]) -> list[str]:
    """Names of other listed companies the text writes (the listed registry, three characters or
    more): TCL科技(000100.SZ)发布半年报，营收… is not this company's revenue. None when the
    company is unknown (nothing to tell it from)."""
    registry = listed()
    own = [n for n in own_names if n]
    if not own:
        return []
    own_listings = {listing for n in own for listing in registry.named(n)}
    found: dict[str, None] = {}
    for line in doc.lines:
        for match in registry.find_names(line.norm):
            name = match.text
            if name in known or name in found or own_listings.intersection(match.listings):
                continue
            if any(name in n or n in name for n in own):
                continue  # 京东方A, 京东方科技集团: the company itself
            found[name] = None
    return list(found)


def _find_company(registry: Companies, name: str | None) -> str | None:
    """The id of the first company (by id) whose canonical name or one of whose names is ``name``."""
    if not name:
        return None
    matches: list[CompanyEntry] = [e for e in registry if name == e.name or name in e.names]
    return min((e.id for e in matches), default=None)


def _yuan_currency(doc: Document, company_currency: str | None = None) -> tuple[str, bool]:
    """What a bare 元 means, and whether that is a guess: the currency it can stand for (CNY, TWD)
    that the text names most often (人民币 / RMB against 新台币 / NT$); when none is named most, the
    company's reporting currency if 元 can stand for it; else the currency whose market's wording
    the text writes (年增, 法说会: a Taiwanese report); else a Hong Kong dollar the text's figures of
    the accounts name (收入682.13億港元); else the first (CNY), a guess."""
    registry = currencies()
    declared = declared_currency(doc)
    if declared is not None:
        return declared, False
    yuan = registry.yuan
    if company_currency in registry.yuan_by_company:
        yuan = (*yuan, company_currency)  # a Hong Kong company's bare 元
    counts = dict.fromkeys(yuan, 0)
    for line in doc.lines:
        for a in find_amounts(line.norm):
            if a.currency in counts and not a.bare_yuan:
                counts[a.currency] += 1
    most = max(counts.values())
    leaders = [c for c in yuan if counts[c] == most]
    if len(leaders) == 1:
        return leaders[0], False
    if company_currency is not None:
        return (company_currency if company_currency in yuan else yuan[0]), company_currency not in yuan
    wording = _wording_currency(doc, registry.yuan_wording, registry.yuan_wording_shared)
    if wording:
        return wording, False
    accounts = _accounts_currency(doc, [c for c in registry.yuan_by_company if c not in counts])
    return (accounts, False) if accounts else (yuan[0], True)


def _accounts_currency(doc: Document, codes: list[str]) -> str | None:
    """The one of ``codes`` (HKD) that the text's figures of the accounts name, more often than the
    others: amounts with a magnitude (682.13億港元), outside clauses of a share's trading or
    valuation and of conversions (成交11.57億港元, 折合港元约82.04元)."""
    if not codes:
        return None
    registry = currencies()
    rules = load_rules()
    counts = dict.fromkeys(codes, 0)
    for line in doc.lines:
        for clause in CLAUSE.finditer(line.norm):
            text = clause.group(0)
            if any(w in text for w in registry.not_accounts) or rules.excluded_kind(text) == "valuation":
                continue
            for a in find_amounts(text):
                if a.currency in counts and a.has_magnitude and not a.bare_yuan:
                    counts[a.currency] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def declared_currency(doc: Document) -> str | None:
    """The currency a text declares for the figures after it: 53.8亿元(港币,以下同), (人民币.下同),
    (人民幣‧下同), (除另有注明以外,所有金额以港元列示)."""
    registry = currencies()
    words = sorted({*registry.prefixes, *registry.suffixes}, key=len, reverse=True)
    pattern = re.compile(
        r"[(（]\s*(?P<word>"
        + "|".join(re.escape(w) for w in words)
        + r")\s*[,，.。、;；·‧・]?\s*(?:以)?下同\s*[)）]",
        re.IGNORECASE,
    )
    stated = None
    if registry.declaration_before and registry.declaration_after:
        stated = re.compile(
            "(?:"
            + "|".join(re.escape(w) for w in registry.declaration_before)
            + r")\s*(?P<word>"
            + "|".join(re.escape(w) for w in words)
            + r")\s*(?:"
            + "|".join(re.escape(w) for w in registry.declaration_after)
            + ")",
            re.IGNORECASE,
        )
    for line in doc.lines:
        m = pattern.search(line.norm) or (stated.search(line.norm) if stated else None)
        if m:
            return registry.code(m.group("word"))
    return None


def _wording_currency(
    doc: Document, wording: dict[str, tuple[str, ...]], shared: tuple[str, ...] = ()
) -> str | None:
    """The currency whose market's wording the text writes at least twice, and at least twice as
    often as any other market's; None when no market's wording leads so clearly. Words are read
    longest first, left to right: ``shared`` wording counts for no market (按年增 is no 年增)."""
    owner = {w: code for code, words in wording.items() for w in words}
    words = sorted({*owner, *shared}, key=len, reverse=True)
    if not words:
        return None
    pattern = re.compile("|".join(re.escape(w) for w in words))
    counts = {code: 0 for code in wording}
    for line in doc.lines:
        for m in pattern.finditer(line.norm):
            code = owner.get(m.group(0)) if m.group(0) not in shared else None
            if code is not None:
                counts[code] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def _listed_currency(name: str | None) -> str | None:
    """The reporting currency of a company the lexicon does not know, when every listing of its
    name in the listed registry is on an exchange whose companies report in one currency."""
    if not name:
        return None
    by_exchange = currencies().exchange_currencies
    found = {by_exchange.get(listing.exchange) for listing in listed().named(name)}
    return found.pop() if len(found) == 1 else None


def _listing_yuan(doc: Document, company: Company) -> str | None:
    """What a bare 元 stands for in a text written for the press of the one exchange where the listed
    registry knows the company (by its name or a code the text gives it), when the lexicon's
    ``listing_yuan`` names that exchange and the text writes its press's wording at least twice and
    more often than the mainland's (a Hong Kong paper's 按年 of a company listed only in Hong Kong)."""
    registry = currencies()
    if not registry.listing_yuan or not company.name:
        return None
    market = listed()
    listings = list(market.named(company.name))
    listings += [found for t in company.tickers if (found := market.code(t)) is not None]
    exchanges = {listing.exchange for listing in listings}
    if len(exchanges) != 1 or any(listing.also for listing in listings):
        return None
    entry = registry.listing_yuan.get(exchanges.pop())
    if entry is None:
        return None
    currency, wording = entry
    text = "\n".join(ln.norm for ln in doc.lines)
    press = sum(text.count(w) for w in wording)
    mainland = sum(text.count(w) for w in registry.yuan_wording.get(registry.yuan[0], ()))
    return currency if press >= 2 and press > mainland else None


CLAUSE = re.compile(r"[^,，;；。!?！？]+")
"""A clause of a line, for telling a valuation's amounts from the accounts'."""


def _default_currency(doc: Document, yuan: str, company_currency: str | None = None) -> str:
    """The currency most often written with a magnitude in the document (a bare 元 counting as
    ``yuan``); when none is written, the company's reporting currency (CNY when unknown)."""
    declared = declared_currency(doc)
    if declared is not None:
        return declared
    counts: dict[str, int] = {}
    rules = load_rules()
    for line in doc.lines:
        for clause in CLAUSE.finditer(line.norm):
            if rules.excluded_kind(clause.group(0)) == "valuation":
                continue  # 从1900亿港元市值腰斩至1000亿港元: the share's currency, not the accounts'
            for a in find_amounts(clause.group(0)):
                currency = yuan if a.bare_yuan else a.currency
                if currency and a.has_magnitude:
                    counts[currency] = counts.get(currency, 0) + 1
    if counts:
        return max(sorted(counts), key=lambda c: counts[c])
    return company_currency or currencies().default
