"""Import a user's own GeoNames dumps into a local index used on top of the embedded one.

``geo gazetteer import SY.zip IQ.txt alternateNamesV2.zip`` calls :func:`import_dumps`.
It reads the official tab-separated files of https://download.geonames.org/export/dump/:

- geoname files (``SY.zip``, ``IQ.txt``, ``allCountries.zip``, ``cities500.zip``...): 19
  columns, ``geonameid name asciiname alternatenames latitude longitude feature_class
  feature_code country_code cc2 admin1 admin2 admin3 admin4 population elevation dem
  timezone modification_date``; every feature class is kept (villages, sites, wadis...);
- alternate names (``alternateNamesV2.zip``/``.txt``, 10 columns: ``alternateNameId
  geonameid isolanguage alternate_name isPreferredName isShortName isColloquial isHistoric
  from to``; the older ``alternateNames`` file has the first 8): names of the places
  imported (now or before) are added; pseudo-languages (``link``, ``post``, ``iata``...)
  are skipped.

The index is a stdlib :mod:`sqlite3` database (``geonames-local.sqlite`` in the cache
directory). Each import copies the previous index to a temporary file, adds to it and
renames it over the old one only when every file has been read: a corrupt or truncated
dump raises :class:`~gazetteer.DumpFormatError` naming the file and line and leaves the
previous index as it was.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from gazetteer._errors import DumpFormatError
from gazetteer.cache import atomic_write, cache_dir
from gazetteer.normalize import name_key
from gazetteer.records import Place
from gazetteer.sources import extent_km, is_indexable_name

__all__ = ["GEONAME_COLUMNS", "ImportSummary", "LocalIndex", "import_dumps"]

#: Columns of a GeoNames geoname row.
GEONAME_COLUMNS = 19
#: Columns of an alternate-names row: alternateNamesV2 (10) or the older file (8).
ALTERNATE_COLUMNS = (10, 8)
#: ``isolanguage`` values that are not names of the place (links, postcodes, codes).
PSEUDO_LANGUAGES = frozenset({"link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc"})
#: Extent in km of an imported place that is not a populated place, by feature class
#: (GeoNames gives no area): an administrative division (``A``) is tens of km across in
#: Syria and Iraq, an area (``L``) such as an oasis or a plain about ten; mountains,
#: hydrography and spots default to 1 km.
CLASS_EXTENT_KM = {"A": 30.0, "L": 10.0, "T": 2.0, "H": 2.0}
#: Rows between two calls of the ``progress`` callback.
PROGRESS_EVERY = 10_000
_SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL,
    country TEXT, fclass TEXT, fcode TEXT, population INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL, geonameid INTEGER NOT NULL, surface TEXT NOT NULL,
    UNIQUE (geonameid, surface)
);
CREATE INDEX IF NOT EXISTS names_key ON names (key);
"""


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did: the index written and how many rows each kind of file gave."""

    db_path: Path
    files: tuple[str, ...]
    places: int
    names: int
    total_places: int

    def __str__(self) -> str:
        return (
            f"imported {self.places} places and {self.names} names from "
            f"{len(self.files)} file(s) into {self.db_path} "
            f"({self.total_places} places in the local index)"
        )


def import_dumps(
    paths: Sequence[Path],
    *,
    db_path: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportSummary:
    """Read GeoNames dumps into the local index (added to what was imported before).

    Parameters
    ----------
    paths
        Dump files, ``.zip`` or ``.txt``; geoname files are read before alternate names.
    db_path
        The index to write; default ``geonames-local.sqlite`` in the cache directory
        (``$GEO_CACHE_DIR`` or the platform's), which :meth:`Gazetteer.default` then uses.
    progress
        Called with the number of rows read so far, every :data:`PROGRESS_EVERY` rows.

    Returns
    -------
    ImportSummary

    Raises
    ------
    DumpFormatError
        A file that is missing, not a zip, truncated, or not in the official format; the
        message names the file and the line. The previous index is left intact.
    """
    from gazetteer.index import LOCAL_DB_NAME

    target = Path(db_path) if db_path is not None else cache_dir() / LOCAL_DB_NAME
    files = [Path(p) for p in paths]
    if not files:
        raise DumpFormatError("no GeoNames dump given")
    for path in files:
        if not path.is_file():
            raise DumpFormatError(f"{path}: no such file")
    geonames = [p for p in files if not _is_alternate_names(p)]
    alternates = [p for p in files if _is_alternate_names(p)]
    counts = {"places": 0, "names": 0, "rows": 0}

    def _tick() -> None:
        counts["rows"] += 1
        if progress is not None and counts["rows"] % PROGRESS_EVERY == 0:
            progress(counts["rows"])

    def _write(tmp: Path) -> None:
        if target.exists():
            with closing(sqlite3.connect(target)) as old, closing(sqlite3.connect(tmp)) as new:
                old.backup(new)
        with closing(sqlite3.connect(tmp)) as db:
            # A temporary file renamed only once complete needs no journal of its own.
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.executescript(_SCHEMA)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (_SCHEMA_VERSION,))
            for path in geonames:
                counts["places"] += _read_geonames(db, path, _tick)
            for path in alternates:
                counts["names"] += _read_alternates(db, path, _tick)
            db.commit()
            counts["total"] = db.execute("SELECT count(*) FROM places").fetchone()[0]
        if progress is not None:
            progress(counts["rows"])

    atomic_write(target, _write)
    return ImportSummary(
        db_path=target,
        files=tuple(str(p) for p in files),
        places=counts["places"],
        names=counts["names"],
        total_places=counts["total"],
    )


def _is_alternate_names(path: Path) -> bool:
    return path.name.lower().startswith("alternatenames")


@contextmanager
def _lines(path: Path) -> Iterator[Iterator[tuple[int, str]]]:
    """Numbered lines of a dump (the ``.txt`` named like the zip, inside a zip)."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                wanted = f"{path.stem}.txt"
                members = [n for n in archive.namelist() if n.endswith(".txt")]
                member = wanted if wanted in members else (members or [None])[0]
                if member is None:
                    raise DumpFormatError(f"{path}: no .txt file in the zip")
                with archive.open(member) as raw:
                    text = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
                    yield _numbered(path, text)
        elif path.suffix.lower() == ".zip":
            raise DumpFormatError(f"{path}: not a zip file (truncated or damaged download?)")
        else:
            with path.open(encoding="utf-8", newline="\n") as text:
                yield _numbered(path, text)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as exc:
        raise DumpFormatError(f"{path}: damaged zip ({exc})") from exc
    except UnicodeDecodeError as exc:
        raise DumpFormatError(f"{path}: not UTF-8 text ({exc.reason})") from exc


def _numbered(path: Path, text: IO[str]) -> Iterator[tuple[int, str]]:
    """Lines without their newline; a last line without one means a truncated file."""
    for number, line in enumerate(text, start=1):
        if not line.endswith("\n"):
            raise DumpFormatError(f"{path}:{number}: truncated (the last line is incomplete)")
        if line.startswith("#") or not line.strip():
            continue
        yield number, line.rstrip("\n").rstrip("\r")


def _fields(path: Path, number: int, line: str, expected: tuple[int, ...]) -> list[str]:
    fields = line.split("\t")
    if len(fields) not in expected:
        raise DumpFormatError(
            f"{path}:{number}: expected {' or '.join(map(str, expected))} tab-separated "
            f"columns, got {len(fields)}: {line[:80]!r}"
        )
    return fields


def _read_geonames(db: sqlite3.Connection, path: Path, tick: Callable[[], None]) -> int:
    count = 0
    with _lines(path) as lines:
        for number, line in lines:
            fields = _fields(path, number, line, (GEONAME_COLUMNS,))
            try:
                gid = int(fields[0])
                lat, lon = float(fields[4]), float(fields[5])
                population = int(fields[14] or 0)
            except ValueError as exc:
                raise DumpFormatError(f"{path}:{number}: {exc} in {line[:80]!r}") from exc
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise DumpFormatError(f"{path}:{number}: coordinates out of range {lat}, {lon}")
            name = fields[1]
            db.execute(
                "INSERT OR REPLACE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (gid, name, lon, lat, fields[8] or None, fields[6], fields[7], population),
            )
            surfaces = [name, fields[2], *fields[3].split(",")]
            _add_names(db, gid, (s for s in surfaces if s == name or is_indexable_name(s)))
            count += 1
            tick()
    return count


def _read_alternates(db: sqlite3.Connection, path: Path, tick: Callable[[], None]) -> int:
    known = {row[0] for row in db.execute("SELECT geonameid FROM places")}
    count = 0
    with _lines(path) as lines:
        for number, line in lines:
            fields = _fields(path, number, line, ALTERNATE_COLUMNS)
            try:
                gid = int(fields[1])
            except ValueError as exc:
                raise DumpFormatError(f"{path}:{number}: {exc} in {line[:80]!r}") from exc
            tick()
            if gid not in known or fields[2] in PSEUDO_LANGUAGES:
                continue
            if is_indexable_name(fields[3]):
                count += _add_names(db, gid, (fields[3],))
    return count


def _add_names(db: sqlite3.Connection, gid: int, surfaces: Iterator[str] | tuple[str, ...]) -> int:
    rows = [(name_key(s), gid, s) for s in dict.fromkeys(s.strip() for s in surfaces) if s]
    rows = [r for r in rows if r[0]]
    before = db.total_changes
    db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", rows)
    return db.total_changes - before


class LocalIndex:
    """Read access to an index written by :func:`import_dumps`.

    Places come out with the id ``local:<geonameid>`` and the source ``geonames:<id>``;
    :class:`gazetteer.Gazetteer` maps a place the embedded index also holds onto it.
    """

    def __init__(self, path: Path) -> None:
        if not Path(path).is_file():
            raise DumpFormatError(f"{path}: no local GeoNames index there")
        self.path = Path(path)
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._cache: dict[str, list[tuple[Place, str]]] = {}

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM places").fetchone()[0]

    def lookup(self, key: str) -> list[tuple[Place, str]]:
        """Places with a name of this key, most populous first, with the name matched."""
        hit = self._cache.get(key)
        if hit is None:
            rows = self._db.execute(
                "SELECT n.geonameid, n.surface FROM names n JOIN places p USING (geonameid) "
                "WHERE n.key = ? ORDER BY p.population DESC, n.geonameid",
                (key,),
            ).fetchall()
            seen: dict[int, str] = {}
            for gid, surface in rows:
                seen.setdefault(gid, surface)
            places = ((self._place(gid), surface) for gid, surface in seen.items())
            hit = [(place, surface) for place, surface in places if place is not None]
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def get(self, place_id: str) -> Place | None:
        """The place of a ``local:<geonameid>`` id, or ``None``."""
        prefix, _, number = place_id.partition(":")
        if prefix != "local" or not number.isdigit():
            return None
        return self._place(int(number))

    def name_count(self) -> int:
        """How many names the index holds."""
        return self._db.execute("SELECT count(*) FROM names").fetchone()[0]

    def surfaces(self) -> Iterator[str]:
        """Every name in the index (for matching in text)."""
        for (surface,) in self._db.execute("SELECT surface FROM names"):
            yield surface

    def _place(self, gid: int) -> Place | None:
        row = self._db.execute(
            "SELECT name, lon, lat, country, fclass, fcode, population FROM places "
            "WHERE geonameid = ?",
            (gid,),
        ).fetchone()
        if row is None:
            return None
        name, lon, lat, country, fclass, fcode, population = row
        aliases = tuple(
            s
            for (s,) in self._db.execute(
                "SELECT surface FROM names WHERE geonameid = ? ORDER BY rowid", (gid,)
            )
            if s != name
        )
        return Place(
            place_id=f"local:{gid}",
            name=name,
            lon=lon,
            lat=lat,
            country_code=country,
            feature_class=fclass or "P",
            feature_code=fcode or "PPL",
            population=population,
            source=f"geonames:{gid}",
            uncertainty_km=(
                extent_km(population) if fclass in ("P", "") else CLASS_EXTENT_KM.get(fclass, 1.0)
            ),
            aliases=aliases,
        )
