"""How a child process (git, an export worker) ended, in the words of an error line."""

from __future__ import annotations

import signal


def killing_signal(number: int) -> str:
    """The signal `number` by its name and what it means (`SIGXFSZ, file size limit exceeded`);
    of SIGKILL, which the system sends when memory runs out, that it often is that."""
    try:
        name = signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
    if number == signal.SIGKILL:
        return f"{name} (often the system running out of memory)"
    description = signal.strsignal(number)
    return f"{name}, {description[:1].lower()}{description[1:]}" if description else name
