"""Made-up news stories as folders of version files, for batch benchmarks that must run without
the corpus in ../shared.

Each story is a folder `story-NNNNN/` of `0.txt`, `1.txt`, ... (2 to 6 versions), one paragraph a
line with a blank line between, as `samples/versions/` holds them. Its first version is 8 to 16
paragraphs of the samples' news text, varied as `engine_scale.varied` varies them (new numbers,
words swapped), so that no two stories are alike; each later version makes a newsroom's edits
(`engine_scale.edited`) to one or two paragraphs, adds one drawn from the third sample story, and
now and then deletes one. The same count and seed give the same bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

from engine_scale import edited, sample_paragraphs, varied, words_of

FIRST_PARAGRAPHS = (8, 16)
VERSIONS = (2, 6)
DELETE_CHANCE = 0.3


def story_versions(rng: random.Random, body: list[str], fresh: list[str],
                   vocabulary: list[str]) -> list[list[str]]:
    """The paragraphs of each version of one story."""
    paragraphs = [varied(rng.choice(body), vocabulary, rng)
                  for _ in range(rng.randint(*FIRST_PARAGRAPHS))]
    versions = [paragraphs]
    for _ in range(rng.randint(*VERSIONS) - 1):
        paragraphs = list(paragraphs)
        for place in rng.sample(range(len(paragraphs)), rng.randint(1, 2)):
            paragraphs[place] = edited(paragraphs[place], vocabulary, rng)
        if len(paragraphs) > FIRST_PARAGRAPHS[0] and rng.random() < DELETE_CHANCE:
            del paragraphs[rng.randrange(len(paragraphs))]
        paragraphs.insert(rng.randrange(len(paragraphs) + 1),
                          varied(rng.choice(fresh), vocabulary, rng))
        versions.append(paragraphs)
    return versions


def write_stories(into: Path, count: int, seed: int = 0) -> list[Path]:
    """`count` stories written into the folder `into` (made if need be); their folders, in order."""
    body, fresh = sample_paragraphs(inserted=False), sample_paragraphs(inserted=True)
    vocabulary = words_of(body + fresh)
    rng = random.Random(seed)
    folders = []
    for number in range(count):
        folder = into / f"story-{number:05d}"
        folder.mkdir(parents=True)
        for version, paragraphs in enumerate(story_versions(rng, body, fresh, vocabulary)):
            (folder / f"{version}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        folders.append(folder)
    return folders
