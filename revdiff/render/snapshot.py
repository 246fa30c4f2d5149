"""Render one version of an article as a saved publisher page, furniture and all.

For samples, tests and the extraction benchmark: the article's paragraphs sit among what real news
pages carry around them (navigation, a cookie banner, share buttons, "Continue reading the main
story" and advertisement slots inside the body, related links, a newsletter box, a paywall notice,
comments, a footer). Three site layouts differ in their markup. The page names the article's URL
in `<link rel="canonical">` and `og:url`, and its time in `article:modified_time`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from revdiff.model import Version


@dataclass(frozen=True, slots=True)
class Site:
    name: str
    # Where the body sits: an element and its class.
    body_open: str
    body_close: str
    # Paragraph markup for the article's own paragraphs.
    paragraph: str
    # Furniture inserted inside the body after the given paragraph index.
    inline: tuple[tuple[int, str], ...]
    before: str  # furniture before the article
    after: str  # furniture after the article


_NAV = ("<header><nav class='site-nav'><ul>" + "".join(
    f"<li><a href='/{s.lower()}'>{s}</a></li>" for s in
    ("World", "US", "Politics", "Business", "Opinion", "Sport", "Culture")) + "</ul></nav></header>")
_COOKIES = ("<div class='cookie-banner' role='dialog'><p>We use cookies to improve your experience "
            "on our site and to show you relevant advertising. By continuing you agree to our "
            "cookie policy.</p><button>Accept all</button><button>Manage settings</button></div>")
_SHARE = ("<div class='share-tools'><a href='#'>Share on Facebook</a> <a href='#'>Share on "
          "Twitter</a> <a href='#'>Email</a> <button>Copy link</button></div>")
_RELATED = ("<aside class='related'><h2>Related stories</h2><ul>" + "".join(
    f"<li><a href='/story/{n}'>{t}</a></li>" for n, t in enumerate((
        "Oil prices jump as tensions rise in the Gulf",
        "What we know about the drone strike so far",
        "Analysis: Where does the region go from here?"))) + "</ul></aside>")
_NEWSLETTER = ("<div class='newsletter'><p>Sign up for our morning briefing: the day's top "
               "stories in your inbox.</p><form><input type='email'><button>Sign up</button>"
               "</form></div>")
_COMMENTS = ("<section id='comments' class='comments'><h3>Comments (3)</h3>"
             "<div class='comment'><p>This is exactly what everyone feared would happen.</p></div>"
             "<div class='comment'><p>Where is the evidence for any of these claims?</p></div>"
             "<div class='comment'><p>Praying for the troops and their families tonight.</p></div>"
             "</section>")
_FOOTER = ("<footer><p>© 2020 News Company. All rights reserved.</p><p><a href='/terms'>Terms of "
           "use</a> <a href='/privacy'>Privacy policy</a> <a href='/contact'>Contact us</a></p>"
           "</footer>")
_PAYWALL = ("<div class='paywall-notice'><p>You have read 4 of your 5 free articles this month. "
            "Subscribe to continue reading.</p></div>")
_MOST_READ = ("<aside class='most-read'><h2>Most read</h2><ol>" + "".join(
    f"<li><a href='/m/{n}'>{t}</a></li>" for n, t in enumerate((
        "Live: Markets react to the news", "Ten photos that defined the decade",
        "The quiz of the week"))) + "</ol></aside>")
_READ_MORE = ("<p><strong>READ MORE:</strong> <a href='/r/1'>Who was the general at the centre "
              "of the crisis?</a></p>")
_PHOTO = ("<figure><img src='/p.jpg' alt=''><figcaption>A photo from the scene. (Reuters)"
          "</figcaption></figure>")

SITES = (
    Site("paper", "<article class='story-body'>", "</article>", "<p class='css-story'>{}</p>",
         ((1, "<div class='ad'><p>Advertisement</p></div>"),
          (2, "<p class='continue'>Continue reading the main story</p>")),
         _NAV + _COOKIES, _SHARE + _RELATED + _COMMENTS + _FOOTER),
    Site("tabloid", "<div class='article-body' itemprop='articleBody'>", "</div>", "<p>{}</p>",
         ((1, _READ_MORE), (3, _NEWSLETTER)),
         _NAV + _PAYWALL, _SHARE + _MOST_READ + _FOOTER + _COOKIES),
    Site("wire", "<div class='story'>", "</div>", "<p>{}</p>",
         ((0, _PHOTO),),
         _COOKIES + _NAV, _RELATED + _FOOTER),
)


def render_page(url: str, version: Version, site: Site) -> str:
    """A whole HTML document holding `version` as `site` lays out its articles."""
    inline = dict(site.inline)
    body = []
    for index, paragraph in enumerate(version.paragraphs):
        body.append(site.paragraph.format(escape(paragraph, quote=False)))
        if index in inline and index < len(version.paragraphs) - 1:
            body.append(inline[index])
    title = escape(version.title)
    modified = (f"<meta property='article:modified_time' content='{version.time.isoformat()}'>"
                if version.time is not None else "")
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | News Company</title>"
        f"<link rel='canonical' href='{escape(url)}'>"
        f"<meta property='og:url' content='{escape(url)}'>"
        f"<meta property='og:title' content='{title}'>{modified}"
        "<script>window.dataLayer = [{'page': 'article'}];</script></head>\n<body>"
        f"{site.before}<main><h1>{title}</h1><p class='byline'>By Staff Reporter</p>"
        f"{_SHARE}{site.body_open}{''.join(body)}{site.body_close}</main>{site.after}"
        "</body></html>\n"
    )
