"""Optional online fallback: Nominatim (OpenStreetMap) through geopy, cached on disk.

Off by default. :meth:`gazetteer.Gazetteer.default` turns it on with ``online=True`` or
``GEO_ONLINE=1``; it is asked only for names no offline index knows. Nominatim's usage
policy (https://operations.osmfoundation.org/policies/nominatim/) asks for at most one
request per second, an identifying User-Agent and caching of results: every answer
(including "nothing found") is kept in ``online-nominatim.json`` in the cache directory,
written atomically, so a name is asked once per machine.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from pyproj import Geod

from gazetteer._errors import OnlineLookupError
from gazetteer.cache import atomic_write, cache_dir
from gazetteer.normalize import name_key
from gazetteer.records import Candidate, Place

__all__ = ["NOMINATIM_MIN_DELAY_S", "OnlineGeocoder", "OnlineLookupWarning"]

#: Nominatim's policy: no more than one request per second.
NOMINATIM_MIN_DELAY_S = 1.0
#: Seconds to wait for an answer before giving up with :class:`OnlineLookupError`.
DEFAULT_TIMEOUT_S = 10.0
#: Score of an online candidate: a name the service matched, not one we checked.
ONLINE_SCORE = 0.9
#: Smallest extent given to an online place (a point feature has no bounding box worth it).
MIN_EXTENT_KM = 0.5
_CACHE_NAME = "online-nominatim.json"
_GEOD = Geod(ellps="WGS84")
#: OpenStreetMap ``class`` of a result as a GeoNames feature class.
_FEATURE_CLASS = {
    "place": "P",
    "boundary": "A",
    "natural": "T",
    "waterway": "H",
    "water": "H",
    "landuse": "L",
}


class OnlineLookupWarning(UserWarning):
    """The online fallback failed; the gazetteer goes on offline."""


class OnlineGeocoder:
    """Nominatim lookups, rate-limited, with a timeout and an on-disk cache.

    Parameters
    ----------
    domain, scheme
        Where Nominatim answers (tests point these at a stand-in on 127.0.0.1).
    user_agent
        Identifies the application, as the Nominatim policy requires.
    timeout
        Seconds per request.
    min_delay_seconds
        Least time between two requests.
    cache_dir_path
        Cache directory instead of ``$GEO_CACHE_DIR`` or the platform default.
    language
        Preferred language of the names returned.
    """

    def __init__(
        self,
        *,
        domain: str = "nominatim.openstreetmap.org",
        scheme: str = "https",
        user_agent: str | None = None,
        timeout: float = DEFAULT_TIMEOUT_S,
        min_delay_seconds: float = NOMINATIM_MIN_DELAY_S,
        cache_dir_path: Path | str | None = None,
        language: str = "fr",
    ) -> None:
        from gazetteer import __version__

        self.domain = domain
        self.language = language
        self._nominatim = Nominatim(
            domain=domain,
            scheme=scheme,
            user_agent=user_agent or f"frontline-tracker/{__version__}",
            timeout=timeout,
        )
        self._geocode = RateLimiter(
            self._nominatim.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=0,
            swallow_exceptions=False,
        )
        self._path = cache_dir(cache_dir_path) / _CACHE_NAME
        self._lock = threading.Lock()
        self._answers: dict[str, list[dict[str, Any]]] = self._read_cache()
        self._places: dict[str, Place] = {}
        for raws in self._answers.values():
            for raw in raws:
                place = _place(raw)
                self._places[place.place_id] = place

    def lookup(self, name: str, *, country: str | None = None, limit: int = 5) -> list[Candidate]:
        """Candidates for a name, from the cache or from the service.

        Raises
        ------
        OnlineLookupError
            When the service cannot be reached, times out or answers with an error.
        """
        key = name_key(name)
        if not key:
            return []
        cache_key = f"{key}|{(country or '').upper()}"
        with self._lock:
            raws = self._answers.get(cache_key)
            if raws is None:
                raws = self._ask(name, country, limit)
                self._answers[cache_key] = raws
                self._write_cache()
        candidates = []
        for raw in raws[:limit]:
            place = _place(raw)
            self._places[place.place_id] = place
            candidates.append(Candidate(place, place.name, ONLINE_SCORE, exact=False))
        return candidates

    def get(self, place_id: str) -> Place | None:
        """A place this geocoder returned (now or in an earlier session), or ``None``."""
        return self._places.get(place_id)

    def _ask(self, name: str, country: str | None, limit: int) -> list[dict[str, Any]]:
        try:
            locations = self._geocode(
                name,
                exactly_one=False,
                limit=limit,
                addressdetails=True,
                language=self.language,
                country_codes=country.lower() if country else None,
            )
        except GeopyError as exc:
            raise OnlineLookupError(
                f"online geocoder {self.domain!r} failed for {name!r}: {exc or type(exc).__name__}"
            ) from exc
        return [location.raw for location in locations or ()]

    def _read_cache(self) -> dict[str, list[dict[str, Any]]]:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_cache(self) -> None:
        payload = json.dumps(self._answers, ensure_ascii=False, sort_keys=True)
        atomic_write(self._path, lambda tmp: tmp.write_text(payload, encoding="utf-8"))


def _place(raw: dict[str, Any]) -> Place:
    """A :class:`Place` from one Nominatim JSON result."""
    lon, lat = float(raw["lon"]), float(raw["lat"])
    extent = MIN_EXTENT_KM
    box = raw.get("boundingbox")
    if box and len(box) == 4:
        south, north, west, east = map(float, box)
        _, _, diagonal = _GEOD.inv(west, south, east, north)
        extent = max(MIN_EXTENT_KM, round(diagonal / 2000.0, 3))
    country = (raw.get("address") or {}).get("country_code")
    name = raw.get("name") or str(raw.get("display_name", "")).split(",")[0].strip()
    osm = f"{raw.get('osm_type', 'x')}{raw.get('osm_id', raw.get('place_id', ''))}"
    return Place(
        place_id=f"online:{osm}",
        name=name or osm,
        lon=lon,
        lat=lat,
        country_code=country.upper() if country else None,
        feature_class=_FEATURE_CLASS.get(str(raw.get("class")), "S"),
        feature_code=str(raw.get("type", "")).upper() or "PPL",
        population=0,
        source="online:nominatim",
        uncertainty_km=extent,
        aliases=(),
    )
