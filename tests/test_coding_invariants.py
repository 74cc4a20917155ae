"""The coder on hostile and random text: no exception, whole counts in order,
spans that slice back, and figures no single event has seen kept but never
counted (issue: nothing lost, whatever happens)."""

import datetime as dt
import math

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import conflictkit as ck
from conflictkit.coding.counts import parse_count


def _code(text, published=dt.date(2020, 9, 22)):
    return ck.code_report(ck.report_from_text(text, id="r", published=published))


# --- known answers ------------------------------------------------------------------

def test_a_year_before_an_outcome_word_is_no_count_and_no_crash():
    # the toll and noun patterns have no victim group: reading one raised IndexError
    cas = _code("In 2017 wounded soldiers were moved to Homs.").casualties
    assert 2017 not in cas.count_best.tolist()


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(1, 1, 3), dt.date(9999, 12, 31)])
def test_relative_dates_at_the_ends_of_the_calendar(published):
    text = "Two soldiers were killed yesterday. Last week five civilians died, one day after the raid."
    coding = _code(text, published)
    assert coding.casualties.count_best.max() == 5  # coded; a date the calendar cannot hold is no date


@pytest.mark.parametrize("text", ["Air strikes killed 99999999999999999999 people in Homs.",
                                  "A car bomb killed 5,000,000 civilians on Monday."])
def test_a_figure_no_single_event_has_seen_is_kept_but_not_counted(text):
    coding = _code(text)
    cas = coding.casualties
    assert cas.role.tolist() == ["implausible"]
    assert not cas.counted.any()
    assert coding.events.fatalities_best.fillna(0).sum() == 0


def test_a_running_war_toll_stays_cumulative_not_implausible():
    cas = _code("The war has killed more than 500,000 people since 2011.").casualties
    assert cas.role.tolist() == ["cumulative"]


def test_a_large_displacement_is_plausible():
    cas = _code("The offensive displaced 1.5 million people.").casualties
    assert cas.count_best.tolist() == [1_500_000]
    assert cas.counted.tolist() == [True]


@pytest.mark.parametrize("number", ["3.5", "0.5", "2.25"])
def test_a_count_is_a_whole_number(number):
    assert parse_count(number) is None
    assert _code(f"{number} people were killed in Idlib.").casualties.empty


@pytest.mark.parametrize("number, qualifier", [("5", "nearly"), ("1", "nearly"), ("1", "fewer than"),
                                               ("0", "up to"), ("11", "almost"), ("3", "less than")])
def test_qualified_counts_keep_low_best_high_in_order(number, qualifier):
    c = parse_count(number, qualifier)
    assert 0 <= c.low <= c.best
    assert math.isnan(c.high) or c.best <= c.high


def test_long_digit_strings_are_read_exactly():
    assert parse_count("99999999999999999999").best == 99999999999999999999


# --- invariants on random text --------------------------------------------------------

_WORDS = st.sampled_from([
    "killed", "at least", "28", "two", "soldiers", "were", "dozens", "dead", "injured", "in", "Raqqa", "IS",
    "on Monday", "and", ",", ".", "\n", "\n\n", "a man", "regime forces", "wounded", "killing", "15", "jihadists",
    "\u00a0", "\u201c", "2017", "In", "1,200", "3.5", "99999999999999999999", "nearly", "about", "up to",
    "fewer than", "yesterday", "last week", "On 17 November 2021", "since March", "one day after",
    "the death toll", "rose to", "people", "civilians", "were killed", "shot", "a woman and her two daughters",
    "0", "-5", "2.5 million", "displaced", "half a million", "Nobody", "no one", "(", ")", "10-15", "between",
    "11th", "Sept.", "2020-09-22", "22/09/2020", "hundreds of thousands", "tens", "Homs", "countryside", "of",
    "later", "ago", "days", "earlier", "this morning", "TODAY", "Last Night", "\t", "...", ";",
])
_NUMBERS = st.integers(min_value=-10, max_value=10**22).map(str) | st.floats(
    min_value=0, max_value=1e6, allow_nan=False).map(lambda x: f"{x:.2f}")
_PUBLISHED = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31)]))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(_WORDS | _NUMBERS, max_size=70).map(" ".join)), _PUBLISHED)
def test_random_text_codes_with_ordered_whole_counts_and_exact_spans(text, published):
    if not text.strip():
        return
    coding = _code(text, published)
    report = coding.reports["r"]
    for row in coding.annotations.itertuples():
        assert report.text[row.start:row.end] == row.text
    for row in coding.casualties.itertuples():
        assert report.text[row.start:row.end] == row.text
        if math.isnan(row.count_best):
            continue  # unknown, never 0
        assert row.count_best == int(row.count_best)
        assert 0 <= row.count_low <= row.count_best
        assert math.isnan(row.count_high) or row.count_best <= row.count_high
    ev = coding.events
    assert (ev.fatalities_low.fillna(0) <= ev.fatalities_best.fillna(0)).all()


def test_a_report_longer_than_any_news_report_is_refused_in_one_line():
    text = "Five soldiers were killed in Homs on Monday. " * 8000  # 360,000 characters less the last space
    with pytest.raises(ck.InputError, match=r"report big: 359,999 characters .* split it"):
        ck.code_report(ck.report_from_text(text, id="big"))
    coding = ck.code_reports([ck.report_from_text(text, id="big"), ck.report_from_text(text[:450], id="ok")],
                             progress=False)
    assert coding.rejects.id.tolist() == ["big"]  # refused, not lost: a reject with its reason
    assert "split it" in coding.rejects.reason.iloc[0]
    assert coding.events.report_id.tolist() == ["ok"]


def test_claims_of_one_sentence_with_different_outcomes_are_one_event():
    ev = _code("Five soldiers were killed and three were wounded in Homs. Two civilians died in Hama.").events
    assert sorted(ev.fatalities_best.tolist()) == [2, 5]
    assert ev.injured_best.fillna(0).sum() == 3
