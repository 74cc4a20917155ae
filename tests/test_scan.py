"""The coders find where a pattern can start with Aho-Corasick automata and
match only there (conflictkit/coding/_scan.py).  These tests check, on the
real corpora and on random text, that this finds exactly what scanning the
whole text with the same regular expression finds."""

import json
import re

import pytest
from conftest import shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit.coding import casualties, dates, sources
from conflictkit.coding._scan import literal_automaton, literal_starts, lower_same_length, matches_at, word_starts


@pytest.fixture(scope="module")
def real_texts():
    reports, _ = ck.load_reports(shared_file("news", "fa-kes-syria-804.csv"))
    gva = [json.loads(line) for line in shared_file("gold", "gva-articles-dev.jsonl").open(encoding="utf-8")]
    return [r.text for r in reports] + [g["title"] + "\n\n" + g["content"] for g in gva]


# The regular expressions the automata stand in for.
_TRIGGER_RE = re.compile("|".join(r"die[ds]?\b" if s == "die" else s for s in casualties._TRIGGER_STEMS))
_VERB_RE = re.compile(r"\b(?:" + "|".join(casualties._VERB_STEMS) + ")")
_ARTICLE_RE = re.compile(r"\b(?:an?|one|another|his|her|their)\s")


def _same_as_full_scan(text):
    low = lower_same_length(text)
    assert casualties._trigger_spans(low) == [m.span() for m in _TRIGGER_RE.finditer(low)]
    assert word_starts(casualties._VERB_FIRST, low) == [m.start() for m in _VERB_RE.finditer(low)]
    assert word_starts(casualties._ARTICLE_FIRST, low) == [m.start() for m in _ARTICLE_RE.finditer(low)]
    numbers = matches_at(casualties._NUMBER_START_L, low,
                         literal_starts(casualties._NUMBER_FIRST, low))
    assert [m.span() for m in numbers] == [m.span() for m in casualties._NUMBER_START_L.finditer(low)]
    assert [m.span() for m in casualties._implied(text, low)] == [m.span() for m in casualties._IMPLIED.finditer(text)]
    assert [m.span() for m in casualties._unnumbered(text, low)] == [
        m.span() for m in casualties._UNNUMBERED.finditer(text)]
    assert [m.span() for m in dates._candidates(text, 0, len(text))] == [
        m.span() for m in dates._PATTERN.finditer(text)]
    assert [m.span() for m in matches_at(sources._GENERIC, text, word_starts(sources._GENERIC_FIRST, text))] == [
        m.span() for m in sources._GENERIC.finditer(text)]
    assert [m.span() for m in matches_at(sources._ACCORDING, text, word_starts(sources._ACCORDING_FIRST, low))] == [
        m.span() for m in sources._ACCORDING.finditer(text)]


def test_automata_find_what_a_full_scan_finds_in_real_news(real_texts):
    assert len(real_texts) > 3000
    for text in real_texts:
        _same_as_full_scan(text)


_words = st.sampled_from(
    ["a", "an", "one", "his", "At least", "28", "1,200", "two", "dozens", "fighters", "Regime", "forces",
     "were", "had been", "killed", "and", "injured", "died", "dies", "soldier", "THIS YEAR", "tonight",
     "Monday", "last week", "22 September 2020", "since", "in", "2016", "three days later", "a dozen",
     "killing", "shot", "wounded", "-", ",", ".", "\u00a0", "\n", "(", "'s", "İ", "The", "war monitor",
     "activists", "said", "according to", "According to", "state media", "reported", "was found shot dead", "fatal", "a deadly attack", "the death of", "Smith", "later died",
     "succumbed to his injuries", "lost his life", "proved fatal", "non-fatal"])


@given(st.lists(_words, max_size=40), st.sampled_from([" ", "", "  "]))
@settings(max_examples=300, deadline=None)
def test_automata_find_what_a_full_scan_finds_in_any_text(words, sep):
    _same_as_full_scan(sep.join(words))


def test_matches_at_skips_overlaps_and_literal_starts_ranks():
    automaton = literal_automaton(["ab", "abc", "b"])
    text = "xabcab"
    assert literal_starts(automaton, text) == [1, 2, 4, 5]
    rx = re.compile("abc|ab|b")
    assert [m.span() for m in matches_at(rx, text, [1, 2, 4, 5])] == [(1, 4), (4, 6)]
