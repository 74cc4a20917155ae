"""Plots in seaborn's manner.

Each function takes a tidy DataFrame and its column names by keyword
(``plot_x(data, *, x=, y=, hue=, ax=None, **kwargs)``), draws with seaborn
on the axes given (or on a new figure), returns the ``Axes`` (or seaborn's
``FacetGrid``), and never reads a file or shows anything.  Call
:func:`set_theme` once for conflictkit's look; no plot imposes it.

Two rules hold everywhere: a period the data cover only in part
(``complete`` is False in :func:`conflictkit.fatalities_over_time`) is left
out and named in a note under the plot, and an unknown value is left out,
never drawn as 0.
"""

import contextlib
import re
import textwrap

import matplotlib
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib import patheffects
from matplotlib.cm import ScalarMappable
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import Normalize

from ._boundaries import BOUNDARY_ATTRIBUTION, load_boundaries
from .._data import resource_path

__all__ = ["set_theme", "house_style", "caption", "plot_fatalities_over_time", "plot_small_multiples",
           "plot_event_map", "plot_casualty_ranges", "plot_comparison_bars", "plot_hbars"]

_SHARED = {
    "series": """data : DataFrame
        A series from :func:`conflictkit.fatalities_over_time`: one row per
        period (and group) with ``period``, ``low``, ``best``, ``high`` and
        ``complete``.  Rows whose ``complete`` is False are left out and
        named in a note under the plot.""",
    "x_period": """x, y : str
        The period and value columns.""",
    "band": """low, high : str or None
        The columns bounding the shaded band (``None``: no band).  A missing
        bound leaves a gap in the band, never a band down to 0.""",
    "ax": """ax : matplotlib.axes.Axes, optional
        The axes to draw on; a new figure otherwise.""",
    "kwargs": """**kwargs
        Passed on to the seaborn function that draws the data.""",
    "returns_ax": """matplotlib.axes.Axes
        The axes drawn on.""",
}
_ACCENT = "#D55E00"
_HALO = [patheffects.withStroke(linewidth=2.5, foreground="white")]


def _shared_docs(func):
    """Fill ``{name}`` placeholders in a docstring with the shared parameter text."""
    func.__doc__ = re.sub(r"\{(\w+)\}", lambda m: _SHARED.get(m.group(1), m.group(0)), func.__doc__)
    return func


def _style_rc():
    return dict(matplotlib.rc_params_from_file(str(resource_path("conflictkit.mplstyle")),
                                               use_default_template=False))


def set_theme(context="notebook", *, font_scale=1.0, rc=None):
    """Apply conflictkit's look to every later figure (call it once).

    seaborn's ``ticks`` style and ``colorblind`` palette, then the settings of
    ``resources/conflictkit.mplstyle``: light horizontal grid, no top or
    right spine, bold left-aligned titles, the Okabe–Ito colours, and SVG
    written reproducibly (fixed hash salt, text kept as text).

    Parameters
    ----------
    context : {"paper", "notebook", "talk", "poster"}
        seaborn's scaling context.
    font_scale : float
        Scales every font.
    rc : dict, optional
        matplotlib settings applied last.

    Examples
    --------
    >>> set_theme()
    >>> import matplotlib as mpl
    >>> mpl.rcParams["axes.spines.top"], mpl.rcParams["svg.hashsalt"]
    (False, 'conflictkit')
    """
    sns.set_theme(context=context, style="ticks", palette="colorblind", font_scale=font_scale,
                  rc={**_style_rc(), **(rc or {})})


@contextlib.contextmanager
def house_style(context="notebook", **kwargs):
    """:func:`set_theme` for the figures drawn inside a ``with`` block only.

    Examples
    --------
    >>> with house_style():
    ...     ax = plot_hbars(pd.DataFrame({"k": ["a"], "v": [0.5]}), x="v", y="k")
    """
    with plt.rc_context():
        set_theme(context, **kwargs)
        yield


def caption(target, text, *, fontsize=8):
    """Write a source line under a figure, wrapped to the figure's width.

    Parameters
    ----------
    target : Axes, FacetGrid or Figure
        Call it after drawing everything else: it goes under all of it.
    text : str
        E.g. ``"Source: UCDP GED 19.1 (CC BY 4.0)."``.

    Returns
    -------
    The ``target``.
    """
    fig = target if isinstance(target, matplotlib.figure.Figure) else target.figure
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    chars = max(40, int(box.width * 72 / (fontsize * 0.52)))
    fig.text(box.x0 / fig.get_figwidth(), (box.y0 - 0.06) / fig.get_figheight(), textwrap.fill(text, chars),
             ha="left", va="top", fontsize=fontsize, color="#555555")
    return target


def _axes(ax, **fig_kw):
    if ax is not None:
        return ax
    return plt.subplots(**fig_kw)[1]


def _thousands(ax, axis="y"):
    getattr(ax, f"{axis}axis").set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))


def _period_format(periods):
    """``%Y`` for yearly periods, ``%b %Y`` for monthly ones, else the day."""
    p = pd.DatetimeIndex(pd.to_datetime(periods))
    if (p.is_year_start).all():
        return "%Y"
    return "%b %Y" if (p.day == 1).all() else "%d %b %Y"


def _per_period(periods):
    """ "Fatalities per month" (or year, or period) for a series' periods."""
    unit = {"%Y": "year", "%b %Y": "month"}.get(_period_format(periods), "period") if len(periods) else "period"
    return f"Fatalities per {unit}"


def _complete_periods(data, x):
    """The rows of fully covered periods, and a note naming the others (or "")."""
    if "complete" not in data or data["complete"].all():
        return data, ""
    partial = pd.to_datetime(data.loc[~data["complete"].astype(bool), x]).drop_duplicates().sort_values()
    names = ", ".join(partial.dt.strftime(_period_format(data[x])))
    return data[data["complete"].astype(bool)], f"Not shown: {names}, which the data cover only in part."


def _note(ax, text):
    """A small grey note under the axes' lower right corner."""
    if text:
        ax.annotate(text, xy=(1, 0), xycoords="axes fraction", xytext=(0, -22), textcoords="offset points",
                    ha="right", va="top", fontsize=7.5, color="#555555")


def _band(data, x, low, high, color, ax, **kw):
    """Shade between the ``low`` and ``high`` columns (gaps where either is missing)."""
    d = data.sort_values(x)
    ax.fill_between(pd.to_datetime(d[x]), d[low].astype(float), d[high].astype(float), color=color, alpha=0.22,
                    linewidth=0, **kw)


def _hue_palette(data, hue, hue_order, palette):
    if hue is None:
        return None, None
    order = list(hue_order) if hue_order is not None else [v for v in pd.unique(data[hue]) if pd.notna(v)]
    colors = sns.color_palette(palette, n_colors=len(order))
    return order, dict(zip(order, colors))


@_shared_docs
def plot_fatalities_over_time(data, *, x="period", y="best", low="low", high="high", hue=None, hue_order=None,
                              palette=None, marks=None, mark_x="date_start", mark_y="fatalities_best",
                              mark_text=None, ax=None, **kwargs):
    """Fatalities per period as a line (:func:`seaborn.lineplot`) in a low–high band.

    Parameters
    ----------
    {series}
    {x_period}
    {band}
    hue, hue_order, palette
        One line (and band) per group, as in seaborn.
    marks : DataFrame, optional
        Events to mark on the plot (e.g. those coded from a report), each
        labelled with :obj:`mark_text`; events whose ``mark_y`` is unknown
        are not drawn.
    mark_x, mark_y : str
        The marks' date and value columns.
    mark_text : str, optional
        A format string over a mark's columns, e.g.
        ``"{fatalities_best:.0f} killed ({location})"``; the value alone by default.
    {ax}
    {kwargs}

    Returns
    -------
    {returns_ax}

    Examples
    --------
    >>> s = pd.DataFrame({"period": pd.date_range("2016-01-01", periods=3, freq="MS"),
    ...                   "low": [1, 2, 3], "best": [2, 3, 4], "high": [3, 4, 5], "complete": [True, True, False]})
    >>> ax = plot_fatalities_over_time(s, label="best estimate")
    >>> ax.lines[0].get_ydata().tolist()  # the partial third month is left out
    [2.0, 3.0]
    """
    ax = _axes(ax)
    kept, note = _complete_periods(data, x)
    order, colors = _hue_palette(kept, hue, hue_order, palette)
    kwargs = {"estimator": None, "errorbar": None, **kwargs}
    n_lines = len(ax.lines)
    sns.lineplot(data=kept, x=x, y=y, hue=hue, hue_order=order, palette=colors, ax=ax, **kwargs)
    if low is not None and high is not None:
        if hue is None:
            _band(kept, x, low, high, ax.lines[n_lines].get_color(), ax,
                  label="low–high range" if kwargs.get("label") else None)
        else:
            for level in order:
                _band(kept[kept[hue] == level], x, low, high, colors[level], ax)
    if marks is not None:
        _mark_events(ax, marks, mark_x, mark_y, mark_text)
    ax.set(xlabel="", ylabel=_per_period(kept[x]) if y == "best" else y)
    ax.set_ylim(bottom=0)
    _thousands(ax)
    _date_axis(ax)
    if hue is not None:
        sns.move_legend(ax, "upper right", title=hue.replace("_", " "), title_fontsize=9)
    elif any(not h.startswith("_") for h in ax.get_legend_handles_labels()[1]):
        ax.legend(loc="upper right")
    _note(ax, note)
    return ax


def _date_axis(ax):
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _mark_events(ax, marks, x, y, text):
    """Diamonds at the marks, each labelled on a leader line from a third of the way up
    (so a toll of 28 stays readable on a scale of thousands)."""
    m = marks.dropna(subset=[y]).sort_values(x).reset_index(drop=True)
    when = pd.to_datetime(m[x])
    ax.scatter(when, m[y], marker="D", s=42, color=_ACCENT, zorder=5, clip_on=False)
    template = text or f"{{{y}:,.0f}}"
    for i, row in m.iterrows():
        ax.annotate(template.format(**row), xy=(when[i], row[y]), xytext=(when[i], 0.3 + 0.07 * i),
                    textcoords=("data", "axes fraction"), ha="right", va="bottom", fontsize=8.5, color=_ACCENT,
                    path_effects=_HALO,
                    arrowprops=dict(arrowstyle="-", color=_ACCENT, lw=0.8, shrinkA=0, shrinkB=3))


@_shared_docs
def plot_small_multiples(data, *, x="period", y="best", low="low", high="high", col="admin1_name", col_wrap=4,
                         top=None, missing_label="not recorded", height=1.9, aspect=1.45, **kwargs):
    """One small panel per group on a shared scale (:func:`seaborn.relplot`).

    Panels are ordered by their total, largest first; each title gives the
    group's share of the total.  Rows whose group is missing or empty are a
    panel of their own (``missing_label``), never silently dropped.

    Parameters
    ----------
    {series}
    {x_period}
    {band}
    col : str
        The group column, one panel each.
    col_wrap : int
        Panels per row.
    top : int, optional
        Keep the groups with the largest totals (the note says how many are left out).
    missing_label : str
        Title of the panel of rows with no group.
    height, aspect : float
        Size of each panel (inches) and its width/height ratio.
    {kwargs}

    Returns
    -------
    seaborn.FacetGrid

    Examples
    --------
    >>> s = pd.DataFrame({"period": list(pd.date_range("2016-01-01", periods=2, freq="MS")) * 2,
    ...                   "admin1_name": ["Idlib", "Idlib", "", ""], "low": [1, 2, 0, 1],
    ...                   "best": [2, 3, 1, 1], "high": [3, 4, 1, 2]})
    >>> g = plot_small_multiples(s, missing_label="no governorate")
    >>> [ax.get_title() for ax in g.axes.flat]
    ['Idlib (71%)', 'no governorate (29%)']
    """
    kept, note = _complete_periods(data, x)
    groups = kept[col].astype(object).where(kept[col].notna() & (kept[col].astype(str) != ""), missing_label)
    kept = kept.assign(**{col: groups.astype(str)})
    totals = kept.groupby(col)[y].sum().sort_values(ascending=False, kind="stable")
    order = list(totals.index[:top])
    if top is not None and len(totals) > top:
        note = f"{len(totals) - top} smaller groups not shown. " + note
    kwargs = {"estimator": None, "errorbar": None, **kwargs}
    g = sns.relplot(data=kept[kept[col].isin(order)], x=x, y=y, col=col, col_order=order, col_wrap=col_wrap,
                    kind="line", height=height, aspect=aspect, facet_kws={"sharey": True, "sharex": True},
                    **kwargs)
    share = totals / totals.sum()
    for name, ax in g.axes_dict.items():
        if low is not None and high is not None:
            _band(kept[kept[col] == name], x, low, high, ax.lines[0].get_color(), ax)
        ax.set_title(f"{name} ({_percent(share[name])})", fontsize=9)
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.tick_params(labelbottom=True, labelsize=7.5)
        _thousands(ax)
    g.set(ylim=(0, None))
    g.set_axis_labels("", _per_period(kept[x]) if y == "best" else y)
    g.figure.tight_layout(h_pad=1.2)
    _note(g.axes.flat[-1], note)
    return g


@_shared_docs
def plot_event_map(data, *, x="longitude", y="latitude", size="fatalities_best", region="admin1", country="SYR",
                   sizes=(2, 220), cmap="rocket_r", marks=None, mark_text=None, ax=None, **kwargs):
    """Events as points over a choropleth of their total by governorate.

    Governorates are shaded on a sequential palette by the sum of ``size``
    over their events (:obj:`region` holds ISO 3166-2 codes), with their
    borders and the country borders of the bundled boundary file (Natural
    Earth; see :data:`conflictkit.viz._boundaries.BOUNDARY_ATTRIBUTION`).  Events
    are drawn with :func:`seaborn.scatterplot`, area by ``size``, with a key;
    points are rasterised in SVG so the file stays small.

    Parameters
    ----------
    data : DataFrame
        Events with coordinates (``latitude``, ``longitude``).
    x, y : str
        Longitude and latitude columns.
    size : str
        The count each point's area and each governorate's shade shows.
    region : str
        The ISO 3166-2 column the choropleth sums by; events without one are
        counted in a note.
    country : str
        Country (ISO alpha-3) whose units are shaded; the map is framed on it.
    sizes : tuple
        Smallest and largest point area.
    cmap : str
        A sequential palette for the shade.
    marks : DataFrame, optional
        Events to circle and label (e.g. the report's own); those with an
        unknown or zero ``size`` (an agreement, a statement) are not drawn.
    mark_text : str, optional
        Format string over a mark's columns for its label.
    {ax}
    {kwargs}

    Returns
    -------
    {returns_ax}
    """
    ax = _axes(ax, figsize=(7.5, 6.2))
    ev = data.dropna(subset=[x, y])
    totals = ev.groupby(region)[size].sum()
    norm = Normalize(0, float(totals.max()) if len(totals) else 1.0)
    colormap = sns.color_palette(cmap, as_cmap=True)
    _draw_boundaries(ax, country, totals, norm, colormap)
    kwargs = {"color": "#222222", "alpha": 0.35, "linewidth": 0, "rasterized": True, "legend": "brief", **kwargs}
    sns.scatterplot(data=ev, x=x, y=y, size=size, sizes=sizes, size_norm=(0, max(float(ev[size].max()), 1)),
                    ax=ax, zorder=3, **kwargs)
    if ax.get_legend() is not None:
        sns.move_legend(ax, "lower right", title="Deaths per event", frameon=True, fontsize=8, title_fontsize=8)
        for label in ax.get_legend().texts:
            label.set_text(f"{float(label.get_text()):,.0f}")
    bar = ax.figure.colorbar(ScalarMappable(norm, colormap), ax=ax, shrink=0.55, pad=0.02,
                             label="Deaths per governorate (sum of best estimates)")
    _thousands(bar.ax)
    ax.text(0.01, 0.01, BOUNDARY_ATTRIBUTION, transform=ax.transAxes, fontsize=6, color="#555555",
            path_effects=_HALO)
    if marks is not None:
        _circle_events(ax, marks, x, y, size, mark_text)
    missing = ev.loc[ev[region].isna() | (ev[region].astype(str) == ""), size].sum()
    if missing:
        _note(ax, f"Events with no governorate: {missing:,.0f} deaths "
                  f"({missing / ev[size].sum():.0%}), drawn as points, not in the shading.")
    ax.set(xlabel="", ylabel="", xticks=[], yticks=[])
    for spine in ax.spines.values():
        spine.set(visible=True, linewidth=0.6, color="#888888")
    return ax


def _percent(share):
    """A share as a whole percentage; "<1%" rather than "0%" for a small but real share."""
    return "<1%" if 0 < share < 0.005 else f"{share:.0%}"


def _draw_boundaries(ax, country, totals, norm, colormap):
    """Neighbours in grey, the country's units shaded by ``totals``, borders on top; framed on the country."""
    units, borders = load_boundaries()
    inside = [u for u in units if u["adm0_a3"] == country]
    outside = [r for u in units if u["adm0_a3"] != country for r in u["rings"]]
    ax.add_collection(PolyCollection(outside, facecolors="#eeeeee", edgecolors="#eeeeee", linewidths=0.5,
                                     zorder=0))
    faces = [colormap(norm(totals[u["iso_3166_2"]])) if u["iso_3166_2"] in totals.index else "#ffffff"
             for u in inside for _ in u["rings"]]
    ax.add_collection(PolyCollection([r for u in inside for r in u["rings"]], facecolors=faces,
                                     edgecolors="white", linewidths=0.7, zorder=1))
    ax.add_collection(LineCollection(borders, colors="#444444", linewidths=0.9, zorder=2))
    xy = np.concatenate([r for u in inside for r in u["rings"]])
    (x0, y0), (x1, y1) = xy.min(axis=0) - 0.35, xy.max(axis=0) + 0.35
    ax.set(xlim=(x0, x1), ylim=(y0, y1), facecolor="#f4f8fb")
    ax.set_aspect(1 / np.cos(np.radians((y0 + y1) / 2)))
    ax.grid(False)


def _circle_events(ax, marks, x, y, size, text):
    m = marks.dropna(subset=[x, y, size])
    m = m[m[size] > 0].reset_index(drop=True)
    ax.scatter(m[x], m[y], s=160, facecolors="none", edgecolors=_ACCENT, linewidths=1.8, zorder=4)
    template = text or f"{{{size}:,.0f}}"
    for i, row in m.iterrows():
        ax.annotate(template.format(**row), xy=(row[x], row[y]), xytext=(12, 10 - 14 * i),
                    textcoords="offset points",
                    fontsize=8.5, color=_ACCENT, fontweight="bold", zorder=5, path_effects=_HALO)


@_shared_docs
def plot_casualty_ranges(data, *, y="side", outcome="killed", ax=None, **kwargs):
    """Horizontal bars of a casualty table (:func:`seaborn.barplot`): the best
    figure, a low–high whisker, an arrow where the high end is open ("at
    least"), and "number not reported" where the report gives none.

    Parameters
    ----------
    data : DataFrame
        From :func:`conflictkit.casualty_table` (its ``Total`` row is left out).
    y : str
        The label column (an empty label reads "unattributed").
    outcome : str
        ``killed`` or ``injured``: the ``<outcome>_low/_best/_high`` columns.
    {ax}
    {kwargs}

    Returns
    -------
    {returns_ax}
    """
    t = data[data[y] != "Total"].reset_index(drop=True)
    t = t.assign(label=[str(v) if str(v) else "unattributed" for v in t[y]])
    best, low, high = (t[f"{outcome}_{k}"].astype(float) for k in ("best", "low", "high"))
    ax = _axes(ax, figsize=(7, 0.5 * len(t) + 1.5))
    sns.barplot(data=t, x=f"{outcome}_best", y="label", order=list(t["label"]), errorbar=None,
                ax=ax, **{"color": "#0072B2", **kwargs})
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
    ax.set(ylabel="", xlabel=f"People {outcome} (best estimate; line: low–high, arrow: open upper bound)")
    ax.grid(True, axis="x")
    ax.grid(False, axis="y")
    return ax


@_shared_docs
def plot_comparison_bars(data, *, x, y, hue, fmt=None, ax=None, **kwargs):
    """Grouped bars (:func:`seaborn.barplot`), each labelled with its value;
    a missing value is no bar and reads "n/a".

    Parameters
    ----------
    data : DataFrame
        Long form: one row per bar.
    x, y, hue : str
        The groups, the value and the series compared.
    fmt : str, optional
        Format of the labels; ``"{:.2f}"`` for rates up to 1, else ``"{:,.0f}"``.
    {ax}
    {kwargs}

    Returns
    -------
    {returns_ax}

    Examples
    --------
    >>> d = pd.DataFrame({"year": [2016, 2016, 2017, 2017], "source": ["a", "b", "a", "b"],
    ...                   "deaths": [10, 12, None, 9]})
    >>> ax = plot_comparison_bars(d, x="year", y="deaths", hue="source")
    >>> [t.get_text() for t in ax.texts]  # the unknown 2017 figure is no bar, not 0
    ['10', '12', '9', 'n/a']
    """
    ax = _axes(ax)
    sns.barplot(data=data, x=x, y=y, hue=hue, errorbar=None, ax=ax, **kwargs)
    values = data[y].astype(float)
    fmt = fmt or ("{:.2f}" if values.max() <= 1 else "{:,.0f}")
    for bars in ax.containers:
        ax.bar_label(bars, labels=[fmt.format(v) for v in bars.datavalues], fontsize=8, padding=2)
    _label_missing_bars(ax, data[values.isna()], x, hue)
    ax.set(xlabel="", ylabel=y)
    ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter(fmt.replace(":", "x:", 1)))
    sns.move_legend(ax, "upper left", bbox_to_anchor=(0, -0.1), title=None, ncols=len(data[hue].unique()))
    return ax


def _label_missing_bars(ax, missing, x, hue):
    """Write "n/a" where seaborn drew no bar for a missing value."""
    ticks = {t.get_text(): pos for pos, t in zip(ax.get_xticks(), ax.get_xticklabels())}
    levels = [t.get_text() for t in ax.get_legend().texts] if ax.get_legend() else []
    offsets = {}
    for level, bars in zip(levels, ax.containers):  # one container per hue level, in the legend's order
        if len(bars.patches):
            b = bars.patches[0]
            centre = b.get_x() + b.get_width() / 2
            offsets[level] = centre - min(ticks.values(), key=lambda t: abs(t - centre))
    for xv, hv in zip(missing[x], missing[hue]):
        if str(xv) in ticks and str(hv) in offsets:
            ax.text(ticks[str(xv)] + offsets[str(hv)], 0, "n/a", ha="center", va="bottom", fontsize=8,
                    color="#555555")


@_shared_docs
def plot_hbars(data, *, x, y, n=None, fmt="{:.2f}", ax=None, **kwargs):
    """One horizontal bar per row, in the data's order (:func:`seaborn.barplot`),
    labelled with its value and, with ``n``, the number it rests on.

    Parameters
    ----------
    data : DataFrame
    x, y : str
        The value and label columns.
    n : str, optional
        A count column (e.g. snippets per type) shown beside each value.
    fmt : str
        Format of the values.
    {ax}
    {kwargs}

    Returns
    -------
    {returns_ax}
    """
    ax = _axes(ax, figsize=(7, 0.28 * len(data) + 1.4))
    sns.barplot(data=data, x=x, y=y, order=list(data[y]), orient="h", errorbar=None, ax=ax,
                **{"color": "#0072B2", **kwargs})
    counts = data[n].tolist() if n is not None else [None] * len(data)
    labels = [fmt.format(v) + (f"  (n = {k:,})" if k is not None else "") for v, k in zip(data[x], counts)]
    ax.bar_label(ax.containers[0], labels=labels, fontsize=8, padding=2)
    ax.tick_params(axis="y", labelsize=8)
    top = float(data[x].max()) if len(data) else 1.0
    ax.set(ylabel="", xlim=(0, top * 1.25), xticks=[t for t in ax.get_xticks() if 0 <= t <= top * 1.0001])
    ax.grid(True, axis="x")
    ax.grid(False, axis="y")
    return ax
