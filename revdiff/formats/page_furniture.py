"""Site furniture that main-content extraction leaves inside an article's text.

Extractors keep what sits inside the article's body element: advertisement slots, "Continue
reading the main story", "READ MORE:" links, share and newsletter prompts, paywall notices, and
dividers (`___`, `* * *`). These are short paragraphs of known wording, or without a letter or a
digit; they are taken out of the text and reported, never dropped silently. A paywall notice also
means the text may be cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Longer paragraphs are the article's own, whatever they say.
MAX_FURNITURE_LENGTH = 200

_FURNITURE = re.compile(
    r"(advertisement|ad|sponsored( content)?|continue reading( the main story| below)?"
    r"|story continues below( advertisement)?|skip (to|past) (content|advertisement)"
    r"|share (this|on \w+)( article| story)?|(copy|share) link|email|print|comments?"
    r"|(read|see) (more|also)\s*:.*|related\s*:.*|most (read|popular)|recommended( for you)?"
    r"|(sign up|subscribe) (to|for) (our|the) .*newsletter.*|sign up for our .*"
    r"|we use cookies.*|accept (all )?cookies)[.!]?",
    re.IGNORECASE)
_PAYWALL = re.compile(
    r".*(subscribe to (continue|keep) reading|to continue reading,? (please )?(subscribe|log in)"
    r"|you have read \d+ of your \d+ free articles|this (article|content) is (only )?(available )?"
    r"for subscribers|subscribers only).*",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """An extracted text with the furniture taken out, and what was taken."""

    paragraphs: tuple[str, ...]
    furniture: tuple[str, ...]
    paywall: tuple[str, ...]


def is_paywall_notice(paragraph: str) -> bool:
    return len(paragraph) <= MAX_FURNITURE_LENGTH and _PAYWALL.fullmatch(paragraph) is not None


def is_furniture(paragraph: str) -> bool:
    return len(paragraph) <= MAX_FURNITURE_LENGTH and (
        _FURNITURE.fullmatch(paragraph) is not None or _is_divider(paragraph))


def _is_divider(paragraph: str) -> bool:
    """Whether `paragraph` holds no letter or digit of any script: a divider between a story's
    parts (`* * *`, a wire story's `___` before its contributor line), no sentence."""
    return not any(character.isalnum() for character in paragraph)


def remove_furniture(paragraphs: tuple[str, ...]) -> Cleaned:
    kept, furniture, paywall = [], [], []
    for paragraph in paragraphs:
        if is_paywall_notice(paragraph):
            paywall.append(paragraph)
        elif is_furniture(paragraph):
            furniture.append(paragraph)
        else:
            kept.append(paragraph)
    return Cleaned(tuple(kept), tuple(furniture), tuple(paywall))
