"""Measuring the coder against gold data: casualty counts on every dev set, CASE event types, ACLED events.

The count gold sets (:data:`GOLD_SETS`) are read by :func:`load_gold` into one
shape, coded by :func:`code_gold` and scored by :func:`count_scores`;
:func:`accuracy_table` does all three for every set.  Used by
``benchmarks/coder_accuracy.py``, ``benchmarks/event_accuracy.py`` and the
validation notebook.
"""

import csv
import math
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

__all__ = ["CASE_TO_SUB_EVENT", "report_counts", "evaluate_gva", "evaluate_case", "exact_match",
           "naive_counts", "exact_match_table", "yearly_coded_vs_dataset", "ACLED_LEGACY_TYPES",
           "ACLED_EVENT_TYPES", "EVENT_GOLD_COLUMNS", "acled_legacy_type", "load_event_gold",
           "code_event_gold", "states_date", "actor_matches", "admin1_matches", "event_scores", "GOLD_SETS",
           "GOLD_COLUMNS", "load_gold", "code_gold", "count_scores", "accuracy_table"]

#: CASE 2021 shared-task-2 labels and the ACLED sub-event types (or
#: conflictkit's non-ACLED labels) they correspond to.
CASE_TO_SUB_EVENT = {
    "ARMED_CLASH": "Armed clash", "AIR_STRIKE": "Air/drone strike",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack", "CHEM_WEAP": "Chemical weapon",
    "SUIC_BOMB": "Suicide bomb", "REM_EXPLOS": "Remote explosive/landmine/IED", "GRENADE": "Grenade",
    "DISR_WEAP": "Disrupted weapons use", "VIOL_DEMONSTR": "Violent demonstration",
    "PEACE_PROTEST": "Peaceful protest", "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters", "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement", "HQ_ESTABLISHED": "Headquarters or base established", "ARREST": "Arrests",
    "PROPERTY_DISTRUCT": "Looting/property destruction", "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "GOV_REGAINS_TERIT": "Government regains territory", "ATTACK": "Attack", "SEX_VIOL": "Sexual violence",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
    "NATURAL_DISASTER": "Natural disaster", "MAN_MADE_DISASTER": "Man-made disaster",
    "DIPLO": "Diplomatic event", "ORG_CRIME": "Organized crime", "ATTRIB": "Attribution",
}


def report_counts(casualties):
    """Killed and injured in one report, each casualty counted once.

    Counted claims only (totals and standalone figures; parts and repeats
    are already inside them).  A claim without a number counts as one (at
    least one person).  People "shot" who are not among the killed are
    injured.

    Returns
    -------
    dict
        ``{"killed": int, "injured": int}``
    """
    counted = casualties[casualties["counted"].astype(bool)]

    def total(outcome):
        return float(counted.loc[counted["outcome"] == outcome, "count_best"].fillna(1).sum())

    killed = total("killed")
    injured = max(total("injured"), total("shot") - killed)
    return {"killed": killed, "injured": injured}


def evaluate_gva(path, limit=None):
    """Per-article killed/injured counts against the GVA gold.

    The articles are coded together (:func:`code_gold`), as a corpus.

    Returns a DataFrame: ``doc_id``, ``title``, ``gold_killed``,
    ``coded_killed``, ``naive_killed`` and the same for injured.
    """
    gold = _read_gva(path)
    coded = code_gold(gold if limit is None else gold.head(limit))
    return pd.DataFrame({
        "doc_id": coded["id"], "title": coded["text"].str.split("\n\n", n=1).str[0],
        **{f"{kind}_{outcome}": coded[f"{kind}_{outcome}"] for outcome in ("killed", "injured")
           for kind in ("gold", "coded", "naive")},
    }).reset_index(drop=True)[["doc_id", "title", "gold_killed", "coded_killed", "naive_killed", "gold_injured",
                               "coded_injured", "naive_injured"]]


def evaluate_case(path):
    """Predicted and gold sub-event types for the CASE snippets: ``id``,
    ``snippet``, ``gold``, ``predicted``, ``correct``."""
    from ..coding import classify_event_type

    d = pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype=str)
    pred = [classify_event_type(t, default=("Strategic developments", "Other"))[1] for t in d["EventSnippet"]]
    out = pd.DataFrame({"id": d["id"], "snippet": d["EventSnippet"], "gold": d["SubType"].map(CASE_TO_SUB_EVENT),
                        "predicted": pred})
    out["correct"] = out["gold"] == out["predicted"]
    return out


def exact_match(frame, outcome):
    """Share of rows whose coded count equals the gold count (rows with gold only)."""
    gold = frame[f"gold_{outcome}"]
    keep = gold.notna()
    return float((frame.loc[keep, f"coded_{outcome}"] == gold[keep]).mean()) if keep.any() else math.nan


_NAIVE_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10}


def naive_counts(text):
    """The naive baseline: sum every number written up to two words before
    "killed"/"dead" (or "injured"/"wounded")."""
    out = {}
    for outcome, word in (("killed", r"(?:killed|dead)"), ("injured", r"(?:injured|wounded)")):
        nums = re.findall(rf"\b(\d+|{'|'.join(_NAIVE_WORDS)})\s+(?:\w+\s+){{0,2}}{word}", text, re.I)
        out[outcome] = sum(int(n) if n.isdigit() else _NAIVE_WORDS[n.lower()] for n in nums)
    return out


def exact_match_table(frame):
    """Exact-match rates of conflictkit and of the naive baseline, per outcome."""
    rows = []
    for outcome in ("killed", "injured"):
        keep = frame[f"gold_{outcome}"].notna()
        f = frame[keep]
        rows.append(dict(outcome=outcome, articles=int(keep.sum()),
                         conflictkit=float((f[f"coded_{outcome}"] == f[f"gold_{outcome}"]).mean()),
                         naive_baseline=float((f[f"naive_{outcome}"] == f[f"gold_{outcome}"]).mean())))
    return pd.DataFrame(rows)


def yearly_coded_vs_dataset(coded_events, dataset_events, years=None):
    """Yearly fatalities coded from a corpus beside a dataset's yearly totals.

    Events several reports describe are one incident (:func:`conflictkit.match_events`),
    counted once with the median of the reports' figures.  Coded events with
    unknown counts are left out of the sums (and counted in ``coded_unknown``).
    Returns ``year``, ``coded_best``, ``coded_events`` (incidents),
    ``coded_unknown``, ``dataset_best``.
    """
    from .tables import match_events

    matched = match_events(coded_events)
    incidents = matched.groupby("incident_id").agg(
        date_start=("date_start", "min"), fatalities_best=("fatalities_best", lambda s: s.median(skipna=True)))
    c = incidents.assign(year=pd.to_datetime(incidents["date_start"]).dt.year)
    d = dataset_events.assign(year=pd.to_datetime(dataset_events["date_start"]).dt.year)
    out = pd.DataFrame({
        "coded_best": c.groupby("year")["fatalities_best"].sum(min_count=1),
        "coded_events": c.groupby("year").size(),
        "coded_unknown": c.groupby("year")["fatalities_best"].agg(lambda s: int(s.isna().sum())),
        "dataset_best": d.groupby("year")["fatalities_best"].sum(min_count=1),
    })
    out.index.name = "year"
    out = out.reset_index()
    if years is not None:
        out = out[out["year"].isin(list(years))]
    return out.reset_index(drop=True)


# ---------------------------------------------------------------------------
# Events against ACLED-style gold: existence, type, date, admin1, actors

#: ACLED's event types before 2019 and the event type (and, where it is
#: unambiguous, the sub-event type) they became.  "Riots/Protests" is split
#: by the actors' interaction codes: see :func:`acled_legacy_type`.
ACLED_LEGACY_TYPES = {
    "Battle-No change of territory": ("Battles", "Armed clash"),
    "Battle-Government regains territory": ("Battles", "Government regains territory"),
    "Battle-Non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "Remote violence": ("Explosions/Remote violence", ""),
    "Violence against civilians": ("Violence against civilians", ""),
    "Strategic development": ("Strategic developments", ""),
    "Non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
    "Headquarters or base established": ("Strategic developments", "Headquarters or base established"),
}

#: Columns of the gold tables :func:`load_event_gold` returns.
EVENT_GOLD_COLUMNS = ["id", "text", "country", "date", "admin1", "actor1", "actor2", "event_type",
                      "sub_event_type"]


def acled_legacy_type(event_type, inter1="", inter2=""):
    """Today's ``(event_type, sub_event_type)`` of a pre-2019 ACLED event type.

    ``inter1``/``inter2`` are ACLED's actor type codes (5 rioters, 6
    protesters): a "Riots/Protests" event with rioters on either side is a
    riot, else a protest; violence against protesters is today's
    "Excessive force against protesters", a protest, and violence by
    rioters against civilians today's "Mob violence", a riot.  The sub-event type is "" where the old type does
    not tell it.

    Examples
    --------
    >>> acled_legacy_type("Riots/Protests", "5", "1")
    ('Riots', '')
    >>> acled_legacy_type("Riots/Protests", "6", "0")
    ('Protests', 'Peaceful protest')
    >>> acled_legacy_type("Violence against civilians", "1", "6")
    ('Protests', 'Excessive force against protesters')
    >>> acled_legacy_type("Battle-Government regains territory")
    ('Battles', 'Government regains territory')
    """
    if event_type == "Riots/Protests":
        codes = {str(inter1), str(inter2)}
        if "5" in codes:
            return "Riots", "Violent demonstration" if codes <= {"5", "0", ""} else ""
        return "Protests", "Peaceful protest" if codes <= {"6", "0", ""} else ""
    if event_type == "Violence against civilians" and str(inter2) == "6":
        return "Protests", "Excessive force against protesters"
    if event_type == "Violence against civilians" and str(inter1) == "5":
        return "Riots", "Mob violence"
    if event_type not in ACLED_LEGACY_TYPES:
        raise ValueError(f"unknown ACLED event type {event_type!r}")
    return ACLED_LEGACY_TYPES[event_type]


def load_event_gold(path):
    """An event gold file as one table (columns :data:`EVENT_GOLD_COLUMNS`).

    Reads ACLED's pre-2019 export (``EVENT_TYPE``, ``NOTES``, dd/mm/yyyy
    dates), the ACLED Syria battles file (``notes``, "02 June 2023") or the
    CASE 2021 snippets (``EventSnippet``, ``SubType``; no date, place or
    actors).  Missing values are "" (dates: NaT).
    """
    path = str(path)
    sep = "\t" if path.endswith(".tsv") else ","
    d = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE if sep == "\t" else 0)
    if "EventSnippet" in d:
        sub = d["SubType"].map(CASE_TO_SUB_EVENT)
        return _gold_frame(id=d["id"], text=d["EventSnippet"], sub_event_type=sub,
                           event_type=sub.map(_sub_to_type()).fillna(""))
    if "EVENT_TYPE" in d:
        types = [acled_legacy_type(t, a, b) for t, a, b in zip(d["EVENT_TYPE"], d["INTER1"], d["INTER2"])]
        return _gold_frame(id=d["EVENT_ID_CNTY"], text=d["NOTES"], country=d["COUNTRY"],
                           date=pd.to_datetime(d["EVENT_DATE"], format="%d/%m/%Y"), admin1=d["ADMIN1"],
                           actor1=d["ACTOR1"], actor2=d["ACTOR2"], event_type=[t for t, _ in types],
                           sub_event_type=[s for _, s in types])
    if "sub_event_type" in d and "notes" in d:
        return _gold_frame(id=d["event_id_cnty"], text=d["notes"], country="Syria",
                           date=pd.to_datetime(d["event_date"], format="%d %B %Y"), admin1=d["admin1"],
                           actor1=d["actor1"], actor2=d["actor2"], event_type="Battles",
                           sub_event_type=d["sub_event_type"])
    raise ValueError(f"{path}: not an ACLED export, ACLED Syria battles file or CASE 2021 file")


def _gold_frame(**columns):
    n = len(next(v for v in columns.values() if not isinstance(v, str)))
    out = pd.DataFrame({c: columns.get(c, "") for c in EVENT_GOLD_COLUMNS}, index=range(n))
    for c, v in columns.items():
        out[c] = v if isinstance(v, str) else list(v)
    if "date" not in columns:
        out["date"] = pd.NaT
    out["date"] = pd.to_datetime(out["date"])
    return out


def _sub_to_type():
    from ..coding import event_types

    return event_types.EVENT_TYPES


def code_event_gold(gold, *, with_published=False, lexicon=None):
    """Code each gold text as a report; the gold beside its first coded event.

    Each text is one report with no publication date, or, with
    ``with_published``, with the gold date as its publication date.  Adds
    ``n_events`` and ``coded_`` + event_type, sub_event_type, date (the
    first event's ``date_start``), date_iso, admin1, admin1_name, country,
    actor1, actor2 ("" or NaT when no event).  ``seconds`` in ``attrs``.
    """
    import time

    from ..coding import code_reports
    from ..io.reports import report_from_text

    reports = [report_from_text(t, id=str(i), find_header=False,
                                published=(d.date() if with_published and pd.notna(d) else None))
               for i, t, d in zip(gold["id"], gold["text"], gold["date"])]
    t0 = time.perf_counter()
    coding = code_reports(reports, lexicon=lexicon, progress=False)
    seconds = time.perf_counter() - t0
    first = coding.events.drop_duplicates("report_id").set_index("report_id")
    ids = gold["id"].astype(str)
    out = gold.copy()
    out["n_events"] = ids.map(coding.events["report_id"].value_counts()).fillna(0).astype(int).to_numpy()
    for col in ("event_type", "sub_event_type", "admin1", "admin1_name", "country", "actor1", "actor2"):
        out[f"coded_{col}"] = ids.map(first[col]).fillna("").to_numpy()
    out["coded_date"] = pd.to_datetime(ids.map(first["date_start"])).to_numpy()
    out["coded_date_iso"] = ids.map(first["date_iso"]).fillna("").to_numpy()
    out.attrs["seconds"] = seconds
    return out


#: ACLED's six event types (the rest of the rule table is outside ACLED).
ACLED_EVENT_TYPES = ("Battles", "Protests", "Riots", "Explosions/Remote violence",
                     "Violence against civilians", "Strategic developments")

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]


def states_date(text, day):
    """Does ``text`` write the day and month of ``day`` ("5 January",
    "January 5th", "5th of Jan.", "on 05/01" day first)?

    Examples
    --------
    >>> states_date("On 2 June 2023, clashes took place", pd.Timestamp("2023-06-02"))
    True
    >>> states_date("On June 12, clashes took place", pd.Timestamp("2023-06-02"))
    False
    >>> states_date("Gunmen attacked a bus on 02/06.", pd.Timestamp("2023-06-02"))
    True
    """
    if pd.isna(day):
        return False
    month = _MONTHS[day.month - 1]
    m = rf"(?:{month}|{month[:3]}\.?)"
    d = rf"0?{day.day}(?:st|nd|rd|th)?"
    figures = rf"0?{day.day}/0?{day.month}(?:/\d{{4}})?(?![/\d])"
    return re.search(rf"\b(?:{d}\s+(?:of\s+)?{m}|{m}\s+{d}|{figures})\b", text, re.I) is not None


def _same_day_and_month(coded_date, coded_iso, day):
    """Is the coded date, or the day and month of unknown year the coder gave
    ("--03-12"), the day and month of ``day``?"""
    if pd.isna(day):
        return False
    if pd.notna(coded_date):
        return (coded_date.month, coded_date.day) == (day.month, day.day)
    return coded_iso == f"--{day.month:02d}-{day.day:02d}"


def _actor_key(name):
    """An actor name without ACLED's acronym prefix, regime years, country
    and division ("QSD: Syrian Democratic Forces" -> "syrian democratic forces")."""
    name = re.sub(r"^[A-Za-z/\-]{1,15}: ", "", str(name)).split("(")[0]
    return " ".join(re.sub(r"[^\w]+", " ", name.lower()).replace(" the ", " ").split())


def actor_matches(coded, gold, relaxed=False):
    """Is the coded actor the gold one?  Exact: the same ACLED name (both
    empty counts).  Relaxed: the same after :func:`_actor_key`.

    Examples
    --------
    >>> actor_matches("Military Forces of Syria (2000-)", "Military Forces of Syria (2000-) Military Intelligence")
    False
    >>> actor_matches("Military Forces of Syria", "Military Forces of Syria (2000-) Military Intelligence", relaxed=True)
    True
    >>> actor_matches("Al-Shabaab", "Al Shabaab", relaxed=True)
    True
    """
    if not relaxed:
        return str(coded) == str(gold)
    return _actor_key(coded) == _actor_key(gold)


def admin1_matches(coded_code, coded_name, gold_name, country=""):
    """Is the coded admin1 the gold one, written ACLED's way (a name)?

    True when the coded name is the gold name up to spelling (RapidFuzz
    ratio of the folded names ≥ 80: "Idlib"/"Idleb") or the coded ISO 3166-2
    code is the subdivision of ``country`` whose name is nearest the gold
    name, or the code a data set's loader gives the gold name
    (:func:`conflictkit.io.datasets.admin1_code`: "Rural Damascus" is SY-RD,
    "Cairo" EG-C, "Extreme-Nord" CM-EN), or one of the units today inside
    a unit of ACLED's older exports (:func:`conflictkit.io.gazetteer.acled_admin1`:
    North Darfur is in "Darfur").

    Examples
    --------
    >>> admin1_matches("SD-DN", "North Darfur", "Darfur", "Sudan"), admin1_matches("SD-KS", "", "Darfur", "Sudan")
    (True, False)
    """
    from rapidfuzz import fuzz

    if not gold_name:
        return False
    if coded_name and fuzz.ratio(_place_key(coded_name), _place_key(gold_name)) >= 80:
        return True
    return bool(coded_code) and (coded_code in (_subdivision_code(gold_name, country), _gazetteer_code(gold_name, country))
                                 or coded_code in _acled_units(gold_name, country))


@lru_cache(maxsize=4096)
def _acled_units(name, country):
    from ..io.gazetteer import acled_admin1, country_code

    return acled_admin1(country if len(country) == 2 and country.isupper() else country_code(country), name)


@lru_cache(maxsize=4096)
def _gazetteer_code(name, country):
    from ..io.datasets import admin1_code

    return admin1_code([name], [country])[0].iloc[0]


def _place_key(name):
    import unicodedata

    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded).split())


@lru_cache(maxsize=4096)
def _subdivision_code(name, country):
    import pycountry
    from rapidfuzz import fuzz, process

    try:
        cc = pycountry.countries.lookup(country).alpha_2
    except LookupError:
        try:
            cc = pycountry.countries.search_fuzzy(country)[0].alpha_2
        except LookupError:
            return ""
    subs = {s.code: _place_key(s.name) for s in pycountry.subdivisions.get(country_code=cc) or ()}
    best = process.extractOne(_place_key(name), subs, scorer=fuzz.ratio, score_cutoff=80)
    return best[2] if best else ""


def event_scores(coded):
    """The event benchmark's figures for one coded gold table
    (:func:`code_event_gold`): a DataFrame ``metric``, ``value``, ``n``
    (the rows the figure is over).  A row with no coded event counts as
    wrong in every accuracy."""
    acled = coded["event_type"].isin(ACLED_EVENT_TYPES)
    dated = coded["date"].notna()
    stated = dated & pd.Series([states_date(t, d) for t, d in zip(coded["text"], coded["date"])],
                               index=coded.index)
    placed = coded["admin1"] != ""
    with_actors = coded["actor1"] != ""
    date_ok = coded["coded_date"] == coded["date"]
    iso = coded["coded_date_iso"] if "coded_date_iso" in coded else pd.Series("", index=coded.index)
    day_ok = pd.Series([_same_day_and_month(c, i, d) for c, i, d in zip(coded["coded_date"], iso, coded["date"])],
                       index=coded.index)
    admin1_ok = pd.Series([admin1_matches(c, n, g, k) for c, n, g, k in zip(
        coded["coded_admin1"], coded["coded_admin1_name"], coded["admin1"], coded["country"])], index=coded.index)
    rows = [
        ("reports with an ACLED event that yield >=1 event", coded["n_events"] > 0, acled),
        ("reports without an ACLED event that yield >=1 event", coded["n_events"] > 0, ~acled),
        ("event type", coded["coded_event_type"] == coded["event_type"], acled),
        ("sub-event type", coded["coded_sub_event_type"] == coded["sub_event_type"],
         acled & (coded["sub_event_type"] != "")),
        ("date", date_ok, dated),
        ("date, where the text states it", date_ok, stated),
        ("day and month, where the text states them", day_ok, stated),
        ("admin1", admin1_ok, placed),
    ]
    for actor in ("actor1", "actor2"):
        for relaxed in (False, True):
            ok = [actor_matches(c, g, relaxed) for c, g in zip(coded[f"coded_{actor}"], coded[actor])]
            rows.append((f"{actor} ({'relaxed' if relaxed else 'exact ACLED name'})",
                         pd.Series(ok, index=coded.index), with_actors))
    out = [dict(metric=m, value=float(ok[keep].mean()) if keep.any() else math.nan, n=int(keep.sum()))
           for m, ok, keep in rows]
    seconds = coded.attrs.get("seconds")
    if seconds:
        out.append(dict(metric="speed (reports/s, coding only)", value=len(coded) / seconds, n=len(coded)))
    return pd.DataFrame(out)


# ---------------------------------------------------------------------------
# casualty counts on every dev set

#: The count gold sets: name -> (file under the data folder, the convention
#: the gold follows: ``acled`` compares ``fatalities_acled``, ``text`` the
#: text's own best reading, outcomes scored).
GOLD_SETS = {
    "gva": ("gold/gva-articles-dev.jsonl", "text", ("killed", "injured")),
    "acled-syria": ("gold/acled-syria-battles-dev.tsv", "acled", ("killed",)),
    "wad": ("gold/wad-atrocities-2016-2020-dev.csv", "text", ("killed", "injured")),
    "acled-africa": ("gold/acled-africa-2016-dev.csv", "acled", ("killed",)),
    "ucdp-headlines": ("ucdp/ged_syria_652.1601.1911.csv", "text", ("killed",)),
}

#: Columns of :func:`load_gold`: ``headed`` is True when the text's first
#: line is a headline; ``gold_low``/``gold_high`` bound the killed figure
#: (UCDP), otherwise equal ``gold_killed``; ``gold_injured`` is NaN when not
#: reported (WAD's blank) or not in the gold.
GOLD_COLUMNS = ["id", "text", "headed", "published", "gold_killed", "gold_low", "gold_high", "gold_injured"]


def _count_frame(ids, text, headed, published, killed, injured=math.nan, low=None, high=None):
    killed = pd.to_numeric(pd.Series(killed), errors="coerce").astype("float64").reset_index(drop=True)
    n = len(killed)

    def col(x):
        return pd.Series([x] * n, dtype="float64") if not hasattr(x, "__len__") else \
            pd.to_numeric(pd.Series(x), errors="coerce").astype("float64").reset_index(drop=True)

    return pd.DataFrame({
        "id": pd.Series(ids).astype(str).reset_index(drop=True),
        "text": pd.Series(text).fillna("").astype(str).reset_index(drop=True),
        "headed": headed,
        "published": pd.to_datetime(pd.Series(published).reset_index(drop=True), errors="coerce").dt.date,
        "gold_killed": killed,
        "gold_low": killed if low is None else col(low),
        "gold_high": killed if high is None else col(high),
        "gold_injured": col(injured),
    }, columns=GOLD_COLUMNS)


def _read_gva(path):
    d = pd.read_json(path, lines=True, dtype={"doc_id": str})
    return _count_frame(d["doc_id"], d["title"] + "\n\n" + d["content"], True, d["dct"],
                       d["gold_num_killed"], d["gold_num_injured"])


def _read_acled_syria(path):
    d = pd.read_csv(path, sep="\t", dtype={"notes": str}, quoting=csv.QUOTE_NONE)
    return _count_frame(d["event_id_cnty"], d["notes"], False, pd.to_datetime(d["event_date"], format="%d %B %Y"),
                       d["fatalities"])


def _read_wad(path):
    d = pd.read_csv(path, dtype={"Description": str})
    part = {k: pd.to_numeric(d[f"Start {k.title()}"], errors="coerce") for k in ("year", "month", "day")}
    part["day"] = part["day"].where(part["day"].between(1, 31), 1)
    part["month"] = part["month"].where(part["month"].between(1, 12), 1)
    published = pd.to_datetime(part, errors="coerce")
    return _count_frame(d["row_id"], d["Description"], False, published, d["deaths_int"], d["injured_int"])


def _read_acled_africa(path):
    d = pd.read_csv(path, dtype={"NOTES": str})
    return _count_frame(d["EVENT_ID_CNTY"], d["NOTES"], False,
                       pd.to_datetime(d["EVENT_DATE"], format="%d/%m/%Y", errors="coerce"), d["FATALITIES"])


def _read_ucdp(path):
    """GED's events with their sources' headlines, one line each: GED joins the
    headlines of an event's sources with ";" (no space after it, as in
    ``source_article``), a ";" within a headline has one."""
    d = pd.read_csv(path, dtype={"source_headline": str, "source_date": str}, low_memory=False)
    published = d["source_date"].fillna("").str.split(";").str[0].str.strip()
    headlines = d["source_headline"].fillna("").str.replace(r";(?=\S)", "\n", regex=True)
    return _count_frame(d["id"], headlines, True, published, d["best"], low=d["low"], high=d["high"])


_READERS = {"gva": _read_gva, "acled-syria": _read_acled_syria, "wad": _read_wad,
            "acled-africa": _read_acled_africa, "ucdp-headlines": _read_ucdp}


def load_gold(name, data_dir):
    """One count gold set in one shape (columns :data:`GOLD_COLUMNS`).

    Parameters
    ----------
    name : str
        A key of :data:`GOLD_SETS`.
    data_dir : str or pathlib.Path
        The shared data folder (``../shared/data``).

    Examples
    --------
    >>> gold = load_gold("acled-syria", "../shared/data")  # doctest: +SKIP
    >>> list(gold.columns) == GOLD_COLUMNS  # doctest: +SKIP
    True
    """
    if name not in GOLD_SETS:
        raise ValueError(f"unknown gold set {name!r}: one of {', '.join(GOLD_SETS)}")
    return _READERS[name](Path(data_dir) / GOLD_SETS[name][0])


def _report_totals(casualties, events):
    """Per report: killed and injured as :func:`report_counts` reads them,
    and the sum of the events' ``fatalities_acled``."""
    c = casualties[casualties["counted"].astype(bool)]
    best = c["count_best"].fillna(1)
    by = {k: best[c["outcome"] == k].groupby(c.loc[c["outcome"] == k, "report_id"]).sum()
          for k in ("killed", "injured", "shot")}
    acled = events.groupby("report_id")["fatalities_acled"].sum()
    out = pd.DataFrame(by).reindex(columns=["killed", "injured", "shot"])
    out = out.reindex(out.index.union(acled.index)).fillna(0.0)
    out["injured"] = out["injured"].where(out["injured"] >= out["shot"] - out["killed"],
                                          out["shot"] - out["killed"])
    out["acled"] = acled
    return out.fillna(0.0)


def code_gold(gold, lexicon=None, shared_notes=False):
    """Code every text of a gold frame (:func:`load_gold`) at once.

    Returns the frame with ``coded_killed`` and ``coded_injured`` (the text's
    best reading, :func:`report_counts`), ``coded_acled`` (the sum of the
    events' ``fatalities_acled``) and the naive baseline's ``naive_killed``
    and ``naive_injured``.  With ``shared_notes`` (ACLED's rows), rows of
    one note copied onto several events share the deaths it states
    (:func:`conflictkit.coding.conventions.split_shared_notes`).

    Examples
    --------
    >>> gold = pd.DataFrame({"id": ["a"], "text": ["Seven soldiers were killed, three civilians wounded."],
    ...                      "headed": [False], "published": [None]})
    >>> code_gold(gold)[["coded_killed", "coded_injured", "naive_killed"]].values.tolist()
    [[7.0, 3.0, 7.0]]
    """
    from ..coding import code_reports
    from ..io.reports import report_from_text

    ids = [f"{n}:{i}" for n, i in enumerate(gold["id"])]
    reports = [report_from_text(t, id=i, published=p, find_header=bool(h))
               for i, t, p, h in zip(ids, gold["text"], gold["published"].where(gold["published"].notna(), None),
                                     gold["headed"])]
    coding = code_reports(reports, lexicon=lexicon, progress=False)
    totals = _report_totals(coding.casualties, coding.events).reindex(ids).fillna(0.0)
    naive = [naive_counts(t) for t in gold["text"]]
    acled = pd.Series(totals["acled"].to_numpy(), index=gold.index)
    if shared_notes:
        from ..coding.conventions import split_shared_notes

        stated = pd.Series(totals["acled"].to_numpy() == totals["killed"].to_numpy(), index=gold.index)
        acled = split_shared_notes(acled, gold["text"], stated)
    return gold.assign(coded_killed=totals["killed"].to_numpy(), coded_injured=totals["injured"].to_numpy(),
                       coded_acled=acled.to_numpy(), naive_killed=[b["killed"] for b in naive],
                       naive_injured=[b["injured"] for b in naive])


def count_scores(gold, coded, outcome="killed"):
    """Exact match of one coded column against the gold of ``outcome``.

    Rows with no gold figure are left out.  ``within`` is the share of
    counts inside the gold's low–high range (equal to ``exact`` when the
    gold has no range).

    Returns
    -------
    dict
        ``rows``, ``exact``, ``nonzero_rows``, ``exact_nonzero``, ``within``,
        ``coded_sum``, ``gold_sum``, ``sum_ratio`` (coded sum / gold sum).

    Examples
    --------
    >>> f = pd.DataFrame({"gold_killed": [0, 3, 5, None], "coded_killed": [0, 3, 4, 9]})
    >>> s = count_scores(f, f["coded_killed"])
    >>> s["exact"], s["exact_nonzero"], s["sum_ratio"]
    (0.6666666666666666, 0.5, 0.875)
    """
    g = gold[f"gold_{outcome}"]
    keep = g.notna()
    g, c = g[keep].astype(float), pd.Series(coded)[keep].astype(float)
    if outcome == "killed" and "gold_low" in gold:
        low, high = gold.loc[keep, "gold_low"].fillna(g), gold.loc[keep, "gold_high"].fillna(g)
    else:
        low = high = g
    nz = g != 0
    return dict(rows=int(keep.sum()), exact=float((c == g).mean()) if len(g) else math.nan,
                nonzero_rows=int(nz.sum()), exact_nonzero=float((c[nz] == g[nz]).mean()) if nz.any() else math.nan,
                within=float(((c >= low) & (c <= high)).mean()) if len(g) else math.nan,
                coded_sum=float(c.sum()), gold_sum=float(g.sum()),
                sum_ratio=float(c.sum() / g.sum()) if g.sum() else math.nan)


def accuracy_table(data_dir, sets=None, lexicon=None):
    """Coder and naive baseline on every count gold set: one row per set
    and outcome with :func:`count_scores` of both (``naive_`` prefixed).

    ACLED sets compare the gold with the coder's ``fatalities_acled``
    (ACLED's conventions, a note copied onto several events shared out
    between them), the others with the text's best reading.
    """
    rows = []
    for name in sets or GOLD_SETS:
        _, convention, outcomes = GOLD_SETS[name]
        coded = code_gold(load_gold(name, data_dir), lexicon=lexicon, shared_notes=convention == "acled")
        for outcome in outcomes:
            column = "coded_acled" if convention == "acled" and outcome == "killed" else f"coded_{outcome}"
            mine = count_scores(coded, coded[column], outcome)
            naive = count_scores(coded, coded[f"naive_{outcome}"], outcome)
            rows.append(dict(set=name, outcome=outcome, compared="acled" if column == "coded_acled" else "best", **mine,
                             **{f"naive_{k}": v for k, v in naive.items() if k not in ("rows", "nonzero_rows",
                                                                                        "gold_sum")}))
    return pd.DataFrame(rows)
