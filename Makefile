# Every target installs what it needs. CI runs `make test` (see .ci/run).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site serve summaries test browser-deps eval realtext bench lint clean

## site: summarize the transcripts, render pages, build site/ with search (offline, strict)
site: $(VENV)/.site-deps
	$(PY) -m generator build --strict

## serve: build, then serve site/ at http://127.0.0.1:8000 (a plain folder: what users get)
serve: site
	$(PY) -m http.server --directory site --bind 127.0.0.1 8000

## summaries: only regenerate content/summaries from content/transcripts
summaries: $(VENV)/.site-deps
	$(PY) -m generator summarize content/transcripts --out content/summaries --prune

## test: lint, then the whole suite, browser tests included (installs Chromium from Debian when missing)
test: lint browser-deps
	$(PY) -m pytest

## eval: accuracy of the summaries against the hand-labelled gold files in tests/gold
eval: summaries
	$(PY) scripts/score.py --summaries content/summaries
	@for set in holdout holdout2 holdout3 holdout4; do \
	  echo; echo "held-out set tests/$$set (written blind, not part of the site):"; \
	  rm -rf build/$$set-summaries; \
	  $(PY) -m generator summarize tests/$$set/transcripts --out build/$$set-summaries >/dev/null && \
	  $(PY) scripts/score.py --summaries build/$$set-summaries --gold tests/$$set/gold --texts tests/$$set/transcripts; \
	done

## realtext: the real-text corpus (tests/realtext), batch by batch: core recall, company, period, call date
realtext: $(VENV)/.site-deps
	$(PY) scripts/realtext.py

## bench: a synthetic corpus (CALLS=1000): cold and incremental build by stage, memory, size, search, long inputs
##        (SHARDS=2: MkDocs in 2 processes, SHARDS=auto as `build --shards auto`; SHARDS=2,1: also MkDocs alone with each count)
CALLS ?= 1000
SHARDS ?= 1
bench: $(VENV)/.dev-deps browser-deps
	$(PY) scripts/bench.py --calls $(CALLS) --shards $(SHARDS)

## lint: ruff and mypy on the package
lint: $(VENV)/.dev-deps
	$(PY) -m ruff check generator tests scripts
	$(PY) -m ruff format --check generator tests scripts
	$(PY) -m mypy

browser-deps:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

$(VENV)/.site-deps: requirements.txt
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements-dev.txt $(VENV)/.site-deps
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
