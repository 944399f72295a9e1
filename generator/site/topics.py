"""Topics across every call: each topic's quotes and Q&A exchanges, by company."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.model import QAExchange, Quote
from generator.site import urls
from generator.site.calls import Call, Year, fiscal_year, years
from generator.site.urls import unique_slugs


@dataclass
class Topic:
    """Every quote and Q&A exchange about one topic, by company."""

    name: str
    slug: str
    quotes: dict[str, list[tuple[Call, Quote]]] = field(default_factory=dict)
    qa: dict[str, list[tuple[Call, QAExchange]]] = field(default_factory=dict)

    def named(self) -> Topic:
        """The topic without its items: what a page about one company needs (its name and pages),
        so that the page's key does not change with other companies' quotes."""
        return Topic(self.name, self.slug)

    def companies(self) -> list[str]:
        """Company ids with anything about this topic."""
        return sorted(set(self.quotes) | set(self.qa))

    def page(self, company_id: str | None = None, year: Year | None = None) -> str:
        """The topic's landing page, its index for one company, or its page for one company and year."""
        return urls.topic(self.slug, company_id, year.name if year else None)

    def years(self, company_id: str) -> list[tuple[Year, int]]:
        """The company's fiscal years with anything about this topic, and how many calls each."""
        items: list[tuple[Call, Any]] = [*self.quotes.get(company_id, []), *self.qa.get(company_id, [])]
        return years((c for c, _ in items), fiscal_year)

    def count(self) -> int:
        """Number of quotes and exchanges."""
        return sum(map(len, self.quotes.values())) + sum(map(len, self.qa.values()))


def build_topics(calls: list[Call]) -> list[Topic]:
    """Topics found in the calls' quotes and Q&A, each listing its items newest first."""
    names = sorted({t.strip() for c in calls for t in c.topics() if t.strip()})
    slugs = unique_slugs(names)
    topics = {n: Topic(n, slugs[n]) for n in names}
    for call in calls:  # newest first
        for q in call.summary.quotes:
            for t in dict.fromkeys(x.strip() for x in q.topics if x.strip()):
                topics[t].quotes.setdefault(call.company_id, []).append((call, q))
        for qa in call.summary.qa:
            for t in dict.fromkeys(x.strip() for x in qa.topics if x.strip()):
                topics[t].qa.setdefault(call.company_id, []).append((call, qa))
    return sorted(topics.values(), key=lambda t: (-t.count(), t.slug))
