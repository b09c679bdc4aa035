"""The compact, picklable index behind :class:`gazetteer.Gazetteer`.

Columns rather than 235,000 :class:`~gazetteer.records.Place` objects: arrays of numbers,
lists of (interned) strings, one dict from :func:`~gazetteer.normalize.name_key` keys to
references, and one Aho-Corasick automaton over the folded surfaces for ``find``. Places
are materialised on demand. A reference packs a place row and the position of the matched
surface among that place's names: ``row << SURFACE_BITS | position``.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

import ahocorasick

from gazetteer._errors import GazetteerError
from gazetteer.lang import FIND_STOPWORDS
from gazetteer.normalize import fold, name_key, spellings
from gazetteer.records import Place
from gazetteer.sources import SourceRow, french_words

__all__ = [
    "SEP",
    "SURFACE_BITS",
    "prominence_of",
    "Store",
    "build_store",
    "find_surface_ok",
    "surface_value",
]

#: Bits of a reference that hold the surface position (a place keeps its first 1024 names).
SURFACE_BITS = 10
_SURFACE_MASK = (1 << SURFACE_BITS) - 1
#: Bits of an automaton value that hold the folded surface's length.
_LENGTH_BITS = 8
#: Separator of a place's names in :attr:`Store.surfaces`.
SEP = "\x1f"
#: Population from which a place named like a French common word is still reported by
#: ``find`` under that name ("Damas" is Damascus, not damask).
PROMINENT_POPULATION = 100_000
#: Shortest surface ``find`` reports, in characters ("Ur" and "Bo" are not worth the noise).
MIN_FIND_LENGTH = 3


def find_surface_ok(folded: str) -> bool:
    """Whether a folded surface may be reported by ``find`` (length and stop-list policy)."""
    return (
        MIN_FIND_LENGTH <= len(folded) < (1 << _LENGTH_BITS)
        and folded not in FIND_STOPWORDS
        and folded[0].isalnum()
    )


def surface_value(key_id: int, folded: str) -> int:
    """The automaton value of a folded surface: its key's id and its length."""
    return key_id << _LENGTH_BITS | len(folded)


def split_value(value: int) -> tuple[int, int]:
    """Inverse of :func:`surface_value`: ``(key_id, length)``."""
    return value >> _LENGTH_BITS, value & ((1 << _LENGTH_BITS) - 1)


def prominence_of(population: int, feature_class: str, feature_code: str) -> float:
    """How prominent a place is: ``log10(population + 1)``, +2 a country, +0.5 a capital."""
    value = math.log10(max(population, 0) + 1)
    if feature_class == "A":
        value += 2.0
    if feature_code == "PPLC":
        value += 0.5
    return value


def split_ref(ref: int) -> tuple[int, int]:
    """A reference as ``(row, surface position)``."""
    return ref >> SURFACE_BITS, ref & _SURFACE_MASK


@dataclass(slots=True)
class Store:
    """Columnar place table, key index and text automaton (see the module docstring)."""

    place_ids: list[str]
    surfaces: list[str]
    lon: array
    lat: array
    population: array
    uncertainty: array
    country: list[str | None]
    feature_class: list[str]
    feature_code: list[str]
    source: list[str]
    keys: dict[str, int | tuple[int, ...]]
    key_list: list[str]
    automaton: ahocorasick.Automaton
    french_words: frozenset[str] = frozenset()
    #: Automaton entries whose key is not ``name_key`` of the entry itself (a surface
    #: with a tab or another odd space, folded): :meth:`key_of` does not read those.
    odd_folds: frozenset[str] = frozenset()
    _rows: dict[str, int] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.place_ids)

    def row_of(self, place_id: str) -> int | None:
        """The row of a place id, or ``None``."""
        if self._rows is None:
            self._rows = {pid: i for i, pid in enumerate(self.place_ids)}
        return self._rows.get(place_id)

    def refs(self, key: str) -> tuple[int, ...]:
        """References filed under a key, most prominent place first."""
        hit = self.keys.get(key)
        if hit is None:
            return ()
        return (hit,) if isinstance(hit, int) else hit

    def key_of(self, name: str) -> str:
        """:func:`~gazetteer.normalize.name_key` of a name, read from the automaton when the
        name is an ASCII spelling of a surface of the index (no normalisation to run).

        Sound because, for a name in printable ASCII, ``name_key(name)`` equals
        ``name_key(fold(name))``, and every surface that folds to one ASCII string has
        that string's key (``tests/test_gazetteer_normalize.py`` checks it character by
        character over all of Unicode); entries where a surface's odd spaces break this
        are in :attr:`odd_folds`.
        """
        if name.isascii():
            folded = fold(name)
            if folded.isprintable():  # printable ASCII: its one space is " "
                value = self.automaton.get(folded, None)
                if value is not None and folded not in self.odd_folds:
                    return self.key_list[value >> _LENGTH_BITS]
        return name_key(name)

    def names_a_place(self, key: str, spelled: tuple[str, ...]) -> bool:
        """Whether a French common word found in a text (``spelled``: its
        :func:`~gazetteer.normalize.spellings`), filed under ``key``, should be taken for a
        place: some place bears it as its own name, or a prominent place
        (:data:`PROMINENT_POPULATION` inhabitants or more, or a country) has it among its
        names.

        "Damas" (Damascus) and "Hit" (Iraq) pass; "Constitution" (an alternate name of Villa
        Constitución) and "la Défense" do not."""
        for ref in self.refs(key):
            row, position = split_ref(ref)
            prominent = (
                self.population[row] >= PROMINENT_POPULATION or self.feature_class[row] == "A"
            )
            if prominent and self.has_spelling(row, spelled):
                return True
            if position == 0 and spellings(self.surface(row, 0))[-1] == spelled[-1]:
                return True
        return False

    def surface(self, row: int, position: int) -> str:
        """The ``position``-th name of a row (0 is the canonical name)."""
        names = self.surfaces[row]
        if position == 0:
            return names.split(SEP, 1)[0]
        return names.split(SEP)[position]

    def prominence(self, row: int) -> float:
        """:func:`prominence_of` the place of a row."""
        return prominence_of(self.population[row], self.feature_class[row], self.feature_code[row])

    def has_spelling(self, row: int, spellings: tuple[str, ...]) -> bool:
        """Whether one of the row's names, folded, is one of ``spellings``."""
        names = fold(f"{SEP}{self.surfaces[row]}{SEP}")
        return any(f"{SEP}{spelling}{SEP}" in names for spelling in spellings)

    def spelled(self, row: int, position: int, spellings: tuple[str, ...]) -> str:
        """The row's name spelled as one of ``spellings`` (see
        :func:`~gazetteer.normalize.spellings`) if it has one, else its ``position``-th."""
        return self.spelled_as(row, position, spellings)[0]

    def spelled_as(self, row: int, position: int, spellings: tuple[str, ...]) -> tuple[str, bool]:
        """:meth:`spelled`, and whether that name is indeed one of ``spellings`` (the place
        bears the very spelling asked, not only its key)."""
        surface = self.surface(row, position)
        if " ".join(fold(surface).split()) in spellings:
            return surface, True
        if not self.has_spelling(row, spellings):
            return surface, False
        for name in self.surfaces[row].split(SEP):
            if " ".join(fold(name).split()) in spellings:
                return name, True
        return surface, False

    def place(self, row: int) -> Place:
        """Materialise the :class:`Place` of a row."""
        name, *aliases = self.surfaces[row].split(SEP)
        return Place(
            self.place_ids[row],
            name,
            self.lon[row],
            self.lat[row],
            self.country[row],
            self.feature_class[row],
            self.feature_code[row],
            self.population[row],
            self.source[row],
            self.uncertainty[row],
            tuple(aliases),
        )


def _merge_names(rows: list[SourceRow], extra: SourceRow, index: dict[str, int]) -> None:
    """Add a names-only curated row's surfaces to the GeoNames place it names."""
    row = index.get(extra.place_id)
    if row is None:
        raise GazetteerError(
            f"curated row {extra.place_id!r} adds names to a place the sources lack"
        )
    base = rows[row]
    added = tuple(s for s in extra.surfaces if s not in base.surfaces)
    rows[row] = base._replace(surfaces=base.surfaces + added)


def build_store(sources: Iterable[SourceRow]) -> Store:
    """Build the index from source rows (names-only curated rows merge into their place).

    Raises
    ------
    GazetteerError
        On a duplicate place id or a names-only row for an unknown place.
    """
    rows: list[SourceRow] = []
    index: dict[str, int] = {}
    for row in sources:
        if row.place_id in index:
            if math.isnan(row.lon):
                _merge_names(rows, row, index)
                continue
            raise GazetteerError(f"duplicate place id {row.place_id!r}")
        if math.isnan(row.lon):
            _merge_names(rows, row, index)
            continue
        index[row.place_id] = len(rows)
        rows.append(row)
    # Most prominent first, so that every list of references comes out ranked.
    rows.sort(
        key=lambda r: (-prominence_of(r.population, r.feature_class, r.feature_code), r.place_id)
    )

    intern = sys.intern
    keys: dict[str, list[int]] = {}
    key_ids: dict[str, int] = {}
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    odd_folds: set[str] = set()
    for i, row in enumerate(rows):
        for position, surface in enumerate(row.surfaces[: 1 << SURFACE_BITS]):
            key = name_key(surface)
            if not key:
                continue
            refs = keys.setdefault(key, [])
            if not refs or refs[-1] >> SURFACE_BITS != i:
                refs.append(i << SURFACE_BITS | position)
            raw = fold(surface)
            folded = " ".join(raw.split())
            if find_surface_ok(folded) and folded not in automaton:
                key_id = key_ids.setdefault(key, len(key_ids))
                automaton.add_word(folded, surface_value(key_id, folded))
                if raw != folded and name_key(folded) != key:
                    odd_folds.add(folded)
    automaton.make_automaton()
    key_list = [""] * len(key_ids)
    for key, key_id in key_ids.items():
        key_list[key_id] = key
    return Store(
        place_ids=[r.place_id for r in rows],
        surfaces=[SEP.join(r.surfaces) for r in rows],
        lon=array("d", (r.lon for r in rows)),
        lat=array("d", (r.lat for r in rows)),
        population=array("q", (r.population for r in rows)),
        uncertainty=array("d", (r.uncertainty_km for r in rows)),
        country=[intern(r.country_code) if r.country_code else None for r in rows],
        feature_class=[intern(r.feature_class) for r in rows],
        feature_code=[intern(r.feature_code) for r in rows],
        source=[r.source if r.source != r.place_id else r.place_id for r in rows],
        keys={k: v[0] if len(v) == 1 else tuple(v) for k, v in keys.items()},
        key_list=key_list,
        automaton=automaton,
        french_words=french_words(),
        odd_folds=frozenset(odd_folds),
    )
