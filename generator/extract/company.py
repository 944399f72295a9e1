"""Which company a text is about, with its tickers.

* The company is the one the text is mostly about: mentions of every name in the company
  registry are counted, those in the title and the first lines weigh more.
* A filing's own header (``证券代码:688008 证券简称:澜起科技``) names the issuer first.
* A company the registry does not know is named as the text presents it: before
  财报/业绩会/季度 in the title, or beside a ticker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from generator.extract.dates import HEAD_LINES
from generator.lexicon import _dirs_key, built_from_lexicons, periods
from generator.lexicon.companies import Companies, companies
from generator.lexicon.periods import alt
from generator.lexicon.words import alternation, longest_first
from generator.model import Company, Document
from generator.source import chinese


def _name_pattern(name: str) -> str:
    escaped = re.escape(name)
    return rf"(?<![A-Za-z]){escaped}(?![A-Za-z])" if name.isascii() else escaped


def company_mentions(doc: Document) -> dict[str, float]:
    """Weighted mentions of each registry company (title x5, first lines x3, elsewhere x1)."""
    owner, pattern = _mention_pattern(_dirs_key())
    if pattern is None:
        return {}
    scores: dict[str, float] = {}
    weighted = [(chinese.normalise(doc.title or ""), 5.0)] + [
        (ln.norm, 3.0 if i < HEAD_LINES else 1.0) for i, ln in enumerate(doc.content_lines())
    ]
    for text, weight in weighted:
        for m in pattern.finditer(text):
            cid = owner[m.group(0).lower()]
            scores[cid] = scores.get(cid, 0.0) + weight
    return scores


@built_from_lexicons
@cache
def _mention_pattern(_key: tuple[Path, ...]) -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Every name of the registry (lower case) -> its company, and one pattern of them all."""
    owner: dict[str, str] = {}
    for entry in companies():
        for name in entry.names:
            owner.setdefault(name.lower(), entry.id)
    if not owner:
        return owner, None
    return owner, re.compile("|".join(_name_pattern(n) for n in longest_first(owner)), re.IGNORECASE)


def identify_company(doc: Document) -> Company:
    """The company the text is mostly about, with the tickers the text gives for it.

    A filing's own header (``证券代码:688008 证券简称:澜起科技``, ``某某股份有限公司`` heading the
    text) names it first, as the lexicon knows it or, when it does not, as the header writes it.
    Otherwise a lexicon company wins unless an entity the text itself presents as the subject (named
    before 财报/业绩会/季度 in the title, or beside a ticker) is not in the lexicon and is
    mentioned more: then that entity is the company, with ``id`` None.
    """
    scores = company_mentions(doc)
    registry = companies()
    listed = listed_company(doc)
    if listed is not None:
        owner = _lexicon_owner(listed.name, registry)
        if owner is None:
            return Company(name=listed.name, tickers=listed.tickers, id=None)
        entry = registry.entries[owner]
        tickers = find_tickers(doc, list(entry.tickers))
        tickers += [t for t in listed.tickers if t in entry.tickers and t not in tickers]
        return Company(name=entry.name, tickers=tickers, id=owner)
    guess = guess_company(doc)
    if guess is not None:
        owner = _lexicon_owner(guess.name, registry)
        if owner is None and guess.score > max(scores.values(), default=0.0):
            return Company(name=guess.name, tickers=guess.tickers, id=None)
        if owner is not None and guess.score >= max(scores.values(), default=0.0):
            scores[owner] = max(scores.values(), default=0.0) + guess.score
    if not scores:
        return Company()
    cid = min(scores, key=lambda c: (-scores[c], c))
    entry = registry.entries[cid]
    return Company(name=entry.name, tickers=find_tickers(doc, list(entry.tickers)), id=cid)


def find_tickers(doc: Document, tickers: list[str]) -> list[str]:
    """The company's tickers that stand in the text, in the lexicon's form.

    Digit tickers count only beside an exchange or in brackets (``09988.HK``, ``2454-TW``, ``HKEX: 9988``,
    ``腾讯(00700)``, ``$阿里巴巴-W(09988)$``); leading zeros as written do not matter. The lines the
    reader blanked (a share-quote bar: ``阿里巴巴-W 09988.HK 76.35``) are searched too.
    """
    blanked = [
        chinese.normalise(ln.original)
        for ln in doc.lines
        if not ln.text.strip() and ln.original.strip() and "<" not in ln.original
    ]
    text = "\n".join([ln.norm for ln in doc.content_lines()] + blanked)
    found = []
    for ticker in tickers:
        t = re.escape(str(ticker).lstrip("0") or "0")
        if str(ticker).isdigit():
            pattern = (
                rf"(?:HKEX|HK|SEHK|港交所|港股|股票代码|代码|SH|SZ|TWSE)\s*[:.]?\s*0*{t}(?!\d)"
                rf"|(?<![\d.])0*{t}\s*[.\-]\s*(?:HK|SH|SZ|TWO|TW)(?![A-Za-z])"
                rf"|\(\s*0*{t}\s*[),;、]|[;,、]\s*0*{t}\s*\)"
            )
            if re.search(pattern, text):
                found.append(str(ticker))
        elif re.search(rf"(?<![A-Za-z]){re.escape(str(ticker))}(?![A-Za-z])", text, re.IGNORECASE):
            found.append(str(ticker))
    return found


# --- a company the lexicon does not know -------------------------------------------------

HAN = r"\u3400-\u9fff"
_TICKER_SUBJECT = re.compile(
    rf"([{HAN}A-Za-z.&]{{2,16}})(?:-[A-Z]{{1,3}})?\s*\(\s*"
    r"(?:(NASDAQ|NYSE|HKEX|SEHK|港股代码|股票代码|代码)\s*:?\s*)?"
    r"([A-Z]{1,5}|\d{4,6})(?:\.(US|HK|SH|SZ|TW|O|N))?\s*[),;、]"
)
"""``蔚来(NIO.US)``, ``腾讯(00700)``, ``拼多多集团(NASDAQ: PDD)``: a name beside its ticker."""
_SUBJECT_SEPARATORS = re.compile(r"[|丨:,!?。;、\s【】\[\]()“”\"'《》]")


def _title_subject_pattern() -> re.Pattern[str]:
    """A name before a period or results word opening a title piece: ``蔚来2024年第三季度``, ``某某财报``."""
    return _title_subject(_dirs_key())


@built_from_lexicons
@cache
def _title_subject(_key: tuple[Path, ...]) -> re.Pattern[str]:
    w = periods.wording()
    quarter = alt([*w.quarter, *w.fiscal_quarter_short, *w.quarter_short])
    results = (
        rf"(?:\s*(?:20\d\d\s*年?|FY\s*\d{{2,4}})?\s*{alt(w.fiscal_year)}?\s*"
        rf"(?:第?[一二三四1-4]\s*{quarter}|[Qq][1-4]|{alternation(w.title_period_words)}))"
    )
    return re.compile(rf"([{HAN}A-Za-z][{HAN}A-Za-z.&]{{1,15}}?)(?:-[A-Z]{{1,3}})?{results}")


@dataclass
class CompanyGuess:
    """An entity the text presents as its subject, though the lexicon does not name it."""

    name: str
    """As written (simplified)."""
    score: float
    """Weighted mentions, counted as :func:`company_mentions` counts lexicon names."""
    tickers: list[str] = field(default_factory=list)


def _ticker_form(code: str, exchange: str | None) -> str:
    """``09866`` + HK -> ``9866``; ``00700`` -> ``0700``; A-share and US codes unchanged."""
    if code.isdigit() and (exchange == "HK" or (exchange is None and len(code) == 5)):
        return code.lstrip("0").zfill(4)
    return code


_NOT_A_NAME = re.compile(r"[\d季年月日]|财报|业绩")


def _lexicon_suffix(run: str) -> str | None:
    """The longest lexicon company name ending ``run`` ("腾讯音乐" -> 腾讯音乐, not 音乐 or 腾讯)."""
    low = run.lower()
    names = [
        n
        for entry in companies()
        for n in [entry.name, *entry.names]
        if len(n) >= 2 and low.endswith(n.lower())
    ]
    return max(names, key=lambda n: (len(n), n)) if names else None


NAME_REPEATS = 3
"""How often a text repeats a company's full name at least (title, ticker line, body)."""


def _best_suffix(run: str, text: str) -> str | None:
    """The name ending ``run`` ("周四收盘后蔚来" -> "蔚来"): a company of the lexicon ending it
    (the longest), else the longest ending (2+ characters) the text repeats at least half as
    often as its most repeated ending, or at least ``NAME_REPEATS`` times (so that a name
    written in full, 某某云音乐, is not cut to a word it ends with, 音乐)."""
    known = _lexicon_suffix(run)
    if known is not None:
        return known
    generic = companies().generic_subjects
    counts = {
        run[i:]: text.count(run[i:])
        for i in range(len(run) - 1)
        if run[i:].lower() not in generic and not _NOT_A_NAME.search(run[i:])
    }
    if not counts:
        return None
    most = max(counts.values())
    enough = min((most + 1) // 2, NAME_REPEATS)
    return max((c for c in counts if counts[c] >= enough), key=lambda c: (len(c), c))


def guess_company(doc: Document) -> CompanyGuess | None:
    """The subject the title or a ticker names, with its weighted mentions; None when none."""
    lines = doc.content_lines()
    text = "\n".join(ln.norm for ln in lines)
    title = chinese.normalise(doc.title or "")
    candidates: list[str] = []
    title_subject = _title_subject_pattern()
    for head in [title] + [ln.norm for ln in lines[:1]]:
        for piece in _SUBJECT_SEPARATORS.split(head)[:4]:
            m = title_subject.match(piece)
            if m:
                name = _best_suffix(m.group(1), text)
                if name:
                    candidates.append(name)
    tickers: dict[str, list[str]] = {}
    for m in _TICKER_SUBJECT.finditer(text):
        if not (m.group(2) or m.group(4) or m.group(3).isdigit()):
            continue  # "(ADR)", "(IFRS)": letters alone are no ticker
        name = _best_suffix(m.group(1), text)
        if name:
            candidates.append(name)
            form = _ticker_form(m.group(3), m.group(4))
            tickers.setdefault(name, [])
            if form not in tickers[name]:
                tickers[name].append(form)
    if not candidates:
        return None
    weighted = [(title, 5.0)] + [(ln.norm, 3.0 if i < HEAD_LINES else 1.0) for i, ln in enumerate(lines)]
    scored = {c: sum(w * t.count(c) for t, w in weighted) for c in set(candidates)}
    name = min(scored, key=lambda c: (-scored[c], -len(c), c))
    return CompanyGuess(name=name, score=scored[name], tickers=tickers.get(name, []))


A_SHARE_NAME = re.compile(rf"(?:证券|股票|公司)简称\s*:\s*((?:\*?ST)?[{HAN}A-Za-z0-9]{{2,10}})")
"""``证券简称:澜起科技``: a Chinese listed company's short name in a filing's header."""
A_SHARE_CODE = re.compile(r"(?:证券|股票|公司)代码\s*:\s*(\d{6})(?!\d)")
"""``证券代码:688008``: its six-digit code."""
LIMITED_COMPANY = re.compile(rf"^\s*([{HAN}]{{2,16}}?)股份有限公司\s*$")
"""``澜起科技股份有限公司`` on a line of its own: the issuer heading its filing."""
LISTED_HEAD_LINES = 8
"""How many first lines of a text may carry a filing's header."""


def listed_company(doc: Document) -> CompanyGuess | None:
    """The issuer a filing's header names (``证券简称:``, else a ``…股份有限公司`` line), with the
    ``证券代码:`` beside it; None when the text has no such header."""
    head = [ln.norm for ln in doc.content_lines()[:LISTED_HEAD_LINES]]
    codes = [m.group(1) for line in head for m in A_SHARE_CODE.finditer(line)]
    for line in head:
        m = A_SHARE_NAME.search(line)
        if m:
            return CompanyGuess(name=m.group(1), score=0.0, tickers=codes[:1])
    for line in head:
        m = LIMITED_COMPANY.match(line)
        if m and m.group(1).lower() not in companies().generic_subjects:
            return CompanyGuess(name=m.group(1), score=0.0, tickers=codes[:1])
    return None


def _lexicon_owner(name: str, registry: Companies) -> str | None:
    """The registry company whose name ``name`` is or contains, or whose segment ``name`` is
    (a name that only contains a segment's, 某某云音乐, may be a company of its own)."""
    low = name.lower()
    best: tuple[int, str] | None = None
    for entry in registry:
        cid = entry.id
        names = [w.lower() for w in [entry.name, *entry.names]]
        segments = [w.lower() for w in entry.segments]
        for seg_aliases in entry.segments.values():
            segments.extend(w.lower() for w in seg_aliases)
        hits = [w for w in names if w and (w == low or (len(w) >= 2 and w in low))]
        hits += [w for w in segments if w and w == low]
        for w in hits:
            key = (len(w), cid)
            if best is None or key > best:
                best = key
    return best[1] if best else None
