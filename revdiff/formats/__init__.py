"""Readers for every versioned-article format; `load` picks them from the content of the inputs."""

from revdiff.formats.loading import load

__all__ = ["load"]
