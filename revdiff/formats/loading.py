"""Turn command-line inputs (files, directories, git repositories, `-`) into Articles."""

from __future__ import annotations

import dataclasses
import os
import re
import shlex
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from revdiff.errors import (
    BinaryData,
    EmptyInput,
    EmptyText,
    InconsistentPages,
    MalformedPage,
    RevdiffError,
    UnknownFormat,
    os_reason,
)
from revdiff.file_names import name_text
from revdiff.formats import plain
from revdiff.formats.detect import (
    DATABASE_SUFFIXES,
    SQLITE_MAGIC,
    Format,
    is_sqlite_file,
)
from revdiff.formats.error_pages import tracker_reply
from revdiff.formats.folders import (
    UNQUOTED_GLOB,
    OneVersionLeft,
    folder_entries,
    folder_version_numbers,
    holds_a_number,
    is_saved_page_folder_given,
    left_out_binary_warnings,
    left_out_empty_warning,
    left_out_replies_warnings,
    read_directory,
    refuse_journals_given_by_name,
    refuse_one_names_downloads,
    refuse_unreadable_folder,
    version_files,
    without_tracker_replies,
)
from revdiff.formats.input_file import (
    TextInput,
    database_named_note,
    decoded_input,
    entry_kind,
    in_one_encoding,
    read_file,
    with_warnings,
)
from revdiff.formats.page_joining import read_pages
from revdiff.formats.repeated_files import RepeatedFiles
from revdiff.formats.shown_markup import closing_html_tag, opening_html_tag, shown_markup
from revdiff.formats.store_working_tree import refuse_store_working_tree_path
from revdiff.formats.text_input import read_bounded, resolved
from revdiff.formats.translation import SAVE_UNTRANSLATED, looks_translated
from revdiff.formats.versions_beside import versions_beside
from revdiff.model import Article
from revdiff.read_warnings import counted, files_name, worded_for_python
from revdiff.size_limit import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from revdiff.formats.databases import DatabaseContents


# `-` names standard input, never a file: one named so, in the current folder, is read as `./-`
FILE_NAMED_DASH = "- is standard input: to read the file named - here, give ./-"
FILE_NAMED_DASH_IN_PYTHON = ("to read the file named - here, give the str './-' (a Path drops "
                             "the ./)")


def load(inputs: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES,
         notes: list[str] | None = None, origins: list[str] | None = None,
         for_python: bool = False, folders_told_of: bool = False,
         on_article_read: Callable[[int, int], None] | None = None,
         listed: Mapping[str, Path] | None = None) -> list[Article]:
    """Read every input and return the articles they hold.

    Plain version files given together form one article, versions in the order given; files of
    one folder given in the order of their names sorted as text (a shell's `*`) are read as
    their folder is, warned, when it orders them otherwise (`_read_plain_texts`). An empty file
    among them (a failed capture) is left out, warned, as a folder's is, where two or more
    versions are left (`_left_out_empty_files`); standard input or a pipe that gives nothing
    is refused. A binary file (a picture) among plain version files of one folder is left out,
    warned, as that folder leaves it out (`_left_out_binary_files`). A file that is all a
    tracker's plain-text reply in place of a page (`tracker_reply`: News Sniffer's article
    withheld, or not found) is left out of the files given together, warned, as a folder leaves
    it out; given with no version file or page, it is refused saying what it is.
    Flattened diff pages of the same article are read jointly. A directory is a git repository
    of versions, or a folder of version files (ordered by the number in their names; a binary
    file beside them, a picture, is left out, warned, as a repository's is) or of pages; the
    folders in it are left out, and `notes` gets a line that names them (and one for the links
    back to a folder read, `self -> .`, which hold nothing more). A file that several
    repositories given hold (the months of a NewsDiffs archive) is an article of each, not
    joined; those after the first are warned of (`RepeatedFiles`).
    No file, standard input or stored version larger than `max_bytes` is read. `origins`, when
    given, gets the input each article returned was read from (of the text files read together,
    those it was read from, `a.txt (+2 files)`: each tracker page's article its own pages).
    Every article is in text that every output can hold: a name that is not UTF-8 written as
    `caf\\xe9`, a lone UTF-16 half read as U+FFFD (`as_text_outputs_hold`).
    `for_python` words the notes and the articles' warnings for the Python API: what to do in
    Python where the command line's name a command (`worded_for_python`). `folders_told_of`
    leaves out the notes that name the folders in a folder of versions, for a caller that has
    told of them (`export`, which names each folder it skips as it expands its inputs). An error
    about standard input says, where the current folder holds a file named `-`, to give `./-`.
    `on_article_read` is told how far the reading of a tracker's SQLite file is, as each of its
    articles is read: how many are read and how many it holds (a NewsEdits outlet's thousands
    take a while). `listed` maps the inputs that revdiff's listing gave (`export`'s expansion of
    a corpus, a folder of databases or a glob, which left out the links out of it) to the real
    path their folder had when listed, a folder given to its own: each file opened must still
    lie in it (`read_file`'s `listed_folder`), so that a link put in the place of a file or of a
    folder after the listing is not followed out. A folder not listed so is held to its real
    path as it is read. A git repository, which git reads by its path, is checked before git
    reads it and after (`listed_repository.read_where_listed`).
    """
    try:
        return _read_inputs(inputs, max_bytes, notes, origins, for_python, folders_told_of,
                            on_article_read, listed or {})
    except RevdiffError as error:
        if error.where == "-" and os.path.lexists("-"):
            error.add_hint(FILE_NAMED_DASH)
        raise


def _read_inputs(inputs: Sequence[str], max_bytes: int, notes: list[str] | None,
                 origins: list[str] | None, for_python: bool,
                 folders_told_of: bool,
                 on_article_read: Callable[[int, int], None] | None,
                 listed: Mapping[str, Path]) -> list[Article]:
    """`load`'s work, its errors not yet told of a file named `-`."""
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
    repeated = RepeatedFiles()  # a file in several repositories (the months of an archive)
    units_read = 0  # folders, repositories and databases read; the text files are one more
    left_with_one: OneVersionLeft | None = None  # a folder left with one version
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
            texts.append(decoded_input("-", data, max_bytes))
            continue
        refuse_unusable_path(name)
        path = Path(name)
        if not path.exists() and looks_like_a_glob(name):
            raise EmptyInput("no such file or directory", name,
                             hint=f"a glob: give it {UNQUOTED_GLOB}; of revdiff's commands "
                             "only export expands globs itself",
                             python_hint=f"Python expands no glob: give the paths "
                             f"glob.glob({name!r}) finds")
        if not path.exists() and path.is_symlink():
            raise EmptyInput(entry_kind(path), name,
                             hint="check where it leads, or give the file itself")
        if not path.exists():
            raise missing_version_input("no such file or directory", name,
                                        "give - to read standard input")
        real = path.resolve()
        if path.is_dir() and is_saved_page_folder_given(path, inputs):
            continue  # read with its page
        if path.is_dir():
            # GitPython loads only for a directory
            from revdiff.formats import gitrepo
            from revdiff.formats.listed_repository import read_where_listed

            if real in read_already:  # as `export` reads it: once
                if notes is not None:
                    notes.append(f"{name}: skipped, it leads to a folder already read"
                                 if path.is_symlink() else
                                 f"{name}: skipped, an earlier input already read it")
                continue
            read_already.add(real)
            refuse_unreadable_folder(path, name)
            units_read += 1

            if gitrepo.is_repository(path):
                in_git = read_where_listed(path, listed.get(name, real), max_bytes)
                if notes is not None and _versions_committed_as_files(in_git):
                    notes.append(f"{name}: a git repository, read as one: each file's history is "
                                 f"an article, and each of its {len(in_git)} files has one "
                                 "version; to read the files as the versions of one article, "
                                 f"name them ({shlex.quote(name.rstrip('/'))}/*)")
                articles.extend(repeated.warned(in_git, name))
            else:
                refuse_store_working_tree_path(path, name)
                try:
                    articles.extend(read_directory(path, listed.get(name, real), max_bytes,
                                                   notes, read_already, for_python,
                                                   folders_told_of))
                except OneVersionLeft as one_version:
                    # beside other units, left out as a folder of one version file is
                    left_with_one = one_version
                    articles.append(one_version.article)
            read_from.extend([name] * (len(articles) - len(read_from)))
            continue
        if real in read_already:  # a file in it is a database: only those are kept there
            if notes is not None:
                notes.append(f"{name}: skipped, it is a database already read")
            continue
        refuse_store_working_tree_path(path, name)
        try:
            read = read_file(path, name, max_bytes, on_article_read,
                             listed_folder=listed.get(name))
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
            texts.append(read)
            if notes is not None and path.suffix.lower() in DATABASE_SUFFIXES:
                notes.append(database_named_note(name))
        else:
            read_already.add(real)
            units_read += 1
            articles.extend(read)
            read_from.extend([name] * len(read))
    if notes is not None:
        notes.extend(note for _, note in files_in_folders_given(
            [(name, [Path(name)]) for name in inputs if name != "-" and Path(name).is_dir()],
            [text.name for text in texts if text.name != "-"]))
    if left_with_one is not None and units_read + bool(texts or empty_files or binary_files) == 1:
        raise left_with_one  # the only unit read, whatever names of it were given
    scattered = _scattered_files_note([text.name for text in texts if text.format is Format.PLAIN])
    if scattered and notes is not None:
        notes.append(scattered)
    texts, replies = without_tracker_replies(texts)
    if replies and not texts:  # refused as a file given alone is
        name, reply = replies[0]
        raise reply.refused(name)
    left_out = (left_out_replies_warnings(replies) + _left_out_empty_files(texts, empty_files)
                + _left_out_binary_files(texts, binary_files))
    files_read: list[tuple[str, ...]] = []
    read_texts = [dataclasses.replace(article, warnings=left_out + article.warnings)
                  for article in _read_texts(texts, files_read, notes)]
    articles[texts_at:texts_at] = read_texts
    read_from[texts_at:texts_at] = map(files_name, files_read)
    if origins is not None:
        origins.extend(read_from)
    if for_python:
        articles = [dataclasses.replace(article, warnings=tuple(map(worded_for_python,
                                                                    article.warnings)))
                    for article in articles]
    return [as_text_outputs_hold(article) for article in articles]


def files_in_folders_given(folders: Sequence[tuple[str, Sequence[Path]]],
                           files: Sequence[str]) -> list[tuple[str, str]]:
    """The note about each folder given (`export f f/0.txt`) that reads files given too as its
    versions, with the folder: the folder is read as its article(s), and the files named as one
    more, so their versions are read twice (`store` would store them twice). `folders` pairs
    each folder given with the folders its reading reads as articles: itself, or, where `export`
    reads it as a corpus, the folders in it. A file the folder leaves out (`folder_entries`: an
    editor's leftover, a hidden file) or that lies in a folder in it it does not read is not
    read twice."""
    # os.path.realpath, not Path.resolve, which raises on a link in a loop of links
    real_files = [(name, Path(os.path.realpath(name))) for name in files]
    notes = []
    for folder, read in folders:
        held = [name for name, real in real_files
                if any(_reads_as_a_version(article, real) for article in read)]
        if held:
            note = (f"{Path(folder)}: {counted(len(held), 'file')} in it "
                    f"{'is' if len(held) == 1 else 'are'} given too ({', '.join(held)}), read "
                    "apart from the folder as one more article, so their versions are read "
                    "twice; give the folder or its files, not both")
            notes.append((folder, note))
    return notes


def _reads_as_a_version(folder: Path, real: Path) -> bool:
    """Whether reading `folder` as an article reads the file at `real` (a real path): any file
    in it, where it is a git repository, which reads each file's history; else one of the
    files it reads as its versions (`version_files`)."""
    from revdiff.formats import gitrepo  # GitPython loads only for a directory

    if gitrepo.is_repository(folder):
        return real.is_relative_to(Path(os.path.realpath(folder)))
    try:
        entries = folder_entries(folder)
    except OSError:  # its reading refuses it
        return False
    return real in {Path(os.path.realpath(file)) for file in version_files(entries)}


def _left_out_empty_files(texts: Sequence[TextInput], empty_files: Sequence[EmptyInput]
                          ) -> tuple[str, ...]:
    """The warning that empty files given among plain version files are left out, as a folder
    leaves them out; none when no file was empty. Refused, as the first empty file, where fewer
    than two versions are left or the other inputs are no plain versions (a tracker's page)."""
    if not empty_files:
        return ()
    if len(texts) < 2 or any(text.format is not Format.PLAIN for text in texts):
        raise empty_files[0]
    return (left_out_empty_warning([str(empty.where) for empty in empty_files]),)


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
    return left_out_binary_warnings(Path(names[0]).parent, names)


def _versions_committed_as_files(articles: list[Article]) -> bool:
    """Whether a repository's articles look like a folder of version files kept in git: two or
    more files side by side at its top, each of one version and with a number in its name."""
    paths = [article.metadata.get("path", "/") for article in articles]
    return (len(articles) > 1 and all(len(article.versions) == 1 for article in articles)
            and all("/" not in path and plain.version_order_key(Path(path))[0] == 0
                    for path in paths))


def missing_version_input(said: str, name: str, otherwise: str) -> EmptyInput:
    """The refusal of an input of versions that names nothing, `said` of it: the command line's
    hint (`otherwise` its other way, empty for none) and a Python caller's, each naming the
    versions its folder holds where it is a numbered version's (`versions_beside`)."""
    held = versions_beside(name)
    return EmptyInput(said, name, hint=missing_input_hint(name, otherwise, versions_held=held),
                      python_hint=missing_input_hint(name, versions_held=held))


def missing_input_hint(name: str, otherwise: str | None = None, *,
                       versions_held: str | None = None) -> str:
    """What to do about an input that names nothing: a web address is no file, and white space
    alone, or around a path that names something without it, is told of, and to a Python caller
    a line break that ends one (a line of a file object, read as a list of paths); a version
    file that is not there is told `versions_held`, the versions its folder holds
    (`versions_beside`, which only the caller knows to be a version's, not a corrections
    file's). `otherwise` is the command line's other way (empty: none), None for a Python
    caller, who is told that a ~ only a shell expands."""
    if is_web_address(name):
        return ("revdiff reads saved pages, not web addresses: save the page first with curl -o "
                "page.html URL" + (", or give <(curl -s URL)" if otherwise is not None else ""))
    if not name.strip():  # stripped, the empty path: to `Path`, the current folder
        return ("check the path: it is white space alone (a blank line read from a file?); "
                "leave it out")
    if name != name.strip() and Path(name.strip()).exists():
        # a path read from a file keeps its line break (`revdiff.load(open("paths.txt"))`), and
        # a space does not show in the message
        return ("check the path: it has white space before or after it (a line break read from "
                "a file?); " + ("remove it" if otherwise is not None else "give path.strip()"))
    check = f"check the path: {versions_held}" if versions_held else "check the path"
    if otherwise is not None:
        return f"{check}; {otherwise}" if otherwise else check
    if name.endswith(("\n", "\r")):
        # `revdiff.load(open("0.txt"))`, meant to read the version, reads its lines as paths
        return ("check the path: it ends in a line break, as a line read from a file does; a file "
                "object is read as a list of paths, one a line: to read the file itself, give its "
                "path, f.name")
    if name.startswith("~"):
        return ("check the path; Python does not expand ~ as a shell does: "
                "give os.path.expanduser(path)")
    return check


# A name with what only a glob holds (`*`, `?`, a class `[0-9]`; a lone `[`, as in an escape
# sequence `\x1b[31m`, is none); parse, diff, view and store read the paths the shell gives them,
# and expand no glob themselves
_GLOB = re.compile(r"[*?]|\[[^]/]+\]")
_WEB_ADDRESS = re.compile(r"(?:https?|ftp)://|www\.", re.IGNORECASE)


def is_web_address(name: str) -> bool:
    """Whether `name` is a web address (`https://`, `ftp://`, `www.`), which names no file."""
    return _WEB_ADDRESS.match(name) is not None


def looks_like_a_glob(name: str) -> bool:
    """Whether `name` holds what only a glob holds, and is no web address (whose `?` begins its
    query)."""
    return _GLOB.search(name) is not None and not is_web_address(name)


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


def article_keys(articles: DatabaseContents,
                 on_listed: Callable[[int], None] | None = None) -> Counter[str]:
    """The keys (`Article.key`) of what `load_unit` gave counted, as every command counts them
    to name an article apart from others named alike (`read_warnings.article_name`): those of a
    NewsEdits file read one at a time from its rows without their texts, before its articles,
    `on_listed` told how many have been read as each is."""
    if isinstance(articles, _InTextOutputsHold):
        from revdiff.formats.newsedits import DatabaseArticles

        contents = articles.contents
        read = contents.without_texts() if isinstance(contents, DatabaseArticles) else contents
        keys: Counter[str] = Counter()
        for listed, article in enumerate(read, 1):
            keys[as_text_outputs_hold(article).key] += 1
            if on_listed is not None:
                on_listed(listed)
        return keys
    return Counter(article.key for article in articles)


@contextmanager
def load_unit(inputs: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES,
              notes: list[str] | None = None, origins: list[str] | None = None,
              listed: Mapping[str, Path] | None = None) -> Iterator[DatabaseContents]:
    """The articles `load` reads from `inputs`, with their `origins` as it gives them, but those
    of a database given alone read one at a time as they are used, inside the block, its file
    held open for SQLite's connections to be checked against (`databases.opened_database`; no
    origin given: the database is each one's): `export` reads a whole NewsEdits outlet so, in
    bounded memory. The folders in a folder of versions are not named: `export` named those it
    skipped as it expanded its inputs (`expand_inputs`). What is opened of the inputs `listed`
    must still lie in the folder they were listed in (`load`'s `listed`), a database too."""
    if len(inputs) == 1 and inputs[0] != "-" and is_sqlite_file(path := Path(inputs[0])):
        # imported here: the SQLite readers load only for a database
        from revdiff.formats import databases

        with databases.opened_database(path, max_bytes,
                                       (listed or {}).get(inputs[0])) as contents:
            yield _InTextOutputsHold(contents)
        return
    yield load(inputs, max_bytes, notes, origins, folders_told_of=True, listed=listed)


def _scattered_files_note(names: Sequence[str]) -> str | None:
    """The line that says plain version files given together come from several folders (a
    glob such as `stories/*/0.txt`): they are read as one article's, which is rarely meant;
    None when they share a folder. It names the symbolic links among them to a file of another
    folder than the one they were named in (`V/3.txt -> ../out/x.txt`, given by `V/*`), and
    where they lead: a folder leaves such a link out, and names given by a glob hide it."""
    files = [Path(name) for name in names if not plain.is_stream_name(name)]
    folders = {resolved(file).parent for file in files}
    if len(folders) < 2:
        return None
    links = [f"{file} is a symbolic link to {resolved(file)}" for file in files
             if file.is_symlink() and resolved(file).parent != resolved(file.parent)]
    named = f" ({'; '.join(links[:3])}{'; ...' if len(links) > 3 else ''})" if links else ""
    return (f"{counted(len(names), 'file')} of plain text from {len(folders)} folders are read "
            f"together, as the versions of one article{named}; to read each folder as an "
            "article, name the folders")


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


# A page of nothing but its doctype (`<!DOCTYPE html>`) and white space: one cut right after it;
# one cut inside it (`<!DOCTYPE ht`, `<!DOC`), or in the tag after it (`<ht`, `<html lang="en"`)
_DOCTYPE_ALONE = re.compile(r"\s*+<!doctype[^>]*+>\s*+", re.IGNORECASE)
_CUT_IN_ITS_DOCTYPE = re.compile(r"\s*+<!(?:doctype\b[^<>]*+|d(?:o(?:c(?:t(?:y(?:pe?)?)?)?)?)?)",
                                 re.IGNORECASE)
_CUT_IN_ITS_FIRST_TAG = re.compile(r"\s*+<!doctype\b[^<>]*+>\s*+<[^<>]*+", re.IGNORECASE)


def _untracked_page_error(read: TextInput) -> RevdiffError:
    """The refusal of an HTML page that no tracker made, given alone or beside inputs of another
    kind: saved pages are read only together (`_read_saved_pages`)."""
    shown_page = shown_markup(read.text)  # read once for the checks below
    if looks_translated(shown_page):
        return UnknownFormat("HTML page was translated by the browser before it was saved",
                             read.name, hint=SAVE_UNTRANSLATED)
    from bs4 import BeautifulSoup  # loaded already: the page was read as HTML

    # a tracker's plain-text reply that a browser saved as a page, wrapping it in <body>
    if (reply := tracker_reply(BeautifulSoup(shown_page, "html.parser").get_text())) is not None:
        return reply.refused(read.name)
    from revdiff.formats.newsdiffs import looks_like_article_history

    if looks_like_article_history(shown_page):
        return UnknownFormat("this is a NewsDiffs article history page, which lists the "
                             "versions but holds none of their text", read.name,
                             hint="save each of its (Compare) links' diff pages and give "
                                  "those, or put them in a folder and give the folder")
    from revdiff.formats.listing_pages import listing_page

    if (listing := listing_page(shown_page)) is not None:
        what, instead = listing
        return UnknownFormat(what, read.name, hint=instead)
    from revdiff.formats.sniffer_html import looks_like_version_without_title

    if looks_like_version_without_title(shown_page):
        return UnknownFormat("HTML is a News Sniffer version page's text without the page's "
                             "<h1> title", read.name,
                             hint='copy the element that holds the title too, <div '
                                  'id="content">, or save the whole page')
    other_inputs = ("give the versions as text files, or give two or more saved pages of "
                    "an article, or their folder")
    # cut before the tracker's markup? (a page may also leave out </html>, as HTML allows;
    # one in a script's string or a comment is none, and a custom element's <html-frame> is
    # no <html>)
    cut_short = f"if it is a diff page cut short, save the whole page again; else {other_inputs}"
    if _DOCTYPE_ALONE.fullmatch(shown_page):  # its comments are blank lines there
        return MalformedPage("HTML page ends right after its doctype", read.name, hint=cut_short)
    if _CUT_IN_ITS_DOCTYPE.fullmatch(shown_page):
        return MalformedPage("HTML page ends inside its doctype: it looks cut short", read.name,
                             hint=cut_short)
    if _CUT_IN_ITS_FIRST_TAG.fullmatch(shown_page):
        return MalformedPage("HTML page ends in a half-written tag right after its doctype: it "
                             "looks cut short", read.name, hint=cut_short)
    if opening_html_tag(shown_page) is not None and closing_html_tag(shown_page) is None:
        return MalformedPage("HTML page is neither a News Sniffer nor a NewsDiffs page, and it "
                             "ends without </html>", read.name, hint=cut_short)
    return UnknownFormat("HTML page is neither a News Sniffer nor a NewsDiffs page", read.name,
                         hint=f"save the diff page itself, {other_inputs}")


# The tracker pages `_read_texts` reads, as the README's table of inputs names them.
_PAGE_KINDS = {
    Format.SNIFFER_DIFF_HTML: "an HTML News Sniffer diff page",
    Format.SNIFFER_DIFF_TEXT: "a News Sniffer diff page saved as text",
    Format.SNIFFER_VERSION_HTML: "an HTML News Sniffer version page",
    Format.SNIFFER_VERSION_TEXT: "a News Sniffer version page saved as text",
    Format.NEWSDIFFS_HTML: "a NewsDiffs diff page",
}


def _read_texts(texts: list[TextInput], files_read: list[tuple[str, ...]],
                notes: list[str] | None) -> list[Article]:
    """The articles of the text files given together; `files_read` gets the files each was read
    from (plain version files: all of them, one article's versions; saved pages: all of them,
    read as their folder is, saying in `notes` what it says there)."""
    if any(text.format is Format.UNKNOWN_HTML for text in texts):
        return _read_saved_pages(texts, files_read, notes)
    plain_texts = [t for t in texts if t.format is Format.PLAIN]
    pages = [t for t in texts if t.format is not Format.PLAIN]
    if plain_texts and pages:
        raise InconsistentPages(
            "plain version files and tracker pages given together", plain_texts[0].name,
            hint=f"{pages[0].name} is {_PAGE_KINDS[pages[0].format]}; read them separately",
        )
    if plain_texts:
        article = _read_plain_texts(plain_texts)
        files_read.append(tuple(text.name for text in plain_texts))
        return [article]
    return read_pages(pages, files_read)


def _read_saved_pages(texts: list[TextInput], files_read: list[tuple[str, ...]],
                      notes: list[str] | None) -> list[Article]:
    """The articles of saved pages given together (two or more, and nothing else read with
    them), read as the folder of them is; one alone, a single version, is refused as any HTML
    page that no tracker made is, and so is one beside inputs of another kind."""
    saved = [text for text in texts if text.format is Format.UNKNOWN_HTML]
    if len(saved) == 1:
        raise _untracked_page_error(saved[0])
    other = next((text for text in texts if text.format is not Format.UNKNOWN_HTML), None)
    if other is not None:
        others = "plain version files" if other.format is Format.PLAIN else "tracker pages"
        kind = _PAGE_KINDS.get(other.format, "a plain version file")
        raise InconsistentPages(f"saved news pages and {others} given together", saved[0].name,
                                hint=f"{other.name} is {kind}; read them separately")
    from revdiff.formats import snapshots  # BeautifulSoup loads only for saved pages

    articles = snapshots.read_given_pages(saved, notes)
    files_read.extend([tuple(text.name for text in saved)] * len(articles))
    return articles


def _read_plain_texts(texts: list[TextInput]) -> Article:
    """The article of plain version files given together, in the order given; but files of one
    folder given in the order of their names sorted as text, as a shell's `*` gives them
    (`1.txt`, `10.txt`, `2.txt`), are read as the folder is, in its order and with its version
    numbers, warned, when the folder would not be refused and orders them otherwise (names
    without a number too: a shell in the C locale gives `B.txt` before `a.txt`); so given where
    the folder would be refused as one name's downloads (`story (1).txt`, `story.txt`: the
    original last), they are refused so too. Numbered files of one folder given in another order
    than the folder's are read in the order given, warned: a shell that sorts names by the rules
    of a language may give such an order. The journal files SQLite keeps beside a database are
    refused: those of one not in their folder as a folder refuses them, and those of one in it,
    which a folder leaves out."""
    names = [text.name for text in texts]
    files = [Path(name) for name in names]
    for folder in dict.fromkeys(file.parent for file, name in zip(files, names, strict=True)
                                if not plain.is_stream_name(name)):
        refuse_journals_given_by_name(folder, [file for file in files if file.parent == folder])
    in_folder_order = None
    numbered = all(map(holds_a_number, files))
    if (len(files) > 1 and len({file.parent for file in files}) == 1
            and not any(map(plain.is_stream_name, names)) and (numbered or names == sorted(names))):
        in_folder_order = _folder_order(files)
        if in_folder_order is None:  # as the folder is refused: the shell put the original last
            refuse_one_names_downloads(files, str(files[0].parent), given=True)
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
            order = ("the numbers in their names" if numbered else
                     "their names without case first")
            said = (f"{counted(len(files), 'version file')} are read in the order of {order}, "
                    f"as a folder's are ({read_first.name} before "
                    f"{given_first.name}), not in the order given, their names sorted as text, as "
                    "a shell's * gives them; to read them in another order, name them one by one "
                    "in that order")
    in_one_folder = (len({file.parent for file in files}) == 1
                     and not any(map(plain.is_stream_name, names)))
    texts = in_one_encoding(texts, str(files[0].parent) if in_one_folder else names[0])
    article = with_warnings(plain.read_versions([(t.name, t.text) for t in texts], numbers),
                            texts)
    return dataclasses.replace(article, warnings=(said, *article.warnings)) if said else article


def _folder_order(files: list[Path]) -> tuple[list[Path], list[int] | None] | None:
    """The files of one folder in the order a folder of them is read in, and the version numbers
    it gives them; None where such a folder is refused (names that differ only in zeros, dates
    that may be read day first or month first, numbered and unnumbered names together)."""
    where = str(files[0].parent)
    try:
        ordered = plain.in_version_order(files, where)
        return ordered, folder_version_numbers(ordered, where)
    except InconsistentPages:
        return None

