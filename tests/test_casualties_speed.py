"""The faster forms of the casualty claim finder give what the forms they replaced gave.  Each
replaced form is kept here as it was and compared with the new one on the windows FA-KES reports
are searched in and on generated text (separators, letters outside ASCII, digits)."""

import bisect
import itertools
import re

import pytest
from conftest import shared_file
from hypothesis import example, given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit.coding import casualties
from conflictkit.coding._scan import literal_automaton, lower_same_length, matches_at, word_starts_in

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


def _old_channel_starts(g, low):
    buckets = {}
    for last, (n, channels, anywhere) in g.channels.iter(low):
        p = last + 1 - n
        if p and (low[p - 1].isalnum() or low[p - 1] == "_"):
            if anywhere < 0:
                continue
            channels = anywhere
        buckets.setdefault(channels, []).append(p)
    out = {}
    for k, starts in buckets.items():
        for c in g.channel_sets[k]:
            out[c] = out[c] + starts if c in out else starts
    for starts in out.values():
        starts.sort()
    return out


def _same_starts(low):
    new, old = casualties._channel_starts(_G, low), _old_channel_starts(_G, low)
    assert new == old and list(new) == list(old), low[:200]
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


# ---------------------------------------------------------------------------
# The cues of a war's running toll: first words read whole, and looked for with the others

class _OldCueFinder(casualties._CueFinder):
    """The cue finder as it was: first words cut at six characters, those outside the parts' words
    (most of them) found by str.find wherever the cue's parts are there."""

    def __init__(self, entries, common):
        self._cues, self._by_word, self._always = [], {}, []
        words = set()
        for k, entry in enumerate(entries):
            parts = casualties._token_words(entry, common)
            source = casualties._words([entry]).lower()
            first = casualties.literal_prefixes(source)
            word = bool(first) and source.startswith(r"\b") and all(w[0].isalnum() or w[0] == "_" for w in first)
            if first:
                first = tuple(sorted(f for f in first if not any(f[:k] in first for k in range(1, len(f)))))
            rx = casualties._lc(source)
            self._cues.append((rx, first or None, word, tuple(map(frozenset, parts[1:])),
                               None if first else casualties.held_strings(rx.pattern)))
            if not parts:
                self._always.append(k)
            for w in parts[0] if parts else ():
                self._by_word.setdefault(w, []).append(k)
            words.update(*parts)
        self._words = self.words = frozenset(words)
        self._first_words = frozenset(self._by_word)
        self.key_words = literal_automaton(sorted(words))  # (holds reads no hit's value when found is given)

    def holds(self, low, start, end, found):
        by_word, cues, words = self._by_word, self._cues, self._words
        for k in self._always + list({k for w in found & self._first_words for k in by_word[w]}):
            rx, first, word, rest, held = cues[k]
            if any(map(found.isdisjoint, rest)):
                continue
            if first is None:
                if (held is None or any(low.find(s, start, end) >= 0 for s in held)) and rx.search(low, start, end):
                    return True
                continue
            for f in first:
                if f in words and f not in found:
                    continue
                p = low.find(f, start, end)
                while p >= 0:
                    if (not word or p == 0 or not (low[p - 1].isalnum() or low[p - 1] == "_")) and rx.match(low, p, end):
                        return True
                    p = low.find(f, p + 1, end)
        return False


_COMMON = casualties._common_words(_G.grammar)
_OLD_CUE_FINDERS = {key: _OldCueFinder(_G.grammar[key + "_cues"], _COMMON) for key in ("cumulative", "roundup")}
_OLD_TOLL_WORDS = literal_automaton(sorted(_OLD_CUE_FINDERS["cumulative"].words | _OLD_CUE_FINDERS["roundup"].words))


def _same_toll_cues(low, a, b):
    """The new finders, given the words of their automaton as _find_claims gives them, say what the old did
    and what a search for any of the cues finds."""
    found = set(map(casualties._second, _G.toll_cue_words.iter(low, a, b)))
    old_found = {low[e + 1 - n:e + 1] for e, n in _OLD_TOLL_WORDS.iter(low, a, b)}
    for key in ("cumulative", "roundup"):
        new = getattr(_G, key).holds(low, a, b, set(found))
        assert new == _OLD_CUE_FINDERS[key].holds(low, a, b, old_found) == bool(_G.lowered[key].search(low, a, b)), (
            key, low[a:b])


def test_toll_cues_as_before_in_real_sentences(fakes_path):
    reports, _ = ck.load_reports(fakes_path)
    n = 0
    for r in reports:
        low = lower_same_length(r.text)
        for s, e in r.sentences:
            _same_toll_cues(low, s, e)
            n += 1
    assert n > 9000


@given(st.lists(_TOLL_WORDS | st.sampled_from(["earlier", "previous", "prior", "shooting", "state", "statement",
                                              "has", "witnessed", "through", "march", "as of", "during", "1990"]),
                max_size=20), _SEPARATORS)
@settings(max_examples=500, deadline=None)
def test_toll_cues_as_before_in_any_text(words, seps):
    low = lower_same_length("".join(w + seps[k % len(seps)] for k, w in enumerate(words)))
    for a, b in ((0, len(low)), (len(low) // 3, len(low))):
        _same_toll_cues(low, a, b)


def test_the_first_words_of_the_cues_are_whole_where_they_can_be():
    firsts = {c[1] for c in _G.cumulative._cues}
    assert ("earlier", "previous", "prior", "unrelated") in firsts and ("19", "20") not in firsts
    assert {"earlier", "prior", "throughout"} <= _G.cumulative.words  # looked for: passed over where not there


# ---------------------------------------------------------------------------
# Sentences without a trigger word skipped before their windows are made; a window's lower case
# sliced from the text's when the text holds no "IS" and no capital sigma

def _old_find_claims(g, text, sentences, headlines):
    """_find_claims's windows as they were found (each sentence's, each window lower-cased alone)."""
    lowered = lower_same_length(text)
    named = casualties._lower_names(text, lowered)
    triggers = casualties._trigger_spans(g, lowered)
    word_triggers = casualties._word_start_triggers(lowered, triggers)
    out = []
    for i, (s, e) in enumerate(sentences):
        for a, b in casualties._windows(lowered, s, e, triggers):
            if casualties._holds_key_word(g, lowered, a, b, word_triggers):
                out.append((i, a, b, casualties._window_lowered(text, named, a, b)))
    return out


def _windows_searched(text, sentences):
    seen = []
    find_in = casualties._find_in

    def spy(g, window, offset, headline=False, sentence=-1, sentence_start=True, low=None):
        seen.append((sentence, offset, offset + len(window), low))
        return find_in(g, window, offset, headline, sentence, sentence_start, low)

    casualties._find_in = spy
    try:
        casualties._find_claims(_G, text, sentences, ())
    finally:
        casualties._find_in = find_in
    return seen


def test_the_windows_searched_as_before_in_real_news(fakes_path):
    reports, _ = ck.load_reports(fakes_path)
    for r in reports:
        assert _windows_searched(r.text, r.sentences) == _old_find_claims(_G, r.text, r.sentences, ()), r.text[:80]


@given(st.lists(_WORDS | st.sampled_from(["IS", "\u03a3", "ISIS", "\u03a3\u03a3", ". ", "killed."]), max_size=30),
       _SEPARATORS, st.lists(st.integers(0, 200), max_size=6))
@example(["x", "IS", "killed"], [""], [1])  # "IS" a name in the window, not in "xIS"
@example(["killed", "\u0391\u03a3\u0391"], [" "], [9])  # a final sigma in the window, not in the text
@settings(max_examples=500, deadline=None)
def test_the_windows_searched_as_before_in_any_text(words, seps, cuts):
    text = "".join(w + seps[k % len(seps)] for k, w in enumerate(words))
    cuts = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    sentences = list(zip(cuts, cuts[1:])) + [(0, len(text))]  # (and one that holds the others)
    assert _windows_searched(text, sentences) == _old_find_claims(_G, text, sentences, ())


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
        _match_alike(name, pats[name], _G.lowered[name], low, starts(name))


def _match_alike(name, new, old, low, starts):
    """``new`` and ``old`` match alike at each of ``starts`` in ``low``: the same spans, groups and group spans."""
    for p in starts:
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
        _match_alike(name, _G.lowered[name], old.lowered[name], low, starts(name))


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
