"""The downloads page, and the whole site's metrics as CSV and JSON."""

from __future__ import annotations

from functools import partial

from generator.site import export, urls
from generator.site.pages.base import Site, Step

ORDER = 70
"""Where this kind comes in the render (pages of earlier kinds are written first)."""


def steps(site: Site) -> list[Step]:
    """One part: the site's downloads and their page."""
    return [partial(site.unit, "data", site.catalog.calls, partial(render_data, site))]


def render_data(site: Site) -> None:
    """The whole site's metrics as CSV and JSON, and the page that links them."""
    rows = export.site_rows(site.catalog.calls)
    skipped = sum(len(c.summary.metrics) for c in site.catalog.calls) - len(rows)
    site.put(urls.site_data("csv"), export.to_csv(rows))
    site.put(urls.site_data("json"), export.to_json(rows))
    site.write(
        urls.DATA,
        "data.md.j2",
        rows=len(rows),
        skipped=skipped,
        calls=site.catalog.calls,
        columns=export.COLUMNS,
    )
