"""How the site names metrics and scopes: the ``metric_labels`` lexicon as one typed object.

The labels' order is the order of a call page's metric table; ``charts`` names the metrics
charted on a company page, in their order. Built once per run, like every lexicon registry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from generator.errors import LexiconError
from generator.lexicon import load, per_lexicon_set


@dataclass(frozen=True)
class MetricLabels:
    """Chinese names of metric ids and scopes, and the metrics a company page charts."""

    labels: dict[str, str]
    """Metric id -> its name, in the vocabulary's order."""
    scopes: dict[str, str]
    """Scope (quarter, fiscal_year, …) -> its name."""
    charts: tuple[str, ...]
    """Metric ids charted on a company page, in this order."""
    source_kinds: dict[str, str] = field(default_factory=dict)
    """Source kind (transcript, digest, article, …) -> how the site names it."""

    def kind(self, kind: str | None) -> str:
        """The name of a source kind, else the kind as written."""
        return self.source_kinds.get(kind or "", kind or "")

    def name(self, metric_id: str) -> str:
        """The name of a metric id, else the id."""
        return self.labels.get(metric_id, metric_id)

    def scope(self, scope: str | None) -> str:
        """The name of a scope, else the scope ("" for none)."""
        return self.scopes.get(scope, scope) if scope else ""

    def rank(self, metric_id: str) -> int:
        """The id's place in the vocabulary's order (unlabelled ids after every labelled one)."""
        return self._ranks().get(metric_id, len(self.labels))

    @cache  # noqa: B019 - immutable, lives as long as the run
    def _ranks(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.labels)}

    def __hash__(self) -> int:
        return id(self)


def _mapping(value: Any, key: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise LexiconError(f"{key} must map ids to names", "metric_labels lexicon")
    return {str(k): str(v) for k, v in value.items()}


@per_lexicon_set
def metric_labels() -> MetricLabels:
    """The labels of the current lexicons (bundled plus the project's), built once."""
    data = load("metric_labels") or {}
    charts = data.get("charts") or []
    if not isinstance(charts, list):
        raise LexiconError("charts must be a list of metric ids", "metric_labels lexicon")
    return MetricLabels(
        labels=_mapping(data.get("labels"), "labels"),
        scopes=_mapping(data.get("scopes"), "scopes"),
        charts=tuple(str(c) for c in charts),
        source_kinds=_mapping(data.get("source_kinds"), "source_kinds"),
    )
