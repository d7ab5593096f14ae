#!/usr/bin/env bash
# Installs what building and testing need, idempotently: the wasm target,
# npm tools (Tailwind, binaryen's wasm-opt, Swagger UI for /api/docs), Playwright (without a browser
# download) and Debian's Chromium with CJK fonts for the browser tests. Safe
# to run every time. No cargo-leptos or wasm-bindgen-cli: scripts/site.sh
# builds the site with cargo and the site tool in xtask/.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# Outputs are captured before they are matched: `cmd | grep -q` fails under
# pipefail when grep stops reading early (that reinstalled Chromium and the
# fonts on every run).
targets=$(rustup target list --installed)
if [[ "$targets" != *wasm32-unknown-unknown* ]]; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if [ ! -x node_modules/.bin/tailwindcss ] || [ ! -x node_modules/.bin/wasm-opt ] ||
  [ ! -f node_modules/swagger-ui-dist/swagger-ui-bundle.js ]; then
  say "installing npm build tools"
  npm install --no-audit --no-fund
fi

if [ ! -d end2end/node_modules/@playwright/test ]; then
  say "installing Playwright (no browser download)"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund)
fi

fonts=$(fc-list 2>/dev/null || true)
if [ ! -x /usr/bin/chromium ] || [[ "${fonts,,}" != *"noto sans cjk"* ]]; then
  say "installing Debian's Chromium and CJK fonts"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
# schemathesis (PyPI) fuzzes the API in the tests (scripts/fuzz-api.sh), in
# its own virtualenv beside the build cache; only for the tests
# (`scripts/setup.sh --tests`, as scripts/test.sh calls it): the demo does not
# wait for it.
ST_VENV=${SCHEMATHESIS_VENV:-$HOME/.cache/shipdesk/st-venv}
st_version=$("$ST_VENV/bin/schemathesis" --version 2>/dev/null || true)
if [ "${1:-}" = "--tests" ] && [[ "$st_version" != *4.32.5* ]]; then
  say "installing schemathesis 4.32.5"
  python3 -m venv "$ST_VENV"
  "$ST_VENV/bin/pip" install -q --disable-pip-version-check schemathesis==4.32.5
fi
say "tools ready"
