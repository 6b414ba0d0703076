"""A repository file read only when it is small enough: a manifest (``Cargo.toml``,
``package.json``) is data, and one of a hundred megabytes is no manifest."""

from __future__ import annotations


def read_capped(path: str, limit: int) -> bytes | None:
    """The bytes of *path*, or None when it cannot be read or holds more than *limit*."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError:
        return None
    return data if len(data) <= limit else None
