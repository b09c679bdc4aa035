"""Self-contained pages: Leaflet inlined whether the maps load it from the CDN or offline."""

from __future__ import annotations

import datetime as dt

import pytest
from browser.samples import snapshot_parts

from geo.render import Snapshot, build_maps, standalone_html
from geo.theatre import load_profile


@pytest.mark.parametrize("offline", [False, True])
def test_a_standalone_page_needs_no_other_file(tmp_path, offline):
    summary = build_maps(
        [Snapshot(**snapshot_parts(dt.date(2017, 3, 2)))],
        out_dir=tmp_path,
        profile=load_profile("syria_iraq"),
        formats=("html",),
        offline=offline,
    )
    page = next(p for p in summary.files if p.parent.name == "snapshots" and p.suffix == ".html")
    html = standalone_html(page)
    assert "leaflet.js" not in html and "leaflet.css" not in html
    assert html.count("data:text/javascript;base64,") == 1
    assert html.count("data:text/css;base64,") == 1
    assert "L.map(" in html  # the map itself is still there
