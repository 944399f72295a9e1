"""People named in running text: a title before a name (``淘天集团CEO戴珊表示``), a name before a
speech verb (``吴泳铭表示``), an analyst's question told in prose (``高盛分析师X问及…``) and an
operator's introduction (``来自摩根士丹利的Gary Yu``). All matched on ``Line.norm``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from generator.extract.names import (
    best_role,
    canonical_firm,
    firm_ending,
    is_chinese_name,
    is_name,
    is_person_name,
)
from generator.extract.speaker import Speaker
from generator.extract.vocab import ENGLISH_NAME, HAN, TRANSLITERATED_NAME, vocab
from generator.lexicon import per_lexicon_set
from generator.lexicon.listed import listed
from generator.lexicon.titles import titles
from generator.lexicon.words import guarded

TITLE_WINDOW = 80
"""How far before an English name its titles and a comma are looked for ("HUTCHMED's Chief Executive
Officer, Dr. Weiguo Su, highlighted"): the longest titles run past 24 characters."""


@dataclass(frozen=True)
class Mention:
    """A person named in running text."""

    who: Speaker
    position: int
    speaks: bool = False
    at_call: bool = False


_ABBREVIATION_AHEAD = re.compile(r"^\s*[(][A-Za-z][A-Za-z\-/ ]{0,11}[)]")
"""A title's English abbreviation in brackets between it and the name (``首席执行官(CEO)谭思亮``)."""


def _name_after(text: str, known: set[str]) -> str | None:
    """The personal name that starts ``text`` (after a title)."""
    m = re.match(ENGLISH_NAME, text) or re.match(TRANSLITERATED_NAME, text)
    if m and is_person_name(m.group(0)):
        return m.group(0)
    for size in (4, 3, 2):
        cand = text[:size]
        if cand in known:
            return cand
    followers = vocab().name_followers
    best, best_len = None, 0
    for size in (3, 2, 4):
        cand, rest = text[:size], text[size:]
        if not is_chinese_name(cand) or not is_person_name(cand):
            continue
        if not rest or not re.match(f"[{HAN}]", rest):
            return strip_adverb(cand, known)
        follower = max((len(f) for f in followers if rest.startswith(f)), default=0)
        if follower > best_len:  # "李旎以及": 李旎 + 以及 beats 李旎以 + 及
            best, best_len = cand, follower
    return strip_adverb(best, known) if best else None


def _title_chain_end(text: str, m: re.Match[str]) -> tuple[int, list[str]]:
    """Where a chain of one person's titles ends (``董事长兼CEO``), and its titles. A title after a
    business unit (``执行副总裁、百度智能云事业群总裁``) is the unit's, not the person's own."""
    v = vocab()
    joints = "|".join(re.escape(j) for j in v.joints)
    end = m.end()
    own = [m.group(0)]
    while True:
        nxt = re.match(rf"\s*(?:{joints}|、|&)\s*", text[end:])
        follow = v.role_re.match(text, end + nxt.end()) if nxt else None
        if follow:
            own.append(follow.group(0))
        elif nxt and text[end : end + nxt.end()].strip() in v.unit_joints:
            unit = re.match(rf"[{HAN}A-Za-z]{{1,12}}?(?:{v.unit_words})", text[end + nxt.end() :])
            follow = v.role_re.match(text, end + nxt.end() + unit.end()) if unit else None
        if not follow:
            return end, own
        end = follow.end()


@per_lexicon_set
def _role_re() -> re.Pattern[str]:
    """``role_re`` tried only where a title can start (see :func:`guarded`)."""
    role_re = vocab().role_re
    return guarded(role_re.pattern, titles().role_of, role_re.flags)


def title_mentions(text: str, known: set[str]) -> list[Mention]:
    """``[org]title[兼title]name`` phrases in one line of text."""
    v = vocab()
    out = []
    pos = 0
    for m in _role_re().finditer(text):
        if m.start() < pos:
            continue
        end, own = _title_chain_end(text, m)
        rest = _ABBREVIATION_AHEAD.sub("", text[end:]).lstrip(" ")  # "首席执行官(CEO)谭思亮"
        name = _name_after(rest, known)
        if not name:
            continue
        pos = end
        start = max(text.rfind(p, 0, m.start()) for p in ",。;!?:()( ")
        org = v.org_prefix_re.sub("", text[start + 1 : m.start()].strip()) or None
        after = _after_honorific(rest[len(name) :])  # "曹国伟先生表示"
        sentence = _sentence_around(text, m.start())
        unbracketed = _BRACKETS_AHEAD.sub("", after, count=1) if after.startswith("(") else after
        speaks = bool(re.match(rf"(?:{v.speech_setting})?(?:{v.adverbs})*(?:{v.speech_verbs})", unbracketed))
        said = v.english_said  # "CTO Xie Yan stated", "says CEO Micky Pant"
        before = text[: m.start()]
        # "said ASML CEO Peter Wennink": an organisation's capitalised words may stand between
        told = re.search(rf"{said}\s+{_ORG_WORDS}$", before)
        speaks = speaks or bool(re.match(rf"\s+{said}", after) or told)
        at_call = bool(re.search(v.attendance, sentence, re.I)) or _listed_at_call(text, m)
        paren = re.match(rf"\s*[(]\s*({ENGLISH_NAME}|[{HAN}]{{2,4}})\s*[)]", after)
        alias = paren.group(1) if paren and is_name(paren.group(1)) else None
        who = Speaker(name, role=best_role("、".join(own)), org=org, alias=alias)
        out.append(Mention(who, m.start(), speaks, at_call))
    return out


_ORG_WORDS = r"(?:[A-Z][\w&.'’\-]*\s+){0,3}"
"""Up to three capitalised words of an organisation between a speech verb and a title."""


def _after_honorific(after: str) -> str:
    """The words after a Chinese courtesy word that closes a name (``先生表示`` -> ``表示``)."""
    for word in vocab().words.honorifics:
        if after.startswith(word):
            after = after[len(word) :]
            break
    return after


_BRACKETS_AHEAD = re.compile(r"(?:\([^()]{1,30}\)){1,3}")
"""Bracketed words between a name and its verb: ``杜嘉祺(Mark Tucker)(图)表示``."""


_CHINESE_SENTENCE_END = re.compile(r"[。!?]")
"""Where a Chinese sentence ends: ``;`` only separates the items of a host's list
("一同参会的有:董事会主席梁建章先生;…;以及首席财务官吴洁女士。")."""


def _listed_at_call(text: str, m: re.Match[str]) -> bool:
    """True when a Chinese title stands in a sentence whose list (items split by ``;``) is placed
    at the call: the sentence up to ``。`` rather than up to ``;``."""
    if not re.search(f"[{HAN}]", m.group(0)):
        return False
    sentence = _sentence_around(text, m.start(), _CHINESE_SENTENCE_END)
    return bool(re.search(vocab().attendance, sentence, re.I))


_SENTENCE_END = re.compile(r"[。!?;]|\.(?=\s+[A-Z\"“])")
"""Where a sentence ends, in Chinese or English (a full stop before the next sentence's capital)."""


def _english_sentence_end() -> re.Pattern[str]:
    """Where an English sentence ends: ``;`` separates the items of one sentence's list, and the
    full stop of a courtesy word (``Mr. Leaf Li``) or an abbreviation (``NIKE, Inc. President``,
    ``speakers.dotted_words``) ends nothing."""
    words = vocab().words
    prefixes = {p.rstrip(".") for p in words.name_prefixes + words.dotted_words}
    behind = "".join(rf"(?<!\b{re.escape(p)})" for p in sorted(prefixes))
    return re.compile(rf"[。!?]|{behind}\.(?=\s+[A-Z\"“])")


def _sentence_around(text: str, index: int, ending: re.Pattern[str] = _SENTENCE_END) -> str:
    ends = _sentence_ends(text, ending)
    at = bisect_left(ends, index)
    start = ends[at - 1] if at > 0 else -1
    end = ends[at] if at < len(ends) else len(text)
    return text[start + 1 : end]


@lru_cache(maxsize=8)
def _sentence_ends(text: str, ending: re.Pattern[str]) -> list[int]:
    """Where the sentences of ``text`` end, in order: found once per line, not once per name."""
    return [m.start() for m in ending.finditer(text)]


def strip_adverb(name: str, known: set[str] | frozenset[str] = frozenset()) -> str:
    """``曹菲还`` -> ``曹菲``, ``白鹏在`` -> ``白鹏``, ``莫斌称`` -> ``莫斌``: a one-character adverb (还, 也,
    则, 并, 均, …), preposition (在, 于, 对, 向, 就) or speech verb (称, 说) the pattern took as part of a
    name (``白鹏在回答提问时称``: 回答 is a speech verb).
    A name the text already knows as it stands is kept."""
    if name in known or len(name) < 3:
        return name
    for word in vocab().name_endings:
        short = name[: -len(word)]
        if name.endswith(word) and len(short) >= 2:
            return short if short in known or (is_chinese_name(short) and is_person_name(short)) else name
    return name


def _english_name_at(text: str, start: int) -> re.Match[str] | None:
    """The English name (a courtesy word before it skipped) that starts at ``start``."""
    prefix = vocab().name_prefix_re.match(text, start)
    return re.compile(ENGLISH_NAME).match(text, prefix.end() if prefix else start)


def english_mentions(text: str) -> list[Mention]:
    """English speakers and attendees in one line: a name before or after a speech verb (``Li
    Yanhong said``, ``said Mr. Yu Gong``), a name with its titles after a comma (``Li Yanhong, CEO of
    Baidu, said``, ``commented Mr. Yu Gong, Founder, Director, and Chief Executive Officer of
    iQIYI``) and a host's introduction (``With us are Joe Tsai, Chairman; Eddie Wu, Chief Executive
    Officer``: at the call). Titles before a name are :func:`title_mentions`'."""
    v = vocab()
    verbs = v.english_said
    out: list[Mention] = []
    for m in re.finditer(rf"(?<![A-Za-z.'’\-])(?:(?:{v.name_prefix_re.pattern}))?({ENGLISH_NAME})", text):
        name, end = m.group(1), m.end()
        if not is_person_name(name):
            name = _before_sentence_end(name)  # "Andy Campion. We are …": the name ends the sentence
            if name is None:
                continue
            end = m.start(1) + len(name)
        before, after = text[max(0, m.start() - TITLE_WINDOW) : m.start()], text[end:]
        # "said Li Yanhong.", "says Börje Ekholm to TT", "said Sam Lee in a statement"
        told = re.search(rf"{verbs}\s+$", before) and re.match(_TOLD_AFTER, after)
        speaks = bool(re.match(rf"\s+{verbs}", after) or told)  # "Li Yanhong said", "said Li Yanhong."
        titles = _apposition(after)
        if titles is None:  # "our CFO, Mr. Ian Shan," / "CEO of JD.com, Ms. Sandy Xu"
            of_org = r"(?:\s+(?:of|at)\s+[\w.&'’ ]{1,30}?)?"
            titled = re.search(rf"(?:{v.role_re.pattern}){of_org}\s*,\s*$", before, re.I)
            titles = (titled.group(0).rstrip(" ,"), 0) if titled else None
        if titles is not None:
            speaks = speaks or bool(re.match(rf"\s*,\s*{verbs}", after[titles[1] :]))
        sentence = _sentence_around(text, m.start(), _english_sentence_end())
        at_call = bool(re.search(v.attendance, sentence, re.I))
        if titles is None and not speaks:
            continue
        who = _appositive_speaker(name, titles[0] if titles else "")
        out.append(Mention(who, m.start(), speaks, at_call))
    return out


_TOLD_AFTER = re.compile(r"\s*(?:[,.;:!?\"”)]|$)|\s+(?:to|in|on|at|during|after|before|when)\s")
"""What may follow a name after its speech verb (``said Li Yanhong.``, ``says Börje Ekholm to TT``)."""


def _before_sentence_end(name: str) -> str | None:
    """The name before a full stop that ends its sentence (``Andy Campion. We`` -> ``Andy
    Campion``), when that is a name; None otherwise."""
    cut = re.match(r"(.+?[a-zà-öø-ÿ'’\-]{2})\.\s", name)
    return cut.group(1) if cut and is_person_name(cut.group(1)) else None


def _apposition(after: str) -> tuple[str, int] | None:
    """The titles written after a name and a comma (``, our co-founder and CEO``), up to the next
    ``;``, sentence end, speech verb (``, said``) or ``, Name,``, and where they end; None when the
    words hold no title or analyst word."""
    v = vocab()
    verb = rf",\s*{v.english_said}"
    next_name = r",\s*(?:and\s+)?(?:[A-Z][a-z]+\.?\s+)?[A-Z][A-Za-z'’\-]+ [A-Z][A-Za-z'’\-]+\s*,"
    m = re.match(
        r"\s*,\s*(?:(?:our|the|its|their|his|her)\s+)?([^;.]{2,120}?)"
        rf"(?=\s*(?:;|\.(?:\s|$)|$|{verb}|{next_name}))",
        after,
    )
    if m is None or not (v.role_re.search(m.group(1)) or v.analyst_re.search(m.group(1))):
        return None
    return m.group(1), m.end(1)


def _appositive_speaker(name: str, titles: str) -> Speaker:
    """The speaker a name and its appositive titles tell: an analyst with the firm the words name
    (``an analyst at Citi``), else a manager with the highest role."""
    v = vocab()
    if titles and v.analyst_re.search(titles):
        low = titles.lower()
        firm_words = (w for w in v.firms_longest if re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", low))
        written = next(firm_words, None)
        return Speaker(name, "analyst", firm=canonical_firm(written) if written else None)
    own = re.sub(rf"(?<![A-Za-z])to\s+(?:the\s+|our\s+)?(?:{v.role_re.pattern})", " ", titles, flags=re.I)
    org = re.search(r"(?<![A-Za-z])(?:of|at)\s+(?:the\s+)?([A-Z][^,;]*)$", own)
    # "Chief of Staff to CEO" is no CEO; "CEO of Baidu" is Baidu's
    return Speaker(name, role=best_role(own) if own else None, org=org.group(1).strip() if org else None)


@per_lexicon_set
def _speech_re() -> re.Pattern[str]:
    """A name right before a speech verb (built once per lexicon set, not once per sentence)."""
    v = vocab()
    return re.compile(
        rf"(?<![{HAN}\d])([{HAN}]{{2,4}}|{ENGLISH_NAME})\s*"  # "60万本小说" holds no name
        rf"({v.article_setting})?(?:{v.adverbs})*(?:{v.speech_verbs})"
    )


def speech_mentions(text: str, known: set[str] | frozenset[str] = frozenset()) -> list[Mention]:
    """Names right before a speech verb: ``吴泳铭表示``, ``蒋凡在财报电话会上提及``, ``曹菲还透露``."""
    v = vocab()
    out = []
    for m in _speech_re().finditer(text):
        name = strip_adverb(m.group(1), known)
        if _setting_re().match(text, m.start(1)):
            continue  # "广达于法说会中表示": 于 opens the setting, no surname
        if is_person_name(name) and not _listed_short_name(name):
            at_call = bool(m.group(2) and re.search(v.call_context, m.group(2), re.I))
            out.append(Mention(Speaker(name), m.start(), speaks=True, at_call=at_call))
    return out


@per_lexicon_set
def _setting_re() -> re.Pattern[str]:
    """A setting and its speech verb (``于法说会中表示``), with nobody named before the verb."""
    v = vocab()
    return re.compile(rf"(?:{v.article_setting})(?:{v.adverbs})*(?:{v.speech_verbs})")


def _listed_short_name(name: str) -> bool:
    """True when a bare name before a speech verb is a listed company's (``华硕表示``, ``万海指出``):
    the company speaks. A titled name (``创始人李宁``) is never checked against the registry."""
    return bool(re.fullmatch(f"[{HAN}]+", name)) and bool(listed().named(name))


def opens_with_speech(text: str) -> bool:
    """True when ``text`` opens with a name before a speech verb (``徐宏还提到,…``): what
    ``any(m.position == 0 for m in speech_mentions(text))`` says, without scanning the rest."""
    m = _speech_re().match(text)
    return m is not None and is_person_name(strip_adverb(m.group(1), frozenset()))


@dataclass(frozen=True)
class Asked:
    """An analyst's question told in prose (``高盛分析师Ronald Keung问及…``, ``有投资者问及…``)."""

    who: Speaker
    """The asker (an analyst; the name None when the text does not give it) and their firm."""
    start: int
    """Where the mention (firm included) starts in the text."""
    end: int
    """Where the asking verb ends."""


def _firm_before(pre: str) -> str | None:
    """The firm ending the words before ``分析师`` (``另有高盛`` -> 高盛)."""
    written = firm_ending(pre)
    if written is not None:
        return canonical_firm(pre[len(pre) - len(written) :])
    pre = vocab().firm_lead_re.sub("", pre).strip(" 的")
    return canonical_firm(pre) if len(pre) >= 2 else None


def prose_questions(text: str) -> list[Asked]:
    """Analysts' questions told in prose: ``摩根士丹利分析师Gary Yu于会上问及…``."""
    v = vocab()
    pattern = re.compile(
        rf"(?:^|(?<=[,。;:!?\s]))([^,。;:!?\s]{{0,16}}?)(?:{v.analyst_re.pattern})\s*"
        rf"({ENGLISH_NAME}|{TRANSLITERATED_NAME}|[{HAN}]{{2,4}}?)\s*(?:\([^)]{{1,30}}\)\s*)?"
        rf"(?:{v.asking_setting})?(?:{v.adverbs})*(?:{v.ask_verbs})",
        re.I,
    )
    out = []
    for m in pattern.finditer(text):
        if is_name(m.group(2)):
            who = Speaker(m.group(2), "analyst", firm=_firm_before(m.group(1)))
            out.append(Asked(who, m.start(), m.end()))
    return out


def unnamed_question(text: str) -> Asked | None:
    """A question whose asker the text leaves unnamed, opening the line (``另外,有投资者问及…``,
    ``另有分析师关心…``, ``摩根士丹利分析师问及…``: the firm kept)."""
    v = vocab()
    start = len(text) - len(text.lstrip())
    m = v.unnamed_ask_re.match(text)
    if m is not None:
        return Asked(Speaker(side="analyst"), start, m.end())
    firm = re.match(
        rf"\s*(?:(?:{v.ask_openers})\s*,?\s*)?([^,。;:!?\s]{{2,16}}?)(?:{v.analyst_re.pattern})\s*"
        rf"(?:{v.ask_verbs})(?!答)",
        text,
        re.I,
    )
    written = firm_ending(firm.group(1)) if firm else None
    if firm is None or written is None:
        return None  # the words before 分析师 must end in a firm of the lexicon
    low = firm.group(1).lower()
    who = Speaker(side="analyst", firm=canonical_firm(firm.group(1)[len(low) - len(written) :]))
    return Asked(who, start, firm.end())


def operator_intros(text: str) -> list[Speaker]:
    """The analysts (name and firm) an operator announces."""
    chinese, english = vocab().operator_intro_res
    out = []
    for m in chinese.finditer(text):
        if is_name(m.group(2)):
            out.append(Speaker(m.group(2), "analyst", firm=canonical_firm(m.group(1))))
    for m in english.finditer(text):
        if is_name(m.group(1)):
            out.append(Speaker(m.group(1), "analyst", firm=canonical_firm(m.group(2).strip())))
    return out
