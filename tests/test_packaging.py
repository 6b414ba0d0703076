"""What the package imports and what pyproject.toml declares agree, both ways."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

from sphinx_repodocs.core.extract.treesitter import GRAMMARS

from .conftest import require_grammar

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "sphinx_repodocs"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement (PEP 503)."""
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group()).lower()


def _imported_modules() -> set[str]:
    """Top-level modules the package imports by statement, and by importlib with a literal."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "import_module"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"sphinx_repodocs", "__future__"}


def _distributions(modules: set[str]) -> set[str]:
    owners = importlib.metadata.packages_distributions()
    missing = sorted(module for module in modules if module not in owners)
    assert not missing, f"imported but installed by no distribution here: {missing}"
    return {_name(owner) for module in modules for owner in owners[module]}


#: Grammar modules are imported by name from GRAMMARS; tree-sitter itself by importlib.
OPTIONAL = {module for module, _ in GRAMMARS.values()} | {"tree_sitter"}


def test_every_imported_distribution_is_declared():
    required = {_name(item) for item in PYPROJECT["project"]["dependencies"]}
    imported = _imported_modules()
    assert _distributions(imported - OPTIONAL) <= required, "import of an undeclared distribution"


def test_every_declared_distribution_is_imported():
    required = {_name(item) for item in PYPROJECT["project"]["dependencies"]}
    imported = _imported_modules()
    assert required == _distributions(imported - OPTIONAL), "a declared distribution unused"
    assert "tree_sitter" in imported and OPTIONAL - {"tree_sitter"}


def test_the_languages_extra_is_what_the_grammars_import():
    """The grammars' distributions are known only where the extra is installed."""
    require_grammar("c")
    languages = {_name(item) for item in PYPROJECT["project"]["optional-dependencies"]["languages"]}
    assert languages == _distributions(OPTIONAL)


def test_the_licence_is_declared_and_shipped():
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    # PEP 639 metadata needs setuptools 77: distributions build without isolation.
    assert PYPROJECT["build-system"]["requires"] == ["setuptools>=77"]
    assert "Framework :: Sphinx :: Extension" in project["classifiers"]
    assert "Typing :: Typed" in project["classifiers"]
    assert (PACKAGE / "py.typed").is_file()
