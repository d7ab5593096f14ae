#!/usr/bin/env bash
# Prints the foundation's figures on this machine (figures, not assertions):
# start-up to ready on an empty SQLite file, idle RSS, an authenticated admin
# list page at a fixed 1,000 req/s (alone, then with 40 logins/s alongside),
# and the wasm size after brotli. Needs: oha (cargo install oha), brotli.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${BENCH_SECS:-20}
command -v oha >/dev/null || cargo install oha --locked
command -v brotli >/dev/null || { apt-get install -y -qq brotli >/dev/null; }
cargo leptos build --release 2>&1 | tail -n 1
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
BIN=$TARGET_DIR/release/shipdesk
DATA=$(mktemp -d)
PORT=${BENCH_PORT:-3199}
URL=http://127.0.0.1:$PORT
export SHIPDESK_DATA_DIR=$DATA LEPTOS_SITE_ROOT=$PWD/target/site LEPTOS_SITE_ADDR=127.0.0.1:$PORT RUST_LOG=warn
[ -d "$LEPTOS_SITE_ROOT/pkg" ] || LEPTOS_SITE_ROOT=$TARGET_DIR/site

start=$(date +%s%N)
"$BIN" serve >"$DATA/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -fs "$URL/healthz" >/dev/null 2>&1; do sleep 0.002; done
echo "start-up to ready (empty SQLite file): $(( ($(date +%s%N) - start) / 1000000 )) ms"
sleep 3
echo "idle RSS: $(( $(ps -o rss= -p $PID) / 1024 )) MB"

"$BIN" seed-demo >/dev/null
login() {
  curl -fs -c - -o /dev/null -H 'content-type: application/json' \
    -d '{"account":"admin","password":"demo1234"}' "$URL/api/staff_login" | awk '/sd_session/ {print $7}'
}
COOKIE=$(login)
summary() { grep -E 'Success rate|Requests/sec|50.00%|99.00%|99.90%|\[200\]|\[[0-9]{3}\]' | sed 's/^/  /'; }

echo "GET /admin/staff (signed in) at 1,000 req/s for ${DURATION}s:"
oha --no-tui -z "${DURATION}s" -q 1000 --latency-correction -H "Cookie: sd_session=$COOKIE" "$URL/admin/staff" | summary

echo "the same with 40 logins/s alongside:"
oha --no-tui -z "${DURATION}s" -q 40 --latency-correction -m POST -T application/json \
  -d '{"account":"cs1","password":"demo1234"}' "$URL/api/staff_login" > "$DATA/logins.txt" &
LOGINS=$!
oha --no-tui -z "${DURATION}s" -q 1000 --latency-correction -H "Cookie: sd_session=$COOKIE" "$URL/admin/staff" | summary
wait $LOGINS
echo "  logins:"; summary < "$DATA/logins.txt"
echo "RSS after load: $(( $(ps -o rss= -p $PID) / 1024 )) MB"

WASM=$(ls "$LEPTOS_SITE_ROOT"/pkg/*.wasm | head -1)
echo "wasm: $(( $(stat -c %s "$WASM") / 1024 )) KB raw, $(( $(brotli -c -q 11 "$WASM" | wc -c) / 1024 )) KB after brotli"
