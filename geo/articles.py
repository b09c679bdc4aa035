"""Read dated dispatches from ``.txt``, ``.jsonl`` and ``.csv`` files into :class:`Article` records.

The reader is the first stage of the pipeline (see DESIGN.md, "The way data flows"). It never
stops on a bad input: every file it was given is either the source of articles or a
:class:`SkippedInput` with a reason a user can act on, and every soft problem (an encoding
guess, a missing or impossible date, a renamed duplicate id) is one line of
:attr:`ReadResult.warnings` that names the file.

Formats
-------
``.txt``
    Optional leading whitespace, then a ``date YYYY-MM`` or ``date YYYY-MM-DD`` header (``Date:``
    and the other forms of :func:`_parse_date` are accepted too), then the body on the same
    line or on the following lines. The id is the file name without its extension.
``.jsonl`` (or ``.ndjson``)
    One JSON object per line with ``text`` and ``date`` fields and optional ``id``, ``title``
    and ``source``. Blank lines are ignored.
``.csv``
    A header row naming the same fields (any case; ``,``, ``;`` or tab as delimiter), one
    article per row.

Ids of ``.jsonl`` and ``.csv`` articles default to ``<file stem>-<line>``, the line where the
record starts (the CSV header is line 1), as an editor shows it.

Decisions
---------
- An impossible or unrecognised date (``2016-13``, ``2016-02-30``) does not drop the article:
  its text is still evidence of places and events, so it is read as undated, listed in
  :attr:`ReadResult.undated`, and the bad date is named in a warning. The header line itself
  is still removed from the body. :func:`read_article_text`, which has no report to write to,
  raises :class:`~geo._errors.ArticleFormatError` instead.
- Inside folders, files with other extensions and hidden files or folders (``.git``,
  ``.ipynb_checkpoints``) are ignored; a file named explicitly with another extension is
  reported.
- A file reached twice (named and inside a named folder) is read once, with a warning.
- Duplicate article ids are made unique in path order by appending ``-2``, ``-3``..., with a
  warning; the first article keeps its id.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from geo._errors import ArticleFormatError, InputNotFoundError
from geo.records import Article, DatePrecision

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".jsonl", ".ndjson", ".csv")
"""File extensions the reader understands (compared case-insensitively)."""

_SUFFIX_LIST = ".txt, .jsonl or .csv"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_HEADER = re.compile(
    r"\A\s*date[ \t]*:?[ \t]*"
    r"(?P<value>[0-9]{4}(?:-[0-9]{1,2}){0,2}(?:T\S*)?|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})"
    r"(?=\s|\Z)",
    re.IGNORECASE,
)
"""A ``date ...`` header at the very start of a ``.txt`` file; its value is checked apart, so
that ``date 2016-13`` is recognised as a header with an impossible date."""

_ISO_DATE = re.compile(
    r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{1,2})(?:-(?P<day>[0-9]{1,2})"
    r"(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?)?)?"
)
_FRENCH_DATE = re.compile(r"(?P<day>[0-9]{1,2})/(?P<month>[0-9]{1,2})/(?P<year>[0-9]{4})")

_BROKEN_APOSTROPHE = re.compile(r"(?<=[^\W\d_])\?(?=[^\W\d_])")
"""A ``?`` with a letter on each side: feeds that lose the typographic apostrophe write
``qu?après`` or ``l?EI``. A real question mark is followed by a space, a quote or the end."""

_CSV_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class SkippedInput:
    """An input that yielded no article, or a part of one (a line, a row) that was left out.

    Parameters
    ----------
    path
        The file or folder as the reader reached it.
    reason
        What is wrong, in a sentence a user can act on (``line 3: ...`` for a record).
    """

    path: str
    reason: str


@dataclass(frozen=True)
class ReadResult:
    """Everything the reader found, and an account of everything it could not use.

    Parameters
    ----------
    articles
        The articles, in path order then in their order inside each file; ids are unique.
    skipped
        Inputs, lines or rows that yielded no article, in path order.
    undated
        Ids of the articles read without a date.
    warnings
        Soft problems, one line each, naming the file.
    """

    articles: list[Article]
    skipped: list[SkippedInput]
    undated: list[str]
    warnings: list[str]


@dataclass
class _Report:
    """The mutable account that :func:`read_inputs` fills while it walks the inputs."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def skip(self, path: str | Path, reason: str) -> None:
        self.skipped.append(SkippedInput(path=str(path), reason=reason))

    def warn(self, path: str | Path, message: str) -> None:
        self.warnings.append(f"{path}: {message}")


def default_seeds_dir() -> Path:
    """Return the repository's bundled ``seeds/`` folder, the default input of every command.

    Returns
    -------
    Path
        The absolute path of ``seeds/``.

    Raises
    ------
    InputNotFoundError
        When the folder is missing (an installation without the source tree).
    """
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    if not seeds.is_dir():
        raise InputNotFoundError(
            f"the bundled seeds folder {str(seeds)!r} is missing: "
            "pass the input files or folders explicitly"
        )
    return seeds


def repair_apostrophes(text: str) -> str:
    """Replace each ``?`` standing between two letters by an apostrophe.

    The apostrophe is the one the rest of the text uses: the typographic ``’`` when it is the
    more frequent, else the ASCII ``'``. A ``?`` followed by a space, a quote, a digit or the
    end of the text is a question mark and stays.

    Parameters
    ----------
    text
        Any text.

    Returns
    -------
    str
        The text, same length, so that offsets are unchanged.

    Examples
    --------
    >>> repair_apostrophes("Il a dit qu?après l?offensive de l'EI: « Qui? » Personne.")
    "Il a dit qu'après l'offensive de l'EI: « Qui? » Personne."
    >>> repair_apostrophes("Aujourd?hui, l’armée tient Ma?aloula.")
    'Aujourd’hui, l’armée tient Ma’aloula.'
    """
    return _repair(text)[0]


def read_article_text(raw: str, *, article_id: str, source_path: Path | None = None) -> Article:
    """Parse the text of one ``.txt`` dispatch: an optional date header, then the body.

    Parameters
    ----------
    raw
        The decoded file content.
    article_id
        The id to give the article (the file name without extension).
    source_path
        The file it came from, kept on the record and named in errors.

    Returns
    -------
    Article
        ``text`` is the body without the header, stripped, with broken apostrophes repaired
        (:func:`repair_apostrophes`); ``date`` and ``date_precision`` are ``None`` when there
        is no header.

    Raises
    ------
    ArticleFormatError
        When there is no text, or the header holds an impossible or unrecognised date.

    Examples
    --------
    >>> article = read_article_text(" date 2016-03 Les forces sont à 20 km d?Idleb.",
    ...                             article_id="a")
    >>> article.date, article.date_precision, article.text
    (datetime.date(2016, 3, 1), 'month', "Les forces sont à 20 km d'Idleb.")
    """
    label = str(source_path) if source_path is not None else f"article {article_id!r}"
    article, problem, _ = _txt_article(raw, article_id=article_id, source_path=source_path)
    if problem is not None:
        raise ArticleFormatError(f"{label}: {problem}")
    if article is None:
        missing = "no text after the date header" if raw.strip() else "empty text"
        raise ArticleFormatError(f"{label}: {missing} in {raw[:80]!r}")
    return article


def read_inputs(paths: Sequence[str | Path] | None = None) -> ReadResult:
    """Read every article of the given files and folders.

    Parameters
    ----------
    paths
        Files and folders, in any order; folders are read recursively. ``None`` or an empty
        sequence reads the bundled seeds (:func:`default_seeds_dir`).

    Returns
    -------
    ReadResult
        The articles, sorted by path then position in the file, and the account of every
        input: what was skipped and why, which articles are undated, and the warnings. An
        input that does not exist is skipped with the reason ``no such file or directory``;
        the others are still read.

    Raises
    ------
    InputNotFoundError
        Only when ``paths`` is empty and the bundled seeds are missing.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    if not paths:
        paths = [default_seeds_dir()]
    report = _Report()
    for path in _expand(paths, report):
        _read_file(path, report)
    articles = _unique_ids(report.articles, report)
    skipped = sorted(report.skipped, key=lambda item: item.path)
    return ReadResult(
        articles=articles,
        skipped=skipped,
        undated=[article.id for article in articles if article.date is None],
        warnings=report.warnings,
    )


def _expand(paths: Sequence[str | Path], report: _Report) -> list[Path]:
    """Turn the given paths into the sorted list of files to read, reporting the others."""
    files: dict[Path, Path] = {}
    for given in paths:
        path = Path(given)
        try:
            _expand_one(path, files, report)
        except OSError as error:
            report.skip(path, f"cannot access it: {error.strerror or error}")
    return sorted(files.values(), key=lambda file: file.as_posix())


def _expand_one(path: Path, files: dict[Path, Path], report: _Report) -> None:
    """Add the files of one given path to ``files``, or report why it gives none."""
    if not path.exists():
        report.skip(path, "no such file or directory")
    elif path.is_dir():
        found = list(_walk(path, report))
        if not found:
            report.skip(path, f"the folder holds no {_SUFFIX_LIST} file")
        for file in found:
            _add_file(files, file, report)
    elif not path.is_file():
        report.skip(path, "not a regular file or folder (a device, socket or pipe)")
    elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
        report.skip(
            path,
            f"unsupported file type {path.suffix or '(no extension)'!r}: "
            f"convert it to {_SUFFIX_LIST}",
        )
    else:
        _add_file(files, path, report)


def _add_file(files: dict[Path, Path], path: Path, report: _Report) -> None:
    """Record ``path`` once per real file; a second route to the same file is a warning."""
    key = path.resolve()
    if key in files:
        report.warn(path, f"the same file as {str(files[key])!r}, given twice; read once")
    else:
        files[key] = path


def _walk(folder: Path, report: _Report) -> Iterator[Path]:
    """Yield the supported files under ``folder``, sorted, skipping hidden entries."""

    def unreadable(error: OSError) -> None:
        report.skip(error.filename or folder, f"cannot open the folder: {error.strerror}")

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(names):
            path = Path(root, name)
            if name.startswith(".") or path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if path.is_file():
                yield path
            else:
                report.skip(path, "not a regular file (a broken link, device, socket or pipe)")


def _read_file(path: Path, report: _Report) -> None:
    """Read the articles of one file into ``report``, or record why it gave none."""
    try:
        data = path.read_bytes()
    except PermissionError:
        report.skip(path, "permission denied: make the file readable or leave it out")
        return
    except OSError as error:
        report.skip(path, f"cannot read the file: {error.strerror or error}")
        return
    if not data:
        report.skip(path, "empty file (0 bytes)")
        return
    text, note = _decode(data)
    if text is None:
        report.skip(path, note)
        return
    if note is not None:
        report.warn(path, note)
    if not text.strip():
        report.skip(path, "empty file (only whitespace)")
        return
    suffix = path.suffix.lower()
    if suffix == ".txt":
        _read_txt(text, path, report)
    elif suffix == ".csv":
        _read_csv(text, path, report)
    else:
        _read_jsonl(text, path, report)


def _decode(data: bytes) -> tuple[str | None, str | None]:
    """Decode file bytes; return ``(text, warning)``, or ``(None, reason)`` for a binary file.

    UTF-8 (with or without BOM) is expected; a UTF-16/32 file is recognised by its BOM; any
    other non-UTF-8 file is read as cp1252 (Windows Western European, the usual encoding of
    French text that is not UTF-8), with bytes that cp1252 does not define replaced by U+FFFD.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            return _newlines(text), f"decoded as {codec.upper()} (byte-order mark)"
    if b"\x00" in data:
        return None, (
            "binary file (it contains NUL bytes): save it as UTF-8 text "
            "(a UTF-16 file needs its byte-order mark)"
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return _newlines(data.decode("utf-8")), None
    except UnicodeDecodeError as error:
        text = data.decode("cp1252", errors="replace")
        note = (
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}): "
            "decoded as cp1252, check its accents"
        )
        replaced = text.count("\ufffd")
        if replaced:
            note += f"; {replaced} byte(s) undefined in cp1252 replaced by U+FFFD"
        return _newlines(text), note


def _newlines(text: str) -> str:
    """Normalise Windows and old Mac line ends to ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _repair(text: str) -> tuple[str, int]:
    """Repair broken apostrophes (see :func:`repair_apostrophes`); also return how many."""
    apostrophe = "\u2019" if text.count("\u2019") > text.count("'") else "'"
    return _BROKEN_APOSTROPHE.subn(apostrophe, text)


def _parse_date(value: str) -> tuple[dt.date, DatePrecision]:
    """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (optionally with a time) or ``DD/MM/YYYY``.

    A month is stored as its first day, a year as its first of January; the precision says
    which. Raises :class:`ArticleFormatError` naming the value when it is not one of these
    forms or not a date of the calendar.
    """
    text = value.strip()
    match = _ISO_DATE.fullmatch(text) or _FRENCH_DATE.fullmatch(text)
    if match is None:
        raise ArticleFormatError(
            f"unrecognised date {value!r}: write it as YYYY-MM-DD, YYYY-MM or YYYY"
        )
    parts = match.groupdict()
    precision: DatePrecision = "day" if parts["day"] else "month" if parts["month"] else "year"
    try:
        date = dt.date(int(parts["year"]), int(parts["month"] or 1), int(parts["day"] or 1))
    except ValueError as error:
        raise ArticleFormatError(f"impossible date {value!r} ({error})") from error
    return date, precision


def _txt_article(
    raw: str, *, article_id: str, source_path: Path | None
) -> tuple[Article | None, str | None, int]:
    """Parse a ``.txt`` dispatch leniently.

    Returns ``(article, date problem, apostrophes repaired)``; the article is ``None`` when
    there is no body, and undated when the header is missing or its date is bad.
    """
    raw = raw.removeprefix("\ufeff")
    header = _HEADER.match(raw)
    body = (raw[header.end() :] if header else raw).strip()
    if not body:
        return None, None, 0
    date: dt.date | None = None
    precision: DatePrecision | None = None
    problem = None
    if header is not None:
        try:
            date, precision = _parse_date(header["value"])
        except ArticleFormatError as error:
            problem = str(error)
    text, repaired = _repair(body)
    article = Article(
        id=article_id, date=date, date_precision=precision, text=text, source_path=source_path
    )
    return article, problem, repaired


def _read_txt(text: str, path: Path, report: _Report) -> None:
    article, problem, repaired = _txt_article(text, article_id=path.stem, source_path=path)
    if article is None:
        report.skip(path, "no text after the date header: the dispatch body is missing")
        return
    if problem is not None:
        report.warn(path, f"{problem}; read as undated")
    elif article.date is None:
        report.warn(
            path,
            "no 'date YYYY-MM' header at the start; read as undated "
            "(add a first line 'date YYYY-MM' or 'date YYYY-MM-DD')",
        )
    _note_repairs(path, repaired, report)
    report.articles.append(article)


def _read_jsonl(text: str, path: Path, report: _Report) -> None:
    repaired = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as error:
            report.skip(path, f"line {number}: not valid JSON ({error}); fix or remove the line")
            continue
        if not isinstance(record, dict):
            report.skip(
                path,
                f"line {number}: expected a JSON object with 'text' and 'date', "
                f"got {type(record).__name__}",
            )
            continue
        fields = {str(key).strip().lower(): value for key, value in record.items()}
        repaired += _read_record(fields, path=path, line=number, report=report)
    _note_repairs(path, repaired, report)


def _read_csv(text: str, path: Path, report: _Report) -> None:
    first_line = text.split("\n", 1)[0]
    delimiter = max(_CSV_DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        columns = [name.strip().lower() for name in next(reader)]
    except csv.Error as error:
        report.skip(path, f"line 1: malformed CSV header row ({error})")
        return
    if "text" not in columns:
        found = ", ".join(repr(name) for name in columns if name) or "none"
        report.skip(
            path,
            f"no 'text' column (columns found: {found}): "
            "the first row must name the columns text, date and optionally id, title, source",
        )
        return
    if "date" not in columns:
        report.warn(path, "no 'date' column: its articles are read as undated")
    repaired = 0
    rows = 0
    while True:
        number = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            report.skip(path, f"line {number}: malformed CSV ({error}); fix or remove the row")
            if reader.line_num < number:
                break
            continue
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        fields = dict(zip(columns, row, strict=False))
        repaired += _read_record(
            fields, path=path, line=number, report=report, warn_undated="date" in columns
        )
    if rows == 0:
        report.skip(path, "no data rows after the header row")
    _note_repairs(path, repaired, report)


def _read_record(
    fields: Mapping[str, object],
    *,
    path: Path,
    line: int,
    report: _Report,
    warn_undated: bool = True,
) -> int:
    """Append the article of one JSONL line or CSV row; return the apostrophes repaired."""
    where = f"line {line}"
    body = fields.get("text")
    if not isinstance(body, str):
        got = "missing" if body is None else f"not a string (got {type(body).__name__})"
        report.skip(path, f"{where}: the 'text' field is {got}")
        return 0
    if not body.strip():
        report.skip(path, f"{where}: the 'text' field is empty")
        return 0
    text, repaired = _repair(_newlines(body.strip()))
    date: dt.date | None = None
    precision: DatePrecision | None = None
    raw_date = _optional_str(fields.get("date"))
    if raw_date is None:
        if warn_undated:
            report.warn(path, f"{where}: no date; read as undated")
    else:
        try:
            date, precision = _parse_date(raw_date)
        except ArticleFormatError as error:
            report.warn(path, f"{where}: {error}; read as undated")
    title = _optional_str(fields.get("title"))
    report.articles.append(
        Article(
            id=_optional_str(fields.get("id")) or f"{path.stem}-{line}",
            date=date,
            date_precision=precision,
            text=text,
            source_path=path,
            title=_repair(title)[0] if title is not None else None,
            source=_optional_str(fields.get("source")),
        )
    )
    return repaired


def _optional_str(value: object) -> str | None:
    """A field value as stripped text, ``None`` when absent or blank."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _note_repairs(path: Path, repaired: int, report: _Report) -> None:
    if repaired:
        report.warn(path, f"repaired {repaired} '?' standing for an apostrophe between letters")


def _unique_ids(articles: list[Article], report: _Report) -> list[Article]:
    """Give every article a unique id, in order: a repeated id gets ``-2``, ``-3``..."""
    taken = {article.id for article in articles}
    first_path: dict[str, Path | None] = {}
    unique: list[Article] = []
    for article in articles:
        if article.id not in first_path:
            first_path[article.id] = article.source_path
            unique.append(article)
            continue
        number = 2
        while f"{article.id}-{number}" in taken:
            number += 1
        new_id = f"{article.id}-{number}"
        taken.add(new_id)
        first_path[new_id] = article.source_path
        report.warn(
            article.source_path,
            f"article id {article.id!r} already used by {str(first_path[article.id])!r}; "
            f"renamed {new_id!r}",
        )
        unique.append(replace(article, id=new_id))
    return unique
