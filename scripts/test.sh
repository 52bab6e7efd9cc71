#!/usr/bin/env bash
# The project's test command, the one in the README (.ci/run calls exactly this).
# 1. scripts/test-setup.sh installs what the tests need beyond Rust (Debian's chromium for the
#    web page's end-to-end test); it does nothing when that is already there.
# 2. cargo test --workspace runs every Rust test: no network and no ../shared needed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-setup.sh
cargo test --workspace
