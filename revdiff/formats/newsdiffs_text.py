"""NewsDiffs version texts and source names, shared by the page reader and the git archive reader.

NewsDiffs stores each version as a text file: line 1 the date, line 2 the title, line 3 the byline,
a blank line, then the paragraphs separated by blank lines (by single newlines in early NYT
versions). Its diff pages carry the same text, so one parser reads both. Lines end in a newline
(CR LF too); a lone CR (`&#13;` in a saved page, `\\r` in a version literal) is whitespace inside
a line. Blank means holding nothing but ASCII whitespace, as trackers trim it; a no-break space is
text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from revdiff.formats.english_dates import parse_date, parse_day
from revdiff.formats.plain import one_paragraph_a_line
from revdiff.formats.text_input import ASCII_WHITESPACE, collapse_whitespace

_BLANK_LINE = re.compile(f"\n[{re.escape(ASCII_WHITESPACE.replace(chr(10), ''))}]*\n")


@dataclass(frozen=True, slots=True)
class VersionText:
    """One NewsDiffs version text, split into its header lines and paragraphs."""

    date: str
    title: str
    byline: str
    paragraphs: tuple[str, ...]
    has_header: bool


def split_version_text(text: str) -> VersionText:
    """Split `date\\ntitle\\nbyline\\n\\nparagraphs...`; paragraphs are separated by blank lines,
    or, in a body without blank lines (early NYT versions), each line is one, as plain versions
    are read (`plain.one_paragraph_a_line`).

    Two headers come without the blank line, as NewsDiffs writes them: a version with a
    correction at its top (NYT) has it right after the byline, known by its first line, a date
    or a time `english_dates` reads (`Published: Jan 3, 2020 10:30 a.m. ET`), and a version
    without a date starts at its title (NewsDiffs strips the text's leading newline, the empty
    date line's: `title\\nbyline\\n\\nparagraphs...`). A blank title line is a header's only under
    a date line that reads as a date: `One.\\n\\nTwo.\\n\\nThree.` is three paragraphs. Without a
    header, the whole text is paragraphs.
    """
    text = text.replace("\r\n", "\n")  # a lone CR ends no line: whitespace inside one
    lines = text.split("\n")
    dated = len(lines) >= 4 and (parse_date(lines[0]) or parse_day(lines[0])) is not None
    if len(lines) >= 4 and _is_blank(lines[3]) and (dated or not _is_blank(lines[1])):
        date, title, byline = (collapse_whitespace(line) for line in lines[:3])
        body = "\n".join(lines[4:])
        has_header = True
    elif dated:
        date, title, byline = (collapse_whitespace(line) for line in lines[:3])
        body = "\n".join(lines[3:])
        has_header = True
    elif len(lines) >= 4 and _is_blank(lines[2]) and not _is_blank(lines[0]):
        date = ""
        title, byline = (collapse_whitespace(line) for line in lines[:2])
        body = "\n".join(lines[3:])
        has_header = True
    else:
        date = title = byline = ""
        body = text
        has_header = False
    blocks = [block for block in _BLANK_LINE.split(body) if block.strip(ASCII_WHITESPACE)]
    if one_paragraph_a_line(blocks):  # as a plain version without blank lines (early NYT ones)
        blocks = body.split("\n")
    paragraphs = (collapse_whitespace(block) for block in blocks)
    return VersionText(date, title, byline, tuple(p for p in paragraphs if p), has_header)


def _is_blank(line: str) -> bool:
    return not line.strip(ASCII_WHITESPACE)
