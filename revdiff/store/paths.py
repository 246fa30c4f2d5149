"""Where an article lives in the store: a relative file path made from its URL, safe everywhere.

The path is the URL without its scheme, split on `/`, each component made safe for git and for
Linux, macOS and Windows file systems, and the file name given a `.txt` suffix (so that
`example.com/a` and `example.com/a/b` can both exist: one is the file `a.txt`, the other lives in
the directory `a`). Whenever making the path safe changed or dropped anything, a short hash of the
whole URL is added to the file name, so two different URLs never share a file by accident.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from revdiff.model import Article

FILE_SUFFIX = ".txt"
# Longest component, in UTF-8 bytes (file systems allow 255; the suffix and hash need room).
MAX_COMPONENT_BYTES = 120
# Deepest path: further URL components are joined into the last one (`fanned_path` adds one).
MAX_DEPTH = 24
NO_URL_DIRECTORY = "_no-url"

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(//)?")
# Characters Windows rejects in names (the quote, backslash and slash among them). Control
# and format characters are caught by their Unicode category.
_FORBIDDEN = frozenset('"*:<>?\\|/')
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"com{n}" for n in "0123456789¹²³"}
    | {f"lpt{n}" for n in "0123456789¹²³"}
)
# `.git` and the names NTFS and HFS+ treat as `.git` (8.3 short names, trailing dots/spaces).
_GIT_NAME = re.compile(r"^(\.git|git~\d+)$", re.IGNORECASE)
# The hash `path_from_url`, `path_with_hash` and `article_path` put at the end of a file name.
_HASHED_NAME = re.compile(r"~([0-9a-f]{12})\.txt$")


def url_hash(url: str, length: int = 12) -> str:
    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def path_from_url(url: str) -> str:
    """The repository-relative file path (with `/` separators) for an article URL."""
    rest = _SCHEME.sub("", url, count=1)
    raw_parts = rest.split("/")
    altered = False
    if raw_parts and raw_parts[-1] == "":
        raw_parts[-1] = "index"  # a URL ending in `/` names a directory page
        altered = True
    parts = [p for p in raw_parts if p != ""]
    if len(parts) != len(raw_parts) or not parts:
        altered = True
    if not parts:
        parts = ["index"]
    if len(parts) > MAX_DEPTH:
        parts = parts[: MAX_DEPTH - 1] + ["_".join(parts[MAX_DEPTH - 1:])]
        altered = True
    safe = []
    for index, part in enumerate(parts):
        is_file = index == len(parts) - 1
        cleaned = _safe_component(part, is_file)
        if index == 0 and cleaned.startswith("-"):  # the path a shell would take for an option
            cleaned = "_" + cleaned
        altered = altered or cleaned != part
        safe.append(cleaned)
    name = safe[-1]
    if altered:
        name = f"{name}~{url_hash(url)}"
    safe[-1] = name + FILE_SUFFIX
    return "/".join(safe)


def folded(path: str) -> str:
    """`path` as a file system that ignores case and Unicode normalisation sees it (macOS and
    Windows; git sets `core.ignorecase` there, and then `git fast-import` also writes a path
    into the file of one that differs in case only): two paths alike here are one file there."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", path).casefold())


def path_with_hash(path: str, url: str) -> str:
    """`path` (a file's) with a short hash of `url` added to its name, as `path_from_url` adds
    one to a name it changed: for a URL whose plain path another article's file holds in
    another case or normalisation."""
    return f"{path.removesuffix(FILE_SUFFIX)}~{url_hash(url)}{FILE_SUFFIX}"


def fanned_path(path: str, url: str | None) -> str:
    """`path` (a file's) one folder down, in a folder named by the first two hex digits of the
    hash its name carries (`news/story.txt` -> `news/3f/story~3f0c….txt`; a name without a hash
    gets the URL's, as `path_with_hash` adds it, so the path is no URL's plain path).

    git writes a folder's whole listing again for each commit that changes a file in it, so each
    commit into a folder of n articles costs n entries: spread over 256 folders, 100,000 articles
    cost each commit about 400."""
    if url is not None and _HASHED_NAME.search(path) is None:
        path = path_with_hash(path, url)
    folder, _, name = path.rpartition("/")
    hashed = _HASHED_NAME.search(name)
    shelf = hashed.group(1)[:2] if hashed else url_hash(name)[:2]
    return f"{folder}/{shelf}/{name}" if folder else f"{shelf}/{name}"


def article_path(article: Article) -> str:
    """The file path of an article: from its URL, or, without one, from its first version.

    An article without a URL is named after its first version's title and a hash of that version,
    which stays the same when later versions are added. A name never begins with a dash (standard
    input's article is titled `-`), which a shell command would take for an option.
    """
    if article.url:
        return path_from_url(article.url)
    first = article.versions[0] if article.versions else None
    title = first.title if first else ""
    identity = title + "\0" + ("\n\n".join(first.paragraphs) if first else "")
    stem = _safe_component(title or "untitled", is_file=True)
    if stem.startswith("-"):
        stem = "_" + stem
    return f"{NO_URL_DIRECTORY}/{stem}~{url_hash(identity)}{FILE_SUFFIX}"


def _safe_component(part: str, is_file: bool) -> str:
    chars = []
    for char in part:
        if char in _FORBIDDEN or unicodedata.category(char) in _UNSAFE_CATEGORIES:
            chars.append("_")
        else:
            chars.append(char)
    text = "".join(chars)
    # Windows drops trailing dots and spaces; `.` and `..` are never names.
    stripped = text.rstrip(". ")
    if stripped != text:
        text = stripped + "_"
    if text in ("", "_") and part in (".", ".."):
        text = "_" + part.replace(".", "dot")
    if _GIT_NAME.match(text) or text.split(".")[0].rstrip(" ").lower() in _WINDOWS_RESERVED:
        text = "_" + text
    if not is_file and text.lower().endswith(FILE_SUFFIX):
        text += "_"  # a directory never looks like an article file
    return _shorten(text)


def _shorten(text: str) -> str:
    data = text.encode("utf-8", "surrogatepass")
    if len(data) <= MAX_COMPONENT_BYTES:
        return text
    keep = data[: MAX_COMPONENT_BYTES - 13].decode("utf-8", "ignore").rstrip(". ")
    return f"{keep}~{url_hash(text)}"
