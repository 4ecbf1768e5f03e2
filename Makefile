# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test check lint typecheck layers bench wheel-check screenshots translations clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "SafetyLog needs Python 3.11 or newer (found: $$($(PYTHON) --version))."; exit 1; }
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || \
	  { echo "Python's venv module is missing: sudo apt install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

run: $(STAMP)
	@$(BIN)/safetylog

# Parallel on every core (pytest-xdist), with coverage; then the coverage floors.
test: $(STAMP) check
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n auto --cov --cov-report=
	$(BIN)/python tools/coverage_gate.py

check: lint layers typecheck

lint: $(STAMP)
	$(BIN)/ruff check .

layers: $(STAMP)
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/benchmarks -s -p no:randomly -o addopts=""

wheel-check: $(STAMP)
	bash .ci/wheel-check

# Refresh the .ts files from the source (translations already there are kept); fill in the
# Danish with pyside6-linguist or an editor, then the app rebuilds the .qm on its next start.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -extensions py ui/app.py ui/main_window.py ui/navigation.py ui/login.py \
	  ui/lock.py ui/first_run.py ui/recovery_key.py ui/password_dialog.py ui/reauth.py \
	  ui/chain_banner.py ui/entry ui/widgets safetylog/domain/incident_fields.py -ts resources/i18n/safetylog_da.ts -locations none -no-obsolete
	$(BIN)/pyside6-lupdate $(filter-out ui/views/report_dialog.py,$(wildcard ui/views/*.py)) \
	  $(wildcard ui/models/*.py) ui/error_text.py ui/incident_labels.py -ts resources/i18n/views_da.ts -no-obsolete

# Every page on the two office screens, from the real app on a demo database under Xvfb
# (docs/screenshots/1024x768/, 1366x768/; the README's three come from the 1366 run).
screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1024x768x24" $(BIN)/python tools/screenshots.py
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python tools/screenshots.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .coverage
