"""Scoring against gold (conflictkit.analysis.evaluation): ACLED-style events, and the
casualty counts of every dev set (gold loading, coding, scoring)."""

import math

import pandas as pd
import pytest
from conftest import shared_file

from conflictkit.analysis import evaluation as ev
from conflictkit.analysis.evaluation import (
    GOLD_COLUMNS,
    GOLD_SETS,
    code_gold,
    count_scores,
    load_gold,
    naive_counts,
)


@pytest.mark.parametrize("old, inter1, inter2, new", [
    ("Riots/Protests", "6", "0", ("Protests", "Peaceful protest")),
    ("Riots/Protests", "6", "1", ("Protests", "")),          # police present: intervention or force
    ("Riots/Protests", "1", "5", ("Riots", "")),
    ("Riots/Protests", "5", "0", ("Riots", "Violent demonstration")),
    ("Remote violence", "2", "1", ("Explosions/Remote violence", "")),
    ("Battle-Non-state actor overtakes territory", "2", "1", ("Battles", "Non-state actor overtakes territory")),
    ("Headquarters or base established", "2", "0", ("Strategic developments", "Headquarters or base established")),
])
def test_legacy_types_map_to_todays(old, inter1, inter2, new):
    assert ev.acled_legacy_type(old, inter1, inter2) == new


def test_unknown_legacy_type_is_an_error():
    with pytest.raises(ValueError, match="Remote Violence"):
        ev.acled_legacy_type("Remote Violence")


@pytest.mark.parametrize("text, stated", [
    ("On 17 November 2021, protesters gathered", True),
    ("On November 17, 2021 protesters gathered", True),
    ("On the 17th of Nov. protesters gathered", True),
    ("On 7 November 2021, protesters gathered", False),
    ("Protesters gathered on Wednesday", False),
    ("Protesters gathered in the morning of 17/11.", True),  # day first, in figures
    ("Protesters gathered on 17/11/2021 in Kano.", True),
    ("Protesters gathered on 17/12.", False),
])
def test_states_date(text, stated):
    assert ev.states_date(text, pd.Timestamp("2021-11-17")) is stated


def test_day_and_month_scores_a_date_of_unknown_year():
    day = pd.Timestamp("2016-03-12")
    assert ev._same_day_and_month(pd.NaT, "--03-12", day)
    assert ev._same_day_and_month(pd.Timestamp("2015-03-12"), "2015-03-12", day)  # the year is not scored
    assert not ev._same_day_and_month(pd.NaT, "--12-03", day)
    assert not ev._same_day_and_month(pd.NaT, "", day)


@pytest.mark.parametrize("coded, gold, exact, relaxed", [
    ("Protesters (Ghana)", "Protesters (Ghana)", True, True),
    ("Protesters (Ghana)", "Protesters (Togo)", False, True),  # the relaxed match drops the country
    ("Syrian Democratic Forces", "QSD: Syrian Democratic Forces", False, True),
    ("Military Forces of Kenya (2013-)", "Police Forces of Kenya (2013-)", False, False),
    ("", "", True, True),
    ("Civilians (Kenya)", "", False, False),
])
def test_actor_matches(coded, gold, exact, relaxed):
    assert ev.actor_matches(coded, gold) is exact
    assert ev.actor_matches(coded, gold, relaxed=True) is relaxed


@pytest.mark.parametrize("code, name, gold, country, ok", [
    ("SY-ID", "Idlib", "Idleb", "Syria", True),
    ("", "Lower Shabeelle", "Shabeellaha Hoose", "Somalia", False),
    ("SO-SH", "", "Shabeellaha Hoose", "Somalia", True),
    ("NG-BO", "", "Borno", "Nigeria", True),
    ("NG-YO", "", "Borno", "Nigeria", False),
    ("SY-ID", "Idlib", "", "Syria", False),
])
def test_admin1_matches(code, name, gold, country, ok):
    assert ev.admin1_matches(code, name, gold, country) is ok


def _coded(**cols):
    base = dict(id=["a", "b"], text=["On 2 June 2023 protesters marched.", "Clashes."], country=["Syria"] * 2,
                date=pd.to_datetime(["2023-06-02", "2023-06-03"]), admin1=["Idleb", "Aleppo"],
                actor1=["Protesters (Syria)", "Military Forces of Syria (2000-)"], actor2=["", "Islamic State (Syria)"],
                event_type=["Protests", "Battles"], sub_event_type=["Peaceful protest", ""], n_events=[1, 0],
                coded_event_type=["Protests", ""], coded_sub_event_type=["Peaceful protest", ""],
                coded_date=pd.to_datetime(["2023-06-02", None]), coded_admin1=["SY-ID", ""],
                coded_admin1_name=["Idlib", ""], coded_country=["SY", ""],
                coded_actor1=["Protesters (Syria)", ""], coded_actor2=["", ""])
    base.update(cols)
    return pd.DataFrame(base)


def test_event_scores_count_a_note_without_event_as_wrong():
    scores = ev.event_scores(_coded()).set_index("metric")
    assert scores.loc["reports with an ACLED event that yield >=1 event", "value"] == 0.5
    assert scores.loc["event type", "value"] == 0.5
    assert scores.loc["sub-event type", ["value", "n"]].tolist() == [1.0, 1]  # the "" gold is not scored
    assert scores.loc["date", "value"] == 0.5
    assert scores.loc["date, where the text states it", ["value", "n"]].tolist() == [1.0, 1]
    assert scores.loc["day and month, where the text states them", ["value", "n"]].tolist() == [1.0, 1]
    assert scores.loc["admin1", "value"] == 0.5
    assert scores.loc["actor2 (exact ACLED name)", "value"] == 0.5  # "" for "" is right


def test_load_event_gold_reads_each_dev_set():
    africa = ev.load_event_gold(shared_file("gold", "acled-africa-2016-dev.csv"))
    syria = ev.load_event_gold(shared_file("gold", "acled-syria-battles-dev.tsv"))
    case = ev.load_event_gold(shared_file("gold", "case2021-event-types-dev.tsv"))
    for gold in (africa, syria, case):
        assert list(gold.columns) == ev.EVENT_GOLD_COLUMNS
    assert len(africa) == 6736 and set(africa["event_type"]) == set(ev.ACLED_EVENT_TYPES)
    assert africa.loc[0, ["date", "admin1", "actor1"]].tolist() == [pd.Timestamp("2015-12-29"), "Batna",
                                                                     "Protesters (Algeria)"]
    assert syria.loc[0, "date"] == pd.Timestamp("2023-06-02") and set(syria["event_type"]) == {"Battles"}
    assert case["date"].isna().all() and (case["sub_event_type"] != "").all()


def test_code_event_gold_takes_each_notes_first_event():
    gold = ev.load_event_gold(shared_file("gold", "acled-syria-battles-dev.tsv")).head(20)
    coded = ev.code_event_gold(gold)
    assert len(coded) == 20 and coded.attrs["seconds"] > 0
    with_event = coded[coded["n_events"] > 0]
    assert (with_event["coded_event_type"] != "").all()
    assert (coded.loc[coded["n_events"] == 0, "coded_event_type"] == "").all()


# --- casualty counts on every dev set ---------------------------------------------

def _gold(*texts, headed=False):
    return pd.DataFrame({"id": [str(i) for i in range(len(texts))], "text": list(texts),
                         "headed": headed, "published": [None] * len(texts)})


def test_naive_counts_sums_numbers_before_the_outcome_word():
    assert naive_counts("Three people were killed and 2 killed later; 4 were badly injured.") == \
        {"killed": 5, "injured": 4}


def test_count_scores_exact_nonzero_within_and_sums():
    f = pd.DataFrame({"gold_killed": [0.0, 3, 5, 10, None], "gold_low": [0.0, 3, 5, 8, None],
                      "gold_high": [0.0, 3, 5, 12, None], "coded": [1, 3, 4, 9, 7]})
    s = count_scores(f, f["coded"])
    assert (s["rows"], s["nonzero_rows"]) == (4, 3)
    assert s["exact"] == 0.25 and s["exact_nonzero"] == pytest.approx(1 / 3)
    assert s["within"] == 0.5  # 3 and 9 (in 8-12)
    assert (s["coded_sum"], s["gold_sum"]) == (17, 18)


def test_count_scores_without_gold_is_nan():
    s = count_scores(pd.DataFrame({"gold_injured": [None, None]}), [1, 2], "injured")
    assert s["rows"] == 0 and math.isnan(s["exact"]) and math.isnan(s["sum_ratio"])


def test_code_gold_reads_best_acled_and_naive_per_text():
    coded = code_gold(_gold("At least 28 fighters were killed, 13 soldiers and 15 militants.",
                            "Clashes took place; regime soldiers were killed.",
                            "Nothing happened."))
    assert coded["coded_killed"].tolist() == [28, 1, 0]  # a claim without a number counts one
    assert coded["coded_acled"].tolist() == [28, 3, 0]  # ACLED's default for deaths without a number
    assert coded["naive_killed"].tolist() == [28, 0, 0]


def test_code_gold_acled_figure_without_a_counted_claim():
    coded = code_gold(_gold("Clashes took place in Idlib. Unknown fatalities coded as 10."))
    assert coded[["coded_killed", "coded_acled"]].values.tolist() == [[0, 10]]


def test_load_gold_rejects_unknown_names():
    with pytest.raises(ValueError, match="unknown gold set"):
        load_gold("nope", ".")


@pytest.mark.parametrize("name, rows", [("acled-syria", 7083), ("wad", 1145), ("acled-africa", 6736),
                                        ("gva", 2506)])
def test_load_gold_reads_each_dev_set(name, rows):
    path = shared_file(*GOLD_SETS[name][0].split("/"))
    gold = load_gold(name, path.parents[1])
    assert list(gold.columns) == GOLD_COLUMNS and len(gold) == rows
    assert gold["text"].str.len().gt(0).all() and gold["published"].notna().all()
    if name == "wad":  # blank injured is not reported, never 0
        assert gold["gold_injured"].isna().sum() > 400 and (gold["gold_injured"] == 0).sum() > 200


def test_load_gold_ucdp_keeps_the_range():
    path = shared_file("ucdp", "ged_syria_652.1601.1911.csv")
    gold = load_gold("ucdp-headlines", path.parents[1])
    assert len(gold) == 16566
    ordered = (gold["gold_low"] <= gold["gold_killed"]) & (gold["gold_killed"] <= gold["gold_high"])
    assert ordered.sum() == 16566 - 101  # GED's own 101 rows with best outside low-high are kept as read


@pytest.mark.parametrize("code, gold, country, ok", [
    ("SD-DN", "Darfur", "Sudan", True), ("SD-DW", "Darfur", "Sudan", True),  # today's states in old Darfur
    ("SD-KH", "Darfur", "Sudan", False), ("SD-KS", "Kordofan", "Sudan", True),
    ("EG-SIN", "North Sinai", "Egypt", True), ("EG-JS", "North Sinai", "Egypt", False),
    ("LY-BA", "Al Hizam Al Akhdar", "Libya", True), ("CD-IT", "Orientale", "Democratic Republic of Congo", True),
    ("CD-NK", "Orientale", "Democratic Republic of Congo", False)])
def test_admin1_matches_acled_old_and_english_unit_names(code, gold, country, ok):
    assert ev.admin1_matches(code, "", gold, country) is ok


def test_code_gold_shares_a_note_copied_onto_several_events():
    text = "Militants attacked three villages, killing 29 people."
    gold = _gold(text, text, text, "Clashes took place. Heavy casualties.", "Clashes took place. Heavy casualties.")
    shared = code_gold(gold, shared_notes=True)
    assert shared["coded_acled"].tolist() == [10, 10, 9, 10, 10]
    assert shared["coded_killed"].tolist()[:3] == [29] * 3  # the text's reading stays the note's
    assert code_gold(gold)["coded_acled"].tolist()[:3] == [29] * 3


def test_load_gold_ucdp_puts_each_sources_headline_on_its_line():
    path = shared_file("ucdp", "ged_syria_652.1601.1911.csv")
    gold = load_gold("ucdp-headlines", path.parents[1])
    raw = pd.read_csv(path, usecols=["source_headline"], dtype=str)["source_headline"].fillna("")
    several = raw.str.contains(r";\S")
    assert several.sum() > 1000 and not gold["text"][several].str.contains(r";\S").any()
    assert (gold["text"].str.count("\n") == raw.str.count("\n") + raw.str.count(r";\S")).all()
    assert gold["text"].str.contains("; ").sum() == raw.str.contains("; ").sum()  # a ';' inside a headline stays
