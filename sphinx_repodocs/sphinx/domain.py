"""The ``repo`` domain: roles that link to files, folders, symbols and lines of the
repository, search entries, and objects.inv entries for intersphinx.

Objects come from the model built at ``builder-inited``, not from data collected while
reading: every documented file has a page by construction, so the model is the single
source, the same in every ``-j`` worker, and nothing needs merging. ``clear_doc`` and
``merge_domaindata`` have nothing to do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from typing import Any, ClassVar

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode
from sphinx.util.typing import RoleFunction

from ..core.extract.base import Symbol
from ..core.symbols import SymbolIndex, primary_definitions
from ..site.urls import file_docname, folder_docname, line_anchor, symbol_anchor
from .build_state import RepodocsState, get_state
from .i18n import _

logger = logging.getLogger(__name__)

#: Role name -> symbol kinds it may resolve to (None: any kind).
_SYMBOL_ROLES: dict[str, frozenset[str] | None] = {
    "class": frozenset({"class"}),
    "func": frozenset({"function"}),
    "meth": frozenset({"method"}),
    "kw": None,
}


class RepoDomain(Domain):
    name = "repo"
    label = _("Repository")
    object_types: ClassVar[dict[str, ObjType]] = {
        "file": ObjType(_("file"), "file", "any"),
        "folder": ObjType(_("folder"), "folder", "any"),
        "class": ObjType(_("class"), "class", "kw", "any"),
        "function": ObjType(_("function"), "func", "kw", "any"),
        "method": ObjType(_("method"), "meth", "kw", "any"),
        "namespace": ObjType(_("namespace"), "kw", "any"),
        "macro": ObjType(_("macro"), "kw", "any"),
        "heading": ObjType(_("heading"), "kw", "any"),
        "key": ObjType(_("key"), "kw", "any"),
        "target": ObjType(_("target"), "kw", "any"),
        "variable": ObjType(_("variable"), "kw", "any"),
        "constant": ObjType(_("constant"), "kw", "any"),
    }
    # warn_dangling: a target that is not in the repository always warns, not only with -n.
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {
        "file": XRefRole(warn_dangling=True),
        "folder": XRefRole(warn_dangling=True),
        "class": XRefRole(warn_dangling=True),
        "func": XRefRole(warn_dangling=True),
        "meth": XRefRole(warn_dangling=True),
        "kw": XRefRole(warn_dangling=True),
        "line": XRefRole(warn_dangling=True),
    }
    dangling_warnings: ClassVar[dict[str, str]] = {
        "file": "repo:file: no documented file %(target)r in the repository",
        "folder": "repo:folder: no documented folder %(target)r in the repository",
        "class": "repo:class: no class %(target)r in the repository",
        "func": "repo:func: no function %(target)r in the repository",
        "meth": "repo:meth: no method %(target)r in the repository",
        "kw": "repo:kw: no name %(target)r in the repository",
        "line": "repo:line: %(target)r is not path:line of a documented file",
    }
    initial_data: ClassVar[dict[str, Any]] = {}
    data_version = 1

    def clear_doc(self, docname: str) -> None:
        pass  # nothing is collected per document

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        pass  # nothing is collected per document

    def _state(self) -> RepodocsState | None:
        return get_state(self.env)

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        state = self._state()
        if state is None:
            return None
        found = self._resolve(state, typ, target, node)
        if found is None:
            return None
        docname, anchor, title = found
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        state = self._state()
        if state is None:
            return []
        for typ in ("file", "folder", "kw"):
            found = self._resolve(state, typ, target, node, warn=False)
            if found is not None:
                docname, anchor, title = found
                role = "repo:kw" if typ == "kw" else f"repo:{typ}"
                return [
                    (role, make_refnode(builder, fromdocname, docname, anchor, contnode, title))
                ]
        return []

    def _resolve(
        self, state: RepodocsState, typ: str, target: str, node: pending_xref, warn: bool = True
    ) -> tuple[str, str, str] | None:
        """(docname, anchor, title) of *target*, or None."""
        model = state.model
        if typ == "file":
            path = target.strip().lstrip("/")
            if path in model.files:
                return file_docname(state.prefix, path), "", path
            return None
        if typ == "folder":
            path = target.strip().strip("/")
            if path in model.folders:
                return folder_docname(state.prefix, path), "", (path or model.name) + "/"
            return None
        if typ == "line":
            path, _, number = target.strip().rpartition(":")
            if path in model.files and number.isdigit() and int(number) >= 1:
                return file_docname(state.prefix, path), line_anchor(int(number)), target
            return None
        kinds = _SYMBOL_ROLES.get(typ)
        if typ not in _SYMBOL_ROLES:
            return None
        places = state.views().symbol_index.find(target.strip(), kinds)
        if not places:
            return None
        chosen = places[0]
        if len(places) > 1 and warn:
            candidates = ", ".join(f"{p.path}:{p.line}" for p in places[:8])
            more = f" and {len(places) - 8} more" if len(places) > 8 else ""
            logger.warning(
                "repo:%s %r is ambiguous; linked to %s:%d. Candidates: %s%s. "
                "Write path::name to choose one.",
                typ,
                target,
                chosen.path,
                chosen.line,
                candidates,
                more,
                location=node,
                type="repodocs",
                subtype="ambiguous",
                once=True,
            )
        extraction = state.model.extractions.get(chosen.path)
        symbols = extraction.symbols if extraction is not None else ()
        first = primary_definitions(symbols).get(chosen.qualname)
        anchor = (
            symbol_anchor(chosen.path, chosen.qualname)
            if first and first.line == chosen.line
            else None
        )
        return (
            file_docname(state.prefix, chosen.path),
            anchor or line_anchor(chosen.line),
            f"{chosen.qualname} ({chosen.path}:{chosen.line})",
        )

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        state = self._state()
        if state is None:
            return ()
        # Asked twice per build (inventory and search index): made once per process.
        memo = state.memo()
        if "objects" not in memo:
            memo["objects"] = list(_objects(state))
        objects: list[tuple[str, str, str, str, str, int]] = memo["objects"]  # type: ignore[assignment]
        return objects


def _objects(state: RepodocsState) -> Iterator[tuple[str, str, str, str, str, int]]:
    """Every folder, file and name. Folders and files have priority -1: they are in
    objects.inv for intersphinx, but not in search, where their pages' titles already
    find them (each file once in the results)."""
    model = state.model
    for path in model.folders:
        yield (
            path + "/",
            (path or model.name) + "/",
            "folder",
            folder_docname(state.prefix, path),
            "",
            -1,
        )
    docnames = {path: file_docname(state.prefix, path) for path in model.files}
    for path, docname in docnames.items():
        yield path, path, "file", docname, "", -1
    index: SymbolIndex = state.views().symbol_index
    seen: set[str] = set()
    primaries: dict[str, dict[str, Symbol]] = {}
    for place in index.places:
        if place.path not in primaries:
            extraction = model.extractions.get(place.path)
            primaries[place.path] = primary_definitions(extraction.symbols if extraction else ())
        primary = primaries[place.path].get(place.qualname)
        if place.full_name in seen or (primary is not None and primary.line != place.line):
            continue  # a name defined twice in one file: the inventory keeps the one
            # links go to (not an @overload or a prototype), which has the symbol anchor
        seen.add(place.full_name)
        docname = docnames[place.path]
        anchor = symbol_anchor(place.path, place.qualname) or line_anchor(place.line)
        if index.is_paired_declaration(place):
            # A prototype: its definition stands for it in search (each name once).
            yield place.full_name, place.qualname, place.kind, docname, anchor, -1
            continue
        yield place.full_name, place.qualname, place.kind, docname, anchor, 1
        if index.is_unique(place):
            # Also under its bare qualified name, for intersphinx; not in search twice.
            yield place.qualname, place.qualname, place.kind, docname, anchor, -1


def warn_missing_reference(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool:
    """warn-missing-reference: our own words and category (``repodocs.missing-reference``,
    for ``suppress_warnings``) for a ``repo`` reference that went nowhere."""
    if domain is None or domain.name != RepoDomain.name:
        return False
    template = RepoDomain.dangling_warnings.get(node["reftype"])
    if template is None:
        return False
    logger.warning(
        template,
        {"target": node["reftarget"]},
        location=node,
        type="repodocs",
        subtype="missing-reference",
    )
    return True
