"""build_maps: the files of a build, their layout, options and errors."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from browser.samples import snapshot_parts

from geo._errors import GeoError
from geo.render import BuildSummary, RenderError, Snapshot, build_maps
from geo.render._folium import LEAFLET_VERSION
from geo.theatre import load_profile

DATES = (dt.date(2016, 2, 1), dt.date(2016, 3, 27), dt.date(2016, 5, 6))


@pytest.fixture(scope="module")
def profile():
    return load_profile("syria_iraq")


def _snapshots():
    # Given out of order on purpose: the build sorts them.
    return [Snapshot(**snapshot_parts(day)) for day in reversed(DATES)]


@pytest.fixture(scope="module")
def built(tmp_path_factory, profile) -> BuildSummary:
    out = tmp_path_factory.mktemp("maps")
    (out / "data").mkdir()
    (out / "data" / "observations.geojson").write_text("{}", encoding="utf-8")
    (out / "data" / "report.json").write_text("{}", encoding="utf-8")
    return build_maps(_snapshots(), out_dir=out, profile=profile)


def test_layout_and_summary(built):
    out = built.out_dir
    names = sorted(path.relative_to(out).as_posix() for path in built.files)
    assert names == [
        "index.html",
        "snapshots/2016-02-01.html",
        "snapshots/2016-02-01.png",
        "snapshots/2016-03-27.html",
        "snapshots/2016-03-27.png",
        "snapshots/2016-05-06.html",
        "snapshots/2016-05-06.png",
        "timeline.html",
    ]
    assert all(path.stat().st_size > 1000 for path in built.files)
    assert built.snapshots == 3 and built.dates == DATES
    assert built.places == 6
    assert built.index == out / "index.html" and built.timeline == out / "timeline.html"
    assert not list(out.rglob("*.tmp")), "temporary files left behind"


def test_snapshot_pages_link_their_neighbours(built):
    snaps = built.out_dir / "snapshots"
    first = (snaps / "2016-02-01.html").read_text(encoding="utf-8")
    middle = (snaps / "2016-03-27.html").read_text(encoding="utf-8")
    assert 'href="2016-03-27.html"' in first and "\u2190 first" in first
    assert 'href="2016-02-01.html"' in middle and 'href="2016-05-06.html"' in middle


def test_index_links_everything(built):
    index = built.index.read_text(encoding="utf-8")
    for day in DATES:
        assert f'<img src="snapshots/{day}.png"' in index
        assert f'href="snapshots/{day}.html"' in index
    assert 'href="timeline.html"' in index
    assert 'href="data/observations.geojson"' in index and 'href="data/report.json"' in index
    assert "3 snapshots, 2016-02-01 to 2016-05-06." in index
    # Cards in date order.
    assert [m for m in re.findall(r'id="snapshot-([0-9-]+)"', index)] == [
        d.isoformat() for d in DATES
    ]


def test_rebuild_is_byte_identical(built, tmp_path, profile):
    again = build_maps(_snapshots(), out_dir=tmp_path, profile=profile)
    for path in again.files:
        if path.name == "index.html":
            continue  # the first build links data files this one has not
        twin = built.out_dir / path.relative_to(tmp_path)
        assert path.read_bytes() == twin.read_bytes(), path.name


def test_offline_build_ships_leaflet(tmp_path, profile):
    summary = build_maps(_snapshots()[:1], out_dir=tmp_path, profile=profile, offline=True)
    assets = tmp_path / "assets"
    assert (assets / "leaflet.js").read_text(encoding="utf-8").count(f'"{LEAFLET_VERSION}"') == 1
    assert "BSD 2-Clause" in (assets / "LICENSE-leaflet.txt").read_text(encoding="utf-8")
    page = (tmp_path / "snapshots" / f"{DATES[-1]}.html").read_text(encoding="utf-8")
    assert "https://" not in re.sub(r"https://leafletjs\.com", "", page)
    assert '<script src="../assets/leaflet.js">' in page
    timeline = (tmp_path / "timeline.html").read_text(encoding="utf-8")
    assert '<script src="assets/leaflet.js">' in timeline
    assert assets / "leaflet.js" in summary.files


def test_formats_and_tiles(tmp_path, profile):
    png_only = build_maps(
        _snapshots()[:1], out_dir=tmp_path / "png", profile=profile, formats=["png"]
    )
    assert sorted(p.name for p in png_only.files) == [f"{DATES[-1]}.png", "index.html"]
    assert png_only.timeline is None
    html_only = build_maps(
        _snapshots()[:1],
        out_dir=tmp_path / "html",
        profile=profile,
        formats=("HTML",),
        tiles="none",
    )
    assert sorted(p.name for p in html_only.files) == [
        f"{DATES[-1]}.html",
        "index.html",
        "timeline.html",
    ]
    page = (tmp_path / "html" / "snapshots" / f"{DATES[-1]}.html").read_text(encoding="utf-8")
    assert "tile.openstreetmap.org" not in page
    osm = build_maps(
        _snapshots()[:1],
        out_dir=tmp_path / "osm",
        profile=profile,
        formats=("html",),
        tiles="OpenStreetMap",
    )
    assert "tile.openstreetmap.org" in (osm.out_dir / "snapshots" / f"{DATES[-1]}.html").read_text(
        encoding="utf-8"
    )


def test_errors_name_the_bad_input(tmp_path, profile):
    with pytest.raises(RenderError, match="'pdf'"):
        build_maps(_snapshots(), out_dir=tmp_path, profile=profile, formats=("html", "pdf"))
    twice = [Snapshot(**snapshot_parts(DATES[0])), Snapshot(**snapshot_parts(DATES[0]))]
    with pytest.raises(RenderError, match="2016-02-01") as caught:
        build_maps(twice, out_dir=tmp_path, profile=profile)
    assert isinstance(caught.value, GeoError) and isinstance(caught.value, ValueError)
    assert not (tmp_path / "snapshots").exists()


def test_no_snapshot_still_writes_an_index(tmp_path, profile):
    summary = build_maps([], out_dir=tmp_path, profile=profile)
    assert summary.snapshots == 0 and summary.timeline is None
    assert "no snapshot to draw" in summary.index.read_text(encoding="utf-8")


def test_rebuild_removes_outdated_snapshots_only(tmp_path, profile):
    build_maps(_snapshots(), out_dir=tmp_path, profile=profile)
    notes = tmp_path / "snapshots" / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    build_maps(_snapshots()[:1], out_dir=tmp_path, profile=profile, formats=("png",))
    left = sorted(path.name for path in (tmp_path / "snapshots").iterdir())
    assert left == [f"{DATES[-1]}.png", "notes.txt"]
    assert not (tmp_path / "timeline.html").exists()
