# The two commands of the README: `make run` and `make test`. Everything else is what they need,
# plus `make check-fast`, a developer's quick loop (lint, types, layers, core and unit tests).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTANCE := $(CURDIR)/instance
HOST ?= 127.0.0.1
PORT ?= 5000
# Debian packages the test suite drives for real: a browser, a PDF rasteriser, a font, a database.
TEST_DEBS := chromium poppler-utils fonts-dejavu-core postgresql procps

# Extraction's hot modules compiled with mypyc beside their sources (C, gcc and the Python
# headers; which modules: scripts/compile_extraction.py), rebuilt whenever a module of
# extraction changes: an older build would shadow the edit.
EXTRACTION_SOURCES := $(wildcard advisor/core/extraction/*.py)
COMPILED := build/mypyc/.compiled

.PHONY: run test check-fast setup run-deps system-deps check pytest unit clean translations

run: setup run-deps $(INSTANCE)/config.py  ## set up, then serve the app on http://$(HOST):$(PORT)/
	ADVISOR_INSTANCE_PATH=$(INSTANCE) $(BIN)/advisor serve --host $(HOST) --port $(PORT)

test: setup system-deps check pytest  ## set up, then run every check and the whole test suite

# Under a minute on 2 cores: no browser, no gunicorn, no PostgreSQL, nothing marked slow.
check-fast: setup check unit  ## lint, types, import layers, then the core and unit tests

setup: $(VENV)/.installed $(COMPILED)

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(COMPILED): $(VENV)/.installed $(EXTRACTION_SOURCES) scripts/compile_extraction.py
	@command -v gcc >/dev/null || $(MAKE) --no-print-directory system-deps TEST_DEBS=gcc
	$(BIN)/python scripts/compile_extraction.py
	touch $@

# A random secret for this machine's local server, written once, never committed.
$(INSTANCE)/config.py:
	mkdir -p $(INSTANCE)
	$(BIN)/python -c "import secrets; print(f'SECRET_KEY = {secrets.token_hex(32)!r}')" > $@

# The PDF embeds DejaVu when Debian has it (ReportLab's own Vera font is the fallback).
RUN_DEBS := fonts-dejavu-core

run-deps:
	@$(MAKE) --no-print-directory system-deps TEST_DEBS="$(RUN_DEBS)"

system-deps:
	@missing=""; for deb in $(TEST_DEBS); do dpkg -s $$deb >/dev/null 2>&1 || missing="$$missing $$deb"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

check:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict advisor
	$(BIN)/lint-imports

# The suite runs the database tests on SQLite and on a real PostgreSQL server started here
# (ADVISOR_TEST_PGPORT and ADVISOR_TEST_PGDATA choose its port and folder; the tests do not see
# them, since the app refuses unknown ADVISOR_* settings); it names its slowest tests.
pytest:
	@url=$$(scripts/test-postgres.sh start) || exit 1; \
	env -u ADVISOR_TEST_PGPORT -u ADVISOR_TEST_PGDATA PYTEST_POSTGRES_URL=$$url \
	  $(BIN)/python -m pytest -q --durations=20; status=$$?; \
	scripts/test-postgres.sh stop; exit $$status

FAST_TESTS := not browser and not slow and not postgres
unit:
	$(BIN)/python -m pytest -q -m "$(FAST_TESTS)"

clean:
	-test -x $(BIN)/python && $(BIN)/python scripts/compile_extraction.py --remove
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

translations:  ## after changing an interface string: extract, merge into fr, compile
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k phrase -k plural:1,2 --no-location --sort-output --project advisor -o advisor/translations/messages.pot .
	$(BIN)/pybabel update -i advisor/translations/messages.pot -d advisor/translations --no-fuzzy-matching
	$(BIN)/pybabel compile -d advisor/translations
