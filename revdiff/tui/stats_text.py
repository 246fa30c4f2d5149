"""The statistics panel's content as plain lines: counts per label and a chart of change along the
chain of versions. No Textual import."""

from __future__ import annotations

from revdiff.engine.rounded_shares import percent
from revdiff.model import Comparison, EditOp, Flag, Version
from revdiff.tui.session import PairSummary

SPARK_LEVELS = "▁▂▃▄▅▆▇█"
BAR_CELLS = "▏▎▍▌▋▊▉█"
CURRENT_MARK = "▶"  # begins the current pair's line of the chart


def sparkline(values: list[float]) -> str:
    """One character per value, scaled to the largest value."""
    top = max(values, default=0.0)
    if top <= 0:
        return SPARK_LEVELS[0] * len(values)
    return "".join(SPARK_LEVELS[min(len(SPARK_LEVELS) - 1, int(v / top * (len(SPARK_LEVELS) - 1) + 0.5))]
                   for v in values)


def fit_to_cells(values: list[float], cells: int) -> list[float]:
    """`values` in at most `cells` cells, each the largest of the run of values it stands for, so
    that a long chain's sparkline keeps its biggest changes and stays one line of the chart's
    width (300 pairs wrapped to ten lines beside the diff, or were cut at the terminal's edge
    below it, the later pairs out of sight)."""
    if len(values) <= cells:
        return values
    return [max(values[cell * len(values) // cells:(cell + 1) * len(values) // cells])
            for cell in range(cells)]


def cell_of(position: int, values: int, cells: int) -> int:
    """The cell of `fit_to_cells` that stands for the value at `position` of `values`."""
    if values <= cells:
        return position
    return next(cell for cell in range(cells) if position < (cell + 1) * values // cells)


def bar(share: float, width: int) -> str:
    """A horizontal bar `share` (0..1) of `width` cells, with eighth-cell precision."""
    eighths = round(max(0.0, min(1.0, share)) * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (BAR_CELLS[part - 1] if part else "")
    return text.ljust(width)


def comparison_lines(comparison: Comparison) -> list[str]:
    """Counts per label and words added and removed for one pair."""
    stats = comparison.stats
    lines = [f"v{comparison.old.number} → v{comparison.new.number}", ""]
    for op in EditOp:
        count = stats.counts.get(op.value, 0)
        if count or op in (EditOp.EDITED, EditOp.ADDED, EditOp.DELETED):
            lines.append(f"{op.value:<10}{count:>6}")
    lines += [
        "",
        f"words added  {stats.words_added:>6}",
        f"words removed{stats.words_removed:>6}",
        f"changed      {percent(stats.changed_share):>6}",
    ]
    flagged: dict[Flag, int] = {}
    for edit in comparison.edits:
        for flag in edit.flags:
            flagged[flag] = flagged.get(flag, 0) + 1
    if flagged:
        names = {flag: flag.value.replace("_", " ") for flag in flagged}
        width = max(17, *map(len, names.values()))
        lines.append("")
        lines += [f"{names[flag]:<{width}}{count:>3}" for flag, count in
                  sorted(flagged.items(), key=lambda item: item[0].value)]
    if all(edit.op is EditOp.UNCHANGED for edit in comparison.edits):
        lines.append("no changes")
    elif stats.boring:
        lines.append("only boring changes")
    if stats.rewrite:
        lines.append("mostly rewritten")
    return lines


def chain_lines(summaries: list[PairSummary], versions: tuple[Version, ...],
                current: tuple[int, int], width: int = 28) -> list[str]:
    """A sparkline of change across the chain, a `▲` under the current pair's cell, and one bar
    per consecutive pair."""
    if not summaries:
        return []
    shares = fit_to_cells([summary.changed_share for summary in summaries], width)
    pairs = [(summary.old_index, summary.new_index) for summary in summaries]
    # the current pair under the sparkline: on a long chain its bar below is far out of view
    pointer = (" " * cell_of(pairs.index(current), len(pairs), width) + "▲"
               if current in pairs else "")
    lines = ["change along the chain", sparkline(shares), pointer]
    label_width = max(len(f"v{versions[s.old_index].number}→{versions[s.new_index].number}")
                      for s in summaries)
    bar_width = max(4, width - label_width - 7)
    for summary in summaries:
        label = f"v{versions[summary.old_index].number}→{versions[summary.new_index].number}"
        mark = CURRENT_MARK if (summary.old_index, summary.new_index) == current else " "
        lines.append(f"{mark}{label:<{label_width}} {bar(summary.changed_share, bar_width)}"
                     f"{percent(summary.changed_share):>4}")
    return lines
