# The two commands a newcomer needs: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
WORKERS ?= auto
# Every install takes its versions from constraints.txt (refresh it with `make lock`). uv (from PyPI)
# installs them: the same packages as pip, in a fraction of the time (23 s against 160 s for a fresh
# .venv on the CI machine), which every fresh clone and every CI run pays.
UV_VERSION := 0.13.9
PIP_INSTALL := $(VENV)/bin/uv pip install --quiet --python $(PY) --constraint constraints.txt

.PHONY: vendor-nlds run test test-fast test-sqlite lint install install-test system-packages fixtures messages bench lock clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/bin/uv: | $(VENV)/bin/python
	$(PY) -m pip install --quiet uv==$(UV_VERSION)

$(VENV)/.installed: pyproject.toml constraints.txt | $(VENV)/bin/uv
	$(PIP_INSTALL) -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt | $(VENV)/bin/uv
	$(PIP_INSTALL) -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

## Development server and task worker, with the seeded libraries and demo accounts (never use in production).
run: install
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_seed_libraries
	DEBUG=1 HOST=$(HOST) $(PY) manage.py setup_demo
	DEBUG=1 $(PY) manage.py setup_demo_programme
	@# The task queue is the database: its worker runs beside the server, and Ctrl-C (or the
	@# server stopping for any other reason) stops both.
	DEBUG=1 $(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	DEBUG=1 $(PY) manage.py runserver $(HOST)

## Debian packages the tests use, installed when missing (apt-get needs root, as on CI):
## chromium for the browser tests, poppler-utils (pdftotext) to read PDFs, gettext (xgettext,
## msgfmt) for the translation gate, a Java runtime for the Nu Html Checker.
system-packages:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v xgettext >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  echo "Installeren met apt-get:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

## The Nu Html Checker (vnu.jar from npm's vnu-jar) for valid HTML.
$(VENV)/vnu/vnu.jar: | $(VENV)/bin/python
	rm -rf $(VENV)/vnu && mkdir -p $(VENV)/vnu
	cd $(VENV)/vnu && npm pack --silent vnu-jar@26 >/dev/null && tar xzf vnu-jar-*.tgz && mv package/build/dist/vnu.jar . && rm -rf package vnu-jar-*.tgz

## A real OpenID Connect provider for the login tests (npm's oidc-provider, pinned in tests/oidc/package-lock.json).
OIDC_PROVIDER := tests/oidc/node_modules/.installed
$(OIDC_PROVIDER): tests/oidc/package.json tests/oidc/package-lock.json
	cd tests/oidc && npm ci --silent --no-audit --no-fund
	touch $@

## All tests, browser tests included, on every core (an idle process takes queued tests from a busy
## one: the browser journeys take minutes, the rest seconds). DATABASE_URL selects PostgreSQL.
test: install-test system-packages $(VENV)/vnu/vnu.jar $(OIDC_PROVIDER)
	$(PY) -m pytest -n $(WORKERS) --dist worksteal $(PYTEST_ARGS)

## Quick loop while developing: no browser tests, the test database kept between runs.
test-fast: install-test
	$(PY) -m pytest -n $(WORKERS) --dist worksteal --reuse-db -m "not e2e" $(PYTEST_ARGS)

## CI's SQLite run: the suite without the browser journeys (as test-fast, but with a fresh test
## database) plus the one journey that proves the SQLite settings under two writers. The browser
## journeys run in full on PostgreSQL (`DATABASE_URL=... make test`).
test-sqlite: install-test system-packages $(VENV)/vnu/vnu.jar $(OIDC_PROVIDER)
	$(PY) -m pytest -n $(WORKERS) --dist worksteal -m "not e2e or two_writers" $(PYTEST_ARGS)

## Gates that need no database: lint, formatting, and models without a migration.
lint: install-test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

## Translation catalogue: collect every UI string into locale/en (translate the new ones there), then compile.
MESSAGES_IGNORE := --ignore=.venv --ignore=tests --ignore=bench --ignore=test-artifacts --ignore=staticfiles --ignore=static/vendor
messages: install
	DEBUG=1 $(PY) manage.py makemessages --locale=en --add-location=file --no-obsolete $(MESSAGES_IGNORE)
	DEBUG=1 $(PY) manage.py compilemessages --locale=en $(MESSAGES_IGNORE)

## Rebuild fixtures/*.json from the curated sources in fixtures/source/.
fixtures: install
	DEBUG=1 $(PY) manage.py build_seed_fixtures

$(VENV)/.installed-bench: pyproject.toml constraints.txt | $(VENV)/bin/uv
	$(PIP_INSTALL) -e '.[bench]'
	touch $@ $(VENV)/.installed

## Load test on PostgreSQL with gunicorn and locust; writes bench/RESULTS.md (not part of make test).
bench: $(VENV)/.installed-bench
	bash bench/run.sh

## Pin every dependency anew: resolve pyproject.toml in a fresh environment and write constraints.txt.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet -e '.[test,bench]'
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^-e ' > constraints.txt
	rm -rf .lock-venv
	@echo "constraints.txt bijgewerkt; draai make test en commit het bestand."

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

## NL Design System CSS (static/vendor/nlds/, committed; see its README): the Utrecht components this
## app uses and the voorbeeld token set, from npm at the versions below. `make run` needs no npm.
NLDS_PACKAGES := @utrecht/document-css@2.0.1 @utrecht/page-header-css@2.0.1 @utrecht/page-footer-css@3.0.1 \
  @utrecht/button-css@3.1.0 @utrecht/link-css@2.0.1 @utrecht/skip-link-css@2.0.1 @utrecht/form-label-css@2.0.1 \
  @utrecht/select-css@2.0.1 @utrecht/textbox-css@3.1.0 @utrecht/table-css@2.0.2 \
  @nl-design-system-unstable/voorbeeld-design-tokens@7.4.1
vendor-nlds: | $(VENV)/bin/python
	rm -rf .nlds-build && mkdir .nlds-build
	cd .nlds-build && npm pack --silent $(NLDS_PACKAGES) >/dev/null
	$(PY) -m competentie.theming.vendor .nlds-build
	rm -rf .nlds-build
