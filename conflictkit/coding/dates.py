"""Dates in a report, absolute and relative to its publication date.

A compiled pattern finds candidate date phrases; absolute ones ("22
September, 2020", "On 2 June 2023") are read by ``dateparser`` on the
candidate span only; relative ones ("on Tuesday", "since Monday", "Monday
night", "last week", "in August", "one day after") are resolved against the
publication date (or, for "N days after", the date just before them in the
sentence).  A day and month without a year ("On 12 March", "on 13/05", day
first) takes the latest year it is not after the publication date; with no
publication date, the year of the last date with a year before it in the
text ("On 21 September 2020 … on 22 September"), else it keeps its day and
month only (``partial`` "--03-12", no start or end): no year is invented.  Each date has ``date_start``, ``date_end`` and a ``precision``
(day, week, month, year) and a ``role``: ``statement`` when it dates the
saying ("a war monitor said on Tuesday"), ``dateline`` for the date printed
at the head of the report ("Wed 05 Apr 2017 Syria attack …"), ``caption``
for a date in a photo caption or a related link ("File photo taken on 3
March 2013"), ``event`` otherwise.  Only ``event`` dates date events; a
printed dateline dates the relative ones (:func:`report_anchor`).
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ._scan import matches_at, spaced_automaton

__all__ = ["DateMention", "find_dates", "dateline_date", "report_anchor"]

_MONTH_NAMES = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH_NAMES |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTH_NAMES["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMWORD = r"(?i:one|two|three|four|five|six|seven|a|\d{1,2})"
# A day and month in figures ("on 13/05", "the night of 15/05", "since 2/3/2016"), after a word that
# introduces a date: a bare "1/3" is as often a fraction or a score.
_NUMERIC = (r"(?i:on|of|since|until|till|from|before|after|by|and|to|between|beginning|ending)\s+"
            r"(?:the\s+)?\d{1,2}/\d{1,2}(?:/(?:19|20)\d\d)?\b(?![/\d])")

# The kinds of date phrase, in the order they are tried at a position, and the characters each may
# start with ((?i:...) words in either case; test_event_speedups reads them from the parsed patterns).
_KINDS = (
    ("dmy", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", "0123456789"),
    ("mdy", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", "JFMASOND"),
    ("iso", rf"\b{_YEAR}-[01]\d-[0-3]\d\b", "12"),
    ("numeric", rf"\b{_NUMERIC}", "osutfbaeOSUTFBAE"),
    ("dm", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?!\s*,?\s*{_YEAR})\b", "0123456789"),
    ("md", rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+{_YEAR})", "JFMASOND"),
    ("my", rf"\b(?:(?i:in|since|during|early|late|mid)[\s\-]+)?{_MONTH}\s+{_YEAR}\b", "isdelmISDELMJFAON"),
    ("month", rf"\b(?i:in|since|during|early|late|mid|last|this|until|by)[\s\-]+{_MONTH}(?![\w-])(?!\s+{_YEAR})",
     "isdelmtubISDELMTUB"),
    ("weekday", rf"\b(?:(?i:since|on|last|this|early|late)\s+)?{_WEEKDAY}(?:\s+(?:night|morning|afternoon|evening))?\b",
     "solteSOLTEMTWF"),
    ("rel", r"\b(?i:yesterday|today|tonight|last\s+night|this\s+morning|last\s+week(?:end)?|this\s+week|"
     r"last\s+month|this\s+month|last\s+year|this\s+year|earlier\s+this\s+(?:week|month|year))\b", "ytleYTLE"),
    ("offset", rf"\b{_NUMWORD}\s+(?:day|week|month)s?\s+(?:after|later|before|earlier|ago)\b",
     "otfsaOTFSA0123456789"),
    ("year", rf"\b(?i:in|since|during|throughout|early|late|mid|by)[\s\-]+{_YEAR}\b", "isdtelmbISDTELMB"),
)


def _kinds_pattern(kinds):
    # every alternative starts at a word boundary: test it once, up front
    return re.compile(r"\b(?=\w)(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern, _ in kinds) + ")")


_PATTERN = _kinds_pattern(_KINDS)
# _PATTERN with only the kinds that may start with a given (ASCII) character: at a position the
# first kind that matches there is the alternation's match, and one that cannot start there never
# is; the engine no longer tries them one by one ("on Monday": numeric, weekday and offset only).
_PATTERN_AT = {c: _kinds_pattern([k for k in _KINDS if c in k[2]]) for c in {c for k in _KINDS for c in k[2]}}
_MATCH_AT, _MATCH = {c: rx.match for c, rx in _PATTERN_AT.items()}, _PATTERN.match  # (bound once: ~21 tries a report)
# Text without any of these words holds no date the pattern above can read.
_TRIGGER = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"(?i:yesterday|today|tonight)\b|(?i:last|this)\s+(?i:night|morning|week|month|year)|"
    r"(?:day|week|month)s?\s+(?:after|later|before|earlier|ago)\b|(?:19|20)\d\d\b|/\d)"
)  # month and day names as _PATTERN reads them: capitalised; "THIS YEAR" in any case


# Every match of _TRIGGER starts a word with one of these words, lower-cased, but "/\d" (a "/" after a
# word character): found where a word starts (``_scan.spaced_automaton``: a faster scan) and "/" by str.find.
_TRIGGER_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "monday",
                  "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight",
                  "last", "this", "day", "week", "month", "19", "20")
_TRIGGER_STARTS = spaced_automaton(_TRIGGER_WORDS)


# Each ASCII byte as _candidates writes a chunk to scan for _TRIGGER_STARTS: as _scan.spaced does, a
# letter lower-cased.
_SPACED_LOWER = bytes(ord(chr(c).lower()) if chr(c).isalnum() or c == 95 else 32 for c in range(128)) + b" " * 128


# Every match of _PATTERN holds a match of _TRIGGER and starts at most this
# many characters before it ("throughout 2016", "22nd of September").
_REACH = 24


def _trigger_word_starts(chunk):
    """The offsets in ``chunk`` where one of the words of _TRIGGER_STARTS starts a word (in any case), sorted."""
    # spaced_word_starts(_TRIGGER_STARTS, lower_same_length(chunk)), lower-cased and spaced in one
    # translation.  (A character outside ASCII is a space in the spaced text either way; the one
    # that lower-cases to ASCII, the Kelvin sign "\u212a" to "k", is a letter: a hit after it is
    # dropped with those after "é".)
    firsts = sorted(set([last + 1 - length for last, length in _TRIGGER_STARTS.iter(spaced_lower(chunk))]))
    if not chunk.isascii():  # a hit after a letter outside ASCII is inside a word
        firsts = [s for s in firsts if not (s and (chunk[s - 1].isalnum() or chunk[s - 1] == "_"))]
    return firsts


def spaced_lower(chunk):
    """``chunk`` as :func:`~conflictkit.coding._scan.spaced` writes it, its ASCII letters lower-cased."""
    return " " + chunk.encode("ascii", "replace").translate(_SPACED_LOWER).decode("ascii")


def _candidates(text, start, end, firsts=None):
    """Matches of the date pattern, tried only at the word starts just before
    trigger words (months, weekdays, "ago", years …) whose first character can
    start a date (_FIRST, _FIRST_TWO), with the kinds of date that character can start
    (_PATTERN_AT): the same matches as searching the whole text, found
    without scanning it.  ``firsts``: the offsets in ``text[start:end]`` where a word of
    _TRIGGER_STARTS starts a word, sorted (:func:`_trigger_word_starts`; the coder finds them
    in the scan that finds the first words of source phrases too), else found here."""
    chunk = text[start:end]
    if firsts is None:
        firsts = _trigger_word_starts(chunk)
    k = chunk.find("/")
    if k >= 0:
        slashes = []
        while k >= 0:
            slashes.append(k)
            k = chunk.find("/", k + 1)
        firsts = sorted(firsts + slashes)  # (a "/" starts no word: no start twice)
    firsts = [start + s for s in firsts]
    out, last, done = [], -1, start
    # the word starts up to _REACH characters before each trigger (the triggers are sorted and apart:
    # each stretch starts where the one before ended, and the stretches together are the merged windows)
    for t in matches_at(_TRIGGER, text, firsts, end):
        p = t.start()
        if p < last:  # a trigger inside the last date ("April 2017"): so are the word starts before it
            done = p + 1
            continue
        for w in _FIRST_TWO.finditer(text, max(done, p - _REACH), p + 2):  # (it reads two characters)
            q = w.start()
            if q > p:  # (the stretch ends at the trigger)
                break
            if q >= last:  # (matches_at, with the pattern of the word's first character)
                m = _MATCH_AT.get(text[q], _MATCH)(text, q, end)
                if m:
                    out.append(m)
                    last = m.end()
        done = p + 1
    return out


# Every match of _PATTERN starts a word with a figure, a capital of a month or a weekday, or a
# letter of one of its words in either case ((?i:...): "in", "since", "a", "yesterday" …; under
# (?i:...) "ſ" matches s, so letters outside ASCII too): words that start otherwise ("the", "rebels",
# "killed") are not tried (test_event_speedups checks the letters against the parsed pattern;
# _FIRST_TWO, which the words are found with, narrows it by their second character).
_FIRST = re.compile(r"\b[0-9isdelmtubofayISDELMTUBOFAYJNW\u0080-\U0010ffff]")
# And by its first two characters: a figure or a character outside ASCII, the first two letters of
# a month or weekday as written ("Ma", "Tu"), or of a word of a (?i:...) group in either case ("in",
# "SI", "a" and a space), a second character outside ASCII too (under (?i:...) "ı" matches i): "the"
# or "of" are still tried, "said", "Syria", "al", "at" no longer (a third of the words _FIRST lets
# through, none a date; test_dates_speed reads the pairs from the parsed pattern).  Written as a class
# of second characters after each first one: the engine tests an alternative that starts with a class
# at once (one with a group, (?i:in|...), it steps into).
_PAIRS = "Ja Fe Ma Ap Ju Au Se Oc No De Mo Tu We Th Fr Sa Su".split()
_PAIRS_ANY_CASE = "af an be by du ea en fi fo fr in la mi of on se si th ti to tw un ye".split()


def _first_two_pattern():
    seconds = {}
    for a, b in _PAIRS:
        seconds.setdefault(a, set()).add(b)
    for a, b in _PAIRS_ANY_CASE:
        for first in (a, a.upper()):
            seconds.setdefault(first, set()).update((b, b.upper()))
    for a in "aA":
        seconds[a].add(r"\s")  # "a" then whitespace: "a week ago"
    return re.compile(r"\b(?:[0-9\u0080-\U0010ffff]|" + "|".join(
        a + "[" + "".join(sorted(b)) + "\u0080-\U0010ffff]" for a, b in sorted(seconds.items())) + ")")


_FIRST_TWO = _first_two_pattern()


# Before a date, in its sentence: a photo caption or a link to another story.
_CAPTION = re.compile(r"(?i:\b(?:file\s+)?(?:photo|picture|image|video)s?\b[^.]{0,60}\b(?:taken|shot|dated|from|"
                      r"shows?|showing|pictured)\b|\bpictured\b|\b(?:photo|picture|image)\s*:|\b(?:related|read\s+"
                      r"(?:also|more)|see\s+also|watch|more\s+on\s+this)\s*:)[^.]{0,80}$")
# Every match of _CAPTION in ASCII text holds one of these words, lower-cased.
_CAPTION_WORDS = ("photo", "picture", "image", "video", "related", "read", "see", "watch", "more")
# After a date, in its stretch of text: the credit that closes a photo caption ("… in Hasakeh on
# Monday (AFP photo)", "… Ariha August 3 2015(Reuters Photo)", "… on July 9 2016 (Photo AFP)").
_CREDIT_AFTER = re.compile(r"[^.()]{0,60}?(?:\((?:[A-Za-z./]+\s+){0,3}(?:photo|picture|image)s?\b[^()]{0,40}\)"
                           r"|\.?\s*\b(?:REUTERS|AFP|AP|EPA|AA)/[A-Z])", re.I)
# What may stand before the date printed at the head of a report.
_WEEKDAY_HEAD = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_DATELINE_HEAD = re.compile(r"\s*(?:(?:Published|Updated|Posted|Date)(?:\s+(?:of\s+publication|on))?\s*:?\s*)?"
                            + _WEEKDAY_HEAD)
_DATELINE_DATE = (rf"(?:(?P<date>{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}|{_MONTH}\s+{_DAY},?\s+{_YEAR}|"
                  rf"{_YEAR}-[01]\d-[0-3]\d)\b|(?P<dmy>(?:[12]\d|3[01]|0?[1-9])(?P<sep>[.\-])(?:1[0-2]|0?[1-9])(?P=sep){_YEAR})(?!\d))")
# A date printed at the head of a report, after a label or weekday ("Date of publication 16 October
# 2017", "Wed 05 Apr 2017", "24.08.2013": figures day first, as the world outside the US prints them).
_DATELINE = re.compile(_DATELINE_HEAD.pattern + _DATELINE_DATE)
# A wire agency's credit with its date, after a headline ("… killed fighting Syria Kurds Monitor
# AFP Saturday 20 Sep 2014 At least 18 …").
_CREDIT = re.compile(r"\b(?:AFP|AP|Reuters|AA|Xinhua|DPA|dpa|EFE|ANSA|UPI|SANA|IANS|PTI)\s+" + _WEEKDAY_HEAD
                     + _DATELINE_DATE)
_CREDIT_BEFORE = re.compile(r"\b(?:AFP|AP|Reuters|AA|Xinhua|DPA|dpa|EFE|ANSA|UPI|SANA|IANS|PTI)\s+"
                            + _WEEKDAY_HEAD + r"$")
#: How far into a report's first segment a wire agency's dated credit is looked for.
CREDIT_WITHIN = 300
_STATEMENT_VERBS = ("said", "says", "told", "reported", "announced", "stated", "added", "claimed", "confirmed")
_STATEMENT = re.compile(r"\b(?:" + "|".join(_STATEMENT_VERBS) + r")\s+(?:\w+\s+){0,2}$", re.I)
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1}


@dataclass(frozen=True)
class DateMention:
    """A date phrase with its resolved interval.

    A day and month of unknown year (no year in the text, no publication
    date) has no ``date_start``/``date_end`` (None) and its day and month as
    ``partial`` ("--03-12", ISO 8601's truncated form): information kept, no
    year invented.
    """

    start: int
    end: int
    text: str
    date_start: date
    date_end: date
    precision: str  # day, week, month, year
    role: str  # event or statement
    relative: bool
    partial: str = ""

    @property
    def iso(self):
        """The date at its precision, ISO 8601: "2020-09-20", "2020-03" (a
        month), "2019" (a year), "--03-12" (a day and month of unknown year),
        else the interval "2020-09-14/2020-09-20".

        >>> [d.iso for d in find_dates("on 12 March, in March 2019, last week", date(2020, 9, 22))]
        ['2020-03-12', '2019-03', '2020-09-14/2020-09-20']
        >>> find_dates("On 12 March, gunmen attacked a village.")[0].iso
        '--03-12'
        """
        s, e = self.date_start, self.date_end
        if s is None:
            return self.partial
        if s == e:
            return s.isoformat()
        if self.precision == "month" and (s.year, s.month) == (e.year, e.month):
            return f"{s.year:04d}-{s.month:02d}"
        if self.precision == "year" and s.year == e.year:
            return f"{s.year:04d}"
        return f"{s.isoformat()}/{e.isoformat()}"


def _month_span(year, month):
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last)


@lru_cache(maxsize=8192)
def _parse_absolute(text):
    """A full date as written: the common English layouts directly, anything
    else by ``dateparser``."""
    m = _SIMPLE_DATE.fullmatch(text.strip())
    if m:
        day = m.group("d1") or m.group("d2")
        month = _MONTH_NAMES.get((m.group("m1") or m.group("m2")).lower().rstrip("."))
        try:
            return date(int(m.group("y")), month, int(day))
        except (TypeError, ValueError):
            return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if m:
        try:
            return date(*map(int, m.groups()))
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


_SIMPLE_DATE = re.compile(
    r"(?:(?P<d1>\d{1,2})\s+(?:of\s+)?(?P<m1>[A-Za-z]+\.?)|(?P<m2>[A-Za-z]+\.?)\s+(?P<d2>\d{1,2})),?\s+(?P<y>\d{4})"
)


def _latest_month(month, published):
    """The most recent given month at or before the publication date."""
    year = published.year if month <= published.month else published.year - 1
    return year


# The resolvers' patterns, compiled once (re.search with a pattern string looks it up in re's cache each call).
# An ordinal's suffix after its figures ("22nd"), removed by substituting "": the same text as
# substituting r"\1" for r"(\d)(st|nd|rd|th)\b" (which keeps the figure), without the template that
# re.sub reads for each call (2.2 -> 0.5 us a date; tests/test_dates_speed.py)
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")
_MONTH_WORD = re.compile(r"[a-z]+(?=\.?\s+\d)")
_FOUR_FIGURES = re.compile(r"\d{4}")
_LETTERS = re.compile(r"[a-z]{3,}")
_FIGURES = re.compile(r"\d+")
_MONTH_I = re.compile(_MONTH, re.I)
_WEEKDAY_I = re.compile(_WEEKDAY, re.I)


def _absolute(low, published, anchor):
    d = _parse_absolute(_ORDINAL_SUFFIX.sub("", low))
    return (d, d, "day", False) if d else None


def _month_year(low, published, anchor):
    """ "in March 2019", "since June 2020": the month (to the publication date after "since")."""
    mon = _MONTH_NAMES[_MONTH_WORD.search(low).group()]
    s, e = _month_span(int(_FOUR_FIGURES.search(low).group()), mon)
    if low.startswith("since") and published is not None:
        return s, published, "month", False
    return s, e, "month", False


def _day_month(low, published, anchor):
    """ "3 March", "March 3": that day in the latest year it is not after the
    publication date; without one, a day and month of unknown year."""
    mon = _MONTH_NAMES[_LETTERS.search(low.replace("of ", "")).group().rstrip(".")]
    return _calendar_day(None, mon, int(_FIGURES.search(low).group()), published, anchor)


def _numeric(low, published, anchor):
    """ "on 13/05", "of 2/3/2016": day first, as most of the world writes it,
    unless the first figure cannot be a month's day and the second can ("05/13")."""
    figures = [int(x) for x in _FIGURES.findall(low)]
    day, mon = figures[:2]
    if mon > 12 >= day:
        day, mon = mon, day
    return _calendar_day(figures[2] if len(figures) > 2 else None, mon, day, published, anchor)


def _calendar_day(year, mon, day, published, anchor=None):
    """A day of ``year`` (absolute), else the latest such day at or before
    ``published`` (relative), else one of the year of ``anchor`` (the last
    date with a year the text gave before: "On 21 September 2020 … on 22
    September"), else a day and month of unknown year: no start or end, the
    ISO 8601 "--MM-DD" as its partial date.  None when the calendar has no
    such day."""
    try:
        date(2000 if year is None else year, mon, day)  # 2000: a leap year, 29 February exists
    except ValueError:
        return None
    if year is not None:
        d = date(year, mon, day)
        return d, d, "day", False
    if published is None and anchor is not None:
        try:
            d = date(anchor.year, mon, day)
        except ValueError:  # 29 February in a common year
            return None
        return d, d, "day", True
    if published is None:
        return None, None, "day", True, f"--{mon:02d}-{day:02d}"
    d = _latest_day(mon, day, published)
    return (d, d, "day", True) if d else None


def _latest_day(mon, day, published):
    """The latest such day and month at or before ``published`` (a report
    tells of what has happened); 29 February of the latest leap year.

    >>> _latest_day(4, 14, date(2016, 4, 11)), _latest_day(12, 28, date(2016, 1, 3))
    (datetime.date(2015, 4, 14), datetime.date(2015, 12, 28))
    """
    for year in range(published.year, published.year - 8, -1):
        try:
            d = date(year, mon, day)
        except ValueError:  # 29 February of a common year
            continue
        if d <= published:
            return d
    return None


def _month(low, published, anchor):
    """ "in March", "since August": the latest such month (to the publication date after "since")."""
    mon = _MONTH_NAMES[_MONTH_I.search(low).group().lower().rstrip(".")]
    s, e = _month_span(_latest_month(mon, published), mon)
    if low.startswith("since"):
        return s, published, "month", True
    return s, min(e, published), "month", True


def _weekday(low, published, anchor):
    """ "on Tuesday", "last Friday", "since Monday": the latest such day up to the publication date."""
    wd = _WEEKDAYS[_WEEKDAY_I.search(low).group().lower()]
    back = (published.weekday() - wd) % 7
    if low.startswith("last") and back == 0:
        back = 7
    d = published - timedelta(days=back)
    return (d, published if low.startswith("since") else d, "day", True)


def _relative_word(low, published, anchor):
    """ "yesterday", "last week", "this month", "last year" …"""
    if low in ("today", "tonight", "this morning"):
        return published, published, "day", True
    if low in ("yesterday", "last night"):
        d = published - timedelta(days=1)
        return d, d, "day", True
    if low.startswith("last week"):
        monday = published - timedelta(days=published.weekday() + 7)
        if low.endswith("weekend"):
            return monday + timedelta(days=5), monday + timedelta(days=6), "week", True
        return monday, monday + timedelta(days=6), "week", True
    if low in ("this week", "earlier this week"):
        return published - timedelta(days=published.weekday()), published, "week", True
    if low == "last month":
        prev = published.replace(day=1) - timedelta(days=1)
        return (*_month_span(prev.year, prev.month), "month", True)
    if low in ("this month", "earlier this month"):
        return published.replace(day=1), published, "month", True
    if low == "last year":
        return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31), "year", True
    return date(published.year, 1, 1), published, "year", True


def _offset(low, published, anchor):
    """ "two days later", "a week ago", "one day after" (counted from the date before it)."""
    parts = low.split()
    n = _NUM.get(parts[0]) or int(parts[0])
    unit = parts[1].rstrip("s")
    # "Monday night, one day after Russia launched …": the launch was a day
    # *before* the anchor date, as is anything "before", "earlier" or "ago".
    sign = 1 if parts[-1] == "later" else -1
    d = (anchor or published) + timedelta(days=sign * n * {"day": 1, "week": 7, "month": 30}[unit])
    return d, d, "day" if unit == "day" else unit, True


def _year(low, published, anchor):
    """ "in 2019", "early 2020", "since 2011" """
    year = int(_FOUR_FIGURES.search(low).group())
    if low.startswith("since"):
        return date(year, 1, 1), published, "year", True
    part = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(low.split()[0], (1, 12))
    return date(year, part[0], 1), _month_span(year, part[1])[1], "year", False


# How each kind of match of _PATTERN resolves, and whether it needs the publication date.
_RESOLVERS = {"dmy": (_absolute, False), "mdy": (_absolute, False), "iso": (_absolute, False),
              "my": (_month_year, False), "dm": (_day_month, False), "md": (_day_month, False),
              "numeric": (_numeric, False),
              "month": (_month, True), "weekday": (_weekday, True), "rel": (_relative_word, True),
              "offset": (_offset, True), "year": (_year, True)}


def _resolve(m, published, anchor):
    """(start, end, precision, relative) for one match, or None."""
    resolver, needs_published = _RESOLVERS[m.lastgroup]
    if needs_published and published is None:
        return None
    return resolver(m.group().lower(), published, anchor)


def find_dates(text, published=None, start=0, end=None, sentence_spans=()):
    """Date mentions in ``text[start:end]``, resolved against ``published``.

    Parameters
    ----------
    text : str
    published : datetime.date, optional
        The report's date; relative dates need it (without it they are
        skipped, and a day and month takes the year of the last date with a
        year before it, else is kept without a year).
    sentence_spans : sequence of (start, end), optional
        Lets "one day after" take its anchor from the date before it in
        the same sentence.

    Returns
    -------
    list of DateMention

    Examples
    --------
    >>> from datetime import date
    >>> [(d.text, str(d.date_start), str(d.date_end)) for d in
    ...  find_dates("IS has since Monday attacked", date(2020, 9, 22))]
    [('since Monday', '2020-09-21', '2020-09-22')]
    """
    end = len(text) if end is None else end
    return _dates_of(text, published, start, _candidates(text, start, end), sentence_spans)


def _dates_of(text, published, start, candidates, sentence_spans):
    """:func:`find_dates` of the matches ``candidates`` (:func:`_candidates`) in the segment from ``start``."""
    out = []
    for m in candidates:
        s, e = m.span()
        anchor = None
        if published is None and m.lastgroup in ("dm", "md", "numeric"):
            anchor = next((d.date_start for d in reversed(out) if not d.relative), None)
        if m.lastgroup == "offset":
            sent_start = max((a for a, b in sentence_spans if a <= s), default=start)
            prior = [d for d in out if d.start >= sent_start]
            anchor = prior[-1].date_start if prior else None
        try:
            resolved = _resolve(m, published, anchor)
        except (OverflowError, ValueError):
            resolved = None  # a date the calendar cannot hold ("yesterday" of 1 January, year 1)
        if resolved is None:
            continue
        ds, de, precision, relative, *partial = resolved
        # DateMention(...) without its frozen dataclass's __init__ (nine object.__setattr__ calls): the
        # same fields in the same order in its __dict__, 2.2 -> 0.9 us a date
        d = _new(DateMention)
        d.__dict__.update(start=s, end=e, text=text[s:e], date_start=ds, date_end=de, precision=precision,
                          role=_role(text, start, s, relative, e), relative=relative,
                          partial=partial[0] if partial else "")
        out.append(d)
    return out


_new = object.__new__


def _role(text, start, s, relative, e=None):
    """dateline, statement, caption or event: what a date at ``s`` (to ``e``) dates."""
    if not relative and (_DATELINE_HEAD.fullmatch(text, start, s)
                         or (s - start < CREDIT_WITHIN and _CREDIT_BEFORE.search(text, max(start, s - 30), s))):
        return "dateline"
    if _statement(text, max(start, s - 40), s):
        return "statement"
    if _captioned(text, max(start, s - 140), s) or (e is not None and _credit_after(text, e)):
        return "caption"
    return "event"


def _statement(text, start, end):
    """Does ``text[start:end]`` end with a verb of saying (_STATEMENT)?  Every match holds one of
    its verbs, lower-cased, in ASCII text: most windows hold none, and looking for them costs a
    quarter of the search.  (Under re.IGNORECASE "ſ" matches s and "K" k: other text is searched.)"""
    window = text[start:end]
    if window.isascii():
        low = window.lower()
        for verb in _STATEMENT_VERBS:
            if verb in low:
                break
        else:
            return False
    return _STATEMENT.search(text, start, end) is not None


def _captioned(text, start, end):
    """Does ``text[start:end]`` end in a photo caption or a link?  No match of _CAPTION holds a
    ".": only the text after the window's last full stop is read.  (Most windows hold none of its
    words: their search is cheaper.)"""
    stop = text.rfind(".", start, end)
    if stop >= 0:
        start = stop + 1
    window = text[start:end]
    if window.isascii():
        low = window.lower()
        for word in _CAPTION_WORDS:  # (a few substring tests cost less than one search for any of them)
            if word in low:
                break
        else:
            return False
    return _CAPTION.search(text, start, end) is not None


def _credit_after(text, e):
    """Does a photo credit close the caption after a date ending at ``e`` (_CREDIT_AFTER)?  Every
    match holds a "(" within 61 characters of ``e`` (after at most 60 that are not ".", "(" or ")")
    or a "/" (after the agency's name): without either, no search."""
    if text.find("(", e, e + 61) < 0 and text.find("/", e) < 0:
        return False
    return _CREDIT_AFTER.match(text, e) is not None


def dateline_date(text, start=0, end=None):
    """The date printed at the head of ``text[start:end]`` (a report's
    dateline: "22 September, 2020", "Wed 05 Apr 2017 Syria attack …"), or None.

    Examples
    --------
    >>> dateline_date("Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use")
    datetime.date(2017, 4, 5)
    >>> dateline_date("Clashes on 5 April 2017") is None
    True
    >>> dateline_date("24.08.2013 Syrian state media accused rebels"), dateline_date("Date of publication 16 October 2017")
    (datetime.date(2013, 8, 24), datetime.date(2017, 10, 16))
    >>> dateline_date("18 IS jihadists killed fighting Syria Kurds Monitor AFP Saturday 20 Sep 2014 At least 18")
    datetime.date(2014, 9, 20)
    """
    end = len(text) if end is None else end
    m = _DATELINE.match(text, start, end) or _CREDIT.search(text, start, min(end, start + CREDIT_WITHIN))
    if m is None:
        return None
    if m.group("dmy"):
        day, month, year = (int(x) for x in re.split(r"[.\-]", m.group("dmy")))
        try:
            return date(year, month, day)
        except ValueError:
            return None
    day = _absolute(m.group("date").lower(), None, None)
    return day[0] if day else None  # None too for a date the calendar has not ("31 February 2017")


def report_anchor(text, segments, published):
    """The date relative dates count from, and a note when the sources disagree.

    A dateline printed in the report (a ``dateline`` segment, or a date
    opening the first paragraph: "Wed 05 Apr 2017 Syria attack …") beats the
    publication date given beside the text (a data set's date column): the
    text says when it was written.

    Parameters
    ----------
    text : str
    segments : sequence of (start, end, kind)
        The report's segments (:attr:`conflictkit.Report.segments`).
    published : datetime.date or None

    Returns
    -------
    (datetime.date or None, str)
        The anchor and a note ("" when the dateline and the date given agree
        or one is missing).

    Examples
    --------
    >>> from datetime import date
    >>> text = "Wed 05 Apr 2017 Syria attack symptoms"
    >>> report_anchor(text, [(0, len(text), "title")], date(2017, 4, 7))
    (datetime.date(2017, 4, 5), 'dateline 2017-04-05 differs from the date given (2017-04-07): dateline used')
    """
    printed = next((dateline_date(text, s, e) for s, e, k in segments if k == "dateline"), None)
    if printed is None:
        first = next(((s, e) for s, e, k in segments if k in ("title", "standfirst", "body")), None)
        printed = dateline_date(text, *first) if first else None
    if printed is None or printed == published:
        return published, ""
    if published is None:
        return printed, ""
    return printed, f"dateline {printed} differs from the date given ({published}): dateline used"
