"""The local Dask cluster (`--dask`): its folder, its start-up without log lines, and Ctrl-C
kept from its processes, left to the driver."""

from __future__ import annotations

import logging
import multiprocessing.resource_tracker
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from revdiff.errors import WORKER_LOST_EXIT, RevdiffError, temporary_folder_failure
from revdiff.stop_signals import stops_held

# A log level above every record's (CRITICAL is the highest): a handler set to it prints nothing.
NO_LOG_RECORD = logging.CRITICAL + 1


class LocalClusterStartFailed(RevdiffError):
    """The local Dask cluster (`--dask`) failed to start: a worker process that died as it
    started, a scheduler that could not, a port in use. Nothing is written: the run may be
    tried again, with the exit code of a lost worker."""

    exit_code = WORKER_LOST_EXIT


@contextmanager
def interrupts_kept_from_new_processes() -> Iterator[None]:
    """Within: Ctrl-C (SIGINT) reaches none of the threads started, nor the processes they start,
    and here Ctrl-C and SIGTERM wait for the end of the block, then act as they would have
    (`stops_held`).

    Ctrl-C reaches every process of the terminal's foreground group, and each Dask worker it
    reached printed KeyboardInterrupt's traceback. SIGINT is blocked in this thread, and a signal
    mask outlives the start of a thread, fork and exec: the threads started within (Dask's event
    loop and those that start its workers), the processes they start, whenever they start them,
    and those processes' threads keep it blocked. Here a blocked SIGINT stays pending and arrives
    as the block ends; a thread started before the block (the progress bar's) may take it
    meanwhile, and `stops_held` notes it. (It was ignored instead: one that came was lost.)
    Python's resource tracker unblocks SIGINT in the thread that starts it: it is started first.
    SIGTERM is held, not blocked: Dask's nannies stop their workers with it. (It raised
    `Terminated` inside Dask's start-up, whose cleanup catches only Exception: a cluster cut
    half-started was left unclosed.)
    """
    multiprocessing.resource_tracker.ensure_running()
    with stops_held((signal.SIGINT, signal.SIGTERM)):
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a SIGINT held back arrives now


def interrupts_left_to_the_driver(distributed: Any) -> Any:
    """A Dask worker plugin that makes each worker ignore SIGINT (Ctrl-C), as the process pool's
    `_start_worker` makes its workers ignore it, whichever thread Dask started it from."""

    class InterruptsLeftToTheDriver(distributed.WorkerPlugin):  # type: ignore[misc]
        idempotent = True

        def setup(self, worker: Any) -> None:
            signal.signal(signal.SIGINT, signal.SIG_IGN)

    return InterruptsLeftToTheDriver()


def start_local_cluster(distributed: Any, workers: int, scratch: str) -> Any:
    """A LocalCluster of `workers` single-threaded processes that keeps its files in `scratch`
    and writes no log lines. Its start-up failing (a worker process that died as it started: a
    `sitecustomize` that ends it, too little memory; a scheduler that could not start; a port
    in use) is `LocalClusterStartFailed`, whatever Dask's words for it: Dask closes what it had
    started, and `RuntimeError: Nanny failed to start.` or an OSError ended the run in a
    traceback, with exit code 1."""
    try:
        # the scheduler's HTTP server (its health and metrics pages) starts without a dashboard
        # too, on Dask's port 8787: when another cluster or run held it, Dask warned of it in
        # four lines; any free port of this machine does
        return distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None,
                                        scheduler_kwargs={"dashboard_address": "127.0.0.1:0",
                                                          "local_directory": scratch},
                                        local_directory=scratch, silence_logs=NO_LOG_RECORD)
    except (RuntimeError, OSError) as error:  # OSError: TimeoutError too
        reason = " ".join(str(error).split()).rstrip(".") or type(error).__name__
        raise LocalClusterStartFailed(f"the local Dask cluster failed to start ({reason}); "
                                      "nothing was written",
                                      hint="check that `python -c 'import revdiff'` runs here, "
                                           "then run the command again, or run it without "
                                           "--dask") from None


def cluster_folder(parent: str | None) -> str:
    """A new folder for a local cluster's files in `parent`, Dask's `temporary-directory` (the
    system's temporary folder when None). Such a setting that names no folder one can write in,
    or a system's temporary folder one cannot, was told as `cannot read or write this file`,
    naming the folder revdiff was making. Either is a setting to fix, told as a `RevdiffError`
    (exit code 2): not `LocalClusterStartFailed`, whose exit code says to try again."""
    try:
        return tempfile.mkdtemp(prefix="revdiff-dask-", dir=parent)
    except OSError as error:
        if parent is None:
            raise temporary_folder_failure(error, "the local Dask cluster's folder") from None
        raise RevdiffError(f"cannot make the local Dask cluster's folder in Dask's "
                           f"temporary-directory: {error.strerror or error}", parent,
                           hint="make that folder, or set DASK_TEMPORARY_DIRECTORY (or "
                                "temporary-directory in Dask's settings) to one you may "
                                "write in") from None
