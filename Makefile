# Kring — the two quick-start commands are `make run` and `make test`.
# Everything else here is what they are built from.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
KRING := $(BIN)/kring
HOST ?= 127.0.0.1
PORT ?= 5000
export KRING_ENV ?= development

.PHONY: run test test-postgres lint audit lock translations messages db demo content clean-db help mutation

help:
	@echo "make run            start Kring with demo content on http://$(HOST):$(PORT)"
	@echo "make test           run the whole test suite (SQLite)"
	@echo "make test-postgres  run the suite on a throw-away PostgreSQL server"
	@echo "make lint           ruff"
	@echo "make lock / audit   pin dependencies / audit them with pip-audit"
	@echo "make messages       extract UI strings and update the translation catalogues"
	@echo "make mutation      mutation testing of the rule modules (slow; MODULE=engine for one)"

# The venv is rebuilt when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

translations: $(VENV)/.installed
	$(KRING) translations compile

db: $(VENV)/.installed
	$(KRING) db upgrade

demo: db
	$(KRING) demo

content: db
	$(KRING) content sync

run: translations demo content
	@$(BIN)/python -c "import socket; s = socket.socket(); s.bind(('$(HOST)', $(PORT)))" 2>/dev/null \
	  || { echo "Port $(PORT) is in use by another program. Pick another port: make run PORT=5001"; exit 1; }
	@echo
	@echo "Kring runs on http://$(HOST):$(PORT) — log in with a demo account above (Ctrl+C stops)."
	$(KRING) run --host $(HOST) --port $(PORT)

test: translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres: translations
	.ci/with-postgres $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .

# requirements.lock pins every dependency as installed; pip-audit checks those versions.
lock: $(VENV)/.installed
	{ echo "# Pinned versions of every dependency, for audits and reproducible deploys."; \
	  echo "# Regenerate with: make lock"; \
	  $(BIN)/pip freeze --exclude-editable | grep -v "^-e\|^kring"; } > requirements.lock

audit: $(VENV)/.installed
	.ci/audit

messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k lazy_gettext -k _l -k N_ --no-location --sort-output -o /tmp/kring-messages.pot .
	$(BIN)/pybabel update -i /tmp/kring-messages.pot -d learn/translations --no-fuzzy-matching

clean-db:
	rm -f instance/kring.sqlite3 instance/kring.sqlite3-wal instance/kring.sqlite3-shm

# Mutation testing of the rule modules, on demand (not in CI): see docs/mutation-testing.md.
# MODULE picks some (scoring engine graph privacy, from pyproject.toml); JOBS mutants at once.
MODULE ?=
JOBS ?= 1
mutation: translations
	nice -n 19 $(BIN)/python .ci/mutation --jobs $(JOBS) $(MODULE)
