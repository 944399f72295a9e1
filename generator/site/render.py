"""Stage 4: summaries -> the Markdown pages, charts and downloads of the MkDocs site.

Collect, then write: the calls, people, firms and topics are computed from the whole
set first (:mod:`generator.site.catalog`), then each page is rendered from a Jinja2
template in ``generator/site/templates``. Templates escape every ``{{ value }}`` for
Markdown by default (see :func:`generator.site.format.md`); only text our code built
(:class:`generator.site.format.Md`) passes as is.

Layout under ``docs/``::

    index.md                                   every call, newest first
    calls/index.md                             companies -> calls/<company>/index.md
    calls/<company>/index.md                   years     -> calls/<company>/<year>/index.md
    calls/<company>/<year>/index.md            the year's calls and their metrics
    calls/<company>/<year>/<call-id>.md        the call page
    companies/index.md, companies/<company>/index.md (+ charts/*.svg): the latest calls only
    people/management/<company>/<person>.md    an executive's quotes and answers
    people/analysts/<firm>/index.md            a firm (canonical name): its analysts and questions
    people/analysts/<firm>/<person>.md         an analyst's questions
    people/.../<person>/index.md, <year>.md    a person seen in more than HANDFUL calls, by year
    people/analysts/<firm>/<year>.md           a firm's questions by year (more than HANDFUL calls)
    topics/<topic>/index.md                    companies with anything on the topic
    topics/<topic>/<company>/index.md          its fiscal years -> topics/<topic>/<company>/<year>.md
    data/index.md, data/metrics.csv|json, data/calls/<call-id>.csv|json

Only the home page grows with the number of calls (one lean row each); every other page
is bounded by a company's calls in a year, or a person's or firm's calls in a year.
The pages' styles (transcript anchors, quotes, print) are the static ``docs/assets/report.css``.

Duplicates (:func:`generator.site.catalog.duplicate_warnings`): a source with the same content
as another is shown on that call's page as another source and nowhere else; two sources of
one company and period keep their pages, which name each other, and the site's download
gives each figure once. Each case is one warning line of the :class:`RenderResult`.

One page that cannot be rendered or written (a page a person edited, say) is collected in
the result as an error and its earlier version kept; every other page is still written.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Protocol

import jinja2

from generator.errors import GeneratorError
from generator.lexicon.firms import firms, match_key
from generator.lexicon.labels import metric_labels
from generator.model import Document, Metric, Summary
from generator.site import charts, export, format
from generator.site.catalog import (
    Call,
    Firm,
    MetricKey,
    People,
    Person,
    Topic,
    Year,
    alias_map,
    build_calls,
    build_people,
    build_topics,
    by_company,
    calendar_year,
    compare,
    duplicate_warnings,
    fiscal_year,
    headline_revenue,
    once_per_period,
    person_key,
    previous_calls,
    series,
    slug,
    years,
)
from generator.site.format import Md, md
from generator.source.read import read_source

TEMPLATES = Path(__file__).parent / "templates"
KIND_LABELS = {"transcript": "电话会实录", "article": "报道", "digest": "纪要"}


class OutputTreeLike(Protocol):
    """What the renderer needs of :class:`generator.writer.OutputTree` (typing only)."""

    def write(self, rel: str, content: str | bytes) -> Any: ...

    def keep(self, rel: str) -> None: ...


@dataclass
class RenderResult:
    """What a render reports besides the pages it wrote."""

    warnings: list[str] = field(default_factory=list)
    """One line per duplicate source (same content, or same company and period), naming both files."""
    errors: list[GeneratorError] = field(default_factory=list)
    """One per page or file that could not be rendered or written; the other pages were written."""


@lru_cache(maxsize=65536)
def relative(folder: str, target: str) -> str:
    """``target`` relative to ``folder`` (both forward-slash paths under docs/, "" = docs/)."""
    here = folder.split("/") if folder else []
    there = target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


@dataclass
class Linker:
    """Relative links from one page to the others (MkDocs validates ``.md`` links)."""

    page: str

    def url(self, target: str, anchor: str = "") -> Md:
        """The relative URL of ``target`` (a path under docs/) from this page."""
        if target == self.page:
            return Md(f"#{anchor}")
        rel = relative(posixpath.dirname(self.page), target)
        return Md(f"{rel}#{anchor}" if anchor else rel)

    def to(self, target: str, text: object, anchor: str = "") -> Md:
        """A Markdown link to ``target`` with escaped ``text`` (just the text on the page itself)."""
        if target == self.page and not anchor:
            return md(text)
        return Md(f"[{md(text)}]({self.url(target, anchor)})")


def _join(items: list[object], sep: str = "、") -> Md:
    """Join Markdown-safe items and escaped data with ``sep``."""
    return Md(sep.join(md(i) for i in items))


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        auto_reload=False,
        autoescape=False,
        finalize=lambda v: "" if v is None else md(v),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        joinmd=_join,
        value=format.metric_value,
        pct=format.pct,
        pp=format.pp,
        changes=format.changes,
        metric=format.metric_label,
        scope=format.scope_label,
        day=format.day,
        code=format.code_text,
        html=format.html_text,
        title=format.front_matter,
    )
    env.globals.update(Md=Md, kinds=KIND_LABELS)
    return env


# ---------------------------------------------------------------- view helpers


@dataclass
class TranscriptView:
    """The call's source as the page shows it: its lines, or why it cannot be shown."""

    document: Document | None
    problem: str | None = None
    changed: bool = False
    """True when the file's SHA-256 differs from the one the summary was made from."""

    def line_text(self, number: int) -> str | None:
        """The original text of a line, or None when unknown."""
        if self.document is None or not 1 <= number <= len(self.document.lines):
            return None
        return self.document.line(number).original


def load_transcript(summary: Summary, root: Path) -> TranscriptView:
    """Re-read the call's source for the full-text section; never raises."""
    path = (root / summary.source.path).resolve()
    try:
        path.relative_to(root.resolve())
    except ValueError:
        return TranscriptView(None, "原文路径不在项目目录内,不予显示")
    try:
        doc = read_source(path, root)
    except GeneratorError as exc:
        return TranscriptView(None, f"原文无法读取:{exc.message}")
    return TranscriptView(doc, None, bool(summary.source.sha256) and doc.sha256 != summary.source.sha256)


@dataclass(frozen=True)
class TranscriptRow:
    """One line of the full-text section: its number (the anchor), text and kind."""

    number: int
    text: str
    kind: str = "line"
    """line | omitted (emptied as boilerplate) | excerpt (source unreadable) | missing (no such line)."""


def referenced_lines(summary: Summary) -> dict[int, list[str]]:
    """Line number -> the texts the summary cites from it (evidence, questions, quotes)."""
    refs: dict[int, list[str]] = {}
    for m in summary.metrics:
        refs.setdefault(m.evidence.line, []).append(m.evidence.text)
    for qa in summary.qa:
        if qa.line is not None:
            refs.setdefault(qa.line, []).append(qa.question)
    for q in summary.quotes:
        refs.setdefault(q.line, []).append(q.text)
    return {n: list(dict.fromkeys(texts)) for n, texts in sorted(refs.items()) if n >= 1}


def transcript_rows(view: TranscriptView, summary: Summary) -> list[TranscriptRow]:
    """Every line to show, so that each line the summary links to has its anchor.

    Lines emptied as boilerplate are left out unless cited; when the source cannot be
    read, the cited excerpts stand at their line numbers instead.
    """
    refs = referenced_lines(summary)
    if view.document is None:
        return [TranscriptRow(n, " / ".join(texts), "excerpt") for n, texts in refs.items()]
    lines = view.document.lines
    reviewed = {n for n, _ in review_notes(summary)}
    rows = []
    for line in lines:
        if line.text.strip():
            rows.append(TranscriptRow(line.number, line.text))
        elif line.number in refs or line.number in reviewed:
            rows.append(TranscriptRow(line.number, line.original, "omitted"))
    rows += [TranscriptRow(n, "", "missing") for n in refs if n > len(lines)]
    return rows


REVIEW_LINE = re.compile(r"^line (\d+)(?=:)", re.IGNORECASE)


def review_notes(summary: Summary) -> list[tuple[int | None, str]]:
    """The review notes with the source line each names (``line N: …``), None when it names none."""
    out: list[tuple[int | None, str]] = []
    for note in summary.review:
        m = REVIEW_LINE.match(note.strip())
        out.append((int(m.group(1)) if m else None, note))
    return out


def review_note(note: str, line: int | None, link: Linker, anchors: set[int]) -> Md:
    """A review note as written (English), its ``line N`` a link to the line when the page has it."""
    text = format.one_line(note)
    m = REVIEW_LINE.match(text)
    if line is None or m is None or line not in anchors:
        return md(text)
    rest = text[m.end() :]
    return Md(f"{link.to(link.page, m.group(0), f'L{line}')}{md(rest)}")


def corrected_fields(summary: Summary) -> set[str]:
    """Top-level names of the fields a person's corrections set (``period``, ``metrics[3]``…)."""
    return {c.split(".")[0] for c in summary.corrections}


def is_corrected(summary: Summary, index: int, metric: Metric) -> bool:
    """True when a correction set this metric (flag or ``metrics[i]`` path)."""
    return metric.corrected or f"metrics[{index}]" in corrected_fields(summary)


def evidence_ok(view: TranscriptView, metric: Metric) -> bool | None:
    """Whether the evidence text stands on its line (None when the source is unavailable)."""
    text = view.line_text(metric.evidence.line)
    if text is None:
        return None if view.document is None else False
    return metric.evidence.text in text


@dataclass(frozen=True)
class MetricRow:
    """A metric as the call page lists it."""

    m: Metric
    corrected: bool
    """Set or changed by a person's correction (shown with ✎)."""
    ok: bool | None
    """Whether the evidence stands on its line (None: source unavailable)."""


SCOPE_ORDER = {"quarter": 0, "month": 1, "half_year": 2, "year_to_date": 3, "fiscal_year": 4, None: 5}


def statement_order(m: Metric) -> tuple[bool, str, int, int, int]:
    """Group figures before segment figures; then the vocabulary's order, scope, source line."""
    rank = metric_labels().rank(m.metric)
    return (m.segment is not None, m.segment or "", rank, SCOPE_ORDER.get(m.scope, 6), m.evidence.line)


def series_label(key: MetricKey, keys: Iterable[MetricKey]) -> tuple[str, str]:
    """(metric name, ``segment · scope``) of a series; the unit is named only when the same
    figure comes in several units (``季度 · 美元``)."""
    notes = [part for part in (key[1], format.scope_label(key[2]) if key[2] else "") if part]
    if key[3] and sum(1 for k in keys if k[:3] == key[:3]) > 1:
        notes.append(format.unit_name(key[3]))
    return format.metric_name(key[0]), " · ".join(notes)


RECENT_CALLS = 8
"""Calls (and their metrics) on a company's page; all of them are on its calls/ year pages."""
CHART_POINTS = 12
"""Periods in a company's charts: the latest ones, so that bars stay readable."""


def ordered_series(calls: list[Call]) -> dict[MetricKey, list[tuple[Call, Metric]]]:
    """The calls' series, charted metrics first (in the ``charts`` order of metric_labels)."""
    rank = {name: i for i, name in enumerate(metric_labels().charts)}
    return dict(sorted(series(calls).items(), key=lambda kv: (rank.get(kv[0][0], len(rank)), kv[0])))


def series_rows(calls: list[Call]) -> list[tuple[str, str, list[tuple[Call, Metric]]]]:
    """(metric name, note, points) of every series of ``calls``, as the metrics tables list them."""
    found = ordered_series(calls)
    return [(*series_label(key, found), points) for key, points in found.items()]


def _chart_name(key: MetricKey) -> str:
    return slug("-".join(part for part in key if part) or "metric")


# ---------------------------------------------------------------- the renderer


class Renderer:
    """Renders every page of the site from the collected calls."""

    def __init__(self, summaries: list[Summary], root: Path, out: OutputTreeLike) -> None:
        self.root = root
        self.out = out
        self.env = _environment()
        self.calls = build_calls(summaries)
        self.rank = {c.id: i for i, c in enumerate(self.calls)}
        self.companies = by_company(self.calls)
        self.names = {cid: calls[0].company_name for cid, calls in self.companies.items()}
        self.people: People = build_people(self.calls)
        self.person_pages = {p.key: p.page for p in self.people.people}
        self.firms = self.people.firm_by_key()
        self.firm_table = firms()
        self.topics: list[Topic] = build_topics(self.calls)
        self.topic_pages = {t.name: t.page() for t in self.topics}
        self.previous = previous_calls(self.calls)
        self.aliases = {c.id: alias_map(c.summary) for c in self.calls}
        self.errors: list[GeneratorError] = []
        """Pages that could not be rendered or written (the others go on)."""

    # -- plumbing

    def write(self, path: str, template: str, **context: Any) -> None:
        """Render ``template`` as the page at ``path`` (relative to docs/); a failure is collected."""
        link = Linker(path)
        try:
            text = self.env.get_template(template).render(
                L=link,
                person=self.person_link(link),
                topic=self.topic_link(link),
                firm=self.firm_link(link),
                **context,
            )
        except GeneratorError as exc:
            self.failed(path, exc)
            return
        self.put(path, text.rstrip("\n") + "\n")

    def put(self, path: str, content: str | bytes) -> None:
        """Write one file (relative to docs/); a failure is collected, the earlier file kept."""
        try:
            self.out.write(path, content)
        except GeneratorError as exc:
            self.failed(path, exc)

    def failed(self, path: str, exc: GeneratorError) -> None:
        """Collect ``exc`` (named after ``path`` when it names no file) and keep the earlier ``path``."""
        if exc.path is None:
            exc.path = path
        self.errors.append(exc)
        self.out.keep(path)

    def person_link(self, link: Linker) -> Any:
        """A template function: a person's name linked to their page (plain text when none)."""

        def person(name: str, call: Call | None = None) -> Md:
            aliases = self.aliases.get(call.id, {}) if call else {}
            key = person_key(aliases.get(person_key(name), name))
            page = self.person_pages.get(key)
            return link.to(page, name) if page else md(name)

        return person

    def topic_link(self, link: Linker) -> Any:
        """A template function: topic names linked to their pages."""

        def topics(names: list[str]) -> Md:
            return Md("、".join(link.to(self.topic_pages[n.strip()], n) for n in names if n.strip()))

        return topics

    def firm_link(self, link: Linker) -> Any:
        """A template function: a firm as written, linked to its (canonical) firm's page."""

        def firm(written: str) -> Md:
            key = match_key(self.firm_table.canonical(written))
            found = self.firms.get(key)
            return link.to(found.page, written) if found else md(written)

        return firm

    def _newest(
        self,
        items: list[tuple[Call, Any]],
        year: Year | None = None,
        by: Callable[[Call], Year] = calendar_year,
    ) -> list[tuple[Call, Any]]:
        """(call, item) pairs, newest call first, then in the call's own order; only those of
        ``year`` when given (``by`` tells a call's year)."""
        if year is not None:
            items = [(c, x) for c, x in items if by(c) == year]
        return sorted(items, key=lambda ci: self.rank[ci[0].id])

    # -- pages

    def render(self) -> RenderResult:
        """Write every page, chart and download; a part that fails is collected, the rest goes on."""
        steps: list[Callable[[], None]] = [
            partial(self.write, "index.md", "home.md.j2", calls=self.calls, revenue=headline_revenue),
            *(partial(self.render_call, call) for call in self.calls),
            self.render_call_indexes,
            *(partial(self.render_company, cid, calls) for cid, calls in self.companies.items()),
            partial(self.write, "companies/index.md", "companies.md.j2", companies=self.companies),
            self.render_people,
            self.render_topics,
            self.render_data,
        ]
        for step in steps:
            try:
                step()
            except GeneratorError as exc:
                self.errors.append(exc)
        return RenderResult(duplicate_warnings(self.calls), self.errors)

    def render_call(self, call: Call) -> None:
        """The call page and its downloads."""
        s = call.summary
        view = load_transcript(s, self.root)
        metrics = [MetricRow(m, is_corrected(s, i, m), evidence_ok(view, m)) for i, m in enumerate(s.metrics)]
        metrics.sort(key=lambda r: statement_order(r.m))
        prev = self.previous.get(call.id)
        rows = transcript_rows(view, s)
        anchors = {r.number for r in rows}
        link = Linker(call.page)
        self.write(
            call.page,
            "call.md.j2",
            call=call,
            s=s,
            metrics=metrics,
            view=view,
            rows=rows,
            review=[review_note(note, line, link, anchors) for line, note in review_notes(s)],
            fixed=corrected_fields(s),
            comparison=compare(prev, call) if prev else None,
        )
        data = export.metric_rows(call)
        self.put(f"data/calls/{call.id}.csv", export.to_csv(data))
        self.put(f"data/calls/{call.id}.json", export.to_json(data))

    def render_call_indexes(self) -> None:
        """calls/, calls/<company>/ and calls/<company>/<year>/ landing pages."""
        self.write("calls/index.md", "calls_index.md.j2", companies=self.companies)
        for company_id, calls in self.companies.items():
            by_year: dict[str, list[Call]] = {}
            for call in calls:
                by_year.setdefault(call.year, []).append(call)
            self.write(
                f"calls/{company_id}/index.md",
                "calls_company.md.j2",
                company_id=company_id,
                name=calls[0].company_name,
                years=by_year,
            )
            for year, year_calls in by_year.items():
                self.write(
                    f"calls/{company_id}/{year}/index.md",
                    "calls_year.md.j2",
                    company_id=company_id,
                    name=calls[0].company_name,
                    title=year_calls[0].year_title,
                    calls=list(reversed(year_calls)),
                    revenue=headline_revenue,
                    series=series_rows(year_calls),
                )

    def render_company(self, company_id: str, calls: list[Call]) -> None:
        """The company page: its latest calls, latest changes, charts and metrics (earlier calls
        and their metrics are on the calls/<company>/<year>/ pages)."""
        folder = f"companies/{company_id}"
        chart_order = metric_labels().charts
        chart_files = []
        for key, points in ordered_series(calls[-CHART_POINTS:]).items():
            values = [(c, m) for c, m in once_per_period(points) if m.value is not None]
            if key[0] not in chart_order or len(values) < 2:
                continue
            scale = charts.scale_for([float(m.value) for _, m in values if m.value is not None], key[3])
            title = format.metric_name(key[0]) + (f" · {key[1]}" if key[1] else "")
            title += f"({format.scope_label(key[2])})" if key[2] else ""
            svg = charts.bar_chart(
                format.one_line(title),
                scale.label,
                [c.period for c, _ in values],
                [float(m.value) / scale.factor for _, m in values if m.value is not None],
            )
            path = f"{folder}/charts/{_chart_name(key)}.svg"
            self.put(path, svg)
            chart_files.append((chart_order.index(key[0]), key, path, title))
        chart_files.sort(key=lambda item: (item[0], item[1]))
        latest = calls[-1]
        prev = self.previous.get(latest.id)
        tickers = sorted({t for c in calls for t in c.summary.company.tickers})
        self.write(
            f"{folder}/index.md",
            "company.md.j2",
            company_id=company_id,
            name=latest.company_name,
            tickers=tickers,
            total=len(calls),
            calls=list(reversed(calls[-RECENT_CALLS:])),
            series=series_rows(calls[-RECENT_CALLS:]),
            charts=[(path, title) for _, _, path, title in chart_files],
            comparison=compare(prev, latest) if prev else None,
            revenue=headline_revenue,
        )

    def render_people(self) -> None:
        """Executives by company, analysts by firm; a page each, split by year when long."""
        management = self.people.management()
        names = self.names
        self.write("people/index.md", "people.md.j2", people=self.people, management=management, names=names)
        self.write("people/management/index.md", "management.md.j2", management=management, names=names)
        for company_id, members in management.items():
            self.write(
                f"people/management/{company_id}/index.md",
                "management_company.md.j2",
                name=names.get(company_id, company_id),
                members=sorted(members, key=lambda p: (-len(p.quotes) - len(p.answers), p.key)),
            )
        self.write("people/analysts/index.md", "analysts.md.j2", firms=self.people.firms)
        for f in self.people.firms:
            self.render_firm(f)
        for p in self.people.people:
            self.render_person(p)

    def render_firm(self, f: Firm) -> None:
        """A firm's page: its names and analysts, then its questions (or a page per year)."""
        year_list = years((c for c, _ in f.questions), calendar_year) if f.split else []
        rows = [
            (f.year_page(y), y, n, [len(self._newest(f.questions, y, calendar_year))]) for y, n in year_list
        ]
        items = [] if f.split else self._newest(f.questions)
        self.write(f.page, "firm.md.j2", f=f, items=items, year=None, year_rows=rows)
        for year, _ in year_list:
            items = self._newest(f.questions, year, calendar_year)
            self.write(f.year_page(year), "firm.md.j2", f=f, items=items, year=year, year_rows=[])

    def render_person(self, p: Person) -> None:
        """A person's page, or their index page and a page per year."""
        context = {"p": p, "names": self.names, "firms": [self.firms[k] for k in p.firms if k in self.firms]}
        lists = (p.quotes, p.answers, p.questions)
        if not p.split:
            quotes, answers, questions = (self._newest(items) for items in lists)
            self.write(
                p.page,
                "person.md.j2",
                quotes=quotes,
                answers=answers,
                questions=questions,
                year=None,
                year_rows=[],
                **context,
            )
            return
        year_list = years(p.calls(), calendar_year)
        rows = [
            (p.year_page(y), y, n, [len(self._newest(items, y, calendar_year)) for items in lists])
            for y, n in year_list
        ]
        self.write(
            p.page, "person.md.j2", quotes=[], answers=[], questions=[], year=None, year_rows=rows, **context
        )
        for year, _ in year_list:
            quotes, answers, questions = (self._newest(items, year, calendar_year) for items in lists)
            self.write(
                p.year_page(year),
                "person.md.j2",
                quotes=quotes,
                answers=answers,
                questions=questions,
                year=year,
                year_rows=[],
                **context,
            )

    def render_topics(self) -> None:
        """A page per topic, an index per topic and company, and a page per company and year."""
        self.write("topics/index.md", "topics.md.j2", topics=self.topics)
        for t in self.topics:
            self.write(t.page(), "topic.md.j2", t=t, names=self.names)
            for cid in t.companies():
                quotes, exchanges = t.quotes.get(cid, []), t.qa.get(cid, [])
                name = self.names.get(cid, cid)
                by_year = {
                    y: (n, self._newest(quotes, y, fiscal_year), self._newest(exchanges, y, fiscal_year))
                    for y, n in t.years(cid)
                }
                rows = [(t.page(cid, y), y, n, [len(q), len(e)]) for y, (n, q, e) in by_year.items()]
                self.write(t.page(cid), "topic_company.md.j2", t=t, cid=cid, name=name, year_rows=rows)
                for year, (_, year_quotes, year_exchanges) in by_year.items():
                    self.write(
                        t.page(cid, year),
                        "topic_year.md.j2",
                        t=t,
                        cid=cid,
                        name=name,
                        year=year,
                        quotes=year_quotes,
                        exchanges=year_exchanges,
                    )

    def render_data(self) -> None:
        """The whole site's metrics as CSV and JSON, and the page that links them."""
        rows = export.site_rows(self.calls)
        skipped = sum(len(c.summary.metrics) for c in self.calls) - len(rows)
        self.put("data/metrics.csv", export.to_csv(rows))
        self.put("data/metrics.json", export.to_json(rows))
        self.write(
            "data/index.md",
            "data.md.j2",
            rows=len(rows),
            skipped=skipped,
            calls=self.calls,
            columns=export.COLUMNS,
        )


def render_pages(summaries: list[Summary], root: Path, out: OutputTreeLike) -> RenderResult:
    """Render the whole site for ``summaries`` into ``out`` (an OutputTree rooted at docs/).

    ``root`` is the project root: each transcript is re-read from ``root / source.path``
    for the call page's full text; one that cannot be read is reported on its page.
    A page that cannot be rendered or written does not stop the others: it is in the
    result's ``errors`` (and its earlier file kept); duplicate sources are in its ``warnings``.
    """
    return Renderer(summaries, root, out).render()
