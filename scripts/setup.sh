#!/usr/bin/env bash
# Installs what building and testing need, idempotently: the wasm target,
# cargo-leptos, wasm-bindgen-cli matching Cargo.lock, npm tools (Tailwind,
# binaryen's wasm-opt, Playwright without a browser download), and Debian's
# Chromium with CJK fonts for the browser tests. Safe to run every time.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -q wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q '0.3.10'; then
  say "installing cargo-leptos 0.3.10 (about 13 minutes, once per machine)"
  cargo install cargo-leptos --locked --version 0.3.10
fi

wbg=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q "$wbg"; then
  say "installing wasm-bindgen-cli $wbg"
  cargo install wasm-bindgen-cli --version "$wbg"
fi

if [ ! -x node_modules/.bin/tailwindcss ] || [ ! -x node_modules/.bin/wasm-opt ]; then
  say "installing npm build tools"
  npm install --no-audit --no-fund
fi

if [ ! -d end2end/node_modules/@playwright/test ]; then
  say "installing Playwright (no browser download)"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund)
fi

if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'noto sans cjk'; then
  say "installing Debian's Chromium and CJK fonts"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
say "tools ready"
