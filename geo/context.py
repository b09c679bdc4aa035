"""The run context: what every stage is handed, built once per run by :mod:`geo.pipeline`.

One frozen object carries the gazetteer (the run's own fork of it), the language pack, the
theatre profiles the run may use, the profile of the article at hand and the run's options.
No stage loads a default of its own: a function that needs the theatre, the language or a
threshold reads it here, so that a second war or a second language is a different context,
not a different code path (the shape of osmnx's ``settings``, but passed, not global).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from geo.timeline import STALE_AFTER_DAYS

if TYPE_CHECKING:
    from gazetteer import Gazetteer
    from geo.lang import LanguagePack
    from geo.theatre import TheatreProfile

__all__ = ["Options", "RunContext", "build_context"]


@dataclass(frozen=True, slots=True)
class Options:
    """Every user-facing threshold of a run, in one place.

    ``confidence_threshold``: below it a mention stays unresolved rather than be drawn where
    it is probably wrong. ``stale_after_days``: evidence older than this at a snapshot is
    drawn as stale (the timeline's reasoned default, :data:`geo.timeline.STALE_AFTER_DAYS`).
    ``theatre``: ``auto`` (each article gets the profile whose countries hold its places), or
    a bundled profile id, or the path of a profile file.
    """

    confidence_threshold: float = 0.5
    stale_after_days: int = STALE_AFTER_DAYS
    theatre: str = "auto"


@dataclass(frozen=True, slots=True, eq=False)
class RunContext:
    """What the stages of one run share.

    ``profiles`` are the theatre profiles an article may get (all the bundled ones under
    ``--theatre auto``, else the one chosen); ``generic`` is the fallback profile of an
    article no profile covers; ``profile`` is the profile of the article being processed
    (:meth:`for_profile` makes the article's context from the run's).
    """

    gazetteer: Gazetteer
    lang: LanguagePack
    profiles: tuple[TheatreProfile, ...]
    generic: TheatreProfile
    profile: TheatreProfile
    options: Options = field(default_factory=Options)

    def for_profile(self, profile: TheatreProfile) -> RunContext:
        """This context for an article of ``profile``'s theatre."""
        return replace(self, profile=profile)

    @property
    def fixed(self) -> bool:
        """True when one profile was chosen for every article (not ``auto``)."""
        return self.options.theatre != "auto"


def build_context(
    *,
    gazetteer: Gazetteer | None = None,
    theatre: str | TheatreProfile = "auto",
    language: str | LanguagePack = "fr",
    options: Options | None = None,
) -> RunContext:
    """Build a run's context: load the language pack and the profiles, fork the gazetteer.

    Parameters
    ----------
    gazetteer
        The place index (``Gazetteer.default()`` when omitted). The context holds a fork of
        it: places inferred during the run are added to the fork, never to ``gazetteer``.
    theatre
        ``auto``, a bundled profile id (``geo theatres`` lists them), the path of a profile
        file, or a loaded :class:`~geo.theatre.TheatreProfile`.
    language
        A language code (``fr``) or a loaded pack.
    options
        Thresholds; ``theatre`` in it is set from the argument of the same name.

    Raises
    ------
    geo.TheatreProfileError
        When the profile asked for is missing or invalid (the message names file and key).
    geo.lang.UnknownLanguageError
        When there is no pack for ``language``.
    """
    from gazetteer import Gazetteer
    from geo.lang import LanguagePack, load_language
    from geo.theatre import (
        GENERIC_ID,
        TheatreProfile,
        bundled_profiles,
        generic_profile,
        load_profile,
        with_language,
    )

    pack = language if isinstance(language, LanguagePack) else load_language(language)
    generic = with_language(generic_profile(pack), pack)
    if isinstance(theatre, TheatreProfile):
        chosen: tuple[TheatreProfile, ...] = (theatre,)
        name = theatre.id
    elif theatre == "auto":
        chosen = bundled_profiles()
        name = "auto"
    elif theatre == GENERIC_ID:
        chosen, name = (generic,), theatre
    else:
        chosen = (load_profile(theatre),)
        name = str(theatre)
    chosen = tuple(with_language(p, pack) for p in chosen)
    base = options or Options()
    return RunContext(
        gazetteer=(gazetteer or Gazetteer.default()).fork(),
        lang=pack,
        profiles=chosen,
        generic=generic,
        profile=chosen[0] if name != "auto" else generic,
        options=replace(base, theatre=name),
    )
