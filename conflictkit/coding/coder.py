"""Coding a report: annotations, casualty claims and events, with provenance.

:func:`code_report` is a pure function of the report (its text and
publication date) and the coder's dictionaries: no global state but caches
of compiled data built once per process.  Every coded value carries the
report id and character offsets into ``report.text``.

Coding runs in stages, each a function you can call and test alone:

1. **extract** (:func:`conflictkit.coding.extraction.extract`): the claims,
   dictionary terms (actors, places, sources), dates and generic sources.
2. **attribute** (:mod:`conflictkit.coding.attribution`): one
   :class:`~conflictkit.coding.attribution.ReportContext` per report gives
   each claim its place, date, source and victims.
3. **reconcile** (:func:`reconcile`): totals, parts, repeats, cumulative tolls.
4. **group into events** (:func:`conflictkit.coding.events.group_events`),
   then **detect** the events told without casualties (a protest, an arrest,
   a clash with no deaths) from their event cues
   (:func:`conflictkit.coding.detection.find_cue_events`).
5. **tabulate**: annotation, casualty and event rows
   (:func:`conflictkit.coding.events.claim_event`,
   :func:`~conflictkit.coding.events.cue_event`: actors named ACLED's way by
   their role, :mod:`conflictkit.coding.actors`), then DataFrames.
"""

import gc
import hashlib
import json
import math
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.api.types import infer_dtype

from ..codebook import COUNTED_ROLES
from ..errors import InputError
from ..io.reports import Report, _rejects_frame, report_from_text
from .attribution import attribute_claims, report_context
from .casualties import compile_grammar, reconcile_claims
from .detection import find_cue_events, report_cues
from .event_types import compile_event_rules
from .events import ACLED_UNKNOWN_FATALITIES, CodedClaim, claim_event, cue_event, disaster_toll, group_events
from .extraction import extract
from .lexicon import default_lexicon
from .resources import load_resources

__all__ = [
    "Coder", "Coding", "code_report", "code_reports", "CODER_VERSION",
    "ANNOTATION_COLUMNS", "CASUALTY_COLUMNS", "EVENT_COLUMNS", "ACLED_UNKNOWN_FATALITIES",
]

#: Changes whenever the coder's output for the same input may change.
CODER_VERSION = "0.6.26"

ANNOTATION_COLUMNS = ["report_id", "annotation_id", "label", "start", "end", "text", "value",
                      "detail", "sentence"]
CASUALTY_COLUMNS = [
    "report_id", "claim_id", "event_id", "outcome", "count_low", "count_best", "count_high",
    "count_acled", "qualifier", "victim", "victim_actor", "victim_side", "victim_category", "role",
    "total_id", "repeat_id", "part_kind", "counted", "source", "relay", "admin1", "location",
    "date_start", "date_end", "start", "end", "text", "sentence", "pattern",
]
EVENT_COLUMNS = [
    "report_id", "event_id", "event_date", "date_start", "date_end", "date_precision", "date_iso", "event_type",
    "sub_event_type", "actor1", "actor2", "country", "admin1", "admin1_name", "location", "latitude",
    "longitude", "geo_precision", "fatalities_low", "fatalities_best", "fatalities_high",
    "fatalities_acled", "injured_low", "injured_best", "injured_high", "source", "relay", "outlet",
    "claim_ids", "annotation_ids", "notes",
]


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
        Rows and reports not coded, with the columns of every rejects table
        (:data:`~conflictkit.io.reports.REJECT_COLUMNS`): ``source`` (a file,
        or ``coder`` for a report that failed to code), ``row``, ``id``,
        ``reason``.
    reports : dict
        ``report_id -> Report`` for provenance look-ups.
    """

    annotations: pd.DataFrame
    casualties: pd.DataFrame
    events: pd.DataFrame
    rejects: pd.DataFrame = field(default_factory=lambda: _rejects_frame([]))
    reports: dict = field(default_factory=dict, repr=False)

    def __repr__(self):
        return (f"Coding({len(self.reports)} reports, {len(self.annotations)} annotations, "
                f"{len(self.casualties)} casualty claims, {len(self.events)} events, "
                f"{len(self.rejects)} rejects)")


class Coder:
    """A coder built once from its resources and options.

    Parameters
    ----------
    resources : str, Path, sequence of them, or Resources, optional
        Overlay folder(s) extending the bundled grammar, dictionaries and
        event rules (see :func:`~conflictkit.coding.resources.load_resources`);
        None: the bundled resources.
    lexicon : Lexicon, optional
        Actor, place and source dictionaries to use instead of those of the
        resources (an option: it is part of the fingerprint).

    Attributes
    ----------
    resources : Resources
        The resolved resources.
    fingerprint : str
        SHA-256 of the coder version, the resources' fingerprint and the
        options: equal fingerprints code alike.  :func:`conflictkit.code_corpus`
        keys its chunks by it, so editing an overlay or a bundled file recodes.

    Notes
    -----
    A coder is picklable: it travels as its overlay folders (or resources)
    and options, and a worker process rebuilds its compiled parts (the
    dictionaries' automata, the casualty grammar) once per process.  A
    worker whose overlay folders no longer resolve to the same fingerprint
    refuses to code.

    Examples
    --------
    >>> import pickle
    >>> import conflictkit as ck
    >>> coder = ck.Coder()
    >>> coding = coder.code(ck.load_report(ck.sample_report_path()))
    >>> int(coding.casualties.query("outcome == 'killed' and counted").count_best.sum())
    31
    >>> pickle.loads(pickle.dumps(coder)).fingerprint == coder.fingerprint
    True
    """

    def __init__(self, resources=None, *, lexicon=None):
        self.resources = load_resources(resources)
        if isinstance(resources, (list, tuple)):
            resources = tuple(str(p) for p in resources)
        self._spec = str(resources) if isinstance(resources, Path) else resources
        self._options = dict(lexicon=lexicon)
        self._compiled = None
        options = dict(lexicon=_lexicon_digest(lexicon) if lexicon is not None else None)
        digest = hashlib.sha256(f"{CODER_VERSION}\0{self.resources.fingerprint}\0".encode())
        digest.update(json.dumps(options, sort_keys=True).encode())
        self.fingerprint = digest.hexdigest()

    def __repr__(self):
        return f"Coder(version {CODER_VERSION}, {self.resources!r}, fingerprint={self.fingerprint[:12]})"

    def __reduce__(self):
        return (_rebuild, (self._spec, self._options, self.fingerprint))

    @property
    def lexicon(self):
        """The compiled dictionaries (built on first use, once per process)."""
        if self._compiled is None:
            given = self._options["lexicon"]
            bundled = self.resources is load_resources()
            self._compiled = given or (default_lexicon() if bundled else self.resources.lexicon())
        return self._compiled

    @property
    def grammar(self):
        """The compiled casualty grammar (:class:`~conflictkit.coding.casualties.CasualtyGrammar`)."""
        return compile_grammar(None if self.resources is load_resources() else self.resources.grammar)

    @property
    def event_rules(self):
        """The compiled event-type rules, bundled and overlays
        (:class:`~conflictkit.coding.event_types.EventRules`)."""
        return compile_event_rules(self.resources)

    def code(self, report, *, published=None):
        """Code one report (a :class:`~conflictkit.io.reports.Report` or a text) into a :class:`Coding`.

        ``published`` overrides the report's publication date.  A report that
        fails to code raises (:meth:`code_many` sets it aside instead).
        """
        with _collector_paused():  # (see code_reports)
            return _frames(*_run(self, [_as_report(report, published)], strict=True))

    def code_many(self, reports):
        """Rows of many reports: (annotations, casualties, events, rejects, reports kept).

        The one run function every engine calls: a report that fails to code
        (any exception) goes to the rejects (columns
        :data:`~conflictkit.io.reports.REJECT_COLUMNS`, source ``coder``).
        """
        return _run(self, reports)


#: Coders by fingerprint, one per process: a worker rebuilds a pickled coder once.
_COMPILED = {}


def _rebuild(spec, options, fingerprint):
    coder = _COMPILED.get(fingerprint)
    if coder is None:
        coder = Coder(spec, **options)
        if coder.fingerprint != fingerprint:
            raise InputError(spec, "the resources changed since the coder was built (its fingerprint "
                                   "differs); build the Coder again")
        if len(_COMPILED) >= 4:  # a coder holds large tables: keep a few
            _COMPILED.pop(next(iter(_COMPILED)))
        _COMPILED[fingerprint] = coder
    return coder


def _lexicon_digest(lexicon):
    digest = hashlib.sha256()
    for kind in ("actor", "place", "source"):
        digest.update(lexicon.tables[kind].to_csv(index=False).encode("utf-8"))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _default_coder():
    return Coder()


def _coder(coder=None, resources=None, lexicon=None):
    """The coder to run: the one given, else one of ``resources`` and ``lexicon``."""
    if coder is not None:
        if resources is not None or lexicon is not None:
            raise ValueError("pass either a coder or resources/lexicon, not both")
        return coder
    if resources is None and lexicon is None:
        return _default_coder()
    return Coder(resources, lexicon=lexicon)


def _as_report(report, published):
    if not isinstance(report, Report):
        report = report_from_text(str(report), published=published)
    if published is not None:
        report = replace(report, published=published if isinstance(published, date)
                         else pd.Timestamp(published).date())
    return report


def code_report(report, *, published=None, lexicon=None, resources=None, coder=None):
    """Code one report into annotations, casualty claims and events.

    Parameters
    ----------
    report : Report or str
        A loaded report, or the text of one.
    published : date, optional
        Overrides the report's publication date (the anchor of relative dates).
    lexicon : Lexicon, optional
        Actor, place and source dictionaries (default: the bundled ones).
    resources : str, Path or Resources, optional
        Overlay folder(s) extending the bundled resources (see :class:`Coder`).
    coder : Coder, optional
        A coder built beforehand (instead of ``resources``/``lexicon``).

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
    return _coder(coder, resources, lexicon).code(report, published=published)


def _code_rows(report, lex, grammar=None, rules=None):
    """The annotation and casualty rows (tuples in :data:`ANNOTATION_COLUMNS` and
    :data:`CASUALTY_COLUMNS` order) and event rows (dicts) of one report: extract → attribute → reconcile →
    group into events → tabulate."""
    _check_length(report)
    found = extract(report, lex, grammar)
    ctx = report_context(report, found, lex)
    attributions = attribute_claims(found.claims, ctx)
    claims = reconcile(found.claims, attributions)
    coded = [CodedClaim(k, f"{report.id}:c{k + 1}", c, at)
             for k, (c, at) in enumerate(zip(claims, attributions))]
    event_rows, event_of, event_ann, covered, cues = [], {}, [], {}, report_cues(ctx, rules)
    for members in group_events(claims):
        eid = f"{report.id}:e{len(event_rows) + 1}"
        row, ann = claim_event(ctx, eid, [coded[k] for k in members], cues)
        if disaster_toll(ctx, cues, [coded[k] for k in members], row):
            covered.update((coded[k].claim.sentence, row["event_type"]) for k in members)
            continue
        event_of.update((k, eid) for k in members)
        event_rows.append(row)
        event_ann += ann
        covered.update((coded[k].claim.sentence, row["event_type"]) for k in members)
    for m in coded:  # a war's running toll (or a country's day) is no event, and no cue near it makes one
        covered.setdefault(m.claim.sentence, m.claim.role if m.claim.role in ("cumulative", "roundup") else "")
    for found in find_cue_events(ctx, cues, covered):  # events told without casualties
        row, ann = cue_event(ctx, f"{report.id}:e{len(event_rows) + 1}", found, cues)
        event_rows.append(row)
        event_ann += ann
    cas_rows = [_casualty_row(ctx, m, coded, event_of.get(m.index, "")) for m in coded]
    return _annotations(ctx, coded, event_ann), cas_rows, event_rows


#: The longest report coded, in characters of news content (title, stand-first,
#: body): three times the longest article in FA-KES and GVA dev (100,000).
#: Longer "reports" are many articles run together (a mis-split file), whose
#: claims would all be reconciled with each other, at a cost that grows with
#: the square of their number: split them into articles first.
MAX_REPORT_CHARS = 300_000


def _check_length(report):
    n = sum(e - s for s, e in report.paragraphs)
    if n > MAX_REPORT_CHARS:
        raise InputError(f"report {report.id}", f"{n:,} characters of news text, longer than any news report "
                         f"(limit {MAX_REPORT_CHARS:,}); split it into its articles, or raise "
                         "conflictkit.coding.coder.MAX_REPORT_CHARS")


def reconcile(claims, attributions):
    """Reconcile a report's claims (:func:`reconcile_claims`) with what
    attribution knows: the victims' sides and kinds, and each claim's event
    key (governorate or place, and month)."""
    keys = []
    for at in attributions:
        p, d = at.place, at.date
        # only a place the report is sure of keeps claims apart as separate events:
        # a town name alone may be a person's ("Carpenter", "Clarence")
        where = (p["admin1"] or p["place"]) if p and p["kind"] != "country" and p.get("sure", True) else None
        keys.append((where, _month_key(d)))
    return reconcile_claims(claims, sides=[at.victim_actor["side"] if at.victim_actor else None
                                           for at in attributions],
                            event_keys=keys, victim_kinds=[at.victim_category for at in attributions])


def _month_key(d):
    """The (year, month) of a date mention; None for none, and for a day and
    month of unknown year (which month of which year is not known)."""
    return (d.date_start.year, d.date_start.month) if d is not None and d.date_start else None


def _casualty_row(ctx, m, coded, event_id):
    """One row of the casualties table: a tuple of :data:`CASUALTY_COLUMNS`, in their order (the
    table is made from tuples: a dict's 29 keys made, then read back in order, cost ~40% more)."""
    c, at, published = m.claim, m.at, ctx.anchor
    va, p, d, count = at.victim_actor, at.place, at.date, c.count
    return (
        ctx.report.id, m.claim_id, event_id, c.outcome,
        count.low, count.best, count.high, count.acled, count.qualifier, c.victim,
        va["actor"] if va else "", va["side"] if va else "", at.victim_category, c.role,
        coded[c.total_of].claim_id if c.total_of >= 0 else "",
        coded[c.repeat_of].claim_id if c.repeat_of >= 0 else "", c.part_kind,
        c.role in COUNTED_ROLES, at.source, at.relay,
        p["admin1"] if p else "", p["place"] if p else "",
        d.date_start if d else published, d.date_end if d else published,
        c.start, c.end, ctx.text[c.start:c.end], c.sentence, c.pattern,
    )


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
    with _collector_paused():  # (building the tables makes no reference cycles either)
        return _make_frames(ann_rows, cas_rows, event_rows, rejects, reports)


#: The dtype pandas infers for a column of strings (``str``, backed by pyarrow, in pandas 3), when it is pyarrow's.
_INFERRED_STR = pd.Series(["a"]).dtype
_STR_BY_ARROW = isinstance(_INFERRED_STR, pd.StringDtype) and _INFERRED_STR.storage == "pyarrow"
#: The dtypes of _DTYPES that a column of one kind of Python value (infer_dtype's name) is made as directly.
_NUMPY_OF = {("integer", "int64"): np.int64, ("floating", "float64"): np.float64, ("boolean", "bool"): np.bool_}


def _column(values, dtype=None):
    """The column a table is made of from ``values`` (a list), as pandas makes it and ``astype(dtype)``
    leaves it, made directly where that is quicker: strings as one pyarrow array (pandas goes through
    an object array and two passes over it first: ~40% quicker), numbers and booleans as a NumPy
    array of ``dtype``.  Anything else (None among strings, mixed values) as it is, for pandas."""
    kind = infer_dtype(values, skipna=False)  # (C: "string" only when every value is a str)
    if kind == "string" and _STR_BY_ARROW:
        return pd.array(pa.array(values, type=pa.large_string()), dtype=_INFERRED_STR)
    numpy = _NUMPY_OF.get((kind, dtype))
    return values if numpy is None else np.array(values, dtype=numpy)


def _frame(rows, columns, kind):
    """The table of ``rows`` (tuples in column order, or dicts) with ``columns`` and the dtypes of ``kind``."""
    dtypes = _DTYPES[kind]
    if rows and isinstance(rows[0], dict):
        rows = list(map(itemgetter(*columns), rows))
    if not rows or kind != "annotations":
        # from rows (casualties and events: tables of few rows and many columns, quicker so than
        # column by column)
        return pd.DataFrame(rows, columns=columns).astype(dtypes)
    # the annotations (many rows, few columns): a column per list, a third faster than from rows,
    # same dtypes (pandas infers each column alike)
    return pd.DataFrame({c: _column(list(v), dtypes.get(c)) for c, v in zip(columns, zip(*rows))},
                        columns=columns).astype(dtypes)


def _make_frames(ann_rows, cas_rows, event_rows, rejects, reports):
    coding = Coding(
        _frame(ann_rows, ANNOTATION_COLUMNS, "annotations"),
        _frame(cas_rows, CASUALTY_COLUMNS, "casualties"),
        _frame(event_rows, EVENT_COLUMNS, "events"),
        _rejects_frame(rejects),
        reports,
    )
    from ..codebook import validate_coding  # the coder's output must conform to the codebook

    problems = validate_coding(coding)
    if problems:
        import warnings

        warnings.warn("coding does not conform to the codebook: " + "; ".join(problems), stacklevel=3)
    return coding


def _annotations(ctx, coded, event_annotations=()):
    """The annotation rows (tuples of :data:`ANNOTATION_COLUMNS`, in their order) of a report, by offset:
    its claims and terms, and the event cues and actors of ``event_annotations``."""
    rid, text = ctx.report.id, ctx.text
    # Rows (start, end, label, k, value, detail, annotation id), k their place in the list: sorted as
    # tuples they are sorted by (start, end, label) and, where those agree, in the order they were
    # made (as a stable sort by (start, end, label) leaves them), and no two compare further than k.
    # (No key function: a key made for each row was a fifth of this function's instructions.)
    rows = []
    for m in coded:
        c = m.claim
        rows.append((c.start, c.end, "casualty", len(rows), f"{c.outcome} {_fmt_count(c.count)}", f"role={c.role}",
                     m.claim_id))
    actors = ctx.lexicon.rows["actor"]
    for t in ctx.terms["actor"]:
        row = actors[t.entry]
        rows.append((t.start, t.end, "actor", len(rows), row["actor"], f"side={row['side']}; type={row['actor_type']}",
                     None))
    infos = ctx.place_infos
    for t in ctx.terms["place"]:
        info = infos[t]
        rows.append((t.start, t.end, "place", len(rows), info["place"],
                     f"{info['precision']}; admin1={info['admin1']}; country={info['country']}", None))
    for d in ctx.dates:
        span = d.partial or (str(d.date_start) if d.date_start == d.date_end else f"{d.date_start}/{d.date_end}")
        rows.append((d.start, d.end, "date", len(rows), span, f"{d.precision}; {d.role}", None))
    for m in ctx.sources:
        rows.append((m.start, m.end, "source", len(rows), m.source, f"{m.role}; {m.kind}", None))
    k = len(rows)
    rows += [(a["start"], a["end"], a["label"], k + j, a["value"], a["detail"], a["annotation_id"])
             for j, a in enumerate(event_annotations)]
    rows.sort()
    starts, spans, out = ctx.starts, ctx.spans, []
    for n, (s, e, label, _, value, detail, aid) in enumerate(rows, 1):
        i = bisect_right(starts, s) - 1  # (ctx.sentence_of, inline: once per row)
        out.append((rid, aid or f"{rid}:a{n}", label, s, e, text[s:e], value, detail,
                    i if i >= 0 and s < spans[i][1] else -1))
    return out


def _fmt_count(count):
    if math.isnan(count.best):
        return "(number not reported)"
    high = "open" if math.isnan(count.high) else _g(count.high)
    q = f"{count.qualifier} " if count.qualifier else ""
    return f"{q}{_g(count.best)} (low {_g(count.low)}, high {high})"


def _g(x):
    """``f"{x:g}"``: an int below a million in size as ``str`` writes it, which it is (no float formatting)."""
    return str(x) if type(x) is int and -1_000_000 < x < 1_000_000 else f"{x:g}"


def code_reports(reports, *, lexicon=None, resources=None, coder=None, progress=True, engine="serial",
                 npartitions=None):
    """Code many reports into one :class:`Coding`.

    A report that fails to code (any exception) goes to ``rejects`` with
    its id and the error; the rest are coded.

    Parameters
    ----------
    reports : iterable of Report
    lexicon, resources, coder
        As for :func:`code_report`.
    progress : bool
        Show a tqdm progress bar (serial engine).
    engine : {"serial", "dask"}
        ``"dask"`` codes partitions of the reports in parallel on the current
        ``dask.distributed`` cluster (or Dask's local scheduler); the tables
        are the same as the serial ones after sorting by report and offset.
        For corpora that do not fit in memory use :func:`conflictkit.code_corpus`.
    """
    coder = _coder(coder, resources, lexicon)
    if engine == "dask":
        from ._dask import code_reports_dask

        return code_reports_dask(reports, coder=coder, npartitions=npartitions)
    if engine != "serial":
        raise ValueError("engine must be 'serial' or 'dask'")
    if progress:  # (tqdm is imported only for a bar: the import takes 20-90 ms)
        from tqdm.auto import tqdm

        reports = tqdm(reports, desc="coding", unit="report")
    # The collector stays paused until the tables are made: the rows (a tuple or dict for each annotation,
    # claim and event) are freed by then; the collector's first pass after the coding would otherwise
    # walk them all (~10 ms for FA-KES's 793 reports, 40,000 rows).
    with _collector_paused():
        return _frames(*coder.code_many(reports))


def _run(coder, reports, strict=False):
    """Rows of many reports: (annotations, casualties, events, rejects, reports kept).

    Every way of coding runs through here.  A report that fails to code
    (any exception) goes to the rejects with its id and the error (with
    ``strict``, the error is raised); the rest are coded.

    Python's cyclic garbage collector is paused while the reports are
    coded (and while :func:`_frames` builds their tables): coding makes no reference cycles (``tests/test_coder.py`` checks
    that a run leaves none), so its passes find nothing, yet each full pass
    walks every object of the process (some 180,000 with pandas loaded:
    75 ms, about once per 1,300 reports).  Freed memory is still freed at
    once (reference counting); the collector runs again as before afterwards.
    """
    lex, grammar, rules = coder.lexicon, coder.grammar, coder.event_rules
    with _collector_paused():
        return _run_all(reports, lex, grammar, rules, strict)


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector off inside, as it was after (see :func:`_run`)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _run_all(reports, lex, grammar, rules, strict):
    ann, cas, ev, rejects, kept = [], [], [], [], {}
    for r in reports:
        try:
            a, c, e = _code_rows(r, lex, grammar, rules)
        except Exception as err:  # noqa: BLE001 - one bad report must not stop a corpus
            if strict:
                raise
            rejects.append(dict(source="coder", row=None, id=getattr(r, "id", "?"),
                                reason=f"{type(err).__name__}: {err}"))
            continue
        ann += a
        cas += c
        ev += e
        kept[r.id] = r
    return ann, cas, ev, rejects, kept
