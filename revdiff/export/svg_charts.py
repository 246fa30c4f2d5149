"""Small inline SVG charts for the HTML report: no scripts, no external requests, text escaped.

A chart is an image to a screen reader (`role="img"`), named by its label; its `<desc>` gives the
numbers it draws, each point's as its tooltip does, which a screen reader never reaches inside
an image."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from revdiff.engine.rounded_shares import percent

WIDTH = 640
HEIGHT = 160
MARGIN = 28
# The width an x-axis label (font-size 10) takes per character, `→` included, and the gap kept
# between two labels
LABEL_CHAR_WIDTH = 7
LABEL_GAP = 6


def _frame(body: list[str], label: str, numbers: str, width: int = WIDTH, height: int = HEIGHT
           ) -> str:
    """The chart's drawing (`body`) named by `label`, the numbers it draws told in words."""
    return (f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="{escape(label)}"><title>{escape(label)}</title>'
            f'<desc>{escape(numbers)}</desc>{"".join(body)}</svg>')


def _widest_label(labels: Sequence[str]) -> int:
    return max((len(label) for label in labels), default=0) * LABEL_CHAR_WIDTH


def _side_margin(labels: Sequence[str]) -> float:
    """The room left and right of the points: at least `MARGIN`, and half the widest label, so
    that a label centred on the first or last point stays inside the chart (`1000→1001`)."""
    return max(MARGIN, _widest_label(labels) / 2)


def _x_positions(count: int, margin: float) -> list[float]:
    if count <= 1:
        return [WIDTH / 2] * count
    step = (WIDTH - 2 * margin) / (count - 1)
    return [margin + k * step for k in range(count)]


def _label_every(labels: Sequence[str], margin: float) -> int:
    """Label every this many points on the x axis, from the first, so that labels as wide as the
    widest one do not overlap: every point where they fit."""
    spacing = (WIDTH - 2 * margin) / max(len(labels), 1)
    return max(1, math.ceil((_widest_label(labels) + LABEL_GAP) / spacing))


def words_chart(added: Sequence[int], removed: Sequence[int], labels: Sequence[str]) -> str:
    """Words added (green, up) and removed (red, down) per version pair, on one scale."""
    count = len(added)
    top = max([*added, *removed, 1])
    middle = HEIGHT / 2
    scale = (middle - MARGIN / 2) / top
    side = _side_margin(labels)
    slot = (WIDTH - 2 * side) / max(count, 1)
    bar = max(2.0, min(40.0, slot * 0.6))
    every = _label_every(labels, side)
    tips = [f"{labels[k]}: +{added[k]} / -{removed[k]} words" for k in range(count)]
    body = [(f'<line x1="{MARGIN}" y1="{middle}" x2="{WIDTH - MARGIN}" y2="{middle}" '
             'stroke="#888" stroke-width="1"/>')]
    for k in range(count):
        x = side + slot * k + (slot - bar) / 2
        up, down = added[k] * scale, removed[k] * scale
        body.append(f'<g><title>{escape(tips[k])}</title>'
                    f'<rect x="{x:.1f}" y="{middle - up:.1f}" width="{bar:.1f}" height="{up:.1f}" '
                    'fill="#393"/>'
                    f'<rect x="{x:.1f}" y="{middle:.1f}" width="{bar:.1f}" height="{down:.1f}" '
                    'fill="#c33"/></g>')
        if k % every == 0:
            body.append(f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - 4}" font-size="10" '
                        f'text-anchor="middle" fill="#555">{escape(labels[k])}</text>')
    body += _words_scale(max(added, default=0), max(removed, default=0), scale)
    return _frame(body, "words added and removed per version pair", "; ".join(tips))


def _words_scale(most_added: int, most_removed: int, scale: float) -> list[str]:
    """The words chart's counts on its axis: each side's own largest (`+3` at the top of the
    highest green bar, `-2` at the foot of the deepest red one; a side with none, none), never
    the other side's, which read as the words removed when fewer were."""
    middle = HEIGHT / 2
    labels = []
    if most_added:
        labels.append(f'<text x="4" y="{max(12, middle - most_added * scale + 4):.1f}" '
                      f'font-size="10" fill="#060">+{most_added}</text>')
    if most_removed:
        labels.append(f'<text x="4" y="{min(HEIGHT - 16, middle + most_removed * scale + 4):.1f}" '
                      f'font-size="10" fill="#c33">-{most_removed}</text>')
    return labels


def _number(value: float) -> str:
    """A value as the timeline beside a chart writes counts, in digits only (`1234567`; `{:g}`
    gave `1.23457e+06`), a fraction to one decimal."""
    return f"{int(value)}" if float(value).is_integer() else f"{value:.1f}"


def line_chart(values: Sequence[float], labels: Sequence[str], *, label: str,
               maximum: float | None = None, shares: bool = False) -> str:
    """A polyline with dots, y from 0 to `maximum` (default: the largest value, at least 1, as
    for the lengths of a headline tracker's versions without text, all 0); `shares` (0..1) are
    shown as percentages as the text beside the chart shows them (`<1%`, never `0%` for some
    change)."""
    top = maximum if maximum is not None else max([*values, 1])
    side = _side_margin(labels)
    xs = _x_positions(len(values), side)
    span = HEIGHT - 2 * MARGIN

    def y(value: float) -> float:
        return HEIGHT - MARGIN - (value / top) * span if top else HEIGHT - MARGIN

    points = " ".join(f"{x:.1f},{y(v):.1f}" for x, v in zip(xs, values))
    body = [(f'<line x1="{MARGIN}" y1="{HEIGHT - MARGIN}" x2="{WIDTH - MARGIN}" '
             f'y2="{HEIGHT - MARGIN}" stroke="#888"/>')]
    if len(values) > 1:
        body.append(f'<polyline points="{points}" fill="none" stroke="#36c" stroke-width="2"/>')
    every = _label_every(labels, side)
    tips = [f"{name}: {percent(value) if shares else _number(value)}"
            for value, name in zip(values, labels)]
    for k, (x, value, name) in enumerate(zip(xs, values, labels)):
        body.append(f'<circle cx="{x:.1f}" cy="{y(value):.1f}" r="3.5" fill="#36c">'
                    f"<title>{escape(tips[k])}</title></circle>")
        if k % every == 0:
            body.append(f'<text x="{x:.1f}" y="{HEIGHT - 8}" font-size="10" text-anchor="middle" '
                        f'fill="#555">{escape(name)}</text>')
    top_text = percent(top) if shares else _number(top)
    body.append(f'<text x="4" y="{MARGIN - 6}" font-size="10" fill="#555">{escape(top_text)}'
                "</text>")
    return _frame(body, label, "; ".join(tips))


def sparkline(values: Sequence[float], width: int = 120, height: int = 24) -> str:
    """A tiny line of values in 0..1 (share of text changed per pair) for the index page."""
    if not values:
        return ""
    step = (width - 4) / max(len(values) - 1, 1)
    points = " ".join(f"{2 + k * step:.1f},{height - 2 - v * (height - 4):.1f}"
                      for k, v in enumerate(values))
    shape = (f'<polyline points="{points}" fill="none" stroke="#36c" stroke-width="1.5"/>'
             if len(values) > 1 else
             f'<circle cx="{width / 2}" cy="{height - 2 - values[0] * (height - 4):.1f}" r="2" '
             'fill="#36c"/>')
    numbers = f"per version pair, in order: {', '.join(percent(value) for value in values)}"
    return _frame([shape], "share of text changed per version pair", numbers, width, height)
