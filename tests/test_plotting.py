"""Plots draw the data they are given (checked on the artists), leave unknown
values and partly covered periods out, return their Axes or grid, and save
byte-identical files."""

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import LineCollection, PolyCollection  # noqa: E402

import conflictkit as ck  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.fixture
def series():
    periods = pd.date_range("2016-01-01", periods=12, freq="MS")
    return pd.DataFrame({"period": list(periods) * 2, "admin1_name": ["Idlib"] * 12 + ["Raqqa"] * 12,
                         "type_of_violence": ["state-based"] * 12 + ["one-sided"] * 12,
                         "low": range(24), "best": [x + 1.0 for x in range(24)],
                         "high": [x + 3 for x in range(24)],
                         "complete": [True] * 11 + [False] + [True] * 11 + [False]})


def _band_y(ax):
    """(min, max) of the y of each shaded band on the axes."""
    return [(p.get_paths()[0].vertices[:, 1].min(), p.get_paths()[0].vertices[:, 1].max())
            for p in ax.collections if isinstance(p, PolyCollection)]


def test_line_and_band_show_best_low_high_without_the_partial_period(series):
    one = series[series.admin1_name == "Idlib"]
    fig, ax = plt.subplots()
    assert ck.plot_fatalities_over_time(one, ax=ax) is ax
    assert ax.lines[0].get_ydata().tolist() == one.best[:11].tolist()  # December, partly covered, left out
    assert _band_y(ax) == [(0, 13)]  # low of January .. high of November
    assert ax.get_ylabel() == "Fatalities per month"
    assert any("Not shown: Dec 2016" in t.get_text() for t in ax.texts)


def test_one_line_and_band_per_hue_level(series):
    ax = ck.plot_fatalities_over_time(series, hue="type_of_violence", hue_order=["state-based", "one-sided"])
    assert [line.get_ydata()[0] for line in ax.lines[:2]] == [1.0, 13.0]
    assert sorted(_band_y(ax)) == [(0, 13), (12, 25)]
    bands = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert [matplotlib.colors.to_hex(line.get_color()) for line in ax.lines[:2]] == [
        matplotlib.colors.to_hex(b.get_facecolor()[0], keep_alpha=False) for b in bands]


def test_marks_with_unknown_counts_are_not_drawn_as_zero(series):
    marks = pd.DataFrame({"date_start": ["2016-03-02", "2016-05-01"], "fatalities_best": [28, np.nan],
                          "where": ["Raqqa", "Idlib"]})
    ax = ck.plot_fatalities_over_time(series[series.admin1_name == "Idlib"], marks=marks,
                                      mark_text="{fatalities_best:.0f} killed, {where}")
    points = [c for c in ax.collections if not isinstance(c, PolyCollection)]
    assert [off[1] for off in points[0].get_offsets()] == [28]
    assert [t.get_text() for t in ax.texts if "killed" in t.get_text()] == ["28 killed, Raqqa"]


def test_small_multiples_keep_the_missing_group_and_label_every_panel(series):
    s = series.copy()
    s.loc[s.admin1_name == "Raqqa", "admin1_name"] = ""
    g = ck.plot_small_multiples(s, col="admin1_name", col_wrap=1, missing_label="No governorate recorded")
    titles = [ax.get_title() for ax in g.axes.flat]
    share = s[s.complete].groupby("admin1_name").best.sum()
    assert titles == [f"No governorate recorded ({share[''] / share.sum():.0%})",
                      f"Idlib ({share['Idlib'] / share.sum():.0%})"]
    g.figure.canvas.draw()
    for ax in g.axes.flat:
        assert "2016" in [t.get_text() for t in ax.get_xticklabels() if t.get_visible()]
        assert len(ax.lines[0].get_xdata()) == 11


def test_comparison_bars_leave_unknown_out_and_say_so():
    d = pd.DataFrame({"year": [2016, 2016, 2017, 2017], "source": ["coded", "dataset"] * 2,
                      "deaths": [10.0, 12.0, np.nan, 9.0]})
    ax = ck.plot_comparison_bars(d, x="year", y="deaths", hue="source")
    heights = sorted(bar.get_height() for bars in ax.containers for bar in bars)
    assert heights == [9, 10, 12]
    assert sorted(t.get_text() for t in ax.texts) == ["10", "12", "9", "n/a"]


def test_hbars_say_how_many_each_rate_rests_on():
    d = pd.DataFrame({"type": ["Armed clash", "Riot"], "accuracy": [0.8, 0.0], "snippets": [25, 3]})
    ax = ck.viz.plot_hbars(d, x="accuracy", y="type", n="snippets")
    assert [p.get_width() for p in ax.patches] == [0.8, 0.0]
    assert [t.get_text() for t in ax.texts] == ["0.80  (n = 25)", "0.00  (n = 3)"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Armed clash", "Riot"]


def test_casualty_ranges_draw_no_bar_for_an_unreported_number():
    t = pd.DataFrame({"side": ["regime", "IS", "Total"], "killed_low": [13, np.nan, 13],
                      "killed_best": [13, np.nan, 13], "killed_high": [13, np.nan, np.nan]})
    ax = ck.plot_casualty_ranges(t, y="side")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["regime", "IS"]
    assert [p.get_width() for p in ax.patches if np.isfinite(p.get_width())] == [13]
    assert "number not reported" in [t.get_text() for t in ax.texts]


@pytest.fixture
def events():
    rng = np.random.default_rng(0)
    n = 20000
    return pd.DataFrame({"longitude": rng.uniform(36, 42, n), "latitude": rng.uniform(32.5, 37, n),
                         "admin1": rng.choice(["SY-HL", "SY-ID", ""], n, p=[0.6, 0.3, 0.1]),
                         "fatalities_best": rng.integers(0, 60, n).astype(float)})


def test_event_map_has_borders_a_sequential_shade_and_a_size_key(events):
    ax = ck.plot_event_map(events)
    borders = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert borders and len(borders[0].get_segments()) > 20  # the country borders of the bundled file
    shade = [c for c in ax.collections if isinstance(c, PolyCollection) and len(c.get_paths()) >= 14][-1]
    lightness = {code: np.mean(shade.get_facecolors()[i][:3]) for i, code in _syria_ring_codes()}
    assert lightness["SY-HL"] < lightness["SY-ID"] < lightness["SY-TA"]  # more deaths, darker
    legend = ax.get_legend()
    assert legend.get_title().get_text() == "Deaths per event" and len(legend.texts) >= 3
    keyed = [float(t.get_text().replace(",", "")) for t in legend.texts]
    assert keyed == sorted(keyed) and keyed[-1] <= events.fatalities_best.max()
    assert any("no governorate" in t.get_text() and "(10%)" in t.get_text() for t in ax.texts)


def _syria_ring_codes():
    from conflictkit.viz._boundaries import load_boundaries

    units, _ = load_boundaries()
    rings = [(u["iso_3166_2"]) for u in units if u["adm0_a3"] == "SYR" for _ in u["rings"]]
    return list(enumerate(rings))


def test_event_map_draws_report_events_with_deaths_only(events):
    marks = pd.DataFrame({"longitude": [39.0, 36.8], "latitude": [35.9, 36.0], "fatalities_best": [28, np.nan],
                          "event_type": ["Battles", "Strategic developments"]})
    ax = ck.plot_event_map(events.head(100), marks=marks)
    assert [t.get_text() for t in ax.texts if t.get_text().isdigit()] == ["28"]


def test_event_map_svg_stays_small(events, tmp_path):
    ax = ck.plot_event_map(events)
    ck.save_figure(ax, "map", folder=tmp_path)
    assert (tmp_path / "map.svg").stat().st_size < 1_000_000
    assert (tmp_path / "map.png").stat().st_size < 1_000_000


def test_caption_does_not_widen_the_figure(series):
    ax = ck.plot_fatalities_over_time(series[series.admin1_name == "Idlib"])
    fig = ax.figure
    before = fig.get_tightbbox(fig.canvas.get_renderer()).width
    ck.viz.caption(ax, "Source: a long source line. " * 20)
    after = fig.get_tightbbox(fig.canvas.get_renderer()).width
    assert after <= before + 0.05


def test_set_theme_is_the_users_choice(series):
    with matplotlib.rc_context():
        matplotlib.rcParams["axes.titleweight"] = "normal"
        ck.plot_fatalities_over_time(series[series.admin1_name == "Idlib"])
        assert matplotlib.rcParams["axes.titleweight"] == "normal"  # a plot imposes no style
        ck.set_theme()
        assert matplotlib.rcParams["axes.titleweight"] == "bold"
    with ck.viz.house_style():
        assert matplotlib.rcParams["axes.spines.right"] is False


SCRIPT = """
import matplotlib; matplotlib.use("Agg")
import sys, pandas as pd, conflictkit as ck
ck.set_theme()
s = pd.DataFrame({"period": pd.date_range("2016-01-01", periods=6, freq="MS"), "low": [1,2,3,4,5,6],
                  "best": [2,3,4,5,6,7], "high": [3,4,5,6,7,8]})
ax = ck.plot_fatalities_over_time(s)
ax.set_title("Test")
ck.save_figure(ax, "test-figure", s, folder=sys.argv[1])
"""


@pytest.mark.slow
def test_save_figure_is_byte_identical_across_processes(tmp_path):
    for run in ("a", "b"):
        subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / run)], check=True, timeout=120)
    for ext in ("png", "svg", "csv"):
        a, b = (tmp_path / r / f"test-figure.{ext}" for r in "ab")
        assert a.read_bytes() == b.read_bytes(), ext
    svg = (tmp_path / "a" / "test-figure.svg").read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert b"Software" not in (tmp_path / "a" / "test-figure.png").read_bytes()[:200]


def test_figure_names_say_what_they_show(tmp_path):
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match="lower-case words"):
        ck.save_figure(fig, "Figure 1", folder=tmp_path)
