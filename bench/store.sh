#!/usr/bin/env bash
# Store benchmarks: HTML ingest throughput and peak memory, store size per document, query
# latency (median, p99) and an HTTP load run, on a generated corpus of N pages (default 100000).
# Development only: the corpus is built from ../shared/data (never committed) under bench/out/.
#
#   bench/store.sh [N]
#
# Prints every figure with the command that produced it. Needs /usr/bin/time, and wrk for
# the HTTP part (apt-get install wrk; skipped with a note when absent).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
OUT="bench/out/store"
CORPUS="$OUT/corpus-$N"
STORE="$OUT/store-$N.db"
mkdir -p "$OUT"
if [ ! -d ../shared/data/polnear ]; then
    echo "bench/store.sh: ../shared/data is missing; the benchmark corpus is made from it" >&2
    exit 2
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release -q -p newsgraph-cli
cargo build --release -q -p newsgraph-store --example query_bench
BIN="$CARGO_TARGET_DIR/release/newsgraph"

if [ ! -d "$CORPUS" ]; then
    echo "== generating $N pages into $CORPUS"
    python3 bench/store_corpus.py "$CORPUS" "$N"
fi
echo "== corpus: $(find "$CORPUS" -name '*.html' | wc -l) pages, $(du -sh "$CORPUS" | cut -f1)"
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

rm -f "$STORE" "$STORE-wal" "$STORE-shm"
echo "== ingest: /usr/bin/time -v $BIN ingest --store $STORE $CORPUS"
/usr/bin/time -v "$BIN" ingest --store "$STORE" "$CORPUS" 2> "$OUT/ingest-$N.log" || true
grep -E "newsgraph:|Elapsed|Maximum resident|Percent of CPU|User time|System time" "$OUT/ingest-$N.log"

echo "== resume (everything already stored): $BIN ingest --store $STORE $CORPUS"
/usr/bin/time -v "$BIN" ingest --store "$STORE" "$CORPUS" 2>&1 | grep -E "newsgraph:|Elapsed|Maximum resident"

DOCS=$(sqlite3 "$STORE" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
BYTES=$(stat -c %s "$STORE")
echo "== store: $DOCS documents, $BYTES bytes, $((BYTES / (DOCS > 0 ? DOCS : 1))) bytes per document"

echo "== query latency: $CARGO_TARGET_DIR/release/examples/query_bench $STORE 200"
"$CARGO_TARGET_DIR/release/examples/query_bench" "$STORE" 200

if command -v wrk >/dev/null 2>&1; then
    PORT=18931
    "$BIN" serve --store "$STORE" --addr "127.0.0.1:$PORT" 2>/dev/null &
    SERVER=$!
    trap 'kill $SERVER 2>/dev/null || true' EXIT
    sleep 2
    for path in "/api/search?q=election" "/api/top/speakers" "/api/claims?source_kind=anonymous&about=officials"; do
        echo "== load: wrk -t2 -c16 -d10s http://127.0.0.1:$PORT$path"
        wrk -t2 -c16 -d10s "http://127.0.0.1:$PORT$path" | grep -E "Requests/sec|Latency|requests in|Non-2xx|Socket errors" || true
    done
    kill $SERVER
else
    echo "== load: wrk not installed (apt-get install wrk); skipped"
fi
