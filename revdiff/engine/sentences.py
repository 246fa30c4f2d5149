"""News-aware sentence splitting that keeps each sentence's paragraph and character offsets.

Rules rather than a statistical model: they are fast (thousands of sentences in milliseconds), they
never cross a paragraph boundary, and every rule is covered by a test. The cases news text needs:

- titles before names never end a sentence (`Gen.`, `Sec.`, `Mr.`), nor do initials (`Mark T. Esper`),
  where another letter does before a typical opener (`Plan B. The plan failed.`) but a surname
  (`Robert E. Still.`, `Mary C. Most, resigned`);
- month and number abbreviations before a number do not either (`Dec. 27`, `No. 5`, German
  `Mo. 3. März`, `Abb. 3`, a street's `Bahnhofstr. 5`), nor titles and initials in other scripts
  (Hindi `डॉ.`, Russian `ул. Ленина, д. 5`), nor weekdays before a month's day (`Wed. Jan.
  8`), nor a list item's number (`1. First, ...`, `Results: 1. Smith 2. Jones.`), nor French
  `MM.` before names, nor `ex.` opening a bracket or a sentence (`(ex. Cars, phones)`, `Ex.
  Smith left.`), nor `deg.` before a temperature's scale (`40 deg. F.`);
- dotted abbreviations (`U.S.`, `a.m.`), and those that may follow a name (`Main St.`, `King Jr.`),
  end a sentence only when a typical sentence opener follows, where a web or e-mail address
  (`example.com.`, `news@cdc.gov.`) ends one before any capital, as a word does; a time's `p.m.`
  before any capitalised word but a day, a month, a time zone or a place before `time` (`at 5
  p.m. Mayor Adams left`, not `at 5 p.m. ET`, `at 9 a.m. New York City time` or `St. Louis
  time`), unless the time opens its sentence (`At 9 a.m. Trump tweeted.`), and a politician's
  party and state (`Graham, R-S.C.`) before any word that may open a sentence; German `Mio.`
  and `Mrd.` (`5 Mio. Euro`, `2 Mio. Kunden`) before an opener or a German article or pronoun;
- punctuation inside quotes: `,” Esper said.` never splits, nor do `?” he asked.`, `?” Esper
  asked.` and `?” Esper was asked.`: after `?”` a sentence needs a word that may open one and
  names no speaker before a verb (where `said` with an object of its own, `?” Merkel said
  nothing.`, names none); after `.”` a name and a speech verb that ends the sentence attribute
  the quotation (`.” Biden said.`, `.” Smith, 45, said.`, an aside between commas before the
  verb, `.” White House spokesman Judd Deere said.`, a job's lower-case words inside the name),
  as they do with where or when it was said (`.” Biden said in a statement.`), where more after
  the verb opens a sentence (`.” Biden said the talks failed.`);
- datelines (`BAGHDAD —`, `PORTLAND, Ore. (AP) —`), headings and credits without final
  punctuation stay whole, and a bullet (`•`, or `-`, a space and a capital, not after an
  abbreviation: `Jan. - Mar.` is a range) after a sentence's end opens the next;
- a time zone in capitals after a time ends a sentence as a word does (`at 5 p.m. EST. Crowds
  came.`), not as the abbreviations `est.` and `Mt.` do;
- ellipses split only before a capital letter, and not inside a quotation that a speaker's name
  and verb attribute after them (`...” Trump said.`, read as after `?”`); a Chinese one, `……`,
  a pause inside its sentence, never does (`他说……我们走吧。`);
- Wikipedia's reference markers after a sentence's end (`in 1820.[1] It grew`) close it;
- text without capitals (lower-cased corpora) splits before lower-case words too, and text in a
  script without case (Hebrew, Arabic) before its letters; `。！？` end a sentence with no space,
  but for a quotation that Japanese `と` or a Chinese speaker reports (`「…。」と述べた。`, `“…。”
  市长说。`);
- words glued by a site's markup (`diplomats.The killing`, `said.“There is`, `आया।फिर`,
  `صحيح؟نعم`) are split.

This module finds a paragraph's sentence ends and reads each; the rules' parts live in modules of
their own: the abbreviations (`abbreviations`), a date's and a time's words (`calendar_words`),
what may open a sentence (`sentence_edges`), a quotation's speaker (`quotation_speakers`), a list's
numbered items (`list_items`), a time's `a.m.` and `p.m.` (`clock_times`) and web addresses
(`web_addresses`).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from revdiff.engine.abbreviations import (
    BEFORE_NUMBER,
    BEFORE_OR_AFTER_NAME,
    CAPITALISED_TITLES,
    ENGLISH_WEEKDAYS,
    GERMAN_MAGNITUDES,
    GERMAN_OPENERS,
    GERMAN_STREET_ENDING,
    GERMAN_WEEKDAYS,
    INITIALS,
    NEVER_FINAL,
    NEVER_FINAL_WHEN_OPENING,
    STATE_ABBREVIATIONS,
    TEMPERATURE_SCALES,
    TITLES,
    is_abbreviation,
    word_ends_a_sentence,
)
from revdiff.engine.calendar_words import AFTER_CLOCK_TIME, MONTHS, TIME_ZONES
from revdiff.engine.clock_times import follows_clock_time, names_local_time, time_opens_sentence
from revdiff.engine.list_items import is_numbered_by, numbers_a_list_item
from revdiff.engine.quotation_speakers import ATTRIBUTION, names_a_speaker, speaker_ends_sentence
from revdiff.engine.sentence_edges import (
    OPENERS,
    OPENERS_BEFORE_COMMA,
    SENTENCE_OPENING_MARKS,
    end_of_text_before,
    opens_sentence,
    word_before,
)
from revdiff.engine.web_addresses import is_an_address, is_in_an_address
from revdiff.engine.word_sets import word_set
from revdiff.model import Sentence

# German writes a day of the month as an ordinal, `3.`, before the month's name (`Am 3. Januar`);
# the names English writes alike (`April`, `August`) may begin a sentence there, and are left out.
DAY_BEFORE_MONTH = word_set("januar jänner februar märz mai juni juli oktober dezember")
# Those names are a date too after a German preposition (`am 12. August`, `bis 1. April`).
DAY_BEFORE_ENGLISH_MONTH = word_set("april august september november")
GERMAN_DATE_PREPOSITIONS = word_set("am vom zum bis seit ab dem den")
# A number after a German article is an ordinal (`der 3. Platz`, `zum 20. Mal`, `des 19.
# Jahrhunderts`), unless an English sentence opens after it (`the band die 2. The band split`)
# or the article is capitalised inside a sentence, as a name is (`He joined Den 7. Members met`);
# `am`, which English writes too (`I am 30. Then ...`), only before a month.
GERMAN_ORDINAL_ARTICLES = word_set("der die das den dem des zum zur im beim vom")
_DAY_OF_MONTH = re.compile(r"\d{1,2}\.")
_DAY_AFTER_MONTH = re.compile(r"\s+\d{1,2}(?!\d)")
# A dateline's city, in capitals, and the comma before its state's abbreviation at a paragraph's
# start (`PORTLAND, Ore. (AP) —`), where STATE_ABBREVIATIONS end no sentence.
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z.'’ -]{0,40}, ")
# A politician's party and state after their name (`Sen. Lindsey Graham, R-S.C.`), where the
# state's dotted abbreviation ends a sentence before any word, not only an opener as `U.S.` does.
_PARTY_AND_STATE = re.compile(r"[DRI]-[A-Z](?:\.[A-Z])+")

# A sentence's end: its punctuation (the Arabic question mark, the Urdu full stop `۔`, the
# Devanagari dandas `।` and `॥`, the Myanmar and Khmer full stops too), the marks that close a
# quotation or a bracket after it (German `.“`, `.‘` and `.«`, French `. »` after a no-break or
# plain space), Wikipedia's reference markers (`.[1]`, `.[a][12]`), and the space before the next one.
# A run of stops is tried from its first mark only: tried from each mark of a run without a space
# after it (100 kB of dots), each try read the run to its end, the paragraph's length squared.
# The first mark is matched before the look-behind that makes it a run's first: a pattern that
# begins with a look-behind is tried at every character of the paragraph.
_TERMINAL = re.compile(
    r"(?P<punct>\.\.\.|…|[.!?؟۔।॥။។៕](?<![.!?؟۔।॥။។៕]{2})[.!?؟۔।॥။។៕]*)"
    r"(?P<close>(?:[ \u00a0\u202f][»›])?[”\"’'»«“‘›‹」』)\]]*)"
    r"(?:\[\w{1,4}\])*(?P<space>\s+)(?=\S)"
)
# Chinese and Japanese full stops end a sentence with no space after them, after the marks that
# close a quotation or a bracket and any space after those; taken whole (`++`, `?+`), the stops
# and those marks never open the next sentence (`「我们将尽一切努力。」` and `「我们会赢！！」` at a
# paragraph's end are one sentence), nor do the stops after those marks (`“好！”。`, where a
# sentence of its own was `。`). The first stop stands alone (`[。！？][。！？]*+`, the same
# as `[。！？]++`), so that the search skips to one: a pattern that begins with a repeat is tried
# at every character.
_FULL_WIDTH_TERMINAL = re.compile(
    r"[。！？][。！？]*+(?:(?P<close>[」』”’\"）)]+)(?P<stop_after>\s*[。！？]++)?+\s*)?+(?=\S)")
# What reports a quotation closed by its full stop, in its sentence: Japanese ends one with the
# particle `と` (or `って`) before the verb that reports it (`「全力を挙げる。」と述べた。`), and
# Chinese names its speaker after it, a clause of a speaker and a verb of saying alone
# (`“我们不会放弃。”市长说。`, `「我們會繼續。」他表示。`). A sentence may open with a word that
# begins with `と` (`ところが`, `とはいえ`, `とても`, `ともに`), and does so after a quotation too,
# as does a Chinese clause that says more (`“我们走。”然后离开了。`) or says what something is, with `是`,
# where the verb's character ends a noun (`“…。”他是总统的顾问。`, `这是他的第一部小说。`).
_REPORTS_QUOTATION = re.compile(
    r"と(?!ころ|はいえ|にかく|もかく|りあえず|もあれ|ても|もに|りわけ|うとう)|って"
    r"|[^\s。！？，、：；「」『』“”是]{1,12}?(?:说|說|表示|称|稱|指出|强调|強調|问|問|写道|寫道)[。！]")
# A danda (`।`, `॥`) or an Arabic question mark, which no abbreviation, number or web address
# holds, ends a sentence glued to the next word by a site's markup (`वह आया।फिर गया।`), as `。`
# does; before a digit, a verse's number (`॥१॥`), it does not. The run of stops is taken whole
# (`?+`, `*+`), so that the search skips to its first mark and never ends one inside a run.
_GLUED_UNSPACED_STOP = re.compile(r"[।॥؟][.!?؟।॥]*+(?=[^\W\d_])")
# Thai and Lao have no full stop: a space between two of their letters ends a sentence or a
# clause. A space beside a number (`ประมาณ ๕๐๐ คน`), before or after the repetition mark (`ต่าง ๆ`)
# or after the abbreviation mark (`กรุงเทพฯ เป็น`) ends nothing.
_THAI_OR_LAO_LETTER_BEFORE = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e" \
    "\u0e81-\u0eae\u0eb0-\u0ec4\u0ec8-\u0ece\u0edc-\u0edf"
_THAI_OR_LAO_WORD_START = "\u0e01-\u0e2e\u0e40-\u0e44\u0e81-\u0eae\u0ec0-\u0ec4\u0edc-\u0edf"
# These two look behind after their first character, not before it, so that the search skips to
# the characters they begin with: a pattern that begins with a look-behind is tried at every one.
_UNMARKED_STOP = re.compile(f"[ \u00a0](?<=[{_THAI_OR_LAO_LETTER_BEFORE}][ \u00a0])[ \u00a0]*"
                            f"(?=[{_THAI_OR_LAO_WORD_START}])")
# A `“` glued after the full stop opens the next sentence's quotation where a `”` closes it
# (`said.“There is ...,” he said`), and closes a German one where none does (`kommen.“Dann`).
_GLUED = re.compile(r"(?P<punct>[.!?])(?<=[a-z]{2}[.!?])(?P<close>[”\"]?)(?P<quote>“?)(?=[A-Z][a-z])")
# Korean has no case: a full stop, question or exclamation mark glued between two Hangul
# syllables by a site's markup (`밝혔다.다음`) ends a sentence, as `_GLUED` reads one between a
# lower-case and a capital letter; an ellipsis (`그런데...그래서`) does not. The mark is matched
# before the look-behind, so that the search skips to one. A quotation mark may stand between
# the stop and the next syllable (`말했다."다음`), closing a quotation or opening the next.
_GLUED_HANGUL = re.compile(
    r"[.!?](?<=[\uac00-\ud7a3][.!?])[!?]*+(?P<quote>[”“\"]?)(?=[\uac00-\ud7a3])")
# The particle that reports a quotation closed by its stop, in its sentence, as a word of its own
# (`"우리는 간다."라고 말했다`, `"이기겠다."고 밝혔다`, `"간다."며 떠났다`)
_REPORTS_KOREAN_QUOTATION = re.compile(
    r"(?:(?:이?라|하)?(?:고|며|면서|는|던)|이?란)(?![\uac00-\ud7a3])")
# A quotation that trails off in an ellipsis is attributed as a question is (`…” Trump said.`).
_ELLIPSES = ("...", "…")
# Marks that open an item of a list written into one paragraph (`Key points: • Prices rose. • ...`).
_BULLETS = "•●▪■◦‣"
# What separates the parts of a word glued together by a page's markup or a hyphen (`250px|u.s`,
# `U.S.-led`); only the last part before a full stop tells whether that stop ends an abbreviation.
_WORD_PART_SEPARATOR = re.compile(r"[^\w.]")
# The word after a sentence's end (group 1), past the marks that may open a sentence.
_NEXT_WORD = re.compile(rf"[{re.escape(SENTENCE_OPENING_MARKS)}]*([\w.’'-]*)")


def _is_boundary(paragraph: str, match: re.Match[str], lower_case_text: bool) -> bool:
    punct, close = match.group("punct"), match.group("close")
    next_start = match.end()
    following = paragraph[next_start]
    next_word_match = _NEXT_WORD.match(paragraph, next_start)
    next_word = next_word_match.group(1) if next_word_match else ""
    next_word_end = next_word_match.end() if next_word_match else next_start
    next_lower = next_word.lower().rstrip(".")
    if following.islower():
        if not lower_case_text:
            return False
        if close and punct in "?!" and next_lower in ATTRIBUTION:
            return False
    elif close and ((punct in "?!" or punct in _ELLIPSES)
                    and names_a_speaker(paragraph, next_start)
                    or punct == "." and speaker_ends_sentence(paragraph, next_start)):
        return False
    elif not (following.isupper() or following.isdigit() or following in SENTENCE_OPENING_MARKS
              or following in _BULLETS or _opens_hyphen_item(paragraph, match)
              or following.isalpha()  # a letter of a script without case: Hebrew, Arabic
              or _opens_an_amount(paragraph, next_start)):
        return False  # a dash, a bracket or a symbol continues the sentence
    if punct in _ELLIPSES:
        return following.isupper() or following in SENTENCE_OPENING_MARKS
    if punct != "." or close:
        return True
    cased_word = word_before(paragraph, match.start("punct"))
    if cased_word in CAPITALISED_TITLES or (
            cased_word in GERMAN_WEEKDAYS and _DAY_OF_MONTH.fullmatch(next_word)) or (
            cased_word in ENGLISH_WEEKDAYS and next_lower in MONTHS
            and _DAY_AFTER_MONTH.match(paragraph, next_word_end)):
        return False
    if cased_word in GERMAN_MAGNITUDES:
        return next_lower in OPENERS or next_lower in GERMAN_OPENERS
    if cased_word in STATE_ABBREVIATIONS and _DATELINE_PLACE.fullmatch(
            paragraph, 0, match.start("punct") - len(cased_word)):
        return False  # `PORTLAND, Ore. (AP) — A man ...`: a dateline opens its sentence
    word = cased_word.lower()
    if not word:
        return True
    if len(word) == 1 and word.isalpha():
        # an initial (`Mark T. Esper`) or an interview's marker (`Q. What`) ends none, a letter
        # inside a sentence may before a typical opener (`Plan B. The plan failed.`)
        letter_start = match.start("punct") - len(word)
        text_end = end_of_text_before(paragraph, letter_start)
        word_before_letter = word_before(paragraph, text_end)
        if paragraph[letter_start].islower() and word_before_letter.isdigit():
            return True  # a unit after a number, French `à 10 h. Le ministre`, ends one as it does
        if word in TEMPERATURE_SCALES and (word_before_letter.lower() == "deg." or _is_a_temperature(
                paragraph, text_end, next_word)):
            return True  # and so does a temperature's scale (`40 deg. F. Crowds came.`, `100 F.`)
        return (next_lower in OPENERS and not word_ends_a_sentence(word_before_letter)
                and not (word_before_letter[:1].isupper() and _is_a_surname(
                    next_word, paragraph[next_word_end:next_word_end + 1])))
    if cased_word.isupper() and word in TIME_ZONES and follows_clock_time(
            paragraph, match.start("punct") - len(word)):
        return True  # `at 5 p.m. EST. Crowds came.`, where `est.` and `Mt.` end none
    if word in TITLES or word in NEVER_FINAL:
        return False
    if word == "deg" and next_lower in TEMPERATURE_SCALES:
        return False  # `40 deg. F.`: the scale of the degrees follows
    word_start = match.start("punct") - len(word)
    if word in NEVER_FINAL_WHEN_OPENING and (paragraph[word_start - 1:word_start] in ("(", "[")
                                             or opens_sentence(paragraph, word_start)):
        return False
    if (word in BEFORE_NUMBER or word.endswith(GERMAN_STREET_ENDING)) and following.isdigit():
        return False
    if word.isdigit() and len(word) <= 3:
        article_end = end_of_text_before(paragraph, match.start("punct") - len(word))
        if len(word) <= 2 and word_ends_a_sentence(word_before(paragraph, article_end)):
            return False  # a numbered list's item: `1. First, check the facts. 2. Then publish.`
        if len(word) <= 2 and word.isdecimal() and not is_numbered_by(
                word_before(paragraph, article_end)) and numbers_a_list_item(
                paragraph, match.start("punct") - len(word), int(word)):
            return False  # and one inside a sentence: `Results: 1. Smith 2. Jones.`
        article = word_before(paragraph, article_end)
        before = article.lower()
        if before in GERMAN_ORDINAL_ARTICLES and next_lower not in OPENERS and (
                article.islower() or opens_sentence(paragraph, article_end - len(article))
        ) or len(word) <= 2 and (
                next_lower in DAY_BEFORE_MONTH
                or next_lower in DAY_BEFORE_ENGLISH_MONTH and before in GERMAN_DATE_PREPOSITIONS):
            return False
    if (word in ("a.m", "p.m") and following.isupper()
            and not time_opens_sentence(paragraph, match.start("punct") - len(word))):
        return next_lower not in AFTER_CLOCK_TIME and not names_local_time(paragraph, next_start)
    if _PARTY_AND_STATE.fullmatch(cased_word):
        return True  # `Sen. Lindsey O. Graham, R-S.C. Graham said so.`
    dotted = _WORD_PART_SEPARATOR.split(word)[-1]  # `u.s` of `250px|u.s`, glued on by markup
    if word in BEFORE_OR_AFTER_NAME or "." in dotted and not any(
            char.isdigit() for char in dotted) and not is_an_address(word, dotted):
        return next_lower in OPENERS  # U.S., a.m., D.C., St.: only an opener ends it, not $3.50
    return True


def _is_a_temperature(paragraph: str, number_end: int, next_word: str) -> bool:
    """Whether a scale's letter after the number ending at `number_end` makes a temperature (`100
    F. People left.`): a number of up to three digits before no other initial, where a year or a
    day before a name's initials is a date (`In 1925 F. Scott Fitzgerald wrote`, `On May 5 C. J.
    Roberts ruled.`), and a number after a month is a day before a name's initial (`On May 5 C.
    Roberts ruled.`, `On Jan. 3 K. Michael Conaway`): a number of a day, right after the month
    (`the hottest day of May, 35 C. Crowds came.` gives a temperature)."""
    number = word_before(paragraph, number_end)
    month = word_before(paragraph, end_of_text_before(paragraph, number_end - len(number)))
    is_a_day = (month.lower().removesuffix(".") in MONTHS and len(number) <= 2
                and number.isascii() and number.isdigit() and 1 <= int(number) <= 31)
    return (number.isdigit() and len(number) <= 3 and not INITIALS.fullmatch(next_word)
            and not is_a_day)


def _is_a_surname(opener: str, mark_after: str) -> bool:
    """Whether `opener`, a word that may open a sentence, is a surname after a name's initial
    (`Robert E. Still.`, `Mary C. Most, resigned`): a full stop or a comma right after it ends a
    clause where a sentence would go on. `No.` is an answer (`Plan B. No. It failed.`), and a
    comma after one of OPENERS_BEFORE_COMMA goes on with a sentence (`Plan B. Still, it failed.`);
    a title opens its sentence before a name (`Plan B. Mr. Smith disagreed.`)."""
    if opener.endswith("."):
        word = opener.lower().removesuffix(".")
        return word != "no" and word not in TITLES
    return mark_after == "," and opener.lower() not in OPENERS_BEFORE_COMMA


def _opens_hyphen_item(paragraph: str, match: re.Match[str]) -> bool:
    """Whether a list item marked by a hyphen follows the sentence's end `match`: a hyphen, a
    space and a word that may open a sentence, after a word that is no abbreviation (`Prices
    rose. - Markets fell.`); a hyphen set as a dash goes on with the sentence (`from Jan. - Mar.
    2020`, `etc. - all of them -`)."""
    start = match.end()
    if not paragraph.startswith("- ", start):
        return False
    item = paragraph[start + 2:start + 3]
    after_abbreviation = match.group("punct") == "." and is_abbreviation(
        word_before(paragraph, match.start("punct")) + ".")
    return (item.isupper() or item.isdigit() or item in SENTENCE_OPENING_MARKS) and not after_abbreviation


def _opens_an_amount(paragraph: str, start: int) -> bool:
    """Whether a currency sign or a minus sign and a digit begin at `start` (`$5 million was
    paid.`, `-5 degrees was the low.`): a sentence may begin so."""
    sign = paragraph[start]
    if unicodedata.category(sign) == "Sc":
        return True
    return sign in "-−" and paragraph[start + 1:start + 2].isdigit()


def _is_closed_later(paragraph: str, start: int) -> bool:
    """Whether a `”` after `start` closes a quotation before another `“` opens or closes one: the
    `“` before `start` opened it, where in German, which opens with `„`, it closed one."""
    closing = paragraph.find("”", start)
    other = paragraph.find("“", start, closing)
    return closing >= 0 and other < 0


def _glued_hangul_starts(paragraph: str) -> Iterable[int]:
    """Where the sentences after Korean stops glued to the next syllable start (`_GLUED_HANGUL`):
    after the stop, but for a full stop in a web address; after a quotation mark that closes a
    quotation, but for one a particle reports (`_REPORTS_KOREAN_QUOTATION`); before one that
    opens the next (`“`, or a straight mark after an even number of them)."""
    straight_marks, counted_to = 0, 0
    for match in _GLUED_HANGUL.finditer(paragraph):
        quote = match.group("quote")
        if not quote:
            if match.group() != "." or not is_in_an_address(paragraph, match.start()):
                yield match.end()
            continue
        if quote == "\"":
            straight_marks += paragraph.count("\"", counted_to, match.start("quote"))
            counted_to = match.start("quote")
        if quote == "“" or (quote == "\"" and straight_marks % 2 == 0):
            yield match.start("quote")
        elif not _REPORTS_KOREAN_QUOTATION.match(paragraph, match.end()):
            yield match.end()


def _boundaries(paragraph: str) -> list[int]:
    """Offsets in the paragraph where a new sentence starts."""
    lower_case_text = paragraph == paragraph.lower()
    starts: list[int] = []
    for match in _TERMINAL.finditer(paragraph):
        if _is_boundary(paragraph, match, lower_case_text):
            starts.append(match.end())
    starts.extend(match.end() for match in _FULL_WIDTH_TERMINAL.finditer(paragraph)
                  if not (match.group("close") and not match.group("stop_after")
                          and _REPORTS_QUOTATION.match(paragraph, match.end())))
    if not paragraph.isascii():
        starts.extend(match.end() for match in _UNMARKED_STOP.finditer(paragraph))
        starts.extend(match.end() for match in _GLUED_UNSPACED_STOP.finditer(paragraph))
        starts.extend(_glued_hangul_starts(paragraph))
    if not lower_case_text:
        for match in _GLUED.finditer(paragraph):
            if not is_in_an_address(paragraph, match.start("punct")):
                opens_quotation = match.group("quote") and _is_closed_later(paragraph, match.end())
                starts.append(match.start("quote") if opens_quotation else match.end())
    return sorted(set(starts))


# A live blog's versions share most of their paragraphs: split anew in each version, they were
# split some forty times over, half of its chain of comparisons. The paragraphs of the last
# versions split are kept (a version of a live blog holds thousands of paragraphs; a cache that
# holds fewer than one version's paragraphs would have dropped each before its next use).
@functools.lru_cache(maxsize=2**14)
def split_paragraph(paragraph: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of the sentences of one paragraph, surrounding whitespace excluded."""
    spans: list[tuple[int, int]] = []
    cuts = [0, *_boundaries(paragraph), len(paragraph)]
    for start, end in itertools.pairwise(cuts):
        piece = paragraph[start:end]
        stripped = piece.strip()
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
    return tuple(spans)


_PARAGRAPHS_WANTED = ("split_sentences takes a version's paragraphs, a list of strings "
                      "(version.paragraphs, or [text] for one paragraph)")


def split_sentences(paragraphs: Sequence[str]) -> tuple[Sentence, ...]:
    """Split every paragraph into sentences, numbered across the whole version. A string given
    for the list of paragraphs (whose characters would each be a paragraph), or a paragraph that
    is no string, raises TypeError."""
    if isinstance(paragraphs, (str, bytes, bytearray)):
        raise TypeError(f"{_PARAGRAPHS_WANTED}, not {'a str' if isinstance(paragraphs, str) else 'bytes'}")
    for index, paragraph in enumerate(paragraphs):
        if not isinstance(paragraph, str):
            raise TypeError(f"{_PARAGRAPHS_WANTED}: paragraph {index} is {type(paragraph).__name__}")
    return _number(
        (paragraph_index, start, end, paragraph[start:end])
        for paragraph_index, paragraph in enumerate(paragraphs)
        for start, end in split_paragraph(paragraph)
    )


def paragraphs_as_sentences(paragraphs: Sequence[str]) -> tuple[Sentence, ...]:
    """One sentence per non-blank paragraph (for text that is already split)."""
    located = []
    for paragraph_index, paragraph in enumerate(paragraphs):
        stripped = paragraph.strip()
        if stripped:
            lead = len(paragraph) - len(paragraph.lstrip())
            located.append((paragraph_index, lead, lead + len(stripped), stripped))
    return _number(located)


def _number(located: Iterable[tuple[int, int, int, str]]) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(index=index, paragraph=paragraph, start=start, end=end, text=text)
        for index, (paragraph, start, end, text) in enumerate(located)
    )
