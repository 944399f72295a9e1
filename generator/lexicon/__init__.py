"""Lexicons are data: YAML files a reader can extend without touching code.

The bundled lexicons live in ``generator/lexicon/data/NAME.yaml``. A project may add a
folder of its own (``content/lexicons/NAME.yaml`` by default, or any folder set with
``GENERATOR_LEXICONS``); its entries are merged over the bundled ones: lists are
appended, mappings merged key by key (recursively), scalars replaced.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache, wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import yaml

from generator.errors import LexiconError

P = ParamSpec("P")
T = TypeVar("T")

BUNDLED = Path(__file__).parent / "data"
PROJECT_LEXICONS = Path("content") / "lexicons"
"""Where a project keeps its own lexicon files, relative to its root."""

_project_root: Path | None = None


def use_project(root: Path | None) -> None:
    """Read user lexicons from ``root/content/lexicons`` (not the current directory's).

    Called once per run by the build; files changed since are read again."""
    global _project_root
    _project_root = root
    _seen[:] = _UNSEEN
    _dirs.cache_clear()
    _load.cache_clear()
    for clear in _built:
        clear()


_built: list[Any] = []
"""``cache_clear`` of every cache built from the lexicons (see :func:`per_lexicon_set`)."""


def per_lexicon_set(build: Callable[P, T]) -> Callable[P, T]:
    """Build once per lexicon set: ``build``'s result is cached for the current lexicon folders
    (and arguments), and built again when the folders change or the build sets the project."""

    @cache
    def keyed(_key: tuple[Path, ...], *args: Any) -> T:
        return build(*args)  # type: ignore[call-arg]

    _built.append(keyed.cache_clear)

    @wraps(build)
    def current(*args: P.args, **kwargs: P.kwargs) -> T:
        if kwargs:
            raise TypeError("a lexicon-set builder takes positional arguments only")
        return keyed(_dirs_key(), *args)

    return current


def extra_dirs() -> list[Path]:
    """Folders whose lexicon files extend the bundled ones, in merge order.

    Decided once per project and ``GENERATOR_LEXICONS`` value, not on every load."""
    return list(_dirs_key())


ENV = "GENERATOR_LEXICONS"
_ENVIRON = os.environ
_ENV_DATA: dict[Any, Any] | None = getattr(_ENVIRON, "_data", None)
_ENV_RAW_KEY: Any = _ENVIRON.encodekey(ENV) if hasattr(_ENVIRON, "encodekey") else None
_UNSEEN: list[Any] = [object(), object(), ()]
_seen: list[Any] = list(_UNSEEN)
"""The raw ``GENERATOR_LEXICONS`` value (the very object the environment holds), the project
root and the folders they gave, from the last call of :func:`_dirs_key`."""


def _dirs_key() -> tuple[Path, ...]:
    """The current lexicon folders, as a cache key for what is built from the lexicons.

    Called for every lookup of a lexicon-set cache, so it does not decode the environment
    each time: it compares the object the environment holds for ``GENERATOR_LEXICONS``
    (a new one whenever the variable is set or removed) and the project root with those of
    the last call, by identity."""
    environ = os.environ
    if environ is _ENVIRON and _ENV_DATA is not None:
        raw = _ENV_DATA.get(_ENV_RAW_KEY)
    else:  # the environment replaced, or a platform without the raw mapping
        raw = environ.get(ENV)
    seen = _seen
    if raw is seen[0] and _project_root is seen[1]:
        return seen[2]  # type: ignore[no-any-return]
    dirs = _dirs(environ.get(ENV), _project_root)
    seen[:] = [raw, _project_root, dirs]
    return dirs


@cache
def _dirs(env: str | None, root: Path | None) -> tuple[Path, ...]:
    if env:
        dirs = [Path(p) for p in env.split(os.pathsep) if p]
    else:
        dirs = [(root / PROJECT_LEXICONS) if root is not None else PROJECT_LEXICONS]
    return tuple(d for d in dirs if d.is_dir())


def _shape(value: Any) -> str:
    return "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list) else "a value"


def merge(base: Any, extra: Any, where: str = "", path: str | None = None) -> Any:
    """Merge ``extra`` over ``base``: lists appended, dicts merged, scalars replaced.

    ``extra`` must keep the shape of ``base`` at every key (a mapping stays a mapping, a
    list a list): otherwise :class:`LexiconError` names the file (``path``) and the key.
    """
    if isinstance(base, dict) or isinstance(base, list):
        if type(extra) is not type(base) and extra is not None:
            key = where or "the top level"
            raise LexiconError(
                f"{key} must be {_shape(base)}, as in the bundled lexicon, not {_shape(extra)}", path
            )
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            sub = f"{where}.{key}" if where else str(key)
            out[key] = merge(base[key], value, sub, path) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    if extra is None and base is not None:
        return base
    return extra


def _read(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise LexiconError(f"cannot read lexicon: {exc}".splitlines()[0], str(path)) from exc


@cache
def _load(name: str, dirs: tuple[Path, ...]) -> Any:
    data = _read(BUNDLED / f"{name}.yaml")
    for folder in dirs:
        path = folder / f"{name}.yaml"
        if path.is_file():
            data = merge(data, _read(path), "", str(path))
    return data


def names() -> list[str]:
    """The names of every bundled lexicon."""
    return sorted(p.stem for p in BUNDLED.glob("*.yaml"))


def check() -> None:
    """Load every lexicon once; raise LexiconError naming the first bad file and key."""
    for name in names():
        load(name)


def load(name: str) -> Any:
    """The lexicon NAME: the bundled file merged with any user extension."""
    return _load(name, _dirs_key())
