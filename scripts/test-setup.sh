#!/usr/bin/env bash
# Test set-up: installs what the test suite needs beyond a Rust toolchain, namely Debian's
# Chromium for the web page's end-to-end tests (crates/server/tests/browser.rs).
# Idempotent: does nothing when chromium is already installed. Needs root (or sudo).
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
    echo "test-setup: chromium present ($(chromium --version 2>/dev/null || echo unknown version))"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "test-setup: installing chromium (Debian package)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
echo "test-setup: $(chromium --version)"
