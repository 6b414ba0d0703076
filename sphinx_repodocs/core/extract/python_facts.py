"""Facts about a Python file read from its syntax tree: patterns, security- and
performance-relevant calls, and how the file runs. Pure; nothing is executed.

Every rule below is a syntactic fact with its lines, never a judgement: "calls
``eval``" is said, "is insecure" is not. Names are resolved through the file's own
imports (``import subprocess as sp`` makes ``sp.run`` ``subprocess.run``).
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from collections.abc import Iterable

from ..phrases import P_
from .base import FACT_CATEGORIES, MAX_CITED_LINES, Fact, FactCategory, Running
from .python_running import running
from .python_tree import ImportedNames, TreeNodes, keyword_argument, main_block

_UNPICKLERS = frozenset(
    {
        "pickle.load",
        "pickle.loads",
        "pickle.Unpickler",
        "cPickle.load",
        "cPickle.loads",
        "marshal.load",
        "marshal.loads",
        "shelve.open",
        "dill.load",
        "dill.loads",
        "joblib.load",
    }
)
_SHELL_CALLS = frozenset({"os.system", "os.popen"})
_WEAK_HASHES = frozenset({"hashlib.md5", "hashlib.sha1"})
_CREDENTIAL_NAME = re.compile(
    r"(^|_)(password|passwd|pwd|secret|token|api_?key|access_?key|private_?key)$", re.I
)

#: Imported module (first dotted part or whole name) -> the fact of its import. Only
#: imports that are performance-relevant in themselves: a JIT, GPU kernels, process and
#: thread pools. A library a whole project imports (NumPy, pandas, PyTorch's tensors,
#: threading for a lock or ``local``, asyncio) says nothing about this file's speed.
_PERFORMANCE_IMPORTS = {
    "numba": P_("imports the numba JIT compiler"),
    "triton": P_("imports Triton GPU kernels"),
    "cupy": P_("imports CuPy (CUDA arrays)"),
    "pycuda": P_("imports PyCUDA"),
    "torch.cuda": P_("imports PyTorch's CUDA API"),
    "multiprocessing": P_("imports multiprocessing (processes)"),
    "concurrent.futures": P_("imports concurrent.futures (thread and process pools)"),
}
_MEMOISERS = frozenset({"functools.lru_cache", "functools.cache", "functools.cached_property"})
_JIT_DECORATORS = frozenset({"numba.jit", "numba.njit", "numba.vectorize", "triton.jit"})
_ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"})
_DATACLASS = frozenset({"dataclasses.dataclass", "dataclass"})
#: Loops nested this deep are reported (each level multiplies the work).
_DEEP_LOOPS = 3


class _Collector:
    def __init__(self) -> None:
        self.lines: dict[tuple[FactCategory, str], list[int]] = defaultdict(list)

    def add(self, category: FactCategory, text: str, line: int) -> None:
        self.lines[(category, text)].append(line)

    def facts(self) -> tuple[Fact, ...]:
        result = []
        for (category, text), lines in self.lines.items():
            # One line more than is cited, so a page can tell that more exist.
            unique = sorted(set(lines))[: MAX_CITED_LINES + 1]
            result.append(Fact(category, text, len(lines), tuple(unique)))
        return tuple(
            sorted(result, key=lambda f: (FACT_CATEGORIES.index(f.category), f.lines[:1], f.text))
        )


def python_facts(
    tree: ast.Module, nodes: TreeNodes | None = None
) -> tuple[tuple[Fact, ...], Running | None]:
    """The facts of a parsed file, and how it runs; *nodes*: its nodes by type, when a
    walk already found them."""
    nodes = nodes if nodes is not None else TreeNodes(tree)
    names = ImportedNames(nodes.imports)
    found = _Collector()
    _patterns(nodes, names, found)
    _security(nodes, names, found)
    _performance(nodes, names, found)
    return found.facts(), running(nodes, names)


# -- patterns -----------------------------------------------------------------------------


def _patterns(nodes: TreeNodes, names: ImportedNames, found: _Collector) -> None:
    decorators: dict[str, list[int]] = defaultdict(list)
    for definition in [*nodes.classes, *nodes.functions]:
        for decorator in definition.decorator_list:
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            dotted = names.dotted(target)
            if dotted in _DATACLASS:
                continue  # the "dataclasses" fact says it
            if dotted and not dotted.endswith((".setter", ".getter", ".deleter")):
                decorators[dotted].append(decorator.lineno)
    for node in nodes.classes:
        _class_patterns(node, names, found)
    for function in nodes.functions:
        if isinstance(function, ast.AsyncFunctionDef):
            found.add("pattern", P_("async functions"), function.lineno)
    for call in nodes.calls:
        if names.dotted(call.func) == "argparse.ArgumentParser":
            found.add("pattern", P_("command-line parser (argparse.ArgumentParser)"), call.lineno)
    for name, lines in sorted(decorators.items()):
        for line in lines:
            found.add("pattern", P_("decorator @{decorator}", decorator=name), line)
    if (main := main_block(nodes.tree)) is not None:
        found.add("pattern", P_('an if __name__ == "__main__" block'), main.lineno)


def _class_patterns(node: ast.ClassDef, names: ImportedNames, found: _Collector) -> None:
    bases = [names.dotted(base) or ast.unparse(base) for base in node.bases]
    for base, written in zip(bases, node.bases, strict=True):
        # Classes of other modules only: the file's own hierarchy is in its keyword index.
        imported = isinstance(written, ast.Attribute) or (
            isinstance(written, ast.Name) and written.id in names.aliases
        )
        # An enumeration or an abstract base is one fact of its own, not a second one.
        if imported and base.rpartition(".")[2] not in _ENUM_BASES and base != "abc.ABC":
            found.add("pattern", P_("classes subclassing {base}", base=base), node.lineno)
    if any(base.endswith(("Error", "Exception", "Warning")) for base in bases):
        found.add("pattern", P_("exception classes"), node.lineno)
    if any(base.rpartition(".")[2] in _ENUM_BASES for base in bases):
        found.add("pattern", P_("enumerations"), node.lineno)
    decorators = {
        names.dotted(d.func if isinstance(d, ast.Call) else d) for d in node.decorator_list
    }
    if decorators & _DATACLASS:
        found.add("pattern", P_("dataclasses"), node.lineno)
    metaclass = next((k for k in node.keywords if k.arg == "metaclass"), None)
    methods = [n for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    abstract_methods = any(
        names.dotted(d) in ("abc.abstractmethod", "abstractmethod")
        for method in methods
        for d in method.decorator_list
    )
    if (
        "abc.ABC" in bases
        or (metaclass is not None and names.dotted(metaclass.value) == "abc.ABCMeta")
        or abstract_methods
    ):
        found.add("pattern", P_("abstract classes"), node.lineno)
    method_names = {m.name for m in methods}
    if {"__enter__", "__exit__"} <= method_names or {"__aenter__", "__aexit__"} <= method_names:
        found.add("pattern", P_("context-manager classes"), node.lineno)


# -- security -------------------------------------------------------------------------------


def _security(nodes: TreeNodes, names: ImportedNames, found: _Collector) -> None:
    for call in nodes.calls:
        _security_call(call, names, found)
    for assignment in nodes.assignments:
        _credential(assignment, found)
    for attribute in nodes.attributes:
        if attribute.attr == "CERT_NONE" and names.dotted(attribute) == "ssl.CERT_NONE":
            fact = P_("ssl.CERT_NONE (no certificate verification)")
            found.add("security", fact, attribute.lineno)


def _is_constant(node: ast.expr | None, value: object) -> bool:
    return isinstance(node, ast.Constant) and node.value is value


def _security_call(call: ast.Call, names: ImportedNames, found: _Collector) -> None:
    called = names.dotted(call.func)
    line = call.lineno
    if called in ("eval", "exec") and called not in names.aliases:
        found.add(
            "security", P_("{function}() runs a string as Python code", function=called), line
        )
    elif called in _UNPICKLERS:
        fact = P_("{function}() can run code hidden in the data it loads", function=called)
        found.add("security", fact, line)
    elif called in ("yaml.load", "yaml.load_all"):
        loader = keyword_argument(call, "Loader") or (call.args[1] if len(call.args) > 1 else None)
        loader_name = names.dotted(loader) if loader is not None else ""
        if "Safe" not in loader_name:
            found.add("security", P_("{function}() without a safe loader", function=called), line)
    elif called in ("yaml.unsafe_load", "yaml.unsafe_load_all"):
        found.add("security", f"{called}()", line)
    elif _is_constant(keyword_argument(call, "shell"), True):
        # Whatever the callee (subprocess.run, a wrapper, a local check_output).
        function = called or ast.unparse(call.func)
        found.add("security", P_("{function}() with shell=True", function=function), line)
    elif called in _SHELL_CALLS:
        found.add("security", P_("{function}() runs a shell command", function=called), line)
    elif called == "tempfile.mktemp":
        found.add("security", P_("tempfile.mktemp() (the name can be taken before use)"), line)
    elif called in _WEAK_HASHES or (called == "hashlib.new" and _weak_hash_name(call)):
        if not _is_constant(keyword_argument(call, "usedforsecurity"), False):
            fact = P_("{function}() without usedforsecurity=False", function=called)
            found.add("security", fact, line)
    elif called == "ssl._create_unverified_context":
        found.add("security", "ssl._create_unverified_context()", line)
    if _is_constant(keyword_argument(call, "verify"), False):
        found.add("security", P_("verify=False (TLS certificate verification off)"), line)


def _weak_hash_name(call: ast.Call) -> bool:
    first = call.args[0] if call.args else keyword_argument(call, "name")
    return isinstance(first, ast.Constant) and str(first.value).lower() in ("md5", "sha1")


def _credential(node: ast.Assign | ast.AnnAssign, found: _Collector) -> None:
    value = node.value
    if not (isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value):
        return
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    for target in targets:
        name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
        if name and _CREDENTIAL_NAME.search(name):
            # The value is never shown: it may be a real secret.
            fact = P_("a string literal assigned to {name}", name=name)
            found.add("security", fact, node.lineno)


# -- performance ----------------------------------------------------------------------------


def _performance(nodes: TreeNodes, names: ImportedNames, found: _Collector) -> None:
    for node in nodes.imports:
        libraries = {_performance_library(module) for module in _imported_modules(node)}
        for fact in sorted(library for library in libraries if library):
            found.add("performance", fact, node.lineno)
    for function in nodes.functions:
        for decorator in function.decorator_list:
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            dotted = names.dotted(target)
            if dotted in _JIT_DECORATORS:
                fact = P_("@{decorator}: compiled function", decorator=dotted)
                found.add("performance", fact, decorator.lineno)
            elif dotted in _MEMOISERS:
                fact = P_("@{decorator}: memoised results", decorator=dotted)
                found.add("performance", fact, decorator.lineno)
    for call in nodes.calls:
        if isinstance(call.func, ast.Attribute) and call.func.attr == "cuda" and not call.args:
            found.add("performance", P_(".cuda() moves data to the GPU"), call.lineno)
    for line in _deep_loops(nodes.tree.body, 0):
        found.add("performance", P_("loops nested {depth} or more deep", depth=_DEEP_LOOPS), line)


def _imported_modules(node: ast.Import | ast.ImportFrom) -> Iterable[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level or not node.module:
        return []
    return [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]


def _performance_library(module: str) -> str | None:
    if module in _PERFORMANCE_IMPORTS:
        return _PERFORMANCE_IMPORTS[module]
    first = module.partition(".")[0]
    return _PERFORMANCE_IMPORTS.get(first) if first != module else None


_LOOPS = (ast.For, ast.AsyncFor, ast.While)


def _deep_loops(statements: Iterable[ast.stmt], depth: int) -> Iterable[int]:
    """Lines of loops that sit ``_DEEP_LOOPS`` deep (outermost first; once per nest).
    Only statement bodies are followed: loops are statements."""
    for statement in statements:
        is_loop = isinstance(statement, _LOOPS) and not _over_a_few_constants(statement)
        inner = depth + 1 if is_loop else depth
        if is_loop and inner == _DEEP_LOOPS:
            yield statement.lineno
            continue
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            inner = 0  # a nested definition is its own scope
        for body in _bodies(statement):
            yield from _deep_loops(body, inner)


#: A loop over at most this many fixed values does not multiply the work by the data.
_FEW = 16


def _over_a_few_constants(statement: ast.stmt) -> bool:
    """``for i in range(3)``, ``for x in (a, b)``: a fixed small loop, not over data."""
    if not isinstance(statement, (ast.For, ast.AsyncFor)):
        return False
    iterable = statement.iter
    if isinstance(iterable, (ast.Tuple, ast.List, ast.Set)):
        return len(iterable.elts) <= _FEW
    if (
        isinstance(iterable, ast.Call)
        and isinstance(iterable.func, ast.Name)
        and iterable.func.id == "range"
        and iterable.args
        and all(isinstance(a, ast.Constant) and isinstance(a.value, int) for a in iterable.args)
    ):
        bounds = [
            a.value
            for a in iterable.args
            if isinstance(a, ast.Constant) and isinstance(a.value, int)
        ]
        start, stop = (0, bounds[0]) if len(bounds) == 1 else (bounds[0], bounds[1])
        return stop - start <= _FEW
    return False


def _bodies(statement: ast.stmt) -> Iterable[list[ast.stmt]]:
    for name in ("body", "orelse", "finalbody"):
        body = getattr(statement, name, None)
        if isinstance(body, list):
            yield body
    for handler in getattr(statement, "handlers", ()):
        yield handler.body
    for case in getattr(statement, "cases", ()):
        yield case.body
