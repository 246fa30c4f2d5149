"""The source after a reporting verb (`,” said Gen. Mark Milley, the chairman`, a headline's
`‘Devastating’ says minister`), whether a verb inverted after a comma names its speaker up to its
sentence's stop (`No one was hurt, added Esper.`), the source after `according to`, `citing` and
`per`, and a headline's source after its last colon (`…: Iranian TV`)."""

from __future__ import annotations

from revdiff.engine.attribution_lexicon import (
    AFTER_CLAUSE_END,
    AFTER_SOURCE,
    CLAUSE_WORDS,
    DASHES,
    DETERMINERS,
    LONGEST_READ_BACK,
    LONGEST_RELATIVE_ASIDE,
    MOST_SOURCE_WORDS,
    NO_SOURCE_AFTER_PER,
    REASONS_CITED,
    RELATIVE_WORDS,
    SOURCE_NOUNS,
    VERB_WORDS,
    WHOSE_WORDS,
)
from revdiff.engine.attribution_tokens import (
    OPENS_CLAUSE,
    bare_word,
    ends_a_sentence,
    ends_clause,
    last_word_of_phrase,
    may_be_a_verb,
    source_words,
)
from revdiff.engine.calendar_words import MONTHS
from revdiff.engine.headlines import headline_source_words
from revdiff.engine.source_past_an_aside import start_of_words_in_marks
from revdiff.engine.source_qualifiers import past_qualifiers
from revdiff.engine.word_sets import word_set

# Nouns of a source that a headline names after its verb, inverted, as it quotes what was said
# before it (`‘Devastating’ says minister`, `'Shocking' say MPs`, `… says UN chief`).
_INVERTED_SOURCE_NOUNS = SOURCE_NOUNS | word_set(
    "minister ministers mp mps pm chief chiefs boss bosses councillors experts doctors scientists "
    "unions union judge report study survey poll"
)
_NOT_IN_A_NAME = AFTER_CLAUSE_END | MONTHS
# Prepositions that begin a place or an occasion after a headline's inverted source, which ends
# before them (`‘Devastating’ says minister in interview`, `'Shocking' say MPs after vote`); a
# source read after a verb ends before each too (`AFTER_SOURCE`).
_PLACE_OR_OCCASION = word_set("in on at during after before")


def source_after_quoted_words(tokens: list[str], verb: int) -> tuple[str, ...]:
    """The source after a verb that follows words in quotation marks, not brackets, which open
    their clause (`start_of_words_in_marks`), a headline's inverted attribution of what was said: the words
    after the verb, when they read as a source, a source's noun after words that say whose it is
    or capitalised words that are no day or month (`‘Devastating’ says minister`, `'Shocking' say
    MPs`, `‘Devastating’ says Boris Johnson`), up to the clause's end or a preposition that begins
    a place or an occasion (`_PLACE_OR_OCCASION`: `‘Devastating’ says minister in interview`).
    Words in marks in lower case are what was said, no name, and the source is then any that the
    words after the verb give when they begin with a determiner (`Hello, "world" said the man.`
    names `man`, not `world`; `"wow" said his wife.` `his wife`). Empty otherwise, the quoted
    words the subject (`"Smith" said hi.`, `"Smith" said Tuesday.`, `"Smith" said Jones was
    right.`)."""
    start = start_of_words_in_marks(tokens, verb)
    if start is None or tokens[start][0] in "([" or start > 0 and not ends_clause(tokens[start - 1]):
        return ()
    source = speaker_after(tokens, verb)
    if not source:
        return ()
    words = tokens[verb + 1:]
    if tokens[start][1:2].islower() and bare_word(words[0]) in DETERMINERS:
        return source  # the words in marks are what was said: `Hello, "world" said the man.`
    named = [word for word in words[:_inverted_source_end(words)] if bare_word(word) not in DETERMINERS]
    if len(named) != len(source):
        return ()  # the source read ends before its clause does (`said Jones was right`)
    return source if _read_as_a_speaker(named) else ()


def _read_as_a_speaker(named: list[str]) -> bool:
    """Whether the words after an inverted verb, its determiners left out, read as its speaker: a
    source's noun after words that say whose it is or capitalised ones (`minister`, `MPs`, `state
    TV`, `U.S. officials`), or capitalised words that are no day or month (`Boris Johnson`); not
    `Tuesday`, `salt` nor `to the pressure`."""
    if not named:
        return False
    if bare_word(named[-1]) in _INVERTED_SOURCE_NOUNS and all(
            word[:1].isupper() or bare_word(word) in WHOSE_WORDS for word in named[:-1]):
        return True
    return all(word[:1].isupper() and bare_word(word) not in _NOT_IN_A_NAME for word in named)


def _inverted_source_end(words: list[str]) -> int:
    """Where the words after a headline's inverted verb that may be its source end: after the
    first that ends a clause, or before a preposition after the first word that begins a place
    or an occasion (`_PLACE_OR_OCCASION`) and runs to that end without a verb (in lower case:
    not `"Smith" said Jones at the time was right.`)."""
    clause_end = next((at + 1 for at, word in enumerate(words) if ends_clause(word)), len(words))
    place = next((at for at in range(1, clause_end) if bare_word(words[at]) in _PLACE_OR_OCCASION), None)
    if place is None:
        return clause_end
    after = words[place:clause_end]
    runs_into_a_verb = any(word.islower() and bare_word(word) in VERB_WORDS for word in after)
    return clause_end if runs_into_a_verb else place


def source_after(tokens: list[str], verb: int) -> tuple[str, ...]:
    """The source words after the verb (`said Gen. Mark Milley, the chairman`), past the words
    that qualify or focus it (`said nearly 40 officials` names `40 officials`: `past_qualifiers`),
    up to the nearest punctuation or a word that begins another clause or a place or time; none after
    `of`, which says whom or what it was said of (`“Hoozer”—said of anything large`)."""
    if verb + 1 < len(tokens) and bare_word(tokens[verb + 1]) == "of":
        return ()
    start = past_qualifiers(tokens, verb + 1, min(len(tokens), verb + 1 + MOST_SOURCE_WORDS))
    end = start
    while end < len(tokens) and end - verb <= MOST_SOURCE_WORDS:
        token = tokens[end]
        if bare_word(token) in AFTER_SOURCE or (end > verb + 1 and OPENS_CLAUSE.search(token)):
            break
        end += 1
        if ends_clause(token):
            break
    return source_words(tokens[start:end])


def speaker_after(tokens: list[str], verb: int) -> tuple[str, ...]:
    """The source after a reporting verb that follows a break (`,” said Gen. Mark Milley`); none
    when the words after it run into a verb (in lower case: not `said Theresa May`) before any
    punctuation or word that ends a source, the subject of the clause it reports (`Khamenei,
    addressing a crowd chanting "Death to America", said the attacks were a slap`); none either
    when the words after it are only a time (`No one was hurt, confirmed Tuesday.`)."""
    end = verb + 1
    while end < len(tokens) and end - verb <= MOST_SOURCE_WORDS and not ends_clause(tokens[end - 1]):
        token = tokens[end]
        if token.islower() and bare_word(token) in VERB_WORDS:
            return ()
        if bare_word(token) in AFTER_SOURCE:
            break
        end += 1
    source = source_after(tokens, verb)
    return () if all(word in _NOT_IN_A_NAME for word in source) else source


# Prepositions that begin a place, an occasion or whose a speaker is, after the speaker of a verb
# inverted after a comma (`, added a spokesman for the ministry.`, `, added Esper in a statement.`);
# not `of` or `to`, after which a verb's object goes on (`warned Iran of a response`, `added to
# the pressure`).
_AFTER_AN_INVERTED_SPEAKER = _PLACE_OR_OCCASION | word_set("for from")
# The most words after such a verb up to its sentence's stop: its speaker and a place or a noun's
# aside after it (`, added Col. Myles Caggins, a spokesman for the coalition.`).
_LONGEST_INVERTED_SPEAKER = 2 * MOST_SOURCE_WORDS


def names_its_speaker_to_the_end(tokens: list[str], verb: int) -> bool:
    """Whether the verb follows a comma and the words after it to its sentence's stop are its
    speaker, inverted after it as after `said` (`No one was hurt, added Esper.`): up to the first
    that ends a clause or a preposition of `_AFTER_AN_INVERTED_SPEAKER`, they read as a speaker
    (`_read_as_a_speaker`), and the words after them, a place, an occasion or a noun's aside,
    hold no word that may be a verb or begin a clause and no punctuation but commas (`…, wrote a
    spokesman for the ministry.`, `…, added Mark Esper, the defence secretary.`), up to the stop
    or a relative clause after a comma, whose verbs are its own (`_relative_clause_start`: `…,
    added Esper, who visited the base.`). Not `Prices rose, added to the pressure.`, `…, warned
    Iran of a response.`, `…, added Apple, Google and Microsoft.`, `…, confirmed Tuesday.`, nor
    words without a stop, a headline's (`Iran fires missiles, warns Trump`), whose verbs are
    often listed without `and`."""
    if verb == 0 or not tokens[verb - 1].endswith(",") or ends_clause(tokens[verb]):
        return False
    relative = _relative_clause_start(tokens, verb)
    if relative is None:
        stop = _sentence_stop(tokens, verb + 1, _LONGEST_INVERTED_SPEAKER)
    else:
        stop = _sentence_stop(tokens, relative, LONGEST_RELATIVE_ASIDE)
    if stop is None:
        return False
    speaker_and_aside_end = stop + 1 if relative is None else relative
    end = verb + 1
    while end < speaker_and_aside_end and bare_word(tokens[end]) not in _AFTER_AN_INVERTED_SPEAKER:
        end += 1
        if ends_clause(tokens[end - 1]):
            break
    speaker = [word for word in tokens[verb + 1:end] if bare_word(word) not in DETERMINERS]
    after = tokens[end:speaker_and_aside_end]
    return _read_as_a_speaker(speaker) and not any(
        may_be_a_verb(word) or bare_word(word) in CLAUSE_WORDS or OPENS_CLAUSE.search(word)
        for word in after)


def _relative_clause_start(tokens: list[str], verb: int) -> int | None:
    """Where a relative clause begins after a comma (`, who`, `, which`: `RELATIVE_WORDS`) within
    the words a verb's inverted speaker and its aside may take after it, before any punctuation
    but a comma; none where there is no such clause."""
    last = min(len(tokens), verb + 1 + _LONGEST_INVERTED_SPEAKER)
    for at in range(verb + 2, last):
        before = tokens[at - 1]
        if before.endswith(","):
            if bare_word(tokens[at]) in RELATIVE_WORDS:
                return at
        elif ends_clause(before):
            return None
    return None


def _sentence_stop(tokens: list[str], start: int, most: int) -> int | None:
    """The token that ends the sentence with a stop within `most` words from `start`: the first
    that ends a clause with other than a comma, where it is a sentence's end or a full stop; none
    where that token is none of those (`;`, `:`) or no such token comes in time."""
    last = min(len(tokens), start + most)
    stop = next((at for at in range(start, last) if ends_clause(tokens[at])
                 and not tokens[at].endswith(",")), None)
    if stop is None and last == len(tokens) and tokens[-1].endswith("."):
        stop = len(tokens) - 1  # a dotted abbreviation's stop ends the text (`, added the U.S.`)
    if stop is None or not (ends_a_sentence(tokens[stop]) or tokens[stop].endswith(".")):
        return None
    return stop


def introduced_source(tokens: list[str], at: int, length: int, clause_end: int) -> tuple[str, ...]:
    """The source after `according to` (or `citing`) at `at`, up to the nearest punctuation or a
    word that begins another clause; but when no punctuation closes it before its sentence ends
    and no verb stands before it in its sentence, up to the verb of the clause it runs into
    (`Christianity, according to tradition arrived in India.`), and when it opens its sentence,
    up to that verb's subject too (`According to tradition Christianity arrived in India.`,
    `According to Gardner Wicca is …`). `clause_end` is as for `introducer_attributes`."""
    source = source_after(tokens, at + length - 1)
    sentence_start = at
    while sentence_start > 0 and not ends_a_sentence(tokens[sentence_start - 1]):
        sentence_start -= 1
        if at - sentence_start >= LONGEST_READ_BACK:
            return source  # read as though a verb stood before it
    closed = clause_end < len(tokens) and not ends_a_sentence(tokens[clause_end])
    if closed or any(map(may_be_a_verb, tokens[sentence_start:at])):
        return source
    first = at + length
    last = min(clause_end + 1, len(tokens), first + MOST_SOURCE_WORDS + 1)
    verb = next((verb for verb in range(first, last) if may_be_a_verb(tokens[verb])
                 or bare_word(tokens[verb]) in AFTER_SOURCE), None)
    if verb is None or not may_be_a_verb(tokens[verb]):
        return source  # the source is read up to another word (`according to officials in Iraq the …`)
    words = tokens[past_qualifiers(tokens, first, verb):verb]
    if sentence_start == at:  # the subject: its last word, and determiners and numbers before it
        subject = len(words) - 1
        while subject > 0 and (bare_word(words[subject - 1]) in DETERMINERS
                               or bare_word(words[subject - 1]).replace(",", "").isdigit()):
            subject -= 1
        words = words[:subject] or words
    return source_words(words)


def introducer_attributes(tokens: list[str], at: int, length: int, clause_end: int) -> bool:
    """Whether `according to` (or `citing`) at `at` gives a source: it begins its clause
    (`according to NBC News, …`, `…, citing two officials`, `but according to …`) or its source
    ends the sentence (`… deployed according to U.S. officials.`); `built according to similar
    plans, …` and `measured according to the amount of power, or …` give none, nor does a
    `citing` of a reason (`_cites_a_reason`: `…, citing the need to stay in Washington`).
    `clause_end` is the first token from `at + length` on that ends a clause."""
    if _cites_a_reason(tokens, at):
        return False
    if at == 0 or ends_clause(tokens[at - 1]) or bare_word(tokens[at - 1]) in {"and", "but"}:
        return True
    if clause_end >= len(tokens) - 1:
        return clause_end == len(tokens) or tokens[clause_end].rstrip("”\"’)").endswith((".", "!", "?"))
    return False


# Words that end the noun phrase `citing` gives, after its head (`the need to stay`, `concerns about
# the war`, `reports by the Post`).
_AFTER_WHAT_IS_CITED = AFTER_SOURCE | word_set("to of for with from by over amid")


def _cites_a_reason(tokens: list[str], at: int) -> bool:
    """Whether the `citing` at `at` gives a reason or a motive for an act, no source: the head of
    the noun phrase after it, its last word before a preposition, a clause word or the nearest
    punctuation, is one of `REASONS_CITED` (`citing the need to stay`, `citing a desire to spend
    time with family`, `citing concerns about the war`, `citing health reasons`); `citing US
    officials`, `citing a spokesman` and `citing reports by the Post` give their source."""
    if bare_word(tokens[at]) != "citing":
        return False
    head = last_word_of_phrase(tokens, at + 1, _AFTER_WHAT_IS_CITED)
    return head is not None and bare_word(head) in REASONS_CITED


def per_gives_a_source(tokens: list[str], at: int) -> bool:
    """Whether the `per` at `at` gives a source: it, or an `as` before it, begins its sentence or
    follows a comma or a dash (`…, per officials.`, `Per the Pentagon, …`, `As per the Pentagon,
    …`; not `…; per capital output`, `moved as per the plan`) and a word follows it that holds no
    digit and is none of `NO_SOURCE_AFTER_PER` (`, per cent`, `$5 per gallon`, `Income, per
    capita, rose`, `As per usual, …` and `rupees (rs) per us$1` give none)."""
    if at + 1 >= len(tokens) or ends_clause(tokens[at]):
        return False
    start = at - 1 if at > 0 and bare_word(tokens[at - 1]) == "as" and not ends_clause(tokens[at - 1]) else at
    begins_a_clause = (start == 0 or ends_a_sentence(tokens[start - 1])
                       or tokens[start - 1].rstrip("”\"’").endswith((",", *DASHES)))
    after = bare_word(tokens[at + 1])
    return begins_a_clause and after not in NO_SOURCE_AFTER_PER and not any(char.isdigit() for char in after)


def headline_source(text: str) -> tuple[str, ...]:
    """The source a headline names after its last colon (`headlines.headline_source_words`), as
    wire headlines attribute without a verb (`Rockets hit base housing US troops in Iraq: Iranian
    TV`); none for a sentence or words that name no source."""
    words = headline_source_words(text)
    return source_words(words) if words else ()
