"""Names made from an article's key (its URL or title) for files, safe on every file system: the
HTML report's pages, the app's offered export file and the unified diff's headers take them;
numbered by the article's place in the run where one output holds several (`numbered_slug`)."""

from __future__ import annotations

import re
import unicodedata

# A slug's most characters and bytes (UTF-8): room in a file name's 255 bytes for the rest.
_SLUG_CHARACTERS = 60
_SLUG_BYTES = 120
# How a path starts that names an article (its input, without URL or title): no title does.
_PATH_START = re.compile(r"\.{0,2}/|~/")
# How a Windows path starts: a drive (`C:\`, `C:/`), a server's share (`\\server\`), `.\`
# or `..\`; its parts are split at either slash.
_WINDOWS_PATH_START = re.compile(r"[a-z]:[\\/]|\\\\|\.{1,2}\\", re.IGNORECASE)


def url_from_site(url: str) -> str:
    """A web page's URL from its site on, `https://` and `www.` left out, as the app's article
    list shows it and its export dialog names the file; any other name as it is."""
    return re.sub(r"^https?://(www\.)?", "", url, flags=re.IGNORECASE) or url


def article_slug(name: str) -> str:
    """`some-article-title` for an article's key, its URL or title, or the input that names an
    article without either: safe in a file name on every file system (`name_slug`): a title
    whole, a `/` in it a dash (`9/11 memorial`), a path from `/`, `./`, `../` or `~/` its last
    part (`/data/story.db`), and a Windows path's from a drive, a server's share, `.\\` or `..\\`
    (`C:\\data\\story.db`, `\\\\server\\share\\story.db`), a URL without its scheme, a web
    page's URL from its site on (`url_from_site`), without `www-`, as the app's article list
    shows it. The report's page names and the app's offered export name are both made so."""
    site = url_from_site(name)
    if site != name:
        return name_slug(site)
    if _PATH_START.match(name):  # an input's path: its last part names the article
        name = name.rstrip("/").rsplit("/", 1)[-1] or name
    elif _WINDOWS_PATH_START.match(name):
        name = re.split(r"[\\/]", name.rstrip("\\/"))[-1] or name
    return name_slug(re.sub(r"^[a-z]+://", "", name, flags=re.IGNORECASE))


def numbered_slug(index: int, name: str) -> str:
    """`000042-some-article-title`: the slug of the run's article `index` (0-based), apart from
    another article's of the same slug (`https://www.example.com/story` and
    `http://example.com/story`) and in the run's order: the HTML report's pages and the files a
    unified diff of several articles patches."""
    return f"{index:06d}-{article_slug(name)}"


def name_slug(name: str) -> str:
    """`some-article-title` for any text: letters, digits and their marks in any script, a Latin
    letter without its accents, and dashes; no separator, control or bidi character; at most 60
    characters and 120 bytes."""
    name = unicodedata.normalize("NFC", name).lower()
    slug, size = "", 0
    for character in name:
        kept = _slug_character(character, after_letter=not slug[-1:].isascii())
        if len(slug) + len(kept) > _SLUG_CHARACTERS or size + len(kept.encode()) > _SLUG_BYTES:
            break
        if not (kept == "-" and slug.endswith("-")):
            slug, size = slug + kept, size + len(kept.encode())
    return slug.strip("-") or "article"


def _slug_character(character: str, after_letter: bool) -> str:
    """What stands for `character` in a slug: a Latin letter without its accents (`é` is `e`),
    any other letter or digit as it is, a mark too after such a letter (`after_letter`: a
    Devanagari vowel sign; none after a Latin one), and a dash for the rest."""
    ascii_letters = re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", character)
                           .encode("ascii", "ignore").decode().lower())
    if ascii_letters:
        return ascii_letters
    category = unicodedata.category(character)[0]
    if category == "M":
        return character if after_letter else ""
    return character if category in "LN" else "-"
