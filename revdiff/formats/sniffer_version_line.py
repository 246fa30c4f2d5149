"""The line that says which version a News Sniffer version page shows, `Version 2 of 5.`, as its
HTML page's paragraph and its text's line hold it (FORMATS.md §2): one pattern for both readers."""

from __future__ import annotations

import re

# A copy may lose the full stop or turn a space into a tab, and keep white space at the line's
# edges (a no-break space a line's collapsing leaves), which means nothing there.
VERSION_OF_LINE = re.compile(r"\s*Version\s+(?P<number>\d+)\s+of\s+(?P<total>\d+)\.?\s*")
