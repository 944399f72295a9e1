"""The package's shape: stage packages, no import cycles, lexicon files read in one package only."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
STAGES = {"source", "extract", "store", "site", "lexicon"}
TOP_MODULES_MAX = 6
"""Modules at the top of generator/ besides __init__.py (cli, build, model, errors, writer, __main__)."""


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, name: str, known: set[str]) -> set[str]:
    """Every generator module ``path`` imports, anywhere in the file (TYPE_CHECKING and local too)."""
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        for target in targets:
            # the most specific known module the import names (a module, or the package it is in)
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and target.startswith("generator"):
                out.add(target)
    return out


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    edges = {name: imports(path, name, known) for name, path in mods.items()}
    # importing a package's name only to reach a submodule is no edge to the package's own code
    return {
        n: {t for t in ts if not (n.startswith(t + ".") and t.count(".") < n.count("."))}
        for n, ts in edges.items()
    }


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_import_graph_has_no_cycle() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, " -> ".join(cycle or [])


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_top_holds_the_stage_packages_and_few_modules() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert STAGES <= packages
    top = sorted(p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py")
    assert len(top) <= TOP_MODULES_MAX, top


def test_lexicon_files_are_read_in_the_lexicon_package_only() -> None:
    """YAML is read by the lexicon package (lexicons) and the store (summaries, corrections) alone;
    the MkDocs hook reads the pages' own front matter."""
    readers = []
    for name, path in modules().items():
        if name.startswith(("generator.lexicon", "generator.store")) or name == "generator.site.hooks":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and any(a.name == "yaml" for a in node.names):
                readers.append(name)
            if isinstance(node, ast.ImportFrom) and node.module == "yaml":
                readers.append(name)
    assert not readers, readers


def test_stages_depend_downstream_only() -> None:
    """source knows no later stage; extract knows no store or site; store knows no site."""
    later = {
        "generator.source": ("generator.extract", "generator.store", "generator.site", "generator.build"),
        "generator.extract": ("generator.store", "generator.site", "generator.build"),
        "generator.store": ("generator.site", "generator.build"),
        "generator.lexicon": ("generator.extract", "generator.store", "generator.site", "generator.build"),
    }
    wrong = [
        f"{n} -> {t}"
        for n, ts in graph().items()
        for stage, banned in later.items()
        if n == stage or n.startswith(stage + ".")
        for t in ts
        if any(t == b or t.startswith(b + ".") for b in banned)
    ]
    assert not wrong, wrong
