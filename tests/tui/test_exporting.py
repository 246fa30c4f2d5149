"""What the export dialog and its notice show of a path too long for their room."""

from __future__ import annotations

from revdiff.engine.comparison import compare
from revdiff.model import Version
from revdiff.tui.exporting import EXPORT_FORMATS, default_filename, path_end
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
