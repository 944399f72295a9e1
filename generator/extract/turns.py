"""Speaker turns and the shape of a source: transcript, article or Q&A digest.

A *label* opens a turn: ``徐宏:``, ``瑞士信贷分析师Kenneth Fong:``, ``吴泳铭(CEO):``,
``主持人|投资者关系主管 刘丽娣(Lidia Liu):``, ``Q1:`` / ``回答:``, ``问:`` / ``答:``, or a line
holding only a speaker (``Sidney Huang - JD.com, Inc.``, ``Operator``). Matching runs on
``Line.norm`` (simplified, half-width), so full-width colons and Traditional text work alike.
Every word that decides what a label is comes from the ``titles``, ``firms`` and
``speakers`` lexicons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator import lexicon
from generator.errors import SummaryError
from generator.lexicon.firms import firms
from generator.model import Document, Line, Turn

HAN = r"\u3400-\u9fff"
ENGLISH_NAME = r"[A-Z][A-Za-z'’.\-]*(?: [A-Z][A-Za-z'’.\-]*){1,3}"
_ENGLISH_NAME_RE = re.compile(ENGLISH_NAME)
NAME_DOTS = "·‧・•"
TRANSLITERATED_NAME = rf"[{HAN}]{{1,6}}(?:[{NAME_DOTS}][{HAN}]{{1,8}}){{1,2}}"
"""A foreign name written in Chinese, its parts joined by a middle dot (``詹姆斯·米切尔``)."""
_TRANSLITERATED_RE = re.compile(TRANSLITERATED_NAME)
_HAN_RE = re.compile(f"[{HAN}]")
_LABEL_TRIM = " \t*#>【】[]「」"
_MAX_LABEL = 48
_NUMBERED = re.compile(r"[【\[]\s*([^】\]]{1,12}?)\s*[】\]]\s*(.+)")
"""``【问题1】rest``: a bracketed Q/A marker before the person."""
_BRACKETS = re.compile(r"[(\[（【][^)\]）】]*[)\]）】]")
_BRACKETED_PERSON = re.compile(r"\s*[\[【(]\s*([^\]】)]{2,40}?)\s*[\]】)]\s*")
"""``Q: [高盛 Tina Hou] …``: the person a Q/A marker names right after its colon."""
_RULE = re.compile(r"\s*(?:[=\-_*~—─━]\s*){3,}")
"""A line drawn across the text (``=====``, ``---``, ``***``)."""
_ANSWER_VERBS = [
    "补充回答",
    "补充道",
    "补充说",
    "回答道",
    "回应道",
    "回答",
    "答复",
    "回复",
    "补充",
    "回应",
    "答",
]


@dataclass(frozen=True)
class Vocab:
    """The label-related lexicons, compiled once."""

    role_of: dict[str, str]
    """Every title wording (lower-cased) -> canonical role."""
    role_rank: dict[str, int]
    """Canonical role -> priority (0 = highest)."""
    role_re: re.Pattern[str]
    operators: frozenset[str]
    analyst_re: re.Pattern[str]
    firm_of: dict[str, str]
    """Every firm wording (lower-cased) -> canonical firm."""
    surnames: frozenset[str]
    not_names: frozenset[str]
    not_labels: frozenset[str]
    narration_re: re.Pattern[str]
    """Openings of a writer's paragraph (``另据``, ``据悉``)."""
    question_re: re.Pattern[str]
    answer_re: re.Pattern[str]
    writer_re: re.Pattern[str]
    """A writer's line amid a Q&A: a share quote, a prior-year figure (``speakers.writer_patterns``)."""
    unnamed_ask_re: re.Pattern[str]
    """An unnamed asker told in prose at a line's start (``另外,有投资者问及…``)."""
    inline_answer_re: re.Pattern[str]
    """An answer marker with its colon inside a line (``…吗? 答:…``)."""
    narrated_speech_re: re.Pattern[str]
    """A title, a name and a speech verb (``理想汽车CFO李铁表示``): the writer telling who spoke."""
    connective_re: re.Pattern[str]
    """Words opening an answer paragraph, with their comma (``对此,``)."""
    record_re: re.Pattern[str]
    """A roadshow record's field label and its colon (``提问者:``, ``回复人:``, ``回复内容:``)."""
    record_field: dict[str, str]
    """Each record label -> asker | question | answerer | answer."""


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(str(w)) for w in sorted({str(w) for w in words}, key=lambda w: (-len(w), w)))


def _patterns(name: str, key: str, patterns: list[str]) -> re.Pattern[str]:
    """Regular expressions of a lexicon, one alternation; a broken one is a clear error."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SummaryError(f"lexicon {name}, {key}: bad pattern {pattern!r} ({exc})", name) from exc
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)")


@lru_cache(maxsize=1)
def _vocab_cached(_key: int) -> Vocab:
    titles = lexicon.load("titles")
    speakers = lexicon.load("speakers")
    role_of: dict[str, str] = {}
    rank: dict[str, int] = {}
    for i, (role, words) in enumerate(titles["roles"].items()):
        rank[role] = i
        for w in [role, *words]:
            role_of.setdefault(str(w).lower(), role)
    # ASCII titles need word boundaries ("CEO" but not "CEOs", "IR" not in "IRR").
    ascii_words = [w for w in role_of if w.isascii()]
    han_words = [w for w in role_of if not w.isascii()]
    role_re = re.compile(
        f"(?:{_alternation(han_words)})|(?<![A-Za-z])(?:{_alternation(ascii_words)})(?![A-Za-z])", re.I
    )
    firm_of = firms().by_lower
    record_field = {
        str(w): kind
        for kind, key in (
            ("asker", "record_askers"),
            ("question", "record_questions"),
            ("answerer", "record_answerers"),
            ("answer", "record_answers"),
        )
        for w in speakers.get(key, [])
    }
    markers = lambda ws: re.compile(  # noqa: E731
        rf"(?:{_alternation([str(w) for w in ws])})\s*(\d{{1,2}})?\s*(?:[(\[](.+?)[)\]])?", re.I
    )
    return Vocab(
        role_of=role_of,
        role_rank=rank,
        role_re=role_re,
        operators=frozenset(str(w).lower() for w in titles["operator"]),
        analyst_re=re.compile(_alternation([str(w) for w in titles["analyst"]]), re.I),
        firm_of=firm_of,
        surnames=frozenset(str(s) for s in speakers["surnames"]),
        not_names=frozenset(str(s) for s in speakers["not_names"]),
        not_labels=frozenset(str(s).lower() for s in speakers["not_labels"]),
        narration_re=re.compile(rf"\s*(?:{_alternation([str(w) for w in speakers['narration_openers']])})"),
        question_re=markers(speakers["question_markers"]),
        answer_re=markers(speakers["answer_markers"]),
        writer_re=_patterns("speakers", "writer_patterns", [str(w) for w in speakers["writer_patterns"]]),
        unnamed_ask_re=re.compile(
            rf"\s*(?:(?:{_alternation(speakers['ask_openers'])})\s*,?\s*)?"
            rf"(?:{_alternation(speakers['unnamed_askers'])})[^,。;!?]{{0,8}}?"
            rf"(?:{_alternation(speakers['ask_verbs'])})(?!答)"
        ),
        narrated_speech_re=re.compile(
            rf"(?:{_alternation(han_words)}|(?<![A-Za-z])(?:{_alternation(ascii_words)})(?![A-Za-z]))\s*"
            rf"({ENGLISH_NAME}|{TRANSLITERATED_NAME}|[{HAN}]{{2,4}}?)\s*"
            rf"(?:在[^,。;!?]{{1,16}}?[上中时里])?(?:{_alternation(speakers['verb_adverbs'])})*"
            rf"(?:{_alternation(speakers['speech_verbs'])})",
            re.I,
        ),
        connective_re=re.compile(rf"\s*(?:{_alternation(speakers['answer_openers'])})\s*,?\s*"),
        record_re=re.compile(rf"\s*({_alternation(list(record_field)) or '(?!)'})\s*:\s*"),
        record_field=record_field,
        inline_answer_re=re.compile(
            rf"(?<=[。!?.…\s])\s*(?:{_alternation([str(w) for w in speakers['inline_answer_markers']])})"
            r"\s*(?:[(\[]([^)\]]{1,20})[)\]])?\s*:"
        ),
    )


def vocab() -> Vocab:
    """The compiled label vocabulary (reloaded when the lexicon folders change)."""
    return _vocab_cached(hash(tuple(lexicon.extra_dirs())))


# --- names -------------------------------------------------------------------------------


def is_chinese_name(text: str) -> bool:
    """True for a plausible Chinese personal name: a known surname plus one to three characters."""
    v = vocab()
    if not re.fullmatch(f"[{HAN}]{{2,4}}", text) or text in v.not_names or text.lower() in v.not_labels:
        return False
    if text.lower() in v.firm_of or text.lower() in v.role_of or text.lower() in v.operators:
        return False
    if text[:2] in v.surnames:
        return len(text) in (3, 4)
    return text[0] in v.surnames and len(text) in (2, 3)


def is_english_name(text: str) -> bool:
    """True for two to four capitalised words that are not a title, firm or boilerplate word."""
    v = vocab()
    if not _ENGLISH_NAME_RE.fullmatch(text):
        return False
    low = text.lower()
    if low in v.not_labels or low in v.firm_of or low in v.operators or v.role_re.search(text):
        return False
    return not any(word.lower() in v.not_labels for word in text.split())


def is_transliterated_name(text: str) -> bool:
    """True for a foreign name written in Chinese with middle dots (``詹姆斯‧米切爾``)."""
    if not _TRANSLITERATED_RE.fullmatch(text):
        return False
    v = vocab()
    parts = re.split(f"[{NAME_DOTS}]", text)
    return not any(p in v.not_names or p.lower() in v.firm_of or p.lower() in v.role_of for p in parts)


def is_name(text: str) -> bool:
    """A personal name in Chinese or English (or a foreign name written in Chinese)."""
    return is_chinese_name(text) or is_english_name(text) or is_transliterated_name(text)


def surname_alias(text: str) -> bool:
    """True for a polite short form such as ``吴总`` (surname + 总)."""
    return len(text) == 2 and text[1] == "总" and text[0] in vocab().surnames


def canonical_firm(written: str) -> str:
    """The firm as a summary records it (:meth:`generator.lexicon.firms.Firms.as_recorded`)."""
    return firms().as_recorded(written)


def known_firm(text: str) -> str | None:
    """The canonical firm when ``text`` is exactly a firm of the lexicon."""
    return firms().known(text)


def best_role(text: str) -> str | None:
    """The highest-priority canonical role named in ``text``."""
    v = vocab()
    roles = {v.role_of[m.group(0).lower()] for m in v.role_re.finditer(text)}
    return min(roles, key=lambda r: v.role_rank[r]) if roles else None


# --- labels ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    """What a speaker label says."""

    kind: str
    speaker: str | None = None
    side: str | None = None
    role: str | None = None
    firm: str | None = None
    org: str | None = None
    alias: str | None = None
    narrated: bool = False
    """The writer's narration (``分析师``, ``魏哲家回答``), see :attr:`Turn.narrated`."""


def _with_person(kind: str, inner: Label | None, narrated: bool = False) -> Label:
    """A Q/A marker label carrying the person its brackets name (``答(孙洁)``, ``Q: [高盛 Tina Hou]``)."""
    if inner is None:
        return Label(kind, narrated=narrated)
    side = inner.side or ("analyst" if kind == "question" else "management")
    return Label(kind, inner.speaker, side, inner.role, inner.firm, inner.org, inner.alias, narrated)


def _narrated_answer(core: str) -> Label | None:
    """``魏哲家回答`` / ``黄仁昭补充``: a name followed by an answering verb."""
    m = re.fullmatch(rf"(.+?)\s*(?:{_alternation(_ANSWER_VERBS)})", core)
    if m is None or not is_name(m.group(1)):
        return None
    return Label("answer", m.group(1), "management", narrated=True)


def _role_answer(core: str) -> Label | None:
    """``董秘回复`` / ``董事会秘书回答``: a title alone, then an answering verb (a record's answer marker)."""
    m = re.fullmatch(rf"(.+?)\s*(?:{_alternation(_ANSWER_VERBS)})", core)
    if m is None or not vocab().role_re.fullmatch(m.group(1)):
        return None
    return Label("answer", side="management", role=best_role(m.group(1)))


def _person(core: str, extra: str | None) -> Label | None:
    """Parse the person part of a label (no Q/A marker); ``extra`` is a parenthetical."""
    v = vocab()
    core = core.strip(" -—:")
    alias = role = firm = None
    if extra:
        extra = extra.strip()
        if known_firm(extra):
            firm = canonical_firm(extra)
        elif is_name(extra):
            alias = extra
        else:
            role = best_role(extra)
            if role is None and not v.analyst_re.search(extra):
                return None
    if core.lower() in v.operators:
        return Label("operator", side="operator")
    if extra is None and (answer := _role_answer(core)) is not None:
        return answer
    if extra is None and v.role_re.fullmatch(core):
        return Label("answer", side="management", role=best_role(core))  # "董秘:", a title alone
    m = v.analyst_re.search(core)
    if m:
        name = core[m.end() :].strip(" -—:·") or alias or ""
        before = core[: m.start()].strip(" -—·的")
        if not name and (not before or known_firm(before)):
            # An unnamed analyst: the writer's way of saying "a question".
            firm = canonical_firm(before) if before else firm
            return Label("question", side="analyst", firm=firm, narrated=True)
        if not is_name(name):
            return None
        return Label("speech", name, "analyst", firm=canonical_firm(before) if before else firm)
    m = re.fullmatch(rf"({ENGLISH_NAME})\s*(?:[-–—]+|,)\s*(.+)", core)
    if m:
        name, aff = m.group(1), m.group(2).strip()
        if known_firm(aff):
            return Label("speech", name, "analyst", firm=canonical_firm(aff))
        aff_role = best_role(aff)
        if aff_role:
            return Label("speech", name, "management", aff_role, alias=alias)
        return Label("speech", name, None, org=aff, alias=alias) if is_english_name(name) else None
    titles = list(v.role_re.finditer(core))
    if titles:
        name = core[titles[-1].end() :].strip(" -—:·") or alias or ""
        joints = [core[a.end() : b.start()] for a, b in zip(titles, titles[1:], strict=False)]
        if not is_name(name) or any(j.strip(" 兼和及、&,/") for j in joints):
            return None
        org = core[: titles[0].start()].strip(" -—·") or None
        return Label("speech", name, "management", best_role(core), org=org, alias=alias)
    for written in sorted(v.firm_of, key=len, reverse=True):
        if core.lower().startswith(written) and is_name(core[len(written) :].strip()):
            return Label("speech", core[len(written) :].strip(), "analyst", firm=canonical_firm(written))
    if is_name(core) or surname_alias(core):
        side = "analyst" if firm else ("management" if role else None)
        return Label("speech", core, side, role, firm, alias=alias)
    return _narrated_answer(core) if extra is None else None


def _marker_kind(text: str) -> str | None:
    """question / answer when ``text`` is exactly a Q/A marker (``Q1``, ``问题2``, ``答``)."""
    v = vocab()
    if v.question_re.fullmatch(text):
        return "question"
    if v.answer_re.fullmatch(text):
        return "answer"
    return None


def _comma_label(text: str) -> Label | None:
    """``赵佳臻,拼多多执行董事、联席CEO``: a name, a comma, then the person's titles."""
    name = rf"{ENGLISH_NAME}|{TRANSLITERATED_NAME}|[{HAN}]{{2,4}}"
    m = re.fullmatch(rf"({name})\s*,\s*([^,。;!?:]{{2,30}})", text)
    if m is None or not is_name(m.group(1)):
        return None
    titles = list(vocab().role_re.finditer(m.group(2)))
    if not titles:
        return None
    org = m.group(2)[: titles[0].start()].strip(" -—·") or None
    return Label("speech", m.group(1), "management", best_role(m.group(2)), org=org)


def parse_label(raw: str) -> Label | None:
    """Parse a speaker label (the text before the colon), or None when it is not one."""
    v = vocab()
    numbered = _NUMBERED.fullmatch(raw.strip(" \t*#>"))
    if numbered and _marker_kind(numbered.group(1)):
        # "【问题1】摩根大通分析师Alex Yao": a numbered marker before the person.
        return _with_person(str(_marker_kind(numbered.group(1))), _parse_inner(numbered.group(2)))
    text = raw.strip(_LABEL_TRIM)
    if not text or len(text) > _MAX_LABEL or text.lower() in v.not_labels:
        return None
    comma = _comma_label(text)
    if comma is not None:
        return comma
    head = re.split(r"\s+[-–—]+\s+", text, maxsplit=1)[0]
    if re.search(r"[,。;!?、\"“”《》]|https?", _BRACKETS.sub("", head)):
        return None
    for kind, marker in (("question", v.question_re), ("answer", v.answer_re)):
        m = marker.fullmatch(text)
        if m:
            inner = _parse_inner(m.group(2)) if m.group(2) else None
            if inner is None and kind == "answer" and m.group(2) and v.role_re.fullmatch(m.group(2).strip()):
                return Label("answer", side="management", role=best_role(m.group(2)))  # 答(董秘)
            return _with_person(kind, inner)
    parts = [p for p in re.split(r"\s*\|\s*", text) if p]
    if not parts:
        return None  # only separators before the colon: no label
    person_part = parts[-1]
    markers = [p for p in parts[:-1] if _marker_kind(p)]
    if markers and len(parts) == 2:
        inner = _parse_inner(person_part)
        if inner is not None:
            return _with_person(str(_marker_kind(markers[0])), inner)
    extra_roles = " ".join(parts[:-1])
    m = re.fullmatch(r"(.+?)\s*[(\[](.+?)[)\]]", person_part)
    core, extra = (m.group(1), m.group(2)) if m else (person_part, None)
    label = _person(core, extra)
    if label is None and extra_roles:
        return None
    if label is not None and extra_roles and label.kind == "speech":
        # "主持人|投资者关系主管 刘丽娣": the parts before "|" must be roles, not a headline.
        role = label.role or best_role(extra_roles)
        host = any(p.lower() in v.operators for p in parts[:-1])
        if role is None and not host:
            return None
        side = label.side or ("management" if role else "operator")
        return Label("speech", label.speaker, side, role, label.firm, label.org, label.alias)
    return label


def _parse_inner(text: str) -> Label | None:
    inner = parse_label(text)
    if inner is not None and inner.kind == "speech":
        return inner
    return _firm_and_name(text)


def _firm_and_name(text: str) -> Label | None:
    """``Goldman Sachs, Alex Poon`` / ``Alex Poon, 高盛``: an analyst's firm and name, either order."""
    parts = [p.strip() for p in re.split(r"\s*[,/|]\s*", text.strip()) if p.strip()]
    if len(parts) != 2:
        return None
    for firm, name in (parts, parts[::-1]):
        if known_firm(firm) and is_name(name):
            return Label("speech", name, "analyst", firm=canonical_firm(firm))
    return None


# --- turns -------------------------------------------------------------------------------


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
    colon = norm.find(":", lead, lead + _MAX_LABEL + 6)
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
    if label.kind in ("question", "answer") and label.speaker is None:
        bracket = _BRACKETED_PERSON.match(norm, start)
        inner = _parse_inner(bracket.group(1)) if bracket else None
        if bracket and inner is not None:
            label, start = _with_person(label.kind, inner), bracket.end()
        else:
            whole = _person_line(norm[start:])
            second = norm.find(":", start, start + 40)
            named = _person_line(norm[start:second]) if whole is None and second > start else None
            if whole is not None:
                label, start = _with_person(label.kind, whole), len(norm)
            elif named is not None:  # "Q1: 高盛 Lincoln Kong: 问题…"
                label, start = _with_person(label.kind, named), second + 1
                while start < len(norm) and norm[start].isspace():
                    start += 1
    return label, start


def _person_line(rest: str) -> Label | None:
    """The rest of a Q/A marker's line when it is only a person (``Q1: 高盛 Lincoln Kong``,
    ``A: 梁柱``): the speech follows on the next lines."""
    rest = rest.strip(_LABEL_TRIM)
    if not rest or len(rest) > 40 or re.search(r"[,。;!?:…]", _BRACKETS.sub("", rest)):
        return None
    inner = _parse_inner(rest)
    if inner is None or inner.speaker is None:
        return None
    return inner if inner.firm or inner.role or is_name(rest) or " " in rest else None


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
    return colon > 0 and norm[:colon].strip(_LABEL_TRIM).lower() in vocab().not_labels


def _standalone_label(line: Line, following: Line | None) -> Label | None:
    """A line that holds only a speaker, followed by a line of speech."""
    text = line.norm.strip(_LABEL_TRIM)
    if not text or len(text) > 70 or following is None or not _is_prose(following.norm):
        return None
    if _colon_label(following) is not None:
        return None
    v = vocab()
    if text.lower() in v.operators:
        return Label("operator", side="operator")
    if re.fullmatch(rf"{ENGLISH_NAME}(?:\s*[-–—]+\s*.+)?", text) or re.search(r"[(\[].+[)\]]$", text):
        label = parse_label(text)
        if label is not None and label.kind == "speech":
            return label
    return None


def _turn(line: Line, label: Label, start: int) -> Turn:
    turn = Turn(
        line=line.number,
        label=line.norm.strip()[:_MAX_LABEL],
        kind=label.kind,
        speaker=label.speaker,
        side=label.side,
        role=label.role,
        firm=label.firm,
        org=label.org,
        alias=label.alias,
        narrated=label.narrated,
    )
    if line.text[start:].strip():
        turn.body.append((line.number, start))
    return turn


def _inline_answer(line: Line, question: Turn, start: int) -> Turn | None:
    """The answer that follows a question on its own line (``1、问:…吗? 答:…``), cutting the question."""
    m = vocab().inline_answer_re.search(line.norm, start + 1)
    if m is None or not line.norm[m.end() :].strip():
        return None
    inner = _parse_inner(m.group(1)) if m.group(1) else None
    role = best_role(m.group(1)) if m.group(1) and inner is None else None
    label = _with_person("answer", inner) if inner else Label("answer", side="management", role=role)
    question.ends[line.number] = m.start()
    answer_start = m.end()
    while answer_start < len(line.norm) and line.norm[answer_start].isspace():
        answer_start += 1
    return _turn(line, label, answer_start)


def _record_person(kind: str, rest: str) -> Label:
    """The person a record's asker or answerer field names (``陈天石 董事长、总经理``,
    ``陈天石(董事长)``, ``董事会秘书 叶淏尹``, ``投资者``): a label of ``kind`` with what it tells."""
    side = "analyst" if kind == "question" else "management"
    rest = rest.strip(_LABEL_TRIM + " ,;。")
    name = rf"{ENGLISH_NAME}|{TRANSLITERATED_NAME}|[{HAN}]{{2,4}}"
    m = re.fullmatch(rf"({name})(?:\s*[(\[]\s*(.+?)\s*[)\]]|\s+(.+))?", rest)
    if m and is_name(m.group(1)):
        extra = m.group(2) or m.group(3) or ""
        firm = canonical_firm(extra) if extra and known_firm(extra) else None
        role = None if firm else best_role(extra)
        return Label(kind, m.group(1), "analyst" if firm else side, role, firm)
    m = re.fullmatch(rf"(.+?)\s*({name})", rest)
    if m and is_name(m.group(2)) and vocab().role_re.search(m.group(1)):
        return Label(kind, m.group(2), side, best_role(m.group(1)))
    inner = _parse_inner(rest) if rest else None
    if inner is not None:
        return _with_person(kind, inner)
    role = best_role(rest) if kind == "answer" else None
    return Label(kind, side=side, role=role)


def _record_turn(line: Line, current: Turn | None) -> tuple[Turn | None, Turn | None]:
    """A roadshow record's field line (``提问者:``, ``问题内容:``, ``回复人:``, ``回复内容:``):
    (a new turn or None, the turn that goes on). The asker names the person of the question the
    block's ``问题N:`` opened; the question's content goes on that question; the answerer opens
    the answer, and the answer's content goes on it. None, None when the line is no field."""
    v = vocab()
    m = v.record_re.match(line.norm)
    if m is None:
        return None, None
    field_kind, rest = v.record_field[m.group(1)], line.norm[m.end() :]
    kind = "question" if field_kind in ("asker", "question") else "answer"
    if field_kind in ("asker", "answerer"):
        label = _record_person(kind, rest)
        if field_kind == "asker" and current is not None and current.kind == "question" and not current.body:
            current.speaker, current.side, current.firm = label.speaker, label.side, label.firm
            return None, current  # the block's 问题N: named its asker
        turn = _turn(line, label, len(line.text))
        return turn, turn
    if current is not None and current.kind == kind:
        if rest.strip():
            current.body.append((line.number, m.end()))
        return None, current
    turn = _turn(line, Label(kind, side="analyst" if kind == "question" else "management"), m.end())
    return turn, turn


def split_turns(doc: Document) -> list[Turn]:
    """Cut the document into speaker turns; lines before the first label belong to none."""
    lines = doc.lines
    content = [ln for ln in lines if ln.text.strip()]
    after = {a.number: b for a, b in zip(content, content[1:], strict=False)}
    turns: list[Turn] = []
    current: Turn | None = None
    for ln in lines:
        if not ln.text.strip():
            if _RULE.fullmatch(ln.original):
                current = None  # a horizontal rule ends the section, and the turn with it
            continue
        opened, going = _record_turn(ln, current)
        if going is not None:
            if opened is not None:
                turns.append(opened)
            current = going
            continue
        hit = _colon_label(ln)
        label, start = hit if hit else (_standalone_label(ln, after.get(ln.number)), len(ln.text))
        if label is not None:
            current = _turn(ln, label, start)
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
    m = vocab().question_re.match(head.strip(_LABEL_TRIM))
    return bool(m and m.group(1)) or bool(_NUMBERED.match(head) and re.search(r"\d", head))


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
    return "article"
