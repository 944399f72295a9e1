"""The calls of the site: one per summary (copies folded in), named, placed and ordered.

A call's id and page come from :mod:`generator.site.urls`; its company's name and fiscal
calendar from the company registry. Computed once from the whole set of summaries and sorted,
so the pages built from them are deterministic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from generator.lexicon.companies import companies
from generator.model import Summary
from generator.site import urls
from generator.site.format import period_label, year_label
from generator.site.urls import slug

# ---------------------------------------------------------------- calls


@dataclass
class Call:
    """One summary with everything the pages need to place and name it."""

    id: str
    summary: Summary
    company_id: str
    company_name: str
    year: str
    """Folder name of the fiscal year ("2024", or "unknown")."""
    year_title: str
    """``FY2024`` / ``2024`` / ``期间未知``."""
    period: str
    """``FY2024 Q4`` …"""
    page: str
    """Path of the call page under docs/."""
    copies: list[Summary] = field(default_factory=list)
    """Other sources with the same content (same SHA-256, company and period): shown on this
    page as alternative sources, with no page or listing of their own."""
    same_period: list[Call] = field(default_factory=list)
    """Other calls of the same company and fiscal period from different texts, by source path."""

    @property
    def source_path(self) -> str:
        """The path of the call's source (what orders duplicate sources: first path first)."""
        return self.summary.source.path

    def period_key(self) -> PeriodKey | None:
        """(company id, fiscal year, quarter), or None when the company or the year is unknown."""
        return period_key(self.company_id, self.summary)

    @property
    def when(self) -> date | None:
        """The call date, else the period end: what orders calls in time."""
        return self.summary.call_date or self.summary.period.period_end

    def chrono_key(self) -> tuple[int, int, str, str]:
        """Oldest first: fiscal year, quarter (full year after Q4), date, id."""
        p = self.summary.period
        quarter = p.fiscal_quarter if p.fiscal_quarter is not None else 5
        return (p.fiscal_year or 0, quarter, self.when.isoformat() if self.when else "", self.id)

    def topics(self) -> set[str]:
        """Every topic of the call's Q&A and quotes."""
        s = self.summary
        return {t for qa in s.qa for t in qa.topics} | {t for q in s.quotes for t in q.topics}


def company_identity(summary: Summary) -> tuple[str, str]:
    """(folder id, display name) of the summary's company."""
    c = summary.company
    entry = companies().get(c.id)
    name = c.name or (entry.name if entry else None)
    cid = slug(c.id) if c.id else (slug(c.name) if c.name else "unknown")
    return cid, name or c.id or "未知公司"


PeriodKey = tuple[str, int, int | None]
"""(company id, fiscal year, fiscal quarter or None for a full year): one company-period."""


def period_key(company_id: str, summary: Summary) -> PeriodKey | None:
    """The company-period a summary reports, or None when the company or the year is unknown."""
    fy = summary.period.fiscal_year
    if company_id == "unknown" or fy is None:
        return None
    return (company_id, fy, summary.period.fiscal_quarter)


def _identity(summary: Summary) -> tuple[str, int | None, int | None]:
    """What a copy must share with the call it is folded into: company and period."""
    return (company_identity(summary)[0], summary.period.fiscal_year, summary.period.fiscal_quarter)


def split_copies(summaries: list[Summary]) -> tuple[list[Summary], dict[str, list[Summary]]]:
    """The summaries that get a call page, and source path -> the copies shown on that page.

    A copy has the same content (``source.sha256``) and the same company and period as a
    summary whose source path sorts before it; the first path of such a group is the call.
    """
    calls: list[Summary] = []
    copies: dict[str, list[Summary]] = {}
    first: dict[tuple[str, str, int | None, int | None], Summary] = {}
    for s in sorted(summaries, key=lambda s: s.source.path):
        key = (s.source.sha256, *_identity(s))
        if s.source.sha256 and key in first:
            copies.setdefault(first[key].source.path, []).append(s)
        else:
            first.setdefault(key, s)
            calls.append(s)
    return calls, copies


def link_same_period(calls: list[Call]) -> None:
    """Give every call the other calls of its company-period (``same_period``), by source path."""
    groups: dict[PeriodKey, list[Call]] = {}
    for call in sorted(calls, key=lambda c: c.source_path):
        key = call.period_key()
        if key is not None:
            groups.setdefault(key, []).append(call)
    for group in groups.values():
        for call in group:
            call.same_period = [c for c in group if c is not call]


def build_calls(summaries: list[Summary]) -> list[Call]:
    """A Call per summary (copies folded into their call), ids unique and deterministic,
    sorted newest first."""
    summaries, copies = split_copies(summaries)
    paths = [s.source.path for s in summaries]
    ids = urls.unique_slugs(paths, {p: urls.call_slug(p) for p in paths})
    calls = []
    for s in summaries:
        cid, name = company_identity(s)
        fy = s.period.fiscal_year
        year = str(fy) if fy is not None else "unknown"
        call_id = ids[s.source.path]
        calls.append(
            Call(
                id=call_id,
                summary=s,
                company_id=cid,
                company_name=name,
                year=year,
                year_title=year_label(s.company.id, s.period) or "期间未知",
                period=period_label(s.company.id, s.period),
                page=urls.call(cid, year, call_id),
                copies=copies.get(s.source.path, []),
            )
        )
    link_same_period(calls)
    return newest_first(calls)


def duplicate_warnings(calls: list[Call]) -> list[str]:
    """One line per duplicate source, naming both files: a copy of a call (same content), or the
    same content read as another company or period (another source of a call's period is a
    note: :func:`same_period_notes`)."""
    out: list[str] = []
    by_path = sorted(calls, key=lambda c: c.source_path)
    for call in by_path:
        for dup in call.copies:
            note = (
                f"; its corrections ({len(dup.corrections)}) are not shown, put them in the "
                f"corrections of {call.source_path}"
                if dup.corrections
                else ""
            )
            out.append(
                f"{dup.source.path}: same content as {call.source_path} (same SHA-256); "
                f"one call page, this file listed on it as another source{note}"
            )
    first: dict[str, Call] = {}
    for call in by_path:
        sha = call.summary.source.sha256
        if sha and sha in first:
            out.append(
                f"{call.source_path}: same content as {first[sha].source_path} (same SHA-256) but "
                "read as another company or period (corrected?); both call pages kept"
            )
        elif sha:
            first[sha] = call
    return out


def same_period_notes(calls: list[Call]) -> list[str]:
    """One line per pair of different sources of one company and period (a transcript and a
    commentary of the same call, say): normal, so a note, not a warning."""
    out: list[str] = []
    for call in sorted(calls, key=lambda c: c.source_path):
        for other in call.same_period:
            if other.source_path < call.source_path:
                out.append(
                    f"{call.source_path}: same company and period ({call.company_name} {call.period}) "
                    f"as {other.source_path}; both call pages kept, each figure downloaded once"
                )
    return out


def newest_first(calls: list[Call]) -> list[Call]:
    """Calls by date (undated last), then company and id."""
    dated = sorted((c for c in calls if c.when), key=lambda c: (c.when, c.company_id, c.id), reverse=True)
    undated = sorted((c for c in calls if not c.when), key=lambda c: (c.company_id, c.chrono_key()))
    return dated + undated


def by_company(calls: list[Call]) -> dict[str, list[Call]]:
    """Company id -> its calls, oldest first."""
    out: dict[str, list[Call]] = {}
    for call in calls:
        out.setdefault(call.company_id, []).append(call)
    return {k: sorted(v, key=Call.chrono_key) for k, v in sorted(out.items())}


# ---------------------------------------------------------------- years


@dataclass(frozen=True)
class Year:
    """A year a page is split by: its file name and its title."""

    name: str
    """File name without suffix: ``2024`` or ``unknown``."""
    title: str
    """``2024 年``, ``FY2024`` or ``日期未知``."""


def calendar_year(call: Call) -> Year:
    """The calendar year of the call's date (people's pages span companies with other fiscal years)."""
    when = call.when
    return Year(str(when.year), f"{when.year} 年") if when else Year("unknown", "日期未知")


def fiscal_year(call: Call) -> Year:
    """The company's fiscal year: the year folder of the call page."""
    return Year(call.year, call.year_title)


def years(calls: Iterable[Call], year_of: Callable[[Call], Year]) -> list[tuple[Year, int]]:
    """The years of ``calls`` with how many distinct calls fall in each, newest first (unknown last)."""
    counts: Counter[Year] = Counter()
    for call in {c.id: c for c in calls}.values():
        counts[year_of(call)] += 1
    return sorted(counts.items(), key=lambda kv: (kv[0].name.isdigit(), kv[0].name), reverse=True)
