"""Cross-call aggregation: call ids and pages, companies, people, firms, topics, series.

Everything here is computed once from the whole set of summaries (collect, then write)
and sorted, so the pages built from it are deterministic.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from generator.lexicon.companies import companies
from generator.lexicon.firms import firms, match_key
from generator.model import Metric, QAExchange, Quote, Summary
from generator.site.format import period_label, year_label

TRANSCRIPTS_DIR = "content/transcripts"


# ---------------------------------------------------------------- slugs and ids


SLUG_BYTES = 150
"""Longest slug in UTF-8 bytes: a page's file name stays well under the file system's 255."""


def slug(text: str, limit: int = 60) -> str:
    """A URL- and file-safe name: lower case, letters (any script) and digits, ``-`` between.

    At most ``limit`` characters and :data:`SLUG_BYTES` bytes; a name cut for bytes ends
    in a hash of the whole text, so two long names stay apart."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    out = re.sub(r"[^\w]+", "-", norm, flags=re.UNICODE).strip("-_")
    out = out[:limit].strip("-_")
    if len(out.encode("utf-8")) > SLUG_BYTES:
        cut = out.encode("utf-8")[: SLUG_BYTES - 9].decode("utf-8", "ignore").strip("-_")
        out = f"{cut}-{short_hash(text)}"
    return out if out and out != "index" else f"x-{short_hash(text)}"


def short_hash(text: str) -> str:
    """Eight hex digits of SHA-256: a stable tie-breaker for colliding slugs."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def unique_slugs(keys: Iterable[str], base: dict[str, str] | None = None) -> dict[str, str]:
    """A slug per key; keys whose slugs collide each get ``-<hash>`` appended."""
    keys = sorted(set(keys))
    wanted = {k: (base or {}).get(k) or slug(k) for k in keys}
    counts = Counter(wanted.values())
    return {k: (s if counts[s] == 1 else f"{s}-{short_hash(k)}") for k, s in wanted.items()}


def call_slug(source_path: str) -> str:
    """The readable part of a call id: the path under content/transcripts, without suffix."""
    path = PurePosixPath(source_path.replace("\\", "/"))
    parts = list(path.with_suffix("").parts)
    prefix = PurePosixPath(TRANSCRIPTS_DIR).parts
    if tuple(parts[: len(prefix)]) == prefix:
        parts = parts[len(prefix) :]
    parts = [p for p in parts if p not in ("", ".", "..", "/")]
    return slug("-".join(parts), limit=100)


def person_key(name: str) -> str:
    """The identity of a person's or firm's name: NFKC, case-folded, single spaces."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name)).strip().casefold()


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
    ids = unique_slugs(paths, {p: call_slug(p) for p in paths})
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
                page=f"calls/{cid}/{year}/{call_id}.md",
                copies=copies.get(s.source.path, []),
            )
        )
    link_same_period(calls)
    return newest_first(calls)


def duplicate_warnings(calls: list[Call]) -> list[str]:
    """One line per duplicate source, naming both files: a copy of a call (same content),
    the same content read as another company or period, or another source of a call's period."""
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
    for call in by_path:
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


# ---------------------------------------------------------------- metric series


MetricKey = tuple[str, str, str, str]
"""(metric id, segment, scope, unit) with "" for None."""


def metric_key(m: Metric) -> MetricKey:
    """The identity of a figure across calls."""
    return (m.metric, m.segment or "", m.scope or "", m.unit or "")


def headline_metrics(summary: Summary) -> dict[MetricKey, Metric]:
    """One metric per key: corrected ones first, then those with a value, then the earliest line."""
    best: dict[MetricKey, Metric] = {}
    for m in sorted(
        summary.metrics, key=lambda m: (not m.corrected, m.value is None, m.evidence.line, m.metric)
    ):
        best.setdefault(metric_key(m), m)
    return best


def series(calls: list[Call]) -> dict[MetricKey, list[tuple[Call, Metric]]]:
    """Each metric key -> its (call, metric) points, in the order of ``calls``."""
    out: dict[MetricKey, list[tuple[Call, Metric]]] = {}
    for call in calls:
        for key, m in headline_metrics(call.summary).items():
            out.setdefault(key, []).append((call, m))
    return dict(sorted(out.items()))


def headline_revenue(summary: Summary) -> Metric | None:
    """The total revenue of the call's own period (quarter first), or None."""
    revenue = [m for m in summary.metrics if m.metric == "revenue" and not m.segment]
    order = {"quarter": 0, None: 1, "half_year": 2, "fiscal_year": 3}
    revenue.sort(key=lambda m: (order.get(m.scope, 4), not m.corrected, m.value is None, m.evidence.line))
    return revenue[0] if revenue else None


# ---------------------------------------------------------------- changes between calls


@dataclass
class MetricChange:
    """A figure reported by two consecutive calls of a company."""

    key: MetricKey
    before: Metric
    after: Metric

    @property
    def change_pct(self) -> float | None:
        """Percent change of the value, when both values are known and the first is not 0."""
        a, b = self.before.value, self.after.value
        if a is None or b is None or a == 0:
            return None
        return (b - a) / abs(a) * 100


@dataclass
class Comparison:
    """What changed from one call of a company to the next."""

    previous: Call
    current: Call
    metrics: list[MetricChange] = field(default_factory=list)
    topics_new: list[str] = field(default_factory=list)
    topics_gone: list[str] = field(default_factory=list)


def compare(previous: Call, current: Call) -> Comparison:
    """The metrics both calls report (same key) and the topics that appeared or went away."""
    before = headline_metrics(previous.summary)
    after = headline_metrics(current.summary)
    changes = [MetricChange(k, before[k], after[k]) for k in sorted(set(before) & set(after))]
    old, new = previous.topics(), current.topics()
    return Comparison(previous, current, changes, sorted(new - old), sorted(old - new))


def previous_calls(calls: list[Call]) -> dict[str, Call]:
    """Call id -> the company's call just before it in time (another source of the same
    period is not a previous call)."""
    out: dict[str, Call] = {}
    for company_calls in by_company(calls).values():
        for i, after in enumerate(company_calls):
            key = after.period_key()
            j = i - 1
            while j >= 0 and key is not None and company_calls[j].period_key() == key:
                j -= 1
            if j >= 0:
                out[after.id] = company_calls[j]
    return out


def once_per_period(points: list[tuple[Call, Metric]]) -> list[tuple[Call, Metric]]:
    """The points of a series, one per company-period: that of the first source path."""
    best: dict[object, Call] = {}
    for call, _ in points:
        key = call.period_key() or call.id
        if key not in best or call.source_path < best[key].source_path:
            best[key] = call
    keep = {c.id for c in best.values()}
    return [(c, m) for c, m in points if c.id in keep]


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


# ---------------------------------------------------------------- firms


# ---------------------------------------------------------------- people and firms


HANDFUL = 8
"""A person or firm seen in more calls than this gets an index page and a page per year."""


@dataclass
class Person:
    """A person across every call: an executive (quotes, answers) or an analyst (questions)."""

    key: str
    name: str
    side: str
    """management | analyst."""
    roles: list[str] = field(default_factory=list)
    firms: list[str] = field(default_factory=list)
    """Keys of the person's firms (see :class:`Firm`), most calls first."""
    companies: list[str] = field(default_factory=list)
    """Company ids, most calls first."""
    group: str = ""
    """Folder the page lives in: a company id (management) or a firm key (analysts)."""
    page: str = ""
    """The person's page: ``<slug>.md``, or ``<slug>/index.md`` when split by year."""
    quotes: list[tuple[Call, Quote]] = field(default_factory=list)
    answers: list[tuple[Call, QAExchange]] = field(default_factory=list)
    questions: list[tuple[Call, QAExchange]] = field(default_factory=list)

    def calls(self) -> list[Call]:
        """Every call the person's quotes, answers and questions come from."""
        items: list[tuple[Call, Any]] = [*self.quotes, *self.answers, *self.questions]
        return list({c.id: c for c, _ in items}.values())

    @property
    def split(self) -> bool:
        """True when the person's items are on one page per year."""
        return self.page.endswith("/index.md")

    def year_page(self, year: Year) -> str:
        """The page of one year (only when :attr:`split`)."""
        return f"{posixpath.dirname(self.page)}/{year.name}.md"


@dataclass
class Firm:
    """An analysts' firm (canonical, from the firms lexicon): every question asked by its people."""

    key: str
    name: str
    """The canonical name (firms lexicon), else the most used written form."""
    slug: str
    page: str
    variants: list[str] = field(default_factory=list)
    """Every form the summaries write the firm's name in, most used first."""
    analysts: list[Person] = field(default_factory=list)
    """Everyone who asked or took part under this firm (their page may be under another firm)."""
    questions: list[tuple[Call, QAExchange]] = field(default_factory=list)

    @property
    def split(self) -> bool:
        """True when the firm's questions are on one page per year."""
        return len({c.id for c, _ in self.questions}) > HANDFUL

    def year_page(self, year: Year) -> str:
        """The page of one year's questions (only when :attr:`split`)."""
        return f"{posixpath.dirname(self.page)}/{year.name}.md"


UNKNOWN_FIRM = "未知机构"


def alias_map(summary: Summary) -> dict[str, str]:
    """Every way this summary names a participant -> the participant's canonical name."""
    out: dict[str, str] = {}
    for p in summary.participants:
        for alias in p.aliases:
            out.setdefault(person_key(alias), p.name)
    for p in summary.participants:
        out[person_key(p.name)] = p.name
    return out


def canonical(name: str, aliases: dict[str, str]) -> str:
    """The canonical name of ``name`` in one summary."""
    return aliases.get(person_key(name), name.strip())


class _People:
    """Accumulates people and firms over the calls."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.roles: dict[str, Counter[str]] = {}
        self.firms: dict[str, Counter[str]] = {}
        self.companies: dict[str, Counter[str]] = {}
        self.firm_names: dict[str, Counter[str]] = {}
        self.firm_canon: dict[str, str] = {}
        self.firm_questions: dict[str, list[tuple[Call, QAExchange]]] = {}
        self.canon = firms().by_key

    def person(self, name: str, side: str, call: Call) -> Person:
        key = person_key(name)
        p = self.people.get(key)
        if p is None:
            p = self.people[key] = Person(key=key, name=name.strip(), side=side)
        elif side == "management":
            p.side = "management"
        self.companies.setdefault(key, Counter())[call.company_id] += 1
        return p

    def firm(self, name: str | None) -> str:
        """The key of the firm written ``name`` (that of its canonical name), counting the form."""
        label = (name or "").strip() or UNKNOWN_FIRM
        canon = self.canon.get(match_key(label))
        key = match_key(canon or label) or person_key(label)
        self.firm_names.setdefault(key, Counter())[label] += 1
        if canon:
            self.firm_canon[key] = canon
        return key

    def add_call(self, call: Call) -> None:
        s = call.summary
        aliases = alias_map(s)
        for part in s.participants:
            if part.side not in ("management", "analyst"):
                continue
            p = self.person(part.name, part.side, call)
            if part.role:
                self.roles.setdefault(p.key, Counter())[part.role.strip()] += 1
            if part.firm and part.firm.strip():
                self.firms.setdefault(p.key, Counter())[self.firm(part.firm)] += 1
        for q in s.quotes:
            if q.speaker:
                self.person(canonical(q.speaker, aliases), "management", call).quotes.append((call, q))
        for qa in s.qa:
            for name in dict.fromkeys(canonical(n, aliases) for n in qa.answered_by):
                self.person(name, "management", call).answers.append((call, qa))
            if qa.firm or qa.asker:  # a question nobody is named for belongs to no firm's page
                firm_key = self.firm(qa.firm)
                self.firm_questions.setdefault(firm_key, []).append((call, qa))
            if qa.asker:
                p = self.person(canonical(qa.asker, aliases), "analyst", call)
                p.questions.append((call, qa))
                if qa.firm and qa.firm.strip():
                    self.firms.setdefault(p.key, Counter())[firm_key] += 1

    def firm_label(self, key: str) -> str:
        """The canonical name of a firm, else its most used written form."""
        return self.firm_canon.get(key) or _ranked(self.firm_names.get(key))[0]


def _ranked(counter: Counter[str] | None) -> list[str]:
    return [k for k, _ in sorted((counter or Counter()).items(), key=lambda kv: (-kv[1], kv[0]))]


@dataclass
class People:
    """Everyone across the calls, placed in folders."""

    people: list[Person]
    firms: list[Firm]

    def management(self) -> dict[str, list[Person]]:
        """Company id -> its executives, by name."""
        out: dict[str, list[Person]] = {}
        for p in self.people:
            if p.side == "management":
                out.setdefault(p.group, []).append(p)
        return dict(sorted(out.items()))

    def by_name(self) -> dict[str, Person]:
        """person_key -> Person."""
        return {p.key: p for p in self.people}

    def firm_by_key(self) -> dict[str, Firm]:
        """Firm key -> Firm."""
        return {f.key: f for f in self.firms}


_RESERVED = re.compile(r"^(?:\d{4}|unknown|index)$")


def _person_slugs(keys: list[str]) -> dict[str, str]:
    """File names of people in one folder: unique, never a year page's name."""
    base = {k: slug(k) for k in keys}
    return unique_slugs(keys, {k: f"p-{s}" if _RESERVED.match(s) else s for k, s in base.items()})


def build_people(calls: list[Call]) -> People:
    """Executives, analysts and firms of all calls, each with a page path."""
    acc = _People()
    for call in sorted(calls, key=lambda c: (c.company_id, c.chrono_key())):
        acc.add_call(call)
    for p in acc.people.values():
        p.roles = _ranked(acc.roles.get(p.key))
        p.firms = _ranked(acc.firms.get(p.key))
        p.companies = _ranked(acc.companies.get(p.key))
        if p.side == "management":
            p.group = p.companies[0] if p.companies else "unknown"
        else:
            p.group = p.firms[0] if p.firms else acc.firm(None)
    labels = {k: acc.firm_label(k) for k in acc.firm_names}
    firm_slugs = unique_slugs(labels, {k: slug(v) for k, v in labels.items()})
    firms = {
        k: Firm(
            k,
            labels[k],
            firm_slugs[k],
            f"people/analysts/{firm_slugs[k]}/index.md",
            variants=_ranked(acc.firm_names[k]),
        )
        for k in labels
    }
    for k, questions in acc.firm_questions.items():
        firms[k].questions = questions
    groups: dict[str, list[Person]] = {}
    for p in acc.people.values():
        groups.setdefault(p.group, []).append(p)
    for group, members in groups.items():
        slugs = _person_slugs([m.key for m in members])
        folder = f"people/management/{group}" if members[0].side == "management" else ""
        for m in members:
            base = f"{folder or posixpath.dirname(firms[group].page)}/{slugs[m.key]}"
            m.page = f"{base}/index.md" if len(m.calls()) > HANDFUL else f"{base}.md"
    for p in acc.people.values():
        if p.side == "analyst":
            for key in p.firms or [p.group]:
                firms[key].analysts.append(p)
    for firm in firms.values():
        firm.analysts.sort(key=lambda p: p.key)
    people = sorted(acc.people.values(), key=lambda p: (p.side, p.group, p.key))
    return People(people, sorted(firms.values(), key=lambda f: f.slug))


# ---------------------------------------------------------------- topics


@dataclass
class Topic:
    """Every quote and Q&A exchange about one topic, by company."""

    name: str
    slug: str
    quotes: dict[str, list[tuple[Call, Quote]]] = field(default_factory=dict)
    qa: dict[str, list[tuple[Call, QAExchange]]] = field(default_factory=dict)

    def companies(self) -> list[str]:
        """Company ids with anything about this topic."""
        return sorted(set(self.quotes) | set(self.qa))

    def page(self, company_id: str | None = None, year: Year | None = None) -> str:
        """The topic's landing page, its index for one company, or its page for one company and year."""
        if company_id is None:
            return f"topics/{self.slug}/index.md"
        return f"topics/{self.slug}/{company_id}/{year.name if year else 'index'}.md"

    def years(self, company_id: str) -> list[tuple[Year, int]]:
        """The company's fiscal years with anything about this topic, and how many calls each."""
        items: list[tuple[Call, Any]] = [*self.quotes.get(company_id, []), *self.qa.get(company_id, [])]
        return years((c for c, _ in items), fiscal_year)

    def count(self) -> int:
        """Number of quotes and exchanges."""
        return sum(map(len, self.quotes.values())) + sum(map(len, self.qa.values()))


def build_topics(calls: list[Call]) -> list[Topic]:
    """Topics found in the calls' quotes and Q&A, each listing its items newest first."""
    names = sorted({t.strip() for c in calls for t in c.topics() if t.strip()})
    slugs = unique_slugs(names)
    topics = {n: Topic(n, slugs[n]) for n in names}
    for call in calls:  # newest first
        for q in call.summary.quotes:
            for t in dict.fromkeys(x.strip() for x in q.topics if x.strip()):
                topics[t].quotes.setdefault(call.company_id, []).append((call, q))
        for qa in call.summary.qa:
            for t in dict.fromkeys(x.strip() for x in qa.topics if x.strip()):
                topics[t].qa.setdefault(call.company_id, []).append((call, qa))
    return sorted(topics.values(), key=lambda t: (-t.count(), t.slug))
