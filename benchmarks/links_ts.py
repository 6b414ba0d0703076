"""Our JavaScript and TypeScript links against TypeScript's own language service.

``benchmarks/ts_definitions.js`` (Node, with the ``typescript`` package that
``REPODOCS_TYPESCRIPT`` or Node's resolution finds) answers "where is this defined" for
every position asked, as an editor's go-to-definition does. Precision: links whose
target line is one TypeScript gives for that position (or the body of the overload
signature it gives). Recall: identifier tokens that TypeScript resolves into one file
of the repository, only to lines where we list a definition of that name (each
overload signature and the body count as one; a value whose declarations are an
interface we list and a ``const`` we do not is left out), that we link there. Not a
test.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sphinx_repodocs.core.extract import treesitter
from sphinx_repodocs.core.model import RepoModel
from sphinx_repodocs.core.read import read_text
from sphinx_repodocs.core.references import References

#: TypeScript's kinds of what we never list: a parameter on a method's line is not it.
_NOT_DEFINITIONS = frozenset({"parameter", "type parameter", "alias"})
_SCRIPT = Path(__file__).with_name("ts_definitions.js")
_TOKENS = "[(identifier) (property_identifier)] @name"
_TS_TOKENS = "[(identifier) (type_identifier) (property_identifier)] @name"


def identifiers(source: bytes, lexer: str, names: set[str]) -> Iterator[tuple[int, int, str, bool]]:
    """(line, column in characters, text, whether a property: ``x.name``) of each
    identifier token named in *names*."""
    import tree_sitter

    language = treesitter.grammar_language(lexer)
    if language is None:
        return
    tree = tree_sitter.Parser(language).parse(source)
    query = tree_sitter.Query(language, _TS_TOKENS if lexer in ("typescript", "tsx") else _TOKENS)
    for node in tree_sitter.QueryCursor(query).captures(tree.root_node).get("name", ()):
        name = source[node.start_byte : node.end_byte].decode("utf-8", "surrogatepass")
        if name in names:
            line_start = node.start_byte - node.start_point[1]
            column = len(source[line_start : node.start_byte].decode("utf-8", "surrogatepass"))
            yield node.start_point[0] + 1, column, name, node.type == "property_identifier"


def ask_typescript(root: Path, files: list[str], asks: list[tuple[str, int, int]]) -> list[Any]:
    node = shutil.which("node")
    if node is None:
        raise SystemExit("node is missing: TypeScript's reference needs Node.js")
    done = subprocess.run(
        [node, str(_SCRIPT)],
        input=json.dumps({"root": str(root), "files": files, "asks": asks}),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"ts_definitions.js failed:\n{done.stderr[-2000:]}")
    answers: list[Any] = json.loads(done.stdout)
    return answers


def check_typescript(
    root: Path, model: RepoModel, refs: References, lexers: tuple[str, ...], misses: int
) -> Iterator[str]:
    from .links import _grouped, _ratio, _signature_lines, _target, our_links

    paths = sorted(p for p, f in model.files.items() if f.lexer in lexers and f.codec)
    links = our_links(root, model, refs, paths)
    defined: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for path in paths:
        for symbol in model.extractions[path].symbols if path in model.extractions else ():
            defined[symbol.name].add((path, symbol.line))
    tokens = []
    for path in paths:
        source = read_text(str(root), model.files[path])[0].encode("utf-8", "surrogatepass")
        tokens += [
            (path, line, column, name, member)
            for line, column, name, member in identifiers(
                source, model.files[path].lexer, set(defined)
            )
        ]
    asks = sorted(
        {(t[0], t[1], t[2]) for t in tokens} | {(k.path, k.line, k.column) for k in links}
    )
    answers = dict(zip(asks, ask_typescript(root, paths, asks), strict=True))
    yield f"{root}: {len(paths):,} files ({', '.join(lexers)}); {len(asks):,} positions asked"

    signatures = _signature_lines(model, paths)
    agree, unanswered, overloaded, aliased = 0, 0, 0, 0
    wrong: list[tuple[str, str]] = []
    for link in links:
        answer = answers.get((link.path, link.line, link.column))
        if answer is None:
            unanswered += 1
            continue
        lines = {n for p, n, _ in answer if p == link.target.path}
        if link.target.line in lines:
            agree += 1
            continue
        if lines & signatures.get((link.target.path, link.target.qualname), set()):
            agree += 1  # TypeScript picks the overload signature; we link the body
            overloaded += 1
            continue
        if answer and all(kind == "alias" for _, _, kind in answer):
            aliased += 1  # TypeScript stops at the import ({replacer} in an object)
            continue
        theirs = ", ".join(f"{p}:{n}" for p, n, _ in answer) or "nothing in the repository"
        shape = "TypeScript goes elsewhere" if answer else "TypeScript finds no definition here"
        wrong.append(
            (
                shape,
                f"{link.path}:{link.line}:{link.column} {link.text} ->"
                f" {_target(link.target)}; TypeScript: {theirs}",
            )
        )
    scored = agree + len(wrong)
    yield (
        f"precision {_ratio(agree, scored)}  ({agree:,} of {scored:,} links; not scored:"
        f" {unanswered:,} TypeScript could not answer, {aliased:,} where it stops at an"
        f" import)"
    )
    if overloaded:
        yield f"  of those agreeing, {overloaded:,} go to the body of the overload TypeScript picks"

    by_position = {(k.path, k.line, k.column): k for k in links}
    expected = linked = 0
    members = Counter[bool]()
    missed: list[tuple[str, str]] = []
    for path, line, column, name, member in tokens:
        answer = answers.get((path, line, column)) or []
        places = {(p, n) for p, n, kind in answer if kind not in _NOT_DEFINITIONS}
        ours = places & defined[name]
        if not ours or ours != places or len({p for p, _ in places}) != 1 or (path, line) in places:
            continue  # not (only) definitions we list; in several files; its own line
        expected += 1
        members[False] += member
        at = by_position.get((path, line, column))
        overloads = signatures.get((at.target.path, at.target.qualname), set()) if at else ()
        if at is not None and (
            (at.target.path, at.target.line) in places
            or any((at.target.path, n) in places for n in overloads)
        ):
            linked += 1
            members[True] += member
            continue
        there = ", ".join(f"{p}:{n}" for p, n in sorted(ours))
        shape = "linked elsewhere" if at is not None else "unlinked"
        missed.append((shape, f"{path}:{line}:{column} {name} -> {there}"))
    yield (
        f"recall    {_ratio(linked, expected)}  ({linked:,} of {expected:,} identifiers"
        " TypeScript resolves to one repository definition we list; of them, properties"
        f" (x.name, which needs x's type): {members[True]:,} of {members[False]:,};"
        f" the rest: {_ratio(linked - members[True], expected - members[False])})"
    )
    yield from _grouped("wrong", wrong, misses)
    yield from _grouped("missed", missed, misses)
