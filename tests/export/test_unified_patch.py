"""The unified diff is a real patch: `patch` and `git apply` turn the old version into the new one.

The old and new versions are written one sentence per line; the diff of the two
must apply exactly (no offset, no fuzz) and give the new one, with moves, splits and merges among the edits.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revdiff.engine import compare
from revdiff.export.patch_text import article_unified_diff
from revdiff.export.unified import unified_diff
from revdiff.formats import load
from revdiff.model import Comparison, Sentence, Version

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "versions"

WORDS = ("troops", "missiles", "base", "officials", "said", "the", "attack", "embassy", "killed",
         "ministry", "statement", "wounded", "airport", "region", "road", "police", "army")


def sentence_lines(sentences: tuple[Sentence, ...]) -> str:
    """A version written one sentence per line, as the unified diff numbers it."""
    return "".join(sentence.text + "\n" for sentence in sentences)


def _patch_tool() -> str:
    tool = shutil.which("patch")
    if tool is None:
        pytest.skip("GNU patch is not installed")
    return tool


def _git_tool() -> str:
    tool = shutil.which("git")
    if tool is None:
        pytest.skip("git is not installed")
    return tool


def apply_with_patch(old: str, diff: str, folder: Path) -> str:
    (folder / "old.txt").write_text(old, encoding="utf-8")
    (folder / "change.diff").write_text(diff, encoding="utf-8")
    result = subprocess.run(
        [_patch_tool(), "--batch", "--fuzz=0", "-o", "result.txt", "old.txt", "change.diff"],
        cwd=folder, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr + diff
    assert "offset" not in result.stdout and "fuzz" not in result.stdout, result.stdout + diff
    return (folder / "result.txt").read_text(encoding="utf-8")


def apply_with_git(old: str, comparison: Comparison, folder: Path) -> str:
    (folder / "doc.txt").write_text(old, encoding="utf-8")
    diff = unified_diff(comparison, old_label="a/doc.txt", new_label="b/doc.txt")
    (folder / "change.diff").write_text(diff, encoding="utf-8")
    result = subprocess.run([_git_tool(), "apply", "--whitespace=nowarn", "change.diff"],
                            cwd=folder, capture_output=True, text=True, check=False,
                            env={"GIT_CONFIG_NOSYSTEM": "1", "HOME": str(folder),
                                 "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr + diff
    return (folder / "doc.txt").read_text(encoding="utf-8")


def check_round_trip(comparison: Comparison, folder: Path) -> None:
    old = sentence_lines(comparison.old_sentences)
    new = sentence_lines(comparison.new_sentences)
    diff = unified_diff(comparison)
    if old == new:
        assert diff == ""
        return
    patched = folder / "patch"
    patched.mkdir(parents=True)
    assert apply_with_patch(old, diff, patched) == new
    applied = folder / "git"
    applied.mkdir()
    assert apply_with_git(old, comparison, applied) == new


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=8))
    number = draw(st.integers(min_value=1, max_value=999))
    return f"{words[0].capitalize()} {' '.join(words[1:])} {number}."


@st.composite
def version_pairs(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """An old list of sentences and a new one made by moves, splits, merges and edits."""
    old = draw(st.lists(sentences(), min_size=1, max_size=12, unique=True))
    new = list(old)
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        kind = draw(st.sampled_from(("move", "split", "merge", "edit", "add", "delete")))
        if not new:
            new.append(draw(sentences()))
            continue
        k = draw(st.integers(min_value=0, max_value=len(new) - 1))
        if kind == "move":
            new.insert(draw(st.integers(min_value=0, max_value=len(new) - 1)), new.pop(k))
        elif kind == "split":
            words = new[k].rstrip(".").split()
            if len(words) >= 4:
                cut = len(words) // 2
                new[k:k + 1] = [" ".join(words[:cut]) + ".",
                                words[cut].capitalize() + " " + " ".join(words[cut + 1:]) + "."]
        elif kind == "merge" and k + 1 < len(new):
            new[k:k + 2] = [new[k].rstrip(".") + " and " + new[k + 1][0].lower() + new[k + 1][1:]]
        elif kind == "edit":
            new[k] = new[k].replace(" ", f" {draw(st.sampled_from(WORDS))} ", 1)
        elif kind == "add":
            new.insert(k, draw(sentences()))
        elif kind == "delete":
            del new[k]
    return old, new


def _version(number: int, sentence_list: list[str], per_paragraph: int) -> Version:
    paragraphs = tuple(" ".join(sentence_list[k:k + per_paragraph])
                       for k in range(0, len(sentence_list), per_paragraph))
    return Version(number, f"v{number}", paragraphs)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=version_pairs(), per_paragraph=st.integers(min_value=1, max_value=3))
def test_generated_pairs_apply_with_patch_and_git(pair: tuple[list[str], list[str]],
                                                  per_paragraph: int,
                                                  tmp_path_factory: pytest.TempPathFactory) -> None:
    old, new = pair
    comparison = compare(_version(0, old, per_paragraph), _version(1, new, per_paragraph))
    check_round_trip(comparison, tmp_path_factory.mktemp("pair"))


def test_a_moved_sentence_is_removed_at_its_old_place_and_added_at_its_new(tmp_path: Path
                                                                          ) -> None:
    old = ["Alpha troops said 1.", "Beta base killed 2.", "Gamma road wounded 3.",
           "Delta army police 4.", "Epsilon airport region 5."]
    new = [old[1], old[2], old[3], old[4], old[0]]
    comparison = compare(_version(0, old, 1), _version(1, new, 1))
    diff = unified_diff(comparison, context=1)
    assert "-Alpha troops said 1." in diff and "+Alpha troops said 1." in diff
    assert diff.index("-Alpha") < diff.index("+Alpha")
    check_round_trip(comparison, tmp_path)


def test_every_sample_pair_applies(tmp_path: Path) -> None:
    """`revdiff diff --format unified` on the sample chains: each pair's hunks apply exactly."""
    for folder in sorted(SAMPLES.iterdir()):
        for article in load([str(folder)]):
            for old, new in zip(article.versions, article.versions[1:]):
                comparison = compare(old, new)
                check_round_trip(comparison, tmp_path / f"{folder.name}-{new.number}")


def test_cli_unified_output_applies(tmp_path: Path) -> None:
    """As a user runs it: `revdiff diff --format unified`, then `patch` on the old version."""
    folder = SAMPLES / "iran-strikes-us-troops-in-iraq"
    result = subprocess.run([sys.executable, "-m", "revdiff", "diff", str(folder / "2.txt"),
                             str(folder / "3.txt"), "--format", "unified"],
                            capture_output=True, text=True, check=True)
    [article] = load([str(folder / "2.txt"), str(folder / "3.txt")])
    comparison = compare(*article.versions)
    old = sentence_lines(comparison.old_sentences)
    assert apply_with_patch(old, result.stdout, tmp_path) == sentence_lines(
        comparison.new_sentences)


def test_a_time_written_on_two_lines_keeps_each_header_one_line(tmp_path: Path) -> None:
    """A version's time as a page or a NewsEdits `created` said it, holding a line break, broke
    the `---` header in two, and `patch` found no patch to apply."""
    old = Version(0, "t", ("The troops arrived. They left.",), time_text="about 1 hour\nearlier")
    new = Version(1, "t", ("The troops arrived. They stayed.",), time_text="2 hours\u2028later")
    comparison = compare(old, new)
    diff = article_unified_diff("story", comparison)
    assert diff.splitlines()[1:3] == ["--- a/story\tversion 0 (about 1 hour earlier)",
                                     "+++ b/story\tversion 1 (2 hours later)"]
    assert apply_with_patch(sentence_lines(comparison.old_sentences), diff, tmp_path) == \
        sentence_lines(comparison.new_sentences)


def test_a_relative_time_written_on_two_lines_is_shown_only_beside_its_version(
        tmp_path: Path) -> None:
    """A time told from the version before, written across two lines ("about 1 hour\nlater"),
    was not read as told from another version, and the header of `v0 -> v2` showed version 2's
    time counted from version 1, which the pair does not hold."""
    old = Version(0, "t", ("The troops arrived. They left.",), time_text="2020-01-03 10:00")
    new = Version(2, "t", ("The troops arrived. They stayed.",), time_text="about 1 hour\nlater")
    diff = article_unified_diff("story", compare(old, new))
    assert diff.splitlines()[1:3] == ["--- a/story\tversion 0 (2020-01-03 10:00)",
                                     "+++ b/story\tversion 2"]


@pytest.mark.parametrize("name", ["../../x", "/abs/path", "a/../../b", "C:\\Windows\\x", "-"])
def test_a_header_names_a_file_inside_the_folder_the_patch_is_applied_in(name: str,
                                                                         tmp_path: Path) -> None:
    """The article's name was the header's file name as it is: `../../x` or `/abs/path` was the
    file `patch -p0` or `git apply` would change. The headers name `a/` and `b/` and the
    article's slug, which `git apply` (`-p1`) and `patch -p1` apply to in the folder they run in."""
    comparison = compare(Version(0, "t", ("The troops arrived. They left.",)),
                         Version(1, "t", ("The troops arrived. They stayed.",)))
    diff = article_unified_diff(name, comparison)
    old_header, new_header = diff.splitlines()[1:3]
    old_file, new_file = old_header[4:].split("\t")[0], new_header[4:].split("\t")[0]
    assert old_file.startswith("a/") and new_file == "b/" + old_file[2:]
    target = old_file[2:]
    assert "/" not in target and "\\" not in target and target not in ("", ".", "..")
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / target).write_text(sentence_lines(comparison.old_sentences), encoding="utf-8")
    (tmp_path / "change.diff").write_text(diff, encoding="utf-8")
    result = subprocess.run([_git_tool(), "apply", "--check", "../change.diff"], cwd=folder,
                            capture_output=True, text=True, check=False,
                            env={"GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path),
                                 "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr + diff
    result = subprocess.run([_patch_tool(), "--batch", "--fuzz=0", "-p1", "-i", "../change.diff"],
                            cwd=folder, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr + diff
    assert (folder / target).read_text(encoding="utf-8") == \
        sentence_lines(comparison.new_sentences)
    assert sorted(path.name for path in tmp_path.rglob("*")) == sorted(["work", target,
                                                                        "change.diff"])


def _applies_in(folder: Path, diff: str) -> None:
    """`git apply --check` and `patch -p1 --dry-run` accept `diff` in `folder`."""
    (folder.parent / "change.diff").write_text(diff, encoding="utf-8")
    result = subprocess.run([_git_tool(), "apply", "--check", "../change.diff"], cwd=folder,
                            capture_output=True, text=True, check=False,
                            env={"GIT_CONFIG_NOSYSTEM": "1", "HOME": str(folder.parent),
                                 "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr + diff
    result = subprocess.run([_patch_tool(), "--batch", "--fuzz=0", "-p1", "--dry-run", "-i",
                             "../change.diff"], cwd=folder, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr + diff


def test_a_line_before_the_headers_names_the_article_and_its_versions(tmp_path: Path) -> None:
    """The headers name the article's slug (`a/example-org-troops`): its URL, which says which
    article it is, was in no line of the patch. A line before them names it, one line with its
    control characters shown as symbols, which `git apply` and `patch` pass over."""
    comparison = compare(Version(3, "t", ("The troops arrived. They left.",)),
                         Version(4, "t", ("The troops arrived. They stayed.",)))
    diff = article_unified_diff("https://example.org/troops?\x1b]0;owned\x07\nx", comparison)
    assert diff.splitlines()[:3] == [
        "article https://example.org/troops?␛]0;owned␇ x: version 3 -> 4",
        "--- a/example-org-troops-0-owned-x\tversion 3",
        "+++ b/example-org-troops-0-owned-x\tversion 4"]
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "example-org-troops-0-owned-x").write_text(
        sentence_lines(comparison.old_sentences), encoding="utf-8")
    _applies_in(folder, diff)
