"""Pages a browser translated before they were saved: their text is the translation, not the
article's, so no reader takes them for versions."""

from __future__ import annotations

import re

from revdiff.formats.shown_markup import opening_html_tag, tag_attributes

# What Chrome's page translation leaves in the markup: a class on the root element
# (`<html class="translated-ltr">`, `translated-rtl`; its tag is `opening_html_tag`, not a
# custom element's `<html-frame>`) and a `<font style="vertical-align: inherit;">` around each
# run it translated. Only an attribute named `class` counts (`tag_attributes`): not `data-class`,
# nor `class=` inside another one's value.
_TRANSLATED_CLASS = re.compile(r"\btranslated-(?:ltr|rtl)\b", re.IGNORECASE)
_TRANSLATED_RUN = re.compile(r"<font\s+style\s*=\s*[\"']?vertical-align:\s*inherit", re.IGNORECASE)

SAVE_UNTRANSLATED = ("turn the browser's translation off to show the original page, save it "
                     "again untranslated and give that")


def looks_translated(shown: str) -> bool:
    """Whether the page shows a translation's marks, `shown` being its `shown_markup` (so that
    none in a comment, a script or another element whose text is no markup counts)."""
    if _TRANSLATED_RUN.search(shown) is not None:
        return True
    # no class to look for: `opening_html_tag` reads the whole of a fragment, which has no root
    if "translated-" not in shown.lower():
        return False
    root = opening_html_tag(shown)
    return root is not None and any(
        _TRANSLATED_CLASS.search(value) for name, value in tag_attributes(shown, root)
        if name == "class")
