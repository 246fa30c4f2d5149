"""`revdiff view`: browse an article's changes in the terminal app; text when not on a terminal."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from functools import partial

import click

from revdiff.cli import RevdiffCommand
from revdiff.cli.common import (
    corrections_option,
    echo_blocks,
    inputs_argument,
    load_and_warn,
    max_size_option,
    quiet_option,
    reports_errors,
    stdout_is_terminal,
    warn,
)
from revdiff.cli.progress import obeys_escape_codes
from revdiff.corrections_file import Correction
from revdiff.errors import RevdiffError, stdout_open
from revdiff.model import Article
from revdiff.terminal_text import visible, visible_unseen

LAYOUT_CHOICES = ("auto", "side", "unified")


def article_text(article: Article, input_name: str, sentences: str = "auto") -> str:
    """Every consecutive pair of versions as the text diff, headed by the article's name as
    `diff` heads it (`article_ref`: by `input_name`, `load_and_warn`'s, when it has neither a
    URL nor a title; `view` leaves out an article of one version: `load_and_warn(compare=True)`);
    control characters in the text shown as symbols, and an edit read from an unsure row of a
    flattened page marked as `diff` marks it."""
    # The exporters (and through them the engine) are imported here, not with the module:
    # completing an input path and `--help` need none of them.
    from revdiff.export.comparison_text import comparison_text
    from revdiff.export.pairs import compared_pairs, pair_reading
    from revdiff.export.records import article_ref

    name = article_ref(0, article, input_name).name
    return "\n\n".join(comparison_text(comparison, article=name, color=False,
                                       shown=visible, unseen=visible_unseen,
                                       confidence=partial(pair_reading(article, comparison)
                                                          .edit_confidence, comparison=comparison))
                       for comparison in compared_pairs(article, sentences))


def keyboard_on_stdin() -> bool:
    """Make sure the app can read keys: when input was piped in, read them from the terminal."""
    if sys.stdin is not None and sys.stdin.isatty():
        return True
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return False
    os.dup2(terminal, 0)  # the app reads keys from file descriptor 0
    os.close(terminal)
    return True


def _why_the_app_cannot_start() -> str | None:
    """Why the text diff is printed instead of the app, though --plain was not given: output
    that is not a terminal, or no keyboard (`keyboard_on_stdin`); None when the app starts."""
    if not stdout_is_terminal():
        return "output is not a terminal (a pipe or a file)"
    if not keyboard_on_stdin():
        return "there is no keyboard to read keys from (no terminal at /dev/tty)"
    return None


def _undrawable_terminal() -> str:
    """Why the terminal TERM names cannot draw the app (one `obeys_escape_codes` refuses)."""
    term = os.environ.get("TERM")
    if term is None:
        return "this terminal names no type (TERM is not set), so the app is not drawn"
    if not term:
        return "this terminal names no type (TERM is empty), so the app is not drawn"
    return f"this terminal (TERM={term}) cannot draw the app"  # dumb or unknown, in any case


@click.command(cls=RevdiffCommand)
@inputs_argument
@click.option("--layout", type=click.Choice(LAYOUT_CHOICES), default=None,
              help="Side-by-side or unified diff in the app; auto picks by the diff's width. "
                   "Default: the settings file's, else auto. Not with --plain: the text diff "
                   "has no layout (`revdiff diff --format html` is side by side); where output "
                   "is not a terminal, a warning says it is left out.")
@click.option("--plain", is_flag=True, help="Print the text diff even when output is a terminal.")
@quiet_option
@corrections_option
@max_size_option
@reports_errors
def view(inputs: tuple[str, ...], layout: str | None, plain: bool, quiet: bool,
         corrections: str | None, max_size: int) -> None:
    """Browse the changes in a terminal app (press ? inside for keys).

    One app shows every article the inputs hold: `a` lists them, `<` and `>` step between them,
    `q` quits (Ctrl-C too, from a dialog as well). Keys, layout, sentence mode, colours and the
    export folder can be set in revdiff/config.toml in the platform's config directory (an
    absolute $XDG_CONFIG_HOME, else ~/.config, on Linux), or in the file $REVDIFF_CONFIG names,
    which must exist (see docs/TUI.md); a bad file is refused.

    When output is not a terminal (a pipe or a file), or with --plain, prints the text diff of
    each consecutive pair of versions instead; the app never starts then. A terminal with
    TERM=dumb (an editor's shell buffer) cannot draw the app: it is refused, before anything
    is read, and --plain prints the text there; so is one with TERM=unknown, and one that
    names no type (TERM not set or empty).
    """
    from revdiff.tui.settings import load_settings

    if plain and layout is not None:  # it would be ignored: the text diff is laid out one way
        raise click.UsageError(f"--layout {layout} lays out the app, which --plain does not start, "
                               "and the text diff has no layout; leave out one of them, or for "
                               "side by side without the app use `revdiff diff --format html`")
    settings = load_settings()  # a bad settings file is refused before anything is read
    if not plain and stdout_is_terminal() and not obeys_escape_codes():
        raise RevdiffError(_undrawable_terminal(),
                           hint="add --plain (or use `revdiff diff`) for the text diff, or set TERM to the "
                                "terminal's type, such as TERM=xterm-256color")
    # with no terminal there (a closed one is none), the text goes to stdout: refused before
    # any input is read
    stdout_open()
    warnings: list[str] = []
    names: list[str] = []
    origins: list[str] = []
    applied: list[Correction] = []  # which `w` saves with the app's flips
    # each with two versions or more (`compare`)
    articles = load_and_warn(inputs, max_size, quiet, compare=True, said=warnings, names=names,
                             origins=origins, notice=True, corrections=corrections,
                             applied=applied)
    no_app = None if plain else _why_the_app_cannot_start()
    if plain or no_app is not None:
        if no_app is not None and layout is not None:  # (with --plain it was refused above)
            warn(f"--layout {layout} is left out: {no_app}, so the app it lays out does not "
                 "start, and the text diff printed instead has no layout (`revdiff diff "
                 "--format html` is side by side)")
        echo_blocks(article_text(article, name, settings.sentences)
                    for article, name in zip(articles, names, strict=True))
        return
    from revdiff.tui.app import RevdiffApp

    if layout is not None:  # the command line wins over the settings file
        settings = replace(settings, layout=layout)
    app = RevdiffApp(articles, settings=settings, input_warnings=warnings, inputs=inputs,
                     article_names=names, article_inputs=origins, corrections=applied,
                     corrections_file=corrections, max_bytes=max_size)
    app.run()
    if app.return_code:  # the app failed: Textual has shown what went wrong
        sys.exit(app.return_code)
