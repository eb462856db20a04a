# oerbot: `make run` opens the console chat, `make test` runs every check. Both set up .venv themselves.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCALES_DIR := locales
POT := $(LOCALES_DIR)/messages.pot
LANGS := en fr es ar ru zh pt
MO_FILES := $(foreach l,$(LANGS),$(LOCALES_DIR)/$(l)/LC_MESSAGES/messages.mo)
PO_FILES := $(foreach l,$(LANGS),$(LOCALES_DIR)/$(l)/LC_MESSAGES/messages.po)

.PHONY: help run test lint typecheck imports hadolint pytest install catalogs extract update-catalogs eval bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "oerbot needs Python 3.11 or newer; found " + sys.version.split()[0])'
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV) || { echo "could not create $(VENV): install python3-venv" >&2; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(STAMP) ## create .venv and install oerbot with its development tools

$(LOCALES_DIR)/%/LC_MESSAGES/messages.mo: $(LOCALES_DIR)/%/LC_MESSAGES/messages.po $(STAMP)
	$(BIN)/pybabel compile --statistics -D messages -d $(LOCALES_DIR) -l $* 2>&1 | sed 's/^/  /'

catalogs: $(MO_FILES) ## compile the translation catalogues

extract: $(STAMP) ## collect every user-visible string into locales/messages.pot
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k t -k nt:1,2 --no-location --sort-output \
	    --project oerbot --copyright-holder "oerbot contributors" -o $(POT) bot handlers

update-catalogs: extract ## merge new strings into every language's messages.po
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -D messages -i $(POT) -d $(LOCALES_DIR)

run: $(STAMP) catalogs ## chat with the bot in this terminal (embedded SQLite database, no tokens)
	$(BIN)/oerbot chat

lint: $(STAMP)
	$(BIN)/ruff check bot handlers storage tests benchmarks
	$(BIN)/ruff format --check bot handlers storage tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports

hadolint: $(STAMP)
	$(BIN)/hadolint Dockerfile

pytest: $(STAMP) catalogs
	$(BIN)/pytest

test: $(STAMP) catalogs lint typecheck imports hadolint pytest ## run ruff, mypy, import-linter, hadolint and the whole suite

eval: $(STAMP) catalogs ## answering accuracy per language and abstention out of scope, next to a plain BM25 baseline
	$(BIN)/python benchmarks/faq_eval.py

bench: $(STAMP) catalogs ## Telegram throughput vs a bare echo bot; answering latency, start-up time and memory
	$(BIN)/python -m benchmarks.telegram_throughput
	$(BIN)/python benchmarks/faq_bench.py

clean: ## remove the virtual environment, compiled catalogues and caches
	rm -rf $(VENV) $(MO_FILES) .pytest_cache .mypy_cache .ruff_cache
