#!/usr/bin/env bash
# Runs the product.
#
#   scripts/run.sh                 install what is missing, build the wasm package into www/pkg/, serve www/ on
#                                  http://127.0.0.1:8117/ (PORT=N to change it; Ctrl-C stops it)
#   scripts/run.sh --cli [FILE]    the command-line checker on FILE (default: examples/entitled-after-s3.json):
#                                  cargo run --quiet -- check FILE
#   scripts/run.sh --no-setup      serve without running scripts/setup.sh first (tools already installed)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

usage() { sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

SETUP=1
case "${1:-}" in
  --cli)
    shift
    file="${1:-examples/entitled-after-s3.json}"
    [[ -f "$file" ]] || { echo "run: $file not found" >&2; exit 1; }
    exec cargo run --quiet -- check "$file"
    ;;
  --no-setup) SETUP=0 ;;
  -h|--help) usage; exit 0 ;;
  "") ;;
  *) echo "run: unknown option: $1" >&2; usage >&2; exit 2 ;;
esac

# Serving needs no browser, so skip Chromium; the npm binaryen (wasm-opt) is still installed.
if [[ $SETUP -eq 1 ]]; then bash scripts/setup.sh --no-browser; fi
bash scripts/build-wasm.sh

# serve.py prints "Serving .../www at http://127.0.0.1:PORT/"; PORT=N picks another port.
echo
exec python3 scripts/serve.py --port "${PORT:-8117}"
