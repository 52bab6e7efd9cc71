#!/usr/bin/env bash
# The project's test command, the one in the README (.ci/run calls exactly this).
# 1. scripts/test-setup.sh installs what the tests need beyond Rust (Debian's chromium for the
#    web page's end-to-end test); it does nothing when that is already there.
# 2. cargo test --workspace runs every Rust test: no network and no ../shared needed.
# 3. scripts/test-python.sh builds the Python package (maturin, in .venv-test) and runs its
#    pytest suite, including the Spark job in local[2] mode checked against the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-setup.sh
cargo test --workspace
bash scripts/test-python.sh
