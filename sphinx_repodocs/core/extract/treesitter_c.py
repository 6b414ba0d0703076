"""The C, C++ and CUDA walker: definitions and includes of a tree-sitter tree, with
every declarator shape (``treesitter_walkers`` has the other languages)."""

from __future__ import annotations

import re
from typing import Any

from .base import Import, SymbolKind
from .c_macros import (
    MACRO_NAME,
    defined_name,
    lone_macro_words,
    macro_calls_in_error,
    macro_suspects,
    on_a_directive,
)
from .syntax_tree import (
    Child,
    Found,
    Walker,
    add_symbol,
    has_error_child,
    node_line,
    node_text,
)
from .treesitter_c_declarators import (
    Declared,
    c_declarators,
    c_declared,
    c_qualified,
    constant_qualifier,
    initialised_as_data,
)

_C_TYPES = {
    "struct_specifier": "struct",
    "union_specifier": "union",
    "enum_specifier": "enum",
    "class_specifier": "class",
}


#: CUDA's execution-space specifiers, as a function's detail.
_CUDA_SPACES = ("__global__", "__device__", "__host__")


def _c_function(
    node: Any,
    declared: Declared,
    scope: tuple[str, ...],
    in_class: bool,
    found: Found,
    detail: str = "",
) -> None:
    kind: SymbolKind = "method" if in_class or declared.scope else "function"
    spaces = [c.type for c in node.children if c.type in _CUDA_SPACES]
    if "__global__" in spaces:
        detail = ", ".join(filter(None, ("CUDA kernel", detail)))
    elif spaces:
        detail = ", ".join(filter(None, (" ".join(spaces), detail)))
    add_symbol(found, kind, declared.name, (*scope, *declared.scope), declared.node, "::", detail)


def _may_declare(node: Any, declared: Declared, class_name: str) -> bool:
    """Whether a declaration without a type declares *declared*: only constructors,
    destructors and conversions have none; anything else is a macro's call that the
    parser took for a declaration (``LOCKS_EXCLUDED(mu_);``)."""
    if node.child_by_field_name("type") is not None:
        return True
    name = declared.name
    owner = declared.scope[-1] if declared.scope else class_name
    return name.startswith(("~", "operator")) or (bool(owner) and name == owner)


def walk_c(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    kind = node.type
    if container == "function":
        # Inside a body only local types count (classes and their members, typedefs,
        # aliases), and macros.
        if kind in _C_TYPES or kind in _LOCAL_NAMES:
            return _C_HANDLERS[kind](node, scope, "", source, found)
        if kind in ("preproc_if", "preproc_elif"):
            return _preproc_if(node, scope, container, source, found)  # ``#if 0``: skipped
        if kind in _HOLDERS_IN_FUNCTION:
            return _walked(node.named_children, scope, container)
        return []
    if handler := _C_HANDLERS.get(kind):
        if kind in _READ_ACROSS_A_DIRECTIVE and on_a_directive(source, node.start_byte):
            return []  # a macro's body the parser read as code, in an error's recovery
        return handler(node, scope, container, source, found)
    if kind == "ERROR":
        found.macros.update(macro_calls_in_error(node, source))
    elif node.has_error:
        found.macros.update(lone_macro_words(node, source))
    if kind in _C_NO_DEFINITIONS or kind.endswith(("_expression", "_literal")):
        return []  # an error-recovered tree holds many; nothing in them is a definition
    return _walked(node.named_children, scope, container)


#: Definitions that cannot start on a preprocessor line: one that does is a macro's
#: continued body, read as code where an error broke the ``#define``.
_READ_ACROSS_A_DIRECTIVE = frozenset(
    {"function_definition", "declaration", "field_declaration", "type_definition"}
)

#: Inside a function body, the nodes the walker looks at (local types, macros, and
#: what may hold them).
_HOLDERS_IN_FUNCTION = frozenset(
    {
        "compound_statement",
        "declaration",
        # ``#ifdef VAX ... #else #define d0 word0(&d) #endif`` in a body.
        "preproc_if",
        "preproc_ifdef",
        "preproc_else",
        "preproc_elif",
        "preproc_elifdef",
    }
)
#: What a body defines that the walker lists, besides classes.
_LOCAL_NAMES = frozenset(
    {"preproc_def", "preproc_function_def", "type_definition", "alias_declaration"}
)
_IN_FUNCTION = _HOLDERS_IN_FUNCTION | _LOCAL_NAMES | set(_C_TYPES)


def _walked(nodes: list[Any], scope: tuple[str, ...], container: str) -> list[Child]:
    """*nodes* as children to walk, less those :func:`walk_c` would return nothing for
    at once (comments, names, expressions): most of a tree, not worth a call each."""
    if container == "function":
        return [(node, scope, container) for node in nodes if node.type in _IN_FUNCTION]
    return [
        (node, scope, container)
        for node in nodes
        if (
            (kind := node.type) not in _C_NO_DEFINITIONS
            and not kind.endswith(("_expression", "_literal"))
        )
        # ``__BEGIN_DECLS`` read as a statement missing its ``;``: a macro to suspect.
        or (kind == "expression_statement" and node.has_error)
    ]


#: Nodes nothing under which is a definition the walker lists.
_C_NO_DEFINITIONS = frozenset(
    {
        "compound_statement",
        "comment",
        "expression_statement",
        "argument_list",
        "parameter_list",
        "initializer_list",
        "template_argument_list",
        "concatenated_string",
        "identifier",
        "type_identifier",
        "field_identifier",
        "primitive_type",
        "type_qualifier",
        "storage_class_specifier",
    }
)


#: ``namespace`` or ``inline namespace`` at the start of a node (``inline`` twice where
#: a macro between them was left out).
_NAMESPACE_KEYWORD = re.compile(rb"(?:inline\s+)*namespace\b")


def _class_name(scope: tuple[str, ...], container: str) -> str:
    return scope[-1] if container == "class" and scope else ""


def _function_definition(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    kind = node.child_by_field_name("type")
    if node.has_error or (kind is not None and kind.type in _C_TYPES):
        found.macros.update(macro_suspects(node, source))
    declarator = node.child_by_field_name("declarator")
    declared = c_declared(declarator, source) if declarator is not None else None
    body = node.child_by_field_name("body")
    if _NAMESPACE_KEYWORD.match(source, node.start_byte):
        # ``namespace std MACRO(default) {`` the parser took for a function: its body
        # is still the namespace's.
        return _walked(body.named_children if body else [], scope, "namespace")
    if declared is None or not _may_declare(node, declared, _class_name(scope, container)):
        # A macro's use (``TEST_F(Suite, name) {``): only what its body defines.
        return [(body, scope, "function")] if body is not None else []
    _c_function(node, declared, scope, container == "class", found)
    inner = (*scope, *declared.scope, declared.name)
    return [(body, inner, "function")] if body is not None else []


def _declaration(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    if node.has_error:
        found.macros.update(macro_suspects(node, source))
    if has_error_child(node):  # e.g. a field with a macro after it: ``int x_ GUARDED_BY(mu_);``
        for child in node.children:  # ``extern int f(int) __THROW __wur;`` read so
            if child.type == "ERROR":
                found.macros.update(macro_calls_in_error(child, source))
        return []
    for declarator in c_declarators(node):
        declared = c_declared(declarator, source)
        if (
            declared is not None
            and declared.function
            and not initialised_as_data(declarator)
            and _may_declare(node, declared, _class_name(scope, container))
        ):
            _c_function(node, declared, scope, container == "class", found, "declaration")
        elif (
            declared is not None
            and not declared.function
            and container != "function"
            and (qualifier := constant_qualifier(node, declarator, source))
        ):
            add_symbol(found, "constant", declared.name, scope, declared.node, "::", qualifier)
    return _walked(node.children_by_field_name("type"), scope, container)


def _type_definition(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    types = []
    for kind in node.children_by_field_name("type"):
        if kind.type == "macro_type_specifier" and has_error_child(kind):
            # ``typedef T (APIENTRYP NAME) (...)`` read as a macro ``T(APIENTRYP`` with
            # NAME an error: the word in the parentheses is the macro, not NAME.
            found.macros.update(_macro_type_argument(kind, source))
        else:
            types.append((kind, scope, container))
    if has_error_child(node):  # names would be guesses
        return types
    for declarator in c_declarators(node):
        declared = c_declared(declarator, source) if _read_whole(declarator) else None
        if declared is not None:
            add_symbol(found, "class", declared.name, scope, declared.node, "::", "typedef")
    return types


def _macro_type_argument(node: Any, source: bytes) -> list[bytes]:
    """The first of the words in ``T(MACRO NAME)`` (the parser puts either in the error
    and the other in the type, by how it recovered)."""
    name = node.child_by_field_name("name")
    words = []
    stack = [c for c in node.children if name is None or c != name]
    while stack:
        child = stack.pop()
        if child.type in _WORDS:
            words.append(child)
        else:
            stack.extend(child.children)
    if len(words) < 2:
        return []
    first = min(words, key=lambda word: word.start_byte)
    text = source[first.start_byte : first.end_byte]
    return [text] if MACRO_NAME.match(text) else []


def _read_whole(declarator: Any) -> bool:
    """Whether the parser read *declarator* but for words it did not know (the macros
    in ``(APIENTRYP NAME)``, ``(EXPORT CALLBACK *NAME)``); an error holding more is a
    guess, whose name is a parameter's (``target`` in ``typedef EGLBoolean
    (EGLAPIENTRYP NAME) (EGLDisplay dpy, ..., EGLNativePixmapType target)``)."""
    stack = [declarator] if declarator.has_error else []
    while stack:
        node = stack.pop()
        if node.is_missing:
            return False
        if node.type == "ERROR":
            if not node.child_count or any(c.type not in _WORDS for c in node.children):
                return False
            continue
        stack.extend(c for c in node.children if c.has_error or c.is_missing)
    return True


_WORDS = frozenset({"identifier", "type_identifier"})


def _alias(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    name_node = node.child_by_field_name("name")
    if name_node is not None:
        add_symbol(found, "class", node_text(name_node, source), scope, name_node, "::", "alias")
    return []


def _namespace(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    for child in node.children:
        if child.type == "ERROR":  # ``namespace std _GLIBCXX_VISIBILITY(default) {``
            found.macros.update(macro_calls_in_error(child, source))
    name_node = node.child_by_field_name("name")
    name = node_text(name_node, source) if name_node is not None else "(anonymous)"
    # ``namespace a::b {``: one namespace per part.
    parts = [part.strip() for part in name.split("::")] if name_node is not None else [name]
    inner = scope
    for part in parts:
        add_symbol(found, "namespace", part, inner, name_node or node, "::")
        inner = (*inner, part)
    body = node.child_by_field_name("body")
    return _walked(body.named_children if body else [], inner, "namespace")


def _macro(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    name = defined_name(node, source)
    if name is not None:
        add_symbol(found, "macro", name, (), node, "::")
    return []


def _include(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    path = node.child_by_field_name("path")
    if path is not None:
        found.imports.append(Import(module=node_text(path, source), line=node_line(node)))
    return []


def _preproc_if(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    condition = node.child_by_field_name("condition")
    if condition is not None and node_text(condition, source).strip() == "0":
        # ``#if 0``: code the compiler never sees; its alternative it may.
        alternative = node.child_by_field_name("alternative")
        return [(alternative, scope, container)] if alternative is not None else []
    return _walked(node.named_children, scope, container)


def _c_type(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    """A struct, union, enum or class: listed when it has a name and a body."""
    name_node = node.child_by_field_name("name")
    if name_node is not None and name_node.is_missing:
        name_node = None  # ``enum : uint32_t {``: tree-sitter-cpp puts a missing name
    body = node.child_by_field_name("body")
    if node.type == "enum_specifier" and name_node is None and body is not None:
        _enumerators(body, scope, source, found)  # ``enum { kEof = 1 };``
        return []
    if name_node is None or body is None:
        return [(c, scope, container) for c in node.named_children if c.type in _C_TYPES]
    written, name = c_qualified(name_node, source)
    add_symbol(found, "class", name, (*scope, *written), name_node, "::", _C_TYPES[node.type])
    if node.type == "enum_specifier":
        # A scoped enum's (``enum class``) enumerators are named through it; a plain
        # enum's are in the enclosing scope, as C and C++ use them.
        scoped = any(c.type in ("class", "struct") for c in node.children)
        _enumerators(body, (*scope, *written, name) if scoped else scope, source, found)
        return []
    return _walked(body.named_children, (*scope, *written, name), "class")


def _enumerators(body: Any, scope: tuple[str, ...], source: bytes, found: Found) -> None:
    for enumerator in body.named_children:
        name_node = (
            enumerator.child_by_field_name("name") if enumerator.type == "enumerator" else None
        )
        if name_node is not None:
            text = node_text(name_node, source)
            add_symbol(found, "constant", text, scope, name_node, "::", "enumerator")


_C_HANDLERS: dict[str, Walker] = {
    "function_definition": _function_definition,
    "declaration": _declaration,
    "field_declaration": _declaration,
    "type_definition": _type_definition,
    "alias_declaration": _alias,
    "namespace_definition": _namespace,
    "preproc_def": _macro,
    "preproc_function_def": _macro,
    "preproc_include": _include,
    "preproc_if": _preproc_if,
    "preproc_elif": _preproc_if,
    **dict.fromkeys(_C_TYPES, _c_type),
}
