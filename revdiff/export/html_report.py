"""The HTML export: one self-contained report page per article and an index page linking them.

A report holds the article's version timeline, inline SVG charts of change over time (words added
and removed, share of text changed, length) and a side-by-side diff of every consecutive pair
(`revdiff.export.comparison_html.comparison_table`). Pages carry their CSS inline, run no scripts
and load nothing from elsewhere (a Content-Security-Policy says so to the browser); every piece of
article text is HTML-escaped.
"""

from __future__ import annotations

import re
import stat
import unicodedata
from collections.abc import Collection, Iterable, Iterator
from html import escape
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from revdiff.engine.rounded_shares import percent
from revdiff.engine.word_count import version_words
from revdiff.export.comparison_html import ShownSentences, comparison_table, legend
from revdiff.export.disk_sync import sync_file, sync_folder
from revdiff.export.html_page import (
    MAIN_START,
    PAGE_END,
    UNKNOWN_LANGUAGE,
    body_pieces,
    header_row,
    isolated,
    page_head,
    shown_line,
    sideways_box,
)
from revdiff.export.journal import JournalEntry
from revdiff.export.output_guard import OutputProblem
from revdiff.export.pairs import pair_reading
from revdiff.export.publishing import REPLACED_REPORT_NAME
from revdiff.export.records import ArticleRef, display_title
from revdiff.export.report_navigation import NEIGHBOURS_ROOM, link_neighbours
from revdiff.export.resume_checks import ResumeMismatch
from revdiff.export.slugs import article_slug, numbered_slug
from revdiff.export.staging import Staging
from revdiff.export.svg_charts import line_chart, sparkline, words_chart
from revdiff.export.version_times import version_time
from revdiff.export.writers import ExportWriter, SkippedInput, check_staged, damaged_staged
from revdiff.formats.elision import compared_versions
from revdiff.formats.folders import FILE_BROWSER_LITTER  # replaced with the report
from revdiff.model import Article, Comparison, ComparisonStats, is_unsure
from revdiff.read_warnings import NOTHING_TO_COMPARE, counted, counted_skips, summarised_warnings
from revdiff.terminal_text import visible_html

INDEX_NAME = "index.html"
INDEX_TITLE = "revdiff report"
_TIMELINE = "timeline"  # the id of an article page's timeline
_PAGE_NAME = re.compile(r"[0-9]{6,}-(.+)\.html")  # as `report_file_name` makes them
_INDEX_HEAD_BYTES = 64 * 1024  # the index's head, its <title> in it, is far shorter
# What a URL holds of its own and keeps as it is in a link (RFC 3986's delimiters, and `%` of
# what is already encoded); letters, digits and `-._~` are kept too.
_URL_PUNCTUATION = "!#$%&'()*+,/:;=?@[]"


def report_file_name(index: int, name: str) -> str:
    """`000042-some-article-title.html`: ordered like the run, safe on every file system."""
    return f"{numbered_slug(index, name)}.html"


def _link(url: str) -> str:
    """The article's URL as a link when it is a web page's (http or https), shown as it is and
    isolated (`<bdi>`: a right-to-left path would take the text after it into its direction);
    the link's address percent-encodes what a URL may not hold (a control character, a space, a
    letter outside ASCII), which the page would otherwise show as its symbol there too."""
    shown = isolated(url)
    if re.match(r"https?://", url, re.IGNORECASE):  # URL schemes ignore case
        address = quote(url, safe=_URL_PUNCTUATION)
        return f'<a href="{escape(address)}" rel="noreferrer">{shown}</a>'
    return shown


class PairChange(NamedTuple):
    """What the timeline and the charts show of a version pair."""

    old: int  # the versions' numbers
    new: int
    stats: ComparisonStats
    unsure: bool  # whether the pair's table marks rows read unsure


def timeline_table(article: Article, changes: list[PairChange]) -> str:
    rows = [f'{sideways_box("timeline of the versions")}<table class="timeline">'
            + header_row("version", "time", "title", "paragraphs", "words", "change from previous")]
    # counted as compared: a cut page's `[...]` marks are no paragraphs of the article
    versions = compared_versions(article)
    for k, version in enumerate(versions):
        change = ""
        if k > 0 and k - 1 < len(changes):
            stats = changes[k - 1].stats
            anchor = f"v{changes[k - 1].old}-v{version.number}"
            change = (f'<a href="#{escape(anchor)}">+{stats.words_added} / -{stats.words_removed} '
                      f"words, {escape(percent(stats.changed_share))} changed</a>")
        rows.append(f'<tr><td class="num">{version.number}</td>'
                    f"<td>{escape(version_time(version, versions[k - 1] if k else None))}</td>"
                    f"<td{UNKNOWN_LANGUAGE}>{shown_line(version.title)}</td>"
                    f'<td class="num">{len(version.paragraphs)}</td>'
                    f'<td class="num">{version_words(version)}</td><td>{change}</td></tr>')
    rows.append("</table></div>")
    return "\n".join(rows)


def charts(article: Article, changes: list[PairChange]) -> str:
    if not changes:
        return ""
    pair_labels = [f"{c.old}→{c.new}" for c in changes]
    version_labels = [str(v.number) for v in article.versions]
    figures = [
        ("Words added and removed", words_chart(
            [c.stats.words_added for c in changes],
            [c.stats.words_removed for c in changes], pair_labels)),
        ("Share of the text changed", line_chart(
            [c.stats.changed_share for c in changes], pair_labels,
            label="share of the text changed per version pair", maximum=1.0, shares=True)),
        ("Length in words", line_chart(
            [version_words(v) for v in article.versions], version_labels,
            label="length of each version in words")),
    ]
    return '<div class="charts">' + "".join(
        f"<figure>{svg}<figcaption>{escape(caption)}</figcaption></figure>"
        for caption, svg in figures) + "</div>"


def article_page(ref: ArticleRef, article: Article, comparisons: Iterable[Comparison]
                 ) -> tuple[list[str], int]:
    """The article's report page in pieces, and its number of pairs: a live blog's runs to tens
    of MB, and is never joined into one string, in the worker or in the driver that writes it.
    Each pair's diff is made as its comparison comes, and only what the timeline and the charts
    show of it is kept for the top of the page, made last."""
    title = display_title(ref, article)
    changes: list[PairChange] = []
    diffs = list(body_pieces(_diff_sections(article, comparisons, changes)))
    top = body_pieces(_page_top(ref, article, changes, title))
    # the tab's title tells apart two articles of one key as the page's heading does
    read_from = f" - read from {ref.read_from}" if ref.read_from else ""
    return [page_head(f"{title}{read_from} - revdiff"), *top, *diffs, PAGE_END], len(changes)


def _page_top(ref: ArticleRef, article: Article, changes: list[PairChange], title: str
              ) -> Iterator[str]:
    """The page's body lines before the diffs: the title, the timeline, the charts, warnings and
    what the diffs' marks mean."""
    name = _link(ref.url) if ref.url else isolated(ref.name) if ref.name != title else ""
    meta = [f"source {isolated(ref.source)}" if ref.source else "",
            f"{len(article.versions)} versions", name, _read_from(ref.read_from)]
    # the previous and the next article's links are written into the room once every page is
    yield f'<nav><a href="{INDEX_NAME}">&larr; all articles</a>{NEIGHBOURS_ROOM}</nav>'
    yield MAIN_START
    yield f"<h1{UNKNOWN_LANGUAGE}>{shown_line(title)}</h1>"
    yield f'<p class="meta">{" · ".join(part for part in meta if part)}</p>'
    yield f'<h2 id="{_TIMELINE}">Timeline</h2>'
    yield timeline_table(article, changes)
    yield charts(article, changes)
    # worded for a reader, as stderr gives them (the tables keep the readers' own wording)
    for warning in summarised_warnings(article):
        yield f'<p class="meta">warning: {_warning_text(warning)}</p>'
    if changes:
        yield legend(unsure=any(change.unsure for change in changes))


def _read_from(read_from: str) -> str:
    """`read from INPUT`, which tells apart the pages of two articles of one key (one URL read
    from two inputs); nothing when the input is not known (a journal of an earlier revdiff)."""
    return f"read from {isolated(read_from)}" if read_from else ""


def _warning_text(warning: str) -> str:
    """A warning as HTML, each stretch of right-to-left text in it isolated (`<bdi>`): a
    right-to-left name would otherwise take the numbers after it into its own direction. Such
    text comes only from the input (a file's name, a title), never from revdiff's own wording,
    which is left as it is around it."""
    pieces, end = [], 0
    for start, stop in _right_to_left_stretches(warning):
        pieces += [escape(warning[end:start]), isolated(warning[start:stop])]
        end = stop
    return "".join([*pieces, escape(warning[end:])])


def _right_to_left_stretches(text: str) -> list[tuple[int, int]]:
    """Where `text` runs from a right-to-left letter (Hebrew, Arabic, ...) to the last one
    before the next left-to-right letter, with what stands between them (spaces, digits)."""
    stretches: list[tuple[int, int]] = []
    start = end = 0
    for index, character in enumerate(text + "a"):  # a left-to-right letter ends the last one
        direction = unicodedata.bidirectional(character)
        if direction in ("R", "AL"):
            start, end = (start, index + 1) if end else (index, index + 1)
        elif direction == "L" and end:
            stretches.append((start, end))
            start = end = 0
    return stretches


def _diff_sections(article: Article, comparisons: Iterable[Comparison],
                   changes: list[PairChange]) -> Iterator[str]:
    """The page's body lines of the diffs, a comparison's table at a time, each pair's change
    added to `changes` (no comparison is kept once its table is made). A sentence's text is on
    the page once: a later pair folds its unchanged runs into links to where they are. The
    page's heading names the article, and each pair's its versions and their times. A row that
    rests on a flattened page's row read unsure is marked so."""
    shown = ShownSentences()
    for comparison in comparisons:
        reading = pair_reading(article, comparison)
        changes.append(PairChange(comparison.old.number, comparison.new.number, comparison.stats,
                                  is_unsure(reading.least_edit_confidence(comparison))))
        anchor = f"v{comparison.old.number}-v{comparison.new.number}"
        yield f'<section id="{escape(anchor)}">'
        yield comparison_table(comparison, shown=shown, reading=reading)
        # a link in the content, no landmark: the page's one `<nav>` holds its links to pages
        yield f'<p class="back"><a href="#{_TIMELINE}">&uarr; back to the timeline</a></p>'
        yield "</section>"
    if not changes:
        yield '<p class="meta">Only one version: nothing to compare.</p>'


def render_html(ref: ArticleRef, article: Article, comparisons: Iterable[Comparison]
                ) -> tuple[tuple[str, list[str]], int]:
    pieces, pairs = article_page(ref, article, comparisons)
    return (report_file_name(ref.index, ref.name), pieces), pairs


def repeated_keys(entries: Iterable[JournalEntry]) -> set[str]:
    """The keys of the articles exported (not skipped) that more than one article has (one URL
    read from two inputs). Only their hashes are kept of the others: a run may hold millions."""
    seen: set[int] = set()
    repeated: set[str] = set()
    for entry in entries:
        if entry.info.get("skipped"):
            continue
        if hash(entry.key) in seen:
            repeated.add(entry.key)
        seen.add(hash(entry.key))
    return repeated


def index_page(entries: Iterable[JournalEntry], skipped: list[SkippedInput],
               repeated: Collection[str] = frozenset()) -> Iterable[str]:
    """The index page, produced line by line from the journal (no list of articles in memory),
    and below the articles those the run left out (`skipped`: by --skip-errors, or of one
    version), each with why. An article whose key another has too (`repeated`) is told apart by
    the input it was read from, under its title."""
    yield page_head(INDEX_TITLE)
    yield f"{MAIN_START}<h1>{INDEX_TITLE}</h1>\n"
    yield (f'{sideways_box("articles")}<table class="index">'
           + header_row("#", "article", "source", "versions", "words +/-", "changed per pair")
           + "\n")
    articles = pairs = 0
    for entry in entries:
        info: dict[str, Any] = entry.info
        if info.get("skipped"):  # --skip-errors: this article has no page
            continue
        articles += 1
        pairs += entry.pairs
        title = _index_title(entry)
        file_name = report_file_name(entry.index, entry.key)
        notes = [isolated(entry.key) if entry.key != title else "",
                 _read_from(info.get("input") or "") if entry.key in repeated else ""]
        name = (f'<br><span class="meta">{" · ".join(note for note in notes if note)}</span>'
                if any(notes) else "")
        source = info.get("source")
        yield visible_html(
            f'<tr><td class="num">{entry.index}</td>'
            f'<td><a href="{escape(file_name)}"{UNKNOWN_LANGUAGE}>{shown_line(title)}</a>{name}</td>'
            f'<td class="source">{isolated(source) if source else ""}</td>'
            f'<td class="num">{int(info.get("versions", 0))}</td>'
            f'<td class="num words">+{int(info.get("words_added", 0))} / '
            f'-{int(info.get("words_removed", 0))}</td>'
            f'<td>{sparkline([float(v) for v in info.get("changed", [])])}</td></tr>\n')
    yield "</table></div>\n"
    yield (f'<p class="stats">{counted(articles, "article")}, '
           f'{counted(pairs, "version pair")}.</p>\n')
    if skipped:
        yield "<h2>Skipped</h2>\n"
        yield f'<p class="meta">{_skipped_heading(skipped)}</p>\n<ul>\n'
        for skip in skipped:
            yield visible_html(f"<li>{isolated(skip.what)}: {escape(skip.reason)}</li>\n")
        yield "</ul>\n"
    yield PAGE_END


def _index_title(entry: JournalEntry) -> str:
    """The article's title as the index shows it and its neighbours' links name it."""
    return str(entry.info.get("title") or entry.key)


def _skipped_heading(skipped: list[SkippedInput]) -> str:
    """What the skipped inputs and articles listed below it are: failures (that could not be
    read or compared), articles of one version (which have nothing to compare), or both."""
    one = len(skipped) == 1
    of_one_version = sum(skip.reason == NOTHING_TO_COMPARE for skip in skipped)
    if of_one_version == len(skipped):
        why = f"{'has' if one else 'have'} only one version"
    elif of_one_version:
        why = "could not be read or compared, or have only one version,"
    else:
        why = "could not be read or compared"
    return f"{counted_skips(len(skipped))} {why} and {'is' if one else 'are'} not in the report:"


def _is_report_page_name(name: str) -> bool:
    """Whether `name` is a report page's, as `report_file_name` makes them."""
    page = _PAGE_NAME.fullmatch(name)
    return page is not None and article_slug(page.group(1)) == page.group(1)


def _is_report_index(path: Path) -> bool:
    """Whether `path` is a regular file that starts as revdiff's index page does."""
    if path.is_symlink() or not path.is_file():
        return False
    with open(path, "rb") as index:
        head = index.read(_INDEX_HEAD_BYTES)
    return head.startswith(b"<!DOCTYPE html>") and f"<title>{INDEX_TITLE}</title>".encode() in head


def check_report_folder(out: Path) -> None:
    """Refuse to replace an existing folder `out` unless it is empty or a revdiff report: its
    index page and pages named as revdiff names them, regular files all, and nothing else but
    what file browsers leave (`.DS_Store`); and the folder the export runs in, or one holding it."""
    if out.is_symlink() or not out.is_dir():
        return
    if out.resolve() in (here := Path.cwd().resolve(), *here.parents):
        raise OutputProblem("the report folder holds the working directory, and an HTML export "
                            "replaces the folder it is given as a whole", str(out),
                            hint="run the export from outside that folder")
    entries = sorted(entry for entry in out.iterdir()
                     if not (entry.name in FILE_BROWSER_LITTER and entry.is_file()
                             and not entry.is_symlink()))
    if not entries:
        return
    others = [entry.name for entry in entries
              if entry.is_symlink() or not entry.is_file()
              or not (entry.name == INDEX_NAME or _is_report_page_name(entry.name))]
    if not others and _is_report_index(out / INDEX_NAME):
        return
    held = f"it holds {', '.join(others[:3])}{' ...' if len(others) > 3 else ''}" if others \
        else f"its {INDEX_NAME} is not a revdiff report's"
    raise OutputProblem(f"the folder is not a revdiff report ({held}); an HTML export replaces "
                        "the folder it is given as a whole", str(out),
                        hint="name a new folder, or an earlier report's, with -o")


_PAGE_END = PAGE_END.encode()


def _check_whole(page: Path) -> None:
    """Refuse a staged page that does not end as every page does (cut short by a power cut
    before it reached the disk): it would be published so. Only its last bytes are read."""
    with open(page, "rb") as file:
        size = file.seek(0, 2)
        file.seek(max(0, size - len(_PAGE_END)))
        if file.read() != _PAGE_END:
            raise damaged_staged("staged report page", "it ends before the page does", page)


class HtmlReportWriter(ExportWriter):
    """Writes each report page into the staged folder; the index is made from the journal. An
    earlier report in the way is replaced as a whole (its pages of articles no longer exported
    go with it); a folder that holds anything else is refused."""

    def __init__(self, out: Path, staging: Staging) -> None:
        super().__init__(out, staging)
        self.folder = staging.file("report")
        self.articles = 0
        self.skipped: list[SkippedInput] = []
        self.unsynced: list[Path] = []  # the pages written since the last checkpoint
        self._keep_only_journaled_pages()

    def _keep_only_journaled_pages(self) -> None:
        """Leave in the report folder of a staging folder resumed only what this export wrote
        there and its journal holds: the index and the page of each article journaled. The page
        of an article after the last checkpoint (which the resumed run writes again, or skips)
        is removed, as the other formats' rows after it are cut back; anything else (a file, a
        folder, a link a stranger's staging folder holds) would be published in the user's
        report, and is refused."""
        if not self.folder.is_dir() or self.folder.is_symlink():  # a link: Staging refused it
            return
        journaled = {report_file_name(entry.index, entry.key) for entry in self.staging.entries()
                     if not entry.info.get("skipped")}
        for entry in sorted(self.folder.iterdir()):
            regular = stat.S_ISREG(entry.lstat().st_mode)
            if regular and (entry.name == INDEX_NAME or entry.name in journaled):
                continue
            # a run stopped while publishing had journaled every page it wrote
            if regular and _is_report_page_name(entry.name) and self.staging.unpublished is None:
                entry.unlink()
                continue
            raise ResumeMismatch(f"the interrupted export's staged report folder holds "
                                 f"{entry.name}, which this export did not write there and would "
                                 "publish in the report", str(self.staging.directory),
                                 hint="drop --resume, or remove that folder")

    def restore(self, state: dict[str, Any] | None) -> None:
        if self.out.exists() and not self.out.is_dir():
            raise OutputProblem("the HTML report is a folder, but a file has that name",
                                str(self.out), hint="choose a folder name for -o")
        check_report_folder(self.out)
        if state is not None:  # the folder, then the page of every article the journal holds
            pages = [self.folder / report_file_name(entry.index, entry.key)
                     for entry in self.staging.entries() if not entry.info.get("skipped")]
            check_staged([self.folder, *pages])
            for page in pages:
                _check_whole(page)
        self.folder.mkdir(exist_ok=True)
        self.articles = 0 if state is None else self.staging.checkpoint_count(
            state.get("articles"), "articles", self.staging.kept)

    def write(self, index: int, payload: Any) -> None:
        name, pieces = payload
        with open(self.folder / name, "w", encoding="utf-8") as report:
            report.writelines(pieces)
        self.unsynced.append(self.folder / name)
        self.articles = index + 1

    def checkpoint(self) -> dict[str, Any]:
        """The pages written since the last checkpoint put on the disk, and their names in the
        report folder, and its name in the staging folder."""
        if self.unsynced:
            for page in self.unsynced:
                sync_file(page)
            sync_folder(self.folder)
            sync_folder(self.staging.directory)
            self.unsynced.clear()
        return {"articles": self.articles}

    def note_skipped(self, skipped: list[SkippedInput]) -> None:
        self.skipped = skipped

    def finish(self) -> list[tuple[Path, Path]]:
        link_neighbours(self.folder, ((report_file_name(entry.index, entry.key),
                                       _index_title(entry)) for entry in self.staging.entries()
                                      if not entry.info.get("skipped")))
        with open(self.folder / INDEX_NAME, "w", encoding="utf-8") as index:
            index.writelines(index_page(self.staging.entries(), self.skipped,
                                        repeated_keys(self.staging.entries())))
        if not self.out.exists():
            return [(self.folder, self.out)]
        check_report_folder(self.out)  # again: it may have changed while the run went on
        # the earlier report goes into the staging folder (removed with it), the new one in its place
        return [(self.out, self.staging.file(REPLACED_REPORT_NAME)), (self.folder, self.out)]

    def final_paths(self) -> list[Path]:
        return [self.out / INDEX_NAME]
