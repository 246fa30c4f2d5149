"""`export --scheduler` is checked at the command line, before any input is read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
from cli_run import SAMPLES, revdiff

from revdiff.cli.common import check_scheduler
from revdiff.errors import RevdiffError


@pytest.mark.parametrize("address", ["not a url", "tcp://", "tcp://10.0.0.5", "10.0.0.5:port",
                                     "http://10.0.0.5:8786", "tcp://10.0.0.5:99999"])
def test_a_malformed_address_is_one_error_line(address: str, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = revdiff("export", str(SAMPLES / "versions"), "-o", str(out), "--scheduler", address)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"revdiff: error: --scheduler {address!r} is not a Dask scheduler "
                           "address (write it as tcp://HOST:PORT")
    assert result.stdout == "" and not list(tmp_path.iterdir())


@pytest.mark.parametrize("address", ["tcp://10.0.0.5:8786", "localhost:8786", "tcp://[::1]:8786",
                                     "ws://scheduler.example.org:8787"])
def test_a_well_formed_address_passes(address: str) -> None:
    assert check_scheduler(click.Context(click.Command("export")), click.Option(["--scheduler"]),
                           address) == address


@pytest.mark.parametrize("address", ["tls://127.0.0.1:8786", "wss://[::1]:8786",
                                     "ucx://10.0.0.5:13337"])
def test_a_protocol_that_needs_settings_is_one_error_line(address: str, tmp_path: Path) -> None:
    """tls:// said `TLS expects a ssl_context argument`, ucx:// `Can't instantiate abstract class
    UCXConnector`: Dask's words for settings revdiff has no options for."""
    out = tmp_path / "out.csv"
    result = revdiff("export", str(SAMPLES / "versions"), "-o", str(out), "--scheduler", address)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    protocol = address.split(":")[0]
    assert line.startswith(f"revdiff: error: --scheduler {address!r}: revdiff reaches a Dask "
                           f"scheduler over tcp:// or ws:// only, not {protocol}:// (")
    assert result.stdout == "" and not list(tmp_path.iterdir())


@pytest.mark.parametrize(("address", "spelled"), [
    (b"h\xe9 x", b"--scheduler 'h\\xe9 x' is not a Dask scheduler address"),
    (b"tls://h\xe9:8786", b"--scheduler 'tls://h\\xe9:8786': revdiff reaches a Dask scheduler"),
])
def test_an_address_that_is_not_utf8_is_spelled_as_revdiff_spells_names(
        address: bytes, spelled: bytes, tmp_path: Path) -> None:
    """An address with a byte that is not UTF-8 came out in Python's repr (`'h\\udce9 x'`),
    where revdiff's other messages write `h\\xe9`."""
    result = subprocess.run([sys.executable, "-m", "revdiff", "export", str(SAMPLES / "versions"),
                             "-o", str(tmp_path / "out.jsonl"), "--scheduler", address],
                            capture_output=True, timeout=120, check=False)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(b"revdiff: error: " + spelled), line


def test_no_address_passes() -> None:
    assert check_scheduler(click.Context(click.Command("export")), click.Option(["--scheduler"]),
                           None) is None


def test_the_error_is_a_revdiff_error() -> None:
    with pytest.raises(RevdiffError, match="not a Dask scheduler address"):
        check_scheduler(click.Context(click.Command("export")), click.Option(["--scheduler"]),
                        "nowhere")
