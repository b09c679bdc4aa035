"""Importing GeoNames dumps (official tab-separated formats) into the local index."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from gazetteer import DumpFormatError, Gazetteer, Place
from gazetteer.importer import LocalIndex, import_dumps

# Synthetic rows in the exact layout of https://download.geonames.org/export/dump/ files.
GEONAME_ROWS = [
    # geonameid name asciiname alternatenames lat lon fclass fcode cc cc2 admin1..4
    # population elevation dem timezone modification_date
    (
        "9900001",
        "Al ‘Ulayyānīyah",
        "Al `Ulayyaniyah",
        "Alianiye,Al-Alianiyé,Oulayaniyé",
        "34.05",
        "38.30",
        "P",
        "PPL",
        "SY",
        "",
        "12",
        "",
        "",
        "",
        "0",
        "",
        "420",
        "Asia/Damascus",
        "2023-02-01",
    ),
    (
        "9900002",
        "Jabal Test",
        "Jabal Test",
        "",
        "34.20",
        "38.10",
        "T",
        "MT",
        "SY",
        "",
        "12",
        "",
        "",
        "",
        "0",
        "",
        "800",
        "Asia/Damascus",
        "2023-02-01",
    ),
    (
        "170063",
        "Aleppo",
        "Aleppo",
        "Alep,Halab",
        "36.20124",
        "37.16117",
        "P",
        "PPLA",
        "SY",
        "",
        "09",
        "",
        "",
        "",
        "2098210",
        "",
        "393",
        "Asia/Damascus",
        "2023-01-01",
    ),
]
ALTERNATE_ROWS = [
    # alternateNameId geonameid isolanguage alternate_name isPreferredName isShortName
    # isColloquial isHistoric from to
    ("1", "9900001", "fr", "El Oulayaniyé", "1", "", "", "", "", ""),
    ("2", "9900001", "link", "https://en.wikipedia.org/wiki/Test", "", "", "", "", "", ""),
    ("3", "170063", "fr", "Alep-la-Grise", "", "", "", "", "", ""),
    ("4", "12345678", "fr", "Not Imported", "", "", "", "", "", ""),
]


def _write(path: Path, rows: list[tuple[str, ...]]) -> Path:
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _zip(path: Path, member: str, rows: list[tuple[str, ...]]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, "".join("\t".join(r) + "\n" for r in rows))
    return path


@pytest.fixture
def dumps(tmp_path: Path) -> tuple[Path, Path]:
    sy = _zip(tmp_path / "SY.zip", "SY.txt", GEONAME_ROWS)
    alt = _zip(tmp_path / "alternateNamesV2.zip", "alternateNamesV2.txt", ALTERNATE_ROWS)
    return sy, alt


def _small_gazetteer(db: Path) -> Gazetteer:
    aleppo = Place("geonames:170063", "Aleppo", 37.16117, 36.20124, "SY", population=2098210)
    return Gazetteer.from_places([aleppo], local_db=db)


def test_import_zip_dumps_and_look_up(tmp_path: Path, dumps: tuple[Path, Path]):
    db = tmp_path / "local.sqlite"
    ticks: list[int] = []
    summary = import_dumps(dumps, db_path=db, progress=ticks.append)
    assert (summary.places, summary.names, summary.total_places) == (3, 2, 3)
    assert ticks and ticks[-1] == len(GEONAME_ROWS) + len(ALTERNATE_ROWS)
    assert "3 places" in str(summary)
    gaz = _small_gazetteer(db)
    village = gaz.lookup("Al-Alianiyé")[0]
    assert village.place.place_id == "local:9900001"
    assert village.place.source == "geonames:9900001"
    assert (village.place.lon, village.place.lat) == (38.30, 34.05)
    assert gaz.lookup("El Oulayaniyé")[0].place.place_id == "local:9900001"  # alternate name
    assert gaz.lookup("https://en.wikipedia.org/wiki/Test") == []  # pseudo-language skipped
    assert gaz.get("local:9900001").name == "Al ‘Ulayyānīyah"
    assert gaz.lookup("Jabal Test", kind="T")[0].place.feature_code == "MT"


def test_imported_name_of_an_embedded_place_resolves_to_it(tmp_path, dumps):
    db = tmp_path / "local.sqlite"
    import_dumps(dumps, db_path=db)
    gaz = _small_gazetteer(db)
    found = gaz.lookup("Alep-la-Grise")
    assert [c.place.place_id for c in found] == ["geonames:170063"]
    assert [c.place.place_id for c in gaz.lookup("Alep")] == ["geonames:170063"]


def test_imported_names_are_found_in_text(tmp_path, dumps):
    db = tmp_path / "local.sqlite"
    import_dumps(dumps, db_path=db)
    text = "Les jihadistes ont pris Al-Alianiyé, au sud, puis Alep-la-Grise."
    found = {m.surface: m.place_ids for m in _small_gazetteer(db).find(text)}
    assert found["Al-Alianiyé"] == ("local:9900001",)
    assert found["Alep-la-Grise"] == ("geonames:170063",)


def test_large_imports_are_found_in_text_by_key(tmp_path, dumps, monkeypatch):
    from gazetteer import index

    db = tmp_path / "local.sqlite"
    import_dumps(dumps, db_path=db)
    monkeypatch.setattr(index, "LOCAL_FIND_MAX_NAMES", 1)  # as if allCountries were imported
    found = {m.surface: m.place_ids for m in _small_gazetteer(db).find("Repli sur Al-Alianiyé.")}
    assert found == {"Al-Alianiyé": ("local:9900001",)}


def test_plain_text_dumps_and_cumulative_imports(tmp_path):
    db = tmp_path / "local.sqlite"
    import_dumps([_write(tmp_path / "SY.txt", GEONAME_ROWS[:1])], db_path=db)
    iq_row = (
        "9900003",
        "Tall Test",
        "Tall Test",
        "",
        "36.3",
        "42.4",
        "P",
        "PPL",
        "IQ",
        "",
        "",
        "",
        "",
        "",
        "1500",
        "",
        "300",
        "Asia/Baghdad",
        "2023-01-01",
    )
    summary = import_dumps([_write(tmp_path / "IQ.txt", [iq_row])], db_path=db)
    assert (summary.places, summary.total_places) == (1, 2)  # the Syrian village is kept
    assert len(LocalIndex(db)) == 2


def test_old_alternate_names_format_with_8_columns(tmp_path):
    db = tmp_path / "local.sqlite"
    rows = [r[:8] for r in ALTERNATE_ROWS]
    summary = import_dumps(
        [_write(tmp_path / "SY.txt", GEONAME_ROWS), _write(tmp_path / "alternateNames.txt", rows)],
        db_path=db,
    )
    assert summary.names == 2


def _index_rows(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT * FROM places ORDER BY geonameid").fetchall()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("170063\tAleppo\tAleppo\n", r"SY\.txt:1: expected 19 tab-separated columns, got 3"),
        ("\t".join(GEONAME_ROWS[2]) + "\n" + "\t".join(GEONAME_ROWS[0])[:40], r"SY\.txt:2: trunc"),
        ("x" + "\t".join(GEONAME_ROWS[2]) + "\n", r"SY\.txt:1: invalid literal"),
    ],
)
def test_bad_dump_fails_and_keeps_previous_index(tmp_path, dumps, content, message):
    db = tmp_path / "local.sqlite"
    import_dumps(dumps, db_path=db)
    before = _index_rows(db)
    bad = tmp_path / "SY.txt"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DumpFormatError, match=message):
        import_dumps([bad], db_path=db)
    assert _index_rows(db) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_truncated_zip_fails_with_the_file_name(tmp_path, dumps):
    sy, _ = dumps
    broken = tmp_path / "IQ.zip"
    broken.write_bytes(sy.read_bytes()[: len(sy.read_bytes()) // 2])
    db = tmp_path / "local.sqlite"
    with pytest.raises(DumpFormatError, match=r"IQ\.zip: not a zip"):
        import_dumps([broken], db_path=db)
    assert not db.exists()


def test_alternate_names_with_wrong_columns(tmp_path, dumps):
    sy, _ = dumps
    bad = _write(tmp_path / "alternateNamesV2.txt", [("1", "170063", "fr")])
    with pytest.raises(DumpFormatError, match=r"alternateNamesV2\.txt:1: expected 10 or 8"):
        import_dumps([sy, bad], db_path=tmp_path / "local.sqlite")


def test_missing_file_and_no_file(tmp_path):
    with pytest.raises(DumpFormatError, match="nothing.zip: no such file"):
        import_dumps([tmp_path / "nothing.zip"], db_path=tmp_path / "db.sqlite")
    with pytest.raises(DumpFormatError, match="no GeoNames dump"):
        import_dumps([], db_path=tmp_path / "db.sqlite")


def test_default_location_is_the_cache_dir(tmp_path, monkeypatch, dumps):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache"))
    summary = import_dumps(dumps)
    assert summary.db_path == tmp_path / "cache" / "geonames-local.sqlite"
    assert summary.db_path.is_file()
