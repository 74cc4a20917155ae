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

from . import _scan
from .casualties import Claim
from .counts import NUMBER_PATTERN, Count, parse_count

__all__ = ["Remark", "find_remarks", "remark_share", "remark_claim", "split_shared_notes"]

_N = rf"(?P<n>{NUMBER_PATTERN})"
_FATALITIES = r"(?:fatalit(?:y|ies)|deaths|casualties|killed)"


def _patterns(*rules):
    """``(pattern, words)`` pairs from ``(words, source)`` rules: the pattern
    is searched only in a text holding one of its ``words`` (see :func:`_words_in`)."""
    return tuple((re.compile(source, re.I), words) for words, source in rules)


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
# The words without which no pattern above matches (each pattern names its own), found in one
# Aho-Corasick pass over the lower-cased text: most news copy holds none, or not the pairs a remark needs.
_GATE = _scan.literal_automaton(("coded", "fatalities", "allocated", "total", "recorded", "each", "split",
                                 "divided", "distributed", "spread"))
_SPLIT_WORDS = {"split", "divided", "distributed", "spread", "allocated"}
_CUE_WORDS = _SPLIT_WORDS | {"coded"}  # each match of _CUE holds one: without, no search of the whole text
_FOR_A_TOTAL = re.compile(r"for\s+a\s+total", re.I)
# Letters that re.IGNORECASE matches with an ASCII letter but str.lower() does not make one.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_SPLIT_WORD = re.compile(r"\b(?:split|divided|distributed|spread|allocated)\b", re.I)


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


def _first(patterns, text, words):
    found = [m for m in (rx.search(text) for rx, needs in patterns if words.intersection(needs)) if m is not None]
    return min(found, key=lambda m: m.start()) if found else None


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
    if not (words & _CUE_WORDS and _may_remark(words, text) and _CUE.search(text)):
        return None  # most texts: no remark, two quick looks
    total = _last(_TOTAL, text, words)
    coded = total or _first(_CODED, text, words)
    each = _first(_EACH, text, words)
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
    """The words of ``_GATE`` in ``text`` (as ``re.IGNORECASE`` finds them)."""
    # str.translate walks the text in Python-level steps: only where there is something to fold
    # (three `in` tests run at C speed; most non-ASCII texts only have curly quotes)
    fold = not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text)
    low = (text.translate(_ASCII_FOLD) if fold else text).lower()
    return {low[end + 1 - n:end + 1] for end, n in _GATE.iter(low)}


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
