"""The package layout keeps its rules: what each layer may import, where registrations
live, where undocumented behaviour is relied on, and how big a module may grow."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sphinx_repodocs"

#: Third-party packages the pure core may use, by module where only some may.
CORE_THIRD_PARTY = {
    "pygments": None,
    "pathspec": None,
    "markdown_it": None,
    "charset_normalizer": {"core/encoding_guess.py"},
}
CORE_DOCUTILS = {"core/extract/prose.py", "core/extract/markup.py"}
#: Where registrations with Sphinx may be made: the table of contents, and the domain
#: as an extension of its own.
REGISTERING = {"__init__.py", "domain.py"}
REGISTRATIONS = {
    "add_builder",
    "add_config_value",
    "add_css_file",
    "add_directive",
    "add_domain",
    "add_js_file",
    "add_node",
    "add_role",
    "add_source_parser",
    "add_source_suffix",
    "add_transform",
    "connect",
    "set_translator",
    "setup_extension",
}
#: Attributes of Sphinx and docutils objects they do not document; compat.py only.
UNDOCUMENTED = {
    "current_docname",
    "dump_inventory",
    "finish_tasks",
    "get_outfilename",
    "highlighter",
    "smart_quotes",
    "_directives",
    "_directive_registry",
    "_roles",
    "_role_registry",
    "_tokens",
    "_write_doc_doctree_cache",
    "_pickled_doctree_cache",
}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
#: Longer functions, each with the reason it stays whole.
LONG_FUNCTIONS = {
    # The scan's filters, in the order the README gives them, as closures over one walk.
    "core/scan.py:scan",
    # Every registration in build order: the table of contents.
    "__init__.py:setup",
}


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), path


def imported_modules(relative: str, path: Path) -> Iterator[tuple[str, int]]:
    """Every module *path* imports, absolute, anywhere in the file."""
    package = ["sphinx_repodocs", *relative.split("/")[:-1]]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            yield module, node.lineno
            for alias in node.names:
                yield f"{module}.{alias.name}", node.lineno


def _is_stdlib(module: str) -> bool:
    return module.partition(".")[0] in sys.stdlib_module_names or module == "__future__"


def _allowed_in_core(relative: str, module: str) -> bool:
    top = module.partition(".")[0]
    if module.startswith(("sphinx_repodocs.core", "sphinx_repodocs.compat")):
        return True
    if module in ("sphinx_repodocs", "sphinx_repodocs.__version__"):
        return True
    if top == "docutils":
        return relative in CORE_DOCUTILS
    return _is_stdlib(module) or top in CORE_THIRD_PARTY


def _allowed_in_site(module: str) -> bool:
    return _is_stdlib(module) or module.startswith(
        ("sphinx_repodocs.core", "sphinx_repodocs.site", "sphinx_repodocs.compat")
    )


def test_core_and_site_import_only_what_their_layer_may():
    wrong = []
    for relative, path in modules():
        layer = relative.partition("/")[0]
        for module, line in imported_modules(relative, path):
            if (layer == "core" and not _allowed_in_core(relative, module)) or (
                layer == "site" and not _allowed_in_site(module)
            ):
                wrong.append(f"{relative}:{line} imports {module}")
    assert wrong == []


def test_the_rule_check_sees_a_forbidden_import():
    assert not _allowed_in_site("docutils.nodes")
    assert not _allowed_in_site("sphinx_repodocs.sphinx.nodes")
    assert not _allowed_in_core("core/scan.py", "sphinx.application")
    assert not _allowed_in_core("core/scan.py", "docutils")
    assert not _allowed_in_core("core/model.py", "sphinx_repodocs.site.urls")
    assert _allowed_in_core("core/extract/prose.py", "docutils.nodes")


def test_importing_the_core_and_the_site_plan_loads_no_sphinx():
    names = [
        "sphinx_repodocs." + relative.removesuffix(".py").replace("/", ".")
        for relative, _ in modules()
        if relative.startswith(("core/", "site/"))
    ]
    names = [name.removesuffix(".__init__") for name in names]
    program = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'sphinx' or m.startswith('sphinx.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout
    assert len(names) > 25


def _calls(path: Path) -> Iterator[tuple[str, int]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node.func.attr, node.lineno


def test_only_setup_registers_with_sphinx():
    elsewhere = [
        f"{relative}:{line} {name}"
        for relative, path in modules()
        if relative not in REGISTERING
        for name, line in _calls(path)
        if name in REGISTRATIONS
    ]
    assert elsewhere == []
    registered = {name for name, _ in _calls(PACKAGE / "__init__.py")}
    assert {"connect", "add_node", "add_directive", "add_builder"} <= registered


def test_undocumented_behaviour_is_used_only_in_compat():
    found = []
    for relative, path in modules():
        if relative == "compat.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            through_compat = isinstance(node, ast.Attribute) and (
                isinstance(node.value, ast.Name) and node.value.id == "compat"
            )
            if isinstance(node, ast.Attribute) and node.attr in UNDOCUMENTED and not through_compat:
                found.append(f"{relative}:{node.lineno} .{node.attr}")
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                ("sphinx", "docutils", "pygments")
            ):
                found.extend(
                    f"{relative}:{node.lineno} imports {alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_")
                )
    assert found == []


def _functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


@pytest.mark.parametrize(("limit_name", "limit"), [("module", MAX_MODULE_LINES)])
def test_no_module_is_over_the_limit(limit_name, limit):
    long = {
        relative: lines
        for relative, path in modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > limit
    }
    assert long == {}, f"{limit_name}s over {limit} lines"


def test_no_function_is_long_without_a_reason():
    long = set()
    for relative, path in modules():
        for function in _functions(ast.parse(path.read_text(encoding="utf-8"))):
            assert function.end_lineno is not None
            if function.end_lineno - function.lineno + 1 > MAX_FUNCTION_LINES:
                long.add(f"{relative}:{function.name}")
    assert long == LONG_FUNCTIONS
