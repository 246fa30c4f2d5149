"""Saved publisher pages given as files (`revdiff diff a.html b.html`): read as their folder is."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from story_chains import SAMPLES

from revdiff.errors import InconsistentPages, UnknownFormat
from revdiff.formats import load
from revdiff.model import Version
from revdiff.render.snapshot import SITES, render_page

URL = "https://news.example.com/2020/01/03/story"
OTHER_URL = "https://news.example.com/2020/01/03/another-story"
FIRST = Version(0, "First title", ("One paragraph of the story.", "Another paragraph here."))
SECOND = Version(1, "Second title", ("One paragraph of the story, edited.",
                                     "Another paragraph here.", "A new closing paragraph."))
THIRD = Version(2, "Third title", ("One paragraph of the story, edited twice.",
                                   "A new closing paragraph."))


pytestmark = pytest.mark.usefixtures("trafilatura")


def _pages(folder: Path, pages: dict[str, str]) -> list[str]:
    """The pages written into `folder`, their paths in the order of `pages`."""
    folder.mkdir()
    for name, html in pages.items():
        (folder / name).write_text(html, "utf-8")
    return [str(folder / name) for name in pages]


@pytest.mark.parametrize("pages", [
    {"a-2020-01-03T12-00.html": render_page(URL, SECOND, SITES[0]),
     "b-2020-01-03T10-00.html": render_page(URL, FIRST, SITES[1])},
    {"page-2020-01-05.html": render_page(URL, THIRD, SITES[0]),
     "page-2020-01-03.html": render_page(URL, FIRST, SITES[0]),
     "page-2020-01-04.html": render_page(URL, SECOND, SITES[0])},
    {"20200103140500.html": render_page(URL, FIRST, SITES[0]),
     "20200103150000.html": render_page(OTHER_URL, THIRD, SITES[0]),
     "20200103154000.html": render_page(URL, SECOND, SITES[0])},
], ids=["two by time", "three by date", "two articles"])
def test_saved_pages_given_as_files_are_read_as_their_folder_is(
        tmp_path: Path, pages: dict[str, str]) -> None:
    """Two saved pages given as files were refused, each "neither a News Sniffer nor a NewsDiffs
    page", and told to be put in a folder, which would have read them. Alike but for the wording:
    the pages given, where the folder's name the folder."""
    files = _pages(tmp_path / "pages", pages)
    folder_notes: list[str] = []
    files_notes: list[str] = []
    from_folder = load([str(tmp_path / "pages")], notes=folder_notes)

    def as_the_folder_says(text: str) -> str:
        return text.replace("among the pages given", "in the folder").replace(
            "the pages given are of", f"{tmp_path / 'pages'}: the folder holds pages of")

    assert [replace(article, warnings=tuple(map(as_the_folder_says, article.warnings)))
            for article in load(files, notes=files_notes)] == from_folder
    assert list(map(as_the_folder_says, files_notes)) == folder_notes
    assert len(from_folder[0].versions) >= 2


def test_a_lone_saved_page_is_refused_and_told_to_come_with_others(tmp_path: Path) -> None:
    """One page is one version: refused, as before, but told that the article's other saved
    pages are read with it (it was told to put saved pages in a folder)."""
    file, = _pages(tmp_path / "pages", {"a.html": render_page(URL, FIRST, SITES[0])})
    with pytest.raises(UnknownFormat) as refused:
        load([file])
    assert str(refused.value) == (
        f"{file}: HTML page is neither a News Sniffer nor a NewsDiffs page (save the diff page "
        "itself, give the versions as text files, or give two or more saved pages of an "
        "article, or their folder)")


@pytest.mark.parametrize("other", ["sniffer-version.html", "0.txt"])
def test_saved_pages_given_with_another_kind_of_input_are_refused(
        tmp_path: Path, other: str) -> None:
    files = _pages(tmp_path / "pages", {"a.html": render_page(URL, FIRST, SITES[0]),
                                        "b.html": render_page(URL, SECOND, SITES[0])})
    if other.endswith(".txt"):
        (tmp_path / other).write_text("A version.\n", "utf-8")
    else:
        shutil.copy(SAMPLES / other, tmp_path / other)
    with pytest.raises(InconsistentPages, match=rf"saved news pages and .* given together.*"
                                                rf"{other} is"):
        load([*files, str(tmp_path / other)])


def test_saved_pages_without_a_time_stay_in_the_order_given(tmp_path: Path) -> None:
    """Pages that give no time were ordered by their names, as a folder's are: `b.html a.html`
    came back as `a.html b.html`, and the warning said they were placed by their names."""
    folder = tmp_path / "pages"
    files = _pages(folder, {"b.html": render_page(URL, FIRST, SITES[0]),
                            "a.html": render_page(URL, SECOND, SITES[0])})
    article, = load(files)
    assert [v.title for v in article.versions] == ["First title", "Second title"]
    assert f"2 pages give no time ({folder / 'b.html'}, {folder / 'a.html'}); read in the order " \
           "given" in " ".join(article.warnings)


def test_saved_pages_through_pipes_stay_in_the_order_given() -> None:
    """bash names the first of `<(curl -s U1) <(curl -s U2)` /dev/fd/63 and the second
    /dev/fd/62: ordered by the numbers in their names, they came back reversed, and the warning
    called those numbers file names."""
    from shell_pipes import shell_pipes

    with shell_pipes(render_page(URL, SECOND, SITES[0]), render_page(URL, FIRST, SITES[0])) \
            as pipes:
        article, = load(pipes[::-1])  # the higher number first, as bash gives them
    assert [v.title for v in article.versions] == ["First title", "Second title"]
    assert not any("file name" in warning for warning in article.warnings)


def test_given_saved_pages_with_a_time_come_first_by_it_the_others_as_given(
        tmp_path: Path) -> None:
    """A page whose file name gives its time is placed by it, as in a folder, and the pages that
    give none after it, in the order given (`b.html` before `a.html`), not by their names."""
    files = _pages(tmp_path / "pages", {"b.html": render_page(URL, SECOND, SITES[0]),
                                        "2020-01-03T10-00.html": render_page(URL, FIRST, SITES[0]),
                                        "a.html": render_page(URL, THIRD, SITES[0])})
    article, = load(files)
    assert [v.title for v in article.versions] == ["First title", "Second title", "Third title"]
    assert any("read in the order given after the timed ones" in warning
               for warning in article.warnings)


def test_saved_pages_as_a_shell_glob_gives_them_are_read_in_their_folder_order(
        tmp_path: Path) -> None:
    """`saved/*.html` gives `page(1).html page(2).html page.html`, their names sorted as text:
    read as the folder is, by the numbers in the names, as plain version files so given are."""
    folder = tmp_path / "pages"
    files = _pages(folder, {"page(1).html": render_page(URL, SECOND, SITES[0]),
                            "page(2).html": render_page(URL, THIRD, SITES[0]),
                            "page.html": render_page(URL, FIRST, SITES[0])})
    assert load(files) == load([str(folder)])
    article, = load(files)
    assert [v.title for v in article.versions] == ["First title", "Second title", "Third title"]


def test_saved_pages_of_several_articles_through_pipes_are_spoken_of_as_the_pages_given() -> None:
    """Pages of three articles through pipes were said to be `/dev/fd: the folder holds pages of
    3 articles`, of a folder nobody gave."""
    from shell_pipes import shell_pipes

    third_url = "https://news.example.com/2020/01/03/a-third-story"
    notes: list[str] = []
    with shell_pipes(render_page(URL, FIRST, SITES[0]), render_page(OTHER_URL, SECOND, SITES[0]),
                     render_page(third_url, THIRD, SITES[0])) as pipes:
        articles = load(pipes, notes=notes)
    assert len(articles) == 3
    assert "the pages given are of 3 articles (by the URL each page names); each is read as its " \
           "own article" in notes
    assert not any("folder" in note for note in notes)


def test_a_lone_version_among_saved_pages_given_is_said_to_be_among_them(tmp_path: Path) -> None:
    """Files given one by one were told `only one version of URL in the folder`."""
    files = _pages(tmp_path / "pages", {"b.html": render_page(URL, FIRST, SITES[0]),
                                        "a.html": render_page(OTHER_URL, SECOND, SITES[0])})
    articles = load(files, notes=[])
    assert [w for article in articles for w in article.warnings if "only one version" in w] == [
        f"only one version of {URL} among the pages given: nothing to compare",
        f"only one version of {OTHER_URL} among the pages given: nothing to compare"]
    from_folder = load([str(tmp_path / "pages")], notes=[])
    assert all(w.endswith("in the folder: nothing to compare")
               for article in from_folder for w in article.warnings if "only one version" in w)
