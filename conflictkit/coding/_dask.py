"""Coding reports in memory on Dask (``code_reports(engine="dask")``).

In the coding layer so that :mod:`conflictkit.coding.coder` needs nothing
from :mod:`conflictkit.workflow.corpus` (which builds on this).
"""

import sys
from concurrent.futures.process import BrokenProcessPool

__all__ = ["code_reports_dask", "current_client", "refuse_in_spawned_child", "sorted_table", "NO_MAIN_GUARD"]

NO_MAIN_GUARD = ("engine='dask' starts worker processes, which rerun a script's top level: call conflictkit "
                 "under `if __name__ == \"__main__\":` (or start your own dask.distributed Client there)")

_SORT_KEYS = {"annotations": ["report_id", "start", "end", "label", "annotation_id"],
              "casualties": ["report_id", "start", "end", "claim_id"],
              "events": ["report_id", "event_id"], "rejects": ["source", "row", "id"]}


def current_client():
    """The current ``dask.distributed`` Client, or None."""
    try:
        from distributed import get_client

        return get_client()
    except (ImportError, ValueError):
        return None


def refuse_in_spawned_child():
    """In a worker process spawned from a script without a main guard, say so instead of recursing."""
    if getattr(sys.modules.get("__main__"), "__name__", None) == "__mp_main__":
        raise RuntimeError(NO_MAIN_GUARD)


def sorted_table(frame, name):
    """A coding table sorted by report and offsets (serial and parallel runs agree)."""
    keys = [k for k in _SORT_KEYS[name] if k in frame.columns]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True) if len(frame) else frame


def _code_partition(reports, coder):
    ann, cas, ev, rej, _ = coder.code_many(reports)
    return [(ann, cas, ev, rej)]


def code_reports_dask(reports, *, coder, npartitions=None):
    """:func:`conflictkit.code_reports` on Dask: partitions of reports are
    coded in parallel by ``coder`` (on the current ``dask.distributed``
    cluster when a Client is active) and the tables gathered, sorted by
    report and offsets."""
    import dask.bag as db

    from .coder import _frames

    reports = list(reports)
    if not reports:
        return _frames([], [], [], [], {})
    npartitions = npartitions or max(1, min(len(reports) // 50, 64))
    bag = db.from_sequence(reports, npartitions=npartitions).map_partitions(_code_partition, coder)
    if current_client() is None:
        refuse_in_spawned_child()
    try:
        parts = bag.compute()
    except BrokenProcessPool:
        raise RuntimeError(f"Dask's worker processes died; {NO_MAIN_GUARD}") from None
    ann, cas, ev, rej = [], [], [], []
    for a, c, e, r in parts:
        ann += a
        cas += c
        ev += e
        rej += r
    rejected = {r["id"] for r in rej}
    coding = _frames(ann, cas, ev, rej, {r.id: r for r in reports if r.id not in rejected})
    for name in ("annotations", "casualties", "events"):
        setattr(coding, name, sorted_table(getattr(coding, name), name))
    return coding
