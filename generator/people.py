"""Participants: who speaks at the call, or is named as taking part, one entry per person.

Sources of evidence, all matched on ``Line.norm``:

* speaker labels (:mod:`generator.turns`): name, role, firm;
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
from generator.model import Company, Document, Participant, Turn
from generator.turns import (
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
            return cand
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
        while True:
            nxt = re.match(r"\s*(?:兼|和|及|、|&)\s*", text[end:])
            follow = v.role_re.match(text, end + nxt.end()) if nxt else None
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
        out.append(Mention(name, m.start(), best_role(text[m.start() : end]), org, speaks, at_call, alias))
    return out


def _sentence_around(text: str, index: int) -> str:
    start = max(text.rfind(p, 0, index) for p in "。!?;")
    ends = [i for i in (text.find(p, index) for p in "。!?;") if i >= 0]
    return text[start + 1 : min(ends) if ends else len(text)]


def speech_mentions(text: str) -> list[Mention]:
    """Names right before a speech verb: ``吴泳铭表示``, ``蒋凡在财报电话会上提及``."""
    verbs = _alt(_words("speakers", "speech_verbs"))
    adverbs = _alt(_words("speakers", "verb_adverbs"))
    context = _alt(_words("speakers", "call_context"))
    pattern = re.compile(
        rf"(?<![{HAN}])([{HAN}]{{2,4}}|{ENGLISH_NAME})\s*"
        rf"(在[^,。;!?\"“”]{{1,16}}?[上中时里])?(?:{adverbs})*(?:{verbs})"
    )
    out = []
    for m in pattern.finditer(text):
        name = m.group(1)
        if _is_person_name(name):
            at_call = bool(m.group(2) and re.search(context, m.group(2), re.I))
            out.append(Mention(name, m.start(), speaks=True, at_call=at_call))
    return out


@dataclass(frozen=True)
class Asked:
    """An analyst's question told in prose (``高盛分析师Ronald Keung问及…``)."""

    name: str
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
    known = set(builder.persons)
    turn_lines = {n for t in use_turns for n, _ in t.body} | {t.line for t in use_turns}
    free = [ln for ln in doc.content_lines() if ln.number not in turn_lines]
    for ln in free:
        roster = _roster_entry(ln.norm)
        if roster is not None:
            builder.add(roster.speaker or "", ln.number, side=roster.side, role=roster.role, firm=roster.firm)
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
            builder.add(asked.name, ln.number, side="analyst", firm=asked.firm)
        if kind != "transcript":
            for mention in speech_mentions(ln.norm):
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
    _speaker_sides(doc, use_turns, builder.persons, company)
    by_name = _aliases(doc, builder.persons)
    persons = sorted(builder.persons.values(), key=lambda p: (p.order, p.name))
    return People(persons=persons, by_name=by_name)


def _roster_entry(norm: str) -> Label | None:
    """A participant list line: ``Sandy Xu - 首席执行官`` or ``Alicia Yap - 花旗``."""
    text = norm.strip(" ·•-")
    if not re.fullmatch(rf"(?:{ENGLISH_NAME}|[{HAN}]{{2,4}})\s*[-–—:]+\s*\S.{{0,40}}", text):
        return None
    label = parse_label(text.replace(":", " - ", 1) if ":" in text else text)
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
