"""Measuring the coder against gold data (GVA counts, CASE event types).

Used by ``benchmarks/coder_accuracy.py`` and the validation notebook.
"""

import csv
import json
import math

import pandas as pd

__all__ = ["CASE_TO_SUB_EVENT", "report_counts", "evaluate_gva", "evaluate_case", "exact_match"]

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
    ``coded_killed``, ``gold_injured``, ``coded_injured``.
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
            rows.append(dict(doc_id=r["doc_id"], title=r["title"], gold_killed=r["gold_num_killed"],
                             coded_killed=got["killed"], gold_injured=r["gold_num_injured"],
                             coded_injured=got["injured"]))
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
