"""How export inputs are grouped into units: corpus folders, globs, databases, loose files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from export_corpus import make_chain

from revdiff.errors import EmptyInput
from revdiff.export.inputs import InputUnit, expand_inputs
from revdiff.formats import load
from revdiff.formats.loading import load_unit
from revdiff.natural_order import natural_key


def test_folder_of_folders_is_one_unit_per_folder(tmp_path: Path) -> None:
    for name in ("b10", "b2", "a"):
        make_chain(tmp_path / "corpus" / name, [["One."], ["Two."]])
    (tmp_path / "corpus" / "index.json").write_text("{}")
    notes: list[str] = []
    units = expand_inputs([str(tmp_path / "corpus")], notes)
    assert [Path(u.label).name for u in units] == ["a", "b2", "b10"]
    assert len(notes) == 1 and "index.json" in notes[0]


def test_folders_of_a_corpus_sort_without_case(tmp_path: Path) -> None:
    # `B2` came before `a`: capitals sorted before every small letter
    for name in ("b10", "B2", "a"):
        make_chain(tmp_path / "corpus" / name, [["One."], ["Two."]])
    units = expand_inputs([str(tmp_path / "corpus")])
    assert [Path(u.label).name for u in units] == ["a", "B2", "b10"]


@pytest.mark.parametrize("folders", [["sub"], ["a", "b"]])
def test_loose_files_beside_folders_are_said_not_to_be_exported(tmp_path: Path,
                                                                folders: list[str]) -> None:
    # version files beside one folder gave `read its 1 folders as articles and skipped 2 loose
    # file(s) such as 0.txt`: a wrong plural, and no word that those files were not exported
    make_chain(tmp_path / "mixed", [["One."], ["Two."]])
    for name in folders:
        make_chain(tmp_path / "mixed" / name, [["One."], ["Two."]])
    notes: list[str] = []
    units = expand_inputs([str(tmp_path / "mixed")], notes)
    assert [Path(unit.label).name for unit in units] == folders
    read = ("its folder sub; not exported: 2 files beside it" if folders == ["sub"]
            else "its 2 folders; not exported: 2 files beside them")
    said = (f"{tmp_path / 'mixed'}: read {read} (0.txt, 1.txt), as a folder that holds folders "
            "is read as a corpus; to export loose files, name them")
    assert notes == [said]


def test_a_folder_macos_zip_left_is_no_folder_of_articles(tmp_path: Path) -> None:
    """`story/__MACOSX/`, which macOS's zip adds beside the versions, made `story` a corpus: its
    versions were loose files not exported, and `__MACOSX` an input refused as holding none,
    where `diff story` read the versions."""
    story = make_chain(tmp_path / "story", [["One."], ["Two."]])
    (story / "__MACOSX" / "story").mkdir(parents=True)
    (story / "__MACOSX" / "story" / "._0.txt").write_bytes(b"\0\5\26\7")
    notes: list[str] = []
    assert expand_inputs([str(story)], notes) == [
        InputUnit(str(story), (str(story),), listed={str(story): story.resolve()})]
    assert notes == []


def test_file_browser_litter_beside_a_corpus_s_folders_is_no_loose_file(tmp_path: Path) -> None:
    """`Thumbs.db` beside a corpus's folders was named among the files not exported, where a
    folder of versions leaves it out without a word."""
    for name in ("a", "b"):
        make_chain(tmp_path / "corpus" / name, [["One."], ["Two."]])
    (tmp_path / "corpus" / "Thumbs.db").write_bytes(bytes(range(256)))
    notes: list[str] = []
    units = expand_inputs([str(tmp_path / "corpus")], notes)
    assert [Path(unit.label).name for unit in units] == ["a", "b"]
    assert notes == []


def test_loose_files_note_does_not_count_a_link_skipped_as_a_folder_read(tmp_path: Path) -> None:
    """`mixed/c -> a` beside `a/` and `b/` gave `read its 3 folders`, then `mixed/c: skipped, it
    leads to a folder already read`: the note was written before the link was followed."""
    make_chain(tmp_path / "mixed", [["One."], ["Two."]])
    for name in ("a", "b"):
        make_chain(tmp_path / "mixed" / name, [["One."], ["Two."]])
    (tmp_path / "mixed" / "c").symlink_to("a")
    notes: list[str] = []
    units = expand_inputs([str(tmp_path / "mixed")], notes)
    assert [Path(unit.label).name for unit in units] == ["a", "b"]
    assert notes[0].startswith(f"{tmp_path / 'mixed'}: read its 2 folders; not exported: ")
    assert notes[1].startswith(f"{tmp_path / 'mixed' / 'c'}: skipped, it leads to a folder")


def test_loose_files_note_of_a_folder_whose_only_folder_is_skipped_says_none_was_read(
        tmp_path: Path) -> None:
    """`corpus/a/l -> ../z`: the link is followed after the real `corpus/z/`, and skipped, so
    `corpus/a/`, which also holds files, read none of its folders."""
    make_chain(tmp_path / "corpus" / "a", [["One."], ["Two."]])
    make_chain(tmp_path / "corpus" / "z", [["One."], ["Two."]])
    (tmp_path / "corpus" / "a" / "l").symlink_to(Path("..") / "z")
    notes: list[str] = []
    units = expand_inputs([str(tmp_path / "corpus")], notes)
    assert [Path(unit.label).name for unit in units] == ["z"]
    assert notes[0].startswith(f"{tmp_path / 'corpus' / 'a'}: read none of its folders; "
                               "not exported: 2 files beside it")
    assert notes[1].startswith(f"{tmp_path / 'corpus' / 'a' / 'l'}: skipped, it leads to a")


def test_loose_files_note_does_not_count_a_folder_of_articles_as_one(tmp_path: Path) -> None:
    # `samples/` said `read its 4 folders as articles`, and 8 articles were read: `versions/`
    # and `snapshots/` in it each hold several article folders
    make_chain(tmp_path / "mixed", [["One."], ["Two."]])
    for name in ("a", "b"):
        make_chain(tmp_path / "mixed" / "outlet" / name, [["One."], ["Two."]])
    notes: list[str] = []
    units = expand_inputs([str(tmp_path / "mixed")], notes)
    assert [Path(unit.label).name for unit in units] == ["a", "b"]
    assert notes[0].startswith(f"{tmp_path / 'mixed'}: read its folder outlet; not exported: ")


def test_export_tells_a_note_about_the_input_as_a_warning_as_diff_does(
        tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    """`revdiff: FOLDER: read its folder sub; ...` where `diff` writes
    `revdiff: warning: ...`; what the run skips stays `revdiff: skipped ...`."""
    make_chain(tmp_path / "mixed", [["One."], ["Two."]])
    make_chain(tmp_path / "mixed" / "sub", [["One."], ["Two."]])
    make_chain(tmp_path / "mixed" / "single", [["One."]])
    exported = run_cli("export", str(tmp_path / "mixed"), "-o", str(tmp_path / "o.jsonl"))
    lines = exported.stderr.splitlines()
    assert exported.exit_code == 0
    assert f"revdiff: warning: {tmp_path / 'mixed'}: read its 2 folders;" in lines[0]
    assert f"revdiff: skipped {tmp_path / 'mixed' / 'single'}: only one version" in lines[1]


def test_a_link_back_in_a_folder_of_versions_is_told_of_once_and_sends_to_no_command(
        tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    """`corpus/sub/self -> .`: the link was skipped with a note, then reading `sub` named `self`
    a folder left out and told the user of `revdiff export` to use `revdiff export`. A link back
    is no folder of articles: `sub` is an article, its versions exported."""
    make_chain(tmp_path / "corpus" / "a", [["One."], ["Two."]])
    make_chain(tmp_path / "corpus" / "sub", [["One."], ["Two."]])
    (tmp_path / "corpus" / "sub" / "self").symlink_to(".")
    exported = run_cli("export", str(tmp_path / "corpus"), "-o", str(tmp_path / "o.jsonl"))
    assert exported.exit_code == 0
    warnings = [line for line in exported.stderr.splitlines() if "warning" in line]
    skipped = (f"revdiff: warning: {tmp_path / 'corpus' / 'sub'}: skipped 1 link back to a folder "
               "already read or to one holding it, such as self")
    assert warnings == [skipped]
    assert "exported 2 articles" in exported.stderr


def test_a_folder_of_versions_whose_folder_was_read_is_told_of_once_in_export_s_words(
        tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    """`export m/a m`, `m` a folder of versions beside `a`: after `skipped 1 folder an earlier
    input already read`, reading `m` named `a` a folder left out and told the user to use
    `revdiff export`, the command running. What `export` skips it names itself."""
    make_chain(tmp_path / "m", [["One."], ["Two."]])
    make_chain(tmp_path / "m" / "a", [["One."], ["Two."]])
    exported = run_cli("export", str(tmp_path / "m" / "a"), str(tmp_path / "m"), "-o",
                       str(tmp_path / "o.jsonl"))
    assert exported.exit_code == 0
    warnings = [line for line in exported.stderr.splitlines() if "warning" in line]
    skipped = (f"revdiff: warning: {tmp_path / 'm'}: skipped 1 folder an earlier input already "
               "read, such as a")
    assert warnings == [skipped]
    assert "exported 2 articles" in exported.stderr


@pytest.mark.parametrize("suffix", ["_files", "-Dateien"])
def test_a_folder_of_saved_pages_with_the_folder_a_browser_saved_is_one_unit(
        tmp_path: Path, suffix: str) -> None:
    """`story.html` saved with its images in `story_files/` was read as a corpus of one article
    folder, `story_files`, whose images were refused as empty or binary articles, and the pages
    beside it were not exported."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("20200107.html", "20200108.html"):
        (pages / name).write_text("<!DOCTYPE html><html><body><p>Story.</p></body></html>")
    (pages / f"20200107{suffix}").mkdir()
    (pages / f"20200107{suffix}" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    notes: list[str] = []
    units = expand_inputs([str(pages)], notes)
    assert [unit.label for unit in units] == [str(pages)] and notes == []


@pytest.mark.parametrize("given", [["pages/*"], ["pages/20200107.html", "pages/20200107_files"],
                                   ["pages/*.html", "pages/*_files"],
                                   ["pages/*_files", "pages/*.html"]])
def test_the_folder_a_browser_saved_given_beside_its_page_is_part_of_the_page(
        tmp_path: Path, given: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`'pages/*'` (or the shell's `pages/*`) matches `story.html` and the `story_files/` a
    browser saved its images in: that folder was read as an article of its own, its style
    sheet a version (`skipped pages/story_files: only one version`), where the folder given is
    read as the page's part; so it still was where the page and the folder came from two globs
    (`'pages/*.html' 'pages/*_files'`), the page looked for among the other globs unexpanded."""
    monkeypatch.chdir(tmp_path)
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "20200107.html").write_text("<!DOCTYPE html><html><body><p>Story.</p></body></html>")
    (pages / "20200107_files").mkdir()
    (pages / "20200107_files" / "style.css").write_text("body { margin: 0 }\n")
    notes: list[str] = []
    units = expand_inputs(given, notes)
    assert [unit.paths for unit in units] == [("pages/20200107.html",)] and notes == []


def test_loose_files_are_read_together_where_they_appear(tmp_path: Path, samples: Path) -> None:
    story = samples / "us-sends-3000-troops-to-middle-east"
    files = [str(p) for p in sorted(story.glob("*.txt"))]
    database = samples.parent / "newsedits.sqlite"
    if not database.is_file():
        pytest.skip("samples/newsedits.sqlite is missing")
    units = expand_inputs([files[0], str(database), *files[1:]])
    assert units[0] == InputUnit(f"{files[0]} (+{len(files) - 1} files)", tuple(files))
    assert units[1] == InputUnit(str(database), (str(database),))


def test_globs_expand_and_missing_paths_fail(tmp_path: Path) -> None:
    for name in ("x1", "x3", "x20"):
        make_chain(tmp_path / name, [["One."], ["Two."]])
    units = expand_inputs([str(tmp_path / "x*")])
    assert [Path(u.label).name for u in units] == ["x1", "x3", "x20"]
    with pytest.raises(EmptyInput, match="no such file"):
        expand_inputs([str(tmp_path / "nothing")])
    with pytest.raises(EmptyInput, match="the glob matches nothing in"):
        expand_inputs([str(tmp_path / "nothing*")])
    with pytest.raises(EmptyInput):
        expand_inputs([])


def test_git_repository_is_one_unit(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    assert expand_inputs([str(repo)]) == [
        InputUnit(str(repo), (str(repo),), listed={str(repo): repo.resolve()})]


def test_natural_key() -> None:
    assert sorted(["a10", "a2", "a1b"], key=natural_key) == ["a1b", "a2", "a10"]


def test_a_folder_reached_by_a_link_first_is_read_as_itself(tmp_path: Path) -> None:
    """`g1/dup -> ../g3/story`: the walk met the link first, so the article was named `dup` and
    the real folder was called a link back to a folder already read."""
    make_chain(tmp_path / "g3" / "story", [["One."], ["One. Two."]])
    (tmp_path / "g1").mkdir()
    (tmp_path / "g1" / "dup").symlink_to(Path("..") / "g3" / "story")
    notes: list[str] = []
    units = expand_inputs([str(tmp_path)], notes)
    assert [Path(unit.label).name for unit in units] == ["story"]
    assert notes == [(f"{tmp_path / 'g1' / 'dup'}: skipped, it leads to a folder already read "
                     f"({tmp_path.resolve() / 'g3' / 'story'})")]


def test_a_folder_an_earlier_input_read_is_not_called_a_link(tmp_path: Path) -> None:
    """`export m/a m` said `m: skipped 1 link back to a folder already read, such as a` of the
    real folder `m/a`; a link beside it is still told of as a link."""
    for name in ("a", "b"):
        make_chain(tmp_path / "m" / name, [["One."], ["Two."]])
    (tmp_path / "m" / "l").symlink_to("a")
    notes: list[str] = []
    units = expand_inputs([str(tmp_path / "m" / "a"), str(tmp_path / "m")], notes)
    assert [Path(unit.label).name for unit in units] == ["a", "b"]
    assert notes == [f"{tmp_path / 'm'}: skipped 1 folder an earlier input already read, such as a",
                     (f"{tmp_path / 'm'}: skipped 1 link back to a folder already read or to "
                      "one holding it, such as l")]


def test_a_folder_given_after_its_corpus_is_not_called_a_link(tmp_path: Path) -> None:
    """`export m m/a` said `m/a: skipped, it leads to a folder already read (...)`, the words for
    a link, of the real folder `m/a`; a link given after it is still told of as a link."""
    for name in ("a", "b"):
        make_chain(tmp_path / "m" / name, [["One."], ["Two."]])
    (tmp_path / "l").symlink_to(Path("m") / "a")
    notes: list[str] = []
    units = expand_inputs([str(tmp_path / "m"), str(tmp_path / "m" / "a"), str(tmp_path / "l")],
                          notes)
    assert [Path(unit.label).name for unit in units] == ["a", "b"]
    assert notes == [f"{tmp_path / 'm' / 'a'}: skipped, an earlier input already read it",
                     (f"{tmp_path / 'l'}: skipped, it leads to a folder already read "
                      f"({tmp_path.resolve() / 'm' / 'a'})")]


def test_files_of_several_folders_given_together_are_said_to_be_read_as_one(
        tmp_path: Path, samples: Path, run_cli: Callable[..., Result]) -> None:
    """`stories/*/0.txt` made one article of every story's first version, silently."""
    for story in ("a", "b"):
        (tmp_path / story).mkdir()
        (tmp_path / story / "0.txt").write_text(f"Story {story}.\n")
    notes: list[str] = []
    [unit] = expand_inputs([str(tmp_path / "*" / "0.txt")], notes)
    assert len(unit.paths) == 2
    assert notes == []  # whether they are plain text is known when they are read
    said = ("2 files of plain text from 2 folders are read together, as the versions of one "
            "article; to read each folder as an article, name the folders")
    load([str(tmp_path / "a" / "0.txt"), str(tmp_path / "b" / "0.txt")], notes=notes)
    assert notes == [said]
    exported = run_cli("export", str(tmp_path / "*" / "0.txt"), "-o", str(tmp_path / "o.jsonl"))
    assert exported.exit_code == 0 and f"revdiff: warning: {said}" in exported.stderr.splitlines()
    # diff pages of one article kept in two folders are joined by their URL, as meant
    notes.clear()
    pages = sorted((samples.parent / "sniffer-diff").glob("*.txt"))[:2]
    for story, page in zip("ab", pages, strict=True):
        (tmp_path / story / page.name).write_bytes(page.read_bytes())
    load([str(tmp_path / story / page.name) for story, page in zip("ab", pages, strict=True)],
         notes=notes)
    assert notes == []


def test_pages_of_several_folders_exported_together_get_no_note_about_plain_text(
        tmp_path: Path, samples: Path, run_cli: Callable[..., Result]) -> None:
    """`export` said that two NewsDiffs pages of two folders were read as the versions of one
    article when they are plain text, which neither was."""
    pages = sorted((samples.parent / "newsdiffs").glob("*-rendered.html"))
    for story, page in zip("ab", pages, strict=True):
        (tmp_path / story).mkdir()
        (tmp_path / story / page.name).write_bytes(page.read_bytes())
    exported = run_cli("export", str(tmp_path / "*" / "*.html"), "-o", str(tmp_path / "o.jsonl"))
    assert exported.exit_code == 0, exported.output
    assert "read together" not in exported.stderr
    assert "exported 2 articles" in exported.stderr


def test_a_folder_of_databases_is_a_unit_for_each_read_an_article_at_a_time(
        tmp_path: Path, samples: Path) -> None:
    """A folder of one NewsEdits file per outlet was one unit, read whole by `load` (and refused
    past the file limit); a database named twice was read twice without a word."""
    folder = tmp_path / "outlets"
    folder.mkdir()
    for name in ("b10.db", "b2.db", "a.sqlite"):
        (folder / name).write_bytes((samples.parent / "newsedits.sqlite").read_bytes())
    (folder / "a.sqlite-wal").write_bytes(b"journal of a tracker still writing a.sqlite")
    notes: list[str] = []
    units = expand_inputs([str(folder), str(folder / "b2.db")], notes)
    assert [Path(unit.label).name for unit in units] == ["a.sqlite", "b2.db", "b10.db"]
    assert notes == [f"{folder / 'b2.db'}: skipped, it is a database already read"]
    with load_unit(units[0].paths) as articles:
        assert not isinstance(articles, list)  # `load` reads a list, whole


def test_a_folder_of_databases_and_version_files_stays_one_unit(tmp_path: Path,
                                                                samples: Path) -> None:
    mixed = make_chain(tmp_path / "mixed", [["One."], ["Two."]])
    (mixed / "n.db").write_bytes((samples.parent / "newsedits.sqlite").read_bytes())
    assert expand_inputs([str(mixed)]) == [
        InputUnit(str(mixed), (str(mixed),), listed={str(mixed): mixed.resolve()})]


def test_names_with_digits_int_cannot_read_sort_without_error() -> None:
    # a file named `²` raised ValueError while the inputs were sorted (str.isdigit takes a
    # superscript, int does not), and a run of digits beside it compared an int with a str
    names = ["a10", "²", "a2", "a²", "b٣"]
    assert sorted(names, key=natural_key) == ["a2", "a10", "a²", "b٣", "²"]


def test_a_folder_read_through_a_link_of_the_same_input_is_not_called_an_earlier_inputs(
        tmp_path: Path) -> None:
    """`c/a-x -> .old/x`, then `c/b -> .old`: the folder `x` met inside `b`, read by way of `a-x`,
    was said to be one that an earlier input already read, though `c` was the only input."""
    for name in ("x", "y"):
        make_chain(tmp_path / "c" / ".old" / name, [["One."], ["Two."]])
    (tmp_path / "c" / "a-x").symlink_to(Path(".old") / "x")
    (tmp_path / "c" / "b").symlink_to(".old")
    notes: list[str] = []
    units = expand_inputs([str(tmp_path / "c")], notes)
    assert [unit.label for unit in units] == [str(tmp_path / "c" / "a-x"),
                                              str(tmp_path / "c" / "b" / "y")]
    assert notes == [(f"{tmp_path / 'c' / 'b'}: skipped 1 folder already read, such as x "
                      f"(read as {tmp_path / 'c' / 'a-x'})")]


def test_a_glob_of_folders_ending_in_a_slash_sorts_them_naturally(tmp_path: Path) -> None:
    """`'corpus/*/'` gave `a2`, `a10`, `a`, `B`: the paths were sorted whole, so the `/` after `a`
    came after the `a` of `a2`, where the folder of a corpus, and `'corpus/*'`, give `a` first."""
    for name in ("a2", "a10", "B", "a"):
        make_chain(tmp_path / "corpus" / name, [["One."], ["Two."]])
    units = expand_inputs([f"{tmp_path / 'corpus'}/*/"])
    assert [Path(u.label).name for u in units] == ["a", "a2", "a10", "B"]


def test_version_files_a_glob_finds_in_several_folders_sort_by_folder_first(
        tmp_path: Path) -> None:
    """`'corpus/*/0.txt'` sorted `a2/0.txt` before `a/0.txt`, as it compared whole paths."""
    for name in ("a2", "a"):
        make_chain(tmp_path / "corpus" / name, [["One."], ["Two."]])
    units = expand_inputs([f"{tmp_path / 'corpus'}/*/0.txt"])
    assert [Path(path).parent.name for path in units[0].paths] == ["a", "a2"]
