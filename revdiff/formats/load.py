"""Turn command-line inputs (files, directories, git repositories, `-`) into Articles."""

from __future__ import annotations

import dataclasses
import os
import re
import shlex
import sys
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from revdiff.errors import (
    BinaryData,
    BinaryInput,
    EmptyInput,
    EmptyText,
    InconsistentPages,
    InputTooLarge,
    MalformedPage,
    RevdiffError,
    UnknownFormat,
    os_reason,
)
from revdiff.file_kinds import special_kind
from revdiff.file_names import name_text
from revdiff.formats import (
    elision,
    foreign,
    plain,
    sniffer_text,
    unnumbered_pages,
)
from revdiff.formats.decoding import check_size_unless_binary, decode_bytes
from revdiff.formats.detect import (
    DATABASE_SUFFIXES,
    SQLITE_MAGIC,
    Format,
    detect,
    detect_bytes,
    is_sqlite_file,
)
from revdiff.formats.fields import dated_back_warnings, source_of_url
from revdiff.formats.text_input import (
    RAISED_LIMIT_IN_PYTHON,
    limit_beside,
    read_bounded,
    resolved,
)
from revdiff.formats.translation import SAVE_UNTRANSLATED, looks_translated
from revdiff.model import Article, Version
from revdiff.natural_order import natural_key
from revdiff.read_warnings import copy_read_once, counted, first_few, worded_for_python
from revdiff.size_limit import DEFAULT_MAX_BYTES, format_size
from revdiff.splitter.symbols import fullest, same_paragraphs_up_to_symbols

if TYPE_CHECKING:
    from revdiff.formats.databases import DatabaseContents

# What file browsers leave in a folder they showed (Finder, Explorer), and the folder of resource
# forks Finder's zip adds beside the files it packs (`__MACOSX`): never a version or an article
FILE_BROWSER_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", "__MACOSX"})


@dataclass(frozen=True, slots=True)
class TextInput:
    """One decoded input file, its detected format, and a warning when its encoding was guessed."""

    name: str
    text: str
    format: Format
    warning: str | None = None


def load(inputs: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES,
         notes: list[str] | None = None, origins: list[str] | None = None,
         for_python: bool = False, folders_told_of: bool = False) -> list[Article]:
    """Read every input and return the articles they hold.

    Plain version files given together form one article, versions in the order given; files of
    one folder given in the order of their names sorted as text (a shell's `*`) are read as
    their folder is, warned, when it orders them otherwise (`_read_plain_texts`). An empty file
    among them (a failed capture) is left out, warned, as a folder's is, where two or more
    versions are left (`_left_out_empty_files`); standard input or a pipe that gives nothing
    is refused. A binary file (a picture) among plain version files of one folder is left out,
    warned, as that folder leaves it out (`_left_out_binary_files`).
    Flattened diff pages of the same article are read jointly. A directory is a git repository
    of versions, or a folder of version files (ordered by the number in their names; a binary
    file beside them, a picture, is left out, warned, as a repository's is) or of pages; the
    folders in it are left out, and `notes` gets a line that names them (and one for the links
    back to a folder read, `self -> .`, which hold nothing more).
    No file, standard input or stored version larger than `max_bytes` is read. `origins`, when
    given, gets the input each article returned was read from (for the text files read together,
    their names, joined). Every article is in text that every output can hold: a name that is
    not UTF-8 written as `caf\\xe9`, a lone UTF-16 half read as U+FFFD (`as_text_outputs_hold`).
    `for_python` words the notes and the articles' warnings for the Python API: what to do in
    Python where the command line's name a command (`worded_for_python`). `folders_told_of`
    leaves out the notes that name the folders in a folder of versions, for a caller that has
    told of them (`export`, which names each folder it skips as it expands its inputs).
    """
    if not inputs:
        raise EmptyInput("no input given", hint="name a page, version files, a directory or -",
                         python_hint="name a page, version files or a directory")
    if list(inputs).count("-") > 1:  # the second would read nothing, as if it were empty
        raise EmptyInput("standard input is given more than once", "-",
                         hint="give - once; name the other versions as files")
    articles: list[Article] = []
    read_from: list[str] = []  # each article's input, as `origins` gets them
    texts: list[TextInput] = []
    empty_files: list[EmptyInput] = []  # each an empty file's error, where it is refused
    binary_files: list[BinaryData] = []  # each a binary file's error, where it is refused
    texts_at = 0  # the files read together take the place of the first of them, as in `export`
    read_already: set[Path] = set()  # folders and databases, each read once
    for name in inputs:
        if not texts and not empty_files and not binary_files:
            texts_at = len(articles)
        if name == "-":
            if sys.stdin is None:  # the process was started with it closed (`<&-`)
                raise EmptyInput("standard input is closed", name,
                                 hint="give the input on it (- < FILE, or a pipe), or name "
                                      "the file instead of -")
            data = read_bounded(sys.stdin.buffer, "-", max_bytes)
            if data.startswith(SQLITE_MAGIC):
                raise UnknownFormat("a SQLite database cannot be read from standard input", name,
                                    hint="give the database file's path instead of -")
            texts.append(_tracker_input(_text_input("-", data, max_bytes)))
            continue
        refuse_unusable_path(name)
        path = Path(name)
        if not path.exists() and _GLOB.search(name):
            raise EmptyInput("no such file or directory", name,
                             hint=f"a glob: give it {UNQUOTED_GLOB}; of revdiff's commands "
                             "only export expands globs itself",
                             python_hint=f"Python expands no glob: give the paths "
                             f"glob.glob({name!r}) finds")
        if not path.exists() and path.is_symlink():
            raise EmptyInput("a symbolic link that leads to nothing (or to a loop of links)", name,
                             hint="check where it leads, or give the file itself")
        if not path.exists():
            raise EmptyInput("no such file or directory", name,
                             hint=missing_input_hint(name, "give - to read standard input"),
                             python_hint=missing_input_hint(name))
        real = path.resolve()
        if path.is_dir():
            from revdiff.formats import gitrepo  # GitPython loads only for a directory

            if real in read_already:  # as `export` reads it: once
                if notes is not None:
                    notes.append(f"{name}: skipped, it leads to a folder already read"
                                 if path.is_symlink() else
                                 f"{name}: skipped, an earlier input already read it")
                continue
            read_already.add(real)
            refuse_unreadable_folder(path, name)

            if gitrepo.is_repository(path):
                in_git = gitrepo.read_repository(path, max_bytes)
                if notes is not None and _versions_committed_as_files(in_git):
                    notes.append(f"{name}: a git repository, read as one: each file's history is "
                                 f"an article, and each of its {len(in_git)} files has one "
                                 "version; to read the files as the versions of one article, "
                                 f"name them ({shlex.quote(name.rstrip('/'))}/*)")
                articles.extend(in_git)
            else:
                articles.extend(_read_directory(path, max_bytes, notes, read_already,
                                                for_python, folders_told_of))
            read_from.extend([name] * (len(articles) - len(read_from)))
            continue
        if real in read_already:  # a file in it is a database: only those are kept there
            if notes is not None:
                notes.append(f"{name}: skipped, it is a database already read")
            continue
        try:
            read = _read_file(path, name, max_bytes)
        except EmptyText as empty:  # read once: its text tells it is empty
            if not path.is_file():  # a pipe that gives nothing
                raise
            empty_files.append(empty)
            continue
        except BinaryData as no_text:  # a picture: no version, left out beside a folder's
            if not path.is_file():
                raise
            binary_files.append(no_text)
            continue
        if isinstance(read, TextInput):
            texts.append(_tracker_input(read))
            if notes is not None and path.suffix.lower() in DATABASE_SUFFIXES:
                notes.append(_database_named_note(name))
        else:
            read_already.add(real)
            articles.extend(read)
            read_from.extend([name] * len(read))
    scattered = _scattered_files_note([text.name for text in texts if text.format is Format.PLAIN])
    if scattered and notes is not None:
        notes.append(scattered)
    left_out = _left_out_empty_files(texts, empty_files) + _left_out_binary_files(texts,
                                                                                 binary_files)
    read_texts = [dataclasses.replace(article, warnings=left_out + article.warnings)
                  for article in _read_texts(texts)]
    articles[texts_at:texts_at] = read_texts
    read_from[texts_at:texts_at] = [", ".join(text.name for text in texts)] * len(read_texts)
    if origins is not None:
        origins.extend(read_from)
    if for_python:
        articles = [dataclasses.replace(article, warnings=tuple(map(worded_for_python,
                                                                    article.warnings)))
                    for article in articles]
    return [as_text_outputs_hold(article) for article in articles]


def _left_out_empty_files(texts: Sequence[TextInput], empty_files: Sequence[EmptyInput]
                          ) -> tuple[str, ...]:
    """The warning that empty files given among plain version files are left out, as a folder
    leaves them out; none when no file was empty. Refused, as the first empty file, where fewer
    than two versions are left or the other inputs are no plain versions (a tracker's page)."""
    if not empty_files:
        return ()
    if len(texts) < 2 or any(text.format is not Format.PLAIN for text in texts):
        raise empty_files[0]
    return (_left_out_empty_warning([str(empty.where) for empty in empty_files]),)


def _left_out_binary_files(texts: Sequence[TextInput], binary_files: Sequence[BinaryData]
                           ) -> tuple[str, ...]:
    """The warning that binary files (pictures) given among plain version files of one folder
    (`revdiff parse story/*`) are left out, as that folder leaves them out; none when no file
    was binary. Refused, as the first binary file, where no plain version is left, the other
    inputs are no plain versions (a tracker's page), or the files are of several folders."""
    if not binary_files:
        return ()
    names = [str(binary.where) for binary in binary_files]
    given = [*names, *(text.name for text in texts)]
    if (not texts or any(text.format is not Format.PLAIN for text in texts)
            or any(map(plain.is_stream_name, given)) or len({Path(name).parent for name in given}) > 1):
        raise binary_files[0]
    return (_left_out_binary_warning(names),)


def _left_out_binary_warning(names: Sequence[str]) -> str:
    return f"left out {counted(len(names), 'binary file')} ({first_few(names)}): binary data is no version"


def _left_out_empty_warning(names: Sequence[str]) -> str:
    return (f"left out {counted(len(names), 'empty file')} ({first_few(names)}): an empty "
            "capture is no version")


def _versions_committed_as_files(articles: list[Article]) -> bool:
    """Whether a repository's articles look like a folder of version files kept in git: two or
    more files side by side at its top, each of one version and with a number in its name."""
    paths = [article.metadata.get("path", "/") for article in articles]
    return (len(articles) > 1 and all(len(article.versions) == 1 for article in articles)
            and all("/" not in path and plain.version_order_key(Path(path))[0] == 0
                    for path in paths))


def missing_input_hint(name: str, otherwise: str | None = None) -> str:
    """What to do about an input that names nothing: a web address is no file. `otherwise`
    is the command line's other way, left out for a Python caller, who is told that a ~ only
    a shell expands."""
    if _WEB_ADDRESS.match(name):
        return ("revdiff reads saved pages, not web addresses: save the page first with curl -o "
                "page.html URL" + (", or give <(curl -s URL)" if otherwise else ""))
    if otherwise:
        return f"check the path; {otherwise}"
    if name.startswith("~"):
        return ("check the path; Python does not expand ~ as a shell does: "
                "give os.path.expanduser(path)")
    return "check the path"


# A name with what only a glob holds (`*`, `?`, a class `[0-9]`; a lone `[`, as in an escape
# sequence `\x1b[31m`, is none); parse, diff, view and store read the paths the shell gives them,
# and expand no glob themselves
_GLOB = re.compile(r"[*?]|\[[^]/]+\]")
UNQUOTED_GLOB = "unquoted, for the shell to expand"
_WEB_ADDRESS = re.compile(r"(?:https?|ftp)://|www\.", re.IGNORECASE)


def refuse_unusable_path(name: str) -> None:
    """Refuse a path that names nothing: an empty one, where `Path("")` is the current folder,
    and one the system cannot look up (a name too long for it, a folder on it that may not be
    opened), which `Path.exists` raises OSError on where it gives False for a missing file."""
    if not name:
        raise EmptyInput("an input's path is empty",
                         hint="name a file or folder; an unset shell variable gives an empty one",
                         python_hint="name a file or folder")
    try:
        Path(name).exists()
    except OSError as error:
        raise EmptyInput(f"cannot look up the path ({os_reason(error)})", name,
                         hint="check the path and that you may open the folders on it") from None


class _InTextOutputsHold:
    """A database's articles in text that every output can hold, as `load` gives them
    (`as_text_outputs_hold`), made as they are read."""

    def __init__(self, contents: DatabaseContents) -> None:
        self.contents = contents

    def __len__(self) -> int:
        return len(self.contents)

    def __iter__(self) -> Iterator[Article]:
        return (as_text_outputs_hold(article) for article in self.contents)


def load_unit(inputs: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES,
              notes: list[str] | None = None) -> DatabaseContents:
    """The articles `load` reads from `inputs`, but those of a database given alone read one at a
    time as they are used: `export` reads a whole NewsEdits outlet so, in bounded memory. The
    folders in a folder of versions are not named: `export` named those it skipped as it
    expanded its inputs (`expand_inputs`)."""
    if len(inputs) == 1 and inputs[0] != "-" and is_sqlite_file(Path(inputs[0])):
        # imported here: the SQLite readers load only for a database
        from revdiff.formats import databases

        return _InTextOutputsHold(databases.open_database(Path(inputs[0]), max_bytes))
    return load(inputs, max_bytes, notes, folders_told_of=True)


def _database_named_note(name: str) -> str:
    """The line that says a file named as a SQLite database is text (a download that saved an
    error page in its place, a file renamed by mistake): it is read by its content, as text."""
    return (f"{name}: named as a SQLite database, but it is text (it does not begin as SQLite's "
            "files do); read as text (give the database itself, or rename the file)")


def _scattered_files_note(names: Sequence[str]) -> str | None:
    """The line that says plain version files given together come from several folders (a
    glob such as `stories/*/0.txt`): they are read as one article's, which is rarely meant;
    None when they share a folder."""
    folders = {resolved(Path(name)).parent for name in names if not plain.is_stream_name(name)}
    if len(folders) < 2:
        return None
    return (f"{counted(len(names), 'file')} of plain text from {len(folders)} folders are read "
            "together, as the versions of one article; to read each folder as an article, name "
            "the folders")


# A UTF-16 half alone, as a reader's JSON `\ud800` escape gives it (json.loads joins a written
# pair into its character): no file, database or terminal takes it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def as_text_outputs_hold(article: Article) -> Article:
    """The article in text that every output (a UTF-8 file, a database, a terminal) can hold, as
    `load` gives every article: the names it took from the file system (titles, paths, page
    names, the places its warnings name) with their bytes that are not UTF-8 written as `\\xe9`
    (`name_text`), and a lone UTF-16 half in its text, times, URL or source read as U+FFFD."""
    names = [*(version.title for version in article.versions), *article.metadata.values(),
             *article.warnings, *(page.name for page in article.pages)]
    texts = [article.source or "", article.url or "",
             *(version.time_text or "" for version in article.versions),
             *(paragraph for version in article.versions for paragraph in version.paragraphs)]
    if (all(name_text(name) == name for name in names)
            and not any(_LONE_SURROGATE.search(text) for text in texts)):
        return article
    return dataclasses.replace(
        article, source=article.source and _whole_characters(article.source),
        url=article.url and _whole_characters(article.url),
        versions=tuple(dataclasses.replace(
            version, title=name_text(version.title),
            paragraphs=tuple(map(_whole_characters, version.paragraphs)),
            time_text=version.time_text and _whole_characters(version.time_text))
            for version in article.versions),
        metadata={key: name_text(value) for key, value in article.metadata.items()},
        warnings=tuple(name_text(warning) for warning in article.warnings),
        pages=tuple(dataclasses.replace(page, name=name_text(page.name)) for page in article.pages))


def _whole_characters(text: str) -> str:
    """`text` with each lone UTF-16 half in it read as U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _read_file(path: Path, name: str, max_bytes: int) -> TextInput | list[Article]:
    """A file's decoded text and format, or the articles of a tracker's SQLite database.

    The size is checked before reading, and the read is bounded too (the file may grow); a
    database's limit is its reader's (`databases.open_database`).
    """
    if plain.is_stream_name(name) and path.is_fifo():  # the shell's pipe: `<(curl ...)`
        return _read_pipe(path, name, max_bytes)
    if path.is_fifo():  # a named pipe (`mkfifo`), which unlike the shell's may have no writer
        raise UnknownFormat("a FIFO (named pipe), not a regular file: opening one waits for ever "
                            "while nothing writes to it", name,
                            hint=f"to read it, give it as standard input: - < {shlex.quote(name)}",
                            python_hint="give a file or a directory")
    if not path.is_file():
        raise UnknownFormat(f"{_entry_kind(path)}, not a regular file", name,
                            hint="give a file, a directory or -",
                            python_hint="give a file or a directory")
    try:
        with open(path, "rb") as handle:
            if detect_bytes(handle.read(len(SQLITE_MAGIC))) is Format.NEWSEDITS_SQLITE:
                _check_database_size(path, name, max_bytes)
                # imported here: the SQLite readers load only for a database
                from revdiff.formats import databases

                return databases.read_database(path, max_bytes)
            handle.seek(0)
            check_size_unless_binary(handle, name, max_bytes)
            data = read_bounded(handle, name, max_bytes)
    except OSError as error:
        raise EmptyInput(f"cannot read the file ({os_reason(error)})", name,
                         hint="check that it exists and that you may read it") from None
    return _text_input(name, data, max_bytes)


def _check_database_size(path: Path, name: str, max_bytes: int) -> None:
    """A database read whole (by `diff`, `parse`, `view`, `store`) is limited as a file is;
    `export` reads a NewsEdits file an article at a time instead (`load_unit`)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise InputTooLarge(
            f"database is {format_size(size)} ({size:,} bytes), more than the size limit of "
            f"{limit_beside(size, max_bytes)} for reading it whole", name,
            hint="revdiff export reads a NewsEdits file an article at a time, each version "
                 "under the limit; to read it whole, raise the limit with --max-size",
            python_hint=f"to read it whole, raise the limit: {RAISED_LIMIT_IN_PYTHON}")


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
    return _text_input(name, data, max_bytes)


def _text_input(name: str, data: bytes, max_bytes: int) -> TextInput:
    """The decoded input and its format; an HTML page that no tracker made is one too (a folder
    of them is read as saved pages)."""
    decoded = decode_bytes(data, name, max_bytes)
    found = detect(decoded.text)
    if found in (Format.JSON, Format.FEED, Format.WRAPPED_PAGE, Format.DOCUMENT, Format.PAGE_TEXT,
                 Format.DIFF, Format.WIKI_EXPORT, Format.CAPTURE_LISTING, Format.TABLE):
        what, hint = foreign.describe(decoded.text) or ("no version format", foreign.READABLE)
        raise UnknownFormat(f"this is {what}, not a version format", name, hint=hint)
    return TextInput(name, decoded.text, found, decoded.warning)


def _tracker_input(read: TextInput) -> TextInput:
    """An input given on its own: an HTML page that no tracker made is refused."""
    if read.format is Format.UNKNOWN_HTML:
        if looks_translated(read.text):
            raise UnknownFormat("HTML page was translated by the browser before it was saved",
                                read.name, hint=SAVE_UNTRANSLATED)
        from revdiff.formats.newsdiffs import looks_like_article_history

        if looks_like_article_history(read.text):
            raise UnknownFormat("this is a NewsDiffs article history page, which lists the "
                                "versions but holds none of their text", read.name,
                                hint="save each of its (Compare) links' diff pages and give "
                                     "those, or put them in a folder and give the folder")
        other_inputs = ("give the versions as text files, or put saved pages of an article in "
                        "a folder and give the folder")
        lowered = read.text.lower()
        if "<html" in lowered and "</html" not in lowered:  # cut before the tracker's markup?
            # (a page may also leave out </html>, as HTML allows)
            raise MalformedPage("HTML page is neither a News Sniffer nor a NewsDiffs page, and it "
                                "ends without </html>", read.name,
                                hint=f"if it is a diff page cut short, save the whole page again; "
                                     f"else {other_inputs}")
        raise UnknownFormat("HTML page is neither a News Sniffer nor a NewsDiffs page", read.name,
                            hint=f"save the diff page itself, {other_inputs}")
    return read


def _with_warnings(article: Article, texts: Sequence[TextInput]) -> Article:
    """The article with the encoding warnings of the inputs it was read from put first."""
    warnings = tuple(t.warning for t in texts if t.warning)
    if not warnings:
        return article
    return dataclasses.replace(article, warnings=warnings + article.warnings)


def _left_out_folders_note(path: Path, files: Sequence[Path], folders: Sequence[str],
                           for_python: bool) -> str:
    """What a folder of versions that also holds folders tells the user: only its files are read.
    The command line's way to read each folder is `revdiff export`; Python's is to name them all,
    as glob.glob finds them."""
    each_folder = f"{Path(path, '*')}/"
    read_each = (f"use revdiff.load(*sorted(glob.glob({each_folder!r})))" if for_python
                 else "use `revdiff export`")
    return (f"{path}: read its {counted(len(files), 'file')}; left out "
            f"{counted(len(folders), 'folder')} in it ({first_few(folders)}): name a folder to "
            f"read it, or {read_each} to read each {_folder_read_as(path, folders)}")


def is_link_back(entry: Path, read: Collection[Path]) -> bool:
    """Whether `entry`, in a folder being read, is a symbolic link back to a folder already `read`
    or to one that holds its own (`self -> .`, `up -> ..`): following it would read a folder
    again, or loop."""
    return (entry.is_symlink() and entry.is_dir()
            and (resolved(entry) in read or resolved(entry.parent).is_relative_to(resolved(entry))))


def links_back_note(path: Path, links: Sequence[Path]) -> str:
    """The line that says the symbolic links in folder `path` back to folders already read or
    holding it (`is_link_back`) are skipped."""
    first = min(links, key=lambda p: natural_key(p.name))
    return (f"{path}: skipped {counted(len(links), 'link')} back to a folder already read or to "
            f"one holding it, such as {first.name}")


def refuse_unreadable_folder(path: Path, name: str) -> None:
    """A folder that cannot be listed (no read or search permission) is refused in one line
    that names it, before its contents are looked at."""
    try:
        with os.scandir(path) as entries:
            next(entries, None)
        (path / ".git").exists()
    except OSError as error:
        raise EmptyInput(f"cannot read the folder ({os_reason(error)})", name,
                         hint="check that you may read it and open it, or move it away") from None


def folder_entries(path: Path, root: Path | None = None) -> list[Path]:
    """What a folder holds that may be a version or, in a corpus, a folder of them: not a hidden
    entry, a file browser's litter (`__MACOSX` too), an editor's leftover, the journal SQLite
    keeps beside a database open elsewhere (a tracker still writing it: `news.db-wal`,
    `news.db-shm`, `news.db-journal`), which SQLite reads with the database, or a symbolic link
    that leads out of `root` (by default the folder itself)."""
    entries = [p for p in path.iterdir() if not p.name.startswith(".")]
    names = {p.name for p in entries}
    return [p for p in entries
            if p.name not in FILE_BROWSER_LITTER and not _is_editor_leftover(p.name)
            and not _is_database_journal(p.name, names) and not leads_out_of(p, root or path)]


def leads_out_of(entry: Path, folder: Path) -> bool:
    """Whether `entry` is a symbolic link to something outside `folder`. A folder from a stranger
    can link to any file of the reader's (`3.txt -> ~/.ssh/id_rsa`): such a link is never read.
    A link to nothing is a broken link wherever it points, named as such; a link up to a folder
    that holds `folder` (`up -> ..`) leads back, not out (`is_link_back`)."""
    if not (entry.is_symlink() and entry.exists()):
        return False
    target = resolved(entry)
    return (not target.is_relative_to(resolved(folder))
            and not resolved(folder).is_relative_to(target))


def links_out_note(path: Path, root: Path) -> str | None:
    """The line that names the symbolic links in folder `path` that lead out of `root` and so
    are left out, with what to do to read what they lead to (a file, a folder); None when it
    has none."""
    leaving = sorted((p for p in path.iterdir() if leads_out_of(p, root)), key=lambda p: p.name)
    if not leaving:
        return None
    to_folders = sum(p.is_dir() for p in leaving)
    advice = ("copy a file into the folder to read it" if not to_folders
              else "name the folder a link leads to, to read it" if to_folders == len(leaving)
              else "copy a file into the folder, or name the folder a link leads to, to read it")
    return (f"{path}: left out {counted(len(leaving), 'symbolic link')} that "
            f"{'leads' if len(leaving) == 1 else 'lead'} out of {root} "
            f"({first_few([p.name for p in leaving])}): {advice}")


def _is_database_journal(name: str, names: set[str]) -> bool:
    base, dash, kind = name.rpartition("-")
    return bool(dash) and kind in ("wal", "shm", "journal") and base in names


def _is_editor_leftover(name: str) -> bool:
    """An editor's backup or autosave beside a version (`0.txt~`, `#0.txt#`): no version, and
    its number would take the version's."""
    return name.endswith("~") or (len(name) > 1 and name.startswith("#") and name.endswith("#"))


def _entry_kind(entry: Path) -> str:
    """What an entry (of a folder, or an input) that is neither file nor folder is: `a broken
    link` (to nothing, or a link loop), `a FIFO`, `a socket` or `a device`."""
    try:
        return special_kind(entry.stat().st_mode)
    except OSError:
        return "a broken link"


def left_out_entries_note(path: Path, entries: Sequence[Path]) -> str | None:
    """The line that names a folder's entries that are neither files nor folders, each with what
    it is (a broken link, a FIFO, a device), which are never read; None when it has none.
    `entries` leaves out the symbolic links that lead out of the folder: `links_out_note` names
    those, whatever they lead to."""
    strange = sorted((p for p in entries if not p.is_file() and not p.is_dir()),
                     key=lambda p: p.name)
    if not strange:
        return None
    one = len(strange) == 1
    named = [f"{p.name} ({_entry_kind(p)})" for p in strange]
    return (f"{path}: left out {len(strange):,} {'entry' if one else 'entries'} that "
            f"{'is' if one else 'are'} neither file nor folder: {first_few(named)}")


# What a browser adds to a page's name for the folder of its images ("Web page, complete"):
# Chrome writes `_files`; Firefox its language's word (German `-Dateien`, French `_fichiers`,
# Spanish `_archivos`, Italian `_file`, Dutch `-bestanden`, Portuguese `_arquivos` or
# `_ficheiros`, Polish `_pliki`, Swedish, Danish and Norwegian `-filer`).
_SAVED_PAGE_FOLDER_SUFFIXES = ("_files", "-Dateien", "_fichiers", "_archivos", "_file",
                               "-bestanden", "_arquivos", "_ficheiros", "_pliki", "-filer")


def is_saved_page_folder(folder: Path, files: Sequence[Path]) -> bool:
    """Whether `folder` holds what a browser saved with a page beside it (`story.html` and its
    images in `story_files`, or `story-Dateien` from a German Firefox)."""
    return any(folder.name in (file.stem + suffix for suffix in _SAVED_PAGE_FOLDER_SUFFIXES)
               and file.suffix.lower() in (".html", ".htm") for file in files)


def _folder_read_as(path: Path, folders: Sequence[str]) -> str:
    """How each of the folders in `path` is read when given (`to read each ...`): a folder of
    versions as an article, a git repository (a NewsDiffs month) as the articles it holds."""
    from revdiff.formats import gitrepo  # GitPython loads only for a directory

    repositories = sum(gitrepo.is_repository(path / folder) for folder in folders)
    if not repositories:
        return "folder as an article"
    if repositories == len(folders):
        return "folder as a git repository of articles"
    return "folder as an article, and every git repository among them as the articles it holds"


def _read_directory(path: Path, max_bytes: int, notes: list[str] | None,
                    read_already: set[Path], for_python: bool,
                    folders_told_of: bool) -> list[Article]:
    """The articles of a folder that is no git repository; its databases join `read_already`,
    and those already in it (named before the folder) are not read again. `for_python` words
    its notes for the Python API; `folders_told_of` leaves out those that name its folders."""
    database_articles: list[Article] = []
    databases: list[str] = []  # the names of the folder's database files
    try:
        entries = folder_entries(path)
    except OSError as error:
        raise EmptyInput(f"cannot list the directory ({os_reason(error)})", str(path),
                         hint="check that you may read it") from None
    files = plain.in_version_order([p for p in entries if p.is_file()], str(path))
    in_folders = [p for p in entries if p.is_dir() and not is_saved_page_folder(p, files)]
    # a link back to a folder read or holding this one (`self -> .`, `up -> ..`) holds nothing
    # more to read: skipped, as `export` skips it, and in its words, so that `export` says it once
    links_back = [p for p in in_folders if is_link_back(p, read_already)]
    folders = sorted(p.name for p in in_folders if p not in links_back)
    if not files:
        hint = "put one file per version in it, named 0.txt, 1.txt, ..."
        python_hint = None
        if folders:
            each_folder = f"{Path(path, '*')}/"
            give = (f"it holds only folders ({first_few(folders)}); give one of them, or each "
                    "of them")
            every = f"to read every {_folder_read_as(path, folders)}"
            hint = f"{give} ({each_folder}, {UNQUOTED_GLOB}) {every}"
            # Python expands no glob: the folders are named by glob.glob, in the shell's order
            python_hint = f"{give} (revdiff.load(*sorted(glob.glob({each_folder!r})))) {every}"
        elif links_out := links_out_note(path, path):
            hint = links_out.removeprefix(f"{path}: ")
        raise EmptyInput("directory holds no version files", str(path), hint=hint,
                         python_hint=python_hint)
    if notes is not None and not folders_told_of:
        if links_back:
            notes.append(links_back_note(path, links_back))
        if folders:
            notes.append(_left_out_folders_note(path, files, folders, for_python))
    for left_out in (left_out_entries_note(path, entries), links_out_note(path, path)):
        if left_out and notes is not None:
            notes.append(left_out)
    from revdiff.formats import (
        snapshots,  # BeautifulSoup loads only for a folder of pages
    )

    empty: dict[Path, EmptyText] = {}  # the files that hold no text (failed captures)
    saved_pages = snapshots.read_folder(files, max_bytes, empty, notes)
    if saved_pages is not None:
        if notes is not None:
            notes.extend(_left_out_empty_note(path, empty))
        return saved_pages
    texts = []
    binary: dict[Path, BinaryData] = {}  # the files that are no text (a picture): no versions
    refused: list[RevdiffError] = []  # the files revdiff reads in no way (compressed, a document)
    for file in files:
        if file in empty:  # `read_folder` read it
            continue
        real = file.resolve()
        if real in read_already:
            databases.append(file.name)
            if notes is not None:
                notes.append(f"{file}: skipped, it is a database already read")
            continue
        try:
            read = _read_file(file, str(file), max_bytes)
        except EmptyText as blank:
            empty[file] = blank
            continue
        except BinaryData as no_text:
            binary[file] = no_text
            continue
        except (UnknownFormat, BinaryInput) as unreadable:
            refused.append(unreadable)
            continue
        if isinstance(read, TextInput):
            texts.append(read)
            if notes is not None and file.suffix.lower() in DATABASE_SUFFIXES:
                notes.append(_database_named_note(str(file)))
        else:
            read_already.add(real)
            database_articles.extend(read)
            databases.append(file.name)
    if refused:  # the folder is refused: moving the file out helps only beside another to read
        raise _refused_in_folder(refused[0]) if texts or databases else refused[0]
    if binary and (databases or not texts or any(t.format is not Format.PLAIN for t in texts)):
        # left out only beside plain versions: beside pages or databases, a stray file is
        # refused; in a folder of nothing else to read, no other file is there to be read
        stray = next(iter(binary.values()))
        raise _refused_in_folder(stray) if texts or databases else stray
    if len(empty) == len(files):  # nothing but failed captures: the folder is empty
        raise next(iter(empty.values()))
    left_out_empty = _left_out_empty_note(path, empty)  # the plain versions' warning, else a note
    # a capture that failed, and a picture beside the versions: the others
    files = [file for file in files if file not in empty and file not in binary]
    # saved pages here come after another file by name (`read_folder` stops at that file)
    page_names = [t.name for t in texts if t.format is Format.UNKNOWN_HTML]
    if page_names:
        other = next(file for file in files if str(file) not in page_names)
        raise snapshots.mixed_folder(other, Path(page_names[0]).name)
    if not texts:
        if notes is not None:
            notes.extend(left_out_empty)
        return database_articles
    if databases:
        text_names = [Path(text.name).name for text in texts]
        raise InconsistentPages(
            f"tracker databases ({first_few(databases)}) and text files "
            f"({first_few(text_names)}) in one directory", str(path),
            hint="read the databases and the other files separately")
    if all(t.format is Format.PLAIN for t in texts):
        if empty and len(texts) == 1:  # as for version files given together: refused
            raise _one_version_beside_empty_files(path, [file.name for file in empty])
        article = plain.read_versions([(t.name, t.text) for t in texts],
                                      _folder_version_numbers(files, str(path)))
        article = _with_warnings(article, texts)
        in_name_order: tuple[str, ...] = ()
        if len(files) > 1 and not any(map(_holds_a_number, files)):
            names = first_few([file.name for file in files])
            in_name_order = (f"{path}: no file name holds a number, so the versions are read in "
                             f"the order of their names ({names}); number the files (0.txt, "
                             "1.txt, ...) to give another order"),
        return [dataclasses.replace(article, warnings=left_out_empty + _left_out_binary_note(
            path, binary) + in_name_order + article.warnings)]
    plain_names = [Path(t.name).name for t in texts if t.format is Format.PLAIN]
    if plain_names:  # beside tracker pages: notes, a list of links
        raise InconsistentPages(
            f"tracker pages and text files that are no page ({first_few(plain_names)}) in one "
            "directory", str(path),
            hint="move the files that are no page out of it, or give the pages by name")
    if notes is not None:
        notes.extend(left_out_empty)
    return _read_texts(texts)


def _refused_in_folder(error: RevdiffError) -> RevdiffError:
    """`error` about a folder's file that revdiff does not read, saying what to do when it is no
    version but a stray file (a screenshot, a JSON file of notes) beside the versions."""
    move_out = "if it is no version, move it out of the folder to read the other files"
    error.hint = f"{error.hint}; {move_out}" if error.hint else move_out
    error.args = (str(error),)
    return error


def _one_version_beside_empty_files(path: Path, empty_names: Sequence[str]) -> EmptyInput:
    """The error that a folder's version files are one and empty files (failed captures): left
    out, they would leave an article of one version."""
    return EmptyInput(
        f"one version file is left once {counted(len(empty_names), 'empty file')} "
        f"({first_few(empty_names)}) {'is' if len(empty_names) == 1 else 'are'} left out: an "
        "empty capture is no version", str(path),
        hint="save the empty captures again, or move them out of the folder to read the one "
             "version")


def _folder_version_numbers(files: Sequence[Path], where: str) -> list[int] | None:
    """The version numbers of a folder's plain version files, in their order
    (`plain.in_version_order`), as `plain.version_numbers` gives them, refusing what it refuses.
    InconsistentPages too when some of the names hold a number and others none (a README among
    the versions)."""
    unnumbered = [file.name for file in files if not _holds_a_number(file)]
    if unnumbered and len(unnumbered) < len(files):
        raise InconsistentPages(
            f"the file names number the versions, but {first_few(unnumbered)} "
            f"{'holds' if len(unnumbered) == 1 else 'hold'} no number", where,
            hint="move the files that are no versions out of the folder, or put each "
                 "version's number in its name")
    return plain.version_numbers(files, where)


def _holds_a_number(file: Path) -> bool:
    return plain.version_order_key(file)[0] == 0


def _left_out_empty_note(path: Path, empty: Collection[Path]) -> tuple[str, ...]:
    """The line that the files of folder `path` that hold no text are left out; none when none
    is empty."""
    return (f"{path}: {_left_out_empty_warning([file.name for file in empty])}",) if empty else ()


def _left_out_binary_note(path: Path, binary: Collection[Path]) -> tuple[str, ...]:
    """The line that the files of folder `path` that are binary data (pictures beside the
    versions) are left out, as a git repository's are; none when none is."""
    return (f"{path}: {_left_out_binary_warning([file.name for file in binary])}",) if binary else ()


# The tracker pages `_read_texts` reads, as the README's table of inputs names them.
_PAGE_KINDS = {
    Format.SNIFFER_DIFF_HTML: "an HTML News Sniffer diff page",
    Format.SNIFFER_DIFF_TEXT: "a News Sniffer diff page saved as text",
    Format.SNIFFER_VERSION_HTML: "an HTML News Sniffer version page",
    Format.SNIFFER_VERSION_TEXT: "a News Sniffer version page saved as text",
    Format.NEWSDIFFS_HTML: "a NewsDiffs diff page",
}


def _read_texts(texts: list[TextInput]) -> list[Article]:
    plain_texts = [t for t in texts if t.format is Format.PLAIN]
    pages = [t for t in texts if t.format is not Format.PLAIN]
    if plain_texts and pages:
        raise InconsistentPages(
            "plain version files and tracker pages given together", plain_texts[0].name,
            hint=f"{pages[0].name} is {_PAGE_KINDS[pages[0].format]}; read them separately",
        )
    if plain_texts:
        return [_read_plain_texts(plain_texts)]
    position: dict[str, int] = {}
    for index, text in enumerate(texts):
        position.setdefault(text.name, index)
    # pages that give their versions exactly are read first: flattened pages are fitted to them
    exact, articles = _without_copies([page for page in pages
                                       if page.format is not Format.SNIFFER_DIFF_TEXT])
    known: dict[str, dict[int, Version]] = {}
    for article in articles:
        if article.url:
            known.setdefault(article.url, {}).update((v.number, v) for v in article.versions)
    flattened = [t for t in pages if t.format is Format.SNIFFER_DIFF_TEXT]
    read_flattened = []
    flattened_names = []
    flattened_starts = []
    for article in sniffer_text.read_diff_texts([(t.name, t.text) for t in flattened], known):
        read_from = {page.name for page in article.pages}
        read_flattened.append(_with_warnings(article, [t for t in flattened if t.name in read_from]))
        flattened_names.append(", ".join(sorted(read_from)))
        flattened_starts.append(min(position[name] for name in read_from))
    return merge_articles(read_flattened + articles,
                          flattened_names + [page.name for page in exact],
                          flattened_starts + [position[page.name] for page in exact])


def _without_copies(pages: list[TextInput]) -> tuple[list[TextInput], list[Article]]:
    """The pages that give their versions exactly and their articles, without second copies of
    one page (a page given twice, or saved twice: `page (1).html`): each copy left out is warned
    about on the article of its first, as flattened pages are (`revdiff.splitter.chain`); and,
    as for those, two News Sniffer diff pages of one article that compare the same two versions
    and show them otherwise are an error."""
    kept: list[TextInput] = []
    articles: list[Article] = []
    readings: list[tuple[Format, Article]] = []  # each kept page's, its warnings left out
    for page in pages:
        article = _with_warnings(_read_page(page), [page])
        reading = (page.format, dataclasses.replace(article, warnings=()))
        first = next((index for index, earlier in enumerate(readings) if earlier == reading), None)
        if first is None:
            if page.format is Format.SNIFFER_DIFF_HTML:
                _refuse_another_showing_of_the_same_versions(page, article, kept, articles)
            kept.append(page)
            articles.append(article)
            readings.append(reading)
            continue
        articles[first] = dataclasses.replace(articles[first], warnings=(
            *articles[first].warnings, copy_read_once(page.name, kept[first].name)))
    return kept, articles


def _refuse_another_showing_of_the_same_versions(page: TextInput, article: Article,
                                                 kept: Sequence[TextInput],
                                                 articles: Sequence[Article]) -> None:
    """Refuse a News Sniffer diff page (`page`, read as `article`) when a page kept before it
    compares the same two versions of the same article and shows them otherwise (another title,
    time or text): one of them is not that article's pair of versions, and merging them would
    keep whichever was given first."""
    numbers = [version.number for version in article.versions]
    for earlier, earlier_article in zip(kept, articles, strict=True):
        if (earlier.format is page.format and earlier_article.url == article.url
                and [version.number for version in earlier_article.versions] == numbers
                and earlier_article.versions != article.versions):
            raise InconsistentPages(
                f"two pages compare the same versions {' and '.join(map(str, numbers))} and differ",
                page.name, hint=f"drop one of {earlier.name} and {page.name}")


def _read_plain_texts(texts: list[TextInput]) -> Article:
    """The article of plain version files given together, in the order given; but files of one
    folder given in the order of their names sorted as text, as a shell's `*` gives them
    (`1.txt`, `10.txt`, `2.txt`), are read as the folder is, in its order and with its version
    numbers, warned, when the folder would not be refused and orders them otherwise. Numbered
    files of one folder given in another order than the folder's are read in the order given,
    warned: a shell that sorts names by the rules of a language may give such an order."""
    names = [text.name for text in texts]
    files = [Path(name) for name in names]
    in_folder_order = None
    if (len(files) > 1 and len({file.parent for file in files}) == 1
            and not any(map(plain.is_stream_name, names)) and all(map(_holds_a_number, files))):
        in_folder_order = _folder_order(files)
    numbers: list[int] | None = None
    said = ""  # how the order read differs from the order given
    if in_folder_order is not None and in_folder_order[0] == files:
        numbers = in_folder_order[1]
    elif in_folder_order is not None:
        ordered, folder_numbers = in_folder_order
        read_first, given_first = next((first, given) for first, given in zip(ordered, files)
                                       if first != given)
        if names != sorted(names):  # the user's own order, or a language's
            said = (f"{counted(len(files), 'version file')} are read in the order given "
                    f"({given_first.name} before {read_first.name}), which is not the order of "
                    "the numbers in their names; to read them in that order, name their folder")
        else:
            text_of = dict(zip(files, texts, strict=True))
            texts = [text_of[file] for file in ordered]
            numbers = folder_numbers
            said = (f"{counted(len(files), 'version file')} are read in the order of the numbers "
                    f"in their names, as a folder's are ({read_first.name} before "
                    f"{given_first.name}), not in the order given, their names sorted as text, as "
                    "a shell's * gives them; to read them in another order, name them one by one "
                    "in that order")
    article = _with_warnings(plain.read_versions([(t.name, t.text) for t in texts], numbers),
                             texts)
    return dataclasses.replace(article, warnings=(said, *article.warnings)) if said else article


def _folder_order(files: list[Path]) -> tuple[list[Path], list[int] | None] | None:
    """The files of one folder in the order a folder of them is read in, and the version numbers
    it gives them; None where such a folder is refused (names that differ only in zeros, dates
    that may be read day first or month first, numbered and unnumbered names together)."""
    where = str(files[0].parent)
    try:
        ordered = plain.in_version_order(files, where)
        return ordered, _folder_version_numbers(ordered, where)
    except InconsistentPages:
        return None


def _read_page(page: TextInput) -> Article:
    # BeautifulSoup loads only for HTML pages
    from revdiff.formats import newsdiffs, sniffer_html

    readers = {
        Format.SNIFFER_DIFF_HTML: sniffer_html.read_diff_page,
        Format.SNIFFER_VERSION_HTML: sniffer_html.read_version_page,
        Format.SNIFFER_VERSION_TEXT: sniffer_text.read_version_text,
        Format.NEWSDIFFS_HTML: newsdiffs.read_page,
    }
    return readers[page.format](page.text, page.name)


def merge_articles(articles: list[Article], inputs: Sequence[str],
                   starts: Sequence[int] | None = None) -> list[Article]:
    """Join articles read from several pages of one URL into one version chain; `inputs` names
    the page (or pages) each article was read from, and `starts` where its first page stands
    among the inputs (by default, where the article stands in `articles`): the joined articles
    come in the order of their first pages, as given, though flattened pages are read last.

    Versions are keyed by number; two pages that give one version number different texts
    (other than by symbols a flattened page lost) are an error, since they cannot both be right;
    two that give it another title or time are warned of, naming both.
    """
    merged: dict[str, list[tuple[Article, str]]] = {}
    first_page: dict[str, int] = {}
    for index, (article, source) in enumerate(zip(articles, inputs, strict=True)):
        key = article.url or f"#{index}"
        merged.setdefault(key, []).append((article, source))
        start = index if starts is None else starts[index]
        first_page[key] = min(first_page.get(key, start), start)
    result = []
    for key in sorted(merged, key=first_page.__getitem__):
        group = merged[key]
        if len(group) == 1:
            article, source = group[0]
            result.append(_finished(article, source))
            continue
        for article, source in group:
            if unnumbered_pages.is_unnumbered(article):
                raise unnumbered_pages.unplaced_page_error(source, key)
        by_number: dict[int, Version] = {}
        given_by: dict[int, str] = {}  # the page whose reading of each version is kept
        shown_otherwise_warnings: list[str] = []
        for article, source in group:
            for version in article.versions:
                known = by_number.get(version.number)
                if known is None:
                    by_number[version.number] = version
                    given_by[version.number] = source
                    continue
                if same_paragraphs_up_to_symbols(known.paragraphs, version.paragraphs):
                    # a flattened page may have lost symbols (FORMATS.md): each paragraph keeps
                    # its fullest text
                    paragraphs = tuple(map(fullest, known.paragraphs, version.paragraphs))
                    # its `[...]` paragraphs are article text when a page gives its text complete
                    cut = known.cut and version.cut
                else:  # a rendered NewsDiffs page may have cut it to [...]: the fuller one stays
                    kept_text = elision.reconcile(known.paragraphs, version.paragraphs)
                    if kept_text is None:
                        if not (known.paragraphs and version.paragraphs):
                            raise _page_without_the_text(
                                version.number, key, (known, given_by[version.number]),
                                (version, source))
                        raise InconsistentPages(
                            f"{given_by[version.number]} and {source} disagree about the text "
                            f"of version {version.number}", key,
                            hint="give pages of one article only")
                    paragraphs = kept_text
                    cut = (known if kept_text == known.paragraphs else version).cut
                # the version with a time is kept, or the first given, with what only the other
                # page gave (a time told from another version with the version it counts from)
                first_kept = known.time is not None or version.time is None
                kept, other = (known, version) if first_kept else (version, known)
                told = kept if kept.time_text else other
                kept_by = given_by[version.number] if first_kept else source
                shown_otherwise = _shown_otherwise_warning(
                    version.number, (known, given_by[version.number]), (version, source), kept_by)
                if shown_otherwise:
                    shown_otherwise_warnings.append(shown_otherwise)
                by_number[version.number] = dataclasses.replace(
                    kept, paragraphs=paragraphs, title=kept.title or other.title,
                    time_text=told.time_text, time_from=told.time_from, cut=cut)
                given_by[version.number] = kept_by
        read = [article for article, _ in group]
        first = read[0]
        versions = tuple(by_number[n] for n in sorted(by_number))
        # a page's warning that it cut a version is stale once another page gave it whole
        pages_warnings = (warning for article in read for warning in article.warnings)
        warnings = (elision.without_stale_cut_warnings(pages_warnings, versions)
                    + tuple(shown_otherwise_warnings))
        pages = tuple(p for a in read for p in a.pages)
        # what one page gives and another does not (a version page names no source) is kept,
        # whatever order the pages came in
        metadata: dict[str, str] = {}
        for article in read:
            for name, value in article.metadata.items():
                if not metadata.get(name):
                    metadata[name] = value
        result.append(_finished(Article(
            next((a.source for a in read if a.source), first.source), first.url, versions,
            max((a.changes or 0 for a in read), default=None) or None,
            metadata, warnings, pages,
        ), key))
    return result


def _shown_otherwise_warning(number: int, earlier: tuple[Version, str], later: tuple[Version, str],
                            kept_by: str) -> str | None:
    """The warning, naming both pages, for two pages (each a version and where it was read) that
    give version `number` another title or time, as the chain of flattened pages warns of a column
    that differs (`revdiff.splitter.chain`); None when they do not. `kept_by` names the page whose
    reading is kept."""
    (first, first_by), (second, second_by) = earlier, later
    shown = [("title", first.title, second.title),
             ("time", first.time and first.time.isoformat(), second.time and second.time.isoformat())]
    differences = [f"{what} {by_second!r} where {first_by} shows {by_first!r}"
                   for what, by_first, by_second in shown if by_first and by_second and by_first != by_second]
    if not differences:
        return None
    return (f"{second_by}: version {number} has the {' and the '.join(differences)}; "
            f"kept {kept_by}'s")


def _page_without_the_text(number: int, key: str, *pages: tuple[Version, str]
                           ) -> InconsistentPages:
    """The error for two pages (each a version and where it was read) of one version where one
    shows no text of it: a page saved before its text showed, or cut in saving."""
    (_, empty), (shown, shown_by) = sorted(pages, key=lambda page: bool(page[0].paragraphs))
    return InconsistentPages(
        f"{empty} shows no text of version {number}, where {shown_by} shows "
        f"{counted(len(shown.paragraphs), 'paragraph')}", key,
        hint=f"leave {empty} out, or save it again once its text shows")


def _finished(article: Article, where: str) -> Article:
    """The article of pages read from `where`: the source its URL names when no page named one
    (a version page names none), and a warning for each version dated before the one before it."""
    dated_back = tuple(dated_back_warnings(where, article.versions))
    return dataclasses.replace(article, source=article.source or source_of_url(article.url),
                               warnings=article.warnings + dated_back)

