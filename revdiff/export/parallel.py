"""Run one function over a stream of work items in order: in-process, on local processes, or Dask.

`ordered_map` keeps a bounded number of items in flight and yields results in submission order,
so output order never depends on which worker finishes first, and memory stays bounded however
long the stream is. The three executors only differ in how they `submit`. A worker process that
dies (killed from outside, or by the system when memory runs out) ends the run: `result()` and
`submit` raise `WorkerLost` (`revdiff.export.worker_loss`), and no worker is left running.
"""

from __future__ import annotations

import ast
import asyncio
import logging
import multiprocessing
import multiprocessing.connection
import multiprocessing.forkserver
import multiprocessing.resource_tracker
import os
import re
import select
import shutil
import signal
import socket
import tempfile
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from typing import Any, Generic, Protocol, TypeVar

from revdiff.errors import WORKER_LOST_EXIT, RevdiffError, temporary_folder_failure
from revdiff.export.extras import require_distributed
from revdiff.export.progress import as_warning
from revdiff.export.worker_loss import WorkBoard, WorkerLost, how_it_ended, join_board
from revdiff.stop_signals import stops_held

T = TypeVar("T")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)

# How often a driver waiting for a result looks whether a worker process died.
WATCH_SECONDS = 0.5
# How long a broken pool's driver waits to learn which of its workers died, and how.
DEATH_NOTICE_SECONDS = 5.0
# The exit code multiprocessing gives a process whose end it could not learn (its forkserver died).
_EXIT_UNKNOWN = 255
# What may keep a worker from being killed again: SIGKILL is the out-of-memory killer's signal.
FEWER_WORKERS = "fewer --workers use less memory"
# Where to learn why a process ended when nothing here points to memory.
SYSTEM_LOG = "`journalctl -k` or `dmesg`, the system's log, may say what ended it"
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
# A log level above every record's (CRITICAL is the highest): a handler set to it prints nothing.
_NO_LOG_RECORD = logging.CRITICAL + 1


class SchedulerProblem(RevdiffError):
    """The Dask scheduler cannot be reached or failed to start."""


class LocalClusterStartFailed(RevdiffError):
    """The local Dask cluster (`--dask`) failed to start: a worker process that died as it
    started, a scheduler that could not, a port in use. Nothing is written: the run may be
    tried again, with the exit code of a lost worker."""

    exit_code = WORKER_LOST_EXIT


class Pending(Protocol[R_co]):
    def result(self) -> R_co: ...


class Executor(Protocol):
    """Something that runs `fn(*args)` somewhere and hands back an object with `.result()`."""

    workers: int

    def submit(self, fn: Callable[..., R], *args: Any) -> Pending[R]: ...

    def close(self, abandon: bool = False) -> None:
        """Release the workers: after the running items finish, or with `abandon` (a run that was
        interrupted or failed, whose results nobody will read) as soon as possible."""


class _Done:
    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


class SerialExecutor:
    """Runs each item at submission, in this process (`--workers 1`)."""

    workers = 1

    def submit(self, fn: Callable[..., R], *args: Any) -> Pending[R]:
        return _Done(fn(*args))

    def close(self, abandon: bool = False) -> None:
        pass


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
                              advice=SYSTEM_LOG)
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


class WorkerVersionMismatch(Exception):
    """A Dask worker runs another version of revdiff than the driver."""


def _run_on_this_revdiff(version: str, fn: Callable[..., R], *args: Any) -> R:
    """Run `fn(*args)` on a Dask worker if it runs revdiff `version`: a worker that joined the
    scheduler after `_check_workers_run_this_revdiff` was not checked."""
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
            from revdiff.export.parallel import _run_on_this_revdiff
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


@contextmanager
def _interrupts_kept_from_new_processes() -> Iterator[None]:
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


def _interrupts_left_to_the_driver(distributed: Any) -> Any:
    """A Dask worker plugin that makes each worker ignore SIGINT (Ctrl-C), as `_start_worker`
    makes the process pool's workers ignore it, whichever thread Dask started it from."""

    class InterruptsLeftToTheDriver(distributed.WorkerPlugin):  # type: ignore[misc]
        idempotent = True

        def setup(self, worker: Any) -> None:
            signal.signal(signal.SIGINT, signal.SIG_IGN)

    return InterruptsLeftToTheDriver()


SCHEDULER_HINT = ("start it with `dask scheduler`, check the address, "
                  "or use --dask for a local cluster")


class NotDask(Exception):
    """What answers at a scheduler address does not speak Dask's protocol."""


def _check_something_listens(distributed: Any, address: str, timeout: float) -> None:
    """Open a TCP connection to `address`'s host and port, and close it.

    Dask's client tries a refused connection again and again until its timeout: an address where
    nothing listens (a scheduler not started, a wrong port) was told only after 10 s. The system
    refuses such a connection at once, and this says so then.
    """
    location = distributed.comm.parse_address(address)[1]
    try:
        with socket.create_connection(distributed.comm.parse_host_port(location), timeout):
            pass
    except ConnectionRefusedError:
        raise ConnectionRefusedError("nothing listens there (connection refused)") from None
    except TimeoutError:  # a host that does not reply
        raise NotDask(f"nothing there answered as a Dask scheduler within {timeout:g} s"
                      ) from None


def _check_it_speaks_dask(distributed: Any, address: str, timeout: float) -> None:
    """Open a connection to `address` and read Dask's handshake within `timeout` seconds.

    Dask's client waits for the handshake without a deadline, and reads its first bytes as a
    length: a server that accepts and stays silent (or an HTTP server) kept it waiting for ever,
    and one that speaks first in another protocol (SSH, a proxy) made it set aside exabytes
    (a MemoryError). Either is `NotDask` here, in a connection of its own.
    """
    async def handshake() -> None:
        comm = await asyncio.wait_for(distributed.comm.connect(address, timeout=timeout),
                                      timeout)
        await comm.close()

    try:
        asyncio.run(handshake())
    except TimeoutError:
        raise NotDask(f"nothing there answered as a Dask scheduler within {timeout:g} s"
                      ) from None
    except (OSError, ValueError, TypeError):
        raise
    except Exception:  # noqa: BLE001 - any failure to read a peer speaking another protocol
        raise NotDask("what answers there is not a Dask scheduler: it speaks another protocol "
                      "(a scheduler listens on port 8786 unless started with another)"
                      ) from None


def revdiff_version() -> str:
    """The version of revdiff installed in this process (`unknown` when it is not installed
    as a package)."""
    import revdiff

    return str(revdiff.__version__)


def install_hint() -> str:
    """What to do about Dask workers that lack this version of revdiff."""
    return (f"install revdiff {revdiff_version()} on every Dask worker "
            "(pip install 'revdiff[dask]') and restart them")


_IMPORT_ERRORS = ("ImportError", "ModuleNotFoundError")
# An error as `repr` writes it: `ModuleNotFoundError("No module named 'revdiff'")`.
_ERROR_REPR = re.compile(r"(?P<kind>[A-Za-z_]\w*)\((?P<arguments>.*)\)", re.DOTALL)


def _worker_error(error: Exception) -> tuple[str, str]:
    """The kind and the plain message of an error a Dask worker raised, on one line. An error
    the worker could not pickle, Dask passes on as `Exception(repr(error))`: its kind and
    arguments are read back from that text (as literals: nothing in it is run), not written
    as Python writes them."""
    kind, message = type(error).__name__, str(error)
    written = _ERROR_REPR.fullmatch(message) if type(error) is Exception else None
    if written is not None:
        kind = written["kind"]
        try:
            arguments = ast.literal_eval(f"({written['arguments']},)")
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            message = written["arguments"]
        else:
            message = " ".join(str(argument) for argument in arguments)
    return kind, " ".join(message.split())


def _check_workers_run_this_revdiff(client: Any, address: str) -> None:
    """Refuse a scheduler whose workers cannot import revdiff, or run another version of it.

    A worker without revdiff died on the first chunk it was sent, and the export then waited for
    ever for a worker to run it; one with another version could write other rows. `revdiff_version`
    is sent to the workers by name, so a worker that has no revdiff fails to load it.
    """
    here = revdiff_version()
    hint = f"{install_hint()}, or use --dask for a local cluster"
    try:
        versions = client.run(revdiff_version)
    except Exception as error:  # noqa: BLE001 - whatever kept a worker from loading revdiff
        kind, message = _worker_error(error)
        # said as a task that meets such a worker mid-run says it (`_task_runner`)
        told = (f"cannot import revdiff ({message})" if kind in _IMPORT_ERRORS
                else f"cannot run revdiff ({kind}: {message})")
        raise SchedulerProblem(f"the Dask workers {told}", address, hint=hint) from None
    others = sorted({version for version in versions.values() if version != here})
    if others:
        raise SchedulerProblem(f"the Dask workers run revdiff {', '.join(others)}, not {here}",
                               address, hint=hint)


@contextmanager
def _dask_version_warning_left_out(distributed: Any) -> Iterator[None]:
    """Within: Dask's client warns of no version mismatch. It wrote a table of many lines, and its
    own source line, on stderr, even under --quiet; `_note_other_dask_versions` says it in one."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=distributed.versions.VersionMismatchWarning)
        yield


def _note_other_dask_versions(distributed: Any, client: Any, address: str,
                              note: Callable[[str], None]) -> None:
    """Tell `note`, in one line, of Dask's packages (and Python) that the scheduler or a worker
    runs in another version than this process: Dask may fail between them, and the run goes on,
    as Dask's own warning lets it."""
    try:
        versions = client.get_versions()
    except OSError:  # the scheduler is gone: the first result says so
        return
    here = versions["client"]["packages"]
    theirs = [versions["scheduler"], *versions["workers"].values()]
    others = []
    for package in ("python", *distributed.versions.required_packages):
        found = sorted({str(their.get("packages", {}).get(package)) for their in theirs
                        if isinstance(their, dict)} - {str(here.get(package))})
        if found:
            others.append(f"{package} {', '.join(found)} (here {here.get(package)})")
    if others:
        note(as_warning(f"the Dask scheduler at {address} or its workers run other versions "
                        f"than this process: {', '.join(others)}; Dask may fail between them "
                        "(install the same versions everywhere)"))


# How Dask's TCP comm begins a closed connection's error: `in <TCP (closed) ConnectionPool...>: `.
_DASK_COMM = re.compile(r"^in <[^<>]*>: ")


def _without_dask_comm(error: OSError) -> str:
    """`error`'s text on one line, without the Dask connection object it may begin by naming
    (`in <TCP (closed) ConnectionPool.identity local=... remote=...>: ConnectionResetError: ...`)."""
    return _DASK_COMM.sub("", " ".join(str(error).split()), count=1)


def _wait_for_a_worker(client: Any, address: str, notice_after: float,
                       note: Callable[[str], None]) -> None:
    """Wait, for as long as it takes, until the scheduler has a worker: a cluster that adds
    workers on demand starts with none. After `notice_after` seconds without one, say so once
    (the run waited without a word for ever for a scheduler that got none)."""
    try:
        try:
            client.wait_for_workers(1, timeout=notice_after)
        except TimeoutError:
            note(f"waiting for a worker of the Dask scheduler at {address}: it has none yet "
                 f"(start one with `dask worker {address}`, or stop with Ctrl-C)")
            client.wait_for_workers(1)
    except OSError as error:  # the scheduler stopped while the run waited
        raise SchedulerProblem(f"lost the Dask scheduler while waiting for a worker: "
                               f"{_without_dask_comm(error)}", address,
                               hint="check that the scheduler is running, then run the command "
                                    "again") from None


def _start_local_cluster(distributed: Any, workers: int, scratch: str) -> Any:
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
                                        local_directory=scratch, silence_logs=_NO_LOG_RECORD)
    except (RuntimeError, OSError) as error:  # OSError: TimeoutError too
        reason = " ".join(str(error).split()).rstrip(".") or type(error).__name__
        raise LocalClusterStartFailed(f"the local Dask cluster failed to start ({reason}); "
                                      "nothing was written",
                                      hint="check that `python -c 'import revdiff'` runs here, "
                                           "then run the command again, or run it without "
                                           "--dask") from None


def _cluster_folder(parent: str | None) -> str:
    """A new folder for a local cluster's files in `parent`, Dask's `temporary-directory` (the
    system's temporary folder when None). Such a setting that names no folder one can write in,
    or a system's temporary folder one cannot, was told as `cannot read or write this file`,
    naming the folder revdiff was making."""
    try:
        return tempfile.mkdtemp(prefix="revdiff-dask-", dir=parent)
    except OSError as error:
        if parent is None:
            raise temporary_folder_failure(error, "the local Dask cluster's folder") from None
        raise SchedulerProblem(f"cannot make the local Dask cluster's folder in Dask's "
                               f"temporary-directory: {error.strerror or error}", parent,
                               hint="make that folder, or set DASK_TEMPORARY_DIRECTORY (or "
                                    "temporary-directory in Dask's settings) to one you may "
                                    "write in") from None


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
        cleanup.enter_context(silence_logging_cmgr(_NO_LOG_RECORD))
        try:
            _check_something_listens(distributed, address, timeout)
            _check_it_speaks_dask(distributed, address, timeout)
            with (stops_held(second_sigterm_at_once=True),  # (a second SIGTERM: at once)
                  _dask_version_warning_left_out(distributed)):
                client = distributed.Client(address, timeout=timeout)
                cleanup.callback(client.close)
        except (OSError, TimeoutError, ValueError, TypeError, NotDask) as error:
            raise SchedulerProblem(f"cannot reach the Dask scheduler: {error}", address,
                                   hint=SCHEDULER_HINT) from error
        _wait_for_a_worker(client, address, notice_after, on_note or (lambda text: None))
        _check_workers_run_this_revdiff(client, address)
        _note_other_dask_versions(distributed, client, address, on_note or (lambda text: None))
        try:
            return cls(client, cleanup=cleanup, address=address, on_note=on_note,
                       notice_after=notice_after)
        except OSError as error:  # the scheduler stopped as its workers were counted
            raise SchedulerProblem(f"lost the Dask scheduler while counting its workers: "
                                   f"{_without_dask_comm(error)}", address,
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
            scratch = _cluster_folder(dask.config.get("temporary-directory", None))
            cleanup.callback(shutil.rmtree, scratch, ignore_errors=True)
            with _interrupts_kept_from_new_processes():
                cluster = _start_local_cluster(distributed, workers, scratch)
                cleanup.callback(cluster.close)
                client = distributed.Client(cluster)
                cleanup.callback(client.close)
                client.register_plugin(_interrupts_left_to_the_driver(distributed))
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


def ordered_map(executor: Executor, fn: Callable[..., R], items: Iterable[T],
                *extra: Any, in_flight: int) -> Iterator[tuple[T, R]]:
    """Yield `(item, fn(*extra, item))` in the order of `items`, at most `in_flight` running."""
    pending: deque[tuple[T, Pending[R]]] = deque()
    for item in items:
        pending.append((item, executor.submit(fn, *extra, item)))
        while len(pending) >= in_flight:
            head, future = pending.popleft()
            yield head, future.result()
    while pending:
        head, future = pending.popleft()
        yield head, future.result()
