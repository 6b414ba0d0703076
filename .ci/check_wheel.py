"""The wheel as a distribution builds it: without build isolation, on the oldest
setuptools the project allows, installed into a fresh virtualenv and run.

Usage: python .ci/check_wheel.py WORKDIR (from the project root; tox -e package)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
from pathlib import Path

#: The oldest backend pyproject.toml allows: the first that reads PEP 639 metadata.
SETUPTOOLS = "setuptools==77.0.3"


def run(*command: str | Path) -> str:
    print("$", *command, flush=True)
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"exit status {done.returncode}:\n{done.stdout}{done.stderr}")
    return done.stdout


def main(workdir: Path) -> None:
    builder = workdir / "builder"
    venv.create(builder, with_pip=True)
    python = builder / "bin" / "python"
    run(python, "-m", "pip", "install", "-q", SETUPTOOLS, "build")
    dist = workdir / "dist"
    run(python, "-m", "build", "--no-isolation", "--wheel", "--outdir", dist, ".")
    (wheel,) = dist.glob("*.whl")
    user = workdir / "user"
    venv.create(user, with_pip=True)
    run(user / "bin" / "python", "-m", "pip", "install", "-q", wheel)
    # The fields one by one: str() of the whole metadata fails on a long description.
    metadata = run(
        user / "bin" / "python", "-c",
        "import importlib.metadata as m; d = m.metadata('sphinx-repodocs'); "
        "print('License-Expression:', d['License-Expression']); "
        "print(*('License-File: ' + f for f in d.get_all('License-File')), sep='\\n')",
    )  # fmt: skip
    for field in ("License-Expression: MIT", "License-File: LICENSE"):
        if field not in metadata:
            sys.exit(f"the wheel's metadata has no {field!r}")
    # Outside this checkout: under .tox, git would call the repository ignored.
    with tempfile.TemporaryDirectory(prefix="check-wheel-") as scratch:
        repository = Path(scratch, "repository")
        (repository / "pkg").mkdir(parents=True)
        (repository / "pkg" / "main.py").write_text("def main():\n    return 1\n")
        site = Path(scratch, "site")
        run(user / "bin" / "sphinx-repodocs", repository, "-o", site, "-q", "-W")
        if not (site / "_repodocs" / "pkg" / "main.py.html").is_file():
            sys.exit("the installed command built no page for pkg/main.py")
    print(f"{wheel.name}: built without isolation on {SETUPTOOLS}, installed and ran")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
