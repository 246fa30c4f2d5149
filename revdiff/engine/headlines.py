"""A wire headline's source, named after its last colon without a reporting verb.

Wire headlines attribute so: `Rockets hit base housing US troops in Iraq: Iranian TV`, `…:
report`, `…: US officials`. `attribution_changed` reads the source
(`source_after_verb.headline_source`), and the column splitter keeps it whole when it cuts a title row
(`splitter.titles`); this module is kept apart so that reading a page loads no comparison engine.
"""

from __future__ import annotations

from revdiff.engine.word_sets import word_set

MEDIA_NOUNS = word_set("media agency television tv radio newspaper broadcaster")
# Nouns that end the source a headline names after a colon (`…: Iranian TV`, `…: report`).
_SOURCE_NOUNS = MEDIA_NOUNS | word_set(
    "report reports source sources official officials police ministry spokesman spokeswoman "
    "spokesperson witnesses"
)
LONGEST_HEADLINE_SOURCE = 4  # words after the colon
WORD_PUNCTUATION = "\"'“”‘’«»()[]{}.,;:!?…—–-"  # what is stripped from around a word


def headline_source_words(text: str) -> list[str]:
    """The words after a headline's last colon when they name its source: up to four words that
    end the text without a stop, the last of them a noun of news media or of a source. A
    sentence, which ends in a stop, names none so (`The list was short: state media.`), nor does
    a headline whose words after the colon are no source (`Soleimani killed: what we know`)."""
    head, colon, tail = text.rstrip().rpartition(": ")
    words = tail.split()
    if (not colon or not head.strip() or not 0 < len(words) <= LONGEST_HEADLINE_SOURCE
            or not words[-1][-1:].isalnum()
            or words[-1].strip(WORD_PUNCTUATION).casefold() not in _SOURCE_NOUNS):
        return []
    return words
