"""Pages with elements nested deep, for the tests that each reader refuses elements nested past
`MAX_DEPTH` at the line they start on, and reads a page nested less as before."""

from __future__ import annotations


def nested_divs(depth: int) -> str:
    """`depth` `<div>`s, each inside the one before, on one line; their ends on the next."""
    return "<div>" * depth + "\n" + "</div>" * depth + "\n"


def nested_in_body(page: str, depth: int) -> tuple[str, int]:
    """`page` with `nested_divs(depth)` on the lines after its one `<body>`, and the line the
    first `<div>` is on."""
    assert page.count("<body>") == 1
    line = page[:page.index("<body>")].count("\n") + 2
    return page.replace("<body>", "<body>\n" + nested_divs(depth)), line
