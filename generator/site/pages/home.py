"""The home page: every call, newest first (one lean row each); and the values of the search filters."""

from __future__ import annotations

from functools import partial

from generator.site import urls
from generator.site.pages.base import FILTERS_FILE, Site, Step, filter_values
from generator.site.series import headline_revenue

ORDER = 10
"""Where this kind comes in the render (pages of earlier kinds are written first)."""


def steps(site: Site) -> list[Step]:
    """The home page."""
    return [
        partial(site.write, urls.HOME, "home.md.j2", calls=site.catalog.calls, revenue=headline_revenue),
        partial(site.put, FILTERS_FILE, filter_values(site.catalog.calls)),
    ]
