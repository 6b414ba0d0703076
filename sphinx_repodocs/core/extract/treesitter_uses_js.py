"""JavaScript and TypeScript identifiers that may name a definition, and how a module's
names are bound, for ``core.references_js``.

Chains: ``v NAME`` (a value), ``t NAME`` (a TypeScript type), ``d NAME LINE`` (a
function or class declared in a function around the use, on that line), ``p OBJECT
NAME`` (``object.name``; ``P``: ``ns.Type``), ``m CLASS NAME`` (``this.name`` in a method of a
top-level class, through arrow functions only: a ``function`` rebinds ``this``) and
``x NAME`` (the module's own export NAME: ``export {a as NAME} from``). A name
declared in a scope around the use (a parameter, a variable, a pattern, a loop or
``catch`` binding, a nested declaration, a type parameter) is not a use of the
module's; ``var`` belongs to its function; a name declared twice in one scope, once
otherwise than as a function or class, is not a definition's. In an ``import``, a name
is ``i NAME``, what it binds, a value or a type (``import {a as b}``: both name b's).

Bindings, a ``key<TAB>value`` line each: ``:top`` (the names the module declares at its
top level, as ``NAME:LINE``, space-separated, ``require`` bindings aside),
``:default`` (the name its default export is: ``export default foo``,
``module.exports = foo``), and for each top-level ``require``: ``NAME<TAB>* LINE
SPECIFIER`` (the module) or ``NAME<TAB>. LINE EXPORT SPECIFIER`` (one of its exports:
``const {a} = require(...)``, ``require(...).a``).
"""

from __future__ import annotations

import bisect
import functools
import importlib
from importlib import resources
from typing import Any

from .base import NameUses, Symbol
from .treesitter_uses import Packer

#: Lexers whose grammar is TypeScript's (its types and typed parameters).
_TYPESCRIPT = frozenset({"typescript", "tsx"})
#: Scopes where ``var`` lives; the rest are blocks.
_FUNCTIONS = frozenset(
    {
        "function_declaration",
        "generator_function_declaration",
        "function_expression",
        "generator_function",
        "arrow_function",
        "method_definition",
        "function_signature",
        "method_signature",
    }
)
#: Declarations whose name belongs to the scope around them.
_NAMED_DECLARATIONS = frozenset(
    {
        "function_declaration",
        "generator_function_declaration",
        "class_declaration",
        "abstract_class_declaration",
        "interface_declaration",
        "type_alias_declaration",
    }
)
_TOP_DECLARATIONS = _NAMED_DECLARATIONS | {"enum_declaration", "function_signature"}
_CLASSES = frozenset({"class_declaration", "abstract_class_declaration"})


@functools.cache
def _query(typescript: bool, language: Any) -> Any:
    queries = resources.files("sphinx_repodocs").joinpath("queries")
    extra = "ts-uses.scm" if typescript else "js-params.scm"
    text = queries.joinpath("js-uses.scm").read_text() + queries.joinpath(extra).read_text()
    return importlib.import_module("tree_sitter").Query(language, text)


def _text(node: Any) -> str:
    return bytes(node.text).decode("utf-8", "replace")


def js_uses(lexer: str, language: Any, tree: Any, source: bytes, symbols: list[Symbol]) -> NameUses:
    """The uses in *tree* (of *source*, whose definitions are *symbols*)."""
    query = _query(lexer in _TYPESCRIPT, language)
    captures = importlib.import_module("tree_sitter").QueryCursor(query).captures(tree.root_node)
    scopes = {node.id for node in captures.get("scope", ())}
    declared = _declared(captures.get("local", ()), scopes)
    statements = sorted((n.start_byte, n.end_byte) for n in captures.get("key", ()))
    starts = [start for start, _ in statements]

    def local(node: Any, name: str) -> int | None:
        """None: the module's *name*; else the line of the local definition it names
        (0: a parameter, a variable, or a name in an import statement)."""
        at = bisect.bisect_right(starts, node.start_byte) - 1
        if at >= 0 and node.start_byte < statements[at][1]:
            return 0  # its own chain (``_imported``), or none
        parent = node.parent
        while parent is not None:
            names = declared.get(parent.id)
            if names is not None and name in names:
                return names[name]
            parent = parent.parent
        return None

    packer = Packer(source, {(symbol.name, symbol.line) for symbol in symbols})
    uses = [(node, "v") for node in captures.get("use", ())]
    uses += [(node, "t") for node in captures.get("type", ()) if not _qualified(node)]
    uses.sort(key=lambda item: int(item[0].start_byte))
    for node, kind in uses:
        name = _text(node)
        line = local(node, name)
        if line == 0 and (chain := _imported(node)):
            packer.add(node, name, chain)
        elif line is None:
            packer.add(node, name, f"{kind} {name}")
        elif line:
            packer.add(node, name, f"d {name} {line}")
    for node in sorted(captures.get("member", ()), key=lambda n: int(n.start_byte)):
        owner = node.prev_named_sibling
        if owner is None:
            continue
        name = _text(node)
        if owner.type == "this":
            cls = _method_class(owner)
            if cls:
                packer.add(node, name, f"m {cls} {name}")
        elif local(owner, _text(owner)) is None:
            shape = "P" if node.parent.type == "nested_type_identifier" else "p"
            packer.add(node, name, f"{shape} {_text(owner)} {name}")
    return NameUses(
        chains="\n".join(packer.chains),
        positions=packer.positions.tobytes(),
        bindings="\n".join(_bindings(tree.root_node)),
    )


def _imported(node: Any) -> str:
    """The chain of a name in an import or re-export: ``import {a as b}`` (both name
    what b is), ``import d from``; ``export {a as b} from`` (the module's export b)."""
    parent = node.parent
    if parent is None:
        return ""
    if parent.type == "import_clause":
        return f"i {_text(node)}"
    alias = parent.child_by_field_name("alias") or parent.child_by_field_name("name")
    if alias is None:
        return ""
    if parent.type == "import_specifier":
        return f"i {_text(alias)}"
    if parent.type == "export_specifier":
        return f"x {_text(alias)}"
    return ""


def _qualified(node: Any) -> bool:
    """The ``Type`` of ``ns.Type``: a member, not a name of its own."""
    parent = node.parent
    return parent is not None and parent.type == "nested_type_identifier"


def _declared(locals_: Any, scopes: set[int]) -> dict[int, dict[str, int]]:
    """Scope node id -> the names declared in it -> the line of the definition each is
    (a function or class declared there), else 0."""
    found: dict[int, dict[str, int]] = {}
    for node in locals_:
        parent = node.parent
        if parent is None:
            continue
        if parent.type in _NAMED_DECLARATIONS and parent.child_by_field_name("name") == node:
            parent = parent.parent  # ``function f() {}`` declares f around it
        functions_only = _is_var(node)
        while parent is not None and not (
            parent.id in scopes and (not functions_only or parent.type in _FUNCTIONS)
        ):
            parent = parent.parent
        if parent is not None:
            names = found.setdefault(parent.id, {})
            line = _definition_line(node)
            names[_text(node)] = line if names.get(_text(node), line) == line else 0
    return found


def _definition_line(name: Any) -> int:
    """The line of the function or class *name* declares, or 0."""
    parent = name.parent
    if parent is None or parent.child_by_field_name("name") != name:
        return 0
    if parent.type == "variable_declarator":
        value = parent.child_by_field_name("value")
        if value is None or value.type not in _FUNCTIONS | {"class"}:
            return 0
    elif parent.type not in _NAMED_DECLARATIONS:
        return 0
    return int(name.start_point[0]) + 1


def _is_var(node: Any) -> bool:
    declarator = node.parent
    while declarator is not None and declarator.type != "variable_declarator":
        if declarator.type in _FUNCTIONS or declarator.type == "statement_block":
            return False
        declarator = declarator.parent
    return (
        declarator is not None
        and declarator.parent is not None
        and declarator.parent.type == "variable_declaration"
    )


def _method_class(this: Any) -> str:
    """The top-level class whose method *this* is in (through arrow functions), or ""."""
    parent = this.parent
    while parent is not None and parent.type not in _FUNCTIONS - {"arrow_function"}:
        parent = parent.parent
    if parent is None or parent.type != "method_definition":
        return ""
    body = parent.parent
    cls = body.parent if body is not None and body.type == "class_body" else None
    if cls is None or cls.type not in _CLASSES:
        return ""
    holder = cls.parent
    if holder is not None and holder.type == "export_statement":
        holder = holder.parent
    name = cls.child_by_field_name("name")
    return _text(name) if holder is not None and holder.type == "program" and name else ""


def _bindings(root: Any) -> list[str]:
    top: set[str] = set()
    lines: list[str] = []
    for statement in root.named_children:
        node = statement
        if node.type == "export_statement":
            default = _export_default(node)
            if default:
                lines.append(f":default\t{default}")
            node = node.child_by_field_name("declaration") or node
        if node.type == "ambient_declaration" and node.named_children:
            node = node.named_children[0]
        if node.type in _TOP_DECLARATIONS and (name := node.child_by_field_name("name")):
            top.add(_declared_at(name))
        elif node.type in ("lexical_declaration", "variable_declaration"):
            for declarator in node.named_children:
                if declarator.type == "variable_declarator":
                    lines += _declarator(declarator, top)
        elif node.type == "expression_statement" and node.named_children:
            lines += _assignment(node.named_children[0], top)
    if top:
        lines.insert(0, f":top\t{' '.join(sorted(top))}")
    return lines


def _declared_at(name: Any) -> str:
    """``NAME:LINE``, a top-level declaration as ``:top`` lists it."""
    return f"{_text(name)}:{int(name.start_point[0]) + 1}"


def _export_default(node: Any) -> str:
    if not any(child.type == "default" for child in node.children):
        return ""
    declaration = node.child_by_field_name("declaration")
    value = node.child_by_field_name("value")
    named = declaration.child_by_field_name("name") if declaration is not None else None
    if named is not None:
        return _text(named)
    return _text(value) if value is not None and value.type == "identifier" else ""


def _declarator(declarator: Any, top: set[str]) -> list[str]:
    """``const x = require("./x")``, ``const {a, b: c} = require(...)``, ``require(...).a``."""
    name = declarator.child_by_field_name("name")
    value = declarator.child_by_field_name("value")
    if name is None:
        return []
    export = ""
    if value is not None and value.type == "member_expression":
        field = value.child_by_field_name("property")
        export = _text(field) if field is not None else ""
        value = value.child_by_field_name("object")
    required = _required(value)
    if required is None:
        if name.type == "identifier":
            top.add(_declared_at(name))
        return []
    line, specifier = required
    if name.type == "identifier":
        binding = f". {line} {export}" if export else f"* {line}"
        return [f"{_text(name)}\t{binding} {specifier}"]
    if name.type != "object_pattern" or export:
        return []
    found = []
    for part in name.named_children:
        if part.type == "shorthand_property_identifier_pattern":
            key = local = _text(part)
        elif part.type == "pair_pattern" and (v := part.child_by_field_name("value")):
            field = part.child_by_field_name("key")
            if v.type != "identifier" or field is None or field.type != "property_identifier":
                continue
            key, local = _text(field), _text(v)
        else:
            continue
        found.append(f"{local}\t. {line} {key} {specifier}")
    return found


def _required(value: Any) -> tuple[int, str] | None:
    """(line, specifier) of ``require("literal")``, or None."""
    if value is None or value.type != "call_expression":
        return None
    function = value.child_by_field_name("function")
    arguments = value.child_by_field_name("arguments")
    if function is None or _text(function) != "require" or arguments is None:
        return None
    strings = arguments.named_children
    if len(strings) != 1 or strings[0].type != "string":
        return None
    fragments = strings[0].named_children
    if len(fragments) != 1 or fragments[0].type != "string_fragment":
        return None
    return int(fragments[0].start_point[0]) + 1, _text(fragments[0])


def _assignment(expression: Any, top: set[str]) -> list[str]:
    """``exports.x = ...`` declares x; ``module.exports = foo`` is the default export."""
    if expression.type != "assignment_expression":
        return []
    left = expression.child_by_field_name("left")
    right = expression.child_by_field_name("right")
    if left is None or right is None or left.type != "member_expression":
        return []
    owner = left.child_by_field_name("object")
    field = left.child_by_field_name("property")
    written = _text(owner) if owner is not None else ""
    if written in ("exports", "module.exports") and field is not None:
        top.add(_declared_at(field))
        return []
    if _text(left) != "module.exports":
        return []
    if right.type == "identifier":
        return [f":default\t{_text(right)}"]
    named = right.child_by_field_name("name") if right.type in _FUNCTIONS else None
    return [f":default\t{_text(named)}"] if named is not None else []
