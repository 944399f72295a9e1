"""Analyst exchanges: one per question, with its follow-ups and the answers.

A question turn (an analyst's label or a digest's ``Q``/``问``) opens an exchange. It
stays in the current one when the same analyst asks again, or when it answers a
management clarification (``对,…`` after a turn that ends with a question mark).
``answered_by`` lists the management speakers in order of first answer; ``answers`` holds each
answer's speaker, its opening words (verbatim from the line's original text) and its line.
"""

from __future__ import annotations

import re

from generator.extract.mentions import Asked, prose_questions, unnamed_question
from generator.extract.people import People
from generator.extract.topics import tag
from generator.extract.turns import turn_text
from generator.extract.vocab import vocab
from generator.lexicon.words import alternation
from generator.model import ANSWER_MAX, Answer, Document, Line, QAExchange, Turn

QUESTION_MAX = 200


def first_sentences(text: str, limit: int = QUESTION_MAX) -> str:
    """The opening sentences of ``text`` that fit in ``limit`` characters (cut with … if one does not)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    ends = [m.end() for m in re.finditer(r"[。!?!?;;]|\.(?=\s)", text) if m.end() <= limit]
    return text[: ends[-1]].strip() if ends else text[: limit - 1].rstrip() + "…"


_SENTENCE_END = re.compile(r"[。!?!?;;…]+[”」』\"')]?|\.(?=\s)")
_CLAUSE_END = re.compile(r"[,,、::]")


def extract_end(text: str, start: int, end: int, limit: int = ANSWER_MAX) -> int:
    """Where the extract of ``text[start:end]`` stops: after the last whole sentence that fits in
    ``limit`` characters, else after the last clause that does, else at ``limit``."""
    stop = min(end, start + limit)
    if end - start <= limit:
        return end
    sentences = [m.end() for m in _SENTENCE_END.finditer(text, start, stop)]
    if sentences:
        return sentences[-1]
    clauses = [m.start() for m in _CLAUSE_END.finditer(text, start, stop) if m.start() - start >= limit // 3]
    return clauses[-1] if clauses else stop


def answer_at(line: Line, start: int, end: int | None, speaker: str | None) -> Answer | None:
    """The answer that starts at ``start`` of ``line.text`` (and runs to ``end``): its opening
    sentence(s), quoted verbatim from the line's original; None when the line holds no speech there."""
    text = line.text
    end = len(text) if end is None else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    cut = extract_end(line.norm, start, end)
    extract = line.original_slice(start, cut).strip()
    return Answer(speaker=speaker, text=extract, line=line.number) if extract else None


def _turn_answer(doc: Document, turn: Turn, speaker: str | None) -> Answer | None:
    """The answer a management turn gives, from the first of its lines that holds speech."""
    for number, start in turn.body:
        found = answer_at(doc.line(number), start, turn.ends.get(number), speaker)
        if found is not None:
            return found
    return None


def _side(turn: Turn, people: People) -> str | None:
    """analyst | management | operator: whose turn it is; the IR host who chairs the Q&A
    (a role of ``titles.host_roles``) counts as the operator, never as an answer."""
    if turn.kind in ("question", "answer", "operator"):
        return {"question": "analyst", "answer": "management", "operator": "operator"}[turn.kind]
    person = people.find(turn.speaker)
    side = person.side if person else turn.side
    role = person.role if person else turn.role
    return "operator" if side == "management" and role in vocab().host_roles else side


def _answerer(turn: Turn, people: People) -> str | None:
    """The person who answers in ``turn``: named, or the one manager holding the role it names
    (``答(董秘):``)."""
    person = people.find(turn.speaker)
    if person is not None or turn.speaker:
        return person.name if person else turn.speaker
    if turn.role is None:
        return None
    holders = [p.name for p in people.persons if p.side == "management" and p.role == turn.role]
    return holders[0] if len(holders) == 1 else None


def _ends_with_question(doc: Document, turn: Turn) -> bool:
    return turn_text(doc, turn, norm=True).rstrip().endswith("?")


def find_exchanges(doc: Document, turns: list[Turn], people: People) -> list[QAExchange]:
    """The Q&A exchanges in the order of the text: from question turns, and from questions told
    in prose outside any turn (``另外,有投资者问及…。王崧表示,…`` after a digest's Q/A)."""
    exchanges = turn_exchanges(doc, turns, people)
    in_turns = {n for t in turns for n, _ in t.body} | {t.line for t in turns}
    exchanges += prose_exchanges(doc, people, in_turns)
    return sorted(exchanges, key=lambda ex: ex.line or 0)


def turn_exchanges(doc: Document, turns: list[Turn], people: People) -> list[QAExchange]:
    """The exchanges that question turns open (an analyst's label, a ``问:`` marker)."""
    exchanges: list[QAExchange] = []
    current: QAExchange | None = None
    question_text: list[str] = []
    answer_text: list[str] = []
    previous: Turn | None = None
    for turn in turns:
        side = _side(turn, people)
        person = people.find(turn.speaker)
        name = person.name if person else turn.speaker
        if side == "analyst":
            text = turn_text(doc, turn)
            norm = turn_text(doc, turn, norm=True)
            same = current is not None and name is not None and name == current.asker
            confirms = (
                current is not None
                and previous is not None
                and _side(previous, people) == "management"
                and _ends_with_question(doc, previous)
                and vocab().confirm_re.match(turn_text(doc, turn, norm=True)) is not None
            )
            if same or confirms:
                question_text.append(norm)
            else:
                if current is not None:
                    current.topics = _topics(question_text, answer_text)
                firm = (person.firm if person else None) or turn.firm
                current = QAExchange(question=first_sentences(text), asker=name, firm=firm, line=turn.line)
                exchanges.append(current)
                question_text, answer_text = [norm], []
        elif side == "management" and current is not None:
            name = _answerer(turn, people)
            if name and turn.kind in ("speech", "answer") and name not in current.answered_by:
                current.answered_by.append(name)
            current.answer_lines.extend(n for n, _ in turn.body if n not in current.answer_lines)
            answer = _turn_answer(doc, turn, name if turn.kind in ("speech", "answer") else None)
            if answer is not None:
                current.answers.append(answer)
            answer_text.append(turn_text(doc, turn, norm=True))
        previous = turn
    if current is not None:
        current.topics = _topics(question_text, answer_text)
    return exchanges


def _topics(questions: list[str], answers: list[str]) -> list[str]:
    return tag(" ".join(questions)) or tag(" ".join(answers))


# --- Q&A told in prose -------------------------------------------------------------------


def _answer_pattern(people: People) -> re.Pattern[str] | None:
    """Management names (every form) or an answering body, right before a speech verb."""
    v = vocab()
    names = [n for n, p in people.by_name.items() if p.side == "management"]
    bodies = list(v.words.answering_bodies)
    if not names and not bodies:
        return None
    return re.compile(
        rf"({alternation(names + bodies)})\s*(?:{v.answering_setting})?"
        rf"(?:{v.adverbs})*(?:{v.speech_verbs})"
    )


def _answerers(norm: str, pattern: re.Pattern[str], people: People) -> list[str] | None:
    """Who answers in ``norm``, in order ([] for an unnamed body), or None when nobody does."""
    found = list(pattern.finditer(norm))
    if not found:
        return None
    out: list[str] = []
    for m in found:
        person = people.find(m.group(1))
        if person is not None and person.side == "management" and person.name not in out:
            out.append(person.name)
    return out


def _asked(norm: str) -> Asked | None:
    """The first question a line tells: a named analyst's, else an unnamed asker's."""
    named = prose_questions(norm)
    return named[0] if named else unnamed_question(norm)


_LEAD_IN = re.compile(r"\s*[^,。;!?:\"“”]{1,20},\s*")
"""A short clause before the answering speaker (``对于海外市场,王崧表示…``)."""


def _after_connective(norm: str, pattern: re.Pattern[str] | None, people: People) -> str:
    """``对此,王崧表示…`` / ``对于海外市场,王崧表示…`` -> ``王崧表示…``: the line without the words
    that lead in to its answering speaker (unchanged when no speaker follows them)."""
    m = vocab().connective_re.match(norm)
    if m:
        return norm[m.end() :]
    lead = _LEAD_IN.match(norm)
    named = pattern.match(norm, lead.end()) if lead and pattern is not None else None
    if lead and named and people.find(named.group(1)) is not None:
        return norm[lead.end() :]  # a named executive, not the company speaking in general
    return norm.lstrip()


def prose_exchanges(doc: Document, people: People, skip: set[int]) -> list[QAExchange]:
    """Exchanges a news story tells: ``高盛分析师X问及…。Y回应指…``, answers in the same line or
    in the lines right after it that open with an answering speaker (``Y补充,…``, ``对此,Y表示…``).
    The writer's lines (a share quote, last year's figures) are no answer; any other line ends
    the exchange."""
    pattern = _answer_pattern(people)
    writer = vocab()
    exchanges: list[QAExchange] = []
    current: QAExchange | None = None
    for line in doc.content_lines():
        if line.number in skip:
            current = None
            continue
        asked = _asked(line.norm)
        if asked is not None:
            end = _sentence_end(line.norm, asked.end)
            person = people.find(asked.who.name)
            current = QAExchange(
                question=first_sentences(line.text[asked.start : end]),
                asker=person.name if person else asked.who.name,
                firm=asked.who.firm,
                line=line.number,
            )
            exchanges.append(current)
            rest = line.norm[end:]
            offset = end
        elif current is None:
            continue
        else:
            rest = _after_connective(line.norm, pattern, people)
            offset = len(line.norm) - len(rest)
        if asked is None and (pattern is None or not pattern.match(rest)):
            if not current.answer_lines and (
                writer.writer_re.search(line.norm) or writer.narration_re.match(line.norm)
            ):
                continue  # the writer's aside between a question and its answer
            current = None  # a later line continues the answer only when it opens with a speaker
            continue
        answerers = _answerers(rest, pattern, people) if pattern is not None else None
        if answerers is None:
            continue  # the question's own line holds no answer
        current.answered_by.extend(n for n in answerers if n not in current.answered_by)
        current.answer_lines.append(line.number)
        answer = answer_at(line, offset, None, answerers[0] if answerers else None)
        if answer is not None:
            current.answers.append(answer)
    for ex in exchanges:
        ex.topics = tag(ex.question) or tag(" ".join(doc.line(n).norm for n in ex.answer_lines))
    return exchanges


def _sentence_end(text: str, start: int) -> int:
    ends = [i + 1 for i in (text.find(p, start) for p in "。!?;") if i >= 0]
    return min(ends) if ends else len(text)
