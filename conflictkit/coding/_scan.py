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

try:
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse

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


def matches_at(rx, text, starts, endpos=None, keep=None):
    """Non-overlapping matches of ``rx`` tried at ``starts`` (sorted), in order:
    ``finditer``'s matches when no match can start elsewhere.

    With ``keep``, returns ``keep(match)`` for each match where it is truthy,
    and a match it drops does not hide the starts inside it.
    """
    if not starts:
        return []
    out, last = [], -1
    endpos = len(text) if endpos is None else endpos
    match = rx.match  # (bound once: this loop runs for every start of every pattern)
    if keep is None:
        for p in starts:
            if p >= last:
                m = match(text, p, endpos)
                if m:
                    out.append(m)
                    last = m.end()
        return out
    for p in starts:
        if p < last:
            continue
        m = match(text, p, endpos)
        kept = keep(m) if m else m
        if kept:
            out.append(kept)
            last = m.end()
    return out


def plain_ascii(text):
    """Does ``text`` hold ASCII characters only, and none of the separators ``\\x1c``-``\\x1f``?
    There a pattern compiled with ``re.ASCII`` matches as the same pattern compiled for Unicode
    (case-sensitive, written in ASCII): ``\\w``, ``\\b`` and ``\\d`` mean the same for ASCII
    characters in both modes, and ``\\s`` too but for those four (spaces to ``str.isspace``, not
    to ``re.ASCII``)."""
    return text.isascii() and "\x1c" not in text and "\x1d" not in text and "\x1e" not in text \
        and "\x1f" not in text


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
    out = []
    for last, length in automaton.iter(text, start, len(text) if end is None else end):
        s = last + 1 - length
        if s == 0 or not (text[s - 1].isalnum() or text[s - 1] == "_"):  # a word starts at s (once per hit)
            out.append(s)
    # (most calls find none or one: a set and a sort only for more)
    return sorted(set(out)) if len(out) > 1 else out


#: Each ASCII byte as :func:`spaced` writes it: a word character (as ``\b`` reads it) as it is, any other a space.
_SPACED = bytes(c if chr(c).isalnum() or c == 95 else 32 for c in range(128)) + b" " * 128


def spaced(text):
    """``text`` with a space before it and a space for each character that is not an ASCII word
    character: offset ``k + 1`` in it is ``k`` in ``text``.  An automaton of words written so
    (:func:`spaced_automaton`) finds them where a word starts (or after a character outside
    ASCII: "’", or "é" inside a word), and its root has one branch, the space.  pyahocorasick
    looks for a character's branch among a node's one by one: an automaton with a branch for
    each first letter at its root goes through most of them at every character of a text, this
    one only at the first letter of a word (its scan 1.5-2x faster).  In bytes, a C loop
    ("replace" writes a character outside ASCII as one "?"): ~1 us for 3,000 characters."""
    return " " + text.encode("ascii", "replace").translate(_SPACED).decode("ascii")


def spaced_automaton(words):
    """An automaton of ``words`` (each starts with a word character) to scan :func:`spaced` text
    with (see :func:`spaced_word_starts`); each hit's value is the length of the word as it holds it."""
    return literal_automaton(spaced(w) for w in words)


def spaced_word_starts(automaton, text):
    """``word_starts(automaton, text)`` for an automaton of :func:`spaced_automaton`: the sorted
    offsets in ``text`` where one of its words starts a word."""
    out = sorted(set([last + 1 - length for last, length in automaton.iter(spaced(text))]))
    if not text.isascii():  # a hit after a letter outside ASCII ("é") is inside a word
        out = [s for s in out if not (s and (text[s - 1].isalnum() or text[s - 1] == "_"))]
    return out


#: A tuple subclass made without its ``__new__``'s Python call (``new_tuple(Term, fields)``):
#: for records made once per hit (terms, event cues).
new_tuple = tuple.__new__


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


def word_first_chars(pattern):
    """The characters every match of ``pattern`` starts with, when it starts (after
    lookbehinds) with ``\\b`` and each of them is a word character: so a match starts
    only where a word does; else None.

    >>> sorted(word_first_chars(r"(?<!non-)\\b(?:fatal|deadly)"))
    ['d', 'f']
    >>> word_first_chars(r"\\bfoo|bar") is None  # "bar" may start inside a word
    True
    """
    firsts = literal_prefixes(pattern, 1)
    if not firsts or not all(c.isalnum() or c == "_" for c in firsts):
        return None
    for op, av in _sre_parse.parse(pattern):
        if op in (_sre.ASSERT, _sre.ASSERT_NOT) and av[0] < 0:  # a lookbehind
            continue
        return set(firsts) if (op, av) == (_sre.AT, _sre.AT_BOUNDARY) else None
    return None


def first_class(pattern):
    """The source of a character class ("[\\da-z]") one of whose characters starts
    every match of ``pattern``, read from the parsed expression; None when none can be
    read (a match may be empty, start with any character, a negated class …, or the
    pattern ignores case).  ``(?=CLASS)`` before the pattern changes none of its
    matches, and fails at once where none can start (the engine tries no alternative).

    >>> first_class(r"(?<![\\w.])\\d+|(?:two|[x-z])\\b|\\bq")
    '[\\\\dqtx-z]'
    >>> first_class(r"a?b*") is None and first_class(r".x") is None
    True
    """
    if re.compile(pattern).flags & re.IGNORECASE:
        return None
    try:
        items = _first_items(list(_sre_parse.parse(pattern)))
    except RecursionError:
        return None
    return "[" + "".join(sorted(items)) + "]" if items else None


_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_WORD: r"\w"}


def _first_items(items):
    """The class items (a character, a range, a category) of which one starts every match of
    ``items``; None when not known (or a match may be empty)."""
    for k, (op, av) in enumerate(items):
        rest = items[k + 1:]
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):  # zero-width: the first character is after it
            continue
        if op is _sre.LITERAL:
            return {re.escape(chr(av))}
        if op is _sre.IN:
            out = set()
            for iop, iav in av:
                if iop is _sre.LITERAL:
                    out.add(re.escape(chr(iav)))
                elif iop is _sre.RANGE:
                    out.add(re.escape(chr(iav[0])) + "-" + re.escape(chr(iav[1])))
                elif iop is _sre.CATEGORY and iav in _CATEGORIES:
                    out.add(_CATEGORIES[iav])
                else:  # a negated class, another category …
                    return None
            return out
        if op is _sre.SUBPATTERN:
            return None if av[1] & re.IGNORECASE else _first_items(list(av[-1]) + rest)
        if op is getattr(_sre, "ATOMIC_GROUP", None):
            return _first_items(list(av) + rest)
        if op is _sre.BRANCH:
            return _union(_first_items(list(alt) + rest) for alt in av[1])
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) or op is getattr(_sre, "POSSESSIVE_REPEAT", None):
            low, high, sub = av
            once = _first_items(list(sub) + rest)  # (a repeat that matches nothing: what follows)
            return once if low else _union([once, _first_items(rest)])
        return None  # any character, a back-reference, a conditional …
    return None  # the match may be empty


def literal_prefixes(pattern, length=6, spaces=False):
    """Strings one of which starts every match of ``pattern`` (each at most
    ``length`` long), read from the parsed expression; ``None`` when no such
    set can be read (a match may begin with ``\\w``, any character, a large
    class, or be empty).  Shorter prefixes are always safe, only less selective.
    With ``spaces``, ``\\s`` is read as the class of its :data:`WHITESPACE`
    characters (a prefix goes on past it: "a" then a space, not every "a"),
    and so is what follows an optional part ("an?": "an" then a space), at
    the cost of more prefixes.

    Examples
    --------
    >>> sorted(literal_prefixes(r"(?:air ?strikes?|shell(?:s|ing)|[ab]x)\\b", 4))
    ['air ', 'airs', 'ax', 'bx', 'shel']
    >>> literal_prefixes(r"\\w+ killed") is None
    True
    """
    if re.compile(pattern).flags & re.IGNORECASE:
        return None
    try:
        return _prefixes(list(_sre_parse.parse(pattern)), "", length, spaces)
    except RecursionError:
        return None


def held_strings(pattern, length=6):
    """Strings one of which every match of ``pattern`` holds: the :func:`literal_prefixes` of
    the part of it from one of its top-level items on (a match of the whole is one of each
    such part after a match of what comes before it), the set whose shortest string is the
    longest, none that starts with another; ``None`` when no such set can be read.  A search
    of a text that holds none of them finds nothing.

    >>> held_strings(r"\\b\\w+-year(?:-long)?\\s+war")
    ('-year',)
    >>> held_strings(r"\\b(?:one|\\d+)\\s+(?:weeks?|months?)\\s+after")
    ('after',)
    >>> held_strings(r"\\w+|x") is None
    True
    """
    if re.compile(pattern).flags & re.IGNORECASE:
        return None
    try:
        items = list(_sre_parse.parse(pattern))
        best = None
        for k in range(len(items)):
            found = _prefixes(items[k:], "", length)
            if found and (best is None or min(map(len, found)) > min(map(len, best))):
                best = found
    except RecursionError:
        return None
    return None if best is None else tuple(sorted(w for w in best if not any(w[:k] in best for k in range(1, len(w)))))


_SPACES = frozenset(WHITESPACE)
_END = (None, None)  # stands for "what follows is unknown" in _prefixes
_LARGEST_CLASS = 40


def _prefixes(items, prefix, length, spaces=False):
    if len(prefix) >= length:
        return {prefix}
    if not items or items[0] is _END:
        return {prefix} if prefix else None
    (op, av), rest = items[0], items[1:]
    if op is _sre.LITERAL:
        return _prefixes(rest, prefix + chr(av), length, spaces)
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):  # zero-width
        return _prefixes(rest, prefix, length, spaces)
    if op is _sre.SUBPATTERN:
        if av[1] & re.IGNORECASE:  # (?i:...): its letters may be in either case
            return {prefix} if prefix else None
        return _prefixes(list(av[-1]) + rest, prefix, length, spaces)
    if op is _sre.BRANCH:
        return _union(_prefixes(list(alt) + rest, prefix, length, spaces) for alt in av[1])
    if op is _sre.IN:
        chars = _class_chars(av, spaces)
        if chars is None:
            return {prefix} if prefix else None
        if spaces and chars & _SPACES:  # a prefix ends at its first \s (at most 29 times as many)
            return {prefix + c for c in chars}
        return _union(_prefixes(rest, prefix + c, length, spaces) for c in sorted(chars))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) or op is getattr(_sre, "POSSESSIVE_REPEAT", None):
        low, high, sub = av
        # one repeat, then unknown (another repeat, or what follows); with ``spaces``, what follows
        # a part that is there at most once ("an?" then a space, not every "an")
        once = _prefixes(list(sub) + (rest if spaces and high == 1 else [_END]), prefix, length, spaces)
        return once if low else _union([once, _prefixes(rest, prefix, length, spaces)])
    return {prefix} if prefix else None  # any character, \w, a back-reference …


def _union(sets):
    out = set()
    for s in sets:
        if s is None:
            return None
        out |= s
    return out


def _class_chars(items, spaces=False):
    chars = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(chr(av))
        elif spaces and op is _sre.CATEGORY and av is _sre.CATEGORY_SPACE:
            chars.update(WHITESPACE)
        elif op is _sre.RANGE and av[1] - av[0] < _LARGEST_CLASS:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return chars if len(chars) <= _LARGEST_CLASS else None
