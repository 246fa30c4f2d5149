"""NewsEdits SQLite files built for the tests: the table NewsEdits' own files have
(`NEWSEDITS_TABLE`); `make_database`, which writes a file of one table and its rows; revdiff's
export of a page of versions 0 and 2 (`exported_time_from_page`); and a database in WAL mode
copied without its `-shm` (`wal_copied_without_shm`)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from revdiff.export.driver import ExportJob, run_export
from revdiff.model import Version
from revdiff.render.sniffer import PageInfo, render_diff_text

# The `entryversion` table as NewsEdits writes it: a row for each version of each entry.
NEWSEDITS_TABLE = ("CREATE TABLE entryversion (id INTEGER PRIMARY KEY, entry_id INT, version INT, "
                   "title TEXT, url TEXT, source TEXT, created TEXT, num_versions INT, "
                   "summary TEXT)")


def make_database(path: Path, create: str, rows: list[tuple[object, ...]]) -> Path:
    """`path`, an SQLite file of the table `create` makes (`CREATE TABLE name (...)`) holding
    `rows`, a value for each of its columns in each."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(create)
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            table = create.split()[2]
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        connection.commit()
    return path


def exported_time_from_page(folder: Path) -> Path:
    """`folder/news.sqlite`, revdiff's SQLite export of a News Sniffer page comparing versions 0
    and 2 of three (`v0-v2.txt`, version 2 "about 3 hours later"): its `time_from` cells are
    the ones the tests of a time's version rewrite."""
    versions = [Version(n, "Head", ("Kept.", "Added.", "More.")[:n + 1]) for n in range(3)]
    page = folder / "v0-v2.txt"
    page.write_text(render_diff_text(versions[0], versions[2],
                                     PageInfo(time_text="about 3 hours later")), "utf-8")
    out = folder / "news.sqlite"
    run_export(ExportJob((str(page),), out, "sqlite"))
    return out


def wal_copied_without_shm(folder: Path) -> Path:
    """`folder/copied/ne.sqlite`: a database in WAL mode with changes in its `-wal`, copied
    beside that `-wal` but without its `-shm` while the writer (in `folder/writer`) had them
    open, as a backup of a tracker's running files is."""
    writer_folder, copied = folder / "writer", folder / "copied"
    writer_folder.mkdir()
    copied.mkdir()
    writer = sqlite3.connect(writer_folder / "ne.sqlite")
    writer.execute("PRAGMA journal_mode=wal")
    writer.execute("CREATE TABLE entryversion (entry_id, version, summary)")
    writer.execute("INSERT INTO entryversion VALUES (1, 0, 'A.'), (1, 1, 'B.')")
    writer.commit()
    for name in ("ne.sqlite", "ne.sqlite-wal"):
        (copied / name).write_bytes((writer_folder / name).read_bytes())
    writer.close()
    return copied / "ne.sqlite"
