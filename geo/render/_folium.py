"""The folium pieces the maps are built from: a Leaflet-only map, safe popups and labels.

folium's default page loads jQuery, Bootstrap, Font Awesome and awesome-markers from five
CDNs; these maps use plain Leaflet vectors only, so :class:`LeafletMap` loads Leaflet alone,
from its CDN or, offline, from the copy vendored in ``geo/render/assets/`` (BSD-2-Clause,
licence beside it). folium's ``Popup`` and ``Tooltip`` paste their text into a JavaScript
template literal unescaped, and branca compiles every element's output as a Jinja template;
:class:`SafePopup` and :class:`Label` hand Leaflet a JavaScript string literal instead, their
HTML is built from escaped pieces (:mod:`geo.render._escape`), and every element of ours adds
its output to the page verbatim (:class:`PageMacro`).
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import folium
from branca.element import Element, MacroElement
from folium.template import Template

from geo._io import write_bytes_atomic
from geo.render._escape import js_string

LEAFLET_VERSION = "1.9.4"
"""Version of Leaflet the maps load; the vendored copy in ``assets/`` is this release."""

LEAFLET_CDN = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/"
"""Where Leaflet is loaded from when the maps are not built ``offline``."""

ASSET_FILES = ("leaflet.js", "leaflet.css", "LICENSE-leaflet.txt")
"""Files copied into ``DIR/assets/`` for offline maps: Leaflet and its licence."""


class LeafletMap(folium.Map):
    """A ``folium.Map`` whose page loads Leaflet only.

    Parameters
    ----------
    asset_base
        URL prefix of ``leaflet.js`` and ``leaflet.css``: the CDN, or a relative folder for
        offline maps (``"../assets/"``).
    **kwargs
        Passed to :class:`folium.Map`.
    """

    def __init__(self, *, asset_base: str = LEAFLET_CDN, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.default_js = [("leaflet", f"{asset_base}leaflet.js")]
        self.default_css = [("leaflet_css", f"{asset_base}leaflet.css")]


class _Text(Element):
    """Text that goes into the page as it is.

    branca's ``MacroElement`` wraps what its macros produce in ``Element(text)``, which
    compiles that text as a Jinja template once more: slow (a compile per feature) and a
    template-injection hole for anything that came from an article.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Text"
        self._text = text

    def render(self, **kwargs: object) -> str:
        return self._text


class PageMacro(MacroElement):
    """A ``MacroElement`` whose ``header``/``html``/``script`` output is added verbatim."""

    def render(self, **kwargs: object) -> None:
        figure = self.get_root()
        module = self._template.module
        for part, target in (("header", figure.header), ("html", figure.html)):
            macro = getattr(module, part, None)
            if macro is not None:
                target.add_child(_Text(macro(self, kwargs)), name=self.get_name())
        macro = getattr(module, "script", None)
        if macro is not None:
            figure.script.add_child(_Text(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class SafePopup(PageMacro):
    """Bind a popup whose content is ``html`` (already built from escaped pieces).

    The content reaches the page as a JavaScript string literal from
    :func:`~geo.render._escape.js_string` (no ``<``, ``>``, ``&``, ``'`` or braces), never
    inside a template literal.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.bindPopup({{ this.html_js }}, {{ this.options|tojson }});
        {% endmacro %}"""
    )

    def __init__(self, html: str) -> None:
        super().__init__()
        self._name = "SafePopup"
        self.html_js = js_string(html)
        # Keep an opened popup clear of the header box at the top of the page.
        self.options = {"maxWidth": 440, "autoPanPaddingTopLeft": [20, 110]}


class Label(PageMacro):
    """Bind a tooltip with escaped ``text``: permanent place labels or hover hints."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.bindTooltip(
            {{ this.html_js }}, {{ this.options|tojson }});
        {% endmacro %}"""
    )

    def __init__(self, html: str, *, permanent: bool = False, class_name: str = "") -> None:
        super().__init__()
        self._name = "Label"
        self.html_js = js_string(html)
        self.options = {
            "permanent": permanent,
            "direction": "right",
            "offset": [8, 0],
            "className": class_name,
        }


class FitBounds(PageMacro):
    """Fit the map's view to ``bounds`` (``[[south, west], [north, east]]``) without animation.

    folium's ``fit_bounds`` animates the zoom from the initial view, so the page moves for a
    moment after it opens (and a click in that moment lands elsewhere).
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.fitBounds(
            {{ this.bounds|tojson }}, {{ this.options|tojson }});
        {% endmacro %}"""
    )

    def __init__(self, bounds: list[list[float]], *, padding_top_left: tuple[int, int]) -> None:
        super().__init__()
        self._name = "FitBounds"
        self.bounds = bounds
        self.options = {"paddingTopLeft": list(padding_top_left), "animate": False}


class PageElement(PageMacro):
    """Static HTML and CSS added to the page (header, legend, slider control).

    ``body`` and ``css`` must already be safe: built from escaped pieces.
    """

    _template = Template(
        """{% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro html(this, kwargs) %}{{ this.body }}{% endmacro %}"""
    )

    def __init__(self, body: str, *, css: str = "") -> None:
        super().__init__()
        self._name = "PageElement"
        self.body = body
        self.css = css


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in element._children.values():
        yield from _walk(child)


def render_page(fmap: folium.Map) -> str:
    """Render ``fmap`` to a full HTML page with ids numbered in tree order.

    folium names every element with a random hex id; renumbering them makes the same inputs
    give byte-identical pages.
    """
    root = fmap.get_root()
    for number, element in enumerate(_walk(root)):
        element._id = f"{number:08x}"
    # Children are keyed by name, which embeds the old id: rebuild the dicts in order.
    for element in _walk(root):
        element._children = {child.get_name(): child for child in element._children.values()}
    return root.render()


def copy_assets(out_dir: Path) -> list[Path]:
    """Copy the vendored Leaflet files into ``out_dir`` and return their paths."""
    source = files("geo.render") / "assets"
    return [
        write_bytes_atomic(out_dir / name, (source / name).read_bytes()) for name in ASSET_FILES
    ]
