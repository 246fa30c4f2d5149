"""`revdiff export`: every consecutive version pair of every article, to research-ready files."""

from __future__ import annotations

import contextlib
import glob
import math
import os
import shlex
import stat
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from revdiff.cli import (
    RevdiffCommand,
    message_text,
    past_the_echo,
    report_error,
    say,
    write_to_stderr,
)
from revdiff.cli.common import (
    NamedPath,
    check_scheduler,
    data_stream,
    export_max_size_option,
    inputs_argument,
    reports_errors,
    stdout_is_terminal,
    written_as_scheduler,
)
from revdiff.errors import RevdiffError
from revdiff.file_kinds import special_kind
from revdiff.file_names import name_text
from revdiff.model import SENTENCE_MODES
from revdiff.read_warnings import counted
from revdiff.stop_signals import (
    said_if_ended_at_once,
    sigterm_as_interrupt,
    stop_exit_code,
    stop_reason,
)

FORMATS = ("jsonl", "csv", "sqlite", "parquet", "html", "unified")
SUFFIX_FORMATS = {".jsonl": "jsonl", ".csv": "csv", ".sqlite": "sqlite", ".sqlite3": "sqlite",
                  ".db": "sqlite", ".parquet": "parquet", ".diff": "unified", ".patch": "unified"}
_SUFFIX_OF = {"jsonl": ".jsonl", "csv": ".csv", "sqlite": ".sqlite", "parquet": ".parquet",
              "unified": ".diff", "html": "/"}
# The formats that write their tables into an existing folder OUT (OUT/edits.EXT, ...).
_FOLDER_TABLE_FORMATS = ("jsonl", "csv", "parquet")

EXAMPLES = """\b
Examples:
  revdiff export samples/versions -o edits.csv
      edits.csv + edits.comparisons.csv
  revdiff export 'corpus/*/' -o news.sqlite --workers 4
      NewsEdits tables, 4 processes
  revdiff export pages/ -o report/ --format html
      one page per article + index.html
  revdiff export big/ -o out.parquet --scheduler tcp://10.0.0.5:8786
  revdiff export big/ -o out.parquet --resume
      continue an interrupted run
  revdiff export samples/versions -o - --format csv
      the edits table on stdout
"""

# Local worker processes (--workers, --dask) per CPU at most. A worker is a process with memory
# of its own (a Dask worker a nanny process too: 16 took 700 MB), and no more of them compare at
# once than there are CPUs: `--dask --workers 1024` on 2 CPUs asked for some 45 GB, and a billion
# workers set aside gigabytes for the pool's bookkeeping before doing anything.
WORKERS_PER_CPU = 32
# Local Dask workers (--dask) per CPU at most: a LocalCluster starts every worker, and a nanny
# process beside each, before the first article (the process pool starts its workers as the work
# needs them). On 2 CPUs shared with other jobs, exporting 9 pairs took 12 s on 2 Dask workers,
# 33 s on 8, and 64 failed after 7 to 12 minutes in Dask's own time-outs.
DASK_WORKERS_PER_CPU = 4
# A container's CPU quota (cgroup v2): `QUOTA PERIOD` in microseconds, or `max PERIOD` for none.
CGROUP_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")


def _usable_cpus() -> int:
    """The CPUs this process may run on (fewer than the machine's under `taskset`), and at most
    as many as a container's CPU quota allows."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    quota = _cpu_quota(CGROUP_CPU_MAX)
    return min(cpus, quota) if quota else cpus


def _cpu_quota(cpu_max: Path) -> int | None:
    """The CPUs the cgroup v2 quota in `cpu_max` allows, rounded up (`200000 100000`: 2,
    `150000 100000`: 2); None when no quota is set, or none can be read."""
    try:
        quota, period = map(int, cpu_max.read_text(encoding="ascii").split())
    except (OSError, ValueError):  # no such file (no cgroup v2), `max 100000`, something else
        return None
    return math.ceil(quota / period) if quota > 0 and period > 0 else None


class WorkerCount(click.ParamType):
    """--workers: a whole number of worker processes from 1 to `WORKERS_PER_CPU` per CPU (with
    --dask, fewer: `_check_dask_workers`); click's IntRange refused `--workers abc` as "not a
    valid integer range", which says nothing of workers."""

    name = "N"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> int:
        if isinstance(value, int):
            return value
        cpus = _usable_cpus()
        most = WORKERS_PER_CPU * cpus
        expected = (f"{_workers_expected(WORKERS_PER_CPU, cpus)}, or up to "
                    f"{DASK_WORKERS_PER_CPU * cpus} with --dask")
        try:
            count = int(value)
        except ValueError:
            self.fail(f"'{name_text(value)}' is not a whole number: {expected}", param, ctx)
        if count > most:
            self.fail(f"{count} workers are far more than the {counted(cpus, 'CPU')} here run at "
                      f"once, and each takes memory: {expected}", param, ctx)
        if count < 1:
            self.fail(f"{count} workers is out of range: {expected}", param, ctx)
        return count


def _workers_expected(per_cpu: int, cpus: int) -> str:
    """What --workers takes, at most `per_cpu` workers per CPU of the `cpus` here."""
    return (f"give a whole number of workers from 1 to {per_cpu * cpus} ({per_cpu} per CPU, "
            f"{counted(cpus, 'CPU')} here)")


def _check_dask_workers(workers: int, ctx: click.Context) -> None:
    """--dask --workers N: at most `DASK_WORKERS_PER_CPU` per CPU, refused above as
    `WorkerCount` refuses more than `WORKERS_PER_CPU` (which cannot tell, as it reads --workers,
    whether --dask follows)."""
    cpus = _usable_cpus()
    if workers > DASK_WORKERS_PER_CPU * cpus:
        param = next(param for param in ctx.command.params if param.name == "workers")
        raise click.BadParameter(
            f"{workers} Dask workers are too many for the {counted(cpus, 'CPU')} here: --dask "
            "starts each, with a process beside it, before any work; "
            f"{_workers_expected(DASK_WORKERS_PER_CPU, cpus)} with --dask, or up to "
            f"{WORKERS_PER_CPU * cpus} without it", ctx, param)


class OptionConflict(RevdiffError):
    """Command-line options that cannot be used together."""


def _refuse_an_address_as_input(inputs: tuple[str, ...], local_dask: bool) -> None:
    """An INPUT written as a Dask scheduler's address that names no file (`--dask
    tcp://HOST:8786`: --dask, a flag, takes no address) is refused before any work, where it was
    told to check the path, and --skip-errors skipped it and ran the export here instead of on
    that scheduler. Written without its protocol (HOST:PORT), it is taken for one beside --dask."""
    for raw in inputs:
        if (written_as_scheduler(raw, protocol_named=not local_dask)
                and not os.path.lexists(raw) and not glob.glob(raw)):
            address = shlex.quote(raw)
            raise OptionConflict(
                "names no file or folder, and is written as a Dask scheduler's address", raw,
                hint=(f"give it as --scheduler {address} in place of --dask, which starts a "
                      "local cluster and takes no address") if local_dask else
                f"to run on that scheduler, give it as --scheduler {address}")


def _check_folder_named(raw: str, chosen: str) -> None:
    """`-o DIR/` names a folder: refuse it when the folder does not exist (a file named DIR was
    written) or the format writes one file; the HTML report makes its folder."""
    if chosen == "html" or not raw.endswith(("/", os.sep)):
        return
    file_name = f"edits{_SUFFIX_OF[chosen]}"  # a name --format accepts: `-o edits.csv` for csv
    if chosen not in _FOLDER_TABLE_FORMATS:
        raise OptionConflict(f"-o ends with /, but {chosen} is written to one file", raw,
                             hint=f"name a file with -o, such as {file_name}")
    if not Path(raw).is_dir():
        raise OptionConflict("-o names a folder (it ends with /) that does not exist", raw,
                             hint=f"create the folder first, or name a file such as {file_name}")


def _refuse_an_option_as_output(raw: str, ctx: click.Context) -> None:
    """`-o --workers 2` takes `--workers` as the output's name (and `2` as an input): an output
    named as one of export's options (`--workers=2` too) is refused as that mistake, with the
    way to name such a file."""
    name = raw.partition("=")[0] if raw.startswith("--") else raw
    options = {opt for param in ctx.command.get_params(ctx) if isinstance(param, click.Option)
               for opt in (*param.opts, *param.secondary_opts)}
    if name in options:
        raise OptionConflict(f"-o took the option {name} as the output name", raw,
                             hint=f"give the output after -o, -o OUT {name} ...; or write -o "
                                  f"{shlex.quote('./' + raw)} for a file of that name")


def _pick_format(chosen: str | None, raw: str) -> str:
    """--format, else the format OUT's suffix names (a folder, `-o report/`, is the HTML report);
    a suffix that names another format than --format is refused (`-o news.csv --format jsonl`
    wrote JSON lines into news.csv)."""
    out = Path(raw)
    found = None if raw == "-" else SUFFIX_FORMATS.get(out.suffix.lower())
    if chosen and found and found != chosen:
        raise OptionConflict(f"-o ends in {out.suffix}, a {found} file, but --format is {chosen}",
                             str(out), hint=f"drop --format, or name the output {out.stem}"
                                            f"{_SUFFIX_OF[chosen]}")
    if chosen:
        return chosen
    if raw == "-":
        return "jsonl"
    if found is None and raw.endswith(("/", os.sep)):
        return "html"
    if found is None:
        _refuse_special_file(raw)
        if out.suffix.lower() in (".html", ".htm") and not os.path.lexists(raw):
            raise OptionConflict("the HTML report is a folder of pages (its index.html opens "
                                 "it), not one file", str(out),
                                 hint=f"name a folder, -o {shlex.quote(str(out.with_suffix('')) + os.sep)}, "
                                      "or add --format html to write the folder under this name")
        raise OptionConflict("cannot tell the export format from the output name", str(out),
                             hint=_format_hint(raw))
    return found


def _refuse_special_file(raw: str) -> None:
    """`-o /dev/null` without --format: no format makes a device, FIFO or socket an output, so say
    that rather than suggest a format or `-o /dev/null/`."""
    from revdiff.export.registry import STREAM_FORMATS

    try:
        mode = os.stat(raw).st_mode
    except OSError:  # not there yet (or unreachable): the export's own checks say more
        return
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise OptionConflict(f"the output is {special_kind(mode)}, not a file or folder", raw,
                             hint="choose a file or folder path with -o, or -o - to write "
                                  f"{', '.join(STREAM_FORMATS[:-1])} or {STREAM_FORMATS[-1]} "
                                  "to standard output")


def _format_hint(raw: str) -> str:
    """What to add to an OUT whose name gives no format, suggesting nothing that would replace
    what is there: an existing folder takes the tables, and the HTML report a new folder in it
    (`-o notes/` would replace the folder whole); a name with a suffix meant a file; a file's
    name takes --format alone; any other name may end with / for the HTML report."""
    hint = f"add --format with one of: {', '.join(FORMATS)}"
    if os.path.isdir(raw):
        report = os.path.join(raw, "report")
        new_folder = ("name a new folder for the HTML report" if os.path.lexists(report)
                      else f"name a new folder for the HTML report, -o "
                           f"{shlex.quote(report + os.sep)}")
        return (f"add --format with one of: {', '.join(_FOLDER_TABLE_FORMATS)} to write the "
                f"tables into the folder as edits.EXT and comparisons.EXT; or {new_folder}")
    if os.path.isfile(raw):
        return hint
    if Path(raw).suffix:
        suffixes = ", ".join(_SUFFIX_OF[name] for name in FORMATS if name != "html")
        return (f"{hint}; or name the output with a format's suffix: {suffixes}, or / for the "
                "HTML report's folder")
    return f"{hint}; or end the name with / for the HTML report, -o {shlex.quote(raw + '/')}"


@click.command(cls=RevdiffCommand, epilog=EXAMPLES)
@inputs_argument
@click.option("-o", "--output", "output", required=True, type=NamedPath(readable=False), metavar="OUT|-",
              help="Output file (folder for html). Table formats also write "
                   "NAME.comparisons.EXT, the per-pair summary (into an existing folder: "
                   "edits.EXT and comparisons.EXT). `-` writes the edits table "
                   "(jsonl, the default, or csv) or the unified diff to stdout.")
@click.option("--format", "export_format", type=click.Choice(FORMATS),
              help="Output format; by default taken from the output's suffix (html for a "
                   "name that ends in /, -o report/). parquet needs "
                   "revdiff[parquet].")
@click.option("--workers", type=WorkerCount(), default=1, metavar="N",
              show_default=True,
              help="Local worker processes (or LocalCluster workers with --dask), at most "
                   f"{WORKERS_PER_CPU} per CPU ({DASK_WORKERS_PER_CPU} with --dask, which "
                   "starts them all at once): each takes memory, and one per CPU runs at a "
                   "time. Not with --scheduler, whose cluster has its own workers.")
@click.option("--scheduler", metavar="ADDRESS", callback=check_scheduler,
              help="Run on the Dask distributed scheduler at this address: HOST:PORT, "
                   "tcp:// or ws:// (needs revdiff[dask]).")
@click.option("--dask", "local_dask", is_flag=True,
              help="Run on a Dask LocalCluster of --workers processes (needs revdiff[dask]); "
                   "it takes no address: an existing cluster's is given with --scheduler.")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted run of the same command without duplicating rows "
                   "(with nothing to resume, says so and exports from the start). Without "
                   "it, a rerun starts over and says how many finished articles it discards.")
@click.option("--sentences", type=click.Choice(SENTENCE_MODES), default="auto",
              show_default=True, help="Split paragraphs into sentences, or one per line.")
@click.option("--skip-errors", is_flag=True,
              help="Skip inputs and articles that cannot be read or exported (each reported "
                   "on stderr and counted in the summary) instead of stopping.")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress bar, summary or warnings on stderr (the HTML "
                   "report's pages keep theirs); an input or article --skip-errors skips is "
                   "still named.")
@export_max_size_option
@reports_errors
def export(inputs: tuple[str, ...], output: str, export_format: str | None, workers: int,
           scheduler: str | None, local_dask: bool, resume: bool, sentences: str,
           skip_errors: bool, quiet: bool, max_size: int) -> None:
    """Compare every consecutive version pair of every article and write tables or reports.

    INPUT is anything revdiff reads: files, globs, folders of version files, folders of such
    folders (one article each), git repositories, NewsEdits, NYTdiff and diffengine SQLite
    files, and folders of saved article pages.
    """
    from revdiff.cli.progress import (
        ProgressBar,
        closed_when_done,
        draws_on_stderr,
        export_progress,
        summary_lines,
    )
    from revdiff.export.driver import ExportJob, run_export
    from revdiff.export.registry import check_available

    if scheduler and local_dask:
        raise OptionConflict("--scheduler and --dask both choose a cluster",
                             hint="use --scheduler ADDRESS for an existing one, --dask for a "
                                  "local one")
    given_workers = click.get_current_context().get_parameter_source("workers")
    if scheduler and given_workers == ParameterSource.COMMANDLINE:
        raise OptionConflict("--workers sets local processes, but --scheduler runs on the "
                             "scheduler's workers", hint="drop --workers, and add workers to the "
                                                         "scheduler's cluster instead")
    if local_dask:
        _check_dask_workers(workers, click.get_current_context())
    _refuse_an_address_as_input(inputs, local_dask)
    _refuse_an_option_as_output(output, click.get_current_context())
    chosen = _pick_format(export_format, output)
    _check_folder_named(output, chosen)
    # a missing extra is told by the option that asked for its format, as --dask's and --scheduler's
    check_available(chosen, f"--format {chosen}" if export_format else f"-o {shlex.quote(output)}")
    job = ExportJob(tuple(inputs), Path(output), chosen, sentences=sentences, max_bytes=max_size,
                    skip_errors=skip_errors)
    # only `-o -` writes to stdout (the summary goes to stderr): a closed one is refused then,
    # before any input is read, and an export to a file runs without one
    stream = data_stream() if output == "-" else None
    # `-o -` on a terminal: the rows are the progress there, and a bar drawn between them
    # would run into the next row's line
    rows_on_terminal = output == "-" and stdout_is_terminal()
    bar = (ProgressBar(write_to_stderr)
           if not quiet and draws_on_stderr() and not rows_on_terminal else None)

    def note(text: str) -> None:
        line = f"revdiff: {message_text(text)}"
        if not bar:
            say(line)
            return
        # the bar's line is cleared for the note, not ended above it (its old counts would stay
        # on the screen, one stale bar a note), and drawn again below it at the next count;
        # held meanwhile, as the bar is redrawn from its own thread
        with bar.lock:
            bar.wipe()
            say(line)

    def ended_at_once() -> None:  # by a second SIGTERM
        if bar:
            bar.close()
        report_error(_ended_at_once(output))

    with (sigterm_as_interrupt(),  # `kill`, `timeout`, a batch scheduler: stop as on Ctrl-C
          said_if_ended_at_once(ended_at_once),
          closed_when_done(bar) if bar else contextlib.nullcontext(),  # `-o - | head`: wiped
          export_progress(bar) if bar else contextlib.nullcontext() as on_progress):
        progress = run_export(job, resume=resume, workers=workers, scheduler=scheduler,
                              local_dask=local_dask, stream=stream,
                              on_progress=on_progress, on_note=note, quiet=quiet)
    if not quiet:
        where = (f"scheduler {scheduler}" if scheduler else
                 counted(workers, "Dask worker") if local_dask else counted(workers, "worker"))
        try:  # the export is done: a stop now cuts the summary short, and the run ends as done
            with sigterm_as_interrupt():
                say("\n".join(summary_lines(progress, where, chosen)))
        except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (`sigterm_as_interrupt`)
            say(f"{past_the_echo(stop_exit_code(stop))}revdiff: {stop_reason(stop)} once the "
                "export was done; the rest of the summary is left out")


def _ended_at_once(output: str) -> RevdiffError:
    """What an export a second SIGTERM ends at once says, by what it leaves: the finished articles
    of its staging folder for --resume (as its last checkpoint has them), or nothing."""
    from revdiff.export.staging import staging_path

    what = "stopped by SIGTERM a second time, at once"
    if output == "-":  # the rows written to standard output are all it did
        return RevdiffError(what, "-", hint="run the same command again")
    if staging_path(Path(output)).exists():
        return RevdiffError(f"{what}; the articles finished by its last checkpoint are kept",
                            output, hint="run the same command with --resume to continue")
    return RevdiffError(f"{what}; nothing was written", output, hint="run the same command again")
