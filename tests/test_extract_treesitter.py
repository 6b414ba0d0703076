"""tree-sitter extraction per language, and the Pygments fallback without the extra."""

from __future__ import annotations

import pytest

from sphinx_repodocs.core.extract import extract
from sphinx_repodocs.core.extract import treesitter as ts
from sphinx_repodocs.core.extract import treesitter_uses_js as js_uses
from sphinx_repodocs.core.extract.tokens import METHOD as TOKENS_METHOD

from .conftest import require_grammar as require

C = """\
#include <stdio.h>
#include "local.h"
#define MAX 10
#define SQUARE(x) ((x) * (x))
/* int commented_out(void); */
struct point { int x; };
typedef struct { int y; } pair_t;
enum color { RED };
int declared(int a);
static int add(int a, int b) { return a + b; }
const char *s = "int in_string(void) { }";
"""

CPP = """\
#include <vector>
namespace geo {
class Shape {
 public:
  virtual double area() const = 0;
  void move(int dx);
};
double Shape::perimeter() const { return 0; }
template <typename T> T twice(T x) { return x + x; }
}
"""

CUDA = """\
#include "kernels.cuh"
__global__ void scale(float *x, float a) { x[threadIdx.x] *= a; }
__device__ float helper(float v) { return v; }
"""

JS = """\
import fs from "fs";
import { join as pjoin, resolve } from "path";
import * as util from "./util.js";
export class Loader {
  load(path) { return fs.readFileSync(pjoin(path)); }
}
function main() {}
const handler = (event) => event;
const text = "function notReal() {}";
"""

TS = """\
import type { Config } from "./config";
export interface Options { verbose: boolean; run(): void; }
export type Id = string;
export enum Mode { Fast, Slow }
export abstract class Base { abstract name(): string; }
export function make(options: Options): Base { return null as any; }
"""

GO = """\
package server

import (
\t"fmt"
\tlog "github.com/sirupsen/logrus"
)

type Server struct { port int }
type Handler interface { Serve() }

func New() *Server { return &Server{} }
func (s *Server) Start() error { fmt.Println("func fake() {}"); return nil }
"""

RUST = """\
use std::collections::HashMap;
mod inner { pub fn helper() {} }
pub struct Config { name: String }
pub enum Kind { A, B }
pub trait Greet { fn greet(&self) -> String; }
impl Config {
    pub fn new() -> Self { Config { name: String::new() } }
}
macro_rules! square { ($x:expr) => { $x * $x }; }
fn main() { let _s = "fn not_real() {}"; }
"""

JAVA = """\
package com.example.app;

import java.util.List;
import static org.junit.Assert.assertEquals;

public class Service {
    public Service() {}
    public List<String> names() { return null; }
    interface Listener { void changed(); }
    enum State { ON, OFF }
}
"""


CASES = {
    "c": (
        C,
        {
            ("macro", "MAX", 3),
            ("macro", "SQUARE", 4),
            ("class", "point", 6),
            ("class", "pair_t", 7),
            ("class", "color", 8),
            ("constant", "RED", 8),
            ("function", "declared", 9),
            ("function", "add", 10),
        },
        ["<stdio.h>", '"local.h"'],
    ),
    "cpp": (
        CPP,
        {
            ("namespace", "geo", 2),
            ("class", "geo::Shape", 3),
            ("method", "geo::Shape::area", 5),
            ("method", "geo::Shape::move", 6),
            ("method", "geo::Shape::perimeter", 8),
            ("function", "geo::twice", 9),
        },
        ["<vector>"],
    ),
    "cuda": (CUDA, {("function", "scale", 2), ("function", "helper", 3)}, ['"kernels.cuh"']),
    "javascript": (
        JS,
        {
            ("class", "Loader", 4),
            ("method", "Loader.load", 5),
            ("function", "main", 7),
            ("function", "handler", 8),
        },
        ["fs", "path", "./util.js"],
    ),
    "typescript": (
        TS,
        {
            ("class", "Options", 2),
            ("method", "Options.run", 2),
            ("class", "Id", 3),
            ("class", "Mode", 4),
            ("class", "Base", 5),
            ("method", "Base.name", 5),
            ("function", "make", 6),
        },
        ["./config"],
    ),
    "go": (
        GO,
        {
            ("class", "Server", 8),
            ("class", "Handler", 9),
            ("function", "New", 11),
            ("method", "Server.Start", 12),
        },
        ["fmt", "github.com/sirupsen/logrus"],
    ),
    "rust": (
        RUST,
        {
            ("namespace", "inner", 2),
            ("function", "inner::helper", 2),
            ("class", "Config", 3),
            ("class", "Kind", 4),
            ("class", "Greet", 5),
            ("method", "Greet::greet", 5),
            ("method", "Config::new", 7),
            ("macro", "square", 9),
            ("function", "main", 10),
        },
        ["std::collections::HashMap"],
    ),
    "java": (
        JAVA,
        {
            ("namespace", "com.example.app", 1),
            ("class", "Service", 6),
            ("method", "Service.Service", 7),
            ("method", "Service.names", 8),
            ("class", "Service.Listener", 9),
            ("method", "Service.Listener.changed", 9),
            ("class", "Service.State", 10),
            ("constant", "Service.State.ON", 10),
            ("constant", "Service.State.OFF", 10),
        },
        ["java.util.List", "org.junit.Assert.assertEquals"],
    ),
}


@pytest.mark.parametrize("lexer", list(CASES))
def test_treesitter_extracts_exact_definitions(lexer):
    require(lexer)
    text, expected, imports = CASES[lexer]
    result = extract(text, f"x.{lexer}", lexer)
    assert result.method.startswith("tree-sitter")
    assert {(s.kind, s.qualname, s.line) for s in result.symbols} == expected
    assert [i.module for i in result.imports] == imports


def test_declarations_are_marked():
    require("c")
    result = extract(C, "x.c", "c")
    details = {s.name: s.detail for s in result.symbols}
    assert details["declared"] == "declaration"
    assert details["add"] == ""


def test_fallback_without_the_grammar(monkeypatch):
    monkeypatch.setattr(ts, "_parser", lambda lexer: None)
    result = extract(C, "x.c", "c")
    assert result.method == TOKENS_METHOD
    assert {"add", "point"} <= {s.name for s in result.symbols}


def test_broken_code_still_lists_what_parses():
    require("c")
    result = extract("int ok(void) { return 0; }\nint broken( {\n", "x.c", "c")
    assert "ok" in {s.name for s in result.symbols}


NESTED_JS = """\
function outer(a) {
  function inner(b) { return b; }
  const arrow = (x) => x;
  if (a) { function hidden() {} }
  return inner(a);
}
const api = {
  get() { return 1; },
  post: function () {},
  put: (x) => x,
  value: 3,
};
class A { m() { function deep() {} } }
"""


def test_javascript_nested_functions_and_object_methods():
    require("javascript")
    result = extract(NESTED_JS, "x.js", "javascript")
    assert {(s.kind, s.qualname, s.line) for s in result.symbols} == {
        ("function", "outer", 1),
        ("function", "outer.inner", 2),
        ("function", "outer.arrow", 3),
        ("function", "outer.hidden", 4),
        ("method", "api.get", 8),
        ("method", "api.post", 9),
        ("method", "api.put", 10),
        ("class", "A", 13),
        ("method", "A.m", 13),
        ("function", "A.m.deep", 13),
    }


@pytest.mark.parametrize("lexer", ["c", "cpp", "cuda", "javascript", "jsx", "typescript", "tsx"])
def test_each_query_file_compiles_against_the_installed_grammar(lexer):
    """A grammar upgrade that breaks one of our queries fails here, not in a build."""
    require(lexer)
    assert ts._FAMILY[lexer] in ts.QUERY_FAMILIES
    assert ts._query(lexer) is not None
    if ts._FAMILY[lexer] == "c":
        assert ts._query(lexer, "types") is not None
    if ts._FAMILY[lexer] == "js":
        assert ts._query(lexer, "requires") is not None
        typescript = lexer in ("typescript", "tsx")
        assert js_uses._query(typescript, ts.grammar_language(lexer)) is not None


def test_the_shell_recovery_query_compiles_against_the_installed_grammar():
    require("bash")
    assert ts._query("bash", "recovery") is not None


def test_definitions_inside_expressions_are_found_by_the_query():
    """What the walker does not enter: a named function expression, a declaration in a
    callback, a function as a property in a call's argument or assigned to one."""
    require("javascript")
    text = (
        "defineGetter(req, 'query', function query() {});\nrun(() => 1);\n"
        "describe('x', function () {\n  function helper() {}\n});\n"
        "res.format({ html: function () {} });\nfunction go() { xhr.onload = () => {}; }\n"
    )
    result = extract(text, "x.js", "javascript")
    assert [(s.kind, s.qualname, s.line, s.detail) for s in result.symbols] == [
        ("function", "query", 1, "function expression"),
        ("function", "helper", 4, ""),
        ("method", "html", 6, "function expression"),
        ("function", "go", 7, ""),
        ("method", "onload", 7, "function expression"),
    ]


DOC_COMMENTS = {
    "cpp": (
        "/// Adds two numbers.\n/// More detail here.\nint add(int a, int b);\n\n"
        "/**\n * @brief Subtracts. Returns the difference.\n * @param a the first\n */\n"
        "template <typename T>\nT sub(T a, T b) { return a - b; }\n\n"
        "// A plain comment, not a doc comment.\nint plain(void);\n\n"
        "/// Detached.\n\nint detached(void);\n"
        "//! Inner: the enclosing file's.\nint inner(void);\n",
        {"add": "Adds two numbers.", "sub": "Subtracts.", "plain": "", "detached": "", "inner": ""},
    ),
    "go": (
        "package x\n\n// Foo does a thing.\n// More.\nfunc Foo() {}\n\nfunc Bar() {}\n",
        {"Foo": "Foo does a thing.", "Bar": ""},
    ),
    "rust": ("/// Builds it.\n#[inline]\npub fn build() {}\n", {"build": "Builds it."}),
    "java": (
        "class A {\n  /** Runs. @return x */\n  @Override\n  public int run() { return 1; }\n}\n",
        {"A": "", "run": "Runs."},
    ),
    "javascript": (
        "/**\n * Greets someone.\n * @param {string} n\n */\nexport function greet(n) {}\n",
        {"greet": "Greets someone."},
    ),
}


@pytest.mark.parametrize("lexer", list(DOC_COMMENTS))
def test_a_doc_comment_is_its_definitions_summary(lexer):
    require(lexer)
    text, expected = DOC_COMMENTS[lexer]
    result = extract(text, f"x.{lexer}", lexer)
    assert {s.name: s.summary for s in result.symbols} == expected


def test_inner_doc_comments_lose_their_marker_in_the_overview():
    assert extract("/*!\nThe main entry point.\n*/\nfn main() {}\n", "main.rs", "rust").summary == (
        "The main entry point."
    )
    assert extract("//! A crate.\n\nfn f() {}\n", "lib.rs", "rust").summary == "A crate."


def test_go_and_rust_constants_and_rust_items_inside_functions():
    require("go")
    require("rust")
    go = "package x\n\nconst (\n\tA = 1\n\tB, C = 2, 3\n)\nfunc f() { const local = 1 }\n"
    assert [(s.kind, s.name, s.line) for s in extract(go, "x.go", "go").symbols] == [
        ("constant", "A", 4),
        ("constant", "B", 5),
        ("constant", "C", 5),
        ("function", "f", 7),
    ]
    rust = (
        'const MAX: usize = 3;\nstatic NAME: &str = "x";\n'
        "fn outer() {\n    static INNER: u8 = 1;\n    fn helper() {}\n    let x = 1;\n}\n"
    )
    assert [(s.kind, s.qualname, s.line) for s in extract(rust, "x.rs", "rust").symbols] == [
        ("constant", "MAX", 1),
        ("constant", "NAME", 2),
        ("function", "outer", 3),
        ("constant", "outer::INNER", 4),
        ("function", "outer::helper", 5),
    ]


def test_the_shell_grammar_is_given_ascii_and_names_keep_their_letters(monkeypatch):
    """tree-sitter-bash 0.25.1's scanner hands the character after ``{`` to C's
    ``isdigit``, which reads out of bounds for anything past ASCII (``{`` then U+D0001
    is a segmentation fault, the whole build gone): the grammar is given each non-ASCII
    byte as ``x``, and names are still read from the file's own bytes."""
    require("bash")
    parser = ts._parser("bash")
    given: list[bytes] = []

    class Recording:
        def parse(self, source: bytes, *args: object) -> object:
            given.append(source)
            return parser.parse(source, *args)

    monkeypatch.setattr(ts, "_parser", lambda lexer: Recording())
    text = "{\U000d0001\ngrüße() { echo \U0010ffff; }\n"
    result = extract(text, "x.sh", "bash")
    assert given and all(byte < 0x80 for source in given for byte in source)
    assert [(s.name, s.line) for s in result.symbols] == [("grüße", 2)]


@pytest.mark.parametrize(
    ("lexer", "text", "expected"),
    [
        (
            "java",
            "@interface Expose { boolean serialize() default true; }\n"
            'enum Policy { PLAIN, UPPER() { String name() { return ""; } }; }\n'
            "record Point(int x) { Point { } }\n"
            "class Json { static final Factory FACTORY = new Factory() { Object create() {} }; }\n"
            "class Call { Object o = new Object() { void m1() {} }.toString(); }\n",
            {
                ("class", "Expose", 1, "annotation"),
                ("method", "Expose.serialize", 1, "annotation element"),
                ("class", "Policy", 2, "enum"),
                ("constant", "Policy.PLAIN", 2, "enumerator"),
                ("constant", "Policy.UPPER", 2, "enumerator"),
                # The constant's own class, and an anonymous class named by its field:
                # not methods of the enclosing class.
                ("method", "Policy.UPPER.name", 2, "in an enum constant's body"),
                ("class", "Point", 3, "record"),
                ("method", "Point.Point", 3, "constructor"),
                ("class", "Json", 4, ""),
                ("method", "Json.FACTORY.create", 4, "in an anonymous class"),
                ("class", "Call", 5, ""),
                ("method", "Call.(anonymous).m1", 5, "in an anonymous class"),  # not toString
            },
        ),
        (
            "rust",
            "trait Matcher { type Captures: Captures; const N: usize; }\n"
            "impl Matcher for X { type Captures = Y; }\n",
            {
                ("class", "Matcher", 1, "trait"),
                ("class", "Matcher::Captures", 1, "associated type"),
                ("constant", "Matcher::N", 1, "const"),
                ("class", "X::Captures", 2, "type"),
            },
        ),
    ],
    ids=["java-members", "rust-associated-types"],
)
def test_members_ctags_names_too(lexer, text, expected):
    """Java's annotation elements, enum constants (and methods in their bodies), a
    record's compact constructor; Rust's associated types in a trait."""
    require(lexer)
    found = {
        (s.kind, s.qualname, s.line, s.detail) for s in extract(text, f"x.{lexer}", lexer).symbols
    }
    assert found == expected


def test_an_annotated_java_package_is_at_its_name():
    """package-info.java: an annotation before ``package`` is part of the declaration;
    the package is at the line that names it."""
    require("java")
    text = "/** Docs. */\n@CheckReturnValue\npackage com.example.app;\n"
    result = extract(text, "package-info.java", "java")
    assert [(s.kind, s.qualname, s.line) for s in result.symbols] == [
        ("namespace", "com.example.app", 3)
    ]


def test_commonjs_and_dynamic_imports_are_imports():
    """``require("./x")`` and ``import("./x")`` with a literal path, anywhere; a
    computed path is not known before the code runs."""
    require("javascript")
    text = (
        "const express = require('express');\n"
        "function load() { return require('./router/index'); }\n"
        "const lazy = () => import('./lazy.js');\n"
        "const dynamic = require(name);\n"
        'const escaped = require("./lib\\x2fsecret");\n'
    )
    result = extract(text, "app.js", "javascript")
    assert [(i.module, i.line) for i in result.imports] == [
        ("express", 1),
        ("./router/index", 2),
        ("./lazy.js", 3),
    ]


def test_methods_of_object_literals_are_found_anywhere():
    """``{transform(chunk) {}}`` and ``{get duplex() {}}`` in a call's argument: methods
    the walker does not reach (it lists class members); the query finds them."""
    require("typescript")
    text = (
        "const stream = new TransformStream({\n  transform(chunk) { return chunk; },\n});\n"
        "const init = { get duplex() { return 'half'; } };\n"
    )
    result = extract(text, "body.ts", "typescript")
    assert [(s.kind, s.qualname, s.line, s.detail) for s in result.symbols] == [
        ("method", "transform", 2, ""),
        ("method", "init.duplex", 4, ""),  # the walker's, through the variable
    ]


def test_shell_functions_after_what_the_grammar_cannot_read():
    """A zsh completion file (read with the bash grammar, as Pygments names it): its
    syntax breaks the parse, and the functions after it are still listed, but not a
    definition written in a heredoc."""
    require("bash")
    text = (
        "(( $+functions[_rg_types] )) ||\n"
        "_rg_types() {\n"
        '  local -a names=( ${(j:|:)${(f)"$(rg --type-list)"}} )\n'
        "}\n"
        "function _rg_after {\n  :\n}\n"
        "cat <<EOF\ninside() { echo no; }\nEOF\n"
    )
    result = extract(text, "_rg.zsh", "bash")
    assert [(s.name, s.line) for s in result.symbols] == [("_rg_types", 2), ("_rg_after", 5)]
