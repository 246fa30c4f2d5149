"""Plain version files: one version per file, one paragraph per non-empty line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from revdiff.errors import EmptyInput
from revdiff.formats.text_input import collapse_whitespace
from revdiff.model import Article, Version

_NUMBER_IN_NAME = re.compile(r"\d+")


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs of a version file: every non-empty line, whitespace collapsed.

    This is how News Sniffer stores a version (one paragraph per line) and also reads NewsDiffs
    files and Wikipedia dumps, whose paragraphs are single lines separated by blank lines.
    """
    paragraphs = (collapse_whitespace(line) for line in text.split("\n"))
    return tuple(p for p in paragraphs if p)


def version_order_key(path: Path) -> tuple[int, int, str]:
    """Sort key for version files: by the last number in the name (`2.txt` before `10.txt`)."""
    numbers = _NUMBER_IN_NAME.findall(path.stem)
    if numbers:
        return (0, int(numbers[-1]), path.name)
    return (1, 0, path.name)


def read_versions(named_texts: Sequence[tuple[str, str]], numbers: Sequence[int] | None = None,
                  ) -> Article:
    """Build one article from version texts given oldest first.

    Versions are numbered from 0 unless `numbers` says otherwise; a version's title is the
    name it was given (file name or `-`).
    """
    versions = []
    for index, (name, text) in enumerate(named_texts):
        paragraphs = split_paragraphs(text)
        if not paragraphs:
            raise EmptyInput("version file holds no text", name)
        number = numbers[index] if numbers is not None else index
        versions.append(Version(number, Path(name).name, paragraphs))
    return Article(None, None, tuple(versions))
