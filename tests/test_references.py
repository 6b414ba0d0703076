"""Go to definition in listings, and every definition's uses: the exact targets of the
links a reader gets in the written HTML, one resolution rule per fixture."""

from __future__ import annotations

from .conftest import RST_CONF, file_page_html, require_grammar, warnings_of
from .html_tree import Element, page_content, parse_html


def listing_line(page: str, line: int) -> list[Element]:
    """The elements on *line* of the page's listing, from its anchor to the next line's."""
    listing = page_content(page).find(class_="repodocs-source")
    following = listing.find_all("a", id=f"L-{line + 1}")
    return listing.between(listing.find("a", id=f"L-{line}"), following[0] if following else None)


def links_on(page: str, line: int) -> list[tuple[str, str]]:
    """(text, href) of each link on *line* of the page's listing."""
    return [
        (element.text(), element.attrs["href"])
        for element in listing_line(page, line)
        if element.tag == "a" and "repodocs-ref" in element.classes
    ]


PYTHON = {
    "docs/conf.py": RST_CONF,
    "docs/index.rst": "Demo\n====\n\n.. toctree::\n\n   _repodocs/index\n",
    "src/pkg/__init__.py": "from .core import Option as Option\nfrom .core import helper\n",
    "src/pkg/core.py": (
        "class Base:\n"  # 1
        "    def shared(self):\n"  # 2
        "        return 1\n"  # 3
        "\n"  # 4
        "\n"  # 5
        "class Option(Base):\n"  # 6
        "    def run(self, helper):\n"  # 7
        "        return helper + self.shared() + self.check()\n"  # 8
        "\n"  # 9
        "    def check(self):\n"  # 10
        "        data = [helper for helper in range(3)]\n"  # 11
        "        return helper(data)\n"  # 12
        "\n"  # 13
        "\n"  # 14
        "def helper(value):\n"  # 15
        "    return value\n"  # 16
        "\n"  # 17
        "\n"  # 18
        "try:\n"  # 19
        "    from fast import speedup\n"  # 20
        "except ImportError:\n"  # 21
        "    def speedup(x):\n"  # 22
        "        return x\n"  # 23
        "\n"  # 24
        "\n"  # 25
        "def uses_fallback():\n"  # 26
        "    return speedup(1)\n"  # 27
    ),
    "src/app.py": (
        "import pkg\n"  # 1
        "import pkg.core as core_module\n"  # 2
        "from pkg import Option as Opt\n"  # 3
        "\n"  # 4
        "\n"  # 5
        "def main(Option=None):\n"  # 6
        "    first = pkg.Option()\n"  # 7
        "    second = core_module.helper(Opt)\n"  # 8
        "    return Option, first, second, len(first)\n"  # 9
    ),
    "tests/test_app.py": (
        "from pkg.core import helper\n\n\ndef test_helper():\n    assert helper(2) == 2\n"
    ),
}


def test_python_links_follow_scopes_imports_and_classes(repo_factory, build):
    app = build(repo_factory(PYTHON))
    assert warnings_of(app) == ""
    core = file_page_html(app, "src/pkg/core.py")
    # self.method: the class's own, and an in-repository base class's.
    assert links_on(core, 8) == [("shared", "#Base.shared"), ("check", "#Option.check")]
    # A parameter and a comprehension variable hide the module's helper; after the
    # comprehension, helper is the module's function again.
    assert links_on(core, 11) == []
    assert links_on(core, 12) == [("helper", "#helper")]
    assert ("Base", "#Base") in links_on(core, 6)
    # Bound twice (an import, then a def in the except): no link rather than a guess.
    assert links_on(core, 27) == []
    # Definition lines carry symbol anchors.
    assert "Option.run" in {element.attrs.get("id") for element in listing_line(core, 7)}
    assert "helper" in {element.attrs.get("id") for element in listing_line(core, 15)}

    app_page = file_page_html(app, "src/app.py")
    init = "pkg/__init__.py.html"
    assert links_on(app_page, 1) == [("pkg", init)]
    core_page = "pkg/core.py.html"
    assert links_on(app_page, 2) == [("pkg", init), ("core", core_page), ("core_module", core_page)]
    # from's module, the name (re-exported by the package) and its alias.
    assert links_on(app_page, 3) == [
        ("pkg", init),
        ("Option", "pkg/core.py.html#Option"),
        ("Opt", "pkg/core.py.html#Option"),
    ]
    # pkg.Option through the package's __init__; an alias of a module; an alias of a name.
    assert links_on(app_page, 7) == [("pkg", init), ("Option", "pkg/core.py.html#Option")]
    assert links_on(app_page, 8) == [
        ("core_module", "pkg/core.py.html"),
        ("helper", "pkg/core.py.html#helper"),
        ("Opt", "pkg/core.py.html#Option"),
    ]
    # The parameter Option shadows nothing outside; len is a builtin: neither links.
    assert links_on(app_page, 9) == []
    links = page_content(app_page).find_all("a", class_="repodocs-ref")
    titles = {link.text(): link.attrs["title"] for link in links}
    assert titles["Opt"] == "class Option · src/pkg/core.py:6"


def test_definitions_list_their_uses(repo_factory, build):
    app = build(repo_factory(PYTHON))
    core = page_content(file_page_html(app, "src/pkg/core.py"))
    table = core.section("references").find("table")
    assert table.headers() == ["Definition", "Uses", "Used in", "Line", "Text", "Test"]
    # helper: used in core.py itself (line 12), by pkg/__init__.py, app.py (line 8)
    # and the test (its import and its call).
    groups: dict[str, list[Element]] = {}
    current = ""
    for row in table.find("tbody").find_all("tr"):
        if hrefs := row.find("td").hrefs():
            current = hrefs[0].removeprefix("#")
        groups.setdefault(current, []).append(row)
    helper = groups["helper"]
    assert helper[0].find_all("td")[1].text() == "5"
    lines = [href for row in helper for href in row.find_all("td")[3].hrefs()]
    assert "__init__.py.html#L-2" in lines and "#L-12" in lines
    test_row = next(row for row in helper if "../../tests/test_app.py.html#L-5" in row.hrefs())
    assert test_row.find_all("td")[-1].text() == "test"  # a use in a test file
    assert "assert helper(2) == 2" in [row.find_all("td")[4].text() for row in helper]  # its text
    # The symbol table counts the uses; the jump bar lists the part.
    assert "Uses" in core.section("symbols").find("table").headers()
    jump_bar = core.find("p", class_="repodocs-jump-bar")
    assert jump_bar.link("#references").text().startswith("References (")


TYPED = {
    "docs/conf.py": RST_CONF,
    "docs/index.rst": "Demo\n====\n\n.. toctree::\n\n   _repodocs/index\n",
    "typed.py": (
        "class Data:\n"  # 1
        "    def read(self):\n"  # 2
        "        return 1\n"  # 3
        "\n"  # 4
        "\n"  # 5
        "def make() -> Data:\n"  # 6
        "    return Data()\n"  # 7
        "\n"  # 8
        "\n"  # 9
        "def later() -> 'Data | None':\n"  # 10
        "    return None\n"  # 11
        "\n"  # 12
        "\n"  # 13
        "class Holder:\n"  # 14
        "    def __init__(self, data: Data, other):\n"  # 15
        "        self.data = data\n"  # 16
        "        self.other = other\n"  # 17
        "\n"  # 18
        "    def go(self):\n"  # 19
        "        made = make()\n"  # 20
        "        unknown = later()\n"  # 21
        "        return made.read(), self.data.read(), unknown.read(), self.other.read()\n"  # 22
    ),
}


def test_python_types_from_return_annotations_and_annotated_parameters(repo_factory, build):
    app = build(repo_factory(TYPED))
    page = file_page_html(app, "typed.py")
    # made = make() -> Data; self.data = data (data: Data); a return annotation that
    # is not a plain class name, and an unannotated parameter, say nothing.
    assert links_on(page, 22) == [("read", "#Data.read"), ("read", "#Data.read")]
    assert links_on(page, 20) == [("make", "#make")]


def test_a_much_used_definition_lists_every_use_below_the_table(repo_factory, build):
    calls = "".join(f"f({n})\n" for n in range(12))
    app = build(
        repo_factory(
            {
                "docs/conf.py": RST_CONF,
                "docs/index.rst": "Demo\n====\n\n.. toctree::\n\n   _repodocs/index\n",
                "lib.py": "def f(x):\n    return x\n",
                "use.py": f"from lib import f\n{calls}",
            }
        )
    )
    references = page_content(file_page_html(app, "lib.py")).section("references")
    table = references.find("table")
    lines = [href for href in table.hrefs() if href.startswith("use.py.html#L-")]
    assert lines == [f"use.py.html#L-{line}" for line in range(1, 11)]  # the first ten
    assert "and 3 more (all are listed below the table)" in table.text()
    every = references.find("p", class_="repodocs-all-uses")
    assert references.position(table) < references.position(every)
    assert every.text().startswith("All 13 uses of f: ")
    assert every.hrefs() == [f"use.py.html#L-{line}" for line in range(1, 14)]


C_REPO = {
    "docs/conf.py": RST_CONF,
    "docs/index.rst": "Demo\n====\n\n.. toctree::\n\n   _repodocs/index\n",
    "src/list.h": "typedef struct list_node node;\nint list_len(node *head);\n#define LIST_MAX 8\n",
    "src/list.c": (
        '#include "list.h"\n'  # 1
        "struct list_node { node *next; };\n"  # 2
        "int list_len(node *head) {\n"  # 3
        "    int list_max = LIST_MAX;\n"  # 4
        "    return head ? 1 + list_len(head->next) : list_max;\n"  # 5
        "}\n"  # 6
    ),
    "src/main.c": (
        '#include "list.h"\n'  # 1
        "static int count(int list_len) { return list_len; }\n"  # 2
        "int main(void) { node *n = 0; return list_len(n) + count(1); }\n"  # 3
    ),
    "src/other.c": "static int count(int x) { return x; }\n",
}


def test_c_links_go_through_headers_to_definitions(repo_factory, build):
    require_grammar("c")
    app = build(repo_factory(C_REPO))
    assert warnings_of(app) == ""
    main = file_page_html(app, "src/main.c")
    # list_len is declared in the header and defined in its pair list.c: the
    # definition; count is main.c's own (other.c's is not visible); node is the typedef.
    assert links_on(main, 3) == [
        ("node", "list.h.html#node"),
        ("list_len", "list.c.html#list_len"),
        ("count", "#count"),
    ]
    assert links_on(main, 2) == []  # the parameter list_len hides the function
    list_c = file_page_html(app, "src/list.c")
    assert ("LIST_MAX", "list.h.html#LIST_MAX") in links_on(list_c, 4)
    assert ("list_len", "#list_len") in links_on(list_c, 5)


GO_REPO = {
    "docs/conf.py": RST_CONF,
    "docs/index.rst": "Demo\n====\n\n.. toctree::\n\n   _repodocs/index\n",
    "go.mod": "module example.com/demo\n\ngo 1.21\n",
    "util/util.go": "package util\n\nfunc Double(x int) int { return x * 2 }\n",
    "main/main.go": (
        "package main\n"  # 1
        "\n"  # 2
        'import "example.com/demo/util"\n'  # 3
        "\n"  # 4
        "func main() {\n"  # 5
        "\tvalue := helper(3)\n"  # 6
        "\t_ = util.Double(value)\n"  # 7
        "}\n"  # 8
    ),
    "main/helper.go": (
        "package main\n\nfunc helper(x int) int { return x }\n\n"
        "type list struct{}\n\nfunc (l list) append(x int) {}\n\n"
        "func grow(xs []int) []int { return append(xs, 1) }\n"  # 9
    ),
}


def test_go_links_within_the_package_and_to_imported_packages(repo_factory, build):
    require_grammar("go")
    app = build(repo_factory(GO_REPO))
    assert warnings_of(app) == ""
    main = file_page_html(app, "main/main.go")
    assert links_on(main, 6) == [("helper", "helper.go.html#helper")]
    assert links_on(main, 7) == [("Double", "../util/util.go.html#Double")]
    # A bare name never names a method: append is the builtin, not list.append.
    helper = file_page_html(app, "main/helper.go")
    assert links_on(helper, 9) == []


RUST_REPO = {
    "docs/conf.py": RST_CONF,
    "docs/index.rst": "Demo\n====\n\n.. toctree::\n\n   _repodocs/index\n",
    "Cargo.toml": '[package]\nname = "demo"\nversion = "0.1.0"\n',
    "src/util.rs": "pub fn double(x: i32) -> i32 {\n    x * 2\n}\n",
    "src/main.rs": (
        "mod util;\n"  # 1
        "use crate::util::double;\n"  # 2
        "\n"  # 3
        "fn helper(x: i32) -> i32 { x }\n"  # 4
        "\n"  # 5
        "fn main() {\n"  # 6
        "    let value = helper(double(1));\n"  # 7
        "}\n"  # 8
        "fn other() { if let Some(helper) = Some(1) { helper(); } }\n"  # 9
        "\n"  # 10
        "mod tests {\n"  # 11
        "    fn helper() {}\n"  # 12
        "    fn check() { helper(); }\n"  # 13
        "}\n"  # 14
    ),
}


def test_rust_links_through_use_and_within_the_module(repo_factory, build):
    require_grammar("rust")
    app = build(repo_factory(RUST_REPO))
    assert warnings_of(app) == ""
    main = file_page_html(app, "src/main.rs")
    # The file's own helper (not tests::helper), double through its `use`.
    assert links_on(main, 7) == [("helper", "#helper"), ("double", "util.rs.html#double")]
    # A name an if-let binds hides the function in the whole function.
    assert links_on(main, 9) == []
    # Inside `mod tests`, helper is that module's own.
    assert links_on(main, 13) == [("helper", "#tests::helper")]


JAVA_REPO = {
    "docs/conf.py": RST_CONF,
    "docs/index.rst": "Demo\n====\n\n.. toctree::\n\n   _repodocs/index\n",
    "src/demo/Shape.java": (
        "package demo;\n\npublic class Shape {\n  int sides() { return 0; }\n}\n"
    ),
    "src/demo/Square.java": (
        "package demo;\n"  # 1
        "\n"  # 2
        "public class Square extends Shape {\n"  # 3
        "  int area() { return side() * side(); }\n"  # 4
        "  int side() { return 2; }\n"  # 5
        "  int both(int x) { return x; }\n"  # 6
        "  int both(String y) { return both(y.length()); }\n"  # 7
        "}\n"  # 8
    ),
}


def test_java_links_types_of_the_package_and_methods_of_the_class(repo_factory, build):
    require_grammar("java")
    app = build(repo_factory(JAVA_REPO))
    assert warnings_of(app) == ""
    square = file_page_html(app, "src/demo/Square.java")
    assert links_on(square, 3) == [("Shape", "Shape.java.html#Shape")]
    assert links_on(square, 4) == [("side", "#Square.side"), ("side", "#Square.side")]
    # An overloaded method: which one is called depends on the argument's type.
    assert ("both", "#Square.both") not in links_on(square, 7)


def test_links_keep_the_tokens_classes_and_escape_what_they_add():
    from sphinx_repodocs.sphinx.source_links import add_links

    highlighted = (
        '<div class="highlight"><pre><span></span><a id="L-1" name="L-1"></a>'
        '<a href="#L-1"><span class="linenos">1</span></a>'
        '<span class="n">a</span><span class="o">&lt;</span><span class="n">bb</span>'
        '<span class="p">(</span><span class="n">c</span>d\n</pre></div>'
    )
    links = [
        (1, 2, 2, "x.html#bb", 'method "bb" <x>'),  # after an entity: one column
        (1, 5, 2, "y.html", "split"),  # spans two tokens: not linked
    ]
    written = add_links(highlighted, links, {1: ["A.b"]})
    pre = parse_html(written).find("pre")
    tokens = [child for child in pre.children if isinstance(child, Element)]
    linked = [token for token in tokens if token.has("a", class_="repodocs-ref")]
    assert [(token.tag, token.classes, token.text()) for token in linked] == [("span", {"n"}, "bb")]
    link = linked[0].find("a")
    assert link.attrs == {"class": "repodocs-ref", "href": "x.html#bb", "title": 'method "bb" <x>'}
    assert 'title="method &quot;bb&quot; &lt;x&gt;"' in written  # escaped as it is written
    assert "y.html" not in written
    # The symbol anchor comes right after the line's anchor.
    assert [(token.tag, token.attrs.get("id")) for token in tokens[1:3]] == [
        ("a", "L-1"),
        ("span", "A.b"),
    ]
