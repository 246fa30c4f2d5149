"""The executor that runs an export's comparisons (this process, local worker processes, or a Dask
cluster): opened as the run asks and closed with it, and fed the chunks of tasks, their results
coming back in order."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from types import TracebackType

from revdiff.export.dask_executor import DaskExecutor
from revdiff.export.job import ExportJob
from revdiff.export.ordered_map import Executor, SerialExecutor, ordered_map
from revdiff.export.process_pool import ProcessExecutor
from revdiff.export.progress import as_warning
from revdiff.export.tasks import ArticleResult, ArticleTask, chunked, handed_out, process_chunk
from revdiff.export.worker_loss import InFlight
from revdiff.stop_signals import stops_held

# Chunks in flight per worker: enough to keep workers busy while the driver writes.
IN_FLIGHT_PER_WORKER = 4


@contextmanager
def open_executor(workers: int, scheduler: str | None, local_dask: bool,
                  note: Callable[[str], None]) -> Iterator[Executor]:
    """The executor that `workers`, `scheduler` and `local_dask` ask for, open for the block: closed
    as it ends, without waiting for the chunks still running when it raised (a stop, a failure).

    A local executor is made and set to close with Ctrl-C and SIGTERM held (as they are while the
    local cluster starts), so that a stop as it is made, however late, closes it too: one that came
    between its making and the block that closes it left it open; a second SIGTERM ends the run at
    once, its workers with it (nothing is written yet). A `scheduler`'s executor is made
    with them acted on, as waiting for a worker may take for ever: `DaskExecutor.connect` sets what
    it opens to close with the block as it is made. An OSError in closing it is a warning to
    `note` (`_ExecutorClosing`).
    """
    with _ExecutorClosing(note) as closing:
        if scheduler:
            executor: Executor = DaskExecutor.connect(scheduler, closing, on_note=note)
        else:
            # a local Dask cluster takes seconds to start: a second SIGTERM ends the run at once
            with stops_held(second_sigterm_at_once=True):
                executor = _new_local_executor(workers, local_dask)
                closing.push(lambda raised, *_: executor.close(abandon=raised is not None))
        yield executor


class _ExecutorClosing(ExitStack):
    """The steps that close an executor, an OSError of which (a Dask client closed once its
    scheduler is gone) is told to `note` in one line: the run's result, its output written or its
    own error, stands. It ended a finished export in a traceback."""

    def __init__(self, note: Callable[[str], None]) -> None:
        super().__init__()
        self.note = note

    def __exit__(self, kind: type[BaseException] | None, raised: BaseException | None,
                 trace: TracebackType | None) -> bool | None:
        try:
            return super().__exit__(kind, raised, trace)
        except OSError as error:
            if error is raised:  # the run's own, which the steps let through
                raise
            self.note(as_warning(f"closing the workers failed: {' '.join(str(error).split())} "
                                  "(the export is not affected)"))
            return False  # the run's own error, if any, goes on


def _new_local_executor(workers: int, local_dask: bool) -> Executor:
    if local_dask:
        return DaskExecutor.local(workers)
    if workers > 1:
        return ProcessExecutor(workers)
    return SerialExecutor()


def chunk_results(executor: Executor, tasks: Iterator[ArticleTask], job: ExportJob,
                   in_flight: InFlight) -> Iterator[list[ArticleResult]]:
    """The results of each chunk of `tasks`, in order, as the workers give them back (each
    article noted in `in_flight` while a worker has it)."""
    for _, results in ordered_map(executor, process_chunk, handed_out(chunked(tasks), in_flight),
                                  job.format, job.sentences, in_flight=_in_flight(executor)):
        for result in results:
            if result.part is None or result.part.last:
                in_flight.back(result.index)
        yield results


def _in_flight(executor: Executor) -> int:
    """How many chunks to keep submitted: ahead of the workers in a pool, one in this process
    (it runs at submission, so more would hold back progress and checkpoints for nothing)."""
    return 1 if isinstance(executor, SerialExecutor) else max(2, IN_FLIGHT_PER_WORKER * executor.workers)
