"""Import resolution to repository files, without Sphinx."""

from __future__ import annotations

from sphinx_repodocs.core.imports import ImportGraph, build_graph
from sphinx_repodocs.core.read import build_model
from sphinx_repodocs.core.scan import ScanSettings, scan

from .conftest import require_grammar, write_tree


def resolved(graph: ImportGraph, path: str) -> list[tuple[str, str, str | None]]:
    """(written, status, target) of each of *path*'s dependencies."""
    return [(d.written, d.status, d.target) for d in graph.dependencies[path]]


TREE = {
    "src/app/__init__.py": "from .core import run\n",
    "src/app/core.py": (
        "import os\n"
        "import requests\n"
        "from . import util\n"
        "from .util import helper, CONSTANT\n"
        "from ..outside import x\n"
        "from app.models import user\n"
        "import app.missing\n"
        "import app.util.helper_attr\n"
        "from app import nothing_here\n"
        "def f():\n"
        "    import json\n"
    ),
    "src/app/util.py": "helper = 1\nCONSTANT = 2\n",
    "src/app/models/user.py": "class User: pass\n",  # namespace package: no __init__
    "tests/test_core.py": "from app.core import run\nimport app\n",
    "native/lib.c": (
        '#include "lib.h"\n#include "missing.h"\n#include <stdio.h>\n#include "inc/api.h"\n'
    ),
    "native/lib.h": "int f(void);\n",
    "include/inc/api.h": "int g(void);\n",
    "web/main.ts": (
        'import { a } from "./lib";\nimport b from "../web/util/index";\n'
        'import React from "react";\nimport fs from "node:fs";\nimport c from "./nope";\n'
    ),
    "web/lib.ts": "export const a = 1;\n",
    "web/util/index.js": "export default 1;\n",
}


def graph_of(tmp_path, **kwargs):
    write_tree(tmp_path, TREE)
    model = build_model(str(tmp_path), scan(ScanSettings(root=tmp_path)))
    return build_graph(model, **kwargs)


def summary(graph, path):
    return [(d.line, d.written, d.status, d.target, d.names) for d in graph.dependencies[path]]


def test_python_imports_resolve_across_src_layout_relative_and_namespace(tmp_path):
    graph = graph_of(tmp_path)
    assert summary(graph, "src/app/core.py") == [
        (1, "os", "stdlib", None, ""),
        (2, "requests", "third-party", None, ""),
        (3, ".", "repo", "src/app/util.py", "util"),
        (4, ".util", "repo", "src/app/util.py", "helper, CONSTANT"),
        (5, "..outside", "unresolved", None, "x"),
        (6, "app.models", "repo", "src/app/models/user.py", "user"),
        (7, "app.missing", "unresolved", None, ""),
        (8, "app.util.helper_attr", "repo", "src/app/util.py", ""),  # like os.path
        (9, "app", "repo", "src/app/__init__.py", "nothing_here"),
        (11, "json", "stdlib", None, ""),
    ]
    local = graph.dependencies["src/app/core.py"][-1]
    assert local.local is True
    unresolved = graph.dependencies["src/app/core.py"][6]
    assert unresolved.reason == "app is in the repository, but not app.missing"


def test_imported_by_lists_each_importer_once_with_its_first_line(tmp_path):
    graph = graph_of(tmp_path)
    importers = [(i.path, i.line) for i in graph.imported_by["src/app/core.py"]]
    assert importers == [("src/app/__init__.py", 1), ("tests/test_core.py", 1)]
    assert [(i.path, i.line) for i in graph.imported_by["src/app/util.py"]] == [
        ("src/app/core.py", 3)
    ]


def test_c_includes_resolve_next_to_the_file_and_in_include_dirs(tmp_path):
    graph = graph_of(tmp_path, include_dirs=["include"])
    assert summary(graph, "native/lib.c") == [
        (1, '"lib.h"', "repo", "native/lib.h", ""),
        (2, '"missing.h"', "unresolved", None, ""),
        (3, "<stdio.h>", "system", None, ""),
        (4, '"inc/api.h"', "repo", "include/inc/api.h", ""),
    ]


def test_javascript_relative_imports(tmp_path):
    require_grammar("typescript")  # Pygments tokens do not mark import specifiers
    graph = graph_of(tmp_path)
    assert [(d.written, d.status, d.target) for d in graph.dependencies["web/main.ts"]] == [
        ("./lib", "repo", "web/lib.ts"),
        ("../web/util/index", "repo", "web/util/index.js"),
        ("react", "third-party", None),
        ("node:fs", "stdlib", None),
        ("./nope", "unresolved", None),
    ]


INCLUDE_TREE = {
    "include/proj/a.h": "int a(void);\n",
    "include/proj/b.h": "int b(void);\n",
    "third_party/lib/include/lib/x.h": "int x(void);\n",
    "third_party/lib/include/lib/y.h": "int y(void);\n",
    "tools/single/only.h": "int only(void);\n",
    "src/main.cpp": (
        "#include <proj/a.h>\n"
        '#include "proj/b.h"\n'
        "#include <lib/x.h>\n"
        "#include <lib/y.h>\n"
        "#include <vector>\n"
        "#include <single/only.h>\n"
    ),
}


def test_include_roots_are_found_and_project_headers_are_in_the_repository(tmp_path):
    """Two roots (``include`` and a vendored library's); whatever the brackets, a
    header under one is the repository's; one match alone is a coincidence of names."""
    from sphinx_repodocs.core.include_roots import include_roots

    require_grammar("cpp")  # Pygments tokens do not mark includes
    root = write_tree(tmp_path / "repo", INCLUDE_TREE)
    model = build_model(str(root), scan(ScanSettings(root=root)))
    assert include_roots(model, frozenset({"cpp"})) == ("include", "third_party/lib/include")
    graph = build_graph(model)
    assert [(d.written, d.status, d.target) for d in graph.dependencies["src/main.cpp"]] == [
        ("<proj/a.h>", "repo", "include/proj/a.h"),
        ('"proj/b.h"', "repo", "include/proj/b.h"),
        ("<lib/x.h>", "repo", "third_party/lib/include/lib/x.h"),
        ("<lib/y.h>", "repo", "third_party/lib/include/lib/y.h"),
        ("<vector>", "system", None),
        ("<single/only.h>", "system", None),
    ]
    # What includes a header is known from it.
    assert [i.path for i in graph.imported_by["include/proj/a.h"]] == ["src/main.cpp"]


def test_compile_commands_name_include_folders(tmp_path):
    """``-I`` flags (joined, separate, relative to the entry's directory) name include
    folders in the repository; folders outside it and malformed entries are ignored."""
    import json

    from sphinx_repodocs.core.include_roots import compile_command_includes

    require_grammar("cpp")
    tree = {
        "api/public/thing.h": "int thing(void);\n",
        "src/main.cpp": "#include <public/thing.h>\n",
        "compile_commands.json": json.dumps(
            [
                {"directory": "build", "arguments": ["c++", "-I../api", "-c", "x.cpp"]},
                {"directory": ".", "command": "c++ -I api -isystem /usr/include -c y.cpp"},
                {"directory": 3, "command": "c++ -Ix"},
                "not an entry",
            ]
        ),
    }
    root = write_tree(tmp_path / "repo", tree)
    model = build_model(str(root), scan(ScanSettings(root=root)))
    assert compile_command_includes(model) == ("api",)
    graph = build_graph(model)
    assert [(d.status, d.target) for d in graph.dependencies["src/main.cpp"]] == [
        ("repo", "api/public/thing.h")
    ]


RELATED_TREE = {
    "include/geo/shape.h": (
        "namespace geo {\nclass Shape {\n public:\n  double area() const;\n};\n"
        "double scale(double x);\n}\n"
    ),
    "src/shape.cc": (
        '#include <geo/shape.h>\n#include "distance.h"\nnamespace geo {\n'
        "double Shape::area() const { return 0; }\n}\n"
    ),
    "src/scale.cc": (
        "#include <geo/shape.h>\n#include <geo/extra.h>\nnamespace geo {\n"
        "double scale(double x) { return x; }\n}\n"
    ),
    "src/distance.h": "int distance(int a);\n",
    "src/distance.c": '#include "distance.h"\nint distance(int a) { return a; }\n',
    "src/other.c": '#include "distance.h"\n',
    "tools/util.h": "int util(void);\n",
    "src/util.c": "int util(void) { return 1; }\n",
    "include/geo/extra.h": "#include <geo/shape.h>\n",
}


def test_c_related_files_with_their_reasons(tmp_path):
    """A header and its source by name (same folder, or an include between them), who
    declares what a file defines and defines what it declares, and files sharing a
    specific header; a same-named header elsewhere with no include is not "its header"."""
    from sphinx_repodocs.core.related import RelatedFinder

    require_grammar("cpp")
    root = write_tree(tmp_path / "repo", RELATED_TREE)
    model = build_model(str(root), scan(ScanSettings(root=root)))
    finder = RelatedFinder(model, build_graph(model))

    def related(path: str) -> dict[str, str]:
        return {r.path: r.reason for r in finder.related(path)}

    assert related("src/distance.c") == {
        "src/distance.h": "its header (the same name)",
        "src/other.c": "also includes distance.h (one of 3 files that do)",
        "src/shape.cc": "also includes distance.h (one of 3 files that do)",
    }
    header = related("include/geo/shape.h")
    assert header["src/shape.cc"] == "its source (the same name)"
    assert header["src/scale.cc"] == "defines geo::scale() on line 4"
    assert related("src/scale.cc")["include/geo/shape.h"] == "declares geo::scale() on line 6"
    assert related("src/shape.cc")["include/geo/shape.h"] == "its header (the same name)"
    # Not "its header" (another folder, no include), but it does declare util().
    assert related("src/util.c")["tools/util.h"] == "declares util() on line 1"


BUILD_TREE = {
    "CMakeLists.txt": (
        "include(cmake/Helpers.cmake)\ninclude(Warnings)\ninclude(GNUInstallDirs)\n"
        "find_package(Foo)\nfind_package(Threads)\nadd_subdirectory(src)\nadd_subdirectory(gone)\n"
    ),
    "cmake/Helpers.cmake": "function(helper)\nendfunction()\n",
    "cmake/Warnings.cmake": "set(WARNINGS -Wall)\n",
    "cmake/FindFoo.cmake": "set(Foo_FOUND TRUE)\n",
    "src/CMakeLists.txt": "add_library(core core.c)\n",
    "scripts/run.sh": (
        'source ./lib.sh\n. common/env.sh\n. "$DIR/x.sh"\nsource /etc/profile\nsource nope.sh\n'
    ),
    "scripts/lib.sh": "f() { :; }\n",
    "common/env.sh": "export A=1\n",
}


def test_cmake_and_shell_imports_resolve_to_repository_files(tmp_path):
    require_grammar("bash")
    root = write_tree(tmp_path / "repo", BUILD_TREE)
    graph = build_graph(build_model(str(root), scan(ScanSettings(root=root))))
    assert [(d.written, d.status, d.target) for d in graph.dependencies["CMakeLists.txt"]] == [
        ("cmake/Helpers.cmake", "repo", "cmake/Helpers.cmake"),
        ("Warnings", "repo", "cmake/Warnings.cmake"),
        ("GNUInstallDirs", "unresolved", None),
        ("Foo", "repo", "cmake/FindFoo.cmake"),
        ("Threads", "unresolved", None),
        ("src", "repo", "src/CMakeLists.txt"),
        ("gone", "unresolved", None),
    ]
    assert [(d.written, d.status, d.target) for d in graph.dependencies["scripts/run.sh"]] == [
        ("./lib.sh", "repo", "scripts/lib.sh"),
        ("common/env.sh", "repo", "common/env.sh"),
        ('"$DIR/x.sh"', "unresolved", None),
        ("/etc/profile", "unresolved", None),
        ("nope.sh", "unresolved", None),
    ]


MODULES_TREE = {
    "go.mod": "module example.org/app\n\ngo 1.22\n",
    "main.go": (
        'package main\n\nimport (\n\t"fmt"\n\t"example.org/app/internal/util"\n'
        '\t"example.org/app/gone"\n\t"github.com/other/lib"\n)\n'
    ),
    "internal/util/util.go": "package util\n",
    "src/main/java/org/demo/App.java": (
        "package org.demo;\nimport org.demo.model.User;\nimport org.demo.model.*;\n"
        "import static org.demo.model.User.NAME;\nimport java.util.List;\nimport com.x.Y;\n"
        "class App {}\n"
    ),
    "src/main/java/org/demo/model/User.java": "package org.demo.model;\nclass User {}\n",
    "crate/src/lib.rs": 'mod util;\nmod net;\n#[path = "sys/linux.rs"]\nmod sys;\nmod gone;\n',
    "crate/src/util.rs": "mod inner;\n",
    "crate/src/util/inner.rs": "",
    "crate/src/net/mod.rs": "",
    "crate/src/sys/linux.rs": "",
    "crate/tests/it.rs": "mod common;\n",
    "crate/tests/common.rs": "",
}


def test_go_java_and_rust_imports_resolve_to_repository_files(tmp_path):
    """Go by the module path of go.mod (a package is a folder), Java by package
    folders under any source root, Rust's ``mod`` files (and ``#[path]``)."""
    for lexer in ("go", "java", "rust"):
        require_grammar(lexer)
    root = write_tree(tmp_path / "repo", MODULES_TREE)
    graph = build_graph(build_model(str(root), scan(ScanSettings(root=root))))

    assert resolved(graph, "main.go") == [
        ("fmt", "stdlib", None),
        ("example.org/app/internal/util", "repo", "internal/util"),
        ("example.org/app/gone", "unresolved", None),
        ("github.com/other/lib", "third-party", None),
    ]
    assert resolved(graph, "src/main/java/org/demo/App.java") == [
        ("org.demo.model.User", "repo", "src/main/java/org/demo/model/User.java"),
        ("org.demo.model.*", "repo", "src/main/java/org/demo/model"),
        ("org.demo.model.User.NAME", "repo", "src/main/java/org/demo/model/User.java"),
        ("java.util.List", "stdlib", None),
        ("com.x.Y", "third-party", None),
    ]
    assert resolved(graph, "crate/src/lib.rs") == [
        ("mod util", "repo", "crate/src/util.rs"),
        ("mod net", "repo", "crate/src/net/mod.rs"),
        ('#[path = "sys/linux.rs"] mod', "repo", "crate/src/sys/linux.rs"),
        ("mod gone", "unresolved", None),
    ]
    assert resolved(graph, "crate/src/util.rs") == [
        ("mod inner", "repo", "crate/src/util/inner.rs")
    ]
    assert resolved(graph, "crate/tests/it.rs") == [("mod common", "repo", "crate/tests/common.rs")]


RUST_WORKSPACE = {
    "Cargo.toml": '[workspace]\nmembers = ["app", "util-lib"]\n',
    "app/Cargo.toml": (
        '[package]\nname = "app"\n\n[dependencies]\nserde = "1"\n'
        'util-lib = { path = "../util-lib" }\n'
    ),
    "app/src/main.rs": (
        "mod config;\n"
        "mod net;\n"
        "use std::io::{self, Write};\n"
        "use config::Settings;\n"
        "use crate::net::{tcp::Listener, Peer};\n"
        "use util_lib::shapes::Circle;\n"
        "use util_lib::Round;\n"
        "use serde::Serialize;\n"
        "use nowhere::Thing;\n"
        "use crate::net::Missing;\n"
        "#[cfg(test)]\n"
        "mod tests {\n"
        "    use super::*;\n"
        "}\n"
    ),
    "app/src/config.rs": "use super::net::Peer;\npub struct Settings;\n",
    "app/src/net/mod.rs": "pub mod tcp;\npub struct Peer;\n",
    "app/src/net/tcp.rs": "use crate::config::Settings;\nuse super::Peer;\npub struct Listener;\n",
    "util-lib/Cargo.toml": '[package]\nname = "util-lib"\n',
    "util-lib/src/lib.rs": "pub mod shapes;\npub use shapes::Circle as Round;\n",
    "util-lib/src/shapes.rs": "pub struct Circle;\n",
}


def test_rust_use_paths_resolve_to_the_module_files_that_define_the_names(tmp_path):
    """``crate::``, ``self::``, ``super::``, a child module and a workspace crate (by
    its Cargo name, ``-`` as ``_``) lead to the file of the module that defines or
    re-exports the name; a group depends on each module it names through; a ``use``
    inside an inline module of the file's own names is no dependency."""
    require_grammar("rust")
    root = write_tree(tmp_path / "repo", RUST_WORKSPACE)
    graph = build_graph(build_model(str(root), scan(ScanSettings(root=root))))

    assert resolved(graph, "app/src/main.rs") == [
        ("mod config", "repo", "app/src/config.rs"),
        ("mod net", "repo", "app/src/net/mod.rs"),
        ("std::io::{self, Write}", "stdlib", None),
        ("config::Settings", "repo", "app/src/config.rs"),
        ("crate::net::tcp::Listener", "repo", "app/src/net/tcp.rs"),
        ("crate::net::Peer", "repo", "app/src/net/mod.rs"),
        ("util_lib::shapes::Circle", "repo", "util-lib/src/shapes.rs"),
        ("util_lib::Round", "repo", "util-lib/src/lib.rs"),
        ("serde::Serialize", "third-party", None),
        ("nowhere::Thing", "unresolved", None),
        ("crate::net::Missing", "unresolved", None),
    ]
    assert resolved(graph, "app/src/config.rs") == [
        ("super::net::Peer", "repo", "app/src/net/mod.rs")
    ]
    assert resolved(graph, "app/src/net/tcp.rs") == [
        ("crate::config::Settings", "repo", "app/src/config.rs"),
        ("super::Peer", "repo", "app/src/net/mod.rs"),
    ]
    importers = {i.path for i in graph.imported_by["util-lib/src/shapes.rs"]}
    assert importers == {"app/src/main.rs", "util-lib/src/lib.rs"}


RUST_EDGES = {
    "app/Cargo.toml": (
        '[package]\nname = "app"\n\n[dependencies]\nserde = "1"\n'
        'mc = { package = "my-core", path = "../core" }\n'
    ),
    "app/src/lib.rs": (
        "mod config;\nmod test;\nmod parser;\nmod tests_support;\n"
        "use config::Settings;\n"  # the child module, not the package named config
        "use test::helper;\n"  # the child module, not Rust's test crate
        "use serde::Serialize;\n"  # from the registry, whatever examples/ holds
        "use mc::start;\n"  # a renamed path dependency
        "use ::config::Other;\n"  # ``::``: another crate, never the child module
        "use self::Kind::*;\n"  # this file's own enum
        "use crate::{ // the parser\n    parser::parse };\n"
        "pub enum Kind { A }\n"
    ),
    "app/src/config.rs": "pub struct Settings;\n",
    "app/src/test.rs": "pub fn helper() {}\n",
    "app/src/parser.rs": "pub fn parse() {}\n",
    "app/src/tests_support/mod.rs": "mod lexer;\n",
    "app/src/tests_support/lexer.rs": "use crate::parser::parse;\nuse super::super::Kind;\n",
    "app/src/bin/tool/main.rs": "mod util;\npub struct Config;\n",
    "app/src/bin/tool/util.rs": "use crate::Config;\n",
    "core/Cargo.toml": '[package]\nname = "my-core"\n',
    "core/src/lib.rs": "pub fn start() {}\n",
    "config/Cargo.toml": '[package]\nname = "config"\n',
    "config/src/lib.rs": "pub struct Settings;\n",
    "examples/fake-serde/Cargo.toml": '[package]\nname = "serde"\n',
    "examples/fake-serde/src/lib.rs": "pub trait Serialize {}\n",
    "template/Cargo.toml": "[package]\nname = {{ project-name }}\n",  # not TOML
    "template/src/lib.rs": "use serde::Serialize;\n",
}


def test_rust_paths_follow_the_package_not_the_names_around_it(tmp_path):
    """A child module before any crate of that name; a registry dependency stays
    third-party whatever package shares its name; ``::a`` is another crate; a
    module folder named like a Cargo target is a module; a binary's ``crate::`` is
    the binary; a manifest that does not parse makes its folder no package."""
    require_grammar("rust")
    root = write_tree(tmp_path / "repo", RUST_EDGES)
    graph = build_graph(build_model(str(root), scan(ScanSettings(root=root))))
    uses = [d for d in resolved(graph, "app/src/lib.rs") if not d[0].startswith("mod ")]
    assert uses == [
        ("config::Settings", "repo", "app/src/config.rs"),
        ("test::helper", "repo", "app/src/test.rs"),
        ("serde::Serialize", "third-party", None),
        ("mc::start", "repo", "core/src/lib.rs"),
        ("::config::Other", "unresolved", None),
        ("crate::{ parser::parse }", "repo", "app/src/parser.rs"),
    ]
    assert resolved(graph, "app/src/tests_support/lexer.rs") == [
        ("crate::parser::parse", "repo", "app/src/parser.rs"),
        ("super::super::Kind", "repo", "app/src/lib.rs"),
    ]
    assert resolved(graph, "app/src/bin/tool/util.rs") == [
        ("crate::Config", "repo", "app/src/bin/tool/main.rs")
    ]
    assert resolved(graph, "template/src/lib.rs") == [("serde::Serialize", "unresolved", None)]


def test_rust_imports_survive_hostile_shapes(tmp_path):
    """A ``use`` nested a thousand groups deep, and a Cargo.toml that is a symbolic
    link out of the repository (not read), give no error and no guess."""
    require_grammar("rust")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "Cargo.toml").write_text('[package]\nname = "secret"\n[dependencies]\nx = "1"\n')
    deep = "use a::" + "{b::" * 1000 + "C" + "}" * 1000 + ";\n"
    root = write_tree(tmp_path / "repo", {"src/lib.rs": deep + "use x::Y;\n"})
    (root / "Cargo.toml").symlink_to(outside / "Cargo.toml")
    graph = build_graph(build_model(str(root), scan(ScanSettings(root=root))))
    assert resolved(graph, "src/lib.rs") == [("x::Y", "unresolved", None)]


JS_WORKSPACE = {
    "package.json": '{"name": "root", "private": true, "workspaces": ["packages/*"]}\n',
    "packages/core/package.json": (
        '{"name": "@acme/core", "exports": {".": {"types": "./src/index.ts",'
        ' "import": "./dist/index.mjs"}, "./utils": "./src/utils.ts"}}\n'
    ),
    "packages/core/src/index.ts": "export const core = 1;\n",
    "packages/core/src/utils.ts": "export const util = 1;\n",
    "packages/built/package.json": '{"name": "built", "main": "dist/index.js"}\n',
    "packages/plain/package.json": '{"name": "plain"}\n',
    "packages/plain/index.js": "module.exports = 1;\n",
    "packages/plain/lib/extra.js": "module.exports = 2;\n",
    "fixtures/a/package.json": '{"name": "twin"}\n',
    "fixtures/b/package.json": '{"name": "twin"}\n',
    "packages/app/src/main.ts": (
        'import { core } from "@acme/core";\n'
        'import { util } from "@acme/core/utils";\n'
        'import { nope } from "@acme/core/missing";\n'
        'import built from "built";\n'
        'import plain from "plain";\n'
        'import extra from "plain/lib/extra";\n'
        'import twin from "twin";\n'
        'import react from "react";\n'
        'import { local } from "./local.js";\n'  # TypeScript's rule: local.ts
        'const lib2 = require("../../lib2");\n'  # a folder that is a package
        'const up = require("../../../..");\n'
        'import internal from "#internal";\n'
        'import aliased from "@/components/x";\n'
        'import dot from "dot";\n'  # its "main": "." names no file of its own
    ),
    "packages/dot/package.json": '{"name": "dot", "main": "."}\n',
    "packages/dot.js": "module.exports = 0;\n",  # beside the package, not in it
    "src/utils.js": "module.exports = 1;\n",
    "src/utils/index.js": "module.exports = 2;\n",
    "src/utils/x.js": 'require(".");\nrequire("../utils/");\nrequire("../utils");\n',
    "src/withmain/package.json": '{"main": "./main.js", "exports": "./e.js"}\n',
    "src/withmain/main.js": "module.exports = 3;\n",
    "src/withmain/index.js": "module.exports = 4;\n",
    "src/withmain/e.js": "module.exports = 5;\n",
    "src/uses.js": 'require("./withmain");\n',
    "packages/app/src/local.ts": "export const local = 1;\n",
    "packages/lib2/package.json": '{"main": "src/start.js"}\n',
    "packages/lib2/src/start.js": "module.exports = 3;\n",
}


def test_js_bare_specifiers_of_workspace_packages_resolve_to_their_entries(tmp_path):
    """A package of the repository by its package.json name: its exports (the first
    condition that gives a file of the repository), main, or index; its folder when
    the entry is built output not in the repository; a name two packages share, or
    one not in the repository, is another package's."""
    require_grammar("typescript")
    root = write_tree(tmp_path / "repo", JS_WORKSPACE)
    graph = build_graph(build_model(str(root), scan(ScanSettings(root=root))))
    assert resolved(graph, "packages/app/src/main.ts") == [
        ("@acme/core", "repo", "packages/core/src/index.ts"),
        ("@acme/core/utils", "repo", "packages/core/src/utils.ts"),
        ("@acme/core/missing", "unresolved", None),
        ("built", "repo", "packages/built"),
        ("plain", "repo", "packages/plain/index.js"),
        ("plain/lib/extra", "repo", "packages/plain/lib/extra.js"),
        ("twin", "third-party", None),
        ("react", "third-party", None),
        ("./local.js", "repo", "packages/app/src/local.ts"),
        ("../../lib2", "repo", "packages/lib2/src/start.js"),
        ("../../../..", "unresolved", None),
        ("#internal", "unresolved", None),
        ("@/components/x", "unresolved", None),
        ("dot", "repo", "packages/dot"),
    ]
    # Node's reading of folders: "." and a trailing "/" name only the folder, and a
    # folder's package.json main comes before its index (exports is for packages).
    assert resolved(graph, "src/utils/x.js") == [
        (".", "repo", "src/utils/index.js"),
        ("../utils/", "repo", "src/utils/index.js"),
        ("../utils", "repo", "src/utils.js"),
    ]
    assert resolved(graph, "src/uses.js") == [("./withmain", "repo", "src/withmain/main.js")]
