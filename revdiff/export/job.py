"""What an export run is asked to do, and the fingerprint of it that --resume checks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from revdiff.export.inputs import InputUnit
from revdiff.size_limit import DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class ExportJob:
    inputs: tuple[str, ...]
    out: Path
    format: str
    sentences: str = "auto"
    max_bytes: int = DEFAULT_MAX_BYTES
    skip_errors: bool = False


def fingerprint(job: ExportJob, units: list[InputUnit]) -> dict[str, Any]:
    """What must be equal for --resume to continue a run: format, inputs, options."""
    digest = hashlib.sha256()
    for unit in units:
        digest.update(unit.label.encode("utf-8", "surrogateescape") + b"\0")
        for path in unit.paths:
            digest.update(path.encode("utf-8", "surrogateescape") + b"\1")
    return {"format": job.format, "units": len(units), "inputs": digest.hexdigest(),
            "sentences": job.sentences, "max_bytes": job.max_bytes}
