"""Errors raised while drawing the maps."""

from __future__ import annotations

from geo._errors import GeoError


class RenderError(GeoError, ValueError):
    """Inputs the map builder cannot draw: an unknown output format, two snapshots of one date."""
