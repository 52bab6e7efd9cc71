"""The Spark example in local[2] mode on the samples gives, document by document, the same
quotations and events as `newsgraph analyze` on the same corpus, and its actor-pair
aggregate adds up the CLI's events."""

from __future__ import annotations

import collections
import importlib.util
import json
import os
import sys

import pyarrow.parquet as pq
import pytest

from conftest import ROOT, corpus_records

pyspark = pytest.importorskip("pyspark", reason="pyspark is installed by scripts/test-python.sh")


def load_job():
    spec = importlib.util.spec_from_file_location("spark_job", ROOT / "python" / "examples" / "spark_job.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The executors' Python must be this one (with newsgraph and pyarrow installed).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("newsgraph-test")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "3")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.ui.enabled", "false")
               .getOrCreate())
    yield session
    session.stop()


def shape(kind):
    """A type with list item names and nullability left out (Spark writes its own)."""
    import pyarrow as pa

    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return ("list", shape(kind.value_type))
    if pa.types.is_struct(kind):
        return ("struct", tuple((f.name, shape(f.type)) for f in kind))
    return str(kind)


def rows(path) -> list[dict]:
    return pq.read_table(path, partitioning="hive").to_pylist()


@pytest.fixture(scope="module")
def job_run(spark, tmp_path_factory):
    """The job run once on the corpus as JSON Lines: (corpus path, output directory, counts)."""
    tmp_path = tmp_path_factory.mktemp("spark")
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in corpus_records()), encoding="utf-8")
    counts = load_job().run(spark, str(corpus), str(tmp_path / "out"))
    return corpus, tmp_path, counts


def test_spark_job_matches_the_cli(job_run, cli):
    records = corpus_records()
    corpus, tmp_path, counts = job_run

    expected = {r["id"]: r for r in cli(corpus)}
    assert counts["documents"] == len(expected) == len(records)

    quotes = collections.defaultdict(list)
    for q in rows(tmp_path / "out" / "quotes"):
        quotes[q["doc_id"]].append((q["quote_id"], q["start"], q["end"], q["kind"], q["speaker_id"],
                                    q["attribution_id"]))
    events = collections.defaultdict(list)
    for v in rows(tmp_path / "out" / "events"):
        events[v["doc_id"]].append((v["event_id"], v["cameo"], v["source_actor"], v["target_actor"],
                                    v["cue_start"], v["cue_end"], v["negated"], v["modality"]))
    total_quotes = total_events = 0
    for doc_id, record in expected.items():
        cli_quotes = [(q["id"], q["span"][0], q["span"][1], q["kind"], q["speaker"], q["attribution"])
                      for q in record["quotes"]]
        cli_events = [(v["id"], v["cameo"], v["source"]["actor"], (v["target"] or {}).get("actor"),
                       v["cue"][0], v["cue"][1], v["negated"], v["modality"]) for v in record["events"]]
        assert sorted(quotes[doc_id]) == sorted(cli_quotes), doc_id
        assert sorted(events[doc_id]) == sorted(cli_events), doc_id
        total_quotes += len(cli_quotes)
        total_events += len(cli_events)
    assert counts["quotes"] == total_quotes > 10
    assert counts["events"] == total_events > 0
    assert set(quotes) <= set(expected) and set(events) <= set(expected)

    # The aggregate: events per (day, source actor, target actor) as counted from the CLI.
    wanted = collections.Counter()
    for record in expected.values():
        day = (record["published"] or "")[:10] or None
        for v in record["events"]:
            wanted[(day, v["source"]["actor"], (v["target"] or {}).get("actor") or "")] += 1
    pairs = {(str(r["date"]) if r["date"] else None, r["source_actor"], r["target_actor"]): r["events"]
             for r in rows(tmp_path / "out" / "actor_pairs_by_day")}
    assert pairs == dict(wanted)


def test_spark_tables_have_the_shared_schema(job_run):
    import newsgraph

    _, tmp_path, counts = job_run
    for name, schema in newsgraph.schemas().items():
        written = pq.read_table(tmp_path / "out" / name, partitioning="hive")
        assert written.num_rows == counts[name] > 0, name
        # Spark writes every column as nullable, names list items its own way and puts the
        # partition column last; names and types are the schema's.
        ours = {f.name: f.type for f in written.schema}
        theirs = {f.name: f.type for f in schema}
        assert ours.keys() == theirs.keys(), name
        for column, kind in theirs.items():
            if column == "date":
                continue
            assert shape(ours[column]) == shape(kind), (name, column, ours[column], kind)


def test_parquet_input_gives_the_same_events(spark, job_run, tmp_path):
    import pyarrow as pa

    _, first, counts = job_run
    records = [r for r in corpus_records() if r["id"].startswith("event-")]
    articles = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(records), articles)
    again = load_job().run(spark, str(articles), str(tmp_path / "out"))
    assert again["documents"] == len(records)

    def events(path):
        return sorted((v["doc_id"], v["event_id"], v["cameo"]) for v in rows(path / "out" / "events")
                      if v["doc_id"].startswith("event-"))

    assert len(events(tmp_path)) == again["events"] > 0
    assert events(tmp_path) == events(first)
