"""Run one function over a stream of work items in order, on an executor: in this process
(`SerialExecutor`), on local worker processes (`revdiff.export.process_pool`), or on Dask
(`revdiff.export.dask_executor`).

`ordered_map` keeps a bounded number of items in flight and yields results in submission order,
so output order never depends on which worker finishes first, and memory stays bounded however
long the stream is. The executors only differ in how they `submit`. A worker process that
dies (killed from outside, or by the system when memory runs out) ends the run: `result()` and
`submit` raise `WorkerLost` (`revdiff.export.worker_loss`), and no worker is left running.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


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
