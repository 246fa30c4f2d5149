"""What a terminal acts on instead of showing it (control sequences and strings), and characters a
title writes as their escapes: the flags read a text without them (engine/flags.py), and what
shows a word diff (the text format, the HTML tables, the app) marks a changed sequence whole
(`control_sequences_whole`)."""

from __future__ import annotations

import re

from revdiff.model import WordDiff

# What a terminal acts on instead of showing it: a control string (OSC, `\x1b]0;title\x07`, and
# DCS, SOS, PM and APC) up to its end, BEL or ST (`\x1b\\`), or the text's end, a control
# sequence (`\x1b[31m`, or after the one-character CSI, U+009B) and any other escape sequence
# (`\x1b7`, `\x1b(0`): its parameters are no numbers of the text. A control string opens only
# after ESC: its one-character forms (U+0090, U+009D, ...) are what text decoded in the wrong
# charset holds (`”` read as Latin-1 is `â\x80\x9d`), and would hide the rest of the text.
# (Each branch begins with its own character, so that the search skips to ESC and CSI.)
_CONTROL_SEQUENCE = re.compile(r"\x1b(?:[]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
                               r"|\[[0-?]*[ -/]*[@-~]"
                               r"|[ -/]*[0-~])"
                               r"|\x9b[0-?]*[ -/]*[@-~]")


# A byte of a name that is not UTF-8, or a lone UTF-16 half, as `file_names.name_text` writes it
# in a title (`caf\xe9`, `\ud800`): one character that could not be read, whose hex digits are
# no number of the text.
_ESCAPED_CHARACTER = re.compile(r"\\x[89a-f][0-9a-f]|\\ud[89a-f][0-9a-f]{2}")


def control_sequence_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` holds a control sequence or string (`_CONTROL_SEQUENCE`): each one's start
    and end, in order."""
    return [match.span() for match in _CONTROL_SEQUENCE.finditer(text)]


def without_terminal_codes(text: str) -> str:
    """`text` as its numbers are read: without the terminal's control sequences and strings
    (`without_control_sequences`), and a character written as its escape
    (`_ESCAPED_CHARACTER`) as one that could not be read, U+FFFD."""
    return _ESCAPED_CHARACTER.sub("\ufffd", without_control_sequences(text))


def without_control_sequences(text: str) -> str:
    """`text` as its words, punctuation and quotations are read: without the terminal's control
    sequences and strings (`_CONTROL_SEQUENCE`: a `"` in a window's title, `\x1b]0;"Hi"\x07`, is
    no quotation mark of the text). A character written as its escape stays as written, whose
    letters are a title's (`caf\\xe9` to `caf` changes letters)."""
    return _CONTROL_SEQUENCE.sub("", text)


def _cut_length(start: int, end: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """How much of the text from `start` to `end` belongs to control sequences (`spans`) that
    begin before it and to ones that end after it: its head and its tail that are parts of a
    sequence it cuts."""
    head = max((min(span_end, end) - start for span_start, span_end in spans
                if span_start < start < span_end), default=0)
    tail = max((end - max(span_start, start) for span_start, span_end in spans
                if span_start < end < span_end), default=0)
    return head, tail


def control_sequences_whole(diff: WordDiff) -> WordDiff:
    """The word diff with every control sequence or string that a change cuts
    (`␛[[-31m-]{+32m+}`) deleted and inserted whole (`[-␛[31m-]{+␛[32m+}`): the kept text of it
    beside the change is moved into the change, on both sides; a kept run that lies inside such
    a sequence joins the changes around it into one. For showing a diff only: the word diff that
    counts words and reads flags is the engine's, as it was."""
    old_spans = control_sequence_spans("".join(piece for op, piece in diff if op <= 0))
    new_spans = control_sequence_spans("".join(piece for op, piece in diff if op >= 0))
    if not old_spans and not new_spans:
        return diff
    runs: list[tuple[int, str]] = []
    deleted = inserted = ""  # the change being gathered
    old_at = new_at = 0
    for op, piece in diff:
        if op < 0:
            deleted += piece
            old_at += len(piece)
            continue
        if op > 0:
            inserted += piece
            new_at += len(piece)
            continue
        old_head, old_tail = _cut_length(old_at, old_at + len(piece), old_spans)
        new_head, new_tail = _cut_length(new_at, new_at + len(piece), new_spans)
        old_at += len(piece)
        new_at += len(piece)
        head, tail = max(old_head, new_head), max(old_tail, new_tail)
        if head + tail >= len(piece):  # the whole kept run is inside sequences a change cuts
            deleted += piece
            inserted += piece
            continue
        deleted, inserted = deleted + piece[:head], inserted + piece[:head]
        runs += [(-1, deleted)] if deleted else []
        runs += [(1, inserted)] if inserted else []
        runs.append((0, piece[head:len(piece) - tail]))
        deleted = inserted = piece[len(piece) - tail:]
    runs += [(-1, deleted)] if deleted else []
    runs += [(1, inserted)] if inserted else []
    return tuple(runs)
