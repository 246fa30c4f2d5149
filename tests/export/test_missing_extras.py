"""Export options whose extra is missing or incomplete: one line saying what to install."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


def test_pyarrow_without_parquet_is_not_called_missing(run_cli, samples: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # a pyarrow built without Parquet (conda's pyarrow-core) was reported as "pyarrow, which is
    # not installed", and `pip install 'revdiff[parquet]'` found pyarrow installed and did nothing
    pytest.importorskip("pyarrow")
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = tmp_path / "edits.parquet"
    result = run_cli("export", str(samples), "-o", str(out))
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line.startswith(f"revdiff: error: -o {out} needs pyarrow's Parquet support, "
                           "which the installed pyarrow ")
    assert "not installed" not in line and "pyarrow-core" in line
    assert list(tmp_path.iterdir()) == []


def test_arrow_tables_need_no_parquet_support(samples: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # edits_arrow and comparisons_arrow refused a pyarrow without Parquet, which they never use
    pytest.importorskip("pyarrow")
    import revdiff

    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert revdiff.edits_arrow(samples).num_rows == len(revdiff.edits_table(samples)) > 0
    assert revdiff.comparisons_arrow(samples).num_rows > 0


def test_help_names_the_extra_of_each_option_that_needs_one(run_cli) -> None:  # type: ignore[no-untyped-def]
    # only --scheduler said it needs revdiff[dask]; --dask needs it too, and parquet its own
    result = run_cli("export", "--help")
    text = " ".join(result.output.split())
    assert ("--scheduler ADDRESS Run on the Dask distributed scheduler at this address: "
            "HOST:PORT, tcp:// or ws:// (needs revdiff[dask])") in text
    assert "--dask Run on a Dask LocalCluster of --workers processes (needs revdiff[dask])" in text
    assert ("by default taken from the output's suffix (html for a name that ends in /, -o "
            "report/). parquet needs revdiff[parquet].") in text


def test_saved_pages_without_trafilatura_stop_the_export_even_with_skip_errors(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a missing snapshots extra was an input's failure: the run said "fix or remove that input,
    # or rerun with --skip-errors to skip it", and --skip-errors skipped every folder of pages,
    # one line each, to end in "nothing was exported"
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    pages = samples.parent / "snapshots"
    result = run_cli("export", str(pages / "iran-strikes-us-troops-in-iraq"),
                     str(pages / "us-deploys-troops-after-soleimani-strike"),
                     "-o", str(tmp_path / "edits.jsonl"), "--skip-errors")
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line.startswith("revdiff: error: ")
    assert line.endswith("reading saved publisher pages needs trafilatura, which is not installed "
                         "(pip install 'revdiff[snapshots]')")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("option", [("--dask", "--workers", "2"),
                                    ("--scheduler", "tcp://127.0.0.1:1")])
def test_missing_dask_names_the_option_given_and_the_pip_command(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        option: tuple[str, ...]) -> None:
    # the line named both options ("--dask and --scheduler need dask.distributed") whichever was
    # given, and told a --scheduler run to "use --workers N", an option it refuses
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = run_cli("export", str(samples), "-o", str(tmp_path / "edits.jsonl"), *option)
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    given = option[0]
    other = "--scheduler" if given == "--dask" else "--dask"
    assert line.startswith(f"revdiff: error: {given} needs dask.distributed, which is not "
                           "installed (pip install 'revdiff[dask]'")
    assert other not in line
    assert ("--workers" in line) == (given == "--dask")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("package", "option", "needs"), [
    ("pyarrow", ("-o", "edits.parquet"), "-o edits.parquet needs pyarrow"),
    ("distributed", ("-o", "edits.jsonl", "--dask", "--workers", "2"), "--dask needs dask.distributed")])
def test_an_extra_that_fails_to_import_is_not_called_missing(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        package: str, option: tuple[str, ...], needs: str) -> None:
    # an installed pyarrow whose library fails to load was "pyarrow, which is not installed", and
    # `pip install 'revdiff[parquet]'` found it installed and did nothing
    broken = tmp_path / "site" / package
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text(
        "raise ImportError('libbroken.so.1: cannot open shared object file\\nsecond line')\n",
        encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    for name in [name for name in sys.modules if name.split(".")[0] in {package, "dask"}]:
        monkeypatch.delitem(sys.modules, name)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    result = run_cli("export", str(samples), *option)
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line.startswith(f"revdiff: error: {needs}, which is installed but fails to import: "
                           "libbroken.so.1: cannot open shared object file (pip install ")
    assert "not installed" not in line
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(("option", "named"), [
    (("-o", "edits.parquet"), "-o edits.parquet"),
    (("-o", "my edits.parquet"), "-o 'my edits.parquet'"),
    (("-o", "edits", "--format", "parquet"), "--format parquet")])
def test_missing_pyarrow_names_the_option_given(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        option: tuple[str, ...], named: str) -> None:
    # the line said "Parquet and Arrow output need pyarrow" whichever option asked for Parquet,
    # where the Dask lines name theirs (--dask, --scheduler)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.chdir(tmp_path)
    result = run_cli("export", str(samples), *option)
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line == (f"revdiff: error: {named} needs pyarrow, which is not installed "
                    "(pip install 'revdiff[parquet]')")
    assert list(tmp_path.iterdir()) == []
