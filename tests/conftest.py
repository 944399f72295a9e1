"""Shared fixtures: the project root and small helpers for temporary projects."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project_root() -> Path:
    """The checkout's root folder."""
    return ROOT
