"""Fuzzing the git reader: hostile histories, dates, trailers and config.

Repositories are written object by object (zlib-compressed loose objects), so commits can hold
what git's own commands refuse to write: author dates far past the year 9999 or negative, time
zones like `+9999`, signatures, malformed `Revdiff-*` trailers, NULs and invalid UTF-8 in
messages. Each repository's config also names a marker script under a random choice of the keys
that make git run programs; the oracle (`read_and_compare`: success or one `RevdiffError` line,
within the time limit) is checked, and the script must never have run.

Every failure the fuzzing found is kept as an explicit case below.
"""

from __future__ import annotations

import hashlib
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from fuzz_support import fresh_folder, fuzz_settings, read_and_compare, sample_bytes
from hostile_git import marker_script
from hypothesis import given
from hypothesis import strategies as st

from revdiff.formats import git_layout


@dataclass(frozen=True)
class RawCommit:
    path: bytes
    content: bytes
    message: bytes
    author_date: bytes  # `<seconds> <offset>` as stored; anything at all
    signed: bool = False


def write_object(git_dir: Path, kind: str, body: bytes, object_format: str) -> bytes:
    """Store one loose object; its binary id."""
    data = f"{kind} {len(body)}".encode() + b"\0" + body
    object_id = hashlib.new(object_format, data).digest()
    name = object_id.hex()
    folder = git_dir / "objects" / name[:2]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name[2:]).write_bytes(zlib.compress(data))
    return object_id


def write_history(repo: Path, commits: list[RawCommit], object_format: str = "sha1",
                  config: str = "") -> None:
    """A repository on branch main whose commits each set one file (one tree entry)."""
    subprocess.run(["git", "init", "-q", "-b", "main", f"--object-format={object_format}",
                    str(repo)], check=True, capture_output=True)
    git_dir = repo / ".git"
    parent: bytes | None = None
    for commit in commits:
        blob = write_object(git_dir, "blob", commit.content, object_format)
        tree = write_object(git_dir, "tree", b"100644 " + commit.path + b"\0" + blob,
                            object_format)
        lines = [b"tree " + tree.hex().encode()]
        if parent is not None:
            lines.append(b"parent " + parent.hex().encode())
        lines.append(b"author F <f@example.org> " + commit.author_date)
        lines.append(b"committer F <f@example.org> 1600000000 +0000")
        if commit.signed:
            lines.append(b"gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEz\n"
                         b" -----END PGP SIGNATURE-----")
        parent = write_object(git_dir, "commit", b"\n".join(lines) + b"\n\n" + commit.message,
                              object_format)
    assert parent is not None
    (git_dir / "refs" / "heads" / "main").write_text(parent.hex() + "\n")
    with open(git_dir / "config", "a", encoding="utf-8") as handle:
        handle.write(config)


# -- hostile config --------------------------------------------------------------------------

def hostile_config(keys: list[str], script: Path, folder: Path) -> str:
    """Config text naming `script` under each of `keys` (and what makes git use it)."""
    sections = {
        "gpg": f"[log]\n\tshowSignature = true\n[gpg]\n\tprogram = {script}\n",
        "fsmonitor": f"[core]\n\tfsmonitor = {script}\n",
        "pager": f"[core]\n\tpager = {script}\n[pager]\n\tlog = true\n",
        "external": f"[diff]\n\texternal = {script}\n",
        "textconv": f'[diff "evil"]\n\ttextconv = {script}\n',
        "filter": f'[filter "evil"]\n\tsmudge = {script}\n\tclean = {script}\n'
                  f"\tprocess = {script}\n\trequired = true\n",
        "ssh": f"[core]\n\tsshCommand = {script}\n",
        "hooks": f"[core]\n\thooksPath = {folder}\n",
        "alternates": f"[core]\n\talternateRefsCommand = {script}\n",
    }
    text = "".join(sections[key] for key in keys if key in sections)
    if "include" in keys:
        included = folder / "included.config"
        included.write_text(sections["gpg"])
        text += f"[include]\n\tpath = {included}\n"
    return text


CONFIG_KEYS = ["gpg", "fsmonitor", "pager", "external", "textconv", "filter", "ssh", "hooks",
               "alternates", "include"]


# -- strategies ------------------------------------------------------------------------------

# every trailer the reader reads, from its own names, so that a new one is fuzzed too
TRAILER_KEYS = sorted(value for name, value in vars(git_layout).items()
                      if name.startswith("TRAILER_"))
ODD_VALUES = ["", "x", "-1", "1e3", "99999999999999999999", "1" * 5000, "{", "[1]", '"\\ud800"',
              "true", '["a warning"]',
              '{"a": [1, {"b": null}]}', "[" * 3000, "json-lines", "utf-16", "2020-13-45",
              "9999-12-31T23:59:59+23:59", "\\u0000", '"unterminated']

paths = st.one_of(
    st.sampled_from([b"a.txt", b".gitattributes", b"www.nytimes.com", b"we\"ird\tname",
                     b"\xff\xfe.txt",
                     b"-rf", b":colon", b"\xc3\xa9t\xc3\xa9.txt"]),
    st.binary(min_size=1, max_size=20).filter(
        lambda p: b"/" not in p and b"\0" not in p and p not in (b".", b"..", b".git")))

dates = st.one_of(
    st.sampled_from([b"99999999999999 +0000", b"1600000000 +9999", b"1600000000 -9959",
                     b"-5 +0000", b"0 +0000", b"253402300799 +2359", b"253402300799 -2359",
                     b"18446744073709551617 +0000", b"abc +0000", b"1600000000", b"",
                     b"1600000000 +00", b"-9223372036854775808 +0000"]),
    st.builds(lambda s, sign, h, m: b"%d %s%02d%02d" % (s, sign, h, m),
              st.integers(-(2 ** 63), 2 ** 64), st.sampled_from([b"+", b"-"]),
              st.integers(0, 99), st.integers(0, 99)))


@st.composite
def messages(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["random", "trailers", "newsdiffs"]))
    if kind == "random":
        return draw(st.binary(max_size=200))
    if kind == "newsdiffs":
        return draw(st.sampled_from([b"Adding file a.txt", b"Change to a.txt", b"Change to "]))
    lines = [f"{key}: {draw(st.one_of(st.sampled_from(ODD_VALUES), st.text(max_size=30)))}"
             for key in draw(st.lists(st.sampled_from(TRAILER_KEYS), max_size=6))]
    if draw(st.booleans()):
        lines.append("Revdiff-Version: " + draw(st.sampled_from(["1", "2", "x", "-3", ""])))
    body = "Version 1: T\n\n" + "\n".join(lines) + "\n"
    return body.encode("utf-8", "surrogatepass")


contents = st.one_of(st.binary(max_size=300), st.sampled_from([
    b"T\n\nP\n", b'"T"\n"P"\n', b"T", b"\x00\x01", b"\xff\xfe\xfd", b"* diff=evil filter=evil\n",
    b"January 7, 2014\nTitle\nBy X\n\nBody.\n", sample_bytes("sniffer-version.txt")]))

commits = st.lists(st.builds(RawCommit, paths, contents, messages(), dates, st.booleans()),
                   min_size=1, max_size=4)


def check_repository(commits_: list[RawCommit], object_format: str, keys: list[str]) -> None:
    folder = fresh_folder("git-")
    script, marker = marker_script(folder, "program")
    write_history(folder / "repo", commits_, object_format,
                  hostile_config(keys, script, folder))
    # Attributes that send every file through the textconv and filter drivers above.
    (folder / "repo" / ".git" / "info" / "attributes").write_text("* diff=evil filter=evil\n")
    read_and_compare([folder / "repo"])
    assert not marker.exists(), f"reading ran a program the repository names: {keys}"


@fuzz_settings(25)
@given(commits, st.sampled_from(["sha1", "sha256"]),
       st.lists(st.sampled_from(CONFIG_KEYS), unique=True))
def test_git_repository_with_hostile_commits_and_config(history: list[RawCommit],
                                                       object_format: str,
                                                       keys: list[str]) -> None:
    check_repository(history, object_format, keys)


# -- failures the fuzzing found, kept as explicit cases --------------------------------------
# (found against the reader before it read through a sanitized clone; each was a traceback or
# a program run)

FOUND = [
    pytest.param([RawCommit(b"a.txt", b"", b"", b"1600000000 +0000", signed=True)], "sha1",
                 ["gpg"], id="signed commit ran gpg.program"),
    pytest.param([RawCommit(b"a.txt", b"", b"", b"253402300799 +2359")], "sha1", [],
                 id="last second of 9999 UTC, in +2359: OverflowError"),
    pytest.param([RawCommit(b"a.txt", b"", b"", b"0 +0000")], "sha256", [],
                 id="SHA-256 repository: GitPython could not read its objects"),
    pytest.param([RawCommit(b"a.txt", b"", b"", b"99999999999999 +0000")], "sha1", [],
                 id="year 3170843: ValueError"),
]


@pytest.mark.parametrize(("history", "object_format", "keys"), FOUND)
def test_found_cases(history: list[RawCommit], object_format: str, keys: list[str]) -> None:
    check_repository(history, object_format, keys)
