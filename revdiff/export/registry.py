"""The export formats by name: each one's renderer (runs on workers) and writer (runs locally).

Imports are lazy so that a worker only loads the modules of the format it renders, and so that
pyarrow is only needed when Parquet is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from revdiff.export.extras import require_pyarrow
from revdiff.export.records import ArticleRef
from revdiff.export.staging import Staging
from revdiff.export.writers import ExportWriter
from revdiff.model import Article, Comparison

FORMAT_NAMES = ("jsonl", "csv", "sqlite", "parquet", "html", "unified")
# Formats that can be written to standard output (`-o -`): their edits table or their text.
STREAM_FORMATS = ("jsonl", "csv", "unified")
# Formats of a row per version pair, which write a long article in parts of its pairs
# (`revdiff.export.article_parts.in_parts`); an HTML page and a unified diff take the article whole.
PART_FORMATS = ("jsonl", "csv", "parquet", "sqlite")

# A renderer turns one article's comparisons (or a part's of a long article, whose `article`
# holds the part's versions) into (payload for the writer, number of rows). They
# come one at a time (`revdiff.export.pairs.compared_pairs`): one that keeps only the rows of each
# holds a single comparison of a live blog's many at once.
Renderer = Callable[[ArticleRef, Article, Iterable[Comparison]], tuple[Any, int]]


def check_available(name: str, option: str | None = None) -> None:
    """Raise MissingExtra before any work starts when the format's extra is not installed,
    naming `option`, the command line's option that chose the format, if any."""
    if name == "parquet":
        require_pyarrow(option)


def renderer(name: str, opens_article: bool = True) -> Renderer:
    """The format's renderer; `opens_article` False for a long article's later part, whose first
    version an earlier part rendered (only SQLite writes rows of each version: its renderer
    leaves that version's out)."""
    if name == "jsonl":
        from revdiff.export.writers import render_jsonl
        return render_jsonl
    if name == "csv":
        from revdiff.export.writers import render_csv
        return render_csv
    if name == "sqlite":
        from revdiff.export.newsedits_sqlite import render_sqlite
        return partial(render_sqlite, opens_article=opens_article)
    if name == "parquet":
        from revdiff.export.parquet import render_parquet
        return render_parquet
    if name == "html":
        from revdiff.export.html_report import render_html
        return render_html
    if name == "unified":
        from revdiff.export.patch_text import render_unified
        return render_unified
    raise ValueError(f"unknown export format {name!r}")


def output_paths(name: str, out: Path) -> list[Path]:
    """Every path the format replaces when the run is published."""
    if name in ("jsonl", "csv", "parquet"):
        from revdiff.export.writers import table_paths
        return list(table_paths(out, name))
    return [out]


def make_writer(name: str, out: Path, staging: Staging) -> ExportWriter:
    if name == "jsonl":
        from revdiff.export.writers import JsonlWriter
        return JsonlWriter(out, staging)
    if name == "csv":
        from revdiff.export.writers import CsvWriter
        return CsvWriter(out, staging)
    if name == "sqlite":
        from revdiff.export.newsedits_sqlite import NewsEditsSqliteWriter
        return NewsEditsSqliteWriter(out, staging)
    if name == "parquet":
        from revdiff.export.parquet import ParquetWriter
        return ParquetWriter(out, staging)
    if name == "html":
        from revdiff.export.html_report import HtmlReportWriter
        return HtmlReportWriter(out, staging)
    if name == "unified":
        from revdiff.export.writers import SingleTextWriter
        return SingleTextWriter(out, staging)
    raise ValueError(f"unknown export format {name!r}")
