"""Whether a speaker's name and a speech verb after a quotation's end attribute it, in its sentence
(`?” Esper asked.`, `.” Biden said in a statement.`), or open a sentence of their own (`?” He said
no.`, `.” Biden said the talks failed.`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from revdiff.engine.abbreviations import TITLES, word_ends_a_sentence
from revdiff.engine.calendar_words import AFTER_CLOCK_TIME
from revdiff.engine.sentence_edges import OPENERS, SENTENCE_OPENING_MARKS, WHEN_OPENERS
from revdiff.engine.word_sets import word_set

# Openers that begin the writer's own sentence after a quotation, never its speaker's name (`?” He
# said no.`, `.” Officials said.`): not a title, which begins a name (`?” Mr. Smith said.`), nor a
# word that says when, which may come before one (`?” Today Smith asked.`).
_OPENERS_BEFORE_NO_SPEAKER = OPENERS - TITLES - WHEN_OPENERS
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


def names_a_speaker(paragraph: str, start: int) -> bool:
    """Whether a speaker's name and a speech verb begin at `start`, after a quoted question or
    exclamation (`?” Esper asked.`, `!” Mr. Smith said.`, `?” Today Smith asked.`), where a
    pronoun or an opener other than a title or a word that says when begins a new sentence (`?”
    He said no.`, `?” Officials said ...`), as does a verb with an object of its own (`?” Merkel
    said nothing.`; not a time: `?” Trump said this week.`)."""
    return _speaker_verb(paragraph, start) is not None


def _speaker_verb(paragraph: str, start: int) -> tuple[str, list[str]] | None:
    """The speech verb, as written, of a speaker's name and verb that begin at `start` as
    `names_a_speaker` reads them, and up to two dozen words after it, enough for where and when
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


def speaker_ends_sentence(paragraph: str, start: int) -> bool:
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
        if at == reach or opens_reported_clause or word[:1] in SENTENCE_OPENING_MARKS:
            return False
        before_closing_marks = word.rstrip("”\"’')]")
        if before_closing_marks and word_ends_a_sentence(before_closing_marks):
            return True  # a closing mark alone (`Friday ” that ...`) ends no sentence
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
