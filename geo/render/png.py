"""A static PNG per snapshot, readable without a browser (geopandas and matplotlib, Agg).

Web Mercator like the HTML maps, the same colours and symbols (:mod:`geo.render._style`),
country borders from the offline Natural Earth file, places labelled without overlaps where
a free spot exists, a legend, a title with the date and a scale bar measured with pyproj's
``Geod``. The figure is drawn on an Agg canvas of its own: no pyplot state, no display.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Bbox
from pyproj import Geod, Transformer
from shapely.geometry.base import BaseGeometry

from geo.render._basemap import theatre_countries
from geo.render._page import (
    BORDER_COLOUR,
    LAND_COLOUR,
    SEA_COLOUR,
    counts_line,
    ordered_sides,
    snapshot_title,
)
from geo.render._style import (
    CONTESTED,
    FRONT_COLOUR,
    LOW_CONFIDENCE,
    STALE_OPACITY,
    is_uncertain,
    side_colour,
    side_label,
)
from geo.render.html import snapshot_bounds

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from geo.render.snapshot import Snapshot
    from geo.theatre import TheatreProfile

WIDTH_PX = 1100
HEIGHT_PX = 850
DPI = 100
"""Image size: 1100 x 850 pixels, legible on a laptop screen and in a printed page."""

MIN_SPAN_DEG = 1.5
"""Smallest extent shown: a snapshot of one town still shows its surroundings."""

_AXES_RECT = (0.01, 0.035, 0.98, 0.865)
"""Axes position in figure fractions: room above for the title, below for the credits."""

_LABEL_OFFSETS = (
    (7, 5, "left", "bottom"),
    (7, -5, "left", "top"),
    (-7, 5, "right", "bottom"),
    (-7, -5, "right", "top"),
    (0, 9, "center", "bottom"),
    (0, -9, "center", "top"),
    (12, 0, "left", "center"),
    (-12, 0, "right", "center"),
)
"""Label positions tried in turn (offset in points, alignment): the first that overlaps no
marker and no earlier label wins."""

_NICE_KM = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)

_GEOD = Geod(ellps="WGS84")
_TO_MERCATOR = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)


@dataclass(frozen=True)
class PngImage:
    """A rendered snapshot image.

    Parameters
    ----------
    data
        The PNG file's bytes.
    size
        ``(width, height)`` in pixels.
    pixels
        Where each place was drawn: ``place_id -> (column, row)`` from the top-left corner.
    labels
        Where each place's label was drawn: ``place_id -> (left, top, right, bottom)`` pixels.
    scale_bar
        The scale bar's length: ``(kilometres, pixels)``.
    """

    data: bytes
    size: tuple[int, int]
    pixels: Mapping[str, tuple[int, int]]
    labels: Mapping[str, tuple[int, int, int, int]]
    scale_bar: tuple[int, int]


def _extent(snapshot: Snapshot, profile: TheatreProfile) -> tuple[float, float, float, float]:
    """The Web Mercator window to show, widened to the axes' aspect ratio."""
    min_lon, min_lat, max_lon, max_lat = snapshot_bounds(snapshot, profile=profile)
    lon_c, lat_c = (min_lon + max_lon) / 2, (min_lat + max_lat) / 2
    half_lon = max(max_lon - min_lon, MIN_SPAN_DEG) / 2
    half_lat = max(max_lat - min_lat, MIN_SPAN_DEG) / 2
    x0, y0 = _TO_MERCATOR.transform(lon_c - half_lon, lat_c - half_lat)
    x1, y1 = _TO_MERCATOR.transform(lon_c + half_lon, lat_c + half_lat)
    axes_ratio = (_AXES_RECT[2] * WIDTH_PX) / (_AXES_RECT[3] * HEIGHT_PX)
    width, height = x1 - x0, y1 - y0
    if width / height < axes_ratio:
        grow = (height * axes_ratio - width) / 2
        x0, x1 = x0 - grow, x1 + grow
    else:
        grow = (width / axes_ratio - height) / 2
        y0, y1 = y0 - grow, y1 + grow
    return x0, y0, x1, y1


def _mercator(geometries: Sequence[BaseGeometry], crs: object = "EPSG:4326") -> list:
    """``geometries`` in Web Mercator (a frame without CRS is taken as WGS84 lon/lat)."""
    return list(gpd.GeoSeries(list(geometries), crs=crs or "EPSG:4326").to_crs("EPSG:3857"))


def _polygon_path(geometry: BaseGeometry) -> MplPath:
    """A compound path of every ring of a (Multi)Polygon; holes stay holes (even-odd)."""
    polygons = getattr(geometry, "geoms", [geometry])
    rings = [ring for poly in polygons for ring in (poly.exterior, *poly.interiors)]
    return MplPath.make_compound_path(
        *(MplPath(np.asarray(ring.coords)[:, :2], closed=True) for ring in rings)
    )


def _draw_polygons(ax: Axes, geometries: Sequence[BaseGeometry], **style: object) -> None:
    paths = [
        _polygon_path(geometry)
        for geometry in geometries
        if geometry.geom_type in ("Polygon", "MultiPolygon") and not geometry.is_empty
    ]
    if paths:
        ax.add_collection(PathCollection(paths, **style), autolim=False)


def _draw_lines(ax: Axes, geometry: BaseGeometry, **style: object) -> None:
    for line in getattr(geometry, "geoms", [geometry]):
        if line.geom_type == "LineString" and not line.is_empty:
            xs, ys = np.asarray(line.coords)[:, 0], np.asarray(line.coords)[:, 1]
            ax.plot(xs, ys, **style)


def _draw_areas(ax: Axes, snapshot: Snapshot, profile: TheatreProfile) -> None:
    for row in snapshot.zones.itertuples(index=False):
        if row.geometry is None or row.geometry.is_empty:
            continue
        colour = side_colour(profile, row.side)
        stale = bool(row.stale)
        _draw_polygons(
            ax,
            _mercator([row.geometry], snapshot.zones.crs),
            facecolor=to_rgba(colour, 0.10 if stale else 0.22),
            edgecolor=to_rgba(colour, STALE_OPACITY if stale else 0.9),
            linestyle="--" if stale else "-",
            linewidth=0.8,
            zorder=2,
        )
    for row in snapshot.fronts.itertuples(index=False):
        if row.geometry is None or row.geometry.is_empty:
            continue
        stale = bool(row.stale)
        _draw_lines(
            ax,
            _mercator([row.geometry], snapshot.fronts.crs)[0],
            color=FRONT_COLOUR,
            linewidth=2.5,
            linestyle=(0, (4, 2)) if stale else (0, (8, 3)),
            alpha=STALE_OPACITY if stale else 0.95,
            zorder=3,
        )
    for obs in snapshot.observations:
        if obs.context:
            continue
        colour = side_colour(profile, obs.side)
        uncertain = is_uncertain(obs.place_id, obs.confidence)
        if obs.geometry.geom_type in ("Polygon", "MultiPolygon"):
            _draw_polygons(
                ax,
                _mercator([obs.geometry]),
                facecolor=to_rgba(colour, 0.06),
                edgecolor=to_rgba(colour, 0.8),
                linestyle=":" if uncertain else "-",
                linewidth=1.0,
                zorder=3,
            )
        x, y = _TO_MERCATOR.transform(obs.lon, obs.lat)
        ax.scatter(
            [x],
            [y],
            s=14,
            facecolor="white" if uncertain else colour,
            edgecolor=colour,
            linewidth=1.2,
            zorder=4,
        )


def _draw_advances(ax: Axes, snapshot: Snapshot, profile: TheatreProfile) -> None:
    for advance in snapshot.advances:
        if advance.origin == advance.target:
            continue
        colour = side_colour(profile, advance.side)
        ax.annotate(
            "",
            xy=_TO_MERCATOR.transform(*advance.target),
            xytext=_TO_MERCATOR.transform(*advance.origin),
            arrowprops={
                "arrowstyle": "-|>",
                "color": colour,
                "lw": 2.5,
                "mutation_scale": 18,
                "linestyle": ":" if advance.confidence < LOW_CONFIDENCE else "-",
                "shrinkA": 4,
                "shrinkB": 9,  # points: the head stops short of the target's marker
            },
            zorder=5,
        )


@dataclass(frozen=True)
class _Mark:
    """A drawn point to label: a place held by a side, or (``minor``) an observed place."""

    key: str
    x: float
    y: float
    name: str
    confidence: float
    minor: bool = False


def _draw_places(ax: Axes, snapshot: Snapshot, profile: TheatreProfile) -> list[_Mark]:
    marks = []
    for state in sorted(snapshot.states, key=lambda s: (s.place_id, s.place)):
        colour = side_colour(profile, state.side)
        uncertain = is_uncertain(state.place_id, state.confidence)
        contested = state.side == CONTESTED
        x, y = _TO_MERCATOR.transform(state.lon, state.lat)
        ax.scatter(
            [x],
            [y],
            s=110 if contested else 80,
            facecolor="white" if uncertain else colour,
            edgecolor="black" if contested else colour if uncertain else "white",
            linewidth=2.5 if contested or uncertain else 1.5,
            alpha=STALE_OPACITY if state.stale else 1.0,
            zorder=6,
        )
        marks.append(_Mark(state.place_id, x, y, state.place, state.confidence))
    held = {state.place_id for state in snapshot.states}
    observed = {}
    for obs in snapshot.observations:
        point = obs.geometry.geom_type == "Point"
        if point and not obs.context and obs.place and obs.place_id and obs.place_id not in held:
            observed.setdefault(obs.place_id, obs)
    for place_id, obs in sorted(observed.items()):
        x, y = _TO_MERCATOR.transform(obs.lon, obs.lat)
        marks.append(_Mark(place_id, x, y, obs.place, obs.confidence, minor=True))
    return marks


def _overlaps(box: Bbox, taken: Sequence[Bbox]) -> bool:
    return any(box.overlaps(other) for other in taken)


def _label_places(
    ax: Axes, fig: Figure, marks: Sequence[_Mark], *, avoid: Sequence[Bbox]
) -> dict[str, Bbox]:
    """Label each mark at the first free spot around it (off the markers, earlier labels and
    the ``avoid`` boxes); held places first, then observed ones, in smaller grey type.

    Returns the display boxes of the held places' labels.
    """
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    taken = list(avoid)
    for mark in marks:
        px, py = ax.transData.transform((mark.x, mark.y))
        taken.append(Bbox.from_extents(px - 7, py - 7, px + 7, py + 7))
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    boxes = {}
    for mark in sorted(marks, key=lambda m: (m.minor, -m.confidence, m.name, m.key)):
        style = (
            {"fontsize": 7.5, "color": "#555555", "fontstyle": "italic"}
            if mark.minor
            else {"fontsize": 9, "color": "#222222", "fontweight": "bold"}
        )
        for number, (dx, dy, ha, va) in enumerate(_LABEL_OFFSETS):
            text = ax.annotate(
                mark.name,
                xy=(mark.x, mark.y),
                xytext=(dx, dy),
                textcoords="offset points",
                ha=ha,
                va=va,
                path_effects=halo,
                parse_math=False,
                zorder=7,
                **style,
            )
            box = text.get_window_extent(renderer)
            fits = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
            if fits and not _overlaps(box, taken):
                taken.append(box)
                if not mark.minor:
                    boxes[mark.key] = box
                break
            if number == len(_LABEL_OFFSETS) - 1 and not mark.minor:
                # No free spot: a held place keeps its label anyway, at the last position.
                taken.append(box)
                boxes[mark.key] = box
                break
            text.remove()
    return boxes


def _scale_bar(ax: Axes, extent: tuple[float, float, float, float]) -> tuple[int, int]:
    """A scale bar in the lower right, its length measured on the ellipsoid at its latitude.

    Returns its length in kilometres and in pixels.
    """
    x0, y0, x1, y1 = extent
    to_lonlat = Transformer.from_crs("EPSG:3857", "EPSG:4326", always_xy=True)
    bar_y = y0 + (y1 - y0) * 0.04
    west, lat = to_lonlat.transform(x0, bar_y)
    east, _ = to_lonlat.transform(x1, bar_y)
    _, _, width_m = _GEOD.inv(west, lat, east, lat)
    fitting = [km for km in _NICE_KM if km * 1000.0 <= width_m * 0.22]
    length_km = fitting[-1] if fitting else _NICE_KM[0]
    # The bar ends 3 % from the right edge; its start is measured westwards on the ellipsoid.
    end_x = x1 - (x1 - x0) * 0.03
    end_lon, _ = to_lonlat.transform(end_x, bar_y)
    start_lon, _, _ = _GEOD.fwd(end_lon, lat, 270.0, length_km * 1000.0)
    start_x, start_y = _TO_MERCATOR.transform(start_lon, lat)
    ax.plot([start_x, end_x], [start_y, start_y], color="black", linewidth=4, zorder=8)
    ax.plot([start_x, end_x], [start_y, start_y], color="white", linewidth=2, zorder=8)
    ax.text(
        (start_x + end_x) / 2,
        start_y + (y1 - y0) * 0.012,
        f"{length_km} km",
        ha="center",
        va="bottom",
        fontsize=9,
        path_effects=[patheffects.withStroke(linewidth=3, foreground="white")],
        zorder=8,
    )
    left, _ = ax.transData.transform((start_x, start_y))
    right, _ = ax.transData.transform((end_x, start_y))
    return length_km, round(right - left)


def _legend(ax: Axes, snapshot: Snapshot, profile: TheatreProfile) -> Legend:
    sides = {state.side for state in snapshot.states} | {a.side for a in snapshot.advances}
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=9,
            markerfacecolor=side_colour(profile, side),
            markeredgecolor="black" if side == CONTESTED else "white",
            markeredgewidth=2 if side == CONTESTED else 1,
            label=side_label(profile, side),
        )
        for side in ordered_sides(profile, sides)
    ]
    handles += [
        Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor="#999999",
               markeredgecolor="white", alpha=STALE_OPACITY, label="stale evidence (faded)"),
        Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor="white",
               markeredgecolor="#555555", markeredgewidth=2,
               label="inferred position or low confidence (hollow)"),
        Line2D([], [], color=FRONT_COLOUR, linewidth=2.5, linestyle=(0, (8, 3)),
               label="front line"),
        Line2D([], [], color="#555555", linewidth=2.5, marker=">", markevery=[1],
               label="advance"),
    ]  # fmt: skip
    legend = ax.legend(
        handles=handles, loc="lower left", fontsize=8, framealpha=0.92, title="Legend"
    )
    legend.set_zorder(9)
    for text in legend.get_texts():
        text.set_parse_math(False)
    return legend


def render_png(snapshot: Snapshot, *, profile: TheatreProfile) -> PngImage:
    """Draw ``snapshot`` as a PNG image.

    Parameters
    ----------
    snapshot
        What to draw.
    profile
        Theatre profile: side labels and colours (the HTML maps use the same).

    Returns
    -------
    PngImage
        The PNG bytes, the image size and where each place was drawn.
    """
    fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_axes(_AXES_RECT)
    extent = _extent(snapshot, profile)
    ax.set_facecolor(SEA_COLOUR)
    ax.set_xticks([])
    ax.set_yticks([])
    _draw_polygons(
        ax,
        _mercator(theatre_countries(profile).geometry),
        facecolor=LAND_COLOUR,
        edgecolor=BORDER_COLOUR,
        linewidth=0.7,
        zorder=1,
    )
    _draw_areas(ax, snapshot, profile)
    _draw_advances(ax, snapshot, profile)
    marks = _draw_places(ax, snapshot, profile)
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    scale_bar = _scale_bar(ax, extent)
    legend = _legend(ax, snapshot, profile)
    title = {"ha": "center", "parse_math": False}
    fig.text(0.5, 0.955, snapshot_title(profile, snapshot), fontsize=17, fontweight="bold", **title)
    fig.text(0.5, 0.915, counts_line(profile, snapshot), fontsize=10, color="#333333", **title)
    fig.text(
        0.01,
        0.012,
        "Borders: Natural Earth (public domain). Web Mercator. "
        "Evidence for every place: see the HTML snapshot.",
        fontsize=7,
        color="#555555",
    )
    renderer = fig.canvas.get_renderer()
    boxes = _label_places(ax, fig, marks, avoid=[legend.get_window_extent(renderer)])
    pixels = {}
    for mark in marks:
        if not mark.minor:
            px, py = ax.transData.transform((mark.x, mark.y))
            pixels[mark.key] = (round(px), round(HEIGHT_PX - py))
    labels = {
        place_id: (round(b.x0), round(HEIGHT_PX - b.y1), round(b.x1), round(HEIGHT_PX - b.y0))
        for place_id, b in boxes.items()
    }
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return PngImage(
        data=buffer.getvalue(),
        size=(WIDTH_PX, HEIGHT_PX),
        pixels=pixels,
        labels=labels,
        scale_bar=scale_bar,
    )
