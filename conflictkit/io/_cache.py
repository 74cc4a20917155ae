"""Parquet copies of what a loader made from a large file, so that loading
it again takes seconds.

The copies sit beside the file as ``<name>.conflictkit.parquet`` (and
``<name>.conflictkit.1.parquet`` … for a loader's further tables); when that
folder cannot be written (a read-only data folder), they go to the user's
cache folder (``$XDG_CACHE_HOME/conflictkit``, else ``~/.cache/conflictkit``).
Each records the source file's size and modification time and a fingerprint
of the code that made it (conflictkit's files, the pandas, pyarrow and
pycountry versions); it is used only while all of these still match, so a
changed file or a new conflictkit reads the file again and replaces it.
"""

import functools
import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

import pandas as pd

__all__ = ["cached_frames", "cache_paths", "code_fingerprint"]

_KEY = b"conflictkit.source"
_DTYPES = b"conflictkit.dtypes"


@functools.lru_cache(maxsize=None)
def code_fingerprint():
    """A hash of conflictkit's code and bundled data and of the versions of
    the libraries its loaders lean on."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for f in sorted(root.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts:
            digest.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    for lib in ("pandas", "pyarrow", "pycountry"):
        digest.update(f"{lib}=={metadata.version(lib)}".encode())
    return digest.hexdigest()[:16]


def _stamp(path, parts):
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "code": code_fingerprint(), "parts": parts}


def cache_paths(path):
    """Where the first Parquet copy of ``path`` may be, in the order tried.

    Examples
    --------
    >>> [p.name for p in cache_paths("/data/acled.csv")][0]
    'acled.csv.conflictkit.parquet'
    """
    path = Path(path).resolve()
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "conflictkit"
    digest = hashlib.sha256(str(path).encode()).hexdigest()[:16]
    return [path.with_name(f"{path.name}.conflictkit.parquet"), home / f"{path.name}-{digest}.conflictkit.parquet"]


def _part(first, i):
    return first if i == 0 else first.with_name(first.name.replace(".conflictkit.parquet", f".conflictkit.{i}.parquet"))


def _read_fresh(first, path):
    """The frames stored at ``first`` (and its further parts) when they were
    made from ``path`` as it is now, by this code; else None."""
    import pyarrow.parquet as pq

    frames = []
    try:
        parts = json.loads((pq.read_schema(first).metadata or {}).get(_KEY, b"{}")).get("parts", 0)
        stamp = _stamp(path, parts)
        for i in range(parts):
            meta = pq.read_schema(_part(first, i)).metadata or {}
            if json.loads(meta.get(_KEY, b"{}")) != stamp:
                return None
            frame = pq.read_table(_part(first, i)).to_pandas()
            frames.append(frame.astype(_dtypes_from_json(meta.get(_DTYPES, b"{}"))))
    except (OSError, ValueError):  # absent, unreadable or not Parquet (ArrowInvalid is a ValueError)
        return None
    return tuple(frames) or None


def _dtypes_to_json(frame):
    """The dtypes Parquet does not bring back: datetime64[s] (it keeps ms at
    the coarsest) and the categories of a categorical with no values."""
    kept = {}
    for column, dtype in frame.dtypes.items():
        if isinstance(dtype, pd.CategoricalDtype):
            kept[column] = {"categories": dtype.categories.tolist(), "ordered": bool(dtype.ordered)}
        elif str(dtype).startswith("datetime64"):
            kept[column] = str(dtype)
    return json.dumps(kept).encode()


def _dtypes_from_json(text):
    return {c: pd.CategoricalDtype(**d) if isinstance(d, dict) else d for c, d in json.loads(text).items()}


def _write(frames, first, stamp):
    import pyarrow as pa
    import pyarrow.parquet as pq

    done = []
    try:
        first.parent.mkdir(parents=True, exist_ok=True)
        for i, frame in enumerate(frames):
            table = pa.Table.from_pandas(frame, preserve_index=False)
            table = table.replace_schema_metadata({**(table.schema.metadata or {}), _KEY: json.dumps(stamp).encode(),
                                                   _DTYPES: _dtypes_to_json(frame)})
            tmp = _part(first, i).with_name(f".{_part(first, i).name}.{os.getpid()}.part")
            done.append(tmp)
            pq.write_table(table, tmp)
        for i, tmp in enumerate(done):
            os.replace(tmp, _part(first, i))
        return True
    except OSError:
        for tmp in done:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
        return False


def cached_frames(path, read):
    """``read(path)``, a tuple of DataFrames, taken from their Parquet copies
    when these are fresh; otherwise read, and the copies written (where a
    folder allows).

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "t.csv").write_text("a,b\\n1,x\\n")
    >>> calls = []
    >>> read = lambda p: calls.append(p) or (pd.read_csv(p), pd.DataFrame({"n": [1]}))
    >>> first, again = cached_frames(folder / "t.csv", read), cached_frames(folder / "t.csv", read)
    >>> all(a.equals(b) for a, b in zip(first, again)), len(calls)
    (True, 1)
    """
    path = Path(path)
    places = cache_paths(path)
    for first in places:
        frames = _read_fresh(first, path)
        if frames is not None:
            return frames
    frames = tuple(read(path))
    for first in places:
        if _write(frames, first, _stamp(path, len(frames))):
            break
    return frames
