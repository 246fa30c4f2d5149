"""A news article's credit line closes it: no reading puts a paragraph after one."""

from __future__ import annotations

import pytest
from rendered_pairs import read_rendered_pair

from revdiff.model import RowKind
from revdiff.splitter.closing import closes_article, may_hold_credit

MATCH = "Rockets hit the base housing U.S. troops early on Wednesday, officials said."


@pytest.mark.parametrize("cell", [
    "Carol Morello and Liz Sly contributed to this report.",
    "Dan Lamothe contributed to this report from Washington.",
    "Sly reported from Beirut. Ryan and Hudson contributed reporting.",
    "Additional reporting by Jane Doe in London",
    "Reporting by John Smith; Editing by Mary Jones",
])
def test_a_credit_line_closes_its_article(cell: str) -> None:
    assert closes_article(cell) and may_hold_credit(cell)


@pytest.mark.parametrize("cell", [
    "Carol Morello contributed to this report. She covers the State Department.",
    "Officials said the attack contributed to rising tensions.",
    "“They have the capability,” Milley said.",
])
def test_a_paragraph_that_goes_on_after_a_credit_or_credits_none_does_not_close(cell: str) -> None:
    assert not closes_article(cell)


def test_the_rows_after_a_credit_line_are_of_the_other_version() -> None:
    """Read by the learned weights alone, the quote row (`“…,” Milley said. “…”`) was a third
    change row whose new cell followed the new credit line, and the two rows after it were new:
    the credit closes the new version, so they are the old version's, as is the old credit."""
    old = [MATCH, "Last year, the prime minister issued an order aimed at the militias.",
           "Oil prices jumped on Asian markets when the reports surfaced.",
           ("“They have the capability,” Milley said. “It’s a question of political will, and "
            "that’s not for us to decide.”"),
           "The government has been in crisis for months amid protests.",
           "Carol Morello and Liz Sly contributed to this report."]
    new = [MATCH, "The Pentagon said the strike was defensive and aimed at deterring attacks.",
           "Dan Lamothe and Carol Morello contributed to this report from Washington."]
    article = read_rendered_pair(old, new)
    assert [row.kind for row in article.pages[0].rows] == (
        [RowKind.MATCH] + [RowKind.CHANGE] * 2 + [RowKind.OLD_ONLY] * 3)
    assert [version.paragraphs for version in article.versions] == [tuple(old), tuple(new)]


def test_a_page_whose_every_reading_follows_a_credit_is_still_read() -> None:
    """A paragraph after the credit line in both versions (a correction note): nothing is set
    aside when no reading avoids it."""
    old = [MATCH, "Jane Doe contributed to this report.", "Correction: the base is in Anbar."]
    new = [MATCH, "Jane Doe and John Roe contributed to this report.",
           "Correction: the base is in western Anbar."]
    article = read_rendered_pair(old, new)
    assert [version.paragraphs for version in article.versions] == [tuple(old), tuple(new)]


LATER = "The Pentagon said it was assessing the damage at the base on Wednesday morning."
POSTS = [("Iran’s foreign minister said the strikes were proportionate. Reuters contributed to "
          "this report."),
         "Oil prices rose sharply in Asian trading after the strikes.",
         "The president is expected to speak from the White House on Thursday."]


def test_a_credit_that_match_rows_follow_closes_nothing() -> None:
    """A live blog signs its posts: posts inserted before a match row, the first signed, were
    read as a change row and two deleted rows, as if the credit closed the new version."""
    old, new = [MATCH, LATER], [MATCH, *POSTS, LATER]
    article = read_rendered_pair(old, new)
    assert [row.kind for row in article.pages[0].rows] == (
        [RowKind.MATCH] + [RowKind.NEW_ONLY] * 3 + [RowKind.MATCH])
    assert [version.paragraphs for version in article.versions] == [tuple(old), tuple(new)]


def test_a_page_whose_credits_are_followed_elsewhere_reads_its_last_gap_as_before() -> None:
    """Signed posts (one a match row followed by others) and, at the page's end, new posts the
    first of which is signed: the credits close no version."""
    signed = "Officials in Baghdad condemned the strikes. AP contributed to this report."
    old, new = [MATCH, signed, LATER], [MATCH, signed, LATER, *POSTS]
    article = read_rendered_pair(old, new)
    assert [row.kind for row in article.pages[0].rows] == (
        [RowKind.MATCH] * 3 + [RowKind.NEW_ONLY] * 3)
    assert [version.paragraphs for version in article.versions] == [tuple(old), tuple(new)]
