"""``python -m benchmarks.definitions TREE``: our definitions against independent ones.

Builds the model of TREE (the scan and extraction a site build runs) and compares the
names each file defines, per language and kind, with Universal Ctags (``ctags``, when
installed; the script says when it is not) and, for Python, with the standard
library's ``ast``. Prints precision and recall per language and kind, and the first
misses and extras of each language. A check, not a test: it asserts nothing.

A definition is (file, name, line, kind family); the families are what both sides can
name: ``callable`` (functions, methods, prototypes), ``type`` (classes, structs,
unions, enums, typedefs, aliases, traits, interfaces), ``namespace`` (namespaces,
modules, packages) and ``macro``. Fields, variables, enumerators and local names are
left out on both sides.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sphinx_repodocs.core.extract.base import Symbol
from sphinx_repodocs.core.extract.c_macros import first_branches
from sphinx_repodocs.core.header_languages import with_header_languages
from sphinx_repodocs.core.model import RepoModel
from sphinx_repodocs.core.read import build_model
from sphinx_repodocs.core.scan import ScanSettings, scan

#: Our lexer -> the language a row of the report names.
LANGUAGES = {
    "c": "C",
    "cpp": "C++",
    "cuda": "CUDA",
    "javascript": "JavaScript",
    "jsx": "JavaScript",
    "typescript": "TypeScript",
    "tsx": "TypeScript",
    "go": "Go",
    "rust": "Rust",
    "java": "Java",
    "bash": "Shell",
    "python": "Python",
}

_C_KINDS = {
    "enumerator": "enumerator",
    "function": "callable",
    "prototype": "callable",
    "class": "type",
    "struct": "type",
    "union": "type",
    "enum": "type",
    "typedef": "type",
    "alias": "type",
    "namespace": "namespace",
    "macro": "macro",
}
#: ctags' kind (long name) -> family, per ctags language; other kinds are left out.
CTAGS_KINDS: dict[str, dict[str, str]] = {
    "Sh": {"function": "callable"},
    "C": _C_KINDS,
    "C++": _C_KINDS,
    "CUDA": _C_KINDS,
    "Go": {
        "const": "constant",
        "func": "callable",
        "type": "type",
        "struct": "type",
        "interface": "type",
        "talias": "type",
    },
    "Rust": {
        "function": "callable",
        "method": "callable",
        "struct": "type",
        "enum": "type",
        "union": "type",
        "typedef": "type",
        "interface": "type",
        "module": "namespace",
        "macro": "macro",
    },
    "Java": {
        "class": "type",
        "interface": "type",
        "enum": "type",
        "annotation": "type",
        "record": "type",
        "method": "callable",
        "package": "namespace",
    },
    "JavaScript": {
        "function": "callable",
        "generator": "callable",
        "method": "callable",
        "getter": "callable",
        "setter": "callable",
        "class": "type",
    },
    "TypeScript": {
        "function": "callable",
        "method": "callable",
        "class": "type",
        "interface": "type",
        "enum": "type",
        "alias": "type",
        "namespace": "namespace",
    },
}
_OUR_FAMILIES = {
    "function": "callable",
    "method": "callable",
    "class": "type",
    "namespace": "namespace",
    "macro": "macro",
}


def normalised(name: str) -> str:
    """One spelling for what the two sides spell apart (reference artefacts): ctags'
    ``operator ()`` and ``__anon…`` names are our ``operator()`` and ``(anonymous)``."""
    if name.startswith("__anon"):
        return "(anonymous)"
    if name.startswith("operator"):
        return "".join(name.split())
    return name


@dataclass(frozen=True, order=True)
class Definition:
    path: str
    line: int
    name: str
    family: str


def ours(model: RepoModel, languages: set[str]) -> dict[str, set[Definition]]:
    """Our definitions, by language."""
    found: dict[str, set[Definition]] = defaultdict(set)
    for path, extraction in model.extractions.items():
        language = LANGUAGES.get(model.files[path].lexer)
        if language not in languages:
            continue
        for symbol in extraction.symbols:
            family = _family(symbol, model.files[path].lexer)
            if family:
                found[language].add(Definition(path, symbol.line, normalised(symbol.name), family))
    return found


#: Our details of Java methods in bodies ctags does not read.
_JAVA_BODIES_CTAGS_SKIPS = frozenset({"in an anonymous class", "in an enum constant's body"})


def java_artefacts(
    model: RepoModel, mine: set[Definition], theirs: set[Definition]
) -> tuple[set[Definition], set[Definition]]:
    """Java's definitions less two reference artefacts of ctags: it reads an enum
    constant with a body, and a record, as a method of that name at that line (we
    have the constant or the record there), and it does not read the methods of an
    anonymous class or of an enum constant's body (ours, with those details)."""
    ours_at = {(d.path, d.line, d.name): d for d in mine if d.family in ("enumerator", "type")}
    misread = {d for d in theirs if d.family == "callable" and (d.path, d.line, d.name) in ours_at}
    # A record is a type by both readings; an enum constant, not compared.
    theirs = (theirs - misread) | {
        ours_at[key] for d in misread if ours_at[key := (d.path, d.line, d.name)].family == "type"
    }
    skipped = {
        (path, symbol.line, normalised(symbol.name))
        for path, extraction in model.extractions.items()
        if model.files[path].lexer == "java"
        for symbol in extraction.symbols
        if symbol.detail in _JAVA_BODIES_CTAGS_SKIPS
    }
    mine = {d for d in mine if d in theirs or (d.path, d.line, d.name) not in skipped}
    return mine, theirs


def _family(symbol: Symbol, lexer: str) -> str:
    if symbol.kind == "constant":
        # Enumerators, and Go's and Rust's constants; ctags calls C++'s constant
        # objects variables, which neither side compares.
        if symbol.detail == "enumerator":
            return "enumerator"
        return "constant" if lexer in ("go", "rust") else ""
    return _OUR_FAMILIES.get(symbol.kind, "")


def macro_calls(model: RepoModel) -> set[str]:
    """Names of the repository's macros: ctags takes ``TEST_F(A, b) {`` or
    ``int x_ GUARDED_BY(mu_);`` for definitions of them (a reference artefact)."""
    return {
        symbol.name
        for extraction in model.extractions.values()
        for symbol in extraction.symbols
        if symbol.kind == "macro"
    }


def later_branches(root: Path, paths: Iterable[str]) -> set[tuple[str, int]]:
    """The (path, line) of every line in a branch ctags does not read: it reads the
    first branch of each ``#if`` (the ``#else`` of ``#if 0``), we read them all, so
    what we find in the others is no error of ours (a reference artefact)."""
    lines: set[tuple[str, int]] = set()
    for path in paths:
        source = (root / path).read_bytes()
        blanked, changed = first_branches(source)
        for start, end in changed:
            if blanked[start:end].strip() or not source[start:end].strip():
                continue
            first = source.count(b"\n", 0, start) + 1
            last = first + source.count(b"\n", start, end)
            lines.update((path, line) for line in range(first, last + 1))
    return lines


def _looks_like_a_macro_call(name: str, macros: set[str], repeated: bool) -> bool:
    return name in macros or (repeated and name.isupper() and len(name) > 2)


_C_FAMILY = frozenset({"C", "C++", "CUDA"})
#: A shell function's name (zsh and bash allow ``-``, ``.`` and ``:``).
_SHELL_NAME = re.compile(r"^[A-Za-z_][\w:.-]*$")

#: Our language -> the ctags parser that reads it best.
_CTAGS_READS_AS = {"CUDA": "C++", "Shell": "Sh"}


def ctags_definitions(
    root: Path, paths: dict[str, str], ctags: str, macros: set[str]
) -> tuple[dict[str, set[Definition]], set[tuple[str, int, str]]]:
    """ctags' definitions of *paths* (path -> our language), by our language; and the
    (path, line, name) of the functions it found that may be macros' calls, which are
    not scored on either side (``#define yyrestart jq_yyrestart`` renames a real one)."""
    command = [
        ctags,
        "--output-format=json",
        "--fields=+nKl",
        "--excmd=pattern",
        "--kinds-C=+p",
        "--kinds-C++=+p",
        "--kinds-CUDA=+p",
        "-f",
        "-",
        "-L",
        "-",
    ]
    output: list[str] = []
    for language in sorted(set(paths.values())):
        # The C family read as the language we read it as: ctags knows a file's language
        # by its name only, and reads nothing in ``c++/12/vector`` (no suffix) or
        # reads a C header as C++ (a reference artefact of naming, not of the names).
        # CUDA is read by ctags' C++ parser: its CUDA parser misses templates, aliases
        # and kernels that the C++ one reads (ggml's ``src/ggml-cuda``: 1,446
        # definitions against 1,870).
        forced = (
            [f"--language-force={_CTAGS_READS_AS.get(language, language)}"]
            if language in ("C", "C++", "CUDA", "Shell")
            else []
        )
        done = subprocess.run(
            [*command[:1], *forced, *command[1:]],
            cwd=root,
            input="\n".join(sorted(p for p, lang in paths.items() if lang == language)),
            capture_output=True,
            text=True,
            check=False,
        )
        output.extend(done.stdout.splitlines())
    found: dict[str, set[Definition]] = defaultdict(set)
    tags = []
    for line in output:
        try:
            tags.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    uses = Counter((tag.get("path"), tag.get("name")) for tag in tags)
    unscored: set[tuple[str, int, str]] = set()
    for tag in tags:
        path = tag.get("path", "")
        repeated = uses[path, tag.get("name")] > 1
        if tag.get("kind") in ("function", "prototype") and _looks_like_a_macro_call(
            tag["name"], macros, repeated
        ):
            unscored.add((path, tag.get("line", 0), normalised(tag["name"].rpartition("::")[2])))
            continue
        family = CTAGS_KINDS.get(tag.get("language", ""), {}).get(tag.get("kind", ""))
        if tag.get("language") == "Sh" and not _SHELL_NAME.match(tag["name"]):
            continue  # ctags' Sh reads ``args=()`` and ``]]`` as functions
        # Names ctags makes up for unnamed types and functions are no names; its
        # JavaScript "classes" include object literals (``var users = {...}``).
        anonymous = (tag["name"].startswith("__anon") and family != "namespace") or tag[
            "name"
        ].startswith("AnonymousFunction")
        # ctags' TypeScript calls an imported name (``import {type X}``) a definition.
        if tag.get("language") == "TypeScript" and tag.get("pattern", "").startswith("/^import"):
            continue
        if tag.get("language") == "JavaScript" and tag.get("kind") == "class":
            pattern = tag.get("pattern", "")
            if "function" in pattern and "class" not in pattern:
                family = "callable"  # a constructor function, which ctags calls a class
            else:
                anonymous = anonymous or "class" not in pattern
        if path in paths and family and "line" in tag and not anonymous:
            name = normalised(tag["name"].rpartition("::")[2])
            found[paths[path]].add(Definition(path, tag["line"], name, family))
    return found, unscored


_TAGS_FAMILIES = {
    "function": "callable",
    "method": "callable",
    "class": "type",
    "interface": "type",
    "type": "type",
    "module": "namespace",
    "macro": "macro",
}


#: Grammars whose tags queries are meant to run with another's.
_TAGS_INHERIT = {"tree_sitter_typescript": ("tree_sitter_javascript",)}


def tags_definitions(
    root: Path, model: RepoModel, languages: set[str]
) -> dict[str, set[Definition]]:
    """What each grammar's own ``queries/tags.scm`` (shipped in its wheel, written by
    the grammar's authors) calls a definition: a second, independent reference."""
    from importlib import resources

    import tree_sitter

    from sphinx_repodocs.core.extract import treesitter

    queries: dict[str, tree_sitter.Query | None] = {}
    found: dict[str, set[Definition]] = defaultdict(set)
    for path, file in model.files.items():
        language = LANGUAGES.get(file.lexer)
        if language not in languages or file.lexer not in treesitter.GRAMMARS:
            continue
        if file.lexer not in queries:
            module = treesitter.GRAMMARS[file.lexer][0]
            language_pointer = treesitter.grammar_language(file.lexer)
            try:
                text = resources.files(module).joinpath("queries", "tags.scm").read_text()
                for base in _TAGS_INHERIT.get(module, ()):
                    # TypeScript's tags extend JavaScript's, as its grammar declares.
                    text += resources.files(base).joinpath("queries", "tags.scm").read_text()
                queries[file.lexer] = (
                    tree_sitter.Query(language_pointer, text) if language_pointer else None
                )
            except (OSError, ImportError, ValueError, TypeError):
                queries[file.lexer] = None
        query, parser = queries[file.lexer], treesitter._parser(file.lexer)
        if query is None or parser is None:
            continue
        source = (root / path).read_bytes()
        tree = parser.parse(source)
        for _pattern, captures in tree_sitter.QueryCursor(query).matches(tree.root_node):
            kinds = [
                name.removeprefix("definition.")
                for name in captures
                if name.startswith("definition.")
            ]
            family = _TAGS_FAMILIES.get(kinds[0], "") if kinds else ""
            for node in captures.get("name", ()) if family else ():
                name = normalised(
                    source[node.start_byte : node.end_byte].decode("utf-8", "replace")
                )
                found[language].add(Definition(path, node.start_point[0] + 1, name, family))
    return found


#: Our definitions (by language, kind and detail) that a grammar's tags query names
#: by no pattern: TypeScript's ``type X =`` aliases; Rust's trait method signatures
#: (``fn len(&self) -> usize;``) and associated types (``type Captures: Captures;``).
_TAGS_HAVE_NO_PATTERN = {
    "TypeScript": {("class", "type")},
    "Rust": {("function", "declaration"), ("method", "declaration"), ("class", "associated type")},
}


def tags_scored(
    model: RepoModel, language: str, mine: set[Definition], theirs: set[Definition]
) -> set[Definition]:
    """Ours less what the grammar's tags query names by no pattern (see
    ``_TAGS_HAVE_NO_PATTERN``), and in JavaScript and TypeScript constructors
    (excluded by a predicate) and private ``#methods`` (public names only)."""
    shapes = _TAGS_HAVE_NO_PATTERN.get(language, set())
    unnamed = {
        (path, symbol.line, normalised(symbol.name))
        for path, extraction in model.extractions.items()
        if LANGUAGES.get(model.files[path].lexer) == language
        for symbol in extraction.symbols
        if (symbol.kind, symbol.detail) in shapes
    }
    script = language in ("JavaScript", "TypeScript")
    return {
        d
        for d in mine
        if d in theirs
        or not (
            (d.path, d.line, d.name) in unnamed
            or (script and (d.name == "constructor" or d.name.startswith("#")))
        )
    }


def ast_definitions(root: Path, paths: Iterable[str]) -> set[Definition]:
    """Python's own view: every class and function, at its ``def``/``class`` line."""
    found = set()
    for path in paths:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse((root / path).read_bytes())
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                family = "type" if isinstance(node, ast.ClassDef) else "callable"
                found.add(Definition(path, _def_line(node), node.name, family))
    return found


def _def_line(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> int:
    return node.lineno


def report(name: str, mine: set[Definition], theirs: set[Definition], misses: int) -> Iterator[str]:
    """Precision and recall over the families the reference names (a family only we
    list, such as constants where ctags has no kind for them, is shown, not scored)."""
    compared = {d.family for d in theirs}
    scored = {d for d in mine if d.family in compared}
    yield _row(name, "all", len(scored), len(theirs), len(scored & theirs))
    for family in sorted({d.family for d in mine | theirs}):
        a = {d for d in mine if d.family == family}
        b = {d for d in theirs if d.family == family}
        if family in compared:
            yield _row("", family, len(a), len(b), len(a & b))
        else:
            yield f"{'':<11} {family:<10} ours {len(a):>7,}  (the reference names none)"
    for label, items in (("missed", theirs - mine), ("extra", scored - theirs)):
        listed = sorted(items)
        for item in listed[:misses]:
            yield f"    {label}: {item.path}:{item.line} {item.name} ({item.family})"
        if len(listed) > misses:
            yield f"    {label}: ... {len(listed) - misses} more"


def _row(language: str, family: str, ours_count: int, reference: int, matched: int) -> str:
    precision = matched / ours_count if ours_count else 1.0
    recall = matched / reference if reference else 1.0
    return (
        f"{language:<11} {family:<10} ours {ours_count:>7,}  reference {reference:>7,}"
        f"  matched {matched:>7,}  precision {precision:.3f}  recall {recall:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.definitions")
    parser.add_argument("tree", type=Path)
    parser.add_argument("--misses", type=int, default=15, help="misses listed per language")
    parser.add_argument(
        "--languages", default=",".join(sorted(set(LANGUAGES.values()))), help="comma list"
    )
    options = parser.parse_args(argv)
    root = options.tree.resolve()
    languages = set(options.languages.split(","))
    model = build_model(str(root), scan(ScanSettings(root=root)))
    with_header_languages(model)  # as a build reads the headers only C++ includes
    mine = ours(model, languages)
    kinds = Counter(LANGUAGES.get(f.lexer) for f in model.files.values())
    print(f"{root}: " + ", ".join(f"{kinds[n]:,} {n}" for n in sorted(languages) if kinds[n]))
    paths = {
        path: LANGUAGES[f.lexer]
        for path, f in model.files.items()
        if LANGUAGES.get(f.lexer) in languages - {"Python"}
    }
    ctags = shutil.which("ctags")
    reference: dict[str, set[Definition]] = {}
    unscored: set[tuple[str, int, str]] = set()
    if ctags is None:
        print("ctags is missing (apt-get install universal-ctags): only Python is checked")
    elif paths:
        reference, unscored = ctags_definitions(root, paths, ctags, macro_calls(model))
    if "Python" in languages:
        python = [p for p, f in model.files.items() if f.lexer == "python"]
        reference["Python"] = ast_definitions(root, python)
    unread = later_branches(root, [p for p, lang in paths.items() if lang in _C_FAMILY])
    print("Against Universal Ctags (and Python's ast):")
    for language in sorted(reference):
        theirs = reference[language]
        scored = {
            d
            for d in mine.get(language, set())
            if (d.family != "callable" or (d.path, d.line, d.name) not in unscored)
            and (d in theirs or (d.path, d.line) not in unread)
        }
        if language == "Java":
            scored, theirs = java_artefacts(model, scored, theirs)
        if skipped := len(mine.get(language, set())) - len(scored):
            print(
                f"{language}: {skipped:,} of ours not scored (in an #if branch ctags does"
                " not read, a macro's call, or a Java body it does not read)"
            )
        if changed := len(reference[language] - theirs):
            print(f"{language}: {changed:,} of the reference's read otherwise (its artefacts)")
        for line in report(language, scored, theirs, options.misses):
            print(line)
    tags = tags_definitions(root, model, languages - {"Python"})
    if tags:
        print("Against each grammar's own queries/tags.scm:")
    for language in sorted(tags):
        scored = tags_scored(model, language, mine.get(language, set()), tags[language])
        if skipped := len(mine.get(language, set())) - len(scored):
            print(f"{language}: {skipped:,} of ours that the query names nowhere, not scored")
        for line in report(language, scored, tags[language], options.misses):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
