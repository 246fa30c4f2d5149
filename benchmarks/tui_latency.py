"""How fast the terminal app feels on a long article: time to first screen and per-key latency.

Generates a 2,000-sentence article (400 paragraphs, seeded, so every run sees the same text) and a
second version with edited, added, deleted and moved sentences, then measures, in one process:

- first screen: from creating the app to the first frame that draws rows of the diff (compare,
  layout of the rows on screen, draw); wall time, and CPU time, which other processes on a busy
  machine barely change;
- keypress `n`: one press of `n` (next change) through every change, until the app is idle again
  (CPU time per press: median and 95th percentile);
- keypress `j`: scrolling one line, for the same number of presses;
- peers on the same comparison: rendering it as plain text (`revdiff.export.comparison_text`,
  what `revdiff INPUT | less` shows) and the naive app, the whole diff as one highlighted page
  (a Rich `Text` in a scrolling `Static`), to first screen.

Medians; the cases take turns, round after round, so a busy machine slows them alike. The app's
first screen is told as `2.7x faster` or slower than each peer's (or, where a time is 0, a run
shorter than the clock's tick, that it is too fast to measure). The targets are first screen
under 1 s and keypress under 50 ms.

    python benchmarks/tui_latency.py [--sentences 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Self

from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import Static
from timing import compare_afresh, faster_or_slower, forget_splits, in_turns, speed_ratio

from revdiff.engine import compare
from revdiff.export.comparison_text import comparison_text
from revdiff.model import Article, Comparison, EditOp, Version
from revdiff.tui.app import RevdiffApp
from revdiff.tui.diff_view import DiffView

SIZE = (120, 40)
WORDS = ("the", "minister", "said", "on", "Tuesday", "that", "troops", "would", "leave", "city",
         "officials", "confirmed", "a", "report", "of", "attacks", "near", "border", "after",
         "talks", "in", "Geneva", "collapsed", "while", "residents", "fled", "their", "homes",
         "police", "arrested", "two", "men", "later", "statement", "added", "no", "one", "was",
         "injured", "government", "denied", "claims", "by", "opposition", "leaders", "about",
         "election", "results", "protesters", "gathered", "outside", "parliament")


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 28))]
    return " ".join(words).capitalize() + "."


def generated_article(sentences: int, seed: int = 7) -> Article:
    """Two versions: ~8% of sentences edited, 2% deleted, 2% added, a few paragraphs moved."""
    rng = random.Random(seed)
    paragraphs = [[sentence(rng) for _ in range(5)] for _ in range(sentences // 5)]
    changed: list[list[str]] = []
    for paragraph in paragraphs:
        new_paragraph = []
        for text in paragraph:
            roll = rng.random()
            if roll < 0.08:
                words = text[:-1].split()
                words[rng.randrange(len(words))] = rng.choice(WORDS)
                words.insert(rng.randrange(len(words)), rng.choice(WORDS))
                new_paragraph.append(" ".join(words) + ".")
            elif roll < 0.10:
                continue
            else:
                new_paragraph.append(text)
            if rng.random() < 0.02:
                new_paragraph.append(sentence(rng))
        changed.append(new_paragraph)
    for _ in range(5):
        source, target = rng.randrange(len(changed)), rng.randrange(len(changed))
        changed.insert(target, changed.pop(source))
    old = Version(1, "Generated article", tuple(" ".join(p) for p in paragraphs))
    new = Version(2, "Generated article", tuple(" ".join(p) for p in changed if p))
    return Article("benchmark", None, (old, new))


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


@dataclass
class Presses:
    """Wall time (includes the test harness waiting for idle) and CPU time of each key press."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    async def press(self, pilot: Pilot[None], key: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        await pilot.press(key)
        self.cpu.append(time.process_time() - cpu)
        self.wall.append(time.perf_counter() - wall)


class FirstDraw:
    """Records when the diff view first draws one of its rows (Textual calls `render_line` while it
    composes a frame), by wrapping `DiffView.render_line` for the duration of a `with` block."""

    def __init__(self) -> None:
        self.wall: float | None = None
        self.cpu: float | None = None

    def __enter__(self) -> Self:
        original = self._original = DiffView.render_line

        def render_line(view: DiffView, y: int) -> Strip:
            strip = original(view, y)
            if self.wall is None and view.rows_laid_out:
                self.wall, self.cpu = time.perf_counter(), time.process_time()
            return strip

        DiffView.render_line = render_line  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        DiffView.render_line = self._original  # type: ignore[method-assign]


async def measure_app(article: Article) -> tuple[float, float, Presses, Presses, Presses, int]:
    """First screen (wall and CPU seconds), then the key presses."""
    forget_splits()  # the first screen splits the versions, as when the app starts
    with FirstDraw() as first_draw:
        started, started_cpu = time.perf_counter(), time.process_time()
        app = RevdiffApp(article)
        async with app.run_test(size=SIZE) as pilot:
            view = app.query_one(DiffView)
            while first_draw.wall is None:  # poll without the harness's wait-for-idle padding
                await asyncio.sleep(0.001)
            await asyncio.sleep(0)  # let the rest of that frame be composed
            first_screen = time.perf_counter() - started
            first_screen_cpu = (first_draw.cpu or started_cpu) - started_cpu
            await pilot.pause()
            changes = len(view.view_layout.changes)
            next_presses, line_presses, unbound_presses = Presses(), Presses(), Presses()
            for _ in range(changes):
                await next_presses.press(pilot, "n")
            assert view.current_edit == view.view_layout.changes[-1], "n did not reach the last change"
            await pilot.press("g")
            for _ in range(min(changes, view.max_scroll_y)):
                await line_presses.press(pilot, "j")
            for _ in range(changes):
                await unbound_presses.press(pilot, "z")  # the harness alone: a key that does nothing
    return first_screen, first_screen_cpu, next_presses, line_presses, unbound_presses, changes


class OneLongPage(App[None]):
    """The peer: the whole diff as one highlighted page, laid out by Rich on every resize."""

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        text = Text()
        for edit in self.comparison.edits:
            if edit.op is EditOp.UNCHANGED:
                text.append(edit.new_text + "\n")
                continue
            for op, piece in edit.word_diff:
                text.append(piece, style="red strike" if op < 0 else "green" if op > 0 else "")
            text.append("\n")
        with VerticalScroll():
            yield Static(text)


async def measure_one_long_page(article: Article) -> float:
    started = time.perf_counter()
    app = OneLongPage(compare_afresh(*article.versions))
    async with app.run_test(size=SIZE):
        static = app.query_one(Static)
        while not static.region.height:  # laid out: Rich has wrapped the whole page
            await asyncio.sleep(0.001)
        return time.perf_counter() - started


class EmptyApp(App[None]):
    """The floor: Textual starting an app with nothing in it, in the same test harness."""


async def measure_empty_app() -> float:
    started = time.perf_counter()
    async with EmptyApp().run_test(size=SIZE):
        await asyncio.sleep(0)
        return time.perf_counter() - started


def wall_seconds(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--sentences", type=int, default=2000,
                        help="sentences of the generated article, 10 or more (default 2000)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each case; figures are medians (default 3)")
    options = parser.parse_args()
    if options.repeat < 1:
        parser.error("--repeat must be 1 or more: each figure is the median of its runs")
    if options.sentences < 10:
        parser.error("--sentences must be 10 or more: a shorter article fits on one screen, "
                     "where `j` scrolls nothing to time")
    article = generated_article(options.sentences)
    comparison = compare(*article.versions)
    cases: list[Callable[[], object]] = [
        lambda: wall_seconds(lambda: compare_afresh(*article.versions)),
        lambda: wall_seconds(lambda: comparison_text(comparison, color=False)),
        lambda: asyncio.run(measure_app(article)),
        lambda: asyncio.run(measure_one_long_page(article)),
        lambda: asyncio.run(measure_empty_app()),
    ]
    results: list[list[Any]] = [[] for _ in cases]
    for k in in_turns([options.repeat] * len(cases)):
        results[k].append(cases[k]())
    compare_times, text_times, app_runs, long_pages, empty_apps = results
    compare_time, text_time = statistics.median(compare_times), statistics.median(text_times)
    firsts, first_cpus = [], []
    next_presses, line_presses, unbound_presses = Presses(), Presses(), Presses()
    changes = 0
    for first, first_cpu, nexts, lines, unbound, changes in app_runs:
        firsts.append(first)
        first_cpus.append(first_cpu)
        for total, run_presses in ((next_presses, nexts), (line_presses, lines),
                                   (unbound_presses, unbound)):
            total.wall += run_presses.wall
            total.cpu += run_presses.cpu
    long_page = statistics.median(long_pages)
    first = statistics.median(firsts)
    empty_app = statistics.median(empty_apps)
    rows = [
        ("harness: an empty Textual app, ready", empty_app * 1000, ""),
        ("engine: compare the two versions", compare_time * 1000, ""),
        ("peer: comparison as plain text", text_time * 1000, ""),
        ("peer: one long highlighted page, first screen", long_page * 1000, ""),
        ("revdiff app: first screen", first * 1000, "< 1000"),
        ("revdiff app: first screen, CPU time", median_ms(first_cpus), ""),
        (f"key n, CPU per press, median of {len(next_presses.cpu)}", median_ms(next_presses.cpu),
         "< 50"),
        ("key n, CPU per press, 95th percentile",
         statistics.quantiles(next_presses.cpu, n=20)[-1] * 1000, ""),
        ("key j, CPU per press, median", median_ms(line_presses.cpu), "< 50"),
        ("key n, wall time per press incl. harness, median", median_ms(next_presses.wall), ""),
        ("unbound key, wall time (harness floor), median", median_ms(unbound_presses.wall), ""),
    ]
    print(f"{options.sentences} sentences, {changes} changes, terminal {SIZE[0]}x{SIZE[1]}, "
          f"medians of {options.repeat} runs, load average {os.getloadavg()[0]:.1f}")
    print(f"{'measure':<48}{'ms':>10}{'target':>10}")
    for name, value, target in rows:
        print(f"{name:<48}{value:>10.1f}{target:>10}")
    print(f"the app's first screen against plain text: "
          f"{faster_or_slower(speed_ratio(first, text_time))}; against one long page: "
          f"{faster_or_slower(speed_ratio(first, long_page))}")


if __name__ == "__main__":
    main()
