"""A folder of saved publisher pages: one version per page, one article per URL.

Researchers keep their own scrapes or Wayback Machine mementos of an article. Each page's text is
extracted (`snapshot_page`), pages are grouped by the URL they name, ordered by time, and a page
whose title and text equal the one before it is folded into it. Every assumption and everything
left out is said in a warning on the article: pages without text, error pages, bot checks
and consent walls, furniture taken out of the text, paywall notices, the saves that show only a
paywall's teaser of a story other saves hold whole, pages without a time or a URL, a folder
holding several articles.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit

from revdiff.engine.word_count import count_words
from revdiff.errors import (
    BinaryInput,
    EmptyInput,
    EmptyText,
    EncodingProblem,
    InconsistentPages,
    InputTooLarge,
    RevdiffError,
)
from revdiff.file_kinds import open_without_waiting
from revdiff.formats import foreign
from revdiff.formats.decoding import check_size_unless_binary, decode_bytes
from revdiff.formats.detect import SQLITE_MAGIC, Format, detect, detect_bytes
from revdiff.formats.fields import shown, source_of_url
from revdiff.formats.input_file import TextInput, in_one_encoding
from revdiff.formats.listed_file import refuse_opened_outside
from revdiff.formats.nytdiff import sortable_time
from revdiff.formats.plain import (
    day_first_warning,
    in_version_order,
    is_stream_name,
    name_as_read,
    named_twice,
    names_with_year_first,
)
from revdiff.formats.text_input import GZIP_MAGIC, gunzipped, read_bounded
from revdiff.model import Article, Version
from revdiff.read_warnings import counted, first_few

if TYPE_CHECKING:
    from revdiff.formats.snapshot_page import SavedPage

# A save with a paywall notice is the paywall's teaser when another save of the article holds its
# paragraphs in at least this many times its words.
_FULL_TO_TEASER_WORDS = 2
# Query parameters that say where a link was shared, not which article it is (prefixes).
_TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "smid", "cmpid", "ocid")
# A file named as a saved page: `story.html`, `story.htm`, and wget's `index.html.1` and
# `index.html?ver=2`.
_PAGE_NAME = re.compile(r"\.html?($|[.?])", re.IGNORECASE)
# The path of a site's home page: none, `/`, or its index file.
_HOME_PAGE_PATH = re.compile(r"/?(index\.(html?|php|aspx?))?", re.IGNORECASE)


def read_folder(files: Sequence[Path], listed_folder: Path, max_bytes: int,
                empty: dict[Path, EmptyText],
                notes: list[str] | None = None) -> list[Article] | None:
    """The articles of a folder of saved publisher pages, or None when it holds anything else;
    what is said of the folder as a whole goes into `notes` (see `articles_from_pages`). A file
    that holds no text (a failed capture) is left out and goes into `empty` with its error, for
    the caller to name, and not to read again when the folder holds no pages. What each file
    opened must lie in `listed_folder`, the folder's real path when it was listed
    (`refuse_opened_outside`).

    A folder is read this way when every file is an HTML page that is not a tracker's page. A
    folder whose files, in reading order, start with such pages and go on with other files is
    refused (InconsistentPages), naming the first other file. A page saved gzip-compressed is
    decompressed; a file named as a page that no encoding reads (binary data, an unknown
    charset) is left out of a folder of pages, named in a warning, as a page without text is.
    A gzip-compressed file that holds no text is left out only from a folder of pages: the
    ordinary reading of any other folder refuses it, as it refuses every compressed file.
    """
    pages: list[TextInput] = []  # each file read as a page
    cut_warnings: dict[str, str] = {}  # the gzip-compressed pages cut short: the warning
    left_out: dict[str, str] = {}  # the files named as pages that no encoding reads: why
    # the compressed files that hold no text: empty only in a folder of pages (above)
    compressed_empty: dict[Path, EmptyText] = {}
    for file in files:
        name = str(file)
        compressed = False
        cut_warning = None  # a gzip-compressed page cut short
        try:
            with open_without_waiting(file) as handle:
                refuse_opened_outside(handle, file, listed_folder, name)
                check_size_unless_binary(handle, name, max_bytes)
                data = read_bounded(handle, name, max_bytes)
            compressed = data.startswith(GZIP_MAGIC)  # the body as the server sent it
            if compressed:
                decompressed = gunzipped(data, name, max_bytes)
                data, cut_warning = decompressed.body, decompressed.warning
            is_database = detect_bytes(data[:len(SQLITE_MAGIC)]) is not None
            decoded = None if is_database else decode_bytes(data, name, max_bytes)
        except EmptyText as blank:
            (compressed_empty if compressed else empty)[file] = blank
            continue
        except (BinaryInput, EncodingProblem) as unreadable:
            if not _PAGE_NAME.search(file.name):
                return None  # no saved page: the ordinary reading of the folder reports it
            left_out[name] = f"{name}: {unreadable.message}; page left out (save it again to read it)"
            continue
        except InputTooLarge:
            raise  # over the size limit once decompressed, which the ordinary reading misses
        except (OSError, RevdiffError):
            return None  # the ordinary reading of the folder reports it
        if decoded is None or detect(decoded.text) is not Format.UNKNOWN_HTML:
            if pages:
                raise mixed_folder(file, Path(pages[0].name).name,
                                   decoded.text if decoded else None)
            return None
        pages.append(TextInput(name, decoded.text, Format.UNKNOWN_HTML, decoded.warning,
                               decoded.encoding if decoded.guessed else None))
        if cut_warning:
            cut_warnings[name] = cut_warning
    if not pages:
        return None  # no file read as a page: the ordinary reading of the folder reports them
    empty.update(compressed_empty)
    pages = in_one_encoding(pages, str(files[0].parent))
    folder_notes = [warning for page in pages
                    for warning in (cut_warnings.get(page.name), page.warning) if warning]
    return _articles_of_pages([(Path(page.name), page.text) for page in pages], folder_notes,
                              notes, left_out)


def read_given_pages(texts: Sequence[TextInput], notes: list[str] | None = None) -> list[Article]:
    """The articles of saved pages given together as files (`revdiff diff a.html b.html`), read
    as the folder of them is (`read_folder`), with its warnings and refusals, the first page's
    folder named where it names the folder: the pages that give a time in its order, those that
    give none after them in the order given, as plain version files given one by one are (pipes
    too: bash names the first of `<(curl -s U1) <(curl -s U2)` /dev/fd/63, the second
    /dev/fd/62), but the files of one folder given in the order of their names sorted as text,
    as a shell's `*` gives them, all in the folder's order. A page given twice is read once."""
    given = {Path(text.name): text for text in texts}
    files = list(given)
    reread = in_one_encoding(list(given.values()), str(files[0].parent))
    given = dict(zip(files, reread, strict=True))
    in_folder_order = in_version_order(files, str(files[0].parent))  # refused as the folder is
    names = [text.name for text in given.values()]
    as_a_glob = (len({file.parent for file in files}) == 1 and names == sorted(names)
                 and not any(map(is_stream_name, names)))
    if as_a_glob:
        files = in_folder_order
    read_notes = [warning for warning in (given[file].warning for file in files) if warning]
    return _articles_of_pages([(file, given[file].text) for file in files], read_notes, notes,
                              untimed_as_given=not as_a_glob, given=True)


def _articles_of_pages(pages: Sequence[tuple[Path, str]], read_notes: list[str],
                       notes: list[str] | None = None,
                       left_out: Mapping[str, str] | None = None,
                       untimed_as_given: bool = False, given: bool = False) -> list[Article]:
    """The articles of the saved `pages` (each file with its text, in the order of a folder's
    files, or in the order given: `untimed_as_given`), as `articles_from_pages` gives them;
    `read_notes` says how the files were read, `given` that they were given as files."""
    # imported once the input is known to hold pages: BeautifulSoup, which reads them, takes
    # some 90 ms to import, which a folder of version files must not wait for
    from revdiff.formats.snapshot_page import read_page

    folder_notes = list(read_notes)
    # the dates in the names of the pages read only: an empty file's name is no page's
    read = [file for file, _ in pages]
    year_first, day_or_month_first = names_with_year_first(read)
    saved_pages = [read_page(str(file), year_first[file], text) for file, text in pages]
    # a page's own note of its time (SingleFile's) passes over the date in its name
    dated = sorted(file.name for file, page in zip(read, saved_pages, strict=True)
                   if year_first[file] != file.name
                   and (page.time_source or "").startswith("file name"))
    if day_or_month_first and dated:
        folder_notes.insert(0, day_first_warning(dated, "2024-02-01.html"))
    where = str(read[0].parent)
    _refuse_one_time_named_twice(saved_pages, where)
    return articles_from_pages(saved_pages, where, folder_notes, notes, left_out,
                               untimed_as_given, given)


def _refuse_one_time_named_twice(pages: Sequence[SavedPage], where: str) -> None:
    """InconsistentPages for two pages whose times (or dates) come from their file names that
    differ only in how they write that date and time (`2020-1-4.html`, `2020-01-04.html`), as a
    folder of plain versions so named is refused: which page was saved first, nothing says."""
    named: dict[str, SavedPage] = {}
    for page in pages:
        if not (page.time_source or "").startswith("file name"):
            continue
        other = named.setdefault(name_as_read(Path(page.file_name).stem), page)
        if other is not page:
            raise named_twice(Path(other.name).name, Path(page.name).name, page.time, page.date,
                              where, ".html")


def mixed_folder(other: Path, first_page: str, text: str | None = None) -> InconsistentPages:
    """The refusal of a folder of saved pages (`first_page` the first of them by name) that also
    holds `other`, a file that is no saved page; one whose `text` is a page wrapped in something
    else (an MHTML archive, which a browser writes for "Webpage, Single File") is named as that,
    and how to save it as a page said."""
    wrapped = foreign.describe_wrapped_page(text) if text is not None else None
    if wrapped is not None:
        what, to_save = wrapped
        return InconsistentPages(
            f"{other.name} is {what}, not a saved page, but the folder holds saved pages "
            f"({first_page}, ...)", str(other.parent),
            hint=f"{to_save}; a folder of saved pages must hold nothing else")
    return InconsistentPages(
        f"{other.name} is no saved page, but the folder holds saved pages ({first_page}, ...)",
        str(other.parent), hint="a folder of saved pages must hold nothing else: move the "
                                "other files out, or read them separately")


def articles_from_pages(pages: Sequence[SavedPage], where: str,
                        read_notes: Sequence[str] = (), notes: list[str] | None = None,
                        left_out: Mapping[str, str] | None = None,
                        untimed_as_given: bool = False, given: bool = False) -> list[Article]:
    """Group pages by URL, order each group by time (the pages that give none by the numbers in
    their file names, or, `untimed_as_given`, in the order of `pages`, the order the files were
    given in), fold repeated texts; warn about the rest,
    and say the `read_notes` (how the files were read: an encoding guessed, dates in their names
    that may be read two ways) and the `left_out` files' notes (by file name: why no page was
    read from it). A folder of one article's pages says everything in its
    warnings. Of a folder of several, a note on one page (`where/page.html: ...`) is a warning of
    that page's article, and the notes on the folder (the pages left out, the dates in the names,
    its several articles) are said once in `notes`, each naming the folder (`where`); without
    `notes`, every article carries them. Pages `given` as files, not read from their folder, are
    spoken of as the pages given: their several articles said without naming a folder (pipes
    give none, /dev/fd)."""
    empty = [p for p in pages if not p.text.paragraphs]
    with_text = [p for p in pages if p.text.paragraphs]
    if not with_text:
        raise EmptyInput(f"none of the {len(pages)} saved pages holds article text", where,
                         hint="save the article pages themselves, not index or error pages")
    home_page_notes: list[str] = []
    with_text = _without_home_page_urls(with_text, home_page_notes)
    groups: dict[str | None, list[SavedPage]] = {}
    for page in with_text:
        groups.setdefault(_article_key(page.url), []).append(page)
    left_out = left_out or {}
    folder_notes = [*read_notes, *left_out.values(), *home_page_notes,
                    *(f"{p.name}: {_why_no_text(p)}; page left out" for p in empty)]
    if len(groups) == 1:
        return [_article(group, folder_notes, untimed_as_given, given)
                for group in groups.values()]
    holding = "the pages given are" if given else "the folder holds pages"
    several = (f"{holding} of {len(groups)} articles (by the URL each page names); each is "
               "read as its own article")
    folder_notes.append(several)
    if notes is None:
        return [_article(group, folder_notes, untimed_as_given, given)
                for group in groups.values()]
    on_pages = {p.name: [note for note in read_notes if note.startswith(f"{p.name}: ")]
                for p in with_text}
    said_on_a_page = {note for page_notes in on_pages.values() for note in page_notes}
    files = [*(p.name for p in pages), *left_out]
    notes.extend(note if any(note.startswith(f"{file}: ") for file in files)
                 or (given and note == several) else f"{where}: {note}"
                 for note in folder_notes if note not in said_on_a_page)
    return [_article(group, [note for p in group for note in on_pages[p.name]],
                     untimed_as_given, given) for group in groups.values()]


def _article_key(url: str | None) -> str | None:
    """What the URLs of one article's pages share, however a save spells it: the host without
    `www.` and the path without a final `/`, and the query without share tracking
    (`utm_source`, `fbclid`, ...); the scheme and a fragment are left out."""
    if url is None:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # no URL Python can split (`http://[::1/x`): only itself
        return url
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}?{_without_tracking(parts.query)}"


def _without_tracking(query: str) -> str:
    """A URL's `query` without its share tracking parameters (`utm_source`, `fbclid`, ...)."""
    return urlencode([(key, value) for key, value in parse_qsl(query, keep_blank_values=True)
                      if not key.lower().startswith(_TRACKING_PARAMETERS)])


def _is_home_page(url: str) -> bool:
    """Whether `url` is a site's home page (`https://site/`, `https://site/index.html`, with
    share tracking at most): no article's URL."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # no URL Python can split: no home page
        return False
    return (bool(parts.hostname) and not _without_tracking(parts.query)
            and _HOME_PAGE_PATH.fullmatch(parts.path) is not None)


def _without_home_page_urls(pages: Sequence[SavedPage], notes: list[str]) -> list[SavedPage]:
    """`pages`, each that names a site's home page as its URL (a site that sets it as the
    canonical link of every page, which would put all its articles into one) named by the next
    URL it gives that is no home page, or none; said in `notes`, one for each home page."""
    named_home: dict[str, list[str]] = {}
    read: list[SavedPage] = []
    for page in pages:
        if page.url is not None and _is_home_page(page.url):
            named_home.setdefault(page.url, []).append(page.name)
            others = [url for url in page.other_urls if not _is_home_page(url)]
            page = dataclasses.replace(page, url=others[0] if others else None,
                                       other_urls=tuple(others[1:]))
        read.append(page)
    notes.extend(f"{home} is the site's home page, no article's URL, yet "
                 f"{counted(len(names), 'page')} {'names' if len(names) == 1 else 'name'} it as "
                 f"{'its' if len(names) == 1 else 'their'} own ({first_few(names)}); each is "
                 "read by the next URL it names (its og:url or the address it was saved from), "
                 "else as a page without a URL" for home, names in named_home.items())
    return read


def _why_no_text(page: SavedPage) -> str:
    if page.error_heading is not None:
        return (f"an error page, a bot check or a consent wall ({page.error_heading!r}), not "
                "the article: save the page again")
    return "no article text found"


def _article(pages: list[SavedPage], folder_notes: list[str], untimed_as_given: bool,
             given: bool) -> Article:
    warnings = list(folder_notes)
    if pages[0].url is None:  # the pages that name no URL
        warnings.append("these pages name no URL (no canonical link, og:url, browser's "
                        "saved from url mark or SingleFile comment); "
                        "read together as one article")
    teasers = _paywall_teasers(pages)
    warnings.extend(
        f"{teaser.name}: only the opening of the article, behind a paywall "
        f"({teaser.text.paywall[0]!r}): {counted(len(teaser.text.paragraphs), 'paragraph')} that "
        f"{full.name} holds with the rest of the story; page left out, not read as a version "
        "that deleted the rest (save the page while logged in to read it)"
        for teaser, full in teasers.items())
    pages = [p for p in pages if p not in teasers]
    cut_short = [p.name for p in pages if p.cut_short]
    if cut_short:
        one = len(cut_short) == 1
        warnings.append(f"{counted(len(cut_short), 'page')} {'ends' if one else 'end'} before "
                        f"</html>, as a page saved part way does ({first_few(cut_short)}); "
                        f"{'its' if one else 'their'} last paragraphs may be missing")
    pages = sorted(pages, key=lambda page: _time_order_key(page, untimed_as_given))
    urls = [p.url for p in pages]
    spellings = list(dict.fromkeys(urls))
    url = max(spellings, key=urls.count)  # the most pages', the earliest on a tie
    if len(spellings) > 1:
        warnings.append(f"the pages spell the article's URL in {len(spellings)} ways "
                        f"({first_few([str(u) for u in spellings])}); read as one article, "
                        f"named {url}")
    untimed = [p for p in pages if p.time is None]
    dated = [p for p in untimed if p.date and (p.time_source or "").startswith("file name")]
    if dated:
        warnings.append(_dated_note(dated))
    claimed_dates = [p for p in untimed if p.date and p not in dated]
    if claimed_dates:
        warnings.append(_claimed_dates_note(claimed_dates))
    undated = [p for p in untimed if not p.date]
    if undated:
        warnings.append(_untimed_note(undated, after_timed=len(undated) < len(pages),
                                      as_given=untimed_as_given))
    warnings.extend(f"{p.name}: {p.leap_second}" for p in pages if p.leap_second)
    warnings.extend(f"{p.name}: {p.unread_zone}" for p in pages if p.unread_zone)
    warnings.extend(f"{p.name}: {p.unread_time}" for p in pages if p.unread_time)
    other_types = [p for p in pages if p.other_type]
    if other_types:
        warnings.append(_other_type_note(other_types))
    sources = sorted({p.time_source for p in pages if p.time_source})
    claimed = [s for s in sources if s.startswith(("article:", "og:", "JSON-LD", "microdata", "<time"))]
    if claimed:
        warnings.append(f"some times are the pages' own {', '.join(claimed)}: when the publisher "
                        "says the page changed, not when it was saved")
    if any("no time zone" in source for source in sources):
        warnings.append("times in the file names carry no time zone; kept without one")
    from_linked_data = [p.name for p in pages if p.text_from_linked_data]
    if from_linked_data:
        one = len(from_linked_data) == 1
        warnings.append(f"{counted(len(from_linked_data), 'page')} {'shows' if one else 'show'} "
                        f"no article text ({first_few(from_linked_data)}); read from "
                        f"{'its' if one else 'their'} JSON-LD articleBody, the text as the "
                        "publisher gives it to search engines, which may split it into "
                        "paragraphs otherwise or not at all")
    warnings.extend(_furniture_notes(pages))
    versions: list[Version] = []
    folded = []
    for page in pages:
        previous = versions[-1] if versions else None
        if previous is not None and (previous.title, previous.paragraphs) == (
                page.title, page.text.paragraphs):
            folded.append(page.name)
            continue
        versions.append(Version(len(versions), page.title, page.text.paragraphs, page.time,
                                page.date))
    if folded:
        one = len(folded) == 1
        warnings.append(f"{counted(len(folded), 'page')} {'repeats' if one else 'repeat'} the "
                        f"text of the page before {'it' if one else 'them'} and "
                        f"{'is' if one else 'are'} folded into it ({first_few(folded)})")
    if len(versions) == 1:
        among = "among the pages given" if given else "in the folder"
        warnings.append(f"only one version of {url or 'this article'} {among}: "
                        "nothing to compare")
    return Article(source_of_url(url), url, tuple(versions), None, {"tracker": "saved pages"},
                   tuple(warnings))


def _paywall_teasers(pages: Sequence[SavedPage]) -> dict[SavedPage, SavedPage]:
    """The saves that show only a paywall's teaser, each with the save of the article that holds
    its text and the rest of the story: a save with a paywall notice whose paragraphs another
    save, one without a notice, holds (the last one perhaps cut short), in at least twice as many
    words. A notice that the fuller save shows too is the site's on every page (a meter's `You
    have read 3 of your 10 free articles`), and the shorter save an earlier version of a story
    that grew since."""
    teasers = {}
    for page in pages:
        if not page.text.paywall:
            continue
        holders = [other for other in pages if not other.text.paywall
                   and _words(other) >= _FULL_TO_TEASER_WORDS * _words(page)
                   and _holds_opening(other, page)]
        if holders:
            teasers[page] = max(holders, key=_words)
    return teasers


def _words(page: SavedPage) -> int:
    return sum(count_words(paragraph) for paragraph in page.text.paragraphs)


def _holds_opening(full: SavedPage, teaser: SavedPage) -> bool:
    """Whether `full` holds every paragraph of `teaser`, its last perhaps cut short (`...`)."""
    *whole, last = teaser.text.paragraphs
    cut = re.sub(r"[.…\s]+$", "", last)  # `...` or `…` where the teaser cuts it
    return set(whole) <= set(full.text.paragraphs) and any(
        paragraph.startswith(cut) for paragraph in full.text.paragraphs)


def _time_order_key(page: SavedPage, untimed_as_given: bool
                    ) -> tuple[bool, datetime, tuple[tuple[int, ...], tuple[str, str]]]:
    """Pages in the order of their times, a page with only a date at the start of its day;
    those with neither after them, by the numbers in their file names, or, `untimed_as_given`,
    all alike: in the order they come in (a stable sort keeps it)."""
    if page.time is None and page.date is None:
        return True, datetime.min, ((), ("", "")) if untimed_as_given else _save_order_key(
            page.file_name)
    when = sortable_time(page.time) if page.time else datetime.fromisoformat(str(page.date))
    return False, when, _save_order_key(page.file_name)


def _dated_note(dated: Sequence[SavedPage]) -> str:
    """The warning that says the pages whose file names give a date without a time of day have
    that date for their time, and how they are ordered."""
    names = [p.name for p in dated]
    one = len(names) == 1
    return (f"{counted(len(names), 'page')} {'gives' if one else 'give'} a date in "
            f"{'its' if one else 'their'} file {'name' if one else 'names'} but no time of day "
            f"({first_few(names)}); {'its' if one else 'their'} time is the date alone, and "
            f"{'it is' if one else 'they are'} placed at the start of that day; put the time of "
            "each save in its name (story-2020-01-04T10-30.html) to order the saves of one day")


def _claimed_dates_note(dated: Sequence[SavedPage]) -> str:
    """The warning that says the pages that give a date without a time of day in their own
    metas, JSON-LD or microdata (`2020-01-03`) have that date for their time, not its midnight."""
    names = [p.name for p in dated]
    one = len(names) == 1
    sources = ", ".join(sorted({str(p.time_source) for p in dated}))
    return (f"{counted(len(names), 'page')} {'gives' if one else 'give'} a date but no time of "
            f"day in {'its' if one else 'their'} {sources} ({first_few(names)}); "
            f"{'its' if one else 'their'} time is the date alone, and "
            f"{'it is' if one else 'they are'} placed at the start of that day")


def _other_type_note(pages: Sequence[SavedPage]) -> str:
    """The warning that says the pages whose og:type or JSON-LD @type names no article
    (`website`, `CollectionPage`) may be none."""
    names = [p.name for p in pages]
    one = len(names) == 1
    by_source: dict[str, dict[str, None]] = {}
    for page in pages:
        by_source.setdefault(str(page.other_type_source), {})[shown(page.other_type)] = None
    types = ", ".join(f"{source} ({', '.join(named)})" for source, named in by_source.items())
    return (f"{counted(len(names), 'page')} {'says' if one else 'say'} in {'its' if one else 'their'} "
            f"{types} that {'it is' if one else 'they are'} no article "
            f"({first_few(names)}): {'it' if one else 'they'} may be a home page or a section's "
            f"list of stories (leave {'it' if one else 'them'} out if so)")


def _untimed_note(untimed: Sequence[SavedPage], after_timed: bool, as_given: bool) -> str:
    """The warning that says how the pages that give no time are ordered (`after_timed`: after
    the pages that give one; `as_given`: in the order the files were given)."""
    names = [p.name for p in untimed]
    where = " after the timed ones" if after_timed else ""
    gives = "gives" if len(names) == 1 else "give"
    if as_given:
        return (f"{counted(len(names), 'page')} {gives} no time ({first_few(names)}); read in "
                f"the order given{where}")
    if any(re.search(r"\d", Path(name).name) for name in names):
        return (f"{counted(len(names), 'page')} {gives} no time ({first_few(names)}); placed by "
                f"the numbers in their file names{where} (a name without a number first, as "
                "page.html before page(1).html)")
    return (f"{counted(len(names), 'page')} {gives} no time ({first_few(names)}) and no file "
            f"name holds a number, so they are read in the order of their names{where}; put the time of each "
            "save in its name (story-2020-01-04T10-30.html) to give another order")


def _save_order_key(file_name: str) -> tuple[tuple[int, ...], tuple[str, str]]:
    """Sort key for pages saved without a time in their names: by the numbers in the whole name,
    in turn, where a browser or wget numbers repeated saves (`page.html`, `page(1).html`,
    `page(2).html`; `index.html`, `index.html.1`; `index.html?ver=10`); a name without a number
    is the first save. Names of the same numbers without case first (`a.html` before `B.html`),
    as a folder's version files are ordered (`plain.version_order_key`), then as text."""
    return (tuple(int(number) for number in re.findall(r"\d+", file_name)),
            (file_name.casefold(), file_name))


def _furniture_notes(pages: Sequence[SavedPage]) -> list[str]:
    notes = []
    furniture = [p for p in pages if p.text.furniture]
    if furniture:
        shown = "; ".join(repr(f) for f in dict.fromkeys(f for p in furniture
                                                           for f in p.text.furniture))
        notes.append(f"site furniture taken out of the text of {counted(len(furniture), 'page')}: {shown}")
    notes.extend(f"{p.name}: paywall notice {p.text.paywall[0]!r}; its text may be cut"
                 for p in pages if p.text.paywall)
    return notes
