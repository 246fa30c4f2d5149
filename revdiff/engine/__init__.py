"""The diff engine: sentences, alignment, edits, word diffs, flags and statistics.

`compare(old, new)` is the one entry point the rest of revdiff needs; the modules below it can be
used on their own (e.g. `align_sentences` on sentences that are already split).

The names below are loaded on first use: importing one light module (the column splitter's
`revdiff.engine.sentences`, the word counts of `revdiff parse`) runs this file, and loading the
whole engine here took some 30 ms of a small page's parse. `compare` lives in
`revdiff.engine.comparison`, not in a module of its own name, which importing would make the
package's `compare` attribute in place of the function.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from revdiff.engine.align import Link, align_sentences
    from revdiff.engine.comparison import SENTENCE_MODES, compare, sentences_of
    from revdiff.engine.sentences import split_sentences
    from revdiff.engine.words import word_diff
    from revdiff.errors import UnknownSentenceMode

# Each exported name and the module that defines it.
_MODULE_OF = {
    "SENTENCE_MODES": "revdiff.engine.comparison",
    "Link": "revdiff.engine.align",
    "UnknownSentenceMode": "revdiff.errors",
    "align_sentences": "revdiff.engine.align",
    "compare": "revdiff.engine.comparison",
    "sentences_of": "revdiff.engine.comparison",
    "split_sentences": "revdiff.engine.sentences",
    "word_diff": "revdiff.engine.words",
}

__all__ = [
    "SENTENCE_MODES",
    "Link",
    "UnknownSentenceMode",
    "align_sentences",
    "compare",
    "sentences_of",
    "split_sentences",
    "word_diff",
]


def _lazy_attribute(name: str) -> Any:
    """An exported name, loaded from its module when first asked for."""
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_MODULE_OF[name]), name)
    globals()[name] = value
    return value


if not TYPE_CHECKING:
    # Shown to type checkers, a module `__getattr__` returning Any made every name an attribute:
    # `revdiff.engine.compaer(...)` passed mypy --strict and failed only when run.
    __getattr__ = _lazy_attribute


def __dir__() -> list[str]:
    """The module's names with those not loaded yet: `dir()`, a notebook's completion and
    `help(revdiff.engine)` list the functions before their first use."""
    return sorted({*globals(), *__all__})
