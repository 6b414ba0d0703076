"""What a site was built from when no commit says it: the build date and a digest of
the documented files. Pure but for the clock (``SOURCE_DATE_EPOCH`` overrides it)."""

from __future__ import annotations

import datetime
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass

from .model import RepoModel


@dataclass(frozen=True, slots=True)
class Provenance:
    """The date of the build (UTC) and the files it documented."""

    date: str
    files: int
    #: SHA-256 of every documented file's path and content hash, in path order.
    digest: str


def build_date(environ: Mapping[str, str] = os.environ) -> str:
    """Today in UTC, YYYY-MM-DD; the reproducible-builds ``SOURCE_DATE_EPOCH`` wins."""
    moment = datetime.datetime.now(datetime.UTC)
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    return moment.strftime("%Y-%m-%d")


def tree_digest(model: RepoModel) -> str:
    """A digest that changes exactly when a documented file's path or content does."""
    hasher = hashlib.sha256()
    for path in sorted(model.files):
        hasher.update(f"{path}\0{model.files[path].digest}\n".encode("utf-8", "surrogateescape"))
    return hasher.hexdigest()


def provenance(model: RepoModel, date: str) -> Provenance:
    return Provenance(date, len(model.files), tree_digest(model))
