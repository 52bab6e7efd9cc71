"""Type stubs for newsgraph: news analysis (entities, quotations, attributions, events)."""

from typing import Any, Iterable, Mapping, NamedTuple, Optional, Union

import pyarrow as pa

__version__: str
MAX_DOCUMENT_BYTES: int
WIRE_SCHEMA: str
TABLE_NAMES: tuple[str, str, str, str, str]

_Article = Union[str, Mapping[str, Any]]

class Tables(NamedTuple):
    """The five tables of a batch (schema in docs/tables.md)."""

    documents: pa.RecordBatch
    entities: pa.RecordBatch
    quotes: pa.RecordBatch
    attributions: pa.RecordBatch
    events: pa.RecordBatch

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
    max_bytes: int = ...,
) -> dict[str, Any]:
    """Analyse one article; returns the `newsgraph/1` record that `newsgraph analyze` prints
    (keys: schema, id, url, outlet, title, published, authors, language, origin,
    duplicate_of, meta, text, entities, quotes, attributions, events, diagnostics).

    Raises TypeError for a non-str text (None included), ValueError for lone surrogates or
    a text longer than max_bytes UTF-8 bytes. Releases the GIL while the engine runs."""

def analyze_batch(
    documents: Union[Iterable[_Article], pa.RecordBatch, pa.Table, Any],
    *,
    clean: bool = True,
    max_bytes: int = ...,
    threads: Optional[int] = None,
) -> Tables:
    """Analyse many articles (str, mappings with a "text" key, or an Arrow batch/table with
    a `text` column) and return the five tables as pyarrow record batches, built in Rust
    with the GIL released. threads=None uses every core; threads=1 suits Spark tasks.

    Raises TypeError for a document that is not a str or mapping, ValueError for lone
    surrogates, null or oversized texts and threads=0, naming the document's position."""

def schemas() -> dict[str, pa.Schema]:
    """The five tables' schemas, keyed by name."""

def components() -> list[str]:
    """Names of the pipeline's components, in order."""
