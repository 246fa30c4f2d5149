"""A run's dealings with its staging folder (`revdiff.export.staging`): the checkpoints that
journal its finished articles, the articles a resumed run skips and counts, the output an
interrupted run was putting in place, and the folder left at the end."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from revdiff.export.journal import JournalEntry
from revdiff.export.progress import ExportProgress
from revdiff.export.resume_checks import ResumeMismatch
from revdiff.export.run_errors import failure_reason, interrupted, unwritable
from revdiff.export.staging import Staging
from revdiff.export.tasks import ArticleTask
from revdiff.export.writers import ExportWriter, SkippedInput
from revdiff.stop_signals import stops_held
from revdiff.terminal_text import visible


def leave_staging(staging: Staging, published: bool) -> None:
    """Close the staging folder at the end of a run, removing it when the run published nothing
    and finished no article (`Staging.discard_if_empty`); an error there (a full disk) is left
    unsaid, as the run's own is the one to say."""
    with suppress(OSError):
        if not published:
            staging.discard_if_empty()
        staging.close()


def finish_publishing(staging: Staging, writer: ExportWriter, progress: ExportProgress,
                       on_progress: Callable[[ExportProgress], None] | None,
                       note: Callable[[str], None], out: Path) -> ExportProgress:
    """The interrupted run had written everything and was putting it in place: finish that. A
    stop before the output is in place keeps the finished articles for --resume, as a stop of
    any run does; one that comes after it ends no work, and the run ends as done."""
    published = False
    try:
        note("the interrupted run had finished; putting its output in place")
        count_resumed(staging, progress)
        progress.units_done = progress.units_total
        progress.outputs = writer.final_paths()
        staging.finish_publishing([out, *progress.outputs])
        published = True
        progress.finished = time.monotonic()
        if on_progress:
            on_progress(progress)
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (`revdiff.stop_signals`)
        if not published:
            staging.close()
            raise interrupted(stop, staging, out) from None
    except OSError as error:  # a folder it may not write, a full disk ...
        staging.close()
        raise unwritable(error, staging, out) from error
    return progress


def count_resumed(staging: Staging, progress: ExportProgress) -> None:
    """Count the articles the interrupted run finished: their pairs and rows, those it exported
    (not those it could not export, which its journal holds too: they are kept as skipped), and
    the input units done with the last of them (left at 0 where its journal does not say)."""
    for entry in staging.entries():
        if entry.units_done is not None:
            progress.units_done = progress.units_resumed = entry.units_done
        progress.pairs += entry.pairs
        progress.rows += entry.rows
        if entry.info.get("skipped"):  # an article the interrupted run could not export
            # named by its input, as the interrupted run named it (a journal of an earlier
            # revdiff keeps only the article's name)
            where = entry.info.get("where", entry.key)
            progress.skipped_inputs.append(SkippedInput(
                visible(where), failure_reason(entry.info["skipped"], entry.key, where),
                entry.index))
        else:
            progress.articles += 1
    progress.resumed_articles = progress.articles
    progress.resumed_pairs = progress.pairs


def checkpoint(writer: Any, staging: Staging, waiting: list[JournalEntry]) -> None:
    if not waiting:
        return
    # a stop between the journal's lines and their count reported and kept no finished article
    with stops_held():
        state = writer.checkpoint()
        entries = [replace(e, state=state if k == len(waiting) - 1 else {})
                   for k, e in enumerate(waiting)]
        staging.record(entries)
        waiting.clear()


def skip_done(tasks: Iterator[ArticleTask], done: int, last: JournalEntry | None
               ) -> Iterator[ArticleTask]:
    """Drop the articles an interrupted run finished, checking that they are the same ones."""
    for task in tasks:
        if task.index < done:
            if task.index == done - 1 and last is not None and task.ref.name != last.key:
                raise ResumeMismatch(
                    f"article {done - 1} is now '{task.ref.name}', the interrupted run had "
                    f"'{last.key}'", str(task.ref.name),
                    hint="the inputs changed; drop --resume to start over")
            continue
        yield task
