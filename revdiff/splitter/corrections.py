"""A person's corrections of single rows: fix a row's reading and read its page again."""

from __future__ import annotations

from dataclasses import replace

from revdiff.errors import MalformedPage
from revdiff.model import Article, PageReading, RowKind, RowReading
from revdiff.read_warnings import GIVE_NEIGHBOURS, SHOWN_BY_PAGES, SHOWN_BY_PARSE_JSON, UNDECIDED_ROWS
from revdiff.splitter.decoder import (
    PageDecoder,
    Reading,
    columns,
    decode_rows,
    is_reading_warning,
)
from revdiff.splitter.evidence import is_glued_match, word_starts
from revdiff.splitter.symbols import fullest, same_paragraphs_up_to_symbols


def _find_row(article: Article, page_name: str, line: int) -> tuple[int, RowReading]:
    """The index of the named page in `article` and its body row at `line`."""
    page_index = next((i for i, p in enumerate(article.pages) if p.name == page_name), None)
    if page_index is None:
        raise MalformedPage(f"the article has no page named {page_name}")
    row = next((r for r in article.pages[page_index].rows if r.line == line), None)
    if row is None:
        raise MalformedPage("the page has no body row at this line", page_name, line,
                            hint="name a row's line as `revdiff parse --format json` shows it",
                            python_hint="name a row's line as the page's rows give it")
    return page_index, row


def correct_row(article: Article, page_name: str, line: int, kind: RowKind,
                boundary: int | None = None) -> Article:
    """Re-read a page of `article` with the row at `line` fixed to a reading a person chose.

    `boundary` is the character offset where the new cell starts (change rows only). `kind` may
    be given by its value (`"old_only"`).
    """
    try:
        kind = RowKind(kind)  # "change" == RowKind.CHANGE, but the checks below compare with `is`
    except ValueError:
        raise ValueError(f"unknown row kind {kind!r}; use one of: "
                         f"{', '.join(k.value for k in RowKind)}") from None
    page_index, row = _find_row(article, page_name, line)
    page = article.pages[page_index]
    fixed = {r.line: _reading_of(r) for r in page.rows if r.confidence >= 1.0 and r.line != line}
    word = 0
    if kind is RowKind.CHANGE:
        starts = word_starts(row.text)
        if boundary not in starts[1:]:
            raise MalformedPage(f"a change row must be split just after a space, not at {boundary}",
                                page_name, line)
        word = starts.index(boundary)
    elif kind is RowKind.MATCH and not is_glued_match(row.text):
        raise MalformedPage("only a row made of one text twice can be a match row", page_name, line)
    fixed[line] = (kind, word)
    lines = [(r.line, r.text) for r in page.rows]
    shown_by, advice = _first_reading_ending(article, page_name)
    rows, warnings = decode_rows(lines, page_name, fixed, advice=advice)  # the fixed rows sure
    warnings = [warning.replace(SHOWN_BY_PARSE_JSON, shown_by) for warning in warnings]
    paragraphs = _joint_columns(article, page_index, rows, line)
    reading = f"change at {boundary}" if kind is RowKind.CHANGE else kind.value
    mark = _correction_mark(page_name, line)
    corrected = replace(article, warnings=tuple(w for w in article.warnings if not w.startswith(mark)))
    return _replace_page(corrected, page_index, rows, paragraphs,
                         [*warnings, f"{mark} ({reading}), not as the splitter read it"])


def _first_reading_ending(article: Article, page_name: str) -> tuple[str, str]:
    """How the first reading's count of the page's unsure rows ended: what it pointed at for how
    each row was read (`SHOWN_BY_PARSE_JSON`, or `SHOWN_BY_PAGES` in an article the Python API
    read) and its advice (`GIVE_NEIGHBOURS`, or `CHECK_THEM` where every page beside it was
    given); the splitter's own ending where it counted none."""
    counted = f"{UNDECIDED_ROWS} (lines "
    for warning in article.warnings:
        if warning.startswith(f"{page_name}: ") and counted in warning:
            ending = warning.partition(counted)[2].partition(")")[2]
            for shown_by in (SHOWN_BY_PARSE_JSON, SHOWN_BY_PAGES):
                if ending.startswith(shown_by):
                    return shown_by, ending.removeprefix(shown_by)
    return SHOWN_BY_PARSE_JSON, GIVE_NEIGHBOURS


def _correction_mark(page_name: str, line: int) -> str:
    """How the warning starts that marks a row as read the way a person corrected it: a corrected
    row is sure, and the warnings, which every export keeps, say it is a person's reading, not
    the splitter's."""
    return f"{page_name}:{line}: read as corrected by hand"


def flip_row(article: Article, page_name: str, line: int) -> Article:
    """Switch the row at `line` to its next most likely reading that `correct_row` accepts (after
    the least likely comes the most) and re-read the page; where it accepts none, its refusal
    of the first one tried is raised."""
    page_index, current = _find_row(article, page_name, line)
    decoder = PageDecoder([(r.line, r.text) for r in article.pages[page_index].rows])
    decoder.decode()
    options = decoder.alternatives(line)
    present = _reading_of(current)
    position = options.index(present) if present in options else -1
    others = [option for option in options[position + 1:] + options[:position + 1] if option != present]
    if not others:
        raise MalformedPage("the row has no other reading (it is one text twice)", page_name, line)
    refusals: list[MalformedPage] = []
    for kind, word in others:
        boundary = word_starts(current.text)[word] if kind is RowKind.CHANGE else None
        try:
            return correct_row(article, page_name, line, kind, boundary)
        except MalformedPage as refusal:
            refusals.append(refusal)
    raise refusals[0]


def _joint_columns(article: Article, page_index: int, rows: list[RowReading],
                   line: int) -> dict[int, tuple[str, ...]]:
    """The paragraphs of the page's two versions, by number, read from `rows` as the joint reading
    of the article's pages reads them: each paragraph its fullest text of every page that shows
    its version (a symbol the flattener dropped on one page kept from another). A reading that
    gives a version other paragraphs than another page shows it with (up to those symbols) is
    refused: only the page is read again, so the article would disagree with its own pages."""
    page = article.pages[page_index]
    old, new = columns(rows)
    joint = {page.old_number: old, page.new_number: new}
    for other in article.pages[:page_index] + article.pages[page_index + 1:]:
        other_old, other_new = columns(other.rows)
        for number, shown in ((other.old_number, other_old), (other.new_number, other_new)):
            if number not in joint:
                continue
            if not same_paragraphs_up_to_symbols(joint[number], shown):
                raise MalformedPage(
                    f"read so, the row gives version {number} other paragraphs than page "
                    f"{other.name} shows it with; read it in a way that keeps version {number} "
                    f"as that page shows it",
                    page.name, line)
            joint[number] = tuple(map(fullest, joint[number], shown))
    return joint


def _reading_of(row: RowReading) -> Reading:
    if row.kind is RowKind.CHANGE and row.boundary is not None:
        return RowKind.CHANGE, word_starts(row.text).index(row.boundary)
    return row.kind, 0


def _replace_page(article: Article, page_index: int, rows: list[RowReading],
                  paragraphs: dict[int, tuple[str, ...]], warnings: list[str]) -> Article:
    """The article with the page at `page_index` read as `rows` and its versions' `paragraphs`
    (by number), the page's reading warnings replaced by `warnings`."""
    page = article.pages[page_index]
    new_page = PageReading(page.name, page.old_number, page.new_number, tuple(rows))
    pages = article.pages[:page_index] + (new_page,) + article.pages[page_index + 1:]
    versions = tuple(replace(v, paragraphs=paragraphs[v.number]) if v.number in paragraphs else v
                     for v in article.versions)
    kept = tuple(w for w in article.warnings if not is_reading_warning(w, page.name))
    return replace(article, versions=versions, pages=pages, warnings=kept + tuple(warnings))
