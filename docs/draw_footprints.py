"""Draw ``docs/footprints.png``: the footprints of the seeds' position claims on a map.

Run from the repository root (offline, a few seconds)::

    python docs/draw_footprints.py [OUT.png]

It runs the whole extraction over the bundled seeds (:func:`geo.pipeline.run`) and draws,
over the bundled country borders, every claim's footprint (sector, ring or disc), its best
estimate, its anchor, and the places inferred from the text with their uncertainty radius,
with the phrase of each claim listed below the maps.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from geo.borders import countries  # noqa: E402
from geo.geodesy import disc  # noqa: E402
from geo.pipeline import run  # noqa: E402

OUT = Path(__file__).resolve().parent / "footprints.png"
FRAME = (35.2, 41.2, 32.8, 37.0)
"""lon_min, lon_max, lat_min, lat_max: central Syria, where the seeds' claims lie."""

ZOOM = (37.5, 39.0, 33.8, 35.0)
"""The same around Palmyre, where the small footprints and the inferred villages are."""

ZOOM_WIDEST_KM = 70.0
"""The zoom shows the claims whose uncertainty is below this (directions without a distance
cover the whole zoom and are left to the overview)."""


def _draw(ax, geometry, colour: str, *, hatch: str | None = None) -> None:
    for polygon in getattr(geometry, "geoms", [geometry]):
        x, y = polygon.exterior.xy
        ax.fill(x, y, facecolor=colour, alpha=0.18, edgecolor=colour, linewidth=1.2, hatch=hatch)
        for ring in polygon.interiors:
            x, y = ring.xy
            ax.plot(x, y, color=colour, linewidth=0.8)


def _panel(ax, result, frame, *, numbers: bool, widest_km: float) -> None:
    countries().plot(ax=ax, facecolor="#f4f1ea", edgecolor="#8a8a8a", linewidth=0.8)
    colours = plt.get_cmap("tab20")
    for n, claim in enumerate(result.claims, start=1):
        if claim.uncertainty_km > widest_km:
            continue
        colour = colours((n - 1) % 20)
        _draw(ax, claim.footprint, colour)
        ax.plot(claim.lon, claim.lat, marker="x", color=colour, markersize=7)
        if numbers:
            ax.annotate(
                str(n),
                (claim.lon, claim.lat),
                xytext=(3, 3 + 7 * (n % 3)),
                textcoords="offset points",
                fontsize=7,
                color=colour,
            )
    for claim in result.claims:
        ax.plot(claim.anchor.lon, claim.anchor.lat, marker="o", color="black", markersize=5)
        ax.annotate(
            claim.anchor.name,
            (claim.anchor.lon, claim.anchor.lat),
            xytext=(5, -10),
            textcoords="offset points",
            fontsize=8,
        )
    for place in result.inferred_places:
        x, y = disc((place.lon, place.lat), radius_km=place.uncertainty_km).polygon.exterior.xy
        ax.plot(x, y, color="darkred", linestyle="--", linewidth=1)
        ax.plot(place.lon, place.lat, marker="*", color="darkred", markersize=11)
        ax.annotate(
            f"{place.name} ±{place.uncertainty_km:.0f} km",
            (place.lon, place.lat),
            xytext=(-10, 8),
            textcoords="offset points",
            color="darkred",
            fontsize=7,
        )
    ax.set_xlim(frame[0], frame[1])
    ax.set_ylim(frame[2], frame[3])
    ax.set_aspect(1 / 0.82)  # 1° of longitude is cos(35°) ≈ 0.82 of 1° of latitude here
    ax.set_xlabel("")
    ax.set_ylabel("")


def _legend(result) -> str:
    lines = []
    for n, claim in enumerate(result.claims, start=1):
        phrase = claim.sentence.text[claim.start - claim.sentence.start :][
            : claim.end - claim.start
        ]
        who = claim.target.surface if claim.target else "forces"
        lines.append(f"{n:>2}. {who}: « {phrase} » ({claim.article_id[:3]})")
    return "\n".join(lines)


def main(out: Path = OUT) -> Path:
    """Draw the figure to ``out`` and return its path."""
    result = run()
    fig = plt.figure(figsize=(13, 9), dpi=110)
    overview = fig.add_axes((0.04, 0.36, 0.46, 0.6))
    zoom = fig.add_axes((0.53, 0.36, 0.46, 0.6))
    _panel(overview, result, FRAME, numbers=False, widest_km=float("inf"))
    _panel(zoom, result, ZOOM, numbers=True, widest_km=ZOOM_WIDEST_KM)
    overview.set_title("Central Syria: every claim's footprint (x: best estimate)", fontsize=9)
    zoom.set_title(
        f"Around Palmyre: claims within {ZOOM_WIDEST_KM:.0f} km (numbered as below); "
        "*: inferred villages",
        fontsize=9,
    )
    fig.text(0.04, 0.33, _legend(result), va="top", fontsize=7, family="monospace")
    fig.savefig(out)
    plt.close(fig)
    return out


if __name__ == "__main__":
    print(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
