"""Start-up: `revdiff --help`, completing a command name and parsing a text page import no
heavy library. (How long they take is measured by benchmarks/startup.py, not here.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import click
import pytest
from cli_run import SAMPLES

from revdiff.cli import COMMANDS, main

HEAVY = ("textual", "git", "dask", "distributed", "pyarrow", "pandas", "bs4")

# `python -m revdiff ARGS`, then the names of the modules it imported, on stderr. Those the
# interpreter had loaded before (a site's .pth file may import certifi, and with it zipfile)
# are not revdiff's doing and are left out.
RUN_AND_LIST_MODULES = """
import sys
loaded_at_start = set(sys.modules)
import json, runpy
sys.argv = ["revdiff", *json.loads(sys.argv[1])]
try:
    runpy.run_module("revdiff", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
print(json.dumps(sorted(set(sys.modules) - loaded_at_start)), file=sys.stderr)
"""


def modules_imported_by(args: list[str], env: dict[str, str] | None = None) -> list[str]:
    result = subprocess.run([sys.executable, "-c", RUN_AND_LIST_MODULES, json.dumps(args)],
                            capture_output=True, text=True, timeout=120, check=False,
                            env={**os.environ, **(env or {})})
    modules: list[str] = json.loads(result.stderr.splitlines()[-1])
    return modules


def imported_by(args: list[str], env: dict[str, str] | None = None) -> set[str]:
    return {name.partition(".")[0] for name in modules_imported_by(args, env)}


@pytest.mark.parametrize(("case", "args", "env"), [
    ("help", ["--help"], {}),
    ("completing a command name", [], {"_REVDIFF_COMPLETE": "bash_complete",
                                       "COMP_WORDS": "revdiff ", "COMP_CWORD": "1"}),
    ("parsing a flattened text page", ["parse", str(SAMPLES / "sniffer-diff" /
                                                    "iran-strikes-v0-v1.txt")], {}),
    # a folder is read as saved pages when it holds them: BeautifulSoup loaded for every folder
    ("parsing a folder of version files", ["parse", str(SAMPLES / "versions" /
                                                        "iran-strikes-us-troops-in-iraq")], {}),
])
def test_no_heavy_library_is_imported(case: str, args: list[str], env: dict[str, str]) -> None:
    heavy = imported_by(args, env) & set(HEAVY)
    assert not heavy, f"{case} imported {sorted(heavy)}"


# What a command runs with, and completing its input path or showing its help does not need.
RUN_ONLY = ("revdiff.formats", "revdiff.splitter", "revdiff.engine", "revdiff.export")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_completing_an_input_path_loads_no_reader_splitter_engine_or_exporter(name: str) -> None:
    """`revdiff diff sam<TAB>` imported every reader and the column splitter (through the
    command's size option) and the engine and exporters (through the command's module): a TAB
    took six times as long as starting Python."""
    loaded = modules_imported_by([], {"_REVDIFF_COMPLETE": "bash_complete",
                                      "COMP_WORDS": f"revdiff {name} sam", "COMP_CWORD": "2"})
    assert f"revdiff.cli.{name}" in loaded  # the command was read for its arguments
    assert not [module for module in loaded if module.startswith(RUN_ONLY)]


# The engine's modules a parse needs: the column splitter's abbreviations (sentences and the
# modules of its rules), the word counts of `--format text` (word_count) and a headline's source,
# which a title row is not cut inside (headlines), the pattern of a terminal's control
# sequences, whose digits in a file name are no version number (terminal_codes: one regular
# expression), and the summary's page confidences, never `0.000` for some (rounded_shares: three
# small functions); the package's own file loads nothing more.
SENTENCE_SPLITTER = ("revdiff.engine.sentences", "revdiff.engine.abbreviations",
                     "revdiff.engine.calendar_words", "revdiff.engine.clock_times",
                     "revdiff.engine.list_items", "revdiff.engine.quotation_speakers",
                     "revdiff.engine.sentence_edges", "revdiff.engine.web_addresses",
                     "revdiff.engine.word_sets")
ENGINE_PARSE_NEEDS = ("revdiff.engine", *SENTENCE_SPLITTER, "revdiff.engine.word_count",
                      "revdiff.engine.headlines", "revdiff.engine.terminal_codes",
                      "revdiff.engine.rounded_shares")


@pytest.mark.parametrize("output", [[], ["--format", "text"]])
def test_parsing_a_flattened_page_loads_no_comparison_engine(output: list[str]) -> None:
    """The splitter's `is_abbreviation` loaded the whole engine through the package's file, and
    parse's JSON writer, kept with the export's row schema, the engine's statistics with their
    flags, similarity and attributions: some 50 ms of a small page's 0.18 s parse. The word
    counts of the text summary, kept with the word diff, loaded diff-match-patch and the grapheme
    rules for the default JSON output too, which counts no words."""
    loaded = modules_imported_by(["parse", *output,
                                  str(SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.txt")])
    assert "revdiff.splitter.evidence" in loaded  # the page was read by the column splitter
    assert "diff_match_patch" not in loaded
    assert not [module for module in loaded
                if module.startswith("revdiff.engine") and module not in ENGINE_PARSE_NEEDS]


@pytest.mark.parametrize("name", ["diff", "export"])
def test_the_commands_and_the_app_offer_the_one_list_of_sentence_modes(name: str) -> None:
    """The modes were typed out again in each command and in the app's settings, a test keeping
    the copies equal to the engine's; the model holds the one list, which the engine checks
    against and the commands load without the engine."""
    from click import Context

    from revdiff import engine, model
    from revdiff.tui import settings

    command = main.get_command(Context(main), name)
    assert command is not None
    option = next(param for param in command.params if param.name == "sentences")
    assert isinstance(option.type, click.Choice)
    assert option.type.choices is model.SENTENCE_MODES
    assert engine.SENTENCE_MODES is model.SENTENCE_MODES
    assert settings.SENTENCE_MODES is model.SENTENCE_MODES


@pytest.mark.parametrize(("library", "read"), [
    ("charset_normalizer", "sniffer-diff/iran-strikes-v0-v1.txt"),
    ("zipfile", "versions/iran-strikes-us-troops-in-iraq"),
    ("sqlite3", "sniffer-diff/iran-strikes-v0-v1.txt"),
    ("email", "sniffer-diff/iran-strikes-v0-v1.txt"),
])
def test_parsing_utf8_text_loads_no_library_for_other_inputs(library: str, read: str) -> None:
    """A page that declares no charset is read as UTF-8, yet `utf-8` was checked against
    charset-normalizer's list of character sets, and importing it took some 10 ms of the
    0.15 s a small page's parse takes. zipfile, which tells an office document from other
    binary data, was imported for every input too (a flattened page's splitter loads it with
    its weights, a folder of version files never), and so were the SQLite readers, and
    email.utils (with socket), which reads only an RFC 2822 time in a tracker's field."""
    assert library not in imported_by(["parse", str(SAMPLES / read)])


def test_the_module_list_is_real() -> None:
    """The check above can fail: an HTML page does need BeautifulSoup."""
    assert "bs4" in imported_by(["parse", str(SAMPLES / "sniffer-version.html")])


def test_help_lists_every_command_with_its_summary() -> None:
    result = subprocess.run([sys.executable, "-m", "revdiff", "--help"], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0
    for name, entry in COMMANDS.items():
        assert f"  {name} " in result.stdout and entry.summary in result.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_listed_command_loads_under_its_name(name: str) -> None:
    from click import Context

    command = main.get_command(Context(main), name)
    assert command is not None and command.name == name
    assert command.short_help == COMMANDS[name].summary


def test_help_names_every_exit_code_as_the_readme_does() -> None:
    """75 is also an export that lost its Dask scheduler (README, Exit codes)."""
    result = subprocess.run([sys.executable, "-m", "revdiff", "--help"], capture_output=True,
                            text=True, timeout=60, check=False)
    text = " ".join(result.stdout.split())
    assert "75 a worker process died or the Dask scheduler was lost (export)" in text
    for code in ("0 done", "2 bad input or options", "130 Ctrl-C", "143 SIGTERM"):
        assert code in text


def test_revdiff_alone_prints_the_help_on_stderr_and_exits_2_as_the_docs_say() -> None:
    """`revdiff` with no arguments printed the help and exited 2, which the README's exit codes
    (0 done, 2 bad input or options) did not say: it is a command line without its input, refused
    as `revdiff diff` without INPUT is, and the README (now docs/COMMANDS.md) says so."""
    result = subprocess.run([sys.executable, "-m", "revdiff"], capture_output=True, text=True,
                            timeout=60, check=False)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("Usage: revdiff [OPTIONS] COMMAND [ARGS]...")
    reference = SAMPLES.parent / "docs" / "COMMANDS.md"
    said = " ".join(reference.read_text(encoding="utf-8").split())
    assert ("`revdiff` with no arguments prints the help on stderr and exits 2, as a command "
            "given no INPUT is refused (`revdiff --help` prints it on stdout and exits 0)") in said


def test_help_says_where_parse_puts_the_warnings() -> None:
    """It said the input's warnings go to stderr and --quiet leaves them out, but parse prints
    them in its output, with each article, `--quiet` or not."""
    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "revdiff", *arguments],
                              capture_output=True, text=True, timeout=60, check=False)

    parsed = run("parse", "--format", "text", str(SAMPLES / "washpo-soleimani-v6-v7.txt"))
    assert parsed.stderr == "" and "warning: " in parsed.stdout
    assert "parse prints them with each article" in " ".join(run("--help").stdout.split())


def test_view_help_says_where_the_settings_are_read_from() -> None:
    """It named only $XDG_CONFIG_HOME, which most Linux users never set (then ~/.config is
    read), and not $REVDIFF_CONFIG."""
    result = subprocess.run([sys.executable, "-m", "revdiff", "view", "--help"],
                            capture_output=True, text=True, timeout=60, check=False)
    text = " ".join(result.stdout.split())
    assert "~/.config" in text and "$REVDIFF_CONFIG" in text


def test_a_process_started_elsewhere_imports_this_checkout(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # run from another folder, `python -m revdiff` imports the revdiff installed in the
    # environment, which may be another checkout's: the tests would check that one
    # (tests/conftest.py puts this checkout first on the PYTHONPATH the processes inherit)
    found = subprocess.run([sys.executable, "-c", "import revdiff; print(revdiff.__file__)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    checkout = SAMPLES.parent
    assert os.path.commonpath([found.strip(), checkout]) == str(checkout)
