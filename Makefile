# Set-up is automatic: every target below creates .venv (if missing) and installs the
# package with the pinned versions in constraints.txt, so that figures are byte-identical.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    ?= figures
SCREENSHOT ?= /tmp/cproc-data-browser-check.png

.PHONY: figures test bench validate docs notebooks lint mutations clean-venv browser-check

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

## The main job: every chart (SVG, PDF, PNG, its data as CSV), manifest.json, the status table,
## annex.pdf, index.html and the Excel workbook (`cproc-data report`).
figures: $(STAMP)
	$(BIN)/cproc-data report --out $(OUT)

## Open $(OUT)/index.html in headless Chromium (Debian's package, installed if missing; needs
## root): fails on any console error or image that does not load; saves $(SCREENSHOT).
## Not part of `make test` (CI has no Chromium).
browser-check: $(STAMP)
	command -v chromium >/dev/null 2>&1 || (apt-get update && apt-get install -y chromium)
	test -f $(OUT)/index.html || $(BIN)/cproc-data report --out $(OUT)
	$(BIN)/python tests/browser_check.py $(OUT)/index.html --screenshot $(SCREENSHOT)

## All tests: lint, format and type checks, the data rules, the test suite, the notebooks (nbval).
test: lint $(STAMP)
	$(BIN)/cproc-data validate
	$(BIN)/python -m pytest -n 2 --dist loadfile tests  # two workers, each test file on one (module fixtures stay shared)
	$(BIN)/python -m pytest --nbval --nbval-current-env notebooks

## ruff (lint and format) and mypy (domain/, derive/, metadata/, load.py).
lint: $(STAMP)
	$(BIN)/ruff check cproc_data tests benchmarks
	$(BIN)/ruff format --check cproc_data tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

## Regenerate docs/known-gaps.md and docs/data-dictionary.md.
docs: $(STAMP)
	{ cat docs/known-gaps.header.md; $(BIN)/cproc-data gaps --format markdown; cat docs/known-gaps.summary.md; $(BIN)/cproc-data reconcile --summary --format markdown; } > docs/known-gaps.md
	$(BIN)/python -c "from cproc_data.publish.datapackage import data_dictionary; print(data_dictionary(), end='')" > docs/data-dictionary.md

validate: $(STAMP)
	$(BIN)/cproc-data validate

clean-venv:
	rm -rf $(VENV)

## Re-execute the notebooks in place (after a change to the data or the library).
notebooks: $(STAMP)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False notebooks/*.ipynb

## Deliberate changes to the rules, each of which a test must catch (a few minutes).
mutations: $(STAMP)
	$(BIN)/python tests/mutations.py
