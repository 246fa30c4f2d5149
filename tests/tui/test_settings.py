"""The settings file: keys, layout, sentence mode, colours and the export folder, from the
platform's config directory; a bad file is refused with one line."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from rich.style import Style
from textual.widgets import Static
from tui_helpers import CHAIN, diff_lines, run_async

from revdiff.model import Article, Version
from revdiff.tui.app import RevdiffApp
from revdiff.tui.diff_view import DiffView
from revdiff.tui.help_screen import HelpScreen
from revdiff.tui.layout import LayoutMode
from revdiff.tui.pair_header import PairHeader
from revdiff.tui.settings import ConfigError, Settings, config_path, load_settings

GOOD = """
[view]
layout = "side"
sentences = "lines"
export_directory = "~/diffs"

[keys]
next_change = "N"
help = "?,f1"

[colours]
old_word = "bold white on dark_red"
"""


def write_config(base: Path, text: str) -> Path:
    path = base / "revdiff" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_lives_in_the_platform_config_directory(tmp_path: Path) -> None:
    assert config_path({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "revdiff" / "config.toml"
    assert config_path({"REVDIFF_CONFIG": str(tmp_path / "x.toml")}) == tmp_path / "x.toml"


def test_a_relative_xdg_config_home_is_ignored() -> None:
    """A relative $XDG_CONFIG_HOME, which the XDG spec says to ignore, read the settings of the
    working directory's `revdiff/config.toml` (a folder cloned from anyone): ~/.config holds."""
    assert config_path({"XDG_CONFIG_HOME": "conf"}) == Path.home() / ".config" / "revdiff" / "config.toml"


def test_no_file_means_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert load_settings() == Settings()


def test_a_file_that_revdiff_config_names_must_exist(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A mistyped $REVDIFF_CONFIG gave the defaults without a word, the user's settings unread."""
    missing = tmp_path / "confg.toml"
    monkeypatch.setenv("REVDIFF_CONFIG", str(missing))
    with pytest.raises(ConfigError) as raised:
        load_settings()
    assert str(raised.value).startswith(f"{missing}: the settings file REVDIFF_CONFIG names does "
                                        f"not exist")


def test_a_good_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    write_config(tmp_path, GOOD)
    settings = load_settings()
    assert settings.layout == "side" and settings.sentences == "lines"
    assert settings.export_directory == tmp_path / "diffs"
    assert settings.keys == {"next_change": "N", "help": "question_mark,f1"}
    assert settings.colours == {"old_word": "bold white on dark_red"}


@pytest.mark.parametrize(("text", "expected"), [
    ("[view\nlayout = 1", "not valid TOML"),
    ('[view]\nlayout = "wide"', 'view.layout must be "auto" or "side" or "unified"'),
    ('[view]\ncolour = "red"', "unknown setting view.colour"),
    ('[keys]\njump = "z"', "unknown setting keys.jump"),
    ('[keys]\nnext_change = "x"', "key 'x' is bound to both next_change and toggle_hide_boring"),
    ('[keys]\nnext_change = "n,n"', "keys.next_change gives the key 'n' twice"),
    ('[keys]\nnext_change = ","', "keys.next_change must name keys"),
    # the space bar written as it is was told only how to write the comma key
    ('[keys]\npage_down = "pagedown"\nnext_change = " "', 'the space key "space"'),
    ('[colours]\nold = "blinky purple"', "colours.old"),
    ('[colours]\nbackground = "red"', "unknown setting colours.background"),
    pytest.param("x = " + "[" * 100_000 + "]" * 100_000, "nested deeper than Python reads",
                 id="arrays nested deep"),  # was a RecursionError traceback
    pytest.param("x = " + "{a = " * 5000 + "1" + "}" * 5000, "nested deeper than Python reads",
                 id="inline tables nested deep"),
    pytest.param("[view]\n" + "a." * 4000 + "b = 1", "line 2: a key of more than 16 dotted parts",
                 id="key of 4,001 dotted parts"),
    ('[view]\n"a\\nb" = 1', r"unknown setting view.'a\nb'"),  # was two lines
    ('"\\u001b[2J" = 1', r"unknown section '\x1b[2J'"),
    # was `unknown setting file.keymap`, as if of a table [file]
    ('[keymap]\nnext_change = "N"', "unknown section keymap"),
    ('[view]\nexport_directory = "~/notes\\u001b]0;pwned\\u0007"',
     r"view.export_directory '~/notes\x1b]0;pwned\x07' holds a control character"),
    ('[view]\nexport_directory = "~no-such-user-here/notes"',  # was a RuntimeError traceback
     "view.export_directory: cannot tell which home folder ~no-such-user-here is"),
    # the dialog offered `notes/x.txt` and wrote to `notes/notes/x.txt`, a folder never there
    ('[view]\nexport_directory = "notes"', "view.export_directory 'notes' is no full path"),
])
def test_a_bad_file_is_refused_with_what_and_where(tmp_path: Path, text: str, expected: str) -> None:
    path = write_config(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        load_settings(path)
    assert str(raised.value).startswith(f"{path}: ") and expected in str(raised.value)


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1"])
def test_a_file_not_in_utf_8_is_refused_saying_to_save_it_so(tmp_path: Path,
                                                            encoding: str) -> None:
    """It was refused with Python's codec error, `cannot read the settings: 'utf-8' codec can't
    decode byte 0xff in position 0: invalid start byte`, and `fix or remove the file`."""
    path = tmp_path / "config.toml"
    path.write_bytes('[view]\nlayout = "side" # café\n'.encode(encoding))
    with pytest.raises(ConfigError) as raised:
        load_settings(path)
    assert raised.value.message.startswith("the settings file is not UTF-8 text (byte 0x")
    assert "codec" not in raised.value.message
    assert raised.value.hint == "save it as UTF-8, as TOML files are"


def test_a_file_that_cannot_be_read_is_refused_in_words_not_python_s(tmp_path: Path) -> None:
    """A loop of symbolic links was refused as `cannot read the settings: [Errno 40] Too many
    levels of symbolic links: '...'`, the path said twice and Python's error number in it."""
    loop = tmp_path / "config.toml"
    loop.symlink_to(tmp_path / "other.toml")
    (tmp_path / "other.toml").symlink_to(loop)
    with pytest.raises(ConfigError) as raised:
        load_settings(loop)
    assert str(raised.value) == (f"{loop}: cannot read the settings file "
                                 f"({os.strerror(errno.ELOOP)}) (fix or remove the file)")


def test_a_key_of_many_dotted_parts_is_refused_before_it_takes_memory(tmp_path: Path) -> None:
    """tomllib keeps every leading run of a dotted key's parts: 4,000 parts took 64 MB, the
    100,000 of a 200 kB file some 40 GB."""
    path = write_config(tmp_path, "a." * 4000 + "b = 1")
    tracemalloc.start()
    try:
        with pytest.raises(ConfigError, match="dotted parts"):
            load_settings(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20


def test_a_dotted_value_is_no_dotted_key(tmp_path: Path) -> None:
    folder = "~/" + ".".join("abcdefghijklmnopqrst")
    path = write_config(tmp_path, f'[view]\nexport_directory = "{folder}"')
    assert load_settings(path).export_directory == Path(folder).expanduser()


def test_the_command_refuses_a_bad_file_in_one_line(tmp_path: Path) -> None:
    write_config(tmp_path, '[view]\nlayout = "wide"\n')
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "revdiff", "view", str(CHAIN)], env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "config.toml" in line and "view.layout" in line and "Traceback" not in result.stderr


def test_the_command_refuses_a_revdiff_config_in_a_home_folder_it_cannot_find() -> None:
    """`REVDIFF_CONFIG='~nouser/config.toml'` ended with a RuntimeError traceback."""
    env = {**os.environ, "REVDIFF_CONFIG": "~no-such-user-here/config.toml"}
    result = subprocess.run([sys.executable, "-m", "revdiff", "view", str(CHAIN)], env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == ("revdiff: error: REVDIFF_CONFIG: cannot tell which home folder "
                             "~no-such-user-here is (write the folder in full)\n")


def test_the_sentence_mode_of_the_file_reaches_the_text_output(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "revdiff", "view", str(CHAIN)]
    default = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    write_config(tmp_path, '[view]\nsentences = "lines"\n')
    lines = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    assert default != lines and "version 0 -> 1" in lines


@run_async
async def test_the_app_uses_the_layout_and_colours_of_the_settings(chain_article: Article) -> None:
    settings = Settings(layout="side", colours={"rule": "bold magenta"})
    app = RevdiffApp(chain_article, settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.mode is LayoutMode.SIDE_BY_SIDE  # at 80 columns the default would be unified
        assert any("│" in line for line in diff_lines(app))
        styles = app.query_one(DiffView)._combined_styles()
        assert styles["rule"].color is not None and styles["rule"].color.name == "magenta"


@run_async
async def test_the_title_and_the_help_legend_take_the_colours_of_the_settings() -> None:
    """The header's changed title words and the help's markers kept the default red and green
    whatever `[colours]` gave the diff's."""
    article = Article(None, None, (Version(0, "Troops sent", ("One.",)),
                                   Version(1, "Troops deployed", ("Two.",))))
    settings = Settings(colours={"old_word": "white on blue", "new_word": "black on yellow",
                                 "old_marker": "bold cyan"})
    app = RevdiffApp(article, settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        title = app.query_one(PairHeader).content.split()[1]
        assert {title.plain[span.start:span.end]: span.style.bgcolor.name for span in title.spans
                if isinstance(span.style, Style) and span.style.bgcolor is not None} \
            == {"sent": "blue", "deployed": "yellow"}
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        legend = app.screen.query(Static).last().content
        marks = {str(mark): mark.style for mark in legend.columns[0].cells if str(mark)}
        assert marks["-"].color.name == "cyan"


def test_the_settings_guide_names_every_colour_and_shows_a_file_that_is_read(
        tmp_path: Path) -> None:
    from revdiff.tui.styles import ROW_STYLES

    guide = (Path(__file__).resolve().parents[2] / "docs" / "TUI.md").read_text(encoding="utf-8")
    section = guide.split("\n## Settings\n", 1)[1].split("The keys, generated", 1)[0]
    assert all(f"`{name}`" in section for name in ROW_STYLES)
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    path = write_config(tmp_path, example)
    settings = load_settings(path)
    assert settings.layout == "unified" and settings.keys["next_change"] == "n,ctrl+n"


@pytest.mark.parametrize(("text", "expected"), [
    ('[keys]\nhelp = "question_mark,F1"', """keys.help: 'F1' is no key (write "f1")"""),
    ('[keys]\nnext_change = "Ctrl+N"', """keys.next_change: 'Ctrl+N' is no key (write "ctrl+n")"""),
    ('[keys]\nnext_change = "shift+ctrl+down"',
     """keys.next_change: 'shift+ctrl+down' is no key (write "ctrl+shift+down")"""),
    ('[keys]\npage_down = "PgDn"', """keys.page_down: 'PgDn' is no key (write "pagedown")"""),
    ('[keys]\nsearch = "ctrl+/"', """keys.search: 'ctrl+/' is no key (write "ctrl+slash")"""),
    ('[keys]\nnext_change = "ctrl+nope"', "keys.next_change: 'ctrl+nope' is no key (write a character"),
    ('[keys]\nnext_change = "control+n"', "keys.next_change: 'control+n' is no key (write a character"),
    ('[keys]\nquit = "\\u001b[q"', r"keys.quit: '\x1b[q' is no key (write a character"),
])
def test_a_key_textual_never_reports_is_refused_with_what_to_write(tmp_path: Path, text: str,
                                                                   expected: str) -> None:
    path = write_config(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        load_settings(path)
    assert str(raised.value).startswith(f"{path}: {expected}")


def test_keys_textual_reports_are_taken(tmp_path: Path) -> None:
    path = write_config(tmp_path, '[keys]\nnext_change = "n,ctrl+n,f5,ctrl+shift+down"\n'
                                  'search = "/,ctrl+slash"\nquit = "Q,§,esc"\nhelp = "?,alt+h"\n')
    with pytest.raises(ConfigError, match=r"keys.quit: 'esc' is no key \(write \"escape\"\)"):
        load_settings(path)
    path.write_text(path.read_text(encoding="utf-8").replace("esc", "escape"), encoding="utf-8")
    assert load_settings(path).keys == {"next_change": "n,ctrl+n,f5,ctrl+shift+down",
                                        "search": "slash,ctrl+slash", "quit": "Q,section_sign,escape",
                                        "help": "question_mark,alt+h"}


def test_the_command_refuses_a_key_textual_never_reports_in_one_line(tmp_path: Path) -> None:
    write_config(tmp_path, '[keys]\nnext_change = "ctrl+nope"\n')
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "revdiff", "view", str(CHAIN)], env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "config.toml: keys.next_change: 'ctrl+nope' is no key" in line


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_a_settings_file_that_is_no_regular_file_is_refused_not_read_forever(
        kind: str, tmp_path: Path) -> None:
    """REVDIFF_CONFIG naming a FIFO waited forever; /dev/zero was read until memory ran out."""
    if kind == "fifo":
        config = tmp_path / "config.toml"
        os.mkfifo(config)
    else:
        config = Path(kind)
    for number, text in enumerate(("One sentence here.\n", "One sentence there.\n")):
        (tmp_path / f"{number}.txt").write_text(text)
    try:
        result = subprocess.run([sys.executable, "-m", "revdiff", "view", str(tmp_path / "0.txt"),
                                 str(tmp_path / "1.txt"), "--plain"], capture_output=True,
                                text=True, timeout=20, check=False,
                                env={**os.environ, "REVDIFF_CONFIG": str(config)})
    except subprocess.TimeoutExpired:
        pytest.fail(f"revdiff kept reading the settings file {kind}")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "not a regular file" in result.stderr


def test_a_settings_file_that_is_a_device_or_a_socket_is_refused_saying_which(
        tmp_path: Path) -> None:
    """Both were refused as "not a regular file (a FIFO, a device or a folder)", a list that
    left out sockets, as the line did not say which one the file was."""
    import socket

    listening = tmp_path / "config.toml"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(listening))
        for path, kind in ((Path("/dev/zero"), "a device"), (listening, "a socket")):
            with pytest.raises(ConfigError) as refused:
                load_settings(path)
            assert str(refused.value) == (f"{path}: the settings file is {kind}, not a regular "
                                          "file (name a TOML file with REVDIFF_CONFIG, or "
                                          "remove it)")


def test_a_settings_file_named_as_dev_null_is_the_defaults() -> None:
    """REVDIFF_CONFIG=/dev/null, the usual way to ask for no settings file, read as an empty
    one before devices were refused: it still gives the defaults."""
    assert load_settings(Path(os.devnull)) == Settings()


@run_async
async def test_a_punctuation_key_of_the_keymap_shows_as_its_character_in_the_help_and_hints(
        tmp_path: Path) -> None:
    """`help = "!"` showed `! help` in the footer (Textual's display) but `exclamation_mark` in
    the help and the hints, and `next_change = "-"` `minus`: they show the character too."""
    settings = load_settings(write_config(tmp_path, '[keys]\nhelp = "!"\nnext_change = "-"\n'))
    article = Article(None, None, (Version(0, "Troops sent", ("One.",)),
                                   Version(1, "Troops deployed", ("Two.",))))
    app = RevdiffApp(article, settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.key_of["next_change"] == "-"
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, HelpScreen)
        keys, descriptions = (map(str, column.cells)
                              for column in app.screen.query(Static)[1].content.columns)
        keys_of = {description: keys for keys, description in zip(keys, descriptions)}
        assert keys_of["Next change"] == "-"
        assert keys_of["This help"] == "!"


def test_a_config_folder_that_is_a_file_means_no_file_there(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """$XDG_CONFIG_HOME naming a file holds no settings file, so the defaults hold, as they do
    without the file; it was refused as `cannot read the settings file (Not a directory) (fix or
    remove the file)`, of a file that is not there."""
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.delenv("REVDIFF_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(not_a_folder))
    assert load_settings() == Settings()


def test_a_revdiff_config_under_a_file_is_said_not_to_exist(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A $REVDIFF_CONFIG whose folder is a file names no file: said as a missing file is, not
    as one to `fix or remove`."""
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("", encoding="utf-8")
    missing = not_a_folder / "config.toml"
    monkeypatch.setenv("REVDIFF_CONFIG", str(missing))
    with pytest.raises(ConfigError) as raised:
        load_settings()
    assert str(raised.value).startswith(f"{missing}: the settings file REVDIFF_CONFIG names does "
                                        f"not exist")
