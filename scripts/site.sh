#!/usr/bin/env bash
# Builds the server binary and the static site, what `cargo leptos build`
# does, with cargo, the site tool in xtask/ and the npm tools only:
#   the server (feature ssr) and the wasm front end, two cargo builds side by
#   side; Tailwind; then xtask's `shipdesk-site` splits the wasm at its lazy
#   routes, runs wasm-bindgen (and wasm-opt for --release), names the pkg
#   directory by its content, and precompresses every file (brotli, gzip).
# Output: $CARGO_TARGET_DIR/{debug,release}/shipdesk and target/site/.
#   scripts/site.sh            debug build (what the browser tests run)
#   scripts/site.sh --release  optimised build (what the demo serves)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
say() { printf '\033[1;34m[site]\033[0m %s\n' "$*"; }

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
# Type-erased views (what cargo-leptos sets): faster builds, smaller wasm.
# The tests use the same flags, so both share their compiled dependencies.
BASE_RUSTFLAGS="--cfg erase_components"
export LEPTOS_OUTPUT_NAME=shipdesk
export PATH="$ROOT/node_modules/.bin:$PATH"
SITE=$ROOT/target/site
LOGS=$(mktemp -d)

release=""
server_profile=(); server_dir=debug
front_profile=(); front_dir=debug
case "${1:-}" in
  ""|--release) ;;
  *) echo "usage: scripts/site.sh [--release]" >&2; exit 2 ;;
esac
if [ "${1:-}" = "--release" ]; then
  release=yes
  server_profile=(--release); server_dir=release
  front_profile=(--profile wasm-release); front_dir=wasm-release
fi

start=$(date +%s)
say "building the server and the wasm front end"
# The front end in its own target directory (its own lock), so both run at
# once; splitting needs the linker's relocations.
RUSTFLAGS="$BASE_RUSTFLAGS -Clink-args=--emit-relocs" \
  cargo build -p shipdesk-frontend --lib --target wasm32-unknown-unknown \
  --target-dir "$CARGO_TARGET_DIR/front" "${front_profile[@]}" >"$LOGS/front.log" 2>&1 &
front=$!
RUSTFLAGS="$BASE_RUSTFLAGS" cargo build -p shipdesk-server --bin shipdesk "${server_profile[@]}" \
  >"$LOGS/server.log" 2>&1 &
server=$!
# The site tool: built once per machine (about 3 minutes), a no-op after.
env -u RUSTFLAGS cargo build --release --manifest-path xtask/Cargo.toml \
  --target-dir "$CARGO_TARGET_DIR/xtask" >"$LOGS/xtask.log" 2>&1 &
tool=$!
failed=""
wait $tool || { cat "$LOGS/xtask.log" >&2; failed="the site tool"; }
wait $front || { cat "$LOGS/front.log" >&2; failed="$failed the front end"; }
wait $server || { cat "$LOGS/server.log" >&2; failed="$failed the server"; }
[ -z "$failed" ] || { echo "build failed: $failed" >&2; exit 1; }
say "compiled in $(( $(date +%s) - start )) s"

mkdir -p "$SITE"
tailwindcss -i style/tailwind.css -o "$LOGS/shipdesk.css" --minify 2>"$LOGS/css.log" ||
  { cat "$LOGS/css.log" >&2; exit 1; }
"$CARGO_TARGET_DIR/xtask/release/shipdesk-site" pkg \
  --wasm "$CARGO_TARGET_DIR/front/wasm32-unknown-unknown/$front_dir/shipdesk_frontend.wasm" \
  --site "$SITE" --css "$LOGS/shipdesk.css" ${release:+--optimize}
cp -R public/. "$SITE/"
# The API reference's renderer (/api/docs), from the npm registry.
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
  "$SITE/api-docs/"
rm -rf "$LOGS"
say "server: $CARGO_TARGET_DIR/$server_dir/shipdesk, site: $SITE ($(( $(date +%s) - start )) s in all)"
