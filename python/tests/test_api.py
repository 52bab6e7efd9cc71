"""The Python API: analyze() gives the CLI's records, analyze_batch() the five Arrow tables,
bad input raises clear exceptions, and the GIL is released while the engine works."""

from __future__ import annotations

import json
import threading
import time

import pyarrow as pa
import pytest

import newsgraph
from newsgraph import arrow as ng_arrow

from conftest import SAMPLES, corpus_records

QUOTE = "“We will not comment,” a spokesman for the ministry said on Monday."


def test_analyze_returns_the_wire_record():
    doc = newsgraph.analyze(QUOTE, id="d1")
    assert doc["schema"] == newsgraph.WIRE_SCHEMA == "newsgraph/1"
    assert doc["id"] == "d1"
    assert doc["text"] == QUOTE
    assert [q["kind"] for q in doc["quotes"]] == ["direct"]
    assert "origin" not in doc


@pytest.mark.parametrize("name", ["nile-talks.txt", "port-strike.txt", "wire-report.txt"])
def test_analyze_equals_the_cli_on_a_text_file(cli, name):
    path = f"samples/{name}"
    [expected] = cli(path)
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert newsgraph.analyze(text, id=path, origin=path) == expected
    assert expected["quotes"], "the sample has quotations, so the comparison is not vacuous"


def test_analyze_equals_the_cli_on_json_lines_records(cli):
    expected = cli("samples/briefs.jsonl")
    lines = [line for line in (SAMPLES / "briefs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(expected) == len(lines) >= 3
    for n, line in enumerate(lines, start=1):
        obj = json.loads(line)
        known = {k: obj.pop(k) for k in ("id", "title", "outlet", "url") if k in obj}
        text = obj.pop("text")
        ours = newsgraph.analyze(text, **known, meta=obj, origin=f"samples/briefs.jsonl:{n}")
        # The CLI links copies across its whole input (the file holds one story twice);
        # analyze() sees one document at a time, so that link is the only difference.
        cli_record = dict(expected[n - 1])
        duplicate_of = cli_record.pop("duplicate_of", None)
        if duplicate_of is not None:
            cli_record["diagnostics"] = [d for d in cli_record["diagnostics"] if d["stage"] != "dedup"]
            if not cli_record["diagnostics"]:
                del cli_record["diagnostics"]
        assert ours == cli_record
    assert sum("duplicate_of" in r for r in expected) == 1, "the syndicated brief is linked once"


def test_metadata_is_read_like_the_cli_reads_it():
    doc = newsgraph.analyze("Talks resumed in Cairo on Monday.", id="m", title="Talks\n resume",
                            published="March 2, 2026", authors="A. Writer", outlet="Wire",
                            url="https://example.org/a", meta={"section": "world"})
    assert (doc["title"], doc["published"], doc["authors"]) == ("Talks resume", "2026-03-02", ["A. Writer"])
    assert (doc["outlet"], doc["url"], doc["meta"]) == ("Wire", "https://example.org/a", {"section": "world"})


def test_sentences_and_tokens_are_optional():
    plain = newsgraph.analyze(QUOTE)
    full = newsgraph.analyze(QUOTE, sentences=True, tokens=True)
    assert plain.get("tokens") is None and plain.get("sentences") is None
    assert len(full["tokens"]) > 10 and len(full["sentences"]) == 1


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (None, TypeError, "text must be str, not None"),
        (42, TypeError, "text must be str, not int"),
        (b"bytes", TypeError, "text must be str, not bytes"),
        (["a list"], TypeError, "text must be str, not list"),
        ("lone \ud800 surrogate", ValueError, "text is not valid Unicode"),
    ],
)
def test_bad_text_raises_a_clear_exception(value, error, message):
    with pytest.raises(error, match=message):
        newsgraph.analyze(value)


def test_huge_strings_are_refused_without_crashing():
    huge = "x" * (newsgraph.MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(ValueError, match="more than the limit"):
        newsgraph.analyze(huge)
    # Fewer characters than the limit but more bytes: caught after encoding.
    wide = "é" * 600
    with pytest.raises(ValueError, match="1200 bytes of text, more than the limit of 1000"):
        newsgraph.analyze(wide, max_bytes=1000)
    assert newsgraph.analyze(wide, max_bytes=1200)["text"] == wide


def test_bad_metadata_raises_a_clear_exception():
    with pytest.raises(TypeError, match="url must be str, not int"):
        newsgraph.analyze("Text.", url=5)
    with pytest.raises(TypeError, match="meta must be a dict"):
        newsgraph.analyze("Text.", meta=[1])
    with pytest.raises(ValueError, match="metadata key `date` is reserved"):
        newsgraph.analyze("Text.", meta={"date": "2026-01-01"})


def test_batch_returns_the_five_tables_with_the_shared_schema():
    tables = newsgraph.analyze_batch([QUOTE, {"id": "b", "text": "Egypt accused Ethiopia of stalling.",
                                              "published": "2026-03-02"}])
    schemas = newsgraph.schemas()
    assert tables._fields == newsgraph.TABLE_NAMES
    for name in newsgraph.TABLE_NAMES:
        batch = getattr(tables, name)
        assert isinstance(batch, pa.RecordBatch)
        assert batch.schema.equals(schemas[name]), name
    assert tables.documents.column("doc_id").to_pylist() == ["0", "b"]
    assert tables.quotes.column("doc_id").to_pylist()[0] == "0"
    assert tables.events.column("doc_id").to_pylist() == ["b"]
    assert str(tables.documents.column("date")[1]) == "2026-03-02"


def test_batch_rows_match_single_analysis():
    records = corpus_records()
    tables = newsgraph.analyze_batch([{k: r[k] for k in ("id", "text")} for r in records])
    quotes = tables.quotes.to_pylist()
    events = tables.events.to_pylist()
    assert len(quotes) > 5 and len(events) > 0
    for r in records:
        single = newsgraph.analyze(r["text"], id=r["id"])
        ours = [(q["quote_id"], q["start"], q["end"], q["kind"], q["speaker_id"])
                for q in quotes if q["doc_id"] == r["id"]]
        assert ours == [(q["id"], q["span"][0], q["span"][1], q["kind"], q["speaker"])
                        for q in single["quotes"]], r["id"]
        ours = [(v["event_id"], v["cameo"], v["source_actor"]) for v in events if v["doc_id"] == r["id"]]
        assert ours == [(v["id"], v["cameo"], v["source"]["actor"]) for v in single["events"]], r["id"]


def test_arrow_input_gives_the_same_tables_as_a_list():
    records = corpus_records()
    table = pa.table({
        "id": pa.array([r["id"] for r in records], pa.large_string()),
        "text": pa.array([r["text"] for r in records], pa.large_string()),
        "date": pa.array([r.get("date") for r in records]).cast(pa.date32()),
        "ignored": pa.array(range(len(records))),
    })
    from_arrow = newsgraph.analyze_batch(table)
    from_list = newsgraph.analyze_batch(
        [{"id": r["id"], "text": r["text"], "published": r.get("date")} for r in records])
    for name in newsgraph.TABLE_NAMES:
        assert getattr(from_arrow, name).equals(getattr(from_list, name)), name
    chunked = pa.Table.from_batches(table.to_batches(max_chunksize=2))
    assert newsgraph.analyze_batch(chunked).events.equals(from_list.events)
    assert newsgraph.analyze_batch(table.to_batches()[0], threads=1).quotes.equals(from_list.quotes)


@pytest.mark.parametrize(
    ("documents", "error", "message"),
    [
        ("one article", TypeError, "not a single str"),
        ([QUOTE, 7], TypeError, r"documents\[1\] must be str or a mapping"),
        ([None], TypeError, r"documents\[0\] must be str, not None"),
        ([{"id": "x"}], ValueError, r"documents\[0\] has no 'text' key"),
        ([{"text": None}], TypeError, r"documents\[0\]\['text'\] must be str, not None"),
        (["fine", "bad \udcff"], ValueError, r"documents\[1\] is not valid Unicode"),
        (pa.table({"text": ["ok", None]}), ValueError, r"row 1 \(`1`\): text is null"),
        (pa.table({"body": ["no text column"]}), ValueError, "no `text` column"),
        (pa.table({"text": [1, 2]}), TypeError, "column `text` has type Int64; expected strings"),
    ],
)
def test_bad_batches_raise_clear_exceptions(documents, error, message):
    with pytest.raises(error, match=message):
        newsgraph.analyze_batch(documents)


def test_batch_limits_and_threads():
    with pytest.raises(ValueError, match=r"document 1 \(`big`\) has 12 bytes of text, more than the limit of 10"):
        newsgraph.analyze_batch(["short", {"id": "big", "text": "éééééé"}], max_bytes=10)
    with pytest.raises(ValueError, match=r"documents\[0\] has 11 characters, more than the limit of 10 bytes"):
        newsgraph.analyze_batch(["eleven char"], max_bytes=10)
    with pytest.raises(ValueError, match="cannot run on 0 threads"):
        newsgraph.analyze_batch(["text"], threads=0)
    assert newsgraph.analyze_batch([], threads=2).documents.num_rows == 0


def test_the_gil_is_released_while_a_batch_runs():
    # Enough text for the call to outlast Python's thread switch interval many times over
    # (about 0.3 s on a laptop core; a faster machine still leaves room above the floor below).
    docs = [r["text"] for r in corpus_records()] * 20
    done = threading.Event()
    result = {}

    def work():
        result["tables"] = newsgraph.analyze_batch(docs, threads=1)
        done.set()

    worker = threading.Thread(target=work)
    started = last = time.perf_counter()
    longest_pause = 0.0
    worker.start()
    while not done.is_set():
        now = time.perf_counter()
        longest_pause = max(longest_pause, now - last)
        last = now
    elapsed = time.perf_counter() - started
    worker.join()
    assert result["tables"].documents.num_rows == len(docs)
    # Were the GIL held for the whole call, this loop would stall for all of it.
    assert elapsed > 0.05 and longest_pause < elapsed / 2, (elapsed, longest_pause)


def test_nested_rows_explode_back_into_the_tables():
    tables = newsgraph.analyze_batch([r["text"] for r in corpus_records()])
    nested = ng_arrow.nest(tables)
    assert nested.num_rows == tables.documents.num_rows
    assert nested.schema.equals(ng_arrow.nested_schema())
    for name in ng_arrow.NESTED:
        rows = [item for items in nested.column(name).to_pylist() for item in items]
        assert rows == getattr(tables, name).to_pylist(), name


def test_components_and_version():
    assert newsgraph.components()[0] == "segmenter"
    assert newsgraph.__version__.count(".") == 2
