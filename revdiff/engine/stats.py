"""Per comparison statistics: counts per label, words and characters changed, boring, rewrite."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from revdiff.engine.flags import same_but_encoding, same_content_in_any_case
from revdiff.engine.word_count import count_words
from revdiff.model import ComparisonStats, Edit, EditOp, Flag, Sentence

# A comparison is a rewrite when more than this share of each side's text was replaced, and it
# is not boring.
REWRITE_SHARE = 0.5
_TRIVIAL = frozenset({Flag.WHITESPACE_ONLY, Flag.PUNCTUATION_ONLY})


def is_boring_edit(edit: Edit) -> bool:
    """Nothing but whitespace, punctuation or encoding changed in this edit (`is_boring_change`;
    a moved sentence is no boring edit). A comparison is boring when all its edits are, and its
    title is; the TUI's `x` hides these."""
    if edit.op is EditOp.UNCHANGED:
        return True
    if edit.op is EditOp.MOVED:
        return False
    return is_boring_change(edit.old_text, edit.new_text, edit.flags)


def is_boring_change(old_text: str, new_text: str, flags: frozenset[Flag]) -> bool:
    """Nothing but whitespace, punctuation or encoding changed from `old_text` to `new_text`,
    whose `flags` are given (letter case counts as a change, but for a capital that begins a
    sentence the other text does not begin there, `X; nobody` to `X. Nobody`, and so do a
    number's value, `1.5` to `15`, `-5` to `5`, and quotation marks put around words or taken
    away: a quotation made a paraphrase)."""
    if Flag.NUMBER_CHANGED in flags:
        return False
    if same_but_encoding(old_text, new_text):  # quote marks written otherwise too
        return True
    if Flag.QUOTE_CHANGED in flags:
        return False
    if flags & _TRIVIAL:
        return True
    # An added or deleted piece without letters or digits (a stray dash, a bullet).
    return not any(char.isalnum() for char in old_text + new_text)


def word_changes(edit: Edit) -> tuple[int, int]:
    """(words removed, words added) by the edit's word diff (`count_words`); the whole texts of
    an edit without one. The comparison's totals are the sums of these over its edits."""
    if not edit.word_diff:
        if edit.op is EditOp.UNCHANGED:
            return 0, 0
        return count_words(edit.old_text), count_words(edit.new_text)
    removed = sum(count_words(text) for op, text in edit.word_diff if op < 0)
    added = sum(count_words(text) for op, text in edit.word_diff if op > 0)
    return removed, added


def _composed_length(text: str) -> int:
    """The text's characters in Unicode's composed form (NFC), the form the word diffs compare
    in: `é` written as `e` and a combining accent is one character, in a version's sentences
    and in the runs of a diff alike, so that the characters changed are a share of the same
    count whichever form the text is written in."""
    return len(unicodedata.normalize("NFC", text))


def _keeps_its_words(edit: Edit) -> bool:
    """Whether the edit replaces no text: it keeps its letters, digits and emoji, recasing them,
    changing the punctuation around them or both (`case_only`, `punctuation_only`; `iran fired` to
    `Iran Fired!`), though its word diff replaces each recased word."""
    return bool(edit.old_text and edit.new_text) and same_content_in_any_case(edit.old_text,
                                                                              edit.new_text)


def comparison_stats(edits: Sequence[Edit], old_sentences: Sequence[Sentence],
                     new_sentences: Sequence[Sentence], titles: tuple[str, str],
                     title_flags: frozenset[Flag]) -> ComparisonStats:
    """The counts and shares of a comparison; `titles` (old, new) and their `title_flags` count
    for `boring` only: a pair that rewrites its headline is no boring pair. A boring pair is no
    `rewrite`, and an edit that keeps its words (`_keeps_its_words`) counts towards none."""
    counts = {op.value: 0 for op in EditOp}
    words_added = words_removed = chars_added = chars_removed = 0
    replaced_added = replaced_removed = 0  # the characters of edits that replace text
    for edit in edits:
        counts[edit.op.value] += 1
        removed, added = word_changes(edit)
        words_removed += removed
        words_added += added
        edit_added = sum(_composed_length(text) for op, text in edit.word_diff if op > 0)
        edit_removed = sum(_composed_length(text) for op, text in edit.word_diff if op < 0)
        chars_added += edit_added
        chars_removed += edit_removed
        if (edit_added or edit_removed) and not _keeps_its_words(edit):
            replaced_added += edit_added
            replaced_removed += edit_removed
    old_chars, new_chars = (sum(_composed_length(sentence.text) for sentence in sentences)
                            for sentences in (old_sentences, new_sentences))
    total = old_chars + new_chars
    changed_share = min(1.0, (chars_added + chars_removed) / total) if total else 0.0
    boring = (all(is_boring_edit(edit) for edit in edits)
              and (titles[0] == titles[1] or is_boring_change(*titles, title_flags)))
    # A rewrite is a story replaced: a boring pair (`...` to `—`) replaced no story, however
    # much of its few characters changed, nor did an edit that keeps its words (an alert in
    # capitals recased), whose characters `chars_added` and `changed_share` count all the same.
    rewrite = (not boring and old_chars > 0 and new_chars > 0
               and replaced_removed > REWRITE_SHARE * old_chars
               and replaced_added > REWRITE_SHARE * new_chars)
    return ComparisonStats(
        counts=counts,
        words_added=words_added,
        words_removed=words_removed,
        chars_added=chars_added,
        chars_removed=chars_removed,
        changed_share=changed_share,
        boring=boring,
        rewrite=rewrite,
    )
