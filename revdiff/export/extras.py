"""Optional dependencies (`revdiff[parquet]`, `revdiff[dask]`), imported only when asked for."""

from __future__ import annotations

from typing import Any

from revdiff.errors import MissingExtra


def require_arrow() -> Any:
    """The pyarrow module, or MissingExtra: Arrow tables need no Parquet support."""
    try:
        import pyarrow
    except ImportError as error:
        raise MissingExtra("Parquet and Arrow output need pyarrow, which is not installed",
                           hint="pip install 'revdiff[parquet]'") from error
    return pyarrow


def require_pyarrow() -> Any:
    """The pyarrow module (with pyarrow.parquet loaded), or MissingExtra."""
    arrow = require_arrow()
    try:
        import pyarrow.parquet  # noqa: F401 - loaded for pyarrow.parquet's users
    except ImportError as error:  # conda's pyarrow-core, or a pyarrow built by hand without it
        raise MissingExtra(f"Parquet output needs pyarrow's Parquet support, which the "
                           f"installed pyarrow {arrow.__version__} was built without",
                           hint="install a pyarrow that has it: pip install --force-reinstall "
                                "'pyarrow>=14', or conda's pyarrow instead of pyarrow-core"
                           ) from error
    return arrow


def require_distributed() -> Any:
    """The dask.distributed module, or MissingExtra."""
    try:
        import dask.distributed
    except ImportError as error:
        raise MissingExtra("--dask and --scheduler need dask.distributed, which is not installed",
                           hint="pip install 'revdiff[dask]', or use --workers N") from error
    return dask.distributed
