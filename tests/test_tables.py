"""Casualty tables: known answers on the sample report, invariants, bad input."""

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

import conflictkit as ck
from conflictkit.errors import InputError


@pytest.fixture(scope="module")
def coding(sample_report):
    return ck.code_report(sample_report)


def _row(table, **keys):
    mask = np.ones(len(table), bool)
    for k, v in keys.items():
        mask &= table[k] == v
    assert mask.sum() == 1, keys
    return table[mask].iloc[0]


def test_sample_report_table_by_place_and_side(coding):
    t = ck.casualty_table(coding, by=["admin1", "side"])
    assert _row(t, admin1="SY-RA", side="Syrian government").killed_best == 13
    assert _row(t, admin1="SY-RA", side="IS").killed_best == 15
    raqqa = t[t.admin1 == "SY-RA"]
    assert raqqa.killed_best.sum() == 28
    russia = _row(t, admin1="SY-DY", side="Russia")
    assert (russia.killed_low, russia.killed_best, russia.killed_high) == (3, 3, 3)
    idlib = _row(t, admin1="SY-ID", side="Syrian government")
    assert math.isnan(idlib.killed_best) and idlib.killed_unreported == 1  # unknown, not 0
    assert math.isnan(idlib.injured_best) and idlib.injured_unreported == 1
    total = _row(t, admin1="Total")
    assert total.killed_best == 31 and math.isnan(total.killed_high)


def test_reconciliation_view(coding):
    r = ck.reconcile(coding)
    raqqa = r[r.total == 28].iloc[0]
    assert raqqa.status == "consistent" and raqqa.parts_sum == 28 and raqqa.difference == 0
    assert "13 Syrian government" in raqqa.parts and "15 IS" in raqqa.parts
    assert set(r[r.total != 28].status) == {"no breakdown"}


def test_provenance_of_a_cell(coding, sample_report):
    claims = ck.supporting_claims(coding, by="side", side="Syrian government", outcome="killed")
    assert "killing 13 members of regime forces" in claims.text.tolist()
    for row in claims.itertuples():
        assert sample_report.text[row.start:row.end] == row.text
        assert row.text in row.sentence


def test_both_conventions_in_columns(coding):
    t = ck.casualty_table(coding, by="admin1")
    assert {"killed_low", "killed_best", "killed_high", "fatalities_acled"} <= set(t.columns)
    assert _row(t, admin1="SY-ID").fatalities_acled == ck.coding.ACLED_UNKNOWN_FATALITIES


def _second_report():
    text = ("IS attacks kill regime troops in Raqqa\n\n"
            "At least 28 fighters were killed in fighting between regime forces and IS in the Badia of "
            "Raqqa province since Monday, the Syrian Observatory for Human Rights said.\n")
    return ck.load_report(text, id="second-outlet", published=dt.date(2020, 9, 22))


def test_a_report_repeating_a_figure_does_not_change_the_total(sample_report):
    one = ck.casualty_table(ck.code_reports([sample_report], progress=False), by="admin1")
    both_coding = ck.code_reports([sample_report, _second_report()], progress=False)
    both = ck.casualty_table(both_coding, by="admin1")
    assert _row(both, admin1="Total").killed_best == _row(one, admin1="Total").killed_best == 31
    comparison = ck.source_comparison(both_coding)
    raqqa = comparison[(comparison.admin1 == "SY-RA") & (comparison.outcome == "killed")].iloc[0]
    assert raqqa.n_sources == 1  # both relay the Observatory: one source, not two
    assert "Syrian Observatory for Human Rights: 28" in raqqa.figures


def test_exports(coding, tmp_path):
    t = ck.casualty_table(coding, by="side")
    notes = "Source: The New Arab, 22 September 2020. Coded by conflictkit."
    csv = ck.export_table(t, tmp_path / "t.csv", notes=notes).read_text()
    assert csv.splitlines()[0].startswith("side,killed_low") and csv.rstrip().endswith(notes)
    md = ck.export_table(t, tmp_path / "t.md", notes=notes).read_text()
    assert md.startswith("| side") and notes in md
    tex = ck.export_table(t, tmp_path / "t.tex", notes=notes).read_text()
    assert "\\begin{tabular}" in tex and "Coded by conflictkit" in tex
    html = ck.style_casualty_table(t, caption="Killed by side").to_html()
    assert "not reported" in html and "font-weight: bold" in html and "Killed by side" in html


def test_csv_export_neutralises_formulas(tmp_path):
    t = pd.DataFrame({"side": ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "IS"], "killed_best": [1, 2, 3, 4, 5]})
    text = ck.export_table(t, tmp_path / "t.csv").read_text()
    rows = text.splitlines()[1:]
    assert [r.split(",")[0] for r in rows[1:4]] == ["'+1", "'-2", "'@SUM(A1)"]
    assert rows[0].startswith("\"'=HYPERLINK") and rows[4].startswith("IS,")


# --- invariants on events tables -------------------------------------------------

_events = st.lists(
    st.tuples(st.sampled_from(["SY-RA", "SY-ID", "SY-DY"]), st.integers(0, 50), st.integers(0, 20),
              st.one_of(st.none(), st.integers(0, 30))),
    min_size=1, max_size=25,
).map(lambda rows: pd.DataFrame(
    [dict(event_id=f"e{i}", admin1=a, fatalities_low=lo, fatalities_best=lo + d,
          fatalities_high=(np.nan if h is None else lo + d + h)) for i, (a, lo, d, h) in enumerate(rows)]))


@settings(max_examples=60, deadline=None)
@given(_events, st.randoms(use_true_random=False))
def test_total_is_sum_of_rows_and_order_invariant(events, rnd):
    t = ck.casualty_table(events, by="admin1")
    body, total = t[t.admin1 != "Total"], t[t.admin1 == "Total"].iloc[0]
    assert total.killed_best == body.killed_best.sum() == events.fatalities_best.sum()
    assert total.killed_low == events.fatalities_low.sum()
    if events.fatalities_high.isna().any():
        assert math.isnan(total.killed_high)
    else:
        assert total.killed_high == events.fatalities_high.sum()
    shuffled = events.sample(frac=1, random_state=rnd.randint(0, 10**6))
    assert ck.casualty_table(shuffled, by="admin1").equals(t)


def test_bad_events_tables():
    with pytest.raises(InputError, match="missing required columns: fatalities_high"):
        ck.casualty_table(pd.DataFrame({"event_id": [1], "fatalities_low": [1], "fatalities_best": [1]}), by="event_id")
    bad = pd.DataFrame({"event_id": ["a", "b", "c", "d"], "admin1": ["X"] * 4,
                        "fatalities_low": [1, -1, 5, 1], "fatalities_best": [2, 1, 3, "many"],
                        "fatalities_high": [3, 1, 4, 2]})
    with pytest.raises(InputError, match=r"3 bad rows \(event_id b, c, d\)"):
        ck.casualty_table(bad, by="admin1")
    good, rejects = ck.validate_events(bad)
    assert good.event_id.tolist() == ["a"] and len(good) + len(rejects) == len(bad)
    assert dict(zip(rejects.event_id, rejects.reason)) == {
        "b": "fatalities_low is negative", "c": "low > best", "d": "fatalities_best is not a number"}
