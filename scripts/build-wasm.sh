#!/usr/bin/env bash
# Builds the two WebAssembly packages with wasm-pack (cargo build --release for wasm32, no cli -> wasm-bindgen
# --target web -> wasm-opt -Oz):
#   www/pkg/         s117.js + s117_bg.wasm: the widget (check, letter, reference lists); features: widget
#   www/pkg-screen/  s117_screen.js + s117_screen_bg.wasm: the screen of many enquiries, loaded only by its Web
#                    Worker so neither carries the other's code; features: wasm, screen
# Needs the tools from scripts/setup.sh (it does not install anything itself).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# node_modules/.bin first: wasm-pack must find npm binaryen's wasm-opt (132), never Debian's /usr/bin/wasm-opt (108,
# which writes modules that fail at load time), and never try to download one (no internet here).
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
if [[ "${CI:-}" == "true" ]]; then export CARGO_TERM_COLOR=never; fi

missing=()
command -v wasm-pack >/dev/null || missing+=("wasm-pack")
command -v wasm-bindgen >/dev/null || missing+=("wasm-bindgen")
[[ -x node_modules/.bin/wasm-opt ]] || missing+=("node_modules/.bin/wasm-opt (npm binaryen)")
if (( ${#missing[@]} )); then
  echo "build-wasm: missing: ${missing[*]}. Run scripts/setup.sh first." >&2
  exit 1
fi
if [[ -e /usr/bin/wasm-opt ]]; then
  echo "build-wasm: WARNING: /usr/bin/wasm-opt exists (Debian binaryen); using $(command -v wasm-opt) instead." >&2
fi

t0=$SECONDS
# The widget's package is built for size (opt-level z: about 10% smaller gzipped than opt-level 3, and a check
# still takes well under a millisecond; see scripts/bench.sh); the screen's package keeps opt-level 3 for throughput.
CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
  wasm-pack build --target web --release --out-dir www/pkg --out-name s117 -- --no-default-features --features widget

wasm-pack build --target web --release --out-dir www/pkg-screen --out-name s117_screen \
  -- --no-default-features --features wasm,screen

for wasm in www/pkg/s117_bg.wasm www/pkg-screen/s117_screen_bg.wasm; do
  [[ -f "$wasm" ]] || { echo "build-wasm: $wasm was not produced" >&2; exit 1; }
  printf 'build-wasm: %s: %s bytes (%s gzipped)\n' "$wasm" "$(wc -c <"$wasm")" "$(gzip -9c "$wasm" | wc -c)"
done
echo "build-wasm: both packages in $((SECONDS - t0)) s"
