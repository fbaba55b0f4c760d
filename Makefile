# Two entry points, both working on a fresh clone with only python3 and make:
#   make demo  - set up a venv and show the bundled Quảng Bình programme
#   make test  - set up a venv with the dev tools, then lint, type-check and test (the tests
#                build the docs with --strict and run every example in them)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HYPOTHESIS_PROFILE ?= ci
export HYPOTHESIS_PROFILE
NO_MKDOCS_2_WARNING := 1
export NO_MKDOCS_2_WARNING
LINTED := src tests examples scripts fuzz benchmarks

.PHONY: demo test lint typecheck docs serve bench fuzz pytest schema clean browser test-newest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.demo: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[cli]"
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.demo

demo: $(VENV)/.demo
	$(BIN)/coordagree show

lint: $(VENV)/.dev
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

typecheck: $(VENV)/.dev
	$(BIN)/mypy

docs: $(VENV)/.dev
	$(BIN)/mkdocs build --strict --quiet

serve: $(VENV)/.dev
	$(BIN)/mkdocs serve

# The shipped JSON Schema, generated from the model classes (a test fails when it is stale).
schema: $(VENV)/.dev
	$(BIN)/python scripts/make_schema.py

# Not part of `make test`: timings need an idle machine, fuzzing needs hours.
bench: $(VENV)/.dev
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/strategies_speed.py
	$(BIN)/python benchmarks/folder.py

fuzz: $(VENV)/.dev
	$(BIN)/python -m pip install --quiet -e ".[fuzz]"
	mkdir -p /tmp/coordagree-corpus
	$(BIN)/python fuzz/fuzz_loads.py /tmp/coordagree-corpus fuzz/corpus -max_total_time=3600 -timeout=5

# One docs test opens the built site in headless Chromium (the Gantt chart must render with no
# network): Debian's package, installed where this runs as root with apt; elsewhere it skips.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 || \
	      { apt-get update -qq >/dev/null 2>&1 && \
	        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; }; }; } || \
	  echo "no Chromium could be installed: the offline chart test will skip"

pytest: $(VENV)/.dev browser
	$(BIN)/pytest -q -n auto

test: lint typecheck pytest

# The newest Python supported (3.13) beside the oldest (3.11, `make test`): the suites of the
# public API, the model, documents, time, wording and validation, in their own venv.
NEWEST ?= python3.13
NEWEST_VENV ?= .venv-newest
NEWEST_TESTS := tests/test_api.py tests/test_model.py tests/test_documents.py tests/test_period.py
NEWEST_TESTS += tests/test_schedule.py tests/test_typing.py tests/test_packaging.py
NEWEST_TESTS += tests/test_wording.py tests/test_validate.py
test-newest:
	$(NEWEST) -m venv $(NEWEST_VENV)
	$(NEWEST_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(NEWEST_VENV)/bin/python -m pip install --quiet -e ".[dev]"
	$(NEWEST_VENV)/bin/pytest -q -n auto $(NEWEST_TESTS)

clean:
	rm -rf $(VENV) $(NEWEST_VENV) site .mypy_cache .pytest_cache .ruff_cache .hypothesis
