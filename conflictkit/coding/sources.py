"""Who says so: the originator of a figure and the outlet that relays it.

"a war monitor said", "the Syrian Observatory for Human Rights said",
"Rami Abdel Rahman … told AFP", "An NLF source told The New Arab's
Arabic-language service": the originator is the monitor, the person's
organisation or the source; the relay is the news agency or outlet that
carried it (AFP, The New Arab).  Named sources come from the source
dictionary; generic ones ("a war monitor", "activists", "an NLF source",
"police said") from a pattern.  A generic monitor is resolved to the
monitor the report names, when it names exactly one.
"""

import re
from dataclasses import dataclass

import ahocorasick

from ._scan import WHITESPACE, lower_same_length, matches_at, spaced
from .resources import load_resources

__all__ = ["SourceMention", "find_generic_sources", "is_speaker", "RELAY_KINDS"]

#: Source kinds that carry others' figures rather than originate them.
RELAY_KINDS = {"news agency", "outlet"}

# Verbs of saying (``saying_verbs`` in the grammar): a source phrase comes with one.
_SAYING_VERBS = tuple(load_resources().grammar["saying_verbs"])
_SAYING = "|".join(_SAYING_VERBS)
_PLAIN_SAYING_VERBS = all(verb.isalpha() for verb in _SAYING_VERBS)  # words, not patterns
_GENERIC = re.compile(
    r"\b(?P<src>(?:[Aa]n?|[Tt]he)\s+(?:(?:[A-Z][\w\-]*|local|military|security|medical|rebel|opposition|"
    r"government|Kurdish|Syrian|Russian|Turkish|Iraqi|hospital)\s+)?"
    r"(?:war\s+monitor|monitor(?:ing\s+group)?|source|sources|official|officials|spokesm[ae]n|"
    r"spokeswoman|activists?|witness(?:es)?|medics?|doctors?|residents?|commander|statement)"
    r"|(?:activists|witnesses|officials|medics|rescuers|residents|police|authorities|state\s+media|"
    r"state\s+television|local\s+media|local\s+sources|security\s+sources|medical\s+sources|"
    r"military\s+sources))\b"
    r"(?=[^.]{0,80}\b(?:" + _SAYING + r")\b"
    r"|[^.]{0,3}$|\s+(?:" + _SAYING + r"))",
)
# Every match of _GENERIC starts a word with one of these words ("a", "an", "the" then a whitespace
# character): it is tried there only.
_GENERIC_ARTICLES = ("a", "an", "the", "A", "An", "The")
_GENERIC_WORDS = ("activists", "witnesses", "officials", "medics", "rescuers", "residents", "police", "authorities",
                  "state", "local", "security", "medical", "military")
_SPACES = frozenset(WHITESPACE)
_WORD, _ARTICLE, _VERB = 0, 1, 2


def _first_words_automaton():
    """One automaton of _GENERIC's first words and the verbs of saying, written as
    :func:`~conflictkit.coding._scan.spaced` writes them (" police", " said", an article with
    the space after it: " the "), to scan a chunk's spaced text once: its root has one branch, the
    space (a scan 1.5-2x faster than through a root with a branch for each first letter, and one
    scan, not one ``str.find`` pass for each verb).  A hit's value is (the key's length, its kind)."""
    automaton = ahocorasick.Automaton()
    for kind, words in ((_WORD, _GENERIC_WORDS), (_ARTICLE, [w + " " for w in _GENERIC_ARTICLES]),
                        (_VERB, _SAYING_VERBS if _PLAIN_SAYING_VERBS else ())):
        for word in words:
            automaton.add_word(spaced(word), (len(word) + 1, kind))
    automaton.make_automaton()
    return automaton


_FIRST_WORDS = _first_words_automaton()
_ATTRIBUTION = re.compile(_SAYING)  # on lower-cased text
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<src>(?:the\s+|a\s+|an\s+)?[\w\-’' ]{2,60}?)(?=[,.;]|$)", re.I)


@dataclass(frozen=True)
class SourceMention:
    start: int
    end: int
    text: str
    source: str  # canonical name, or the phrase for a generic source
    kind: str  # monitor, news agency, outlet, government, generic …
    role: str  # originator or relay


def find_generic_sources(text, start=0, end=None):
    """Generic source phrases ("a war monitor", "activists") in ``text[start:end]``."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    return _generic_sources(chunk, start, *_first_words_and_verbs(chunk))


def _generic_sources(chunk, start, starts, verbs):
    """:func:`find_generic_sources` of ``chunk`` (the text from ``start``), given where the first words
    of _GENERIC and the verbs of saying start in it (:func:`_first_words_and_verbs`)."""
    out = []
    low = lower_same_length(chunk)
    if not verbs and not _ATTRIBUTION.search(low):
        return out  # no verb of saying: no source phrase to find
    matches = matches_at(_GENERIC, chunk, _within(starts, _generic_windows(chunk, verbs)))
    matches += matches_at(_ACCORDING, chunk, _word_starts_of("according", low))
    for m in matches:
        s, e = m.span("src")
        phrase = chunk[s:e].strip()
        if not phrase:
            continue
        kind = "monitor" if "monitor" in phrase.lower() else "generic"
        out.append(SourceMention(start + s, start + s + len(phrase), phrase, phrase, kind, "originator"))
    out.sort(key=lambda m: m.start)
    kept, last = [], -1
    for m in out:
        if m.start >= last:
            kept.append(m)
            last = m.end
    return kept


def _first_words_and_verbs(chunk):
    """The offsets in ``chunk`` where one of _GENERIC's first words starts a word (an article
    followed by a whitespace character), and those where a verb of saying does: both sorted.  (A
    verb of saying given as a pattern is not looked for: see :func:`_generic_windows`.)"""
    starts, verbs = [], []
    for last, (length, kind) in _FIRST_WORDS.iter(spaced(chunk)):
        # the key's first character, the space, is at offset s of the spaced text: its word at s of the chunk
        s = last + 1 - length
        if kind == _VERB:
            verbs.append(s)
        elif kind == _WORD or chunk[last - 1] in _SPACES:  # (an article: the space after it is whitespace)
            starts.append(s)
    if not chunk.isascii():  # spaced() writes a character outside ASCII as a space: "é" too, inside a word
        starts = [s for s in starts if not (s and (chunk[s - 1].isalnum() or chunk[s - 1] == "_"))]
        verbs = [s for s in verbs if not (s and (chunk[s - 1].isalnum() or chunk[s - 1] == "_"))]
    return starts, verbs


def _generic_windows(chunk, verbs):
    """The stretches ``[a, b)`` of ``chunk`` where a match of ``_GENERIC``
    can start, sorted and apart, given the offsets ``verbs`` where a verb
    of saying starts a word.

    A match has no full stop in it nor between it and the verb of saying
    that follows it (at a word start: after ``\\b`` or ``\\s``), nor, when
    no verb follows, between it and the end of the chunk: it starts after
    the last full stop before a verb (and before that verb), or in the last
    sentence.  Only the first words in those stretches (a third of the
    text) are tried.
    """
    n = len(chunk)
    if not _PLAIN_SAYING_VERBS:  # verbs given as patterns: anywhere
        return [(0, n)]
    ends = {chunk.rfind(".", 0, max(0, n - 1)) + 1: n}  # the last sentence ("... , activists.")
    for i in verbs:
        a = chunk.rfind(".", 0, i) + 1
        if ends.get(a, -1) < i:
            ends[a] = i
    windows = []
    for a, b in sorted(ends.items()):
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], b))
        else:
            windows.append((a, b))
    return windows


def _within(starts, windows):
    """The offsets of ``starts`` (sorted) inside one of the ``windows`` (sorted, apart)."""
    out, k, count = [], 0, len(windows)
    for s in starts:
        while k < count and windows[k][1] <= s:
            k += 1
        if k == count:
            break
        if s >= windows[k][0]:
            out.append(s)
    return out


def _word_starts_of(word, text):
    """Where ``word`` begins a word of ``text`` (:func:`~conflictkit.coding._scan.word_starts`
    of one word: ``str.find`` runs through a text quicker than an automaton)."""
    out, i = [], text.find(word)
    while i >= 0:
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"):
            out.append(i)
        i = text.find(word, i + 1)
    return out


# A speaker: a phrase that a verb of saying follows ("police said", "The army said on
# Monday", "a police spokesman told AFP"), or that "according to", an inverted ", said"
# or "told" comes before.  Not "announced", "confirmed" nor "reported": "The military announced the
# killing of 29 militants" tells what the military did, "clashes between X and rebels reported near".
_SAY = r"(?:said|says|say|told|tells|stated|added)"
_SPEAKS_AFTER = re.compile(
    r"(?:'s|\u2019s)?\s+(?:(?:spokes(?:man|woman|person)|officials?|sources?|statement|officers?|chief|commander|"
    r"authorities|media)\s+)?(?:(?:\w+ly|also|on\s+\w+|late\s+\w+|in\s+a\s+statement),?\s+){0,2}" + _SAY + r"\b",
    re.I)
_SPEAKS_BEFORE = re.compile(r"(?:\baccording\s+to|(?:^|[,;])\s*(?:said|says)|\btold)\s+(?:the\s+|a\s+|an\s+)?"
                            r"(?:[\w-]+\s+){0,2}$", re.I)
# What a speaker says of itself ("The army said it killed 12 fighters"): it acts.
_SAYS_OF_ITSELF = re.compile(r",?\s+(?:that\s+)?(?:it|they|its|their|we|our)\b", re.I)


def is_speaker(text, start, end, sentence=(0, None)):
    """Is ``text[start:end]`` (an actor's words, in the sentence span
    ``sentence``) only the source of the report, a speaker and not an actor:
    followed by a verb of saying ("police said", "the army said on Monday",
    "a police spokesman told AFP") or after "according to", an inverted
    ", said" or "told" ("…, said police")?  A speaker that says what it did
    ("The army said its troops killed…", "Police said they arrested…") acts.

    Examples
    --------
    >>> t = "Security forces killed a militant in Srinagar, police said."
    >>> is_speaker(t, t.index("police"), t.index("police") + 6), is_speaker(t, 0, 15)
    (True, False)
    >>> t = "Police said they arrested five men."
    >>> is_speaker(t, 0, 6)
    False
    """
    s0, s1 = sentence[0], len(text) if sentence[1] is None else sentence[1]
    after = _SPEAKS_AFTER.match(text, end, s1)
    if after is not None:
        return _SAYS_OF_ITSELF.match(text, after.end(), s1) is None
    window = text[max(s0, start - 40):start]
    # What _SPEAKS_BEFORE matches holds "according", "said", "says" or "told" (in any case): without
    # one, no search.  (Under re.IGNORECASE a long s or a dotless i matches s or i: a window that
    # is not ASCII is searched.)
    low = window.lower()
    if low.isascii() and "according" not in low and "said" not in low and "says" not in low and "told" not in low:
        return False
    return _SPEAKS_BEFORE.search(text, max(s0, start - 40), start) is not None
