"""Participants: who speaks at the call, or is named as taking part, one entry per person.

Sources of evidence, all matched on ``Line.norm``:

* speaker labels (:mod:`generator.extract.labels`, via the turns): name, role, firm;
* lists of attendees (:mod:`generator.extract.roster`);
* title + name in running text (``CFO徐宏``, ``淘天集团CEO戴珊表示``), counted when the
  sentence places them at the call or they speak (:mod:`generator.extract.mentions`);
* in articles, a name right before a speech verb (``吴泳铭表示``, ``蒋凡在财报电话会上提及``);
* an operator's introduction (``来自摩根士丹利的Gary Yu``, ``from Gary Yu of Morgan Stanley``).

A person named only in passing (a founder mentioned in the prose, the page's editor) is
not a participant. ``吴总`` and ``吳泳銘`` are aliases of ``吴泳铭``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from generator.extract.mentions import (
    Mention,
    english_mentions,
    operator_intros,
    prose_questions,
    speech_mentions,
    title_mentions,
)
from generator.extract.names import canonical_firm, is_chinese_name, org_company, surname_alias
from generator.extract.roster import attendee_lists, name_pairs, roster_entry, roster_list
from generator.extract.speaker import Speaker, of_turn
from generator.extract.turns import qa_start, turn_text
from generator.extract.vocab import HAN, vocab
from generator.model import Company, Document, Participant, Turn
from generator.source import chinese


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


class _Builder:
    def __init__(self) -> None:
        self.persons: dict[str, Person] = {}

    def add(self, who: Speaker, order: int) -> Person:
        """The person ``who`` names, with the facts it tells that the person lacks so far."""
        name = who.name or ""
        person = self.persons.get(name)
        if person is None:
            person = self.persons[name] = Person(name=name, order=order)
        person.order = min(person.order, order)
        for key in ("side", "role", "firm", "org"):
            value = getattr(who, key)
            if value and not getattr(person, key):
                setattr(person, key, value)
        if who.alias:
            person.aliases.add(who.alias)
        return person


def _speaker_sides(
    doc: Document, turns: list[Turn], people: dict[str, Person], company: Company, qa_line: int | None
) -> None:
    """Decide the side of speakers whose label alone did not tell: an affiliation with another
    company makes an analyst; a speaker of the prepared remarks (before the Q&A heading) is
    management; else one who mostly asks is an analyst."""
    for person in people.values():
        if person.side:
            continue
        if person.org and org_company(person.org) != company.id:
            person.side, person.firm = "analyst", canonical_firm(person.org)
        elif person.org or person.role:
            person.side = "management"
    spoken = [t for t in turns if t.speaker and t.kind == "speech"]
    hint = vocab().question_hint_re
    for person in people.values():
        if person.side:
            continue
        own = [t for t in spoken if t.speaker == person.name or t.speaker in person.aliases]
        if qa_line is not None and own and own[0].line < qa_line:
            person.side = "management"
            continue
        questions = sum(1 for t in own if hint.search(turn_text(doc, t, norm=True)))
        person.side = "analyst" if own and questions * 2 > len(own) else "management"


def _of_this_company(org: str | None, company: Company) -> bool:
    """True when a title's organisation names the call's own company (``长城汽车董事长魏建军``):
    in an article, its titled executive counts even when the sentence does not quote them."""
    if not org:
        return False
    if company.id:
        return org_company(org) == company.id
    name = chinese.to_simplified(company.name or "")
    return len(name) >= 2 and name in chinese.to_simplified(org)


def _of_other_company(org: str | None, company: Company) -> bool:
    other = org_company(org)
    return bool(other and company.id and other != company.id)


def _from_free_line(
    builder: _Builder, norm: str, number: int, known: set[str], kind: str, company: Company
) -> list[Speaker]:
    """The participants a line outside any turn names: a roster line, else titled names that speak
    or attend, analysts asking in prose and (outside transcripts) names before a speech verb.
    Returns the titled people the line names without making them speak (``chief executive
    officer Rick Tsai``): :func:`_quoted_by_surname` may find them speaking later."""
    silent: list[Speaker] = []
    roster = roster_entry(norm)
    if roster is not None:
        builder.add(replace(roster, org=None), number)
        return silent
    listed = roster_list(norm)
    for entry in listed:
        if not _of_other_company(entry.org, company):
            builder.add(replace(entry, org=None), number)
    if listed:
        return silent
    for mention in title_mentions(norm, known):
        if _of_other_company(mention.who.org, company):
            continue
        if mention.who.name in known or mention.speaks or mention.at_call:
            builder.add(replace(mention.who, side="management"), number)
        else:
            silent.append(replace(mention.who, side="management"))
    for mention in english_mentions(norm):
        if _of_other_company(mention.who.org, company):
            continue
        if mention.speaks or mention.at_call:
            builder.add(replace(mention.who, side=mention.who.side or "management", org=None), number)
    for asked in prose_questions(norm):
        if asked.who.name:
            builder.add(asked.who, number)
    if kind != "transcript":
        for mention in speech_mentions(norm, known):
            if not _spoken_for_other(norm, mention, company):
                builder.add(replace(mention.who, side="management"), number)
    return silent


def _quoted_by_surname(doc: Document, silent: list[tuple[int, Speaker]], builder: _Builder) -> None:
    """A titled person named once in full and then quoted by the surname alone (``chief executive
    officer Rick Tsai`` … ``Tsai said``) speaks at the call: added, when one such person has the
    surname."""
    v = vocab()
    verb = v.english_said
    by_last: dict[str, list[tuple[int, Speaker]]] = {}
    for number, who in silent:
        if who.name and _ENGLISH_ONLY.fullmatch(who.name) and " " in who.name:
            by_last.setdefault(who.name.split()[-1], []).append((number, who))
    for last, group in by_last.items():
        if len({who.name for _, who in group}) != 1:
            continue
        name = re.escape(last)
        said = re.compile(rf"(?<![A-Za-z]){name}\s+{verb}|{verb}\s+{name}(?![A-Za-z])")
        if any(said.search(ln.norm) for ln in doc.content_lines()):
            builder.add(group[0][1], group[0][0])


def find_people(doc: Document, turns: list[Turn], kind: str, company: Company) -> People:
    """The call's participants, with every name form that refers to them."""
    builder = _Builder()
    for t in turns:
        if t.speaker and t.kind in ("speech", "question", "answer") and not surname_alias(t.speaker):
            builder.add(of_turn(t), t.line)
    for number, entry in attendee_lists(doc):
        builder.add(replace(entry, org=None), number)  # a list's organisation is not recorded
    known = set(builder.persons)
    turn_lines = {n for t in turns for n, _ in t.body} | {t.line for t in turns}
    free = [ln for ln in doc.content_lines() if ln.number not in turn_lines]
    silent: list[tuple[int, Speaker]] = []
    for ln in free:
        named = _from_free_line(builder, ln.norm, ln.number, known, kind, company)
        silent += [(ln.number, who) for who in named]
    _quoted_by_surname(doc, silent, builder)
    if kind != "transcript":
        for number, who in silent:
            if _of_this_company(who.org, company):
                builder.add(replace(who, org=None), number)
    for number in sorted(turn_lines - {ln.number for ln in free}):
        norm = doc.line(number).norm
        for mention in english_mentions(norm) + title_mentions(norm, known):
            if mention.at_call and not _of_other_company(mention.who.org, company):
                # the host's "With us are Joe Tsai, Chairman; Chief Executive Officer Eddie Wu"
                builder.add(replace(mention.who, side=mention.who.side or "management", org=None), number)
    for t in turns:
        if t.kind == "operator" or (t.side == "operator"):
            for analyst in operator_intros(turn_text(doc, t, norm=True)):
                builder.add(analyst, t.line)
    for person in builder.persons.values():
        if person.firm is None and person.side == "analyst" and person.org:
            person.firm = canonical_firm(person.org)
    for name in [n for n in builder.persons if surname_alias(n)]:
        del builder.persons[name]  # "张先生", "Mr. Cook": a short form, an alias at most (see _aliases)
    for name in _not_participants(doc, builder.persons, company):
        del builder.persons[name]
    _chinese_canonical(builder.persons, name_pairs(doc))
    _roles_said_in_turns(doc, turn_lines - {ln.number for ln in free}, builder.persons, company)
    _speaker_sides(doc, turns, builder.persons, company, qa_start(doc))
    by_name = _aliases(doc, builder.persons)
    if not is_traditional(doc):
        _names_as_written(builder.persons, by_name)
    persons = sorted(builder.persons.values(), key=lambda p: (p.order, p.name))
    return People(persons=persons, by_name=by_name)


def _not_participants(doc: Document, persons: dict[str, Person], company: Company) -> list[str]:
    """Names that are no participant of the call: the call's own company, quoted as a speaker
    (``ICICI Bank``, ``Budweiser APAC`` of Budweiser Brewing Company APAC: every word of the name
    is a word of the company's), and the page's own writers (:func:`_page_writers`). A speech
    verb run into a name (``莫斌称``) is cut where names are read (``vocab.name_endings``)."""
    own = (company.name or "").casefold()
    own_words = set(own.split())
    out = [
        name
        for name in persons
        if own and (name.casefold() == own or (" " in name and set(name.casefold().split()) <= own_words))
    ]
    writers = _page_writers(doc, set(persons) - set(out))
    return out + sorted(writers)


def _page_writers(doc: Document, names: set[str]) -> set[str]:
    """The names the page gives a writer's role (``speakers.page_writers``): a byline over its
    role (``Eric Lee`` on one line, ``Editor`` on the next one), or the role right before the name
    (``TheStreet's tech columnist, Eric Lee,``, ``记者 张三``). One pass over the lines."""
    role = vocab().page_writer_re
    lines = [t for t in (ln.norm.strip() for ln in doc.content_lines()) if t]
    found: set[str] = set()
    for i, text in enumerate(lines):
        if text in names:
            j = i + 1
            while j < len(lines) and lines[j] == text:
                j += 1
            if j < len(lines) and role.fullmatch(lines[j]):
                found.add(text)
        for m in role.finditer(text):
            after = re.sub(r"^[\s,:|丨/]+", "", text[m.end() : m.end() + 40])
            found.update(
                n
                for n in names
                if after.startswith(n) and after[len(n) : len(n) + 1] in ("", " ", ",", ".", "(", "，")
            )
    return found


def _roles_said_in_turns(
    doc: Document, lines: set[int], persons: dict[str, Person], company: Company
) -> None:
    """Roles of known speakers that only the speech names (the operator's ``投资者关系负责人Jessie
    Zheng女士``, ``Lydia Liu, Head of Investor Relations``): a title before or after a name fills a
    role the labels left empty; nobody is added."""
    for number in sorted(lines):
        norm = doc.line(number).norm
        for mention in title_mentions(norm, set(persons)) + english_mentions(norm):
            person = persons.get(mention.who.name or "")
            if person is None or person.role or person.side not in (None, "management"):
                continue
            if _of_other_company(mention.who.org, company):
                continue
            person.role = mention.who.role


def _spoken_for_other(text: str, mention: Mention, company: Company) -> bool:
    """True when the speaker is introduced as someone of another company or as an analyst."""
    before = text[max(0, mention.position - 12) : mention.position]
    if vocab().analyst_re.search(before):
        return True
    return _of_other_company(before, company)


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
        chars = "".join(re.findall(f"[{HAN}]", ln.text))
        simplified = chinese.to_simplified(chars)  # one call per line, not one per character
        han += len(chars)
        if len(simplified) == len(chars):
            changed += sum(map(str.__ne__, chars, simplified))
        else:
            changed += sum(chinese.to_simplified(ch) != ch for ch in chars)
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
            for title in vocab().words.surname_titles:
                by_name.setdefault(f"{surname}{title}", group[0])
    by_last: dict[str, list[Person]] = {}
    for person in persons.values():
        if _ENGLISH_ONLY.fullmatch(person.name) and " " in person.name:
            by_last.setdefault(person.name.split()[-1], []).append(person)
    for last, group in by_last.items():
        if len(group) == 1:  # "Mr. Cook" for Tim Cook, when one participant has the name
            for prefix in vocab().words.name_prefixes:
                by_name.setdefault(f"{prefix} {last}", group[0])
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
