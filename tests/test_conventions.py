"""ACLED's coding remarks in notes: the figure an event carries."""

import math
import re

import pytest

import conflictkit as ck

from conflictkit.coding.conventions import Remark, find_remarks, remark_share


@pytest.mark.parametrize("note, share", [
    ("Fighting was reported in the area. Unknown fatalities coded as 10.", 10),
    ("Casualties on both sides; the unknown number of fatalities is coded to 10.", 10),
    ("An unspecified number of fighters died, coded as ten, in the clashes.", 10),
    ("Coded 3 fatalities conservatively.", 3),
    ("Unknown number of rebel fatalities coded to 10. Total fatalities coded to 24.", 24),
    ("Unknown fatalities coded as 10 for a total of 14 fatalities.", 14),
    ("Total fatalities coded to 12 and split between both locations, 6 each.", 6),
    ("Total fatalities coded to 20 and spread evenly across the four events.", 5),
    ("Unknown fatalities coded as 10 and divided between Tall Rifaat and Mare'.", 5),
    ("Unknown fatalities coded as 10 and divided 4/4/2 across Kafr Nabl, Hass and Kansafra respectively.", 4),
    ("Clashes over grazing land; 40 feared dead over 2 days (10 fatalities coded per day).", 10),
    ("Fighting continued for a third day, 9 killed (3 fatalties coded per day).", 3),
    ("Total fatalities of 11 are split as follows: 3 Jisr, 4 Ariha, 4 Saraqib.", 4),
    ("Eight fatalities were split between the two events with 4 coded to this event.", 4),
    ("Total fatalities of 40 are split over 12 locations as follows: 4 Tal, 3 Kafr. Total fatalities coded as 4.", 4),
])
def test_remarks_give_the_event_share(note, share):
    assert remark_share(find_remarks(note)) == share


@pytest.mark.parametrize("note", [
    "Five regime soldiers were killed and 3 others were wounded.",
    "Regime forces shelled the town, which was split between two factions.",
    "The army coded its messages before each attack.",
])
def test_no_remark_without_a_coded_figure(note):
    assert find_remarks(note) is None


def test_remark_keeps_total_and_share_apart():
    r = find_remarks("Total fatalities coded to 10, split between the 2 locations with 5 coded to each.")
    assert (r.total, r.share) == (10, 5)
    assert math.isnan(find_remarks("Unknown fatalities coded as 10.").share)


def test_share_without_any_figure_is_none():
    assert remark_share(Remark(0, 0, math.nan)) is None


def _ungated(text, monkeypatch):
    """find_remarks with every pattern searched in every text (no gate), in the whole text."""
    from conflictkit.coding import conventions

    with monkeypatch.context() as m:
        m.setattr(conventions, "_BARRIERS", {})
        m.setattr(conventions, "_barriers", lambda rx: None)
        m.setattr(conventions, "_may_remark", lambda words, text: True)
        m.setattr(conventions, "_words_in", lambda text: {w for _, needs in conventions._CODED
                                                          + conventions._TOTAL + conventions._EACH for w in needs})
        return conventions.find_remarks(text)


@pytest.mark.parametrize("note", [
    "Fighting left dozens dead; 12 fatalities were divided between the two villages.",
    "For a total of 14 people, the number was coded as seven each.",
    "A total of 5 deaths recorded, spread over the district, 1 each.",
    "Regime forces split the town; each side lost men. Total deaths recorded at 40.",
    "Unknown number coded as 10 and split between Tall Rifaat and Mare'.",
    "The convoy was divided and each truck was hit; total losses unknown.",
    "fatalİties CODED AS 3 and ſplit evenly across the two events.",
])
def test_the_gate_never_hides_a_remark(note, monkeypatch):
    assert repr(find_remarks(note)) == repr(_ungated(note, monkeypatch))  # repr: nan == nan


def test_the_gate_never_hides_a_remark_in_acled_notes(monkeypatch):
    import pandas as pd
    from conftest import shared_file

    notes = pd.read_csv(shared_file("gold", "acled-syria-battles-dev.tsv"), sep="\t", usecols=["notes"],
                        dtype=str, keep_default_na=False, quoting=3)["notes"]
    found = [repr(find_remarks(n)) for n in notes]
    assert sum(r != "None" for r in found) > 100  # the dev notes are full of remarks
    assert found == [repr(_ungated(n, monkeypatch)) for n in notes]


def test_a_total_coded_in_total_overrides_the_parts():
    note = ("Clashes between the army and rebels in the hills. 4 rebels killed. An unknown number of soldiers "
            "killed. 9 fatalities coded in total.")
    (event,) = ck.code_report(ck.report_from_text(note, find_header=False)).events.itertuples()
    assert event.fatalities_acled == 9


def test_a_note_copied_onto_several_events_shares_out_its_deaths():
    import pandas as pd

    from conflictkit.coding.conventions import split_shared_notes

    notes = pd.Series(["Militants attacked two villages; 29 dead."] * 3 + ["Clashes. Heavy casualties."] * 2
                      + ["Seven soldiers were killed."] * 2 + ["Five civilians were killed."])
    figures = pd.Series([29, 29, 29, 10, 10, 7, 7, 5])
    stated = pd.Series([True] * 3 + [False] * 2 + [True] * 3)
    got = split_shared_notes(figures, notes, stated)
    assert got.tolist() == [10, 10, 9, 10, 10, 4, 3, 5]  # ACLED's 10 per vague event is kept
    assert got[:3].sum() == 29 and figures.tolist()[0] == 29  # the total kept; the input untouched


def test_a_note_of_one_event_keeps_its_figure():
    import pandas as pd

    from conflictkit.coding.conventions import split_shared_notes

    got = split_shared_notes(pd.Series([3, 0, 0]), pd.Series(["a", "b", "b"]), pd.Series([True] * 3))
    assert got.tolist() == [3, 0, 0]


# ---------------------------------------------------------------------------
# the quicker forms of the gate and the searches against the plain ones

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from conflictkit.coding import conventions as C  # noqa: E402
from conflictkit.coding._scan import literal_automaton  # noqa: E402

_GATE = literal_automaton(C._GATE_WORDS)


def _words_in_plain(text):
    """The gate words of ``text`` as one automaton pass finds them (the form _words_in replaced)."""
    fold = not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text)
    low = (text.translate(C._ASCII_FOLD) if fold else text).lower()
    return {low[end + 1 - n:end + 1] for end, n in _GATE.iter(low)}


_PIECES = sorted(set(
    "coded Coded CODED fatalities fatality fatalİties fatalıties total Total recorded each Each EACH split ſplit "
    "divided distributed spread allocated to this event location per day for a of in as at number unknown "
    "the and were are is 5 10 1.5 3.5 12 1,000 1 000 ten seven dozens several two both four between across "
    "evenly among over Hober Burda 4/4/2 reached teacher each other".split()
    + [";", "!", "?", "(", ")", "[", "]", '"', "\u201c", "\u201d", ".", ". ", ".5", ",", ":", "-", "\n", "  "]))
# pieces of remarks, which the patterns match whole or in part
_PHRASES = ["5 each", "10 fatalities coded to each", "2 fatality for each", "coded as 10", "Coded 3 fatalities",
            "10 fatalities coded per day", "Total fatalities of 40 are split", "12 fatalities were divided",
            "each event allocated 3", "4 coded to this event", "total number of fatalities coded to 24",
            "for a total of 14", "16 fatalities coded in total", "Unknown fatalities coded as", "dozens of",
            "1.5 million", "between 10 and 15", "ten to twelve", "twenty-five"]
_notes = st.lists(st.tuples(st.sampled_from(_PIECES) | st.sampled_from(_PHRASES),
                            st.sampled_from([" ", "", " ", "\n", ". ", "; ", "(", ")"])),
                  max_size=14).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_notes)
def test_words_in_as_the_automaton(text):
    plain = _words_in_plain(text)
    assert C._words_in(text) == (plain if plain.intersection(C._CUE_WORDS) else set())


def _same(a, b):
    return (a is None) == (b is None) and (a is None or (a.span(), a.groupdict()) == (b.span(), b.groupdict()))


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_notes)
def test_search_in_stretches_as_the_whole_text(text):
    low = C._lowered(text)
    for rx, needs in C._CODED + C._TOTAL + C._EACH:
        m = rx.search(text)
        assert _same(C._search(rx, text, low, needs), m), (rx.pattern[:40], text)
        assert m is None or any(w in C._lowered(m.group()) for w in needs)  # what _search counts on


def test_the_patterns_that_matter_have_barriers():
    """The "5 each" pattern (the slow one) is searched in stretches, full stops ending them."""
    barrier = C._barriers(C._EACH[0][0])
    assert barrier.match(";") and barrier.match(". ") and not barrier.match(".5") and not barrier.match(",")
    assert C._barriers(C._CODED[0][0]) is None  # "[^.;]": any character but two


def test_barriers_read_from_patterns():
    assert C._barriers(re.compile(r"\d+ each")).pattern == '[;!\\?\\(\\)\\[\\]\\{\\}"\u201c\u201d]|\\.(?!\\d)'
    assert C._barriers(re.compile(r"\d+\.? each")).pattern.endswith("]")  # a full stop before a space
    assert C._barriers(re.compile(r"a.b")) is None and C._barriers(re.compile(r"[^a]")) is None
    assert C._barriers(re.compile(r"each$")) is None and C._barriers(re.compile(r"(a)\1")) is None
    assert not C._barriers(re.compile(r"[;,] each")).match(";") and C._barriers(re.compile(r"[;,] each")).match("(")
    assert not C._barriers(re.compile(r"each(?=\()")).match("(")  # a lookahead looks at it
    assert C._barriers(re.compile(r"(?<=[(;]) each")).match("(")  # a lookbehind looks back, at the text as it is


def test_remarks_of_news_as_the_plain_search(fakes_path, monkeypatch):
    reports, _ = ck.load_reports(fakes_path)
    texts = [r.text for r in reports]
    assert sum(bool(C._words_in(t)) for t in texts) > 50
    assert [repr(find_remarks(t)) for t in texts] == [repr(_ungated(t, monkeypatch)) for t in texts]


def _barriers_of_the_whole_parse(rx):
    """conventions._barriers as it was: the whole pattern parsed, NUMBER_PATTERN and all."""
    from conflictkit.coding import conventions as C

    literals, ranges, categories = set(), [], set()
    stops = []

    def walk(items):
        for i, (op, av) in enumerate(items):
            if op is C._sre.LITERAL and av == ord("."):
                stops.append(i + 1 < len(items) and C._digits(items[i + 1]))
            elif op is C._sre.LITERAL:
                literals.add(chr(av))
            elif op is C._sre.IN:
                for item, value in av:
                    if item is C._sre.LITERAL:
                        literals.add(chr(value))
                    elif item is C._sre.RANGE:
                        ranges.append(value)
                    elif item is C._sre.CATEGORY and value in C._CATEGORIES:
                        categories.add(C._CATEGORIES[value])
                    else:
                        return False
            elif op is C._sre.AT:
                if av not in C._AT_SAME:
                    return False
            elif op is C._sre.BRANCH:
                if not all(walk(alternative) for alternative in av[1]):
                    return False
            elif op is C._sre.SUBPATTERN:
                if not walk(av[-1]):
                    return False
            elif op in C._REPEATS:
                if not walk(av[2]):
                    return False
            elif op in (C._sre.ASSERT, C._sre.ASSERT_NOT):
                if av[0] >= 0 and not walk(av[1]):
                    return False
            else:
                return False
        return True

    if not walk(C._sre_parse.parse(rx.pattern, rx.flags)):
        return None

    def barrier(c):
        return c not in literals and not any(a <= ord(c) <= b for a, b in ranges) and not any(
            category.match(c) for category in categories)

    forms = ["[" + re.escape("".join(filter(barrier, C._BARRIER_CHARS))) + "]"] if any(
        map(barrier, C._BARRIER_CHARS)) else []
    if barrier(".") and all(stops):
        forms.append(r"\.(?!\d)")
    return re.compile("|".join(forms)) if forms else None


def _pattern_of(found):
    return None if found is None else (found.pattern, found.flags)


def test_barriers_of_the_number_pattern_read_once_as_of_the_whole_parse():
    from conflictkit.coding import conventions as C

    patterns = [rx for group in (C._CODED, C._TOTAL, C._EACH) for rx, _ in group] + [
        C._EVENLY, C._PLACES, C._LISTED, C._CUE, C._FOR_A_TOTAL, C._SPLIT_WORD]
    assert sum(C.NUMBER_PATTERN in rx.pattern for rx in patterns) >= 10
    for rx in patterns:
        assert _pattern_of(C._barriers(rx)) == _pattern_of(_barriers_of_the_whole_parse(rx)), rx.pattern[:80]


_PATTERN_PIECES = ["\\.", "\\d+", "\\s+", "each", "[(]", "[;,]", "(?=\\()", "(?<=[(;])", "(?:a|b)", "x?", "\\b", "{N}",
           "(?P<n>{N})", "(?:{N})+", "\\.{N}", "[^a]", "\\x00", "(b)", "(?P<_number_pattern_stand_in_0>)", ".", "$", "[0-9]", "\u201c"]


# number patterns whose barriers tell: one holding barrier characters and a full stop before no digit,
# one that cannot be read
_ODD_NUMBERS = [r"(?:\d+(?:\.\d+)?|[(]x\.y|\w{2}[\u201c-\u201d])", r"(?:\d+|[^a])", r"(?:\d+|(a)\1)"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PATTERN_PIECES), min_size=1, max_size=6), st.sampled_from([re.I, 0]),
       st.sampled_from([None] + _ODD_NUMBERS))
def test_barriers_with_the_number_pattern_anywhere_as_of_the_whole_parse(pieces, flags, number):
    from conflictkit.coding import conventions as C

    with pytest.MonkeyPatch.context() as m:
        if number is not None:
            m.setattr(C, "NUMBER_PATTERN", number)
            m.setattr(C, "_NUMBER_READ", {})
        try:
            rx = re.compile("".join(pieces).replace("{N}", C.NUMBER_PATTERN), flags)
        except re.error:  # (a group name twice)
            return
        assert _pattern_of(C._barriers(rx)) == _pattern_of(_barriers_of_the_whole_parse(rx)), pieces
