"""The `revdiff` command line: click commands that wire readers, engine and outputs.

Each command lives in its own module of this package and is registered on `main` below.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

import click

EXAMPLES = """\b
Examples:
  revdiff samples/washpo-soleimani-v6-v7.txt          browse a saved News Sniffer diff page
  revdiff parse samples/washpo-soleimani-v6-v7.txt --format json
  revdiff diff samples/versions/iran-strikes-us-troops-in-iraq/   a directory of 0.txt, 1.txt, ...
  cat new.txt | revdiff parse old.txt -               versions from files and stdin
"""


def _package_version() -> str:
    try:
        return version("revdiff")
    except PackageNotFoundError:
        return "unknown"


class DefaultToView(click.Group):
    """A group whose bare `revdiff INPUT...` means `revdiff view INPUT...`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["view", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultToView, epilog=EXAMPLES,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(_package_version(), prog_name="revdiff")
def main() -> None:
    """Read, compare and browse how news articles change between versions.

    INPUT is a News Sniffer diff page (HTML or saved as text), a NewsDiffs page, two or more
    plain version files, a directory of them, a git repository of versions, a NewsEdits,
    NYTdiff or diffengine SQLite file, a folder of saved article pages, or - for standard input. `revdiff INPUT...` is short for `revdiff view INPUT...`.
    """


# Registration: one line per command module.
from revdiff.cli.diff import diff
from revdiff.cli.export import export
from revdiff.cli.parse import parse
from revdiff.cli.store import store
from revdiff.cli.view import view

main.add_command(diff)
main.add_command(export)
main.add_command(parse)
main.add_command(store)
main.add_command(view)
