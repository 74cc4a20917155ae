"""Event cues and types in ACLED's taxonomy (conflictkit.coding.event_types)."""

import re

import pytest
from conftest import shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit.coding import event_types
from conflictkit.coding._scan import lower_same_length, word_starts
from conflictkit.coding.event_types import classify_event_type, event_sentences, event_type_rules, find_event_cues
from conflictkit.io.reports import report_from_text


@pytest.mark.parametrize("text, event_type, sub_event_type", [
    # protests
    ("Hundreds of nurses protested outside the health ministry in Accra over unpaid allowances.",
     "Protests", "Peaceful protest"),
    ("Workers at the cement factory went on strike in Tema on Monday.", "Protests", "Peaceful protest"),
    ("Police fired tear gas to disperse students demonstrating in Kampala.", "Protests", "Protest with intervention"),
    ("Soldiers opened fire on protesters in Ambo, killing two.", "Protests", "Excessive force against protesters"),
    # riots
    ("Youths burned tyres and threw stones at police in Kisumu.", "Riots", "Violent demonstration"),
    ("A mob lynched a suspected thief in Lagos.", "Riots", "Mob violence"),
    # arrests, agreements, territory, bases
    ("Police arrested five opposition officials in Harare on Tuesday.", "Strategic developments", "Arrests"),
    ("The two militias signed a ceasefire agreement in Juba.", "Strategic developments", "Agreement"),
    ("Al Shabaab fighters seized control of the town of Moqokori after government troops withdrew.",
     "Battles", "Non-state actor overtakes territory"),
    ("Government troops recaptured the village of Kubi from Boko Haram.", "Battles", "Government regains territory"),
    ("The army set up a new military base near Beni.", "Strategic developments", "Headquarters or base established"),
    # violence
    ("Clashes between soldiers and rebels broke out near Bambari; no casualties were reported.",
     "Battles", "Armed clash"),
    ("Gunmen shot dead three farmers in Zamfara.", "Violence against civilians", "Attack"),
    ("Three villagers were hacked to death by militiamen in Ituri.", "Violence against civilians", "Attack"),
    ("Militants attacked an army checkpoint near Arish.", "Battles", "Armed clash"),
    ("SAF bombed Golo on Monday.", "Explosions/Remote violence", "Air/drone strike"),
])
def test_event_types_by_class(text, event_type, sub_event_type):
    assert classify_event_type(text)[:2] == (event_type, sub_event_type)


@pytest.mark.parametrize("text, sub_event_type", [
    ("Police said 5 people were killed and 12 wounded when a car bomb exploded in Mogadishu on Tuesday.",
     "Remote explosive/landmine/IED"),
    ("Three policemen were wounded when a grenade was thrown at their post.", "Grenade"),
    ("Two children were killed when a mortar shell hit their home.", "Shelling/artillery/missile attack"),
    # another way of fighting beside the weapon: the toll counts again
    ("Soldiers clashed with rebels near Beni; five soldiers were killed and mortars were fired.", "Armed clash"),
])
def test_a_weapon_outweighs_the_toll(text, sub_event_type):
    assert classify_event_type(text)[1] == sub_event_type


def test_outcome_rules_give_way_to_a_weapon_only():
    rules = event_type_rules()
    assert set(rules["outcome"]) == {"0", "1"}
    toll = [c for c in find_event_cues("Five people were killed and two soldiers wounded.") if c.outcome]
    assert {c.event_type for c in toll} == {"Violence against civilians", "Battles"}
    assert classify_event_type("Five people were killed in Gao.")[:2] == ("Violence against civilians", "Attack")


def test_a_month_is_no_march():
    types = {c.sub_event_type for c in find_event_cues("On 24 March 2023, clashes took place in Aleppo.")}
    assert types == {"Armed clash"}
    assert "Peaceful protest" in {c.sub_event_type for c in find_event_cues("Teachers marched in Accra.")}


def test_cues_keep_offsets():
    text = "Late on Monday, hundreds of traders protested in Kumasi."
    for c in find_event_cues(text):
        assert text[c.start:c.end] == c.text


def _event_sentences(text):
    r = report_from_text(text, find_header=False)
    return {r.text[r.sentences[i][0]:r.sentences[i][1]]: [c.sub_event_type for c in cs]
            for i, cs in event_sentences(r.text, list(r.sentences)).items()}


@pytest.mark.parametrize("text", [
    # opinion and analysis: no event
    "Protest is the lifeblood of democracy. Governments that ban demonstrations should expect more anger, not less.",
    "Why do riots happen? Economists argue that food prices matter more than ideology.",
    # plans, threats and conditions are not events
    "Unions threatened to strike if the pay rise is not paid. Teachers will march next week.",
])
def test_no_event_without_a_report_of_one(text):
    assert _event_sentences(text) == {}


@pytest.mark.parametrize("text, sentence", [
    ("Analysts worry about the economy. On Monday, traders protested in Kumasi against new taxes.",
     "On Monday, traders protested in Kumasi against new taxes."),
    ("Al Shabaab forces attack a police outpost at Garsoor on 19/03.",
     "Al Shabaab forces attack a police outpost at Garsoor on 19/03."),
    ("Students demonstrate in Bangui against cuts to grants.",
     "Students demonstrate in Bangui against cuts to grants."),
])
def test_a_reported_event_is_found_without_casualties(text, sentence):
    assert list(_event_sentences(text)) == [sentence]


@pytest.mark.parametrize("text, takeover", [
    ("The situation is now calm after it captured the hill.", False),
    ("It is said the army captured the ridge.", False),
    ("IS fighters captured the hill overnight.", True),
    ("Militants of IS seized two villages near Palmyra.", True),
])
def test_the_bundled_is_rule_is_the_acronym_not_the_word(text, takeover):
    cues = [c for c in find_event_cues(text) if c.sub_event_type == "Non-state actor overtakes territory"]
    assert any(c.text.startswith("IS") for c in cues) is takeover
    assert not any(c.text.startswith("is") for c in cues)


@pytest.mark.parametrize("text", [
    "On 3 May 2021, traders protested in Kumasi against new taxes.",
    "Traders protested in Kumasi on May 3 against new taxes.",
    "In May, nurses went on strike in Tamale.",
])
def test_the_month_may_is_no_modal(text):
    assert list(_event_sentences(text)) == [text]


def test_the_modal_may_still_makes_no_event():
    assert _event_sentences("Teachers may strike in Accra if pay is cut.") == {}


@pytest.mark.parametrize("text, event_type, sub_event_type", [
    # ground fighting with air or artillery support is a battle (ACLED), a strike alone is remote violence
    ("Government troops, backed by air strikes, fought rebels near the town of Kalo.", "Battles", "Armed clash"),
    ("Clashes and shelling continued around the airport on Tuesday.", "Battles", "Armed clash"),
    ("Amid heavy artillery fire, the two sides clashed near the bridge.", "Battles", "Armed clash"),
    ("Heavy fighting between two militias went on all night, accompanied by mortar fire.", "Battles", "Armed clash"),
    ("Warplanes bombed a market in the town, killing four.", "Explosions/Remote violence", "Air/drone strike"),
    ("Artillery shelled the northern suburbs overnight.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    # a crowd's violence, a clash with the police, a blocked road: a riot
    ("Traders clashed with police in the market after stalls were demolished.", "Riots", "Violent demonstration"),
    ("Angry demonstrators stormed the district office in Kisii.", "Riots", "Violent demonstration"),
    ("During the march, students torched two cars.", "Riots", "Violent demonstration"),
    ("Motorcyclists blocked roads in Lira over a new tax.", "Riots", "Violent demonstration"),
    ("Workers marched peacefully to parliament in Lilongwe.", "Protests", "Peaceful protest"),
    # fighters killed in the passive, fighters killing: a battle only when the dead are fighters
    ("Two soldiers were killed in an ambush near Gao.", "Battles", "Armed clash"),
    ("A soldier shot and killed a taxi driver at a checkpoint.", "Violence against civilians", "Attack"),
    ("Four villagers were killed by rebels in Kasai.", "Violence against civilians", "Attack"),
    ("Herders kill six in a night raid on Kwata.", "Violence against civilians", "Attack"),
    # a defence against an attack, infighting, returned fire: a battle
    ("The army repelled an assault on its base in Dikwa.", "Battles", "Armed clash"),
    ("Guards returned fire when attackers approached the depot.", "Battles", "Armed clash"),
    ("Infighting between two factions of the militia broke out in Beni.", "Battles", "Armed clash"),
])
def test_event_types_by_class_of_phrasing(text, event_type, sub_event_type):
    assert classify_event_type(text)[:2] == (event_type, sub_event_type)


@pytest.mark.parametrize("text, event_type, sub_event_type", [
    ("5 civilians were killed by rebels near Beni.", "Violence against civilians", "Attack"),  # a rule may start with a figure
    ("Unknown men attacked the mayor of Kolo on Monday.", "Violence against civilians", "Attack"),
    ("A fight between herders and farmers broke out near Lafia.", "Battles", "Armed clash"),
    ("Soldiers disarmed a local militia in Bor.", "Strategic developments", "Disrupted weapons use"),
    ("Youths petrol-bombed the councillor's house in Soweto.", "Riots", "Violent demonstration"),
    # a protest outside a headquarters establishes none
    ("Hundreds of workers protested outside the ministry headquarters in Abuja.", "Protests", "Peaceful protest"),
    ("The army sets up a new base in Garad.", "Strategic developments", "Headquarters or base established"),
    ("Rebel commanders defect to the government side in Bor.", "Strategic developments", "Change to group/activity"),
    ("The government deployed 2,000 troops to the border region.", "Strategic developments",
     "Change to group/activity"),
    ("The militia left the town on Sunday.", "Strategic developments", "Non-violent transfer of territory"),
])
def test_event_types_of_events_without_casualties(text, event_type, sub_event_type):
    assert classify_event_type(text)[:2] == (event_type, sub_event_type)


def test_a_specific_rule_beats_a_general_one_at_the_same_word():
    # "clashed" alone is a battle cue; "clashed with police" is a riot's, and heavier
    cues = find_event_cues("Traders clashed with police in Kumasi.")
    assert [(c.text, c.sub_event_type) for c in cues] == [("clashed with police", "Violent demonstration")]


def _unreal_same_as_full_search(text):
    """The modal, plan and condition tests of event_sentences, tried only where their words
    start, say what searching the sentence says, wherever a cue ends (at a word's end or inside one)."""
    low = lower_same_length(text)
    starts = word_starts(event_types._UNREAL_WORDS, low)
    for end in range(1, len(low) + 1):
        assert event_types._unreal_before(low, starts, end) == bool(event_types._UNREAL_RX.search(low, 0, end))
        assert bool(event_types._unreal_after(low, starts, end)) == bool(event_types._UNREAL_AFTER_RX.match(low, end))


@pytest.mark.parametrize("text", [
    "Protesters threatened to march. Rebels could attack. Troops willingly attacked.",
    "In May, police mayhem; they may strike; called for talks; if, whether, never.",
    "Unions vowed not to strike, but workers walked out; the army can't and won't leave.",
])
def test_modal_words_are_found_where_a_full_search_finds_them(text):
    _unreal_same_as_full_search(text)


_MODAL_WORDS = st.sampled_from(["will", "willing", "may", "May", "3", "in", "mid-", "can", "cannot", "plan", "planned",
                                "to", "not", "threatened", "calls", "for", "if", "iffy", "attack", "protested", "x",
                                ",", ".", "'", "won't", "should", "never", "whether", "İ"])


@given(st.lists(_MODAL_WORDS, max_size=15), st.sampled_from([" ", "", "-"]))
@settings(max_examples=200, deadline=None)
def test_modal_words_are_found_where_a_full_search_finds_them_in_any_text(words, sep):
    _unreal_same_as_full_search(sep.join(words))


@pytest.mark.slow
def test_modal_words_are_found_where_a_full_search_finds_them_in_real_news():
    reports, _ = ck.load_reports(shared_file("news", "fa-kes-syria-804.csv"))
    sentences = [r.text[s:e] for r in reports[:60] for s, e in r.sentences]
    assert len(sentences) > 600
    for sentence in sentences:
        _unreal_same_as_full_search(sentence)


def _rule_patterns():
    rules = event_type_rules()
    return [p[2:].lower() if flag == "0" else p[2:] for p, flag in zip(rules["pattern"], rules["case_sensitive"])]


_RULE_WORDS = st.sampled_from(["a", "an", "two", "12", "civilians", "were", "killed", "shot", "dead", "soldiers",
                               "attacked", "the", "village", "IS", "is", "fighters", "captured", "recaptured",
                               "from", "rebels", "clashed", "with", "police", "strike", "3-day", "strikes", "killing",
                               "women", "protesters", "burned", "tyres", "shell", "shelling", "."])


@given(st.lists(_RULE_WORDS, max_size=14), st.sampled_from([" ", "  ", "-"]))
@settings(max_examples=150, deadline=None)
def test_factored_rules_match_as_written(words, sep):
    """Each rule rewritten (:func:`event_types._factored_pattern`) matches the same text, at every start."""
    text = sep.join(words)
    for p in _rule_patterns():
        rx, fx = re.compile(p), re.compile(event_types._factored_pattern(p))
        for t in (text, text.lower()):
            for k in range(len(t) + 1):
                a, b = rx.match(t, k), fx.match(t, k)
                assert (a and a.span()) == (b and b.span()), (p, t, k)


def test_factored_patterns():
    f = event_types._factored_pattern
    assert f(r"(?:killed|kills|dead|kill)") == r"(?:kill(?:ed|s|)|dead)"
    assert f(r"(?:a|an|[0-9]+|ab) (?:\w+ ){0,2}") in (r"(?:a(?:|n)|[0-9]+|ab) (?:\w++ ){0,2}",
                                                      r"(?:a(?:|n)|[0-9]+|ab) (?:\w+ ){0,2}")  # Python 3.10
    assert f(r"(?i:ab|ac)") == r"(?i:ab|ac)"  # flags: as written


def test_a_text_without_the_case_sensitive_rules_words_has_no_such_cues():
    sensitive = event_types.compile_event_rules().alternations[1]
    assert sensitive.needs == ("IS", "shell")
    assert event_types._needed_words(r"(?:ab|cd)x+(?:ef|g(?:h|i))") == [{"ab", "cd"}, {"x"}, {"ef", "g"}]
    assert event_types._needed_words(r"ab?c") == [{"a"}, {"c"}]
    for text, found in [("On Monday IS fighters captured the hill.", True), ("ISIS fighters captured the hill.", False)]:
        assert any(c.rule in sensitive.meta for c in find_event_cues(text)) is found


def test_rule_rewrite_leaves_long_escapes_alone():
    # "\x41+" repeats the escape, not its last digit: a rule with such escapes is not rewritten
    import re

    from conflictkit.coding.event_types import _factored_pattern

    for pattern, text in ((r"\x41+ b", "AA b"), (r"(a)\1+ c", "aaa c"), (r"\w+ (?:kills|killed)", "men killed")):
        assert re.fullmatch(_factored_pattern(pattern), text), pattern


# ---------------------------------------------------------------------------
# _weapon_only against the form it replaced (any() of a generator)

def _old_weapon_only(cues):
    return any(c.event_type in event_types.WEAPON_TYPES for c in cues) and not event_types.tells_fighting(cues)


_TYPED_CUE = st.builds(
    lambda t, w, o: event_types.EventCue(0, 1, "x", t[0], t[1], w, "r1", o),
    st.sampled_from([("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
                     ("Protests", "Peaceful protest"), ("Natural disaster", "Natural disaster"),
                     ("Violence against civilians", "Attack")]),
    st.sampled_from([1.0, 1.5, 2.0]), st.booleans())


@given(st.lists(_TYPED_CUE, max_size=6))
@settings(max_examples=400, deadline=None)
def test_weapon_only_as_before(cues):
    assert event_types._weapon_only(cues) is _old_weapon_only(cues)
