"""The coders find where a pattern can start with Aho-Corasick automata and
match only there (conflictkit/coding/_scan.py).  These tests check, on the
real corpora and on random text, that this finds exactly what scanning the
whole text with the same regular expression finds."""

import csv
import json
import re

import pandas as pd
import pytest
from conftest import shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit.coding import casualties, dates, event_types, sources
from conflictkit.coding._scan import (
    literal_automaton,
    literal_prefixes,
    literal_starts,
    lower_same_length,
    matches_at,
    word_starts,
)


@pytest.fixture(scope="module")
def real_texts():
    reports, _ = ck.load_reports(shared_file("news", "fa-kes-syria-804.csv"))
    gva = [json.loads(line) for line in shared_file("gold", "gva-articles-dev.jsonl").open(encoding="utf-8")]
    return [r.text for r in reports] + [g["title"] + "\n\n" + g["content"] for g in gva]


_G = casualties.compile_grammar()
# Patterns tried at the word starts of the verb automaton, on lower-cased text.
_VERB_PATTERNS = ("compound", "fatally", "active", "left", "toll", "one_active", "self", "self_shot", "active_list")
# Every claim pattern, with the text it runs on (lower-cased or as written).
_CLAIM_PATTERNS = [(rx, True) for name, rx in _G.lowered.items()
                   if name not in ("number_start", "negated", "cumulative", "roundup", "perfect", "head_first")]
_CLAIM_PATTERNS += [(_G.implied, False), (_G.unnumbered, False), (casualties._NAMED_ONE, False)]
_ARTICLE_RE = re.compile(r"\b(?:an?|one|another|his|her|their|the)\s")


def _same_as_full_scan(text):
    low = lower_same_length(text)
    # the patterns only run around trigger words: every match of every claim pattern holds one
    for rx, lowered in _CLAIM_PATTERNS:
        for m in rx.finditer(low if lowered else text):
            assert any(w in low[m.start():m.end()] for w in _G.trigger_words), (rx.pattern[:60], m.group())
            # and one of the lists' key words where a word starts (a window without one is not searched)
            assert casualties._holds_key_word(_G, low, m.start(), m.end(), []), (rx.pattern[:60], m.group())
    at, channels = casualties._pattern_starts(_G, low), casualties._channel_starts(_G, low)
    for name in _VERB_PATTERNS:
        rx = _G.lowered[name]
        assert [m.span() for m in matches_at(rx, low, at[name])] == [m.span() for m in rx.finditer(low)], name
    # a window is searched for a pattern only when it holds a word of the list the pattern needs
    for name in casualties._NEEDS:
        for m in _G.lowered[name].finditer(low):
            assert _G.channel_of["need:" + name] in casualties._channel_starts(_G, m.group()), (name, m.group())
    assert channels.get("article", []) == [m.start() for m in _ARTICLE_RE.finditer(low)]
    numbers = matches_at(_G.lowered["number_start"], low, channels.get("number", []))
    assert [m.span() for m in numbers] == [m.span() for m in _G.lowered["number_start"].finditer(low)]
    # the count-first and article patterns are tried only up to the last word they need and their
    # last cue: every start where one matches is kept
    for name in casualties._COUNT_FIRST + casualties._ARTICLE_PATTERNS:
        every = [m.start() for m in numbers] if name in casualties._COUNT_FIRST else channels.get("article", [])
        assert {p for p in every if _G.lowered[name].match(low, p)} <= set(at[name]), name
    # the cues of a war's running toll: found as a search for any of them finds them
    for a, b in ((0, len(low)), (0, len(low) // 2), (len(low) // 3, len(low))):
        assert _G.cumulative.holds(low, a, b) == bool(_G.lowered["cumulative"].search(low, a, b))
        assert _G.roundup.holds(low, a, b) == bool(_G.lowered["roundup"].search(low, a, b))
    assert [m.span() for m in casualties._implied(_G, text, low)] == [m.span() for m in _G.implied.finditer(text)]
    assert [m.span() for m in casualties._unnumbered(_G, text, low)] == [
        m.span() for m in _G.unnumbered.finditer(text)]
    assert [m.span() for m in dates._candidates(text, 0, len(text))] == [
        m.span() for m in dates._PATTERN.finditer(text)]
    starts, verbs = sources._first_words_and_verbs(text)
    generic_starts = sources._within(starts, sources._generic_windows(text, verbs))
    assert [m.span() for m in matches_at(sources._GENERIC, text, generic_starts)] == [
        m.span() for m in sources._GENERIC.finditer(text)]
    assert [m.span() for m in matches_at(sources._ACCORDING, text, sources._word_starts_of("according", low))] == [
        m.span() for m in sources._ACCORDING.finditer(text)]


def test_trigger_spans_are_leftmost_and_do_not_overlap():
    low = "a man was shot dead; soldiers died. the homicide of a teen"
    spans = casualties._trigger_spans(_G, low)
    assert [low[s:e] for s, e in spans] == ["shot", "dead", "died", "homicide"]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def _event_rules_same_as_full_scan(text):
    for alt in event_types._compiled():
        t = text.lower() if alt.lowered else text
        assert alt.starts is not None  # every bundled rule has readable first words
        assert [(m.lastgroup, m.span()) for m in event_types._matches(alt, t)] == [
            (m.lastgroup, m.span()) for m in alt.pattern.finditer(t)]


@pytest.mark.slow
def test_automata_find_what_a_full_scan_finds_in_real_news(real_texts):
    assert len(real_texts) > 3000
    for text in real_texts:
        _same_as_full_scan(text)
        _event_rules_same_as_full_scan(text)
    case = pd.read_csv(shared_file("gold", "case2021-event-types-dev.tsv"), sep="\t", quoting=csv.QUOTE_NONE,
                       dtype=str)
    for snippet in case.EventSnippet:
        _event_rules_same_as_full_scan(snippet)


_words = st.sampled_from(
    ["a", "an", "one", "his", "At least", "28", "1,200", "two", "dozens", "fighters", "Regime", "forces",
     "were", "had been", "killed", "and", "injured", "died", "dies", "soldier", "THIS YEAR", "tonight",
     "Monday", "last week", "22 September 2020", "since", "in", "2016", "three days later", "a dozen",
     "killing", "shot", "wounded", "-", ",", ".", "\u00a0", "\n", "(", "'s", "İ", "The", "war monitor",
     "activists", "said", "according to", "According to", "state media", "reported", "was found shot dead", "fatal", "a deadly attack", "the death of", "Smith", "later died",
     "succumbed to his injuries", "lost his life", "proved fatal", "non-fatal", "clashes", "air strike",
     "shelling", "IS", "protesters", "arrested", "ceasefire", "earthquake", "gunmen opened fire on",
     "turned the gun on himself", "critical", "in serious condition", "the homicide of", "took the lives of",
     "death toll rose to", "number of people killed", "committed suicide", "murder-suicide"])


def _unnumbered_in_100_characters(text, low, at):
    """The unnumbered pattern tried at every word start in the 100 characters before each cue (the
    code before it was tried at the last words before a cue only)."""
    from conflictkit.coding._scan import merge_windows, word_starts_in

    cues = [m.start() for m in matches_at(casualties._UNNUMBERED_CUE, low, at["cue"])]
    windows = merge_windows((max(0, c - 100), c) for c in cues)
    return matches_at(_G.unnumbered, text, word_starts_in(text, windows))


_UNNUMBERED_WORDS = st.sampled_from(
    ["Turkish", "pro-regime", "Pro-Regime", "regime", "Anti-were", "are", "were", "been", "had", "have", "has",
     "staff", "staff members", "police", "police officers", "gunmen", "soldiers", "fighters", "killed", "injured",
     "wounded", "and", "or", "reportedly", "also", "all", "The", "Kurdish", "army", "x" * 60, "-", ",", "\n",
     "civilians", "were killed", "had been wounded", "family members", "members"])


@given(st.lists(_UNNUMBERED_WORDS, max_size=30), st.sampled_from([" ", "  ", "\n", " \u00a0"]))
@settings(max_examples=500, deadline=None)
def test_the_unnumbered_pattern_tried_at_the_last_words_finds_what_100_characters_find(words, sep):
    text = sep.join(words)
    low = lower_same_length(text)
    at = casualties._pattern_starts(_G, low)
    expected = [m.span() for m in _unnumbered_in_100_characters(text, low, at)]
    assert [m.span() for m in casualties._unnumbered(_G, text, low, at)] == expected
    assert expected == [m.span() for m in _G.unnumbered.finditer(text)]


def test_the_unnumbered_pattern_finds_in_real_sentences_what_100_characters_find(real_texts):
    for text in real_texts[:1500]:
        low = lower_same_length(text)
        at = casualties._pattern_starts(_G, low)
        assert [m.span() for m in casualties._unnumbered(_G, text, low, at)] == [
            m.span() for m in _unnumbered_in_100_characters(text, low, at)]


def test_last_words_and_most_words():
    assert casualties._last_words("aa bb  cc dd ee ", 16, 2, 100) == 9  # " dd ee"
    assert casualties._last_words(" a b ", 5, 2, 100) == 0  # fewer words: the start
    assert casualties._last_words("zzzzz a b ", 10, 2, 6) == 5  # at most 6 characters back: " a b "
    assert casualties._most_words(["gunm[ae]n", "police(?: officers?)?", "staff members"]) == 2
    for entry in (r"a\sb", "a[ -]b", "a[^b]", "(?: x)+", "a.b", "(?: x){2}"):
        assert casualties._most_words([entry]) is None, entry
    assert _G.unnumbered_words == 4  # a word, two words of victims ("staff members"), "had"
    # an overlay whose adverb is no word, or whose victim is "were", is tried in the 100 characters
    import copy

    for key, entry in (("manner_adverbs", "half-heartedly"), ("victim_heads", "x-are"), ("victim_heads", r"a\s+b")):
        grammar = copy.deepcopy(_G.grammar)
        grammar[key].append(entry)
        assert casualties.CasualtyGrammar(grammar).unnumbered_words is None, entry


@given(st.lists(_words, max_size=40), st.sampled_from([" ", "", "  "]))
@settings(max_examples=300, deadline=None)
def test_automata_find_what_a_full_scan_finds_in_any_text(words, sep):
    _same_as_full_scan(sep.join(words))
    _event_rules_same_as_full_scan(sep.join(words))


_PATTERNS = [r"(?:air ?strikes?|shell(?:s|ing|ed)|[ab]x+)\b", r"(?:x )?kil+ed|k[io]ll?", r"a?b?c", r"(?:ab){2,}c|d"]


@given(st.text(alphabet="abcdxikloe sh", max_size=60), st.sampled_from(_PATTERNS), st.integers(1, 6))
@settings(max_examples=300, deadline=None)
def test_every_match_starts_with_a_literal_prefix(text, pattern, length):
    prefixes = literal_prefixes(pattern, length)
    assert prefixes is not None and all(len(p) <= length for p in prefixes)
    for m in re.finditer(pattern, text):
        assert any(text.startswith(p, m.start()) for p in prefixes), (m.group(), prefixes)


def test_literal_prefixes_gives_up_where_a_match_can_start_anywhere():
    assert literal_prefixes(r"\w+ killed") is None
    assert literal_prefixes(r"(?:the )?.*dead") is None
    assert literal_prefixes(r"x?") is None  # can match the empty string
    assert literal_prefixes(r"(?i)killed") is None and literal_prefixes(r"(?i:killed)") is None
    assert literal_prefixes(r"shot (?i:dead)", 8) == {"shot "}


def test_matches_at_skips_overlaps_and_literal_starts_ranks():
    automaton = literal_automaton(["ab", "abc", "b"])
    text = "xabcab"
    assert literal_starts(automaton, text) == [1, 2, 4, 5]
    rx = re.compile("abc|ab|b")
    assert [m.span() for m in matches_at(rx, text, [1, 2, 4, 5])] == [(1, 4), (4, 6)]


@pytest.mark.parametrize("text", [
    "17 IS members were killed; a member of IS was killed by IS-held guns in ISIS land",
    "ΣΟΣ: ΟΔΟΣ Σ killed IS",  # a Greek capital sigma lower-cases by the letters beside it
    "İzmir: İS killed Is",  # "İ" lower-cases to two characters
])
def test_a_window_lower_cased_alone_is_a_slice_of_the_whole_text_lower_cased(text):
    named = casualties._lower_names(text)
    assert len(named) == len(text)
    for a in range(len(text)):
        for b in range(a + 1, len(text) + 1):
            assert casualties._window_lowered(text, named, a, b) == casualties._lower_names(text[a:b]), (a, b)


def test_is_stays_a_name_only_where_it_stands_alone():
    text = "IS, -IS, xIS, IS-held, ISIS, IS_, (IS) IS"
    old = re.compile(r"(?<![\w\-])IS(?![\w\-])")  # the pattern as first written: what finditer finds
    assert [m.start() for m in casualties._IS_NAME.finditer(text)] == [m.start() for m in old.finditer(text)]
    assert casualties._lower_names(text) == "i_, -is, xis, is-held, isis, is_, (i_) i_"


@given(st.text(alphabet="ab _-é\u00a0c", max_size=40), st.integers(0, 40), st.sampled_from([None, 5, 20, 40]))
@settings(max_examples=300, deadline=None)
def test_word_starts_are_the_sorted_distinct_word_starts_of_the_hits(text, start, end):
    automaton = literal_automaton(["a", "ab", "b", "ba", "é", "c"])
    stop = len(text) if end is None else min(end, len(text))
    hits = {last + 1 - n for last, n in automaton.iter(text, min(start, stop), stop)} if text else set()
    expected = sorted(s for s in hits if s == 0 or not (text[s - 1].isalnum() or text[s - 1] == "_"))
    assert word_starts(automaton, text, min(start, stop), stop) == expected


# --- the named patterns tried in the last words before their cue ---------------------------------

_NAME_WORDS = st.sampled_from(
    ["Omani", "Free", "Tabitha", "Cruz", "Both", "John", "Smith", "al-Assad", "bin", "de", "van", "Abu", "Omar",
     "was", "has", "been", "has been", "had been", "and", "And", "killed", "shot", "shot dead", "wounded", "injured",
     "were", ", 18,", ", 20", "18,", "(", '"', "The", "Police", "he", "She", "Rand", "Paul", "X" + "x" * 90, "-", ",",
     ".", "A", "were killed", "later", "both", "Wasp", "washed", "thas", "McDonald", "O'Neil"])


def _named_as_before(text):
    """The matches of the named one (finditer) and the named pair (every capital at most 90 characters
    before an "and"), as found before they were tried in the last words before their cue."""
    ands = [m.start() for m in casualties._AND_NAME.finditer(text)]
    pairs = casualties._matches_before(_G.named["named_pair"], text, ands, casualties._NAMED_PAIR_BEFORE,
                                       casualties._NAME_START)
    return [m.span() for m in casualties._NAMED_ONE.finditer(text)], [m.span() for m in pairs]


def _named_now(text):
    return ([m.span() for m in casualties._named_ones(text)], [m.span() for m in casualties._named_pairs(_G, text)])


@given(st.lists(_NAME_WORDS, max_size=30), st.sampled_from([" ", "  ", "\n", " \u00a0", ""]))
@settings(max_examples=800, deadline=None)
def test_the_named_patterns_tried_in_the_last_words_find_what_they_found_before(words, sep):
    text = sep.join(words)
    assert _named_now(text) == _named_as_before(text)


def test_the_named_patterns_tried_in_the_last_words_find_in_real_news_what_they_found_before(real_texts):
    found = 0
    for text in real_texts[:2000]:
        now = _named_now(text)
        assert now == _named_as_before(text)
        found += len(now[0]) + len(now[1])
    assert found > 50  # (the test sees matches)


# --- possessive quantifiers, a count's first characters looked at first -------------------------

def _plain_grammar():
    """The bundled grammar compiled with plain quantifiers where it has possessive ones, and
    without the class of a count's first characters before it."""
    once, first = casualties._ONCE, casualties.first_class
    casualties._ONCE, casualties.first_class = "", lambda pattern: None
    try:
        return casualties.CasualtyGrammar(_G.grammar)
    finally:
        casualties._ONCE, casualties.first_class = once, first


_PLAIN = _plain_grammar()


def _groups(m):
    return None if m is None else (m.span(), {k: m.span(k) for k in m.re.groupindex})


def _same_as_plain(text, starts=None):
    """Every claim pattern with possessive quantifiers and a count's first characters looked at
    first matches where and as its plain form does (at every start, or at ``starts``), groups and all."""
    low = lower_same_length(text)
    for name, rx in _G.lowered.items():
        plain = _PLAIN.lowered[name]
        for p in range(len(low) + 1) if starts is None else starts:
            assert _groups(rx.match(low, p)) == _groups(plain.match(low, p)), (name, low[p:p + 60])
    for p in range(len(text) + 1) if starts is None else starts:
        assert _groups(_G.unnumbered.match(text, p)) == _groups(_PLAIN.unnumbered.match(text, p))


def test_the_grammar_has_possessive_quantifiers_where_python_has_them():
    import sys

    assert ("++" in _G.lowered["passive"].pattern) == (sys.version_info >= (3, 11))
    assert "++" not in _PLAIN.lowered["passive"].pattern
    assert _G.lowered["number_start"].pattern.count("(?=[\\d") == 1  # a count's first characters
    assert "(?=[\\d" not in _PLAIN.lowered["number_start"].pattern


@given(st.text(alphabet="ab1 x-_.\u0663", max_size=12), st.sampled_from(
    [r"(?<![\w.])\d+|(?:two|[x-z])\b|\bq", r"(?:a|b)?x", r"(?=a)\w+|-", r"(?:ab)*(?:_|\s)", r"[^a]b|a", r"a?b?"]))
@settings(max_examples=300, deadline=None)
def test_every_match_starts_in_the_first_class(text, pattern):
    from conflictkit.coding._scan import first_class

    first = first_class(pattern)
    if pattern in (r"[^a]b|a", r"a?b?"):  # a negated class, a match that may be empty: no class
        assert first is None
        return
    for p in range(len(text) + 1):
        m = re.compile(pattern).match(text, p)
        assert m is None or re.match(first, text[p:p + 1]), (pattern, first, text[p:])
        assert bool(m) == bool(re.compile(f"(?={first})(?:{pattern})").match(text, p))


_POSSESSIVE_WORDS = st.sampled_from(
    ["28", "two", "at least", "fighters", "regime", "forces", "al-Nusra", "Front", "members", "of", "the", "Islamic",
     "State", "group", "(IS)", "(10 civilians and five policemen)", "including", "three children", ",", ".", "'s",
     "were", "was", "had been", "killed", "injured", "a", "man", "who", "stole", "fuel", "soldier", "in", "army",
     "Turkish", "staff", "Bar", "owner", "shot dead", "near", "Boy", "5", "shot", "x" * 30, "-", "\u2019", "and",
     "others", "were wounded", "both sides", "from", "on", "aged", "between", "3", "and 5"])


@given(st.lists(_POSSESSIVE_WORDS, max_size=25), st.sampled_from([" ", "  ", "\n", ", "]))
@settings(max_examples=300, deadline=None)
def test_possessive_quantifiers_change_no_match(words, sep):
    _same_as_plain(sep.join(words))


def test_possessive_quantifiers_change_no_match_in_real_news(real_texts):
    word_start = re.compile(r"(?<![\w\-])[\w(]")
    for text in real_texts[:300]:
        _same_as_plain(text, sorted({m.start() for m in word_start.finditer(text)} | {0}))


# --- the named condition's words, scanned with the other channels -------------------------------

@given(st.lists(st.sampled_from(["condition", "preconditions", "recovering", "expected", "unexpected", "released",
                                 "was", "in", "stable", "Smith", "he", "is", "a", "released.", "-"]), max_size=20),
       st.sampled_from([" ", "", "\n"]))
@settings(max_examples=300, deadline=None)
def test_the_named_condition_words_are_every_hit_of_their_own_automaton(words, sep):
    low = sep.join(words)
    own = literal_automaton(_G.named_condition_words)
    assert sorted(casualties._pattern_starts(_G, low)["named_condition"]) == sorted(
        last + 1 - n for last, n in own.iter(low))
