"""One walker per language family: the definitions and imports of a tree-sitter tree.

A walker looks at one node, records what it defines or imports, and returns the
children to visit with their scope; :func:`~.treesitter.extract_treesitter` drives it
with an explicit stack.
"""

from __future__ import annotations

import re
from typing import Any

from .base import Import, SymbolKind
from .syntax_tree import (
    Child,
    Found,
    Walker,
    add_symbol,
    descendants,
    node_line,
    node_text,
    recurse,
)
from .treesitter_c import walk_c
from .treesitter_js import walk_js

# --- Go ---------------------------------------------------------------------------------


def _walk_go(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    kind = node.type
    if kind == "function_declaration":
        name_node = node.child_by_field_name("name")
        if name_node is not None:
            add_symbol(found, "function", node_text(name_node, source), scope, node, ".")
        return []
    if kind == "method_declaration":
        name_node = node.child_by_field_name("name")
        receiver = node.child_by_field_name("receiver")
        receiver_type = ""
        if receiver is not None:
            for identifier in descendants(receiver, "type_identifier"):
                receiver_type = node_text(identifier, source)
        if name_node is not None:
            owner = (receiver_type,) if receiver_type else ()
            add_symbol(found, "method", node_text(name_node, source), owner, node, ".")
        return []
    if kind == "type_spec":
        name_node = node.child_by_field_name("name")
        type_node = node.child_by_field_name("type")
        if name_node is not None:
            detail = {"struct_type": "struct", "interface_type": "interface"}.get(
                type_node.type if type_node is not None else "", "type"
            )
            add_symbol(found, "class", node_text(name_node, source), scope, node, ".", detail)
        return []
    if kind == "const_spec":
        for name_node in node.children_by_field_name("name"):
            if name_node.type == "identifier":  # not the commas between names
                add_symbol(found, "constant", node_text(name_node, source), scope, name_node, ".")
        return []
    if kind == "import_spec":
        path = node.child_by_field_name("path")
        alias = node.child_by_field_name("name")
        if path is not None:
            found.imports.append(
                Import(
                    module=node_text(path, source).strip('"`'),
                    alias=node_text(alias, source) if alias is not None else None,
                    line=node_line(node),
                )
            )
        return []
    if kind in ("block", "comment", "interpreted_string_literal", "raw_string_literal"):
        return []
    return recurse(node, scope, container)


# --- Rust -------------------------------------------------------------------------------

_RUST_TYPES = {
    "struct_item": "struct",
    "enum_item": "enum",
    "union_item": "union",
    "trait_item": "trait",
    "type_item": "type",
    "associated_type": "associated type",
}


#: Inside a function's body: items, and the block that holds them.
_RUST_BODY_DEFINERS = frozenset(
    {
        "block",
        "function_item",
        "struct_item",
        "enum_item",
        "union_item",
        "trait_item",
        "type_item",
        "impl_item",
        "mod_item",
        "const_item",
        "static_item",
        "macro_definition",
    }
)


def _walk_rust(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    kind = node.type
    if container == "function" and kind not in _RUST_BODY_DEFINERS:
        return []  # statements and expressions: nothing they hold is an item
    name_node = node.child_by_field_name("name")
    if kind in ("function_item", "function_signature_item") and name_node is not None:
        symbol_kind: SymbolKind = "method" if container in ("impl", "trait") else "function"
        detail = "declaration" if kind == "function_signature_item" else ""
        name = node_text(name_node, source)
        add_symbol(found, symbol_kind, name, scope, node, "::", detail)
        body = node.child_by_field_name("body")
        # Items inside a function (nested fns, structs, statics) are its own.
        return [(body, (*scope, name), "function")] if body is not None else []
    if kind == "block" and container == "function":
        return recurse(node, scope, container)
    if kind in _RUST_TYPES and name_node is not None:
        name = node_text(name_node, source)
        add_symbol(found, "class", name, scope, node, "::", _RUST_TYPES[kind])
        if kind == "trait_item":
            body = node.child_by_field_name("body")
            return [(c, (*scope, name), "trait") for c in (body.named_children if body else [])]
        return []
    if kind == "impl_item":
        type_node = node.child_by_field_name("type")
        owner = node_text(type_node, source) if type_node is not None else "impl"
        body = node.child_by_field_name("body")
        return [(c, (*scope, owner), "impl") for c in (body.named_children if body else [])]
    if kind == "mod_item" and name_node is not None:
        name = node_text(name_node, source)
        add_symbol(found, "namespace", name, scope, node, "::", "mod")
        body = node.child_by_field_name("body")
        if body is None and not scope:  # ``mod name;``: the module is another file
            path = _rust_path_attribute(node, source)
            module, kind = (path, "mod-path") if path else (name, "mod")
            found.imports.append(Import(module=module, line=node_line(node), kind=kind))
        return [(c, (*scope, name), "mod") for c in (body.named_children if body else [])]
    if kind == "macro_definition" and name_node is not None:
        add_symbol(found, "macro", node_text(name_node, source), scope, node, "::")
        return []
    if kind in ("const_item", "static_item") and name_node is not None:
        detail = "const" if kind == "const_item" else "static"
        add_symbol(found, "constant", node_text(name_node, source), scope, name_node, "::", detail)
        return []
    if kind in ("use_declaration", "extern_crate_declaration"):
        _rust_import(node, scope, source, found)
        return []
    if kind in ("block", "line_comment", "block_comment", "string_literal"):
        return []
    return recurse(node, scope, container)


def _rust_import(node: Any, scope: tuple[str, ...], source: bytes, found: Found) -> None:
    """A ``use`` or ``extern crate``, as the resolver reads it (``imports_rust``)."""
    argument = node.child_by_field_name("argument") or node.child_by_field_name("name")
    if argument is None:
        return
    if node.type == "use_declaration":
        # Inside an inline module (``mod tests { use super::*; }``) a path is relative
        # to that module, not to the file's.
        kind = "use" if not scope else "inner-use"
    else:
        kind = "extern-crate"
    alias = node.child_by_field_name("alias")  # ``extern crate grep_printer as printer``
    found.imports.append(
        Import(
            module=node_text(argument, source),
            line=node_line(node),
            kind=kind,
            alias=node_text(alias, source) if alias is not None else None,
        )
    )


_RUST_PATH = re.compile(r'^#\[\s*path\s*=\s*"([^"]+)"\s*\]$')


def _rust_path_attribute(node: Any, source: bytes) -> str:
    """The file a ``#[path = "x.rs"]`` right before a ``mod`` names, or ""."""
    previous = node.prev_named_sibling
    while previous is not None and previous.type == "attribute_item":
        if match := _RUST_PATH.match(node_text(previous, source).strip()):
            return match.group(1)
        previous = previous.prev_named_sibling
    return ""


# --- Java -------------------------------------------------------------------------------

_JAVA_TYPES = {
    "class_declaration": "",
    "interface_declaration": "interface",
    "enum_declaration": "enum",
    "record_declaration": "record",
    "annotation_type_declaration": "annotation",
}


#: Java's callable members -> their detail.
_JAVA_METHODS = {
    "method_declaration": "",
    "constructor_declaration": "constructor",
    "compact_constructor_declaration": "constructor",
    "annotation_type_element_declaration": "annotation element",
}


def _walk_java(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    kind = node.type
    name_node = node.child_by_field_name("name")
    if kind in _JAVA_TYPES and name_node is not None:
        name = node_text(name_node, source)
        add_symbol(found, "class", name, scope, name_node, ".", _JAVA_TYPES[kind])
        body = node.child_by_field_name("body")
        return [(c, (*scope, name), "class") for c in (body.named_children if body else [])]
    if kind in _JAVA_METHODS and name_node is not None:
        detail = ", ".join(filter(None, (_JAVA_METHODS[kind], _JAVA_BODIES.get(container, ""))))
        add_symbol(found, "method", node_text(name_node, source), scope, name_node, ".", detail)
        return []
    if kind == "enum_constant" and name_node is not None:
        name = node_text(name_node, source)
        add_symbol(found, "constant", name, scope, name_node, ".", "enumerator")
        body = node.child_by_field_name("body")  # ``A() { ... }``: the constant's own class
        return [(c, (*scope, name), "enum-body") for c in (body.named_children if body else [])]
    if kind == "object_creation_expression" and (body := _class_body(node)) is not None:
        # ``FACTORY = new TypeAdapterFactory() { ... }``: methods of an anonymous class,
        # named through the field it is assigned to, not the enclosing class.
        parent = node.parent
        assigned = parent is not None and parent.type == "variable_declarator"
        owner = parent.child_by_field_name("name") if assigned else None
        inner = (*scope, node_text(owner, source) if owner is not None else "(anonymous)")
        rest = [(c, scope, container) for c in node.named_children if c != body]
        return [*((c, inner, "anonymous") for c in body.named_children), *rest]
    if kind == "package_declaration":
        names = [c for c in node.named_children if c.type in ("scoped_identifier", "identifier")]
        if names:
            # At its name: an annotation before ``package`` is part of the node.
            add_symbol(
                found, "namespace", node_text(names[0], source), (), names[0], ".", "package"
            )
        return []
    if kind == "import_declaration":
        text = node_text(node, source).removeprefix("import").strip().rstrip(";").strip()
        found.imports.append(
            Import(module=text.removeprefix("static ").strip(), line=node_line(node))
        )
        return []
    if kind in ("block", "line_comment", "block_comment", "string_literal"):
        return []
    return recurse(node, scope, container)


#: Bodies of a class with no name of its own, as a method's detail.
_JAVA_BODIES = {"anonymous": "in an anonymous class", "enum-body": "in an enum constant's body"}


def _class_body(node: Any) -> Any | None:
    return next((c for c in node.named_children if c.type == "class_body"), None)


# --- Shell (bash) ----------------------------------------------------------------------

#: Shell commands that read another script into this one.
_SOURCE_COMMANDS = frozenset({"source", "."})


def _walk_shell(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    kind = node.type
    if kind == "function_definition":
        name_node = node.child_by_field_name("name")
        if name_node is not None:
            add_symbol(found, "function", node_text(name_node, source), (), name_node, ".")
        # A function defined inside another is global once it runs: no scope.
        body = node.child_by_field_name("body")
        return [(body, scope, "function")] if body is not None else []
    if kind == "command":
        name_node = node.child_by_field_name("name")
        arguments = node.children_by_field_name("argument")
        if name_node is not None and node_text(name_node, source) in _SOURCE_COMMANDS and arguments:
            found.imports.append(
                Import(
                    module=_shell_word(arguments[0], source),
                    line=node_line(node),
                    kind="source",
                )
            )
        return []
    if kind in ("comment", "string", "raw_string", "heredoc_body"):
        return []
    return recurse(node, scope, container)


def _shell_word(node: Any, source: bytes) -> str:
    """A literal word as the shell reads it (quotes removed), or as written when it
    holds an expansion (``$DIR/x.sh``: nothing we can resolve)."""
    text = node_text(node, source)
    if node.type == "raw_string":
        return text[1:-1]
    if node.type == "string" and all(c.type == "string_content" for c in node.named_children):
        return text[1:-1]
    return text


WALKERS: dict[str, Walker] = {
    "c": walk_c, "js": walk_js, "go": _walk_go, "rust": _walk_rust, "java": _walk_java,
    "sh": _walk_shell,
}  # fmt: skip
