"""Pages with their truth, for measuring and training the column splitter.

Real pages are read from ../shared/corpus (never copied): every consecutive diff page of every
Wikipedia article in `corpus/chains`, flattened by the real pipeline (News Sniffer's diff, then
Resiliparse), with the versions it was rendered from. The articles are cut into two slices by a hash
of their name: the tuning slice (about four in five) is what the splitter's weights are learned and
tuned on; the held-out slice is never looked at while tuning, only measured.

Cased news pages are generated (the corpus is all lower-case Wikipedia): chains of versions made
from the seed articles and the samples' stories by the edits breaking news gets (a new lede,
paragraphs inserted, numbers and attributions updated, paragraphs cut or moved, now and then a
whole new story under one URL, datelines with a dash), rendered with revdiff.render.sniffer and
flattened with the real extractor's symbol drops modelled. They are sliced by story.

Cased essay pages are rendered the same way from the drafts of the ArgRewrite essays in
`corpus/align` (CC BY 4.0): real revisions of cased prose by its writers. They are only
measured, never tuned on.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from revdiff.formats.plain import split_paragraphs
from revdiff.model import RowKind, Version
from revdiff.render.sniffer import PageInfo, render_diff_text
from revdiff.splitter.grammar import diff_rows, flatten_row
from revdiff.splitter.symbols import is_droppable

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
HELD_OUT_SHARE = 5  # one article in five is held out


@dataclass(frozen=True, slots=True)
class TruePage:
    """One flattened page and the paragraphs it was rendered from."""

    name: str
    text: str
    old: tuple[str, ...]
    new: tuple[str, ...]

    def true_rows(self) -> list[tuple[RowKind, str | None, str | None]]:
        return diff_rows(self.old, self.new)

    def line_truth(self, body: list[tuple[int, str]]) -> dict[int, tuple[RowKind, int | None]]:
        """The true reading of each body line whose text the flattener kept intact:
        line number -> (kind, character offset where the new cell starts, for change rows)."""
        rows = self.true_rows()
        if len(rows) != len(body):
            return {}
        truth: dict[int, tuple[RowKind, int | None]] = {}
        for (number, text), row in zip(body, rows):
            if flatten_row(row) != text:
                continue
            kind, old, _ = row
            if kind is RowKind.CHANGE:
                truth[number] = (kind, len(old or "") + 1)
            elif kind is RowKind.MATCH:
                truth[number] = (kind, len(text) // 2)
            else:
                truth[number] = (kind, None)
        return truth


@dataclass(frozen=True, slots=True)
class TrueChain:
    slug: str
    pages: tuple[TruePage, ...]
    versions: tuple[tuple[str, ...], ...]


def is_held_out(slug: str) -> bool:
    return hashlib.sha256(slug.encode()).digest()[0] % HELD_OUT_SHARE == 0


def corpus_available() -> bool:
    return (CORPUS / "chains").is_dir()


def word_characters(paragraphs: Iterable[str]) -> list[str]:
    """Each paragraph's word characters: a reading is exact when these equal the truth's."""
    return ["".join(re.findall(r"\w", p)) for p in paragraphs]


def real_chains(held_out: bool | None = None) -> Iterator[TrueChain]:
    """The corpus chains; `held_out` True or False picks one slice, None gives both."""
    for folder in sorted(p for p in (CORPUS / "chains").iterdir() if p.is_dir()):
        if held_out is not None and is_held_out(folder.name) != held_out:
            continue
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        versions = tuple(tuple(v) for v in truth["versions"])
        pages = []
        for index, page in enumerate(truth["pages"]):
            text = (folder / f"{page}.txt").read_text(encoding="utf-8")
            pages.append(TruePage(f"{folder.name}/{page}", text, versions[index], versions[index + 1]))
        yield TrueChain(folder.name, tuple(pages), versions)


def real_single_pages() -> Iterator[TruePage]:
    """The 65 pages of corpus/pages (a subset of the chains' pages, kept as published)."""
    for folder in sorted(p for p in (CORPUS / "pages").iterdir() if p.is_dir()):
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        yield TruePage(folder.name, (folder / "page.txt").read_text(encoding="utf-8"),
                       tuple(truth["old"]), tuple(truth["new"]))


# --- cased news pages, generated -----------------------------------------------------------

NEWS_CHAINS_PER_STORY = 24
NEWS_VERSIONS = 5


@dataclass(frozen=True)
class EditMix:
    """How a generated story changes from one version to the next: the chance that the version
    is another story under the same URL, and of each of its one to four edits, the chance that
    it puts a new lede on top, inserts a paragraph elsewhere, rewords one, or deletes one; the
    chance left over moves a paragraph."""

    new_story: float
    lede: float
    insert: float
    reword: float
    delete: float


# Breaking news as the news pages model it: the story grows, is rewritten and reordered.
BREAKING = EditMix(new_story=0.05, lede=0.2, insert=0.2, reword=0.3, delete=0.15)
# A check of how much the news figures owe to that mix: most edits reword a paragraph in place,
# some insert or delete one, none moves one or replaces the story.
MOSTLY_REWORDED = EditMix(new_story=0.0, lede=0.0, insert=0.12, reword=0.8, delete=0.08)
_NUMBER = re.compile(r"\d[\d,]*")
_DATELINES = ("BAGHDAD", "WASHINGTON", "TEHRAN", "KUWAIT CITY")
DROP_CHANCE = 0.5  # how often the flattener drops a symbol the word diff wrapped alone
_ATTRIBUTIONS = (", officials said.", ", according to the Pentagon.", ", a spokesman told reporters.",
                 ", state media reported.", ", the Associated Press reported.")


def news_stories() -> list[tuple[str, list[str]]]:
    """Cased news articles: seeds 000-003 (other outlets' reports of the seed event) and the
    version files in samples/versions (the last version of each story)."""
    stories = []
    for path in sorted((SHARED / "seeds").glob("00[0-3]_*.txt")):
        stories.append((path.stem, list(split_paragraphs(path.read_text(encoding="utf-8")))))
    samples = Path(__file__).resolve().parents[1] / "samples" / "versions"
    for folder in sorted(p for p in samples.iterdir() if p.is_dir()):
        last = max(folder.glob("*.txt"), key=lambda f: int(f.stem))
        stories.append((folder.name, list(split_paragraphs(last.read_text(encoding="utf-8")))))
    return stories


def _edit_paragraph(paragraph: str, rng: random.Random) -> str:
    """One edit breaking news gets: a number updated, an attribution added, a dateline,
    words changed."""
    choice = rng.random()
    if choice < 0.1 and " — " not in paragraph[:30]:
        return f"{rng.choice(_DATELINES)} — {paragraph}"
    numbers = list(_NUMBER.finditer(paragraph))
    if choice < 0.35 and numbers:
        found = rng.choice(numbers)
        value = f"{rng.randint(2, 5000):,}"
        return paragraph[:found.start()] + value + paragraph[found.end():]
    if choice < 0.6 and paragraph.endswith("."):
        return paragraph[:-1] + rng.choice(_ATTRIBUTIONS)
    words = paragraph.split(" ")
    start = rng.randrange(len(words))
    stop = min(len(words), start + rng.randint(1, 4))
    filler = rng.choice(["reportedly", "at least", "on Tuesday", "later", "again", "US"]).split(" ")
    # an editor rewords a line, and does not replace it whole: at most a third of its words go
    # (a byline such as `Clark Mindock` gets words added, not `at least` in its place)
    stop = min(stop, start + len(words) // 3)
    return " ".join(words[:start] + filler + words[stop:])


def _next_version(paragraphs: list[str], pool: list[str], rng: random.Random, mix: EditMix
                  ) -> list[str]:
    """The next version of a story: a few edits of the kinds news desks make, as often as `mix`
    says."""
    version = list(paragraphs)
    if rng.random() < mix.new_story:  # a new story under the same URL
        start = rng.randrange(max(1, len(pool) - 8))
        return pool[start:start + rng.randint(4, 10)]
    inserted = mix.lede + mix.insert
    reworded = inserted + mix.reword
    deleted = reworded + mix.delete
    for _ in range(rng.randint(1, 4)):
        action = rng.random()
        if action < mix.lede:  # a new lede on top
            version.insert(0, rng.choice(pool))
        elif action < inserted:
            version.insert(rng.randint(0, len(version)), rng.choice(pool))
        elif action < reworded and version:
            index = rng.randrange(len(version))
            version[index] = _edit_paragraph(version[index], rng)
        elif action < deleted and len(version) > 2:
            del version[rng.randrange(len(version))]
        elif len(version) > 2:  # a paragraph moved
            moved = version.pop(rng.randrange(len(version)))
            version.insert(rng.randint(0, len(version)), moved)
    return [p for index, p in enumerate(version) if p not in version[:index]] or paragraphs


def flattened_page(old: Version, new: Version, info: PageInfo, rng: random.Random) -> str:
    """The page flattened as the real extractor does it: a symbol the word diff wrapped alone
    (one that only one cell of a change row holds) is dropped now and then, and a one-sided
    row that is only such a symbol then vanishes (see ../shared/corpus/README.md)."""
    header = render_diff_text(old, new, info).split("\n")[:9]
    lines = []
    for kind, old_cell, new_cell in diff_rows(old.paragraphs, new.paragraphs):
        line = flatten_row((kind, old_cell, new_cell))
        if kind is RowKind.CHANGE:
            old_tokens, new_tokens = (old_cell or "").split(" "), (new_cell or "").split(" ")
            alone = {tok for tok in old_tokens + new_tokens if is_droppable(tok)
                     and (tok in old_tokens) != (tok in new_tokens)}
            kept = [tok for tok in line.split(" ") if tok not in alone or rng.random() >= DROP_CHANCE]
            line = " ".join(kept)
        elif kind is not RowKind.MATCH and is_droppable(line) and rng.random() < DROP_CHANCE:
            continue
        lines.append(line)
    return "\n".join(header + lines)


def _rendered_chain(slug: str, name: str, versions: list[list[str]], rng: random.Random) -> TrueChain:
    """The chain of flattened pages of consecutive versions (rendered by revdiff.render.sniffer)."""
    info = PageInfo(source="news", url=f"https://example.com/{slug}", changes=len(versions))
    pages = tuple(
        TruePage(f"{slug}/v{k}-v{k + 1}",
                 flattened_page(Version(k, name, tuple(versions[k])),
                                Version(k + 1, name, tuple(versions[k + 1])), info, rng),
                 tuple(versions[k]), tuple(versions[k + 1]))
        for k in range(len(versions) - 1))
    return TrueChain(slug, pages, tuple(tuple(v) for v in versions))


def _pool_of(story: str) -> tuple[bool, int]:
    """The pool a news story's chains draw inserted paragraphs from: its slice's, and in the
    tuning slice its fold's (the held-out slice is one pool)."""
    held_out = is_held_out(story)
    return held_out, 0 if held_out else fold_of(story)


def news_chains(held_out: bool | None = None, mix: EditMix = BREAKING) -> Iterator[TrueChain]:
    """Chains of pages generated from cased news text with breaking-news edits (`mix`). A
    story's chains are all in one slice (by the story's name, like the corpus articles), and the
    paragraphs they insert come from that slice's stories only; in the tuning slice, from the
    stories of the story's own fold (`fold_of`), so that no page of one fold holds a paragraph
    of the other fold's text."""
    stories = news_stories()
    pools: dict[tuple[bool, int], list[str]] = {}
    for name, paragraphs in stories:
        pools.setdefault(_pool_of(name), []).extend(paragraphs)
    for name, paragraphs in stories:
        if held_out is not None and is_held_out(name) != held_out:
            continue
        pool = pools[_pool_of(name)]
        for number in range(NEWS_CHAINS_PER_STORY):
            rng = random.Random(f"{name}-{number}")
            start = rng.randrange(max(1, len(paragraphs) - 6))
            versions = [paragraphs[start:start + rng.randint(4, 14)]]
            for _ in range(NEWS_VERSIONS - 1):
                versions.append(_next_version(versions[-1], pool, rng, mix))
            yield _rendered_chain(f"news-{name}-{number}", name, versions, rng)


# --- cased essays, revised by their writers -------------------------------------------------

ESSAYS = CORPUS / "align" / "argrewrite-dev.jsonl"


def essay_drafts() -> dict[str, dict[int, list[str]]]:
    """The ArgRewrite essays (CC BY 4.0, see ../shared/corpus/README.md): per essay, each draft's
    paragraphs, its sentences joined in the order and paragraphs the annotators gave."""
    drafts: dict[str, dict[int, list[str]]] = {}
    for line in ESSAYS.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        for draft, sentences, numbers in ((pair["drafts"][0], pair["old"], pair["old_par"]),
                                          (pair["drafts"][1], pair["new"], pair["new_par"])):
            paragraphs: dict[int, list[str]] = {}
            for sentence, number in zip(sentences, numbers):
                paragraphs.setdefault(number, []).append(sentence)
            text = [" ".join(paragraph) for paragraph in paragraphs.values()]
            drafts.setdefault(pair["essay"], {}).setdefault(draft, text)
    return drafts


def essay_chains() -> Iterator[TrueChain]:
    """Chains of pages rendered from the drafts of cased essays: real revisions by their
    writers (sentences added, cut, moved and rewritten, paragraphs restructured) of cased prose
    that is not news. None of them is tuned on. A draft that two pairs of the corpus give
    differently is taken from the first pair."""
    for name, drafts in essay_drafts().items():
        versions = [drafts[number] for number in sorted(drafts)]
        yield _rendered_chain(f"essay-{name}", name, versions, random.Random(name))


def tuning_pages() -> Iterator[TruePage]:
    """Every page of the tuning slice: the corpus chains' and the generated news pages."""
    for chains in (real_chains(held_out=False), news_chains(held_out=False)):
        for chain in chains:
            yield from chain.pages


def tuning_articles() -> Iterator[tuple[str, list[str]]]:
    """The text of every tuning article, for counting edge words: its name and its distinct
    paragraphs over all versions (corpus articles, then news stories)."""
    for chain in real_chains(held_out=False):
        yield chain.slug, list(dict.fromkeys(p for version in chain.versions for p in version))
    for name, paragraphs in news_stories():
        if not is_held_out(name):
            yield name, paragraphs


def article_of(page: TruePage) -> str:
    """The corpus article or the news story a page was made from (as `tuning_articles` names it)."""
    slug = page.name.split("/")[0]
    return slug.removeprefix("news-").rsplit("-", 1)[0] if slug.startswith("news-") else slug


def fold_of(article: str) -> int:
    """One of two folds of the tuning articles: features counted from the text of one fold
    are learned on the pages of the other, so that no page sees its own article's words."""
    return hashlib.sha256(article.encode()).digest()[1] % 2
