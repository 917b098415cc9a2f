# ai_adoption — every target is listed by `make help`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV        ?= .venv
PYTHON      ?= python3
BIN         := $(VENV)/bin
DBT         := $(BIN)/dbt
PROFILES    := --profiles-dir profiles
LANDING     ?= data/landing
# AI_ADOPTION_LANDING / AI_ADOPTION_DB as given (environment or command line); unset or blank,
# the defaults. A leading ~/ is the home folder, as for dbt and the CLI.
ifeq ($(strip $(AI_ADOPTION_LANDING)),)
override AI_ADOPTION_LANDING := $(LANDING)
endif
ifeq ($(strip $(AI_ADOPTION_DB)),)
override AI_ADOPTION_DB := warehouse/ai_adoption.duckdb
endif
override AI_ADOPTION_LANDING := $(patsubst ~/%,$(HOME)/%,$(AI_ADOPTION_LANDING))
override AI_ADOPTION_DB := $(patsubst ~/%,$(HOME)/%,$(AI_ADOPTION_DB))
export AI_ADOPTION_LANDING AI_ADOPTION_DB
export DBT_SEND_ANONYMOUS_USAGE_STATS := False

.PHONY: help setup run sample build daily full-refresh headline lint fmt test test-dbt test-python check bench docs clean

help: ## List every target with its purpose
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "} {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

IS_PY311    := -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'

$(BIN)/.installed: requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) $(IS_PY311) || { echo "setup: $(PYTHON) is" \
		"$$($(PYTHON) -V 2>&1), not Python 3.11, which the pinned dbt-core needs:" \
		"make setup PYTHON=python3.11" >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python $(IS_PY311) || { echo "setup: $(VENV) holds $$($(BIN)/python -V 2>&1)," \
		"not Python 3.11: rm -rf $(VENV), then make setup PYTHON=python3.11" >&2; exit 1; }
	$(BIN)/python -m pip install -qq -r requirements.lock
	$(BIN)/python -m pip install -qq --no-deps -e .
	@touch $@

setup: $(BIN)/.installed ## Create .venv with the pinned dependencies (safe to run again)

sample: setup ## Generate the sample landing data into $(AI_ADOPTION_LANDING) when it is absent
	@if [ -d "$(AI_ADOPTION_LANDING)" ]; then echo "sample: $(AI_ADOPTION_LANDING) exists, keeping it"; \
	else $(BIN)/python -m ai_adoption generate-sample --out "$(AI_ADOPTION_LANDING)"; fi

build: setup ## dbt build (seeds, models, tests) on $(AI_ADOPTION_LANDING) into $(AI_ADOPTION_DB)
	@mkdir -p "$(dir $(AI_ADOPTION_DB))"
	$(DBT) build $(PROFILES)

daily: setup ## Scheduled run on an existing warehouse: dbt build --selector daily (incremental)
	@mkdir -p "$(dir $(AI_ADOPTION_DB))"
	$(DBT) build $(PROFILES) --selector daily

full-refresh: setup ## Production full rebuild from every landing file, with every data test (no unit tests)
	@mkdir -p "$(dir $(AI_ADOPTION_DB))"
	$(DBT) build $(PROFILES) --full-refresh --exclude-resource-type unit_test

headline: setup ## Print the weekly headline (last 4 complete weeks, per dimension)
	@$(BIN)/python -m ai_adoption headline --db "$(AI_ADOPTION_DB)"

run: sample build headline ## Set up, write sample data if absent, build, print the headline

lint: setup ## ruff on Python, sqlfluff on models, tests and analyses (it skips macro files)
	$(BIN)/ruff check ai_adoption tests_python benchmarks
	$(BIN)/ruff format --check ai_adoption tests_python benchmarks
	@mkdir -p target
	AI_ADOPTION_DB=target/lint.duckdb DBT_TARGET_PATH=target/lint $(BIN)/sqlfluff lint --processes 0 models macros tests analyses

fmt: setup ## Reformat Python (ruff) and SQL (sqlfluff fix)
	$(BIN)/ruff format ai_adoption tests_python benchmarks
	@mkdir -p target
	AI_ADOPTION_DB=target/lint.duckdb DBT_TARGET_PATH=target/lint $(BIN)/sqlfluff fix models macros tests analyses

test-dbt: setup ## Build on small generated data: every dbt unit and data test, then the GX mart checks
	$(BIN)/python -m ai_adoption generate-sample --out target/test_landing --developers 40 --days 70 --seed 7 --force
	@rm -f target/test.duckdb
	AI_ADOPTION_LANDING=target/test_landing AI_ADOPTION_DB=target/test.duckdb $(DBT) build $(PROFILES)
	$(BIN)/python -m ai_adoption check --db target/test.duckdb --report target/quality/test_mart_checks.json

check: setup ## GX invariant suite over the marts of $(AI_ADOPTION_DB) (report: target/quality/mart_checks.json)
	$(BIN)/python -m ai_adoption check --db "$(AI_ADOPTION_DB)" --report target/quality/mart_checks.json

test-python: setup ## pytest: package, end-to-end builds, real fixture, benchmark smoke
	$(BIN)/pytest

# lint and test-dbt run side by side (sqlfluff's dbt parse writes to target/lint, so the two never
# share a file): test-dbt takes one core for under a minute, sqlfluff lints its files on every core
# (alone on one core it took 100-220 s, most of the time before pytest starts); then pytest uses
# every core.
test: setup ## Set up, lint, build on test data, run every dbt and pytest test
	@$(MAKE) --no-print-directory -j2 --output-sync=target lint test-dbt
	@$(MAKE) --no-print-directory test-python

bench: setup ## Benchmark 5,000 developers x 365 days (cached landing); appends to benchmarks/RESULTS.md
	$(BIN)/python benchmarks/bench.py --developers 5000 --days 365

docs: setup ## Generate dbt docs into target/
	$(DBT) docs generate $(PROFILES)

clean: ## Remove build output: target/, logs/ and warehouse/ (the default warehouse: make build rebuilds it; keeps .venv)
	rm -rf target logs warehouse
