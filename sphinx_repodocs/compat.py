"""Every use of Sphinx, docutils or Pygments behaviour that they do not document.

One function (or constant) per behaviour. Each docstring names the versions it was
checked against and the test that fails when the behaviour changes (in
``tests/test_compat.py`` unless its file is named); no other module relies on such
behaviour except through this one (``tests/test_layout.py`` checks the known names).

This module is a leaf every layer may import (the pure core uses the first function):
it imports nothing of Sphinx at import time, only inside the functions that need it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

T = TypeVar("T")

# -- docutils ----------------------------------------------------------------------------


@contextlib.contextmanager
def no_docutils_directives_or_roles() -> Iterator[None]:
    """Parse rST with no directive or role known, not even docutils' own.

    Sphinx registers its directives in docutils' global registries; a repository's
    ``.. literalinclude::`` or ``.. toctree::`` must not run while its titles are read.
    docutils keeps them in the module attributes ``_directives``, ``_directive_registry``,
    ``_roles`` and ``_role_registry`` (private). Checked with docutils 0.21 and 0.22;
    guarded by ``test_docutils_registries``.
    """
    from docutils.parsers.rst import directives, roles

    saved = (
        directives._directives,
        directives._directive_registry,
        roles._roles,
        roles._role_registry,
    )
    directives._directives, directives._directive_registry = {}, {}
    roles._roles, roles._role_registry = {}, {}
    try:
        yield
    finally:
        (
            directives._directives,
            directives._directive_registry,
            roles._roles,
            roles._role_registry,
        ) = saved


@contextlib.contextmanager
def docutils_lookups(
    directive: Callable[..., tuple[Any, list[Any]]], role: Callable[..., tuple[Any, list[Any]]]
) -> Iterator[None]:
    """Parse rST looking directives and roles up with *directive* and *role* alone.

    docutils' parser finds a directive by calling ``directives.directive(name,
    language, document)`` and a role by ``roles.role(name, language, lineno, reporter)``
    (module functions, looked up at each call; Sphinx replaces both the same way while
    it reads a page, ``sphinx.util.docutils.sphinx_domains``). A README rendered while
    a page is read must not reach Sphinx's, the host's or a domain's directives.
    Checked with docutils 0.21 and 0.22 under Sphinx 8.2 and 9.0; guarded by
    ``test_docutils_lookups``.
    """
    from docutils.parsers.rst import directives, roles

    saved = directives.directive, roles.role
    directives.directive, roles.role = directive, role
    try:
        yield
    finally:
        directives.directive, roles.role = saved


def disable_smart_quotes(document: nodes.document) -> None:
    """No smart quotes or dashes in this document, whatever ``smartquotes`` says: Sphinx's
    SmartQuotes transform reads ``document.settings.smart_quotes`` when it runs, after
    the parser. Checked with Sphinx 8.2 and 9.0-9.1; guarded by ``test_no_smart_quotes``."""
    document.settings.smart_quotes = False


# -- Sphinx: reading -----------------------------------------------------------------


def mark_orphan(env: BuildEnvironment, docname: str) -> None:
    """Mark the page being read as an orphan, from its parser.

    ``:orphan:`` is documented as a field list at the top of a page; a parser that
    builds no such field sets the metadata Sphinx's ``MetadataCollector`` would have
    set, which Sphinx reads after the page is read. Checked with Sphinx 8.2 and
    9.0-9.1; guarded by ``test_generated_pages_are_orphans``.
    """
    env.metadata[docname]["orphan"] = True


def status_iterator(
    items: Iterable[T],
    summary: str,
    colour: str,
    length: int,
    verbosity: int,
    label: Callable[[T], str],
) -> Iterable[T]:
    """Sphinx's own progress display (``sphinx.util.display.status_iterator``, not in
    the documented API). Checked with Sphinx 8.2 and 9.0-9.1; guarded by
    ``test_status_iterator``."""
    from sphinx.util.display import status_iterator as display

    shown: Iterable[T] = display(items, summary, colour, length, verbosity, stringify_func=label)
    return shown


def forget_doctrees(env: BuildEnvironment, prefix: str) -> None:
    """Drop what Sphinx keeps in memory of the doctrees of pages under *prefix*: the read
    doctrees it keeps for the writer under ``-j 1`` (``_write_doc_doctree_cache``) and
    the pickled bytes of those it loaded (``_pickled_doctree_cache``), both undocumented;
    the doctree folder holds them all. Checked with Sphinx 8.2 and 9.0-9.1; guarded by
    ``test_read_doctrees_are_not_kept``."""
    for attribute in ("_write_doc_doctree_cache", "_pickled_doctree_cache"):
        kept = getattr(env, attribute, None) or {}
        for docname in [name for name in kept if name.startswith(prefix)]:
            del kept[docname]


# -- Sphinx: writing HTML ----------------------------------------------------------------


def current_docname(builder: Builder) -> str:
    """The page an HTML builder is writing.

    ``StandaloneHTMLBuilder.write_doc`` sets ``current_docname`` (not documented); the
    environment's ``docname`` is the fallback for builders that do not. Checked with
    Sphinx 8.2 and 9.0-9.1; guarded by ``test_current_docname``.
    """
    docname = getattr(builder, "current_docname", "") or builder.env.docname
    return str(docname)


def show_no_source_link(context: dict[str, object]) -> None:
    """From ``html-page-context``: the page gets no "Show Source" link and Sphinx copies
    no ``_sources`` file for it.

    ``handle_page`` reads ``context["sourcename"]`` after the event to decide the copy
    (an ordering Sphinx does not document). Checked with Sphinx 8.2 and 9.0-9.1;
    guarded by ``test_no_sources_copy``.
    """
    context["sourcename"] = ""


def html_output_path(builder: StandaloneHTMLBuilder, docname: str) -> str:
    """The file an HTML builder writes a page to (``get_outfilename``, not documented).
    Checked with Sphinx 8.2 and 9.0-9.1; guarded by ``test_html_output_path``."""
    return str(builder.get_outfilename(docname))


def image_folder(builder: Builder) -> tuple[str, str]:
    """Where an HTML builder keeps images: the folder under its output
    (``Builder.imagedir``) and its URL from the page being written (``imgpath``, set by
    ``write_doc``); neither is documented. Checked with Sphinx 8.2 and 9.0-9.1;
    guarded by ``test_image_folder``.
    """
    return str(getattr(builder, "imagedir", "") or "_images"), str(builder.imgpath)


def page_url_suffixes(builder: Builder) -> tuple[str, str] | None:
    """What an HTML builder appends to a page's docname in its URL, for a page and for
    a folder's ``index`` page: (".html", "index.html") for html, ("/", "") for dirhtml;
    None for singlehtml, whose pages share one file. ``get_target_uri`` of a docname
    that is no page of the project (not documented as allowed). Checked with Sphinx 8.2
    and 9.0-9.1; guarded by ``test_page_url_suffixes``."""
    from sphinx.builders.singlehtml import SingleFileHTMLBuilder

    if isinstance(builder, SingleFileHTMLBuilder):
        return None
    page = builder.get_target_uri("a")
    folder = builder.get_target_uri("a/index")
    if not page.startswith("a") or not folder.startswith("a/"):
        return None
    return page.removeprefix("a"), folder.removeprefix("a/")


def highlight_arguments(
    config: Any, node: nodes.literal_block
) -> tuple[str, dict[str, Any], Any, dict[str, Any]]:
    """What Sphinx's HTML5 translator passes to the highlighter for *node*: (language,
    highlight arguments, line numbers, lexer options). A copy of the first lines of
    ``HTML5Translator.visit_literal_block``. Checked with Sphinx 8.2 and 9.0-9.1;
    guarded by ``test_highlight_cache.py::test_cache_and_no_cache_write_the_same_page``.
    """
    lang = node.get("language", "default")
    linenos: Any = node.get("linenos", False)
    if linenos and config.html_codeblock_linenos_style:
        linenos = config.html_codeblock_linenos_style
    highlight_args = dict(node.get("highlight_args", {}))
    highlight_args["force"] = node.get("force", False)
    return lang, highlight_args, linenos, config.highlight_options.get(lang, {})


def highlight(builder: StandaloneHTMLBuilder, node: nodes.literal_block) -> str:
    """*node*'s source highlighted by the HTML builder's own highlighter (the
    ``highlighter`` attribute, not documented), as its translator would. A forced
    block (ours: it never warns) takes the highlighter's lexer and formatter
    (``get_lexer``, ``get_formatter``) and is lexed by ``core.fast_lexing``, which is
    what ``highlight_block`` does for HTML with a forced block, with the same tokens.
    Checked with Sphinx 8.2 and 9.0-9.1; guarded by
    ``test_highlight_cache.py::test_cache_and_no_cache_write_the_same_page`` and
    ``test_fast_lexing.py::test_listing_is_what_sphinx_writes``."""
    import pygments

    from .core.fast_lexing import faster

    lang, highlight_args, linenos, options = highlight_arguments(builder.config, node)
    bridge = builder.highlighter
    if not highlight_args.pop("force", False):
        return str(
            bridge.highlight_block(
                node.rawsource, lang, opts=options, linenos=linenos, location=node, **highlight_args
            )
        )
    lexer = bridge.get_lexer(node.rawsource, lang, options, True, node)
    formatter = bridge.get_formatter(linenos=linenos, **highlight_args)
    return str(pygments.highlight(node.rawsource, faster(lexer), formatter))


# -- Pygments --------------------------------------------------------------------------


def regex_lexer_states(lexer: Any) -> tuple[dict[str, list[Any]], frozenset[str]] | None:
    """The processed rules of *lexer*'s states (the class attribute ``_tokens`` of a
    ``RegexLexer``, not documented) where it tokenizes with ``RegexLexer``'s own loop,
    with the names its tokenizer then makes ``Keyword.Type``: none for a plain
    ``RegexLexer``; for C and C++ (``CFamilyLexer``'s tokenizer) the ``Name`` tokens in
    the type sets its options turn on. None for any other lexer. Checked with Pygments
    2.19-2.21; guarded by ``test_fast_lexing.py::test_tokens_are_pygments_tokens``."""
    from pygments.lexer import RegexLexer
    from pygments.lexers.c_cpp import CFamilyLexer

    tokenizer = type(lexer).get_tokens_unprocessed
    states = getattr(lexer, "_tokens", None)
    if not isinstance(states, dict):
        return None
    if tokenizer is RegexLexer.get_tokens_unprocessed:
        return states, frozenset()
    if tokenizer is not CFamilyLexer.get_tokens_unprocessed:
        return None
    type_names: set[str] = set()
    for option, names in (
        ("stdlibhighlighting", "stdlib_types"),
        ("c99highlighting", "c99_types"),
        ("c11highlighting", "c11_atomic_types"),
        ("platformhighlighting", "linux_types"),
    ):
        if getattr(lexer, option):
            type_names.update(getattr(lexer, names))
    return states, frozenset(type_names)


def wrap_highlighted(translator: Any, node: nodes.literal_block, highlighted: str) -> str:
    """Highlighted HTML wrapped as ``HTML5Translator.visit_literal_block`` wraps it.
    Checked with Sphinx 8.2 and 9.0-9.1; guarded by
    ``test_highlight_cache.py::test_cache_and_no_cache_write_the_same_page``."""
    lang = node.get("language", "default")
    starttag = translator.starttag(node, "div", suffix="", CLASS=f"highlight-{lang} notranslate")
    return f"{starttag}{highlighted}</div>\n"


#: Nodes whose HTML the write-time fast path (``sphinx.block_html``) writes itself.
FAST_PATH_NODES = (
    "table",
    "tgroup",
    "colspec",
    "thead",
    "tbody",
    "row",
    "entry",
    "paragraph",
    "rubric",
    "bullet_list",
    "list_item",
    "literal",
    "reference",
    "Text",
)


def has_stock_visitors(translator_class: type, node_names: tuple[str, ...]) -> bool:
    """Whether *translator_class* writes the nodes named *node_names* as Sphinx's own
    ``HTML5Translator`` does: it is one, and has Sphinx's visit and depart methods for
    them. Checked with Sphinx 8.2 and 9.0-9.1; guarded by
    ``test_stock_translator_detected``."""
    from sphinx.writers.html5 import HTML5Translator

    if not issubclass(translator_class, HTML5Translator):
        return False
    for name in node_names:
        for method in (f"visit_{name}", f"depart_{name}"):
            if getattr(translator_class, method, None) is not getattr(
                HTML5Translator, method, None
            ):
                return False
    return True


def renders_like_stock_html5(translator_class: type) -> bool:
    """Whether *translator_class* writes every node of :data:`FAST_PATH_NODES` as
    Sphinx's own ``HTML5Translator`` does.

    The fast path writes the stock translator's markup for tables, paragraphs, lists,
    code and links, a copy that
    ``test_blocks.py::test_html_blocks_equal_the_translator_output_for_their_nodes``
    compares with the translator's own; under a translator that changes any of them
    the blocks become nodes instead.
    """
    return has_stock_visitors(translator_class, FAST_PATH_NODES)


# -- Sphinx: other builders and intersphinx ------------------------------------------


def write_inventory_only(builder: StandaloneHTMLBuilder) -> None:
    """From ``finish``: write ``objects.inv`` as the HTML builder does, and nothing else
    (``finish_tasks`` and ``dump_inventory`` are not documented). Checked with Sphinx
    8.2 and 9.0-9.1; guarded by
    ``test_shards.py::test_inventory_builder_writes_the_html_inventory_and_no_page``."""
    builder.finish_tasks.add_task(builder.dump_inventory)


#: The priority at which intersphinx loads its inventories (``builder-inited``) and
#: answers ``missing-reference``: the default, 500, which it does not document.
#: Checked with Sphinx 8.2 and 9.0-9.1; guarded by ``test_intersphinx_priorities``.
INTERSPHINX_PRIORITY = 500


def intersphinx_reference(
    app: Sphinx, env: BuildEnvironment, node: Any, contnode: Any
) -> nodes.reference | None:
    """Ask intersphinx for *node* (its ``missing_reference`` handler, not documented as
    a function to call). Checked with Sphinx 8.2 and 9.0-9.1; guarded by
    ``test_intersphinx_priorities`` and the shard tests."""
    from docutils import nodes
    from sphinx.ext.intersphinx import missing_reference

    found = missing_reference(app, env, node, contnode)
    return found if isinstance(found, nodes.reference) else None


def builtin_builder_names() -> frozenset[str] | None:
    """The builders every Sphinx application registers (``-b`` names before conf.py);
    None when they cannot be told, so that no valid name is ever refused.

    Sphinx loads the modules of ``sphinx.application.builtin_extensions`` (a module
    constant, undocumented) and each ``setup(app)`` calls ``app.add_builder``; here each
    builder module's ``setup`` runs against a recorder that keeps the builders and
    ignores every other registration. Checked with Sphinx 8.2 and 9.0; guarded by
    ``test_builtin_builder_names`` in ``tests/test_cli_habits.py``.
    """
    import importlib

    from sphinx.application import builtin_extensions

    names: set[str] = set()

    class Recorder:
        def add_builder(self, builder: type[Builder], override: bool = False) -> None:
            names.add(builder.name)

        def __getattr__(self, name: str) -> Callable[..., None]:
            return lambda *args, **kwargs: None

    try:
        for module_name in builtin_extensions:
            if module_name.startswith(("sphinx.builders.", "sphinxcontrib.")):
                importlib.import_module(module_name).setup(Recorder())
    except Exception:  # a setup that needs more than a recorder: the names are unknown
        return None
    return frozenset(names)


def translate_plural(catalog: str, singular: str, plural: str, number: int) -> str:
    """The form of a message for *number* from an extension's catalog.

    ``sphinx.locale.get_translation`` gives ``gettext`` only; the catalog's
    ``ngettext`` is on the translator ``sphinx.locale.get_translator`` returns
    (undocumented; English forms before ``locale.init``). Checked with Sphinx 8.2 and
    9.0; guarded by ``test_plural_forms`` in ``tests/test_i18n_catalog.py``.
    """
    from sphinx import locale

    return locale.get_translator(catalog).ngettext(singular, plural, number)
