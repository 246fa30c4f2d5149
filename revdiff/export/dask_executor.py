"""Dask (`--dask`, `--scheduler`): the executor that runs each item as a task of a
dask.distributed client, of a local cluster or of an existing scheduler, and reads its result
back, telling a lost worker or scheduler in one line."""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from concurrent.futures import wait as wait_futures
from contextlib import ExitStack
from typing import Any, Generic, TypeVar

from revdiff.export.dask_cluster import (
    NO_LOG_RECORD,
    cluster_folder,
    interrupts_kept_from_new_processes,
    interrupts_left_to_the_driver,
    start_local_cluster,
)
from revdiff.export.dask_scheduler import (
    SCHEDULER_HINT,
    NotDask,
    SchedulerProblem,
    check_it_speaks_dask,
    check_something_listens,
    check_workers_run_this_revdiff,
    dask_version_warning_left_out,
    install_hint,
    note_other_dask_versions,
    revdiff_version,
    wait_for_a_worker,
    without_dask_comm,
)
from revdiff.export.extras import require_distributed
from revdiff.export.ordered_map import Pending
from revdiff.export.worker_loss import FEWER_WORKERS, SYSTEM_LOG, WorkerLost
from revdiff.stop_signals import stops_held

R = TypeVar("R")

# Why Dask cancels every task of a client that lost its connection to the scheduler.
SCHEDULER_LOST = "scheduler-connection-lost"
# How long a driver waits for a worker of a `--scheduler` that has none before it says so.
NO_WORKER_NOTICE_SECONDS = 10.0
# How long a local cluster (`--dask`) may have no worker, its nannies failing to start one again,
# before the run ends with `WorkerLost`: a worker that died is replaced within seconds.
LOCAL_RESTART_SECONDS = 30.0
# How often a driver waiting for a Dask result asks the scheduler whether it has a worker left.
WORKER_LOOK_SECONDS = 1.0
# How long closing a Dask client waits for the fetches of results it released to end.
FETCH_END_SECONDS = 5.0


class WorkerVersionMismatch(Exception):
    """A Dask worker runs another version of revdiff than the driver."""


def _run_on_this_revdiff(version: str, fn: Callable[..., R], *args: Any) -> R:
    """Run `fn(*args)` on a Dask worker if it runs revdiff `version`: a worker that joined the
    scheduler after `check_workers_run_this_revdiff` was not checked."""
    here = revdiff_version()
    if here != version:
        raise WorkerVersionMismatch(f"a Dask worker runs revdiff {here}, not {version}")
    return fn(*args)


def _task_runner() -> Callable[[str, bytes], Any]:
    """The function each Dask task runs: `_run_on_this_revdiff` on the pickled `(fn, args)`.

    A task that names revdiff's functions or objects cannot even be read by a worker without
    revdiff, which then drops its connection and stops: the scheduler was left without a worker
    and the export waited for ever, without a word. This function is made here so that Dask
    sends it by value (it names nothing of revdiff's), with the work as bytes it reads once it
    has imported revdiff: a worker without revdiff fails the task with an ImportError instead.
    """
    def run_if_revdiff_imports(version: str, work: bytes) -> Any:
        from distributed.protocol import pickle

        try:
            from revdiff.export.dask_executor import _run_on_this_revdiff
        except ImportError as error:
            raise ImportError(f"a Dask worker cannot import revdiff ({error})") from None
        fn, args = pickle.loads(work)
        return _run_on_this_revdiff(version, fn, *args)

    return run_if_revdiff_imports


class _DaskPending(Generic[R]):
    """A Dask future whose `result()` raises `WorkerLost` when workers died running its task
    as often as the scheduler allows (`distributed.scheduler.allowed-failures`), when its worker
    runs another version of revdiff or none (one that joined after the check), when the
    scheduler cancelled it (most often because the client lost its connection to the scheduler),
    or when the connection was lost while its result was fetched; a worker that dies once is
    replaced, and its tasks run again elsewhere. While it waits, it has its `executor`, when
    given, tell when the scheduler has no worker left (`DaskExecutor.note_if_workerless`)."""

    def __init__(self, future: Any, advice: str, executor: DaskExecutor | None = None) -> None:
        self.future = future
        self.advice = advice
        self.executor = executor

    def result(self) -> R:
        from distributed import KilledWorker  # a Dask future's: dask.distributed is installed
        from distributed.comm import CommClosedError

        try:
            return self._awaited()
        except (WorkerVersionMismatch, ImportError) as mismatch:
            raise WorkerLost(" ".join(str(mismatch).split()), advice=install_hint()) from None
        except KilledWorker as killed:
            tries = getattr(killed, "allowed_failures", 0) + 1
            raise WorkerLost(f"{tries} Dask workers died in turn running the same articles",
                             advice=self.advice) from None
        except CancelledError as cancelled:
            reason = getattr(cancelled, "reason", "unknown")
            if reason == SCHEDULER_LOST:
                raise _scheduler_lost() from None
            raise WorkerLost(f"the Dask scheduler cancelled the work ({reason})",
                             advice=self.advice) from None
        except CommClosedError:  # as the result was fetched
            raise _scheduler_lost() from None

    def _awaited(self) -> R:
        if self.executor is None:
            return self.future.result()  # type: ignore[no-any-return]
        fetching = self.executor.fetch(self.future)
        while True:
            try:
                return fetching.result(  # type: ignore[no-any-return]
                    timeout=WORKER_LOOK_SECONDS)
            except TimeoutError:
                if fetching.done():  # the task's own TimeoutError
                    raise
                self.executor.note_if_workerless()


def _scheduler_lost() -> WorkerLost:
    return WorkerLost("the connection to the Dask scheduler was lost",
                      advice="check that the scheduler is running")


def _notice_after(seconds: float | None) -> float:
    """`seconds`, or `NO_WORKER_NOTICE_SECONDS` as it is now when None: a default bound in
    a signature kept the value the constant had when the module was imported."""
    return NO_WORKER_NOTICE_SECONDS if seconds is None else seconds


class DaskExecutor:
    """A dask.distributed client: an existing scheduler (`--scheduler`) or a LocalCluster.

    `cleanup` holds the steps that closing it takes (closing the client and the cluster,
    removing the cluster's folder, made for it alone, ending the silence of Dask's log lines),
    each set on it as what it undoes is made; `close` runs every one, even after one failed. A
    client given without `cleanup` is left open, for its owner to close. `on_note`, when given,
    is told when the scheduler at `address` has had no worker for `notice_after` seconds while a
    result is awaited (`note_if_workerless`; `NO_WORKER_NOTICE_SECONDS` when None).
    """

    def __init__(self, client: Any, cluster: Any = None,
                 cleanup: ExitStack | None = None, address: str = "",
                 on_note: Callable[[str], None] | None = None,
                 notice_after: float | None = None) -> None:
        self.client = client
        self.cluster = cluster
        self.cleanup = cleanup or ExitStack()
        self.address = address
        self.on_note = on_note
        self.notice_after = _notice_after(notice_after)
        self._told_workerless = False
        self._workerless_since: float | None = None
        self._fetching: dict[Future[Any], Any] = {}  # each fetch (`fetch`), with its Dask future
        self.version = revdiff_version()  # each task checks that its worker runs it
        self.runner = _task_runner()
        from distributed.protocol import pickle

        self.pickle = pickle
        workers = len(client.scheduler_info().get("workers", {}))
        threads = sum(client.nthreads().values()) if workers else 1
        self.workers = max(1, threads)

    @classmethod
    def connect(cls, address: str, closing: ExitStack, timeout: float = 10.0,
                on_note: Callable[[str], None] | None = None,
                notice_after: float | None = None) -> DaskExecutor:
        """A client of the scheduler at `address` whose Dask log lines in this process are
        silenced while it is open (as `local` silences its cluster's): a lost connection to the
        scheduler logged a traceback, and a worker that died a warning, beside revdiff's line.
        It returns once the scheduler has a worker, telling `on_note` when that takes long.

        What it opens is set to close with `closing`, the caller's, as it is made, so that a
        failure or a stop at any point (as it waits for a worker, or as it returns) closes it;
        closing the executor closes it too. Ctrl-C and SIGTERM are held only while the client is
        made (at most `timeout`) and set to close: one that came then left the client open. A
        second SIGTERM then ends the run at once (nothing is written yet).
        """
        distributed = require_distributed("--scheduler")
        from distributed.utils import silence_logging_cmgr

        notice_after = _notice_after(notice_after)

        cleanup = closing.enter_context(ExitStack())
        cleanup.enter_context(silence_logging_cmgr(NO_LOG_RECORD))
        try:
            check_something_listens(distributed, address, timeout)
            check_it_speaks_dask(distributed, address, timeout)
            with (stops_held(second_sigterm_at_once=True),  # (a second SIGTERM: at once)
                  dask_version_warning_left_out(distributed)):
                client = distributed.Client(address, timeout=timeout)
                cleanup.callback(client.close)
        except (OSError, TimeoutError, ValueError, TypeError, NotDask) as error:
            raise SchedulerProblem(f"cannot reach the Dask scheduler: {error}", address,
                                   hint=SCHEDULER_HINT) from error
        note = on_note or (lambda text: None)
        wait_for_a_worker(client, address, notice_after, note)
        check_workers_run_this_revdiff(client, address)
        note_other_dask_versions(distributed, client, address, note)
        try:
            return cls(client, cleanup=cleanup, address=address, on_note=on_note,
                       notice_after=notice_after)
        except OSError as error:  # the scheduler stopped as its workers were counted
            raise SchedulerProblem(f"lost the Dask scheduler while counting its workers: "
                                   f"{without_dask_comm(error)}", address,
                                   hint="check that the scheduler is running, then run the "
                                        "command again") from None

    @classmethod
    def local(cls, workers: int) -> DaskExecutor:
        """A LocalCluster of `workers` single-threaded processes that writes no log lines.

        Dask logs what it does about a dead worker ("Restarting worker", "Removing worker ...",
        "marked as failed because 4 workers died") on stderr, in the driver (scheduler, nannies)
        and in the workers. `silence_logs` sets Dask's log handlers in all of them to a level no
        record reaches while the cluster runs: a worker replaced once needs no word, and workers
        that died too often reach the user as `WorkerLost`, in revdiff's one line.

        The scheduler and workers keep their files in a folder made for the cluster (in Dask's
        `temporary-directory`, else the system's), removed when it is closed: Dask's own,
        `dask-scratch-space` there, was left behind with its lock files.
        """
        distributed = require_distributed("--dask")
        import dask.config

        with ExitStack() as started:  # closed again if the start-up fails or is interrupted
            cleanup = started.enter_context(ExitStack())
            scratch = cluster_folder(dask.config.get("temporary-directory", None))
            cleanup.callback(shutil.rmtree, scratch, ignore_errors=True)
            with interrupts_kept_from_new_processes():
                cluster = start_local_cluster(distributed, workers, scratch)
                cleanup.callback(cluster.close)
                client = distributed.Client(cluster)
                cleanup.callback(client.close)
                client.register_plugin(interrupts_left_to_the_driver(distributed))
            executor = cls(client, cluster=cluster, cleanup=cleanup)
            started.pop_all()
        return executor

    def submit(self, fn: Callable[..., R], *args: Any) -> Pending[R]:
        advice = FEWER_WORKERS if self.cluster is not None else "the Dask workers' logs say why"
        work = self.pickle.dumps((fn, args))  # as Dask pickles a task's function and arguments
        future = self.client.submit(self.runner, self.version, work, pure=False)
        return _DaskPending(future, advice, self)

    def fetch(self, future: Any) -> Future[Any]:
        """The result of Dask `future`, fetched on the client's event loop until it comes or
        fails, however often the caller stops waiting for it.

        A `future.result(timeout)` that timed out as Dask fetched a result that was lost with its
        worker (and waited for the task to run again) left Dask's inner task that waited for it
        unretrieved: once the client closed, it failed, and asyncio printed its `AllExit`
        traceback after revdiff's line. Waiting on this fetch stops no task of Dask's; `close`
        lets those still running end before the client closes."""
        fetching = asyncio.run_coroutine_threadsafe(
            self.client.gather(future, asynchronous=True), self.client.loop.asyncio_loop)
        self._fetching[fetching] = future
        fetching.add_done_callback(lambda done: self._fetching.pop(done, None))
        return fetching

    def _end_fetching(self) -> None:
        """Release the Dask futures whose results are still being fetched (a run that stops
        reads none of them), and wait a moment for their fetches to end with them. A release hands
        the client's event loop its work: once that loop is closed (the client shut down), it
        raises RuntimeError, and nothing is left to fetch or to wait for."""
        fetching = dict(self._fetching)
        try:
            for future in fetching.values():
                future.release()
        except RuntimeError:
            return
        wait_futures(fetching, timeout=FETCH_END_SECONDS)

    def note_if_workerless(self) -> None:
        """Look whether the scheduler has a worker left (the driver looks every
        `WORKER_LOOK_SECONDS` while it waits for a result), and count how long it has had none
        from the first look that found none. A local cluster (`--dask`) whose nannies have
        started no worker again for `LOCAL_RESTART_SECONDS` is a `WorkerLost`: nothing else
        would bring one, and the run waited for ever without a word. A scheduler without a
        worker for `notice_after` seconds is told to `on_note`, once until one comes back: the
        run waits on for one (a cluster may add workers on demand), and without a word it
        seemed to hang, its progress bar standing still."""
        if self.on_note is None and self.cluster is None:
            return
        try:
            workers = self.client.nthreads()
        except OSError:  # the scheduler is gone: the result says so
            return
        if workers:
            self._told_workerless = False
            self._workerless_since = None
            return
        now = time.monotonic()
        if self._workerless_since is None:
            self._workerless_since = now
        workerless_for = now - self._workerless_since
        if self.cluster is not None:
            if workerless_for >= LOCAL_RESTART_SECONDS:
                raise WorkerLost(f"every worker of the local Dask cluster died, and none started "
                                 f"again within {LOCAL_RESTART_SECONDS:.0f} s",
                                 advice=SYSTEM_LOG)
        elif (self.on_note is not None and not self._told_workerless
              and workerless_for >= self.notice_after):
            self._told_workerless = True
            self.on_note(f"the Dask scheduler at {self.address} has no worker left: waiting "
                         f"for one (start one with `dask worker {self.address}`, or stop with "
                         "Ctrl-C)")

    def close(self, abandon: bool = False) -> None:
        # closing the client lets the scheduler drop its tasks, abandoned or not
        try:
            self._end_fetching()
        finally:
            self.cleanup.close()
