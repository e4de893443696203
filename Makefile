# commune-charts: every entry point. `make demo` and `make test` set up a fresh machine themselves.
SHELL := /bin/bash
.DEFAULT_GOAL := demo
WASM_BINDGEN_VERSION := $(shell scripts/wasm-bindgen-version.sh)
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
TARGET_WASM := target/wasm32-unknown-unknown/release/commune_charts.wasm
PORT ?= 8000

.PHONY: setup setup-test setup-check check npm dist demo test test-native test-js test-wasm test-e2e lint goldens screenshots clean fuzz bench bench-batch

setup:
	@bash scripts/setup.sh

setup-test:
	@bash scripts/setup.sh --browser --npm

setup-check:
	@bash scripts/setup.sh --rust-only

# The fast gate (.ci/run runs it before `make test`): format, clippy on both targets, native tests.
check: setup-check
	@echo "==> cargo fmt --check"
	cargo fmt --check
	@echo "==> cargo clippy, native and wasm32 (unwrap/expect/indexing/panic denied in src/)"
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
	@echo "==> cargo test (native)"
	cargo test

dist: setup
	@bash scripts/build-dist.sh

npm: dist
	@bash scripts/setup.sh --npm
	@bash scripts/build-npm.sh

demo: dist
	@echo "==> Serving www/ and dist/ on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	@node scripts/serve.mjs $(PORT)

test: setup-test lint test-native dist test-js npm test-wasm test-e2e
	@echo "==> All tests passed."

lint:
	@echo "==> cargo clippy (unwrap/expect/indexing/panic denied in src/)"
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	@echo "==> Native tests (spec, validation, layout, hit-testing, SVG, the command-line program)"
	cargo test
	@echo "==> The command-line program with --format png (cargo feature png: resvg)"
	cargo test --features png --test cli
	cargo test --features schema-gen --test schema_gen

test-js:
	@[ -d node_modules/typescript ] || { echo "==> Installing the pinned npm tools (typescript for tsc) with npm ci"; npm ci --no-audit --no-fund --loglevel=error; }
	@echo "==> JavaScript unit tests: the playground's pure modules (www/playground/), node --test, no browser"
	@echo "    (pasted tables are read by the core: the explanations module of \`make dist\`)"
	node --test tests/unit/
	@echo "==> Type check (tsc, JSDoc types) of js/api.js and the playground's modules: tsconfig.json"
	tsc -p tsconfig.json

test-wasm:
	@echo "==> wasm-bindgen-test in headless Chromium (pixels read back from the canvas)"
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	cargo test --target wasm32-unknown-unknown

test-e2e:
	@echo "==> Playwright end-to-end tests (www/ pages in headless Chromium)"
	node --test tests/e2e/

clean:
	rm -rf target dist node_modules

goldens:
	@echo "==> Rewriting tests/golden/*.svg from the current code (review the diff before committing)"
	UPDATE_GOLDENS=1 cargo test --test golden

screenshots: dist
	@echo "==> Screenshots of every chart kind for the README (docs/img/), in headless Chromium"
	node scripts/screenshots.mjs --kinds docs/img

bench: dist
	@bash scripts/setup.sh --browser
	@[ -f node_modules/chart.js/package.json ] && [ -f node_modules/uplot/package.json ] && [ -f node_modules/esbuild/package.json ] || { echo "==> Installing the pinned npm tools (chart.js, uplot, esbuild for the benchmark) with npm ci"; npm ci --no-audit --no-fund --loglevel=error; }
	@echo "==> Benchmark: commune-charts vs Chart.js (full, tree-shaken), uPlot and a Canvas2D floor in headless Chromium (about 12 minutes; BENCH_ONLY=cold for the first-chart part; not a test)"
	node bench/run.mjs

# Many charts at once (issue 19): the command-line program over 3,321 generated communes in 34
# province files, --kind all, on 1 thread and on every core (about a minute; not a test).
bench-batch:
	node bench/batch.mjs

fuzz:
	@echo "==> cargo-fuzz targets (nightly), FUZZ_SECONDS=$${FUZZ_SECONDS:-60} per target; not part of make test"
	@bash scripts/fuzz.sh
