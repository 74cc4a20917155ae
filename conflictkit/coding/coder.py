"""Coding a report: annotations, casualty claims and events, with provenance.

:func:`code_report` is a pure function of the report (its text and
publication date) and the coder's dictionaries: no global state but caches
of compiled data built once per process.  Every coded value carries the
report id and character offsets into ``report.text``.
"""

import bisect
import math
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ..reports import Report, report_from_text
from .casualties import find_claims, reconcile_claims
from .dates import find_dates
from .event_types import classify_event_type
from .lexicon import default_lexicon
from .sources import RELAY_KINDS, SourceMention, find_generic_sources

__all__ = [
    "Coding", "code_report", "code_reports", "CODER_VERSION",
    "ANNOTATION_COLUMNS", "CASUALTY_COLUMNS", "EVENT_COLUMNS", "ACLED_UNKNOWN_FATALITIES",
]

#: Changes whenever the coder's output for the same input may change.
CODER_VERSION = "0.5.3"

#: The conservative figure conflictkit codes for ``fatalities_acled`` when a
#: report says people were killed but gives no number.  ACLED documents its
#: own default for such reports in its codebook ("Reported fatalities");
#: set this to the value of the ACLED version you compare against.
ACLED_UNKNOWN_FATALITIES = 3

ANNOTATION_COLUMNS = ["report_id", "annotation_id", "label", "start", "end", "text", "value",
                      "detail", "sentence"]
CASUALTY_COLUMNS = [
    "report_id", "claim_id", "event_id", "outcome", "count_low", "count_best", "count_high",
    "count_acled", "qualifier", "victim", "victim_actor", "victim_side", "victim_category", "role",
    "total_id", "repeat_id", "part_kind", "counted", "source", "relay", "admin1", "location",
    "date_start", "date_end", "start", "end", "text", "sentence", "pattern",
]
EVENT_COLUMNS = [
    "report_id", "event_id", "event_date", "date_start", "date_end", "date_precision", "event_type",
    "sub_event_type", "actor1", "actor2", "country", "admin1", "admin1_name", "location", "latitude",
    "longitude", "geo_precision", "fatalities_low", "fatalities_best", "fatalities_high",
    "fatalities_acled", "injured_low", "injured_best", "injured_high", "source", "relay", "outlet",
    "claim_ids", "annotation_ids", "notes",
]

_PRECISION_RANK = {"town": 0, "near town": 1, "region": 2, "governorate": 3, "country": 4}
#: ACLED geo_precision codes: 1 town, 2 near town / district, 3 province.
GEO_PRECISION_CODE = {"town": 1, "near town": 2, "region": 2, "governorate": 3, "country": 3}


@dataclass
class Coding:
    """The coded data of one or many reports.

    Attributes
    ----------
    annotations : DataFrame
        One row per coded span: ``label`` is casualty, actor, place, date
        or source; ``value`` its normalised value; ``start``/``end`` offsets.
    casualties : DataFrame
        One row per casualty claim (columns :data:`CASUALTY_COLUMNS`).
        ``counted`` is True for the claims whose figures add up to the
        report's casualties without double counting.
    events : DataFrame
        One row per event (columns :data:`EVENT_COLUMNS`).
    rejects : DataFrame
        Reports that failed to code: ``report_id``, ``reason``.
    reports : dict
        ``report_id -> Report`` for provenance look-ups.
    """

    annotations: pd.DataFrame
    casualties: pd.DataFrame
    events: pd.DataFrame
    rejects: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["report_id", "reason"]))
    reports: dict = field(default_factory=dict, repr=False)

    def __repr__(self):
        return (f"Coding({len(self.reports)} reports, {len(self.annotations)} annotations, "
                f"{len(self.casualties)} casualty claims, {len(self.events)} events, "
                f"{len(self.rejects)} rejects)")


# ---------------------------------------------------------------------------


def _content_segments(report):
    return [(s, e) for s, e, k in report.segments if k in ("title", "standfirst", "body")]


def _actor_context(report_terms, lex):
    actors = lex.rows["actor"]
    places = lex.rows["place"]
    countries = {places[t.entry]["country"] for t in report_terms["place"]}
    sides = {actors[t.entry]["side"] for t in report_terms["actor"]
             if not actors[t.entry]["needs_context"]}
    countries |= {actors[t.entry]["country"] for t in report_terms["actor"]
                  if not actors[t.entry]["needs_context"]}
    return countries, sides


def _resolve_terms(text, segments, lex):
    terms = {"actor": [], "place": [], "source": []}
    for s, e in segments:
        found = lex.find(text, s, e)
        for k in terms:
            terms[k].extend(found[k])
    actors = lex.rows["actor"]
    countries, sides = _actor_context(terms, lex)
    terms["actor"] = [t for t in terms["actor"]
                      if not actors[t.entry]["needs_context"]
                      or actors[t.entry]["needs_context"] in countries
                      or actors[t.entry]["needs_context"] in sides]
    taken = [sorted((t.start, t.end) for t in terms[kind]) for kind in ("actor", "source")]
    terms["place"] = [
        t for t in terms["place"]
        if not any(_overlaps(spans, t.start, t.end) for spans in taken)
        and not text.startswith("-based", t.end)

    ]
    return terms


def _overlaps(spans, start, end):
    """Does any of the sorted, non-overlapping (start, end) ``spans`` overlap
    [start, end)?  Only the last span starting before ``end`` can."""
    i = bisect.bisect_left(spans, (end, -1))
    return i > 0 and spans[i - 1][1] > start


def _place_info(text, term, lex):
    row = lex.rows["place"][term.entry]
    same = lex.places_by_alias.get(row["alias"], [row])
    kind = row["kind"]
    before = text[max(0, term.start - 30):term.start].lower()
    after = text[term.end:term.end + 25].lower()
    wants_gov = (after.lstrip().startswith(("province", "governorate", "countryside", "region"))
                 or before.rstrip().endswith(("province of", "governorate of", "countryside of",
                                              "province,", "provinces of")))
    govs = [r for r in same if r["kind"] == "governorate"]
    towns = [r for r in same if r["kind"] == "town"]
    if wants_gov and govs:
        row, kind = govs[0], "governorate"
    elif towns and kind == "governorate":
        row, kind = towns[0], "town"
    precision = kind
    if kind == "town" and before.rstrip().endswith(("near", "near the city of", "near the town of",
                                                      "outskirts of", "near the village of",
                                                      "countryside of", "south of", "north of",
                                                      "east of", "west of", "around")):
        precision = "near town"
    if kind in ("region",) and not row["admin1"]:
        # the Badia "of Raqqa": a region placed in the governorate named next
        precision = "region"
    return dict(place=row["place"], kind=kind, precision=precision, country=row["country"],
                admin1=row["admin1"] or "", admin1_name=row["admin1_name"] or "",
                latitude=row["latitude"], longitude=row["longitude"], start=term.start, end=term.end,
                text=term.text)


def _sentence_places(text, sentence_spans, place_terms, infos):
    """The most specific place of each sentence (or None)."""
    starts = [s for s, _ in sentence_spans]
    by_sent = {}
    for t in place_terms:
        i = bisect.bisect_right(starts, t.start) - 1
        if i < 0 or t.start >= sentence_spans[i][1]:
            continue
        by_sent.setdefault(i, []).append(dict(infos[t]))
    best = {}
    for i, infos in by_sent.items():
        # a region with no governorate takes the governorate named in the sentence
        govs = [p for p in infos if p["admin1"]]
        for p in infos:
            if not p["admin1"] and govs:
                g = govs[0]
                p.update(admin1=g["admin1"], admin1_name=g["admin1_name"])
        best[i] = min(infos, key=lambda p: (_PRECISION_RANK[p["precision"]], p["start"]))
    return best


def _sentence_of(starts, spans, pos):
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < spans[i][1] else -1


def _sources_by_sentence(text, spans, starts, source_terms, generic, lex):
    table = lex.rows["source"]
    named = [SourceMention(t.start, t.end, t.text, table[t.entry]["source"], table[t.entry]["kind"],
                           "relay" if table[t.entry]["kind"] in RELAY_KINDS else "originator")
             for t in source_terms]
    monitors = {m.source for m in named if m.kind == "monitor"}
    resolved = []
    for g in generic:
        if any(n.start <= g.start < n.end or g.start <= n.start < g.end for n in named):
            continue
        if g.kind == "monitor" and len(monitors) == 1:
            g = SourceMention(g.start, g.end, g.text, next(iter(monitors)), "monitor", "originator")
        resolved.append(g)
    by_sent = {}
    for m in sorted(named + resolved, key=lambda m: m.start):
        i = _sentence_of(starts, spans, m.start)
        if i >= 0:
            by_sent.setdefault(i, []).append(m)
    return by_sent, named + resolved


def _pick_source(by_sent, i, para_of):
    """(originator, relay) for sentence ``i``: its own, else one of the two
    sentences before it in the same paragraph."""
    for j in range(i, max(-1, i - 3), -1):
        if para_of[j] != para_of[i]:
            break
        if j in by_sent:
            mentions = by_sent[j]
            orig = next((m.source for m in mentions if m.role == "originator"), "")
            relay = next((m.source for m in mentions if m.role == "relay"), "")
            if orig or relay:
                return orig or relay, relay if orig else ""
    return "", ""


def _victim_category(actor_type, victim):
    v = victim.lower()
    if actor_type == "Civilians" or any(w in v for w in ("civilian", "children", "women", "resident",
                                                          "villager", "student", "worker")):
        return "civilian"
    if actor_type or any(w in v for w in ("fighter", "soldier", "troop", "militant", "jihadist", "rebel",
                                          "insurgent", "combatant", "officer", "general", "commander",
                                          "militiam", "gunm", "personnel", "members of")):
        return "combatant"
    return "unknown"


def code_report(report, *, published=None, lexicon=None):
    """Code one report into annotations, casualty claims and events.

    Parameters
    ----------
    report : Report or str
        A loaded report, or the text of one.
    published : date, optional
        Overrides the report's publication date (the anchor of relative dates).
    lexicon : Lexicon, optional
        Actor, place and source dictionaries (default: the bundled ones).

    Returns
    -------
    Coding

    Examples
    --------
    >>> import conflictkit as ck
    >>> coding = ck.code_report(ck.load_report(ck.sample_report_path()))
    >>> int(coding.casualties.query("outcome == 'killed' and counted").count_best.sum())
    31
    """
    if not isinstance(report, Report):
        report = report_from_text(str(report), published=published)
    if published is not None:
        from dataclasses import replace
        report = replace(report, published=published if isinstance(published, date)
                         else pd.Timestamp(published).date())
    ann, cas, ev = _code_rows(report, lexicon or default_lexicon())
    return _frames(ann, cas, ev, [], {report.id: report})


def _code_rows(report, lex):
    """The annotation, casualty and event rows (lists of dicts) of one report."""
    text, rid = report.text, report.id
    spans = list(report.sentences)
    starts = [s for s, _ in spans]
    segments = _content_segments(report)
    terms = _resolve_terms(text, segments, lex)
    actors_t = lex.rows["actor"]

    dates = [d for s, e in segments for d in find_dates(text, report.published, s, e, spans)]
    generic = [g for s, e in segments for g in find_generic_sources(text, s, e)]
    src_by_sent, src_mentions = _sources_by_sentence(text, spans, starts, terms["source"], generic, lex)
    place_infos = {t: _place_info(text, t, lex) for t in terms["place"]}
    sent_place = _sentence_places(text, spans, terms["place"], place_infos)

    actors_in = {}
    for t in terms["actor"]:
        i = _sentence_of(starts, spans, t.start)
        actors_in.setdefault(i, []).append(t)
    dates_in = {}
    for d in dates:
        dates_in.setdefault(_sentence_of(starts, spans, d.start), []).append(d)
    para_of = [next((k for k, (a, b) in enumerate(segments) if a <= s < b), -1) for s, _ in spans]

    def place_for(i):
        for j in range(i, max(-1, i - 4), -1):
            if j in sent_place and sent_place[j]["kind"] != "country":
                return sent_place[j], j
        for j in sorted(sent_place):
            if sent_place[j]["kind"] != "country" and j < i:
                return sent_place[j], j
        return sent_place.get(i) or next((sent_place[j] for j in sorted(sent_place)), None), i

    def date_for(i):
        """The event date of sentence ``i``: its own, else one in the sentences
        back to the one its place came from (and the one before that)."""
        _, j = place_for(i)
        lowest = min(i - 1, j - 1) if para_of[i - 1 if i else 0] == para_of[i] or j < i else i
        for k in range(i, max(-1, lowest - 1), -1):
            ev = [d for d in dates_in.get(k, []) if d.role == "event"]
            if ev:
                return ev[0]
        return None

    # ---- claims
    titles = [(s, e) for s, e, k in report.segments if k == "title"]
    headlines = [(a, b) for a, b in spans if any(s <= a < e for s, e in titles)]
    claims = find_claims(text, spans, headlines=headlines)
    victim_actor = []
    for c in claims:
        hit = None
        if c.victim_start >= 0:
            hit = next((t for t in terms["actor"] if c.victim_start <= t.start and t.end <= c.victim_end), None)
        victim_actor.append(actors_t[hit.entry] if hit is not None else None)
    claim_place = [place_for(c.sentence)[0] for c in claims]
    claim_date = [date_for(c.sentence) for c in claims]
    sides = [a["side"] if a else None for a in victim_actor]
    keys = []
    for p, d in zip(claim_place, claim_date):
        where = (p["admin1"] or p["place"]) if p and p["kind"] != "country" else None
        keys.append((where, (d.date_start.year, d.date_start.month) if d else None))
    kinds = [_victim_category(a["actor_type"] if a else "", c.victim) for a, c in zip(victim_actor, claims)]
    reconciled = reconcile_claims(claims, sides=sides, event_keys=keys, victim_kinds=kinds)

    # ---- events: union claims linked by role, by sentence
    parent = list(range(len(reconciled)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for k, c in enumerate(reconciled):
        if c.total_of >= 0:
            union(k, c.total_of)
        if c.repeat_of >= 0:
            union(k, c.repeat_of)
    for a in range(len(reconciled)):
        for b in range(a + 1, len(reconciled)):
            if reconciled[a].sentence == reconciled[b].sentence and reconciled[a].outcome != reconciled[b].outcome:
                union(a, b)
    groups = {}
    for k in range(len(reconciled)):
        if reconciled[k].role != "cumulative":
            groups.setdefault(find(k), []).append(k)

    claim_ids = [f"{rid}:c{k + 1}" for k in range(len(reconciled))]
    event_rows, event_of_claim = [], {}
    for n, (root, members) in enumerate(sorted(groups.items())):
        eid = f"{rid}:e{n + 1}"
        for k in members:
            event_of_claim[k] = eid
        event_rows.append(_event_row(report, eid, members, reconciled, claim_ids, claim_place, claim_date,
                                     actors_in, actors_t, spans, text, src_by_sent, place_for, para_of))

    # ---- tables
    cas_rows = []
    for k, c in enumerate(reconciled):
        va = victim_actor[k]
        orig, relay = _pick_source(src_by_sent, c.sentence, para_of)
        p, d = claim_place[k], claim_date[k]
        cas_rows.append(dict(
            report_id=rid, claim_id=claim_ids[k], event_id=event_of_claim.get(k, ""), outcome=c.outcome,
            count_low=c.count.low, count_best=c.count.best, count_high=c.count.high,
            count_acled=c.count.acled, qualifier=c.count.qualifier, victim=c.victim,
            victim_actor=va["actor"] if va else "", victim_side=va["side"] if va else "",
            victim_category=kinds[k],
            role=c.role, total_id=claim_ids[c.total_of] if c.total_of >= 0 else "",
            repeat_id=claim_ids[c.repeat_of] if c.repeat_of >= 0 else "", part_kind=c.part_kind,
            counted=c.role in ("total", "standalone"), source=orig, relay=relay,
            admin1=p["admin1"] if p else "", location=p["place"] if p else "",
            date_start=d.date_start if d else report.published, date_end=d.date_end if d else report.published,
            start=c.start, end=c.end, text=text[c.start:c.end], sentence=c.sentence, pattern=c.pattern,
        ))
    ann_rows = _annotations(report, reconciled, claim_ids, terms, lex, dates, src_mentions, starts, spans,
                            place_infos)
    return ann_rows, cas_rows, event_rows


_DTYPES = {
    "annotations": {"start": "int64", "end": "int64", "sentence": "int64"},
    "casualties": {"count_low": "float64", "count_best": "float64", "count_high": "float64",
                   "count_acled": "float64", "counted": "bool", "start": "int64", "end": "int64",
                   "sentence": "int64"},
    "events": {"latitude": "float64", "longitude": "float64", "geo_precision": "Int64",
               "fatalities_low": "float64", "fatalities_best": "float64", "fatalities_high": "float64",
               "fatalities_acled": "float64", "injured_low": "float64", "injured_best": "float64",
               "injured_high": "float64"},
}


def _frames(ann_rows, cas_rows, event_rows, rejects, reports):
    def frame(rows, columns, kind):
        return pd.DataFrame(rows, columns=columns).astype(_DTYPES[kind])

    coding = Coding(
        frame(ann_rows, ANNOTATION_COLUMNS, "annotations"),
        frame(cas_rows, CASUALTY_COLUMNS, "casualties"),
        frame(event_rows, EVENT_COLUMNS, "events"),
        pd.DataFrame(rejects, columns=["report_id", "reason"]),
        reports,
    )
    from ..codebook import validate_coding  # the coder's output must conform to the codebook

    problems = validate_coding(coding)
    if problems:
        import warnings

        warnings.warn("coding does not conform to the codebook: " + "; ".join(problems), stacklevel=3)
    return coding


def _event_row(report, eid, members, claims, claim_ids, claim_place, claim_date, actors_in, actors_t,
               spans, text, src_by_sent, place_for, para_of):
    rid = report.id
    sentences = sorted({claims[k].sentence for k in members})
    context = set(sentences)
    for i in sentences:
        _, j = place_for(i)
        context.add(j)
    snippet = " ".join(text[spans[i][0]:spans[i][1]] for i in sorted(context) if 0 <= i < len(spans))
    event_type, sub_event_type, _ = classify_event_type(snippet)
    # place and date: the counted claims' first, then any member's
    order = sorted(members, key=lambda k: (claims[k].role not in ("total", "standalone"), claims[k].start))
    place = next((claim_place[k] for k in order if claim_place[k]), None)
    dates = [claim_date[k] for k in order if claim_date[k]]
    d = min(dates, key=lambda x: ({"day": 0, "week": 1, "month": 2, "year": 3}[x.precision], x.start)) if dates else None
    if d is not None:
        date_start, date_end, precision = d.date_start, d.date_end, d.precision
    else:
        date_start = date_end = report.published
        precision = "publication" if report.published else ""
    # actors: sides named in the event's sentences, in order of mention
    seen, named = set(), []
    for i in sorted(context):
        for t in actors_in.get(i, []):
            row = actors_t[t.entry]
            if row["actor"] not in seen:
                seen.add(row["actor"])
                named.append(row)
    sides, actors = [], []
    for row in named:
        if row["side"] not in sides:
            sides.append(row["side"])
            actors.append(row["actor"])
    counted = [k for k in members if claims[k].role in ("total", "standalone")]

    def figure(outcome):
        ks = [k for k in counted if claims[k].outcome == outcome]
        if not ks:
            return 0.0, 0.0, 0.0, 0.0  # none reported
        low = sum(claims[k].count.low for k in ks)
        best = sum(claims[k].count.best for k in ks)
        high = sum(claims[k].count.high for k in ks)
        known = [claims[k].count.acled for k in ks if not math.isnan(claims[k].count.acled)]
        acled = sum(known) if known else ACLED_UNKNOWN_FATALITIES
        return low, best, high, acled

    f_low, f_best, f_high, f_acled = figure("killed")
    i_low, i_best, i_high, _ = figure("injured")
    orig, relay = next((src for src in (_pick_source(src_by_sent, claims[k].sentence, para_of) for k in order)
                        if src[0]), ("", ""))
    notes = []
    if any(math.isnan(claims[k].count.best) for k in counted):
        notes.append("casualties reported without a number")
    if d is None:
        notes.append("no event date in the text: publication date used")
    return dict(
        report_id=rid, event_id=eid, event_date=date_start, date_start=date_start, date_end=date_end,
        date_precision=precision, event_type=event_type, sub_event_type=sub_event_type,
        actor1=actors[0] if actors else "", actor2=actors[1] if len(actors) > 1 else "",
        country=place["country"] if place else "", admin1=place["admin1"] if place else "",
        admin1_name=place["admin1_name"] if place else "", location=place["place"] if place else "",
        latitude=place["latitude"] if place else math.nan, longitude=place["longitude"] if place else math.nan,
        geo_precision=GEO_PRECISION_CODE.get(place["precision"]) if place else None,
        fatalities_low=f_low, fatalities_best=f_best, fatalities_high=f_high, fatalities_acled=f_acled,
        injured_low=i_low, injured_best=i_best, injured_high=i_high, source=orig, relay=relay,
        outlet=report.outlet or "", claim_ids=" ".join(claim_ids[k] for k in sorted(members)),
        annotation_ids=" ".join(f"{claim_ids[k]}" for k in sorted(members)), notes="; ".join(notes),
    )


def _annotations(report, claims, claim_ids, terms, lex, dates, src_mentions, starts, spans, place_infos):
    rid, text = report.id, report.text
    rows = []
    for k, c in enumerate(claims):
        value = f"{c.outcome} {_fmt_count(c.count)}"
        rows.append(("casualty", c.start, c.end, value, f"role={c.role}", claim_ids[k]))
    actors = lex.rows["actor"]
    for t in terms["actor"]:
        row = actors[t.entry]
        rows.append(("actor", t.start, t.end, row["actor"], f"side={row['side']}; type={row['actor_type']}", None))
    for t in terms["place"]:
        info = place_infos[t]
        rows.append(("place", t.start, t.end, info["place"],
                     f"{info['precision']}; admin1={info['admin1']}; country={info['country']}", None))
    for d in dates:
        span = str(d.date_start) if d.date_start == d.date_end else f"{d.date_start}/{d.date_end}"
        rows.append(("date", d.start, d.end, span, f"{d.precision}; {d.role}", None))
    for m in src_mentions:
        rows.append(("source", m.start, m.end, m.source, f"{m.role}; {m.kind}", None))
    rows.sort(key=lambda r: (r[1], r[2], r[0]))
    return [dict(report_id=rid, annotation_id=aid or f"{rid}:a{n + 1}", label=label, start=s, end=e,
                 text=text[s:e], value=value, detail=detail, sentence=_sentence_of(starts, spans, s))
            for n, (label, s, e, value, detail, aid) in enumerate(rows)]


def _fmt_count(count):
    if math.isnan(count.best):
        return "(number not reported)"
    high = "open" if math.isnan(count.high) else f"{count.high:g}"
    q = f"{count.qualifier} " if count.qualifier else ""
    return f"{q}{count.best:g} (low {count.low:g}, high {high})"


def code_reports(reports, *, lexicon=None, progress=True, engine="serial", npartitions=None):
    """Code many reports into one :class:`Coding`.

    A report that fails to code (any exception) goes to ``rejects`` with
    its id and the error; the rest are coded.

    Parameters
    ----------
    reports : iterable of Report
    progress : bool
        Show a tqdm progress bar (serial engine).
    engine : {"serial", "dask"}
        ``"dask"`` codes partitions of the reports in parallel on the current
        ``dask.distributed`` cluster (or Dask's local scheduler); the tables
        are the same as the serial ones after sorting by report and offset.
        For corpora that do not fit in memory use :func:`conflictkit.code_corpus`.
    """
    if engine == "dask":
        from ..corpus import code_reports_dask

        return code_reports_dask(reports, npartitions=npartitions)
    if engine != "serial":
        raise ValueError("engine must be 'serial' or 'dask'")
    from tqdm.auto import tqdm

    rows = _code_many(tqdm(reports, disable=not progress, desc="coding", unit="report"), lexicon)
    return _frames(*rows)


def _code_many(reports, lexicon=None):
    """Rows of many reports: (annotations, casualties, events, rejects, reports kept).

    A report that fails to code (any exception) goes to the rejects with its
    id and the error; the rest are coded.
    """
    lex = lexicon or default_lexicon()
    ann, cas, ev, rejects, kept = [], [], [], [], {}
    for r in reports:
        try:
            a, c, e = _code_rows(r, lex)
        except Exception as err:  # noqa: BLE001 - one bad report must not stop a corpus
            rejects.append(dict(report_id=getattr(r, "id", "?"), reason=f"{type(err).__name__}: {err}"))
            continue
        ann += a
        cas += c
        ev += e
        kept[r.id] = r
    return ann, cas, ev, rejects, kept
