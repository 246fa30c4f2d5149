"""A flattened diff page as the splitter receives it: what its header says, and its body rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class PageHeader:
    """What the header of a flattened diff page says, and where its body starts."""

    name: str
    source: str | None = None
    first_seen: str | None = None
    check_status: str | None = None
    url: str | None = None
    changes: int | None = None
    old_number: int = 0
    new_number: int = 0
    title_line: str | None = None
    title_line_number: int = 0  # 1-based; 0 when the page has no title row
    time_text: str | None = None
    body: list[tuple[int, str]] = field(default_factory=list)  # (1-based line number, text)
    warnings: list[str] = field(default_factory=list)
    # A page copied from the browser keeps its table's cells apart (a tab between them): its
    # titles, times and each body row's (old, new) cells are known, and `body` holds the rows
    # glued as the flattener glues them. None for a flattened page.
    cells: list[tuple[str, str]] | None = None
    titles: tuple[str, str] | None = None
    times: tuple[datetime | None, datetime | None] = (None, None)

    @property
    def row_texts(self) -> list[str]:
        """The body rows' texts, without their line numbers."""
        return [text for _, text in self.body]
