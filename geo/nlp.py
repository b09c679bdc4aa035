"""The spaCy pipeline of a language pack, loaded once per process, and sentence splitting."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from geo._errors import ModelNotInstalledError
from geo.records import Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from geo.lang import LanguagePack

_SENTENCES_KEY = "geo.sentences"
#: Closing quotation marks the parser may put at the head of the next sentence.
_CLOSING_QUOTES = frozenset({"»", "”", "’"})
_BLANK = "blank:"


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load the spaCy pipeline ``model`` once (about 5 s); later calls return the same one.

    ``blank:<code>`` is a blank pipeline of that language with a rule-based sentence splitter
    (tokens only), for a language pack without a trained model.
    """
    import spacy

    if model.startswith(_BLANK):
        nlp = spacy.blank(model.removeprefix(_BLANK))
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        return spacy.load(model)
    except OSError as exc:
        package = model.replace("_", "-")
        raise ModelNotInstalledError(
            f"spaCy model {model!r} is not installed: run `pip install {package}`"
        ) from exc


def parse(text: str, lang: LanguagePack) -> Doc:
    """Run the pack's spaCy pipeline over ``text``; token offsets are offsets into ``text``.

    The model reads the text with the pack's plain spellings (``lang.grammar.PLAIN_FORMS``,
    one character for one: the typographic apostrophe of "l’armée", which the French models
    tag as an adverb and parse around); the document returned holds ``text`` as written, with
    the tags, lemmas, parse and entities read from the plain form.
    """
    nlp = load_nlp(lang.spacy_model)
    forms = lang.grammar.PLAIN_FORMS
    plain = text.translate(str.maketrans(forms)) if forms else text
    doc = nlp(plain)
    if plain == text:
        return doc
    return _as_written(doc, text)


#: Token attributes carried from the parse of the plain form to the text as written; the
#: sentence starts come with the parse (``HEAD``), or alone from a pipeline without one.
_CARRIED = ("POS", "TAG", "MORPH", "LEMMA", "ENT_IOB", "ENT_TYPE")


def _as_written(doc: Doc, text: str) -> Doc:
    """``doc`` (parsed from a same-length plain form of ``text``) with ``text``'s characters."""
    from spacy.tokens import Doc as SpacyDoc

    carried = [*_CARRIED, *(("DEP", "HEAD") if doc.has_annotation("DEP") else ("SENT_START",))]
    words = [text[t.idx : t.idx + len(t.text)] for t in doc]
    written = SpacyDoc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    return written.from_array(carried, doc.to_array(carried))


def _cut_mid_sentence(previous: Span, sent: Span) -> bool:
    """The parser cut where no sentence ends: after no full stop, before a comma or a
    lower-case word ("poursuivaient leur offensive contre le groupe «" | "Etat islamique»"),
    or inside a hyphenated name ("Al-" | "Bab")."""
    first = sent.text.lstrip()[:1]
    last = previous.text.rstrip().rstrip("»\"'”’ )")[-1:]
    glued = not previous[-1].whitespace_ and previous[-1].text.endswith("-")  # "Al-" | "Bab"
    return glued or first in ",;)" or first.islower() or last not in (".", "!", "?", "…", "-", ":")


def sentence_spans(doc: Doc) -> list[Span]:
    """The sentences of ``doc``: the parser's, cut again at line breaks (it may join whole
    paragraphs) and re-joined where it cut mid-sentence. Computed once per document."""
    cached = doc.user_data.get(_SENTENCES_KEY)
    if cached is not None:
        return cached
    units: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        closing = start
        while closing < sent.end and doc[closing].text in _CLOSING_QUOTES:
            closing += 1
        if units and units[-1].end == sent.start and closing > start:
            # "« Bakhmout tient toujours. »": the closing quote ends the quoted sentence.
            units[-1] = doc[units[-1].start : closing]
            start = closing
        elif units and units[-1].end == sent.start and _cut_mid_sentence(units[-1], sent):
            start = units.pop().start
        for token in sent:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    units.append(doc[start : token.i])
                start = token.i + 1
        if sent.end > start:
            units.append(doc[start : sent.end])
    spans = [u for u in units if u.text.strip()]
    doc.user_data[_SENTENCES_KEY] = spans
    return spans


def sentences(doc: Doc) -> list[Sentence]:
    """The sentences of a parsed document (:func:`sentence_spans`) as records."""
    return [Sentence(s.start_char, s.end_char, s.text) for s in sentence_spans(doc)]


def sentence_at(doc: Doc, char: int) -> Sentence:
    """The sentence holding character ``char`` (the last one when ``char`` is past them)."""
    spans = sentence_spans(doc)
    if not spans:
        return Sentence(0, len(doc.text), doc.text)
    chosen = next((s for s in spans if char < s.end_char), spans[-1])
    return Sentence(chosen.start_char, chosen.end_char, chosen.text)
