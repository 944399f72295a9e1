"""Analysts' firms: the one place that decides how a written firm name maps to the firms lexicon.

Two readings of one table (``firms.yaml``: canonical name -> variants):

* :meth:`Firms.as_recorded` is what a summary records: a firm spelled out in Chinese (three
  or more Han characters) as written, anything shorter or in Latin letters (``GS``, ``Citi``)
  as the lexicon's canonical name, matched on lower case;
* :meth:`Firms.canonical` is how the site groups firms: simplified, NFKC, case-folded and
  without spaces or punctuation, every variant folds to its canonical name (``花旗银行``,
  ``Citi`` -> 花旗); a firm the lexicon does not know stays as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.lexicon import load, per_lexicon_set
from generator.source.chinese import to_simplified

HAN = re.compile(r"[\u3400-\u9fff]")
SPELLED_OUT = 3
"""A firm written with this many Han characters or more is recorded as written."""


def match_key(name: str) -> str:
    """How a firm's name is compared on the site: simplified, NFKC, case-folded, letters and digits."""
    text = unicodedata.normalize("NFKC", to_simplified(name)).casefold()
    return "".join(ch for ch in text if ch.isalnum())


@dataclass(frozen=True)
class Firms:
    """The firms lexicon, indexed both ways."""

    by_lower: dict[str, str]
    """Every name (canonical and variants), lower case -> canonical name (first entry wins)."""
    by_key: dict[str, str]
    """Every name's :func:`match_key` -> canonical name (first entry wins)."""

    def known(self, text: str) -> str | None:
        """The canonical firm when ``text`` is exactly a firm of the lexicon (case aside)."""
        return self.by_lower.get(text.strip().lower())

    def as_recorded(self, written: str) -> str:
        """The firm as a summary records it (see the module's docstring)."""
        written = written.strip(" -—·,")
        if len(HAN.findall(written)) >= SPELLED_OUT:
            return written
        return self.by_lower.get(written.lower(), written)

    def canonical(self, written: str) -> str:
        """The firm as the site groups it: the lexicon's canonical name, else as written (trimmed)."""
        return self.by_key.get(match_key(written), written.strip())


@per_lexicon_set
def firms() -> Firms:
    """The firms of the current lexicons, built once."""
    by_lower: dict[str, str] = {}
    by_key: dict[str, str] = {}
    for canon, variants in ((load("firms") or {}).get("firms") or {}).items():
        for name in [canon, *(variants or [])]:
            by_lower.setdefault(str(name).lower(), str(canon))
            key = match_key(str(name))
            if key:
                by_key.setdefault(key, str(canon))
    return Firms(by_lower=by_lower, by_key=by_key)
