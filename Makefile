# conflictkit: two commands on a fresh machine (Python 3.10+ with pip and venv).
#   make reproduce   execute every notebook, regenerate figures/ and build/*.html
#   make test        run the whole test suite, notebooks included
VENV   ?= .venv
PYTHON ?= python3
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed-stamp

# Real datasets: $CONFLICTKIT_DATA, else ../shared/data beside a development
# checkout, else data/ (notebooks skip what is missing and say how to get it).
CONFLICTKIT_DATA ?= $(if $(wildcard ../shared/data),$(abspath ../shared/data),)
export CONFLICTKIT_DATA
export MPLBACKEND = Agg
export PYTHONHASHSEED = 0

.PHONY: help env reproduce test benchmark clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

env: $(STAMP)  ## create .venv and install conflictkit with its dependencies

reproduce: $(STAMP)  ## execute all notebooks, regenerate figures/ and build/ HTML pages
	$(PY) -m conflictkit reproduce notebooks --figures figures --html build

test: $(STAMP)  ## run the test suite (notebooks included)
	$(PY) -m pytest -q

benchmark: $(STAMP)  ## run the benchmarks on ../shared/data (prints figures)
	for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:  ## remove the environment and build outputs
	rm -rf $(VENV) build .pytest_cache .hypothesis
