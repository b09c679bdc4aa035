"""The optional online fallback, against a Nominatim stand-in on 127.0.0.1 (never the net)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from gazetteer import Gazetteer, OnlineLookupError, Place
from gazetteer.online import OnlineGeocoder, OnlineLookupWarning

# Shaped like Nominatim's /search?format=json&addressdetails=1 answer.
BIR_RESULT = {
    "place_id": 123456,
    "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
    "osm_type": "node",
    "osm_id": 987654321,
    "boundingbox": ["34.4", "34.42", "38.4", "38.42"],
    "lat": "34.41",
    "lon": "38.41",
    "display_name": "Bir Test, Homs, Syrie",
    "class": "place",
    "type": "village",
    "importance": 0.3,
    "address": {"village": "Bir Test", "state": "Homs", "country": "Syrie", "country_code": "sy"},
}


class _Nominatim(BaseHTTPRequestHandler):
    requests: list[dict[str, list[str]]] = []
    mode = "ok"

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        query = parse_qs(urlparse(self.path).query)
        type(self).requests.append(query)
        if self.mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        if self.mode == "slow":
            time.sleep(1.0)
        found = [BIR_RESULT] if query.get("q", [""])[0].startswith("Bir") else []
        body = json.dumps(found).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def server() -> Iterator[str]:
    _Nominatim.requests = []
    _Nominatim.mode = "ok"
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Nominatim)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _geocoder(domain: str, tmp_path, **options) -> OnlineGeocoder:
    options.setdefault("min_delay_seconds", 0.0)
    return OnlineGeocoder(domain=domain, scheme="http", cache_dir_path=tmp_path, **options)


def test_lookup_builds_places_from_the_answer(server, tmp_path):
    found = _geocoder(server, tmp_path).lookup("Bir Test", country="SY")
    (candidate,) = found
    place = candidate.place
    assert place.place_id == "online:node987654321"
    assert (place.name, place.country_code, place.feature_class) == ("Bir Test", "SY", "P")
    assert (place.lon, place.lat) == (38.41, 34.41)
    assert place.source == "online:nominatim"
    assert 1.0 < place.uncertainty_km < 2.0  # half the diagonal of a ~2 km box
    assert not candidate.exact and candidate.score < 1.0
    (request,) = _Nominatim.requests
    assert request["q"] == ["Bir Test"] and request["countrycodes"] == ["sy"]
    assert request["accept-language"] == ["fr"]


def test_answers_are_cached_on_disk(server, tmp_path):
    first = _geocoder(server, tmp_path)
    assert first.lookup("Bir Test")
    assert first.lookup("Nowhere at all") == []
    assert len(_Nominatim.requests) == 2
    again = _geocoder(server, tmp_path)  # a new session reads the cache file
    assert again.lookup("Bir Test")[0].place.place_id == "online:node987654321"
    assert again.lookup("nowhere at all") == []  # negative answers are cached too
    assert again.get("online:node987654321").name == "Bir Test"
    assert len(_Nominatim.requests) == 2


def test_requests_are_rate_limited(server, tmp_path):
    geocoder = _geocoder(server, tmp_path, min_delay_seconds=0.3)
    start = time.monotonic()
    for name in ("Bir A", "Bir B", "Bir C"):
        geocoder.lookup(name)
    assert time.monotonic() - start >= 0.6
    assert len(_Nominatim.requests) == 3


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_service_raises_a_clear_error(tmp_path):
    geocoder = _geocoder(f"127.0.0.1:{_closed_port()}", tmp_path, timeout=2)
    with pytest.raises(OnlineLookupError, match="failed for 'Bir Test'"):
        geocoder.lookup("Bir Test")


@pytest.mark.parametrize("mode", ["error", "slow"])
def test_server_error_and_timeout_raise(server, tmp_path, mode):
    _Nominatim.mode = mode
    with pytest.raises(OnlineLookupError, match=r"127\.0\.0\.1"):
        _geocoder(server, tmp_path, timeout=0.3).lookup("Bir Test")


def test_gazetteer_asks_online_only_for_unknown_names(server, tmp_path):
    aleppo = Place("geonames:170063", "Aleppo", 37.16, 36.20, "SY", aliases=("Alep",))
    gaz = Gazetteer.from_places([aleppo], online=_geocoder(server, tmp_path))
    assert gaz.lookup("Alep")[0].place.place_id == "geonames:170063"
    assert _Nominatim.requests == []
    assert gaz.lookup("Bir Test")[0].place.place_id == "online:node987654321"
    assert gaz.get("online:node987654321").country_code == "SY"


def test_gazetteer_warns_once_and_goes_offline_when_unreachable(tmp_path):
    geocoder = _geocoder(f"127.0.0.1:{_closed_port()}", tmp_path, timeout=2)
    gaz = Gazetteer.from_places([], online=geocoder)
    with pytest.warns(OnlineLookupWarning, match="online lookups are off"):
        assert gaz.lookup("Bir Test") == []
    assert gaz.lookup("Bir Test") == []  # no second warning, no second wait
