"""Where the `attribution_changed` flag fires: docs/FLAGS.md's figures for it, and the rows to judge.

Two sets of versions are read as `revdiff export` reads them, and their edits table (and, for the
titles, their comparisons table) is counted:

- the Wikipedia chains: every article of ../shared/corpus/wikipedia/ (lower-cased encyclopedia
  text, looked at while the flag's rules were written);
- the samples' news versions: the chains of samples/versions/ and seed 004
  (samples/washpo-soleimani-v6-v7.txt, a News Sniffer diff page).

For each set it prints the two-sided rows (those with an old and a new text, unchanged ones
included), how many of them have a changed text, how many are flagged `attribution_changed`, and
how many changed titles are; then every flagged row and title: its article and versions, its old and
new text, and the sources read on each side (`old_sources`, `new_sources`). Whether a flag is right
is a person's judgement on that list; docs/FLAGS.md gives it.

    python benchmarks/attribution_flags.py
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import revdiff
from revdiff.terminal_text import visible

REPOSITORY = Path(__file__).resolve().parents[1]
SHARED = REPOSITORY.parent / "shared"
WIKIPEDIA = SHARED / "corpus" / "wikipedia"
SEED_004 = REPOSITORY / "samples" / "washpo-soleimani-v6-v7.txt"  # the seed, as a sample
SAMPLE_VERSIONS = REPOSITORY / "samples" / "versions"
FLAG = "attribution_changed"


@dataclass(slots=True)
class FlagCount:
    """The counts of one set of versions, and the rows and titles flagged."""

    two_sided: int = 0
    changed: int = 0
    flagged_rows: list[dict[str, Any]] = field(default_factory=list)
    flagged_titles: list[dict[str, Any]] = field(default_factory=list)


def count_flags(inputs: list[Path]) -> FlagCount:
    """The counts of the tables `revdiff export` writes for these inputs."""
    names = [str(path) for path in inputs]
    count = FlagCount()
    for row in revdiff.edits_table(names):
        if row["old_text"] and row["new_text"]:
            count.two_sided += 1
            count.changed += row["old_text"] != row["new_text"]
            if FLAG in row["flags"]:
                count.flagged_rows.append(row)
    count.flagged_titles = [summary for summary in revdiff.comparisons_table(names)
                            if FLAG in summary["title_flags"]]
    return count


def print_count(heading: str, count: FlagCount) -> None:
    print(heading)
    print(f"  two-sided rows of the edits table: {count.two_sided:,}")
    print(f"  of them with a changed text: {count.changed:,}")
    print(f"  flagged {FLAG}: {len(count.flagged_rows):,} rows, {len(count.flagged_titles)} titles")
    for number, row in enumerate(count.flagged_rows, 1):
        print(f"\n  {number}. {visible(row['article'])} v{row['old_version']}-v{row['new_version']}"
              f" ({row['op']})")
        print(f"     old: {visible(row['old_text'])}")
        print(f"     new: {visible(row['new_text'])}")
        print(f"     sources: {shown_sources(row['old_sources'])} -> "
              f"{shown_sources(row['new_sources'])}")
    for summary in count.flagged_titles:
        print(f"\n  title of {visible(summary['article'])} "
              f"v{summary['old_version']}-v{summary['new_version']}")
        print(f"     old: {visible(summary['old_title'])}")
        print(f"     new: {visible(summary['new_title'])}")
    print()


def shown_sources(sources: list[str]) -> str:
    return "[" + ", ".join(visible(source) for source in sources) + "]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.parse_args(argv)
    if not WIKIPEDIA.exists():
        print(f"skipped: {WIKIPEDIA} is not there", file=sys.stderr)
        return 0
    print_count(f"Wikipedia chains ({WIKIPEDIA})", count_flags([WIKIPEDIA]))
    print_count("The samples' news versions (samples/versions/ and seed 004)",
                count_flags([SAMPLE_VERSIONS, SEED_004]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
