"""The page furniture around the maps: style sheet, legend and the snapshot header.

Everything here is built from escaped pieces; side labels come from the theatre profile but
are escaped like article text, since a profile is a user-editable data file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from geo.render._escape import escape_text
from geo.render._style import (
    CONTESTED,
    FRONT_COLOUR,
    STALE_OPACITY,
    side_colour,
    side_label,
)

if TYPE_CHECKING:
    from geo.render.snapshot import Snapshot
    from geo.theatre import TheatreProfile

SEA_COLOUR = "#dde6ee"
"""Background of a map without tiles: the sea, pale blue-grey."""

LAND_COLOUR = "#f4f1ea"
"""Fill of the countries drawn from the offline borders."""

BORDER_COLOUR = "#8c8c8c"
"""Country border lines."""

MAP_CSS = f"""
.leaflet-container {{ background: {SEA_COLOUR}; font: 13px/1.4 system-ui, sans-serif; }}
.geo-header, .geo-legend, .geo-slider {{
  position: fixed; z-index: 1000; background: rgba(255,255,255,0.94);
  box-shadow: 0 1px 5px rgba(0,0,0,0.35); border-radius: 6px;
  font: 13px/1.4 system-ui, sans-serif; padding: 6px 10px;
}}
.geo-header {{ top: 10px; left: 56px; max-width: calc(100% - 420px); }}
.geo-header h1 {{ font-size: 17px; margin: 0 8px; display: inline; }}
.geo-header a {{ color: #174a7c; text-decoration: none; margin: 0 4px; }}
.geo-header .geo-disabled {{ color: #aaa; margin: 0 4px; }}
.geo-counts {{ font-size: 12px; color: #444; }}
.geo-legend {{ bottom: 40px; left: 10px; max-width: 280px; }}
.geo-legend div {{ margin: 2px 0; white-space: nowrap; }}
.geo-swatch {{ display: inline-block; width: 12px; height: 12px; border-radius: 50%;
  border: 2px solid #fff; box-shadow: 0 0 0 1px #777; vertical-align: middle;
  margin-right: 6px; }}
.geo-line {{ display: inline-block; width: 22px; height: 0; vertical-align: middle;
  margin-right: 6px; }}
.geo-label {{ background: rgba(255,255,255,0.85); border: 0; box-shadow: none;
  padding: 0 3px; font-size: 11px; font-weight: 600; }}
.geo-label::before {{ display: none; }}
.geo-popup table {{ border-collapse: collapse; margin-top: 4px; }}
.geo-popup th {{ text-align: left; padding-right: 8px; color: #555; font-weight: normal; }}
.geo-popup blockquote {{ margin: 6px 0 0; padding-left: 8px; border-left: 3px solid #bbb;
  font-style: italic; }}
"""
"""Style sheet shared by the snapshot pages and the time-slider page."""


def ordered_sides(profile: TheatreProfile, sides: Iterable[str]) -> list[str]:
    """``sides`` in the profile's order, unknown ids after them, ``contested`` last."""
    present = set(sides)
    ordered = [side for side in profile.sides if side in present]
    others = sorted(present - set(ordered) - {CONTESTED})
    return ordered + others + ([CONTESTED] if CONTESTED in present else [])


def legend_html(profile: TheatreProfile, sides: Iterable[str]) -> str:
    """The legend box: one swatch per side shown, then the symbols for stale and uncertain."""
    rows = [
        f'<div><span class="geo-swatch" style="background:{side_colour(profile, side)}">'
        f"</span>{escape_text(side_label(profile, side))}</div>"
        for side in ordered_sides(profile, sides)
    ]
    rows += [
        '<div><span class="geo-swatch" style="background:#bbb;opacity:'
        f'{STALE_OPACITY}"></span>stale evidence (faded, dashed)</div>',
        '<div><span class="geo-swatch" style="background:#fff;border:2px dotted #555;'
        'box-shadow:none"></span>inferred position or low confidence</div>',
        f'<div><span class="geo-line" style="border-top:3px dashed {FRONT_COLOUR}"></span>'
        "front line</div>",
        '<div><span class="geo-line" style="border-top:3px solid #555"></span>&#9654; advance'
        "</div>",
        '<div><span class="geo-line" style="border-top:2px dotted #555"></span>'
        "relative-position footprint</div>",
    ]
    return '<div class="geo-legend"><b>Legend</b>' + "".join(rows) + "</div>"


def snapshot_title(profile: TheatreProfile, snapshot: Snapshot) -> str:
    """The title of a snapshot, on its page, its image and its tab: the date and the war."""
    return f"Situation as of {snapshot.slug} \u2014 {profile.name}"


def counts_line(profile: TheatreProfile, snapshot: Snapshot) -> str:
    """``12 places: 5 Syrian government and allies, 1 contested; 2 advances`` (plain text)."""
    counts = snapshot.side_counts()
    parts = [
        f"{counts[side]} {side_label(profile, side)}" for side in ordered_sides(profile, counts)
    ]
    total = sum(counts.values())
    text = f"{total} place{'s' if total != 1 else ''}"
    if parts:
        text += ": " + ", ".join(parts)
    text += f"; {len(snapshot.advances)} advance{'s' if len(snapshot.advances) != 1 else ''}"
    return text


def header_html(
    snapshot: Snapshot,
    *,
    profile: TheatreProfile,
    previous: str | None,
    following: str | None,
    index_href: str,
    timeline_href: str | None,
) -> str:
    """The snapshot header: date, links to the previous and next snapshot, index and slider."""

    def link(date: str | None, text: str, css: str) -> str:
        if date is None:
            return f'<span class="geo-disabled {css}">{escape_text(text)}</span>'
        return f'<a class="{css}" href="{escape_text(date)}.html">{escape_text(text)}</a>'

    prev_text = f"\u2190 {previous}" if previous else "\u2190 first"
    next_text = f"{following} \u2192" if following else "last \u2192"
    timeline = (
        f' <a class="geo-timeline" href="{escape_text(timeline_href)}">time slider</a>'
        if timeline_href
        else ""
    )
    return (
        '<div class="geo-header">'
        + link(previous, prev_text, "geo-prev")
        + f"<h1>{escape_text(snapshot_title(profile, snapshot))}</h1>"
        + link(following, next_text, "geo-next")
        + f'<div class="geo-counts">{escape_text(counts_line(profile, snapshot))} \u00b7 '
        + f'<a class="geo-index" href="{escape_text(index_href)}">index</a>{timeline}</div>'
        + "</div>"
    )
