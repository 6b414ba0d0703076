"""A git checkout is documented as git sees it: its file set, submodules and attributes
(``.gitattributes``), on the pages a reader gets."""

from __future__ import annotations

from .conftest import RST_CONF, RST_INDEX, file_page_html, warnings_of, write_tree
from .html_tree import page_content
from .test_scan import _git, git_checkout, needs_git

KEY_LINE = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"


def _build_checkout(tmp_path, build):
    root = git_checkout(tmp_path / "repo")
    write_tree(
        root,
        {
            "docs/conf.py": RST_CONF,
            "docs/index.rst": RST_INDEX,
            # A private key in a file no secret pattern names: withheld by its content.
            "notes/deploy.md": f"# Deploy\n\n-----BEGIN OPENSSH PRIVATE KEY-----\n{KEY_LINE}\n",
            # A key parser that only names the marker is shown.
            "src/keys.py": 'MARKER = b"-----BEGIN RSA PRIVATE KEY-----"\n',
        },
    )
    _git(root, "add", "docs", "notes")
    app = build(root / "docs")
    return app


@needs_git
def test_pages_follow_git_attributes_and_file_set(tmp_path, build):
    app = _build_checkout(tmp_path, build)
    assert "WARNING" not in warnings_of(app)
    parser = page_content(file_page_html(app, "src/parser.c")).text()
    assert "generated" in parser
    assert ".gitattributes marks it linguist-generated" in parser
    table = page_content(file_page_html(app, "src/table.c.src")).text()
    assert ".gitattributes gives its linguist-language" in table
    assert "C" in table.split()
    legacy = page_content(file_page_html(app, "src/legacy.txt")).text()
    assert "привет" in legacy
    assert "working-tree-encoding" in legacy
    kept = page_content(file_page_html(app, "kept.log")).text()
    assert "tracked although ignored" in kept
    submodule = page_content(file_page_html(app, "lib/sub")).text()
    assert "A git submodule: another repository, at commit" in submodule
    assert "submodule: a commit of another repository." in submodule
    assert "0123456789abcdef0123456789abcdef01234567" in submodule
    secret = file_page_html(app, "notes/deploy.md")
    assert KEY_LINE not in secret
    assert "Not shown: its content is withheld: it holds a private key." in (
        page_content(secret).text()
    )
    assert "BEGIN RSA PRIVATE KEY" in page_content(file_page_html(app, "src/keys.py")).text()
