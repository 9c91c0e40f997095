# intervaltimer: `make run` and `make test` do the whole set-up on a fresh Debian machine;
# elsewhere (macOS, other Linux) `make run` sets up the app and names what it cannot install.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed
# The exact versions the tests ran on; every install here takes them (`make lock` renews it).
CONSTRAINTS := constraints.txt
LOCK_VENV   := .lock-venv
# What the build and the tests need from Debian: ALSA headers and a C compiler
# for the simpleaudio extra, tmux for the real-terminal tests, chromium for the phone page's
# real-browser test (Playwright drives Debian's browser; its own download is not used),
# zbar-tools to read the terminal's QR code back, espeak-ng for the spoken cues.
SYSTEM_PACKAGES := libasound2-dev gcc libc6-dev tmux chromium zbar-tools espeak-ng
# How long apt waits for another apt or dpkg (unattended upgrades) to let go of its lock.
APT_LOCK_WAIT_S := 600
APT := apt-get -o DPkg::Lock::Timeout=$(APT_LOCK_WAIT_S) -o Acquire::Retries=3
# simpleaudio is built from source: only where apt gives the compiler and ALSA headers.
# Elsewhere the default install plays the cues through miniaudio (wheels, no compiler).
EXTRAS := $(shell command -v apt-get >/dev/null 2>&1 && echo dev,simpleaudio || echo dev)

.PHONY: run test test-fast lint typecheck contracts pytest system clean snapshots bench lock

run: $(STAMP)
	$(BIN)/intervaltimer

test: $(STAMP) lint typecheck contracts pytest

# The pure layers and the track's runner, in well under a minute: the loop while editing
# them. `make test` stays the whole suite, and what CI runs.
FAST_TESTS := tests/workout tests/engine $(wildcard tests/coach) tests/log tests/track \
	tests/test_pure_clock.py
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q $(FAST_TESTS)

lint: $(STAMP)
	$(BIN)/ruff check intervaltimer tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m pytest -q

snapshots: $(STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m pytest -q tests/ui --snapshot-update

bench: $(BENCH_STAMP)
	for b in benchmarks/*.py; do $(BIN)/python $$b || exit 1; done

system:
	@if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "no apt here: install these yourself if you want them (the app runs without):"; \
	  echo "  espeak-ng (the spoken splits; macOS: brew install espeak-ng), tmux (the"; \
	  echo "  real-terminal tests), chromium (the phone page's browser test), zbar (zbarimg,"; \
	  echo "  the QR test). Cues play through miniaudio; the simpleaudio extra is left out."; \
	  exit 0; \
	fi; \
	missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing system packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	  elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; \
	  else echo "error: need the Debian packages$$missing; install them as root: apt-get install$$missing" >&2; exit 1; fi; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive $(APT) update -q && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive $(APT) install -y -q $$missing </dev/null; \
	fi

$(STAMP): pyproject.toml $(CONSTRAINTS)
	$(MAKE) system
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c $(CONSTRAINTS) -e '.[$(EXTRAS)]'
	touch $(STAMP)

# The benchmarks' peer programs (termdown), on top of the development install.
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -c $(CONSTRAINTS) -e '.[$(EXTRAS),bench]'
	touch $(BENCH_STAMP)

# Renew constraints.txt: the newest versions pyproject.toml allows (every extra), installed
# into a scratch venv and frozen. Run it after changing a dependency, then `make test`.
lock: system
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install -q --upgrade pip
	$(LOCK_VENV)/bin/python -m pip install -q -e '.[dev,bench,simpleaudio]'
	{ echo "# The exact versions the tests run on: every install in the Makefile takes them"; \
	  echo "# (pip install -c constraints.txt). Made by \`make lock\`; do not edit by hand."; \
	  $(LOCK_VENV)/bin/python -m pip freeze --exclude-editable; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)
	rm -rf $(LOCK_VENV)

clean:
	rm -rf $(VENV) $(LOCK_VENV) dist build .pytest_cache .mypy_cache .ruff_cache
