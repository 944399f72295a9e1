"""Who is speaking: the one shape of what a text tells about a speaker.

A label (``瑞士信贷分析师Kenneth Fong:``), a title before a name in the prose (``CFO徐宏``), a
list of attendees and an operator's introduction all tell some of the same facts: a
:class:`Speaker`. Labels, turns, mentions and the participants being assembled carry one.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Turn


@dataclass(frozen=True)
class Speaker:
    """What the text tells about one speaker; any field may be unknown."""

    name: str | None = None
    """The person's name as written (simplified), or None for an unnamed Q/A marker."""
    side: str | None = None
    """management | analyst | operator, or None when the words alone cannot tell."""
    role: str | None = None
    """Canonical role (首席执行官, …)."""
    firm: str | None = None
    """An analyst's firm, as a summary records it."""
    org: str | None = None
    """An affiliation written beside the name (``Sidney Huang - JD.com, Inc.`` -> ``JD.com, Inc.``)."""
    alias: str | None = None
    """Another name given for the person (``刘丽娣(Lidia Liu)`` -> ``Lidia Liu``)."""


def of_turn(turn: Turn) -> Speaker:
    """The speaker a turn's label told."""
    return Speaker(turn.speaker, turn.side, turn.role, turn.firm, turn.org, turn.alias)
