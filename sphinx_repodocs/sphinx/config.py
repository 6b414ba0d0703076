"""Configuration values: names, types, defaults, and validation with one-line errors."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.config import Config
from sphinx.errors import ConfigError

from ..core.code_host import template_problem
from ..core.shards import LANDING, ShardMap, read_plan

#: name -> (default, types, what it is). All of them change what pages show: rebuild "env".
OPTIONS: dict[str, tuple[Any, tuple[type, ...], str]] = {
    "repodocs_root": (None, (str, os.PathLike), "the repository to document, relative to conf.py"),
    "repodocs_dir": ("_repodocs", (str,), "folder inside the source dir for generated pages"),
    "repodocs_include": ([], (list, tuple), "gitignore-style patterns; if set, only matches"),
    "repodocs_exclude": ([], (list, tuple), "gitignore-style patterns to leave out"),
    "repodocs_gitignore": (True, (bool,), "honour .gitignore files and .git/info/exclude"),
    "repodocs_allow_secrets": ([], (list, tuple), "patterns of secret-looking files to publish"),
    "repodocs_max_source_bytes": (1_000_000, (int,), "larger files show only their head"),
    "repodocs_title": (None, (str, type(None)), "title of the repository index page"),
    "repodocs_python_paths": ([], (list, tuple), "extra folders Python imports start from"),
    "repodocs_include_dirs": ([], (list, tuple), "folders C and C++ includes are found in"),
    "repodocs_git_history": (True, (bool,), "show each file's last commit (git checkouts)"),
    "repodocs_index_vendored": (False, (bool,), "list vendored files' names in the keyword index"),
    "repodocs_index_generated": (
        False,
        (bool,),
        "list generated files' names in the keyword index",
    ),
    "repodocs_source_url": (
        None,
        (str, type(None)),
        "link template with {commit}, {path}, {line}; None: from the origin remote; '': none",
    ),
    "repodocs_cache_dir": (
        None,
        (str, os.PathLike, type(None)),
        "folder of the caches kept between builds, relative to conf.py (None: the doctrees')",
    ),
    "repodocs_shard_plan": (
        None,
        (str, os.PathLike, type(None)),
        "a shard plan's plan.json, relative to conf.py (sphinx-repodocs plan writes it)",
    ),
    "repodocs_shard": ("", (str,), "the plan's shard this project builds, or 'landing'"),
    "repodocs_model_parts": (
        [],
        (list, tuple),
        "folders of the other shards' models (their cache folders), relative to conf.py",
    ),
}

#: Options that change no page (a different value rebuilds nothing).
SHOWN_NOWHERE = frozenset({"repodocs_cache_dir", "repodocs_model_parts"})

_DIR_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


@dataclass(frozen=True, slots=True)
class RepodocsConfig:
    """The validated settings, with the root resolved."""

    root: Path
    directory: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    gitignore: bool
    allow_secrets: tuple[str, ...]
    max_source_bytes: int
    title: str | None
    python_paths: tuple[str, ...]
    include_dirs: tuple[str, ...]
    git_history: bool
    #: Purposes whose files' names the keyword index leaves out ("generated", "vendored").
    index_left_out: tuple[str, ...]
    #: None: recognise the code host from the origin remote; "": no links.
    source_url: str | None
    #: Where the model and highlighted sources are kept between builds (None: beside
    #: the doctrees).
    cache_dir: Path | None = None
    #: The shard this project builds, with the plan's map; None: the whole site.
    shard: Shard | None = None
    #: Folders of the other shards' models, which the model is completed from.
    model_parts: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class Shard:
    """One build of a shard plan: which shard, and who writes every page."""

    name: str
    map: ShardMap


def read_config(confdir: str | os.PathLike[str], config: Config) -> RepodocsConfig:
    """Validate the ``repodocs_*`` values; raise :class:`ConfigError` with one clear line."""
    raw_root = config.repodocs_root
    if raw_root is None or raw_root == "":
        raise ConfigError(
            "repodocs_root is not set: set it in conf.py to the repository to document, "
            'relative to conf.py (for example repodocs_root = "..")'
        )
    if not isinstance(raw_root, (str, os.PathLike)):
        raise ConfigError(f"repodocs_root must be a path string, not {type(raw_root).__name__}")
    root = (Path(confdir) / raw_root).resolve()
    if not root.exists():
        raise ConfigError(f"repodocs_root {str(raw_root)!r} does not exist (resolved to {root})")
    if not root.is_dir():
        raise ConfigError(f"repodocs_root {str(raw_root)!r} is not a folder (resolved to {root})")

    directory = config.repodocs_dir
    if not isinstance(directory, str) or not _DIR_NAME.match(directory):
        raise ConfigError(
            f"repodocs_dir must be a single folder name such as '_repodocs', not {directory!r}"
        )
    max_bytes = config.repodocs_max_source_bytes
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ConfigError(
            f"repodocs_max_source_bytes must be a positive integer, not {max_bytes!r}"
        )
    gitignore = _flag(config, "repodocs_gitignore")
    title = config.repodocs_title
    if title is not None and not isinstance(title, str):
        raise ConfigError(f"repodocs_title must be a string, not {type(title).__name__}")
    return RepodocsConfig(
        root=root,
        directory=directory,
        include=_patterns(config, "repodocs_include"),
        exclude=_patterns(config, "repodocs_exclude"),
        gitignore=gitignore,
        allow_secrets=_patterns(config, "repodocs_allow_secrets"),
        max_source_bytes=max_bytes,
        title=title,
        python_paths=_patterns(config, "repodocs_python_paths"),
        include_dirs=_patterns(config, "repodocs_include_dirs"),
        git_history=_flag(config, "repodocs_git_history"),
        index_left_out=tuple(
            purpose
            for purpose, option in (
                ("generated", "repodocs_index_generated"),
                ("vendored", "repodocs_index_vendored"),
            )
            if not _flag(config, option)
        ),
        source_url=_source_url(config),
        cache_dir=_cache_dir(confdir, config),
        shard=_shard(confdir, config),
        model_parts=tuple(
            (Path(confdir) / part).resolve() for part in _patterns(config, "repodocs_model_parts")
        ),
    )


def _shard(confdir: str | os.PathLike[str], config: Config) -> Shard | None:
    raw, name = config.repodocs_shard_plan, config.repodocs_shard
    if raw is None or raw == "":
        if name:
            raise ConfigError("repodocs_shard is set but repodocs_shard_plan is not")
        return None
    if not isinstance(raw, (str, os.PathLike)):
        raise ConfigError(f"repodocs_shard_plan must be a path string, not {type(raw).__name__}")
    path = (Path(confdir) / raw).resolve()
    try:
        shards = read_plan(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"repodocs_shard_plan {str(raw)!r} cannot be read: {error}") from None
    except ValueError as error:
        raise ConfigError(f"repodocs_shard_plan {str(raw)!r} is not a plan: {error}") from None
    if not isinstance(name, str) or (name != LANDING and name not in shards.shards):
        known = ", ".join([*shards.shards, LANDING])
        raise ConfigError(f"repodocs_shard must name a shard of the plan ({known}), not {name!r}")
    return Shard(name, shards)


def _cache_dir(confdir: str | os.PathLike[str], config: Config) -> Path | None:
    raw = config.repodocs_cache_dir
    if raw is None or raw == "":
        return None
    if not isinstance(raw, (str, os.PathLike)):
        raise ConfigError(f"repodocs_cache_dir must be a path string, not {type(raw).__name__}")
    folder = (Path(confdir) / raw).resolve()
    if folder.exists() and not folder.is_dir():
        raise ConfigError(f"repodocs_cache_dir {str(raw)!r} is not a folder (resolved to {folder})")
    return folder


def _source_url(config: Config) -> str | None:
    template = config.repodocs_source_url
    if template is None:
        return None
    if not isinstance(template, str):
        raise ConfigError(f"repodocs_source_url must be a string, not {type(template).__name__}")
    if template and (problem := template_problem(template)) is not None:
        raise ConfigError(f"repodocs_source_url {problem}: {template!r}")
    return template


def _flag(config: Config, name: str) -> bool:
    value = config[name]
    if not isinstance(value, bool):
        raise ConfigError(f"{name} must be True or False, not {value!r}")
    return value


def _patterns(config: Config, name: str) -> tuple[str, ...]:
    value = config[name]
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ConfigError(f"{name} must be a list of strings, not {type(value).__name__}")
    for pattern in value:
        if not isinstance(pattern, str):
            raise ConfigError(f"{name} must hold only strings, found {pattern!r}")
    return tuple(value)
