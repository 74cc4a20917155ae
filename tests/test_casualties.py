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


# --- one victim named by role or trade -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Masked men shot dead a local judge outside the court.",
    "A village headman was killed by insurgents on Tuesday.",
    "Gunmen killed an opposition candidate at a rally in the north.",
    "Attackers stabbed to death a prominent cleric in his home.",
])
def test_one_victim_by_role(text):
    assert _counted(text)[1] == 1


# --- apposition with a verb inside: the clause says more of the same victims -----------------

@pytest.mark.parametrize("text, best", [
    ("Eight people, including a guard who had tried to stop the attackers, were killed.", 8),
    ("Five workers, all employed by a road contractor, were killed when the bus was hit.", 5),
    ("Nine members of one family, among them women and an infant, died in the fire.", 9),
])
def test_apposition_with_a_verb_is_inside_the_count(text, best):
    assert _counted(text)[1] == best


# --- a city's or a year's toll beside the article's own shooting ------------------------------

@pytest.mark.parametrize("text, outcome", [
    ("Across the city, 212 people have been shot since January.", "shot"),
    ("The department counted 87 people wounded citywide over the holiday weekend.", "injured"),
    ("Last year in the county, 340 people were shot.", "shot"),
    ("Forty people have been killed in the first nine weeks of 2019.", "killed"),
])
def test_city_and_year_tolls_are_context(text, outcome):
    assert _counted(text, outcome) is None


def test_the_shooting_beside_a_city_toll_is_counted():
    text = "Two men were wounded in a shooting on Elm Street. So far this year 120 people have been shot citywide."
    assert _counted(text, "injured")[1] == 2


def test_a_span_of_ages_is_no_count():
    text = "Police said four men between the ages of 19 and 44 were shot outside the bar."
    cas = ck.code_report(ck.report_from_text(text, find_header=False)).casualties
    assert 44 not in cas.count_best.tolist()


@pytest.mark.parametrize("text, best", [
    ("The militants hanged four men accused of spying.", 4),
    ("Two suspected thieves were lynched by a mob.", 2),
    ("Raiders hacked to death three farmers in their fields.", 3),
])
def test_ways_of_killing_are_deaths(text, best):
    assert _counted(text)[1] == best


# --- numbers that count no victims: clock times, days of a month, a parent's children --------

@pytest.mark.parametrize("text, best", [
    ("A man was fatally shot about 11 p.m. outside a bar, police said.", 1),
    ("The boy wounded on Oct. 14 has died, his family said.", 1),
    ("Jones, a mother of three, was killed in the crossfire.", 1),
])
def test_times_days_and_children_are_no_counts(text, best):
    assert _counted(text)[1] == best


def test_a_round_up_of_a_citys_shootings_is_context():
    text = "3 dead, 12 wounded in weekend shootings across the South Side"
    assert _counted(text) is None and _counted(text, "injured") is None


def test_modifiers_joined_by_and_before_the_victims():
    assert _counted("At least 12 army and allied militia fighters were killed near the dam.")[1] == 12


# --- deaths without a number that ACLED codes as 10 --------------------------------------------

@pytest.mark.parametrize("text", [
    "Fighting between the two militias in the valley. Heavy casualties reported on both sides.",
    "The rebels ambushed an army patrol, killing an unknown number of soldiers.",
    "An unspecified number of herders died when the camp was bombed.",
])
def test_unknown_deaths_are_acleds_ten_and_the_texts_unknown(text):
    (event,) = ck.code_report(ck.report_from_text(text, find_header=False)).events.itertuples()
    assert event.fatalities_acled == 10 and math.isnan(event.fatalities_best)


def test_deaths_in_doubt_are_not_stated():
    text = "Troops clashed with rebels near the river; 3 rebels were wounded. Unclear whether any soldiers died."
    assert _counted(text) is None


@pytest.mark.parametrize("text", [
    "Gunmen armed with AK-47 rifles shot and killed a shopkeeper.",
    "Fighters of Brigade 17 died in the assault, a source said.",
])
def test_names_of_units_and_weapons_are_no_counts(text):
    assert _counted(text)[1] in (1, None) and 17 not in (_counted(text) or ()) and 47 not in (_counted(text) or ())


def test_killed_or_wounded_tells_no_number_of_dead():
    got = _counted("The rebels said 23 soldiers were killed or wounded in the attack.")
    assert got is None or 23 not in got


@pytest.mark.parametrize("text", [
    "Since the siege started in March, 140 fighters have been killed.",
    "The memorial lists 60 villagers who were massacred by troops in 1944.",
])
def test_tolls_since_an_operation_and_of_another_century_are_context(text):
    assert _counted(text) is None


@pytest.mark.parametrize("text, best", [
    ("Six villagers and a policeman were killed when the bridge was shelled.", 7),
    ("Eight boys and one teacher died in the blaze at the school.", 9),
])
def test_a_number_and_one_add_up(text, best):
    assert _counted(text)[1] == best


def test_fighting_that_erupted_is_the_event_not_a_war_toll():
    assert _counted("Fighting erupted between two clans at dawn, and 14 herders were killed.")[1] == 14


# --- one victim of any trade, a clause between, a chain of verbs, a pronoun ------------------

@pytest.mark.parametrize("text, outcome", [
    ("Rioters attacked and killed a cobbler near the market.", "killed"),
    ("Gunmen shot and killed an elderly shepherd in the hills.", "killed"),
    ("One police conscript was shot dead at a checkpoint.", "killed"),
    ("A lorry driver who had refused to pay was killed by the militia.", "killed"),
    ("A welder in the northern district was wounded by a stray round.", "injured"),
    ("A local chief was abducted and killed by unknown men.", "killed"),
    ("A trade unionist was reportedly assassinated outside his office.", "killed"),
    ("Police said he was later executed by the group.", "killed"),
    ("She was shot in the leg while walking home.", "shot"),
    ("Garcia was wounded in the exchange of fire.", "injured"),
    ("Officers found a pensioner suffering from a gunshot wound.", "shot"),
    ("A toddler was struck by a stray bullet in the car park.", "shot"),
])
def test_one_victim_of_any_trade(text, outcome):
    assert _counted(text, outcome)[1] == 1


@pytest.mark.parametrize("text, outcome, best", [
    ("A total of 12 people were killed in the raids.", "killed", 12),  # a total is no victim
    ("A car bomb killed four soldiers on the highway.", "killed", 4),  # the bomb is no victim
    ("A pregnant woman and a tailor were killed.", "killed", 2),  # "were": two people, not one
    ("An aircraft was shot down over the valley.", "shot", None),  # a thing
    ("A dog was killed by the blast.", "killed", None),  # an animal
    ("He shot his neighbour's car. He was arrested.", "killed", None),  # active, no victim
    ("Smith was injured in the attack and later succumbed to his wounds.", "injured", None),  # a death
])
def test_things_groups_and_agents_are_no_single_victims(text, outcome, best):
    got = _counted(text, outcome)
    assert (got and got[1]) == best


def test_a_share_of_people_told_before_is_counted():
    text = "Vigilantes seized five men. Two of them were beaten to death and their bodies burned."
    assert _counted(text)[1] == 2


@pytest.mark.parametrize("text, best", [
    ("Troops repelled the raid. 30 Boko Haram dead, 24 soldiers injured.", 30),
    ("The rebels claimed 50 ENDF dead after the ambush.", 50),
    ("Police said the operation left 12 al Shabaab dead.", 12),
    ("Six people are reported to have been killed in the strikes.", 6),
])
def test_a_group_named_between_count_and_dead(text, best):
    assert _counted(text)[1] == best


@pytest.mark.parametrize("text, best", [
    ("Unidentified gunmen killed the director of the water board in the city.", 1),
    ("Two aid workers with a medical charity were shot dead near the camp.", 2),
    ("Seven villagers have been feared killed in a midnight raid.", 7),
    ("The row killed the deal, officials said.", None),  # no victim
])
def test_a_definite_victim_a_with_phrase_and_feared(text, best):
    got = _counted(text)
    assert (got and got[1]) == best


@pytest.mark.parametrize("text, best", [
    ("Troops ambushed the convoy near the border; 14 al Shabaab killed, including a junior commander.", 14),
    ("Forty Boko Haram are killed and 12 captured during the clearing operation.", 40),
    ("Clashes between RSF and SLM near the wells. 9 RSF killed including a commander.", 9),
    ("At least 7 Al-Shabaab killed and two soldiers wounded in the gunfight.", 7),
    ("Soldiers said six FDLR were killed in the raid on the camp.", 6),
])
def test_a_groups_name_alone_as_the_victims(text, best):
    assert _counted(text)[1] == best


@pytest.mark.parametrize("text, outcome", [
    ("Officers found a man in the 6600 block of Barton with a fatal gunshot wound.", "shot"),
    ("A neighbour called 911 saying he had been shot twice.", "shot"),
    ("A boy, 2 Police say, was shot in the leg.", "shot"),
    ("Gunmen on 24 May killed the chief of the village.", "killed"),
])
def test_common_words_and_dates_after_a_number_are_no_groups_name(text, outcome):
    got = _counted(text, outcome)
    assert got is None or got[1] < 2


@pytest.mark.parametrize("text, best", [
    ("Sixteen militants including their commander were killed in the strike.", 16),
    ("Eleven combatants from both sides were killed in the attack on the base.", 11),
    ("Nine fighters on either side were killed near the river.", 9),
])
def test_one_of_them_and_the_sides_stay_inside_the_count(text, best):
    assert _counted(text)[1] == best


def test_the_one_the_verb_is_about_is_no_count_of_all():
    text = "About 12 friends, including the boy who was killed, had gathered for the party."
    got = _counted(text)
    assert got is None or got[1] == 1


@pytest.mark.parametrize("text", [
    "Nearly 2100 people were killed in October 2017, the monitor said.",
    "The regime's jets kill about 900 civilians in 2018 across the north.",
    "The month of June claimed the lives of about 640 people in the province.",
    "Militants have killed 410 people in 40 days of the siege.",
    "The raids raised the death toll to 520 since the escalation began in the enclave.",
    "Shelling kills two women and the toll reaches 300 during the truce agreed by both presidents.",
    "After the deaths of more than 1200 fighters, the army took the last pocket.",
    "In the deadliest monthly toll this year, 1500 people died.",
])
def test_a_months_a_years_and_a_campaigns_tolls_are_context(text):
    cas = ck.code_report(ck.report_from_text(text, find_header=False)).casualties
    assert len(cas) and set(cas.role) == {"cumulative"}


@pytest.mark.parametrize("text, best", [
    ("Five people were killed on 3 March 2016 when gunmen stormed the market.", 5),
    ("Two fishermen were killed during January in a raid on the island.", 2),
    ("Four people died in clashes in violation of the ceasefire agreement signed in May.", 4),
    ("Three soldiers were killed earlier this month near the border.", 3),
    ("Six people were killed in 2 days of fighting near the town.", 6),
])
def test_an_events_own_date_is_no_period_toll(text, best):
    assert _counted(text)[1] == best


@pytest.mark.parametrize("text", [
    "88 people were killed yesterday, including 9 members of the regime forces and militiamen loyal to them.",
    "At least 140 killed today, among them 30 government troops, and 70 civilians.",
    "Fighting across all the provinces killed 95 people on Monday.",
])
def test_a_countrys_day_is_a_roundup_not_an_event(text):
    coding = ck.code_report(ck.report_from_text(text, find_header=False))
    assert set(coding.casualties.role) == {"roundup"} and coding.events.empty


@pytest.mark.parametrize("text, best", [
    ("Five people were killed yesterday in a bombing in the market of Azaz.", 5),
    ("Seven people were killed yesterday, including two children, when a shell hit their house.", 7),
])
def test_a_days_local_toll_is_an_event(text, best):
    assert _counted(text)[1] == best


@pytest.mark.parametrize("text, outcome, best", [
    ("Not fewer than nine villagers were reportedly killed when bandits raided the market.", "killed", 9),
    ("Not less than 14 people were killed in the attack on the convoy.", "killed", 14),
    ("At least 12 people (eight soldiers and four police officers) were killed in the blast.", "killed", 12),
    ("Three members of the Baloch Liberation Army (BLA) were killed in a raid.", "killed", 3),
    ("At least 6 people died and several others were hurt in the stampede.", "killed", 6),
    ("At least 6 people died and several others were hurt in the stampede.", "injured", 3),
])
def test_not_fewer_than_brackets_and_died_before_others(text, outcome, best):
    assert _counted(text, outcome)[1] == best


def test_not_before_a_figure_still_negates_it():
    assert _counted("Police said not a single person was killed in the blast.") is None


@pytest.mark.parametrize("text, best", [
    ("A guard shot and killed his colleague at the checkpoint on Monday.", 1),
    ("A herder killed his fellow clansman in a dispute over a well.", 1),
    ("Militiamen kill trader in the market town.", 1),  # ACLED's telegraphic notes: no article
    ("Gunmen assassinated retired army colonel and wounded his son at their home.", 1),
])
def test_one_victim_after_a_possessive_or_without_an_article(text, best):
    assert _counted(text)[1] == best


@pytest.mark.parametrize("text", [
    "The scandal killed his career, friends said.",
    "The storm killed power in the valley overnight.",
    "He injured his leg in the fall.",
])
def test_no_victim_after_a_possessive_or_without_an_article(text):
    assert _counted(text) is None and _counted(text, "injured") is None


@pytest.mark.parametrize("text, best", [
    ("Gunmen shot and killed three village elders in the county.", 3),
    ("The blast killed 4 bus passengers near the depot.", 4),
    ("The strike killed 20 goats in the field.", None),
    ("Raiders killed 12 cattle and sheep overnight.", None),
])
def test_a_things_name_before_the_victims_is_a_modifier(text, best):
    got = _counted(text)
    assert (got and got[1]) == best


# --- page furniture and statistics of many shootings are no event (GVA) -----------------------

@pytest.mark.parametrize("text, outcome", [
    ("More than 1,200 people have been wounded in those shootings, police records show.", "injured"),
    ("There were 30 such shootings in the state, with 14 children wounded.", "injured"),
    ("At least 60 children were killed in accidental shootings in the region last decade.", "killed"),
    ("Nine people were killed and 22 wounded in shootings across Detroit.", "injured"),
    ("A string of killings in December pushed the year's toll to 71.", "killed"),
    ("Between March 2009 and June 2012, eleven people were killed at the crossing.", "killed"),
    ("The state has recorded 48 gun deaths among officers, a sharp rise.", "killed"),
])
def test_tolls_of_many_shootings_are_context(text, outcome):
    assert _counted(text, outcome) is None


def test_a_named_shooting_is_one_event():
    text = "Two adults and four children dead in Millbrook shootings."
    assert _counted(text)[1] == 6


@pytest.mark.parametrize("text, age", [
    ("Officers said Alan Price, 52 and Mary Price, 49 were found dead in the house.", 49),
    ("Lee Hart, 40; Tom Ruiz, 22; and Ana Cole, 35 all died at the scene.", 35),
])
def test_the_last_age_of_a_list_of_names_is_no_count(text, age):
    cas = ck.code_report(ck.report_from_text(text, find_header=False)).casualties
    assert age not in cas.count_best.tolist()


@pytest.mark.parametrize("text, outcome, best", [
    ("Data show 40 children under the age of 12 died, but a boy was killed here on Monday.", "killed", 1),
    ("Image 4 of 9 A man died after the shooting on Oak Street.", "killed", 1),
    ("DEPUTY KILLED Dozens gather for a vigil.", "killed", 1),  # the deputy, not dozens
    ("The rifle was a single shot 308, deputies said.", "shot", None),
])
def test_ages_galleries_and_headline_runs_are_no_counts(text, outcome, best):
    got = _counted(text, outcome)
    assert (got if got is None else got[1]) == best


def test_a_capitalised_list_of_places_keeps_its_count():
    text = "In Aleppo and Idlib, 12 civilians were killed; in Hama, 5 were wounded."
    assert _counted(text)[1] == 12
    assert _counted(text, "injured")[1] == 5


def test_a_gunman_shot_a_number():
    assert _counted("The gunman shot 3 people outside the store.", "shot")[1] == 3


def test_the_attacks_just_told_are_the_event():
    text = "Two bombs hit the airport. In these attacks, 32 people were killed and over 300 were injured."
    assert _counted(text)[1] == 32


# --- one victim shot or hurt: the forms of US local news (GVA) ---------------------------------

@pytest.mark.parametrize("text, outcome", [
    ("The girl was shot in the head while she slept.", "shot"),
    ("His father was hospitalized with gunshot wounds.", "injured"),
    ("Teen struck by stray bullet outside school", "shot"),
    ("4-year-old boy hit by stray bullet at park", "shot"),
    ("Campbell boy, 7, hospitalized after accidental shooting", "injured"),
    ("A 16-year-old suffered a gunshot wound to the arm.", "shot"),
    ("A mother and son were found fatally shot in their home.", "killed"),
])
def test_one_victim_forms_of_local_news(text, outcome):
    cas = ck.code_report(ck.report_from_text(text, find_header=False)).casualties
    assert cas[cas.counted & (cas.outcome == outcome)].count_best.fillna(1).sum() == (
        2 if "mother and son" in text else 1)


@pytest.mark.parametrize("text", [
    "A man was killed on Main Street. A woman was also shot and is expected to recover.",
    "A man was killed on Main Street. A woman was shot in the leg and is in stable condition.",
])
def test_shot_and_lived_is_injured_beside_a_death(text):
    assert _counted(text)[1] == 1
    assert _counted(text, "injured")[1] == 1


def test_hurt_then_dead_is_no_injury():
    text = "Police said the girl was injured by a stray round, but later died at the hospital."
    assert _counted(text, "injured") is None


@pytest.mark.parametrize("text", [
    "Ahmed Ali, 34, was in critical condition. He died in hospital on Friday.",
    "A man was shot in the chest on Elm Street. He later died at the hospital.",
    "Gunmen wounded a shopkeeper in the market. He succumbed to his wounds on Sunday.",
    "The girl was injured by a stray round. She was pronounced dead at the scene.",
])
def test_hurt_then_dead_in_the_next_sentence_is_one_death_and_no_injury(text):
    assert _counted(text)[1] == 1
    assert _counted(text, "injured") is None


@pytest.mark.parametrize("text", [
    "A woman was shot in the leg. Her brother died in the crash last year.",  # someone else died
    "A man was wounded in the attack.\n\nHe said the police came late.",  # no death
    "Two men were wounded. He died.",  # not one victim: the death is someone's, the injuries stay
])
def test_hurt_and_a_later_sentence_without_the_victims_death_stays_hurt(text):
    assert _counted(text, "injured") is not None or _counted(text, "shot") is not None


def test_shot_beside_a_death_in_its_sentence_stays_shot():
    text = "A man was shot and his brother was killed in the crossfire, but the gunman is in custody."
    cas = ck.code_report(ck.report_from_text(text, find_header=False)).casualties
    assert "injured" not in set(cas[cas.counted].outcome)


@pytest.mark.parametrize("text", [
    "Smith was the only person injured in the crash.",
    "Neither the driver nor the other passenger was injured.",
    "He said he could've easily died that night.",
    "The bullet could easily have killed her, police said.",
    "Police were called to an attempted murder-suicide in the suburb.",
    "The man was threatening to commit suicide when officers arrived.",
])
def test_predicates_negations_hypotheses_and_attempts_are_no_casualties(text):
    cas = ck.code_report(ck.report_from_text(text, find_header=False)).casualties
    assert not cas.counted.any()


@pytest.mark.parametrize("text", [
    "The victims were mourning a teen who was killed in a previous shooting at the same corner.",
    "Eight months after a bystander was killed at the park, the city added lights.",
])
def test_a_shooting_told_before_the_articles_own_is_context(text):
    assert _counted(text) is None


@pytest.mark.parametrize("text, outcome, best", [
    ("The gunfire injured another four teenagers at the party.", "injured", 4),
    ("Four other teenagers, ages 13 to 17, sustained what police say are non-life threatening injuries.",
     "injured", 4),
    ("Two women suffered minor injuries in the shooting.", "injured", 2),
    ("Three people were killed and another wounded at the house.", "injured", 1),
    ("Three people are dead and another hospitalized after the spree.", "injured", 1),
])
def test_more_victims_and_injuries_suffered(text, outcome, best):
    assert _counted(text, outcome)[1] == best


def test_fatal_injuries_suffered_are_no_injuries():
    assert _counted("The driver suffered fatal injuries in the crash.", "injured") is None


# --- the objects of one verb add up; a killer's own death is none of them ------------------

@pytest.mark.parametrize("text, outcome, best", [
    ("Police say the man fatally shot his girlfriend and her teenage son at their apartment.", "killed", 2),
    ("Investigators said he killed his wife and three children before fleeing.", "killed", 4),
    ("The woman shot and killed her two daughters in the kitchen, deputies said.", "killed", 2),
    ("A gunman wounded a cashier and a customer at the store.", "injured", 2),
])
def test_the_objects_of_one_verb_add_up(text, outcome, best):
    assert _counted(text, outcome)[1] == best


def test_who_fatally_shot_someone_is_no_victim():
    cas = ck.code_report(ck.report_from_text("Police say a man fatally shot his neighbor on Friday.",
                                             find_header=False)).casualties
    assert list(cas.victim) == ["his neighbor"]


@pytest.mark.parametrize("text, best", [
    ("A man fatally shot his wife and two sons on Sunday. He then turned the gun on himself, police said.", 4),
    ("Deputies said the father killed his daughter at the farm. Later he killed himself in the barn.", 2),
    # the deaths of a family may hold the killer's own
    ("Police found the bodies of a mother and her two children. The mother killed herself, police said.", 3),
])
def test_a_killers_own_death_is_not_one_of_his_victims(text, best):
    assert _counted(text)[1] == best


# --- people named, without a number (GVA): two killed, one in a hospital condition ------------

@pytest.mark.parametrize("text, best", [
    ("Maria Lopez, 31, and Kevin Hart, 29, were shot dead outside the bar.", 2),
    ("Both Turner and Ellis died at the scene.", 2),
    ("Carla Diaz and Tom Reyes were pronounced dead at the hospital.", 2),
    ("Omani Free, 18, and Tabitha Cruz, 20, killed in overnight shooting.", 2),
])
def test_two_named_and_killed_are_two(text, best):
    assert _counted(text)[1] == best


def test_an_organisations_name_is_not_two_people_killed():
    cas = ck.code_report(ck.report_from_text("Security guard from the Water and Forests Agency killed near Mbalmayo.",
                                             find_header=False)).casualties
    assert "pair-named" not in set(cas.pattern)


@pytest.mark.parametrize("text", [
    "Gonzalez remains in serious but stable condition at a local hospital.",
    "She was listed in fair condition Tuesday.",
    "Rivera is recovering from a gunshot wound to the hip.",
    "He was treated and released from a nearby hospital.",
])
def test_one_named_in_a_hospital_condition_is_injured(text):
    assert _counted(text, "injured")[1] == 1


@pytest.mark.parametrize("text", [
    "Ramos and Kent were not hurt when the car was hit.",
    "Ramos and Kent were arrested at the scene.",
    "The house was in good condition before the fire.",
    "He is survived by his parents and a sister.",
    "The clinic at Children's Hospital of Arkansas is in good condition.",
])
def test_no_named_casualty(text):
    cas = ck.code_report(ck.report_from_text(text, find_header=False)).casualties
    assert not cas.counted.any()

# --- ACLED's reading of vague reports: a vague amount or casualties without a figure is 10 ----------

def _acled(text):
    """The ``fatalities_acled`` of a note's events, summed; and its text's own best reading."""
    coding = ck.code_report(ck.report_from_text(text, find_header=False))
    return coding.events.fatalities_acled.sum(), coding.events.fatalities_best.sum(min_count=1)


@pytest.mark.parametrize("text", [
    'Troops cleared the camp near the river on 04/02. "Several" ADF rebels killed.',
    'Police repelled the raid and killed "many" of the bandits.',
    "During the sweep 'a number' of insurgents were reportedly killed and a soldier was hurt.",
    "Some of the raiders were killed, others fled into the forest.",
    "A roadside bomb hit the patrol. Causalities reported, exact figures not known.",
    "Mortar rounds landed in the camp, causing undisclosed casualty.",
    "The ambush caused casualties, though the numbers of dead and wounded are not known.",
    "Jets struck the rebel depot. Heavy casualities.",
    "Both militias suffered an unknown number of losses in the fighting.",
])
def test_vague_deaths_are_acleds_ten_and_the_texts_unknown(text):
    acled, best = _acled(text)
    assert acled == 10 and math.isnan(best)


@pytest.mark.parametrize("text", [
    "No specific casualties were reported after the clash.",
    "Fighting reported between the two clans; casualties unknown.",
    "The grenade exploded in an empty yard, causing no casualties.",
    "Some of the bullets killed the driver, others hit the car.",  # an object: "some" kills, is no victim
])
def test_no_vague_deaths(text):
    acled, _ = _acled(text)
    assert acled != 10


def test_several_killed_is_acleds_ten_and_three_in_the_text():
    acled, best = _acled("Several soldiers were killed when the convoy was ambushed.")
    assert (acled, best) == (10, 3)


# --- one victim: "one of the …", killing only himself, one death, verbs that kill ---------------

@pytest.mark.parametrize("text, best", [
    ("Guards returned fire and one of the robbers was killed.", 1),
    ("One of them was shot dead near the market.", 1),
    ("The bomber detonated his vest at the gate, killing only himself.", 1),
    ("A suicide bomber killed himself and 7 worshippers at the mosque.", 8),
    ("Youths clashed with herders over a well; one death reported.", 1),
    ("A brawl at the rally caused one death.", 1),
    ("A mob lynches a suspected pickpocket in the market.", 1),
    ("Gunmen raided the village, beheading a farmer and abducting two girls.", 1),
    ("A commander of the Popular Defence Forces (PDF) was killed in the ambush.", 1),
])
def test_one_victim_forms_of_acled_notes(text, best):
    assert _counted(text)[1] == best


@pytest.mark.parametrize("text, best", [
    ("Three people were killed; one of the victims was a nurse, one of the victims was killed at home.", 3),
    ("The court handed down one death sentence.", None),
    ("Five people were killed, one of them a child.", 5),
])
def test_one_of_those_told_and_death_sentences_add_no_victim(text, best):
    got = _counted(text)
    assert (got and got[1]) == best


# --- a state's forces and the armed groups they fight are never the same people -------------------

@pytest.mark.parametrize("text, best", [
    ("Rebels overran the garrison. 21 soldiers killed, 3 rebels killed, 9 wounded.", 24),
    ("The army said it killed 40 insurgents. Two policemen died in the assault.", 42),
    ("Gunmen attacked the checkpoint, killing 5 policemen; 2 attackers were killed.", 7),
])
def test_soldiers_and_rebels_killed_add_up(text, best):
    assert _counted(text)[1] == best


@pytest.mark.parametrize("text, best", [
    ("Seven soldiers were killed in the ambush. An officer was among them: a captain was killed.", 7),
    ("Nine people died in the clash: 6 soldiers and 3 rebels were killed.", 9),
])
def test_a_breakdown_by_side_is_still_inside_its_total(text, best):
    assert _counted(text)[1] == best


# --- a campaign's running toll beside the day's deaths: only the day's count -------------------------

@pytest.mark.parametrize("text, best", [
    ("Shelling on the town kills 6 civilians and raises the death toll to 140 in less than 72 hours", 6),
    ("Air strikes renew on the valley, raising the death toll to 310 within 9 days", None),
    ("More casualties raise the death toll to 520 since the offensive on the enclave", None),
    ("New raids hit the province and raise the death toll to 88 during the ceasefire agreement", None),
])
def test_a_running_toll_raised_over_days_or_a_campaign_is_context(text, best):
    got = _counted(text)
    assert (got and got[1]) == best


@pytest.mark.parametrize("text, best", [
    ("The death toll from the market bombing rose to 43 on Sunday.", 43),
    ("A second victim died on Tuesday, raising the death toll to 2 since Saturday's shooting.", 2),
])
def test_an_events_own_toll_still_counts(text, best):
    assert _counted(text)[1] == best


# --- ACLED's telegraphic one victim at a sentence's start -------------------------------------------

@pytest.mark.parametrize("text", [
    "Shop owner shot dead near the central market.",
    "Opposition councillor Jean Ndayishimiye shot dead.",
    "Clashes between herders and farmers. 1 herder killed, 2 farmers injured.",
    "Armed men stopped a bus on the highway. Conductor presumed dead.",
])
def test_a_telegraphic_victim_is_one(text):
    assert _counted(text)[1] == 1


@pytest.mark.parametrize("text, best", [
    ("Gunmen shot dead two traders at the market.", 2),
    ("Al Shabaab killed at least 9 villagers in a night raid.", 9),
    ("Soldiers killed in an ambush near the border.", None),
])
def test_no_telegraphic_victim_before_a_count_or_in_a_plural(text, best):
    got = _counted(text)
    assert (got and got[1]) == best


# --- victims in a relative clause: 'five officers who died' ---------------------------------

@pytest.mark.parametrize("text, killed", [
    ("Krol was among five officers who died in the gunfire.", 5),
    ("The 3 men that died were brothers, police said.", 3),
    ("Two soldiers who later died of their wounds were flown to Kabul.", 2),
])
def test_victims_who_died_in_a_relative_clause_are_counted(text, killed):
    assert _counted(text)[1] == killed


def test_a_relative_clause_of_killers_is_not_their_death():
    # "who killed" acts on others: the gunmen are not the dead
    assert _counted("Three gunmen who killed five people fled on motorbikes.")[1] == 5


# --- "forces" as the victims: fighters, never one figure with civilians ---------------------

@pytest.mark.parametrize("text, victim", [
    ("Rebels killed at least 18 regime forces and allied fighters on Friday.", "regime forces"),
    ("The ambush killed 12 government forces near the border.", "government forces"),
    ("Six security forces were killed in the attack.", "security forces"),
])
def test_forces_are_the_victims_they_name(text, victim):
    cas = ck.code_report(ck.report_from_text(text, find_header=False)).casualties
    assert list(cas.victim) == [victim] and list(cas.victim_category) == ["combatant"]


def test_forces_killed_beside_civilians_are_another_figure():
    text = ("Rebel rockets killed at least 21 civilians in western Aleppo on Friday. "
            "The rebel offensive also killed at least 18 regime forces and allied fighters.")
    assert _counted(text)[1] == 39


@pytest.mark.parametrize("text, killed", [
    ("An airstrike on the town has claimed lives of eight civilians.", 8),
    ("Fighting in the north claims lives of 5 soldiers", 5),
    ("The blast claimed the lives of 12 people.", 12),
])
def test_claimed_lives_of_with_or_without_the(text, killed):
    assert _counted(text)[1] == killed


def test_claimed_lives_without_victims_is_no_count():
    assert _counted("The disease claimed lives in 2019 and 2020.") is None


@pytest.mark.parametrize("text, killed", [
    ("12 Dahalo killed, 1 civilian killed in clashes in Ihosy.", 13),
    ("3 soldiers died and 2 rebels died in the fighting.", 5),
    ("Four herders killed, two farmers killed in a dispute over grazing land.", 6),
])
def test_groups_listed_side_by_side_each_with_its_verb_add_up(text, killed):
    assert _counted(text)[1] == killed


@pytest.mark.parametrize("text, killed", [
    ("30 people were killed, 12 children were killed.", 30),  # people may hold the children
    ("12 fighters killed, including 3 commanders killed in the raid.", 12),  # 'including': a part
])
def test_a_general_figure_or_an_including_still_holds_the_smaller(text, killed):
    assert _counted(text)[1] == killed


@pytest.mark.parametrize("text", [
    "The coalition said health workers in Somalia were overwhelmed.",
    "Officials called for calm after the ruling party controlled the vote.",
])
def test_no_window_is_searched_without_an_outcome_word(text):
    # the trigger words are whole grammar words ("casualties"), not their parts ("ali", "alt"),
    # so copy without an outcome word costs no search for claims
    from conflictkit.coding import casualties as cas

    g = cas.compile_grammar()
    low = text.lower()
    hits = [low[s:e] for s, e in cas._trigger_spans(g, low)]
    assert not [w for w in hits if w in ("ali", "alt")]
    assert cas.find_claims(text, [(0, len(text))]) == []


def test_casualty_word_with_a_group_inside_still_triggers():
    # "ca(?:su|us)ali?t(?:y|ies)" read whole: "casualties", "causalities" are still found
    text = "The attack caused an unknown number of casualties."
    claims = ck.coding.find_claims(text, [(0, len(text))])
    assert [c.outcome for c in claims] == ["killed"] and math.isnan(claims[0].count.best)


@pytest.mark.parametrize("after", ["officials said", "officials called", "the coalition said", "because of a crash"])
def test_a_named_condition_does_not_depend_on_words_inside_other_words(after):
    # "Smith is recovering" is read where an outcome word opens a window; a trigger word that stands
    # inside another word ("led" in "called", "cause" in "because", "ali" in "coalition") opens none,
    # so the sentence gives the same claims whatever words stand beside it
    from conflictkit.coding import find_claims

    plain = "Smith was recovering in hospital, officials said."
    text = f"Smith was recovering in hospital, {after}."
    assert [(c.outcome, c.pattern) for c in find_claims(text, [(0, len(text))])] == \
        [(c.outcome, c.pattern) for c in find_claims(plain, [(0, len(plain))])]


def test_grammar_entries_sharing_a_first_letter_match_as_written():
    # factoring first letters ("kill(?:ed|s)") must leave an overlay's "ab|cd" two entries
    import re

    from conflictkit.coding.casualties import _words

    for entries, texts in ((["ab|cd", "ax"], ["ab", "cd", "ax"]), (["killed", "kills", "dead"], ["killed", "kills", "dead"]),
                           (["a[|]b", "ac"], ["a|b", "ac"])):
        rx = re.compile(_words(entries))
        assert all(rx.fullmatch(t) for t in texts), (entries, rx.pattern)
        assert not rx.fullmatch("abcd")


def test_claims_made_fast_are_claims():
    # _new_claim and _replace fill a Claim's __dict__ at once: the same claim as Claim(...) and
    # dataclasses.replace, and a misspelt field is refused as replace() refuses it
    import dataclasses

    from conflictkit.coding.casualties import Claim, _new_claim, _replace

    c = ck.coding.find_claims("Five soldiers were killed.", [(0, 26)])[0]
    fields = {f.name: getattr(c, f.name) for f in dataclasses.fields(Claim)}
    assert _new_claim(**fields) == Claim(**fields) == c
    assert _replace(c, role="cumulative") == dataclasses.replace(c, role="cumulative")
    with pytest.raises(AssertionError):
        _replace(c, rol="cumulative")


def test_claims_made_from_matches_have_every_field():
    # _claim fills a Claim's __dict__ at once, without _new_claim's check of the names: every field is
    # there, none more, with the values Claim(...) would hold
    import dataclasses

    from conflictkit.coding.casualties import Claim, _CLAIM_FIELDS

    text = "Five soldiers were killed and a man was shot. Smith, 24, was injured. Heavy casualties were reported."
    claims = ck.coding.find_claims(text, [(0, 45), (46, 69), (70, len(text))])
    assert {c.pattern for c in claims} >= {"passive", "unknown"} and len(claims) >= 3
    for c in claims:
        assert c.__dict__.keys() == _CLAIM_FIELDS
        assert Claim(**{f.name: getattr(c, f.name) for f in dataclasses.fields(Claim)}) == c


def test_the_toll_cues_read_from_one_pass_are_those_each_finder_reads():
    # the war's and the day's cues are looked up in one set of words found for both: the words of the
    # other finder it holds change no answer
    from conflictkit.coding.casualties import _second, compile_grammar

    g = compile_grammar()
    for text in ("the war has killed 400,000 since 2011", "67 people were killed yesterday, including 3 soldiers",
                 "five were killed across the country as of march", "killed today across all the provinces",
                 "in the past year the fighting killed 20", "kill as it killed 20 civilians in the city"):
        found = set(map(_second, g.toll_cue_words.iter(text)))
        for finder in (g.cumulative, g.roundup):
            assert finder.holds(text, 0, len(text), found) == finder.holds(text, 0, len(text)), text


from hypothesis import given, strategies as st  # noqa: E402

_KEY = st.one_of(st.none(), st.sampled_from(["Aleppo", "Homs", "2016-05", ""]), st.just(float("nan")), st.integers(0, 2))


@given(st.lists(st.tuples(_KEY, _KEY), max_size=4))
def test_event_keys_match_as_the_plain_form(pairs):
    """_keys_match (a loop) as the all() of the rule: a component known in both that differs conflicts."""
    from conflictkit.coding.casualties import _keys_match

    a, b = tuple(x for x, _ in pairs), tuple(y for _, y in pairs)
    assert _keys_match(a, b) == all(x is None or y is None or x == y for x, y in zip(a, b))
