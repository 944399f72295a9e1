"""The home page: every call, newest first (one lean row each)."""

from __future__ import annotations

from functools import partial

from generator.site import urls
from generator.site.pages.base import Site, Step
from generator.site.series import headline_revenue

ORDER = 10
"""Where this kind comes in the render (pages of earlier kinds are written first)."""


def steps(site: Site) -> list[Step]:
    """The home page."""
    return [partial(site.write, urls.HOME, "home.md.j2", calls=site.catalog.calls, revenue=headline_revenue)]
