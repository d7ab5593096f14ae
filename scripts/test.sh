#!/usr/bin/env bash
# Runs every test: core unit and service tests, app tests and the HTTP/API
# tests on SQLite, the same on PostgreSQL, then the Playwright browser tests
# against a freshly seeded server (SQLite, then PostgreSQL), then fuzzes every
# operation of /api/openapi.json with schemathesis (scripts/fuzz-api.sh) on
# both. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LOG=$(mktemp -d)/test.log
say() { printf '\n\033[1;34m== %s\033[0m\n' "$*"; }

./scripts/setup.sh --tests
# The flags scripts/site.sh builds with: with them the test builds and the
# browser-test build below share their compiled dependencies.
TEST_RUSTFLAGS="--cfg erase_components"
export LEPTOS_OUTPUT_NAME=shipdesk

say "formatting (rustfmt)"
cargo fmt --all --check
(cd xtask && cargo fmt --check)

say "core, app and HTTP tests on SQLite"
RUSTFLAGS="$TEST_RUSTFLAGS" cargo test --workspace --exclude shipdesk-frontend --features shipdesk/ssr 2>&1 | tee -a "$LOG"

say "core and HTTP tests on PostgreSQL"
PG_BASE=${SHIPDESK_TEST_PG_BASE:-postgres://postgres@127.0.0.1:5432/test}
# The base's path and ?query, for the databases the browser and fuzz runs make.
pg_query=""
case "$PG_BASE" in *\?*) pg_query="?${PG_BASE#*\?}" ;; esac
pg_path=${PG_BASE%%\?*}
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
if ! pg_up && [ -d /etc/postgresql ]; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do pg_up && break; sleep 1; done
fi
if pg_up; then
  drop_test_dbs() {
    psql "$PG_BASE" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'sdtest_%'" 2>/dev/null |
      while read -r db; do psql "$PG_BASE" -qc "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1 || true; done
  }
  trap drop_test_dbs EXIT
  SHIPDESK_TEST_PG="$PG_BASE" RUSTFLAGS="$TEST_RUSTFLAGS" cargo test --workspace --exclude shipdesk-frontend --features shipdesk/ssr 2>&1 | tee -a "$LOG"
elif [ -n "${CI:-}" ]; then
  echo "PostgreSQL is not reachable on 127.0.0.1:5432: under CI this is a failure" >&2
  exit 1
else
  echo "SKIPPED: PostgreSQL is not reachable on 127.0.0.1:5432"
fi

say "browser tests (Playwright in Debian's Chromium)"
if ! ./scripts/site.sh >"$LOG.site" 2>&1; then
  cat "$LOG.site" >&2
  exit 1
fi
tail -n 3 "$LOG.site"
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
SITE=$ROOT/target/site
SERVER=""
stop_server() {
  if [ -n "$SERVER" ]; then
    kill "$SERVER" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=""
  fi
}
trap 'stop_server; drop_test_dbs 2>/dev/null || true' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Seeds a fresh database, serves it on a free port, runs every spec against
# it, and fails on a spec failure or on ERROR / panicked in the server log.
run_e2e() {
  local label=$1 db_url=$2 data port
  data=$(mktemp -d)
  port=$(free_port)
  say "Playwright on $label (port $port)"
  (
    export SHIPDESK_DATA_DIR=$data LEPTOS_SITE_ROOT=$SITE LEPTOS_SITE_ADDR=127.0.0.1:$port RUST_LOG=warn
    export DATABASE_URL=${db_url:-sqlite://$data/shipdesk.db}
    "$TARGET_DIR/debug/shipdesk" seed-demo >/dev/null
  )
  SHIPDESK_DATA_DIR=$data LEPTOS_SITE_ROOT=$SITE LEPTOS_SITE_ADDR=127.0.0.1:$port RUST_LOG=warn \
    DATABASE_URL=${db_url:-sqlite://$data/shipdesk.db} \
    "$TARGET_DIR/debug/shipdesk" serve >"$data/server.log" 2>&1 &
  SERVER=$!
  local up=""
  for _ in $(seq 1 100); do
    if curl -fs "http://127.0.0.1:$port/healthz" >/dev/null; then up=yes; break; fi
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.2
  done
  if [ -z "$up" ]; then
    echo "the server did not come up on port $port; its log:" >&2
    cat "$data/server.log" >&2
    exit 1
  fi
  if ! (cd end2end && BASE_URL="http://127.0.0.1:$port" npx playwright test) 2>&1 | tee -a "$LOG"; then
    stop_server
    echo "browser tests failed on $label; the end of the server log:" >&2
    tail -n 60 "$data/server.log" >&2
    exit 1
  fi
  stop_server
  local bad
  bad=$(grep -E 'ERROR|panicked' "$data/server.log" || true)
  if [ -n "$bad" ]; then
    echo "the server logged errors during the browser tests on $label:" >&2
    echo "$bad" | head -n 40 >&2
    exit 1
  fi
}

run_e2e SQLite ""
if pg_up; then
  E2E_DB="sdtest_e2e_$$"
  psql "$PG_BASE" -qc "CREATE DATABASE $E2E_DB" >/dev/null
  run_e2e PostgreSQL "${pg_path%/*}/$E2E_DB$pg_query"
fi

# Every operation of /api/openapi.json fuzzed: anonymous, admin, member.
fuzz() {
  local label=$1 db_url=$2
  say "API fuzzing (schemathesis) on $label"
  if ! FUZZ_DATABASE_URL=$db_url ./scripts/fuzz-api.sh "$TARGET_DIR/debug/shipdesk" >"$LOG.fuzz" 2>&1; then
    cat "$LOG.fuzz" >&2
    exit 1
  fi
  grep -E '\[fuzz\]|generated,' "$LOG.fuzz" | tee -a "$LOG"
}
fuzz SQLite ""
if pg_up; then
  FUZZ_DB="sdtest_fuzz_$$"
  psql "$PG_BASE" -qc "CREATE DATABASE $FUZZ_DB" >/dev/null
  fuzz PostgreSQL "${pg_path%/*}/$FUZZ_DB$pg_query"
fi

passed=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$LOG" | awk '{s+=$4} END {print s+0}')
e2e=$(grep -Eo '^ *[0-9]+ passed' "$LOG" | awk '{s+=$1} END {print s+0}')
echo
echo "all: $((passed + e2e)) passed, 0 failed"
