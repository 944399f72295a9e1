"""Review notes on the site are plain Chinese (generator/site/review.py): every wording the
extractor and the corrections write is known, no metric id or English reaches the reader, and
the note's line stays a link."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.site.review import UNKNOWN, reader_note
from generator.store.summaries import load_summaries

ROOT = Path(__file__).resolve().parents[2]

WRITTEN = [
    # generator/extract/summarize.py
    "company not recognised: add it to the companies lexicon",
    "company 示例科技 is not in the companies lexicon: named after the title or a ticker; check it and "
    "add it to the lexicon (its fiscal year is taken to start in January)",
    "fiscal period not found in the text",
    # generator/extract/dates.py
    "the text states no date: its year (2025) was inferred from context (years it reports as past); "
    "period and dates resolved from it are a guess",
    "the call date 2024-11-15 is a guess: the text gives only the day (15日); the month is the first "
    "after the period's end in which that day is a weekday",
    # generator/extract/metrics/
    "line 15: share_repurchase taken from a link or headline line the reader dropped",
    "line 20: share_repurchase 3.8亿元 is the total of something completed in 已于2月完成, not this "
    "period's; left out",
    "line 21: revenue 30亿越南盾 is in a currency the reader does not know; left out",
    "line 103: repurchase_authorization_remaining 300亿 has no currency; USD assumed",
    "line 30: several values for revenue/云智能集团/quarter: 1,000亿元 (line 30), 1,100亿元 (line 41)",
    "line 31: several values for net_income/-: 10亿元 (line 31), 12亿元 (line 44)",
    "line 50: gross_margin 40% left out: the gross_margin for quarter is 41% (line 12)",
    "line 51: capex 10亿元 left out: the capex for the period is 12亿元 (line 13)",
    "line 60: revenue 1,150亿元 is guidance or an outlook, not a reported figure; left out",
    "line 87: 所以我经历了淘宝从零收入: the words before the metric name no clear business line; its "
    "figure is left out",
    "line 47: 效果广告 segment_revenue: only a change given as a bound (超过…), no value; left out",
    # generator/store/corrections.py
    "correction not applied: metrics: fix revenue/quarter matches no metric",
    # generator/extract/summarize.py: the fiscal calendar taken for a company outside the registry
    "company Toyota is not in the companies lexicon: named after the title or a ticker; check it and "
    "add it to the lexicon (its fiscal year is taken to start in April: periods.yaml's fiscal_year_starts "
    "lists it)",
    "company 示例 is not in the companies lexicon: named after the title or a ticker; check it and "
    "add it to the lexicon (its fiscal year is taken to start in July: the text states a quarter's or "
    "the year's end)",
    "company 示例 is not in the companies lexicon: named after the title or a ticker; check it and "
    "add it to the lexicon (its fiscal year is taken to start in April: the text's fiscal labels would "
    "not have ended by its date otherwise)",
]
METRIC_ID = re.compile(r"[a-z]+_[a-z_]+|\b(?:line|left out|assumed|the)\b")


@pytest.mark.parametrize("note", WRITTEN)
def test_every_written_note_is_told_in_chinese(note: str) -> None:
    told = reader_note(note)
    assert told.known and told.text != UNKNOWN, note
    assert not METRIC_ID.search(told.text), told.text
    assert told.text.endswith("。") and not re.search(
        r"[\u4e00-\u9fff][,;:()]|[,;:(][\u4e00-\u9fff]", told.text
    )
    assert told.line == (int(note.split()[1].rstrip(":")) if note.startswith("line ") else None)


def test_parts_are_named_for_readers() -> None:
    assert reader_note(WRITTEN[8]).text == "剩余回购额度 300亿 没有写明币种，按美元处理，请核对。"
    several = reader_note(WRITTEN[9]).text
    assert "（云智能集团）" in several and "（第 41 行）" in several and "季度" in several


def test_an_unknown_note_asks_for_a_check_and_keeps_its_line() -> None:
    told = reader_note("line 9: something the extractor will say one day")
    assert (told.line, told.text, told.known) == (9, UNKNOWN, False)


def test_the_committed_notes_are_all_known() -> None:
    summaries, _ = load_summaries(ROOT / "content" / "summaries")
    notes = [n for s in summaries for n in s.review]
    assert notes and all(reader_note(n).known for n in notes), [n for n in notes if not reader_note(n).known]


TOKEN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|<[^>]*>|\]\([^)]*\)|`[^`]*`", re.S)
HALF_WIDTH = re.compile(r"[\u4e00-\u9fff\u3002][,;:()]|[,;:(][\u4e00-\u9fff]")


def test_the_templates_write_chinese_with_full_width_punctuation() -> None:
    # topic*.md.j2 belong to the topic pages' owner: not swept here yet
    templates = sorted(
        p for p in (ROOT / "generator" / "site" / "templates").glob("*.j2") if "topic" not in p.name
    )
    found = []
    for path in templates:
        prose = TOKEN.sub(" ", path.read_text(encoding="utf-8"))
        found += [f"{path.name}: {m.group(0)}" for m in HALF_WIDTH.finditer(prose)]
    assert not found, found


def test_fiscal_start_is_told_as_taken() -> None:
    """The note on a company outside the registry tells the fiscal calendar taken, not January
    whatever was taken (periods.yaml's fiscal_year_starts, a stated quarter end, the labels)."""
    assert "其财年按自然年处理" in reader_note(WRITTEN[1]).text
    assert "其财年按4月开始处理" in reader_note(WRITTEN[-3]).text
    assert "其财年按7月开始处理" in reader_note(WRITTEN[-2]).text
    assert "自然年" not in reader_note(WRITTEN[-1]).text
