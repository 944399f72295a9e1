"""Participants: who speaks at the call, or is named as taking part, one entry per person.

Sources of evidence, all matched on ``Line.norm``:

* speaker labels (:mod:`generator.extract.turns`): name, role, firm;
* title + name in running text (``CFO徐宏``, ``淘天集团CEO戴珊表示``), counted when the
  sentence places them at the call or they speak;
* in articles, a name right before a speech verb (``吴泳铭表示``, ``蒋凡在财报电话会上提及``);
* an operator's introduction (``来自摩根士丹利的Gary Yu``, ``from Gary Yu of Morgan Stanley``).

A person named only in passing (a founder mentioned in the prose, the page's editor) is
not a participant. ``吴总`` and ``吳泳銘`` are aliases of ``吴泳铭``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator import lexicon
from generator.extract.turns import (
    ENGLISH_NAME,
    HAN,
    TRANSLITERATED_NAME,
    Label,
    best_role,
    canonical_firm,
    is_chinese_name,
    is_name,
    known_firm,
    parse_label,
    surname_alias,
    turn_text,
    vocab,
)
from generator.model import Company, Document, Participant, Turn
from generator.source import chinese

_ORG_PREFIX_TRIM = re.compile(r"^(?:以及|及|和|与|、|现任|前任|新任|时任|原|由)+")
_QUESTION_HINT = re.compile(r"[?]|请问|我的问题|想问|问一下|问题是|my question|could you|can you", re.I)


@dataclass
class Person:
    """A participant being assembled."""

    name: str
    side: str | None = None
    role: str | None = None
    firm: str | None = None
    org: str | None = None
    order: int = 0
    aliases: set[str] = field(default_factory=set)


@dataclass
class People:
    """The participants of one call, with a lookup from any name form to the person."""

    persons: list[Person]
    by_name: dict[str, Person]

    def find(self, name: str | None) -> Person | None:
        """The person written as ``name`` (canonical name or alias), or None."""
        return self.by_name.get(name) if name else None

    def participants(self) -> list[Participant]:
        """The model entries: management, analysts, then others, each in order of appearance."""
        rank = {"management": 0, "analyst": 1, "operator": 2, "other": 3}
        ordered = sorted(self.persons, key=lambda p: (rank.get(p.side or "other", 3), p.order))
        return [
            Participant(
                name=p.name,
                side=p.side or "other",
                role=p.role,
                firm=p.firm,
                aliases=sorted(a for a in p.aliases if a != p.name),
            )
            for p in ordered
        ]


def _words(name: str, key: str) -> list[str]:
    return [str(w) for w in lexicon.load(name)[key]]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _company_names() -> dict[str, str]:
    """Every company name (lower-cased) -> company id."""
    out: dict[str, str] = {}
    for cid, entry in lexicon.load("companies")["companies"].items():
        for name in [entry.get("name"), *entry.get("names", [])]:
            if name:
                out.setdefault(str(name).lower(), cid)
    return out


def _org_company(org: str | None) -> str | None:
    """The company id an affiliation or title prefix names, if any."""
    if not org:
        return None
    low = org.lower()
    names = _company_names()
    for name in sorted(names, key=len, reverse=True):
        if name in low:
            return names[name]
    return None


def _is_person_name(text: str) -> bool:
    low = text.lower()
    return is_name(text) and low not in _company_names() and known_firm(text) is None


# --- mentions in running text ------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A person named in running text."""

    name: str
    position: int
    role: str | None = None
    org: str | None = None
    speaks: bool = False
    at_call: bool = False
    alias: str | None = None


def _name_after(text: str, known: set[str]) -> str | None:
    """The personal name that starts ``text`` (after a title)."""
    m = re.match(ENGLISH_NAME, text) or re.match(TRANSLITERATED_NAME, text)
    if m and _is_person_name(m.group(0)):
        return m.group(0)
    followers = _words("speakers", "name_followers") + _words("speakers", "speech_verbs")
    followers += _words("speakers", "verb_adverbs")
    for size in (4, 3, 2):
        cand = text[:size]
        if cand in known:
            return cand
    for size in (3, 2, 4):
        cand, rest = text[:size], text[size:]
        if not is_chinese_name(cand) or not _is_person_name(cand):
            continue
        if not rest or not re.match(f"[{HAN}]", rest) or any(rest.startswith(f) for f in followers):
            return strip_adverb(cand, known)
    return None


def title_mentions(text: str, known: set[str]) -> list[Mention]:
    """``[org]title[兼title]name`` phrases in one line of text."""
    v = vocab()
    verbs = _alt(_words("speakers", "speech_verbs"))
    adverbs = _alt(_words("speakers", "verb_adverbs"))
    context = _alt(_words("speakers", "call_context") + ["出席", "参加", "主持", "出席了"])
    out = []
    pos = 0
    for m in v.role_re.finditer(text):
        if m.start() < pos:
            continue
        end = m.end()
        units = _alt(_words("speakers", "unit_words"))
        own = [m.group(0)]
        while True:
            nxt = re.match(r"\s*(?:兼|和|及|、|&)\s*", text[end:])
            follow = v.role_re.match(text, end + nxt.end()) if nxt else None
            if follow:
                own.append(follow.group(0))
            elif nxt and text[end : end + nxt.end()].strip() in ("兼", "、"):
                # 执行副总裁、百度智能云事业群总裁: the unit's title, not the person's own
                unit = re.match(rf"[{HAN}A-Za-z]{{1,12}}?(?:{units})", text[end + nxt.end() :])
                follow = v.role_re.match(text, end + nxt.end() + unit.end()) if unit else None
            if not follow:
                break
            end = follow.end()
        rest = text[end:].lstrip(" ")
        name = _name_after(rest, known)
        if not name:
            continue
        pos = end
        start = max(text.rfind(p, 0, m.start()) for p in ",。;!?:()( ")
        org = _ORG_PREFIX_TRIM.sub("", text[start + 1 : m.start()].strip()) or None
        after = rest[len(name) :]
        sentence = _sentence_around(text, m.start())
        speaks = bool(re.match(rf"(?:在[^,。;!?]{{1,16}}?[上中时里])?(?:{adverbs})*(?:{verbs})", after))
        at_call = bool(re.search(context, sentence, re.I))
        paren = re.match(rf"\s*[(]\s*({ENGLISH_NAME}|[{HAN}]{{2,4}})\s*[)]", after)
        alias = paren.group(1) if paren and is_name(paren.group(1)) else None
        out.append(Mention(name, m.start(), best_role("、".join(own)), org, speaks, at_call, alias))
    return out


def _sentence_around(text: str, index: int) -> str:
    start = max(text.rfind(p, 0, index) for p in "。!?;")
    ends = [i for i in (text.find(p, index) for p in "。!?;") if i >= 0]
    return text[start + 1 : min(ends) if ends else len(text)]


def strip_adverb(name: str, known: set[str] | frozenset[str] = frozenset()) -> str:
    """``曹菲还`` -> ``曹菲``, ``白鹏在`` -> ``白鹏``: a one-character adverb (还, 也, 则, 并, 均, …) or
    preposition (在, 于, 对, 向, 就) the pattern took as part of a name (``白鹏在回答提问时称``: 回答
    is a speech verb). A name the text already knows as it stands is kept."""
    if name in known or len(name) < 3:
        return name
    for word in sorted(_split_adverbs() | _prepositions(), key=lambda w: (-len(w), w)):
        short = name[: -len(word)]
        if name.endswith(word) and len(short) >= 2:
            return short if short in known or (is_chinese_name(short) and _is_person_name(short)) else name
    return name


def _split_adverbs() -> frozenset[str]:
    """Adverbs a name may run into (``对此``, ``还``)."""
    return frozenset(_words("speakers", "verb_adverbs"))


def _prepositions() -> frozenset[str]:
    return frozenset(w for w in _words("speakers", "name_prepositions") if len(w) == 1)


def speech_mentions(text: str, known: set[str] | frozenset[str] = frozenset()) -> list[Mention]:
    """Names right before a speech verb: ``吴泳铭表示``, ``蒋凡在财报电话会上提及``, ``曹菲还透露``."""
    verbs = _alt(_words("speakers", "speech_verbs"))
    adverbs = _alt(_words("speakers", "verb_adverbs"))
    context = _alt(_words("speakers", "call_context"))
    pattern = re.compile(
        rf"(?<![{HAN}])([{HAN}]{{2,4}}|{ENGLISH_NAME})\s*"
        rf"(在[^,。;!?\"“”]{{1,16}}?[上中时里])?(?:{adverbs})*(?:{verbs})"
    )
    out = []
    for m in pattern.finditer(text):
        name = strip_adverb(m.group(1), known)
        if _is_person_name(name):
            at_call = bool(m.group(2) and re.search(context, m.group(2), re.I))
            out.append(Mention(name, m.start(), speaks=True, at_call=at_call))
    return out


@dataclass(frozen=True)
class Asked:
    """An analyst's question told in prose (``高盛分析师Ronald Keung问及…``, ``有投资者问及…``)."""

    name: str | None
    """The asker, or None when the text does not name them."""
    firm: str | None
    start: int
    """Where the mention (firm included) starts in the text."""
    end: int
    """Where the asking verb ends."""


_LEAD_WORDS = re.compile(r"^(?:另有|还有|另外|此外|其中|而|另一位|一位|来自)+")


def _firm_before(pre: str) -> str | None:
    """The firm ending the words before ``分析师`` (``另有高盛`` -> 高盛)."""
    v = vocab()
    low = pre.lower()
    for written in sorted(v.firm_of, key=len, reverse=True):
        if low.endswith(written):
            return canonical_firm(pre[len(pre) - len(written) :])
    pre = _LEAD_WORDS.sub("", pre).strip(" 的")
    return canonical_firm(pre) if len(pre) >= 2 else None


def prose_questions(text: str) -> list[Asked]:
    """Analysts' questions told in prose: ``摩根士丹利分析师Gary Yu于会上问及…``."""
    v = vocab()
    ask = _alt(_words("speakers", "ask_verbs"))
    adverbs = _alt(_words("speakers", "verb_adverbs"))
    pattern = re.compile(
        rf"(?:^|(?<=[,。;:!?\s]))([^,。;:!?\s]{{0,16}}?)(?:{v.analyst_re.pattern})\s*"
        rf"({ENGLISH_NAME}|{TRANSLITERATED_NAME}|[{HAN}]{{2,4}}?)\s*(?:\([^)]{{1,30}}\)\s*)?"
        rf"(?:[在于][^,。;!?]{{0,12}}?[上中时])?(?:{adverbs})*(?:{ask})",
        re.I,
    )
    out = []
    for m in pattern.finditer(text):
        if is_name(m.group(2)):
            out.append(Asked(m.group(2), _firm_before(m.group(1)), m.start(), m.end()))
    return out


def unnamed_question(text: str) -> Asked | None:
    """A question whose asker the text leaves unnamed, opening the line (``另外,有投资者问及…``,
    ``另有分析师关心…``, ``摩根士丹利分析师问及…``: the firm kept)."""
    v = vocab()
    start = len(text) - len(text.lstrip())
    m = v.unnamed_ask_re.match(text)
    if m is not None:
        return Asked(None, None, start, m.end())
    ask = _alt(_words("speakers", "ask_verbs"))
    opener = _alt(_words("speakers", "ask_openers"))
    firm = re.match(
        rf"\s*(?:(?:{opener})\s*,?\s*)?([^,。;:!?\s]{{2,16}}?)(?:{v.analyst_re.pattern})\s*(?:{ask})(?!答)",
        text,
        re.I,
    )
    low = firm.group(1).lower() if firm else ""
    written = next((w for w in sorted(v.firm_of, key=len, reverse=True) if low.endswith(w)), None)
    if firm is None or written is None:
        return None  # the words before 分析师 must end in a firm of the lexicon
    return Asked(None, canonical_firm(firm.group(1)[len(low) - len(written) :]), start, firm.end())


def operator_intros(text: str) -> list[tuple[str, str]]:
    """(name, firm) pairs an operator announces."""
    out = []
    for m in re.finditer(rf"来自([^,。;!?的]{{2,16}}?)的\s*({ENGLISH_NAME}|[{HAN}]{{2,4}})", text):
        if is_name(m.group(2)):
            out.append((m.group(2), canonical_firm(m.group(1))))
    for m in re.finditer(
        rf"({ENGLISH_NAME})\s+(?:from|of|with)\s+([A-Z][A-Za-z.&' ]{{1,40}}?)(?=[,.;]|$)", text
    ):
        if is_name(m.group(1)):
            out.append((m.group(1), canonical_firm(m.group(2).strip())))
    return out


# --- lists of attendees -------------------------------------------------------------------

_BULLET = " \t·•*-—–>#"
_HONORIFIC = re.compile(r"(?<=[\u3400-\u9fffA-Za-z])\s*(?:先生|女士|博士)(?=\s*(?:$|[(,:\-–—\s]))")
"""``王小明先生``: a courtesy title after a name in a list of attendees."""
_ENTRY_SPLIT = re.compile(r"\s*[;]\s*")
_PIECE_SPLIT = re.compile(r"\s*[、,]\s*")


def attendee_entry(text: str) -> Label | None:
    """One attendee: ``董事长 赵晋荣``, ``赵晋荣 董事长``, ``Eric Shen(沈亚),董事长兼首席执行官``,
    ``Alicia Yap - 花旗``; a person with a role or a firm, else None."""
    text = _HONORIFIC.sub("", text.strip(_BULLET + "。."))
    if not text or len(text) > 60:
        return None
    label = parse_label(text)
    if label is not None and label.kind == "speech" and label.speaker and (label.role or label.firm):
        return label
    titled = _titles_then_name(text)
    if titled is not None:
        return titled
    name = rf"{ENGLISH_NAME}|{TRANSLITERATED_NAME}|[{HAN}]{{2,4}}"
    m = re.fullmatch(rf"({name})\s*(?:\(\s*({name})\s*\))?\s*(?:[,:\-–—]+\s*|\s+)(\S.*)", text)
    if m is None or not _is_person_name(m.group(1)):
        return None
    alias = m.group(2) if m.group(2) and is_name(m.group(2)) else None
    rest = m.group(3).strip(" ,。")
    firm = known_firm(rest)
    if firm:
        return Label("speech", m.group(1), "analyst", firm=canonical_firm(rest), alias=alias)
    titles = list(vocab().role_re.finditer(rest))
    if not titles or rest[titles[-1].end() :].strip():
        return None
    org = rest[: titles[0].start()].strip(" -—·,、") or None
    return Label("speech", m.group(1), "management", best_role(rest), org=org, alias=alias)


def _titles_then_name(text: str) -> Label | None:
    """``董事、执行委员会主席 陶海虹``: titles joined by 、/兼/和, then the name."""
    role_re = vocab().role_re
    first = role_re.search(text)
    if first is None or first.start() > 12:
        return None
    end = first.end()
    while True:
        joint = re.match(r"[\s兼和及、&,/]*", text[end:])
        follow = role_re.match(text, end + (joint.end() if joint else 0))
        if follow is None:
            break
        end = follow.end()
    name = text[end:].strip(" ,:")
    if not _is_person_name(name):
        return None
    org = text[: first.start()].strip(" -—·,、") or None
    return Label("speech", name, "management", best_role(text[first.start() : end]), org=org)


def _heading_rest(norm: str) -> str | None:
    """The text after an attendee heading (``出席人员:``, ``上市公司接待人员姓名:``), or None."""
    text = norm.strip(_BULLET)
    colon = text.find(":", 0, 30)
    if colon < 0:
        return None
    head = text[:colon].strip(_BULLET)
    headings = _words("speakers", "attendee_headings")
    if not any(h.lower() in head.lower() for h in headings):
        return None
    return text[colon + 1 :].strip(_BULLET)


def _split_entries(text: str) -> list[Label]:
    """The attendees listed on one line: ``;``-separated, else ``、``/``,``-separated when every
    piece is an attendee."""
    out = []
    for part in _ENTRY_SPLIT.split(text):
        entry = attendee_entry(part)
        if entry is not None:
            out.append(entry)
            continue
        pieces = [attendee_entry(p) for p in _join_titles(_PIECE_SPLIT.split(part)) if p.strip()]
        if pieces and all(pieces):
            out.extend(e for e in pieces if e is not None)
    return out


def _join_titles(pieces: list[str]) -> list[str]:
    """``公司董事``, ``副总裁张伟`` -> ``公司董事、副总裁张伟``: a piece holding only titles (after an
    organisation) belongs to the next."""
    role_re = vocab().role_re
    out: list[str] = []
    pending = ""
    for piece in pieces:
        if re.fullmatch(rf"[^\s]{{0,8}}?(?:(?:{role_re.pattern})[\s兼和及&/]*)+", piece.strip(), re.I):
            pending += piece.strip() + "、"
            continue
        out.append(pending + piece)
        pending = ""
    return out + ([pending.rstrip("、")] if pending else [])


def attendee_lists(doc: Document) -> list[tuple[int, Label]]:
    """(line, attendee) from lists under a heading: on the heading's line (``出席人员:董事长 赵晋荣;
    总裁 陶海虹``) or one per line below it, until a line that is no attendee."""
    out: list[tuple[int, Label]] = []
    lines = doc.content_lines()
    for i, ln in enumerate(lines):
        rest = _heading_rest(ln.norm)
        if rest is None:
            continue
        if rest:
            out.extend((ln.number, e) for e in _split_entries(rest))
            continue
        for below in lines[i + 1 :]:
            entries = _split_entries(below.norm)
            if not entries:
                break
            out.extend((below.number, e) for e in entries)
    return out


def name_pairs(doc: Document) -> list[tuple[str, str]]:
    """(Chinese name, English name) written as one person: ``沈亚(Eric Shen)``, ``Eric Shen(沈亚)``."""
    pairs = []
    for ln in doc.content_lines():
        for m in re.finditer(rf"({ENGLISH_NAME})\s*\(\s*([{HAN}]{{2,4}})\s*\)", ln.norm):
            if is_chinese_name(m.group(2)) and is_name(m.group(1)):
                pairs.append((m.group(2), m.group(1)))
        for m in re.finditer(rf"\(\s*({ENGLISH_NAME})\s*\)", ln.norm):
            run = re.search(f"[{HAN}]{{2,}}$", ln.norm[: m.start()].rstrip())
            if run is None or not is_name(m.group(1)):
                continue
            titles = list(vocab().role_re.finditer(run.group(0)))
            name = run.group(0)[titles[-1].end() :] if titles else run.group(0)
            for size in (3, 2, 4):
                cand = name[-size:]
                if len(cand) == size and is_chinese_name(cand) and _is_person_name(cand):
                    pairs.append((cand, m.group(1)))
                    break
    return pairs


# --- assembling --------------------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.persons: dict[str, Person] = {}

    def add(self, name: str, order: int, **facts: str | None) -> Person:
        person = self.persons.get(name)
        if person is None:
            person = self.persons[name] = Person(name=name, order=order)
        person.order = min(person.order, order)
        for key in ("side", "role", "firm", "org"):
            value = facts.get(key)
            if value and not getattr(person, key):
                setattr(person, key, value)
        return person


def _speaker_sides(doc: Document, turns: list[Turn], people: dict[str, Person], company: Company) -> None:
    """Decide the side of speakers whose label alone did not tell."""
    for person in people.values():
        if person.side:
            continue
        org_company = _org_company(person.org)
        if person.org and org_company != company.id:
            person.side, person.firm = "analyst", canonical_firm(person.org)
        elif person.org or person.role:
            person.side = "management"
    spoken = [t for t in turns if t.speaker and t.kind == "speech"]
    for person in people.values():
        if person.side:
            continue
        own = [t for t in spoken if t.speaker == person.name or t.speaker in person.aliases]
        questions = sum(1 for t in own if _QUESTION_HINT.search(turn_text(doc, t, norm=True)))
        person.side = "analyst" if own and questions * 2 > len(own) else "management"


def find_people(doc: Document, turns: list[Turn], kind: str, company: Company) -> People:
    """The call's participants, with every name form that refers to them."""
    builder = _Builder()
    use_turns = turns
    for t in use_turns:
        if t.speaker and t.kind in ("speech", "question", "answer") and not surname_alias(t.speaker):
            person = builder.add(t.speaker, t.line, side=t.side, role=t.role, firm=t.firm, org=t.org)
            if t.alias:
                person.aliases.add(t.alias)
    for number, entry in attendee_lists(doc):
        person = builder.add(entry.speaker or "", number, side=entry.side, role=entry.role, firm=entry.firm)
        if entry.alias:
            person.aliases.add(entry.alias)
    known = set(builder.persons)
    turn_lines = {n for t in use_turns for n, _ in t.body} | {t.line for t in use_turns}
    free = [ln for ln in doc.content_lines() if ln.number not in turn_lines]
    for ln in free:
        roster = _roster_entry(ln.norm)
        if roster is not None:
            person = builder.add(
                roster.speaker or "", ln.number, side=roster.side, role=roster.role, firm=roster.firm
            )
            if roster.alias:
                person.aliases.add(roster.alias)
            continue
        for mention in title_mentions(ln.norm, known):
            other = _org_company(mention.org)
            if other and company.id and other != company.id:
                continue
            if mention.name in known or mention.speaks or mention.at_call:
                person = builder.add(
                    mention.name, ln.number, side="management", role=mention.role, org=mention.org
                )
                if mention.alias:
                    person.aliases.add(mention.alias)
        for asked in prose_questions(ln.norm):
            if asked.name:
                builder.add(asked.name, ln.number, side="analyst", firm=asked.firm)
        if kind != "transcript":
            for mention in speech_mentions(ln.norm, known):
                if _spoken_for_other(ln.norm, mention, company):
                    continue
                builder.add(mention.name, ln.number, side="management")
    for t in turns:
        if t.kind == "operator" or (t.side == "operator"):
            for name, firm in operator_intros(turn_text(doc, t, norm=True)):
                builder.add(name, t.line, side="analyst", firm=firm)
    for person in builder.persons.values():
        if person.firm is None and person.side == "analyst" and person.org:
            person.firm = canonical_firm(person.org)
    _chinese_canonical(builder.persons, name_pairs(doc))
    _roles_said_in_turns(doc, turn_lines - {ln.number for ln in free}, builder.persons, company)
    _speaker_sides(doc, use_turns, builder.persons, company)
    by_name = _aliases(doc, builder.persons)
    if not is_traditional(doc):
        _names_as_written(builder.persons, by_name)
    persons = sorted(builder.persons.values(), key=lambda p: (p.order, p.name))
    return People(persons=persons, by_name=by_name)


def _roles_said_in_turns(
    doc: Document, lines: set[int], persons: dict[str, Person], company: Company
) -> None:
    """Roles of known speakers that only the speech names (the operator's ``投资者关系负责人Jessie
    Zheng女士``): a title before a name fills a role the labels left empty; nobody is added."""
    for number in sorted(lines):
        norm = doc.line(number).norm
        for mention in title_mentions(norm, set(persons)):
            person = persons.get(mention.name)
            other = _org_company(mention.org)
            if person is None or person.role or person.side not in (None, "management"):
                continue
            if other and company.id and other != company.id:
                continue
            person.role = mention.role


def _roster_entry(norm: str) -> Label | None:
    """A participant list line: ``Sandy Xu - 首席执行官``, ``Alicia Yap - 花旗``,
    ``- Eric Shen(沈亚),董事长兼首席执行官``."""
    text = norm.strip(" ·•*-")
    name = rf"(?:{ENGLISH_NAME}|[{HAN}]{{2,4}})"
    if not re.fullmatch(rf"{name}\s*(?:\([^)]{{2,30}}\)\s*)?[-–—:,]+\s*\S.{{0,40}}", text):
        return None
    label = attendee_entry(text)
    if label is None or label.kind != "speech" or not label.speaker or not (label.role or label.firm):
        return None
    return label


def _spoken_for_other(text: str, mention: Mention, company: Company) -> bool:
    """True when the speaker is introduced as someone of another company or as an analyst."""
    before = text[max(0, mention.position - 12) : mention.position]
    if vocab().analyst_re.search(before):
        return True
    other = _org_company(before)
    return bool(other and company.id and other != company.id)


def _chinese_canonical(persons: dict[str, Person], pairs: list[tuple[str, str]]) -> None:
    """One person under the Chinese name the text gives (``Eric Shen(沈亚)``: 沈亚, alias Eric Shen)."""
    chinese_of = dict((en, zh) for zh, en in pairs)
    for person in list(persons.values()):
        if not _ENGLISH_ONLY.fullmatch(person.name):
            continue
        zh = chinese_of.get(person.name) or next(
            (a for a in sorted(person.aliases) if is_chinese_name(a)), None
        )
        if zh is None:
            continue
        del persons[person.name]
        person.aliases.discard(zh)
        person.aliases.add(person.name)
        other = persons.get(zh)
        if other is None:
            person.name = zh
            persons[zh] = person
            continue
        other.aliases |= person.aliases
        other.order = min(other.order, person.order)
        for key in ("side", "role", "firm", "org"):
            if not getattr(other, key) and getattr(person, key):
                setattr(other, key, getattr(person, key))
    for zh, en in pairs:
        if zh in persons:
            persons[zh].aliases.add(en)


_ENGLISH_ONLY = re.compile(r"[A-Za-z][A-Za-z'’.\- ]*")


TRADITIONAL_SHARE = 0.1
"""A text is in Traditional script when more than this share of its Han characters change in
conversion to Simplified (a Simplified text changes almost none: a name's 甦, 乾)."""


def is_traditional(doc: Document) -> bool:
    """True when the text is written in Traditional script."""
    han = changed = 0
    for ln in doc.content_lines():
        for ch in re.findall(f"[{HAN}]", ln.text):
            han += 1
            changed += chinese.to_simplified(ch) != ch
    return han > 0 and changed / han > TRADITIONAL_SHARE


def _names_as_written(persons: dict[str, Person], by_name: dict[str, Person]) -> None:
    """In a Simplified text, a name keeps the characters it is written with (单甦, not 单苏):
    the one written form becomes the canonical name, the converted form an alias."""
    for key, person in list(persons.items()):
        written = [
            a for a in person.aliases if len(a) == len(person.name) and chinese.normalise(a) == person.name
        ]
        if len(written) != 1 or not re.fullmatch(f"[{HAN}]+", person.name):
            continue
        person.aliases = (person.aliases - {written[0]}) | {person.name}
        person.name = written[0]
        by_name.setdefault(written[0], person)
        del persons[key]
        persons[written[0]] = person


def _aliases(doc: Document, persons: dict[str, Person]) -> dict[str, Person]:
    """Map every name form to its person; record forms written differently in the source."""
    by_name = {p.name: p for p in persons.values()}
    for person in persons.values():
        for alias in person.aliases:
            by_name.setdefault(alias, person)
    by_surname: dict[str, list[Person]] = {}
    for person in persons.values():
        if person.side == "management" and re.match(f"[{HAN}]", person.name):
            by_surname.setdefault(person.name[0], []).append(person)
    for surname, group in by_surname.items():
        if len(group) == 1:
            by_name.setdefault(f"{surname}总", group[0])
    for ln in doc.content_lines():
        for name, person in list(by_name.items()):
            start = ln.norm.find(name)
            while start >= 0:
                written = ln.text[start : start + len(name)]
                if written != person.name:
                    person.aliases.add(written)
                if written != name:
                    by_name.setdefault(written, person)
                start = ln.norm.find(name, start + len(name))
    return by_name
