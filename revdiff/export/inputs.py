"""Which inputs `revdiff export` reads, and in what groups.

A *unit* is what one `revdiff.formats.load` call reads: a git repository, a NewsEdits database,
a folder of version files, or the loose files of the command line together. Globs are expanded
here, and a folder of folders stands for one unit per folder, so a whole corpus can be named by
its top folder.
"""

from __future__ import annotations

import contextlib
import glob
import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from revdiff.errors import EmptyInput, InconsistentPages, RevdiffError
from revdiff.file_names import name_text
from revdiff.formats import gitrepo, plain
from revdiff.formats.detect import is_sqlite_file
from revdiff.formats.folders import (
    folder_entries,
    is_link_back,
    is_saved_page_folder,
    is_saved_page_folder_given,
    leads_out_of,
    left_out_entries_note,
    links_back_note,
    links_out_advice,
    links_out_note,
    refuse_unreadable_folder,
    version_files,
)
from revdiff.formats.loading import (
    files_in_folders_given,
    is_web_address,
    load,
    looks_like_a_glob,
    missing_version_input,
    refuse_unusable_path,
)
from revdiff.natural_order import natural_key, natural_path_key
from revdiff.read_warnings import counted, files_name, first_few
from revdiff.safe_git import is_linked_worktree_or_submodule


@dataclass(frozen=True, slots=True)
class InputUnit:
    """Inputs read together by one `revdiff.formats.load` call."""

    label: str  # names the articles that have no URL
    paths: tuple[str, ...]
    # the input the user gave that holds it (a corpus folder, for each of its article folders),
    # which its warnings are counted by on stderr; the label where it is that input
    given: str = field(default="", compare=False)
    # its paths that revdiff's listing gave (a corpus's folders, a folder's databases, a glob's
    # matches), each with the real path its folder (a folder: its own; a repository: the folder
    # the walk checked its history in) had when listed, which what is opened of it must still lie
    # in (`load`'s `listed`); not those the user named
    listed: Mapping[str, Path] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", name_text(self.label))  # a name outputs can hold
        object.__setattr__(self, "given", name_text(self.given) or self.label)


NAMES_NOTHING = "no such file or directory, and no file matches it as a glob"
# What `export` adds to its refusal of an input that names nothing: the one it may skip.
SKIP_IT = "or rerun with --skip-errors to skip it"


@dataclass(frozen=True, slots=True)
class MissingInput:
    """An input that `export --skip-errors` skips in its place, before the unit numbered
    `before`: a path that names nothing, or one the system cannot look up, and why."""

    before: int
    given: int  # the input's place among those given
    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class InputNote:
    """A note about an input (`a folder an earlier input already read`), to tell in its place:
    before the unit numbered `before`, as a `MissingInput` is skipped."""

    before: int
    given: int  # the input's place among those given
    text: str


@dataclass(frozen=True, slots=True)
class _LooseFiles:
    """The files beside the folders of a folder of folders, told of once its folders are read."""

    path: Path
    folders: list[Path]
    files: list[Path]
    position: int  # where among the notes the note goes


def _loose_files_note(loose: _LooseFiles, visited: dict[Path, Path], for_python: bool) -> str:
    """What a folder of folders that also holds files tells the user: the files are no article,
    and how to read them, on the command line or, `for_python`, with the Python API.

    The folders are named as read, not as articles: each may hold several (a corpus's outlet).
    A link to a folder already read is not counted: its skip has a note of its own."""
    read = [folder for folder in loose.folders if visited.get(folder.resolve()) == folder]
    said = ("none of its folders" if not read else f"its folder {read[0].name}" if len(read) == 1
            else f"its {counted(len(read), 'folder')}")
    left_out, read_them = (("left out", "to read loose files, give their paths") if for_python
                           else ("not exported", "to export loose files, name them"))
    return (f"{loose.path}: read {said}; {left_out}: {counted(len(loose.files), 'file')} beside "
            f"{'it' if len(loose.folders) == 1 else 'them'} "
            f"({first_few([p.name for p in loose.files])}), as a folder that holds folders is read "
            f"as a corpus; {read_them}")


def _history_out_of_note(path: Path, root: Path) -> str:
    """What the walk of `root` tells of a repository in it whose history lies out of it, which it
    leaves out, as it reads nothing out of the folder given: a linked worktree's or a submodule's
    made for it (`is_linked_worktree_or_submodule`) is named so; any other `.git` may name one of
    the reader's own repositories."""
    if is_linked_worktree_or_submodule(path):
        return (f"{path}: left out, a linked worktree or submodule whose git directory lies out of "
                f"{root}: name it to read it")
    return (f"{path}: left out, a git repository whose .git names one out of {root}: name the "
            "repository to read it")


def _directory_units(path: Path, root: Path, notes: list[str], visited: dict[Path, Path],
                     read_by_earlier: Collection[Path], links: list[Path],
                     loose_files: list[_LooseFiles]) -> list[InputUnit]:
    """A repository or a folder of versions is one unit; a folder of folders is a corpus.

    Each real folder is visited once: a symbolic link back to a folder already read or to one
    holding it (`self -> .`, `up -> ..`, two folders linking each other), a folder an earlier
    input read (`m/a m`, the real folders `read_by_earlier`) and a folder inside a followed link
    that `root`'s own reading already read by way of another link are each skipped with a note.
    A corpus's links to folders are put in `links`, to be followed after its real folders, so
    that a folder reached both ways is read, and named, as itself. A link that leads out of
    `root`, the folder given, is left out with a note, and so is a repository in it whose
    `.git` names a git directory out of it (`gitrepo.history_lies_out_of`), a linked worktree's
    or a submodule's too (`_history_out_of_note`), or whose objects' alternates name an object
    folder out of it (`gitrepo.objects_lie_out_of`), which must still hold when it is read
    (`listed_repository.read_where_listed`). `visited` maps each
    real folder read to the path it was read as; the files beside a corpus's folders are put in
    `loose_files`, to be told of once its links are followed.
    """
    real = path.resolve()
    if real in visited:  # an input named again is told of, as given, by `_corpus_units`
        notes.append(_read_already_note(str(path), path))
        return []
    visited[real] = path
    try:
        refuse_unreadable_folder(path, str(path))
    except EmptyInput:  # read as a unit, its reading refuses it (or --skip-errors skips it)
        return [InputUnit(str(path), (str(path),))]
    if gitrepo.is_repository(path):
        if path != root and gitrepo.history_lies_out_of(path, root):
            notes.append(_history_out_of_note(path, root))
            return []
        if path != root and gitrepo.objects_lie_out_of(path, root):
            notes.append(f"{path}: left out, a git repository whose objects/info/alternates "
                         f"names object folders out of {root}: name the repository to read it")
            return []
        # its history and objects must lie where they were checked to when it is read
        return [InputUnit(str(path), (str(path),), listed={str(path): root.resolve()})]
    # what a folder of versions leaves out (`__MACOSX`, `Thumbs.db`) is no folder or loose file
    children = sorted(folder_entries(path, root), key=lambda p: natural_key(p.name))
    loose = [p for p in children if p.is_file()]
    # the folder a browser saved beside a page is part of the page, no article of its own
    folders = [p for p in children if p.is_dir() and not is_saved_page_folder(p, loose)]
    links_back = [p for p in folders if is_link_back(p, visited)]
    real_read_before = [p for p in folders if not p.is_symlink() and p.resolve() in visited]
    read_by_earlier_input = [p for p in real_read_before if p.resolve() in read_by_earlier]
    if read_by_earlier_input:
        notes.append(f"{path}: skipped {counted(len(read_by_earlier_input), 'folder')} an earlier "
                     f"input already read, such as {read_by_earlier_input[0].name}")
    read_by_this_input = [p for p in real_read_before if p not in read_by_earlier_input]
    if read_by_this_input:
        first = read_by_this_input[0]
        notes.append(f"{path}: skipped {counted(len(read_by_this_input), 'folder')} already "
                     f"read, such as {first.name} (read as {visited[first.resolve()]})")
    if links_back:
        notes.append(links_back_note(path, links_back))
    folders = [p for p in folders if p not in links_back and p not in real_read_before]
    # a folder of versions is read as itself: its files must not lead out of it. What it leaves
    # out is named in the words reading the folder uses, so that `export` says it once; the
    # entries that are neither file nor folder and the links out of a folder that holds nothing
    # else are named by the error reading it gives
    inside = root if folders else path
    if folders or loose:
        for left_out in (left_out_entries_note(path, folder_entries(path, inside)),
                         links_out_note(path, inside)):
            if left_out:
                notes.append(left_out)
    if not folders:
        return _leaf_folder_units(path, real, visited)
    if loose:
        loose_files.append(_LooseFiles(path, folders, loose, len(notes)))
    units: list[InputUnit] = []
    for folder in folders:
        if folder.is_symlink():
            links.append(folder)
        else:
            units.extend(_directory_units(folder, root, notes, visited, read_by_earlier, links,
                                          loose_files))
    return units


def _leaf_folder_units(path: Path, real: Path, visited: dict[Path, Path]) -> list[InputUnit]:
    """A folder of version files is one unit; a folder of databases (one per outlet) is a unit
    for each, so that each is read an article at a time. What each reads must lie in `real`, the
    folder's real path as it was listed."""
    files = version_files(folder_entries(path))
    if not files or not all(is_sqlite_file(p) for p in files):
        return [InputUnit(str(path), (str(path),), listed={str(path): real})]
    databases = [p for p in sorted(files, key=lambda p: natural_key(p.name))
                 if p.resolve() not in visited]
    visited.update((p.resolve(), p) for p in databases)
    return [InputUnit(str(p), (str(p),), listed={str(p): real}) for p in databases]


def _read_already_note(name: str, path: Path) -> str:
    """Why the folder `path`, named `name`, is skipped: a link to a folder read, or a real folder
    an earlier input read (`m m/a`, `m ./m`)."""
    if path.is_symlink():
        return f"{name}: skipped, it leads to a folder already read ({path.resolve()})"
    return f"{name}: skipped, an earlier input already read it"


def _corpus_units(given: str, notes: list[str], visited: dict[Path, Path],
                  for_python: bool) -> list[InputUnit]:
    """The units of a folder given as input, `given` as the user wrote it (`story/`, which a Path
    names `story`): its real folders, then those its links lead to. `for_python` words the notes
    for the Python API."""
    path = Path(given)
    if path.resolve() in visited:
        notes.append(_read_already_note(given, path))
        return []
    links: list[Path] = []
    loose_files: list[_LooseFiles] = []
    read_by_earlier = set(visited)
    units = _directory_units(path, path, notes, visited, read_by_earlier, links, loose_files)
    while links:
        units.extend(_directory_units(links.pop(0), path, notes, visited, read_by_earlier, links,
                                      loose_files))
    for loose in reversed(loose_files):  # the last first, so that the others' positions hold
        notes.insert(loose.position, _loose_files_note(loose, visited, for_python))
    return units


def _holds_versions(file: str) -> bool:
    """Whether `file`, read alone, is an article of more than one version (a tracker's page),
    which `export` compares, not one it skips; a file it cannot read is read by no unit."""
    try:
        return any(len(article.versions) > 1 for article in load([file]))
    except RevdiffError:
        return False


def _in_version_order(files: list[str]) -> list[str]:
    """The files a glob matched, the versions of an article, in the order their folder reads
    them (`plain.in_version_order`: `2.txt` before `10.txt`, dates however written), as `load`
    then reads them, in the order given; where a folder of them would be refused, or they lie in
    several folders, sorted naturally, and `load` says what it says of such files."""
    named = {Path(file): file for file in files}
    folders = {path.parent for path in named}
    if len(folders) == 1:
        with contextlib.suppress(InconsistentPages):
            return [named[path] for path in plain.in_version_order(list(named), str(*folders))]
    return sorted(files, key=natural_path_key)


def _names_nothing(raw: str) -> EmptyInput:
    """The refusal of an input that names no file and that no file matches as a glob; a web
    address, no glob to the user, is told only that it names no file, as `parse` tells it. A glob
    reached revdiff unexpanded (quoted, or left by a shell that matched nothing either): what
    revdiff matched it against is said, the folder before its first wildcard."""
    if not looks_like_a_glob(raw):
        said = "no such file or directory" if is_web_address(raw) else NAMES_NOTHING
        return missing_version_input(said, raw, "")
    parts = Path(raw).parts
    fixed = next(at for at, part in enumerate(parts) if looks_like_a_glob(part))
    folder = Path(*parts[:fixed]) if fixed else Path(".")
    if folder.is_dir():
        said = "in the current folder" if not fixed else f"in {name_text(str(folder))}"
    elif os.path.lexists(folder):
        said = f"({name_text(str(folder))} is not a folder)"
    else:
        said = f"({name_text(str(folder))} does not exist)"
    return EmptyInput(f"the glob matches nothing {said}", raw, hint="check the pattern")


def _named_paths(raw: str) -> list[str]:
    """The paths input `raw` names: itself, where it is `-` or names something, else those its
    glob matches, sorted naturally (`story2` before `story10`); none where it names nothing or
    the system cannot look it up (`refuse_unusable_path` refuses it)."""
    try:
        if raw == "-" or Path(raw).exists():
            return [raw]
    except OSError:
        return []
    return sorted(glob.glob(raw, recursive=True), key=natural_path_key)


def _without_links_out(raw: str, matches: Sequence[str], notes: list[str]) -> list[str]:
    """The paths glob `raw` matched, but the symbolic links that lead out of their folder
    (`story/2.txt -> ~/.ssh/id_rsa`), never read, as a folder given leaves them out: revdiff
    lists the folder for the glob as it does for `story/`. A note names each folder's."""
    leaving: dict[Path, list[Path]] = {}
    for match in matches:
        path = Path(match)
        if leads_out_of(path, path.parent):
            leaving.setdefault(path.parent, []).append(path)
    for folder, links in leaving.items():
        notes.append(f"{raw}: left out {counted(len(links), 'symbolic link')} that "
                     f"{'leads' if len(links) == 1 else 'lead'} out of {folder} "
                     f"({first_few([link.name for link in links])}): {links_out_advice(links)}")
    left_out = {link for links in leaving.values() for link in links}
    return [match for match in matches if Path(match) not in left_out]


def expand_inputs(inputs: Sequence[str], notes: list[str] | None = None,
                  missing: list[MissingInput] | None = None, *,
                  for_python: bool = False,
                  placed: list[InputNote] | None = None) -> list[InputUnit]:
    """Turn command-line inputs into units, checking that every one exists: an input that names
    nothing, or that the system cannot look up (a name too long for it), is refused, or, given
    `missing` (`--skip-errors`), put there with the number of the unit it comes before, so that
    it is skipped in its place among them.

    Globs are expanded: the folders and databases they match sorted naturally (`story2` before
    `story10`), the files, the versions of an article, as their folder's are
    (`_in_version_order`). A git repository, a NewsEdits database and a folder of version files are
    each a unit; a folder that holds folders stands for one unit per folder
    (recursively). All other files given are read together as one unit, as `revdiff parse` reads
    them: plain version files form one article, pages of one article are joined. `for_python`
    words the notes for the Python API (`give their paths`, where `export` says `name them`).
    Each note is put in `placed` too, given, with the place of the input it is about.
    """
    if not inputs:
        raise EmptyInput("no input given", hint="name files, directories, globs or databases")
    notes = notes if notes is not None else []
    units: list[InputUnit] = []
    visited: dict[Path, Path] = {}  # each real folder or database read: the path it was read as
    loose: list[str] = []
    # the loose files a glob matched, each with the real path of the folder it was listed in
    listed: dict[str, Path] = {}
    loose_position = -1
    folders: dict[str, tuple[int, int]] = {}  # each folder given: its place (before, given)
    articles_in: dict[str, list[Path]] = {}  # each folder given: the folders it reads as articles
    named = {raw: _named_paths(raw) for raw in inputs}
    # every path given, each glob expanded: a page and the folder a browser saved beside it may
    # come from two globs ('saved/*.html' 'saved/*_files')
    every_path = [path for paths in named.values() for path in paths]
    for given, raw in enumerate(inputs):
        told = len(notes)
        files: list[str] = []  # what `raw` names that is read with the other loose files
        # the loose files' unit, begun before this input, goes in before it at the end
        before = len(units) + (loose_position >= 0)
        try:
            refuse_unusable_path(raw)
        except EmptyInput as unusable:
            if missing is None:
                if not for_python:
                    unusable.add_hint(SKIP_IT)
                raise
            missing.append(MissingInput(before, given, raw, unusable.message))
            continue
        matches = named[raw]
        if not matches:
            refusal = _names_nothing(raw)
            if missing is not None:
                missing.append(MissingInput(before, given, raw, refusal.message))
            else:
                refusal.add_hint(SKIP_IT)  # a web address's hint too
                raise refusal
        globbed = matches != [raw]  # a glob, which revdiff expands as it lists a folder
        if globbed:
            matches = _without_links_out(raw, matches, notes)
        for match in matches:
            path = Path(match)
            if match != "-" and path.is_dir() and is_saved_page_folder_given(path, every_path):
                continue  # read with its page
            if match != "-" and path.is_dir():
                folders.setdefault(match, (len(units), given))
                read = [replace(unit, given=str(path))
                        for unit in _corpus_units(match, notes, visited, for_python)]
                articles_in.setdefault(match, []).extend(
                    Path(name) for unit in read for name in unit.paths if Path(name).is_dir())
                units.extend(read)
            elif match != "-" and is_sqlite_file(path):
                if path.resolve() in visited:
                    notes.append(f"{match}: skipped, it is a database already read")
                else:
                    visited[path.resolve()] = path
                    units.append(InputUnit(match, (match,), listed=(
                        {match: path.parent.resolve()} if globbed else {})))
            else:
                if loose_position < 0:
                    loose_position = len(units)
                files.append(match)
        loose.extend(_in_version_order(files))
        if globbed:
            listed.update((file, Path(file).parent.resolve()) for file in files)
        if placed is not None:
            placed.extend(InputNote(before, given, text) for text in notes[told:])
    given_files = [name for name in loose if name != "-"]
    read_twice = files_in_folders_given(list(articles_in.items()), given_files)
    if read_twice and given_files == loose and len(loose) == 1 and not _holds_versions(loose[0]):
        # a file alone that holds one version (not a page of several) is an article export
        # skips; it is read for that only when a folder given holds it too
        read_twice = []
    for folder, text in read_twice:
        notes.append(text)
        if placed is not None:
            placed.append(InputNote(*folders[folder], text))
    if loose:
        units.insert(loose_position, InputUnit(files_name(loose), tuple(loose), listed=listed))
    return units
