"""The rendered NewsDiffs page: how long unchanged stretches are cut to `[...]`."""

from __future__ import annotations

from revdiff.render.newsdiffs import pretty_html

RUN = "end of a paragraph\n\nfirst whole\n\nmiddle one\n\nmiddle two\n\nlast whole\n\nstart of"


def test_an_unchanged_run_between_changes_keeps_a_paragraph_on_each_side() -> None:
    html = pretty_html([(-1, "x"), (0, RUN), (1, "y")])
    assert html == ('<del style="background:#ffe6e6;">x</del><span>end of a paragraph<br><br>'
                    "first whole<br><br>[...]<br><br>last whole<br><br>start of</span>"
                    '<ins style="background:#e6ffe6;">y</ins>')


def test_a_final_unchanged_run_keeps_only_its_first_whole_paragraph() -> None:
    assert pretty_html([(1, "y"), (0, RUN)]).endswith(
        "<span>end of a paragraph<br><br>first whole<br><br>[...]</span>")


def test_short_runs_and_uncut_pages_keep_every_character() -> None:
    short = "a\n\nb\n\nc"
    assert pretty_html([(-1, "x"), (0, short), (1, "y")]).count("[...]") == 0
    assert "[...]" not in pretty_html([(-1, "x"), (0, RUN), (1, "y")], elide_context=False)
    assert pretty_html([(0, "<b>&")]) == "<span>&lt;b&gt;&amp;</span>"
