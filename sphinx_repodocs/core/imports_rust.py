"""Rust's imports resolved to repository files: ``mod name;`` to its module file, and
``use`` paths (``crate::``, ``self::``, ``super::``, a child module, a crate the
package depends on by path) to the file of the module that defines or re-exports the
name, by Cargo's and Rust's file layout. Pure: ``Cargo.toml`` is read as TOML (a
symbolic link is not followed), nothing runs."""

from __future__ import annotations

import itertools
import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import cached_property

from .cargo import Package, nearest_package, packages
from .extract.base import Extraction, Import
from .imports_more import Dependency
from .phrases import P_

#: Crates of Rust's own distribution (``test``, ``alloc`` and ``proc_macro`` may be a
#: child module's name too: those are looked up first).
_STANDARD_CRATES = frozenset({"std", "core", "alloc", "proc_macro", "test"})
_SPACES = re.compile(r"\s+")
_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
#: Groups nested deeper than this in one ``use`` are not followed.
_MAX_GROUP_DEPTH = 16


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
        whole = _plain(statement.module)
        grouped: dict[Dependency, list[str]] = {}
        for leaf in _leaves(whole):
            found = self._rust_use(path, replace(statement, module=leaf))
            if found is not None:
                grouped.setdefault(replace(found, written=""), []).append(leaf)
        for dependency, leaves in grouped.items():
            yield replace(dependency, written=whole if len(grouped) == 1 else ", ".join(leaves))

    def _rust_mod(self, path: str, statement: Import) -> Dependency:
        """``mod name;`` in a crate root or mod.rs is name.rs or name/mod.rs beside it;
        in any other x.rs, the same under x/ (Rust's module files)."""
        name = statement.module
        if statement.kind == "mod-path":  # #[path = "x.rs"]: beside this file
            candidates: tuple[str, ...] = (name,)
            written = f'#[path = "{name}"] mod'
            folder = posixpath.dirname(path)
        else:
            candidates = (f"{name}.rs", f"{name}/mod.rs")
            written = f"mod {name}"
            folder = self._children_folder(path)
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
            reason=(
                P_("no {file} or {other} there", file=candidates[0], other=candidates[1])
                if len(candidates) == 2
                else P_("no {file} there", file=candidates[0])
            ),
        )

    def _rust_use(self, path: str, statement: Import) -> Dependency | None:
        """``use a::b::C``: the file of the deepest module of the path that is a file
        and defines, declares or re-exports the next name (``C``); None for a ``use``
        of this file's own names (``use super::*`` in an inline ``mod tests``)."""
        written = statement.module
        base = Dependency(line=statement.line, written=written, status="unresolved")
        external = written.startswith("::")  # ``::a``: always another crate
        segments = _path_segments(written)
        if not segments:
            return None if statement.kind == "inner-use" else replace(base, reason=P_("no path"))
        first = segments[0]
        package = self._package_of(path)
        relative = first in ("crate", "self", "super")
        if statement.kind == "inner-use" and first in ("self", "super") and not external:
            # Relative to an inline module: its names are this file's, or further up.
            return None if "super" not in segments[1:] else replace(base, reason=_INLINE)
        start = None
        if not external and (first == "crate" or statement.kind == "use"):
            start = self._start(path, package, segments)
        if start is None and not relative and (crate := self._crate_start(package, first)):
            start = (*crate, segments[1:])
        if start is None:
            if not relative and first in _STANDARD_CRATES:
                return replace(base, status="stdlib")
            reason = _CRATE_UNKNOWN if first == "crate" else _NOT_FOUND
            return replace(base, reason=reason)
        file, folder, rest = start
        if file == "":
            return replace(base, status="third-party")
        target = self._deepest(file, folder, rest)
        if target is None:
            return replace(base, reason=P_("no module file there defines the name"))
        return None if target == path else replace(base, status="repo", target=target)

    def _start(
        self, path: str, package: Package | None, segments: list[str]
    ) -> tuple[str, str, list[str]] | None:
        """(file, its children's folder, the rest of the path) where a path relative to
        this crate starts: ``crate``, ``self``, ``super``, or a child module."""
        first = segments[0]
        if first == "crate":
            root = _crate_root(path, package, self.files)
            return (root, posixpath.dirname(root), segments[1:]) if root else None
        if first in ("self", "super"):
            ups = len(list(itertools.takewhile(lambda segment: segment == "super", segments)))
            here: tuple[str, str] | None = (path, self._children_folder(path))
            for _up in range(ups):
                here = self._parent_module(here[0]) if here else None
            return (*here, segments[max(ups, 1) :]) if here else None
        declared = {i.module for i in self._imports(path) if i.kind == "mod"}
        if first in declared or self._defines(path, first):
            # A module (or enum) of this file: ``use config::Settings`` after ``mod
            # config;``; a name it only imports is another crate's (``use memchr::memchr``).
            return path, self._children_folder(path), segments
        return None

    def _crate_start(self, package: Package | None, first: str) -> tuple[str, str] | None:
        """Where another crate's name leads: the package's own library (from its
        tests, examples and binaries), or a dependency's by its ``path``; ("", "") for
        a registry dependency; None for a name the package does not know."""
        if package is None:
            return None
        if first == package.name and package.library:
            return package.library, posixpath.dirname(package.library)
        if first not in package.dependencies:
            return None
        folder = package.dependencies[first]
        if folder is None:
            return "", ""
        target = self._packages.get(folder)
        if target is None or target.library is None:
            return None
        return target.library, posixpath.dirname(target.library)

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
        """The library of the crate *file* names *name* by ``extern crate``, when its
        package depends on it by path."""
        package = self._package_of(file)
        for statement in self._imports(file):
            if statement.kind == "extern-crate" and (statement.alias or statement.module) == name:
                start = self._crate_start(package, statement.module)
                return start[0] if start is not None and start[0] else None
        return None

    def _names(self, file: str, name: str) -> bool:
        """Whether *file* defines *name* at its top, or imports it (a re-export)."""
        return self._defines(file, name) or any(
            name in _imported_names(i.module) for i in self._imports(file)
        )

    def _defines(self, file: str, name: str) -> bool:
        extraction = self.extractions.get(file)
        return extraction is not None and any(s.qualname == name for s in extraction.symbols)

    def _imports(self, path: str) -> tuple[Import, ...]:
        extraction = self.extractions.get(path)
        return extraction.imports if extraction is not None else ()

    def _children_folder(self, path: str) -> str:
        """Where the child modules of *path*'s module are: beside a crate root or a
        mod.rs, under x/ for x.rs."""
        folder, file_name = posixpath.split(path)
        if file_name == "mod.rs" or _is_root(path, self._package_of(path)):
            return folder
        return posixpath.join(folder, file_name.removesuffix(".rs"))

    def _parent_module(self, path: str) -> tuple[str, str] | None:
        """The module file above *path*'s module (``super``), and its children's folder."""
        package = self._package_of(path)
        if _is_root(path, package):
            return None  # a crate root has no parent
        module_folder = posixpath.dirname(path)
        if posixpath.basename(path) != "mod.rs":
            module_folder = posixpath.join(module_folder, posixpath.basename(path)[:-3])
        parent_folder = posixpath.dirname(module_folder)
        above, name = posixpath.split(parent_folder)
        for candidate in (
            posixpath.join(above, f"{name}.rs"),
            posixpath.join(parent_folder, "mod.rs"),
        ):
            if candidate in self.files and not _is_root(candidate, package):
                return candidate, parent_folder
        roots = [r for r in _roots_in(parent_folder, package, self.files) if r != path]
        return (roots[0], parent_folder) if len(roots) == 1 else None

    def _package_of(self, path: str) -> Package | None:
        return nearest_package(path, self._packages, self._manifest_folders)

    @cached_property
    def _manifest_folders(self) -> frozenset[str]:
        return frozenset(posixpath.dirname(p) for p in self.by_name.get("Cargo.toml", ()))

    @cached_property
    def _packages(self) -> dict[str, Package]:
        """Each package of the repository, by its folder."""
        return packages(self.root, self.files, self.by_name.get("Cargo.toml", ()))


_INLINE = P_("relative to an inline module above this file's")
_CRATE_UNKNOWN = P_("which crate root this file belongs to is not known")
_NOT_FOUND = P_("not a module of this crate, nor a crate its Cargo.toml names")


def _plain(written: str) -> str:
    """A ``use`` path as one line, its comments and runs of spaces as one space."""
    return _SPACES.sub(" ", _COMMENTS.sub(" ", written)).strip()


def _path_segments(written: str) -> list[str]:
    """``a::b::C as D`` -> [a, b, C]; ``a::*`` -> [a]; ``self as x`` -> [self]."""
    text = written.split(" as ", 1)[0].replace(" ", "")
    return [part for part in text.removeprefix("::").split("::") if part and part != "*"]


def _leaves(written: str, depth: int = 0) -> list[str]:
    """``a::{b, c::{d, self}}`` -> [``a::b``, ``a::c::d``, ``a::c``]; ``{x, y}`` ->
    [``x``, ``y``]; a path without a group as it is."""
    text = written.strip()
    if "{" not in text:
        return [text] if text else []
    if depth > _MAX_GROUP_DEPTH:
        return []
    head, _brace, body = text.partition("{")
    prefix = head.strip().removesuffix("::")
    members, level, current = [], 0, ""
    for char in body.rstrip().removesuffix("}"):
        level += (char == "{") - (char == "}")
        if char == "," and level == 0:
            members.append(current)
            current = ""
        else:
            current += char
    members.append(current)
    leaves = []
    for member in (m.strip() for m in members):
        for leaf in _leaves(member, depth + 1) if member else ():
            if leaf == "self" or leaf.startswith("self as "):
                leaves.append(prefix)
            else:
                leaves.append(f"{prefix}::{leaf}" if prefix else leaf)
    return [leaf for leaf in leaves if leaf]


def _imported_names(written: str) -> set[str]:
    """The names a ``use`` brings in: its last segment, alias, or a group's members."""
    names = set()
    for leaf in _leaves(_plain(written)):
        if " as " in leaf:
            names.add(leaf.split(" as ", 1)[1].strip())
        elif not leaf.endswith("*"):
            names.add(leaf.split("::")[-1].strip())
    return names


def _is_root(path: str, package: Package | None) -> bool:
    """Whether *path* is a crate root: of its package, or by its name where no
    package is known (lib.rs, main.rs, Cargo's bin/, tests/, examples/, benches/)."""
    if package is not None:
        return path in package.roots
    folder, file_name = posixpath.split(path)
    return file_name in ("lib.rs", "main.rs") or posixpath.basename(folder) in (
        "bin",
        "tests",
        "examples",
        "benches",
    )


def _roots_in(folder: str, package: Package | None, files: Mapping[str, object]) -> list[str]:
    """The crate roots whose child modules are in *folder*."""
    if package is not None:
        return [root for root in package.roots if posixpath.dirname(root) == folder]
    return [p for p in (posixpath.join(folder, n) for n in ("lib.rs", "main.rs")) if p in files]


def _crate_root(path: str, package: Package | None, files: Mapping[str, object]) -> str | None:
    """The root file ``crate::`` names in *path*: itself for a root, else the root of
    its package whose folder holds it most closely (two as close, such as
    ``src/lib.rs`` and ``src/main.rs``: either, so unknown)."""
    if _is_root(path, package):
        return path
    if package is None:
        return None
    holding = [
        (root.count("/"), root)
        for root in package.roots
        if path.startswith(posixpath.dirname(root) + "/") or not posixpath.dirname(root)
    ]
    if not holding:
        return None
    deepest = max(depth for depth, _root in holding)
    closest = [root for depth, root in holding if depth == deepest]
    return closest[0] if len(closest) == 1 else None
