#!/usr/bin/env bash
# Installs everything that scripts/run.sh and scripts/test.sh need, on a machine where nothing was installed by hand.
# Idempotent: each install is skipped when the right version is already there, so a rerun takes seconds.
#
#   scripts/setup.sh               everything: wasm tools + npm packages + Chromium for the browser tests
#   scripts/setup.sh --no-browser  skip Debian's Chromium/ChromeDriver (enough to build and serve the widget)
#   scripts/setup.sh --no-wordpress  skip the packages of the WordPress test (scripts/test-wordpress.sh)
#
# What it installs (the shared toolchain notes, docs/toolchain.md in shared/, say why for each):
#   - rustup target wasm32-unknown-unknown (+ rustfmt, clippy if missing)
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock (cargo install, NOT --locked: --locked fails
#     to resolve on this registry), which also brings wasm-bindgen-test-runner
#   - wasm-pack 0.15.1 (cargo install --locked)
#   - npm ci from package-lock.json: binaryen 132 (its wasm-opt is the one wasm-pack must use), playwright-core,
#     axe-core, @axe-core/playwright (none of them downloads a browser)
#   - apt: chromium + chromium-driver (unless --no-browser)
#   - apt, for the WordPress test (unless --no-wordpress): wordpress (Debian's 6.1), its default theme, mariadb-server,
#     apache2, libapache2-mod-php, php-cli, php-mysql. Without root or sudo they are skipped with a warning, and
#     scripts/test-wordpress.sh says it skipped. Nothing is started or configured here: the test runs its own
#     private database and web server.
# It never installs Debian's binaryen: its wasm-opt 108 writes broken modules for current rustc/wasm-bindgen.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WASM_PACK_VERSION=0.15.1
WITH_BROWSER=1
WITH_WORDPRESS=1
WORDPRESS_PACKAGES=(wordpress wordpress-theme-twentytwentythree mariadb-server apache2 libapache2-mod-php php-cli php-mysql)

usage() { sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
for arg in "$@"; do
  case "$arg" in
    --no-browser) WITH_BROWSER=0 ;;
    --no-wordpress) WITH_WORDPRESS=0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "setup: unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

say()  { printf 'setup: %s\n' "$*"; }
warn() { printf 'setup: WARNING: %s\n' "$*" >&2; }
die()  { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

# cargo-installed tools land in $CARGO_HOME/bin; the npm wasm-opt must come before any other wasm-opt.
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"
if [[ "${CI:-}" == "true" ]]; then export CARGO_TERM_COLOR=never; fi

START=$SECONDS
LOGDIR="$(mktemp -d "${TMPDIR:-/tmp}/s117-setup.XXXXXX")"

for tool in cargo rustup node npm python3; do
  command -v "$tool" >/dev/null || die "$tool not found on PATH; this machine should come with it (Rust via rustup, Node 20, Python 3)"
done

# --- background job 1: apt: Chromium + ChromeDriver, and the WordPress test's packages (about 1 min each; overlaps
# with the cargo installs) -------------------------------------------------------------------------------------------
APT_PID=""
APT_PACKAGES=()
if [[ $WITH_BROWSER -eq 1 ]]; then
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    say "chromium + chromium-driver already installed"
  else
    APT_PACKAGES+=(chromium chromium-driver)
  fi
fi
if [[ $WITH_WORDPRESS -eq 1 ]]; then
  if [[ -f /usr/share/wordpress/wp-settings.php && -x /usr/sbin/mariadbd && -x /usr/sbin/apache2 ]] &&
     ls /usr/lib/apache2/modules/libphp*.so >/dev/null 2>&1 && command -v php >/dev/null &&
     php -m 2>/dev/null | grep -qx mysqli; then
    say "WordPress test packages already installed (wordpress, mariadb-server, apache2, mod_php, php-cli)"
  elif [[ $(id -u) -ne 0 ]] && ! command -v sudo >/dev/null; then
    warn "not root and no sudo: the WordPress test's packages (${WORDPRESS_PACKAGES[*]}) are not installed;" \
         "scripts/test-wordpress.sh will say it skipped"
  else
    APT_PACKAGES+=("${WORDPRESS_PACKAGES[@]}")
  fi
fi
if (( ${#APT_PACKAGES[@]} )); then
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "not root and no sudo: cannot apt-get install ${APT_PACKAGES[*]} (or use --no-browser)"
    sudo -v || die "sudo failed"   # ask for a password now, in the foreground, not inside the background job
    SUDO=(sudo -n)
  fi
  say "installing ${APT_PACKAGES[*]} from apt in the background (log: $LOGDIR/apt.log)"
  (
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update &&
      "${SUDO[@]}" apt-get install -y --no-install-recommends "${APT_PACKAGES[@]}"
  ) </dev/null >"$LOGDIR/apt.log" 2>&1 &
  APT_PID=$!
fi

# --- background job 2: npm ci (a few seconds), skipped when node_modules was installed from this very lockfile ----------
NPM_PID=""
NPM_STAMP="node_modules/.s117-installed"
npm_wanted="$( (cat package.json package-lock.json; node --version) | sha256sum | cut -d' ' -f1)"
if [[ -f "$NPM_STAMP" && "$(cat "$NPM_STAMP")" == "$npm_wanted" && -x node_modules/.bin/wasm-opt ]]; then
  say "node_modules already matches package-lock.json"
elif [[ -L node_modules && -x node_modules/.bin/wasm-opt ]]; then
  # A link to another checkout's packages (a git worktree): npm ci would empty that folder for every checkout
  # that shares it. Leave it alone.
  warn "node_modules is a link to $(readlink node_modules), shared with another checkout: not running npm ci on it"
else
  [[ -f package-lock.json ]] || die "package-lock.json is missing (run: npm install, and commit it)"
  say "npm ci in the background (log: $LOGDIR/npm.log)"
  (
    npm ci --no-audit --no-fund && echo "$npm_wanted" >"$NPM_STAMP"
  ) </dev/null >"$LOGDIR/npm.log" 2>&1 &
  NPM_PID=$!
fi

# --- Rust target and components (seconds) ---------------------------------------------------------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown already installed"
else
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$comp"; then
    say "rustup component add $comp"
    rustup component add "$comp"
  fi
done

# --- the wasm-bindgen version must equal the crate's version in Cargo.lock -------------------------------------------
lock_version() {  # prints the version of package $1 in Cargo.lock
  awk -v want="\"$1\"" '
    /^\[\[package\]\]/ { name = "" }
    $1 == "name" && $2 == "=" { name = $3 }
    $1 == "version" && $2 == "=" && name == want { gsub(/"/, "", $3); print $3; exit }
  ' Cargo.lock
}
if [[ ! -f Cargo.lock ]]; then
  say "Cargo.lock is missing: cargo generate-lockfile"
  cargo generate-lockfile || warn "cargo generate-lockfile failed"
fi
WB_VERSION=""
[[ -f Cargo.lock ]] && WB_VERSION="$(lock_version wasm-bindgen)"
if [[ -z "$WB_VERSION" ]]; then
  # Fall back to the exact pin in Cargo.toml: wasm-bindgen = { version = "=X.Y.Z", ... }
  WB_VERSION="$(sed -n 's/^wasm-bindgen *= *{[^}]*version *= *"=\([0-9][0-9.]*\)".*/\1/p; s/^wasm-bindgen *= *"=\([0-9][0-9.]*\)".*/\1/p' Cargo.toml | head -n1)"
  [[ -n "$WB_VERSION" ]] || die "cannot find the wasm-bindgen version in Cargo.lock or an exact (=) pin in Cargo.toml"
  warn "wasm-bindgen not in Cargo.lock; using the pin from Cargo.toml: $WB_VERSION"
fi

version_of() {  # "$1 --version" -> its second word, or nothing
  if command -v "$1" >/dev/null 2>&1; then "$1" --version 2>/dev/null | awk 'NR==1 { print $2 }'; fi
}

cargo_install() {  # cargo_install NAME VERSION [extra cargo install args...]
  local name=$1 version=$2; shift 2
  local t0=$SECONDS log="$LOGDIR/cargo-install-$name.log"
  say "cargo install $name --version $version${*:+ $*} (about 3 min on 2 cores; log: $log)"
  if ! cargo install "$name" --version "$version" "$@" </dev/null >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    die "cargo install $name $version failed (full log: $log)"
  fi
  say "installed $name $version in $((SECONDS - t0)) s"
}

# wasm-bindgen-cli: no --locked, see toolchain.md (its lockfile pins webpki-roots 1.0.11, which this registry lacks).
if [[ "$(version_of wasm-bindgen)" == "$WB_VERSION" ]] && command -v wasm-bindgen-test-runner >/dev/null; then
  say "wasm-bindgen-cli $WB_VERSION already installed ($(command -v wasm-bindgen))"
else
  cargo_install wasm-bindgen-cli "$WB_VERSION"
fi

if [[ "$(version_of wasm-pack)" == "$WASM_PACK_VERSION" ]]; then
  say "wasm-pack $WASM_PACK_VERSION already installed ($(command -v wasm-pack))"
else
  cargo_install wasm-pack "$WASM_PACK_VERSION" --locked
fi

# --- wait for the background jobs ------------------------------------------------------------------------------------
failed=0
if [[ -n "$NPM_PID" ]]; then
  if wait "$NPM_PID"; then say "npm ci done"; else
    tail -n 30 "$LOGDIR/npm.log" >&2; warn "npm ci failed (log: $LOGDIR/npm.log)"; failed=1
  fi
fi
if [[ -n "$APT_PID" ]]; then
  if wait "$APT_PID"; then say "apt install of ${APT_PACKAGES[*]} done"; else
    tail -n 30 "$LOGDIR/apt.log" >&2; warn "apt-get install ${APT_PACKAGES[*]} failed (log: $LOGDIR/apt.log)"; failed=1
  fi
fi
[[ $failed -eq 0 ]] || die "a background install failed (see above)"

# --- checks ----------------------------------------------------------------------------------------------------------
[[ "$(version_of wasm-bindgen)" == "$WB_VERSION" ]] ||
  die "wasm-bindgen on PATH is $(command -v wasm-bindgen || echo none) $(version_of wasm-bindgen), expected $WB_VERSION"
[[ -x node_modules/.bin/wasm-opt ]] || die "node_modules/.bin/wasm-opt is missing after npm ci"
if [[ -e /usr/bin/wasm-opt ]]; then
  warn "/usr/bin/wasm-opt exists (Debian binaryen?): its wasm-opt writes broken modules for this toolchain." \
       "The scripts put node_modules/.bin first on PATH so the npm one is used; consider: apt-get remove binaryen"
fi
[[ "$(command -v wasm-opt)" == "$ROOT/node_modules/.bin/wasm-opt" ]] ||
  die "wasm-opt resolves to $(command -v wasm-opt), not node_modules/.bin/wasm-opt"

rm -rf "$LOGDIR"
say "done in $((SECONDS - START)) s. Versions:"
{
  echo "  $(rustc --version)"
  echo "  $(cargo --version)"
  echo "  wasm-bindgen $(version_of wasm-bindgen) (crate in Cargo.lock: $WB_VERSION)"
  echo "  wasm-pack $(version_of wasm-pack)"
  echo "  $(wasm-opt --version 2>/dev/null | head -n1) (npm binaryen $(node -p 'require("./node_modules/binaryen/package.json").version'))"
  echo "  node $(node --version), npm $(npm --version 2>/dev/null)"
  echo "  playwright-core $(node -p 'require("./node_modules/playwright-core/package.json").version' 2>/dev/null || echo '?')," \
       "axe-core $(node -p 'require("./node_modules/axe-core/package.json").version' 2>/dev/null || echo '?')"
  if [[ -x /usr/bin/chromium ]]; then
    echo "  $(/usr/bin/chromium --version 2>/dev/null | head -n1), $(/usr/bin/chromedriver --version 2>/dev/null | awk '{print $1, $2}')"
  else
    echo "  chromium: not installed$([[ $WITH_BROWSER -eq 0 ]] && echo ' (--no-browser)')"
  fi
  echo "  $(python3 --version)"
  if [[ -f /usr/share/wordpress/wp-includes/version.php ]]; then
    echo "  WordPress $(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" /usr/share/wordpress/wp-includes/version.php) (Debian)," \
         "$(php -r 'echo "PHP ", PHP_VERSION;' 2>/dev/null), $(/usr/sbin/mariadbd --version 2>/dev/null | awk '{print $2, $3}')," \
         "$(/usr/sbin/apache2 -v 2>/dev/null | sed -n 's/^Server version: //p')"
  else
    echo "  WordPress test packages: not installed$([[ $WITH_WORDPRESS -eq 0 ]] && echo ' (--no-wordpress)')"
  fi
}
