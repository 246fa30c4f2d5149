"""The markup a browser shows: comments and the elements whose text is no markup blanked, tags
read as the HTML standard's tokenizer reads them."""

from __future__ import annotations

import pytest

from revdiff.formats.shown_markup import shown_markup
from revdiff.formats.sniffer_html import read_version_page
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

