"""The abbreviations revdiff knows, the one list for the sentence splitter and the column
splitter, those the sentence splitter reads in one case or place only, and whether a word's full
stop ends a sentence."""

from __future__ import annotations

import re

from revdiff.engine.calendar_words import MONTH_ABBREVIATIONS
from revdiff.engine.sentence_edges import SENTENCE_OPENING_MARKS
from revdiff.engine.word_sets import word_set

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
# Abbreviations that do not end a sentence when a number follows (`Dec. 27`, `No. 5`): the English
# months' and French and Spanish months' (`janv. 1990`, `dic. 2020`; not Spanish `ago.`, which is
# English `ago`), and others.
BEFORE_NUMBER = MONTH_ABBREVIATIONS | word_set(
    "janv févr avr juil déc ene abr dic abb no nos vol vols p pp art fig ch sec ref nr abs"
)
# German writes a street's name as one word with its `Straße`, abbreviated before the house's
# number (`Bahnhofstr. 5`, `Karl-Marx-Str. 12`), so the abbreviation ends a word.
GERMAN_STREET_ENDING = "str"
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
# The abbreviations of US states that news agencies write after a city (`PORTLAND, Ore. (AP) —`),
# those that are not initials (`N.Y.`, read as a dotted abbreviation), in their capitals only, as
# some are words (`Ore`, `Wash`). They are left out of ABBREVIATIONS: they end a sentence as a
# place does (`He lives in Portland, Ore. The city is wet.`) except in a dateline, the city in
# capitals and a comma before them at the paragraph's start.
STATE_ABBREVIATIONS = word_set(
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont "
    "Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo"
)
# Abbreviations that introduce something and never end a sentence.
NEVER_FINAL = word_set("e.g i.e cf vs v viz approx est bzw ca env vgl")
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
INITIALS = re.compile(r"(?:[^\W\d_]\.)+")


def is_abbreviation(word: str) -> bool:
    """Is `word` initials (`T.`, `U.S.`) or one of ABBREVIATIONS, in any case, with or without its
    full stop, after any opening quotes or brackets?"""
    bare = word.lstrip(SENTENCE_OPENING_MARKS)
    return INITIALS.fullmatch(bare) is not None or bare.lower().removesuffix(".") in ABBREVIATIONS


def word_ends_a_sentence(word: str) -> bool:
    """Whether `word` ends a sentence, so that what follows it may open one: the word before a
    number (`facts.` in `facts. 2. Then`, not `Sept.` in `Sept. 30.`), before an initial (`plan.`
    in `plan. B. Smith`, not `Gen.` in `Gen. T. Smith`) or after a speech verb (`Friday.`). An
    empty `word` is the paragraph's start, which counts as a sentence's end: a caller that has
    stripped a word down to nothing must not pass it."""
    return word == "" or word.endswith((".", "!", "?")) and not is_abbreviation(word)
