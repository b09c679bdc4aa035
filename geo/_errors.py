"""Exception tree of the :mod:`geo` package."""

from __future__ import annotations


class GeoError(Exception):
    """Base class of every error raised by :mod:`geo`."""


class ArticleFormatError(GeoError, ValueError):
    """An input that cannot be read as an article (bad header, bad date, no text column...)."""


class InputNotFoundError(GeoError, FileNotFoundError):
    """An input path that does not exist."""


class TheatreProfileError(GeoError, ValueError):
    """A theatre profile data file that is missing fields or inconsistent."""


class ModelNotInstalledError(GeoError, ImportError):
    """The spaCy French model is not installed."""
