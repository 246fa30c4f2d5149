"""A worker process that dies mid-run (SIGKILL, the out-of-memory killer, a crash): what ended it
and which work it took with it, for the one line that reports it.

Each local worker process takes a slot of a `WorkBoard` when it starts and writes in it the key of
the item it works on (`working_on`); when a worker dies, the driver reads the dead one's slot.
Where no slot says (a Dask worker, or a worker that died between two items), `InFlight` names the
items handed out whose results had not come back.
"""

from __future__ import annotations

from multiprocessing.context import BaseContext

from revdiff.process_ends import killing_signal

# An empty slot: the worker is between items.
_NO_ITEM = -1
# What may keep a worker from being killed again: SIGKILL is the out-of-memory killer's signal.
FEWER_WORKERS = "fewer --workers use less memory"
# Where to learn why a process ended when nothing here points to memory.
SYSTEM_LOG = "`journalctl -k` or `dmesg`, the system's log, may say what ended it"


class WorkerLost(Exception):
    """A worker process died, and the run cannot go on without it.

    `how` says it as the run reports it (`a worker process was killed by SIGKILL ...`), `item` is
    the key of the item the dead worker was on (None when unknown), `advice` what may help.
    `work_involved` is False where the loss had nothing to do with the items handed out (the
    forkserver died): the line then names none of them.
    """

    def __init__(self, how: str, item: int | None = None, advice: str = "",
                 work_involved: bool = True) -> None:
        super().__init__(how)
        self.how = how
        self.item = item
        self.advice = advice
        self.work_involved = work_involved


def how_it_ended(exit_code: int | None) -> str:
    """A worker's end from its exit code, as multiprocessing gives it (minus the signal's
    number when a signal killed it; None when unknown)."""
    if exit_code is None:
        return "died"
    if exit_code >= 0:
        return f"exited with status {exit_code}"
    return f"was killed by {killing_signal(-exit_code)}"


class WorkBoard:
    """Which item each local worker process is on: one slot per worker, in shared memory."""

    def __init__(self, context: BaseContext, workers: int) -> None:
        self._slots_taken = context.Value("i", 0)
        self._pids = context.Array("q", workers, lock=False)
        self._items = context.Array("q", [_NO_ITEM] * workers, lock=False)

    def take_slot(self, pid: int) -> int | None:
        """In a worker as it starts: its slot (None when every slot is taken)."""
        with self._slots_taken.get_lock():
            slot = self._slots_taken.value
            self._slots_taken.value += 1
        if slot >= len(self._pids):
            return None
        self._pids[slot] = pid
        return slot

    def write(self, slot: int, item: int | None) -> None:
        self._items[slot] = _NO_ITEM if item is None else item

    def item_of(self, pid: int) -> int | None:
        """The item worker `pid` was on, if it was on one."""
        for slot, owner in enumerate(self._pids):
            if owner == pid and self._items[slot] != _NO_ITEM:
                return int(self._items[slot])
        return None


_slot: tuple[WorkBoard, int] | None = None  # in a worker process: its board and slot


def join_board(board: WorkBoard, pid: int) -> None:
    """In a worker process as it starts: take a slot of the board for `working_on`."""
    global _slot
    slot = board.take_slot(pid)
    _slot = (board, slot) if slot is not None else None


def working_on(item: int | None) -> None:
    """Note the item this worker process starts on (None: it is between items), so that the
    driver can name it if the process dies. Does nothing outside a local worker process."""
    if _slot is not None:
        board, slot = _slot
        board.write(slot, item)


class InFlight:
    """The items handed to the workers whose results have not come back, by key, with their
    names: what a worker that died may have been working on."""

    def __init__(self) -> None:
        self._names: dict[int, str] = {}

    def handed(self, key: int, name: str) -> None:
        self._names[key] = name

    def back(self, key: int) -> None:
        self._names.pop(key, None)

    def where(self, lost: WorkerLost) -> str:
        """` while comparing NAME`, or else the articles in flight (nothing when none was, or
        when the loss did not involve them)."""
        if not lost.work_involved:
            return ""
        if lost.item is not None and lost.item in self._names:
            return f" while comparing {self._names[lost.item]}"
        names = list(self._names.values())
        if not names:
            return ""
        if len(names) == 1:
            return f" while {names[0]} was in flight"
        return f" while {len(names)} articles were in flight ({names[0]} to {names[-1]})"
