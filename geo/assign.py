"""Which theatre profile an article gets under ``--theatre auto``: the war it is about.

An article belongs to the war whose countries hold its places: the located (not metonymic)
mentions of a first resolution made with no theatre prior are counted by country, and the
profile whose countries hold the most of them wins, provided they are at least
:data:`MIN_SHARE` of the article's located places (a dispatch from Paris about a summit names
Paris as often as the front). A profile whose period does not include the article's date
counts for half: it decides between two profiles of the same countries (a user's own profile
of an earlier war beside a bundled one), not against the generic profile, so a Libyan
dispatch of 1990 still gets the Libyan profile. A tie, or an article with no place located,
is settled by the actors the article names that only one profile knows ("les Houthis",
"Wagner"). An
article whose located places no profile covers is judged by the governments it names acting
(its metonyms), before it gets the run's generic profile. The reason is kept, for the report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geo.context import RunContext
    from geo.records import Article, Mention
    from geo.theatre import TheatreProfile

__all__ = ["MIN_SHARE", "TheatreChoice", "choose_profile"]

#: Smallest share of an article's located places a profile's countries must hold for the
#: article to be about that war: a quarter, so that a dispatch naming two capitals of
#: mediators for each town of the front still goes to the front's war.
MIN_SHARE = 0.25

#: The governments an article names acting decide its war only when most of them belong to
#: it: "selon Moscou et Washington" about talks in Geneva is no war of Russia's.
MAJORITY = 0.5

#: Weight of a profile whose period does not include the article's date.
OUT_OF_PERIOD = 0.5


@dataclass(frozen=True, slots=True)
class TheatreChoice:
    """The profile an article got and why, in words a report can show."""

    profile: TheatreProfile
    reason: str


def choose_profile(article: Article, mentions: Sequence[Mention], ctx: RunContext) -> TheatreChoice:
    """The profile of ``article`` among ``ctx.profiles``, from its resolved ``mentions``.

    ``mentions`` come from a resolution with no theatre prior (``ctx.generic``). With a fixed
    theatre (``--theatre ID|PATH``), that profile, always. The located places decide; when
    no profile covers them, the governments the article names acting (its metonyms: "sous le
    contrôle de Bakou"); when no place is located, actor names only one profile knows.
    """
    if ctx.fixed:
        return TheatreChoice(ctx.profile, f"chosen with --theatre {ctx.options.theatre}")
    places = _countries(mentions, "location")
    chosen = _by_countries(
        article, places, ctx, "located places", enough=lambda v, total: v >= MIN_SHARE * total
    )
    if chosen is None:
        chosen = _by_countries(
            article,
            _countries(mentions, "metonym"),
            ctx,
            "governments named",
            enough=lambda v, total: v > MAJORITY * total,
        )
    if chosen is not None:
        return chosen
    if not places:
        named = _actor_votes(article.text, ctx.profiles)
        by_actors = sorted(ctx.profiles, key=lambda p: (-named[p.id], p.id))
        if by_actors and named[by_actors[0].id] > 0:
            top = by_actors[0]
            if len(by_actors) == 1 or named[by_actors[1].id] < named[top.id]:
                return TheatreChoice(
                    top, f"auto: no place located; names {named[top.id]} actors only {top.id} knows"
                )
    where = ", ".join(f"{code} ×{n}" for code, n in places.most_common(4)) or "no place"
    return TheatreChoice(ctx.generic, f"auto: no profile covers the places ({where}); generic")


def _countries(mentions: Sequence[Mention], role: str) -> Counter[str]:
    return Counter(
        m.place.country_code
        for m in mentions
        if m.place is not None and m.role == role and m.place.country_code
    )


def _by_countries(
    article: Article,
    countries: Counter[str],
    ctx: RunContext,
    what: str,
    *,
    enough: Callable[[float, int], bool],
) -> TheatreChoice | None:
    """The profile whose countries hold the most of ``countries``, if that is ``enough`` of
    their ``total``, or ``None``; a tie is broken by actor names."""
    total = sum(countries.values())
    votes = {
        p.id: sum(n for code, n in countries.items() if code in p.countries)
        * (1.0 if p.in_period(article.date) else OUT_OF_PERIOD)
        for p in ctx.profiles
    }
    top = sorted(votes.values(), reverse=True)
    if not top or top[0] == 0 or not enough(top[0], total):
        return None
    # Matching every profile's actor names is most of this module's cost: only for a tie.
    tied = len(top) > 1 and top[0] == top[1]
    named = _actor_votes(article.text, ctx.profiles) if tied else Counter()
    best = min(ctx.profiles, key=lambda p: (-votes[p.id], -named[p.id], p.id))
    held = sum(n for code, n in countries.items() if code in best.countries)
    return TheatreChoice(best, f"auto: {held} of {total} {what} in {', '.join(best.countries)}")


def _actor_votes(text: str, profiles: Sequence[TheatreProfile]) -> Counter[str]:
    """For each profile, how many actor names in ``text`` no other profile knows."""
    found = {p.id: {(s.start, s.end) for s in p.find_actors(text) if s.actor} for p in profiles}
    votes: Counter[str] = Counter({p.id: 0 for p in profiles})
    for profile_id, spans in found.items():
        others = set().union(*(v for k, v in found.items() if k != profile_id))
        votes[profile_id] = len(spans - others)
    return votes
