"""A corrections file: a person's readings of a diff page's rows, one a line, applied to the
articles after they are read (`--corrections`), and written by the app from its flips.

Each line is a JSON object with the keys `revdiff parse --format json` shows a page's rows with:
`{"page": "p.txt", "line": 15, "kind": "change", "boundary": 57}`, where `page` is the page's
`name`, `line` its row's line, `kind` a row kind (`match`, `change`, `old_only`, `new_only`) and
`boundary`, for a change row, the character of the row where its new cell starts (the first
character of a word); a match row's, where given, is the one `parse` shows, the middle of its
text where its glued halves meet; a one-sided row's may be null, as `parse` shows it.
Blank lines and lines that start with `#` are left out.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath

from revdiff.errors import RevdiffError, os_reason
from revdiff.file_kinds import open_without_waiting, special_kind
from revdiff.file_names import name_text
from revdiff.model import Article, RowKind
from revdiff.size_limit import size_at_least

_KEYS = {"page", "line", "kind", "boundary"}
_EXAMPLE = '{"page": "p.txt", "line": 15, "kind": "change", "boundary": 57}'
# The first line of a file `w` saves (`corrections_text`)
_HEADER = "# rows read by hand in revdiff's app: give this file to --corrections"


class BadCorrection(RevdiffError):
    """A line of a corrections file that is malformed or cannot be applied to the inputs."""


class CorrectionsFileTooLarge(BadCorrection):
    """A corrections file larger than the size limit; `size` is its size in bytes, as far as
    it was read (a file that grew while read is one byte over the limit, at least)."""

    def __init__(self, size: int, max_bytes: int, where: str) -> None:
        super().__init__(f"the corrections file is {size:,} bytes, larger than the limit of "
                         f"{max_bytes:,} bytes", where,
                         hint=f"give a smaller file, or raise --max-size to {size_at_least(size)}",
                         python_hint=f"give a smaller file, or raise max_bytes to {size}")
        self.size = size


@dataclass(frozen=True, slots=True)
class Correction:
    """One line of a corrections file: the reading a person chose for one row of one page."""

    page: str
    line: int
    kind: RowKind
    boundary: int | None
    file_line: int  # where in the corrections file it was written


def correction_line(page: str, line: int, kind: RowKind, boundary: int | None) -> str:
    """A correction as a line of a corrections file (without its line end)."""
    fields: dict[str, object] = {"page": page, "line": line, "kind": kind.value}
    if kind is RowKind.CHANGE:
        fields["boundary"] = boundary
    return json.dumps(fields, ensure_ascii=False)


def corrections_text(readings: Iterable[tuple[str, int, RowKind, int | None]],
                     kept: Iterable[str] = ()) -> str:
    """A corrections file of `readings`: each row's page name, line, kind and boundary, after
    the lines `kept` of the file it replaces (`other_articles_lines`)."""
    lines = [_HEADER, *kept, *(correction_line(*reading) for reading in readings)]
    return "\n".join(lines) + "\n"


def other_articles_lines(text: str, path: str, articles: Sequence[Article],
                         pages: Collection[str]) -> list[str]:
    """The lines of the corrections file `text`, read from `path`, that saving the corrections
    of the pages `pages` (one article's) in it keeps: every line but those correcting one of
    `pages` (their page found among the inputs' `articles` as `input_pages` finds it) and the
    header `corrections_text` writes. Other articles' corrections, comments and lines that
    cannot be read are kept as they are."""
    where = name_text(path)
    names, by_file = _input_names(articles)
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    kept = []
    for number, line in enumerate(lines, start=1):
        if line == _HEADER:
            continue
        if _holds_a_correction(line):
            try:
                page = _input_page(_parse_line(line, where, number), names, by_file, where)
            except BadCorrection:
                page = None
            if page in pages:
                continue
        kept.append(line)
    return kept


def read_corrected(read: Callable[[], list[Article]], path: str | None, max_bytes: int,
                   applied: list[Correction] | None = None) -> list[Article]:
    """The articles `read` gives, with the rows the corrections file `path` names read as it
    corrects them (`--corrections`, `revdiff.load(corrections=...)`); as `read` gives them where
    `path` is None. The file is read first, so that a malformed line is refused before the
    inputs are read; `applied` gets the corrections applied (`apply_corrections`)."""
    if path is None:
        return read()
    corrections = read_corrections(path, max_bytes)
    return apply_corrections(read(), corrections, path, applied)


def read_corrections(path: str, max_bytes: int) -> list[Correction]:
    """The corrections a file holds, in its order; a malformed line is refused, naming it."""
    where = name_text(path)
    corrections = []
    # split at line ends alone: `splitlines` also splits at U+2028 or NEL, which a name may hold
    for number, line in enumerate(corrections_file_text(path, max_bytes).split("\n"), start=1):
        if _holds_a_correction(line):
            corrections.append(_parse_line(line, where, number))
    return corrections


def corrections_file_text(path: str, max_bytes: int) -> str:
    """The text of the corrections file `path`: refused if it is no regular file, is larger
    than `max_bytes` or is not UTF-8; a UTF-8 byte-order mark that begins it (an editor's, such
    as Notepad's) is no part of its first line."""
    where = name_text(path)
    try:
        # opened without waiting, and read only if a regular file: a FIFO waits for a writer for
        # ever, and /dev/zero, of size 0, never ends
        with open_without_waiting(path) as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise BadCorrection(f"the corrections file is {special_kind(status.st_mode)}, not "
                                    "a regular file", where,
                                    hint="give a corrections file: a file of JSON lines")
            if status.st_size > max_bytes:
                raise CorrectionsFileTooLarge(status.st_size, max_bytes, where)
            data = handle.read(max_bytes + 1)  # the file may grow
            if len(data) > max_bytes:
                raise CorrectionsFileTooLarge(max(len(data), os.fstat(handle.fileno()).st_size),
                                              max_bytes, where)
    except (FileNotFoundError, NotADirectoryError) as error:  # a file on its path: none either
        # imported here: the readers' package loads the column splitter, which takes long
        from revdiff.formats.loading import missing_input_hint

        raise BadCorrection(f"cannot read the corrections file: {os_reason(error)}", where,
                            hint=missing_input_hint(path, ""),
                            python_hint=missing_input_hint(path)) from None
    except IsADirectoryError:
        raise BadCorrection("the corrections file is a folder, not a regular file", where,
                            hint="give a corrections file: a file of JSON lines") from None
    except OSError as error:  # a file it may not read
        raise BadCorrection(f"cannot read the corrections file: {os_reason(error)}", where,
                            hint="give a corrections file you may read: a file of JSON lines"
                            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # counted in what follows the byte-order mark, where one begins the file
        offset = len(data) - len(error.object) + error.start
        raise BadCorrection(f"the corrections file is not UTF-8 text (byte "
                            f"0x{data[offset]:02x} at offset {offset:,})", where,
                            hint="save it as UTF-8") from None


def _holds_a_correction(line: str) -> bool:
    """Whether a line of a corrections file is a correction: not blank, not a `#` comment."""
    return bool(line.strip()) and not line.lstrip().startswith("#")


def _parse_line(text: str, where: str, number: int) -> Correction:
    def refuse(what: str) -> BadCorrection:
        return BadCorrection(what, where, number, hint=f"write a correction as {_EXAMPLE}")

    try:
        fields = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg.startswith("Invalid control character"):  # JSON escapes them in strings
            code = ord(text[error.pos])
            raise BadCorrection(f"a raw control character (U+{code:04X}) inside a JSON string at "
                                f"column {error.colno}", where, number,
                                hint=f"write it as \\u{code:04x}") from None
        raise refuse("not a JSON object") from None
    except RecursionError:
        raise refuse("not a JSON object") from None
    except ValueError:  # an integer of more digits than Python reads
        raise refuse(f"a number too long to read (more than {sys.get_int_max_str_digits():,} "
                     "digits)") from None
    if not isinstance(fields, dict):
        raise refuse("not a JSON object")
    unknown = sorted(set(fields) - _KEYS)
    if unknown:
        # imported here: the readers' package loads the column splitter, which takes long
        from revdiff.formats.fields import shown

        raise refuse(f"unknown key {shown(unknown[0])}")
    page, line, kind = fields.get("page"), fields.get("line"), fields.get("kind")
    if not isinstance(page, str) or not page:
        raise refuse("no page named (\"page\": its name as `revdiff parse --format json` gives it)")
    if type(line) is not int or line < 1:
        raise refuse("no row's line (\"line\": a number from 1)")
    if kind not in [k.value for k in RowKind]:
        raise refuse(f"\"kind\" is not one of {', '.join(k.value for k in RowKind)}")
    row_kind = RowKind(kind)
    boundary = fields.get("boundary")
    if row_kind is RowKind.CHANGE and (type(boundary) is not int or boundary < 1):
        raise refuse("a change row needs \"boundary\": the character its new cell starts at")
    # checked against its row's text once the inputs are read (`_refuse_another_middle`)
    if row_kind is RowKind.MATCH and boundary is not None and (
            type(boundary) is not int or boundary < 1):
        raise refuse("a match row's \"boundary\" is a number, where its glued halves meet, as "
                     "`revdiff parse --format json` shows it (or leave it out)")
    # a null one is none, as `revdiff parse --format json` shows a one-sided row's
    if row_kind in (RowKind.OLD_ONLY, RowKind.NEW_ONLY) and boundary is not None:
        article = "an" if row_kind is RowKind.OLD_ONLY else "a"
        raise refuse(f"only a change or match row has a \"boundary\", not {article} "
                     f"{row_kind.value} row")
    return Correction(page, line, row_kind, boundary, number)


def apply_corrections(articles: Sequence[Article], corrections: Sequence[Correction],
                      path: str, applied: list[Correction] | None = None) -> list[Article]:
    """The articles with each correction applied in turn to the article that holds its page
    (`input_pages`); a correction of a page no article holds, or one its page refuses, is
    refused, naming its line. `applied`, when given, gets the corrections, each naming its page
    as the inputs name it."""
    # imported here: the column splitter takes long to load, and most runs correct nothing
    from revdiff.splitter.corrections import correct_row

    where = name_text(path)
    corrected = list(articles)
    found = input_pages(articles, corrections, path)
    for correction in found:
        for index, article in enumerate(corrected):
            if any(page.name == correction.page for page in article.pages):
                try:
                    corrected[index] = correct_row(article, correction.page, correction.line,
                                                   correction.kind, correction.boundary)
                except RevdiffError as error:
                    raise _refused_by_its_page(error, where, correction.file_line) from None
                if correction.kind is RowKind.MATCH and correction.boundary is not None:
                    _refuse_another_middle(article, correction, where)
    if applied is not None:
        applied.extend(found)
    return corrected


def _refused_by_its_page(error: RevdiffError, where: str, file_line: int) -> BadCorrection:
    """The line for a correction its page refuses (`error`: a boundary where no word starts, a
    match row whose text is not one text twice), with what to do where the page's error says
    nothing of it."""
    if error.hint is not None:
        return BadCorrection(str(error), where, file_line)
    return BadCorrection(str(error), where, file_line,
                         hint="mend that line: `revdiff parse --format json` shows each row's "
                              "reading, its kind and boundary; or remove it",
                         python_hint="mend that line: the page's rows give each reading, its "
                                     "kind and boundary; or remove it")


def _refuse_another_middle(article: Article, correction: Correction, where: str) -> None:
    """Refuse a match row's boundary other than the one `revdiff parse --format json` shows: the
    middle of the row's text, where its glued halves meet (its row found: `correct_row` read it)."""
    page = next(page for page in article.pages if page.name == correction.page)
    row = next(row for row in page.rows if row.line == correction.line)
    middle = len(row.text) // 2
    if correction.boundary != middle:
        raise BadCorrection(
            f"{correction.page}:{correction.line}: a match row's \"boundary\" is {middle}, where "
            f"its two halves meet, not {correction.boundary}", where, correction.file_line,
            hint="write the boundary `revdiff parse --format json` shows, or leave it out",
            python_hint="write the boundary the row's RowReading gives, or leave it out")


def input_pages(articles: Sequence[Article], corrections: Sequence[Correction],
                path: str) -> list[Correction]:
    """The corrections, each naming its page as the inputs name it: the page of that name, else
    the one of the same file (the same real path: the file written with absolute paths, or
    in another folder), else the one input page of the same file name. A page none of those
    find, or a file name several input pages have, is refused, naming the correction's line."""
    names, by_file = _input_names(articles)
    where = name_text(path)
    return [replace(correction, page=_input_page(correction, names, by_file, where))
            for correction in corrections]


def _input_names(articles: Sequence[Article]) -> tuple[list[str], dict[str, str]]:
    """The names of the inputs' pages, and the real path of each that names a file -> its name."""
    names = list(dict.fromkeys(page.name for article in articles for page in article.pages))
    return names, {real: name for name in names if (real := _real_path(name)) is not None}


def _input_page(correction: Correction, names: Sequence[str], by_file: dict[str, str],
                where: str) -> str:
    """The name of the input page `correction` corrects, as `input_pages` finds it."""
    page = correction.page
    if page in names:
        return page
    real = _real_path(page)
    same_name = [name for name in names if PurePath(name).name == PurePath(page).name]
    if real is not None and real in by_file:
        return by_file[real]
    if len(same_name) == 1:
        return same_name[0]
    if same_name:
        raise BadCorrection(
            f"no diff page is {page}, and {len(same_name)} input pages are named "
            f"{PurePath(page).name} ({', '.join(same_name)})", where, correction.file_line,
            hint="name the page by its path as `revdiff parse --format json` names it",
            python_hint="name the page by its path as its PageReading's name gives it")
    raise BadCorrection(f"no diff page named {page} among the inputs", where,
                        correction.file_line,
                        hint="name a page as `revdiff parse --format json` names it",
                        python_hint="name a page as its PageReading's name gives it")


def _real_path(name: str) -> str | None:
    """The real path of the file `name` names, or None where it names none (another machine's
    path, standard input's `-`)."""
    return os.path.realpath(name) if os.path.isfile(name) else None
