"""The calls' landing pages: companies, a company's fiscal years, and one year's calls and metrics."""

from __future__ import annotations

from functools import partial

from generator.site import urls
from generator.site.calls import Call
from generator.site.pages.base import Site, Step
from generator.site.series import headline_revenue, series_rows

ORDER = 30
"""Where this kind comes in the render (pages of earlier kinds are written first)."""


def steps(site: Site) -> list[Step]:
    """One part: every calls/ landing page."""
    return [partial(render_call_indexes, site)]


def render_call_indexes(site: Site) -> None:
    """calls/, calls/<company>/ and calls/<company>/<year>/ landing pages."""
    companies = site.catalog.companies
    site.write(urls.CALLS, "calls_index.md.j2", companies=companies)
    for company_id, calls in companies.items():
        by_year: dict[str, list[Call]] = {}
        for call in calls:
            by_year.setdefault(call.year, []).append(call)
        site.write(
            urls.calls_company(company_id),
            "calls_company.md.j2",
            company_id=company_id,
            name=calls[0].company_name,
            years=by_year,
        )
        for year, year_calls in by_year.items():
            site.write(
                urls.calls_year(company_id, year),
                "calls_year.md.j2",
                company_id=company_id,
                name=calls[0].company_name,
                title=year_calls[0].year_title,
                calls=list(reversed(year_calls)),
                revenue=headline_revenue,
                series=series_rows(year_calls),
            )
