"""Local processes and Dask give the same output, in the same order, as one worker."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import Any

import pytest

import revdiff
from revdiff.export.driver import ExportJob, run_export
from revdiff.export.ordered_map import SerialExecutor, ordered_map
from revdiff.export.process_pool import ProcessExecutor, abandoned
from revdiff.export.progress import ExportProgress
from revdiff.export.task_reading import iter_tasks
from revdiff.export.tasks import chunked, process_chunk
from revdiff.export.worker_loss import InFlight, WorkerLost, working_on


def _slow_square(delay_scale: float, value: int) -> int:
    time.sleep(delay_scale * ((7 - value) % 4))  # later items often finish first
    return value * value


def test_ordered_map_keeps_submission_order_on_processes() -> None:
    executor = ProcessExecutor(2)
    try:
        results = [r for _, r in ordered_map(executor, _slow_square, range(8), 0.02,
                                             in_flight=4)]
    finally:
        executor.close()
    assert results == [v * v for v in range(8)]


def _run_until_abandoned(started: str, seconds: float) -> str:
    Path(started).touch()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if abandoned():
            return "stopped"
        time.sleep(0.01)
    return "ran to its end"


@pytest.mark.parametrize("abandon", [True, False])
def test_closing_an_abandoned_pool_stops_the_running_items(abandon: bool, tmp_path: Path) -> None:
    """Ctrl-C on `--workers N` does not wait for the chunks running: they are told to stop."""
    executor = ProcessExecutor(1)
    started = tmp_path / "started"
    future = executor.submit(_run_until_abandoned, str(started), 60.0 if abandon else 0.2)
    deadline = time.monotonic() + 60
    while not started.exists():
        assert time.monotonic() < deadline, "the worker never started"
        time.sleep(0.01)
    executor.close(abandon=abandon)
    assert future.result() == ("stopped" if abandon else "ran to its end")
    assert not abandoned()  # the driver's own process is never abandoned


def _work_on_until_abandoned(folder: str, item: int) -> None:
    working_on(item)
    written = Path(folder) / f".{item}"
    written.write_text(str(os.getpid()))
    written.rename(Path(folder) / str(item))  # whole when seen
    deadline = time.monotonic() + 60
    while not abandoned() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_a_killed_worker_is_named_with_its_item_and_the_others_end(tmp_path: Path) -> None:
    """SIGKILL to a worker (the out-of-memory killer's signal) while it works on item 7: waiting
    for any result raises `WorkerLost`, naming the signal and item 7, once the other worker,
    busy with item 8, is gone too (the pool asked it with SIGTERM, which workers ignore, and
    waited for it)."""
    executor = ProcessExecutor(2)
    try:
        futures = [executor.submit(_work_on_until_abandoned, str(tmp_path), item)
                   for item in (7, 8)]
        deadline = time.monotonic() + 60
        while len(list(tmp_path.glob("[0-9]"))) < 2:
            assert time.monotonic() < deadline, "the workers never started"
            time.sleep(0.01)
        pids = {int(path.name): int(path.read_text()) for path in tmp_path.glob("[0-9]")}
        os.kill(pids[7], signal.SIGKILL)
        with pytest.raises(WorkerLost) as lost:
            futures[1].result()
        assert lost.value.item == 7
        assert lost.value.how.startswith("a worker process was killed by SIGKILL")
        assert lost.value.advice == "fewer --workers use less memory"
        assert not os.path.exists(f"/proc/{pids[8]}")
        with pytest.raises(WorkerLost):
            executor.submit(_slow_square, 0.0, 3)
    finally:
        executor.close(abandon=True)


def _running(pid: int) -> bool:
    """Whether process `pid` exists and has not ended (a zombie, ended but not yet reaped by
    the process that took in an orphan, has)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_killed_forkserver_is_a_worker_lost_and_its_workers_end(tmp_path: Path) -> None:
    """SIGKILL to the forkserver, the driver's child that forks the workers: the pool took its
    workers for dead (their end was the forkserver's to tell) and could not kill them, one stayed
    blocked writing a result nobody read, and the run hung for ever. They now end with it."""
    import multiprocessing.forkserver

    executor = ProcessExecutor(2)
    try:
        futures = [executor.submit(_work_on_until_abandoned, str(tmp_path), item)
                   for item in (7, 8)]
        deadline = time.monotonic() + 60
        while len(list(tmp_path.glob("[0-9]"))) < 2:
            assert time.monotonic() < deadline, "the workers never started"
            time.sleep(0.01)
        pids = [int(path.read_text()) for path in tmp_path.glob("[0-9]")]
        forkserver = multiprocessing.forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
        os.kill(forkserver, signal.SIGKILL)
        raised: list[BaseException] = []

        def wait_for_a_result() -> None:
            try:
                futures[1].result()
            except BaseException as error:  # noqa: BLE001 - kept for the test to look at
                raised.append(error)

        waiting = threading.Thread(target=wait_for_a_result, daemon=True)
        waiting.start()
        waiting.join(120)
        assert not waiting.is_alive(), "the driver hung once the forkserver was killed"
        assert raised and isinstance(raised[0], WorkerLost), raised
        # not `a worker process died ...; fewer --workers use less memory`: a worker was not
        # to blame, nor memory
        assert raised[0].how == "the forkserver process, which starts the worker processes, died"
        assert raised[0].item is None
        assert "memory" not in raised[0].advice
        # nor the articles in flight, which the line named as if one of them ended it
        in_flight = InFlight()
        in_flight.handed(7, "seven")
        in_flight.handed(8, "eight")
        assert in_flight.where(raised[0]) == ""
        deadline = time.monotonic() + 60  # a bound for a stuck machine, not a speed asked for
        while any(_running(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_running(pid) for pid in pids), "the workers outlived their forkserver"
    finally:
        executor.close(abandon=True)


def test_a_worker_that_exits_is_not_said_to_lack_memory() -> None:
    """A worker that ended with an exit status was told `fewer --workers use less memory`, which
    only SIGKILL (the out-of-memory killer's signal) suggests."""
    executor = ProcessExecutor(1)
    try:
        with pytest.raises(WorkerLost) as lost:
            executor.submit(os._exit, 3).result()
        assert lost.value.how == "a worker process exited with status 3"
        assert "memory" not in lost.value.advice
        assert "journalctl -k" in lost.value.advice
    finally:
        executor.close(abandon=True)


def _die_halfway_through_a_result() -> None:
    """Die as a worker killed while it writes its result does: the pool's result pipe holds the
    start of a message whose end never comes. (The pipe is reached through the caller's frame,
    `concurrent.futures.process._process_worker`.)"""
    result_queue = sys._getframe(1).f_locals["result_queue"]
    result_queue._writer._send(struct.pack("!i", 1000) + b"half")
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_killed_while_writing_its_result_is_noticed() -> None:
    """Python's pool reads a half-written result for ever and never sees that its writer died:
    the driver watches the workers itself."""
    executor = ProcessExecutor(1)
    try:
        future = executor.submit(_die_halfway_through_a_result)
        with pytest.raises(WorkerLost, match="killed by SIGKILL"):
            future.result()
    finally:
        executor.close(abandon=True)


def test_an_abandoned_chunk_compares_no_more_articles(generated: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from revdiff.export import tasks as tasks_module
    from revdiff.export.inputs import expand_inputs

    job = ExportJob((str(generated),), generated / "unused.jsonl", "jsonl")
    tasks = list(iter_tasks(job, expand_inputs(job.inputs), ExportProgress(), lambda text: None))
    assert len(process_chunk("jsonl", "auto", tasks)) == len(tasks)
    monkeypatch.setattr(tasks_module, "abandoned", lambda: True)
    assert process_chunk("jsonl", "auto", tasks) == []


def test_ordered_map_bounds_the_work_in_flight() -> None:
    submitted: list[int] = []

    def items():  # type: ignore[no-untyped-def]
        for value in range(10):
            submitted.append(value)
            yield value

    stream = ordered_map(SerialExecutor(), _slow_square, items(), 0.0, in_flight=3)
    next(stream)
    assert len(submitted) == 3  # nothing is read ahead beyond the bound


def test_chunks_hold_whole_articles_in_order(generated: Path) -> None:
    from revdiff.export.inputs import expand_inputs

    job = ExportJob((str(generated),), generated / "unused.jsonl", "jsonl")
    units = expand_inputs(job.inputs)
    tasks = iter_tasks(job, units, ExportProgress(), lambda text: None)
    chunks = list(chunked(tasks, pairs=5))
    flat = [task.index for chunk in chunks for task in chunk]
    assert flat == list(range(12))
    assert all(sum(t.pairs for t in chunk[:-1]) < 5 for chunk in chunks)


def _export(inputs: tuple[str, ...], out: Path, fmt: str, **options: object) -> bytes:
    run_export(ExportJob(inputs, out, fmt), **options)  # type: ignore[arg-type]
    if fmt == "jsonl":
        return out.read_bytes() + out.with_name(out.stem + ".comparisons.jsonl").read_bytes()
    return out.read_bytes()


@pytest.mark.parametrize("fmt", ["jsonl", "unified"])
def test_two_local_workers_match_one(fmt: str, generated: Path, samples: Path,
                                     tmp_path: Path) -> None:
    inputs = (str(samples), str(generated))
    one = _export(inputs, tmp_path / f"one.{fmt}", fmt, workers=1)
    two = _export(inputs, tmp_path / f"two.{fmt}", fmt, workers=2)
    assert one == two and len(one) > 1000


def test_dask_local_cluster_matches_one_worker(generated: Path, samples: Path,
                                               tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    from revdiff.export.dask_executor import DaskExecutor

    inputs = (str(samples), str(generated))
    one = _export(inputs, tmp_path / "one.jsonl", "jsonl", workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        executor = DaskExecutor(client)
        assert executor.workers == 2
        on_dask = _export(inputs, tmp_path / "dask.jsonl", "jsonl", executor=executor)
    assert on_dask == one


def _fails_as_if_its_workers_died() -> None:
    from types import SimpleNamespace

    from distributed import KilledWorker

    raise KilledWorker("process_chunk-1", SimpleNamespace(address="tcp://127.0.0.1:1"), 3)


def test_dask_workers_that_died_running_a_task_are_a_worker_lost() -> None:
    """A task whose every try killed its Dask worker (the scheduler gives up after
    `allowed-failures`) raises `WorkerLost`; `KilledWorker` ended the export in a traceback."""
    distributed = pytest.importorskip("dask.distributed")
    from revdiff.export.dask_executor import DaskExecutor

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        future = DaskExecutor(client).submit(_fails_as_if_its_workers_died)
        with pytest.raises(WorkerLost, match="4 Dask workers died in turn"):
            future.result()


class _CancelledAsOnALostScheduler:
    """A Dask future as the client leaves it when its connection to the scheduler is lost."""

    def result(self) -> None:
        from distributed.client import FutureCancelledError

        raise FutureCancelledError("process_chunk-1", "scheduler-connection-lost",
                                   "Client lost the connection to the scheduler.")


def test_a_lost_scheduler_is_a_worker_lost() -> None:
    """FutureCancelledError ended the export in a traceback (and exit code 1)."""
    pytest.importorskip("dask.distributed")
    from revdiff.export.dask_executor import _DaskPending

    with pytest.raises(WorkerLost, match="the connection to the Dask scheduler was lost"):
        _DaskPending(_CancelledAsOnALostScheduler(), advice="").result()


class _GatherCutAsOnALostScheduler:
    """A finished Dask future whose result was being fetched when the scheduler went away."""

    def result(self) -> None:
        from distributed.comm.core import CommClosedError

        raise CommClosedError("in <TCP (closed) ConnectionPool.gather local=tcp://127.0.0.1:2 "
                              "remote=tcp://127.0.0.1:1>: Stream is closed")


def test_a_scheduler_lost_while_a_result_is_fetched_is_a_worker_lost() -> None:
    """CommClosedError (an OSError) was taken for a failure to write the output: `cannot write
    the output: ... Stream is closed`, exit code 2, where the lost scheduler is exit code 75."""
    pytest.importorskip("dask.distributed")
    from revdiff.export.dask_executor import _DaskPending

    with pytest.raises(WorkerLost, match="the connection to the Dask scheduler was lost"):
        _DaskPending(_GatherCutAsOnALostScheduler(), advice="").result()


def test_a_scheduler_client_writes_no_dask_log_line_while_it_is_open() -> None:
    """Dask's client logged the traceback of its failed reconnection to a lost scheduler (and a
    warning for a worker that died holding a result) on stderr, beside revdiff's one line."""
    distributed = pytest.importorskip("dask.distributed")
    import io
    import logging

    from revdiff.export.dask_executor import DaskExecutor

    # Dask's own stderr handler, as it sets it up in a process whose root logger has none
    stderr = io.StringIO()
    handler = logging.StreamHandler(stderr)
    logging.getLogger("distributed").addHandler(handler)
    client_log = logging.getLogger("distributed.client")
    try:
        with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                      protocol="tcp://", host="127.0.0.1",
                                      dashboard_address=None) as cluster, ExitStack() as closing:
            DaskExecutor.connect(cluster.scheduler_address, closing)
            client_log.error("Failed to reconnect to scheduler")
        assert stderr.getvalue() == ""
        client_log.error("after the run")
        assert stderr.getvalue() == "after the run\n"
    finally:
        logging.getLogger("distributed").removeHandler(handler)


def test_unreachable_scheduler_is_a_one_line_error(samples: Path, tmp_path: Path,
                                                   run_cli) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("dask.distributed")
    from revdiff.export.dask_executor import DaskExecutor

    original = DaskExecutor.connect.__func__  # type: ignore[attr-defined]

    def quick(cls, address: str, closing: ExitStack, timeout: float = 10.0,  # type: ignore[no-untyped-def]
              **options):
        return original(cls, address, closing, timeout=1.0, **options)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DaskExecutor, "connect", classmethod(quick))
        result = run_cli("export", str(samples), "-o", str(tmp_path / "x.jsonl"),
                         "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2
    assert result.output.startswith("revdiff: error: ") and "scheduler" in result.output
    assert not (tmp_path / "x.jsonl").exists()


class _NotAScheduler:
    """A TCP server at 127.0.0.1 that is no Dask scheduler: it sends `greeting` to each
    connection, then holds it open for `hold_seconds` (so that a client waiting on it for ever
    ends, and a test of it fails rather than hangs)."""

    def __init__(self, greeting: bytes, hold_seconds: float = 15.0) -> None:
        self.greeting = greeting
        self.hold_seconds = hold_seconds
        self.server = socket.create_server(("127.0.0.1", 0))
        self.address = f"tcp://127.0.0.1:{self.server.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        with suppress(OSError):
            while True:
                connection, _ = self.server.accept()
                threading.Thread(target=self._hold, args=(connection,), daemon=True).start()

    def _hold(self, connection: socket.socket) -> None:
        with connection, suppress(OSError):
            connection.sendall(self.greeting)
            time.sleep(self.hold_seconds)

    def close(self) -> None:
        self.server.close()


@pytest.mark.parametrize(("greeting", "told"), [
    (b"", "nothing there answered as a Dask scheduler within 1 s"),  # waited for ever
    (b"SSH-2.0-OpenSSH_9.6\r\n",  # a MemoryError traceback, then `(MemoryError)` in the line
     "is not a Dask scheduler: it speaks another protocol (a scheduler listens on port 8786"),
])
def test_an_address_where_no_dask_scheduler_answers_is_a_scheduler_problem(
        greeting: bytes, told: str) -> None:
    pytest.importorskip("dask.distributed")
    from revdiff.export.dask_executor import DaskExecutor
    from revdiff.export.dask_scheduler import SchedulerProblem

    server = _NotAScheduler(greeting)
    try:
        with pytest.raises(SchedulerProblem, match="cannot reach the Dask scheduler") as problem, \
                ExitStack() as closing:
            DaskExecutor.connect(server.address, closing, timeout=1.0)
    finally:
        server.close()
    assert told in str(problem.value)


def test_the_address_of_a_dask_worker_is_told_as_not_the_scheduler() -> None:
    """A worker's address given for the scheduler's was told as
    `Worker.identity() got an unexpected keyword argument 'n_workers'`."""
    distributed = pytest.importorskip("dask.distributed")
    from revdiff.export.dask_executor import DaskExecutor
    from revdiff.export.dask_scheduler import SchedulerProblem

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  protocol="tcp://", dashboard_address=None) as cluster:
        worker = next(iter(cluster.workers.values())).address
        with pytest.raises(SchedulerProblem) as problem, ExitStack() as closing:
            DaskExecutor.connect(worker, closing, timeout=5.0)
    assert "is a Dask Worker, not its scheduler" in str(problem.value)


def test_an_address_where_nothing_listens_is_told_at_once() -> None:
    """Dask's client tried a refused connection again until its timeout: a scheduler not started
    was told after 10 s as `nothing there answered as a Dask scheduler within 10 s`."""
    pytest.importorskip("dask.distributed")
    from revdiff.export.dask_executor import DaskExecutor
    from revdiff.export.dask_scheduler import SchedulerProblem

    with socket.socket() as bound_not_listening:  # holds the port, refuses connections to it
        bound_not_listening.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{bound_not_listening.getsockname()[1]}"
        with pytest.raises(SchedulerProblem, match="cannot reach the Dask scheduler") as problem, \
                ExitStack() as closing:
            DaskExecutor.connect(address, closing)
    assert "nothing listens there (connection refused)" in str(problem.value)
    assert "start it with `dask scheduler`" in str(problem.value)


def test_a_host_that_does_not_reply_is_told_with_the_time_waited(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The check for a refused connection said only `timed out` of a host that never replies."""
    pytest.importorskip("dask.distributed")
    from revdiff.export import dask_scheduler
    from revdiff.export.dask_executor import DaskExecutor

    def no_reply(address: tuple[str, int], timeout: float) -> socket.socket:
        raise TimeoutError("timed out")

    monkeypatch.setattr(dask_scheduler.socket, "create_connection", no_reply)
    with pytest.raises(dask_scheduler.SchedulerProblem) as problem, ExitStack() as closing:
        DaskExecutor.connect("tcp://192.0.2.1:8786", closing, timeout=1.0)
    assert "nothing there answered as a Dask scheduler within 1 s" in str(problem.value)


@pytest.mark.parametrize(("failure", "told"), [
    (socket.gaierror(socket.EAI_NONAME, "Name or service not known"),
     ("cannot reach the Dask scheduler: its host name could not be looked up "
      "(name or service not known) (")),
    (OSError(113, "No route to host"), "cannot reach the Dask scheduler: no route to host ("),
])
def test_a_host_that_cannot_be_reached_is_told_without_an_error_number(
        failure: OSError, told: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A mistyped host name was told as `[Errno -2] Name or service not known`, and a host
    without a route as `[Errno 113] No route to host`: Python's numbers, not words."""
    pytest.importorskip("dask.distributed")
    from revdiff.export import dask_scheduler
    from revdiff.export.dask_executor import DaskExecutor

    def unreachable(address: tuple[str, int], timeout: float) -> socket.socket:
        raise failure

    monkeypatch.setattr(dask_scheduler.socket, "create_connection", unreachable)
    with pytest.raises(dask_scheduler.SchedulerProblem) as problem, ExitStack() as closing:
        DaskExecutor.connect("tcp://scheduler.example:8786", closing, timeout=1.0)
    assert told in str(problem.value)
    assert "Errno" not in str(problem.value)

def _revdiff_without_the_package(folder: Path) -> str:
    """A PYTHONPATH on which `import revdiff` fails."""
    (folder / "revdiff").mkdir()
    (folder / "revdiff" / "__init__.py").write_text('raise ImportError("no revdiff here")\n')
    return str(folder)


def _revdiff_of_another_version(folder: Path) -> str:
    """A PYTHONPATH on which revdiff is a copy of this one whose pyproject.toml says 9.9 (a
    revdiff's version is its checkout's, where it has one: revdiff.package_version)."""
    checkout = folder / "another-revdiff"
    shutil.copytree(Path(revdiff.__file__).parent, checkout / "revdiff",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (checkout / "pyproject.toml").write_text('[project]\nname = "revdiff"\nversion = "9.9"\n')
    return str(checkout)


@pytest.mark.parametrize(("python_path", "told"), [
    # as a task that meets such a worker mid-run says it, not Python's `ImportError('no ...')`
    (_revdiff_without_the_package, r"the Dask workers cannot import revdiff \(no revdiff here\) "),
    (_revdiff_of_another_version, "the Dask workers run revdiff 9.9, not "),
])
def test_a_scheduler_whose_workers_lack_this_revdiff_is_refused(python_path: Any, told: str,
                                                                tmp_path: Path) -> None:
    """A worker without revdiff died on its first chunk and the export waited for ever."""
    distributed = pytest.importorskip("dask.distributed")
    from revdiff.export.dask_executor import DaskExecutor
    from revdiff.export.dask_scheduler import SchedulerProblem

    with distributed.LocalCluster(n_workers=0, processes=False, protocol="tcp://",
                                  host="127.0.0.1", dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        worker = subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", cluster.scheduler_address,
             "--nthreads", "1", "--no-nanny", "--no-dashboard"],
            env={**os.environ, "PYTHONPATH": python_path(tmp_path)}, cwd=tmp_path,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            client.wait_for_workers(1, timeout=60)
            with pytest.raises(SchedulerProblem, match=told), ExitStack() as closing:
                DaskExecutor.connect(cluster.scheduler_address, closing)
        finally:
            worker.kill()
            worker.wait()


def test_a_scheduler_client_reads_the_notice_interval_when_it_connects(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The wait before saying that the scheduler has no worker, `NO_WORKER_NOTICE_SECONDS`, was
    bound as a default when the module was imported: setting it later (a test's
    `sitecustomize`) changed nothing, and the run waited 10 s before its note."""
    distributed = pytest.importorskip("dask.distributed")
    from revdiff.export import dask_executor

    monkeypatch.setattr(dask_executor, "NO_WORKER_NOTICE_SECONDS", 0.5)
    with distributed.LocalCluster(n_workers=0, threads_per_worker=1, processes=False,
                                  protocol="tcp://", host="127.0.0.1",
                                  dashboard_address=None) as cluster, ExitStack() as closing:
        notes: list[str] = []

        def note(text: str) -> None:
            notes.append(text)
            cluster.scale(1)

        executor = dask_executor.DaskExecutor.connect(cluster.scheduler_address, closing,
                                                      on_note=note)
        assert executor.notice_after == 0.5
    assert len(notes) == 1


@pytest.mark.parametrize(("error", "read"), [
    # Dask passes on an error a worker could not pickle as Exception(repr(error))
    (Exception("ModuleNotFoundError(\"No module named 'revdiff'\")"),
     ("ModuleNotFoundError", "No module named 'revdiff'")),
    (Exception("OSError(2, 'No such file')"), ("OSError", "2 No such file")),
    (Exception("Weird(__import__('os').system('false'))"),  # not run: left as written
     ("Weird", "__import__('os').system('false')")),
    (ImportError("no revdiff\nhere"), ("ImportError", "no revdiff here")),
    (Exception("the worker went away"), ("Exception", "the worker went away")),
])
def test_a_worker_s_error_is_read_as_plain_text(error: Exception, read: tuple[str, str]) -> None:
    from revdiff.export.dask_scheduler import _worker_error

    assert _worker_error(error) == read


def test_a_scheduler_without_workers_is_waited_for_and_said_so_once() -> None:
    """A scheduler with no worker kept the run waiting for ever without a word; a cluster that
    adds workers on demand needs the wait, so the run waits on, and goes on when one comes."""
    distributed = pytest.importorskip("dask.distributed")
    from revdiff.export.dask_executor import DaskExecutor

    with distributed.LocalCluster(n_workers=0, threads_per_worker=1, processes=False,
                                  protocol="tcp://", host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        notes: list[str] = []

        def note(text: str) -> None:
            notes.append(text)
            cluster.scale(1)  # the worker comes once the run has said it waits for one

        address = cluster.scheduler_address
        with ExitStack() as closing:
            executor = DaskExecutor.connect(address, closing, on_note=note, notice_after=0.5)
            assert executor.workers == 1
    said = (f"waiting for a worker of the Dask scheduler at {address}: it has none yet "
            f"(start one with `dask worker {address}`, or stop with Ctrl-C)")
    assert notes == [said]


def test_a_local_dask_worker_that_dies_once_leaves_no_dask_log_line(tmp_path: Path) -> None:
    """SIGKILL to one worker of `--dask --workers 2`: Dask restarts it and the export ends as a
    clean run does, with nothing on stderr under --quiet. Dask's own log lines ("Removing worker
    ... caused the cluster to lose already computed task(s)", "Restarting worker") were printed.

    The run writes to standard output and holds its last input (standard input) open: once its
    first rows are out, the cluster is up and working, and the run cannot end before the test
    has seen the worker replaced (by then the nanny has written its log line, or not).
    """
    pytest.importorskip("dask.distributed")
    import subprocess

    from cli_run import revdiff
    from export_corpus import make_corpus
    from held_runs import (
        LAST_ARTICLE,
        dask_workers,
        held_export,
        output_line,
        release_with_output,
        wait_for,
    )

    corpus = make_corpus(tmp_path / "corpus", 100, seed=5)  # more chunks than are kept in flight
    clean = revdiff("export", str(corpus), "-", "-o", "-", "--format", "jsonl", "--quiet",
                    stdin=LAST_ARTICLE.decode())
    assert clean.returncode == 0, clean.stderr
    process = held_export(str(corpus), "-o", "-", "--format", "jsonl", "--dask", "--workers", "2",
                          "--quiet", stdout=subprocess.PIPE)
    first_row = output_line(process)
    victim = dask_workers(process.pid)[0]
    os.kill(victim, signal.SIGKILL)
    wait_for(lambda: len(set(dask_workers(process.pid)) - {victim}) == 2, process)  # restarted
    code, rest, stderr = release_with_output(process)
    assert (code, stderr) == (0, "")
    assert (first_row + rest).decode() == clean.stdout


def test_a_local_dask_run_whose_only_worker_dies_while_stdout_is_full_ends(tmp_path: Path) -> None:
    """SIGKILL to the one worker of `--dask --workers 1` while the run waits to write its rows
    into a pipe nobody reads for now (a slow reader, `| less`): Dask restarts the worker, and
    the run ends as a clean run does once the rows are read. Dask's nanny starts a worker process
    with multiprocessing, which flushes `sys.stdout` first: it waited for the run's blocked write,
    the worker was not restarted, and the run waited for ever for a worker (unless Python's
    stdout was unbuffered, PYTHONUNBUFFERED, which users' shells do not set)."""
    pytest.importorskip("dask.distributed")
    from cli_run import revdiff
    from export_corpus import make_corpus
    from held_runs import (
        LAST_ARTICLE,
        blocked_writing,
        dask_workers,
        held_export,
        release_with_output,
        wait_for,
    )

    corpus = make_corpus(tmp_path / "corpus", 100, seed=5)  # more rows than a pipe holds
    clean = revdiff("export", str(corpus), "-", "-o", "-", "--format", "jsonl", "--quiet",
                    stdin=LAST_ARTICLE.decode())
    assert clean.returncode == 0, clean.stderr
    process = held_export(str(corpus), "-o", "-", "--format", "jsonl", "--dask", "--workers", "1",
                          "--quiet", stdout=subprocess.PIPE)
    wait_for(lambda: blocked_writing(process.pid), process)
    victim = dask_workers(process.pid)[0]
    os.kill(victim, signal.SIGKILL)
    wait_for(lambda: len(set(dask_workers(process.pid)) - {victim}) == 1, process)  # restarted
    code, rest, stderr = release_with_output(process)
    assert (code, stderr) == (0, "")
    assert rest.decode() == clean.stdout


def _warned_corpus(root: Path, articles: int) -> Path:
    """`articles` articles of two versions in cp1252, not UTF-8: a warning for each article (its
    files' encoding is guessed over them together)."""
    for number in range(articles):
        folder = root / f"article-{number:03}"
        folder.mkdir(parents=True)
        (folder / "0.txt").write_bytes(b"Caf\xe9 opened today in town.\n\nIt was busy.\n")
        (folder / "1.txt").write_bytes(b"Caf\xe9 opened today in the town.\n\nIt was very busy.\n")
    return root


def test_a_local_dask_run_whose_only_worker_dies_while_stderr_is_full_ends(tmp_path: Path) -> None:
    """SIGKILL to the one worker of `--dask --workers 1` while the run waits to write its
    warnings into a stderr pipe nobody reads for now (`2>&1 | less`, a wrapper that reads stderr
    at the end): Dask restarts the worker, and the run ends with every warning, in order. Dask's
    nanny flushes `sys.stderr` before it starts a worker process (multiprocessing does): it
    waited for the run's blocked write, and the run waited for ever for a worker."""
    pytest.importorskip("dask.distributed")
    from cli_run import revdiff
    from held_runs import blocked_writing, dask_workers, held_export, release, wait_for

    corpus = _warned_corpus(tmp_path / "corpus", 300)  # more warnings than a pipe holds
    # each folder given apart: stderr counts a kind of warning past its first 5 of a path given
    folders = [str(folder) for folder in sorted(corpus.iterdir())]
    out = tmp_path / "out"
    out.mkdir()
    clean = revdiff("export", *folders, "-o", str(out / "clean.jsonl"), "--format", "jsonl")
    assert clean.returncode == 0, clean.stderr
    warnings = [line for line in clean.stderr.splitlines() if line.startswith("revdiff: warning")]
    assert len(warnings) == 300
    assert len("\n".join(warnings).encode()) > 65_536  # more than a pipe holds
    process = held_export(*folders, "-o", str(out / "held.jsonl"), "--format", "jsonl",
                          "--dask", "--workers", "1")
    wait_for(lambda: blocked_writing(process.pid), process)
    victim = dask_workers(process.pid)[0]
    os.kill(victim, signal.SIGKILL)
    wait_for(lambda: len(set(dask_workers(process.pid)) - {victim}) == 1, process)  # restarted
    code, stderr = release(process)
    assert code == 0, stderr
    assert [line for line in stderr.splitlines() if line.startswith("revdiff: warning")][
        :300] == warnings


def test_a_local_dask_cluster_that_can_start_no_worker_again_is_a_worker_lost(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGKILL to the one worker of `--dask --workers 1`, every process started after it exiting
    at once (a `sitecustomize` the test plants), so that its nanny starts none again: the run
    ends with the `WorkerLost` line and exit 75. It waited for ever without a word: the notice
    of a scheduler without workers was given to `--scheduler` runs only. (The `sitecustomize`
    shortens the run's wait for a worker to start again from 30 s to 1 s.)"""
    pytest.importorskip("dask.distributed")
    from export_corpus import make_corpus
    from held_runs import dask_workers, held_export, output_line, release

    no_start = tmp_path / "no-start"
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        f"import os\nif os.path.exists({str(no_start)!r}):\n    os._exit(1)\n"
        "import revdiff.export.dask_executor\n"
        "revdiff.export.dask_executor.LOCAL_RESTART_SECONDS = 1.0\n",
        encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(hook), *filter(None, [os.environ.get("PYTHONPATH")])]))
    corpus = make_corpus(tmp_path / "corpus", 100, seed=5)  # rows written before the end
    process = held_export(str(corpus), "-o", "-", "--format", "jsonl", "--dask", "--workers",
                          "1", "--quiet", stdout=subprocess.PIPE)
    output_line(process)  # its cluster is up
    no_start.touch()
    os.kill(dask_workers(process.pid)[0], signal.SIGKILL)
    code, stderr = release(process)
    assert code == 75, stderr
    assert "every worker of the local Dask cluster died" in stderr.splitlines()[0], stderr
    assert "none started again within 1 s" in stderr, stderr  # the wait was shortened


def test_a_local_dask_worker_that_dies_as_it_starts_is_one_line(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    """Every worker process of `--dask` exiting as it starts (a `sitecustomize` the test plants
    ends each process multiprocessing spawns): one error line and the exit code of a lost worker,
    nothing written. Dask's `RuntimeError: Nanny failed to start.` ended the run in a traceback,
    with exit code 1."""
    pytest.importorskip("dask.distributed")
    from cli_run import revdiff
    from export_corpus import make_corpus

    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import os\nwith open('/proc/self/cmdline', 'rb') as command:\n"
        "    if b'spawn_main' in command.read():\n        os._exit(1)\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(hook), *filter(None, [os.environ.get("PYTHONPATH")])]))
    corpus = make_corpus(tmp_path / "corpus", 3, seed=5)
    out = tmp_path / "edits.jsonl"
    result = revdiff("export", str(corpus), "-o", str(out), "--format", "jsonl", "--dask",
                     "--workers", "1")
    assert result.returncode == 75, result.stderr
    assert result.stderr.splitlines() == [result.stderr.rstrip("\n")], result.stderr
    assert ("the local Dask cluster failed to start (Nanny failed to start); nothing was "
            "written") in result.stderr
    assert not out.exists()


def test_a_local_dask_cluster_needs_no_free_dashboard_port() -> None:
    """With Dask's port 8787 held (another cluster, another `--dask` run), `--dask` printed Dask's
    four-line `UserWarning: Port 8787 is already in use`, also under --quiet."""
    pytest.importorskip("dask.distributed")
    import warnings

    from revdiff.export.dask_executor import DaskExecutor

    holder = socket.socket()
    with holder, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with suppress(OSError):  # held by something else already
            holder.bind(("127.0.0.1", 8787))
            holder.listen()
        DaskExecutor.local(1).close()
    assert not [warning for warning in caught if "8787" in str(warning.message)]


def test_ctrl_c_on_a_local_dask_run_is_one_line_from_revdiff(tmp_path: Path) -> None:
    """SIGINT to the whole process group (what Ctrl-C does in a terminal) on `--dask --workers
    2`: exit 130 and revdiff's one line, where each Dask worker printed KeyboardInterrupt's
    traceback (about 30 lines each) before it."""
    pytest.importorskip("dask.distributed")
    import subprocess

    from export_corpus import make_corpus
    from held_runs import held_export, output_line

    corpus = make_corpus(tmp_path / "corpus", 100, seed=5)
    process = held_export(str(corpus), "-o", "-", "--format", "jsonl", "--dask", "--workers", "2",
                          stdout=subprocess.PIPE)
    output_line(process)  # the cluster is up and working
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert stderr.decode().splitlines() == ["revdiff: interrupted"], stderr.decode()


_KILL_EVERY_WORKER = """
import os, signal
from revdiff.export.dask_executor import DaskExecutor
from revdiff.export.worker_loss import WorkerLost

def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)

executor = DaskExecutor.local(1)
try:
    executor.submit(die).result()
except WorkerLost as lost:
    print(lost.how)
finally:
    executor.close(abandon=True)
"""


def test_local_dask_workers_that_all_die_are_told_by_revdiff_alone() -> None:
    """A task that kills every worker it runs on: `WorkerLost` (the CLI's one error line), and no
    word from Dask of the deaths, where its nannies wrote "Restarting worker" each time and its
    scheduler "Task ... marked as failed because 4 workers died while trying to run it"."""
    pytest.importorskip("dask.distributed")
    import subprocess

    result = subprocess.run([sys.executable, "-c", _KILL_EVERY_WORKER], capture_output=True,
                            text=True, check=False, timeout=300,
                            cwd=Path(__file__).resolve().parents[2])  # this checkout's revdiff
    assert result.stdout == "4 Dask workers died in turn running the same articles\n"
    # A replacement worker that starts up while the cluster closes may still log its start and
    # stop (seen once, on a loaded machine): what is checked is that Dask tells none of the deaths.
    assert not [line for line in result.stderr.splitlines()
                if "Restarting worker" in line or "marked as failed" in line
                or "Removing worker" in line], result.stderr


_LOSE_FINISHED_RESULTS = """
import os, signal, sys, time
from pathlib import Path
import distributed
import revdiff.export.dask_executor as dask_executor
from revdiff.export.worker_loss import WorkerLost

def item(number):
    time.sleep(0.02)
    return number

dask_executor.LOCAL_RESTART_SECONDS = 1.0
executor = dask_executor.DaskExecutor.local(1)
try:
    pending = [executor.submit(item, number) for number in range(40)]
    distributed.wait([each.future for each in pending[:5]])  # finished, their results unread
    Path(sys.argv[1]).touch()  # no worker starts again
    for worker in executor.client.run(os.getpid).values():
        os.kill(worker, signal.SIGKILL)
    for each in pending:
        each.result()
except WorkerLost as lost:
    print(lost.how)
finally:
    executor.close(abandon=True)
"""


def test_results_lost_with_the_last_local_dask_worker_end_without_a_traceback(
        tmp_path: Path) -> None:
    """SIGKILL to the one worker of a local cluster that holds finished results not yet read,
    no worker starting again: `WorkerLost`, and nothing on stderr. Dask's task that waited for a
    lost result to be computed again, left behind when the driver's wait for it timed out, failed
    as the client closed: asyncio printed `Task exception was never retrieved ... AllExit` and
    its traceback after revdiff's line (in about half the runs of the CLI; in each run here)."""
    pytest.importorskip("dask.distributed")
    no_start = tmp_path / "no-start"
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        f"import os\nif os.path.exists({str(no_start)!r}):\n    os._exit(1)\n", encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hook), str(checkout)])}
    result = subprocess.run([sys.executable, "-c", _LOSE_FINISHED_RESULTS, str(no_start)],
                            capture_output=True, text=True, check=False, timeout=300,
                            env=environment, cwd=checkout)
    assert result.stdout.startswith("every worker of the local Dask cluster died"), result
    assert "Traceback" not in result.stderr, result.stderr
    assert "Task exception" not in result.stderr, result.stderr


_TIME_THE_END_OF_A_WORKERLESS_CLUSTER = """
import os, signal, sys, time
from pathlib import Path
import revdiff.export.dask_executor as dask_executor
from revdiff.export.worker_loss import WorkerLost

dask_executor.LOCAL_RESTART_SECONDS = 3.0
executor = dask_executor.DaskExecutor.local(1)
try:
    pending = executor.submit(time.sleep, 600)
    Path(sys.argv[1]).touch()  # no worker starts again
    for worker in executor.client.run(os.getpid).values():
        os.kill(worker, signal.SIGKILL)
    killed = time.monotonic()
    pending.result()
except WorkerLost:
    print(time.monotonic() - killed)
finally:
    executor.close(abandon=True)
"""


def test_a_local_dask_cluster_without_a_worker_ends_when_its_window_has_passed(
        tmp_path: Path) -> None:
    """The window in which a local cluster may start a worker again (`LOCAL_RESTART_SECONDS`,
    3 s here) began at the first look for workers, made only after 10 s of waiting for a result,
    and ended at the look 10 s later: a run ended 30 to 50 s after losing its last worker where
    README says 30 s. The driver looks every second, and the run ends once the window has
    passed since a look found none (generous bounds: the kill, the look and the end are not
    timed here)."""
    pytest.importorskip("dask.distributed")
    no_start = tmp_path / "no-start"
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        f"import os\nif os.path.exists({str(no_start)!r}):\n    os._exit(1)\n", encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hook), str(checkout)])}
    result = subprocess.run([sys.executable, "-c", _TIME_THE_END_OF_A_WORKERLESS_CLUSTER,
                             str(no_start)], capture_output=True, text=True, check=False,
                            timeout=300, env=environment, cwd=checkout)
    assert 3.0 <= float(result.stdout) < 12.0, result


def test_a_dask_worker_of_another_version_that_joins_later_is_refused(tmp_path: Path) -> None:
    """Only the workers there at connection were checked: one of another version that joined
    the scheduler later ran the chunks it was given, and could write other rows."""
    distributed = pytest.importorskip("dask.distributed")
    from revdiff.export.dask_executor import DaskExecutor
    from revdiff.export.worker_loss import WorkerLost

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  protocol="tcp://", host="127.0.0.1",
                                  dashboard_address=None) as cluster, ExitStack() as closing:
        executor = DaskExecutor.connect(cluster.scheduler_address, closing)
        late = subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", cluster.scheduler_address,
             "--nthreads", "1", "--no-nanny", "--no-dashboard"],
            env={**os.environ, "PYTHONPATH": _revdiff_of_another_version(tmp_path)},
            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            executor.client.wait_for_workers(2, timeout=60)
            cluster.scale(0)  # the checked worker leaves: the late one runs the work
            while len(executor.client.scheduler_info()["workers"]) > 1:
                time.sleep(0.1)
            with pytest.raises(WorkerLost, match="a Dask worker runs revdiff 9.9, not "):
                executor.submit(len, "chunk").result()
        finally:
            executor.close()
            late.kill()
            late.wait()


def test_a_dask_worker_without_revdiff_that_joins_later_is_a_worker_lost(tmp_path: Path) -> None:
    """A worker without revdiff that joined after the check could not read the task it was
    sent, dropped its connection and stopped: the scheduler was left without a worker, and the
    export waited for ever without a word. The task now fails, and the run with it."""
    from concurrent.futures import ThreadPoolExecutor

    distributed = pytest.importorskip("dask.distributed")
    from revdiff.export.dask_executor import DaskExecutor

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  protocol="tcp://", host="127.0.0.1",
                                  dashboard_address=None) as cluster, ExitStack() as closing:
        executor = DaskExecutor.connect(cluster.scheduler_address, closing)
        cluster.scale(0)  # the checked worker leaves: the late one runs the work
        while executor.client.scheduler_info()["workers"]:
            time.sleep(0.1)
        late = subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", cluster.scheduler_address,
             "--nthreads", "1", "--no-nanny", "--no-dashboard"],
            env={**os.environ, "PYTHONPATH": _revdiff_without_the_package(tmp_path)},
            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        waiting = ThreadPoolExecutor(1)  # without an answer the test fails, not hangs
        try:
            executor.client.wait_for_workers(1, timeout=60)
            answer = waiting.submit(executor.submit(len, "chunk").result)
            with pytest.raises(WorkerLost, match="a Dask worker cannot import revdiff "
                                                 r"\(no revdiff here\)"):
                answer.result(timeout=120)
            assert late.poll() is None  # the worker stays, for the runs it can serve
        finally:
            executor.close()  # ends a wait that got no answer
            waiting.shutdown()
            late.kill()
            late.wait()


class _ClusterStartedUnderCtrlC:
    """A stand-in for Dask's LocalCluster whose start-up Ctrl-C cuts: by default it sends SIGINT
    to its own process, as Ctrl-C pressed while the cluster starts does."""

    @staticmethod
    def press_ctrl_c() -> None:
        os.kill(os.getpid(), signal.SIGINT)

    def __init__(self, **options: Any) -> None:
        self.options = options
        self.closed = False
        started_clusters.append(self)
        self.press_ctrl_c()

    def close(self) -> None:
        self.closed = True


class _ClientOfOneWorker:
    """A stand-in for Dask's Client of a cluster (or scheduler) with one single-threaded worker."""

    def __init__(self, *_where: Any, **_options: Any) -> None:
        self.closed = False
        started_clients.append(self)

    def register_plugin(self, plugin: Any) -> None:
        pass

    def scheduler_info(self) -> dict[str, Any]:
        return {"workers": {"worker": {}}}

    def nthreads(self) -> dict[str, int]:
        return {"worker": 1}

    def close(self) -> None:
        self.closed = True


started_clusters: list[_ClusterStartedUnderCtrlC] = []
started_clients: list[_ClientOfOneWorker] = []


@pytest.fixture
def cluster_started_under_ctrl_c(monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("dask.distributed")
    started_clusters.clear()
    started_clients.clear()
    monkeypatch.setattr(distributed, "LocalCluster", _ClusterStartedUnderCtrlC)
    monkeypatch.setattr(distributed, "Client", _ClientOfOneWorker)


def test_ctrl_c_while_the_local_cluster_starts_stops_once_it_has_started(
        cluster_started_under_ctrl_c: None) -> None:
    """Ctrl-C while `--dask`'s cluster started was ignored, and lost: the run went on and ended
    with exit 0. It waits for the start-up to end, then stops the run with the cluster closed."""
    from revdiff.export.dask_executor import DaskExecutor

    with pytest.raises(KeyboardInterrupt):
        DaskExecutor.local(2)
    assert [cluster.closed for cluster in started_clusters] == [True]
    assert [client.closed for client in started_clients] == [True]
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())


def test_ctrl_c_taken_by_an_older_thread_while_the_local_cluster_starts_stops_the_run(
        cluster_started_under_ctrl_c: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The system gives a process's SIGINT to any of its threads that does not block it, such as
    the progress bar's, started before the cluster: Ctrl-C taken by it is not lost either."""
    from revdiff.export.dask_executor import DaskExecutor

    press, pressed = threading.Event(), threading.Event()

    def take_ctrl_c_when_pressed() -> None:  # in this thread: the signal is taken before it goes on
        press.wait()
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)
        pressed.set()

    older = threading.Thread(target=take_ctrl_c_when_pressed, name="older")
    older.start()
    monkeypatch.setattr(_ClusterStartedUnderCtrlC, "press_ctrl_c",
                        staticmethod(lambda: (press.set(), pressed.wait())))
    try:
        with pytest.raises(KeyboardInterrupt):
            DaskExecutor.local(2)
    finally:
        press.set()
        older.join()


def test_a_local_dask_cluster_leaves_no_scratch_folder(tmp_path: Path) -> None:
    """`--dask` left Dask's `dask-scratch-space` folder, with its lock files, in the temporary
    folder: the cluster's files go to a folder of its own, removed when it is closed."""
    pytest.importorskip("dask.distributed")
    import dask.config

    from revdiff.export.dask_executor import DaskExecutor

    with dask.config.set({"temporary-directory": str(tmp_path)}):
        executor = DaskExecutor.local(1)
        try:
            [scratch] = tmp_path.iterdir()
            assert (scratch / "dask-scratch-space").is_dir()
        finally:
            executor.close()
    assert list(tmp_path.iterdir()) == []


def test_a_local_dask_cluster_interrupted_as_it_starts_leaves_no_scratch_folder(
        cluster_started_under_ctrl_c: None, tmp_path: Path) -> None:
    """Both the scheduler and the workers are given the cluster's folder, removed on Ctrl-C too."""
    import dask.config

    from revdiff.export.dask_executor import DaskExecutor

    with dask.config.set({"temporary-directory": str(tmp_path)}), \
            pytest.raises(KeyboardInterrupt):
        DaskExecutor.local(2)
    [cluster] = started_clusters
    scratch = Path(cluster.options["local_directory"])
    assert cluster.options["scheduler_kwargs"]["local_directory"] == str(scratch)
    assert scratch.parent == tmp_path
    assert not scratch.exists()


def test_sigterm_while_the_local_cluster_starts_stops_the_run_once_it_has_started(
        cluster_started_under_ctrl_c: None, monkeypatch: pytest.MonkeyPatch, samples: Path,
        tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """SIGTERM while `--dask`'s cluster started raised inside Dask's start-up, which closed
    nothing: the cluster was left half-started. It waits for the start-up to end, as Ctrl-C
    does, then stops the run with exit 143, the cluster closed and its folder removed."""
    import dask.config

    monkeypatch.setattr(_ClusterStartedUnderCtrlC, "press_ctrl_c",
                        staticmethod(lambda: os.kill(os.getpid(), signal.SIGTERM)))
    scratch_parent = tmp_path / "scratch"
    scratch_parent.mkdir()
    with dask.config.set({"temporary-directory": str(scratch_parent)}):
        result = run_cli("export", str(samples), "-o", str(tmp_path / "x.jsonl"), "--dask",
                         "--workers", "2", "-q")
    assert result.exit_code == 143
    assert result.output.endswith("revdiff: stopped by SIGTERM\n")
    assert [cluster.closed for cluster in started_clusters] == [True]
    assert [client.closed for client in started_clients] == [True]
    assert list(scratch_parent.iterdir()) == []
    assert not (tmp_path / "x.jsonl").exists()


def _raise(error: BaseException) -> None:
    raise error


@pytest.mark.parametrize("failure", [
    RuntimeError("Scheduler failed to start."),
    RuntimeError("Cluster failed to start: no\nmore"),
    OSError(98, "Address already in use"),
    TimeoutError("Nanny start timed out"),
], ids=["scheduler", "other-wording", "port-in-use", "timeout"])
def test_a_local_dask_cluster_that_fails_to_start_is_one_line(
        failure: Exception, cluster_started_under_ctrl_c: None,
        monkeypatch: pytest.MonkeyPatch, samples: Path, tmp_path: Path,
        run_cli) -> None:  # type: ignore[no-untyped-def]
    """Only Dask's `Nanny failed to start.` was told in one line: any other failure of the local
    cluster's start-up (its scheduler's, a port in use, another wording) ended the run in a
    traceback with exit code 1. Each is one line, with Dask's reason, and exit 75; nothing is
    written and the cluster's folder is removed."""
    import dask.config

    monkeypatch.setattr(_ClusterStartedUnderCtrlC, "press_ctrl_c",
                        staticmethod(lambda: _raise(failure)))
    scratch_parent = tmp_path / "scratch"
    scratch_parent.mkdir()
    out = tmp_path / "x.jsonl"
    with dask.config.set({"temporary-directory": str(scratch_parent)}):
        result = run_cli("export", str(samples), "-o", str(out), "--dask", "--workers", "2")
    assert result.exit_code == 75, result.output
    [line] = result.output.splitlines()
    assert line.startswith("revdiff: error: the local Dask cluster failed to start ("), line
    assert " ".join(str(failure).split()).rstrip(".") in line, line
    assert "nothing was written" in line, line
    assert list(scratch_parent.iterdir()) == []
    assert not out.exists()


class _ClientThatFailsToClose(_ClientOfOneWorker):
    """A stand-in for Dask's Client whose close fails, as it may on a lost scheduler."""

    def close(self) -> None:
        super().close()
        raise OSError("Stream is closed")


def test_a_local_dask_executor_whose_client_fails_to_close_still_closes_the_rest(
        cluster_started_under_ctrl_c: None, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """Closing `--dask`'s executor stopped at a client that failed to close: the cluster was left
    running and its folder in place. Each step runs, and the client's error is raised after."""
    import dask.config
    import dask.distributed

    from revdiff.export.dask_executor import DaskExecutor

    monkeypatch.setattr(_ClusterStartedUnderCtrlC, "press_ctrl_c", staticmethod(lambda: None))
    monkeypatch.setattr(dask.distributed, "Client", _ClientThatFailsToClose)
    with dask.config.set({"temporary-directory": str(tmp_path)}):
        executor = DaskExecutor.local(2)
    with pytest.raises(OSError, match="Stream is closed"):
        executor.close()
    assert [client.closed for client in started_clients] == [True]
    assert [cluster.closed for cluster in started_clusters] == [True]
    assert list(tmp_path.iterdir()) == []


def _pass_the_scheduler_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--scheduler`'s checks of the address (something listens, speaks Dask, has a worker that
    runs this revdiff, and the versions of Dask there) passed without a scheduler, for a fake
    client."""
    from revdiff.export import dask_executor

    for check in ("check_something_listens", "check_it_speaks_dask", "wait_for_a_worker",
                  "check_workers_run_this_revdiff", "note_other_dask_versions"):
        monkeypatch.setattr(dask_executor, check, lambda *_args: None)


def test_a_scheduler_client_that_fails_to_close_still_lets_dask_log_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing `--scheduler`'s executor stopped at a client that failed to close: Dask's log
    lines stayed silenced in this process. The silence ends, and the client's error is raised."""
    distributed = pytest.importorskip("dask.distributed")
    import logging

    from revdiff.export.dask_executor import DaskExecutor

    started_clients.clear()
    monkeypatch.setattr(distributed, "Client", _ClientThatFailsToClose)
    _pass_the_scheduler_checks(monkeypatch)
    handler = logging.StreamHandler()  # Dask's own stderr handler, as it sets it up
    logging.getLogger("distributed").addHandler(handler)
    try:
        executor = DaskExecutor.connect("tcp://127.0.0.1:9", ExitStack())
        assert handler.level > logging.CRITICAL
        with pytest.raises(OSError, match="Stream is closed"):
            executor.close()
        assert handler.level == logging.NOTSET
    finally:
        logging.getLogger("distributed").removeHandler(handler)
    assert [client.closed for client in started_clients] == [True]


class _ExecutorThatNotesItsClose(SerialExecutor):
    def __init__(self) -> None:
        self.closed = False

    def close(self, abandon: bool = False) -> None:
        self.closed = True


def test_a_stop_just_after_the_executor_opens_still_closes_it(
        samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stop handled between `open_executor` returning and the block that closes the executor
    left it open. Here a KeyboardInterrupt is raised at the first line `run_export` runs once the
    executor exists, as a signal handler there raises it (a trace function raises it: no timing)."""
    from revdiff.export import executors

    opened: list[_ExecutorThatNotesItsClose] = []

    def open_one(*_options: Any) -> _ExecutorThatNotesItsClose:
        opened.append(_ExecutorThatNotesItsClose())
        return opened[-1]

    def stop_once_opened(frame: Any, event: str, _arg: Any) -> Any:
        if event == "line" and opened:
            raise KeyboardInterrupt  # a trace function that raises is unset: this happens once
        return stop_once_opened

    def trace_run_export(frame: Any, event: str, _arg: Any) -> Any:
        return stop_once_opened if frame.f_code is run_export.__code__ else None

    monkeypatch.setattr(executors, "_new_local_executor", open_one)
    job = ExportJob(inputs=(str(samples),), out=tmp_path / "x.jsonl", format="jsonl")
    previous = sys.gettrace()
    sys.settrace(trace_run_export)
    try:
        with pytest.raises(KeyboardInterrupt):
            run_export(job)
    finally:
        sys.settrace(previous)
    assert [executor.closed for executor in opened] == [True]


class _ClientCutWhileCountingWorkers:
    """A stand-in for Dask's Client of a scheduler whose workers cannot be counted: asking for
    them raises `cut` (Ctrl-C as it waits for the answer, or a scheduler that stopped)."""

    cut: BaseException = KeyboardInterrupt()

    def __init__(self, address: str, timeout: float) -> None:
        self.closed = False
        started_clients.append(self)  # type: ignore[arg-type]

    def scheduler_info(self) -> dict[str, Any]:
        raise self.cut

    def close(self) -> None:
        self.closed = True


@pytest.mark.parametrize(("cut", "code", "told"), [
    (KeyboardInterrupt(), 130, "revdiff: interrupted"),
    (OSError("Stream is closed"), 2, ("revdiff: error: tcp://127.0.0.1:9: lost the Dask "
                                      "scheduler while counting its workers: Stream is closed "
                                      "(check that the scheduler is running, then run the "
                                      "command again)")),
])
def test_a_scheduler_client_cut_while_counting_its_workers_is_closed(
        cut: BaseException, code: int, told: str, monkeypatch: pytest.MonkeyPatch, samples: Path,
        tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """The executor was made from the connected client outside the block that closes it on a
    failure: a stop, or a lost scheduler, as it counted the workers left the client open (and an
    OSError ended the run in a traceback)."""
    distributed = pytest.importorskip("dask.distributed")
    started_clients.clear()
    monkeypatch.setattr(_ClientCutWhileCountingWorkers, "cut", cut)
    monkeypatch.setattr(distributed, "Client", _ClientCutWhileCountingWorkers)
    _pass_the_scheduler_checks(monkeypatch)
    result = run_cli("export", str(samples), "-o", str(tmp_path / "x.jsonl"),
                     "--scheduler", "tcp://127.0.0.1:9", "-q")
    assert result.exit_code == code
    assert result.output.splitlines() == [told]
    assert [client.closed for client in started_clients] == [True]


def _ctrl_c_at_the_first_instruction_after(made: Callable[[], bool], module_file: str,
                                           run: Callable[[], object]) -> None:
    """`run()`, with SIGINT sent at the first instruction of `module_file` it runs once `made()`
    holds (a trace function sends it, instruction by instruction: no timing), handled as a real
    one is, where it arrives or once held; the run must end in KeyboardInterrupt."""
    sent: list[bool] = []

    def ctrl_c_once_made(frame: Any, event: str, _arg: Any) -> Any:
        if event == "opcode" and made() and not sent:
            sent.append(True)
            signal.raise_signal(signal.SIGINT)
        return ctrl_c_once_made

    def trace_the_module(frame: Any, event: str, _arg: Any) -> Any:
        if frame.f_code.co_filename != module_file:
            return None
        frame.f_trace_opcodes = True
        return ctrl_c_once_made

    previous = sys.gettrace()
    sys.settrace(trace_the_module)
    try:
        with pytest.raises(KeyboardInterrupt):
            run()
    finally:
        sys.settrace(previous)
    assert sent


@pytest.mark.parametrize("options", [{"workers": 2}, {"workers": 2, "local_dask": True}])
def test_ctrl_c_at_the_first_instruction_after_the_executor_is_made_closes_it(
        options: dict[str, Any], samples: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`open_executor` returned `ProcessExecutor(workers)` (and `DaskExecutor.local` its executor)
    to a caller that set it to close: a Ctrl-C handled as the call returned, before the executor
    was stored, left its workers running. Here SIGINT arrives at the first instruction of
    `revdiff.export.executors` run once the executor exists (a trace function sends it,
    instruction by instruction: no timing); it stops the run once the executor is set to close."""
    from revdiff.export import executors

    opened: list[_ExecutorThatNotesItsClose] = []

    def make_one(*_options: Any) -> _ExecutorThatNotesItsClose:
        opened.append(_ExecutorThatNotesItsClose())
        return opened[-1]

    monkeypatch.setattr(executors, "ProcessExecutor", make_one)
    monkeypatch.setattr(executors.DaskExecutor, "local", make_one)
    job = ExportJob(inputs=(str(samples),), out=tmp_path / "x.jsonl", format="jsonl")
    _ctrl_c_at_the_first_instruction_after(lambda: bool(opened), executors.__file__,
                                           lambda: run_export(job, **options))  # type: ignore[arg-type]
    assert [executor.closed for executor in opened] == [True]


@pytest.mark.parametrize("module", ["dask_executor", "executors"])
def test_ctrl_c_at_the_first_instruction_after_a_scheduler_client_is_made_closes_it(
        module: str, samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--scheduler`'s client was set to close once made, and handed to the driver that set its
    executor to close: a Ctrl-C handled as `Client(...)` returned (`dask_executor`), or as `connect`
    did (`executors`), left it open. Here SIGINT arrives at the first instruction `module` runs
    once the client exists (a trace function sends it, instruction by instruction: no timing)."""
    distributed = pytest.importorskip("dask.distributed")
    from revdiff.export import dask_executor, executors

    started_clients.clear()
    monkeypatch.setattr(distributed, "Client", _ClientOfOneWorker)
    _pass_the_scheduler_checks(monkeypatch)
    traced = {"dask_executor": dask_executor, "executors": executors}[module].__file__
    job = ExportJob(inputs=(str(samples),), out=tmp_path / "x.jsonl", format="jsonl")
    _ctrl_c_at_the_first_instruction_after(lambda: bool(started_clients), traced,
                                           lambda: run_export(job, scheduler="tcp://127.0.0.1:9"))
    assert [client.closed for client in started_clients] == [True]


def test_ctrl_c_held_by_a_checkpoint_that_then_fails_still_stops_the_run(
        samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        run_cli) -> None:  # type: ignore[no-untyped-def]
    """`stops_held` acted on a stop that came while it held it only when its block ended well:
    Ctrl-C pressed as a checkpoint was written, which then failed (a full disk), was dropped, and
    the run ended as unwritable (exit 2), not as stopped. The stop is acted on: exit 130."""
    from revdiff.export.staging import Staging

    def ctrl_c_then_a_full_disk(self: Staging, entries: list[Any]) -> None:
        signal.raise_signal(signal.SIGINT)  # held: noted, acted on as the checkpoint ends
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Staging, "record", ctrl_c_then_a_full_disk)
    out = tmp_path / "x.jsonl"
    result = run_cli("export", str(samples), "-o", str(out), "-q")
    assert result.exit_code == 130
    assert result.output.splitlines() == [
        (f"revdiff: error: {out}: interrupted; no article was finished, so nothing is kept "
         "(rerun the same command: there is nothing to resume)")]


class _EventLoopThread:
    """An asyncio event loop running in a thread of its own, as a Dask client's does."""

    def __init__(self) -> None:
        self.asyncio_loop = asyncio.new_event_loop()
        threading.Thread(target=self.asyncio_loop.run_forever, daemon=True).start()

    def stop(self) -> None:
        self.asyncio_loop.call_soon_threadsafe(self.asyncio_loop.stop)


class _FutureOfAClient:
    """A stand-in for a Dask future whose `release` hands the client's loop its work, as Dask's
    does: a closed loop refuses it with RuntimeError."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def release(self) -> None:
        self.loop.call_soon_threadsafe(lambda: None)


class _ClientWhoseLoopCloses(_ClientOfOneWorker):
    """A stand-in for Dask's Client whose results never come, and whose event loop a test may
    close, as a client's is once it has shut down."""

    def __init__(self, *where: Any, **options: Any) -> None:
        super().__init__(*where, **options)
        self.loop = _EventLoopThread()
        self.fetching = threading.Event()

    def gather(self, future: Any, asynchronous: bool = False) -> Any:
        async def never_gathered() -> None:
            self.fetching.set()
            await asyncio.sleep(3600)

        return never_gathered()

    def close_loop(self) -> None:
        self.fetching.wait()  # (a fetch that had not begun is a coroutine never awaited)
        self.loop.stop()
        while self.loop.asyncio_loop.is_running():
            time.sleep(0.01)
        self.loop.asyncio_loop.close()


def test_a_dask_executor_whose_client_loop_is_closed_still_closes(
        cluster_started_under_ctrl_c: None, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """Closing the executor releases the Dask futures still being fetched, which hands work to
    the client's event loop: once that loop was closed, the release raised RuntimeError, which
    ended the run in a traceback (only an OSError in closing is a warning). The close ends, the
    cluster and client closed and the cluster's folder removed."""
    import dask.config
    import dask.distributed

    from revdiff.export.dask_executor import DaskExecutor

    monkeypatch.setattr(_ClusterStartedUnderCtrlC, "press_ctrl_c", staticmethod(lambda: None))
    monkeypatch.setattr(dask.distributed, "Client", _ClientWhoseLoopCloses)
    with dask.config.set({"temporary-directory": str(tmp_path)}):
        executor = DaskExecutor.local(1)
    client = executor.client
    executor.fetch(_FutureOfAClient(client.loop.asyncio_loop))
    client.close_loop()
    executor.close(abandon=True)
    assert [client.closed for client in started_clients] == [True]
    assert [cluster.closed for cluster in started_clusters] == [True]
    assert list(tmp_path.iterdir()) == []


class _ClientThatRunsHereAndFailsToClose(_ClientThatFailsToClose):
    """A stand-in for Dask's Client that runs each task at submission, in this process, and
    whose close fails, as it may once the scheduler is gone. Its futures take a `timeout`, as
    Dask's do, and their results are gathered on its event loop, as Dask's are."""

    def __init__(self, *where: Any, **options: Any) -> None:
        super().__init__(*where, **options)
        self.loop = _EventLoopThread()

    def submit(self, fn: Callable[..., Any], *args: Any, pure: bool = True) -> Any:
        done: Future[Any] = Future()
        done.set_result(SerialExecutor().submit(fn, *args).result())
        return done

    def gather(self, future: Future[Any], asynchronous: bool = False) -> Any:
        async def gathered() -> Any:
            return future.result()

        return gathered()

    def close(self) -> None:
        self.loop.stop()
        super().close()


@pytest.mark.parametrize("cluster", [["--dask", "--workers", "2"],
                                     ["--scheduler", "tcp://127.0.0.1:9"]])
def test_a_dask_client_that_fails_to_close_after_the_export_is_one_line(
        cluster: list[str], cluster_started_under_ctrl_c: None, monkeypatch: pytest.MonkeyPatch,
        samples: Path, tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """At the end of a `--dask` or `--scheduler` run, closing a client whose scheduler is gone
    raised OSError: a finished export ended in a traceback. The failure is one warning line, and
    the export's output and exit code stand."""
    import dask.distributed

    monkeypatch.setattr(_ClusterStartedUnderCtrlC, "press_ctrl_c", staticmethod(lambda: None))
    monkeypatch.setattr(dask.distributed, "Client", _ClientThatRunsHereAndFailsToClose)
    _pass_the_scheduler_checks(monkeypatch)
    out = tmp_path / "x.jsonl"
    result = run_cli("export", str(samples), "-o", str(out), *cluster)
    assert result.exit_code == 0
    assert ("revdiff: warning: closing the workers failed: Stream is closed (the export is not "
            "affected)") in result.output.splitlines()
    assert out.read_text(encoding="utf-8")
    assert [client.closed for client in started_clients] == [True]


class _PoolOfFourRunningHere:
    """An executor of four workers that runs each chunk at submission, in this process: the
    driver keeps as many chunks in flight, and reads ahead of them, as with a pool."""

    workers = 4

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return SerialExecutor().submit(fn, *args)

    def close(self, abandon: bool = False) -> None:
        pass


def test_skips_are_told_in_input_order_whatever_the_workers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader, ahead of the workers, told the inputs it skipped as it read them, and the
    driver an article that failed as its result came back: `b` (one version) was told before
    `a`, which came first. Every skip is told in input order."""
    from export_corpus import make_chain

    from revdiff.export import tasks

    corpus = tmp_path / "corpus"
    for name, versions in (("a", 2), ("b", 1), ("c", 2), ("d", 1)):
        make_chain(corpus / name, [[f"Version {number} of {name}."] for number in range(versions)])
    compare = tasks.compared_pairs

    def compare_failing_on_a(article: Any, sentences: str) -> Any:
        if "Version 0 of a." in article.versions[0].text:
            raise ValueError("cannot compare a")
        return compare(article, sentences)

    monkeypatch.setattr(tasks, "compared_pairs", compare_failing_on_a)
    told: list[str] = []
    job = ExportJob(inputs=(str(corpus),), out=tmp_path / "x.jsonl", format="jsonl",
                    skip_errors=True)
    run_export(job, executor=_PoolOfFourRunningHere(), on_note=told.append)
    assert [line.split(":")[0] for line in told if line.startswith("skipped")] == [
        f"skipped {corpus / name}" for name in ("a", "b", "d")]


def test_a_scheduler_that_loses_every_worker_mid_run_is_said_once_and_waited_for() -> None:
    """The scheduler's every worker left while the run waited for a result: the run waited for
    ever without a word, its progress bar standing still, where a scheduler without a worker at
    the start is said. It waits on (a cluster may add workers on demand), saying so once."""
    from concurrent.futures import ThreadPoolExecutor

    distributed = pytest.importorskip("dask.distributed")
    from revdiff.export.dask_executor import DaskExecutor

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  protocol="tcp://", host="127.0.0.1",
                                  dashboard_address=None) as cluster, ExitStack() as closing:
        notes: list[str] = []

        def note(text: str) -> None:
            notes.append(text)
            cluster.scale(1)  # a worker comes back once the run has said it waits for one

        address = cluster.scheduler_address
        executor = DaskExecutor.connect(address, closing, on_note=note, notice_after=0.5)
        cluster.scale(0)
        while executor.client.scheduler_info()["workers"]:
            time.sleep(0.1)
        waiting = ThreadPoolExecutor(1)  # without an answer the test fails, not hangs
        try:
            answer = waiting.submit(executor.submit(len, "chunk").result)
            assert answer.result(timeout=60) == 5
        finally:
            executor.close()  # ends a wait that got no answer
            waiting.shutdown()
    said = (f"the Dask scheduler at {address} has no worker left: waiting for one "
            f"(start one with `dask worker {address}`, or stop with Ctrl-C)")
    assert notes == [said]


def test_a_missing_dask_temporary_directory_is_named_as_dask_s_setting(tmp_path: Path) -> None:
    """`--dask` with Dask's `temporary-directory` (DASK_TEMPORARY_DIRECTORY) set to a folder that
    is not there said `/nowhere/revdiff-dask-x1y2: cannot read or write this file`, naming a
    folder of revdiff's making as if it were an input or output file. It is a setting to fix,
    not a scheduler's problem (it was `SchedulerProblem`, which is `--scheduler`'s) nor a
    start-up to try again (`LocalClusterStartFailed`'s exit code says so): a plain
    `RevdiffError`, as when the system's temporary folder cannot hold it."""
    pytest.importorskip("dask.distributed")
    import dask.config

    from revdiff.errors import RevdiffError
    from revdiff.export.dask_cluster import LocalClusterStartFailed
    from revdiff.export.dask_executor import DaskExecutor

    missing = tmp_path / "nowhere"
    with dask.config.set({"temporary-directory": str(missing)}), \
            pytest.raises(RevdiffError) as problem:
        DaskExecutor.local(1)
    assert type(problem.value) is RevdiffError
    assert problem.value.exit_code != LocalClusterStartFailed.exit_code
    told = str(problem.value)
    assert told.startswith(f"{missing}: ")
    assert "Dask's temporary-directory" in told and "DASK_TEMPORARY_DIRECTORY" in told
    assert not missing.exists()


def test_a_scheduler_of_other_dask_versions_is_one_warning_line(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A scheduler running other versions of Dask than this process made Dask's client warn
    with a table of many lines and its own source line on stderr, even under --quiet."""
    distributed = pytest.importorskip("dask.distributed")
    import warnings
    from types import SimpleNamespace

    from distributed import client as dask_client
    from distributed import versions as dask_versions

    from revdiff.export.dask_executor import DaskExecutor

    def older_dask_here(packages: Any = None) -> dict[str, Any]:
        versions = dask_versions.get_versions(packages)
        versions["packages"] = {**versions["packages"], "dask": "2000.1.0"}
        return versions

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  protocol="tcp://", host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        # the client, alone, reports an older dask: the scheduler and its worker do not
        monkeypatch.setattr(dask_client, "version_module", SimpleNamespace(
            get_versions=older_dask_here, error_message=dask_versions.error_message,
            VersionMismatchWarning=dask_versions.VersionMismatchWarning))
        notes: list[str] = []
        address = cluster.scheduler_address
        with warnings.catch_warnings(record=True) as caught, ExitStack() as closing:
            warnings.simplefilter("always")
            DaskExecutor.connect(address, closing, on_note=notes.append)
    assert [warning for warning in caught
            if isinstance(warning.message, dask_versions.VersionMismatchWarning)] == []
    here = dask_versions.get_versions()["packages"]["dask"]
    said = (f"warning: the Dask scheduler at {address} or its workers run other versions than "
            f"this process: dask {here} (here 2000.1.0); Dask may fail between them (install "
            "the same versions everywhere)")
    assert notes == [said]


class _ClientCutWhileWaitingForAWorker:
    """A client whose scheduler stops while it waits for a worker, as Dask's TCP comm says it."""

    def wait_for_workers(self, *_args: Any, **_options: Any) -> None:
        from distributed.comm.tcp import convert_stream_closed_error
        from tornado.iostream import StreamClosedError

        convert_stream_closed_error(
            "<TCP (closed) ConnectionPool.identity local=tcp://127.0.0.1:48472 "
            "remote=tcp://127.0.0.1:18559>",
            StreamClosedError(real_error=ConnectionResetError(104, "Connection reset by peer")))


def test_a_scheduler_lost_while_waiting_for_a_worker_is_told_without_dask_s_comm() -> None:
    """The line named Dask's connection object (`in <TCP (closed) ConnectionPool.identity
    local=... remote=...>: ...`) before what happened to it."""
    pytest.importorskip("dask.distributed")
    from revdiff.export.dask_scheduler import SchedulerProblem, wait_for_a_worker

    with pytest.raises(SchedulerProblem) as lost:
        wait_for_a_worker(_ClientCutWhileWaitingForAWorker(), "127.0.0.1:18559", 10.0,
                          lambda text: None)
    assert str(lost.value).startswith(
        "127.0.0.1:18559: lost the Dask scheduler while waiting for a worker: "
        "ConnectionResetError: [Errno 104] Connection reset by peer (check that")
