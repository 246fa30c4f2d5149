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


def article_name(names: Sequence[str]) -> str:
    """What a chain of version files is called: the name of the folder that holds them.

    Files from several folders are named after the first file's folder; standard input alone
    is `-`.
    """
    files = [Path(name).absolute() for name in names if name != "-"]
    if not files:
        return "-"
    folders = {file.parent for file in files}
    folder = folders.pop() if len(folders) == 1 else files[0].parent
    return folder.name or str(folder)


def read_versions(named_texts: Sequence[tuple[str, str]], numbers: Sequence[int] | None = None,
                  ) -> Article:
    """Build one article from version texts given oldest first.

    Versions are numbered from 0 unless `numbers` says otherwise. Plain files have no titles:
    every version is titled with the article's name (`article_name`), so titles never differ
    between versions and file names are never compared as if they were titles.
    """
    name = article_name([file_name for file_name, _ in named_texts])
    versions = []
    for index, (file_name, text) in enumerate(named_texts):
        paragraphs = split_paragraphs(text)
        if not paragraphs:
            raise EmptyInput("version file holds no text", file_name)
        number = numbers[index] if numbers is not None else index
        versions.append(Version(number, name, paragraphs))
    return Article(None, None, tuple(versions))
