"""Render a News Sniffer single-version page from a Version: as HTML and as saved text.

Written here from FORMATS.md §2, which says what the page shows: an `<h1>` title, the article URL,
"Version N of M." and one `<p>` per paragraph. The markup around them is this project's own
(the corpus holds no version page to compare with), with a header and a footer as a site has. The
text form is what a text extractor keeps of it: the title, the URL, the version line, the
paragraphs, one per line.
"""

from __future__ import annotations

from html import escape

from revdiff.model import Version


def render_version_html(version: Version, url: str | None, total: int) -> str:
    """The single-version page: the four things FORMATS.md §2 names, inside a plain site layout."""
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        f"<title>{escape(version.title)} - News Sniffer</title>",
        "</head>",
        "<body>",
        '<div id="header"><a href="/">News Sniffer</a> <a href="/articles">Articles</a></div>',
        '<div id="content">',
        f"<h1>{escape(version.title)}</h1>",
        '<div class="version">',
        *([f'<p><a href="{escape(url)}">{escape(url)}</a></p>'] if url else []),
        f"<p>Version {version.number} of {total}.</p>",
        *(f"<p>{escape(paragraph)}</p>" for paragraph in version.paragraphs),
        "</div>",
        "</div>",
        '<div id="footer"><p>News Sniffer watches news websites for changes to their articles.</p></div>',
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"


def render_version_text(version: Version, url: str | None, total: int) -> str:
    """The single-version page flattened to text, one paragraph per line."""
    lines = [version.title]
    if url:
        lines.append(url)
    lines.append(f"Version {version.number} of {total}.")
    lines.extend(version.paragraphs)
    return "\n".join(lines) + "\n"
