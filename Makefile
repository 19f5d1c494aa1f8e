# Kindness Stories: every command sets itself up from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint bench prod faults worker clean

install: $(STAMP)

$(STAMP): requirements.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

# Development settings live in a local .env (never committed), made once with a fresh secret.
.env:
	@printf 'DJANGO_DEBUG=1\nDJANGO_SECRET_KEY=%s\n' "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env
	@echo "Wrote .env for development (DJANGO_DEBUG=1)."

# Links in development mail point at the address actually served.
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: install .env
	$(BIN)/python manage.py migrate --verbosity 0
	$(BIN)/python manage.py ensure_demo_moderator
	$(BIN)/python manage.py load_demo_stories --if-empty
	@echo "Kindness Stories is at http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py makemigrations --check --dry-run

bench: install .env
	$(BIN)/python manage.py bench

prod: install .env
	$(BIN)/python manage.py prod

faults: install .env
	$(BIN)/python manage.py faults

worker: install .env
	$(BIN)/python manage.py db_worker

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache test-artifacts
