"""``geo``: the command-line interface, a thin layer over the Python API.

Every subcommand calls one public function (``geo.pipeline.run``, ``geo.pipeline.build_maps``,
``gazetteer.Gazetteer.lookup``, ``gazetteer.importer.import_dumps``) that a notebook can call
too. Errors print one line; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from geo import __version__
from geo._errors import GeoError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_NO_INPUT = 3

EPILOG = f"""\
exit codes:
  {EXIT_OK}  success (some inputs may have been skipped: see the report)
  {EXIT_ERROR}  an error stopped the command (one line on standard error; --debug for details)
  {EXIT_USAGE}  bad command-line usage
  {EXIT_NO_INPUT}  no article could be read from the inputs

With no INPUT, the bundled sample dispatches (seeds/) are read. INPUT may be files or
folders (searched recursively) of .txt dispatches (a 'date YYYY-MM[-DD]' header, then the
text), .jsonl or .csv files with 'text' and 'date' fields (optional 'id', 'title', 'source').
"""


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="article files or folders (default: the bundled seeds)",
    )


def _add_theatre(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--theatre",
        default="auto",
        metavar="ID|PATH|auto",
        help="the war the articles are about: a bundled profile id (see 'geo theatres'), the "
        "path of a profile file of your own, or 'auto' (default): each article gets the "
        "profile whose countries hold its places, or the generic profile when none does",
    )


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geo",
        description=(
            "Front-line tracker: reads dated news dispatches (French first), finds the places "
            "they name, turns distance claims into approximate positions, extracts who holds, "
            "takes and advances on which place when, and draws dated control maps."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"geo {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = sub.add_parser(
        "extract",
        help="write mentions, places, observations (GeoJSON) and a report",
        description=(
            "Find the places, positions and events of the articles and write "
            "DIR/mentions.geojson, DIR/places.geojson, DIR/observations.geojson and "
            "DIR/report.json (RFC 7946, WGS84)."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_inputs(extract)
    _add_theatre(extract)
    extract.add_argument("--out", type=Path, default=Path("out"), help="output folder (out/)")
    extract.add_argument("--quiet", action="store_true", help="no progress bar, no summary")
    extract.set_defaults(func=_cmd_extract)

    maps = sub.add_parser(
        "build-maps",
        help="write dated interactive maps, a time slider, PNG snapshots and an index",
        description=(
            "Run the pipeline and write DIR/index.html, one interactive HTML map and one PNG "
            "per snapshot date, a time-slider map, and the data under DIR/data/ "
            "(the extract files plus control.geojson). Each war is drawn with its own "
            "profile; when the inputs span several wars, each war's maps go to "
            "DIR/<theatre>/ and DIR/index.html lists them all."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_inputs(maps)
    _add_theatre(maps)
    maps.add_argument("--out", type=Path, default=Path("maps"), help="output folder (maps/)")
    maps.add_argument(
        "--every",
        choices=("change", "article", "week", "month"),
        default="change",
        help="snapshot dates: every change of state (default), article date, week or month",
    )
    maps.add_argument(
        "--format",
        default="html,png",
        help="comma-separated output formats among html and png (default: html,png)",
    )
    maps.add_argument(
        "--tiles",
        default="none",
        help="background tiles, e.g. OpenStreetMap or CartoDB positron (needs the network "
        "when the map is viewed); 'none' (default) for an offline map",
    )
    leaflet = maps.add_mutually_exclusive_group()
    leaflet.add_argument(
        "--offline",
        action="store_true",
        help="copy Leaflet and its plugins beside the HTML so the maps open with no network "
        "(the default)",
    )
    leaflet.add_argument(
        "--cdn",
        action="store_true",
        help="load Leaflet from its CDN instead: lighter output, but the maps show nothing "
        "when viewed without a network",
    )
    maps.add_argument("--quiet", action="store_true", help="no progress bar, no summary")
    maps.set_defaults(func=_cmd_build_maps)

    theatres = sub.add_parser(
        "theatres",
        help="list the bundled theatre profiles (wars), their countries, period and sides",
        description=(
            "List the bundled theatre profiles: id, name, countries, period and side ids. "
            "Give an id, or the path of a TOML profile of your own, to --theatre; a path is "
            "validated first (messages name the file, the key and the problem)."
        ),
    )
    theatres.add_argument("path", nargs="?", type=Path, help="a profile file to validate")
    theatres.add_argument("--json", action="store_true", help="print JSON for machines")
    theatres.set_defaults(func=_cmd_theatres)

    gaz = sub.add_parser(
        "gazetteer",
        help="look up place names; import a GeoNames dump",
        description="The offline place-name index.",
    )
    gaz_sub = gaz.add_subparsers(dest="gazetteer_command", metavar="ACTION", required=True)
    lookup = gaz_sub.add_parser(
        "lookup",
        help="ranked candidates for a name",
        description=(
            "Print the ranked candidates for NAME (any spelling: Raqa, Ar Raqqah...). Score: "
            "1.00 the place bears that very spelling, 0.98 it only shares its normalised key; "
            "'~' marks a place reached by a looser variant of the key (~0.96) or a fuzzy "
            "match (below 0.95)."
        ),
    )
    lookup.add_argument("name", metavar="NAME")
    lookup.add_argument("--country", help="ISO 3166-1 alpha-2 code to restrict to, e.g. SY")
    lookup.add_argument("--limit", type=int, default=10, help="number of candidates (10)")
    lookup.add_argument("--json", action="store_true", help="print JSON for machines")
    lookup.set_defaults(func=_cmd_gazetteer_lookup)
    imp = gaz_sub.add_parser(
        "import",
        help="import GeoNames dumps into the local index",
        description=(
            "Read GeoNames dumps (SY.zip, IQ.txt, allCountries.zip, alternateNamesV2.zip, in "
            "the official tab-separated format) into a local index in your cache folder, used "
            "on top of the embedded default. A bad dump leaves the previous index intact."
        ),
    )
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--db", type=Path, help="index file (default: in your cache folder)")
    imp.set_defaults(func=_cmd_gazetteer_import)
    return parser


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    unknown = sorted(set(formats) - {"html", "png"})
    if unknown or not formats:
        raise GeoError(f"--format takes html and/or png, got {value!r}")
    return formats


def _no_articles(result) -> int:
    for skipped in result.skipped:
        print(f"skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    print("error: no article could be read from the inputs", file=sys.stderr)
    return EXIT_NO_INPUT


def _cmd_extract(args: argparse.Namespace) -> int:
    from geo.export import write_extract
    from geo.pipeline import run

    result = run(args.inputs or None, theatre=args.theatre, progress=not args.quiet)
    if not result.articles:
        return _no_articles(result)
    write_extract(result, args.out)
    _print_date_warnings(result)
    if not args.quiet:
        located = sum(1 for m in result.mentions if m.place is not None)
        print(
            f"{len(result.articles)} articles read, {len(result.skipped)} skipped; "
            f"{len(result.mentions)} mentions ({located} located, {len(result.unresolved)} "
            f"unresolved); {len(result.observations)} observations -> {args.out}/"
        )
        _print_theatres(result)
    return EXIT_OK


def _print_date_warnings(result) -> None:
    """One line on standard error per article whose text contradicts its dateline (also in
    report.json's ``date_warnings``): shown even with --quiet, as a warning, not an error."""
    for warning in result.date_warnings:
        print(f"warning: {warning.message}", file=sys.stderr)


def _print_theatres(result) -> None:
    """One line: how many articles each theatre profile got (the report says why)."""
    counts: dict[str, int] = {}
    for choice in result.theatres:
        counts[choice.theatre] = counts.get(choice.theatre, 0) + 1
    print("theatres: " + ", ".join(f"{t} {n}" for t, n in sorted(counts.items())))


def _cmd_theatres(args: argparse.Namespace) -> int:
    from geo.theatre import bundled_profiles, load_profile

    profiles = (load_profile(args.path),) if args.path else bundled_profiles()
    rows = [
        {
            "id": p.id,
            "name": p.name,
            "countries": list(p.countries),
            "period": [d.isoformat() if d else None for d in p.period],
            "sides": list(p.sides),
            "path": str(p.path) if p.path else None,
        }
        for p in profiles
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return EXIT_OK
    for row in rows:
        start, end = row["period"]
        period = f"{start or '…'} – {end or ''}".strip()
        print(f"{row['id']:<12} {row['name']} ({', '.join(row['countries'])}; {period})")
        print(f"{'':<12} sides: {', '.join(row['sides'])}")
    if args.path:
        print(f"{args.path}: valid")
    return EXIT_OK


def _cmd_build_maps(args: argparse.Namespace) -> int:
    from geo.pipeline import build_maps

    formats = _formats(args.format)
    tiles = None if args.tiles.lower() == "none" else args.tiles
    summary = build_maps(
        args.inputs or None,
        out_dir=args.out,
        every=args.every,
        formats=formats,
        tiles=tiles,
        offline=not args.cdn,  # a map that needs the network shows nothing without it
        theatre=args.theatre,
        progress=not args.quiet,
    )
    if not summary.result.articles:
        return _no_articles(summary.result)
    _print_date_warnings(summary.result)
    if not args.quiet:
        print(
            f"{len(summary.snapshots)} snapshots written, {summary.places} places, "
            f"{summary.unresolved} unresolved, {len(summary.result.skipped)} inputs skipped "
            f"-> {summary.out_dir / 'index.html'}"
        )
        _print_theatres(summary.result)
    return EXIT_OK


def _cmd_gazetteer_lookup(args: argparse.Namespace) -> int:
    from gazetteer import Gazetteer
    from gazetteer.format import candidates_json, candidates_table

    candidates = Gazetteer.default().lookup(args.name, country=args.country, limit=args.limit)
    if args.json:
        print(json.dumps(candidates_json(candidates), ensure_ascii=False, indent=1))
    elif candidates:
        print(candidates_table(candidates))
    else:
        print(f"no place found for {args.name!r}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def _cmd_gazetteer_import(args: argparse.Namespace) -> int:
    from gazetteer.importer import import_dumps

    summary = import_dumps(args.paths, db_path=args.db)
    print(summary)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``geo`` console script; returns the exit code."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        if args.debug:
            raise
        from gazetteer import GazetteerError

        known = isinstance(exc, GeoError | GazetteerError | OSError)
        prefix = "error" if known else f"error ({type(exc).__name__})"
        print(f"{prefix}: {exc}", file=sys.stderr)
        if not known:
            print("run again with --debug for the details", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
