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
import multiprocessing
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.errors import GeneratorError
from generator.model import Summary
from generator.site import pages
from generator.site.calls import duplicate_warnings, same_period_notes
from generator.site.catalog import Catalog
from generator.site.incremental import check_mode, read_records, write_records
from generator.site.pages.base import Op, OutputTreeLike, Site, Task


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
    jobs: int = 1,
) -> RenderResult:
    """Render the whole site for ``summaries`` into ``out`` (an OutputTree rooted at docs/).

    ``root`` is the project root: each transcript is re-read from ``root / source.path``
    for the call page's full text; one that cannot be read is reported on its page.
    A page that cannot be rendered or written does not stop the others: it is in the
    result's ``errors`` (and its earlier file kept); copies of a source are in its
    ``warnings``, other sources of one period in its ``notes``.

    With ``jobs`` above 1 (and at least :data:`PARALLEL_MIN` units) the units are keyed and
    rendered in that many worker processes (:func:`run_parallel`); the files, records, counts
    and problems are the same as in one process, whatever the scheduling.
    """
    incremental = records is not None and code is not None
    previous = read_records(records, code) if records is not None and code is not None else {}
    site = Site(Catalog(summaries), root, out, code if incremental else None, previous)
    steps = [step for kind in page_kinds() for step in kind.steps(site)]
    if jobs > 1:
        run_parallel(site, site.collect(steps), jobs)
    else:
        for step in steps:
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


PARALLEL_MIN = 64
"""Below this many units, rendering in one process is quicker than starting workers."""


@dataclass
class Outcome:
    """What a worker did with one unit: its key, and either that its last record is usable
    (``reuse``: the main process keeps its files) or its writes and failures in order, its
    trace, and the error that stopped it (if any)."""

    key: str | None
    reuse: bool = False
    checked: bool = False
    ops: list[Op] = field(default_factory=list)
    trace: list[list[Any]] = field(default_factory=list)
    raised: GeneratorError | None = None


_WORK: tuple[Site, list[Task]] | None = None
"""The site and its tasks, set before the workers are forked (they inherit it)."""


def work_on(index: int) -> Outcome | None:
    """In a worker process: key the unit of task ``index``, and render it unless its last
    record is usable. Writes are not made here but logged for the main process."""
    assert _WORK is not None
    site, tasks = _WORK
    task = tasks[index]
    if task.name is None or task.make is None:
        return None
    key = site.unit_key(task.name, task.inputs)
    old = site.usable(task.name, key)
    checking = old is not None and check_mode()
    if old is not None and not checking:
        return Outcome(key, reuse=True)
    site.ops = []
    outcome = Outcome(key, checked=checking)
    try:
        site.run_make(task.make)
    except GeneratorError as exc:
        outcome.raised = exc
    outcome.ops, site.ops = site.ops, None
    outcome.trace = site.trace.rows()
    return outcome


def run_parallel(site: Site, tasks: list[Task], jobs: int) -> None:
    """Run collected tasks: units keyed and rendered by ``jobs`` forked workers, their results
    taken in the tasks' order and applied here (files written, kept, recorded), so the output
    is the one of a render in one process. A unit whose kept files turn out changed is rendered
    here; an error that stops a unit stops the rest of its part, as in one process."""
    global _WORK
    units = sum(1 for t in tasks if t.name is not None)
    if units < PARALLEL_MIN:
        outcomes: Iterator[Outcome | None] = (None for _ in tasks)
        pool = None
    else:
        _WORK = (site, tasks)
        pool = multiprocessing.get_context("fork").Pool(jobs)
        outcomes = pool.imap(work_on, range(len(tasks)), chunksize=max(1, min(16, units // (jobs * 8))))
    stopped: int | None = None
    try:
        for task, outcome in zip(tasks, outcomes, strict=True):
            if task.step == stopped:
                continue
            if task.error is not None:
                site.errors.append(task.error)
            elif task.put is not None:
                site.put(*task.put)
            elif task.name is not None and task.make is not None:
                if outcome is None:
                    try:
                        site.unit(task.name, task.inputs, task.make)
                    except GeneratorError as exc:
                        site.errors.append(exc)
                        stopped = task.step
                elif not apply(site, task, outcome):
                    stopped = task.step
    finally:
        _WORK = None
        if pool is not None:
            pool.terminate()
            pool.join()


def apply(site: Site, task: Task, outcome: Outcome) -> bool:
    """Apply a worker's outcome for a unit here; False when an error stopped the unit."""
    assert task.name is not None and task.make is not None
    old = site.old_records.get(task.name)
    if outcome.reuse and old is not None:
        if site.out.reuse_all(old.files, old.final()):
            site.records[task.name] = old
            site.reused += 1
            return True
        errors = len(site.errors)  # a kept file was changed since: rendered here, as in one process
        try:
            files = site.run_make(task.make)
        except GeneratorError as exc:
            site.errors.append(exc)
            return False
        site.done(task.name, outcome.key, None, files, errors, site.trace.rows())
        return True
    errors = len(site.errors)
    files = site.replay(outcome.ops)
    if outcome.raised is not None:
        site.errors.append(outcome.raised)
        return False
    site.done(task.name, outcome.key, old if outcome.checked else None, files, errors, outcome.trace)
    return True
