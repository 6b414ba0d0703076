"""Event handlers, in the order a build runs them."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable
from pathlib import Path

import markupsafe
from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .. import compat
from ..core.code_host import SourceLinks, configured_links, detected_links
from ..core.git_history import History, read_history
from ..core.header_languages import with_header_languages
from ..core.imports import ImportGraph
from ..core.model import RepoModel, model_fingerprint
from ..core.model_cache import save_model
from ..core.provenance import build_date
from ..core.read import ReadFile, build_model
from ..core.scan import ScanResult, ScanSettings, scan
from ..site.plan import pages_of_shard, plan_pages
from ..site.stubs import SyncReport, remove_stale_outputs, sync_stubs
from ..site.text import shown
from ..site.views import all_signatures
from . import garbage
from .build_state import RepodocsState, get_state, set_state
from .config import RepodocsConfig, read_config
from .directive_uses import pages_showing
from .i18n import PAGE_TEMPLATE
from .shards import (
    InventoryBuilder,
    is_first_stage,
    kept_model,
    own_files,
    saves_model,
    shard_key,
)

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent.parent / "static"


def validate_config(app: Sphinx, config: Config) -> None:
    """config-inited: fail early, with one line, on a wrong ``repodocs_*`` value."""
    read_config(app.confdir, config)
    static = str(STATIC_DIR)
    if static not in config.html_static_path:
        config.html_static_path.append(static)


def prepare_pages(app: Sphinx) -> None:
    """builder-inited: scan, build the model, write stubs, and find changed pages."""
    garbage.free_earlier_builds()
    settings = read_config(app.confdir, app.config)
    previous = get_state(app.env)
    cache_dir = settings.cache_dir or Path(app.doctreedir)
    first_stage = is_first_stage(app, settings)
    cached = kept_model(settings, cache_dir, first_stage)
    found = _scan(app, settings, cache_dir, own_files(settings, first_stage))
    model = build_model(str(settings.root), found, _progress(app), cached, jobs=app.parallel)
    graph = _header_languages(model, cached, settings)
    unchanged = cached is not None and _same_model(cached, model)
    if not unchanged and saves_model(settings, first_stage):
        save_model(cache_dir, model)
    state = RepodocsState(
        model=model,
        prefix=settings.directory,
        title=settings.title,
        max_source_bytes=settings.max_source_bytes,
        python_paths=tuple(settings.python_paths),
        include_dirs=tuple(settings.include_dirs),
        index_left_out=settings.index_left_out,
        build_date=build_date(),
        outline_only=app.builder.name == InventoryBuilder.name,
        history=_history(settings.git_history, model, previous),
        cache_dir=str(cache_dir),
        model_key=model_fingerprint(model),
        shard_key=shard_key(settings),
    )
    if graph is not None:
        state.use_graph(graph)
    state.source_links = _source_links(settings.source_url, state.history)
    if unchanged and getattr(previous, "settings_key", None) == state.settings_key:
        # Nothing the pages show can have changed: keep the plan and signatures.
        assert previous is not None
        state.pages, state.signatures = previous.pages, previous.signatures
        state.sibling_pages = previous.sibling_pages
    else:
        # References first, while little else is in memory: their temporary tables
        # are freed into a small heap (resolved later, from the views, the standard
        # library's build peaked at 976 MiB rather than 944, one run each).
        state.references  # noqa: B018
        views = state.views()
        state.pages = plan_pages(model, settings.directory, views.keyword_buckets)
        if settings.shard is not None:
            site = state.pages
            state.pages = pages_of_shard(site, settings.shard.map, settings.shard.name)
            state.sibling_pages = frozenset(site.keys() - state.pages.keys())
        state.signatures = all_signatures(views, state.pages)
    if previous is not None and previous.prefix == state.prefix:
        state.changed = _changed_pages(app.env, previous, state)
    set_state(app.env, state)
    report = sync_stubs(Path(app.srcdir), settings.directory, state.pages)
    _log_summary(state, report, first_stage)
    # The model and what is derived from it are read-only from here on: out of the
    # garbage collector's generations, a full collection no longer walks their
    # millions of objects every time Sphinx's pages fill the young ones (and forked
    # -j workers do not touch their pages, which stay shared). No collection first: what
    # is garbage now is collected once the next build unfreezes it.
    gc.freeze()


def _header_languages(
    model: RepoModel, cached: RepoModel | None, settings: RepodocsConfig
) -> ImportGraph | None:
    """The headers only C++ includes read as C++ (``core.header_languages``), and the
    import graph that decided it; None when no file changed and the cached model was
    decided with these path settings, so its decisions stand (a no-change build
    builds no graph)."""
    paths = (tuple(settings.python_paths), tuple(settings.include_dirs))
    if (
        cached is not None
        and getattr(cached, "header_settings", None) == paths
        and _same_model(cached, model)
    ):
        model.header_settings, model.kept_c = cached.header_settings, cached.kept_c
        return None
    return with_header_languages(model, *paths, previous=cached)


def _scan(
    app: Sphinx,
    settings: RepodocsConfig,
    cache_dir: Path,
    keep_file: Callable[[str], bool] | None,
) -> ScanResult:
    srcdir = Path(app.srcdir)
    site_dirs = _site_dirs(
        srcdir / settings.directory, srcdir, Path(app.outdir), Path(app.doctreedir)
    ) | {os.path.realpath(folder) for folder in (cache_dir, *settings.model_parts)}
    return scan(
        ScanSettings(
            root=settings.root,
            site_dirs=site_dirs,
            include=settings.include,
            exclude=settings.exclude,
            use_gitignore=settings.gitignore,
            allow_secrets=settings.allow_secrets,
            keep_file=keep_file,
        )
    )


def _progress(app: Sphinx) -> Callable[[Iterable[ReadFile], int], Iterable[ReadFile]]:
    """Sphinx's own progress display for reading the repository's files."""

    def progress(files: Iterable[ReadFile], length: int) -> Iterable[ReadFile]:
        return compat.status_iterator(
            files,
            "reading repository files... ",
            "purple",
            length,
            app.verbosity,
            lambda entry: entry.path,
        )

    return progress


def _changed_pages(
    env: BuildEnvironment, previous: RepodocsState, state: RepodocsState
) -> set[str]:
    """Pages of both builds that show something new, and hand-written pages showing them."""
    changed = {
        docname
        for docname, digest in state.signatures.items()
        if previous.signatures.get(docname, digest) != digest
    }
    # Hand-written pages whose directives show a file that changed or went away.
    touched = {
        page.path
        for docname, page in previous.pages.items()
        if page.kind == "file" and (docname in changed or docname not in state.signatures)
    }
    changed |= pages_showing(env, touched)
    if getattr(previous, "outline_only", False) != state.outline_only:
        changed |= state.pages.keys() & previous.pages.keys()
    return changed


def _history(enabled: bool, model: RepoModel, previous: RepodocsState | None) -> History:
    if not enabled:
        return History()
    known = getattr(previous, "history", None)
    return read_history(model.root, model.files.keys(), known)


def _source_links(template: str | None, history: History) -> SourceLinks | None:
    """The code host's links: from the configured template, else from the origin
    remote; none without a commit to pin them to, or with the template set to ""."""
    if template == "" or not history.head_id:
        return None
    if template is not None:
        return configured_links(template, history.head_id, history.prefix)
    return detected_links(history.remote, history.head_id, history.prefix)


def _same_model(previous: RepoModel, model: RepoModel) -> bool:
    """Whether *model* shows exactly what *previous* showed (extractions follow from
    each file's digest and the code's version, both compared here)."""
    return (
        previous.made_by == model.made_by
        and previous.files == model.files
        and previous.folders == model.folders
        and previous.skipped == model.skipped
        and previous.stat_keys == model.stat_keys
    )


def _site_dirs(generated: Path, srcdir: Path, outdir: Path, doctreedir: Path) -> frozenset[str]:
    """Folders of the site itself: never documented. The build folder that holds the
    output and doctrees (``docs/_build`` of ``sphinx-build -M``) counts too when it lies
    inside the source folder, so other builders' output there is left out as well."""
    folders = {os.path.realpath(path) for path in (generated, outdir, doctreedir)}
    source = os.path.realpath(srcdir)
    for path in (outdir, doctreedir):
        parent = os.path.realpath(path.parent)
        if parent.startswith(source + os.sep):
            folders.add(parent)
    return frozenset(folders)


def count(number: int, noun: str) -> str:
    """ "1 file", "2,430 files", for the console (our log messages are English)."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _log_summary(state: RepodocsState, report: SyncReport, first_stage: bool) -> None:
    model = state.model
    skipped = ", ".join(f"{len(paths)} {reason}" for reason, paths in sorted(model.skipped.items()))
    logger.info(
        "sphinx-repodocs: %s and %s of %s; %s changed, %s written, %d removed%s",
        count(len(model.files), "file"),
        count(len(model.folders), "folder"),
        model.root,
        count(len(state.changed), "page"),
        count(report.written, "stub"),
        report.removed,
        f"; left out: {skipped}" if skipped else "",
    )
    for reason, paths in sorted(model.skipped.items()):
        for path in paths:
            logger.verbose("sphinx-repodocs: left out (%s): %s", reason, path)
    if not model.files and not first_stage:  # a shard's own files may well be none
        logger.warning(
            "sphinx-repodocs: nothing to document in %s: %s",
            model.root,
            f"every file was left out ({skipped}; -v lists them)" if skipped else "no file",
            type="repodocs",
            subtype="empty",
        )


def outdated_pages(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """env-get-outdated: pages whose rendered inputs changed since the last build."""
    state = get_state(env)
    return sorted(state.changed) if state is not None else []


def check_pages_found(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """env-before-read-docs: say so when the host's exclude_patterns hide our pages."""
    state = get_state(env)
    if state is None:
        return
    hidden = [docname for docname in state.pages if docname not in env.found_docs]
    if hidden:
        logger.warning(
            "sphinx-repodocs: %d generated pages are excluded by the project's settings "
            "(exclude_patterns or include_patterns), e.g. %s",
            len(hidden),
            sorted(hidden)[0],
            type="repodocs",
            subtype="excluded",
        )


def unlink_excluded_pages(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Node | None:
    """missing-reference: a link to a generated page the host's settings exclude is
    shown as text; ``repodocs.excluded`` has said so once, not once per link."""
    state = get_state(env)
    if state is None or node.get("refdomain") != "std" or node.get("reftype") != "doc":
        return None
    target = str(node.get("reftarget", "")).removeprefix("/")
    if target in state.pages and target not in env.found_docs:
        return contnode
    return None


def page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, object],
    doctree: object,
) -> str | None:
    """html-page-context: generated pages use our overridable template, with what they show.

    A stub is no source worth showing: without a ``sourcename`` the theme shows no "Show
    Source" link and Sphinx copies no ``_sources`` file for the page. A file page's
    previous and next pages are the files before and after it in its folder, so the
    theme's relation links and prev/next buttons walk a folder. Sphinx's general index
    holds none of the names our pages list (the repository's keyword index does), so
    generated pages do not link to it (templates ask ``hasdoc("genindex")``; relation
    bars list ``rellinks``).
    """
    state = get_state(app.env)
    page = state.pages.get(pagename) if state is not None else None
    if state is None or page is None:
        return None
    compat.show_no_source_link(context)
    context["hasdoc"] = _without_general_index(context.get("hasdoc"))
    relations = context.get("rellinks")
    if isinstance(relations, list):
        context["rellinks"] = [link for link in relations if link[:1] != ("genindex",)]
    facts: dict[str, str] = {"kind": page.kind, "path": page.path}
    if page.kind == "file" and (file := state.model.files.get(page.path)) is not None:
        facts |= {"language": file.language, "purpose": file.purpose}
        view = state.views().file_view(page.path)
        for key, link in (("prev", view.previous), ("next", view.next)):
            if link is not None:
                uri = app.builder.get_relative_uri(pagename, link.docname)
                context[key] = {"link": uri, "title": markupsafe.escape(shown(link.label))}
    # Sphinx's templates do not escape by default: repository names arrive escaped
    # (markupsafe's Markup, which Jinja's |e leaves as it is).
    context["repodocs"] = {key: markupsafe.escape(value) for key, value in facts.items()}
    return PAGE_TEMPLATE if templatename == "page.html" else None


def follows_host_lines(env: BuildEnvironment, pagename: str) -> bool:
    """Whether *pagename* is a file page whose host link can name lines (it loads the
    script that points the link at the line in the address)."""
    state = get_state(env)
    page = state.pages.get(pagename) if state is not None else None
    if state is None or page is None or page.kind != "file" or page.path not in state.model.files:
        return False
    return bool(state.views().file_view(page.path).source_line_url)


def _without_general_index(hasdoc: object) -> Callable[[str], bool]:
    def has_page(name: str) -> bool:
        return name != "genindex" and callable(hasdoc) and bool(hasdoc(name))

    return has_page


def remove_stale_output(app: Sphinx, exception: BaseException | None) -> None:
    """build-finished: delete the output of pages that went away (Sphinx leaves it)."""
    state = get_state(app.env)
    builder = app.builder
    if exception is not None or state is None:
        return
    if not isinstance(builder, StandaloneHTMLBuilder) or isinstance(builder, SingleFileHTMLBuilder):
        return
    keep = {Path(compat.html_output_path(builder, docname)) for docname in state.pages}
    removed = remove_stale_outputs(Path(app.outdir), state.prefix, builder.out_suffix, keep)
    if removed:
        logger.info("sphinx-repodocs: removed %d output files of pages that went away", removed)
