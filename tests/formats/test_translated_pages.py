"""News Sniffer pages a browser translated before they were saved: their cells hold the
translation, not the versions, so they are refused, saying so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from story_chains import SAMPLES

from revdiff.errors import MalformedPage, UnknownFormat
from revdiff.formats import load

DIFF_PAGE = (SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.html").read_text("utf-8")
VERSION_PAGE = (SAMPLES / "sniffer-version.html").read_text("utf-8")
CHROME_RUN = '<font style="vertical-align: inherit;"><font style="vertical-align: inherit;">{}</font></font>'


def _chrome_translated(page: str, words: dict[str, str]) -> str:
    """The page as Chrome leaves it translated: its root marked, each translated run in `<font>`."""
    page = page.replace("<html", '<html class="translated-ltr"', 1)
    for english, foreign in words.items():
        assert english in page
        page = page.replace(english, CHROME_RUN.format(foreign))
    return page


def _read(tmp_path: Path, page: str) -> None:
    target = tmp_path / "page.html"
    target.write_text(page, "utf-8")
    load([str(target)])


@pytest.mark.parametrize("page", [
    # German keeps `Version 0`: the page read, its versions the translated text
    _chrome_translated(DIFF_PAGE, {"Casualties and damage from the missile attacks were being assessed.":
                                   "Opfer und Schäden wurden noch ermittelt."}),
    _chrome_translated(VERSION_PAGE, {"Version 2 of 5.": "Versión 2 de 5."}),
    _chrome_translated(VERSION_PAGE, {"Version 2 of 5.": "Version 2 von 5."}),
], ids=["diff page in German", "version page in Spanish", "version page in German"])
def test_a_page_chrome_translated_is_refused_saying_so(tmp_path: Path, page: str) -> None:
    with pytest.raises((MalformedPage, UnknownFormat)) as refused:
        _read(tmp_path, page)
    assert "translated by the browser" in str(refused.value)
    assert "save it again untranslated" in str(refused.value)


def test_translated_version_cells_say_the_page_looks_translated(tmp_path: Path) -> None:
    """`Versión 0` without Chrome's marks (another translator) is told as a translation, not as
    a page changed after it was saved."""
    page = DIFF_PAGE.replace("Version 0<", "Versión 0<").replace("Version 1<", "Versión 1<")
    with pytest.raises(MalformedPage) as refused:
        _read(tmp_path, page)
    assert "looks translated" in str(refused.value)


DIFF_TEXT = (SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.txt").read_text("utf-8")


@pytest.mark.parametrize("words", [
    {"This article is from the source": "Dieser Artikel stammt aus der Quelle",
     "The article has changed": "Der Artikel hat sich geändert", "(about 1 hour later)":
     "(etwa 1 Stunde später)"},
    {"This article is from the source": "Este artículo es de la fuente", "Version 0 Version 1":
     "Versión 0 Versión 1", "(about 1 hour later)": "(alrededor de 1 hora después)"},
], ids=["German", "Spanish"])
def test_a_diff_page_translated_and_saved_as_text_is_refused_saying_so(
        tmp_path: Path, words: dict[str, str]) -> None:
    """Without News Sniffer's English words the text was read as one plain version: the whole
    page, header and both columns, as one version's paragraphs."""
    page = DIFF_TEXT
    for english, foreign in words.items():
        assert english in page
        page = page.replace(english, foreign)
    target = tmp_path / "page.txt"
    target.write_text(page, "utf-8")
    with pytest.raises(UnknownFormat) as refused:
        load([str(target)])
    assert "translated by the browser" in str(refused.value)
    assert "save it again untranslated" in str(refused.value)


def test_a_diff_text_whose_version_and_time_rows_alone_are_translated_is_refused_saying_so(
        tmp_path: Path) -> None:
    """The page's English header prose kept it a News Sniffer page, whose `Versión 0 Versión 1`
    row was then refused as missing ("no 'Version N Version M' header row"), not as translated."""
    page = DIFF_TEXT.replace("Version 0 Version 1", "Versión 0 Versión 1").replace(
        "(about 1 hour later)", "(alrededor de 1 hora después)")
    target = tmp_path / "page.txt"
    target.write_text(page, "utf-8")
    with pytest.raises(MalformedPage) as refused:
        load([str(target)])
    assert "translated by the browser" in str(refused.value)
    assert "save it again untranslated" in str(refused.value)


@pytest.mark.parametrize("recase", [str.lower, str.upper], ids=["lower", "upper"])
def test_a_recased_diff_text_without_its_info_line_is_not_called_translated(
        tmp_path: Path, recase: Callable[[str], str]) -> None:
    """A page's text changed in case as a whole, copied without its article-info line
    (`version 0 version 1`, `(about 1 hour later)` after the address), was called translated by
    the browser: the check for News Sniffer's English words minded their case."""
    page = recase(DIFF_TEXT.split("\n", 1)[1])
    target = tmp_path / "page.txt"
    target.write_text(page, "utf-8")
    with pytest.raises(MalformedPage) as refused:  # read as a diff page: it opens as one
        load([str(target)])
    assert "translated" not in str(refused.value)
    assert refused.value.line == page.split("\n").index(recase("Version 0 Version 1")) + 1
    assert refused.value.message == (
        f"header row {recase('Version 0 Version 1')!r} is not in the case News Sniffer writes it, "
        "'Version N Version M': the page's text was changed after it was saved")
    assert refused.value.hint == ("save or copy the page again from News Sniffer, or give its "
                                  "HTML page")


def test_a_plain_version_with_rows_like_a_translated_header_is_read(tmp_path: Path) -> None:
    """A version's line of two numbered words, a line and one in brackets, as a translated diff
    page's header has them, was refused as a translated page, though no address came before."""
    version = ("Election results\n\nRound 1 Round 2\nTurnout fell in the second round.\n"
               "(provisional figures)\n\nThe count goes on.\n")
    target = tmp_path / "0.txt"
    target.write_text(version, "utf-8")
    [article] = load([str(target)])
    assert article.versions[0].paragraphs[-1] == "The count goes on."


@pytest.mark.parametrize("unshown", [
    "<script>var run = '<font style=\"vertical-align: inherit;\">';</script>",
    "<!-- <html class=\"translated-ltr\"> -->",
    "<template><font style=\"vertical-align: inherit;\">Übersetzt</font></template>",
])
def test_a_page_of_no_tracker_is_not_called_translated_for_marks_it_does_not_show(
        tmp_path: Path, unshown: str) -> None:
    """A translation's marks in a script, a comment or a template are no markup of the page: a
    page of no tracker was refused as translated by the browser, and told to be saved again
    untranslated, for a string in its script."""
    page = f"<html><head>{unshown}</head><body><p>An article.</p></body></html>"
    with pytest.raises(UnknownFormat) as refused:
        _read(tmp_path, page)
    assert "neither a News Sniffer nor a NewsDiffs page" in str(refused.value)


def test_a_custom_element_named_from_html_is_no_root_marked_translated(tmp_path: Path) -> None:
    """A custom element's `<html-frame class="translated-ltr">` was read as the page's root
    marked by Chrome's translation, refusing a page of no tracker as translated."""
    page = ('<html><body><html-frame class="translated-ltr"><p>An article.</p></html-frame>'
            "</body></html>")
    with pytest.raises(UnknownFormat) as refused:
        _read(tmp_path, page)
    assert "neither a News Sniffer nor a NewsDiffs page" in str(refused.value)


@pytest.mark.parametrize("root", [
    '<html data-class="translated-ltr">',
    '<html lang="en" title="class=translated-rtl">',
    "<html xclass='translated-ltr'>",
])
def test_a_root_without_a_class_attribute_marked_translated_is_not_called_translated(
        tmp_path: Path, root: str) -> None:
    """`class=` searched for after a word boundary also matched `data-class=`, and one inside
    another attribute's value: a page of no tracker was refused as translated by the browser."""
    page = f"{root}<body><p>An article.</p></body></html>"
    with pytest.raises(UnknownFormat) as refused:
        _read(tmp_path, page)
    assert "neither a News Sniffer nor a NewsDiffs page" in str(refused.value)


@pytest.mark.parametrize("root", [
    '<html data-class="x" class="translated-ltr">',
    '<html lang="en"/class=translated-rtl>',
    "<HTML CLASS = 'notranslate translated-ltr'>",
])
def test_a_root_whose_class_attribute_is_marked_translated_is_refused(tmp_path: Path, root: str) -> None:
    assert '<html lang="en">' in VERSION_PAGE
    page = VERSION_PAGE.replace('<html lang="en">', root, 1)
    with pytest.raises((MalformedPage, UnknownFormat)) as refused:
        _read(tmp_path, page)
    assert "translated by the browser" in str(refused.value)
