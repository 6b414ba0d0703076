"""One walker per language family: the definitions and imports of a tree-sitter tree.

A walker looks at one node, records what it defines or imports, and returns the
children to visit with their scope; :func:`~.treesitter.extract_treesitter` drives it
with an explicit stack.
"""

from __future__ import annotations

from typing import Any

from .base import Import, ImportedName, SymbolKind
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
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    kind = node.type
    name_node = node.child_by_field_name("name")
    if kind in _JS_CLASSES and name_node is not None:
        name = node_text(name_node, source)
        add_symbol(found, "class", name, scope, node, ".", _JS_CLASSES[kind])
        body = node.child_by_field_name("body")
        return [(c, (*scope, name), "class") for c in (body.named_children if body else [])]
    if kind in ("function_declaration", "generator_function_declaration", "function_signature"):
        if name_node is not None:
            detail = "declaration" if kind == "function_signature" else ""
            add_symbol(found, "function", node_text(name_node, source), scope, node, ".", detail)
        return []
    if kind in ("method_definition", "method_signature", "abstract_method_signature"):
        if name_node is not None:
            detail = "" if kind == "method_definition" else "declaration"
            add_symbol(found, "method", node_text(name_node, source), scope, node, ".", detail)
        return []
    if kind == "variable_declarator" and name_node is not None:
        value = node.child_by_field_name("value")
        if value is not None and value.type in _JS_FUNCTION_VALUES:
            add_symbol(
                found, "function", node_text(name_node, source), scope, node, ".", value.type
            )
        return []
    if kind == "import_statement":
        found.imports.append(_js_import(node, source))
        return []
    if kind in ("statement_block", "comment", "string", "template_string"):
        return []
    return recurse(node, scope, container)


def _js_import(node: Any, source: bytes) -> Import:
    module_node = node.child_by_field_name("source")
    module = node_text(module_node, source).strip("'\"") if module_node is not None else ""
    names: list[ImportedName] = []
    alias = None
    for clause in (c for c in node.named_children if c.type == "import_clause"):
        for part in clause.named_children:
            if part.type == "identifier":
                names.append(ImportedName("default", node_text(part, source)))
            elif part.type == "namespace_import":
                alias = node_text(part.named_children[0], source) if part.named_children else None
            elif part.type == "named_imports":
                for spec in part.named_children:
                    if spec.type == "import_specifier":
                        name = spec.child_by_field_name("name")
                        as_node = spec.child_by_field_name("alias")
                        if name is not None:
                            names.append(
                                ImportedName(
                                    node_text(name, source),
                                    node_text(as_node, source) if as_node is not None else None,
                                )
                            )
    return Import(module=module, names=tuple(names), alias=alias, line=node_line(node))


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
}


def _walk_rust(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    kind = node.type
    name_node = node.child_by_field_name("name")
    if kind in ("function_item", "function_signature_item") and name_node is not None:
        symbol_kind: SymbolKind = "method" if container in ("impl", "trait") else "function"
        detail = "declaration" if kind == "function_signature_item" else ""
        add_symbol(found, symbol_kind, node_text(name_node, source), scope, node, "::", detail)
        return []
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
        return [(c, (*scope, name), "mod") for c in (body.named_children if body else [])]
    if kind == "macro_definition" and name_node is not None:
        add_symbol(found, "macro", node_text(name_node, source), scope, node, "::")
        return []
    if kind in ("use_declaration", "extern_crate_declaration"):
        argument = node.child_by_field_name("argument") or node.child_by_field_name("name")
        if argument is not None:
            found.imports.append(Import(module=node_text(argument, source), line=node_line(node)))
        return []
    if kind in ("block", "line_comment", "block_comment", "string_literal"):
        return []
    return recurse(node, scope, container)


# --- Java -------------------------------------------------------------------------------

_JAVA_TYPES = {
    "class_declaration": "",
    "interface_declaration": "interface",
    "enum_declaration": "enum",
    "record_declaration": "record",
    "annotation_type_declaration": "annotation",
}


def _walk_java(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    kind = node.type
    name_node = node.child_by_field_name("name")
    if kind in _JAVA_TYPES and name_node is not None:
        name = node_text(name_node, source)
        add_symbol(found, "class", name, scope, node, ".", _JAVA_TYPES[kind])
        body = node.child_by_field_name("body")
        return [(c, (*scope, name), "class") for c in (body.named_children if body else [])]
    if kind in ("method_declaration", "constructor_declaration") and name_node is not None:
        detail = "constructor" if kind == "constructor_declaration" else ""
        add_symbol(found, "method", node_text(name_node, source), scope, node, ".", detail)
        return []
    if kind == "package_declaration":
        names = [c for c in node.named_children if c.type in ("scoped_identifier", "identifier")]
        if names:
            add_symbol(found, "namespace", node_text(names[0], source), (), node, ".", "package")
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


WALKERS: dict[str, Walker] = {
    "c": walk_c, "js": _walk_js, "go": _walk_go, "rust": _walk_rust, "java": _walk_java,
}  # fmt: skip
