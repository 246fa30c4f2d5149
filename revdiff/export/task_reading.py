"""The inputs read into numbered article tasks, a unit at a time, as they are handed out: each
article named by its input, its warnings told, an input or article that cannot be read stopping
the run or, with --skip-errors, skipped in its place."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager, nullcontext
from pathlib import Path

from revdiff.errors import MissingExtra, RevdiffError
from revdiff.export.inputs import InputNote, InputUnit, MissingInput
from revdiff.export.job import ExportJob
from revdiff.export.progress import LISTING_ARTICLES, ExportProgress, as_warning, note_skip
from revdiff.export.records import article_ref
from revdiff.export.run_errors import ArticleFailed, describe, skip_hint
from revdiff.export.tasks import ArticleTask
from revdiff.formats import gitrepo
from revdiff.formats.article_errors import skipping_bad_articles
from revdiff.formats.folders import OneVersionLeft
from revdiff.formats.loading import article_keys, load_unit
from revdiff.formats.repeated_files import RepeatedFiles
from revdiff.model import Article
from revdiff.read_warnings import (
    NOTHING_TO_COMPARE,
    article_inputs,
    article_name,
    counted,
    has_pairs,
    input_name,
    warning_lines,
)
from revdiff.repeated_warnings import HELD_BY_NONE, RepeatedWarnings
from revdiff.terminal_text import visible


def iter_tasks(job: ExportJob, units: list[InputUnit], progress: ExportProgress,
               on_note: Callable[[str], None],
               in_place: Sequence[MissingInput | InputNote] = ()) -> Iterator[ArticleTask]:
    """Articles of every unit, numbered in input order, read as they are handed out; each name
    in `in_place` (`expand_inputs`) that names nothing is skipped in its place, before the unit
    it comes before, and each note about an input told there, in the order the inputs were
    given. A repository's file that an earlier repository held too (the months of a NewsDiffs
    archive) is an article of each, the later warned of (`RepeatedFiles`). A warning line said
    already (a file's encoding guess, where it is read into two articles) is not said again, and
    of the warnings of one kind from one input given (a corpus folder, not each of its article
    folders) the first few only, the rest counted in one line once its units' articles are
    read (`RepeatedWarnings`); so too of the notes from reading it that are no article's (an
    empty file left out of a folder of saved pages)."""

    def tell_in_place_before(number: int) -> None:
        for item in sorted(in_place, key=lambda item: item.given):
            if item.before != number:
                continue
            if isinstance(item, MissingInput):
                note_skip(progress, on_note, visible(item.name), item.reason)
            else:
                on_note(as_warning(item.text))

    repeated = RepeatedFiles()  # a file in several repositories (the months of an archive)
    told: set[str] = set()  # a file read into two articles (`nl nl/0.txt`) is warned of once
    repeated_warnings = RepeatedWarnings()  # a kind of warning from one input given: its first few
    repeated_notes = RepeatedWarnings(what="note", held_by=HELD_BY_NONE)  # and of reading notes
    for number, unit in enumerate(units):
        tell_in_place_before(number)

        def tell_reading_note(text: str, unit: InputUnit = unit) -> None:
            if repeated_notes.shows(text, unit.label, unit.given):
                on_note(as_warning(text))

        repository: bool | None = None  # asked once the unit gave an article: it was read
        for position, count, keys, article, read_from in _unit_articles(
                job, unit, len(units) == 1, progress, on_note, tell_reading_note):
            if repository is None:
                repository = len(unit.paths) == 1 and gitrepo.is_repository(Path(unit.paths[0]))
            if repository:
                article = repeated.warned_of(article, unit.paths[0])
            # the messages name one article by its input, one of several as `diff` names it
            where = (unit.label if count == 1 else article_name(
                article.key, input_name(unit.label, position, count), keys))
            for line in warning_lines(article, where, unit.paths):
                if line not in told:
                    told.add(line)
                    if repeated_warnings.shows(line, where, unit.given):
                        on_note(as_warning(line))
            if not has_pairs(article):
                note_skip(progress, on_note, visible(where), NOTHING_TO_COMPARE)
                continue
            index = progress.articles_read
            yield ArticleTask(index, article_ref(index, article, where, read_from), article, where,
                              number + (position + 1) / count, number + position / count)
            progress.articles_read += 1
        if number + 1 == len(units) or units[number + 1].given != unit.given:
            for line in (*repeated_notes.summaries(unit.given),
                         *repeated_warnings.summaries(unit.given)):
                on_note(as_warning(line))
    tell_in_place_before(len(units))


def _unit_articles(job: ExportJob, unit: InputUnit, only_unit: bool, progress: ExportProgress,
                   on_note: Callable[[str], None], on_reading_note: Callable[[str], None],
                   ) -> Iterator[tuple[int, int, Counter[str], Article, str]]:
    """Each article of a unit with its place, the unit's number of articles (a NewsEdits
    file's are read one at a time), their keys counted (`Article.key`, `article_keys`) and the
    input it was read from
    (`article_inputs`); the notes
    from reading the unit go to `on_reading_note`, its skips to `on_note`. A failure to
    read the unit stops the run or, with --skip-errors, skips the rest of the unit; an article's
    own failure skips that article. A folder left with one version once its empty files are
    left out is refused where it is the run's `only_unit`, and skipped beside other units (the
    other article folders of a corpus given as one input, or other inputs)."""
    position = 0
    # Files given together: reading them tells whether they are plain versions that make one
    # article of several folders' files; a folder of saved pages says what holds for all its pages.
    notes: list[str] = []
    origins: list[str] = []
    with ExitStack() as held:  # a database's file, open while its articles are read
        try:
            try:
                with _bad_articles_noted(job, unit, progress, on_note):
                    articles = held.enter_context(load_unit(
                        list(unit.paths), max_bytes=job.max_bytes, notes=notes, origins=origins,
                        listed=unit.listed))
            except OneVersionLeft as one_version:
                if only_unit:
                    raise
                # beside other units, left out as a folder of one version file is
                articles = [one_version.article]
            for text in notes:
                on_reading_note(text)
            count = len(articles)
            if only_unit:
                progress.unit_articles, progress.unit_pass = count, LISTING_ARTICLES

            def listed(number: int) -> None:  # of a NewsEdits file's, read without their texts
                progress.articles_listed = number

            keys = article_keys(articles, on_listed=listed)
            progress.unit_pass = None
            read_from = article_inputs(origins)
            read = iter(articles)
            while True:
                with _bad_articles_noted(job, unit, progress, on_note) as skipped:
                    article = next(read, None)
                position += len(skipped)  # an article left out keeps its place
                if article is None:
                    return
                # a database read one at a time gives no origins: it is each article's input
                yield position, count, keys, article, (
                    read_from[position] if position < len(read_from)
                    else input_name(unit.label, position, count))
                position += 1
        except MissingExtra:
            raise  # every input of its kind would fail alike: nothing to fix or skip in this one
        except Exception as error:  # any other reader failure is this input's only
            if not job.skip_errors:
                if isinstance(error, RevdiffError):  # the reader's own hint, then the run's
                    error.add_hint(skip_hint(job, progress))
                    raise
                raise ArticleFailed(f"cannot read it: {describe(error)}", unit.label,
                                    hint=skip_hint(job, progress)) from error
            progress.unit_pass = None  # the bar counts what was done of it
            # the unit is named once: files given together by their label, which names the first
            reason = (describe(error).removeprefix(f"{visible(unit.label)}: ")
                      .removeprefix(f"{visible(unit.paths[0])}: "))
            if position:  # a database that fails partway: what came before it is exported
                note_skip(progress, on_note, f"the rest of {unit.label} after its first "
                          f"{counted(position, 'article')}", reason)
            else:
                note_skip(progress, on_note, unit.label, reason)


@contextmanager
def _bad_articles_noted(job: ExportJob, unit: InputUnit, progress: ExportProgress,
                        on_note: Callable[[str], None]) -> Iterator[list[RevdiffError]]:
    """With --skip-errors, the articles of `unit` that the block cannot read are left out, each
    reported; without, the first stops the run."""
    kept_apart: AbstractContextManager[list[RevdiffError]] = \
        skipping_bad_articles() if job.skip_errors else nullcontext([])
    with kept_apart as bad:
        yield bad
    for error in bad:  # one article of an input that holds many
        note_skip(progress, on_note, f"an article of {unit.label}",
              describe(error).removeprefix(f"{visible(unit.label)}: "))
