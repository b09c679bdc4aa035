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
