"""JavaScript and TypeScript imports resolved to repository files: relative paths (with
Node's and TypeScript's suffixes and ``index`` files), and bare specifiers naming a
package of the repository (a workspace's ``package.json`` ``name``): its entry by
``exports``, ``module`` or ``main`` where that file is in the repository, else its
folder (an entry built into ``dist/`` is not). Pure: ``package.json`` is read as JSON
with a size cap; a symbolic link is not followed."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import cached_property
from typing import Any

from .capped import read_capped
from .extract.base import Import
from .imports_more import Dependency
from .phrases import P_

_FILE_SUFFIXES = ("", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".d.ts")
_INDEX_FILES = ("index.ts", "index.tsx", "index.js", "index.jsx", "index.mjs", "index.cjs")
#: ``package.json`` is read only up to this size.
PACKAGE_JSON_MAX_BYTES = 1024 * 1024
#: TypeScript resolves an import of ``x.js`` to ``x.ts`` (and the like).
_TS_FOR_JS = {"js": ("ts", "tsx", "d.ts"), "jsx": ("tsx",), "mjs": ("mts",), "cjs": ("cts",)}
_TYPESCRIPT = (".ts", ".tsx", ".mts", ".cts")
#: Fields naming a package's entry when it has no ``exports``.
_ENTRY_FIELDS = ("module", "main", "types", "typings")


class JavaScriptImports:
    """The JavaScript resolver; the resolver that uses it holds the model's ``files``,
    ``by_name`` (file name -> paths) and ``root``."""

    files: Mapping[str, object]
    by_name: dict[str, list[str]]
    root: str

    def _javascript(self, path: str, statement: Import) -> Dependency:
        specifier = statement.module
        base = Dependency(
            line=statement.line,
            written=specifier,
            status="unresolved",
            names=", ".join(n.alias or n.name for n in statement.names),
        )
        if specifier in (".", "..") or specifier.startswith(("./", "../", "/")):
            return self._js_relative(path, specifier, base)
        if specifier.startswith("node:"):
            return replace(base, status="stdlib")
        if specifier.startswith("#"):
            return replace(base, reason=P_("a package's own import map (#...), not read"))
        if specifier.startswith(("@/", "~")):
            return replace(base, reason=P_("a path alias of the build (tsconfig paths), not read"))
        name, subpath = _package_name(specifier)
        package = self._js_packages.get(name)
        if package is None:
            return replace(base, status="third-party")
        folder, manifest = package
        target = self._js_entry(folder, manifest, subpath)
        if target is not None:
            return replace(base, status="repo", target=target)
        if subpath:
            return replace(
                base, reason=P_("{package} has no {subpath}", package=name, subpath=subpath[1:])
            )
        # The entry is built (``dist/index.js``): the dependency is the package.
        return replace(base, status="repo", target=folder, target_is_folder=True)

    def _js_relative(self, path: str, specifier: str, base: Dependency) -> Dependency:
        """A relative import as Node reads it: the file (with the suffixes Node and
        TypeScript try), else the folder (its package.json ``main``, else ``index``); a
        specifier ending in ``/`` (or ``.``, ``..``) names only a folder."""
        if specifier.startswith("/"):
            return replace(base, reason=P_("an absolute path, outside the repository"))
        relative = posixpath.normpath(posixpath.join(posixpath.dirname(path), specifier))
        if relative == ".." or relative.startswith("../"):
            return replace(base, reason=P_("outside the repository"))
        relative = "" if relative == "." else relative
        folder_only = specifier in (".", "..") or specifier.endswith(("/", "/.", "/.."))
        typescript = path.endswith(_TYPESCRIPT)
        target = None if folder_only else self._js_file(relative, typescript)
        if target is None:
            target = self._js_folder(relative, typescript)
        if target is None:
            return replace(base, reason=P_("no such file"))
        return replace(base, status="repo", target=target)

    def _js_file(self, base: str, typescript: bool = False) -> str | None:
        """*base* as a file of the repository, with the suffixes Node and TypeScript try;
        from TypeScript, ``x.js`` is also ``x.ts`` (its rule for ES modules)."""
        if not base:
            return None
        found = next((base + s for s in _FILE_SUFFIXES if base + s in self.files), None)
        stem, dot, suffix = base.rpartition(".")
        if found is None and typescript and dot and suffix in _TS_FOR_JS:
            candidates = (f"{stem}.{ts}" for ts in _TS_FOR_JS[suffix])
            found = next((c for c in candidates if c in self.files), None)
        return found

    def _js_folder(self, folder: str, typescript: bool = False) -> str | None:
        """A folder as Node loads it: its package.json ``main`` (a file, or a folder's
        index), else its ``index``."""
        manifest = self._js_manifest(folder)
        main = manifest.get("main") if manifest is not None else None
        if isinstance(main, str):
            target = posixpath.normpath(posixpath.join(folder, main))
            if _inside(target, folder) and target != folder:
                found = self._js_file(target, typescript) or self._js_index(target)
                if found is not None:
                    return found
        return self._js_index(folder)

    def _js_index(self, folder: str) -> str | None:
        prefix = f"{folder}/" if folder else ""
        return next((prefix + n for n in _INDEX_FILES if prefix + n in self.files), None)

    def _js_entry(self, folder: str, manifest: dict[str, Any], subpath: str) -> str | None:
        """The file a package's specifier (``""`` or ``/sub/path``) names: by its
        ``exports`` (the first of the paths it gives that is a file of the repository),
        else as Node loads the folder or the path under it."""
        exports = manifest.get("exports")
        if exports is None and not subpath:
            fields = [v for f in _ENTRY_FIELDS if isinstance(v := manifest.get(f), str)]
            return self._first_file(folder, fields, indexes=True) or self._js_index(folder)
        if exports is None:
            target = posixpath.normpath(posixpath.join(folder, subpath[1:]))
            if not _inside(target, folder):
                return None
            return self._js_file(target) or self._js_folder(target)
        keys = [str(k) for k in exports] if isinstance(exports, dict) else []
        if keys and any(k.startswith(".") for k in keys):
            if not all(k.startswith(".") for k in keys):
                return None  # "." keys mixed with conditions: Node refuses the manifest
            return self._first_file(folder, _targets(exports.get("." + subpath)))
        return self._first_file(folder, _targets(exports)) if not subpath else None

    def _first_file(self, folder: str, written: Iterable[str], indexes: bool = False) -> str | None:
        """The first of the package's *written* paths that is a file of the repository
        (or, with *indexes*, a folder's index), inside the package and not the package
        itself (``"main": "."`` names no file of its own)."""
        for path in written:
            target = posixpath.normpath(posixpath.join(folder, path))
            if not _inside(target, folder) or target == folder:
                continue
            found = self._js_file(target) or (self._js_index(target) if indexes else None)
            if found is not None:
                return found
        return None

    def _js_manifest(self, folder: str) -> dict[str, Any] | None:
        """The package.json of *folder*, when it has one (read once)."""
        cache: dict[str, dict[str, Any] | None] = self.__dict__.setdefault("_js_manifests", {})
        if folder not in cache:
            cache[folder] = read_manifest(self.root, self.files, folder)
        return cache[folder]

    @cached_property
    def _js_packages(self) -> dict[str, tuple[str, dict[str, Any]]]:
        """The repository's packages by name, with their manifests (a name two
        packages share, such as test fixtures, names neither)."""
        named: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for manifest in sorted(self.by_name.get("package.json", ())):
            if getattr(self.files.get(manifest), "kind", None) != "text":
                continue
            data = _read_json(posixpath.join(self.root, manifest))
            if isinstance(data, dict) and isinstance(name := data.get("name"), str) and name:
                named.setdefault(name, []).append((posixpath.dirname(manifest), data))
        return {name: found[0] for name, found in named.items() if len(found) == 1}


def _inside(target: str, folder: str) -> bool:
    """Whether the normalised *target* is in the package at *folder* ("" for the top)."""
    if not folder:
        return target != ".." and not target.startswith(("../", "/"))
    return target == folder or target.startswith(folder + "/")


def _package_name(specifier: str) -> tuple[str, str]:
    """``@scope/name/sub`` -> (``@scope/name``, ``/sub``); ``name`` -> (``name``, "")."""
    parts = specifier.split("/")
    count = 2 if specifier.startswith("@") else 1
    name = "/".join(parts[:count])
    rest = "/".join(parts[count:])
    return name, f"/{rest}" if rest else ""


def _targets(entry: object, depth: int = 0) -> Iterator[str]:
    """The paths an ``exports`` entry gives, in the order written: a string; each
    condition's, as the object orders them; each of a fallback list's."""
    if isinstance(entry, str):
        yield entry
    elif depth > 8:
        return
    elif isinstance(entry, list):
        for item in entry:
            yield from _targets(item, depth + 1)
    elif isinstance(entry, dict):
        for value in entry.values():
            yield from _targets(value, depth + 1)


def read_manifest(root: str, files: Mapping[str, object], folder: str) -> dict[str, Any] | None:
    """The ``package.json`` of *folder* as JSON data, when it has a readable one."""
    path = posixpath.join(folder, "package.json")
    if getattr(files.get(path), "kind", None) != "text":
        return None
    data = _read_json(posixpath.join(root, path))
    return data if isinstance(data, dict) else None


def _read_json(path: str) -> object:
    data = read_capped(path, PACKAGE_JSON_MAX_BYTES)
    try:
        return json.loads(data.decode("utf-8-sig")) if data is not None else None
    except (ValueError, RecursionError):  # ValueError: bad UTF-8, JSON, digits
        return None
