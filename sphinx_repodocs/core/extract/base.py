"""What extractors return: symbols and imports with their lines. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..phrases import P_
from ..pickling import pickled_by_values

SymbolKind = Literal[
    "class",
    "function",
    "method",
    "constant",
    "heading",
    "key",
    "macro",
    "namespace",
    "target",
    "variable",
]


def N_(message: str) -> str:
    """Marks a page text for the message catalog (``make pot``); the site translates
    it where it is shown (``site.messages``)."""
    return message


#: Table order and headings on a page, by kind.
KIND_TITLES: dict[str, str] = {
    "class": N_("Classes"),
    "function": N_("Functions"),
    "method": N_("Methods"),
    "namespace": N_("Namespaces"),
    "constant": N_("Constants"),
    "macro": N_("Macros"),
    "heading": N_("Headings"),
    "key": N_("Keys"),
    "target": N_("Targets"),
    "variable": N_("Variables"),
}


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Symbol:
    """A name a file defines, where it is defined."""

    kind: SymbolKind
    name: str
    qualname: str
    line: int
    #: First line of the docstring, when there is one.
    summary: str = ""
    decorators: tuple[str, ...] = ()
    #: Kind-specific detail: "async", "declaration", heading level "h2", ...
    detail: str = ""


@pickled_by_values
@dataclass(frozen=True, slots=True)
class ImportedName:
    name: str
    alias: str | None = None


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Import:
    """One import statement (or ``#include``), as written."""

    module: str
    names: tuple[ImportedName, ...] = ()
    line: int = 0
    #: ``import m as alias`` (names hold ``from m import a as b`` aliases).
    alias: str | None = None
    #: Relative import level (Python ``from .. import``); 0 for absolute.
    level: int = 0
    #: The statement is inside a function or method.
    local: bool = False
    #: The statement runs only under a condition, e.g. "if TYPE_CHECKING",
    #: "try/except ImportError"; "" when unconditional.
    condition: str = ""
    #: The statement, where a language has several: CMake's "include",
    #: "add_subdirectory", "find_package"; shell's "source"; Rust's "mod", "mod-path",
    #: "use", "inner-use" (inside an inline module) and "extern-crate".
    kind: str = ""

    @property
    def target(self) -> str:
        """The module as written, with its leading dots."""
        return "." * self.level + self.module


@pickled_by_values
@dataclass(frozen=True, slots=True)
class ParseProblem:
    """Why a file could not be parsed, and where."""

    message: str
    line: int | None = None


FactCategory = Literal["pattern", "security", "performance"]

#: Most lines cited per fact; the count is always complete.
MAX_CITED_LINES = 12

#: What the security rules look for (Python's, the only ones so far), in page order.
SECURITY_RULES = (
    P_("eval/exec"),
    P_("pickle, marshal, shelve and dill loads"),
    P_("yaml.load without a safe loader"),
    P_("calls with shell=True, os.system, os.popen"),
    P_("tempfile.mktemp"),
    P_("MD5 and SHA-1 without usedforsecurity=False"),
    P_("TLS verification turned off"),
    P_("string literals assigned to password-, secret- or token-like names"),
)

#: Fact categories, in page order.
FACT_CATEGORIES: tuple[FactCategory, ...] = ("pattern", "security", "performance")


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Fact:
    """Something found in the code, with the lines it was found on."""

    category: FactCategory
    #: What was found, e.g. "eval() runs a string as Python code".
    text: str
    #: How many times it was found.
    count: int
    #: The first lines it was found on (at most ``MAX_CITED_LINES`` + 1).
    lines: tuple[int, ...]


@pickled_by_values
@dataclass(frozen=True, slots=True)
class TestCase:
    """A test function or class at a test file's top level."""

    name: str
    #: "pytest" (collected by pytest), "unittest" (a TestCase subclass), "cargo" (a
    #: Rust ``#[test]``; its name is its path in the file's module).
    kind: str
    line: int
    is_class: bool
    #: What it needs to run, or why it does not by default: "ignored by default",
    #: "skipped unless torch.cuda.is_available()"; "" when it always runs.
    condition: str = ""


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Option:
    """A command-line option or argument as the file declares it."""

    flags: str
    help: str
    line: int


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Running:
    """What is needed to say how a file runs (as a test, as a script)."""

    #: "pytest", "unittest", "cargo" or "" (no tests).
    framework: str
    tests: tuple[TestCase, ...]
    #: Line of the ``if __name__ == "__main__"`` block, 0 without one.
    main_line: int
    #: The block calls unittest.main() or pytest.main().
    main_runs_tests: bool
    options: tuple[Option, ...]
    #: Why all its tests may be skipped (``pytest.importorskip``), or "".
    condition: str = ""


@pickled_by_values
@dataclass(frozen=True, slots=True)
class NameUses:
    """Identifiers that may name a definition elsewhere, to be resolved once the whole
    repository is read (``core.references``).

    ``chains`` says what each names, one per line, in a form its language's resolver
    reads (``core.references_python``, ``core.references_grammar``); ``positions``
    holds four unsigned 32-bit numbers per use, packed: line, column and length (in
    characters) and the index of its chain. ``bindings`` are Python's module- and
    class-level names and how each is bound, a ``key<TAB>binding`` line each. Each is
    one string, not a tuple: the standard library has a million of them, and one
    object per file keeps the model small.
    """

    chains: str = ""
    positions: bytes = b""
    bindings: str = ""

    def chain_list(self) -> list[str]:
        return self.chains.split("\n") if self.chains else []

    def binding_pairs(self) -> list[tuple[str, str]]:
        return [
            (key, binding)
            for line in self.bindings.split("\n")
            if line
            for key, _, binding in (line.partition("\t"),)
        ]


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything one extractor found in one file."""

    #: How the symbols were found, shown on the page, e.g. "Python's ast module".
    method: str
    symbols: tuple[Symbol, ...] = ()
    imports: tuple[Import, ...] = ()
    problem: ParseProblem | None = None
    #: Where the parser recovered from syntax it did not understand, when names were
    #: still found (``problem`` is for a file that gave none).
    partial: ParseProblem | None = None
    #: The module docstring or leading comment, first paragraph.
    summary: str = ""
    facts: tuple[Fact, ...] = ()
    running: Running | None = None
    #: A README's link and image destinations as written, in order of first use.
    references: tuple[str, ...] = ()
    #: Identifiers to link to their definitions, when the language's are read.
    uses: NameUses | None = None


NOTHING = Extraction(method="")
