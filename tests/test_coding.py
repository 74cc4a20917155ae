"""Known answers on the sample report, written by hand from its text, and
invariants of the coder on any text."""

import datetime as dt
import math

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import conflictkit as ck
from conflictkit.coding.counts import parse_count
from conflictkit.coding.dates import find_dates
from conflictkit.io.reports import REJECT_COLUMNS


@pytest.fixture(scope="module")
def coding(sample_report):
    return ck.code_report(sample_report)


def _claims(coding, text):
    cas = coding.casualties
    return cas[cas.text.str.contains(text, regex=False)]


# --- the sample report ---------------------------------------------------------

def test_total_and_parts_28_is_13_plus_15(coding):
    cas = coding.casualties
    total = cas[(cas.role == "total") & (cas.outcome == "killed")]
    assert total.count_best.tolist() == [28]
    assert total.qualifier.tolist() == ["at least"]
    assert math.isnan(total.count_high.iloc[0])  # "at least": high is open
    parts = cas[cas.total_id == total.claim_id.iloc[0]]
    assert sorted(parts.count_best) == [13, 15]
    assert set(parts.victim_side) == {"Syrian government", "IS"}
    assert set(parts.part_kind) == {"breakdown"}


def test_repeated_figures_count_once(coding):
    cas = coding.casualties
    raqqa = cas[(cas.admin1 == "SY-RA") & (cas.outcome == "killed")]
    assert raqqa[raqqa.counted].count_best.sum() == 28  # never 56, never 28 + 24
    headline = _claims(coding, "Dozens dead")
    assert headline.role.tolist() == ["repeat"] and headline.count_low.tolist() == [24]
    lead = _claims(coding, "killed at least 28 fighters")
    assert lead.role.tolist() == ["repeat"]


def test_compound_victims_general_and_two_soldiers(coding):
    c = _claims(coding, "a general and two other soldiers")
    assert c.count_best.tolist() == [3]
    assert c.victim_actor.tolist() == ["Military Forces of Russia"]
    assert c.admin1.tolist() == ["SY-DY"]
    assert c.date_start.tolist() == [dt.date(2020, 8, 1)] and c.date_end.tolist() == [dt.date(2020, 8, 31)]


def test_unreported_numbers_are_unknown_not_zero(coding):
    c = _claims(coding, "regime troops had been killed and injured")
    assert sorted(c.outcome) == ["injured", "killed"]
    assert c.count_best.isna().all()
    assert c.victim_side.tolist() == ["Syrian government"] * 2
    assert set(c.admin1) == {"SY-ID"}


def test_counts_that_are_not_casualties(coding):
    texts = " ".join(coding.casualties.text)
    for phrase in ("observation posts", "3 min", "M4", "two hotspots", "2018 deal"):
        assert phrase not in texts
    numbers = set(coding.casualties.count_best.dropna())
    assert numbers <= {24, 28, 13, 15, 1, 3, 1_000_000}


def test_displacement_over_a_million(coding):
    c = coding.casualties[coding.casualties.outcome == "displaced"]
    assert c.count_low.tolist() == [1_000_000] and math.isnan(c.count_high.iloc[0])


def test_sources_originator_and_relay(coding):
    thirteen = _claims(coding, "killing 13 members")
    assert thirteen.source.tolist() == ["Syrian Observatory for Human Rights"]
    fifteen = _claims(coding, "killing 15 jihadists")
    assert fifteen.source.tolist() == ["Syrian Observatory for Human Rights"]
    assert fifteen.relay.tolist() == ["Agence France-Presse"]
    lead = _claims(coding, "killed at least 28 fighters")  # "a war monitor said" = SOHR, named later
    assert lead.source.tolist() == ["Syrian Observatory for Human Rights"]
    idlib = _claims(coding, "regime troops had been killed")
    assert set(idlib.source) == {"An NLF source"} and set(idlib.relay) == {"The New Arab"}


def test_relative_dates_resolved_against_publication(coding):
    d = coding.annotations[coding.annotations.label == "date"].set_index("text")
    assert d.loc["since Monday", "value"] == "2020-09-21/2020-09-22"
    assert d.loc["on Monday night", "value"] == "2020-09-21"
    assert d.loc["one day after", "value"] == "2020-09-20"  # a day before Monday night
    assert d.loc["In August", "value"] == "2020-08-01/2020-08-31"
    assert "statement" in d.loc["on Tuesday", "detail"]


def test_places_and_actors(coding):
    ann = coding.annotations
    places = ann[ann.label == "place"]
    saraqeb = places[places.text == "Saraqeb"].iloc[0]
    assert saraqeb.value == "Saraqib" and "admin1=SY-ID" in saraqeb.detail
    assert "admin1=SY-ID" in places[places.text == "Kafranbel"].iloc[0].detail
    assert "region" in places[places.text == "Jabal Al-Zawiya"].iloc[0].detail
    deir = places[places.text == "Deir az-Zour"].iloc[0]
    assert deir.value == "Deir ez-Zor" and "near town" in deir.detail
    raqqa = places[(places.text == "Raqqa")].detail.tolist()
    assert any("governorate; admin1=SY-RA" in d for d in raqqa)  # "the northern province of Raqqa"
    actors = ann[ann.label == "actor"]
    assert set(actors[actors.text == "jihadists"].value) == {"Islamic State (Syria)"}
    assert "HTS: Hayat Tahrir al Sham" in set(actors.value)  # ACLED's name
    assert not (actors.text == "fighters").any()  # generic: unresolved, not guessed


def test_events(coding):
    ev = coding.events.set_index("admin1")
    raqqa = ev.loc["SY-RA"]
    assert (raqqa.fatalities_low, raqqa.fatalities_best, raqqa.fatalities_acled) == (28, 28, 28)
    assert math.isnan(raqqa.fatalities_high)
    assert {raqqa.actor1, raqqa.actor2} == {"Islamic State (Syria)", "Military Forces of Syria (2000-)"}
    assert raqqa.event_type == "Battles"
    assert (raqqa.date_start, raqqa.date_end) == (dt.date(2020, 9, 21), dt.date(2020, 9, 22))
    deir = ev.loc["SY-DY"]
    assert deir.fatalities_best == 3 and deir.date_precision == "month" and deir.geo_precision == 2
    assert {deir.actor1, deir.actor2} == {"Islamic State (Syria)", "Military Forces of Russia (2000-)"}
    idlib = coding.events[coding.events.notes.str.contains("without a number")].iloc[0]
    assert idlib.admin1 == "SY-ID" and math.isnan(idlib.fatalities_best)
    assert idlib.fatalities_acled == ck.coding.ACLED_UNKNOWN_FATALITIES
    assert idlib.date_start == dt.date(2020, 9, 21)  # Monday night


def test_every_annotation_slices_back(coding, sample_report):
    for row in coding.annotations.itertuples():
        assert sample_report.text[row.start:row.end] == row.text
    for row in coding.casualties.itertuples():
        assert sample_report.text[row.start:row.end] == row.text


# --- numbers and dates ----------------------------------------------------------

@pytest.mark.parametrize("number, qualifier, expected", [
    ("28", "at least", (28, 28, math.inf, 28)),
    ("40", "up to", (1, 40, 40, 40)),
    ("30", "nearly", (27, 29, 29, 27)),
    ("dozens", "", (24, 24, 99, 12)),
    ("hundreds", "", (200, 200, 999, 100)),
    ("a dozen", "", (12, 12, 12, 12)),
    ("twenty-three", "", (23, 23, 23, 23)),
    ("1,200", "more than", (1200, 1200, math.inf, 1200)),
    ("a million", "over", (1_000_000, 1_000_000, math.inf, 1_000_000)),
])
def test_parse_count(number, qualifier, expected):
    c = parse_count(number, qualifier)
    high = math.inf if math.isnan(c.high) else c.high
    assert (c.low, c.best, high, c.acled) == expected


def test_relative_dates():
    pub = dt.date(2023, 6, 7)  # a Wednesday
    got = {d.text: (d.date_start, d.date_end, d.precision) for d in find_dates(
        "On 2 June 2023 and last week, then yesterday, in March and on Wednesday.", pub)}
    assert got["On 2 June 2023"[3:]] == (dt.date(2023, 6, 2), dt.date(2023, 6, 2), "day")
    assert got["last week"] == (dt.date(2023, 5, 29), dt.date(2023, 6, 4), "week")
    assert got["yesterday"][0] == dt.date(2023, 6, 6)
    assert got["in March"] == (dt.date(2023, 3, 1), dt.date(2023, 3, 31), "month")
    assert got["on Wednesday"][0] == pub


def test_relative_dates_in_capitals_and_title_case():
    # headlines and all-caps copy: found wherever they stand, not only near another date
    pub = dt.date(2016, 12, 8)
    got = {d.text: d.date_start for d in find_dates("WE SPOKE TONIGHT. Police Shooting Last Night. "
                                                     "THIS YEAR HAS BEEN HARD.", pub)}
    assert got == {"TONIGHT": pub, "Last Night": dt.date(2016, 12, 7), "THIS YEAR": dt.date(2016, 1, 1)}


@pytest.mark.parametrize("text, killed, injured", [
    ("Two people were killed and three others were injured in the attack.", 2, 3),
    ("The blast left five dead and 12 wounded.", 5, 12),
    ("A man was shot dead on Friday.", 1, None),
    ("Four shot, two fatally, in the parade violence.", 2, None),
    ("13 soldiers and 2 civilians were killed.", 15, None),
    ("No one was killed in the strike.", None, None),
    ("Turkey has over 60 observation posts in Idlib.", None, None),
    # how badly: the adverb does not hide the figure
    ("Two civilians were seriously wounded in Idlib.", None, 2),
    ("A soldier was critically injured in Idlib.", None, 1),
    # civilians and soldiers are never parts of each other's figures
    ("Eight civilians were killed and at least 20 militants were killed in the strikes.", 28, None),
    # a number in a dateline is not a count; a count runs on past "including …"
    ("Published September 21 2016 Five medics were killed in Aleppo.", 5, None),
    ("Sun 21 Jul 2016 Dozens of civilians have reportedly been killed.", 24, None),
    ("14 August 2016 Civilian killed in Idlib", 1, None),
    ("At least 11 civilians including three children were killed.", 11, None),
    ("Three people, two of them children, died.", 3, None),
    ("Over 1 000 civilians have been killed.", 1000, None),
    ("Over 1 000 civilians have been killed in the assault since it began.", None, None),  # a running toll
    # one victim, said once: not twice by two patterns
    ("A man killed himself.", 1, None),
    ("The strike killed four medics and a nurse was critically wounded.", 4, 1),
    ("6-year-old girl shot in the head, killed", 1, None),
    ("Police got a 911 call reporting a child had been accidentally shot.", None, None),  # 911 is no count
    # a person named, then killed (one person: "was", not "were")
    ("Abu Omar al-Shami was killed in an air strike on Monday, the monitor said.", 1, None),
    ("Assyrians had been killed in the village.", None, None),
    # a hospital condition is an injury; a part of a figure already given is not added to it
    ("Two Men Critical Following Compton Shooting", None, 2),
    ("Ten people were wounded; five remain in critical condition.", None, 10),
    ("The three critical questions remain.", None, None),  # no people, no "condition": no injury
])
def test_small_texts(text, killed, injured):
    cas = ck.code_report(text).casualties
    counted = cas[cas.counted]
    got_k = counted[counted.outcome == "killed"].count_best.sum() if (counted.outcome == "killed").any() else None
    got_i = counted[counted.outcome == "injured"].count_best.sum() if (counted.outcome == "injured").any() else None
    assert (got_k, got_i) == (killed, injured)


def test_unnumbered_victims_with_an_adverb_stay_unknown():
    cas = ck.code_report("Regime troops were seriously wounded, the monitor said.").casualties
    assert list(cas.outcome) == ["injured"] and math.isnan(cas.count_best.iloc[0])


@pytest.mark.parametrize("text, shot", [
    ("Pleasantville woman shot in foot as she holds baby", 1),  # a headline: passive
    ("Soldier shot, police say", 1),
    ("The boy accidentally shot himself in the hand.", 1),  # his own gun, counted once
    ("Gunman shot two people", 2),  # the gunman is not a victim
    ("Boy, 5, shot in ankle", 1),  # an age between the victim and the verb
    ("4-year-old shot allegedly by 6-year-old brother", 1),
    ("Boy accidentally shot his friend", 1),  # the friend, not the boy
])
def test_people_shot(text, shot):
    cas = ck.code_report(text).casualties
    counted = cas[cas.counted & (cas.outcome == "shot")]
    assert counted.count_best.sum() == shot


@pytest.mark.parametrize("headline, outcome, victim", [
    ("Teen, 17, dead in apparent accidental shooting in Arlington", "killed", "Teen"),
    ("Boy, 3, wounded in accidental shooting, police say", "injured", "Boy"),
    ("Teen shot and killed, police say", "killed", "Teen"),
    ("Man shot and killed in Detroit", "killed", "Man"),
])
def test_bare_headline_victims(headline, outcome, victim):
    cas = ck.code_report(headline).casualties
    assert cas[["outcome", "victim", "count_best"]].values.tolist() == [[outcome, victim, 1]]


@pytest.mark.parametrize("headline", [
    "Myrtle Creek man, 19, shot and killed infant daughter",  # the man acts: he is no victim
    "A 19-year-old man shot and killed his infant daughter",
])
def test_a_bare_subject_with_an_object_is_not_a_victim(headline):
    cas = ck.code_report(headline).casualties
    assert not cas.victim.str.contains("man", case=False).any()


# --- invariants -------------------------------------------------------------------

_words = st.sampled_from(["killed", "at least", "28", "two", "soldiers", "were", "dozens", "dead",
                          "injured", "in", "Raqqa", "IS", "on Monday", "and", ",", ".", "\n", "a man",
                          "regime forces", "wounded", "killing", "15", "jihadists", "\u00a0", "\u201c"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(_words, max_size=60).map(" ".join)))
def test_any_text_codes_without_crash_and_offsets_slice_back(text):
    if not text.strip():
        return
    coding = ck.code_report(text, published=dt.date(2020, 9, 22))
    report = coding.reports["report"]
    for row in coding.annotations.itertuples():
        assert report.text[row.start:row.end] == row.text
    cas = coding.casualties
    assert (cas.sentence >= 0).all()  # every claim knows its sentence
    for outcome, group in cas.groupby("outcome"):
        counted = group[group.counted].count_best.dropna().sum()
        standalone_sum = group[group.role.isin(["standalone", "total", "part", "repeat"])].count_best.dropna().sum()
        assert counted <= standalone_sum
        # each casualty once: the counted figure never exceeds the largest figure times the
        # number of distinct counted claims
        figures = group.count_best.dropna()
        if len(figures):
            assert counted <= figures.max() * max(1, group.counted.sum())


def test_code_reports_keeps_failures_in_rejects(sample_report):
    class Broken:
        id = "broken"
        text = None

    coding = ck.code_reports([sample_report, Broken()], progress=False)
    assert coding.rejects.id.tolist() == ["broken"] and coding.rejects.source.tolist() == ["coder"]
    assert list(coding.rejects.columns) == REJECT_COLUMNS  # one rejects schema everywhere
    assert set(coding.casualties.report_id) == {sample_report.id}


def test_dictionary_matches_across_non_breaking_spaces_and_curly_quotes():
    text = "Raid\n\nA convoy of Turkish\u00a0military vehicles entered Idlib, said Hay\u2019at Tahrir\u00a0al-Sham."
    coding = ck.code_report(text)
    actors = coding.annotations[coding.annotations.label == "actor"]
    assert set(actors.value) == {"Military Forces of Turkey", "HTS: Hayat Tahrir al Sham"}
    for row in actors.itertuples():  # offsets still slice the original characters
        assert coding.reports["report"].text[row.start:row.end] == row.text


def test_country_acronyms_match_as_written():
    # "US" and "UK" are acronyms: "Contact Us" at the foot of a web page is not the United States
    lex = ck.coding.default_lexicon()
    places = [t.text for t in lex.find("US and UK jets struck. Contact Us | Uk office")["place"]]
    assert places == ["US", "UK"]


def test_a_word_added_through_an_overlay_makes_claims(tmp_path):
    from conflictkit.coding.casualties import compile_grammar
    from conflictkit.coding.resources import load_resources

    text = "Five fighters were martyred in the raid. A soldier was martyred, and shelling martyred 3 civilians."
    sentences = [(0, 40), (41, len(text))]
    bundled = compile_grammar()
    assert [c for c in bundled.find_claims(text, sentences) if c.outcome == "killed"] == []
    (tmp_path / "grammar").mkdir()
    (tmp_path / "grammar" / "en.yaml").write_text("outcome_words:\n  killed: [martyred]\nactive_words:\n"
                                                  "  killed: [martyred]\n", encoding="utf-8")
    grammar = compile_grammar(load_resources(tmp_path))
    assert "martyred" in grammar.trigger_words  # no second list to keep in step
    got = [(c.outcome, c.count.best, c.victim) for c in grammar.find_claims(text, sentences)]
    assert got == [("killed", 5, "fighters"), ("killed", 1, "A soldier"), ("killed", 3, "civilians")]


def test_compiled_grammar_pickles_and_module_find_claims_uses_the_bundled_one():
    import pickle

    from conflictkit.coding.casualties import compile_grammar, find_claims

    grammar = pickle.loads(pickle.dumps(compile_grammar()))
    text = "The death toll rose to 40, and 12 people were wounded."
    assert grammar.find_claims(text, [(0, len(text))]) == find_claims(text, [(0, len(text))])
    assert [(c.outcome, c.count.best) for c in find_claims(text, [(0, len(text))])] == [("killed", 40), ("injured", 12)]


def test_a_case_sensitive_overlay_rule_keeps_an_acronym_apart_from_the_word(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "event_rules.tsv").write_text(
        "event_type\tsub_event_type\tweight\tpattern\tcase_sensitive\n"
        "Explosions/Remote violence\tAir/drone strike\t9\t\\bUS\\b[^.]{0,60}\\bstruck\\b\t1\n",
        encoding="utf-8")
    rules = ck.coding.resources.load_resources(folder)
    assert ck.coding.classify_event_type("US aircraft struck the hill overnight.", rules=rules)[2] >= 9
    assert ck.coding.classify_event_type("Villagers told us that aircraft struck the hill.", rules=rules)[2] < 9
