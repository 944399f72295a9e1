"""The companies' pages: the index of companies, and a page per company with its latest calls,
latest changes, charts, metrics, and its guidance and consensus ledger (earlier calls are on its
calls/ year pages)."""

from __future__ import annotations

from functools import partial

from generator.lexicon.labels import metric_labels
from generator.model import Metric
from generator.site import charts, format, urls
from generator.site.calls import Call
from generator.site.forecasts import CONSENSUS, GUIDANCE
from generator.site.likeforlike import Computed
from generator.site.pages.base import Site, Step
from generator.site.pages.call import call_topics
from generator.site.series import (
    compare,
    headline_revenue,
    metric_key,
    once_per_period,
    ordered_series,
    period_axis,
    series_rows,
)

RECENT_CALLS = 8
"""Calls (and their metrics) on a company's page; all of them are on its calls/ year pages."""
LIKE_FOR_LIKE_CALLS = 4
"""Calls whose computed year-on-year and quarter-on-quarter changes the company page lists
(a year of quarters); every call page lists its own."""
CHART_POINTS = 12
"""Periods in a company's charts (quarters, or years for full-year figures): the latest ones,
so that bars stay readable; a period without a figure keeps its place."""


ORDER = 40
"""Where this kind comes in the render (pages of earlier kinds are written first)."""


def steps(site: Site) -> list[Step]:
    """A part per company, then the index of companies."""
    companies = site.catalog.companies
    return [
        *(
            partial(site.unit, f"company:{cid}", calls, partial(render_company, site, cid, calls))
            for cid, calls in companies.items()
        ),
        partial(site.write, urls.COMPANIES, "companies.md.j2", companies=companies),
    ]


def like_for_like_rows(site: Site, calls: list[Call]) -> list[tuple[Call, Metric, list[Computed]]]:
    """(call, figure, computed changes) of ``calls``: grouped by figure as the metric tables
    order them, newest call first within each."""
    rank = metric_labels().rank
    rows = [(c, m, found) for c in calls for m, found in site.catalog.like_for_like.table(c)]
    order = {c.id: i for i, c in enumerate(calls)}
    rows.sort(key=lambda r: (r[1].segment is not None, rank(r[1].metric), metric_key(r[1]), -order[r[0].id]))
    return rows


def render_company(site: Site, company_id: str, calls: list[Call]) -> None:
    """The company page: its latest calls, latest changes, charts, metrics, and its guidance and
    consensus ledger (earlier calls and their metrics are on the calls/<company>/<year>/ pages)."""
    chart_order = metric_labels().charts
    chart_files = []
    gaps = False
    for key, points in ordered_series(calls).items():
        axis = period_axis(
            [(c, m) for c, m in once_per_period(points) if m.value is not None],
            key[2] == "fiscal_year",
            CHART_POINTS,
        )
        values = [float(p[1].value) if p and p[1].value is not None else None for _, p in axis]
        if key[0] not in chart_order or sum(v is not None for v in values) < 2:
            continue
        scale = charts.scale_for([v for v in values if v is not None], key[3])
        title = format.metric_name(key[0]) + (f" · {key[1]}" if key[1] else "")
        title += f"({format.scope_label(key[2])})" if key[2] else ""
        svg = charts.bar_chart(
            format.one_line(title),
            scale.label,
            [label for label, _ in axis],
            [v / scale.factor if v is not None else None for v in values],
        )
        gaps = gaps or None in values
        path = urls.company_chart(company_id, key)
        site.put(path, svg)
        chart_files.append((chart_order.index(key[0]), key, path, title))
    chart_files.sort(key=lambda item: (item[0], item[1]))
    latest = calls[-1]
    prev = site.catalog.previous.get(latest.id)
    tickers = sorted({t for c in calls for t in c.summary.company.tickers})
    site.write(
        urls.company(company_id),
        "company.md.j2",
        search_filters={"company": latest.company_name},
        company_id=company_id,
        name=latest.company_name,
        tickers=tickers,
        total=len(calls),
        calls=list(reversed(calls[-RECENT_CALLS:])),
        series=series_rows(calls[-RECENT_CALLS:]),
        charts=[(path, title) for _, _, path, title in chart_files],
        chart_gaps=gaps,
        gap_text=charts.GAP_TEXT,
        comparison=compare(prev, latest, partial(call_topics, site.root)) if prev else None,
        likeforlike=like_for_like_rows(site, calls[-LIKE_FOR_LIKE_CALLS:]),
        revenue=headline_revenue,
        guidance=[o for c in reversed(calls) for o in site.catalog.ledger.given(c, GUIDANCE)],
        consensus=[o for c in reversed(calls) for o in site.catalog.ledger.given(c, CONSENSUS)],
    )
