"""Analyst exchanges: one per question, with its follow-ups and the answers.

A question turn (an analyst's label or a digest's ``Q``/``问``) opens an exchange. It
stays in the current one when the same analyst asks again, or when it answers a
management clarification (``对,…`` after a turn that ends with a question mark).
``answered_by`` lists the management speakers in order of first answer.
"""

from __future__ import annotations

import re

from generator.model import Document, QAExchange, Turn
from generator.people import People
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
    """The Q&A exchanges, in order."""
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
