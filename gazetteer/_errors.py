"""Exception tree of the gazetteer package."""

from __future__ import annotations


class GazetteerError(Exception):
    """Base class of every error raised by :mod:`gazetteer`."""


class UnknownPlaceError(GazetteerError, LookupError):
    """A place id that the gazetteer does not hold."""


class DumpFormatError(GazetteerError, ValueError):
    """A GeoNames dump that is corrupt, truncated or not in the official format."""


class OnlineLookupError(GazetteerError, ConnectionError):
    """The optional online geocoder could not be reached or answered badly."""
