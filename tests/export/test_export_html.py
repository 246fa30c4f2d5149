"""The HTML report: self-contained pages, escaped text, charts, index; rendered by Chromium."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from export_corpus import make_chain
from headless_chromium import chromium_path

import revdiff
from revdiff.engine.comparison import compare
from revdiff.export.comparison_html import comparison_table
from revdiff.export.driver import ExportJob, run_export
from revdiff.export.html_report import report_file_name
from revdiff.export.ordered_map import SerialExecutor
from revdiff.export.slugs import article_slug
from revdiff.export.svg_charts import LABEL_CHAR_WIDTH, line_chart, sparkline, words_chart
from revdiff.model import Article, Version
from revdiff.render.newsedits import write_database

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = '<script>alert("x")</script> & <img src="http://example.com/x.png"> "quoted"'


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> TagCollector:
    collector = TagCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


@pytest.fixture
def report(tmp_path: Path, samples: Path) -> Path:
    hostile = make_chain(tmp_path / "in" / "hostile", [
        ["A calm first paragraph.", "Officials said nothing."],
        ["A calm first paragraph.", f"Officials said {HOSTILE}."],
    ])
    out = tmp_path / "report"
    run_export(ExportJob((str(samples), str(hostile)), out, "html"))
    return out


def test_one_page_per_article_and_an_index(report: Path) -> None:
    pages = sorted(p.name for p in report.glob("0*.html"))
    assert len(pages) == 4 and pages[0].startswith("000000-")
    index = parse(report / "index.html")
    links = [attrs["href"] for tag, attrs in index.tags if tag == "a"]
    assert links == pages
    assert sum(1 for tag, _ in index.tags if tag == "svg") == 4  # one sparkline per article


def test_pages_are_self_contained(report: Path) -> None:
    for page in report.glob("*.html"):
        parsed = parse(page)
        for tag, attrs in parsed.tags:
            assert tag not in ("script", "img", "iframe", "link", "object", "embed")
            assert "src" not in attrs
            assert not (attrs.get("href") or "").startswith(("http:", "https:", "//"))
        assert "Content-Security-Policy" in page.read_text(encoding="utf-8")


def test_article_text_is_escaped(report: Path) -> None:
    page = next(report.glob("000003-*.html"))
    text = page.read_text(encoding="utf-8")
    assert "<script>" not in text and '<img src="http' not in text
    assert "&lt;script&gt;" in text
    assert 'alert("x")' in "".join(parse(page).text)  # shown as text


def test_article_page_has_timeline_charts_and_diffs(report: Path) -> None:
    page = next(report.glob("000000-*.html"))
    parsed = parse(page)
    svgs = [attrs for tag, attrs in parsed.tags if tag == "svg"]
    assert len(svgs) == 3  # words added/removed, share changed, length
    tables = [attrs.get("class") for tag, attrs in parsed.tags if tag == "table"]
    assert tables[0] == "timeline" and len(tables) == 1 + 4  # timeline + one per version pair
    sections = [attrs["id"] for tag, attrs in parsed.tags if tag == "section"]
    assert sections == ["v0-v1", "v1-v2", "v2-v3", "v3-v4"]
    assert sum(1 for tag, _ in parsed.tags if tag in ("ins", "del")) > 10


def _report_of(tmp_path: Path, url: str, versions: tuple[Version, ...]) -> Path:
    """The HTML report (its folder, `report`) of one article of `versions`, read from a NewsEdits
    file."""
    database = tmp_path / "news.db"
    write_database(database, [Article(None, url, versions, 2)])
    run_export(ExportJob((str(database),), tmp_path / "report", "html"))
    return tmp_path / "report"


def test_the_warnings_of_a_page_are_worded_as_stderr_words_them(tmp_path: Path) -> None:
    """The report gave a flattened page's unsure rows as the splitter counts them (`could not be
    decided with certainty ... give neighbouring pages`), where stderr names the pages that
    would decide them: it gives a reader the warnings as stderr and `revdiff parse` do."""
    page = ROOT / "samples" / "washpo-soleimani-v6-v7.txt"
    result = subprocess.run([sys.executable, "-m", "revdiff", "export", str(page), "--format",
                             "html", "-o", str(tmp_path / "report")],
                            capture_output=True, text=True, encoding="utf-8", check=True)
    told = [line.removeprefix("revdiff: warning: ") for line in result.stderr.splitlines()
            if line.startswith("revdiff: warning: ")]
    assert len(told) == 2 and "Version 5 to 6, Version 7 to 8" in told[1]
    (article_page,) = (tmp_path / "report").glob("000000-*.html")
    shown = re.findall(r'<p class="meta">warning: (.*?)</p>', article_page.read_text(encoding="utf-8"))
    assert [html.unescape(warning) for warning in shown] == told


def test_a_title_written_in_another_unicode_form_is_flagged_on_its_row(tmp_path: Path) -> None:
    # the title row showed the two titles alike, nothing marked and no flag beside `title`
    title = "Le café de Montréal rouvre"
    report = _report_of(tmp_path, "https://example.org/cafe", (
        Version(0, title, ("Il pleut.",)),
        Version(1, unicodedata.normalize("NFD", title), ("Il pleut fort.",))))
    page = next(report.glob("000000-*.html")).read_text(encoding="utf-8")
    assert '<td class="op">title <span class="flags">encoding_<wbr>only</span></td>' in page


def test_control_characters_of_the_text_are_shown_as_symbols(tmp_path: Path) -> None:
    """A title or paragraph holding ESC reached index.html and the page raw (`cat` cleared the
    terminal; HTML allows no such character)."""
    report = _report_of(tmp_path, "https://example.org/esc", (
        Version(0, "Title \x1b[2J", ("It rained.\x07",)),
        Version(1, "Title \x1b[2J", ("It rained \u202ehard.",))))
    for page in report.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not any(ord(c) < 0x20 and c not in "\n\t" or 0x7F <= ord(c) < 0xA0 for c in text)
        assert "\u202e" not in text and "Title ␛[2J" in text


ZWSP, ZWJ = "\u200b", "\u200d"
FAMILY = f"\U0001f468{ZWJ}\U0001f469{ZWJ}\U0001f467"


def test_a_change_only_of_characters_that_take_no_room_shows_them_by_code(tmp_path: Path) -> None:
    """`soldiers` to `sol\u200bdiers` showed `soldiers` struck out and `soldiers` inserted, as if
    nothing changed: such a change writes them as a marker naming the character, in the report
    and in `revdiff diff --format html`. Elsewhere (emoji joined by zero-width joiners, a word
    changed beside them) they stay as they are."""
    texts = [f"The soldiers left the base {FAMILY}.", f"The sol{ZWSP}diers left the base {FAMILY}.",
             f"The sol{ZWSP}diers left the camp {FAMILY}."]
    marker = 'sol<span class="unseen" title="ZERO WIDTH SPACE">&lt;U+200B&gt;</span>diers'
    report = _report_of(tmp_path, "https://example.org/zwsp", tuple(
        Version(number, "Title", (text,)) for number, text in enumerate(texts)))
    folder = tmp_path / "versions"
    folder.mkdir()
    for number, text in enumerate(texts):
        (folder / f"{number}.txt").write_text(text + "\n", encoding="utf-8")
    diff_page = subprocess.run([sys.executable, "-m", "revdiff", "diff", str(folder), "--format", "html"],
                               capture_output=True, text=True, encoding="utf-8", check=True).stdout
    for page in [next(report.glob("000000-*.html")).read_text(encoding="utf-8"), diff_page]:
        assert "<del>soldiers</del>" in page and f"<ins>{marker}</ins>" in page
        assert "<del>base</del>" in page and "<ins>camp</ins>" in page
        assert f"sol{ZWSP}diers left" in page and FAMILY in page


def test_an_entity_written_in_the_text_is_shown_as_written(tmp_path: Path) -> None:
    """Text that holds `&amp;` (a page's markup kept as text by its tracker) reads `&amp;` in
    the browser, in the title and the paragraphs, as EXPORT.md says every piece of article text
    is HTML-escaped: passed on unescaped, it would read `&`."""
    report = _report_of(tmp_path, "https://example.org/amp", (
        Version(0, "Tom &amp; Jerry", ("Rain &amp; wind &lt;b&gt;today.",)),
        Version(1, "Tom &amp; Jerry", ("Rain &amp; wind &lt;b&gt;tonight.",))))
    for page in report.glob("*.html"):
        shown = "".join(parse(page).text)
        assert "Tom &amp; Jerry" in shown, page.name
    (article_page,) = report.glob("000000-*.html")
    assert "Rain &amp; wind &lt;b&gt;" in "".join(parse(article_page).text)


def test_a_bidirectional_override_shows_as_text_in_the_browser(tmp_path: Path) -> None:
    """Its symbol `<U+202E>` was written bare, which a browser reads as a tag (`<u+202e>`) and
    shows nothing of, in the article's page and in the index."""
    report = _report_of(tmp_path, "https://example.org/rtl", (
        Version(0, "Left \u202eright", ("It rained.",)),
        Version(1, "Left \u202eright", ("It rained \u202ehard.",))))
    for page in report.glob("*.html"):
        collector = parse(page)
        assert not [tag for tag, _ in collector.tags if tag.startswith("u+")]
        assert "Left <U+202E>right" in "".join(collector.text)


def test_a_right_to_left_source_keeps_the_version_count_after_it(tmp_path: Path) -> None:
    """`source الجزيرة · 12 versions` showed as `source 12 · الجزيرة versions`: a number after
    Arabic text takes its direction, so the count was drawn before the source's name."""
    database = tmp_path / "news.db"
    write_database(database, [Article("الجزيرة", "https://aljazeera.net/news/1", (
        Version(0, "T", ("It rained.",)), Version(1, "T", ("It rained hard.",))), 2)])
    run_export(ExportJob((str(database),), tmp_path / "report", "html"))
    page = next((tmp_path / "report").glob("000000-*.html")).read_text(encoding="utf-8")
    assert '<p class="meta">source <bdi>الجزيرة</bdi> · 2 versions · ' in page


def test_the_index_isolates_a_right_to_left_source_and_key(tmp_path: Path) -> None:
    """The index's source cell and the key under a title were left bare, where the article
    page isolates them: a right-to-left name took the text beside it into its direction."""
    database = tmp_path / "news.db"
    write_database(database, [Article("الجزيرة", "https://aljazeera.net/مقال", (
        Version(0, "T", ("It rained.",)), Version(1, "T", ("It rained hard.",))), 2)])
    run_export(ExportJob((str(database),), tmp_path / "report", "html"))
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert '<td class="source"><bdi>الجزيرة</bdi></td>' in index
    assert '<span class="meta"><bdi>https://aljazeera.net/مقال</bdi></span>' in index


def test_the_article_page_isolates_its_name_and_its_url(tmp_path: Path) -> None:
    """The meta line's name (when it is not the title) and the URL's link text were left bare
    beside the source and the input, which are isolated: a right-to-left name took the
    versions' count or the `read from` after it into its direction."""
    versions = (Version(0, "מבזק", ("It rained.",)), Version(1, "Storm", ("It rained hard.",)))
    database = tmp_path / "news.db"
    write_database(database, [Article(None, None, versions, 2),
                              Article(None, "https://example.org/מבזק", versions, 2)])
    run_export(ExportJob((str(database),), tmp_path / "report", "html"))
    named, linked = [page.read_text(encoding="utf-8")
                     for page in sorted((tmp_path / "report").glob("0*.html"))]
    assert "2 versions · <bdi>מבזק</bdi> · read from" in named
    assert ('rel="noreferrer"><bdi>https://example.org/מבזק</bdi></a> · read from'
            in linked)


def _report_of_a_tiny_change(tmp_path: Path) -> str:
    """The report page of a pair that changed one character of a long paragraph (<1%)."""
    long = " ".join(["The troops arrived in the region on Friday."] * 40)
    report = _report_of(tmp_path, "https://example.org/tiny", (
        Version(0, "T", (long,)), Version(1, "T", (long[:-1] + "!",))))
    return next(report.glob("000000-*.html")).read_text(encoding="utf-8")


def test_a_share_under_one_percent_is_escaped(tmp_path: Path) -> None:
    """`<1% changed` was written raw, a parse error in HTML."""
    page = _report_of_a_tiny_change(tmp_path)
    assert "&lt;1% changed" in page and "<1%" not in page


def test_the_chart_of_the_share_changed_shows_it_as_the_page_does(tmp_path: Path) -> None:
    """The chart's point said `0%` for a pair the page above it says changed `<1%`."""
    page = _report_of_a_tiny_change(tmp_path)
    assert "<title>0→1: &lt;1%</title>" in page and "0→1: 0%" not in page


def test_a_pair_of_headlines_without_text_says_it_has_no_sentences(tmp_path: Path) -> None:
    """A headline tracker's pair, whose versions hold no text, had its counts line start with a
    bare `; +0/-0 words`: it says `no sentences`, as `revdiff diff` does."""
    report = _report_of(tmp_path, "https://example.org/storm", (
        Version(0, "Storm nears the coast", ()), Version(1, "Storm hits the coast", ())))
    page = next(report.glob("000000-*.html")).read_text(encoding="utf-8")
    assert '<p class="stats">no sentences; +0/-0 words, 0% changed</p>' in page


def test_the_index_counts_one_article_in_the_singular(tmp_path: Path) -> None:
    """It said `1 articles, 1 version pairs.`"""
    chain = make_chain(tmp_path / "in" / "story", [["A first sentence."], ["A new sentence."]])
    run_export(ExportJob((str(chain),), tmp_path / "report", "html"))
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert '<p class="stats">1 article, 1 version pair.</p>' in index


def test_report_file_names_are_safe() -> None:
    assert report_file_name(7, "https://www.bbc.co.uk/news/world-1?x=<y>") == \
        "000007-bbc-co-uk-news-world-1-x-y.html"
    assert report_file_name(0, "../../etc/passwd") == "000000-passwd.html"
    assert report_file_name(4, "corpus/story#2") == "000004-corpus-story-2.html"
    assert report_file_name(5, "..") == "000005-article.html"
    assert report_file_name(1, "éé") == "000001-ee.html"
    assert report_file_name(2, "中文") == "000002-中文.html"


def test_a_title_with_a_slash_names_the_page_whole() -> None:
    """A NewsEdits entry without a URL is keyed by its title, and `9/11 memorial` was taken for
    a path: its report page and the app's offered export name were `11-memorial`."""
    assert report_file_name(3, "9/11 memorial") == "000003-9-11-memorial.html"
    assert article_slug("AC/DC: \\back\\ on tour?") == "ac-dc-back-on-tour"
    assert article_slug("ftp://example.com/a/b") == "example-com-a-b"
    # an article without URL or title is named by its input, whose path's last part names it
    assert article_slug("/tmp/pytest-of-someone/pytest-42/test-a-long-name0/news.db") == \
        "news-db"
    # and so a Windows path's: its drive or server filled the slug's 60 characters
    assert article_slug("C:\\Users\\someone\\AppData\\Local\\Temp\\pytest-42\\news.db") == \
        "news-db"
    assert article_slug("D:/data/news.db") == "news-db"
    assert article_slug("\\\\server\\share\\trackers\\news.db") == "news-db"
    assert article_slug("..\\data\\story\\") == "story"


def test_report_pages_are_named_without_www_and_apart(tmp_path: Path) -> None:
    """The report's pages kept `www-` (`000000-www-example-com-story.html`), which the app's
    offered export name and its article list leave out; two articles whose URLs differ only by
    `www.` still get a page each."""
    versions = (Version(0, "Story", ("It rained.",)), Version(1, "Story", ("It rained hard.",)))
    database = tmp_path / "news.db"
    write_database(database, [Article(None, "https://www.example.com/story", versions, 2),
                              Article(None, "http://example.com/story", versions, 2)])
    run_export(ExportJob((str(database),), tmp_path / "report", "html"))
    pages = sorted(page.name for page in (tmp_path / "report").glob("0*.html"))
    assert pages == ["000000-example-com-story.html", "000001-example-com-story.html"]
    index = parse(tmp_path / "report" / "index.html")
    assert [attrs["href"] for tag, attrs in index.tags if tag == "a"] == pages


def test_articles_of_one_key_are_told_apart_by_their_input(tmp_path: Path) -> None:
    """One URL read from two inputs gave two index rows and two pages headed alike, the same
    title over the same URL: a reader could not tell which input each came from."""
    versions = (Version(0, "Story", ("It rained.",)), Version(1, "Story", ("It rained hard.",)))
    story = Article(None, "https://example.com/story", versions, 2)
    write_database(tmp_path / "first.db", [story])
    write_database(tmp_path / "second.db", [story, Article(None, "https://example.com/other",
                                                           versions, 2)])
    inputs = [str(tmp_path / "first.db"), str(tmp_path / "second.db")]
    run_export(ExportJob(tuple(inputs), tmp_path / "report", "html"))
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    notes = re.findall(r'<span class="meta">([^\n]*?)</span></td>', index)
    assert notes == [f"<bdi>https://example.com/story</bdi> · read from <bdi>{inputs[0]}</bdi>",
                     f"<bdi>https://example.com/story</bdi> · read from <bdi>{inputs[1]}#0</bdi>",
                     "<bdi>https://example.com/other</bdi>"]  # a key of one article: no input
    pages = sorted((tmp_path / "report").glob("0*.html"))
    assert [f"read from <bdi>{where}</bdi></p>" in page.read_text(encoding="utf-8")
            for page, where in zip(pages, [inputs[0], f"{inputs[1]}#0", f"{inputs[1]}#1"],
                                   strict=True)] == [True, True, True]


def test_the_pages_of_one_key_have_browser_titles_told_apart_by_their_input(
        tmp_path: Path) -> None:
    """Two pages of one URL read from two inputs, told apart in their headings by the input,
    had one title in the browser's tab, history and bookmarks: `Story - revdiff` both."""
    versions = (Version(0, "Story", ("It rained.",)), Version(1, "Story", ("It rained hard.",)))
    story = Article(None, "https://example.com/story", versions, 2)
    for name in ("first.db", "second.db"):
        write_database(tmp_path / name, [story])
    inputs = [str(tmp_path / "first.db"), str(tmp_path / "second.db")]
    run_export(ExportJob(tuple(inputs), tmp_path / "report", "html"))
    titles = [re.findall(r"<title>([^<]*)</title><style>", page.read_text(encoding="utf-8"))
              for page in sorted((tmp_path / "report").glob("0*.html"))]
    assert titles == [[f"Story - read from {where} - revdiff"] for where in inputs]


def test_an_article_of_files_given_together_is_read_from_its_own_file(tmp_path: Path,
                                                                       samples: Path) -> None:
    """Two articles of pages given together each read `read from samples/washpo-soleimani-v6-
    v7.txt (+2 files)#0` and `#1`: the group of all the files, which named neither article's own
    (the second article's were the other two pages)."""
    washpo = samples.parent / "washpo-soleimani-v6-v7.txt"
    iran = [samples.parent / "sniffer-diff" / f"iran-strikes-v{k}-v{k + 1}.txt" for k in (0, 1)]
    run_export(ExportJob((str(washpo), *map(str, iran)), tmp_path / "report", "html"))
    pages = sorted((tmp_path / "report").glob("0*.html"))
    notes = [re.findall(r"read from <bdi>([^<]*)</bdi>", page.read_text(encoding="utf-8"))
             for page in pages]
    assert notes == [[str(washpo)], [f"{iran[0]} (+1 file)"]]


@pytest.mark.parametrize(("name", "slug"), [
    ("https://news.cn/2020/习近平会见外宾", "news-cn-2020-习近平会见外宾"),
    ("https://aljazeera.net/news/الحرب-في-غزة", "aljazeera-net-news-الحرب-في-غزة"),
    ("https://bbc.com/hindi/भारत-में-चुनाव", "bbc-com-hindi-भारत-में-चुनाव"),
    ("İstanbul'da Straße", "istanbul-da-straße"),
    ("a\u202eb\u200fc\x1bd/\u0301e", "a-b-c-d-e"),  # the mark after the slash dropped
    ("a\u202eb\u200fc\x1bd", "a-b-c-d"),
    ("中" * 100, "中" * 40),  # 120 bytes
])
def test_article_slugs_keep_letters_and_digits_of_every_script(name: str, slug: str) -> None:
    """Every article in Chinese, Arabic or Hindi was `article`, in the export dialog's suggested
    name and the report's page names alike."""
    assert article_slug(name) == slug


def test_a_report_with_pages_named_in_another_script_is_replaced(tmp_path: Path) -> None:
    story = tmp_path / "报道"
    story.mkdir()
    (story / "0.txt").write_text("第一段。\n", encoding="utf-8")
    (story / "1.txt").write_text("第一段，改了。\n", encoding="utf-8")
    out = tmp_path / "report"
    run_export(ExportJob((str(story),), out, "html"))
    run_export(ExportJob((str(story),), out, "html"))  # was refused: not a revdiff report
    assert sorted(p.name for p in out.iterdir()) == ["000000-报道.html", "index.html"]


@pytest.mark.skipif(chromium_path() is None, reason="Chromium not installed (apt-get install "
                                                     "chromium) - screenshot test skipped")
def test_headless_chromium_renders_the_report(report: Path, tmp_path: Path) -> None:
    page = next(report.glob("000000-*.html"))
    shot = tmp_path / "page.png"
    command = [chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
               "--window-size=1280,1600", f"--screenshot={shot}", page.as_uri()]
    subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert shot.is_file(), "chromium wrote no screenshot"
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 1600)
    # A blank page compresses to a few kilobytes; text, tables and charts do not.
    assert re.search(rb"IDAT", data)


def test_a_new_report_replaces_the_old_one_whole(tmp_path: Path, samples: Path) -> None:
    out = tmp_path / "report"
    run_export(ExportJob((str(samples),), out, "html"))
    assert len(list(out.glob("0*.html"))) == 3
    story = min(samples.iterdir())
    run_export(ExportJob((str(story),), out, "html"))
    # the pages of the two articles no longer exported were left beside the new index
    assert sorted(p.name for p in out.iterdir()) == ["000000-" + story.name + ".html", "index.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["report"]  # no staging, no lock, no old copy


@pytest.mark.parametrize("stranger", ["notes.txt", "000009-old.html/", "index.html"])
def test_a_folder_that_is_not_a_report_is_refused_and_kept(tmp_path: Path, samples: Path,
                                                           stranger: str) -> None:
    from revdiff.export.output_guard import OutputProblem

    out = tmp_path / "report"
    run_export(ExportJob((str(samples),), out, "html"))
    if stranger == "index.html":  # not the index revdiff wrote: someone's own page
        (out / stranger).write_text("<!DOCTYPE html><title>My notes</title>", encoding="utf-8")
    elif stranger.endswith("/"):
        (out / stranger).mkdir()
    else:
        (out / stranger).write_text("mine", encoding="utf-8")
    before = sorted((p.name, p.read_bytes() if p.is_file() else b"") for p in out.iterdir())
    with pytest.raises(OutputProblem, match="the folder is not a revdiff report"):
        run_export(ExportJob((str(min(samples.iterdir())),), out, "html"))
    assert sorted((p.name, p.read_bytes() if p.is_file() else b"") for p in out.iterdir()) == before
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


def test_an_empty_folder_takes_the_report(tmp_path: Path, samples: Path) -> None:
    out = tmp_path / "report"
    out.mkdir()
    run_export(ExportJob((str(samples),), out, "html"))
    assert (out / "index.html").is_file() and len(list(out.glob("0*.html"))) == 3


@pytest.mark.parametrize("out_name", ["../report", "."])
def test_a_report_folder_holding_the_working_directory_is_refused_and_kept(
        out_name: str, tmp_path: Path, samples: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Replacing the folder one works in moved it away, and the relative path with it: the old
    report ended up hidden in the staging folder and the new one was never published."""
    from revdiff.export.output_guard import OutputProblem

    out = tmp_path / "report"
    run_export(ExportJob((str(samples),), out, "html"))
    before = sorted((p.name, p.read_bytes()) for p in out.iterdir())
    monkeypatch.chdir(out)
    with pytest.raises(OutputProblem, match="holds the working directory"):
        run_export(ExportJob((str(samples),), Path(out_name), "html"))
    assert sorted((p.name, p.read_bytes()) for p in out.iterdir()) == before
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


def test_what_a_file_browser_leaves_in_a_report_does_not_stop_a_new_one(tmp_path: Path,
                                                                        samples: Path) -> None:
    out = tmp_path / "report"
    run_export(ExportJob((str(samples),), out, "html"))
    (out / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    run_export(ExportJob((str(min(samples.iterdir())),), out, "html"))
    assert len(list(out.glob("0*.html"))) == 1 and not (out / ".DS_Store").exists()


@pytest.mark.parametrize("url", ["HTTPS://example.org/upper", "Http://example.org/mixed"])
def test_a_url_with_an_upper_case_scheme_is_linked(tmp_path: Path, url: str) -> None:
    """`HTTPS://...` was shown as text, not linked: the scheme was matched in lower case only."""
    report = _report_of(tmp_path, url, (
        Version(0, "T", ("It rained.",)), Version(1, "T", ("It rained hard.",))))
    page = next(report.glob("000000-*.html"))
    assert ("a", {"href": url, "rel": "noreferrer"}) in parse(page).tags


@pytest.mark.parametrize("count", [1, 8, 24, 25, 60, 500])
def test_chart_x_axis_labels_are_every_kth_point_and_do_not_overlap(count: int) -> None:
    """A chart over more than 24 points had no x-axis labels at all, and one of 10 to 24 pairs
    (`9→10`, `10→11`, ...) ran its labels together; it now labels every k-th point from the
    first, as many as fit side by side."""
    names = [f"{k}→{k + 1}" for k in range(count)]
    charts = (words_chart(list(range(count)), [1] * count, names),
              line_chart([k / count for k in range(count)], names, label="share", shares=True))
    for svg in charts:
        shown = {float(text.attrib["x"]): str(text.text) for text in ElementTree.fromstring(
            svg).iter("{http://www.w3.org/2000/svg}text") if text.text in names}
        every = names.index(list(shown.values())[1]) if len(shown) > 1 else count
        assert list(shown.values()) == names[::every]
        assert count <= 8 or 3 <= len(shown) <= 24
        xs = sorted(shown)
        assert all(right - left >= 6 * len(name)
                   for left, right, name in zip(xs, xs[1:], shown.values()))


@pytest.mark.parametrize("first", [998, 1000, 9990])
def test_chart_x_axis_labels_of_four_digit_versions_stay_inside_the_chart(first: int) -> None:
    """The label of the last pair of a blog past version 1000 (`1000→1001`), centred on its
    point, ran past the chart's right edge."""
    numbers = range(first, first + 3)
    pairs = [f"{old}→{old + 1}" for old in numbers]
    charts = (words_chart([1, 2, 3], [1, 1, 1], pairs),
              line_chart([0.1, 0.2, 0.3], pairs, label="share", shares=True),
              line_chart([10, 20, 30], [str(n) for n in numbers], label="length"))
    for svg in charts:
        root = ElementTree.fromstring(svg)
        width = float(root.attrib["width"])
        for text in root.iter("{http://www.w3.org/2000/svg}text"):
            if text.attrib.get("text-anchor") == "middle":
                half = len(str(text.text)) * LABEL_CHAR_WIDTH / 2
                assert half <= float(text.attrib["x"]) <= width - half, text.text


def _axis_counts(svg: str) -> dict[str, float]:
    """The words chart's counts on its axis (`+3`, `-2`) and the height each is written at."""
    return {str(text.text): float(text.attrib["y"]) for text in ElementTree.fromstring(svg).iter(
        "{http://www.w3.org/2000/svg}text") if re.fullmatch(r"[-+][0-9]+", str(text.text))}


def test_the_words_chart_labels_each_side_with_its_own_largest_count() -> None:
    """With 3 words added and 2 removed the chart read `+3` at its top and `-3` at its foot,
    which a reader takes for the words removed; each side now has its own largest count, at the
    level its bar reaches, and a side with none has none."""
    counts = _axis_counts(words_chart([3, 1], [2, 0], ["0→1", "1→2"]))
    assert list(counts) == ["+3", "-2"]
    middle = 80  # the chart's axis, half its height
    assert counts["+3"] < middle < counts["-2"]
    assert counts["-2"] - middle < (middle - counts["+3"]) * 0.8  # two thirds as deep as high
    assert list(_axis_counts(words_chart([5], [0], ["0→1"]))) == ["+5"]


def test_a_chart_of_lengths_all_zero_is_scaled_to_one() -> None:
    """The length chart of a headline tracker's versions (titles, no text) topped its axis with
    `1e-09`."""
    svg = line_chart([0, 0, 0], ["0", "1", "2"], label="length of each version in words")
    texts = [str(text.text) for text in ElementTree.fromstring(svg).iter(
        "{http://www.w3.org/2000/svg}text")]
    assert texts == ["0", "1", "2", "1"]


def test_a_chart_writes_large_counts_as_the_text_does() -> None:
    """A live blog of a million words topped its length chart with `1.2346e+06`."""
    svg = line_chart([1234567, 1234600], ["0", "1"], label="length of each version in words")
    texts = [str(text.text) for text in ElementTree.fromstring(svg).iter(
        "{http://www.w3.org/2000/svg}text")]
    assert texts == ["0", "1", "1234600"]
    assert "1: 1234600" in svg and "e+" not in svg


def test_a_chart_writes_counts_as_the_timeline_beside_it_does(tmp_path: Path) -> None:
    """The length chart wrote `1,234` words beside the timeline's `1234` (and the words chart's
    `+1234`)."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "0.txt").write_text("Title\n\n" + "word " * 1234, encoding="utf-8")
    (folder / "1.txt").write_text("Title\n\n" + "word " * 1300, encoding="utf-8")
    out = tmp_path / "report"
    run_export(ExportJob((str(folder),), out, "html"))
    (page,) = (path for path in out.iterdir() if path.name != "index.html")
    text = page.read_text(encoding="utf-8")
    cells = re.findall(r'<td class="num">([^<]*)</td>', text)  # version, paragraphs, words
    words = cells[2::3]
    assert len(words) == 2 and all(len(count) >= 4 for count in words)
    for number, count in enumerate(words):
        assert f"<title>{number}: {count}</title>" in text


def test_an_article_page_is_built_without_copies_of_itself() -> None:
    """A live blog's page runs to tens of MB: it is kept in pieces, each diff table made as the
    page takes it, never whole beside its pieces (it took four times its size)."""
    import tracemalloc

    from revdiff.export.html_report import render_html
    from revdiff.export.pairs import compare_chain
    from revdiff.export.records import article_ref

    # every sentence changed in every version: rows, none folded away
    versions = [Version(k, "Live", tuple([f"Update {k}."] * k + [
        f"Paragraph {n} says that officials met on day {n + k} to talk." for n in range(400)]))
        for k in range(8)]
    article = Article("bbc", "https://example.com/live", tuple(versions), 8)
    comparisons = compare_chain(article, "auto")
    ref = article_ref(0, article, "live")
    render_html(ref, article, comparisons)  # everything it uses loaded and cached
    tracemalloc.start()
    try:
        (_, page), _ = render_html(ref, article, comparisons)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = sum(len(piece) for piece in page)
    assert peak < 2 * size, (peak, size)  # was 4 times its size


# Marks each cell of the headers and numbers whose one word is broken over lines, and how much
# wider than the window the page is (a script runs in a copy of the page only: the report's own
# policy runs none).
_LAYOUT_SCRIPT = """<script>
const broken = [...document.querySelectorAll("table.timeline th, table.index th, td.num")]
  .filter(cell => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    return !/\\s/.test(cell.textContent.trim()) && range.getClientRects().length > 1;
  }).map(cell => cell.textContent);
document.body.setAttribute("data-broken", JSON.stringify(broken));
document.body.setAttribute("data-overflow", document.documentElement.scrollWidth - innerWidth);
</script>"""


def _layout_in_chromium(page: Path, tmp_path: Path, script: str = _LAYOUT_SCRIPT,
                        width: int = 800) -> tuple[list[str], int]:
    """What `script` finds broken in `page`, and the page's overflow, in a window `width` wide."""
    scripted = tmp_path / f"scripted-{page.name}"
    scripted.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "",
                               page.read_text(encoding="utf-8"))
                        .replace("</body>", script + "</body>"), encoding="utf-8")
    command = [chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={width},1000",
               "--dump-dom", scripted.as_uri()]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False).stdout
    [broken] = re.findall(r'data-broken="([^"]*)"', dom)
    [overflow] = re.findall(r'data-overflow="([^"]*)"', dom)
    return json.loads(html.unescape(broken)), int(overflow)


@pytest.mark.skipif(chromium_path() is None, reason="Chromium not installed (apt-get install "
                                                     "chromium) - layout test skipped")
def test_headers_and_numbers_are_never_broken_inside_a_word(tmp_path: Path) -> None:
    """Every cell could break between any two letters (so that a long URL keeps its column on
    the page), and a long title took the timeline's width: in a window 800 pixels wide its headers
    read `versi`/`on`, `paragra`/`phs` and its word counts `12`/`58` over two lines. A number too
    long for the window still breaks."""
    title = "Pentagon launched airstrike that killed Iranian commander Qasem Soleimani, says Esper"
    strike = _report_of(tmp_path, "https://example.org/strike", (
        Version(0, title, (" ".join(["Officials said the strike was lawful."] * 180),)),
        Version(1, title + " today", (" ".join(["Officials said the strike was legal."] * 180),))))
    huge = make_chain(tmp_path / "in" / "huge", [["One sentence."]])
    (huge / f"{'9' * 200}.txt").write_text("One sentence, changed.\n", encoding="utf-8")
    run_export(ExportJob((str(huge),), tmp_path / "huge-report", "html"))
    for page in [*sorted(strike.glob("*.html")), *sorted((tmp_path / "huge-report").glob("*.html"))]:
        broken, overflow = _layout_in_chromium(page, tmp_path)
        assert broken == (["9" * 200] if "huge" in page.name else []), page.name
        assert overflow <= 0, page.name


def _words_script(cells: str, word: str = r"(?<!\S)\S{1,20}(?!\S)") -> str:
    """A script that marks each word (`word`, a JavaScript pattern: by default one of up to 20
    characters; a longer one, a URL, may break) that the `cells` (a CSS selector) break over
    lines, and how much wider than the window the page is."""
    return """<script>
const broken = [];
for (const cell of document.querySelectorAll(CELLS)) {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of node.data.matchAll(/WORD/g)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      if (range.getClientRects().length > 1) broken.push(word[0]);
    }
  }
}
document.body.setAttribute("data-broken", JSON.stringify(broken));
document.body.setAttribute("data-overflow", document.documentElement.scrollWidth - innerWidth);
</script>""".replace("CELLS", json.dumps(cells)).replace("WORD", word)


@pytest.mark.skipif(chromium_path() is None, reason="Chromium not installed (apt-get install "
                                                     "chromium) - layout test skipped")
def test_on_a_phone_the_timeline_and_the_index_break_no_word(tmp_path: Path) -> None:
    """In a window 390 pixels wide (a phone's) the number cells, each at least seven digits wide,
    left the timeline's titles and the index's articles a column two letters wide: `Pe`/`nt`/`ag`
    ..., each header a letter a line. The tables scroll sideways in such a window, the page not,
    and no word is broken."""
    title = "Pentagon launched airstrike that killed Iranian commander Qasem Soleimani, says Esper"
    strike = _report_of(tmp_path, "https://example.org/strike", (
        Version(0, title, ("Officials said the strike was lawful.",)),
        Version(1, title + " today", ("Officials said the strike was legal.",))))
    for page in sorted(strike.glob("*.html")):
        script = _words_script("table.timeline th, table.timeline td, table.index th, table.index td")
        broken, overflow = _layout_in_chromium(page, tmp_path, script, width=390)
        assert broken == [], page.name
        assert overflow <= 0, page.name


@pytest.mark.skipif(chromium_path() is None, reason="Chromium not installed (apt-get install "
                                                     "chromium) - layout test skipped")
@pytest.mark.parametrize("width", [1280, 390])
def test_the_index_never_breaks_a_source_inside_its_name(tmp_path: Path, width: int) -> None:
    """The source column got what the article column, its title and long URL, left: eight
    letters' width, and in a window 1280 pixels wide the index read `news.example.co`/`m`."""
    title = "US deploys thousands more troops to Middle East after airstrike kills Iran general"
    database = tmp_path / "news.db"
    write_database(database, [Article(
        "news.example.com", "https://news.example.com/2020/01/03/us-will-send-troops-to-middle-east/",
        (Version(0, title, ("Officials said the strike was lawful.",)),
         Version(1, title, ("Officials said the strike was legal.",))), 2)])
    run_export(ExportJob((str(database),), tmp_path / "report", "html"))
    broken, overflow = _layout_in_chromium(tmp_path / "report" / "index.html", tmp_path,
                                           _words_script("table.index td:nth-child(3)"), width=width)
    assert broken == []
    assert overflow <= 0


@pytest.mark.skipif(chromium_path() is None, reason="Chromium not installed (apt-get install "
                                                     "chromium) - layout test skipped")
@pytest.mark.parametrize("width", [1280, 390])
def test_the_index_keeps_the_words_added_and_removed_on_one_line(tmp_path: Path,
                                                                 width: int) -> None:
    """Beside a long title and its URL the index's words cell read `+282 /` over `-70`, in a
    window 1280 pixels wide too."""
    title = "Pentagon launched airstrike that killed Iranian commander Qasem Soleimani, says Esper"
    old = " ".join(f"Officials said strike {n} was lawful." for n in range(70))
    new = " ".join(f"Officials said strike {n} was lawful and legal under the law." for n in range(47))
    report = _report_of(tmp_path, "https://www.example.org/world/middle_east/iraq-rockets-fired-at-"
                        "baghdad-airport-7-people-killed/2020/01/02/91b27d1c-2dc2-11ea-bffe.html",
                        (Version(0, title, (old,)), Version(1, title + " today", (new,))))
    index = report / "index.html"
    assert re.search(r">\+[0-9]{3} / -[0-9]{2,}<", index.read_text(encoding="utf-8"))
    broken, overflow = _layout_in_chromium(index, tmp_path, _words_script(
        "table.index td:nth-child(5)", r"\+\d+ \/ -\d+"), width=width)
    assert broken == []
    assert overflow <= 0


@pytest.mark.skipif(chromium_path() is None, reason="Chromium not installed (apt-get install "
                                                     "chromium) - layout test skipped")
@pytest.mark.parametrize("width", [1280, 390])
def test_the_labels_of_the_edits_break_only_between_words(tmp_path: Path, width: int) -> None:
    """An edit's label column, a tenth of the table, broke its words anywhere: at 1280 pixels a
    flag read `attribution_chan`/`ged`, on a phone every label `de`/`le`/`te`/`d`. A label now
    breaks between its words, a flag's name after an underscore (`attribution_`/`changed`)."""
    from revdiff.export.comparison_html import ArticleName, comparisons_html

    comparison = revdiff.compare(
        Version(0, "Storm", ("The storm hit the coast, officials said.", "Roads closed.")),
        Version(1, "Storm", ("The storm hit the coast, the mayor told reporters.",)))
    page = tmp_path / "diff.html"
    page.write_text("".join(comparisons_html([(ArticleName("Storm"), [(comparison, None)])])),
                    encoding="utf-8")
    assert "attribution_changed" in page.read_text(encoding="utf-8").replace("<wbr>", "")
    broken, overflow = _layout_in_chromium(page, tmp_path, _words_script("td.op", r"[^\s_]+"),
                                           width=width)
    assert broken == []
    assert overflow <= 0


def _layout_in_a_window_of(width: int, page: Path, tmp_path: Path, script: str
                           ) -> tuple[list[str], int]:
    """What `script` finds broken in `page`, and its overflow, laid out `width` pixels wide: in
    a frame that wide, as headless Chromium makes no window narrower than 500 pixels (at 320, a
    page of 1280 zoomed to 400%)."""
    framed = (page.read_text(encoding="utf-8")
              .replace("</body>", script.replace("document.body.", "parent.document.body.")
                       + "</body>"))
    framed = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", framed)
    frame = tmp_path / f"framed-{width}-{page.name}"
    frame.write_text(f'<!DOCTYPE html><html><body style="margin: 0"><iframe width="{width}" '
                     f'height="1000" srcdoc="{html.escape(framed)}"></iframe></body></html>',
                     encoding="utf-8")
    return _layout_in_chromium(frame, tmp_path, script="")


@pytest.mark.skipif(chromium_path() is None, reason="Chromium not installed (apt-get install "
                                                     "chromium) - layout test skipped")
@pytest.mark.parametrize("width", [320, 375])
def test_on_a_narrow_screen_the_diff_tables_break_no_word_and_a_long_url_keeps_to_the_page(
        tmp_path: Path, width: int) -> None:
    """Every word of the page could break anywhere (so that a long URL kept its column on the
    page), which let the diff tables squeeze their columns: 320 pixels wide (a page zoomed to
    400%) they read `BAGHDA`/`D:` and `Wednesd`/`ay`. A diff table's columns now keep their
    widths whatever their words: a word breaks only where it is longer than its column's line,
    a long URL, which never widens the page."""
    url = ("https://www.example.org/world/middle_east/iraq-rockets-fired-at-baghdad-airport/"
           "2020/01/02/91b27d1c-2dc2-11ea-bffe-020c88b3f120_story.html")
    comparison = revdiff.compare(
        Version(0, "Rockets hit", (f"BAGHDAD: Officials said on Wednesday it was seen at {url}.",)),
        Version(1, "Rockets hit base", (f"BAGHDAD: Officials said on Tuesday it was seen at {url}.",)))
    from revdiff.export.comparison_html import comparisons_html

    (tmp_path / "url.html").write_text("".join(comparisons_html([(None, [(comparison, None)])],
                                                                heading="x")), encoding="utf-8")
    run_export(ExportJob((str(ROOT / "samples" / "sniffer-diff" / "iran-strikes-v3-v4.html"),),
                         tmp_path / "report", "html"))
    (article_page,) = (tmp_path / "report").glob("000000-*.html")
    assert "BAGHDAD:" in article_page.read_text(encoding="utf-8")
    for page in (article_page, tmp_path / "url.html"):
        broken, overflow = _layout_in_a_window_of(width, page, tmp_path, _words_script(
            ":not(.sideways) > table td:not(.op)", r"(?<![^\s-])[^\s/-]{1,10}(?![^\s-])"))
        assert broken == [], (page.name, broken)
        assert overflow <= 0, page.name


def test_a_right_to_left_file_name_keeps_the_numbers_of_its_warning_after_it(
        tmp_path: Path) -> None:
    """`warning: مقال: 3 of 10 rows unsure` showed as `warning: 3 :مقال of 10 rows unsure`: the
    numbers after the Arabic name took its direction, the name not isolated as the source is."""
    from revdiff.export.html_report import render_html
    from revdiff.export.pairs import compare_chain
    from revdiff.export.records import article_ref

    article = Article(None, None, (Version(0, "T", ("It rained.",)),
                                   Version(1, "T", ("It rained hard.",))), 2,
                      warnings=("مقال: 3 of 10 rows unsure (lines 4-6)", "no place here"))
    (_, pieces), _ = render_html(article_ref(0, article, "مقال"), article,
                                 compare_chain(article, "auto"))
    page = "".join(pieces)
    assert '<p class="meta">warning: <bdi>مقال</bdi>: 3 of 10 rows unsure (lines 4-6)</p>' in page
    assert '<p class="meta">warning: no place here</p>' in page


def test_only_the_input_s_right_to_left_text_of_a_warning_is_isolated(tmp_path: Path) -> None:
    """The text of a warning before its first `: ` was isolated as a place, revdiff's own
    wording too (`<bdi>entryversion row 5 (version 3)</bdi>`), and a `<bdi>` that began with
    an Arabic file name laid out the words after it right to left."""
    from revdiff.export.html_report import render_html
    from revdiff.export.pairs import compare_chain
    from revdiff.export.records import article_ref

    article = Article(None, None, (Version(0, "T", ("It rained.",)),
                                   Version(1, "T", ("It rained hard.",))), 2,
                      warnings=("شعار.png left out: no version of it is text",
                                "entryversion row 5 (version 3): title is NULL"))
    (_, pieces), _ = render_html(article_ref(0, article, "story"), article,
                                 compare_chain(article, "auto"))
    warnings = re.findall(r'<p class="meta">warning: (.*)</p>', "".join(pieces))
    assert warnings == ["<bdi>شعار</bdi>.png left out: no version of it is text",
                        "entryversion row 5 (version 3): title is NULL"]


def test_a_control_character_in_the_url_is_percent_encoded_in_the_link(tmp_path: Path) -> None:
    """The link's address held the character's symbol (`href="https://example.org/a␛[2Jb"`), a
    page no server has; it is encoded (`%1B`), as are a space and letters outside ASCII, and the
    link's text still shows the symbol."""
    url = "https://example.org/a\x1b[2Jb c/مقال?q=1&r=%20"
    report = _report_of(tmp_path, url, (
        Version(0, "T", ("It rained.",)), Version(1, "T", ("It rained hard.",))))
    page = next(report.glob("000000-*.html"))
    [(href, text)] = re.findall(r'<a href="([^"]*)" rel="noreferrer"><bdi>([^<]*)</bdi></a>',
                                page.read_text(encoding="utf-8"))
    assert html.unescape(href) == ("https://example.org/a%1B[2Jb%20c/%D9%85%D9%82%D8%A7%D9%84"
                                   "?q=1&r=%20")
    assert html.unescape(text) == "https://example.org/a␛[2Jb c/مقال?q=1&r=%20"


def test_a_long_run_of_unchanged_sentences_is_folded_into_one_row(tmp_path: Path) -> None:
    """Every pair's table repeated every unchanged sentence, twice (a live blog of 120 versions
    made a page of 3 MB): a run of them is one row that opens to show each once, the sentence
    next to a change kept as context."""
    paragraphs = [f"Paragraph {n} stays as it was." for n in range(10)]
    edited = [*paragraphs[:5], "Paragraph 5 was changed.", *paragraphs[6:]]
    report = _report_of(tmp_path, "https://example.org/fold", (
        Version(0, "T", tuple(paragraphs)), Version(1, "T", tuple(edited))))
    page = next(report.glob("000000-*.html")).read_text(encoding="utf-8")
    [table] = re.findall(r'<section id="v0-v1">.*?</section>', page, re.DOTALL)
    folds = re.findall(r"<details><summary>([^<]*)</summary>(.*?)</details>", table)
    assert [summary for summary, _ in folds] == ["4 unchanged sentences", "3 unchanged sentences"]
    assert [re.findall(r"<p[^>]*>([^<]*)</p>", texts) for _, texts in folds] == [
        paragraphs[:4], paragraphs[7:]]
    for context in (paragraphs[4], paragraphs[6]):  # beside the change, on rows of their own
        assert f'<td lang="">{context}</td><td lang="">{context}</td>' in table
    assert all(table.count(text) == 1 for text in [*paragraphs[:4], *paragraphs[7:]])


def test_a_later_pair_links_its_unchanged_sentences_to_where_the_page_shows_them(
        tmp_path: Path) -> None:
    """Each pair's fold held every unchanged sentence again, so a live blog's page grew with the
    square of its versions (500 versions: 20 MB): a sentence's text is on the page once, and a
    later pair's run of unchanged sentences is a count and a link to where its first one is."""
    paragraphs = [f"Paragraph {n} stays as it was." for n in range(10)]
    versions = [Version(0, "T", tuple(paragraphs))]
    for k in range(1, 4):  # each version adds an update and edits the one before it
        updates = [f"Update {u} is edited in version {k}." for u in range(1, k)]
        versions.append(Version(k, "T", (*paragraphs, *updates, f"Update {k} is new.")))
    report = _report_of(tmp_path, "https://example.org/live", tuple(versions))
    page = next(report.glob("000000-*.html")).read_text(encoding="utf-8")
    assert all(page.count(text) == 1 for text in paragraphs[:9])  # in the first pair's fold
    ids = set(re.findall(r' id="([^"]+)"', page))
    [table] = re.findall(r'<section id="v2-v3">.*?</section>', page, re.DOTALL)
    assert "<details>" not in table
    links = re.findall(r'<td colspan="2">([^<]*)<a href="#([^"]+)">([^<]*)</a>', table)
    assert links == [("9 unchanged sentences, the first as ", "v1s0", "version 1")]
    assert re.search(r'<p id="v1s0" lang="">Paragraph 0 stays as it was.</p>', page)
    assert all(target in ids for _, target, _ in links)


def test_a_pairs_heading_gives_its_versions_and_times_not_the_title_again(tmp_path: Path) -> None:
    """Every pair's heading repeated the article's title, which the page's heading already
    gives: it says which versions it compares and when each was published."""
    from datetime import UTC, datetime

    times = [datetime(2024, 1, 5, hour, 30, tzinfo=UTC) for hour in (9, 11)]
    report = _report_of(tmp_path, "https://example.org/storm", (
        Version(0, "Storm hits the coast", ("It rained.",), times[0]),
        Version(1, "Storm hits the coast", ("It rained hard.",), times[1])))
    page = next(report.glob("000000-*.html")).read_text(encoding="utf-8")
    assert '<h1 lang="">Storm hits the coast</h1>' in page
    assert re.findall(r"<h2>version .*</h2>", page) == [
        ("<h2>version 0 <small>(2024-01-05 09:30:00+00:00)</small> &rarr; "
         "1 <small>(2024-01-05 11:30:00+00:00)</small></h2>")]


def test_export_md_says_how_a_pair_s_heading_reads_without_a_time(samples: Path,
                                                                  tmp_path: Path) -> None:
    # EXPORT.md gave every heading with two times; version files have none, and a News Sniffer
    # page's time is its text (`about 1 hour later`), which its first version lacks
    pages = str(samples.parent / "sniffer-diff" / "*.txt")
    headings = []
    for name, source in (("files", str(samples / "iran-strikes-us-troops-in-iraq")),
                         ("pages", pages)):
        run_export(ExportJob((source,), tmp_path / name, "html"))
        page = next((tmp_path / name).glob("000000-*.html")).read_text(encoding="utf-8")
        headings.append(re.findall(r"<h2>version .*</h2>", page)[0])
    assert headings == ["<h2>version 0 &rarr; 1</h2>",
                        "<h2>version 0 &rarr; 1 <small>(about 1 hour later)</small></h2>"]
    export_md = " ".join((ROOT / "docs" / "EXPORT.md").read_text(encoding="utf-8").split())
    assert ("times to the second, or as the input wrote them; a version without a time is its "
            "number alone, `version 0 → 1` for version files;") in export_md


def test_two_captures_in_one_minute_show_different_times(tmp_path: Path) -> None:
    """Times were cut to the minute: two captures a few seconds apart showed one time in the
    timeline and in the pair's heading. They show the seconds."""
    from datetime import UTC, datetime

    times = [datetime(2024, 1, 5, 9, 30, second, tzinfo=UTC) for second in (10, 50)]
    report = _report_of(tmp_path, "https://example.org/storm", (
        Version(0, "Storm hits the coast", ("It rained.",), times[0]),
        Version(1, "Storm hits the coast", ("It rained hard.",), times[1])))
    page = next(report.glob("000000-*.html")).read_text(encoding="utf-8")
    shown = ["2024-01-05 09:30:10+00:00", "2024-01-05 09:30:50+00:00"]
    assert re.findall(r"<td>(2024[^<]*)</td>", page) == shown
    assert re.findall(r"<small>\(([^)]*)\)</small>", page) == shown


class LanguageCollector(HTMLParser):
    """Each piece of a page's text with the language its element says (`lang`, inherited)."""

    VOID = frozenset({"meta", "br", "wbr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            inherited = self.open[-1][1] if self.open else None
            self.open.append((tag, dict(attrs).get("lang", inherited)))

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append((data.strip(), self.open[-1][1] if self.open else None))


def _languages(page: Path) -> dict[str, set[str | None]]:
    collector = LanguageCollector()
    collector.feed(page.read_text(encoding="utf-8"))
    languages: dict[str, set[str | None]] = {}
    for text, language in collector.texts:
        languages.setdefault(text, set()).add(language)
    return languages


def test_the_article_text_is_not_said_to_be_english(tmp_path: Path) -> None:
    """Every page said `lang="en"` whole, so a screen reader read a German article with English
    rules; no input says an article's language: its text says it is unknown (`lang=""`), and
    revdiff's own words stay English."""
    report = _report_of(tmp_path, "https://example.de/sturm", (
        Version(0, "Sturm an der Küste", ("Es regnet.", "Der Wind weht.")),
        Version(1, "Sturm erreicht die Küste", ("Es regnet stark.", "Der Wind weht."))))
    page = _languages(next(report.glob("000000-*.html")))
    for text in ("Sturm an der Küste", "Der Wind weht.", "Es regnet", "Sturm"):
        assert page[text] == {""}, text
    assert page["Timeline"] == {"en"} and page["title"] == {"en"}
    assert _languages(report / "index.html")["Sturm erreicht die Küste"] == {""}


def test_the_index_lists_the_inputs_skipped_with_their_reasons(tmp_path: Path) -> None:
    """With --skip-errors the index said nothing of the inputs left out, as if the corpus held
    only what it lists: they are listed below the articles, each with why, its name shown as
    text (an escape character as its symbol)."""
    chain = make_chain(tmp_path / "storm", [["It rained."], ["It rained hard."]])
    bad = tmp_path / "bad\x1b[31m.txt"
    bad.write_bytes(b"\x00\x01\x02 not text")
    missing = tmp_path / "gone"
    out = tmp_path / "report"
    run_export(ExportJob((str(chain), str(bad), str(missing)), out, "html", skip_errors=True))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "\x1b" not in index
    skipped = re.findall(r"<li><bdi>([^<]*)</bdi>: ([^<]*)</li>", index.split("<h2>Skipped</h2>")[1])
    assert [(html.unescape(what), reason.split(" (")[0]) for what, reason in skipped] == [
        (str(bad).replace("\x1b", "␛"), "input is binary data, not text"),
        (str(missing), "no such file or directory, and no file matches it as a glob")]
    assert "2 inputs or articles could not be read or compared" in index


def test_a_name_that_matches_nothing_is_skipped_in_its_place_among_the_inputs(
        tmp_path: Path) -> None:
    """A name that matched nothing was listed under `Skipped`, and said on stderr, before every
    other input, wherever it was given: the index lists the skips in input order."""
    single = make_chain(tmp_path / "calm", [["Nothing happened."]])
    chain = make_chain(tmp_path / "storm", [["It rained."], ["It rained hard."]])
    missing = tmp_path / "gone"
    lonely = make_chain(tmp_path / "quiet", [["Nothing at all."]])
    loose = make_chain(tmp_path / "loose", [["A note."], ["A longer note."]])
    notes: list[str] = []
    run_export(ExportJob((str(single), str(chain), str(loose / "0.txt"), str(missing),
                          str(loose / "1.txt"), str(lonely)), tmp_path / "report", "html",
                         skip_errors=True), on_note=notes.append)
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    skipped = re.findall(r"<li><bdi>([^<]*)</bdi>: ", index.split("<h2>Skipped</h2>")[1])
    in_input_order = [str(single), str(missing), str(lonely)]
    assert [html.unescape(what) for what in skipped] == in_input_order
    assert [note.split(": ")[0].removeprefix("skipped ") for note in notes
            if note.startswith("skipped ")] == in_input_order


def test_the_index_lists_an_input_of_one_version_as_skipped(tmp_path: Path) -> None:
    """An input of one version was noted `skipped X: only one version, nothing to compare` on
    stderr, but the index did not list it, as if the corpus held only what it lists."""
    chain = make_chain(tmp_path / "storm", [["It rained."], ["It rained hard."]])
    single = make_chain(tmp_path / "calm", [["Nothing happened."]])
    out = tmp_path / "report"
    progress = run_export(ExportJob((str(chain), str(single)), out, "html", skip_errors=True))
    index = (out / "index.html").read_text(encoding="utf-8")
    skipped = re.findall(r"<li><bdi>([^<]*)</bdi>: ([^<]*)</li>", index.split("<h2>Skipped</h2>")[1])
    assert [(html.unescape(what), reason) for what, reason in skipped] == [
        (str(single), "only one version, nothing to compare")]
    # one skip is said in the singular (it said `1 input or article ... are not in the report`),
    # and not as a failure (it said the article `could not be read or compared`)
    assert "1 input or article has only one version and is not in the report:" in index
    assert progress.failed_inputs == []  # nothing failed: the summary says none did


def test_the_index_heads_failures_and_articles_of_one_version_each_as_what_they_are(
        tmp_path: Path) -> None:
    """The heading over the skipped said they `could not be read or compared`, also over
    articles of one version, which were read and have nothing to compare."""
    chain = make_chain(tmp_path / "storm", [["It rained."], ["It rained hard."]])
    singles = [make_chain(tmp_path / name, [["Nothing happened."]]) for name in ("calm", "still")]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 not text")
    out = tmp_path / "report"
    run_export(ExportJob((str(chain), *map(str, singles)), out, "html", skip_errors=True))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "2 inputs or articles have only one version and are not in the report:" in index
    run_export(ExportJob((str(chain), str(singles[0]), str(bad)), out, "html", skip_errors=True))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert ("2 inputs or articles could not be read or compared, or have only one version, and "
            "are not in the report:") in index


def test_a_resumed_report_still_lists_the_article_the_interrupted_run_skipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An article that could not be exported is in the journal only: the resumed run, which
    does not export it again, lists it on the index as the first run would have, named by its
    input (it was named by the article's name, `broken` where the first run lists the folder)."""
    from revdiff.errors import RevdiffError
    from revdiff.export import driver, html_report, tasks

    folders = [make_chain(tmp_path / name, [[f"{name} began."], [f"{name} went on."]])
               for name in ("calm", "broken", "last")]
    render_html = html_report.render_html

    def failing_render(ref: Any, article: Any, comparisons: Any) -> Any:
        if "broken" in ref.name:
            raise ValueError("no room for this article")
        if "last" in ref.name and not resumed:
            raise KeyboardInterrupt
        return render_html(ref, article, comparisons)

    monkeypatch.setattr(html_report, "render_html", failing_render)
    monkeypatch.setattr(driver, "CHECKPOINT_ARTICLES", 1)  # a checkpoint after every article
    monkeypatch.setattr(tasks, "CHUNK_PAIRS", 1)
    job = ExportJob(tuple(map(str, folders)), tmp_path / "report", "html", skip_errors=True)
    resumed = False
    with pytest.raises(RevdiffError, match="interrupted"):
        run_export(job)
    resumed = True
    assert run_export(job, resume=True).resumed_articles == 1  # calm: broken was skipped
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    skipped = re.findall(r"<li><bdi>([^<]*)</bdi>: ([^<]*)</li>", index)
    assert [(html.unescape(what), reason) for what, reason in skipped] == [
        (str(folders[1]), "ValueError: no room for this article")]


class ReadAheadExecutor:
    """Runs each chunk at submission, in this process, as two workers would be given chunks:
    the driver reads up to eight chunks ahead of the results it writes."""

    workers = 2

    def submit(self, fn: Any, *args: Any) -> Any:
        return SerialExecutor().submit(fn, *args)

    def close(self, abandon: bool = False) -> None:
        pass


def test_the_index_lists_the_skipped_in_input_order_whatever_the_workers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An article that failed was listed when its result came back, an input the reader left
    out when it was read: with workers, whose chunks the reader runs ahead of, the one-version
    input after a failed article came first, so the index differed from --workers 1's."""
    from revdiff.export import html_report, tasks

    folders = [make_chain(tmp_path / "broken", [["It began."], ["It went on."]]),
               make_chain(tmp_path / "single", [["Nothing happened."]]),
               make_chain(tmp_path / "last", [["It rained."], ["It rained hard."]])]
    render_html = html_report.render_html

    def failing_render(ref: Any, article: Any, comparisons: Any) -> Any:
        if "broken" in ref.name:
            raise ValueError("no room for this article")
        return render_html(ref, article, comparisons)

    monkeypatch.setattr(html_report, "render_html", failing_render)
    monkeypatch.setattr(tasks, "CHUNK_PAIRS", 1)
    indexes = []
    for name, executor in (("serial", SerialExecutor()), ("pool", ReadAheadExecutor())):
        out = tmp_path / name
        run_export(ExportJob(tuple(map(str, folders)), out, "html", skip_errors=True),
                   executor=executor)
        indexes.append((out / "index.html").read_text(encoding="utf-8"))
    skipped = re.findall(r"<li><bdi>([^<]*)</bdi>: ([^<]*)</li>", indexes[0])
    assert [Path(what).name for what, _ in skipped] == ["broken", "single"]
    assert indexes[1] == indexes[0]


def test_the_timeline_leaves_out_a_time_told_from_a_version_not_listed_before_it(
        tmp_path: Path) -> None:
    """Versions 0, 1 and 3 of a NewsEdits file, timed as News Sniffer tells it: v3's `about 1
    hour later` counts from v2, and the timeline gave it on v3's row under v1's."""
    database = tmp_path / "skips.sqlite"
    write_database(database, [Article(None, "https://example.org/troops", tuple(
        Version(number, "Troops", (f"{number + 1} troops were sent.",), None,
                "about 1 hour later" if number else None) for number in (0, 1, 3)))])
    run_export(ExportJob((str(database),), tmp_path / "report", "html"))
    page = next((tmp_path / "report").glob("000000-*.html")).read_text(encoding="utf-8")
    assert re.findall(r'<tr><td class="num">(\d+)</td><td>([^<]*)</td>', page) == [
        ("0", ""), ("1", "about 1 hour later"), ("3", "")]


def test_the_timeline_counts_no_cut_mark_of_a_rendered_page_as_a_paragraph(tmp_path: Path) -> None:
    """A version a rendered NewsDiffs page cut to `[...]` was counted with its marks: 5
    paragraphs in the timeline for the 4 of text the page shows, compared and searched."""
    page = ROOT / "samples" / "newsdiffs" / "us-sends-3000-troops-v1-v2-rendered.html"
    (article,) = revdiff.load(str(page))
    assert [version.cut for version in article.versions] == [True, True]
    assert [version.paragraphs.count("[...]") for version in article.versions] == [1, 1]
    out = tmp_path / "report"
    run_export(ExportJob((str(page),), out, "html"))
    (report,) = (path for path in out.iterdir() if path.name != "index.html")
    cells = re.findall(r'<td class="num">([^<]*)</td>', report.read_text(encoding="utf-8"))
    paragraphs = cells[1::3]  # version, paragraphs, words
    assert paragraphs == [str(len(version.paragraphs) - 1) for version in article.versions]


def test_words_added_are_underlined_not_told_by_colour_alone(report: Path) -> None:
    """Words removed are struck out, but words added differed only by their green, which a reader
    who cannot tell green from grey, or a page printed without its backgrounds, loses: they are
    underlined, as the legend says."""
    (article_page,) = report.glob("000000-*.html")
    page = article_page.read_text(encoding="utf-8")
    [ins_rule] = re.findall(r"(?<![\w-])ins \{([^}]*)\}", page)
    assert "text-decoration: underline" in ins_rule and "none" not in ins_rule
    assert "<ins>words added</ins> underlined" in page


def test_the_rows_a_flattened_page_was_read_unsure_of_are_marked(tmp_path: Path) -> None:
    """The report showed the column splitter's guesses as it shows sure rows, where the tables
    give each edit's confidence and the app a `?`: each edit under 0.99 is marked `? N% sure`
    (its text, not a colour alone), never folded into a run of unchanged sentences; an exact
    page's rows are not."""
    page = ROOT / "samples" / "washpo-soleimani-v6-v7.txt"
    run_export(ExportJob((str(page),), tmp_path / "report", "html"))
    run_export(ExportJob((str(page),), tmp_path / "edits.jsonl", "jsonl"))
    edits = [json.loads(line) for line in (tmp_path / "edits.jsonl").read_text().splitlines()]
    unsure = [edit["confidence"] for edit in edits if edit["confidence"] < 0.99]
    assert unsure
    (article_page,) = (tmp_path / "report").glob("000000-*.html")
    shown = article_page.read_text(encoding="utf-8")
    marks = re.findall(r'<tr class="[a-z]+ unsure"[^>]*><td class="op">[^<]*'
                       r'<span class="sureness">\? ([0-9]+)% sure</span>', shown)
    assert [int(mark) for mark in marks] == [int(value * 100) for value in unsure]
    assert "unsure" in shown.split("How to read the tables", 1)[1].split("</p>", 1)[0]
    exact = ROOT / "samples" / "sniffer-diff" / "iran-strikes-v0-v1.html"
    run_export(ExportJob((str(exact),), tmp_path / "exact", "html"))
    (exact_page,) = (tmp_path / "exact").glob("000000-*.html")
    assert "sureness" not in exact_page.read_text(encoding="utf-8").split("</style>", 1)[1]


_PRINT_SCRIPT = """<script>
// the page's print rules, applied on screen, as a printer would have them
const printed = [];
for (const sheet of document.styleSheets) {
  for (const rule of sheet.cssRules) {
    if (rule instanceof CSSMediaRule && rule.media.mediaText === "print") {
      printed.push(...[...rule.cssRules].map((inner) => inner.cssText));
    }
  }
}
const style = document.createElement("style");
style.textContent = printed.join("\\n");
document.head.append(style);
const problems = [];
for (const folded of document.querySelectorAll("details p")) {
  if (!folded.checkVisibility()) problems.push("folded: " + folded.textContent);
}
for (const nav of document.querySelectorAll("nav, .back")) {
  if (nav.getClientRects().length > 0) problems.push("nav: " + nav.textContent);
}
for (const box of document.querySelectorAll(".sideways")) {
  if (getComputedStyle(box).overflowX !== "visible") problems.push("cut: " + box.className);
}
document.body.setAttribute("data-broken", JSON.stringify(problems));
document.body.setAttribute("data-overflow", document.documentElement.scrollWidth - innerWidth);
</script>"""


@pytest.mark.skipif(chromium_path() is None, reason="Chromium not installed (apt-get install "
                                                     "chromium) - layout test skipped")
def test_a_printed_page_shows_the_folded_sentences_and_no_navigation(tmp_path: Path) -> None:
    """The pages had no print style: a printout left out the sentences folded into a closed
    `N unchanged sentences`, printed the links that lead nowhere on paper, and cut the timeline
    at the edge of its scrolling box. Printed, the folded sentences show, no `<nav>` does, and no
    table scrolls."""
    report = _report_of(tmp_path, "https://example.org/storm", (
        Version(0, "Storm", tuple(f"Paragraph {k} says the storm hit." for k in range(8))),
        Version(1, "Storm", tuple(f"Paragraph {k} says the storm hit." for k in range(7))
                + ("The storm left.",))))
    (page,) = report.glob("000000-*.html")
    text = page.read_text(encoding="utf-8")
    assert "<details>" in text and "<nav>" in text and 'class="sideways"' in text
    problems, overflow = _layout_in_chromium(page, tmp_path, _PRINT_SCRIPT)
    assert problems == []
    assert overflow <= 0


def test_article_pages_link_their_neighbours_and_each_pair_back_to_the_timeline(
        tmp_path: Path) -> None:
    """An article page led only to the index, and a pair's table, far down a live blog's page,
    led nowhere: each page now links the previous and the next article's page (an article left
    out, of one version, has none and is passed over), and each pair's table the page's
    timeline."""
    database = tmp_path / "news.db"
    two = (Version(0, "T", ("One.",)), Version(1, "T", ("One, changed.",)))
    write_database(database, [Article(None, "https://example.org/first", two, 2),
                              Article(None, "https://example.org/alone", two[:1], 1),
                              Article(None, "https://example.org/third", two, 2),
                              Article(None, "https://example.org/last", two, 2)])
    run_export(ExportJob((str(database),), tmp_path / "report", "html"))
    pages = sorted((tmp_path / "report").glob("0*.html"))
    assert [page.name.rsplit("-", 1)[1] for page in pages] == ["first.html", "third.html",
                                                                 "last.html"]
    links = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        links.append((re.findall(r'<a href="([^"]*)" rel="prev">', text),
                      re.findall(r'<a href="([^"]*)" rel="next">', text)))
        assert '<h2 id="timeline">' in text
        sections = text.split("<section ")[1:]
        assert sections and all('<a href="#timeline">' in section for section in sections)
    first, third, last = (page.name for page in pages)
    assert links == [([], [third]), ([first], [last]), ([third], [])]


# A flattened page whose one unsure row is blank (an ideographic space): a paragraph that gives
# no sentence, so no edit rests on it and no row of the tables is marked.
BLANK_UNSURE_ROW_PAGE = (
    "This article is from the source 'bbc' and was first published or seen on .\n\n"
    "Version 0 Version 1\nStorm hits coast Storm hits coast\n"
    "The storm came ashore.The storm came ashore.\n\u3000\nMore details to follow.More details to follow.\n")


def test_the_legend_explains_no_unsure_mark_that_no_row_shows(tmp_path: Path) -> None:
    """The legend said what `? N% sure` means whenever the pair's reading was unsure, but the
    tables mark rows edit by edit: a page whose one unsure row is blank (no sentence, no edit)
    explained a mark it never showed. It explains the mark only where a row shows it."""
    page = tmp_path / "storm.txt"
    page.write_text(BLANK_UNSURE_ROW_PAGE, encoding="utf-8")
    run_export(ExportJob((str(page),), tmp_path / "report", "html"))
    (article_page,) = (tmp_path / "report").glob("000000-*.html")
    shown = article_page.read_text(encoding="utf-8").split("</style>", 1)[1]
    assert "How to read the tables" in shown
    assert "sureness" not in shown and "% sure" not in shown


def _description(svg: str) -> str:
    """What a screen reader is told of a chart beside its name: its `<desc>`. Inside an element
    of `role="img"` the points' own tooltips (`<title>` in a `<g>` or a `<circle>`) are never
    read out."""
    root = ElementTree.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-label")
    [description] = root.findall("{http://www.w3.org/2000/svg}desc")
    return str(description.text)


def test_each_chart_tells_a_screen_reader_its_numbers() -> None:
    """A chart's text alternative was its name alone (`words added and removed per version
    pair`): the numbers it draws were only in tooltips a screen reader never reaches. Its
    `<desc>` now gives each point's, as the tooltips do."""
    assert _description(words_chart([5, 0], [1, 2], ["0→1", "1→2"])) == \
        "0→1: +5 / -1 words; 1→2: +0 / -2 words"
    assert _description(line_chart([0.59, 0.004], ["0→1", "1→2"], label="share changed",
                                   maximum=1.0, shares=True)) == "0→1: 59%; 1→2: <1%"
    assert _description(line_chart([49, 1234567], ["0", "1"], label="length")) == \
        "0: 49; 1: 1234567"
    assert _description(sparkline([0.59, 0.1])) == "per version pair, in order: 59%, 10%"


def test_the_index_writes_no_empty_isolate_for_an_article_without_a_source(tmp_path: Path) -> None:
    """An article without a source left `<bdi></bdi>` in its source cell: an element of nothing,
    which a screen reader may still step into."""
    database = tmp_path / "news.db"  # no URL either, which would name the site as the source
    write_database(database, [Article(None, None, (
        Version(0, "T", ("It rained.",)), Version(1, "T", ("It rained hard.",))), 2)])
    run_export(ExportJob((str(database),), tmp_path / "report", "html"))
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert '<td class="source"></td>' in index and "<bdi></bdi>" not in index


def test_a_line_break_in_a_sentence_shows_as_the_text_output_shows_it() -> None:
    """A version's paragraph may hold a line break (a stored version keeps one): the page wrote
    it bare, which a browser draws as a space, so `First line␊second line` read as one line and
    a merge of two paragraphs (`[-¶-]` in the text output) as a space struck out for nothing.
    On a row, in a fold and in a change it shows as `revdiff diff` shows it."""
    kept = ("Kept\tone.", "Kept two.", "Kept three.", "Kept four.")
    old = Version(0, "T", ("Folded\nline.", *kept, "First line\nsecond line here.",
                           "Support truly", "independent journalism."))
    new = Version(1, "T", ("Folded\nline.", *kept, "First line\nsecond line there.",
                           "Support truly independent journalism."))
    table = comparison_table(compare(old, new))
    assert "<p lang=\"\">Folded␊line.</p>" in table and "<p lang=\"\">Kept␉one.</p>" in table
    assert "<td lang=\"\">First line␊second line <del>here</del>.</td>" in table
    assert "<td lang=\"\">Support truly<del>¶</del> independent journalism.</td>" in table
    assert "\t" not in table and not re.search(r"<td[^>]*>[^<]*\n", table)


def test_a_title_whose_line_break_became_a_space_marks_the_break_as_the_text_output_does() -> None:
    """The title row diffed the titles with their breaks already shown as `␊`, so a break that
    became a space showed as a struck `␊` and an added space (`[-␊-]{+ +}`), where the text output
    and a row's sentences show a `¶` struck beside the space kept: the titles are diffed as
    they are, and shown as lines once."""
    old = Version(0, "Storm line\ntwo", ("It rained.",))
    new = Version(1, "Storm line two", ("It rained.",))
    table = comparison_table(compare(old, new))
    assert '<td lang="">Storm line<del>¶</del> two</td>' in table
    assert '<td lang="">Storm line two</td>' in table


def test_a_changed_control_sequence_is_marked_whole_in_the_table() -> None:
    """The tables cut a changed escape sequence where its parameters differ
    (`␛[<del>31mred</del>`, `␛[<ins>32mgreen</ins>`), as the text output no longer does: the
    sequence is struck out and underlined whole, in a row and in the title's row."""
    old = Version(0, "Say \x1b[31mred\x1b[0m now.", ("Say \x1b[31mred\x1b[0m now.",))
    new = Version(1, "Say \x1b[32mgreen\x1b[0m now.", ("Say \x1b[32mgreen\x1b[0m now.",))
    table = comparison_table(compare(old, new))
    assert table.count("Say <del>␛[31mred</del>␛[0m now.") == 2
    assert table.count("Say <ins>␛[32mgreen</ins>␛[0m now.") == 2
