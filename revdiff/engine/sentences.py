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
- words glued by a site's markup (`diplomats.The killing`, `said.“There is`) are split.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from revdiff.model import Sentence


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list, for the engine's word tables."""
    return frozenset(words.split())


# Abbreviations that precede a name and never end a sentence: Hindi's doctor and professor
# (`डॉ. शर्मा`) and Russian's street (`ул. Ленина`) too.
TITLES = word_set(
    "mr mrs ms messrs dr prof gen sen sens rep reps gov lt col maj capt cpt sgt adm cmdr cdr "
    "sec secy pres rev fr atty supt insp det amb hon brig pvt cpl gens lts ft mt "
    "hr sra srta dra lic sig dott avv ing dhr mevr डॉ प्रो ул"
)
# Abbreviations that precede a name (`St. Louis`, `Sr. Pérez`) or follow one (`Main St.`, `King
# Jr.`): like dotted abbreviations, they end a sentence only when a typical opener follows.
BEFORE_OR_AFTER_NAME = word_set("st jr sr ave blvd")
# Abbreviations that do not end a sentence when a number follows (`Dec. 27`, `No. 5`), French and
# Spanish months among them (`janv. 1990`, `dic. 2020`; not Spanish `ago.`, which is English `ago`).
BEFORE_NUMBER = word_set(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vols p pp art fig ch sec ref "
    "nr abs janv févr avr juil déc ene abr dic abb"
)
# German writes a street's name as one word with its `Straße`, abbreviated before the house's
# number (`Bahnhofstr. 5`, `Karl-Marx-Str. 12`), so the abbreviation ends a word.
GERMAN_STREET_ENDING = "str"
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
# Abbreviations known by their capitals only, as the same letters in lower case are words or units:
# French `MM.` (messieurs) before names, not `30 mm.`; German weekdays before a date (`Mo. 3. März`),
# not English `do` and `so`. They are left out of ABBREVIATIONS, which is read in any case.
CAPITALISED_TITLES = word_set("MM")
GERMAN_WEEKDAYS = word_set("Mo Di Mi Do Fr Sa So")
# English weekdays, capitalised, before a month and its day (`Wed. Jan. 8`, `Fri. March 6`);
# before another word they end a sentence as a day does (`He left on Sat. Police came.`), and so
# does `Sun.` before a month alone, the British newspaper's name (`he told the Sun. May said`).
ENGLISH_WEEKDAYS = word_set("Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun")
# German magnitudes, capitalised, before a currency or a counted noun (`5 Mio. Euro`, `3 Mrd.
# Dollar`, `2 Mio. Kunden`), where a German article or pronoun opens a sentence after them as an
# English opener does (`Der Verlust betrug 1,2 Mrd. Er ist hoch.`); German capitalises its nouns,
# so a capital alone ends none.
GERMAN_MAGNITUDES = word_set("Mio Mrd Tsd")
GERMAN_OPENERS = word_set(
    "der die das ein eine er sie es wir ich man dies diese dieser dieses dann doch aber auch nun "
    "zudem damit"
)
_DAY_OF_MONTH = re.compile(r"\d{1,2}\.")
_DAY_AFTER_MONTH = re.compile(r"\s+\d{1,2}(?!\d)")
# How far apart, in characters, the numbers of a list's items written into a sentence may be
# (`Results: 1. Smith 2. Jones.`), and how many items such a list may have.
LIST_ITEM_REACH = 100
LIST_ITEMS_IN_A_SENTENCE = 20
# The abbreviations of US states that news agencies write after a city (`PORTLAND, Ore. (AP) —`),
# those that are not initials (`N.Y.`, read as a dotted abbreviation), in their capitals only, as
# some are words (`Ore`, `Wash`). They are left out of ABBREVIATIONS: they end a sentence as a
# place does (`He lives in Portland, Ore. The city is wet.`) except in a dateline, the city in
# capitals and a comma before them at the paragraph's start.
STATE_ABBREVIATIONS = word_set(
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont "
    "Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo"
)
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z.'’ -]{0,40}, ")
# A politician's party and state after their name (`Sen. Lindsey Graham, R-S.C.`), where the
# state's dotted abbreviation ends a sentence before any word, not only an opener as `U.S.` does.
_PARTY_AND_STATE = re.compile(r"[DRI]-[A-Z](?:\.[A-Z])+")
# Abbreviations that introduce something and never end a sentence.
NEVER_FINAL = word_set("e.g i.e cf vs v viz approx est bzw ca env vgl")
# Words that say when and open a sentence (`left the U.S. Today they arrived.`); after a quotation
# they may come before its speaker (`?” Today Smith asked.`).
_WHEN_OPENERS = word_set("today yesterday tomorrow tonight")
# Words that commonly open a sentence: after a dotted abbreviation (`U.S.`) only these cause a split;
# a word that says when opens one too (`left the U.S. Today they arrived.`), where a name's word
# goes on with it (`the U.S. Embassy`).
OPENERS = _WHEN_OPENERS | word_set(
    "a an the he she it its they we i you his her their our this that these those there here "
    "but and or so yet if in on at as for from after before when while since although though "
    "however meanwhile still also then now later earlier what who why how where some many "
    "most no not officials authorities police mr mrs ms dr"
)
# Openers that open a sentence before a comma too (`Still, it failed.`, `It, too, failed.`,
# `Police, who came, ...`): after an initial, a comma after one leaves it opening a sentence
# (`Plan B. Still, it failed.`; `Mary C. Most, resigned`).
OPENERS_BEFORE_COMMA = _WHEN_OPENERS | word_set(
    "however meanwhile still also then now later earlier yet so no here there but and or "
    "he she it they we i you this that these those officials authorities police"
)
# Openers that begin the writer's own sentence after a quotation, never its speaker's name (`?” He
# said no.`, `.” Officials said.`): not a title, which begins a name (`?” Mr. Smith said.`), nor a
# word that says when, which may come before one (`?” Today Smith asked.`).
_OPENERS_BEFORE_NO_SPEAKER = OPENERS - TITLES - _WHEN_OPENERS
# Capitalised words that continue a sentence after a time's `a.m.` or `p.m.`: a day, a month or a
# time zone (`at 5 p.m. Monday`, `10:30 a.m. ET`); any other opens one (`at 5 p.m. Mayor Adams left`).
TIME_ZONES = word_set(
    "et est edt ct cst cdt mt mst mdt pt pst pdt akst akdt hst gmt utc bst cet cest eet eest ist "
    "jst kst aest aedt"
)
MONTHS = word_set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
AFTER_CLOCK_TIME = TIME_ZONES | MONTHS | word_set(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri "
    "sat sun eastern central mountain pacific"
)
# Lower-case particles inside a place's name (`Rio de Janeiro`, `Dar es Salaam`), read in a local
# time (`at 9 a.m. Rio de Janeiro time`).
PLACE_PARTICLES = word_set("de del da do dos das es al el la le")
# Verbs that attribute a quotation to its speaker, on social media too (`.” Trump tweeted.`), and
# those that say how it was said (`!” Trump shouted.`, `?” Pelosi replied.`, `.” Esper insisted.`).
SPEECH_VERBS = word_set(
    "said says asked asks added adds told wrote writes tweeted tweets posted posts "
    "replied replies shouted shouts yelled yells exclaimed exclaims insisted insists warned warns "
    "declared declares announced announces explained explains noted notes"
)
# Lower-case words of a speaker's job between capitalised words before their name (`White House
# spokesman Judd Deere`, `Secretary of State Mike Pompeo`, `Pentagon officials`).
LOWER_CASE_WORDS_OF_A_JOB = word_set(
    "spokesman spokeswoman spokesperson spokesmen spokeswomen official officials secretary "
    "minister adviser advisor aide aides lawyer attorney chief director of"
)
# Speech verbs whose one object, when they attribute a quotation, is the quotation (`told` and
# `asked` take a listener too); after `?”` a name, one of them and a word that opens another object
# (`“Why?” Merkel said nothing.`, `said the talks failed`, `added that ...`) report a statement of
# their own, in a sentence of its own.
QUOTATION_OBJECT_VERBS = word_set(
    "said says added adds wrote writes tweeted tweets posted posts"
)
OBJECT_OPENERS = word_set(
    "nothing something that the a an this these those it he she they we i you there no yes"
)
# Words after `the`, `this` or `that` that make a time of the saying, not its object (`said this
# week`, `said the next day`, `said that morning`).
TIME_OF_SAYING = word_set(
    "morning afternoon evening night day week weekend month year spring summer fall autumn winter "
    "next following previous other same"
)
# Prepositions that open where, how or when a quotation was said, after its speaker's verb (`.”
# Biden said in a statement.`, `said at a rally`), and words that open a time of the saying
# (`said late Friday`, `said last week`, `said midday Friday`, `said back in 2019`, `said
# tomorrow`); a day or a month may too.
PLACE_OR_MEANS_OF_SAYING = word_set("in on at during after before via from through to")
TIME_WORDS = word_set(
    "late early earlier later today yesterday tonight tomorrow last midday overnight back "
    "recently previously"
)
# A time counted from another, up to four words before `later`, `earlier` or `ago` (`said hours
# later`, `said two days earlier`, `said a few weeks ago`): a count and a unit.
INTERVAL_COUNTS_AND_UNITS = word_set(
    "a an few several two three four five six seven eight nine ten moments minutes hours days "
    "weeks months years moment minute hour day week month year"
)
INTERVAL_ENDS = word_set("later earlier ago")
# The words a time of the saying is made of (`late Friday night`, `that evening`, `the next day`).
WORDS_OF_A_TIME = (TIME_WORDS | AFTER_CLOCK_TIME | TIME_OF_SAYING | INTERVAL_COUNTS_AND_UNITS
                   | INTERVAL_ENDS | word_set("the this that"))
# Words that open or carry a clause of its own after where or when a quotation was said, a
# statement reported without `that` (`.” Biden said on Tuesday he would run.`, `said in an
# interview the team would rebuild`): a subject pronoun or an auxiliary verb.
REPORTED_CLAUSE_WORDS = word_set(
    "that he she it they we i you there would will could can should may might must is was were "
    "are has have had"
)
# A question's speaker may be named as the one it was put to (`?” Trump was asked.`, `?” Pentagon
# officials were asked on Friday.`).
PASSIVE_AUXILIARIES = word_set("was were")
# After `was asked`, what was asked of the speaker instead of the quotation: a request (`?” Trump
# was asked to leave.`) or another question (`was asked whether he would run`).
ASKED_INSTEAD = word_set("to whether if")
# After `?”` or `!”`, these lower-case words continue the sentence (`?” he asked.`).
ATTRIBUTION = word_set("he she they it according") | SPEECH_VERBS
# Abbreviations that never end a sentence when they open a bracket (`many things (ex. Cars,
# phones)`, `[ex. Gold]`) or a sentence, which they cannot be the whole of (`Ex. Smith left.`),
# where elsewhere they are words that may (`He left his ex.`); they are left out of ABBREVIATIONS.
NEVER_FINAL_WHEN_OPENING = word_set("ex")
# The scales of a temperature after `deg.`, which continue its sentence (`40 deg. F.`, `deg.
# Celsius`); `deg.` before any other word ends one as a unit does, as a scale's letter after `deg.`
# or a number does (`40 deg. F. Crowds came.`, `100 F. People left.`), where another is an initial.
TEMPERATURE_SCALES = word_set("f c k fahrenheit celsius kelvin")
# Company suffixes and `etc`: abbreviations that end a sentence as often as they sit inside one.
MAY_END = word_set("etc inc corp co ltd")
# Every abbreviation revdiff knows, the one list for the sentence splitter and the column splitter.
ABBREVIATIONS = TITLES | BEFORE_OR_AFTER_NAME | BEFORE_NUMBER | NEVER_FINAL | MAY_END
# Initials in any script with letters (`T.`, `U.S.`, Russian `д.` before a house's number).
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")

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
# paragraph's end are one sentence). The first stop stands alone (`[。！？][。！？]*+`, the same
# as `[。！？]++`), so that the search skips to one: a pattern that begins with a repeat is tried
# at every character.
_FULL_WIDTH_TERMINAL = re.compile(r"[。！？][。！？]*+(?:(?P<close>[」』”’\"）)]+)\s*)?+(?=\S)")
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
# A quotation that trails off in an ellipsis is attributed as a question is (`…” Trump said.`).
_ELLIPSES = ("...", "…")
# Marks that may open a sentence: quotation marks (German `„` and `»` too), brackets, `¿` and `¡`.
_OPENING = "“\"‘'«»„‹([¿¡"
# Marks that open an item of a list written into one paragraph (`Key points: • Prices rose. • ...`).
_BULLETS = "•●▪■◦‣"
# What separates the parts of a word glued together by a page's markup or a hyphen (`250px|u.s`,
# `U.S.-led`); only the last part before a full stop tells whether that stop ends an abbreviation.
_WORD_PART_SEPARATOR = re.compile(r"[^\w.]")
_NEXT_WORD = re.compile(r"[“\"‘'«»„‹(\[]*([\w.’'-]*)")


def is_abbreviation(word: str) -> bool:
    """Is `word` initials (`T.`, `U.S.`) or one of ABBREVIATIONS, in any case, with or without its
    full stop, after any opening quotes or brackets?"""
    bare = word.lstrip(_OPENING)
    return _INITIALS.fullmatch(bare) is not None or bare.lower().removesuffix(".") in ABBREVIATIONS


def _word_before(paragraph: str, end: int) -> str:
    """The word that ends at `end`, found by scanning back (cost: its length, not the offset)."""
    start = end
    while start > 0 and not paragraph[start - 1].isspace():
        start -= 1
    return paragraph[start:end].lstrip(_OPENING)


def _end_of_text_before(paragraph: str, end: int) -> int:
    """Where the text before `end` stops, the spaces before `end` skipped (cost: their number; a
    slice and `rstrip` would copy the paragraph up to `end`, quadratic over a long paragraph)."""
    while end > 0 and paragraph[end - 1].isspace():
        end -= 1
    return end


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
                    and _names_a_speaker(paragraph, next_start)
                    or punct == "." and _speaker_ends_sentence(paragraph, next_start)):
        return False
    elif not (following.isupper() or following.isdigit() or following in _OPENING
              or following in _BULLETS or _opens_hyphen_item(paragraph, match)
              or following.isalpha()  # a letter of a script without case: Hebrew, Arabic
              or _opens_an_amount(paragraph, next_start)):
        return False  # a dash, a bracket or a symbol continues the sentence
    if punct in _ELLIPSES:
        return following.isupper() or following in _OPENING
    if punct != "." or close:
        return True
    cased_word = _word_before(paragraph, match.start("punct"))
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
        text_end = _end_of_text_before(paragraph, letter_start)
        word_before_letter = _word_before(paragraph, text_end)
        if paragraph[letter_start].islower() and word_before_letter.isdigit():
            return True  # a unit after a number, French `à 10 h. Le ministre`, ends one as it does
        if word in TEMPERATURE_SCALES and (word_before_letter.lower() == "deg." or _is_a_temperature(
                paragraph, text_end, next_word)):
            return True  # and so does a temperature's scale (`40 deg. F. Crowds came.`, `100 F.`)
        return (next_lower in OPENERS and not _ends_a_sentence(word_before_letter)
                and not (word_before_letter[:1].isupper() and _is_a_surname(
                    next_word, paragraph[next_word_end:next_word_end + 1])))
    if cased_word.isupper() and word in TIME_ZONES and _follows_clock_time(
            paragraph, match.start("punct") - len(word)):
        return True  # `at 5 p.m. EST. Crowds came.`, where `est.` and `Mt.` end none
    if word in TITLES or word in NEVER_FINAL:
        return False
    if word == "deg" and next_lower in TEMPERATURE_SCALES:
        return False  # `40 deg. F.`: the scale of the degrees follows
    word_start = match.start("punct") - len(word)
    if word in NEVER_FINAL_WHEN_OPENING and (paragraph[word_start - 1:word_start] in ("(", "[")
                                             or _opens_sentence(paragraph, word_start)):
        return False
    if (word in BEFORE_NUMBER or word.endswith(GERMAN_STREET_ENDING)) and following.isdigit():
        return False
    if word.isdigit() and len(word) <= 3:
        article_end = _end_of_text_before(paragraph, match.start("punct") - len(word))
        if len(word) <= 2 and _ends_a_sentence(_word_before(paragraph, article_end)):
            return False  # a numbered list's item: `1. First, check the facts. 2. Then publish.`
        if len(word) <= 2 and word.isdecimal() and not _is_numbered_by(
                _word_before(paragraph, article_end)) and _numbers_a_list_item(
                paragraph, match.start("punct") - len(word), int(word)):
            return False  # and one inside a sentence: `Results: 1. Smith 2. Jones.`
        article = _word_before(paragraph, article_end)
        before = article.lower()
        if before in GERMAN_ORDINAL_ARTICLES and next_lower not in OPENERS and (
                article.islower() or _opens_sentence(paragraph, article_end - len(article))
        ) or len(word) <= 2 and (
                next_lower in DAY_BEFORE_MONTH
                or next_lower in DAY_BEFORE_ENGLISH_MONTH and before in GERMAN_DATE_PREPOSITIONS):
            return False
    if (word in ("a.m", "p.m") and following.isupper()
            and not _time_opens_sentence(paragraph, match.start("punct") - len(word))):
        return next_lower not in AFTER_CLOCK_TIME and not _names_local_time(paragraph, next_start)
    if _PARTY_AND_STATE.fullmatch(cased_word):
        return True  # `Sen. Lindsey O. Graham, R-S.C. Graham said so.`
    dotted = _WORD_PART_SEPARATOR.split(word)[-1]  # `u.s` of `250px|u.s`, glued on by markup
    if word in BEFORE_OR_AFTER_NAME or "." in dotted and not any(
            char.isdigit() for char in dotted) and not _is_an_address(word, dotted):
        return next_lower in OPENERS  # U.S., a.m., D.C., St.: only an opener ends it, not $3.50
    return True


def _is_an_address(word: str, dotted: str) -> bool:
    """Whether `word`, before a full stop, is a web or e-mail address (`news@cdc.gov`,
    `https://example.com/story.html`, `Amazon.com`), whose full stop ends a sentence before any
    capital, as a word's does, where after `U.S.`, `Ph.D.` or `Prof.Dr.` only an opener ends one:
    an `@` or `://` in it, or, in `dotted`, its last part joined by full stops, a last part of
    two letters or more that is no abbreviation and a part of three letters or more that is none
    (`example.com`, `bbc.co.uk`; not `tokyo.u.s` nor `president.gen`, words glued by markup)."""
    if "@" in word or "://" in word:
        return True
    *_, last = parts = dotted.split(".")
    return (len(last) >= 2 and last.isalpha() and last not in ABBREVIATIONS
            and any(len(part) >= 3 and part.isalpha() and part not in ABBREVIATIONS
                    for part in parts))


def _ends_a_sentence(word: str) -> bool:
    """Whether `word`, the one before a number, leaves that number opening a sentence: there is
    none (the paragraph's start) or it ends one (`facts.`, not `Sept.` in `Sept. 30.`)."""
    return word == "" or word.endswith((".", "!", "?")) and not is_abbreviation(word)


def _is_a_temperature(paragraph: str, number_end: int, next_word: str) -> bool:
    """Whether a scale's letter after the number ending at `number_end` makes a temperature (`100
    F. People left.`): a number of up to three digits before no other initial, where a year or a
    day before a name's initials is a date (`In 1925 F. Scott Fitzgerald wrote`, `On May 5 C. J.
    Roberts ruled.`), and a number after a month is a day before a name's initial (`On May 5 C.
    Roberts ruled.`, `On Jan. 3 K. Michael Conaway`): a number of a day, right after the month
    (`the hottest day of May, 35 C. Crowds came.` gives a temperature)."""
    number = _word_before(paragraph, number_end)
    month = _word_before(paragraph, _end_of_text_before(paragraph, number_end - len(number)))
    is_a_day = (month.lower().removesuffix(".") in MONTHS and len(number) <= 2
                and number.isascii() and number.isdigit() and 1 <= int(number) <= 31)
    return (number.isdigit() and len(number) <= 3 and not _INITIALS.fullmatch(next_word)
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


def _opens_sentence(paragraph: str, start: int) -> bool:
    """Whether a sentence may begin at `start`: the paragraph's start, or after a sentence's end
    or an opening quotation mark (a German article is capitalised only there: `Der 3. Platz`,
    where a capitalised `Den 7` inside an English sentence is a name)."""
    text_end = _end_of_text_before(paragraph, start)
    return paragraph[text_end - 1:text_end] in ("", ".", "!", "?", ":", *_OPENING)


def _names_a_speaker(paragraph: str, start: int) -> bool:
    """Whether a speaker's name and a speech verb begin at `start`, after a quoted question or
    exclamation (`?” Esper asked.`, `!” Mr. Smith said.`, `?” Today Smith asked.`), where a
    pronoun or an opener other than a title or a word that says when begins a new sentence (`?”
    He said no.`, `?” Officials said ...`), as does a verb with an object of its own (`?” Merkel
    said nothing.`; not a time: `?” Trump said this week.`)."""
    return _speaker_verb(paragraph, start) is not None


def _speaker_verb(paragraph: str, start: int) -> tuple[str, list[str]] | None:
    """The speech verb, as written, of a speaker's name and verb that begin at `start` as
    `_names_a_speaker` reads them, and up to two dozen words after it, enough for where and when
    it was said (`said in a statement released by his campaign office in Wilmington late on
    Friday.`); None when none do."""
    words = paragraph[start:start + 400].split(maxsplit=32)
    if not words or words[0].lower() in _OPENERS_BEFORE_NO_SPEAKER:
        return None
    count = _speech_verb_position(words)
    if count is None:
        return None
    word = words[count]
    verb = word.lower().rstrip(".,;:")
    after_verb, then = (later.lower().rstrip(".,;:") for later in
                        [*words[count + 1:count + 3], "", ""][:2])
    when = (after_verb in {"the", "this", "that"} and then in TIME_OF_SAYING
            or _interval_length(words[count + 1:count + 6]) > 0)
    object_follows = (verb == word.lower()  # no punctuation ends the clause at the verb
                      and verb in QUOTATION_OBJECT_VERBS and after_verb in OBJECT_OPENERS
                      and not when)
    return None if object_follows else (word, words[count + 1:count + 25])


def _speech_verb_position(words: Sequence[str]) -> int | None:
    """Where a speech verb stands after a name of up to six words, capitalised but for a job's
    lower-case words after the first (`Biden said`, `Iranian Foreign Minister Javad Zarif said`,
    `White House spokesman Judd Deere said`, `Secretary of State Mike Pompeo said`), or after such
    a name and an aside of up to six words between commas (`Smith, 45, said`, `John Smith, the
    mayor, said`), or a question's `asked` after such a name and `was` (`Trump was asked`, not
    `Trump was asked to leave`); None when it stands nowhere so."""
    for count, word in enumerate(words[1:7], start=1):
        name_word = words[count - 1]
        if not (name_word[:1].isupper() or count > 1 and name_word in LOWER_CASE_WORDS_OF_A_JOB):
            return None
        if words[count - 1].endswith(","):
            aside_end = next((at for at, aside in enumerate(words[count:count + 6], start=count)
                              if aside.endswith(",")), None)
            if aside_end is not None:
                verb_at = aside_end + 1
                return verb_at if verb_at < len(words) and _is_speech_verb(words[verb_at]) else None
        if _is_speech_verb(word):
            return count
        if word in PASSIVE_AUXILIARIES and words[count + 1:count + 2] and (
                words[count + 1].lower().rstrip(".,;:") == "asked"):
            asked_instead = words[count + 1].lower() == "asked" and any(
                after.lower() in ASKED_INSTEAD for after in words[count + 2:count + 3])
            return None if asked_instead else count + 1
    return None


def _is_speech_verb(word: str) -> bool:
    """Whether `word` is a speech verb, with or without punctuation after it."""
    return word.lower().rstrip(".,;:") in SPEECH_VERBS


def _speaker_ends_sentence(paragraph: str, start: int) -> bool:
    """Whether a speaker's name and a speech verb that end its sentence begin at `start`, after a
    quotation closed by a full stop (`.” Biden said.`), which they attribute as `,” Biden said.`
    does, as they do with where or when it was said (`.” Biden said in a statement.`, `.” Biden
    said Friday.`), and a clause after a comma, after the verb or where or when it was said (`.”
    Biden said, adding that ...`, `.” Biden said Friday, adding that ...`); after a verb the
    sentence goes on with, a sentence of its own begins (`.” Biden said the talks failed.`, `.”
    Biden told reporters.`, `.” Biden said on Friday that ...`)."""
    found = _speaker_verb(paragraph, start)
    if found is None:
        return False
    verb, after_verb = found
    if verb.endswith(".."):
        return False
    if verb.endswith(","):
        return bool(after_verb) and after_verb[0][:1].islower()
    return verb.endswith(".") or _says_when_or_where(after_verb)


def _says_when_or_where(words: Sequence[str]) -> bool:
    """Whether `words`, those after a speech verb, say only where or when it was said up to their
    sentence's end: a preposition's phrase (`in a statement.`, `at a rally in Ohio.`) or a time
    of up to three words (`Friday.`, `late Tuesday night.`, `this week.`) or one counted from
    another (`hours later.`, `a few weeks ago.`), which may be followed by a preposition's phrase
    (`late Friday night in Ohio.`, `that evening in Ohio.`) or a comma and a clause in lower case
    (`in a statement, adding that ...`), with no `that` (but a time's: `that evening`), subject
    pronoun, auxiliary verb (`REPORTED_CLAUSE_WORDS`) nor quotation opening a statement of their
    own (`on Friday that ...`, `on Tuesday he would run.`)."""
    first, second = ([word.lower().rstrip(".,;:") for word in words[:2]] + ["", ""])[:2]
    time_named_by_determiner = first in ("the", "this", "that") and second in TIME_OF_SAYING
    interval = _interval_length(words)
    if first in PLACE_OR_MEANS_OF_SAYING:
        reach = len(words)
    elif first in TIME_WORDS or first in AFTER_CLOCK_TIME or time_named_by_determiner:
        reach = 3
    elif interval:
        reach = interval
    else:
        return False
    for at, word in enumerate(words):
        bare = word.lower().rstrip(".,;:")
        if bare in PLACE_OR_MEANS_OF_SAYING and (reach == len(words) or _is_a_time(words[:at])):
            reach = len(words)  # a preposition's phrase, after the time too, to the sentence's end
        opens_reported_clause = bare in REPORTED_CLAUSE_WORDS and not (
            at == 0 and time_named_by_determiner)  # `that evening`, not `that the talks failed`
        if at == reach or opens_reported_clause or word[:1] in _OPENING:
            return False
        if _ends_a_sentence(word.rstrip("”\"’')]")):
            return True
        if (word.endswith(",") and words[at + 1:at + 2] and words[at + 1][:1].islower()
                and (reach == len(words) or _is_a_time(words[:at + 1]))):
            return True  # a clause after a comma, as after the verb's (`Friday, adding that ...`)
    return False


def _interval_length(words: Sequence[str]) -> int:
    """How many of `words` make the time counted from another they open with (`hours later`, `2
    days earlier`, `a few weeks ago`: up to four counts and units, then `later`, `earlier` or
    `ago`); 0 when they open with none."""
    for count, word in enumerate(words[:5], start=1):
        bare = word.lower().rstrip(".,;:")
        if bare in INTERVAL_ENDS:
            return count
        if not (bare in INTERVAL_COUNTS_AND_UNITS or bare.isdigit()):
            return 0
    return 0


# A number of a date: a year or a day, written as a number or an ordinal (`3`, `3rd`, `2019`).
_DATE_NUMBER = re.compile(r"[0-9]+(?:st|nd|rd|th)?")


def _is_a_time(words: Sequence[str]) -> bool:
    """Whether `words` are all words of a time (`late Friday night`, `the next day`, `Jan. 3`,
    `March 3rd`): a preposition after them says where it was said, while after `Friday the
    talks` it is part of a statement reported without `that` (`said Friday the talks in Geneva
    failed.`)."""
    return all(bare in WORDS_OF_A_TIME or _DATE_NUMBER.fullmatch(bare)
               for bare in (word.lower().rstrip(".,;:") for word in words))


def _is_numbered_by(word: str) -> bool:
    """Whether a number after `word` is what it abbreviates the name of (`No. 2`, `Vol. 3`),
    never a list's item."""
    return word.lower().removesuffix(".") in BEFORE_NUMBER


def _numbers_a_list_item(paragraph: str, start: int, number: int) -> bool:
    """Whether `number`, written at `start` before a full stop, numbers an item of a list that
    opens after a colon, a sentence's end or the paragraph's start (`Results: 1. Smith 2. Jones.`):
    `1.` there before a `2.`, or a later number, up to LIST_ITEMS_IN_A_SENTENCE, after the items
    before it, each within LIST_ITEM_REACH characters of the next; elsewhere a number before a
    full stop may end a sentence (`Score: 1. Then we left.`, `He came 2. Jones won.`)."""
    if number > LIST_ITEMS_IN_A_SENTENCE:
        return False
    if number == 1:
        second = paragraph.find(" 2. ", start, start + LIST_ITEM_REACH)
        return (second >= 0 and paragraph.rfind(" 1. ", start, second) < 0
                and _opens_a_list(paragraph, start))
    item_start = start
    for earlier in range(number - 1, 0, -1):
        found = paragraph.rfind(f" {earlier}. ", max(0, item_start - LIST_ITEM_REACH), item_start)
        if found >= 0:
            item_start = found + 1
        elif item_start <= LIST_ITEM_REACH and paragraph.startswith(f"{earlier}. "):
            item_start = 0
        else:
            return False
    return _opens_a_list(paragraph, item_start)


def _opens_a_list(paragraph: str, start: int) -> bool:
    """Whether a list's first item may begin at `start`: after a colon or a word that ends a
    sentence, or at the paragraph's start."""
    text_end = _end_of_text_before(paragraph, start)
    return paragraph[text_end - 1:text_end] == ":" or _ends_a_sentence(
        _word_before(paragraph, text_end))


def _time_opens_sentence(paragraph: str, end: int) -> bool:
    """Whether the time before `end` (`9` of `9 a.m.`) follows a preposition that opens a sentence
    (`At 9 a.m. Trump tweeted.`), where a name after the time goes on with the sentence."""
    number_end = _end_of_text_before(paragraph, end)
    number = _word_before(paragraph, number_end)
    preposition_end = _end_of_text_before(paragraph, number_end - len(number))
    preposition = _word_before(paragraph, preposition_end)
    return bool(preposition) and _opens_sentence(paragraph, preposition_end - len(preposition))


def _follows_clock_time(paragraph: str, end: int) -> bool:
    """Whether the word before `end` tells a time: `a.m.`, `p.m.` or a number (`17:00`)."""
    time = _word_before(paragraph, _end_of_text_before(paragraph, end))
    return time.lower() in ("a.m.", "p.m.") or time[:1].isdigit()


def _names_local_time(paragraph: str, start: int) -> bool:
    """Whether a place of one to four words and `time` begin at `start`, after a time's `p.m.`
    (`5 p.m. Baghdad time`, `9 a.m. New York City time`, `Rio de Janeiro time`, `4 p.m.
    Washington, D.C. time`, a comma before its region), where they continue its sentence; a word
    that is no place's ends the look (`9 a.m. New York officials said it was time` opens a
    sentence)."""
    words = paragraph[start:start + 80].split(maxsplit=5)[:5]
    for count, word in enumerate(words):
        if count and word.lower().rstrip(".,;:)") == "time":
            return True
        next_word = words[count + 1] if count + 1 < len(words) else ""
        region_follows = word.endswith(",") and next_word[:1].isupper()
        if not _is_place_word(word.removesuffix(",") if region_follows else word):
            return False
    return False


def _is_place_word(word: str) -> bool:
    """Whether `word` may be part of a place's name before `time`: capitalised, a particle (`de` of
    `Rio de Janeiro`) or `local` (`Baghdad local time`), with no punctuation ending it (`York,`)
    but an abbreviation's full stop (`St. Louis`, `D.C.`)."""
    return ((word[:1].isupper() or word in PLACE_PARTICLES or word == "local")
            and (word[-1:].isalpha() or word[:1].isupper() and is_abbreviation(word)))


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
        _word_before(paragraph, match.start("punct")) + ".")
    return (item.isupper() or item.isdigit() or item in _OPENING) and not after_abbreviation


def _opens_an_amount(paragraph: str, start: int) -> bool:
    """Whether a currency sign or a minus sign and a digit begin at `start` (`$5 million was
    paid.`, `-5 degrees was the low.`): a sentence may begin so."""
    sign = paragraph[start]
    if unicodedata.category(sign) == "Sc":
        return True
    return sign in "-−" and paragraph[start + 1:start + 2].isdigit()


def _is_in_an_address(paragraph: str, stop: int) -> bool:
    """Whether the word around the full stop at `stop` holds another `.`, a `/` or an `@`, as a web
    or e-mail address does (`washingtonpost.com/News`, `Jane.Doe@Example.com`); each scan ends at
    the first, so the glued full stops of one long word without spaces are each read once."""
    for index, step, end in ((stop - 1, -1, -1), (stop + 1, 1, len(paragraph))):
        while index != end and not paragraph[index].isspace():
            if paragraph[index] in "./@":
                return True
            index += step
    return False


def _is_closed_later(paragraph: str, start: int) -> bool:
    """Whether a `”` after `start` closes a quotation before another `“` opens or closes one: the
    `“` before `start` opened it, where in German, which opens with `„`, it closed one."""
    closing = paragraph.find("”", start)
    other = paragraph.find("“", start, closing)
    return closing >= 0 and other < 0


def _boundaries(paragraph: str) -> list[int]:
    """Offsets in the paragraph where a new sentence starts."""
    lower_case_text = paragraph == paragraph.lower()
    starts: list[int] = []
    for match in _TERMINAL.finditer(paragraph):
        if _is_boundary(paragraph, match, lower_case_text):
            starts.append(match.end())
    starts.extend(match.end() for match in _FULL_WIDTH_TERMINAL.finditer(paragraph)
                  if not (match.group("close")
                          and _REPORTS_QUOTATION.match(paragraph, match.end())))
    if not paragraph.isascii():
        starts.extend(match.end() for match in _UNMARKED_STOP.finditer(paragraph))
    if not lower_case_text:
        for match in _GLUED.finditer(paragraph):
            if not _is_in_an_address(paragraph, match.start("punct")):
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
