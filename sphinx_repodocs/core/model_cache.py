"""The model of the previous build, kept in the cache folder (``repodocs_cache_dir``,
by default beside Sphinx's doctrees).

It is the reading step's cache (unchanged files are not read or parsed again) and is kept
out of the environment pickle on purpose: every ``-j`` reading worker pickles the whole
environment back to the main process, and the model would ride along each time.
"""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Iterable
from pathlib import Path

from .model import RepoModel

FILE_NAME = "repodocs-model.pickle"


def load_model(folder: str | os.PathLike[str]) -> RepoModel | None:
    """The previous build's model, or None when there is none or it cannot be read."""
    path = Path(folder) / FILE_NAME
    # The model is ~100,000 small objects: the cyclic GC would run dozens of times while
    # they are made, for nothing (they form no cycles); loading takes half as long without.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as stream:
            model = pickle.load(stream)
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
    ):
        return None
    finally:
        if collecting:
            gc.enable()
    return model if isinstance(model, RepoModel) else None


def save_model(folder: str | os.PathLike[str], model: RepoModel) -> None:
    path = Path(folder) / FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with temporary.open("wb") as stream:
        pickle.dump(model, stream, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)


def load_models(folders: Iterable[str | os.PathLike[str]], root: str) -> RepoModel | None:
    """The models kept in several folders as one: a shard's own, and the other shards'
    (each parsed its own files). A file's record comes from the first folder holding it.
    Each is taken as a model of *root*: CI jobs may check the repository out at different
    paths, and a record is reused only for the same path and content anyway. Models of
    another release are left out by the reader, as any cache."""
    merged: RepoModel | None = None
    for folder in folders:
        model = load_model(folder)
        if model is None:
            continue
        model.root, model.name = root, os.path.basename(root) or root
        if merged is None:
            merged = model
            merged.header_settings = None  # decided for one part: decide again for all
            continue
        if model.made_by != merged.made_by:
            continue
        for path, file in model.files.items():
            if path not in merged.files:
                merged.files[path] = file
                if path in model.extractions:
                    merged.extractions[path] = model.extractions[path]
                if path in model.stat_keys:
                    merged.stat_keys[path] = model.stat_keys[path]
        for path, digest in model.kept_c.items():
            merged.kept_c.setdefault(path, digest)
    return merged
