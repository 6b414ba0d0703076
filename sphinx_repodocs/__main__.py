"""``python -m sphinx_repodocs PATH``: the same as the ``sphinx-repodocs`` command."""

import sys

from .cli import main

sys.exit(main())
