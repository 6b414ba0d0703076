# Two commands do all set-up on a fresh clone (see README.rst):
#   make demo   builds the demo site (docs/, the documentation) and prints where it is
#   make test   runs the whole default test suite (lint, types, tests)
# Both create .venv from python3 and install the project into it first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo docs test lint types pytest pot clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,lint,languages]" tox
	touch $(STAMP)

# The documentation site, which is the demo: this repository documented by the extension.
demo: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -n -j 2 docs docs/_build/html
	@echo "The demo site is at docs/_build/html/index.html"

docs: demo

# The catalog template of our page texts (see the docs' translations how-to); shipped in
# the wheel; tests/test_i18n_catalog.py checks that it lists every marked message.
pot: $(STAMP)
	$(BIN)/python tools/catalog.py sphinx_repodocs/locale/sphinx_repodocs.pot

lint: $(STAMP)
	$(BIN)/ruff check sphinx_repodocs tests benchmarks tools
	$(BIN)/ruff format --check sphinx_repodocs tests benchmarks tools

types: $(STAMP)
	$(BIN)/mypy

# One worker per core (at most four), a test file per worker: module-scoped builds stay
# shared within their file.
pytest: $(STAMP)
	REPODOCS_REQUIRE_LANGUAGES=1 $(BIN)/pytest -n auto --maxprocesses 4 --dist loadfile

test: lint types pytest

clean:
	rm -rf $(VENV) docs/_build docs/_repodocs .tox build dist

# The tutorial's screenshots (docs/_static/screenshots/): docs/ built, then opened in
# Debian's Chromium (apt-get install chromium) driven by playwright.
.PHONY: screenshots
screenshots: $(STAMP)
	$(BIN)/python -m pip install --quiet playwright
	$(BIN)/python docs/screenshots.py
