"""An empty path (an unset shell variable) names nothing: it is refused, never read or written as
the current folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import CHAIN, VERSION_PAGE, revdiff

import revdiff as api
from revdiff.errors import EmptyInput


@pytest.mark.parametrize("args", [
    ("export", str(CHAIN), "-o", "", "--format", "jsonl"),
    ("store", str(VERSION_PAGE), "--repo", ""),
    ("parse", ""),
    ("diff", str(CHAIN), ""),
    ("export", "", "-o", "out.jsonl"),
])
def test_an_empty_path_is_refused_and_nothing_is_written(args: tuple[str, ...],
                                                         tmp_path: Path) -> None:
    """`export X -o "" --format jsonl` wrote edits.jsonl and comparisons.jsonl into the current
    folder; `store X --repo ""` committed into the repository of the current folder; an empty
    input read the current folder."""
    (tmp_path / "0.txt").write_text("One.\n")
    (tmp_path / "1.txt").write_text("Two.\n")
    done = revdiff(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert "the path is empty (an unset shell variable?)" in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["0.txt", "1.txt"]


def test_the_api_refuses_an_empty_input() -> None:
    with pytest.raises(EmptyInput, match="an input's path is empty"):
        api.load("")
    with pytest.raises(EmptyInput, match="an input's path is empty"):
        api.edits_table([""])
