#!/usr/bin/env bash
# Measures the widget's size and speed and the screen's throughput, prints a table and writes bench/results.md.
# A script that prints figures, not a test: only the budget line says PASS or OVER, and it never fails the build.
#
#   scripts/bench.sh              build the wasm packages (scripts/build-wasm.sh), then measure
#   scripts/bench.sh --no-build   measure what is already in www/pkg/ (and www/pkg-screen/)
#
# Environment: RUNS (page loads per variant, default 7), ROWS (generated enquiries, default 100000),
# SCREEN_RUNS (native screening runs, default 3), TWIGGY (path to twiggy, to list the largest wasm functions;
# `cargo install twiggy` if wanted). Needs what scripts/setup.sh installs (Chromium, playwright-core, wasm-pack).
#
# What it measures (see bench/browser.mjs and bench/native/src/main.rs for how):
#   1. the bytes www/index.html fetched before its first question was usable, raw and gzip, against 64 KB gzip,
#      taken from the browser's own record of its requests (Resource Timing) on each timed load; what was still
#      arriving then, and what came after (the rules, loaded in the background), is listed apart;
#   2. navigation to the first question usable, CPU throttled 4x, against a static page with the same markup; and
#      navigation to the rules loaded too (s117-core-ready);
#   3. one check() of a 5-detention case through the wasm boundary, and natively (median, p95);
#   4. screening a generated 100,000-row file, natively and in the browser (rows per second).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# The bench crate's build goes under target/ (git-ignored) unless the caller chose a target directory.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option: $arg" >&2; exit 2 ;;
  esac
done
RUNS="${RUNS:-7}"
ROWS="${ROWS:-100000}"
SCREEN_RUNS="${SCREEN_RUNS:-3}"

say() { printf 'bench: %s\n' "$*" >&2; }
TMP="$(mktemp -d "${TMPDIR:-/tmp}/s117-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

for tool in cargo node; do
  command -v "$tool" >/dev/null || { say "$tool not found"; exit 1; }
done
[[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] || { say "Chromium not found at ${CHROMIUM:-/usr/bin/chromium} (scripts/setup.sh installs it)"; exit 1; }
[[ -d node_modules/playwright-core ]] || { say "node_modules/playwright-core is missing (scripts/setup.sh)"; exit 1; }

# The machine, first: the load average says how much else was running.
dirty=""
git diff --quiet HEAD -- 2>/dev/null || dirty="+uncommitted changes"
node -e '
  const [nproc, cpu, date, load, rustc, commit] = process.argv.slice(1);
  console.log(JSON.stringify({ nproc, cpu, date, load, rustc, commit, node: process.version }));
' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" \
  "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(rustc --version)" \
  "$(git rev-parse --short HEAD 2>/dev/null || echo none)${dirty}" >"$TMP/machine.json"

if [[ $BUILD -eq 1 ]]; then
  say "building the wasm packages (scripts/build-wasm.sh)"
  bash scripts/build-wasm.sh >&2
fi
[[ -f www/pkg/s117.js && -f www/pkg/s117_bg.wasm ]] || { say "www/pkg/ is not built (scripts/build-wasm.sh)"; exit 1; }
[[ -f www/pkg-screen/s117_screen.js ]] || say "www/pkg-screen/ is not built: the browser screening figure is skipped"

say "generating $ROWS enquiries"
node bench/gen-enquiries.mjs "$ROWS" >"$TMP/enquiries.csv"

say "native: one evaluation, and screening ($SCREEN_RUNS runs)"
cargo run --release --quiet --manifest-path bench/native/Cargo.toml -- \
  --case bench/case-5-detentions.json --screen "$TMP/enquiries.csv" --runs "$SCREEN_RUNS" >"$TMP/native.json"

say "browser: bytes, load time ($RUNS runs each, CPU 4x slower), one evaluation, screening"
node bench/browser.mjs --runs "$RUNS" --screen "$TMP/enquiries.csv" >"$TMP/browser.json"

# What the wasm is made of; with twiggy, also its largest functions (from a build that keeps names).
wasm_args=()
TWIGGY="${TWIGGY:-$(command -v twiggy || true)}"
if [[ -n "$TWIGGY" ]] && command -v wasm-bindgen >/dev/null; then
  say "twiggy: a wasm build with names"
  if cargo build --quiet --release --lib --target wasm32-unknown-unknown --no-default-features --features widget >&2 &&
    wasm-bindgen --target web --keep-debug --out-dir "$TMP/named" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/s117.wasm" &&
    wasm-opt -Oz --debuginfo --enable-bulk-memory --enable-reference-types --enable-multivalue \
      --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      "$TMP/named/s117_bg.wasm" -o "$TMP/named.wasm"; then
    wasm_args=(--twiggy "$TWIGGY" --named "$TMP/named.wasm")
  else
    say "the named build failed; largest functions left out"
  fi
fi
node bench/wasm-sizes.mjs www/pkg/s117_bg.wasm "${wasm_args[@]}" >"$TMP/wasm.json"

node bench/report.mjs --machine "$TMP/machine.json" --native "$TMP/native.json" --browser "$TMP/browser.json" \
  --wasm "$TMP/wasm.json" --out bench/results.md
say "written to bench/results.md"
