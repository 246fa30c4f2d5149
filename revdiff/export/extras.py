"""Optional dependencies (`revdiff[parquet]`, `revdiff[dask]`), imported only when asked for."""

from __future__ import annotations

from typing import Any

from revdiff.errors import MissingExtra, import_failure


def require_arrow(option: str | None = None) -> Any:
    """The pyarrow module, or MissingExtra naming `option`, the command line's option that asked
    for Parquet (`--format parquet`, `-o edits.parquet`), if any: Arrow tables need no Parquet
    support."""
    try:
        import pyarrow
    except ImportError as error:
        needs = f"{option} needs" if option else "Parquet and Arrow output need"
        raise MissingExtra(f"{needs} pyarrow, {import_failure(error, 'pyarrow')}",
                           hint="pip install 'revdiff[parquet]'") from error
    return pyarrow


def require_pyarrow(option: str | None = None) -> Any:
    """The pyarrow module (with pyarrow.parquet loaded), or MissingExtra naming `option` as
    `require_arrow` does."""
    arrow = require_arrow(option)
    try:
        import pyarrow.parquet  # noqa: F401 - loaded for pyarrow.parquet's users
    except ImportError as error:  # conda's pyarrow-core, or a pyarrow built by hand without it
        raise MissingExtra(f"{option or 'Parquet output'} needs pyarrow's Parquet support, which the "
                           f"installed pyarrow {arrow.__version__} was built without",
                           hint="install a pyarrow that has it: pip install --force-reinstall "
                                "'pyarrow>=14', or conda's pyarrow instead of pyarrow-core"
                           ) from error
    return arrow


def require_distributed(option: str) -> Any:
    """The dask.distributed module, or MissingExtra naming `option`, the command line's option
    that asked for it (`--dask`, `--scheduler`), and the pip command that installs it."""
    try:
        import dask.distributed
    except ImportError as error:
        # without Dask, --dask's local processes are --workers' alone; a --scheduler has no stand-in
        hint = "pip install 'revdiff[dask]'" + (", or use --workers N without --dask"
                                                if option == "--dask" else "")
        raise MissingExtra(f"{option} needs dask.distributed, "
                           f"{import_failure(error, 'dask', 'distributed')}",
                           hint=hint) from error
    return dask.distributed
