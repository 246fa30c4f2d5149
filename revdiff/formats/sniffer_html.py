"""News Sniffer pages as HTML: the diff page (exact cells) and the single-version page."""

from __future__ import annotations

import re
from datetime import datetime

from bs4 import BeautifulSoup, Tag

from revdiff.errors import MalformedPage
from revdiff.formats.text_input import collapse_whitespace
from revdiff.model import Article, Version

_VERSION_NUMBER = re.compile(r"Version\s+(\d+)")
_VERSION_OF = re.compile(r"Version\s+(\d+)\s+of\s+(\d+)")
_RELATIVE_TIME = re.compile(r"\(([^()]*\b(?:later|earlier))\)")


def looks_like_diff_page(text: str) -> bool:
    return re.search(r"<table[^>]*class=[\"'][^\"']*version_diff", text[:200_000]) is not None


def looks_like_version_page(text: str) -> bool:
    head = text[:200_000]
    return (re.search(r"<h1\b", head) is not None and _VERSION_OF.search(head) is not None
            and not looks_like_diff_page(text))


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def _cell_text(cell: Tag) -> str:
    return collapse_whitespace(cell.get_text())


def _article_info(soup: BeautifulSoup) -> tuple[str | None, str | None, int | None, dict[str, str]]:
    info = soup.find("div", class_="article-info") or soup
    metadata: dict[str, str] = {}
    source = None
    for cite in info.find_all("cite"):
        if "article_url" not in (cite.get("class") or []):
            source = _cell_text(cite)
            break
    url = None
    url_cite = info.find("cite", class_="article_url")
    if url_cite is not None:
        link = url_cite.find("a")
        url = (link.get("href") if link is not None else None) or _cell_text(url_cite)
    else:
        author_link = soup.find("link", rel=lambda r: r is not None and "author" in r)
        if author_link is not None:
            url = author_link.get("href")
    changes = None
    var = info.find("var")
    if var is not None and _cell_text(var).isdigit():
        changes = int(_cell_text(var))
    first_p = info.find("p")
    if first_p is not None:
        seen = first_p.find("time")
        if seen is not None and seen.get("datetime"):
            metadata["first_seen"] = str(seen.get("datetime"))
        status = collapse_whitespace(first_p.get_text())
        match = re.search(r"(It will not be checked again for changes\.|It last changed over.*|"
                          r"The next check for changes will be.*)", status)
        if match:
            metadata["check_status"] = match.group(1)
    return source, (str(url) if url else None), changes, metadata


def _require_closed(text: str, closing: str, where: str) -> None:
    if closing not in text.lower():
        raise MalformedPage(f"page is truncated: no {closing} found", where,
                            hint="save the whole page again")


def read_diff_page(text: str, where: str) -> Article:
    """Read a News Sniffer diff page; every cell is explicit, so the versions come back exactly."""
    _require_closed(text, "</table>", where)
    soup = BeautifulSoup(text, "html.parser")
    table = soup.find("table", class_="version_diff")
    if table is None:
        raise MalformedPage("no table.version_diff in the page", where)
    numbers = [_VERSION_NUMBER.search(_cell_text(th)) for th in table.find_all("th", class_="version")]
    if len(numbers) != 2 or not all(numbers):
        raise MalformedPage("the header row does not name two versions ('Version N')", where)
    title_row = table.find("tr", id="title")
    if title_row is None or len(title_row.find_all(["th", "td"])) != 2:
        raise MalformedPage("the title row (tr#title with two cells) is missing", where)
    titles = [_cell_text(cell) for cell in title_row.find_all(["th", "td"])]
    time_cells = table.find_all(["th", "td"], class_="time")
    times: list[datetime | None] = [None, None]
    time_text = None
    if len(time_cells) == 2:
        for index, cell in enumerate(time_cells):
            stamp = cell.find("time")
            times[index] = parse_time(str(stamp.get("datetime") or "") if stamp is not None else None)
        relative = _RELATIVE_TIME.search(_cell_text(time_cells[1]))
        time_text = relative.group(1) if relative else None
    old: list[str] = []
    new: list[str] = []
    for row in table.find_all("tr"):
        cells = row.find_all("td", recursive=False)
        if not cells or any("time" in (c.get("class") or []) for c in cells):
            continue
        if len(cells) != 2:
            raise MalformedPage(f"body row {row.get('id') or ''} has {len(cells)} cells, expected 2",
                                where)
        old_text, new_text = _cell_text(cells[0]), _cell_text(cells[1])
        if old_text:
            old.append(old_text)
        if new_text:
            new.append(new_text)
    source, url, changes, metadata = _article_info(soup)
    old_number, new_number = (int(m.group(1)) for m in numbers if m)
    versions = (
        Version(old_number, titles[0], tuple(old), times[0]),
        Version(new_number, titles[1], tuple(new), times[1], time_text),
    )
    return Article(source, url, versions, changes, metadata)


def read_version_page(text: str, where: str) -> Article:
    """Read a News Sniffer single-version page: title, URL, 'Version N of M.', paragraphs.

    The paragraphs are the `<p>` elements that follow the version line in its own container,
    so paragraphs of the site layout (header, footer) are not taken for article text.
    """
    _require_closed(text, "</html>" if "<html" in text.lower() else "</p>", where)
    soup = BeautifulSoup(text, "html.parser")
    heading = soup.find("h1")
    if heading is None:
        raise MalformedPage("no <h1> title in the version page", where)
    version_line = None
    found = None
    for p in soup.find_all("p"):
        found = _VERSION_OF.fullmatch(_cell_text(p).rstrip("."))
        if found:
            version_line = p
            break
    if version_line is None or found is None:
        raise MalformedPage("no 'Version N of M.' line in the version page", where)
    number, total = int(found.group(1)), int(found.group(2))
    url = None
    for p in version_line.find_previous_siblings("p"):
        link = p.find("a")
        if link is not None and _cell_text(p) == _cell_text(link):
            url = str(link.get("href") or _cell_text(link))
            break
    if url is None:
        author_link = soup.find("link", rel=lambda r: r is not None and "author" in r)
        url = str(author_link.get("href")) if author_link is not None else None
    paragraphs = [content for p in version_line.find_next_siblings("p")
                  if (content := _cell_text(p))]
    version = Version(number, _cell_text(heading), tuple(paragraphs))
    return Article(None, url, (version,), total)
