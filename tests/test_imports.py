"""Import resolution to repository files, without Sphinx."""

from __future__ import annotations

from sphinx_repodocs.core.imports import build_graph
from sphinx_repodocs.core.read import build_model
from sphinx_repodocs.core.scan import ScanSettings, scan

from .conftest import require_grammar, write_tree

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
