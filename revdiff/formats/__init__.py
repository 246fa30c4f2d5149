"""Readers for every versioned-article format; `load` picks them from the content of the inputs."""

from revdiff.formats.detect import Format, detect
from revdiff.formats.load import load

__all__ = ["Format", "detect", "load"]
