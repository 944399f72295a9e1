"""Helpers of the identity tests (company, dates, period): a text read as a document, its identity."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.extract.calendar import fiscal_start
from generator.extract.company import identify_company
from generator.extract.dates import DateContext, date_context, identify_call_date
from generator.extract.period import identify_period
from generator.model import Company, Document, Period
from generator.source.read import read_source


def doc_of(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return read_source(path, tmp_path)


def identify(doc: Document) -> tuple[Company, DateContext, Period, date | None]:
    """Company, date context, period and call date of ``doc``, as ``summarize`` finds them."""
    company = identify_company(doc)
    ctx = date_context(doc)
    period = identify_period(doc, fiscal_start(company, doc), ctx)
    return company, ctx, period, identify_call_date(doc, ctx, period)
