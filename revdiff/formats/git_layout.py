"""The git store's on-disk format: trailer names, trailer values and the version file.

`revdiff store` writes with these functions (`revdiff.store.encode`) and the git reader reads with
them (`revdiff.formats.gitrepo`, `git_versions` and `git_trailers`); each encoder here is the
inverse of its decoder, which tests/store/test_store_encode.py checks.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

from revdiff.errors import MalformedPage, StoreError
from revdiff.formats.fields import shown

TRAILER_SOURCE = "Revdiff-Source"
TRAILER_URL = "Revdiff-Url"
TRAILER_VERSION = "Revdiff-Version"
TRAILER_TITLE = "Revdiff-Title"
TRAILER_TIME = "Revdiff-Time"
TRAILER_TIME_TEXT = "Revdiff-Time-Text"
# The number of the version a time told from another (`about 1 hour later`) counts from.
TRAILER_TIME_FROM = "Revdiff-Time-From"
TRAILER_CHANGES = "Revdiff-Changes"
TRAILER_METADATA = "Revdiff-Metadata"
# The reader's warnings about the article when the version was stored: a JSON list of strings.
TRAILER_WARNINGS = "Revdiff-Warnings"
# `true` on a version a rendered NewsDiffs page cut to `[...]` (`Version.cut`); absent otherwise.
TRAILER_CUT = "Revdiff-Cut"
# `true` on a version whose reading held every text the store wrote in the file before it (not
# those of edits by hand): its warnings are the article's, and replace those of the commits
# before it. Absent otherwise (and in stores written before it was), where the warnings add up.
TRAILER_WHOLE_READING = "Revdiff-Whole-Reading"
# How the file holds the paragraphs: absent for the plain form, `json-lines` otherwise.
TRAILER_ENCODING = "Revdiff-Encoding"
ENCODING_JSON_LINES = "json-lines"

# The file each `revdiff store` run locks in the repository's git directory, and leaves there:
# it tells a store's working tree (`revdiff.formats.store_working_tree`) from another one's.
STORE_LOCK_NAME = "revdiff-store.lock"

# Where `revdiff store` writes a run's commits before it moves the branch to them.
_IMPORT_REFS = "refs/revdiff/store/"


def import_ref(ref: str) -> str:
    """The private ref a store run's commits go to before the branch `ref` is moved to them:
    while it runs, the branch (and so a commit someone makes on it meanwhile) stays where the
    index is. A run that was stopped leaves its commits there for the next to put on the branch."""
    return _IMPORT_REFS + ref.removeprefix("refs/")


# The most of a reflog's first line read: an entry is two ids, a name, a time and a message.
_LONGEST_REFLOG_LINE = 1 << 16


# The most digits of a reflog's time that git could write (seconds in an unsigned 64-bit integer).
_LONGEST_SECONDS = 20


def branch_made_since(common_dir: Path, ref: str, moment: int) -> bool:
    """Whether the branch `ref` was made after `moment` (seconds since 1970): the reflog git
    keeps of it in the repository's common folder begins later. `git branch -D` deletes a
    branch's reflog with it, so a branch made again under the name starts a new one: the commits
    a stopped store run wrote for the deleted branch are not this one's (`import_ref`). False
    when git keeps no reflog of the branch (a bare repository's, by default)."""
    try:
        with open(common_dir / "logs" / ref, "rb") as reflog:
            first = reflog.readline(_LONGEST_REFLOG_LINE).decode("utf-8", "replace")
    except OSError:
        return False
    made = first.partition("\t")[0].rsplit(" ", 2)[-2:-1]  # `<old> <new> <who> <time> <zone>`
    # git writes seconds in ASCII digits; a hand-made `²` or thousands of digits are no time
    seconds = made[0] if made and made[0].isascii() and made[0].isdigit() else ""
    return 0 < len(seconds) <= _LONGEST_SECONDS and int(seconds) > moment


_TRAILER_LINE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9-]*): ?(.*)$")


# The most digits a version number revdiff stores can have: one named by a file, whose name
# holds 255 bytes at most (NewsEdits numbers are 64-bit integers).
MOST_VERSION_DIGITS = 255


def stored_version_number(value: str) -> int | None:
    """A `Revdiff-Version` trailer's number: ASCII digits, as many as a file name holds (a
    folder's file names may number versions by timestamps of 16 digits or more); None for
    anything else (`-1`, `1.0`, thousands of digits, which no input revdiff stores names)."""
    digits = value.strip()
    if not (digits.isascii() and digits.isdigit()):
        return None
    significant = digits.lstrip("0") or "0"
    return int(significant) if len(significant) <= MOST_VERSION_DIGITS else None


def parse_trailers(message: str) -> dict[str, str]:
    """The `Key: value` trailers in the last paragraph of a commit message, values decoded."""
    paragraphs = message.rstrip("\n").split("\n\n")
    if len(paragraphs) < 2:
        return {}
    trailers = {}
    for line in paragraphs[-1].split("\n"):
        match = _TRAILER_LINE.match(line)
        if match:
            trailers[match.group(1)] = decode_trailer_value(match.group(2))
    return trailers


def encode_trailer_value(value: str) -> str:
    """The value as is when it survives a trailer line unchanged, else as a JSON string."""
    if (value and value == value.strip() and not value.startswith('"')
            and not any(unicodedata.category(c)[0] in "CZ" and c != " " for c in value)):
        return value
    return json.dumps(value, ensure_ascii=True)


def is_utf8_text(value: object) -> bool:
    """Whether every string of a decoded JSON value is text UTF-8 can write: JSON's `\\ud800`
    escapes a lone surrogate, which no file or terminal takes (revdiff store writes none)."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def decode_metadata(raw: str) -> dict[object, object] | None:
    """The metadata trailer's JSON object as decoded (its keys and values as JSON gives them);
    None when the trailer holds no JSON object."""
    try:
        metadata = json.loads(raw)
    except (ValueError, RecursionError):  # bad JSON, or an integer of more digits than Python reads
        return None
    return metadata if isinstance(metadata, dict) else None


def decode_trailer_value(raw: str) -> str:
    """A trailer value: raw text, or a JSON string when it starts with a double quote (and holds
    no lone surrogate)."""
    if raw.startswith('"'):
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            return raw
        if isinstance(value, str) and is_utf8_text(value):
            return value
    return raw


def encode_warnings(warnings: tuple[str, ...]) -> str:
    """The `Revdiff-Warnings` value: a JSON list, ASCII only, so it stays on one trailer line."""
    return json.dumps(list(warnings), ensure_ascii=True)


def decode_warnings(raw: str, where: str) -> tuple[str, ...]:
    """The warnings in a `Revdiff-Warnings` value written by `encode_warnings`."""
    try:
        warnings = json.loads(raw)
    except (ValueError, RecursionError):  # bad JSON, or an integer of more digits than Python reads
        warnings = None
    if not isinstance(warnings, list) or not all(isinstance(w, str) for w in warnings) \
            or not is_utf8_text(warnings):
        raise MalformedPage(f"{TRAILER_WARNINGS} is not a JSON list of strings: {shown(raw)}",
                            where, hint="the commit was not written by revdiff store")
    return tuple(warnings)


def encode_version_file(title: str, paragraphs: tuple[str, ...], where: str,
                        ) -> tuple[bytes, str | None]:
    """File bytes for a version, and the encoding trailer value (None for the plain form).

    Plain form: the title on the first line, then for each paragraph a blank line and the
    paragraph, then a final newline. It is used whenever it reads back exactly: a title without
    newlines and paragraphs that are non-empty and free of newlines. Otherwise each of title and
    paragraphs is one JSON string per line. The title is in the file (not only in a trailer) so
    that every stored version changes the file: a commit that touches nothing would be no version.
    """
    try:
        if "\n" not in title and all(p and "\n" not in p for p in paragraphs):
            return "\n\n".join((title, *paragraphs)).encode("utf-8") + b"\n", None
        lines = "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in (title, *paragraphs))
        return lines.encode("utf-8"), ENCODING_JSON_LINES
    except UnicodeEncodeError as error:
        raise StoreError("version text holds characters UTF-8 cannot encode "
                         f"(at offset {error.start})", where,
                         hint="the reader produced invalid text; check the input file") from None


def decode_version_file(data: bytes, encoding: str | None, where: str,
                        ) -> tuple[str, tuple[str, ...]]:
    """The title and paragraphs of a file written by `encode_version_file`."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MalformedPage("stored version is not valid UTF-8", where,
                            hint="the file was not written by revdiff store") from error
    if encoding == ENCODING_JSON_LINES:
        try:
            values = [json.loads(line) for line in text.split("\n") if line]
        except json.JSONDecodeError as error:
            raise MalformedPage(f"stored version is not JSON lines ({error.msg})", where,
                                hint="the file was not written by revdiff store") from error
        except RecursionError:  # json recurses once per level of nesting
            raise MalformedPage("stored version is not JSON lines (a line is nested deeper than "
                                "Python reads)", where,
                                hint="the file was not written by revdiff store") from None
        except ValueError:  # an integer of more digits than Python reads
            raise MalformedPage("stored version is not JSON lines (a number of more than "
                                f"{sys.get_int_max_str_digits():,} digits)", where,
                                hint="the file was not written by revdiff store") from None
        if not values or not all(isinstance(v, str) for v in values):
            raise MalformedPage("stored version does not hold JSON strings", where,
                                hint="the file was not written by revdiff store")
        if not is_utf8_text(values):
            raise MalformedPage("stored version holds a lone surrogate (a \\ud800 escape), "
                                "which is no text", where,
                                hint="the file was not written by revdiff store")
        return values[0], tuple(values[1:])
    if encoding is not None:
        raise MalformedPage(f"unknown {TRAILER_ENCODING} {shown(encoding)}", where,
                            hint="read it with a newer revdiff")
    if not text.endswith("\n"):
        raise MalformedPage("stored version does not end with a newline", where,
                            hint="the file was changed by hand; restore it with git checkout")
    title, *paragraphs = text[:-1].split("\n\n")
    return title, tuple(paragraphs)
