"""Fuzzing the inputs test_fuzz_readers does not reach: NYTdiff and diffengine SQLite files
(mutated bytes and hostile rows), folders of saved publisher pages (mutated snapshots), NewsDiffs
git archives, the app's TOML settings file, the Python API (`revdiff.load` of several arbitrary
texts), and `revdiff export` over folders with hostile file names.

The oracle is fuzz_support's: a result, or one `RevdiffError` line, within the time limit.
"""

from __future__ import annotations

import math
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from fuzz_support import (
    SAMPLES,
    check_error,
    fast_import_commit,
    fresh_folder,
    fuzz_settings,
    imported_repository,
    mutated,
    mutated_database,
    read_and_compare,
    sample_bytes,
    storable_path,
    within_limit,
    write_inputs,
)
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz_readers import CELL

from revdiff.cli import main
from revdiff.errors import RevdiffError
from revdiff.terminal_text import visible_lines
from revdiff.tui.settings import KEY_TABLE, Settings, load_settings
from revdiff.tui.styles import ROW_STYLES

# -- NYTdiff and diffengine SQLite -----------------------------------------------------------

DATABASES = ("diffengine.db", "nytdiff-titles.db", "nytdiff-rss-titles.db")


@pytest.mark.parametrize("sample", DATABASES)
@fuzz_settings(20)
@given(data=st.data())
def test_mutated_tracker_database_file(sample: str, data: st.DataObject) -> None:
    database = data.draw(mutated_database(sample_bytes(sample)))
    read_and_compare(write_inputs(fresh_folder(), [database], ".db"))


def _tables(path: Path) -> dict[str, int]:
    """Each table of the sample and its number of columns."""
    with sqlite3.connect(path) as connection:
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: len(connection.execute(f"SELECT * FROM {name}").description)
                for name in names}


TRACKER_TABLES = {sample: _tables(SAMPLES / sample) for sample in DATABASES}


@pytest.mark.parametrize("sample", DATABASES)
@fuzz_settings(40)
@given(data=st.data())
def test_tracker_database_rows_of_any_type(sample: str, data: st.DataObject) -> None:
    """The sample's rows kept or dropped, and rows of hostile cells added to any table."""
    path = fresh_folder() / sample
    shutil.copyfile(SAMPLES / sample, path)
    tables = TRACKER_TABLES[sample]
    with sqlite3.connect(path) as connection:
        for table, width in tables.items():
            if data.draw(st.booleans()):
                connection.execute(f"DELETE FROM {table} WHERE rowid % 2 = "
                                   f"{data.draw(st.integers(0, 1))}")
            # the first column is the key (an INTEGER PRIMARY KEY takes only integers): let SQLite
            # number it; rows a NOT NULL constraint refuses are left out
            rows = data.draw(st.lists(st.lists(CELL, min_size=width - 1, max_size=width - 1),
                                      max_size=4))
            connection.executemany(f"INSERT OR IGNORE INTO {table} VALUES (NULL, "
                                   f"{', '.join('?' * (width - 1))})", rows)
    connection.close()
    read_and_compare([path])


# -- folders of saved publisher pages --------------------------------------------------------

SNAPSHOT_FOLDERS = sorted(path.name for path in (SAMPLES / "snapshots").iterdir())


@pytest.mark.parametrize("article", SNAPSHOT_FOLDERS)
@fuzz_settings(20)
@given(data=st.data())
def test_mutated_snapshot_folder(article: str, data: st.DataObject) -> None:
    """Some of an article's saved pages mutated, some left out, the rest as saved."""
    folder = fresh_folder() / article
    folder.mkdir()
    for page in sorted((SAMPLES / "snapshots" / article).iterdir()):
        kind = data.draw(st.sampled_from(["keep", "mutate", "drop"]))
        if kind != "drop":
            content = page.read_bytes()
            (folder / page.name).write_bytes(
                data.draw(mutated(content, max_edits=3)) if kind == "mutate" else content)
    read_and_compare([folder])


@fuzz_settings(30)
@given(names=st.lists(st.one_of(
    st.integers(0, 10**16).map(str),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\0"),
            min_size=1, max_size=20)), min_size=1, max_size=4, unique=True))
def test_snapshot_pages_with_any_names(names: list[str]) -> None:
    """Saved pages named by any stamp or text, not just 14 digits."""
    folder = fresh_folder() / "article"
    folder.mkdir()
    pages = sorted((SAMPLES / "snapshots" / SNAPSHOT_FOLDERS[0]).iterdir())
    for name, page in zip(names, pages):
        if name in (".", ".."):
            continue
        (folder / (name + ".html")).write_bytes(page.read_bytes())
    read_and_compare([folder])


# -- the settings file -----------------------------------------------------------------------

KEY_ACTIONS = [command.action for command in KEY_TABLE]
SETTING_NAMES = ["layout", "sentences", "export_directory", *KEY_ACTIONS, *sorted(ROW_STYLES),
                 "x", "\u001b[31m", "a\nb", "\u202e"]
SETTING_VALUES = st.one_of(
    st.text(max_size=20), st.sampled_from(["n", "ctrl+n", "n,n", ",", "comma", "shift+", "f99",
                                           "bold red on black", "on", "#zzzzzz", "color(999)",
                                           "auto", "side", "lines", "~", "\u001b]0;x\u0007"]),
    st.integers(), st.booleans(), st.floats())


def _toml_string(text: str) -> str:
    return '"' + "".join(f"\\U{ord(character):08x}" for character in text) + '"'


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # TOML spells them nan, inf and -inf too
    return repr(value)


@st.composite
def settings_text(draw: st.DrawFn) -> str:
    """Settings files of well-formed TOML with any names and values in any table."""
    lines = []
    for section in draw(st.lists(st.sampled_from(["view", "keys", "colours", "other", "\u001b"]),
                                 max_size=3, unique=True)):
        lines.append(f"[{_toml_string(section)}]")
        for name in draw(st.lists(st.sampled_from(SETTING_NAMES), max_size=5, unique=True)):
            lines.append(f"{_toml_string(name)} = {_toml_value(draw(SETTING_VALUES))}")
    return "\n".join(lines) + "\n"


def check_settings_file(content: bytes) -> None:
    path = fresh_folder() / "settings.toml"
    path.write_bytes(content)
    result = within_limit(lambda: load_settings(path))
    if not isinstance(result, Settings):
        check_error(result)


@fuzz_settings(60)
@given(settings_text())
def test_settings_of_any_names_and_values(text: str) -> None:
    check_settings_file(text.encode("utf-8"))


@fuzz_settings(40)
@given(st.one_of(st.binary(max_size=300),
                 st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass"))))
def test_settings_file_of_any_bytes(content: bytes) -> None:
    check_settings_file(content)


# -- the Python API with several arbitrary texts ---------------------------------------------

@fuzz_settings(30)
@given(st.lists(st.text(max_size=400), min_size=2, max_size=4), st.sampled_from([".txt", ".html"]))
def test_load_and_compare_arbitrary_texts(texts: list[str], suffix: str) -> None:
    contents = [text.encode("utf-8", "surrogatepass") for text in texts]
    read_and_compare(write_inputs(fresh_folder(), contents, suffix))


# -- revdiff export over folders with hostile file names -------------------------------------

HOSTILE_NAME = st.one_of(
    st.sampled_from(["0.txt", "1.txt", "²", "٣.txt", "10.txt", "-o", "--format", "*", "?",
                     "[a]", ".hidden", "a\nb", "\u001b]0;x\u0007", "\u202egnp.txt", "é.txt",
                     "e\u0301.txt", "x" * 250, " ", "~", "\\", "\r", "index.html", ".git"]),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\0"),
            min_size=1, max_size=40))
VERSION_TEXTS = [path.read_bytes() for path in sorted(
    (SAMPLES / "versions" / "iran-strikes-us-troops-in-iraq").glob("*.txt"))]


def _usable(name: str) -> bool:
    return name not in (".", "..") and len(name.encode("utf-8", "surrogatepass")) <= 255


# a version number in a hostile name, so that most folders are read
VERSION_NAME = st.builds("{}{}{}".format, HOSTILE_NAME.filter(lambda name: len(name) < 100),
                         st.integers(0, 10**20), st.sampled_from(["", ".txt", ".html", ".\n"]))


@fuzz_settings(25)
@given(articles=st.dictionaries(HOSTILE_NAME.filter(_usable),
                                st.lists(st.one_of(VERSION_NAME, HOSTILE_NAME.filter(_usable)),
                                         min_size=1, max_size=4, unique=True),
                                min_size=1, max_size=3),
       output_format=st.sampled_from(["jsonl", "csv", "sqlite", "html", "unified"]))
def test_export_of_folders_with_hostile_names(articles: dict[str, list[str]],
                                              output_format: str) -> None:
    """Article folders and version files named anything: exported, or refused in one line
    (no traceback, no control character, no output left behind)."""
    folder = fresh_folder()
    corpus = folder / "corpus"
    corpus.mkdir()
    for article, names in articles.items():
        (corpus / article).mkdir()
        for name, text in zip(names, VERSION_TEXTS):
            (corpus / article / name).write_bytes(text)
    output = folder / f"out.{output_format}" if output_format != "html" else folder / "report"
    result = within_limit(lambda: CliRunner().invoke(
        main, ["export", str(corpus), "-o", str(output), "--format", output_format, "-q"]))
    assert not isinstance(result, RevdiffError), result  # the command reports its own errors
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 2), result.output
    stderr = result.stderr
    assert visible_lines(stderr) == stderr, f"control character on stderr: {stderr!r}"
    if result.exit_code == 2:
        assert len(stderr.splitlines()) == 1 and stderr.startswith("revdiff: error: "), stderr
        assert sorted(path.name for path in folder.iterdir()) == ["corpus"], "output left behind"
    else:
        assert output.exists()


# -- NewsDiffs git archives ------------------------------------------------------------------

NEWSDIFFS_VERSION = b"January 7, 2014\nUS sends troops\nBy A. Writer\n\nThe first paragraph.\n\n" \
                    b"The second paragraph.\n"
DATE_LINES = st.one_of(st.sampled_from([
    "January 7, 2014", "February 30, 2014", "January 7, 99999", "Jan 7, 0000", "7 January 2014",
    "2014-01-07 25:61:00", "January ², 2014", "January 7, ١٢٣٤", "December 31, 9999 11:59 PM",
    "", "\u001b[2J"]), st.text(max_size=30))
ARCHIVE_PATHS = st.one_of(
    st.sampled_from(["www.nytimes.com/2014/01/07/us/troops.html", "www.bbc.co.uk/news/x",
                     "edition.cnn.com/a", "www.politico.com/", "no-host.html",
                     "www.nytimes.com/\u001b]0;x\u0007", "www.nytimes.com/a b/c\td"]),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\0\"\\"),
            min_size=1, max_size=30).map(lambda tail: "www.nytimes.com/" + tail))


@st.composite
def newsdiffs_archive(draw: st.DrawFn) -> bytes:
    """A fast-import stream of a NewsDiffs archive: commits `Adding file X` and `Change to X`,
    each writing one article file (a date line, title, byline, paragraphs) under its host."""
    articles = draw(st.lists(ARCHIVE_PATHS.map(lambda path: storable_path(path, "www.nytimes.com/a")),
                             min_size=1, max_size=3, unique=True))
    stream = b""
    seen: set[str] = set()
    for number in range(draw(st.integers(1, 6))):
        path = draw(st.sampled_from(articles))
        date = draw(DATE_LINES)
        content = NEWSDIFFS_VERSION.replace(b"January 7, 2014",
                                            date.encode("utf-8", "surrogatepass"))
        content = draw(st.one_of(st.just(content), mutated(content, max_edits=3)))
        message = (f"{'Change to' if path in seen else 'Adding file'} {path}").encode()
        seen.add(path)
        quoted = b'"' + path.encode().replace(b"\t", b"\\t") + b'"'
        stream += fast_import_commit("master", 1_389_000_000 + number, message, quoted, content)
    return stream + b"done\n"


@fuzz_settings(15)
@given(newsdiffs_archive())
def test_newsdiffs_git_archive(stream: bytes) -> None:
    read_and_compare([imported_repository(stream, "articles", "master")])
