#!/usr/bin/env bash
# WARC reading benchmark: builds a CC-NEWS-style WARC.gz from the trafilatura benchmark pages
# (../shared/data/extraction/trafilatura-eval.tar.gz) and reports records per second on one
# core, for WARC records alone and for full documents (main text, metadata, language).
# Usage: bench/warc.sh [COPIES]   (default 3 copies of the 990 pages)
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/extraction/trafilatura-eval.tar.gz
if [ ! -f "$data" ]; then
  echo "bench/warc.sh: $data not found (see ../shared/data/README.md)" >&2
  exit 2
fi
cargo run --quiet --release -p newsgraph-ingest --example warc_bench -- "$data" "${1:-3}"
