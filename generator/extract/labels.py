"""Speaker labels: what the text before a colon (or a line of its own) says about who speaks.

A *label* opens a turn: ``徐宏:``, ``瑞士信贷分析师Kenneth Fong:``, ``吴泳铭(CEO):``,
``主持人|投资者关系主管 刘丽娣(Lidia Liu):``, ``Q1:`` / ``回答:``, ``问:`` / ``答:``, or a line
holding only a speaker (``Sidney Huang - JD.com, Inc.``, ``Operator``). Matching runs on
``Line.norm`` (simplified, half-width), so full-width colons and Traditional text work alike.
Every word that decides what a label is comes from the ``titles``, ``firms`` and ``speakers``
lexicons (:mod:`generator.extract.vocab`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from generator.extract.names import (
    best_role,
    canonical_firm,
    is_name,
    is_person_name,
    known_firm,
    surname_alias,
)
from generator.extract.speaker import Speaker
from generator.extract.vocab import ANY_NAME, ENGLISH_NAME, vocab
from generator.model import Line, Turn

LABEL_TRIM = " \t*#>【】[]「」"
MAX_LABEL = 48
MAX_DASHED_LABEL = 96
"""A longer label is read only as ``Name - Company - Title``: a person's name, dashes, and
an affiliation that names a title or says analyst (LSEG / Refinitiv speaker lines)."""
NUMBERED = re.compile(r"[【\[]\s*([^】\]]{1,12}?)\s*[】\]]\s*(.+)")
"""``【问题1】rest``: a bracketed Q/A marker before the person."""
BRACKETS = re.compile(r"[(\[（【][^)\]）】]*[)\]）】]")


@dataclass(frozen=True)
class Label:
    """What a speaker label says: the kind of turn it opens and who speaks."""

    kind: str
    """speech | question | answer | operator."""
    who: Speaker = field(default_factory=Speaker)
    narrated: bool = False
    """The writer's narration (``分析师``, ``魏哲家回答``), see :attr:`Turn.narrated`."""


def with_person(kind: str, inner: Label | None, narrated: bool = False) -> Label:
    """A Q/A marker label carrying the person its brackets name (``答(孙洁)``, ``Q: [高盛 Tina Hou]``)."""
    if inner is None:
        return Label(kind, narrated=narrated)
    side = inner.who.side or ("analyst" if kind == "question" else "management")
    return Label(kind, replace(inner.who, side=side), narrated)


def _management(role_text: str, name: str | None = None, org: str | None = None) -> Label:
    return Label("speech" if name else "answer", Speaker(name, "management", best_role(role_text), org=org))


def _narrated_answer(core: str) -> Label | None:
    """``魏哲家回答`` / ``黄仁昭补充``: a name followed by an answering verb."""
    m = vocab().answer_verb_re.fullmatch(core)
    if m is None or not is_name(m.group(1)):
        return None
    return Label("answer", Speaker(m.group(1), "management"), narrated=True)


def _role_answer(core: str) -> Label | None:
    """``董秘回复`` / ``董事会秘书回答``: a title alone, then an answering verb (a record's answer marker)."""
    m = vocab().answer_verb_re.fullmatch(core)
    if m is None or not vocab().role_re.fullmatch(m.group(1)):
        return None
    return _management(m.group(1))


def _titled(core: str, alias: str | None) -> Label | None:
    """``淘天集团CEO戴珊``, ``首席执行官兼董事长 王小明``: titles, then the name."""
    v = vocab()
    titles = list(v.role_re.finditer(core))
    name = core[titles[-1].end() :].strip(" -—:·") or alias or ""
    joints = [core[a.end() : b.start()] for a, b in zip(titles, titles[1:], strict=False)]
    if not is_name(name) or any(j.strip(f" {v.joints}、&,/") for j in joints):
        return None
    org = core[: titles[0].start()].strip(" -—·") or None
    return Label("speech", Speaker(name, "management", best_role(core), org=org, alias=alias))


def _analyst(core: str, m: re.Match[str], firm: str | None, alias: str | None) -> Label | None:
    """``瑞士信贷分析师Kenneth Fong``, or an unnamed ``高盛分析师`` (the writer's way of saying
    "a question")."""
    name = core[m.end() :].strip(" -—:·") or alias or ""
    before = core[: m.start()].strip(" -—·的")
    if not name and (not before or known_firm(before)):
        firm = canonical_firm(before) if before else firm
        return Label("question", Speaker(side="analyst", firm=firm), narrated=True)
    if not is_name(name):
        return None
    return Label("speech", Speaker(name, "analyst", firm=canonical_firm(before) if before else firm))


def _person(core: str, extra: str | None) -> Label | None:
    """Parse the person part of a label (no Q/A marker); ``extra`` is a parenthetical."""
    v = vocab()
    core = core.strip(" -—:")
    alias = role = firm = None
    analyst = False
    if core.lower() in v.operators:
        return Label("operator", Speaker(side="operator"))  # "Operator (participant)" too
    if extra:
        extra = extra.strip()
        if known_firm(extra):
            firm = canonical_firm(extra)
        elif is_name(extra):
            alias = extra
        else:
            role = best_role(extra)
            analyst, firm = analyst_firm(extra) if role is None else (False, None)
            if role is None and not analyst:
                return None
    if extra is None and (answer := _role_answer(core)) is not None:
        return answer
    if extra is None and v.role_re.fullmatch(core):
        return _management(core)  # "董秘:", a title alone
    m = re.fullmatch(rf"({ENGLISH_NAME})\s*(?:[-–—]+|,)\s*(.+)", core)
    if m:
        return _affiliated(m.group(1), m.group(2).strip(), alias)
    m = v.analyst_re.search(core)
    if m:
        return _analyst(core, m, firm, alias)
    if v.role_re.search(core):
        return _titled(core, alias)
    for written in v.firms_longest:
        if core.lower().startswith(written) and is_name(core[len(written) :].strip()):
            name = core[len(written) :].strip()
            return Label("speech", Speaker(name, "analyst", firm=canonical_firm(written)))
    if is_name(core) or surname_alias(core):
        side = "analyst" if firm or analyst else ("management" if role else None)
        return Label("speech", Speaker(core, side, role, firm, alias=alias))
    return _narrated_answer(core) if extra is None else None


_DASHES = re.compile(r"\s+[-–—]+\s+|\s*[-–—]{2,}\s*")
"""The separator of a label's parts: `` -- ``, `` - ``, `` — ``."""


def analyst_firm(text: str) -> tuple[bool, str | None]:
    """Whether ``text`` (a label's affiliation) says analyst, and the firm it names without the
    analyst word: ``Citibank Analyst`` -> (True, Citibank), ``Citigroup`` -> (True, Citigroup) as
    a firm of the lexicon, ``Analyst`` -> (True, None), ``CFO`` -> (False, None)."""
    v = vocab()
    found = v.analyst_re.search(text)
    rest = (v.analyst_re.sub(" ", text) if found else text).strip(" -—–,·")
    rest = re.sub(r"^(?:an?|the)\s+|\s+(?:at|of|from|with)$|^(?:at|of|from|with)\s+", "", rest).strip()
    if known_firm(rest):
        return True, canonical_firm(rest)
    if found:
        return True, canonical_firm(rest) if rest and not v.role_re.search(rest) else None
    return False, None


def _affiliated(name: str, aff: str, alias: str | None) -> Label | None:
    """A name and what follows it after dashes or a comma: ``Alicia Yap -- Citigroup -- Analyst``,
    ``Alicia Yap, Citibank Analyst`` (an analyst and the firm), ``Sidney Huang - JD.com, Inc. -
    CFO``, ``Leaf Li -- Chairman and Chief Executive Officer`` (a manager, the company kept as
    ``org``), ``Sidney Huang - JD.com, Inc.`` (an affiliation alone: the side decided later)."""
    if not is_person_name(name):
        return None  # "CLP Holdings Limited - Director of IR": a company's line, no person
    parts = [p.strip() for p in _DASHES.split(aff) if p.strip()]
    firm: str | None = None
    analyst = False
    for part in parts:
        said, named = analyst_firm(part)
        analyst = analyst or said
        firm = firm or named
    if analyst:
        if firm is None:  # "-- Foo Capital -- Analyst": the part that is no analyst word is the firm
            others = [p for p in parts if not vocab().analyst_re.search(p) and not vocab().role_re.search(p)]
            firm = canonical_firm(others[0]) if others else None
        return Label("speech", Speaker(name, "analyst", firm=firm, alias=alias))
    role = best_role(aff)
    if role:
        org = next((p for p in parts if not vocab().role_re.search(p)), None)
        return Label("speech", Speaker(name, "management", role, org=org, alias=alias))
    return Label("speech", Speaker(name, None, org=aff, alias=alias))


def marker_kind(text: str) -> str | None:
    """question / answer when ``text`` is exactly a Q/A marker (``Q1``, ``问题2``, ``答``)."""
    v = vocab()
    if v.question_re.fullmatch(text):
        return "question"
    if v.answer_re.fullmatch(text):
        return "answer"
    return None


def _comma_label(text: str) -> Label | None:
    """``赵佳臻,拼多多执行董事、联席CEO``: a name, a comma, then the person's titles."""
    m = re.fullmatch(rf"({ANY_NAME})\s*,\s*([^,。;!?:]{{2,30}})", text)
    if m is None or not is_name(m.group(1)):
        return None
    titles = list(vocab().role_re.finditer(m.group(2)))
    if not titles:
        analyst, firm = analyst_firm(m.group(2))  # "Alicia Yap, Citibank Analyst"
        return Label("speech", Speaker(m.group(1), "analyst", firm=firm)) if analyst else None
    org = m.group(2)[: titles[0].start()].strip(" -—·") or None
    return _management(m.group(2), m.group(1), org)


def _marked(text: str) -> Label | None:
    """``Q1``, ``答(孙洁)``, ``答(董秘)``: a Q/A marker, with the person its brackets name."""
    v = vocab()
    for kind, marker in (("question", v.question_re), ("answer", v.answer_re)):
        m = marker.fullmatch(text)
        if m:
            inner = parse_inner(m.group(2)) if m.group(2) else None
            if inner is None and kind == "answer" and m.group(2) and v.role_re.fullmatch(m.group(2).strip()):
                return _management(m.group(2))  # 答(董秘)
            return with_person(kind, inner)
    return None


def _parts(parts: list[str]) -> Label | None:
    """``主持人|投资者关系主管 刘丽娣``, ``Q|高盛 Tina Hou``: parts joined by ``|``, the person last."""
    v = vocab()
    person_part = parts[-1]
    markers = [p for p in parts[:-1] if marker_kind(p)]
    if markers and len(parts) == 2:
        inner = parse_inner(person_part)
        if inner is not None:
            return with_person(str(marker_kind(markers[0])), inner)
    extra_roles = " ".join(parts[:-1])
    m = re.fullmatch(r"(.+?)\s*[(\[](.+?)[)\]]", person_part)
    core, extra = (m.group(1), m.group(2)) if m else (person_part, None)
    label = _person(core, extra)
    if label is None and extra_roles:
        return None
    if label is not None and extra_roles and label.kind == "speech":
        # "主持人|投资者关系主管 刘丽娣": the parts before "|" must be roles, not a headline.
        role = label.who.role or best_role(extra_roles)
        host = any(p.lower() in v.operators for p in parts[:-1])
        if role is None and not host:
            return None
        side = label.who.side or ("management" if role else "operator")
        return Label("speech", replace(label.who, side=side, role=role))
    return label


def parse_label(raw: str) -> Label | None:
    """Parse a speaker label (the text before the colon), or None when it is not one."""
    numbered = NUMBERED.fullmatch(raw.strip(" \t*#>"))
    if numbered and marker_kind(numbered.group(1)):
        # "【问题1】摩根大通分析师Alex Yao": a numbered marker before the person.
        return with_person(str(marker_kind(numbered.group(1))), parse_inner(numbered.group(2)))
    text = raw.strip(LABEL_TRIM)
    if len(text) > MAX_LABEL:
        return _long_dashed(text)
    if not text or text.lower() in vocab().not_labels:
        return None
    comma = _comma_label(text)
    if comma is not None:
        return comma
    head = re.split(r"\s+[-–—]+\s+", text, maxsplit=1)[0]
    if re.search(r"[,。;!?、\"“”《》]|https?", BRACKETS.sub("", head)):
        return None
    marked = _marked(text)
    if marked is not None:
        return marked
    parts = [p for p in re.split(r"\s*\|\s*", text) if p]
    return _parts(parts) if parts else None  # only separators before the colon: no label


def _long_dashed(text: str) -> Label | None:
    """``Diana Cesar - Hang Seng Bank Ltd - Chief Executive Officer, Executive Director``: a label
    over :data:`MAX_LABEL`, kept only when a name opens it and its affiliation names a title or
    an analyst (never a bare affiliation, which a sentence with a dash could also give)."""
    if len(text) > MAX_DASHED_LABEL:
        return None
    m = re.fullmatch(rf"({ENGLISH_NAME})\s+[-–—]+\s+(.+)", text)
    name, aff = (m.group(1), m.group(2)) if m else _name_then_firm(text)
    if not name or not is_person_name(name) or re.search(r"[.!?;:]\s|[。!?;]", aff):
        return None
    label = _affiliated(name, aff.strip(), None)
    if label is None or label.who.side not in ("management", "analyst"):
        return None
    return label


def _name_then_firm(text: str) -> tuple[str, str]:
    """``Praveen Kumar Choudhary Morgan Stanley, Research Division - MD``: no dash between the
    name and the firm, so the name is what stands before a firm of the lexicon; ("", "") when
    no firm follows a name."""
    head = re.split(r"\s+[-–—]+\s+", text, maxsplit=1)[0]
    lower = head.lower()
    for written in vocab().firms_longest:
        for after in (" ", ","):
            at = lower.find(" " + written + after)
            if at > 0 and re.fullmatch(ENGLISH_NAME, text[:at]):
                return text[:at], text[at + 1 :]
    return "", ""


def parse_inner(text: str) -> Label | None:
    """The person inside a Q/A marker's brackets or after it: a speaker's label, or a firm and a name."""
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
            return Label("speech", Speaker(name, "analyst", firm=canonical_firm(firm)))
    return None


def open_turn(line: Line, label: Label, start: int) -> Turn:
    """The turn a label opens on ``line``; its speech starts at ``start`` (if any is left there)."""
    who = label.who
    turn = Turn(
        line=line.number,
        label=line.norm.strip()[:MAX_LABEL],
        kind=label.kind,
        speaker=who.name,
        side=who.side,
        role=who.role,
        firm=who.firm,
        org=who.org,
        alias=who.alias,
        narrated=label.narrated,
    )
    if line.text[start:].strip():
        turn.body.append((line.number, start))
    return turn
