"""Counts as written in news copy, turned into low/best/high ranges.

"28", "1,200", "two", "twenty-three", "a dozen", "dozens", "hundreds",
"over a million", "at least 28", "up to 40", "nearly 30", "10-15", "two or
three" each become a
:class:`Count` with ``low``, ``best`` and ``high`` (``high`` is ``nan`` when
the report leaves it open) and the qualifier that set the range.  Number
words are read by the ``number-parser`` package; the vague plurals and the
qualifiers are conflictkit's conventions, listed in :data:`VAGUE` and
:data:`QUALIFIERS`.
"""

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import load_resources

__all__ = ["Count", "parse_count", "NUMBER_PATTERN", "NUMBER_WORDS", "QUALIFIER_PATTERN", "VAGUE", "QUALIFIERS",
           "number_pattern", "qualifier_pattern", "vague_amounts", "qualifier_kinds"]

NAN = float("nan")

def _round(x):
    return int(math.floor(x + 0.5))


#: The range a qualifier of each kind (``qualifiers`` in the grammar) gives a figure N.
_RANGES = {
    "at_least": lambda n: (n, n, NAN),
    "at_most": lambda n: (1, n, n),
    "just_under": lambda n: (_round(0.9 * n), n - 1, n - 1),
    "under": lambda n: (1, n - 1, n - 1),
    "about": lambda n: (_round(0.9 * n), n, _round(1.1 * n)),
}
# Qualifiers of these kinds bound a figure from above: ACLED codes the figure
# stated, not the lower bound.
_UPPER_BOUNDS = {"at_most", "under"}


def vague_amounts(grammar):
    """``{word: (low, best, high, acled)}`` of the grammar's ``vague_amounts``."""
    return {k: tuple(v) for k, v in grammar["vague_amounts"].items()}


def qualifier_kinds(grammar):
    """``{qualifier: kind}`` of the grammar's ``qualifiers``."""
    return dict(grammar["qualifiers"])


def number_pattern(grammar):
    """A regular expression source that matches one written number (digits,
    the grammar's number words and vague amounts, "a dozen", "a million") or
    a range of two ("10-15", "two or three", "between 10 and 15")."""
    units, tens, scales = (grammar["number_words"][k] for k in ("units", "tens", "scales"))
    word_number = (
        r"(?:(?:" + "|".join(tens) + r")(?:[\s\-](?:" + "|".join(units[1:10]) + r"))?"
        r"|" + "|".join(sorted(units, key=len, reverse=True)) + r")"
        r"(?:\s+(?:and\s+)?(?:" + "|".join(scales) + r")"
        r"(?:\s+(?:and\s+)?(?:" + "|".join(tens + units[1:]) + r")(?:[\s\-](?:" + "|".join(units[1:10]) + r"))?)?)*"
    )
    return (r"(?:" + "|".join(re.escape(v) for v in sorted(grammar["vague_amounts"], key=len, reverse=True))
            + r"|" + _range(word_number) + r"|" + _ARTICLE_SCALE + r"|" + _DIGITS + r"|\b" + word_number + r"\b)")


def _range(word_number):
    """A range: "10-15", "two or three", "10 to 15", "between 10 and 15" (the numbers
    after "between"); never years ("2011-2016"), ages ("ages 20-27") nor "from 19 to
    43" (a change)."""
    end = r"(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d+|\b" + word_number + r"\b)"
    return (r"(?<![\w.,/:\-#$])(?<!from\s)(?<!ages\s)(?<!aged\s)(?<!ages\sof\s)(?<!between\sthe\sages\s)"
            + end + r"(?:\s*[\-\u2013\u2014]\s*|\s+(?:to|or)\s+)" + end + r"(?![\w/:%])" + _NOT_AGE
            + r"|(?<=between\s)" + end + r"\s+and\s+" + end + r"(?![\w/:%])" + _NOT_AGE)


_RANGE_SPLIT = re.compile(r"\s+(?:to|or|and)\s+|(?<=\d)\s*[\-\u2013\u2014]\s*(?=\d)|\s*[\u2013\u2014]\s*|\s+-\s+")


def qualifier_pattern(grammar):
    """A regular expression source for the grammar's qualifiers."""
    return r"(?:" + "|".join(re.escape(q) for q in sorted(grammar["qualifiers"], key=len, reverse=True)) + r")"


_NOT_AGE = r"(?!\s*-?\s*(?:years?|yrs?|months?)[\s\-]+old)(?!-year)"
# Thousands with commas ("1,200"), or round thousands with spaces ("1 000", "200 000"; a space before
# other digits is too often two numbers: "September 21 200 people").
_DIGITS = (r"(?<![\w.,/:\-#$])\d{1,3}(?:,\d{3})+(?![\w,/:%])" + _NOT_AGE
           + r"|(?<![\w.,/:\-#$])\d{1,3}(?:[ \u00a0\u202f\u2009]000)+(?![\w,/:%])" + _NOT_AGE
           + r"|(?<![\w.,/:\-#$])\d+(?:\.\d+)?(?:\s+(?:million|thousand))?(?![\w/:%])" + _NOT_AGE)
_FRACTION_SCALE = r"(?:a\s+)?(?:quarter|half|third)\s+(?:of\s+)?an?\s+(?:million|thousand)"
_ARTICLE_SCALE = _FRACTION_SCALE + r"|a\s+(?:hundred|thousand|million)"

_GRAMMAR = load_resources().grammar
#: Vague amounts of the bundled grammar: (low, best, high, acled).  ``acled``
#: is ACLED's coding of the word (10 for "tens", 12 for "dozens", 100 for
#: "hundreds": ACLED, "Fatalities", Uses and limitations of ACLED data, 2023).
VAGUE = vague_amounts(_GRAMMAR)
#: Qualifiers of the bundled grammar and the range they give a figure N: functions of N.
_KINDS = qualifier_kinds(_GRAMMAR)
QUALIFIERS = {q: _RANGES[kind] for q, kind in _KINDS.items()}
#: Number words that can begin a written number (units, teens and tens).
NUMBER_WORDS = _GRAMMAR["number_words"]["units"] + _GRAMMAR["number_words"]["tens"]
_WORD_VALUES = {w: i for i, w in enumerate(_GRAMMAR["number_words"]["units"])} | {
    w: 10 * (i + 2) for i, w in enumerate(_GRAMMAR["number_words"]["tens"])}
#: A regular expression source that matches one written number.
NUMBER_PATTERN = number_pattern(_GRAMMAR)
#: A regular expression source for the qualifiers of :data:`QUALIFIERS`.
QUALIFIER_PATTERN = qualifier_pattern(_GRAMMAR)


@dataclass(frozen=True)
class Count:
    """A count read from text.

    ``high`` is ``nan`` when open ("at least 28"); ``best`` is ``nan`` when
    the report gives no number ("were killed, without giving numbers").
    ``acled`` is the conservative figure ACLED's rules give.
    """

    low: float
    best: float
    high: float
    qualifier: str = ""
    acled: float = NAN

    @property
    def exact(self):
        return self.low == self.best == self.high


@lru_cache(maxsize=4096)
def _number_value(text):
    t = " ".join(text.lower().replace("-", " ").split())
    frac = re.fullmatch(r"(?:a\s+)?(quarter|half|third)\s+(?:of\s+)?an?\s+(million|thousand)", t)
    if frac:
        part = {"quarter": 0.25, "half": 0.5, "third": 1 / 3}[frac.group(1)]
        return int(round(part * {"million": 1e6, "thousand": 1e3}[frac.group(2)]))
    t = re.sub(r"^an?\s+(hundred|thousand|million)", r"one \1", t)
    if re.fullmatch(r"\d{1,3}(?: 000)+", t):
        return int(t.replace(" ", ""))
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?:\s+(million|thousand))?", t)
    if m:
        digits = m.group(1).replace(",", "")
        value = int(digits) if "." not in digits else float(digits)  # exact, however long
        value *= {"million": 1e6, "thousand": 1e3, None: 1}[m.group(2)]
        return int(value) if value == int(value) else value
    if t in _WORD_VALUES:
        return _WORD_VALUES[t]
    return _parse_words(t)


#: Words number-parser reads as English number words (or skips: "and"): the bundled grammar's.
_ENGLISH_NUMBER_WORDS = frozenset(_GRAMMAR["number_words"]["units"] + _GRAMMAR["number_words"]["tens"]
                                  + _GRAMMAR["number_words"]["scales"] + ["and"])


def _parse_words(t):
    """number-parser's reading of ``t`` (lower case, single spaces), as it reads it told no language.

    Told none, it detects one for every phrase: for each of its languages in turn ("en" first) it
    counts the words of the phrase that are that language's number words or skipped words, and
    takes the first with the most ("en" when none counts any); each language's tables are rebuilt
    for this at every call (~0.6 ms a phrase, of a cold run's few milliseconds of number phrases).
    A phrase whose every word is an English number word: English counts all its words and no
    language more (a space is no language's word), so English is detected; told so, it reads the
    phrase in ~0.03 ms.  Any other phrase is left to the detection (tests/test_counts.py)."""
    from number_parser import parse_number

    english = _ENGLISH_NUMBER_WORDS.issuperset(t.split(" "))
    return parse_number(t, "en" if english else None)


def _range_bounds(key):
    """(low, high) of a range as written ("10-15", "two or three"), or None."""
    ends = _RANGE_SPLIT.split(key, maxsplit=1)
    if len(ends) != 2:
        return None
    low, high = (_number_value(e) for e in ends)
    if low is None or high is None or not low < high or low != int(low) or high != int(high):
        return None
    return int(low), int(high)


def parse_count(number, qualifier="", *, vague=None, qualifiers=None):
    """Read a number as written, with its qualifier, into a :class:`Count`.

    Parameters
    ----------
    number : str
        The number as written: ``"28"``, ``"two"``, ``"a dozen"``, ``"dozens"``.
    qualifier : str, optional
        ``"at least"``, ``"up to"``, ``"nearly"`` … (see :data:`QUALIFIERS`).
    vague, qualifiers : dict, optional
        A grammar's :func:`vague_amounts` and :func:`qualifier_kinds`
        (default: the bundled grammar's).

    Returns
    -------
    Count or None
        None when ``number`` is not a number.

    Examples
    --------
    >>> parse_count("28", "at least")
    Count(low=28, best=28, high=nan, qualifier='at least', acled=28)
    >>> parse_count("dozens")
    Count(low=24, best=24, high=99, qualifier='dozens', acled=12)
    >>> parse_count("a million", "over").low
    1000000

    A range is low and high with the middle as best; ACLED codes the low:

    >>> parse_count("10-15", "some")
    Count(low=10, best=12, high=15, qualifier='range', acled=10)
    """
    key = " ".join(number.lower().split())
    qual = " ".join(qualifier.lower().split())
    bounds = _range_bounds(key)
    if bounds is not None:
        low, high = bounds
        return Count(low, (low + high) // 2, high, "range", low)
    vague = VAGUE if vague is None else vague
    kind = (_KINDS if qualifiers is None else qualifiers).get(qual)
    if key in vague:
        low, best, high, acled = vague[key]
        return Count(low, best, high, qual or key.replace(" of", ""), acled)
    value = _number_value(number)
    if value is None or value != int(value):
        return None  # people come whole: "3.5 people" is no count (but "2.5 million" is)
    value = int(value)
    if kind:
        low, best, high = _ordered(*_RANGES[kind](value))
        # ACLED codes the most conservative figure reported: the lower bound
        # when one is given, the stated figure otherwise.
        return Count(low, best, high, qual, best if kind in _UPPER_BOUNDS else low)
    return Count(value, value, value, "", value)


def _ordered(low, best, high):
    """``low <= best <= high`` (``high`` may be open), none below 0: "nearly
    five" is 4 at best, so its low is 4 too, and "fewer than one" is 0."""
    best = max(best, 0)
    low = min(max(low, 0), best)
    return low, best, high if math.isnan(high) else max(high, best)
