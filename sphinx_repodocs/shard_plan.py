"""``sphinx-repodocs plan``: a repository's site split into shards, as Sphinx projects
and CI definitions.

The plan folder holds ``plan.json`` (each shard's units), one Sphinx project per shard
and one for the landing pages, and the CI files of a two-stage build: every shard's
model (stage 1), every shard's pages with all the models (stage 2), then the merge.
Every path in it is relative, so it can be committed; a file is written only when its
text changes.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import __version__
from .cli import PROJECT_SETTINGS, SITE_SETTINGS
from .core.scan import GENERATED_MARKER, ScanResult, ScanSettings, scan
from .core.shards import LANDING, Unit, plan_json, read_plan, shard_names, split_tree
from .site.stubs import write_if_changed

#: The shards' builds write under this folder of the plan (models, doctrees, sites).
BUILD_DIR = "_build"
#: The CI definitions a plan holds (GitHub Actions, GitLab CI).
CI_FILES = ("github-workflow.yml", "gitlab-ci.yml")

#: How a conf.py the plan wrote starts.
CONF_HEAD = "# Written by sphinx-repodocs plan:"
CONF_TEMPLATE = (
    CONF_HEAD
    + """ {what} of the site of {project}, built in two
# stages (see ../plan.json and the CI files beside it). Run the plan again rather than
# editing this file; settings of your own go in ../settings.py.
import os as _os

from sphinx_repodocs.cli import copyright_settings as _copyright_settings
"""
    + PROJECT_SETTINGS
    + """\
repodocs_shard_plan = "../plan.json"
repodocs_shard = {shard!r}
# Stage 1 keeps this shard's model here; stage 2 completes it from the others'.
repodocs_cache_dir = {cache!r}
repodocs_model_parts = {parts!r}
# The footer's year is the last commit's, found on every build.
globals().update(
    _copyright_settings(_os.path.join(_os.path.dirname(__file__), repodocs_root), project)
)
"""
    + SITE_SETTINGS
    + """\
# Settings of your own for every build of the plan: ../settings.py (never written by
# the plan), read last.
_own = _os.path.join(_os.path.dirname(__file__), _os.pardir, "settings.py")
if _os.path.isfile(_own):
    with open(_own, encoding="utf-8") as _file:
        exec(compile(_file.read(), _own, "exec"))
    del _file
del _own, _os, _copyright_settings
"""
)


@dataclass(frozen=True, slots=True)
class Plan:
    """What ``plan`` decided: the shards' units, and the files it wrote."""

    shards: dict[str, list[Unit]]
    written: list[str]
    #: Whether the CI files were made (the plan's folder is in the repository).
    has_ci_files: bool = True

    @property
    def builds(self) -> list[str]:
        """Every build of the plan: the landing, then the shards."""
        return [LANDING, *self.shards]


def model_dir(build: str) -> str:
    """The folder of a build's model, under the plan's build folder (a CI artifact)."""
    return f"model-{build}"


def files_to_plan(root: Path, plan_dir: Path) -> ScanResult:
    """What the builds of a plan in *plan_dir* document (the builds' default scan)."""
    return scan(ScanSettings(root=root, site_dirs=frozenset({os.path.realpath(plan_dir)})))


def make_plan(root: Path, plan_dir: Path, found: ScanResult, shard_count: int, theme: str) -> Plan:
    """Split the files *found* in *root* into *shard_count* shards and write the plan
    into *plan_dir*."""
    sizes = [(entry.path, entry.stat_key[0] if entry.stat_key else 0) for entry in found.files]
    split = split_tree(sizes, shard_count)
    shards = dict(zip(shard_names(len(split)), split, strict=True))
    builds = [LANDING, *shards]
    project = root.name or str(root)

    texts = {
        "plan.json": plan_json(
            {name: [unit.name for unit in units] for name, units in shards.items()}
        ),
        GENERATED_MARKER: "sphinx-repodocs shard plan: not documented\n",
        ".gitignore": f"{BUILD_DIR}/\n*/_repodocs/\n",
    }
    # A CI job sees only its checkout: a plan outside the repository gets no CI files.
    in_repository = plan_dir.resolve().is_relative_to(root.resolve())
    if in_repository:
        texts.update({name: ci_file(name, plan_dir, root, builds) for name in CI_FILES})
    for build in builds:
        texts[f"{build}/conf.py"] = CONF_TEMPLATE.format(
            what="the landing pages" if build == LANDING else f"shard {build}",
            project=project,
            copyright="",
            root=os.path.relpath(root, plan_dir / build),
            shard=build,
            cache=f"../{BUILD_DIR}/{model_dir(build)}",
            parts=[f"../{BUILD_DIR}/{model_dir(other)}" for other in builds if other != build],
            theme=theme,
            start="_repodocs/index.html",
        )
    written = [name for name, text in texts.items() if write_if_changed(plan_dir / name, text)]
    written += _remove_gone_builds(plan_dir, builds)
    return Plan(shards, written, in_repository)


def _remove_gone_builds(plan_dir: Path, builds: list[str]) -> list[str]:
    """The projects of builds an earlier plan had and this one has not (fewer shards):
    removed when their conf.py is one this command wrote."""
    removed = []
    for conf in sorted(plan_dir.glob("*/conf.py")):
        build = conf.parent.name
        if build in builds or not conf.read_text(encoding="utf-8").startswith(CONF_HEAD):
            continue
        shutil.rmtree(conf.parent)
        removed.append(f"{build}/ (removed)")
    return removed


def builds_of(plan_dir: Path) -> list[str]:
    """The builds of the plan in *plan_dir*: the landing, then its shards."""
    return [LANDING, *read_plan((plan_dir / "plan.json").read_text(encoding="utf-8")).shards]


def _posix_relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


def ci_file(name: str, plan_dir: Path, root: Path, builds: list[str]) -> str:
    """A CI definition from the package's templates (``templates/ci``): the plan's
    folder, its builds, and the release that installs."""
    template = resources.files(__package__).joinpath("templates", "ci", name).read_text("utf-8")
    install = f'python -m pip install "sphinx-repodocs[languages]=={__version__}"'
    # JSON strings are YAML strings: a folder's name may hold spaces, ": " or "#".
    plan = _posix_relative(plan_dir, root)
    values = {"@PLAN@": json.dumps(plan), "@PLAN_PATH@": plan, "@BUILDS@": ", ".join(builds)}
    values["@INSTALL@"] = install
    for token, value in values.items():
        template = template.replace(token, value)
    return template
