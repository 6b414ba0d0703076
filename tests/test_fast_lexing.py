"""The joined lexer rules (``core.fast_lexing``) give Pygments' own tokens, and the
listing Sphinx writes with them is the one its highlighter writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pygments.lexers import get_lexer_by_name

from sphinx_repodocs import compat
from sphinx_repodocs.core import fast_lexing
from sphinx_repodocs.sphinx.pages.common import source_block

from .conftest import BASIC_REPO

PACKAGE = Path(__file__).resolve().parent.parent / "sphinx_repodocs"

SAMPLES = {
    "c": """#include <stdint.h>
#include "local.h"
/* a comment */
static size_t count(const uint8_t *data, size_t n) {
    int32_t total = 0; char *s = "str\\"ing"; char c = '\\n';
    for (size_t i = 0; i < n; i++) { total += data[i] > 0x7f ? 1 : 0; }
#if defined(FOO) && FOO > 1
    return (size_t)total; // trailing
#endif
}
typedef struct point { float x, y; } point_t;
int main(int argc, char **argv) { return count(NULL, 0) ? 1 : 0; }
""",
    "cpp": """namespace ns { template <typename T> class Box { public: explicit Box(T v) : v_(v) {}
  auto get() const -> T { return v_; } private: T v_; }; }
int main() { std::vector<std::string> v{"a", R"raw(x)raw"}; ns::Box<int> b(3); return b.get(); }
""",
    "javascript": """import { a as b } from './x.js';
const re = /ab+c/gi, t = `x ${1 + 2} y`;
export default function f(x) { return x?.y ?? 0; } // c
class A extends B { #p = 1; static m() { return this.#p; } }
""",
    "typescript": "interface P { x: number }\nexport const f = <T,>(v: T): T => v;\n",
    "go": """package main
import ("fmt"; s "strings")
func main() { x := []int{1, 2}; fmt.Println(s.Repeat("a", 3), x, `raw
string`, 'r', 0x1F, 1.5e3) }
""",
    "rust": """use std::fmt;
/// Doc
fn main() { let s = r#"raw "quoted""#; let b = br##"x"##; println!("{}", s); }
impl fmt::Display for X { fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { Ok(()) } }
""",
    "java": """package a.b;
@Deprecated public final class C<T> implements I { private static final long X = 1L;
  public static void main(String[] args) { System.out.println("x" + 'c' + 0b101); } }
""",
    "bash": """#!/bin/sh
set -eu
cat <<EOF
here $HOME
EOF
cat <<-'END'
	literal $x
	END
for f in *.txt; do echo "${f%.txt}" $((1 + 2)) `date`; done
""",
    "markdown": "# Title\n\nSome *text* and `code` [link](http://x).\n\n```python\nx = 1\n```\n",
    "rst": "Title\n=====\n\n.. note:: text *em* ``lit``\n\n.. code-block:: python\n\n   x = 1\n",
    "toml": '[tool.x]\nname = "a" # c\nv = [1, 2.5, true]\n',
    "python": """x = f"{a!r:>{width}} {b}" + rb'\\x00' + Rf'{c}' + '''multi
line'''
match x:
    case [1, *rest] if rest: pass
lazy import os
@decorator
async def g(*, y: int = 0x_ff) -> None: ...
""",
}

#: Text no language expects: stray characters, unterminated strings, NULs, CRLF.
HOSTILE = "\x00\x01 ' \" /* \r\n`\t\\\n\u202e\ufeff#{ $( <<EOF\n"


def _tokens(lexer, text: str) -> list[tuple[object, str]]:
    return list(lexer.get_tokens(text))


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_tokens_are_pygments_tokens(language):
    lexer = get_lexer_by_name(language, stripnl=False)
    assert compat.regex_lexer_states(lexer) is not None, "the lexer is not joined"
    fast = fast_lexing.faster(lexer)
    assert fast is not lexer
    for text in (SAMPLES[language], HOSTILE, SAMPLES[language] + HOSTILE, ""):
        assert _tokens(fast, text) == _tokens(lexer, text)


def test_tokens_of_this_package_are_pygments_tokens():
    lexer = get_lexer_by_name("python", stripnl=False)
    fast = fast_lexing.faster(lexer)
    for path in sorted(PACKAGE.rglob("*.py"))[:40]:
        text = path.read_text(encoding="utf-8")
        assert _tokens(fast, text) == _tokens(lexer, text), path


def test_states_are_joined_and_back_references_tried_alone():
    python = get_lexer_by_name("python")
    states, _ = compat.regex_lexer_states(python)
    root = fast_lexing.joined_state(type(python), states, "root")
    assert len(root.segments) == 1 and len(root.segments[0].rule_of_group) == len(states["root"])
    rust = get_lexer_by_name("rust")
    states, _ = compat.regex_lexer_states(rust)
    base = fast_lexing.joined_state(type(rust), states, "base")
    alone = [segment for segment in base.segments if segment.only is not None]
    assert [segment.only[0].__self__.pattern for segment in alone] == [r'(?s)b?r(#*)".*?"\1']
    assert len(base.segments) == 3


def test_c_type_names_follow_the_lexer_options():
    plain = compat.regex_lexer_states(get_lexer_by_name("c"))
    assert plain is not None and {"size_t", "uint8_t", "int32_t"} <= plain[1]
    without = compat.regex_lexer_states(get_lexer_by_name("c", stdlibhighlighting=False))
    assert without is not None and "size_t" not in without[1]


def test_other_tokenizers_are_left_alone():
    for language in ("yaml", "json", "cuda", "ruby"):
        lexer = get_lexer_by_name(language)
        assert compat.regex_lexer_states(lexer) is None
        assert fast_lexing.faster(lexer) is lexer


def test_listing_is_what_sphinx_writes(repo_factory, build):
    """compat.highlight (joined rules) writes what Sphinx's highlight_block writes."""
    app = build(repo_factory(files=BASIC_REPO))
    for language, text in [*SAMPLES.items(), ("python", HOSTILE)]:
        node = source_block(text, language, digest="0" * 64)
        lang, arguments, linenos, options = compat.highlight_arguments(app.config, node)
        assert arguments["force"] and linenos == "inline"
        expected = app.builder.highlighter.highlight_block(
            text, lang, opts=options, linenos=linenos, location=node, **arguments
        )
        assert compat.highlight(app.builder, node) == expected, language
