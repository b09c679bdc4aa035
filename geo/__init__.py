"""Front-line tracker: dated dispatches in, dated control and advance maps out."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from geo._errors import ArticleFormatError, GeoError, InputNotFoundError
from geo.articles import ReadResult, SkippedInput, read_inputs
from geo.export import write_extract
from geo.pipeline import MapsSummary, PipelineResult, build_maps, report, run
from geo.records import Advance, Article, Claim, ControlState, Mention, Observation, Sentence

try:
    __version__ = version("frontline-tracker")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Advance",
    "Article",
    "ArticleFormatError",
    "Claim",
    "ControlState",
    "GeoError",
    "InputNotFoundError",
    "MapsSummary",
    "Mention",
    "Observation",
    "PipelineResult",
    "ReadResult",
    "Sentence",
    "SkippedInput",
    "__version__",
    "build_maps",
    "read_inputs",
    "report",
    "run",
    "write_extract",
]
