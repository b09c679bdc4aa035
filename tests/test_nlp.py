"""Sentences as the stages read them: the parser's, repaired where it cuts mid-sentence."""

from __future__ import annotations

import pytest

from geo.nlp import parse, sentence_spans


@pytest.mark.parametrize("name", ["Al-Bab", "Al-Anad", "Ras-Lanouf", "Sievierodonetsk-Sud"])
def test_a_hyphenated_name_opening_a_sentence_stays_whole(lang, name):
    text = f"Les rebelles tiennent la ville depuis mardi. {name} est encerclée par l'armée."
    texts = [s.text.strip() for s in sentence_spans(parse(text, lang))]
    assert texts == [
        "Les rebelles tiennent la ville depuis mardi.",
        f"{name} est encerclée par l'armée.",
    ]


def test_a_dateline_dash_still_ends_its_line(lang):
    text = "Ouagadougou -\nDes hommes armés ont attaqué le poste de Tiloua."
    texts = [s.text.strip() for s in sentence_spans(parse(text, lang))]
    assert texts[-1] == "Des hommes armés ont attaqué le poste de Tiloua."


def test_the_typographic_apostrophe_is_parsed_as_the_straight_one_and_kept(lang):
    written = "Les soldats ont repris l’aéroport d’Al-Watiya, a affirmé l’armée."
    straight = written.replace("\u2019", "'")
    doc, plain = parse(written, lang), parse(straight, lang)
    assert doc.text == written  # offsets and characters as written
    assert [t.pos_ for t in doc] == [t.pos_ for t in plain]
    assert [(t.dep_, t.head.i) for t in doc] == [(t.dep_, t.head.i) for t in plain]
    assert [t.text for t in doc if "\u2019" in t.text] == ["l’", "d’", "l’"]


def test_a_pipeline_without_a_parser_keeps_its_sentences_across_the_apostrophe(lang):
    """A pack with a blank pipeline (a sentencizer, no parser) still splits the text as
    written into sentences when the model read it with the plain apostrophe."""
    from dataclasses import replace

    blank = replace(lang, spacy_model="blank:fr")
    doc = parse("L’armée a repris Gao. Les rebelles ont fui vers Kidal.", blank)
    assert doc.text == "L’armée a repris Gao. Les rebelles ont fui vers Kidal."
    assert [s.text for s in doc.sents] == [
        "L’armée a repris Gao.",
        "Les rebelles ont fui vers Kidal.",
    ]
