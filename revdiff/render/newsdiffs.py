"""Render NewsDiffs diff pages from two Versions: the raw form and the browser-rendered form.

Written here from FORMATS.md §3. The raw form is what the NewsDiffs server sends: the two version
texts as JavaScript string literals. The rendered form is the page as a browser saves it after the
comparison ran: `<div id="compare">` filled with diff-match-patch runs (semantic cleanup, `<br>` for
newlines), long unchanged stretches cut to `[...]`. Facts taken from other projects, besides
FORMATS.md: the characters Django's `escapejs` filter turns into `\\uXXXX` (Django's documentation
and its behaviour), and the page's wording ("Comparing:", "Archived ...", the revision links), as
NewsDiffs (github.com/ecprice/newsdiffs) shows it. Used for samples and round-trip tests.
"""

from __future__ import annotations

import email.utils
import html
import re
from dataclasses import dataclass
from datetime import datetime

from diff_match_patch import diff_match_patch

from revdiff.model import Version

# Characters Django's escapejs replaces by \uXXXX, besides the C0 controls.
_JS_ESCAPED = {ord(c): f"\\u{ord(c):04X}" for c in "\\'\"><&=-;`\u2028\u2029"}
_JS_ESCAPED.update({code: f"\\u{code:04X}" for code in range(32)})
_CUT = "[...]"

SITE = "http://www.newsdiffs.org"


@dataclass(frozen=True, slots=True)
class DiffPageInfo:
    """What a diff page says besides the two texts."""

    url: str
    old_byline: str = ""
    new_byline: str = ""
    previous_diff: str | None = None  # link to the diff of the two versions before these
    next_diff: str | None = None


def escape_js(text: str) -> str:
    """Escape text for a single-quoted JavaScript literal as Django's `escapejs` does."""
    return text.translate(_JS_ESCAPED)


def format_date(time: datetime | None) -> str:
    """A version's date line: RFC 2822 (as news feeds give it), empty when unknown."""
    return email.utils.format_datetime(time) if time is not None else ""


def format_archived(time: datetime | None) -> str:
    """NewsDiffs' 'Archived' date: '%B %d, %Y at %l:%M%P EDT'."""
    if time is None:
        return "unknown date"
    hour = time.hour % 12 or 12
    suffix = "am" if time.hour < 12 else "pm"
    return f"{time:%B %d, %Y} at {hour:>2}:{time:%M}{suffix} EDT"


def version_text(version: Version, byline: str = "") -> str:
    """A NewsDiffs version file: date, title, byline, a blank line, paragraphs between blank lines."""
    date = format_date(version.time) if version.time is not None else (version.time_text or "")
    return f"{date}\n{version.title}\n{byline}\n\n" + "\n\n".join(version.paragraphs)


def diff_runs(old_text: str, new_text: str) -> list[tuple[int, str]]:
    """Character diff with semantic cleanup, as the page's script computes it (no time limit)."""
    matcher = diff_match_patch()
    matcher.Diff_Timeout = 0  # deterministic: never cut the diff short
    runs = matcher.diff_main(old_text, new_text)
    matcher.diff_cleanupSemantic(runs)
    return [(op, text) for op, text in runs]


def _whole_paragraphs(lines: list[str]) -> list[int]:
    """Indexes of the lines that stand between two blank lines, each blank line ending in a newline."""
    return [k for k in range(2, len(lines) - 2)
            if lines[k] and lines[k - 1] == "" and lines[k + 1] == ""]


def _cut_unchanged(text: str, more_follows: bool) -> str:
    """An unchanged run as the rendered page shows it: long stretches cut to `[...]`.

    Kept are the text up to the first paragraph that stands whole between blank lines and, when a
    change follows, the text from the last such paragraph on. What lies between becomes `[...]`.
    """
    lines = text.split("\n")
    whole = _whole_paragraphs(lines)
    if not whole:
        return text
    first, last = whole[0], whole[-1]
    if not more_follows:
        return "\n".join([*lines[:first + 2], _CUT])
    if last - first < 4:
        return text
    return "\n".join([*lines[:first + 2], _CUT, *lines[last - 1:]])


def pretty_html(runs: list[tuple[int, str]], elide_context: bool = True) -> str:
    """The runs as the rendered page writes them into #compare."""
    fragments = []
    for index, (op, text) in enumerate(runs):
        if op == 0 and elide_context:
            text = _cut_unchanged(text, more_follows=index + 1 < len(runs))
        markup = html.escape(text, quote=False).replace("\n", "<br>")
        if op == 1:
            fragments.append(f'<ins style="background:#e6ffe6;">{markup}</ins>')
        elif op == -1:
            fragments.append(f'<del style="background:#ffe6e6;">{markup}</del>')
        else:
            fragments.append(f"<span>{markup}</span>")
    return "".join(fragments)


def diff_path(old: Version, new: Version, url: str) -> str:
    return f"/diff/{old.number}/{new.number}/{re.sub(r'^[a-z]+://', '', url)}"


def _page(old: Version, new: Version, info: DiffPageInfo, script: str, compare: str,
          saved_from: str | None) -> str:
    title = html.escape(new.title, quote=False)
    url = html.escape(info.url)
    previous = (f'<a href="{html.escape(info.previous_diff)}">&lt;= Previous revision</a>'
                if info.previous_diff else "No previous revision")
    later = (f'<a href="{html.escape(info.next_diff)}">Later revision =&gt;</a>'
             if info.next_diff else "No later revision")
    saved = f"<!-- saved from url=({len(saved_from):04d}){saved_from} -->\n" if saved_from else ""
    return f"""{saved}<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>Diffing: {title}</title>
<script src="http://ajax.googleapis.com/ajax/libs/jquery/1.6.2/jquery.min.js" type="text/javascript"></script>
<script src="/static/lib/diff_match_patch_uncompressed.js" type="text/javascript"></script>
{script}<style type="text/css">
  del {{ background-color: #ffa0a0; }}
  ins {{ background-color: #a0ffa0; }}
</style>
</head>
<body>
<div class="container">
    <h2>Comparing: {title}</h2>
    <h3><a href="{url}">{url}</a></h3>
    <ul>
      <li><del>Pink: Archived {format_archived(old.time)}</del></li>
      <li><ins>Green: Archived {format_archived(new.time)}</ins></li>
    </ul>
    <p>
      {previous} |
      <a href="/article-history/?url={url}">All changes</a>
      |
      {later}
    </p>
Are these changes interesting?   <form action="/upvote/" method="POST">
      <input type="hidden" name="article_url" value="{url}">
      <input type="hidden" name="diff_v1" value="{old.number}">
      <input type="hidden" name="diff_v2" value="{new.number}">
      <input type="submit" name="submit" value="Yes">
    </form>
<hr>
    <div>
      <div id="compare">{compare}</div>
    </div>
</div>
</body>
</html>
"""


def render_raw_page(old: Version, new: Version, info: DiffPageInfo) -> str:
    """The page as the NewsDiffs server sends it: texts in JavaScript literals, #compare empty."""
    text1 = escape_js(version_text(old, info.old_byline))
    text2 = escape_js(version_text(new, info.new_byline))
    script = f"""<script type="text/javascript">
  var text1 = '{text1}';
  var text2 = '{text2}';
  $(document).ready(function () {{
    var dmp = new diff_match_patch();
    dmp.Diff_ShowPara = false;
    var diff = dmp.diff_main(text1, text2);
    dmp.diff_cleanupSemantic(diff);
    $('#compare')[0].innerHTML = dmp.diff_prettyHtml(diff);
  }});
</script>
"""
    return _page(old, new, info, script, "\n      ", None)


def render_rendered_page(old: Version, new: Version, info: DiffPageInfo,
                         elide_context: bool = True) -> str:
    """The page as a browser saves it without scripts after the comparison was drawn."""
    runs = diff_runs(version_text(old, info.old_byline), version_text(new, info.new_byline))
    saved_from = SITE + diff_path(old, new, info.url)
    return _page(old, new, info, "", pretty_html(runs, elide_context), saved_from)
