"""Colours, dash patterns and wording shared by the HTML and PNG maps.

One table, so that a side has the same colour in the browser and in the static image, and
"stale", "inferred" and "low confidence" look the same way everywhere:

- a side's colour comes from the theatre profile; contested places use the profile's
  ``contested_colour``; a side the profile does not know is drawn in neutral grey;
- stale evidence (older than the timeline's threshold) is faded and dashed;
- an inferred place (located from text, ``inferred:`` ids) or a low-confidence item is drawn
  hollow with a dotted outline, so it never passes for a gazetteer-exact position.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geo.theatre import TheatreProfile

CONTESTED = "contested"
"""The side id the timeline gives a place that no single side holds."""

UNKNOWN_COLOUR = "#7f7f7f"
"""Neutral grey for a side id the theatre profile does not define."""

FRONT_COLOUR = "#c51b7d"
"""Front lines are drawn in one magenta whatever the sides: a hue no side of the default
profile uses (its sides take red, black, green, brown, yellow, blues, purple and orange), so a
front never reads as the edge of a zone."""

LOW_CONFIDENCE = 0.5
"""Below this confidence an item is drawn as uncertain: the extractors score a claim they are
sure of (an explicit verb, a resolved place, a dated sentence) at 0.6 or more, so anything
under 0.5 rests on a guess somewhere along the chain."""

STALE_DASH = "6 4"
"""Dash pattern (Leaflet ``dashArray``) of stale zones, fronts and place outlines."""

UNCERTAIN_DASH = "2 4"
"""Dash pattern of inferred or low-confidence outlines: dotted, unlike the stale dashes."""

STALE_OPACITY = 0.45
"""Opacity of stale items: still visible, visibly older than the rest."""


def side_colour(profile: TheatreProfile, side: str | None) -> str:
    """Colour of ``side`` (a profile side id or ``contested``) as a ``#rrggbb`` string."""
    if side == CONTESTED:
        return profile.contested_colour
    if side is not None and side in profile.sides:
        return profile.sides[side].colour
    return UNKNOWN_COLOUR


def side_label(profile: TheatreProfile, side: str | None) -> str:
    """Human label of ``side``: the profile's label, ``contested``, or the raw id."""
    if side == CONTESTED:
        return "contested"
    if side is not None and side in profile.sides:
        return profile.sides[side].label
    return side or "unknown side"


def is_inferred(place_id: str | None) -> bool:
    """True for a place located from text rather than taken from a gazetteer."""
    return bool(place_id) and place_id.startswith("inferred:")


def is_uncertain(place_id: str | None, confidence: float) -> bool:
    """True when an item must be drawn as uncertain: inferred place or low confidence."""
    return is_inferred(place_id) or confidence < LOW_CONFIDENCE


def format_date(date: dt.date | None, precision: str | None) -> str:
    """A date as precise as the text said it: ``2017-02-14``, ``2017-02`` or ``2017``."""
    if date is None:
        return "undated"
    if precision == "month":
        return f"{date:%Y-%m}"
    if precision == "year":
        return f"{date:%Y}"
    return date.isoformat()
