"""The speakers lexicon as typed word lists: what tells a speaker, a label or the writer's voice.

One owner of ``speakers.yaml``: every list is read here, checked to be a list of texts, and
kept as a tuple in lexicon order. The extractors compile these words into patterns; none reads
the file itself. A key that is no list of texts is a :class:`LexiconError` naming it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from generator.errors import LexiconError
from generator.lexicon import load, per_lexicon_set

Words = tuple[str, ...]


@dataclass(frozen=True)
class SpeakerWords:
    """Every word list of ``speakers.yaml`` (the file's comments tell what each one is for)."""

    surnames: Words = ()
    not_names: Words = ()
    not_labels: Words = ()
    heading_words: Words = ()
    name_prefixes: Words = ()
    dotted_words: Words = ()
    """Abbreviations whose full stop ends no English sentence (``Inc.``), besides ``name_prefixes``."""
    english_speech_verbs: Words = ()
    english_verb_adverbs: Words = ()
    qa_headings: Words = ()
    narration_openers: Words = ()
    question_markers: Words = ()
    inline_answer_markers: Words = ()
    unnamed_askers: Words = ()
    ask_openers: Words = ()
    answer_openers: Words = ()
    writer_patterns: Words = ()
    """Regular expressions, not words."""
    record_askers: Words = ()
    record_questions: Words = ()
    record_answerers: Words = ()
    record_answers: Words = ()
    answer_markers: Words = ()
    answer_verbs: Words = ()
    speech_verbs: Words = ()
    ask_verbs: Words = ()
    answering_bodies: Words = ()
    verb_adverbs: Words = ()
    name_prepositions: Words = ()
    list_closers: Words = ()
    unit_words: Words = ()
    name_followers: Words = ()
    caption_openers: Words = ()
    photo_credits: Words = ()
    attendee_headings: Words = ()
    analyst_headings: Words = ()
    """Attendee headings whose list holds the analysts: a name and an organisation below one is an analyst."""
    call_context: Words = ()
    attendance_words: Words = ()
    honorifics: Words = ()
    org_prefixes: Words = ()
    firm_lead_words: Words = ()
    question_hints: Words = ()
    page_writers: Words = ()
    """Roles of the page's own writers (``Editor``, ``columnist``, ``记者``): a name given one is no
    participant."""
    confirmations: Words = ()
    surname_titles: Words = ()
    speech_settings: Words = ()
    """Regular expressions, not words (as are the three below)."""
    article_settings: Words = ()
    asking_settings: Words = ()
    answering_settings: Words = ()
    intro_before_firm: Words = ()
    intro_after_firm: Words = ()
    intro_firm_words: Words = ()


def texts(data: dict[str, Any], key: str, lexicon_name: str) -> Words:
    """``data[key]`` as a tuple of texts (empty when absent); LexiconError names a bad key."""
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or any(isinstance(v, (dict, list)) or v is None for v in value):
        raise LexiconError(f"{key} must be a list of words", f"{lexicon_name} lexicon")
    return tuple(str(v) for v in value)


@per_lexicon_set
def speakers() -> SpeakerWords:
    """The speaker words of the current lexicons (bundled plus the project's), built once."""
    data = load("speakers") or {}
    return SpeakerWords(**{f.name: texts(data, f.name, "speakers") for f in fields(SpeakerWords)})
