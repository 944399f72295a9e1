"""Analyst exchanges: one per question, with its follow-ups and the answers.

A question turn (an analyst's label or a digest's ``Q``/``问``) opens an exchange. It
stays in the current one when the same analyst asks again, or when it answers a
management clarification (``对,…`` after a turn that ends with a question mark).
``answered_by`` lists the management speakers in order of first answer.
"""

from __future__ import annotations

import re

from generator import lexicon
from generator.model import Document, QAExchange, Turn
from generator.people import People, prose_questions
from generator.topics import tag
from generator.turns import turn_text

QUESTION_MAX = 200
_CONFIRM = re.compile(r"\s*(?:对|是的|是|没错|对的|嗯|yes|right|correct|exactly)(?![A-Za-z])", re.I)


def first_sentences(text: str, limit: int = QUESTION_MAX) -> str:
    """The opening sentences of ``text`` that fit in ``limit`` characters (cut with … if one does not)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    ends = [m.end() for m in re.finditer(r"[。!?!?;;]|\.(?=\s)", text) if m.end() <= limit]
    return text[: ends[-1]].strip() if ends else text[: limit - 1].rstrip() + "…"


def _side(turn: Turn, people: People) -> str | None:
    if turn.kind in ("question", "answer", "operator"):
        return {"question": "analyst", "answer": "management", "operator": "operator"}[turn.kind]
    person = people.find(turn.speaker)
    return person.side if person else turn.side


def _ends_with_question(doc: Document, turn: Turn) -> bool:
    return turn_text(doc, turn, norm=True).rstrip().endswith("?")


def find_exchanges(doc: Document, turns: list[Turn], people: People) -> list[QAExchange]:
    """The Q&A exchanges, in order: from question turns, else from questions told in prose."""
    exchanges = turn_exchanges(doc, turns, people)
    if exchanges:
        return exchanges
    in_turns = {n for t in turns for n, _ in t.body} | {t.line for t in turns}
    return prose_exchanges(doc, people, in_turns)


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
                and _CONFIRM.match(turn_text(doc, turn, norm=True)) is not None
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
            if name and turn.kind in ("speech", "answer") and name not in current.answered_by:
                current.answered_by.append(name)
            current.answer_lines.extend(n for n, _ in turn.body if n not in current.answer_lines)
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
    names = [n for n, p in people.by_name.items() if p.side == "management"]
    bodies = [str(w) for w in lexicon.load("speakers")["answering_bodies"]]
    verbs = [str(w) for w in lexicon.load("speakers")["speech_verbs"]]
    adverbs = [str(w) for w in lexicon.load("speakers")["verb_adverbs"]]
    if not names and not bodies:
        return None
    return re.compile(
        rf"({_alt(names + bodies)})\s*(?:在[^,。;!?]{{1,12}}?[上中时])?(?:{_alt(adverbs)})*(?:{_alt(verbs)})"
    )


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


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


def prose_exchanges(doc: Document, people: People, skip: set[int]) -> list[QAExchange]:
    """Exchanges a news story tells: ``高盛分析师X问及…。Y回应指…``, answers in the same line or
    in the lines right after it that open with an answering speaker (``Y补充,…``); any other
    line ends the exchange."""
    pattern = _answer_pattern(people)
    exchanges: list[QAExchange] = []
    current: QAExchange | None = None
    for line in doc.content_lines():
        if line.number in skip:
            current = None
            continue
        asked = prose_questions(line.norm)
        if asked:
            first = asked[0]
            end = _sentence_end(line.norm, first.end)
            current = QAExchange(
                question=first_sentences(line.text[first.start : end]),
                asker=(people.find(first.name) or first).name,
                firm=first.firm,
                line=line.number,
            )
            exchanges.append(current)
            rest = line.norm[end:]
        elif current is None:
            continue
        else:
            rest = line.norm
        if not asked and (pattern is None or not pattern.match(rest.lstrip())):
            current = None  # a later line continues the answer only when it opens with a speaker
            continue
        answerers = _answerers(rest, pattern, people) if pattern is not None else None
        if answerers is None:
            continue  # the question's own line holds no answer
        current.answered_by.extend(n for n in answerers if n not in current.answered_by)
        current.answer_lines.append(line.number)
    for ex in exchanges:
        ex.topics = tag(ex.question) or tag(" ".join(doc.line(n).norm for n in ex.answer_lines))
    return exchanges


def _sentence_end(text: str, start: int) -> int:
    ends = [i + 1 for i in (text.find(p, start) for p in "。!?;") if i >= 0]
    return min(ends) if ends else len(text)
