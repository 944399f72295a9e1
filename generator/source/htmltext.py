"""HTML -> the visible text of each original line, with where each character came from.

Script, style, head, navigation and similar content is dropped; tags are stripped; entities
are decoded. The page is never re-flowed: line ``n`` of the result holds the visible text
that stood on line ``n`` of the file, so evidence keeps the file's line numbers.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from generator.source.clean import Cleaned

SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "head", "nav", "footer", "aside", "svg", "iframe", "select"}
)
"""Elements whose content a reader never sees as article text."""

BLOCKS = frozenset(
    {
        "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
        "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
"""Elements that separate words: text on either side is joined with a space."""

ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?")
NEWLINES = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
"""Every line break ``str.splitlines`` knows, so line numbers agree with it."""


VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
"""Elements without an end tag."""

WORD = re.compile(r"[a-z0-9]+")

HIDDEN_SHARE_MAX = 0.5
"""Hiding by class name is undone when it would hide more than this share of the page's text."""


class _VisibleText(HTMLParser):
    """Collects visible characters per line, each with its column in the original line."""

    def __init__(self, source: str, line_count: int, hidden_classes: frozenset[str]) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.hidden_classes = hidden_classes
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.chars: list[list[str]] = [[] for _ in range(line_count)]
        self.origins: list[list[int]] = [[] for _ in range(line_count)]
        self.by_class: list[list[bool]] = [[] for _ in range(line_count)]
        self.open: dict[str, list[str]] = {}
        """For each element name, a stack of how its open elements hide: "", "tag" or "class"."""
        self.hidden = {"tag": 0, "class": 0}
        self.in_title = 0
        self.title: list[str] = []

    def _emit(self, text: str, line: int, column: int, per_char: bool = True) -> None:
        """Add ``text`` found at (line, column); with ``per_char`` each char has its own column."""
        if self.in_title:
            self.title.append(text)
        if self.hidden["tag"]:
            return
        by_class = self.hidden["class"] > 0
        for i, ch in enumerate(text):
            if ch == "\n":
                line, column = line + 1, -i - 1
                continue
            if line - 1 < len(self.chars):
                self.chars[line - 1].append(ch)
                self.origins[line - 1].append(column + i if per_char else column)
                self.by_class[line - 1].append(by_class)

    def handle_data(self, data: str) -> None:
        line, column = self.getpos()
        self._emit(data, line, column)

    def _entity(self) -> None:
        line, column = self.getpos()
        match = ENTITY.match(self.source, self.line_starts[line - 1] + column)
        raw = match.group() if match else "&"
        text = NEWLINES.sub(" ", html.unescape(raw).replace("\n", " "))
        self._emit(text, line, column, per_char=False)

    def handle_entityref(self, name: str) -> None:
        self._entity()

    def handle_charref(self, name: str) -> None:
        self._entity()

    def _hides(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        if tag in SKIPPED:
            return "tag"
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id")).lower()
        return "class" if any(w in self.hidden_classes for w in WORD.findall(names)) else ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            for _ in range(len(self.open.get("head", []))):
                self.handle_endtag("head")
        if tag == "title":
            self.in_title += 1
        self._separate(tag)
        if tag not in VOID:
            how = self._hides(tag, attrs)
            self.open.setdefault(tag, []).append(how)
            if how:
                self.hidden[how] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = max(0, self.in_title - 1)
        stack = self.open.get(tag)
        if stack:
            how = stack.pop()
            if how:
                self.hidden[how] -= 1
        self._separate(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._separate(tag)

    def _separate(self, tag: str) -> None:
        """A space between words that a block element splits, unless the line has none yet."""
        if tag not in BLOCKS or self.hidden["tag"]:
            return
        line, column = self.getpos()
        if line - 1 < len(self.chars) and self.chars[line - 1] and not self.chars[line - 1][-1].isspace():
            self.chars[line - 1].append(" ")
            self.origins[line - 1].append(column)
            self.by_class[line - 1].append(self.hidden["class"] > 0)

    def lines(self) -> list[Cleaned]:
        """The visible text of each line; chrome hidden by class unless that would hide most text."""
        total = sum(len(c) - c.count(" ") for c in self.chars)
        hidden = sum(
            ch != " " and h
            for c, f in zip(self.chars, self.by_class, strict=True)
            for ch, h in zip(c, f, strict=True)
        )
        drop = hidden <= HIDDEN_SHARE_MAX * total
        out = []
        for chars, origins, flags in zip(self.chars, self.origins, self.by_class, strict=True):
            kept = [(ch, o) for ch, o, h in zip(chars, origins, flags, strict=True) if not (drop and h)]
            out.append(Cleaned("".join(ch for ch, _ in kept), tuple(o for _, o in kept)))
        return out


def visible_lines(
    text: str, line_count: int, hidden_classes: frozenset[str] = frozenset()
) -> tuple[list[Cleaned], str | None]:
    """The visible text of each of the ``line_count`` lines of an HTML page, and its <title>.

    Elements named in ``hidden_classes`` (words of their class or id) are hidden as chrome.
    """
    source = NEWLINES.sub("\n", text)
    parser = _VisibleText(source, line_count, hidden_classes)
    parser.feed(source)
    parser.close()
    title = " ".join("".join(parser.title).split()) or None
    return parser.lines(), title
