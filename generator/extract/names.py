"""Names, firms and roles: whether words are a person's name, a firm of the lexicon or a title.

Every decision reads the compiled vocabulary (:mod:`generator.extract.vocab`) and the company
and firm registries; nothing here knows a word of its own.
"""

from __future__ import annotations

import re

from generator.extract.vocab import ENGLISH_NAME, HAN, NAME_DOTS, TRANSLITERATED_NAME, vocab
from generator.lexicon import per_lexicon_set
from generator.lexicon.companies import companies
from generator.lexicon.firms import firms

_ENGLISH_NAME_RE = re.compile(ENGLISH_NAME)
_TRANSLITERATED_RE = re.compile(TRANSLITERATED_NAME)
_CHINESE_NAME_RE = re.compile(f"[{HAN}]{{2,4}}")


def is_chinese_name(text: str) -> bool:
    """True for a plausible Chinese personal name: a known surname plus one to three characters."""
    v = vocab()
    if not _CHINESE_NAME_RE.fullmatch(text) or text in v.not_names or text.lower() in v.not_labels:
        return False
    if text.lower() in v.firm_of or text.lower() in v.role_of or text.lower() in v.operators:
        return False
    if text[:2] in v.surnames:
        return len(text) in (3, 4)
    return text[0] in v.surnames and len(text) in (2, 3)


def is_english_name(text: str) -> bool:
    """True for two to four capitalised words that are not a title, firm, heading or boilerplate
    word (``Key Takeaways``, ``Market Cap``), nor a sentence's end and the next one's start
    (``Manager. Operator``), nor a courtesy form (``Mr. Cook``, see :func:`surname_alias`)."""
    v = vocab()
    if not _ENGLISH_NAME_RE.fullmatch(text) or v.name_prefix_re.match(text):
        return False
    low = text.lower()
    if low in v.not_labels or low in v.firm_of or low in v.operators or v.role_re.search(text):
        return False
    words = text.split()
    if any(w.endswith(".") and len(w.strip(".")) > 2 and "." not in w.strip(".") for w in words):
        return False  # "Manager. Operator": a word ending a sentence, not an initial ("C.", "Jr.")
    if any(w.endswith(("'s", "’s")) for w in words):
        return False  # "Tuniu's Founder": a possessive, not a name
    if any(_glued_label(w, v.not_labels) for w in words):
        return False  # "EditorAhmed Abdulkadir": a byline's label run into the name
    return not any(w.lower() in v.not_labels or w.lower().strip(".") in v.heading_words for w in words)


def _glued_label(word: str, labels: frozenset[str]) -> bool:
    """True for a word that is a page label run into a capitalised word (``EditorAhmed``, ``ByJohn``)."""
    for i in range(2, len(word) - 1):
        if word[i].isupper() and word[i - 1].islower() and word[:i].lower() in labels:
            return True
    return False


def without_prefix(text: str) -> str:
    """``Mr. Leaf Li`` -> ``Leaf Li``: an English name without its courtesy word."""
    m = vocab().name_prefix_re.match(text)
    return text[m.end() :] if m else text


def is_transliterated_name(text: str) -> bool:
    """True for a foreign name written in Chinese with middle dots (``詹姆斯‧米切爾``)."""
    if not _TRANSLITERATED_RE.fullmatch(text):
        return False
    v = vocab()
    parts = re.split(f"[{NAME_DOTS}]", text)
    return not any(p in v.not_names or p.lower() in v.firm_of or p.lower() in v.role_of for p in parts)


def is_name(text: str) -> bool:
    """A personal name in Chinese or English (or a foreign name written in Chinese)."""
    return is_chinese_name(text) or is_english_name(text) or is_transliterated_name(text)


def is_person_name(text: str) -> bool:
    """A personal name that is neither a company's name nor a firm's (``蔚来`` is no person)."""
    return is_name(text) and text.lower() not in company_names() and known_firm(text) is None


def surname_alias(text: str) -> bool:
    """True for a polite short form such as ``吴总`` (a surname, then ``speakers.surname_titles``)
    or ``Mr. Cook`` (a courtesy word of ``speakers.name_prefixes``, then one capitalised word)."""
    v = vocab()
    if text[:1] in v.surnames and text[1:] in v.words.surname_titles:
        return True
    m = v.name_prefix_re.match(text)
    return bool(m and re.fullmatch(r"[A-Z][A-Za-z'’\-]+", text[m.end() :]))


def canonical_firm(written: str) -> str:
    """The firm as a summary records it (:meth:`generator.lexicon.firms.Firms.as_recorded`)."""
    return firms().as_recorded(written)


def known_firm(text: str) -> str | None:
    """The canonical firm when ``text`` is exactly a firm of the lexicon."""
    return firms().known(text)


def firm_ending(text: str) -> str | None:
    """The firm wording (lower case) ``text`` ends with, the longest one, or None."""
    low = text.lower()
    return next((w for w in vocab().firms_longest if low.endswith(w)), None)


def best_role(text: str) -> str | None:
    """The highest-priority canonical role named in ``text``."""
    v = vocab()
    roles = {v.role_of[m.group(0).lower()] for m in v.role_re.finditer(text)}
    return min(roles, key=lambda r: v.role_rank[r]) if roles else None


def company_names() -> dict[str, str]:
    """Every company name (lower-cased) -> company id, from the company registry."""
    return _company_names()


@per_lexicon_set
def _company_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in companies():
        for name in entry.all_names:
            out.setdefault(name.lower(), entry.id)
    return out


@per_lexicon_set
def _names_longest() -> tuple[str, ...]:
    # Ties keep the lexicon's order: the first company listed wins.
    return tuple(sorted(company_names(), key=len, reverse=True))


def org_company(org: str | None) -> str | None:
    """The company id an affiliation or title prefix names, if any (the longest name it holds)."""
    if not org:
        return None
    low = org.lower()
    names = company_names()
    return next((names[n] for n in _names_longest() if n in low), None)
