"""The call page: the call's facts, metrics (each linked to its source line), comparison with
the previous call, participants, Q&A (each answer's extract linked to its line, filtered by
analyst and firm in the browser by ``docs/assets/qa.js``), quotes and the full text, shown as
speaker turns (name and role at the start of each turn); and the call's downloads.

The full text is the call's source re-read from the project (:func:`load_transcript`); a
source that cannot be read is reported on the page, with the cited excerpts at their lines.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from generator.errors import GeneratorError
from generator.extract.topics import topic_hits
from generator.extract.turns import split_turns
from generator.lexicon.labels import metric_labels
from generator.model import Document, Metric, Participant, Summary
from generator.site import export, urls
from generator.site.calls import Call
from generator.site.forecasts import CONSENSUS, GUIDANCE, Outcome
from generator.site.format import Md, md
from generator.site.likeforlike import Computed
from generator.site.pages.base import Site, Step
from generator.site.review import reader_note
from generator.site.series import compare
from generator.site.urls import Linker
from generator.source.read import read_source

ORDER = 20
"""Where this kind comes in the render (pages of earlier kinds are written first)."""


def steps(site: Site) -> list[Step]:
    """A part per call: its page and its downloads."""
    return [partial(render_call_unit, site, call) for call in site.catalog.calls]


@dataclass
class Neighbours:
    """What a call page shows of the company's other calls, computed before the page: the
    previous period's call, like-for-like changes, guidance and consensus with their actuals.
    Together with the call itself, the inputs of its unit (:meth:`Site.unit`): the page is
    rendered again only when these change (a call of another period that none of them names
    leaves it as it is)."""

    prev: Call | None
    likeforlike: list[tuple[Call, Metric, list[Computed]]]
    guidance: list[Outcome]
    consensus: list[Outcome]
    guided_before: list[Outcome]
    beside: list[list[Outcome]]
    """For each metric of the summary, in order: the consensus entries it is held against."""


def neighbours(site: Site, call: Call) -> Neighbours:
    """The call page's inputs from the company's other calls (see :class:`Neighbours`)."""
    ledger = site.catalog.ledger
    reported = ledger.reported(call)
    return Neighbours(
        prev=site.catalog.previous.get(call.id),
        likeforlike=[(call, m, found) for m, found in site.catalog.like_for_like.table(call)],
        guidance=ledger.given(call, GUIDANCE),
        consensus=ledger.given(call, CONSENSUS),
        guided_before=ledger.about(call, site.catalog.companies.get(call.company_id, [])),
        beside=[reported.get(id(m), []) for m in call.summary.metrics],
    )


def render_call_unit(site: Site, call: Call) -> None:
    """The call page and its downloads, rendered only when the call or its neighbours change."""
    near = neighbours(site, call)
    site.unit(f"call:{call.id}", (call, near), partial(render_call, site, call, near))


def render_call(site: Site, call: Call, near: Neighbours | None = None) -> None:
    """The call page and its downloads."""
    s = call.summary
    near = near or neighbours(site, call)
    view = load_transcript(s, site.root)
    metrics = [
        MetricRow(m, is_corrected(s, i, m), evidence_ok(view, m), near.beside[i])
        for i, m in enumerate(s.metrics)
    ]
    metrics.sort(key=lambda r: statement_order(r.m))
    prev = near.prev
    rows = transcript_rows(view, s)
    anchors = {r.number for r in rows}
    link = Linker(call.page)
    site.write(
        call.page,
        "call.md.j2",
        search_filters=call_filters(call),
        call=call,
        s=s,
        metrics=metrics,
        view=view,
        rows=rows,
        speakers=turn_speakers(view, s, anchors),
        review=[review_note(note, line, link, anchors) for line, note in review_notes(s)],
        fixed=corrected_fields(s),
        comparison=compare(prev, call, partial(call_topics, site.root)) if prev else None,
        source_url=source_link(source_url(s, view)),
        likeforlike=near.likeforlike,
        guidance=near.guidance,
        consensus=near.consensus,
        guided_before=near.guided_before,
    )
    data = export.metric_rows(call)
    site.put(urls.call_data(call.id, "csv"), export.to_csv(data))
    site.put(urls.call_data(call.id, "json"), export.to_json(data))


def call_filters(call: Call) -> dict[str, str]:
    """The call page's search filters: its company and its fiscal year (when known)."""
    return {"company": call.company_name, **({"year": call.year} if call.year.isdigit() else {})}


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


@lru_cache(maxsize=64)
def _text_topics(root: Path, source_path: str, sha256: str | None) -> frozenset[str] | None:
    """Every topic whose keywords occur anywhere in a source's text; None when unreadable.

    Keyed by the source's path and digest; the cache holds a few calls, so a worker rendering
    a company's calls in order reads each transcript about once more."""
    del sha256  # part of the key only: a changed file is a new entry
    view = load_transcript_path(source_path, root)
    if view.document is None:
        return None
    return frozenset(topic_hits("\n".join(line.norm for line in view.document.lines)))


def call_topics(root: Path, call: Call) -> set[str]:
    """The call's topics from its whole text (with those of its Q&A and quotes), for the
    comparison with the previous call; its Q&A and quotes only when the text cannot be read."""
    found = _text_topics(root, call.summary.source.path, call.summary.source.sha256)
    return call.topics() | set(found or ())


def load_transcript(summary: Summary, root: Path) -> TranscriptView:
    """Re-read the call's source for the full-text section; never raises."""
    view = load_transcript_path(summary.source.path, root)
    doc = view.document
    if doc is None:
        return view
    return TranscriptView(doc, None, bool(summary.source.sha256) and doc.sha256 != summary.source.sha256)


def load_transcript_path(source_path: str, root: Path) -> TranscriptView:
    """Read a source named relative to the project root; never raises."""
    path = (root / source_path).resolve()
    try:
        path.relative_to(root.resolve())
    except ValueError:
        return TranscriptView(None, "原文路径不在项目目录内，不予显示")
    try:
        doc = read_source(path, root)
    except GeneratorError as exc:
        return TranscriptView(None, f"原文无法读取：{exc.message}")
    return TranscriptView(doc, None)


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
        for a in qa.answers:
            refs.setdefault(a.line, []).append(a.text)
    for q in summary.quotes:
        refs.setdefault(q.line, []).append(q.text)
    for f in (*summary.guidance, *summary.consensus):
        refs.setdefault(f.evidence.line, []).append(f.evidence.text)
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


@dataclass(frozen=True)
class TurnSpeaker:
    """Who speaks in the turn that starts at a line of the full text."""

    name: str
    role: str | None = None
    """Their role (management), firm (analyst) or affiliation, as the summary or label gives it."""


UNNAMED = {"question": "提问", "answer": "回答", "operator": "主持人"}
"""What an unnamed turn is called: a digest's ``问``/``答`` marker, the operator."""


def _participant_role(p: Participant) -> str | None:
    if p.side == "analyst":
        return f"{p.firm} 分析师" if p.firm else "分析师"
    return p.role


def turn_speakers(view: TranscriptView, summary: Summary, anchors: set[int]) -> dict[int, TurnSpeaker]:
    """Line number -> the speaker of the turn that starts there (the transcript's speaker labels,
    named as in the summary's participants); empty when the source cannot be read."""
    if view.document is None:
        return {}
    known: dict[str, Participant] = {}
    for p in summary.participants:
        for name in (p.name, *p.aliases):
            known.setdefault(name, p)
    out: dict[int, TurnSpeaker] = {}
    for turn in split_turns(view.document):
        if turn.line not in anchors:
            continue
        person = known.get(turn.speaker) if turn.speaker else None
        if person is not None:
            out[turn.line] = TurnSpeaker(person.name, _participant_role(person))
        elif turn.speaker:
            firm = f"{turn.firm} 分析师" if turn.firm else None
            out[turn.line] = TurnSpeaker(turn.speaker, turn.role or firm or turn.org)
        elif turn.kind in UNNAMED:
            out[turn.line] = TurnSpeaker(UNNAMED[turn.kind], turn.role)
    return out


REVIEW_LINE = re.compile(r"^line (\d+)(?=:)", re.IGNORECASE)


def review_notes(summary: Summary) -> list[tuple[int | None, str]]:
    """The review notes with the source line each names (``line N: …``), None when it names none."""
    out: list[tuple[int | None, str]] = []
    for note in summary.review:
        m = REVIEW_LINE.match(note.strip())
        out.append((int(m.group(1)) if m else None, note))
    return out


def review_note(note: str, line: int | None, link: Linker, anchors: set[int]) -> Md:
    """A review note in plain Chinese (:mod:`generator.site.review`), its line (``第 N 行``) a link
    to the line when the page has it."""
    told = reader_note(note)
    if told.line is None:
        return md(told.text)
    where = f"第 {told.line} 行"
    lead = link.to(link.page, where, f"L{told.line}") if told.line in anchors else md(where)
    return Md(f"{lead}：{md(told.text)}")


ADDRESS = re.compile(
    r"(?:原文链接|原文地址|原文网址|原文|来源|出处|链接|网址|url|source)\s*[:：]?\s*(https?://[^\s<>\"'()\uff08\uff09\[\]\u3010\u3011\uff0c\u3002]+)",
    re.I,
)
"""A labelled address of the original in the text (原文链接:https://…)."""
TRAILING = re.compile(r"[.,;:!?\uff0c\u3002\uff1b\uff1a\uff01\uff1f]+$")
SAFE_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s<>\"'`]*)?$")


def source_url(summary: Summary, view: TranscriptView) -> str | None:
    """The original address of the call's text: the summary's ``source.url``, else the first
    labelled address in the text; None when there is none (or it is not a plain http(s) URL)."""
    found = summary.source.url
    if not found and view.document is not None:
        for line in view.document.lines:
            m = ADDRESS.search(line.original)
            if m:
                found = TRAILING.sub("", m.group(1))
                break
    return found if found and SAFE_URL.match(found) else None


def source_link(url: str | None) -> Md | None:
    """A link to the original address, opened in a new tab, every character escaped."""
    if url is None:
        return None
    href = html.escape(url, quote=True)
    attrs = f'class="source-url" href="{href}" rel="noopener noreferrer nofollow" target="_blank"'
    return Md(f"<a {attrs}>{md(url)}</a>")


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
    expected: list[Outcome] = field(default_factory=list)
    """The consensus the call's text quotes for this figure (beat or miss shown beside it)."""


SCOPE_ORDER = {"quarter": 0, "month": 1, "half_year": 2, "year_to_date": 3, "fiscal_year": 4, None: 5}


def statement_order(m: Metric) -> tuple[bool, str, int, int, int]:
    """Group figures before segment figures; then the vocabulary's order, scope, source line."""
    rank = metric_labels().rank(m.metric)
    return (m.segment is not None, m.segment or "", rank, SCOPE_ORDER.get(m.scope, 6), m.evidence.line)
