"""newsgraph: turn raw news into data — entities, quotations with resolved speakers,
attributed claims and CAMEO/PLOVER events — from Python.

The engine is the Rust core, compiled into this package (models included). Two entry points:

- :func:`analyze` analyses one article and returns the same record as ``newsgraph analyze``
  prints (the ``newsgraph/1`` wire format, as dicts and lists).
- :func:`analyze_batch` analyses many articles in one call, with the GIL released, and returns
  the five Arrow tables (documents, entities, quotes, attributions, events) as
  ``pyarrow.RecordBatch`` objects built in Rust and handed over through the Arrow C data
  interface — no JSON on the way. Their schema is the one of the Parquet export
  (``docs/tables.md``).

>>> import newsgraph
>>> doc = newsgraph.analyze("“We will not comment,” a spokesman said on Monday.")
>>> doc["quotes"][0]["kind"]
'direct'

This module only checks and forwards arguments; it does no analysis of its own.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, NamedTuple, Optional, Union

from . import _newsgraph
from ._newsgraph import MAX_DOCUMENT_BYTES, WIRE_SCHEMA, __version__

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "WIRE_SCHEMA",
    "Tables",
    "__version__",
    "analyze",
    "analyze_batch",
    "components",
    "schemas",
]

TABLE_NAMES = ("documents", "entities", "quotes", "attributions", "events")


class Tables(NamedTuple):
    """The five tables of a batch, as ``pyarrow.RecordBatch`` objects (schema in
    ``docs/tables.md``). Rows refer to each other by ``doc_id`` and the wire ids
    (``e1``, ``q1``, ``a1``, ``v1``); spans are character offsets into ``documents.text``."""

    documents: Any
    entities: Any
    quotes: Any
    attributions: Any
    events: Any


def analyze(
    text: str,
    *,
    id: Optional[str] = None,
    url: Optional[str] = None,
    title: Optional[str] = None,
    published: Optional[str] = None,
    outlet: Optional[str] = None,
    authors: Union[str, Iterable[str], None] = None,
    language: Optional[str] = None,
    meta: Optional[Mapping[str, Any]] = None,
    origin: Optional[str] = None,
    sentences: bool = False,
    tokens: bool = False,
    clean: bool = True,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> dict:
    """Analyse one article and return its ``newsgraph/1`` record as Python objects.

    The record is exactly what ``newsgraph analyze`` prints for a JSON Lines record with the
    same fields (``id``, ``text``, ``url``, ``title``, ``date``, ``outlet``, ``author``,
    ``language``; other ``meta`` keys are carried in the record's ``meta``): the text is
    cleaned of page debris unless ``clean=False``, ``published`` is read like the CLI reads
    dates, and the language is detected. ``id`` defaults to ``"-"`` (what the CLI calls
    standard input); ``origin`` is left empty unless given.

    ``sentences=True`` and ``tokens=True`` add sentence spans and tokens, like the CLI's
    ``--sentences`` and ``--tokens``.

    Raises ``TypeError`` when ``text`` is not a ``str`` (``None`` included) and
    ``ValueError`` when it holds lone surrogates or is longer than ``max_bytes`` UTF-8 bytes.
    The GIL is released while the engine runs.
    """
    return _newsgraph.analyze(
        text,
        id=id,
        url=url,
        title=title,
        published=published,
        outlet=outlet,
        authors=authors,
        language=language,
        meta=meta,
        origin=origin,
        sentences=sentences,
        tokens=tokens,
        clean=clean,
        max_bytes=max_bytes,
    )


def _is_arrow(documents: Any) -> bool:
    return hasattr(documents, "__arrow_c_array__") or hasattr(documents, "__arrow_c_stream__")


def analyze_batch(
    documents: Any,
    *,
    clean: bool = True,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    threads: Optional[int] = None,
) -> Tables:
    """Analyse many articles and return the five tables as ``pyarrow.RecordBatch`` objects.

    ``documents`` is either

    - an iterable of ``str`` or of mappings with a ``"text"`` key and optionally ``"id"``,
      ``"url"``, ``"title"``, ``"published"``, ``"outlet"``, ``"authors"``, ``"language"``
      and ``"meta"`` (ids default to the position, ``"0"``, ``"1"``, …); or
    - a ``pyarrow.RecordBatch`` or ``pyarrow.Table`` (or anything with the Arrow PyCapsule
      interface) with a string column ``text`` and optionally ``id``, ``url``, ``title``,
      ``published`` (or ``date``, string or date32), ``outlet``, ``authors`` (list of strings)
      or ``author``, ``language``. Other columns are ignored. This is the path for Spark's
      ``mapInArrow``, Ray Data's ``map_batches`` and Dask partitions.

    Every document is read like a JSON Lines record by ``newsgraph analyze`` and analysed
    with the GIL released, on ``threads`` threads (``None``: every core; use ``1`` inside a
    Spark task or a process pool, where the parallelism is already outside). Rows are in
    document order.

    Raises ``TypeError`` for a document that is not a ``str`` or mapping or a ``None`` text,
    ``ValueError`` for lone surrogates, a null text in an Arrow column, a text longer than
    ``max_bytes`` or ``threads=0``; the error names the document's position.
    """
    if isinstance(documents, (str, bytes)):
        raise TypeError("documents must be an iterable of articles or an Arrow table, not a single str; "
                        "use analyze() for one article")
    if _is_arrow(documents):
        import pyarrow as pa

        if isinstance(documents, pa.Table) or not hasattr(documents, "__arrow_c_array__"):
            table = pa.table(documents)
            batches = table.combine_chunks().to_batches() or [pa.RecordBatch.from_pylist([], table.schema)]
            parts = [_newsgraph.analyze_arrow(b, clean=clean, max_bytes=max_bytes, threads=threads)
                     for b in batches]
            if len(parts) == 1:
                return Tables(**parts[0])
            return Tables(**{name: _concat([p[name] for p in parts]) for name in TABLE_NAMES})
        return Tables(**_newsgraph.analyze_arrow(documents, clean=clean, max_bytes=max_bytes, threads=threads))
    return Tables(**_newsgraph.analyze_list(documents, clean=clean, max_bytes=max_bytes, threads=threads))


def _concat(batches: list) -> Any:
    import pyarrow as pa

    table = pa.Table.from_batches(batches).combine_chunks()
    return table.to_batches()[0] if table.num_rows else batches[0]


def schemas() -> dict:
    """The five tables' schemas as ``pyarrow.Schema`` objects, keyed by table name."""
    return _newsgraph.schemas()


def components() -> list:
    """Names of the pipeline's components, in the order they run."""
    return _newsgraph.components()
