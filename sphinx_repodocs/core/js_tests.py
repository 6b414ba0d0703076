"""Which runner runs a JavaScript or TypeScript test file, when that is certain. Pure:
reads the file's imports, and the nearest ``package.json`` as JSON with a size cap.

- Node's own runner: a ``.js``/``.mjs``/``.cjs`` file that imports ``node:test`` runs
  with ``node --test FILE`` (a ``.js`` file in ES module syntax only where its
  ``package.json`` says ``"type": "module"``).
- Jest and Vitest: the package lists the runner in its dependencies, its ``test``
  script calls it, no configuration file it cannot read could change which files are
  tests, and the file's name is one its default patterns match.
"""

from __future__ import annotations

import json
import posixpath
import re
import shlex
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .capped import read_capped
from .commands import Command, RunPlan
from .extract.base import Extraction
from .model import RepoFile

#: ``package.json`` is read only up to this size.
PACKAGE_JSON_MAX_BYTES = 256 * 1024
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


def js_test_target(
    file: RepoFile,
    extraction: Extraction,
    files: Mapping[str, RepoFile],
    root: str,
    read_text: Callable[[], str | None],
) -> JsTestTarget | None:
    """How *file*'s tests run; *read_text* gives its text (for its module syntax)."""
    package_folder, package = _nearest_package(file.path, files, root)
    if any(statement.module == "node:test" for statement in extraction.imports):
        text = read_text() if file.path.endswith(_NODE_SUFFIXES) else None
        if text is None:
            return None
        es_module = package.get("type") == "module"
        if file.path.endswith(".js") and _ES_SYNTAX.search(text) and not es_module:
            return None
        return JsTestTarget("node", "", file.path)
    if package_folder is None:
        return None
    relative = file.path[len(package_folder) + 1 :] if package_folder else file.path
    for runner, names in (("jest", _JEST_NAME), ("vitest", _VITEST_NAME)):
        if _configured(package, runner) and names.search(relative):
            configs = _CONFIGS[runner]
            if any(posixpath.join(package_folder, c) in files for c in configs):
                return None
            if runner == "jest" and isinstance(package.get("jest"), dict):
                return None  # its own testMatch, roots or ignore patterns may apply
            return JsTestTarget(runner, package_folder, relative)
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


def _nearest_package(
    path: str, files: Mapping[str, RepoFile], root: str
) -> tuple[str | None, dict[str, object]]:
    """The folder of the nearest ``package.json`` above *path*, and its data."""
    folder = posixpath.dirname(path)
    while True:
        manifest = posixpath.join(folder, "package.json")
        if manifest in files:
            return folder, _read_json(posixpath.join(root, manifest))
        if not folder:
            return None, {}
        folder = posixpath.dirname(folder)


def _read_json(path: str) -> dict[str, object]:
    data = read_capped(path, PACKAGE_JSON_MAX_BYTES)
    try:
        found = json.loads(data.decode("utf-8")) if data is not None else {}
    except (ValueError, RecursionError):
        return {}
    return found if isinstance(found, dict) else {}


_INTROS = {
    "node": "The file imports node:test: Node's test runner runs it.",
    "jest": (
        "Its package's test script runs Jest, whose default patterns match the file; "
        "install the package's dependencies first (npm install)."
    ),
    "vitest": (
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
    return RunPlan(_INTROS[target.runner], (Command("all tests", command, 0),), ())
