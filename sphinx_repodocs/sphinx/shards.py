"""Sites too big for one build: shards stitched together by intersphinx.

A shard is a Sphinx project documenting one subtree (``repodocs_include``). Shards link
to each other through intersphinx. Two pieces make that practical:

* the ``repodocs-inventory`` builder writes a shard's ``objects.inv`` without reading
  or writing a single page (the ``repo`` domain answers from the model), so a CI stage
  can produce every shard's inventory in seconds before the shards build in parallel;
* ``:repo:folder:`` and ``:repo:line:`` links into another shard resolve too (the
  inventory names folders with a trailing ``/`` and holds files, not lines).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Set
from pathlib import Path

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from .. import compat
from ..core.model import RepoModel
from ..core.model_cache import load_model, load_models
from ..site.urls import line_anchor
from .build_state import get_state
from .config import RepodocsConfig

logger = logging.getLogger(__name__)


class InventoryBuilder(StandaloneHTMLBuilder):
    """Writes the ``objects.inv`` the HTML builder would write, and no page.

    Its URIs are the HTML builder's, so other shards link to the shard's HTML site.
    Generated pages are read as their titles only (see ``RepodocsState.outline_only``)
    and no page is written, so it takes seconds where a full build takes minutes.
    """

    name = "repodocs-inventory"
    epilog = "The inventory is in %(outdir)s/objects.inv."

    def write_documents(self, docnames: Set[str]) -> None:
        pass

    def finish(self) -> None:
        compat.write_inventory_only(self)


def resolve_in_other_shard(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """missing-reference: a folder or a line of a file that another shard documents.

    Inventories name folders with a trailing ``/`` and hold files, not lines: ask
    intersphinx for the folder's name as the inventory writes it, or for the line's file
    and add the line's anchor.
    """
    if node.get("refdomain") != "repo" or node.get("reftype") not in ("folder", "line"):
        return None
    if "sphinx.ext.intersphinx" not in app.extensions:
        return None

    target = node["reftarget"].strip()
    question = node.deepcopy()
    anchor = ""
    if node["reftype"] == "folder":
        question["reftarget"] = target.strip("/") + "/"
    else:
        path, _, number = target.rpartition(":")
        if not path or not number.isdigit() or int(number) < 1:
            return None
        question["reftype"] = "file"
        question["reftarget"] = path.lstrip("/")
        anchor = line_anchor(int(number))
    found = compat.intersphinx_reference(app, env, question, contnode)
    if found is None or "refuri" not in found:
        return None
    if anchor:
        found["refuri"] = found["refuri"].partition("#")[0] + "#" + anchor
    return found


class OtherInventoriesSkipped:
    """The inventory builder needs no other project's inventory, and in a shard CI's
    first stage the other shards' inventories do not exist yet: intersphinx loads its
    inventories at builder-inited (priority 500), so the mapping is emptied just before
    and put back just after, never reaching the pickled environment."""

    def __init__(self) -> None:
        self.mapping: object = None

    def empty(self, app: Sphinx) -> None:
        if app.builder.name == InventoryBuilder.name and "intersphinx_mapping" in app.config:
            self.mapping = app.config.intersphinx_mapping
            app.config.intersphinx_mapping = {}

    def restore(self, app: Sphinx) -> None:
        if self.mapping is not None:
            app.config.intersphinx_mapping = self.mapping
            self.mapping = None


def is_first_stage(app: Sphinx, settings: RepodocsConfig) -> bool:
    """A shard's first stage: its inventory and the model of its own files only."""
    return settings.shard is not None and app.builder.name == InventoryBuilder.name


def kept_model(settings: RepodocsConfig, cache_dir: Path, first_stage: bool) -> RepoModel | None:
    """The cached model; in a shard's second stage, completed by the other shards'
    (each parsed its own files in its first stage), so no file is parsed twice."""
    if first_stage:
        return load_model(cache_dir)
    return load_models([cache_dir, *settings.model_parts], os.path.realpath(settings.root))


def own_files(settings: RepodocsConfig, first_stage: bool) -> Callable[[str], bool] | None:
    """Which files a shard's first stage reads: its own."""
    shard = settings.shard
    if shard is None or not first_stage:
        return None
    return lambda path: shard.map.file_owner(path) == shard.name


def shard_key(settings: RepodocsConfig) -> str:
    """Which shard of which plan a build is ("" for a whole site): editing plan.json
    changes no setting Sphinx sees, but changes who writes each page."""
    shard = settings.shard
    if shard is None:
        return ""
    return json.dumps([shard.name, sorted(shard.map.shards.items())])


def saves_model(settings: RepodocsConfig, first_stage: bool) -> bool:
    """Whether the build keeps its model: not a second stage made from the other shards'
    models, which are the cache (each shard keeps only its own part)."""
    return first_stage or not settings.model_parts


def link_to_sibling_page(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """missing-reference: a link to a page another build of the shard plan writes is made
    as Sphinx makes it when the page is its own (``std:doc`` with an explicit title), at
    the address the page has in the merged site."""
    state = get_state(env)
    if state is None or node.get("refdomain") != "std" or node.get("reftype") != "doc":
        return None
    target = str(node.get("reftarget", "")).removeprefix("/")
    if target not in state.sibling_pages:
        return None
    caption = node.astext()
    inline = nodes.inline(caption, caption, classes=["doc"])
    return make_refnode(app.builder, node["refdoc"], target, None, inline)
