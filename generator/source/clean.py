"""Line cleaning: literal markup, escapes, pinyin glosses and web boilerplate.

Cleaning never adds or removes lines. Each cleaned line is a :class:`Cleaned`: its text and,
for every character, the index in the original line it was cleaned from, so evidence can
always be quoted verbatim from the original (``Line.original_slice``).

Syntax (escapes, entities, tags, markdown, pinyin) is handled here in code; what counts as
boilerplate is data, in ``generator/lexicon/data/boilerplate.yaml``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from generator import lexicon
from generator.errors import SummaryError
from generator.source.chinese import normalise


@dataclass(frozen=True)
class Cleaned:
    """A line's text after cleaning, with the original index of each character."""

    text: str
    origin: tuple[int, ...]
    """``origin[i]`` is the index in the original line that ``text[i]`` came from."""

    @classmethod
    def of(cls, original: str) -> Cleaned:
        """An uncleaned line: every character maps to itself."""
        return cls(original, tuple(range(len(original))))


Replacement = str | tuple[int, ...]
"""New text (every char maps to the match's start), or the match groups whose text is kept."""


def rewrite(line: Cleaned, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], Replacement]) -> Cleaned:
    """Replace every match of ``pattern`` in ``line.text``, keeping the origin of each character."""
    chars: list[str] = []
    origin: list[int] = []
    pos = 0
    matched = False
    for match in pattern.finditer(line.text):
        matched = True
        chars.append(line.text[pos : match.start()])
        origin.extend(line.origin[pos : match.start()])
        new = repl(match)
        if isinstance(new, str):
            chars.append(new)
            origin.extend([line.origin[match.start()]] * len(new))
        else:
            for group in new:
                start, end = match.span(group)
                if start >= 0:
                    chars.append(line.text[start:end])
                    origin.extend(line.origin[start:end])
        pos = match.end()
    if not matched:
        return line
    chars.append(line.text[pos:])
    origin.extend(line.origin[pos:])
    return Cleaned("".join(chars), tuple(origin))


def delete(line: Cleaned, pattern: re.Pattern[str]) -> Cleaned:
    """Remove every match of ``pattern``."""
    return rewrite(line, pattern, lambda m: "")


# --- syntax -------------------------------------------------------------------------------

INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
"""Control characters, zero-width characters, bidi marks and stray byte-order marks."""

JSON_ESCAPE = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})|\\u([0-9a-f]{4})", re.IGNORECASE)
LITERAL_BREAK = re.compile(r"(?<!\\)\\[nrt]")
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
FORMAT_TAGS = (
    "a|abbr|article|b|big|blockquote|br|center|cite|code|dd|div|dl|dt|em|figcaption|figure|font|"
    "h[1-6]|hr|i|img|li|mark|ol|p|pre|q|s|section|small|span|strike|strong|sub|sup|table|tbody|"
    "td|tfoot|th|thead|tr|tt|u|ul"
)
TAG = re.compile(rf"</?(?:{FORMAT_TAGS})(?:\s[^<>]*)?/?>", re.IGNORECASE)
"""Formatting tags that leak into scraped text. ``<script>`` and unknown tags stay as data."""

MD_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\((?:https?://|www\.|/|#)[^()\s]*\)")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
MD_EMPHASIS = re.compile(r"(?<![*\w])(\*)(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![*\w])")
MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
MD_TOC = re.compile(r"^\s*\[(TOC|toc)\]\s*$")
HTML_COMMENT = re.compile(r"<!--.*?-->")

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
SYLLABLE = rf"[a-zü{TONED}]*[{TONED}ǖǘǚǜ][a-zü{TONED}]*"
PINYIN = re.compile(
    rf"(?<=[\u3400-\u9fff])[(（]\s*{SYLLABLE}(?:[\s'’-]+[a-zü{TONED}]+)*\s*[)）]", re.IGNORECASE
)
"""A pinyin gloss glued after a character: 營(yíng) or 营（yíng）; needs a tone mark."""

HTML_SPACE = re.compile(r"[ \t\n\r\f\u00a0]{2,}|[\t\n\r\f\u00a0]")


def _joiner(text: str, start: int, end: int) -> str:
    """A space when the removed span sat between two ASCII words, else nothing."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return " " if before.isascii() and before.isalnum() and after.isascii() and after.isalnum() else ""


def _json_escape(m: re.Match[str]) -> str:
    if m.group(1):
        high, low = int(m.group(1), 16), int(m.group(2), 16)
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    ch = chr(int(m.group(3), 16))
    return "" if 0xD800 <= ord(ch) <= 0xDFFF else ch


def _entity(m: re.Match[str]) -> str:
    text = html.unescape(m.group())
    return " " if text.isspace() else text


def _strip_tag(m: re.Match[str]) -> str:
    return _joiner(m.string, m.start(), m.end())


def clean_syntax(line: Cleaned, markdown: bool = True) -> Cleaned:
    """Remove literal escapes, entities, formatting tags, markdown syntax and pinyin glosses."""
    line = delete(line, INVISIBLE)
    if "\\" in line.text:
        line = rewrite(line, JSON_ESCAPE, _json_escape)
        line = rewrite(line, LITERAL_BREAK, _strip_tag)
    if "&" in line.text:
        line = rewrite(line, ENTITY, _entity)
    if "<" in line.text:
        line = delete(line, HTML_COMMENT)
        line = rewrite(line, TAG, _strip_tag)
    if markdown:
        line = clean_markdown(line)
    if "(" in line.text or "（" in line.text:
        line = delete(line, PINYIN)
    return line


def clean_markdown(line: Cleaned) -> Cleaned:
    """Markdown syntax -> its visible text: links, headings, quotes, emphasis; table rules go."""
    if MD_TABLE_RULE.match(line.text) or MD_TOC.match(line.text):
        return Cleaned("", ())
    if "](" in line.text:
        line = rewrite(line, MD_LINK, lambda m: (1,))
    if line.text[:4].lstrip().startswith(("#", ">")):
        line = delete(line, MD_HEADING)
        line = delete(line, MD_QUOTE)
    if "**" in line.text or "__" in line.text:
        line = rewrite(line, MD_STRONG, lambda m: (2,))
    if "*" in line.text:
        line = rewrite(line, MD_EMPHASIS, lambda m: (2,))
    return line


def collapse_spaces(line: Cleaned) -> Cleaned:
    """HTML whitespace rules: runs of spaces become one, and the ends are trimmed."""
    line = rewrite(line, HTML_SPACE, lambda m: " ")
    start = len(line.text) - len(line.text.lstrip(" "))
    end = len(line.text.rstrip(" "))
    return Cleaned(line.text[start:end], line.origin[start:end])


# --- boilerplate --------------------------------------------------------------------------

SENTENCE_END = re.compile(r"[。!?;…]|\.\s|\.$")
"""Where a sentence ends (in normalised text): a line holding one is prose, not a headline."""

HEADLINE_MAX = 50
"""Longest line (in characters) still taken for a headline or a widget inside a link block."""


@dataclass(frozen=True)
class Boilerplate:
    """The compiled boilerplate lexicon."""

    line: tuple[re.Pattern[str], ...]
    inline: re.Pattern[str] | None
    block_start: tuple[re.Pattern[str], ...]
    tail_start: tuple[re.Pattern[str], ...]
    comment_start: tuple[re.Pattern[str], ...] = ()
    """Headings of a reader-comment section (评论区, 网友评论)."""
    hidden_classes: frozenset[str] = frozenset()
    """Words of HTML class/id names that mark page chrome."""
    not_title: tuple[re.Pattern[str], ...] = ()
    """Lines that are never a page's title (bylines, source credits, toggles, comment prompts)."""

    def is_line(self, norm: str) -> bool:
        """True when a whole line (its normalised, stripped text) is boilerplate."""
        # separate searches beat one alternation: most patterns are anchored and fail at once
        return any(p.search(norm) for p in self.line)


def _patterns(data: Any, section: str) -> list[re.Pattern[str]]:
    """The regexes of one section (a mapping of kind -> list), compiled in file order."""
    groups = (data or {}).get(section) or {}
    if not isinstance(groups, dict):
        raise SummaryError(f"section '{section}' must map kinds to lists of regexes", "lexicon boilerplate")
    out = []
    for kind, items in groups.items():
        for i, item in enumerate(items if isinstance(items, list) else [items]):
            try:
                out.append(re.compile(str(item), re.IGNORECASE))
            except re.error as exc:
                message = f"{section}.{kind}[{i}] is not a valid regex: {exc}"
                raise SummaryError(message, "lexicon boilerplate") from exc
    return out


@lexicon.per_lexicon_set
def boilerplate() -> Boilerplate:
    """The boilerplate lexicon (bundled plus user extension), compiled once per lexicon set."""
    data = lexicon.load("boilerplate")
    inline = _patterns(data, "inline")
    line = _patterns(data, "line")
    return Boilerplate(
        line=tuple(line),
        inline=_alternation(inline),
        block_start=tuple(_patterns(data, "block_start")),
        comment_start=tuple(_patterns(data, "comment_start")),
        tail_start=tuple(_patterns(data, "tail_start")),
        hidden_classes=_words(data, "html_hidden_classes"),
        not_title=tuple(_patterns(data, "not_title")),
    )


def _alternation(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One regex matching where any of ``patterns`` matches (patterns hold no backreferences)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


def _words(data: Any, section: str) -> frozenset[str]:
    """The lower-case words of one section (a mapping of kind -> list of words)."""
    groups = (data or {}).get(section) or {}
    if not isinstance(groups, dict):
        raise SummaryError(f"section '{section}' must map kinds to lists of words", "lexicon boilerplate")
    return frozenset(
        str(w).lower() for items in groups.values() for w in (items if isinstance(items, list) else [items])
    )


LONG_LINE = 200
"""A line longer than this (in characters, once markup is cleaned) holds more than a paragraph,
typically a whole page saved minified. It is never dropped as a whole (by the ``line``
patterns or the block, comment and tail rules); its boilerplate sentences are removed one by
one instead, each tested against the ``line`` patterns (see :func:`remove_inline`)."""

SEGMENT_BREAK = re.compile(r"[。!?;…]+[\"'”’)\]】」』]*|\.(?=\s)|\s+")
"""Sentence-ending punctuation (with the quotes closing it), or whitespace that may part two
paragraphs, in normalised text."""
SPACES = re.compile(r"\s*")


def is_long(text: str) -> bool:
    """True for a line too long to be boilerplate as a whole (see ``LONG_LINE``)."""
    return len(text) > LONG_LINE


def remove_inline(line: Cleaned, rules: Boilerplate) -> Cleaned:
    """Remove boilerplate spans inside a line (matched in its normalised text), and from a long
    line every sentence that is boilerplate as a whole."""
    long = is_long(line.text)
    line = _without(line, _inline_spans(line, rules))
    if long:
        line = _without(line, _boilerplate_sentences(line, rules))
    return line


def _inline_spans(line: Cleaned, rules: Boilerplate) -> list[tuple[int, int]]:
    """Where ``inline`` patterns match, each with the spaces left dangling before it."""
    if rules.inline is None:
        return []
    spans = []
    for match in rules.inline.finditer(normalise(line.text)):
        start, end = match.span()
        if end > start:
            while start > 0 and line.text[start - 1] in " \t":
                start -= 1
            spans.append((start, end))
    return spans


def _boilerplate_sentences(line: Cleaned, rules: Boilerplate) -> list[tuple[int, int]]:
    """The sentences of ``line`` that a ``line`` pattern matches, each with its leading space."""
    norm = normalise(line.text)
    verdicts: dict[str, bool] = {}  # a page repeats its chrome; each text is tested once
    out = []
    kept = False
    for start, end in sentences(norm):
        text = norm[start:end].strip()
        if not text:
            continue
        if text not in verdicts:
            verdicts[text] = rules.is_line(text)
        if not verdicts[text]:
            kept = True
        elif kept:
            out.append((start, end))
        else:  # nothing stays before it: the space after it goes too
            space = SPACES.match(norm, end)
            out.append((start, space.end() if space else end))
    return out


def sentences(norm: str) -> Iterator[tuple[int, int]]:
    """Split a normalised line into spans that cover it: each ends after its sentence-ending
    punctuation, or before whitespace next to a non-ASCII character (in Chinese text, a break
    between paragraphs that a minified page put on one line); leading whitespace is kept
    with the span it precedes. Whitespace between two ASCII characters splits nothing, so an
    English word is never a sentence of its own."""
    start = 0
    for match in SEGMENT_BREAK.finditer(norm):
        if not match.group()[0].isspace():
            cut = match.end()
        elif _touches_non_ascii(norm, match.start(), match.end()):
            cut = match.start()
        else:
            continue
        if cut > start:
            yield start, cut
            start = cut
    if start < len(norm):
        yield start, len(norm)


def _touches_non_ascii(text: str, start: int, end: int) -> bool:
    return (start > 0 and not text[start - 1].isascii()) or (end < len(text) and not text[end].isascii())


def _without(line: Cleaned, spans: list[tuple[int, int]]) -> Cleaned:
    """``line`` without the characters in ``spans`` (which may overlap), keeping the origins."""
    if not spans:
        return line
    chars: list[str] = []
    origin: list[int] = []
    pos = 0
    for start, end in sorted(spans):
        if start > pos:
            chars.append(line.text[pos:start])
            origin.extend(line.origin[pos:start])
        pos = max(pos, end)
    chars.append(line.text[pos:])
    origin.extend(line.origin[pos:])
    return Cleaned("".join(chars), tuple(origin))


LIST_BULLET = re.compile(r"^\s*(?:[-*+•·●○▪■◆◇►▸>.、]|\d{1,2}[.)、])\s*")
"""A list item's bullet (a full-width ． normalises to a full stop that ends no sentence)."""


def _is_headline(norm: str) -> bool:
    """Short and not a sentence: a link title, a widget label, a button (a list bullet aside)."""
    text = LIST_BULLET.sub("", norm.strip(), count=1)
    return len(text) <= HEADLINE_MAX and not SENTENCE_END.search(text)


def boilerplate_lines(norms: list[str], rules: Boilerplate, long: Collection[int] = ()) -> set[int]:
    """Indexes of the lines that are boilerplate, given each line's normalised text. The lines
    in ``long`` (that were long before cleaning, see ``LONG_LINE``) are prose whatever is left
    of them: never dropped, never a heading, and they end any block."""
    stripped = [n.strip() for n in norms]
    prose = frozenset(long)
    dropped = {i for i, n in enumerate(stripped) if n and i not in prose and rules.is_line(n)}
    dropped |= _link_blocks(stripped, dropped, prose, rules)
    dropped |= _tail(stripped, dropped, prose, rules)
    dropped |= _comment_blocks(stripped, dropped, prose, rules)
    return dropped


def _matches(patterns: Iterable[re.Pattern[str]], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def _link_blocks(
    stripped: list[str], dropped: set[int], prose: frozenset[int], rules: Boilerplate
) -> set[int]:
    """A recommendations heading and the headline-like lines after it, up to real prose."""
    out: set[int] = set()
    in_block = False
    for i, text in enumerate(stripped):
        if text and i not in prose and _matches(rules.block_start, text):
            in_block = True
            out.add(i)
        elif in_block and text and i not in dropped:
            if i not in prose and _is_headline(text):
                out.add(i)
            else:
                in_block = False
    return out


def _tail(stripped: list[str], dropped: set[int], prose: frozenset[int], rules: Boilerplate) -> set[int]:
    """From the first tail marker after which nothing but chrome follows, to the end."""
    chrome_from = len(stripped)
    for i in range(len(stripped) - 1, -1, -1):
        text = stripped[i]
        if text and i not in dropped and (i in prose or not _is_headline(text)):
            break
        chrome_from = i
    for i in range(chrome_from, len(stripped)):
        if stripped[i] and _matches(rules.tail_start, stripped[i]):
            return set(range(i, len(stripped)))
    return set()


COMMENT_LINE = re.compile(r"^[^\s:,.!?;。]{1,20}\s*(?:\(\d{1,2}:\d{2}\)|\d{4}-\d{2}-\d{2}[\s\d:]*)?\s*:")
"""A reader's comment: a user handle (用户6738, 芯片老王) and a colon before the text."""


def _comment_blocks(
    stripped: list[str], dropped: set[int], prose: frozenset[int], rules: Boilerplate
) -> set[int]:
    """A reader-comment heading and, after it, every comment (a handle and a colon) and short
    line (a like count, a reply button), up to a line that is neither."""
    out: set[int] = set()
    in_block = False
    for i, text in enumerate(stripped):
        if text and i not in prose and _matches(rules.comment_start, text):
            in_block = True
            out.add(i)
        elif in_block and text and i not in dropped:
            if i not in prose and (COMMENT_LINE.match(text) or _is_headline(text)):
                out.add(i)
            else:
                in_block = False
    return out


def is_blank(text: str) -> bool:
    """True when nothing visible is left."""
    return not text or all(unicodedata.category(ch)[0] in "ZC" for ch in text)
