"""What every revdiff command shares: error reporting, input loading, warnings, common options."""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import wraps
from typing import Any, TypeVar

import click

from revdiff.cli import report_error, say, write_to_stderr
from revdiff.cli.descriptor_bytes import DescriptorBytes
from revdiff.cli.progress import draws_on_stderr, obeys_escape_codes, reading_notice
from revdiff.corrections_file import Correction, read_corrected
from revdiff.errors import NothingToCompare, RevdiffError, stdout_open, writing_stdout
from revdiff.file_names import name_text
from revdiff.model import Article
from revdiff.read_warnings import (
    NOTHING_TO_COMPARE,
    NOTHING_TO_COMPARE_HINT,
    article_inputs,
    article_name,
    counted,
    first_few,
    has_pairs,
    input_name,
    warning_lines,
)
from revdiff.repeated_warnings import RepeatedWarnings
from revdiff.size_limit import DEFAULT_MAX_BYTES, MAX_SIZE_ENV, format_size, parse_size
from revdiff.terminal_text import ByteSink, TerminalDataStream, visible

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(command: F) -> F:
    """Turn revdiff's own errors into one line on stderr and exit code 2."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except RevdiffError as error:
            report_error(error)
            sys.exit(error.exit_code)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


class NamedPath(click.Path):
    """A path that names something: an empty one (an unset shell variable) is refused, where the
    file system reads it as the current folder. A path click refuses (`File 'x' is not readable`)
    is named as revdiff's own messages name it (`caf\\xe9`, `name_text`), where click writes
    `caf\ufffd` (`format_filename`)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> Any:
        if isinstance(value, str) and not value:
            self.fail("the path is empty (an unset shell variable?): name a file or folder",
                      param, ctx)
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as error:
            if not isinstance(value, str):
                raise
            self.fail(error.message.replace(click.format_filename(value), name_text(value)),
                      param, ctx)


# Inputs complete as paths in the shell; `load` checks them and reports what is wrong: an
# unreadable one too (`readable=False`), in the reader's words, which `export --skip-errors` skips.
inputs_argument = click.argument("inputs", nargs=-1, required=True, metavar="INPUT...",
                                 type=NamedPath(allow_dash=True, readable=False))

# A corrections file completes as a path; `corrections_file` checks it and says what is wrong
# (one that names nothing, a folder, a FIFO) in revdiff's words, as it does to a Python caller.
corrections_option = click.option(
    "--corrections", type=NamedPath(readable=False), metavar="FILE",
    help="Read the diff pages' rows named in FILE as a person corrected them: one JSON object a "
         'line, {"page": NAME, "line": N, "kind": KIND} with "boundary": CHARACTER for a change '
         "row, as `revdiff parse --format json` shows rows (see the README).")

quiet_option = click.option("-q", "--quiet", is_flag=True,
                            help="Leave out the warnings about how the input was read.")


class ByteSize(click.ParamType):
    """A size in bytes, written `5000000`, `64M`, `1.5G` or `512K` (powers of 1024)."""

    name = "SIZE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> int:
        if isinstance(value, int):
            return value
        try:
            return parse_size(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


class EnvironmentOption(click.Option):
    """An option an environment variable can set, as its help says: an error in its value names
    the variable only when the value came from it, where click's `show_envvar` named it always
    (`Invalid value for '--max-size' (env var: 'REVDIFF_MAX_SIZE')` for `--max-size 12Q`).
    Where the value came from is kept when it is found: click 8.4 records a parameter's source
    only after its value is converted, too late for a conversion's error."""

    def consume_value(self, ctx: click.Context, opts: Mapping[str, Any]
                      ) -> tuple[Any, click.ParameterSource]:
        value, source = super().consume_value(ctx, opts)
        ctx.meta[self._source_key] = source
        return value, source

    def get_error_hint(self, ctx: click.Context | None) -> str:
        source = ctx.meta.get(self._source_key) if ctx is not None else None
        if source is not click.ParameterSource.ENVIRONMENT:
            return click.Parameter.get_error_hint(self, ctx)  # click.Option's adds the variable
        variables = [self.envvar] if isinstance(self.envvar, str) else list(self.envvar or ())
        return f"environment variable {' or '.join(variables)}"

    @property
    def _source_key(self) -> str:
        return f"revdiff.source.{self.name}"


def _max_size_option(help_text: str) -> Callable[[F], F]:
    """`--max-size`, with the help that is true for the command that takes it."""
    return click.option(
        "--max-size", type=ByteSize(), default=format_size(DEFAULT_MAX_BYTES), show_default=True,
        cls=EnvironmentOption, envvar=MAX_SIZE_ENV, show_envvar=True, help=help_text)


def _max_size_help(versions_in_git: str) -> str:
    return (f"Refuse any input file, standard input or {versions_in_git} larger than this "
            "(e.g. 500K, 64M, 1G); checked before it is read. A binary file in a git "
            "repository is left out instead, at any size.")


_MAX_SIZE_HELP = _max_size_help("stored version")
# every command but `export` reads a NewsEdits file whole, limited as a file
max_size_option = _max_size_option(_MAX_SIZE_HELP)
# `store` reads no version of its own repository: it compares them by their blob ids
store_max_size_option = _max_size_option(
    f"{_max_size_help('version in an input git repository')} The versions already in --repo "
    "are compared by their git ids, not read, at any size.")
# `export` reads a NewsEdits file an article at a time (`load_unit`)
export_max_size_option = _max_size_option(
    f"{_MAX_SIZE_HELP} A NewsEdits file is limited version by version instead of as a whole.")


class BadSchedulerAddress(RevdiffError):
    """--scheduler is not an address a Dask client can connect to."""


def load_articles(inputs: Sequence[str], max_size: int, quiet: bool = False,
                  said: list[str] | None = None, notice: bool = False,
                  origins: list[str] | None = None, corrections: str | None = None,
                  applied: list[Correction] | None = None) -> list[Article]:
    """The inputs' articles, with what was left out of the inputs (the folders in a folder of
    versions) said on stderr, one line each (none when `quiet`), and kept in `said`; with the
    rows the file `corrections` names read as it corrects them (`revdiff.corrections_file`). With
    `notice`, a terminal is told what is being read while it takes long, and how far through a
    database's articles (`reading_notice`),
    unless the user is typing a version on it (`-` read from the terminal), who is told how to
    end it. `origins` gets each article's input, as `load` gives them, and `applied` the
    corrections, each naming its page as the inputs name it."""
    # imported here, not with the module: the readers and the column splitter take longer to
    # load than the rest of the command line, and completing a path or `--help` needs neither
    from revdiff.formats import load

    notes: list[str] = []
    typed = "-" in inputs and sys.stdin is not None and sys.stdin.isatty()
    if typed:  # else the command waits without a word for what is typed
        say("revdiff: reading a version from the terminal (standard input); end it with Ctrl-D "
            "on a line of its own")
    with reading_notice(write_to_stderr, counted(len(inputs), "input"),
                        notice and not quiet and not typed and draws_on_stderr()) as articles_read:
        articles = read_corrected(
            lambda: load(list(inputs), max_bytes=max_size, notes=notes, origins=origins,
                         on_article_read=articles_read),
            corrections, max_size, applied)
    for note in notes if not quiet else ():
        warn(visible(note), said)
    return articles


def warn(line: str, said: list[str] | None = None) -> None:
    """One warning line on stderr; also kept in `said`, when given. A file name in it that is not
    UTF-8 is spelled as the readers spell it (`caf\\xe9`, `name_text`)."""
    line = name_text(line)
    say(f"revdiff: warning: {line}")
    if said is not None:
        said.append(line)


def load_and_warn(inputs: Sequence[str], max_size: int, quiet: bool, *, compare: bool = False,
                  said: list[str] | None = None, notice: bool = False,
                  names: list[str] | None = None,
                  origins: list[str] | None = None,
                  corrections: str | None = None,
                  applied: list[Correction] | None = None) -> list[Article]:
    """The inputs' articles, with every warning about how they were read on stderr, one line
    each (none when `quiet`; kept in `said` too): first what was left out of the inputs (the
    folders in a folder of versions), then each article's warnings, but of the warnings of one
    kind from one input the first few only, the rest counted in one line at the end
    (`RepeatedWarnings`; `said` keeps them all).

    With `compare` (diff, view), an article with a single version is left out with a warning,
    and when no article has two versions, that is an error: there is nothing to compare.
    `names`, when given, gets the name of each article returned, as the warnings and `export`
    name it (its key; `n.sqlite#1`, the input and the article's place among its articles, where
    another article has that key too or, among all the inputs' articles, it has none), and
    `origins` the input it was read from; `applied` gets the corrections read (`load_articles`).
    An input's name that is not UTF-8 is written as the
    readers write it (`caf\\xe9.db`, `name_text`): an article named by it goes into JSON, CSV
    and HTML, which cannot hold the bytes.
    """
    read_from: list[str] = []
    articles = load_articles(inputs, max_size, quiet, said, notice, read_from, corrections,
                             applied)
    named_inputs = [name_text(name) for name in inputs]
    source = named_inputs[0] if len(inputs) == 1 else None
    nothing_to_compare = compare and not any(has_pairs(article) for article in articles)
    # which article of several: its key, but where another article has it too (entries of one
    # database titled alike) its place in its input, as `export` names it; without a key, its
    # place among all the inputs' articles
    keys = Counter(article.key for article in articles)
    places = article_inputs(read_from)
    article_names = [source if source and len(articles) == 1 else article_name(
        article.key, places[index] if article.key else
        input_name(", ".join(named_inputs), index, len(articles)), keys)
        for index, article in enumerate(articles)]
    printed: set[str] = set()  # a file read into two articles (`nl nl/0.txt`) is warned of once
    repeated = RepeatedWarnings()  # a kind of warning from one input: its first few lines
    kept = []
    for index, (article, name) in enumerate(zip(articles, article_names, strict=True)):
        for line in warning_lines(article, name, named_inputs) if not quiet else ():
            if line not in printed:
                printed.add(line)
                if repeated.shows(line, name, read_from[index]):
                    warn(line, said)
                elif said is not None:  # counted on stderr, kept whole for the app
                    said.append(name_text(line))
        if compare and not has_pairs(article):
            if not quiet and not nothing_to_compare:
                warn(f"{visible(_left_out_name(index, article_names, read_from))}: "
                     f"{NOTHING_TO_COMPARE}; left out", said)
            continue
        kept.append(article)
        if names is not None:
            names.append(name)
        if origins is not None:
            origins.append(read_from[index])
    for line in repeated.summaries():
        warn(line)
    if nothing_to_compare:  # after the warnings, which may say why (an empty file left out)
        where = source or (articles[0].key if len(articles) == 1 else ", ".join(named_inputs))
        raise NothingToCompare(_nothing_to_compare(articles), where,
                               hint=NOTHING_TO_COMPARE_HINT)
    return kept


def _left_out_name(index: int, names: Sequence[str], inputs: Sequence[str]) -> str:
    """What names the `index`-th article, left out: its name, but where another article has that
    name too (`nl` for the folder nl and for nl/0.txt), the input it alone was read from."""
    alone = inputs[index] if inputs.count(inputs[index]) == 1 else None
    return alone if alone and names.count(names[index]) > 1 else names[index]


def _nothing_to_compare(articles: Sequence[Article]) -> str:
    """Why no article can be compared: an input of one version, or of several articles (pages
    naming different URLs, titles or tracker entries) that have one version each."""
    if len(articles) < 2:
        return NOTHING_TO_COMPARE
    names = [visible(article.key) or f"#{index}" for index, article in enumerate(articles)]
    return (f"{counted(len(articles), 'article')} read, each with only one version "
            f"({first_few(names)}), and versions of different articles (naming different URLs, "
            "titles or tracker entries) are not compared: nothing to compare")


def use_color(chosen: bool | None) -> bool:
    """--color/--no-color when given; otherwise colour on a terminal that shows colours (not
    TERM=dumb, which prints their escape codes as text, nor one without TERM) unless NO_COLOR is
    not empty."""
    if chosen is not None:
        return chosen
    return not os.environ.get("NO_COLOR") and obeys_escape_codes() and stdout_is_terminal()


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal: not when it is a file or a pipe, nor closed (`>&-`)."""
    return sys.stdout is not None and sys.stdout.isatty()


# A Dask scheduler address: an optional protocol, a host name or [IPv6] address, and a port.
_SCHEDULER = re.compile(r"((tcp|tls|ws|wss|ucx)://)?(\[[0-9A-Fa-f:.]+\]|[^\s:/\[\]]+):(\d{1,5})")
# The protocols a Dask client speaks without settings: TLS (tls, wss) needs certificates and
# UCX its own libraries, which revdiff has no options for.
_SCHEDULER_PROTOCOLS = ("tcp", "ws")


def written_as_scheduler(value: str, *, protocol_named: bool) -> bool:
    """Whether `value` is written as a Dask scheduler's address (HOST:PORT, or with a protocol,
    `tcp://HOST:PORT`, also one --scheduler refuses by name); with its protocol only, where
    `protocol_named`."""
    found = _SCHEDULER.fullmatch(value)
    return found is not None and (found.group(2) is not None or not protocol_named)


def check_scheduler(_ctx: click.Context, _param: click.Parameter, value: str | None
                    ) -> str | None:
    """Refuse a malformed --scheduler address before any input is read."""
    if value is None:
        return None
    found = _SCHEDULER.fullmatch(value)
    if found is None or not 0 < int(found.group(4)) < 65536:
        raise BadSchedulerAddress(f"--scheduler '{name_text(value)}' is not a Dask scheduler "
                                  "address",
                                  hint="write it as tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786")
    protocol = found.group(2)
    if protocol is not None and protocol not in _SCHEDULER_PROTOCOLS:
        raise BadSchedulerAddress(f"--scheduler '{name_text(value)}': revdiff reaches a Dask "
                                  f"scheduler over tcp:// or ws:// only, not {protocol}://",
                                  hint="start the scheduler with --protocol tcp and give its "
                                       "tcp:// address, or reach it through an SSH tunnel")
    return value


def echo(text: str, *, color: bool | None = None, nl: bool = True) -> None:
    """Print text for a reader (a summary, the text diff) to stdout, as `click.echo` does."""
    with writing_stdout():
        click.echo(text, color=color, nl=nl)


def echo_blocks(blocks: Iterable[str], *, color: bool | None = None) -> None:
    """Print text blocks a blank line apart, each as soon as it is made: the text diff of a large
    input starts at once (and `| head` ends it) instead of after every article is compared, and
    the whole text is never held at once."""
    for number, block in enumerate(blocks):
        echo(block if number == 0 else "\n\n" + block, color=color, nl=False)
    echo("", color=color)


def write_data(text: str) -> None:
    """Write data (JSON, CSV, a patch, HTML) to stdout: byte for byte into a file or a pipe, and
    with its control characters shown as symbols on a terminal."""
    with writing_stdout():
        stream = data_stream()
        stream.write(text.encode("utf-8"))
        stream.flush()


def data_stream() -> ByteSink:
    """stdout as a byte stream for data, after what `sys.stdout` holds: its file descriptor
    written apart from `sys.stdout` (`DescriptorBytes`), or `sys.stdout`'s own bytes when it has
    none (a stream put in its place); on a terminal, one that shows the control characters of
    the (UTF-8) text written to it as symbols, in the terminal's encoding. A closed stdout is one
    error line (`stdout_open`)."""
    stdout_open()
    sys.stdout.flush()
    try:
        raw: ByteSink = DescriptorBytes(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both of these
        raw = sys.stdout.buffer
    if sys.stdout.isatty():
        return TerminalDataStream(raw, sys.stdout.encoding)
    return raw
