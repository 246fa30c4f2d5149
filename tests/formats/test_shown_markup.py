"""The markup a browser shows: comments and the elements whose text is no markup blanked, tags
read as the HTML standard's tokenizer reads them."""

from __future__ import annotations

import re
import tracemalloc
from collections.abc import Callable

import pytest
from story_chains import SAMPLES

from revdiff.errors import UnknownFormat
from revdiff.formats import shown_markup as shown_markup_module
from revdiff.formats.detect import Format
from revdiff.formats.input_file import TextInput
from revdiff.formats.loading import _untracked_page_error
from revdiff.formats.newsdiffs import read_page
from revdiff.formats.shown_markup import closing_html_tag, opening_html_tag, shown_markup
from revdiff.formats.sniffer_html import read_diff_page, read_version_page
from revdiff.model import Version
from revdiff.render.sniffer_version import render_version_html

# The HTML standard's tag name state appends `<`, `!` and `-` to the tag's name: `<scr<!---->` is
# one start tag (named `scr<!----`) holding no comment, and `ipt>` after it is text; a `<` before
# a comment is text too (tag open state: anything but a letter, `!`, `/` or `?`), as is the
# `script>` after the comment.
ODD = ["<scr<!---->ipt>beta</script>", "<<!---->script>beta</script>",
       '<a title="<!--">beta</a><!-- gamma -->',
       "<!-->beta<!-- gamma -->", "<!--->beta<!-- gamma --!>"]


@pytest.mark.parametrize("odd", ODD)
def test_the_markup_shown_is_shown_markup_again(odd: str) -> None:
    """A second pass blanked what the first made: `<scr<!---->ipt>beta</script>` became
    `<script>beta</script>`, which the next pass blanked."""
    once = shown_markup(odd)
    assert shown_markup(once) == once
    assert "beta" in once


@pytest.mark.parametrize(("paragraph", "shown"), [
    ("Alpha <scr<!---->ipt>beta</script> gamma.", "Alpha ipt>beta gamma."),
    ("Alpha <<!---->script>beta</script> gamma.", "Alpha <script>beta gamma."),
    ("Alpha <!-->beta<!-- --> gamma.", "Alpha beta gamma.")])
def test_a_paragraph_of_odd_markup_reads_as_a_browser_shows_it(paragraph: str, shown: str) -> None:
    """A browser shows `ipt>beta` (the comment is in the tag's name) and `<script>beta` (the
    `<` before a comment is text): both were blanked as a script's text; `<!-->` is a whole
    comment, which was read as one running to the next `-->`."""
    page = render_version_html(Version(3, "Title", ("First.", "Second.")), None, 5).replace(
        "First.", paragraph)
    assert read_version_page(page, "v.html").versions[0].paragraphs == (shown, "Second.")


@pytest.mark.parametrize(("page", "closing"), [
    ("<html><body>x</body></html >\n", "</html >"),
    ("<html><body>x</body></HTML\n>\n", "</HTML\n>"),
    ("<html><body>x</body></html/>", "</html/>"),
    ("<html><body>x</body></html><!-- cached </html> -->\n", "</html>"),
    ("<html><body><script>w('</html>')</script>x</body></html>", "</html>")])
def test_the_closing_html_tag_is_found_as_a_browser_reads_it(page: str, closing: str) -> None:
    found = closing_html_tag(page)
    assert found is not None and found.group() == closing
    assert page[found.end():].strip() in ("", "<!-- cached </html> -->")


@pytest.mark.parametrize("page", [
    "<html><body><html-frame></html-frame>", "<html><body><!-- </html> -->",
    '<html><body><a title="</html>">x</a>', "<html><body><script>w('</html>')", "<html></ html>"])
def test_a_closing_html_tag_a_browser_does_not_read_is_none(page: str) -> None:
    assert closing_html_tag(page) is None


# The HTML standard's tokenizer reads the text of a title or textarea (RCDATA), of an xmp, iframe,
# noembed, noframes or (scripting on) noscript element (RAWTEXT) as text up to its own end tag,
# and all after `<plaintext>` as text: a comment's or a tag's start there is none. What a browser
# shows of it is kept, its `<` written `&lt;`; the rest is blanked, as a script is.
@pytest.mark.parametrize(("page", "shown"), [
    ("<title><!-- </title> --></html>", "<title>&lt;!-- </title> --></html>"),
    ("<TITLE>a<b>c</Title ><p>d</p>", "<TITLE>a&lt;b>c</Title ><p>d</p>"),
    ("<xmp><!-- </xmp>x</xmp2> -->", "<xmp>&lt;!-- </xmp>x</xmp2> -->"),
    ("<plaintext><!-- x --></html>", "<plaintext>&lt;!-- x -->&lt;/html>"),
    ("<iframe><!-- </iframe>x -->", "x -->"),
    ("<noembed><p>a</p></noembed>b", "b"),
    ("<noframes><!--</noframes>-->", "-->"),
    ("<noscript><table>\n</noscript/>b", "\nb"),
    ("a<<iframe>x</iframe>", "a&lt;")])
def test_the_text_of_raw_text_elements_is_read_as_text(page: str, shown: str) -> None:
    """The comment's start in `<title><!-- </title> -->` swallowed the title's end tag."""
    assert shown_markup(page) == shown
    assert shown_markup(shown) == shown


@pytest.mark.parametrize("page", ["<html><title></html></title><body>x</body>",
                                  "<html><body><plaintext>x</body></html>",
                                  "<html><body><noframes></html></noframes>"])
def test_a_closing_html_tag_in_raw_text_is_none(page: str) -> None:
    assert closing_html_tag(page) is None


@pytest.mark.parametrize(("page", "opening"), [
    ("<!DOCTYPE html><HTML lang='en'><body>x", "<HTML lang='en'>"),
    ("<html-frame></html-frame><!-- <html> --><html\n>", "<html\n>")])
def test_the_opening_html_tag_is_found_as_a_browser_reads_it(page: str, opening: str) -> None:
    found = opening_html_tag(page)
    assert found is not None and found.group() == opening


@pytest.mark.parametrize("page", [
    "<div><html-frame>x</html-frame></div>", '<a title="<html>">x</a>', "<!-- <html> -->",
    "<title><html></title>", "</html>"])
def test_an_opening_html_tag_a_browser_does_not_read_is_none(page: str) -> None:
    assert opening_html_tag(page) is None


# An element each pass over the page (or its shown markup) reads and writes (`_shown`): an xmp's
# text, which it shows as text; a tag it keeps as written, no piece of its own
COUNTED = "<xmp id=counted></xmp>"


def _unknown_page(page: str) -> None:
    with pytest.raises(UnknownFormat, match="neither a News Sniffer nor a NewsDiffs page"):
        raise _untracked_page_error(TextInput("u.html", page, Format.UNKNOWN_HTML))


@pytest.mark.parametrize(("sample", "read"), [
    ("sniffer-version.html", lambda page: read_version_page(page, "v.html")),
    ("sniffer-diff/iran-strikes-v0-v1.html", lambda page: read_diff_page(page, "d.html")),
    ("newsdiffs/us-deploys-troops-v1-v2-raw.html", lambda page: read_page(page, "p.html")),
    ("sniffer-version.html", _unknown_page)])
def test_a_reading_makes_the_shown_markup_once(monkeypatch: pytest.MonkeyPatch, sample: str,
                                               read: Callable[[str], object]) -> None:
    """A version page's reading made it three times (the page's, then again for the checks of a
    second page and of a translation), a diff page's twice (again for that of a translation), the
    check of a page of no tracker twice (for a translation and an article history)."""
    passes = []
    made = shown_markup_module._shown

    def counting(piece: re.Match[str]) -> str:
        if piece.group() == COUNTED:
            passes.append(piece)
        return made(piece)

    monkeypatch.setattr(shown_markup_module, "_shown", counting)
    page = (SAMPLES / sample).read_text("utf-8").replace("<body>", f"<body>{COUNTED}", 1)
    assert COUNTED in page
    read(page)
    assert len(passes) == 1


def test_a_page_of_tags_alone_is_shown_without_a_copy_of_each_tag() -> None:
    """Each tag was a piece of its own in the shown markup's making: a page of 5,000,000 nested
    `<div>`s (55 MB) took 600 MB and more; what is kept as written is no copy."""
    page = "<div>" * 100_000 + "<!-- note -->" + "</div>" * 100_000
    tracemalloc.start()
    try:
        shown = shown_markup(page)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert shown == page.replace("<!-- note -->", "")
    assert peak < 3 * len(page)
