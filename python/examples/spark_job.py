"""newsgraph on Spark: read a table of articles, analyse them in the executors, write the
tables as Parquet and aggregate events between actor pairs by day.

    python examples/spark_job.py ARTICLES OUT [--master local[2]]
    spark-submit --py-files newsgraph-*.whl examples/spark_job.py ARTICLES OUT   (see docs/scaling.md)

ARTICLES is a Parquet file or directory, or JSON Lines (by extension: .json, .jsonl, .ndjson),
with a string column `text` and optionally `id`, `url`, `title`, `published` or `date`,
`outlet`, `authors`, `language` (the columns of `newsgraph.analyze_batch`). OUT receives

    OUT/documents, OUT/entities, OUT/quotes, OUT/attributions, OUT/events
        Parquet partitioned by `date`, with the schema of docs/tables.md (the store's export);
    OUT/actor_pairs_by_day
        one row per (date, source_actor, target_actor): events, mean Goldstein score, and
        counts per QuadClass (1 verbal cooperation … 4 material conflict).

Each task analyses its Arrow batches with `mapInArrow` on one thread (Spark runs one task per
core); a task's output is one row per document with the other tables nested in it
(`newsgraph.arrow`), exploded back into the tables here. It does no analysis of its own.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

import newsgraph
from newsgraph import arrow as ng_arrow

ARTICLE_COLUMNS = ("id", "text", "url", "title", "published", "date", "outlet", "authors", "author", "language")


def read_articles(spark: SparkSession, path: str) -> DataFrame:
    """The articles table, reduced to the columns newsgraph reads."""
    if path.endswith((".json", ".jsonl", ".ndjson")):
        frame = spark.read.json(path)
    else:
        frame = spark.read.parquet(path)
    if "text" not in frame.columns:
        raise SystemExit(f"{path}: no `text` column (columns: {', '.join(frame.columns)})")
    return frame.select(*[c for c in frame.columns if c in ARTICLE_COLUMNS])


def analyze(articles: DataFrame) -> DataFrame:
    """One row per document with entities, quotes, attributions and events nested in it."""

    def partition(batches: Any) -> Any:
        return ng_arrow.analyze_partition(batches, threads=1)

    return articles.mapInArrow(partition, ng_arrow.spark_schema())


def table(nested: DataFrame, name: str) -> DataFrame:
    """One of the four nested tables, exploded back into rows with its own schema."""
    return nested.select(F.explode(name).alias("row")).select("row.*")


def actor_pairs_by_day(events: DataFrame) -> DataFrame:
    """Events between actor pairs per day: count, mean Goldstein score, QuadClass counts."""
    quad = [F.sum((F.col("quad_class") == q).cast("int")).alias(f"quad_{q}") for q in (1, 2, 3, 4)]
    return (
        events.withColumn("target_actor", F.coalesce("target_actor", F.lit("")))
        .groupBy("date", "source_actor", "target_actor")
        .agg(F.count("*").alias("events"), F.avg("goldstein").alias("goldstein_mean"), *quad)
        .orderBy("date", "source_actor", "target_actor")
    )


def run(spark: SparkSession, articles_path: str, out: str) -> dict:
    """Run the whole job; returns counts and the elapsed seconds."""
    started = time.perf_counter()
    nested = analyze(read_articles(spark, articles_path)).persist()
    documents = nested.drop(*ng_arrow.NESTED)
    documents.write.mode("overwrite").partitionBy("date").parquet(f"{out}/documents")
    for name in ng_arrow.NESTED:
        table(nested, name).write.mode("overwrite").partitionBy("date").parquet(f"{out}/{name}")
    actor_pairs_by_day(table(nested, "events")).write.mode("overwrite").parquet(f"{out}/actor_pairs_by_day")
    sizes = [F.count("*").alias("documents")] + [F.sum(F.size(n)).alias(n) for n in ng_arrow.NESTED]
    counts = {k: int(v or 0) for k, v in nested.agg(*sizes).first().asDict().items()}
    nested.unpersist()
    counts["seconds"] = time.perf_counter() - started
    return counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", help="Parquet or JSON Lines table of articles")
    parser.add_argument("out", help="output directory")
    parser.add_argument("--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's)")
    parser.add_argument("--batch-rows", type=int, default=64, help="articles per Arrow batch")
    args = parser.parse_args(argv)
    builder = SparkSession.builder.appName("newsgraph")
    if args.master and args.master.startswith("local"):
        # Local executors run this Python, which has newsgraph installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if args.master:
        builder = builder.master(args.master)
    spark = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch_rows)).getOrCreate()
    try:
        counts = run(spark, args.articles, args.out)
    finally:
        spark.stop()
    seconds = counts.pop("seconds")
    print(", ".join(f"{n} {k}" for k, n in counts.items()), f"in {seconds:.1f} s "
          f"({counts['documents'] / seconds:.1f} documents/s), newsgraph {newsgraph.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
