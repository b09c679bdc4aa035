"""Records the gazetteer hands out: places, ranked candidates and matches in text.

Coordinates are ``(lon, lat)`` order everywhere inside, as shapely and GeoJSON have them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the gazetteer.

    Parameters
    ----------
    place_id
        Stable id: ``geonames:163808``, ``country:SY``, ``curated:<slug>``, ``inferred:<slug>``,
        ``online:<slug>``, ``local:<geonameid>``.
    name
        Canonical name (the French name where one is known).
    lon, lat
        WGS84 coordinates of the representative point.
    country_code
        ISO 3166-1 alpha-2 code, or ``None`` when unknown.
    feature_class, feature_code
        GeoNames feature class (``P`` populated place, ``A`` country/admin, ``S`` spot/site,
        ``L`` area, ``T`` terrain, ``H`` hydrography) and code (``PPLC``, ``PPLA``, ``PCLI``...).
    population
        Inhabitants (0 when unknown).
    source
        Where the coordinates come from: ``geonames:<id>``, ``pycountry``, ``curated:<ref>``,
        ``inferred``, ``online:<service>``.
    uncertainty_km
        Radius within which the place lies around ``(lon, lat)``: the place's own extent for a
        gazetteer place, the footprint's radius for an inferred place.
    aliases
        Other names of the place known to the gazetteer.
    evidence
        For inferred places: the sentence(s) that located it.
    """

    place_id: str
    name: str
    lon: float
    lat: float
    country_code: str | None = None
    feature_class: str = "P"
    feature_code: str = "PPL"
    population: int = 0
    source: str = ""
    uncertainty_km: float = 1.0
    aliases: tuple[str, ...] = ()
    evidence: tuple[str, ...] = field(default=(), compare=False)

    @property
    def inferred(self) -> bool:
        """True for a place located from text rather than taken from a gazetteer source."""
        return self.source == "inferred"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place that a name may refer to, with how well the name matched (``score`` in 0..1)."""

    place: Place
    matched_name: str
    score: float
    exact: bool = True

    @property
    def population(self) -> int:
        return self.place.population

    @property
    def feature_class(self) -> str:
        return self.place.feature_class


@dataclass(frozen=True, slots=True)
class Match:
    """A known name found in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    key: str
    place_ids: tuple[str, ...]
