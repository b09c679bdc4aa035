"""The verb-group questions of :mod:`geo.syntax` that attribution asks: where a verb group
starts, its subjects, the words opening its clause, and whether it heads a main clause."""

from __future__ import annotations

import pytest

from geo import syntax
from geo.nlp import parse


@pytest.fixture(scope="module")
def doc(lang):
    return lambda text: parse(text, lang)


def test_a_verb_group_starts_at_its_auxiliary_across_adverbs(lang, doc):
    d = doc("Le porte-parole de l'armée malienne a d'abord affirmé que Konna était reprise.")
    verb = next(t for t in d if t.text == "affirmé")
    assert d[syntax.group_start(lang, verb, 0)].text == "a"
    assert syntax.auxiliary(lang, d[syntax.group_start(lang, verb, 0)])


def test_every_subject_of_a_verb_group(lang, doc):
    d = doc(
        "L'état-major ukrainien et le ministère de la Défense ont annoncé la reprise de Koupiansk."
    )
    verb = next(t for t in d if t.text == "annoncé")
    assert [t.text for t in syntax.subjects(lang, [verb])] == ["état", "ministère"]
    assert syntax.subjects(lang, [verb], labels=frozenset({"nsubj:pass"})) == []


def test_the_words_opening_a_clause_across_an_aside(lang, doc):
    d = doc("Les Houthis, qui contrôlent Sanaa, avaient affirmé dimanche avoir abattu un drone.")
    group = next(t.i for t in d if t.text == "avaient")
    start, end = syntax.phrase_before(lang, d, group, 0)
    assert d[start:end].text == "Les Houthis"


def test_a_relative_clause_heads_no_main_clause(lang, doc):
    d = doc("Les Houthis, qui contrôlent Sanaa, avaient affirmé dimanche avoir abattu un drone.")
    relative = next(t for t in d if t.text == "contrôlent")
    main = next(t for t in d if t.text == "affirmé")
    assert syntax.subordinate(relative)
    assert not syntax.main_clause(relative, relative.i, 0)
    assert not syntax.subordinate(main)
    assert syntax.main_clause(main, syntax.group_start(lang, main, 0), 0)


def test_a_coordinated_verb_shares_the_subject_of_the_first(doc):
    d = doc("Les rebelles ont repris Idleb et annoncé une offensive vers Hama.")
    second = next(t for t in d if t.text == "annoncé")
    assert syntax.coordinated_with(second).text == "repris"
    assert syntax.coordinated_with(second.head) is None


@pytest.mark.parametrize(
    ("text", "noun", "subject"),
    [
        (
            "Les rebelles touareg, en passant à l'offensive sur Kidal, ont surpris l'armée.",
            "offensive",
            "rebelles",
        ),
        (
            "Les troupes russes, en passant à l'attaque près de Lyman, ont perdu des chars.",
            "attaque",
            "troupes",
        ),
    ],
)
def test_the_subject_of_a_gerund_is_the_noun_it_hangs_on(lang, doc, text, noun, subject):
    """ "Les jihadistes, en passant à l'attaque sur Konna, ...": the event noun after the
    support verb of the gerund has the gerund's subject, the noun it describes."""
    d = doc(text)
    found = syntax.subject(lang, next(t for t in d if t.text == noun))
    assert found is not None and found.text == subject
