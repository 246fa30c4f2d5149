"""What trackers leave behind, through the CLI: each kind is read; JSON, feeds and unknown SQLite
files are refused with one line saying what they are."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import revdiff
from story_chains import SAMPLES

from revdiff.errors import RevdiffError
from revdiff.formats import databases
from revdiff.formats.detect import Format, detect
from revdiff.formats.foreign import describe_feed, describe_json, describe_wrapped_page


@pytest.mark.parametrize(("sample", "tracker", "count"), [
    ("nytdiff-titles.db", "nytdiff", 3), ("nytdiff-rss-titles.db", "nytdiff-rss", 3),
    ("diffengine.db", "diffengine", 3),
    ("snapshots/iran-strikes-us-troops-in-iraq", "saved pages", 1)])
def test_parse_reads_each_kind(sample: str, tracker: str, count: int,
                               request: pytest.FixtureRequest) -> None:
    if sample.startswith("snapshots/"):
        request.getfixturevalue("trafilatura")
    result = revdiff("parse", str(SAMPLES / sample), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(articles) == count
    assert all(a["metadata"]["tracker"] == tracker and a["url"] for a in articles)
    assert all(v["time"] and v["title"] for a in articles for v in a["versions"])


def test_diff_takes_a_tracker_database() -> None:
    result = revdiff("diff", str(SAMPLES / "diffengine.db"), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    pairs = {(row["article"], row["old_version"], row["new_version"])
             for row in map(json.loads, result.stdout.splitlines())}
    assert len(pairs) == 3 + 4 + 2  # the consecutive pairs of the three chains


FEED = ('<?xml version="1.0" encoding="UTF-8"?>\n<!-- generator -->\n<rss version="2.0"><channel>'
        "<title>News</title><item><title>A</title></item></channel></rss>\n")
ATOM = '<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title></feed>\n'
# a document type declaration before the root: RSS 0.91's own, and entities that expand
# a thousandfold (a "billion laughs"), which the feed must be refused before anything reads
RSS_091 = ('<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS '
           '0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
           "<rss version=\"0.91\"><channel><title>News</title></channel></rss>\n")
LAUGHS = ('<!DOCTYPE feed [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
          '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
          '<feed xmlns="http://www.w3.org/2005/Atom"><title>&c;</title></feed>\n')


@pytest.mark.parametrize(("content", "said"), [
    ('{"title": "A", "versions": []}\n', "a JSON document (keys: 'title', 'versions')"),
    ('[{"url": "u"}, {"url": "v"}]', "a JSON list of 2 items (keys: 'url')"),
    ('[{"url": "u"}]', "a JSON list of 1 item (keys: 'url')"),  # it said `1 item(s)`
    ('{"id": 1}\n{"id": 2}\n', "a JSON Lines file (keys: 'id')"),
    ('{"title": "cut sho', "text that opens like JSON but is not valid JSON"),
    (FEED, "an RSS feed"), (ATOM, "an Atom feed"), (RSS_091, "an RSS feed"),
    (LAUGHS, "an Atom feed")])
def test_json_and_feeds_are_refused_with_what_they_are(tmp_path: Path, content: str,
                                                       said: str) -> None:
    path = tmp_path / "input.txt"
    path.write_text(content, "utf-8")
    result = revdiff("parse", str(path))
    assert result.returncode == 2 and result.stdout == ""
    line, = result.stderr.splitlines()
    assert f"{path}: this is {said}" in line and "revdiff reads" in line


@pytest.mark.parametrize(("first", "second"), [
    ("k" * 40 + "1", "k" * 40 + "2"),  # alike in their first 40 characters
    ("ab", "a\x01b"),  # alike but for a control character
])
def test_json_keys_are_quoted_apart(first: str, second: str) -> None:
    """Each key was cut to 40 characters and its control characters dropped: two different keys
    read alike."""
    said = [describe_json(json.dumps({key: 1}))[0] for key in (first, second)]
    assert said[0] != said[1]
    assert not any(c in " ".join(said) for c in "\x01\x1b")


@pytest.mark.parametrize(("content", "said", "todo"), [
    ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (Troops 700) Tj ET\n", "a PDF document",
     "save its text with pdftotext FILE"),
    ("{\\rtf1\\ansi {\\b Troops} 700 arrived.}\n", "an RTF document", "save it as plain text")])
def test_a_pdf_or_rtf_document_that_reads_as_text_is_refused(tmp_path: Path, content: str,
                                                              said: str, todo: str) -> None:
    """A PDF whose streams are not compressed, or an RTF file, was diffed markup and all, exit 0
    (`%PDF-1.4` a paragraph, `number_changed` on its object numbers)."""
    path = tmp_path / "story.txt"
    path.write_text(content, "utf-8")
    result = revdiff("diff", str(path), str(path))
    assert result.returncode == 2 and result.stdout == ""
    line, = result.stderr.splitlines()
    assert f"{path}: this is {said}, not a version format ({todo}" in line


PAGE = (SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.html").read_text("utf-8")
MHTML = ("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
         '\ttype="text/html";\r\n\tboundary="--b"\r\n\r\n\r\n----b\r\n'
         "Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
         + PAGE.replace("=", "=3D") + "\r\n----b--\r\n")
CURL_I = "HTTP/2 200 \r\ncontent-type: text/html; charset=utf-8\r\nserver: x\r\n\r\n" + PAGE


@pytest.mark.parametrize(("content", "said", "to_do"), [
    (MHTML, 'an MHTML archive (the MIME file a browser writes for "Webpage, Single File")',
     'save the page again as HTML ("Webpage, Complete" or "Webpage, HTML only")'),
    # a page that declares its charset, as Chrome writes it into every MHTML archive
    # (`charset=3DUTF-8`): refused as declaring the character set '3DUTF-8'
    (MHTML.replace("<head>", '<head><meta http-equiv=3D"Content-Type" content=3D"text/html; '
                             'charset=3DUTF-8">', 1),
     "an MHTML archive", 'save the page again as HTML ("Webpage, Complete" or "Webpage, HTML only")'),
    (MHTML.replace("<head>", '<head><meta charset=3D"utf-8">', 1),
     "an MHTML archive", 'save the page again as HTML ("Webpage, Complete" or "Webpage, HTML only")'),
    (CURL_I, "an HTTP response with its headers", "save the response's body alone"),
    # through a proxy, and after an interim answer: both were read as plain text
    ("HTTP/1.1 200 Connection established\r\n\r\n" + CURL_I,
     "an HTTP response with its headers", "save the response's body alone"),
    ("HTTP/1.1 200 OK\r\n\r\n" + CURL_I,  # a proxy that answers CONNECT without a reason
     "an HTTP response with its headers", "save the response's body alone"),
    ("HTTP/1.1 100 Continue\r\n\r\n" + CURL_I.replace("HTTP/2 200 ", "HTTP/1.1 200 OK"),
     "an HTTP response with its headers", "save the response's body alone"),
    # `curl -iL`: the redirect it followed first, without a body
    ("HTTP/1.1 301 Moved Permanently\r\nLocation: https://x.test/a\r\nContent-Length: 0\r\n"
     "\r\n" + CURL_I, "an HTTP response with its headers", "save the response's body alone"),
    ("Saved on Tuesday\n\n" + PAGE, ("a web page with other text before its markup (the page "
                                      "starts at line 3)"), "remove the lines before line 3"),
    # a comment after the page's end that holds a `</html>`, as a page cache writes one: read as
    # one plain version of raw markup, the comment's `</html>` taken for the page's end
    ("Saved on Tuesday\n\n" + PAGE.rstrip() + "\n<!-- cached copy of </html> -->\n",
     "a web page with other text before its markup (the page starts at line 3)",
     "remove the lines before line 3"),
    ("Saved on Tuesday\n\n" + PAGE.replace("</html>", "</HTML\n>"),
     "a web page with other text before its markup (the page starts at line 3)",
     "remove the lines before line 3")])
def test_a_page_wrapped_in_something_else_is_refused_with_what_to_do(
        tmp_path: Path, content: str, said: str, to_do: str) -> None:
    # each was read as one plain version of raw markup or MIME text, exit 0, without a warning
    path = tmp_path / "page.html"
    path.write_text(content, "utf-8")
    result = revdiff("parse", str(path))
    assert result.returncode == 2 and result.stdout == ""
    line, = result.stderr.splitlines()
    assert f"{path}: this is {said}" in line and to_do in line


@pytest.mark.parametrize("text", [
    "Date: Tuesday\nSubject: the strikes\n\nIran fired missiles.\n",
    "HTTP/1.1 200 OK is what the server said.\n\nThen it failed.\n",
    "The page began:\n<html lang=en>\nand nothing else.\n",
    # an article that quotes a whole page, and goes on after it
    ("HTML element\nAn element looks like this:\n<!DOCTYPE html>\n<html>\n<head></head>\n"
     "<body><p>Hello</p></body>\n</html>\nElements can be nested.\n"),
    # a tutorial whose last lines are the listing of a small page, a response quoted without
    # any HTML, an e-mail that names a multipart type but holds no page: each was refused
    ("Writing your first page\nSave this as index.html and open it:\n\n<html>\n"
     "<head><title>Hi</title></head>\n<body><p>Hello</p></body>\n</html>\n"),
    ("HTTP/1.1 200 OK\nContent-Type: text/plain\n\nThe server answered at once.\n\n"
     "Then it failed.\n"),
    ("From: desk@example.com\nContent-Type: multipart/related; boundary=x\n\n"
     "The strikes began at dawn.\n\nIran answered within hours.\n"),
])
def test_text_that_quotes_markup_or_headers_stays_plain(text: str) -> None:
    assert detect(text) is Format.PLAIN


def test_a_flattened_page_with_rows_of_markup_is_a_page() -> None:
    # a flattened diff page with rows that are markup
    flattened = (SAMPLES / "washpo-soleimani-v6-v7.txt").read_text("utf-8").split("\n")
    flattened[20:20] = ["<html>", "<body>", "</html>"]
    assert detect("\n".join(flattened)) is Format.SNIFFER_DIFF_TEXT


def test_a_page_behind_a_long_comment_is_a_page() -> None:
    # a licence comment of more than 4 KB before the page made it "text before its markup"
    page = "<!--\n" + "Licensed under terms of its own.\n" * 200 + "-->\n" + PAGE
    assert detect(page) is Format.SNIFFER_DIFF_HTML


def test_unknown_sqlite_names_its_tables_and_what_is_read(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE posts (id INTEGER, body TEXT)")
    connection.commit()
    connection.close()
    result = revdiff("parse", str(path))
    assert result.returncode == 2
    line, = result.stderr.splitlines()
    assert "SQLite file of no tracker revdiff knows (tables: posts)" in line
    assert "NYTdiff" in line and "diffengine" in line


def test_a_newsedits_sentence_file_is_refused_saying_which_file_holds_the_versions(
        tmp_path: Path) -> None:
    # NewsEdits ships an outlet's sentences apart from its versions (ap-matched-sentences.db
    # beside ap.db): the line says what the file is and which one to give instead
    path = tmp_path / "ap-matched-sentences.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE split_sentences (entry_id INTEGER, version INTEGER, "
                       "sent_idx INTEGER, sentence TEXT)")
    connection.execute("CREATE TABLE matched_sentences (entry_id INTEGER, version_x INTEGER, "
                       "version_y INTEGER, sent_idx_x INTEGER, sent_idx_y INTEGER, "
                       "avg_sentence_distance_x REAL, avg_sentence_distance_y REAL)")
    connection.execute("CREATE TABLE doc_level_stats (entry_id INTEGER, version_x INTEGER, "
                       "version_y INTEGER)")
    connection.execute("INSERT INTO split_sentences VALUES (1, 0, 0, 'One.')")
    connection.commit()
    connection.close()
    result = revdiff("parse", str(path))
    assert result.returncode == 2 and result.stdout == ""
    line, = result.stderr.splitlines()
    assert ("a NewsEdits sentence file (tables: doc_level_stats, matched_sentences, "
            "split_sentences), which holds no versions") in line
    assert "give the outlet's NewsEdits versions file, whose entryversion table" in line


def test_text_that_merely_mentions_json_or_feeds_stays_plain() -> None:
    assert detect("[Updated] The minister said {sic} the rss feed was down.\n") is Format.PLAIN
    assert describe_feed("<p>An rss feed</p>") is None
    assert describe_json("{Editor's note} This story has been updated.") is None
    assert detect(FEED) is Format.FEED and detect('{"a": 1}') is Format.JSON


@pytest.mark.usefixtures("trafilatura")
def test_export_takes_databases_and_saved_pages_together(tmp_path: Path) -> None:
    out = tmp_path / "edits.jsonl"
    result = revdiff("export", str(SAMPLES / "nytdiff-titles.db"), str(SAMPLES / "diffengine.db"),
                 str(SAMPLES / "snapshots" / "iran-strikes-us-troops-in-iraq"), "-o", str(out),
                 "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert "exported 7 articles, 22 version pairs" in result.stdout + result.stderr
    assert out.read_text("utf-8").count('"new_version": 5') > 0  # the Iran chain, 5 versions


def article_order(*arguments: str) -> list[int]:
    """The version count of each article in the order the edit rows give them."""
    rows = [json.loads(line) for line in revdiff(*arguments).stdout.splitlines()]
    counts: dict[int, int] = {}
    for row in rows:
        counts[row["article_index"]] = max(counts.get(row["article_index"], 0), row["new_version"])
    return [counts[index] for index in sorted(counts)]


def test_diff_and_export_give_articles_in_one_order(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("One.\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("Two.\n", encoding="utf-8")
    inputs = [str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), str(SAMPLES / "diffengine.db")]
    order = article_order("diff", *inputs, "--format", "jsonl")
    assert order[0] == 1  # the loose files, given first, come first (they came last)
    assert order == article_order("export", *inputs, "-o", "-")


def test_a_database_on_standard_input_is_refused_with_what_to_do() -> None:
    result = subprocess.run([sys.executable, "-m", "revdiff", "parse", "-"], capture_output=True,
                            input=(SAMPLES / "newsedits.sqlite").read_bytes(), timeout=120,
                            check=False)
    assert result.returncode == 2
    assert result.stderr.decode() == ("revdiff: error: -: a SQLite database cannot be read from "
                                      "standard input (give the database file's path instead of -)\n")


@pytest.mark.parametrize("name", ["outlet.sqlite", "titles.DB"])
def test_a_text_file_named_as_a_database_is_read_as_text_with_a_warning(tmp_path: Path,
                                                                        name: str) -> None:
    """It was read as one plain version without a word: a download that saved an error page
    in the database's place, or a file renamed by mistake."""
    path = tmp_path / name
    path.write_text("Not found.\n", encoding="utf-8")
    result = revdiff("parse", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["versions"][0]["paragraphs"] == ["Not found."]
    assert result.stderr == (f"revdiff: warning: {path}: named as a SQLite database, but it is "
                             "text (it does not begin as SQLite's files do); read as text (give "
                             "the database itself, or rename the file)\n")


def test_a_text_file_named_as_a_database_in_a_folder_is_a_version_with_a_warning(
        tmp_path: Path) -> None:
    """Named on the command line, such a file was noted; in a folder, it was read in silence."""
    (tmp_path / "0.txt").write_text("First.\n", encoding="utf-8")
    (tmp_path / "1.sqlite").write_text("Not found.\n", encoding="utf-8")
    result = revdiff("parse", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    versions = json.loads(result.stdout)[0]["versions"]
    assert [v["paragraphs"] for v in versions] == [["First."], ["Not found."]]
    assert result.stderr == (f"revdiff: warning: {tmp_path / '1.sqlite'}: named as a SQLite "
                             "database, but it is text (it does not begin as SQLite's files do); "
                             "read as text (give the database itself, or rename the file)\n")


def test_a_broken_view_is_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "titles.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (a)")
    connection.execute("CREATE VIEW nyt_versions AS SELECT a FROM t")
    connection.execute("DROP TABLE t")
    connection.commit()
    connection.close()
    result = revdiff("parse", str(path))
    assert result.returncode == 2
    line, = result.stderr.splitlines()
    assert str(path) in line


def _undefined_in_a_view(connection: sqlite3.Connection) -> None:
    connection.create_function("house_clean", 1, lambda text: text)
    connection.execute("CREATE TABLE raw (entry_id, version, summary)")
    connection.execute("CREATE VIEW entryversion AS "
                       "SELECT entry_id, version, house_clean(summary) AS summary FROM raw")


def _undefined_in_a_column(connection: sqlite3.Connection) -> None:
    connection.create_collation("house_order", lambda a, b: (a > b) - (a < b))
    connection.execute("CREATE TABLE entryversion (entry_id TEXT COLLATE house_order, version, "
                       "summary)")
    connection.execute("INSERT INTO entryversion VALUES ('1', 1, 'One.'), ('1', 2, 'Two.')")


@pytest.mark.parametrize(("make", "said", "needed"), [
    (_undefined_in_a_view, "cannot read the SQLite schema (no such function: house_clean)",
     "the SQL function 'house_clean'"),
    (_undefined_in_a_column, "cannot read entryversion (no such collation sequence: house_order)",
     "the collation 'house_order'")])
def test_a_function_or_collation_of_the_writer_is_one_line_saying_what_to_do(
        tmp_path: Path, make: Callable[[sqlite3.Connection], None], said: str,
        needed: str) -> None:
    """A view calling a function, or a column ordered by a collation, that the program which
    wrote the file defined for itself: the hint listed the kinds of database revdiff reads, or
    there was none."""
    path = tmp_path / "outlet.sqlite"
    connection = sqlite3.connect(path)
    make(connection)
    connection.commit()
    connection.close()
    result = revdiff("parse", str(path))
    assert result.returncode == 2
    line, = result.stderr.splitlines()
    assert line == (f"revdiff: error: {path}: {said} (only the program that wrote the file "
                    f"defines {needed}: give the file the tracker wrote, or have that program "
                    "copy its rows into plain tables)")


@pytest.mark.parametrize("sample", ["nytdiff-titles.db", "nytdiff-rss-titles.db", "diffengine.db"])
def test_reading_leaves_the_database_untouched(sample: str) -> None:
    before = (SAMPLES / sample).read_bytes()
    assert revdiff("parse", str(SAMPLES / sample)).returncode == 0
    assert (SAMPLES / sample).read_bytes() == before
    assert not (SAMPLES / f"{sample}-journal").exists()


@pytest.mark.parametrize("table", ["<table class=version_diff>", "<TABLE CLASS=\"version_diff\">",
                                   "<table id='d' class = 'wide version_diff'>"])
def test_a_diff_table_tag_written_otherwise_is_read(tmp_path: Path, table: str) -> None:
    # a minifier drops the quotes, an old browser saves tags in capitals: both were refused as
    # "neither a News Sniffer nor a NewsDiffs page"
    path = tmp_path / "page.html"
    path.write_text(PAGE.replace('<table class="version_diff">', table), "utf-8")
    assert detect(path.read_text("utf-8")) is Format.SNIFFER_DIFF_HTML
    result = revdiff("parse", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(revdiff("parse", str(
        SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.html")).stdout)


def test_many_comments_before_a_page_are_read_through() -> None:
    # the feed test repeated `<!--.*?-->` in one pattern: time exponential in the comments
    # (20 took 54 s; 300 would not have ended)
    assert detect("<!-- c -->\n" * 300 + PAGE) is Format.SNIFFER_DIFF_HTML
    assert describe_feed("<!-- c -->\n" * 300 + "<rss></rss>") == "an RSS feed"


def test_a_page_whose_new_version_is_dated_before_the_old_one_is_warned(tmp_path: Path) -> None:
    """News Sniffer's page dated its new version an hour before the old one without a word; the
    database readers warned of such times, the pages did not. Also across two pages of a chain."""
    from revdiff.formats import load

    back = tmp_path / "back.html"
    back.write_text(PAGE.replace('datetime="2020-01-08T00:25:00Z"', 'datetime="2020-01-07T22:00:00Z"'),
                    "utf-8")
    (article,) = load([str(back)])
    contradiction = (f"{back}:30: the time row calls version 1 'about 1 hour later' than version 0, "
                     "but its <time datetime> is before that version's: the page contradicts "
                     "itself; its <time datetime> values are kept")
    warning = (f"{back}: version 1 is dated before version 0 (2020-01-07 22:00:00+00:00 < "
               "2020-01-07 23:10:00+00:00); kept in version order")
    assert article.warnings == (contradiction, warning)
    next_page = SAMPLES / "sniffer-diff" / "iran-strikes-v1-v2.html"
    late = tmp_path / "late.html"
    late.write_text(next_page.read_text("utf-8").replace('datetime="2020-01-08T00:25:00Z"',
                                                         'datetime="2020-01-08T03:00:00Z"'), "utf-8")
    earlier = SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.html"
    (article,) = load([str(late), str(earlier)])
    shown_otherwise = (f"{earlier}: version 1 has the time '2020-01-08T00:25:00+00:00' where {late} "
                       f"shows '2020-01-08T03:00:00+00:00'; kept {late}'s")
    dated_back = ("version 2 is dated before version 1 (2020-01-08 02:40:00+00:00 < "
                  "2020-01-08 03:00:00+00:00); kept in version order")
    late_contradiction = (f"{late}:30: the time row calls version 2 'about 1 hour later' than "
                          "version 1, but its <time datetime> is before that version's: the page "
                          "contradicts itself; its <time datetime> values are kept")
    assert article.warnings == (late_contradiction, shown_otherwise, f"{article.url}: {dated_back}")
    (clean,) = load([str(SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.html"), str(next_page)])
    assert clean.warnings == ()


@pytest.mark.parametrize(("sample", "table"), [("diffengine.db", "entryversion"),
                                               ("nytdiff-titles.db", "nyt_versions")])
def test_a_title_that_is_not_utf8_is_read_with_its_bad_bytes_replaced(
        tmp_path: Path, sample: str, table: str) -> None:
    """A TEXT cell holding bytes that are not UTF-8 (SQLite checks nothing) stopped the reading of
    the whole file: `cannot read entryversion (Could not decode to UTF-8 ...)`."""
    database = tmp_path / sample
    database.write_bytes((SAMPLES / sample).read_bytes())
    with sqlite3.connect(database) as connection:
        connection.execute(f"UPDATE {table} SET title = CAST(x'436166e9' AS TEXT) "
                           f"WHERE id = (SELECT min(id) FROM {table})")
    result = revdiff("parse", str(database), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "Caf\ufffd" in result.stdout


@pytest.mark.parametrize("bullet", ["", "  * "])
def test_a_newsdiffs_page_saved_as_text_is_refused(tmp_path: Path, bullet: str) -> None:
    """A rendered NewsDiffs page saved as text glues its deleted and inserted runs: it was read
    as one plain version holding both texts run together (`15:407:12:00`), exit 0."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((SAMPLES / "newsdiffs" / "us-deploys-troops-v1-v2-rendered.html")
                         .read_text("utf-8"), "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    for item in soup("li"):
        item.insert(0, bullet)
    path = tmp_path / "diff.txt"
    path.write_text(soup.get_text(), "utf-8")
    result = revdiff("parse", str(path))
    assert result.returncode == 2 and result.stdout == ""
    line, = result.stderr.splitlines()
    assert f"{path}: this is a NewsDiffs diff page saved as text" in line
    assert "save the page as HTML" in line


UNIFIED_DIFF = ("--- 0.txt\t2020-01-01 00:00:00\n+++ 1.txt\t2020-01-02 00:00:00\n@@ -1,2 +1,2 @@\n"
                "-Troops arrived.\n+Troops left.\n Iran answered.\n")
GIT_PATCH = ("From 1234567890abcdef Mon Sep 17 00:00:00 2001\nFrom: A <a@example.com>\n"
             "Subject: [PATCH] update the story\n\n---\n story.txt | 2 +-\n\n"
             "diff --git a/story.txt b/story.txt\nindex 1111111..2222222 100644\n"
             + UNIFIED_DIFF.replace("0.txt\t2020-01-01 00:00:00", "a/story.txt")
             .replace("1.txt\t2020-01-02 00:00:00", "b/story.txt"))
CONTEXT_DIFF = ("*** 0.txt\t2020-01-01\n--- 1.txt\t2020-01-02\n***************\n*** 1,2 ****\n"
                "! Troops arrived.\n  Iran answered.\n--- 1,2 ----\n! Troops left.\n"
                "  Iran answered.\n")


@pytest.mark.parametrize("content", [UNIFIED_DIFF, GIT_PATCH, CONTEXT_DIFF])
def test_a_diff_or_patch_file_is_refused_saying_to_give_the_versions(tmp_path: Path,
                                                                      content: str) -> None:
    # each was read as one plain version of its `-` and `+` lines, exit 0, without a warning
    path = tmp_path / "story.patch"
    path.write_text(content, "utf-8")
    result = revdiff("parse", str(path))
    assert result.returncode == 2 and result.stdout == ""
    line, = result.stderr.splitlines()
    assert f"{path}: this is a diff (a patch)" in line and "give the versions themselves" in line


def test_prose_with_dashes_and_pluses_stays_plain() -> None:
    assert detect("--- Update ---\n+++ Breaking +++\nTroops left the base.\n") is Format.PLAIN


WARC = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.test/a\r\n"
        "WARC-Date: 2020-01-04T09:30:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        "Content-Length: 120\r\n\r\n" + CURL_I.replace("HTTP/2 200 ", "HTTP/1.1 200 OK")
        + "\r\n\r\nWARC/1.0\r\nWARC-Type: request\r\n\r\n")


def test_a_warc_file_is_refused_saying_to_take_its_pages_out() -> None:
    # it was read as one plain version of its records' headers and markup, exit 0
    what, to_do = describe_wrapped_page(WARC) or ("", "")
    assert detect(WARC) is Format.WRAPPED_PAGE
    assert what == "a WARC web archive" and "one file per capture" in to_do


WIKI_EXPORT = ('<?xml version="1.0" encoding="utf-8"?>\n<mediawiki xmlns="http://www.mediawiki.org'
               '/xml/export-0.10/" version="0.10" xml:lang="en">\n<page><title>Iran</title>\n'
               '<revision><id>1</id><text xml:space="preserve">Troops arrived.</text></revision>\n'
               '<revision><id>2</id><text xml:space="preserve">Troops left.</text></revision>\n'
               "</page>\n</mediawiki>\n")


@pytest.mark.parametrize("content", [WIKI_EXPORT, WIKI_EXPORT.split("\n", 1)[1]])
def test_a_wiki_export_is_refused_saying_to_give_its_revisions_as_files(tmp_path: Path,
                                                                         content: str) -> None:
    # it was read as one plain version of its XML, exit 0
    path = tmp_path / "Iran.xml"
    path.write_text(content, "utf-8")
    result = revdiff("parse", str(path))
    assert result.returncode == 2 and result.stdout == ""
    line, = result.stderr.splitlines()
    assert f"{path}: this is a MediaWiki XML export" in line and "0.txt, 1.txt" in line


CDX = ("com,example)/news/iran 20200104093000 https://example.com/news/iran text/html 200 "
       "AB3XQ 10240\ncom,example)/news/iran 20200104120000 https://example.com/news/iran "
       "text/html 200 CD7YR 10311\n")


@pytest.mark.parametrize("content", [CDX, " CDX N b a m s k r M S V g\n" + CDX])
def test_a_wayback_cdx_listing_is_refused_saying_to_save_its_captures(tmp_path: Path,
                                                                      content: str) -> None:
    # it was read as one plain version of its lines, exit 0
    path = tmp_path / "iran.cdx"
    path.write_text(content, "utf-8")
    result = revdiff("parse", str(path))
    assert result.returncode == 2 and result.stdout == ""
    line, = result.stderr.splitlines()
    assert f"{path}: this is a Wayback Machine CDX listing" in line
    assert "web.archive.org/web/TIMESTAMPid_/URL" in line


def test_a_version_that_opens_with_a_dateline_and_an_address_stays_plain() -> None:
    assert detect("Tehran (Reuters) 20200104 https://example.com/a said so.\n") is Format.PLAIN


@pytest.mark.parametrize(("content", "columns"), [
    (('url,time,text\nhttps://x.test/a,2020-01-04,"Troops arrived.\n\nIran answered."\n'
      "https://x.test/a,2020-01-05,Troops left.\n"), "url, time, text (CSV)"),
    ("version\tcreated\tsummary\n1\t2020-01-04\tTroops arrived.\n", "version, created, summary (TSV)"),
    ('"id";"body"\n1;"Troops arrived."\n', "id, body (CSV)")])
def test_a_table_of_versions_is_refused_saying_to_give_them_as_files(tmp_path: Path, content: str,
                                                                     columns: str) -> None:
    # it was read as one plain version, a paragraph a row, exit 0
    path = tmp_path / "versions.csv"
    path.write_text(content, "utf-8")
    result = revdiff("parse", str(path))
    assert result.returncode == 2 and result.stdout == ""
    line, = result.stderr.splitlines()
    assert f"{path}: this is a table of {columns}" in line and "0.txt, 1.txt" in line


@pytest.mark.parametrize("text", [
    "Text, body and soul\nThe minister spoke at length.\n",
    "Body, text\nA list: of words, and more, of them.\n",
    "text\nOne paragraph.\n"])
def test_a_version_whose_first_line_names_columns_stays_plain(text: str) -> None:
    assert detect(text) is Format.PLAIN


@pytest.mark.parametrize("content", [
    '[{"url": "https://x.test/a", "text": "Troops arrived.", "time": "2020-01-04"}]',
    '{"url": "https://x.test/a", "content": "Troops arrived."}\n{"url": "https://x.test/a"}\n'])
def test_json_records_of_texts_are_refused_saying_to_give_them_as_files(tmp_path: Path,
                                                                       content: str) -> None:
    # the line listed what revdiff reads, and not how to make one of them from the records
    path = tmp_path / "export.json"
    path.write_text(content, "utf-8")
    result = revdiff("parse", str(path))
    assert result.returncode == 2
    line, = result.stderr.splitlines()
    assert "not a version format (write each version's text to a file of its own" in line


def test_a_database_another_program_is_writing_is_one_line_saying_to_wait(tmp_path: Path) -> None:
    """A tracker writing to its file holds it locked: the hint listed the kinds of database
    revdiff reads, which this one is, and the line called it not a readable SQLite database,
    which it is, only busy."""
    path = tmp_path / "titles.db"
    path.write_bytes((SAMPLES / "nytdiff-titles.db").read_bytes())
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN EXCLUSIVE")
        result = revdiff("parse", str(path))
    finally:
        writer.close()
    assert result.returncode == 2
    line, = result.stderr.splitlines()
    assert line == (f"revdiff: error: {path}: SQLite database busy (database is locked) "
                    "(another program holds it locked while it writes to it, such as the tracker "
                    "at work: try again when it is done)")


def test_a_database_is_waited_for_briefly_while_another_program_writes_to_it() -> None:
    """A reader waited SQLite's 5 s for a writer's lock before its error: a tracker holds it for
    the moment its change takes; longer, it is at work, and waiting longer tells nothing more."""
    from revdiff.formats.sqlite_schema import open_read_only

    connection = open_read_only(SAMPLES / "nytdiff-titles.db")
    try:
        busy_timeout, = connection.execute("PRAGMA busy_timeout").fetchone()
    finally:
        connection.close()
    assert 0 < busy_timeout <= 1000


def test_a_database_a_tracker_stopped_writing_to_is_refused_not_read_half_changed(
        tmp_path: Path) -> None:
    """A tracker stopped while it wrote leaves a hot journal beside its file, and the file half
    changed: SQLite refuses to read it without rolling the change back, and revdiff then read
    the file as immutable, the journal not looked at, its half-made change and all."""
    path = tmp_path / "titles.db"
    path.write_bytes((SAMPLES / "nytdiff-titles.db").read_bytes())
    stopped = ("import os, sqlite3, sys\n"
               "writer = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
               "writer.execute('PRAGMA cache_size=1')\n"  # the change reaches the file at once
               "writer.execute('BEGIN')\n"
               "writer.execute(\"UPDATE nyt_versions SET title = 'half'\")\n"
               "writer.execute('CREATE TABLE filler (x)')\n"
               "writer.execute('INSERT INTO filler SELECT hex(randomblob(3000)) FROM nyt_versions')\n"
               "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", stopped, str(path)], check=True, timeout=60)
    journal = tmp_path / "titles.db-journal"
    before = (path.read_bytes(), journal.read_bytes())
    result = revdiff("parse", str(path))
    assert result.returncode == 2, result.stdout[:300]
    line, = result.stderr.splitlines()
    assert line.startswith(f"revdiff: error: {path}: a program stopped while writing to this "
                           "SQLite database, leaving its change half made in it and its undoing "
                           "in titles.db-journal")
    assert "sqlite3 titles.db 'PRAGMA quick_check'" in line
    assert (path.read_bytes(), journal.read_bytes()) == before


@pytest.mark.parametrize(("sample", "tracker"), [("nytdiff-titles.db", "NYTdiff"),
                                                 ("diffengine.db", "diffengine")])
def test_a_small_trackers_file_over_the_limit_is_not_sent_to_export(sample: str,
                                                                    tracker: str) -> None:
    """A NYTdiff or diffengine file over --max-size was told to `revdiff export`, which reads
    only a NewsEdits file an article at a time and refused it too."""
    database = str(SAMPLES / sample)
    limit = str((SAMPLES / sample).stat().st_size // 2)
    result = revdiff("parse", database, "--max-size", limit)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.endswith(f"for reading it whole (every command reads a {tracker} file whole, "
                         "export too: raise the limit with --max-size)")
    # export refused it saying to raise the limit "if this is really one article": it holds many
    exported = revdiff("export", database, "--max-size", limit, "-o", "-")
    assert exported.returncode == 2
    (line,) = exported.stderr.splitlines()
    assert "one article" not in line
    assert (f"for reading it whole (every command reads a {tracker} file whole, export too: "
            "raise the limit with --max-size;") in line


@pytest.mark.parametrize("journal_is_a_folder", [False, True],
                         ids=["no tracker's tables", "journal a folder"])
def test_a_database_over_the_limit_is_named_as_given_in_every_error(
        tmp_path: Path, journal_is_a_folder: bool) -> None:
    """The size check of a database read whole named the file as given (`dir//other.db`) in
    its own error but as its path (`dir/other.db`) in those met while it found the file's kind:
    an unknown tracker's tables, a journal beside it that is no file."""
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE posts (id INTEGER, body TEXT)")
    connection.commit()
    connection.close()
    if journal_is_a_folder:
        (tmp_path / "other.db-journal").mkdir()
    given = f"{tmp_path}//other.db"
    with pytest.raises(RevdiffError) as raised:
        databases.check_whole_size(path, given, max_bytes=1)
    assert raised.value.where == given
