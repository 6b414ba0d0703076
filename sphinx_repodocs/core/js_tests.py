"""Which runner runs a JavaScript or TypeScript test file, when that is certain. Pure:
reads the file's imports, and the nearest ``package.json`` (``imports_js.read_manifest``,
read once per folder by the caller).

- Node's own runner: a ``.js``/``.mjs``/``.cjs`` file that imports ``node:test`` runs
  with ``node --test FILE`` (a ``.js`` file in ES module syntax only where its
  ``package.json`` says ``"type": "module"``).
- Jest and Vitest: the package lists the runner in its dependencies, its ``test``
  script calls it, no configuration file it cannot read could change which files are
  tests, and the file's name is one its default patterns match.
"""

from __future__ import annotations

import posixpath
import re
import shlex
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .commands import Command, RunPlan
from .extract.base import Extraction
from .model import RepoFile
from .phrases import P_

_NODE_SUFFIXES = (".js", ".mjs", ".cjs")
_ES_SYNTAX = re.compile(r"^\s*(import\s|export\s)", re.MULTILINE)
#: Jest's default testMatch: in __tests__, or named *.test.* / *.spec.*.
_JEST_NAME = re.compile(r"(^|/)__tests__/.+\.[jt]sx?$|(^|/)[^/]*\.(test|spec)\.[jt]sx?$")
#: Vitest's default include: *.test.* / *.spec.* with ES, CommonJS and TS suffixes.
_VITEST_NAME = re.compile(r"(^|/)[^/]*\.(test|spec)\.[cm]?[jt]sx?$")
#: Files that may change a runner's test patterns, which we cannot read (JavaScript).
_CONFIGS = {
    "jest": ("jest.config.js", "jest.config.ts", "jest.config.mjs", "jest.config.cjs"),
    "vitest": (
        "vitest.config.js",
        "vitest.config.ts",
        "vitest.config.mjs",
        "vitest.config.mts",
        "vite.config.js",
        "vite.config.ts",
        "vite.config.mjs",
        "vite.config.mts",
        "vitest.workspace.ts",
        "vitest.workspace.js",
    ),
}


@dataclass(frozen=True, slots=True)
class JsTestTarget:
    #: "node", "jest" or "vitest".
    runner: str
    #: The folder the command runs in ("" for the root) and the file's path from there.
    folder: str
    path: str


#: The ``package.json`` data of a folder, or None where it has none.
Manifest = Callable[[str], "dict[str, Any] | None"]


def js_test_target(
    file: RepoFile,
    extraction: Extraction,
    files: Mapping[str, RepoFile],
    manifest: Manifest,
    read_text: Callable[[], str | None],
) -> JsTestTarget | None:
    """How *file*'s tests run; *read_text* gives its text (for its module syntax)."""
    if any(statement.module == "node:test" for statement in extraction.imports):
        if not file.path.endswith(_NODE_SUFFIXES) or (text := read_text()) is None:
            return None
        if file.path.endswith(".js") and _ES_SYNTAX.search(text):
            folder = _nearest_package(file.path, files)
            package = manifest(folder) if folder is not None else None
            if package is None or package.get("type") != "module":
                return None
        return JsTestTarget("node", "", file.path)
    if not (_JEST_NAME.search(file.path) or _VITEST_NAME.search(file.path)):
        return None  # no manifest read for the many files no runner would take
    folder = _nearest_package(file.path, files)
    package = manifest(folder) if folder is not None else None
    if folder is None or package is None:
        return None
    relative = file.path[len(folder) + 1 :] if folder else file.path
    for runner, names in (("jest", _JEST_NAME), ("vitest", _VITEST_NAME)):
        if _configured(package, runner) and names.search(relative):
            if any(posixpath.join(folder, c) in files for c in _CONFIGS[runner]):
                return None
            if runner == "jest" and isinstance(package.get("jest"), dict):
                return None  # its own testMatch, roots or ignore patterns may apply
            return JsTestTarget(runner, folder, relative)
    return None


def _configured(package: Mapping[str, object], runner: str) -> bool:
    """The package depends on *runner* and its ``test`` script calls it."""
    listed = any(
        isinstance(table, dict) and runner in table
        for table in (package.get("devDependencies"), package.get("dependencies"))
    )
    scripts = package.get("scripts")
    test = scripts.get("test") if isinstance(scripts, dict) else None
    return listed and isinstance(test, str) and re.search(rf"\b{runner}\b", test) is not None


def _nearest_package(path: str, files: Mapping[str, RepoFile]) -> str | None:
    """The folder of the nearest ``package.json`` above *path*."""
    folder = posixpath.dirname(path)
    while True:
        if posixpath.join(folder, "package.json") in files:
            return folder
        if not folder:
            return None
        folder = posixpath.dirname(folder)


_INTROS = {
    "node": P_("The file imports node:test: Node's test runner runs it."),
    "jest": P_(
        "Its package's test script runs Jest, whose default patterns match the file; "
        "install the package's dependencies first (npm install)."
    ),
    "vitest": P_(
        "Its package's test script runs Vitest, whose default patterns match the file; "
        "install the package's dependencies first (npm install)."
    ),
}


def js_plan(target: JsTestTarget) -> RunPlan:
    """The command that runs the file's tests, from the repository root."""
    path = shlex.quote(target.path)
    command = {
        "node": f"node --test {path}",
        "jest": f"npx jest --runTestsByPath {path}",
        "vitest": f"npx vitest run {path}",
    }[target.runner]
    if target.folder:
        command = f"cd {shlex.quote(target.folder)} && {command}"
    return RunPlan(_INTROS[target.runner], (Command(P_("all tests"), command, 0),), ())
