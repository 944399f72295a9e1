"""The typed data model every pipeline stage shares.

A source file is read into a :class:`Document` (clean, line-numbered text), extracted
into a :class:`Summary` (the contract of ``docs/summary-format.md``), saved as YAML and
rendered into pages. Nothing else in the package redefines these shapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SCHEMA_VERSION = 1

KINDS = ("transcript", "article", "digest")
"""The contract's source kinds (``source.kind``)."""
GENRES = ("transcript", "minutes", "digest", "commentary", "article")
"""What a source is, told finer for the reader (``source.genre``, an extension): minutes are a
digest of the contract, commentary an article."""
LANGUAGES = ("zh", "en")
"""The languages a source may be written in (``source.language``)."""
SIDES = ("management", "analyst", "operator", "other")
SCOPES = ("quarter", "fiscal_year", "half_year", "year_to_date", "month")
BASES = ("yoy", "qoq")
"""What a change compares with: the same period a year earlier, or the previous period."""


@dataclass(frozen=True)
class Line:
    """One line of a source file, after cleaning."""

    number: int
    """1-based line number in the file as read (a very long line is cut in several: ``source.split``)."""
    original: str
    """The line exactly as decoded from the file (no trailing newline)."""
    text: str
    """The cleaned line shown to readers ("" when the whole line is boilerplate)."""
    norm: str
    """``text`` normalised for matching: simplified Chinese, half-width punctuation.
    Same length as ``text``, so an offset in ``norm`` is an offset in ``text``."""
    origin: tuple[int, ...] | None = None
    """For each character of ``text``, its index in ``original``; None when ``text == original``."""

    def original_slice(self, start: int, end: int) -> str:
        """The verbatim part of ``original`` that ``text[start:end]`` was cleaned from."""
        if self.origin is None:
            return self.original[start:end]
        if start >= end:
            return ""
        return self.original[self.origin[start] : self.origin[end - 1] + 1]


@dataclass
class Document:
    """A source file read, decoded and cleaned; the input of every extractor."""

    path: str
    """Path relative to the project root (or as given), with forward slashes."""
    sha256: str
    """SHA-256 of the raw file bytes, lower-case hex."""
    encoding: str
    """The encoding the bytes were decoded with (utf-8, utf-8-sig, gb18030, big5)."""
    lines: list[Line]
    """Every line of the file, in order; ``lines[i].number == i + 1``."""
    title: str | None = None
    """The first meaningful line, or an HTML ``<title>``."""

    def line(self, number: int) -> Line:
        """The line with this 1-based number."""
        return self.lines[number - 1]

    def content_lines(self) -> list[Line]:
        """The lines that still hold text after cleaning."""
        return [ln for ln in self.lines if ln.text.strip()]


@dataclass
class SourceInfo:
    """Where a summary came from."""

    path: str
    """The transcript's path relative to the project root."""
    sha256: str
    """SHA-256 of the raw file bytes."""
    title: str | None = None
    """The title as found in the text, or None."""
    kind: str = "transcript"
    """transcript | article | digest (the contract's kinds): ``genre`` told in three words."""
    genre: str | None = None
    """transcript | minutes | digest | commentary | article: what the source is, from its
    headings and the shape of its turns (generator.extract.genre), or None in an older summary."""
    encoding: str | None = None
    """The encoding the file was decoded with."""
    language: str | None = None
    """zh | en: the language the text is written in (decided from the text itself), or None."""
    url: str | None = None
    """The original address of the text (an http(s) URL) when the text gives one, else None;
    written to the YAML only when known."""


@dataclass
class Company:
    """The company the call is about."""

    name: str | None = None
    """Canonical name (simplified Chinese when the text is Chinese)."""
    tickers: list[str] = field(default_factory=list)
    """Tickers as found, e.g. ["BABA", "9988"]."""
    id: str | None = None
    """The key of the companies lexicon (e.g. "alibaba"), or None when unknown."""


@dataclass
class Period:
    """The fiscal period the call reports."""

    fiscal_year: int | None = None
    """The company's own fiscal year."""
    fiscal_quarter: int | None = None
    """1-4, or None for a full-year call or when unknown."""
    period_end: date | None = None
    """Last day of the reported period."""


@dataclass
class Participant:
    """A person who speaks or is named as taking part."""

    name: str
    """Canonical name as written (one entry per person)."""
    side: str
    """management | analyst | operator | other."""
    role: str | None = None
    """Title for management (首席执行官, CFO, 董事会主席, …)."""
    firm: str | None = None
    """The analyst's firm."""
    aliases: list[str] = field(default_factory=list)
    """Other ways the text names this person (吴总, 吳泳銘, …)."""


@dataclass
class Evidence:
    """Where a value stands in the source."""

    line: int
    """1-based line number in the source file."""
    text: str
    """A verbatim substring of that line (of ``Line.original``)."""


TEXT, CHOICE, NUMBER, FLAG, EVIDENCE = "text", "choice", "number", "flag", "evidence"
"""Kinds of a :class:`Metric` field (``field.metadata["kind"]``): how the store checks and writes
it and how the downloads show it. A text or choice is written as is, a number as a plain number,
a flag only when true, the evidence as its line and text."""


@dataclass
class Metric:
    """One reported figure of the company.

    The one field list of a metric: its fields, in this order, are the keys of a summary's
    metric (``generator.store.summaries``) and the metric columns of the downloads
    (``generator.site.export``); each field's ``metadata`` gives its kind. Adding a field here
    adds it to both.
    """

    metric: str = field(metadata={"kind": TEXT, "required": True})
    """An id of the metric vocabulary (revenue, net_income, …)."""
    segment: str | None = field(default=None, metadata={"kind": TEXT})
    """Business unit as written, for segment figures."""
    scope: str | None = field(default=None, metadata={"kind": CHOICE, "choices": SCOPES})
    """quarter | fiscal_year | half_year | year_to_date | month | None."""
    value: float | int | None = field(default=None, metadata={"kind": NUMBER})
    """In base units (yuan, dollars, users); None when only a change is given."""
    unit: str | None = field(default=None, metadata={"kind": TEXT})
    """CNY | USD | HKD | % | users | orders | shares | …"""
    yoy_pct: float | None = field(default=None, metadata={"kind": NUMBER})
    """Year-on-year change in percent."""
    qoq_pct: float | None = field(default=None, metadata={"kind": NUMBER})
    """Quarter-on-quarter change in percent."""
    change_pp: float | None = field(default=None, metadata={"kind": NUMBER})
    """Change in percentage points, for ratios."""
    change_pp_basis: str | None = field(default=None, metadata={"kind": CHOICE, "choices": BASES})
    """What ``change_pp`` compares with: yoy (同比, year-over-year) | qoq (环比, sequentially) | None
    when the text does not say."""
    as_written: str | None = field(default=None, metadata={"kind": TEXT})
    """The figure exactly as it stands in the text."""
    evidence: Evidence = field(
        kw_only=True, metadata={"kind": EVIDENCE, "required": True, "columns": ("source_line", "evidence")}
    )
    """The line the figure comes from (a keyword argument: ``Metric("revenue", evidence=…)``);
    in the downloads, the columns ``source_line`` and ``evidence``."""
    approximate: bool = field(default=False, metadata={"kind": FLAG})
    """True for 近/约/多 figures."""
    corrected: bool = field(default=False, metadata={"kind": FLAG})
    """True when a person's correction set or changed this metric."""


@dataclass
class Forecast:
    """A figure about a period not yet reported: guidance the company gives, or a consensus quoted
    in the text (never one of the company's metrics)."""

    metric: str
    """An id of the metric vocabulary (revenue, capex, …)."""
    evidence: Evidence = field(kw_only=True)
    """The line the figure stands on; its text a verbatim substring of that line."""
    segment: str | None = None
    """Business unit, for a unit's figure."""
    fiscal_year: int | None = None
    """The fiscal year the figure is about, when the text says (全年, 2025财年, 下季度)."""
    fiscal_quarter: int | None = None
    """1-4, the quarter the figure is about; None for a full year or when not said."""
    value: float | int | None = None
    """A single figure in base units (or percent for a ratio)."""
    low: float | int | None = None
    """The low end of a range (1,150亿元至1,180亿元)."""
    high: float | int | None = None
    """The high end of a range."""
    unit: str | None = None
    """CNY | USD | % | users | …, as for a metric."""
    growth_pct: float | None = None
    """A growth rate stated for the figure, in percent (同比增长8%)."""
    as_written: str | None = None
    """The figure (or range) exactly as written."""


@dataclass
class Answer:
    """One answer in an exchange: who gave it and its opening words, verbatim."""

    speaker: str | None
    """The manager who answered, or None when the source does not name them."""
    text: str
    """The answer's first sentence(s), at most ``ANSWER_MAX`` characters: a verbatim substring
    of the line's original text."""
    line: int
    """1-based line where the answer starts."""


ANSWER_MAX = 120
"""The longest answer extract, in characters."""


@dataclass
class QAExchange:
    """One analyst exchange: a question (and its follow-ups) and the answers."""

    question: str
    """The question, or its first sentences."""
    asker: str | None = None
    """The analyst's name, or None when the source does not name them."""
    firm: str | None = None
    """The analyst's firm."""
    answered_by: list[str] = field(default_factory=list)
    """Who answered, in order of first answer."""
    topics: list[str] = field(default_factory=list)
    """Topic names from the topics lexicon."""
    line: int | None = None
    """Line where the question starts."""
    answer_lines: list[int] = field(default_factory=list)
    """Lines of the answers, in order."""
    answers: list[Answer] = field(default_factory=list)
    """Each answer (a management turn, or an answering line of a story), in order."""


@dataclass
class Quote:
    """A management statement worth reading, verbatim."""

    speaker: str | None
    """Who said it, or None when unknown."""
    text: str
    """Verbatim text from the source line."""
    line: int
    """1-based line number in the source."""
    topics: list[str] = field(default_factory=list)
    """Topic names from the topics lexicon."""


@dataclass
class Turn:
    """One uninterrupted contribution of a speaker (an intermediate of extraction; not saved)."""

    line: int
    """1-based line of the speaker label."""
    label: str
    """The label as written (normalised), e.g. "瑞士信贷分析师Kenneth Fong" or "Q1"."""
    kind: str = "speech"
    """speech | question | answer | operator: a digest's Q/A markers give question/answer."""
    speaker: str | None = None
    """The person's name from the label (simplified), or None for unnamed Q/A markers."""
    side: str | None = None
    """management | analyst | operator, or None when the label alone cannot tell."""
    role: str | None = None
    """Canonical role from the label (首席执行官, …)."""
    firm: str | None = None
    """The analyst's firm from the label."""
    org: str | None = None
    """An affiliation written in the label ("Sidney Huang - JD.com, Inc." -> "JD.com, Inc.")."""
    alias: str | None = None
    """Another name the label gives ("刘丽娣(Lidia Liu)" -> "Lidia Liu")."""
    body: list[tuple[int, int]] = field(default_factory=list)
    """(line number, offset in ``Line.text`` where the speech starts) for every line of the turn."""
    ends: dict[int, int] = field(default_factory=dict)
    """Line number -> offset in ``Line.text`` where the speech stops, for a line the turn shares
    with the next one (``问:… 答:…`` on one line); the speech runs to the line's end otherwise."""
    narrated: bool = False
    """True when the label is the writer's narration rather than a speaker's name or a Q/A
    marker: an unnamed ``分析师:`` question, a ``魏哲家回答:`` answer (articles tell Q&A this way)."""


@dataclass
class Summary:
    """Everything extracted from one transcript: the YAML summary's content."""

    source: SourceInfo
    company: Company = field(default_factory=Company)
    period: Period = field(default_factory=Period)
    call_date: date | None = None
    """The call's (or the publication's) date, or None when unknown."""
    participants: list[Participant] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    guidance: list[Forecast] = field(default_factory=list)
    """Guidance stated in the call: figures for a period to come (kept apart from ``metrics``)."""
    consensus: list[Forecast] = field(default_factory=list)
    """Figures the text quotes as the market's expectation (市场预期, 一致预期); never the company's."""
    qa: list[QAExchange] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    """What a person should check: guesses, conflicts, gaps."""
    corrections: list[str] = field(default_factory=list)
    """Dotted paths of the fields a person's corrections file set (e.g. "period", "metrics[3]")."""
    schema: int = SCHEMA_VERSION
