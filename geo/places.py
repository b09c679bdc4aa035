"""Inferred places: toponyms no gazetteer holds, located by the claims made about them.

"Les forces prorégime n'auront qu'à déloger l'EI de la localité d'Al-Alianiyé, à 60 km plus
au sud": no gazetteer knows Al-Alianiyé, but the sentence puts it 60 km south of Palmyre.
:func:`locate_unresolved` turns such a name into a :class:`~gazetteer.Place` with source
``inferred``, the footprint's best estimate and radius, and the sentences that located it,
and adds it to the gazetteer so that the same name later in the corpus is found, and refined
by the new claims about it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gazetteer import Gazetteer, Place, UnknownPlaceError, name_key
from gazetteer.normalize import fold
from geo import geodesy
from geo.records import Claim, Mention
from geo.toponyms import SITE_SCALE, trigger_scale

if TYPE_CHECKING:
    from geo.context import RunContext
    from geo.lang import LanguagePack

INFERRED_CONFIDENCE = 0.5
"""Confidence of a mention resolved to an inferred place: the name is certain to be that
place (the text says so), but its position is only as good as a relative claim, below the
confidence the resolver gives a gazetteer match."""

INFERRED_PREFIX = "inferred:"
"""Namespace of the ids of places located from text (see :class:`gazetteer.Place`)."""


def inferred_place_id(name: str) -> str:
    """The stable id of the inferred place named ``name``: one id for every spelling.

    Examples
    --------
    >>> inferred_place_id("al-Bayarat") == inferred_place_id("Al Bayyarat")
    True
    """
    return INFERRED_PREFIX + name_key(name)


SITE_PREFIX = "site:"
"""Namespace of the ids of sites named after a place ("l'aéroport de Tripoli"): see
:func:`site_place`."""

SITE_REACH_KM = 25.0
"""How far from the centre of the town it is named after a site may lie: Tripoli's
international airport is 24 km south of the city centre, Donetsk's 10 km north-west, the
Zaporijjia nuclear plant is named after the oblast, not the city, but the run only knows the
name. The site's uncertainty is the town's radius plus this reach."""


def site_place(lang: LanguagePack, mention: Mention) -> Place | None:
    """The site a mention names, as a place of its own, or ``None`` for a plain place.

    "L'aéroport de Tripoli" names Tripoli, but who holds the airport does not hold the city
    (in 2014 the airport fell while the city stayed with its militias; in 2022 Russia held the
    Zaporijjia plant, not the city): an event there is about the site. The site gets an id
    of its own, derived from its kind and its town's id, the town's position, and an
    uncertainty that covers where such a site may lie around the town. A named monument
    resolved to its city ("les temples de Bêl et Baalshamin à Palmyre") keeps its own name.

    Examples
    --------
    >>> from geo.lang import load_language
    >>> from geo.records import Sentence
    >>> town = Place("geonames:2210247", "Tripoli", 13.18, 32.89, "LY", uncertainty_km=8.0)
    >>> said = Sentence(0, 20, "l'aéroport de Tripoli")
    >>> airport = Mention("a", 14, 21, "Tripoli", said, trigger="aéroport", place=town,
    ...                   kind="site")
    >>> site = site_place(load_language("fr"), airport)
    >>> site.place_id, site.name, site.uncertainty_km
    ('site:aeroport:geonames:2210247', 'aéroport de Tripoli', 33.0)
    >>> site_place(load_language("fr"), Mention("a", 0, 7, "Tripoli", said, place=town)) is None
    True
    """
    town = mention.place
    if mention.kind != "site" or town is None or mention.trigger is None:
        return None
    if trigger_scale(lang, mention.trigger) != SITE_SCALE or town.feature_class == "S":
        return None
    if fold(mention.surface.split()[0]).rstrip("s") == fold(mention.trigger):
        name, slug = mention.surface, name_key(mention.surface)  # a named monument
    else:
        name, slug = lang.places.site_name(mention.trigger, mention.surface), fold(mention.trigger)
    return Place(
        place_id=f"{SITE_PREFIX}{slug}:{town.place_id}",
        name=name,
        lon=town.lon,
        lat=town.lat,
        country_code=town.country_code,
        feature_class="S",
        feature_code="SITE",
        population=0,
        source=f"site of {town.place_id}",
        uncertainty_km=town.uncertainty_km + SITE_REACH_KM,
        aliases=(mention.surface,),
    )


def _footprint(claim: Claim) -> geodesy.Footprint:
    return geodesy.Footprint(claim.footprint, claim.lon, claim.lat, claim.uncertainty_km)


def _consistent(footprints: Sequence[geodesy.Footprint]) -> geodesy.Footprint:
    """The intersection of every footprint, or, when some contradict each other, of the
    largest consistent set grown from the tightest footprint (tightest first)."""
    try:
        return geodesy.intersect(footprints)
    except geodesy.DisjointFootprintsError:
        ordered = sorted(footprints, key=lambda f: f.uncertainty_km)
        kept = [ordered[0]]
        for footprint in ordered[1:]:
            try:
                geodesy.intersect([*kept, footprint])
            except geodesy.DisjointFootprintsError:
                continue
            kept.append(footprint)
        return geodesy.intersect(kept)


def _known(gazetteer: Gazetteer, place_id: str) -> Place | None:
    try:
        return gazetteer.get(place_id)
    except UnknownPlaceError:
        return None


def _key(mention: Mention) -> str:
    """The inferred-place key of a mention a claim may locate, or ``""``.

    An unresolved mention is keyed by its name; a mention the resolver already matched to an
    inferred place (the gazetteer finds the places added to it) by that place's id.
    """
    if mention.place is None:
        return name_key(mention.surface) if mention.resolution == "unresolved" else ""
    if mention.place.inferred and mention.place.place_id.startswith(INFERRED_PREFIX):
        return mention.place.place_id.removeprefix(INFERRED_PREFIX)
    return ""


def _locate(key: str, claims: Sequence[Claim], previous: Place | None) -> Place:
    """The inferred place for ``key`` from its claims and what an earlier article said.

    Claims whose sentence is already part of the previous place's evidence were counted when
    it was made (the same article read again, or a wire repeated word for word): they do not
    narrow it a second time, so that reading the same input twice gives the same place.
    """
    if previous is not None:
        claims = [c for c in claims if c.sentence.text not in previous.evidence]
        if not claims:
            return previous
    footprints = [_footprint(c) for c in claims]
    if previous is not None:
        footprints.insert(
            0, geodesy.disc((previous.lon, previous.lat), radius_km=previous.uncertainty_km)
        )
    located = _consistent(footprints)
    surfaces = [c.target.surface for c in claims if c.target is not None]
    names = list(dict.fromkeys([*(previous.aliases if previous else ()), *surfaces]))
    name = previous.name if previous is not None else surfaces[0]
    evidence = tuple(
        dict.fromkeys(
            [*(previous.evidence if previous else ()), *(c.sentence.text for c in claims)]
        )
    )
    return Place(
        place_id=INFERRED_PREFIX + key,
        name=name,
        lon=located.lon,
        lat=located.lat,
        country_code=previous.country_code if previous else claims[0].anchor.country_code,
        feature_class="P",
        feature_code="PPL",
        population=0,
        source="inferred",
        uncertainty_km=located.uncertainty_km,
        aliases=tuple(n for n in names if n != name),
        evidence=evidence,
    )


def locate_unresolved(
    mentions: Sequence[Mention], claims: Sequence[Claim], ctx: RunContext
) -> tuple[list[Mention], list[Place]]:
    """Locate the unresolved mentions that claims locate; reuse places inferred earlier.

    Parameters
    ----------
    mentions
        One article's resolved mentions.
    claims
        That article's claims (:func:`geo.relations.parse_claims`).
    ctx
        The run context, whose gazetteer (the run's fork) receives each inferred place
        (:meth:`Gazetteer.add`, replacing an earlier version of the same place) and holds
        those of earlier articles.

    Returns
    -------
    mentions : list of Mention
        The same mentions in the same order; an unresolved one whose name (by
        :func:`gazetteer.name_key`) a claim locates, or that an earlier article located, and
        one the resolver matched to an inferred place, now has the (refined) inferred place
        and ``resolution="inferred"``.
    places : list of Place
        The places inferred or refined by this article's claims, sorted by id.

    Notes
    -----
    Several claims about one name intersect, and so does the position an earlier article gave
    it (as the disc of its ``uncertainty_km``). Claims that contradict the others are left out
    of the intersection, the tightest being trusted first.
    """
    gazetteer = ctx.gazetteer
    by_key: dict[str, list[Claim]] = {}
    for claim in claims:
        key = _key(claim.target) if claim.target is not None else ""
        if key:
            by_key.setdefault(key, []).append(claim)
    places: dict[str, Place] = {}
    for key in sorted(by_key):
        previous = _known(gazetteer, INFERRED_PREFIX + key)
        place = _locate(key, by_key[key], previous)
        if place is not previous:
            gazetteer.add(place)
        places[key] = place
    updated = []
    for mention in mentions:
        key = _key(mention)
        place = places.get(key) or (_known(gazetteer, INFERRED_PREFIX + key) if key else None)
        if place is None:
            updated.append(mention)
            continue
        updated.append(
            dataclasses.replace(
                mention,
                place=place,
                resolution="inferred",
                confidence=INFERRED_CONFIDENCE,
                reason=None,
            )
        )
    return updated, [places[k] for k in sorted(places)]
