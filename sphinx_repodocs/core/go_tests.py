"""``go test`` commands for a Go ``_test.go`` file: its package from the nearest
``go.mod``, each test by an anchored ``-run`` pattern. Pure: reads the model's paths."""

from __future__ import annotations

import posixpath
import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass

from .commands import MAX_TEST_COMMANDS, Command, RunPlan, sentences
from .extract.base import Running
from .phrases import P_


@dataclass(frozen=True, slots=True)
class GoPackage:
    #: The module's folder ("" for the repository root) and the package from there.
    module: str
    package: str


def go_package(path: str, files: Mapping[str, object]) -> GoPackage | None:
    """The package of a ``_test.go`` file that ``go test`` builds, or None (no module,
    or a folder the go tool skips: ``testdata``, ``vendor``, ``_x``, ``.x``)."""
    if not path.endswith("_test.go"):
        return None
    folder = posixpath.dirname(path)
    parts = folder.split("/") if folder else []
    if any(p in ("testdata", "vendor") or p.startswith(("_", ".")) for p in parts):
        return None
    module = folder
    while posixpath.join(module, "go.mod") not in files:
        if not module:
            return None
        module = posixpath.dirname(module)
    package = folder[len(module) :].lstrip("/") if module else folder
    return GoPackage(module, f"./{package}" if package else ".")


def go_plan(running: Running, package: GoPackage) -> RunPlan:
    base = f"go test {shlex.quote(package.package)}"
    if package.module:
        base = f"cd {shlex.quote(package.module)} && {base}"
    names = [test.name for test in running.tests]
    listed = running.tests[:MAX_TEST_COMMANDS]
    every = "|".join(re.escape(name) for name in names)
    commands = [Command(P_("all tests"), f"{base} -run {shlex.quote(f'^({every})$')}", 0)]
    commands += [
        Command(test.name, f"{base} -run {shlex.quote(f'^{re.escape(test.name)}$')}", test.line)
        for test in listed
    ]
    count = len(names)
    intro: str
    if count == 1:
        intro = P_("The file defines {count} Go test function, run with go test.", count=count)
    else:
        intro = P_("The file defines {count} Go test functions, run with go test.", count=count)
    if condition := running.tests[0].condition:
        intro = sentences(intro, P_("The file is {condition}.", condition=condition))
    return RunPlan(intro, tuple(commands), (), count - len(listed))
