"""Tests of the article reader: every format, every bad input, and the account of each file."""

from __future__ import annotations

import codecs
import datetime as dt
import doctest
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geo.articles
from geo._errors import ArticleFormatError, InputNotFoundError
from geo.articles import (
    ReadResult,
    SkippedInput,
    default_seeds_dir,
    read_article_text,
    read_inputs,
    repair_apostrophes,
)

BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_])\?(?=[^\W\d_])")


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _reasons(result: ReadResult, path: Path) -> list[str]:
    return [item.reason for item in result.skipped if item.path == str(path)]


def _warnings(result: ReadResult, path: Path) -> list[str]:
    return [line for line in result.warnings if line.startswith(str(path))]


# --- the bundled seeds -------------------------------------------------------------------------


def test_seeds_read_as_four_month_dated_articles(seeds_dir):
    result = read_inputs([seeds_dir])
    assert [(a.date, a.date_precision) for a in result.articles] == [
        (dt.date(2022, 1, 1), "month"),
        (dt.date(2017, 2, 1), "month"),
        (dt.date(2021, 11, 1), "month"),
        (dt.date(2022, 2, 1), "month"),
    ]
    assert [a.id for a in result.articles] == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    assert result.skipped == [] and result.undated == []
    first = result.articles[0]
    assert first.text.startswith("Le chef de la diplomatie")
    assert first.source_path == seeds_dir / f"{first.id}.txt"


def test_seed_000_has_its_eleven_broken_apostrophes_repaired(seeds_dir):
    raw = (seeds_dir / "000_6a9be6166e6d3daa.txt").read_text(encoding="utf-8")
    assert len(BETWEEN_LETTERS.findall(raw)) == 11
    text = read_inputs([seeds_dir]).articles[0].text
    assert BETWEEN_LETTERS.search(text) is None
    for repaired in ("qu'après", "l'EI", "d'ici", "n'importe", "l'ONU", "s'est passé"):
        assert repaired in text
    warning = [w for w in read_inputs([seeds_dir]).warnings if "000_6a9be6166e6d3daa" in w]
    assert warning == [
        f"{seeds_dir / '000_6a9be6166e6d3daa.txt'}: "
        "repaired 11 '?' standing for an apostrophe between letters"
    ]


def test_body_is_the_file_without_its_header(seeds_dir):
    for article in read_inputs([seeds_dir]).articles:
        raw = article.source_path.read_text(encoding="utf-8")
        body = raw.strip().removeprefix(f"date {article.date:%Y-%m}").strip()
        assert article.text == repair_apostrophes(body)


def test_no_input_means_the_bundled_seeds(seeds_dir):
    assert default_seeds_dir() == seeds_dir
    assert read_inputs() == read_inputs([]) == read_inputs([seeds_dir])
    assert read_inputs(str(seeds_dir)) == read_inputs([seeds_dir])


def test_missing_seeds_folder_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(geo.articles, "__file__", str(tmp_path / "geo" / "articles.py"))
    with pytest.raises(InputNotFoundError, match="seeds folder .* is missing") as caught:
        read_inputs()
    assert isinstance(caught.value, FileNotFoundError)
    assert str(tmp_path / "seeds") in str(caught.value)


# --- .txt --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "date", "precision", "text"),
    [
        (
            " date 2016-03 Les rebelles tiennent Idleb.",
            (2016, 3, 1),
            "month",
            "Les rebelles tiennent Idleb.",
        ),
        (
            "date 2015-12-09\n\nManbij est encerclée.\n",
            (2015, 12, 9),
            "day",
            "Manbij est encerclée.",
        ),
        (
            "\n\n  Date: 2014-06-10\nMossoul est tombée.",
            (2014, 6, 10),
            "day",
            "Mossoul est tombée.",
        ),
        ("DATE 2016-4\nTal Afar.", (2016, 4, 1), "month", "Tal Afar."),
        ("date 2016-03-24T08:30:00Z Homs.", (2016, 3, 24), "day", "Homs."),
    ],
)
def test_txt_header_forms(tmp_path, content, date, precision, text):
    path = _write(tmp_path / "fallouja_2016.txt", content)
    result = read_inputs([path])
    (article,) = result.articles
    assert (article.id, article.date, article.date_precision) == (
        "fallouja_2016",
        dt.date(*date),
        precision,
    )
    assert article.text == text
    assert result.warnings == [] and result.undated == []


def test_txt_line_ends_are_normalised(tmp_path):
    path = _write(tmp_path / "crlf.txt", b"date 2016-03\r\nAlep (nord).\r\n\r\nHoms.\rHama.\r\n")
    assert read_inputs([path]).articles[0].text == "Alep (nord).\n\nHoms.\nHama."


def test_txt_without_header_is_read_undated_with_a_warning(tmp_path):
    path = _write(tmp_path / "kobane.txt", "Les forces kurdes ont repris Kobané.\n")
    result = read_inputs([path])
    (article,) = result.articles
    assert (article.date, article.date_precision) == (None, None)
    assert article.text == "Les forces kurdes ont repris Kobané."
    assert result.undated == ["kobane"]
    (warning,) = result.warnings
    assert warning.startswith(f"{path}: no 'date YYYY-MM' header")
    assert "read as undated" in warning


@pytest.mark.parametrize(
    ("header", "why"),
    [
        ("date 2016-13", "impossible date '2016-13' (month must be in 1..12)"),
        ("date 2016-02-30", "impossible date '2016-02-30' (day is out of range for month)"),
        ("date 2016-00-10", "impossible date '2016-00-10'"),
    ],
)
def test_txt_impossible_date_is_read_undated_and_named(tmp_path, header, why):
    path = _write(tmp_path / "homs.txt", f"{header}\nL'armée avance vers Homs.")
    result = read_inputs([path])
    (article,) = result.articles
    assert article.date is None and article.text == "L'armée avance vers Homs."
    assert result.undated == ["homs"] and result.skipped == []
    (warning,) = result.warnings
    assert warning.startswith(f"{path}: {why}")
    assert warning.endswith("; read as undated")


def test_txt_with_only_a_header_is_skipped(tmp_path):
    path = _write(tmp_path / "vide.txt", " date 2017-03 \n\n")
    result = read_inputs([path])
    assert result.articles == []
    assert result.skipped == [
        SkippedInput(str(path), "no text after the date header: the dispatch body is missing")
    ]


def test_read_article_text_strict_on_dates_and_empty_bodies():
    article = read_article_text("\ufeff date 2016-08 Alep ( nord ) est assiégée", article_id="x")
    assert (article.id, article.date, article.text) == (
        "x",
        dt.date(2016, 8, 1),
        "Alep ( nord ) est assiégée",
    )
    assert read_article_text("Soukhné est tombée.", article_id="y").date is None
    with pytest.raises(ArticleFormatError, match=r"impossible date '2016-13'"):
        read_article_text("date 2016-13 Hama", article_id="z")
    with pytest.raises(ArticleFormatError, match=r"^article 'e': empty text"):
        read_article_text("  \n ", article_id="e")
    with pytest.raises(ArticleFormatError, match=r"^/tmp/q.txt: no text after the date header"):
        read_article_text("date 2016-01-02", article_id="q", source_path=Path("/tmp/q.txt"))


@given(st.text())
def test_read_article_text_only_raises_article_format_error(raw):
    _check_read_article_text(raw)


@given(
    st.from_regex(r"\A\s*[dD]ate:? ?[0-9]{1,4}(-[0-9]{1,2}){0,2}(T[0-9:Z]*)?", fullmatch=True),
    st.text(),
)
def test_read_article_text_headers_only_raise_article_format_error(header, body):
    _check_read_article_text(header + " " + body)


def _check_read_article_text(raw: str) -> None:
    try:
        article = read_article_text(raw, article_id="h")
    except ArticleFormatError as error:
        assert str(error).startswith("article 'h': ")
        return
    assert article.text and article.text == article.text.strip()
    assert BETWEEN_LETTERS.search(article.text) is None
    assert (article.date is None) == (article.date_precision is None)


# --- apostrophes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("qu?après la chute", "qu'après la chute"),
        ("le retrait de l?EI", "le retrait de l'EI"),
        ("d?ici à Qaryatayn", "d'ici à Qaryatayn"),
        ("n?importe où, aujourd?hui", "n'importe où, aujourd'hui"),
        ("la région d?Alep, l?aéroport", "la région d'Alep, l'aéroport"),
        ("Ma?arrat al-Nouman", "Ma'arrat al-Nouman"),
        ('Il a crié "Qui?" puis "Pourquoi ?"', 'Il a crié "Qui?" puis "Pourquoi ?"'),
        ("Qui? Personne. Où?\nNulle part?", "Qui? Personne. Où?\nNulle part?"),
        ("« Et Palmyre? »", "« Et Palmyre? »"),
        ("score 2?1 ou a?1 ou 1?a", "score 2?1 ou a?1 ou 1?a"),
        ("l’armée et l?EI", "l’armée et l’EI"),
        ("l'armée, l’EI et d?Idleb", "l'armée, l’EI et d'Idleb"),
    ],
)
def test_repair_apostrophes(broken, repaired):
    assert repair_apostrophes(broken) == repaired


@given(st.text(alphabet=st.sampled_from("ab?'’ é.\"«»1")))
def test_repair_apostrophes_keeps_offsets_and_only_touches_question_marks(text):
    repaired = repair_apostrophes(text)
    assert len(repaired) == len(text)
    assert BETWEEN_LETTERS.search(repaired) is None
    for before, after in zip(text, repaired, strict=True):
        assert before == after or (before == "?" and after in "'’")


def test_docstring_examples_run():
    assert doctest.testmod(geo.articles).failed == 0


# --- .jsonl ------------------------------------------------------------------------------------


def test_jsonl_fields_dates_and_default_ids(tmp_path):
    records = [
        {"id": "afp-1", "date": "2016-03-27", "text": "Palmyre reprise.", "title": "Palmyre"},
        {"date": "2015-05", "text": " Ramadi est tombée ", "source": "AFP"},
        {"date": "2014", "text": "Raqa, l?EI."},
        {"date": 2013, "text": "Qousseir."},
        {"date": "2017-01-05T10:00:00+02:00", "text": "Al-Bab."},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(2, "")
    path = _write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    result = read_inputs([path])
    assert [(a.id, a.date, a.date_precision, a.text) for a in result.articles] == [
        ("afp-1", dt.date(2016, 3, 27), "day", "Palmyre reprise."),
        ("feed-2", dt.date(2015, 5, 1), "month", "Ramadi est tombée"),
        ("feed-4", dt.date(2014, 1, 1), "year", "Raqa, l'EI."),
        ("feed-5", dt.date(2013, 1, 1), "year", "Qousseir."),
        ("feed-6", dt.date(2017, 1, 5), "day", "Al-Bab."),
    ]
    assert result.articles[0].title == "Palmyre" and result.articles[1].source == "AFP"
    assert result.articles[1].title is None and result.articles[0].source_path == path
    assert result.skipped == [] and result.undated == []
    assert result.warnings == [f"{path}: repaired 1 '?' standing for an apostrophe between letters"]


def test_jsonl_bad_lines_are_skipped_and_the_others_read(tmp_path):
    path = _write(
        tmp_path / "feed.jsonl",
        "\n".join(
            [
                '{"date": "2016-06", "text": "Manbij encerclée."}',
                '{"date": "2016-06", "text": "Fallouja',
                '["2016-06", "Hama"]',
                '{"date": "2016-06"}',
                '{"date": "2016-06", "text": "   "}',
                '{"date": "2016-06", "text": 12}',
                '{"date": "2016-13", "text": "Homs."}',
                '{"text": "Soukhné."}',
                '{"date": "hier", "text": "Alep."}',
            ]
        ),
    )
    result = read_inputs([path])
    assert [(a.id, a.date) for a in result.articles] == [
        ("feed-1", dt.date(2016, 6, 1)),
        ("feed-7", None),
        ("feed-8", None),
        ("feed-9", None),
    ]
    reasons = _reasons(result, path)
    assert reasons[0].startswith("line 2: not valid JSON (Unterminated string")
    assert reasons[1:] == [
        "line 3: expected a JSON object with 'text' and 'date', got list",
        "line 4: the 'text' field is missing",
        "line 5: the 'text' field is empty",
        "line 6: the 'text' field is not a string (got int)",
    ]
    assert result.undated == ["feed-7", "feed-8", "feed-9"]
    assert result.warnings == [
        f"{path}: line 7: impossible date '2016-13' (month must be in 1..12); read as undated",
        f"{path}: line 8: no date; read as undated",
        f"{path}: line 9: unrecognised date 'hier': write it as YYYY-MM-DD, YYYY-MM or YYYY; "
        "read as undated",
    ]


# --- .csv --------------------------------------------------------------------------------------


def test_csv_rows_with_quoted_multiline_text(tmp_path):
    path = _write(
        tmp_path / "depeches.csv",
        "id,date,title,text,source\n"
        'a1,2016-03-24,Palmyre,"Les troupes sont à 20 km\nde Palmyre.",AFP\n'
        ',24/05/2015,,"Ramadi, d?après l\'armée.",\n'
        "\n"
        ",2016,,Idleb.,\n",
    )
    result = read_inputs([path])
    assert [(a.id, a.date, a.date_precision, a.text) for a in result.articles] == [
        ("a1", dt.date(2016, 3, 24), "day", "Les troupes sont à 20 km\nde Palmyre."),
        ("depeches-4", dt.date(2015, 5, 24), "day", "Ramadi, d'après l'armée."),
        ("depeches-6", dt.date(2016, 1, 1), "year", "Idleb."),
    ]
    assert (result.articles[0].title, result.articles[0].source) == ("Palmyre", "AFP")
    assert result.articles[1].title is None and result.articles[1].source is None
    assert result.skipped == []


def test_csv_semicolon_delimiter_and_header_case(tmp_path):
    path = _write(tmp_path / "excel.csv", "Date;Text\r\n2016-10;Alep-Est, l?enclave.\r\n")
    (article,) = read_inputs([path]).articles
    assert (article.id, article.date, article.text) == (
        "excel-2",
        dt.date(2016, 10, 1),
        "Alep-Est, l'enclave.",
    )


def test_csv_without_text_column_names_the_columns_found(tmp_path):
    path = _write(tmp_path / "wrong.csv", "date,body,url\n2016-03,Palmyre,http://x\n")
    result = read_inputs([path])
    assert result.articles == []
    assert _reasons(result, path) == [
        "no 'text' column (columns found: 'date', 'body', 'url'): the first row must name "
        "the columns text, date and optionally id, title, source"
    ]


def test_csv_malformed_header_row_is_skipped(tmp_path):
    path = _write(tmp_path / "header.csv", '"date"x,text\n2016,Alep\n')
    assert _reasons(read_inputs([path]), path) == [
        "line 1: malformed CSV header row (',' expected after '\"')"
    ]


def test_csv_empty_text_rows_are_skipped_by_line(tmp_path):
    path = _write(
        tmp_path / "rows.csv",
        "date,text\n2016-03,Palmyre.\n2016-04,\n2016-05,  \n2016-06,Qaryatayn.\n",
    )
    result = read_inputs([path])
    assert [a.id for a in result.articles] == ["rows-2", "rows-5"]
    assert _reasons(result, path) == [
        "line 3: the 'text' field is empty",
        "line 4: the 'text' field is empty",
    ]


def test_csv_without_date_column_warns_once(tmp_path):
    path = _write(tmp_path / "nodate.csv", "text\nHoms.\nHama.\n")
    result = read_inputs([path])
    assert result.undated == ["nodate-2", "nodate-3"]
    assert result.warnings == [f"{path}: no 'date' column: its articles are read as undated"]


def test_csv_header_only_is_skipped(tmp_path):
    path = _write(tmp_path / "header.csv", "date,text\n")
    result = read_inputs([path])
    assert _reasons(result, path) == ["no data rows after the header row"]


def test_csv_malformed_rows_are_skipped_by_line(tmp_path):
    path = _write(
        tmp_path / "bad.csv",
        'date,text\n2016-03,Palmyre.\n2016-04,"Alep" (nord)\n2016-05,Homs.\n2016-06,"Hama\n',
    )
    result = read_inputs([path])
    assert [a.id for a in result.articles] == ["bad-2", "bad-4"]
    assert _reasons(result, path) == [
        "line 3: malformed CSV (',' expected after '\"'); fix or remove the row",
        "line 5: malformed CSV (unexpected end of data); fix or remove the row",
    ]


# --- encodings ---------------------------------------------------------------------------------


def test_utf8_bom_is_dropped_silently(tmp_path):
    path = _write(tmp_path / "bom.txt", codecs.BOM_UTF8 + " date 2016-03 Déir ez-Zor".encode())
    result = read_inputs([path])
    assert result.articles[0].text == "Déir ez-Zor" and result.warnings == []
    assert result.articles[0].date == dt.date(2016, 3, 1)


def test_cp1252_is_decoded_with_a_warning(tmp_path):
    path = _write(tmp_path / "win.txt", "date 2016-03 L’armée à Alep « nord »".encode("cp1252"))
    result = read_inputs([path])
    assert result.articles[0].text == "L’armée à Alep « nord »"
    assert result.warnings == [
        f"{path}: not valid UTF-8 (byte 0x92 at offset 14): decoded as cp1252, check its accents"
    ]


def test_bytes_undefined_in_cp1252_never_crash(tmp_path):
    path = _write(tmp_path / "junk.txt", b"date 2016-03 Hama \x81\x8d\xe9t\xe9")
    result = read_inputs([path])
    assert result.articles[0].text == "Hama \ufffd\ufffdété"
    (warning,) = result.warnings
    assert warning.endswith("2 byte(s) undefined in cp1252 replaced by U+FFFD")


def test_utf16_with_bom_is_read(tmp_path):
    path = _write(tmp_path / "word.txt", "date 2016-03\r\nManbij".encode("utf-16"))
    result = read_inputs([path])
    assert result.articles[0].text == "Manbij"
    assert result.warnings == [f"{path}: decoded as UTF-16 (byte-order mark)"]


# --- bad inputs --------------------------------------------------------------------------------


def test_empty_whitespace_and_binary_files_are_skipped(tmp_path):
    empty = _write(tmp_path / "empty.txt", b"")
    blank = _write(tmp_path / "blank.jsonl", "\n  \n")
    binary = _write(tmp_path / "image.csv", b"date,text\n\x00\x01\x02\x89PNG")
    result = read_inputs([empty, blank, binary])
    assert result.articles == []
    assert result.skipped == [
        SkippedInput(str(blank), "empty file (only whitespace)"),
        SkippedInput(str(empty), "empty file (0 bytes)"),
        SkippedInput(
            str(binary),
            "binary file (it contains NUL bytes): save it as UTF-8 text "
            "(a UTF-16 file needs its byte-order mark)",
        ),
    ]


def test_unreadable_file_is_skipped_and_the_others_read(tmp_path, monkeypatch):
    locked = _write(tmp_path / "locked.txt", "date 2016-03 Alep")
    _write(tmp_path / "other.txt", "date 2016-03 Idleb")
    read_bytes = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    result = read_inputs([tmp_path])
    assert [a.id for a in result.articles] == ["other"]
    assert result.skipped == [
        SkippedInput(str(locked), "permission denied: make the file readable or leave it out")
    ]


def test_os_error_while_reading_is_skipped(tmp_path, monkeypatch):
    path = _write(tmp_path / "io.txt", "date 2016-03 Alep")

    def fail(self: Path) -> bytes:
        raise OSError(5, "Input/output error", str(self))

    monkeypatch.setattr(Path, "read_bytes", fail)
    assert read_inputs([path]).skipped == [
        SkippedInput(str(path), "cannot read the file: Input/output error")
    ]


def test_missing_path_is_skipped_and_the_others_read(tmp_path):
    real = _write(tmp_path / "real.txt", "date 2016-03 Alep")
    missing = tmp_path / "absent.txt"
    result = read_inputs([missing, real, tmp_path / "no_folder"])
    assert [a.id for a in result.articles] == ["real"]
    assert result.skipped == [
        SkippedInput(str(missing), "no such file or directory"),
        SkippedInput(str(tmp_path / "no_folder"), "no such file or directory"),
    ]


def test_unknown_extension_reported_when_named_ignored_in_folders(tmp_path):
    notes = _write(tmp_path / "README.md", "# notes")
    _write(tmp_path / "data.json", "[]")
    _write(tmp_path / ".ipynb_checkpoints" / "a-checkpoint.txt", "date 2016-03 Homs")
    _write(tmp_path / ".hidden.txt", "date 2016-03 Homs")
    article = _write(tmp_path / "sub" / "deeper" / "a.TXT", "date 2016-03 Hama")
    result = read_inputs([tmp_path])
    assert [a.source_path for a in result.articles] == [article]
    assert result.skipped == []
    named = read_inputs([notes, tmp_path / "data.json"])
    assert named.skipped == [
        SkippedInput(str(notes), "unsupported file type '.md': convert it to .txt, .jsonl or .csv"),
        SkippedInput(
            str(tmp_path / "data.json"),
            "unsupported file type '.json': convert it to .txt, .jsonl or .csv",
        ),
    ]


def test_folder_without_articles_is_reported(tmp_path):
    folder = tmp_path / "docs"
    _write(folder / "README.md", "nothing here")
    assert read_inputs([folder]).skipped == [
        SkippedInput(str(folder), "the folder holds no .txt, .jsonl or .csv file")
    ]


def test_folder_named_like_a_file_is_read_as_a_folder(tmp_path):
    odd = tmp_path / "odd.txt"
    _write(odd / "inner.txt", "date 2016-03 Kobané")
    result = read_inputs([odd])
    assert [a.id for a in result.articles] == ["inner"]


def test_special_files_and_unreadable_folders_are_reported(tmp_path, monkeypatch):
    _write(tmp_path / "in" / "ok.txt", "date 2016-03 Hama")
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    pipe = tmp_path / "named_pipe.txt"
    os.mkfifo(pipe)
    dangling = tmp_path / "in" / "dangling.csv"
    dangling.symlink_to(tmp_path / "nowhere.csv")
    locked = tmp_path / "in" / "locked"
    _write(locked / "hidden_from_us.txt", "date 2016-03 Homs")
    scandir = os.scandir

    def deny(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", deny)
    result = read_inputs([tmp_path / "in", pipe])
    assert [a.id for a in result.articles] == ["ok"]
    assert result.skipped == [
        SkippedInput(str(dangling), "not a regular file (a broken link, device, socket or pipe)"),
        SkippedInput(str(locked), "cannot open the folder: Permission denied"),
        SkippedInput(
            str(tmp_path / "in" / "pipe.txt"),
            "not a regular file (a broken link, device, socket or pipe)",
        ),
        SkippedInput(str(pipe), "not a regular file or folder (a device, socket or pipe)"),
    ]


# --- ids, order, accounting --------------------------------------------------------------------


def test_duplicate_ids_are_renamed_in_path_order_with_a_warning(tmp_path):
    first = _write(tmp_path / "a" / "palmyre.txt", "date 2016-03 Palmyre")
    second = _write(tmp_path / "b" / "palmyre.txt", "date 2016-05 Palmyre")
    feed = _write(
        tmp_path / "c.jsonl",
        '{"id": "palmyre", "date": "2016", "text": "x"}\n'
        '{"id": "palmyre-2", "date": "2016", "text": "y"}\n',
    )
    result = read_inputs([feed, tmp_path / "b", tmp_path / "a"])
    assert [(a.id, a.source_path) for a in result.articles] == [
        ("palmyre", first),
        ("palmyre-3", second),
        ("palmyre-4", feed),
        ("palmyre-2", feed),
    ]
    assert result.warnings == [
        f"{second}: article id 'palmyre' already used by '{first}'; renamed 'palmyre-3'",
        f"{feed}: article id 'palmyre' already used by '{first}'; renamed 'palmyre-4'",
    ]


def test_same_file_twice_is_read_once(tmp_path):
    path = _write(tmp_path / "alep.txt", "date 2016-12 Alep")
    result = read_inputs([tmp_path, path])
    assert [a.id for a in result.articles] == ["alep"]
    assert result.warnings == [f"{path}: the same file as '{path}', given twice; read once"]


def test_order_does_not_depend_on_argument_order(tmp_path):
    one = _write(tmp_path / "x" / "1.txt", "date 2016-01 Homs")
    two = _write(tmp_path / "y" / "2.jsonl", '{"date": "2016", "text": "Hama"}')
    assert read_inputs([two, one]) == read_inputs([one, two])
    assert [a.id for a in read_inputs([two, one]).articles] == ["1", "2-1"]


def test_report_accounts_for_every_input_file(tmp_path):
    files = {
        "good.txt": "date 2016-03 Palmyre",
        "undated.txt": "Qaryatayn",
        "baddate.txt": "date 2016-02-30 Soukhné",
        "empty.txt": "",
        "binary.txt": b"\x00\x00",
        "header_only.txt": "date 2016-03",
        "feed.jsonl": '{"date": "2016", "text": "Manbij"}\nnot json\n',
        "broken.jsonl": "not json\n",
        "rows.csv": "date,text\n2016,Tal Afar\n",
        "notext.csv": "date,body\n2016,Fallouja\n",
        "cp.txt": "date 2016-03 Kobané".encode("cp1252"),
    }
    for name, content in files.items():
        _write(tmp_path / "in" / name, content)
    result = read_inputs([tmp_path / "in", tmp_path / "gone.csv"])
    sources = {str(a.source_path) for a in result.articles}
    skipped = {item.path for item in result.skipped}
    given = {str(tmp_path / "in" / name) for name in files} | {str(tmp_path / "gone.csv")}
    assert sources | skipped == given
    assert sources & skipped == {str(tmp_path / "in" / "feed.jsonl")}
    assert sorted(result.undated) == ["baddate", "undated"]
    assert all(item.reason for item in result.skipped)
    assert all(line.startswith(str(tmp_path)) for line in result.warnings)


# --- wire datelines ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "town", "country"),
    [
        ("KHARKIV (Ukraine), 3 mars (AFP) - Des frappes ont visé la ville.", "KHARKIV", "UA"),
        ("BAMAKO, 12 janv 2013 (AFP) - L'armée malienne a repris Konna.", "BAMAKO", "ML"),
        (
            "STEPANAKERT, 2 oct 2020 (AFP) - Des bombardements ont visé la ville.",
            "STEPANAKERT",
            "AZ",
        ),
    ],
)
def test_a_dispatch_opening_with_a_dateline_keeps_it_and_places_its_town(
    tmp_path, nlp, gazetteer, body, town, country
):
    from geo.context import build_context
    from geo.pipeline import resolve_article

    path = _write(tmp_path / "d.txt", f"date 2020-10-02\n\n{body}\n")
    article = read_inputs([path]).articles[0]
    assert article.text.startswith(town)
    found = resolve_article(article, nlp(article.text), build_context(gazetteer=gazetteer))[1]
    dateline = next(m for m in found if m.start == 0)
    assert (dateline.surface, dateline.role) == (town, "location")
    assert dateline.place is not None and dateline.place.country_code == country
