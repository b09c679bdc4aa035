"""Who holds which place as of a date, contested places, snapshot dates and advance arrows.

The input is the events stage's :class:`~geo.records.Observation` list; the output is
:class:`~geo.records.ControlState` (one per place) and :class:`~geo.records.Advance` (arrows).

How the holder of a place is decided (:func:`control_at`)
---------------------------------------------------------
Only observations that can be placed in time and on a place count: ``context`` observations
(diplomacy, attacks abroad), undated ones (``date`` is ``None``), those without a ``place_id``
and those without a ``side`` (except ``fighting``: "des combats se déroulent dans la ville"
needs no actor to say the town is fought over) are left out; they never raise.

*Dates are periods.* An observation with ``date_precision`` ``day`` covers that day,
``month`` the whole month, ``year`` the whole year (a missing precision is read as ``day``).
Evidence counts from the first day of its period: "aux mains de Daech depuis le mois de
décembre" (dated December by the events stage) makes the EI the holder from 1 December, and a
snapshot taken in the middle of a month already shows what that month's dispatches report.

*Deciding evidence* is ``captured``, ``controls``, ``lost`` and ``withdrew``. As of a date,
the deciding observations of a place that have started are grouped into periods (windows that
overlap, transitively: evidence whose order cannot be told); the latest period decides, from
its evidence that is not wholly earlier than another's (a capture in May and one on 20
November, bridged by a vague "en 2015", are still in order):

- one side ``captured`` it: that side holds it; another side's ``controls`` in the same period
  is read as the state before the capture ("reprendre Palmyre à l'EI" says both); if the
  capturing side is also said to have lost or left it in that period, it is ``contested``;
- two sides ``captured`` it in one period (taken and retaken, order unknown): ``contested``;
- no capture: the sides said to control it, minus those said to have lost or left it; one
  side holds it, two or more sources that disagree make it ``contested``;
- only a loss (``lost``/``withdrew`` by S): S no longer holds it; the holder is the other side
  when exactly one other side appears on the ground there (``captured``, ``controls``,
  ``fighting``, ``besieged``, ``advancing``, ``positioned``) since S's latest claim to hold it
  (all the evidence so far if there is none), otherwise the holder is unknown and the place is
  left off the snapshot (a dot in the wrong colour is worse than no dot).

*Fighting after the change.* ``fighting`` reported at the place in a period that starts after
the deciding period ends makes it ``contested`` (the enemy is inside, the Wikipedia Syrian
war map's rule), with that report as the evidence, until new deciding evidence arrives.
Fighting in the same period as a capture is part of the capture ("des combats se
poursuivaient à l'aéroport" in the dispatch announcing the fall of the town). Fighting is
not inside when its own dispatch places the fighting side outside the town (a
``positioned`` claim anchored on it, farther than the town's radius: "les troupes sont à
environ 20 km à l'ouest de la cité antique (...) combattent les terroristes").

*Staleness.* ``age_days`` is the age of the deciding evidence (from the first day of its
period) at the snapshot; beyond ``stale_after_days`` the state is flagged ``stale``: shown,
never as fresh.

*Claimed only.* A holder rests on its *support*: the observations of the deciding period
that back it (its captures and control, the other sides' losses and withdrawals, and for a
holder inferred from a loss its own presence on the ground). When every one of them is the
holder's own claim (``claimed_by`` equal to the holder: "le ministère russe de la Défense a
annoncé la prise de..."), with no independent, unattributed or opposing source among them,
the state is ``claimed_only``, as ISW tells claimed from assessed control; a change of it is
a change of the map (a snapshot under ``every="change"``).

Every :class:`~geo.records.ControlState` carries the one observation that decides it
(``article_id``, ``evidence``, ``relation``, ``source``): each dot leads back to its sentence.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from geo._errors import GeoError
from geo.geodesy import distance_km
from geo.records import Advance, ControlState, Observation

CONTESTED = "contested"
"""The ``side`` of a place where the holder is disputed."""

STALE_AFTER_DAYS = 90
"""Evidence older than this (days) at a snapshot is flagged stale.

A season of campaigning: in the Syrian desert towns changed hands within weeks (Palmyre was
taken in May 2015, retaken in March 2016 after a 20-day offensive, lost again in December 2016
and retaken in March 2017), and the analysts' reference maps (ISW's control-of-terrain
assessments) are refreshed about monthly. A report three months old describes the recent
past, not the present, and is drawn faded.
"""

ADVANCE_WINDOW_DAYS = 60
"""An advance arrow is shown at a snapshot for this many days after its latest evidence.

Two months: the length of a typical offensive on a town in the seeds' theatre (the March
2016 Palmyre offensive took 20 days, the 2017 one about two months). Older arrows are
history, not current movement.
"""

ORIGIN_MAX_KM = 300.0
"""Farthest held place accepted as the start of an offensive whose start the text omits.

An offensive on a town with no reported starting point is drawn from the nearest place its
side holds, if that is within this distance: about the reach of the 2017 Palmyre-to-Deir
Ezzor push (some 200 km), with a margin. Farther, no arrow is drawn rather than a guess.
"""

MIN_ARROW_KM = 1.0
"""Shorter moves are not drawn: below the positional uncertainty of a town's own extent."""

DECIDING: tuple[str, ...] = ("captured", "controls", "lost", "withdrew")
"""Relations that say who holds a place."""

_ON_THE_GROUND = ("captured", "controls", "fighting", "besieged", "advancing", "positioned")
_POSITIONS = ("positioned", "captured")
_OBJECTIVES = ("advancing", "fighting", "besieged")

Every = Literal["change", "article", "week", "month"]
EVERY: tuple[str, ...] = ("change", "article", "week", "month")


class TimelineOptionError(GeoError, ValueError):
    """An option of the timeline that is not one of the accepted values."""


@dataclass(frozen=True, slots=True)
class _Dated:
    """An observation with the period its date covers."""

    obs: Observation
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class _Verdict:
    side: str
    deciding: _Dated
    support: tuple[_Dated, ...] = ()

    @property
    def claimed_only(self) -> bool:
        """Whether the holder rests only on its own claims (see the module docstring)."""
        return bool(self.support) and all(i.obs.claimed_by == self.side for i in self.support)


def _backing(side: str, items: Iterable[_Dated]) -> tuple[_Dated, ...]:
    """The items that back ``side`` as holder: its captures and control, others' losses."""
    return tuple(
        i
        for i in items
        if (i.obs.relation in ("captured", "controls") and i.obs.side == side)
        or (i.obs.relation in ("lost", "withdrew") and i.obs.side != side)
    )


def _period(obs: Observation) -> tuple[dt.date, dt.date] | None:
    date = obs.date
    if date is None:
        return None
    if obs.date_precision == "month":
        last = calendar.monthrange(date.year, date.month)[1]
        return date.replace(day=1), date.replace(day=last)
    if obs.date_precision == "year":
        return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    return date, date


def _dated(observations: Iterable[Observation], *, for_places: bool) -> list[_Dated]:
    out = []
    for obs in observations:
        if obs.context or (obs.side is None and not (for_places and obs.relation == "fighting")):
            continue
        if obs.geometry is None or (for_places and obs.place_id is None and obs.anchor_id is None):
            continue  # a place nothing locates holds no ground on a map
        period = _period(obs)
        if period is not None:
            out.append(_Dated(obs, *period))
    return out


def _order(item: _Dated) -> tuple:
    obs = item.obs
    return (item.start, item.end, obs.confidence, obs.article_id, obs.evidence_start or 0)


def _by_place(observations: Iterable[Observation]) -> dict[str, list[_Dated]]:
    """The evidence about each place: its own observations, and the positions anchored on it
    ("à 20 km à l'ouest de Palmyre"), which tell whether a side is inside the town or not."""
    places: dict[str, list[_Dated]] = defaultdict(list)
    for item in _dated(observations, for_places=True):
        places[item.obs.place_id or item.obs.anchor_id].append(item)
    return {pid: sorted(items, key=_order) for pid, items in places.items()}


def _last_period(items: list[_Dated]) -> list[_Dated]:
    """The deciding items of the latest group of transitively overlapping periods."""
    group: list[_Dated] = []
    end = dt.date.min
    for item in sorted(items, key=_order):
        if item.start > end:
            group = []
        group.append(item)
        end = max(end, item.end)
    return group


def _best(items: Iterable[_Dated]) -> _Dated:
    return max(items, key=lambda i: (i.obs.confidence, *_order(i)))


def _resolve(group: list[_Dated], visible: list[_Dated]) -> _Verdict | None:
    last_start = max(i.start for i in group)
    by_relation: dict[str, list[_Dated]] = defaultdict(list)
    current = [item for item in group if item.end >= last_start]
    for item in current:  # evidence wholly before another's is superseded by it
        by_relation[item.obs.relation].append(item)
    losses = by_relation["lost"] + by_relation["withdrew"]
    losers = {i.obs.side for i in losses}
    captors = {i.obs.side for i in by_relation["captured"]}
    if len(captors) >= 2:
        return _Verdict(CONTESTED, max(by_relation["captured"], key=_order))
    if captors:
        (captor,) = captors
        if captor in losers:
            return _Verdict(CONTESTED, max(losses, key=_order))
        best = _best(i for i in by_relation["captured"])
        return _Verdict(captor, best, _backing(captor, current))
    holders = [i for i in by_relation["controls"] if i.obs.side not in losers]
    if len({i.obs.side for i in holders}) >= 2:
        return _Verdict(CONTESTED, max(holders, key=_order))
    if holders:
        holder = holders[0].obs.side
        return _Verdict(holder, _best(holders), _backing(holder, current))
    began = min(i.start for i in group)
    held_since = max(
        (
            i.start
            for i in visible
            if i.obs.relation in ("captured", "controls")
            and i.obs.side in losers
            and i.start < began
        ),
        default=dt.date.min,
    )
    present = [
        i
        for i in visible
        if i.obs.relation in _ON_THE_GROUND
        and i.obs.side not in losers | {None}
        and i.start >= held_since
    ]
    others = {i.obs.side for i in present}
    if len(others) == 1:
        holder = others.pop()
        return _Verdict(holder, _best(losses), (*_backing(holder, current), *present))
    return None


def _fought_outside(fight: _Dated, visible: list[_Dated], extent_km: float) -> bool:
    """Whether the fight's own dispatch places the fighting side outside the town."""
    side = fight.obs.side
    return side is not None and any(
        i.obs.relation == "positioned"
        and i.obs.place_id is None
        and i.obs.side == side
        and i.obs.article_id == fight.obs.article_id
        and (i.obs.distance_min_km or 0.0) > extent_km
        for i in visible
    )


def _place_verdict(items: list[_Dated], date: dt.date) -> _Verdict | None:
    visible = [i for i in items if i.start <= date]
    deciding = [i for i in visible if i.obs.relation in DECIDING]
    if not deciding:
        return None
    group = _last_period(deciding)
    decided_until = max(i.end for i in group)
    extent = _place_point(items).uncertainty_km
    fights = [
        i
        for i in visible
        if i.obs.relation == "fighting"
        and i.start > decided_until
        and not _fought_outside(i, visible, extent)
    ]
    if fights:
        return _Verdict(CONTESTED, max(fights, key=_order))
    return _resolve(group, visible)


def _place_point(items: list[_Dated]) -> Observation:
    """The observation whose point stands for the place: the most precise one about it."""
    own = [i for i in items if i.obs.place_id is not None]
    return min(own, key=lambda i: (i.obs.uncertainty_km, i.obs.article_id)).obs


def _state(items: list[_Dated], date: dt.date, stale_after_days: int) -> ControlState | None:
    verdict = _place_verdict(items, date)
    if verdict is None:
        return None
    where = _place_point(items)
    deciding = verdict.deciding
    age = (date - deciding.start).days
    return ControlState(
        snapshot=date,
        place_id=where.place_id,
        place=where.place or where.place_id,
        lon=where.lon,
        lat=where.lat,
        side=verdict.side,
        since=deciding.start,
        article_id=deciding.obs.article_id,
        evidence=deciding.obs.evidence,
        relation=deciding.obs.relation,
        confidence=deciding.obs.confidence,
        age_days=age,
        stale=age > stale_after_days,
        uncertainty_km=where.uncertainty_km,
        date_precision=deciding.obs.date_precision,
        claimed_only=verdict.claimed_only,
        source=deciding.obs.source,
    )


def control_at(
    observations: Sequence[Observation],
    date: dt.date,
    *,
    stale_after_days: int = STALE_AFTER_DAYS,
) -> list[ControlState]:
    """The holder of every place with deciding evidence, as of ``date``.

    Parameters
    ----------
    observations
        The events stage's observations, in any order; context, undated, side-less and
        place-less ones are ignored (see the module docstring for every rule).
    date
        The snapshot date: evidence whose period starts after it is not used.
    stale_after_days
        Evidence older than this at ``date`` gives a state flagged ``stale``.

    Returns
    -------
    list of ControlState
        One per place, sorted by ``place_id``; ``side`` is a theatre side or ``contested``.

    Examples
    --------
    >>> import datetime as dt
    >>> from shapely.geometry import Point
    >>> def obs(relation, side, day):
    ...     return Observation("a1", f"{side} {relation} Manbij", relation, None, side,
    ...                        "geonames:166365", "Manbij", 37.95, 36.53, 3.0,
    ...                        Point(37.95, 36.53), day, "day", 0.9)
    >>> history = [obs("controls", "isis", dt.date(2016, 1, 10)),
    ...            obs("captured", "sdf", dt.date(2016, 8, 12))]
    >>> [s.side for s in control_at(history, dt.date(2016, 6, 1))]
    ['isis']
    >>> state = control_at(history, dt.date(2016, 9, 1))[0]
    >>> state.side, state.since, state.evidence, state.stale
    ('sdf', datetime.date(2016, 8, 12), 'sdf captured Manbij', False)
    """
    return [
        state
        for _, items in sorted(_by_place(observations).items())
        if (state := _state(items, date, stale_after_days)) is not None
    ]


def _changed(before: _Verdict | None, after: _Verdict | None, day: dt.date, stale: int) -> bool:
    if before is None or after is None:
        return before is not after
    if before.side != after.side or before.claimed_only != after.claimed_only:
        return True
    was_stale = (day - before.deciding.start).days > stale
    return was_stale and after.deciding != before.deciding


def _change_dates(places: dict[str, list[_Dated]], stale_after_days: int) -> set[dt.date]:
    changes: set[dt.date] = set()
    for items in places.values():
        previous: _Verdict | None = None
        for day in sorted({i.start for i in items}):
            verdict = _place_verdict(items, day)
            if _changed(previous, verdict, day, stale_after_days):
                # Drawn as of the end of the evidence's period: a February dispatch's news is
                # known by the end of February, not on the 1st.
                changes.add(max(i.end for i in items if i.start == day))
            previous = verdict
    return changes


def _month_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    out = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append(dt.date(year, month, calendar.monthrange(year, month)[1]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _week_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    sunday = first + dt.timedelta(days=7 - first.isoweekday())
    end = last + dt.timedelta(days=7 - last.isoweekday())
    return [sunday + dt.timedelta(weeks=n) for n in range((end - sunday).days // 7 + 1)]


def snapshot_dates(
    observations: Sequence[Observation],
    *,
    every: Every = "change",
    stale_after_days: int = STALE_AFTER_DAYS,
) -> list[dt.date]:
    """The dates at which to draw a snapshot, in order.

    Parameters
    ----------
    observations
        The events stage's observations (context and undated ones are ignored).
    every
        ``change``: every date on which the map of some place changes (the last day of the
        period of the evidence that changes it): its holder, or its stale evidence renewed
        by fresh evidence (so that a dispatch confirming an old state gets a snapshot where
        it is no longer faded);
        ``article``: one per article, the last day covered by its latest evidence (a
        February 2017 dispatch gives 28 February 2017); ``week``: every Sunday and
        ``month``: every month's last day, from the first evidence to the last.
    stale_after_days
        The staleness threshold of ``change`` (as in :func:`control_at`).

    Returns
    -------
    list of datetime.date
        Sorted, without repeats; empty when no observation is dated.

    Raises
    ------
    TimelineOptionError
        ``every`` is not one of ``change``, ``article``, ``week``, ``month``.
    """
    if every not in EVERY:
        raise TimelineOptionError(f"every must be one of {EVERY}, got {every!r}")
    if every == "change":
        return sorted(_change_dates(_by_place(observations), stale_after_days))
    dated = _dated(observations, for_places=False)
    if not dated:
        return []
    if every == "article":
        last: dict[str, dt.date] = {}
        for item in dated:
            last[item.obs.article_id] = max(item.end, last.get(item.obs.article_id, item.end))
        return sorted(set(last.values()))
    first = min(i.start for i in dated)
    final = max(i.end for i in dated)
    return _week_ends(first, final) if every == "week" else _month_ends(first, final)


def timeline(
    observations: Sequence[Observation],
    *,
    every: Every = "change",
    stale_after_days: int = STALE_AFTER_DAYS,
) -> list[tuple[dt.date, list[ControlState]]]:
    """Every snapshot of :func:`snapshot_dates` with its :func:`control_at` states."""
    return [
        (day, control_at(observations, day, stale_after_days=stale_after_days))
        for day in snapshot_dates(observations, every=every, stale_after_days=stale_after_days)
    ]


def _point(item: _Dated) -> tuple[float, float]:
    return (item.obs.lon, item.obs.lat)


def _track_key(obs: Observation) -> str | None:
    if obs.relation == "positioned":
        return obs.anchor_id or obs.place_id
    return obs.place_id or obs.anchor_id


def _arrow(
    origin: tuple[float, float],
    target: _Dated,
    date: dt.date,
    confidence: float,
    names: dict[str, str],
) -> Advance:
    obs = target.obs
    return Advance(
        side=obs.side,
        actor=obs.actor,
        origin=origin,
        target=_point(target),
        target_place=obs.place or names.get(obs.anchor_id or ""),
        date=date,
        article_id=obs.article_id,
        evidence=obs.evidence,
        confidence=confidence,
        date_precision=obs.date_precision,
    )


def _position_steps(positions: list[_Dated]) -> list[list[_Dated]]:
    """Positions grouped into successive periods (positions of one period are unordered)."""
    steps: list[list[_Dated]] = []
    end = dt.date.min
    for item in positions:
        if item.start > end:
            steps.append([])
        steps[-1].append(item)
        end = max(end, item.end)
    return steps


def _precise(items: Iterable[_Dated]) -> _Dated | None:
    return min(items, key=lambda i: (i.obs.uncertainty_km, *_order(i)), default=None)


def _origin(step: list[_Dated], target: tuple[float, float]) -> _Dated | None:
    """The most precise position of a step that is away from ``target``."""
    return _precise(i for i in step if distance_km(_point(i), target) >= MIN_ARROW_KM)


def _held_origin(
    observations: Sequence[Observation], objective: _Dated, held: dict[dt.date, list]
) -> tuple[float, float] | None:
    """The nearest place the objective's side holds when the offensive is reported."""
    day = objective.start
    if day not in held:
        held[day] = control_at(observations, day)
    target = _point(objective)
    best: tuple[float, tuple[float, float]] | None = None
    for state in held[day]:
        if state.side != objective.obs.side or state.place_id == objective.obs.place_id:
            continue
        here = (state.lon, state.lat)
        km = distance_km(here, target)
        if km <= ORIGIN_MAX_KM and (best is None or km < best[0]):
            best = (km, here)
    return best[1] if best is not None else None


def advances(
    observations: Sequence[Observation],
    date: dt.date,
    *,
    within_days: int = ADVANCE_WINDOW_DAYS,
) -> list[Advance]:
    """Each side's advance arrows as of ``date``.

    For every side, its evidence is grouped by the place it is about (the ``anchor_id`` of a
    ``positioned`` claim such as "à 20 km à l'ouest de Palmyre", else the ``place_id``), into
    a track of dated positions (``positioned``, ``captured``: where the side's forces are) and
    objectives (``advancing``: "offensive sur Palmyre"; ``fighting``, ``besieged``: the place
    the side fights for). Positions of one period (say, one month's dispatches) are unordered;
    from a period, the arrow leaves from its most precise position that is more than
    :data:`MIN_ARROW_KM` away from the arrow's target.

    - Successive periods of positions, at most ``within_days`` apart, give an arrow to the
      later period's most precise position, dated and sourced by it.
    - An objective gives an arrow from the side's latest period of positions (as of ``date``)
      to the objective, unless the side has captured it there (it stands on it). When the
      track has no position away from it and the objective is an offensive (``advancing``),
      whose start the text omits, the arrow leaves from the nearest place the side holds
      within :data:`ORIGIN_MAX_KM`, with half the confidence (a guess); else no arrow.

    An arrow's ``target_place`` is the place it points at, or for a position near a place
    ("près de Palmyre") the name of that place as the other observations give it.

    Arrows whose date is more than ``within_days`` before ``date`` are history and left out;
    context, undated and side-less observations are ignored.

    Returns
    -------
    list of Advance
        Sorted by side, date and target.
    """
    items = [i for i in _dated(observations, for_places=False) if i.start <= date]
    tracks: dict[tuple[str, str | None], list[_Dated]] = defaultdict(list)
    for item in items:
        if item.obs.relation in _POSITIONS + _OBJECTIVES:
            tracks[(item.obs.side, _track_key(item.obs))].append(item)
    held: dict[dt.date, list] = {}
    arrows: dict[tuple, Advance] = {}
    names = {o.place_id: o.place for o in observations if o.place_id and o.place}

    def add(arrow: Advance) -> None:
        known = arrows.get((arrow.side, arrow.origin, arrow.target))
        if known is None or (known.date, known.confidence) < (arrow.date, arrow.confidence):
            arrows[(arrow.side, arrow.origin, arrow.target)] = arrow

    for (_side, key), track in sorted(tracks.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        track.sort(key=_order)
        positions = [i for i in track if i.obs.relation in _POSITIONS]
        steps = _position_steps(positions) if key is not None else []
        for earlier, later in zip(steps, steps[1:], strict=False):
            if (later[0].start - max(i.end for i in earlier)).days > within_days:
                continue
            target = _precise(later)
            origin = _origin(earlier, _point(target))
            if origin is not None:
                confidence = min(origin.obs.confidence, target.obs.confidence)
                add(_arrow(_point(origin), target, later[0].start, confidence, names))
        for objective in (i for i in track if i.obs.relation in _OBJECTIVES):
            latest = steps[-1] if steps else []
            if any(i.obs.relation == "captured" for i in latest):
                continue  # the side stands on its objective: the position arrows show the move
            origin = _origin(latest, _point(objective))
            if origin is not None:
                when = max(objective.start, latest[0].start)
                confidence = min(origin.obs.confidence, objective.obs.confidence)
                add(_arrow(_point(origin), objective, when, confidence, names))
            elif objective.obs.relation == "advancing":
                base = _held_origin(observations, objective, held)
                if base is not None and distance_km(base, _point(objective)) >= MIN_ARROW_KM:
                    add(
                        _arrow(
                            base, objective, objective.start, objective.obs.confidence / 2, names
                        )
                    )
    cutoff = date - dt.timedelta(days=within_days)
    return sorted(
        (a for a in arrows.values() if a.date >= cutoff),
        key=lambda a: (a.side, a.date, a.target_place or "", a.origin, a.target),
    )
