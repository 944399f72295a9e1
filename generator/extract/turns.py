"""Speaker turns and the shape of a source: transcript, article or Q&A digest.

A turn opens at a speaker label (:mod:`generator.extract.labels`) or a roadshow record's field
(:mod:`generator.extract.records`) and runs over the lines of speech after it, until the next
label, a line that is no speech, or the writer's own words. Matching runs on ``Line.norm``
(simplified, half-width). Every word that decides comes from the lexicons.
"""

from __future__ import annotations

import re

from generator.extract.labels import (
    BRACKETS,
    LABEL_TRIM,
    MAX_DASHED_LABEL,
    MAX_LABEL,
    NUMBERED,
    Label,
    marker_kind,
    open_turn,
    parse_inner,
    parse_label,
    with_person,
)
from generator.extract.names import best_role, is_name, is_person_name
from generator.extract.records import record_turn
from generator.extract.speaker import Speaker
from generator.extract.vocab import ENGLISH_NAME, vocab
from generator.model import Document, Line, Turn

_BRACKETED_PERSON = re.compile(r"\s*[\[【(]\s*([^\]】)]{2,40}?)\s*[\]】)]\s*")
"""``Q: [高盛 Tina Hou] …``: the person a Q/A marker names right after its colon."""
_RULE = re.compile(r"\s*(?:[=\-_*~—─━]\s*){3,}")
"""A line drawn across the text (``=====``, ``---``, ``***``)."""


def _is_prose(norm: str) -> bool:
    """A line of running speech (not a caption, link or boilerplate stub)."""
    if "http" in norm:
        return False
    return bool(re.search(r"[。,;!?…]|\.\s|\.$", norm.strip()))


_ENUMERATION = re.compile(r"\s*(?:\d{1,3}\s*[、.)]|\(\s*\d{1,3}\s*\)|[一二三四五六七八九十]{1,3}\s*、)\s*")
"""``1、`` / ``(2)`` / ``三、`` numbering before a Q/A marker (``1、问:``)."""


def _colon_label(line: Line) -> tuple[Label, int] | None:
    norm = line.norm
    lead = len(norm) - len(norm.lstrip())
    colon = norm.find(":", lead, lead + MAX_LABEL + 6)
    if colon <= lead:
        return None
    label = parse_label(norm[lead:colon])
    if label is None:
        numbered = _ENUMERATION.match(norm, lead)
        label = parse_label(norm[numbered.end() : colon]) if numbered else None
        if label is None or label.kind not in ("question", "answer"):
            return None
    start = colon + 1
    while start < len(norm) and norm[start].isspace():
        start += 1
    if label.kind in ("question", "answer") and label.who.name is None:
        bracket = _BRACKETED_PERSON.match(norm, start)
        inner = parse_inner(bracket.group(1)) if bracket else None
        if bracket and inner is not None:
            label, start = with_person(label.kind, inner), bracket.end()
        else:
            whole = _person_line(norm[start:])
            second = norm.find(":", start, start + 40)
            named = _person_line(norm[start:second]) if whole is None and second > start else None
            if whole is not None:
                label, start = with_person(label.kind, whole), len(norm)
            elif named is not None:  # "Q1: 高盛 Lincoln Kong: 问题…"
                label, start = with_person(label.kind, named), second + 1
                while start < len(norm) and norm[start].isspace():
                    start += 1
    return label, start


def _person_line(rest: str) -> Label | None:
    """The rest of a Q/A marker's line when it is only a person (``Q1: 高盛 Lincoln Kong``,
    ``A: 梁柱``): the speech follows on the next lines."""
    rest = rest.strip(LABEL_TRIM)
    titled = rest.rstrip(" ,")
    if titled.count(",") == 1 and len(titled) <= 40 and not re.search(r"[。;!?:…]", titled):
        label = parse_label(titled)  # "A: Ted Chan Ying Tat, CFO,": a name, a comma, a title
        if (
            label is not None
            and label.kind == "speech"
            and label.who.name
            and (label.who.role or label.who.firm)
        ):
            return label
    if not rest or len(rest) > 40 or re.search(r"[,。;!?:…]", BRACKETS.sub("", rest)):
        return None
    inner = parse_inner(rest)
    if inner is None or inner.who.name is None:
        return None
    return inner if inner.who.firm or inner.who.role or is_name(rest) or " " in rest else None


_NARRATION_REACH = 48
"""How far into a line the writer's ``CFO李铁表示`` may stand for the line to be narration."""


def _editor_note(line: Line) -> bool:
    """A line opened by a non-speaker label (``注:``, ``来源:``), by the writer's own words
    (``另据了解,``, an unnamed asker ``有投资者问及``, ``理想汽车CFO李铁表示``) or quoting the share
    price: it ends the current turn."""
    norm = line.norm.strip()
    v = vocab()
    if v.narration_re.match(norm) or v.writer_re.search(norm) or v.unnamed_ask_re.match(norm):
        return True
    told = v.narrated_speech_re.search(norm, 0, _NARRATION_REACH)
    if told is not None and is_name(told.group(1)):
        return True
    colon = norm.find(":", 0, 12)
    return colon > 0 and norm[:colon].strip(LABEL_TRIM).lower() in vocab().not_labels


_LIST_ITEM = re.compile(r"\s*(?:[-–•·*▪●]|\d{1,2}[.)])\s+\S")
"""A bulleted or numbered list item (``- Alibaba Cloud revenue…``): the line above it is a heading."""
_DASH_MARKER = re.compile(r"\s*([A-Za-z问答]{1,8})\s+[-–—]+(?:\s+(.*))?")
"""``Q - Alicia Yap`` / ``A - Daniel Zhang`` / ``Q - Thank you…``: a Q/A marker before a dash."""


def _dash_marker(line: Line) -> tuple[Label, int] | None:
    """A Q/A marker followed by a dash (``Q -``, ``A -``), then the person or the speech."""
    m = _DASH_MARKER.fullmatch(line.norm)
    kind = marker_kind(m.group(1)) if m else None
    if m is None or kind is None:
        return None
    person = _person_line(m.group(2)) if m.group(2) else None
    if person is not None:
        return with_person(kind, person), len(line.norm)
    return Label(kind), m.start(2) if m.group(2) else len(line.norm)


def _standalone_label(line: Line, following: Line | None) -> Label | None:
    """A line that holds only a speaker, followed by a line of speech (not a list: the line above
    a list is its heading, ``Key Takeaways`` then ``- …``)."""
    text = line.norm.strip(LABEL_TRIM)
    if not text or len(text) > MAX_DASHED_LABEL or following is None or not _is_prose(following.norm):
        return None
    if _LIST_ITEM.match(following.norm):
        return None
    if _colon_label(following) is not None:
        return None
    v = vocab()
    if text.lower() in v.operators:
        return Label("operator", Speaker(side="operator"))
    long_dashed = len(text) > MAX_LABEL  # parse_label reads such a line only as "Name … - Title"
    if (
        long_dashed
        or re.fullmatch(rf"{ENGLISH_NAME}(?:\s*[-–—]+\s*.+)?", text)
        or re.search(r"[(\[].+[)\]]$", text)
    ):
        label = parse_label(text)
        if label is not None and label.kind == "speech":
            return label
    return None


def _name_over_title(line: Line, title: Line | None, following: Line | None) -> Label | None:
    """A name alone on a line, its titles alone on the next and speech after them (``Amy Hood`` /
    ``Executive Vice President and Chief Financial Officer at Microsoft`` / ``Thank you, …``): one
    label over two lines. The title line must be no prose and name a role."""
    name = line.norm.strip(LABEL_TRIM)
    if title is None or following is None or not _is_prose(following.norm):
        return None
    words = title.norm.strip(LABEL_TRIM)
    if not words or len(words) > MAX_DASHED_LABEL or _is_prose(words) or best_role(words) is None:
        return None
    if not re.fullmatch(ENGLISH_NAME, name) or not is_person_name(name):
        return None
    label = parse_label(f"{name} - {words}")
    return label if label is not None and label.kind == "speech" else None


def _inline_answer(line: Line, question: Turn, start: int) -> Turn | None:
    """The answer that follows a question on its own line (``1、问:…吗? 答:…``), cutting the question."""
    m = vocab().inline_answer_re.search(line.norm, start + 1)
    if m is None or not line.norm[m.end() :].strip():
        return None
    inner = parse_inner(m.group(1)) if m.group(1) else None
    role = best_role(m.group(1)) if m.group(1) and inner is None else None
    label = with_person("answer", inner) if inner else Label("answer", Speaker(side="management", role=role))
    question.ends[line.number] = m.start()
    answer_start = m.end()
    while answer_start < len(line.norm) and line.norm[answer_start].isspace():
        answer_start += 1
    person = _person_line(line.norm[answer_start:]) if label.who.name is None else None
    if person is not None:  # "… for October? A: Ted Chan Ying Tat, CFO,": the answerer, speech below
        label, answer_start = with_person("answer", person), len(line.norm)
    return open_turn(line, label, answer_start)


_INLINE_LABEL = re.compile(rf"(?:^|(?<=[.!?\"”’)])\s+)({ENGLISH_NAME}|Operator):\s+(?=\S)")
"""``… Please go ahead. Isabel Zhang: Thank you, operator.``: a speaker's name after a sentence end."""
INLINE_TURNS = 2
"""A line is read as a flattened dialogue only when it holds this many speakers' labels or more."""


def _inline_labels(line: Line, start: int) -> list[tuple[Label, int, int]]:
    """The speakers of a dialogue flattened onto one line (a transcript whose line breaks were
    lost): each ``(label, where the label starts, where its speech starts)``. A name and a
    colon after a sentence end count only when the line holds :data:`INLINE_TURNS` of them, so
    a single ``Note: …`` or ``Key Takeaways: …`` inside prose is no speaker."""
    found: list[tuple[Label, int, int]] = []
    for m in _INLINE_LABEL.finditer(line.norm, start):
        label = parse_label(m.group(1))
        if label is None or label.kind not in ("speech", "operator"):
            continue
        if label.kind == "speech" and not (label.who.name and is_person_name(label.who.name)):
            continue
        found.append((label, m.start(1), m.end()))
    return found if sum(1 for lab, _, _ in found if lab.kind == "speech") >= INLINE_TURNS else []


def split_turns(doc: Document) -> list[Turn]:
    """Cut the document into speaker turns; lines before the first label belong to none."""
    lines = doc.lines
    content = [ln for ln in lines if ln.text.strip()]
    after = {a.number: b for a, b in zip(content, content[1:], strict=False)}
    turns: list[Turn] = []
    current: Turn | None = None
    title_lines: set[int] = set()  # a two-line label's title line (_name_over_title)
    for ln in lines:
        if ln.number in title_lines:
            continue
        if not ln.text.strip():
            if _RULE.fullmatch(ln.original):
                current = None  # a horizontal rule ends the section, and the turn with it
            continue
        opened, going = record_turn(ln, current)
        if going is not None:
            if opened is not None:
                turns.append(opened)
            current = going
            continue
        hit = _colon_label(ln) or _dash_marker(ln)
        label, start = hit if hit else (_standalone_label(ln, after.get(ln.number)), len(ln.text))
        if label is None and hit is None and ln.number in after:
            title = after[ln.number]
            label = _name_over_title(ln, title, after.get(title.number))
            if label is not None:
                title_lines.add(title.number)
        if label is not None:
            current = open_turn(ln, label, start)
            turns.append(current)
            answer = _inline_answer(ln, current, start) if label.kind == "question" else None
            if answer is not None:
                current = answer
                turns.append(answer)
        elif current is not None:
            if not _is_prose(ln.norm) or _editor_note(ln):
                current = None
                continue
            current.body.append((ln.number, len(ln.text) - len(ln.text.lstrip())))
        for inline, label_at, speech_at in _inline_labels(ln, start if label is not None else 0):
            if current is not None:
                current.ends[ln.number] = label_at
            current = open_turn(ln, inline, speech_at)
            turns.append(current)
    return turns


def turn_text(doc: Document, turn: Turn, norm: bool = False) -> str:
    """The whole speech of a turn, its lines joined."""
    parts = []
    for number, start in turn.body:
        line = doc.line(number)
        end = turn.ends.get(number, len(line.text))
        parts.append((line.norm if norm else line.text)[start:end].strip())
    return join_lines(parts)


def join_lines(parts: list[str]) -> str:
    """Join lines of speech: no space between Chinese lines, one between Latin ones."""
    out = ""
    for part in parts:
        if out and part and (out[-1].isascii() and part[0].isascii()):
            out += " "
        out += part
    return out


def _numbered(label: str) -> bool:
    """True for a numbered question label: ``1、问``, ``(2)问``, ``Q3``, ``问题4``, ``【问题5】``."""
    head = label.split(":", 1)[0].strip(" *#>")
    enumeration = _ENUMERATION.match(head)
    if enumeration is not None and enumeration.end() < len(head):
        return True
    m = vocab().question_re.match(head.strip(LABEL_TRIM))
    return bool(m and m.group(1)) or bool(NUMBERED.match(head) and re.search(r"\d", head))


DIGEST_MIN_SHARE = 0.3
"""A digest's turns hold at least this share of its text; a news story quoting a short excerpt
of the Q&A (``问(花旗 X):`` … amid paragraphs of its own) stays an article."""


def turn_share(doc: Document, turns: list[Turn]) -> float:
    """The share of the text's characters that stand in turns."""
    total = sum(len(ln.text.strip()) for ln in doc.content_lines())
    return sum(len(turn_text(doc, t)) for t in turns) / total if total else 0.0


def source_kind(turns: list[Turn], doc: Document | None = None) -> str:
    """The shape of the source, from its turns (and, given the document, how much of it they hold).

    * digest: the Q&A laid out with Q/A markers (``问:``/``答:``, ``Q1``, ``【问题N】``); unless the
      questions are numbered (``1、问:``, ``Q3``), its turns hold at least ``DIGEST_MIN_SHARE`` of
      the text;
    * transcript: the call's own words under speakers' labels, analysts (or an operator) among them;
    * article: the rest -- prose, quotes of executives under their names without any
      exchange, or a Q&A the writer narrates (unnamed ``分析师:`` questions, ``X回答:`` answers).
    """
    marked = [t for t in turns if t.kind in ("question", "answer")]
    questions = sum(1 for t in marked if t.kind == "question")
    named = [t for t in turns if t.kind == "speech" and t.speaker]
    analysts = sum(1 for t in named if t.side == "analyst")
    hosts = sum(1 for t in turns if t.kind == "operator" or t.side == "operator")
    if questions >= 2 and questions > analysts and (len(marked) > questions or named):
        narrated = sum(1 for t in marked if t.narrated)
        if narrated * 2 >= len(marked):
            return "article"
        numbered = any(t.kind == "question" and _numbered(t.label) for t in marked)
        if not numbered and doc is not None and turn_share(doc, turns) < DIGEST_MIN_SHARE:
            return "article"
        return "digest"
    if len(named) >= 3 and len({t.speaker for t in named}) >= 2 and (analysts or hosts):
        return "transcript"
    if named and doc is not None and _speech_holds_the_text(doc, named):
        return "transcript"
    return "article"


TRANSCRIPT_MIN_SHARE = 0.6
"""A text whose labelled speakers' turns hold this share of it or more is the call's own words,
even with no analyst or operator in the excerpt (a manager's prepared remarks under the name and
title; an exchange ``A: … B: … A: …``)."""


def _speech_holds_the_text(doc: Document, named: list[Turn]) -> bool:
    """True when speakers' turns hold most of the text and either go back and forth between two
    speakers or more (A, B, A) or are a titled manager's (``Amy Hood`` over ``Chief Financial
    Officer``)."""
    if turn_share(doc, named) < TRANSCRIPT_MIN_SHARE:
        return False
    speakers = [t.speaker for t in named]
    back_and_forth = any(
        a == c and a != b for a, b, c in zip(speakers, speakers[1:], speakers[2:], strict=False)
    )
    titled = all(t.side == "management" for t in named)
    return back_and_forth or titled


HAN_PER_WORD = 1.5
"""Han characters that make one word of Chinese, when weighing a text's Chinese against its
English (a Chinese word is one to two characters)."""
_HAN_CHAR = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def source_language(doc: Document) -> str | None:
    """zh | en: the language most of the text's words are in (Chinese words counted from Han
    characters, English words from runs of Latin letters), or None when it has neither. A
    Chinese report naming ``Eddie Wu`` stays zh, an English call quoting ``李彦宏`` stays en."""
    han = latin = 0
    for ln in doc.content_lines():
        han += len(_HAN_CHAR.findall(ln.text))
        latin += len(_LATIN_WORD.findall(ln.text))
    if not han and not latin:
        return None
    return "zh" if han / HAN_PER_WORD >= latin else "en"


def qa_start(doc: Document) -> int | None:
    """The line of the heading that opens the question-and-answer part (``Questions and Answers``,
    ``问答环节``), or None: before it stand the prepared remarks."""
    headings = vocab().qa_headings
    for ln in doc.content_lines():
        if ln.norm.strip(LABEL_TRIM + ":.-—").strip().lower() in headings:
            return ln.number
    return None
