#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (tests/browser), unless it is already there.
# Playwright drives this binary; its own browser download is never used.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    echo "chromium present: /usr/bin/chromium"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium
/usr/bin/chromium --version || true
