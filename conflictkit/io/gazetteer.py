"""A world gazetteer: admin1 units (ISO 3166-2) and towns of every country.

The places are GeoNames towns and villages of 1,000 people or more (names, alternate names
and transliterations, coordinates) and the admin1 units of every country
(ISO 3166-2 codes and names from ``pycountry``, Natural Earth's names),
bundled as two gzip'd text files in ``resources/geo`` (built by
``tools/build_gazetteer.py``; sources and licences in
``resources/README.md``).  They are read on first need, in about 0.1 s, and
never indexed: names are looked up by bisection in the sorted name list, and
only the candidate spans of a text (runs of capitalised words:
:func:`find_names`) are looked up.  A town's admin1 is the ISO 3166-2 code of
its GeoNames unit (``resources/geo/admin1.csv``).

Examples
--------
>>> [(p["place"], p["country"], p["admin1"]) for p in lookup("Maiduguri")]
[('Maiduguri', 'NG', 'NG-BO')]
"""

import bisect
import csv
import gzip
import re
import sys
import unicodedata
from functools import lru_cache
from itertools import compress

from .._data import resource_path

__all__ = ["fold_name", "lookup", "lookup_ids", "find_names", "place_row", "admin1_name", "admin1_lookup", "loose_key",
           "loose_lookup_ids", "NAME_RUN",
           "acled_admin1", "country_code", "unit_key", "admin1_names_of",
           "admin1_countries"]

# Apostrophes and dots go, hyphens become spaces: "Ma'arrat", "Maarrat";
# "Deir-ez-Zor", "Deir ez Zor"; "St. Louis", "St Louis".
_PUNCT = str.maketrans({"'": None, "\u2019": None, "\u2018": None, "`": None, "\u02bc": None, "\u02bf": None,
                        "\u02be": None, ".": None, "-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " "})


def fold_name(name):
    """The key a place name is looked up by: no accents, case, apostrophes or
    dots; hyphens as spaces.

    Examples
    --------
    >>> fold_name("Ma'arrat An-Nu'man"), fold_name("Ségou"), fold_name("St. Louis")
    ('maarrat an numan', 'segou', 'st louis')
    """
    if name.isalpha() and name.isascii():
        return name.lower()  # one plain word: most names
    if not name.isascii():
        name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return " ".join(name.casefold().translate(_PUNCT).split())


def _decompressed(name):
    return gzip.decompress(resource_path("geo").joinpath(name).read_bytes())


@lru_cache(maxsize=1)
def _name_bytes():
    """The name list as the file holds it (UTF-8 bytes, decompressed): lines ``folded
    name<TAB>place numbers``, header first, one tab a line (:func:`_unit_name_lines` scans them)."""
    return _decompressed("gazetteer-names.tsv.gz")


@lru_cache(maxsize=1)
def _files():
    """(place rows, sorted name lines) as lists of str, header first."""
    return (_decompressed("gazetteer-places.tsv.gz").decode("utf-8").split("\n")[:-1],
            _name_bytes().decode("utf-8").split("\n")[:-1])


_COLUMNS = ("place", "kind", "country", "admin1", "latitude", "longitude", "population", "needs_unit_word")


@lru_cache(maxsize=None)
def place_row(gid):
    """The gazetteer's place number ``gid`` (1 is the first) as a dict:
    ``place``, ``kind`` (governorate: an admin1 unit; town), ``country``
    (ISO 3166-1 alpha-2), ``admin1`` (ISO 3166-2), ``admin1_name``,
    ``latitude``, ``longitude``, ``population``, ``needs_unit_word`` ("1":
    an admin1 name that is a common word, a place only with its unit word:
    "Delta State"), ``origin`` (geonames or iso3166-2)."""
    row = dict(zip(_COLUMNS, _files()[0][gid].split("\t")))
    for col in ("latitude", "longitude"):
        row[col] = float(row[col]) if row[col] else float("nan")
    row["population"] = int(row["population"] or 0)
    row["admin1_name"] = admin1_name(row["admin1"])
    row["origin"] = "iso3166-2" if row["kind"] == "governorate" else "geonames"
    return row


@lru_cache(maxsize=1)
def _unit_names():
    places = _files()[0]
    names = {}
    for line in places[1:]:
        name, kind, _, code = line.split("\t", 4)[:4]
        if kind != "governorate":
            break  # the units come first
        names[code] = name
    return names


def admin1_name(code):
    """The name of an admin1 unit from its ISO 3166-2 code ("" if unknown).

    >>> admin1_name("NG-BO"), admin1_name("XX-00")
    ('Borno', '')
    """
    return _unit_names().get(code, "")


def _ids(key):
    names = _files()[1]
    probe = key + "\t"
    i = bisect.bisect_left(names, probe)
    if i < len(names) and names[i].startswith(probe):
        return tuple(int(x) for x in names[i][len(probe):].split(","))
    return ()


@lru_cache(maxsize=65536)
def _lookup_ids(key):
    return _ids(key)


@lru_cache(maxsize=65536)
def _probe(key):
    """(the numbers of the places called ``key``, does a longer name start
    with ``key`` and a space?): "deir" begins "deir ez zor"."""
    # One bisection for both: the line of ``key`` ("key<TAB>numbers") sorts right before those of
    # the names that start with "key " (a tab before a space), the first of which is the next line,
    # or the one there when ``key`` has none; only a line between them (a name of ``key`` and a
    # character below the space, none in the list) needs a second bisection (from there on).
    names = _files()[1]
    n, exact, longer = len(names), key + "\t", key + " "
    i = bisect.bisect_left(names, exact)
    ids = ()
    if i < n and names[i].startswith(exact):
        ids = tuple(int(x) for x in names[i][len(exact):].split(","))
        i += 1
    if i < n and names[i] < longer:
        i = bisect.bisect_left(names, longer, i + 1)
    return ids, i < n and names[i].startswith(longer)



def lookup_ids(name):
    """The numbers of the places called ``name`` (:func:`place_row` reads them).

    >>> len(lookup_ids("Maiduguri")), lookup_ids("Narnia")
    (1, ())
    """
    return _lookup_ids(fold_name(name))


def lookup(name):
    """Every place called ``name`` (folded: any case, accents, hyphens), as
    dicts of :func:`place_row`, admin1 units first, then towns, most
    populous first.

    >>> [p["country"] for p in lookup("Tripoli")][:2]
    ['LY', 'LB']
    """
    return [place_row(g) for g in _lookup_ids(fold_name(name))]


# A run of capitalised words, with the particles of place names between them
# ("Deir ez-Zor", "Dar es Salaam", "Ras Al-Ain").
_CAP = r"[A-Z][\w'\u2019]*"
# The particles of place names between capitalised words,
_PARTICLE_WORDS = "al el an ar as ash ad at az ez es de du des del di da do dos das la le les of on upon en sur".split()
# as a pattern that tries them by their first letter (a particle is followed by a space or a hyphen, so
# the order of the alternatives does not matter): re tries the alternatives of a group one by one, and
# after most words of a run there is none (_RUN.findall 15.7 -> 14.1 us a FA-KES report).
_PARTICLE = r"(?:a(?:[lnrsdtz]|sh)|e[lzsn]|d(?:[eoa]s?|el|[ui])|l(?:[ae]|es)|o[fn]|upon|sur)"
# An Arabic article written in lower case before a name ("the city of al-Bab", "al Bab", "ar-Raqqa"; "as" and
# "an" only with a hyphen: "as Turkish forces" is English).
LOWER_ARTICLE = r"(?:(?:al|el)[ \-]|(?:ar|as|ash|ad|an|at|az)-)"
_PLAIN_RUN = rf"{_CAP}(?:[ \-](?:{_PARTICLE}[ \-])*{_CAP})*"
# The same as find_names matches it (nothing after it: the longest run at a capital), with possessive
# quantifiers (Python 3.11+; before, plain ones): a word's characters are followed by a space, a hyphen
# or no more run, so the engine never gives one back, and need keep no place to return to
# (_RUN.findall 14.1 -> 12.6 us a FA-KES report).
_ONCE = "+" if sys.version_info >= (3, 11) else ""
_RUN = re.compile(rf"[A-Z][\w'\u2019]*{_ONCE}(?:[ \-](?:{_PARTICLE}[ \-])*[A-Z][\w'\u2019]*{_ONCE})*{_ONCE}")
# A LOWER_ARTICLE before a capital (where a run of capitalised words begins), found by two patterns
# that begin with literal characters, which re scans for quickly (four times quicker than one
# pattern stopping at every a or e): "al ", "el " at their "l " (not at every l: 2.2 -> 1.4 us a
# FA-KES report), the others at their hyphen ("ash-" when an a comes before the "sh-").
_L_ARTICLE = re.compile(r"l (?<=[ae]l )(?=[A-Z])")
_HYPHEN_ARTICLE = re.compile(r"-(?<=a[rsdntz]-|sh-|[ae]l-)(?=[A-Z])")
_CAP_RE = re.compile(_CAP)
_LONGEST = 5  # words in the longest name looked up


def find_names(text, start=0, end=None):
    """The gazetteer names in ``text[start:end]``: (start, end, place
    numbers) for each, leftmost-longest, looked up only in runs of
    capitalised words.

    Examples
    --------
    >>> t = "Gunmen attacked Maiduguri in Borno State and Dar es Salaam."
    >>> [(t[s:e], len(ids) > 0) for s, e, ids in find_names(t)]
    [('Maiduguri', True), ('Borno', True), ('Dar es Salaam', True)]
    """
    end = len(text) if end is None else end
    out, pos = [], start
    runs = _RUN.findall(text, start, end)  # strings, not match objects: most runs are no name
    found = list(map(_names_in_run, runs))
    for i in compress(range(len(runs)), found):  # (only the runs with names come to the loop)
        run, hits = runs[i], found[i]
        at = text.find(run, pos, end)
        while at > start and text[at - 1].isalnum():  # a capital inside a word ("iPhone")
            at = text.find(run, at + 1, end)
        if at < 0:
            continue
        out.extend([(at + s, at + e, ids) for s, e, ids in hits])
        pos = at + len(run)
    with_article = _article_names(text, start, end)
    if with_article:  # "al-Bab" over "Bab"
        out = sorted(with_article + [h for h in out if not any(a < h[1] and h[0] < b for a, b, _ in with_article)])
    return out


_WORD_BEFORE = re.compile(r"(\w+)[ ]$")


def _after_capitalised_word(text, i):
    """Is the article at ``text[i]`` inside a longer name ("Hayat Tahrir
    al-Sham"): right after a capitalised word?"""
    m = _WORD_BEFORE.search(text, max(0, i - 30), i)
    return bool(m and m.group(1)[0].isupper())


def _article_names(text, start, end):
    """The names in ``text[start:end]`` that begin with an Arabic article in
    lower case ("the city of al-Bab", "al Bab"; not inside a longer name,
    "Hayat Tahrir al-Sham"), as :func:`find_names` gives them, in text order."""
    articles = [(m.start() - 1, m.end()) for m in _L_ARTICLE.finditer(text, start, end)]
    for m in _HYPHEN_ARTICLE.finditer(text, start, end):
        i = m.start() - 2
        if text[i] == "s":  # "sh-": "ash-" or no article
            i -= 1
            if i < 0 or text[i] != "a":
                continue
        articles.append((i, m.end()))
    out = []
    for i, j in sorted(articles):
        if i < start or (i and (text[i - 1].isalnum() or text[i - 1] in "'-")):
            continue
        # the name is looked up (cached) before the slower test of the word before
        hit = _names_in_run(text[i:j] + _RUN.match(text, j, end).group())
        if hit and hit[0][0] == 0 and not _after_capitalised_word(text, i):
            out.append((i, i + hit[0][1], hit[0][2]))
    return out


@lru_cache(maxsize=65536)
def _names_in_run(run):
    """Leftmost-longest names in a run of capitalised words, as (start, end,
    place numbers) in the run."""
    if " " not in run and "-" not in run:  # one word: most runs
        if len(run) <= 4 and run.isupper():
            return ()  # an acronym: "SANA", "WHO"
        name = run[:-2] if run.endswith(("'s", "\u2019s")) else run  # "Hama's countryside"
        ids = _lookup_ids(fold_name(name))
        return ((0, len(name), ids),) if ids else ()
    words = [m.span() for m in _CAP_RE.finditer(run)]
    if run[0].islower():  # "al-Bab" (from _article_names): the article and the first word are one
        words[0] = (0, words[0][1])
    return _names_in_words(run, words)


def _names_in_words(run, words):
    """Leftmost-longest names in a run of words (their spans in ``run``)."""
    out, i = [], 0
    # A run of ASCII characters and no apostrophe (most) is folded once: fold_name of a span of
    # its words is the span of the run in lower case with its hyphens as spaces (the run has no
    # other character fold_name drops or changes, and no two spaces together: its words are
    # joined by one space or hyphen), a slice of one string, not a fold of each span (a new run
    # cost ~16 us, ~40% in fold_name).
    folded = run.lower().replace("-", " ") if run.isascii() and "'" not in run else None
    while i < len(words):
        longest = None
        # The names from word i, shortest first: the words after a name only
        # make a longer name when some name starts with its key and a space
        # (the key of a longer span starts so), else the search stops.
        for j in range(i, min(len(words), i + _LONGEST)):
            end = words[j][1]
            ids, longer = _probe(fold_name(run[words[i][0]:end]) if folded is None else folded[words[i][0]:end])
            if run.endswith(("'s", "\u2019s"), 0, end):  # "Hama's": Hama
                end -= 2
                ids = _lookup_ids(fold_name(run[words[i][0]:end]))
            if ids:
                longest = (j, (words[i][0], end, ids))
            if not longer:
                break
        if longest:
            i = longest[0]
            out.append(longest[1])
        i += 1
    return tuple(out)


# ---------------------------------------------------------------------------
# admin1 names and countries as data sets write them

#: Country names news and data sets write that ISO 3166-1 does not list.
_COUNTRY_ALIASES = {
    "syria": "SY", "russia": "RU", "iran": "IR", "turkey": "TR", "us": "US", "usa": "US", "united states": "US",
    "america": "US", "britain": "GB", "great britain": "GB", "uk": "GB", "ivory coast": "CI",
    "cote d'ivoire": "CI", "democratic republic of congo": "CD", "democratic republic of the congo": "CD",
    "dr congo": "CD", "drc": "CD", "congo-kinshasa": "CD", "republic of congo": "CG",
    "republic of the congo": "CG", "congo-brazzaville": "CG", "congo": "CG", "swaziland": "SZ",
    "tanzania": "TZ", "south korea": "KR", "north korea": "KP", "laos": "LA", "vietnam": "VN",
    "bolivia": "BO", "venezuela": "VE", "moldova": "MD", "palestine": "PS", "cape verde": "CV",
    "czech republic": "CZ", "macedonia": "MK", "burma": "MM", "east timor": "TL", "vatican": "VA",
}


@lru_cache(maxsize=1)
def _country_index():
    import pycountry

    index = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name", "alpha_2", "alpha_3"):
            value = getattr(c, attr, None)
            if value:
                index.setdefault(value.casefold(), c.alpha_2)
                index.setdefault(fold_name(value), c.alpha_2)
    index.update(_COUNTRY_ALIASES)
    return index


def country_code(name):
    """ISO 3166-1 alpha-2 code of a country name as written ("" if unknown).

    Examples
    --------
    >>> [country_code(n) for n in ("Ivory Coast", "Democratic Republic of Congo", "Kenya", "SYR", "Atlantis")]
    ['CI', 'CD', 'KE', 'SY', '']
    """
    if not isinstance(name, str):
        return ""
    key = name.strip().casefold()
    index = _country_index()
    return index.get(key) or index.get(re.sub(r"^the\s+", "", key)) or index.get(fold_name(key), "")


# Words of an admin1 unit's kind that name it ("Borno State", "Bay region").
_KIND_WORDS = re.compile(r"\b(?:state|region|province|governorate|county|district|prefecture|department|wilaya|"
                         r"division|municipality|oblast|zone|territory|emirate|shabiyah|muhafazat)\b")
_ARTICLES = {"al", "ar", "as", "ad", "an", "ash", "at", "az", "el"}
# Transliterations of one Arabic (or French) name written several ways:
# "Sharkia" and "Ash Sharqiyah", "Menoufia" and "Al Minufiyah": in this order, the endings
# "iyah", "iya", "ieh" and "iyeh" written "ia", "q" "k", "ou" "u", "ee" "i", "e" and "y" "i", a letter
# twice once (pairs from the left: "aaa" is "aa"), and a last "h" dropped.  (The key has no
# whitespace: "$" is its end.)  Only the pairs need a regular expression, its substitute a function
# (called only where there is a pair: a template is read at every call): the rest are string
# methods, several times quicker on a short key than a substitution each (unit_key 3.2 -> 1.0 us).
_LOOSE_ENDINGS = ("iyah", "iyeh", "iya", "ieh")  # (no one of them ends another)
_LOOSE_PAIR = re.compile(r"(.)\1")


def _first_of_pair(m):
    return m.group(1)


def _unit_key(name, loose=False):
    """A unit name without its kind word, leading article or spaces
    ("Ar-Raqqah Governorate" = "raqqah"); ``loose`` also folds
    transliteration variants."""
    words = _KIND_WORDS.sub(" ", fold_name(name)).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    key = "".join(words)
    if loose:
        if key.endswith(_LOOSE_ENDINGS):
            key = key[:key.rindex("i")] + "ia"  # (the ending's only "i" is its first letter)
        key = key.replace("q", "k").replace("ou", "u").replace("ee", "i").replace("e", "i").replace("y", "i")
        key = _LOOSE_PAIR.sub(_first_of_pair, key)
        if key.endswith("h"):
            key = key[:-1]
    return key


@lru_cache(maxsize=65536)
def unit_key(name):
    """The key a unit's name is compared by: folded, without its kind word,
    leading article or spaces, and with the variants of transliteration
    folded ("Al-Sharqiyah Governorate" and "Sharqeya" are "sharkia").

    >>> unit_key("Al-Sharqiyah Governorate"), unit_key("Sharqeya"), unit_key("North Sinai province")
    ('sharkia', 'sharkia', 'northsinai')
    """
    return _unit_key(name, loose=True)


@lru_cache(maxsize=1)
def _unit_name_lines():
    """(folded name, (place numbers of admin1 units, …)) of each line of the name list that
    names an admin1 unit, in the list's order.

    The units are the first rows of the place list and a line's numbers are in ascending
    order (``tools/build_gazetteer.py`` writes them so), so a line names a unit when its first
    number is below the count of units.  The list's bytes tell which of its some 340,000 lines
    those few thousand are, by NumPy's tests of every byte at once (about 11 ms in all; a regular
    expression over the list joined into one string took about 35, splitting every line over
    100): a tab (one a line, before its numbers) with a comma or a newline at most one more
    place after it than the largest unit's number has digits (the end of a first number that
    has no more digits; some 40,000 lines), the first number of those lines read, and the lines
    where it is a unit's."""
    import numpy as np

    places = _files()[0]
    n_units = next(i for i, line in enumerate(places[1:], 1) if line.split("\t", 2)[1] != "governorate")
    raw = _name_bytes()
    data = np.frombuffer(raw, np.uint8)
    width = len(str(n_units - 1))  # digits of the largest unit's number
    n = len(data) - width - 1  # (every tab is further from the end: numbers and a newline follow it)
    stop = data == 44
    stop |= data == 10
    near = stop[2:n + 2].copy()
    for d in range(2, width + 1):
        near |= stop[d + 1:n + d + 1]
    near &= data[:n] == 9
    tabs = np.flatnonzero(near)
    # their first number: the digits after the tab up to the first byte that is none (at most
    # width + 1 of them: a number of more digits is no unit's either way), a comma or a newline
    value, digits, more = np.zeros(len(tabs), np.int64), np.zeros(len(tabs), np.int64), np.ones(len(tabs), bool)
    for d in range(1, width + 2):
        at = data[tabs + d].astype(np.int64) - 48
        more &= (at >= 0) & (at < 10)
        value, digits = np.where(more, value * 10 + at, value), digits + more
    end = data[tabs + digits + 1]
    out = []
    for tab in tabs[(digits > 0) & (digits <= width) & ((end == 44) | (end == 10)) & (value < n_units)].tolist():
        start, end = raw.rfind(b"\n", 0, tab) + 1, raw.index(b"\n", tab)
        ids = list(map(int, raw[tab + 1:end].split(b",")))
        out.append((raw[start:tab].decode("utf-8"), tuple(ids[:bisect.bisect_left(ids, n_units)])))
    return tuple(out)


@lru_cache(maxsize=1)
def _unit_lines_by_country():
    """country -> [(folded name, place number), ...] of every name of every admin1 unit, in the
    name list's order."""
    places = _files()[0]
    out = {}
    for key, ids in _unit_name_lines():
        for g in ids:
            out.setdefault(places[g].split("\t", 3)[2], []).append((key, g))
    return out


@lru_cache(maxsize=None)
def _unit_names_of(country):
    """:func:`admin1_names_of`, worked out for one country when first asked (a report's
    spellings of units are compared with those of the few countries it is about: the unit keys of
    every name of every country, some 4,300, took 8 ms)."""
    keys = {}
    for key, g in _unit_lines_by_country().get(country, ()):
        keys.setdefault(unit_key(key), g)
    return tuple(keys.items())


def admin1_countries():
    """The countries (ISO alpha-2) with admin1 units in the gazetteer."""
    return tuple(_unit_lines_by_country())


def admin1_names_of(country):
    """(unit key, place number) of every name of every admin1 unit of
    ``country`` (ISO alpha-2): the names a text's spelling of a unit is
    compared with (:func:`unit_key`).

    >>> sorted(place_row(g)["admin1"] for k, g in admin1_names_of("EG") if k == "northsina")
    ['EG-SIN']
    """
    return _unit_names_of(country)


@lru_cache(maxsize=1)
def _admin1_index():
    """(country, unit key) -> (code, name) of every admin1 unit by every
    name it goes by; loose keys start with "~"."""
    index = {}
    units = {}
    for key, ids in _unit_name_lines():
        for g in ids:
            units.setdefault(g, []).append(key)
    for loose in (False, True):
        for g, keys in units.items():
            row = place_row(g)
            for key in keys:
                index.setdefault((row["country"], ("~" if loose else "") + _unit_key(key, loose)),
                                 (row["admin1"], row["place"]))
    return index


def admin1_lookup(country, name):
    """ISO 3166-2 code and name of an admin1 unit named as written.

    Tries the unit's ISO and Natural Earth names (up to kind words, articles
    and transliteration), then the most populous town of that name in the
    country (data sets name some units after their capital: "Cairo").

    Parameters
    ----------
    country : str
        ISO 3166-1 alpha-2 code.
    name : str

    Returns
    -------
    (str, str)
        ``("", "")`` when the name is not an admin1 unit of the country.

    Examples
    --------
    >>> admin1_lookup("NG", "Borno State"), admin1_lookup("EG", "Sharkia")[0], admin1_lookup("EG", "Cairo")[0]
    (('NG-BO', 'Borno'), 'EG-SHR', 'EG-C')
    """
    if not country or not isinstance(name, str) or not name.strip():
        return "", ""
    index = _admin1_index()
    hit = index.get((country, _unit_key(name))) or index.get((country, "~" + _unit_key(name, loose=True)))
    if hit:
        return hit
    town = next((p for p in lookup(name) if p["kind"] == "town" and p["country"] == country and p["admin1"]), None)
    return (town["admin1"], town["admin1_name"]) if town else ("", "")


@lru_cache(maxsize=1)
def _acled_units():
    with resource_path("geo").joinpath("acled-admin1.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = {}
    for r in rows:
        out.setdefault((r["country"], fold_name(r["acled_name"])), []).append(r["admin1"])
    return {key: tuple(codes) for key, codes in out.items()}


def acled_admin1(country, name):
    """The ISO 3166-2 units an admin1 name of ACLED's older exports covers,
    when ISO 3166-2 does not know the name (``resources/geo/acled-admin1.csv``,
    built by ``tools/build_acled_admin1.py``): a unit split since covers
    several ("Darfur": the five Darfur states), a unit renamed or written in
    English one ("North Sinai": EG-SIN).

    Parameters
    ----------
    country : str
        ISO 3166-1 alpha-2 code.
    name : str
        ACLED's name, as written (any case, accents, hyphens).

    Returns
    -------
    tuple of str
        Empty when the table does not list the name.

    Examples
    --------
    >>> acled_admin1("EG", "North Sinai"), acled_admin1("LY", "Al Hizam Al Akhdar")
    (('EG-SIN',), ('LY-BA',))
    >>> sorted(acled_admin1("SD", "Darfur"))
    ['SD-DC', 'SD-DE', 'SD-DN', 'SD-DS', 'SD-DW']
    >>> acled_admin1("NG", "Borno")
    ()
    """
    if not country or not isinstance(name, str):
        return ()
    return _acled_units().get((country, fold_name(name.strip())), ())


# ---------------------------------------------------------------------------
# spellings of one name: "Saraqab" and "Saraqib", "Quamishli" and "Al Qamishli"

_LOOSE_ARTICLES = frozenset("al el il ul ar as ad an ash at az ez es ed er en et".split())
# Words that begin Arabic place names, in one spelling each.
_LOOSE_WORDS = {"ain": "A", "ayn": "A", "ein": "A", "aayn": "A", "tal": "T", "tall": "T", "tell": "T", "tel": "T",
                "kafr": "K", "kfar": "K", "kafar": "K", "kfr": "K", "deir": "D", "dayr": "D", "dair": "D",
                "dier": "D", "der": "D"}
_LOOSE_SOUNDS = [(re.compile(a), b) for a, b in (
    (r"dj", "j"), (r"kh", "x"), (r"sh|ch", "s"), (r"gh", "g"), (r"th", "t"), (r"dh", "d"), (r"ph", "f"),
    (r"q|ck|c", "k"), (r"(.)\1+", r"\1"), (r"(?<=.)h$", ""), (r"(?<=.)[aeiouyw']+", ""), (r"^[aeiouy]", "V"))]


def loose_key(name):
    """A key under which the spellings of a transliterated name meet: the
    consonants after the first letter, with articles, doubled letters and
    one-sound digraphs folded ("Saraqab" and "Saraqib", "Quamishli" and
    "Al Qamishli", "Tal Tamer" and "Tall Tamr").

    Examples
    --------
    >>> loose_key("Saraqab") == loose_key("Saraqib"), loose_key("Quamishli") == loose_key("Al Qamishli")
    (True, True)
    >>> loose_key("Tal Tamer") == loose_key("Tall Tamr"), loose_key("Maskana") == loose_key("Maskanah")
    (True, True)
    >>> loose_key("Homs") == loose_key("Hama")
    False
    """
    words = [w for w in fold_name(name).split() if w not in _LOOSE_ARTICLES]
    key = "".join(_LOOSE_WORDS.get(w, w) for w in words)
    for pattern, repl in _LOOSE_SOUNDS:
        key = pattern.sub(repl, key)
    return key


@lru_cache(maxsize=1)
def _loose_bytes():
    """The loose file (UTF-8 bytes, decompressed): lines ``country loose-key<TAB>place numbers``,
    sorted."""
    return _decompressed("gazetteer-loose.tsv.gz")


@lru_cache(maxsize=None)
def _loose_lines(country):
    """The sorted lines of the loose file for the towns of one country (a
    country's lines are together: only they are decoded and split; the whole
    file decoded took 4.5 ms, a country's lines a fraction of it).  A country
    of two ASCII letters is found by bisection of the file's lines (the search
    for its first line ran through the file up to it: ~2 ms a country)."""
    data = _loose_bytes()
    if len(country) == 2 and country.isascii() and "\n" not in country:
        key = f"{country} ".encode("ascii")
        first = _line_from(data, key, True)  # the country's first line, if it has one
        if first and data.startswith(key, first):
            # (a newline is one byte in UTF-8 and no part of another character's: the lines' text)
            return data[first:_line_from(data, key, False) - 1].decode("utf-8").split("\n")
        if first:
            return []
    head = f"\n{country} ".encode("utf-8")
    first = data.find(head)
    if first < 0:
        return []
    last = data.find(b"\n", data.rfind(head) + 1)
    return data[first + 1:last].decode("utf-8").split("\n")


def _line_from(data, key, equal):
    """The offset of the first line of ``data`` (lines in sorted order, each longer than ``key``)
    whose start is above ``key`` (with ``equal``, ``key`` or above), ``len(data)`` if none: a
    bisection of the bytes, at the line around the middle one."""
    lo, hi, k = 0, len(data), len(key)
    while lo < hi:  # (lo is a line's start; the answer is in [lo, hi])
        mid = (lo + hi) // 2
        i = data.rfind(b"\n", lo, mid)
        start = lo if i < 0 else i + 1  # the line holding mid
        head = data[start:start + k]
        if head < key or not equal and head == key:
            lo = data.find(b"\n", mid) + 1 or len(data)
        else:
            hi = start
    return lo


#: The regular expression of a run of capitalised words (where :func:`find_names` looks names up).
NAME_RUN = _PLAIN_RUN


def loose_lookup_ids(country, name):
    """The numbers of the towns of ``country`` (ISO alpha-2) a name is a
    spelling of (:func:`loose_key`), most populous first.

    >>> [place_row(g)["place"] for g in loose_lookup_ids("SY", "Saraqab")]
    ['Saraqib']
    """
    lines, probe = _loose_lines(country), f"{country} {loose_key(name)}\t"
    i = bisect.bisect_left(lines, probe)
    if i < len(lines) and lines[i].startswith(probe):
        return tuple(int(x) for x in lines[i][len(probe):].split(","))
    return ()
