#!/usr/bin/env bash
# Playwright cannot download its own browser where only package registries are reachable,
# so the end-to-end tests use the system's Chromium, installing Debian's package when allowed.
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "No Chromium found: installing Debian's chromium package for the end-to-end tests."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium found. Install it (e.g. 'apt-get install chromium') or set CHROMIUM_PATH." >&2
exit 1
