"""The real-text corpus (tests/realtext) never scores below its recorded floors.

Each batch is summarized by the command line and scored by ``scripts/realtext.py`` (the
figures ``make realtext`` prints); ``tests/realtext/FLOORS.yaml`` holds what each batch
scored when the floor was last raised. Every batch in the corpus must have a floor.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "realtext"
FLOORS = yaml.safe_load((CORPUS / "FLOORS.yaml").read_text(encoding="utf-8"))
BATCHES = sorted(p.name for p in CORPUS.iterdir() if (p / "gold").is_dir())


@cache
def _realtext() -> ModuleType:
    """scripts/realtext.py, loaded once for every batch."""
    sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location("realtext", ROOT / "scripts" / "realtext.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["realtext"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_every_batch_has_a_floor() -> None:
    assert sorted(FLOORS) == BATCHES


@pytest.mark.parametrize("batch", BATCHES)
def test_batch_keeps_its_floor(batch: str) -> None:
    row = _realtext().score(CORPUS / batch, verbose=True)
    floor = FLOORS[batch]
    got = {
        "core": row.core_found,
        "company": row.company,
        "period": row.period,
        "call_date": row.call_date,
        "kind": row.kind,
        "management": row.management_found,
        "analysts": row.analysts_found,
    }
    below = {k: (got[k], floor[k]) for k in got if k in floor and got[k] < floor[k]}
    assert not below, f"{batch} fell below its floor (got, floor): {below}"
    assert row.must_not <= floor["must_not"], (
        f"{batch}: {row.must_not} must-not figures, floor {floor['must_not']}"
    )
