"""Every command's --help fits an 80-column terminal: the examples put what each does under it,
not beside it (`revdiff diff --help`'s were 85 to 100 columns), and `diff --flag` names its flags
in its wrapped help, not beside the option (116 columns)."""

from __future__ import annotations

import pytest
from cli_run import revdiff
from text_columns import terminal_columns


@pytest.mark.parametrize("command", [(), ("diff",), ("parse",), ("view",), ("export",), ("store",)])
def test_the_help_fits_80_columns(command: tuple[str, ...]) -> None:
    done = revdiff(*command, "--help", env={"COLUMNS": "80"})
    assert done.returncode == 0, done.stderr
    wide = [line for line in done.stdout.splitlines() if terminal_columns(line) > 80]
    assert wide == []


def test_the_examples_say_what_each_does_under_it() -> None:
    shown = revdiff("diff", "--help", env={"COLUMNS": "80"}).stdout.partition("Examples:\n")[2]
    assert ("    revdiff diff samples/newsedits.sqlite --flag number_changed\n"
            "        the edits that change a number\n") in shown


def test_the_flags_and_labels_are_named_in_the_help() -> None:
    shown = " ".join(revdiff("diff", "--help", env={"COLUMNS": "80"}).stdout.split())
    assert "--only LABEL text format: print only the edits with this label (unchanged, " \
           "edited, added, deleted, moved, split, merged);" in shown
    assert "--flag FLAG text format: print only the edits with this flag (encoding_only, " \
           "punctuation_only, whitespace_only, case_only, number_changed, quote_changed, " \
           "attribution_changed);" in shown
