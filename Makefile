# ReadyFolio: build, run and test entry points (GNU make, bash).
#
#   make run     install what is missing, build, start the app
#   make test    install what is missing, then every check CI runs
#   make help    list all targets
#
# Everything the build needs is installed by `make deps`, which is quick when all is present:
# Debian/Ubuntu packages (scripts/deps-system.sh), the Wails CLI built into .cache/bin
# (scripts/deps-wails.sh) and the frontend's npm packages (npm ci from the lock file).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build
.DELETE_ON_ERROR:
# Targets here build into shared folders (frontend/dist, build/bin) and `test` runs its steps in
# order: never run them in parallel, even under `make -j`.
.NOTPARALLEL:
MAKEFLAGS += --no-builtin-rules

# go.mod names the Go toolchain the module needs (pdfsign's PAdES signatures need Go 1.27); "auto"
# lets the go command fetch it from the module proxy where the installed Go says "local".
export GOTOOLCHAIN := auto

# The Wails CLI lives in the project, not in the user's Go bin folder.
export PATH := $(CURDIR)/.cache/bin:$(PATH)

# Debian 12 ships WebKitGTK 4.1; Wails v2 needs this tag to use it. wails.json cannot hold tags.
TAGS    := webkit2_41
ifeq ($(origin VERSION),undefined)
# From git (scripts/version.sh): the vX.Y.Z tag, or wails.json's version as 0.1.0-dev+HASH[-dirty].
VERSION := $(shell scripts/version.sh 2>/dev/null || echo 0.0.0-dev)
endif
# Exported so that a nested `make build` (scripts/smoke.sh) sees the same version even after the
# build itself touched tracked files (wails rewrites frontend/wailsjs), and does not rebuild.
export VERSION
WAILS   := $(CURDIR)/.cache/bin/wails
BIN     := build/bin/readyfolio
# A built frontend: main.go embeds frontend/dist, so it must exist before any go build/vet/test.
DIST    := frontend/dist/index.html
# npm writes this file on every install: it tells when node_modules was last installed.
NPM_STAMP := frontend/node_modules/.package-lock.json
FUZZTIME  ?= 10s

# Inputs of the builds, so that `make build` does nothing when nothing changed.
GO_SRC := $(shell find . -name '*.go' -not -path './.cache/*' -not -path './frontend/*' \
		-not -path './build/*' -not -path './.git/*' 2>/dev/null)
FRONTEND_SRC := $(shell find frontend -type f -not -path 'frontend/node_modules/*' \
		-not -path 'frontend/dist/*' -not -path 'frontend/wailsjs/*' -not -path 'frontend/e2e/*' \
		-not -name 'package.json.md5' -not -name '*.test.ts' 2>/dev/null)
VERSION_STAMP := build/bin/.version

.PHONY: help deps deps-system deps-wails deps-npm frontend build run \
	test test-go test-frontend test-fuzz test-e2e test-smoke test-faults bench dist clean distclean FORCE

## help: list the targets
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

# ---------------------------------------------------------------------------------------------
# Dependencies

## deps: install missing system packages, the Wails CLI and the frontend's npm packages
deps: deps-system deps-wails deps-npm

deps-system:
	@scripts/deps-system.sh

deps-wails:
	@scripts/deps-wails.sh

deps-npm: $(NPM_STAMP) frontend/package.json.md5

# `npm ci` only when node_modules is missing or older than the lock file (see scripts/deps-npm.sh).
$(NPM_STAMP): frontend/package-lock.json frontend/package.json
	scripts/deps-npm.sh
	touch $@

# `wails build` and `wails dev` run frontend:install (npm ci) again unless this file holds the
# MD5 of package.json and node_modules exists: record it, node_modules is current.
frontend/package.json.md5: frontend/package.json | $(NPM_STAMP)
	md5sum < frontend/package.json | cut -d' ' -f1 | tr -d '\n' > $@

frontend/package-lock.json:
	@echo "frontend/package-lock.json is missing: run 'npm install' in frontend/ and commit it" >&2
	@exit 1

# ---------------------------------------------------------------------------------------------
# Build

## frontend: build frontend/dist (vite)
frontend: $(DIST)

$(DIST): $(FRONTEND_SRC) | deps-npm
	cd frontend && npm run build

# Rewritten only when VERSION changes, so that a new version triggers a rebuild.
$(VERSION_STAMP): FORCE
	@mkdir -p $(@D)
	@[[ "$$(cat $@ 2>/dev/null)" == "$(VERSION)" ]] || echo "$(VERSION)" > $@

## build: build build/bin/readyfolio (only when sources changed; VERSION=x.y.z to override)
build: $(BIN)

# -m: do not run `go mod tidy` (a build must not rewrite go.mod; keep it tidy yourself).
# -buildmode=pie: a position-independent executable, so that the system can randomise where it
# loads (Debian's hardening; lintian warns without it).
$(BIN): $(GO_SRC) $(FRONTEND_SRC) go.mod go.sum wails.json build/appicon.png $(VERSION_STAMP) | deps
	GOFLAGS="$(GOFLAGS) -buildmode=pie" $(WAILS) build -tags $(TAGS) -trimpath -m -nocolour -ldflags "-X main.version=$(VERSION)"
	@touch $@
	@echo "built $(BIN) ($(VERSION))"

## run: build and start ReadyFolio on its default data folder
run: build
	$(BIN)

# ---------------------------------------------------------------------------------------------
# Tests

## test: everything CI runs: Go, frontend, fuzz, end-to-end, GUI smoke and fault tests
test: deps frontend test-go test-frontend test-fuzz test-e2e test-smoke test-faults
	@echo "make test: all steps passed"

## test-go: go vet, gofmt and go test (headless: plain `go test` needs no display)
test-go: $(DIST) | deps
	@# vet both configurations: the one the tests compile (no tags: Wails stubs) and the one
	@# that ships (production + WebKitGTK 4.1: Wails' real Linux code). `-tags webkit2_41`
	@# alone changes nothing, since Wails compiles its Linux webview only under dev/production.
	go vet ./...
	go vet -tags production,$(TAGS) ./...
	@unformatted="$$($(if $(GO_SRC),gofmt -l $(GO_SRC)))"; \
	if [[ -n "$$unformatted" ]]; then \
		echo "gofmt: these files need formatting (gofmt -w FILE):" >&2; echo "$$unformatted" >&2; exit 1; \
	fi; echo "gofmt -l: clean"
	go test ./...

## test-frontend: svelte-check and vitest
test-frontend: | deps-npm
	cd frontend && npm run check
	cd frontend && npm run test

## test-fuzz: run every Go fuzz target for FUZZTIME (default 10s) each
test-fuzz: $(DIST) | deps
	FUZZTIME=$(FUZZTIME) scripts/fuzz.sh

## test-e2e: browser end-to-end tests against `wails dev`: main flow, accessibility, keyboard only (frontend/e2e)
# run.mjs: the main flow; a11y.mjs: axe on every screen, light and dark, and 200 % text;
# keyboard.mjs: entry, file, alignment and signed PDF without the mouse; leadership.mjs: tool
# evaluation, policy work, impact at a glance, a baked badge, and the impact on the PDF's page 1.
# $(DIST): the specs build the CLI (go build embeds frontend/dist) to fill their data folders.
test-e2e: $(DIST) | deps
	node frontend/e2e/run.mjs
	node frontend/e2e/a11y.mjs
	node frontend/e2e/keyboard.mjs
	node frontend/e2e/leadership.mjs

## test-smoke: start the built app under Xvfb with demo data and check the screenshot
test-smoke: build
	scripts/smoke.sh

## test-faults: full disk, SIGKILL during writes, no network (unshare -n, strace) and secrets (scripts/test-faults.sh)
test-faults: build $(DIST) | deps
	scripts/test-faults.sh

# ---------------------------------------------------------------------------------------------
# Benchmark (not part of `make test`: it takes a few minutes and its numbers depend on the machine)

## bench: one table: signed PDF export vs Chromium, package vs sha256sum, search over 10,000 entries, cold start (scripts/bench-all.sh)
bench: build $(DIST) | deps
	scripts/bench-all.sh

# ---------------------------------------------------------------------------------------------
# Release files (not part of `make test`)

## dist: dist/: Linux tar.gz and .deb, Windows NSIS installer, SHA256SUMS (scripts/dist.sh)
dist: build | deps
	scripts/dist.sh

# ---------------------------------------------------------------------------------------------

## clean: remove build outputs (keeps .cache and node_modules)
clean:
	rm -rf build/bin build/smoke build/e2e frontend/dist frontend/package.json.md5 dist

## distclean: clean, and remove the Wails CLI cache and node_modules too
distclean: clean
	rm -rf .cache frontend/node_modules

FORCE:
