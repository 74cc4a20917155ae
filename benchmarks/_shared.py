"""Where the benchmarks find the real data: $CONFLICTKIT_DATA or ../shared/data."""

import os
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def data_path(*parts):
    base = Path(os.environ.get("CONFLICTKIT_DATA") or ROOT.parent / "shared" / "data")
    path = base.joinpath(*parts)
    if not path.exists():
        sys.exit(f"benchmark needs {path} (set CONFLICTKIT_DATA)")
    return path


def peak_rss_mb():
    """Peak resident memory of this process so far, in MB (Linux: ru_maxrss is kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
