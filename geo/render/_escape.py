"""Escaping of article text on its way into HTML, JavaScript templates and popups.

Article text is data. Every string that came from a dispatch (a place name, an evidence
sentence, an article id) goes through :func:`escape_text` before it is concatenated into HTML.
Beyond :func:`html.escape`, the backtick, the dollar sign and the backslash are turned into
character references too, so that an escaped string stays inert even if a template later puts
it inside a JavaScript template literal (folium's own ``Popup`` does: ``$(`...`)``).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

_TEMPLATE_LITERAL_REFS = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def escape_text(value: object) -> str:
    """Escape ``value`` (``str()`` of it) for HTML text or a quoted attribute.

    Parameters
    ----------
    value
        Any value; ``None`` becomes the empty string.

    Returns
    -------
    str
        Text with ``& < > " '`` and `````, ``$``, ``\\`` replaced by character references.

    Examples
    --------
    >>> escape_text('<img src=x onerror="f()">')
    '&lt;img src=x onerror=&quot;f()&quot;&gt;'
    >>> escape_text("${x}")
    '&#36;{x}'
    """
    if value is None:
        return ""
    return html.escape(str(value), quote=True).translate(_TEMPLATE_LITERAL_REFS)


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
