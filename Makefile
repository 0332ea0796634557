# Set-up is automatic: every target below creates .venv (if missing) and installs the
# package with the pinned versions in constraints.txt, so that figures are byte-identical.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    ?= figures

.PHONY: figures test bench validate docs clean-venv

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

## The main job: every chart (SVG, PDF, PNG), manifest.json, the status table and the Excel workbook.
figures: $(STAMP)
	$(BIN)/cproc-data figures --out $(OUT)
	$(BIN)/cproc-data tables --out $(OUT)/cproc-data-tables.xlsx

## All tests, the notebooks (nbval) included.
test: $(STAMP)
	$(BIN)/cproc-data validate
	$(BIN)/python -m pytest tests
	$(BIN)/python -m pytest --nbval --nbval-current-env notebooks

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

## Regenerate docs/known-gaps.md and docs/data-dictionary.md.
docs: $(STAMP)
	{ cat docs/known-gaps.header.md; $(BIN)/cproc-data gaps --format markdown; } > docs/known-gaps.md
	$(BIN)/python -c "from cproc_data.datapackage import data_dictionary; print(data_dictionary(), end='')" > docs/data-dictionary.md

validate: $(STAMP)
	$(BIN)/cproc-data validate

clean-venv:
	rm -rf $(VENV)
