#!/usr/bin/env bash
# Runs every test. Installs what it needs first (scripts/setup.sh; skipped when already installed, so a rerun is quick).
#
#   scripts/test.sh          setup, then every step below
#   scripts/test.sh --quick  no installs and no browser tests (for developers; needs an earlier full run or setup.sh)
#
# Steps run in order; a failing step does not stop the later ones (the browser tests need the wasm build, though).
# Exits non-zero if any step failed and names the failed steps. The last line counts the tests that ran:
# "tests: N passed, N failed, N skipped".
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

QUICK=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test: unknown option: $arg" >&2; exit 2 ;;
  esac
done

# npm binaryen's wasm-opt before any other; cargo-installed tools (wasm-pack, wasm-bindgen) on PATH.
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
if [[ "${CI:-}" == "true" ]]; then
  export CARGO_TERM_COLOR=never NO_COLOR=1   # plain logs in CI
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/s117-test.XXXXXX")"
SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
    SERVER_PID=""
  fi
}
trap 'stop_server; rm -rf "$TMP"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

START=$SECONDS
STEP_NAMES=() STEP_RESULTS=() STEP_TIMES=()
N_PASS=0 N_FAIL=0 N_SKIP=0

count_tests() {  # adds the test counts that a step's log reports to N_PASS/N_FAIL/N_SKIP
  local log=$1 p f s
  # cargo test / libtest: "test result: ok. 12 passed; 0 failed; 1 ignored; ..."
  read -r p f s < <(sed -n 's/^test result: [A-Za-z]*\. \([0-9]*\) passed; \([0-9]*\) failed; \([0-9]*\) ignored.*/\1 \2 \3/p' "$log" |
    awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
  N_PASS=$((N_PASS + p)) N_FAIL=$((N_FAIL + f)) N_SKIP=$((N_SKIP + s))
  # node's test runner (TAP "# pass 3" or spec "ℹ pass 3"), else a plain "N passed, N failed[, N skipped]" line.
  if grep -Eq '^(# |ℹ )pass [0-9]+' "$log"; then
    p=$(grep -E '^(# |ℹ )pass [0-9]+' "$log" | tail -n1 | grep -Eo '[0-9]+')
    f=$(grep -E '^(# |ℹ )fail [0-9]+' "$log" | tail -n1 | grep -Eo '[0-9]+' || echo 0)
    s=$(grep -E '^(# |ℹ )skipped [0-9]+' "$log" | tail -n1 | grep -Eo '[0-9]+' || echo 0)
    N_PASS=$((N_PASS + p)) N_FAIL=$((N_FAIL + ${f:-0})) N_SKIP=$((N_SKIP + ${s:-0}))
  elif [[ "$(basename "$log")" == *browser* ]]; then
    read -r p f s < <(grep -E '^\s*([A-Za-z-]+:\s*)?[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?\s*$' "$log" | tail -n1 |
      sed -E 's/^\s*([A-Za-z-]+:\s*)?([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?.*/\2 \3 \5/' |
      awk '{print $1+0, $2+0, $3+0}')
    N_PASS=$((N_PASS + ${p:-0})) N_FAIL=$((N_FAIL + ${f:-0})) N_SKIP=$((N_SKIP + ${s:-0}))
  fi
}

record() { STEP_NAMES+=("$1"); STEP_RESULTS+=("$2"); STEP_TIMES+=("$3"); }

step() {  # step NAME WHY COMMAND... : runs COMMAND, shows its output, records ok/FAILED and its time
  local name=$1 why=$2; shift 2
  local t0=$SECONDS log="$TMP/step-${#STEP_NAMES[@]}-${name// /-}.log" rc
  printf '\n==> %s: %s\n    $ %s\n' "$name" "$why" "$*"
  "$@" </dev/null 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  count_tests "$log"
  if [[ $rc -eq 0 ]]; then
    record "$name" ok "$((SECONDS - t0)) s"
  else
    record "$name" FAILED "$((SECONDS - t0)) s, exit $rc"
    printf '==> %s FAILED (exit %s)\n' "$name" "$rc"
  fi
  return "$rc"
}

skip() { record "$1" skipped "$2"; printf '\n==> %s: skipped (%s)\n' "$1" "$2"; }

summary_and_exit() {
  local i failed=()
  printf '\n==> summary (%s s in all)\n' "$((SECONDS - START))"
  for i in "${!STEP_NAMES[@]}"; do
    printf '  %-8s %-22s %s\n' "${STEP_RESULTS[$i]}" "${STEP_NAMES[$i]}" "${STEP_TIMES[$i]}"
    [[ "${STEP_RESULTS[$i]}" == FAILED ]] && failed+=("${STEP_NAMES[$i]}")
  done
  if (( ${#failed[@]} )); then
    local list; list="$(printf '%s, ' "${failed[@]}")"
    echo "test.sh: FAILED steps: ${list%, } (their output is above)"
  else
    echo "test.sh: all steps passed"
  fi
  echo "tests: $N_PASS passed, $N_FAIL failed, $N_SKIP skipped"
  (( ${#failed[@]} == 0 ))
  exit $?
}

echo "s117 tests: $(git rev-parse --short HEAD 2>/dev/null || echo 'no commit'), $(date -u '+%Y-%m-%d %H:%M:%S UTC')," \
  "quick=$QUICK, CI=${CI:-}"

# Installs (wasm target, wasm-bindgen-cli, wasm-pack, npm packages, Chromium); without them nothing below can run.
if [[ $QUICK -eq 1 ]]; then
  skip setup "--quick"
else
  step setup "install the pinned tools (skips what is already installed)" bash scripts/setup.sh ||
    summary_and_exit
fi

# Formatting is checked first because it is instant and a diff in review is noise.
FMT_ARGS=()
if [[ "${CI:-}" == "true" ]]; then FMT_ARGS=(-- --color=never); fi   # rustfmt colours its diff even into a pipe
step "fmt" "code is formatted as rustfmt does it" cargo fmt --check "${FMT_ARGS[@]}"
# Lints for the native build (cli feature) including tests, benches and examples; warnings are errors.
step "clippy" "lints, native build with all targets" cargo clippy --all-targets -- -D warnings
# Lints for the code that only compiles for the browser (src/wasm.rs behind the wasm feature).
step "clippy wasm" "lints, wasm32 build of the library" \
  cargo clippy --lib --no-default-features --features widget --target wasm32-unknown-unknown -- -D warnings
step "clippy wasm screen" "lints, wasm32 build of the screening package" \
  cargo clippy --lib --no-default-features --features wasm,screen --target wasm32-unknown-unknown -- -D warnings
# The API documentation builds with no broken links (the rules' module docs cite cases as \[2023\] UKSC 31).
step "doc" "cargo doc: no broken intra-doc links" env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
# The rules themselves: unit, doc, scenario and property tests, natively (fast, with good failure messages).
step "cargo test" "unit, doc, scenario and property tests (native)" cargo test
# The default letter reads easily (Flesch reading ease >= 65) and fits on one page, for example requests (issue 10).
step "reading ease" "the default letter: reading ease 65+ and one page (node --test)" node --test tests/reading-ease.test.mjs
# The package the page loads (www/pkg/), built exactly as scripts/run.sh builds it: proves the wasm build works.
step "wasm build" "wasm-pack builds of www/pkg/ and www/pkg-screen/" bash scripts/build-wasm.sh
WASM_OK=$?

# The widget in headless Chromium (Playwright + axe), against the static server on a free loopback port.
if [[ $QUICK -eq 1 ]]; then
  skip "browser tests" "--quick"
elif [[ ! -f www/test/run.mjs ]]; then
  skip "browser tests" "no www/test/run.mjs yet"
elif [[ $WASM_OK -ne 0 ]]; then
  skip "browser tests" "the wasm build failed"
else
  python3 scripts/serve.py --port 0 --quiet >"$TMP/serve.log" 2>&1 &
  SERVER_PID=$!
  BASE_URL=""
  for _ in $(seq 100); do
    BASE_URL="$(grep -Eo 'http://127\.0\.0\.1:[0-9]+' "$TMP/serve.log" | head -n1)"
    [[ -n "$BASE_URL" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  if [[ -z "$BASE_URL" ]]; then
    cat "$TMP/serve.log"
    record "browser tests" FAILED "the static server did not start"
  else
    echo
    echo "==> static server for www/ at $BASE_URL (pid $SERVER_PID)"
    export BASE_URL
    step "browser tests" "the widget in headless Chromium: Playwright + axe" \
      timeout --kill-after=10 900 node www/test/run.mjs
    step "browser tests (screen)" "the screen of many enquiries in headless Chromium (100,000 rows)" \
      timeout --kill-after=10 900 node www/test/screen.run.mjs
  fi
  stop_server
fi

# The WordPress plugin on a real WordPress: Debian's wordpress, MariaDB and Apache, private to the test (about 2 min).
# Skipped, saying why, only where setup.sh could not install the packages (no root); in CI it always runs.
if [[ $QUICK -eq 1 ]]; then
  skip "browser tests (wordpress)" "--quick"
elif [[ $WASM_OK -ne 0 ]]; then
  skip "browser tests (wordpress)" "the wasm build failed"
elif [[ "${CI:-}" != "true" ]] && ! WP_MISSING="$(bash scripts/test-wordpress.sh --check)"; then
  skip "browser tests (wordpress)" "$WP_MISSING"
else
  step "browser tests (wordpress)" "the plugin's zip installed on Debian's WordPress; Authors' posts in headless Chromium" \
    timeout --kill-after=10 600 bash scripts/test-wordpress.sh
fi

summary_and_exit
