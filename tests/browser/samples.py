"""Hand-built snapshots for the rendering tests: real towns, all kinds of features.

Nothing here comes from the seeds: the places, sides and sentences are the tests' own, so the
renderer is exercised on inputs it was not tuned on.
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
from shapely.geometry import LineString, Point, Polygon

from geo.records import Advance, ControlState, Observation

XSS_IMG = '<img src=x onerror="window.__pwned=1">'
XSS_SCRIPT = "</script><script>window.__pwned=2</script>"
XSS_TEMPLATE = "${window.__pwned=3}`+(window.__pwned=4)+`"
JINJA = "{{ 'JINJA' ~ '-EVAL' }}{% if true %}JINJA-RAN{% endif %}{# gone #}"
"""branca compiles rendered output as a Jinja template: this must come out literally."""

# (place_id, name, lon, lat)
MANBIJ = ("geonames:166365", "Manbij", 37.9553, 36.5281)
ALEP = ("geonames:170063", "Alep", 37.1612, 36.2021)
HOMS = ("geonames:169577", "Homs", 36.7234, 34.7268)
SOUKHNE = ("geonames:163180", "Soukhné", 38.8767, 34.8962)
QARYATAYN = ("geonames:170592", "Qaryatayn", 37.2406, 34.2288)
HAMA = ("geonames:170017", "Hama", 36.7578, 35.1318)
BAYARAT = ("inferred:al-bayarat", "al-Bayarat", 37.98, 34.61)


def state(
    place: tuple[str, str, float, float],
    side: str,
    *,
    snapshot: dt.date,
    since: dt.date,
    evidence: str = "",
    confidence: float = 0.8,
    stale: bool = False,
    uncertainty_km: float = 0.0,
    relation: str = "controls",
) -> ControlState:
    place_id, name, lon, lat = place
    return ControlState(
        snapshot=snapshot,
        place_id=place_id,
        place=name,
        lon=lon,
        lat=lat,
        side=side,
        since=since,
        article_id=f"art-{since:%Y%m%d}",
        evidence=evidence or f"Les forces ont pris le contrôle de {name} selon une source.",
        relation=relation,
        confidence=confidence,
        age_days=(snapshot - since).days,
        stale=stale,
        uncertainty_km=uncertainty_km,
    )


def observation(
    place: tuple[str, str, float, float],
    side: str | None,
    *,
    date: dt.date,
    geometry=None,
    relation: str = "controls",
    confidence: float = 0.8,
    context: bool = False,
    evidence: str = "",
    precision: str = "day",
) -> Observation:
    place_id, name, lon, lat = place
    return Observation(
        article_id=f"art-{date:%Y%m%d}",
        evidence=evidence or f"Les combattants tiennent {name}, selon l'OSDH.",
        relation=relation,
        actor=side,
        side=side,
        place_id=place_id,
        place=name,
        lon=lon,
        lat=lat,
        uncertainty_km=5.0,
        geometry=geometry if geometry is not None else Point(lon, lat),
        date=date,
        date_precision=precision,
        confidence=confidence,
        context=context,
    )


def _square(lon: float, lat: float, half: float) -> Polygon:
    return Polygon(
        [(lon - half, lat - half), (lon + half, lat - half), (lon + half, lat + half)]
        + [(lon - half, lat + half)]
    )


def empty_zones() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"side": [], "stale": []}, geometry=[], crs="EPSG:4326")


def empty_fronts() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"sides": [], "stale": []}, geometry=[], crs="EPSG:4326")


def snapshot_parts(day: dt.date, *, evidence: str = "", place_name: str | None = None) -> dict:
    """The fields of a rich snapshot at ``day``: every side and kind of feature at least once.

    ``evidence`` and ``place_name`` replace the Manbij state's sentence and name (the XSS tests
    put their payloads there).
    """
    early = day - dt.timedelta(days=200)
    manbij = MANBIJ if place_name is None else (MANBIJ[0], place_name, MANBIJ[2], MANBIJ[3])
    states = [
        state(manbij, "sdf", snapshot=day, since=day - dt.timedelta(days=3), evidence=evidence),
        state(ALEP, "rebels", snapshot=day, since=early, stale=True),
        state(HOMS, "government", snapshot=day, since=day - dt.timedelta(days=10)),
        state(SOUKHNE, "contested", snapshot=day, since=day, relation="fighting"),
        state(QARYATAYN, "isis", snapshot=day, since=day - dt.timedelta(days=20)),
        state(
            BAYARAT,
            "government",
            snapshot=day,
            since=day,
            confidence=0.4,
            uncertainty_km=8.0,
            relation="captured",
        ),
    ]
    sector = Polygon([(37.9, 34.5), (38.1, 34.5), (38.15, 34.7), (37.85, 34.72)])
    observations = [
        observation(BAYARAT, "government", date=day, geometry=sector, confidence=0.4),
        observation(HAMA, "government", date=day - dt.timedelta(days=5), precision="month"),
        observation(
            ("country:RU", "Moscou", 37.6173, 55.7558),
            None,
            date=day,
            context=True,
            relation="positioned",
        ),
    ]
    advances = [
        Advance(
            side="government",
            actor="syrian_army",
            origin=(HOMS[2], HOMS[3]),
            target=(38.2, 34.6),
            target_place="Palmyre",
            date=day,
            article_id=f"art-{day:%Y%m%d}",
            evidence="L'armée avance vers Palmyre depuis Homs.",
            confidence=0.7,
        )
    ]
    zones = gpd.GeoDataFrame(
        {"side": ["sdf", "isis"], "stale": [False, True]},
        geometry=[_square(MANBIJ[2], MANBIJ[3], 0.25), _square(QARYATAYN[2], QARYATAYN[3], 0.3)],
        crs="EPSG:4326",
    )
    fronts = gpd.GeoDataFrame(
        {"sides": ["government|isis"], "stale": [False]},
        geometry=[LineString([(37.6, 34.0), (37.7, 34.6), (37.9, 35.0)])],
        crs="EPSG:4326",
    )
    return {
        "date": day,
        "states": states,
        "advances": advances,
        "observations": observations,
        "zones": zones,
        "fronts": fronts,
    }
