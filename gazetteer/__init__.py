"""Offline place-name index that knows French and Arabic spellings.

Importable on its own: it knows nothing of articles or maps.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from gazetteer._errors import (
    DumpFormatError,
    GazetteerError,
    OnlineLookupError,
    UnknownPlaceError,
)
from gazetteer.records import Candidate, Match, Place

try:
    __version__ = version("frontline-tracker")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

from gazetteer.index import Gazetteer  # noqa: E402 - needs __version__ for its cache key
from gazetteer.normalize import name_key  # noqa: E402

__all__ = [
    "Candidate",
    "DumpFormatError",
    "Gazetteer",
    "GazetteerError",
    "Match",
    "OnlineLookupError",
    "Place",
    "UnknownPlaceError",
    "__version__",
    "name_key",
]
