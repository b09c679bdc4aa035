"""Escaping of article text before it reaches HTML and JavaScript."""

from __future__ import annotations

import html
import json

from hypothesis import given
from hypothesis import strategies as st

from geo.render._escape import escape_text, js_array, js_string, popup_html


@given(st.text())
def test_escaped_text_has_no_markup_or_template_characters(text):
    escaped = escape_text(text)
    for char in "<>\"'`$\\{}":
        assert char not in escaped
    assert html.unescape(escaped) == text


@given(st.text())
def test_js_string_round_trips_and_cannot_close_a_script(text):
    literal = js_string(text)
    for char in "<>&'{}":
        assert char not in literal
    assert json.loads(literal) == text
    assert json.loads(js_array([text, "x"])) == [text, "x"]


def test_payloads_become_inert_text():
    assert escape_text('<img src=x onerror="window.__pwned=1">') == (
        "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;"
    )
    assert escape_text("</script>") == "&lt;/script&gt;"
    assert escape_text("${alert(1)}`") == "&#36;&#123;alert(1)&#125;&#96;"
    assert escape_text("{{ 6*7 }}{% if %}") == "&#123;&#123; 6*7 &#125;&#125;&#123;% if %&#125;"
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
    assert "<blockquote>« Les FDS ont repris &#36;&#123;x&#125; »</blockquote>" in body
