"""A Parquet copy of a large table file, so that loading it again is fast.

The copy sits beside the file as ``<name>.conflictkit.parquet``; when that
folder cannot be written (a read-only data folder), it goes to the user's
cache folder (``$XDG_CACHE_HOME/conflictkit``, else ``~/.cache/conflictkit``).
It records the source file's size and modification time and is used only
while both still match: a changed file is read again and its copy replaced.
"""

import hashlib
import json
import os
from pathlib import Path

__all__ = ["cached_table", "cache_paths"]

_KEY = b"conflictkit.source"
_FORMAT = 1  # raise when what is stored in a copy changes


def _stamp(path):
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "format": _FORMAT}


def cache_paths(path):
    """Where the Parquet copy of ``path`` may be, in the order tried.

    Examples
    --------
    >>> [p.name for p in cache_paths("/data/acled.csv")][0]
    'acled.csv.conflictkit.parquet'
    """
    path = Path(path).resolve()
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "conflictkit"
    digest = hashlib.sha256(str(path).encode()).hexdigest()[:16]
    return [path.with_name(path.name + ".conflictkit.parquet"), home / f"{path.name}-{digest}.parquet"]


def _read_fresh(cache, stamp):
    import pyarrow.parquet as pq

    try:
        meta = pq.read_schema(cache).metadata or {}
        if json.loads(meta.get(_KEY, b"{}")) != stamp:
            return None
        return pq.read_table(cache).to_pandas()
    except (OSError, ValueError):  # absent, unreadable or not Parquet (ArrowInvalid is a ValueError)
        return None


def _write(frame, cache, stamp):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), _KEY: json.dumps(stamp).encode()})
    tmp = cache.with_name(f".{cache.name}.{os.getpid()}.part")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, tmp)
        os.replace(tmp, cache)
        return True
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False


def cached_table(path, read):
    """``read(path)``, a DataFrame, taken from its Parquet copy when the copy
    is fresh; otherwise read and the copy written (where a folder allows).

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "t.csv").write_text("a,b\\n1,x\\n")
    >>> calls = []
    >>> read = lambda p: calls.append(p) or pd.read_csv(p)
    >>> cached_table(folder / "t.csv", read).equals(cached_table(folder / "t.csv", read)), len(calls)
    (True, 1)
    """
    path = Path(path)
    stamp = _stamp(path)
    places = cache_paths(path)
    for cache in places:
        frame = _read_fresh(cache, stamp)
        if frame is not None:
            return frame
    frame = read(path)
    for cache in places:
        if _write(frame, cache, stamp):
            break
    return frame
