"""Run trafilatura over pages listed on stdin and print its extractions as JSON Lines.

Input: one JSON object per line, {"id": ..., "path": ..., "url": ...}.
Output: one line per page, {"id", "text", "title", "author", "date"}, then a last line
{"seconds": S, "cpu_seconds": C, "pages": N}, where S is the wall-clock time spent inside
trafilatura and C the process's CPU time over the same loop (files are read before the clocks
start). Used by `newsgraph eval extraction --peer`; never by the tests.
"""

import json
import sys
import time

import trafilatura


def main() -> None:
    items = [json.loads(line) for line in sys.stdin if line.strip()]
    pages = []
    for item in items:
        with open(item["path"], "rb") as f:
            pages.append((item, f.read()))
    results = []
    start = time.perf_counter()
    cpu_start = time.process_time()
    for item, data in pages:
        try:
            doc = trafilatura.bare_extraction(
                data, url=item.get("url"), include_comments=False, with_metadata=True
            )
        except Exception as exc:  # a failure on one page must not stop the run
            print(f"trafilatura failed on {item['path']}: {exc}", file=sys.stderr)
            doc = None
        results.append((item, doc))
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    for item, doc in results:
        if doc is not None and not isinstance(doc, dict):
            doc = doc.as_dict()
        doc = doc or {}
        out = {
            "id": item["id"],
            "text": doc.get("text") or "",
            "title": doc.get("title"),
            "author": doc.get("author"),
            "date": doc.get("date"),
        }
        print(json.dumps(out, ensure_ascii=False))
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "pages": len(pages)}))


if __name__ == "__main__":
    main()
