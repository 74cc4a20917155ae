"""counts: number-parser told the language of a phrase where its detection would find English anyway
(counts._parse_words): the same numbers, without the detection's ~0.6 ms a phrase."""

import itertools

from hypothesis import given, settings, strategies as st
from number_parser import parse_number
from number_parser import parser as number_parser

from conflictkit.coding import counts
from conflictkit.coding.resources import load_resources

_ENGLISH = counts._ENGLISH_NUMBER_WORDS


def test_the_grammar_number_words_are_english_number_words_to_number_parser():
    """The premises of _parse_words, read from number-parser's own tables: English is the first
    language it tries (a tie goes to it), each word of _ENGLISH_NUMBER_WORDS is an English number
    word or skipped word, a phrase of them splits into its words and spaces in every language, and
    a space is no language's word (so no language counts more of such a phrase than English)."""
    assert number_parser.SUPPORTED_LANGUAGES[0] == "en"
    english = number_parser.LanguageData("en")
    for word in _ENGLISH:
        assert (number_parser._is_number_token(word, english) is not None
                or number_parser._is_skip_token(word, english)), word
    grammar = load_resources().grammar["number_words"]
    assert _ENGLISH == set(grammar["units"] + grammar["tens"] + grammar["scales"] + ["and"])
    for language in number_parser.SUPPORTED_LANGUAGES:
        data = number_parser.LanguageData(language)
        for word in _ENGLISH:
            assert number_parser._tokenize(f"{word} {word}", language) == [word, " ", word]
        assert number_parser._is_number_token(" ", data) is None and not number_parser._is_skip_token(" ", data)


def _detects_english_and_reads_alike(words):
    t = " ".join(words)
    assert counts._parse_words(t) == parse_number(t), t
    if _ENGLISH.issuperset(words):
        assert number_parser._valid_tokens_by_language(t) == "en", t


def test_every_phrase_of_one_or_two_number_words_is_read_as_told_no_language():
    for n in (1, 2):
        for words in itertools.product(sorted(_ENGLISH), repeat=n):
            _detects_english_and_reads_alike(words)


def test_the_grammar_s_numbers_are_read_as_told_no_language():
    """Numbers as the grammar's number pattern writes them: "twenty five thousand and sixty", …"""
    g = load_resources().grammar["number_words"]
    units, tens, scales = g["units"][1:], g["tens"], g["scales"]
    small = [[u] for u in units] + [[t] for t in tens] + [[t, u] for t in tens for u in units[:9]]
    for first in small[::3]:
        for scale in scales:
            for rest in ([], ["and"] + small[5], small[-1], small[20]):
                _detects_english_and_reads_alike(first + [scale] + rest)


# English number words, words of number-parser's other languages (Spanish "dos", "y", "once"; Hindi;
# Russian), ordinals, and words of none
_MIXED = sorted(_ENGLISH) + ["dos", "tres", "un", "y", "cien", "mil", "once", "\u0434\u0432\u0430", "\u0926\u094b",
                             "first", "fifth", "hundredth", "a", "dozen", "people", ""]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_MIXED), min_size=1, max_size=6))
def test_any_phrase_is_read_as_told_no_language(words):
    """Of any words (a phrase with another language's words is left to the detection)."""
    _detects_english_and_reads_alike(words)
