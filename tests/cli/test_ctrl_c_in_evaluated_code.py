"""A Ctrl-C that comes as code evaluated from a string runs (a dataclass's methods are made so, as
a module that defines one is imported, and most of revdiff's modules are imported only when a run
first needs them) ends `python -m revdiff` as any other does: its one line, exit status 130.

CPython marks a KeyboardInterrupt that escapes such code as one that escaped the whole program, and
ends a `python -m` run it marked by SIGINT once the run is over, whatever status the run chose: a
run stopped so said `interrupted`, then died by SIGINT (a Python parent saw -2, a shell 130). A
Ctrl-C sent from outside lands there about once in hundreds; the child here lands it there each
time, sent from code evaluated from a string as the run first imports a module of its choice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from newsedits_files import NEWSEDITS_TABLE, make_database

# A module to run with `python -m`, as `python -m revdiff` runs: `revdiff ARGS...` with a Ctrl-C
# sent, from code evaluated from a string, as the run first imports the module MODULE (its import
# event comes as the import starts).
CTRL_C_AS_IMPORTED = """
import runpy, sys
module = sys.argv.pop(1)
sent = []
def ctrl_c_as_imported(event, args):
    if event == "import" and args[0] == module and not sent:
        sent.append(module)
        exec("import os, signal; os.kill(os.getpid(), signal.SIGINT)")
sys.addaudithook(ctrl_c_as_imported)
sys.argv[0] = "revdiff"
runpy.run_module("revdiff", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize(("args", "module", "said"), [
    (["export", "NEWS", "-o", "out.jsonl"], "revdiff.engine.sentences",
     "revdiff: error: out.jsonl: interrupted; no article was finished, so nothing is kept"),
    (["export", "NEWS", "-o", "out.jsonl"], "revdiff.export.driver", "revdiff: interrupted"),
    (["parse", "NEWS"], "revdiff.formats.newsedits", "revdiff: interrupted"),
    (["diff", "NEWS"], "revdiff.engine.align", "revdiff: interrupted"),
    (["store", "NEWS", "--repo", "repo"], "revdiff.formats.entry_articles",
     "revdiff: error: repo: interrupted; nothing was stored"),
])
def test_a_ctrl_c_in_code_evaluated_from_a_string_exits_130(
        args: list[str], module: str, said: str, tmp_path: Path) -> None:
    news = make_database(tmp_path / "news.sqlite", NEWSEDITS_TABLE, [
        (None, entry, version, f"Story {entry}", f"https://example.com/{entry}", "example",
         f"Thu, 10 Jan 2019 2{version}:31:03 +0000", 2,
         f"<p>Talks resume in week {version + 1}.</p><p>Strikes go on.</p>")
        for entry in range(3) for version in range(2)])
    (tmp_path / "ctrl_c_as_imported.py").write_text(CTRL_C_AS_IMPORTED, encoding="utf-8")
    run = tmp_path / "run"
    run.mkdir()
    child = subprocess.run(
        [sys.executable, "-m", "ctrl_c_as_imported", module,
         *(str(news) if arg == "NEWS" else arg for arg in args)],
        cwd=run, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ["PYTHONPATH"]])})
    assert child.stderr.splitlines()[:1] == [child.stderr.rstrip("\n")], child.stderr  # one line
    assert child.stderr.startswith(said), child.stderr
    assert child.returncode == 130, child.stderr
    if args[0] == "export":  # nothing of it is left: no output, no staging folder
        assert list(run.iterdir()) == []
