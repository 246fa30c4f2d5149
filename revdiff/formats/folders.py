"""Reading a folder that is no git repository: which of its entries may be versions (no hidden
file, a file browser's litter, an editor's leftover, a database's journal, a link out of it),
the notes that name what is left out, and its articles: version files, saved pages, tracker
pages or databases."""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from revdiff.errors import (
    BinaryData,
    BinaryInput,
    EmptyInput,
    EmptyText,
    InconsistentPages,
    InputTooLarge,
    RevdiffError,
    UnknownFormat,
    os_reason,
)
from revdiff.formats import plain
from revdiff.formats.detect import DATABASE_SUFFIXES, Format
from revdiff.formats.error_pages import TrackerReply, tracker_reply
from revdiff.formats.fields import shown
from revdiff.formats.input_file import (
    TextInput,
    database_named_note,
    entry_kind,
    in_one_encoding,
    read_file,
    with_warnings,
)
from revdiff.formats.page_joining import read_pages
from revdiff.formats.text_input import resolved
from revdiff.model import Article
from revdiff.natural_order import natural_key
from revdiff.read_warnings import counted, first_few

# What file browsers leave in a folder they showed (Finder, Explorer), and the folder of resource
# forks Finder's zip adds beside the files it packs (`__MACOSX`): never a version or an article
FILE_BROWSER_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", "__MACOSX"})

# How a hint asks for a glob to be given: parse, diff, view and store expand none themselves
UNQUOTED_GLOB = "unquoted, for the shell to expand"


def left_out_binary_warnings(folder: Path, names: Sequence[str]) -> tuple[str, ...]:
    """The warnings that binary files of `folder` (`names`: as the warning names them, each a
    file name or a path in it) are left out: pictures as binary data, and the journal files SQLite
    keeps beside a database not in the folder as such, which may hold data it has not taken in."""
    journals = _journals_without_database(folder, names)
    others = [name for name in names if name not in journals]
    warnings = []
    if others:
        warnings.append(f"left out {counted(len(others), 'binary file')} ({first_few(others)}): "
                        "binary data is no version")
    if journals:
        databases = first_few(_journaled_databases(journals))
        warnings.append(
            f"left out {first_few(journals)}: the journal {'file' if len(journals) == 1 else 'files'} "
            f"SQLite keeps beside a database, but no {databases} is in the folder; a -wal file "
            f"may hold data the database has not taken in, so keep "
            f"{'it' if len(journals) == 1 else 'them'} beside {databases}")
    return tuple(warnings)


def left_out_empty_warning(names: Sequence[str]) -> str:
    return (f"left out {counted(len(names), 'empty file')} ({first_few(names)}): an empty "
            "capture is no version")


def without_tracker_replies(texts: Sequence[TextInput]
                            ) -> tuple[list[TextInput], list[tuple[str, TrackerReply]]]:
    """The `texts` but those that are all a tracker's plain-text reply in place of a page
    (`tracker_reply`: News Sniffer's article withheld, or not found), and the names of those,
    each with its reply: no version, among a folder's versions or files given together."""
    kept: list[TextInput] = []
    replies: list[tuple[str, TrackerReply]] = []
    for text in texts:
        reply = tracker_reply(text.text) if text.format is Format.PLAIN else None
        if reply is None:
            kept.append(text)
        else:
            replies.append((text.name, reply))
    return kept, replies


def left_out_replies_warnings(replies: Sequence[tuple[str, TrackerReply]]) -> tuple[str, ...]:
    """The warnings that the files `replies` names (`without_tracker_replies`), each a file name
    or a path, are left out: one for each kind of reply, naming its files."""
    names_of: dict[TrackerReply, list[str]] = {}
    for name, reply in replies:
        names_of.setdefault(reply, []).append(name)
    return tuple(f"left out {first_few(names)}: {'each ' if len(names) > 1 else ''}{reply.what}, "
                 "not a version of it" for reply, names in names_of.items())


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


def version_files(entries: Sequence[Path]) -> list[Path]:
    """The files among a folder's `entries` (`folder_entries`) that its reading reads: its
    versions, pages or databases; a folder in it is no article of its own here."""
    return [p for p in entries if p.is_file()]


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
    leaving = links_out(path, root)
    if not leaving:
        return None
    return (f"{path}: left out {counted(len(leaving), 'symbolic link')} that "
            f"{'leads' if len(leaving) == 1 else 'lead'} out of {root} "
            f"({first_few([p.name for p in leaving])}): {links_out_advice(leaving)}")


def links_out(path: Path, root: Path) -> list[Path]:
    """The symbolic links in folder `path` that lead out of `root`, by name."""
    return sorted((p for p in path.iterdir() if leads_out_of(p, root)), key=lambda p: p.name)


def links_out_advice(leaving: list[Path]) -> str:
    """What to do to read what the links `leaving` lead to (a file, a folder): the folders are
    named, as quoted paths (the links are not followed to read them)."""
    to_folders = [p for p in leaving if p.is_dir()]
    folders = list(dict.fromkeys(resolved(p) for p in to_folders))
    if not folders:
        return "copy a file into the folder to read it"
    targets = first_few([shown(str(folder)) for folder in folders])
    name = (f"name the folder a link leads to ({targets}), to read it" if len(folders) == 1
            else f"name the folders the links lead to ({targets}), to read them")
    return name if len(to_folders) == len(leaving) else f"copy a file into the folder, or {name}"


def _is_database_journal(name: str, names: set[str]) -> bool:
    return _journaled_database(name) in names


def _journaled_database(name: str) -> str | None:
    """The database whose journal SQLite names `name` (`x.db` of `x.db-wal`, `x.db-shm`,
    `x.db-journal`); None when `name` is named as no journal."""
    base, dash, kind = name.rpartition("-")
    return base if dash and kind in ("wal", "shm", "journal") else None


def _database_journals(folder: Path, names: Sequence[str], database_there: bool) -> list[str]:
    """Those of `names` (file names or paths in `folder`) that SQLite names as the journal of a
    database (`x.db-wal`, `x.db-shm` of `x.db`) that is in `folder` (`database_there`) or is
    not, sorted."""
    journals = []
    for name in names:
        database = _journaled_database(Path(name).name)
        if (database is not None and database.lower().endswith(DATABASE_SUFFIXES)
                and (folder / database).exists() == database_there):
            journals.append(name)
    return sorted(journals)


def _journals_without_database(folder: Path, names: Sequence[str]) -> list[str]:
    """Those of `names` (file names or paths in `folder`) that SQLite names as the journal of a
    database that is not in `folder`, sorted."""
    return _database_journals(folder, names, database_there=False)


def _journaled_databases(journals: Sequence[str]) -> list[str]:
    """The databases `journals` (file names or paths) are SQLite's journals of, each once."""
    return list(dict.fromkeys(_journaled_database(Path(name).name) or "" for name in journals))


def refuse_journals_without_database(folder: Path, files: Sequence[Path],
                                     given_by_name: bool = False) -> None:
    """Refuse the text `files` of `folder` where they hold a journal SQLite keeps beside a
    database (`x.db-wal`) of a database named so (`x.db`) that is not in the folder, saying what
    they are: the database's journals are left out of a folder (`folder_entries`), but these
    would be read as versions, or refused as versions whose names hold no number. Files given by
    name (`revdiff parse f/*`) are refused alike, saying to give the others without them."""
    journals = _journals_without_database(folder, [file.name for file in files])
    if not journals:
        return
    databases = _journaled_databases(journals)
    what_to_do = ("give the other files without them" if given_by_name
                  else "move them out of the folder")
    raise InconsistentPages(
        f"{first_few(journals)} {'is' if len(journals) == 1 else 'are'} the journal "
        f"{'file' if len(journals) == 1 else 'files'} SQLite keeps beside a database, but no "
        f"{first_few(databases)} {'is' if len(databases) == 1 else 'are'} in the folder",
        str(folder),
        hint=f"{what_to_do} to read the versions: they belong beside {first_few(databases)}, "
             "which SQLite reads with them")


def refuse_journals_given_by_name(folder: Path, files: Sequence[Path]) -> None:
    """Refuse the text `files` of `folder`, given by name (`revdiff parse f/*.txt f/x.db-wal`),
    where they hold a journal SQLite keeps beside a database (`x.db-wal`): one of a database not
    in the folder as `refuse_journals_without_database` refuses it, and one of a database in the
    folder (`x.db`), which a folder leaves out, saying whose journal it is: either would be read
    as a version."""
    refuse_journals_without_database(folder, files, given_by_name=True)
    journals = _database_journals(folder, [file.name for file in files], database_there=True)
    if not journals:
        return
    of = _journaled_databases(journals)
    databases = first_few(of)
    one = len(journals) == 1
    raise InconsistentPages(
        f"{first_few(journals)} {'is the journal file' if one else 'are the journal files'} "
        f"SQLite keeps beside the {'database' if len(of) == 1 else 'databases'} {databases} in "
        f"the folder, {'not a version' if one else 'no versions'}",
        str(folder),
        hint=f"give {databases} to read the database, which SQLite reads with "
             f"{'it' if one else 'them'}, or leave {'it' if one else 'them'} out to read the "
             "versions")


def _is_editor_leftover(name: str) -> bool:
    """An editor's backup or autosave beside a version (`0.txt~`, `#0.txt#`): no version, and
    its number would take the version's."""
    return name.endswith("~") or (len(name) > 1 and name.startswith("#") and name.endswith("#"))


def left_out_entries_note(path: Path, entries: Sequence[Path]) -> str | None:
    """The line that names a folder's entries that are neither files nor folders, each with what
    it is (a broken link, a link in a loop of links, a FIFO, a device), which are never read;
    None when it has none. `entries` leaves out the symbolic links that lead out of the folder:
    `links_out_note` names those, whatever they lead to."""
    neither = _neither_file_nor_folder(entries)
    return f"{path}: left out {neither}" if neither else None


def _what_it_holds(path: Path, entries: Sequence[Path]) -> str:
    """What a folder without version files or folders holds, for its error: the entries that
    are neither files nor folders, else the files and folders that it leaves out (hidden ones,
    an editor's backups, a file browser's files and folders), each folder named with a `/`
    after it; "" when it holds nothing."""
    if neither := _neither_file_nor_folder(entries):
        return f", only {neither}"
    kept = {entry.name for entry in entries}
    left_out = sorted((entry for entry in path.iterdir() if entry.name not in kept),
                      key=lambda entry: entry.name)
    if not left_out:
        return ""
    folders = sum(1 for entry in left_out if entry.is_dir())
    counts = [counted(number, noun) for number, noun in
              ((len(left_out) - folders, "file"), (folders, "folder")) if number]
    hidden = "hidden files and folders" if folders else "hidden files"
    names = [entry.name + ("/" if entry.is_dir() else "") for entry in left_out]
    return (f", only {' and '.join(counts)} it leaves out ({hidden}, editors' backups and file "
            f"browsers' files): {first_few(names)}")


def _neither_file_nor_folder(entries: Sequence[Path]) -> str | None:
    """The entries that are neither files nor folders, counted and each named with what it is
    (`2 entries that are neither file nor folder: 0.txt (a FIFO), 1.txt (a broken link)`); None
    when there is none."""
    strange = sorted((p for p in entries if not p.is_file() and not p.is_dir()),
                     key=lambda p: p.name)
    if not strange:
        return None
    one = len(strange) == 1
    named = [f"{p.name} ({entry_kind(p)})" for p in strange]
    return (f"{len(strange):,} {'entry' if one else 'entries'} that "
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


def is_saved_page_folder_given(folder: Path, given: Sequence[str]) -> bool:
    """Whether `folder`, given as an input, is the one a browser saved beside a page given with
    it (`story.html story_files`, as a shell's `saved/*` names both): part of that page, as in a
    folder of saved pages, no article of its own."""
    beside = folder.resolve().parent
    for page in (Path(name) for name in given if name != "-"):
        if not is_saved_page_folder(folder, [page]):  # by the names alone: no other is looked up
            continue
        with contextlib.suppress(OSError):  # a name the system cannot look up is no page
            if page.is_file() and page.resolve().parent == beside:
                return True
    return False


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


def _only_folders_hints(path: Path, folders: Sequence[str]) -> tuple[str, str]:
    """The hints of a folder `path` that holds only `folders`, for the command line and for
    Python: give the one folder there is, besides the links to it (`real`, and `link -> real`,
    is one article), or each of them, to read every one."""
    linked = {name: resolved(path / name) for name in folders if (path / name).is_symlink()}
    apart = [name for name in folders if linked.get(name) not in
             {resolved(path / other) for other in folders if other not in linked}]
    if len(apart) == 1:
        links = [name for name in folders if name not in apart]
        them = f" ({', '.join(links)}: {'a link' if len(links) == 1 else 'links'} to it)" \
            if links else ""
        give = f"it holds only the folder {apart[0]}{them}; give it"
        return f"{give}: {Path(path, apart[0])}/", f"{give}: revdiff.load({str(path / apart[0])!r})"
    each_folder = f"{Path(path, '*')}/"
    give = f"it holds only folders ({first_few(apart)}); give one of them, or each of them"
    every = f"to read every {_folder_read_as(path, apart)}"
    # Python expands no glob: the folders are named by glob.glob, in the shell's order
    return (f"{give} ({each_folder}, {UNQUOTED_GLOB}) {every}",
            f"{give} (revdiff.load(*sorted(glob.glob({each_folder!r})))) {every}")


def read_directory(path: Path, listed_folder: Path, max_bytes: int, notes: list[str] | None,
                   read_already: set[Path], for_python: bool,
                   folders_told_of: bool) -> list[Article]:
    """The articles of a folder that is no git repository; its databases join `read_already`,
    and those already in it (named before the folder) are not read again. `for_python` words
    its notes for the Python API; `folders_told_of` leaves out those that name its folders.
    `listed_folder` is the folder's real path when it was listed (by `export` as it expanded its
    inputs, else as it is read): each file opened must lie in it (`refuse_opened_outside`). A
    file that is all a tracker's plain-text reply in place of a page (`without_tracker_replies`)
    is left out, warned; a folder of nothing else is refused, saying what the first is."""
    database_articles: list[Article] = []
    databases: list[str] = []  # the names of the folder's database files
    try:
        entries = folder_entries(path)
    except OSError as error:
        raise EmptyInput(f"cannot list the directory ({os_reason(error)})", str(path),
                         hint="check that you may read it") from None
    files, links_to_versions = _without_unnumbered_links(
        plain.in_version_order(version_files(entries), str(path)))
    in_folders = [p for p in entries if p.is_dir() and not is_saved_page_folder(p, files)]
    # a link back to a folder read or holding this one (`self -> .`, `up -> ..`) holds nothing
    # more to read: skipped, as `export` skips it, and in its words, so that `export` says it once
    links_back = [p for p in in_folders if is_link_back(p, read_already)]
    folders = sorted(p.name for p in in_folders if p not in links_back)
    if not files:
        hint = "put one file per version in it, named 0.txt, 1.txt, ..."
        python_hint = None
        if folders:
            hint, python_hint = _only_folders_hints(path, folders)
        elif leaving := links_out(path, path):
            raise EmptyInput(
                f"directory holds only {counted(len(leaving), 'symbolic link')} that "
                f"{'leads' if len(leaving) == 1 else 'lead'} out of it "
                f"({first_few([p.name for p in leaving])}), which "
                f"{'is' if len(leaving) == 1 else 'are'} not followed, for safety", str(path),
                hint=links_out_advice(leaving))
        holds = "" if folders else _what_it_holds(path, entries)
        raise EmptyInput(f"directory holds no version files{holds}",
                         str(path), hint=hint, python_hint=python_hint)
    if notes is not None and not folders_told_of:
        if links_back:
            notes.append(links_back_note(path, links_back))
        if folders:
            notes.append(_left_out_folders_note(path, files, folders, for_python))
    for left_out in (left_out_entries_note(path, entries), links_out_note(path, path),
                     *_links_to_versions_notes(path, links_to_versions)):
        if left_out and notes is not None:
            notes.append(left_out)
    from revdiff.formats import (
        snapshots,  # BeautifulSoup loads only for a folder of pages
    )

    empty: dict[Path, EmptyText] = {}  # the files that hold no text (failed captures)
    saved_pages = snapshots.read_folder(files, listed_folder, max_bytes, empty, notes)
    if saved_pages is not None:
        if notes is not None:
            notes.extend(_left_out_empty_note(path, empty))
        return saved_pages
    texts = []
    binary: dict[Path, BinaryData] = {}  # the files that are no text (a picture): no versions
    refused: dict[Path, RevdiffError] = {}  # files revdiff reads in no way (compressed, too large)
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
            read = read_file(file, str(file), max_bytes, listed_folder=listed_folder)
        except EmptyText as blank:
            empty[file] = blank
            continue
        except BinaryData as no_text:
            binary[file] = no_text
            continue
        except (UnknownFormat, BinaryInput, InputTooLarge) as unreadable:
            refused[file] = unreadable
            continue
        if isinstance(read, TextInput):
            texts.append(read)
            if notes is not None and file.suffix.lower() in DATABASE_SUFFIXES:
                notes.append(database_named_note(str(file)))
        else:
            read_already.add(real)
            database_articles.extend(read)
            databases.append(file.name)
    # a tracker's plain-text reply in place of a page is no version: left out, warned
    texts, replies = without_tracker_replies(texts)
    if refused:  # the folder is refused: moving the file out helps only beside another to read
        unread = _first_by_name(refused)
        raise _refused_in_folder(unread) if texts or databases else unread
    if binary and (databases or not texts or any(t.format is not Format.PLAIN for t in texts)):
        # left out only beside plain versions: beside pages or databases, a stray file is
        # refused; in a folder of nothing else to read, no other file is there to be read
        stray = _first_by_name(binary)
        raise _refused_in_folder(stray) if texts or databases else stray
    if len(empty) == len(files):  # nothing but failed captures: the folder is empty
        raise _first_by_name(empty, too="empty")
    if replies and not texts and not databases:
        raise _first_by_name({Path(name): reply.refused(name) for name, reply in replies})
    # the plain versions' warnings, else notes
    left_out_files = _left_out_empty_note(path, empty) + tuple(
        f"{path}: {warning}" for warning in left_out_replies_warnings(
            [(Path(name).name, reply) for name, reply in replies]))
    # a capture that failed, and a picture beside the versions: the others
    files = [file for file in files if file not in empty and file not in binary]
    refuse_journals_without_database(path, files)
    # saved pages here come after another file by name (`read_folder` stops at that file)
    page_names = [t.name for t in texts if t.format is Format.UNKNOWN_HTML]
    if page_names:
        other = next(file for file in files if str(file) not in page_names)
        raise snapshots.mixed_folder(other, Path(page_names[0]).name)
    replied = {Path(name) for name, _ in replies}
    files = [file for file in files if file not in replied]
    if not texts:
        if notes is not None:
            notes.extend(left_out_files)
        return database_articles
    if databases:
        text_names = [Path(text.name).name for text in texts]
        raise InconsistentPages(
            f"tracker databases ({first_few(databases)}) and text files "
            f"({first_few(text_names)}) in one directory", str(path),
            hint="read the databases and the other files separately")
    if all(t.format is Format.PLAIN for t in texts):
        texts = in_one_encoding(texts, str(path))
        article = plain.read_versions([(t.name, t.text) for t in texts],
                                      folder_version_numbers(files, str(path)))
        article = with_warnings(article, texts)
        if empty and len(texts) == 1:  # as for version files given together: refused
            raise OneVersionLeft(path, [file.name for file in empty], dataclasses.replace(
                article, warnings=left_out_files + article.warnings))
        in_name_order: tuple[str, ...] = ()
        if len(files) > 1 and not any(map(holds_a_number, files)):
            names = first_few([file.name for file in files])
            in_name_order = (f"{path}: no file name holds a number, so the versions are read in "
                             f"the order of their names ({names}); number the files (0.txt, "
                             "1.txt, ...) to give another order"),
        return [dataclasses.replace(article, warnings=left_out_files + _left_out_binary_note(
            path, binary) + in_name_order + article.warnings)]
    plain_names = [Path(t.name).name for t in texts if t.format is Format.PLAIN]
    if plain_names:  # beside tracker pages: notes, a list of links
        raise InconsistentPages(
            f"tracker pages and text files that are no page ({first_few(plain_names)}) in one "
            "directory", str(path),
            hint="move the files that are no page out of it, or give the pages by name")
    if notes is not None:
        notes.extend(left_out_files)
    return read_pages(texts)


def _first_by_name(errors: Mapping[Path, RevdiffError], too: str = "refused") -> RevdiffError:
    """The error about the first of the files `errors` names, their names sorted as text
    (`story.mhtml` before `story2.mhtml`, which the order of versions puts first), saying how
    many others are refused (or what else `too` says) too and which (`and 2 more files of the
    folder are refused too`, `are empty too`)."""
    names = sorted(file.name for file in errors)
    first = errors[next(file for file in errors if file.name == names[0])]
    if len(names) > 1:
        others = len(names) - 1
        first.message = (f"{first.message}, and {counted(others, 'more file')} of the folder "
                         f"{'is' if others == 1 else 'are'} {too} too ({first_few(names[1:])})")
        first.args = (str(first),)
    return first


def _refused_in_folder(error: RevdiffError) -> RevdiffError:
    """`error` about a folder's file that revdiff does not read, saying what to do when it is no
    version but a stray file (a screenshot, a JSON file of notes) beside the versions."""
    move_out = "if it is no version, move it out of the folder to read the other files"
    error.hint = f"{error.hint}; {move_out}" if error.hint else move_out
    error.args = (str(error),)
    return error


class OneVersionLeft(EmptyInput):
    """A folder's version files are one and empty files (failed captures): left out, they leave
    an article of one version. Refused where the folder is the only input; beside others, its
    `article`, warned of the empty files, is left out as any article of one version is."""

    def __init__(self, path: Path, empty_names: Sequence[str], article: Article) -> None:
        super().__init__(
            f"one version file is left once {counted(len(empty_names), 'empty file')} "
            f"({first_few(empty_names)}) {'is' if len(empty_names) == 1 else 'are'} left out: an "
            "empty capture is no version", str(path),
            hint="save the empty captures again, or move them out of the folder to read the "
                 "one version")
        self.article = article


def folder_version_numbers(files: Sequence[Path], where: str) -> list[int] | None:
    """The version numbers of a folder's plain version files, in their order
    (`plain.in_version_order`), as `plain.version_numbers` gives them, refusing what it refuses.
    InconsistentPages too when some of the names hold a number and others none (a README among
    the versions), saying so where they are one name's downloads
    (`refuse_one_names_downloads`)."""
    unnumbered = [file.name for file in files if not holds_a_number(file)]
    if unnumbered and len(unnumbered) < len(files):
        refuse_one_names_downloads(files, where)
        raise InconsistentPages(
            _some_hold_no_number(unnumbered), where,
            hint="move the files that are no versions out of the folder, or put each "
                 "version's number in its name")
    return plain.version_numbers(files, where)


def _some_hold_no_number(unnumbered: Sequence[str]) -> str:
    return (f"the file names number the versions, but {first_few(unnumbered)} "
            f"{'holds' if len(unnumbered) == 1 else 'hold'} no number")


def refuse_one_names_downloads(files: Sequence[Path], where: str, *, given: bool = False
                               ) -> None:
    """InconsistentPages where, of the files of one folder, some names hold no number and all
    but the first of those are named as a browser names downloads of it again (`story.txt`,
    `story (1).txt`), saying so and the order they would give, first that one, then its copies by
    their counters; `given`: the files were given by name (as a shell's `*` gives them), which
    may be given again one by one in that order."""
    unnumbered = [file for file in files if not holds_a_number(file)]
    if not unnumbered or len(unnumbered) == len(files):
        return
    original = unnumbered[0]
    copies = plain.copies_of(original, files)
    if len(copies) < len(files) - 1:  # not all the others: no downloads of one name
        return
    names = [original.name, *(copy.name for copy in copies)]
    renamed = ", ".join(f"{number}{original.suffix}" for number in range(len(names)))
    todo = (f"give them one by one in that order, or rename them {renamed}" if given else
            f"rename them {renamed} in that order")
    raise InconsistentPages(
        f"{_some_hold_no_number([file.name for file in unnumbered])}; {', '.join(names[1:])} "
        f"{'is' if len(copies) == 1 else 'are'} named as a browser or a file browser names "
        f"copies of {original.name}: downloaded in turn, the versions would be "
        f"{', '.join(names)}", where,
        hint=f"if so, {todo}; else put each version's number in its name")


def _without_unnumbered_links(files: Sequence[Path]
                              ) -> tuple[list[Path], dict[Path, Path]]:
    """A folder's `files` without the symbolic links whose names hold no number to a file there
    whose name holds one (`latest.txt -> 3.txt`): that version is read as the file it is. Each
    link left out is mapped to that file."""
    numbered = {resolved(file): file for file in files
                if holds_a_number(file) and not file.is_symlink()}
    links = {file: numbered[resolved(file)] for file in files
             if file.is_symlink() and not holds_a_number(file) and resolved(file) in numbered}
    return [file for file in files if file not in links], links


def _links_to_versions_notes(path: Path, links: Mapping[Path, Path]) -> list[str]:
    """The lines that the links of folder `path` to its versions (`_without_unnumbered_links`)
    are left out, naming each with the version it leads to."""
    return [f"{path}: left out {link.name}, a symbolic link to {version.name}: that version is "
            f"read once, as {version.name}" for link, version in links.items()]


def holds_a_number(file: Path) -> bool:
    return plain.version_order_key(file)[0] == 0


def _left_out_empty_note(path: Path, empty: Collection[Path]) -> tuple[str, ...]:
    """The line that the files of folder `path` that hold no text are left out; none when none
    is empty."""
    return (f"{path}: {left_out_empty_warning([file.name for file in empty])}",) if empty else ()


def _left_out_binary_note(path: Path, binary: Collection[Path]) -> tuple[str, ...]:
    """The lines that the files of folder `path` that are binary data (pictures beside the
    versions, SQLite's journals) are left out, as a git repository's are; none when none is."""
    return tuple(f"{path}: {warning}"
                 for warning in left_out_binary_warnings(path, [file.name for file in binary]))


