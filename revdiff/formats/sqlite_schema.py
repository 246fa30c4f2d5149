"""What a SQLite input holds: read-only opening, its tables and columns, and which tracker wrote it.

Trackers leave SQLite files of their own shapes. The tables tell them apart:
NewsEdits has `entryversion` with a version column; diffengine has `entryversion` without one
(its versions are ordered by `created`) next to an `entry` table; NYTdiff has `nyt_versions`
(the original) or `rss_versions` (its RSS fork). Anything else is refused with its table names.
"""

from __future__ import annotations

import os
import re
import shlex
import sqlite3
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from revdiff.errors import (
    EmptyInput,
    InputTooLarge,
    MalformedPage,
    RevdiffError,
    UnknownFormat,
    os_reason,
)
from revdiff.file_kinds import open_without_waiting, special_kind
from revdiff.formats.fields import (
    MAX_NUMBER,
    digits_value,
    leap_second_warning,
    not_a_time_reason,
    parse_iso_time,
    seconds_or_milliseconds_time,
    shown,
)
from revdiff.formats.listed_file import refuse_reopened_elsewhere
from revdiff.formats.text_input import RAISED_LIMIT_IN_PYTHON, resolved, too_large
from revdiff.read_warnings import first_few
from revdiff.size_limit import DEFAULT_MAX_BYTES, MAX_SIZE_ENV, format_size
from revdiff.stop_signals import stop_dropped_by_callback

READ_FORMATS = ("NewsEdits (entryversion with a version column), diffengine (entry, entryversion) "
                "and NYTdiff (nyt_versions or rss_versions) databases")


class DatabaseKind(StrEnum):
    NEWSEDITS = "newsedits"
    DIFFENGINE = "diffengine"
    NYTDIFF = "nytdiff"

    @property
    def tracker(self) -> str:
        """The tracker's name as it spells it: NewsEdits, diffengine, NYTdiff."""
        return _TRACKER_NAMES[self]


_TRACKER_NAMES = {DatabaseKind.NEWSEDITS: "NewsEdits", DatabaseKind.DIFFENGINE: "diffengine",
                  DatabaseKind.NYTDIFF: "NYTdiff"}


@dataclass(frozen=True, slots=True)
class Table:
    """A table's name as the file spells it and its columns, keyed by their lower-case names."""

    name: str
    columns: dict[str, str]

    def column(self, *candidates: str) -> str | None:
        """The first of `candidates` (lower-case) that the table has, as the file spells it."""
        return next((self.columns[c] for c in candidates if c in self.columns), None)


# A version column NewsEdits files have and diffengine's entryversion lacks.
_VERSION_COLUMNS = ("version", "version_id", "version_number", "num")
NYTDIFF_TABLES = ("nyt_versions", "rss_versions")
# The tables of the files NewsEdits ships an outlet's sentences in, apart from its versions
# (`ap-matched-sentences.db` beside `ap.db`).
NEWSEDITS_SENTENCE_TABLES = ("split_sentences", "matched_sentences")


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def opened_to_check(path: Path) -> BinaryIO:
    """The database `path` opened for its checks to read, and for each connection SQLite opens
    to it by its path to be checked against (`open_read_only`'s `checked`); refused in one line
    where it cannot be opened."""
    try:
        return open_without_waiting(path)
    except OSError as error:
        raise EmptyInput(f"cannot read the file ({os_reason(error)})", str(path),
                         hint="check that it exists and that you may read it") from None


def open_read_only(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
                   checked: int | None = None) -> sqlite3.Connection:
    """`path` opened as `_opened_read_only` opens it, its checks reading the file `checked` is
    the descriptor of, else one opened here (`opened_to_check`); refused unless SQLite opened
    that file (`listed_file.refuse_reopened_elsewhere`)."""
    if checked is None:
        with opened_to_check(path) as handle:
            return open_read_only(path, max_bytes, handle.fileno())
    connection = _opened_read_only(path, max_bytes, checked)
    try:
        refuse_reopened_elsewhere(checked, str(path))
    except RevdiffError:
        connection.close()
        raise
    return connection


def _opened_read_only(path: Path, max_bytes: int, opened: int) -> sqlite3.Connection:
    """Open `path` without any chance of writing to it or beside it (no journal is created). Its
    header and size are read from `opened`, a descriptor of the file, not by its name, which
    may lead to another file by the time they are read.

    A database in WAL mode needs its `-shm` file even to be read, and SQLite makes it, and an
    empty `-wal`, beside the database, where they were not (and leaves them there). Such a
    database without a `-wal` (no one has it open: one who has keeps it, and a `-shm` alone is
    left over), or without a `-shm` and without changes in its `-wal`, holds every change in
    the file itself, and is read as immutable; so is one in a read-only folder (a
    shared dataset) whose `-shm` cannot be made, where it has no changes in a `-wal`. One with
    changes in a `-wal` but no `-shm` (the two copied without it) is refused: SQLite reads them
    only through a `-shm` it makes beside them. So is one beside a hot journal: a program
    stopped while it wrote to it, and SQLite undoes the half-made change only where it may
    write.

    SQLite keeps those files beside the file `path` leads to, its symbolic links followed, not
    beside the link: they are looked for there, where a database named through a link in another
    folder has them."""
    real = resolved(path)
    _refuse_special_companions(path, real)
    _refuse_cut_short(path, real, opened)
    wal_mode, wal_changes = _in_wal_mode(opened), _wal_holds_changes(real)
    has_shm, has_wal = _companion(real, "-shm").exists(), _companion(real, "-wal").exists()
    if wal_mode and wal_changes and not has_shm:
        raise _wal_without_shm(path, real)
    size = os.fstat(opened).st_size
    uri = real.as_uri() + "?mode=ro"
    if wal_mode and not (has_wal and (has_shm or wal_changes)):
        uri += "&immutable=1"
    try:
        return _connected(uri).bound(size, max_bytes)
    except sqlite3.DatabaseError as error:
        problem = error
    if getattr(problem, "sqlite_errorname", "") == _HOT_JOURNAL:  # not to be read as immutable
        raise _stopped_while_writing(path, real) from None
    cannot_share = "readonly" in str(problem) or ("unable to open" in str(problem) and wal_mode)
    if cannot_share and not wal_changes:  # changes in it would not be read
        try:
            return _connected(real.as_uri() + "?mode=ro&immutable=1").bound(
                size, max_bytes)
        except sqlite3.DatabaseError as error:
            problem = error
    if cannot_share:
        raise MalformedPage(f"cannot read this SQLite database in WAL mode from a read-only "
                            f"folder ({sqlite_said(problem)})", str(path),
                            hint="copy it, with its -wal file, to a folder you may write") from None
    if _is_locked(problem):  # readable, once the program writing to it is done
        raise MalformedPage(f"SQLite database busy ({sqlite_said(problem)})", str(path),
                            hint=_LOCKED_HINT) from None
    raise MalformedPage(f"not a readable SQLite database ({sqlite_said(problem)})", str(path),
                        hint=_what_to_do(problem)) from None


# What SQLite says of a database beside a hot journal, which it rolls back only when it may write.
_HOT_JOURNAL = "SQLITE_READONLY_ROLLBACK"


def _stopped_while_writing(path: Path, real: Path) -> MalformedPage:
    """The error for a database a program stopped writing to (it crashed, or was killed): the
    file holds its change half made, and the `-journal` beside it (a hot journal) what undoes
    it, which SQLite does only where it may write. Read as immutable, the file gave that half
    change as if it were the tracker's rows. `real` is the file `path` leads to."""
    journal = _companion_named(path, real, "-journal")
    return MalformedPage(f"a program stopped while writing to this SQLite database, leaving its "
                         f"change half made in it and its undoing in {journal}", str(path),
                         hint=f"undo it first: sqlite3 {shlex.quote(path.name)} 'PRAGMA "
                              "quick_check', in a copy of both where you may not write here")


# What to do with a file SQLite finds damaged (a copy or download that stopped, a disk error).
_DAMAGED_HINT = "the file is damaged or cut short; copy it again"
_DAMAGE_ERRORS = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
# What to do with a file another program holds locked while it writes (a tracker at work): SQLite
# waited for it, in vain.
_LOCKED_HINT = ("another program holds it locked while it writes to it, such as the tracker at "
                "work: try again when it is done")
_LOCK_ERRORS = ("SQLITE_BUSY", "SQLITE_LOCKED")
# How long SQLite waits for another program's lock before its error, in seconds (its own default
# is 5): a tracker holds one for the moment its change takes; held longer, it is at work, and
# reading waits for no more of it.
_BUSY_WAIT = 1.0


def _is_locked(error: sqlite3.DatabaseError) -> bool:
    """Whether SQLite's error is another program's lock (and their extended codes:
    SQLITE_BUSY_RECOVERY)."""
    return getattr(error, "sqlite_errorname", "").startswith(_LOCK_ERRORS)


def _what_to_do(error: sqlite3.DatabaseError) -> str:
    """The hint for a database SQLite cannot read: what to do of a known cause (`_cause_hint`),
    else what revdiff reads."""
    return _cause_hint(error) or f"revdiff reads {READ_FORMATS}"


def _cause_hint(error: sqlite3.DatabaseError) -> str | None:
    """What to do with a database or table SQLite cannot read, where its error tells why: copy
    it again when it is damaged (naming the database kinds revdiff reads told nothing of what
    was wrong), wait when another program holds it locked (its own kind was named to it), what
    it lacks when it needs a definition of the program that wrote it (`_undefined_hint`); None
    for any other error."""
    if getattr(error, "sqlite_errorname", "") in _DAMAGE_ERRORS:
        return _DAMAGED_HINT
    if _is_locked(error):
        return _LOCKED_HINT
    return _undefined_hint(error)


# What SQLite says of a view, column or table that needs a SQL function, collation or virtual
# table module it has none of: one the program that wrote the file defined for itself.
_UNDEFINED = re.compile(r"no such (function|collation sequence|module): (.+)")
_UNDEFINED_KINDS = {"function": "SQL function", "collation sequence": "collation",
                    "module": "virtual table module"}


def _undefined_hint(error: sqlite3.Error) -> str | None:
    """What to do with a database that needs a function, collation or virtual table module that
    only the program that wrote it defines (naming the database kinds revdiff reads, or nothing,
    did not say); None for any other error."""
    undefined = _UNDEFINED.fullmatch(sqlite_said(error))
    if undefined is None:
        return None
    kind, name = undefined.groups()
    return (f"only the program that wrote the file defines the {_UNDEFINED_KINDS[kind]} "
            f"{shown(name)}: give the file the tracker wrote, or have that program copy its rows "
            "into plain tables")


# A database file's header (https://www.sqlite.org/fileformat.html): its page size, and its
# size in pages, which holds when the change counter matches the version it is valid for.
_SQLITE_HEADER = 100
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _refuse_cut_short(path: Path, real: Path, opened: int) -> None:
    """Refuse the database `opened` (a descriptor of `path`, which leads to `real`) when it is
    shorter than its header says it is (`head -c`, a copy or download that stopped): SQLite read
    what pages there were, and a cut inside a page gave rows that seemed to change while they
    were read. A database with a journal or `-wal` file beside it, whose size may lag its
    header while it is written, is left to SQLite."""
    if any(_companion(real, suffix).exists() for suffix in ("-journal", "-wal")):
        return
    try:
        header = os.pread(opened, _SQLITE_HEADER, 0)
        size = os.fstat(opened).st_size
    except OSError:  # SQLite says what is wrong
        return
    if len(header) < _SQLITE_HEADER or not header.startswith(_SQLITE_MAGIC):
        return
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if header[24:28] != header[92:96] or size >= page_size * pages:
        return
    raise MalformedPage(f"the SQLite database is cut short: it holds {size:,} of its "
                        f"{page_size * pages:,} bytes", str(path), hint=_DAMAGED_HINT)


# The files SQLite opens beside a database: a rollback journal, a write-ahead log, its index.
_COMPANIONS = ("-journal", "-wal", "-shm")


def _refuse_special_companions(path: Path, real: Path) -> None:
    """Refuse a database (`path`, which leads to `real`) whose journal, `-wal` or `-shm` file is
    a FIFO, a socket or a device: SQLite opens a `-journal` beside the database to see whether
    it is hot, and on a FIFO it waits forever."""
    for suffix in _COMPANIONS:
        companion = _companion(real, suffix)
        try:
            mode = os.stat(companion).st_mode
        except OSError:  # none there (or a dangling link): SQLite finds none either
            continue
        if not stat.S_ISREG(mode):
            named = _companion_named(path, real, suffix)
            raise MalformedPage(f"the SQLite database's {suffix.removeprefix('-')} file "
                                f"{named} is {special_kind(mode)}, not a file, which "
                                "SQLite would wait on or fail to read", str(path),
                                hint=f"remove {named}, or copy the database alone to "
                                     f"another folder")


def _companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _companion_named(path: Path, real: Path, suffix: str) -> str:
    """The file SQLite keeps beside `real`, the file the database `path` leads to, as an error
    line names it: by its name where it lies in the folder of `path`, else by its whole path (a
    database named through a symbolic link in another folder)."""
    companion = _companion(real, suffix)
    return companion.name if companion.parent == resolved(path.parent) else str(companion)


def _wal_holds_changes(real: Path) -> bool:
    """Whether the `-wal` file of the database `real` (its links followed, where SQLite keeps
    it) holds changes not yet in the database file."""
    wal = _companion(real, "-wal")
    return wal.exists() and wal.stat().st_size > 0


def _wal_without_shm(path: Path, real: Path) -> MalformedPage:
    """The error for a database in WAL mode (`path`, which leads to `real`) with changes in its
    `-wal` and no `-shm` beside it."""
    wal = _companion_named(path, real, "-wal")
    return MalformedPage(f"the SQLite database's changes in {wal} can be read only by making a "
                         f"-shm file beside it, and revdiff writes nothing beside its inputs",
                         str(path), hint=f"fold them into it first: sqlite3 "
                                         f"{shlex.quote(path.name)} 'PRAGMA wal_checkpoint', in a "
                                         "copy of both where you may not write here")


def _in_wal_mode(opened: int) -> bool:
    """Whether the header of the file `opened` (a descriptor) says WAL mode (its read and write
    versions, bytes 18 and 19, are 2): such a file cannot be opened, even to read, where its
    `-shm` cannot be made."""
    try:
        return os.pread(opened, 20, 0)[18:20] == b"\x02\x02"
    except OSError:
        return False


# SQLite steps a connection may take per byte of its file, and at least: a table's rows are
# read in a few steps each, but a view in a stranger's file of a few kilobytes can compute
# without end (`WITH RECURSIVE`) or multiply tables into more rows than any file holds.
_STEPS_PER_BYTE = 10_000
_FEWEST_STEPS = 100_000_000
_STEPS_PER_CHECK = 100_000
_INTERRUPTED = "interrupted"  # what SQLite says of a query its progress handler stopped
# A row may hold a version's text and its title and other fields beside it: the longest value or
# row read is twice the size limit, and a megabyte.
_ROW_BYTES_PER_LIMIT_BYTE = 2
_ROW_BYTES_BEYOND = 1 << 20
_TOO_LONG = "string or blob too big"  # what SQLite says of a value past SQLITE_LIMIT_LENGTH


class BoundedConnection(sqlite3.Connection):
    """A connection whose queries stop once, together, they have taken more steps than its
    file can need, and which makes no value longer than a version may be, and some (`bound`)."""

    checks_left = 0

    def bound(self, file_size: int, max_bytes: int) -> BoundedConnection:
        """The connection, bounded: a view in a stranger's file of a few kilobytes can compute
        without end, or make a value of gigabytes (`hex(zeroblob(200000000))`), which was held
        whole before any size was checked."""
        self.checks_left = max(_FEWEST_STEPS, file_size * _STEPS_PER_BYTE) // _STEPS_PER_CHECK
        self.set_progress_handler(self._out_of_steps, _STEPS_PER_CHECK)
        largest = self.getlimit(sqlite3.SQLITE_LIMIT_LENGTH)
        self.setlimit(sqlite3.SQLITE_LIMIT_LENGTH,
                      min(largest, _ROW_BYTES_PER_LIMIT_BYTE * max_bytes + _ROW_BYTES_BEYOND))
        return self

    def _out_of_steps(self) -> bool:
        self.checks_left -= 1
        return self.checks_left < 0

    def stopped_by_budget(self) -> bool:
        return self.checks_left < 0


# The most of SQLite's message an error line quotes: it may quote a whole schema entry.
_LONGEST_SAID = 300


def sqlite_said(error: sqlite3.Error) -> str:
    """SQLite's message for an error line: on one line (a broken schema entry it quotes may span
    many), and shortened."""
    said = " ".join(str(error).split())
    return said if len(said) <= _LONGEST_SAID else said[:_LONGEST_SAID] + "…"


def raise_dropped_stop(connection: sqlite3.Connection, error: sqlite3.DatabaseError) -> None:
    """Raise again the Ctrl-C or SIGTERM that stopped a query, for every query that catches
    sqlite3's errors: its KeyboardInterrupt is raised in the progress handler, where sqlite3
    drops it and stops the query as interrupted. Unless the connection's work ran out, such a
    stop is a stop, not a file that cannot be read."""
    if str(error) == _INTERRUPTED and not (isinstance(connection, BoundedConnection)
                                           and connection.stopped_by_budget()):
        raise stop_dropped_by_callback()


def value_too_long(error: sqlite3.Error) -> bool:
    """Whether SQLite refused to make a value or row longer than the connection's bound allows
    (`BoundedConnection.bound`)."""
    return str(error) == _TOO_LONG


def cannot_read(connection: sqlite3.Connection, table: str, error: sqlite3.DatabaseError,
                where: str) -> RevdiffError:
    """The error of a table SQLite failed to read: a view that computes too much is named so,
    a value too long to be a version's text is refused as over the size limit, and a damaged
    table is said to need copying again (`_cause_hint`). A stop (Ctrl-C, SIGTERM) is raised
    again (`raise_dropped_stop`)."""
    raise_dropped_stop(connection, error)
    if value_too_long(error):
        return too_large(f"{table} holds a value or row longer than the size limit allows a "
                         "version", where, "one version")
    if str(error) == _INTERRUPTED:
        return MalformedPage(f"reading {table} takes more work than a file of this size can need "
                             "(a view in it computes without end)", where,
                             hint="give the file the tracker wrote, whose tables hold the versions")
    return MalformedPage(f"cannot read {table} ({sqlite_said(error)})", where,
                         hint=_cause_hint(error))


def _connected(uri: str) -> BoundedConnection:
    connection = sqlite3.connect(uri, uri=True, timeout=_BUSY_WAIT, factory=BoundedConnection)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        connection.close()
        raise
    except UnicodeDecodeError as error:  # SQLite's message quoted a schema name that is no text
        connection.close()
        raise sqlite3.DatabaseError("malformed database schema: a name in it is not UTF-8 "
                                    "text") from error
    return connection


def text_or_bytes(data: bytes) -> str | bytes:
    """A TEXT cell as text; as its bytes when they are not UTF-8 (SQLite keeps what it is given),
    for the reader to decode as it decodes a BLOB (`cell_text`): decoding them in SQLite stopped
    the reading of the whole file. A connection's `text_factory` for its data queries."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data


def table_rows(connection: sqlite3.Connection, table: Table, required: tuple[str, ...],
               optional: tuple[str, ...], where: str, *, tracker: str, hint: str,
               order: str | None = None) -> list[dict[str, object]]:
    """Every row of a tracker's table as a dict by (lower-case) column name, with its rowid
    under "rowid" (its place in the table, for a table without one: a view, a WITHOUT ROWID
    table, one whose columns take all of SQLite's names for it), ordered by `order`, else by
    the rowid.

    A table without the `required` columns, or one SQLite cannot read, is one error line;
    `optional` columns are read where the table has them.
    """
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise MalformedPage(
            f"{table.name} lacks the {tracker} columns {', '.join(missing)}; "
            f"it has {', '.join(table.columns.values())}", where, hint=hint)
    wanted = required + tuple(c for c in optional if c in table.columns)
    connection.text_factory = text_or_bytes
    try:
        rowid = rowid_name(connection, table)
        select = ", ".join([*(quote(table.columns[c]) for c in wanted), rowid or "NULL"])
        order = order or rowid
        cursor = connection.execute(f"SELECT {select} FROM {quote(table.name)}"
                                    + (f" ORDER BY {order}" if order else ""))
        rows = []
        for place, values in enumerate(cursor, start=1):
            row: dict[str, object] = dict(zip((*wanted, "rowid"), values))
            if row["rowid"] is None:  # a view's rows have none: their place in it stands for it
                row["rowid"] = place
            rows.append(row)
        return rows
    except sqlite3.DatabaseError as error:
        if value_too_long(error) and _is_view(connection, table.name):
            raise _view_too_long(connection, table.name, where) from None
        raise cannot_read(connection, table.name, error, where) from None


# SQLite's names for a table's rowid: a column of one of these names hides the rowid by it.
ROWID_NAMES = ("rowid", "_rowid_", "oid")


def rowid_name(connection: sqlite3.Connection, table: Table) -> str | None:
    """The name that selects the table's rowid (the order its rows were written in): the first
    of SQLite's names for it that none of its columns takes; None for a table that has none
    (WITHOUT ROWID) or whose columns take all three names. A view's rowid is NULL, or none."""
    name = next((n for n in ROWID_NAMES if n not in table.columns), None)
    if name is None:
        return None
    try:
        connection.execute(f"SELECT {name} FROM {quote(table.name)} LIMIT 0")
    except sqlite3.OperationalError as error:
        if str(error) == f"no such column: {name}":
            return None
        raise
    return name


def _is_view(connection: sqlite3.Connection, name: str) -> bool:
    try:
        kind = connection.execute("SELECT type FROM sqlite_master WHERE name = ?",
                                  (name,)).fetchone()
    except sqlite3.DatabaseError as error:
        raise_dropped_stop(connection, error)
        return False
    return kind is not None and kind[0] == "view"


def _view_too_long(connection: sqlite3.Connection, view: str, where: str) -> InputTooLarge:
    """The error of a tracker's view, read whole, making a value longer than SQLite makes for
    the size limit (`BoundedConnection.bound`). A file read whole is refused when it is over
    the limit, so no value stored in it is that long: the view computes it, and which of its
    rows does cannot be told without computing them again."""
    longest = connection.getlimit(sqlite3.SQLITE_LIMIT_LENGTH)
    return InputTooLarge(
        f"{view} is a view that makes a value longer than {format_size(longest)} "
        f"({longest:,} bytes), more than the size limit allows a version, from a file within it",
        where, hint="give the file the tracker wrote, whose tables hold the versions, or raise "
                    f"the limit with --max-size or {MAX_SIZE_ENV} if that value is really one "
                    "version",
        python_hint="give the file the tracker wrote, whose tables hold the versions, or raise "
                    f"the limit if that value is really one version: {RAISED_LIMIT_IN_PYTHON}")


def tables(connection: sqlite3.Connection, where: str) -> dict[str, Table]:
    """Every table and view, keyed by lower-case name; a schema SQLite cannot read is refused."""
    found: dict[str, Table] = {}
    try:
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")]
        for name in names:
            columns = {str(row[1]).lower(): str(row[1])
                       for row in connection.execute(f"PRAGMA table_info({quote(name)})")}
            found[name.lower()] = Table(name, columns)
    except sqlite3.DatabaseError as error:
        raise_dropped_stop(connection, error)
        raise MalformedPage(f"cannot read the SQLite schema ({sqlite_said(error)})", where,
                            hint=_what_to_do(error)) from None
    return found


def database_kind(schema: dict[str, Table], where: str) -> DatabaseKind:
    """Which tracker wrote a database with these tables; refuse one that no reader knows."""
    if any(name in schema for name in NYTDIFF_TABLES):
        return DatabaseKind.NYTDIFF
    versions = schema.get("entryversion")
    if versions is not None:
        if versions.column(*_VERSION_COLUMNS) is None and "entry" in schema:
            return DatabaseKind.DIFFENGINE
        return DatabaseKind.NEWSEDITS
    listed = ", ".join(sorted(t.name for t in schema.values())) or "none"
    if any(name in schema for name in NEWSEDITS_SENTENCE_TABLES):
        raise UnknownFormat(
            f"a NewsEdits sentence file (tables: {listed}), which holds no versions", where,
            hint="give the outlet's NewsEdits versions file, whose entryversion table holds "
                 "them: ap.db, not ap-matched-sentences.db")
    raise UnknownFormat(f"SQLite file of no tracker revdiff knows (tables: {listed})", where,
                        hint=f"revdiff reads {READ_FORMATS}")


def is_not_utf8(value: object) -> bool:
    """Whether a cell holds bytes that are not UTF-8, whose bad bytes `cell_text` replaces."""
    if not isinstance(value, bytes) or value.isascii():
        return False
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def cell_text(value: object) -> str | None:
    """A cell as text: None stays None, bytes are decoded (bad bytes replaced), numbers spelled."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def cell_shown(value: object) -> str:
    """A cell as a warning quotes it: NULL, a number as it is, text quoted, a BLOB quoted as the
    UTF-8 text it is read as (`cell_text`)."""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, bytes):
        value = cell_text(value)
    return "NULL" if value is None else shown(value)


def cell_time(value: object) -> tuple[datetime | None, str | None]:
    """A time cell as (time, None); (None, its text) when it holds no time; (None, None) if empty.

    Text is read as ISO 8601 by `fields.parse_iso_time` (a zone only when it carries one, a leap
    second at second 59; a zone offset out of range is no time); a number as Unix seconds, UTC,
    or milliseconds where seconds give no date (`fields.seconds_or_milliseconds_time`), as
    NewsEdits' `created` is read.
    A time whose zone puts it outside the years 1 to 9999 in UTC (`0001-01-01T00:00+00:01`) is
    no time: sorting the versions, or exporting them, converts it to UTC.
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, (int, float)):
        time = seconds_or_milliseconds_time(value)
        return (time, None) if time is not None else (None, cell_text(value))
    text = str(cell_text(value))
    try:
        time = parse_iso_time(text.strip(), "time", "")
    except MalformedPage:
        time = None
    return (time, None) if time is not None else (None, text)


def cell_time_warning(value: object, read: tuple[datetime | None, str | None], what: str
                      ) -> str | None:
    """The warning of a time cell, `read` as `cell_time` read it, `what` naming the cell
    (`entryversion row 3: created`): of a time at a leap second, read at second 59, or of text
    that is no time, saying why where its zone is what is wrong (`fields.not_a_time_reason`);
    None for a time read as written, or an empty cell."""
    time, text = read
    if time is not None:
        return None if isinstance(value, (int, float)) else leap_second_warning(
            str(cell_text(value)).strip(), what)
    if text is None:
        return None
    reason = not_a_time_reason(text)
    return f"{what} {shown(text)} is not a time" + ("" if reason is None else f": {reason}")


def untimed_warning(owner: str, column: str, numbers: Sequence[int]) -> str | None:
    """The one warning of the versions of `owner` (an article, an entry) numbered `numbers`
    whose time cell in `column` is NULL or empty (`cell_time` reads no time and no text from
    it), read with no time; None where there are none."""
    if not numbers:
        return None
    plural = "s" if len(numbers) > 1 else ""
    return (f"{owner}: {column} is NULL or empty in version{plural} "
            f"{first_few([str(number) for number in numbers])}; read with no time")


def cell_int(value: object) -> int | None:
    """A whole number from 0 to MAX_NUMBER stored as an integer, a whole-valued float, or as
    text that `whole_digits` reads; None for anything else, such as `1.5`, `-1`, or `²` or `٣`,
    which `str.isdigit` takes for digits and `int` refuses."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return value if 0 <= value <= MAX_NUMBER else None
    text = cell_text(value)
    digits = whole_digits(text.strip()) if text is not None else None
    return None if digits is None else digits_value(digits)


def tracker_row_id(row: dict[str, object]) -> int:
    """A tracker's row as its warnings name it: by its `id` where that is a whole number (`0`
    too), else by its rowid (`table_rows`)."""
    number = cell_int(row.get("id"))
    return int(str(row["rowid"])) if number is None else number


def whole_digits(text: str) -> str | None:
    """The digits 0-9 of a whole number written as text, with or without a zero fraction
    (`1.0`, `2.`: a CSV file written from floats, as pandas writes a number column with a gap,
    keeps them as text when imported); None for any other text."""
    whole = _WHOLE_NUMBER.fullmatch(text)
    return whole.group(1) if whole else None


_WHOLE_NUMBER = re.compile(r"([0-9]+)(?:\.0*)?")

# The most digits of a number written as text (an id, a time) that is read as one: as many as a
# SQLite integer holds (longer ones stay text; Python refuses 4,300 digits or more).
INTEGER_DIGITS = 19


def id_key(value: object) -> object:
    """An id cell (a NewsEdits or diffengine entry's, a NYTdiff article's) as rows are told
    apart: `1`, `1.0`, `'1'` and `'1.0'` (a file put together from a CSV file) are one id;
    `'007'` or `' 1'` is text of its own. A BLOB, or text that is not UTF-8, is the text it
    decodes to (`cell_text`), as a title is: `b'1'` is `1` (`id_not_utf8_warning` warns of bad
    bytes)."""
    if isinstance(value, bytes):
        value = cell_text(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    digits = whole_digits(value) if isinstance(value, str) else None
    if digits is not None and len(digits) <= INTEGER_DIGITS and digits == str(int(digits)):
        return int(digits)
    return value


def id_spellings_warning(owner: str, cells: Iterable[object], column: str, kind: str
                         ) -> str | None:
    """The warning of an id that `id_key` reads as one but the rows of `owner` write in more than
    one way in `column` (`1`, `'1'`, `1.0`, a BLOB `b'1'` said to be one: `BLOB '1'`), read as
    one `kind` (`entry`, `article`); None for an id written alike in all of them. Bytes that are
    not UTF-8 are quoted as read: a TEXT cell that holds them comes as bytes too (`text_or_bytes`),
    so they may not be a BLOB."""
    spellings = {f"BLOB {cell_shown(cell)}" if isinstance(cell, bytes) and not is_not_utf8(cell)
                 else cell_shown(cell) for cell in cells}
    if len(spellings) < 2:
        return None
    return f"{owner} is written as {', '.join(sorted(spellings))} in {column}: read as one {kind}"


def not_utf8_warning(owner: str, column: str) -> str:
    """The warning of a cell of `owner` (a row, an entry) whose `column` holds bytes that are
    not UTF-8, read with their bad bytes replaced (`cell_text`), as every reader words it."""
    return f"{owner}: {column} holds bytes that are not UTF-8; bad bytes replaced with �"


def id_not_utf8_warning(owner: str, cells: Iterable[object], column: str) -> str | None:
    """The warning of an id (`owner`) that some rows write in `column` as bytes that are not
    UTF-8, read with their bad bytes replaced (`id_key`); None where none does."""
    if not any(is_not_utf8(cell) for cell in cells):
        return None
    return not_utf8_warning(owner, column)
