"""Counts as written in news copy, turned into low/best/high ranges.

"28", "1,200", "two", "twenty-three", "a dozen", "dozens", "hundreds",
"over a million", "at least 28", "up to 40", "nearly 30" each become a
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

__all__ = ["Count", "parse_count", "NUMBER_PATTERN", "NUMBER_WORDS", "QUALIFIER_PATTERN", "VAGUE", "QUALIFIERS"]

NAN = float("nan")

#: Vague amounts: (low, best, high, acled).  ``acled`` is ACLED's coding of
#: the word (10 for "tens", 12 for "dozens", 100 for "hundreds": ACLED,
#: "Fatalities", Uses and limitations of ACLED data, 2023, updated 2024).
VAGUE = {
    "a couple of": (2, 2, 2, 2),
    "a couple": (2, 2, 2, 2),
    "a few": (2, 3, 5, 2),
    "several": (3, 3, 9, 3),
    "a number of": (2, 3, 9, 2),
    "tens of": (20, 20, 99, 10),
    "tens": (20, 20, 99, 10),
    "a dozen": (12, 12, 12, 12),
    "dozen": (12, 12, 12, 12),
    "dozens of": (24, 24, 99, 12),
    "dozens": (24, 24, 99, 12),
    "scores of": (40, 40, 99, 20),
    "scores": (40, 40, 99, 20),
    "a score of": (20, 20, 20, 20),
    "hundreds of": (200, 200, 999, 100),
    "hundreds": (200, 200, 999, 100),
    "thousands of": (2000, 2000, 9999, 1000),
    "thousands": (2000, 2000, 9999, 1000),
    "tens of thousands of": (20000, 20000, 99999, 10000),
    "tens of thousands": (20000, 20000, 99999, 10000),
    "hundreds of thousands of": (200000, 200000, 999999, 100000),
    "hundreds of thousands": (200000, 200000, 999999, 100000),
    "millions of": (2_000_000, 2_000_000, 9_999_999, 1_000_000),
    "millions": (2_000_000, 2_000_000, 9_999_999, 1_000_000),
}

#: Qualifiers and the range they give a figure N: functions of N.
QUALIFIERS = {
    "at least": lambda n: (n, n, NAN),
    "more than": lambda n: (n, n, NAN),
    "over": lambda n: (n, n, NAN),
    "upwards of": lambda n: (n, n, NAN),
    "in excess of": lambda n: (n, n, NAN),
    "no fewer than": lambda n: (n, n, NAN),
    "no less than": lambda n: (n, n, NAN),
    "up to": lambda n: (1, n, n),
    "as many as": lambda n: (1, n, n),
    "at most": lambda n: (1, n, n),
    "nearly": lambda n: (_round(0.9 * n), n - 1, n - 1),
    "almost": lambda n: (_round(0.9 * n), n - 1, n - 1),
    "fewer than": lambda n: (1, n - 1, n - 1),
    "less than": lambda n: (1, n - 1, n - 1),
    "about": lambda n: (_round(0.9 * n), n, _round(1.1 * n)),
    "around": lambda n: (_round(0.9 * n), n, _round(1.1 * n)),
    "approximately": lambda n: (_round(0.9 * n), n, _round(1.1 * n)),
    "roughly": lambda n: (_round(0.9 * n), n, _round(1.1 * n)),
    "some": lambda n: (_round(0.9 * n), n, _round(1.1 * n)),
    "an estimated": lambda n: (_round(0.9 * n), n, _round(1.1 * n)),
}


def _round(x):
    return int(math.floor(x + 0.5))


_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ["hundred", "thousand", "million", "billion"]
#: Number words that can begin a written number (units, teens and tens).
NUMBER_WORDS = _UNITS + _TENS
_WORD_VALUES = {w: i for i, w in enumerate(_UNITS)} | {w: 10 * (i + 2) for i, w in enumerate(_TENS)}

_WORD_NUMBER = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[\s\-](?:" + "|".join(_UNITS[1:10]) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
    r"(?:\s+(?:and\s+)?(?:hundred|thousand|million|billion)"
    r"(?:\s+(?:and\s+)?(?:" + "|".join(_TENS + _UNITS[1:]) + r")(?:[\s\-](?:" + "|".join(_UNITS[1:10]) + r"))?)?)*"
)
_NOT_AGE = r"(?!\s*-?\s*(?:years?|yrs?|months?)[\s\-]+old)(?!-year)"
# Thousands with commas ("1,200"), or round thousands with spaces ("1 000", "200 000"; a space before
# other digits is too often two numbers: "September 21 200 people").
_DIGITS = (r"(?<![\w.,/:\-#$])\d{1,3}(?:,\d{3})+(?![\w,/:%])" + _NOT_AGE
           + r"|(?<![\w.,/:\-#$])\d{1,3}(?:[ \u00a0\u202f\u2009]000)+(?![\w,/:%])" + _NOT_AGE
           + r"|(?<![\w.,/:\-#$])\d+(?:\.\d+)?(?:\s+(?:million|thousand))?(?![\w/:%])" + _NOT_AGE)
_FRACTION_SCALE = r"(?:a\s+)?(?:quarter|half|third)\s+(?:of\s+)?an?\s+(?:million|thousand)"
_ARTICLE_SCALE = _FRACTION_SCALE + r"|a\s+(?:hundred|thousand|million)"

#: A regular expression source that matches one written number (digits,
#: number words, vague plurals, "a dozen", "a million").
NUMBER_PATTERN = (
    r"(?:" + "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
    + r"|" + _ARTICLE_SCALE + r"|" + _DIGITS + r"|\b" + _WORD_NUMBER + r"\b)"
)
#: A regular expression source for the qualifiers of :data:`QUALIFIERS`.
QUALIFIER_PATTERN = r"(?:" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)) + r")"


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
    from number_parser import parse_number

    return parse_number(t)


def parse_count(number, qualifier=""):
    """Read a number as written, with its qualifier, into a :class:`Count`.

    Parameters
    ----------
    number : str
        The number as written: ``"28"``, ``"two"``, ``"a dozen"``, ``"dozens"``.
    qualifier : str, optional
        ``"at least"``, ``"up to"``, ``"nearly"`` … (see :data:`QUALIFIERS`).

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
    """
    key = " ".join(number.lower().split())
    qual = " ".join(qualifier.lower().split())
    if key in VAGUE:
        low, best, high, acled = VAGUE[key]
        return Count(low, best, high, qual or key.replace(" of", ""), acled)
    value = _number_value(number)
    if value is None or value != int(value):
        return None  # people come whole: "3.5 people" is no count (but "2.5 million" is)
    value = int(value)
    if qual in QUALIFIERS:
        low, best, high = _ordered(*QUALIFIERS[qual](value))
        acled = low if qual not in ("up to", "as many as", "at most", "fewer than", "less than") else best
        # ACLED codes the most conservative figure reported: the lower bound
        # when one is given, the stated figure otherwise.
        return Count(low, best, high, qual, acled)
    return Count(value, value, value, "", value)


def _ordered(low, best, high):
    """``low <= best <= high`` (``high`` may be open), none below 0: "nearly
    five" is 4 at best, so its low is 4 too, and "fewer than one" is 0."""
    best = max(best, 0)
    low = min(max(low, 0), best)
    return low, best, high if math.isnan(high) else max(high, best)
