"""Fatalities over time, with imprecise dates handled on purpose.

An event known only to have happened "in 2016" carries ``date_start``
2016-01-01 in UCDP GED.  Grouping on ``date_start`` puts all of it in
January and invents a spike (16,517 deaths in the Syria release).
:func:`fatalities_over_time` makes the choice explicit:

``spread="uniform"`` (default)
    each event's low/best/high is spread evenly over the days from
    ``date_start`` to ``date_end``, so a year-long event adds 1/366 of its
    deaths to each day of 2016; yearly totals are unchanged.
``spread="exclude"``
    events spanning more than ``max_span_days`` are left out of the series
    and counted in its ``attrs["excluded_events"]`` and ``attrs["excluded_best"]``.
``spread="start"``
    the naive count on ``date_start`` (to show the trap).
"""

import numpy as np
import pandas as pd

from ..errors import InputError

__all__ = ["fatalities_over_time", "yearly_totals", "events_of_their_time"]

_MEASURES = ["low", "best", "high"]


def _prepare(events):
    needed = ["date_start", "date_end", "fatalities_low", "fatalities_best", "fatalities_high"]
    missing = [c for c in needed if c not in events.columns]
    if missing:
        raise InputError("events table", f"missing columns for a time series: {', '.join(missing)}")
    ev = events.copy()
    ev["date_start"] = pd.to_datetime(ev["date_start"])
    ev["date_end"] = pd.to_datetime(ev["date_end"]).fillna(ev["date_start"])
    best = ev["fatalities_best"].astype(float)
    # rows where low <= best <= high fails (kept by the loader, flagged): the band still holds best
    ev["low"] = np.fmin(ev["fatalities_low"].astype(float), best)
    ev["best"] = best
    ev["high"] = np.fmax(ev["fatalities_high"].astype(float), best)
    return ev


def fatalities_over_time(events, freq="MS", by=None, *, spread="uniform", max_span_days=31,
                         min_geo_precision=None, fill=True):
    """A tidy series of fatalities per period (and per group).

    Parameters
    ----------
    events : DataFrame
        Events in conflictkit's schema (:func:`conflictkit.load_ucdp_ged`,
        :func:`conflictkit.load_acled`, coded events).
    freq : str
        A pandas period alias: ``"MS"`` monthly, ``"W"`` weekly, ``"YS"``
        yearly, ``"D"`` daily.
    by : str or list of str, optional
        Group columns: ``admin1``, ``admin1_name``, ``type_of_violence``,
        ``actor1``, ``event_type`` …
    spread : {"uniform", "exclude", "start"}
        What to do with events whose dates span several days (see module).
    max_span_days : int
        With ``spread="exclude"``, the longest span kept.
    min_geo_precision : int, optional
        Keep only events located at least this precisely (``geo_precision``
        1 town … 3 governorate); events left out are counted in
        ``attrs["excluded"]``.
    fill : bool
        Include periods with no events (as zero) between the first and last.

    Returns
    -------
    DataFrame
        Columns ``period`` (Timestamp at the start of the period), the
        ``by`` columns, ``low``, ``best``, ``high``, ``events`` (events
        contributing) and ``complete``: False for a period the data cover
        only in part (it starts before the first ``date_start`` or ends
        after the last ``date_end``, like a December of which a release
        holds one day); plots leave such periods out.  ``attrs["excluded_events"]`` and
        ``attrs["excluded_best"]`` count the events left out and their deaths.

    Examples
    --------
    >>> import pandas as pd
    >>> ev = pd.DataFrame({"date_start": ["2016-01-01", "2016-02-10"], "date_end": ["2016-12-31", "2016-02-10"],
    ...                    "fatalities_low": [366, 5], "fatalities_best": [366, 5], "fatalities_high": [366, 5]})
    >>> s = fatalities_over_time(ev)
    >>> s.loc[s.period == "2016-01-01", "best"].item(), s.loc[s.period == "2016-02-01", "best"].item()
    (31.0, 34.0)
    """
    by = [] if by is None else ([by] if isinstance(by, str) else list(by))
    for c in by:
        if c not in events.columns:
            raise InputError("events table", f"no column {c!r} to group by")
    wanted = ["date_start", "date_end", "fatalities_low", "fatalities_best", "fatalities_high", "geo_precision"]
    ev = _prepare(events[[c for c in dict.fromkeys(wanted + by) if c in events.columns]])
    covered = (ev["date_start"].min(), ev["date_end"].max())
    excluded = ev.iloc[0:0]
    if min_geo_precision is not None and "geo_precision" in ev:
        keep = ev["geo_precision"].astype("Float64") <= min_geo_precision
        keep = keep.fillna(False).astype(bool)
        excluded, ev = ev[~keep], ev[keep]
    span = (ev["date_end"] - ev["date_start"]).dt.days + 1
    if spread == "exclude":
        long = span > max_span_days
        excluded = pd.concat([excluded, ev[long]])
        ev, span = ev[~long], span[~long]
    elif spread == "start":
        ev = ev.assign(date_end=ev["date_start"])
        span = pd.Series(1, index=ev.index)
    elif spread != "uniform":
        raise ValueError("spread must be 'uniform', 'exclude' or 'start'")

    long = _spread_over_periods(ev, span, freq)
    for m in _MEASURES:
        long[m] = long[m] * long["share"]
    keys = ["period"] + by
    out = long.groupby(keys, observed=True, dropna=False).agg(
        low=("low", "sum"), best=("best", "sum"), high=("high", lambda s: s.sum(min_count=len(s))),
        events=("share", "size"))
    out = out.reset_index()
    if fill and len(out):
        out = _fill_periods(out, by, freq)
    out["complete"] = _covered(out["period"], *covered)
    out["period"] = out["period"].dt.start_time
    out = out.sort_values(keys, kind="stable").reset_index(drop=True)
    for m in _MEASURES:
        out[m] = out[m].round(9)
    # plain numbers only: pandas compares attrs when frames are combined
    out.attrs["excluded_events"] = int(len(excluded))
    out.attrs["excluded_best"] = float(excluded["best"].sum()) if len(excluded) else 0.0
    out.attrs["spread"] = spread
    return out[keys + _MEASURES + ["events", "complete"]]


def _spread_over_periods(ev, span, freq):
    """One row per (event, period it touches) with ``share``, its fraction of the event's days."""
    # Periods each event touches; most events touch one, only the others are exploded.
    p_start = ev["date_start"].dt.to_period(_period_freq(freq))
    p_end = ev["date_end"].dt.to_period(_period_freq(freq))
    one = p_start == p_end
    simple = ev[one].assign(period=p_start[one], share=1.0)
    multi = ev[~one]
    pieces = [simple]
    if len(multi):
        # vectorised explode: one row per (event, period touched), weighted by overlapping days
        first, last = p_start[~one], p_end[~one]
        n_periods = (last.array.asi8 - first.array.asi8) + 1  # period ordinals
        rep = np.repeat(np.arange(len(multi)), n_periods)
        offset = np.arange(len(rep)) - np.repeat(np.cumsum(n_periods) - n_periods, n_periods)
        periods = pd.PeriodIndex(first.to_numpy()[rep], freq=first.dt.freq) + offset
        s_day = multi["date_start"].to_numpy()[rep]
        e_day = multi["date_end"].to_numpy()[rep]
        lo = np.maximum(periods.start_time.normalize().to_numpy(), s_day)
        hi = np.minimum(periods.end_time.normalize().to_numpy(), e_day)
        days = (hi - lo).astype("timedelta64[D]").astype("int64") + 1
        share = days / span[~one].to_numpy()[rep]
        pieces.append(multi.iloc[rep].reset_index(drop=True).assign(period=periods, share=share))
    return pd.concat(pieces, ignore_index=True)


def _covered(periods, first, last):
    """Whether each period lies wholly within the days from ``first`` to ``last``."""
    if not len(periods):
        return pd.Series([], dtype=bool, index=periods.index)
    starts = periods.dt.start_time
    ends = periods.dt.end_time.dt.normalize()
    return (starts >= first) & (ends <= last)


def _period_freq(freq):
    return {"MS": "M", "M": "M", "ME": "M", "YS": "Y", "Y": "Y", "YE": "Y", "AS": "Y", "A": "Y", "W": "W",
            "D": "D", "QS": "Q", "Q": "Q"}.get(freq, freq)


def _fill_periods(out, by, freq):
    full = pd.period_range(out["period"].min(), out["period"].max(), freq=_period_freq(freq))
    if by:
        groups = out[by].drop_duplicates()
        grid = groups.merge(pd.DataFrame({"period": full}), how="cross")
    else:
        grid = pd.DataFrame({"period": full})
    merged = grid.merge(out, on=["period"] + by, how="left")
    merged[["low", "best", "high"]] = merged[["low", "best", "high"]].fillna(0.0)
    merged["events"] = merged["events"].fillna(0).astype(int)
    return merged


def yearly_totals(events, by=None):
    """Yearly low/best/high by the year of ``date_start`` (as datasets sum them)."""
    by = [] if by is None else ([by] if isinstance(by, str) else list(by))
    ev = _prepare(events)
    ev["year"] = ev["date_start"].dt.year
    return ev.groupby(["year"] + by, observed=True)[_MEASURES].sum().reset_index()


def events_of_their_time(events, reports, *, max_age_days=31):
    """The coded events a report tells as news, not as background.

    A 2016 article that recalls a 2013 massacre codes an event of 2013; a
    corpus summed by year would count it as if reported then.  This keeps
    the events that ended at most ``max_age_days`` before their report was
    published and did not start after it (a date after publication is a
    misread).  Events whose report has no date are kept.

    Parameters
    ----------
    events : DataFrame
        Coded events (``report_id``, ``date_start``, ``date_end``).
    reports : DataFrame
        :func:`conflictkit.reports_frame` (``id``, ``published``).
    max_age_days : int
        How long before publication an event may have ended.

    Returns
    -------
    DataFrame
        The events kept; ``attrs["background_events"]`` and
        ``attrs["background_best"]`` count those left out and their deaths.

    Examples
    --------
    >>> ev = pd.DataFrame({"report_id": ["a", "a"], "date_start": ["2013-08-21", "2016-05-02"],
    ...                    "date_end": ["2013-08-21", "2016-05-02"], "fatalities_best": [1400, 12]})
    >>> kept = events_of_their_time(ev, pd.DataFrame({"id": ["a"], "published": ["2016-05-03"]}))
    >>> kept.fatalities_best.tolist(), kept.attrs["background_best"]
    ([12], 1400.0)
    """
    published = pd.to_datetime(events["report_id"].map(reports.set_index("id")["published"]))
    start = pd.to_datetime(events["date_start"])
    end = pd.to_datetime(events["date_end"]).fillna(start)
    background = published.notna() & (((published - end).dt.days > max_age_days) | (start > published))
    kept = events[~background].copy()
    kept.attrs["background_events"] = int(background.sum())
    kept.attrs["background_best"] = float(events.loc[background, "fatalities_best"].sum())
    return kept
