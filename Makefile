# chargeback — build, test, demo and benchmark entry points.
# `make demo` and `make test` install what they need on a fresh Debian machine.

SWIFT        ?= swift
BUILD_FLAGS  ?=
PYTHON       ?= python3
BIN_DIR       = $(shell $(SWIFT) build $(BUILD_FLAGS) --show-bin-path 2>/dev/null)
DEMO_DIR     ?= reports/demo

.PHONY: all build deps deps-system deps-python test test-conformance lint-iam demo bench screenshots fuzz clean

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

## test: every test: Swift unit and integration tests (sandbox and moto on loopback), boto3 against the sandbox, and the IAM policies of docs/iam linted.
test: deps
	$(SWIFT) build $(BUILD_FLAGS) --build-tests
	$(SWIFT) test $(BUILD_FLAGS) --skip-build
	$(MAKE) --no-print-directory test-conformance
	$(MAKE) --no-print-directory lint-iam

## lint-iam: the README's IAM policies (docs/iam) checked with parliament and the tool's list of actions and resource types.
lint-iam: deps-python
	$(PYTHON) scripts/lint-iam-policies.py docs/iam

test-conformance: deps
	$(SWIFT) build $(BUILD_FLAGS) --product chargeback-sandbox
	scripts/sandbox-conformance.sh "$(BIN_DIR)/chargeback-sandbox"

## demo: the main job against the built-in sandbox organisation; no AWS account needed.
demo: deps-system
	$(SWIFT) build $(BUILD_FLAGS)
	scripts/demo.sh "$(BIN_DIR)" "$(DEMO_DIR)"

## bench: speed and memory of signing, transport, role chain and Athena history pull against the in-process sandbox (release build). BENCH_ARGS=--quick for a short run.
bench: deps-system
	SWIFT="$(SWIFT)" scripts/bench.sh $(BENCH_ARGS)

## screenshots: the demo's sample reports (or REPORTS=DIR) as PNG with headless Chromium, into .build/screenshots; not part of test.
screenshots: $(if $(REPORTS),deps-system,demo)
	scripts/screenshots.sh $(or $(REPORTS),$(DEMO_DIR))

## fuzz: libFuzzer with AddressSanitizer on the JSON, STS XML, INI and chargeback.yaml readers (Fuzz/), FUZZ_SECONDS (60) each; not part of test.
FUZZ_SECONDS ?= 60
fuzz: deps-system
	SWIFT="$(SWIFT)" FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh $(FUZZ_TARGETS)

clean:
	rm -rf .build Fuzz/.build
