"""What a saved page says of itself in its markup, apart from its text: its `<meta>` values,
its JSON-LD (schema.org) values, and the addresses it names as its own (its canonical link, its
og:url, the address a browser or SingleFile notes it saved the page from)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from bs4 import BeautifulSoup

# The mark Chrome (and Internet Explorer before it) writes at the top of a page it saves: the
# address the page was saved from, after its length (`<!-- saved from url=(0041)https://... -->`);
# a page saved from a file names `about:internet`, no address.
_SAVED_FROM = re.compile(r"\ufeff?\s*(?:<!doctype[^>]*>\s*)?<!--\s*saved from url=\(\d+\)"
                         r"(https?://[^\s>]+?)\s*-->", re.IGNORECASE)
# The comment the SingleFile extension writes after a page's `<html>` tag: the address it saved
# the page from and when (`<!--\n Page saved with SingleFile \n url: https://... \n saved date:
# Fri Jan 03 2020 14:05:00 GMT+0000 (Coordinated Universal Time)\n-->`).
_SINGLE_FILE = re.compile(r"\ufeff?\s*(?:<!doctype[^>]*>\s*)?(?:<html[^>]*>\s*)?"
                          r"<!--\s*Page saved with SingleFile\b(.*?)-->", re.IGNORECASE | re.DOTALL)
_SINGLE_FILE_URL = re.compile(r"^\s*url:\s*(https?://\S+)", re.MULTILINE)


def meta(soup: BeautifulSoup, prop: str) -> str | None:
    """The content of the page's `<meta>` of property (or name) `prop`; None for none."""
    tag: Any = soup.find("meta", attrs={"property": prop}) or soup.find("meta", attrs={"name": prop})
    content = tag.get("content") if tag is not None else None
    return str(content).strip() if content else None


def linked_data(soup: BeautifulSoup, keys: tuple[str, ...],
                several: Callable[[list[str]], list[str]] = list) -> dict[str, list[str]]:
    """The values of `keys` in the page's JSON-LD (schema.org) blocks, in the order they stand,
    looked for in nested objects, lists and `@graph`; a key given a list of strings, as
    schema.org allows (`"dateModified": ["2020-...", ...]`), gives them in the order `several`
    puts them in (as they stand, unless told). A block that is no JSON (or nested too deep to
    read) is passed over."""
    values: dict[str, list[str]] = {}

    def collect(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                collect(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in keys and isinstance(value, str):
                    values.setdefault(key, []).append(value.strip())
                elif (key in keys and isinstance(value, list) and value
                      and all(isinstance(item, str) for item in value)):
                    values.setdefault(key, []).extend(several([item.strip() for item in value]))
                else:
                    collect(value)

    for block in _json_ld_blocks(soup):
        collect(block)
    return values


def linked_data_types(soup: BeautifulSoup) -> list[str]:
    """The `@type`s of the objects the page's JSON-LD blocks describe the page by, in the order
    they stand: a block's object, the objects of a block that is a list, and those of its
    `@graph` (not the objects inside them: a section front's list of its stories' articles), each
    named without its vocabulary's address (`http://schema.org/NewsArticle` is `NewsArticle`); a
    block that is no JSON is passed over."""
    types: list[str] = []

    def collect(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                collect(item)
        elif isinstance(node, dict):
            named = node.get("@type")
            for name in named if isinstance(named, list) else [named]:
                if isinstance(name, str) and name.strip():
                    types.append(re.split(r"[/:#]", name.strip())[-1])
            collect(node.get("@graph"))

    for block in _json_ld_blocks(soup):
        collect(block)
    return types


def _json_ld_blocks(soup: BeautifulSoup) -> Iterator[Any]:
    """The page's JSON-LD blocks, read; one that is no JSON, or nested deeper than Python
    recurses, is passed over."""
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            yield json.loads(script.get_text())
        except (ValueError, RecursionError):
            continue


def own_addresses(soup: BeautifulSoup, html: str) -> list[str]:
    """The addresses the page names as its own, best first: its canonical link, its og:url, the
    address a browser or an extension saved it from (Chrome's `saved from url` mark,
    SingleFile's comment)."""
    link: Any = soup.find("link", attrs={"rel": "canonical"})
    href = link.get("href") if link is not None else None
    saved_from = _SAVED_FROM.match(html)
    named = (str(href).strip() if href else None, meta(soup, "og:url"),
             saved_from.group(1) if saved_from else None, single_file_url(html))
    return [url for url in named if url]


def single_file_note(html: str) -> str | None:
    """The text of the comment SingleFile writes after the page's `<html>` tag (`_SINGLE_FILE`);
    None on a page it did not save."""
    single_file = _SINGLE_FILE.match(html)
    return single_file.group(1) if single_file else None


def single_file_url(html: str) -> str | None:
    """The address SingleFile notes it saved the page from; None for none."""
    note = single_file_note(html)
    address = _SINGLE_FILE_URL.search(note) if note is not None else None
    return address.group(1) if address else None
