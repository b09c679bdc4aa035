"""What one dated map shows: the :class:`Snapshot` record the pipeline hands to the renderer."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import geopandas as gpd

from geo.records import Advance, ControlState, Observation


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The state of the theatre as of ``date``, as the timeline computed it.

    Compared by identity (its GeoDataFrames have no single truth value). Geometries are
    WGS84 lon/lat.

    Parameters
    ----------
    date
        The snapshot date; file names are its ISO form.
    states
        Who holds each place as of ``date`` (side id or ``contested``).
    advances
        Advance arrows dated up to ``date``.
    observations
        Observations dated up to ``date``; ``context=True`` ones go to an off-by-default layer.
    zones
        Areas of control: columns ``side``, ``geometry``, ``stale``.
    fronts
        Front lines: columns ``sides``, ``geometry``, ``stale``.
    """

    date: dt.date
    states: Sequence[ControlState]
    advances: Sequence[Advance]
    observations: Sequence[Observation]
    zones: gpd.GeoDataFrame
    fronts: gpd.GeoDataFrame

    @property
    def slug(self) -> str:
        """The ISO date naming this snapshot's files (``2017-02-14``)."""
        return self.date.isoformat()

    def side_counts(self) -> dict[str, int]:
        """Number of places per holder (side id or ``contested``), sorted by side id."""
        return dict(sorted(Counter(state.side for state in self.states).items()))
