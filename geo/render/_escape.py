"""Escaping of article text on its way into HTML, JavaScript templates and popups.

Article text is data. Every string that came from a dispatch (a place name, an evidence
sentence, an article id) goes through :func:`escape_text` before it is concatenated into HTML.
Beyond :func:`html.escape`, the backtick, the dollar sign and the backslash are turned into
character references too, so that an escaped string stays inert even if a template later puts
it inside a JavaScript template literal (folium's own ``Popup`` does: ``$(`...`)``), and so are
the braces: branca compiles every rendered element's output as a *Jinja template* a second
time, so an article saying ``{{ ... }}`` or ``{% ... %}`` would otherwise run as template code
when the map is built. :func:`js_string` does the same for strings handed to JavaScript.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable

_TEMPLATE_REFS = str.maketrans(
    {"`": "&#96;", "$": "&#36;", "\\": "&#92;", "{": "&#123;", "}": "&#125;"}
)
_JS_ESCAPES = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "'": "\\u0027",
        "{": "\\u007b",
        "}": "\\u007d",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


def escape_text(value: object) -> str:
    """Escape ``value`` (``str()`` of it) for HTML text or a quoted attribute.

    Parameters
    ----------
    value
        Any value; ``None`` becomes the empty string.

    Returns
    -------
    str
        Text with ``& < > " '`` and `````, ``$``, ``\\``, ``{``, ``}`` replaced by character
        references.

    Examples
    --------
    >>> escape_text('<img src=x onerror="f()">')
    '&lt;img src=x onerror=&quot;f()&quot;&gt;'
    >>> escape_text("${x}")
    '&#36;&#123;x&#125;'
    """
    if value is None:
        return ""
    return html.escape(str(value), quote=True).translate(_TEMPLATE_REFS)


def js_string(value: str) -> str:
    """``value`` as a JavaScript string literal that is safe inside ``<script>`` and Jinja.

    ``<``, ``>``, ``&``, ``'`` and the braces become ``\\u`` escapes, so the literal can neither
    close the script element nor be read as template code; JavaScript decodes them back.

    Examples
    --------
    >>> js_string("</script>{{x}}")
    '"\\\\u003c/script\\\\u003e\\\\u007b\\\\u007bx\\\\u007d\\\\u007d"'
    """
    return json.dumps(str(value), ensure_ascii=False).translate(_JS_ESCAPES)


def js_array(values: Iterable[str]) -> str:
    """A JavaScript array literal of :func:`js_string` literals."""
    return "[" + ", ".join(js_string(value) for value in values) + "]"


def popup_html(title: str, rows: Iterable[tuple[str, object]], *, quote: str | None = None) -> str:
    """Build a popup's HTML from escaped pieces: a title, label/value rows, an evidence quote.

    Parameters
    ----------
    title
        Bold first line (escaped here).
    rows
        ``(label, value)`` pairs shown as a two-column table; rows whose value is ``None`` or
        ``""`` are left out. Labels and values are escaped here.
    quote
        The evidence sentence, shown as a block quote (escaped here).

    Returns
    -------
    str
        HTML safe to hand to Leaflet's ``bindPopup``.
    """
    cells = "".join(
        f"<tr><th>{escape_text(label)}</th><td>{escape_text(value)}</td></tr>"
        for label, value in rows
        if value is not None and value != ""
    )
    body = f'<div class="geo-popup"><b>{escape_text(title)}</b>'
    if cells:
        body += f"<table>{cells}</table>"
    if quote:
        body += f"<blockquote>{escape_text(quote)}</blockquote>"
    return body + "</div>"
