#!/usr/bin/env bash
# The Python package's tests: builds the CLI and the extension (release), then runs pytest on
# python/tests, including the Spark job in local[2] mode checked against `newsgraph analyze`.
#
# Idempotent and offline once set up: the venv (.venv-test) is created and filled from PyPI
# (maturin, pytest, pyarrow, pyspark, and pandas, which PySpark's Arrow paths need) only when
# something is missing; Java comes from the machine (Debian's default-jre-headless is
# installed with apt-get when `java` is absent).
# Honours CARGO_TARGET_DIR. Extra arguments go to pytest (e.g. `-k spark`, `-x`).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${NEWSGRAPH_TEST_VENV:-$ROOT/.venv-test}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
start=$(date +%s)

if ! command -v java >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    echo "test-python: installing Java (default-jre-headless) for Spark"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq default-jre-headless >/dev/null
fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "test-python: creating $VENV"
    python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import maturin, pytest, pyarrow, pyspark, pandas' >/dev/null 2>&1 \
    || [ ! -x "$VENV/bin/maturin" ]; then
    echo "test-python: installing maturin, pytest, pyarrow, pyspark, pandas from PyPI"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q maturin pytest pyarrow pyspark pandas
fi

echo "test-python: building the CLI (release)"
(cd "$ROOT" && cargo build --release --quiet -p newsgraph-cli)

echo "test-python: building and installing the extension (release)"
(cd "$ROOT/python" && VIRTUAL_ENV="$VENV" PATH="$VENV/bin:$PATH" \
    "$VENV/bin/maturin" develop --release --quiet >/dev/null)

echo "test-python: pytest"
cd "$ROOT/python"
NEWSGRAPH_CLI="$TARGET/release/newsgraph" "$VENV/bin/python" -m pytest -q "$@"
echo "test-python: done in $(( $(date +%s) - start ))s"
