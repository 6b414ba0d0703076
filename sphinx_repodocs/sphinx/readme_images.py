"""The images rendered READMEs show: copied into HTML output, text elsewhere."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .. import compat
from ..site.readme import readme_images
from .file_tree import html_site_state
from .nodes import readme_image


def copy_readme_images(app: Sphinx, env: BuildEnvironment) -> None:
    """env-updated: each image once, under a name made from its content (so a file
    already there is the same image and is not copied again)."""
    state = html_site_state(app, env)
    if state is None or state.model is None:
        return
    folder = Path(app.outdir) / compat.image_folder(app.builder)[0]
    for name, path in sorted(dict(readme_images(state.model, state.prefix)).items()):
        destination = folder / name
        if destination.exists():
            continue
        folder.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copyfile(Path(state.model.root) / path, destination)
        except OSError:
            continue  # the page shows the image's text instead (see visit_readme_image_html)


def visit_readme_image_html(translator: nodes.NodeVisitor, node: readme_image) -> None:
    builder = translator.builder
    folder, url = compat.image_folder(builder)
    alt = html.escape(node["alt"])
    if not (Path(builder.outdir) / folder / node["name"]).is_file():
        translator.body.append(alt)
        raise nodes.SkipNode
    source = html.escape(f"{url}/{node['name']}")
    translator.body.append(
        f'<img class="repodocs-readme-image" src="{source}" alt="{alt}" loading="lazy" />'
    )
    raise nodes.SkipNode


def readme_images_as_text(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: builders other than HTML show an image's text."""
    if app.builder.format == "html":
        return
    for node in list(doctree.findall(readme_image)):
        node.replace_self(nodes.Text(node["alt"]))
