"""A data set's own coding remarks in its notes: ACLED's fatality conventions.

ACLED's analysts write in the notes how they coded a count the sources did
not give: "Unknown fatalities coded as 10", "Total fatalities coded to 19",
and how a count reported for several places was shared out between the
events it spans: "Fatalities coded to 10, and split between both locations 5
each", "Total fatalities coded to 32 and spread evenly across the four
events".  These remarks are not what the text reports happened (that stays
``fatalities_best``); they are ACLED's figure for the event, which
``fatalities_acled`` follows.

:func:`find_remarks` reads them; :func:`remark_share` gives the figure one
event of the split carries; :func:`remark_claim` makes it a claim of role
``convention``: never counted in the text's reading, it sets the event's
``fatalities_acled``.

ACLED also copies one note onto each event it tells of (several places or
days) and shares the note's toll between them without saying so ("29 Boko
Haram dead" on three events coded 10, 10 and 9):
:func:`split_shared_notes` does the same for a table of coded notes.
"""

import bisect
import re
from collections import Counter
from dataclasses import dataclass

try:
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse

from .casualties import Claim
from .counts import NUMBER_PATTERN, Count, parse_count

__all__ = ["Remark", "find_remarks", "remark_share", "remark_claim", "split_shared_notes"]

_N = rf"(?P<n>{NUMBER_PATTERN})"
_FATALITIES = r"(?:fatalit(?:y|ies)|deaths|casualties|killed)"


def _patterns(*rules):
    """``(pattern, words)`` pairs from ``(words, source)`` rules: every match of the pattern holds
    one of its ``words`` (in any case), and it is searched only in a text holding one (see
    :func:`_words_in`), there only where one is (see :func:`_search`)."""
    return tuple((re.compile(source, re.I), words) for words, source in rules)


# Punctuation that may end the stretches of text a pattern is searched in (:func:`_search`).
_BARRIER_CHARS = ';!?()[]{}"\u201c\u201d'
assert not re.search(r"[\w\s]", _BARRIER_CHARS) and _BARRIER_CHARS.lower() == _BARRIER_CHARS.upper()
_CATEGORIES = {_sre.CATEGORY_DIGIT: re.compile(r"\d"), _sre.CATEGORY_SPACE: re.compile(r"\s"),
               _sre.CATEGORY_WORD: re.compile(r"\w")}
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT))
# Zero-width tests that tell the end of the text from a barrier (a character that is no word's) as
# they tell the end of a stretch from it: none of them looks for the end of the text ("$", "\Z").
_AT_SAME = (_sre.AT_BOUNDARY, _sre.AT_NON_BOUNDARY, _sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING)


def _digits(item):
    """Does the parsed ``item`` match one digit or more, and nothing else?"""
    op, av = item
    if op in _REPEATS:
        return av[0] >= 1 and len(av[2]) == 1 and _digits(av[2][0])
    return op is _sre.IN and av == [(_sre.CATEGORY, _sre.CATEGORY_DIGIT)]


# NUMBER_PATTERN is most of the text of every pattern here (4,000 of its 4,200 characters), and
# re's parser takes ~2.5 ms to read it, the walk of its parse ~0.5: a pattern is parsed with an empty
# group of a name of its own standing in for each NUMBER_PATTERN in it, and what the walk finds in
# NUMBER_PATTERN, found once a process (by the flags), is added where such a group is (a pattern
# 2.6 -> 0.1 ms).  The walk finds what it finds in the parse of the whole pattern: what it finds is
# a union of what it finds in each item; NUMBER_PATTERN's items are a sequence of their own in it
# (it is a group), and its stand-in, a group too, tells a full stop before it what it does: it is
# no digits.  (The groups shift the numbers of those after them: the walk reads no pattern that
# refers to a group.)
_NUMBER_STAND_IN = "_number_pattern_stand_in_"  # the name of the k-th: this and k
_NUMBER_READ = {}  # flags -> _read(NUMBER_PATTERN parsed with them)


def _read(items, flags, numbers=()):
    """(literals, ranges, categories, stops) of the parsed ``items`` (of a pattern with these
    ``flags``) as :func:`_barriers` reads them, None when they cannot be read; the groups
    numbered ``numbers``, stand-ins of NUMBER_PATTERN, read as the pattern."""
    literals, ranges, categories = set(), [], set()
    stops = []  # is each full stop of the pattern followed by digits?

    def walk(items):
        for i, (op, av) in enumerate(items):
            if op is _sre.LITERAL and av == ord("."):
                stops.append(i + 1 < len(items) and _digits(items[i + 1]))
            elif op is _sre.SUBPATTERN and av[0] in numbers:
                if flags not in _NUMBER_READ:
                    _NUMBER_READ[flags] = _read(_sre_parse.parse(NUMBER_PATTERN, flags), flags)
                if _NUMBER_READ[flags] is None:
                    return False
                more_literals, more_ranges, more_categories, more_stops = _NUMBER_READ[flags]
                literals.update(more_literals)
                ranges.extend(more_ranges)
                categories.update(more_categories)
                stops.extend(more_stops)
            elif op is _sre.LITERAL:
                literals.add(chr(av))
            elif op is _sre.IN:
                for item, value in av:
                    if item is _sre.LITERAL:
                        literals.add(chr(value))
                    elif item is _sre.RANGE:
                        ranges.append(value)
                    elif item is _sre.CATEGORY and value in _CATEGORIES:
                        categories.add(_CATEGORIES[value])
                    else:
                        return False
            elif op is _sre.AT:
                if av not in _AT_SAME:
                    return False
            elif op is _sre.BRANCH:
                if not all(walk(alternative) for alternative in av[1]):
                    return False
            elif op is _sre.SUBPATTERN:
                if not walk(av[-1]):
                    return False
            elif op in _REPEATS:
                if not walk(av[2]):
                    return False
            elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
                # a lookbehind looks before where it is: at the text as it is whatever the stretch
                if av[0] >= 0 and not walk(av[1]):
                    return False
            else:
                return False
        return True

    return (literals, ranges, categories, stops) if walk(items) else None


def _barriers(rx):
    """A pattern that matches the barriers of ``rx``: the characters of :data:`_BARRIER_CHARS`
    that no match of ``rx`` holds and that no test of the pattern after where its match starts (a
    lookahead) looks at; and a full stop not before a digit, when the pattern matches a full stop
    only before digits ("1.5").  None when there are none, or when they cannot be read from the
    pattern (it has any character, a negated class or category, a back-reference, a test for the
    end of the text)."""
    if _NUMBER_STAND_IN in rx.pattern:  # (a stand-in's name of its own: parsed as it is)
        found = _read(_sre_parse.parse(rx.pattern, rx.flags), rx.flags)
    else:
        first, *rest = rx.pattern.split(NUMBER_PATTERN)
        parsed = _sre_parse.parse(first + "".join(f"(?P<{_NUMBER_STAND_IN}{k}>){part}" for k, part in enumerate(rest)),
                                  rx.flags)
        found = _read(parsed, rx.flags, {parsed.state.groupdict[f"{_NUMBER_STAND_IN}{k}"] for k in range(len(rest))})
    if found is None:
        return None
    literals, ranges, categories, stops = found

    def barrier(c):
        return c not in literals and not any(a <= ord(c) <= b for a, b in ranges) and not any(
            category.match(c) for category in categories)

    forms = ["[" + re.escape("".join(filter(barrier, _BARRIER_CHARS))) + "]"] if any(map(barrier, _BARRIER_CHARS)) \
        else []
    if barrier(".") and all(stops):
        forms.append(r"\.(?!\d)")  # a full stop the pattern can hold is followed by a digit
    return re.compile("|".join(forms)) if forms else None


# "Unknown fatalities coded as 10", "Total fatalities coded to 19", "fatalities, coded as ten,",
# "the unknown number coded as 10", "Dozens, coded as 12, were reported killed", "Coded 3 fatalities",
# "10 fatalities coded per day"
_CODED = _patterns(
    (("coded",), rf"\b(?:{_FATALITIES}|number|total|dozens|several|sides)\b[^.;]{{0,60}}?\bcoded(?:\s+(?:as|to|at))?"
                 rf"\s+{_N}(?!\s*(?:/|each|to\s+each|fatalit(?:y|ies)\s+(?:to\s+)?each|for\s+each|"
                 r"coded\s+to\s+each))\b"),
    (("coded",), rf"\bcoded\s+{_N}\s+{_FATALITIES}\b"),
    # the figure of each event of the note: "(10 fatalities coded per day)", "10 fatalties coded per day"
    (("coded",), rf"\b{_N}\s+(?:fatal\w*\s+)?coded\s+per\s+(?:day|event|location)\b"),
    (("fatalities",), rf"\btotal\s+(?:number\s+of\s+)?fatalities\s+(?:of\s+)?{_N}\s+(?:are\s+|were\s+|is\s+|was\s+)?"
                      rf"(?:split|divided|distributed|spread|allocated)\b"),
    (("fatalities",), rf"\b{_N}\s+(?:total\s+)?fatalities\s+(?:were\s+|are\s+)?(?:split|divided|distributed|spread)\b"),
)
# A total stated after the figures it sums overrides them: "Unknown number of IS fatalities coded to 10.
# Total fatalities coded to 30.", "coded to 10 for a total (fatality count) of 18", "16 fatalities coded in total"
_TOTAL = _patterns(
    (("total",), rf"\btotal\s+(?:number\s+of\s+)?(?:fatalities|deaths)\s+(?:(?:was|were|are|is)\s+)?(?:coded|recorded)"
                 rf"(?:\s+(?:as|to|at))?\s+{_N}\b"),
    (("total",), rf"\bfor\s+a\s+total\s+(?:fatality\s+count\s+)?of\s+{_N}\b"),
    (("fatalities",),
     rf"\b{_N}\s+(?:total\s+)?fatalities\s+(?:were\s+)?(?:coded|recorded)\s+(?:in\s+total|in\s+all|overall)\b"),
)
# "5 each", "1 fatality for each location", "with 23 coded to each", "3 coded to this event"
_EACH = _patterns(
    (("each",), rf"\b{_N}\s+(?:fatalit(?:y|ies)\s+)?(?:(?:coded\s+|allocated\s+)?(?:to\s+|for\s+|in\s+)?each\b)"),
    (("coded", "allocated"),
     rf"\b{_N}\s+(?:fatalit(?:y|ies)\s+)?(?:coded|allocated)\s+to\s+this\s+(?:event|location)\b"),
    (("each",), rf"\beach\s+(?:event|location)\s+allocated\s+{_N}\b"),
)
# "split between both locations", "spread evenly across the four events", "split between the 2 locations"
_EVENLY = re.compile(
    r"\b(?:split|divided|distributed|spread)\s+(?:evenly\s+)?(?:between|across|among|over)\s+(?:the\s+)?"
    r"(?P<k>both|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:events|locations|areas|places|days)\b",
    re.I,
)
# "divided on Hober and Burda", "split between Arbin, Zamalka and Otaya": the places counted
_PLACES = re.compile(r"\b(?:split|divided|distributed|spread)\s+(?:evenly\s+)?(?:between|across|among|over|on)\s+"
                     r"(?P<places>[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*(?:\s*,\s*[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*)*"
                     r"\s*,?\s+and\s+[A-Z][\w'\-]*)")
# "divided 3/3/2/2 across", "split as follows: 2 Alia, 2 Leylan, 1 Arish"
_LISTED = re.compile(r"\b(?:\d+/)+\d+\b|(?<=[:,;])\s*(\d+)\s+(?:in\s+)?[A-Z]|[A-Z][\w'\-]*\s+\(?(\d+)\)?(?=\s*[,;.]|\s+and\b)"
                     r"|\b(\d+)\s+(?:fatalities\s+)?(?:coded|allocated)\s+to\b(?!\s+(?:each|this)\b)")
_CUE = re.compile(r"\b(?:coded|split|divided|distributed|spread|allocated)\b", re.I)
# The words without which no pattern above matches (each pattern names its own), looked for in the
# lower-cased text: most news copy holds none, or not the pairs a remark needs.
_GATE_WORDS = ("coded", "fatalities", "allocated", "total", "recorded", "each", "split", "divided", "distributed",
               "spread")
_SPLIT_WORDS = {"split", "divided", "distributed", "spread", "allocated"}
# each match of _CUE holds one: without, no search of the whole text (a tuple: looked for in this order)
_CUE_WORDS = ("coded", "split", "divided", "distributed", "spread", "allocated")
_FOR_A_TOTAL = re.compile(r"for\s+a\s+total", re.I)
# Letters that re.IGNORECASE matches with an ASCII letter but str.lower() does not make one.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_SPLIT_WORD = re.compile(r"\b(?:split|divided|distributed|spread|allocated)\b", re.I)
#: pattern -> its barriers (:func:`_barriers`), worked out when it is first searched (reading them
#: from the parsed pattern takes a few milliseconds, which a process that codes no remark need not spend).
_BARRIERS = {}


@dataclass(frozen=True)
class Remark:
    """A coding remark: ``total`` is the figure coded for all the events the
    note spans (nan when only the share is given), ``share`` the figure one
    event carries (nan when not stated), ``parts`` the number of events the
    total is spread over evenly (0 when not stated), ``listed`` the figures
    a note lists per place."""

    start: int
    end: int
    total: float
    share: float = float("nan")
    parts: int = 0
    listed: tuple = ()


def _value(text):
    count = parse_count(text)
    return float(count.best) if count is not None else float("nan")


def _first(patterns, text, words, low):
    found = [m for m in (_search(rx, text, low, needs) for rx, needs in patterns if words.intersection(needs))
             if m is not None]
    return min(found, key=lambda m: m.start()) if found else None


def _search(rx, text, low, needs):
    """``rx.search(text)`` (``low``: the text lower-cased, :func:`_lowered`), searched only in the
    stretches between its barriers (:data:`_BARRIERS`) where one of the words ``needs`` is.

    A match holds one of ``needs`` and no barrier: it lies in such a stretch.  Searched from
    the stretch's start to its end (``pos`` and ``endpos``), the pattern sees the text as a
    search of the whole text does at every position the match can start: a lookbehind and
    ``\\b`` see the text before ``pos``; at ``endpos``, where the whole text has a barrier,
    nothing of the pattern matches either way (a full stop, but one before a digit, which is
    no barrier), and ``\\b`` tells a barrier from the end alike.
    (The numbers pattern in the "5 each" pattern makes it try every word at length: most news
    with "each" and "divided" has no remark, and a search of the whole text cost a millisecond.)"""
    if rx not in _BARRIERS:
        _BARRIERS[rx] = _barriers(rx)
    barrier = _BARRIERS[rx]
    if barrier is None or len(low) != len(text):
        return rx.search(text)
    ends = [m.start() for m in barrier.finditer(text)]
    at = sorted(i for w in needs for i in _occurrences(low, w))
    done = 0
    for i in at:
        if i < done:
            continue  # in the stretch searched
        k = bisect.bisect_right(ends, i)
        start, done = ends[k - 1] + 1 if k else 0, ends[k] if k < len(ends) else len(text)
        m = rx.search(text, start, done)
        if m is not None:
            return m
    return None


def _occurrences(text, word):
    """Where ``word`` is in ``text``."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def _last(patterns, text, words):
    found = [m for rx, needs in patterns if words.intersection(needs) for m in rx.finditer(text)]
    return max(found, key=lambda m: m.start()) if found else None


def find_remarks(text):
    """ACLED's coding remarks in a note, one per note at most (the first
    stated total with the share its sentences give).

    Returns
    -------
    Remark or None

    Examples
    --------
    >>> find_remarks("Clashes took place. Unknown fatalities coded as 10.").total
    10.0
    >>> r = find_remarks("Fatalities coded to 10, and split between both locations 5 each.")
    >>> r.total, r.share
    (10.0, 5.0)
    >>> find_remarks("Total fatalities coded to 32 and spread evenly across the four events.").parts
    4
    >>> find_remarks("Five regime soldiers were killed.") is None
    True
    """
    words = _words_in(text)
    if not (words.intersection(_CUE_WORDS) and _may_remark(words, text) and _CUE.search(text)):
        return None  # most texts: no remark, two quick looks
    low = _lowered(text)
    total = _last(_TOTAL, text, words)
    coded = total or _first(_CODED, text, words, low)
    each = _first(_EACH, text, words, low)
    split = _SPLIT_WORD.search(text)
    if each is None and total is not None and split is not None and total.start() > split.start():
        each = total  # "Total fatalities of 63 are split over 31 locations as follows: … Total fatalities coded as 2."
    if coded is None and not (each and split):
        return None
    found = [m for m in (coded, each, split) if m is not None]
    start, end = min(m.start() for m in found), max(m.end() for m in found)
    return Remark(start, end, _value(coded.group("n")) if coded else float("nan"),
                  _value(each.group("n")) if each else float("nan"), _parts(text[start:]),
                  _listed(text[split.start():]) if split is not None else ())


def _words_in(text):
    """The words of ``_GATE_WORDS`` in ``text`` (as ``re.IGNORECASE`` finds them); none when it
    holds none of ``_CUE_WORDS`` (a text without one holds no remark: the others are not looked for)."""
    low = _lowered(text)
    # Substring tests (in C), the six cue words first: in most texts none is there, and six tests
    # take half the time of one automaton pass over the text for all ten words.
    if not any(w in low for w in _CUE_WORDS):
        return set()
    return {w for w in _GATE_WORDS if w in low}


def _lowered(text):
    """``text`` lower-cased, with the letters that ``re.IGNORECASE`` matches with an ASCII letter
    made that letter."""
    # str.translate walks the text in Python-level steps: only where there is something to fold
    # (three `in` tests run at C speed; most non-ASCII texts only have curly quotes)
    fold = not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text)
    return (text.translate(_ASCII_FOLD) if fold else text).lower()


def _may_remark(words, text):
    """Can :func:`find_remarks` find a remark in a text holding ``words``
    (:func:`_words_in`)?  Only with "coded", "fatalities" or "allocated"
    (_CODED, _TOTAL, _EACH), "total" with "recorded" or after "for a" (_TOTAL),
    or "each" with a split word (a share without a total needs a split)."""
    return (bool(words & {"coded", "fatalities", "allocated"}) or ("each" in words and words & _SPLIT_WORDS)
            or ("total" in words and ("recorded" in words or _FOR_A_TOTAL.search(text) is not None)))


def _parts(tail):
    """How many events a total is spread over evenly: "across the four events",
    "between Hober and Burda" (0 when not said)."""
    evenly = _EVENLY.search(tail)
    if evenly:
        k = evenly.group("k").lower()
        return 2 if k == "both" else int(_value(k))
    places = _PLACES.search(tail)
    return len(re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", places.group("places"))) if places else 0


def _listed(rest):
    """The figures listed per place after a split: "3/3/2/2", "2 Alia, 2 Leylan"."""
    return tuple(float(x) for m in _LISTED.finditer(rest)
                 for x in (m.group().split("/") if "/" in m.group() else [next(g for g in m.groups() if g)]))


def remark_share(remark):
    """The figure one event of the note carries: the stated share, else the
    total spread evenly, else the most frequent listed figure, else the total.

    >>> remark_share(Remark(0, 1, 32.0, parts=4))
    8
    >>> remark_share(Remark(0, 1, 9.0, listed=(2.0, 2.0, 1.0)))
    2
    >>> remark_share(Remark(0, 1, 10.0))
    10
    """
    if remark.share == remark.share:
        return int(remark.share)
    if remark.parts and remark.total == remark.total:
        return int(remark.total / remark.parts + 0.5)
    if remark.listed:
        return int(Counter(remark.listed).most_common(1)[0][0])
    return int(remark.total) if remark.total == remark.total else None


def remark_claim(text, sentences):
    """The coding remark of a note as a ``convention`` claim (or None): its
    count is unknown to the text (``best`` nan) and ``acled`` is the share.

    >>> t = "Clashes took place. Unknown fatalities coded as 10."
    >>> c = remark_claim(t, [(0, 19), (20, len(t))])
    >>> c.role, c.count.acled, c.sentence, t[c.start:c.end]
    ('convention', 10, 1, 'fatalities coded as 10')
    """
    remark = find_remarks(text)
    share = remark_share(remark) if remark is not None else None
    if share is None:
        return None
    starts = [s for s, _ in sentences]
    sentence = max(bisect.bisect_right(starts, remark.start) - 1, 0)
    nan = float("nan")
    return Claim(start=remark.start, end=remark.end, outcome="killed",
                 count=Count(nan, nan, nan, "unreported", share), pattern="acled-remark", sentence=sentence,
                 role="convention")


def split_shared_notes(figures, notes, stated):
    """ACLED's figure of each event when one note is copied onto several.

    ACLED writes one note for a report that tells of several events (places,
    days) and copies it onto each of them; the deaths the note states are
    shared out evenly between those events, the first ones taking one more
    until the remainder is spent (29 over three: 10, 10, 9).  A figure that
    is ACLED's per event already is kept: a coding remark's share, or the
    figure ACLED gives deaths reported without a number ("heavy
    casualties": 10 for each event).

    Parameters
    ----------
    figures : pandas.Series
        The coded ``fatalities_acled`` of each row (one row per event, each
        coded from its note alone).
    notes : pandas.Series
        The note of each row (same index): rows with the same note share it.
    stated : pandas.Series of bool
        True where the row's figure is the count the note states (the
        text's own reading), False where it is already one event's.

    Returns
    -------
    pandas.Series
        The figures, those of shared notes split (float, same index).

    Examples
    --------
    >>> import pandas as pd
    >>> notes = pd.Series(["29 Boko Haram dead."] * 3 + ["Heavy casualties."] * 2 + ["5 killed."])
    >>> figures = pd.Series([29, 29, 29, 10, 10, 5])
    >>> stated = pd.Series([True, True, True, False, False, True])
    >>> split_shared_notes(figures, notes, stated).tolist()
    [10.0, 10.0, 9.0, 10.0, 10.0, 5.0]
    """
    out = figures.astype("float64").copy()
    shared = notes.duplicated(keep=False) & stated.astype(bool) & (out > 0)
    for rows in out[shared].groupby(notes[shared], sort=False).groups.values():
        total = out[rows[0]]
        if not total.is_integer() or (out[rows] != total).any():
            continue  # one note coded two ways (never, coded alone): leave it
        share, rest = divmod(int(total), len(rows))
        out[rows] = [share + (k < rest) for k in range(len(rows))]
    return out
