#!/usr/bin/env bash
# The quote search end to end (figures, not assertions): a release server
# on a fresh SQLite file holding 100,000 price rows (`pricingseed`: 500
# channels × 20 zones × 10 breaks, ONT8 served by 20 of them), signed in,
# POST /api/search_quotes (300 kg in two kinds of carton, battery goods,
# 深圳 → ONT8) open-loop at QUOTE_RATE req/s (2000) for QUOTE_SECS (20) with
# `httprate`, timed from when each request was due; RSS before the first
# search and after the catalogue is loaded; then the same search with the
# catalogue read from the database for each request
# (SHIPDESK_PRICING_FROM_DB=1) at QUOTE_DB_RATE req/s (20). The engine
# alone: `cargo bench -p shipdesk --bench quote`.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${QUOTE_RATE:-2000}
SECS=${QUOTE_SECS:-20}
DB_RATE=${QUOTE_DB_RATE:-20}
export RUSTFLAGS="${RUSTFLAGS:---cfg erase_components}"
export LEPTOS_OUTPUT_NAME=shipdesk
cargo build --release -p shipdesk-server -p shipdesk-loadtest 2>&1 | tail -n 1
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
BIN=$TARGET_DIR/release/shipdesk
DATA=$(mktemp -d)
PORT=${BENCH_PORT:-3198}
URL=http://127.0.0.1:$PORT
export SHIPDESK_DATA_DIR=$DATA DATABASE_URL="sqlite://$DATA/bench.db" LEPTOS_SITE_ADDR=127.0.0.1:$PORT RUST_LOG=warn
export LEPTOS_SITE_ROOT=${LEPTOS_SITE_ROOT:-$PWD/target/site}
"$TARGET_DIR/release/pricingseed"
"$TARGET_DIR/release/benchseed" >/dev/null
BODY='{"search":{"country":"US","fba_code":"ONT8","origin":"深圳","goods_type":"battery","cargo":{"by":"cartons","lines":[{"count":10,"length_cm":60,"width_cm":50,"height_cm":40,"weight_kg":22},{"count":4,"length_cm":125,"width_cm":40,"height_cm":30,"weight_kg":20}]}}}'
PID=""
serve() {
  "$BIN" serve >"$DATA/server.log" 2>&1 &
  PID=$!
  until curl -fs "$URL/healthz" >/dev/null 2>&1; do sleep 0.01; done
  COOKIE=sd_session=$(curl -fs -c - -o /dev/null -H 'content-type: application/json' \
    -d '{"account":"bench","password":"bench12345"}' "$URL/api/staff_login" | awk '/sd_session/ {print $7}')
}
stop() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
trap stop EXIT
rss() { echo "$(( $(ps -o rss= -p "$PID") / 1024 )) MB"; }
search() { curl -fs -H "Cookie: $COOKIE" -H 'content-type: application/json' -d "$BODY" "$URL/api/search_quotes"; }

serve
echo "RSS before the first search: $(rss)"
t=$(date +%s%N); plans=$(search | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["plans"]))')
echo "first search (loads the catalogue): $(( ($(date +%s%N) - t) / 1000000 )) ms, $plans plans, $(search | wc -c) bytes of JSON"
echo "RSS with the catalogue loaded: $(rss)"
echo "in memory, open-loop at $RATE req/s for ${SECS}s:"
"$TARGET_DIR/release/httprate" --rate "$RATE" --secs "$SECS" --cookie "$COOKIE" --body "$BODY" "$URL/api/search_quotes"
echo "RSS after the load: $(rss)"
stop

export SHIPDESK_PRICING_FROM_DB=1
serve
echo "catalogue read from the database per request, open-loop at $DB_RATE req/s for ${SECS}s:"
"$TARGET_DIR/release/httprate" --rate "$DB_RATE" --secs "$SECS" --cookie "$COOKIE" --body "$BODY" "$URL/api/search_quotes"
