"""Keys of data and build files: TOML, JSON, and Makefile targets (YAML: ``yaml_data``).

TOML and JSON keys are confirmed against the standard library's parser, so a key is
listed only if the parser agrees it exists; the line comes from a scan of the text.
"""

from __future__ import annotations

import contextlib
import json
import re
import tomllib
from typing import Any

from ..phrases import P_
from .base import Extraction, ParseProblem, Symbol

TOML_METHOD = P_("Python's tomllib, with lines from the text")
JSON_METHOD = P_("Python's json module, with lines from the text")
MAKE_METHOD = P_("rule and assignment lines read from the text")

#: More keys than this in one file are data, not a table of contents.
MAX_KEYS = 500

_TOML_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_TOML_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)


def extract_toml(text: str, path: str = "") -> Extraction:
    try:
        data = tomllib.loads(text)
    except (ValueError, RecursionError) as error:  # TOMLDecodeError; an integer too long
        line_match = re.search(r"line (\d+)", str(error))
        return Extraction(
            method=TOML_METHOD,
            problem=ParseProblem(str(error), int(line_match.group(1)) if line_match else None),
        )
    symbols: list[Symbol] = []
    table: tuple[str, ...] = ()
    in_multiline: str | None = None
    depth = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        if depth == 0 and (header := _TOML_HEADER.match(line)):
            table = _toml_path(header.group(1))
            if _exists(data, table):
                symbols.append(key_symbol(".".join(table), number, "table"))
        elif depth == 0 and (key := _TOML_KEY.match(line)):
            full = table + _toml_path(key.group(1))
            if _exists(data, full):
                symbols.append(key_symbol(".".join(full), number, ""))
        for quote in ('"""', "'''"):
            if line.count(quote) % 2 == 1:
                in_multiline = quote
        depth = max(0, depth + _bracket_balance(line))
        if len(symbols) >= MAX_KEYS:
            break
    return Extraction(method=TOML_METHOD, symbols=tuple(symbols))


def _toml_path(text: str) -> tuple[str, ...]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)', text)
    return tuple(next(p for p in part if p) if any(part) else "" for part in parts)


def _exists(data: Any, path: tuple[str, ...]) -> bool:
    for part in path:
        if isinstance(data, list):
            data = data[-1] if data else None
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return True


def _bracket_balance(line: str) -> int:
    code = re.sub(r'"(\\.|[^"\\])*"|\'[^\']*\'', "", line).split("#", 1)[0]
    if _TOML_HEADER.match(line):
        return 0
    return code.count("[") + code.count("{") - code.count("]") - code.count("}")


def key_symbol(name: str, line: int, detail: str) -> Symbol:
    return Symbol(
        kind="key", name=name.rpartition(".")[2] or name, qualname=name, line=line, detail=detail
    )


def extract_json(text: str, path: str = "") -> Extraction:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return Extraction(method=JSON_METHOD, problem=ParseProblem(error.msg, error.lineno))
    except RecursionError:
        return Extraction(
            method=JSON_METHOD, problem=ParseProblem(P_("nested too deeply to parse"))
        )
    except ValueError as error:  # an integer past Python's limit of digits
        return Extraction(method=JSON_METHOD, problem=ParseProblem(str(error)))
    if not isinstance(data, dict):
        return Extraction(method=JSON_METHOD)
    symbols = [key_symbol(key, line, "") for key, line in _json_top_level_keys(text) if key in data]
    return Extraction(method=JSON_METHOD, symbols=tuple(symbols[:MAX_KEYS]))


def _json_top_level_keys(text: str) -> list[tuple[str, int]]:
    """Keys of the outermost object with their lines, from a scan that knows strings."""
    keys: list[tuple[str, int]] = []
    depth = 0
    line = 1
    position = 0
    expecting_key = False
    length = len(text)
    while position < length and len(keys) < MAX_KEYS:
        char = text[position]
        if char == "\n":
            line += 1
        elif char == '"':
            end = position + 1
            while end < length and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            literal = text[position : end + 1]
            if depth == 1 and expecting_key:
                with contextlib.suppress(ValueError):
                    keys.append((json.loads(literal), line))
                expecting_key = False
            line += literal.count("\n")
            position = end
        elif char in "{[":
            depth += 1
            expecting_key = depth == 1 and char == "{"
        elif char in "}]":
            depth -= 1
        elif char == "," and depth == 1:
            expecting_key = True
        position += 1
    return keys


_MAKE_TARGET = re.compile(r"^([A-Za-z0-9_.%/${}()-][^:=\s]*(?:\s+[^:=\s]+)*)\s*::?(?!=)")


#: ``NAME = value`` (and ``:=``, ``::=``, ``?=``, ``!=``), perhaps after ``export`` or
#: ``override``; ``+=`` appends to a variable defined elsewhere.
_MAKE_VARIABLE = re.compile(
    r"^(?:(?:export|override)\s+)*([A-Za-z_][A-Za-z0-9_.-]*)\s*(?::{1,2}=|\?=|!=|=)"
)


def extract_make(text: str, path: str = "") -> Extraction:
    symbols: list[Symbol] = []
    variables: set[str] = set()
    continued = False
    for number, line in enumerate(text.split("\n"), start=1):
        if continued or line.startswith("\t"):
            continued = line.endswith("\\")
            continue
        continued = line.endswith("\\")
        if (match := _MAKE_VARIABLE.match(line)) and match.group(1) not in variables:
            variables.add(match.group(1))
            symbols.append(
                Symbol(kind="variable", name=match.group(1), qualname=match.group(1), line=number)
            )
        elif match is None and (target := _MAKE_TARGET.match(line)):
            symbols.extend(
                Symbol(kind="target", name=name, qualname=name, line=number)
                for name in target.group(1).split()
                if not name.startswith(".")  # special targets such as .PHONY
            )
    return Extraction(method=MAKE_METHOD, symbols=tuple(symbols[:MAX_KEYS]))
