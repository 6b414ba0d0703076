"""Repository content is data: names and contents never become markup in the site."""

from __future__ import annotations

from pathlib import Path

from .conftest import BASIC_REPO, file_page_html, output_files, warnings_of
from .html_tree import page_content, parse_html

PAYLOAD = '<script>alert("pwned")</script>'
RST_PAYLOAD = (
    "Title\n=====\n\n"
    ".. raw:: html\n\n   <script>alert('raw')</script>\n\n"
    ".. include:: /etc/hostname\n\n"
    "|sub|\n\n.. |sub| replace:: SUBSTITUTED\n"
)
MYST_PAYLOAD = "# Doc\n\n```{eval-rst}\n.. raw:: html\n\n   <script>alert('myst')</script>\n```\n"

FILES = {
    **BASIC_REPO,
    "inject/readme.md": f"# Hi\n\n{PAYLOAD}\n<!-- --> <img src=x onerror=alert(1)>\n",
    "inject/README.md": f"{PAYLOAD}\n[link](javascript:alert(1))\n",
    "inject/page.rst": RST_PAYLOAD,
    "inject/page.md": MYST_PAYLOAD,
    "inject/jinja.html": "{{ config }} {% for x in y %}{% endfor %}\n",
    "inject/role.txt": ":doc:`/index` :ref:`genindex` .. toctree::\n",
    f"inject/{PAYLOAD.replace('/', '_')}.py": "x = 1\n",
    "inject/`*bold*` _target_.py": "x = 1\n",
}


def test_no_content_or_name_becomes_markup(repo_factory, build):
    app = build(repo_factory(FILES))
    assert warnings_of(app) == ""
    # HTML pages only: searchindex.js holds titles as JSON strings (data, loaded with
    # <script src>, where "</script>" ends nothing), as Sphinx does for every title.
    everything = b"\n".join(output_files(Path(app.outdir), (".html",)).values()).decode()
    assert "<script>alert" not in everything
    assert "onerror=alert(1)>" not in everything
    assert 'href="javascript:' not in everything
    pages = [
        parse_html(page.decode()) for page in output_files(Path(app.outdir), (".html",)).values()
    ]
    targets = [href.strip().lower() for page in pages for href in page.hrefs()]
    assert targets and not [href for href in targets if href.startswith("javascript:")]
    assert "<p>SUBSTITUTED" not in everything  # the substitution was never applied
    hostname = Path("/etc/hostname")
    if hostname.is_file() and hostname.read_text().strip():
        assert hostname.read_text().strip() not in everything
    # Escaped, the payloads are all there as text.
    assert "&lt;script&gt;alert(" in everything
    assert "{{ config }}" in everything


def test_file_names_with_markup_are_titles_as_written(repo_factory, build):
    app = build(repo_factory(FILES))
    html = b"\n".join(output_files(Path(app.outdir), (".html",)).values()).decode()
    title = page_content(file_page_html(app, "inject/`*bold*` _target_.py")).find("h1")
    assert title.own_text() == "inject/`*bold*` _target_.py" and title.find_all("em") == []
    assert "<em>bold</em>" not in html
