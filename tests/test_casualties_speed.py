"""The faster forms of the casualty claim finder give what the forms they replaced gave.  Each
replaced form is kept here as it was and compared with the new one on the windows FA-KES reports
are searched in and on generated text (separators, letters outside ASCII, digits)."""

import bisect
import itertools
import re

import pytest
from conftest import shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit.coding import casualties
from conflictkit.coding._scan import lower_same_length, matches_at, word_starts_in

_G = casualties.compile_grammar()


# ---------------------------------------------------------------------------
# The replaced forms, as they were

_OLD_CUES = {name: re.compile(cue) for name, cue in {
    "list": r",|and\s|\d(?<=\s\d)", "active_list": r",|and\s", "n_and_one": r"and\s+(?:an?|one)\s",
    "pair": r"and\s", "pair_n": r"and\s", "compound": r"and\s", "pair_active": r"and\s",
}.items()}


def _old_followed_by(rx, text, starts):
    if rx.search(text, starts[-1]):
        return starts
    out, m = [], None
    for p in starts:
        if m is None or m.start() < p:
            m = rx.search(text, p)
            if m is None:
                break
        out.append(p)
    return out


def _old_pattern_starts(g, low):
    found = casualties._channel_starts(g, low)
    get = found.get
    none = ()
    at = dict(zip(g.word_keys, map(get, g.word_chans, itertools.repeat(()))))
    for k in g.verb_anywhere:
        at[k] = word_starts_in(low, [(0, len(low))])
    needed = tuple(dict.fromkeys(c for _, c in g.need_channels))
    last = {c: found[c][-1] if c in found else -1 for c in needed}
    numbers = get(g.channel_of["number"], [])
    upto = max(map(last.__getitem__, g.count_first_needs))
    if numbers and upto >= 0:
        numbers = [m.start() for m in matches_at(g.lowered["number_start"], low,
                                                  numbers[:bisect.bisect_right(numbers, upto)])]
    else:
        numbers = []
    article = get(g.channel_of["article"], none)
    for c, kind, keys, nothing in g.need_plan:
        end = last[c]
        if end < 0:
            at.update(nothing)
        elif kind == "verb":
            for k in keys:
                starts = at[k]
                at[k] = starts[:bisect.bisect_right(starts, end)] if starts else none
        elif kind == "title":
            at.update(dict.fromkeys(keys, [0]))
        else:
            starts = numbers if kind == "count" else article
            at.update(dict.fromkeys(keys, starts[:bisect.bisect_right(starts, end)] if starts else none))
    for k, cue in _OLD_CUES.items():
        if at[k]:
            at[k] = _old_followed_by(cue, low, at[k])
    return at


def _same_starts(low):
    new, old = casualties._pattern_starts(_G, low), _old_pattern_starts(_G, low)
    assert new == old, low[:200]
    # the same keys in the same order, and () where there were no starts, [] where all were cut off
    assert list(new) == list(old)
    assert [type(v) for v in new.values()] == [type(v) for v in old.values()], low[:200]


# ---------------------------------------------------------------------------
# Real text


def _fakes_windows():
    """The lower-cased windows :func:`casualties._find_claims` searches in FA-KES reports."""
    reports, _ = ck.load_reports(shared_file("news", "fa-kes-syria-804.csv"))
    out = []
    for r in reports:
        text = r.text
        lowered = lower_same_length(text)
        named = casualties._lower_names(text, lowered)
        triggers = casualties._trigger_spans(_G, lowered)
        for s, e in r.sentences:
            for a, b in casualties._windows(lowered, s, e, triggers):
                out.append(casualties._window_lowered(text, named, a, b))
    return out


@pytest.fixture(scope="module")
def fakes_windows():
    return _fakes_windows()


def test_pattern_starts_as_before_in_real_news(fakes_windows):
    assert len(fakes_windows) > 4000
    for low in fakes_windows:
        _same_starts(low)


def test_the_and_cues_are_found_as_the_search_finds_them(fakes_windows):
    and_s = re.compile(r"and\s")
    for low in fakes_windows:
        assert casualties._last_and(low) == max((m.start() for m in and_s.finditer(low)), default=-1)


# ---------------------------------------------------------------------------
# Any text

_WORDS = st.sampled_from(
    ["and", "an", "a", "one", "the", "two", "12", "2017", "at least", "five", "dozens of", "killed", "were killed",
     "was killed", "wounded", "injured", "dead", "bodies", "his", "her", "their", "civilians", "people", "fighters",
     "killing", "shot", "shot dead", "himself", "suicide", "condition", "critical", "death", "died", "dies", "toll",
     "left", "fatally", "is", "IS", "been", "are", "man", "woman", "and a", "and one", "band", "sand", "andes",
     "caf\xe9", "\xe9", "\u2019", "\xa0", "\u0130", ",", "3,000", "_", "x", "1"])
_SEPARATORS = st.lists(st.sampled_from([" ", "", "-", "\xa0", "\u2009", "\u2019", "\xe9", "/", "\n", "_", ",", "\t"]),
                       min_size=1, max_size=4)


@given(st.lists(_WORDS, max_size=30), _SEPARATORS)
@settings(max_examples=500, deadline=None)
def test_pattern_starts_as_before_in_any_text(words, seps):
    text = "".join(w + seps[k % len(seps)] for k, w in enumerate(words))
    _same_starts(casualties._lower_names(text))


@given(st.lists(st.sampled_from(["and", "an", "d", "a", "n", " ", "\xa0", "\u2009", "\t", "x", ",", "\xe9", "_"]),
                max_size=20))
@settings(max_examples=500, deadline=None)
def test_the_last_and_is_the_last_match(parts):
    text = "".join(parts)
    assert casualties._last_and(text) == max((m.start() for m in re.finditer(r"and\s", text)), default=-1)


# ---------------------------------------------------------------------------
# The cues of a war's running toll searched for only where one of the strings every match holds is

_TOLL_WORDS = st.sampled_from(
    ["six-year", "-year", "year", "years", "war", "civil", "conflict", "crisis", "2nd", "second", "third",
     "consecutive", "month", "months", "week", "weeks", "12", "100", "days", "of", "a", "one", "several", "after",
     "before", "fighting", "shelling", "since", "2011", "killed", "more than", "nearly", "-long", "long", "consec",
     "the", "in", "has", "have", "\xe9", "\u2019", "\xa0"])


@given(st.lists(_TOLL_WORDS, max_size=20), _SEPARATORS)
@settings(max_examples=500, deadline=None)
def test_toll_cues_found_as_the_search_finds_them(words, seps):
    low = lower_same_length("".join(w + seps[k % len(seps)] for k, w in enumerate(words)))
    for key in ("cumulative", "roundup"):
        finder = getattr(_G, key)
        for a, b in ((0, len(low)), (len(low) // 3, len(low))):
            assert finder.holds(low, a, b) == bool(_G.lowered[key].search(low, a, b)), (key, low)
        # and each match of a cue searched for holds one of its strings
        for rx, first, word, rest, held in finder._cues:
            if held is not None:
                assert all(any(s in m.group() for s in held) for m in rx.finditer(low)), (rx.pattern, low)


def test_held_strings_of_the_searched_cues():
    held = [c[4] for c in _G.cumulative._cues if c[1] is None]
    assert ("-year",) in held and None not in held


# ---------------------------------------------------------------------------
# The claim patterns compiled with re.ASCII, run where they find what the Unicode ones find


def _same_matches(low, names, starts):
    """The patterns :func:`casualties._claim_patterns` gives for ``low`` match as the Unicode ones
    at ``starts``: the same spans, groups and group spans."""
    pats = casualties._claim_patterns(_G, low)
    for name in names:
        new, old = pats[name], _G.lowered[name]
        for p in starts(name):
            a, b = new.match(low, p), old.match(low, p)
            assert (a is None) == (b is None), (name, p, low)
            if a is not None:
                assert a.span() == b.span() and a.groupdict() == b.groupdict(), (name, p, low)
                assert all(a.span(k) == b.span(k) for k in range(1, old.groups + 1)), (name, p, low)


def test_ascii_copies_are_the_claim_patterns_compiled_with_re_ascii():
    assert set(casualties._ASCII_COPIES) <= set(_G.lowered)
    for name, rx in _G.lowered_ascii.items():
        if name in casualties._ASCII_COPIES:
            assert rx.pattern == _G.lowered[name].pattern and rx.flags == re.ASCII
        else:
            assert rx is _G.lowered[name]
    assert casualties._claim_patterns(_G, "5 men killed") is _G.lowered_ascii
    for low in ("5 men\x1ckilled", "5 men\x1fkilled", "5 men\x1d", "\x1e", "caf\xe9", "5 men\x85killed"):
        assert casualties._claim_patterns(_G, low) is _G.lowered, repr(low)


def test_ascii_copies_match_as_before_in_real_news(fakes_windows):
    for k, low in enumerate(fakes_windows):
        at = casualties._pattern_starts(_G, low)
        words = word_starts_in(low, [(0, len(low))]) if k % 5 == 0 else ()  # (every word start in some)
        _same_matches(low, casualties._ASCII_COPIES, lambda name: sorted(set(at[name]) | set(words)))


# Words of the claims and what is near them, spaces that are spaces only to Unicode ("\x1c"-"\x1f",
# "\x85", "\xa0") or to both, letters outside ASCII (some lower-case to ASCII letters: "\u0130",
# "\u212a"), capitals.
_CLAIM_WORDS = st.sampled_from(
    ["5", "12", "two", "five", "at least", "dozens of", "a", "an", "one", "his", "the", "and", "or", ",", ".",
     "men", "civilians", "fighters", "soldier", "man", "woman", "boy", "shopkeeper", "members", "of", "isis",
     "killed", "were", "was", "been", "killing", "shot", "shot dead", "dead", "wounded", "injured", "died",
     "heavy casualties", "bar owner", "kill", "caf\xe9", "\xe9", "\u0130", "\u212a", "\u017f", "Killed", "IS",
     "_", "-", "'", "\u2019", "(", ")", "in", "near", "yesterday", "2016"])
_CLAIM_SEPARATORS = st.lists(st.sampled_from([" ", " ", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\t", "\n",
                                              "", "-", ", "]), min_size=1, max_size=4)


@given(st.lists(_CLAIM_WORDS, max_size=14), _CLAIM_SEPARATORS)
@settings(max_examples=400, deadline=None)
def test_ascii_copies_match_as_before_in_any_text(words, seps):
    low = casualties._lower_names("".join(w + seps[k % len(seps)] for k, w in enumerate(words)))
    _same_matches(low, casualties._ASCII_COPIES, lambda name: range(len(low) + 1))


@pytest.mark.parametrize("name, low", [("passive", "5 men\x1ckilled"), ("one_passive", "a man\x1fwas killed"),
                                       ("list", "2\x1dsoldiers and 3 civilians were\x1ekilled")])
def test_a_unicode_space_needs_the_unicode_patterns(name, low):
    # what the check of the window is for: re.ASCII's \s leaves these out
    assert _G.lowered[name].match(low) and not _G.lowered_ascii[name].match(low)
    _same_matches(low, [name], lambda name: [0])


# ---------------------------------------------------------------------------
# The count pattern with the faster forms of its parts (casualties._count_parts)

_COUNTED = ("passive", "list", "noun", "condition", "n_and_one", "active", "active_list", "left", "toll", "fatally",
            "compound", "pair_n", "number_start")


@pytest.fixture(scope="module")
def old_count_grammar():
    """The bundled grammar compiled with the count pattern as counts.number_pattern writes it."""
    faster = casualties._faster_count
    casualties._faster_count = lambda source: source
    try:
        return casualties.CasualtyGrammar(_G.grammar)
    finally:
        casualties._faster_count = faster


def _same_counts(old, low, starts):
    for name in _COUNTED:
        new_rx, old_rx = _G.lowered[name], old.lowered[name]
        for p in starts(name):
            a, b = new_rx.match(low, p), old_rx.match(low, p)
            assert (a is None) == (b is None), (name, p, low)
            if a is not None:
                assert a.span() == b.span() and a.groupdict() == b.groupdict(), (name, p, low)
                assert all(a.span(k) == b.span(k) for k in range(1, old_rx.groups + 1)), (name, p, low)


def test_the_faster_count_parts_are_in_the_count_pattern():
    import sys

    from conflictkit.coding.counts import number_pattern

    source = number_pattern(_G.grammar)
    parts = casualties._count_parts(casualties._ONCE)
    assert [source.count(old) for old, _ in parts] == [1, 4, 5]
    if sys.version_info >= (3, 11):
        faster = casualties._faster_count(source)
        assert faster != source and faster in _G.lowered["passive"].pattern and source not in _G.lowered["passive"].pattern
    else:
        assert casualties._faster_count(source) == source


def test_the_faster_count_matches_as_before_in_real_news(fakes_windows, old_count_grammar):
    for k, low in enumerate(fakes_windows):
        at = casualties._pattern_starts(_G, low)
        counts = [m.start() for m in old_count_grammar.lowered["number_start"].finditer(low)]
        words = word_starts_in(low, [(0, len(low))]) if k % 5 == 0 else ()
        _same_counts(old_count_grammar, low, lambda name: sorted(set(at.get(name, ())) | set(counts) | set(words)))


# Counts in digits and words, ranges, ages, and what follows them
_COUNT_WORDS = st.sampled_from(
    ["5", "12", "1,200", "1,200,000", "12.5", "3.", "200 000", "200\xa0000", "000", "1", ",", ".", "5-7", "-", "\u2013",
     "to", "or", "and", "between", "five", "twenty-five", "twenty", "hundred", "thousand", "million", "2016", "19",
     "years", "year", "old", "-year-old", "months", "yrs", "at least", "dozens of", "people", "soldiers", "men",
     "were", "killed", "wounded", "dead", "killing", "left", "toll", "rose", "of", "them", "a", "man", "%", "/", ":",
     "#", "_", "\x1c", "\xe9"])


_COUNT_EXAMPLES = [
    "5 - years old", "5 -year-old men were killed", "5- yrs old", "5 \n- months old", "5 years killed", "5 - killed",
    "1,200 people were killed", "1,200,000 people", "1,20 people", "1,2000 killed", "1200 000 people died",
    "200 000 000 people", "200 000 years old", "12.5 million people", "12.5million", "3. killed", "3.5 killed",
    "5-7,000 people were killed", "5 - 7 killed", "5 to 7,000 killed", "between 10 and 15 were killed",
    "between 2016 and 2017 killed", "twenty-five killed", "twenty - five dead", "19 2016 killed", "killing 5,000",
    "killing 1,200 and injuring 30", "left 12,5 dead", "toll rose to 1,234", "5% killed", "5/7 killed", "a man 5 killed"]


@pytest.mark.parametrize("text", _COUNT_EXAMPLES)
def test_the_faster_count_matches_as_before_in_examples(old_count_grammar, text):
    low = casualties._lower_names(text)
    _same_counts(old_count_grammar, low, lambda name: range(len(low) + 1))


_COUNT_FIRST = st.sampled_from(["5", "12", "1,200", "1,200,000", "12.5", "200 000", "200 000 000", "five", "twenty-five",
                                "5-7", "between 10", "at least 5", "1,2000", "3."])


@given(_COUNT_FIRST, st.lists(_COUNT_WORDS, max_size=10),
       st.lists(st.sampled_from([" ", "", "  ", "-", ", ", "\xa0", "\n", " - "]), min_size=1, max_size=3))
@settings(max_examples=800, deadline=None)
def test_the_faster_count_matches_as_before_in_any_text(old_count_grammar, first, words, seps):
    words = [first] + words
    low = casualties._lower_names("".join(w + seps[k % len(seps)] for k, w in enumerate(words)))
    _same_counts(old_count_grammar, low, lambda name: range(len(low) + 1))
