# The two commands a newcomer needs: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test install install-test browser fixtures bench clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

## Development server with the seeded libraries and demo accounts (never use in production).
run: install
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_seed_libraries
	DEBUG=1 $(PY) manage.py setup_demo
	DEBUG=1 $(PY) manage.py runserver $(HOST)

## Browser tests drive Debian's Chromium; install it when it is missing (needs root, as on CI).
browser:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || { \
	  echo "Chromium ontbreekt: installeren met apt-get (nodig voor de browsertests)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; }

## The Nu Html Checker (vnu.jar from npm's vnu-jar; runs on the machine's Java) for valid HTML.
$(VENV)/vnu/vnu.jar: | $(VENV)/bin/python
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }
	rm -rf $(VENV)/vnu && mkdir -p $(VENV)/vnu
	cd $(VENV)/vnu && npm pack --silent vnu-jar@26 >/dev/null && tar xzf vnu-jar-*.tgz && mv package/build/dist/vnu.jar . && rm -rf package vnu-jar-*.tgz

## All tests: unit, view and browser tests. DATABASE_URL selects PostgreSQL.
test: install-test browser $(VENV)/vnu/vnu.jar
	$(PY) -m pytest $(PYTEST_ARGS)

$(VENV)/.installed-bench: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[bench]'
	touch $@ $(VENV)/.installed

## Load test on PostgreSQL with gunicorn and locust; writes bench/RESULTS.md (not part of make test).
bench: $(VENV)/.installed-bench
	bash bench/run.sh

## Rebuild fixtures/*.json from the curated sources in fixtures/source/.
fixtures: install
	DEBUG=1 $(PY) manage.py build_seed_fixtures

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
