"""Which company a text is about, with its tickers.

* A filing's own header (``证券代码:688008 证券简称:澜起科技``) names the issuer first.
* Otherwise every entity the text names is weighed: mentions of the companies lexicon's names
  and of the listed registry's (``generator/lexicon/listed.py``: thousands of issuers), tickers
  in any common form (``NASDAQ: XPEV``, ``09868.HK``, ``300750.SZ``, ``2454-TW``), and results
  sentences whose subject it is (``X实现营收``, ``X公布…财报``, ``X业绩会``). A name in the title
  is evidence, not the answer: a rival or a founder in the headline loses to the company the
  results belong to.
* A company no registry knows is named as the text presents it: before 财报/业绩会/季度 in the
  title, or beside a ticker.
* A registry issuer the lexicon lacks is named as the text names it most (in simplified
  characters), or as it abbreviates it beside its code (恒基地产(00012)), with ``id`` None; too
  little evidence leaves the company unknown. A name written beside a code is that code's issuer's
  name in the text (九龙仓置业(1997), 阿里健康(00241)): a parent's name inside it (九龙仓, 阿里) is
  no mention of the parent. A release's defined short name (``("Sinopec" or the "Company")``)
  names the issuer of the ticker beside it.
* Also evidence: the name a leader's title follows (作为X总裁), the name a call's welcome gives
  (感谢您参加X…业绩电话会议), a research note's title (``X(02618.HK):…``). Never evidence: a pronoun
  (我们), a lexicon name inside another issuer's longer name (京东 in 京东物流), a company named as
  another's relative after the first line (信置的母公司尖沙咀置业), a news outlet in a dateline or
  byline (凤凰科技讯…, ``2013-05-21 09:04 · 凤凰科技``), a period word (中期). Wording in companies.yaml
  and periods.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from generator.extract.dates import HEAD_LINES
from generator.extract.mentions import opens_with_speech
from generator.lexicon import per_lexicon_set, periods
from generator.lexicon.companies import companies
from generator.lexicon.listed import Listing, NameMatch, core_english, core_name, in_order, listed, name_key
from generator.lexicon.periods import alt
from generator.lexicon.words import alternation, guarded, longest_first, trie
from generator.model import Company, Document, Line
from generator.source import chinese

HAN = r"\u3400-\u9fff"


def _name_pattern(name: str) -> str:
    escaped = re.escape(name)
    return rf"(?<![A-Za-z]){escaped}(?![A-Za-z])" if name.isascii() else escaped


def company_mentions(doc: Document) -> dict[str, float]:
    """Weighted mentions of each registry company (title x5, first lines x3, elsewhere x1); never
    one inside a longer registry name of another issuer (京东 in 京东物流, a listed subsidiary), nor
    inside a name the text gives another issuer beside its code (阿里 in 阿里健康(00241); see
    :func:`declared_names`)."""
    owner, pattern = _mention_pattern()
    if pattern is None:
        return {}
    declared = declared_names(doc)
    scores: dict[str, float] = {}
    whole: str | None = None
    for text, weight in _weighted_texts(doc):
        found = list(pattern.finditer(text))
        if not found:
            continue
        longer = [x for x in listed().find_names(text) if len(x.text) > 2]
        longer += _declared_spans(text, declared)
        for m in found:
            cid = owner[m.group(0).lower()]
            inside = [
                x
                for x in longer
                if x.start <= m.start() and m.end() <= x.end and x.end - x.start > len(m.group(0))
            ]
            if inside:
                whole = _text_key(doc) if whole is None else whole
                if _listed_candidate(inside[0].listings, whole).id != cid:
                    continue
            scores[cid] = scores.get(cid, 0.0) + weight
    return scores


@per_lexicon_set
def _mention_pattern() -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Every name of the registry (lower case) -> its company, and one pattern of them all (tried
    only where a name can start: see :func:`guarded`)."""
    owner: dict[str, str] = {}
    for entry in companies():
        for name in entry.all_names:
            owner.setdefault(name.lower(), entry.id)
    if not owner:
        return owner, None
    alternatives = trie(owner, str.isascii) or "|".join(_name_pattern(n) for n in longest_first(owner))
    return owner, guarded(alternatives, owner, re.IGNORECASE)


def identify_company(doc: Document) -> Company:
    """The company the text is mostly about, with the tickers the text gives for it.

    A filing's own header (``证券代码:688008 证券简称:澜起科技``, ``某某股份有限公司`` heading the
    text) names it first, as the lexicon or the listed registry knows it or, when neither does, as
    the header writes it. Otherwise every entity the text names is weighed (see :func:`weigh`):
    mentions of lexicon and registry names, tickers, results sentences whose subject it is, and a
    subject the title or a ticker presents that no registry knows. The heaviest is the company.
    """
    header = listed_company(doc)
    if header is not None:
        known = _resolve(header.name, doc)
        if known is not None:
            return _company_of(known, doc, header.tickers)
        return Company(name=header.name, tickers=header.tickers, id=None)
    board = weigh(doc)
    best = min(board.values(), key=lambda c: (-c.score, c.key), default=None)
    if best is None or best.score < MIN_EVIDENCE:
        return Company()
    return _company_of(best, doc, best.tickers)


@dataclass
class Candidate:
    """An entity the text may be about, and the weight of the evidence for it."""

    key: str
    """``lexicon:<id>``, ``listed:<name>`` or ``guess:<name>``: one per issuer."""
    name: str
    """Its canonical name (lexicon), the name the text uses most (registry), or as written."""
    id: str | None = None
    listings: tuple[Listing, ...] = ()
    score: float = 0.0
    tickers: list[str] = field(default_factory=list)


MIN_EVIDENCE = 3.0
"""The least evidence that names the text's company: one mention in its first lines; a single
passing mention further down (a rival, a client) is too little, and the company stays unknown."""
TICKER_WEIGHT = 5.0
"""Evidence of one ticker written beside the company (``(NASDAQ: XPEV)``, ``09868.HK``)."""
TICKERS_COUNTED = 3
"""Occurrences of one ticker that count at most (a quote bar may repeat it)."""
OWN_CODE_WEIGHT = 3 * TICKER_WEIGHT
"""Evidence of a code the text gives as the company's own after a ticker word (``集团股份亦在上海证券
交易所上市,编号为601601``, ``股份代号:2628``): its issuer declares itself; a shareholder or a client
named beside its ticker (``创始投资者包括交通银行(03328)``) weighs less."""
SUBJECT_WEIGHT = 4.0
"""Evidence of one results sentence whose subject is the company (``X实现营收``, ``X公布…财报``)."""


def weigh(doc: Document) -> dict[str, Candidate]:
    """Every entity the text names, with the weight of the evidence that it is the text's company."""
    board: dict[str, Candidate] = {}
    registry = companies()
    for cid, score in company_mentions(doc).items():
        entry = registry.entries[cid]
        _add(board, Candidate(f"lexicon:{cid}", entry.name, cid), score)
    for found, score in _registry_mentions(doc):
        _add(board, found, score)
    for found, ticker, weight in _ticker_mentions(doc):
        _add(board, found, weight, ticker)
    for found in _results_subjects(doc):
        _add(board, found, SUBJECT_WEIGHT)
    guess = guess_company(doc)
    if guess is not None:
        owner = _ticker_owner(guess.name, guess.tickers, doc, guess.defined) if guess.defined else None
        known = owner or _resolve(guess.name, doc) or _ticker_owner(guess.name, guess.tickers, doc)
        if known is None:
            _add(board, Candidate(f"guess:{guess.name}", guess.name), guess.score, *guess.tickers)
        else:
            _add(board, known, SUBJECT_WEIGHT, *guess.tickers)
            if known.key.startswith("listed:"):
                board[known.key].name = known.name  # as the text writes it beside its ticker (恒基地产)
    declared = declared_names(doc)
    for found in board.values():
        written = tuple(k for k, v in declared.items() if set(v) & set(found.listings))
        if found.id is None and written:
            found.name = listed_name(found.listings, _text_key(doc), written)  # 上海石油化工股份(00338)
    return board


def _ticker_owner(name: str, tickers: list[str], doc: Document, defined: bool = False) -> Candidate | None:
    """The registry issuer of one of ``tickers`` when ``name`` is part of one of its names (Yum
    China beside YUMC: Yum China Holdings), or abbreviates its Chinese short name (恒基地产 beside
    00012: 恒基兆业地产), named as the text writes it then; a name of its own beside a ticker stays
    its own, unless the text ``defined`` it as the issuer's (``("Sinopec" or the "Company")``)."""
    key = name_key(name)
    for ticker in tickers:
        listing = listed().code(ticker)
        if listing is None:
            continue
        if defined:
            found = _listed_candidate((listing,), _text_key(doc))
            return found if found.id is not None else replace(found, name=name)
        if any(key in name_key(n) for n in listing.names):
            return _listed_candidate((listing,), _text_key(doc))
        short = name_key(_SHARE_CLASS.sub("", listing.short))
        if _ALL_CJK.fullmatch(key) and 2 <= len(key) < len(short) and in_order(key, short):
            found = _listed_candidate((listing,), _text_key(doc))
            return found if found.id is not None else replace(found, name=name)
    return None


def _add(board: dict[str, Candidate], found: Candidate, score: float, *tickers: str) -> None:
    held = board.setdefault(found.key, found)
    held.score += score
    held.tickers.extend(t for t in tickers if t not in held.tickers)


def _company_of(found: Candidate, doc: Document, tickers: list[str]) -> Company:
    """The Company of a candidate: a lexicon entry with its tickers as the text writes them."""
    entry = companies().get(found.id)
    if entry is None:
        return Company(name=found.name, tickers=list(dict.fromkeys(tickers)), id=None)
    written = find_tickers(doc, list(entry.tickers))
    written += [t for t in tickers if t in entry.tickers and t not in written]
    return Company(name=entry.name, tickers=written, id=entry.id)


# --- the listed registry ----------------------------------------------------------------------


def _weighted_texts(doc: Document) -> list[tuple[str, float]]:
    """The title (x5), the first lines (x3) and the rest (x1), normalised, each company named as
    another's relative after the first line blanked (:func:`mask_relatives`; an opening that names
    a company as another's parent makes it the subject: 《明报》母公司世界华文(00685)公布…)."""
    lines = doc.content_lines()
    return [(mask_outlet(chinese.normalise(doc.title or "")), 5.0)] + [
        (
            mask_outlet(ln.norm) if i == 0 else mask_relatives(mask_outlet(ln.norm)),
            3.0 if i < HEAD_LINES else 1.0,
        )
        for i, ln in enumerate(lines)
    ]


@per_lexicon_set
def _outlet_pattern() -> re.Pattern[str] | None:
    words = periods.wording().dateline_words
    if not words:
        return None
    return re.compile(
        rf"^\s*[【\[(]?\s*([{HAN}A-Za-z]{{2,10}}?)(?:\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)?\s*{alt(words)}"
        rf"(?=[\s\d()\]】]|北京时间|$)"
        rf"|^\s*20\d\d\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}\s*日?(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
        rf"\s*[·•|]\s*([{HAN}A-Za-z][{HAN}A-Za-z ]{{1,15}}?)\s*$"
    )


def mask_outlet(text: str) -> str:
    """``text`` with the news outlet of a dateline opening it blanked, one space a character
    (``凤凰科技讯 北京时间5月20日消息``, ``紫金财经3月18日消息``; ``dateline_words`` in periods.yaml), or
    of a byline that is a date and the outlet (``2013-05-21 09:04 · 凤凰科技``): the outlet that
    reports is no evidence of the company it reports on."""
    pattern = _outlet_pattern()
    m = pattern.match(text) if pattern is not None else None
    if m is None:
        return text
    at = 1 if m.group(1) is not None else 2
    return text[: m.start(at)] + " " * (m.end(at) - m.start(at)) + text[m.end(at) :]


@per_lexicon_set
def _relative_pattern() -> re.Pattern[str] | None:
    words = companies().relative_words
    return re.compile(alt(words)) if words else None


_TICKED_NAME = re.compile(
    rf"\s*\d{{0,4}}[{HAN}A-Za-z.&]{{2,16}}?\s*\(\s*[A-Za-z]{{0,6}}\s*[:.]?\s*[A-Z0-9.]{{1,9}}\s*\)"
)
"""A name with its ticker in brackets (``尖沙咀置业(0247)``), right after a relative's word."""


def mask_relatives(text: str) -> str:
    """``text`` with every company it names as another's relative (``relative_words`` in
    companies.yaml: 信置的母公司尖沙咀置业(0247), 同系信和酒店(1221)) blanked, one space a character:
    the name and its ticker, or the registry name written right after the word; its figures are not
    the text's company's evidence."""
    pattern = _relative_pattern()
    if pattern is None or pattern.search(text) is None:
        return text
    chars = list(text)
    for m in pattern.finditer(text):
        end = m.end()
        ticked = _TICKED_NAME.match(text, end)
        if ticked is not None:
            stop = ticked.end()
        else:
            names = listed().find_names(text[end : end + 24])
            stop = end + names[0].end if names and names[0].start == 0 else end
        chars[end:stop] = " " * (stop - end)
    return "".join(chars)


def _registry_mentions(doc: Document) -> list[tuple[Candidate, float]]:
    """Registry names in the text (three characters or more, see :meth:`Registry.find_names`), for
    the issuers the lexicon does not hold (the lexicon's own mentions count those); a short name
    of two characters counts before a company word (:func:`_paired_mentions`) or where the text
    repeats it as its subject (:func:`_repeated_pairs`). A name the text gives an issuer beside its
    code (九龙仓置业(1997), :func:`declared_names`) counts for that issuer wherever the text writes
    it, and a registry name inside it (九龙仓, another issuer's) does not count."""
    out = []
    whole = _text_key(doc)
    pairs: list[tuple[str, bool, float]] = []
    declared = declared_names(doc)
    for text, weight in _weighted_texts(doc):
        spans = _declared_spans(text, declared)
        matches = [m for m in listed().find_names(text) if not _inside_other(m, spans)]
        for match in matches:
            found = _listed_candidate(match.listings, whole)
            if found.id is None:
                out.append((found, weight))
        for span in spans:
            if not any(m.start <= span.start and span.end <= m.end for m in matches):
                found = _listed_candidate(span.listings, whole)
                if found.id is None:
                    out.append((found, weight))
        matches += spans
        covered = {i for match in matches for i in range(match.start, match.end)}
        out.extend((found, weight) for found in _paired_mentions(text, covered, whole))
        pairs.extend((pair, opens, weight) for pair, opens in _short_pairs(text, covered))
    out.extend(_repeated_pairs(pairs, whole))
    return out


PAIR_REPEATS = 3
"""How often a text writes a listed company's two-character short name (中钢, 远传) at least, opening
its title or first line, for the name alone to count as the company's."""


@per_lexicon_set
def _two_character_names() -> frozenset[str]:
    """The registry's short names of two characters (keys), less the common words and the words
    of a period (中期)."""
    registry = listed()
    period_words = _period_words()
    names = set()
    for listing in registry:
        for short in (listing.short, listing.short_hant):
            key = name_key(_SHARE_CLASS.sub("", short))
            if len(key) == 2 and _CJK.match(key) and key not in registry.common_words | period_words:
                names.add(key)
    return frozenset(names)


@per_lexicon_set
def _period_words() -> frozenset[str]:
    """The words of a period (keys): 中期, 上半年, 全年, 季度; no issuer's name in a text, though a
    registry short name may be one (*ST中期)."""
    w = periods.wording()
    return frozenset(name_key(x) for x in [*w.interim, *w.first_half, *w.annual, *w.quarter_short])


def _short_pairs(text: str, covered: set[int]) -> list[tuple[str, bool]]:
    """The two-character short names written in ``text`` outside longer names found there, each
    with whether it opens a clause (after no letter, digit or Chinese character: 〔记者…〕远传董事会)."""
    names = _two_character_names()
    key = name_key(text)
    return [
        (key[i : i + 2], i == 0 or not (key[i - 1].isalnum()))
        for i in range(len(key) - 1)
        if key[i : i + 2] in names and i not in covered and i + 1 not in covered
    ]


def _repeated_pairs(pairs: list[tuple[str, bool, float]], whole: str) -> list[tuple[Candidate, float]]:
    """The mentions of a two-character short name that opens a clause of the title or the first
    lines and that the text repeats (:data:`PAIR_REPEATS` times at least): 中钢首季每股赚…, 远传董事会…"""
    counts: dict[str, int] = {}
    for pair, _opens, _weight in pairs:
        counts[pair] = counts.get(pair, 0) + 1
    heads = {pair for pair, opens, weight in pairs if opens and weight > 1.0}
    out = []
    known: dict[str, Candidate] = {}  # one candidate a pair: naming one reads the whole text
    for pair, _opens, weight in pairs:
        if counts[pair] >= PAIR_REPEATS and pair in heads:
            if pair not in known:
                known[pair] = _listed_candidate(listed().named(pair), whole)
            if known[pair].id is None:
                out.append((known[pair], weight))
    return out


@per_lexicon_set
def _paired_pattern() -> re.Pattern[str] | None:
    words = companies().company_words
    return re.compile(rf"([{HAN}]{{2}})(?={alt(words)})") if words else None


def _paired_mentions(text: str, covered: set[int], whole: str) -> list[Candidate]:
    """Listed companies whose two-character name (too common to count alone, see
    :meth:`Registry.find_names`) stands right before a company word: 龙湖集团, 广达电脑 (see
    ``company_words`` in companies.yaml); never a common word, nor inside a name already found. A
    short name of three characters cut inside its company word (Taiwan's 中华电 in 中华电信, a common
    word alone) counts there too."""
    pattern = _paired_pattern()
    if pattern is None:
        return []
    registry = listed()
    out = []
    known: dict[str, Candidate | None] = {}  # one candidate a pair: naming one reads the whole text
    key = name_key(text)
    for m in pattern.finditer(key):
        pair = m.group(1)
        if m.start() in covered:
            continue
        cut = pair + key[m.end()]  # a short name cut inside its company word: 中华电 in 中华电信
        if cut in registry.common_words and registry.named(cut):
            pair = cut
        elif pair in registry.common_words:
            continue
        if pair not in known:
            listings = registry.named(pair)
            known[pair] = _listed_candidate(listings, whole) if listings else None
        found = known[pair]
        if found is not None and found.id is None:
            out.append(found)
    return out


def _text_key(doc: Document) -> str:
    """The whole text (title first) as registry keys: Simplified, half-width, lower case."""
    return name_key("\n".join([doc.title or ""] + [ln.norm for ln in doc.content_lines()]))


_SHARE_CLASS = re.compile(r"(?:-(?:SW|WR|W|S|B|R)|(?<=[\u3400-\u9fff])[AB])$|^\*?ST")
_CLASS_SUFFIX = re.compile(r"-(?:SW|WR|W|S|B|R)$")
"""A Hong Kong share class written after a name (商汤-W, 小米集团-W)."""
_BRACKETED = re.compile(r"\([^()]*\)")
_CJK = re.compile(r"[\u3400-\u9fff]")
_ALL_CJK = re.compile(r"[\u3400-\u9fff]+")


def _listing_forms(listings: tuple[Listing, ...]) -> list[str]:
    """The Chinese names an issuer goes by, without share class or bracket (京东方A -> 京东方,
    华润啤酒(控股) -> 华润啤酒), and its core names (泡泡玛特国际集团 -> 泡泡玛特)."""
    forms: list[str] = []
    for listing in listings:
        short = _BRACKETED.sub("", _SHARE_CLASS.sub("", listing.short)).strip()
        if short:
            forms.append(short)
            forms.extend(a for a in listing.aliases if len(a) >= 2 and _CJK.search(a) and short.startswith(a))
            core = core_name(short)
            if len(core) >= 2:
                forms.append(core)
    return list(dict.fromkeys(forms))


def listed_name(listings: tuple[Listing, ...], text_key: str, declared: tuple[str, ...] = ()) -> str:
    """The name of a registry issuer: of its Chinese names, the longest the text writes at least
    half as often as the one it writes most (阅文集团 over 阅文 when both are frequent; 泡泡玛特 over
    泡泡玛特国际集团); when the text writes none, its English name without the legal form if the text
    writes that (Chunghwa Telecom, not 中华电, in an English text), else the shortest (贝壳 for 贝壳控股);
    with no Chinese name, the English name without its legal form (Futu Holdings). ``declared``: the
    names the text gives the issuer beside its code (:func:`declared_names`), weighed as its names."""
    forms = _listing_forms(listings) + [w for w in declared if _CJK.search(w)]
    if not forms:
        english = next((x.english for x in listings if x.english), "")
        return core_english(english) or listings[0].name
    counts = {f: _count(text_key, name_key(f)) for f in forms}
    most = max(counts.values())
    if most == 0:
        cores = [core_english(x.english) for x in listings if x.english]
        written = [e for e in cores if e and name_key(e) in text_key]
        if written:
            return max(written, key=lambda e: (len(e), e))  # an English text: Chunghwa Telecom, not 中华电
        return min(forms, key=lambda f: (len(f), f))
    return max((f for f in forms if counts[f] * 2 >= most), key=lambda f: (len(f), f))


_COUNTED: list[Any] = [None, {}]
"""The last text counted in and its counts (the same names are counted for every mention)."""


def _count(text: str, part: str) -> int:
    """``text.count(part)``, kept for the last text (the very object): a long text is not scanned
    again for each mention of a name."""
    if _COUNTED[0] is not text:
        _COUNTED[:] = [text, {}]
    counts: dict[str, int] = _COUNTED[1]
    if part not in counts:
        counts[part] = text.count(part)
    return counts[part]


def _listed_candidate(listings: tuple[Listing, ...], text_key: str) -> Candidate:
    """The candidate of a registry issuer: the lexicon's entry when the lexicon names it too."""
    registry = companies()
    for listing in listings:
        for name in [*listing.names, *_listing_forms((listing,))]:
            owner = registry.owner_of(name)
            if owner is not None:
                return Candidate(f"lexicon:{owner}", registry.entries[owner].name, owner)
        if not listing.ticker.isdigit() and (owner := registry.owner_of(listing.ticker)) is not None:
            return Candidate(f"lexicon:{owner}", registry.entries[owner].name, owner)
    name = listed_name(listings, text_key)
    issuer = _listing_forms(listings)
    key = min(issuer, key=lambda f: (len(f), f)) if issuer else name
    return Candidate(f"listed:{key}", name, None, listings)


_TICKER = re.compile(
    r"(?<![A-Za-z])(?:NASDAQ(?:GS|GM)?|NYSE|HKEX|SEHK|TWSE|TPEX)\s*[:：]\s*(?:[A-Z]{1,5}|\d{1,6})(?![A-Za-z0-9])"
    r"|(?<![\dA-Za-z.])\d{4,6}\s*[.\-]\s*(?:HK|SH|SZ|SS|BJ|TWO|TW)(?![A-Za-z])"
    r"|(?<![A-Za-z])[A-Z]{1,5}\.(?:US|OQ|O|N)(?![A-Za-z])"
    r"|(?<![A-Za-z])(?:HK|SH|SZ)\d{4,6}(?!\d)"
)
"""A ticker in a form that names its market: ``NASDAQ: XPEV``, ``09868.HK``, ``300750.SZ``,
``2454-TW``, ``QFIN.O``, ``HK3660``."""
_NOTE_HEAD = re.compile(rf"\s*[{HAN}A-Za-z0-9.&\-]{{2,16}}\s*\([^()]{{2,16}}\)\s*:")
"""A line that opens with a name and its ticker before a colon, as a research note's title does
(``京东物流(02618.HK):供应链业务拓客成效亮眼``): the note declares its subject, as a code given after a
ticker word does (:data:`OWN_CODE_WEIGHT`)."""
_BARE_CODE = re.compile(rf"([{HAN}]{{2,12}})\s*\(\s*(\d{{1,6}})\s*\)")
"""``滙豐控股(005)``: a bare code in brackets right after the issuer's name."""


@per_lexicon_set
def _code_word_pattern() -> re.Pattern[str]:
    """A bare code after a word naming it the company's (``编号为600938``, ``股份代号:2628``)."""
    return re.compile(rf"{alt(companies().ticker_words)}\s*(?:为|是|:)?\s*(\d{{4,6}})(?!\d)")


def _abbreviates(run: str, listing: Listing) -> bool:
    """Whether ``run`` ends in an abbreviation of the listing's short name (港铁 beside 66, the code
    of 香港铁路): its last two or three characters in order in the name, the first among its first two."""
    short = name_key(_SHARE_CLASS.sub("", listing.short))
    key = name_key(run)
    return len(short) >= 3 and any(
        len(key) >= size and _ALL_CJK.fullmatch(key[-size:]) is not None and in_order(key[-size:], short)
        for size in (3, 2)
    )


def _ticker_mentions(doc: Document) -> list[tuple[Candidate, str, float]]:
    """Each ticker the text writes (up to :data:`TICKERS_COUNTED` times each), with its issuer."""
    registry = listed()
    whole = _text_key(doc)
    seen: dict[str, int] = {}
    out = []
    for text, _weight in _weighted_texts(doc):
        head = _NOTE_HEAD.match(text)
        found = [
            (registry.code(m.group(0)), OWN_CODE_WEIGHT if head and m.end() <= head.end() else TICKER_WEIGHT)
            for m in _TICKER.finditer(text)
        ]
        found += [(registry.code(m.group(1)), OWN_CODE_WEIGHT) for m in _code_word_pattern().finditer(text)]
        for m in _BARE_CODE.finditer(text):
            owners = set(_resolve_listings(m.group(1)))
            coded = registry.codes(m.group(2))
            found += [(x, TICKER_WEIGHT) for x in coded if x in owners or _abbreviates(m.group(1), x)]
        for listing, weight in found:
            if listing is None or seen.get(listing.code, 0) >= TICKERS_COUNTED:
                continue
            seen[listing.code] = seen.get(listing.code, 0) + 1
            out.append((_listed_candidate((listing,), whole), listing.ticker, weight))
    return out


# --- names the text gives beside a code ----------------------------------------------------


DECLARED_SIZE = 3
"""The least length of a name beside a code for it to be the text's name of that issuer, part of its
registry name (上海石油化工股份 in 中国石化上海石油化工股份有限公司) or abbreviating it (中海外 for
中国海外发展); two characters (港灯, 和泰) fit too many names, and the registry's own core names
already hold the short ones."""

_DECLARED: list[tuple[Document, dict[str, tuple[Listing, ...]]]] = []
"""The last document's declared names (read by several steps of one identification)."""


def declared_names(doc: Document) -> dict[str, tuple[Listing, ...]]:
    """The Chinese names the text writes right before a code (``阿里健康(00241)``, ``九龙仓置业(1997)``,
    ``上海石油化工股份(00338)``) that name that code's issuer: the longest ending of the run, of
    :data:`DECLARED_SIZE` characters or more, found inside one of the issuer's Chinese names, or
    abbreviating its short name (up to four characters in order, the first its first: 恒基地产 for
    恒基兆业地产); keys as :func:`name_key` writes them. Such a name is the text's
    name of the issuer, though the registry lacks it or a parent's name opens it."""
    if _DECLARED and _DECLARED[0][0] is doc:
        return _DECLARED[0][1]
    registry = listed()
    generic = companies().generic_subjects
    out: dict[str, tuple[Listing, ...]] = {}
    for text, _weight in _weighted_texts(doc):
        if "(" not in text:
            continue
        for m in _BARE_CODE.finditer(text):
            run = name_key(m.group(1))
            for listing in registry.codes(m.group(2)):
                name = _declared_in(run, listing, generic)
                if name is not None:
                    out.setdefault(name, (listing,))
    _DECLARED[:] = [(doc, out)]
    return out


def _declared_in(run: str, listing: Listing, generic: frozenset[str] | set[str]) -> str | None:
    """The longest ending of ``run`` (a key) that names ``listing`` (see :func:`declared_names`)."""
    names = [name_key(n) for n in (listing.short, listing.short_hant, listing.full, listing.full_hant) if n]
    short = name_key(_SHARE_CLASS.sub("", listing.short))
    for i in range(len(run) - DECLARED_SIZE + 1):
        tail = run[i:]
        if tail in generic or not _ALL_CJK.fullmatch(tail):
            continue
        if any(tail in n for n in names):
            return tail
        if len(tail) <= 4 and len(short) > len(tail) and tail[0] == short[:1] and in_order(tail, short):
            return tail
    return None


def _declared_spans(text: str, declared: dict[str, tuple[Listing, ...]]) -> list[NameMatch]:
    """Where ``text`` writes the declared names, longest first where they overlap."""
    if not declared:
        return []
    key = name_key(text)
    spans: list[NameMatch] = []
    for name in sorted(declared, key=lambda n: (-len(n), n)):
        at = key.find(name)
        while at >= 0:
            end = at + len(name)
            if not any(s.start < end and at < s.end for s in spans):
                spans.append(NameMatch(at, end, text[at:end], declared[name]))
            at = key.find(name, end)
    return sorted(spans, key=lambda s: s.start)


def _inside_other(match: NameMatch, spans: list[NameMatch]) -> bool:
    """Whether a registry name stands inside a longer declared name of another issuer."""
    return any(
        s.start <= match.start
        and match.end <= s.end
        and s.end - s.start > match.end - match.start
        and not set(s.listings) & set(match.listings)
        for s in spans
    )


# --- results sentences --------------------------------------------------------------------------


SHORT_PERIOD = (
    r"(?:\d{2})?[Qq][1-4](?:\s*\d{2})?|[1-4][Qq](?:\d{2})?|(?:\d{2})?[Hh][12](?:\s*\d{2})?|[12][Hh]\d{2}"
)
"""A period in short form after a name: ``Q3``, ``4Q25``, ``25Q1``, ``23H1``, ``1H25``, ``H1``."""


@per_lexicon_set
def _subject_pattern() -> re.Pattern[str]:
    w = periods.wording()
    parts = [*w.first_half, *w.interim, *w.annual, *w.year_parts, *w.relative_years, *w.relative_days]
    when = (
        rf"(?:\s*(?:[(（][^()（）]{{1,24}}[)）]|20\d\d\s*年度?|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|今\s*\(\d{{1,2}}\)\s*日"
        rf"|第?[一二三四1-4]\s*{alt([*w.quarter, *w.quarter_short])}|{SHORT_PERIOD}|{alt(parts)}"
        rf"|{alt(w.times_of_day)}))*"
    )
    verbs = alt(companies().results_verbs)
    return re.compile(rf"([{HAN}A-Za-z][{HAN}A-Za-z&.\- ]{{1,24}}?){when}\s*{verbs}", re.IGNORECASE)


@per_lexicon_set
def _results_verb() -> re.Pattern[str]:
    """A results verb, as :func:`_subject_pattern` requires one: a cheap test before it."""
    return re.compile(alt(companies().results_verbs), re.IGNORECASE)


_CLAUSE_END = re.compile(r"[|丨:,!?。;、\s【】\[\]“”\"'《》]")
"""Where a clause ends: a results sentence's subject stands after one (brackets stay: 香港汇丰(HSBC)公布)."""


_LOOSE = re.compile(
    rf"(?:(?<=[{HAN}])|(?<=-[A-Z])|(?<=-[A-Z]{{2}}))[ \t\u3000]+(?=\d)|(?<=\d)[ \t\u3000]+(?=[{HAN}])"
)
"""Spaces a page puts between Chinese (or a share class: ``商汤-W 23H1``) and digits (``极氪 2024 年第二
季度``)."""


def _tight(text: str) -> str:
    """The text without spaces between Chinese and digits, so a name and its period stay one clause."""
    return _LOOSE.sub("", text)


def _results_subjects(doc: Document) -> list[Candidate]:
    """The companies (of the lexicon or the registry) named as the subject of a results sentence, or
    opening a clause of the title or the first lines before its period, in a line that reports
    results (``和硕2024年第三季受惠于…,单季合并营收达…``, :func:`_named_before_period`)."""
    pattern = _subject_pattern()
    verb = _results_verb()
    out = []
    whole: str | None = None
    known: dict[str, Candidate | None] = {}  # one resolution a subject: each reads the whole text
    for text, weight in _weighted_texts(doc):
        if verb.search(text) is None:
            continue  # no results verb, no results sentence: the clauses need no search
        for clause in _CLAUSE_END.split(_tight(text)):
            if verb.search(clause) is None:
                if weight > 1.0 and (named := _named_before_period(clause)):
                    whole = _text_key(doc) if whole is None else whole
                    out.append(_listed_candidate(named, whole))
                continue
            m = pattern.match(clause) or pattern.search(clause)
            if m:
                run = m.group(1).strip()
                if run not in known:
                    whole = _text_key(doc) if whole is None else whole
                    known[run] = _resolve(run, doc, whole) or _abbreviation(run, whole)
                found = known[run]
                if found is not None:
                    out.append(found)
    return out


def _named_before_period(clause: str) -> tuple[Listing, ...]:
    """The registry issuer whose exact name (not a common word) opens ``clause`` right before a
    period, as a title's subject stands (see :func:`_title_subject_pattern`); () when none."""
    m = _title_subject_pattern().match(clause)
    if m is None:
        return ()
    name = m.group(1)
    registry = listed()
    key = name_key(name)
    if key in registry.common_words or key in _period_words() or key in companies().generic_subjects:
        return ()
    return registry.named(name)


ABBREVIATION_SIZE = 3
"""The length of an abbreviation a results sentence's subject may end in (中电信); two characters
(信置) fit too many names by chance (中心, 集团)."""
ABBREVIATION_REPEATS = 2
"""How often a text writes the abbreviation at least for it to count."""


SHORT_ABBREVIATION_REPEATS = 3
"""How often a text writes an abbreviation of two characters at least (信置 for 信和置业), when it is the
whole subject of a results sentence (信置录得…): two characters fit more names by chance."""


def _abbreviation(run: str, whole: str) -> Candidate | None:
    """The registry issuer whose short name the end of a results sentence's subject abbreviates
    (中电信 for 中国电信; see :meth:`Registry.abbreviated`), of :data:`ABBREVIATION_SIZE` characters,
    where the text (``whole``, see :func:`_text_key`) repeats it (:data:`ABBREVIATION_REPEATS`); or
    the whole subject, of two characters, repeated more (:data:`SHORT_ABBREVIATION_REPEATS`)."""
    key = name_key(run)
    if (
        len(key) == 2
        and key not in companies().generic_subjects
        and whole.count(key) >= SHORT_ABBREVIATION_REPEATS
    ):
        found = listed().abbreviated(key)
        return _listed_candidate(found, whole) if found else None
    tail = name_key(run[-ABBREVIATION_SIZE:])
    if len(run) < ABBREVIATION_SIZE or whole.count(tail) < ABBREVIATION_REPEATS:
        return None
    found = listed().abbreviated(tail)
    return _listed_candidate(found, whole) if found else None


def _resolve_listings(run: str) -> tuple[Listing, ...]:
    """The registry issuer whose name ends ``run`` (the longest such name, two characters or
    more, not a common word), else the one whose name of three or more characters opens it
    (国泰金 in 国泰金控)."""
    registry = listed()
    generic = companies().generic_subjects
    if (classless := _CLASS_SUFFIX.sub("", run)) != run and len(classless) >= 2:
        run = classless  # 商汤-W: the issuer's name without its share class
    bare = next((run[: -len(g)] for g in generic if len(run) > len(g) + 1 and run.endswith(g)), run)
    if bare != run and (found := _resolve_listings(bare)):
        return found
    key = name_key(run)
    for i in range(len(run) - 1):
        if key[i:] in registry.common_words or key[i:] in _period_words():
            break  # the run ends in a common or period word (中华电 in 中华电年营收, 中期): no name inside it
        if not _starts_word(run, i):
            continue
        if found := registry.named(run[i:]):
            return found
    for j in range(len(run), 2, -1):
        if j < len(run) and _latin(run[j]) and _latin(run[j - 1]):
            continue  # Latin letters are cut only between words (Tandema is not Tande)
        if key[:j] not in registry.common_words and (found := registry.named(run[:j])):
            return found
    return ()


def _resolve(run: str, doc: Document, whole: str | None = None) -> Candidate | None:
    """The lexicon company or registry issuer a run of text ending in a name stands for (``whole``:
    the text's :func:`_text_key`, when the caller has it); a name the text gives an issuer beside
    its code (:func:`declared_names`) first: 九龙仓置业 beside 1997 is 1997's, though 九龙仓 opens it."""
    registry = companies()
    key = name_key(run)
    declared = declared_names(doc)
    ends = [k for k in declared if key.endswith(k)]
    if ends:
        return _listed_candidate(declared[max(ends, key=len)], _text_key(doc) if whole is None else whole)
    known = _lexicon_suffix(run)
    listings = _resolve_listings(run)
    if known is not None and (not listings or len(known) >= len(_matched_form(run, listings))):
        owner = registry.owner_of(known)
        if owner is not None:
            return Candidate(f"lexicon:{owner}", registry.entries[owner].name, owner)
    if listings:
        return _listed_candidate(listings, _text_key(doc) if whole is None else whole)
    return None


def _matched_form(run: str, listings: tuple[Listing, ...]) -> str:
    """The longest name of the listings that ends (or opens) ``run``."""
    key = name_key(run)
    names = [name_key(n) for x in listings for n in x.names]
    hits = [n for n in names if n and (key.endswith(n) or key.startswith(n))]
    return max(hits, key=len) if hits else ""


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

_DEFINED = r"\(\s*[\"“](?P<{0}>[^\"”()\n]{{2,30}})[\"”]"
"""``("Atour" or the "Company")``: the short name a release defines for its issuer (its opening)."""
_TICKER_SUBJECT = re.compile(
    rf"(?P<name>(?:[A-Z][A-Za-z.&'\-]{{0,24}},?[ ]{{1,3}}){{1,5}}[A-Za-z.&]{{2,16}}+"
    rf"|\d{{0,4}}[{HAN}A-Za-z.&]{{2,16}}+)"
    r"(?:-[A-Z]{1,3})?(?:\s*" + _DEFINED.format("defined") + r"[^()\n]{0,40}\))?\s*\(\s*"
    rf"(?:(?P<exchange>(?i:NASDAQ|NYSE|OTC(?:PK|QX|QB)?|HKEX|SEHK|BOM|NSE|BSE|TSX|ASX|LSE)|[{HAN}]{{0,8}}代码)\s*:?\s*)?"
    r"(?P<code>(?(exchange)(?:[A-Z]{1,5}|\d{1,6})|(?:[A-Z]{1,5}|\d{4,6})))(?:\.(?P<suffix>US|HK|SH|SZ|TW|O|N))?\s*[),;、]"
    r"(?:\s*" + _DEFINED.format("defined_after") + r")?"
)
"""``蔚来(NIO.US)``, ``腾讯(00700)``, ``拼多多集团(NASDAQ: PDD)``, ``58同城(纽交所证券代码:WUBA)``,
``Gaotu Techedu Inc. (NYSE: GOTU) ("Gaotu" or the "Company")``: a name beside its ticker (an English
name of several words too, a Chinese one opening with digits), with the short name the text defines
for it. The name's last run is taken possessively: what follows it (``-``, a space, ``(``) is no
name character, so giving characters back never finds a match, and without trying the scan of a long
line is several times faster."""
_SUBJECT_SEPARATORS = re.compile(r"[|丨:,!?。;、\s【】\[\]()“”\"'《》]")


def _title_subject_pattern() -> re.Pattern[str]:
    """A name before a period or results word opening a title piece: ``蔚来2024年第三季度``, ``某某财报``."""
    return _title_subject()


@per_lexicon_set
def _title_subject() -> re.Pattern[str]:
    w = periods.wording()
    quarter = alt([*w.quarter, *w.fiscal_quarter_short, *w.quarter_short])
    results = (
        rf"(?:\s*(?:20\d\d\s*年?|FY\s*\d{{2,4}})?\s*{alt(w.fiscal_year)}?\s*"
        rf"(?:第?[一二三四1-4]\s*{quarter}|{SHORT_PERIOD}|{alternation(w.title_period_words)}))"
    )
    return re.compile(rf"([{HAN}A-Za-z][{HAN}A-Za-z.&]{{1,15}}?)(?:-[A-Z]{{1,3}})?{results}")


@per_lexicon_set
def _after_bare_ticker() -> re.Pattern[str]:
    """What may follow a ticker in brackets written without its market for it to be one: a period
    or a results word (``Atour (ATAT) Q2 2025 Earnings Call``)."""
    w = periods.wording()
    verbs = companies().english_release_verbs
    acts = [v for v in verbs if len(v) > 2]  # a verb alone will do; a preposition (on) needs its period
    days = companies().english_release_days
    when = rf"(?:(?:{alternation(days)})\s+)?" if days else ""
    return re.compile(
        rf"\s*(?:(?:{alternation(verbs)})\s+)?(?:20\d\d|FY\s*\d{{2,4}}|[Qq][1-4]|[1-4]Q|{alternation(w.title_period_words)})"
        + (rf"|\s*{when}(?:{alternation(acts)})\b" if acts else ""),
        re.IGNORECASE,
    )


def _english_name(name: str | None, defined: str | None) -> str | None:
    """An English issuer's name as the text presents it: the short name it defines for itself
    (``Atour`` for ``Atour Lifestyle Holdings Limited ("Atour" or the "Company")``), else its name
    without the legal form (``Legend Biotech Corporation`` -> ``Legend Biotech``); a Chinese name
    as it is."""
    if not name or not name.isascii():
        return name
    name = name.strip(" ,")
    defined = (defined or "").strip()
    if defined and defined.isascii() and name_key(defined).split()[0] in name_key(name).split():
        return defined
    return core_english(name) or name


_EN_WORD = r"[A-Z0-9][A-Za-z0-9.&\-]*"
_EN_NAME = rf"(?P<name>{_EN_WORD}(?:[ ]{_EN_WORD}){{0,6}}?)"
"""An English name: up to seven words, each capitalised (or a number: 21Vianet)."""
_EN_LEGAL = r"(?:,?[ ](?:Inc|Ltd|Corp|Co|Limited|Corporation|plc|PLC|SE|AG|N\.V|S\.A)\.?)"
"""A legal form after an English name (``, Inc.``, `` SE``)."""
_EN_TICKER = r"(?:\s*\((?:[A-Za-z]+\s*:\s*)?[A-Z][A-Z.]{0,7}\))"
"""A ticker in brackets after it (``(CSIQ)``, ``(OTCPK:LVMHF)``)."""
ENGLISH_HEAD_LINES = 3
"""How many first lines of an English text may name its issuer as its title would."""


@per_lexicon_set
def _english_subject_patterns() -> (
    tuple[re.Pattern[str], re.Pattern[str], tuple[re.Pattern[str], ...]] | None
):
    """An English title naming its issuer (``Gogoro Releases Third Quarter 2024 Financial Results``,
    ``Canadian Solar Inc. (CSIQ) on Q1 2021 Results``), a title that is the issuer's name alone
    (``NIKE, Inc.``), and an issuer's possessive before its period's results or call (``Welcome to
    Canadian Solar's First Quarter 2021 Earnings Conference Call``); wording in companies.yaml."""
    c = companies()
    if not c.english_results_words:
        return None
    period = (
        rf"(?:(?i:{alternation(c.english_period_words)}|Q[1-4]|[1-4]Q|FY\s*'?\d{{2,4}}|20\d\d|[1-4])[\s,]+)"
    )
    results = rf"(?i:{alternation(c.english_results_words)})\b"
    verbs = rf"(?:(?i:{alternation(c.english_release_verbs)})\s+)?" if c.english_release_verbs else ""
    title = re.compile(rf"\s*{_EN_NAME}{_EN_LEGAL}?{_EN_TICKER}?\s+{verbs}{period}*{results}")
    alone = re.compile(rf"\s*{_EN_NAME}{_EN_LEGAL}\s*")
    possessive = (
        re.compile(rf"(?<![A-Za-z0-9.&\-]){_EN_NAME}{_EN_LEGAL}?['’]s\s+{period}*{results}"),
        re.compile(rf"(?i:welcome\s+to\s+the)\s+{_EN_NAME}{_EN_LEGAL}?\s+{period}*{results}"),
        re.compile(
            rf"{results}(?:\s+(?i:announcement|release|presentation))?\s+of\s+{_EN_NAME}{_EN_LEGAL}(?![A-Za-z])"
        ),
    )
    return title, alone, possessive


def _english_subjects(title: str, lines: list[Line]) -> list[str]:
    """The issuers an English text names as its own: in its title or first lines as a release's
    or a transcript's title would, or by the possessive of its call (see
    :func:`_english_subject_patterns`); never a period word or a generic word (the Company)."""
    patterns = _english_subject_patterns()
    if patterns is None:
        return []
    titled, alone, possessive = patterns
    heads = [title] + [ln.norm for ln in lines[:ENGLISH_HEAD_LINES]]
    found = []
    for head in heads:
        m = titled.match(head) or alone.fullmatch(head)
        if m:
            found.append(m.group("name"))
    for ln in lines:
        for pattern in possessive:
            found.extend(m.group("name") for m in pattern.finditer(ln.norm))
    return [n for n in found if _english_issuer(n)]


def _english_issuer(name: str) -> bool:
    """Whether an English name found before results may be an issuer's: not a period (``Q1``,
    ``Third Quarter``) nor a generic word (``The Company``)."""
    c = companies()
    first = name.split()[0].lower()
    periodish = {w.lower() for w in c.english_period_words}
    if first in periodish or re.fullmatch(r"q[1-4]|[1-4]q|fy\d*|\d+", first):
        return False
    return name.lower() not in c.generic_subjects and not name.lower().startswith(("the company", "our "))


@dataclass
class CompanyGuess:
    """An entity the text presents as its subject, though the lexicon does not name it."""

    name: str
    """As written (simplified)."""
    score: float
    """Weighted mentions, counted as :func:`company_mentions` counts lexicon names."""
    tickers: list[str] = field(default_factory=list)
    defined: bool = False
    """Whether the text defines the name for the issuer of its tickers (``("Sinopec" or the
    "Company")(HKEX: 386)``): the issuer's name in this text, whatever the registry calls it."""


def _ticker_form(code: str, exchange: str | None) -> str:
    """``09866`` + HK -> ``9866``; ``00700`` -> ``0700``; A-share and US codes unchanged."""
    if code.isdigit() and (exchange == "HK" or (exchange is None and len(code) == 5)):
        return code.lstrip("0").zfill(4)
    return code


_NOT_A_NAME = re.compile(r"(?<!^)(?<!\d)\d|^\d+(?![\d\u3400-\u9fff]{2})|[季年月日%]|财报|业绩")
"""What a name never holds: a period or an amount; digits only as its opening run before two Chinese
characters (58同城, 37互娱)."""


@per_lexicon_set
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
    run = after_pronoun(run)
    generic = companies().generic_subjects
    counts = {
        run[i:]: _count(text, run[i:])
        for i in range(len(run) - 1)
        if run[i:].lower() not in generic
        and not _NOT_A_NAME.search(run[i:])
        and _starts_word(run, i)
        and not has_pronoun(run[i:])
    }
    if not counts:
        return None
    most = max(counts.values())
    enough = min((most + 1) // 2, NAME_REPEATS)
    return max((c for c in counts if counts[c] >= enough), key=lambda c: (len(c), c))


def _starts_word(run: str, i: int) -> bool:
    """Whether ``run[i:]`` may be a name: Latin letters are cut only between words (Futu Holdings
    Limited -> Limited, never "ed"), digits never inside their run (58同城, never 8同城)."""
    if i == 0:
        return True
    return not (_latin(run[i]) and _latin(run[i - 1])) and not (run[i].isdigit() and run[i - 1].isdigit())


def after_pronoun(run: str) -> str:
    """What follows the last pronoun, possessive 的 or leader's title of ``run`` (谢谢大家加入我们的 -> "",
    作为达达集团总裁的第一次 -> 第一次): a name never starts inside one."""
    low = run.lower()
    end = 0
    c = companies()
    for word in [*c.pronouns, *c.leader_words]:
        if not word.isascii():
            at = low.rfind(word)
            if at >= 0:
                end = max(end, at + len(word))
    return run[end:]


def has_pronoun(run: str) -> bool:
    """Whether ``run`` holds a pronoun (``pronouns`` in companies.yaml: 我们, 我司): no name does."""
    low = run.lower()
    for word in companies().pronouns:
        if word.isascii():
            if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", low):
                return True
        elif word in low:
            return True
    return False


def _latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


@per_lexicon_set
def _leader_pattern() -> re.Pattern[str] | None:
    """A name right before a leader's title (``leader_words``): ``作为达达集团总裁``, ``中海油董事长``."""
    words = companies().leader_words
    return re.compile(rf"(\d{{0,4}}[{HAN}A-Za-z.&]{{2,16}}?)(?:{alt(words)})") if words else None


LED_NAME_REPEATS = 2
"""How often a text writes a name a leader's title follows at least, when no registry knows it: a
run written once (参会人员包括轮值总裁) is no name."""


def _led_names(doc: Document, title: str, lines: list[Line], text: str) -> list[str]:
    """The names a leader's title follows in the title or the first lines (the company whose chairman
    or CEO speaks is the text's subject), each cut to the ending the text repeats (:func:`_best_suffix`);
    a name no registry knows counts where the text repeats it (:data:`LED_NAME_REPEATS`), or where it
    opens a clause whose leader speaks, named (中海油董事长张传江表示: the clause is about the company)."""
    pattern = _leader_pattern()
    if pattern is None:
        return []
    out = []
    known: dict[str, str | None] = {}  # one reading a run: each counts its endings in the whole text
    for head in [title] + [ln.norm for ln in lines[:HEAD_LINES]]:
        for clause in _CLAUSE_END.split(_tight(head)):
            for m in pattern.finditer(clause):
                run = m.group(1)
                if run not in known:
                    name = _best_suffix(run, text)
                    ok = name and (
                        text.count(name) >= LED_NAME_REPEATS
                        or _resolve(name, doc) is not None
                        or (m.start() == 0 and _speaking_leader_of(name, clause[m.end() :]))
                    )
                    known[run] = name if ok else None
                found = known[run]
                if found:
                    out.append(found)
    return out


SPOKEN_NAME_SIZE = 6
"""The longest name written once that a speaking leader's title makes the company (中海油董事长张传江
表示); a longer run opening the clause is a sentence's words (参会人员包括…)."""


def _speaking_leader_of(name: str, after: str) -> bool:
    """Whether ``name``, opening its clause before a leader's title, is the company of a named leader
    who speaks there (``张传江表示`` follows the title): a short name (:data:`SPOKEN_NAME_SIZE`), not
    ending in a qualifier or a generic word (轮值, 集团)."""
    generic = companies().generic_subjects
    return (
        len(name) <= SPOKEN_NAME_SIZE
        and not any(name.lower().endswith(g) for g in generic)
        and opens_with_speech(after)
    )


@per_lexicon_set
def _welcome_pattern() -> re.Pattern[str] | None:
    words = companies().call_welcome_words
    return re.compile(alt(words)) if words else None


def _welcomed_names(text: str) -> list[str]:
    """The names a call's welcome gives its own (``感谢您参加世纪互联集团2025年第三季度业绩电话会议``):
    after a word of joining (``call_welcome_words``), a name before its period and results, as a title
    writes them (:func:`_title_subject_pattern`), cut to the ending the text repeats."""
    pattern = _welcome_pattern()
    if pattern is None:
        return []
    subject = _title_subject_pattern()
    out = []
    for m in pattern.finditer(text):
        piece = _tight(text[m.end() : m.end() + 48])
        found = subject.match(piece)
        if found and (name := _best_suffix(found.group(1), text)):
            out.append(name)
    return out


def _mentioned_as(name: str) -> str:
    """What a mention of a name the registry lacks is counted by: its core name, without 集团 or 控股
    (世纪互联 for 世纪互联集团), when that keeps two Chinese characters; else the name."""
    core = core_name(name)
    return core if len(core) >= 2 and _ALL_CJK.fullmatch(core) else name


def guess_company(doc: Document) -> CompanyGuess | None:
    """The subject the title or a ticker names, with its weighted mentions; None when none."""
    lines = doc.content_lines()
    text = "\n".join(ln.norm if i == 0 else mask_relatives(ln.norm) for i, ln in enumerate(lines))
    title = chinese.normalise(doc.title or "")
    candidates: list[str] = []
    title_subject = _title_subject_pattern()
    for head in [title] + [ln.norm for ln in lines[:1]]:
        for piece in _SUBJECT_SEPARATORS.split(_tight(head))[:4]:
            m = title_subject.match(piece)
            if m:
                name = _best_suffix(m.group(1), text)
                if name:
                    candidates.append(name)
    candidates.extend(_led_names(doc, title, lines, text))
    candidates.extend(_welcomed_names(text))
    tickers: dict[str, list[str]] = {}
    after_ticker = _after_bare_ticker()
    suffixes: dict[str, str | None] = {}  # a name repeated beside its ticker: the text counted once
    own: set[str] = set()
    for m in _TICKER_SUBJECT.finditer(text):
        if not (m.group("exchange") or m.group("suffix") or m.group("code").isdigit()):
            if not after_ticker.match(text, m.end()):
                continue  # "(ADR)", "(IFRS)": letters alone are no ticker, unless results follow
        defined = m.group("defined") or m.group("defined_after")
        raw = m.group("name")
        if raw not in suffixes:
            suffixes[raw] = _best_suffix(raw, text)
        name = _english_name(suffixes[raw], defined)
        if defined and _defines_issuer(m.group(0)):
            name = defined.strip()  # ("Sinopec" or the "Company"): the text's own name of its issuer
            own.add(name)
        if name:
            candidates.append(name)
            hk = (m.group("exchange") or "").upper() in ("HKEX", "SEHK")
            form = _ticker_form(m.group("code"), m.group("suffix") or ("HK" if hk else None))
            tickers.setdefault(name, [])
            if form not in tickers[name]:
                tickers[name].append(form)
    candidates.extend(_english_subjects(title, lines))
    if not candidates:
        return None
    weighted = _weighted_texts(doc)
    scored = {c: sum(w * t.count(_mentioned_as(c)) for t, w in weighted) for c in set(candidates)}
    name = min(scored, key=lambda c: (-scored[c], -len(c), c))
    return CompanyGuess(name=name, score=scored[name], tickers=tickers.get(name, []), defined=name in own)


_OR_THE = re.compile(r"\bor\s+(?:the\s+)?[\"“]([^\"”()\n]{2,20})[\"”]", re.IGNORECASE)
"""``or the "Company"`` after a short name a release defines."""


def _defines_issuer(phrase: str) -> bool:
    """Whether a definition beside a ticker makes its short name the issuer's own (``("Sinopec" or
    the "Company")``): the other name it defines is a generic subject (the Company, the Group)."""
    m = _OR_THE.search(phrase)
    return m is not None and m.group(1).strip().lower() in companies().generic_subjects


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
