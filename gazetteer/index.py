"""The gazetteer: look names up, find them in text, add places found at run time.

:meth:`Gazetteer.default` is the embedded offline index (GeoNames cities of 500+
inhabitants with their alternate names, countries with their French names, the curated CSV)
built once and cached on disk, plus the user's imported GeoNames dumps when there are any.

Ranking of :meth:`Gazetteer.lookup` (``country`` restricts the candidates to one country):
key matches before the others (``exact``); then places in the ``prefer_country``; then the
match score, which tells how the name was reached: :data:`SPELLING_SCORE` for a place that
bears the very spelling asked ("Palmyre" is a name of Tadmur), :data:`KEY_SCORE` for one
that only shares its key (Palmira, Colombia; "Rake" for "Raqqa"), :data:`VARIANT_SCORE`
for one reached through a looser variant of the key
(:func:`~gazetteer.normalize.variant_keys`: "Amrane" for Amran), at most
:data:`FUZZY_MAX_SCORE` for a fuzzy match; then prominence, that is
``log10(population + 1)``, plus 2 for a country, plus 0.5 for a capital, minus one unit
per 100 km from ``near`` (so a town ten times smaller but 100 km closer ties).

Policy of :meth:`Gazetteer.find` on prose (235,000 places' alternate names include "Sur",
"Dans", "Pour", "Tours"...): a name is reported only if, in the text, it starts and ends on
a word boundary (an apostrophe is one: "l'Irak", "d'Alep"), its first letter is upper case
(or it starts with a lower-case Arabic article before an upper-case letter: "al-Bab"), it
is at least :data:`~gazetteer._store.MIN_FIND_LENGTH` characters long, and its folded form
is not in the stop-list :data:`gazetteer.lang.FIND_STOPWORDS`; a single word that is a
French common word ("Constitution", "Défense", "Tigre": ``data/french_words.csv``) is
reported only if some place bears it as its own name or the place is prominent (100,000
inhabitants or more, or a country: "Damas", "Hit", "Douma" pass). Overlapping names: the
longest wins, then the leftmost.

How: an Aho-Corasick automaton over every source spelling, folded (``iter_long``: the
longest match at each point, left to right), then a second pass that looks up the
:func:`~gazetteer.normalize.name_key` of each run of capitalised words, which finds the
spellings no source has ("Raqa", "Aïn Issa") and any name the first pass skipped over.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import ahocorasick
from pyproj import Geod
from rapidfuzz import fuzz, process

from gazetteer._errors import GazetteerError, OnlineLookupError, UnknownPlaceError
from gazetteer._store import (
    SEP,
    SURFACE_BITS,
    Store,
    build_store,
    find_surface_ok,
    prominence_of,
    split_ref,
    split_value,
    surface_value,
)
from gazetteer.cache import cache_dir, read_pickle, write_pickle
from gazetteer.lang import (
    FIND_FUNCTION_WORDS,
    FIND_LOWERCASE_PREFIXES,
    FRENCH_ARTICLES,
    NAME_CONNECTORS,
)
from gazetteer.normalize import fold, name_key, spellings, variant_keys
from gazetteer.records import Candidate, Match, Place
from gazetteer.sources import (
    SourceRow,
    country_rows,
    curated_rows,
    geonames_rows,
    source_versions,
)

if TYPE_CHECKING:
    from gazetteer.importer import LocalIndex
    from gazetteer.online import OnlineGeocoder

__all__ = [
    "FUZZY_CUTOFF",
    "FUZZY_MAX_SCORE",
    "Gazetteer",
    "KEY_SCORE",
    "ONLINE_ENV",
    "SPELLING_SCORE",
    "VARIANT_SCORE",
]

#: Score of a key match that bears the very spelling asked (case, accents, dashes and a
#: leading French article aside): "Raqqa" for Ar Raqqah, whose names include "Raqqa".
SPELLING_SCORE = 1.0
#: Score of a key match spelled otherwise ("Raqqa" for Rake: both key as ``raka``).
KEY_SCORE = 0.98
#: Score of a place reached only through a looser variant of the key (``exact`` is False).
VARIANT_SCORE = 0.96
#: Lowest rapidfuzz ``ratio`` (0-100) between keys for a fuzzy candidate.
FUZZY_CUTOFF = 80.0
#: Fuzzy scores are scaled into ``0..FUZZY_MAX_SCORE``: below every key or variant match
#: (a fuzzy key differs from the name's, so its ratio is below 100).
FUZZY_MAX_SCORE = 0.95
#: Shortest key that gets a fuzzy search (shorter keys match almost anything).
FUZZY_MIN_KEY = 4
#: Longest name looked up; anything longer is not a place name.
MAX_NAME_LENGTH = 200
#: Most words in a name spelled otherwise than in the sources ("Jisr al Choughour" is 4).
MAX_NAME_WORDS = 5
#: Environment variable that turns the online fallback on (``GEO_ONLINE=1``).
ONLINE_ENV = "GEO_ONLINE"
#: Imported names beyond which ``find`` leaves them out of its automaton (an
#: ``allCountries`` import holds millions): they are still found by the key pass over
#: capitalised words, which asks the imported index.
LOCAL_FIND_MAX_NAMES = 500_000
#: Default file name of the imported GeoNames index in the cache directory.
LOCAL_DB_NAME = "geonames-local.sqlite"

_GEOD = Geod(ellps="WGS84")
_SURFACE_MASK = (1 << SURFACE_BITS) - 1
#: Modules whose code shapes the built index: part of the on-disk cache key.
_INDEX_CODE = tuple(
    str(Path(__file__).with_name(name))
    for name in ("normalize.py", "lang.py", "_store.py", "sources.py")
)
_PLACE_CACHE_SIZE = 50_000
#: Lookups whose answers are kept (a corpus names the same places again and again).
_RESULT_CACHE_SIZE = 20_000


class Gazetteer:
    """A place-name index: lookup by name, matching in text, run-time additions.

    Build one with :meth:`default` (the embedded offline index), :meth:`load` (choosing the
    cache directory, the imported index and the online fallback) or :meth:`from_places` (a
    small index of your own, e.g. in tests).
    """

    _defaults: ClassVar[dict[tuple[str, str | None, bool], Gazetteer]] = {}

    def __init__(
        self,
        store: Store,
        *,
        local: LocalIndex | None = None,
        online: OnlineGeocoder | None = None,
    ) -> None:
        self._store = store
        self._local = local
        self._online = online
        self._places: dict[int, Place] = {}
        self._added: dict[str, Place] = {}
        self._added_keys: dict[str, dict[str, str]] = {}
        self._overlay: ahocorasick.Automaton | None = None
        self._overlay_keys: list[str] = []
        self._fuzzy_pools: dict[str, list[str]] = {}
        self._country_pools: dict[str, dict[str, list[str]]] = {}
        self._results: dict[tuple[object, ...], tuple[Candidate, ...]] = {}

    # ------------------------------------------------------------------ construction

    @classmethod
    def default(
        cls, *, online: bool | None = None, cache_dir_path: Path | str | None = None
    ) -> Gazetteer:
        """The embedded offline gazetteer, plus the user's imported index if one exists.

        Built once per cache directory and process; on disk, the built index is cached
        (``$GEO_CACHE_DIR`` or the platform's user cache directory), keyed by the package
        version and the versions of its sources.

        Parameters
        ----------
        online
            Use the online fallback (Nominatim through geopy) for names the offline index
            lacks. ``None`` reads ``$GEO_ONLINE`` (``1`` turns it on).
        cache_dir_path
            Cache directory instead of ``$GEO_CACHE_DIR`` or the platform default.
        """
        if online is None:
            online = os.environ.get(ONLINE_ENV, "") == "1"
        directory = cache_dir(cache_dir_path)
        local_db = directory / LOCAL_DB_NAME
        token = (str(directory), str(local_db) if local_db.exists() else None, online)
        if token not in cls._defaults:
            cls._defaults[token] = cls.load(
                cache_dir_path=directory,
                local_db=local_db if local_db.exists() else None,
                online=online,
            )
        return cls._defaults[token]

    @classmethod
    def load(
        cls,
        *,
        cache_dir_path: Path | str | None = None,
        local_db: Path | None = None,
        online: bool = False,
    ) -> Gazetteer:
        """Load (building it on first use) the embedded index, with optional extras.

        Parameters
        ----------
        cache_dir_path
            Cache directory instead of ``$GEO_CACHE_DIR`` or the platform default.
        local_db
            An index written by :func:`gazetteer.importer.import_dumps`, used on top.
        online
            Use the online fallback for names the offline indexes lack.
        """
        directory = cache_dir(cache_dir_path)
        store = _cached_store(directory)
        local = None
        if local_db is not None:
            from gazetteer.importer import LocalIndex

            local = LocalIndex(local_db)
        geocoder = None
        if online:
            from gazetteer.online import OnlineGeocoder

            geocoder = OnlineGeocoder(cache_dir_path=directory)
        return cls(store, local=local, online=geocoder)

    @classmethod
    def from_places(
        cls,
        places: Iterable[Place],
        *,
        local_db: Path | None = None,
        online: OnlineGeocoder | None = None,
    ) -> Gazetteer:
        """A gazetteer of the given places only (their names and aliases are indexed).

        Parameters
        ----------
        places
            The places; their name and aliases are indexed.
        local_db
            An index written by :func:`gazetteer.importer.import_dumps`, used on top.
        online
            An online fallback for names none of the above knows.
        """
        rows = [
            SourceRow(
                place_id=p.place_id,
                surfaces=(p.name, *p.aliases),
                lon=p.lon,
                lat=p.lat,
                country_code=p.country_code,
                feature_class=p.feature_class,
                feature_code=p.feature_code,
                population=p.population,
                source=p.source,
                uncertainty_km=p.uncertainty_km,
            )
            for p in places
        ]
        local = None
        if local_db is not None:
            from gazetteer.importer import LocalIndex

            local = LocalIndex(local_db)
        return cls(build_store(rows), local=local, online=online)

    # ------------------------------------------------------------------ access

    def __len__(self) -> int:
        return len(self._store) + len(self._added)

    def __contains__(self, place_id: object) -> bool:
        if not isinstance(place_id, str):
            return False
        try:
            self.get(place_id)
        except UnknownPlaceError:
            return False
        return True

    def get(self, place_id: str) -> Place:
        """The place with this id.

        Raises
        ------
        UnknownPlaceError
            When no source holds that id.
        """
        if place_id in self._added:
            return self._added[place_id]
        row = self._store.row_of(place_id)
        if row is not None:
            return self._place(row)
        if self._local is not None:
            place = self._local.get(place_id)
            if place is not None:
                return place
        if self._online is not None:
            place = self._online.get(place_id)
            if place is not None:
                return place
        raise UnknownPlaceError(f"no place with id {place_id!r}")

    def fork(self) -> Gazetteer:
        """A gazetteer sharing this one's index but with run-time places of its own.

        Places added to the fork (inferred from one run's articles) are not seen by this
        gazetteer nor by other forks, so that one corpus's guesses never leak into another's.
        """
        other = Gazetteer(self._store, local=self._local, online=self._online)
        other._places = self._places  # immutable Place objects, keyed by embedded row
        other._fuzzy_pools = self._fuzzy_pools  # built from the embedded index only
        other._country_pools = self._country_pools
        for place in self._added.values():
            other.add(place)
        return other

    def add(self, place: Place) -> None:
        """Add a run-time place (e.g. inferred from text): findable by name and aliases.

        Adding a place again under the same id replaces it (a refined position).

        Raises
        ------
        GazetteerError
            When the id belongs to an embedded place.
        """
        if self._store.row_of(place.place_id) is not None:
            raise GazetteerError(f"cannot replace embedded place {place.place_id!r}")
        old = self._added.pop(place.place_id, None)
        if old is not None:
            for surface in (old.name, *old.aliases):
                self._added_keys.get(name_key(surface), {}).pop(place.place_id, None)
        self._added[place.place_id] = place
        for surface in (place.name, *place.aliases):
            key = name_key(surface)
            if key:
                self._added_keys.setdefault(key, {}).setdefault(place.place_id, surface)
        self._overlay = None
        self._results.clear()

    # ------------------------------------------------------------------ lookup

    def lookup(
        self,
        name: str,
        *,
        country: str | None = None,
        prefer_country: str | None = None,
        near: tuple[float, float] | None = None,
        kind: str | None = None,
        limit: int = 10,
    ) -> list[Candidate]:
        """Places a name may refer to, best first.

        Parameters
        ----------
        name
            A place name in any spelling; empty or absurd names give ``[]``.
        country
            ISO alpha-2 code (any case): only places of that country are returned.
        prefer_country
            ISO alpha-2 code (any case) whose places rank first (others still follow); when
            no key match lies there, close spellings there are searched too (fuzzy).
        near
            ``(lon, lat)``: closer places rank higher (one log10 of population per 100 km).
        kind
            Keep only this GeoNames feature class (``P`` populated place, ``A`` country...).
        limit
            Most candidates returned.

        Returns
        -------
        list of Candidate
            Key matches (``exact``; score :data:`SPELLING_SCORE` when the place bears the
            very spelling asked, else :data:`KEY_SCORE`) first. When no key matches, places
            reached through a looser variant of the key (``exact=False``, score
            :data:`VARIANT_SCORE`), and when there are none either, or when no key match
            lies in ``prefer_country``, fuzzy ones (``exact=False``, score at most
            :data:`FUZZY_MAX_SCORE`).

        Notes
        -----
        Answers are kept per (name, options) until the next :meth:`add`: a corpus names
        the same places again and again.

        Examples
        --------
        >>> gaz = Gazetteer.from_places([Place("geonames:163808", "Tadmur", 38.28, 34.56,
        ...     "SY", aliases=("Palmyre", "Palmyra"))])
        >>> [c.place.name for c in gaz.lookup("Palmyra")]
        ['Tadmur']
        """
        if not isinstance(name, str) or len(name) > MAX_NAME_LENGTH or limit <= 0:
            return []
        country = country.upper() if country else None
        prefer = prefer_country.upper() if prefer_country and not country else None
        kind = kind.upper() if kind else None
        asked_for = (name, country, prefer, near, kind, limit)
        cached = self._results.get(asked_for)
        if cached is not None:
            return list(cached)
        found = self._lookup(
            name, country=country, prefer=prefer, near=near, kind=kind, limit=limit
        )
        if len(self._results) >= _RESULT_CACHE_SIZE:
            self._results.clear()
        self._results[asked_for] = tuple(found)
        return found

    def _lookup(
        self,
        name: str,
        *,
        country: str | None,
        prefer: str | None,
        near: tuple[float, float] | None,
        kind: str | None,
        limit: int,
    ) -> list[Candidate]:
        key = self._store.key_of(name)
        if not key:
            return []
        asked = _Asked(name)
        where = _Where(country, prefer, near, kind)
        found, ranked = self._exact(key, asked, where, limit)
        if not found:
            # No key matches: the looser variants of the key ("Amrane" -> "Amran").
            seen: set[str] = set()
            for variant in variant_keys(name):
                for c in self._exact(variant, asked, where, limit)[0]:
                    if c.place.place_id not in seen:
                        seen.add(c.place.place_id)
                        found.append(Candidate(c.place, c.matched_name, VARIANT_SCORE, exact=False))
            ranked = ranked and not found
        if not found or (prefer and all(c.place.country_code != prefer for c in found)):
            # Nothing, or nothing in the preferred country: look for close spellings too.
            seen = {c.place.place_id for c in found}
            fuzzy = self._fuzzy(key, asked, where, limit)
            found += [c for c in fuzzy if c.place.place_id not in seen]
            ranked = ranked and not fuzzy
        if not found and self._online is not None:
            found = [
                c
                for c in self._ask_online(name, country, limit)
                if kind is None or c.place.feature_class == kind
            ]
            ranked = False
        if not ranked and len(found) > 1:
            found.sort(key=lambda c: _rank(c, asked, prefer, near))
        return found[:limit]

    def _ask_online(self, name: str, country: str | None, limit: int) -> list[Candidate]:
        """The online fallback's candidates; on failure, a warning and offline from then on
        (a corpus of thousands of names must not wait a timeout for each)."""
        from gazetteer.online import OnlineLookupWarning

        online = self._online
        if online is None:
            return []
        try:
            return online.lookup(name, country=country, limit=limit)
        except OnlineLookupError as exc:
            warnings.warn(
                f"{exc}; online lookups are off for this gazetteer from now on",
                OnlineLookupWarning,
                stacklevel=3,
            )
            self._online = None
            return []

    def _place(self, row: int) -> Place:
        place = self._places.get(row)
        if place is None:
            if len(self._places) >= _PLACE_CACHE_SIZE:
                self._places.clear()
            place = self._places[row] = self._store.place(row)
        return place

    def _exact(
        self, key: str, asked: _Asked, where: _Where, limit: int
    ) -> tuple[list[Candidate], bool]:
        """Key matches, ranked on the index's columns; only ``limit`` are materialised.

        Returns the candidates and whether they are already in :func:`_rank` order (they
        are when all come from the embedded index).

        The references of a key are stored most prominent first, so without ``near`` the
        order is already right; the preferred country and the very spelling asked
        ("Palmyre" is a name of Tadmur, 51,000 inhabitants, and a key-mate of Palmira,
        312,000) are stable partitions on top (when the first place already has that
        spelling, the others keep their order of prominence, and only the ``limit`` kept
        are then put in the order of their scores).
        """
        store = self._store
        kind, country, near = where.kind, where.country, where.near
        hit = store.keys.get(key)
        if type(hit) is int and kind is None:  # nine keys in ten: one place, nothing to rank
            rows = [(hit >> SURFACE_BITS, hit & _SURFACE_MASK)]
        else:
            rows = [(ref >> SURFACE_BITS, ref & _SURFACE_MASK) for ref in store.refs(key)]
        if kind is not None:
            rows = [r for r in rows if store.feature_class[r[0]] == kind]
        if country is not None:
            rows = [r for r in rows if store.country[r[0]] == country]
        if near is not None and len(rows) > 1:
            lons = [store.lon[r[0]] for r in rows]
            lats = [store.lat[r[0]] for r in rows]
            _, _, metres = _GEOD.inv([near[0]] * len(rows), [near[1]] * len(rows), lons, lats)
            penalty = {r: m / 100_000.0 for r, m in zip(rows, metres, strict=True)}
            rows.sort(key=lambda r: penalty[r] - store.prominence(r[0]))
        prefer = where.prefer
        if prefer is not None and len(rows) > 1:
            rows.sort(key=lambda r: store.country[r[0]] != prefer)
        if (
            len(rows) > 1
            and store.surface(*rows[0]) != asked.name
            and not store.has_spelling(rows[0][0], asked.spellings)
        ):
            rows.sort(key=lambda r: not store.has_spelling(r[0], asked.spellings))
        found = []
        places = self._places
        mixed = False
        for row, position in rows[:limit]:
            place = places.get(row) or self._place(row)
            surface = place.aliases[position - 1] if position else place.name
            same = surface == asked.name
            if not same:
                surface, same = store.spelled_as(row, position, asked.spellings)
            mixed = mixed or not same
            found.append(Candidate(place, surface, SPELLING_SCORE if same else KEY_SCORE))
        if mixed and len(found) > 1:  # stable: prominence within each score
            found.sort(
                key=lambda c: (prefer is not None and c.place.country_code != prefer, -c.score)
            )
        from_store = len(found)
        if not self._added_keys and self._local is None:
            return found, True
        for place_id, surface in self._added_keys.get(key, {}).items():
            place = self._added[place_id]
            if where.admits(place):
                found.append(Candidate(place, surface, _spelling_score(surface, asked)))
        if self._local is not None:
            seen = {c.place.place_id for c in found}
            for place, surface in self._local.lookup(key):
                row = self._store.row_of(_geonames_id(place.place_id))
                if row is not None:  # the same GeoNames place, known under an imported name
                    place = self._place(row)
                if place.place_id in seen or not where.admits(place):
                    continue
                seen.add(place.place_id)
                found.append(Candidate(place, surface, _spelling_score(surface, asked)))
        return found, len(found) == from_store

    def _fuzzy(self, key: str, asked: _Asked, where: _Where, limit: int) -> list[Candidate]:
        """Places whose key is close to ``key`` (rapidfuzz ratio), among keys of its initial
        (of places in ``where.country`` only, when the lookup is restricted to one)."""
        if len(key) < FUZZY_MIN_KEY:
            return []
        if where.country is None:
            pool = self._fuzzy_pools.get(key[0])
            if pool is None:
                pool = [k for k in self._store.keys if k[0] == key[0]]
                self._fuzzy_pools[key[0]] = pool
        else:
            pool = self._country_pool(where.country).get(key[0], [])
        pool_added = [k for k in self._added_keys if k[:1] == key[0]]
        hits = process.extract(
            key, pool + pool_added, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=limit
        )
        found: list[Candidate] = []
        seen: set[str] = set()
        for hit_key, ratio, _ in hits:
            score = round(FUZZY_MAX_SCORE * ratio / 100.0, 4)
            for candidate in self._exact(hit_key, asked, where, limit)[0]:
                if candidate.place.place_id not in seen:
                    seen.add(candidate.place.place_id)
                    found.append(
                        Candidate(candidate.place, candidate.matched_name, score, exact=False)
                    )
        return found

    def _country_pool(self, country: str) -> dict[str, list[str]]:
        """The embedded keys that some place of ``country`` is filed under, by initial."""
        pools = self._country_pools.get(country)
        if pools is None:
            store = self._store
            countries = store.country
            pools = {}
            for key, hit in store.keys.items():
                refs = (hit,) if type(hit) is int else hit
                if any(countries[ref >> SURFACE_BITS] == country for ref in refs):
                    pools.setdefault(key[0], []).append(key)
            self._country_pools[country] = pools
        return pools

    # ------------------------------------------------------------------ find

    def find(self, text: str) -> list[Match]:
        """Every known place name in a text, with offsets into the original text.

        See the module docstring for the policy (word boundaries, capitals, stop-list,
        longest match wins).

        Examples
        --------
        >>> gaz = Gazetteer.from_places([Place("geonames:170063", "Aleppo", 37.16, 36.20,
        ...     "SY", aliases=("Alep",))])
        >>> [(m.start, m.surface) for m in gaz.find("Les rebelles d'Alep se retirent")]
        [(15, 'Alep')]
        """
        if not text:
            return []
        folded = fold(text)
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        starts = _name_starts(text, folded, words)
        ends = {end for _, end in words}
        spans: list[tuple[int, int, str]] = []
        automata = [(self._store.automaton, self._store.key_list)]
        overlay = self._overlay_automaton()
        if overlay is not None:
            automata.append((overlay, self._overlay_keys))
        for automaton, key_list in automata:
            for last, value in automaton.iter_long(folded):
                key_id, length = split_value(value)
                start = last + 1 - length
                if start in starts and last + 1 in ends:
                    spans.append((start, last + 1, key_list[key_id]))
        spans.extend(self._variant_spans(text, folded, words, starts))
        spans = [
            s
            for s in spans
            if self._not_a_common_word(text[s[0] : s[1]], folded[s[0] : s[1]], s[2])
        ]
        spans.sort(key=lambda s: (s[0] - s[1], s[0]))
        taken = bytearray(len(text))
        matches: list[Match] = []
        seen: dict[tuple[str, str], tuple[str, ...]] = {}
        for start, end, key in spans:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            asked = (key, " ".join(folded[start:end].split()))
            ids = seen.get(asked)
            if ids is None:  # a dispatch names the same places again and again
                ids = seen[asked] = self._ids_for_key(*asked)
            if ids:
                matches.append(Match(start, end, text[start:end], key, ids))
        matches.sort(key=lambda m: m.start)
        return matches

    def _not_a_common_word(self, text: str, folded: str, key: str) -> bool:
        """False for a capitalised French word (after its article, if any) that only some
        minor place's alternate name shares ("la Constitution", "la Défense"); see
        :meth:`Store.names_a_place`. ``folded`` is ``text`` folded."""
        words = self._store.french_words
        if folded not in words:
            head, _, rest = folded.partition(" ")
            if not rest:
                head, _, rest = folded.partition("'")
            if head not in _FRENCH_ARTICLES or rest not in words:
                return True
        if key in self._added_keys:
            return True
        return self._store.names_a_place(key, spellings(text))

    def _known_key(self, key: str) -> bool:
        if key in self._store.keys or key in self._added_keys:
            return True
        return self._local is not None and bool(self._local.lookup(key))

    def _variant_spans(
        self, text: str, folded: str, words: list[tuple[int, int]], starts: set[int]
    ) -> list[tuple[int, int, str]]:
        """Spans of capitalised word runs whose *key* is known, whatever their spelling.

        The automaton finds names spelled as a source spells them; this pass finds the other
        spellings ("Raqa", "Aïn Issa") by looking up the key of every run of up to
        :data:`MAX_NAME_WORDS` words that starts and ends on a capitalised word (articles
        such as "ez" or "de" may stand between).
        """
        spans: list[tuple[int, int, str]] = []
        keys: dict[str, str] = {}  # a dispatch repeats its names: key each run once
        for i, (start, _) in enumerate(words):
            if start not in starts or folded[start : words[i][1]] in _FRENCH_ARTICLES:
                continue  # "la Syrie", "les Etats-Unis": the article is not part of the name
            last = i
            for j in range(i + 1, min(i + MAX_NAME_WORDS, len(words))):
                gap = text[words[j - 1][1] : words[j][0]]
                word = words[j]
                if len(gap) != 1 or gap not in _NAME_GAPS:
                    break
                if not text[word[0]].isupper() and folded[word[0] : word[1]] not in _CONNECTORS:
                    break
                last = j
            for j in range(last, i - 1, -1):
                end = words[j][1]
                if not text[words[j][0]].isupper():
                    continue
                surface = " ".join(folded[start:end].split())
                if not find_surface_ok(surface):
                    continue
                run = text[start:end]
                key = keys.get(run)
                if key is None:
                    key = keys[run] = name_key(run)
                if key and self._known_key(key):
                    spans.append((start, end, key))
                    break
        return spans

    def _ids_for_key(self, key: str, spelling: str) -> tuple[str, ...]:
        """Ids of the places filed under a key, those with the very spelling found first."""
        store = self._store
        rows = [split_ref(ref)[0] for ref in store.refs(key)]
        if len(rows) > 1:
            needle = f"{SEP}{spelling}{SEP}"
            rows.sort(key=lambda row: needle not in f"{SEP}{fold(store.surfaces[row])}{SEP}")
        ids = [store.place_ids[row] for row in rows]
        ids.extend(self._added_keys.get(key, {}))
        if self._local is not None:
            for place, _ in self._local.lookup(key):
                gid = _geonames_id(place.place_id)
                ids.append(gid if store.row_of(gid) is not None else place.place_id)
        return tuple(dict.fromkeys(ids))

    def _overlay_automaton(self) -> ahocorasick.Automaton | None:
        """Automaton over added places' and imported names (rebuilt after an ``add``)."""
        if self._overlay is None and (self._added or self._local is not None):
            automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
            keys: dict[str, int] = {}
            surfaces: list[str] = [s for p in self._added.values() for s in (p.name, *p.aliases)]
            if self._local is not None and self._local.name_count() <= LOCAL_FIND_MAX_NAMES:
                surfaces.extend(self._local.surfaces())
            for surface in surfaces:
                folded = " ".join(fold(surface).split())
                key = name_key(surface)
                if key and find_surface_ok(folded) and folded not in automaton:
                    key_id = keys.setdefault(key, len(keys))
                    automaton.add_word(folded, surface_value(key_id, folded))
            if len(automaton):
                automaton.make_automaton()
                self._overlay = automaton
                self._overlay_keys = list(keys)
        return self._overlay


_WORD = re.compile(r"[^\W_]+")
_NAME_GAPS = frozenset(" -'’‐")
_CONNECTORS = frozenset(NAME_CONNECTORS)
_LOWER_PREFIXES = frozenset(FIND_LOWERCASE_PREFIXES)
_FRENCH_ARTICLES = frozenset(FRENCH_ARTICLES)


def _geonames_id(place_id: str) -> str:
    """``local:<id>`` as ``geonames:<id>`` (the same GeoNames place)."""
    return "geonames:" + place_id.split(":", 1)[1] if place_id.startswith("local:") else place_id


def _name_starts(text: str, folded: str, words: list[tuple[int, int]]) -> set[int]:
    """Where a name may start (see the module docstring): a word with an upper-case
    initial that is not a stop word (a capitalised French article only before another
    capitalised word), or a lower-case Arabic article joined by a space or dash to one."""
    starts = set()
    for i, (start, end) in enumerate(words):
        word = folded[start:end]
        before_capital = (
            i + 1 < len(words)
            and words[i + 1][0] == end + 1
            and folded[end] in " '"
            and text[end + 1].isupper()
        )
        if text[start].isupper():
            if word not in FIND_FUNCTION_WORDS and word not in _FRENCH_ARTICLES:
                starts.add(start)
            elif word in _FRENCH_ARTICLES and before_capital:
                starts.add(start)  # "Le Caire", "La Haye"; not "Les habitants", "A Raqa"
        elif word in _LOWER_PREFIXES and before_capital and folded[end] == " ":
            starts.add(start)
    return starts


class _Asked:
    """A name as asked, with its :func:`~gazetteer.normalize.spellings` made on first use
    (most lookups never need them: one candidate, or the stored name is the one asked)."""

    __slots__ = ("_spellings", "name")

    def __init__(self, name: str) -> None:
        self.name = name
        self._spellings: tuple[str, ...] | None = None

    @property
    def spellings(self) -> tuple[str, ...]:
        if self._spellings is None:
            self._spellings = spellings(self.name)
        return self._spellings


class _Where:
    """Which candidates a lookup admits (``country``, ``kind``) and how it ranks them."""

    __slots__ = ("country", "kind", "near", "prefer")

    def __init__(
        self,
        country: str | None,
        prefer: str | None,
        near: tuple[float, float] | None,
        kind: str | None,
    ) -> None:
        self.country = country
        self.prefer = prefer
        self.near = near
        self.kind = kind

    def admits(self, place: Place) -> bool:
        return (self.kind is None or place.feature_class == self.kind) and (
            self.country is None or place.country_code == self.country
        )


def _spelling_score(surface: str, asked: _Asked) -> float:
    """:data:`SPELLING_SCORE` when a key match is spelled as asked, else :data:`KEY_SCORE`."""
    if surface == asked.name or " ".join(fold(surface).split()) in asked.spellings:
        return SPELLING_SCORE
    return KEY_SCORE


def _rank(
    candidate: Candidate,
    asked: _Asked,
    prefer: str | None,
    near: tuple[float, float] | None,
) -> tuple[bool, bool, float, bool, float]:
    """Sort key: key match, preferred country, score, same spelling as asked, prominence.

    Among key matches, a place that has the very spelling asked for ("Palmyre" is an
    alternate name of Tadmur) ranks before one that only shares the key (Palmira, Colombia):
    its score is higher.
    """
    place = candidate.place
    prominence = prominence_of(place.population, place.feature_class, place.feature_code)
    if near is not None:
        _, _, metres = _GEOD.inv(near[0], near[1], place.lon, place.lat)
        prominence -= metres / 100_000.0
    other_country = prefer is not None and place.country_code != prefer
    respelled = (
        candidate.matched_name != asked.name
        and " ".join(fold(candidate.matched_name).split()) not in asked.spellings
    )
    return (not candidate.exact, other_country, -candidate.score, respelled, -prominence)


def _cached_store(directory: Path) -> Store:
    """The embedded index from the on-disk cache, building and caching it when missing."""
    from gazetteer import __version__

    digest = hashlib.sha1(f"{__version__};{source_versions()}".encode())
    for module in _INDEX_CODE:  # a change in how names are keyed invalidates the cache
        digest.update(Path(module).read_bytes())
    path = directory / f"gazetteer-{digest.hexdigest()[:16]}.pickle"
    if path.exists():
        try:
            store = read_pickle(path)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            store = None  # a damaged or outdated cache file is rebuilt, never fatal
        if isinstance(store, Store):
            return store
    store = build_store(_embedded_rows())
    write_pickle(path, store)
    for stale in directory.glob("gazetteer-*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return store


def _embedded_rows() -> Iterable[SourceRow]:
    """Every row of the embedded sources, in the order that merges curated names last."""
    yield from geonames_rows()
    yield from country_rows()
    yield from curated_rows()
