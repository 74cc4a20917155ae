"""The event stages alone: grouping reconciled claims, writing event rows."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit.coding.attribution import attribute_claims, report_context
from conflictkit.coding.casualties import Claim
from conflictkit.coding.coder import reconcile
from conflictkit.coding.counts import Count
from conflictkit.coding.events import (
    ACLED_UNKNOWN_FATALITIES, CodedClaim, _roots, event_row, group_events,
)
from conflictkit.coding.extraction import extract


def _claim(sentence, outcome="killed", role="standalone", total_of=-1, repeat_of=-1):
    return Claim(0, 1, outcome, Count(1, 1, 1, 1), sentence=sentence, role=role, total_of=total_of,
                 repeat_of=repeat_of)


def test_union_find_roots_are_the_smallest_member():
    assert _roots(6, [(5, 2), (2, 4), (1, 3)]) == [0, 1, 2, 1, 2, 2]
    assert _roots(3, []) == [0, 1, 2]


def test_parts_repeats_and_outcomes_of_a_sentence_join_one_event():
    claims = [_claim(0, role="total"), _claim(1, role="part", total_of=0), _claim(2),
              _claim(2, "injured"), _claim(3, role="repeat", repeat_of=2), _claim(4)]
    assert group_events(claims) == [[0, 1], [2, 3, 4], [5]]


def test_same_outcome_in_one_sentence_is_two_events_and_cumulative_none():
    claims = [_claim(0), _claim(0), _claim(1, role="cumulative")]
    assert group_events(claims) == [[0], [1]]


def _coded(text, published="2020-09-22"):
    return _stages(ck.report_from_text(text, published=published))


def _stages(report):
    lex = ck.coding.default_lexicon()
    found = extract(report, lex)
    ctx = report_context(report, found, lex)
    attributions = attribute_claims(found.claims, ctx)
    claims = reconcile(found.claims, attributions)
    coded = [CodedClaim(k, f"r:c{k + 1}", c, a) for k, (c, a) in enumerate(zip(claims, attributions))]
    return ctx, claims, coded


def test_event_row_of_the_sample_report(sample_report):
    ctx, claims, coded = _stages(sample_report)
    rows = [event_row(ctx, f"e{n}", [coded[k] for k in m]) for n, m in enumerate(group_events(claims))]
    raqqa = next(r for r in rows if r["fatalities_best"] == 28)
    assert raqqa["admin1"] == "SY-RA" and raqqa["date_precision"] == "day"
    assert {raqqa["actor1"], raqqa["actor2"]} >= {"Islamic State (Syria)"}
    assert raqqa["event_type"] == "Battles"


def test_event_without_a_number_codes_acled_default_and_a_note():
    ctx, claims, coded = _coded("Regime troops were killed and injured in rebel strikes on Saraqeb on Monday.")
    (members,) = group_events(claims)
    row = event_row(ctx, "e1", [coded[k] for k in members])
    assert math.isnan(row["fatalities_best"]) and row["fatalities_acled"] == ACLED_UNKNOWN_FATALITIES
    assert "casualties reported without a number" in row["notes"]
    assert row["date_precision"] == "day"


def test_event_without_a_date_uses_the_publication_date():
    ctx, claims, coded = _coded("Two soldiers were killed in Homs.")
    row = event_row(ctx, "e1", [coded[0]])
    assert row["date_precision"] == "publication" and str(row["event_date"]) == "2020-09-22"
    assert row["fatalities_best"] == 2 and math.isnan(row["injured_best"])  # injured not reported: unknown
    assert row["geo_precision"] == 1 and row["location"] == "Homs"


def test_a_printed_dateline_beats_the_date_column_and_the_event_says_so():
    r = ck.report_from_text("Wed 05 Apr 2017 Two soldiers were killed in Homs on Monday.", published="2017-04-07")
    ev = ck.code_report(r).events.iloc[0]
    assert str(ev.date_start) == "2017-04-03"  # the Monday before the dateline, not before the column's Friday
    assert "dateline 2017-04-05 differs from the date given (2017-04-07)" in ev.notes


def test_sample_report_sunday_air_strikes_and_the_march_ceasefire(sample_report):
    ev = ck.code_report(sample_report).events
    strikes = ev[ev.sub_event_type == "Air/drone strike"]
    assert [str(d) for d in strikes.date_start] == ["2020-09-20"]  # "one day after" Monday night
    deal = ev[ev.sub_event_type == "Agreement"].iloc[0]
    assert (str(deal.date_start), str(deal.date_end), deal.date_precision) == ("2020-03-01", "2020-03-31", "month")


def test_an_event_takes_the_date_nearest_its_cue():
    r = ck.report_from_text("The war displaced 5,000 people in 2019, and the two sides agreed a ceasefire in May.",
                            published="2020-09-22")
    ev = ck.code_report(r).events
    assert (str(ev.date_start.iloc[0]), ev.date_precision.iloc[0]) == ("2020-05-01", "month")


def test_a_day_and_month_without_year_or_publication_date():
    """Without a year in the text and no publication date the event keeps its
    day and month ("--03-12") and invents no year; with one, it is dated."""
    text = "On 12 March, gunmen attacked a village near Kano, killing three farmers."
    ev = ck.code_report(ck.report_from_text(text, find_header=False)).events.iloc[0]
    assert (ev.event_date, ev.date_precision, ev.date_iso) == (None, "day", "--03-12")
    assert "no year given" in ev.notes
    ev = ck.code_report(ck.report_from_text(text, find_header=False, published="2016-03-14")).events.iloc[0]
    assert (str(ev.event_date), ev.date_iso) == ("2016-03-12", "2016-03-12")


@pytest.mark.parametrize("text", [
    "Militias erected a road-block near Baidoa on 11/03. The fighting lasted an hour. Two men were killed.",
    "On 11 March protesters blocked the main road in Kano. Police fired tear gas. Five were injured.",
])
def test_an_event_takes_the_date_told_before_it_in_its_paragraph(text):
    ev = ck.code_report(ck.report_from_text(text, find_header=False, published="2016-03-14")).events
    assert "2016-03-11" in set(ev.date_iso) and "publication" not in set(ev.date_precision)


# ---------------------------------------------------------------------------
# group_events against the form it replaced (its links made pair by pair, then _roots)

def _old_event_links(claims):
    from conflictkit.coding.casualties import CONTEXT_ROLES

    for k, c in enumerate(claims):
        if c.total_of >= 0:
            yield k, c.total_of
        if c.repeat_of >= 0:
            yield k, c.repeat_of
    by_sentence = {}
    for k, c in enumerate(claims):
        by_sentence.setdefault(c.sentence, []).append(k)
    for ks in by_sentence.values():
        for i, a in enumerate(ks):
            yield from ((a, b) for b in ks[i + 1:] if claims[a].outcome != claims[b].outcome)
    for r in (k for k, c in enumerate(claims) if c.role == "convention"):
        yield from ((r, k) for k, c in enumerate(claims)
                    if c.outcome == "killed" and c.role not in CONTEXT_ROLES)


def _old_group_events(claims):
    from conflictkit.coding.casualties import CONTEXT_ROLES

    roots = _roots(len(claims), list(_old_event_links(claims)))
    groups = {}
    for k, c in enumerate(claims):
        if c.role not in CONTEXT_ROLES or c.role == "convention":
            groups.setdefault(roots[k], []).append(k)
    return [members for _, members in sorted(groups.items())]


@st.composite
def _linked_claims(draw):
    n = draw(st.integers(0, 9))
    out = []
    for k in range(n):
        out.append(_claim(draw(st.integers(0, 3)), draw(st.sampled_from(["killed", "injured", "displaced"])),
                          draw(st.sampled_from(["standalone", "total", "part", "repeat", "cumulative", "roundup",
                                                "implausible", "convention"])),
                          draw(st.integers(-1, n - 1)) if draw(st.booleans()) else -1,
                          draw(st.integers(-1, n - 1)) if draw(st.booleans()) else -1))
    return out


@given(_linked_claims())
@settings(max_examples=600, deadline=None)
def test_group_events_as_before(claims):
    assert group_events(claims) == _old_group_events(claims)


def test_group_events_as_before_in_real_news(fakes_path):
    from unittest import mock

    from conflictkit.coding import coder

    reports, _ = ck.load_reports(fakes_path)
    seen = []

    def both(claims):
        got = group_events(claims)
        assert got == _old_group_events(claims)
        seen.append(len(claims))
        return got

    with mock.patch.object(coder, "group_events", both):
        ck.code_reports(reports, progress=False)
    assert len(seen) == len(reports) and sum(seen) > 3000
