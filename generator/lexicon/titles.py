"""The titles lexicon as a typed table: role titles, the operator's and the analyst's wording.

One owner of ``titles.yaml``. ``roles`` maps a canonical role to its wordings, in priority
order (the first role a label names wins); :attr:`Titles.role_of` reads any wording back.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.errors import LexiconError
from generator.lexicon import load, per_lexicon_set
from generator.lexicon.speakers import Words, texts


@dataclass(frozen=True)
class Titles:
    """The titles lexicon."""

    roles: dict[str, Words]
    """Canonical role -> every wording of it, in priority order (0 = highest)."""
    operator: Words
    """Wording that makes a label the call's operator or host."""
    analyst: Words
    """Wording that marks a sell-side analyst."""
    host_roles: Words
    """Roles of the person who chairs the Q&A for the company (the IR host)."""
    joints: Words
    """Words joining two titles of one person (``首席执行官兼董事长``), one character each."""
    unit_joints: Words
    """Joints after which a title may be a business unit's (``执行副总裁兼XX事业群总裁``)."""

    role_of: dict[str, str]
    """Every title wording (lower-cased) -> canonical role (the first role wins)."""
    role_rank: dict[str, int]
    """Canonical role -> priority (0 = highest)."""


@per_lexicon_set
def titles() -> Titles:
    """The titles of the current lexicons (bundled plus the project's), built once."""
    data = load("titles") or {}
    roles = data.get("roles") or {}
    if not isinstance(roles, dict):
        raise LexiconError("roles must map a canonical role to its wordings", "titles lexicon")
    typed = {str(role): texts(roles, role, "titles") for role in roles}
    role_of: dict[str, str] = {}
    for role, words in typed.items():
        for word in [role, *words]:
            role_of.setdefault(word.lower(), role)
    return Titles(
        roles=typed,
        operator=texts(data, "operator", "titles"),
        analyst=texts(data, "analyst", "titles"),
        host_roles=texts(data, "host_roles", "titles"),
        joints=texts(data, "title_joints", "titles"),
        unit_joints=texts(data, "unit_title_joints", "titles"),
        role_of=role_of,
        role_rank={role: i for i, role in enumerate(typed)},
    )
