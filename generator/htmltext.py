"""HTML -> the visible text of each original line, with where each character came from.

Script, style, head, navigation and similar content is dropped; tags are stripped; entities
are decoded. The page is never re-flowed: line ``n`` of the result holds the visible text
that stood on line ``n`` of the file, so evidence keeps the file's line numbers.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from generator.clean import Cleaned

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


class _VisibleText(HTMLParser):
    """Collects visible characters per line, each with its column in the original line."""

    def __init__(self, source: str, line_count: int) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.chars: list[list[str]] = [[] for _ in range(line_count)]
        self.origins: list[list[int]] = [[] for _ in range(line_count)]
        self.skipping: dict[str, int] = {}
        self.in_title = 0
        self.title: list[str] = []

    def _emit(self, text: str, line: int, column: int, per_char: bool = True) -> None:
        """Add ``text`` found at (line, column); with ``per_char`` each char has its own column."""
        if self.in_title:
            self.title.append(text)
        if any(self.skipping.values()):
            return
        for i, ch in enumerate(text):
            if ch == "\n":
                line, column = line + 1, -i - 1
                continue
            if line - 1 < len(self.chars):
                self.chars[line - 1].append(ch)
                self.origins[line - 1].append(column + i if per_char else column)

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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.skipping.pop("head", None)
        elif tag == "title":
            self.in_title += 1
        if tag in SKIPPED:
            self.skipping[tag] = self.skipping.get(tag, 0) + 1
        self._separate(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = max(0, self.in_title - 1)
        if self.skipping.get(tag):
            self.skipping[tag] -= 1
        self._separate(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._separate(tag)

    def _separate(self, tag: str) -> None:
        """A space between words that a block element splits, unless the line has none yet."""
        if tag not in BLOCKS or any(self.skipping.values()):
            return
        line, column = self.getpos()
        if line - 1 < len(self.chars) and self.chars[line - 1] and not self.chars[line - 1][-1].isspace():
            self.chars[line - 1].append(" ")
            self.origins[line - 1].append(column)


def visible_lines(text: str, line_count: int) -> tuple[list[Cleaned], str | None]:
    """The visible text of each of the ``line_count`` lines of an HTML page, and its <title>."""
    source = NEWLINES.sub("\n", text)
    parser = _VisibleText(source, line_count)
    parser.feed(source)
    parser.close()
    lines = [Cleaned("".join(c), tuple(o)) for c, o in zip(parser.chars, parser.origins, strict=True)]
    title = " ".join("".join(parser.title).split()) or None
    return lines, title
