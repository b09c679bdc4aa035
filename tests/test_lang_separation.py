"""Language knowledge lives in the language pack: no logic module imports it or holds its words.

The logic modules of :mod:`geo` (everything outside ``geo/lang/``) must read their words from
the pack of the run context. This test parses each module, takes the string literals of its
code (not its docstrings and comments, which may quote French examples) and looks for the
words of the French pack in them: every word any table of ``geo.lang.fr`` lists, and spaCy's
French stop words, less the English ones and the terms of the output contract that happen to
be spelt alike in both languages ("village", "site", "zone"...).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

GEO = Path(__file__).resolve().parent.parent / "geo"

#: Identifiers of the output contract and of the records, spelt like French words.
CONTRACT_TERMS = frozenset(
    {"place", "site", "village", "town", "city", "district", "admin", "area", "terrain"}
    | {"water", "location", "metonym", "sector", "ring", "disc", "contested", "controls"}
    | {"captured", "lost", "advancing", "positioned", "fighting", "strike", "besieged"}
    | {"withdrew", "day", "month", "year", "past", "future", "before", "after", "either"}
    | {"subject", "object", "agent", "theme", "context", "source", "date", "text", "id"}
    | {"complement"}
    | {"position", "direction", "distance", "article", "mentions", "places", "observations"}
    | {"control", "zones", "fronts", "report", "index", "snapshot", "snapshots", "timeline"}
    | {"assets", "data", "inferred", "online", "unresolved", "gazetteer", "change", "week"}
    | {"html", "png", "geojson", "csv", "json", "txt", "jsonl", "none", "auto", "generic"}
    | {"rebels", "government", "coalition", "sides", "label", "colour", "actors", "aliases"}
    | {"names", "actor", "countries", "bbox", "period", "from", "until", "sources", "name"}
    | {"contested_colour", "title", "note", "options", "type", "features", "geometry"}
    | {"point", "points", "polygon", "format", "total", "cap", "normal", "bold", "center"}
    | {"justify"}
    | {"radius", "color", "weight", "opacity", "fill", "solid", "dashed", "dotted", "image"}
    | {"page", "pages", "table", "map", "maps", "style", "script", "class", "div", "span"}
    | {"section", "footer", "header", "main", "nav", "ul", "li", "img", "alt", "src", "rel"}
    | {"stylesheet", "charset", "utf", "width", "height", "display", "flex", "margin"}
    | {"border", "font", "size", "family", "line", "block", "inline", "absolute", "relative"}
    | {"top", "left", "right", "bottom", "position", "z", "px", "em", "rem", "vh", "vw"}
    | {"transparent", "white", "black", "grey", "gray", "icon", "marker", "popup", "tooltip"}
    | {"layer", "layers", "control", "legend", "scale", "tiles", "attribution", "zoom"}
    | {"bounds", "fit", "open", "close", "slider", "play", "pause", "step", "value", "input"}
    | {"min", "max", "range", "button", "select", "option", "label", "form", "mode", "note"}
    | {"cause", "content", "description", "direct", "double", "encore", "important", "justice"}
    | {"message", "minute", "minutes", "moment", "nature", "normal", "note", "options", "profile"}
    | {"propre", "question", "raison", "service", "simple", "situation", "sujet", "table"}
    | {"km", "relation", "zone", "centre", "base", "sans", "serif", "ha", "ee", "ne", "en"}
    | {"plus", "ar", "forces", "pass", "verb", "noun", "phrase", "speaker"}
)

#: Tables that are lexicons (thousands of words, many spelt as English ones: "file", "box"),
#: not words the logic looks for.
LEXICONS = frozenset({"COMMON_PLACE_WORDS"})

#: Words of the pack that are English technical words as well, in code as identifiers.
_WORD = re.compile(r"[a-zà-ÿœæç]{2,}", re.IGNORECASE)


def _pack_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    from geo.lang import load_language

    pack = load_language("fr")
    words: set[str] = set(FR)
    tables = (pack.places, pack.positions, pack.anaphora, pack.events, pack.dates, pack.numbers)
    for module in (*tables, pack.attribution):
        for name, value in vars(module).items():
            if name.isupper() and name not in LEXICONS:
                words.update(w.lower() for s in _surfaces(value) for w in _WORD.findall(s))
    return frozenset(words - set(EN) - CONTRACT_TERMS)


def _surfaces(value: object) -> Iterator[str]:
    """The words a table lists: its strings, its keys, not the labels it maps them to."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key in value:
            yield from _surfaces(key)
    elif isinstance(value, tuple | list | set | frozenset):
        for item in value:
            yield from _surfaces(item)


#: Universal Dependencies labels spaCy gives in every language: dependency relations
#: ("aux:pass", "obl:agent") and morphological feature values ("Tense=Pres", "VerbForm=Fin").
_UD_LABEL = re.compile(
    r"^(?:aux|nsubj|csubj|obj|iobj|obl|nmod|amod|advmod|acl|advcl|conj|cc|det|case|mark|appos"
    r"|root|flat|fixed|xcomp|ccomp|cop|expl|dep|nummod|parataxis|punct)(?::[a-z]+)?$"
    r"|^(?:Pres|Past|Fut|Imp|Pass|Act|Fin|Inf|Part|Ger|Ind|Cnd|Sub|Sing|Plur|Masc|Fem)$"
)


def _code_strings(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            docstrings.add(id(node.value))  # bare strings: comments in string form
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and not _UD_LABEL.match(node.value)
        ):
            yield node.lineno, node.value


def _logic_modules() -> list[Path]:
    return sorted(p for p in GEO.rglob("*.py") if "lang" not in p.relative_to(GEO).parts)


@pytest.mark.parametrize("path", _logic_modules(), ids=lambda p: str(p.relative_to(GEO)))
def test_no_logic_module_imports_a_language(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = [
        alias.name if isinstance(node, ast.Import) else f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    packs = [name for name in imported if re.match(r"geo\.lang\.(?!LanguagePack|load_)", name)]
    assert not packs, f"{path.name} imports {packs}: read the pack from the run context instead"


@pytest.mark.parametrize("path", _logic_modules(), ids=lambda p: str(p.relative_to(GEO)))
def test_no_logic_module_holds_a_french_word(path: Path):
    french = _pack_words()
    found = [
        (line, word)
        for line, value in _code_strings(path)
        for word in _WORD.findall(value)
        if word.lower() in french and not word.isupper()
    ]
    assert not found, f"French words in {path.name} (line, word): {found[:20]}"


def test_the_detector_sees_french_words(tmp_path: Path):
    """The check above can fail: a module with a French literal is caught."""
    module = tmp_path / "m.py"
    module.write_text('"""Doc: la ville de Palmyre."""\nPATTERN = r"(?:dans|vers)\\s+la"\n')
    french = _pack_words()
    words = [w for _, v in _code_strings(module) for w in _WORD.findall(v) if w in french]
    assert words == ["dans", "vers", "la"]
