"""Actors in ACLED's naming and their roles (conflictkit.coding.actors)."""

import bisect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit.coding import actors as ac


@pytest.mark.parametrize("kind, country, year, name", [
    ("military", "KE", 2016, "Military Forces of Kenya (2013-)"),
    ("police", "AF", 2016, "Police Forces of Afghanistan (2014-)"),
    ("police", "AF", 2022, "Police Forces of Afghanistan (2021-)"),
    ("protesters", "GH", None, "Protesters (Ghana)"),
    ("rioters", "KE", None, "Rioters (Kenya)"),
    ("armed_group", "NG", None, "Unidentified Armed Group (Nigeria)"),
    ("civilians", "CD", None, "Civilians (Democratic Republic of Congo)"),
    ("military", "BT", 2016, "Military Forces of Bhutan"),  # no regime years known: no suffix
    ("protesters", "", None, "Protesters"),
])
def test_acled_names(kind, country, year, name):
    assert ac.acled_actor_name(kind, country, year) == name


@pytest.mark.parametrize("text, actor", [
    ("SAF bombed villages east of Golo.", "Military Forces of Sudan (1989-)"),
    ("FARDC soldiers clashed with ADF rebels near Beni.", "Military Forces of Democratic Republic of Congo (2001-)"),
    ("SPLA troops clashed with SPLM/A-IO fighters in Nasir.", "Military Forces of South Sudan (2011-)"),
    ("SPLA/M-IO fighters attacked a barge near Nasir.",
     "SPLA/M-In Opposition: Sudanese People's Liberation Army/Movement-In Opposition"),
    ("Al Shabaab fighters attacked a NISA outpost in Heliwa.", "Military Forces of Somalia (2012-)"),
    ("LNA troops clashed with Shura Council fighters in Benghazi.", "Military Forces of Libya (2014-)"),
])
def test_state_forces_named_by_their_acronyms(text, actor):
    import conflictkit as ck

    ev = ck.code_report(ck.report_from_text(text, find_header=False, published="2016-03-01")).events
    assert actor in {ev.actor1.iloc[0], ev.actor2.iloc[0]}


def test_dictionary_state_forces_get_regime_years():
    syria = ac.acled_actor_name("named", "SY", 2017, actor="Military Forces of Syria")
    assert syria == "Military Forces of Syria (2000-)"
    assert ac.acled_actor_name("named", "SO", 2016, actor="Al Shabaab") == "Al Shabaab"


@pytest.mark.parametrize("text, expected", [
    ("Kenyan police fired tear gas", [("Kenyan police", "police", "KE")]),
    ("South Sudanese soldiers looted the market", [("South Sudanese soldiers", "military", "SS")]),
    ("Nigeria's army said", [("Nigeria's army", "military", "NG")]),
    ("unknown gunmen abducted two traders", [("gunmen", "armed_group", ""), ("traders", "civilians", "")]),
    ("Russian warplanes struck", [("Russian warplanes", "military", "RU")]),
    ("warplanes struck", []),  # aircraft of no named country are no actor
])
def test_generic_mentions(text, expected):
    assert [(m.text, m.kind, m.country) for m in ac.find_generic_actors(text)] == expected


def test_generic_mentions_keep_offsets():
    text = "On Monday, Ghanaian police arrested 12 protesters."
    for m in ac.find_generic_actors(text):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, hedge, country", [
    ("an air strike by jets believed to be Russian", "believed to be", "RU"),
    ("suspected Turkish drones hit the village", "suspected", "TR"),
    ("allegedly Ethiopian soldiers opened fire", "allegedly", "ET"),
])
def test_hedged_attribution_is_suspected(text, hedge, country):
    m = [m for m in ac.find_generic_actors(text) if m.country][-1]
    assert (m.country, m.hedge, m.suspected) == (country, hedge, True)


def test_unhedged_demonym_alone_is_no_armed_actor():
    assert [(m.kind, m.country) for m in ac.find_generic_actors("a Russian journalist said")] == [("civilians", "RU")]
    assert ac.find_generic_actors("the Russian position is clear") == []


def _roles(text, cue):
    ms = ac.find_generic_actors(text)
    s = text.index(cue)
    a, p = ac.assign_roles(text, s, s + len(cue), ms)
    return (a.text if a else None, p.text if p else None)


@pytest.mark.parametrize("text, cue, agent, patient", [
    ("Gunmen killed three farmers near the market.", "killed", "Gunmen", "farmers"),
    ("Three farmers were killed by gunmen near the market.", "killed", "gunmen", "farmers"),
    ("Two teachers have reportedly been abducted by bandits.", "abducted", "bandits", "teachers"),
    ("Clashes erupted between Malian soldiers and militants.", "Clashes", "Malian soldiers", "militants"),
    ("An attack on villagers left four dead.", "attack", None, "villagers"),
])
def test_agent_and_patient(text, cue, agent, patient):
    assert _roles(text, cue) == (agent, patient)


class _Cue:
    def __init__(self, text, word):
        self.start = text.index(word)
        self.end = self.start + len(word)


@pytest.mark.parametrize("text, cue, event_type, sub, country, actor1, actor2", [
    ("Hundreds of nurses protested in Accra over unpaid allowances.", "protested", "Protests", "Peaceful protest",
     "GH", "Protesters (Ghana)", ""),
    ("Police fired tear gas to disperse demonstrators in Nairobi.", "disperse", "Protests",
     "Protest with intervention", "KE", "Protesters (Kenya)", "Police Forces of Kenya (2013-)"),
    ("Rioters torched shops and cars in Kisumu.", "torched", "Riots", "Violent demonstration", "KE",
     "Rioters (Kenya)", ""),
    ("Villagers were attacked by gunmen in Kaduna.", "attacked", "Violence against civilians", "Attack", "NG",
     "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
    # civilians are not the actor1 of violence against them, whatever the word order
    ("Civilians fled after soldiers shot at them in Beni.", "shot", "Violence against civilians", "Attack", "CD",
     "Military Forces of Democratic Republic of Congo (2001-)", "Civilians (Democratic Republic of Congo)"),
    ("Afghan police officers arrested two men in Kandahar.", "arrested", "Strategic developments", "Arrests", "AF",
     "Police Forces of Afghanistan (2014-)", "Civilians (Afghanistan)"),
    # excessive force: the force that uses it acts (actor1), the protesters are acted on
    ("Soldiers opened fire on protesters in Ambo, killing two.", "opened fire", "Protests",
     "Excessive force against protesters", "ET", "Military Forces of Ethiopia (1991-)", "Protesters (Ethiopia)"),
    ("Police shot dead three demonstrators marching in Harare.", "shot dead", "Protests",
     "Excessive force against protesters", "ZW", "Police Forces of Zimbabwe (1987-)", "Protesters (Zimbabwe)"),
])
def test_event_actors_follow_acled_conventions(text, cue, event_type, sub, country, actor1, actor2):
    ms = ac.find_generic_actors(text, country=country)
    got = ac.event_actors(text, _Cue(text, cue), (0, len(text)), ms, event_type, sub, country, 2016)
    assert (got.actor1, got.actor2) == (actor1, actor2)


def test_event_actors_note_a_hedged_perpetrator():
    text = "A market in Idlib was hit by air strikes from jets believed to be Russian."
    ms = ac.find_generic_actors(text, country="SY")
    got = ac.event_actors(text, _Cue(text, "air strikes"), (0, len(text)), ms, "Explosions/Remote violence",
                          "Air/drone strike", "SY", 2019)
    assert got.actor1 == "Military Forces of Russia (2000-)"
    assert got.notes == ["actor1 suspected ('believed to be')"]
    assert text[got.mention1.start:got.mention1.end] == "Russian"


def _news_texts():
    """The sample report, and FA-KES's reports when the data is at hand."""
    import conflictkit as ck
    from conflictkit.io.datasets import dataset_path

    texts = [ck.load_report(ck.sample_report_path()).text]
    fakes = dataset_path("news", "fa-kes-syria-804.csv")
    return texts + ([r.text for r in ck.load_reports(fakes)[0][:300]] if fakes is not None else [])


def test_actor_patterns_tried_at_their_first_words_only_find_what_a_full_search_finds():
    from conflictkit.coding._scan import literal_automaton, lower_same_length, matches_at, word_starts

    nouns, hedges = literal_automaton(ac._NOUN_WORDS), literal_automaton(ac._HEDGE_WORDS)
    for text in _news_texts():
        low = lower_same_length(text)
        assert [m.span() for m in matches_at(ac._NOUN_RX, low, word_starts(nouns, low))] == [
            m.span() for m in ac._NOUN_RX.finditer(low)]
        assert [m.span() for m in matches_at(ac._HEDGE_WORD_RX, low, word_starts(hedges, low))] == [
            m.span() for m in ac._HEDGE_WORD_RX.finditer(low)]
        # both sets of word starts from one scan of the spaced sentence, as from two (and those of
        # words written alike: "anti riot"), where the patterns find what they find at the first words
        at_nouns, at_hedges = ac._word_starts(low)
        assert set(word_starts(nouns, low)) <= set(at_nouns) and set(word_starts(hedges, low)) <= set(at_hedges)
        assert [m.span() for m in matches_at(ac._NOUN_RX, low, at_nouns)] == [
            m.span() for m in ac._NOUN_RX.finditer(low)]
        assert [m.span() for m in matches_at(ac._HEDGE_WORD_RX, low, at_hedges)] == [
            m.span() for m in ac._HEDGE_WORD_RX.finditer(low)]
        for m in ac._NOUN_RX.finditer(text.lower()):  # the hedge before each noun, searched or skipped
            found = ac._HEDGE_RX.search(text, max(0, m.start() - ac._HEDGE_REACH), m.start())
            assert ac._hedge(text, m.start()) == (found.group(1) if found else "")


def test_a_hedge_is_found_before_a_noun():
    t = "Warplanes, believed to be Russian, struck Idlib; jets reportedly Syrian hit Hama"
    assert ac._hedge(t, t.index("Russian")) == "believed to be"
    assert ac._hedge(t, t.index("Syrian")) == "reportedly"
    assert ac._hedge(t, t.index("struck")) == ""


# ACLED names its actors in a set way; a coder in its naming codes the same text the same way.
@pytest.mark.parametrize("text, actor1, actor2", [
    # Syria's groups by ACLED's names, from the names and acronyms news and ACLED notes use
    ("On 3 May 2021, QSD fighters clashed with Turkish-backed factions near Ain Issa.",
     "QSD: Syrian Democratic Forces", "JWS: Syrian National Army"),
    ("On 3 May 2021, Hayat Tahrir al-Sham fighters attacked Ahrar al-Sham positions in Atmeh.",
     "HTS: Hayat Tahrir al Sham", "AAS: Ahrar al Sham"),
    ("On 3 May 2019, opposition rebels shelled YPG positions near Tal Rifaat.",
     "Opposition Rebels (Syria)", "YPG: Peoples Protection Units"),
    # the first named acts; "and", "supported by", "backed by", "along with" name its allies
    ("On 3 May 2019, regime forces and pro-regime militias clashed with Islamist factions in Kabani.",
     "Military Forces of Syria (2000-)", "Islamist Militia (Syria)"),
    ("On 3 May 2019, QSD fighters supported by Global Coalition jets captured Baghouz from Islamic State fighters.",
     "QSD: Syrian Democratic Forces", "Islamic State (Syria)"),
    ("On 3 May 2016, Somali soldiers backed by AMISOM troops attacked Al Shabaab fighters near Afgoye.",
     "Military Forces of Somalia (2012-)", "Al Shabaab"),
    # "between X and Y against Z": X and Y are one side
    ("On 21 May 2019, clashes took place between regime and pro-regime militia forces against HTS fighters near Huweiz.",
     "Military Forces of Syria (2000-)", "HTS: Hayat Tahrir al Sham"),
    # armies by the names and acronyms the news gives them, anywhere
    ("On 3 March 2016, FARDC soldiers clashed with FDLR fighters near Rutshuru.",
     "Military Forces of Democratic Republic of Congo (2001-)", "FDLR: Democratic Forces for the Liberation of Rwanda"),
    ("On 3 March 2016, SPLA-IO fighters attacked SPLA positions near Leer.",
     "SPLA/M-In Opposition: Sudanese People's Liberation Army/Movement-In Opposition",
     "Military Forces of South Sudan (2011-)"),
    # a government fights by its forces; a regime soldier killed is of the military
    ("On 6 May 2021, gunmen shot and killed a Syrian regime soldier in Sweida city.",
     "Unidentified Armed Group (Syria)", "Military Forces of Syria (2000-)"),
])
def test_event_actors_in_acled_naming(text, actor1, actor2):
    ev = ck.code_report(ck.report_from_text(text, find_header=False)).events
    assert (ev.actor1.iloc[0], ev.actor2.iloc[0]) == (actor1, actor2)


def test_a_government_that_speaks_stays_the_government():
    assert ac.forces_of("Government of Syria") == "Military Forces of Syria"
    assert ac.forces_of("Government of Syria") != ac.forces_of("Opposition Rebels (Syria)")
    ann = ck.code_report(ck.report_from_text("The Syrian regime condemned the statement on Monday.",
                                             find_header=False)).annotations
    assert set(ann[ann.label == "actor"].value) == {"Government of Syria"}


def _actors(text):
    ev = ck.code_report(text, published="2020-05-05").events
    return ev.actor1.iloc[0], ev.actor2.iloc[0]


@pytest.mark.parametrize("text, actor1, actor2", [
    # a generic phrase ("government troops", "rebels", "insurgents") takes the event's country ...
    ("The army said government troops killed 12 insurgents near Maiduguri.",
     "Military Forces of Nigeria (2015-)", "Unidentified Armed Group (Nigeria)"),
    ("Pro-government militias clashed with rebels in Darfur, Sudan.",
     "Militia (Pro-Government)", "Unidentified Armed Group (Sudan)"),
    ("Government forces retook the town of Palma from insurgents in Cabo Delgado, Mozambique.",
     "Military Forces of Mozambique (2005-)", "Unidentified Armed Group (Mozambique)"),
    # ... Syria's reading where the event is in Syria ...
    ("Government forces clashed with rebels near Saraqib in Idlib.",
     "Military Forces of Syria (2000-)", "Opposition Rebels (Syria)"),
    ("Rebel fighters shelled government troops in Hama, Syria.",
     "Opposition Rebels (Syria)", "Military Forces of Syria (2000-)"),
    # ... and no country's where none can be told
    ("Government troops clashed with rebels.", "Military Forces", "Unidentified Armed Group"),
])
def test_a_generic_actor_takes_the_country_of_its_event(text, actor1, actor2):
    assert _actors(text) == (actor1, actor2)


@pytest.mark.parametrize("text, actor1", [
    # a report that names an actor of Syria's bundle (Islamic State) is not about Syria when its event is elsewhere
    ("Government forces clashed with Islamic State militants near Mosul, Iraq.", "Military Forces of Iraq (2020-)"),
    ("Rebels attacked an army base near Sirte, Libya, after Islamic State fighters withdrew.",
     "Unidentified Armed Group (Libya)"),
    ("Government forces clashed with Islamic State militants near Palmyra, Syria.", "Military Forces of Syria (2000-)"),
])
def test_a_generic_actor_takes_the_country_of_its_event_not_of_the_report(text, actor1):
    assert _actors(text)[0] == actor1


@pytest.mark.parametrize("text, actor1, actor2", [
    # who says so is the report's source, not an actor ...
    ("Security forces killed a suspected militant in a raid in Srinagar, police said.",
     "Military Forces of India", "Unidentified Armed Group (India)"),
    ("Gunmen killed three villagers in Zamfara state, according to police.",
     "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
    ("Police said 5 people were killed when a car bomb exploded in Mogadishu.", "", "Civilians (Somalia)"),
    # ... unless it says what it did, or acts
    ("Police said they arrested five men in Nairobi, Kenya.", "Police Forces of Kenya (2013-)",
     "Civilians (Kenya)"),
    ("The Egyptian military announced the killing of 29 militants in North Sinai.",
     "Military Forces of Egypt (2014-)", "Unidentified Armed Group (Egypt)"),
    ("Police fired tear gas at protesters in Nairobi, Kenya, witnesses said.",
     "Police Forces of Kenya (2013-)", "Protesters (Kenya)"),
])
def test_a_speaker_is_no_actor(text, actor1, actor2):
    assert _actors(text) == (actor1, actor2)


@pytest.mark.parametrize("text, actor1, actor2", [
    ("A drone strike killed a senior AQAP commander in Marib, Yemen.", "",
     "AQAP: Al Qaeda in the Arabian Peninsula"),
    ("Al-Qaeda in the Islamic Maghreb fighters attacked soldiers near Timbuktu, Mali.",
     "AQIM: Al Qaeda in the Islamic Maghreb", "Military Forces of Mali (2013-)"),
    # an alias of two actors is the one of the report's country
    ("A drone strike killed a senior al Qaeda commander in Marib, Yemen.", "",
     "AQAP: Al Qaeda in the Arabian Peninsula"),
    ("An air strike killed an al-Qaida leader in Idlib, Syria.", "", "Al Qaeda"),
    ("SNA troops clashed with Al Shabaab fighters near Afgoye, Somalia.", "Military Forces of Somalia (2017-)",
     "Al Shabaab"),
    ("SNA fighters clashed with SDF fighters near Manbij.", "JWS: Syrian National Army",
     "QSD: Syrian Democratic Forces"),
    # an alias written with a space for its hyphen ("Jabhat Fateh al-Sham")
    ("Jabhat Fateh al Sham fighters attacked regime positions near Khan Tuman.", "Jabhat Fateh al Sham",
     "Military Forces of Syria (2000-)"),
])
def test_named_groups_by_country_and_spelling(text, actor1, actor2):
    assert _actors(text) == (actor1, actor2)


@pytest.mark.parametrize("text, actor1", [
    # an actor that starts the cue in the active voice is its agent ...
    ("Government forces retook the town of Palma from insurgents in Cabo Delgado, Mozambique.",
     "Military Forces of Mozambique (2005-)"),
    # ... not in the passive, nor the second of two actors joined by "and"
    ("Two Egyptian policemen were killed in a bomb explosion in North Sinai.", "Police Forces of Egypt (2014-)"),
    ("The FSA's National Army and Turkish forces took control of Tal Khawz in northern Afrin.",
     "JSH: Free Syrian Army"),
])
def test_an_actor_that_starts_the_cue(text, actor1):
    assert _actors(text)[0] == actor1


@pytest.mark.parametrize("text, actors", [
    # a name before "-linked", "-inspired" ... tells of another actor: it is none itself
    ("Troops killed 40 militants of the al-Qaeda-linked Nusra Front near Douma, Syria.",
     ("Military Forces of Syria (2000-)", "HTS: Hayat Tahrir al Sham")),
    ("Jets struck the Al-Qaeda affiliate Jabhat Fateh al-Sham near Idlib, Syria.",
     ("", "Jabhat Fateh al Sham")),
    ("Jets struck al-Qaeda's Syrian affiliate near Idlib, Syria.", ("", "")),
    ("Soldiers killed five IS-inspired gunmen near Rafah, Egypt.",
     ("Military Forces of Egypt (2014-)", "Unidentified Armed Group (Egypt)")),
    # the name itself is one
    ("Al-Qaeda fighters attacked an army post near Mukalla, Yemen.",
     ("AQAP: Al Qaeda in the Arabian Peninsula", "Military Forces of Yemen")),
])
def test_a_name_that_modifies_another_actor_is_none(text, actors):
    assert _actors(text) == actors



# ---------------------------------------------------------------------------
# assign_roles and event_actors against the forms they replaced (as they were, above the new ones'
# shortcuts: no bisect of a list of starts, no _heads of one mention, tuples made without __new__)

def _old_assign_roles(text, cue_start, cue_end, mentions, sentence=(0, None)):
    s0, s1 = sentence[0], len(text) if sentence[1] is None else sentence[1]
    mentions = sorted([m for m in mentions if s0 <= m.start and m.end <= s1])
    i = bisect.bisect_left([m.start for m in mentions], cue_end)
    following = mentions[i:]  # those from the cue's end on
    heads = ac._heads(text, mentions)
    if len(heads) == len(mentions):  # (most sentences: every mention heads its group, no set to look in)
        before = [m for m in mentions[:i] if m.start < cue_start]  # "QSD fighters" may start the cue
        after = following
    else:
        heads = set(heads)
        before = [m for m in mentions[:i] if m.start < cue_start and m in heads]
        after = [m for m in following if m in heads]
    by = None
    for m in after:  # (a loop, not next() of a generator: most sentences have one or two mentions after the cue)
        if ac._by_agent(text, cue_start, cue_end, m):
            by = m
            break
    between = ac._between(text, cue_start, min(s1, cue_end + 40))
    if between:
        pair = [m for m in following if m.start > between.end()][:2]
        against = ac._AGAINST_RX.search(text, pair[1].end, min(s1, pair[1].end + 40)) if len(pair) == 2 else None
        if against:  # "between X and Y against Z": X and Y are one side
            pair = [pair[0], next((m for m in after if m.start >= against.end()), pair[1])]
        if len(pair) == 2:
            return ac._Role(pair[0], pair[1])
    if ac._passive(text, max(s0, cue_start - 30), cue_start):
        return ac._Role(by, before[-1] if before else next((m for m in after if m is not by), None))
    agent = by or (before[-1] if before else None)
    return ac._Role(agent, next((m for m in after if m is not agent), None))



def _old_event_actors(text, cue, sentence, mentions, event_type, sub_event_type, country="", year=None):
    mentions = [m for m in mentions if sentence[0] <= m.start < sentence[1]]
    if event_type in ac._VIOLENT:  # a government that fights, shells or kills does so by its forces
        # (_as_forces called only on the named mentions: a call per mention costs more than the test)
        mentions = [m if m.kind != "named" else ac._as_forces(m) for m in mentions]
    crowd = None
    for m in mentions:  # (a loop, not next() of a generator: most events have no crowd)
        if m.kind == "protesters" or m.kind == "rioters":
            crowd = m
            break
    if event_type == "Protests" or (event_type == "Riots" and crowd is not None):
        agent = patient = None  # a crowd's event: its actors are the crowd and the state, whoever acts
    else:
        agent, patient = ac._roles(text, cue, mentions, sentence)
    if event_type == "Riots" and crowd is None and agent is not None and agent.kind in ("armed_group", "named"):
        # armed men and no crowd: burning and looting is an attack, not a riot (ACLED: rioters are a crowd)
        victims = patient if patient is not None and patient.kind == "civilians" else None
        return ac.EventActors(ac._name(agent, country, year),
                           ac._name(victims, country, year) or ac.acled_actor_name("civilians", country, year),
                           agent, victims, "Violence against civilians")
    if event_type in ("Protests", "Riots"):
        state = next((m for m in mentions if ac.is_state_force(m)), None)  # (only a crowd's event reads the state)
        kind = "protesters" if event_type == "Protests" else "rioters"
        if event_type == "Protests" and sub_event_type == "Peaceful protest":
            other = None
        elif sub_event_type == "Mob violence":
            other = next((m for m in mentions if m.kind == "civilians"), None) or state
        else:
            other = state
        a1 = crowd._replace(kind=kind) if crowd is not None else None
        crowd_name = ac.acled_actor_name(kind, country, year) if a1 is None else ac._name(a1, country, year)
        if sub_event_type == "Excessive force against protesters" and other is not None:
            return ac.EventActors(ac._name(other, country, year), crowd_name, other, a1)  # ACLED: the force acts
        return ac.EventActors(crowd_name, ac._name(other, country, year), a1, other)
    if agent is not None and agent.kind == "civilians" and event_type in ac._VIOLENT:
        agent, patient = (patient if patient is not None and patient.kind != "civilians" else None), agent
    if sub_event_type == "Attack" and ac._armed_patient(text, patient, agent, country, year):
        # ACLED: violence against civilians has unarmed victims; on soldiers, police or a group it is a battle
        a1 = ac._name(agent, country, year) or ac.acled_actor_name("armed_group", country, year)
        return ac.EventActors(a1, ac._name(patient, country, year), agent, patient, "Battles")
    if event_type == "Violence against civilians":
        victims = patient if patient is not None and patient.kind == "civilians" else None
        agent = agent or next((m for m in mentions if m.kind not in ("civilians", "protesters")), None)
        a1 = ac._name(agent, country, year) or ac.acled_actor_name("armed_group", country, year)
        a2 = ac._name(victims, country, year) or ac.acled_actor_name("civilians", country, year)
        return ac.EventActors(a1, a2, agent, victims)
    if agent is None and patient is None and mentions:
        agent = mentions[0]
        patient = next((m for m in mentions[1:] if ac._name(m, country, year) != ac._name(agent, country, year)), None)
    return ac.EventActors(ac._name(agent, country, year), ac._name(patient, country, year), agent, patient)


def _same(got, was):
    return type(got) is type(was) and got == was


_ROLE_WORDS = st.sampled_from(
    ["Kenyan", "police", "gunmen", "were", "was", "killed", "attacked", "by", "from", "and", ",", "between",
     "against", "supported", "backed", "captured", "soldiers", "rebels", "villagers", "protesters", "the", "a",
     "Russian", "jets", "troops", "clashed", "with", "along", "militants", "İ", "ſ", "."])


@given(st.lists(_ROLE_WORDS, min_size=1, max_size=24), st.integers(0, 30), st.integers(0, 3),
       st.sampled_from(["Battles", "Protests", "Riots", "Violence against civilians", "Explosions/Remote violence",
                        "Strategic developments"]),
       st.sampled_from(["Attack", "Armed clash", "Peaceful protest", "Mob violence", "Excessive force against protesters",
                        "Protest with intervention", "Violent demonstration", "Arrests"]), st.booleans())
@settings(max_examples=500, deadline=None)
def test_roles_and_event_actors_as_before_in_any_text(words, at, length, event_type, sub_event_type, space):
    text = " ".join(words)
    starts = [k for k in range(len(text)) if text[k] != " " and (k == 0 or text[k - 1] == " ")]
    cue_start = starts[min(at, len(starts) - 1)]
    cue = starts[min(at + length, len(starts) - 1)]
    cue_end = max(cue_start + 1, text.find(" ", cue) if text.find(" ", cue) >= 0 else len(text))
    cue_end = min(len(text), cue_end + space)  # (with the space after it: a mention may start at its end)
    mentions = ac.find_generic_actors(text)
    for sentence in ((0, None), (0, len(text)), (cue_start, len(text))):
        assert _same(ac.assign_roles(text, cue_start, cue_end, mentions, sentence),
                     _old_assign_roles(text, cue_start, cue_end, mentions, sentence))
    cue_m = ac.ActorMention(cue_start, cue_end, text[cue_start:cue_end], "cue")
    for country in ("", "KE"):
        assert _same(ac.event_actors(text, cue_m, (0, len(text)), mentions, event_type, sub_event_type, country, 2016),
                     _old_event_actors(text, cue_m, (0, len(text)), mentions, event_type, sub_event_type, country,
                                       2016))


def test_roles_and_event_actors_as_before_in_real_news(fakes_path):
    from collections import Counter
    from unittest import mock

    from conflictkit.coding import detection

    reports, _ = ck.load_reports(fakes_path)
    seen = Counter()

    def checked(new, old, name):
        def both(*args):
            got = new(*args)
            assert _same(got, old(*args)), name
            seen[name] += 1
            return got
        return both

    with mock.patch.object(ac, "assign_roles", checked(ac.assign_roles, _old_assign_roles, "roles")), \
            mock.patch.object(detection, "_event_actors", checked(ac.event_actors, _old_event_actors, "actors")):
        coding = ck.code_reports(reports, progress=False)
    assert seen["roles"] > 1500 and seen["actors"] > 1500
    assert len(coding.rejects) == 0


def _old_merge_mentions(named, generic, text):
    if not named or not generic:
        return sorted(list(named) + list(generic))
    spans = [(m.start, m.end) for m in named]
    keep = [g for g in generic
            if not any(s < g.end and g.start <= e + 1 and not text[e:g.start].strip() for s, e in spans)]
    return sorted(list(named) + keep)


@given(st.lists(st.sampled_from(["Al Shabaab", "militants", "Kenyan", "police", "gunmen", " ", ",", "the", "Taliban",
                                 "fighters", "and", "villagers", "\n", "Regime", "forces"]), max_size=16),
       st.lists(st.tuples(st.integers(0, 80), st.integers(0, 12)), max_size=4))
@settings(max_examples=500, deadline=None)
def test_merged_mentions_as_before(words, spans):
    text = " ".join(words)
    named = [ac.ActorMention(s, min(len(text), s + n), text[s:s + n], "named", "", "A") for s, n in spans
             if s < len(text)]
    generic = ac.find_generic_actors(text)
    assert ac.merge_mentions(named, generic, text) == _old_merge_mentions(named, generic, text)
