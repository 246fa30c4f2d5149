"""The pages of one article read together (its News Sniffer and NewsDiffs pages, given as files
or in a folder) and joined into one chain of versions. Not `joined_pages`, which refuses one
file that holds two pages."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from revdiff.errors import InconsistentPages
from revdiff.formats import elision, sniffer_text, sniffer_version_text, unnumbered_pages
from revdiff.formats.detect import Format
from revdiff.formats.fields import dated_back_warnings, joined_sniffer_count, source_of_url
from revdiff.formats.input_file import TextInput, with_warnings
from revdiff.model import Article, PageReading, Version
from revdiff.read_warnings import copy_read_once, counted
from revdiff.splitter.chain import telling_rank
from revdiff.splitter.symbols import fullest, same_paragraphs_up_to_symbols


def read_pages(pages: list[TextInput],
               files_read: list[tuple[str, ...]] | None = None) -> list[Article]:
    """The articles of tracker pages given together, each article's pages joined
    (`merge_articles`), in the order of their first pages. `files_read`, when given, gets the
    pages each article was read from, in the order given (a copy of a page read once left out)."""
    position: dict[str, int] = {}
    for index, text in enumerate(pages):
        position.setdefault(text.name, index)
    # pages that give their versions exactly are read first: flattened pages are fitted to them
    exact, articles = _without_copies([page for page in pages
                                       if page.format is not Format.SNIFFER_DIFF_TEXT])
    known: dict[str, dict[int, Version]] = {}
    for article in articles:
        if article.url:
            known.setdefault(article.url, {}).update((v.number, v) for v in article.versions)
    flattened = [t for t in pages if t.format is Format.SNIFFER_DIFF_TEXT]
    headers = [sniffer_text.parse_header(t.text, t.name) for t in flattened]
    count_of = {header.name: header.changes for header in headers}
    read_flattened = []
    flattened_names = []
    flattened_counters = []
    flattened_starts = []
    for article in sniffer_text.read_diff_headers(headers, known):
        read_from = {page.name for page in article.pages}
        read_flattened.append(with_warnings(article, [t for t in flattened if t.name in read_from]))
        flattened_names.append(", ".join(sorted(read_from)))
        # the page whose count the article keeps, the first of the highest
        flattened_counters.append(next((page.name for page in article.pages
                                        if count_of[page.name] == article.changes),
                                       flattened_names[-1]))
        flattened_starts.append(min(position[name] for name in read_from))
    exact_names = [page.name for page in exact]
    joined: list[list[int]] = []
    merged = merge_articles(read_flattened + articles, flattened_names + exact_names,
                            flattened_starts + [position[page.name] for page in exact],
                            flattened_counters + exact_names, joined)
    if files_read is not None:
        files_of = [*({page.name for page in article.pages} for article in read_flattened),
                    *({name} for name in exact_names)]
        files_read.extend(tuple(sorted(set().union(*(files_of[index] for index in group)),
                                       key=position.__getitem__)) for group in joined)
    return merged


def _without_copies(pages: list[TextInput]) -> tuple[list[TextInput], list[Article]]:
    """The pages that give their versions exactly and their articles, without second copies of
    one page (a page given twice, or saved twice: `page (1).html`): each copy left out is warned
    about on the article of its first, as flattened pages are (`revdiff.splitter.chain`); and,
    as for those, two News Sniffer diff pages of one article that compare the same two versions
    and show them otherwise are an error."""
    kept: list[TextInput] = []
    articles: list[Article] = []
    readings: list[tuple[Format, Article]] = []  # each kept page's, its warnings left out
    for page in pages:
        article = with_warnings(_read_page(page), [page])
        reading = (page.format, dataclasses.replace(article, warnings=()))
        first = next((index for index, earlier in enumerate(readings) if earlier == reading), None)
        if first is None:
            if page.format is Format.SNIFFER_DIFF_HTML:
                _refuse_another_showing_of_the_same_versions(page, article, kept, articles)
            kept.append(page)
            articles.append(article)
            readings.append(reading)
            continue
        articles[first] = dataclasses.replace(articles[first], warnings=(
            *articles[first].warnings, copy_read_once(page.name, kept[first].name)))
    return kept, articles


def _refuse_another_showing_of_the_same_versions(page: TextInput, article: Article,
                                                 kept: Sequence[TextInput],
                                                 articles: Sequence[Article]) -> None:
    """Refuse a News Sniffer diff page (`page`, read as `article`) when a page kept before it
    compares the same two versions of the same article and shows them otherwise (another title,
    time or text): one of them is not that article's pair of versions, and merging them would
    keep whichever was given first."""
    numbers = [version.number for version in article.versions]
    for earlier, earlier_article in zip(kept, articles, strict=True):
        if (earlier.format is page.format and earlier_article.url == article.url
                and [version.number for version in earlier_article.versions] == numbers
                and earlier_article.versions != article.versions):
            raise InconsistentPages(
                f"two pages compare the same versions {' and '.join(map(str, numbers))} and differ",
                page.name, hint=f"drop one of {earlier.name} and {page.name}")


def _read_page(page: TextInput) -> Article:
    # BeautifulSoup loads only for HTML pages
    from revdiff.formats import newsdiffs, sniffer_html

    readers = {
        Format.SNIFFER_DIFF_HTML: sniffer_html.read_diff_page,
        Format.SNIFFER_VERSION_HTML: sniffer_html.read_version_page,
        Format.SNIFFER_VERSION_TEXT: sniffer_version_text.read_version_text,
        Format.NEWSDIFFS_HTML: newsdiffs.read_page,
    }
    return readers[page.format](page.text, page.name)


def merge_articles(articles: list[Article], inputs: Sequence[str],
                   starts: Sequence[int] | None = None,
                   counters: Sequence[str] | None = None,
                   joined: list[list[int]] | None = None) -> list[Article]:
    """Join articles read from several pages of one URL into one version chain; `inputs` names
    the page (or pages) each article was read from, `starts` where its first page stands
    among the inputs (by default, where the article stands in `articles`), and `counters` the
    page whose count of versions it keeps (by default, `inputs`: one of flattened pages read
    together): the joined articles come in the order of their first pages, as given, though
    flattened pages are read last. `joined`, when given, gets the places in `articles` of those
    joined into each article returned.

    Versions are keyed by number; two pages that give one version number different texts
    (other than by symbols a flattened page lost) are an error, since they cannot both be right;
    two that give it another title or time are warned of, naming both.
    """
    merged: dict[str, list[tuple[Article, str]]] = {}
    counted_by: dict[str, list[str]] = {}  # each article's counter, as `merged` holds them
    places: dict[str, list[int]] = {}  # each article's place in `articles`, as `merged` holds them
    first_page: dict[str, int] = {}
    for index, (article, source, counter) in enumerate(zip(articles, inputs, counters or inputs,
                                                           strict=True)):
        key = article.url or f"#{index}"
        merged.setdefault(key, []).append((article, source))
        places.setdefault(key, []).append(index)
        counted_by.setdefault(key, []).append(counter)
        start = index if starts is None else starts[index]
        first_page[key] = min(first_page.get(key, start), start)
    result = []
    for key in sorted(merged, key=first_page.__getitem__):
        group = merged[key]
        if joined is not None:
            joined.append(places[key])
        if len(group) == 1:
            article, source = group[0]
            result.append(_finished(article, source))
            continue
        for article, source in group:
            if unnumbered_pages.is_unnumbered(article):
                raise unnumbered_pages.unplaced_page_error(source, key)
        by_number: dict[int, Version] = {}
        given_by: dict[int, str] = {}  # the page whose reading of each version is kept
        shown_otherwise_warnings: list[str] = []
        for article, source in group:
            for version in article.versions:
                known = by_number.get(version.number)
                if known is None:
                    by_number[version.number] = version
                    given_by[version.number] = source
                    continue
                if same_paragraphs_up_to_symbols(known.paragraphs, version.paragraphs):
                    # a flattened page may have lost symbols (FORMATS.md): each paragraph keeps
                    # its fullest text
                    paragraphs = tuple(map(fullest, known.paragraphs, version.paragraphs))
                    # its `[...]` paragraphs are article text when a page gives its text complete
                    cut = known.cut and version.cut
                else:  # a rendered NewsDiffs page may have cut it to [...]: the fuller one stays
                    kept_text = elision.reconcile(known.paragraphs, version.paragraphs)
                    if kept_text is None:
                        if not (known.paragraphs and version.paragraphs):
                            raise _page_without_the_text(
                                version.number, key, (known, given_by[version.number]),
                                (version, source))
                        raise InconsistentPages(
                            f"{given_by[version.number]} and {source} disagree about the text "
                            f"of version {version.number}", key,
                            hint="give pages of one article only")
                    paragraphs = kept_text
                    cut = (known if kept_text == known.paragraphs else version).cut
                # the version with a time is kept, or the first given, with what only the other
                # page gave (a time told from another version with the version it counts from;
                # of two, the one told from the nearer version, of two as near the earlier)
                first_kept = known.time is not None or version.time is None
                kept, other = (known, version) if first_kept else (version, known)
                told = min((kept, other), key=_told_time_rank)
                kept_by = given_by[version.number] if first_kept else source
                shown_otherwise = _shown_otherwise_warning(
                    version.number, (known, given_by[version.number]), (version, source), kept_by)
                if shown_otherwise:
                    shown_otherwise_warnings.append(shown_otherwise)
                by_number[version.number] = dataclasses.replace(
                    kept, paragraphs=paragraphs, title=kept.title or other.title,
                    time_text=told.time_text, time_from=told.time_from, cut=cut)
                given_by[version.number] = kept_by
        read = [article for article, _ in group]
        first = read[0]
        versions = tuple(by_number[n] for n in sorted(by_number))
        # a page's warning that it cut a version is stale once another page gave it whole
        pages_warnings = (warning for article in read for warning in article.warnings)
        pages_of = {source: article.pages for article, source in group}
        shown_by = {number: _page_showing(pages_of[source], number, source)
                    for number, source in given_by.items()}
        changes, count_warning = joined_sniffer_count(
            zip((article.changes for article in read), counted_by[key], strict=True), shown_by)
        warnings = (elision.without_stale_cut_warnings(pages_warnings, versions)
                    + tuple(shown_otherwise_warnings) + ((count_warning,) if count_warning else ()))
        pages = tuple(p for a in read for p in a.pages)
        # what one page gives and another does not (a version page names no source) is kept,
        # whatever order the pages came in
        metadata: dict[str, str] = {}
        for article in read:
            for name, value in article.metadata.items():
                if not metadata.get(name):
                    metadata[name] = value
        result.append(_finished(Article(
            next((a.source for a in read if a.source), first.source), first.url, versions, changes,
            metadata, warnings, pages,
        ), key))
    return result


def _shown_otherwise_warning(number: int, earlier: tuple[Version, str], later: tuple[Version, str],
                            kept_by: str) -> str | None:
    """The warning, naming both pages, for two pages (each a version and where it was read) that
    give version `number` another title or time, as the chain of flattened pages warns of a column
    that differs (`revdiff.splitter.chain`); None when they do not. `kept_by` names the page whose
    reading is kept."""
    (first, first_by), (second, second_by) = earlier, later
    shown = [("title", first.title, second.title),
             ("time", first.time and first.time.isoformat(), second.time and second.time.isoformat())]
    differences = [f"{what} {by_second!r} where {first_by} shows {by_first!r}"
                   for what, by_first, by_second in shown if by_first and by_second and by_first != by_second]
    if not differences:
        return None
    return (f"{second_by}: version {number} has the {' and the '.join(differences)}; "
            f"kept {kept_by}'s")


def _page_without_the_text(number: int, key: str, *pages: tuple[Version, str]
                           ) -> InconsistentPages:
    """The error for two pages (each a version and where it was read) of one version where one
    shows no text of it: a page saved before its text showed, or cut in saving."""
    (_, empty), (shown, shown_by) = sorted(pages, key=lambda page: bool(page[0].paragraphs))
    return InconsistentPages(
        f"{empty} shows no text of version {number}, where {shown_by} shows "
        f"{counted(len(shown.paragraphs), 'paragraph')}", key,
        hint=f"leave {empty} out, or save it again once its text shows")


def _page_showing(pages: Sequence[PageReading], number: int, source: str) -> str:
    """The page that shows version `number` of the article read from `source`: of flattened
    pages read together (`pages`), the first that shows it; else `source`, a page alone."""
    return next((page.name for page in pages if number in (page.old_number, page.new_number)),
                source)


def _finished(article: Article, where: str) -> Article:
    """The article of pages read from `where`: the source its URL names when no page named one
    (a version page names none), and a warning for each version dated before the one before it."""
    dated_back = tuple(dated_back_warnings(where, article.versions))
    return dataclasses.replace(article, source=article.source or source_of_url(article.url),
                               warnings=article.warnings + dated_back)


def _told_time_rank(version: Version) -> tuple[int, int, bool]:
    """How well `version`'s time told from another version serves: a time first, then the
    nearest version told from (`chain.telling_rank`); a time that names none after those."""
    if not version.time_text:
        return 2, 0, False
    if version.time_from is None:
        return 1, 0, False
    return 0, *telling_rank(version.time_from, version.number)
