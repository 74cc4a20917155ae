"""Plots in the seaborn manner: ``plot_x(data, *, ax=None, **kw) -> Axes``.

They draw on the axes given (or a new one), return it, and never read
files or show anything.  All use conflictkit's house style
(``resources/conflictkit.mplstyle``); :func:`house_style` applies it to
your own figures.
"""


import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ._data import resource_path

__all__ = ["house_style", "plot_fatalities_over_time", "plot_small_multiples", "plot_stacked_fatalities",
           "plot_event_map", "plot_casualty_ranges", "plot_comparison_bars", "plot_hbars", "caption"]


def house_style():
    """A context manager applying conflictkit's matplotlib style."""
    return plt.style.context(str(resource_path("conflictkit.mplstyle")))


def _axes(ax, **fig_kw):
    if ax is not None:
        return ax
    _, ax = plt.subplots(**fig_kw)
    return ax


def caption(ax, text):
    """Write a source line under the axes (e.g. "Source: UCDP GED 19.1")."""
    ax.annotate(text, xy=(0, 0), xycoords="axes fraction", xytext=(0, -32), textcoords="offset points",
                fontsize=8, color="#555555", ha="left", va="top")
    return ax


def plot_fatalities_over_time(data, *, ax=None, band=True, label="best estimate", color=None, marks=None,
                              title=None, ylabel="Fatalities per month", seed=0, **kw):
    """Fatalities per period with a low–high band.

    Parameters
    ----------
    data : DataFrame
        From :func:`conflictkit.fatalities_over_time` (``period``, ``low``,
        ``best``, ``high``), one group.
    band : bool
        Shade between ``low`` and ``high``.
    marks : DataFrame, optional
        Events to mark on the line (``event_date`` or ``date_start`` and
        ``fatalities_best``), e.g. those coded from a report.
    seed : int
        Unused (no randomness); kept for the common signature.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"period": pd.date_range("2016-01-01", periods=3, freq="MS"),
    ...                   "low": [1, 2, 3], "best": [2, 3, 4], "high": [3, 4, 5]})
    >>> ax = plot_fatalities_over_time(s)
    """
    with house_style():
        ax = _axes(ax)
        line, = ax.plot(data["period"], data["best"], label=label, color=color, **kw)
        if band and {"low", "high"} <= set(data.columns):
            ax.fill_between(data["period"], data["low"], data["high"], color=line.get_color(), alpha=0.2,
                            linewidth=0, label="low–high range")
        if marks is not None and len(marks):
            when = pd.to_datetime(marks["event_date"] if "event_date" in marks else marks["date_start"])
            ax.scatter(when, marks["fatalities_best"].fillna(0), marker="D", s=36, color="#D55E00", zorder=5,
                       label="coded from the report")
        ax.set_ylabel(ylabel)
        ax.set_xlabel("")
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
        if title:
            ax.set_title(title)
        ax.legend(loc="upper right")
    return ax


def plot_small_multiples(data, by, *, ncols=4, sharey=True, fig=None, title=None, top=None,
                         ylabel="Fatalities per month", **kw):
    """One small panel per group (e.g. governorate), each with its band.

    Parameters
    ----------
    data : DataFrame
        From :func:`conflictkit.fatalities_over_time` with ``by``.
    by : str
        The group column.
    top : int, optional
        Keep the groups with the most fatalities (ordered by total).

    Returns
    -------
    numpy.ndarray of Axes
    """
    totals = data.groupby(by, observed=True)["best"].sum().sort_values(ascending=False)
    groups = [g for g in totals.index if str(g) != ""][:top]
    nrows = int(np.ceil(len(groups) / ncols))
    with house_style():
        if fig is None:
            fig = plt.figure(figsize=(2.6 * ncols, 1.9 * nrows + 0.6))
        axes = fig.subplots(nrows, ncols, sharex=True, sharey=sharey, squeeze=False)
        for ax, g in zip(axes.flat, groups):
            d = data[data[by] == g]
            ax.plot(d["period"], d["best"], **kw)
            ax.fill_between(d["period"], d["low"], d["high"], alpha=0.25, linewidth=0)
            ax.set_title(str(g), fontsize=9)
            ax.tick_params(labelsize=7)
            ax.set_ylim(bottom=0)
            ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
        for ax in axes.flat[len(groups):]:
            ax.set_visible(False)
        for ax in axes[:, 0]:
            ax.set_ylabel(ylabel, fontsize=8)
        import matplotlib.dates as mdates

        for ax in axes.flat:
            ax.xaxis.set_major_locator(mdates.YearLocator())
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        if title:
            fig.suptitle(title, x=0.01, ha="left", fontweight="bold")
    return axes


def plot_stacked_fatalities(data, by, *, ax=None, title=None, ylabel="Fatalities per month", order=None, **kw):
    """Best-estimate fatalities per period stacked by a group (type of violence).

    Returns
    -------
    matplotlib.axes.Axes
    """
    wide = data.pivot_table(index="period", columns=by, values="best", aggfunc="sum", observed=True).fillna(0)
    if order is not None:
        wide = wide[[c for c in order if c in wide.columns]]
    with house_style():
        ax = _axes(ax)
        ax.stackplot(wide.index, wide.T.values, labels=[str(c) for c in wide.columns], alpha=0.85, **kw)
        ax.set_ylabel(ylabel)
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.legend(loc="upper right", title=str(by).replace("_", " "))
        if title:
            ax.set_title(title)
    return ax


def plot_event_map(events, *, ax=None, hue="admin1_name", size="fatalities_best", title=None, marks=None,
                   max_size=300, seed=0, **kw):
    """Events as points at their latitude/longitude, coloured by governorate.

    A plain axes (no map tiles, nothing downloaded): longitude on x,
    latitude on y, equal aspect; point area grows with fatalities.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ev = events.dropna(subset=["latitude", "longitude"])
    with house_style():
        ax = _axes(ax, figsize=(7, 6))
        scale = max_size / max(float(ev[size].max()), 1.0) if len(ev) else 1
        groups = sorted(g for g in ev[hue].dropna().unique() if g != "")
        colors = plt.get_cmap("tab20")(np.linspace(0, 1, max(len(groups), 1)))
        for g, c in zip(groups, colors):
            d = ev[ev[hue] == g]
            ax.scatter(d["longitude"], d["latitude"], s=4 + np.sqrt(d[size].clip(lower=0)) * np.sqrt(scale) * 2,
                       color=c, alpha=0.35, linewidths=0, label=g, **kw)
        if marks is not None and len(marks):
            m = marks.dropna(subset=["latitude", "longitude"])
            ax.scatter(m["longitude"], m["latitude"], marker="*", s=220, color="black", zorder=5,
                       label="coded from the report")
        ax.set_aspect("equal", adjustable="datalim")
        ax.set_xlabel("Longitude (°E)")
        ax.set_ylabel("Latitude (°N)")
        ax.grid(True, axis="both")
        legend = ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8, markerscale=1.5)
        for handle in legend.legend_handles:
            handle.set_alpha(1)
        if title:
            ax.set_title(title)
    return ax


def plot_casualty_ranges(table, by, *, outcome="killed", ax=None, title=None, seed=0, **kw):
    """Horizontal bars of a casualty table: best figure, low–high whiskers,
    an arrow where the high end is open ("at least"), and "not reported"
    where the report gives no number.

    Parameters
    ----------
    table : DataFrame
        From :func:`conflictkit.casualty_table` (the ``Total`` row is left out).
    by : str
        The label column.

    Returns
    -------
    matplotlib.axes.Axes
    """
    t = table[table[by] != "Total"].reset_index(drop=True)
    labels = [str(v) if str(v) else "unattributed" for v in t[by]]
    best, low, high = t[f"{outcome}_best"], t[f"{outcome}_low"], t[f"{outcome}_high"]
    with house_style():
        ax = _axes(ax, figsize=(7, 0.5 * len(t) + 1.5))
        y = np.arange(len(t))
        ax.barh(y, best.fillna(0), color="#0072B2", alpha=0.85, **kw)
        top = float(np.nanmax(best)) if best.notna().any() else 1.0
        for i in range(len(t)):
            if np.isnan(best[i]):
                ax.text(0.01 * top, i, "number not reported", va="center", fontsize=9, color="#555555")
                continue
            ax.text(best[i] + 0.01 * top, i + 0.28, f"{best[i]:,.0f}", va="center", fontsize=9)
            if np.isnan(high[i]):
                ax.annotate("", xy=(best[i] + 0.15 * top, i), xytext=(low[i], i),
                            arrowprops=dict(arrowstyle="->", color="black", lw=1.2))
            elif high[i] > low[i]:
                ax.plot([low[i], high[i]], [i, i], color="black", lw=1.2)
        ax.set_yticks(y, labels)
        ax.invert_yaxis()
        ax.set_xlabel(f"People {outcome} (best estimate; line: low–high, arrow: open upper bound)")
        ax.grid(True, axis="x")
        ax.grid(False, axis="y")
        if title:
            ax.set_title(title)
    return ax


def plot_comparison_bars(data, x, columns, *, ax=None, title=None, ylabel=None, labels=None, seed=0, **kw):
    """Grouped bars comparing several columns per ``x`` (e.g. coded vs dataset).

    Returns
    -------
    matplotlib.axes.Axes
    """
    with house_style():
        ax = _axes(ax)
        n = len(columns)
        pos = np.arange(len(data))
        width = 0.8 / n
        for k, col in enumerate(columns):
            ax.bar(pos + (k - (n - 1) / 2) * width, data[col].fillna(0), width,
                   label=(labels or columns)[k], **kw)
        ax.set_xticks(pos, [str(v) for v in data[x]])
        if ylabel:
            ax.set_ylabel(ylabel)
        fmt = "{:,.2f}" if float(data[list(columns)].max().max()) <= 1 else "{:,.0f}"
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: fmt.format(v)))
        ax.legend()
        if title:
            ax.set_title(title)
    return ax


def plot_hbars(data, label, value, *, ax=None, xlabel=None, title=None, fmt="{:.2f}", seed=0, **kw):
    """Horizontal bars of one value per label (e.g. accuracy per class), in the given order.

    Returns
    -------
    matplotlib.axes.Axes
    """
    with house_style():
        ax = _axes(ax, figsize=(7, 0.28 * len(data) + 1.4))
        y = np.arange(len(data))
        ax.barh(y, data[value], color="#0072B2", alpha=0.85, **kw)
        for i, v in enumerate(data[value]):
            ax.text(v, i, " " + fmt.format(v), va="center", fontsize=8)
        ax.set_yticks(y, [str(v) for v in data[label]], fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel or value)
        ax.grid(True, axis="x")
        ax.grid(False, axis="y")
        if title:
            ax.set_title(title)
    return ax
