"""Classes of casualty phrasing, each with sentences written for the class
(issue 14): the counts the coder reads from them, with their ranges."""

import math

import pytest

import conflictkit as ck
from conflictkit.coding.counts import parse_count


def _counted(text, outcome="killed"):
    """(low, best, high) summed over the counted claims of ``outcome``; None when none."""
    cas = ck.code_report(ck.report_from_text(text, find_header=False)).casualties
    got = cas[cas.counted & (cas.outcome == outcome)]
    if not len(got):
        return None
    high = got.count_high.sum(min_count=len(got)) if got.count_high.notna().all() else math.inf
    return (got.count_low.sum(), got.count_best.sum(), high)


# --- ranges: low and high with their own best, never a point -------------------------

@pytest.mark.parametrize("text, expected", [
    ("Between 10 and 15 fighters were killed in the ambush.", (10, 12, 15)),
    ("Some 10-15 people were killed when the market was shelled.", (10, 12, 15)),
    ("Two or three policemen were killed at the checkpoint.", (2, 2, 3)),
    ("The raid killed 20 to 30 militants, officials said.", (20, 25, 30)),
    ("Eight \u2013 ten villagers died in the fire.", (8, 9, 10)),
])
def test_a_range_is_low_and_high(text, expected):
    assert _counted(text) == expected


@pytest.mark.parametrize("text, outcome, expected", [
    ("The death toll rose from 19 to 43 on Sunday.", "killed", (43, 43, 43)),  # a change, not a range
    ("Four men were wounded outside the club, all ages 20-27 were hurt.", "injured", (4, 4, 4)),  # ages
    ("Clashes between 2011-2016 killed civilians.", "killed", None),  # years
])
def test_not_a_range(text, outcome, expected):
    assert _counted(text, outcome) == expected


def test_acled_codes_the_low_end_of_a_range():
    c = parse_count("15-17")
    assert (c.low, c.best, c.high, c.acled, c.qualifier) == (15, 16, 17, 15, "range")



# --- apposition: a breakdown inside commas is not a second group ---------------------

@pytest.mark.parametrize("text, best", [
    ("Seven people, four of them children, were killed in the attack.", 7),
    ("Nine soldiers, two of them officers, died in the blast.", 9),
    ("Twelve villagers, among them three women, were killed.", 12),
])
def test_apposition_is_inside_the_count(text, best):
    assert _counted(text)[1] == best


# --- coordination after an active verb ------------------------------------------------

@pytest.mark.parametrize("text, best", [
    ("The strike hit the base, killing 3 soldiers and 2 militants.", 5),
    ("Gunmen killed four policemen and two civilians at the checkpoint.", 6),
    ("The militants killed two teachers and five pupils at the school.", 7),
])
def test_coordinated_objects_of_an_active_verb_add_up(text, best):
    assert _counted(text)[1] == best


# --- one victim without a number -------------------------------------------------------

@pytest.mark.parametrize("text, best", [
    ("Unknown gunmen killed the commander of the local brigade.", 1),
    ("A woman and her two daughters were killed when the shell hit.", 3),
    ("The body of a commander was found near the village.", 1),
    ("Clashes resulted in the killing of a rebel fighter in the town.", 1),
    ("The explosion resulted in the death of a worker at the plant.", 1),
    ("Gunmen shot a police officer in the market, killing him.", 1),
    ("Gunmen assassinated a former militia leader in the town.", 1),
    ("Unidentified gunmen shot and killed a Syrian regime 4th Armored Division member.", 1),
])
def test_one_victim_without_a_number(text, best):
    assert _counted(text)[1] == best


# --- negation --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Nobody was killed in the attack.",
    "None of the passengers were killed.",
    "There were no fatalities.",
])
def test_negated_deaths_are_none(text):
    assert _counted(text) is None


# --- ACLED's coding remarks: fatalities_acled follows them, fatalities_best the text -------

def test_a_coding_remark_sets_acled_only():
    note = ("Clashes took place between regime forces and rebels near Saraqeb in Idlib. Fatalities were "
            "reported on both sides. Unknown fatalities coded as 10.")
    coding = ck.code_report(ck.report_from_text(note, find_header=False))
    (event,) = coding.events.itertuples()
    assert event.fatalities_acled == 10 and math.isnan(event.fatalities_best)
    assert not coding.casualties.counted.any()  # the remark is ACLED's convention, not the text's count


def test_a_remark_overrides_the_text_only_for_acled():
    note = "On 2 May 2020, 3 fighters were killed in Saraqeb. Total fatalities coded to 8, split 4 each."
    (event,) = ck.code_report(ck.report_from_text(note, find_header=False)).events.itertuples()
    assert (event.fatalities_best, event.fatalities_acled) == (3, 4)


def test_injured_not_reported_is_unknown_never_zero():
    (event,) = ck.code_report(ck.report_from_text("Two soldiers were killed in Homs.",
                                                  find_header=False)).events.itertuples()
    assert event.fatalities_best == 2 and math.isnan(event.injured_best)


# --- victims the grammar does not list: any plural noun but things, animals, times ------

@pytest.mark.parametrize("text, best", [
    ("Nine fishermen were killed when their boat was shelled off the coast.", 9),
    ("At least 14 herders have been killed in the raid on the camp.", 14),
    ("Four Yazidis died in the attack on the shrine.", 4),
    ("Eleven traders and porters were killed on the market road.", 11),  # two nouns, one count
    ("Gunmen killed six pilgrims on the highway.", 6),
])
def test_unlisted_plural_victims_are_counted(text, best):
    assert _counted(text)[1] == best


@pytest.mark.parametrize("text, best", [
    ("Three mortar shells killed two shepherds near the border.", 2),  # the shells killed, they did not die
    ("Two armed men wounded a guard and killed four customers.", 4),
    ("The raiders burnt ten huts and killed 30 cattle.", None),  # animals
])
def test_things_and_animals_are_no_victims(text, best):
    got = _counted(text)
    assert (got[1] if got else None) == best


# --- bodies found are deaths --------------------------------------------------------------

@pytest.mark.parametrize("text, best", [
    ("Villagers discovered a pit holding 18 bodies outside the town.", 18),
    ("The remains were identified after 6 corpses were recovered from the river.", 6),
    ("The bodies of four of the abducted herders were found on Monday.", 4),
    ("A body was found in a ditch near the checkpoint.", 1),
])
def test_bodies_found_are_deaths(text, best):
    assert _counted(text)[1] == best


# --- one victim and a number in one phrase ------------------------------------------------

@pytest.mark.parametrize("text, best", [
    ("A local chief and three guards were killed in the ambush.", 4),
    ("One nurse and two patients died when the clinic was hit.", 3),
])
def test_one_and_a_number_add_up(text, best):
    assert _counted(text)[1] == best


# --- context: tolls of a war, a campaign, a period or a past year are never the event ------

@pytest.mark.parametrize("text", [
    "The insurgency, which began a decade ago, has cost the lives of 45,000 people.",  # any toll this large
    "Despite the deaths of over 20,000 people the talks went on.",
    "Thousands were displaced and 800 civilians were killed in the long civil war.",
    "The army's campaign in the south has killed more than 900 people, a monitor said.",
    "Some 75 fighters were killed over the past two weeks in the province.",
    "About 300 villagers died in three months of fighting around the town.",
])
def test_running_and_past_tolls_are_context(text):
    assert _counted(text) is None


def test_the_event_beside_a_past_toll_is_counted():
    text = ("Two soldiers were killed on Tuesday in an ambush near the dam. "
            "Over the past three months about 200 troops have died in the province.")
    assert _counted(text)[1] == 2


def test_a_headline_figure_is_inside_the_mixed_list_it_heads():
    text = ("Air strikes kill 30 militants in the north\n\n"
            "Air strikes killed 30 militants and four civilians in the north on Tuesday, a monitor said.")
    cas = ck.code_report(ck.report_from_text(text)).casualties
    counted = cas[cas.counted & (cas.outcome == "killed")]
    assert counted.count_best.sum() == 34
