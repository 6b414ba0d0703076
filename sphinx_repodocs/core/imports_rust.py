"""Rust's imports resolved to repository files: ``mod name;`` to its module file, and
``use`` paths (``crate::``, ``self::``, ``super::``, a child module, a crate of the
workspace) to the file of the module that defines or re-exports the name, by Cargo's
and Rust's file layout. Pure: ``Cargo.toml`` files are read as TOML, nothing runs."""

from __future__ import annotations

import functools
import itertools
import posixpath
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from .extract.base import Extraction, Import
from .imports_more import Dependency

#: Crates of Rust's own distribution.
_STANDARD_CRATES = frozenset({"std", "core", "alloc", "proc_macro", "test"})
#: ``Cargo.toml`` is read only up to this size.
_CARGO_MAX_BYTES = 256 * 1024
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class _Crate:
    """A package of the repository: its folder, library root file, the root files of
    its library and binaries, and the crate names of its dependencies."""

    folder: str
    library: str | None
    roots: tuple[str, ...]
    dependencies: frozenset[str]


class RustImports:
    """The Rust resolver; the resolver that uses it holds the model's ``files``,
    ``extractions``, ``by_name`` (file name -> paths) and ``root``."""

    files: Mapping[str, object]
    extractions: Mapping[str, Extraction]
    by_name: dict[str, list[str]]
    root: str

    def _rust(self, path: str, statement: Import) -> Iterator[Dependency]:
        if statement.kind in ("mod", "mod-path"):
            yield self._rust_mod(path, statement)
        elif statement.kind in ("use", "inner-use"):
            yield from self._rust_uses(path, statement)
        # ``extern crate``: a crate, not a file (followed through by ``_deepest``).

    def _rust_uses(self, path: str, statement: Import) -> Iterator[Dependency]:
        """One dependency per module a ``use`` names through: ``use crate::{a::B,
        c::D}`` depends on a.rs for ``B`` and on c.rs for ``D``."""
        grouped: dict[Dependency, list[str]] = {}
        for leaf in _leaves(_SPACES.sub(" ", statement.module).strip()):
            found = self._rust_use(path, replace(statement, module=leaf))
            if found is not None:
                grouped.setdefault(replace(found, written=""), []).append(leaf)
        whole = _SPACES.sub(" ", statement.module).strip()
        for dependency, leaves in grouped.items():
            yield replace(dependency, written=whole if len(grouped) == 1 else ", ".join(leaves))

    def _rust_mod(self, path: str, statement: Import) -> Dependency:
        """``mod name;`` in lib.rs, main.rs or mod.rs is name.rs or name/mod.rs beside
        it; in any other x.rs, the same under x/ (Rust's module files)."""
        folder, file_name = posixpath.split(path)
        name = statement.module
        if statement.kind == "mod-path":  # #[path = "x.rs"]: beside this file
            candidates: tuple[str, ...] = (name,)
            written = f'#[path = "{name}"] mod'
        else:
            if not _keeps_modules_beside(path):
                folder = posixpath.join(folder, file_name.removesuffix(".rs"))
            candidates = (f"{name}.rs", f"{name}/mod.rs")
            written = f"mod {name}"
        for candidate in candidates:
            target = posixpath.normpath(posixpath.join(folder, candidate))
            if target in self.files:
                return Dependency(
                    line=statement.line, written=written, status="repo", target=target
                )
        return Dependency(
            line=statement.line,
            written=written,
            status="unresolved",
            reason=f"no {' or '.join(candidates)} there",
        )

    def _rust_use(self, path: str, statement: Import) -> Dependency | None:
        """``use a::b::C``: the file of the deepest module of the path that is a file
        and defines, declares or re-exports the next name (``C``); None for a ``use``
        of this file's own names (``use super::*`` in an inline ``mod tests``)."""
        written = _SPACES.sub(" ", statement.module).strip()
        base = Dependency(line=statement.line, written=written, status="unresolved")
        segments = _path_segments(written)
        if not segments:
            return None if statement.kind == "inner-use" else replace(base, reason="no path")
        first, rest = segments[0], segments[1:]
        if first in _STANDARD_CRATES:
            return replace(base, status="stdlib")
        crate = self._crate_of(path)
        start: tuple[str, str] | None
        if first in self._workspace_crates:
            library = self._workspace_crates[first].library
            start = (library, posixpath.dirname(library)) if library else None
        elif first == "crate":
            root = _crate_root(path, crate, self.files)
            start = (root, posixpath.dirname(root)) if root else None
        elif statement.kind == "inner-use":
            # Relative to an inline module: its names are this file's, or unknown.
            if first in ("self", "super") and not [s for s in rest if s == "super"]:
                return None
            start = None
        elif first in ("self", "super"):
            ups = len(list(itertools.takewhile(lambda segment: segment == "super", segments)))
            start, rest = (path, _children_folder(path)), segments[max(ups, 1) :]
            for _up in range(ups):
                start = _parent_module(start[0], self.files) if start else None
        elif first in {i.module for i in self._imports(path) if i.kind == "mod"}:
            start, rest = (path, _children_folder(path)), segments  # a child module
        else:
            start = None
        if start is None:
            if first in (crate.dependencies if crate else ()):
                return replace(base, status="third-party")
            if first == "crate":
                return replace(base, reason="which crate root this file belongs to is not known")
            return replace(base, reason="not a module or crate found in the repository")
        target = self._deepest(*start, rest)
        if target is None:
            return replace(base, reason="no module file there defines the name")
        return replace(base, status="repo", target=target)

    def _deepest(self, file: str, folder: str, rest: list[str]) -> str | None:
        """Down *rest* from *file* (a module whose children are under *folder*) while
        each next segment is a module file; the file reached if it has the name after."""
        for name in rest:
            child = next(
                (
                    candidate
                    for candidate in (
                        posixpath.join(folder, f"{name}.rs"),
                        posixpath.join(folder, name, "mod.rs"),
                    )
                    if candidate in self.files
                ),
                None,
            )
            if child is not None:
                file, folder = child, posixpath.join(folder, name)
                continue
            crate = self._extern_crate(file, name)
            if crate is not None:  # ``pub extern crate grep_printer as printer;``
                file, folder = crate, posixpath.dirname(crate)
                continue
            return file if self._names(file, name) else None
        return file

    def _extern_crate(self, file: str, name: str) -> str | None:
        """The library of the workspace crate *file* names *name* by ``extern crate``."""
        for statement in self._imports(file):
            if statement.kind == "extern-crate" and (statement.alias or statement.module) == name:
                crate = self._workspace_crates.get(statement.module)
                return crate.library if crate is not None else None
        return None

    def _names(self, file: str, name: str) -> bool:
        """Whether *file* defines *name* at its top, or imports it (a re-export)."""
        extraction = self.extractions.get(file)
        if extraction is None:
            return False
        if any(symbol.qualname == name for symbol in extraction.symbols):
            return True
        return any(_imported_names(i.module) & {name} for i in extraction.imports)

    def _imports(self, path: str) -> tuple[Import, ...]:
        extraction = self.extractions.get(path)
        return extraction.imports if extraction is not None else ()

    def _crate_of(self, path: str) -> _Crate | None:
        folder = posixpath.dirname(path)
        while True:
            if folder in self._crates:
                return self._crates[folder]
            if not folder:
                return None
            folder = posixpath.dirname(folder)

    @functools.cached_property
    def _crates(self) -> dict[str, _Crate]:
        """Each package of the repository, by its folder."""
        return {crate.folder: crate for _name, crate in self._packages}

    @functools.cached_property
    def _workspace_crates(self) -> dict[str, _Crate]:
        """Each package's library, by the crate name code uses (``-`` as ``_``); a
        name two packages share names neither."""
        named: dict[str, list[_Crate]] = {}
        for name, crate in self._packages:
            named.setdefault(name, []).append(crate)
        return {name: crates[0] for name, crates in named.items() if len(crates) == 1}

    @functools.cached_property
    def _packages(self) -> list[tuple[str, _Crate]]:
        found = []
        for manifest in sorted(self.by_name.get("Cargo.toml", ())):
            data = _read_toml(posixpath.join(self.root, manifest))
            package = data.get("package")
            if not isinstance(package, dict) or not isinstance(package.get("name"), str):
                continue
            folder = posixpath.dirname(manifest)
            library = data.get("lib")
            table: dict[str, object] = library if isinstance(library, dict) else {}
            name = table.get("name") if isinstance(table.get("name"), str) else None
            written = table.get("path")
            root = written if isinstance(written, str) else "src/lib.rs"
            root_file = posixpath.normpath(posixpath.join(folder, root))
            library_file = root_file if root_file in self.files else None
            binaries = _binary_roots(folder, data)
            crate = _Crate(
                folder=folder,
                library=library_file,
                roots=tuple(
                    dict.fromkeys(r for r in (library_file, *binaries) if r and r in self.files)
                ),
                dependencies=_dependency_names(data),
            )
            found.append((str(name or package["name"]).replace("-", "_"), crate))
        return found


def _path_segments(written: str) -> list[str]:
    """``a::b::{C, D}`` -> [a, b]; ``a::b::C as D`` -> [a, b, C]; ``a::*`` -> [a]."""
    text = written.split("{", 1)[0].split(" as ", 1)[0].replace(" ", "")
    return [part for part in text.removeprefix("::").split("::") if part and part != "*"]


def _leaves(written: str) -> list[str]:
    """``a::{b, c::{d, self}}`` -> [``a::b``, ``a::c::d``, ``a::c``]; ``{x, y}`` ->
    [``x``, ``y``]; a path without a group as it is."""
    text = written.strip()
    if "{" not in text:
        return [text] if text else []
    head, _brace, body = text.partition("{")
    prefix = head.strip().removesuffix("::")
    members, depth, current = [], 0, ""
    for char in body.rstrip().removesuffix("}"):
        depth += (char == "{") - (char == "}")
        if char == "," and depth == 0:
            members.append(current)
            current = ""
        else:
            current += char
    members.append(current)
    leaves = []
    for member in (m.strip() for m in members):
        for leaf in _leaves(member) if member else ():
            if leaf == "self":
                leaves.append(prefix)
            else:
                leaves.append(f"{prefix}::{leaf}" if prefix else leaf)
    return [leaf for leaf in leaves if leaf]


def _imported_names(written: str) -> set[str]:
    """The names a ``use`` brings in: its last segment, alias, or a group's members."""
    text = _SPACES.sub(" ", written)
    parts = re.split(r"[{},]", text.split("{", 1)[1]) if "{" in text else [text]
    names = set()
    for part in parts:
        part = part.strip()
        if not part or part == "*":
            continue
        names.add(part.split(" as ", 1)[1].strip() if " as " in part else part.split("::")[-1])
    return names


def _keeps_modules_beside(path: str) -> bool:
    """Crate roots (lib.rs, main.rs, src/bin/*, Cargo's tests/, examples/ and benches/
    files) and mod.rs keep their child modules beside them."""
    folder, file_name = posixpath.split(path)
    crate_root = posixpath.basename(folder) in ("bin", "tests", "examples", "benches")
    return file_name in ("lib.rs", "main.rs", "mod.rs") or crate_root


def _children_folder(path: str) -> str:
    folder, file_name = posixpath.split(path)
    if _keeps_modules_beside(path):
        return folder
    return posixpath.join(folder, file_name.removesuffix(".rs"))


def _parent_module(path: str, files: Mapping[str, object]) -> tuple[str, str] | None:
    """The module file above *path*'s module (``super``), and its children's folder."""
    folder = posixpath.dirname(path)
    if _keeps_modules_beside(path):
        if posixpath.basename(path) != "mod.rs":
            return None  # a crate root has no parent
        folder = posixpath.dirname(folder)
    parent_folder, name = posixpath.split(folder)
    for candidate in (
        posixpath.join(parent_folder, f"{name}.rs"),
        posixpath.join(parent_folder, name, "mod.rs"),
    ):
        if candidate in files and candidate != path:
            return candidate, folder
    roots = [posixpath.join(folder, root) for root in ("lib.rs", "main.rs")]
    found = [root for root in roots if root in files]
    return (found[0], folder) if len(found) == 1 else None  # with both: either


def _crate_root(path: str, crate: _Crate | None, files: Mapping[str, object]) -> str | None:
    """The root file ``crate::`` names in *path*: itself for a root, else the root of
    its package whose folder holds it most closely (two as close, such as
    ``src/lib.rs`` and ``src/main.rs``: either, so unknown)."""
    if _keeps_modules_beside(path) and posixpath.basename(path) != "mod.rs":
        return path
    if crate is None:
        return None
    holding = [
        (root.count("/"), root)
        for root in crate.roots
        if path.startswith(posixpath.dirname(root) + "/") or not posixpath.dirname(root)
    ]
    if not holding:
        return None
    deepest = max(depth for depth, _root in holding)
    closest = [root for depth, root in holding if depth == deepest]
    return closest[0] if len(closest) == 1 else None


def _binary_roots(folder: str, data: dict[str, object]) -> list[str]:
    """A package's binary roots: ``[[bin]]`` paths and Cargo's default src/main.rs."""
    roots = [posixpath.join(folder, "src", "main.rs")]
    binaries = data.get("bin")
    for binary in binaries if isinstance(binaries, list) else ():
        if isinstance(binary, dict) and isinstance(written := binary.get("path"), str):
            roots.append(posixpath.normpath(posixpath.join(folder, written)))
    return roots


def _dependency_names(data: dict[str, object]) -> frozenset[str]:
    """The crate names a package's code may use for its dependencies."""
    tables = [data.get(key) for key in ("dependencies", "dev-dependencies", "build-dependencies")]
    targets = data.get("target")
    if isinstance(targets, dict):
        for target in targets.values():
            if isinstance(target, dict):
                tables.extend(target.get(key) for key in ("dependencies", "dev-dependencies"))
    return frozenset(
        name.replace("-", "_")
        for table in tables
        if isinstance(table, dict)
        for name in table
        if isinstance(name, str)
    )


def _read_toml(path: str) -> dict[str, object]:
    try:
        with open(path, "rb") as handle:
            data = handle.read(_CARGO_MAX_BYTES + 1)
        if len(data) > _CARGO_MAX_BYTES:
            return {}
        return tomllib.loads(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return {}
