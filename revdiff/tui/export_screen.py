"""`e`: choose a format and a file name, then the app writes the comparison there."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from revdiff.errors import os_reason
from revdiff.export.atomic_write import check_room_for_temporary
from revdiff.export.output_guard import OutputProblem, check_targets
from revdiff.model import Comparison
from revdiff.terminal_text import visible
from revdiff.tui.dialog import Dialog
from revdiff.tui.exporting import ExportFormat, default_filename, middle_cut, path_end
from revdiff.tui.plain_text_input import PlainTextInput
from revdiff.tui.wrapping import text_width, wrap_ranges

ExportChoice = tuple[ExportFormat, Path]
# The terminal rows from which the dialog keeps the borders of its list and its name field: with
# them it takes 14 rows and more (15 at 44 columns, its hint 3 rows; one more with a problem said).
ROOMY_HEIGHT = 18


class ExportScreen(Dialog[ExportChoice | None]):
    """Writes the comparison with `write`, then dismisses with the chosen format and path, or None.

    Enter writes at once: on a format, to the file name shown; in the file name (Tab goes there, the
    cursor before the suffix, so that typing keeps it), to the name typed; a write that fails (a
    full disk, a folder kept from writing) is told here, the name kept to change. Another format
    gives a typed name that ends in the last one's suffix its own, and a name typed with another
    format's suffix (`x.json`) picks that format, the highlight and the hint following it; an
    unknown suffix keeps the highlighted format. A missing folder is refused (nothing is created;
    `notes/` and `notes/.` name a folder; a missing export folder is told as the dialog opens, with
    the settings file that named it, and while the name typed is in it), and so is what `revdiff
    export -o` refuses (a device, a FIFO, a read-only file, an input), and a name with no room
    beside it for the temporary file it is written through; an existing file is only replaced after
    a second Enter. The file is written on a thread of its own (a pair of 6,000 paragraphs took
    0.24 s as JSON on the app's loop, and a pair ten times as long, seconds): the dialog says
    `Writing …` meanwhile, and only Ctrl+C and Ctrl+Q answer, since the write cannot be taken back
    half-way.
    """

    # `q` closes it from the list of formats; in the file name it is typed
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "dismiss", "Close")]
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 70;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        overflow-y: auto;  /* a short terminal scrolls to the file name, the formats kept whole */
        /* no scroll bar: Textual fits the dialog's height to its lines as they wrap without one,
           and a bar that came (before the hint was fit) and stayed took two columns, wrapped the
           hint a row longer than that height and scrolled the heading away (CJK folders at 44x12) */
        scrollbar-size-vertical: 0;
        border: round $accent;
        background: $surface;
    }
    ExportScreen OptionList { height: auto; }
    /* without their borders (`_fit`), the formats and the name start where the heading does */
    ExportScreen OptionList.-textual-compact > .option-list--option { padding: 0 1; }
    ExportScreen Input.-textual-compact { padding: 0 1; }
    ExportScreen .hint { color: $text-muted; padding: 0 1; }
    ExportScreen #export-problem { color: $warning; padding: 0 1; display: none; }
    ExportScreen #export-status { padding: 0 1; display: none; }
    """

    def __init__(self, comparison: Comparison, key: str, formats: list[ExportFormat],
                 directory: Path, write: Callable[[ExportFormat, Path], None],
                 inputs: Sequence[str] = (), filters: str = "",
                 directory_setting: Path | None = None) -> None:
        super().__init__()
        self.write = write
        self.inputs = inputs
        self.filters = filters  # the view's (`only number_changed`), which the file does not apply
        self.comparison = comparison
        self.key = key  # the article's, for the file name offered
        self.formats = formats
        self.directory = directory
        self.directory_setting = directory_setting  # the settings file that named `directory`
        self.chosen = formats[0]
        self.confirmed: Path | None = None  # an existing file the user agreed to replace
        self.writing: ExportChoice | None = None  # what a thread writes, until it is written
        self._focus_after_writing: Widget | None = None  # where the cursor was, for a failed write
        self._lines_said: dict[str, str] = {}  # the text of the problem and status lines, by id

    def compose(self) -> ComposeResult:
        with Vertical():
            pair = f"v{self.comparison.old.number} → v{self.comparison.new.number}"
            if self.filters:
                pair += f", every edit (the filters, {self.filters}, are the screen's only),"
            yield Static(f"Export {pair} as:", classes="hint", markup=False)
            yield OptionList(*[Option(f"{fmt.name:<8} .{fmt.extension}", id=fmt.name)
                               for fmt in self.formats], id="export-formats")
            yield Static(self._file_hint(), id="export-file-hint", classes="hint", markup=False)
            yield PlainTextInput(value=self._default_path(self.chosen), id="export-path",
                                 select_on_focus=False)
            yield Static("", id="export-problem")
            yield Static("", id="export-status")  # `Writing …`, shown while the file is written

    def _file_hint(self, folder_room: int | None = None) -> str:
        """What Enter does with the name: the format it writes is the highlighted one, or the one
        a typed suffix picked, whose highlight an unfocused list does not show. The folder a
        relative name goes in (the export folder, not the working directory) is named: after the
        keys where the field shows it in full, before them where it shows the name alone; given
        `folder_room`, its end only that fits in as many cells (`path_end`)."""
        folder = visible(str(self.directory))
        if folder_room is not None:
            folder = path_end(folder, folder_room)
        # Tab goes from the formats to the name and back: from the name, the next letter typed
        # would go to the formats (`q` closes the dialog), so the hint says where Tab goes
        tab = "Tab goes back to the formats" if self._in_name else "Tab edits the name"
        keys = f"Enter writes it as {self.chosen.name}, {tab}, Esc cancels"
        if self._field_shows_folder:
            return f"File ({keys}; a relative name goes in {folder}):"
        return f"File in {folder} ({keys}):"

    @property
    def _in_name(self) -> bool:
        """Whether the cursor is in the file name (before the dialog is mounted, it is not)."""
        return self.is_mounted and self.query_one(Input).has_focus

    def on_descendant_focus(self) -> None:
        self._show_file_hint()

    def _show_file_hint(self) -> None:
        """Show `_file_hint`, the folder's end on one line of it where the whole hint would not
        fit beside the heading, the formats, the name and a line said under it: at 44x12 a long
        folder made the hint 6 rows of the dialog's 10, and the dialog opened scrolled past its
        heading. Where even that does not fit (a problem said in two rows), the hint gives its
        rows to the problem until it is past. Its rows are counted as `wrap_ranges` wraps it, as
        Textual does (none before the first layout)."""
        hint = self.query_one("#export-file-hint", Static)
        dialog = self.query_one(Vertical)
        width = dialog.content_region.width - hint.styles.gutter.width
        # the lines said are counted from their text: one just shown is not laid out yet
        others = sum(child.outer_size.height for child in dialog.children
                     if child is not hint and child.display and child.id not in self._lines_said)
        others += sum(len(wrap_ranges(text, width)) for text in self._lines_said.values() if text)
        rows = self.size.height - dialog.styles.gutter.height - hint.styles.gutter.height - others
        text = self._file_hint()
        if width > 0 and len(wrap_ranges(text, width)) > rows:
            text = self._file_hint(folder_room=width - len("):"))
        hint.update(text)
        hint.display = width <= 0 or len(wrap_ranges(text, width)) <= rows

    @property
    def _field_shows_folder(self) -> bool:
        """Whether the file name offered starts with the folder: not when the folder's name (from
        $HOME) holds a control character, which the field would draw as it is, for the terminal to
        obey; the name alone is then offered, and written in the folder all the same (`_submit`)."""
        return visible(str(self.directory)) == str(self.directory)

    def _default_path(self, export_format: ExportFormat) -> str:
        name = default_filename(self.comparison, self.key, export_format)
        return str(self.directory / name) if self._field_shows_folder else name

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()
        self._put_cursor_before_suffix()
        self._fit(self.app.size.height)
        self.call_after_refresh(self._open_on_heading_and_name)
        if not self.directory.is_dir():
            # a folder of the settings that is gone (or mistyped) was told only on Enter, and
            # not as the setting's: said now, under the name, which can be typed all the same
            self.call_after_refresh(self._say_no_folder, self.directory)

    def _open_on_heading_and_name(self) -> None:
        """Once the hint's width is known, fit the hint, then show the heading and the name."""
        self._show_file_hint()
        self.call_after_refresh(self._show_heading_and_name)

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size.height)
        self.call_after_refresh(self._show_file_hint)  # once the hint has its new width

    def _fit(self, height: int) -> None:
        """In a short terminal the list of formats and the file name go without their borders:
        at 44x12 the dialog ran 4 rows past the screen, and opened scrolled past its heading, the
        file name Enter writes out of sight."""
        compact = height < ROOMY_HEIGHT
        self.query_one(OptionList).compact = compact
        self.query_one(Input).compact = compact

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        path_input = self.query_one(Input)
        previous = self.chosen
        previous_default = self._default_path(previous)
        self.chosen = self.formats[event.option_index]
        self._show_file_hint()
        previous_suffix = f".{previous.extension}"
        typed = path_input.value.strip()
        if path_input.value == previous_default:
            path_input.value = self._default_path(self.chosen)
        elif typed.lower().endswith(previous_suffix):
            # a typed name: its suffix follows, in any letter case, as it picks the format that
            # Enter writes (`_format_named_by`): `x.JSON` kept, html highlighted, was JSON
            path_input.value = typed[:-len(previous_suffix)] + f".{self.chosen.extension}"
        else:
            return
        self._put_cursor_before_suffix()

    def _put_cursor_before_suffix(self) -> None:
        """The cursor in the file name before the chosen format's suffix, where it ends in it, so
        that typing keeps the suffix: after Tab, typed text went after the offered `.txt`."""
        path_input = self.query_one(Input)
        suffix = f".{self.chosen.extension}"
        ends_in_suffix = path_input.value.lower().endswith(suffix)
        path_input.cursor_position = len(path_input.value) - (len(suffix) if ends_in_suffix else 0)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._submit(self.query_one(Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.confirmed = None
        if self._in_missing_export_folder(event.value):
            # told as the dialog opened: it holds while the name is in that folder, and comes
            # back once another problem (`Type a file name first`) is past
            self._say_no_folder(self.directory)
        else:
            self._say("")
        named = self._format_named_by(event.value)
        if named is not None and named is not self.chosen:
            self.query_one(OptionList).highlighted = self.formats.index(named)

    def _in_missing_export_folder(self, name: str) -> bool:
        """Whether the file name typed goes in the export folder, or a folder in it, while that
        folder does not exist."""
        if self.directory.is_dir():
            return False
        try:
            path = Path(name.strip()).expanduser()
        except RuntimeError:  # `~name` of no user: `_submit` tells it
            return False
        folder = Path(os.path.normpath(self.directory / path)).parent
        return folder.is_relative_to(self.directory)

    def _format_named_by(self, name: str) -> ExportFormat | None:
        """The format whose suffix the file name ends in (in any letter case), if any: `x.json`
        had been written as text when text was highlighted."""
        suffix = Path(name.strip()).suffix.lower()
        return next((fmt for fmt in self.formats if f".{fmt.extension}" == suffix), None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit(event.value)

    def dismiss(self, result: ExportChoice | None = None) -> AwaitComplete:
        """Close the dialog, but not on Esc while the file is written: it would be written all
        the same, unsaid."""
        if self.writing is not None and result is None:
            return AwaitComplete.nothing()
        return super().dismiss(result)

    def _say(self, *parts: str | Path) -> None:
        """Show what keeps the file from being written, in the warning colour: `parts` joined,
        shortened where the whole would take more rows than the heading, the formats and the name
        leave (at 44x12 a long typed path wrapped the problem over 4 rows and more, and scrolled
        the heading away): a path among them by its end (`path_end`), first to its last name;
        then the longest other part, a system's reason say, by its middle (`middle_cut`), so
        that what to do, at the end, stays; then the path further."""
        texts = [visible(str(part)) for part in parts]
        paths = [index for index, part in enumerate(parts) if isinstance(part, Path)]
        if paths:
            [path] = paths
            texts = self._fit_part(texts, path, path_end,
                                   least=text_width(os.path.basename(texts[path])) + 2)
        others = [index for index in range(len(texts)) if index not in paths]
        if others:
            texts = self._fit_part(texts, max(others, key=lambda index: text_width(texts[index])),
                                   middle_cut)
        if paths:
            texts = self._fit_part(texts, path, path_end)
        self._show_line("#export-problem", "".join(texts))

    def _fit_part(self, texts: list[str], index: int, shorten: Callable[[str, int], str],
                  least: int = 1) -> list[str]:
        """`texts` with the one at `index` shortened (`shorten`) to the most cells, `least` at
        fewest, with which the problem takes no more rows than it has; as they are where they
        fit already."""
        if self._problem_rows(texts) <= self._rows_for_problem():
            return texts
        whole = texts[index]

        def shortened(room: int) -> list[str]:
            return [*texts[:index], shorten(whole, room), *texts[index + 1:]]

        least, most = min(least, text_width(whole)), text_width(whole)
        while least < most:  # the most cells that fit, or `least`
            middle = (least + most + 1) // 2
            fits = self._problem_rows(shortened(middle)) <= self._rows_for_problem()
            least, most = (middle, most) if fits else (least, middle - 1)
        return shortened(least)

    def _problem_rows(self, texts: list[str]) -> int:
        """The rows the problem line takes holding `texts`, wrapped as Textual wraps it."""
        problem = self.query_one("#export-problem", Static)
        width = self.query_one(Vertical).content_region.width - problem.styles.gutter.width
        return len(wrap_ranges("".join(texts), width))

    def _rows_for_problem(self) -> int:
        """The dialog's rows beside its heading, its formats and the name (the hint gives the
        problem its rows, `_show_file_hint`), at least one."""
        dialog = self.query_one(Vertical)
        others = sum(child.outer_size.height for child in dialog.children
                     if child.display and child.id not in
                     ("export-file-hint", "export-problem", "export-status"))
        return max(1, self.size.height - dialog.styles.gutter.height - others)

    def _show_line(self, line: str, text: str) -> None:
        """Put `text` on the dialog's line `line` (its id); a path in it is text, not markup, and a
        control character in it (an error's text may quote a file's name) a symbol."""
        shown = self.query_one(line, Static)
        self._lines_said[line.removeprefix("#")] = visible(text)
        shown.update(Text(visible(text)))
        shown.display = bool(text)  # an empty line takes no row (at 44x12 the dialog has 10)
        self.call_after_refresh(self._open_on_heading_and_name)  # the hint fit to the rows left

    def _show_heading_and_name(self) -> None:
        """Open on the dialog's heading, on the file name, which Enter writes, and on the line
        said under it: where they do not all fit (a long folder, the filters named, a problem
        of a long path), on the name and the line."""
        dialog = self.query_one(Vertical)
        dialog.scroll_home(animate=False, immediate=True)
        dialog.scroll_to_widget(self.query_one(Input), animate=False, immediate=True)
        for line in self.query("#export-problem, #export-status"):
            if line.display:
                dialog.scroll_to_widget(line, animate=False, immediate=True)

    def _submit(self, value: str) -> None:
        if self.writing is not None:
            return
        if not value.strip():
            self._say("Type a file name first")
            return
        path = Path(value.strip())
        # `notes/` and `notes/.` name a folder, made or not: a file must not take its name (Path
        # drops the `/` and the `/.`)
        names_folder = os.path.basename(value.strip()) in ("", os.curdir)
        try:
            path = path.expanduser()
        except RuntimeError:  # `~name` of no user, or `~` with neither $HOME nor an account
            self._say(f"Cannot tell which home folder {path.parts[0]} is: type the folder "
                      "in full")
            return
        if not path.is_absolute():
            path = self.directory / path
        try:
            folder_exists, is_folder = path.parent.is_dir(), path.is_dir()
            if folder_exists and not (is_folder or names_folder):
                check_targets([path], self.inputs, folder=False)
                check_room_for_temporary(path)
        except OutputProblem as problem:
            self._say(path, f": {problem.message}: type another name")
            return
        except OSError as error:  # a name too long for the file system, ...
            self._say(path, f": {os_reason(error)}: type another name")
            return
        if not folder_exists:
            self._say_no_folder(path.parent)
        elif is_folder:
            self._say(path, " is a folder: type a file name")
        elif names_folder:
            self._say("No folder ", path, ": type a name in a folder that exists")
        elif os.path.lexists(path) and self.confirmed != path:
            self.confirmed = path
            self._say(path, " exists: Enter again replaces it, Esc keeps it")
        else:
            # the suffix decides, whether or not the highlight has followed it yet (a message away)
            export_format = self._format_named_by(value) or self.chosen
            self._write_apart(export_format, path)

    def _say_no_folder(self, folder: Path) -> None:
        """Say that `folder` does not exist, or which file stands where it or a folder above it
        would be (`notes.txt/x.txt` was told as `No folder …/notes.txt`, a file there), and
        where it is the settings' export folder, which setting of which file named it."""
        in_the_way = next((above for above in (folder, *folder.parents) if os.path.lexists(above)),
                          None)
        said: tuple[str | Path, ...] = (
            (in_the_way, " is not a folder") if in_the_way is not None and not in_the_way.is_dir()
            else ("No folder ", folder))
        if folder == self.directory and self.directory_setting is not None:
            self._say(*said, f" (view.export_directory in {self.directory_setting}): type a "
                      "name in a folder that exists, or mend the setting")
        else:
            self._say(*said, ": type a name in a folder that exists")

    def _write_apart(self, export_format: ExportFormat, path: Path) -> None:
        """Write the file on a thread of its own, the dialog's keys at rest meanwhile; when it
        is written, `on_worker_state_changed` closes the dialog or says why it was not."""
        self.writing = (export_format, path)
        self._focus_after_writing = self.focused
        self.query_one(Vertical).disabled = True
        self._say("")  # an earlier problem (`exists: Enter again replaces it`) is past
        # on a line of its own, in the text's colour: the problem line's warning colour said
        # that something was wrong
        self._show_line("#export-status", f"Writing {path}…")

        def write() -> OSError | None:
            try:
                self.write(export_format, path)
            except OSError as error:
                return error
            return None

        self.run_worker(write, name="export-write", thread=True)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.SUCCESS or self.writing is None:
            return  # an error that is no OSError stops the app with its traceback, as a bug
        choice, self.writing = self.writing, None
        error = event.worker.result
        if error is None:
            self.dismiss(choice)
            return
        self.query_one(Vertical).disabled = False
        self._show_line("#export-status", "")
        if self._focus_after_writing is not None:
            self._focus_after_writing.focus()
        self._say("Could not write ", choice[1], f": {os_reason(error)}")
