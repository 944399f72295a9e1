"""Stage 2: a Document -> a Summary (the contract of docs/summary-format.md).

This module only orchestrates; each kind of extraction has its own module:

    turns     speaker turns and the shape of the source (transcript | article | digest)
    company   the company and its tickers
    calendar  its fiscal calendar
    dates     when the text was written, the call date
    period    the fiscal period
    people    participants
    qa        analyst exchanges
    quotes    key management statements
    metrics   reported figures
"""

from __future__ import annotations

import calendar

from generator.extract.calendar import fiscal_start, start_basis
from generator.extract.company import identify_company
from generator.extract.dates import date_context, identify_call_date
from generator.extract.genre import contract_kind, source_genre
from generator.extract.metrics.extractor import extract_figures
from generator.extract.people import find_people
from generator.extract.period import identify_period, period_start
from generator.extract.qa import find_exchanges
from generator.extract.quotes import select_quotes
from generator.extract.turns import source_kind, source_language, split_turns
from generator.model import Document, SourceInfo, Summary


def summarize(doc: Document) -> Summary:
    """Extract the summary of one transcript. Never invents: unknown fields stay None."""
    turns = split_turns(doc)
    kind = source_kind(turns, doc)
    genre = source_genre(doc, kind)
    source = SourceInfo(
        path=doc.path,
        sha256=doc.sha256,
        title=doc.title,
        kind=contract_kind(genre, kind),
        genre=genre,
        encoding=doc.encoding,
        language=source_language(doc),
    )
    summary = Summary(source=source)
    review = summary.review

    company = identify_company(doc)
    summary.company = company
    dates = date_context(doc)
    listed = fiscal_start(company, doc)
    start = period_start(doc, listed, dates)
    if company.name is None:
        review.append("company not recognised: add it to the companies lexicon")
    elif company.id is None:
        review.append(
            f"company {company.name} is not in the companies lexicon: named after the title or a ticker; "
            f"check it and add it to the lexicon ({_start_told(start, start_basis(company, doc), listed)})"
        )

    period = identify_period(doc, start, dates)
    summary.period = period
    summary.call_date = identify_call_date(doc, dates, period)
    review.extend(dates.notes)
    if period.period_end is None:
        review.append("fiscal period not found in the text")

    people = find_people(doc, turns, kind, company)
    summary.participants = people.participants()
    summary.qa = find_exchanges(doc, turns, people)
    summary.quotes = select_quotes(doc, turns, people, kind)

    found = extract_figures(doc, company, period)
    summary.metrics, summary.guidance, summary.consensus = found.metrics, found.guidance, found.consensus
    review.extend(found.notes)
    return summary


START_BASIS = {
    "listed": "periods.yaml's fiscal_year_starts lists it",
    "stated": "the text states a quarter's or the year's end",
    "labels": "the text's fiscal labels would not have ended by its date otherwise",
}
"""Why a company outside the registry has its fiscal year taken to start in a month other than
January (the review note tells it; generator/site/review.py tells it in Chinese)."""


def _start_told(start: int, basis: str | None, listed: int) -> str:
    """The fiscal calendar taken for a company outside the registry, as its review note tells it:
    ``its fiscal year is taken to start in April: periods.yaml's fiscal_year_starts lists it``."""
    told = f"its fiscal year is taken to start in {calendar.month_name[start]}"
    if start != listed:
        basis = "labels"
    return f"{told}: {START_BASIS[basis]}" if basis in START_BASIS else told
