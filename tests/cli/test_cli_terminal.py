"""Living in a terminal and a shell: NO_COLOR, Ctrl-C, shell completion, control characters."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from cli_run import CHAIN, SEED_PAGE, revdiff

REPO = Path(__file__).resolve().parents[2]


def diff_on_a_terminal(no_color: str | None) -> bytes:
    """What `revdiff diff` writes when its stdout is a terminal (a pseudo-terminal here)."""
    return on_a_terminal(["diff", str(CHAIN)], no_color)


def on_a_terminal(arguments: list[str], no_color: str | None = None, *,
                  stderr_too: bool = False, term: str | None = "xterm-256color") -> bytes:
    """What `revdiff ARGUMENTS` writes when its stdout is a terminal (a pseudo-terminal here)
    of the kind `term` names (None: TERM not set), with `stderr_too` also what it writes to
    stderr, on the same terminal."""
    pty = pytest.importorskip("pty")
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "TERM")}
    if term is not None:
        env["TERM"] = term
    if no_color is not None:
        env["NO_COLOR"] = no_color
    leader, follower = pty.openpty()
    try:
        process = subprocess.run([sys.executable, "-m", "revdiff", *arguments],
                                 stdout=follower,
                                 stderr=follower if stderr_too else subprocess.PIPE, timeout=120,
                                 env=env, check=False)
        assert process.returncode == 0, process.stderr
        os.close(follower)
        return drained(leader)
    finally:
        os.close(leader)


def drained(leader: int) -> bytes:
    """Everything written on the pseudo-terminal whose follower side is closed."""
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is closed and drained
            break
        if not chunk:
            break
        output += chunk
    return output


def test_colour_on_a_terminal_unless_no_color_is_set() -> None:
    assert b"\x1b[" in diff_on_a_terminal(None)
    assert b"\x1b[" in diff_on_a_terminal("")  # an empty NO_COLOR does not count
    without = diff_on_a_terminal("1")
    assert b"\x1b[" not in without and b"[-" in without


def test_the_color_help_says_an_empty_no_color_does_not_count() -> None:
    help_text = " ".join(revdiff("diff", "--help").stdout.split())
    assert "unless TERM is dumb, unknown or not set, or NO_COLOR is not empty)" in help_text


@pytest.mark.parametrize("term", ["dumb", "unknown", None, "", "DUMB", "Unknown"])
def test_no_colour_on_a_dumb_terminal_or_one_that_names_no_type(term: str | None) -> None:
    # TERM=dumb (an editor's shell buffer) would print the escape codes as text, and colour
    # leaves out the markers that tell deleted words from inserted ones; a terminal that names
    # no type (TERM not set: `env -i`, cron) is read as dumb, as git reads it, where it was
    # coloured; TERM=unknown (set where the type could not be found out) is dumb to Rich, and
    # was coloured here; so were DUMB and Unknown, read case-sensitively where Rich does not
    output = on_a_terminal(["diff", str(CHAIN)], term=term)
    assert b"\x1b[" not in output and b"[-" in output and b"{+" in output


def test_color_flag_wins_over_no_color() -> None:
    result = revdiff("diff", str(CHAIN), "--color", env={"NO_COLOR": "1"})
    assert "\x1b[" in result.stdout


def kernel_wait_channel(pid: int) -> str:
    """Where the process sleeps in the kernel, e.g. `anon_pipe_read` (`0` when hidden)."""
    with open(f"/proc/{pid}/wchan", encoding="ascii") as handle:
        return handle.read().strip()


@pytest.mark.parametrize("command", [["parse", "-"], ["diff", "-"], ["-"],
                                     ["store", "-", "--repo", "REPO"],
                                     ["export", "-", "-o", "OUT/x.csv"]])
def test_ctrl_c_exits_130_without_a_traceback(command: list[str], tmp_path: Path) -> None:
    if not Path("/proc/self/wchan").exists():
        pytest.skip("needs /proc/PID/wchan to see that revdiff waits for input")
    args = [arg.replace("REPO", str(tmp_path / "repo")).replace("OUT", str(tmp_path))
            for arg in command]
    # (conftest puts Python's SIGINT handler in place where the tests were started with SIGINT
    # ignored, which the child would inherit)
    process = subprocess.Popen([sys.executable, "-m", "revdiff", *args],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    seen = set()
    while "pipe" not in (channel := kernel_wait_channel(process.pid)):
        seen.add(channel)
        if process.poll() is not None:
            pytest.fail(f"revdiff ended without waiting for input: {process.communicate()}")
        if time.monotonic() > deadline:
            process.kill()
            output = process.communicate()
            if seen <= {"0", ""}:
                pytest.skip("this kernel does not say where a process waits (/proc/PID/wchan)")
            pytest.fail(f"revdiff never waited for standard input: {output}")
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "Aborted" not in stderr
    assert stderr.strip().splitlines()[-1].startswith("revdiff: ")  # says it was interrupted
    assert not (tmp_path / "x.csv").exists()


def complete(words: str, shell: str = "bash") -> list[str]:
    """What revdiff offers the shell for the last of `words` (bash: `type,value` lines)."""
    count = len(words.split(" ")) - 1
    result = revdiff(env={"_REVDIFF_COMPLETE": f"{shell}_complete", "COMP_WORDS": words,
                          "COMP_CWORD": str(count)})
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_command_names_complete() -> None:
    assert complete("revdiff e") == ["file,e", "plain,export"]
    assert {"plain,diff", "plain,parse", "plain,store", "plain,view"} <= set(complete("revdiff "))


def test_inputs_complete_as_paths() -> None:
    assert complete("revdiff diff sam") == ["file,sam"]
    assert complete("revdiff view samples/x samp") == ["file,samp"]
    assert complete("revdiff sam") == ["file,sam"]  # `revdiff INPUT` is `revdiff view INPUT`


def test_options_complete() -> None:
    assert "plain,--quiet" in complete("revdiff diff --q")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_documented_completion_scripts_exist(shell: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"_REVDIFF_COMPLETE={shell}_source revdiff" in readme
    result = revdiff(env={"_REVDIFF_COMPLETE": f"{shell}_source"})
    assert result.returncode == 0 and "_REVDIFF_COMPLETE" in result.stdout


def test_control_characters_in_names_are_escaped(tmp_path: Path) -> None:
    hostile = tmp_path / "clear\x1b[2Jscreen.txt"
    hostile.write_text("One paragraph.\n", encoding="utf-8")
    result = revdiff("diff", str(hostile))
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "clear␛[2Jscreen.txt" in result.stderr


def hostile_versions(folder: Path) -> list[str]:
    """Two versions whose text holds a colour, an OSC title sequence and a screen clear."""
    old, new = folder / "0.txt", folder / "1.txt"
    old.write_text("Hello \x1b[31mred\x1b]0;TITLE\x07 text.\nSecond para.\n", encoding="utf-8")
    new.write_text("Hello \x1b[31mblue\x1b[0m text \x1b[2J.\nSecond para.\n", encoding="utf-8")
    return [str(old), str(new)]


@pytest.mark.parametrize("arguments", [["diff", "--format", "unified"], ["diff", "--format", "csv"],
                                       ["export", "-o", "-", "--format", "unified"]])
def test_data_keeps_control_characters_in_a_pipe(arguments: list[str], tmp_path: Path) -> None:
    result = revdiff(*arguments, *hostile_versions(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "red\x1b]0;TITLE\x07 text." in result.stdout and "text \x1b[2J." in result.stdout


def test_the_docs_say_what_keeps_the_text_as_it_is_in_a_pipe(tmp_path: Path) -> None:
    # the README (its terminal UI part, now docs/TUI.md) said exports and the data formats, CSV
    # and HTML among them, keep the text as it is in a file or a pipe: a CSV cell that starts like
    # a formula gets a `'`, and HTML shows control characters as symbols there too
    page = revdiff("diff", "--format", "html", *hostile_versions(tmp_path))
    assert "\x1b" not in page.stdout and "Hello <del>␛[31mred" in page.stdout
    formula = tmp_path / "formula"
    formula.mkdir()
    (formula / "0.txt").write_text("Rates held.\n", encoding="utf-8")
    (formula / "1.txt").write_text("Rates held.\n-0.08 migrants per 1,000.\n", encoding="utf-8")
    rows = revdiff("diff", "--format", "csv", str(formula / "0.txt"), str(formula / "1.txt"))
    assert ",\"'-0.08 migrants per 1,000.\"," in rows.stdout
    guide = " ".join((REPO / "docs" / "TUI.md").read_text(encoding="utf-8").split())
    assert ("The data formats (JSON, CSV, a patch) keep the text as it is in a file or a pipe, but "
            "for the `'` before a CSV cell that a spreadsheet would run as a formula") in guide
    assert "HTML pages show them as symbols wherever they are written." in guide
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert "so does data (JSON, CSV, patches, `export -o -`) printed on a terminal" in readme


@pytest.mark.parametrize("arguments", [["diff", "--format", "unified"], ["diff", "--format", "csv"],
                                       ["export", "-o", "-", "--format", "unified"]])
def test_data_shows_control_characters_on_a_terminal(arguments: list[str], tmp_path: Path) -> None:
    shown = on_a_terminal([*arguments, *hostile_versions(tmp_path)]).decode("utf-8")
    assert "\x1b" not in shown and "\x07" not in shown
    assert "red␛]0;TITLE␇ text." in shown and "text ␛[2J." in shown


@pytest.mark.parametrize("arguments", [["diff", "--format", "unified"], ["diff", "--format", "csv"],
                                       ["diff", "--format", "json"],
                                       ["export", "-o", "-", "--format", "unified"]])
def test_data_on_a_latin1_terminal_holds_no_c1_control_bytes(arguments: list[str], tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """A terminal in a Latin-1 locale reads each byte as a character, and those from 0x80 to
    0x9F as C1 controls (0x9B a CSI, 0x9D an OSC): data was written to it in UTF-8, where `ě`
    is C4 9B, so `ě2J` cleared its screen, and the `␛` shown for an escape held 0x90 and 0x9B.
    It is written in the terminal's encoding, as the text format is, what that cannot hold as
    an escape (`\\u241b`)."""
    old, new = tmp_path / "0.txt", tmp_path / "1.txt"
    old.write_text("Caf\u00e9 \u011b2J and \x1b[31mred.\nSecond para.\n", encoding="utf-8")
    new.write_text("Caf\u00e9 \u011b2J and \x1b[31mblue.\nSecond para.\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONIOENCODING", "latin-1")
    shown = on_a_terminal([*arguments, str(old), str(new)])
    assert not any(0x80 <= byte <= 0x9F for byte in shown), shown
    assert b"Caf\xe9 \\u011b2J and \\u" in shown  # the `\\u241b` of `\\x1b`, or JSON's `\\u001b`


def test_export_to_a_terminal_draws_no_progress_bar_among_the_rows() -> None:
    shown = on_a_terminal(["export", str(CHAIN), "-o", "-", "--format", "csv"],
                          stderr_too=True).decode("utf-8")
    assert "inputs  " not in shown and "\x1b[K" not in shown
    assert shown.startswith("article_index,article,") and "revdiff: exported 1 article" in shown


@pytest.mark.parametrize(("term", "drawn"), [("xterm", True), ("dumb", False), ("unknown", False),
                                             (None, False)])
def test_the_progress_bar_is_drawn_on_a_terminal_that_redraws_a_line(
        term: str | None, drawn: bool, tmp_path: Path) -> None:
    """TERM=dumb (an editor's shell buffer) printed the bar's `\x1b[K` as text, as it would
    colours."""
    shown = on_a_terminal(["export", str(CHAIN), "-o", str(tmp_path / "out.jsonl")],
                          stderr_too=True, term=term).decode("utf-8")
    assert ("\x1b[K" in shown) is drawn and "revdiff: exported 1 article" in shown


@pytest.mark.parametrize(("term", "drawn"), [("xterm", True), ("dumb", False), (None, False)])
def test_store_draws_the_progress_asked_for_on_a_terminal_that_redraws_a_line(
        term: str | None, drawn: bool, tmp_path: Path) -> None:
    """`store --progress` draws its bar on a short run too, but, as `export`, only where the
    line can be redrawn: TERM=dumb printed its `\x1b[K` as text."""
    shown = on_a_terminal(["store", "--progress", str(CHAIN), "--repo", str(tmp_path / "repo")],
                          stderr_too=True, term=term).decode("utf-8")
    assert ("storing versions: 5/5" in shown) is drawn and ("\x1b[K" in shown) is drawn
    assert "5 versions stored" in shown


def test_store_says_on_its_bar_that_it_is_finishing_after_the_last_version(
        tmp_path: Path) -> None:
    """After its last version the bar stood at `storing versions: 12,000/12,000` while the run
    moved the branch and wrote the working tree's files (5 s of a 17 s run of 6,000 articles),
    as if it had hung; it then says it is finishing, and is drawn done once the run is."""
    shown = on_a_terminal(["store", "--progress", str(CHAIN), "--repo", str(tmp_path / "repo")],
                          stderr_too=True).decode("utf-8")
    finishing = shown.index("storing versions: 5/5; finishing…")
    done = "storing versions: 5/5" + " " * len("; finishing…")  # (the note's room kept)
    assert shown.index(f"{done}\x1b[K", finishing) < shown.index("5 versions stored")


@pytest.mark.parametrize("columns", [80, 60, 50, 40])
def test_the_store_bar_keeps_its_width_as_the_counts_grow_and_as_it_finishes(
        columns: int) -> None:
    """At 50 columns the bar was 19 columns wide up to 999 of 2,000 versions, 17 from 1,000, and
    was left out of the frame that says the run is finishing, too long for it: the versions
    stored take their total's columns, and the counts the finishing note's, from the start."""
    from revdiff.cli.progress import ProgressBar, store_counts

    drawn: list[str] = []
    bar = ProgressBar(drawn.append, rate=1000, columns=lambda: columns)
    widths = []
    for done, finishing in ((9, False), (999, False), (1000, False), (2000, True), (2000, False)):
        fullest, *shorter = store_counts(done, 2000, finishing=finishing)
        bar.show(done, 2000, fullest, final=True, shorter=shorter)
        assert drawn[-1].startswith("\r[") and ("finishing…" in drawn[-1]) is finishing
        assert len(drawn[-1].removesuffix("\x1b[K")) - len("\r") <= columns - 1, drawn[-1]
        widths.append(drawn[-1].index("]"))
    assert len(set(widths)) == 1, (columns, drawn)


def test_export_to_a_closed_pipe_wipes_its_progress_bar() -> None:
    """`revdiff export ... -o - | head` on a terminal: once the reader had gone, the export ended
    quietly but left its bar on the terminal, stopped at what it had counted (`0/1 inputs`)."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone before the first row
    try:
        process = subprocess.run([sys.executable, "-m", "revdiff", "export", str(CHAIN), "-o", "-"],
                                 stdout=writer, stderr=follower, timeout=120, check=False,
                                 env={**os.environ, "TERM": "xterm"})
        os.close(follower)
        shown = drained(leader).decode("utf-8")
    finally:
        os.close(writer)
        os.close(leader)
    assert process.returncode == 0
    assert "\r[" in shown  # the bar was drawn
    # what each line of the terminal shows in the end: its text after the last carriage return
    lines = shown.replace("\r\n", "\n").split("\n")
    assert not any(line.rsplit("\r", 1)[-1].replace("\x1b[K", "") for line in lines), shown


def test_summary_lines_escape_the_output_name(tmp_path: Path) -> None:
    out = tmp_path / "out\x1b]0;PWN\x07.jsonl"
    exported = revdiff("export", str(CHAIN), "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "\x1b" not in exported.stderr and "out␛]0;PWN␇.jsonl" in exported.stderr
    stored = revdiff("store", str(CHAIN), "--repo", str(tmp_path / "repo\x1b[2J"))
    assert stored.returncode == 0, stored.stderr
    assert "\x1b" not in stored.stdout and "repo␛[2J" in stored.stdout


def test_a_newline_in_a_page_name_stays_on_its_line(tmp_path: Path) -> None:
    hostile = tmp_path / "two\nlines.txt"
    hostile.write_text(SEED_PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    summary = revdiff("parse", str(hostile), "--format", "text").stdout
    assert "two␊lines.txt: 42 rows read" in summary
    assert not any(line.startswith("lines.txt") for line in summary.splitlines())


def test_gitignore_covers_the_virtual_environment() -> None:
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    ignored = subprocess.run(["git", "-C", str(REPO), "check-ignore", "-q", ".venv/bin/python"],
                             check=False)
    assert ignored.returncode == 0


def test_the_terminal_app_is_monochrome_under_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from revdiff import load
    from revdiff.tui.app import RevdiffApp

    (article,) = load(CHAIN)
    monkeypatch.setenv("NO_COLOR", "1")
    assert RevdiffApp(article).no_color
    monkeypatch.delenv("NO_COLOR")
    assert not RevdiffApp(article).no_color


@pytest.mark.parametrize("arguments", [["diff", "--format", "jsonl"], ["diff", "--format", "csv"],
                                       ["diff", "--format", "html"], ["parse", "--format", "json"],
                                       ["export", "--format", "jsonl", "-o", "-"]])
def test_a_name_that_is_not_utf8_is_written_out_in_every_output(arguments: list[str],
                                                                 tmp_path: Path) -> None:
    """A folder named in Latin-1 (bytes Python keeps as surrogates) names its article as
    `caf\\xe9`: every output can hold it, where JSON, CSV and HTML output failed with a traceback."""
    folder = tmp_path / os.fsdecode(b"caf\xe9")
    folder.mkdir()
    (folder / "0.txt").write_text("One.\n")
    (folder / "1.txt").write_text("One. Two.\n")
    result = subprocess.run([sys.executable, "-m", "revdiff", *arguments, os.fsencode(folder)],
                            capture_output=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stderr
    assert b"caf\\\\xe9" in result.stdout or b"caf\\xe9" in result.stdout  # JSON escapes `\\`


@pytest.mark.parametrize("output", ["jsonl", "csv", "html", "unified"])
def test_an_article_named_by_an_input_that_is_not_utf8_is_written_out(output: str,
                                                                      tmp_path: Path) -> None:
    """An article with neither URL nor title is named by its input: a database named in Latin-1
    (bytes Python keeps as surrogates) names it `t\\xe9.db`, where `diff` stopped with a
    UnicodeEncodeError traceback."""
    database = tmp_path / os.fsdecode(b"t\xe9.db")
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("CREATE TABLE entryversion (entry_id, version, title, summary)")
        connection.executemany("INSERT INTO entryversion VALUES (1, ?, '', ?)",
                               [(0, "One."), (1, "One. Two.")])
    result = subprocess.run([sys.executable, "-m", "revdiff", "diff", "--format", output,
                             os.fsencode(database)], capture_output=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    if output == "unified":  # the headers name the article's slug as a file, the line before
        # them its input, as the other formats name it
        assert result.stdout.startswith(b"article " + os.fsencode(tmp_path) + b"/t\\xe9.db: "
                                        b"version 0 -> 1\n--- a/t-xe9-db\tversion 0\n"
                                        b"+++ b/t-xe9-db\tversion 1\n")
    else:
        assert b"t\\\\xe9.db" in result.stdout or b"t\\xe9.db" in result.stdout  # JSON escapes `\\`


def test_the_processes_the_tests_start_buffer_a_pipe_as_a_user_s_do() -> None:
    """The tests inherited PYTHONUNBUFFERED=1 from a developer's environment, and every revdiff
    process they started wrote its stdout unbuffered, which hid what a buffered one does once a
    write fails (`Exception ignored ... BrokenPipeError`, exit code 120): Python buffers a pipe
    unless told otherwise, as for users and CI. The tests leave it out (conftest.py)."""
    shown = subprocess.run([sys.executable, "-c", "import sys; print(sys.stdout.write_through)"],
                           capture_output=True, text=True, timeout=60, check=False)
    assert shown.stdout == "False\n", shown.stderr


@pytest.mark.parametrize("arguments", [
    ["parse", str(CHAIN)], ["parse", str(CHAIN), "--format", "text"],
    ["diff", str(CHAIN)], ["diff", str(CHAIN), "--format", "jsonl"],
    ["diff", str(CHAIN), "--format", "json"],
    ["view", str(CHAIN)], ["export", str(CHAIN), "-o", "-"],
    ["--help"], ["--version"], ["diff", "--help"],
])
@pytest.mark.parametrize("buffered", [True, False])
def test_a_full_disk_under_stdout_is_one_error_line(arguments: list[str], buffered: bool) -> None:
    # writing to a full disk (here /dev/full) ended every command with a traceback, and the help
    # and the version (which click writes while it reads the arguments) did still; with stdout
    # buffered (no PYTHONUNBUFFERED), the error line was followed by `Exception ignored ...
    # OSError` and exit code 120: Python wrote what the failed write left in its buffer again
    # as it exited
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    environment = {**os.environ, **({} if buffered else {"PYTHONUNBUFFERED": "1"})}
    with open("/dev/full", "wb") as full:
        process = subprocess.run([sys.executable, "-m", "revdiff", *arguments], stdout=full,
                                 stderr=subprocess.PIPE, text=True, timeout=120, check=False,
                                 env=environment)
    assert process.returncode == 2
    assert process.stderr == ("revdiff: error: cannot write to standard output (No space left "
                              "on device) (free some space, or send the output elsewhere)\n")


@pytest.mark.parametrize("arguments", [
    ["parse", str(CHAIN)], ["parse", str(CHAIN), "--format", "text"],
    ["diff", str(CHAIN)], ["diff", str(CHAIN), "--no-color"],
    ["diff", str(CHAIN), "--format", "json"], ["diff", str(CHAIN), "--format", "csv"],
    ["view", "--plain", str(CHAIN)], ["export", str(CHAIN), "-o", "-"],
    ["--help"], ["-h"], ["--version"], ["diff", "--help"], ["store", "-h"],
])
def test_a_closed_stdout_is_one_error_line(arguments: list[str]) -> None:
    """A command started with its standard output closed (`revdiff diff ... >&-`, a job whose
    scheduler closed it) ended with a traceback (`'NoneType' object has no attribute 'flush'`),
    or, for the text diff without colour, printed nothing and exited 0: its output was lost
    unsaid; the help and the version, which click writes while it reads the arguments, were
    lost unsaid and exited 0. It is one error line and exit code 2, as a full disk is."""
    process = subprocess.run([sys.executable, "-m", "revdiff", *arguments],
                             preexec_fn=lambda: os.close(1), stderr=subprocess.PIPE, text=True,
                             timeout=120, check=False)
    assert process.returncode == 2
    assert process.stderr == ("revdiff: error: cannot write to standard output: it is closed "
                              "(give the command somewhere to write: a file, > FILE, or a pipe)\n")


@pytest.mark.parametrize("arguments", [["diff"], ["diff", "--format", "json"], ["parse"],
                                       ["parse", "--format", "text"], ["view"],
                                       ["view", "--plain"], ["export", "-o", "-"]])
def test_a_closed_stdout_is_refused_before_the_inputs_are_read(arguments: list[str],
                                                               tmp_path: Path) -> None:
    # `diff`, `parse` and `view` (whose text goes to stdout when it is no terminal) read (and
    # compared) every input before they found stdout closed, and wrote the inputs' warnings
    # before the error line: a large NewsEdits file was read in vain
    story = tmp_path / "story"
    (story / "older").mkdir(parents=True)  # a folder in a folder of versions: a warning
    for name in ("0.txt", "1.txt"):
        shutil.copy(CHAIN / name, story / name)
    process = subprocess.run([sys.executable, "-m", "revdiff", *arguments, str(story)],
                             preexec_fn=lambda: os.close(1), stderr=subprocess.PIPE, text=True,
                             timeout=120, check=False)
    assert process.returncode == 2
    assert process.stderr == ("revdiff: error: cannot write to standard output: it is closed "
                              "(give the command somewhere to write: a file, > FILE, or a pipe)\n")


def test_store_with_a_closed_stdout_is_one_error_line_before_storing(tmp_path: Path) -> None:
    """`store` writes its summary to stdout: started with stdout closed, it stored every version
    and dropped the summary unsaid, exiting 0. It is refused as the other commands are, before
    anything is stored."""
    process = subprocess.run([sys.executable, "-m", "revdiff", "store", str(CHAIN), "--repo",
                              str(tmp_path / "repo")], preexec_fn=lambda: os.close(1),
                             stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    assert process.returncode == 2
    assert process.stderr == ("revdiff: error: cannot write to standard output: it is closed "
                              "(give the command somewhere to write: a file, > FILE, or a pipe)\n")
    assert not (tmp_path / "repo").exists()


def test_an_export_to_a_file_runs_with_stdout_closed(tmp_path: Path) -> None:
    """`export -o FILE` writes nothing to stdout (its summary goes to stderr), yet started with
    stdout closed it was refused as `export -o -` is, and wrote no file."""
    out = tmp_path / "edits.jsonl"
    process = subprocess.run([sys.executable, "-m", "revdiff", "export", str(CHAIN), "-o", str(out)],
                             preexec_fn=lambda: os.close(1), stderr=subprocess.PIPE, text=True,
                             timeout=120, check=False)
    assert process.returncode == 0, process.stderr
    assert process.stderr.startswith("revdiff: exported 1 article")
    assert out.read_text(encoding="utf-8").count("\n") > 0


@pytest.mark.parametrize("buffered", [True, False])
@pytest.mark.parametrize("arguments", [
    ["diff", str(CHAIN)], ["diff", str(CHAIN), "--format", "json"], ["parse", str(CHAIN)],
    ["--help"], ["-h"], ["--version"], ["diff", "--help"],
])
def test_a_closed_pipe_under_stdout_ends_quietly_with_0(arguments: list[str],
                                                        buffered: bool) -> None:
    # `revdiff diff ... | head -1` exited 0, but the help and the version (which click writes
    # while it reads the arguments) exited 1: `revdiff --help | true`. With stdout buffered, as
    # Python buffers a pipe unless PYTHONUNBUFFERED is set, `revdiff diff ... | head -1` wrote
    # `Exception ignored ... BrokenPipeError` and exited 120: what the failed write left in the
    # buffer was written again as Python exited, and failed again.
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write now fails as it does once `head` has gone
    environment = {**os.environ, **({} if buffered else {"PYTHONUNBUFFERED": "1"})}
    try:
        process = subprocess.run([sys.executable, "-m", "revdiff", *arguments], stdout=write_end,
                                 stderr=subprocess.PIPE, text=True, timeout=120, check=False,
                                 env=environment)
    finally:
        os.close(write_end)
    assert (process.returncode, process.stderr) == (0, "")


# Lines on stderr: export's summary after a finished run, an error, a usage error, a warning (a
# folder's empty file left out) before the diff.
_SAYING_ON_STDERR = [["export", str(CHAIN), "-o", "edits.jsonl"], ["diff", "missing.txt"],
                     ["diff", "--no-such-option", str(CHAIN)], ["diff", "with-an-empty-file"]]


def _run_with_stderr(arguments: list[str], stderr: int, folder: Path
                     ) -> subprocess.CompletedProcess[str]:
    (folder / "with-an-empty-file").mkdir()
    for name in ("0.txt", "1.txt"):
        shutil.copy(CHAIN / name, folder / "with-an-empty-file" / name)
    (folder / "with-an-empty-file" / "2.txt").touch()
    return subprocess.run([sys.executable, "-m", "revdiff", *arguments], stdout=subprocess.PIPE,
                          stderr=stderr, cwd=folder, text=True, timeout=120, check=False)


@pytest.mark.parametrize("arguments", _SAYING_ON_STDERR)
def test_a_full_disk_under_stderr_ends_the_run_quietly_with_2(arguments: list[str],
                                                              tmp_path: Path) -> None:
    """`revdiff export ... 2>/dev/full` exited 1, after Python had tried to write a traceback
    to the stderr that had failed, and failed again at exit: the run goes on without its lines
    (the edits written, the diff printed) and exits 2, as a failed output does."""
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    with open("/dev/full", "wb") as full:
        process = _run_with_stderr(arguments, full.fileno(), tmp_path)
    assert process.returncode == 2
    assert (tmp_path / "edits.jsonl").exists() == (arguments[0] == "export")
    assert ("version 0 -> 1" in process.stdout) == (arguments[1] == "with-an-empty-file")


@pytest.mark.parametrize("arguments", _SAYING_ON_STDERR)
def test_a_closed_pipe_under_stderr_ends_the_run_quietly_with_2(arguments: list[str],
                                                                tmp_path: Path) -> None:
    """An error line that met a closed pipe on stderr (`revdiff diff x 2>&1 | true`) ended the
    run with 0, as a closed stdout does: the error was lost, and so was the failure."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write now fails as it does once the reader has gone
    try:
        process = _run_with_stderr(arguments, write_end, tmp_path)
    finally:
        os.close(write_end)
    assert process.returncode == 2


@pytest.mark.parametrize("arguments", [*_SAYING_ON_STDERR,
                                       ["view", "--plain", "with-an-empty-file"]])
def test_a_closed_stderr_ends_the_run_quietly_with_2(arguments: list[str], tmp_path: Path) -> None:
    """A command started with its standard error closed (`revdiff diff x 2>&-`) lost its warnings
    and ended with 0, and `export` and `view` ended with 1 before any work (Python had no
    stderr to test for a terminal, nor to write the traceback on): the run goes on without its
    lines and exits 2, as with a stderr that fails."""
    (tmp_path / "with-an-empty-file").mkdir()
    for name in ("0.txt", "1.txt"):
        shutil.copy(CHAIN / name, tmp_path / "with-an-empty-file" / name)
    (tmp_path / "with-an-empty-file" / "2.txt").touch()
    process = subprocess.run([sys.executable, "-m", "revdiff", *arguments],
                             preexec_fn=lambda: os.close(2), stdout=subprocess.PIPE,
                             cwd=tmp_path, text=True, timeout=120, check=False)
    assert process.returncode == 2
    assert (tmp_path / "edits.jsonl").exists() == (arguments[0] == "export")
    assert ("version 0 -> 1" in process.stdout) == (arguments[-1] == "with-an-empty-file")


def test_a_closed_stderr_with_nothing_to_say_ends_with_0() -> None:
    # the README read as if a run started with `2>&-` always exited 2: it exits 2 only when a
    # line had to be written there, and a diff without warnings exits 0 (docs/COMMANDS.md, where
    # the README's exit codes are told in full)
    process = subprocess.run([sys.executable, "-m", "revdiff", "diff", str(CHAIN)],
                             preexec_fn=lambda: os.close(2), stdout=subprocess.PIPE,
                             text=True, timeout=120, check=False)
    assert process.returncode == 0 and "version 0 -> 1" in process.stdout
    reference = " ".join((REPO / "docs" / "COMMANDS.md").read_text(encoding="utf-8").split())
    assert ("and exits 2 where it would have exited 0 when it had a line to write there (a run "
            "with nothing to say there, a `diff` without warnings, exits 0 all the same)"
            ) in reference


@pytest.mark.parametrize("arguments", [["diff", str(CHAIN / "0.txt"), "-"], ["parse", "-"],
                                       ["view", "--plain", str(CHAIN / "0.txt"), "-"]])
def test_a_closed_standard_input_given_as_an_input_is_one_error_line(arguments: list[str]
                                                                     ) -> None:
    """`revdiff diff old.txt - <&-` ended with a traceback (`'NoneType' object has no attribute
    'isatty'`): a command started with its standard input closed has none to read."""
    process = subprocess.run([sys.executable, "-m", "revdiff", *arguments],
                             preexec_fn=lambda: os.close(0), capture_output=True, text=True,
                             timeout=120, check=False)
    assert process.returncode == 2
    assert process.stderr.startswith("revdiff: error: -: standard input is closed (")
    assert process.stderr.count("\n") == 1


# `revdiff ARGUMENTS` with a stderr that is a terminal which has hung up: every write to it
# fails (EIO). With `wait-for-notice` first, reading the inputs waits until the notice of what is
# being read has been tried, which a quick read clears before it is due.
_ON_A_HUNG_UP_TERMINAL = """
import errno, io, os, sys, threading
import revdiff.formats
from revdiff.cli import main
from revdiff.cli.descriptor_bytes import DescriptorBytes

noticed = threading.Event()

class HungUpTerminal(io.TextIOWrapper):
    def isatty(self):  # as it was when the run asked
        return True

    def write(self, text):
        if "reading" in text:
            noticed.set()
        raise OSError(errno.EIO, "Input/output error")

# stderr a terminal that hung up (a pseudo-terminal whose other end is closed): its writes fail
terminal, hung_up = os.openpty()
os.close(terminal)
os.dup2(hung_up, 2)
flush = DescriptorBytes.flush

def flush_noticed(self):
    try:
        flush(self)
    finally:
        if self.descriptor == 2:
            noticed.set()

DescriptorBytes.flush = flush_noticed

if sys.argv[1] == "wait-for-notice":
    load = revdiff.formats.load

    def load_after_the_notice(*args, **kwargs):
        noticed.wait(60)
        return load(*args, **kwargs)

    revdiff.formats.load = load_after_the_notice
sys.stderr = HungUpTerminal(open(2, "wb", closefd=False))
main(sys.argv[2:], prog_name="revdiff")
"""


@pytest.mark.parametrize(("arguments", "done"), [
    (["wait-for-notice", "store", str(CHAIN), "--repo", "repo"], "repo/.git"),
    (["no-wait", "store", "--progress", str(CHAIN), "--repo", "repo"], "repo/.git"),
    (["no-wait", "export", str(CHAIN), "-o", "edits.jsonl"], "edits.jsonl")])
def test_a_terminal_that_hangs_up_under_stderr_ends_the_run_quietly_with_2(
        arguments: list[str], done: str, tmp_path: Path) -> None:
    """The progress bar and the notice of what is being read wrote to stderr themselves: a
    terminal that had hung up ended the run there, its error taken for one of standard output
    (exit 2); a notice that failed in its own thread was lost, and the run ended with 0. The
    run goes on without them, its work done, and ends with 2, as with any line for stderr."""
    process = subprocess.run([sys.executable, "-c", _ON_A_HUNG_UP_TERMINAL, *arguments],
                             capture_output=True, text=True, cwd=tmp_path, timeout=120,
                             check=False)
    assert process.returncode == 2
    assert (tmp_path / done).exists()
    if arguments[1] == "store":
        assert "5 versions stored" in process.stdout


@pytest.mark.parametrize("arguments", [["parse", "--format", "text"], ["diff"]])
def test_text_a_latin1_stdout_cannot_hold_is_written_as_escapes(arguments: list[str],
                                                                tmp_path: Path) -> None:
    """An escape in an article is shown as `␛`, which a Latin-1 stdout (a terminal in such a
    locale) cannot hold: the text output ended with a traceback; it is written as `\\u241b`."""
    folder = tmp_path / "article \x1b[2J"  # its name is the article's title
    folder.mkdir()
    (folder / "0.txt").write_text("Before \x1b[2J the change.\n", encoding="utf-8")
    (folder / "1.txt").write_text("After \x1b[2J the change.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "revdiff", *arguments, str(folder)],
                            capture_output=True, timeout=120, check=False,
                            env={**os.environ, "PYTHONIOENCODING": "latin-1"})
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"\\u241b[2J" in result.stdout
    assert b"\x1b[2J" not in result.stdout


def names_that_are_not_utf8(folder: Path) -> None:
    """In `folder`, inputs named in Latin-1 (bytes Python keeps as surrogates): `caf\\xe9/`, two
    versions and a folder `sub\\xe9/` beside them; `bin\\xe9.txt`, binary data; `corpus/`, a
    folder of one article `art\\xe9/` with a file `loose\\xe9.txt` beside it."""
    versions = folder / os.fsdecode(b"caf\xe9")
    (versions / os.fsdecode(b"sub\xe9")).mkdir(parents=True)
    (versions / "0.txt").write_text("One.\n")
    (versions / "1.txt").write_text("One. Two.\n")
    (folder / os.fsdecode(b"bin\xe9.txt")).write_bytes(b"\x00\x01 binary")
    article = folder / "corpus" / os.fsdecode(b"art\xe9")
    article.mkdir(parents=True)
    (article / "0.txt").write_text("One.\n")
    (article / "1.txt").write_text("One. Two.\n")
    (folder / "corpus" / os.fsdecode(b"loose\xe9.txt")).write_text("One.\n")


@pytest.mark.parametrize(("arguments", "exit_code"), [
    (["parse", b"bin\xe9.txt"], 2),  # an error
    (["diff", b"caf\xe9.txt"], 2),  # an error: no such file
    (["parse", b"caf\xe9"], 0),  # a warning: a folder left out
    (["store", b"caf\xe9", "--repo", "repo"], 0),
    # a warning (a file beside a folder) and the summary, which names the output
    (["export", "corpus", "-o", b"out\xe9.jsonl"], 0),
    (["export", "--skip-errors", b"bin\xe9.txt", "corpus", "-o", b"out\xe9/", "--format", "html"], 0),
])
def test_a_name_that_is_not_utf8_is_spelled_one_way_on_stderr(arguments: list[str | bytes],
                                                               exit_code: int,
                                                               tmp_path: Path) -> None:
    """Errors, warnings and the export's summary wrote a name in Latin-1 as `caf\\udce9`, where
    the readers' warnings and the skipped inputs wrote it as `caf\\xe9`: every line of stderr
    now spells it as the outputs do."""
    names_that_are_not_utf8(tmp_path)
    result = subprocess.run([sys.executable, "-m", "revdiff", *arguments], cwd=tmp_path,
                            capture_output=True, timeout=120, check=False)
    assert result.returncode == exit_code, result.stderr
    # each message, with the indented lines that go on with it (the export's summary)
    lines = result.stderr.decode().replace("\n  ", " ").splitlines()
    assert lines
    assert all(line.startswith("revdiff: ") for line in lines), lines
    assert all("\\udc" not in line for line in lines), lines
    assert all("\\xe9" in line for line in lines), lines


def test_the_refusal_of_a_repository_path_spells_a_name_that_is_not_utf8_as_the_others_do(
        tmp_path: Path) -> None:
    """click, which refused this path, wrote it with `\ufffd` for a byte that is not UTF-8
    (`Directory 'caf\ufffd' is a file`), where revdiff's own messages write `caf\\xe9`."""
    named = tmp_path / os.fsdecode(b"caf\xe9")
    named.write_text("not a folder\n")
    result = subprocess.run([sys.executable, "-m", "revdiff", "store", str(CHAIN), "--repo",
                             os.fsencode(named)], capture_output=True, timeout=120, check=False)
    assert result.returncode == 2
    assert os.fsencode(tmp_path) + b"/caf\\xe9: is a file, not a directory" in result.stderr
    assert "\ufffd".encode() not in result.stderr


@pytest.mark.parametrize(("arguments", "spelled"), [
    (["diff", "a", "b", "--format", b"j\xe9"], b"'j\\xe9' is not one of 'text'"),
    (["export", "a", "-o", "x.csv", "--workers", b"\xe9"], b"'\\xe9' is not a whole number"),
    (["diff", "a", "b", "--max-size", b"1\xe9"], b"'1\\xe9' is not a size"),
    (["diff", "a", "b", b"--fo\xe9"], b"No such option '--fo\\xe9'"),
    # typed as text, not a byte: repr doubles its backslash, and so does the message
    (["diff", "a", "b", "--format", "\\udce9"], b"'\\\\udce9' is not one of 'text'"),
])
def test_click_s_refusal_of_a_value_spells_bytes_that_are_not_utf8_as_revdiff_does(
        arguments: list[str | bytes], spelled: bytes) -> None:
    """click quotes a value it refuses with Python's repr: a byte that is not UTF-8 came out as
    `'j\\udce9'`, where revdiff's own messages write `j\\xe9`."""
    result = subprocess.run([sys.executable, "-m", "revdiff", *arguments], capture_output=True,
                            timeout=120, check=False)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert spelled in line


@pytest.mark.parametrize(("arguments", "stopped_in", "line"), [
    (["parse"], "revdiff.cli.parse.load_articles", "revdiff: interrupted"),
    (["store", "--repo", "repo"], "revdiff.cli.store.load_and_warn",
     ("revdiff: error: repo: interrupted; nothing was stored (run the same command again to "
      "store the versions)")),
    (["store", "--repo", "repo"], "revdiff.cli.store._write_summary",
     ("revdiff: interrupted once storing was done; the rest of the summary and warnings is "
      "left out")),
    (["export", "-o", "out.jsonl"], "revdiff.export.driver._check_something_exported",
     ("revdiff: error: out.jsonl: interrupted; 1 finished article is kept (rerun the same "
      "command with --resume to continue)")),
    (["export", "-o", "out.jsonl"], "revdiff.cli.progress.summary_lines",
     "revdiff: interrupted once the export was done; the rest of the summary is left out"),
])
def test_every_line_of_a_ctrl_c_starts_past_the_terminals_echo(
        arguments: list[str], stopped_in: str, line: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the line of a stop no command catches started with a newline past the `^C` a
    terminal echoes: store's and export's own lines followed it on the same line."""
    from click.testing import CliRunner

    from revdiff.cli import main

    def stopped_on_a_terminal(*args: object, **kwargs: object) -> None:
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
        raise KeyboardInterrupt

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(stopped_in, stopped_on_a_terminal)
    result = CliRunner().invoke(main, [arguments[0], str(CHAIN), *arguments[1:]])
    assert result.stderr == f"\n{line}\n"


@pytest.mark.parametrize("columns", [120, 80, 50, 20, 1])
def test_the_progress_bar_fits_the_terminal_line(columns: int) -> None:
    """A bar longer than the terminal is wide wraps onto a second line, and `\r` then goes back
    only to the start of that one: each redraw left a line behind, filling a narrow window (a
    split tmux pane, an 80-column terminal) with bars. The bar is shortened, then left out, then
    the counts cut, to fit one column less than the width."""
    from revdiff.cli.progress import ProgressBar

    drawn: list[str] = []
    bar = ProgressBar(drawn.append, rate=1000, columns=lambda: columns)
    details = "123/201 inputs  123 articles  370 pairs  61.3 pairs/s  0:06"
    bar.show(123, 201, details, final=True)
    line = drawn[-1]
    assert line.startswith("\r") and line.endswith("\x1b[K")
    text = line[1:-len("\x1b[K")]
    assert len(text) <= columns - 1, text
    if columns == 120:
        assert text == f"[##############----------] {details}"
    if columns == 80:  # 17 columns left for the bar
        assert text == f"[##########-------] {details}"
    if columns == 50:
        assert text == details[:49]


@pytest.mark.parametrize("line_end", [True, False])
def test_a_bar_ended_shows_the_counts_it_was_last_given(line_end: bool) -> None:
    """A store stopped by Ctrl-C left its bar at 987/1,548 where its error line said 1,083 were
    stored: the bar is redrawn at most `rate` times a second, and the counts given since its last
    drawing were not drawn before its line ended."""
    from revdiff.cli.progress import ProgressBar

    drawn: list[str] = []
    bar = ProgressBar(drawn.append, rate=0.001, columns=lambda: 120)
    bar.show(987, 1548, "storing versions: 987/1,548")
    bar.show(1083, 1548, "storing versions: 1,083/1,548")  # too soon to draw
    assert drawn[-1].endswith("987/1,548\x1b[K")
    bar.close(line_end=line_end)
    assert drawn[-2 if line_end else -1].endswith("storing versions: 1,083/1,548\x1b[K")
    assert drawn[-1] == "\n" or not line_end
    bar.close()
    assert len(drawn) == (3 if line_end else 2)


def _terminal_of_its_own() -> None:
    """In the child: a session of its own, whose controlling terminal is its stderr's (a
    pseudo-terminal): a `^C` typed there is echoed and sends SIGINT, as in a user's shell."""
    import fcntl
    import termios

    fcntl.ioctl(2, termios.TIOCSCTTY, 0)


def typed_ctrl_c_under_a_bar(arguments: list[str], drawn: bytes,
                             env: dict[str, str] | None = None) -> bytes:
    """What `revdiff ARGUMENTS` shows on its terminal (its stderr's, stdin held open) when
    Ctrl-C is typed there once `drawn` is on it: the terminal's `^C` among it."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "revdiff", *arguments],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=follower,
        env={**os.environ, "TERM": "xterm", **(env or {})}, start_new_session=True,
        preexec_fn=_terminal_of_its_own)  # noqa: PLW1509 - tests start no threads
    os.close(follower)
    try:
        shown = b""
        deadline = time.monotonic() + 60
        while drawn not in shown:
            assert time.monotonic() < deadline and process.poll() is None, shown
            shown += os.read(leader, 65536)
        os.write(leader, b"\x03")  # Ctrl-C typed on the terminal
        assert process.wait(timeout=60) == 130
        return shown + drained(leader)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()
        os.close(leader)


def test_ctrl_c_under_an_export_bar_leaves_no_blank_line(tmp_path: Path) -> None:
    """Ctrl-C while an export drew its bar: the bar ended its line (where the
    terminal had echoed `^C`), and the error line started with a line end of its own past that
    `^C`, which left a blank line between them. One line end parts them now."""
    # the export waits for its standard input, the bar drawn
    exported = typed_ctrl_c_under_a_bar(
        ["export", str(CHAIN), "-", "-o", str(tmp_path / "edits.jsonl")], b"inputs  ")
    assert b"^C\r\nrevdiff: error: " in exported, exported


def test_ctrl_c_under_a_store_bar_leaves_no_blank_line(tmp_path: Path) -> None:
    """As with an export's bar (above), a store's. The line that says what a stopped store
    waits for goes past the `^C`, and the error line follows it: each started with a line end
    of its own, which left a blank line between them."""
    # its git fast-import takes no commit for 20 s: the store waits for it, the bar drawn, and
    # after Ctrl-C waits for the import to end (it runs in a session of its own, which the
    # terminal's Ctrl-C does not reach), so the run ends well within the test's 60 s
    stalling = tmp_path / "bin"
    stalling.mkdir()
    (stalling / "git").write_text('#!/bin/sh\ncase " $* " in *" fast-import "*) exec sleep 20;; '
                                  f'esac\nexec {shutil.which("git")} "$@"\n')
    (stalling / "git").chmod(0o755)
    stored = typed_ctrl_c_under_a_bar(
        ["store", "--progress", str(CHAIN), "--repo", str(tmp_path / "repo")], b"finishing",
        env={"PATH": f"{stalling}{os.pathsep}{os.environ['PATH']}"})
    assert b"^C\r\nrevdiff: interrupted; waiting up to 20 s for git fast-import" in stored, stored
    assert b"(a second Ctrl-C ends the wait at once)\r\nrevdiff: error: " in stored, stored


@pytest.mark.parametrize("second_ctrl_c", [False, True])
def test_a_stopped_store_says_its_wait_and_its_end_on_lines_next_to_each_other(
        second_ctrl_c: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After Ctrl-C on a terminal, the line that says what a stopped store waits for goes past
    the `^C`; the error line then follows it, with a line end of its own only past a second
    `^C`, typed as the run waited: each started with one, leaving a blank line."""
    from click.testing import CliRunner

    from revdiff.cli import main
    from revdiff.store import fast_import, writer

    stalling = tmp_path / "bin"
    stalling.mkdir()
    (stalling / "git").write_text('#!/bin/sh\ncase " $* " in *" fast-import "*) exec sleep 20;; '
                                  f'esac\nexec {shutil.which("git")} "$@"\n')
    (stalling / "git").chmod(0o755)
    monkeypatch.setenv("PATH", f"{stalling}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(writer, "SECONDS_FOR_GIT_AFTER_A_STOP", 0.5)
    commit = fast_import.FastImport.commit

    def stopped_on_a_terminal(*args: object) -> None:
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
        commit(*args)  # type: ignore[arg-type]
        raise KeyboardInterrupt

    say_the_wait = fast_import.FastImport._say_the_wait

    def ctrl_c_again(importer: fast_import.FastImport, stop: KeyboardInterrupt) -> None:
        say_the_wait(importer, stop)
        signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(fast_import.FastImport, "commit", stopped_on_a_terminal)
    if second_ctrl_c:
        monkeypatch.setattr(fast_import.FastImport, "_say_the_wait", ctrl_c_again)
    repo = tmp_path / "repo"
    result = CliRunner().invoke(main, ["store", str(CHAIN), "--repo", str(repo)])
    ended = ("git fast-import was ended at a second stop" if second_ctrl_c else
             "git fast-import did not end within 0.5 s of the stop and was ended")
    assert result.stderr == (
        "\nrevdiff: interrupted; waiting up to 0.5 s for git fast-import to write the versions "
        "stored so far (a second Ctrl-C ends the wait at once)\n"
        f"{chr(10) if second_ctrl_c else ''}revdiff: error: {repo}: interrupted; some of 5 "
        f"versions were stored before the stop; {ended}; git rev-parse was not run: the 0.5 s "
        "after the stop had passed (run the same command again to store the rest)\n")
    assert result.exit_code == 130


def typed_on_a_terminal(arguments: list[str], typed: bytes) -> subprocess.CompletedProcess[str]:
    """`revdiff ARGUMENTS` run with standard input on a terminal (a pseudo-terminal here) on
    which `typed` is typed."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        os.write(leader, typed)
        return subprocess.run([sys.executable, "-m", "revdiff", *arguments], stdin=follower,
                              capture_output=True, text=True, timeout=120, check=False)
    finally:
        os.close(follower)
        os.close(leader)


def test_one_ctrl_d_ends_a_version_typed_on_the_terminal(tmp_path: Path) -> None:
    """A version typed on the terminal took Ctrl-D twice to end: the first ended a read of the
    buffered standard input, which read_bounded took for a piece of it, and read again."""
    old = tmp_path / "old.txt"
    old.write_text("Iran fired missiles.\n", encoding="utf-8")
    typed = typed_on_a_terminal(["diff", str(old), "-"], b"Iran fired ten missiles.\n\x04")
    assert typed.returncode == 0, typed.stderr
    assert "{+ten +}" in typed.stdout


def test_a_version_read_from_the_terminal_is_asked_for_on_stderr(tmp_path: Path) -> None:
    """`revdiff diff a.txt -` with standard input on a terminal waited without a word: one line
    says that it reads the version typed there, and how to end it; a pipe gets none."""
    old = tmp_path / "old.txt"
    old.write_text("Iran fired missiles.\n", encoding="utf-8")
    typed = typed_on_a_terminal(["diff", str(old), "-"], b"Iran fired ten missiles.\n\x04")
    assert typed.returncode == 0, typed.stderr
    assert typed.stderr == ("revdiff: reading a version from the terminal (standard input); "
                            "end it with Ctrl-D on a line of its own\n")
    piped = revdiff("diff", str(old), "-", stdin="Iran fired ten missiles.\n")
    assert piped.returncode == 0 and piped.stderr == ""


def test_a_warning_under_an_export_bar_leaves_no_stale_bar_above_it(tmp_path: Path) -> None:
    """A warning told while the bar was drawn (the file beside a corpus's article folders) ended
    the bar's line and went below it: the bar's old counts (`0/2 inputs`) stayed on the screen
    above each warning, one stale bar a warning. The bar's line is cleared for the warning now,
    and the bar drawn again below it."""
    corpus = tmp_path / "corpus"
    for name in ("a", "b"):
        shutil.copytree(CHAIN, corpus / name)
    (corpus / "notes.txt").write_text("not an article\n", encoding="utf-8")
    shown = on_a_terminal(["export", str(corpus), "-o", str(tmp_path / "edits.jsonl")],
                          stderr_too=True).decode("utf-8")
    assert "revdiff: warning: " in shown and "revdiff: exported 2 articles" in shown, shown
    # what each line of the terminal shows in the end: its text after the last carriage return
    lines = [line.rsplit("\r", 1)[-1].replace("\x1b[K", "")
             for line in shown.replace("\r\n", "\n").split("\n")]
    warning = next(index for index, line in enumerate(lines) if "revdiff: warning: " in line)
    assert not any("inputs  " in line for line in lines[:warning]), lines


class _Clock:
    """A clock for `ExportProgress`: it moves only when told."""

    now = 1000.0

    @classmethod
    def monotonic(cls) -> float:
        return cls.now


def _export_lines(monkeypatch: pytest.MonkeyPatch, columns: int, *, inputs: int = 201,
                  articles: int | None = None) -> list[str]:
    """The text of the export bar's lines at `columns`, a minute into a run a third done, with
    the time left told: of `inputs` inputs, or of one of `articles` articles."""
    import revdiff.export.progress
    from revdiff.cli.progress import ProgressBar, export_progress
    from revdiff.export.progress import ExportProgress

    monkeypatch.setattr(revdiff.export.progress, "time", _Clock)
    drawn: list[str] = []
    bar = ProgressBar(drawn.append, rate=1000, columns=lambda: columns)
    progress = ExportProgress(units_total=1 if articles else inputs, unit_articles=articles,
                              started=_Clock.now)
    with export_progress(bar, tick=1000) as draw:
        _Clock.now += 66
        progress.units_done = 1 / 3 if articles else inputs // 3
        progress.articles, progress.pairs = 12_345, 37_000
        draw(progress)
        progress.finished = _Clock.now
        draw(progress)
    return [line[1:-len("\x1b[K")] for line in drawn if line.startswith("\r")]


@pytest.mark.parametrize("articles", [None, 2000])
def test_the_export_bar_stays_at_80_columns_with_the_time_left(
        monkeypatch: pytest.MonkeyPatch, articles: int | None) -> None:
    """At 80 columns the counts with the time left (about 65 characters) and the 27 of the bar
    did not fit: the bar was drawn before the time left could be told, then left out for the
    rest of the run. The bar is shortened, and the least telling counts left out, to keep it."""
    for line in _export_lines(monkeypatch, 80, articles=articles):
        assert line.startswith("[") and len(line) <= 79, line
    running = _export_lines(monkeypatch, 80, articles=articles)[0]
    assert running.endswith("1:06  2:12 left"), running
    assert running.partition("] ")[2].startswith("  666/2,000 articles" if articles else
                                                  " 67/201 inputs  12,345 articles")


def test_the_export_bar_tells_the_time_left_at_60_and_40_columns(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Narrower, the bar keeps the counts done and the times, leaving out pairs and their pace;
    where even that leaves too little room for a bar, the bar goes."""
    at_60 = _export_lines(monkeypatch, 60, articles=2000)[0]
    assert at_60 == f"[{at_60[1:at_60.index(']')]}]   666/2,000 articles  1:06  2:12 left"
    assert len(at_60) <= 59
    assert _export_lines(monkeypatch, 40, articles=2000)[0] == "666/2,000 articles  1:06  2:12 left"


def test_the_export_counts_keep_the_width_of_the_total(monkeypatch: pytest.MonkeyPatch) -> None:
    """The articles done took a column more at 10, 100 and 1,000 of 2,000, and a shortened bar
    a column less each time: the done count takes the total's columns from the start."""
    import revdiff.export.progress
    from revdiff.cli.progress import export_counts
    from revdiff.export.progress import ExportProgress

    monkeypatch.setattr(revdiff.export.progress, "time", _Clock)
    progress = ExportProgress(units_total=1, unit_articles=2000, started=_Clock.now - 60)
    shown = []
    for done in (9, 10, 999, 1000):
        progress.units_done = done / 2000
        shown.append(export_counts(progress)[-1].partition(" articles")[0])
    assert shown == ["    9/2,000", "   10/2,000", "  999/2,000", "1,000/2,000"]
    many = ExportProgress(units_total=201, units_done=7, started=_Clock.now - 60)
    assert export_counts(many)[-1].startswith("  7/201 inputs  0 articles  ")


def test_a_shortened_bar_keeps_its_width_while_the_terminal_does() -> None:
    """A bar shortened for the counts grew back a column whenever they took one less (the time
    left from 10:00 to 9:59, pairs per second from 100.2 to 99.8), and shrank again: it stays
    as short while the terminal keeps its width, and is made anew in a terminal resized."""
    from revdiff.cli.progress import ProgressBar

    columns = 80
    drawn: list[str] = []
    bar = ProgressBar(drawn.append, rate=1000, columns=lambda: columns)

    def width(details: str) -> int:
        bar.show(1, 2, details, final=True)
        return drawn[-1].index("]") - len("\r[")

    longer = "  100/2,000 articles  3,700 pairs  100.2 pairs/s  1:00  10:00 left"
    shorter = "  101/2,000 articles  3,701 pairs  99.8 pairs/s  1:00  9:59 left"
    assert width(longer) == 79 - len(longer) - len("[] ") == 10
    assert [width(shorter), width(longer), width(shorter)] == [10, 10, 10]
    columns = 100
    assert width(shorter) == 24
    columns = 80
    assert width(shorter) == 79 - len(shorter) - len("[] ") == 12


def test_the_export_bar_rounds_its_times_as_the_summary_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """The elapsed time was rounded down: the last frame read 0:04 where the summary said
    4.7 s, and `0:00 left` showed with most of a second to go."""
    import revdiff.export.progress
    from revdiff.cli.progress import export_counts, summary_lines
    from revdiff.export.progress import ExportProgress

    monkeypatch.setattr(revdiff.export.progress, "time", _Clock)
    progress = ExportProgress(units_total=10, started=_Clock.now)
    _Clock.now += 4.4
    progress.units_done = 9  # 0.49 s left
    assert export_counts(progress)[0].endswith("  0:04  <0:01 left")
    _Clock.now += 0.3
    progress.units_done, progress.finished = 10, _Clock.now
    assert export_counts(progress)[0].endswith("  0:05")
    assert "  in 4.7 s (" in summary_lines(progress, "1 worker", "jsonl")[-1]
