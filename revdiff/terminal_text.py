"""Text from articles and file names, made safe to show on a terminal.

Article text and file names come from strangers. An escape (ESC, CSI, OSC ...) inside them would be
obeyed by the terminal: it could set the window title, write the clipboard or clear the screen.
Everything that reaches a terminal goes through `visible()`, which shows each control character
as a visible symbol instead (ESC as `␛`, a newline as `␊`). Data outputs (JSON, CSV, SQLite,
exported files) keep the text intact; only what is printed or drawn is changed.
"""

from __future__ import annotations

from dataclasses import replace

from revdiff.model import Article, Version

# C0 controls show as the Unicode "control pictures" U+2400..U+241F, DEL as U+2421.
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
# C1 controls (U+0080..U+009F; U+009B is a one-character CSI) have no pictures: show their code.
_C1 = {code: f"<U+{code:04X}>" for code in range(0x80, 0xA0)}
# Bidirectional overrides and isolates reorder what follows them on screen: shown by code too.
_BIDI = {code: f"<U+{code:04X}>" for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
_TABLE = _PICTURES | _C1 | _BIDI


def visible(text: str) -> str:
    """`text` with every control character (C0, DEL, C1, bidirectional controls; also tab and
    newline) shown as a symbol."""
    return text.translate(_TABLE)


def visible_lines(text: str) -> str:
    """Several lines of text made safe to print: newlines kept, every other control shown."""
    return "\n".join(visible(line) for line in text.split("\n"))


def visible_version(version: Version) -> Version:
    return replace(version, title=visible(version.title) if version.title else version.title,
                   paragraphs=tuple(visible(paragraph) for paragraph in version.paragraphs),
                   time_text=visible(version.time_text) if version.time_text else version.time_text)


def visible_article(article: Article) -> Article:
    """The article with its text, titles, names and warnings safe to print (text outputs only)."""
    return replace(article,
                   source=visible(article.source) if article.source else article.source,
                   url=visible(article.url) if article.url else article.url,
                   versions=tuple(visible_version(version) for version in article.versions),
                   warnings=tuple(visible(warning) for warning in article.warnings))
