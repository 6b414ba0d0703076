"""A ``.h`` that only C++ files include is read as C++, and says so; one a C file
includes, or that the C++ grammar reads worse, stays C; rebuilds decide again."""

from __future__ import annotations

import os
import time
from pathlib import Path

from sphinx.util.inventory import InventoryFile

from sphinx_repodocs.core.header_languages import INCLUDED_BY_CPP

from .conftest import BASIC_REPO, file_page_html, warnings_of, write_tree
from .conftest import require_grammar as require
from .html_tree import page_content

#: C++ that no pattern of ``cpp_headers`` sees (a struct with a member function, a
#: reference parameter): only its includers say it is C++.
SHAPE_H = (
    "#pragma once\n"
    '#include "lib/detail.h"\n'
    "struct Box {\n"
    "    double w, h;\n"
    "    double area() const { return w * h; }\n"
    "};\n"
    "double scaled(const Box& box, double by);\n"
)
HEADERS_REPO = {
    **BASIC_REPO,
    "include/lib/shape.h": SHAPE_H,
    # Included only by shape.h: C++ once shape.h is.
    "include/lib/detail.h": "#pragma once\ninline bool tiny(const double& x) { return x < 1; }\n",
    # Included by C++ and by C: stays C.
    "include/lib/common.h": "#pragma once\nint common_limit(void);\n",
    # C that C++ cannot read (a K&R definition): stays C.
    "include/lib/list.h": "#pragma once\nint size(n) int n; { return n; }\n",
    "src/main.cc": (
        '#include "lib/shape.h"\n#include "lib/common.h"\n#include "lib/list.h"\n'
        "int main() { return 0; }\n"
    ),
    "src/legacy.c": '#include "lib/common.h"\nint legacy(void) { return 1; }\n',
    "docs/conf.py": BASIC_REPO["docs/conf.py"] + 'repodocs_include_dirs = ["include"]\n',
}


def _language_line(app: object, path: str) -> str:
    """The page's text, less the listing (which repeats the file's own words)."""
    page = page_content(file_page_html(app, path))  # type: ignore[arg-type]
    return " ".join(page.text_without(page.find(class_="repodocs-source")).split())


def _inventory(app: object) -> dict[str, dict[str, object]]:
    outdir = Path(app.outdir)  # type: ignore[attr-defined]
    with (outdir / "objects.inv").open("rb") as handle:
        inventory = InventoryFile.load(handle, "", lambda base, uri: uri)
    return inventory.data if hasattr(inventory, "data") else inventory  # type: ignore[return-value]


def test_a_header_only_cpp_includes_is_read_as_cpp(repo_factory, build):
    require("cpp")
    app = build(repo_factory(HEADERS_REPO))
    assert "WARNING" not in warnings_of(app)
    shape = _language_line(app, "include/lib/shape.h")
    assert f"tree-sitter (tree-sitter-cpp), as C++: {INCLUDED_BY_CPP}" in shape
    assert f"as C++: {INCLUDED_BY_CPP}" in _language_line(app, "include/lib/detail.h")
    for stays_c in ("include/lib/common.h", "include/lib/list.h"):
        text = _language_line(app, stays_c)
        assert "tree-sitter (tree-sitter-c)" in text and INCLUDED_BY_CPP not in text
    methods = _inventory(app)["repo:method"]
    # The member function C's grammar cannot read, named as C++ names it.
    assert "include/lib/shape.h::Box::area" in methods
    functions = _inventory(app)["repo:function"]
    assert "include/lib/list.h::size" in functions


def test_a_rebuild_decides_again_when_a_c_file_starts_including(repo_factory, build):
    require("cpp")
    srcdir = repo_factory(HEADERS_REPO)
    build(srcdir)
    legacy = srcdir.parent / "src/legacy.c"
    legacy.write_text('#include "lib/shape.h"\n' + legacy.read_text())
    later = time.time() + 5
    os.utime(legacy, (later, later))
    again = build(srcdir)
    shape = _language_line(again, "include/lib/shape.h")
    assert "tree-sitter (tree-sitter-c)" in shape and INCLUDED_BY_CPP not in shape
    # detail.h is included only by shape.h, now C: C again too.
    assert INCLUDED_BY_CPP not in _language_line(again, "include/lib/detail.h")
    assert "include/lib/shape.h::Box::area" not in _inventory(again).get("repo:method", {})


def _decided(root: Path, previous=None):
    from sphinx_repodocs.core.header_languages import with_header_languages
    from sphinx_repodocs.core.read import build_model
    from sphinx_repodocs.core.scan import ScanSettings, scan

    model = build_model(str(root), scan(ScanSettings(root=root)), previous=previous)
    with_header_languages(model, previous=previous)
    return model


def test_a_header_stays_c_where_its_includers_or_its_text_leave_doubt(tmp_path, monkeypatch):
    """C when C++ reads it worse (and the headers only it includes are not switched on
    its account), when it says ``extern "C"``, when a C file includes a header of its
    name that did not resolve; a switched header's purpose names C++; a header kept C
    for its content is not parsed again while it is unchanged."""
    require("cpp")
    root = write_tree(
        tmp_path / "repo",
        {
            "src/a.cpp": (
                '#include "kr.h"\n#include "api.h"\n#include "../include/mylib.h"\n'
                '#include "plain.h"\n'
            ),
            "src/kr.h": '#include "inner.h"\nint twice(n) int n; { return 2 * n; }\n',
            "src/inner.h": "int inner(void);\n",
            "src/api.h": '#ifdef __cplusplus\nextern "C" {\n#endif\nint api(void);\n',
            "include/mylib.h": "int mylib(void);\n",
            "lib/lib.c": "#include <mylib.h>\n",  # the include folder is not known
            "src/plain.h": "struct P { int f() const { return 1; } };\n",
        },
    )
    model = _decided(root)
    languages = {path: model.files[path].language for path in model.files if path.endswith(".h")}
    assert languages == {
        "src/kr.h": "C",
        "src/inner.h": "C",
        "src/api.h": "C",
        "include/mylib.h": "C",
        "src/plain.h": "C++",
    }
    assert model.files["src/plain.h"].purpose_reason == "C++ code"
    assert set(model.kept_c) == {"src/kr.h", "src/api.h"}

    from sphinx_repodocs.core import header_languages

    parsed: list[str] = []
    real = header_languages.extract
    monkeypatch.setattr(
        header_languages, "extract", lambda t, p, lexer: parsed.append(p) or real(t, p, lexer)
    )
    (root / "src/a.cpp").write_text((root / "src/a.cpp").read_text() + "int main() {}\n")
    again = _decided(root, previous=model)
    assert parsed == [] and again.files["src/plain.h"].language == "C++"
