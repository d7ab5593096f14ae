#!/usr/bin/env bash
# Builds a release, migrates, loads demo data and serves on http://127.0.0.1:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/site.sh --release
BIN=${CARGO_TARGET_DIR:-target}/release/shipdesk
export LEPTOS_SITE_ROOT=target/site
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
"$BIN" seed-demo
echo
echo "Shipdesk on http://${LEPTOS_SITE_ADDR}  —  /admin (staff), /h5 (phone), /portal (customers)"
exec "$BIN" serve
