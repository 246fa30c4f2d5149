"""What `f` says on a pair no page compares, where no row of its own can be flipped: the page
row that makes the change under the cursor unsure, to flip in the pair its page compares, or the
pairs of the pages its versions were read from."""

from __future__ import annotations

from collections.abc import Sequence

from revdiff.export.pairs import PageRow
from revdiff.model import PageReading


def flip_elsewhere_wordings(pages: Sequence[PageReading],
                            least_sure: PageRow | None) -> tuple[str, ...]:
    """The notice's wordings, longest first (`fitting_notice`): with a change marked `?` under
    the cursor, the row the status line names (`least_sure`, `? v0 → v1 line 12`), else the
    pairs of `pages`. The pairs are named even where that takes more than one row of the notice:
    a pair of a chain's pages 2 apart rests on four, which left no room for them at 100 columns.
    """
    if least_sure is not None:
        page, row = least_sure
        pair = pair_of(page)
        return (f"Not from one page: flip line {row.line} in {pair}",
                f"Flip line {row.line} in {pair}", f"Flip {pair} line {row.line}")
    pairs = ", ".join(pair_of(page) for page in pages)
    return (f"Not from one page: flip its rows in {pairs}", f"Flip its rows in {pairs}",
            f"Flip in {pairs}")


def pair_of(page: PageReading) -> str:
    """`v0 → v1`: the pair the page compares, as the header names a pair."""
    return f"v{page.old_number} → v{page.new_number}"
