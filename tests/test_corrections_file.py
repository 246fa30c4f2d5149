"""A corrections file: one person's reading of a row a line, read back as it was written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from revdiff.corrections_file import BadCorrection, correction_line, read_corrections
from revdiff.model import RowKind


def test_written_corrections_are_read_back_with_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "fixes.jsonl"
    path.write_text("# my readings\n\n"
                    + correction_line("d/p 1.txt", 15, RowKind.CHANGE, 57) + "\n"
                    + correction_line("d/p 1.txt", 16, RowKind.NEW_ONLY, None) + "\n",
                    encoding="utf-8")
    first, second = read_corrections(str(path), 10_000)
    assert (first.page, first.line, first.kind, first.boundary, first.file_line) == \
        ("d/p 1.txt", 15, RowKind.CHANGE, 57, 3)
    assert (second.kind, second.boundary, second.file_line) == (RowKind.NEW_ONLY, None, 4)


@pytest.mark.parametrize("kind", ["old_only", "new_only"])
def test_a_null_boundary_is_read_as_none_on_a_row_that_has_none(tmp_path: Path, kind: str) -> None:
    # `revdiff parse --format json` shows a one-sided row's boundary as null: a row copied from
    # it, its confidence left out, is a correction
    path = tmp_path / "fixes.jsonl"
    path.write_text(f'{{"page": "p.txt", "line": 15, "kind": "{kind}", "boundary": null}}\n',
                    encoding="utf-8")
    (correction,) = read_corrections(str(path), 10_000)
    assert (correction.kind, correction.boundary) == (RowKind(kind), None)


@pytest.mark.parametrize(("line", "reason"), [
    ("p.txt 15 new_only", "not a JSON object"),
    ('["p.txt", 15]', "not a JSON object"),
    ('{"page": "p.txt", "line": 15, "kind": "inserted"}', '"kind" is not one of'),
    ('{"page": "p.txt", "line": 15, "kind": ["match"]}', '"kind" is not one of'),
    ('{"page": "p.txt", "line": "15", "kind": "match"}', "no row's line"),
    ('{"page": "p.txt", "line": true, "kind": "match"}', "no row's line"),
    ('{"line": 15, "kind": "match"}', "no page named"),
    ('{"page": "p.txt", "line": 15, "kind": "change"}', 'a change row needs "boundary"'),
    ('{"page": "p.txt", "line": 15, "kind": "old_only", "boundary": 4}',
     'only a change or match row has a "boundary", not an old_only row'),
    ('{"page": "p.txt", "line": 15, "kind": "new_only", "boundary": 4}',
     'only a change or match row has a "boundary", not a new_only row'),
    ('{"page": "p.txt", "line": 15, "kind": "match", "boundary": "137"}',
     'a match row\'s "boundary" is a number'),
    ('{"page": "p.txt", "line": 15, "kind": "match", "side": 1}', "unknown key 'side'"),
    # found by a review: Python reads no integer of more than 4,300 digits (a traceback)
    pytest.param('{"page": "p.txt", "line": ' + "9" * 5000 + ', "kind": "match"}',
                 "a number too long to read", id="a-5000-digit-line"),
])
def test_a_malformed_line_is_refused_naming_it(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "fixes.jsonl"
    path.write_text(f"# first\n{line}\n", encoding="utf-8")
    with pytest.raises(BadCorrection, match=rf"fixes.jsonl:2: {reason}") as refused:
        read_corrections(str(path), 10_000)
    assert "write a correction as" in str(refused.value)


@pytest.mark.parametrize(("character", "escape"), [("\t", "\\u0009"), ("\x1b", "\\u001b")])
def test_a_raw_control_character_in_a_string_is_named_by_its_column(
        tmp_path: Path, character: str, escape: str) -> None:
    """Found by a review: a tab or an escape typed inside a page's name was refused as 'not a
    JSON object', which hid the cause; the error names neither the character nor echoes it."""
    path = tmp_path / "fixes.jsonl"
    path.write_text(f'{{"page": "p{character}.txt", "line": 15, "kind": "match"}}\n',
                    encoding="utf-8")
    with pytest.raises(BadCorrection) as refused:
        read_corrections(str(path), 10_000)
    error = refused.value
    assert (error.line, error.message, error.hint) == (
        1, f"a raw control character (U+{ord(character):04X}) inside a JSON string at column 12",
        f"write it as {escape}")
    assert character not in f"{error.message} {error.hint} {error}"


def test_an_unknown_key_of_a_megabyte_is_named_in_a_short_line(tmp_path: Path) -> None:
    """Found by a review: `unknown key` quoted the key whole, a 1 MB key a 1 MB error line."""
    path = tmp_path / "fixes.jsonl"
    key = "k" * 1_000_000
    path.write_text(f'{{"page": "p.txt", "line": 15, "kind": "match", "{key}\\u001b": 1}}\n',
                    encoding="utf-8")
    with pytest.raises(BadCorrection, match=r"fixes.jsonl:1: unknown key 'kkk") as refused:
        read_corrections(str(path), 2_000_000)
    message = str(refused.value)
    assert len(message) < 300 and "1,000,001 characters" in message
    assert "\x1b" not in message


def test_a_file_not_utf8_or_too_large_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fixes.jsonl"
    path.write_bytes(b'{"page": "caf\xe9.txt", "line": 1, "kind": "match"}\n')
    with pytest.raises(BadCorrection, match="not UTF-8"):
        read_corrections(str(path), 10_000)
    with pytest.raises(BadCorrection, match="larger than the limit of 10 bytes"):
        read_corrections(str(path), 10)


def test_a_page_name_with_a_line_separator_in_it_is_read_back(tmp_path: Path) -> None:
    """A name written as it is (`ensure_ascii=False`) keeps U+2028 or NEL, which Python's
    `splitlines` breaks a line at: the correction was cut in two, neither half JSON."""
    path = tmp_path / "fixes.jsonl"
    path.write_text(correction_line("a\u2028b\x85.txt", 3, RowKind.OLD_ONLY, None) + "\r\n",
                    encoding="utf-8")
    [correction] = read_corrections(str(path), 10_000)
    assert correction.page == "a\u2028b\x85.txt"


@pytest.mark.parametrize("first", ["# my readings", correction_line("p.txt", 3, RowKind.MATCH, None)])
def test_a_file_saved_with_a_utf8_byte_order_mark_is_read(tmp_path: Path, first: str) -> None:
    """Found by a review: a file saved as UTF-8 by an editor that begins it with a byte-order
    mark (Notepad) was refused at its first line, `not a JSON object`, and a `#` comment there
    was read as a correction."""
    path = tmp_path / "fixes.jsonl"
    path.write_text(first + "\n" + correction_line("p.txt", 4, RowKind.NEW_ONLY, None) + "\n",
                    encoding="utf-8-sig")
    read = [correction.line for correction in read_corrections(str(path), 10_000)]
    assert read == ([4] if first.startswith("#") else [3, 4])


def test_a_file_not_read_says_what_to_do(tmp_path: Path) -> None:
    """Found by a review: `revdiff.load(page, corrections=...)` of a path that names nothing, a
    folder or a file in another encoding said what was wrong and nothing of what to do."""
    from revdiff.errors import RevdiffError

    latin = tmp_path / "fixes.jsonl"
    latin.write_bytes(b'# caf\xe9\n')
    marked = tmp_path / "marked.jsonl"
    marked.write_bytes(b'\xef\xbb\xbf# caf\xe9\n')  # its offset counted in the file, mark too
    told = {"missing.jsonl": r"missing\.jsonl: cannot read the corrections file: No such file "
                             r"or directory \(check the path\)$",
            "~/missing.jsonl": r"Python does not expand ~ as a shell does: give "
                               r"os\.path\.expanduser\(path\)\)$",
            str(tmp_path): r"the corrections file is a folder, not a regular file \(give a "
                           r"corrections file: a file of JSON lines\)$",
            str(latin): r"fixes\.jsonl: the corrections file is not UTF-8 text \(byte 0xe9 at "
                        r"offset 5\) \(save it as UTF-8\)$",
            str(marked): r"marked\.jsonl: the corrections file is not UTF-8 text \(byte 0xe9 at "
                         r"offset 8\) \(save it as UTF-8\)$"}
    for name, reason in told.items():
        with pytest.raises(BadCorrection) as refused:
            read_corrections(name, 10_000)
        assert re.search(reason, str(refused.value.worded_for_python()))
    with pytest.raises(RevdiffError) as refused:  # the command line's words, which name no Python
        read_corrections("~/missing.jsonl", 10_000)
    assert str(refused.value).endswith("(check the path)")
