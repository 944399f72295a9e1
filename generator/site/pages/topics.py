"""The topics' pages: the index of topics, a page per topic, per topic and company, and per
topic, company and fiscal year."""

from __future__ import annotations

from functools import partial

from generator.site import urls
from generator.site.calls import fiscal_year
from generator.site.pages.base import Site, Step

ORDER = 60
"""Where this kind comes in the render (pages of earlier kinds are written first)."""


def steps(site: Site) -> list[Step]:
    """One part: every topic page."""
    return [partial(render_topics, site)]


def render_topics(site: Site) -> None:
    """A page per topic, an index per topic and company, and a page per company and year."""
    site.write(urls.TOPICS, "topics.md.j2", topics=site.catalog.topics)
    for t in site.catalog.topics:
        site.write(t.page(), "topic.md.j2", t=t, names=site.names)
        for cid in t.companies():
            quotes, exchanges = t.quotes.get(cid, []), t.qa.get(cid, [])
            name = site.catalog.names.get(cid, cid)
            by_year = {
                y: (n, site.newest(quotes, y, fiscal_year), site.newest(exchanges, y, fiscal_year))
                for y, n in t.years(cid)
            }
            rows = [(t.page(cid, y), y, n, [len(q), len(e)]) for y, (n, q, e) in by_year.items()]
            site.write(t.page(cid), "topic_company.md.j2", t=t.named(), cid=cid, name=name, year_rows=rows)
            for year, (_, year_quotes, year_exchanges) in by_year.items():
                site.write(
                    t.page(cid, year),
                    "topic_year.md.j2",
                    t=t.named(),
                    cid=cid,
                    name=name,
                    year=year,
                    quotes=year_quotes,
                    exchanges=year_exchanges,
                )
