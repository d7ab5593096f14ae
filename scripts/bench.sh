#!/usr/bin/env bash
# Prints the foundation's figures on this machine (figures, not assertions),
# from a release server on a fresh SQLite file, load generators on the same
# machine:
# - start-up to ready, idle RSS;
# - closed-loop ceilings (wrk, BENCH_CONNS connections on one thread) of
#   /healthz, the anonymous /admin/login page, and the signed-in list pages
#   /admin/staff, /admin/customers and /admin/chat (the console's first
#   render), each showing a full page (`benchseed` fills them), with each
#   page's ratio to the login page's ceiling (the figure that travels
#   between noisy machines);
# - the signed-in pages open-loop at BENCH_RATE req/s and at half their
#   ceiling (`httprate`, timed from when each request was due): p50/p99;
# - RSS after the load, and the largest wasm file after brotli if a site is
#   built (scripts/site.sh --release).
# Needs wrk (apt-get install wrk). BENCH_SECS (10), BENCH_RATE (2000),
# BENCH_CONNS (32), BENCH_PORT (3199).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${BENCH_SECS:-10}
RATE=${BENCH_RATE:-2000}
CONNS=${BENCH_CONNS:-32}
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
export RUSTFLAGS="${RUSTFLAGS:---cfg erase_components}"
# As scripts/site.sh builds: leptos reads it at compile time.
export LEPTOS_OUTPUT_NAME=shipdesk
cargo build --release -p shipdesk-server -p shipdesk-loadtest 2>&1 | tail -n 1
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
BIN=$TARGET_DIR/release/shipdesk
DATA=$(mktemp -d)
PORT=${BENCH_PORT:-3199}
URL=http://127.0.0.1:$PORT
export SHIPDESK_DATA_DIR=$DATA DATABASE_URL="sqlite://$DATA/bench.db" LEPTOS_SITE_ADDR=127.0.0.1:$PORT RUST_LOG=warn
export LEPTOS_SITE_ROOT=${LEPTOS_SITE_ROOT:-$PWD/target/site}
[ -d "$LEPTOS_SITE_ROOT/pkg" ] || { [ -d "$TARGET_DIR/site/pkg" ] && LEPTOS_SITE_ROOT=$TARGET_DIR/site; } || true

start=$(date +%s%N)
"$BIN" serve >"$DATA/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -fs "$URL/healthz" >/dev/null 2>&1; do sleep 0.002; done
echo "start-up to ready (empty SQLite file): $(( ($(date +%s%N) - start) / 1000000 )) ms"
sleep 3
echo "idle RSS: $(( $(ps -o rss= -p $PID) / 1024 )) MB"

"$BIN" seed-demo >/dev/null
"$TARGET_DIR/release/benchseed" | sed 's/^/  /'
COOKIE=sd_session=$(curl -fs -c - -o /dev/null -H 'content-type: application/json' \
  -d '{"account":"bench","password":"bench12345"}' "$URL/api/staff_login" | awk '/sd_session/ {print $7}')
rows() { curl -fs -H "Cookie: $COOKIE" "$URL$1" | grep -o "$2" | wc -l; }
echo "rows rendered: /admin/staff $(rows /admin/staff 'class="staff-row'), /admin/customers $(rows /admin/customers 'class="company-row'), /admin/chat $(rows /admin/chat 'chat-item ')"

# req/s of a closed-loop run; non-2xx answers make it fail loudly.
ceiling() { # $1: path, $2: cookie or empty
  local out
  out=$(wrk -t1 -c"$CONNS" -d"${SECS}s" ${2:+-H "Cookie: $2"} "$URL$1")
  if grep -q 'Non-2xx' <<<"$out"; then echo "$1: non-2xx answers" >&2; grep 'Non-2xx' <<<"$out" >&2; fi
  awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out"
}
echo "closed-loop ceilings (wrk, $CONNS connections, ${SECS}s each), req/s:"
healthz=$(ceiling /healthz "")
login=$(ceiling /admin/login "")
printf '  %-32s %6s\n' "/healthz" "$healthz" "/admin/login (anonymous)" "$login"
declare -A CEILING
for page in /admin/staff /admin/customers /admin/chat; do
  n=$(ceiling "$page" "$COOKIE")
  CEILING[$page]=$n
  printf '  %-32s %6s  %3s%% of login\n' "$page (signed in)" "$n" "$(( n * 100 / login ))"
done

# Below the ceiling first: an overloaded run leaves a backlog behind it.
echo "open-loop (${SECS}s each, signed in), at half the page's ceiling, then at $RATE req/s:"
for rate in half "$RATE"; do
  for page in /admin/staff /admin/customers /admin/chat; do
    r=$rate; [ "$r" = half ] && r=$(( ${CEILING[$page]} / 2 ))
    echo " $page at $r req/s"
    "$TARGET_DIR/release/httprate" --rate "$r" --secs "$SECS" --cookie "$COOKIE" "$URL$page"
  done
done
echo "RSS after load: $(( $(ps -o rss= -p $PID) / 1024 )) MB"

# The site (scripts/site.sh --release) splits the wasm at lazy routes: the
# largest file is the one every page loads.
WASM=$(find "$LEPTOS_SITE_ROOT/pkg" -name '*.wasm' -printf '%s %p\n' 2>/dev/null | sort -n | tail -1 | cut -d' ' -f2- || true)
if [ -n "$WASM" ] && command -v brotli >/dev/null; then
  echo "largest wasm: $(( $(stat -c %s "$WASM") / 1024 )) KB raw, $(( $(brotli -c -q 11 "$WASM" | wc -c) / 1024 )) KB after brotli"
fi
