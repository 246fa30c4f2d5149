"""Writing a named file through a temporary file beside it (the app's export)."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from revdiff.export.atomic_write import write_text_atomically


def test_a_link_planted_at_a_temporary_name_is_not_followed(tmp_path: Path) -> None:
    """The temporary name was `.NAME.PID.tmp`: in a shared folder anyone could plant a link
    there first, and the write went through it to a file the user never named."""
    victim = tmp_path / "victim.txt"
    victim.write_text("theirs\n")
    target = tmp_path / "export.txt"
    (tmp_path / f".{target.name}.{os.getpid()}.tmp").symlink_to(victim)
    write_text_atomically(target, "mine\n")
    assert victim.read_text() == "theirs\n"
    assert target.read_text() == "mine\n" and not target.is_symlink()


def test_the_written_file_has_the_permissions_of_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "export.txt"
    mask = os.umask(0o022)
    try:
        write_text_atomically(target, "mine\n")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [path.name for path in tmp_path.iterdir()] == ["export.txt"]


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    """The app's export (`e`) over a file made private (`chmod 600`) made it readable by
    everyone: the new file had the permissions of a new one."""
    target = tmp_path / "export.txt"
    target.write_text("older\n")
    target.chmod(0o600)
    mask = os.umask(0o022)
    try:
        write_text_atomically(target, "mine\n")
    finally:
        os.umask(mask)
    assert target.read_text() == "mine\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("folder", ["/proc", "/sys"])
def test_a_folder_that_takes_no_new_files_is_told_so(folder: str) -> None:
    """The app's export to `/sys/a.txt` was told, to root, whom its permissions let write,
    `cannot create a file in /sys (Permission denied)`: the cause is told, in the words
    of `export -o`, as it was (more briefly) for /proc."""
    if not (os.path.isdir(folder) and os.access(folder, os.W_OK)):
        pytest.skip(f"no {folder} that this user may write, as root may /sys")
    with pytest.raises(OSError) as refused:
        write_text_atomically(Path(folder) / "a.txt", "mine\n")
    said = ("takes no new files: it is no real folder but a view the system gives (as /proc is)"
            if folder == "/proc" else "refuses new files though its permissions let you write "
            "(a view the system gives, as /sys is, or a folder made immutable)")
    assert refused.value.strerror == f"cannot create a file in {folder}, which {said}"
    assert not os.path.lexists(Path(folder) / "a.txt")
