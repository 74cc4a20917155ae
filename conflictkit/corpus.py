"""Coding at corpus scale: streaming to Parquet, resumable runs, and Dask.

:func:`code_corpus` reads a corpus in chunks, codes each chunk and writes
its tables as Parquet parts under ``out/``; memory stays flat in the corpus
size.  Each finished chunk leaves a marker keyed by its report ids, a hash
of their texts and the coder version, so a rerun after an interruption
skips the chunks already coded.  With ``engine="dask"`` the chunks are
coded on the current ``dask.distributed`` cluster, or on a local one started
for the run; :func:`code_reports_dask` codes partitions of reports in memory
with Dask's current scheduler.
"""

import hashlib
import json
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from .coding.coder import (
    ANNOTATION_COLUMNS, CASUALTY_COLUMNS, CODER_VERSION, EVENT_COLUMNS, Coding, _frames, code_reports,
)
from .errors import InputError
from .reports import REJECT_COLUMNS, Report, _build_reports, _iter_chunk_items, _rejects_frame, _Row

__all__ = ["code_corpus", "read_coding", "code_reports_dask", "chunk_key", "TABLES", "DASK_CODING_CONFIG"]

TABLES = ("annotations", "casualties", "events", "rejects")

#: Dask settings for a cluster that codes a corpus (pass to ``dask.config.set``
#: before starting it).  Coding is pure-Python CPU work with every core busy,
#: where Dask's housekeeping is not free: the statistical profiler samples each
#: worker's stack every 10 ms, and every process wakes every 20 ms to check its
#: event loop, every 100 ms to read its memory and every 500 ms for system
#: figures.  On 2 cores these cost two busy workers 8–14% of their speed
#: (``benchmarks/corpus_scale.py``); with these settings, 2–3%.  The memory
#: limit is then checked once a second, ample for coding's flat memory.
DASK_CODING_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


def chunk_key(reports):
    """A key for a chunk: coder version, report ids and a hash of their texts.

    ``reports`` are Reports, or a table's screened rows (whose text hash is
    already taken; their title, outlet and url count too).
    """
    h = hashlib.sha256(CODER_VERSION.encode())
    for r in reports:
        h.update(r.id.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
        if isinstance(r, _Row):
            h.update(r.text_key)
            h.update(repr((r.published, r.title, r.outlet, r.url, r.find_header, r.notes)).encode(
                "utf-8", "surrogatepass"))
            continue
        h.update(hashlib.blake2b(str(r.text or "").encode("utf-8", "surrogatepass"), digest_size=16).digest())
        h.update(str(r.published).encode())
    return h.hexdigest()


def _chunks(source, chunk_size, columns):
    """``(items, rejects)`` per chunk; a table's rows are left for the worker
    to build into reports, so the driver only reads and screens them."""
    if isinstance(source, (str, Path)):
        for items, rejects in _iter_chunk_items(source, chunk_size=chunk_size, **columns):
            yield items, _rejects_frame(rejects)
        return
    batch = []
    for item in source:
        if not isinstance(item, Report):
            raise InputError("reports", f"expected Report objects, got {type(item).__name__}")
        batch.append(item)
        if len(batch) >= chunk_size:
            yield batch, pd.DataFrame(columns=REJECT_COLUMNS)
            batch = []
    if batch:
        yield batch, pd.DataFrame(columns=REJECT_COLUMNS)


def _code_chunk(index, items, load_rejects, key, out):
    """Build and code one chunk and write its Parquet parts and its marker (runs on a worker)."""
    reports, failed = _build_reports(items)
    if failed:
        load_rejects = pd.concat([load_rejects, _rejects_frame(failed)], ignore_index=True)
    coding = code_reports(reports, progress=False)
    coder_rejects = coding.rejects.rename(columns={"report_id": "id"}).assign(source="coder", row=pd.NA)
    rejects = pd.concat([load_rejects.astype({"row": "Int64"}), coder_rejects[REJECT_COLUMNS].astype({"row": "Int64"})],
                        ignore_index=True)
    tables = {"annotations": coding.annotations, "casualties": coding.casualties, "events": coding.events,
              "rejects": rejects.astype({"source": "string", "id": "string", "reason": "string"})}
    out = Path(out)
    for name, table in tables.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        _to_parquet(table, folder / f"part-{index:06d}.parquet")
    marker = out / "_chunks" / f"chunk-{index:06d}.json"
    marker.parent.mkdir(parents=True, exist_ok=True)
    summary = dict(chunk=index, key=key, reports=len(reports), coded=len(coding.reports),
                   rejects=len(rejects), casualties=len(coding.casualties), events=len(coding.events))
    tmp = marker.with_suffix(".tmp")
    tmp.write_text(json.dumps(summary))
    tmp.replace(marker)  # the marker appears only once every part is written
    return summary


def _to_parquet(table, path):
    frame = table.copy()
    for c in frame.columns:
        if frame[c].dtype == object:
            frame[c] = frame[c].map(lambda v: v.isoformat() if hasattr(v, "isoformat") else v).astype("string")
    tmp = path.with_suffix(".tmp")
    frame.to_parquet(tmp, index=False)
    tmp.replace(path)


def _done(out, index, key):
    marker = Path(out) / "_chunks" / f"chunk-{index:06d}.json"
    if not marker.exists():
        return None
    try:
        summary = json.loads(marker.read_text())
    except (OSError, json.JSONDecodeError):
        return None
    return summary if summary.get("key") == key else None


def code_corpus(source, out, *, chunk_size=1000, engine="serial", progress=True, max_chunks=None,
                **columns):
    """Code a corpus too large for memory, chunk by chunk, into Parquet parts.

    Parameters
    ----------
    source : path or iterable of Report
        A folder, a CSV/TSV/JSONL/Parquet table (column names as in
        :func:`conflictkit.load_reports`: ``text_column=`` …), or reports.
    out : path
        Output folder: ``annotations/``, ``casualties/``, ``events/``,
        ``rejects/`` (Parquet parts, one per chunk) and ``_chunks/`` markers.
    chunk_size : int
        Reports per chunk.
    engine : {"serial", "dask"}
        ``"dask"`` codes chunks in parallel on the current Dask cluster
        (a ``dask.distributed.Client``) or, with none, on a ``LocalCluster``
        started for the run: one worker process per core, under
        :data:`DASK_CODING_CONFIG`.  Worker processes are spawned, so a
        script that starts one must do it under ``if __name__ == "__main__":``.
    max_chunks : int, optional
        Stop after this many chunks (coded or skipped); for tests and trials.

    Returns
    -------
    DataFrame
        One row per chunk: ``chunk``, ``status`` (coded or skipped),
        ``reports``, ``rejects``, ``casualties``, ``events``.

    Notes
    -----
    On a cluster the driver reads and screens a table's rows (empty texts,
    repeated ids, dates) and sends each chunk straight to a worker, which
    builds the reports and codes them.  Start the cluster under
    :data:`DASK_CODING_CONFIG`: Dask's default housekeeping costs busy
    workers about a tenth of their speed.

    Examples
    --------
    >>> import conflictkit as ck
    >>> summary = ck.code_corpus("corpus.csv", "coded/", text_column="article_content")  # doctest: +SKIP
    >>> coding = ck.read_coding("coded/")  # doctest: +SKIP

    On two local processes:

    >>> import dask
    >>> from distributed import Client, LocalCluster
    >>> with dask.config.set(ck.DASK_CODING_CONFIG), LocalCluster(n_workers=2, threads_per_worker=1) as cluster, \\
    ...         Client(cluster):  # doctest: +SKIP
    ...     summary = ck.code_corpus("corpus.csv", "coded/", engine="dask")
    """
    from tqdm.auto import tqdm

    if engine not in ("serial", "dask"):
        raise ValueError("engine must be 'serial' or 'dask'")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    todo = _todo(source, out, chunk_size, columns, max_chunks)
    with tqdm(disable=not progress, desc="coding corpus", unit="chunk") as bar:
        if engine == "serial":
            rows = _code_here(todo, out, bar)
        elif (client := _current_client()) is not None:
            rows = _code_on_cluster(client, todo, out, bar)
        else:
            with _local_client() as client:
                rows = _code_on_cluster(client, todo, out, bar)
    summary = pd.DataFrame(rows, columns=["chunk", "status", "reports", "coded", "rejects", "casualties",
                                          "events", "key"])
    return summary.sort_values("chunk").reset_index(drop=True)


def _code_here(todo, out, bar):
    rows = []
    for index, items, rejects, key, done in todo:
        if done is None:
            rows.append(dict(_code_chunk(index, items, rejects, key, out), status="coded"))
        else:
            rows.append(dict(done, status="skipped"))
        bar.update()
    return rows


def _todo(source, out, chunk_size, columns, max_chunks):
    """(index, items, rejects, key, summary-if-already-coded) for each chunk."""
    for index, (items, rejects) in enumerate(_chunks(source, chunk_size, columns)):
        if max_chunks is not None and index >= max_chunks:
            return
        key = chunk_key(items)
        yield index, items, rejects, key, _done(out, index, key)


def _current_client():
    try:
        from distributed import get_client

        return get_client()
    except (ImportError, ValueError):
        return None


@contextmanager
def _local_client():
    """A LocalCluster for one run: a worker process per core, under DASK_CODING_CONFIG."""
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set(DASK_CODING_CONFIG), \
            LocalCluster(threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster, set_as_default=False) as client:
        yield client


def _code_on_cluster(client, todo, out, bar):
    """Pipeline on a dask.distributed cluster: the driver reads the next chunk
    while the workers code the previous ones (at most two chunks per worker
    in flight, so memory stays bounded)."""
    from distributed import wait

    limit = 2 * max(1, len(client.scheduler_info().get("workers", {})))
    direct = client.direct_to_workers is not False  # the rows go straight to a worker, not via the scheduler
    rows, futures = [], []
    for index, items, rejects, key, done in todo:
        if done is not None:
            rows.append(dict(done, status="skipped"))
            bar.update()
            continue
        [chunk] = client.scatter([(items, rejects)], direct=direct, hash=False)
        futures.append(client.submit(_code_scattered_chunk, index, chunk, key, str(out), pure=False))
        if len(futures) >= limit:
            finished, rest = wait(futures, return_when="FIRST_COMPLETED")
            rows += [dict(f.result(), status="coded") for f in finished]
            bar.update(len(finished))
            futures = list(rest)
    rows += [dict(f.result(), status="coded") for f in futures]
    bar.update(len(futures))
    return rows


def _code_scattered_chunk(index, chunk, key, out):
    items, rejects = chunk
    return _code_chunk(index, items, rejects, key, out)


def read_coding(out, *, reports=None):
    """Read the tables :func:`code_corpus` wrote back into one :class:`Coding`.

    Rows are sorted by report id and offsets, so a serial and a Dask run of
    the same corpus give identical tables.
    """
    out = Path(out)
    if not (out / "_chunks").is_dir():
        raise InputError(out, "not a code_corpus output folder (no _chunks/)")
    frames = {}
    columns = {"annotations": ANNOTATION_COLUMNS, "casualties": CASUALTY_COLUMNS, "events": EVENT_COLUMNS,
               "rejects": REJECT_COLUMNS}
    for name in TABLES:
        parts = sorted((out / name).glob("part-*.parquet"))
        frame = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True) if parts else \
            pd.DataFrame(columns=columns[name])
        frames[name] = _sorted(frame, name)
    rejects = frames["rejects"].rename(columns={"id": "report_id"})
    coding = Coding(frames["annotations"], frames["casualties"], frames["events"], rejects,
                    reports or {})
    return coding


def _sorted(frame, name):
    keys = {"annotations": ["report_id", "start", "end", "label", "annotation_id"],
            "casualties": ["report_id", "start", "end", "claim_id"],
            "events": ["report_id", "event_id"], "rejects": ["source", "row", "id"]}[name]
    keys = [k for k in keys if k in frame.columns]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True) if len(frame) else frame


def _code_partition(reports):
    from .coding.coder import _code_many

    ann, cas, ev, rej, _ = _code_many(reports)
    return [(ann, cas, ev, rej)]


def code_reports_dask(reports, *, npartitions=None):
    """:func:`conflictkit.code_reports` on Dask: partitions of reports are
    coded in parallel (on the current ``dask.distributed`` cluster when a
    Client is active) and the tables gathered, sorted like :func:`read_coding`."""
    import dask.bag as db

    reports = list(reports)
    if not reports:
        return _frames([], [], [], [], {})
    npartitions = npartitions or max(1, min(len(reports) // 50, 64))
    bag = db.from_sequence(reports, npartitions=npartitions).map_partitions(_code_partition)
    ann, cas, ev, rej = [], [], [], []
    for a, c, e, r in bag.compute():
        ann += a
        cas += c
        ev += e
        rej += r
    rejected = {r["report_id"] for r in rej}
    coding = _frames(ann, cas, ev, rej, {r.id: r for r in reports if r.id not in rejected})
    coding.annotations = _sorted(coding.annotations, "annotations")
    coding.casualties = _sorted(coding.casualties, "casualties")
    coding.events = _sorted(coding.events, "events")
    return coding
