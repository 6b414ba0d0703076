"""C, C++, CUDA, JavaScript, TypeScript, Go, Rust and Java via tree-sitter grammars.

The grammars are per-language wheels from the package index (the ``languages`` extra);
when one is missing, :func:`extract_treesitter` returns ``None`` and the caller falls
back to Pygments tokens. Only definitions and imports are read from the syntax tree, so
names in strings and comments never count.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .base import Extraction, Import, ImportedName, ParseProblem, Symbol, SymbolKind

#: Pygments lexer alias -> (grammar module, function returning the language pointer).
GRAMMARS: dict[str, tuple[str, str]] = {
    "c": ("tree_sitter_c", "language"),
    "cpp": ("tree_sitter_cpp", "language"),
    "cuda": ("tree_sitter_cuda", "language"),
    "javascript": ("tree_sitter_javascript", "language"),
    "jsx": ("tree_sitter_javascript", "language"),
    "typescript": ("tree_sitter_typescript", "language_typescript"),
    "tsx": ("tree_sitter_typescript", "language_tsx"),
    "go": ("tree_sitter_go", "language"),
    "rust": ("tree_sitter_rust", "language"),
    "java": ("tree_sitter_java", "language"),
}

_FAMILY = {
    "c": "c", "cpp": "c", "cuda": "c",
    "javascript": "js", "jsx": "js", "typescript": "js", "tsx": "js",
    "go": "go", "rust": "rust", "java": "java",
}  # fmt: skip


@functools.cache
def _parser(lexer: str) -> Any | None:
    spec = GRAMMARS.get(lexer)
    if spec is None:
        return None
    try:
        tree_sitter = importlib.import_module("tree_sitter")
        grammar = importlib.import_module(spec[0])
        return tree_sitter.Parser(tree_sitter.Language(getattr(grammar, spec[1])()))
    except (ImportError, AttributeError, ValueError, TypeError):
        return None


def available(lexer: str) -> bool:
    """Whether the grammar for *lexer* is installed."""
    return _parser(lexer) is not None


def method_name(lexer: str) -> str:
    module = GRAMMARS[lexer][0].replace("_", "-")
    return f"tree-sitter ({module})"


@dataclass
class _Found:
    symbols: list[Symbol] = field(default_factory=list)
    imports: list[Import] = field(default_factory=list)


def extract_treesitter(text: str, lexer: str) -> Extraction | None:
    parser = _parser(lexer)
    if parser is None:
        return None
    source = text.encode("utf-8", "surrogatepass")
    tree = parser.parse(source)
    found = _Found()
    walker = _WALKERS[_FAMILY[lexer]]
    # An explicit stack: grammars nest deeply on macro-heavy code.
    stack: list[tuple[Any, tuple[str, ...], str]] = [(tree.root_node, (), "")]
    while stack:
        node, scope, container = stack.pop()
        children = walker(node, scope, container, source, found)
        stack.extend(reversed(children))
    problem = None
    if tree.root_node.has_error:
        error_line = _first_error_line(tree.root_node)
        problem_text = "the parser recovered from syntax it does not understand"
        # A partial parse still lists what it found; the note says so.
        problem = ParseProblem(problem_text, error_line) if not found.symbols else None
    symbols = sorted(found.symbols, key=lambda s: (s.line, s.qualname))
    return Extraction(
        method=method_name(lexer),
        symbols=tuple(symbols),
        imports=tuple(sorted(found.imports, key=lambda i: i.line)),
        problem=problem,
    )


def _first_error_line(root: Any) -> int | None:
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            return int(node.start_point[0]) + 1
        stack.extend(reversed([c for c in node.children if c.has_error or c.is_missing]))
    return None


def _text(node: Any, source: bytes) -> str:
    return source[node.start_byte : node.end_byte].decode("utf-8", "replace")


def _line(node: Any) -> int:
    return int(node.start_point[0]) + 1


def _symbol(
    found: _Found,
    kind: SymbolKind,
    name: str,
    scope: tuple[str, ...],
    node: Any,
    separator: str,
    detail: str = "",
) -> None:
    qualname = separator.join((*scope, name))
    found.symbols.append(
        Symbol(
            kind=kind,
            name=name,
            qualname=qualname,
            line=_line(node),
            end_line=int(node.end_point[0]) + 1,
            detail=detail,
        )
    )


Child = tuple[Any, tuple[str, ...], str]
Walker = Callable[[Any, tuple[str, ...], str, bytes, _Found], list[Child]]


def _recurse(node: Any, scope: tuple[str, ...], container: str) -> list[Child]:
    return [(child, scope, container) for child in node.named_children]


# --- C, C++, CUDA -----------------------------------------------------------------------

_C_TYPES = {
    "struct_specifier": "struct",
    "union_specifier": "union",
    "enum_specifier": "enum",
    "class_specifier": "class",
}


def _c_declarator_name(node: Any, source: bytes) -> tuple[str, bool] | None:
    """The name declared by a (function) declarator, and whether it is a function."""
    is_function = False
    while node is not None:
        if node.type == "function_declarator":
            is_function = True
        if node.type in (
            "identifier",
            "field_identifier",
            "qualified_identifier",
            "destructor_name",
            "operator_name",
            "type_identifier",
        ):
            return _text(node, source), is_function
        node = node.child_by_field_name("declarator")
    return None


def _walk_c(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: _Found
) -> list[Child]:
    kind = node.type
    in_class = container == "class"
    if kind == "function_definition":
        declared = _c_declarator_name(node.child_by_field_name("declarator"), source)
        if declared:
            name = declared[0]
            symbol_kind: SymbolKind = "method" if in_class or "::" in name else "function"
            _symbol(
                found,
                symbol_kind,
                name.rpartition("::")[2],
                (*scope, *name.split("::")[:-1]),
                node,
                "::",
            )
        return []  # bodies hold no definitions worth listing
    if kind in ("declaration", "field_declaration"):
        declarator = node.child_by_field_name("declarator")
        declared = _c_declarator_name(declarator, source) if declarator is not None else None
        if declared and declared[1]:
            symbol_kind = "method" if in_class else "function"
            _symbol(found, symbol_kind, declared[0], scope, node, "::", "declaration")
        return _recurse(node, scope, container)
    if kind in _C_TYPES:
        name_node = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        if name_node is not None and body is not None:
            name = _text(name_node, source)
            _symbol(found, "class", name, scope, node, "::", _C_TYPES[kind])
            return [(child, (*scope, name), "class") for child in body.named_children]
        return _recurse(node, scope, container)
    if kind == "type_definition":
        declarator = node.child_by_field_name("declarator")
        declared = _c_declarator_name(declarator, source) if declarator is not None else None
        if declared and not declared[1]:
            _symbol(found, "class", declared[0], scope, node, "::", "typedef")
        return _recurse(node, scope, container)
    if kind == "namespace_definition":
        name_node = node.child_by_field_name("name")
        name = _text(name_node, source) if name_node is not None else "(anonymous)"
        _symbol(found, "namespace", name, scope, node, "::")
        body = node.child_by_field_name("body")
        return [(c, (*scope, name), "namespace") for c in (body.named_children if body else [])]
    if kind in ("preproc_def", "preproc_function_def"):
        name_node = node.child_by_field_name("name")
        if name_node is not None:
            _symbol(found, "macro", _text(name_node, source), (), node, "::")
        return []
    if kind == "preproc_include":
        path = node.child_by_field_name("path")
        if path is not None:
            found.imports.append(Import(module=_text(path, source), line=_line(node)))
        return []
    if kind in ("compound_statement", "comment", "string_literal", "expression_statement"):
        return []
    return _recurse(node, scope, container)


# --- JavaScript, TypeScript -------------------------------------------------------------

_JS_CLASSES = {
    "class_declaration": "",
    "abstract_class_declaration": "abstract",
    "interface_declaration": "interface",
    "enum_declaration": "enum",
    "type_alias_declaration": "type",
    "class": "",
}
_JS_FUNCTION_VALUES = ("arrow_function", "function_expression", "function", "generator_function")


def _walk_js(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: _Found
) -> list[Child]:
    kind = node.type
    name_node = node.child_by_field_name("name")
    if kind in _JS_CLASSES and name_node is not None:
        name = _text(name_node, source)
        _symbol(found, "class", name, scope, node, ".", _JS_CLASSES[kind])
        body = node.child_by_field_name("body")
        return [(c, (*scope, name), "class") for c in (body.named_children if body else [])]
    if kind in ("function_declaration", "generator_function_declaration", "function_signature"):
        if name_node is not None:
            detail = "declaration" if kind == "function_signature" else ""
            _symbol(found, "function", _text(name_node, source), scope, node, ".", detail)
        return []
    if kind in ("method_definition", "method_signature", "abstract_method_signature"):
        if name_node is not None:
            detail = "" if kind == "method_definition" else "declaration"
            _symbol(found, "method", _text(name_node, source), scope, node, ".", detail)
        return []
    if kind == "variable_declarator" and name_node is not None:
        value = node.child_by_field_name("value")
        if value is not None and value.type in _JS_FUNCTION_VALUES:
            _symbol(found, "function", _text(name_node, source), scope, node, ".", value.type)
        return []
    if kind == "import_statement":
        found.imports.append(_js_import(node, source))
        return []
    if kind in ("statement_block", "comment", "string", "template_string"):
        return []
    return _recurse(node, scope, container)


def _js_import(node: Any, source: bytes) -> Import:
    module_node = node.child_by_field_name("source")
    module = _text(module_node, source).strip("'\"") if module_node is not None else ""
    names: list[ImportedName] = []
    alias = None
    for clause in (c for c in node.named_children if c.type == "import_clause"):
        for part in clause.named_children:
            if part.type == "identifier":
                names.append(ImportedName("default", _text(part, source)))
            elif part.type == "namespace_import":
                alias = _text(part.named_children[0], source) if part.named_children else None
            elif part.type == "named_imports":
                for spec in part.named_children:
                    if spec.type == "import_specifier":
                        name = spec.child_by_field_name("name")
                        as_node = spec.child_by_field_name("alias")
                        if name is not None:
                            names.append(
                                ImportedName(
                                    _text(name, source),
                                    _text(as_node, source) if as_node is not None else None,
                                )
                            )
    return Import(module=module, names=tuple(names), alias=alias, line=_line(node))


# --- Go ---------------------------------------------------------------------------------


def _walk_go(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: _Found
) -> list[Child]:
    kind = node.type
    if kind == "function_declaration":
        name_node = node.child_by_field_name("name")
        if name_node is not None:
            _symbol(found, "function", _text(name_node, source), scope, node, ".")
        return []
    if kind == "method_declaration":
        name_node = node.child_by_field_name("name")
        receiver = node.child_by_field_name("receiver")
        receiver_type = ""
        if receiver is not None:
            for identifier in _descendants(receiver, "type_identifier"):
                receiver_type = _text(identifier, source)
        if name_node is not None:
            owner = (receiver_type,) if receiver_type else ()
            _symbol(found, "method", _text(name_node, source), owner, node, ".")
        return []
    if kind == "type_spec":
        name_node = node.child_by_field_name("name")
        type_node = node.child_by_field_name("type")
        if name_node is not None:
            detail = {"struct_type": "struct", "interface_type": "interface"}.get(
                type_node.type if type_node is not None else "", "type"
            )
            _symbol(found, "class", _text(name_node, source), scope, node, ".", detail)
        return []
    if kind == "import_spec":
        path = node.child_by_field_name("path")
        alias = node.child_by_field_name("name")
        if path is not None:
            found.imports.append(
                Import(
                    module=_text(path, source).strip('"`'),
                    alias=_text(alias, source) if alias is not None else None,
                    line=_line(node),
                )
            )
        return []
    if kind in ("block", "comment", "interpreted_string_literal", "raw_string_literal"):
        return []
    return _recurse(node, scope, container)


def _descendants(node: Any, node_type: str) -> list[Any]:
    result = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == node_type:
            result.append(current)
        stack.extend(reversed(current.named_children))
    return result


# --- Rust -------------------------------------------------------------------------------

_RUST_TYPES = {
    "struct_item": "struct",
    "enum_item": "enum",
    "union_item": "union",
    "trait_item": "trait",
    "type_item": "type",
}


def _walk_rust(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: _Found
) -> list[Child]:
    kind = node.type
    name_node = node.child_by_field_name("name")
    if kind in ("function_item", "function_signature_item") and name_node is not None:
        symbol_kind: SymbolKind = "method" if container in ("impl", "trait") else "function"
        detail = "declaration" if kind == "function_signature_item" else ""
        _symbol(found, symbol_kind, _text(name_node, source), scope, node, "::", detail)
        return []
    if kind in _RUST_TYPES and name_node is not None:
        name = _text(name_node, source)
        _symbol(found, "class", name, scope, node, "::", _RUST_TYPES[kind])
        if kind == "trait_item":
            body = node.child_by_field_name("body")
            return [(c, (*scope, name), "trait") for c in (body.named_children if body else [])]
        return []
    if kind == "impl_item":
        type_node = node.child_by_field_name("type")
        owner = _text(type_node, source) if type_node is not None else "impl"
        body = node.child_by_field_name("body")
        return [(c, (*scope, owner), "impl") for c in (body.named_children if body else [])]
    if kind == "mod_item" and name_node is not None:
        name = _text(name_node, source)
        _symbol(found, "namespace", name, scope, node, "::", "mod")
        body = node.child_by_field_name("body")
        return [(c, (*scope, name), "mod") for c in (body.named_children if body else [])]
    if kind == "macro_definition" and name_node is not None:
        _symbol(found, "macro", _text(name_node, source), scope, node, "::")
        return []
    if kind in ("use_declaration", "extern_crate_declaration"):
        argument = node.child_by_field_name("argument") or node.child_by_field_name("name")
        if argument is not None:
            found.imports.append(Import(module=_text(argument, source), line=_line(node)))
        return []
    if kind in ("block", "line_comment", "block_comment", "string_literal"):
        return []
    return _recurse(node, scope, container)


# --- Java -------------------------------------------------------------------------------

_JAVA_TYPES = {
    "class_declaration": "",
    "interface_declaration": "interface",
    "enum_declaration": "enum",
    "record_declaration": "record",
    "annotation_type_declaration": "annotation",
}


def _walk_java(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: _Found
) -> list[Child]:
    kind = node.type
    name_node = node.child_by_field_name("name")
    if kind in _JAVA_TYPES and name_node is not None:
        name = _text(name_node, source)
        _symbol(found, "class", name, scope, node, ".", _JAVA_TYPES[kind])
        body = node.child_by_field_name("body")
        return [(c, (*scope, name), "class") for c in (body.named_children if body else [])]
    if kind in ("method_declaration", "constructor_declaration") and name_node is not None:
        detail = "constructor" if kind == "constructor_declaration" else ""
        _symbol(found, "method", _text(name_node, source), scope, node, ".", detail)
        return []
    if kind == "package_declaration":
        names = [c for c in node.named_children if c.type in ("scoped_identifier", "identifier")]
        if names:
            _symbol(found, "namespace", _text(names[0], source), (), node, ".", "package")
        return []
    if kind == "import_declaration":
        text = _text(node, source).removeprefix("import").strip().rstrip(";").strip()
        found.imports.append(Import(module=text.removeprefix("static ").strip(), line=_line(node)))
        return []
    if kind in ("block", "line_comment", "block_comment", "string_literal"):
        return []
    return _recurse(node, scope, container)


_WALKERS: dict[str, Walker] = {
    "c": _walk_c, "js": _walk_js, "go": _walk_go, "rust": _walk_rust, "java": _walk_java,
}  # fmt: skip
