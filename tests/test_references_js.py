"""Go to definition in JavaScript and TypeScript listings: imports, re-exports,
``require``, scopes, ``this`` and overloads, asserted on the written HTML."""

from __future__ import annotations

from .conftest import RST_CONF, file_page_html, require_grammar, warnings_of
from .test_references import links_on

TYPESCRIPT = {
    "docs/conf.py": RST_CONF,
    "docs/index.rst": "Demo\n====\n\n.. toctree::\n\n   _repodocs/index\n",
    "src/lib/core.ts": (
        "export interface Options { retries: number }\n"  # 1
        "export function request(url: string): string;\n"  # 2
        "export function request(url: string, options?: Options): string {\n"  # 3
        "  return url + helper(1);\n"  # 4
        "}\n"  # 5
        "function helper(n: number): string { return String(n); }\n"  # 6
        "export class Client {\n"  # 7
        "  static create(): Client { return new Client(); }\n"  # 8
        "  get(url: string): string { return this.send(url); }\n"  # 9
        "  send(url: string): string { const again = () => this.get(url); return url; }\n"  # 10
        "  late(): void { function inner(this: any) { this.get('x'); } }\n"  # 11
        "}\n"  # 12
        "export default Client;\n"  # 13
        "export interface Merged { a: number }\n"  # 14
        "export const Merged = 1;\n"  # 15
    ),
    "src/lib/index.ts": (
        "export {request as fetchIt, Client} from './core';\nexport * from './core';\n"
    ),
    "src/main.ts": (
        "import {fetchIt, Client, type Options, Merged} from './lib/index';\n"  # 1
        "import Default from './lib/core';\n"  # 2
        "import * as core from './lib/core';\n"  # 3
        "function go(o: Options, helper: number): void {\n"  # 4
        "  fetchIt('x', o);\n"  # 5
        "  const c = Client.create();\n"  # 6
        "  const d = new Default();\n"  # 7
        "  core.request('y', o);\n"  # 8
        "  const request = helper + Merged;\n"  # 9
        "  const s: core.Options = o;\n"  # 10
        "}\n"  # 11
    ),
}


def test_typescript_links_through_imports_reexports_and_classes(repo_factory, build):
    require_grammar("typescript")
    app = build(repo_factory(TYPESCRIPT))
    assert warnings_of(app) == ""
    core = file_page_html(app, "src/lib/core.ts")
    assert links_on(core, 3) == [("Options", "#Options")]
    assert links_on(core, 4) == [("helper", "#helper")]
    assert links_on(core, 8) == [("Client", "#Client"), ("Client", "#Client")]
    # this.name in a method, through an arrow function; a `function` rebinds `this`.
    assert links_on(core, 9) == [("send", "#Client.send")]
    assert links_on(core, 10) == [("get", "#Client.get")]
    assert links_on(core, 11) == []
    main = file_page_html(app, "src/main.ts")
    # The imported names link where they are defined, through the re-exporting index.
    assert links_on(main, 1) == [
        ("fetchIt", "lib/core.ts.html#request"),
        ("Client", "lib/core.ts.html#Client"),
        ("Options", "lib/core.ts.html#Options"),
        ("Merged", "lib/core.ts.html#Merged"),
    ]
    assert links_on(main, 2) == [("Default", "lib/core.ts.html#Client")]
    assert links_on(main, 4) == [("Options", "lib/core.ts.html#Options")]
    # The overloaded function links to its body (line 3), not a signature.
    assert links_on(main, 5) == [("fetchIt", "lib/core.ts.html#request")]
    assert links_on(main, 6) == [
        ("Client", "lib/core.ts.html#Client"),
        ("create", "lib/core.ts.html#Client.create"),
    ]
    assert links_on(main, 7) == [("Default", "lib/core.ts.html#Client")]
    assert links_on(main, 8) == [("request", "lib/core.ts.html#request")]
    # A parameter hides the module's helper; a value is not the interface of its name.
    assert links_on(main, 9) == []
    assert links_on(main, 10) == [("Options", "lib/core.ts.html#Options")]


JAVASCRIPT = {
    "docs/conf.py": RST_CONF,
    "docs/index.rst": "Demo\n====\n\n.. toctree::\n\n   _repodocs/index\n",
    "src/util.js": (
        "exports.fmt = function (x) { return String(x); };\n"
        "exports.parse = function parse(s) { return Number(s); };\n"
    ),
    "src/old.js": (
        "const lib = require('./util');\n"  # 1
        "const {fmt, parse: p} = require('./util');\n"  # 2
        "function run(fmt) { return fmt + lib.fmt(1) + p(2); }\n"  # 3
        "fmt(4);\n"  # 4
        "function a() {\n"  # 5
        "  function helper() {}\n"  # 6
        "  helper();\n"  # 7
        "}\n"  # 8
        "const b = () => {\n"  # 9
        "  const helper = function () {};\n"  # 10
        "  helper();\n"  # 11
        "};\n"  # 12
        "module.exports = run;\n"  # 13
        "it(() => {\n"  # 14
        "  function setup() {}\n"  # 15
        "  setup();\n"  # 16
        "});\n"  # 17
        "it(() => {\n"  # 18
        "  function setup() {}\n"  # 19
        "  setup();\n"  # 20
        "});\n"  # 21
        "const handler = 5;\n"  # 22
        "on(function handler() {});\n"  # 23
        "use(handler);\n"  # 24
    ),
    "src/user.js": "var run = require('./old');\nrun();\n",
}


def test_javascript_links_through_require_and_local_declarations(repo_factory, build):
    require_grammar("javascript")
    app = build(repo_factory(JAVASCRIPT))
    assert warnings_of(app) == ""
    old = file_page_html(app, "src/old.js")
    # The parameter fmt hides the required one inside run; lib.fmt is util's export.
    assert links_on(old, 3) == [("fmt", "util.js.html#fmt"), ("p", "util.js.html#parse")]
    assert links_on(old, 4) == [("fmt", "util.js.html#fmt")]
    # Two functions declare a helper each: each call links its own, by line.
    assert links_on(old, 7) == [("helper", "#a.helper")]
    assert links_on(old, 11) == [("helper", "#b.helper")]
    # Declared in two callbacks (one qualified name, one anchor): the second by line.
    assert links_on(old, 16) == [("setup", "#setup")]
    assert links_on(old, 20) == [("setup", "#L-19")]
    # The module's handler is a constant, not the function expression of that name.
    assert links_on(old, 24) == []
    user = file_page_html(app, "src/user.js")
    # A required module called is its module.exports.
    assert links_on(user, 2) == [("run", "old.js.html#run")]
