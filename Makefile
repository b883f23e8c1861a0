# The README's two commands:  make run  (set up, then run the main job)  and  make test.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# Debian packages the build and tests need, installed where missing (CI starts on a fresh
# machine): SoftHSM2 for the PKCS#11 tests, OpenSSL's headers for the compiled audit chain.
SYSTEM_PACKAGES ?= softhsm2 libssl-dev

.PHONY: run test setup sysdeps lint typecheck bench fuzz clean

sysdeps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

# The Python modules the build also compiles (kmspolicy/_build.py): a change to one must
# reach its compiled build, which Python would otherwise load in its place.
COMPILED_SOURCES := $(shell grep -o '"kmspolicy/[a-z_/]*\.py"' kmspolicy/_build.py | tr -d '"')
BUILT  := $(VENV)/.built

# The package (editable) and its dependencies; its extensions are built in place by the
# next rule, once, with the venv's Cython.
$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	KMSPOLICY_NO_EXTENSIONS=1 $(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(BUILT): $(STAMP) kmspolicy/_build.py $(COMPILED_SOURCES) $(wildcard kmspolicy/_fast/*.pyx kmspolicy/_fast/*.pxd)
	$(PY) setup.py --quiet build_ext --inplace --parallel 2
	touch $(BUILT)

setup: sysdeps $(BUILT)

run: setup
	$(VENV)/bin/kmspolicy serve --data-dir kms-data

lint: setup
	$(VENV)/bin/ruff check kmspolicy tests benchmarks
	$(VENV)/bin/ruff format --check kmspolicy tests benchmarks

typecheck: setup
	$(VENV)/bin/mypy

# Whole suite (compiled and pure evaluators side by side), then the fast tests again
# with the extension switched off, as a pure-Python install runs them.
test: lint typecheck
	$(PY) -m pytest -q
	KMSPOLICY_NO_EXTENSIONS=1 $(PY) -m pytest -q -m "not slow and not compiled" -p no:cacheprovider

bench: setup
	$(PY) -m pytest benchmarks --benchmark-only --benchmark-columns=min,median,mean,ops,rounds

# Long fuzz and differential runs (not part of make test).
fuzz: setup
	KMSPOLICY_FUZZ=1 $(PY) -m pytest -q -m fuzz

clean:
	rm -rf $(VENV) build dist *.egg-info kmspolicy/_fast/*.c
	find kmspolicy -name "*.so" -delete
