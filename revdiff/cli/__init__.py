"""The `revdiff` command line: click commands that wire readers, engine and outputs.

Each command lives in its own module of this package and is listed in `COMMANDS` below. A
command's module (and the libraries it needs) is imported only when that command runs, so
`revdiff --help` and shell completion stay fast.
"""

from __future__ import annotations

import errno
import io
import os
import re
import shlex
import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any, NamedTuple, NoReturn

import click

from revdiff.cli.descriptor_bytes import write_text_apart
from revdiff.errors import (
    INTERRUPTED_EXIT,
    OutputFailed,
    RevdiffError,
    file_failure,
    stdout_failure,
    stdout_open,
)
from revdiff.file_names import name_text
from revdiff.stop_signals import stop_exit_code, stop_reason
from revdiff.terminal_text import visible

EXAMPLES = """\b
Examples:
  revdiff samples/washpo-soleimani-v6-v7.txt
      browse a saved News Sniffer diff page
  revdiff parse samples/washpo-soleimani-v6-v7.txt --format json
  revdiff diff samples/versions/iran-strikes-us-troops-in-iraq/
      a directory of 0.txt, 1.txt, ...
  cat new.txt | revdiff parse old.txt -
      versions from files and stdin

\b
Shell completion (bash; zsh and fish: see README):
  eval "$(_REVDIFF_COMPLETE=bash_source revdiff)"
"""


class CommandEntry(NamedTuple):
    module: str
    summary: str  # the line `revdiff --help` shows; also the command's short help


COMMANDS = {
    "diff": CommandEntry("revdiff.cli.diff", "Compare consecutive versions and print the edits."),
    "export": CommandEntry("revdiff.cli.export",
                           "Write the edits of many articles to tables or reports."),
    "parse": CommandEntry("revdiff.cli.parse",
                          "Print the recovered articles: versions, titles, warnings."),
    "store": CommandEntry("revdiff.cli.store", "Store each version as a commit in a git repository."),
    "view": CommandEntry("revdiff.cli.view", "Browse the changes in a terminal app."),
}


def message_text(text: str) -> str:
    """Text for a line on stderr: a file name that is not UTF-8 spelled as the readers and the
    outputs spell it (`caf\\xe9`, `name_text`), every control character shown (`visible`)."""
    return visible(name_text(text))


# A byte that is not UTF-8 as Python's repr writes it (`\\udce9`), or a backslash (`\\\\`)
_REPR_BYTE_OR_BACKSLASH = re.compile(r"\\(\\|udc[89a-f][0-9a-f])")


def _repr_bytes_as_name_text(message: str) -> str:
    """A message of click's with the bytes of a value that are not UTF-8, which click quotes with
    Python's repr (`'j\\udce9' is not one of ...`), spelled as `name_text` spells them (`j\\xe9`).
    A backslash that repr doubled stays so: a `\\udce9` typed as text is not taken for a byte."""
    return _REPR_BYTE_OR_BACKSLASH.sub(
        lambda escape: escape[0] if escape[1] == "\\" else f"\\x{escape[1][-2:]}", message)


def past_the_echo(exit_code: int) -> str:
    """What a line that ends a run stopped with Ctrl-C (`exit_code` 130) starts with: a newline
    past the `^C` a terminal echoes, which it would follow on the same line; none in a file, a
    pipe, or for SIGTERM, which nothing echoes."""
    return ("\n" if exit_code == INTERRUPTED_EXIT and sys.stderr is not None
            and sys.stderr.isatty() else "")


def ends_the_echoed_line(error: BaseException) -> bool:
    """Whether the line that `error` ends the run with starts with a line end (`past_the_echo`):
    a progress bar drawn as it came, the `^C` echoed after it, leaves its line to that line end
    (`ProgressBar.close`); a line end of the bar's own left a blank line between them."""
    if isinstance(error, RevdiffError):
        return bool(past_the_echo(error.exit_code))
    return isinstance(error, KeyboardInterrupt) and bool(past_the_echo(stop_exit_code(error)))


def report_error(error: RevdiffError, *, after_a_line_past_the_echo: bool = False) -> None:
    """The one line on stderr for an error: what, where, what to do; with
    `after_a_line_past_the_echo`, where a line said since the stop went past its `^C` (and no
    other Ctrl-C came), without a line end before it."""
    echo = "" if after_a_line_past_the_echo else past_the_echo(error.exit_code)
    say(f"{echo}revdiff: error: {message_text(str(error))}")


# Whether a line could not be written to stderr: the run then ends with a status that is not 0.
_stderr_lost = False


def say(line: str) -> None:
    """A line on stderr: an error, a warning, a note, the summary. A stderr that cannot be
    written (`2>/dev/full`, a pipe whose reader has gone) ended the run with a traceback written
    to that same stderr, which failed again: the run goes on without its lines instead, and ends
    with exit status 2 where it would have ended with 0 (`RevdiffGroup.main`); so does a stderr
    the command was started without (`2>&-`), whose lines click would drop unsaid. It is
    written to stderr's file descriptor apart from `sys.stderr` (`write_text_apart`): a line
    that waits for a reader of stderr held `sys.stderr`'s lock, and a Dask nanny restarting a
    worker waited for it."""
    if sys.stderr is None:
        _lose_stderr()
        return
    try:
        if not write_text_apart(sys.stderr, line + "\n"):
            click.echo(line, err=True)
    except OSError:
        _lose_stderr()


def write_to_stderr(text: str) -> None:
    """Text on stderr as it is, no newline added, flushed at once: a progress bar or a notice
    drawn over its own line. A stderr that cannot be written (a terminal that hung up) ended the
    run, its error taken for standard output's: the run goes on without it, as with `say`,
    and it is written apart from `sys.stderr` as `say`'s lines are."""
    if sys.stderr is None:
        _lose_stderr()
        return
    try:
        if not write_text_apart(sys.stderr, text):
            sys.stderr.write(text)
            sys.stderr.flush()
    except OSError:
        _lose_stderr()


def _lose_stderr() -> None:
    """Go on without stderr, which could not be written: the run ends with 2 where it would have
    ended with 0. stderr is pointed at the null device, so that what Python still holds for it
    (and any later line) goes nowhere; a stderr the command was started without has its number
    held there already (`_hold_closed_standard_streams`)."""
    global _stderr_lost
    _stderr_lost = True
    if sys.stderr is None:
        return
    null_device = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null_device, sys.stderr.fileno())
    os.close(null_device)


def _hold_closed_standard_streams() -> None:
    """Hold the number of a standard output or error the command was started without (`>&-`,
    `2>&-`) on the null device: a file revdiff opens would take the free number, and a process
    it starts (git, a worker) would write its output or errors into that file. Python's stream
    stays None: what revdiff would write there is refused (`stdout_open`) or lost (`say`)."""
    for number, stream in ((1, sys.stdout), (2, sys.stderr)):
        if stream is None:
            null_device = os.open(os.devnull, os.O_WRONLY)
            if null_device != number:
                os.dup2(null_device, number)
                os.close(null_device)


def _flush_stdout() -> OSError | None:
    """Write out what Python holds for stdout, and when that fails (a pipe whose reader has
    gone, `| head -1`; a full disk) point stdout at the null device and return the error: what
    a failed write left in Python's buffer was written again as Python exited, and failed again,
    with `Exception ignored ... BrokenPipeError` on stderr and exit code 120."""
    if sys.stdout is None:
        return None
    try:
        sys.stdout.flush()
    except OSError as error:
        null_device = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null_device, sys.stdout.fileno())
        os.close(null_device)
        return error
    return None


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    stdout_open()
    import revdiff

    click.echo(f"revdiff, version {revdiff.__version__}")
    ctx.exit()


def _show_help(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """`--help`: the help on stdout, as click shows it; a stdout the command was started without
    (`>&-`), where click would drop it unsaid and exit 0, is one error line (`stdout_open`)."""
    if not value or ctx.resilient_parsing:
        return
    stdout_open()
    click.echo(ctx.get_help(), color=ctx.color)
    ctx.exit()


class RevdiffCommand(click.Command):
    """A command whose `--help` refuses a closed stdout (`_show_help`), as its output does."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.callback = _show_help
        return option


def _refuse_a_mistyped_command(word: str) -> None:
    """`revdiff difff a b` read `difff` as an input (`no such file or directory`): a first word
    that names no file and is one letter or two from a command's name says which it meant."""
    if "/" in word or "." in word or word.startswith("-") or os.path.lexists(word):
        return
    import difflib  # only for a first word that names no file

    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.75)
    if close:
        say(f"revdiff: error: {message_text(word)}: no such command, nor file (did you mean "
            f"`revdiff {close[0]}`? see `revdiff --help`)")
        sys.exit(2)


def _option_named(parameters: list[click.Parameter], word: str) -> click.Option | None:
    """The option among a command's `parameters` that `word` gives (`--layout`, `--layout=side`,
    `--no-color`), or None when the command has none of that name."""
    name = word.split("=", 1)[0]
    for parameter in parameters:
        if isinstance(parameter, click.Option) and name in (*parameter.opts,
                                                            *parameter.secondary_opts):
            return parameter
    return None


def _refuse_options_before_a_command(args: list[str],
                                     parameters_of: Callable[[str], list[click.Parameter]]
                                     ) -> None:
    """`revdiff -q diff a b` read `diff` as an input of `revdiff view` (`diff: no such file or
    directory`): a command's name that names no file, after options alone (and their values),
    says to give it first, with the command line so ordered. An option the command does not take
    (`revdiff --layout side diff a b`: --layout is view's) is named, and left out of that line
    with its value."""
    for index, word in enumerate(args):
        if word == "--":
            return
        if word in COMMANDS and not os.path.lexists(word):
            kept, not_taken = _options_the_command_takes(args[:index], parameters_of(word),
                                                         parameters_of("view"))
            reordered = message_text(shlex.join([word, *kept, *args[index + 1:]]))
            names = ", ".join(dict.fromkeys(not_taken))
            refused = (f", and `revdiff {word}` takes no {message_text(names)}"
                       if not_taken else "")
            say(f"revdiff: error: {word}: a command's name comes before its options, else it "
                f"is read as an input{refused} (run `revdiff {reordered}`; see "
                f"`revdiff {word} --help`)")
            sys.exit(2)
        previous = args[index - 1] if index else ""
        if not _is_option(word) and not (_is_option(previous) and "=" not in previous):
            return  # an input: `revdiff -q a.txt b.txt` views them, `revdiff - a.txt` stdin too


def _is_option(word: str) -> bool:
    """Whether a command-line word is an option (`-q`, `--layout=side`), not an input: `-`
    alone is standard input."""
    return word.startswith("-") and word != "-"


def _options_the_command_takes(words: list[str], command: list[click.Parameter],
                               view: list[click.Parameter]) -> tuple[list[str], list[str]]:
    """The words given before a command's name, options and their values, split into those the
    command (its parameters) takes and the names of the options it does not. A word after an
    option it does not take is that option's value, and left out with it, unless the option is a
    flag of `revdiff view` (which read them) or gives its value after `=`."""
    kept: list[str] = []
    not_taken: list[str] = []
    value_left_out = False  # whether a word here is the value of the option just left out
    for word in words:
        if _is_option(word):
            if _option_named(command, word) is None:
                not_taken.append(word.split("=", 1)[0])
                viewed = _option_named(view, word)
                value_left_out = "=" not in word and not (viewed is not None and viewed.is_flag)
                continue
            kept.append(word)
        elif not value_left_out:
            kept.append(word)
        value_left_out = False
    return kept, not_taken


# What a write that failed for want of room or a device error raises: the commands turn their
# own into one error line, and click's output (the help, the version), which names no file, is
# turned here. Any other OSError that reaches the top is told as a file's (`file_failure`).
_WRITE_FAILURES = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _escape_what_stdout_cannot_encode() -> None:
    """Text stdout's encoding cannot hold (the `␛` shown for an escape in an article, on a
    Latin-1 terminal; a curly quote in a file written on Windows) written as `\\u241b`, as Python
    writes it to stderr, where printing it ended the command with a traceback."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")


# The key of the group's `ctx.meta` that says `view` was put before the arguments given
# (`revdiff INPUT...`), not typed: its errors name no command.
_VIEW_NOT_TYPED = "revdiff.view_not_typed"
# The key of the group's `ctx.meta` that holds the arguments given, for an unknown option that
# is a file's name (`_file_taken_for_an_option`).
_ARGUMENTS = "revdiff.arguments"


def _file_taken_for_an_option(option: str, arguments: list[str]) -> str | None:
    """The argument, beginning with the unknown `option`, that names a file or a folder
    (`-draft.txt`, which click reads as the option `-d`), if one does; else None."""
    for argument in arguments:
        if argument == "--":
            return None
        single_dash = not argument.startswith("--")
        if (argument == option or (single_dash and argument.startswith(option))) \
                and os.path.lexists(argument):
            return argument
    return None


class RevdiffGroup(RevdiffCommand, click.Group):
    """The top-level group: commands imported on first use, `revdiff INPUT...` meaning
    `revdiff view INPUT...`, and one exit path for errors and Ctrl-C."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """As click's; and when the help or the version, which click writes while it reads the
        arguments, cannot be written (`revdiff --help > /dev/full`), one error line. A run
        whose stderr could not be written (`say`) ends with 2, not 0; so does a stdout the
        command was started without, for the help and the version too (`stdout_open`)."""
        _hold_closed_standard_streams()
        _escape_what_stdout_cannot_encode()
        try:
            return super().main(*args, **kwargs)
        except OutputFailed as closed:  # the group's --help or --version, read before a command
            report_error(closed)
            _flush_stdout()
            sys.exit(closed.exit_code)
        except OSError as error:  # a file the user named, or the machine: not a bug of revdiff's
            failure = (stdout_failure(error) if error.errno in _WRITE_FAILURES
                       and error.filename is None else file_failure(error))
            report_error(failure)
            _flush_stdout()
            sys.exit(failure.exit_code)
        except SystemExit as done:
            failed = _flush_stdout()
            if failed is not None and not isinstance(failed, BrokenPipeError) and not done.code:
                report_error(stdout_failure(failed))  # not said yet: the write had not failed
                sys.exit(OutputFailed.exit_code)
            if _stderr_lost and not done.code:
                sys.exit(OutputFailed.exit_code)
            raise

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        """As click's; and when the help or the version, which click writes while it reads the
        arguments, meets a closed pipe (`revdiff --help | head -1`), exit 0 as the commands do
        (click exits 1)."""
        try:
            return super().make_context(*args, **kwargs)
        except BrokenPipeError:
            sys.exit(0)
        except click.exceptions.NoArgsIsHelpError:
            raise  # click shows the help
        except click.UsageError as error:  # the group's own options: `revdiff --version --bogus`
            if error.ctx is None:
                raise
            self._refuse_usage(error.ctx, error)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        command = getattr(import_module(entry.module), cmd_name)
        assert isinstance(command, click.Command)
        command.short_help = entry.summary
        return command

    def _parameters_of(self, ctx: click.Context, name: str) -> list[click.Parameter]:
        """The parameters of one of `COMMANDS`, its help option with them."""
        command = self.get_command(ctx, name)
        assert command is not None
        return command.get_params(ctx)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in COMMANDS and args[0] not in ("--help", "-h", "--version"):
            _refuse_a_mistyped_command(args[0])
            _refuse_options_before_a_command(args, lambda name: self._parameters_of(ctx, name))
            args = ["view", *args]
            ctx.meta[_VIEW_NOT_TYPED] = True
        ctx.meta[_ARGUMENTS] = list(args)
        return super().parse_args(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from `COMMANDS`, without importing any command."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name].summary) for name in sorted(COMMANDS)])

    def shell_complete(self, ctx: click.Context, incomplete: str
                       ) -> list[click.shell_completion.CompletionItem]:
        """Command names (without importing them), options, or paths: `revdiff PATH` views it."""
        from click.shell_completion import CompletionItem

        if incomplete.startswith("-"):
            return super().shell_complete(ctx, incomplete)
        names = [CompletionItem(name, help=COMMANDS[name].summary)
                 for name in sorted(COMMANDS) if name.startswith(incomplete)]
        return [CompletionItem(incomplete, type="file"), *names]

    def _commands_that_take(self, ctx: click.Context, option: str) -> str:
        """`revdiff FILE --format json` meant diff or parse: the commands that take an option the
        one given does not (`revdiff diff`, `revdiff export` and `revdiff parse`), else "". The
        off form of a flag (`--no-color`) counts as the flag's."""
        takers = [f"`revdiff {name}`" for name in sorted(COMMANDS)
                  if name != ctx.invoked_subcommand
                  and (command := self.get_command(ctx, name)) is not None
                  and any(option in (*parameter.opts, *parameter.secondary_opts)
                          for parameter in command.params)]
        if len(takers) > 1:
            return f"{', '.join(takers[:-1])} and {takers[-1]} take it"
        return f"{takers[0]} takes it" if takers else ""

    def _refuse_usage(self, ctx: click.Context, error: click.UsageError) -> NoReturn:
        """One error line for a bad command line, naming the command (after revdiff's own
        prefix, as an input is named) whose --help lists its options, and for an option of other
        commands, those commands; exit 2."""
        where = error.ctx.command_path if error.ctx else ctx.command_path
        if (error.ctx is None or error.ctx is ctx) and ctx.invoked_subcommand:
            # click found no context for it (a missing option value): the command's
            where = f"{ctx.command_path} {ctx.invoked_subcommand}"
        what = message_text(_repr_bytes_as_name_text(error.format_message())).removesuffix(".")
        if isinstance(error, click.NoSuchOption) and (
                takers := self._commands_that_take(ctx, error.option_name)):
            what = f"No such option {error.option_name!r}: {takers}"
        command = where.partition(" ")[2]  # named once: `revdiff: error: store: ...`
        hint = f"see `{where} --help`"
        if ctx.meta.get(_VIEW_NOT_TYPED):  # `revdiff --layout diag FILE` typed no command
            command, hint = "", f"{hint}, the options of `revdiff INPUT...`"
        if isinstance(error, click.NoSuchOption) and error.option_name == "--version":
            # `revdiff --max-size 1M --version`: revdiff's option, read as the command's
            given = "revdiff INPUT..." if ctx.meta.get(_VIEW_NOT_TYPED) else where
            what = f"--version is an option of revdiff itself, not of `{given}`"
            hint = "run `revdiff --version`, with no other argument"
        if isinstance(error, click.NoSuchOption) and (file := _file_taken_for_an_option(
                error.option_name, ctx.meta.get(_ARGUMENTS, []))):
            what = f"{message_text(file)} is a file, not an option"
            hint = f"give it as {message_text(shlex.quote(f'./{file}'))}, or put -- before it"
        say(f"revdiff: error: {f'{command}: ' if command else ''}{what} ({hint})")
        sys.exit(error.exit_code)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RevdiffError as error:  # raised while options are checked, before a command runs
            report_error(error)
            sys.exit(error.exit_code)
        except click.exceptions.NoArgsIsHelpError:
            raise  # click shows the help
        except click.UsageError as error:  # an unknown option, a bad value, a missing input
            self._refuse_usage(ctx, error)
        except KeyboardInterrupt as stop:  # a command that keeps part of its work says so itself
            say(f"{past_the_echo(stop_exit_code(stop))}revdiff: {stop_reason(stop)}")
            sys.exit(stop_exit_code(stop))
        except BrokenPipeError:
            sys.exit(0)


@click.group(cls=RevdiffGroup, epilog=EXAMPLES,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_show_version, help="Show the version and exit.")
def main() -> None:
    """Read, compare and browse how news articles change between versions.

    INPUT is a News Sniffer diff page (HTML or saved as text), a NewsDiffs page, plain version
    files (one version each), a directory of them, a git repository of versions, a NewsEdits,
    NYTdiff or diffengine SQLite file, a folder of saved article pages, or - for standard
    input. `revdiff INPUT...` is short for `revdiff view INPUT...`.
    Warnings about the input go to stderr, one line each (--quiet leaves them out); parse
    prints them with each article. diff and view need two versions. NO_COLOR=1 turns colours
    off. Exit codes: 0 done, 2 bad input or options, 75 a worker process died or the Dask
    scheduler was lost (export), 130 Ctrl-C, 143 SIGTERM (export, store).
    """
