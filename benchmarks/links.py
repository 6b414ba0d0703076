"""``python -m benchmarks.links TREE``: our go-to-definition links against independent ones.

Builds the model of TREE and its links (the scan, extraction and resolution a site build
runs) and measures their precision and recall against a reference that knows nothing
of ours. A check, not a test: it asserts nothing.

Python (``--language python``) is checked against jedi (``pip install jedi``, a
dependency of this script only), which is slow: a sample of the files is read (``--files``,
evenly spread over the sorted paths), every identifier token in them. Jedi's ``goto``
(imports followed) at each token gives the reference:

- precision, over each of our links in the sample: jedi finds one name and it is our
  target (the same file and line, or the module for a link to a file). Where jedi finds
  none or several, the link is counted apart, as undecided, not against us;
- recall, over each token jedi sends to one definition we list (a module, or one of our
  symbols at that file and line by that name; not the definition's own name): we link
  it there. Locals, parameters, instance attributes and what lies outside the tree are
  not definitions we list, so they are in neither count.

C, C++ and CUDA (``--language c``) and Go (``--language go``) are checked against
Universal Ctags (``ctags``, all its kinds):

- precision, over each of our links: ctags has a tag of the link's text, of any kind,
  on the target's line of the target's file; in Go, not only a method's when the link
  is a bare name (``append(x, y)``: no bare name names a method). A target line in an
  ``#if`` branch ctags does not read (it reads the first) is not scored;
- recall, over calls to uniquely defined functions: each call ``name(...)`` (a
  tree-sitter ``call_expression`` whose function is an identifier) where ctags finds
  exactly one function definition by that name in the tree (not a prototype; in Go not
  a method, which a bare name cannot call), and no tag of that name on the call's line
  (the definition's own line, or a declaration the grammar misreads as a call): we
  link it to that definition's line.

Disagreements are counted by shape (an attribute, a definition inside a function, a
link to a prototype...), with ``--misses`` examples of each.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import io
import itertools
import json
import keyword
import shutil
import subprocess
import sys
import time
import tokenize
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx_repodocs.core.extract import treesitter
from sphinx_repodocs.core.extract.base import Symbol
from sphinx_repodocs.core.imports import build_graph
from sphinx_repodocs.core.model import RepoModel
from sphinx_repodocs.core.read import build_model, read_text
from sphinx_repodocs.core.references import References, Target, resolve_references
from sphinx_repodocs.core.scan import ScanSettings, scan

from .definitions import later_branches
from .links_ts import check_typescript

#: --language -> the lexers of the files it checks.
LEXERS = {
    "python": ("python",),
    "c": ("c", "cpp", "cuda"),
    "go": ("go",),
    "java": ("java",),
    "rust": ("rust",),
    "javascript": ("javascript", "jsx"),
    "typescript": ("typescript", "tsx"),
}
#: Our lexer -> the ctags parser that reads it (CUDA by the C++ one, as in
#: ``benchmarks.definitions``: ctags' CUDA parser misses what its C++ one reads).
CTAGS_READS_AS = {
    "c": "C",
    "cpp": "C++",
    "cuda": "C++",
    "go": "Go",
    "java": "Java",
    "rust": "Rust",
    "javascript": "JavaScript",
    "jsx": "JavaScript",
    "typescript": "TypeScript",
    "tsx": "TypeScript",
}
#: The calls whose callee is a bare name, per grammar: what recall counts.
CALLS = {
    "java": "(method_invocation !object name: (identifier) @callee)",
}
CALL = "(call_expression function: (identifier) @callee)"

#: (line, column) in a file: 1-based line, 0-based column in characters.
Position = tuple[int, int]


@dataclass(frozen=True)
class Link:
    """One of our links: where it is, its text, whether that follows a ``.`` (a
    member's name, ``x.name``), and where it goes."""

    path: str
    line: int
    column: int
    text: str
    dotted: bool
    target: Target


def our_links(root: Path, model: RepoModel, refs: References, paths: Iterable[str]) -> list[Link]:
    """Our links in *paths*, with the text each covers."""
    found = []
    for path in sorted(paths):
        if path not in refs.outgoing:
            continue
        lines = read_text(str(root), model.files[path])[0].split("\n")
        for line, column, length, target in refs.links(path):
            before, text = "", ""
            if line <= len(lines):
                before, text = lines[line - 1][:column], lines[line - 1][column : column + length]
            found.append(Link(path, line, column, text, before.rstrip().endswith("."), target))
    return found


def spread(paths: Iterable[str], count: int) -> list[str]:
    """*count* of the sorted *paths*, evenly spread (all of them when there are no more)."""
    ordered = sorted(paths)
    if count <= 0 or len(ordered) <= count:
        return ordered
    return [ordered[at * len(ordered) // count] for at in range(count)]


def _target(target: Target) -> str:
    if not target.line:
        return f"{target.path} (file)"
    return f"{target.path}:{target.line} {target.qualname} ({target.kind})"


# --- Python, against jedi -------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Name:
    """One name jedi's goto found: *path* is relative to the tree when *inside* it,
    else the absolute path ("" for a builtin without one)."""

    inside: bool
    path: str
    line: int
    column: int
    name: str
    type: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.inside else f"{self.path or '(builtin)'}"
        return f"{where} {self.name} ({self.type})"


def identifiers(code: str) -> Iterator[tuple[int, int, str, str]]:
    """(line, column, name, keyword before it) of every identifier token of *code*
    (columns in characters; the keyword ``def``, ``class`` or ``as`` just before the
    name, else ""); a file that does not tokenize to its end gives the tokens before
    the error."""
    before = ""
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type == tokenize.NAME and not keyword.iskeyword(token.string):
                yield token.start[0], token.start[1], token.string, before
            if token.type not in (tokenize.NL, tokenize.COMMENT):
                before = token.string if token.string in ("def", "class", "as") else ""
    except (tokenize.TokenError, SyntaxError):
        return


@functools.cache
def _jedi_project(root: str, sys_path: tuple[str, ...]) -> Any:
    """The one jedi project of the tree (one per process)."""
    jedi = importlib.import_module("jedi")
    return jedi.Project(root, added_sys_path=list(sys_path))


def jedi_goto(
    task: tuple[str, tuple[str, ...], str, str, tuple[Position, ...]],
) -> tuple[dict[Position, tuple[Name, ...]], int]:
    """Jedi's names at each position of one file (duplicates dropped), and how many of
    its calls failed (counted as finding nothing). A process pool's task:
    (root, sys_path, path, code, positions)."""
    root, sys_path, path, code, positions = task
    jedi = importlib.import_module("jedi")
    script = jedi.Script(code, path=Path(root, path), project=_jedi_project(root, sys_path))
    found: dict[Position, tuple[Name, ...]] = {}
    failed = 0
    for line, column in positions:
        try:
            names = script.goto(line, column, follow_imports=True)
        except Exception:  # jedi's own errors, on code it cannot infer
            failed += 1
            names = []
        found[line, column] = tuple(sorted({_name(root, name) for name in names}))
    return found, failed


def _name(root: str, name: Any) -> Name:
    module = name.module_path
    if module is None:
        return Name(False, "", name.line or 0, name.column or 0, name.name, name.type)
    try:
        relative = Path(module).resolve().relative_to(root).as_posix()
    except ValueError:
        return Name(False, str(module), name.line or 0, name.column or 0, name.name, name.type)
    return Name(True, relative, name.line or 0, name.column or 0, name.name, name.type)


def default_sys_path(root: Path) -> list[str]:
    """``src`` when the tree keeps its packages there (it is no package itself). Jedi's
    sys.path has the tree's root and the folders between it and the file it reads, so
    tests and examples would not find the ``src`` packages they import, as they would
    once the tree is installed."""
    source = root / "src"
    return ["src"] if source.is_dir() and not (source / "__init__.py").exists() else []


def check_python(
    root: Path, model: RepoModel, refs: References, options: argparse.Namespace
) -> Iterator[str]:
    """The report of our Python links against jedi's."""
    jedi = importlib.import_module("jedi")  # main() says when it is missing
    python = [p for p, f in model.files.items() if f.lexer == "python" and f.codec]
    sampled = spread(python, options.files)
    links = our_links(root, model, refs, sampled)
    by_position = {(link.path, link.line, link.column): link for link in reversed(links)}
    tokens: dict[str, list[tuple[int, int, str, str]]] = {}
    lines_of: dict[str, list[str]] = {}
    tasks = []
    sys_path = tuple(str(root / p) for p in (options.sys_path or default_sys_path(root)))
    for path in sampled:
        code = read_text(str(root), model.files[path])[0]
        tokens[path] = list(identifiers(code))
        lines_of[path] = code.split("\n")
        positions = {(line, column) for line, column, _, _ in tokens[path]}
        positions.update((ln.line, ln.column) for ln in links if ln.path == path)
        tasks.append((str(root), sys_path, path, code, tuple(sorted(positions))))
    started = time.perf_counter()
    jedi_at: dict[tuple[str, int, int], tuple[Name, ...]] = {}
    failed = 0
    with ProcessPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        for task, (found, errors) in zip(tasks, pool.map(jedi_goto, tasks), strict=True):
            failed += errors
            path = task[2]
            jedi_at.update({(path, line, column): names for (line, column), names in found.items()})
    elapsed = time.perf_counter() - started
    checked = sum(len(found) for found in tokens.values())
    yield (
        f"{root}: {len(python):,} Python files, {len(sampled):,} sampled (sorted paths, evenly"
        f" spread); {checked:,} identifier tokens checked by jedi {jedi.__version__}"
        f" in {elapsed:.0f} s ({options.jobs} processes, sys.path + {list(sys_path)})"
    )
    if failed:
        yield f"jedi failed on {failed:,} positions (counted as finding nothing)"

    # Precision: each of our links, where jedi finds one name.
    listed: dict[tuple[str, int], dict[str, Symbol]] = defaultdict(dict)
    kind_of: dict[tuple[str, str], str] = {}
    for path in python:
        extraction = model.extractions.get(path)
        for symbol in extraction.symbols if extraction else ():
            listed[path, symbol.line].setdefault(symbol.name, symbol)
            kind_of.setdefault((path, symbol.qualname), symbol.kind)
    undecided, agree = 0, 0
    wrong: list[tuple[str, str]] = []
    for link in links:
        names = jedi_at.get((link.path, link.line, link.column), ())
        if len(names) != 1:
            undecided += 1
        elif _same(names[0], link.target):
            agree += 1
        else:
            wrong.append(
                (
                    _why_other(names[0], link, listed),
                    f"{_at(link)} {link.text} -> {_target(link.target)} vs jedi {names[0]}",
                )
            )
    decided = agree + len(wrong)
    yield (
        f"precision {_ratio(agree, decided)}  ({agree:,} of {decided:,} links where jedi finds"
        f" one name; of {len(links):,} links, jedi undecided on {undecided:,}: no name or several)"
    )

    # Recall: each token jedi sends to one definition we list.
    modules = set(python)
    expected = []
    kinds: Counter[str] = Counter()
    for path in sampled:
        for line, column, text, before in tokens[path]:
            names = jedi_at.get((path, line, column), ())
            name = names[0] if len(names) == 1 else None
            if before in ("def", "class"):
                # Jedi's goto from an overriding method's name is the method it overrides.
                kinds["a def or class statement's own name"] += 1
            elif name is None:
                kinds["jedi finds no name, or several"] += 1
            elif not name.inside:
                kinds["outside the tree (the standard library, installed packages)"] += 1
            elif name.type == "module" and name.path not in modules:
                kinds["a module we do not read"] += 1
            elif name.type != "module" and name.name not in listed.get((name.path, name.line), {}):
                kinds["not a definition we list (locals, parameters, attributes)"] += 1
            elif (name.path, name.line, name.column) == (path, line, column):
                kinds["the definition's own name"] += 1
            else:
                expected.append((path, line, column, text, name, before == "as"))
    linked, elsewhere = 0, 0
    missed: list[tuple[str, str]] = []
    for path, line, column, text, name, alias in expected:
        ours = by_position.get((path, line, column))
        if ours is not None and _same(name, ours.target):
            linked += 1
            continue
        elsewhere += ours is not None
        before = lines_of[path][line - 1][:column].rstrip()
        note = f" (ours: {_target(ours.target)})" if ours else ""
        missed.append(
            (
                _why_other(name, ours, listed)
                if ours
                else _why_missed(name, before.endswith("."), alias, listed, kind_of),
                f"{path}:{line}:{column} {text} -> {name}{note}",
            )
        )
    yield (
        f"recall    {_ratio(linked, len(expected))}  ({linked:,} of {len(expected):,} tokens"
        f" jedi sends to one definition we list; {len(missed) - elsewhere:,} unlinked,"
        f" {elsewhere:,} linked elsewhere)"
    )
    yield "  tokens not in recall's count (the project links no locals or parameters):"
    for kind, count in kinds.most_common():
        yield f"    {count:>8,}  {kind}"
    yield from _grouped("wrong", wrong, options.misses)
    yield from _grouped("missed", missed, options.misses)


def _at(link: Link) -> str:
    return f"{link.path}:{link.line}:{link.column}"


def _why_other(name: Name, link: Link, listed: dict[tuple[str, int], dict[str, Symbol]]) -> str:
    """Why our *link* goes elsewhere than jedi's *name*, as far as the shapes tell."""
    theirs = listed.get((name.path, name.line), {}).get(name.name)
    if (
        theirs is not None
        and name.path == link.target.path
        and theirs.qualname == link.target.qualname
    ):
        return "ours is another definition of that qualname in the file (@overload, if/else)"
    if not name.inside:
        return "jedi's is outside the tree"
    return "elsewhere"


def _why_missed(
    name: Name,
    dotted: bool,
    alias: bool,
    listed: dict[tuple[str, int], dict[str, Symbol]],
    kind_of: dict[tuple[str, str], str],
) -> str:
    """The shape of a token jedi links and we do not."""
    if alias:
        return "unlinked: a name after as (import x as name)"
    if name.type == "module":
        return "unlinked: a module"
    symbol = listed[name.path, name.line][name.name]
    if kind_of.get((name.path, symbol.qualname.rpartition(".")[0])) in ("function", "method"):
        return "unlinked: a definition inside a function"
    return "unlinked: an attribute (x.name)" if dotted else "unlinked: a bare name"


def _grouped(label: str, items: list[tuple[str, str]], misses: int) -> Iterator[str]:
    """Rows of *items* (shape, text) counted by shape, each with up to *misses* of its
    texts (in the order given)."""
    for shape, count in Counter(shape for shape, _ in items).most_common():
        yield f"  {label} {count:>7,}  {shape}"
        texts = [text for s, text in items if s == shape]
        for text in texts[:misses]:
            yield f"      {text}"
        if len(texts) > misses > 0:
            yield f"      ... {len(texts) - misses:,} more"


def _same(name: Name, target: Target) -> bool:
    """Whether jedi's *name* is our *target*: the same file, and the same line (or, for
    our link to a file, a module)."""
    if not name.inside or name.path != target.path:
        return False
    return name.type == "module" if target.line == 0 else name.line == target.line


# --- C, C++, CUDA and Go, against Universal Ctags -------------------------------------


@dataclass(frozen=True)
class Tag:
    path: str
    line: int
    name: str
    kind: str
    scope_kind: str


def ctags_tags(root: Path, paths: dict[str, str], ctags: str) -> list[Tag]:
    """Every tag, of every kind, ctags finds in *paths* (path -> our lexer), each file
    read by the parser of our reading of it (ctags knows a language by the name only)."""
    tags = []
    by_parser: dict[str, list[str]] = defaultdict(list)
    for path, lexer in paths.items():
        by_parser[CTAGS_READS_AS[lexer]].append(path)
    for parser, files in sorted(by_parser.items()):
        done = subprocess.run(
            [
                ctags,
                f"--language-force={parser}",
                "--output-format=json",
                "--fields=+nKlZ",
                f"--kinds-{parser}=*",
                "-f",
                "-",
                "-L",
                "-",
            ],
            cwd=root,
            input="\n".join(sorted(files)),
            capture_output=True,
            text=True,
            check=False,
        )
        for line in done.stdout.splitlines():
            try:
                tag = json.loads(line)
            except json.JSONDecodeError:
                continue
            if tag.get("_type") == "tag" and "line" in tag:
                tags.append(
                    Tag(
                        tag["path"], tag["line"], tag["name"], tag["kind"], tag.get("scopeKind", "")
                    )
                )
    return tags


def _defines_function(tag: Tag) -> bool:
    """Whether *tag* is a function's definition a bare name can call: C's and C++'s
    ``function`` (not ``prototype``), Go's ``func`` of a package (not a method), Rust's
    ``function`` (not an impl's ``method``), Java's ``method`` (called from its class)."""
    if tag.kind == "func":
        return tag.scope_kind in ("", "package")
    return tag.kind == "function" or (tag.kind == "method" and tag.path.endswith(".java"))


def calls(source: bytes, lexer: str) -> Iterator[tuple[int, int, str]]:
    """(line, column in characters, name) of each ``name(...)`` call in *source*."""
    import tree_sitter

    language = treesitter.grammar_language(lexer)
    if language is None:
        return
    tree = tree_sitter.Parser(language).parse(source)
    query = tree_sitter.Query(language, CALLS.get(lexer, CALL))
    for node in tree_sitter.QueryCursor(query).captures(tree.root_node).get("callee", ()):
        line_start = node.start_byte - node.start_point[1]
        column = len(source[line_start : node.start_byte].decode("utf-8", "surrogatepass"))
        name = source[node.start_byte : node.end_byte].decode("utf-8", "surrogatepass")
        yield node.start_point[0] + 1, column, name


def check_ctags(
    root: Path, model: RepoModel, refs: References, options: argparse.Namespace
) -> Iterator[str]:
    """The report of our C-family, Go, Java or Rust links against Universal Ctags."""
    ctags = shutil.which("ctags")
    if ctags is None:
        raise SystemExit("ctags is missing: apt-get install universal-ctags")
    lexers = LEXERS[options.language]
    paths = {p: f.lexer for p, f in model.files.items() if f.lexer in lexers and f.codec}
    links = our_links(root, model, refs, paths)
    # Targets in files of another reading (a header read as C++ from a C file) are read too.
    read = dict(paths)
    read.update(
        {
            link.target.path: model.files[link.target.path].lexer
            for link in links
            if link.target.path not in read
            and model.files[link.target.path].lexer in CTAGS_READS_AS
        }
    )
    started = time.perf_counter()
    tags = ctags_tags(root, read, ctags)
    version = subprocess.run(
        [ctags, "--version"], capture_output=True, text=True, check=False
    ).stdout.partition(",")[0]
    names_at: dict[tuple[str, int], set[str]] = defaultdict(set)
    for tag in tags:
        names_at[tag.path, tag.line].update((tag.name, tag.name.rpartition("::")[2]))
    preprocessed = [p for p, lexer in read.items() if lexer in ("c", "cpp", "cuda")]
    unread = later_branches(root, preprocessed)
    yield (
        f"{root}: {len(paths):,} files ({', '.join(lexers)}); {len(tags):,} tags by"
        f" {version} ({time.perf_counter() - started:.1f} s)"
    )

    defined: dict[str, list[Tag]] = defaultdict(list)
    for tag in tags:
        if tag.path in paths and _defines_function(tag):
            defined[tag.name].append(tag)
    prototypes = {(t.path, t.line, t.name) for t in tags if t.kind == "prototype"}

    # Precision: ctags tags the link's text on the target's line (in Go, not only as a
    # method when the link is a bare name, which cannot name one: ``append(x, y)``).
    methods = {(t.path, t.line, t.name) for t in tags if t.kind == "func"} - {
        (t.path, t.line, t.name) for t in tags if t.kind != "func" or _defines_function(t)
    }
    # A TypeScript overload: we link the body, ctags tags the first signature.
    signatures = _signature_lines(model, read)
    agree, unscored, files, declared_only, overloaded = 0, 0, 0, 0, 0
    wrong: list[tuple[str, str]] = []
    for link in links:
        tagged = names_at.get((link.target.path, link.target.line), set())
        if not link.target.line:
            files += 1
        elif link.target.path not in read:
            unscored += 1
        elif link.text not in tagged and _tagged_signature(link, signatures, names_at):
            agree += 1
            overloaded += 1
        elif link.text in tagged:
            at = (link.target.path, link.target.line, link.text)
            if link.dotted or at not in methods:
                agree += 1
                declared_only += at in prototypes and len(defined.get(link.text, ())) == 1
            else:
                shape = "a bare name linked to a method, which it cannot name"
                wrong.append((shape, f"{_at(link)} {link.text} -> {_target(link.target)}"))
        elif (link.target.path, link.target.line) in unread:
            unscored += 1
        else:
            wrong.append(
                (
                    "ctags tags no such name on the target's line",
                    f"{_at(link)} {link.text} -> {_target(link.target)};"
                    f" ctags there: {', '.join(sorted(tagged)) or 'nothing'}",
                )
            )
    scored = agree + len(wrong)
    yield (
        f"precision {_ratio(agree, scored)}  ({agree:,} of {scored:,} links; of {len(links):,},"
        f" {files:,} to files and {unscored:,} to lines ctags does not read are not scored)"
    )
    if overloaded:
        yield (
            f"  of those agreeing, {overloaded:,} go to the body of an overloaded function"
            " whose first signature ctags tags"
        )
    if declared_only:
        yield (
            f"  of those agreeing, {declared_only:,} go to a prototype of a function ctags finds"
            " defined once (the recall below counts them as linked elsewhere)"
        )

    # Recall: calls to functions that ctags finds defined once in the tree.
    by_position = {(link.path, link.line, link.column): link for link in reversed(links)}
    sites = unique = declared = 0
    expected = []
    for path, lexer in sorted(paths.items()):
        source = read_text(str(root), model.files[path])[0].encode("utf-8", "surrogatepass")
        for line, column, name in calls(source, lexer):
            sites += 1
            definitions = defined.get(name, [])
            if len(definitions) != 1:
                continue
            unique += 1
            if name in names_at.get((path, line), ()):
                # The definition's own line, or a declaration the grammar reads as a
                # call (``class EXPORT X {`` makes the constructor's ``X();`` one).
                declared += 1
            else:
                expected.append((path, line, column, name, definitions[0]))
    kinds_at: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for tag in tags:
        kinds_at[tag.path, tag.line, tag.name.rpartition("::")[2]].add(tag.kind)
    linked, elsewhere = 0, 0
    missed: list[tuple[str, str]] = []
    for path, line, column, name, tag in sorted(expected, key=_call_key):
        ours = by_position.get((path, line, column))
        if ours is not None and (
            (ours.target.path, ours.target.line) == (tag.path, tag.line)
            or tag.line in signatures.get((ours.target.path, ours.target.qualname), ())
        ):
            linked += 1
            continue
        text = f"{path}:{line}:{column} {name} -> {tag.path}:{tag.line} {tag.kind}"
        if ours is not None:
            elsewhere += 1
            there = kinds_at.get((ours.target.path, ours.target.line, name), set())
            shape = f"linked to a {'/'.join(sorted(there))}" if there else "linked elsewhere"
            missed.append((shape, f"{text} (ours: {_target(ours.target)})"))
        elif (path, line) in unread:
            missed.append(("unlinked, in an #if branch after the first", text))
        else:
            missed.append(("unlinked", text))
    yield (
        f"recall    {_ratio(linked, len(expected))}  ({linked:,} of {len(expected):,} calls to"
        f" uniquely defined functions; {len(missed) - elsewhere:,} unlinked, {elsewhere:,}"
        f" linked elsewhere; of {sites:,} calls of a bare name, {unique:,} to a name ctags"
        f" defines once, {declared:,} of them on a line where ctags tags that name)"
    )
    yield from _grouped("wrong", wrong, options.misses)
    yield from _grouped("missed", missed, options.misses)


def _signature_lines(model: RepoModel, paths: Iterable[str]) -> dict[tuple[str, str], set[int]]:
    """(path, qualname) -> the lines of its overload signatures (TypeScript's)."""
    found: dict[tuple[str, str], set[int]] = defaultdict(set)
    for path in paths:
        extraction = model.extractions.get(path)
        for symbol in extraction.symbols if extraction is not None else ():
            if symbol.detail == "declaration":
                found[path, symbol.qualname].add(symbol.line)
    return found


def _tagged_signature(
    link: Link,
    signatures: dict[tuple[str, str], set[int]],
    names_at: dict[tuple[str, int], set[str]],
) -> bool:
    lines = signatures.get((link.target.path, link.target.qualname), ())
    return any(link.text in names_at.get((link.target.path, line), ()) for line in lines)


def _call_key(item: tuple[str, int, int, str, Tag]) -> tuple[str, int, int]:
    return item[0], item[1], item[2]


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.links")
    parser.add_argument("tree", type=Path)
    parser.add_argument("--language", choices=sorted(LEXERS), default="python")
    parser.add_argument(
        "--ctags", action="store_true", help="JavaScript, TypeScript: also against ctags"
    )
    parser.add_argument("--misses", type=int, default=0, help="disagreements listed per kind")
    parser.add_argument("--files", type=int, default=60, help="Python files jedi reads (0: all)")
    parser.add_argument("--jobs", type=int, default=2, help="jedi's processes")
    parser.add_argument(
        "--sys-path",
        action="append",
        help="a folder of TREE jedi imports from (repeatable; default: src, when a layout)",
    )
    options = parser.parse_args(argv)
    root = options.tree.resolve()
    if options.language == "python":
        try:
            importlib.import_module("jedi")
        except ImportError:
            parser.error("jedi is not installed: pip install jedi (this benchmark's dependency)")
    started = time.perf_counter()
    model = build_model(str(root), scan(ScanSettings(root=root)), jobs=2)
    refs = resolve_references(model, build_graph(model))
    print(f"model and links built in {time.perf_counter() - started:.1f} s")
    if options.language in ("javascript", "typescript"):
        lexers = LEXERS[options.language]
        lines = check_typescript(root, model, refs, lexers, options.misses)
        if options.ctags:
            lines = itertools.chain(check_ctags(root, model, refs, options), lines)
    elif options.language == "python":
        lines = check_python(root, model, refs, options)
    else:
        lines = check_ctags(root, model, refs, options)
    for line in lines:
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
