"""An export that replaces an existing output file keeps that file's permissions: the new file
was made with the default ones (`rw-r--r--` under the usual umask), so rerunning an export
into a file the user had made private (`chmod 600 edits.csv`) made it readable by everyone."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cli_run import CHAIN
from click.testing import CliRunner

from revdiff.cli import main


@pytest.mark.parametrize("name", ["edits.csv", "edits.jsonl", "edits.sqlite", "edits.diff"])
def test_a_replaced_output_file_keeps_its_permissions(name: str, tmp_path: Path) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(main, ["export", str(CHAIN), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    out.chmod(0o600)
    result = CliRunner().invoke(main, ["export", str(CHAIN), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
