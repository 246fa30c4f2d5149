"""A folder from a stranger may link to any file of the reader's: such links are never read."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_run import revdiff
from click.testing import CliRunner
from newsedits_files import NEWSEDITS_TABLE, make_database, wal_copied_without_shm

import revdiff as revdiff_api
from revdiff.cli import main
from revdiff.errors import EmptyInput, InputTooLarge, MalformedPage
from revdiff.export import driver, inputs
from revdiff.export.driver import run_export
from revdiff.export.job import ExportJob
from revdiff.formats import databases, folders, gitrepo, load, sqlite_schema
from revdiff.formats.sqlite_schema import DatabaseKind
from revdiff.model import Article, Version
from revdiff.render import diffengine

MARKER = "Private marker text that lives outside the input."


@pytest.fixture
def private(tmp_path: Path) -> Path:
    """A folder of the reader's, outside every input: one file and a folder of versions."""
    folder = tmp_path / "home"
    (folder / "notes").mkdir(parents=True)
    (folder / "secret.txt").write_text(MARKER + "\n")
    (folder / "notes" / "0.txt").write_text("Talks began on Monday.\n")
    (folder / "notes" / "1.txt").write_text(f"Talks began on Monday.\n\n{MARKER}\n")
    return folder


def story(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "0.txt").write_text("The mayor spoke on Monday.\n")
    (folder / "1.txt").write_text("The mayor spoke on Tuesday.\n")
    return folder


def _versions(folder: Path, suffix: str, days: list[str]) -> None:
    """Version files `0{suffix}`, `1{suffix}`, ... in `folder`, each saying the mayor spoke on
    one of `days`: plain text, or a saved page for `.html`."""
    folder.mkdir()
    for number, day in enumerate(days):
        (folder / f"{number}{suffix}").write_text(
            f"<html><body><p>The mayor spoke on {day}.</p></body></html>\n"
            if suffix == ".html" else f"The mayor spoke on {day}.\n")


def _newsedits_story(path: Path, last: str) -> Path:
    """A NewsEdits database at `path` holding one story in two versions, the second `last`."""
    return make_database(path, NEWSEDITS_TABLE, [
        (None, 1, version, "Story", None, None, None, 2, text)
        for version, text in enumerate(["The mayor spoke on Monday.", last])])


def _moved_aside_for_link(place: Path, target: Path, aside: Path) -> None:
    """Move `place` to `aside` and put a symbolic link to `target` in its place."""
    place.rename(aside)
    place.symlink_to(target, target_is_directory=target.is_dir())


def _swap_right_after(monkeypatch: pytest.MonkeyPatch, name: str, swap: Callable[[], None],
                      *modules: object) -> None:
    """Make `swap` right after the first call of the function `name` (the one function, as each of
    `modules` imports it) returns, as someone who may write into an input could between that step
    of revdiff's and the next."""
    step = getattr(modules[0], name)
    swapped: list[bool] = []

    def stepped_then_swapped(*args: Any, **kwargs: Any) -> Any:
        result = step(*args, **kwargs)
        if not swapped:
            swapped.append(True)
            swap()
        return result

    for module in modules:
        monkeypatch.setattr(module, name, stepped_then_swapped)


def _swap_after_export_lists(monkeypatch: pytest.MonkeyPatch, swap: Callable[[], None]) -> None:
    """Make `swap` right after `export` (or `edits_table`) lists its inputs (`expand_inputs`)."""
    _swap_right_after(monkeypatch, "expand_inputs", swap, inputs, driver)


def _export_refusal(reader: str, given: str, out: Path) -> EmptyInput:
    """The refusal of the input `given` by `export` into `out`, or by the `edits_table` API."""
    with pytest.raises(EmptyInput) as refused:
        if reader == "export":
            run_export(ExportJob((given,), out, "jsonl"))
        else:
            revdiff_api.edits_table(given)
    return refused.value


@pytest.mark.parametrize("command", ["parse", "diff"])
def test_a_version_linking_out_of_its_folder_is_not_read(tmp_path: Path, private: Path,
                                                         command: str) -> None:
    folder = story(tmp_path / "story")
    (folder / "2.txt").symlink_to(private / "secret.txt")
    (folder / "3.txt").symlink_to("1.txt")  # a link inside the folder is a version as any
    result = revdiff(command, str(folder))
    assert result.returncode == 0, result.stderr
    assert MARKER not in result.stdout
    assert "Tuesday" in result.stdout
    [note] = [line for line in result.stderr.splitlines() if "2.txt" in line]
    assert "symbolic link that leads out of" in note


def test_export_does_not_read_a_link_out_of_the_input(tmp_path: Path, private: Path) -> None:
    corpus = tmp_path / "corpus"
    (story(corpus / "one") / "2.txt").symlink_to(private / "secret.txt")
    story(corpus / "two")
    (corpus / "notes").symlink_to(private / "notes")
    out = tmp_path / "edits.jsonl"
    result = revdiff("export", str(corpus), "-o", str(out), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert MARKER not in out.read_text()
    assert "Tuesday" in out.read_text()
    assert "(notes)" in result.stderr and "(2.txt)" in result.stderr


def test_export_does_not_read_a_link_out_that_its_quoted_glob_matches(tmp_path: Path,
                                                                     private: Path) -> None:
    # `revdiff export 'story/*.txt'`: revdiff lists the folder, as for `story/`, but read the
    # link out of it, warned only that the files came from 2 folders
    folder = story(tmp_path / "story")
    (folder / "2.txt").symlink_to(private / "secret.txt")
    (folder / "3.txt").symlink_to(private / "notes")
    out = tmp_path / "edits.jsonl"
    result = revdiff("export", str(folder / "*.txt"), str(folder / "*"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert MARKER not in out.read_text() and "Tuesday" in out.read_text()
    notes = [line for line in result.stderr.splitlines() if "leads out of" in line
             or "lead out of" in line]
    assert len(notes) == 2 and all("(2.txt, 3.txt)" in note for note in notes), result.stderr
    assert "folders" not in result.stderr


def test_a_folder_of_links_out_says_why_it_holds_no_versions(tmp_path: Path,
                                                             private: Path) -> None:
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "0.txt").symlink_to(private / "secret.txt")
    (folder / "1.txt").symlink_to(private / "notes" / "0.txt")
    result = revdiff("store", str(folder), "--repo", str(tmp_path / "repo"))
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "holds only 2 symbolic links that lead out of it" in line


@pytest.mark.parametrize("command", ["export", "store"])
def test_a_folder_of_article_folders_all_linking_out_says_so_in_one_line(
        tmp_path: Path, private: Path, command: str) -> None:
    """A corpus whose article folders are all links out of it (`a -> ~/news/a`) was refused
    with `directory holds no version files`, after a warning naming the links: one line says
    that it holds only links leading out, which are not followed, and what to do."""
    other = story(tmp_path / "elsewhere" / "b")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a").symlink_to(private / "notes")
    (corpus / "b").symlink_to(other)
    where = ["-o", str(tmp_path / "e.jsonl")] if command == "export" else [
        "--repo", str(tmp_path / "repo")]
    result = revdiff(command, str(corpus), *where)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert (f"{corpus}: directory holds only 2 symbolic links that lead out of it (a, b), "
            "which are not followed, for safety") in line
    assert "name the folders the links lead to (" in line and "), to read them" in line
    assert not (tmp_path / "e.jsonl").exists()


@pytest.mark.parametrize(("targets", "advice"), [
    (["secret.txt"], "copy a file into the folder to read it"),
    (["notes"], "name the folder a link leads to ({notes}), to read it"),
    (["secret.txt", "notes"],
     "copy a file into the folder, or name the folder a link leads to ({notes}), to read it"),
    (["notes", "drafts"], "name the folders the links lead to ({drafts}, {notes}), to read them"),
    (["notes", "drafts", "secret.txt"], ("copy a file into the folder, or name the folders the "
                                         "links lead to ({drafts}, {notes}), to read them")),
])
def test_a_link_out_to_a_folder_is_advised_for_a_folder(tmp_path: Path, private: Path,
                                                        targets: list[str], advice: str) -> None:
    """A link out to a folder (`notes -> ~/notes`) was given a file's advice: a folder cannot be
    copied into the folder as a version. The folders are named, quoted, and the advice for
    several says so: it named none, and spoke of one folder whatever the count."""
    from revdiff.formats import load
    from revdiff.formats.fields import shown

    (private / "drafts").mkdir()
    folder = story(tmp_path / "story")
    for target in targets:
        (folder / f"to-{target}").symlink_to(private / target)
    notes: list[str] = []
    load([str(folder)], notes=notes)
    [note] = [line for line in notes if "symbolic link" in line]
    assert note.endswith("): " + advice.format(
        notes=shown(str((private / "notes").resolve())),
        drafts=shown(str((private / "drafts").resolve()))))


def test_links_out_to_one_folder_name_it_once(tmp_path: Path, private: Path) -> None:
    """Two links out to one folder are two links, but one folder to name."""
    from revdiff.formats.fields import shown

    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "a").symlink_to(private / "notes")
    (folder / "b").symlink_to(private / "notes")
    result = revdiff("store", str(folder), "--repo", str(tmp_path / "repo"))
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert ("(name the folder a link leads to "
            f"({shown(str((private / 'notes').resolve()))}), to read it)") in line


def _repository(folder: Path, texts: list[str]) -> Path:
    """A git repository at `folder` whose history holds `story.txt` as each of `texts`."""
    folder.mkdir(parents=True)
    git = ["git", "-C", str(folder), "-c", "user.name=a", "-c", "user.email=a@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    for text in texts:
        (folder / "story.txt").write_text(text)
        subprocess.run([*git, "add", "story.txt"], check=True)
        subprocess.run([*git, "commit", "-q", "-m", "version"], check=True)
    return folder


def _own_repository(tmp_path: Path) -> Path:
    """One of the reader's own repositories, out of every input, whose history holds MARKER."""
    return _repository(tmp_path / "home" / "notes", ["Talks began.\n", f"Talks began.\n{MARKER}\n"])


def _story_repository(folder: Path, day: str) -> Path:
    """A repository at `folder` whose story says the mayor spoke on Monday, then on `day`."""
    return _repository(folder, ["The mayor spoke on Monday.\n", f"The mayor spoke on {day}.\n"])


@pytest.mark.parametrize("pointer", ["gitdir file", "gitdir file, relative", "link"])
def test_export_does_not_read_a_repository_whose_git_names_one_out_of_the_input(
        tmp_path: Path, pointer: str) -> None:
    """A repository in a corpus whose `.git` names one of the reader's own repositories (a
    `gitdir:` file, as a linked worktree's, or a link, which a hidden `.git` was never checked
    as) had that repository's history exported."""
    own = _own_repository(tmp_path)
    corpus = tmp_path / "corpus"
    _story_repository(corpus / "kept", "Tuesday")
    (corpus / "archive").mkdir()
    if pointer == "link":
        (corpus / "archive" / ".git").symlink_to(own / ".git")
    else:
        target = own / ".git" if pointer == "gitdir file" else Path("../../home/notes/.git")
        (corpus / "archive" / ".git").write_text(f"gitdir: {target}\n")
    out = tmp_path / "edits.jsonl"
    result = revdiff("export", str(corpus), "-o", str(out), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert MARKER not in out.read_text()
    assert "Tuesday" in out.read_text()
    [note] = [line for line in result.stderr.splitlines() if "archive" in line]
    assert "left out, a git repository whose .git names one out of" in note


# How an alternates file may name an object folder, as git reads it (`{}` the folder): a line
# as it is; in C quotes; in C quotes with a character after them, which git skips
ALTERNATES_LINES = ["{}\n", '"{}"\n', '"{}"X\n']


@pytest.mark.parametrize("line", ALTERNATES_LINES, ids=["plain", "quoted", "quoted-then-more"])
def test_export_does_not_read_a_repository_whose_objects_lie_out_of_the_input(
        tmp_path: Path, line: str) -> None:
    """A repository in a corpus whose `objects/info/alternates` names the object folder of one of
    the reader's own repositories, and whose branch names a commit there (its id known, as a
    public repository's is), had that commit's history exported. The path was read as written in
    C quotes only on a line that ended with them, where git reads it up to its closing quote."""
    own = _own_repository(tmp_path)
    corpus = tmp_path / "corpus"
    _story_repository(corpus / "kept", "Tuesday")
    archive = corpus / "archive"
    subprocess.run(["git", "init", "-q", "--initial-branch=main", str(archive)], check=True)
    (archive / ".git" / "objects" / "info" / "alternates").write_text(
        line.format(own / ".git" / "objects"))
    head = subprocess.run(["git", "-C", str(own), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout
    (archive / ".git" / "refs" / "heads" / "main").write_text(head)
    out = tmp_path / "edits.jsonl"
    result = revdiff("export", str(corpus), "-o", str(out), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert MARKER not in out.read_text()
    assert "Tuesday" in out.read_text()
    [note] = [line for line in result.stderr.splitlines() if "archive" in line]
    assert note == (f"revdiff: warning: {archive}: left out, a git repository whose "
                    f"objects/info/alternates names object folders out of {corpus}: name the "
                    "repository to read it")


@pytest.mark.parametrize("made", ["worktree", "submodule"])
def test_export_leaves_out_a_worktree_or_submodule_whose_git_directory_is_out_of_the_input(
        tmp_path: Path, made: str) -> None:
    """A real linked worktree or submodule in the folder walked, whose git directory lies out of
    it, is left out as any repository whose history lies out of the folder given is (the walk
    reads nothing out of it), but its note said it was a git repository naming one out of the
    folder, as for a stranger's pointer at the reader's own: it says what it is."""
    main = _repository(tmp_path / "main", ["Talks began.\n", f"Talks began.\n{MARKER}\n"])
    corpus = main / "corpus" if made == "submodule" else tmp_path / "corpus"
    _story_repository(corpus / "kept", "Tuesday")
    git = ["git", "-C", str(main), "-c", "user.name=a", "-c", "user.email=a@example.com"]
    if made == "worktree":
        subprocess.run([*git, "worktree", "add", "-q", str(corpus / "linked")], check=True)
    else:
        subprocess.run([*git, "-c", "protocol.file.allow=always", "submodule", "add", "-q",
                        str(corpus / "kept"), "corpus/linked"], check=True)
    assert (corpus / "linked" / ".git").is_file()
    out = tmp_path / "edits.jsonl"
    result = revdiff("export", str(corpus), "-o", str(out), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert MARKER not in out.read_text() and out.read_text().count("Tuesday") == 1
    [note] = [line for line in result.stderr.splitlines() if "linked" in line]
    assert (f"left out, a linked worktree or submodule whose git directory lies out of {corpus}: "
            "name it to read it") in note


@pytest.mark.parametrize("command, pointer", [("parse", "gitdir file"), ("diff", "gitdir file"),
                                              ("export", "gitdir file"), ("parse", "link")])
def test_a_named_repository_whose_git_names_one_out_of_it_is_said_so(
        tmp_path: Path, command: str, pointer: str) -> None:
    """Named itself (as export's note on one left out of a corpus says to), a folder whose `.git`
    names another repository (a linked worktree's does) is read, and that repository's history
    named: parse, diff and a named folder's export had read it without a word."""
    own = _own_repository(tmp_path)
    folder = tmp_path / "archive"
    folder.mkdir()
    if pointer == "link":
        (folder / ".git").symlink_to(own / ".git")
    else:
        (folder / ".git").write_text(f"gitdir: {own / '.git'}\n")
    out = ["-o", str(tmp_path / "edits.jsonl")] if command == "export" else []
    result = revdiff(command, str(folder), *out)
    assert result.returncode == 0, result.stderr
    said = f"{folder}: its .git names a git directory out of it ({own / '.git'})"
    assert said in result.stdout + result.stderr  # parse's json holds its warnings


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_a_version_swapped_for_a_link_out_after_its_folder_is_listed_is_not_read(
        tmp_path: Path, private: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    """Whether a version links out of its folder was looked at when the folder was listed, and
    the file opened later, following links: someone who may write into the folder could put a
    link to the reader's file in a version's place in between. The listing is the real one; the
    swap is made right after it, as such a writer would. What was opened is checked: refused in
    one line naming the file, a version file's and a saved page's alike."""
    folder = tmp_path / "story"
    _versions(folder, suffix, ["Monday", "Tuesday"])
    secret = private / f"secret{suffix}"
    secret.write_text(f"<html><body><p>{MARKER}</p></body></html>\n" if suffix == ".html"
                      else f"{MARKER}\n")
    _swap_right_after(monkeypatch, "folder_entries", lambda: _moved_aside_for_link(
        folder / f"1{suffix}", secret, tmp_path / "aside"), folders)
    with pytest.raises(EmptyInput) as refused:
        load([str(folder)])
    assert refused.value.where == str(folder / f"1{suffix}")
    assert "lies out of its folder" in refused.value.message
    assert MARKER not in str(refused.value)


def test_a_database_swapped_for_a_link_out_after_it_is_checked_is_not_read(
        tmp_path: Path, private: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What was opened of a folder's database is checked, but SQLite opened it by its path again:
    a link to the reader's own database put in its place in between had that one read. The swap
    is made right after the check, as such a writer would; what SQLite opened is checked too."""
    folder = tmp_path / "databases"
    folder.mkdir()
    database = _newsedits_story(folder / "n.db", "The mayor spoke on Tuesday.")
    secret = _newsedits_story(private / "mine.db", MARKER)
    _swap_right_after(monkeypatch, "check_whole_size", lambda: _moved_aside_for_link(
        database, secret, tmp_path / "aside"), databases)
    with pytest.raises(EmptyInput) as refused:
        load([str(folder)])
    assert refused.value.where == str(database)
    assert "not the file checked" in refused.value.message
    assert MARKER not in str(refused.value)


@pytest.mark.parametrize("after_connecting", [False, True])
def test_a_database_swapped_for_a_link_out_while_export_reads_it_is_not_read(
        tmp_path: Path, private: Path, monkeypatch: pytest.MonkeyPatch,
        after_connecting: bool) -> None:
    """`export` reads a NewsEdits file an article at a time, SQLite opening it by its path again
    for its rows, their keys and their texts, none checked against the file opened: a link to
    the reader's own database put in its place as the first was opened, or once it was (before
    the next), had that one read. Each must be to the file opened first and held open."""
    database = _newsedits_story(tmp_path / "n.db", "The mayor spoke on Tuesday.")
    secret = _newsedits_story(private / "mine.db", MARKER)
    connected = sqlite_schema._connected
    made: list[str] = []

    def swapped_at_the_first(uri: str) -> sqlite_schema.BoundedConnection:
        made.append(uri)
        connection = connected(uri) if after_connecting else None
        if len(made) == 1:
            _moved_aside_for_link(database, secret, tmp_path / "aside")
        return connection or connected(uri)

    monkeypatch.setattr(sqlite_schema, "_connected", swapped_at_the_first)
    out = tmp_path / "out.jsonl"
    with pytest.raises(EmptyInput) as refused:
        run_export(ExportJob((str(database),), out, "jsonl"))
    assert len(made) == (2 if after_connecting else 1)
    assert refused.value.where == str(database)
    assert "not the file checked" in refused.value.message
    assert not out.exists()


@pytest.mark.parametrize("named", ["folder", "glob"])
@pytest.mark.parametrize("reader", ["export", "edits_table"])
def test_a_database_swapped_for_a_link_out_after_export_lists_its_folder_is_not_read(
        tmp_path: Path, private: Path, monkeypatch: pytest.MonkeyPatch, named: str,
        reader: str) -> None:
    """A folder of databases is a unit for each (`expand_inputs`), and a glob's databases are
    too: each was looked at, whether it links out of its folder, as the folder was listed, and
    opened later by its path. A link to the reader's own database put in its place in between
    had that one read; what was opened must still be inside the folder, as `parse` checks a
    folder's entries (`refuse_opened_outside`). The swap is made once the inputs are listed."""
    folder = tmp_path / "outlets"
    folder.mkdir()
    database = _newsedits_story(folder / "n.db", "The mayor spoke on Tuesday.")
    secret = _newsedits_story(private / "mine.db", MARKER)
    _swap_after_export_lists(monkeypatch, lambda: _moved_aside_for_link(
        database, secret, tmp_path / "aside"))
    out = tmp_path / "out.jsonl"
    refused = _export_refusal(reader, str(folder if named == "folder" else folder / "*.db"), out)
    assert refused.where == str(database)
    assert "lies out of its folder" in refused.message
    assert MARKER not in str(refused)
    assert not out.exists()


@pytest.mark.parametrize("swapped", ["file", "folder"])
@pytest.mark.parametrize("suffix", [".txt", ".html"])
@pytest.mark.parametrize("reader", ["export", "edits_table"])
def test_a_file_swapped_for_a_link_out_after_export_expands_its_glob_is_not_read(
        tmp_path: Path, private: Path, monkeypatch: pytest.MonkeyPatch, suffix: str,
        reader: str, swapped: str) -> None:
    """A glob given quoted is expanded by revdiff as it lists a folder, leaving out the links
    out of the folder; its files were then opened by their paths, unchecked: a link to the
    reader's own file put in a version's place in between had that one read, and so did a link
    to a folder of the reader's put in the folder's place. What was opened must still be in the
    folder as it was listed, as a folder's version files and saved pages must."""
    folder = tmp_path / "story"
    secrets = private / "story"
    _versions(folder, suffix, ["Monday", "Tuesday"])
    _versions(secrets, suffix, [MARKER, MARKER])
    place, target = ((folder / f"1{suffix}", secrets / f"1{suffix}") if swapped == "file"
                     else (folder, secrets))
    _swap_after_export_lists(monkeypatch, lambda: _moved_aside_for_link(
        place, target, tmp_path / "aside"))
    out = tmp_path / "out.jsonl"
    refused = _export_refusal(reader, str(folder / f"*{suffix}"), out)
    assert refused.where == str(folder / f"{1 if swapped == 'file' else 0}{suffix}")
    assert "lies out of its folder" in refused.message
    assert MARKER not in str(refused)
    assert not out.exists()


def test_a_database_is_limited_by_the_size_of_the_file_opened(tmp_path: Path) -> None:
    """The size of a database read whole was taken by its name: a large one whose name led to a
    small file while it was checked, and to it again when SQLite opened it, was read whole over
    the size limit."""
    large = tmp_path / "n.db"
    make_database(large, NEWSEDITS_TABLE, [(None, entry, 0, "Story", None, None, None, 1,
                                            "The mayor spoke. " * 30) for entry in range(100)])
    small = make_database(tmp_path / "small.db", NEWSEDITS_TABLE, [])
    assert small.stat().st_size < 16 * 1024 < large.stat().st_size
    with open(large, "rb") as handle:
        large.rename(tmp_path / "aside")
        small.rename(large)
        with pytest.raises(InputTooLarge) as refused:
            databases.check_whole_size(large, "n.db", 16 * 1024, DatabaseKind.NEWSEDITS,
                                       checked=handle.fileno())
    assert refused.value.where == "n.db"
    assert "more than the size limit of 16K" in refused.value.message


def test_a_database_is_checked_as_the_file_opened_before_sqlite_reads_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks made before SQLite opens a database (cut short, WAL mode, its size) read it by
    its name: a WAL database with changes in its `-wal` and no `-shm`, whose name was another
    file's, in rollback mode, while they read it and its own again when SQLite opened it, was
    read, SQLite making a `-shm` beside it."""
    database = wal_copied_without_shm(tmp_path)
    aside, stand_in = tmp_path / "aside", tmp_path / "rollback"
    data = database.read_bytes()
    stand_in.write_bytes(data[:18] + b"\x01\x01" + data[20:])  # rollback mode
    connected = sqlite_schema._connected

    def put_back_then_connected(uri: str) -> sqlite_schema.BoundedConnection:
        if aside.exists():
            database.rename(stand_in)
            aside.rename(database)
        return connected(uri)

    monkeypatch.setattr(sqlite_schema, "_connected", put_back_then_connected)
    with open(database, "rb") as handle:
        database.rename(aside)
        stand_in.rename(database)
        with pytest.raises(MalformedPage, match="changes in ne.sqlite-wal can be read only by"):
            sqlite_schema.open_read_only(database, checked=handle.fileno()).close()
    assert sorted(p.name for p in database.parent.iterdir()) == ["ne.sqlite", "ne.sqlite-wal"]


def test_a_database_read_whole_is_limited_by_the_size_of_the_file_sqlite_opened(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once its tables told a diffengine file from a NewsEdits one, its size was taken by its
    name again: a large one whose name led to a small file by then was read whole over the
    size limit."""
    large, small = tmp_path / "d.db", tmp_path / "small.db"
    versions = tuple(Version(n, "Title", ("The mayor spoke. " * 30,)) for n in range(1, 3))
    diffengine.write_database(large, [Article(None, f"https://example.com/{n}", versions)
                                      for n in range(200)])
    diffengine.write_database(small, [])
    assert small.stat().st_size < 64 * 1024 < large.stat().st_size
    told = databases.database_kind

    def told_then_swapped(*args: Any) -> DatabaseKind:
        kind = told(*args)
        large.rename(tmp_path / "aside")
        small.rename(large)
        return kind

    monkeypatch.setattr(databases, "database_kind", told_then_swapped)
    with open(large, "rb") as handle, pytest.raises(InputTooLarge) as refused:
        databases.open_database(large, 64 * 1024, checked=handle.fileno())
    assert "more than the size limit of 64K" in refused.value.message


@pytest.mark.parametrize("holding", ["versions", "databases"])
@pytest.mark.parametrize("named", ["folder", "glob"])
@pytest.mark.parametrize("reader", ["export", "edits_table"])
def test_an_article_folder_swapped_for_a_link_out_after_export_lists_its_corpus_is_not_read(
        tmp_path: Path, private: Path, monkeypatch: pytest.MonkeyPatch, holding: str,
        named: str, reader: str) -> None:
    """A corpus (a folder of article folders, or a glob matching them) is walked as `export`
    expands its inputs, leaving out the links out of it; each article folder is read later by
    its path. An article folder swapped in between for a link to a folder of the reader's had
    that one read: each file was checked against its folder, which by then led out itself. What
    is opened must lie in the folder as the walk listed it."""
    corpus = tmp_path / "corpus"
    if holding == "versions":
        story(corpus / "a")
        story(corpus / "b")
        swapped_in = private / "notes"
    else:
        for outlet in ("a", "b"):
            (corpus / outlet).mkdir(parents=True)
            _newsedits_story(corpus / outlet / "n.db", "The mayor spoke on Tuesday.")
        swapped_in = private / "outlet"
        swapped_in.mkdir()
        _newsedits_story(swapped_in / "n.db", MARKER)
    _swap_after_export_lists(monkeypatch, lambda: _moved_aside_for_link(
        corpus / "b", swapped_in, tmp_path / "aside"))
    out = tmp_path / "out.jsonl"
    refused = _export_refusal(reader, str(corpus if named == "folder" else corpus / "*"), out)
    first = "0.txt" if holding == "versions" else "n.db"
    assert refused.where == str(corpus / "b" / first)
    assert "lies out of its folder" in refused.message
    assert MARKER not in str(refused)
    assert not out.exists()


def test_a_folder_swapped_for_a_link_out_after_parse_lists_it_is_not_read(
        tmp_path: Path, private: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`parse story/` lists the folder, then opens each version by its path: the folder swapped
    in between for a link to a folder of the reader's had that one read, each file checked
    against a folder that by then led out itself. Refused in one line naming the file."""
    folder = story(tmp_path / "story")
    _swap_right_after(monkeypatch, "folder_entries", lambda: _moved_aside_for_link(
        folder, private / "notes", tmp_path / "aside"), folders)
    result = CliRunner().invoke(main, ["parse", str(folder)])
    assert result.exit_code == 2, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith(f"revdiff: error: {folder / '0.txt'}: ")
    assert "lies out of its folder" in line
    assert MARKER not in result.output


@pytest.mark.parametrize("named", ["folder", "glob"])
@pytest.mark.parametrize("reader", ["export", "edits_table"])
def test_a_repository_swapped_for_a_link_out_after_export_lists_its_corpus_is_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str, reader: str) -> None:
    """A git repository in a corpus (a folder of them, or a glob matching them) is checked as
    `export` walks its inputs, and read later by its path, by git. Swapped in between for a
    link to one of the reader's own repositories, that one was exported: git followed the link,
    and no file of it is opened by revdiff to be checked. It is refused in one line naming it."""
    own = _own_repository(tmp_path)
    corpus = tmp_path / "corpus"
    _story_repository(corpus / "a", "Tuesday")
    _story_repository(corpus / "c", "Friday")
    _swap_after_export_lists(monkeypatch, lambda: _moved_aside_for_link(
        corpus / "c", own, tmp_path / "aside"))
    out = tmp_path / "out.jsonl"
    refused = _export_refusal(reader, str(corpus if named == "folder" else corpus / "*"), out)
    assert refused.where == str(corpus / "c")
    assert "lies out of the place it was listed in" in refused.message
    assert MARKER not in str(refused)
    assert not out.exists()


def test_a_repository_swapped_for_a_link_out_after_parse_looks_it_up_is_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`parse corpus/c` looks the folder up, then has git read it by its path: swapped in between
    for a link to one of the reader's own repositories, that one is refused in one line."""
    own = _own_repository(tmp_path)
    corpus = tmp_path / "corpus"
    _story_repository(corpus / "c", "Friday")
    _swap_right_after(monkeypatch, "is_repository", lambda: _moved_aside_for_link(
        corpus / "c", own, tmp_path / "aside"), gitrepo)
    result = CliRunner().invoke(main, ["parse", str(corpus / "c")])
    assert result.exit_code == 2, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith(f"revdiff: error: {corpus / 'c'}: cannot read the git repository: "
                           "it lies out of the place it was listed in")
    assert MARKER not in result.output


def test_a_repository_swapped_for_a_link_out_while_git_reads_it_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Git reads the repository by its path, which cannot be pinned to the folder checked: a
    link put in its place while git reads it is seen once git is done, and what was read is not
    exported, whatever git read."""
    own = _own_repository(tmp_path)
    corpus = tmp_path / "corpus"
    _story_repository(corpus / "c", "Friday")
    finished = gitrepo.finish_article

    def swapped_then_finished(parts: Any) -> Article:
        if not (corpus / "c").is_symlink():
            _moved_aside_for_link(corpus / "c", own, tmp_path / "aside")
        return finished(parts)

    monkeypatch.setattr(gitrepo, "finish_article", swapped_then_finished)
    out = tmp_path / "out.jsonl"
    with pytest.raises(EmptyInput) as refused:
        run_export(ExportJob((str(corpus),), out, "jsonl"))
    assert refused.value.where == str(corpus / "c")
    assert refused.value.message.startswith(
        "cannot read the git repository: it lies out of the place it was listed in")
    assert "while git read it); what git read is not used" in refused.value.message
    assert not out.exists()


@pytest.mark.parametrize("pointer", ["gitdir file", "link"])
def test_a_repositorys_git_swapped_for_one_out_after_export_lists_its_corpus_is_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pointer: str) -> None:
    """The walk of a corpus leaves out a repository whose `.git` names a git directory out of
    it; one whose `.git` was put in place after the walk, naming one of the reader's own, had
    that one exported, as a repository named itself is read wherever its history lies (warned).
    Read from the corpus, it must keep its history in the corpus as the walk found it."""
    own = _own_repository(tmp_path)
    corpus = tmp_path / "corpus"
    _story_repository(corpus / "c", "Friday")

    def git_swapped_for_own() -> None:
        if pointer == "link":
            _moved_aside_for_link(corpus / "c" / ".git", own / ".git", tmp_path / "aside")
        else:
            (corpus / "c" / ".git").rename(tmp_path / "aside")
            (corpus / "c" / ".git").write_text(f"gitdir: {own / '.git'}\n")

    _swap_after_export_lists(monkeypatch, git_swapped_for_own)
    out = tmp_path / "out.jsonl"
    with pytest.raises(EmptyInput) as refused:
        run_export(ExportJob((str(corpus),), out, "jsonl"))
    assert refused.value.where == str(corpus / "c")
    assert refused.value.message == (
        "cannot read the git repository: its .git, commondir or objects/info/alternates names a "
        f"git directory or an object folder out of {corpus}, changed after it was listed; not "
        "read, for safety")
    assert not out.exists()
