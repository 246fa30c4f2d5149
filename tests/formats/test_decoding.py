"""Input bytes to text: byte-order marks, declared charsets, guessed legacy encodings."""

from __future__ import annotations

import gzip
import io
import random
import tarfile
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from story_chains import SAMPLES

from revdiff.errors import BinaryData, BinaryInput, EncodingProblem, InputTooLarge
from revdiff.formats import decoding, load, text_input
from revdiff.formats.decoding import (
    DecodedText,
    decode_bytes,
    decode_version_bytes,
    read_in_one_encoding,
)
from revdiff.formats.text_input import gunzipped

FRENCH = "Le président a déclaré « oui ».\nÇa va très bien, merci.\n"
ENGLISH = "He said “no” — it’s over, and the “deal” is off.\n"


@pytest.mark.parametrize(("mark", "encoding"), [
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be")])
def test_a_byte_order_mark_decides(mark: bytes, encoding: str) -> None:
    decoded = decode_bytes(mark + FRENCH.encode(encoding), "page.txt")
    assert (decoded.text, decoded.encoding, decoded.warning) == (FRENCH, encoding, None)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0\r"),
               min_size=1).filter(str.strip),
       st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]))
def test_any_text_behind_a_mark_comes_back(text: str, encoding: str) -> None:
    marks = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff",
             "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}
    if encoding == "utf-16-le" and text.startswith("\0"):
        return  # would carry the UTF-32 mark; NUL is refused either way
    if text.startswith("\ufeff"):
        return  # a second mark, dropped with the first
    assert decode_bytes(marks[encoding] + text.encode(encoding), "t").text == text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le"])
def test_a_doubled_byte_order_mark_is_dropped_with_the_first(encoding: str) -> None:
    mark = "\ufeff".encode(encoding)
    decoded = decode_bytes(mark + mark + FRENCH.encode(encoding), "page.txt")
    assert decoded.text == FRENCH


def test_a_page_behind_a_doubled_mark_is_read(tmp_path: Path) -> None:
    """A second mark was read as text before the markup: the page was refused as starting on
    line 2 (`remove the lines before line 2`)."""
    sample = SAMPLES / "newsdiffs" / "us-deploys-troops-v1-v2-rendered.html"
    target = tmp_path / "page.html"
    target.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + sample.read_bytes())
    assert load([str(target)])[0].versions == load([str(sample)])[0].versions


def test_utf16_holding_nul_is_binary() -> None:
    with pytest.raises(BinaryInput, match="NUL"):
        decode_bytes(b"\xff\xfe" + "a\0b\n".encode("utf-16-le"), "page.txt")


def test_utf32_is_not_read_as_utf16() -> None:
    decoded = decode_bytes(b"\xff\xfe\x00\x00" + "Hello\n".encode("utf-32-le"), "page.txt")
    assert decoded.text == "Hello\n"


def test_a_cut_utf32_file_is_one_error() -> None:
    with pytest.raises(EncodingProblem, match="utf-32-le"):
        decode_bytes(b"\xff\xfe\x00\x00" + "Hello\n".encode("utf-32-le")[:-1], "page.txt")


@pytest.mark.parametrize(("text", "encoding"), [(FRENCH, "latin-1"), (FRENCH, "cp1252"),
                                                (ENGLISH, "cp1252"), ("café\n", "cp1252")])
def test_legacy_text_is_read_and_the_guess_named(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding), "old/page.txt")
    assert decoded.text == text
    assert decoded.warning is not None
    assert decoded.warning.startswith("old/page.txt: ") and "cp1252" in decoded.warning


@pytest.mark.parametrize("text", ["Il est très tard.\n", "Il a été élu près de chez lui.\n",
                                  "Über 300 Menschen mussten fliehen.\n",
                                  "El año pasado hubo más lluvias.\n"])
def test_a_short_western_line_is_not_read_as_an_asian_encoding(text: str) -> None:
    """charset-normalizer offered big5 and mac_latin2 for these: `Il est tr鋊 tard.`,
    `Il a ťtť ťlu prŤs de chez lui.`."""
    decoded = decode_bytes(text.encode("cp1252"), "old/page.txt")
    assert decoded.text == text
    assert decoded.warning is not None and "read it as cp1252" in decoded.warning


@pytest.mark.parametrize("text", ["Rząd przyjął nową ustawę.\n",
                                  "Sąd zdecydował we wtorek wieczorem.\n",
                                  "Wybory odbędą się w maju. Sąd oddalił skargę.\n"])
def test_polish_in_windows_1250_is_not_read_as_windows_1252(text: str) -> None:
    """Read as Windows-1252 it was `Rz¹d przyj¹³ now¹ ustawê.`, as free of noise to the
    detector: a symbol between letters tells it misread."""
    decoded = decode_bytes(text.encode("cp1250"), "old/page.txt")
    assert decoded.text == text
    assert decoded.warning is not None and "read it as cp1250" in decoded.warning


@pytest.mark.parametrize("text", ["Ministr řekl, že ceny ještě porostou.\n",
                                  "Tűz ütött ki a belvárosi áruházban.\n"])
def test_czech_and_hungarian_in_windows_1250_are_not_read_as_windows_1252(text: str) -> None:
    """Read as Windows-1252 these were `Ministr øekl`, `Tûz ütött`: every letter a Latin one, but
    letters that no one language writes together (`ø` beside `š`)."""
    decoded = decode_bytes(text.encode("cp1250"), "old/page.txt")
    assert (decoded.text, decoded.encoding) == (text, "cp1250")


@pytest.mark.parametrize("text", ["Il est arrivé après. El año pasado.\n",
                                  "après la fiesta, mañana\n",
                                  "Marché: año récord, après tout.\n",
                                  "Le café, la piñata et après.\n",
                                  "Après l'année, la niña\n"])
def test_western_languages_mixed_in_windows_1252_are_read_as_it(text: str) -> None:
    """French beside Spanish (a name, a quotation) belongs to no one of the two languages, and
    was read as Windows-1250 or Arabic Windows-1256 (`aprčs`, `aٌo`): the Western European
    languages' letters count as one alphabet, as Windows-1252 writes them all."""
    decoded = decode_bytes(text.encode("cp1252"), "old/page.txt")
    assert (decoded.text, decoded.encoding) == (text, "cp1252")


@pytest.mark.parametrize("text", ["Proračun je usvojen.\n", "Čuvar je ozlijeđen.\n",
                                  "Odločitev je padla v četrtek.\n"])
def test_a_grave_vowel_before_a_vowel_tells_windows_1250_misread(text: str) -> None:
    """`č` read as Windows-1252 is `è`, which French and Italian write, but never before a vowel:
    `Proraèun`, `èuvar`, `èetrtek` were taken for Windows-1252."""
    decoded = decode_bytes(text.encode("cp1250"), "old/page.txt")
    assert (decoded.text, decoded.encoding) == (text, "cp1250")


@pytest.mark.parametrize("text", ["Żywność zdrożała w całym kraju.\n",
                                  "Soud zamítl stížnost města Plzně.\n",
                                  "Na Slovensku sa zvýšila nezamestnanosť.\n"])
def test_central_european_text_in_iso_8859_2_is_read_as_such(text: str) -> None:
    """ISO-8859-2 was read only where charset-normalizer offered it: Polish came back as
    ISO-8859-10 (`Ŋywnoķæ`), Czech as Windows-1250 (`stíľnost`)."""
    assert decode_bytes(text.encode("iso8859-2"), "old/page.txt").text == text


@pytest.mark.parametrize("text", ["Le billet coûte 5 € et la salle est pleine.\n",
                                  "Les prix ont augmenté de 2 € par litre.\n",
                                  "Die Karte kostet 5 € und ist ausverkauft.\n"])
def test_the_euro_in_iso_8859_15_is_not_read_as_the_currency_sign(text: str) -> None:
    """`€` in ISO-8859-15 is the byte of `¤` in Windows-1252, a sign no text writes: it counted
    as no misreading (a word of no Latin letter was not judged), and the text was taken for
    Windows-1252 (`5 ¤`)."""
    decoded = decode_bytes(text.encode("iso8859-15"), "old/page.txt")
    assert (decoded.text, decoded.encoding) == (text, "iso8859_15")


@pytest.mark.parametrize("text", ["Življenje na vasi je postalo težje.\n",
                                  "Štrajk je trajao četiri dana.\n",
                                  "Število brezposelnih se je znižalo.\n"])
def test_iso_8859_2_is_taken_before_another_reading_that_fits_as_well(text: str) -> None:
    """Where charset-normalizer measured as little noise in a DOS code page's or ISO-8859-10's
    reading, every letter Latin, the first it offered was taken: `«ivljenje` (cp852),
    `Đtrajk` and `Ūivljenje` (ISO-8859-10), `ętevilo` (cp852)."""
    decoded = decode_bytes(text.encode("iso8859-2"), "old/page.txt")
    assert (decoded.text, decoded.encoding) == (text, "iso8859_2")


@pytest.mark.parametrize(("text", "encoding"), [
    ("Ľudia sú unavení.\n", "cp1250"), ("Łodzi nie ma.\n", "cp1250"),
    ("Župan Štajerske je včeraj odstopil.\n", "iso8859-2"),
    ("Šole na Štajerskem bodo zaprte.\n", "iso8859-2"),
    ("Śledztwo trwało całą noc.\n", "iso8859-2")])
def test_a_symbol_at_the_edge_of_a_word_tells_a_misreading(text: str, encoding: str) -> None:
    """A symbol stuck to a word's start before small letters, or to its end after one, counted as
    no misreading (only one between letters did): `¼udia`, `£odzi` (Windows-1250 read as
    Windows-1252), `®upan`, `©tajerskem` and `¦ledztwo trwało cał±` (ISO-8859-2 read as Windows-1250)
    were taken."""
    assert decode_bytes(text.encode(encoding), "old/page.txt").text == text


@pytest.mark.parametrize("text", ["Nezamestnanosť v regióne klesla, povedal minister.\n",
                                  "Nezamestnanosť klesla.\n"])
def test_a_closing_guillemet_that_nothing_opened_tells_a_misreading(text: str) -> None:
    """`ť` in ISO-8859-2 read as Windows-1250 is `»`, which was stripped from the word's end as
    punctuation: `Nezamestnanos»` counted as no misreading, and the text was taken for
    Windows-1252 or Windows-1250."""
    assert decode_bytes(text.encode("iso8859-2"), "old/page.txt").text == text


@pytest.mark.parametrize("text", ["Ťažká situácia v nemocnici trvá už týždeň.\n",
                                  "Ťahá sa to celé mesiace, povedal starosta.\n",
                                  "Ťukání na dveře vzbudilo celý dům.\n"])
def test_an_opening_guillemet_that_nothing_closes_tells_a_misreading(text: str) -> None:
    """`Ť` in ISO-8859-2 read as Windows-1250 is `«`, which was stripped from the word's start as
    punctuation: `«ažká` and `«ukání` counted as no misreading, and the text was taken for
    Windows-1250 or Windows-1252."""
    assert decode_bytes(text.encode("iso8859-2"), "old/page.txt").text == text


@pytest.mark.parametrize("text", ["«Il est parti», a dit le maire.\n",
                                  "Er sagte: »Wir bleiben.« Dann ging er.\n",
                                  "Ha detto «non lo so», poi è uscito.\n"])
def test_guillemets_that_close_a_quotation_keep_their_reading(text: str) -> None:
    assert decode_bytes(text.encode("cp1252"), "old/page.txt").text == text


@pytest.mark.parametrize("encoding", ["cp1252", "iso8859-15"])
@pytest.mark.parametrize("text", ["Il faisait 35°C à Paris, a dit Météo-France.\n",
                                  "L'appartement de 40 m² coûte très cher.\n",
                                  "Photo ©AFP. Le ministre a démissionné, a dit ©Reuters.\n",
                                  "Le billet coûte £5 à Londres, et la Kleenex® est là.\n",
                                  "Foto ©dpa. Der Minister trat am Dienstag zurück.\n"])
def test_a_symbol_written_at_the_edge_of_a_word_keeps_its_western_reading(text: str,
                                                                          encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding), "old/page.txt")
    assert decoded.text == text


@pytest.mark.parametrize("encoding", ["cp1252", "iso8859-15"])
@pytest.mark.parametrize("text", ["O ministro não comentou as eleições.\n",
                                  "Il sindaco è arrivato più tardi.\n",
                                  "Søndag åbnede den nye skole i Ærøskøbing.\n",
                                  "Le maître a reçu les élèves à l'école.\n"])
def test_western_text_keeps_its_reading_beside_central_european_ones(text: str,
                                                                     encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding), "old/page.txt")
    assert decoded.text == text


@pytest.mark.parametrize(("text", "encoding"), [
    ("台北市長表示將繼續調查此事。\n", "big5"), ("警方正在調查這起交通事故。\n", "big5"),
    ("立法院昨天通過了預算案。\n", "big5"),
    ("国务院今天召开常务会议。\n", "gb18030"), ("专家表示，经济增长将保持稳定。\n", "gb18030"),
    ("苹果公司今天发布了新款iPhone手机。", "gb18030"),  # bytes even in number: UTF-16 reads them
    ("政府は新しい政策を発表した。\n", "shift_jis"), ("天気予報によると明日は雨です。\n", "shift_jis"),
    ("ソニーはPlayStationの新型を発表した。\n", "shift_jis"),
    ("Правительство объявило о новых мерах.\n", "cp1251"),
    ("Президент встретился с журналистами.\n", "cp1251"),
    ("Цены на бензин снова выросли.\n", "cp1251"),
    ("Η κυβέρνηση ανακοίνωσε νέα μέτρα.\n", "cp1253"),
    ("Ο πρωθυπουργός μίλησε στη Βουλή.\n", "cp1253"),
    ("Οι τιμές αυξήθηκαν ξανά.\n", "cp1253")])
def test_text_in_another_script_keeps_its_encoding(text: str, encoding: str) -> None:
    """Judging words for misreadings of Latin text must not push Chinese, Japanese, Russian or
    Greek to another reading: one as UTF-16 that hides `iPhone` among CJK letters had no Latin
    word to judge, while the right reading's `新款iPhone手机` seemed misread."""
    decoded = decode_bytes(text.encode(encoding), "old/page.txt")
    assert decoded.text == text
    assert decoded.warning is not None


def test_utf8_text_is_read_without_a_guess() -> None:
    decoded = decode_bytes("Il est très tard. Rząd przyjął nową ustawę.\n".encode(), "page.txt")
    assert (decoded.encoding, decoded.warning) == ("utf_8", None)


def test_declared_charset_is_used_without_a_warning() -> None:
    page = '<html><meta charset="windows-1252"><p>“Café”</p></html>'
    decoded = decode_bytes(page.encode("cp1252"), "page.html")
    assert (decoded.text, decoded.warning) == (page, None)


def test_declared_latin1_means_windows_1252_as_in_browsers() -> None:
    page = b'<html><meta charset="iso-8859-1"><p>\x93quoted\x94</p></html>'
    assert "“quoted”" in decode_bytes(page, "page.html").text


def test_declared_utf16_without_a_mark_is_read_as_utf8() -> None:
    page = '<html><meta charset="utf-16"><p>Café</p></html>'
    assert decode_bytes(page.encode("utf-8"), "page.html").text == page


def test_a_wrong_declaration_is_overruled_with_a_warning() -> None:
    page = '<html><meta charset="utf-8"><h1>Café déjà vu</h1></html>'
    decoded = decode_bytes(page.encode("latin-1"), "page.html")
    assert decoded.text == page
    assert decoded.warning is not None and "declares utf-8 but is not valid utf-8" in decoded.warning


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "ascii"])
def test_a_stale_single_byte_declaration_on_utf8_is_overruled_with_a_warning(label: str) -> None:
    # a page saved again as UTF-8 keeps its old <meta>: read as declared, `Hergé` was `HergÃ©`
    page = f'<html><meta charset="{label}"><h1>Hergé’s “Tintin”</h1></html>'
    decoded = decode_bytes(page.encode("utf-8"), "page.html")
    assert decoded.text == page
    assert decoded.warning is not None
    assert f"declares {label} but is valid UTF-8" in decoded.warning


@pytest.mark.parametrize("encoding", ["utf-16le", "utf-16be"])
def test_utf16_without_a_byte_order_mark_is_named_with_what_to_do(encoding: str) -> None:
    with pytest.raises(EncodingProblem, match=f"looks like {encoding} text without a byte-order "
                                              f"mark.*iconv -f {encoding} -t utf-8"):
        decode_bytes(FRENCH.encode(encoding), "page.txt")
    with pytest.raises(BinaryInput, match="binary data"):  # what is no text at all stays binary
        decode_bytes(bytes(range(256)) * 4, "page.txt")


@pytest.mark.parametrize("label", ["punycode", "idna", "undefined", "utf-7", "rot13", "x-nonsense",
                                   "base64"])
def test_a_declaration_that_is_no_character_set_is_refused(label: str) -> None:
    page = f'<html><meta charset="{label}"><p>Hello, world.</p></html>'.encode("ascii")
    with pytest.raises(EncodingProblem, match="not a character set"):
        decode_bytes(page, "page.html")


def test_a_long_declaration_is_quoted_with_its_length() -> None:
    """A declared label of thousands of characters was quoted whole, making a line as long."""
    label = "x" * 3000
    page = f'<html><meta charset="{label}"><p>Hello, world.</p></html>'.encode("ascii")
    with pytest.raises(EncodingProblem) as error:
        decode_bytes(page, "page.html")
    assert "(3,000 characters)" in error.value.message and len(error.value.message) < 200


def test_guessed_encodings_reach_the_article_warnings(tmp_path: Path) -> None:
    old, new = tmp_path / "0.txt", tmp_path / "1.txt"
    old.write_bytes(FRENCH.encode("latin-1"))
    new.write_bytes(FRENCH.replace("oui", "non").encode("latin-1"))
    (article,) = load([str(old), str(new)])
    assert article.versions[1].paragraphs[0] == "Le président a déclaré « non »."
    (warning,) = article.warnings  # one guess over the two files, warned once
    assert warning.startswith(f"{tmp_path}: the text of 2 files (0.txt, 1.txt)")


def test_a_flattened_page_in_windows_1252_is_read_with_its_warning(tmp_path: Path) -> None:
    legacy = (SAMPLES / "washpo-soleimani-v6-v7.txt").read_text("utf-8").encode("cp1252",
                                                                               "replace")
    target, same_in_utf8 = tmp_path / "page.txt", tmp_path / "utf8" / "page.txt"
    target.write_bytes(legacy)
    same_in_utf8.parent.mkdir()
    same_in_utf8.write_text(legacy.decode("cp1252"), "utf-8")
    (article,) = load([str(target)])
    assert article.warnings[0].startswith(f"{target}: the text is not valid UTF-8; read it as "
                                          "cp1252")
    assert any("’" in paragraph for paragraph in article.versions[1].paragraphs)
    assert article.versions == load([str(same_in_utf8)])[0].versions


def test_utf8_cut_in_a_character_is_read_as_utf8_without_it() -> None:
    """A UTF-8 page cut short inside a character (`head -c`, a download that stopped) was
    guessed to be a legacy encoding whole (mac_iceland): every curly quote became `‚Äú`."""
    cut = "Esper said the US took “decisive action”".encode()[:-2]
    decoded = decode_bytes(cut, "cut.txt")
    assert decoded.text == "Esper said the US took “decisive action"
    assert decoded.warning is not None and "ends in the middle of a character" in decoded.warning
    assert decoded.warning.endswith("its last 1 byte is left out")  # it said `1 byte(s) are`
    # a Windows-1252 text whose only letter beyond ASCII ends it is still guessed as such
    assert decode_bytes(b"Hello Caf\xe9", "cafe.txt").text == "Hello Café"


@pytest.mark.usefixtures("trafilatura")
def test_a_compressed_page_in_a_folder_is_read_decompressed(tmp_path: Path) -> None:
    # `curl --compressed -o`, or a page kept as story.html.gz beside the others, was refused as
    # "binary data, not text (give a text, HTML or NewsEdits SQLite file)": it is HTML, packed
    page = ("<!DOCTYPE html><html><body><article><p>One paragraph of the story, {}.</p>"
            "</article></body></html>")
    (tmp_path / "2020-01-08T00-10.html").write_text(page.format("first"), "utf-8")
    (tmp_path / "2020-01-08T01-10.html.gz").write_bytes(gzip.compress(page.format("then").encode()))
    article, = load([str(tmp_path)])
    assert [v.paragraphs for v in article.versions] == [("One paragraph of the story, first.",),
                                                        ("One paragraph of the story, then.",)]


def test_a_gzip_file_of_several_members_gives_them_all() -> None:
    # `cat a.gz b.gz > page.html.gz` is one file to gzip, which gives both texts; only the first
    # member's was read, the rest left out without a word. Zeros after the last member, which
    # some tools pad with, are passed over as gzip passes them over
    joined = gzip.compress(b"<p>One.</p>") + gzip.compress(b"<p>Two.</p>")
    assert gunzipped(joined, "page.html.gz").body == b"<p>One.</p><p>Two.</p>"
    assert gunzipped(joined + bytes(8), "page.html.gz").body == b"<p>One.</p><p>Two.</p>"
    with pytest.raises(InputTooLarge):
        gunzipped(joined, "page.html.gz", max_bytes=15)


@pytest.mark.usefixtures("trafilatura")
def test_data_after_a_gzip_stream_that_starts_no_member_is_warned_of(tmp_path: Path) -> None:
    # it was dropped without a word, where gzip warns "trailing garbage ignored"
    page = ("<!DOCTYPE html><html><body><article><p>One paragraph of the story, {}.</p>"
            "</article></body></html>")
    (tmp_path / "2020-01-08T00-10.html").write_text(page.format("first"), "utf-8")
    followed = tmp_path / "2020-01-08T01-10.html.gz"
    followed.write_bytes(gzip.compress(page.format("then").encode()) + b"\0\0<!-- end -->\n")
    article, = load([str(tmp_path)])
    assert article.versions[1].paragraphs == ("One paragraph of the story, then.",)
    said, = (w for w in article.warnings if "gzip" in w)
    assert said == (f"{followed}: 15 bytes of trailing data after its gzip stream ignored: no "
                    "gzip stream starts there")


@pytest.mark.parametrize(("name", "first"), [("v1.docx", "[Content_Types].xml"),
                                             ("v1.odt", "mimetype")])
def test_a_word_processor_document_is_refused_as_such(tmp_path: Path, name: str,
                                                      first: str) -> None:
    # a version kept as a Word or OpenDocument file was told to be unzipped, which gives XML
    document = tmp_path / name
    with zipfile.ZipFile(document, "w") as archive:
        archive.writestr(first, "<Types/>")
        archive.writestr("content.xml", "<document>One paragraph.</document>")
    with pytest.raises(BinaryInput) as refused:
        decode_bytes(document.read_bytes(), name)
    assert str(refused.value) == (f"{name}: input is a word-processor or office document (docx, "
                                  "odt ...), not text (save it as plain text (.txt) or HTML in "
                                  "the program that made it)")


@pytest.mark.parametrize(("name", "first"), [("v1.docx", "[Content_Types].xml"),
                                             ("v1.odt", "mimetype")])
def test_a_document_is_told_by_its_first_entry_whatever_follows(name: str, first: str) -> None:
    # the whole zip directory was read to look for two names: a document whose entries after
    # its first are damaged was told a zip to unzip
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr(first, "<Types/>")
        for part in range(3):
            archive.writestr(f"part{part}.xml", "<document>One paragraph.</document>")
    data = bytearray(packed.getvalue())
    second = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02") + 1)
    data[second:second + 4] = b"\xff" * 4
    with pytest.raises(BinaryInput, match="word-processor or office document"):
        decode_bytes(bytes(data), name)


def test_a_zip_of_many_entries_is_told_no_document_without_listing_them() -> None:
    # every entry of the directory was listed (a zip of a million empty entries, 47 MB, took 5 s
    # and 440 MB to be refused); a document's part named last, as openpyxl writes it, is found
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for entry in range(20_000):
            archive.writestr(zipfile.ZipInfo(str(entry)), b"")
        archive.writestr("[Content_Types].xml", "<Types/>")
    data = packed.getvalue()
    tracemalloc.start()
    try:
        with pytest.raises(BinaryInput, match="word-processor or office document"):
            decode_bytes(data, "book.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < len(data) // 4


@pytest.mark.parametrize(("text", "encoding"), [
    ("中文新闻报道", "gb18030"), ("Rząd przyjął ", "cp1250")], ids=["no-spaces", "words"])
def test_guessing_a_long_legacy_text_keeps_no_reading_whole(text: str, encoding: str) -> None:
    """Past 10 MB, where charset-normalizer keeps no reading of its own: every reading the guess
    judged was kept whole (a match keeps the text it makes), and a text without white space was
    one word whose letters were listed one object each; 50 MB in gb18030 took 46 s and 4.6 GB,
    Polish in Windows-1250 1.3 GB. Each reading is judged by its start, and kept as a digest."""
    copies = 11_000_000 // len(text.encode(encoding))
    data = text.encode(encoding) * copies
    tracemalloc.start()
    try:
        decoded = decode_bytes(data, "old/page.txt")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert decoded.text == text * copies
    assert peak < 8 * len(data)


def test_a_zip_of_pages_is_refused_as_compressed(tmp_path: Path) -> None:
    pages = tmp_path / "pages.zip"
    with zipfile.ZipFile(pages, "w") as archive:
        archive.writestr("story.html", "<html><body><p>One paragraph.</p></body></html>")
    with pytest.raises(BinaryInput, match="zip-compressed, not text .* unzip"):
        decode_bytes(pages.read_bytes(), "pages.zip")


def test_a_zip_of_a_version_python_cannot_open_is_refused_as_compressed() -> None:
    # zipfile raises NotImplementedError for an entry that needs a later zip version to
    # extract (a byte of the central directory): the look for an office document inside
    # ended in a traceback
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("story.txt", "One paragraph.")
    data = bytearray(packed.getvalue())
    data[data.find(b"PK\x01\x02") + 6] = 100  # version needed to extract: 10.0
    with pytest.raises(BinaryInput, match="zip-compressed, not text .* unzip"):
        decode_bytes(bytes(data), "story.txt")


_ZLIB_DECOMPRESSOBJ = zlib.decompressobj


class _CountingDecompressor:
    """zlib's own decompressor, counting the bytes it is handed (`handed`, shared by all)."""

    def __init__(self, handed: list[int], **options: int) -> None:
        self._real = _ZLIB_DECOMPRESSOBJ(**options)
        self._handed = handed

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        self._handed.append(len(data))
        return self._real.decompress(data, max_length)

    def __getattr__(self, name: str) -> object:  # eof, unused_data, unconsumed_tail
        return getattr(self._real, name)


def test_a_gzip_file_of_many_members_is_read_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    # every member was handed the whole rest of the file, which zlib copied back as the data
    # after it: a page of a few megabytes made of empty members (20 bytes each) took minutes
    handed: list[int] = []
    monkeypatch.setattr(text_input.zlib, "decompressobj",
                        lambda **options: _CountingDecompressor(handed, **options))
    members = gzip.compress(b"<p>One.</p>", mtime=0) + gzip.compress(b"", mtime=0) * 5_000
    assert gunzipped(members, "page.html.gz").body == b"<p>One.</p>"
    assert sum(handed) <= 2 * len(members)


def _tar_of_versions() -> bytes:
    packed = io.BytesIO()
    with tarfile.open(fileobj=packed, mode="w") as archive:
        version = b"Troops arrived.\n"
        entry = tarfile.TarInfo("story/0.txt")
        entry.size = len(version)
        archive.addfile(entry, io.BytesIO(version))
    return packed.getvalue()


@pytest.mark.parametrize(("data", "said", "to_do"), [
    # a PDF whose streams are compressed, as most are
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 9 /Filter /FlateDecode >>\nstream\n"
     + zlib.compress(b"BT (Troops) Tj ET") + b"\nendstream\nendobj\n%%EOF\n",
     "a PDF document", "save its text with pdftotext FILE or a reader's Save as Text"),
    (_tar_of_versions(), "a tar archive", "unpack it (tar -xf FILE) and give the folder"),
    (b"# v2 git bundle\n53f7b71435d9ee68f090b9f099425c17e35b1adb HEAD\n\nPACK\x00\x00\x00\x02",
     "a git bundle", "clone it (git clone FILE FOLDER) and give the folder"),
    (b"# v3 git bundle\n@object-format=sha1\n\nPACK\x00\x00\x00\x02",
     "a git bundle", "clone it (git clone FILE FOLDER) and give the folder"),
    (bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504, "an older Office document (doc, xls, ppt)",
     "save it as plain text (.txt) or HTML in the program that made it")],
    ids=["pdf", "tar", "git-bundle-v2", "git-bundle-v3", "old-office"])
def test_a_binary_file_that_holds_text_is_named_with_how_to_get_it(data: bytes, said: str,
                                                                   to_do: str) -> None:
    # each was "binary data, not text", with no word of what it is or how to read it
    with pytest.raises(BinaryInput) as refused:
        decode_bytes(data, "story")
    assert str(refused.value) == f"story: input is {said}, not text ({to_do})"


def test_an_epub_is_named_as_an_e_book(tmp_path: Path) -> None:
    # it was "a word-processor or office document (docx, odt ...)", to be saved as text "in the
    # program that made it"
    book = tmp_path / "story.epub"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("OEBPS/story.xhtml", "<html><body><p>Troops arrived.</p></body></html>")
    with pytest.raises(BinaryInput) as refused:
        decode_bytes(book.read_bytes(), "story.epub")
    assert str(refused.value) == ("story.epub: input is an EPUB e-book, not text (save its text "
                                  "with ebook-convert FILE out.txt or an e-book reader, and "
                                  "give that)")


@pytest.mark.parametrize("size", [500, 5_000, 100_000])
def test_random_bytes_without_a_nul_are_binary_data(size: int) -> None:
    """Binary data with no NUL byte near its start (a picture's compressed stream, random bytes)
    was said to be text in an unknown encoding, to convert with `iconv -f cp1252`. From 500
    bytes on, the bytes no text holds are far more than the share that tells binary data."""
    generator = random.Random(size)
    data = bytes(generator.randrange(1, 256) for _ in range(size))
    with pytest.raises(BinaryData) as refused:
        decode_bytes(data, "photo")
    assert str(refused.value).startswith("photo: input is binary data, not text")


@pytest.mark.parametrize("seed", range(20))
def test_a_windows_1252_paragraph_is_text_not_binary_data(seed: int) -> None:
    """The check for binary data leaves a legacy text alone: a news paragraph in Windows-1252,
    its letters beyond ASCII, its lines ended in any way, a tab, a form feed and the end-of-file
    mark of DOS (Ctrl-Z) in it, is read with its encoding guessed, or else advised to convert."""
    generator = random.Random(seed)
    words = ENGLISH.split() + ["café", "“quoted”", "naïve", "résumé", "—", "£30m", "Zürich",
                               "façade", "…", "€5", "Ibáñez", "½"]
    paragraph = " ".join(generator.choice(words) for _ in range(generator.randrange(3, 400)))
    line_end = generator.choice(["\n", "\r\n", "\r"])
    text = line_end.join([paragraph, "\tSecond\x0cparagraph, é.", "\x1a"])
    try:
        decoded = decode_bytes(text.encode("cp1252"), "old/page.txt")
    except EncodingProblem as problem:
        assert "iconv -f cp1252 -t utf-8" in str(problem)
        return
    assert decoded.warning is not None and "is not valid UTF-8; read it as" in decoded.warning


JAPANESE = [
    "東京都は今日、新しい防災計画を発表した。計画では、大地震に備えて避難所を増やす。",
    "首相は記者会見で質問に答えた。首相は「国民の安全を第一に考える」と述べた。",
    "気象庁によると、台風は明日の朝、九州南部に上陸する見込みだ。各地で警戒が必要だ。",
    "政府は新しい経済対策を閣議決定した。中小企業の支援や物価高への対応が柱となる。"]


@pytest.mark.parametrize("paragraph", JAPANESE, ids=["plan", "press", "typhoon", "economy"])
def test_japanese_in_shift_jis_is_text_not_binary_data(paragraph: str) -> None:
    """Bytes Windows-1252 leaves undefined counted as bytes no text holds, but Shift-JIS writes
    many characters with them (`。` is 0x81 0x42): these paragraphs were binary data, in a file
    and in a git repository alike."""
    data = (paragraph + "\n").encode("shift_jis")
    assert decode_bytes(data, "old/page.txt").text == paragraph + "\n"
    assert decode_version_bytes(data) == DecodedText(
        paragraph + "\n", "cp932", "not valid UTF-8; read as cp932 (a guess)", guessed=True)


def _without_nul(data: bytes) -> bytes:
    return data.replace(b"\0", b"")


def _zip_of_random_bytes() -> bytes:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("photo.jpg", random.Random(2).randbytes(3000))
    return packed.getvalue()


@pytest.mark.parametrize("data", [
    _without_nul(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"
                 + zlib.compress(random.Random(1).randbytes(4000), 0)),
    _without_nul(_zip_of_random_bytes()),
    _without_nul(b"\x7fELF\x02\x01\x01" + random.Random(3).randbytes(6000))],
    ids=["png", "zip-member", "elf"])
def test_binary_data_without_nul_stays_binary_beside_multi_byte_text(data: bytes) -> None:
    """Reading the bytes Windows-1252 leaves undefined as Chinese, Japanese or Korean text
    lets no picture or program through: no such encoding reads them."""
    with pytest.raises(BinaryData):
        decode_bytes(data, "photo")
    assert decode_version_bytes(data) is None


@pytest.mark.parametrize(("text", "encoding"), [
    ("美国NBA总决赛今晚开打。", "gb18030"), ("中国队在比赛中获得金牌。\n", "gb18030"),
    ("首相は記者会見で質問に答えた。", "shift_jis"), ("颱風預計明天登陸，民眾應做好準備。", "big5"),
    ("高雄港的貨櫃吞吐量創下新高。\n", "big5"), ("株価は三日連続で上昇した。\n", "euc_jp"),
    ("横浜市で住宅が全焼した。\n", "euc_jp")])
def test_chinese_and_japanese_are_not_read_as_one_another_or_korean(text: str,
                                                                   encoding: str) -> None:
    """The encodings of Chinese, Japanese and Korean read one another's bytes as free of noise
    to the detector: these were `쳄벌NBA悧엄힙쏟功역댔。` (cp949), `ｻ莚ｷｹwｭpｩ妤` (cp932),
    `높꼰ㅟ뺐폽口쨀ㅗ` (cp949), none of their letters a common one."""
    assert decode_bytes(text.encode(encoding), "old/page.txt").text == text


@pytest.mark.parametrize("encoding", ["cp949", "euc_kr"])
@pytest.mark.parametrize("text", ["대통령은 오늘 기자회견을 열었다.\n", "北韓은 미사일을 발사했다.\n",
                                  "삼성전자는 새 스마트폰을 공개했다.", "부산에서 큰 불이 났다.\n",
                                  "LG전자는 실적을 발표했다.\n"])
def test_korean_is_read_as_korean(text: str, encoding: str) -> None:
    """Korean, Han characters among its Hangul too, keeps its reading beside Chinese and
    Japanese."""
    decoded = decode_bytes(text.encode(encoding), "old/page.txt")
    assert (decoded.text, decoded.encoding) == (text, "cp949")


def test_texts_all_guessed_in_one_encoding_are_read_so_unjudged(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Their own readings are the shared encoding's: each was read again and its words judged
    three times more, which made a file of 2,000 versions take 1.5 times as long to read."""
    judged: list[str] = []
    monkeypatch.setattr(decoding, "_misread_words", lambda text: judged.append(text) or 0)
    readings = [(FRENCH, "cp1252"), (ENGLISH, "cp1252"), ("café\n", "cp1252")]
    assert read_in_one_encoding(readings) == ("cp1252", {0: FRENCH, 1: ENGLISH, 2: "café\n"})
    assert judged == []


def test_texts_guessed_in_several_encodings_are_still_judged() -> None:
    """The Polish texts tell Windows-1250; the French one, which it misreads (`Noël ŕ Paris
    aprčs`), keeps its own reading; the short one guessed Windows-1252 is read in Windows-1250."""
    polish = [("Rząd przyjął budżet w środę.\n", "cp1250"),
              ("Rząd przyjął budżet, mówią posłowie.\n", "cp1250")]
    french = ("Noël à Paris après.\n", "cp1252")
    short = ("Gdañsk.\n", "cp1252")  # `Gdańsk.` in Windows-1250 read as Windows-1252
    assert read_in_one_encoding([*polish, french, short]) == (
        "cp1250", {0: polish[0][0], 1: polish[1][0], 3: "Gdańsk.\n"})


def test_texts_whose_encoding_was_known_are_passed_over_by_their_place() -> None:
    """Texts given as None (their encoding known) are neither judged nor read again; the others
    keep their places; one guess among them is no shared guess."""
    polish = ("Rząd przyjął budżet w środę.\n", "cp1250")
    short = ("Gdañsk.\n", "cp1252")
    assert read_in_one_encoding([None, polish, None, short]) == (
        "cp1250", {1: polish[0], 3: "Gdańsk.\n"})
    assert read_in_one_encoding([None, polish, None]) is None
