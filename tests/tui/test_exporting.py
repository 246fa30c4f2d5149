"""What the export dialog and its notice show of a path too long for their room."""

from __future__ import annotations

import subprocess
from pathlib import Path

from revdiff.engine.comparison import compare
from revdiff.export.pairs import compare_chain, pair_reading
from revdiff.export.records import article_ref
from revdiff.model import Article, Version
from revdiff.tui.exporting import (
    EXPORT_FORMATS,
    ExportedPair,
    default_filename,
    path_end,
    write_export,
)
from revdiff.tui.wrapping import text_width


def test_a_path_of_wide_characters_ends_within_its_cells() -> None:
    """Counted in characters, a path of CJK folders took twice the cells it was given."""
    path = "/home/用户/新闻/二零二六年十二月/草稿/笔记.txt"
    shown = path_end(path, 20)
    assert text_width(shown) <= 20
    assert shown == "…/草稿/笔记.txt"


def test_a_path_of_combining_marks_keeps_the_folders_that_fit() -> None:
    """A combining accent takes no cell: counted as a character, the path was cut to fewer
    folders than fit, or shown cut when it fit whole."""
    path = "/srv/cafe\u0301/ide\u0301es/re\u0301sume\u0301.txt"  # `café`, `idées`, `résumé`
    assert path_end(path, text_width(path)) == path
    assert path_end(path, 23) == "…/cafe\u0301/ide\u0301es/re\u0301sume\u0301.txt"


def test_a_cut_name_does_not_begin_with_a_mark_torn_from_its_letter() -> None:
    shown = path_end("/e\u0301" * 3 + "/" + "e\u0301" * 30, 10)
    assert text_width(shown) <= 10
    assert shown[1] == "e"


def test_a_long_reason_keeps_its_start_and_end_within_its_cells() -> None:
    """A system's reason too long for the export dialog's rows is cut in its middle, between
    grapheme clusters, wide characters counted as two cells."""
    from revdiff.tui.exporting import middle_cut

    assert middle_cut("Permission denied", 17) == "Permission denied"
    assert middle_cut("Permission denied", 10) == "Perm…enied"
    shown = middle_cut("書き込めませんでした：ディスクがいっぱいです", 15)
    assert text_width(shown) <= 15 and shown == "書き込め…いです"
    assert middle_cut("e\u0301" * 20, 5) == "e\u0301e\u0301…e\u0301e\u0301"


def test_the_offered_name_of_a_title_with_a_slash_is_the_whole_title() -> None:
    """An article keyed by its title `9/11 memorial` (no URL) was offered `11-memorial-v0-v1.txt`,
    the title taken for a path and cut to its last part."""
    comparison = compare(Version(0, "9/11 memorial", ("It opened.",)),
                         Version(1, "9/11 memorial", ("It opened today.",)))
    assert default_filename(comparison, "9/11 memorial", EXPORT_FORMATS[0]) == \
        "9-11-memorial-v0-v1.txt"


def test_a_pair_without_changes_exports_as_unified_its_article_line_alone(tmp_path: Path) -> None:
    """It wrote `# no changes between versions 0 and 1`, where a pair with changes starts with
    the line naming the article and the versions: that line now, and no patch, which `git apply
    --check --allow-empty` accepts as a patch that changes nothing."""
    article = Article("washpo", "https://example.org/troops", (
        Version(0, "Troops", ("Nothing changed here.",)),
        Version(1, "Troops", ("Nothing changed here.",)),
        Version(2, "Troops", ("Something changed here.",))))
    (unified,) = [export_format for export_format in EXPORT_FORMATS if export_format.name == "unified"]
    same, changed = (ExportedPair(comparison, article_ref(0, article, "story"),
                                  pair_reading(article, comparison))
                     for comparison in compare_chain(article, "auto"))
    assert unified.render(changed).splitlines()[0] == \
        "article https://example.org/troops: version 1 -> 2"
    assert unified.render(same) == "article https://example.org/troops: version 0 -> 1\n"
    write_export(same, unified, tmp_path / "same.diff")
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    checked = subprocess.run(["git", "apply", "--check", "--allow-empty", "../same.diff"],
                             cwd=tmp_path / "repo", capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr


def test_the_json_export_escapes_unicode_line_breaks_as_diff_json_does() -> None:
    """The app's JSON wrote NEL, U+2028 and U+2029 raw, where `revdiff diff --format json`
    escapes them: a reader splitting the file with `str.splitlines()` cut a paragraph."""
    import json

    article = Article("washpo", "https://example.org/troops", (
        Version(0, "Troops", ("One\x85two\u2028three\u2029four.",)),
        Version(1, "Troops", ("One\x85two\u2028three\u2029five.",))))
    (as_json,) = [export_format for export_format in EXPORT_FORMATS if export_format.name == "json"]
    (comparison,) = compare_chain(article, "auto")
    text = as_json.render(ExportedPair(comparison, article_ref(0, article, "story"),
                                       pair_reading(article, comparison)))
    assert text.splitlines() == text.split("\n")
    assert "\\u0085" in text and "\\u2028" in text and "\\u2029" in text
    assert json.loads(text)["edits"]
