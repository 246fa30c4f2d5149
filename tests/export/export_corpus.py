"""Generated version chains for the export tests: folders of 0.txt, 1.txt, ... made by a seeded
random editor (edit words, change numbers, add, delete and move sentences)."""

from __future__ import annotations

import random
from pathlib import Path

_TEXT = ("officials said the attack on the base was the first of its kind since troops arrived "
         "in the region last year according to a statement from the ministry which added that "
         "several people were wounded while others fled the area before police closed the road "
         "near the airport and the embassy")
WORDS = _TEXT.split()


def _sentence(rng: random.Random) -> str:
    words = rng.sample(WORDS, rng.randint(6, 14))
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), str(rng.randint(2, 900)))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _edit(paragraphs: list[list[str]], rng: random.Random) -> list[list[str]]:
    result = [list(p) for p in paragraphs]
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(("word", "number", "add", "delete", "move"))
        p = rng.randrange(len(result))
        if kind == "word" and result[p]:
            s = rng.randrange(len(result[p]))
            words = result[p][s].rstrip(".").split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            result[p][s] = " ".join(words) + "."
        elif kind == "number" and result[p]:
            s = rng.randrange(len(result[p]))
            result[p][s] = result[p][s].rstrip(".") + f" with {rng.randint(2, 99)} dead."
        elif kind == "add":
            result.insert(rng.randint(0, len(result)), [_sentence(rng)])
        elif kind == "delete" and len(result) > 2:
            del result[p]
        elif kind == "move" and len(result) > 2:
            result.insert(rng.randrange(len(result)), result.pop(p))
    return [p for p in result if p]


def make_chain(folder: Path, versions: list[list[str]]) -> Path:
    """Write one article: a folder with one file per version, paragraphs on their own lines."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, paragraphs in enumerate(versions):
        (folder / f"{number}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


def make_corpus(root: Path, articles: int, seed: int = 7, max_versions: int = 5) -> Path:
    """`root/article-000/`, ... each a chain of 2..max_versions versions."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    for number in range(articles):
        paragraphs = [[_sentence(rng) for _ in range(rng.randint(1, 3))]
                      for _ in range(rng.randint(3, 7))]
        chain = [paragraphs]
        for _ in range(rng.randint(1, max_versions - 1)):
            chain.append(_edit(chain[-1], rng))
        make_chain(root / f"article-{number:03d}", [[" ".join(p) for p in v] for v in chain])
    return root
