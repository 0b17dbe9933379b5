# Two commands for a newcomer: `make demo` and `make test`. The rest are their pieces.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell for p in python3.11 python3.12 python3.13 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 0.0.0.0
PORT ?= 8000
MANAGE := $(PY) manage.py

.PHONY: help setup setup-test system-deps demo serve test lint bench bench-realdocx clean messages compilemessages

help:
	@echo "make demo   build everything, load the Gia Lai demo and serve it on http://127.0.0.1:8000"
	@echo "make test   install what the tests need and run the whole suite (the add-on's, the host's)"
	@echo "make setup  create .venv and install the project"
	@echo "make serve  gunicorn with production settings on \$$PORT (needs SECRET_KEY)"
	@echo "make bench  our pages against a stock Wagtail page (SQLite, PostgreSQL), the intake, the booklet"
	@echo "make bench-realdocx  the page estimate against LibreOffice on ../shared/realdocx-dev"

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --quiet -e . --group site --group postgres --group redis
	@touch $@

setup: $(VENV)/.installed

# The dependency groups of pyproject.toml (PEP 735): the demo host's and the tests' needs,
# kept out of the published package.
$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet -e . --group test --group postgres
	@touch $@

setup-test: $(VENV)/.installed-test

# Debian packages the tests use: chromium (browser journeys), LibreOffice (exact page
# counts), fonts metric-compatible with Times New Roman, gettext. Installed when we are root.
system-deps:
	@bash scripts/system-deps.sh

.demo-secret:
	@$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

demo: setup .demo-secret
	DEBUG=1 $(MANAGE) migrate --noinput
	DEBUG=1 $(MANAGE) load_demo
	DEBUG=1 $(MANAGE) demo_admin --desk
	$(MAKE) --no-print-directory serve HOST=127.0.0.1 PORT=8000 HTTPS=0 \
		SECRET_KEY="$$(cat .demo-secret)" ALLOWED_HOSTS=127.0.0.1,localhost

serve: setup
	DJANGO_SETTINGS_MODULE=newsroom.settings.production $(MANAGE) collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=newsroom.settings.production $(MANAGE) migrate --noinput -v0
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl+C stops), with a db_worker for background work"
	export DJANGO_SETTINGS_MODULE=newsroom.settings.production; \
	$(MANAGE) db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn \
		--pythonpath site --bind $(HOST):$(PORT) --access-logfile - \
		--logger-class symposium_pages.desk.access_log.RedactingLogger \
		--workers $${WEB_CONCURRENCY:-2} --threads $${GUNICORN_THREADS:-4} \
		--timeout $${GUNICORN_TIMEOUT:-120} \
		newsroom.wsgi:application

# The Vietnamese catalogues from the code (needs GNU gettext): the add-on's in
# symposium_pages/locale, the host's in locale/ without the add-on's strings. Then translate
# the new entries (no fuzzy ones left) and compile: tests/site/test_catalogues.py checks all three.
HOST_MESSAGES_IGNORE := symposium_pages/* tests/* bench/* scripts/* media/* static_collected/* test-artifacts/* node_modules/*
messages: setup
	cd symposium_pages && DJANGO_SETTINGS_MODULE=newsroom.settings.test ../$(PY) ../manage.py makemessages -l vi --no-obsolete
	DJANGO_SETTINGS_MODULE=newsroom.settings.test $(MANAGE) makemessages -l vi --no-obsolete \
		$(foreach pattern,$(HOST_MESSAGES_IGNORE),--ignore '$(pattern)')

compilemessages: setup
	DJANGO_SETTINGS_MODULE=newsroom.settings.test $(MANAGE) compilemessages -l vi

# Our public pages side by side with a stock `wagtail start` page and the static file
# (requests/s under gunicorn as `make serve`), on SQLite, then on a throwaway PostgreSQL
# (scripts/with-postgres.sh) when one can be had; the intake per page, the booklet per
# paper. BENCH_ARGS=--intake-load adds readers during 10 intakes (minutes more).
bench: setup-test
	$(PY) -m bench.run $(BENCH_ARGS)
	@bash scripts/with-postgres.sh $(PY) -m bench.run --pages-only \
		|| echo "PostgreSQL: not measured (no PostgreSQL could be started)"

# The page estimate on real documents (issue 17): accuracy, verdicts, time and memory.
bench-realdocx: setup
	$(PY) bench/bench_realdocx.py

# Two runs, because pytest-django reads the settings once per run: the add-on's own tests
# on the stock test project in tests/testproject (no module of the demo host importable),
# then every other folder of tests/ (the demo host's) with its settings.
ADDON_TESTS := tests/symposium_pages tests/intake tests/documents
ADDON_PYTEST := $(VENV)/bin/pytest --ds tests.testproject.settings
HOST_PYTEST := $(VENV)/bin/pytest $(foreach dir,$(ADDON_TESTS),--ignore=$(dir))

test: setup-test system-deps
	$(VENV)/bin/ruff check .
	@status=0; \
	echo "== the add-on's tests on the stock test project (tests/testproject) =="; \
	$(ADDON_PYTEST) $(PYTEST_ARGS) $(ADDON_TESTS) || status=1; \
	echo "== the demo host's tests (newsroom.settings.test) =="; \
	$(HOST_PYTEST) $(PYTEST_ARGS) || status=1; \
	exit $$status

lint: setup-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check site symposium_pages tests bench

clean:
	rm -rf $(VENV) static_collected .pytest_cache
