# conflictkit: two commands on a fresh machine (Python 3.11+ with pip and venv: the lock is made on 3.11).
#   make reproduce   install the locked environment, execute every notebook, regenerate figures/ and build/*.html
#   make test        run the whole test suite, notebooks included (what CI runs)
#   make test-fast   the edit-test loop: no notebooks, no slow real-data tests (under a minute)
# Both install requirements-lock.txt (exact versions: the committed figures are byte-identical
# only under them) into .venv, showing pip's progress, then conflictkit itself without dependencies.
VENV   ?= .venv
PYTHON ?= python3
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed-stamp
LOCK    = requirements-lock.txt

# Real datasets: $CONFLICTKIT_DATA, else ../shared/data beside a development
# checkout; conflictkit then also looks in data/ (tests and notebooks skip what
# is missing and say how to get it).
CONFLICTKIT_DATA ?= $(if $(wildcard ../shared/data),$(abspath ../shared/data),)
export CONFLICTKIT_DATA
export MPLBACKEND = Agg
export PYTHONHASHSEED = 0

.PHONY: help env reproduce test test-fast benchmark lock clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml $(LOCK)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -r $(LOCK)
	$(PY) -m pip install --no-deps -e .
	$(PY) -m pip check
	touch $(STAMP)

env: $(STAMP)  ## create .venv with the locked versions and conflictkit

reproduce: $(STAMP)  ## execute all notebooks, regenerate figures/ and build/ HTML pages
	$(PY) -m conflictkit reproduce notebooks --figures figures --html build

test: $(STAMP)  ## run the whole test suite, notebooks included (CI runs this)
	$(PY) -m pytest -q

test-fast: $(STAMP)  ## the suite without notebooks and slow real-data tests (under a minute)
	$(PY) -m pytest -q -m "not slow"

benchmark: $(STAMP)  ## run the benchmarks on ../shared/data (prints figures)
	for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

lock:  ## rewrite requirements-lock.txt: newest versions within pyproject.toml's bounds, from a clean venv
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --upgrade pip
	.lock-venv/bin/python -m pip install -e '.[test]'
	{ echo "# Exact versions of every dependency of conflictkit[test], for \`make reproduce\` and \`make test\`:"; \
	  echo "# the environment the committed figures/ were made with (byte for byte). Made by \`make lock\` from a"; \
	  echo "# clean venv on CPython $$(.lock-venv/bin/python -c 'import platform; print(platform.python_version())') (Linux x86_64): pip install -e '.[test]', then pip freeze --exclude-editable."; \
	  echo "# Library users install the loose bounds of pyproject.toml instead."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable; } > $(LOCK)
	rm -rf .lock-venv
	@echo "$(LOCK) rewritten: run make reproduce, commit the lock with any figures that changed"

clean:  ## remove the environment and build outputs
	rm -rf $(VENV) .lock-venv build .pytest_cache .hypothesis
