"""Maps: a folium page and a PNG per snapshot date, a time slider and an index.

The pipeline fills one :class:`Snapshot` per date and hands them to :func:`build_maps`.
"""

from __future__ import annotations

from geo.render._errors import RenderError
from geo.render.build import (
    FORMATS,
    BuildSummary,
    build_maps,
    build_wars_index,
    remove_stale_wars,
)
from geo.render.inline import standalone_html
from geo.render.snapshot import Snapshot

__all__ = [
    "FORMATS",
    "BuildSummary",
    "RenderError",
    "Snapshot",
    "build_maps",
    "build_wars_index",
    "remove_stale_wars",
    "standalone_html",
]
