"""What a C, C++ or CUDA declarator declares: the name under the pointers, references,
parentheses and arrays around it, the scope written before it, whether a function."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .syntax_tree import node_text

#: Declarators around a name: ``*p``, ``&r``, ``&&r``, ``(x)``, ``a[]``, ``f()``, ``x = 1``.
_C_WRAPPERS = frozenset(
    {
        "pointer_declarator",
        "reference_declarator",
        "rvalue_reference_declarator",
        "parenthesized_declarator",
        "array_declarator",
        "attributed_declarator",
        "init_declarator",
        "function_declarator",
    }
)
_C_NAMES = frozenset(
    {
        "identifier",
        "field_identifier",
        "type_identifier",
        "destructor_name",
        "operator_name",
        "operator_cast",
        "qualified_identifier",
        "template_function",
        "template_method",
        "template_type",
    }
)


_WRAPPERS_OR_NAMES = _C_WRAPPERS | _C_NAMES


@dataclass(frozen=True, slots=True)
class Declared:
    """What a declarator declares: the name, the scope written before it
    (``A::B::f``), the node the name is at, and whether it is a function."""

    name: str
    scope: tuple[str, ...]
    node: Any
    function: bool


def c_declared(node: Any, source: bytes) -> Declared | None:
    """Follow a declarator to the name it declares. A function is a name whose nearest
    declarator is a function declarator: ``int (*fp)(int)`` is a variable."""
    nearest = ""
    while node is not None:
        if node.type in _C_NAMES:
            scope, name = c_qualified(node, source)
            function = nearest == "function_declarator" or node.type == "operator_cast"
            return Declared(name, scope, _last_part(node), function) if name else None
        if node.type not in _C_WRAPPERS:
            return None
        if node.type == nearest == "function_declarator":
            return None  # ``TRANS(Connect)(int fd)``: a function named by a macro's call
        nearest = node.type
        inner = node.child_by_field_name("declarator")
        if inner is None:  # references put their declarator in no field
            inner = next((c for c in node.named_children if c.type in _WRAPPERS_OR_NAMES), None)
        node = inner
    return None


def _last_part(node: Any) -> Any:
    """The name's own node in ``A<T>::\n operator[]``: its line is the definition's."""
    while node.type == "qualified_identifier":
        inner = node.child_by_field_name("name")
        if inner is None:
            break
        node = inner
    return node


def c_qualified(node: Any, source: bytes) -> tuple[tuple[str, ...], str]:
    """(scope, name) of a name node: ``A::B::f`` is (("A", "B"), "f"); a template's
    arguments and an operator's spacing are not part of the name."""
    scope: list[str] = []
    while node.type == "qualified_identifier":
        part = node.child_by_field_name("scope")
        if part is not None:
            scope.append(c_plain_name(part, source))
        node = node.child_by_field_name("name")
        if node is None:
            return tuple(scope), ""
    return tuple(scope), c_plain_name(node, source)


def c_plain_name(node: Any, source: bytes) -> str:
    if node.type in ("template_function", "template_method", "template_type"):
        name = node.child_by_field_name("name")
        return c_plain_name(name, source) if name is not None else ""
    if node.type == "operator_cast":  # ``operator void*() const``: up to its parameters
        text = node_text(node, source)
        return " ".join(text[: text.find("(")].split()) if "(" in text else text
    text = " ".join(node_text(node, source).split())
    if node.type == "operator_name":  # "operator ()" and "operator()" are one name
        return "operator" + text.removeprefix("operator").replace(" ", "")
    return text


def c_declarators(node: Any) -> list[Any]:
    return list(node.children_by_field_name("declarator"))


def initialised_as_data(declarator: Any) -> bool:
    """``Xtransport TRANS(LocalFuncs) = {...};``: a macro's call read as a function's
    declarator, but a function has no initializer list."""
    value = (
        declarator.child_by_field_name("value") if declarator.type == "init_declarator" else None
    )
    return value is not None and value.type == "initializer_list"


def constant_qualifier(node: Any, declarator: Any, source: bytes) -> str:
    """ "constexpr" or "const" when the declaration defines a constant object with a
    value (``constexpr int k = 3;``, ``const char* const name = "x";``); "" for a
    pointer to constant data (a variable), or a declaration without a value."""
    if declarator.type != "init_declarator":
        return ""
    qualifiers = {node_text(c, source) for c in node.children if c.type == "type_qualifier"}
    if "constexpr" in qualifiers:
        return "constexpr"
    inner = declarator.child_by_field_name("declarator")
    if inner is not None and inner.type == "pointer_declarator":
        own = {node_text(c, source) for c in inner.children if c.type == "type_qualifier"}
        return "const" if "const" in own else ""
    if inner is not None and inner.type in ("identifier", "array_declarator", "field_identifier"):
        return "const" if "const" in qualifiers else ""
    return ""
