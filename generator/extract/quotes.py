"""Key quotes: management statements worth reading, verbatim from the source.

* Transcripts and digests: sentences of management's turns (a digest's unnamed answers
  give ``speaker: None``).
* Articles: text inside quotation marks attributed to a named executive in the same line,
  and the answers of any Q&A the article reports.

Sentences are scored by the cues of the ``topics`` lexicon (``quote_cues``: forward-looking
and strategy words, figures, topics; filler costs), then the best are kept, a few per
speaker, and returned in the order of the text. Every quote is ``Line.original_slice`` of
the sentence, so it stands verbatim in the original file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator import lexicon
from generator.extract.mentions import opens_with_speech
from generator.extract.people import People, speech_mentions, title_mentions
from generator.extract.topics import tag
from generator.extract.vocab import HAN
from generator.lexicon import per_lexicon_set
from generator.lexicon.words import word_pattern
from generator.model import Document, Line, Quote, Turn

MAX_QUOTES = 10
PER_SPEAKER = 4
MIN_SCORE = 3.0
MIN_CHARS, MAX_CHARS = 18, 160
LATIN_MIN_CHARS, LATIN_MAX_CHARS = 40, 320
"""The same bounds for an English sentence, which takes about twice the characters."""
_SENTENCE = re.compile(r"(?:[^。!?;.]|\.(?!\s))+(?:[。!?;]|\.(?=\s|$))?")
"""A sentence: up to a Chinese stop, ``;``, or an English full stop before a space (``7.3`` goes on)."""
_QUOTED = re.compile(r"[\"“「『]\s*([^\"“”「」『』]{10,300}?)\s*[\"”」』]")


@dataclass(frozen=True)
class _Candidate:
    score: float
    line: int
    start: int
    end: int
    speaker: str | None


@per_lexicon_set
def cues() -> dict[str, re.Pattern[str]]:
    """The quote cue patterns (forward, strategy, filler)."""
    cue_words = lexicon.load("topics").get("quote_cues", {})
    return {str(name): word_pattern(words, re.IGNORECASE) for name, words in cue_words.items()}


def score_sentence(norm: str) -> float:
    """How worth quoting a sentence is."""
    c = cues()
    score = 0.0
    if re.search(r"\d", norm):
        score += 1.5
    if re.search(r"\d+(?:\.\d+)?\s*(?:%|亿|万|倍|个百分点|billion|million|percent|basis points)", norm, re.I):
        score += 1.0
    for key, weight in (("forward", 1.5), ("strategy", 1.0)):
        if key in c:
            score += weight * min(2, len(c[key].findall(norm)))
    score += 0.5 * len(tag(norm))
    if "filler" in c and c["filler"].search(norm):
        score -= 2.0
    if "openers" in c and c["openers"].match(norm):
        score -= 1.0
    low, high = (30, 120) if re.search(f"[{HAN}]", norm) else (60, 260)
    if low <= len(norm) <= high:
        score += 1.0
    if norm.rstrip().endswith("?"):
        score -= 5.0
    return score


def _sentences(line: Line, start: int) -> list[tuple[int, int]]:
    out = []
    for m in _SENTENCE.finditer(line.norm, start):
        a, b = m.start(), m.end()
        while a < b and line.norm[a].isspace():
            a += 1
        chinese = re.search(f"[{HAN}]", line.norm[a:b])
        least, most = (MIN_CHARS, MAX_CHARS) if chinese else (LATIN_MIN_CHARS, LATIN_MAX_CHARS)
        if least <= b - a <= most and re.search(f"[{HAN}A-Za-z]", line.norm[a:b]):
            out.append((a, b))
    return out


def _turn_candidates(doc: Document, turns: list[Turn], people: People) -> list[_Candidate]:
    out = []
    for turn in turns:
        person = people.find(turn.speaker)
        if turn.kind == "answer":
            speaker = person.name if person else None
        elif turn.kind == "speech" and person is not None and person.side == "management":
            speaker = person.name
        else:
            continue
        for number, start in turn.body:
            line = doc.line(number)
            end = turn.ends.get(number, len(line.norm))  # a turn sharing its line stops here
            for a, b in _sentences(line, start):
                if b > end:
                    break
                if opens_with_speech(line.norm[a:b]):
                    continue  # "徐宏还提到,…": the writer retelling, not the speaker's words
                out.append(_Candidate(score_sentence(line.norm[a:b]), number, a, b, speaker))
    return out


def _article_candidates(doc: Document, people: People) -> list[_Candidate]:
    out = []
    managers = sorted(
        (name for name, p in people.by_name.items() if p.side == "management"), key=len, reverse=True
    )
    for line in doc.content_lines():
        for m in _QUOTED.finditer(line.norm):
            speaker = _attribute(line.norm, m.start(), m.end(), managers)
            if speaker is None:
                continue
            a, b = m.start(1), m.end(1)
            person = people.find(speaker)
            out.append(
                _Candidate(
                    score_sentence(line.norm[a:b]) + 2.0, line.number, a, b, person.name if person else None
                )
            )
    return out


def _attribute(norm: str, start: int, end: int, managers: list[str]) -> str | None:
    """The executive a quotation is attributed to: named before it in its sentence, else right
    after it, else -- for a quotation that opens its sentence -- the one the sentence before
    has speaking (``许冉表示,…。"我们…"``)."""
    sentence_start = max(norm.rfind(p, 0, start) for p in "。!?") + 1
    before = norm[sentence_start:start]
    hits = [(before.rfind(name), name) for name in managers if name in before]
    if hits:
        return max(hits)[1]
    after = norm[end : end + 24]
    hits = [(after.find(name), name) for name in managers if name in after]
    if hits:
        return min(hits)[1]
    if before.strip() or sentence_start == 0:
        return None
    previous = norm[max(norm.rfind(p, 0, sentence_start - 1) for p in "。!?") + 1 : sentence_start]
    told = speech_mentions(previous) + [m for m in title_mentions(previous, set()) if m.speaks]
    speakers = [m.who.name for m in sorted(told, key=lambda m: m.position)]
    return speakers[-1] if speakers and speakers[-1] in managers else None


def select_quotes(doc: Document, turns: list[Turn], people: People, kind: str) -> list[Quote]:
    """The best management statements (at most ``MAX_QUOTES``), in the order of the text."""
    candidates = _turn_candidates(doc, turns, people)
    if kind == "article":
        candidates = _article_candidates(doc, people) + candidates
    ranked = sorted(candidates, key=lambda c: (-c.score, c.line, c.start))
    chosen: list[_Candidate] = []
    per_speaker: dict[str | None, int] = {}
    for c in ranked:
        if c.score < MIN_SCORE or len(chosen) >= MAX_QUOTES:
            break
        if per_speaker.get(c.speaker, 0) >= PER_SPEAKER and c.speaker is not None:
            continue
        if any(o.line == c.line for o in chosen):
            continue
        chosen.append(c)
        per_speaker[c.speaker] = per_speaker.get(c.speaker, 0) + 1
    quotes = []
    for c in sorted(chosen, key=lambda c: (c.line, c.start)):
        line = doc.line(c.line)
        text = line.original_slice(c.start, c.end).strip()
        quotes.append(
            Quote(speaker=c.speaker, text=text, line=c.line, topics=tag(line.norm[c.start : c.end]))
        )
    return quotes
