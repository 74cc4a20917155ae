"""Scanning helpers shared by the coders: literal triggers found with an
Aho-Corasick automaton, and regular expressions tried only where they can start.

Python's regular-expression engine pays for every position it tries; a
pattern that begins with ``\\b`` or with a group scans news copy at about
30 MB/s, while an Aho-Corasick automaton (``pyahocorasick``, in C) finds a
set of literal words at several hundred.  So the coders find where a
pattern *can* start (its first words) with an automaton, then call
``Pattern.match`` there only.  :func:`matches_at` gives the same matches as
``Pattern.finditer`` when every match starts at one of the given positions.
"""

import re

import ahocorasick

__all__ = []


def literal_automaton(words):
    """An automaton over ``words``; each hit's value is the word's length."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def literal_starts(automaton, text, start=0, end=None):
    """Sorted start offsets of the automaton's words in ``text[start:end]``."""
    hits = automaton.iter(text, start, len(text) if end is None else end)
    return sorted(set([last + 1 - length for last, length in hits]))


def matches_at(rx, text, starts, endpos=None):
    """Non-overlapping matches of ``rx`` tried at ``starts`` (sorted), in order:
    ``finditer``'s matches when no match can start elsewhere."""
    out, last = [], -1
    endpos = len(text) if endpos is None else endpos
    for p in starts:
        if p < last:
            continue
        m = rx.match(text, p, endpos)
        if m:
            out.append(m)
            last = m.end()
    return out


#: The characters ``\s`` matches in a ``str`` pattern.
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def followed_by_space(words):
    """Each word followed by each whitespace character: the literal start of
    ``word\\s+`` (so that "a" hits the article, not every letter a)."""
    return [w + c for w in words for c in WHITESPACE]


def word_starts(automaton, text, start=0, end=None):
    """Start offsets of the automaton's words in ``text[start:end]`` that begin
    a word (the character before is not a word character)."""
    return [s for s in literal_starts(automaton, text, start, end) if s == 0 or not_word_char(text, s - 1)]


def not_word_char(text, pos):
    """Is ``text[pos]`` not a word character (``\\w``), or ``pos`` past the end?"""
    return pos >= len(text) or not (text[pos].isalnum() or text[pos] == "_")


def merge_windows(spans):
    """Sorted, merged ``[a, b)`` windows from possibly overlapping spans."""
    out = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def lower_same_length(text):
    """``text.lower()``, except for the few characters that lower-case to two
    ("İ"), which stay as written: offsets into the result are offsets into
    ``text``."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


_WORD_START = re.compile(r"\b\w")


def word_starts_in(text, windows):
    """Offsets in the ``[a, b)`` windows (sorted, disjoint) where a word starts."""
    return [m.start() for a, b in windows for m in _WORD_START.finditer(text, a, b)]
