"""Plots draw and return Axes; saved figures are byte-identical across runs."""

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import conflictkit as ck  # noqa: E402


@pytest.fixture
def series():
    periods = pd.date_range("2016-01-01", periods=12, freq="MS")
    return pd.DataFrame({"period": list(periods) * 2, "admin1_name": ["Idlib"] * 12 + ["Raqqa"] * 12,
                         "type_of_violence": ["state-based"] * 12 + ["one-sided"] * 12,
                         "low": range(24), "best": [x + 1 for x in range(24)], "high": [x + 3 for x in range(24)]})


def test_plots_return_axes_on_given_axes(series):
    fig, ax = plt.subplots()
    one = series[series.admin1_name == "Idlib"]
    assert ck.plot_fatalities_over_time(one, ax=ax) is ax
    assert ax.get_ylabel() == "Fatalities per month" and len(ax.collections) == 1  # the band
    assert ck.plot_stacked_fatalities(series, "type_of_violence", ax=ax) is ax
    axes = ck.plot_small_multiples(series, "admin1_name", ncols=2)
    assert [a.get_title(loc="left") for a in axes.flat] == ["Raqqa", "Idlib"]
    ev = pd.DataFrame({"latitude": [35.9, 35.3], "longitude": [39.0, 40.1], "admin1_name": ["Raqqa", "Deir ez-Zor"],
                       "fatalities_best": [28, 3]})
    fig2, ax2 = plt.subplots()
    assert ck.plot_event_map(ev, ax=ax2) is ax2 and ax2.get_xlabel() == "Longitude (°E)"
    plt.close("all")


SCRIPT = """
import matplotlib; matplotlib.use("Agg")
import sys, pandas as pd, conflictkit as ck
s = pd.DataFrame({"period": pd.date_range("2016-01-01", periods=6, freq="MS"), "low": [1,2,3,4,5,6],
                  "best": [2,3,4,5,6,7], "high": [3,4,5,6,7,8]})
ax = ck.plot_fatalities_over_time(s, title="Test")
ck.save_figure(ax, "test-figure", s, folder=sys.argv[1])
"""


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
    plt.close(fig)
