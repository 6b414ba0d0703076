"""Rust test commands: each printed ``cargo test`` runs from the repository root and
runs exactly the tests it names (``cargo`` is run when installed; offline, no
dependencies)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess

import pytest

from .conftest import RST_CONF, RST_INDEX, require_grammar
from .test_commands_run import built_site, page_commands

CARGO_REPO = {
    "docs/conf.py": RST_CONF,
    "docs/index.rst": RST_INDEX,
    "Cargo.toml": '[workspace]\nmembers = ["crates/calc"]\nresolver = "2"\n',
    "crates/calc/Cargo.toml": '[package]\nname = "calc-lib"\nversion = "0.1.0"\nedition = "2021"\n',
    "crates/calc/src/lib.rs": (
        "mod ops;\n\npub fn add(a: i32, b: i32) -> i32 {\n    a + b\n}\n\n"
        "#[cfg(test)]\nmod tests {\n    #[test]\n    fn adds() {\n"
        "        assert_eq!(super::add(1, 2), 3);\n    }\n}\n"
    ),
    "crates/calc/src/ops.rs": (
        "pub fn double(x: i32) -> i32 {\n    x * 2\n}\n\n"
        "#[cfg(test)]\nmod tests {\n    #[test]\n    fn doubles() {\n"
        "        assert_eq!(super::double(2), 4);\n    }\n}\n"
    ),
    "crates/calc/tests/integration.rs": (
        "#[test]\nfn works() {\n    assert_eq!(calc_lib::add(2, 2), 4);\n}\n\n"
        '#[test]\n#[ignore = "slow"]\nfn slow() {\n    assert!(true);\n}\n'
    ),
}
BASE = "cargo test --manifest-path crates/calc/Cargo.toml"


@pytest.fixture(scope="module")
def cargo_site(tmp_path_factory):
    require_grammar("rust")  # the tests are found in the syntax tree
    return built_site(tmp_path_factory, CARGO_REPO)


def test_each_test_gets_an_exact_command(cargo_site):
    _root, app = cargo_site
    assert page_commands(app, "crates/calc/src/lib.rs") == [
        f"{BASE} --lib",
        f"{BASE} --lib -- --exact tests::adds",
    ]
    # A module file: its tests by their path from the crate root, through `mod ops;`.
    assert page_commands(app, "crates/calc/src/ops.rs") == [
        f"{BASE} --lib -- --exact ops::tests::doubles",
    ]
    assert page_commands(app, "crates/calc/tests/integration.rs") == [
        f"{BASE} --test integration",
        f"{BASE} --test integration -- --exact works",
        f"{BASE} --test integration -- --exact slow --ignored",
    ]


@pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")
def test_the_commands_run_the_tests_they_name(cargo_site, tmp_path):
    root, app = cargo_site
    env = {**os.environ, "CARGO_TARGET_DIR": str(tmp_path / "target"), "CARGO_NET_OFFLINE": "1"}
    expected = {
        f"{BASE} --lib": 2,
        f"{BASE} --lib -- --exact tests::adds": 1,
        f"{BASE} --lib -- --exact ops::tests::doubles": 1,
        f"{BASE} --test integration": 1,  # the ignored one is not run
        f"{BASE} --test integration -- --exact works": 1,
        f"{BASE} --test integration -- --exact slow --ignored": 1,
    }
    printed = [
        command
        for path in ("src/lib.rs", "src/ops.rs", "tests/integration.rs")
        for command in page_commands(app, f"crates/calc/{path}")
    ]
    assert sorted(printed) == sorted(expected)
    for command, passed in expected.items():
        done = subprocess.run(
            shlex.split(command), cwd=root, env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, (command, done.stderr[-2000:])
        counts = [int(n) for n in re.findall(r"test result: ok\. (\d+) passed", done.stdout)]
        assert sum(counts) == passed, (command, done.stdout)
