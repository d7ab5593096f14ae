#!/usr/bin/env bash
# The order list and export at scale (figures, not assertions): a release
# server on a fresh SQLite file holding 1,000,000 orders (`orderseed`: the
# demo's first order copied over four companies, one every 30 s back from
# now, ten statuses), signed in as an admin:
# - POST /api/list_orders filtered by status and a 90-day window, page 5 of
#   20, open-loop at ORDERS_RATE req/s (500) for ORDERS_SECS (20) with
#   `httprate` (timed from when each request was due); then the unfiltered
#   first page, the list's landing; then count_orders (the status tabs)
#   at ORDERS_COUNT_RATE req/s (20);
# - GET /orders/export.xlsx and /orders/export.csv of the 100,000 departed
#   orders, each on a freshly started server: wall time, size, rows read
#   back from the file, and the server's peak RSS (VmHWM) against its RSS
#   before the export.
# ORDERS (1000000) sets the order count, BENCH_PORT (3197) the port.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${ORDERS_RATE:-500}
SECS=${ORDERS_SECS:-20}
COUNT_RATE=${ORDERS_COUNT_RATE:-20}
export RUSTFLAGS="${RUSTFLAGS:---cfg erase_components}"
export LEPTOS_OUTPUT_NAME=shipdesk
cargo build --release -p shipdesk-server -p shipdesk-loadtest 2>&1 | tail -n 1
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
BIN=$TARGET_DIR/release/shipdesk
DATA=$(mktemp -d)
PORT=${BENCH_PORT:-3197}
URL=http://127.0.0.1:$PORT
export SHIPDESK_DATA_DIR=$DATA DATABASE_URL="sqlite://$DATA/bench.db" LEPTOS_SITE_ADDR=127.0.0.1:$PORT RUST_LOG=warn
export LEPTOS_SITE_ROOT=${LEPTOS_SITE_ROOT:-$PWD/target/site}
"$TARGET_DIR/release/orderseed"
echo "database: $(du -h "$DATA/bench.db" | cut -f1)"

PID=""
serve() {
  "$BIN" serve >"$DATA/server.log" 2>&1 &
  PID=$!
  until curl -fs "$URL/healthz" >/dev/null 2>&1; do sleep 0.01; done
  COOKIE=sd_session=$(curl -fs -c - -o /dev/null -H 'content-type: application/json' \
    -d '{"account":"bench","password":"bench12345"}' "$URL/api/staff_login" | awk '/sd_session/ {print $7}')
}
stop() { [ -n "$PID" ] && { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }; PID=""; }
trap stop EXIT
kb() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$PID/status"; }
mb() { echo "$(( $1 / 1024 )) MB"; }

FROM=$(TZ=Asia/Shanghai date -d '-120 days' +%F)
TO=$(TZ=Asia/Shanghai date -d '-31 days' +%F)
FILTERED="{\"filter\":{\"status\":\"departed\",\"from\":\"$FROM\",\"to\":\"$TO\"},\"page\":5,\"size\":20}"
LANDING='{"filter":{},"page":1,"size":20}'

serve
list() { curl -fs -H "Cookie: $COOKIE" -H 'content-type: application/json' -d "$1" "$URL/api/list_orders"; }
echo "departed, booked $FROM to $TO, page 5: $(list "$FILTERED" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["items"]), "rows of", d["total"])')"
echo "  open-loop at $RATE req/s for ${SECS}s:"
"$TARGET_DIR/release/httprate" --rate "$RATE" --secs "$SECS" --cookie "$COOKIE" --body "$FILTERED" "$URL/api/list_orders"
echo "unfiltered, page 1: $(list "$LANDING" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["items"]), "rows of", d["total"])')"
echo "  open-loop at $RATE req/s for ${SECS}s:"
"$TARGET_DIR/release/httprate" --rate "$RATE" --secs "$SECS" --cookie "$COOKIE" --body "$LANDING" "$URL/api/list_orders"
echo "count_orders (the status tabs over all orders): $(curl -fs -H "Cookie: $COOKIE" -H 'content-type: application/json' -d '{}' "$URL/api/count_orders" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], "orders in", len(d["by_status"]), "statuses")')"
echo "  open-loop at $COUNT_RATE req/s for ${SECS}s:"
"$TARGET_DIR/release/httprate" --rate "$COUNT_RATE" --secs "$SECS" --cookie "$COOKIE" --body '{}' "$URL/api/count_orders"
stop

for ext in xlsx csv; do
  serve
  before=$(kb VmRSS)
  out=$DATA/export.$ext
  t=$(date +%s%N)
  code=$(curl -s -o "$out" -w '%{http_code}' -H "Cookie: $COOKIE" "$URL/orders/export.$ext?status=departed")
  ms=$(( ($(date +%s%N) - t) / 1000000 ))
  peak=$(kb VmHWM)
  rows=$(python3 - "$out" "$ext" <<'PY'
import sys, zipfile, re
path, ext = sys.argv[1], sys.argv[2]
if ext == "csv":
    print(sum(1 for _ in open(path, encoding="utf-8-sig")) - 1)
else:
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    print(len(re.findall(r"<row[ >]", xml)) - 1)
PY
)
  echo "export.$ext of the departed orders: HTTP $code, $rows rows, $(du -h "$out" | cut -f1), ${ms} ms; server RSS $(mb "$before") before, peak $(mb "$peak")"
  stop
done
