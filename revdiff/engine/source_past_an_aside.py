"""The subject of a verb after an aside between commas or dashes (`Hefner, whose mansions had
come under scrutiny, said`, `Smith, 45, said`), and of one after words in quotation marks or
brackets (`"Smith" said hi.`, `(@user) said hi.`, `Rapper "Lil X" said`)."""

from __future__ import annotations

import itertools
import re

from revdiff.engine.attribution_lexicon import (
    CLAUSE_WORDS,
    COUNT_WORDS,
    DETERMINERS,
    LONGEST_DASH_ASIDE,
    LONGEST_RELATIVE_ASIDE,
    MOST_SOURCE_WORDS,
    RELATIVE_WORDS,
    VERB_LIKE,
    VERB_WORDS,
)
from revdiff.engine.attribution_tokens import (
    APOSTROPHE,
    QUOTES,
    aside_mark,
    bare_word,
    ends_clause,
    holds_quotation_marks,
    may_be_a_verb,
    names_someone,
    source_words,
)
from revdiff.engine.headlines import WORD_PUNCTUATION
from revdiff.engine.source_before_verb import past_whom_it_was_told, source_begins_after
from revdiff.engine.word_sets import word_set

# Quotation marks that open and close a quotation in English, the opening mark first.
_QUOTATION_PAIRS = (("“", "”"), ("‘", "’"), ("«", "»"), ('"', '"'), ("'", "'"))


def _holds_whole_quotations(tokens: list[str]) -> bool:
    """Whether every quotation the tokens hold opens and closes in them (`chanting "Death to
    America",`; not `“We will win,`), apostrophes aside: the first mark opens one and each kind's
    marks pair up."""
    marks = [char for char in APOSTROPHE.sub("", " ".join(tokens)) if char in QUOTES]
    return not marks or marks[0] in {opening for opening, _ in _QUOTATION_PAIRS} and all(
        marks.count(opening) % 2 == 0 if opening == closing else marks.count(opening) == marks.count(closing)
        for opening, closing in _QUOTATION_PAIRS)


# A quotation, apostrophes taken out: the words in it are the speaker's, not those of the clause
# around it.
_QUOTATION = re.compile(r"“[^”]*”|‘[^’]*’|«[^»]*»|\"[^\"]*\"|'[^']*'")


def _words_outside_quotations(tokens: list[str]) -> list[str]:
    """The words of the tokens outside the quotations they hold (`chanting "Death to America is
    near",` holds `chanting` outside them), apostrophes aside."""
    return _QUOTATION.sub(" ", APOSTROPHE.sub("", " ".join(tokens))).split()


def _words_of_an_aside(tokens: list[str]) -> int:
    """How many words an aside holds, each quotation in it one, a thing it names as a name is
    (`addressing a gathering of Iranians chanting "Death to America",` holds 7): the words of what
    was said make it no longer a clause, nor a noun's aside."""
    text = APOSTROPHE.sub("", " ".join(tokens))
    return len(_QUOTATION.sub(" ", text).split()) + len(_QUOTATION.findall(text))


def _is_lower_case_verb(token: str) -> bool:
    """Whether a token may be a verb written in lower case: a capitalised one inside a subject is
    a name (`Ahmed Said, 45, said`, `The Said family, in a statement, said`)."""
    word = token.strip(WORD_PUNCTUATION)
    return word[:1].islower() and bare_word(word) in VERB_LIKE


# The first words of a long aside of a subject (`_begins_a_long_aside_of_a_subject`)
_DETERMINERS_OR_RELATIVE_WORDS = DETERMINERS | RELATIVE_WORDS


def _begins_a_long_aside_of_a_subject(token: str) -> bool:
    """Whether the first word of an aside between commas longer than a source's words may begin
    one that describes the subject before it: a determiner or a relative word (`, a spokesman for
    …,`, `, who like others spoke …,`), or a participle, a word in lower case in -ing or -ed
    (`Khamenei, addressing a large gathering of angry Iranians in the holy city of Qom, said`,
    `Esper, asked about the strike by reporters at the Pentagon on Thursday, said`)."""
    word = bare_word(token)
    return word in _DETERMINERS_OR_RELATIVE_WORDS or token.islower() and word.endswith(("ing", "ed"))


# Words after which a word in -ed, or a past tense without it, describes the noun after it, an
# adjective (`the embattled minister`, `two unnamed officials`, `the newly appointed envoy`).
_BEFORE_AN_ADJECTIVE = DETERMINERS | COUNT_WORDS


def _holds_a_verb_after_its_subject(words: list[str]) -> bool:
    """Whether the words read as a subject hold a word in lower case that may be a verb after
    another that is no determiner, count, possessive or adverb in -ly, which an adjective follows
    (`_BEFORE_AN_ADJECTIVE`, `Iran's`, `newly`): a clause, its verb after its subject (`Troops
    stayed in Iraq`, `Iran fired missiles`), or a subject a participle describes (`Officials
    briefed on the matter`)."""
    return any(may_be_a_verb(word) and word.islower()
               and bare_word(before) not in _BEFORE_AN_ADJECTIVE
               and not before.endswith(("'s", "’s", "s'", "s’")) and not bare_word(before).endswith("ly")
               for before, word in itertools.pairwise(words))


# Words in lower case that may stand before a determiner inside a subject, a noun's words (`the
# head of the agency`, `officials close to the president`, `all the officials`): prepositions,
# conjunctions and the words that go before a determiner; another word there is a verb before its
# object (`Rockets hit the base`).
_BEFORE_A_DETERMINER_IN_A_SUBJECT = word_set(
    "of to for with from by in on at into onto over under about above below after before behind "
    "between among amid against near like than through during since toward towards across along "
    "around beyond inside outside within without upon via per despite except past and or nor but "
    "as including regarding following concerning all both half such quite rather what many"
)
# Determiners that begin an object after its verb; not `that`, which also begins a clause.
_OBJECT_DETERMINERS = DETERMINERS - {"that"}


def _holds_a_verb_before_its_object(words: list[str]) -> bool:
    """Whether the words read as a subject hold, after a word of it, a word in lower case before a
    determiner that is no preposition, conjunction or word that may go before one
    (`_BEFORE_A_DETERMINER_IN_A_SUBJECT`): a verb before its object, a clause (`Rockets hit the
    base`, `Gunmen shot a guard`), though the verb, a past tense without -ed, is not told by its
    form (`may_be_a_verb`); not `The head of the agency`, `Officials close to the president`."""
    return any(word.islower() and not ends_clause(word) and not ends_clause(before)
               and bare_word(word) not in _BEFORE_A_DETERMINER_IN_A_SUBJECT
               and bare_word(following) in _OBJECT_DETERMINERS
               for before, word, following in zip(words, words[1:], words[2:], strict=False))


def subject_before_aside(tokens: list[str], verb: int, *, past_an_age: bool = True,
                         source_after_verb: bool = False) -> tuple[str, ...]:
    """The subject of a verb that follows an aside between commas or dashes (`Johnson, the prime
    minister, said the UK …`, `Smith, 45, said …`, `Hefner, whose mansions had come under
    scrutiny, said …`, `Officials — speaking anonymously — said …`): read back from the mark
    that opens the aside to the nearest punctuation or clause word. An aside between commas of
    more than a source's words, a quotation in it one (`_words_of_an_aside`: `Khamenei,
    addressing a gathering of Iranians chanting "Death to America", said` is read past as a
    shorter aside is), is read past when it begins with a determiner or a relative word
    (`Col. Myles Caggins, a spokesman for the U.S.-led coalition against the Islamic State, said`)
    or a participle (`_begins_a_long_aside_of_a_subject`) and the subject's start is found, and
    one of more than `LONGEST_DASH_ASIDE` words only when it is a relative clause; the aside may
    hold whole quotations (`Khamenei, addressing crowds chanting "A" and "B", said`). Empty when
    there is no such aside: the verb follows a quotation (`,” said Milley`, `"We will, if we must,
    fight on", said Esper`), or what stands before it reads as a clause (`Troops will stay, for
    now, said Esper`), and the source is read after the verb; so is it where `source_after_verb`
    says a source follows the verb and the subject holds a word that may be a verb after its
    subject's words (`_holds_a_verb_after_its_subject`: `Troops stayed in Iraq, despite calls to
    go, said Esper.`) or before its object (`_holds_a_verb_before_its_object`: `Rockets hit the
    base, causing no casualties, said a spokesman.`), where without one it is a subject a
    participle describes (`Officials briefed on the matter, speaking anonymously, said the base
    was hit`). A subject that is a number alone is an age in an aside before it, and
    `past_an_age` reads the subject before that aside (`Smith, 45, who had been warned, said`)."""
    if verb < 2:
        return ()
    closing = aside_mark(tokens[verb - 1])
    if closing is None:
        return ()
    opening = next((at for at in range(verb - 1, max(0, verb - 1 - LONGEST_RELATIVE_ASIDE), -1)
                    if at > 0 and tokens[at - 1].endswith(closing)), None)
    if opening is None or bare_word(tokens[opening]) in {"and", "but", "or", "nor", "so", "yet"}:
        return ()  # (`We lost, and badly, said Smith`: no aside but a clause going on)
    if verb - opening > LONGEST_DASH_ASIDE and bare_word(tokens[opening]) not in RELATIVE_WORDS:
        return ()  # longer than any aside but a relative clause
    long_aside = closing == "," and _words_of_an_aside(tokens[opening:verb]) > MOST_SOURCE_WORDS
    if long_aside and not _begins_a_long_aside_of_a_subject(tokens[opening]):
        return ()  # a long aside between commas is a noun's (`, a spokesman for …,`) or a clause
    start = opening - 1  # the subject's last word, `Johnson,`
    while (start > 0 and opening - start < MOST_SOURCE_WORDS and not source_begins_after(tokens, start - 1)
           and bare_word(tokens[start - 1]) not in CLAUSE_WORDS):
        start -= 1
    begins_its_clause = (start == 0 or source_begins_after(tokens, start - 1)
                         or bare_word(tokens[start - 1]) in CLAUSE_WORDS)
    if long_aside and not begins_its_clause:
        return ()  # a subject whose start was not found, before an aside that may be a clause
    start = past_whom_it_was_told(tokens, start, opening)
    subject = tokens[start:opening]
    words = tokens[start:verb]
    if bare_word(tokens[opening]) in RELATIVE_WORDS:  # a verb of its relative clause is no clause's
        words = subject
    if (any(bare_word(word) in VERB_WORDS for word in _words_outside_quotations(words))
            or any(_is_lower_case_verb(word) for word in subject)  # (`He said, no, said Smith`)
            or any(map(holds_quotation_marks, subject))
            or not _holds_whole_quotations(tokens[opening:verb])
            or source_after_verb and (_holds_a_verb_after_its_subject(subject)
                                      or _holds_a_verb_before_its_object(subject))):
        return ()
    if past_an_age and len(subject) == 1 and bare_word(subject[0]).isdigit():
        return subject_before_aside(tokens, opening, past_an_age=False, source_after_verb=source_after_verb)
    return source_words(subject)


# The marks that may stand around a word of a subject (`"Smith" said`, `(@user) said`), each with
# its closing mark.
_MARKS_AROUND_A_WORD = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "(": ")", "[": "]"}
# Capitalised words a name in marks before a verb may have (`Rapper "Lil X" said`): more, or a word
# in lower case, are a quotation, what was said.
_LONGEST_NAME_IN_MARKS = 4


def _are_words_in_marks(words: list[str]) -> bool:
    """Whether the words are one word in quotation marks or brackets (`"Smith"`, `(@user)`), or a
    name of capitalised words in them (`"Lil X"`, `“Big Bad Wolf”`), no whole quotation, which
    ends in a stop before its closing mark (`"Wow!"`)."""
    text = " ".join(words)
    inner = text[1:-1]
    return (len(text) > 2 and text[-1] == _MARKS_AROUND_A_WORD.get(text[0]) and inner[-1] not in ",;:.!?…"
            and not holds_quotation_marks(inner) and not any(mark in inner for mark in "()[]")
            and (len(words) == 1 or all(word[:1].isupper() for word in inner.split())))


def start_of_words_in_marks(tokens: list[str], verb: int) -> int | None:
    """Where the words in quotation marks or brackets right before the verb begin
    (`_are_words_in_marks`: `"Smith" said`, `Rapper "Lil X" said`); None when there are none."""
    for start in range(verb - 1, max(-1, verb - 1 - _LONGEST_NAME_IN_MARKS), -1):
        if start < verb - 1 and ends_clause(tokens[start]):
            return None
        if tokens[start][:1] in _MARKS_AROUND_A_WORD:
            return start if _are_words_in_marks(tokens[start:verb]) else None
    return None


def subject_after_marks(tokens: list[str], verb: int) -> tuple[str, ...]:
    """The subject of a verb right after words in quotation marks or brackets
    (`start_of_words_in_marks`: `"Smith" said hi.`, `(@user) said hi.`, `The "Times" said`,
    `Rapper "Lil X" said hi.`): read back from them to the nearest punctuation or clause word.
    Empty when there are no such words, or the words read hold a verb, and the words are what was
    said (`He called it "terrorism" said Smith`)."""
    start = start_of_words_in_marks(tokens, verb)
    if start is None:
        return ()
    while (start > 0 and verb - start < MOST_SOURCE_WORDS and not source_begins_after(tokens, start - 1)
           and bare_word(tokens[start - 1]) not in CLAUSE_WORDS):
        start -= 1
    words = tokens[start:verb]
    if any(may_be_a_verb(word) for word in words):
        return ()
    source = source_words(words)
    return source if names_someone(source) else ()
