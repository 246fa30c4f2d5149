"""Local worker processes (`--workers N`): a process pool whose workers leave Ctrl-C and SIGTERM
to the driver, end with it, and whose death ends the run with `WorkerLost`, naming the item the
dead worker was on."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import multiprocessing.forkserver
import multiprocessing.resource_tracker
import os
import select
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

from revdiff.export.ordered_map import Pending
from revdiff.export.worker_loss import (
    FEWER_WORKERS,
    SYSTEM_LOG,
    WorkBoard,
    WorkerLost,
    how_it_ended,
    join_board,
)

R = TypeVar("R")

# How often a driver waiting for a result looks whether a worker process died.
WATCH_SECONDS = 0.5
# How long a broken pool's driver waits to learn which of its workers died, and how.
DEATH_NOTICE_SECONDS = 5.0
# The exit code multiprocessing gives a process whose end it could not learn (its forkserver died).
_EXIT_UNKNOWN = 255


_abandon_event: Any = None  # in a worker process: set when the driver abandons the run


def abandoned() -> bool:
    """Whether this worker's driver has abandoned the run (interrupted, or failed), so that its
    results will not be read: long work checks this and stops early. False in the driver."""
    return _abandon_event is not None and bool(_abandon_event.is_set())


def _start_worker(driver: int, abandon: Any, board: WorkBoard) -> None:
    """Set up a worker process: it ends as soon as the driver (process `driver`) or the process
    that started it (the forkserver) ends, `abandoned()` reads the driver's `abandon` event, and
    `working_on` writes in `board`.

    Workers leave Ctrl-C and SIGTERM (which `timeout` and batch schedulers send to every process
    of the run) to the driver, which stops submitting, sets `abandon` and shuts the pool down; a
    worker killed mid-task by either would leave the pool broken and hanging. A driver killed
    outright (SIGKILL, or SIGTERM outside `revdiff.stop_signals`) cannot shut the pool down, so
    each worker watches it. A forkserver killed (it is the driver's child, as the workers are
    not) leaves the pool unable to learn its workers' end or to kill them, taking them for dead:
    they went on, one blocked writing a result nobody read, and the run hung. So each watches
    the forkserver too.
    """
    global _abandon_event
    _abandon_event = abandon
    join_board(board, os.getpid())
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=({driver, os.getppid()},),
                     name="revdiff-driver-watch", daemon=True).start()


def _exit_with(processes: set[int]) -> None:
    """Wait for any of `processes` to end, then end this process at once."""
    try:
        handles = [os.pidfd_open(process) for process in processes]
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):  # no pidfd (not Linux, or an old kernel): poll
        while True:
            time.sleep(0.5)
            for process in processes:
                try:
                    os.kill(process, 0)
                except ProcessLookupError:
                    os._exit(1)
                except PermissionError:
                    pass
    select.select(handles, [], [])
    os._exit(1)


def _start_forkserver_deaf_to_sigterm() -> None:
    """Start this process's forkserver, if it is not running, with SIGTERM blocked.

    A signal mask outlives fork and exec, so the forkserver and every worker it forks keep
    SIGTERM blocked from their first instruction: a SIGTERM sent to the whole run cannot kill
    them before `_start_worker` ignores it (a forkserver killed so breaks the pool as a worker
    does). Python's resource tracker starts itself the same way, and unblocks SIGTERM when it
    has: it is started first, so that the forkserver starting it finds it running.
    """
    multiprocessing.resource_tracker.ensure_running()
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a SIGTERM held back arrives now


class _PoolPending(Generic[R]):
    """A pool's future whose `result()` raises `WorkerLost` when a worker died.

    The pool notices a dead worker, unless the worker died while writing a result: the pool
    then waits for the rest of it, for ever. So the driver watches its workers too.
    """

    def __init__(self, executor: ProcessExecutor, future: Future[R]) -> None:
        self.executor = executor
        self.future = future

    def result(self) -> R:
        while True:
            try:
                return self.future.result(timeout=WATCH_SECONDS)
            except TimeoutError:
                if self.executor.worker_died():
                    raise self.executor.lost() from None
            except BrokenProcessPool:
                raise self.executor.lost() from None


class ProcessExecutor:
    """Local worker processes (`--workers N`), started with forkserver where available.

    A worker that dies breaks Python's pool, which then ends the others with SIGTERM and waits
    for them: they leave SIGTERM to the driver, and one may be blocked writing a result nobody
    reads, so the pool waited for ever. They are killed instead, and `WorkerLost` says which
    worker died, how, and what it was on. The pool's workers, their exit codes and its result
    pipe are reached through its private attributes (`_processes`, `_result_queue`): Python
    offers no other way to them.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        methods = multiprocessing.get_all_start_methods()
        self.forkserver = "forkserver" in methods
        if self.forkserver:
            _start_forkserver_deaf_to_sigterm()
        context = multiprocessing.get_context("forkserver" if self.forkserver else "spawn")
        # Stopping a running task by killing its process can leave the pool's queue feeder
        # blocked on a pipe nobody reads, and the driver hanging; an abandoned run is told instead
        self.abandon_event = context.Event()
        self.board = WorkBoard(context, workers)
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                        initializer=_start_worker,
                                        initargs=(os.getpid(), self.abandon_event, self.board))
        self._loss: WorkerLost | None = None

    def submit(self, fn: Callable[..., R], *args: Any) -> Pending[R]:
        try:
            return _PoolPending(self, self.pool.submit(fn, *args))
        except BrokenProcessPool:
            raise self.lost() from None

    def worker_died(self) -> bool:
        """Whether a worker process has ended: before the pool is shut down, none ends alive."""
        sentinels = [worker.sentinel for worker in self._workers()]
        return bool(multiprocessing.connection.wait(sentinels, timeout=0))

    def lost(self) -> WorkerLost:
        """Once a worker died: which, how and on what, after every other one has ended."""
        if self._loss is None:
            self._loss = self._end_pool_without_it()
        return self._loss

    def _workers(self) -> list[multiprocessing.process.BaseProcess]:
        return list((self.pool._processes or {}).values())

    def _end_pool_without_it(self) -> WorkerLost:
        workers = self._workers()
        ended = multiprocessing.connection.wait([worker.sentinel for worker in workers],
                                                timeout=DEATH_NOTICE_SECONDS)
        dead = [worker for worker in workers if worker.sentinel in ended]
        for worker in workers:  # the dead too: a forkserver that died left its workers running
            worker.kill()
        # With every worker gone, a result one of them left half-written ends once this process
        # closes its own end of the pipe: the pool stops waiting for the rest of it.
        self.pool._result_queue._writer.close()  # type: ignore[attr-defined]
        self.pool.shutdown(wait=True, cancel_futures=True)  # the pool has joined every worker
        if not dead:
            return WorkerLost("a worker process died", advice=SYSTEM_LOG)
        first = dead[0]
        if self.forkserver and first.exitcode == _EXIT_UNKNOWN:
            # its workers end with it (`_start_worker`): none of them is to blame, nor memory
            return WorkerLost("the forkserver process, which starts the worker processes, died",
                              advice=SYSTEM_LOG, work_involved=False)
        return WorkerLost(f"a worker process {how_it_ended(first.exitcode)}",
                          self.board.item_of(first.pid) if first.pid else None,
                          advice=FEWER_WORKERS if first.exitcode == -signal.SIGKILL
                          else SYSTEM_LOG)

    def close(self, abandon: bool = False) -> None:
        if self._loss is None and self.worker_died():  # after the last result the driver read
            self.lost()
        if abandon:
            self.abandon_event.set()  # running items stop at their next `abandoned()` check
        self.pool.shutdown(wait=True, cancel_futures=True)
