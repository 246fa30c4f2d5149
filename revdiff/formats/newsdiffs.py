"""NewsDiffs diff pages: raw (texts in JavaScript literals) and browser-rendered (#compare)."""

from __future__ import annotations

import re

from revdiff.errors import MalformedPage
from revdiff.model import Article

_RAW_MARKER = re.compile(r"var\s+text1\s*=")
_RENDERED_MARKER = re.compile(r"id=[\"']compare[\"']")


def looks_like_newsdiffs(text: str) -> bool:
    head = text[:2_000_000]
    return _RAW_MARKER.search(head) is not None or _RENDERED_MARKER.search(head) is not None


def read_page(text: str, where: str) -> Article:
    raise MalformedPage("NewsDiffs pages are not read yet", where)
