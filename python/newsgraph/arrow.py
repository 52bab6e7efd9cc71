"""One row per document with the other four tables nested in it, for engines whose map step
returns a single table (Spark's ``mapInArrow``, Ray's ``map_batches``).

A nested row holds the ``documents`` columns and four list columns — ``entities``,
``quotes``, ``attributions``, ``events`` — whose items are rows of those tables with their
own schema (``docs/tables.md``), so exploding a list column gives back the table exactly.
This module defines no new columns and does no analysis.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

import pyarrow as pa

from . import MAX_DOCUMENT_BYTES, TABLE_NAMES, Tables, analyze_batch, schemas

NESTED = TABLE_NAMES[1:]
_COUNTS = {"entities": "n_entities", "quotes": "n_quotes", "attributions": "n_attributions", "events": "n_events"}


def nested_schema() -> pa.Schema:
    """The documents schema followed by one ``list<struct<…>>`` column per other table."""
    all_schemas = schemas()
    fields = list(all_schemas["documents"])
    for name in NESTED:
        fields.append(pa.field(name, pa.list_(pa.struct(list(all_schemas[name]))), nullable=False))
    return pa.schema(fields)


def nest(tables: Tables) -> pa.RecordBatch:
    """Fold the four tables into the documents table, one list per document (rows of every
    table are in document order; the documents' counts give the list boundaries)."""
    documents = tables.documents
    columns = list(documents.columns)
    schema = nested_schema()
    for name in NESTED:
        table = getattr(tables, name)
        counts = documents.column(_COUNTS[name]).to_pylist()
        offsets = [0]
        for n in counts:
            offsets.append(offsets[-1] + n)
        if offsets[-1] != table.num_rows:
            raise RuntimeError(f"{name}: documents count {offsets[-1]} rows but the table has {table.num_rows}")
        item_type = schema.field(name).type.value_type
        items = pa.StructArray.from_arrays(table.columns, fields=list(item_type))
        columns.append(pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), items, type=schema.field(name).type))
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def analyze_partition(
    batches: Iterable[Any],
    *,
    clean: bool = True,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    threads: int = 1,
) -> Iterator[pa.RecordBatch]:
    """Analyse a stream of article batches (columns as for :func:`newsgraph.analyze_batch`)
    into nested batches: the function to hand to ``DataFrame.mapInArrow`` with
    :func:`spark_schema`. One thread per task by default: Spark runs one task per core."""
    for batch in batches:
        yield nest(analyze_batch(batch, clean=clean, max_bytes=max_bytes, threads=threads))


def spark_schema() -> Any:
    """:func:`nested_schema` as a PySpark ``StructType`` (needs ``pyspark``)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(nested_schema())
