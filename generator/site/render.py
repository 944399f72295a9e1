"""Stage 4: summaries -> the Markdown pages, charts and downloads of the MkDocs site.

Collect, then write: the calls, people, firms and topics are computed from the whole
set first (:class:`generator.site.catalog.Catalog`), then each page kind of
:mod:`generator.site.pages` renders its pages from Jinja2 templates in
``generator/site/templates`` (:mod:`generator.site.templating`). Every page's path is
decided in :mod:`generator.site.urls`, which also shows the layout under ``docs/``.

Only the home page grows with the number of calls (one lean row each); every other page
is bounded by a company's calls in a year, or a person's or firm's calls in a year.
The pages' styles (transcript anchors, quotes, print) are the static ``docs/assets/report.css``.

Duplicates (:func:`generator.site.calls.duplicate_warnings`): a source with the same content
as another is shown on that call's page as another source and nowhere else; two sources of
one company and period keep their pages, which name each other, and the site's download
gives each figure once. Each case is one warning line of the :class:`RenderResult`.

One page that cannot be rendered or written (a page a person edited, say) is collected in
the result as an error and its earlier version kept; every other page is still written.

Incremental: given a records folder and a code version, only the units (a call's page and
downloads, a company's page and charts, any other page) whose inputs changed are rendered; the
others keep their files (:mod:`generator.site.incremental`). The result is the same bytes.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from generator.errors import GeneratorError
from generator.model import Summary
from generator.site import pages
from generator.site.calls import duplicate_warnings, same_period_notes
from generator.site.catalog import Catalog
from generator.site.incremental import read_records, write_records
from generator.site.pages.base import OutputTreeLike, Site


def page_kinds() -> list[ModuleType]:
    """The page kinds, in render order: every module of :mod:`generator.site.pages` with an
    ``ORDER`` and a ``steps(site)`` function. A new page kind is one new module there."""
    found = []
    for info in pkgutil.iter_modules(pages.__path__):
        module = importlib.import_module(f"{pages.__name__}.{info.name}")
        if hasattr(module, "ORDER") and hasattr(module, "steps"):
            found.append(module)
    return sorted(found, key=lambda m: (m.ORDER, m.__name__))


@dataclass
class RenderResult:
    """What a render reports besides the pages it wrote."""

    warnings: list[str] = field(default_factory=list)
    """One line per duplicate source (same content, or same company and period), naming both files."""
    errors: list[GeneratorError] = field(default_factory=list)
    """One per page or file that could not be rendered or written; the other pages were written."""
    notes: list[str] = field(default_factory=list)
    """One line per pair of sources of one company and period (both pages kept): no problem."""
    rendered: int = field(default=0, compare=False)
    """Units of the render (a call's page and downloads, a company's page and charts, a page)
    rendered this time."""
    reused: int = field(default=0, compare=False)
    """Units whose inputs had not changed: their files were kept as they were."""


def render_pages(
    summaries: list[Summary],
    root: Path,
    out: OutputTreeLike,
    records: Path | None = None,
    code: str | None = None,
) -> RenderResult:
    """Render the whole site for ``summaries`` into ``out`` (an OutputTree rooted at docs/).

    ``root`` is the project root: each transcript is re-read from ``root / source.path``
    for the call page's full text; one that cannot be read is reported on its page.
    A page that cannot be rendered or written does not stop the others: it is in the
    result's ``errors`` (and its earlier file kept); copies of a source are in its
    ``warnings``, other sources of one period in its ``notes``.
    """
    incremental = records is not None and code is not None
    previous = read_records(records, code) if records is not None and code is not None else {}
    site = Site(Catalog(summaries), root, out, code if incremental else None, previous)
    for step in [step for kind in page_kinds() for step in kind.steps(site)]:
        try:
            step()
        except GeneratorError as exc:
            site.errors.append(exc)
    if records is not None and code is not None and site.records != previous:
        write_records(records, code, site.records)  # the same records: the file already holds them
    calls = site.catalog.calls
    return RenderResult(
        duplicate_warnings(calls), site.errors, same_period_notes(calls), site.rendered, site.reused
    )
