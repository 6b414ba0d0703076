"""The same repository gives the same bytes: two fresh builds, and -j 1 against -j 2,
of the hostile corpus (``tox -e slow``; the everyday run compares -j 1 and -j 2 builds
of a small repository in ``test_build.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import EVERY_OUTPUT, output_files, warnings_of
from .hostile import HostileRepo, restore_permissions, write_hostile_repo


@pytest.fixture(scope="module")
def small_hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileRepo]:
    plan = write_hostile_repo(tmp_path_factory.mktemp("determinism"), wide=20, huge_bytes=200_000)
    yield plan
    restore_permissions(plan)


@pytest.mark.slow
def test_fresh_builds_serial_and_parallel_are_byte_identical(
    small_hostile, build, tmp_path, fixed_build_date
):
    first = build(small_hostile.srcdir, builddir=tmp_path / "first", freshenv=True)
    second = build(small_hostile.srcdir, builddir=tmp_path / "second", freshenv=True)
    parallel = build(
        small_hostile.srcdir, builddir=tmp_path / "parallel", parallel=2, freshenv=True
    )
    assert warnings_of(first) == warnings_of(second) == warnings_of(parallel) == ""
    reference = output_files(Path(first.outdir), EVERY_OUTPUT)
    assert "searchindex.js" in reference and "objects.inv" in reference
    assert len(reference) > 500
    for other in (second, parallel):
        compared = output_files(Path(other.outdir), EVERY_OUTPUT)
        assert compared.keys() == reference.keys()
        differing = sorted(name for name, data in compared.items() if reference[name] != data)
        assert differing == [], differing[:10]
