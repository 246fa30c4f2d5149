"""An existing Dask scheduler (`--scheduler`): the checks of its address, of its workers' revdiff
and Dask, and the wait for its first worker, each failure told in one line."""

from __future__ import annotations

import ast
import asyncio
import re
import socket
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from revdiff.errors import RevdiffError
from revdiff.export.progress import as_warning


class SchedulerProblem(RevdiffError):
    """An existing Dask scheduler (`--scheduler`) cannot be reached, was lost, or has workers
    that cannot run this revdiff. (A local cluster's failures are `LocalClusterStartFailed`.)"""


SCHEDULER_HINT = ("start it with `dask scheduler`, check the address, "
                  "or use --dask for a local cluster")


class NotDask(Exception):
    """What answers at a scheduler address does not speak Dask's protocol."""


def check_something_listens(distributed: Any, address: str, timeout: float) -> None:
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
    except socket.gaierror as error:  # a mistyped host name: `[Errno -2] Name or service ...`
        raise OSError(f"its host name could not be looked up ({_in_words(error)})") from None
    except OSError as error:  # no route to the host, no network: `[Errno 113] No route ...`
        raise OSError(_in_words(error)) from None


def _in_words(error: OSError) -> str:
    """What the system says of `error`, without Python's `[Errno N]` before it, in lower case
    as it goes on a line (`no route to host`)."""
    words = error.strerror or str(error)
    return words[:1].lower() + words[1:]


def check_it_speaks_dask(distributed: Any, address: str, timeout: float) -> None:
    """Open a connection to `address`, read Dask's handshake and ask what answers there, each
    within `timeout` seconds.

    Dask's client waits for the handshake without a deadline, and reads its first bytes as a
    length: a server that accepts and stays silent (or an HTTP server) kept it waiting for ever,
    and one that speaks first in another protocol (SSH, a proxy) made it set aside exabytes
    (a MemoryError). Either is `NotDask` here, in a connection of its own. So is a Dask server
    that is not a scheduler (a worker's or a nanny's address), told as
    `Worker.identity() got an unexpected keyword argument 'n_workers'`.
    """
    async def handshake() -> str:
        comm = await asyncio.wait_for(distributed.comm.connect(address, timeout=timeout),
                                      timeout)
        try:
            await asyncio.wait_for(comm.write({"op": "identity", "reply": True}), timeout)
            identity = await asyncio.wait_for(comm.read(), timeout)
        finally:
            await comm.close()
        kind = identity.get("type") if isinstance(identity, dict) else None
        return kind if isinstance(kind, str) else ""

    try:
        kind = asyncio.run(handshake())
    except TimeoutError:
        raise NotDask(f"nothing there answered as a Dask scheduler within {timeout:g} s"
                      ) from None
    except (OSError, ValueError, TypeError):
        raise
    except Exception:  # noqa: BLE001 - any failure to read a peer speaking another protocol
        raise NotDask("what answers there is not a Dask scheduler: it speaks another protocol "
                      "(a scheduler listens on port 8786 unless started with another)"
                      ) from None
    if kind != "Scheduler":
        what = f"a Dask {kind}" if kind.isidentifier() and len(kind) <= 40 else "a Dask server"
        raise NotDask(f"what answers there is {what}, not its scheduler (a Dask worker's log "
                      "names its scheduler's address after `Registered to:`)")


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


def check_workers_run_this_revdiff(client: Any, address: str) -> None:
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
def dask_version_warning_left_out(distributed: Any) -> Iterator[None]:
    """Within: Dask's client warns of no version mismatch. It wrote a table of many lines, and its
    own source line, on stderr, even under --quiet; `note_other_dask_versions` says it in one."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=distributed.versions.VersionMismatchWarning)
        yield


def note_other_dask_versions(distributed: Any, client: Any, address: str,
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


def without_dask_comm(error: OSError) -> str:
    """`error`'s text on one line, without the Dask connection object it may begin by naming
    (`in <TCP (closed) ConnectionPool.identity local=... remote=...>: ConnectionResetError: ...`)."""
    return _DASK_COMM.sub("", " ".join(str(error).split()), count=1)


def wait_for_a_worker(client: Any, address: str, notice_after: float,
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
                               f"{without_dask_comm(error)}", address,
                               hint="check that the scheduler is running, then run the command "
                                    "again") from None
