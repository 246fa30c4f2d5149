"""Pages a browser translated before they were saved: their text is the translation, not the
article's, so no reader takes them for versions."""

from __future__ import annotations

import re

# What Chrome's page translation leaves in the markup: a class on the root element
# (`<html class="translated-ltr">`, `translated-rtl`) and a `<font style="vertical-align:
# inherit;">` around each run it translated.
_TRANSLATION_MARKS = re.compile(
    r"<html\b[^<>]*\bclass\s*=\s*[\"']?[^\"'<>]*\btranslated-(?:ltr|rtl)\b"
    r"|<font\s+style\s*=\s*[\"']?vertical-align:\s*inherit", re.IGNORECASE)

SAVE_UNTRANSLATED = ("turn the browser's translation off to show the original page, save it "
                     "again untranslated and give that")


def looks_translated(text: str) -> bool:
    return _TRANSLATION_MARKS.search(text) is not None
