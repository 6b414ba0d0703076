"""Where C and C++ includes are found: the include roots of the repository's own tree,
and the ``-I`` folders of a ``compile_commands.json``. Pure: the JSON is data."""

from __future__ import annotations

import json
import os
import posixpath
import shlex
from collections import Counter, defaultdict
from collections.abc import Iterable

from .model import RepoModel

#: A folder is an include root when at least this many different headers the
#: repository includes resolve under it (one could be a coincidence of names).
INCLUDE_ROOT_MIN_HEADERS = 2


def files_by_name(model: RepoModel) -> dict[str, list[str]]:
    """Each file name of the repository -> the paths of the files so named."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for path in model.files:
        by_name[posixpath.basename(path)].append(path)
    return by_name


def include_roots(
    model: RepoModel, lexers: frozenset[str], by_name: dict[str, list[str]] | None = None
) -> tuple[str, ...]:
    """Folders that the repository's ``#include <a/b.h>`` and ``"a/b.h"`` resolve
    under, most headers first: the ``-I`` folders its build must pass."""
    by_name = files_by_name(model) if by_name is None else by_name
    headers_under: dict[str, set[str]] = defaultdict(set)
    for path, extraction in model.extractions.items():
        if model.files[path].lexer not in lexers:
            continue
        for statement in extraction.imports:
            header = posixpath.normpath(statement.module.strip('"<>'))
            if header.startswith(("../", "/")) or header == ".":
                continue
            for candidate in by_name.get(posixpath.basename(header), ()):
                if candidate == header:
                    headers_under[""].add(header)
                elif candidate.endswith("/" + header):
                    headers_under[candidate[: -len(header) - 1]].add(header)
    found = [
        (len(headers), root)
        for root, headers in headers_under.items()
        if len(headers) >= INCLUDE_ROOT_MIN_HEADERS
    ]
    return tuple(root for _, root in sorted(found, key=lambda pair: (-pair[0], pair[1])))


#: compile_commands.json is read only up to this size.
COMPILE_COMMANDS_MAX_BYTES = 32 * 1024 * 1024
_INCLUDE_FLAGS = ("-I", "-isystem", "-iquote", "/I")


def compile_command_includes(model: RepoModel) -> tuple[str, ...]:
    """The repository's folders that the ``-I`` flags of a ``compile_commands.json``
    at its top name, most used first. The file is data: read as JSON, nothing run."""
    file = model.files.get("compile_commands.json")
    if file is None or (file.kind != "text" and not file.link_target):
        return ()  # a link out of the repository is not followed
    inside = file.link_target or file.path
    path = os.path.join(model.root, *inside.split("/"))
    try:
        if os.path.getsize(path) > COMPILE_COMMANDS_MAX_BYTES:
            return ()
        with open(path, "rb") as handle:
            entries = json.loads(handle.read())
    except (OSError, ValueError, RecursionError):
        return ()
    top = os.path.realpath(model.root)
    used: Counter[str] = Counter()
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, dict) or not isinstance(entry.get("directory", ""), str):
            continue
        for folder in _include_flags(entry):
            absolute = os.path.realpath(os.path.join(top, entry.get("directory", ""), folder))
            relative = os.path.relpath(absolute, top).replace(os.sep, "/")
            relative = "" if relative == "." else relative
            if not relative.startswith("..") and relative in model.folders:
                used[relative] += 1
    return tuple(folder for folder, _ in sorted(used.items(), key=lambda kv: (-kv[1], kv[0])))


def _include_flags(entry: dict[str, object]) -> Iterable[str]:
    arguments = entry.get("arguments")
    if not isinstance(arguments, list):
        command = entry.get("command")
        try:
            arguments = shlex.split(command) if isinstance(command, str) else []
        except ValueError:
            return
    words = [word for word in arguments if isinstance(word, str)]
    for index, word in enumerate(words):
        for flag in _INCLUDE_FLAGS:
            if word == flag and index + 1 < len(words):
                yield words[index + 1]
            elif word.startswith(flag) and len(word) > len(flag):
                yield word[len(flag) :]
