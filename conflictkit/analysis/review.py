"""Human review of the machine's coding, and inter-coder agreement.

A reviewer walks through the coded claims and accepts, corrects or rejects
each.  Every decision is appended at once to a review log (CSV: ``item``,
``field``, ``old``, ``new``, ``coder``, ``time``) and flushed to disk, so
nothing is lost if the kernel dies; the machine's coding is never
overwritten.  :func:`apply_review` gives the reviewed coding.

:func:`agreement` compares two codings (two coders, or a coder and the
machine) field by field with Krippendorff's alpha and Cohen's kappa from
``nltk.metrics.agreement``, the exact-match rate of counts, and span
overlap of annotations.
"""

import csv
import math
import os
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from ..codebook import COUNTED_ROLES, Role
from ..coding.coder import Coding
from ..errors import InputError

__all__ = ["ReviewLog", "apply_review", "review_widget", "agreement", "match_claims", "read_review_log",
           "coding_from_annotations", "REVIEW_FIELDS", "LOG_COLUMNS"]

LOG_COLUMNS = ["item", "field", "old", "new", "coder", "time"]
#: Claim fields a reviewer may correct, and the casualty columns they set.
REVIEW_FIELDS = {
    "count": ["count_low", "count_best", "count_high"], "outcome": ["outcome"], "actor": ["victim_actor"],
    "side": ["victim_side"], "role": ["role"], "place": ["admin1"], "date": ["date_start", "date_end"],
    "decision": [],
}


class ReviewLog:
    """An append-only review log on disk.

    Parameters
    ----------
    path : path
        The CSV file (created with a header if missing).
    coder : str
        Who decides.
    clock : callable, optional
        Returns the time of a decision (for reproducible tests).
    """

    def __init__(self, path, coder, clock=None):
        self.path = Path(path)
        self.coder = coder
        self.clock = clock or (lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
        if not self.path.exists() or self.path.stat().st_size == 0:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("w", newline="", encoding="utf-8") as f:
                csv.writer(f).writerow(LOG_COLUMNS)

    def _append(self, item, field, old, new):
        with self.path.open("a", newline="", encoding="utf-8") as f:
            csv.writer(f).writerow([item, field, "" if old is None else old, "" if new is None else new,
                                    self.coder, self.clock()])
            f.flush()
            os.fsync(f.fileno())  # the decision is on disk before the next one is asked

    def accept(self, item):
        self._append(item, "decision", "", "accept")

    def reject(self, item):
        self._append(item, "decision", "", "reject")

    def correct(self, item, field, old, new):
        if field not in REVIEW_FIELDS or field == "decision":
            raise InputError(field, f"not a reviewable field (one of {', '.join(f for f in REVIEW_FIELDS if f != 'decision')})")
        self._append(item, field, old, new)

    def read(self):
        return read_review_log(self.path)


def read_review_log(path):
    """The review log as a DataFrame (columns :data:`LOG_COLUMNS`)."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such review log")
    log = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in LOG_COLUMNS if c not in log.columns]
    if missing:
        raise InputError(path, f"not a review log: missing columns {', '.join(missing)}")
    return log


def apply_review(coding, log):
    """The coding with the review log's decisions applied.

    The last decision per (claim, field) wins.  A rejected claim gets role
    ``rejected`` and is not counted; a corrected count sets low = best =
    high to the new figure; other corrections set their column.  The
    input coding is not modified.

    Parameters
    ----------
    coding : Coding
    log : path or DataFrame

    Returns
    -------
    Coding
    """
    log = read_review_log(log) if not isinstance(log, pd.DataFrame) else log
    cas = coding.casualties.copy()
    cas["reviewed"] = False
    index = {cid: i for i, cid in zip(cas.index, cas["claim_id"])}
    last = log.drop_duplicates(["item", "field"], keep="last")
    for rec in last.itertuples():
        if rec.item not in index:
            continue
        i = index[rec.item]
        cas.at[i, "reviewed"] = True
        if rec.field == "decision":
            if rec.new == "reject":
                cas.at[i, "role"] = "rejected"
                cas.at[i, "counted"] = False
        elif rec.field == "count":
            value = float(rec.new) if rec.new not in ("", "unknown") else math.nan
            for col in REVIEW_FIELDS["count"]:
                cas.at[i, col] = value
        elif rec.field == "date":
            start, _, end = rec.new.partition("/")
            cas.at[i, "date_start"] = pd.Timestamp(start).date()
            cas.at[i, "date_end"] = pd.Timestamp(end or start).date()
        else:
            for col in REVIEW_FIELDS[rec.field]:
                cas.at[i, col] = rec.new
            if rec.field == "role":
                cas.at[i, "counted"] = rec.new in COUNTED_ROLES
    return Coding(coding.annotations, cas, coding.events, coding.rejects, coding.reports)


def review_widget(coding, log_path, coder, *, items=None):
    """An ipywidgets reviewer: one claim at a time, its sentence highlighted,
    with Accept, Reject and Correct (count, actor, side, place, date, role).

    Every click appends to the review log at ``log_path`` immediately.
    Returns the widget (display it in JupyterLab).
    """
    import html

    import ipywidgets as w

    log = ReviewLog(log_path, coder)
    cas = coding.casualties
    items = list(items if items is not None else cas["claim_id"])
    state = {"i": 0}
    view = w.HTML()
    field = w.Dropdown(options=[f for f in REVIEW_FIELDS if f != "decision"], description="field")
    new = w.Text(description="new value")
    status = w.HTML()

    def show():
        if state["i"] >= len(items):
            view.value = "<b>All claims reviewed.</b>"
            return
        row = cas[cas["claim_id"] == items[state["i"]]].iloc[0]
        report = coding.reports.get(row["report_id"])
        sentence = ""
        if report is not None:
            s, e = next(((a, b) for a, b in report.sentences if a <= row["start"] < b), (row["start"], row["end"]))
            t = report.text
            sentence = (html.escape(t[s:row["start"]]) + "<mark>" + html.escape(t[row["start"]:row["end"]])
                        + "</mark>" + html.escape(t[row["end"]:e]))
        view.value = (f"<p><b>{state['i'] + 1}/{len(items)}</b> {row['claim_id']}: {row['outcome']} "
                      f"{row['count_best']} ({row['role']}), victims: {html.escape(str(row['victim']))} "
                      f"[{row['victim_side']}]</p><blockquote>{sentence}</blockquote>")

    def step(_=None):
        state["i"] += 1
        show()

    def on_accept(_):
        log.accept(items[state["i"]])
        status.value = "accepted"
        step()

    def on_reject(_):
        log.reject(items[state["i"]])
        status.value = "rejected"
        step()

    def on_correct(_):
        row = cas[cas["claim_id"] == items[state["i"]]].iloc[0]
        old = row[REVIEW_FIELDS[field.value][0]] if REVIEW_FIELDS[field.value] else ""
        log.correct(items[state["i"]], field.value, old, new.value)
        status.value = f"corrected {field.value}: {old} → {new.value}"

    buttons = [w.Button(description=d) for d in ("Accept", "Reject", "Correct", "Skip")]
    for b, fn in zip(buttons, (on_accept, on_reject, on_correct, step)):
        b.on_click(fn)
    show()
    return w.VBox([view, w.HBox(buttons[:2] + [buttons[3]]), w.HBox([field, new, buttons[2]]), status])


# ---------------------------------------------------------------------------
# agreement


def match_claims(a, b):
    """Pairs of claims of two codings of the same reports, matched by overlapping spans.

    Returns a DataFrame with ``claim_a``, ``claim_b`` and, for each field,
    ``<field>_a`` and ``<field>_b``; claims without a partner have an empty id.
    """
    fields = ["outcome", "count_best", "victim_side", "role"]
    rows, used = [], set()
    cb = b.casualties
    for ra in a.casualties.itertuples():
        cands = cb[(cb["report_id"] == ra.report_id) & (cb["start"] < ra.end) & (ra.start < cb["end"])
                   & (cb["outcome"] == ra.outcome)]
        cands = cands[~cands["claim_id"].isin(used)]
        if len(cands):
            rb = cands.assign(ov=(cands["end"].clip(upper=ra.end) - cands["start"].clip(lower=ra.start))) \
                .sort_values("ov", ascending=False).iloc[0]
            used.add(rb["claim_id"])
            rows.append(dict(claim_a=ra.claim_id, claim_b=rb["claim_id"],
                             **{f"{f}_a": getattr(ra, f) for f in fields}, **{f"{f}_b": rb[f] for f in fields}))
        else:
            rows.append(dict(claim_a=ra.claim_id, claim_b="", **{f"{f}_a": getattr(ra, f) for f in fields},
                             **{f"{f}_b": None for f in fields}))
    for rb in cb[~cb["claim_id"].isin(used)].itertuples():
        rows.append(dict(claim_a="", claim_b=rb.claim_id, **{f"{f}_a": None for f in fields},
                         **{f"{f}_b": getattr(rb, f) for f in fields}))
    return pd.DataFrame(rows)


def _label(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "(none)"
    return f"{v:g}" if isinstance(v, float) else str(v)


def agreement(coding_a, coding_b, *, names=("a", "b"), fields=("outcome", "count_best", "victim_side", "role")):
    """Agreement between two codings, field by field.

    Claims are matched by overlapping spans of the same outcome
    (:func:`match_claims`); a claim one coder has and the other lacks counts
    as a disagreement ("(none)").  For each field: Krippendorff's alpha and
    Cohen's kappa (``nltk.metrics.agreement.AnnotationTask``, nominal
    distance) and the share of exact matches; for annotation spans, the
    share of spans both coders marked with the same label (Jaccard).

    Returns
    -------
    (DataFrame, DataFrame)
        The scores (``field``, ``items``, ``exact``, ``alpha``, ``kappa``)
        and the disagreements to discuss (one row per claim pair and field).
    """
    from nltk.metrics.agreement import AnnotationTask

    pairs = match_claims(coding_a, coding_b)
    scores, disagreements = [], []
    for f in fields:
        data = []
        for k, p in enumerate(pairs.itertuples()):
            item = f"{p.claim_a or p.claim_b}"
            va, vb = _label(getattr(p, f"{f}_a")), _label(getattr(p, f"{f}_b"))
            data += [(names[0], item, va), (names[1], item, vb)]
            if va != vb:
                disagreements.append(dict(field=f, claim_a=p.claim_a, claim_b=p.claim_b, **{names[0]: va, names[1]: vb}))
        task = AnnotationTask(data=data)
        exact = sum(_label(getattr(p, f"{f}_a")) == _label(getattr(p, f"{f}_b")) for p in pairs.itertuples())
        try:
            alpha, kappa = task.alpha(), task.kappa()
        except ZeroDivisionError:  # every item has the same value: agreement is perfect and chance is 1
            alpha = kappa = 1.0
        scores.append(dict(field=f, items=len(pairs), exact=exact / len(pairs) if len(pairs) else math.nan,
                           alpha=alpha, kappa=kappa))
    scores.append(dict(field="annotation spans", items=None, exact=_span_overlap(coding_a, coding_b),
                       alpha=math.nan, kappa=math.nan))
    return pd.DataFrame(scores), pd.DataFrame(disagreements)


def _span_overlap(a, b):
    """Jaccard overlap of (report, label, start, end) annotation spans."""
    key = ["report_id", "label", "start", "end"]
    sa = set(map(tuple, a.annotations[key].astype(str).values))
    sb = set(map(tuple, b.annotations[key].astype(str).values))
    return len(sa & sb) / len(sa | sb) if sa | sb else math.nan


def coding_from_annotations(annotations, reports=None):
    """A :class:`Coding` from a human coder's annotations (e.g. from :func:`from_brat`).

    Casualty annotations carry their coding in the value, either as
    ``outcome=killed; count=13; side=IS; role=part`` or in conflictkit's own
    export form (``killed at least 28 (low 28, high open)``).  Other labels
    become annotations only.
    """
    import re

    from ..coding.coder import CASUALTY_COLUMNS, _frames

    cas = []
    for r in annotations[annotations["label"] == "casualty"].itertuples():
        value = str(r.value or "")
        fields = dict(kv.strip().split("=", 1) for kv in value.split(";") if "=" in kv)
        if not fields:
            m = re.match(r"(\w+)\s+(?:.*?)([\d.]+|\(number not reported\))", value)
            if m:
                fields = {"outcome": m.group(1), "count": m.group(2) if m.group(2)[0].isdigit() else ""}
        count = float(fields["count"]) if fields.get("count") not in (None, "", "unknown") else math.nan
        role = fields.get("role", Role.STANDALONE.value)
        cas.append(dict(report_id=r.report_id, claim_id=f"{r.report_id}:{r.annotation_id}", event_id="",
                        outcome=fields.get("outcome", ""), count_low=count, count_best=count, count_high=count,
                        count_acled=count, qualifier="", victim="", victim_actor=fields.get("actor", ""),
                        victim_side=fields.get("side", ""), victim_category="unknown", role=role, total_id="",
                        repeat_id="", part_kind="", counted=role in COUNTED_ROLES, source="", relay="",
                        admin1=fields.get("place", ""), location="", date_start=None, date_end=None,
                        start=int(r.start), end=int(r.end), text=r.text, sentence=-1, pattern="human"))
    ann = [dict(report_id=r.report_id, annotation_id=r.annotation_id, label=r.label, start=int(r.start),
                end=int(r.end), text=r.text, value=r.value, detail="", sentence=-1)
           for r in annotations.itertuples()]
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _frames(ann, [{k: c.get(k) for k in CASUALTY_COLUMNS} for c in cas], [], [],
                       {r.id: r for r in (reports or [])})
