"""Imports of build files and of languages with packages: CMake, shell, Go and Java,
resolved to repository files (``imports`` has Python, C, C++, JavaScript and
TypeScript, and the graph; ``imports_rust`` has Rust). Pure."""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from .extract.base import Import
from .phrases import P_

Status = Literal["repo", "stdlib", "third-party", "system", "unresolved"]

_GO_MODULE = re.compile(r"^module\s+(\S+)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Dependency:
    """One import of a file, resolved and classified."""

    line: int
    written: str
    status: Status
    #: Repository path of the file (or folder, for a namespace package) it resolves to.
    target: str | None = None
    target_is_folder: bool = False
    #: ``from package import name``: the names this dependency covers ("" for all).
    names: str = ""
    local: bool = False
    condition: str = ""
    #: Why it did not resolve, for unresolved imports.
    reason: str = ""


class BuildAndPackageImports:
    """Resolvers of these languages; the resolver that uses them holds the model's
    ``files``, ``folders``, ``by_name`` (file name -> paths) and ``root``."""

    files: Mapping[str, object]
    folders: Mapping[str, object]
    by_name: dict[str, list[str]]
    root: str

    # --- CMake --------------------------------------------------------------------------

    def _cmake(self, path: str, statement: Import) -> Dependency:
        """``include()`` a file (next to this one) or a module (``name.cmake``, when
        the repository has one file of that name), ``add_subdirectory()`` a folder's
        CMakeLists.txt, ``find_package()`` a Find module or package config."""
        written = statement.module
        folder = posixpath.dirname(path)
        base = Dependency(line=statement.line, written=written, status="unresolved")
        if statement.kind == "add_subdirectory":
            lists = posixpath.normpath(posixpath.join(folder, written, "CMakeLists.txt"))
            if lists in self.files:
                return replace(base, status="repo", target=lists)
            return replace(base, status="unresolved", reason=P_("no CMakeLists.txt there"))
        if statement.kind == "include" and ("/" in written or written.endswith(".cmake")):
            candidate = posixpath.normpath(posixpath.join(folder, written))
            if candidate in self.files:
                return replace(base, status="repo", target=candidate)
            return replace(base, status="unresolved", reason=P_("not next to this file"))
        names = (
            (f"{written}.cmake",)
            if statement.kind == "include"
            else (
                f"Find{written}.cmake",
                f"{written}Config.cmake",
                f"{written.lower()}-config.cmake",
            )
        )
        found = [p for name in names for p in self.by_name.get(name, ())]
        if len(found) == 1:
            return replace(base, status="repo", target=found[0])
        # CMake's own modules, or what the system provides: not known without CMake.
        reason = (
            P_("a CMake module not in the repository (CMake finds it)")
            if statement.kind == "include"
            else P_("a package not in the repository (CMake finds it)")
        )
        return replace(base, status="unresolved", reason=reason)

    # --- Go and Java ----------------------------------------------------------------------

    def _go(self, path: str, statement: Import) -> Dependency:
        """A package of this module (the ``module`` line of the nearest go.mod above the
        file, its folder), the standard library (no dot in the first element), or
        another module."""
        written = statement.module
        base = Dependency(line=statement.line, written=written, status="third-party")
        for folder, module in self._go_module_list:
            inside = path.startswith(folder + "/") if folder else True
            if inside and (written == module or written.startswith(module + "/")):
                relative = posixpath.join(folder, written[len(module) :].lstrip("/"))
                relative = relative.rstrip("/")
                if relative in self.folders:
                    return replace(base, status="repo", target=relative, target_is_folder=True)
                return replace(base, status="unresolved", reason=P_("no such folder in the module"))
        if "." not in written.split("/", 1)[0]:
            return replace(base, status="stdlib")
        return base

    @functools.cached_property
    def _go_module_list(self) -> list[tuple[str, str]]:
        """(folder, module path) of each go.mod, deepest folders first."""
        found = []
        for file_path in self.by_name.get("go.mod", ()):
            try:
                with open(posixpath.join(self.root, file_path), encoding="utf-8") as handle:
                    text = handle.read(64 * 1024)
            except (OSError, UnicodeDecodeError):
                continue
            if match := _GO_MODULE.search(text):
                found.append((posixpath.dirname(file_path), match.group(1).strip('"')))
        return sorted(found, key=lambda item: -item[0].count("/") - bool(item[0]))

    def _java(self, statement: Import) -> Dependency:
        """``import a.b.C;`` is the repository's a/b/C.java under any source folder
        when exactly one file ends so; ``a.b.*`` is its folder; ``java.``/``javax.``
        the standard library."""
        written = statement.module
        base = Dependency(line=statement.line, written=written, status="third-party")
        dotted = written.removesuffix(".*")
        if written.endswith(".*"):
            suffix = "/" + dotted.replace(".", "/")
            folders = [f for f in self.folders if ("/" + f).endswith(suffix)]
            if len(folders) == 1:
                return replace(base, status="repo", target=folders[0], target_is_folder=True)
        else:
            parts = dotted.split(".")
            # import a.b.C.Inner / import static a.b.C.member: the file is a.b.C.
            for end in range(len(parts), 1, -1):
                name = "/".join(parts[:end]) + ".java"
                files = [
                    p for p in self.by_name.get(parts[end - 1] + ".java", ()) if p.endswith(name)
                ]
                if len(files) == 1 and ("/" + files[0]).endswith("/" + name):
                    return replace(base, status="repo", target=files[0])
        if written.startswith(("java.", "javax.")):
            return replace(base, status="stdlib")
        return base

    # --- Shell --------------------------------------------------------------------------

    def _shell(self, path: str, statement: Import) -> Dependency:
        """``source x``/``. x``: a literal path, from the script's folder or the top of
        the repository (where scripts are run from); a path with an expansion is not
        known before the script runs."""
        written = statement.module
        base = Dependency(line=statement.line, written=written, status="unresolved")
        if any(char in written for char in "$`*?~"):
            return replace(base, reason=P_("its path is known only when the script runs"))
        if written.startswith("/"):
            return replace(base, reason=P_("an absolute path, outside the repository"))
        for folder in (posixpath.dirname(path), ""):
            candidate = posixpath.normpath(posixpath.join(folder, written))
            if candidate in self.files:
                return replace(base, status="repo", target=candidate)
        return replace(base, reason=P_("not next to this script or at the top of the repository"))
