"""Language packs: everything the stages know of a language, one sub-package per language.

A pack (:class:`LanguagePack`) bundles the word tables of one language, one module per topic
(``places``, ``positions``, ``anaphora``, ``events``, ``grammar``, ``dates``, ``numbers``,
``attribution``), with the name of the spaCy model that parses it and the language code
``dateparser`` reads it with. The stages never import a language: they read the pack handed
to them in the run context (:class:`geo.context.RunContext`), so a second language is a new
sub-package (``geo/lang/xx/`` with a ``PACK``), and no logic module changes. The shape follows
spaCy's ``spacy/lang/<code>`` folders: tables and a few settings, chosen by code.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from geo._errors import GeoError

__all__ = ["LanguagePack", "UnknownLanguageError", "load_language"]


class UnknownLanguageError(GeoError, LookupError):
    """No language pack for the code asked for."""


@dataclass(frozen=True, slots=True, eq=False)
class LanguagePack:
    """The tables of one language, handed to every stage through the run context.

    ``spacy_model`` is an installed spaCy pipeline, or ``blank:<code>`` for a blank pipeline
    with a rule-based sentence splitter (tokens only: no lemmas, tags or dependencies).
    ``dateparser_language`` is the code ``dateparser`` reads absolute dates with. Each topic
    module holds data only; the modules of :mod:`geo.lang.fr` document every table a pack
    provides. Packs compare by identity: each is built once.
    """

    code: str
    spacy_model: str
    dateparser_language: str
    places: ModuleType
    positions: ModuleType
    anaphora: ModuleType
    events: ModuleType
    grammar: ModuleType
    dates: ModuleType
    numbers: ModuleType
    attribution: ModuleType


def load_language(code: str = "fr") -> LanguagePack:
    """The pack of language ``code`` (``geo.lang.<code>.PACK``).

    Raises
    ------
    UnknownLanguageError
        When ``geo/lang/<code>/`` does not exist or defines no ``PACK``.
    """
    if not code.isidentifier():
        raise UnknownLanguageError(f"no language pack {code!r}: a code is a name like 'fr'")
    try:
        module = importlib.import_module(f"geo.lang.{code}")
    except ModuleNotFoundError as exc:
        raise UnknownLanguageError(f"no language pack {code!r} (geo/lang/{code}/)") from exc
    pack = getattr(module, "PACK", None)
    if not isinstance(pack, LanguagePack):
        raise UnknownLanguageError(f"geo.lang.{code} defines no PACK")
    return pack
