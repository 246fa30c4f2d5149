"""Error types (and `writing_stdout`, which turns a failed write to stdout into one). The CLI turns
each into one line on stderr and exit code 2."""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from revdiff.terminal_text import visible

# What `from revdiff.errors import *` gives: not the names imported here
__all__ = ["INTERRUPTED_EXIT", "TERMINATED_EXIT", "WORKER_LOST_EXIT", "BinaryData", "BinaryInput",
           "BranchMoved", "EmptyInput", "EmptyText", "EncodingProblem", "InconsistentPages",
           "InputTooLarge", "MalformedPage", "MissingExtra", "NothingToCompare", "OutputFailed",
           "ReadOnlyRepository", "RevdiffError", "StoreError", "UnknownFormat",
           "UnknownSentenceMode", "ValueTooLarge", "file_failure", "folder_taking_no_files",
           "import_failure", "os_reason", "stdout_failure", "stdout_open",
           "temporary_folder_failure", "writing_stdout"]

# The exit status after Ctrl-C, as shells report a process ended by SIGINT.
INTERRUPTED_EXIT = 130
# The exit status after SIGTERM (kill, timeout, a batch scheduler), as shells report it.
TERMINATED_EXIT = 143
# The exit status after a worker process died (killed from outside, often by the system for lack
# of memory): sysexits.h's EX_TEMPFAIL, as the run can be continued (export --resume).
WORKER_LOST_EXIT = 75


class RevdiffError(Exception):
    """Base of every error revdiff reports to a user: what, where, and what to do.

    `str(error)` is the line to show: the input's control characters in it are symbols (`␛`), as
    on the command line. The attributes are data, as an Article's text is: `message`, `where`
    (the path or name as given, so a program can open or skip that file), `line` and `hint`
    keep the input's characters as they are; show one through `revdiff.terminal_text.visible`.
    """

    # The command line's exit status for this error (INTERRUPTED_EXIT or TERMINATED_EXIT for errors
    # that mean Ctrl-C or SIGTERM stopped the run, WORKER_LOST_EXIT when a worker process died).
    exit_code = 2

    def __init__(self, message: str, where: str | None = None, line: int | None = None,
                 hint: str | None = None, python_hint: str | None = None) -> None:
        self.message = message
        self.where = where
        self.line = line
        self.hint = hint
        # What to do in Python, where `hint` names the command line's options or the shell's
        # ways (`-`, `--max-size`, quoting a glob): the notebook API words its errors so.
        self.python_hint = python_hint
        super().__init__(str(self))

    def worded_for_python(self) -> RevdiffError:
        """This error with its hint for a Python caller, when it has one of its own."""
        if self.python_hint is not None:
            self.hint = self.python_hint
            self.args = (str(self),)
        return self

    def add_hint(self, more: str) -> None:
        """Follow this error's hint with `more`: what else may be done about it."""
        self.hint = f"{self.hint}; {more}" if self.hint else more
        self.args = (str(self),)

    def __str__(self) -> str:
        place = ""
        if self.where:
            place = f"{self.where}:{self.line}: " if self.line else f"{self.where}: "
        text = f"{place}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        # the input's name (a path, a title) may hold an escape: printed as it is in a Python
        # session, it would set the terminal's colours or title; the command line shows it so too
        return visible(text)


class MissingExtra(RevdiffError):
    """An optional dependency needed for the requested feature is not installed: no input's
    fault, so `export --skip-errors` stops on it rather than skipping input after input."""


def import_failure(error: ImportError, *packages: str) -> str:
    """Why importing an optional dependency raised `error`, as the end of a MissingExtra's line:
    "which is not installed" when one of `packages` (top-level module names) is not found, else
    "which is installed but fails to import" and the error's first line (a library it loads is
    broken, or a package it imports is missing), so that no one reinstalls what is installed."""
    from importlib.util import find_spec

    try:
        missing = any(find_spec(package) is None for package in packages)
    except ValueError:  # a module put in sys.modules by hand, with no spec: there, so installed
        missing = False
    if missing:
        return "which is not installed"
    return "which is installed but fails to import: " + str(error).partition("\n")[0]


class UnknownFormat(RevdiffError):
    """The input is not any format revdiff reads."""


class MalformedPage(RevdiffError):
    """The input looks like a known format but breaks its structure."""


class EmptyInput(RevdiffError):
    """No input is given, or one gives nothing to read: its path names nothing (no such file
    or folder, a broken symbolic link, an empty path, a glob that matches nothing) or cannot be
    read or looked up, it holds no text, a directory holds no versions, or a database's table is
    empty."""


class EmptyText(EmptyInput):
    """The input is read, and it is empty or white space only: among versions, a failed capture."""


class BinaryInput(RevdiffError):
    """The input is binary data, not text."""


class BinaryData(BinaryInput):
    """The input is binary data that is no text in any form (not compressed text, nor a
    document): among a folder's version files, a picture or the like, no version."""


class EncodingProblem(RevdiffError):
    """The input is not valid text in any encoding revdiff accepts."""


class NothingToCompare(RevdiffError):
    """No article read has two versions, and the command or table compares versions."""


class InputTooLarge(RevdiffError):
    """The input exceeds the configured size limit."""


class InconsistentPages(RevdiffError):
    """Several pages given together contradict each other."""


class UnknownSentenceMode(RevdiffError):
    """compare(), sentences_of() or one of the four table functions (edits_table,
    comparisons_table, edits_arrow, comparisons_arrow) was asked for a sentence mode it does not
    know."""


class ValueTooLarge(RevdiffError):
    """A number in the article does not fit the output's integer type."""


class StoreError(RevdiffError):
    """The git store cannot be written or read."""


class ReadOnlyRepository(StoreError):
    """A store run cannot write to the repository, whose file system is read-only; a run that
    has nothing to write goes on without writing."""


class BranchMoved(StoreError):
    """The branch moved while a store run wrote its versions (a commit made on it meanwhile):
    they are not on it, and the next run stores them after its new tip."""


class OutputFailed(RevdiffError):
    """Standard output cannot be written: a full disk, a device error (not a closed pipe)."""


@contextmanager
def writing_stdout() -> Iterator[None]:
    """A write to stdout that fails (a full disk; not a closed pipe, which ends a command
    quietly) becomes one error line; so does a stdout that was closed when the command started
    (`stdout_open`)."""
    stdout_open()
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise stdout_failure(error) from None


def stdout_open() -> None:
    """Refuse, in one error line, a standard output the command was started without (`>&-`, a
    job whose scheduler closed it): Python has none (`sys.stdout` is None), and what would have
    been written to it, lost unsaid, ended the command with a traceback or none at all."""
    if sys.stdout is None:
        raise OutputFailed("cannot write to standard output: it is closed",
                           hint="give the command somewhere to write: a file, > FILE, or a pipe")


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in the words every error line gives it: the system's message
    (`Permission denied`), or the error itself when it carries none."""
    return error.strerror or str(error)


def folder_taking_no_files(folder: Path, error: OSError) -> str | None:
    """Why `folder`, a folder that exists, took no new file (or folder), where the `error`
    making one there shows it takes none at all: none found (`ENOENT`, as /proc says), or none
    allowed to a user its permissions let write (`EACCES` to root in /sys, `EPERM` in a folder
    made immutable); None for any other error. Said after `the folder` (or its name)."""
    if error.errno == errno.ENOENT and folder.is_dir():
        return ("takes no new files: it is no real folder but a view the system gives "
                "(as /proc is)")
    if error.errno in (errno.EACCES, errno.EPERM) and os.access(folder, os.W_OK):
        return ("refuses new files though its permissions let you write (a view the system "
                "gives, as /sys is, or a folder made immutable)")
    return None


def stdout_failure(error: OSError) -> OutputFailed:
    """The error line for a write to standard output that failed with `error`."""
    return OutputFailed(f"cannot write to standard output ({os_reason(error)})",
                        hint="free some space, or send the output elsewhere")


def file_failure(error: OSError) -> RevdiffError:
    """The error line for a file operation that failed with `error` where no command told it in
    its own words: the file it names (and the one a rename was to make), and the system's reason."""
    where = error.filename
    if not isinstance(where, (str, bytes)):  # none, or a file descriptor's number
        return RevdiffError(f"a file could not be read or written: {os_reason(error)}",
                            hint="check the files the command names and their permissions, "
                            "then rerun the command")
    other = error.filename2
    what = ("cannot read or write this file" if not isinstance(other, (str, bytes))
            else f"cannot rename this file to {os.fsdecode(other)}")
    return RevdiffError(f"{what}: {os_reason(error)}", os.fsdecode(where),
                        hint="check that it is there and that you may use it, then rerun the "
                        "command")


def temporary_folder_failure(error: OSError, what: str) -> RevdiffError:
    """The error line for `what`, a folder revdiff makes for itself in the system's temporary
    folder, that could not be made (a full disk, no permission): named as that folder's, where
    TMPDIR chooses another, rather than told by `file_failure` as a file the user named."""
    return RevdiffError(f"cannot make {what} in the temporary folder: {os_reason(error)}",
                        tempfile.tempdir,  # found by `tempfile` as it failed; None: none usable
                        hint="free some space there or make it writable, or set TMPDIR to a "
                             "folder you may write in, then rerun the command")
