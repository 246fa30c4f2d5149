"""Grapheme clusters: what a reader sees as one character. A letter with its accents, an emoji with
its skin tone, emoji joined by zero-width joiners into one (`👨‍👩‍👧`), a flag of two regional
indicators (`🇺🇸`), a keycap (`1️⃣`), a conjunct of consonants joined by a virama (`प्र`, `क्ष`).

Unicode's rules (UAX #29) in the part that text needs, from `unicodedata` and the emoji ranges
below: `unicodedata` has no emoji property, and the `regex` module's `\\X` is no dependency of
revdiff. Left out: Hangul syllables written as jamo; the characters that join the one after them
(the Arabic number signs) stay with the one before, as other format characters do. White space
is never part of a cluster, nor is the zero-width space, a break between words that takes no room.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator

from revdiff.engine.word_count import VOWELS_AM, ZERO_WIDTH_SPACE

ZERO_WIDTH_JOINER = "\u200d"
KEYCAP = "\u20e3"
SOFT_HYPHEN = "\u00ad"
# The first combining mark: before it, only the soft hyphen joins the character before it.
_FIRST_COMBINING_MARK = "\u0300"
# First and last code point of the letters `🇦` to `🇿` (two make a flag), of the skin tones, and
# of the tag characters (after `🏴`, they spell the flag of a region).
_REGIONAL_INDICATOR_FIRST, _REGIONAL_INDICATOR_LAST = 0x1F1E6, 0x1F1FF
_SKIN_TONE_FIRST, _SKIN_TONE_LAST = 0x1F3FB, 0x1F3FF
_TAG_FIRST, _TAG_LAST = 0xE0020, 0xE007F

# Unicode's Extended_Pictographic characters, first and last code point of each range: the emoji,
# also those shown as text unless asked (`©`, `™`, `❤`), and code points set aside for emoji to
# come; symbols that are no emoji (`★`, `✓`, chess pieces) are not in it. The tests check it
# against the Unicode data of the `regex` module where that is installed, on assigned characters.
_PICTOGRAPHS = (
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049), (0x2122, 0x2122),
    (0x2139, 0x2139), (0x2194, 0x2199), (0x21A9, 0x21AA), (0x231A, 0x231B), (0x2328, 0x2328),
    (0x23CF, 0x23CF), (0x23E9, 0x23F3), (0x23F8, 0x23FA), (0x24C2, 0x24C2), (0x25AA, 0x25AB),
    (0x25B6, 0x25B6), (0x25C0, 0x25C0), (0x25FB, 0x25FE), (0x2600, 0x2604), (0x260E, 0x260E),
    (0x2611, 0x2611), (0x2614, 0x2615), (0x2618, 0x2618), (0x261D, 0x261D), (0x2620, 0x2620),
    (0x2622, 0x2623), (0x2626, 0x2626), (0x262A, 0x262A), (0x262E, 0x262F), (0x2638, 0x263A),
    (0x2640, 0x2640), (0x2642, 0x2642), (0x2648, 0x2653), (0x265F, 0x2660), (0x2663, 0x2663),
    (0x2665, 0x2666), (0x2668, 0x2668), (0x267B, 0x267B), (0x267E, 0x267F), (0x2692, 0x2697),
    (0x2699, 0x2699), (0x269B, 0x269C), (0x26A0, 0x26A1), (0x26A7, 0x26A7), (0x26AA, 0x26AB),
    (0x26B0, 0x26B1), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26C8, 0x26C8), (0x26CE, 0x26CF),
    (0x26D1, 0x26D1), (0x26D3, 0x26D4), (0x26E9, 0x26EA), (0x26F0, 0x26F5), (0x26F7, 0x26FA),
    (0x26FD, 0x26FD), (0x2702, 0x2702), (0x2705, 0x2705), (0x2708, 0x270D), (0x270F, 0x270F),
    (0x2712, 0x2712), (0x2714, 0x2714), (0x2716, 0x2716), (0x271D, 0x271D), (0x2721, 0x2721),
    (0x2728, 0x2728), (0x2733, 0x2734), (0x2744, 0x2744), (0x2747, 0x2747), (0x274C, 0x274C),
    (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2763, 0x2764), (0x2795, 0x2797),
    (0x27A1, 0x27A1), (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2934, 0x2935), (0x2B05, 0x2B07),
    (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D),
    (0x3297, 0x3297), (0x3299, 0x3299), (0x1F004, 0x1F004), (0x1F02C, 0x1F02F),
    (0x1F094, 0x1F09F), (0x1F0AF, 0x1F0B0), (0x1F0C0, 0x1F0C0), (0x1F0CF, 0x1F0D0),
    (0x1F0F6, 0x1F0FF), (0x1F170, 0x1F171), (0x1F17E, 0x1F17F), (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A), (0x1F1AF, 0x1F1E5), (0x1F201, 0x1F20F), (0x1F21A, 0x1F21A),
    (0x1F22F, 0x1F22F), (0x1F232, 0x1F23A), (0x1F23C, 0x1F23F), (0x1F249, 0x1F25F),
    (0x1F266, 0x1F321), (0x1F324, 0x1F393), (0x1F396, 0x1F397), (0x1F399, 0x1F39B),
    (0x1F39E, 0x1F3F0), (0x1F3F3, 0x1F3F5), (0x1F3F7, 0x1F3FA), (0x1F400, 0x1F4FD),
    (0x1F4FF, 0x1F53D), (0x1F549, 0x1F54E), (0x1F550, 0x1F567), (0x1F56F, 0x1F570),
    (0x1F573, 0x1F57A), (0x1F587, 0x1F587), (0x1F58A, 0x1F58D), (0x1F590, 0x1F590),
    (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A5), (0x1F5A8, 0x1F5A8), (0x1F5B1, 0x1F5B2),
    (0x1F5BC, 0x1F5BC), (0x1F5C2, 0x1F5C4), (0x1F5D1, 0x1F5D3), (0x1F5DC, 0x1F5DE),
    (0x1F5E1, 0x1F5E1), (0x1F5E3, 0x1F5E3), (0x1F5E8, 0x1F5E8), (0x1F5EF, 0x1F5EF),
    (0x1F5F3, 0x1F5F3), (0x1F5FA, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CB, 0x1F6D2),
    (0x1F6D5, 0x1F6E5), (0x1F6E9, 0x1F6E9), (0x1F6EB, 0x1F6F0), (0x1F6F3, 0x1F6FF),
    (0x1F7DC, 0x1F7F0), (0x1F80C, 0x1F80F), (0x1F848, 0x1F84F), (0x1F85A, 0x1F85F),
    (0x1F888, 0x1F88F), (0x1F8AE, 0x1F8AF), (0x1F8BC, 0x1F8BF), (0x1F8C2, 0x1F8CF),
    (0x1F8D9, 0x1F8FF), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF),
    (0x1FA58, 0x1FA5F), (0x1FA6E, 0x1FAFF), (0x1FC00, 0x1FFFD),
)
_PICTOGRAPH_FIRSTS = tuple(first for first, _ in _PICTOGRAPHS)
# Any character `is_emoji` looks for: pictographs, regional indicators, skin tones, tags, keycap.
_EMOJI_PART = re.compile("[" + "".join(
    f"{re.escape(chr(first))}-{re.escape(chr(last))}" for first, last in
    (*_PICTOGRAPHS, (_REGIONAL_INDICATOR_FIRST, _REGIONAL_INDICATOR_LAST),
     (_SKIN_TONE_FIRST, _SKIN_TONE_LAST), (_TAG_FIRST, _TAG_LAST), (ord(KEYCAP), ord(KEYCAP)))
) + "]")


def is_mark(char: str) -> bool:
    """A combining mark (Unicode category M): a vowel sign, virama, accent, variation selector or
    keycap, part of the letter or symbol before it."""
    return unicodedata.category(char).startswith("M")


def is_pictograph(char: str) -> bool:
    """An emoji or a symbol that may show as one (Unicode's Extended_Pictographic)."""
    point = ord(char)
    if point < 0xA9:
        return False
    at = bisect_right(_PICTOGRAPH_FIRSTS, point) - 1
    return at >= 0 and point <= _PICTOGRAPHS[at][1]


def is_regional_indicator(char: str) -> bool:
    """One of the letters `🇦` to `🇿`, of which two make a flag."""
    return _REGIONAL_INDICATOR_FIRST <= ord(char) <= _REGIONAL_INDICATOR_LAST


def is_skin_tone(char: str) -> bool:
    """An emoji modifier, the skin tone of the emoji before it (`👍🏽`)."""
    return _SKIN_TONE_FIRST <= ord(char) <= _SKIN_TONE_LAST


def is_tag(char: str) -> bool:
    """A tag character: after `🏴`, tags spell the flag of a region (England, Scotland, Wales)."""
    return _TAG_FIRST <= ord(char) <= _TAG_LAST


def joins_previous(char: str) -> bool:
    """A character that belongs to the one before it: a combining mark, the Thai and Lao vowel
    AM (`ำ`, a letter to Python but a mark to Unicode's clusters), a skin tone, or an invisible
    format character (zero-width joiner and non-joiner, word joiner, byte-order mark, soft
    hyphen, direction marks, tags); not the zero-width space, which separates."""
    category = unicodedata.category(char)
    return (category[0] == "M" or (category == "Cf" and char != ZERO_WIDTH_SPACE)
            or char in VOWELS_AM or is_skin_tone(char))


def continues_cluster(before: str, char: str) -> bool:
    """Whether `char` belongs to the grapheme cluster at the end of `before` (which holds all of
    that cluster: regional indicators are paired from its start)."""
    last = before[-1]
    if last.isspace() or last == ZERO_WIDTH_SPACE:
        return False
    if char < _FIRST_COMBINING_MARK and char != SOFT_HYPHEN and last != ZERO_WIDTH_JOINER:
        return False  # the rules below find so too, slowly, for each letter of Latin text
    if joins_previous(char):
        return True
    if last == ZERO_WIDTH_JOINER:  # emoji joined into one, such as `👩‍🚀`
        return (is_pictograph(char) and _pictograph_before_joiner(before)
                or _joins_conjunct(before, char))
    if is_regional_indicator(char) and is_regional_indicator(last):
        return _trailing_indicators(before) % 2 == 1
    return _joins_conjunct(before, char)


# The viramas that join the consonants around them into one conjunct (Unicode's InCB=Linker, as
# Unicode 15.1 gave it: Devanagari, Bengali, Gujarati, Oriya, Telugu and Malayalam; version 16 added
# Myanmar, Khmer, Balinese ...), and those scripts' consonants (InCB=Consonant), first and last code
# point of each range.
_LINKERS = frozenset("\u094d\u09cd\u0acd\u0b4d\u0c4d\u0d4d")
_CONSONANTS = (
    (0x0915, 0x0939), (0x0958, 0x095F), (0x0978, 0x097F), (0x0995, 0x09A8), (0x09AA, 0x09B0),
    (0x09B2, 0x09B2), (0x09B6, 0x09B9), (0x09DC, 0x09DD), (0x09DF, 0x09DF), (0x09F0, 0x09F1),
    (0x0A95, 0x0AA8), (0x0AAA, 0x0AB0), (0x0AB2, 0x0AB3), (0x0AB5, 0x0AB9), (0x0AF9, 0x0AF9),
    (0x0B15, 0x0B28), (0x0B2A, 0x0B30), (0x0B32, 0x0B33), (0x0B35, 0x0B39), (0x0B5C, 0x0B5D),
    (0x0B5F, 0x0B5F), (0x0B71, 0x0B71), (0x0C15, 0x0C28), (0x0C2A, 0x0C39), (0x0C58, 0x0C5A),
    (0x0D15, 0x0D3A),
)
_CONSONANT = re.compile("[" + "".join(f"{chr(first)}-{chr(last)}" for first, last in _CONSONANTS)
                        + "]")


def is_conjunct_consonant(char: str) -> bool:
    """A consonant that a virama joins to the one before it (Unicode's InCB=Consonant)."""
    return _CONSONANT.match(char) is not None


def _joins_conjunct(before: str, char: str) -> bool:
    """Whether the consonant `char` is the next one of a conjunct that `before` ends in (Unicode's
    rule GB9c): `before` starts with a consonant and ends in a virama, non-spacing marks (a nukta)
    or a zero-width joiner after it (`प्र`, `क्ष`, `স্ত`: one letter to a reader, which came as `प्`
    and `र`, so that a line could end after the virama)."""
    if not is_conjunct_consonant(char) or not is_conjunct_consonant(before[0]):
        return False
    at = len(before) - 1
    while at > 0 and before[at] not in _LINKERS and (
            before[at] == ZERO_WIDTH_JOINER or unicodedata.category(before[at]) in ("Mn", "Me")):
        at -= 1
    return before[at] in _LINKERS


def _pictograph_before_joiner(text: str) -> bool:
    """Whether the zero-width joiner that ends `text` follows a pictograph, with only marks, skin
    tones and other joining characters between them (`👍🏽‍`); not another joiner: `👨‍‍👩`, with two,
    joins no emoji."""
    at = len(text) - 2
    while at >= 0 and text[at] != ZERO_WIDTH_JOINER and joins_previous(text[at]):
        at -= 1
    return at >= 0 and is_pictograph(text[at])


def _trailing_indicators(text: str) -> int:
    count = 0
    while count < len(text) and is_regional_indicator(text[-1 - count]):
        count += 1
    return count


def grapheme_clusters(text: str, start: int = 0) -> Iterator[str]:
    """The grapheme clusters of `text` from `start` on, in order."""
    cluster = ""
    for at in range(start, len(text)):
        char = text[at]
        if cluster and continues_cluster(cluster, char):
            cluster += char
        else:
            if cluster:
                yield cluster
            cluster = char
    if cluster:
        yield cluster


def is_emoji(cluster: str) -> bool:
    """A grapheme cluster that shows an emoji: it holds a pictograph, a regional indicator, a skin
    tone, a tag or a keycap."""
    return any(is_pictograph(char) or is_regional_indicator(char) or is_skin_tone(char)
               or is_tag(char) or char == KEYCAP for char in cluster)


def holds_emoji(text: str) -> bool:
    """Whether `text` holds a part of an emoji (quicker than reading its clusters)."""
    return _EMOJI_PART.search(text) is not None
