"""revdiff: read, align, browse, store and export the revision history of news articles.

The notebook API (the readers, the engine and pyarrow are imported when first used, so
`import revdiff` stays cheap), run from the project's folder, where `samples/` is:

    >>> import revdiff, pandas as pd
    >>> articles = revdiff.load("samples/versions/iran-strikes-us-troops-in-iraq")
    >>> comparison = revdiff.compare(articles[0].versions[0], articles[0].versions[1])
    >>> edits = pd.DataFrame(revdiff.edits_table(articles))          # one row per edit
    >>> edits = edits.astype({"confidence": "float64"})  # None as NaN: see docs/EXPORT.md, From Python
    >>> pairs = pd.DataFrame(revdiff.comparisons_table(articles))    # one row per version pair
    >>> table = revdiff.edits_arrow("samples/versions")  # a pyarrow.Table, a folder an article

The tables have the columns of `revdiff export --format csv` (see docs/EXPORT.md).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from io import IOBase, TextIOBase
from numbers import Integral, Real
from operator import index
from os import PathLike, fspath
from types import ModuleType
from typing import TYPE_CHECKING, Any, SupportsIndex, TypeAlias, Union

# Imported at run time, unlike the rest of the package, as the functions' hints name them:
# `typing.get_type_hints` (sphinx, pydantic, an IDE's console) looks them up here. The model is
# plain dataclasses, which every command loads anyway.
from revdiff import model as model
from revdiff.model import Article, Comparison, PageReading, RowKind, RowReading, SentenceMode, Version

if TYPE_CHECKING:
    import pyarrow

    from revdiff import errors as errors

    # `_lazy_attribute` gives it; declared here so that a type checker, which is not shown the
    # module's `__getattr__`, knows it
    __version__: str

__all__ = ["compare", "comparisons_arrow", "comparisons_table", "edits_arrow", "edits_table",
           "load"]

PathInput = Union[str, "PathLike[str]"]
# What the table functions read: an Article, a path, or an iterable mixing both
TableInput = Article | PathInput | Iterable[Article | PathInput]
if TYPE_CHECKING:
    ArrowTable: TypeAlias = pyarrow.Table
else:
    # pyarrow (an optional extra) is not imported at run time: to `typing.get_type_hints`,
    # which would fail on its name, an Arrow table is Any
    ArrowTable = Any


def load(*paths: PathInput | Iterable[PathInput], max_bytes: SupportsIndex | None = None,
         notes: list[str] | None = None, corrections: PathInput | None = None) -> list[Article]:
    """Read the articles of one input (or several read together, like `revdiff parse A B`).

    An input is anything the command line takes: a page, version files, a folder of versions,
    a git repository or a NewsEdits SQLite file. A folder's files are read in the order of the
    numbers in their names (`2.txt` before `10.txt`). Version files given together are read in
    the order given (a set, which has none, raises TypeError: give `sorted(paths)`), except
    the files of one folder given with their names sorted as text, as
    `sorted(glob.glob('story/*'))` gives them (`1.txt`, `10.txt`, `2.txt`): those are read as
    their folder is, in its order and with its version numbers. The article's `warnings` say
    when the order read is not the order given, or not that of the numbers in the names
    (docs/INPUTS.md, "Plain versions", has every rule).

    Bad input raises a `revdiff.errors.RevdiffError`; an input larger than `max_bytes` (default
    64 MiB) is refused before it is read. What the readers warn about an article is in its
    `warnings`; a warning about the inputs that belongs to no article (the folders left out of a
    folder of versions, a folder named twice and read once) is appended to `notes` when a list
    is given, as the command line prints it on stderr.

    `corrections`, a path, names a corrections file (README, `--corrections`): the rows of the
    diff pages it names are read as it corrects them, as the command line reads them; a line
    that is malformed or that its page refuses raises a `RevdiffError` naming that line.
    """
    from revdiff.corrections_file import read_corrected
    from revdiff.formats import load as load_inputs
    from revdiff.size_limit import DEFAULT_MAX_BYTES

    limit = DEFAULT_MAX_BYTES if max_bytes is None else _byte_limit(max_bytes)
    _check_notes(notes, "revdiff.load")
    corrections_path = None if corrections is None else _path(corrections, "revdiff.load")
    names: list[str] = []
    for item in paths:
        if isinstance(item, (str, PathLike)):
            names.append(_path(item, "revdiff.load"))
        else:
            names.extend(_path(part, "revdiff.load")
                         for part in _iterable(item, "revdiff.load", "paths or lists of paths"))
    with _python_hints():
        return read_corrected(
            lambda: load_inputs(names, max_bytes=limit, notes=notes, for_python=True),
            corrections_path, limit)


def _byte_limit(max_bytes: Any) -> int:
    """`load`'s `max_bytes` as an int: any whole number, not only an int (a size worked out with
    numpy or pandas is a numpy integer), taken as `range` takes one (`operator.index`), as its
    hint `SupportsIndex` says, so that a type checker takes what the call does."""
    try:
        limit = None if isinstance(max_bytes, bool) else index(max_bytes)
    except TypeError:  # no whole number: a float, a str such as "64M"
        limit = None
    if limit is None:
        raise TypeError("revdiff.load takes max_bytes as a whole number of bytes (an int), not "
                        f"{_what(max_bytes)}")
    if limit < 1:
        # as `--max-size` refuses them: 0 was read as "the default" and -1 refused every input
        raise ValueError(f"max_bytes must be a number of bytes of at least 1, not {max_bytes!r}")
    return limit


# The modules this API names that are imported when first asked for
_LAZY_MODULES = ("errors",)


def _lazy_attribute(name: str) -> Any:
    """`revdiff.__version__`, this copy's (revdiff/package_version.py), and `revdiff.errors`,
    loaded when first asked for: `import revdiff` imports neither."""
    if name == "__version__":
        from revdiff.package_version import package_version

        return package_version()
    if name in _LAZY_MODULES:
        from importlib import import_module

        return import_module(f"revdiff.{name}")
    raise AttributeError(f"module 'revdiff' has no attribute {name!r}")


if not TYPE_CHECKING:
    # Shown to type checkers, a module `__getattr__` returning Any made every name an attribute:
    # `revdiff.laod(...)` passed mypy --strict and failed only when run.
    __getattr__ = _lazy_attribute


def __dir__() -> list[str]:
    """The API's names, which a notebook completes `revdiff.` from: `__all__`, with the names
    given when first asked for (listed before their first use too) and the package's modules
    imported so far, and the module's own names that start with `_`; not the names its code
    imports (`Any`, `fspath`, `sys`), which were offered among its functions."""
    loaded = (name for name, value in globals().items()
              if isinstance(value, ModuleType) and value.__name__ == f"revdiff.{name}")
    return sorted({*__all__, "__version__", *_LAZY_MODULES, *loaded,
                   *(name for name in globals() if name.startswith("_"))})


def compare(old: Version, new: Version, *, sentences: SentenceMode = "auto") -> Comparison:
    """Align the sentences of two versions and describe every change (`revdiff.engine.comparison`).

    `sentences` is `"auto"` (paragraphs split into sentences) or `"lines"` (each paragraph one
    unit), as `revdiff diff --sentences` takes it, and so in the four table functions (typed
    `revdiff.model.SentenceMode`, so a type checker finds a misspelt one); another
    mode raises `revdiff.errors.UnknownSentenceMode`, a `RevdiffError`. Anything but two
    Versions, or a Version built by hand with a field of another type than the model gives it,
    raises `TypeError`. A version a rendered NewsDiffs page cut (`cut`) is compared without its
    `[...]` marks, as the tables compare it: they are no article text.
    """
    from revdiff.engine import compare as compare_versions
    from revdiff.engine.comparison import check_sentence_mode
    from revdiff.formats.elision import without_elisions

    for side in (old, new):
        if not isinstance(side, Version):
            raise TypeError(f"revdiff.compare takes two Versions (article.versions[i]), "
                            f"not {type(side).__name__}")
        wrong_field = _wrong_field(side)
        if wrong_field:
            raise TypeError(f"revdiff.compare takes Versions whose {wrong_field}")
    check_sentence_mode(sentences, "revdiff.compare")
    # each side's own `cut` (two versions built by hand may share a number)
    old_compared, new_compared = (without_elisions(side, (side.number,) if side.cut else ())
                                  for side in (old, new))
    return compare_versions(old_compared, new_compared, sentences=sentences)


def _wrong_field(version: Version) -> str | None:
    """Which field of a Version built by hand holds another type than the model gives it, and
    what it holds (a list of paragraphs was a bare "unhashable type: 'list'" deep in the engine,
    a title of None or a time given as text an AttributeError in the tables, pandas' NaT the time
    "NaT" in them), or None."""
    from datetime import datetime

    number, title, time, time_text = version.number, version.title, version.time, version.time_text
    cut = version.cut
    wrong_paragraphs = _wrong_paragraphs(version.paragraphs)
    if wrong_paragraphs:
        return f"paragraphs are a tuple of str (tuple(paragraphs)), not {wrong_paragraphs}"
    if not _is_int(number):
        return f"number is an int, not {_what(number)}"
    if not isinstance(title, str):
        return f"title is a str ('' for none), not {_what(title)}"
    if time is not None and not isinstance(time, datetime):
        return ("time is a datetime or None (text such as 'about 1 hour later' goes in "
                f"time_text), not {_what(time)}")
    if time is not None and time.isoformat() == "NaT":  # pandas' missing time, a datetime subclass
        return "time is a datetime or None (None for no time), not NaT, pandas' missing time"
    if time_text is not None and not isinstance(time_text, str):
        return f"time_text is a str or None, not {_what(time_text)}"
    if version.time_from is not None and not _is_int(version.time_from):
        return ("time_from is an int or None (the number of the version time_text counts from), "
                f"not {_what(version.time_from)}")
    if not _is_bool(cut):  # any text, "no" too, is true: its marks were left out
        return f"cut is a bool (True when a rendered NewsDiffs page cut it to [...]), not {_what(cut)}"
    return None


def _is_int(value: Any) -> bool:
    """Whether `value` is a whole number: an Integral (a number taken from a pandas frame is a
    numpy integer), and not a bool."""
    return isinstance(value, Integral) and not isinstance(value, bool)


def _is_bool(value: Any) -> bool:
    """Whether `value` is a bool: Python's, or numpy's (what a pandas column of bools gives), which
    is not one to Python. numpy is not imported for it: a numpy bool comes with numpy loaded."""
    numpy = sys.modules.get("numpy")
    return isinstance(value, bool) or (numpy is not None and isinstance(value, numpy.bool_))


def _check_article(article: Article, caller: str) -> None:
    """Refuse an Article built by hand whose fields, or its versions' or its pages' fields, are
    not of the model's types, as `compare` refuses such versions, or whose versions repeat a
    number, before the tables put them in their rows or pyarrow fails on them deep inside."""
    wrong_field = _wrong_article_field(article)
    if wrong_field:
        raise TypeError(f"{caller} takes Articles whose {wrong_field}")
    if not isinstance(article.versions, (tuple, list)):
        raise TypeError(f"{caller} takes Articles whose versions are a tuple of Versions, not "
                        f"{_what(article.versions)}")
    _check_each(article.versions, Version, _wrong_field, caller,
                ("Articles", "versions", "article.versions"))
    _check_version_numbers_differ(article.versions, caller)
    for position, page in enumerate(article.pages):
        _check_page(page, caller, f"article.pages[{position}]")


def _check_version_numbers_differ(versions: Iterable[Version], caller: str) -> None:
    """Refuse two versions of one number, which no reader gives (a folder's files naming one
    number are refused, a store's copied commit renumbered): the rows of a pair of them had
    old_version equal to new_version, and those numbers are the keys of the export's rows.
    Numbers may go back, as a store's `Revdiff-Version` may, the versions kept in the order
    given."""
    positions: dict[int, int] = {}
    for position, version in enumerate(versions):
        first = positions.setdefault(version.number, position)
        if first != position:
            raise ValueError(f"{caller} takes Articles whose versions each have a number of their "
                             f"own: article.versions[{position}] is numbered {version.number}, as "
                             f"article.versions[{first}] is")


def _wrong_article_field(article: Article) -> str | None:
    """Which field of an Article built by hand that the tables read is of another type than the
    model gives it, and what it holds (an int as url was an ArrowTypeError from pyarrow, a str
    as warnings one warning per character, a str among pages an AttributeError), or None."""
    for name, value in (("source", article.source), ("url", article.url)):
        if value is not None and not isinstance(value, str):
            return f"{name} is a str or None, not {_what(value)}"
    if article.changes is not None and not _is_int(article.changes):
        return f"changes is an int or None, not {_what(article.changes)}"
    metadata = article.metadata
    if not isinstance(metadata, dict):
        return f"metadata is a dict of str, not {_what(metadata)}"
    not_text = next((_what(value) for value in metadata.values() if not isinstance(value, str)),
                    None)
    if not_text:
        return f"metadata is a dict of str, not a dict holding {not_text}"
    for name, items, kind, kinds in (("warnings", article.warnings, str, "str"),
                                     ("pages", article.pages, PageReading, "PageReadings")):
        held = _held_in_place_of_sequence(items, kind)
        if held:
            return f"{name} are a tuple of {kinds}, not {held}"
    return None


def _held_in_place_of_sequence(items: Any, kind: type) -> str | None:
    """What a field built by hand holds in place of a tuple (or list) of `kind`: another type
    (`str`), or a sequence holding another (`a list holding int`); None when it holds one."""
    if not isinstance(items, (tuple, list)):
        return _what(items)
    other = next((_what(item) for item in items if not isinstance(item, kind)), None)
    return f"a {_what(items)} holding {other}" if other else None


def _check_page(page: PageReading, caller: str, place: str) -> None:
    """Refuse a PageReading built by hand (`place`: `article.pages[0]`) whose fields, or its
    rows' fields, are not of the model's types: a name of 5 was a bare "'int' object is not
    iterable", a row given as text an AttributeError, when the tables read the page. A row's
    confidence that is no probability (NaN, 1.5) raises ValueError."""
    wrong_field = None
    if not isinstance(page.name, str):
        wrong_field = f"name is a str, not {_what(page.name)}"
    elif not _is_int(page.old_number):
        wrong_field = f"old_number is an int, not {_what(page.old_number)}"
    elif not _is_int(page.new_number):
        wrong_field = f"new_number is an int, not {_what(page.new_number)}"
    elif not isinstance(page.rows, (tuple, list)):
        wrong_field = f"rows are a tuple of RowReadings, not {_what(page.rows)}"
    if wrong_field:
        raise TypeError(f"{caller} takes PageReadings whose {wrong_field} ({place})")
    _check_each(page.rows, RowReading, _wrong_row_field, caller,
                ("PageReadings", "rows", f"{place}.rows"))
    for position, row in enumerate(page.rows):
        if not 0 <= row.confidence <= 1:  # NaN too, which compares false
            raise ValueError(f"{caller} takes RowReadings whose confidence is a probability from "
                             f"0 to 1, not {row.confidence!r} ({place}.rows[{position}])")


def _check_each(items: Iterable[Any], kind: type, wrong_field_of: Callable[[Any], str | None],
                caller: str, owner: tuple[str, str, str]) -> None:
    """Refuse an item of a field built by hand (`owner`: whose field, its name, and where it is:
    `("Articles", "versions", "article.versions")`) that is no `kind`, or whose own fields are
    of other types (`wrong_field_of` says which, or None)."""
    owners, field, place = owner
    for position, item in enumerate(items):
        if not isinstance(item, kind):
            raise TypeError(f"{caller} takes {owners} whose {field} are {kind.__name__}s, not "
                            f"{_what(item)} ({place}[{position}])")
        wrong_field = wrong_field_of(item)
        if wrong_field:
            raise TypeError(f"{caller} takes {kind.__name__}s whose {wrong_field} "
                            f"({place}[{position}])")


def _wrong_row_field(row: RowReading) -> str | None:
    """Which field of a RowReading built by hand holds another type than the model gives it,
    and what it holds, or None."""
    if not _is_int(row.line):
        return f"line is an int, not {_what(row.line)}"
    if not isinstance(row.text, str):
        return f"text is a str, not {_what(row.text)}"
    if not isinstance(row.kind, RowKind):
        return f"kind is a RowKind, not {_what(row.kind)}"
    if row.boundary is not None and not _is_int(row.boundary):
        return f"boundary is an int or None, not {_what(row.boundary)}"
    if isinstance(row.confidence, bool) or not isinstance(row.confidence, Real):
        return f"confidence is a float, not {_what(row.confidence)}"
    return None


def _wrong_paragraphs(paragraphs: Any) -> str | None:
    """What a Version built by hand holds in place of its tuple of str, or None when it holds
    one."""
    if not isinstance(paragraphs, tuple):
        return _what(paragraphs)
    not_text = next((_what(paragraph) for paragraph in paragraphs
                     if not isinstance(paragraph, str)), None)
    return f"tuple holding {not_text}" if not_text else None


@contextmanager
def _python_hints() -> Iterator[None]:
    """Errors that say what to do in Python, not on the command line (`give - to read standard
    input`, `raise the limit with --max-size`)."""
    from revdiff.errors import RevdiffError

    try:
        yield
    except RevdiffError as error:
        raise error.worded_for_python() from None


def _check_notes(notes: Any, caller: str) -> None:
    if notes is not None and not isinstance(notes, list):
        raise TypeError(f"{caller} takes a list to append notes to, not {_what(notes)}")


def _what(item: Any) -> str:
    return type(item).__name__


def _path(item: Any, caller: str) -> str:
    """A path given as str or os.PathLike, as text (not `-`, standard input on the command line);
    anything else is a TypeError that says so."""
    if isinstance(item, str):
        return _not_standard_input(item)
    if isinstance(item, PathLike):
        # os.fspath, not str(): a PathLike need not print as its path
        path = fspath(item)
        if isinstance(path, str):
            return _not_standard_input(path)
        item = path
    raise TypeError(f"{caller} takes paths (str or os.PathLike), not {_what(item)}"
                    + (": decode bytes first" if isinstance(item, bytes) else "")
                    + _READ_ALREADY * isinstance(item, Article)
                    + _read_already_part(item))


# What `load` says of an Article given to it, which a notebook has from an earlier `load`
_READ_ALREADY = ": an Article is read already; the tables (revdiff.edits_table and friends) take it"


def _read_already_part(item: Any) -> str:
    """What `load` says of a part of an Article given to it (a Version, a Comparison, a
    PageReading), '' for anything else: what it reads, and that the tables take the Article."""
    if not _part_of_an_article(item):
        return ""
    return (f": load reads files (a page, version files, a folder); a {_what(item)} is part of "
            "an Article, read already: the tables (revdiff.edits_table and friends) take that "
            "Article")


def _not_standard_input(path: str) -> str:
    """`path`, unless it is `-`: the command line reads that as standard input, which in a
    notebook blocks or reads nothing (a file named `-` is read as `./-`, as the error says where
    there is one)."""
    from os.path import lexists

    from revdiff.errors import RevdiffError
    from revdiff.formats.loading import FILE_NAMED_DASH_IN_PYTHON

    if path == "-":
        error = RevdiffError("the Python API does not read standard input", "-",
                             hint="give a path, or read the text yourself and save it to a file")
        if lexists("-"):
            error.add_hint(FILE_NAMED_DASH_IN_PYTHON)
        raise error
    return path


def _iterable(items: Any, caller: str, takes: str) -> Iterable[Any]:
    """`items` as an iterable of inputs; bytes (an iterable of ints), a mapping (of its keys,
    what it maps them to dropped), a set (whose order changes from one run of Python to the next,
    and with it the order of versions read and the tables' `article_index`), a pandas DataFrame
    (an iterable of its column names), a file object read as bytes (an iterable of lines of
    bytes) and non-iterables refused; a file object in text mode is a list of paths, one a line."""
    if isinstance(items, IOBase) and not isinstance(items, TextIOBase):
        raise TypeError(f"{caller} takes {takes}, not a file object read as bytes "
                        f"({_what(items)}): give the file's path, f.name, and revdiff reads it "
                        "(a file object in text mode is read as a list of paths, one a line)")
    unordered = isinstance(items, (set, frozenset))
    # told by its attributes, as pandas is not imported here; a Series, a column, has no `columns`
    frame = hasattr(items, "columns") and hasattr(items, "iloc")
    if (isinstance(items, (bytes, bytearray, Mapping)) or unordered or frame
            or not isinstance(items, Iterable)):
        raise TypeError(f"{caller} takes {takes}, not {_what(items)}"
                        + (": decode bytes first" if isinstance(items, bytes) else "")
                        + _READ_ALREADY * isinstance(items, Article)
                        + _read_already_part(items)
                        + (": give list(d) or list(d.values())" if isinstance(items, Mapping)
                           else "")
                        + (": a set has no order, and its order changes from one run to the "
                           "next; give sorted(paths) or a list" if unordered else "")
                        + (": give its column of paths, df['column'] (or df['column'].tolist())"
                           if frame else ""))
    return items


def _articles(items: Any, caller: str, notes: list[str] | None
              ) -> Iterator[tuple[str, Article]]:
    """(fallback name, article) for an Article, a path, or an iterable mixing both.

    Paths are read as `revdiff export` reads them: a folder of article folders gives one
    article per folder, and globs are expanded; `notes` gets what `export` notes about them. An
    Article is taken in the text that `load` gives its articles (`as_text_outputs_hold`).
    No item at all is refused, as `load` refuses it: most often a glob or a filter that matched
    nothing, which would give a table without even its columns.
    """
    from revdiff.errors import EmptyInput
    from revdiff.export.inputs import expand_inputs
    from revdiff.formats import load as load_inputs
    from revdiff.formats.loading import as_text_outputs_hold
    from revdiff.read_warnings import input_name

    if isinstance(items, (Article, str, PathLike)) or _part_of_an_article(items):
        items = [items]
    items = _iterable(items, caller, "an Article, a path, or a list of either")
    paths: list[str] = []
    given = False

    def read_paths() -> Iterator[tuple[str, Article]]:
        # a run of paths is expanded together, as `export A B C` expands its inputs: loose
        # files form one article, and a folder or database named twice is read once
        if not paths:
            return
        units = expand_inputs(paths, notes, for_python=True)
        paths.clear()
        for unit in units:
            # as in `export`: a folder's or database's notes were made expanding it
            found = load_inputs(list(unit.paths), notes=notes if len(unit.paths) > 1 else None,
                                for_python=True, listed=unit.listed)
            for position, article in enumerate(found):
                yield input_name(unit.label, position, len(found)), article

    for item in items:
        given = True
        if isinstance(item, Article):
            _check_article(item, caller)
            yield from read_paths()
            # built by hand, it may hold a lone UTF-16 half (`json.loads('"\\ud800"')`), which
            # `load` gives no article and no UTF-8 output (an Arrow table, a CSV file) holds
            article = as_text_outputs_hold(item)
            yield article.key, article
        elif _part_of_an_article(item):
            raise TypeError(f"{caller} takes an Article or a path each, not a {_what(item)}: give "
                            f"the Article, not {_part_of_an_article(item)}")
        elif isinstance(item, (list, tuple)) and item and _part_of_an_article(item[0]):
            # `[article.versions]`: the Article's parts, not a list of Articles
            raise TypeError(f"{caller} takes an Article or a path each, not a {_what(item)} of "
                            f"{_what(item[0])}s: give the Article, not "
                            f"{_part_of_an_article(item[0])}")
        elif isinstance(item, (list, tuple)):
            # most often `[revdiff.load(p) for p in paths]`: `load` returns a list
            raise TypeError(f"{caller} takes an Article or a path each, not a {_what(item)}: give "
                            "one flat list (revdiff.load returns a list of Articles: "
                            "[article for found in lists for article in found])")
        else:
            paths.append(_path(item, f"{caller} (an Article or a path each)"))
    if not given:
        raise EmptyInput(f"{caller}: no input given",
                         hint="give an Article, a path, or a list of either")
    yield from read_paths()


# What a Version, a Comparison or a PageReading given to the tables is of the Article that holds
# it, which is what they take (`article.versions`, a tuple, was read as a list of inputs)
_PARTS_OF_AN_ARTICLE = ((Version, "its versions"), (Comparison, "a Comparison of its versions"),
                        (PageReading, "its pages"))


def _part_of_an_article(item: Any) -> str:
    """What part of an Article `item` is (`its versions`), or '' when it is none."""
    return next((part for kind, part in _PARTS_OF_AN_ARTICLE if isinstance(item, kind)), "")


def _rows(items: Any, sentences: str, edits: bool, caller: str,
          notes: list[str] | None, for_arrow: bool = False) -> Iterator[dict[str, Any]]:
    """The rows of the edits table (`edits`) or of the comparisons table; `for_arrow` refuses an
    article whose version numbers an Arrow table's 64-bit integers cannot hold."""
    from revdiff.engine.comparison import check_sentence_mode
    from revdiff.export.pairs import compare_chain
    from revdiff.export.records import article_ref, article_rows, check_int64
    from revdiff.read_warnings import NOTHING_TO_COMPARE, has_pairs

    check_sentence_mode(sentences, caller)  # refused before any input is read, as `export` does
    _check_notes(notes, caller)
    of_one_version: list[str] = []

    def compared() -> Iterator[tuple[str, Article]]:
        # numbered as `export` numbers them: only articles with a pair of versions to compare
        for name, article in _articles(items, caller, notes):
            if has_pairs(article):
                yield name, article
            else:
                of_one_version.append(name)
                if notes is not None:
                    notes.append(f"skipped {name}: {NOTHING_TO_COMPARE}")

    with _python_hints():
        index = -1
        for index, (name, article) in enumerate(compared()):
            ref = article_ref(index, article, name)
            if for_arrow:
                check_int64(ref, article, "an Arrow table")
            comparisons = compare_chain(article, sentences)
            for _, summary, rows in article_rows(ref, article, comparisons):
                if edits:
                    yield from rows
                else:
                    yield summary
        if index < 0:
            # as `export` and `diff` refuse them: no rows were a DataFrame without its columns
            _refuse_nothing_to_compare(of_one_version, caller)


def _refuse_nothing_to_compare(of_one_version: list[str], caller: str) -> None:
    """Refuse inputs whose every article has one version (`_articles` refuses no input at all),
    naming them."""
    from revdiff.errors import NothingToCompare
    from revdiff.read_warnings import first_few

    read = ("the article read has one version" if len(of_one_version) == 1
            else f"the {len(of_one_version):,} articles read have one version each")
    raise NothingToCompare(f"{caller}: nothing to compare: {read} ({first_few(of_one_version)})",
                           hint="give articles of two versions or more: "
                                "[a for a in articles if len(a.versions) > 1] keeps them")


def edits_table(articles_or_paths: TableInput, *, sentences: SentenceMode = "auto",
                notes: list[str] | None = None) -> list[dict[str, Any]]:
    """One dict per edit of every consecutive version pair: `pd.DataFrame(edits_table(...))`.

    Accepts an Article, a path, or an iterable of them (none at all raises `EmptyInput`, as in
    `load`, and only articles of one version `NothingToCompare`, as in `export`);
    `article_index` numbers the articles in the order given, from 0, as `export` numbers them:
    an article of one version is skipped and takes no number. Columns are those of the CSV
    export (lists stay lists). `notes`, when a list is given, gets the lines `export` notes
    beside its warnings: an article of one version skipped, a folder's loose files or a folder
    named twice left out.
    """
    return list(_rows(articles_or_paths, sentences, edits=True, caller="revdiff.edits_table",
                      notes=notes))


def comparisons_table(articles_or_paths: TableInput, *, sentences: SentenceMode = "auto",
                      notes: list[str] | None = None) -> list[dict[str, Any]]:
    """One summary dict per consecutive version pair (the export's comparisons table):
    `pd.DataFrame(comparisons_table(...))`. Takes what `edits_table` takes: an Article, a path,
    or an iterable of them."""
    return list(_rows(articles_or_paths, sentences, edits=False,
                      caller="revdiff.comparisons_table", notes=notes))


def edits_arrow(articles_or_paths: TableInput, *, sentences: SentenceMode = "auto",
                notes: list[str] | None = None) -> ArrowTable:
    """`edits_table` as a typed pyarrow Table (needs the `parquet` extra); takes what it takes:
    an Article, a path, or an iterable of them."""
    return _arrow_table(articles_or_paths, sentences, edits=True, caller="revdiff.edits_arrow",
                        notes=notes)


def comparisons_arrow(articles_or_paths: TableInput, *, sentences: SentenceMode = "auto",
                      notes: list[str] | None = None) -> ArrowTable:
    """`comparisons_table` as a typed pyarrow Table (needs the `parquet` extra); takes what it
    takes: an Article, a path, or an iterable of them."""
    return _arrow_table(articles_or_paths, sentences, edits=False, caller="revdiff.comparisons_arrow",
                        notes=notes)


def _arrow_table(items: Any, sentences: str, edits: bool, caller: str,
                 notes: list[str] | None) -> ArrowTable:
    """The rows of the edits table (`edits`) or of the comparisons table as a pyarrow Table of
    the export's typed columns; refuses before reading anything when pyarrow is missing."""
    from revdiff.export.extras import require_arrow
    from revdiff.export.parquet import arrow_schema
    from revdiff.export.records import COMPARISON_COLUMNS, EDIT_COLUMNS

    pa = require_arrow()
    rows = _rows(items, sentences, edits=edits, caller=caller, notes=notes, for_arrow=True)
    columns = EDIT_COLUMNS if edits else COMPARISON_COLUMNS
    return pa.Table.from_pylist(list(rows), schema=arrow_schema(columns))
