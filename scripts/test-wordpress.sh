#!/usr/bin/env bash
# Tests the WordPress plugin on a real WordPress: Debian's wordpress package, MariaDB and Apache with mod_php.
#
#   scripts/test-wordpress.sh          (after scripts/build-wasm.sh; scripts/setup.sh installs the packages)
#   scripts/test-wordpress.sh --check  only says whether the packages are there (exit 1 and what is missing if not)
#
# Everything runs privately, under one temporary folder, and is stopped and removed at the end: a copy of Debian's
# WordPress (/usr/share/wordpress) installed in a subfolder (/blog/) with its own wp-config.php, a MariaDB server
# of its own (socket only, no network), and an Apache of its own on a free loopback port. The machine's own
# WordPress configuration, databases and web server are not touched. Then www/test/wordpress.run.mjs installs the
# plugin's zip (scripts/build-wordpress-plugin.sh) through the upload form in headless Chromium, makes posts as an
# Author and as an Administrator, and walks a journey to the result on each; its last line is "N passed, N failed".
#
# Without the packages (a machine where setup.sh could not install them: no root, no apt) it says what is missing,
# prints "0 passed, 0 failed, 1 skipped" and exits 0; with CI=true that is a failure instead.
# WP_HOLD=600 keeps the site running for 600 s after the tests, to look at it (FILTER=text runs only some tests).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1
export PATH="$ROOT/node_modules/.bin:$PATH"

say() { printf 'wordpress: %s\n' "$*"; }
CHECK_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --check) CHECK_ONLY=1 ;;
    -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test-wordpress: unknown option: $arg" >&2; exit 2 ;;
  esac
done

# --- what it needs -----------------------------------------------------------------------------------------------
missing=()
[[ -f /usr/share/wordpress/wp-settings.php ]] || missing+=("Debian's wordpress package (/usr/share/wordpress)")
MARIADBD="$(command -v mariadbd || command -v mysqld || ls /usr/sbin/mariadbd 2>/dev/null || true)"
[[ -n "$MARIADBD" ]] || missing+=("mariadb-server (mariadbd)")
command -v mariadb-install-db >/dev/null || missing+=("mariadb-install-db (mariadb-server)")
command -v mariadb >/dev/null || missing+=("the mariadb client")
APACHE="$(command -v apache2 || ls /usr/sbin/apache2 2>/dev/null || true)"
[[ -n "$APACHE" ]] || missing+=("apache2")
MODPHP="$(ls /usr/lib/apache2/modules/libphp*.so 2>/dev/null | head -n1)"
[[ -n "$MODPHP" ]] || missing+=("libapache2-mod-php")
command -v php >/dev/null || missing+=("php-cli")
[[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] || missing+=("chromium")
if (( ${#missing[@]} )); then
  list="$(printf '%s, ' "${missing[@]}")"
  if [[ $CHECK_ONLY -eq 1 ]]; then echo "not installed: ${list%, } (scripts/setup.sh installs them with apt; it needs root or sudo)"; exit 1; fi
  say "SKIPPED: not installed: ${list%, }. scripts/setup.sh installs them with apt (it needs root or sudo)."
  echo "0 passed, 0 failed, 1 skipped"
  if [[ "${CI:-}" == "true" ]]; then say "in CI this step must run: failing"; exit 1; fi
  exit 0
fi

if [[ $CHECK_ONLY -eq 1 ]]; then echo "all installed"; exit 0; fi

# --- a private site under one folder -------------------------------------------------------------------------------
# Under /tmp: Apache's user must reach it, and MariaDB's socket path must be short.
WORK="$(mktemp -d /tmp/s117-wp.XXXXXX)"
chmod 755 "$WORK"
DB_PID="" APACHE_CONF=""
cleanup() {
  if [[ -n "$APACHE_CONF" && -f "$WORK/apache.pid" ]]; then
    "$APACHE" -f "$APACHE_CONF" -k stop 2>/dev/null
    for _ in $(seq 50); do [[ -f "$WORK/apache.pid" ]] || break; sleep 0.1; done
  fi
  if [[ -n "$DB_PID" ]]; then kill "$DB_PID" 2>/dev/null; wait "$DB_PID" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
fail() { say "ERROR: $*"; for f in "$WORK"/*.log "$WORK"/*.err; do [[ -f "$f" ]] && { echo "--- $f"; tail -n 20 "$f"; }; done; echo "0 passed, 1 failed"; exit 1; }

T0=$SECONDS
WEB_USER=""
if [[ $(id -u) -eq 0 ]]; then WEB_USER=www-data; fi

ZIP="$(bash scripts/build-wordpress-plugin.sh --out "$WORK/dist" | tail -n1)" || fail "the plugin did not build"
[[ -f "$ZIP" ]] || fail "the plugin did not build"
say "built $(basename "$ZIP")"

# MariaDB: its own data folder and socket, no TCP.
DB_SOCK="$WORK/mysql.sock"
mariadb-install-db --no-defaults --datadir="$WORK/db" --auth-root-authentication-method=normal --skip-test-db \
  --user="$(id -un)" >"$WORK/db-install.log" 2>&1 || fail "mariadb-install-db failed"
"$MARIADBD" --no-defaults --datadir="$WORK/db" --socket="$DB_SOCK" --skip-networking --pid-file="$WORK/mysql.pid" \
  --log-error="$WORK/mysql.err" --user="$(id -un)" >/dev/null 2>&1 &
DB_PID=$!
for _ in $(seq 100); do [[ -S "$DB_SOCK" ]] && break; kill -0 "$DB_PID" 2>/dev/null || break; sleep 0.1; done
[[ -S "$DB_SOCK" ]] || fail "MariaDB did not start"
mariadb --no-defaults --socket="$DB_SOCK" -uroot -e \
  "CREATE DATABASE wordpress; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wordpress.* TO 'wp'@'localhost';" ||
  fail "could not create the database"

# Apache on a free loopback port.
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
URL="http://127.0.0.1:$PORT/blog/"

# WordPress: Debian's code, copied, in a subfolder; our own wp-config.php and wp-content.
SITE="$WORK/htdocs/blog"
mkdir -p "$WORK/htdocs"
cp -a /usr/share/wordpress "$SITE"
# Debian links some files to other packages with relative links, which the copy breaks: point them at the originals.
(cd /usr/share/wordpress && find . -type l) | while read -r link; do
  target="$(readlink -f "/usr/share/wordpress/$link")"
  if [[ -e "$target" ]]; then ln -sfn "$target" "$SITE/$link"; else rm -f "$SITE/$link"; fi
done
rm -f "$SITE/wp-config.php" "$SITE/.htaccess"
cat >"$SITE/wp-config.php" <<PHP
<?php
// The test site's configuration (scripts/test-wordpress.sh). DISALLOW_UNFILTERED_HTML is on while the file
// disallow-unfiltered-html exists beside this one.
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'wp' );
define( 'DB_HOST', 'localhost:$DB_SOCK' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as \$key ) {
	define( \$key, 'test-only-' . \$key );
}
\$table_prefix = 'wp_';
define( 'WP_HOME', '${URL%/}' );
define( 'WP_SITEURL', '${URL%/}' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$WORK/wp-debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'FS_METHOD', 'direct' );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
if ( file_exists( __DIR__ . '/disallow-unfiltered-html' ) ) {
	define( 'DISALLOW_UNFILTERED_HTML', true );
}
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP
touch "$WORK/wp-debug.log" "$WORK/htdocs/favicon.ico"   # a real site has one; a 404 would be a console error
if [[ -n "$WEB_USER" ]]; then chown -R "$WEB_USER:$WEB_USER" "$SITE" "$WORK/wp-debug.log"; fi

MODS=/usr/lib/apache2/modules
APACHE_CONF="$WORK/apache.conf"
cat >"$APACHE_CONF" <<CONF
ServerRoot "$WORK"
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
PidFile "$WORK/apache.pid"
ErrorLog "$WORK/apache-error.log"
LogLevel warn
LoadModule mpm_prefork_module $MODS/mod_mpm_prefork.so
LoadModule authz_core_module $MODS/mod_authz_core.so
LoadModule dir_module $MODS/mod_dir.so
LoadModule mime_module $MODS/mod_mime.so
LoadModule php_module $MODPHP
${WEB_USER:+User $WEB_USER}
${WEB_USER:+Group $WEB_USER}
StartServers 2
MinSpareServers 2
MaxSpareServers 4
TypesConfig /etc/mime.types
DocumentRoot "$WORK/htdocs"
DirectoryIndex index.php index.html
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory "$WORK/htdocs">
  Options FollowSymLinks
  Require all granted
</Directory>
<FilesMatch "\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
php_value upload_max_filesize 8M
php_value post_max_size 8M
CONF
"$APACHE" -f "$APACHE_CONF" -k start >"$WORK/apache-start.log" 2>&1 || fail "Apache did not start"
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done

# Install WordPress (as its installer would) and its Author.
ADMIN_PASSWORD="admin-$RANDOM-$RANDOM" AUTHOR_PASSWORD="author-$RANDOM-$RANDOM"
SITE_PHP="$ROOT/wordpress/tests/site.php"
INSTALLED="$(php -d sendmail_path=/bin/true "$SITE_PHP" "$SITE" install "$URL" "$ADMIN_PASSWORD" "$AUTHOR_PASSWORD")" || fail "WordPress did not install: $INSTALLED"
say "WordPress $(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" "$SITE/wp-includes/version.php") at $URL ($INSTALLED), ready in $((SECONDS - T0)) s"

export WP_URL="$URL" WP_SITE="$SITE" WP_ZIP="$ZIP" WP_SITE_PHP="$SITE_PHP" WP_DEBUG_LOG="$WORK/wp-debug.log" \
  WP_ADMIN_PASSWORD="$ADMIN_PASSWORD" WP_AUTHOR_PASSWORD="$AUTHOR_PASSWORD" WP_APACHE_LOG="$WORK/apache-error.log"
node www/test/wordpress.run.mjs
rc=$?
if [[ -n "${WP_HOLD:-}" ]]; then say "WP_HOLD: the site stays at $URL for $WP_HOLD s (admin / $ADMIN_PASSWORD)"; sleep "$WP_HOLD"; fi
say "done in $((SECONDS - T0)) s"
exit $rc
