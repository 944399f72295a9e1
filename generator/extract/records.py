"""Roadshow records (上证路演中心, 全景网): blocks of fields rather than speaker labels.

Each block is ``问题1:``, ``提问者:投资者``, ``问题内容:…``, ``回复人:陈天石 董事长``,
``回复内容:…``; the field labels are the ``speakers`` lexicon's ``record_*`` words.
"""

from __future__ import annotations

import re

from generator.extract.labels import LABEL_TRIM, Label, open_turn, parse_inner, with_person
from generator.extract.names import best_role, canonical_firm, is_name, known_firm
from generator.extract.speaker import Speaker
from generator.extract.vocab import ANY_NAME, vocab
from generator.model import Line, Turn


def record_person(kind: str, rest: str) -> Label:
    """The person a record's asker or answerer field names (``陈天石 董事长、总经理``,
    ``陈天石(董事长)``, ``董事会秘书 叶淏尹``, ``投资者``): a label of ``kind`` with what it tells."""
    side = "analyst" if kind == "question" else "management"
    rest = rest.strip(LABEL_TRIM + " ,;。")
    m = re.fullmatch(rf"({ANY_NAME})(?:\s*[(\[]\s*(.+?)\s*[)\]]|\s+(.+))?", rest)
    if m and is_name(m.group(1)):
        extra = m.group(2) or m.group(3) or ""
        firm = canonical_firm(extra) if extra and known_firm(extra) else None
        role = None if firm else best_role(extra)
        return Label(kind, Speaker(m.group(1), "analyst" if firm else side, role, firm))
    m = re.fullmatch(rf"(.+?)\s*({ANY_NAME})", rest)
    if m and is_name(m.group(2)) and vocab().role_re.search(m.group(1)):
        return Label(kind, Speaker(m.group(2), side, best_role(m.group(1))))
    inner = parse_inner(rest) if rest else None
    if inner is not None:
        return with_person(kind, inner)
    role = best_role(rest) if kind == "answer" else None
    return Label(kind, Speaker(side=side, role=role))


def record_turn(line: Line, current: Turn | None) -> tuple[Turn | None, Turn | None]:
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
        label = record_person(kind, rest)
        if field_kind == "asker" and current is not None and current.kind == "question" and not current.body:
            current.speaker, current.side, current.firm = label.who.name, label.who.side, label.who.firm
            return None, current  # the block's 问题N: named its asker
        turn = open_turn(line, label, len(line.text))
        return turn, turn
    if current is not None and current.kind == kind:
        if rest.strip():
            current.body.append((line.number, m.end()))
        return None, current
    turn = open_turn(
        line, Label(kind, Speaker(side="analyst" if kind == "question" else "management")), m.end()
    )
    return turn, turn
