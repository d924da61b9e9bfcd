# The two commands of the README: `make build` and `make test`; and `make test-fast`,
# the lane to run while working. All create the virtualenv from the lock file on
# first use, so a fresh clone needs nothing but Python 3.11+ and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build test test-fast lock clean

$(VENV)/installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# The site's browser library (plotly.js), installed exactly as package-lock.json says.
node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund

build: $(VENV)/installed node_modules/.package-lock.json
	$(BIN)/chengnuo build

# Every test. pytest exits 5 when it ran no test at all; make fails on it as on any
# other non-zero status.
test: $(VENV)/installed node_modules/.package-lock.json
	$(BIN)/pytest -q

# Every test that needs no full build and no browser (tests/conftest.py says which are
# slow), in under a minute: spread over the machine's cores (pytest-xdist), a test file
# to a worker so that each module's fixtures are made once. The slowest five are
# listed, so that a creeping one is seen.
test-fast: $(VENV)/installed
	$(BIN)/pytest -q -m "not slow" -n auto --dist loadfile --hypothesis-profile=quick --durations=5

# Refresh the lock after changing the pins in pyproject.toml.
lock: $(VENV)/installed
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip freeze --exclude-editable | LC_ALL=C sort > requirements.lock

clean:
	rm -rf build $(VENV) node_modules
