"""Imports resolved to repository files, and who imports each file. Pure.

Python imports resolve against the repository's source roots (the root itself, ``src/``
and ``lib/`` when they hold code, and any configured ones) with packages, ``__init__``,
relative imports and namespace packages; C and C++ ``#include`` against the
including file's folder (quoted ones), configured include folders and the include
roots found in the repository (``include_roots``, and the ``-I`` flags of a
``compile_commands.json`` at its top), whatever the brackets; only what
none of them holds is a system header; JavaScript and TypeScript
relative specifiers against the importing file's folder. Nothing is imported or run.
"""

from __future__ import annotations

import posixpath
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .extract.base import Import
from .imports_js import JavaScriptImports
from .imports_more import BuildAndPackageImports, Dependency, Status
from .imports_rust import RustImports
from .include_roots import compile_command_includes, files_by_name, include_roots
from .model import RepoModel
from .phrases import P_

_PYTHON_LEXERS = frozenset({"python"})
_C_LEXERS = frozenset({"c", "cpp", "cuda"})
_JS_LEXERS = frozenset({"javascript", "jsx", "typescript", "tsx"})
_CMAKE_LEXERS = frozenset({"cmake"})
_SHELL_LEXERS = frozenset({"bash"})
_STDLIB = frozenset(sys.stdlib_module_names)


@dataclass(frozen=True, slots=True)
class Importer:
    path: str
    line: int


@dataclass(slots=True)
class ImportGraph:
    dependencies: dict[str, tuple[Dependency, ...]]
    imported_by: dict[str, tuple[Importer, ...]]


def python_roots(model: RepoModel, configured: Sequence[str] = ()) -> tuple[str, ...]:
    """Folders that import paths start from: configured ones first, then ``src``,
    ``lib`` and the root."""
    roots = [root.strip("/") for root in configured]
    for candidate in ("src", "lib"):
        folder = model.folders.get(candidate)
        if folder is not None and (folder.folders or any(n.endswith(".py") for n in folder.files)):
            roots.append(candidate)
    roots.append("")
    return tuple(dict.fromkeys(roots))


def build_graph(
    model: RepoModel,
    python_paths: Sequence[str] = (),
    include_dirs: Sequence[str] = (),
) -> ImportGraph:
    roots = python_roots(model, python_paths)
    configured = tuple(d.strip("/") for d in include_dirs)
    by_name = files_by_name(model)
    found = (*compile_command_includes(model), *include_roots(model, _C_LEXERS, by_name))
    detected = tuple(root for root in dict.fromkeys(found) if root not in configured)
    resolver = _Resolver(model, roots, configured + detected, by_name)
    dependencies: dict[str, tuple[Dependency, ...]] = {}
    importers: dict[str, list[Importer]] = defaultdict(list)
    for path, extraction in model.extractions.items():
        lexer = model.files[path].lexer
        resolved = tuple(resolver.resolve(path, lexer, extraction.imports))
        if not resolved:
            continue
        dependencies[path] = resolved
        seen: set[str] = set()
        for dependency in resolved:
            target = dependency.target
            if dependency.target_is_folder or target in (None, path) or target in seen:
                continue
            assert target is not None
            seen.add(target)
            importers[target].append(Importer(path, dependency.line))
    imported_by = {
        target: tuple(sorted(found, key=lambda i: (i.path, i.line)))
        for target, found in importers.items()
    }
    return ImportGraph(dependencies, imported_by)


class PythonModules:
    """Python module names as repository files, the way ``build_graph`` resolves them."""

    def __init__(self, model: RepoModel, python_paths: Sequence[str] = ()):
        self._resolver = _Resolver(model, python_roots(model, python_paths), (), {})

    def find(self, path: str, module: str, level: int) -> tuple[str, bool] | None:
        """(file or namespace folder, is_folder) that ``module`` (``level`` dots before
        it) names in *path*, or None when it is not in the repository."""
        if not level:
            return self._resolver._module_file(module, self._resolver.roots)
        folder = posixpath.dirname(path)
        for _ in range(level - 1):
            if not folder:
                return None
            folder = posixpath.dirname(folder)
        return self._resolver._module_file(module, (folder,))


class _Resolver(BuildAndPackageImports, JavaScriptImports, RustImports):
    def __init__(
        self,
        model: RepoModel,
        roots: tuple[str, ...],
        include_dirs: tuple[str, ...],
        by_name: dict[str, list[str]],
    ):
        self.files = model.files
        self.extractions = model.extractions
        self.folders = model.folders
        self.roots = roots
        self.include_dirs = include_dirs
        self.root = model.root
        self.by_name = by_name
        self.top_level_names = {
            name.removesuffix(".py")
            for root in roots
            if (folder := model.folders.get(root)) is not None
            for name in (*folder.folders, *folder.files)
        }

    def resolve(self, path: str, lexer: str, imports: Iterable[Import]) -> Iterable[Dependency]:
        if lexer in _PYTHON_LEXERS:
            for statement in imports:
                yield from self._python(path, statement)
        elif lexer in _C_LEXERS:
            for statement in imports:
                yield self._include(path, statement)
        elif lexer in _JS_LEXERS:
            for statement in imports:
                yield self._javascript(path, statement)
        elif lexer in _CMAKE_LEXERS:
            for statement in imports:
                yield self._cmake(path, statement)
        elif lexer in _SHELL_LEXERS:
            for statement in imports:
                yield self._shell(path, statement)
        elif lexer == "go":
            for statement in imports:
                yield self._go(path, statement)
        elif lexer == "java":
            for statement in imports:
                yield self._java(statement)
        elif lexer == "rust":
            for statement in imports:
                yield from self._rust(path, statement)

    # --- Python -------------------------------------------------------------------------

    def _module_file(self, dotted: str, roots: Iterable[str]) -> tuple[str, bool] | None:
        """(path, is_folder) of a module or package, searched under *roots*; the empty
        name is the package of the root itself (its ``__init__``)."""
        parts = dotted.split(".") if dotted else []
        for root in roots:
            base = "/".join(p for p in (root, *parts) if p)
            candidates = (
                (f"{base}.py", f"{base}/__init__.py", f"{base}.pyi", f"{base}/__init__.pyi")
                if parts
                else (f"{base}/__init__.py" if base else "__init__.py",)
            )
            for candidate in candidates:
                if candidate in self.files:
                    return candidate, False
            if base in self.folders and parts:
                return base, True  # a namespace package
        return None

    def _module_attribute(self, dotted: str, roots: Iterable[str]) -> tuple[str, bool] | None:
        """``os.path``: a plain module (not a package) has no submodules on disk, so the
        rest of the name is set by that module when it runs; the import depends on it."""
        parts = dotted.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            found = self._module_file(".".join(parts[:cut]), roots)
            if found is not None:
                is_package = found[1] or found[0].rpartition("/")[2].startswith("__init__.")
                return None if is_package else found
        return None

    def _python(self, path: str, statement: Import) -> Iterable[Dependency]:
        base = Dependency(
            line=statement.line,
            written=statement.target,
            status="unresolved",
            local=statement.local,
            condition=statement.condition,
            names=", ".join(n.name for n in statement.names),
        )
        if statement.level:
            folder = posixpath.dirname(path)
            for _ in range(statement.level - 1):
                if not folder:
                    yield replace(base, reason=P_("goes above the repository root"))
                    return
                folder = posixpath.dirname(folder)
            roots: tuple[str, ...] = (folder,)
        else:
            roots = self.roots
        module = statement.module
        # ``from package import name`` names a file when ``name`` is a submodule.
        submodules = 0
        for imported in statement.names:
            dotted = f"{module}.{imported.name}" if module else imported.name
            found = self._module_file(dotted, roots) if imported.name != "*" else None
            if found is not None and not found[1]:
                submodules += 1
                yield replace(base, status="repo", target=found[0], names=imported.name)
        if statement.names and submodules == len(statement.names):
            return
        if not module:  # ``from . import x`` where x is no module: x lives in __init__
            found = self._module_file("", roots) if statement.level else None
            if found is not None:
                yield replace(base, status="repo", target=found[0])
            elif not submodules:
                yield replace(base, reason=P_("no such module next to this file"))
            return
        found = self._module_file(module, roots) or self._module_attribute(module, roots)
        top = module.split(".")[0]
        if found is not None:
            yield replace(base, status="repo", target=found[0], target_is_folder=found[1])
        elif statement.level:
            yield replace(base, reason=P_("no such module next to this file"))
        elif top in self.top_level_names:
            yield replace(
                base,
                reason=P_("{top} is in the repository, but not {module}", top=top, module=module),
            )
        elif top in _STDLIB:
            yield replace(base, status="stdlib")
        else:
            yield replace(base, status="third-party")

    # --- C and C++ ----------------------------------------------------------------------

    def _include(self, path: str, statement: Import) -> Dependency:
        written = statement.module
        quoted = written.startswith('"')
        header = written.strip('"<>')
        folders = ([posixpath.dirname(path)] if quoted else []) + list(self.include_dirs)
        for folder in folders:
            candidate = posixpath.normpath(posixpath.join(folder, header)) if folder else header
            if candidate in self.files:
                return Dependency(
                    line=statement.line, written=written, status="repo", target=candidate
                )
        if quoted:
            return Dependency(
                line=statement.line,
                written=written,
                status="unresolved",
                reason=P_("not next to this file or under an include root"),
            )
        return Dependency(line=statement.line, written=written, status="system")

    # --- JavaScript and TypeScript ------------------------------------------------------


__all__ = [
    "Dependency",
    "ImportGraph",
    "Importer",
    "PythonModules",
    "Status",
    "build_graph",
    "python_roots",
]
