# The two commands: `make site` builds site/, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check offline bench clean

$(BIN)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

site: $(BIN)/.installed
	$(BIN)/mkdocs build --strict

test: $(BIN)/.installed
	$(BIN)/python -m pytest

offline: $(BIN)/.installed
	$(BIN)/mkdocs build --strict --config-file mkdocs.offline.yml
	$(BIN)/python -m builder.bundle build/offline dist/itu-resolutions-offline.zip
	@echo "dist/itu-resolutions-offline.zip: unzip it anywhere and open index.html"

bench: $(BIN)/.installed
	$(BIN)/python bench/run.py --docx
	$(BIN)/python bench/run.py --revisions --documents 2000
	$(BIN)/python bench/run.py --outcomes --documents 2000
	$(BIN)/python bench/run.py --documents 200
	$(BIN)/python bench/run.py --documents 2000 --twin
	$(BIN)/python bench/serve.py --documents 2000
	$(BIN)/python bench/run.py --documents 10000

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --dirty

check: $(BIN)/.installed
	$(BIN)/python -m builder check corpus

clean:
	rm -rf site dist build .pytest_cache
