"""The ``geo`` command line: help, version, usage errors, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from geo import __version__
from geo.cli import EXIT_ERROR, EXIT_NO_INPUT, EXIT_USAGE, main


def test_help_lists_commands_and_exit_codes(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for word in ("extract", "build-maps", "gazetteer", "exit codes", "seeds"):
        assert word in out


@pytest.mark.parametrize("command", ["extract", "build-maps"])
def test_subcommand_help_explains_inputs(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "INPUT" in out and "--out" in out


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == EXIT_USAGE


def test_bad_format_is_one_line_error(tmp_path, capsys):
    code = main(["build-maps", str(tmp_path / "nothing"), "--format", "pdf", "--quiet"])
    err = capsys.readouterr().err
    assert code == EXIT_ERROR
    assert err.strip() == "error: --format takes html and/or png, got 'pdf'"


def test_no_readable_article_exits_3_and_lists_the_reasons(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code = main(["extract", str(empty), str(tmp_path / "missing.txt"), "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == EXIT_NO_INPUT
    assert "empty.txt" in err and "missing.txt" in err
    assert "no article could be read" in err
    assert not (tmp_path / "report.json").exists()


def test_console_script_runs_as_module():
    proc = subprocess.run(
        [sys.executable, "-m", "geo.cli", "--version"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"geo {__version__}"


def test_gazetteer_lookup_prints_ranked_candidates_as_json(capsys):
    code = main(["gazetteer", "lookup", "Rakka", "--json", "--limit", "3"])
    rows = json.loads(capsys.readouterr().out)
    assert code == 0
    assert rows[0]["country_code"] == "SY"
    assert len(rows) <= 3


def test_gazetteer_lookup_of_an_unknown_name_says_so(capsys):
    code = main(["gazetteer", "lookup", "Xqzwvv Qqq"])
    assert code == EXIT_ERROR
    assert "no place found for 'Xqzwvv Qqq'" in capsys.readouterr().err


def test_gazetteer_import_of_a_corrupt_dump_is_one_line(tmp_path, capsys):
    dump = tmp_path / "SY.txt"
    dump.write_text("163808\tTadmur\tonly three columns\n", encoding="utf-8")
    code = main(["gazetteer", "import", str(dump), "--db", str(tmp_path / "local.sqlite")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == EXIT_ERROR
    assert len(err) == 1 and "SY.txt" in err[0]
    assert not (tmp_path / "local.sqlite").exists()


def test_build_maps_on_the_seeds_writes_every_output_and_a_summary(tmp_path, capsys):
    out = tmp_path / "maps"
    code = main(["build-maps", "--out", str(out), "--quiet", "--format", "html"])
    assert code == 0
    assert (out / "index.html").is_file() and (out / "timeline.html").is_file()
    for name in ("mentions", "places", "observations", "control"):
        assert (out / "data" / f"{name}.geojson").is_file()
    control = json.loads((out / "data" / "control.geojson").read_text(encoding="utf-8"))
    snapshots = {f["properties"]["snapshot"] for f in control["features"]}
    assert {p.stem for p in (out / "snapshots").glob("*.html")} == snapshots
    assert not list((out / "snapshots").glob("*.png"))  # --format html only


def test_build_maps_ships_leaflet_unless_told_to_use_the_cdn(tmp_path):
    """The maps a new user builds open with no network; --cdn makes the lighter kind."""
    local, cdn = tmp_path / "local", tmp_path / "cdn"
    assert main(["build-maps", "--out", str(local), "--quiet", "--format", "html"]) == 0
    assert main(["build-maps", "--out", str(cdn), "--quiet", "--format", "html", "--cdn"]) == 0
    assert (local / "assets" / "leaflet.js").is_file()
    assert "../assets/leaflet.js" in next((local / "snapshots").glob("*.html")).read_text()
    assert not (cdn / "assets").exists()
    assert "https://" in next((cdn / "snapshots").glob("*.html")).read_text()


def test_theatres_lists_every_bundled_war_with_its_sides(capsys):
    assert main(["theatres", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert {"syria_iraq", "ukraine", "sahel", "libya", "yemen", "karabakh"} <= set(rows)
    assert "generic" not in rows  # the fallback is no war one chooses
    assert {"ukraine", "russia"} <= set(rows["ukraine"]["sides"])
    assert rows["sahel"]["countries"][0] == "ML"


def test_a_bad_profile_of_ones_own_is_a_one_line_error_naming_file_and_key(tmp_path, capsys):
    from geo.theatre import THEATRES_DIR

    text = (THEATRES_DIR / "ukraine.toml").read_text(encoding="utf-8")
    path = tmp_path / "mine.toml"
    path.write_text(text.replace('side = "russia"', 'side = "rusia"', 1), encoding="utf-8")
    assert main(["theatres", str(path)]) == EXIT_ERROR
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "mine.toml" in err and "'rusia' is not one of" in err
    assert main(["extract", "--theatre", str(path), "--out", str(tmp_path / "o")]) == EXIT_ERROR
    assert "mine.toml" in capsys.readouterr().err


def test_extract_with_a_chosen_theatre_reports_it_for_every_article(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", "--theatre", "syria_iraq", "--out", str(out), "--quiet"]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    reasons = {a["theatre_reason"] for a in report["articles"]}
    assert {a["theatre"] for a in report["articles"]} == {"syria_iraq"}
    assert reasons == {"chosen with --theatre syria_iraq"}


def test_extract_warns_of_a_dateline_the_text_contradicts(tmp_path, capsys):
    dispatch = tmp_path / "bakhmout.txt"
    dispatch.write_text(
        "date 2025-06-02\n\nLes forces russes ont revendiqué la prise de Bakhmout le 20 mai "
        "2023, après des mois de combats commencés en août 2022.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["extract", str(dispatch), "--out", str(out), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "warning: bakhmout: dateline 2025-06-02" in err and "2023-05-20" in err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["date_warnings"] == [
        {
            "article": "bakhmout",
            "dateline": "2025-06-02",
            "dates_found": ["2023-05-20", "2022-08"],
            "message": report["date_warnings"][0]["message"],
        }
    ]
    assert report["articles"][0]["date"] == "2025-06-02"
