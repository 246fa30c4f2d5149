"""`revdiff view` and bare `revdiff`: the app only on a terminal, the text diff otherwise."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from newsedits_files import NEWSEDITS_TABLE, make_database
from tui_helpers import CHAIN, PAGE, SAMPLES, on_a_terminal

from revdiff.cli import main
from revdiff.tui.app import RevdiffApp

view_module = importlib.import_module("revdiff.cli.view")  # `revdiff.cli.view` is also the command


@pytest.fixture
def no_app(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: RevdiffApp) -> None:
        raise AssertionError("the app must not start when stdout is not a terminal")

    monkeypatch.setattr(RevdiffApp, "run", refuse)


@pytest.mark.usefixtures("no_app")
@pytest.mark.parametrize("command", [["view"], []])
def test_prints_the_text_diff_when_not_on_a_terminal(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, str(CHAIN)])
    assert result.exit_code == 0, result.output
    assert "version 0 -> 1" in result.output and "version 2 -> 3" in result.output
    assert "~ edited" in result.output and "\x1b[" not in result.output


@pytest.mark.usefixtures("no_app")
def test_a_cut_page_prints_as_diff_prints_it_without_the_cut_mark() -> None:
    cut = str(SAMPLES / "newsdiffs" / "us-sends-3000-troops-v1-v2-rendered.html")
    viewed = CliRunner().invoke(main, ["view", "--plain", "-q", cut])
    diffed = CliRunner().invoke(main, ["diff", "-q", cut])
    assert viewed.exit_code == diffed.exit_code == 0, viewed.output + diffed.output
    assert viewed.output == diffed.output
    assert "[...]" not in viewed.output


@pytest.mark.usefixtures("no_app")
def test_an_article_without_url_or_title_is_named_by_its_input_as_diff_names_it(
        tmp_path: Path) -> None:
    """`view --plain` headed such an article's pairs `: version 0 -> 1`, its empty name, where
    `diff` heads them `nokey.sqlite: version 0 -> 1`."""
    database = make_database(tmp_path / "nokey.sqlite", NEWSEDITS_TABLE, [
        (1, 1, 0, "", None, None, None, 2, "<p>One.</p>"),
        (2, 1, 1, "", None, None, None, 2, "<p>Two.</p>")])
    viewed = CliRunner().invoke(main, ["view", "--plain", "-q", str(database)])
    diffed = CliRunner().invoke(main, ["diff", "-q", str(database)])
    assert viewed.exit_code == diffed.exit_code == 0, viewed.output + diffed.output
    assert viewed.output.startswith(f"{database}: version 0 -> 1\n")
    assert viewed.output == diffed.output


@pytest.mark.usefixtures("no_app")
def test_page_input_prints_its_pair() -> None:
    result = CliRunner().invoke(main, ["view", str(PAGE)])
    assert result.exit_code == 0, result.output
    assert "version 6 -> 7" in result.output


@pytest.mark.usefixtures("no_app")
@pytest.mark.parametrize("why", ["output", "keyboard"])
def test_a_layout_the_text_diff_leaves_out_is_named_in_one_warning(
        monkeypatch: pytest.MonkeyPatch, why: str) -> None:
    """`--layout side` with output piped (or no keyboard to read keys from) printed the text
    diff as if it were not given, without a word; `--plain` with it is refused."""
    if why == "keyboard":
        on_a_terminal(monkeypatch)
        monkeypatch.setattr(view_module, "keyboard_on_stdin", lambda: False)
    plain = CliRunner().invoke(main, ["view", "-q", str(CHAIN)])
    laid_out = CliRunner().invoke(main, ["view", "-q", "--layout", "side", str(CHAIN)])
    assert plain.exit_code == laid_out.exit_code == 0, laid_out.output
    assert laid_out.stdout == plain.stdout and plain.stderr == ""
    assert laid_out.stderr.count("\n") == 1
    assert laid_out.stderr.startswith("revdiff: warning: --layout side is left out: ")
    reason = "output is not a terminal" if why == "output" else "no keyboard"
    assert reason in laid_out.stderr


def test_starts_the_app_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[str] = []
    on_a_terminal(monkeypatch)
    monkeypatch.setattr(RevdiffApp, "run", lambda self: started.append(self.mode.value))
    result = CliRunner().invoke(main, ["view", "--layout", "side", str(CHAIN)])
    assert result.exit_code == 0, result.output
    assert started == ["side by side"]


def test_the_app_knows_the_corrections_file_it_was_started_with(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The one corrections file `w` may replace without asking is the one the app read."""
    fixes = tmp_path / "fixes.jsonl"
    fixes.write_text("# none yet\n", encoding="utf-8")
    started: list[str | None] = []
    on_a_terminal(monkeypatch)
    monkeypatch.setattr(RevdiffApp, "run", lambda self: started.append(self.corrections_file))
    result = CliRunner().invoke(main, ["view", "--corrections", str(fixes), str(PAGE)])
    assert result.exit_code == 0, result.output
    assert started == [str(fixes)]


def test_the_app_reads_the_corrections_file_again_within_the_run_s_max_size(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`w` read the `--corrections` file again within the default 64 MiB, not the run's
    `--max-size`: a larger file read with a raised limit was refused by `w` alone."""
    fixes = tmp_path / "fixes.jsonl"
    fixes.write_text("# none yet\n", encoding="utf-8")
    started: list[int] = []
    on_a_terminal(monkeypatch)
    monkeypatch.setattr(RevdiffApp, "run", lambda self: started.append(self.max_bytes))
    result = CliRunner().invoke(main, ["view", "--max-size", "100M", "--corrections", str(fixes),
                                       str(PAGE)])
    assert result.exit_code == 0, result.output
    assert started == [100 * 1024 * 1024]


@pytest.mark.usefixtures("no_app")
@pytest.mark.parametrize("command", [["view"], []])
@pytest.mark.parametrize("term", ["dumb", "unknown", "DUMB", "Unknown"])
def test_a_dumb_terminal_is_refused_in_one_line(monkeypatch: pytest.MonkeyPatch,
                                                command: list[str], term: str) -> None:
    # TERM=dumb (an editor's shell buffer) started the app, which cannot draw there; so did
    # TERM=unknown, dumb to Rich and to the colours and progress bars; and DUMB or Unknown,
    # which Rich reads as dumb too (it reads TERM in lower case)
    on_a_terminal(monkeypatch)
    monkeypatch.setenv("TERM", term)
    result = CliRunner().invoke(main, [*command, str(CHAIN)])
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"revdiff: error: this terminal (TERM={term}) cannot draw the app")
    assert "--plain" in result.stderr
    plain = CliRunner().invoke(main, [*command, "--plain", str(CHAIN)])
    assert plain.exit_code == 0 and "version 0 -> 1" in plain.stdout


@pytest.mark.usefixtures("no_app")
@pytest.mark.parametrize(("term", "said"), [(None, "TERM is not set"), ("", "TERM is empty")])
def test_a_terminal_that_names_no_type_is_refused_as_a_dumb_one_is(
        monkeypatch: pytest.MonkeyPatch, term: str | None, said: str) -> None:
    """A terminal without TERM (`env -i`) is dumb to `diff`'s colours and the progress bars, as
    it is to git: the app, which draws with the same escape codes, started there."""
    on_a_terminal(monkeypatch)
    if term is None:
        monkeypatch.delenv("TERM")
    else:
        monkeypatch.setenv("TERM", term)
    result = CliRunner().invoke(main, ["view", str(CHAIN)])
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1
    # (an empty TERM was said not to be set)
    assert result.stderr.startswith(f"revdiff: error: this terminal names no type ({said}), so "
                                    "the app is not drawn")
    assert "--plain" in result.stderr and "TERM=xterm-256color" in result.stderr


def test_an_app_that_failed_exits_with_its_code(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(self: RevdiffApp) -> None:
        self._return_code = 1  # what Textual sets when an exception ends the app

    on_a_terminal(monkeypatch)
    monkeypatch.setattr(RevdiffApp, "run", fail)
    assert CliRunner().invoke(main, ["view", str(CHAIN)]).exit_code == 1


def test_plain_flag_prints_text_even_on_a_terminal(monkeypatch: pytest.MonkeyPatch, no_app: None) -> None:
    monkeypatch.setattr(view_module, "stdout_is_terminal", lambda: True)
    result = CliRunner().invoke(main, ["view", "--plain", str(CHAIN)])
    assert result.exit_code == 0 and "version 0 -> 1" in result.output


@pytest.mark.usefixtures("no_app")
def test_the_terminal_is_told_what_is_being_read_while_it_takes_long(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`view` of a NewsEdits file of 20,000 articles left the terminal blank for 4 s before the
    app came up (a whole outlet's file, for much longer); `store` said `reading 1 input…`."""
    loaded = view_module.load_and_warn
    notices: list[bool] = []

    def load_and_warn(*args: object, notice: bool = False, **options: object) -> object:
        notices.append(notice)
        return loaded(*args, notice=notice, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(view_module, "load_and_warn", load_and_warn)
    assert CliRunner().invoke(main, ["view", str(CHAIN)]).exit_code == 0
    assert notices == [True]
