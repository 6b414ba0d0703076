"""Which Cargo target a Rust file's tests are built in, and their module path there,
for ``cargo test`` commands that run exactly them. Pure: reads the model, the
packages (``core.cargo``) and the import graph's ``mod`` declarations.

Only Cargo's automatic layout is named (``src/lib.rs``, ``src/main.rs``,
``src/bin/x.rs``, ``tests/x.rs`` and their ``x/main.rs`` forms) and a module file only
when one chain of ``mod name;`` declarations leads to it from one of those roots: a
``#[path]`` module or a target renamed in ``Cargo.toml`` gets no command.
"""

from __future__ import annotations

import posixpath
import shlex
from dataclasses import dataclass

from .cargo import Package, nearest_package, packages
from .commands import MAX_TEST_COMMANDS, Command, RunPlan, test_label
from .extract.base import Running
from .imports import ImportGraph
from .model import RepoModel
from .phrases import P_

#: Longest chain of ``mod`` declarations followed up to a crate root.
_MAX_DEPTH = 32


@dataclass(frozen=True, slots=True)
class CargoTarget:
    """Where a file's tests are built."""

    #: The package's ``Cargo.toml`` from the repository root; "" when it is at the root.
    manifest: str
    #: Cargo's target selection: ("--lib",), ("--bin", "x"), ("--test", "x").
    target: tuple[str, ...]
    #: The file's module path in its crate, "" for the crate root ("parser::lexer").
    module: str


def cargo_target(path: str, package: Package, graph: ImportGraph) -> CargoTarget | None:
    """The target holding *path*'s tests, or None when it is not certain."""
    modules: list[str] = []
    current = path
    for _depth in range(_MAX_DEPTH):
        target = _root_target(current, package)
        if target is not None:
            manifest = posixpath.join(package.folder, "Cargo.toml") if package.folder else ""
            return CargoTarget(manifest, target, "::".join(reversed(modules)))
        parent = _declaring_module(current, graph)
        if parent is None:
            return None
        current, name = parent
        modules.append(name)
    return None


def _root_target(path: str, package: Package) -> tuple[str, ...] | None:
    """The target *path* is the root of, in Cargo's automatic layout."""
    if path not in package.roots:
        return None
    relative = path[len(package.folder) + 1 :] if package.folder else path
    if path == package.library:
        return ("--lib",)
    if relative == "src/main.rs":
        return ("--bin", package.package)
    for folder, option in (("src/bin/", "--bin"), ("tests/", "--test")):
        rest = relative.removeprefix(folder)
        if rest == relative:
            continue
        if rest.endswith("/main.rs") and rest.count("/") == 1:
            return (option, rest.removesuffix("/main.rs"))
        if "/" not in rest:
            return (option, rest.removesuffix(".rs"))
    return None


def _declaring_module(path: str, graph: ImportGraph) -> tuple[str, str] | None:
    """The one file that declares *path* with ``mod name;``, and the name."""
    found = [
        (importer.path, dependency.written.removeprefix("mod "))
        for importer in graph.imported_by.get(path, ())
        for dependency in graph.dependencies.get(importer.path, ())
        if dependency.target == path
        and dependency.line == importer.line
        and dependency.written.startswith("mod ")
    ]
    return found[0] if len(set(found)) == 1 else None


def repository_packages(model: RepoModel) -> tuple[dict[str, Package], frozenset[str]]:
    """Every Rust package of the repository, by folder, and every ``Cargo.toml``'s folder."""
    manifests = [path for path in model.files if posixpath.basename(path) == "Cargo.toml"]
    folders = frozenset(posixpath.dirname(path) for path in manifests)
    return packages(model.root, model.files, manifests), folders


def test_target(
    path: str, found: tuple[dict[str, Package], frozenset[str]], graph: ImportGraph
) -> CargoTarget | None:
    """The target of *path*'s tests in its package, when certain."""
    package = nearest_package(path, *found)
    return cargo_target(path, package, graph) if package is not None else None


def cargo_plan(running: Running, target: CargoTarget) -> RunPlan:
    """``cargo test`` for each test by its exact path (``--ignored`` for one ignored by
    default), and for the whole target where the file is its root."""
    base = "cargo test"
    if target.manifest:
        base += f" --manifest-path {shlex.quote(target.manifest)}"
    base += " " + " ".join(shlex.quote(part) for part in target.target)
    option, *name = target.target
    whole = {
        "--test": P_("all tests"),
        "--lib": P_("all the library's tests"),
        "--bin": P_("all tests of the {binary} binary", binary=name[0] if name else ""),
    }[option]
    commands = [Command(whole, base, 0)] if not target.module else []
    listed = running.tests[:MAX_TEST_COMMANDS]
    for test in listed:
        path = f"{target.module}::{test.name}" if target.module else test.name
        ignored = " --ignored" if test.condition.startswith("ignored") else ""
        commands.append(
            Command(test_label(test), f"{base} -- --exact {shlex.quote(path)}{ignored}", test.line)
        )
    count = len(running.tests)
    return RunPlan(_cargo_intro(count, target), tuple(commands), (), count - len(listed))


def _cargo_intro(count: int, target: CargoTarget) -> str:
    selection, module = " ".join(target.target), target.module
    if module and count == 1:
        return P_(
            "The file defines {count} Rust test function, run with cargo test in the "
            "{target} target, module {module}.",
            count=count,
            target=selection,
            module=module,
        )
    if module:
        return P_(
            "The file defines {count} Rust test functions, run with cargo test in the "
            "{target} target, module {module}.",
            count=count,
            target=selection,
            module=module,
        )
    if count == 1:
        return P_(
            "The file defines {count} Rust test function, run with cargo test in the "
            "{target} target.",
            count=count,
            target=selection,
        )
    return P_(
        "The file defines {count} Rust test functions, run with cargo test in the {target} target.",
        count=count,
        target=selection,
    )
