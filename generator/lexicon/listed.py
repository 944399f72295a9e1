"""The registry of listed companies: thousands of issuers as data, for identity beyond the lexicon.

Chinese mainland (SSE, SZSE, BSE), Hong Kong, Taiwan and US-listed Chinese issuers, one TSV
file per market in ``generator/lexicon/data/listed/`` (rebuilt from public lists by
``scripts/build_listed.py``; each file's header names its sources, their licences and which
fields are derived). ``companies.yaml`` stays the curated owner of the companies the site
covers; this registry answers "is this a listed company, which one?" for everything else.

Three lookups, all on normalised text (Traditional read as Simplified, full-width as
half-width, English case aside):

- :meth:`Registry.code`: a ticker in any common form (``600519``, ``600519.SH``,
  ``SH600519``, ``0700.HK``, ``00700``, ``2454.TW``, ``2454-TW``, ``NASDAQ: XPEV``,
  ``NYSE:BABA``) -> the listing;
- :meth:`Registry.named`: an exact name (short, full, alias; either script) -> listings;
- :meth:`Registry.find_names`: every registry name in a text, with its position, in one pass
  over the text (names are indexed by their first two characters and length).

What ``find_names`` never reports as a company (the rule):

1. a name of one or two characters (``平安``, ``万科``, ``网易``): too many of them are words
   or parts of words; a caller that wants them must see them beside other evidence;
2. an English or ASCII name shorter than four characters, one that touches a letter or digit
   on either side (``NIO`` inside ``UNION``), or one the text writes in lower case
   (``keep`` in "keep growing" is no company; ``Keep`` may be);
3. a word listed in ``common_words.txt`` (``中国``, ``科技``, ``机器人``, ``老百姓``…): real
   short names that are everyday words;
4. a derived alias (core name without 控股/集团, English name without its legal form) that is a
   common word or a single character is not indexed at all, not even by :meth:`named`; a
   two-character one (腾讯, 蔚来) answers :meth:`named` only.

Where names overlap, the leftmost match wins, then the longest (``中国平安保险`` over ``中国平安``).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from generator.errors import LexiconError
from generator.lexicon import extra_dirs, per_lexicon_set
from generator.source.chinese import normalise

DATA = Path(__file__).parent / "data" / "listed"
"""The bundled registry: one ``<market>.tsv`` per market and ``common_words.txt``."""
MARKETS = ("cn", "hk", "tw", "us")
COLUMNS = ("code", "exchange", "short", "short_hant", "full", "full_hant", "english", "aliases", "also")
COMMON_WORDS = "common_words.txt"
MIN_CJK = 3
"""Shortest name (in characters) that :meth:`Registry.find_names` reports."""
MIN_ASCII = 4
"""Shortest English or ASCII name that :meth:`Registry.find_names` reports."""
FOUND_CACHE = 4_000_000
"""Characters of text whose names :meth:`Registry.find_names` keeps (a cache: the same answer,
found once)."""

_LEGAL_ZH = re.compile(r"(股份有限公司|有限責任公司|有限责任公司|有限公司|公司)$")
_CORE_ZH = re.compile(r"(\([^()]*\)|(国际)?(集团|控股|股份|科技))$")
_LEGAL_EN = re.compile(
    r"[,.]?\s+(Co\.?,?\s*Ltd\.?|Company,?\s+Limited|Co\.?,?\s+Limited|Limited|Ltd\.?|Inc\.?|Incorporated"
    r"|Corp\.?|Corporation|plc|PLC|S\.A\.|N\.V\.|LLC|L\.P\.)$"
)


class _KeyTable(dict[int, str]):
    """A ``str.translate`` table: :func:`normalise`, then lower case (where that is one
    character); filled on use."""

    def __missing__(self, code: int) -> str:
        value = normalise(chr(code))
        lower = value.lower()
        self[code] = lower if len(lower) == 1 else value
        return value if len(lower) != 1 else lower


_KEY = _KeyTable()


def strip_legal(name: str) -> str:
    """A Chinese name without its legal form: 騰訊控股有限公司 -> 騰訊控股."""
    return _LEGAL_ZH.sub("", name) or name


def core_name(name: str) -> str:
    """A Chinese short name without trailing (国际)控股, 集团, 股份, 科技 or a bracketed place:
    阿里巴巴集团控股 -> 阿里巴巴, 泡泡玛特国际集团 -> 泡泡玛特, 中通快递(开曼) -> 中通快递."""
    out = name
    while (shorter := _CORE_ZH.sub("", out)) != out and shorter:
        out = shorter
    return out


_CORE_STEP = re.compile(r"(\([^()]*\)|集团|控股|股份|科技)$")


def core_steps(name: str) -> tuple[str, ...]:
    """The names between a Chinese short name and its core name, one ending cut at a time, 国际
    kept: 特步国际控股 -> 特步国际 (a text's name of the issuer, as 特步 is); names of three
    characters or more, not the name itself nor its core name (both indexed already)."""
    out = []
    step = name
    while (shorter := _CORE_STEP.sub("", step)) != step and len(shorter) >= MIN_CJK:
        step = shorter
        out.append(step)
    core = core_name(name)
    return tuple(n for n in out if n != core)


def core_english(name: str) -> str:
    """An English name without its legal form: Tencent Holdings Limited -> Tencent Holdings."""
    out = name.strip()
    while (shorter := _LEGAL_EN.sub("", out)) != out and shorter:
        out = shorter
    return out.rstrip(" ,")


def name_key(name: str) -> str:
    """The form a name is indexed and looked up by: Simplified, half-width, lower case.

    One character for one character, so an offset in the key is the offset in the name."""
    return name.translate(_KEY)


class Listing(NamedTuple):
    """One listed security of one issuer (a named tuple: thousands are built at each load)."""

    code: str
    """Canonical code: ``600519.SH``, ``000001.SZ``, ``430047.BJ``, ``0700.HK``, ``2330.TW``,
    ``6488.TWO`` or a bare US ticker (``XPEV``)."""
    exchange: str
    """SSE, SZSE, BSE, HKEX, TWSE, TPEx, NASDAQ, NYSE or NYSE American."""
    market: str
    """cn, hk, tw or us: the data file it comes from."""
    short: str = ""
    """Short name in Simplified characters (贵州茅台, 腾讯控股); empty when no source gives one."""
    short_hant: str = ""
    """Short name in Traditional characters, when it differs from ``short``."""
    full: str = ""
    """Full legal name in Simplified characters (Hong Kong and joined US listings only)."""
    full_hant: str = ""
    """Full legal name in Traditional characters, when it differs from ``full``."""
    english: str = ""
    """English name (Kweichow Moutai Co., Ltd.; XPeng Inc.)."""
    aliases: tuple[str, ...] = ()
    """Derived names: without legal form, risk-warning prefix or share class, core names."""
    also: tuple[str, ...] = ()
    """Codes of the same issuer on other markets (joined by English name)."""

    @property
    def name(self) -> str:
        """The name to show: the short Chinese name, else the English one."""
        return self.short or self.full or self.english or self.code

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the listing, official ones first, without repeats or blanks."""
        every = [self.short, self.short_hant, self.full, self.full_hant, self.english, *self.aliases]
        return tuple(n for n in dict.fromkeys(every) if n)

    @property
    def ticker(self) -> str:
        """The code without its market suffix (600519, 0700, 2330, XPEV)."""
        return self.code.partition(".")[0]


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A registry name found in a text."""

    start: int
    end: int
    """``text[start:end]`` is the name as the text writes it (any script or width)."""
    text: str
    listings: tuple[Listing, ...]
    """Every listing with that name (usually one; A and H shares of one issuer give two)."""


_US_PREFIX = re.compile(r"^(NASDAQ(?:GS|GM|CM)?|NYSE(?:\s*AMERICAN|\s*MKT|ARCA)?|AMEX|US)\s*[:：]\s*")
_CN_PREFIX = re.compile(r"^(SH|SS|SSE|SHA|SZ|SZSE|SHE|BJ|BSE)\s*[.:：]?\s*(\d{6})$")
_CN_SUFFIX = re.compile(r"^(\d{6})\s*[.\-]?\s*(SH|SS|SZ|BJ|SHA|SHE)?$")
_HK = re.compile(r"^(?:(?:HK|HKEX|HKG|SEHK)\s*[.:：]?\s*(\d{1,5})|(\d{1,5})\s*[.\-]?\s*HK)$")
_TW = re.compile(
    r"^(?:(?:TW|TWSE|TPE|TPEX|TWO)\s*[.:：]\s*(\d{4,6}[A-Z]?)|(\d{4,6}[A-Z]?)\s*[.\-]\s*(TW|TWO))$"
)
_US = re.compile(r"^([A-Z]{1,5})(?:[.\-](?:US|N|O|OQ|A))?$")
_CN_SUFFIXES = {"SH": "SH", "SS": "SH", "SHA": "SH", "SSE": "SH", "SZ": "SZ", "SHE": "SZ", "SZSE": "SZ"}
_CN_SUFFIXES |= {"BJ": "BJ", "BSE": "BJ"}


@dataclass(eq=False)
class Registry:
    """Every listing, with indexes by code and by name; immutable once built."""

    listings: tuple[Listing, ...]
    common_words: frozenset[str] = frozenset()
    """Name keys (see :func:`name_key`) that :meth:`find_names` never reports."""
    _codes: dict[str, Listing] = field(default_factory=dict, repr=False)
    _names: dict[str, tuple[Listing, ...]] = field(default_factory=dict, repr=False)
    _starts: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    """First two characters of a findable key -> the lengths of such keys, longest first."""
    _findable: frozenset[str] = frozenset()
    _by_head: dict[str, list[tuple[str, Listing]]] = field(default_factory=dict, repr=False)
    _may_start: re.Pattern[str] | None = field(default=None, repr=False)
    """Where a findable key may start: a first character of one followed by a second and a
    third character of one (a superset of the keys' starts, found by the engine, not by a
    Python loop per character)."""
    _found: dict[str, tuple[NameMatch, ...]] = field(default_factory=dict, repr=False)
    """The last texts searched -> their names (the company and metrics steps search the same
    lines); emptied when they reach ``FOUND_CACHE`` characters (``_found_chars``)."""
    _found_chars: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        # Simplified names, English names and aliases are written in normal form by the build
        # (tests/test_listed.py checks it), so their key is their lower case; Traditional names
        # go through the translation table. One call per kind over every name joined: names
        # hold no newline.
        plain: list[str] = []
        hant: list[str] = []
        owners: list[tuple[Listing, bool]] = []
        hant_owners: list[Listing] = []
        for listing in self.listings:
            self._codes.setdefault(listing.code.upper(), listing)
            for name in (listing.short, listing.full, listing.english):
                if name:
                    plain.append(name)
                    owners.append((listing, True))
            for name in (*listing.aliases, *core_steps(listing.short)):
                plain.append(name)
                owners.append((listing, False))
            for name in (listing.short_hant, listing.full_hant):
                if name:
                    hant.append(name)
                    hant_owners.append(listing)
        keys = _keys(plain, normal=True) + _keys(hant, normal=False)
        owners += [(listing, True) for listing in hant_owners]
        names: dict[str, list[Listing]] = {}
        for key, (listing, official) in zip(keys, owners, strict=True):
            bucket = names.get(key)
            if bucket is None:
                if not official and (len(key) < 2 or key in self.common_words):
                    continue  # a derived alias that is a common word names nothing
                names[key] = [listing]
            elif listing not in bucket:
                bucket.append(listing)
        self._names.update((k, tuple(v)) for k, v in names.items())
        findable = frozenset(k for k in self._names if self._reportable(k))
        starts: dict[str, set[int]] = {}
        for key in findable:
            starts.setdefault(key[:2], set()).add(len(key))
        self._starts.update((k, tuple(sorted(v, reverse=True))) for k, v in starts.items())
        self._findable = findable
        looked_up = [key for key in findable if len(key) >= 2]  # a shorter key is never looked up
        if looked_up:
            # One class per character of a key's first three (two when a key is that short).
            width = min(3, *(len(key) for key in looked_up))
            first, *then = (_char_class(key[at] for key in looked_up) for at in range(width))
            ahead = "".join(f"[{chars}]" for chars in then)
            self._may_start = re.compile(f"[{first}](?={ahead})")

    def _reportable(self, key: str) -> bool:
        """Whether ``find_names`` may report a name key (the rule in the module docstring)."""
        if key in self.common_words:
            return False
        return len(key) >= (MIN_ASCII if key.isascii() else MIN_CJK)

    def __iter__(self) -> Iterator[Listing]:
        return iter(self.listings)

    def __len__(self) -> int:
        return len(self.listings)

    def code(self, text: str) -> Listing | None:
        """The listing a ticker names, in any common form; None when unknown or ambiguous
        (a bare four-digit code listed both in Hong Kong and in Taiwan)."""
        found = self.codes(text)
        return found[0] if len(found) == 1 else None

    def codes(self, text: str) -> tuple[Listing, ...]:
        """Every listing a ticker may name (more than one only for a bare, ambiguous code)."""
        return tuple(self._codes[c] for c in canonical_codes(text) if c in self._codes)

    def named(self, name: str) -> tuple[Listing, ...]:
        """The listings one of whose names is exactly ``name`` (either script, case aside)."""
        return self._names.get(name_key(name.strip()), ())

    def abbreviated(self, abbreviation: str) -> tuple[Listing, ...]:
        """The listings of the one issuer whose Chinese short name the text abbreviates
        (``中電信`` for 中国电信, ``信置`` for 信和置业): two or three characters found in order in a
        longer short name that starts with the first of them; () when no
        issuer or more than one fits, or when ``abbreviation`` is a common word or a name itself."""
        key = name_key(abbreviation.strip())
        if (
            not 2 <= len(key) <= 3
            or key in self.common_words
            or key in self._names
            or not _CJK_ONLY.match(key)
        ):
            return ()
        fits: dict[str, list[Listing]] = {}
        for short, listing in self._abbreviable().get(key[0], ()):
            if len(short) > len(key) and short[0] == key[0] and in_order(key, short):
                issuer = fits.setdefault(name_key(_ABBREVIATION_CLASS.sub("", listing.short)), [])
                if listing not in issuer:
                    issuer.append(listing)
        return tuple(fits.popitem()[1]) if len(fits) == 1 else ()

    def _abbreviable(self) -> dict[str, list[tuple[str, Listing]]]:
        """First or second character -> the Chinese short names (keys, without share class) holding it
        there, with their listing; built on first use."""
        if not self._by_head:
            for listing in self.listings:
                for short in dict.fromkeys((listing.short, listing.short_hant)):
                    short = name_key(_ABBREVIATION_CLASS.sub("", short))
                    if len(short) >= 3 and _CJK_ONLY.match(short):
                        for char in dict.fromkeys(short[:2]):
                            self._by_head.setdefault(char, []).append((short, listing))
        return self._by_head

    def find_names(self, text: str) -> list[NameMatch]:
        """Every registry name in ``text``, leftmost first, longest at each place, not overlapping.

        One pass: at each position the first two characters select the candidate lengths, and
        each length costs one set lookup, so the time is linear in the text. Places where no
        key can start (most of them) are skipped by one regular-expression scan."""
        out: list[NameMatch] = []
        if self._may_start is None:
            return out
        if (known := self._found.get(text)) is not None:
            return list(known)
        norm = name_key(text)
        starts, findable = self._starts, self._findable
        after = 0  # the end of the last name found: no name starts inside it
        # A place whose pair cannot start a key moves on by one, as the character loop did;
        # the pattern skips those places in one pass of the engine.
        for place in self._may_start.finditer(norm):
            i = place.start()
            if i < after:
                continue
            for length in starts.get(norm[i : i + 2], ()):
                key = norm[i : i + length]
                if len(key) == length and key in findable and _bounded(text, norm, i, i + length):
                    after = i + length
                    out.append(NameMatch(i, after, text[i:after], self._names[key]))
                    break
        if self._found_chars + len(text) > FOUND_CACHE:
            self._found.clear()
            self._found_chars = 0
        self._found[text] = tuple(out)
        self._found_chars += len(text)
        return out


_CJK_ONLY = re.compile(r"[\u3400-\u9fff]+$")
_ABBREVIATION_CLASS = re.compile(r"(?:-(?:SW|WR|W|S|B|R)|(?<=[\u3400-\u9fff])[AB])$|^\*?ST")


def in_order(short: str, name: str) -> bool:
    """Whether the characters of ``short`` stand in ``name`` in order, the first among its first two."""
    if short[0] not in name[:2]:
        return False
    rest = iter(name[name.index(short[0]) + 1 :])
    return all(char in rest for char in short[1:])


def _keys(names: list[str], normal: bool) -> list[str]:
    """The keys of many names at once (one call over them all; names hold no newline)."""
    if not names:
        return []
    joined = "\n".join(names)
    return (joined.lower() if normal else name_key(joined)).split("\n")


def _char_class(chars: Iterable[str]) -> str:
    """The inside of a regular-expression class holding exactly ``chars``."""
    return "".join(re.escape(char) for char in sorted(set(chars)))


def _bounded(text: str, norm: str, start: int, end: int) -> bool:
    """An ASCII name must start in upper case or with a digit, and must not run on into
    letters or digits (NIO in UNION)."""
    if norm[start].isascii() and (text[start].islower() or (start > 0 and _alnum(norm[start - 1]))):
        return False
    return not (norm[end - 1].isascii() and end < len(norm) and _alnum(norm[end]))


def _alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def canonical_codes(text: str) -> list[str]:
    """The canonical codes a ticker may stand for, most likely first (see :class:`Listing`)."""
    raw = normalise(text.strip()).upper()
    us = _US_PREFIX.match(raw)
    if us:
        ticker = raw[us.end() :].strip()
        return [ticker] if _US.match(ticker) else []
    if m := _CN_PREFIX.match(raw):
        return [f"{m.group(2)}.{_CN_SUFFIXES[m.group(1)]}"]
    if m := _CN_SUFFIX.match(raw):
        code, suffix = m.group(1), m.group(2)
        if suffix:
            return [f"{code}.{_CN_SUFFIXES[suffix]}"]
        return [f"{code}.{s}" for s in ("SH", "SZ", "BJ")] + [f"{code}.TW", f"{code}.TWO"]
    if m := _HK.match(raw):
        return [f"{int(m.group(1) or m.group(2)):04d}.HK"]
    if m := _TW.match(raw):
        code = m.group(1) or m.group(2)
        suffix = m.group(3) or ("TWO" if raw.startswith(("TPEX", "TWO")) else "TW")
        return [f"{code}.{suffix}", f"{code}.{'TW' if suffix == 'TWO' else 'TWO'}"]
    if raw.isdigit() and len(raw) <= 5:
        hk = f"{int(raw):04d}.HK"
        if raw.startswith("0") or len(raw) < 4:
            return [hk]
        return [hk, f"{raw}.TW", f"{raw}.TWO"]
    if m := _US.match(raw):
        return [m.group(1)]
    return []


def _parse(cells: list[str], market: str, path: Path, number: int) -> Listing:
    if len(cells) != len(COLUMNS) or not cells[0] or not cells[1]:
        where = f"row {number}: expected {len(COLUMNS)} tab-separated cells with a code"
        raise LexiconError(where, str(path))
    code, exchange, short, short_hant, full, full_hant, english, aliases, also = cells
    short, short_hant = _PAR_VALUE_MARK.sub("", short), _PAR_VALUE_MARK.sub("", short_hant)
    derived = tuple(aliases.split("|")) if aliases else ()
    return Listing(
        code,
        exchange,
        market,
        short,
        short_hant,
        full,
        full_hant,
        english,
        derived + tuple(p for p in _stapled_parts(short) if p not in derived),
        tuple(also.split("|")) if also else (),
    )


_PAR_VALUE_MARK = re.compile(r"(?<=[^\sS*])\*")
"""A mark the Taiwan lists put after some short names (国巨*, 太景*-KY; by our reading, shares of a
par value other than NT$10): no text writes it, so it is no part of the name. A risk-warning prefix
(*ST, S*ST) stays."""

_STAPLED = re.compile(r"[与與]")


def _stapled_parts(name: str) -> list[str]:
    """The issuers of a stapled listing, without legal form (香港电讯管理有限公司与香港电讯 ->
    香港电讯管理, 香港电讯): each is a name of the listing. A name with 与 inside one issuer's
    name (中船海洋与防务装备) is no stapled pair: the first part ends in a legal form, or both
    parts open alike."""
    raw = [p.strip() for p in _STAPLED.split(name)]
    if len(raw) != 2:
        return []
    parts = [strip_legal(p) for p in raw]
    if parts[0] == raw[0] and raw[0][:2] != raw[1][:2]:
        return []
    return [p for p in parts if len(p) >= MIN_CJK]


def read_market(path: Path, market: str) -> list[Listing]:
    """One market's TSV file: ``#`` comment lines, a header row, then one listing a line."""
    out: list[Listing] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"cannot read listed companies: {exc}", str(path)) from exc
    rows = [line for line in lines if line and not line.startswith("#")]
    if not rows or tuple(rows[0].split("\t")) != COLUMNS:
        raise LexiconError(f"the header row must be: {' '.join(COLUMNS)}", str(path))
    for number, line in enumerate(rows[1:], start=2):
        out.append(_parse(line.split("\t"), market, path, number))
    return out


def read_common_words(path: Path) -> frozenset[str]:
    """The words of ``common_words.txt`` as name keys (``#`` starts a comment)."""
    if not path.is_file():
        return frozenset()
    words = (line.partition("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(name_key(w) for w in words if w)


def load(*folders: Path) -> Registry:
    """The registry held in ``folders`` (default: the bundled one): every market file and
    common-words list found there, in order."""
    listings: list[Listing] = []
    common: set[str] = set()
    for folder in folders or (DATA,):
        for market in MARKETS:
            path = folder / f"{market}.tsv"
            if path.is_file():
                listings.extend(read_market(path, market))
        common |= read_common_words(folder / COMMON_WORDS)
    return Registry(tuple(listings), frozenset(common))


@per_lexicon_set
def listed() -> Registry:
    """The registry of the current lexicons, built once: the bundled files, then any
    ``listed/`` folder beside the project's lexicon files (``content/lexicons/listed/cn.tsv``…)."""
    return load(DATA, *(folder / "listed" for folder in extra_dirs() if (folder / "listed").is_dir()))


def benchmark() -> float:
    """Seconds to load the bundled registry from its files (printed by the tests, not asserted)."""
    start = time.perf_counter()
    load()
    return time.perf_counter() - start
