"""Lexicons are data: YAML files a reader can extend without touching code.

The bundled lexicons live in ``generator/lexicons/NAME.yaml``. A project may add a
folder of its own (``content/lexicons/NAME.yaml`` by default, or any folder set with
``GENERATOR_LEXICONS``); its entries are merged over the bundled ones: lists are
appended, mappings merged key by key (recursively), scalars replaced.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.errors import SummaryError

BUNDLED = Path(__file__).parent / "lexicons"


def extra_dirs() -> list[Path]:
    """Folders whose lexicon files extend the bundled ones, in merge order."""
    env = os.environ.get("GENERATOR_LEXICONS")
    dirs = [Path(p) for p in env.split(os.pathsep) if p] if env else [Path("content/lexicons")]
    return [d for d in dirs if d.is_dir()]


def merge(base: Any, extra: Any) -> Any:
    """Merge ``extra`` over ``base``: lists appended, dicts merged, scalars replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


def _read(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SummaryError(f"cannot read lexicon: {exc}".splitlines()[0], str(path)) from exc


@cache
def _load(name: str, dirs: tuple[Path, ...]) -> Any:
    data = _read(BUNDLED / f"{name}.yaml")
    for folder in dirs:
        path = folder / f"{name}.yaml"
        if path.is_file():
            data = merge(data, _read(path))
    return data


def load(name: str) -> Any:
    """The lexicon NAME: the bundled file merged with any user extension."""
    return _load(name, tuple(extra_dirs()))
