"""The walk and its filters, without Sphinx."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sphinx_repodocs.core.scan import GENERATED_MARKER, ScanSettings, scan

from .conftest import write_tree


def kept(root: Path, **settings: object) -> set[str]:
    result = scan(ScanSettings(root=root, **settings))  # type: ignore[arg-type]
    return {file.path for file in result.files}


def test_nested_gitignore_files_follow_git_precedence(tmp_path):
    write_tree(
        tmp_path,
        {
            ".gitignore": "*.log\n/top-only.txt\ndata/\n",
            "a.log": "",
            "top-only.txt": "",
            "sub/top-only.txt": "",  # anchored pattern: only the root one is ignored
            "data/x.csv": "",
            "sub/.gitignore": "!keep.log\n*.tmp\n",
            "sub/keep.log": "",
            "sub/drop.log": "",
            "sub/x.tmp": "",
            "other/x.tmp": "",  # sub's rules do not reach here
        },
    )
    assert kept(tmp_path) == {
        ".gitignore",
        "sub/.gitignore",
        "sub/top-only.txt",
        "sub/keep.log",
        "other/x.tmp",
    }


def test_gitignore_can_be_turned_off(tmp_path):
    write_tree(tmp_path, {".gitignore": "*.log\n", "a.log": ""})
    assert kept(tmp_path, use_gitignore=False) == {".gitignore", "a.log"}


def test_git_info_exclude_is_honoured(tmp_path):
    write_tree(tmp_path, {".git/info/exclude": "local.txt\n", "local.txt": "", "x.py": ""})
    assert kept(tmp_path) == {"x.py"}


def test_builtin_excludes_virtualenvs_and_markers(tmp_path):
    write_tree(
        tmp_path,
        {
            ".git/config": "",
            ".hg/store": "",
            "env/pyvenv.cfg": "",
            "env/lib/x.py": "",
            "node_modules/a.js": "",
            "pkg/__pycache__/m.cpython-311.pyc": "",
            "pkg/m.pyc": "",
            "pkg/m.py": "",
            f"site/{GENERATED_MARKER}": "",
            "site/page.repodocs": "",
            "x.egg-info/PKG-INFO": "",
            ".DS_Store": "",
        },
    )
    result = scan(ScanSettings(root=tmp_path))
    assert {file.path for file in result.files} == {"pkg/m.py"}
    assert result.skipped["version control"] == [".git/", ".hg/"]
    assert result.skipped["virtualenv"] == ["env/"]
    # Another project's generated pages: left out, and reported (this site's own folders,
    # given as site_dirs, are not: see below).
    assert result.skipped["Sphinx output"] == ["site/"]


def test_site_folders_are_never_scanned(tmp_path):
    write_tree(tmp_path, {"docs/_build/html/x.html": "", "docs/index.rst": ""})
    site = frozenset({os.path.realpath(tmp_path / "docs/_build/html")})
    result = scan(ScanSettings(root=tmp_path, site_dirs=site))
    assert {file.path for file in result.files} == {"docs/index.rst"}
    # docs/_build is left with nothing kept, so it has no page (git has no empty folders)
    assert set(result.folders) == {"", "docs"}


@pytest.mark.parametrize(
    "name",
    [
        ".env",
        ".env.production",
        "server.pem",
        "tls.key",
        "id_rsa",
        "id_ed25519",
        ".netrc",
        ".pypirc",
        "credentials.json",
        "gcp-credentials-prod.json",
        "client_secret_1.json",
        "terraform.tfstate",
        "store.p12",
    ],
)
def test_secrets_are_left_out_unless_allowed(tmp_path, name):
    write_tree(tmp_path, {f"conf/{name}": "secret", "conf/app.py": ""})
    assert kept(tmp_path) == {"conf/app.py"}
    assert kept(tmp_path, allow_secrets=(f"conf/{name}",)) == {"conf/app.py", f"conf/{name}"}


def test_secret_templates_and_public_keys_are_kept(tmp_path):
    write_tree(tmp_path, {".env.example": "A=", "id_rsa.pub": "ssh-rsa AAAA"})
    assert kept(tmp_path) == {".env.example", "id_rsa.pub"}


def test_user_include_and_exclude_patterns(tmp_path):
    write_tree(tmp_path, {"src/a.py": "", "src/b.txt": "", "gen/c.py": "", "README": ""})
    assert kept(tmp_path, exclude=("gen/",)) == {"src/a.py", "src/b.txt", "README"}
    assert kept(tmp_path, include=("*.py",)) == {"src/a.py", "gen/c.py"}
    assert kept(tmp_path, include=("*.py",), exclude=("gen/",)) == {"src/a.py"}


def test_symlinks_are_recorded_never_followed(tmp_path):
    outside = tmp_path / "outside"
    write_tree(outside, {"secret.txt": "outside"})
    root = write_tree(tmp_path / "repo", {"real/a.py": "x = 1\n"})
    (root / "link_to_file.py").symlink_to(root / "real/a.py")
    (root / "link_to_dir").symlink_to(root / "real", target_is_directory=True)
    (root / "escape").symlink_to(outside, target_is_directory=True)
    (root / "loop").symlink_to(root / "loop")
    (root / "dangling").symlink_to(root / "missing")
    result = scan(ScanSettings(root=root))
    links = {file.path: file.link_target for file in result.files if file.link_target is not None}
    assert links == {
        "link_to_file.py": "real/a.py",
        "link_to_dir": "real",
        "escape": "",
        "loop": "",
        "dangling": "",
    }
    # Nothing below a symlinked folder was walked.
    assert {file.path for file in result.files} - set(links) == {"real/a.py"}


def test_order_is_by_name_and_stable(tmp_path):
    write_tree(tmp_path, {"b.py": "", "a.py": "", "B.py": "", "z/x.py": "", "c/y.py": ""})
    result = scan(ScanSettings(root=tmp_path))
    assert result.folders[""].files == ["B.py", "a.py", "b.py"]
    assert result.folders[""].folders == ["c", "z"]
