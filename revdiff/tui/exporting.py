"""Export the comparison on screen to a file, and format one edit for the clipboard.

The file formats are the writers of `revdiff.export`; this module only offers them to the app.
No Textual import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from revdiff.engine.graphemes import grapheme_clusters
from revdiff.export.atomic_write import write_text_atomically
from revdiff.export.comparison_html import comparisons_html, versions_heading
from revdiff.export.comparison_records import comparison_record
from revdiff.export.comparison_text import comparison_text
from revdiff.export.json_text import escape_line_breaks, indented_json
from revdiff.export.pairs import PairReading
from revdiff.export.patch_text import article_line, article_unified_diff
from revdiff.export.records import ArticleRef
from revdiff.export.slugs import article_slug
from revdiff.model import Comparison, Edit, EditOp, is_unsure
from revdiff.terminal_text import visible, visible_unseen
from revdiff.tui.notices import notice_text_width
from revdiff.tui.wrapping import text_width


@dataclass(frozen=True, slots=True)
class ExportedPair:
    """The comparison on screen, its article as `revdiff diff` names and numbers it, and how
    sure the reading of its versions is."""

    comparison: Comparison
    ref: ArticleRef
    reading: PairReading


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    extension: str
    render: Callable[[ExportedPair], str]  # what `revdiff diff --format NAME` writes for the pair


def _as_text(pair: ExportedPair) -> str:
    """What `revdiff diff` writes for the pair: its edits read from unsure rows of a flattened
    page marked `? N% sure`, the text's control characters shown as symbols."""
    return comparison_text(pair.comparison, article=pair.ref.name, color=False, shown=visible,
                           unseen=visible_unseen,
                           confidence=partial(pair.reading.edit_confidence,
                                              comparison=pair.comparison))


def _as_json(pair: ExportedPair) -> str:
    """The pair's record as `revdiff diff --format json` writes each, its Unicode line breaks
    escaped (`escape_line_breaks`)."""
    record = comparison_record(pair.comparison, reading=pair.reading, ref=pair.ref)
    return escape_line_breaks(indented_json(record))


def _as_unified(pair: ExportedPair) -> str:
    """What `revdiff diff --format unified` writes for the pair; for a pair without a change,
    which it writes nothing for, the line naming the article and the versions alone, as a pair
    with changes starts (`git apply --allow-empty` takes it for a patch that changes nothing)."""
    return article_unified_diff(pair.ref.name, pair.comparison) \
        or f"{article_line(pair.ref.name, pair.comparison)}\n"


def _as_html(pair: ExportedPair) -> str:
    """The pair's page, titled and headed as `revdiff diff --format html` heads it: by the
    article's title (here the pair's, as the app shows it), not its URL."""
    comparison = pair.comparison
    title = comparison.new.title.strip() or pair.ref.name
    heading = versions_heading(title, comparison.old.number, comparison.new.number)
    return "".join(comparisons_html([(None, [(comparison, pair.reading)])], heading=heading,
                                    unsure=is_unsure(pair.reading.least_edit_confidence(comparison))))


EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("text", "txt", _as_text),
    ExportFormat("json", "json", _as_json),
    ExportFormat("unified", "diff", _as_unified),
    ExportFormat("html", "html", _as_html),
)


def default_filename(comparison: Comparison, key: str, export_format: ExportFormat) -> str:
    """`us-sends-3000-troops-v0-v1.json`: the article (its key; a web page's URL from its site
    on, as the article list shows it, not `www-`) and the pair."""
    pair = f"v{comparison.old.number}-v{comparison.new.number}"
    return f"{article_slug(key)}-{pair}.{export_format.extension}"


def write_export(pair: ExportedPair, export_format: ExportFormat, path: Path) -> None:
    text = export_format.render(pair)
    write_text_atomically(path, text if text.endswith("\n") else text + "\n")


# The rows of a notice an exported file's path may take: a longer one shows its end.
_NOTICE_PATH_ROWS = 3


def exported_notice(format_name: str, path_text: str, terminal_width: int) -> str:
    """`Wrote FORMAT to PATH`, with the path's end only (`…/folder/name.txt`: the folders nearest
    the file that fit, the file's name in full or its end) where the whole would wrap over more
    than a few rows of the notice and run past the screen's foot, the file's name out of sight."""
    most = _NOTICE_PATH_ROWS * notice_text_width(terminal_width)
    return f"Wrote {format_name} to {path_end(path_text, most)}"


def path_end(path_text: str, most: int) -> str:
    """`path_text`, or where it takes more than `most` terminal cells its end: `…/folder/name.txt`,
    the folders nearest its end that fit, the last name in full or its end. Measured in cells
    (`text_width`) and cut between grapheme clusters: counted in characters, a path of wide
    (CJK) characters ran to twice the room, and one of combining marks was cut short or began
    with an accent torn from its letter."""
    if text_width(path_text) <= most:
        return path_text
    room, start = most - 1, len(path_text)  # a cell for the `…`
    for cluster in reversed(list(grapheme_clusters(path_text))):
        if text_width(cluster) > room:
            break
        room -= text_width(cluster)
        start -= len(cluster)
    end = path_text[start:]
    folder = end.find("/")
    return "…" + (end[folder:] if folder >= 0 else end)


def middle_cut(text: str, most: int) -> str:
    """`text`, or where it takes more than `most` terminal cells its start and its end with `…`
    between them, the two as wide as they may be (the end a cell wider where the room is odd), cut
    between grapheme clusters, as `path_end` cuts."""
    if text_width(text) <= most:
        return text
    clusters = list(grapheme_clusters(text))
    tail_room = most // 2  # of the `most - 1` cells beside the `…`
    tail: list[str] = []
    for cluster in reversed(clusters):
        if text_width(cluster) > tail_room:
            break
        tail_room -= text_width(cluster)
        tail.append(cluster)
    head_room = most - 1 - sum(text_width(cluster) for cluster in tail)
    head: list[str] = []
    for cluster in clusters:
        if text_width(cluster) > head_room:
            break
        head_room -= text_width(cluster)
        head.append(cluster)
    return "".join(head) + "…" + "".join(reversed(tail))


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
