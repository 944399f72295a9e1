"""The Jinja2 environment of the pages: templates escape every value for Markdown by default.

Templates escape every ``{{ value }}`` for Markdown (see :func:`generator.site.format.md`); only
text our code built (:class:`generator.site.format.Md`) passes as is. Filters format numbers,
dates and labels; the global ``urls`` (:mod:`generator.site.urls`) gives every page's path.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.lexicon.labels import metric_labels
from generator.site import forecasts, format, likeforlike, urls
from generator.site.format import Md, md

TEMPLATES = Path(__file__).parent / "templates"


def _join(items: list[object], sep: str = "、") -> Md:
    """Join Markdown-safe items and escaped data with ``sep``."""
    return Md(sep.join(md(i) for i in items))


def environment() -> jinja2.Environment:
    """The environment every page is rendered in (templates from :data:`TEMPLATES`)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        auto_reload=False,
        autoescape=False,
        finalize=lambda v: "" if v is None else md(v),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        joinmd=_join,
        value=format.metric_value,
        cellvalue=format.sortable_value,
        expected=format.forecast_value,
        pct=format.pct,
        pp=format.pp,
        changes=format.changes,
        metric=format.metric_label,
        scope=format.scope_label,
        day=format.day,
        code=format.code_text,
        html=format.html_text,
        title=format.front_matter,
        mark=format.corrected_mark,
        kind=lambda k: md(metric_labels().kind(k)),
        decimal=lambda v: Md(format.decimal(v)),
    )
    env.globals.update(Md=Md, urls=urls, lfl=likeforlike, fc=forecasts)
    return env
