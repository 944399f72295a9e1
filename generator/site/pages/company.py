"""The companies' pages: the index of companies, and a page per company with its latest calls,
latest changes, charts and metrics (earlier calls are on its calls/ year pages)."""

from __future__ import annotations

from functools import partial

from generator.lexicon.labels import metric_labels
from generator.site import charts, format, urls
from generator.site.calls import Call
from generator.site.pages.base import Site, Step
from generator.site.series import compare, headline_revenue, once_per_period, ordered_series, series_rows

RECENT_CALLS = 8
"""Calls (and their metrics) on a company's page; all of them are on its calls/ year pages."""
CHART_POINTS = 12
"""Periods in a company's charts: the latest ones, so that bars stay readable."""


ORDER = 40
"""Where this kind comes in the render (pages of earlier kinds are written first)."""


def steps(site: Site) -> list[Step]:
    """A part per company, then the index of companies."""
    companies = site.catalog.companies
    return [
        *(partial(render_company, site, cid, calls) for cid, calls in companies.items()),
        partial(site.write, urls.COMPANIES, "companies.md.j2", companies=companies),
    ]


def render_company(site: Site, company_id: str, calls: list[Call]) -> None:
    """The company page: its latest calls, latest changes, charts and metrics (earlier calls
    and their metrics are on the calls/<company>/<year>/ pages)."""
    chart_order = metric_labels().charts
    chart_files = []
    for key, points in ordered_series(calls[-CHART_POINTS:]).items():
        values = [(c, m) for c, m in once_per_period(points) if m.value is not None]
        if key[0] not in chart_order or len(values) < 2:
            continue
        scale = charts.scale_for([float(m.value) for _, m in values if m.value is not None], key[3])
        title = format.metric_name(key[0]) + (f" · {key[1]}" if key[1] else "")
        title += f"({format.scope_label(key[2])})" if key[2] else ""
        svg = charts.bar_chart(
            format.one_line(title),
            scale.label,
            [c.period for c, _ in values],
            [float(m.value) / scale.factor for _, m in values if m.value is not None],
        )
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
        company_id=company_id,
        name=latest.company_name,
        tickers=tickers,
        total=len(calls),
        calls=list(reversed(calls[-RECENT_CALLS:])),
        series=series_rows(calls[-RECENT_CALLS:]),
        charts=[(path, title) for _, _, path, title in chart_files],
        comparison=compare(prev, latest) if prev else None,
        revenue=headline_revenue,
    )
