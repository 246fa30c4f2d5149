"""The words attributions are read with (engine/attributions.py): reporting verbs and where each
reports, the words of a verb, a clause or a source around them, source nouns and the words that say
whose a source is, and how many words a source, an aside or a read back may run to."""

from __future__ import annotations

import re

from revdiff.engine.calendar_words import WEEKDAYS
from revdiff.engine.headlines import MEDIA_NOUNS
from revdiff.engine.word_sets import word_set

# Verbs that report speech wherever they stand (`said`, `told`).
SPEECH = word_set("say says said saying told tweeted")
# Verbs that report speech at the end of a clause (`, he added.`, `the Post reported.`), or after
# a quotation, but not before their object (`added 3,000 troops`, `reported cases`). Forms that
# are also nouns (`this report.`, `the United States.`, `a claim`) are left out.
CLAUSE_END_VERBS = word_set(
    "adds added writes wrote reported confirms confirmed announces announced noted stated claimed "
    "insists insisted warns warned explains explained admits admitted acknowledges acknowledged "
    "denies denied alleges alleged argues argued declares declared"
)
# Verbs that report speech only after a quotation (`“…,” Trump posted.`; not `The company posted
# a loss.`, `the video he posted.`, `a “statement” posted online`).
AFTER_QUOTATION_VERBS = word_set("posted")
# Verbs that report speech only in lower case after a name that begins its clause, or words of
# news media that do (`state media`), and at the end of the clause, before a quotation or a clause
# it reports, with `that` or without, or before `citing` (`…, CNN reports.`, `“…,” the Post reports
# Friday.`, `The Times reports that …`, `CNN reports the base was hit`, `…, Fox News reports citing
# officials`, `…, state media reports.`); a noun too (`Iran denied the reports.`, `according to
# local reports.`, `Iran Denies Reports`, `the reports citing officials were false`, `CNN reports
# of casualties`, `Local reports that the base was hit were false`).
AFTER_NAME_VERBS = word_set("reports")
# Words in lower case that may stand in a name of news media after its capitalised first word
# (`Iranian state media`, `Syria's official news agency`), or make one alone when it ends in one
# of the nouns (`state media`, `the local news agency`; not `official reports`).
MEDIA_WORDS = MEDIA_NOUNS | word_set("state state-run state-owned official local news")

# Nouns of a medium or an occasion of speech, which no relative clause goes with after a reporting
# verb (`confirmed in a statement that the strike took place`), and which is no part of the source
# after which it opens a clause (`In a statement officials said`).
MEDIA_OF_SPEECH = MEDIA_NOUNS | word_set(
    "statement statements interview interviews tweet tweets post posts posting letter letters email "
    "emails e-mail release briefing speech speeches video message messages report conference call "
    "broadcast column blog memo filing filings court testimony hearing remarks address website "
    "book podcast"
)

# Words of time after such a verb that still leave its clause ended (`reported Friday.`,
# `acknowledged overnight.`).
AFTER_CLAUSE_END = WEEKDAYS | word_set("late early earlier later today tonight overnight yesterday")
# Words that are part of the verb or the clause around it, not of the source (`has said`, `who
# told`, `also added`, `should say`; not `may`, a name too: `Theresa May said`).
NOT_SOURCE = word_set(
    "a an the and but or also has have had was were is are been be being will would could "
    "should might must can shall did does do then later earlier previously reportedly who which "
    "that in on at of for to by with this"
)
# Words that begin another clause: a source read before its verb starts after them (`… were
# being assessed and Trump said`, `showed footage of what it said were missiles`), one read after
# it ends before them.
CLAUSE_WORDS = word_set(
    "and but or nor so yet while as because after before when whenever that which who whom "
    "whose where although though since if whereas what how why"
)
# Words that also end a source read after its verb (`said the Pentagon in a statement`), or
# after `according to` (`according to interviews they were …`).
AFTER_SOURCE = CLAUSE_WORDS | word_set(
    "in on at during about he she it they we i you is are was were has have had will would"
)
# A verb after a form of `be` is passive (`was told to leave`, `can be told apart`, `was added`,
# `it is said`): it names no source. Adverbs may stand between them.
BE = word_set("be is are was were been being am")
# A verb after one of these and `have` is a counterfactual or a guess (`should have said`).
MODALS = word_set("should would could might must may")
# Adverbs of a verb, and words that go with its subject but may stand before it (`they all
# said`, `were all told`).
ADVERBS = word_set(
    "also usually often widely commonly generally still not never reportedly first later then "
    "previously originally now already long all both each"
)
# Adverbs of a sentence, which may open its clause before the subject without a comma (`Obviously
# critics say this.`, `However officials said so.`): no word of the source after them.
SENTENCE_ADVERBS = word_set(
    "however meanwhile moreover furthermore instead still separately now thus therefore "
    "nevertheless nonetheless overall again indeed besides obviously clearly apparently evidently "
    "certainly surely naturally frankly fortunately unfortunately hopefully importantly notably "
    "crucially interestingly ironically predictably unsurprisingly understandably similarly "
    "likewise additionally finally ultimately consequently accordingly"
)
# Words that focus the source or the verb beside them (`Only officials said`, `Officials just
# said`): no word of the source's name.
FOCUS_WORDS = word_set("only just even")
# Words that bid or focus a verb of an imperative before it (`Please say hello.`, `Just say no.`,
# `Don't say that.`): no source, where a subject would stand.
BIDDING_WORDS = word_set("please just simply only never always now then do don't not")
# Words that qualify or focus the source they open (`Nearly 40 officials said`, `At least 40
# officials said`, `Only officials said`): no words of its name. The longest first, so that `no
# more than` is not read as `no` and `more than`.
SOURCE_QUALIFIERS = tuple(sorted(
    (tuple(words.split()) for words in (
        "nearly", "almost", "about", "around", "roughly", "approximately", "over", "at least",
        "at most", "more than", "fewer than", "less than", "no more than", "no fewer than",
        "no less than", "up to", "as many as", *FOCUS_WORDS)),
    key=len, reverse=True))
# Participles after a comma (`, saying that …`) have the clause's subject as their source, which
# they do not repeat: they are no attribution of their own, and a split that repeats the subject
# as a pronoun or by name (`X. He said …`, `Iran fired X. Iran said …`) names no other source
# (`attributions.participle_subjects`).
PARTICIPLES = word_set("saying")
# After `according to` or `citing`, the source runs to the next punctuation.
INTRODUCERS = {("according", "to"): 2, ("citing",): 1}
# Nouns of a reason or a motive, which `citing` gives for an act, not as the source of what is
# reported (`canceled a trip, citing the need to stay`, `resigned, citing health reasons`, `citing
# concerns about the war`): a source cited is a person or a body, or what they said (`citing US
# officials`, `citing a spokesman`, `citing reports by the Post`).
REASONS_CITED = word_set(
    "need needs desire desires wish wishes concern concerns worry worries fear fears reason "
    "reasons grounds lack threat threats risk risks danger dangers pressure pressures problem "
    "problems difficulty difficulties conflict conflicts commitment commitments obligation "
    "obligations situation circumstances health illness injury injuries exhaustion fatigue "
    "safety security privacy"
)
# `per` (or `as per`) gives a source, to the next punctuation, only where it begins its sentence or
# follows a comma or a dash (`, per officials.`, `Per the Pentagon, …`, `As per the Pentagon, …`),
# and not before a word with a digit or one of these words, which it divides by (`per cent`, `per
# capita`, `, per day,`) or which makes an idiom with it (`as per usual`).
NO_SOURCE_AFTER_PER = word_set("cent centum capita se annum diem day hour minute second week month "
                                "year person head share unit usual")
# The words an attribution is read at: a text's other words are passed over. Found anywhere in a
# text's lower case: a text without one (most sentences) names no source, and is not read word by
# word.
READ_AT = (SPEECH | CLAUSE_END_VERBS | AFTER_QUOTATION_VERBS | AFTER_NAME_VERBS
            | {opening[0] for opening in INTRODUCERS} | {"per"})
# `per` found as a word of its own: inside words (`percent`, `paper`, `expert`) it is common. No
# word character before it is asserted after it (`(?<!\wper)`, as `\bper` would), so that every
# alternative begins with a letter, and the search skips to those letters.
REPORTING_WORD = re.compile("|".join(sorted(READ_AT - {"per"})) + r"|per(?<!\wper)\b")
MOST_SOURCE_WORDS = 8
LONGEST_ASIDE = 4  # words between the commas of an aside the source is read past
# Dashes around an aside, which may be longer than one between commas: commas also part clauses
# and the items of a list, dashes in pairs asides only.
DASHES = ("—", "–")
ASIDE_MARKS = (",", *DASHES)
LONGEST_DASH_ASIDE = 16  # words between the dashes of an aside the source is read past
# Words that begin a relative clause after a comma (`Hefner, whose mansions had come under
# scrutiny, said`, `…, added Esper, who visited the base.`): the verbs in it are its own.
RELATIVE_WORDS = word_set("who whom whose which")
# Words of an aside that is a relative clause (`A U.S. official, who like others spoke on the
# condition of anonymity because …, said`), between commas or dashes, and of a relative clause
# after an inverted speaker up to its sentence's stop.
LONGEST_RELATIVE_ASIDE = 40
# Words read back for the start of a clause or a sentence: a longer run without one is read as
# though it had none, so that reading a text stays linear in its length.
LONGEST_READ_BACK = 40

# Words that join sources into one (`officials and police`, `police or hospital officials`,
# `Neither Iran nor Iraq`): part of its name between two of its words.
JOINING_WORDS = word_set("and or nor")
# Words before sources joined by `and`, `or` or `nor` that pair them (`Both the Pentagon and Iran
# said`, `Neither the Pentagon nor Iran said`): no part of their name.
PAIRING_WORDS = word_set("both either neither")

DETERMINERS = word_set("the a an his her their its our my your this that these those")

# Words of a verb: an aside that holds one is a clause (`Troops will stay, for now, said Esper`).
VERB_WORDS = word_set(
    "is are was were be been being am has have had will would can could may might shall should "
    "must do does did"
)
# Words that may be a verb (`may_be_a_verb`), a word in -ed aside.
VERB_LIKE = VERB_WORDS | SPEECH | CLAUSE_END_VERBS
# Past tenses that end in no -ed (`struck`, `took`, `sent`), a verb by their form in lower case as
# a word in -ed is (`may_be_a_verb`): those of English's irregular verbs that are no noun or
# adjective too; not `hit`, `shot`, `cut`, `set`, `put`, `left`, `lost`, `won`, `paid`, `spent`,
# `hung` or `woke` (`a direct hit`, `the left`, `the won fell`, `paid leave`, `spent fuel`).
PAST_TENSES_WITHOUT_ED = word_set(
    "arose ate became began blew bled bought brought built came caught chose dealt drew drove "
    "fell fled flew forgave forgot fought found froze gave grew heard held hid kept knew led lent "
    "made meant met overcame overthrew ran rang rode sang sank saw shook shone slept slid sold "
    "spoke sprang sped stole stood struck swam swept swore taught threw took tore understood "
    "undertook went wept withdrew wore"
)

# Nouns that name a source (`officials`, `the channel`), and the words in lower case that may say
# whose it is before it (`militia officials`, `state TV`): `Iraqi militia officials` is a source,
# `Protesters fought police` a clause.
SOURCE_NOUNS = word_set(
    "officials official sources spokesman spokeswoman spokesperson authorities diplomats "
    "commanders officers lawmakers leaders ministry agency media channel television tv police"
)
WHOSE_WORDS = SOURCE_NOUNS | word_set(
    "militia state security military government senior local health hospital defense defence "
    "foreign intelligence administration army party news country's country’s"
)

# Words that begin a clause after `that` as its subject (`admitted that he …`).
SUBJECT_PRONOUNS = word_set("i you he she it we they there")
# Words that count or quantify a subject they begin (`that two soldiers were hurt`, `that all was
# well`, `that no one was hurt`), as a number in digits does; none is a verb.
COUNT_WORDS = word_set(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred dozens hundreds thousands millions all both each every no none several many some "
    "few most"
)
