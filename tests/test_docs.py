"""The documentation site (docs/) documents what the code has: every configuration
option, directive, builder, role and object type of the repo domain, warning subtype
and command-line option. Each expected set is read from the code, so a new option or
warning without its documentation fails here.

The Markdown sources are read directly (building the whole site takes longer than
these checks may); the command reference, which the docs generate from the argument
parser, is built in a small Sphinx project of its own. README.rst is checked too: its
commands, the tox environments and its links into the site.
"""

from __future__ import annotations

import argparse
import ast
import configparser
import io
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sphinx.builders import Builder
from sphinx.testing.util import SphinxTestApp

import sphinx_repodocs
from sphinx_repodocs import cli
from sphinx_repodocs.site.defined_names import ALL_KINDS
from sphinx_repodocs.sphinx.domain import RepoDomain

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"
PACKAGE = ROOT / "sphinx_repodocs"

#: What each ``rebuild`` value of add_config_value means, as the reference says it.
REBUILD_MEANING = {
    "env": 'every page (`"env"`)',
    "html": 'every HTML page written again (`"html"`)',
    "": 'nothing (`""`)',
}


class Registrations:
    """A stand-in for the Sphinx application that records what ``setup()`` registers."""

    def __init__(self) -> None:
        self.config_values: dict[str, tuple[Any, str, tuple[type, ...]]] = {}
        self.directives: dict[str, type] = {}
        self.builders: list[type[Builder]] = []

    def add_config_value(
        self,
        name: str,
        default: Any,
        rebuild: str,
        types: Any = (),
        description: str = "",
    ) -> None:
        self.config_values[name] = (default, rebuild, tuple(types))

    def add_directive(self, name: str, cls: type, override: bool = False) -> None:
        self.directives[name] = cls

    def add_builder(self, builder: type[Builder], override: bool = False) -> None:
        self.builders.append(builder)

    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *args, **kwargs: None


@pytest.fixture(scope="module")
def registered() -> Registrations:
    app = Registrations()
    sphinx_repodocs.setup(app)  # type: ignore[arg-type]
    assert app.config_values and app.directives and app.builders
    return app


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The text under the ``## heading`` of a Markdown page, up to the next ``##``."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match is not None, f"no section {heading!r}"
    return match.group(1)


def table_keys(text: str) -> set[str]:
    """The first cells of a Markdown table's rows, where they are code: ``| `x` |``."""
    return set(re.findall(r"^\| `([^`]+)` \|", text, re.M))


# Configuration options ------------------------------------------------------------------


def confvals() -> dict[str, tuple[dict[str, str], str]]:
    """name -> (its :type: and :default: options, its body) for each ``{confval}``."""
    found: dict[str, tuple[dict[str, str], str]] = {}
    text = read(REFERENCE / "configuration.md")
    for name, block in re.findall(r"^```\{confval\} (\S+)\n(.*?)^```$", text, re.M | re.S):
        options = dict(re.findall(r"^:(\w+): (.*)$", block, re.M))
        body = re.sub(r"^:\w+: .*\n", "", block, flags=re.M)
        assert name not in found, f"{name} is documented twice"
        found[name] = (options, " ".join(body.split()))
    return found


def type_name(kind: type) -> str:
    if kind is type(None):
        return "None"
    return kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__name__}"


def test_every_option_is_a_confval_with_its_type_default_and_rebuild(
    registered: Registrations,
) -> None:
    documented = confvals()
    assert set(documented) == set(registered.config_values), (
        "documented but not registered: "
        f"{sorted(set(documented) - set(registered.config_values))}; "
        f"registered but not documented: {sorted(set(registered.config_values) - set(documented))}"
    )
    for name, (default, rebuild, types) in registered.config_values.items():
        options, body = documented[name]
        assert options.get("default", "").strip("`") == repr(default), name
        for kind in types:
            assert f"`{type_name(kind)}`" in options.get("type", ""), (name, type_name(kind))
        assert rebuild in REBUILD_MEANING, f"say what rebuild={rebuild!r} means ({name})"
        assert f"Changing it rebuilds: {REBUILD_MEANING[rebuild]}." in body, name


# Directives and builders -----------------------------------------------------------------


def test_every_directive_its_options_and_the_builder_are_documented(
    registered: Registrations,
) -> None:
    text = read(REFERENCE / "directives.md")
    for name, directive in registered.directives.items():
        part = section(text, f"`{name}`")
        for option in getattr(directive, "option_spec", None) or {}:
            assert f"`:{option}:`" in part, (name, option)
    kinds = section(text, "`repodocs-keywords`")
    for kind in ALL_KINDS:
        assert f"`{kind}`" in kinds, kind
    for builder in registered.builders:
        section(text, f"Builder: `{builder.name}`")


# The repo domain ------------------------------------------------------------------------


def test_every_role_and_object_type_of_the_repo_domain_is_documented() -> None:
    text = read(REFERENCE / "domain.md")
    roles = {f"{RepoDomain.name}:{role}" for role in RepoDomain.roles}
    assert table_keys(section(text, "Roles")) == roles
    assert table_keys(section(text, "Object types")) == set(RepoDomain.object_types)
    # Each object type says which roles find it, as the domain declares them.
    rows = dict(re.findall(r"^\| `([^`]+)` \| ([^|]+) \|", section(text, "Object types"), re.M))
    for name, objtype in RepoDomain.object_types.items():
        said = set(re.findall(r"`(?:repo:)?([\w-]+)`", rows[name]))
        assert said == set(objtype.roles), (name, said, objtype.roles)


# Warnings --------------------------------------------------------------------------------


def warning_subtypes() -> set[str]:
    """Every ``subtype=`` of a log call with ``type="repodocs"`` in the package."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(read(path), str(path))):
            if not isinstance(node, ast.Call):
                continue
            keywords = {k.arg: k.value for k in node.keywords if k.arg}
            kind, subtype = keywords.get("type"), keywords.get("subtype")
            if isinstance(kind, ast.Constant) and kind.value == "repodocs":
                assert isinstance(subtype, ast.Constant), f"{path}:{node.lineno}: no subtype"
                found.add(str(subtype.value))
    return found


def test_every_warning_subtype_is_documented() -> None:
    subtypes = warning_subtypes()
    assert subtypes, "no warning of type 'repodocs' found in the package"
    text = read(REFERENCE / "warnings.md")
    assert table_keys(text) == {f"repodocs.{subtype}" for subtype in subtypes}
    assert 'suppress_warnings = ["repodocs.' in text


# The command ----------------------------------------------------------------------------


def parser_actions(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    # argparse lists its arguments only in _actions, which --help itself reads.
    yield from (a for a in parser._actions if a.help != argparse.SUPPRESS)


def test_the_command_reference_is_generated_with_every_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert re.search(
        r"^```\{command-reference\} sphinx_repodocs\.cli:build_parser$",
        read(REFERENCE / "command.md"),
        re.M,
    )
    monkeypatch.syspath_prepend(str(DOCS / "_ext"))
    monkeypatch.delitem(sys.modules, "commandref", raising=False)
    source = tmp_path / "source"
    source.mkdir()
    (source / "conf.py").write_text("extensions = ['commandref']\n", encoding="utf-8")
    (source / "index.rst").write_text(
        "Command\n=======\n\n.. command-reference:: sphinx_repodocs.cli:build_parser\n",
        encoding="utf-8",
    )
    warnings = io.StringIO()
    # SphinxTestApp, unlike Sphinx, undoes the node and directive registrations that
    # setting up an application makes globally in docutils.
    app = SphinxTestApp("text", srcdir=source, status=io.StringIO(), warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings.getvalue() == ""
    text = " ".join((Path(app.outdir) / "index.txt").read_text(encoding="utf-8").split())
    help_text = sys.modules["commandref"].help_text
    parser = cli.build_parser()
    actions = list(parser_actions(parser))
    assert len(actions) > 5
    for action in actions:
        for flag in action.option_strings or [action.dest]:
            assert re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", text), flag
        if isinstance(action.metavar, str):
            assert action.metavar in text, action.metavar
        assert " ".join(help_text(parser, action).split()) in text, action.dest
    for line in (parser.epilog or "").splitlines():
        assert " ".join(line.split()) in text, line


# README.rst -----------------------------------------------------------------------------


README = ROOT / "README.rst"
SITE = "https://sphinx-repodocs.readthedocs.io/en/latest/"


def test_readme_commands_are_make_targets_and_ci_runs_its_test_command() -> None:
    readme = read(README)
    commands = set(re.findall(r"^ {3}make (\w+)\b", readme, re.M))
    targets = set(re.findall(r"^([\w-]+):", read(ROOT / "Makefile"), re.M))
    assert commands and commands <= targets, commands - targets
    ci = set(re.findall(r"^make (\w+)\b", read(ROOT / ".ci" / "run"), re.M))
    assert ci and ci <= commands, "CI runs a make command README.rst does not give"


def test_readme_names_every_tox_environment() -> None:
    tox = configparser.ConfigParser()
    tox.read(ROOT / "tox.ini", encoding="utf-8")
    environments = {
        name.strip() for name in re.split(r"[,\s]+", tox["tox"]["env_list"]) if name.strip()
    }
    environments |= {name.removeprefix("testenv:") for name in tox if name.startswith("testenv:")}
    readme = read(README)
    missing = sorted(env for env in environments if f"``{env}``" not in readme)
    assert not missing, f"README.rst does not name the tox environments {missing}"


def test_readme_links_into_the_site_name_its_pages() -> None:
    pages = re.findall(rf"{re.escape(SITE)}([\w/.-]*?)\.html", read(README))
    assert len(pages) >= 5
    for page in pages:
        assert any((DOCS / f"{page}{suffix}").is_file() for suffix in (".md", ".rst")), page
