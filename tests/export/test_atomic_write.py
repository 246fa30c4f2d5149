"""Writing a named file through a temporary file beside it (the app's export)."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from revdiff.export.staging import write_text_atomically


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
