"""Collect, then write: everything the pages need, computed once from the whole set of summaries.

The calls (:mod:`~generator.site.calls`), people and firms (:mod:`~generator.site.people`),
topics (:mod:`~generator.site.topics`) and the like-for-like changes with each call's previous
period (:mod:`~generator.site.likeforlike`) and the guidance and consensus held against what was
reported (:mod:`~generator.site.forecasts`) are built here before any page is rendered, all sorted, so
the pages built from them are deterministic.
"""

from __future__ import annotations

from generator.lexicon.firms import Firms, firms
from generator.model import Summary
from generator.site.calls import Call, build_calls, by_company
from generator.site.forecasts import Ledger
from generator.site.likeforlike import LikeForLike
from generator.site.people import Firm, People, alias_map, build_people
from generator.site.topics import Topic, build_topics


class Catalog:
    """The calls, companies, people, firms and topics of the site, and the lookups between them."""

    def __init__(self, summaries: list[Summary]) -> None:
        self.calls: list[Call] = build_calls(summaries)
        """Every call with a page, newest first."""
        self.rank = {c.id: i for i, c in enumerate(self.calls)}
        """Call id -> its place in :attr:`calls` (what orders items newest first)."""
        self.companies: dict[str, list[Call]] = by_company(self.calls)
        """Company id -> its calls, oldest first."""
        self.names = {cid: calls[0].company_name for cid, calls in self.companies.items()}
        """Company id -> its display name."""
        self.people: People = build_people(self.calls)
        self.person_pages = {p.key: p.page for p in self.people.people}
        """person_key -> the person's page."""
        self.firms: dict[str, Firm] = self.people.firm_by_key()
        self.firm_table: Firms = firms()
        self.topics: list[Topic] = build_topics(self.calls)
        self.topic_pages = {t.name: t.page() for t in self.topics}
        """Topic name -> its landing page."""
        self.like_for_like = LikeForLike(self.calls)
        """Each figure against the same period a year earlier and the period before."""
        self.ledger = Ledger(self.like_for_like.index)
        """Guidance and consensus, each with the actual once its period's call is on file."""
        self.previous: dict[str, Call] = {
            c.id: prev for c in self.calls if (prev := self.like_for_like.previous(c)) is not None
        }
        """Call id -> the company's call of the period just before (only when it is on file)."""
        self.aliases = {c.id: alias_map(c.summary) for c in self.calls}
        """Call id -> how its summary names each participant (alias -> canonical name)."""
