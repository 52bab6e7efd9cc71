"""Shared fixtures: the repository's sample articles and the `newsgraph` CLI to compare with."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


def cli_path() -> str:
    """The CLI binary: $NEWSGRAPH_CLI (set by scripts/test-python.sh), else `newsgraph` on PATH."""
    path = os.environ.get("NEWSGRAPH_CLI") or shutil.which("newsgraph")
    if not path or not Path(path).exists():
        pytest.fail("the newsgraph CLI is needed to compare with: run scripts/test-python.sh "
                    "or set NEWSGRAPH_CLI to the binary")
    return path


def run_cli(*inputs: Path | str, cwd: Path = ROOT) -> list[dict]:
    """`newsgraph analyze --quiet INPUTS`, parsed."""
    out = subprocess.run([cli_path(), "analyze", "--quiet", *map(str, inputs)], cwd=cwd,
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def cli():
    return run_cli


def corpus_records() -> list[dict]:
    """The samples as JSON Lines records with the CLI's default field names (id, text, title,
    date, outlet): the three stories and the briefs (whose `published` becomes `date`)."""
    records = []
    for path in sorted(SAMPLES.glob("*.txt")):
        records.append({"id": path.stem, "text": path.read_text(encoding="utf-8"), "date": "2026-03-05"})
    for line in (SAMPLES / "briefs.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            obj["date"] = obj.pop("published", None)
            records.append(obj)
    for i, (day, text) in enumerate(EVENT_BRIEFS, start=1):
        records.append({"id": f"event-{i}", "text": text, "date": day, "outlet": "Test Wire"})
    return records


# One-sentence briefs written for these tests (public domain), each with a clear event, so
# that the comparison of events is not vacuous; two share a day and an actor pair.
EVENT_BRIEFS = [
    ("2026-03-02", "Egypt accused Ethiopia of stalling the talks on the dam."),
    ("2026-03-02", "Egypt again accused Ethiopia of stalling the talks on Monday."),
    ("2026-03-03", "The president of France met the prime minister of India in Paris on Tuesday."),
    ("2026-03-03", "Israel struck targets in Lebanon overnight, the army said."),
    ("2026-03-04", "China criticised Japan over the islands on Wednesday."),
    ("2026-03-04", "Kenya and Uganda signed a trade agreement in Nairobi."),
    (None, "Germany pledged aid to Ukraine after talks in Berlin."),
]
