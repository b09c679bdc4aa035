"""Regular expressions built from the word tables of a language pack.

One way to turn a table into an alternation: longest form first (so that "au nord-est" is
tried before "au nord"), each form escaped, and a table left empty by a pack (a language
without that construction) becoming a group that matches nothing, never the empty string.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["NOTHING", "alternation"]

#: A group that never matches: what an empty table stands for.
NOTHING = "(?!)"


def alternation(forms: Iterable[str], *, form: Callable[[str], str] = re.escape) -> str:
    """``(?:a|b|...)`` of ``forms`` longest first, each through ``form``; :data:`NOTHING` for
    none.

    Examples
    --------
    >>> alternation(["au nord", "au nord-est"])
    '(?:au\\\\ nord\\\\-est|au\\\\ nord)'
    >>> re.search(alternation([]), "any text") is None
    True
    """
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    if not ordered:
        return NOTHING
    return "(?:" + "|".join(form(f) for f in ordered) + ")"
