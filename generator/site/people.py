"""People and firms across every call: executives by company, analysts by firm, each with a page.

A person is one name across calls (the summary's aliases resolved); a firm is one canonical
name of the firms lexicon. Their pages' paths come from :mod:`generator.site.urls`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from generator.lexicon.firms import firms, match_key
from generator.model import QAExchange, Quote, Summary
from generator.site import urls
from generator.site.calls import Call, Year
from generator.site.urls import slug, unique_slugs


def person_key(name: str) -> str:
    """The identity of a person's or firm's name: NFKC, case-folded, single spaces."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name)).strip().casefold()


HANDFUL = 8
"""A person or firm seen in more calls than this gets an index page and a page per year."""


@dataclass
class Person:
    """A person across every call: an executive (quotes, answers) or an analyst (questions)."""

    key: str
    name: str
    side: str
    """management | analyst."""
    roles: list[str] = field(default_factory=list)
    firms: list[str] = field(default_factory=list)
    """Keys of the person's firms (see :class:`Firm`), most calls first."""
    companies: list[str] = field(default_factory=list)
    """Company ids, most calls first."""
    group: str = ""
    """Folder the page lives in: a company id (management) or a firm key (analysts)."""
    page: str = ""
    """The person's page (:func:`generator.site.urls.person`)."""
    split: bool = False
    """True when the person's items are on one page per year (seen in more than HANDFUL calls)."""
    quotes: list[tuple[Call, Quote]] = field(default_factory=list)
    answers: list[tuple[Call, QAExchange]] = field(default_factory=list)
    questions: list[tuple[Call, QAExchange]] = field(default_factory=list)

    def calls(self) -> list[Call]:
        """Every call the person's quotes, answers and questions come from."""
        items: list[tuple[Call, Any]] = [*self.quotes, *self.answers, *self.questions]
        return list({c.id: c for c, _ in items}.values())

    def year_page(self, year: Year) -> str:
        """The page of one year (only when :attr:`split`)."""
        return urls.year_page(self.page, year.name)


@dataclass
class Firm:
    """An analysts' firm (canonical, from the firms lexicon): every question asked by its people."""

    key: str
    name: str
    """The canonical name (firms lexicon), else the most used written form."""
    slug: str
    page: str
    variants: list[str] = field(default_factory=list)
    """Every form the summaries write the firm's name in, most used first."""
    analysts: list[Person] = field(default_factory=list)
    """Everyone who asked or took part under this firm (their page may be under another firm)."""
    questions: list[tuple[Call, QAExchange]] = field(default_factory=list)

    @property
    def split(self) -> bool:
        """True when the firm's questions are on one page per year."""
        return len({c.id for c, _ in self.questions}) > HANDFUL

    def year_page(self, year: Year) -> str:
        """The page of one year's questions (only when :attr:`split`)."""
        return urls.year_page(self.page, year.name)


UNKNOWN_FIRM = "未知机构"


def alias_map(summary: Summary) -> dict[str, str]:
    """Every way this summary names a participant -> the participant's canonical name."""
    out: dict[str, str] = {}
    for p in summary.participants:
        for alias in p.aliases:
            out.setdefault(person_key(alias), p.name)
    for p in summary.participants:
        out[person_key(p.name)] = p.name
    return out


def canonical(name: str, aliases: dict[str, str]) -> str:
    """The canonical name of ``name`` in one summary."""
    return aliases.get(person_key(name), name.strip())


class _People:
    """Accumulates people and firms over the calls."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.roles: dict[str, Counter[str]] = {}
        self.firms: dict[str, Counter[str]] = {}
        self.companies: dict[str, Counter[str]] = {}
        self.firm_names: dict[str, Counter[str]] = {}
        self.firm_canon: dict[str, str] = {}
        self.firm_questions: dict[str, list[tuple[Call, QAExchange]]] = {}
        self.canon = firms().by_key

    def person(self, name: str, side: str, call: Call) -> Person:
        key = person_key(name)
        p = self.people.get(key)
        if p is None:
            p = self.people[key] = Person(key=key, name=name.strip(), side=side)
        elif side == "management":
            p.side = "management"
        self.companies.setdefault(key, Counter())[call.company_id] += 1
        return p

    def firm(self, name: str | None) -> str:
        """The key of the firm written ``name`` (that of its canonical name), counting the form."""
        label = (name or "").strip() or UNKNOWN_FIRM
        canon = self.canon.get(match_key(label))
        key = match_key(canon or label) or person_key(label)
        self.firm_names.setdefault(key, Counter())[label] += 1
        if canon:
            self.firm_canon[key] = canon
        return key

    def add_call(self, call: Call) -> None:
        s = call.summary
        aliases = alias_map(s)
        for part in s.participants:
            if part.side not in ("management", "analyst"):
                continue
            p = self.person(part.name, part.side, call)
            if part.role:
                self.roles.setdefault(p.key, Counter())[part.role.strip()] += 1
            if part.firm and part.firm.strip():
                self.firms.setdefault(p.key, Counter())[self.firm(part.firm)] += 1
        for q in s.quotes:
            if q.speaker:
                self.person(canonical(q.speaker, aliases), "management", call).quotes.append((call, q))
        for qa in s.qa:
            for name in dict.fromkeys(canonical(n, aliases) for n in qa.answered_by):
                self.person(name, "management", call).answers.append((call, qa))
            if qa.firm or qa.asker:  # a question nobody is named for belongs to no firm's page
                firm_key = self.firm(qa.firm)
                self.firm_questions.setdefault(firm_key, []).append((call, qa))
            if qa.asker:
                p = self.person(canonical(qa.asker, aliases), "analyst", call)
                p.questions.append((call, qa))
                if qa.firm and qa.firm.strip():
                    self.firms.setdefault(p.key, Counter())[firm_key] += 1

    def firm_label(self, key: str) -> str:
        """The canonical name of a firm, else its most used written form."""
        return self.firm_canon.get(key) or _ranked(self.firm_names.get(key))[0]


def _ranked(counter: Counter[str] | None) -> list[str]:
    return [k for k, _ in sorted((counter or Counter()).items(), key=lambda kv: (-kv[1], kv[0]))]


@dataclass
class People:
    """Everyone across the calls, placed in folders."""

    people: list[Person]
    firms: list[Firm]

    def management(self) -> dict[str, list[Person]]:
        """Company id -> its executives, by name."""
        out: dict[str, list[Person]] = {}
        for p in self.people:
            if p.side == "management":
                out.setdefault(p.group, []).append(p)
        return dict(sorted(out.items()))

    def by_name(self) -> dict[str, Person]:
        """person_key -> Person."""
        return {p.key: p for p in self.people}

    def firm_by_key(self) -> dict[str, Firm]:
        """Firm key -> Firm."""
        return {f.key: f for f in self.firms}


def build_people(calls: list[Call]) -> People:
    """Executives, analysts and firms of all calls, each with a page path."""
    acc = _People()
    for call in sorted(calls, key=lambda c: (c.company_id, c.chrono_key())):
        acc.add_call(call)
    for p in acc.people.values():
        p.roles = _ranked(acc.roles.get(p.key))
        p.firms = _ranked(acc.firms.get(p.key))
        p.companies = _ranked(acc.companies.get(p.key))
        if p.side == "management":
            p.group = p.companies[0] if p.companies else "unknown"
        else:
            p.group = p.firms[0] if p.firms else acc.firm(None)
    labels = {k: acc.firm_label(k) for k in acc.firm_names}
    firm_slugs = unique_slugs(labels, {k: slug(v) for k, v in labels.items()})
    firms = {
        k: Firm(
            k,
            labels[k],
            firm_slugs[k],
            urls.firm(firm_slugs[k]),
            variants=_ranked(acc.firm_names[k]),
        )
        for k in labels
    }
    for k, questions in acc.firm_questions.items():
        firms[k].questions = questions
    groups: dict[str, list[Person]] = {}
    for p in acc.people.values():
        groups.setdefault(p.group, []).append(p)
    for group, members in groups.items():
        slugs = urls.person_slugs([m.key for m in members])
        if members[0].side == "management":
            folder = urls.management_folder(group)
        else:
            folder = urls.firm_folder(firms[group].slug)
        for m in members:
            m.split = len(m.calls()) > HANDFUL
            m.page = urls.person(folder, slugs[m.key], m.split)
    for p in acc.people.values():
        if p.side == "analyst":
            for key in p.firms or [p.group]:
                firms[key].analysts.append(p)
    for firm in firms.values():
        firm.analysts.sort(key=lambda p: p.key)
    people = sorted(acc.people.values(), key=lambda p: (p.side, p.group, p.key))
    return People(people, sorted(firms.values(), key=lambda f: f.slug))
