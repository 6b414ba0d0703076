"""The JavaScript and TypeScript walker: classes, functions, methods (of classes and
object literals), functions assigned to exports and prototypes, and imports; the
query file ``queries/js.scm`` finds what the walker does not enter."""

from __future__ import annotations

from typing import Any

from .base import Import, ImportedName, SymbolKind
from .syntax_tree import Child, Found, add_symbol, node_line, node_text, recurse

_JS_CLASSES = {
    "class_declaration": "",
    "abstract_class_declaration": "abstract",
    "interface_declaration": "interface",
    "enum_declaration": "enum",
    "type_alias_declaration": "type",
    "class": "",
}
_JS_FUNCTION_VALUES = ("arrow_function", "function_expression", "function", "generator_function")


#: Inside a function's body only these can define names (nested functions, classes),
#: or hold statements that do.
_JS_BODY_DEFINERS = frozenset(
    {
        "statement_block",
        "if_statement",
        "else_clause",
        "for_statement",
        "for_in_statement",
        "while_statement",
        "do_statement",
        "try_statement",
        "catch_clause",
        "finally_clause",
        "switch_statement",
        "switch_body",
        "switch_case",
        "switch_default",
        "labeled_statement",
        "function_declaration",
        "generator_function_declaration",
        "class_declaration",
        "lexical_declaration",
        "variable_declaration",
        "variable_declarator",
    }
)


#: Definitions of functions and methods -> (kind, detail).
_JS_CALLABLES: dict[str, tuple[SymbolKind, str]] = {
    "function_declaration": ("function", ""),
    "generator_function_declaration": ("function", ""),
    "function_signature": ("function", "declaration"),
    "method_definition": ("method", ""),
    "method_signature": ("method", "declaration"),
    "abstract_method_signature": ("method", "declaration"),
}


def walk_js(
    node: Any, scope: tuple[str, ...], container: str, source: bytes, found: Found
) -> list[Child]:
    kind = node.type
    if container == "function" and kind not in _JS_BODY_DEFINERS:
        return []
    name_node = node.child_by_field_name("name")
    if kind in _JS_CLASSES and name_node is not None:
        name = node_text(name_node, source)
        add_symbol(found, "class", name, scope, name_node, ".", _JS_CLASSES[kind])
        body = node.child_by_field_name("body")
        return [(c, (*scope, name), "class") for c in (body.named_children if body else [])]
    if callable_kind := _JS_CALLABLES.get(kind):
        if name_node is None:
            return []
        name = node_text(name_node, source)
        add_symbol(found, callable_kind[0], name, scope, name_node, ".", callable_kind[1])
        return _js_body(node, (*scope, name))
    if kind == "variable_declarator" and name_node is not None:
        name = node_text(name_node, source)
        value = node.child_by_field_name("value")
        if value is not None and value.type in _JS_FUNCTION_VALUES:
            add_symbol(found, "function", name, scope, name_node, ".", value.type)
            return _js_body(value, (*scope, name))
        if value is not None and value.type == "object":
            _js_object_methods(value, (*scope, name), source, found)
        return []
    if kind == "import_statement":
        found.imports.append(_js_import(node, source))
        return []
    if kind == "export_statement" and node.child_by_field_name("source") is not None:
        found.imports.append(_js_reexport(node, source))
        return []
    if kind == "expression_statement" and container == "":
        _js_assigned_function(node, scope, source, found)
        return []
    if kind == "statement_block":
        return recurse(node, scope, container)
    if kind in ("comment", "string", "template_string"):
        return []
    return recurse(node, scope, container)


def _js_assigned_function(node: Any, scope: tuple[str, ...], source: bytes, found: Found) -> None:
    """``exports.run = function () {}`` (a function), ``View.prototype.render = function
    () {}`` and ``app.handle = () => {}`` (methods of what they are assigned to)."""
    assignment = node.named_children[0] if node.named_children else None
    if assignment is None or assignment.type != "assignment_expression":
        return
    left, right = assignment.child_by_field_name("left"), assignment.child_by_field_name("right")
    if left is None or right is None or left.type != "member_expression":
        return
    if right.type not in _JS_FUNCTION_VALUES:
        return
    name_node = left.child_by_field_name("property")
    owner = left.child_by_field_name("object")
    if name_node is None or owner is None or name_node.type != "property_identifier":
        return
    written = node_text(owner, source)
    if written in ("exports", "module.exports"):
        add_symbol(found, "function", node_text(name_node, source), scope, name_node, ".")
    elif all(part.isidentifier() for part in written.split(".")):
        owner_scope = tuple(written.removesuffix(".prototype").split("."))
        add_symbol(found, "method", node_text(name_node, source), owner_scope, name_node, ".")


def _js_body(node: Any, scope: tuple[str, ...]) -> list[Child]:
    body = node.child_by_field_name("body")
    return [(body, scope, "function")] if body is not None else []


def _js_object_methods(node: Any, scope: tuple[str, ...], source: bytes, found: Found) -> None:
    """``{ get() {}, post: function () {}, put: (x) => x }``: the object's methods."""
    for member in node.named_children:
        if member.type == "method_definition":
            name_node = member.child_by_field_name("name")
        elif member.type == "pair":
            value = member.child_by_field_name("value")
            if value is None or value.type not in _JS_FUNCTION_VALUES:
                continue
            name_node = member.child_by_field_name("key")
        else:
            continue
        if name_node is not None and name_node.type in ("property_identifier", "identifier"):
            add_symbol(found, "method", node_text(name_node, source), scope, name_node, ".")


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
                names += _specifiers(part, "import_specifier", source)
    return Import(module=module, names=tuple(names), alias=alias, line=node_line(node))


def _js_reexport(node: Any, source: bytes) -> Import:
    """``export {a, b as c} from "./x"``, ``export * from "./x"``, ``export * as ns
    from "./x"``: an import of kind "export" (names: what it re-exports)."""
    module_node = node.child_by_field_name("source")
    module = node_text(module_node, source).strip("'\"") if module_node is not None else ""
    names: list[ImportedName] = []
    alias = None
    for part in node.named_children:
        if part.type == "namespace_export" and part.named_children:
            alias = node_text(part.named_children[0], source)
        elif part.type == "export_clause":
            names += _specifiers(part, "export_specifier", source)
    return Import(
        module=module, names=tuple(names), alias=alias, line=node_line(node), kind="export"
    )


def _specifiers(clause: Any, kind: str, source: bytes) -> list[ImportedName]:
    """``{a, b as c}`` of an import or a re-export: each name and its alias."""
    found = []
    for spec in (s for s in clause.named_children if s.type == kind):
        name = spec.child_by_field_name("name")
        as_node = spec.child_by_field_name("alias")
        if name is not None:
            alias = node_text(as_node, source) if as_node is not None else None
            found.append(ImportedName(node_text(name, source), alias))
    return found
