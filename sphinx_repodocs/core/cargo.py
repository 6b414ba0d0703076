"""The Rust packages of a repository, from their ``Cargo.toml``: crate roots, the
library's crate name, and which dependencies are other folders of the repository.
Pure: each manifest is read as TOML with a size cap; a symbolic link is not followed."""

from __future__ import annotations

import posixpath
import tomllib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from .capped import read_capped

#: ``Cargo.toml`` is read only up to this size.
CARGO_MAX_BYTES = 256 * 1024
#: Cargo's target folders whose ``*.rs`` (and ``*/main.rs``) files are crate roots.
_AUTO_TARGETS = ("tests", "examples", "benches", "src/bin")
_DEPENDENCY_TABLES = ("dependencies", "dev-dependencies", "build-dependencies")


@dataclass(frozen=True)
class Package:
    """A package: its folder, the crate name its library is used by, the library's
    root file, every crate root (library, binaries, tests, examples, benches), and
    its dependencies by the name code uses, each with its folder when it is a path
    into the repository (None for one from a registry)."""

    folder: str
    name: str
    library: str | None
    roots: frozenset[str]
    dependencies: Mapping[str, str | None]
    #: The ``[package]`` name, as Cargo's ``-p`` and the default binary take it.
    package: str = ""


def packages(
    root: str, files: Mapping[str, object], manifests: Iterable[str]
) -> dict[str, Package]:
    """Each package of the repository by its folder (a manifest without a
    ``[package]`` name, a workspace's or a template's, is none)."""
    found: dict[str, Package] = {}
    texts = [m for m in sorted(manifests) if getattr(files.get(m), "kind", None) == "text"]
    workspace_paths: dict[str, str] = {}
    for manifest in texts:  # ``[workspace.dependencies] x = { path = "..." }``
        data = _read_toml(posixpath.join(root, manifest))
        workspace = data.get("workspace")
        table = workspace.get("dependencies") if isinstance(workspace, dict) else None
        workspace_paths.update(_path_dependencies(posixpath.dirname(manifest), table))
    # Cargo's automatic targets: x.rs and x/main.rs in tests/, examples/, benches/
    # and src/bin/ of a package.
    targets: dict[str, list[str]] = {}
    for path in files:
        if path.endswith(".rs"):
            folder, name = posixpath.split(path)
            targets.setdefault(folder, []).append(path)
            if name == "main.rs":
                targets.setdefault(posixpath.dirname(folder), []).append(path)
    for manifest in texts:
        data = _read_toml(posixpath.join(root, manifest))
        package = data.get("package")
        if not isinstance(package, dict) or not isinstance(package.get("name"), str):
            continue
        folder = posixpath.dirname(manifest)
        automatic = [
            path
            for target in _AUTO_TARGETS
            for path in targets.get(posixpath.join(folder, target), ())
        ]
        found[folder] = _package(folder, package["name"], data, files, workspace_paths, automatic)
    return found


def nearest_package(
    path: str, found: Mapping[str, Package], manifest_folders: Collection[str]
) -> Package | None:
    """The package of the nearest ``Cargo.toml`` above *path* (None when that one is no
    package: a workspace's, a template's)."""
    folder = posixpath.dirname(path)
    while True:
        if folder in manifest_folders:
            return found.get(folder)
        if not folder:
            return None
        folder = posixpath.dirname(folder)


def _package(
    folder: str,
    name: str,
    data: dict[str, object],
    files: Mapping[str, object],
    workspace_paths: Mapping[str, str],
    automatic: list[str],
) -> Package:
    lib = data.get("lib")
    table: dict[str, object] = lib if isinstance(lib, dict) else {}
    lib_name, lib_path = table.get("name"), table.get("path")
    library = posixpath.normpath(
        posixpath.join(folder, lib_path if isinstance(lib_path, str) else "src/lib.rs")
    )
    roots = {library, posixpath.join(folder, "src", "main.rs"), *automatic}
    binaries = data.get("bin")
    for binary in binaries if isinstance(binaries, list) else ():
        if isinstance(binary, dict) and isinstance(written := binary.get("path"), str):
            roots.add(posixpath.normpath(posixpath.join(folder, written)))
    return Package(
        folder=folder,
        name=(lib_name if isinstance(lib_name, str) else name).replace("-", "_"),
        library=library if library in files else None,
        roots=frozenset(r for r in roots if r in files),
        dependencies=_dependencies(folder, data, workspace_paths),
        package=name,
    )


def _dependencies(
    folder: str, data: dict[str, object], workspace_paths: Mapping[str, str]
) -> dict[str, str | None]:
    """Code name -> the dependency's folder in the repository, or None."""
    tables = [data.get(key) for key in _DEPENDENCY_TABLES]
    targets = data.get("target")
    for target in targets.values() if isinstance(targets, dict) else ():
        if isinstance(target, dict):
            tables.extend(target.get(key) for key in _DEPENDENCY_TABLES)
    found: dict[str, str | None] = {}
    for table in tables:
        if not isinstance(table, dict):
            continue
        for key, spec in table.items():
            code_name = str(key).replace("-", "_")
            if isinstance(spec, dict) and isinstance(spec.get("path"), str):
                found[code_name] = posixpath.normpath(posixpath.join(folder, spec["path"]))
            elif isinstance(spec, dict) and spec.get("workspace") is True:
                found[code_name] = workspace_paths.get(str(key))
            else:
                found.setdefault(code_name, None)
    return found


def _path_dependencies(folder: str, table: object) -> dict[str, str]:
    if not isinstance(table, dict):
        return {}
    return {
        str(key): posixpath.normpath(posixpath.join(folder, spec["path"]))
        for key, spec in table.items()
        if isinstance(spec, dict) and isinstance(spec.get("path"), str)
    }


def _read_toml(path: str) -> dict[str, object]:
    data = read_capped(path, CARGO_MAX_BYTES)
    try:
        return tomllib.loads(data.decode("utf-8")) if data is not None else {}
    except (ValueError, RecursionError):  # ValueError: bad UTF-8, TOML, digits
        return {}
