"""Casualty tables: known answers on the sample report, invariants, bad input."""

import datetime as dt
import math
import re

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
    claims = ck.analysis.supporting_claims(coding, by="side", side="Syrian government", outcome="killed")
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
    html = ck.analysis.style_casualty_table(t, caption="Killed by side").to_html()
    assert "not reported" in html and "font-weight: bold" in html and "Killed by side" in html


def test_csv_export_neutralises_formulas(tmp_path):
    t = pd.DataFrame({"side": ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "IS"], "killed_best": [1, 2, 3, 4, 5]})
    text = ck.export_table(t, tmp_path / "t.csv").read_text()
    rows = text.splitlines()[1:]
    assert [r.split(",")[0] for r in rows[1:4]] == ["'+1", "'-2", "'@SUM(A1)"]
    assert rows[0].startswith("\"'=HYPERLINK") and rows[4].startswith("IS,")


_SPECIALS = "&$%_#{}\\~^"


def test_latex_export_escapes_cells_and_headers(tmp_path):
    t = pd.DataFrame({"side_1 & 2": ["A&B", "50%", "$x$", "#1", "{y}", r"\input{/etc/passwd}", "a~b^c"],
                      "killed_best": [1, 2, 3, 4, 5, 6, 7]})
    tex = ck.export_table(t, tmp_path / "t.tex", notes="Source: 100% of A&B_C").read_text()
    body = tex.split("\\midrule", 1)[1].split("\\bottomrule", 1)[0].strip().splitlines()
    assert body == [r"A\&B & 1 \\", r"50\% & 2 \\", r"\$x\$ & 3 \\", r"\#1 & 4 \\", r"\{y\} & 5 \\",
                    r"\textbackslash{}input\{/etc/passwd\} & 6 \\", r"a\textasciitilde{}b\textasciicircum{}c & 7 \\"]
    assert r"side\_1 \& 2 & killed\_best \\" in tex and r"100\% of A\&B\_C" in tex


_LATEX_TOKENS = re.compile(r"\\textbackslash\{\}|\\textasciitilde\{\}|\\textasciicircum\{\}|\\[&$%_#{}]|[^\\&$%_#{}~^]")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_SPECIALS) + ["a", " ", "é", "1"]), max_size=30))
def test_latex_escape_round_trips(text):
    from conflictkit.analysis.tables import _latex_escape

    escaped = _latex_escape(text)
    tokens = _LATEX_TOKENS.findall(escaped)
    assert "".join(tokens) == escaped  # nothing special left bare
    back = {r"\textbackslash{}": "\\", r"\textasciitilde{}": "~", r"\textasciicircum{}": "^"}
    assert "".join(back.get(t, t[-1] if t.startswith("\\") else t) for t in tokens) == text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab|\\ \n-")), max_size=8), min_size=1, max_size=4))
def test_markdown_export_keeps_one_cell_per_column(tmp_path_factory, cells):
    t = pd.DataFrame({"sid|e": cells, "killed_best": range(len(cells))})
    md = ck.export_table(t, tmp_path_factory.mktemp("md") / "t.md").read_text()
    lines = md.rstrip("\n").splitlines()
    assert len(lines) == len(cells) + 2
    for line in lines:
        assert len(re.findall(r"(?<!\\)\|", line)) == 3, line


@pytest.mark.parametrize("value", [" =1+1", "\n=1+1", "\t=1", "\r=1", "  @SUM(A1)", " -2", "\r\n+1"])
def test_spreadsheet_guard_sees_through_leading_whitespace(value):
    guarded = ck.analysis.safe_for_spreadsheet(pd.DataFrame({"x": [value, "a=b"]})).x.tolist()
    assert guarded == ["'" + value, "a=b"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("=+-@ \t\r\na1")), max_size=8))
def test_spreadsheet_guard_is_a_prefix_or_nothing(value):
    [guarded] = ck.analysis.safe_for_spreadsheet(pd.DataFrame({"x": [value]})).x.tolist()
    risky = value.lstrip(" \t\r\n")[:1] in ("=", "+", "-", "@") or value[:1] in ("\t", "\r")
    assert guarded == ("'" + value if risky else value)


def test_styled_table_escapes_html():
    t = pd.DataFrame({"report_id": ["<script>alert(1)</script>", "Total"], "killed_low": [1, 1],
                      "killed_best": [1, 1], "killed_high": [1, 1]})
    html = ck.analysis.style_casualty_table(t, caption="<b>caption</b>").to_html()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>caption</b>" not in html and "&lt;b&gt;caption&lt;/b&gt;" in html


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
    good, rejects = ck.analysis.validate_events(bad)
    assert good.event_id.tolist() == ["a"] and len(good) + len(rejects) == len(bad)
    assert dict(zip(rejects.event_id, rejects.reason)) == {
        "b": "fatalities_low is negative", "c": "low > best", "d": "fatalities_best is not a number"}


def test_two_sources_for_one_clash_give_a_range_never_a_sum():
    sana = ck.load_report("Clashes in Saraqeb\n\nOn 3 May 2020, 20 terrorists were killed in clashes in the town "
                          "of Saraqeb in Idlib, SANA said.\n", id="sana", published=dt.date(2020, 5, 4))
    sohr = ck.load_report("Fighting in Saraqeb\n\nOn 3 May 2020, 28 fighters were killed in clashes in the town "
                          "of Saraqeb in Idlib, the Syrian Observatory for Human Rights said.\n", id="sohr",
                          published=dt.date(2020, 5, 5))
    both = ck.code_reports([sana, sohr], progress=False)
    t = ck.casualty_table(both, by="admin1", totals=False)
    row = _row(t, admin1="SY-ID")
    assert (row.killed_low, row.killed_best, row.killed_high) == (20, 28, 28)
    units = ck.analysis.casualty_units(both)
    assert set(units.date.astype(str)) == {"2020-05-03"}  # the event's date, not the reports'
