#!/usr/bin/env bash
# Builds the WordPress plugin: dist/s117-checker-wordpress-<version>.zip, installable through
# Plugins → Add New → Upload Plugin.
#
#   scripts/build-wordpress-plugin.sh [--out DIR]     (after scripts/build-wasm.sh; DIR defaults to dist/)
#
# The plugin is wordpress/ (its PHP, block and readme; not wordpress/tests/) with the widget's files in
# widget/<version>/. Those files come from the release bundle (node scripts/release.mjs), so the one list of what
# ships is FILES in scripts/release.mjs. The version, from Cargo.toml, is written into the plugin's header, its
# readme's "Stable tag" and S117_CHECKER_VERSION; the folder per version means an update never mixes old and new
# files behind caches. Prints the zip's path as its last line.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/dist"
while (( $# )); do
  case "$1" in
    --out) OUT="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-wordpress-plugin: unknown option: $1" >&2; exit 2 ;;
  esac
done

VERSION="$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' Cargo.toml | head -n1)"
[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]] || { echo "build-wordpress-plugin: no version in Cargo.toml" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/s117-wp-build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# The widget's files, exactly as the release bundle has them (release.mjs fails if FILES misses a file).
node scripts/release.mjs --out "$WORK/release" >/dev/null
BUNDLE="$WORK/release/s117-checker-$VERSION"
[[ -d "$BUNDLE/s117/$VERSION" ]] || { echo "build-wordpress-plugin: release.mjs made no $BUNDLE/s117/$VERSION" >&2; exit 1; }

PLUGIN="$WORK/plugin/s117-checker"
mkdir -p "$PLUGIN/widget"
(cd wordpress && tar --exclude=./tests -cf - .) | (cd "$PLUGIN" && tar -xf -)
cp -R "$BUNDLE/s117/$VERSION" "$PLUGIN/widget/$VERSION"
cp "$BUNDLE/DATA-LICENCE.md" "$PLUGIN/DATA-LICENCE.md"

# The version, in the four places WordPress reads it.
sed -i -E "s/^( \* Version: +).*/\1$VERSION/; s/define\( 'S117_CHECKER_VERSION', '[^']*' \)/define( 'S117_CHECKER_VERSION', '$VERSION' )/" "$PLUGIN/s117-checker.php"
sed -i -E "s/^Stable tag: .*/Stable tag: $VERSION/" "$PLUGIN/readme.txt"
sed -i -E "s/'version'( +)=> '[^']*'/'version'\1=> '$VERSION'/" "$PLUGIN/block/editor.asset.php"
grep -q "S117_CHECKER_VERSION', '$VERSION'" "$PLUGIN/s117-checker.php" ||
  { echo "build-wordpress-plugin: could not write the version into s117-checker.php" >&2; exit 1; }

ZIP="$OUT/s117-checker-wordpress-$VERSION.zip"
mkdir -p "$OUT"
rm -f "$ZIP"
(cd "$WORK/plugin" && python3 -m zipfile -c "$ZIP" s117-checker)
echo "build-wordpress-plugin: $(find "$PLUGIN" -type f | wc -l) files, $(du -k "$ZIP" | cut -f1) KB"
echo "$ZIP"
