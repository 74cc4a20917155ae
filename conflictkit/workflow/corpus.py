"""Coding at corpus scale: streaming to Parquet, resumable runs, and Dask.

:func:`code_corpus` reads a corpus in chunks, codes each chunk and writes
its tables as Parquet parts under ``out/``; memory stays flat in the corpus
size.  The folder belongs to one source and one configuration, recorded in
``out/_manifest.json``; each finished chunk leaves a record in ``_chunks/``
keyed by its report ids, a hash of their texts and the coder fingerprint,
with the row count and SHA-256 of each of its parts, so a rerun after an
interruption recodes only the chunks whose parts are missing or damaged.
A run holds ``out/_lock`` while it writes.  With ``engine="dask"`` the chunks are
coded on the current ``dask.distributed`` cluster, or on a local one started
for the run; :func:`code_reports_dask` codes partitions of reports in memory
with Dask's current scheduler.
"""

import hashlib
import io
import json
import os
import shutil
import socket
import uuid
import warnings
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from ..coding.coder import (
    ANNOTATION_COLUMNS, CASUALTY_COLUMNS, CODER_VERSION, EVENT_COLUMNS, Coding, _coder, code_reports,
)
from ..coding._dask import NO_MAIN_GUARD, current_client, refuse_in_spawned_child, sorted_table
from ..errors import InputError
from ..io.reports import REJECT_COLUMNS, Report, _build_reports, _iter_chunk_items, _rejects_frame, _Row

__all__ = ["code_corpus", "read_coding", "code_reports_dask", "chunk_key", "coder_fingerprint", "TABLES",
           "DASK_CODING_CONFIG"]

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


def coder_fingerprint():
    """The string that names the coder and its options in a corpus folder.

    A folder's chunks are keyed by it: another fingerprint is another
    configuration.

    Examples
    --------
    >>> coder_fingerprint().startswith("conflictkit-coder ")
    True
    """
    return f"conflictkit-coder {CODER_VERSION}"


def chunk_key(reports, coder=None):
    """A key for a chunk: coder fingerprint, report ids and a hash of their texts.

    ``reports`` are Reports, or a table's screened rows (whose text hash is
    already taken; their title, outlet and url count too).  ``coder`` is the
    fingerprint (default :func:`coder_fingerprint`).
    """
    h = hashlib.sha256((coder or coder_fingerprint()).encode())
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


_MANIFEST = "_manifest.json"
_LOCK = "_lock"
_OWN = (*TABLES, "_chunks", _MANIFEST)
_COLUMNS = {"annotations": ANNOTATION_COLUMNS, "casualties": CASUALTY_COLUMNS, "events": EVENT_COLUMNS,
            "rejects": REJECT_COLUMNS}

def _code_chunk(index, items, load_rejects, key, out, coder):
    """Build and code one chunk and write its Parquet parts and its record (runs on a worker)."""
    reports, failed = _build_reports(items)
    if failed:
        load_rejects = pd.concat([load_rejects, _rejects_frame(failed)], ignore_index=True)
    coding = code_reports(reports, coder=coder, progress=False)
    rejects = pd.concat([load_rejects.astype({"row": "Int64"}), coding.rejects.astype({"row": "Int64"})],
                        ignore_index=True)
    tables = {"annotations": coding.annotations, "casualties": coding.casualties, "events": coding.events,
              "rejects": rejects.astype({"source": "string", "id": "string", "reason": "string"})}
    out = Path(out)
    parts = {name: _write_part(table, out, name, index) for name, table in tables.items()}
    summary = dict(chunk=index, key=key, reports=len(reports), coded=len(coding.reports),
                   rejects=len(rejects), casualties=len(coding.casualties), events=len(coding.events), parts=parts)
    marker = _marker(out, index)
    marker.parent.mkdir(parents=True, exist_ok=True)
    _write_atomically(marker, json.dumps(summary).encode())  # the record appears only once every part is written
    return summary


def _marker(out, index):
    return Path(out) / "_chunks" / f"chunk-{index:06d}.json"


def _write_atomically(path, data):
    """Write ``data`` to a temporary name unique to this process and call, then move it into place."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}-{uuid.uuid4().hex[:12]}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_part(table, out, name, index):
    """Write one table of one chunk; its record: file (relative to ``out``), rows and sha256."""
    frame = table.copy()
    for c in frame.columns:
        if frame[c].dtype == object:
            frame[c] = frame[c].map(lambda v: v.isoformat() if hasattr(v, "isoformat") else v).astype("string")
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    data = buffer.getvalue()
    path = out / name / f"part-{index:06d}.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomically(path, data)
    return dict(file=f"{name}/{path.name}", rows=len(frame), sha256=hashlib.sha256(data).hexdigest())


def _part_bytes(out, part):
    """``(bytes, None)`` for a sound part, or ``(None, problem)``."""
    path = Path(out) / part["file"]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, "part is missing"
    if hashlib.sha256(data).hexdigest() != part["sha256"]:
        return None, "part is damaged (its checksum differs from the manifest)"
    return data, None


def _read_json(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _done(out, index, key):
    """The record of chunk ``index`` if it was coded with this key and every part is sound, else None."""
    summary = _read_json(_marker(out, index))
    if not isinstance(summary, dict) or summary.get("key") != key or set(summary.get("parts", ())) != set(TABLES):
        return None
    for part in summary["parts"].values():
        _, problem = _part_bytes(out, part)
        if problem:
            warnings.warn(f"{Path(out) / part['file']}: {problem}; recoding chunk {index}", stacklevel=2)
            return None
    return summary


# --------------------------------------------------------------------------
# the folder: manifest, lock


def _configuration(source, chunk_size, columns, coder, resources=None):
    """What a folder belongs to: the source, chunk_size, loading options and the coder fingerprint
    (``resources``, the overlays and their fingerprint, is recorded but not compared: a changed
    overlay recodes the chunks, whose keys hold it)."""
    if isinstance(source, (str, Path)):
        path = Path(source).resolve()
        stat = path.stat() if path.exists() else None
        record = dict(path=str(path), size=stat.st_size if stat and path.is_file() else None,
                      mtime_ns=stat.st_mtime_ns if stat else None)
    else:
        record = dict(path=None, size=None, mtime_ns=None)  # reports given in memory
    config = dict(format=1, source=record, chunk_size=chunk_size, options=dict(sorted(columns.items())),
                  coder=coder, resources=resources)
    return json.loads(json.dumps(config, default=str))


def _differences(old, new):
    """How the folder's configuration ``old`` differs from this run's (source size and time may change)."""
    diffs = []
    was, now = (old.get("source") or {}).get("path"), new["source"]["path"]
    if was != now:
        diffs.append(f"source {was or 'reports in memory'}, not {now or 'reports in memory'}")
    diffs += [f"{k} {old.get(k)!r}, not {new[k]!r}" for k in ("chunk_size", "options", "coder", "format")
              if old.get(k) != new[k]]
    return diffs


def _claim(out, config, overwrite):
    """Resume a folder of this configuration, start an empty one, or refuse (or, with overwrite, clear)
    one holding chunks coded from another source or configuration."""
    old = _read_json(out / _MANIFEST)
    ours = [n for n in _OWN if (out / n).exists()]
    if isinstance(old, dict):
        diffs = _differences(old, config)
    else:
        diffs = ["no readable _manifest.json (an older conflictkit?)"] if ours else []
    if diffs and any(out.glob("_chunks/chunk-*.json")):
        why = "; ".join(diffs)
        if not overwrite:
            raise InputError(out, f"holds the coding of another source or configuration ({why}); "
                                  "pass overwrite=True to start clean, or use another folder")
        warnings.warn(f"{out}: starting clean, removing the coding it held ({why})", stacklevel=3)
    if diffs:  # another coding, removed as asked, or one with no chunk coded yet: nothing to lose
        for name in ours:
            shutil.rmtree(out / name) if (out / name).is_dir() else (out / name).unlink()
    for folder in (out, out / "_chunks", *(out / name for name in TABLES)):  # left by a killed run (we hold the lock)
        for tmp in folder.glob("*.tmp"):
            tmp.unlink(missing_ok=True)
    _write_manifest(out, dict(config, complete=False, chunks=None))


def _write_manifest(out, manifest):
    _write_atomically(out / _MANIFEST, (json.dumps(manifest, indent=1) + "\n").encode())


@contextmanager
def _locked(out):
    """Hold ``out/_lock`` (pid and host) for the run; a lock of a dead process is taken over."""
    lock = out / _LOCK
    _take_lock(lock, out)
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


def _take_lock(lock, out):
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = _read_json(lock)
            if not _is_stale(holder):
                who = f"pid {holder.get('pid')} on {holder.get('host')}" if isinstance(holder, dict) else "unknown"
                raise InputError(out, f"in use by another run ({who}); wait for it to finish, or delete {lock} "
                                      "if no run is using the folder") from None
            warnings.warn(f"{out}: taking over the stale lock of pid {holder['pid']}, which is no longer running",
                          stacklevel=4)
            lock.unlink(missing_ok=True)
            continue
        with os.fdopen(fd, "w") as f:
            json.dump(dict(pid=os.getpid(), host=socket.gethostname()), f)
        return
    raise InputError(out, f"in use by another run (it took {lock} just now)")


def _is_stale(holder):
    """A lock held by a process of this host that no longer runs."""
    if not isinstance(holder, dict) or holder.get("host") != socket.gethostname():
        return False
    pid = holder.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def _prune(out, n_chunks):
    """Remove the records and parts of chunks past the end of the source (a longer earlier version)."""
    for path in [*out.glob("_chunks/chunk-*.json"), *out.glob("*/part-*.parquet")]:
        number = path.stem.split("-")[-1]
        if number.isdigit() and int(number) >= n_chunks:
            path.unlink()


def code_corpus(source, out, *, chunk_size=1000, engine="serial", progress=True, max_chunks=None,
                overwrite=False, resources=None, coder=None, **columns):
    """Code a corpus too large for memory, chunk by chunk, into Parquet parts.

    Parameters
    ----------
    source : path or iterable of Report
        A folder, a CSV/TSV/JSONL/Parquet table (column names as in
        :func:`conflictkit.load_reports`: ``text_column=`` …), or reports.
    out : path
        Output folder: ``annotations/``, ``casualties/``, ``events/``,
        ``rejects/`` (Parquet parts, one per chunk), ``_chunks/`` (a
        record per chunk: its key, and each part's row count and SHA-256)
        and ``_manifest.json`` (the source's path, size and modification
        time, ``chunk_size``, the loading options and the coder
        fingerprint).
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
    resources : str, Path or sequence of them, optional
        Overlay folder(s) extending the bundled grammar, dictionaries and
        event rules (see :class:`~conflictkit.coding.coder.Coder`).
    coder : Coder, optional
        A coder built beforehand (instead of ``resources``).
    overwrite : bool
        A folder that holds the coding of another source (path) or
        configuration (``chunk_size``, options, coder) is refused with a
        one-line :class:`~conflictkit.InputError`; with ``overwrite=True``
        its coding is removed and the run starts clean, with a warning.

    Returns
    -------
    DataFrame
        One row per chunk: ``chunk``, ``status`` (coded or skipped),
        ``reports``, ``rejects``, ``casualties``, ``events``.

    Raises
    ------
    InputError
        The folder is in use by another run (``out/_lock`` names its pid
        and host; a lock left by a dead process is taken over with a
        warning), or holds another coding (see ``overwrite``).

    Notes
    -----
    A rerun of the same source and configuration resumes: a chunk is
    skipped when its record's key matches (report ids, text hashes and the
    coder's fingerprint: its version, resolved resources and options, so
    editing an overlay or a bundled file recodes) and each of its parts exists with the recorded SHA-256;
    otherwise it is recoded.  An edited source file is the same source:
    changed chunks are recoded, and chunks past its new end removed.
    Parts are written under temporary names and moved into place.

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
    >>> with dask.config.set(ck.workflow.DASK_CODING_CONFIG), LocalCluster(n_workers=2, threads_per_worker=1) as cluster, \\
    ...         Client(cluster):  # doctest: +SKIP
    ...     summary = ck.code_corpus("corpus.csv", "coded/", engine="dask")
    """
    if engine not in ("serial", "dask"):
        raise ValueError("engine must be 'serial' or 'dask'")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(out, "is a file; code_corpus writes a folder")
    if isinstance(source, (str, Path)) and not Path(source).exists():
        raise InputError(source, "no such file or folder")
    out.mkdir(parents=True, exist_ok=True)
    coder = _coder(coder, resources)
    config = _configuration(source, chunk_size, columns, coder_fingerprint(),
                            dict(overlays=list(coder.resources.overlays), fingerprint=coder.resources.fingerprint))
    with _locked(out):
        _claim(out, config, overwrite)
        state = {}
        rows = _run(engine, _todo(source, out, chunk_size, columns, max_chunks, coder, state), out, progress,
                    coder)
        if state.get("complete"):
            _prune(out, len(rows))
            _write_manifest(out, dict(config, complete=True, chunks=len(rows)))
    summary = pd.DataFrame(rows, columns=["chunk", "status", "reports", "coded", "rejects", "casualties",
                                          "events", "key"])
    return summary.sort_values("chunk").reset_index(drop=True)


def _run(engine, todo, out, progress, coder):
    from tqdm.auto import tqdm

    with tqdm(disable=not progress, desc="coding corpus", unit="chunk") as bar:
        if engine == "serial":
            return _code_here(todo, out, bar, coder)
        if (client := current_client()) is not None:
            return _code_on_cluster(client, todo, out, bar, coder)
        with _local_client() as client:
            return _code_on_cluster(client, todo, out, bar, coder)


def _code_here(todo, out, bar, coder):
    rows = []
    for index, items, rejects, key, done in todo:
        if done is None:
            rows.append(dict(_code_chunk(index, items, rejects, key, out, coder), status="coded"))
        else:
            rows.append(dict(done, status="skipped"))
        bar.update()
    return rows


def _todo(source, out, chunk_size, columns, max_chunks, coder, state):
    """(index, items, rejects, key, summary-if-already-coded) for each chunk;
    ``state["complete"]`` is set once the whole source is read."""
    for index, (items, rejects) in enumerate(_chunks(source, chunk_size, columns)):
        if max_chunks is not None and index >= max_chunks:
            return
        key = chunk_key(items, f"{coder_fingerprint()} {coder.fingerprint}")
        yield index, items, rejects, key, _done(out, index, key)
    state["complete"] = True


@contextmanager
def _local_client():
    """A LocalCluster for one run: a worker process per core, under DASK_CODING_CONFIG."""
    import dask
    from distributed import Client, LocalCluster

    refuse_in_spawned_child()
    with dask.config.set(DASK_CODING_CONFIG):
        try:
            cluster = LocalCluster(threads_per_worker=1, processes=True, dashboard_address=None)
        except RuntimeError as err:
            raise RuntimeError(f"could not start Dask workers ({err}); {NO_MAIN_GUARD}") from None
        with cluster, Client(cluster, set_as_default=False) as client:
            yield client


def _code_on_cluster(client, todo, out, bar, coder):
    """Pipeline on a dask.distributed cluster: the driver reads the next chunk
    while the workers code the previous ones (at most two chunks per worker
    in flight, so memory stays bounded).  Waits through this client, never
    a default one."""
    from distributed import as_completed

    limit = 2 * max(1, len(client.scheduler_info().get("workers", {})))
    direct = client.direct_to_workers is not False  # the rows go straight to a worker, not via the scheduler
    rows, running = [], as_completed(loop=client.loop)
    for index, items, rejects, key, done in todo:
        if done is not None:
            rows.append(dict(done, status="skipped"))
            bar.update()
            continue
        [chunk] = client.scatter([(items, rejects)], direct=direct, hash=False)
        running.add(client.submit(_code_scattered_chunk, index, chunk, key, str(out), coder, pure=False))
        if running.count() >= limit:
            rows.append(dict(next(running).result(), status="coded"))
            bar.update()
    for future in running:
        rows.append(dict(future.result(), status="coded"))
        bar.update()
    return rows


def _code_scattered_chunk(index, chunk, key, out, coder):
    items, rejects = chunk
    return _code_chunk(index, items, rejects, key, out, coder)


def read_coding(out, *, reports=None):
    """Read the tables :func:`code_corpus` wrote back into one :class:`Coding`.

    Rows are sorted by report id and offsets, so a serial and a Dask run of
    the same corpus give identical tables.  Each part is checked against
    its record (exists, SHA-256, row count).

    Raises
    ------
    InputError
        Not a :func:`code_corpus` folder, or a part missing or damaged (the
        message names it; rerun :func:`code_corpus` to recode its chunk).

    Warns
    -----
    UserWarning
        The run that wrote the folder did not finish: the tables are partial
        (the warning counts the chunks and reports coded).
    """
    out = Path(out)
    manifest = _read_json(out / _MANIFEST)
    if not isinstance(manifest, dict):
        problem = "no readable _manifest.json (written by an older conflictkit? code it again)" \
            if (out / "_chunks").is_dir() else "not a code_corpus output folder (no _manifest.json)"
        raise InputError(out, problem)
    chunks = _records(out, manifest)
    if not manifest.get("complete"):
        warnings.warn(f"{out}: the run that wrote it has not finished: {len(chunks)} chunks "
                      f"({sum(c.get('reports', 0) for c in chunks):,} reports) coded; rerun code_corpus "
                      "to finish it, these tables are partial", stacklevel=2)
    frames = {}
    for name in TABLES:
        parts = [_read_part(out, c["parts"][name]) for c in chunks]
        frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=_COLUMNS[name])
        frames[name] = _sorted(frame, name)
    return Coding(frames["annotations"], frames["casualties"], frames["events"], frames["rejects"], reports or {})


def _records(out, manifest):
    """The chunk records of a folder, in chunk order (only those of the source's chunks once complete)."""
    records = []
    for path in sorted(out.glob("_chunks/chunk-*.json")):
        record = _read_json(path)
        if not isinstance(record, dict) or set(record.get("parts", ())) != set(TABLES):
            raise InputError(path, "chunk record is unreadable; rerun code_corpus on this folder to recode it")
        if manifest.get("chunks") is None or record["chunk"] < manifest["chunks"]:
            records.append(record)
    return records


def _read_part(out, part):
    data, problem = _part_bytes(out, part)
    path = out / part["file"]
    if problem:
        raise InputError(path, f"{problem}; rerun code_corpus on this folder to recode its chunk")
    frame = pd.read_parquet(io.BytesIO(data))
    if len(frame) != part["rows"]:
        raise InputError(path, f"part has {len(frame)} rows, its record {part['rows']}; rerun code_corpus")
    return frame


def _sorted(frame, name):
    return sorted_table(frame, name)


def code_reports_dask(reports, *, npartitions=None, resources=None, coder=None):
    """:func:`conflictkit.code_reports` on Dask (``engine="dask"``): partitions
    of reports are coded in parallel (on the current ``dask.distributed``
    cluster when a Client is active) and the tables gathered, sorted like
    :func:`read_coding`."""
    return code_reports(reports, resources=resources, coder=coder, engine="dask", npartitions=npartitions)
