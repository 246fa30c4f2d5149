"""`revdiff store`: commit every version of the inputs' articles to a git repository."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import click

from revdiff.cli import RevdiffCommand, past_the_echo, report_error, say, write_to_stderr
from revdiff.cli.common import (
    NamedPath,
    corrections_option,
    inputs_argument,
    load_and_warn,
    reports_errors,
    store_max_size_option,
    warn,
)
from revdiff.cli.progress import ProgressBar, closed_when_done, draws_on_stderr, store_counts
from revdiff.errors import OutputFailed, StoreError, os_reason, stdout_open
from revdiff.safe_git import git_executable
from revdiff.stop_signals import (
    said_if_ended_at_once,
    sigterm_as_interrupt,
    sigterm_came,
    stop_exit_code,
    stop_reason,
)
from revdiff.store import SkipReason, StoreSummary
from revdiff.summary_layout import laid_out
from revdiff.terminal_text import visible

# Below this many commits a run is quick enough to need no progress bar.
PROGRESS_MIN_COMMITS = 200

# What to do about a version skipped with a warning.
REMEDIES = {
    SkipReason.CONFLICT: "the stored text stays; to keep both, store this input into another "
                         "repository",
    SkipReason.OUT_OF_ORDER: "git history cannot take a version before stored ones; to keep it, "
                             "store the versions oldest first into another repository",
}
# A flattened page read with its neighbours reads a version otherwise than read alone (its title
# row cut elsewhere, its unsure rows decided otherwise): its conflict need be no other text.
PAGES_CONFLICT_REMEDY = ("these pages read together read it otherwise than the pages it was "
                         "stored from; the stored reading stays; to store this one, store all "
                         "of the article's pages in one run into another repository")

# A conflict with a commit revdiff did not write, which took the number after the newest.
HAND_EDIT_CONFLICT_REMEDY = ("the stored text stays: version {number} is commit {commit} "
                             "'{subject}', which revdiff did not write (an edit by hand?); to "
                             "keep both, store this input into another repository")
# The most of a commit's subject a warning names.
SUBJECT_CHARS = 72


EXAMPLES = """\b
Examples:
  revdiff store samples/versions/*/ --repo news
      each version a commit; news made if missing
  revdiff store samples/versions/*/ --repo news
      again: 0 versions stored, all already are
  revdiff store samples/newsedits.sqlite --repo news
      more articles into the same store
  revdiff parse news --format text
      the stored articles read back
"""


@click.command(cls=RevdiffCommand, epilog=EXAMPLES)
@inputs_argument
@click.option("--repo", "repo_dir", required=True, metavar="DIR",
              type=NamedPath(path_type=Path, readable=False),
              help="The git repository to store into; created when missing, in a folder "
                   "that exists.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on a terminal's stderr, or not (default: on long "
                   "runs); a file or pipe gets none.")
@click.option("-q", "--quiet", is_flag=True,
              help="Leave out the warnings: how the input was read, and which versions were "
                   "not stored and why (the summary counts them).")
@corrections_option
@store_max_size_option
@reports_errors
def store(inputs: tuple[str, ...], repo_dir: Path, progress: bool | None, quiet: bool,
          corrections: str | None, max_size: int) -> None:
    """Store each version of each article as a git commit in the repository at --repo.

    The article's file is named after its URL; its source, URL, version number, title, time,
    metadata and the reader's warnings are kept in commit trailers, with a few more that
    docs/STORE.md names (How revdiff store writes a repository). A commit's author date is the
    version's time; a version without a time, or with one git cannot date (before 1970), gets
    the run's time, which `git log` shows, while reading the repository back gives the version
    the time it had, or none. Versions already stored are not added again; a
    version identical to the previous one, or a text stored twice before (a flip-flop), is
    skipped, and so is one whose number is stored with another text (a conflict) or that is
    older than the newest stored version (out of order), which gets a warning that says what to
    do; the summary counts each reason. No hook, file-system monitor, filter or signature
    program of the repository runs, nor a partial clone's fetch. Read the repository back with
    `revdiff parse DIR`.
    """
    git_executable()  # without git, GitPython cannot be imported: one line says so first
    stdout_open()  # the summary goes there: a closed one is refused before anything is stored
    # imported here, not with the module: it loads the readers, which completing a path and
    # `--help` do not need
    from revdiff.export.output_guard import goes_among_input_files
    from revdiff.formats.text_input import resolved
    from revdiff.store.opening import (
        is_the_repository_of,
        refuse_a_missing_parent_folder,
        refuse_a_path_that_takes_no_repository,
    )
    from revdiff.store.writer import (
        missing_or_empty,
        nothing_stored,
        stopped_before_storing,
        store_articles,
    )

    refuse_a_missing_parent_folder(repo_dir)  # (the repository is the one folder made)
    target = resolved(repo_dir)
    for name in inputs:
        if name == "-":
            continue
        source = resolved(Path(name))
        if target in (source, *source.parents) or is_the_repository_of(target, source):
            raise StoreError("the repository to store into is also an input (or holds one)",
                             str(repo_dir), hint="store into another repository with --repo")
        if goes_among_input_files(target, source):  # as `export -o` refuses
            raise StoreError(_what_would_become_of_it(source), str(repo_dir),
                             hint="store into a repository outside the inputs with --repo")
    refuse_a_path_that_takes_no_repository(repo_dir)  # before the inputs are read
    new = missing_or_empty(repo_dir)  # where storing makes the repository
    with sigterm_as_interrupt(), contextlib.ExitStack() as bars:  # `kill`, `timeout`: as Ctrl-C
        drawn_done: list[Callable[[], None]] = []  # the bar's last drawing, once the run is done
        drawn: list[ProgressBar] = []
        writing_began: list[bool] = []  # [True] once versions are being written

        def progress_bar(commits: int) -> Callable[[int], None]:
            writing_began.append(True)
            # as `export`'s, only where the line is redrawn: a file or pipe would get its `\r`s
            wanted = commits >= PROGRESS_MIN_COMMITS if progress is None else progress
            if not (wanted and draws_on_stderr()):
                return lambda steps: None
            bar = bars.enter_context(closed_when_done(ProgressBar(write_to_stderr)))
            drawn.append(bar)
            all_stored = store_counts(commits, commits)
            drawn_done.append(lambda: bar.show(commits, commits, all_stored[0], final=True,
                                               shorter=all_stored[1:]))
            done = 0

            def step(steps: int) -> None:
                nonlocal done
                done += steps
                # the branch is moved and the working tree written after the last one
                fullest, *shorter = store_counts(done, commits, finishing=done >= commits)
                bar.show(done, commits, fullest, final=done >= commits, shorter=shorter)

            return step

        def ended_at_once() -> None:  # by a second SIGTERM, as the stopped run puts away its work
            for bar in drawn:
                bar.close()
            if not writing_began:  # as it read the inputs or checked the repository
                made = new and not missing_or_empty(repo_dir)  # (not yet while the inputs are read)
                report_error(StoreError("stopped by SIGTERM a second time, at once; "
                                        + nothing_stored(made), str(repo_dir),
                                        hint="run the same command again to store the versions"))
                return
            first = "the Ctrl-C" if ctrl_c and not ctrl_c[0] else "the first"
            report_error(StoreError(
                f"stopped by SIGTERM a second time, at once, while the versions stored before "
                f"{first} were put on the branch and the working tree brought up to them",
                str(repo_dir), hint="run the same command again: it finishes that, then stores "
                                    "the rest"))

        # each Ctrl-C that came as the run stored, true where SIGTERM had stopped it before
        ctrl_c: list[bool] = []  # (`_ctrl_c_counted`)
        past_the_echo_after: list[int] = []  # how many had come as a line went past the `^C`

        def waiting(stop: KeyboardInterrupt, what: str) -> None:  # for git fast-import to end
            echo = past_the_echo(stop_exit_code(stop))  # past the `^C` after the bar, if any
            for bar in drawn:
                bar.close(line_end=not echo)
            say(f"{echo}revdiff: {what}")
            if echo:
                past_the_echo_after[:] = [len(ctrl_c)]

        with said_if_ended_at_once(ended_at_once):
            try:
                articles = load_and_warn(inputs, max_size, quiet, notice=progress is not False,
                                         corrections=corrections)
            except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (`sigterm_as_interrupt`)
                raise stopped_before_storing(stop, str(repo_dir)) from None
            try:
                with _ctrl_c_counted(ctrl_c):
                    summary = store_articles(articles, repo_dir, progress=progress_bar,
                                             waiting=waiting)
            except StoreError as stopped:  # its line follows the waiting line's, if said
                if past_the_echo_after != [len(ctrl_c)]:  # (a `^C` echoed since: past it)
                    raise
                report_error(stopped, after_a_line_past_the_echo=True)
                sys.exit(stopped.exit_code)
        for draw in drawn_done:
            draw()
    try:  # storing is done: a stop now cuts the report short, and the run ends as done
        with sigterm_as_interrupt():
            unwritten = _write_summary(summary)
            if not quiet:
                _warn_skipped(summary)
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (`sigterm_as_interrupt`)
        say(f"{past_the_echo(stop_exit_code(stop))}revdiff: {stop_reason(stop)} once storing "
            "was done; the rest of the summary and warnings is left out")
        return
    if unwritten is not None:
        raise unwritten


@contextlib.contextmanager
def _ctrl_c_counted(came: list[bool]) -> Iterator[None]:
    """Within: each Ctrl-C (SIGINT) is noted in `came`, with whether SIGTERM had stopped the run
    before it (`sigterm_came`), then handled as it was, for the line that ends the run to know
    whether the terminal echoed a `^C` since the line before it, and which stop came first."""
    previous = signal.getsignal(signal.SIGINT)
    if not callable(previous):  # (ignored, or not installed from Python: nothing to hand on)
        yield
        return

    def noted(number: int, frame: FrameType | None) -> None:
        came.append(sigterm_came())
        previous(number, frame)

    signal.signal(signal.SIGINT, noted)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _what_would_become_of_it(source: Path) -> str:
    """What the next read of the input folder `source` would do with the repository put in it:
    `parse` or `store` reads the folder's files and leaves it out with a warning; `export` reads
    a folder that holds folders as a corpus, the repository's articles where the files were read
    (unless the folder held folders already, or cannot be listed)."""
    from revdiff.formats.folders import folder_entries

    try:
        files_read = not any(entry.is_dir() for entry in folder_entries(source))
    except OSError:
        files_read = False
    return ("the repository would go among the files of an input folder, whose next read would "
            "leave it out with a warning, and whose next export would read the articles stored "
            "in it" + (", not the version files" if files_read else ""))


def _warn_skipped(summary: StoreSummary) -> None:
    """A warning for each version skipped for a reason the user may act on, with what to do.
    It names the article's file as `parse` names a file of a repository: `REPO:FILE`."""
    for skipped in summary.skipped:
        if skipped.reason in REMEDIES:
            remedy = PAGES_CONFLICT_REMEDY if skipped.reason == SkipReason.CONFLICT \
                and skipped.read_from_pages else REMEDIES[skipped.reason]
            if skipped.taken_by is not None:
                commit, subject = skipped.taken_by
                remedy = HAND_EDIT_CONFLICT_REMEDY.format(
                    number=skipped.number, commit=commit, subject=visible(_shortened(subject)))
            where = f"{summary.repository}:{skipped.path}"
            warn(f"{visible(where)}: version {skipped.number} not stored: "
                 f"{skipped.reason.explanation}; {remedy}")


def _shortened(subject: str) -> str:
    return subject if len(subject) <= SUBJECT_CHARS else subject[:SUBJECT_CHARS - 1] + "…"


def _write_summary(summary: StoreSummary) -> OutputFailed | None:
    """Write the run's summary to stdout, in lines that fit 80 columns as `export`'s summary
    does (`laid_out`), its names escaped before they are measured; when it cannot be written (a
    full disk), the error to end the run with, which says that the run is done all the same, and
    what it did."""
    lines = laid_out([[visible(part) for part in group] for group in summary.parts()])
    try:
        click.echo("\n".join(lines))
    except BrokenPipeError:  # a closed pipe ends a command quietly
        raise
    except OSError as error:
        return OutputFailed(f"the run is done, but its summary cannot be written to standard "
                            f"output ({os_reason(error)}): {summary.describe()}",
                            hint="nothing to run again; to see the summary next time, free some "
                                 "space or send the output elsewhere")
    return None
