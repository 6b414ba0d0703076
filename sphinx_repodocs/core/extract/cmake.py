"""CMake: targets, functions, macros, top-level variables, and the files it includes.

CMake's language is commands (``name(arguments)``) with three kinds of argument
(bracket ``[[...]]``, quoted, unquoted) and two of comment (``#...``, ``#[[...]]``);
this reads exactly that, so that a name inside a string or a comment never counts.
Nothing is evaluated: an argument holding ``${...}`` is not a name we can state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..phrases import P_
from .base import Extraction, Import, ParseProblem, Symbol, SymbolKind

METHOD = P_("CMake commands read by sphinx-repodocs' reader of CMake's syntax")

#: Command (lower case) -> what its first argument names.
TARGETS = {
    "add_library": "library",
    "add_executable": "executable",
    "add_custom_target": "custom target",
}
#: Commands whose first argument is a file, folder or package the build reads.
IMPORTS = frozenset({"include", "add_subdirectory", "find_package"})
_BLOCKS = ("function", "macro", "if", "foreach", "while", "block")

_BRACKET_OPEN = re.compile(r"\[(=*)\[")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SPACE = re.compile(r"[ \t\r\n]+")


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    #: The literal arguments (None for one holding a variable reference).
    arguments: tuple[str | None, ...]
    line: int


class CMakeSyntaxError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        #: A core phrase (``str(error)`` is its English text only).
        self.message = message
        self.line = line


def commands(text: str) -> Iterator[Command]:
    """The commands of *text* in order; raises CMakeSyntaxError where it cannot read."""
    reader = _Reader(text)
    while True:
        reader.skip_space_and_comments()
        if reader.at_end():
            return
        start_line = reader.line
        match = _IDENTIFIER.match(text, reader.position)
        if match is None:
            raise CMakeSyntaxError(P_("a command name was expected"), start_line)
        reader.advance(match.end() - reader.position)
        reader.skip_blanks()
        if not reader.take("("):
            raise CMakeSyntaxError(P_("{command} has no '('", command=match.group()), start_line)
        arguments = tuple(reader.arguments(match.group(), start_line))
        yield Command(match.group().lower(), arguments, start_line)


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.line = 1

    def at_end(self) -> bool:
        return self.position >= len(self.text)

    def advance(self, count: int) -> None:
        self.line += self.text.count("\n", self.position, self.position + count)
        self.position += count

    def take(self, char: str) -> bool:
        if self.text.startswith(char, self.position):
            self.advance(len(char))
            return True
        return False

    def skip_blanks(self) -> None:
        if match := _SPACE.match(self.text, self.position):
            self.advance(match.end() - self.position)

    def skip_space_and_comments(self) -> None:
        while not self.at_end():
            self.skip_blanks()
            if not self.text.startswith("#", self.position):
                return
            self.advance(1)
            if (bracket := _BRACKET_OPEN.match(self.text, self.position)) is not None:
                self._bracket(bracket)
            else:
                end = self.text.find("\n", self.position)
                self.advance((len(self.text) if end < 0 else end) - self.position)

    def _bracket(self, opening: re.Match[str]) -> str:
        closing = "]" + opening.group(1) + "]"
        end = self.text.find(closing, opening.end())
        if end < 0:
            raise CMakeSyntaxError(P_("a bracket is never closed"), self.line)
        content = self.text[opening.end() : end]
        self.advance(end + len(closing) - self.position)
        return content

    def arguments(self, command: str, line: int) -> Iterator[str | None]:
        depth = 0
        while True:
            self.skip_space_and_comments()
            if self.at_end():
                raise CMakeSyntaxError(P_("{command}( is never closed", command=command), line)
            char = self.text[self.position]
            if char == ")":
                self.advance(1)
                if depth == 0:
                    return
                depth -= 1
            elif char == "(":
                self.advance(1)
                depth += 1
            elif char == '"':
                yield self._quoted()
            elif (bracket := _BRACKET_OPEN.match(self.text, self.position)) is not None:
                yield self._bracket(bracket)
            else:
                yield self._unquoted()

    def _quoted(self) -> str | None:
        start = self.position + 1
        index = start
        while index < len(self.text) and self.text[index] != '"':
            index += 2 if self.text[index] == "\\" else 1
        if index >= len(self.text):
            raise CMakeSyntaxError(P_("a quoted argument is never closed"), self.line)
        value = self.text[start:index]
        self.advance(index + 1 - self.position)
        return None if "${" in value or "$<" in value else value

    def _unquoted(self) -> str | None:
        start = self.position
        index = start
        while index < len(self.text) and self.text[index] not in ' \t\r\n()#"':
            index += 2 if self.text[index] == "\\" else 1
        value = self.text[start:index]
        self.advance(index - self.position)
        return None if "${" in value or "$<" in value or "$ENV{" in value else value


def extract_cmake(text: str, path: str = "") -> Extraction:
    symbols: list[Symbol] = []
    imports: list[Import] = []
    # Open function(), macro() and control blocks: variables set inside them are not
    # the file's (a function's are local; a branch's may never be set).
    blocks: list[str] = []
    problem = None
    try:
        for command in commands(text):
            _read_command(command, blocks, symbols, imports)
    except CMakeSyntaxError as error:
        problem = ParseProblem(error.message, error.line)
    if problem is not None and not symbols:
        return Extraction(method=METHOD, problem=problem)
    return Extraction(
        method=METHOD, symbols=tuple(symbols), imports=tuple(imports), partial=problem
    )


def _read_command(
    command: Command, blocks: list[str], symbols: list[Symbol], imports: list[Import]
) -> None:
    name, arguments = command.name, command.arguments
    first = arguments[0] if arguments else None
    if name in ("function", "macro") and first:
        kind: SymbolKind = "function" if name == "function" else "macro"
        symbols.append(_symbol(kind, first, command.line, f"CMake {name}"))
    if name in _BLOCKS:
        blocks.append(name)
    elif name.startswith("end") and name[3:] in _BLOCKS and blocks:
        blocks.pop()
    if not first:  # a variable's value, or an empty argument: no name to state
        return
    if name in TARGETS:
        detail = TARGETS[name]
        if "IMPORTED" in arguments:
            detail += ", imported"
        elif "ALIAS" in arguments:
            detail += ", alias"
        symbols.append(_symbol("target", first, command.line, detail))
    elif name in ("set", "option") and not blocks and _is_variable(first):
        symbols.append(_symbol("variable", first, command.line, name))
    elif name in IMPORTS:
        imports.append(Import(module=first, line=command.line, kind=name))


def _is_variable(name: str) -> bool:
    return _IDENTIFIER.fullmatch(name) is not None


def _symbol(kind: SymbolKind, name: str, line: int, detail: str) -> Symbol:
    return Symbol(kind=kind, name=name, qualname=name, line=line, detail=detail)
