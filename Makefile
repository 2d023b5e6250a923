# Motverka. Two commands on a fresh machine:  make site   (build everything)   make test   (run every test)
# Both set themselves up: a virtualenv with pinned Python packages, and the system packages a step needs.

SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA ?= data
export NO_MKDOCS_2_WARNING := 1
export PYTHONUTF8 := 1

# Python environment: rebuilt when a requirements file changes.
PIP := $(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt

# Python environment: reinstalled when a requirements file changes. constraints.txt pins every package.
$(VENV)/.site-installed: requirements.txt constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PIP) -r requirements.txt
	@touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.site-installed
	@$(PIP) -r requirements-dev.txt
	@touch $@

.PHONY: help setup setup-dev system-deps site check serve serve-staff schemas test lock clean

help:  ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 22

setup: $(VENV)/.site-installed  ## create .venv with what the build needs

setup-dev: $(VENV)/.dev-installed system-deps  ## add what the tests need (Chromium, poppler-utils)

system-deps:  ## install missing system packages (apt-get; sudo when not root)
	@tools/ensure-system-packages.sh

site: setup  ## build the public and staff sites (DATA=examples/umea for Umeå)
	@$(PY) -m macros --data $(DATA) build

check: setup  ## validate the data files alone (seconds)
	@$(PY) -m macros --data $(DATA) check

serve: setup  ## preview the public site with live reload on http://127.0.0.1:8000/
	@MOTVERKA_DATA=$(DATA) $(PY) -m mkdocs serve --livereload -f mkdocs.yml

serve-staff: setup  ## preview the staff site on http://127.0.0.1:8001/
	@MOTVERKA_DATA=$(DATA) $(PY) -m mkdocs serve --livereload -f mkdocs.staff.yml -a 127.0.0.1:8001

schemas: setup  ## regenerate schemas/ from macros/models.py
	@$(PY) -m macros schemas

test: setup-dev  ## run every test (sets itself up)
	@$(PY) -m pytest

lock:  ## re-pin every package in constraints.txt from a fresh environment
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	{ echo "# Exact versions of every package, direct and transitive (pip freeze). Regenerate with \`make lock\`."; \
	  .venv-lock/bin/pip freeze --exclude-editable; } > constraints.txt
	rm -rf .venv-lock

clean:  ## remove built outputs (not .venv)
	rm -rf site site-staff site.* site-staff.* examples/*/site examples/*/site-staff .pytest_cache
