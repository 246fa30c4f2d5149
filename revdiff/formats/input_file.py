"""One input file read: its decoded text and the format detected in it (`TextInput`), or the
articles of a tracker's SQLite database."""

from __future__ import annotations

import dataclasses
import errno
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from revdiff.errors import EmptyInput, UnknownFormat, os_reason
from revdiff.file_kinds import WAITING_READ, open_without_waiting, special_kind
from revdiff.formats import foreign, plain
from revdiff.formats.decoding import (
    check_size_unless_binary,
    decode_bytes,
    read_in_one_encoding,
)
from revdiff.formats.detect import SQLITE_MAGIC, Format, detect, detect_bytes
from revdiff.formats.listed_file import refuse_opened_outside
from revdiff.formats.text_input import read_bounded
from revdiff.model import Article
from revdiff.read_warnings import counted, first_few


@dataclass(frozen=True, slots=True)
class TextInput:
    """One decoded input file, its detected format, and a warning when its encoding was guessed
    (the encoding so guessed: `guessed_encoding`)."""

    name: str
    text: str
    format: Format
    warning: str | None = None
    guessed_encoding: str | None = None


def read_file(path: Path, name: str, max_bytes: int,
              on_article_read: Callable[[int, int], None] | None = None,
              listed_folder: Path | None = None) -> TextInput | list[Article]:
    """A file's decoded text and format, or the articles of a tracker's SQLite database, whose
    reading is counted to `on_article_read` (`databases.read_database`).

    The size is checked before reading, and the read is bounded too (the file may grow); a
    database's limit is its reader's (`databases.open_database`). A file of a folder's listing,
    whose real path was `listed_folder` when it was listed, is refused where what was opened lies
    out of it (`listed_file.refuse_opened_outside`); a database, where SQLite opened another
    file than the one checked (`listed_file.refuse_reopened_elsewhere`)."""
    if plain.is_stream_name(name) and path.is_fifo():  # the shell's pipe: `<(curl ...)`
        return _read_pipe(path, name, max_bytes)
    if path.is_fifo():  # a named pipe (`mkfifo`), which unlike the shell's may have no writer
        raise UnknownFormat("a FIFO (named pipe), not a regular file: opening one waits for ever "
                            "while nothing writes to it", name,
                            hint=f"to read it, give it as standard input: - < {shlex.quote(name)}",
                            python_hint="give a file or a directory")
    if not path.is_file():
        raise UnknownFormat(f"{entry_kind(path)}, not a regular file", name,
                            hint="give a file, a directory or -",
                            python_hint="give a file or a directory")
    try:
        with open_without_waiting(path) as handle:
            if listed_folder is not None:
                refuse_opened_outside(handle, path, listed_folder, name)
            if detect_bytes(handle.read(len(SQLITE_MAGIC))) is Format.NEWSEDITS_SQLITE:
                # imported here: the SQLite readers load only for a database
                from revdiff.formats import databases

                # read whole (by `diff`, `parse`, `view`, `store`), limited as a file is; SQLite
                # opens it by its path again, and must open the file checked
                checked = handle.fileno()
                databases.check_whole_size(path, name, max_bytes, checked=checked)
                return databases.read_database(path, max_bytes, on_article_read, checked)
            handle.seek(0)
            check_size_unless_binary(handle, name, max_bytes)
            data = read_bounded(handle, name, max_bytes)
    except BlockingIOError:
        raise UnknownFormat(f"not a file of versions but {WAITING_READ}", name,
                            hint="give a file, a directory or -",
                            python_hint="give a file or a directory") from None
    except OSError as error:
        raise EmptyInput(f"cannot read the file ({os_reason(error)})", name,
                         hint="check that it exists and that you may read it") from None
    return decoded_input(name, data, max_bytes)


def _read_pipe(path: Path, name: str, max_bytes: int) -> TextInput:
    """A pipe's text, read as standard input is (bounded; a database cannot come through one)."""
    try:
        with open(path, "rb") as handle:
            data = read_bounded(handle, name, max_bytes)
    except OSError as error:
        raise EmptyInput(f"cannot read the pipe ({os_reason(error)})", name,
                         hint="check that it exists and that you may read it") from None
    if data.startswith(SQLITE_MAGIC):
        raise UnknownFormat("a SQLite database cannot be read from a pipe", name,
                            hint="give the database file's path instead")
    return decoded_input(name, data, max_bytes)


def decoded_input(name: str, data: bytes, max_bytes: int) -> TextInput:
    """The decoded input and its format; an HTML page that no tracker made is one too (a folder
    of them is read as saved pages)."""
    decoded = decode_bytes(data, name, max_bytes)
    found = detect(decoded.text)
    if found in (Format.JSON, Format.FEED, Format.WRAPPED_PAGE, Format.DOCUMENT, Format.PAGE_TEXT,
                 Format.DIFF, Format.WIKI_EXPORT, Format.CAPTURE_LISTING, Format.TABLE):
        what, hint = foreign.describe(decoded.text) or ("no version format", foreign.READABLE)
        raise UnknownFormat(f"this is {what}, not a version format", name, hint=hint)
    return TextInput(name, decoded.text, found, decoded.warning,
                     decoded.encoding if decoded.guessed else None)


def in_one_encoding(texts: Sequence[TextInput], where: str) -> list[TextInput]:
    """The files of one article (`where`: its folder, or the first file given) whose encodings
    were guessed one by one read in the one encoding guessed over them all
    (`decoding.read_in_one_encoding`), and warned once, on the first of them, by their names; a
    file that encoding cannot read, or misreads more than its own guess does, keeps its own, and
    its warning."""
    found = read_in_one_encoding([None if text.guessed_encoding is None
                                  else (text.text, text.guessed_encoding) for text in texts])
    if found is None:
        return list(texts)
    shared, reread = found
    reread_texts = {texts[place].name: dataclasses.replace(
        texts[place], text=read, warning=None, guessed_encoding=shared)
        for place, read in reread.items()}
    names = list(reread_texts)
    if names:
        first = reread_texts[names[0]]
        shown = [Path(name).name if Path(name).parent == Path(where) else name for name in names]
        reread_texts[names[0]] = dataclasses.replace(first, warning=(
            f"{where}: the text of {counted(len(names), 'file')} ({first_few(shown)}) is not "
            f"valid UTF-8 or the charset it declares; read {'them' if len(names) > 1 else 'it'} as "
            f"{shared}, guessed over the article's files together (a guess: convert the files "
            "to UTF-8 if letters look wrong)"))
    return [reread_texts.get(text.name, text) for text in texts]


def database_named_note(name: str) -> str:
    """The line that says a file named as a SQLite database is text (a download that saved an
    error page in its place, a file renamed by mistake): it is read by its content, as text."""
    return (f"{name}: named as a SQLite database, but it is text (it does not begin as SQLite's "
            "files do); read as text (give the database itself, or rename the file)")


def with_warnings(article: Article, texts: Sequence[TextInput]) -> Article:
    """The article with the encoding warnings of the inputs it was read from put first."""
    warnings = tuple(t.warning for t in texts if t.warning)
    if not warnings:
        return article
    return dataclasses.replace(article, warnings=warnings + article.warnings)


def entry_kind(entry: Path) -> str:
    """What an entry (of a folder, or an input) that is neither file nor folder is: `a broken
    link` (to nothing), `a symbolic link in a loop of links`, `a FIFO`, `a socket` or `a
    device`."""
    try:
        return special_kind(entry.stat().st_mode)
    except OSError as error:
        return "a symbolic link in a loop of links" if error.errno == errno.ELOOP \
            else "a broken link"

