"""`revdiff diff --format json` text: revdiff's `json_array` against json's own indented encoder.

Reads the first `--articles` Wikipedia version chains of ../shared/corpus/wikipedia (or --corpus
PATH), compares each article's consecutive versions as `revdiff diff` does, and makes the records
`diff --format json` writes (each comparison with its edits), once. Then, in `--repeat` rounds
that take turns (`timing.medians_in_turns`: A B, B A, ...), times the text of the whole array
made by `json_array` (what `diff` writes) and by the peer, `json.dumps(records,
ensure_ascii=False, indent=2)` (json's encoder written in Python, which an indent calls for),
its Unicode line breaks escaped as `json_array` escapes them (`escape_line_breaks`); checks the
two texts are the same, and prints the medians and json_array's as `1.4x faster` or slower than
the peer's (or, where a median time is 0, a run shorter than the clock's tick, that it
is too fast to measure).

    python benchmarks/diff_json.py [--corpus PATH] [--articles 60] [--repeat 9]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from shared_input import input_is_there
from timing import faster_or_slower, medians_in_turns, speed_ratio

from revdiff.cli.diff import article_comparisons
from revdiff.export.comparison_records import comparison_record
from revdiff.export.json_text import escape_line_breaks, json_array
from revdiff.formats import load

DEFAULT_CORPUS = (Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
                  / "wikipedia").resolve()


def diff_records(corpus: Path, articles: int) -> list[dict[str, Any]]:
    """The records `revdiff diff --format json` writes for the corpus's first `articles`."""
    folders = sorted(str(path) for path in corpus.iterdir() if path.is_dir())[:articles]
    loaded = load(folders)
    names = [article.key for article in loaded]
    return [comparison_record(comparison, reading=reading, ref=ref)
            for ref, comparison, reading in article_comparisons(loaded, "auto", names)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="a folder of article folders of numbered version files "
                             "(default: the checkout's ../shared/corpus/wikipedia)")
    parser.add_argument("--articles", type=int, default=60, help="chains read from the corpus")
    parser.add_argument("--repeat", type=int, default=9, help="rounds; figures are medians")
    arguments = parser.parse_args(argv)
    if arguments.repeat < 1:
        parser.error("--repeat must be 1 or more: each figure is the median of its rounds")
    if arguments.articles < 1:
        parser.error("--articles must be 1 or more: the JSON timed is that of their comparisons")
    if not input_is_there(parser, "--corpus", arguments.corpus, DEFAULT_CORPUS):
        return 0
    records = diff_records(arguments.corpus, arguments.articles)
    ways = {
        "json_array": lambda: "".join(json_array(records)),
        "json.dumps(indent=2)": lambda: escape_line_breaks(
            json.dumps(records, ensure_ascii=False, indent=2)),
    }
    texts = {name: make() for name, make in ways.items()}
    if len(set(texts.values())) != 1:
        print("json_array's text differs from json.dumps(indent=2)'s", file=sys.stderr)
        return 1
    medians = dict(zip(ways, medians_in_turns(list(ways.values()), arguments.repeat), strict=True))
    size = len(texts["json_array"].encode("utf-8"))
    edits = sum(len(record["edits"]) for record in records)
    print(f"{len(records):,} comparisons, {edits:,} edits, {size / 1e6:.1f} MB of JSON; "
          f"medians of {arguments.repeat} rounds")
    for name, median in medians.items():
        print(f"{name:>22} {median * 1000:9.1f} ms")
    ratio = speed_ratio(medians["json_array"], medians["json.dumps(indent=2)"])
    print(f"json_array against the peer: {faster_or_slower(ratio)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
