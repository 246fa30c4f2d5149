"""Input bytes to text: byte-order marks, declared charsets, and a guess for legacy encodings.

The order is the one browsers follow: a byte-order mark wins (UTF-8, UTF-16 or UTF-32, either
byte order), then a `<meta charset>` declaration, then UTF-8. Input that is none of these, as
old tracker archives and saved pages in Windows-1252 or Latin-1 often are, is decoded with the
encoding charset-normalizer finds, or Windows-1252, Windows-1250, ISO-8859-2 or ISO-8859-15
where its reading puts signs of a wrong encoding in Latin words or letters no one language
writes together, or another where its reading of Chinese, Japanese or Korean writes none of their
common letters, and the reader warns which encoding it assumed. The files of one article and
the versions of one file in a git repository, which come from one source, are read in one
encoding guessed over them together (`read_in_one_encoding`).
"""

from __future__ import annotations

import codecs
import dataclasses
import functools
import hashlib
import itertools
import os
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from revdiff.errors import BinaryData, BinaryInput, EmptyText, EncodingProblem
from revdiff.formats.fields import shown
from revdiff.formats.foreign import PDF_TEXT
from revdiff.formats.text_input import check_size
from revdiff.read_warnings import counted
from revdiff.size_limit import DEFAULT_MAX_BYTES

# Longest marks first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# In an MHTML archive's quoted-printable HTML part every `=` is written `=3D`
# (`charset=3DUTF-8`): the label is what follows it.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=(?:3D)?["']?([A-Za-z0-9_.:-]+)""",
                           re.IGNORECASE)
# How much of the start is searched for NUL bytes (binary data) and a charset declaration; so
# much of a file or a git version over the size limit is read to tell it binary (git itself
# looks for a NUL byte among the first 8,000).
SNIFF_BYTES = 8192
# Bytes no text holds: control characters other than tab, line ends and form feed, and the five
# bytes Windows-1252 leaves undefined. Random bytes are one in eight of them; a text that is no
# UTF-8 is binary data when more than one in twenty of its first bytes are (and at least a few,
# so that a short text ended by DOS's end-of-file mark, Ctrl-Z, stays text).
_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_UNDEFINED_IN_WINDOWS_1252 = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
_MOST_NOT_IN_TEXT = 1 / 20
_FEWEST_NOT_IN_TEXT = 8
# The legacy encodings of Chinese, Japanese and Korean write a character in two bytes (three in
# EUC-JP), of which the five Windows-1252 leaves undefined are common ones (`。` is 0x81 0x42 in
# Shift-JIS): those bytes tell binary data only in what none of these reads. Random bytes are
# no text in them from a few hundred on.
_MULTI_BYTE_LEGACY = ("cp932", "gb18030", "big5hkscs", "cp949", "euc_jp")
_DECLARATION_BYTES = 4096

# What a declared label means, as browsers read it (WHATWG Encoding): Latin-1 and ASCII labels
# mean Windows-1252, and a page without a byte-order mark that declares UTF-16 or UTF-32 is
# really ASCII-compatible (its markup would hold NUL bytes otherwise), so UTF-8.
_LABEL_MEANS = {"latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252",
                "utf_16": "utf_8", "utf_16_le": "utf_8", "utf_16_be": "utf_8",
                "utf_32": "utf_8", "utf_32_le": "utf_8", "utf_32_be": "utf_8"}
# Windows-1252 is what legacy pages of the outlets trackers follow (English and other Western
# languages) are almost always in, and Windows-1250 or ISO-8859-2 the Central European ones;
# ISO-8859-15 is Latin-1 with `€` (and `Š`, `Ž`, `Œ`) where Latin-1 has `¤`. On a short text many
# encodings look alike to the detector, so all four are read whether it offers them or not, and
# taken in this order before any other reading as plausible (see `_guess`).
_USUAL_LEGACY = "cp1252"
_LEGACY_CANDIDATES = (_USUAL_LEGACY, "cp1250", "iso8859_2", "iso8859_15")
# The currency sign, which no text writes: `€` in ISO-8859-15 read as Windows-1252 or Latin-1
_CURRENCY_SIGN = "¤"
# How much of a reading charset-normalizer's noise measure is given when it did not measure
# the reading itself (it samples a long text in chunks too), and how many of its words are
# judged for misreadings: a wrong encoding shows in any part of a text.
_NOISE_SAMPLE = 65536
_JUDGED_WORDS = 5000
# Words are what ASCII white space parts.
_WORDS = re.compile(r"[^ \t\n\r\f\v]+")
# Punctuation that opens or closes a word, and the marks a word may hold between its letters
# (apostrophes, hyphens, the Catalan middle dot); `ª` and `º` (`nº`) are no Latin letters
# to Unicode, though Spanish and Portuguese write them in words.
# The letters of Chinese, Japanese and Korean: Han (its extensions too), hiragana, katakana and
# Hangul, with their halfwidth forms (halfwidth katakana are what a misreading as Shift-JIS makes
# of many bytes); and hiragana, which every Japanese sentence writes.
_CJK_LETTER = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
                         "\u3041-\u30ff\u31f0-\u31ff\u1100-\u11ff\u3131-\u318e"
                         "\uac00-\ud7a3\uff61-\uffdc]")
_HIRAGANA = frozenset(map(chr, range(0x3041, 0x30A0)))
_EDGE_PUNCTUATION = string.punctuation + "«»‹›“”„‘’‚¡¿…–—"
_WITHIN_WORDS = frozenset("’‘ʼ‐‑·")
# A `»` after a small letter, in a text that opens no quotation with `«`, closes none: it is
# `ť` in ISO-8859-2 read as Windows-1250 (`nezamestnanos»`), which `_EDGE_PUNCTUATION` strips.
# A `«` before a small letter, in a text that closes none with `»`, opens none: it is `Ť` read
# so (`«ažká`), or `Ž` in ISO-8859-2 read as a DOS code page (`«ivljenje`).
_GUILLEMET_AFTER_A_LETTER = re.compile(r"(?<=[^\W\d_])»")
_GUILLEMET_BEFORE_A_LETTER = re.compile(r"«(?=[^\W\d_])")
_ORDINALS = frozenset("ªº")
# Signs written right after a word: a trademark's, a copyright's, a degree's, a foot's and an
# inch's (`Kleenex®`, `Android™`)
_SIGNS_AFTER_WORDS = frozenset("®™©℗℠°′″")
# The languages that write a vowel with a grave accent end a word with it or put a consonant
# after it (`più`, `très`); `č` read as Windows-1252 is `è`, and a vowel follows it often.
_GRAVE_VOWELS = frozenset("àèìòùÀÈÌÒÙ")
_VOWELS = frozenset("aeiouy")
# What ISO-8859-2 reads the bytes 0x80 to 0x9F as, which no text holds: Windows-1250 writes
# letters and quotes with them.
_C1_CONTROL = re.compile("[\x80-\x9f]")
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
# The letters beyond ASCII each language written in Latin letters uses (small ones; names and
# loanwords aside), by which a reading's letters are told to belong to no one language: Czech
# in Windows-1250 read as Windows-1252 writes `ø` and `ù` (`støedu`, `dùchodech`) beside `š`
# and `á`, which no language writes together; read right, every letter is Czech.
_ALPHABETS = tuple(frozenset(letters) for letters in (
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "ąćęłńóśźż",  # Polish
    "áéíóöőúüű",  # Hungarian
    "čćđšž",  # Slovenian, Croatian, Bosnian, Serbian
    "ăâîșțşţ",  # Romanian
    "äöüß",  # German
    "àâçéèêëîïôœùûüÿ",  # French
    "áéíñóúü",  # Spanish
    "áâãàçéêíóôõú",  # Portuguese
    "àèéìòù",  # Italian
    "àçèéíïòóúü",  # Catalan
    "åæøé",  # Danish, Norwegian
    "åäöé",  # Swedish, Finnish
    "áðéíóúýþæö",  # Icelandic
    "éëïèöü",  # Dutch
    "äõöüšž",  # Estonian
    "āčēģīķļņšūž",  # Latvian
    "ąčęėįšųūž",  # Lithuanian
    "âçğıîöşûü",  # Turkish
    "çë",  # Albanian
    "ċġħż",  # Maltese
))
# Western European news mixes the letters of its languages, names above all (`Muñoz` in a French
# article, `Zürich` in a Spanish one), and Windows-1252 writes every one of them: a text of their
# letters alone belongs to no one of those languages but is no sign of a wrong encoding, where a
# Central European letter beside them (`š` beside `ø`) still is. `á` is left out, as Hungarian in
# Windows-1250 read as Windows-1252 writes it beside `õ` and `û` (`Gyõrben`, `áruházban`): with it,
# 6 fewer of the 72 Central European texts measured for the letter rule came back right, and 1
# more of 10 Western mixes (`Noël à Bogotá après.`, which is read as Windows-1257 without it).
_WESTERN_LETTERS = frozenset("àâãäåæçèéêëìíîïñòóôõöøùúûüýÿœß")
_ALPHABETS += (_WESTERN_LETTERS,)
# How a compressed file starts (a page saved as `story.html.gz`), its kind and how to undo it.
_COMPRESSION_MAGIC = ((b"\x1f\x8b", "gzip", "gunzip"), (b"BZh", "bzip2", "bunzip2"),
                      (b"\xfd7zXZ\x00", "xz", "unxz"), (b"\x28\xb5\x2f\xfd", "zstd", "unzstd"),
                      (b"PK\x03\x04", "zip", "unzip"))


# Binary files that hold text another way, told by how they start (a tar's `ustar` at byte 257),
# and how to get their text or versions out.
_CONTAINER_MAGIC = (
    (0, b"%PDF-", "a PDF document", PDF_TEXT),
    (257, b"ustar", "a tar archive", "unpack it (tar -xf FILE) and give the folder"),
    (0, b"# v2 git bundle\n", "a git bundle", "clone it (git clone FILE FOLDER) and give the folder"),
    (0, b"# v3 git bundle\n", "a git bundle", "clone it (git clone FILE FOLDER) and give the folder"),
    (0, bytes.fromhex("d0cf11e0a1b11ae1"), "an older Office document (doc, xls, ppt)",
     "save it as plain text (.txt) or HTML in the program that made it"),
    # a zip whose first entry, stored, is `mimetype`, as an EPUB's must be
    (30, b"mimetypeapplication/epub+zip", "an EPUB e-book",
     "save its text with ebook-convert FILE out.txt or an e-book reader, and give that"))


def _container(data: bytes) -> tuple[str, str] | None:
    """What binary file that holds text `data` starts as (a PDF, a tar archive, a git bundle, an
    older Office document, an e-book), and how to get the text out of it; None for anything else."""
    for offset, magic, kind, to_do in _CONTAINER_MAGIC:
        if data.startswith(magic, offset):
            return kind, to_do
    return None


@dataclass(frozen=True, slots=True)
class DecodedText:
    """An input's text, and a warning when its encoding was guessed rather than known
    (`guessed`)."""

    text: str
    encoding: str
    warning: str | None = None
    guessed: bool = False


def _compression(data: bytes) -> tuple[str, str] | None:
    """The kind of compression `data` starts with and the command that undoes it, or None."""
    for magic, kind, command in _COMPRESSION_MAGIC:
        if data.startswith(magic):
            return kind, command
    return None


# A zip's directory ends in a record of 22 bytes, which gives its size and a comment of at most
# 64 KiB may follow; a zip of more entries than 65,535 or of 4 GiB may put a record of 56 bytes
# (zip64) and its locator of 20 between the two.
_ZIP_END = b"PK\x05\x06"
_ZIP_END_LENGTH = 22
_ZIP_LONGEST_COMMENT = 0xFFFF
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_LOCATOR_LENGTH = 20
_ZIP64_END_LENGTH = 56
# An entry of the directory that names the part an Office Open XML (`[Content_Types].xml`: docx,
# xlsx) or an OpenDocument (`mimetype`: odt) document holds: its signature, 24 bytes, the name's
# length (two bytes, least significant first), 16 bytes, then the name.
_DOCUMENT_ENTRY = re.compile(rb"PK\x01\x02.{24}(?:\x13\x00.{16}\[Content_Types\]\.xml"
                             rb"|\x08\x00.{16}mimetype)", re.DOTALL)


def _is_office_document(data: bytes) -> bool:
    """Whether `data` is a zip that holds an Office Open XML or an OpenDocument document, whose
    text unzipping does not give. Its directory is searched for the two names where they stand
    in it, not listed: a zip of a million empty entries (47 MB) took 5 s and 440 MB to list."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    end = data.rfind(_ZIP_END, max(0, len(data) - _ZIP_END_LENGTH - _ZIP_LONGEST_COMMENT))
    if end < 0:  # cut short or damaged: no telling
        return False
    size = int.from_bytes(data[end + 12:end + 16], "little")
    locator = end - _ZIP64_LOCATOR_LENGTH
    if locator >= 0 and data.startswith(_ZIP64_LOCATOR, locator):
        end = max(0, locator - _ZIP64_END_LENGTH)
    return _DOCUMENT_ENTRY.search(data, max(0, end - size), end) is not None


def decode_bytes(data: bytes, where: str, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Decode input bytes to text, or raise a RevdiffError saying what is wrong with them.

    Line ends become `\\n`. Text holding NUL characters, in any encoding, is binary.
    """
    check_size(len(data), where, max_bytes)
    if not data.strip():
        raise EmptyText("input is empty", where, hint="give a file that holds an article")
    compressed = _compression(data)
    if compressed and compressed[0] == "gzip":
        # told by its magic bytes alone (no text starts with a control character, then a byte
        # that starts no UTF-8 character): one cut inside its header (`head -c 8`, or in the
        # file name it holds) has no NUL byte, by which the other kinds are told from text
        raise _compressed_input(compressed, where)
    decoded = _decode_marked(data, where)
    if decoded is None:
        if b"\x00" in data[:SNIFF_BYTES]:
            utf16 = _unmarked_utf16(data[:SNIFF_BYTES])
            if utf16:
                raise EncodingProblem(f"input looks like {utf16} text without a byte-order mark",
                                      where, hint=f"convert it to UTF-8 first, e.g. iconv -f "
                                                  f"{utf16} -t utf-8")
            kind = _container(data)
            if kind:
                raise BinaryInput(f"input is {kind[0]}, not text", where, hint=kind[1])
            if _is_office_document(data):
                raise BinaryInput("input is a word-processor or office document (docx, odt ...), "
                                  "not text", where, hint="save it as plain text (.txt) or HTML "
                                                          "in the program that made it")
            if compressed:
                raise _compressed_input(compressed, where)
            raise _binary_data(where)
        decoded = _decode_unmarked(data, where)
    if "\x00" in decoded.text:
        raise BinaryInput("input contains NUL characters", where, hint="give a text file")
    if not decoded.text.strip():
        raise EmptyText("input is empty", where, hint="give a file that holds an article")
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    return dataclasses.replace(decoded, text=text)


def check_size_unless_binary(handle: BinaryIO, where: str, max_bytes: int) -> None:
    """Refuse an open file over the size limit `max_bytes` from its first bytes alone: as binary
    data (BinaryData, which a folder of versions leaves out) when they tell it so, as git tells
    a binary file at any size; else as too large (InputTooLarge). The file stays where it was."""
    size = os.fstat(handle.fileno()).st_size
    if size <= max_bytes:
        return
    at = handle.tell()
    start = handle.read(SNIFF_BYTES)
    handle.seek(at)
    if _starts_as_binary_data(start):
        raise _binary_data(where)
    check_size(size, where, max_bytes)


def _starts_as_binary_data(start: bytes) -> bool:
    """Whether the first bytes of an input tell it binary data as `decode_bytes` does: no
    byte-order mark, and a NUL byte among them, with neither UTF-16 text without a mark,
    compression (a word-processor document is a zip), nor a file that holds text otherwise (a
    PDF, a tar archive), which are refused otherwise; or, without a NUL byte, no charset
    declared, no UTF-8 (as far as they go) and too many bytes no text holds."""
    start = start[:SNIFF_BYTES]
    if any(start.startswith(mark) for mark, _ in _BYTE_ORDER_MARKS):
        return False
    if b"\x00" in start:
        return (_unmarked_utf16(start) is None and _compression(start) is None
                and _container(start) is None)
    return (_META_CHARSET.search(start[:_DECLARATION_BYTES]) is None
            and starts_as_binary_data_without_nul(start))


def starts_with_wide_byte_order_mark(start: bytes) -> bool:
    """Whether an input starts with a UTF-16 or UTF-32 byte-order mark: text, though it holds
    NUL bytes."""
    return any(start.startswith(mark) for mark, encoding in _BYTE_ORDER_MARKS
               if encoding != "utf-8")


def starts_as_binary_data_without_nul(start: bytes) -> bool:
    """Whether the first bytes of an input, without a NUL byte among them, tell binary data:
    no UTF-8 (a character cut at their end aside) and too many bytes no text holds."""
    start = start[:SNIFF_BYTES]
    try:
        codecs.getincrementaldecoder("utf-8")().decode(start)
    except UnicodeDecodeError:
        return _holds_bytes_no_text_holds(start)
    return False


def _compressed_input(compression: tuple[str, str], where: str) -> BinaryInput:
    """The error of an input that is compressed, of the kind and with the command that undoes
    it that `_compression` gives."""
    kind, command = compression
    return BinaryInput(f"input is {kind}-compressed, not text", where,
                       hint=f"decompress it first, e.g. with {command}")


def _binary_data(where: str) -> BinaryData:
    return BinaryData("input is binary data, not text", where,
                      hint="give a text or HTML file, a NewsEdits, NYTdiff or diffengine SQLite "
                           "file, a git repository or a folder")


def decode_version_bytes(data: bytes) -> DecodedText | None:
    """A file's version in a git repository, read as a plain file's text is: UTF-8, else the
    encoding charset-normalizer recognises (UTF-8 cut short in a character is UTF-8 up to the
    cut). Returns the text and, when it was not UTF-8 or was cut so, what was assumed (a
    warning that names no place); None for binary data: a NUL byte, bytes that no encoding
    reads, or too many bytes no text holds among the first, as `decode_bytes` tells it. A UTF-16
    or UTF-32 byte-order mark decides the encoding, as it does for a plain file (such text holds
    NUL bytes, and only NUL characters make it binary). Byte-order marks at the start are
    dropped, as `decode_bytes` drops them: an editor that adds one made the first paragraph
    change invisibly."""
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark) and encoding != "utf-8":
            try:
                text = data[len(mark):].decode(encoding)
            except UnicodeDecodeError:
                return None
            return DecodedText(text.lstrip("\ufeff"), encoding) if "\0" not in text else None
    if b"\0" in data:
        return None
    try:
        return DecodedText(data.decode("utf-8").lstrip("\ufeff"), "utf-8")
    except UnicodeDecodeError as exc:
        if _cut_in_a_character(exc, data, "utf-8"):
            return DecodedText(data[:exc.start].decode("utf-8").lstrip("\ufeff"), "utf-8",
                               _cut_warning(len(data) - exc.start))
    if _holds_bytes_no_text_holds(data[:SNIFF_BYTES]):
        return None
    guessed = _guess(data)
    if guessed is not None:
        try:
            return DecodedText(data.decode(guessed), guessed,
                               f"not valid UTF-8; read as {guessed} (a guess)", guessed=True)
        except UnicodeDecodeError:
            pass
    return None


def _decode_marked(data: bytes, where: str) -> DecodedText | None:
    """Text that starts with a byte-order mark, decoded by it; None without one.

    Marks repeated after the first (an editor or tool that adds a mark to text that already
    had one) are dropped too: left in, the first paragraph of one version would differ
    from the next one's by an invisible character, and a page would seem to start on line 2.
    """
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            body = data[len(mark):]
            try:
                return DecodedText(body.decode(encoding).lstrip("\ufeff"), encoding)
            except UnicodeDecodeError as exc:
                raise EncodingProblem(
                    f"input starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(bad bytes at offset {exc.start + len(mark)})", where,
                    hint="the file is damaged or cut short; save it again") from None
    return None


def _decode_unmarked(data: bytes, where: str) -> DecodedText:
    """Text without a byte-order mark: as its `<meta charset>` says, else UTF-8, else guessed."""
    declared = _META_CHARSET.search(data[:_DECLARATION_BYTES])
    label = declared.group(1).decode("ascii") if declared else "utf-8"
    # only a declared label is checked against the character sets: the check imports
    # charset-normalizer (some 10 ms), which UTF-8 text never needs
    encoding = _charset(label, where) if declared else "utf_8"
    if encoding == _USUAL_LEGACY and declared and not data.isascii():
        stale = _utf8_despite(label, data, where)
        if stale:
            return stale
    try:
        return DecodedText(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        if _cut_in_a_character(exc, data, encoding):
            return DecodedText(data[:exc.start].decode(encoding), encoding,
                               f"{where}: {_cut_warning(len(data) - exc.start)}")
    if _holds_bytes_no_text_holds(data[:SNIFF_BYTES]):
        raise _binary_data(where)
    guessed = _guess(data)
    if guessed is None:
        raise EncodingProblem(f"input is not valid {label} and its encoding cannot be recognised",
                              where, hint="convert it to UTF-8 first, e.g. iconv -f cp1252 -t utf-8")
    try:
        text = data.decode(guessed)
    except UnicodeDecodeError:
        raise EncodingProblem(f"input is not valid {label}, nor valid {guessed} as it seemed",
                              where, hint="convert it to UTF-8 first") from None
    said = f"declares {label} but is not valid {label}" if declared else "is not valid UTF-8"
    warning = (f"{where}: the text {said}; read it as {guessed} (a guess: convert the file to "
               "UTF-8 if letters look wrong)")
    return DecodedText(text, guessed, warning, guessed=True)


def _holds_bytes_no_text_holds(start: bytes) -> bool:
    """Whether the first bytes of an input that is not UTF-8 tell binary data without a NUL
    byte among them: too many control characters, or bytes undefined in Windows-1252 where no
    legacy multi-byte encoding reads them."""
    controls = len(start) - len(start.translate(None, _CONTROL_BYTES))
    undefined = len(start) - len(start.translate(None, _UNDEFINED_IN_WINDOWS_1252))
    if not _too_many_not_in_text(controls + undefined, len(start)):
        return False
    return (_too_many_not_in_text(controls, len(start))
            or not any(_reads_as(start, encoding) for encoding in _MULTI_BYTE_LEGACY))


def _too_many_not_in_text(found: int, length: int) -> bool:
    return found >= _FEWEST_NOT_IN_TEXT and found > _MOST_NOT_IN_TEXT * length


def _reads_as(start: bytes, encoding: str) -> bool:
    """Whether the first bytes of an input are text in `encoding`, a character cut at their
    end aside."""
    try:
        codecs.getincrementaldecoder(encoding)().decode(start)
    except UnicodeDecodeError:
        return False
    return True


def _cut_warning(left_out: int) -> str:
    return (f"the text ends in the middle of a character (cut short?); its last "
            f"{counted(left_out, 'byte')} {'is' if left_out == 1 else 'are'} left out")


def _cut_in_a_character(error: UnicodeDecodeError, data: bytes, encoding: str) -> bool:
    """Whether UTF-8 text fails only at its end, in a character cut short (`head -c`, a download
    that stopped): the rest is read as UTF-8, not the whole guessed as a legacy encoding (which
    made every curly quote of a cut page `‚Äú`). The text before the cut must show UTF-8's
    letters beyond ASCII: `Caf\\xe9` ending a Windows-1252 text fails alike."""
    return (codecs.lookup(encoding).name == "utf-8" and error.reason == "unexpected end of data"
            and error.end == len(data) and not data[:error.start].isascii())


def _unmarked_utf16(start: bytes) -> str | None:
    """`utf-16le` or `utf-16be` when the bytes read as such text without a byte-order mark (in
    mostly Latin text every other byte is NUL), else None."""
    pairs = len(start) // 2
    if pairs < 8:
        return None
    for name, nul_at in (("utf-16le", 1), ("utf-16be", 0)):
        if (start[nul_at::2].count(0) >= 0.9 * pairs and start[1 - nul_at::2].count(0) == 0):
            try:
                start[: pairs * 2].decode(name)
            except UnicodeDecodeError:
                continue
            return name
    return None


def _utf8_despite(label: str, data: bytes, where: str) -> DecodedText | None:
    """A page that declares a single-byte charset but is valid UTF-8 with letters beyond ASCII:
    the declaration is stale (a page saved again as UTF-8 keeps its old `<meta>`), and reading
    it as declared would turn `é` into `Ã©`. Read as UTF-8, warned; None when it is not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return DecodedText(text, "utf-8", f"{where}: the page declares {label} but is valid UTF-8 "
                                      "with letters beyond ASCII; read it as UTF-8 (a page "
                                      "saved again keeps its old declaration)")


def _charset(label: str, where: str) -> str:
    """The Python codec for a declared charset label; refused when it names no character set."""
    try:
        name = codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        name = ""
    if name and _is_character_set(name):
        return _LABEL_MEANS.get(name, name)
    raise EncodingProblem(f"input declares {shown(label)}, which is not a character set revdiff "
                          "knows", where, hint="convert it to UTF-8 first")


def _is_character_set(codec: str) -> bool:
    """Whether a codec decodes a character set, not a transformation (`punycode`, `rot13`).

    UTF-7 is left out, as browsers leave it out: it hides markup in plain letters.
    """
    from charset_normalizer.constant import IANA_SUPPORTED

    return (codec in IANA_SUPPORTED and codec != "utf_7") or codec in _LABEL_MEANS


def _guess(data: bytes) -> str | None:
    """The encoding whose reading of `data` (judged by its first `_NOISE_SAMPLE` characters) has
    the fewest misread words, then the fewest letters that the one language which writes most
    of its letters does not write, then a common letter if it writes Chinese, Japanese or
    Korean, then the least noise (charset-normalizer's chaos); when they tie, the legacy
    encodings in their order (`_preference`), before any charset-normalizer offers.

    charset-normalizer alone reads short Latin text wrong: for `Il est très tard.` it may offer
    only big5, cp932, gb18030 and johab (`Il est tr鋊 tard.`), and to it Polish in Windows-1250
    is as free of noise read as Windows-1252 (`Rz¹d przyj¹³`), Czech too (`Vláda ve støedu`,
    every letter Latin). So Windows-1252, Windows-1250 and ISO-8859-2 are read too when it does
    not offer them, and the words and letters of each reading are judged.
    """
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    # a reading's digest: its encoding, its start and its chaos. No reading is kept whole, nor
    # made by a match (which keeps what it makes): 18 readings of 50 MB were 1.3 GB.
    readings: dict[bytes, tuple[str, str, float]] = {}
    offered = [(str(match.encoding), match.chaos) for match in from_bytes(data)]
    for encoding, chaos in [*offered, *((legacy, None) for legacy in _LEGACY_CANDIDATES)]:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if chaos is None and _C1_CONTROL.search(text):  # ISO-8859-2 reads any bytes, noise too
            continue
        digest, start = _digest(text), text[:_NOISE_SAMPLE]
        del text
        if digest not in readings:
            readings[digest] = (encoding, start, mess_ratio(start) if chaos is None else chaos)
        elif _preference(encoding) < _preference(readings[digest][0]):  # `caf\xe9`: cp1006
            readings[digest] = (encoding, start, readings[digest][2])
    if not readings:
        return None
    best = min(readings.values(), key=lambda reading: (
        _misread_words(reading[1]), _letters_of_no_one_language(reading[1]),
        _no_common_cjk_letter(reading[1]), reading[2], _preference(reading[0])))
    return best[0]


def read_in_one_encoding(readings: Sequence[tuple[str, str] | None]
                         ) -> tuple[str, dict[int, str]] | None:
    """The texts of one article whose encodings were guessed one by one (a folder's files, the
    versions of a file in a git repository), each given as its text and the encoding guessed
    for it, or None for one whose encoding was known, read in one encoding guessed over those
    guessed together (`_shared_guess`): that encoding, and each text that it reads, by its place
    in `readings`; a text that encoding cannot read, or misreads more than its own guess does
    (`_misreads_more`), keeps its own reading and is left out. None where fewer than two were
    guessed: one guess is judged by itself. A text guessed to be in that encoding is its own
    reading, judged no more: a file's 2,000 versions guessed in one encoding were each read
    again and judged twice, which made reading them 1.5 times as long."""
    guessed = {place: reading for place, reading in enumerate(readings) if reading is not None}
    if len(guessed) < 2:
        return None
    shared = _shared_guess(list(guessed.values()))
    texts: dict[int, str] = {}
    for place, (text, own) in guessed.items():
        if own == shared:
            texts[place] = text
            continue
        read = _reread(text, own, shared)
        if read is not None and not _misreads_more(read, than=text):
            texts[place] = read
    return shared, texts


def _shared_guess(readings: Sequence[tuple[str, str]]) -> str:
    """The encoding to read the files of one article in whose encodings were guessed one by one,
    each given as its text and the encoding guessed for it. An article's versions come from one
    source, in one encoding, but a sentence or two may read as well in another: Polish
    `podpisał ustawę` in Windows-1250 is `podpisa³ ustawê` in Windows-1252, a superscript after
    a word and a French letter. Of the encodings guessed, the one whose readings of the files
    hold the fewest C1 control characters (`_c1_controls`, which `_misreads_more` counts first
    too: ISO-8859-2 reads the curly quotes of Windows-1252 so, where no word rule sees them),
    then the fewest misread words (`_misread_words`), then the fewest letters that no one
    language writes with the rest of their joined text, then that more files were guessed to be
    in, then the legacy encodings' order (`_preference`), is taken; the one guessed, unjudged,
    where all were guessed in one."""
    votes = Counter(encoding for _, encoding in readings)
    if len(votes) == 1:
        return next(iter(votes))

    def fit(encoding: str) -> tuple[int, int, int, int, int, int]:
        texts = [_reread(text, own, encoding) for text, own in readings]
        read = [text for text in texts if text is not None]
        return (len(texts) - len(read), sum(map(_c1_controls, read)),
                sum(map(_misread_words, read)),
                _letters_of_no_one_language("\n".join(read)), -votes[encoding],
                _preference(encoding))

    return min(votes, key=fit)


def _reread(text: str, own: str, encoding: str) -> str | None:
    """`text`, read in the encoding `own`, read in `encoding` instead; None when that encoding
    cannot read its bytes."""
    try:
        return text.encode(own).decode(encoding)
    except UnicodeError:
        return None


def _misreads_more(text: str, than: str) -> bool:
    """Whether a reading of a text shows more signs of a wrong encoding than another: more C1
    control characters, which no text holds (`_C1_CONTROL`: `“Yes.” –` in Windows-1252 read as
    ISO-8859-2 is `\x93Yes.\x94 \x96`, quotes and dashes the word rules pass over), or as many
    and more misread words (`_misread_words`), or as many of both and more letters that no one
    language writes with the rest (`_letters_of_no_one_language`: `Noël à Paris après` read as
    Windows-1250 is `Noël ŕ Paris aprčs`)."""
    return ((_c1_controls(text), _misread_words(text), _letters_of_no_one_language(text))
            > (_c1_controls(than), _misread_words(than), _letters_of_no_one_language(than)))


def _c1_controls(text: str) -> int:
    """How many C1 control characters (U+0080 to U+009F) `text` holds."""
    return sum(1 for _ in _C1_CONTROL.finditer(text))


def _preference(encoding: str) -> int:
    """Which of two readings that fit as well is taken: the legacy encodings in their order
    (`_LEGACY_CANDIDATES`), then any other."""
    return (_LEGACY_CANDIDATES.index(encoding) if encoding in _LEGACY_CANDIDATES
            else len(_LEGACY_CANDIDATES))


def _digest(text: str) -> bytes:
    """What tells two readings of an input apart without keeping either whole."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass")).digest()


def _no_common_cjk_letter(text: str) -> bool:
    """Whether a reading writes Chinese, Japanese or Korean letters and none of them is a common
    one: a hiragana or one of the letters charset-normalizer counts most frequent in Chinese,
    Japanese or Korean. The legacy encodings of these languages read one another's bytes, often
    as free of noise to the detector: Chinese in gb18030 read as cp949 is `櫓벌뚠瞳궐힙`, Japanese
    in Shift-JIS `롵몜궼딯롌됵`, Chinese in big5 read as cp932 `ｻ莚ｷｹwｭpｩ`; each right reading of
    a sentence holds a few of the common letters, a misreading of a short text none."""
    letters = set(_CJK_LETTER.findall(text, 0, _NOISE_SAMPLE))
    return bool(letters) and letters.isdisjoint(_common_cjk_letters())


@functools.cache
def _common_cjk_letters() -> frozenset[str]:
    """The hiragana and the letters charset-normalizer counts most frequent in Chinese, Japanese
    or Korean, made once for every reading judged."""
    from charset_normalizer.constant import FREQUENCIES

    return _HIRAGANA.union(FREQUENCIES["Chinese"], FREQUENCIES["Japanese"], FREQUENCIES["Korean"])


def _misread_words(text: str) -> int:
    """How many of the first words of `text` hold what a wrong encoding puts in a word of Latin
    letters and no language writes: a symbol between letters (Polish `przyjął` in Windows-1250
    read as Windows-1252: `przyj¹³`), a `»` after a small letter where no `«` opened a
    quotation (`ť` read so: `nezamestnanos»`) or a `«` before one where no `»` closes a
    quotation (`Ť` read so: `«ažká`), a letter of another script (French `très` read as big5:
    `tr鋊`), a capital after a small letter (`près` read as mac_latin2: `prŤs`), or the
    currency sign, beside a number too (`€5` in ISO-8859-15 read as Windows-1252: `¤5`). These hold
    in any language written in Latin letters. Only a text written mostly in Latin letters is
    judged: Chinese writes Latin words among its own letters and its commas between them
    (`新款iPhone手机，`), and a reading of it that hides those words would seem the better."""
    words = [found.group() for found in itertools.islice(_WORDS.finditer(text), _JUDGED_WORDS)]
    letters = [char for word in words for char in word if char.isalpha()]
    if sum(map(_is_latin, letters)) * 2 <= len(letters):
        return 0
    opens, closes = "«" in text[:_NOISE_SAMPLE], "»" in text[:_NOISE_SAMPLE]
    return sum(_holds_a_misreading(word.strip(_EDGE_PUNCTUATION))
               or (not opens and _closes_no_quotation(word))
               or (not closes and _opens_no_quotation(word)) for word in words
               if not word.isascii() and (_CURRENCY_SIGN in word or any(map(_is_latin, word))))


def _closes_no_quotation(word: str) -> bool:
    """Whether a word of a text that opens no quotation with `«` holds a `»` after a small
    letter (`_GUILLEMET_AFTER_A_LETTER`)."""
    return any(word[found.start() - 1].islower()
               for found in _GUILLEMET_AFTER_A_LETTER.finditer(word))


def _opens_no_quotation(word: str) -> bool:
    """Whether a word of a text that closes no quotation with `»` holds a `«` before a small
    letter (`_GUILLEMET_BEFORE_A_LETTER`)."""
    return any(word[found.end()].islower()
               for found in _GUILLEMET_BEFORE_A_LETTER.finditer(word))


def _letters_of_no_one_language(text: str) -> int:
    """How many of the Latin letters beyond ASCII in the start of `text` the language whose
    alphabet holds most of them does not write (see `_ALPHABETS`): none when one language
    writes them all."""
    letters: Counter[str] = Counter()
    for char, count in Counter(_BEYOND_ASCII.findall(text, 0, _NOISE_SAMPLE)).items():
        if _is_latin(char):
            letters[char.lower()] += count
    total = sum(letters.values())
    return min(total - sum(letters[letter] for letter in alphabet) for alphabet in _ALPHABETS)


def _is_vowel(char: str) -> bool:
    """Whether a character is a Latin vowel, with or without marks."""
    return unicodedata.normalize("NFD", char)[:1].lower() in _VOWELS


def _is_latin(char: str) -> bool:
    """Whether a character is a Latin letter."""
    return ((char.isascii() and char.isalpha()) or char in _ORDINALS
            or unicodedata.name(char, "").startswith("LATIN"))


def _holds_a_misreading(word: str) -> bool:
    """Whether a word that holds Latin letters, its edge punctuation stripped, holds a symbol
    between letters, a letter of another script, a capital after a small letter, or a vowel
    with a grave accent before another vowel (the languages that write one end a word with it
    or put a consonant after it; `č` in Windows-1250 read as Windows-1252 is `è`: `proraèuna`).
    A symbol that starts a word before four small Latin letters (`£odzi`, `®upan`) or ends one
    after a small letter (`cał±`) is misread too, but for the signs written after a word
    (`Kleenex®`) and the superscripts and other digits (`m²`); before a capital, a digit or a
    short word in small letters, a credit, a symbol is written (`°C`, `©AFP`, `£5`, `©dpa`).
    The currency sign is misread wherever it stands (`¤5`, and alone), as no text writes it."""
    for at, char in enumerate(word):
        if char.isascii():
            continue
        before = word[at - 1] if at else ""
        if char == _CURRENCY_SIGN:
            misread = True
        elif char.isalpha():
            misread = (not _is_latin(char) or (char.isupper() and before.islower())
                       or (char in _GRAVE_VOWELS and _is_vowel(word[at + 1:at + 2])))
        elif char in _WITHIN_WORDS or unicodedata.category(char).startswith("M"):
            misread = False
        elif at + 1 < len(word):
            after = word[at + 1:at + 5]
            misread = before.isalpha() or (not at and len(after) == 4 and after.islower()
                                           and after.isalpha() and all(map(_is_latin, after)))
        else:
            misread = (before.islower() and char not in _SIGNS_AFTER_WORDS
                       and unicodedata.category(char) != "No")
        if misread:
            return True
    return False
