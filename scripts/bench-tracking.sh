#!/usr/bin/env bash
# Kuaidi100 pushes ingested per second on SQLite (figures, not assertions):
# 2,000 numbers' pushes as Kuaidi100 sends them (each with every event so
# far, signed with the salt), each verified and stored through the core
# function the push route calls, sequentially and 8 in flight. Release
# build; TRACKING_BENCH_NUMBERS sets the number count (default 2000).
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTFLAGS="${RUSTFLAGS:---cfg erase_components}"
export LEPTOS_OUTPUT_NAME=shipdesk
cargo bench -p shipdesk --features ssr --bench tracking_push 2>&1 | grep -vE '^\s+(Compiling|Finished|Running)'
