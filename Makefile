# Two commands for a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint typecheck pytest docs docs-check wheel-test bench data clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test,pandas,plot]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/fukuoka-dx summary

test: $(VENV)/.installed-test lint typecheck pytest docs-check wheel-test

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy --strict src tools benchmarks

pytest: $(VENV)/.installed-test
	$(BIN)/pytest -q -rs

# The HTML (warnings are errors, every cross-reference checked) and every example as a doctest.
docs: $(VENV)/.installed-test
	$(BIN)/sphinx-build -q -W -n -b html docs docs/_build/html
	$(BIN)/sphinx-build -q -W -b doctest docs docs/_build/doctest

# The same inside `make test`, without the network (intersphinx links need it; checks don't).
docs-check:
	FUKUOKA_DX_DOCS_OFFLINE=1 $(MAKE) docs

# The packaged data must be in the built wheel: install it in a fresh venv and load the plan.
wheel-test: $(VENV)/.installed-test
	rm -rf build/wheel-test && mkdir -p build/wheel-test
	$(BIN)/python -m build -q --wheel --outdir build/wheel-test . >/dev/null
	$(PYTHON) -m venv build/wheel-test/venv
	build/wheel-test/venv/bin/python -m pip install -q build/wheel-test/*.whl
	$(BIN)/python tools/check_wheel.py build/wheel-test build/wheel-test/venv

data: $(VENV)/.installed
	$(BIN)/python tools/build_data.py
	$(BIN)/python tools/gen_plan_reader.py

bench: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) build dist docs/_build
