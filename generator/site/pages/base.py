"""What every page kind uses: the collected catalog, the template environment, and one writer
that renders a template to a path and collects a failure instead of stopping.

A page kind is one module of :mod:`generator.site.pages` with a ``steps(site)`` function
returning the parts to run (each a callable); :mod:`generator.site.render` lists the kinds.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from generator.errors import GeneratorError
from generator.lexicon.firms import match_key
from generator.site.calls import Call, Year, calendar_year
from generator.site.catalog import Catalog
from generator.site.format import Md, md
from generator.site.incremental import (
    Fingerprints,
    Record,
    Trace,
    Traced,
    Untraceable,
    check_mode,
    whole,
)
from generator.site.people import person_key
from generator.site.templating import environment
from generator.site.urls import Linker

PAGE_KINDS = {
    "call.md.j2": "电话会",
    "calls_index.md.j2": "电话会列表",
    "calls_company.md.j2": "电话会列表",
    "calls_year.md.j2": "电话会列表",
    "company.md.j2": "公司",
    "companies.md.j2": "公司",
    "people.md.j2": "人物",
    "person.md.j2": "人物",
    "analysts.md.j2": "人物",
    "management.md.j2": "人物",
    "management_company.md.j2": "人物",
    "firm.md.j2": "人物",
    "topics.md.j2": "话题",
    "topic.md.j2": "话题",
    "topic_company.md.j2": "话题",
    "topic_year.md.j2": "话题",
}
"""Template -> the page kind the search filter offers (other pages: 其他)."""
OTHER_KIND = "其他"


FILTERS_FILE = "search-filters.json"
"""Under docs/: every value each search filter can take (``docs/assets/search.js`` builds its
selects from it)."""
FILTER_META = "filter_"
"""Prefix of the Pagefind meta keys that carry a page's filters (``filter_kind``)."""


def filter_value(value: str) -> str:
    """A filter value as the page and the filter list both write it (one line, no ASCII comma,
    which Pagefind reads as a separator of meta values)."""
    return " ".join(value.split()).replace(",", "，")


def search_filters(template: str, company: str | None = None, year: str | None = None) -> str:
    """The page's search filters (kind, and company and year when it has them) as empty elements
    for the article: ``data-pagefind-meta="filter_company:阿里巴巴"`` (each value escaped). They
    travel in the page's Pagefind fragment, which is deterministic (Pagefind's own filter index
    is not: it writes a filter's values in hash-map order)."""
    pairs = [("kind", PAGE_KINDS.get(template, OTHER_KIND)), ("company", company), ("year", year)]
    meta = [f"{FILTER_META}{k}:{html.escape(filter_value(v), quote=True)}" for k, v in pairs if v]
    spans = "".join(f'<span data-pagefind-meta="{m}"></span>' for m in meta)
    return f'<div class="search-filters" hidden>{spans}</div>'


def filter_values(calls: list[Call]) -> str:
    """The JSON of :data:`FILTERS_FILE`: page kinds in a fixed order, companies and fiscal years."""
    kinds = list(dict.fromkeys([*PAGE_KINDS.values(), OTHER_KIND]))
    companies = sorted({filter_value(c.company_name) for c in calls})
    years = sorted({c.year for c in calls if c.year.isdigit()}, reverse=True)
    values = {"kind": kinds, "company": companies, "year": years}
    return json.dumps(values, ensure_ascii=False, indent=1) + "\n"


Step = Callable[[], None]
"""One part of the render: a page, or a group of pages; a failure in it does not stop the others."""

Op = tuple[str, "str | bytes | None", "GeneratorError | None"]
"""A worker's write (path, content, None) or failure (path, None, error), replayed in order."""


@dataclass
class Task:
    """One thing a render does, in the order a render in one process does it: a unit (``name``,
    its inputs and its ``make``), a file written outside any unit (``put``), or the error that
    stopped a part (``error``). ``step`` is the index of the part it belongs to."""

    step: int
    name: str | None = None
    inputs: object = None
    make: Callable[[], None] | None = None
    put: tuple[str, str | bytes] | None = None
    error: GeneratorError | None = None


class OutputTreeLike(Protocol):
    """What the renderer needs of :class:`generator.writer.OutputTree` (typing only)."""

    def write(self, rel: str, content: str | bytes) -> Any: ...

    def keep(self, rel: str) -> None: ...

    def reuse_all(self, rels: list[str], key: str) -> bool: ...

    def set_key(self, rel: str, key: str) -> None: ...


class Site:
    """Renders pages of the site from the collected :class:`Catalog` into the output tree."""

    def __init__(
        self,
        catalog: Catalog,
        root: Path,
        out: OutputTreeLike,
        code: str | None = None,
        records: dict[str, Record] | None = None,
    ) -> None:
        self.catalog = catalog
        self.root = root
        """The project root (the call page reads its transcript from there)."""
        self.out = out
        self.env = environment()
        self.errors: list[GeneratorError] = []
        """Pages that could not be rendered or written (the others go on)."""
        self.code = code
        """The code version every unit's key starts with; None: every unit is rendered, none recorded."""
        self.old_records = records or {}
        """The units of the last render (:mod:`generator.site.incremental`)."""
        self.records: dict[str, Record] = {}
        """The units of this render, rendered or reused."""
        self.rendered = 0
        self.reused = 0
        self.fingerprints = Fingerprints(root)
        self.trace = Trace()
        self.names = Traced("names", catalog.names, self.trace)
        """Company id -> display name, each name a page reads recorded in its unit's trace."""
        self.tables: dict[str, Mapping[str, Any]] = {
            "person": catalog.person_pages,
            "topic": catalog.topic_pages,
            "firm": {k: f.page for k, f in catalog.firms.items()},
            "names": catalog.names,
        }
        """What a unit's trace may have looked up (see :meth:`lookup`)."""
        self._years: dict[tuple[int, Any], tuple[list[Any], dict[Year, list[tuple[Call, Any]]]]] = {}
        """(id of a list of items, year function) -> the list and its items by year (:meth:`newest`)."""
        self._files: list[str] | None = None
        """The files of the unit being rendered (None: no unit)."""
        self.tasks: list[Task] | None = None
        """While collecting (:meth:`collect`): the units and writes met so far."""
        self.step = 0
        """The index of the part being collected."""
        self.ops: list[Op] | None = None
        """In a worker process: the writes and failures of the unit being rendered, in order."""

    # -- units: pages rendered only when their inputs change

    def lookup(self, table: str, key: str | None) -> Any:
        """What a lookup of the whole site gives now (a trace's row is still true when equal)."""
        data = self.tables.get(table)
        if data is None:
            return Untraceable
        return whole(data) if key is None else data.get(key)

    def unit(self, name: str, inputs: object, make: Callable[[], None]) -> None:
        """Run ``make`` (which writes the unit's files) unless the files of the last render with
        the same key and a still-true trace can be kept; record what it wrote. Inside another
        unit, ``make`` just runs (its files are the outer unit's). While the render's parts are
        being collected (:meth:`collect`), the unit is only listed, to run later in a worker."""
        if self._files is not None:
            make()
            return
        if self.tasks is not None:
            self.tasks.append(Task(self.step, name, inputs, make))
            return
        key = self.unit_key(name, inputs)
        old = self.usable(name, key)
        checking = old is not None and check_mode()
        if old is not None and not checking and self.out.reuse_all(old.files, old.final()):
            self.records[name] = old
            self.reused += 1
            return
        errors = len(self.errors)
        files = self.run_make(make)
        self.done(name, key, old if checking else None, files, errors, self.trace.rows())

    def unit_key(self, name: str, inputs: object) -> str | None:
        """The unit's key (None when it has none: it is rendered and not recorded)."""
        if self.code is None:
            return None
        try:
            inputs_key = self.fingerprints.of(inputs)
        except Untraceable:
            return None
        return hashlib.sha256(f"{self.code}\0{name}\0{inputs_key}".encode()).hexdigest()

    def usable(self, name: str, key: str | None) -> Record | None:
        """The last render's record of the unit when its key is ``key`` and every lookup of its
        trace still gives the same answer (its files may then be kept), else None."""
        old = self.old_records.get(name)
        if key is None or old is None or old.key != key:
            return None
        return old if all(self.lookup(t, k) == v for t, k, v in old.trace) else None

    def run_make(self, make: Callable[[], None]) -> list[str]:
        """Run a unit's ``make`` with its trace recording; the files it wrote."""
        self._files = []
        self.trace.entries = {}
        self.trace.active = True
        try:
            make()
        finally:
            files, self._files = self._files, None
            self.trace.active = False
        return files

    def done(
        self,
        name: str,
        key: str | None,
        checked: Record | None,
        files: list[str],
        errors: int,
        trace: list[list[Any]],
    ) -> None:
        """Count and record a unit whose ``make`` ran (``checked``: the record it would have
        reused, in check mode); a unit that met an error since ``errors`` is not recorded."""
        if checked is not None:
            self._check(name, checked, files)
            self.reused += 1  # what it would have been: kept
        else:
            self.rendered += 1
        if key is None or len(self.errors) > errors:
            return
        record = Record(key, trace, files)
        final = record.final()
        for rel in files:
            self.out.set_key(rel, final)
        self.records[name] = record

    def replay(self, ops: list[Op]) -> list[str]:
        """Make here the writes and failures a worker logged for one unit; the files it wrote."""
        self._files = []
        try:
            for path, content, exc in ops:
                if exc is not None:
                    self.failed(path, exc)
                elif content is not None:
                    self.put(path, content)
        finally:
            files, self._files = self._files, None
        return files

    def collect(self, steps: list[Step]) -> list[Task]:
        """Run the render's parts without running their units: every unit, every file written
        outside a unit and every error of a part, in the order a render in one process meets
        them (:mod:`generator.site.render` runs the units in worker processes)."""
        self.tasks = []
        try:
            for index, step in enumerate(steps):
                self.step = index
                try:
                    step()
                except GeneratorError as exc:
                    self.tasks.append(Task(index, error=exc))
            return self.tasks
        finally:
            self.tasks = None

    def _check(self, name: str, old: Record, files: list[str]) -> None:
        """Check mode: a unit that would have been reused must render the same files and bytes."""
        recorded = getattr(self.out, "recorded", {})
        written = getattr(self.out, "written", {})
        same = sorted(files) == sorted(old.files) and all(
            rel in recorded and written.get(rel) == recorded[rel].sha256 for rel in files
        )
        if not same:
            raise AssertionError(f"render check: unit {name} would have been reused but renders otherwise")

    def write(self, path: str, template: str, **context: Any) -> None:
        """Render ``template`` as the page at ``path`` (relative to docs/); a failure is collected.
        ``search_filters`` in ``context`` (company, year) are the page's search filters besides its kind.
        Outside a unit, the page is its own unit, keyed by its template and context."""
        if self._files is None:
            self.unit(f"page:{path}", (template, context), lambda: self._write(path, template, **context))
        else:
            self._write(path, template, **context)

    def _write(self, path: str, template: str, **context: Any) -> None:
        filters: dict[str, str] = context.pop("search_filters", None) or {}
        link = Linker(path)
        try:
            text = self.env.get_template(template).render(
                L=link,
                person=self.person_link(link),
                topic=self.topic_link(link),
                firm=self.firm_link(link),
                **context,
            )
        except GeneratorError as exc:
            self.failed(path, exc)
            return
        text = text.rstrip("\n")
        # after raw HTML blocks (quotes, Q&A; ready HTML, see generator/site/hooks.py) the
        # filters join them: one raw block, printed as Markdown printed it; after a block kept
        # from Markdown (markdown="0"), a blank line
        last = text[text.rfind("\n\n") + 1 :]
        ends_raw = text.endswith(("</div>", "</div>\n<!-- /raw -->"))
        joint = "\n" if ends_raw and 'markdown="0"' not in last else "\n\n"
        self.put(path, text + joint + search_filters(template, **filters) + "\n")

    def put(self, path: str, content: str | bytes) -> None:
        """Write one file (relative to docs/); a failure is collected, the earlier file kept.
        In a worker process (:attr:`ops`) the write is only logged, for the main process."""
        if self.tasks is not None and self._files is None:
            self.tasks.append(Task(self.step, put=(path, content)))
            return
        if self._files is not None:
            self._files.append(path)
        if self.ops is not None:
            self.ops.append((path, content, None))
            return
        try:
            self.out.write(path, content)
        except GeneratorError as exc:
            self.failed(path, exc)

    def failed(self, path: str, exc: GeneratorError) -> None:
        """Collect ``exc`` (named after ``path`` when it names no file) and keep the earlier ``path``."""
        if exc.path is None:
            exc.path = path
        if self.ops is not None:
            self.ops.append((path, None, exc))
            return
        self.errors.append(exc)
        self.out.keep(path)

    def person_link(self, link: Linker) -> Any:
        """A template function: a person's name linked to their page (plain text when none)."""

        def person(name: str, call: Call | None = None, html: bool = False) -> Md:
            aliases = self.catalog.aliases.get(call.id, {}) if call else {}
            key = person_key(aliases.get(person_key(name), name))
            page = self.catalog.person_pages.get(key)
            self.trace.record("person", key, page)
            if not page:
                return md(name)
            return link.a(page, name) if html else link.to(page, name)

        return person

    def topic_link(self, link: Linker) -> Any:
        """A template function: topic names linked to their pages (a topic found only in a
        call's text, with no quote or question filed under it, has no page: shown plain)."""

        def topics(names: list[str], html: bool = False) -> Md:
            pages = self.catalog.topic_pages
            to = link.a if html else link.to
            for n in names:
                if n.strip():
                    self.trace.record("topic", n.strip(), pages.get(n.strip()))
            shown = (to(pages[n.strip()], n) if n.strip() in pages else md(n) for n in names if n.strip())
            return Md("、".join(shown))

        return topics

    def firm_link(self, link: Linker) -> Any:
        """A template function: a firm as written, linked to its (canonical) firm's page."""

        def firm(written: str, html: bool = False) -> Md:
            key = match_key(self.catalog.firm_table.canonical(written))
            found = self.catalog.firms.get(key)
            self.trace.record("firm", key, found.page if found else None)
            if not found:
                return md(written)
            return link.a(found.page, written) if html else link.to(found.page, written)

        return firm

    def newest(
        self,
        items: list[tuple[Call, Any]],
        year: Year | None = None,
        by: Callable[[Call], Year] = calendar_year,
    ) -> list[tuple[Call, Any]]:
        """(call, item) pairs, newest call first, then in the call's own order; only those of
        ``year`` when given (``by`` tells a call's year)."""
        if year is None:
            return sorted(items, key=lambda ci: self.catalog.rank[ci[0].id])
        key = (id(items), by)
        found = self._years.get(key)
        if found is None or found[0] is not items:
            groups: dict[Year, list[tuple[Call, Any]]] = {}
            for c, x in items:
                groups.setdefault(by(c), []).append((c, x))
            found = self._years[key] = (items, groups)  # the list kept, so its id is not reused
        return sorted(found[1].get(year, []), key=lambda ci: self.catalog.rank[ci[0].id])

    # -- pages
