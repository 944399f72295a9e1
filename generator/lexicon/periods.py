"""The wording of dates and periods (``periods.yaml``), as patterns, built once per run."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from generator.lexicon import _dirs_key, built_from_lexicons, load
from generator.lexicon.words import word_pattern


def words(key: str) -> re.Pattern[str]:
    """The words of ``periods.yaml`` under ``key``, longest first, as one case-blind pattern."""
    return _words(key, _dirs_key())


@built_from_lexicons
@cache
def _words(key: str, _key: tuple[Path, ...]) -> re.Pattern[str]:
    return word_pattern(load("periods")[key], re.IGNORECASE)
