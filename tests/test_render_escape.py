"""Escaping of article text before it reaches HTML and JavaScript."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from geo.render._escape import escape_text, popup_html


@given(st.text())
def test_escaped_text_has_no_markup_or_template_characters(text):
    escaped = escape_text(text)
    for char in "<>\"'`$\\":
        assert char not in escaped
    assert html.unescape(escaped) == text


def test_payloads_become_inert_text():
    assert escape_text('<img src=x onerror="window.__pwned=1">') == (
        "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;"
    )
    assert escape_text("</script>") == "&lt;/script&gt;"
    assert escape_text("${alert(1)}`") == "&#36;{alert(1)}&#96;"
    assert escape_text(None) == ""


def test_popup_escapes_every_piece_and_drops_empty_rows():
    body = popup_html(
        "<b>Manbij</b>",
        [("Article", "a<1>"), ("Actor", None), ("Anchor", ""), ("<th>", "x")],
        quote="« Les FDS ont repris ${x} »",
    )
    assert "<b>Manbij</b>" not in body
    assert "&lt;b&gt;Manbij&lt;/b&gt;" in body
    assert "a&lt;1&gt;" in body
    assert "Actor" not in body and "Anchor" not in body
    assert "&lt;th&gt;" in body
    assert "<blockquote>« Les FDS ont repris &#36;{x} »</blockquote>" in body
