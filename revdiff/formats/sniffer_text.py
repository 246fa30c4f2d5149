"""News Sniffer diff pages saved as text: flattened, or copied from the browser.

The header of a flattened diff page is read exactly; the body rows are handed to the column
splitter (`revdiff.splitter`), which recovers both versions from the glued cells. A diff page
copied from the browser keeps its cells apart with a tab: both versions are read exactly from
it (`sniffer_copied_table`), and given to the splitter as versions it knows, with which it
reads the page, and any flattened page of the same article, for certain. The header's lines
are `sniffer_text_lines`, its checks `sniffer_header_checks`; a version page saved as text is
read by `sniffer_version_text`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from revdiff.errors import InconsistentPages, MalformedPage
from revdiff.formats.fields import (
    at_second_59,
    checked_url,
    joined_sniffer_count,
    leap_second_warning,
    parse_number,
    sniffer_url_warnings,
    textless_warning,
)
from revdiff.formats.foreign import has_translated_diff_header
from revdiff.formats.sniffer_copied_table import read_cells
from revdiff.formats.sniffer_header_checks import (
    refuse_a_damaged_version_row,
    refuse_a_repeated_row,
    refuse_a_second_header,
    refuse_a_version_page,
    refuse_another_info_line,
    refuse_wrapped_lines,
    warn_of_a_contradicting_time_row,
)
from revdiff.formats.sniffer_markdown_table import from_markdown_table
from revdiff.formats.sniffer_shown_times import seen_time
from revdiff.formats.sniffer_text_lines import (
    CHANGES_LINE,
    CUT_TIME_LINE,
    PAGINATION_LINE,
    SITE_FOOTER,
    SOURCE_LINE,
    SOURCE_LINE_START,
    SPLIT_VERSIONS,
    TIME_ROW,
    URL_LINE,
    VERSIONS_LINE,
    opens_as_info_line,
    tabbed_info_line,
)
from revdiff.formats.text_input import ASCII_WHITESPACE
from revdiff.formats.translation import SAVE_UNTRANSLATED
from revdiff.model import Article, Version
from revdiff.splitter.chain import read_chain, telling_rank
from revdiff.splitter.page import PageHeader

# Lines a site's footer can take after the pagination; more are read as rows.
_MAX_FOOTER_LINES = 5

# Longest row of a flattened page: one paragraph's old and new cells glued together. News
# paragraphs are a few hundred characters; the splitter's cost grows with every space in a row,
# so a row this long is a damaged or hostile page, refused instead of taking minutes.
MAX_ROW_CHARS = 100_000


def looks_like_diff_text(text: str) -> bool:
    """A saved diff page: its article-info line opens the text, or a version row follows it, or
    the text opens with the version row (the diff table copied without the lines above it).

    A page that opens with the article-info line but was cut before its rows still counts, so
    that reading it reports the missing header rather than mistaking it for a plain version.
    """
    head = from_markdown_table(text[:20_000])
    first = head.lstrip().split("\n", 1)[0]
    if (SOURCE_LINE.match(first) or VERSIONS_LINE.fullmatch(first.strip())
            or tabbed_info_line(first) or opens_as_info_line(first)):
        return True
    first_lines = head.split("\n")[:40]
    versions = any(VERSIONS_LINE.fullmatch(line.strip()) for line in first_lines)
    if not versions and SOURCE_LINE_START in head:
        # the HTML page's text taken out tag by tag, or a page (opening with the site's header)
        # cut before its version row: refused by `parse_header`, saying so
        return (SPLIT_VERSIONS.search(head) is not None
                or any(line.lstrip().startswith(SOURCE_LINE_START) for line in first_lines))
    return versions and ("This article is from the source" in head
                         or "The article has changed" in head)


def parse_header(text: str, name: str) -> PageHeader:
    """Read the article info, version numbers, title row and time row of a flattened diff page."""
    header = PageHeader(name)
    lines = from_markdown_table(text, name).split("\n")
    versions_at = None
    info_lines: dict[str, tuple[int, str]] = {}  # each kind of article-info line, where it was
    for index, raw in enumerate(lines):
        line = raw.strip()
        if tabbed_info_line(line):
            raise MalformedPage(
                "the News Sniffer page's article-info line holds tabs where the page holds "
                "spaces, as an editor or a converter that turns spaces into tabs leaves it", name,
                index + 1, hint="save the page's text again from News Sniffer, or give its HTML "
                                "page")
        if versions_at is None and (found := VERSIONS_LINE.fullmatch(line)):
            header.old_number = parse_number(found["old"], "old version number", name, index + 1)
            header.new_number = parse_number(found["new"], "new version number", name, index + 1)
            if header.old_number == header.new_number:
                raise MalformedPage(f"the page compares version {header.old_number} with itself", name,
                                    index + 1, hint="the header row is damaged; save it again from "
                                                    "News Sniffer")
            versions_at = index
            # a copy's rows hold a tab between their cells, its title row too; a flattened
            # page's version row may hold one an editor put for the space
            if "\t" in found["gap"] and any("\t" in row for row in lines[index + 1:]):
                return read_cells(header, lines, versions_at)
            break
        if found := SOURCE_LINE.match(line):
            refuse_another_info_line(info_lines, "article info", line, index + 1, name)
            header.source = found["source"] or None
            seen = seen_time(found["seen"])
            leap_second = leap_second_warning(seen, "the first-seen time")
            if leap_second is not None:  # kept at second 59, as the HTML page's reader keeps it
                header.warnings.append(f"{name}:{index + 1}: {leap_second}")
            header.first_seen = at_second_59(seen) or None
            header.check_status = found["status"] or None
        elif found := URL_LINE.match(line):
            refuse_another_info_line(info_lines, "article URL", found["url"], index + 1, name)
            header.url = checked_url(found["url"], "article URL", name, index + 1)
        elif found := CHANGES_LINE.match(line):
            refuse_another_info_line(info_lines, "change count", found["changes"], index + 1,
                                      name)
            header.changes = parse_number(found["changes"], "change count", name, index + 1)
    if versions_at is None and (split := SPLIT_VERSIONS.search(text[:20_000])):
        raise MalformedPage(
            f"'Version {split['old']}' and 'Version {split['new']}' are on lines of their own: this "
            "is the text of a diff page's HTML taken out tag by tag (BeautifulSoup get_text, lxml "
            "text_content), whose header and cells are not laid out as a flattened page's",
            name, text.count("\n", 0, split.start()) + 1,
            hint="give the HTML page itself, which is read exactly")
    if versions_at is None:
        refuse_a_damaged_version_row(lines, name)
    if versions_at is None and has_translated_diff_header(text):
        raise MalformedPage("the diff page was translated by the browser before it was saved (its "
                            "header is not in English)", name,
                            hint=SAVE_UNTRANSLATED)
    # an article-info line read (a page may open with any of them), or a source line damaged
    if versions_at is None and (info_lines or any(line.lstrip().startswith(SOURCE_LINE_START)
                                                  for line in lines)):
        raise MalformedPage("no 'Version N Version M' header row after the article info", name,
                            hint="the page is cut short, or its header row damaged; save or copy "
                                 "it again from News Sniffer")
    if versions_at is None:
        raise MalformedPage("no 'Version N Version M' header row", name,
                            hint="is this a News Sniffer diff page saved as text?")
    header.warnings.extend(sniffer_url_warnings(header.url, name))
    # rows are trimmed as trackers trim paragraphs: a no-break space at a paragraph's edge, or
    # a paragraph that is only one, is text of the page
    rows = ((i + 1, lines[i].strip(ASCII_WHITESPACE)) for i in range(versions_at + 1, len(lines)))
    remaining = [(number, row) for number, row in rows if row]
    refuse_a_repeated_row(remaining, lines[versions_at].strip(), "version row", name)
    if remaining:
        refuse_a_second_header(remaining[0][1], name, remaining[0][0])
    if remaining and not TIME_ROW.fullmatch(remaining[0][1]):
        header.title_line_number, header.title_line = remaining[0]
        remaining = remaining[1:]
        refuse_a_repeated_row(remaining, header.title_line, "title row", name)
    else:
        header.warnings.append(f"{name}:{versions_at + 2}: the title row is missing; titles left empty")
    time_row = TIME_ROW.fullmatch(remaining[0][1]) if remaining else None
    if time_row is not None:
        header.time_text = time_row["distance"]
        warn_of_a_contradicting_time_row(header, remaining[0][0])
        time_line, remaining = remaining[0][1], remaining[1:]
        refuse_a_repeated_row(remaining, time_line, "time row", name)
    elif len(remaining) == 1 and CUT_TIME_LINE.fullmatch(remaining[0][1]):
        raise MalformedPage("the page ends inside its time row (no body rows follow)", name,
                            remaining[0][0], hint="the page is cut short; save it again from "
                                                  "News Sniffer")
    else:
        line_number = remaining[0][0] if remaining else versions_at + 2
        header.warnings.append(f"{name}:{line_number}: the time row '(... later)' is missing")
    refuse_a_version_page(remaining, name)  # before the pagination, which may end the table
    # the pagination after the table ends it: what follows is the site's footer
    last_rows = range(len(remaining) - 1, max(len(remaining) - 2 - _MAX_FOOTER_LINES, 0), -1)
    end = next((i for i in last_rows if PAGINATION_LINE.fullmatch(remaining[i][1])), None)
    if end is not None:
        remaining = remaining[:end]
    elif remaining and any(PAGINATION_LINE.fullmatch(line.strip(" \xa0"))
                           for line in lines[:versions_at]):
        # the pagination News Sniffer shows above the table it shows after it too: a whole
        # page's text without it after the table was cut short, maybe inside its last row
        header.warnings.append(f"{name}:{remaining[-1][0]}: the page shows its pagination above "
                               "the table but not after it, as a page cut short does; its last "
                               "row may be cut")
    while len(remaining) > 1 and SITE_FOOTER.fullmatch(remaining[-1][1]):
        remaining = remaining[:-1]
    if not remaining and time_row is None:  # cut short in its header
        raise MalformedPage("the page ends before its first body row", name, len(lines),
                            hint="the page is cut short; save it again from News Sniffer")
    refuse_wrapped_lines(lines[:versions_at], remaining, name)
    for line_number, row in remaining:
        refuse_a_second_header(row, name, line_number)
        if len(row) > MAX_ROW_CHARS:
            raise MalformedPage(
                f"row is {len(row):,} characters long, more than the {MAX_ROW_CHARS:,} a "
                "paragraph of a diff page can hold", name, line_number,
                hint="the page is damaged; save it again from News Sniffer")
    header.body = remaining
    return header


def read_diff_texts(named_texts: Sequence[tuple[str, str]],
                    known: Mapping[str, Mapping[int, Version]] | None = None) -> list[Article]:
    """Read flattened diff pages; pages of one article (same URL) are read jointly. `known`
    holds, by URL, versions other inputs give exactly (by number): pages that show them are
    fitted to them."""
    return read_diff_headers([parse_header(text, name) for name, text in named_texts], known)


def read_diff_headers(headers: Sequence[PageHeader],
                      known: Mapping[str, Mapping[int, Version]] | None = None) -> list[Article]:
    """`read_diff_texts` of pages whose headers are parsed already (`parse_header`)."""
    groups: dict[str, list[PageHeader]] = {}
    for index, header in enumerate(headers):
        groups.setdefault(header.url or f"#{index}", []).append(header)
    return [_read_article(group, (known or {}).get(group[0].url or "", {})) for group in groups.values()]


def _read_article(headers: list[PageHeader], known: Mapping[int, Version]) -> Article:
    named = [h for h in headers if h.source]  # a page copied without its source line names none
    for header in named[1:]:
        if header.source != named[0].source:
            raise InconsistentPages(
                f"this page names the source {header.source!r} where {named[0].name}, of the same URL, "
                f"names {named[0].source!r}; check that both are pages of one article as News Sniffer "
                f"saved them", header.name)
    copied = {version.number: version for header in headers for version in _copied_versions(header)}
    chain = read_chain(headers, {**copied, **known})
    first = headers[0]
    metadata = {k: v for k, v in (("first_seen", first.first_seen),
                                  ("check_status", first.check_status)) if v}
    # the highest count of versions the pages give ('The article has changed N times'), or none,
    # warned, where it leaves no room for a version they show
    shown_by: dict[int, str] = {}
    for page in chain.pages:
        shown_by.setdefault(page.old_number, page.name)
        shown_by.setdefault(page.new_number, page.name)
    changes, count_warning = joined_sniffer_count(((h.changes, h.name) for h in headers), shown_by)
    versions = tuple(replace(copied.get(v.number, v), time_text=v.time_text,
                             time_from=_time_counted_from(v, headers))
                     for v in chain.versions)
    # a page whose table has no body rows shows no change of two versions without text, as the
    # HTML page's reader keeps them
    textless = tuple(warning for v in versions
                     for warning in textless_warning(v, shown_by.get(v.number, first.name)))
    warnings = (tuple(w for h in headers for w in h.warnings) + chain.warnings
                + ((count_warning,) if count_warning else ()) + textless)
    return Article(named[0].source if named else None, first.url, versions, changes, metadata, warnings,
                   chain.pages)


def _time_counted_from(version: Version, headers: Sequence[PageHeader]) -> int | None:
    """The number of the version `version`'s time (`time_text`) is told from: the left version
    of a page whose time row tells it of `version` on the right (a page reached by "Previous
    version" shows the later version on the left, "(... earlier)"); of several such pages, the
    nearest version's, and of two as near the earlier (`chain.telling_rank`). None for a version
    without a time."""
    if version.time_text is None:
        return None
    telling = [header.old_number for header in headers
               if header.new_number == version.number and header.time_text == version.time_text]
    return min(telling, key=lambda number: telling_rank(number, version.number), default=None)


def _copied_versions(header: PageHeader) -> list[Version]:
    """The two versions a page copied with its cells apart shows exactly; none for a flattened
    page."""
    if header.cells is None:
        return []
    titles = header.titles or ("", "")
    return [Version(header.old_number, titles[0], tuple(old for old, _ in header.cells if old),
                    header.times[0]),
            Version(header.new_number, titles[1], tuple(new for _, new in header.cells if new),
                    header.times[1], header.time_text)]
