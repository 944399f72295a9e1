"""The people's pages: executives by company, analysts by firm, a page for each person and firm,
split into a page per year when they are in more than HANDFUL calls."""

from __future__ import annotations

from functools import partial

from generator.site import urls
from generator.site.calls import calendar_year, years
from generator.site.pages.base import Site, Step
from generator.site.people import Firm, Person

ORDER = 50
"""Where this kind comes in the render (pages of earlier kinds are written first)."""


def steps(site: Site) -> list[Step]:
    """One part: every people page."""
    return [partial(render_people, site)]


def render_people(site: Site) -> None:
    """Executives by company, analysts by firm; a page each, split by year when long."""
    management = site.catalog.people.management()
    names = site.names
    site.write(urls.PEOPLE, "people.md.j2", people=site.catalog.people, management=management, names=names)
    site.write(urls.MANAGEMENT, "management.md.j2", management=management, names=names)
    for company_id, members in management.items():
        site.write(
            urls.management(company_id),
            "management_company.md.j2",
            name=names.get(company_id, company_id),
            members=sorted(members, key=lambda p: (-len(p.quotes) - len(p.answers), p.key)),
        )
    site.write(urls.ANALYSTS, "analysts.md.j2", firms=site.catalog.people.firms)
    for f in site.catalog.people.firms:
        render_firm(site, f)
    for p in site.catalog.people.people:
        render_person(site, p)


def render_firm(site: Site, f: Firm) -> None:
    """A firm's page: its names and analysts, then its questions (or a page per year)."""
    year_list = years((c for c, _ in f.questions), calendar_year) if f.split else []
    rows = [(f.year_page(y), y, n, [len(site.newest(f.questions, y, calendar_year))]) for y, n in year_list]
    items = [] if f.split else site.newest(f.questions)
    site.write(f.page, "firm.md.j2", f=f, items=items, year=None, year_rows=rows)
    for year, _ in year_list:
        items = site.newest(f.questions, year, calendar_year)
        site.write(f.year_page(year), "firm.md.j2", f=f, items=items, year=year, year_rows=[])


def render_person(site: Site, p: Person) -> None:
    """A person's page, or their index page and a page per year."""
    context = {
        "p": p,
        "names": site.names,
        "firms": [site.catalog.firms[k] for k in p.firms if k in site.catalog.firms],
    }
    lists = (p.quotes, p.answers, p.questions)
    if not p.split:
        quotes, answers, questions = (site.newest(items) for items in lists)
        site.write(
            p.page,
            "person.md.j2",
            quotes=quotes,
            answers=answers,
            questions=questions,
            year=None,
            year_rows=[],
            **context,
        )
        return
    year_list = years(p.calls(), calendar_year)
    rows = [
        (p.year_page(y), y, n, [len(site.newest(items, y, calendar_year)) for items in lists])
        for y, n in year_list
    ]
    site.write(
        p.page, "person.md.j2", quotes=[], answers=[], questions=[], year=None, year_rows=rows, **context
    )
    for year, _ in year_list:
        quotes, answers, questions = (site.newest(items, year, calendar_year) for items in lists)
        site.write(
            p.year_page(year),
            "person.md.j2",
            quotes=quotes,
            answers=answers,
            questions=questions,
            year=year,
            year_rows=[],
            **context,
        )
