#!/usr/bin/env bash
# The chat benchmark (figures, not assertions): a release server on a fresh
# SQLite file, then on a fresh PostgreSQL database, loaded by `chatload`:
# 1,900 customers, 100 agents (about 19 conversations each) and 10
# supervisors on 2,010 WebSockets, 500 messages/s open-loop for 20 s, half
# from customers and half from agents. Prints delivery latency (send to
# receipt at every recipient) p50/p99/p99.9, delivered vs expected, errors
# and server RSS. Override with CHAT_CUSTOMERS, CHAT_AGENTS, CHAT_SUPERVISORS,
# CHAT_RATE, CHAT_SECS; CHAT_PG=0 skips PostgreSQL. CHAT_CONSOLES=N (100 by
# default, 0: none) gives N agents an open console (its list queries, as the
# console issues them on events): the list queries per second are printed;
# CHAT_CONSOLE_REFETCH=every replays the former rule (a refetch per event).
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTFLAGS="--cfg erase_components"
export LEPTOS_OUTPUT_NAME=shipdesk
cargo build --release -p shipdesk-server -p shipdesk-loadtest 2>&1 | tail -n 1
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
BIN=$TARGET_DIR/release/shipdesk
LOAD=$TARGET_DIR/release/chatload
PORT=${BENCH_PORT:-3198}
ARGS=(--base "http://127.0.0.1:$PORT" --customers "${CHAT_CUSTOMERS:-1900}" --agents "${CHAT_AGENTS:-100}"
      --supervisors "${CHAT_SUPERVISORS:-10}" --rate "${CHAT_RATE:-500}" --secs "${CHAT_SECS:-20}"
      --consoles "${CHAT_CONSOLES:-100}" --console-refetch "${CHAT_CONSOLE_REFETCH:-events}")
ulimit -n 65536 2>/dev/null || true

run() { # $1: label, $2: DATABASE_URL
  local data; data=$(mktemp -d)
  export SHIPDESK_DATA_DIR=$data DATABASE_URL=$2 LEPTOS_SITE_ROOT=$PWD/target/site \
    LEPTOS_SITE_ADDR=127.0.0.1:$PORT RUST_LOG=warn
  "$BIN" migrate >/dev/null
  "$BIN" serve >"$data/server.log" 2>&1 &
  local pid=$!
  until curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do sleep 0.05; done
  echo "== $1"
  "$LOAD" "${ARGS[@]}" --pid "$pid" || echo "chatload failed (see $data/server.log)"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

[ "${CHAT_SQLITE:-1}" != 0 ] && run "SQLite" "sqlite://$(mktemp -d)/bench.db"
if [ "${CHAT_PG:-1}" != 0 ] && pg_isready -q -h 127.0.0.1 -p 5432; then
  db="sdbench_$(date +%s)"
  psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE DATABASE $db" >/dev/null
  run "PostgreSQL" "postgres://postgres@127.0.0.1:5432/$db"
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE $db WITH (FORCE)" >/dev/null || true
fi
