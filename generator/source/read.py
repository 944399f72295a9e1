"""Stage 1: a source file (.txt, .md, .html) -> a decoded, cleaned, line-numbered Document.

Decoding is in :mod:`generator.source.decode`, HTML text in :mod:`generator.source.htmltext`, cleaning in
:mod:`generator.source.clean`, matching normalisation in :mod:`generator.source.chinese`. This module puts
them together and never changes line numbering: ``Document.lines[i]`` is line ``i + 1`` of
the file (as ``str.splitlines`` counts), boilerplate lines included with ``text == ""``; the one
exception is a line of more than :data:`generator.source.split.SPLIT_OVER` characters (a whole
page without line breaks), cut at sentence ends into several lines by :mod:`generator.source.split`
so that extraction stays linear in its length (the lines after it are numbered on).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from generator.errors import SourceError
from generator.lexicon.titles import titles
from generator.model import Document, Line
from generator.source import chinese
from generator.source.clean import (
    Cleaned,
    boilerplate,
    boilerplate_lines,
    clean_syntax,
    collapse_spaces,
    is_blank,
    is_long,
    remove_inline,
)
from generator.source.decode import decode
from generator.source.htmltext import visible_lines
from generator.source.split import split_long_lines

SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
HTML_START = re.compile(r"\s*(<!doctype\s+html|<html[\s>])", re.IGNORECASE)
"""A .txt or .md file that starts like this is a saved web page, and is read as HTML."""

TITLE_SEPARATOR = re.compile(r"(\s*_\s*|\s+[-–—|]\s+)")
SITE_NAME_MAX = 16
"""A trailing ``<title>`` segment this short (``_新浪财经_新浪网``) is the site's name."""

TITLE_MAX = 60
"""A first line longer than this is cut at its first sentence end to serve as a title."""

SENTENCE_END = re.compile(r"[。！？!?]")

SIZE_MAX = 8_000_000
"""Largest source file read, in bytes (8 MB). A call's transcript is at most a few hundred KB;
a bigger file is a dump or an archive under a text name, refused with one line rather than
held up the build. Reading is linear in the file's size up to this limit (scripts/bench.py
measures 1, 2 and 4 MB on one line, and a 10,000-turn transcript)."""


def normalise(text: str) -> str:
    """Per-character normalisation for matching (simplified, half-width); keeps the length."""
    return chinese.normalise(text)


def display_path(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` when inside it, with forward slashes."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def read_source(path: Path, root: Path | None = None) -> Document:
    """Read one transcript file into a Document; raise SourceError when it cannot be read."""
    name = display_path(path, root)
    suffix = path.suffix.lower()
    if suffix not in SOURCE_SUFFIXES:
        raise SourceError(f"unsupported file type '{suffix}' (expected {', '.join(SOURCE_SUFFIXES)})", name)
    try:
        size = path.stat().st_size
        if size > SIZE_MAX:
            raise SourceError(
                f"too large to be a transcript ({size / 1e6:.1f} MB, the limit is {SIZE_MAX / 1e6:.0f} MB); "
                "split it into one file per call",
                name,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or exc}", name) from exc
    try:
        text, encoding = decode(data)
    except SourceError as exc:
        raise SourceError(exc.message, name) from exc
    is_html = suffix in HTML_SUFFIXES or bool(HTML_START.match(text[:256]))
    lines, title = clean_lines(text, is_html, name)
    lines = split_long_lines(lines)
    return Document(
        path=name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        lines=lines,
        title=usable_title(title) or usable_title(front_matter_title(lines)) or first_meaningful(lines),
    )


def clean_lines(text: str, is_html: bool, name: str = "") -> tuple[list[Line], str | None]:
    """Decoded text -> one cleaned Line per original line, and the HTML title if any."""
    originals = text.splitlines()
    title = None
    rules = boilerplate()
    if is_html:
        try:
            visible, title = visible_lines(text, len(originals), rules.hidden_classes)
        except (AssertionError, ValueError, IndexError) as exc:  # html.parser on pathological input
            raise SourceError(f"cannot parse HTML: {exc}", name) from exc
        cleaned = [collapse_spaces(clean_syntax(v, markdown=False)) for v in visible]
    else:
        cleaned = [clean_syntax(Cleaned.of(o)) for o in originals]
    long = {i for i, c in enumerate(cleaned) if is_long(c.text)}  # never dropped as a whole
    cleaned = [remove_inline(c, rules) for c in cleaned]
    cleaned = [Cleaned("", ()) if is_blank(c.text) else c for c in cleaned]
    norms = [normalise(c.text) for c in cleaned]
    dropped = boilerplate_lines(norms, rules, long)
    lines = []
    for i, (original, c, norm) in enumerate(zip(originals, cleaned, norms, strict=True)):
        if i in dropped:
            c, norm = Cleaned("", ()), ""
        origin = None if c.text == original else c.origin
        lines.append(Line(number=i + 1, original=original, text=c.text, norm=norm, origin=origin))
    return lines, site_title(title) if title else None


def site_title(title: str) -> str:
    """An HTML title without trailing site names (``阿里财报_新浪财经_新浪网`` -> ``阿里财报``)."""
    pieces = TITLE_SEPARATOR.split(title)  # segment, separator, segment, ...
    while len(pieces) > 1 and len(pieces[-1]) <= SITE_NAME_MAX:
        del pieces[-2:]
    return "".join(pieces)


FRONT_MATTER_TITLE = re.compile(r"^title\s*:\s*[\"']?(.+?)[\"']?\s*$", re.IGNORECASE)
FRONT_MATTER_MAX = 40
"""A YAML front matter block (``---`` … ``---``) is looked for in this many first lines."""


def front_matter_title(lines: list[Line]) -> str | None:
    """The ``title:`` of a Markdown file's YAML front matter, if it has one."""
    if not lines or lines[0].original.strip() != "---":
        return None
    for line in lines[1:FRONT_MATTER_MAX]:
        if line.original.strip() in ("---", "..."):
            return None
        match = FRONT_MATTER_TITLE.match(line.original.strip())
        if match:
            return match.group(1)
    return None


FILING_METADATA = re.compile(
    r"^(?:\s*(?:证券|股票|公司)(?:代码|简称)\s*[:：]\s*\S*|\s*(?:公告|文件)?编号\s*[:：]\s*\S*)+\s*$"
)
"""A line holding only a filing's labels (``证券代码:688008  证券简称:某某科技``, ``公告编号:2024-008``)."""
ISSUER_LINE = re.compile(r"^\S{2,24}(?:股份有限公司|有限公司)$")
"""A line holding only the issuer's name, which heads a filing above its record name."""
RECORD_NAME_MAX = 30
"""A line after the issuer's name this short is the record's name (``投资者关系活动记录表``)."""


LABEL_ROLE = re.compile(r"^(.+?)\s*(?:\(([^()]*)\))?\s*:?$")
"""A speaker label: a word, then maybe a parenthetical (``Operator (participant)``), maybe a colon."""


def is_speaker_label(norm: str) -> bool:
    """True for a line holding only a speaker label: the operator's or a role's word from the
    titles lexicon (``Operator``, ``主持人:``, ``Operator (participant)``)."""
    match = LABEL_ROLE.match(norm.strip())
    if match is None:
        return False
    words = titles()
    core = match.group(1).strip().lower()
    return core in {w.lower() for w in words.operator} or core in words.role_of


def is_not_title(text: str) -> bool:
    """True for a line that is never a page's title: a ``not_title`` pattern of the boilerplate
    lexicon (byline, source credit, toggle, comment prompt, breadcrumb, widget, dateline) or a
    speaker label alone."""
    norm = normalise(text).strip()
    return any(p.search(norm) for p in boilerplate().not_title) or is_speaker_label(norm)


def usable_title(title: str | None) -> str | None:
    """``title`` unless it is empty or page chrome (see :func:`is_not_title`)."""
    return title if title and title.strip() and not is_not_title(title) else None


def first_meaningful(lines: list[Line]) -> str | None:
    """The first line with some words in it, cut to its first sentence when long. A filing's
    label line (证券代码/证券简称/公告编号) is no title, nor a line that is never one
    (:func:`is_not_title`: a byline, a speaker label, a comment prompt, a breadcrumb…); an
    issuer's name on a line of its own is joined to the record name under it
    (``某某股份有限公司投资者关系活动记录表``)."""
    for index, line in enumerate(lines):
        text = line.text.strip()
        if sum(ch.isalpha() for ch in text) < 4 or FILING_METADATA.match(text) or is_not_title(text):
            continue
        if ISSUER_LINE.match(text):
            after = next((ln.text.strip() for ln in lines[index + 1 :] if ln.text.strip()), "")
            if (
                after
                and len(after) <= RECORD_NAME_MAX
                and not FILING_METADATA.match(after)
                and not is_not_title(after)
            ):
                return text + after
        if len(text) > TITLE_MAX:
            end = SENTENCE_END.search(text)
            if end:
                text = text[: end.end()]
        return text
    return None
