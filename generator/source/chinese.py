"""Length-preserving Chinese normalisation for matching.

Extractors write their patterns in simplified Chinese with half-width punctuation.
Sources come in traditional script (``營收為``) and with full-width forms (``：，（）％``).
Both functions here map text one character to one character, so an offset found in the
normalised text is the same offset in the text it came from.

The Traditional -> Simplified table is built from the character dictionary that ships with
the ``opencc-python-reimplemented`` package (``opencc/dictionary/TSCharacters.txt``): only
single-character mappings, first candidate.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from functools import lru_cache
from pathlib import Path

TS_DICTIONARY = "TSCharacters.txt"


def _dictionary_path() -> Path | None:
    """Where opencc's TSCharacters.txt is, found without importing the package."""
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "dictionary" / TS_DICTIONARY
        if path.is_file():
            return path
    return None


@lru_cache(maxsize=1)
def ts_table() -> dict[int, str]:
    """Traditional -> Simplified, one character to one character (``str.translate`` table)."""
    path = _dictionary_path()
    table: dict[int, str] = {}
    if path is None:
        return table
    for row in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = row.partition("\t")
        candidates = targets.split()
        if len(source) == 1 and candidates and len(candidates[0]) == 1 and candidates[0] != source:
            table[ord(source)] = candidates[0]
    return table


class _NormTable(dict[int, str]):
    """A ``str.translate`` table that works out each character's normal form on first use."""

    def __missing__(self, code: int) -> str:
        value = _norm_char(chr(code))
        self[code] = value
        return value


# Middle dots between the parts of a transliterated name (詹姆斯‧米切爾) come in many code points.
MIDDLE_DOTS = "\u2027\u30fb\uff65\u22c5\u0387"


def _norm_char(ch: str) -> str:
    """Simplified, then NFKC when NFKC gives exactly one character, then simplified again;
    middle-dot variants become U+00B7."""
    if ch in MIDDLE_DOTS:
        return "\u00b7"
    ts = ts_table()
    out = ts.get(ord(ch), ch)
    nfkc = unicodedata.normalize("NFKC", out)
    if len(nfkc) == 1:
        out = nfkc
    return ts.get(ord(out), out)


_NORM = _NormTable()


def to_simplified(text: str) -> str:
    """``text`` with traditional characters replaced by simplified ones; same length."""
    return text.translate(ts_table())


def normalise(text: str) -> str:
    """``text`` for matching: simplified, half-width (per-character NFKC); same length."""
    return text.translate(_NORM)
