"""Casualty tables: who lost how many, where, when, according to whom.

Every table counts each casualty once.  A total and its parts are never
added together: a total is broken down into its parts (and an unattributed
remainder when the parts fall short), so a table by side shows "regime
forces 13, IS 15" and its total row 28.  Figures repeated in the headline,
lead and body are one figure.  When several reports describe the same
event, each source's figure is kept and the table gives the range across
sources, not their sum; a figure relayed by an agency (AFP quoting the
Observatory) is one source.

Columns carry both conventions: UCDP-style ``<outcome>_low``,
``<outcome>_best`` and ``<outcome>_high`` (``high`` empty when a report
leaves it open: "at least 28"), and ACLED's conservative
``fatalities_acled``.  A figure the report gives without a number is
counted in ``<outcome>_unreported`` and never shown as 0.
"""

import html
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..codebook import Outcome, Role
from ..coding.casualties import breakdown_status
from ..coding.coder import ACLED_UNKNOWN_FATALITIES, Coding
from ..errors import InputError

__all__ = [
    "casualty_units", "casualty_table", "reconcile", "supporting_claims", "validate_events",
    "style_casualty_table", "export_table", "safe_for_spreadsheet", "match_events", "source_comparison",
]

_BY = {
    "side": "victim_side", "actor": "victim_actor", "victim": "victim_category",
    "victim_category": "victim_category", "admin1": "admin1", "location": "location",
    "date": "date", "month": "month", "event_type": "event_type", "sub_event_type": "sub_event_type",
    "source": "source", "report": "report_id", "report_id": "report_id", "event": "incident_id",
}
_UNIT_COLUMNS = ["report_id", "incident_id", "event_id", "outcome", "low", "best", "high", "acled",
                 "victim_side", "victim_actor", "victim_category", "admin1", "location", "date", "month",
                 "event_type", "sub_event_type", "source", "claim_ids", "unreported"]
EVENT_REQUIRED = ["event_id", "fatalities_low", "fatalities_best", "fatalities_high"]


def _as_coding(obj):
    if isinstance(obj, Coding):
        return obj
    raise TypeError("expected a Coding (from ck.code_report / ck.code_reports) or an events DataFrame")


def match_events(events, *, max_gap_days=1, max_ratio=2.0):
    """Give events that several reports describe one ``incident_id``.

    An event joins an incident when it comes from another report than the
    incident's first event and matches that first event: the same place
    (the same town when both name one, else the same governorate), date
    intervals that overlap (within ``max_gap_days``), actors that do not
    conflict, and fatality figures within a factor ``max_ratio`` of each
    other (or one unknown).  Matching against the incident's first event,
    not any member, keeps a busy governorate from chaining into one incident.

    Returns a copy of ``events`` with an ``incident_id`` column.
    """
    ev = events.reset_index(drop=True).copy()
    start = pd.to_datetime(ev["date_start"], errors="coerce")
    end = pd.to_datetime(ev["date_end"], errors="coerce").fillna(start)
    gap = pd.Timedelta(days=max_gap_days)
    incident = list(ev["event_id"])
    heads = {}  # admin1 -> list of head row indices
    for i in range(len(ev)):
        admin1 = ev.at[i, "admin1"]
        if not admin1 or pd.isna(start[i]):
            continue
        for h in heads.get(admin1, []):
            if _same_incident(ev, start, end, gap, max_ratio, h, i):
                incident[i] = incident[h]
                break
        else:
            heads.setdefault(admin1, []).append(i)
    ev["incident_id"] = incident
    return ev


def _same_incident(ev, start, end, gap, max_ratio, a, b):
    if ev.at[a, "report_id"] == ev.at[b, "report_id"]:
        return False
    if start[a] > end[b] + gap or start[b] > end[a] + gap:
        return False
    towns = [ev.at[k, "location"] for k in (a, b) if ev.at[k, "geo_precision"] in (1, 2)]
    if len(towns) == 2 and towns[0] != towns[1]:
        return False
    actors_a = {ev.at[a, "actor1"], ev.at[a, "actor2"]} - {"", None}
    actors_b = {ev.at[b, "actor1"], ev.at[b, "actor2"]} - {"", None}
    if actors_a and actors_b and not actors_a & actors_b:
        return False
    fa, fb = ev.at[a, "fatalities_best"], ev.at[b, "fatalities_best"]
    if pd.notna(fa) and pd.notna(fb) and max(fa, fb) > max_ratio * max(min(fa, fb), 1):
        return False
    return True


def casualty_units(coding, *, combine_reports=True):
    """The smallest pieces of a casualty count, each casualty in exactly one.

    A standalone figure is one unit; a total becomes its parts plus an
    unattributed remainder (total minus parts) when the parts fall short.
    With ``combine_reports``, when several reports describe the same
    incident only one report's figures are used for it (the most detailed
    breakdown), never their sum, and its ``low``/``high`` widen to the range
    across the reports (SANA's 20 and SOHR's 28 for one clash: 20 to 28);
    :func:`source_comparison` shows every source's figure.  A unit is dated
    by its event's date (the date of the incident, not the report's).

    Returns
    -------
    DataFrame
        Columns ``report_id``, ``incident_id``, ``event_id``, ``outcome``,
        ``low``, ``best``, ``high``, ``acled``, ``victim_side``,
        ``victim_actor``, ``victim_category``, ``admin1``, ``location``,
        ``date``, ``month``, ``event_type``, ``sub_event_type``, ``source``,
        ``claim_ids`` (provenance: space-separated claim ids) and
        ``unreported`` (claims with no number).
    """
    coding = _as_coding(coding)
    cas = coding.casualties
    events = match_events(coding.events) if len(coding.events) else coding.events.assign(incident_id=[])
    ev = events.set_index("event_id")
    units = []
    by_id = cas.set_index("claim_id")
    parts_of = {}
    for row in cas.itertuples():
        if row.role == Role.PART and row.total_id:
            parts_of.setdefault(row.total_id, []).append(row)
    for row in cas.itertuples():
        if not row.counted:
            continue
        if row.role == Role.TOTAL and row.claim_id in parts_of:
            parts = parts_of[row.claim_id]
            for p in parts:
                units.append(_unit(p, ev, [p.claim_id, row.claim_id]))
            rest_best = row.count_best - sum(p.count_best for p in parts)
            if rest_best > 0:
                rest = _unit(row, ev, [row.claim_id])
                rest.update(
                    low=max(row.count_low - sum(p.count_low for p in parts), 0.0),
                    best=rest_best,
                    high=(row.count_high - sum(p.count_low for p in parts)) if not math.isnan(row.count_high) else math.nan,
                    acled=max(row.count_acled - sum(p.count_acled for p in parts), 0.0),
                    victim_side="", victim_actor="", victim_category="unknown",
                )
                units.append(rest)
        else:
            units.append(_unit(row, ev, [row.claim_id]))
    del by_id
    out = pd.DataFrame(units, columns=_UNIT_COLUMNS)
    if combine_reports and len(out):
        out = _combine_sources(out)
    return out


def _unit(row, ev, claim_ids):
    e = ev.loc[row.event_id] if row.event_id in ev.index else None
    date = e["date_start"] if e is not None and not pd.isna(e["date_start"]) else row.date_start
    unknown = bool(np.isnan(row.count_best))
    acled = row.count_acled
    if unknown and row.outcome == Outcome.KILLED:
        acled = ACLED_UNKNOWN_FATALITIES
    return dict(
        report_id=row.report_id, incident_id=e["incident_id"] if e is not None else row.event_id,
        event_id=row.event_id, outcome=row.outcome, low=row.count_low, best=row.count_best,
        high=row.count_high, acled=acled, victim_side=row.victim_side or "",
        victim_actor=row.victim_actor or "", victim_category=row.victim_category, admin1=row.admin1 or "",
        location=row.location or "", date=date,
        month=pd.Timestamp(date).to_period("M").strftime("%Y-%m") if date is not None and not pd.isna(date) else "",
        event_type=e["event_type"] if e is not None else "", sub_event_type=e["sub_event_type"] if e is not None else "",
        source=row.source or "", claim_ids=" ".join(claim_ids), unreported=int(unknown),
    )


def _combine_sources(units):
    """One report's units per (incident, outcome): never a sum across reports.

    Of the reports describing an incident, the one with the most detailed
    breakdown (most units with a side; then the most figures) is used; its
    first unit's ``low``/``high`` widen so that the incident's total spans the
    range across the reports.  The others' figures are kept by
    :func:`source_comparison`.
    """
    keep = []
    for _, g in units.groupby(["incident_id", "outcome"], sort=False):
        if g["report_id"].nunique() == 1:
            keep.append(g)
            continue
        detail = g.groupby("report_id").agg(sided=("victim_side", lambda s: int((s != "").sum())),
                                             n=("best", "size"), total=("best", "sum"),
                                             low=("low", "sum"), high=("high", _sum_open))
        chosen = detail.sort_values(["sided", "n", "total"], ascending=False).index[0]
        keep.append(_widened(g[g["report_id"] == chosen], detail["low"].min(), _max_open(detail["high"])))
    return pd.concat(keep, ignore_index=True) if keep else units


def _max_open(highs):
    """The largest high; open (NaN) when any is open."""
    return np.nan if highs.isna().any() else highs.max()


def _widened(chosen, low, high):
    """The chosen report's units with the first one widened so that their
    low and high sums reach ``low`` and ``high`` (the range across reports)."""
    out = chosen.copy()
    first = out.index[0]
    out.loc[first, "low"] = max(out.at[first, "low"] - max(out["low"].sum() - low, 0.0), 0.0)
    own_high = _sum_open(out["high"])
    if np.isnan(high) or np.isnan(own_high):
        out.loc[first, "high"] = np.nan
    else:
        out.loc[first, "high"] = out.at[first, "high"] + max(high - own_high, 0.0)
    return out


def source_comparison(coding):
    """Every source's figure for every incident, side by side.

    Returns
    -------
    DataFrame
        One row per incident and outcome: ``incident_id``, ``outcome``,
        ``admin1``, ``date``, ``n_sources``, ``low`` and ``high`` (the
        range across sources), and ``figures`` ("SOHR: 28; SANA: 20").  A
        figure relayed by an agency counts under its originator: AFP
        quoting the Observatory is the Observatory.
    """
    units = casualty_units(coding, combine_reports=False)
    rows = []
    for (inc, outcome), g in units.groupby(["incident_id", "outcome"], sort=True):
        per_report = g.groupby("report_id").agg(best=("best", lambda s: s.sum(min_count=1)),
                                                source=("source", lambda s: next((x for x in s if x), "")))
        per_report["who"] = per_report["source"].where(per_report["source"] != "", per_report.index.to_series())
        per_source = per_report.groupby("who")["best"].max()
        rows.append(dict(incident_id=inc, outcome=outcome, admin1=g["admin1"].iloc[0], date=g["date"].min(),
                         n_sources=len(per_source), low=per_source.min(), high=per_source.max(),
                         figures="; ".join(f"{k}: {v:g}" for k, v in per_source.items())))
    return pd.DataFrame(rows, columns=["incident_id", "outcome", "admin1", "date", "n_sources", "low", "high",
                                       "figures"])


def _sum_open(s):
    """Sum where any open (NaN) high makes the total open."""
    return np.nan if s.isna().any() else s.sum()


def casualty_table(coding_or_events, by="side", *, outcomes=("killed", "injured"), combine_reports=True,
                   totals=True):
    """A casualty table: low/best/high per outcome, grouped by anything.

    Parameters
    ----------
    coding_or_events : Coding or DataFrame
        A :class:`~conflictkit.coding.Coding`, or an events table with
        ``fatalities_low/best/high`` (and optionally ``injured_*``,
        ``fatalities_acled``) columns, such as coded events or a UCDP/ACLED
        table in conflictkit's schema.
    by : str or list of str
        ``"side"``, ``"actor"``, ``"victim_category"``, ``"admin1"``,
        ``"location"``, ``"date"``, ``"month"``, ``"event_type"``,
        ``"source"``, ``"report"``, or any column of the events table.
    outcomes : tuple of str
    combine_reports : bool
        Give the range across reports of the same incident instead of a sum.
    totals : bool
        Append a ``Total`` row (the sum of the rows).

    Returns
    -------
    DataFrame
        The ``by`` columns, then for each outcome ``<outcome>_low``,
        ``<outcome>_best``, ``<outcome>_high`` (NaN = open) and
        ``<outcome>_unreported``; ``fatalities_acled``; ``n_claims``.

    Examples
    --------
    >>> import conflictkit as ck
    >>> coding = ck.code_report(ck.load_report(ck.sample_report_path()))
    >>> t = ck.casualty_table(coding, by=["admin1", "side"])
    >>> t.set_index(["admin1", "side"]).loc[("SY-RA", "IS"), "killed_best"]
    np.float64(15.0)
    """
    by = [by] if isinstance(by, str) else list(by)
    if isinstance(coding_or_events, pd.DataFrame):
        return _table_from_events(coding_or_events, by, totals)
    units = casualty_units(coding_or_events, combine_reports=combine_reports)
    cols = [_BY.get(b, b) for b in by]
    for c in cols:
        if c not in units.columns:
            raise InputError("casualty_table", f"cannot group by {c!r} (choose from {', '.join(_BY)})")
    units = units[units["outcome"].isin(outcomes)]
    keys = units[cols].astype(str)
    frames = []
    for outcome in outcomes:
        u = units[units["outcome"] == outcome]
        g = u.groupby([keys.loc[u.index, c] for c in cols], dropna=False, sort=True)
        t = pd.DataFrame({
            f"{outcome}_low": g["low"].sum(min_count=1),
            f"{outcome}_best": g["best"].sum(min_count=1),
            f"{outcome}_high": g["high"].agg(_sum_open),
            f"{outcome}_unreported": g["unreported"].sum(),
        })
        if outcome == Outcome.KILLED:
            t["fatalities_acled"] = g["acled"].sum(min_count=1)
        frames.append(t)
    table = pd.concat(frames, axis=1).astype(float) if frames else pd.DataFrame()
    n = units.groupby([keys[c] for c in cols], dropna=False)["claim_ids"].agg(
        lambda s: len(set(" ".join(s).split())))
    table["n_claims"] = n
    table.index.names = by
    table = table.reset_index()
    for outcome in outcomes:
        table[f"{outcome}_unreported"] = table[f"{outcome}_unreported"].fillna(0).astype(int)
    if "fatalities_acled" in table:
        table["fatalities_acled"] = table["fatalities_acled"].fillna(0)
    table["n_claims"] = table["n_claims"].fillna(0).astype(int)
    return _with_totals(table, by) if totals else table


def _with_totals(table, by):
    if table.empty:
        return table
    total = {b: "" for b in by}
    total[by[0]] = "Total"
    for c in table.columns:
        if c in by:
            continue
        if c.endswith("_high"):
            total[c] = _sum_open(table[c])
        elif c.endswith(("_low", "_best")) or c == "fatalities_acled":
            total[c] = table[c].sum(min_count=1)
        else:
            total[c] = table[c].sum()
    return pd.concat([table, pd.DataFrame([total])], ignore_index=True)


def validate_events(events):
    """Split an events table into usable rows and rejects with reasons.

    Checks: required columns (raises :class:`InputError` naming the missing
    ones), numeric non-negative counts, ``low <= best <= high``.

    Returns
    -------
    (DataFrame, DataFrame)
        The good rows, and the rejected rows with a ``reason`` column; the
        two add up to the input.
    """
    missing = [c for c in EVENT_REQUIRED if c not in events.columns]
    if missing:
        raise InputError("events table", f"missing required columns: {', '.join(missing)}")
    ev = events.copy()
    reasons = pd.Series("", index=ev.index, dtype="object")
    nums = {}
    for c in ("fatalities_low", "fatalities_best", "fatalities_high"):
        raw = ev[c]
        num = pd.to_numeric(raw, errors="coerce")
        bad = num.isna() & raw.notna() & (raw.astype(str).str.strip() != "")
        reasons[bad] += f"{c} is not a number; "
        reasons[num < 0] += f"{c} is negative; "
        nums[c] = num
    lo, be, hi = nums["fatalities_low"], nums["fatalities_best"], nums["fatalities_high"]
    reasons[(lo > be)] += "low > best; "
    reasons[(be > hi)] += "best > high; "
    bad = reasons != ""
    good = ev[~bad].copy()
    for c, v in nums.items():
        good[c] = v[~bad]
    rejects = ev[bad].assign(reason=reasons[bad].str.rstrip("; "))
    return good, rejects


def _table_from_events(events, by, totals):
    good, rejects = validate_events(events)
    if len(rejects):
        rows = ", ".join(map(str, rejects["event_id"].head(10)))
        raise InputError("events table", f"{len(rejects)} bad rows (event_id {rows}): "
                         f"{rejects['reason'].iloc[0]}; use ck.analysis.validate_events to set them aside")
    for c in by:
        if c not in good.columns:
            raise InputError("events table", f"no column {c!r} to group by")
    g = good.groupby([good[c].astype(str) for c in by], dropna=False, sort=True)
    t = pd.DataFrame({
        "killed_low": g["fatalities_low"].sum(min_count=1),
        "killed_best": g["fatalities_best"].sum(min_count=1),
        "killed_high": g["fatalities_high"].agg(_sum_open),
        "killed_unreported": g["fatalities_best"].agg(lambda s: int(s.isna().sum())),
    })
    if "injured_best" in good:
        t["injured_best"] = g["injured_best"].sum(min_count=1)
    if "fatalities_acled" in good:
        t["fatalities_acled"] = g["fatalities_acled"].sum(min_count=1)
    t["n_events"] = g.size()
    t.index.names = by
    t = t.reset_index()
    return _with_totals(t, by) if totals else t


def reconcile(coding):
    """Each total with its parts, the difference and a status.

    Returns
    -------
    DataFrame
        One row per counted figure: ``report_id``, ``claim_id``,
        ``outcome``, ``total`` (best), ``total_text``, ``parts`` (the parts'
        figures and victims), ``parts_sum``, ``difference`` (total minus
        parts), ``status``: ``consistent``, ``parts exceed total``,
        ``parts short of total`` or ``no breakdown``.
    """
    cas = _as_coding(coding).casualties
    parts = cas[cas["role"] == Role.PART.value]
    rows = []
    for t in cas[cas["counted"]].itertuples():
        p = parts[parts["total_id"] == t.claim_id]
        breakdown = p[p["part_kind"] == "breakdown"]
        use = breakdown if len(breakdown) else p
        s = use["count_best"].sum() if len(use) else math.nan
        status = breakdown_status(t.count_best, list(use["count_best"]))
        rows.append(dict(
            report_id=t.report_id, claim_id=t.claim_id, outcome=t.outcome, total=t.count_best,
            total_text=t.text, parts=" + ".join(f"{b:g} {v or s_}" for b, v, s_ in
                                                zip(use["count_best"], use["victim_side"], use["victim"])),
            parts_sum=s, difference=t.count_best - s if len(use) else math.nan, status=status,
        ))
    return pd.DataFrame(rows, columns=["report_id", "claim_id", "outcome", "total", "total_text", "parts",
                                       "parts_sum", "difference", "status"])


def supporting_claims(coding, by="side", **cell):
    """The claims behind one cell of a casualty table, with their sentences.

    Parameters
    ----------
    coding : Coding
    by : str or list of str
        The grouping of the table.
    **cell
        The cell's group values, e.g. ``side="IS"``, ``outcome="killed"``.

    Returns
    -------
    DataFrame
        ``report_id``, ``claim_id``, ``outcome``, ``count_best``, ``start``,
        ``end``, ``text`` (the claim as written) and ``sentence`` (the
        whole sentence), so every number can be checked against its source.

    Examples
    --------
    >>> import conflictkit as ck
    >>> coding = ck.code_report(ck.load_report(ck.sample_report_path()))
    >>> ck.analysis.supporting_claims(coding, side="IS", outcome="killed").text.tolist()  # the part and its total
    ['killing 15 jihadists', 'At least 28 fighters were killed']
    """
    coding = _as_coding(coding)
    units = casualty_units(coding)
    by = [by] if isinstance(by, str) else list(by)
    mask = pd.Series(True, index=units.index)
    for k, v in cell.items():
        col = "outcome" if k == "outcome" else _BY.get(k, k)
        mask &= units[col].astype(str) == str(v)
    ids = " ".join(units.loc[mask, "claim_ids"]).split()
    cas = coding.casualties.set_index("claim_id")
    keep = [i for i in dict.fromkeys(ids) if i in cas.index]
    out = cas.loc[keep, ["report_id", "outcome", "count_best", "role", "start", "end", "text"]].reset_index()
    out["sentence"] = [_sentence_text(coding, r.report_id, r.start) for r in out.itertuples()]
    return out


def _sentence_text(coding, report_id, pos):
    report = coding.reports.get(report_id)
    if report is None:
        return ""
    for s, e in report.sentences:
        if s <= pos < e:
            return report.text[s:e]
    return ""


# ---------------------------------------------------------------------------
# presentation and export


def _fmt_range(low, best, high, unreported=0):
    if pd.isna(best):
        return "not reported" if unreported else ""
    best_s = f"{best:,.0f}"
    if pd.isna(high):
        return f"{best_s}+ ({low:,.0f}–open)"
    if low == best == high:
        return best_s
    return f"{best_s} ({low:,.0f}–{high:,.0f})"


def style_casualty_table(table, caption=None, notes=None):
    """A pandas Styler for notebooks: "28+ (28–open)" cells, totals row in bold.

    Unknown figures read "not reported", never 0.  Cells, headers and the
    caption are HTML-escaped (a report id is text, never markup).
    """
    outcomes = [c[:-5] for c in table.columns if c.endswith("_best")]
    shown = table[[c for c in table.columns if not c.endswith(("_low", "_best", "_high", "_unreported"))]].copy()
    for o in outcomes:
        shown.insert(len(shown.columns) - ("n_claims" in shown) - ("fatalities_acled" in shown), o,
                     [_fmt_range(r[f"{o}_low"], r[f"{o}_best"], r[f"{o}_high"], r.get(f"{o}_unreported", 0))
                      for _, r in table.iterrows()])
    first = shown.columns[0]
    styler = shown.style.hide(axis="index").format(escape="html").format_index(escape="html", axis=1).apply(
        lambda row: ["font-weight: bold" if row[first] == "Total" else "" for _ in row], axis=1)
    if "fatalities_acled" in shown:
        styler = styler.format({"fatalities_acled": "{:,.0f}"})
    if caption:
        styler = styler.set_caption(html.escape(str(caption)))
    return styler


_DANGEROUS = ("=", "+", "-", "@")
_LEADING_SPACE = " \t\r\n"


def _risky(value):
    """A text a spreadsheet may run as a formula: ``=``, ``+``, ``-`` or ``@``
    first, after any spaces, tabs or line breaks, or a tab or CR first."""
    return value.lstrip(_LEADING_SPACE).startswith(_DANGEROUS) or value.startswith(("\t", "\r"))


def safe_for_spreadsheet(frame):
    """A copy where text cells a spreadsheet would run as a formula are prefixed with ``'``.

    A cell is guarded when it starts with ``=``, ``+``, ``-`` or ``@``, also
    after leading spaces, tabs or line breaks (``" =1+1"``), or starts with a
    tab or CR.

    Examples
    --------
    >>> import pandas as pd
    >>> safe_for_spreadsheet(pd.DataFrame({"x": ["=1+1", " @SUM(A1)", "a=b"]})).x.tolist()
    ["'=1+1", "' @SUM(A1)", 'a=b']
    """
    return _map_text(frame, lambda v: "'" + v if _risky(v) else v)


def _map_text(frame, fn):
    """A copy with ``fn`` applied to every text cell."""
    out = frame.copy()
    for c in out.columns:
        if out[c].dtype == object or pd.api.types.is_string_dtype(out[c]):
            out[c] = out[c].map(lambda v: fn(v) if isinstance(v, str) else v)
    return out


_LATEX_SPECIAL = re.compile(r"[\\&$%_#{}~^]")
_LATEX_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _latex_escape(text):
    r"""Text with LaTeX's special characters escaped.

    >>> print(_latex_escape(r"A&B 50% $x$ #1 a_b {c} \input ~^"))
    A\&B 50\% \$x\$ \#1 a\_b \{c\} \textbackslash{}input \textasciitilde{}\textasciicircum{}
    """
    return _LATEX_SPECIAL.sub(lambda m: _LATEX_ESCAPES.get(m.group(), "\\" + m.group()), text)


def _escaped(table, escape):
    """A copy with ``escape`` applied to text cells and to the headers."""
    return _map_text(table.rename(columns=lambda c: escape(str(c))), escape)


def _markdown_cell(text):
    """A Markdown table cell: ``|`` escaped, line breaks as spaces."""
    return text.replace("|", "\\|").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def export_table(table, path, *, notes="", format=None):
    """Write a table as CSV, Markdown or LaTeX with its notes as a footnote.

    Parameters
    ----------
    table : DataFrame
    path : str or Path
        ``.csv``, ``.md`` or ``.tex`` (or give ``format``).
    notes : str
        Source and coding notes; a CSV gets them as ``#`` comment lines
        after the table, Markdown and LaTeX as a footnote.

    Notes
    -----
    Cells are written as text, never as markup or formulas: CSV cells a
    spreadsheet would run are prefixed with ``'`` (:func:`safe_for_spreadsheet`),
    Markdown cells have ``|`` escaped and line breaks as spaces, and LaTeX
    cells, headers and notes have ``& $ % _ # { } \\ ~ ^`` escaped.

    Returns
    -------
    Path
    """
    path = Path(path)
    fmt = format or path.suffix.lstrip(".").lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        text = safe_for_spreadsheet(table).to_csv(index=False, lineterminator="\n")
        if notes:
            text += "".join(f"# {line}\n" for line in notes.splitlines())
    elif fmt in ("md", "markdown"):
        text = _escaped(table, _markdown_cell).to_markdown(index=False, floatfmt=",.0f") + "\n"
        if notes:
            text += f"\n{notes}\n"
    elif fmt in ("tex", "latex"):
        styler = _escaped(table, _latex_escape).style.hide(axis="index").format(precision=0, na_rep="--")
        text = styler.to_latex(hrules=True)
        if notes:
            text += "\\par\\footnotesize " + _latex_escape(notes) + "\n"
    else:
        raise InputError(path, f"unknown table format {fmt!r} (csv, md, tex)")
    path.write_text(text, encoding="utf-8")
    return path
