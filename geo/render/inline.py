"""Self-contained copies of written map pages, for notebooks and for sending by mail."""

from __future__ import annotations

import base64
import re
from pathlib import Path

from geo.render._folium import ASSET_FILES

VENDORED_ASSETS = Path(__file__).resolve().parent / "assets"
"""The Leaflet release the pages load, shipped with the package."""

_MIME = {".js": "text/javascript", ".css": "text/css"}


def standalone_html(page: Path) -> str:
    """The HTML of a written map page with Leaflet's script and style inlined.

    Whether the page was built to load Leaflet from the CDN or from ``DIR/assets/``
    (``offline``), the copy returned opens with no network and from any folder: in a
    notebook's ``IFrame``, as an e-mail attachment.

    Parameters
    ----------
    page
        A snapshot page or the time-slider page written by :func:`geo.render.build_maps`.
    """
    html = Path(page).read_text(encoding="utf-8")
    for name in ASSET_FILES:
        mime = _MIME.get(Path(name).suffix)
        if mime is None:
            continue
        data = base64.b64encode((VENDORED_ASSETS / name).read_bytes()).decode("ascii")
        html = re.sub(
            rf'"[^"\s]*/{re.escape(name)}"',
            lambda _m, d=data, m=mime: f'"data:{m};base64,{d}"',
            html,
        )
    return html
