"""path_from_url: every URL, however hostile, becomes a safe relative path inside the repository."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revdiff.model import Article, Version
from revdiff.store.paths import (
    MAX_COMPONENT_BYTES,
    MAX_DEPTH,
    article_path,
    fanned_path,
    path_from_url,
)

WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                    *(f"lpt{i}" for i in range(10))}

HOSTILE = [
    "../../etc/passwd",
    "http://../../../etc/passwd",
    "https://example.com/../../../../root/.ssh/authorized_keys",
    "/etc/passwd",
    "file:///etc/shadow",
    "https://example.com/a/./b/../c",
    "https://example.com/.git/config",
    "https://example.com/.GIT/hooks/pre-commit",
    "https://example.com/git~1/config",
    "https://example.com/.git./x",
    "https://example.com/story\x00.txt",
    "https://example.com/new\nline",
    "https://example.com/tab\there",
    "https://example.com/CON",
    "https://example.com/con.txt/nul",
    "https://example.com/COM1.html",
    "https://example.com/lpt9",
    "https://example.com/aux/prn",
    "https://example.com/trailing. ",
    "https://example.com/" + "x" * 5000,
    "https://example.com/" + "/".join(["deep"] * 500),
    "https://example.com/" + "é" * 300,
    "https://example.com/a?b=c&d=<script>|\"*\\",
    "https://example.com/",
    "https://example.com//double//slash",
    "",
    "/",
    "..",
    "C:\\Windows\\System32\\drivers\\etc\\hosts",
    "\\\\server\\share\\file",
    "https://example.com/\u200c.git\u200d/x",
    "https://example.com/a.txt/b",
]


def assert_safe(path: str, depth: int = MAX_DEPTH) -> None:
    assert path and not path.startswith("/") and "\\" not in path
    parts = PurePosixPath(path).parts
    assert 1 <= len(parts) <= depth
    assert path.endswith(".txt")
    for part in parts:
        assert part not in ("", ".", "..")
        assert len(part.encode("utf-8")) <= MAX_COMPONENT_BYTES + 20
        assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in part)
        assert not set(part) & set('"*:<>?\\|')
        assert not part.endswith((".", " "))
        assert part.lower() != ".git" and not re.fullmatch(r"git~\d+", part, re.IGNORECASE)
        assert part.split(".")[0].lower() not in WINDOWS_RESERVED
    for directory in parts[:-1]:
        assert not directory.lower().endswith(".txt")


@pytest.mark.parametrize("url", HOSTILE)
def test_hostile_urls_give_safe_paths(url: str, tmp_path: Path) -> None:
    path = path_from_url(url)
    assert_safe(path)
    resolved = (tmp_path / path).resolve()
    assert resolved.is_relative_to(tmp_path.resolve())


@given(st.text(max_size=400))
def test_any_text_gives_a_safe_path(url: str) -> None:
    assert_safe(path_from_url(url))


def test_ordinary_url_keeps_its_shape() -> None:
    assert path_from_url("https://www.bbc.co.uk/news/world-51000000") == \
        "www.bbc.co.uk/news/world-51000000.txt"
    assert path_from_url("http://www.bbc.co.uk/news/world-51000000") == \
        "www.bbc.co.uk/news/world-51000000.txt"


def test_url_and_its_subpage_can_both_be_stored() -> None:
    parent = path_from_url("https://example.com/a")
    child = path_from_url("https://example.com/a/b")
    assert parent == "example.com/a.txt"
    assert child == "example.com/a/b.txt"


def test_changed_urls_get_a_hash_so_they_do_not_collide() -> None:
    urls = ["https://example.com/a?x=1", "https://example.com/a_x=1", "https://example.com/a?x=2",
            "https://example.com/CON", "https://example.com/_CON", "https://example.com/a/",
            "https://example.com/a/index", "https://example.com/a.txt/b",
            "https://example.com/a.txt_/b", "https://example.com/" + "x" * 500,
            "https://example.com/" + "x" * 501]
    paths = [path_from_url(u) for u in urls]
    assert len(set(paths)) == len(paths)


def test_long_components_are_shortened_with_a_hash() -> None:
    path = path_from_url("https://example.com/" + "x" * 1000)
    name = PurePosixPath(path).name
    assert len(name.encode()) < 255
    assert re.search(r"~[0-9a-f]{12}", name)


def test_article_without_url_is_named_after_its_first_version() -> None:
    first = Version(0, "Breaking: a title / with slash", ("One.",))
    article = Article(None, None, (first,))
    longer = Article(None, None, (first, Version(1, "Later", ("Two.",))))
    assert article_path(article) == article_path(longer)
    assert article_path(article).startswith("_no-url/")
    assert_safe(article_path(article))
    other = Article(None, None, (Version(0, "Breaking: a title / with slash", ("Other.",)),))
    assert article_path(other) != article_path(article)


def test_article_from_standard_input_is_no_option_to_a_shell() -> None:
    article = Article(None, None, (Version(0, "-", ("Read from a pipe.",)),))
    assert PurePosixPath(article_path(article)).name.startswith("_-~")


@pytest.mark.parametrize("url", ["-rf", "--help", "-/story", "ftp://-x/y"])
def test_a_url_path_is_no_option_to_a_shell(url: str) -> None:
    # a tracker's URL column holds what the feed gave: `rm *` in the store must not read `-rf.txt`
    path = path_from_url(url)
    assert not path.startswith("-")
    assert path != path_from_url("_" + url.removeprefix("ftp://"))


@pytest.mark.parametrize("url", ["https://www.bbc.co.uk/news/world-51000000", *HOSTILE])
def test_a_fanned_path_is_one_folder_down_and_safe(url: str) -> None:
    plain = PurePosixPath(path_from_url(url))
    fanned = PurePosixPath(fanned_path(str(plain), url))
    assert fanned.parent.parent == plain.parent
    assert re.fullmatch(r"[0-9a-f]{2}", fanned.parent.name)
    # the name carries a hash, so no URL's plain path is another article's fanned path
    assert re.search(rf"~{fanned.parent.name}[0-9a-f]{{10}}\.txt$", fanned.name)
    assert_safe(str(fanned), depth=MAX_DEPTH + 1)


def test_an_article_without_url_keeps_its_name_one_folder_down() -> None:
    path = article_path(Article(None, None, (Version(0, "Flood warning", ("Rain.",)),)))
    fanned = fanned_path(path, None)
    assert fanned.startswith("_no-url/") and fanned.endswith("/" + PurePosixPath(path).name)
    assert fanned.count("/") == 2
