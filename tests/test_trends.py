"""Time series: the imprecise-date trap, exact yearly totals, the GED 23.1 comparison."""

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

import conflictkit as ck
from test_datasets import ged, ged_path  # noqa: F401  (fixtures)
from conftest import shared_file


def test_no_false_january_2016_spike(ged):  # noqa: F811
    events, _ = ged
    naive = ck.fatalities_over_time(events, spread="start").set_index("period").best
    spread = ck.fatalities_over_time(events).set_index("period").best
    jan = pd.Timestamp("2016-01-01")
    assert naive[jan] > 19000  # the trap: 16,517 deaths of year-long events land in January
    assert spread[jan] < 1.3 * spread["2016-02-01":"2016-12-01"].median()
    excluded = ck.fatalities_over_time(events, spread="exclude")
    assert excluded.attrs["excluded_best"] >= 16517 and excluded.attrs["excluded_events"] >= 51


def test_yearly_totals_reproduce_the_dataset(ged):  # noqa: F811
    events, _ = ged
    s = ck.fatalities_over_time(events, freq="YS")
    assert s.set_index(s.period.dt.year).best.round(6).to_dict() == {2016: 48710, 2017: 33316, 2018: 20251,
                                                                    2019: 10060}
    by_type = ck.fatalities_over_time(events, freq="YS", by="type_of_violence")
    state = by_type[by_type.type_of_violence == "state-based"].set_index("period").best.round(6)
    assert state.tolist() == [40865, 21243, 11974, 6567]


def test_compared_with_ged_23_1(ged):  # noqa: F811
    """GED 23.1 revised the Syria figures: state-based yearly best differs by up to ~18%
    (2017); we allow 20% and require the same direction of the trend."""
    events, _ = ged
    newer = pd.read_csv(shared_file("ucdp", "country_year_syria_ged231.csv")).set_index("year").best
    ours = events[events.type_of_violence == "state-based"].groupby(events.date_start.dt.year).fatalities_best.sum()
    for year in (2016, 2017, 2018):
        assert abs(ours[year] - newer[year]) / newer[year] < 0.20
    assert ours.loc[2016:2018].is_monotonic_decreasing and newer.loc[2016:2018].is_monotonic_decreasing


_event = st.tuples(st.integers(0, 700), st.integers(0, 400), st.integers(0, 50), st.integers(0, 20))


@settings(max_examples=50, deadline=None)
@given(st.lists(_event, min_size=1, max_size=30), st.sampled_from(["MS", "W", "YS"]))
def test_spreading_preserves_totals(rows, freq):
    base = pd.Timestamp("2016-01-01")
    ev = pd.DataFrame([dict(date_start=base + pd.Timedelta(days=s), date_end=base + pd.Timedelta(days=s + d),
                            fatalities_low=b, fatalities_best=b + h, fatalities_high=b + 2 * h) for s, d, b, h in rows])
    s = ck.fatalities_over_time(ev, freq=freq)
    assert s.best.sum() == pytest.approx(ev.fatalities_best.sum())
    assert s.low.sum() == pytest.approx(ev.fatalities_low.sum())
    assert (s.low <= s.best + 1e-9).all() and (s.best <= s.high + 1e-9).all()


def test_geo_precision_filter_is_counted(ged):  # noqa: F811
    events, _ = ged
    s = ck.fatalities_over_time(events, min_geo_precision=2)
    assert s.attrs["excluded_events"] == (events.geo_precision > 2).sum()


def test_a_period_the_data_cover_in_part_is_marked(ged):  # noqa: F811
    events, _ = ged
    s = ck.fatalities_over_time(events)
    partial = s.loc[~s.complete, "period"].dt.strftime("%Y-%m").tolist()
    assert partial == ["2019-12"]  # the release's last event ends on 1 December 2019
    assert s.loc[~s.complete, "best"].item() < 20
    by_gov = ck.fatalities_over_time(events, by="admin1_name")
    assert set(by_gov.loc[~by_gov.complete, "period"].dt.strftime("%Y-%m")) == {"2019-12"}


def test_periods_outside_the_dates_are_partial_for_any_frequency():
    ev = pd.DataFrame({"date_start": ["2016-01-01", "2016-03-01"], "date_end": ["2016-01-01", "2016-03-10"],
                       "fatalities_low": [1, 2], "fatalities_best": [1, 2], "fatalities_high": [1, 2]})
    assert ck.fatalities_over_time(ev).complete.tolist() == [True, True, False]
    assert ck.fatalities_over_time(ev, freq="YS").complete.tolist() == [False]
    assert ck.fatalities_over_time(ev, freq="D").complete.all()


def test_background_events_are_told_apart_from_news():
    events = pd.DataFrame({"report_id": ["r1", "r1", "r1", "r2"],
                           "date_start": ["2013-08-21", "2016-04-30", "2019-01-01", "2016-01-01"],
                           "date_end": ["2013-08-21", "2016-05-02", "2019-01-01", "2016-12-31"],
                           "fatalities_best": [1400, 12, 5, 300]})
    reports = pd.DataFrame({"id": ["r1", "r2"], "published": ["2016-05-03", None]})
    news = ck.analysis.events_of_their_time(events, reports)
    assert news.fatalities_best.tolist() == [12, 300]  # recalled massacre and a date after publication out
    assert (news.attrs["background_events"], news.attrs["background_best"]) == (2, 1405.0)
