"""Inputs that are no version format but would otherwise pass for plain text: JSON and feeds.

A JSON document or an RSS/Atom feed read as plain paragraphs gives nonsense versions. They are
recognised here so that the reader can say what the file is and what revdiff reads instead.
"""

from __future__ import annotations

import json
import re

READABLE = ("revdiff reads News Sniffer and NewsDiffs pages, plain version files, git "
            "repositories, NewsEdits, NYTdiff and diffengine databases, and folders of saved "
            "article pages")

_PROLOGUE = r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<\?xml-stylesheet[^>]*>\s*)*"
_RSS = re.compile(_PROLOGUE + r"<(rss|rdf:RDF)\b", re.IGNORECASE | re.DOTALL)
_ATOM = re.compile(_PROLOGUE + r"<feed\b", re.IGNORECASE | re.DOTALL)


def describe_feed(text: str) -> str | None:
    """'an RSS feed' or 'an Atom feed' when the text is one, else None."""
    head = text[:4096]
    if _RSS.match(head):
        return "an RSS feed"
    if _ATOM.match(head):
        return "an Atom feed"
    return None


def describe_json(text: str) -> str | None:
    """What JSON the text is (a document or JSON Lines, and its top-level keys), else None."""
    stripped = text.strip()
    if not stripped.startswith(("{", "[")):
        return None
    try:
        value = json.loads(stripped, strict=False)
    except ValueError:
        first = stripped.split("\n", 1)[0]
        try:
            value = json.loads(first, strict=False)
        except ValueError:
            return _broken_json(stripped)
        return f"a JSON Lines file{_keys(value)}" if isinstance(value, dict) else None
    if isinstance(value, dict):
        return f"a JSON document{_keys(value)}"
    if isinstance(value, list):
        return f"a JSON list of {len(value)} item(s){_keys(value[0]) if value else ''}"
    return None


def _broken_json(stripped: str) -> str | None:
    """Text that opens like a JSON object or list of objects but does not parse."""
    if re.match(r"(\[\s*)?\{\s*\"", stripped):
        return "text that opens like JSON but is not valid JSON (cut short or edited?)"
    return None


def _keys(value: object) -> str:
    if not isinstance(value, dict) or not value:
        return ""
    keys = ["".join(c for c in str(k) if c.isprintable())[:40] for k in value][:5]
    return f" (keys: {', '.join(keys)}{', ...' if len(value) > 5 else ''})"
