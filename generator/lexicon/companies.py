"""The company registry: every company the lexicon knows, as typed entries, loaded once per run.

One owner of the facts about a company: its canonical name, the names a text may use, its
tickers, its business units (segments), its fiscal calendar and its reporting currency.
Extractors and the site ask this registry; none reads ``companies.yaml`` itself.

A malformed entry (a name that is no text, a month outside 1-12, segments that are no mapping)
is a :class:`LexiconError` naming the entry and the field.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from generator.errors import LexiconError
from generator.lexicon import load, per_lexicon_set


@dataclass(frozen=True)
class CompanyEntry:
    """One company of the lexicon."""

    id: str
    name: str
    names: tuple[str, ...] = ()
    """Every way a text names the company, in the lexicon's order (the first match decides)."""
    tickers: tuple[str, ...] = ()
    fiscal_year_start_month: int = 1
    """Month (1-12) in which the fiscal year starts; a fiscal year is named after the calendar
    year in which it ends."""
    segments: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Business units: canonical name -> other names for it."""
    currency: str | None = None
    """The reporting currency when it is not CNY."""

    @property
    def all_names(self) -> tuple[str, ...]:
        """The canonical name and every other name, canonical first, without repeats."""
        return tuple(dict.fromkeys([self.name, *self.names]))


@dataclass(frozen=True)
class Companies:
    """The registry: entries by id, in lexicon order, and the words that never name a company."""

    entries: dict[str, CompanyEntry]
    generic_subjects: frozenset[str] = frozenset()
    """Lower-case words a title or ticker may stand beside that never name a company."""
    results_verbs: tuple[str, ...] = ()
    """Words that, right after a company's name, make it the subject of results (实现营收, 公布)."""
    company_words: tuple[str, ...] = ()
    """Words that, right after a listed company's short name of two characters, make the pair its
    name (龙湖 + 集团, 广达 + 电脑): a short name too common to count alone counts then."""
    ticker_words: tuple[str, ...] = ()
    """Words that, right before a bare code, make it the company's ticker (编号为600938)."""
    english_release_verbs: tuple[str, ...] = ()
    """Words between an issuer and its results in an English title (Announces, Releases, on)."""
    english_release_days: tuple[str, ...] = ()
    """When a news text says its issuer reported, between the issuer's ticker and the verb
    (``Tata Consultancy Services (TCS) on Friday reported``)."""
    english_period_words: tuple[str, ...] = ()
    """Words of a period in an English title or after an issuer's possessive (Third, Quarter)."""
    english_results_words: tuple[str, ...] = ()
    """What an English title or possessive ends in: the results or the call (Results, Earnings)."""
    pronouns: tuple[str, ...] = ()
    """Words never in a company's name (我们, 我司): a run holding one names no company."""
    leader_words: tuple[str, ...] = ()
    """A leader's title that, right after a company's name, makes it the text's subject (X董事长)."""
    call_welcome_words: tuple[str, ...] = ()
    """Words of joining a call before its company's name (感谢您参加X…业绩电话会议)."""
    relative_words: tuple[str, ...] = ()
    """Words that name the company after them as another's relative (母公司, 同系): not the subject."""

    def get(self, company_id: str | None) -> CompanyEntry | None:
        """The entry of ``company_id``, or None."""
        return self.entries.get(company_id) if company_id else None

    def __iter__(self) -> Iterator[CompanyEntry]:
        return iter(self.entries.values())

    def owner_of(self, name: str) -> str | None:
        """The id of the company one of whose names (or tickers) is exactly ``name`` (case aside)."""
        return self._owners().get(name.strip().casefold())

    @cache  # noqa: B019 - the registry is immutable and lives as long as the run
    def _owners(self) -> dict[str, str]:
        owners: dict[str, str] = {}
        for entry in self.entries.values():
            for word in [*entry.all_names, *entry.tickers]:
                owners.setdefault(word.casefold(), entry.id)
        return owners

    def __hash__(self) -> int:
        return id(self)


def _text(value: Any, where: str) -> str:
    if not isinstance(value, (str, int)) or isinstance(value, bool) or str(value) == "":
        raise LexiconError(f"{where} must be a text", "companies lexicon")
    return str(value)


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise LexiconError(f"{where} must be a list", "companies lexicon")
    return tuple(_text(v, f"{where}[{i}]") for i, v in enumerate(value))


def parse_entry(company_id: str, data: Any) -> CompanyEntry:
    """One ``companies`` entry as a typed record; LexiconError names a bad field."""
    where = f"companies.{company_id}"
    if not isinstance(data, dict):
        raise LexiconError(f"{where} must be a mapping", "companies lexicon")
    month = data.get("fiscal_year_start_month", 1) or 1
    if not isinstance(month, int) or not 1 <= month <= 12:
        raise LexiconError(f"{where}.fiscal_year_start_month must be a month, 1-12", "companies lexicon")
    segments = data.get("segments") or {}
    if not isinstance(segments, dict):
        raise LexiconError(f"{where}.segments must map names to lists of other names", "companies lexicon")
    currency = data.get("currency")
    return CompanyEntry(
        id=company_id,
        name=_text(data.get("name"), f"{where}.name"),
        names=_texts(data.get("names"), f"{where}.names"),
        tickers=_texts(data.get("tickers"), f"{where}.tickers"),
        fiscal_year_start_month=month,
        segments={
            _text(k, f"{where}.segments"): _texts(v, f"{where}.segments.{k}") for k, v in segments.items()
        },
        currency=_text(currency, f"{where}.currency") if currency is not None else None,
    )


@per_lexicon_set
def companies() -> Companies:
    """The registry of the current lexicons (bundled plus the project's), built once."""
    data = load("companies") or {}
    raw = data.get("companies") or {}
    if not isinstance(raw, dict):
        raise LexiconError("companies must map ids to entries", "companies lexicon")
    generic = _texts(data.get("generic_subjects"), "generic_subjects")
    return Companies(
        entries={str(cid): parse_entry(str(cid), entry) for cid, entry in raw.items()},
        generic_subjects=frozenset(w.lower() for w in generic),
        results_verbs=_texts(data.get("results_verbs"), "results_verbs"),
        company_words=_texts(data.get("company_words"), "company_words"),
        ticker_words=_texts(data.get("ticker_words"), "ticker_words"),
        english_release_verbs=_texts(data.get("english_release_verbs"), "english_release_verbs"),
        english_release_days=_texts(data.get("english_release_days"), "english_release_days"),
        english_period_words=_texts(data.get("english_period_words"), "english_period_words"),
        english_results_words=_texts(data.get("english_results_words"), "english_results_words"),
        pronouns=_texts(data.get("pronouns"), "pronouns"),
        leader_words=_texts(data.get("leader_words"), "leader_words"),
        relative_words=_texts(data.get("relative_words"), "relative_words"),
        call_welcome_words=_texts(data.get("call_welcome_words"), "call_welcome_words"),
    )
