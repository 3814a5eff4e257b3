# Caucus: `make run` serves the demo at http://127.0.0.1:8000, `make test` runs the whole suite.
# Both set up everything they need (a Python >= 3.12 must be installed; they find it).

SHELL := /bin/sh
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
# Debian packages the suite needs: WeasyPrint's text stack, faster font subsetting,
# pdftotext/pdftoppm, a font family, Chromium for the browser tests, and GNU gettext (the catalogue test runs
# makemessages).
DEB_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils fonts-dejavu-core chromium gettext

.PHONY: run test lint format venv install install-dev messages messages-compiled system-packages clean help

help:
	@echo "make run    serve Caucus with demo data at http://127.0.0.1:$(PORT) (PORT=... to change)"
	@echo "make test   run the whole test suite"
	@echo "make lint   ruff check, ruff format --check and the migrations check"
	@echo "make messages   gather the marked strings into the Welsh catalogue, locale/cy"

# DEBUG stays off, so that Caucus shows its own error pages; scripts/run-local says why and how.
run: install
	PY=$(PY) scripts/run-local $(PORT)

test: install-dev system-packages
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=true $(PY) manage.py makemigrations --check --dry-run

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# (Re)create the virtualenv when it is missing or was made with a Python older than 3.12.
venv:
	@if ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
		python="$(PYTHON)"; \
		if [ -z "$$python" ]; then python=$$(scripts/find-python) || exit 1; fi; \
		echo "Creating $(VENV) with $$python"; \
		rm -rf $(VENV); \
		"$$python" -m venv $(VENV) || exit 1; \
		$(PY) -m pip install --quiet --upgrade pip; \
	fi

install: venv
	@$(MAKE) --no-print-directory $(VENV)/.installed messages-compiled

install-dev: venv
	@$(MAKE) --no-print-directory $(VENV)/.installed-dev messages-compiled

# The Welsh catalogue: `make messages` gathers every marked string into locale/cy/LC_MESSAGES/django.po (to
# translate, following locale/cy/GLOSSARY.md); install compiles it into the django.mo that Django reads.
CATALOGUES := $(wildcard locale/*/LC_MESSAGES/*.po)
messages-compiled: $(CATALOGUES:.po=.mo)

%.mo: %.po
	$(PY) scripts/compile-messages

messages: install-dev
	DEBUG=true $(PY) manage.py makemessages --locale cy --add-location file --ignore .venv --ignore tests --ignore staticfiles
	$(PY) scripts/compile-messages

$(VENV)/.installed: requirements.txt
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $(VENV)/.installed $@

system-packages:
	@missing=""; \
	for package in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
		else \
			echo "Missing system packages:$$missing"; \
			echo "Install them (for example: sudo apt-get install$$missing) and run make test again."; \
			exit 1; \
		fi; \
	fi

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .local-secret-key
