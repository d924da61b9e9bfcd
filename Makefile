# The two commands of the README: `make build` and `make test`.
# Both create the virtualenv from the lock file on first use, so a fresh
# clone needs nothing but Python 3.11+ and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build test lock clean

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

test: $(VENV)/installed node_modules/.package-lock.json
	$(BIN)/pytest -q

# Refresh the lock after changing the pins in pyproject.toml.
lock: $(VENV)/installed
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip freeze --exclude-editable | LC_ALL=C sort > requirements.lock

clean:
	rm -rf build $(VENV) node_modules
