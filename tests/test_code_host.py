"""Links to a file on its code host: recognised remotes, templates, and no guesses."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from sphinx.errors import ConfigError

from sphinx_repodocs.core.code_host import (
    configured_links,
    detected_links,
    parse_remote,
    template_problem,
)

from .conftest import BASIC_REPO, file_page_html
from .html_tree import page_content, parse_html

COMMIT = "0123456789abcdef0123456789abcdef01234567"


@pytest.mark.parametrize(
    ("remote", "expected"),
    [
        ("https://github.com/pallets/click.git", ("github.com", "pallets/click")),
        ("https://user:secret-token@github.com/pallets/click", ("github.com", "pallets/click")),
        ("git@github.com:pallets/click.git", ("github.com", "pallets/click")),
        ("ssh://git@gitlab.com:22/group/sub/project.git", ("gitlab.com", "group/sub/project")),
        ("https://bitbucket.org/team/repo/", ("bitbucket.org", "team/repo")),
        ("/work/main", None),
        ("file:///srv/repo.git", None),
        ("https://github.com/", None),
        ("git@github.com:../../etc", None),
    ],
)
def test_remotes_in_every_form(remote, expected):
    assert parse_remote(remote) == expected


def test_known_hosts_pin_the_commit_and_never_carry_credentials():
    links = detected_links("https://me:token@github.com/o/r.git", COMMIT, "sub/")
    assert links is not None and links.host == "GitHub"
    assert links.for_file("a b/x.py") == f"https://github.com/o/r/blob/{COMMIT}/sub/a%20b/x.py"
    assert links.for_lines("x.py") == f"https://github.com/o/r/blob/{COMMIT}/sub/x.py#L{{line}}"
    assert "token" not in links.file_url
    bitbucket = detected_links("git@bitbucket.org:t/r.git", COMMIT, "")
    assert bitbucket is not None and bitbucket.for_file("x").endswith(f"/src/{COMMIT}/x")
    codeberg = detected_links("https://codeberg.org/t/r", COMMIT, "")
    assert codeberg is not None and "/src/commit/" in codeberg.for_file("x")
    # A server we do not know (a self-hosted GitLab looks like any other) gets no link,
    # nor does a GitHub URL that names more than owner/repository.
    assert detected_links("https://git.example.org/t/r.git", COMMIT, "") is None
    assert detected_links("https://github.com/o/r/tree/main", COMMIT, "") is None
    assert detected_links("https://gitlab.com/group/sub/project", COMMIT, "") is not None
    assert parse_remote("https://[::1/o/r") is None


def test_a_configured_template():
    links = configured_links("https://src.example.org/r/{commit}/{path}#n{line}", COMMIT, "")
    assert links.host == "src.example.org"
    assert links.for_file("x.py") == f"https://src.example.org/r/{COMMIT}/x.py"
    assert links.for_lines("a b.py") == f"https://src.example.org/r/{COMMIT}/a%20b.py#n{{line}}"
    # Links that cannot name a line; a line in the query.
    assert configured_links("https://x/{commit}/{path}", COMMIT, "").for_lines("y") == ""
    query = configured_links("https://x/{path}?at={commit}&line={line}", COMMIT, "")
    assert query.for_file("y") == f"https://x/y?at={COMMIT}&line="
    assert query.for_lines("y") == f"https://x/y?at={COMMIT}&line={{line}}"
    assert template_problem("https://x/{path}}") == "has a brace that opens or closes nothing"
    assert template_problem("javascript:alert({path})") is not None
    assert template_problem("https://x/{commit}") == "must hold {path}"
    assert "{branch}" in (template_problem("https://x/{branch}/{path}") or "")


def _git_checkout(root, remote: str | None) -> None:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "a",
        "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": "a",
        "GIT_COMMITTER_EMAIL": "a@example.org",
    }
    commands = [["init", "-q"], ["add", "."], ["commit", "-q", "-m", "first"]]
    if remote is not None:
        commands.append(["remote", "add", "origin", remote])
    for command in commands:
        subprocess.run(["git", "-C", str(root), *command], check=True, env=environment)


def test_file_pages_link_the_file_at_the_commit(repo_factory, build):
    """Files of the HEAD commit only: an untracked file, and a file only staged, get none."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    srcdir = repo_factory({**BASIC_REPO, "untracked.py": "x = 1\n"})
    root = srcdir.parent
    (root / ".gitignore").write_text("*.log\nbuild/\nuntracked.py\n")
    _git_checkout(root, "git@github.com:o/r.git")
    commit = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    (root / "staged.py").write_text("y = 2\n")
    subprocess.run(["git", "-C", str(root), "add", "staged.py"], check=True)
    changed = root / "src" / "pkg" / "__init__.py"
    changed.write_text(changed.read_text() + "# changed in the work tree\n")
    touched = root / "src" / "pkg" / "core.py"  # its stats change, its content does not
    os.utime(touched, (touched.stat().st_atime + 60, touched.stat().st_mtime + 60))
    app = build(srcdir, confoverrides={"repodocs_gitignore": False})
    assert "view on" not in file_page_html(app, "staged.py")
    page = file_page_html(app, "src/pkg/core.py")
    url = f"https://github.com/o/r/blob/{commit}/src/pkg/core.py"
    (link,) = page_content(page).find_all("a", class_="repodocs-host-link")
    assert link.attrs["href"] == url and link.text() == "view on GitHub"
    # A line's link, for the script that follows the address's #L-n.
    tree = page_content(page).find("nav", class_="repodocs-tree")
    assert tree.attrs["data-line-url"] == f"{url}#L{{line}}"
    scripts = [script.attrs.get("src", "") for script in parse_html(page).find_all("script")]
    assert any(src.startswith("../../../_static/repodocs-host-line.js") for src in scripts)
    # A file the work tree changed links to the commit's file, never to its lines.
    page = file_page_html(app, "src/pkg/__init__.py")
    (link,) = page_content(page).find_all("a", class_="repodocs-host-link")
    assert link.attrs["href"] == f"https://github.com/o/r/blob/{commit}/src/pkg/__init__.py"
    assert "data-line-url" not in page and "repodocs-host-line.js" not in page
    # A file that is not in the commit gets no link.
    assert "view on" not in file_page_html(app, "untracked.py")
    # Turned off.
    off = build(srcdir, confoverrides={"repodocs_gitignore": False, "repodocs_source_url": ""})
    assert "view on" not in file_page_html(off, "src/pkg/core.py")


def test_a_wrong_template_stops_with_one_line(repo_factory, build):
    with pytest.raises(ConfigError, match="repodocs_source_url must hold"):
        build(repo_factory(), confoverrides={"repodocs_source_url": "https://x/{commit}"})
