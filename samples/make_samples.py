"""Regenerate the rendered samples from the version chains in samples/versions/.

    python samples/make_samples.py [--out DIR]

Writes, into samples/ (into DIR with --out, to compare them with the committed ones) and byte
for byte the same on every run (newsedits.sqlite only with the same SQLite library, whose version
SQLite records in the file: see samples/README.md):
  samples/newsdiffs/us-deploys-troops-v1-v2-raw.html       NewsDiffs page as the server sends it
  samples/newsdiffs/us-deploys-troops-v1-v2-rendered.html  the same page saved after its script ran
  samples/newsdiffs/us-sends-3000-troops-v1-v2-rendered.html  a rendered page with a [...] cut
  samples/newsedits.sqlite                                 every version of the three stories
  samples/sniffer-version.html, samples/sniffer-version.txt  one News Sniffer version page
  samples/sniffer-diff/iran-strikes-vK-vK+1.html / .txt     News Sniffer diff pages of one chain
The chains' titles, times and URLs are in STORIES below; their text is in samples/versions/.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from revdiff.formats.plain import split_paragraphs
from revdiff.model import Article, Version
from revdiff.render.newsdiffs import (
    DiffPageInfo,
    diff_path,
    render_raw_page,
    render_rendered_page,
)
from revdiff.render.newsedits import write_database
from revdiff.render.sniffer import PageInfo, render_diff_html, render_diff_text
from revdiff.render.sniffer_version import render_version_html, render_version_text
from revdiff.terminal_text import visible

SAMPLES = Path(__file__).resolve().parent
VERSIONS = SAMPLES / "versions"


@dataclass(frozen=True)
class Story:
    slug: str
    source: str
    url: str
    byline: str
    # One (title, time) per version file 0.txt, 1.txt, ...
    versions: tuple[tuple[str, datetime], ...]


def _utc(day: int, hour: int, minute: int) -> datetime:
    return datetime(2020, 1, day, hour, minute, tzinfo=UTC)


TRUMP_ORDERED = ("US deploys thousands more troops to Middle East after Trump-ordered airstrike "
                 "kills Iran general")

STORIES = (
    Story(
        "us-deploys-troops-after-soleimani-strike", "independent",
        "https://www.independent.co.uk/news/world/americas/us-troops-middle-east-iran-soleimani.html",
        "Clark Mindock",
        (
            ("US sends 700 more troops to Middle East after Iran general killed", _utc(3, 14, 5)),
            ("US deploys thousands more troops to Middle East after airstrike kills Iran general",
             _utc(3, 15, 40)),
            (TRUMP_ORDERED, _utc(3, 17, 12)),
            (TRUMP_ORDERED, _utc(3, 18, 58)),
        ),
    ),
    Story(
        "iran-strikes-us-troops-in-iraq", "channelnewsasia",
        "https://www.channelnewsasia.com/news/world/iran-missiles-us-troops-iraq-soleimani",
        "",
        (
            ("Rockets hit base housing US troops in Iraq: Iranian TV", _utc(7, 23, 10)),
            ("Iran fires missiles at US troops in Iraq", _utc(8, 0, 25)),
            ("Iran fires missiles at US troops in Iraq in retaliation for general's killing",
             _utc(8, 2, 40)),
            ("Avenging general's killing, Iran strikes at US troops in Iraq", _utc(8, 5, 15)),
            ("Avenging general's killing, Iran strikes at US troops in Iraq", _utc(8, 9, 30)),
        ),
    ),
    Story(
        "us-sends-3000-troops-to-middle-east", "newssite",
        "https://news.example.com/2020/01/03/us-will-send-troops-to-middle-east/",
        "",
        (
            ("US to send 3,500 troops to Middle East", _utc(3, 16, 0)),
            ("US Will Send 3,000 Troops to Middle East Following Killing of Soleimani",
             _utc(3, 17, 30)),
            ("US Will Send 3,000 Troops to Middle East Following Killing of Soleimani",
             _utc(3, 20, 45)),
        ),
    ),
)


def read_story(story: Story) -> Article:
    """A story's chain as an Article: text from versions/<slug>/N.txt, titles and times from STORIES."""
    versions = []
    for number, (title, time) in enumerate(story.versions):
        text = (VERSIONS / story.slug / f"{number}.txt").read_text(encoding="utf-8")
        versions.append(Version(number, title, split_paragraphs(text), time))
    return Article(story.source, story.url, tuple(versions))


def write_text(path: Path, text: str) -> list[Path]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return [path]


def write_samples(directory: Path) -> list[Path]:
    """Write every rendered sample under `directory`; return their paths."""
    troops, iran, sends = (read_story(story) for story in STORIES)
    pages = directory / "newsdiffs"

    before, old, new, after = troops.versions
    newsdiffs_info = DiffPageInfo(STORIES[0].url, STORIES[0].byline, STORIES[0].byline,
                                  previous_diff=diff_path(before, old, STORIES[0].url),
                                  next_diff=diff_path(new, after, STORIES[0].url))
    written = write_text(pages / "us-deploys-troops-v1-v2-raw.html",
                         render_raw_page(old, new, newsdiffs_info))
    written += write_text(pages / "us-deploys-troops-v1-v2-rendered.html",
                          render_rendered_page(old, new, newsdiffs_info))

    before, old, new = sends.versions
    newsdiffs_info = DiffPageInfo(STORIES[2].url,
                                  previous_diff=diff_path(before, old, STORIES[2].url))
    written += write_text(pages / "us-sends-3000-troops-v1-v2-rendered.html",
                          render_rendered_page(old, new, newsdiffs_info))

    write_database(directory / "newsedits.sqlite", [troops, iran, sends])
    written.append(directory / "newsedits.sqlite")

    version, total = iran.versions[2], len(iran.versions)
    written += write_text(directory / "sniffer-version.html",
                          render_version_html(version, iran.url, total))
    written += write_text(directory / "sniffer-version.txt",
                          render_version_text(version, iran.url, total))

    sniffer_info = PageInfo(source=iran.source or "", url=iran.url or "", changes=total)
    for old, new in zip(iran.versions, iran.versions[1:]):
        stem = directory / "sniffer-diff" / f"iran-strikes-v{old.number}-v{new.number}"
        written += write_text(stem.with_suffix(".html"), render_diff_html(old, new, sniffer_info))
        written += write_text(stem.with_suffix(".txt"), render_diff_text(old, new, sniffer_info))
    return written


def main(write: Callable[[Path], list[Path]], description: str | None) -> None:
    """The command line of a sample script (`write_and_list`). A reader of stdout that has gone
    (`| head -1`) ends the script quietly with exit status 0, as it ends revdiff: the samples
    are all written before their paths are printed."""
    try:
        try:
            write_and_list(write, description)
        finally:
            if sys.stdout is not None:  # None when started without one (`>&-`)
                sys.stdout.flush()
    except BrokenPipeError:  # what Python still holds for stdout goes nowhere as it exits
        null_device = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null_device, sys.stdout.fileno())
        os.close(null_device)


def write_and_list(write: Callable[[Path], list[Path]], description: str | None) -> None:
    """Write the samples (under `--out DIR`, else in samples/) and print their paths; `--help`
    prints the script's `description` instead."""
    parser = argparse.ArgumentParser(description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="write the samples under DIR instead of samples/ "
                             "(to compare them with the committed ones)")
    given: Path | None = parser.parse_args().out
    named = visible(str(given))
    directory = given if given is not None else SAMPLES
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        parser.exit(2, f"{parser.prog}: error: --out {named}: a file, not a folder "
                       "(name a folder, new or existing)\n")
    except OSError as error:
        parser.exit(2, f"{parser.prog}: error: --out {named}: {error.strerror} "
                       "(name a folder you may write)\n")
    shown = given if given is not None else Path("samples")
    for sample in write(directory):
        print(visible(str(shown / sample.relative_to(directory))))


if __name__ == "__main__":
    main(write_samples, __doc__)
