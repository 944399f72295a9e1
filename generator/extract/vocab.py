"""The speaker vocabulary: the ``titles``, ``speakers`` and ``firms`` lexicons compiled into the
patterns that tell labels, names and the writer's voice, once per lexicon set.

The wording is the lexicons'; this module adds only syntax: how a name is written (``HAN``,
``ENGLISH_NAME``, ``TRANSLITERATED_NAME``) and how words combine into a label or a phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.errors import SummaryError
from generator.lexicon import per_lexicon_set
from generator.lexicon.firms import firms
from generator.lexicon.speakers import SpeakerWords, speakers
from generator.lexicon.titles import titles
from generator.lexicon.words import alternation, longest_first

HAN = r"\u3400-\u9fff"
_UPPER = "A-ZÀ-ÖØ-Þ"
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
ENGLISH_NAME = (
    rf"[{_UPPER}][{_LETTER}'’.\-]*(?: [{_UPPER}][{_LETTER}'’.\-]*){{0,2}} [{_UPPER}][{_LETTER}'’\-]*"
    rf"(?:\.[{_LETTER}'’\-]+)*"
)
"""Two to four capitalised words in Latin letters, accents included (``Börje Ekholm``); the last
ends in no full stop (``Micky Pant.`` ends a sentence)."""
NAME_DOTS = "·‧・•"
TRANSLITERATED_NAME = rf"[{HAN}]{{1,6}}(?:[{NAME_DOTS}][{HAN}]{{1,8}}){{1,2}}"
"""A foreign name written in Chinese, its parts joined by a middle dot (``詹姆斯·米切尔``)."""
ANY_NAME = rf"{ENGLISH_NAME}|{TRANSLITERATED_NAME}|[{HAN}]{{2,4}}"
"""A name in any script, as a label or a list of attendees writes it."""


@dataclass(frozen=True)
class Vocab:
    """The label-related lexicons, compiled once."""

    words: SpeakerWords
    """The speakers lexicon's word lists."""
    role_of: dict[str, str]
    """Every title wording (lower-cased) -> canonical role."""
    role_rank: dict[str, int]
    """Canonical role -> priority (0 = highest)."""
    role_re: re.Pattern[str]
    host_roles: frozenset[str]
    """Roles of the IR host who chairs the Q&A (``titles.host_roles``)."""
    joints: str
    """The characters joining two titles of one person (``兼``, ``和``)."""
    unit_joints: frozenset[str]
    operators: frozenset[str]
    analyst_re: re.Pattern[str]
    firm_of: dict[str, str]
    """Every firm wording (lower-cased) -> canonical firm."""
    firms_longest: tuple[str, ...]
    """The firm wordings (lower-cased), longest first."""
    surnames: frozenset[str]
    not_names: frozenset[str]
    not_labels: frozenset[str]
    heading_words: frozenset[str]
    """English words of headings and page furniture (lower case): never part of a personal name."""
    name_prefix_re: re.Pattern[str]
    """A courtesy word opening an English name (``Mr. ``), with its space."""
    english_said: str
    """An English speech verb as a whole word, an adverb maybe before it (``said``, ``also noted``)."""
    qa_headings: frozenset[str]
    """Headings opening a call's question-and-answer part (lower case)."""
    narration_re: re.Pattern[str]
    """Openings of a writer's paragraph (``另据``, ``据悉``)."""
    question_re: re.Pattern[str]
    answer_re: re.Pattern[str]
    answer_verb_re: re.Pattern[str]
    """Who, then an answering verb, as the whole label (``魏哲家回答``, ``董秘回复``)."""
    writer_re: re.Pattern[str]
    """A writer's line amid a Q&A: a share quote, a prior-year figure (``speakers.writer_patterns``)."""
    unnamed_ask_re: re.Pattern[str]
    """An unnamed asker told in prose at a line's start (``另外,有投资者问及…``)."""
    inline_answer_re: re.Pattern[str]
    """An answer marker with its colon inside a line (``…吗? 答:…``)."""
    narrated_speech_re: re.Pattern[str]
    """A title, a name and a speech verb (``理想汽车CFO李铁表示``): the writer telling who spoke."""
    connective_re: re.Pattern[str]
    """Words opening an answer paragraph, with their comma (``对此,``)."""
    record_re: re.Pattern[str]
    page_writer_re: re.Pattern[str]
    """A role of the page's own writers (``speakers.page_writers``), a whole word in English."""
    """A roadshow record's field label and its colon (``提问者:``, ``回复人:``, ``回复内容:``)."""
    record_field: dict[str, str]
    """Each record label -> asker | question | answerer | answer."""
    speech_verbs: str
    """Alternation of the speech verbs (``表示``, ``提到``)."""
    adverbs: str
    """Alternation of the adverbs between a name and its verb (``还``, ``也``)."""
    ask_verbs: str
    ask_openers: str
    call_context: str
    attendance: str
    """Alternation of the call context and attendance words (``电话会``, ``出席``)."""
    unit_words: str
    name_followers: tuple[str, ...]
    """What may follow a name right after a title: followers, speech verbs, adverbs."""
    name_endings: tuple[str, ...]
    """Adverbs and one-character prepositions a pattern may take as a name's end, longest first."""
    speech_setting: str
    """Where a person speaks, between a title's name and the verb (``CFO李铁在会上表示``)."""
    article_setting: str
    asking_setting: str
    answering_setting: str
    operator_intro_res: tuple[re.Pattern[str], re.Pattern[str]]
    """An operator's introduction: (firm, name) in Chinese, (name, firm) in English."""
    honorific_re: re.Pattern[str]
    org_prefix_re: re.Pattern[str]
    firm_lead_re: re.Pattern[str]
    question_hint_re: re.Pattern[str]
    confirm_re: re.Pattern[str]


def _patterns(name: str, key: str, patterns: tuple[str, ...], groups: bool = True) -> re.Pattern[str]:
    """Regular expressions of a lexicon, one alternation; a broken one is a clear error (as is a
    capturing group where the pattern goes inside another, ``groups=False``)."""
    for pattern in patterns:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise SummaryError(f"lexicon {name}, {key}: bad pattern {pattern!r} ({exc})", name) from exc
        if not groups and compiled.groups:
            raise SummaryError(f"lexicon {name}, {key}: pattern {pattern!r} has a capturing group", name)
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)")


def _setting(w: SpeakerWords, key: str) -> str:
    return _patterns("speakers", key, getattr(w, key), groups=False).pattern


def _operator_intros(w: SpeakerWords) -> tuple[re.Pattern[str], re.Pattern[str]]:
    after_chars = "".join(re.escape(ch) for word in w.intro_after_firm for ch in word)
    return (
        re.compile(
            rf"(?:{alternation(w.intro_before_firm)})([^,。;!?{after_chars}]{{2,16}}?)"
            rf"(?:{alternation(w.intro_after_firm)})\s*({ENGLISH_NAME}|[{HAN}]{{2,4}})"
        ),
        re.compile(
            rf"({ENGLISH_NAME})\s+(?:{alternation(w.intro_firm_words)})\s+"
            r"([A-Z][A-Za-z.&' ]{1,40}?)(?=[,.;]|$)"
        ),
    )


def vocab() -> Vocab:
    """The compiled label vocabulary (rebuilt when the lexicon folders change)."""
    return _vocab()


@per_lexicon_set
def _vocab() -> Vocab:
    t, w = titles(), speakers()
    # ASCII titles need word boundaries ("CEO" but not "CEOs", "IR" not in "IRR").
    role_words = (
        f"(?:{alternation(x for x in t.role_of if not x.isascii())})"
        f"|(?<![A-Za-z])(?:{alternation(x for x in t.role_of if x.isascii())})(?![A-Za-z])"
    )
    record_field = {
        word: kind
        for kind, words in (
            ("asker", w.record_askers),
            ("question", w.record_questions),
            ("answerer", w.record_answerers),
            ("answer", w.record_answers),
        )
        for word in words
    }
    firm_of = firms().by_lower
    markers = lambda ws: re.compile(  # noqa: E731
        rf"(?:{alternation(ws)})\s*(\d{{1,2}})?\s*(?:[(\[](.+?)[)\]])?", re.I
    )
    adverbs = alternation(w.verb_adverbs)
    speech_verbs = alternation(w.speech_verbs)
    return Vocab(
        words=w,
        role_of=t.role_of,
        role_rank=t.role_rank,
        role_re=re.compile(role_words, re.I),
        host_roles=frozenset(t.host_roles),
        joints="".join(j for j in t.joints if len(j) == 1),
        unit_joints=frozenset(t.unit_joints),
        operators=frozenset(x.lower() for x in t.operator),
        analyst_re=re.compile(alternation(t.analyst), re.I),
        firm_of=firm_of,
        firms_longest=tuple(longest_first(firm_of)),
        surnames=frozenset(w.surnames),
        not_names=frozenset(w.not_names),
        not_labels=frozenset(x.lower() for x in w.not_labels),
        heading_words=frozenset(x.lower() for x in w.heading_words),
        name_prefix_re=re.compile(rf"(?:{alternation(w.name_prefixes)})(?![A-Za-z])\s*"),
        english_said=(
            rf"(?<![A-Za-z])(?:(?:{alternation(w.english_verb_adverbs)})\s+)?"
            rf"(?:{alternation(w.english_speech_verbs)})(?![A-Za-z])"
        ),
        qa_headings=frozenset(x.lower() for x in w.qa_headings),
        narration_re=re.compile(rf"\s*(?:{alternation(w.narration_openers)})"),
        question_re=markers(w.question_markers),
        answer_re=markers(w.answer_markers),
        answer_verb_re=re.compile(rf"(.+?)\s*(?:{alternation(w.answer_verbs)})"),
        writer_re=_patterns("speakers", "writer_patterns", w.writer_patterns),
        unnamed_ask_re=re.compile(
            rf"\s*(?:(?:{alternation(w.ask_openers)})\s*,?\s*)?"
            rf"(?:{alternation(w.unnamed_askers)})[^,。;!?]{{0,8}}?"
            rf"(?:{alternation(w.ask_verbs)})(?!答)"
        ),
        narrated_speech_re=re.compile(
            rf"(?:{role_words})\s*({ENGLISH_NAME}|{TRANSLITERATED_NAME}|[{HAN}]{{2,4}}?)\s*"
            rf"(?:{_setting(w, 'speech_settings')})?(?:{adverbs})*(?:{speech_verbs})",
            re.I,
        ),
        connective_re=re.compile(rf"\s*(?:{alternation(w.answer_openers)})\s*,?\s*"),
        record_re=re.compile(rf"\s*({alternation(record_field)})\s*:\s*"),
        page_writer_re=re.compile(rf"(?<![A-Za-z])(?:{alternation(w.page_writers)})(?![A-Za-z])", re.I),
        record_field=record_field,
        inline_answer_re=re.compile(
            rf"(?<=[。!?.…\s])\s*(?:{alternation(w.inline_answer_markers)})"
            r"\s*(?:[(\[]([^)\]]{1,20})[)\]])?\s*:"
        ),
        speech_verbs=speech_verbs,
        adverbs=adverbs,
        ask_verbs=alternation(w.ask_verbs),
        ask_openers=alternation(w.ask_openers),
        call_context=alternation(w.call_context),
        attendance=alternation(w.call_context + w.attendance_words),
        unit_words=alternation(w.unit_words),
        name_followers=w.name_followers + w.speech_verbs + w.verb_adverbs,
        name_endings=tuple(
            longest_first(
                {
                    *w.verb_adverbs,
                    *(p for p in w.name_prepositions if len(p) == 1),
                    *(c for c in w.list_closers if len(c) == 1),
                    *(v for v in w.speech_verbs if len(v) == 1),  # "总裁莫斌称,": 称 says, it names no one
                }
            )
        ),
        speech_setting=_setting(w, "speech_settings"),
        article_setting=_setting(w, "article_settings"),
        asking_setting=_setting(w, "asking_settings"),
        answering_setting=_setting(w, "answering_settings"),
        operator_intro_res=_operator_intros(w),
        honorific_re=re.compile(
            rf"(?<=[{HAN}A-Za-z])\s*(?:{alternation(w.honorifics)})(?=\s*(?:$|[(,:\-–—\s]))"
        ),
        org_prefix_re=re.compile(rf"^(?:{alternation(w.org_prefixes)})+"),
        firm_lead_re=re.compile(rf"^(?:{alternation(w.firm_lead_words)})+"),
        question_hint_re=re.compile(rf"[?]|{alternation(w.question_hints)}", re.I),
        confirm_re=re.compile(rf"\s*(?:{alternation(w.confirmations)})(?![A-Za-z])", re.I),
    )
