"""Export the comparison on screen to a file, and format one edit for the clipboard.

The file formats are the writers of `revdiff.export`; this module only offers them to the app.
No Textual import.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from revdiff.export.comparison_html import comparisons_html
from revdiff.export.comparison_records import comparison_record
from revdiff.export.comparison_text import comparison_text
from revdiff.export.html_report import article_slug
from revdiff.export.staging import write_text_atomically
from revdiff.export.unified import unified_diff
from revdiff.model import Comparison, Edit, EditOp

# Renders a comparison of the article called `key` (its URL or title) as file contents.
Render = Callable[[Comparison, str], str]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    extension: str
    render: Render


def _as_json(comparison: Comparison, key: str) -> str:
    return json.dumps(comparison_record(comparison, article=key), ensure_ascii=False, indent=2)


def _as_unified(comparison: Comparison, key: str) -> str:
    return unified_diff(comparison) or f"# no changes between versions {comparison.old.number} " \
                                       f"and {comparison.new.number}\n"


EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("text", "txt", lambda comparison, key: comparison_text(comparison, article=key,
                                                                        color=False)),
    ExportFormat("json", "json", _as_json),
    ExportFormat("unified", "diff", _as_unified),
    ExportFormat("html", "html", lambda comparison, key: comparisons_html([(key, comparison)],
                                                                          title=key)),
)


def default_filename(comparison: Comparison, key: str, export_format: ExportFormat) -> str:
    """`us-sends-3000-troops-v0-v1.json`: the article (its key) and the pair."""
    return (f"{article_slug(key)}-v{comparison.old.number}-v{comparison.new.number}"
            f".{export_format.extension}")


def write_export(comparison: Comparison, key: str, export_format: ExportFormat, path: Path) -> Path:
    text = export_format.render(comparison, key)
    write_text_atomically(path, text if text.endswith("\n") else text + "\n")
    return path


def edit_as_text(comparison: Comparison, edit: Edit) -> str:
    """One edit as a person would paste it: a label line, then `-` old and `+` new text."""
    lines = [f"{edit.op.value} (v{comparison.old.number} → v{comparison.new.number})"]
    if edit.op is EditOp.UNCHANGED:
        lines.append(f"  {edit.new_text}")
        return "\n".join(lines)
    if edit.old_text:
        lines.append(f"- {edit.old_text}")
    if edit.new_text:
        lines.append(f"+ {edit.new_text}")
    return "\n".join(lines)
