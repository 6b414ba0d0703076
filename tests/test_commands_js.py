"""JavaScript test commands: Node's own runner (run here), Jest and Vitest (printed only
where their default patterns and the package's test script make them certain; not run:
that would need their packages installed)."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess

import pytest

from .conftest import RST_CONF, RST_INDEX, file_page_html, require_grammar
from .html_tree import parse_html
from .test_commands_run import built_site, page_commands

NODE_TEST = (
    "import test from 'node:test';\nimport assert from 'node:assert';\n\n"
    "test('adds', () => {\n  assert.strictEqual(1 + 1, 2);\n});\n"
)
NODE_TEST_CJS = (
    "const test = require('node:test');\nconst assert = require('node:assert');\n\n"
    "test('works', () => {\n  assert.ok(true);\n});\n"
)


def _package(**fields: object) -> str:
    return json.dumps({"name": "x", "version": "1.0.0", **fields})


JS_REPO = {
    "docs/conf.py": RST_CONF,
    "docs/index.rst": RST_INDEX,
    "node-esm/package.json": _package(type="module"),
    "node-esm/test/add.test.js": NODE_TEST,  # ES syntax in a "type": "module" package
    "node-cjs/test/works.js": NODE_TEST_CJS,  # CommonJS: runs anywhere
    "node-mjs/add.test.mjs": NODE_TEST,
    "node-plain/package.json": _package(),
    "node-plain/add.test.js": NODE_TEST,  # ES syntax, CommonJS package: node 20 fails
    "web/package.json": _package(
        scripts={"test": "jest --coverage"}, devDependencies={"jest": "^29.0.0"}
    ),
    "web/src/sum.test.js": "test('sums', () => expect(1 + 1).toBe(2));\n",
    "web/src/__tests__/more.js": "test('more', () => expect(1).toBe(1));\n",
    "web/src/helpers.js": "module.exports = {};\n",
    "app/package.json": _package(scripts={"test": "vitest"}, devDependencies={"vitest": "^2.0.0"}),
    "app/src/sum.spec.ts": "import { test, expect } from 'vitest';\ntest('s', () => {});\n",
    "configured/package.json": _package(
        scripts={"test": "jest"}, devDependencies={"jest": "^29.0.0"}
    ),
    "configured/jest.config.js": "module.exports = { testMatch: ['**/*.check.js'] };\n",
    "configured/sum.test.js": "test('s', () => {});\n",
}


@pytest.fixture(scope="module")
def js_site(tmp_path_factory):
    require_grammar("javascript")  # the tests are found in the syntax tree
    return built_site(tmp_path_factory, JS_REPO)


def _commands(app, path: str) -> list[str]:
    page = parse_html(file_page_html(app, path))
    if not page.find_all(class_="repodocs-run"):
        return []
    return page_commands(app, path)


def test_runners_are_named_only_where_certain(js_site):
    _root, app = js_site
    assert _commands(app, "node-esm/test/add.test.js") == ["node --test node-esm/test/add.test.js"]
    assert _commands(app, "node-cjs/test/works.js") == ["node --test node-cjs/test/works.js"]
    assert _commands(app, "node-mjs/add.test.mjs") == ["node --test node-mjs/add.test.mjs"]
    assert _commands(app, "node-plain/add.test.js") == []
    assert _commands(app, "web/src/sum.test.js") == [
        "cd web && npx jest --runTestsByPath src/sum.test.js"
    ]
    assert _commands(app, "web/src/__tests__/more.js") == [
        "cd web && npx jest --runTestsByPath src/__tests__/more.js"
    ]
    assert _commands(app, "web/src/helpers.js") == []
    assert _commands(app, "app/src/sum.spec.ts") == ["cd app && npx vitest run src/sum.spec.ts"]
    # A configuration we cannot read may change which files are tests.
    assert _commands(app, "configured/sum.test.js") == []


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_node_commands_run_their_tests(js_site):
    root, app = js_site
    for path in ("node-esm/test/add.test.js", "node-cjs/test/works.js", "node-mjs/add.test.mjs"):
        (command,) = _commands(app, path)
        done = subprocess.run(shlex.split(command), cwd=root, capture_output=True, text=True)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
        assert re.search(r"# pass 1\b", done.stdout), done.stdout
