"""The wording of dates and periods (``periods.yaml``) as a typed record, built once per run.

The extractors (``extract/dates.py``, ``extract/period.py``, ``extract/company.py``) keep the
syntax (digits, 年/月/日 of a written date, English abbreviations) and take every word from here.
A list that is no list of texts, or a mapping that does not map texts to whole numbers, is a
:class:`LexiconError` naming the key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from generator.errors import LexiconError
from generator.lexicon import load, per_lexicon_set
from generator.lexicon.words import alternation, longest_first, word_pattern

Words = tuple[str, ...]


@dataclass(frozen=True)
class PeriodWording:
    """Every list and mapping of ``periods.yaml`` (see the file's header for what each means)."""

    future: Words
    result: Words
    year_parts: Words
    late_year_parts: Words
    range_words: Words
    results_words: Words
    results_before: Words
    fiscal_year: Words
    fiscal_quarter: Words
    fiscal_quarter_short: Words
    quarter: Words
    quarter_short: Words
    quarter_short_not_before: Words
    quarter_not_after: Words
    yearless_quarter_not_after: Words
    named_quarters: dict[str, int]
    relative_years: dict[str, int]
    period_end: Words
    month_end_words: Words
    year_end_words: Words
    bracketed_years: dict[str, int]
    annual_results: Words
    first_half: Words
    interim: Words
    interim_before: Words
    six_months: Words
    annual: Words
    annual_not_before: Words
    annual_not_after: Words
    title_period_words: Words
    until_words: Words
    until_after: Words
    release_verbs: Words
    report_words: Words
    held_verbs: Words
    call_words: Words
    meeting_labels: Words
    date_labels: Words
    line_date_labels: Words
    relative_days: dict[str, int]
    relative_days_after: dict[str, int]
    weekday_prefixes: Words
    weekdays: dict[str, int]
    relative_weeks: dict[str, int]
    times_of_day: Words
    this_month: Words
    not_a_day_before: Words
    dateline_words: Words
    wire_services: Words
    wire_dateline_words: Words
    dateline_labels: Words
    year_after_end: Words
    month_quarter: Words
    year_within_end: Words
    part_within_end: Words
    part_of_whole: Words
    year_to_date: dict[str, int]
    comparison_before: Words
    reference_after: Words
    year_range_words: Words
    roc_year_before: Words
    comparison_clause: Words
    call_date_labels: Words
    byline_words: Words
    bracket_labels: Words
    editor_labels: Words
    fiscal_year_starts: dict[str, int]


def alt(words: Iterable[str]) -> str:
    """The words as one group ``(?:a|b)``, longest first (a longer word wins)."""
    return f"(?:{alternation(words)})"


def not_after(words: Iterable[str]) -> str:
    """Lookbehinds that fail right after any of the words (each fixed-width, so any length works)."""
    return "".join(f"(?<!{re.escape(w)})" for w in longest_first(words))


def after(words: Iterable[str]) -> str:
    """A lookbehind that holds right after one of the words; never holds when there are none."""
    ordered = longest_first(words)
    return "(?:" + "|".join(f"(?<={re.escape(w)})" for w in ordered) + ")" if ordered else "(?!)"


def _texts(value: Any, key: str) -> Words:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(f"{key} must be a list of words", "periods lexicon")
    return tuple(value)


def _numbers(value: Any, key: str) -> dict[str, int]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k and isinstance(v, int) and not isinstance(v, bool) for k, v in value.items()
    ):
        raise LexiconError(f"{key} must map words to whole numbers", "periods lexicon")
    return dict(value)


@per_lexicon_set
def wording() -> PeriodWording:
    """The date and period wording of the current lexicons (bundled plus the project's)."""
    data = load("periods") or {}
    if not isinstance(data, dict):
        raise LexiconError("the periods lexicon must be a mapping", "periods lexicon")
    values: dict[str, Any] = {}
    for f in fields(PeriodWording):
        if f.name not in data:
            raise LexiconError(f"{f.name} is missing", "periods lexicon")
        parse = _numbers if f.type == "dict[str, int]" else _texts
        values[f.name] = parse(data[f.name], f.name)
    return PeriodWording(**values)


@per_lexicon_set
def words(key: str) -> re.Pattern[str]:
    """The words of ``periods.yaml`` under ``key``, longest first, as one case-blind pattern."""
    return word_pattern(getattr(wording(), key), re.IGNORECASE)
