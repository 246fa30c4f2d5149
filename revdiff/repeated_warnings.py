"""How many warnings of one kind a command prints on stderr for one input.

A file of thousands of articles (a NewsEdits or NYTdiff database, a NewsDiffs archive, a git
store) can give each of them the same warning, naming the article (`entry 5: created names a time
zone that is not read`). Each article keeps its own; on stderr, the first few lines of a kind
from an input are printed and the rest counted, in one line at the end. A warning's kind is its
text without the name it starts with, its quoted texts, numbers, URLs, paths, file names and
commit ids, and the parenthesised texts holding them: `entry …: created names a time zone that
is not read (unknown or ambiguous): …; read as written, in no zone …`.
"""

from __future__ import annotations

import re
from collections import Counter

from revdiff.read_warnings import SHOWN_BY_PARSE_JSON, counted
from revdiff.terminal_text import visible

# The lines of one kind of warning from one input printed before the rest are counted.
SHOWN_OF_A_KIND = 5
# Where a summary says the lines it counts are kept: an article's warnings, or nowhere, for the
# notes about reading an input that are no article's (an empty file left out of a folder of pages)
HELD_BY_ARTICLES = f"each article's warnings hold them{SHOWN_BY_PARSE_JSON}"
HELD_BY_NONE = "notes on reading the inputs, which no output holds"
# The most characters of a kind's first warning its summary shows (`example`).
EXAMPLE_LENGTH = 80

MASK = "…"
# What differs from article to article in warnings of one kind: a quoted text ('CET', "x",
# `+0100`), a URL, a path (`news/world/story.txt`, `www.nytimes.com/2012/01/05/world/x`) or a
# file name (`story.txt`), a commit id (`6b932e9af6c7`), a number (`1,204`, `2.0`); a URL, path
# or file name is searched from the start of its run only: from each character, a long run made
# each search read on to its end
_PATH_CHARACTER = r"[\w~@+#-]"
_VARYING = re.compile(
    r"(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"|`[^`]*`|(?<!\S)\S+://\S+"
    rf"|(?<![\w.~@+#-]){_PATH_CHARACTER}[\w.~@+#-]*(?:/[\w.~@+#-]+)+"
    rf"|(?<![\w.~@+#-]){_PATH_CHARACTER}+(?:\.{_PATH_CHARACTER}+)*\.[A-Za-z]\w{{0,7}}(?![\w/])"
    r"|(?<!\w)(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,64}(?!\w)"
    r"|\d+(?:[.,]\d+)*")
# a parenthesised text holding one of them: `(versions 0, 1 and 3 more)`
_VARYING_IN_PARENTHESES = re.compile(rf"\([^()]*{MASK}[^()]*\)")
# several of them in a row, listed (`'CET' (…), 'IST' (…)`) or joined (`entry 'Story 3'`)
_MASKS_IN_A_ROW = re.compile(rf"{MASK}(?:(?:,? and |,? or |, | |-|/|#|\.){MASK})+")


def _without_name(line: str, name: str) -> str:
    """The warning `line` without the name it starts with: `name`, or else whatever comes before
    its first `: `."""
    return (line.removeprefix(f"{name}: ") if line.startswith(f"{name}: ")
            else line.partition(": ")[2] or line)


def warning_kind(line: str, name: str) -> str:
    """The kind of a warning `line` about the article called `name`: the line without the name
    it starts with (`_without_name`), what varies from article to article masked as `…`."""
    masked = _VARYING.sub(MASK, _without_name(line, name))
    masked = _VARYING_IN_PARENTHESES.sub(MASK, masked)
    return _MASKS_IN_A_ROW.sub(MASK, masked)


def example(line: str, name: str) -> str:
    """What a summary shows of the warning `line` about the article called `name`, the first of
    its kind: its text without the name it starts with (`_without_name`), to the end
    of its first clause, cut at a word boundary (`…`) past `EXAMPLE_LENGTH` characters."""
    clause = _without_name(line, name).partition("; ")[0]
    if len(clause) <= EXAMPLE_LENGTH:
        return clause
    return clause[:EXAMPLE_LENGTH + 1].rsplit(" ", 1)[0][:EXAMPLE_LENGTH].rstrip(" ,:") + MASK


class RepeatedWarnings:
    """Which warning lines of each input go to stderr: the first `SHOWN_OF_A_KIND` of each kind
    (`warning_kind`), the rest counted, to be told in one line a kind (`summaries`) that says
    what they are and where they are kept (`held_by`)."""

    def __init__(self, shown_of_a_kind: int = SHOWN_OF_A_KIND, *, what: str = "warning",
                 held_by: str = HELD_BY_ARTICLES) -> None:
        self.shown_of_a_kind = shown_of_a_kind
        self.what = what
        self.held_by = held_by
        self._seen: Counter[tuple[str, str]] = Counter()  # (input, kind): lines of it
        self._first: dict[tuple[str, str], str] = {}  # (input, kind): its first line's `example`

    def shows(self, line: str, name: str, source: str) -> bool:
        """Whether the warning `line` about the article `name`, read from the input `source`, is
        printed; one that is not is counted for `summaries`."""
        key = (source, warning_kind(line, name))
        self._seen[key] += 1
        self._first.setdefault(key, example(line, name))
        return self._seen[key] <= self.shown_of_a_kind

    def summaries(self, source: str | None = None) -> list[str]:
        """One line for each kind of warning of the input `source` (of every input, when None)
        some of whose lines were not printed, counting them and showing the first (`example`);
        those kinds are forgotten."""
        lines = []
        for key, seen in list(self._seen.items()):
            input_name, _ = key
            if source is not None and input_name != source:
                continue
            del self._seen[key]
            shown = self._first.pop(key)
            held_back = seen - self.shown_of_a_kind
            if held_back > 0:
                lines.append(f"{visible(input_name)}: {counted(held_back, f'more {self.what}')} "
                             f"like '{visible(shown)}' ({self.held_by})")
        return lines
