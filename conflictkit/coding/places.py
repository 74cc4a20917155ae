"""Which place a place name in a report is.

The lexicon (:meth:`~conflictkit.coding.lexicon.Lexicon.namesakes`: the
curated places and the world gazetteer, :mod:`conflictkit.io.gazetteer`) gives
every namesake of a name: Tripoli in Libya and in Lebanon, Homs in Syria and
Libya.  :func:`report_countries` weighs the countries a report is about (the
countries it names, and the countries its place names can be in: a name
found in one country only counts fully, a name with namesakes in five
countries a fifth); :func:`read_place` then takes the namesake in the
report's leading country, and reads the words around the name:

- "the Idlib countryside", "rural Idlib", "the outskirts of Idlib", "near
  Idlib": a place near the town, in its admin1 unit (the outskirts of a city
  that is an admin1 unit of its own lie in the unit around it: Rural
  Damascus, not Damascus);
- "the province of Idlib", "Idlib governorate", "Borno State": the admin1
  unit, not the town; "Dekina Local Government Area", "Aweil West": a unit
  named after the town, in the town's admin1 unit;
- "Al Mayadeen TV", "a man named Qasim", "Qasim Soleimani": no place at all;
- "Ain Dara", "Tal Milh": an unknown place whose name ends in a known one's;
- "captured Saraqab", "Quamishli city": in a report where no place is read,
  a town of the country the report is most about (of one only of the
  countries it is about as much) in a spelling the gazetteer lacks
  (:func:`conflictkit.io.gazetteer.loose_key`; of towns in two units, the
  nearest spelling);
- "in Sharqeya", "Sheikh Zuweid city, North Sinai", "Rural Damscus": in a
  report that names no unit as the gazetteer spells it, an admin1 unit of a
  country the report is about in another spelling
  (:meth:`~conflictkit.coding.lexicon.Lexicon.units_spelt_like`);
- "the Old City neighbourhood of Raqqa": a place inside the town named after
  it, whatever namesake abroad it has.
"""

import bisect
import re
import weakref
from functools import lru_cache
from itertools import repeat

from rapidfuzz import fuzz

from ..io.gazetteer import NAME_RUN, fold_name, loose_key, unit_key
from .actors import country_code
from .lexicon import Term

__all__ = ["report_countries", "read_place", "read_places"]

_ARTICLES = frozenset("al el ar as ad an ash at az ez es ed er en et".split())

# admin1 units that are a city, and the unit around them: "the outskirts of
# Damascus" are in Rural Damascus, "the outskirts of Addis Ababa" in Oromia.
_SURROUNDING_ADMIN1 = {"SY-DI": "SY-RD", "ET-AA": "ET-OR"}

_UNIT_WORD = r"(?:province|governorate|state|region|county|district|prefecture|department|wilaya|division|" \
             r"municipality|oblast|muhafazat|shabiyah)"
# Units below admin1 named after their seat: "Dekina Local Government Area", "Kalehe territory", "Dugda woreda";
# and a unit a compass word after the seat's name makes: "Aweil West", "Ahoada East", "Sidi Bouzid Ouest".
_SUBUNIT_WORD = r"(?:local\s+government(?:\s+area)?|LGA|sub-?county|territory|woreda|payam|chiefdom|commune|" \
                r"zone|locality)"
_COMPASS_AFTER = r"(?:North|South|East|West|Central|Nord|Sud|Est|Ouest|Centre)(?:[ -](?:East|West|Est|Ouest))?" \
                 r"(?![\w-]| [A-Z])"
# "Idlib province", "Borno State": the unit, not the town.
_UNIT_AFTER = re.compile(rf"\s*(?:{_UNIT_WORD}s?)\b", re.I)
# "Dekina LGA", "Aweil West": a unit named after the town, in the town's admin1 unit.
_SUBUNIT_AFTER = re.compile(rf"(?:\s*(?i:{_SUBUNIT_WORD}s?)\b| {_COMPASS_AFTER})")
# "the Idlib countryside", "Hama's outskirts": around the town, in its unit (or the unit around a city unit).
_RURAL_AFTER = re.compile(r"(?:'s)?\s*(?:countryside|outskirts|suburbs?|environs|rural\s+areas?|hinterland)\b",
                          re.I)
# Not a place: a channel or paper named after it.
_MEDIA_AFTER = re.compile(r"\s*(?:TV|television|channel|radio|news(?:paper)?|satellite|daily|network|agency|"
                          r"times|post|tribune|herald|press)\b", re.I)
# The first two letters (in lower case) of every word _MEDIA_AFTER, _UNIT_AFTER, _SUBUNIT_AFTER and
# _RURAL_AFTER begin with (after spaces, or "'s"): where a name is followed by another word ("and", "in",
# "said"), none of them needs to run (see _may_say).
_AFTER_WORDS = (
    "TV television channel radio news newspaper satellite daily network agency times post tribune herald press "
    "province governorate state region county district prefecture department wilaya division municipality "
    "oblast muhafazat shabiyah "
    "local LGA sub-county subcounty territory woreda payam chiefdom commune zone locality "
    "North South East West Central Nord Sud Est Ouest Centre "
    "countryside outskirts suburb environs rural hinterland").split()
_AFTER_STARTS = frozenset(w[:2].lower() for w in _AFTER_WORDS)
# ... in every case ("tv", "TV", "Tv", "tV"): an ASCII start is looked up as it is, not lowered first.
_AFTER_STARTS_ANY_CASE = frozenset(a + b for w in _AFTER_STARTS for a in {w[0], w[0].upper()}
                                   for b in {w[1], w[1].upper()})


def _may_say(after):
    """Can ``after`` (the text after a name) match :data:`_MEDIA_AFTER`,
    :data:`_UNIT_AFTER`, :data:`_SUBUNIT_AFTER` or :data:`_RURAL_AFTER`?
    False only when it cannot: each begins with spaces (all of them: a word
    follows) and a word of :data:`_AFTER_WORDS` (or, for _RURAL_AFTER, with
    "'s"), in any case; an ASCII word's first two letters tell (of other
    characters, "\u017f" matches "s" in any case, and "\u212a" "k")."""
    first = after.lstrip()[:2]
    return first in _AFTER_STARTS_ANY_CASE or after[:1] == "'" or not first.isascii()


# What the words just before a name say it is (one search: the group that matched):
# person: "a man named Qasim", "Sheikh Hama"; unit: "the province of Idlib", "the Syrian
# province of Idlib"; rural: "rural Hama", "the countryside of Hama", "the outskirts of
# Damascus"; near: "near Hama", "10 km north of Hama".
# (Every match begins a word with one of the first letters of these words, in either case where
# they match in any case; \u017f and \u212a, the long s and the Kelvin sign, are the s and k of
# re.IGNORECASE.  The lookahead saying so lets the search pass other positions quickly: it is
# three times faster.)
_BEFORE = re.compile(
    "\\b(?=[ACDEGKMNOPRSUWabcdegikmnoprsw\u017f\u212a])"
    r"(?:(?P<person>\b(?:(?i:named|called|nicknamed|dubbed|alias)|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sheikh|Abu|Umm|bin|ibn|"
    r"son\s+of|daughter\s+of|brother\s+of)\s+)"
    rf"|(?P<unit>(?i:\b{_UNIT_WORD}s?\s+of\s+(?:the\s+)?))"
    r"|(?P<rural>(?i:\b(?:rural|countryside\s+of|outskirts\s+of|suburbs?\s+of|environs\s+of)\s+"
    r"(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?))"
    r"|(?P<near>(?i:\b(?:near|close\s+to|outside|around|(?:north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?\s+of|(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:of|from))\s+"
    r"(?:the\s+)?(?:city\s+of\s+|town\s+of\s+|village\s+of\s+)?)))$")
# A word that begins Arabic place names ("Ain Dara", "Tal Milh", "Ras Al Ain") right before a name: the
# name is the end of a longer, unknown place name (a known one is matched whole), not the place itself.
_PLACE_PREFIX_BEFORE = re.compile(
    r"(?:^|[^\w'])(?:Ain|Ayn|Ein|Tal|Tall|Tell|Tel|Kafr|Kfar|Kafar|Deir|Dayr|Beit|Bayt|Bir|Khirbet|Khirbat|"
    r"Qasr|Ras|Mazraat|Hayy|Qaryat)[ -](?:(?i:al|el|ar|as|ad|an|ash|at|az|ez|es)[ -])?$")
_PREFIX_WORDS = frozenset("Ain Ayn Ein Tal Tall Tell Tel Kafr Kfar Kafar Deir Dayr Beit Bayt Bir Khirbet Khirbat "
                          "Qasr Ras Mazraat Hayy Qaryat".split())
_PREFIX_ARTICLES = frozenset("al el ar as ad an ash at az ez es".split())  # casefolded: matched in any case
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\u017f"  # and the long s, which (?i:s) matches
_ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"
# The last two characters of a text that _prefix_word_before can say yes to: a letter a prefix word ends
# with (an article's in any case) and a space or hyphen.  Most names have none before them ("in", "of",
# "the"): _read tells so by one look-up, not a call.
_PREFIX_WORD_ENDS = frozenset(c + sep for sep in " -" for c in {w[-1] for w in _PREFIX_WORDS} | {
    c for c in _ASCII_LETTERS if c.casefold() in {a[-1] for a in _PREFIX_ARTICLES}})


def _prefix_word_before(before):
    """Does ``before`` (ending with a space or hyphen) end with a word that
    begins Arabic place names (:data:`_PLACE_PREFIX_BEFORE`)?"""
    # The pattern's last word (a prefix word or an article) is the run of letters before the last
    # character: when that run is none of them (most names: "in", "of", "the"), it needs no search.
    core = before[:-1]
    word = core[len(core.rstrip(_ASCII_LETTERS)):]
    if word not in _PREFIX_WORDS and word.casefold() not in _PREFIX_ARTICLES:
        return False
    return _PLACE_PREFIX_BEFORE.search(before, max(0, len(before) - 16)) is not None


# A capitalised word right after the name that makes it part of a longer
# proper name ("Qasim Soleimani") unless it is a place word.
# ("as" and "an" are English words too: "in Hasakeh as Turkish forces shelled" is a place; "Ras as-Sukkar" not.)
_NEXT_CAPITAL = re.compile(r"(?: |[ -](?:al|el|ad|ar|ash|at|az|bin|ibn)[ -]|[ -](?:an|as)-)([A-Z][a-z]+)\b")
_ARTICLE_STARTS = frozenset("al el ad ar as at az bi ib an".split())  # of _NEXT_CAPITAL's articles
_PREV_CAPITAL = re.compile(r"(^|[^\w\s]\s*|\w\s+)([A-Z][a-z]+) $")
# Capitalised words that begin place names or sentences, not person names.
_NAME_PARTS_OF_PLACES = frozenset(
    "North South East West Northern Southern Eastern Western Central Upper Lower Greater New Old Al El Ar As Ad "
    "Ras Tal Tell Deir Jabal Jebel Wadi Ain Bir Kafr Beit Lake Mount Port Saint St San Santa Fort Greater "
    "The In At On From To Of And For Near Outside Inside Across Around Rural Downtown Central Province "
    "Governorate State Region County District City Town Village Countryside".split())
_PLACE_WORDS = frozenset(
    "City Town Village Governorate Province State Region County District Countryside Airport Airbase Base Camp "
    "Dam Road Highway Bridge Valley Mountains Mountain Plain Plains Desert Lake River Bay Port Harbour Harbor "
    "Border Crossing Prison Hospital Square Market Stadium Junction Axis Front Area Suburb Suburbs Outskirts "
    "Island Islands Municipality Subdistrict Sub-district Prefecture Department Division Zone Oblast Wilaya "
    "University School College Township Mosque Church Checkpoint Station Barracks "
    "Neighbourhood Neighborhood Quarter Street Gate Gates Refinery Field Fields Plant Local "
    "Regional Territory Woreda Payam Chiefdom Commune Zone Locality "
    # a date after the name ("east of Damascus Saturday", "in Aleppo Monday night")
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December".split())


# The last word before a name for _BEFORE to match: without one of these there is no need to search.
# ("city", "town" and "village" end no match: _BEFORE has them only before "of".)
_BEFORE_LAST_WORDS = frozenset(
    "named called nicknamed dubbed alias mr mr. mrs mrs. ms ms. dr dr. sheikh abu umm bin ibn of the rural near to "
    "outside around from".split())
_DISTANCES = ("km", "kilometres", "kilometers", "miles")
_DIRECTIONS = tuple(d + ern for d in ("north", "south", "east", "west", "north-east", "northeast", "north-west",
                                       "northwest", "south-east", "southeast", "south-west", "southwest")
                    for ern in ("", "ern"))
_UNIT_WORDS = tuple(w + s for w in _UNIT_WORD.strip("(?:)").split("|") for s in ("", "s"))  # _BEFORE's
# Of a last word that _BEFORE only matches after some words, the words the token before it must end
# with (in lower case), and those the token before that may end with instead ("10 km north of",
# "kilometres east from": a distance, any word, then "of" or "from").  A token of other characters
# than ASCII is searched whatever it is (in any case, "ſ" matches "s" and "ı" "i").
_WORDS_BEFORE_LAST = {
    "of": (("son", "daughter", "brother", "countryside", "outskirts", "suburb", "suburbs", "environs")
           + _UNIT_WORDS + _DIRECTIONS + _DISTANCES, _DISTANCES),
    "the": (("of", "rural", "near", "to", "outside", "around", "from"), ()),
    "from": (_DISTANCES, _DISTANCES),
    "to": (("close",), ()),
}
# "city of", "town of" and "village of" end a match only after one of _BEFORE_PLACE_OF, or "the"
# and one ("the countryside of the city of", "near the village of", "rural town of"; the rural and
# near groups), or after a distance and any word ("10 km city of", as other words before "of"): most
# ("in the city of", "a town of") need no search.
_PLACE_OF = ("city", "town", "village")
_BEFORE_PLACE_OF = ("of", "rural", "near", "to", "outside", "around", "from")


def _before_says(before):
    """person, unit, rural, near or None: what the words before a name say it is."""
    words = before.rsplit(None, 1)
    if not words:
        return None
    last = words[-1].lower()
    if last not in _BEFORE_LAST_WORDS:
        return None
    if last in _WORDS_BEFORE_LAST:  # most are "of" and "the", which only some words before make a match
        ends, ends_before = _WORDS_BEFORE_LAST[last]
        prev = words[0].rsplit(None, 2) if len(words) == 2 else []  # the two tokens before the last
        if not (_may_end(prev[-1:], ends) or ends_before and _may_end(prev[-2:-1], ends_before) or (
                last == "of" and _may_end(prev[-1:], _PLACE_OF) and _place_of_may_follow(words[0]))):
            return None
    m = _BEFORE.search(before)
    return m.lastgroup if m else None


def _place_of_may_follow(head):
    """Can the token before the last of ``head`` (whose last is "city", "town" or "village", and
    "of" after it) be the end of what :data:`_BEFORE` has before "city of" (:data:`_BEFORE_PLACE_OF`,
    or "the" after one of them)?"""
    tokens = head.rsplit(None, 2)
    second, third = tokens[-2:-1], tokens[-3:-2]
    return _may_end(second, _BEFORE_PLACE_OF) or _may_end(second, ("the",)) and _may_end(third, _BEFORE_PLACE_OF)


def _may_end(token, ends):
    """Can the token (a list of none or one) end with one of ``ends`` as _BEFORE matches them (in any case)?"""
    return bool(token) and (not token[0].isascii() or token[0].lower().endswith(ends))


def _in_a_name(text, start, after):
    """Is the name part of a longer proper name: "Qasim Soleimani", "Aleppo
    Today", "Ahmed Hassan" (not "Eastern Ghouta", nor "In Hama" opening a
    sentence)?"""
    nxt = _next_capital(after)
    if nxt and nxt.group(1) not in _PLACE_WORDS and not (after[:1] == " " and _country_of_name(nxt.group(1))):
        return True  # "Qasim Soleimani"; not "rural Quneitra Syria" (a text with its commas stripped)
    return _after_a_name(text, start)


def _next_capital(after):
    """``_NEXT_CAPITAL.match(after)``: searched only where a match can begin (a space or a hyphen,
    then a capital or an article: most names are followed by a small letter or a stop)."""
    if after[:1] in (" ", "-") and ("A" <= after[1:2] <= "Z" or after[1:3] in _ARTICLE_STARTS):
        return _NEXT_CAPITAL.match(after)
    return None


@lru_cache(maxsize=16384)  # a word's country does not change; most words are none, the slowest to tell
def _country_of_name(word):
    """The country a country's name (not a demonym nor a code) names ("Syria":
    SY; "Syrian", "Ben": "")."""
    from ..io.gazetteer import country_code as country_of_name

    return country_of_name(word) if len(word) > 3 else ""


def _after_a_name(text, start):
    """Does a capitalised word that is no sentence start nor a part of place
    names come right before ``start`` ("Ahmed Hassan", "Ahoada West")?"""
    # _PREV_CAPITAL ends with "[A-Z][a-z]+ " at ``start`` (or before a newline there): most names
    # have no such word before them, and str.rstrip tells so quicker than the search.
    lo = max(0, start - 30)
    if not (start and text[start - 1] == "\n"):
        head = text[lo:start - 1].rstrip(_ASCII_LOWER) if start and text[start - 1] == " " else ""
        if not (start - 1 - lo > len(head) and "A" <= head[-1:] <= "Z"):
            return False
    prev = _PREV_CAPITAL.search(text, lo, start)
    return bool(prev and prev.group(2) not in _NAME_PARTS_OF_PLACES and not prev.group(1).strip(" ")
                .endswith((".", "!", "?", "\n", '"', ":")) and prev.group(1) != "")


_CAPITALISED = re.compile(r"[A-Z][a-z]+")


def _peoples(text):
    """The countries of the demonyms in ``text`` ("Sudanese" -> SD)."""
    return [c for c in map(country_code, set(_CAPITALISED.findall(text))) if c]


def report_countries(rows_per_term, named_countries=()):
    """How much a report is about each country.

    Parameters
    ----------
    rows_per_term : iterable of list of dict
        For each place name found, its gazetteer rows (every namesake).  A
        name in the curated dictionary counts two for its curated countries
        (it says more than a GeoNames name, which may be a village's namesake
        abroad), another name one for the countries of its towns (a name
        only of villages, under 5,000 people, a half for theirs), shared by
        those countries.
    named_countries : iterable of str
        Countries the report names outright (ISO alpha-2), each mention
        counting two.

    Returns
    -------
    dict
        ``country -> score``.

    Examples
    --------
    >>> report_countries([[{"country": "SY"}], [{"country": "SY"}, {"country": "LY"}]], ["LY"])
    {'SY': 1.5, 'LY': 2.5}
    >>> report_countries([[{"country": "JO"}], [{"country": "SY", "origin": "overlay"}]])
    {'JO': 1.0, 'SY': 2.0}
    >>> village = dict(country="MA", kind="town", population=1200)
    >>> report_countries([[village], [{"country": "SY"}], [dict(village, country="CD", population=37000), village]])
    {'MA': 0.5, 'SY': 1.0, 'CD': 1.0}
    """
    return _country_scores(map(_weighed_countries, rows_per_term), named_countries)


def _country_scores(weighed, named_countries):
    """:func:`report_countries` from the (countries, weight) of each name's
    namesakes (:func:`_weighed_countries`)."""
    score = {}
    for countries, weight in weighed:
        for c in countries:
            score[c] = score.get(c, 0.0) + weight / len(countries)
    for c in named_countries:
        score[c] = score.get(c, 0.0) + 2.0
    return score


#: GeoNames towns under this many people (or of unknown population) are
#: villages: their names weigh less and name no place abroad (a village
#: namesake of an unknown one).
VILLAGE_POPULATION = 5000


def _is_village(row):
    """Is a namesake a GeoNames town under :data:`VILLAGE_POPULATION` people?"""
    return _village(row.get("kind"), row.get("origin") == "overlay", row.get("population") or 0)


def _village(kind, curated, population):
    """:func:`_is_village` of a row of this ``kind``, curated or not, of this ``population`` (0: unknown)."""
    return kind == "town" and not curated and population < VILLAGE_POPULATION


def _weighed_countries(rows):
    """(countries, weight) a name's namesakes count for in :func:`report_countries`."""
    curated = [r for r in rows if r.get("origin") == "overlay"]  # curated rows come first
    if curated:
        return {r["country"] for r in curated if r["country"]}, 2.0
    towns = [r for r in rows if not _is_village(r)]
    return {r["country"] for r in (towns or rows) if r["country"]}, 1.0 if towns else 0.5


def _pick(rows, countries, want_unit):
    """The namesake in the leading country (the unit when the words ask for one)."""
    if len(rows) == 1:  # most names: no namesake to rank
        return rows[0]

    units = {r["admin1"] for r in rows if r["kind"] == "governorate"}

    def rank(i_row):
        i, r = i_row
        unit = r["kind"] == "governorate"
        # a bare name of a unit and of a town elsewhere is the unit ("Wyoming", not Wyoming, Michigan)
        elsewhere = r["kind"] == "town" and bool(units) and r["admin1"] not in units
        # a country's name is the country, whatever the report is most about ("southeastern Niger near
        # the border with Nigeria"), unless the words ask for a unit ("Niger State")
        return ((r["kind"] == "country") == want_unit, -countries.get(r["country"], 0.0), elsewhere,
                unit != want_unit, r.get("origin") != "overlay", i)

    return min(enumerate(rows), key=rank)[1]


def _ranked(rows, want_unit):
    """The namesakes as :func:`_pick` ranks them but for the report's countries: (the first
    part of the rank, country, row), in the order of the rest of the rank."""
    units = {r["admin1"] for r in rows if r["kind"] == "governorate"}
    ranks = [((r["kind"] == "country") == want_unit, r["kind"] == "town" and bool(units) and r["admin1"] not in units,
              (r["kind"] == "governorate") != want_unit, r.get("origin") != "overlay", i, r["country"], r)
             for i, r in enumerate(rows)]
    return [(rank[0], rank[5], rank[6]) for rank in sorted(ranks, key=lambda rank: rank[:5])]


def _pick_ranked(ranked, countries):
    """:func:`_pick` of the namesakes :func:`_ranked` ranked: of those first in the first part of
    the rank, the first of the leading country."""
    best, top, first = None, 0.0, None
    for part, country, row in ranked:
        if best is None:
            best, top, first = row, countries.get(country, 0.0), part
        elif part != first:
            break
        elif countries.get(country, 0.0) > top:
            best, top = row, countries.get(country, 0.0)
    return best


def read_place(text, start, end, rows, countries, admin1_name_of=None):
    """The place a name at ``text[start:end]`` stands for, or None.

    Parameters
    ----------
    text : str
    start, end : int
        The name's offsets.
    rows : list of dict
        Its namesakes (:meth:`~conflictkit.coding.lexicon.Lexicon.namesakes`),
        with the columns of :func:`conflictkit.coding.lexicon.load_places`.
    countries : dict
        ``country -> score`` from :func:`report_countries`.
    admin1_name_of : callable, optional
        ISO 3166-2 code -> name, for the unit around a city unit.

    Returns
    -------
    dict or None
        ``place``, ``kind``, ``precision`` (town, near town, region,
        governorate, country), ``country``, ``admin1``, ``admin1_name``,
        ``latitude``, ``longitude``, ``start``, ``end``, ``text``,
        ``curated`` (from conflictkit's own dictionary), ``village`` (a
        GeoNames town under :data:`VILLAGE_POPULATION` people or of unknown
        population),
        ``population`` (GeoNames'; 0 when unknown).

    Examples
    --------
    >>> rows = [dict(place="Damascus", alias="Damascus", kind="town", country="SY", admin1="SY-DI",
    ...              admin1_name="Damascus", latitude=33.5, longitude=36.3, origin="overlay")]
    >>> text = "Shelling hit the outskirts of Damascus."
    >>> p = read_place(text, 30, 38, rows, {"SY": 1.0}, {"SY-RD": "Rural Damascus"}.get)
    >>> p["admin1"], p["precision"]
    ('SY-RD', 'near town')
    >>> read_place("Al Mayadeen TV said", 3, 11, rows, {"SY": 1.0}) is None
    True
    """
    return _read(text, start, end, _Name(text[start:end], rows, countries), admin1_name_of)


class _Facts:
    """What of a name's namesakes does not depend on the report (the same
    in every report that names it: worked out once per lexicon, see
    :func:`_facts`)."""

    __slots__ = ("name", "rows", "is_country", "is_generic", "any_generic", "weighed", "people", "_ranked",
                 "readings")

    def __init__(self, name, rows):
        self.name, self.rows = name, rows
        self.is_country = any(r["kind"] == "country" for r in rows)
        # Is the name only that of units named by generic words ("West", "Delta": a place only
        # with its unit word)?
        self.is_generic = all(r.get("needs_unit_word", "0") == "1" for r in rows)
        self.any_generic = any(r.get("needs_unit_word", "0") == "1" for r in rows)  # one at least
        countries, weight = _weighed_countries(rows)
        self.weighed = (tuple(countries), weight)  # the set's order: report_countries adds in it
        self.people = bool(country_code(name))  # a people's name ("Somali")?
        self._ranked = {}
        #: ``id(row) -> reading`` of the namesakes read so far (:meth:`reading`)
        self.readings = {}

    def reading(self, row):
        """The reading (:func:`read_place`) of the namesake ``row`` (one of :attr:`rows`) as far as
        the row says (precision its kind, admin1 and its name as the row has them, "" for none;
        start, end and text None): :func:`_read` copies it and fills in the rest (a copy and a
        few keys set are quicker than a dict of fifteen keys read from the row, for each name)."""
        curated, population = row.get("origin") == "overlay", row.get("population") or 0
        kind = row["kind"]
        reading = self.readings[id(row)] = {
            "place": row["place"], "kind": kind, "precision": kind, "country": row["country"],
            "admin1": row["admin1"] or "", "admin1_name": row["admin1_name"] or "", "latitude": row["latitude"],
            "longitude": row["longitude"], "start": None, "end": None, "text": None, "curated": curated,
            "village": _village(kind, curated, population), "population": population}
        return reading

    def is_people(self):
        """Is the name a people's ("Somali")?"""
        return self.people

    def pick(self, countries, want_unit):
        """``_pick(self.rows, countries, want_unit)``, from the namesakes ranked once."""
        rows = self.rows
        if len(rows) == 1:  # most names: no namesake to rank
            return rows[0]
        if want_unit not in self._ranked:
            self._ranked[want_unit] = _ranked(rows, want_unit)
        return _pick_ranked(self._ranked[want_unit], countries)


# lexicon -> {(name, entry): _Facts} of the place terms read so far (a name's namesakes are the
# lexicon's: Lexicon.namesakes caches them too).
_FACTS = weakref.WeakKeyDictionary()


def _facts_of(lexicon):
    """``(name, entry) -> _Facts`` of the place terms of ``lexicon`` read so far."""
    try:
        return _FACTS[lexicon]
    except KeyError:
        known = _FACTS[lexicon] = {}
        return known


def _facts(known, lexicon, term):
    """The :class:`_Facts` of a place term's name (its namesakes, else its own row), from
    ``known`` (:func:`_facts_of` the lexicon) when read before."""
    key = term.text, term.entry
    if key not in known:
        known[key] = _Facts(term.text, lexicon.namesakes(term.text) or [lexicon.place_row(term.entry)])
    return known[key]


_UNSET = object()


class _Name:
    """A place name's namesakes in one report, and what of them does not
    depend on the words around the name, worked out once (a name repeats)."""

    def __init__(self, name, rows, countries, facts=None):
        self.facts = _Facts(name, rows) if facts is None else facts
        self.name, self.rows, self.countries = name, rows, countries
        self.is_country = self.facts.is_country
        self._chosen = {}

    def _leads(self, row):
        """Is a unit named by generic words of several ("Far North",
        "North-West") one of the country the report is most about, and
        more than by this name ("Cameroonian troops … in the Far North")?"""
        name, countries = self.name, self.countries
        score = countries.get(row["country"], 0.0)
        return (" " in name or "-" in name) and score >= 2.0 and score == max(countries.values())

    def is_generic(self):
        """Is the name only that of units named by generic words ("West",
        "Delta": a place only with its unit word)?"""
        return self.facts.is_generic

    def is_people(self):
        """Is the name a people's ("Somali")?"""
        return self.facts.is_people()

    def choose(self, want_unit):
        """The namesake the name stands for, or None: an admin1 unit only
        with its unit word ("Delta", "Unity"), or a town of a country the
        report is hardly about ("Zara" in a report on Hama: not the Croatian
        town, an unknown village), or a village of a country the report is
        less about than another."""
        row = self._chosen.get(want_unit, _UNSET)  # (one look-up where the name was read before)
        if row is _UNSET:
            rows, countries = self.rows, self.countries
            if not want_unit and self.facts.any_generic:
                rows = [r for r in rows if r.get("needs_unit_word", "0") != "1" or self._leads(r)]
                row = _pick(rows, countries, want_unit) if rows else None
            elif rows is self.facts.rows:  # ranked once per lexicon
                row = self.facts.pick(countries, want_unit) if rows else None
            else:
                row = _pick(rows, countries, want_unit) if rows else None
            if row is not None and row["kind"] == "town" and countries:
                score, lead = countries.get(row["country"], 0.0), max(countries.values())
                if score < 0.5 * lead or _is_village(row) and score < lead:
                    row = None
            self._chosen[want_unit] = row
        return row


def _read(text, start, end, name, admin1_name_of):
    """:func:`read_place` of a :class:`_Name`."""
    before, after = text[max(0, start - 40):start], text[end:end + 30]
    said = _before_says(before)
    worded = _may_say(after)  # most names are followed by no word that the patterns after them need
    if said == "person" or worded and _MEDIA_AFTER.match(after) or (
            before[-2:] in _PREFIX_WORD_ENDS and _prefix_word_before(before)):
        return None
    want_unit = said == "unit" or worded and _UNIT_AFTER.match(after) is not None
    subunit = not want_unit and worded and _SUBUNIT_AFTER.match(after) is not None
    if not (want_unit or subunit) and not name.is_country and (name.facts.people or _in_a_name(text, start, after)):
        return None  # a people, not a place ("Somali troops", not Ethiopia's Somali Region), or a person
    if (want_unit or subunit) and name.facts.is_generic and _after_a_name(text, start):
        return None  # the end of a unit's name: "Ahoada West LGA", not the West Region
    row = name.choose(want_unit)
    if row is None:
        return None
    facts = name.facts
    # the row's reading (made once per lexicon for the namesakes of a name read before), a copy
    reading = (facts.readings.get(id(row)) or facts.reading(row)).copy()
    kind = reading["kind"]
    rural = said == "rural" or worded and _RURAL_AFTER.match(after) is not None
    if rural and reading["admin1"] in _SURROUNDING_ADMIN1:
        reading["admin1"] = admin1 = _SURROUNDING_ADMIN1[reading["admin1"]]
        reading["admin1_name"] = admin1_name_of(admin1) if admin1_name_of else admin1
    if kind == "town" and (rural or said == "near"):
        reading["precision"] = "near town"
    elif (want_unit or subunit) and kind == "town" or kind == "town" and _on_a_road(text, start, end):
        reading["precision"] = "region"  # "Zokra district", "Dekina LGA": a unit named after the town; "the Damascus-Homs highway"
    reading["start"], reading["end"], reading["text"] = start, end, text[start:end]
    return reading


# The rest of a road named after the towns it joins: "-Homs highway", "-Hama-Ar-Raqqa triangle",
# " - Amman International Highway", "-Lattakia (M4) road".
_ROAD_AFTER = re.compile(r"(?:\s?[-\u2013]\s?[A-Z][\w']*(?:[ -][A-Z][\w']*)*)*\s+(?:\([A-Z]?\d+\)\s+)?"
                         r"(?i:(?:international\s+)?(?:highway|road|motorway|triangle))\b")

_JOINED_BEFORE = re.compile(r"[^\W\d_]\s?[-\u2013]\s?$")


def _on_a_road(text, start, end):
    """Is the name one of the towns a road is named after ("the
    Damascus-Homs highway", "the Aleppo-Hama-Raqqa triangle")?  Such a
    name places the event less surely than a town named alone."""
    window = text[max(0, start - 4):start]  # _JOINED_BEFORE needs a dash in it: most have none
    joined = text[end:end + 2].lstrip()[:1] in ("-", "\u2013") or (
        ("-" in window or "\u2013" in window) and _JOINED_BEFORE.search(text, max(0, start - 4), start))
    return bool(joined) and _ROAD_AFTER.match(text, end) is not None


# The words between two names that place the first inside the second: "Karak town in Dar'a countryside",
# "the Old City neighbourhood of Raqqa", "the Hajar Aswad suburb of Damascus",
# "Ras al-Ain area in Idleb south eastern countryside", "Miznaz in the western countryside of Aleppo",
# "Hajar Aswad in Rural Damascus", "Stockton, California".
_PLACED_IN = re.compile(
    r"\s+(?:neighbou?rhood|quarter|suburb|district|sub-?district|area|camp)s?\s+of\s+(?:the\s+)?"
    r"(?:(?:al|ar|as|ad|an|ash|at|az|el)[\s-])?$"
    r"|(?:\s+(?:village|town|city|area|camp|neighbou?rhood|quarter|district|sub-?district|axis|frontline|dam|"
    r"bridge|checkpoint|locality|community|commune|county|region|island)s?)?"
    r"(?:,\s*|\s+in\s+(?:the\s+)?(?:(?:(?:north|south|east|west|central)(?:ern)?[\s-]*){1,2}"
    r"(?:parts?\s+of\s+|countryside\s+of\s+|outskirts\s+of\s+)?)?"
    r"(?:countryside\s+of\s+|outskirts\s+of\s+|province\s+of\s+|governorate\s+of\s+|state\s+of\s+|rural\s+)?"
    r"(?:(?:al|ar|as|ad|an|ash|at|az|el)[\s-])?)$",
    re.I)


def _placed_in(text, read, out, countries):
    """Each town named inside an admin1 unit ("X in G", "X town in G
    countryside", "X, G State") takes that unit's admin1 (and its country,
    when G is an admin1 unit there or the report is more about G's country):
    the text's word beats a namesake's.  Right to left, so "Kafr Basin in the
    countryside of Ma'arrat An Nu'man in Idleb" places both in Idlib.
    ``read``: (term, namesakes) of the names read, in text order."""
    for (ta, rows_a), (tb, rows_b) in reversed(list(zip(read, read[1:]))):
        if tb.start - ta.end > 60:
            continue
        x, g = out[ta], out[tb]
        if x["kind"] != "town" or not g["admin1"] or (x["admin1"], x["country"]) == (g["admin1"], g["country"]):
            continue
        if any(r["kind"] == "governorate" and r["country"] == g["country"] for r in rows_a) or not (
                g["kind"] == "governorate" or g["precision"] in ("near town", "region")
                or any(r["kind"] == "governorate" for r in rows_b)):
            continue  # a unit's own name ("Aleppo, Idlib and Hama"), or a town in a town
        if x["country"] != g["country"] and countries.get(g["country"], 0.0) <= countries.get(x["country"], 0.0) \
                and not any(r["kind"] == "governorate" and r["country"] == g["country"] for r in rows_b):
            continue  # "Meki town, Dugda District": a district named like a town abroad
        if _PLACED_IN.match(text, ta.end, tb.start):
            moved = dict(admin1=g["admin1"], admin1_name=g["admin1_name"], country=g["country"])
            if x["country"] != g["country"]:  # a namesake abroad: the place is an unknown one in g
                moved.update(place=x["text"], latitude=g["latitude"], longitude=g["longitude"])
            out[ta] = dict(x, **moved)


_SENTENCE_END = re.compile(r"[.!?]\s")
_SMALL_TOWN_POPULATION = 50_000


def _towns_in_named_units(text, read, out):
    """A GeoNames town read in another admin1 unit of the country than every
    unit the report names (curated names, the units themselves) is an
    unknown place of a named unit: a village, of the unit named last before
    it (else first); a town under 50,000 people, of a unit named after it
    in its sentence.  "Clashes in Raffa, Rabiah and Sihal in the countryside of
    Idleb" are in Idlib, not in a Rabiah of Latakia; a unit's own name
    ("Kinshasa and Ituri") stays.  ``read``: (term, namesakes) of the names
    read, in text order."""
    named = [(t, out[t]) for t, _ in read if out[t]["admin1"] and (out[t]["curated"] or out[t]["kind"] == "governorate")]
    for t, rows in read:
        r = out[t]
        if r["curated"] or r["kind"] != "town" or any(
                x["kind"] == "governorate" and x["country"] == r["country"] for x in rows):
            continue
        units = [(u, g) for u, g in named if g["country"] == r["country"]]
        if not units or r["admin1"] in {g["admin1"] for _, g in units}:
            continue
        if not r["village"]:
            units = [(u, g) for u, g in units if u.start > t.end and not _SENTENCE_END.search(text, t.end, u.start)
                     and r["population"] < _SMALL_TOWN_POPULATION]
            if not units:
                continue
        g = next((g for u, g in reversed(units) if u.start < t.start), units[0][1])
        out[t] = dict(r, admin1=g["admin1"], admin1_name=g["admin1_name"], place=r["text"],
                      latitude=g["latitude"], longitude=g["longitude"])


def read_places(text, terms, lexicon, named_countries=()):
    """Read every place name of a report at once.

    Parameters
    ----------
    text : str
    terms : list of Term
        The place hits of the lexicon in the report.
    lexicon : Lexicon
    named_countries : iterable of str
        Countries the report's actors belong to (ISO alpha-2).

    Returns
    -------
    dict
        ``term -> reading`` (a dict as :func:`read_place` gives, with
        ``sure``: a curated name, a country, an admin1 unit of a country the
        report names, or a town whose unit and country the report names) for
        the terms that are places; names that are not (a channel, a person)
        are left out.
    """
    known = _facts_of(lexicon)
    # each term's namesakes (and what they say); most were read before
    facts = [known.get((t.text, t.entry)) or _facts(known, lexicon, t) for t in terms]
    named = [f.rows[0]["country"] for f in facts if f.is_country] + list(named_countries)
    if not named:  # no country named: the peoples named ("Sudanese soldiers") say which
        named = _peoples(text)
    # a name only of units named by generic words ("North", "Delta") says nothing of the country
    # without its unit word ("Plateau State")
    countries = _country_scores([f.weighed for t, f in zip(terms, facts) if not f.is_country and not (
        f.is_generic and not _UNIT_AFTER.match(text, t.end))], named)
    out, names, read = {}, {}, []
    admin1_name = lexicon.admin1_name
    for t, f in zip(terms, facts):
        name = names.get(f)  # (a term's facts are those of its name and entry)
        if name is None:
            name = names[f] = _Name(t.text, f.rows, countries, f)
        reading = _read(text, t.start, t.end, name, admin1_name)
        if reading is not None:
            out[t] = reading
            read.append((t, f.rows))
    if not any(r["kind"] == "governorate" for r in out.values()):  # a report that names a unit spells units so
        out.update(_units_spelt_otherwise(text, lexicon, countries, out))
    if countries and not any(r["admin1"] for r in out.values()):
        out.update(_spelt_otherwise(text, lexicon, countries, out))
    if len(out) > len(read):
        rows_of = {(n.name, t.entry): n.rows for t, n in zip(terms, map(names.get, facts))}
        read = [(t, rows_of.get((t.text, t.entry), [])) for t in sorted(out, key=_start)]
    _placed_in(text, read, out, countries)
    _towns_in_named_units(text, read, out)
    named = set(named)
    units = {r["admin1"] for r in out.values() if r["kind"] == "governorate" and r["country"] in named}
    curated_units = {r["admin1"] for r in out.values() if r["curated"] and r["admin1"]}
    for r in out.values():
        # A GeoNames town is sure when the report names its admin1 unit too
        # ("Stockton … California"), or a curated place there ("Istablat …
        # the countryside of Idleb"), and a unit when the report names its
        # country: a name alone may be a person's (Carpenter, Clarence,
        # Westmoreland) or a namesake in another state or country.
        r["sure"] = r["curated"] or r["kind"] == "country" or (
            r["country"] in named and (r["kind"] != "town" or r["admin1"] in units)) or (
            r["kind"] == "town" and r["admin1"] in curated_units)
    return out



def _start(term):
    return term.start


# A name the gazetteer lacks with a word before or after it that makes it a place: "in X", "the village of
# X", "captured X", "X town", "X front".
_SPELT = re.compile(
    rf"\b(?i:in|near|of|at|into|towards?|from|captured|seized|stormed|entered|around)\s+(?:the\s+)?(?P<b>{NAME_RUN})"
    rf"|(?P<a>{NAME_RUN})(?=\s+(?i:village|town|city|area|front|axis|countryside|neighbou?rhood|district|camp|hill|"
    r"crossing|checkpoint)\b)")


def _bare(name):
    """A name folded, without its leading article ("Ash Shaddadah" -> "shaddadah")."""
    words = fold_name(name).split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in _ARTICLES else words)


def _nearest_spellings(name, rows):
    """Of the towns (entry, row) a name is another spelling of
    (:func:`~conflictkit.io.gazetteer.loose_key`), those whose name is most
    like it (RapidFuzz ratio of the names without their articles):
    "Shadadah" is Ash Shaddadah, not Sadad."""
    if len(rows) < 2:
        return rows
    key = _bare(name)
    scored = [(max(fuzz.ratio(key, _bare(r["place"])), fuzz.ratio(key, _bare(r.get("alias") or r["place"]))), e, r)
              for e, r in rows]
    best = max(s for s, _, _ in scored)
    return [(e, r) for s, e, r in scored if s == best]


# What makes a run of capitalised words the gazetteer lacks a unit's name: a word before it ("in Sharqeya",
# "rural Damscus", "Sheikh Zuweid city, North Sinai") or a unit word after it ("Al-Hasaken province").
# (Plain patterns, so that the scan of every report is quick.)
_UNIT_SPELT_BEFORE = re.compile(r"[\s,(](?:(?:in|of|rural)\s(?:the\s)?|\s)(?=[A-Z])")
_UNIT_WORD = re.compile(r"\s(?:[Pp]rovince|[Gg]overnorate|[Ss]tate|[Rr]egion|[Ww]ilaya)\b")
# Every match of _UNIT_WORD has one of these after its space and first letter.
_UNIT_WORD_TAILS = ("rovince", "overnorate", "tate", "egion", "ilaya")
# (its first capital before the look-behind, which is the same test of the character before it: a
# pattern that begins with a class is scanned for at that class, one that begins with a look-behind
# tried at every position)
_RUN_BEFORE_UNIT_WORD = re.compile(rf"([A-Z](?<![\w'-].){NAME_RUN[len('[A-Z]'):]})$")
_NAME_RUN = re.compile(NAME_RUN)
# The runs of capitalised words after _UNIT_SPELT_BEFORE (its match's end, and the end of _NAME_RUN's
# match there: group 1), found by a scan that stops only at capitals, not at every space: a match of
# _UNIT_SPELT_BEFORE holds no capital and ends right before one, so the ends of its matches are the
# capitals that one of its forms (of two, four, seven, eight or eleven characters) comes right before.
assert NAME_RUN.startswith("[A-Z]")
_UNIT_SPELT_RUN = re.compile(r"[A-Z](?:(?<=[\s,(]\s.)|(?<=[\s,(](?:in|of)\s.)|(?<=[\s,(]rural\s.)"
                             r"|(?<=[\s,(](?:in|of)\sthe\s.)|(?<=[\s,(]rural\sthe\s.))"
                             rf"(?=({NAME_RUN[len('[A-Z]'):]}))")
# In ASCII text, the same scan over the text's bytes with each capital written as one byte, 0 (and a
# 0 as 1: :data:`_MARK_CAPITALS`), so that the pattern begins with a literal, which re scans for
# several times quicker than for a class ([A-Z]: 13.6 -> ~5 us a FA-KES report).  Its classes are
# those of _UNIT_SPELT_RUN on ASCII characters (\s: these ten; \w: ASCII letters, digits and "_",
# the capitals written 0; "\u2019" is no ASCII character).
_MARK_CAPITALS = bytes(0 if 65 <= c <= 90 else 1 if c == 0 else c for c in range(256))
_ASCII_SPACES = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f "


def _marked_pattern(pattern):
    """A pattern of _UNIT_SPELT_RUN's (of its capitals, "\\s" and word classes) for ASCII text
    written by :data:`_MARK_CAPITALS`."""
    out = pattern.replace("[A-Z]", "\\x00").replace("[\\w'\\u2019]", "[\\w\\x00']")
    out = out.replace("[\\s,(]", f"[{_ASCII_SPACES},(]").replace("\\s", f"[{_ASCII_SPACES}]")
    assert "A-Z" not in out and "\\u" not in out and "\\b" not in out  # (none left to write otherwise)
    return re.compile(out.encode("ascii"))


_MARKED_UNIT_SPELT_RUN = _marked_pattern(_UNIT_SPELT_RUN.pattern)
_ENGLISH_PARTICLE = re.compile(r"\s(?:of|on|upon)\s")
# Spellings of a unit's name shorter than this (its unit key) are too like other names to be read.
_SHORTEST_UNIT_SPELLING = 5
# How alike (RapidFuzz ratio of unit keys) a spelling must be to a unit of any country, in a report that
# names no country.
_UNIT_SIMILARITY_ANYWHERE = 92


def _unit_words(text):
    """``_UNIT_WORD.finditer(text)``, as a list: found where the tails of
    its words are (``str.find`` runs through a text much quicker than the
    pattern, which stops at every space)."""
    at = set()
    for tail in _UNIT_WORD_TAILS:
        i = text.find(tail, 2)
        while i >= 0:
            at.add(i - 2)
            i = text.find(tail, i + 1)
    return [m for m in map(_UNIT_WORD.match, repeat(text), sorted(at)) if m]


def _unit_spelt_spans(text):
    """The spans of the runs of capitalised words right after :data:`_UNIT_SPELT_BEFORE`
    (``_NAME_RUN.match(text, m.end())`` of each match ``m``), in text order."""
    if text.isascii():
        return [(m.start(), m.end(1)) for m in _MARKED_UNIT_SPELT_RUN.finditer(text.encode("ascii")
                                                                               .translate(_MARK_CAPITALS))]
    return [(m.start(), m.end(1)) for m in _UNIT_SPELT_RUN.finditer(text)]


def _units_spelt_otherwise(text, lexicon, countries, out):
    """Names of admin1 units spelt otherwise than the gazetteer or curated
    table spells them ("Sharqeya" for Ash Sharqiyah, "North Sinai" for
    Shamal Sina', "Rural Damscus" for Rural Damascus), in any report: a run of
    capitalised words outside the names read, after "in", "of" or "rural" or
    before a unit word ("province"), whose unit key
    (:func:`~conflictkit.io.gazetteer.unit_key`) is at least 88 alike
    (RapidFuzz ratio) one unit's of one of the countries the report is most
    about (:meth:`~conflictkit.coding.lexicon.Lexicon.units_spelt_like`).
    ``term -> reading`` as :func:`read_place` gives."""
    top = max(countries.values(), default=0.0)
    # the countries the report is most about; when it names none, every country's units, and only
    # a spelling near one unit (:data:`_UNIT_SIMILARITY_ANYWHERE`)
    leads = [c for c, v in countries.items() if v > 0 and 1.5 * v >= top] or [None]
    similarity = 88 if leads != [None] else _UNIT_SIMILARITY_ANYWHERE
    taken = sorted((t.start, t.end) for t in out)
    found = {}
    spans = _unit_spelt_spans(text)
    for u in _unit_words(text):
        m = _RUN_BEFORE_UNIT_WORD.search(text, max(0, u.start() - 60), u.start())
        if m:
            spans.append(m.span(1))
    for s, e in sorted(set(spans)):
        name = text[s:e]
        if "o" in name:  # (every match of _ENGLISH_PARTICLE has one: most names need no split)
            name = _ENGLISH_PARTICLE.split(name, 1)[0]  # "Sharqeya on Sunday": Sharqeya
        if name.endswith(("'s", "\u2019s")):
            name = name[:-2]
        e = s + len(name)
        if (len(name) <= 4 and name.isupper()) or (s and (text[s - 1].isalnum() or text[s - 1] in "-'")):
            continue  # an acronym, the end of a longer name
        i = bisect.bisect_left(taken, (e,))
        if (i and taken[i - 1][1] > s) or len(unit_key(name)) < _SHORTEST_UNIT_SPELLING:
            continue  # a name read, or too short
        found_in = [rows for rows in ([(e_, r) for e_, r in lexicon.units_spelt_like(c, name, similarity)
                                       if r.get("needs_unit_word", "0") != "1"] for c in leads) if rows]
        if len(found_in) != 1 or len({(r["country"], r["admin1"]) for _, r in found_in[0]}) != 1:
            continue  # a unit of none of the countries, or of two
        rows = found_in[0]
        reading = _read(text, s, e, _Name(name, [r for _, r in rows], countries), lexicon.admin1_name)
        if reading is not None:
            found[Term(s, e, name, "place", rows[0][0])] = dict(reading, place=rows[0][1]["place"])
    return found


def _spelt_otherwise(text, lexicon, countries, out):
    """Names spelt otherwise than the gazetteer spells a town of the country
    the report is most about ("Saraqab" for Saraqib, "Quamishli" for Al
    Qamishli, "Tal Tamer" for Tall Tamr), in a report with no place of its
    own read: a run of capitalised words (not an acronym) outside the names
    read, with a word before or after it that makes it a
    place ("in", "the village of", "X town"), whose spellings
    (:meth:`~conflictkit.coding.lexicon.Lexicon.spellings_of`) all lie in
    one admin1 unit.  ``term -> reading`` as :func:`read_place` gives."""
    top = max(countries.values())
    # the countries the report names (or an actor of) and is about nearly as much as any other: a name
    # is looked up in each, and read when it is a town of one of them only
    leads = sorted((c for c, v in countries.items() if v >= 2.0 and 1.5 * v >= top), key=countries.get, reverse=True)
    if not leads:
        return {}  # the report names no country nor actor of one
    taken = [(t.start, t.end) for t in out]
    found = {}
    for m in _SPELT.finditer(text):
        s, e = m.span(m.lastgroup)
        name = text[s:e]
        if (len(name) <= 4 and name.isupper()) or any(a < e and s < b for a, b in taken) or (
                m.lastgroup == "a" and s and (text[s - 1].isalnum() or text[s - 1] in "-'")):
            continue  # an acronym, a name read, the end of a longer name
        if len(loose_key(name)) < 4:
            continue
        found_in = [rows for rows in (lexicon.spellings_of(c, name) for c in leads) if rows]
        if len(found_in) != 1:
            continue  # a town of none of them, or of two
        rows = _nearest_spellings(name, found_in[0])
        if len({r["admin1"] for _, r in rows}) != 1:
            continue
        reading = _read(text, s, e, _Name(name, [r for _, r in rows], countries), lexicon.admin1_name)
        if reading is not None:
            found[Term(s, e, name, "place", rows[0][0])] = dict(reading, place=rows[0][1]["place"])
    return found
