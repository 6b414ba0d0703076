"""The walk and its filters, without Sphinx."""

from __future__ import annotations

import os
import shutil
import subprocess
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


GIT_ENV = {
    "GIT_AUTHOR_NAME": "Tester",
    "GIT_AUTHOR_EMAIL": "tester@example.org",
    "GIT_COMMITTER_NAME": "Tester",
    "GIT_COMMITTER_EMAIL": "tester@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
}
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(root: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", *arguments],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV},
    )
    return done.stdout


def git_checkout(root: Path) -> Path:
    """A checkout with a tracked file that .gitignore covers, an untracked file, an
    ignored one, a file the repository's excludes file covers, and a submodule."""
    write_tree(
        root,
        {
            ".gitignore": "*.log\nbuild/\n",
            "kept.log": "tracked although ignored\n",
            "debug.log": "ignored, untracked\n",
            "build/out.txt": "ignored folder\n",
            "new.py": "x = 1\n",
            "notes.scratch": "covered by core.excludesFile\n",
            "src/parser.c": "int yyparse(void);\n",
            "src/table.c.src": "int f(void);\n",
            "src/legacy.txt": "привет\n".encode("cp1251"),
            ".gitattributes": (
                "src/parser.c linguist-generated\n"
                "*.c.src linguist-language=C\n"
                "src/legacy.txt working-tree-encoding=cp1251\n"
            ),
            "excludes": "*.scratch\n",
        },
    )
    _git(root, "init", "-q")
    _git(root, "config", "core.excludesFile", str(root / "excludes"))
    _git(root, "add", ".gitignore", ".gitattributes", "src/parser.c", "src/table.c.src")
    _git(root, "add", "-f", "kept.log")
    commit = "0123456789abcdef0123456789abcdef01234567"
    _git(root, "update-index", "--add", "--cacheinfo", f"160000,{commit},lib/sub")
    write_tree(root, {"lib/sub/.git": "gitdir: ../../.git/modules/sub\n", "lib/sub/x.c": ""})
    _git(root, "commit", "-q", "-m", "first")
    return root


@needs_git
def test_git_checkout_is_documented_as_git_sees_it(tmp_path):
    root = git_checkout(tmp_path / "repo")
    result = scan(ScanSettings(root=root))
    files = {file.path: file for file in result.files}
    assert set(files) == {
        ".gitignore",
        ".gitattributes",
        "excludes",
        "kept.log",  # tracked: kept whatever .gitignore says
        "new.py",  # untracked, not ignored
        "src/parser.c",
        "src/table.c.src",
        "src/legacy.txt",
        "lib/sub",  # the submodule, once, with its commit; never its .git file
    }
    assert files["lib/sub"].submodule_commit == "0123456789abcdef0123456789abcdef01234567"
    assert "sub" in result.folders["lib"].files
    assert dict(files["src/parser.c"].attributes) == {"linguist-generated": "set"}
    assert dict(files["src/table.c.src"].attributes) == {"linguist-language": "C"}
    assert dict(files["src/legacy.txt"].attributes) == {"working-tree-encoding": "cp1251"}
    assert files["new.py"].attributes == ()
    assert {"debug.log", "build/", "notes.scratch"} <= set(result.skipped["gitignored"])


def test_outside_git_the_gitignore_files_are_read(tmp_path):
    write_tree(tmp_path, {".gitignore": "*.log\n", "kept.log": "", "a.py": ""})
    assert kept(tmp_path) == {".gitignore", "a.py"}


@pytest.mark.parametrize(
    ("name", "content", "is_secret"),
    [
        ("server.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", False),
        ("release.key", "-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQIN\n", False),
        ("server.key", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n", True),
        ("mixed.pem", "-----BEGIN CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n", True),
        ("empty.key", "", True),
    ],
)
def test_key_files_are_secrets_by_content(tmp_path, name, content, is_secret):
    write_tree(tmp_path, {name: content})
    assert (name not in kept(tmp_path)) == is_secret
