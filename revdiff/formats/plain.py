"""Plain version files: one version per file, one paragraph per non-empty line (per block between
blank lines when the lines look wrapped)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from revdiff.errors import EmptyInput
from revdiff.formats.text_input import collapse_whitespace
from revdiff.model import Article, Version

_NUMBER_IN_NAME = re.compile(r"\d+")


_BLANK_LINES = re.compile(r"\n[^\S\n]*\n")
# A version saved with its lines wrapped at a fixed width (`fold`, an editor, an e-mail) keeps its
# paragraphs apart by blank lines and breaks each into lines that end just short of that width.
# A paragraph is then a block of lines between blank lines. No version of the corpus's Wikipedia
# chains, the seeds or the samples looks so: their longest lines are longer than
# WRAPPED_MAX_WIDTH, or their blocks' lines (other than the last) end at all widths, or they
# have no blank line (three wrapped Wikipedia versions, whose every line is a paragraph).
WRAPPED_MAX_WIDTH = 120
WRAPPED_NEAR = 15
WRAPPED_SHARE = 0.8
WRAPPED_MIN_LINES = 3  # lines that go on in the next line of their block


def blocks_between_blank_lines(text: str) -> list[list[str]]:
    """The runs of non-empty lines between blank lines, each line's whitespace collapsed."""
    blocks = ([collapse_whitespace(line) for line in block.split("\n")]
              for block in _BLANK_LINES.split(text))
    return [lines for lines in ([line for line in block if line] for block in blocks) if lines]


def _wrapped_width(blocks: list[list[str]]) -> int | None:
    """The width a version's lines were wrapped at, when its blocks of lines look wrapped."""
    going_on = [line for lines in blocks for line in lines[:-1]]
    if len(blocks) < 2 or len(going_on) < WRAPPED_MIN_LINES:  # without blank lines, one a line
        return None
    width = max(len(line) for lines in blocks for line in lines)
    near = sum(len(line) >= width - WRAPPED_NEAR for line in going_on)
    return width if width <= WRAPPED_MAX_WIDTH and near >= WRAPPED_SHARE * len(going_on) else None


def read_paragraphs(text: str) -> tuple[tuple[str, ...], int | None]:
    """Paragraphs of a version file, and the width its lines were wrapped at (None when they
    do not look wrapped): every non-empty line, whitespace collapsed; when the lines look
    wrapped, every block of lines between blank lines, joined.

    One paragraph a line is how News Sniffer stores a version and how NewsDiffs files and
    Wikipedia dumps hold theirs (single lines, mostly with blank lines between).
    """
    blocks = blocks_between_blank_lines(text)
    width = _wrapped_width(blocks)
    if width is not None:
        return tuple(" ".join(lines) for lines in blocks), width
    paragraphs = (collapse_whitespace(line) for line in text.split("\n"))
    return tuple(p for p in paragraphs if p), None


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs of a version file, as `read_paragraphs` reads them."""
    return read_paragraphs(text)[0]


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
    warnings = []
    for index, (file_name, text) in enumerate(named_texts):
        paragraphs, width = read_paragraphs(text)
        if not paragraphs:
            raise EmptyInput("version file holds no text", file_name)
        number = numbers[index] if numbers is not None else index
        versions.append(Version(number, name, paragraphs))
        if width is not None:
            warnings.append(wrapped_warning(file_name, width))
    return Article(None, None, tuple(versions), warnings=tuple(warnings))


def wrapped_warning(where: str, width: int) -> str:
    return (f"{where}: its lines look wrapped at {width} characters; each block of lines between "
            "blank lines is read as one paragraph")
