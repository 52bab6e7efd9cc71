#!/usr/bin/env bash
# Rebuild crates/nlp/models/clusters.bin, the Brown word clusters the NLP models read, from
# spaCy's spacy-lookups-data package on PyPI (MIT licence; en_lexeme_cluster.json.gz).
# Needs network access to PyPI, python3 and pip. Run from the repository root:
#   scripts/word-clusters.sh
# The package version is pinned, so the file comes out byte for byte the same.
set -euo pipefail
version=1.0.5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --dest "$work" "spacy-lookups-data==$version"
wheel=$(ls "$work"/spacy_lookups_data-"$version"-*.whl)
python3 - "$wheel" "$work/clusters.tsv" <<'PY'
import gzip, json, sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    clusters = json.loads(gzip.decompress(z.read("spacy_lookups_data/data/en_lexeme_cluster.json.gz")))
n = 0
with open(out, "w", encoding="utf-8") as f:
    for word, path in sorted(clusters.items()):
        # 0 means "no cluster"; words with white space cannot be tokens.
        if path and word and not any(c.isspace() for c in word):
            f.write(f"{word}\t{path}\n")
            n += 1
print(f"{n} words with a cluster", file=sys.stderr)
PY
cargo run --release -q -p newsgraph-nlp --example build_clusters -- "$work/clusters.tsv" crates/nlp/models/clusters.bin
