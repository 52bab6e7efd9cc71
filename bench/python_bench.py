"""Throughput of the Python package against the CLI on the same input, and of the Spark job in
local mode with one and two cores. A benchmark, not a test: results go to docs/scaling.md.

    .venv-test/bin/python bench/python_bench.py [--cli target/release/newsgraph] [--spark]

The corpus is the repository's samples (three stories and three briefs) repeated 50 times, or
with --polnear PolNeAR's 840 training articles (../shared/data/polnear/train/text; at the time
of writing one PolNeAR article sends the engine into unbounded recursion, see docs/scaling.md,
so that run crashes). Rates are documents
per CPU-second (the machine is shared, so CPU time is fairer than wall time), with one thread
on both sides: the CLI with RAYON_NUM_THREADS=1, Python with threads=1.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"


def corpus(polnear: bool) -> tuple[list[dict], str]:
    if polnear and POLNEAR.is_dir():
        files = sorted(POLNEAR.glob("*.txt"))
        return [{"id": f.stem, "text": f.read_text(encoding="utf-8", errors="replace")} for f in files], \
            f"PolNeAR train ({len(files)} articles)"
    if polnear:
        print(f"note: {POLNEAR} is missing; using the repository samples", file=sys.stderr)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    for line in (ROOT / "samples" / "briefs.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    docs = [{"id": f"s{i}", "text": texts[i % len(texts)]} for i in range(50 * len(texts))]
    return docs, f"samples x50 ({len(docs)} documents)"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(cli: str, path: str, threads: int | None) -> tuple[float, float]:
    env = dict(os.environ)
    if threads:
        env["RAYON_NUM_THREADS"] = str(threads)
    cpu0, wall0 = children_cpu(), time.perf_counter()
    subprocess.run([cli, "analyze", "--quiet", path], check=True, stdout=subprocess.DEVNULL, env=env)
    return children_cpu() - cpu0, time.perf_counter() - wall0


def run_python(fn) -> tuple[float, float]:
    cpu0, wall0 = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu0, time.perf_counter() - wall0


def line(name: str, n: int, cpu: float, wall: float) -> str:
    return f"{name:<44} {n / cpu:8.1f} docs/CPU-s {n / wall:8.1f} docs/s wall  ({cpu:.1f} CPU-s, {wall:.1f} s)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", default=str(ROOT / "target" / "release" / "newsgraph"))
    parser.add_argument("--spark", action="store_true", help="also run the Spark job in local[1] and local[2]")
    parser.add_argument("--polnear", action="store_true", help="use PolNeAR's training articles")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each measurement (best is kept)")
    args = parser.parse_args()
    import newsgraph

    docs, label = corpus(args.polnear)
    n = len(docs)
    mb = sum(len(d["text"].encode()) for d in docs) / 1e6
    print(f"corpus: {label}, {mb:.1f} MB; newsgraph {newsgraph.__version__}; CLI {args.cli}")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "articles.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            for d in docs:
                out.write(json.dumps(d) + "\n")
        newsgraph.analyze("Warm-up.")  # the models are loaded once per process
        runs = {
            "CLI analyze, 1 thread": lambda: run_cli(args.cli, path, 1),
            "Python analyze_batch(threads=1)": lambda: run_python(lambda: newsgraph.analyze_batch(docs, threads=1)),
            "Python analyze() per document": lambda: run_python(
                lambda: [newsgraph.analyze(d["text"], id=d["id"]) for d in docs]),
            "CLI analyze, all cores": lambda: run_cli(args.cli, path, None),
            "Python analyze_batch(), all cores": lambda: run_python(lambda: newsgraph.analyze_batch(docs)),
        }
        best = {}
        for _ in range(args.repeat):
            for name, run in runs.items():
                cpu, wall = run()
                if name not in best or cpu < best[name][0]:
                    best[name] = (cpu, wall)
        for name, (cpu, wall) in best.items():
            print(line(name, n, cpu, wall))
        cli_rate = n / best["CLI analyze, 1 thread"][0]
        py_rate = n / best["Python analyze_batch(threads=1)"][0]
        print(f"per core: Python batch / CLI = {py_rate / cli_rate:.3f}")
        if args.spark:
            for master in ("local[1]", "local[2]"):
                out_dir = os.path.join(tmp, master.replace("[", "").replace("]", ""))
                started = time.perf_counter()
                result = subprocess.run(
                    [sys.executable, str(ROOT / "python" / "examples" / "spark_job.py"), path, out_dir,
                     "--master", master], check=True, capture_output=True, text=True)
                total = time.perf_counter() - started
                print(f"Spark {master}: {result.stdout.strip().splitlines()[-1]}; "
                      f"{total:.1f} s with JVM start-up")
    return 0


if __name__ == "__main__":
    sys.exit(main())
