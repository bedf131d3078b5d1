# Lan Tỏa — `make run` to try it, `make test` to check it (README.md).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
LANTOA := $(VENV)/bin/lantoa
PORT ?= 8000
VENDOR := lantoa/web/static/vendor

.PHONY: audit import-score corpus run test install check-tools vendor migrate demo serve lint format messages bench screenshots clean

check-tools:
	@scripts/check-tools.sh

$(VENV)/.installed: pyproject.toml requirements.lock requirements-dev.lock
	@scripts/check-tools.sh
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-dev.lock
	$(VENV)/bin/pip install --quiet --no-deps -e .
	@touch $@

node_modules/.installed: package.json package-lock.json
	@scripts/check-tools.sh
	npm ci --no-audit --no-fund --silent
	@touch $@

vendor: node_modules/.installed
	@mkdir -p $(VENDOR)
	@cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/css/bootstrap.min.css.map $(VENDOR)/
	@cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map $(VENDOR)/
	@cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/
	@cp node_modules/chart.js/dist/chart.umd.min.js $(VENDOR)/

install: $(VENV)/.installed vendor

migrate: install
	$(LANTOA) migrate --noinput

demo: migrate
	$(LANTOA) load_demo

run: demo
	@DEBUG=$${DEBUG:-1} PORT=$(PORT) scripts/serve.sh

test: install
	@scripts/system-deps.sh
	$(VENV)/bin/pytest -n auto --dist worksteal

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

import-score: install
	$(LANTOA) import_score

corpus: install
	$(VENV)/bin/python scripts/build_corpus.py

audit:
	scripts/audit.sh

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: install
	cd lantoa && ../$(LANTOA) makemessages -l en --no-obsolete --add-location file --ignore "*/tests/*" --ignore "static/*"
	cd lantoa && ../$(LANTOA) compilemessages -l en

screenshots: install
	@scripts/system-deps.sh
	scripts/screenshots.sh

bench: install
	scripts/bench-db.sh
	scripts/with-postgres.sh scripts/bench-db.sh

clean:
	rm -rf $(VENV) node_modules $(VENDOR) staticfiles
