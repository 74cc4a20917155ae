"""Measuring the coder against gold data (GVA counts, CASE event types).

Used by ``benchmarks/coder_accuracy.py`` and the validation notebook.
"""

import csv
import json
import math
import re

import pandas as pd

__all__ = ["CASE_TO_SUB_EVENT", "report_counts", "evaluate_gva", "evaluate_case", "exact_match",
           "naive_counts", "exact_match_table", "yearly_coded_vs_dataset"]

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

    Returns a DataFrame: ``doc_id``, ``title``, ``gold_killed``,
    ``coded_killed``, ``naive_killed`` and the same for injured.
    """
    from .coding import code_report
    from .reports import report_from_text

    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            r = json.loads(line)
            report = report_from_text(r["title"] + "\n\n" + r["content"], id=r["doc_id"], published=r["dct"])
            got = report_counts(code_report(report).casualties)
            base = naive_counts(r["title"] + "\n" + r["content"])
            rows.append(dict(doc_id=r["doc_id"], title=r["title"], gold_killed=r["gold_num_killed"],
                             coded_killed=got["killed"], naive_killed=base["killed"],
                             gold_injured=r["gold_num_injured"], coded_injured=got["injured"],
                             naive_injured=base["injured"]))
    return pd.DataFrame(rows)


def evaluate_case(path):
    """Predicted and gold sub-event types for the CASE snippets: ``id``,
    ``snippet``, ``gold``, ``predicted``, ``correct``."""
    from .coding import classify_event_type

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
