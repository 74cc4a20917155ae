"""Load and monthly-aggregation time for UCDP GED, and for a 2-million-row table
built by resampling it (the size of a full ACLED export), with peak memory.

Run:  python benchmarks/trends_speed.py [rows]
"""

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from _shared import data_path, peak_rss_mb

import conflictkit as ck


def timed(label, fn):
    t0 = time.perf_counter()
    out = fn()
    print(f"  {label:42s} {time.perf_counter() - t0:7.2f} s   peak RSS {peak_rss_mb():6.0f} MB")
    return out


def main(rows=2_000_000):
    path = data_path("ucdp", "ged_syria_652.1601.1911.csv")
    print(f"UCDP GED Syria ({path.name})")
    events, rejects = timed("load_ucdp_ged", lambda: ck.load_ucdp_ged(path))
    timed("monthly series (spread over dates)", lambda: ck.fatalities_over_time(events))
    timed("monthly series by governorate", lambda: ck.fatalities_over_time(events, by="admin1_name"))
    rng = np.random.default_rng(0)
    pick = rng.integers(0, len(events), rows)
    with tempfile.TemporaryDirectory() as tmp:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False).iloc[pick].reset_index(drop=True)
        raw["id"] = np.arange(len(raw)).astype(str)
        big_csv = Path(tmp) / "ged-resampled.csv"
        raw.to_csv(big_csv, index=False)
        size = big_csv.stat().st_size / 1e9
        del raw
        print(f"Resampled to {rows:,} rows ({size:.1f} GB CSV)")
        big, _ = timed("load_ucdp_ged", lambda: ck.load_ucdp_ged(big_csv))
    timed("monthly series (spread over dates)", lambda: ck.fatalities_over_time(big))
    timed("monthly series by governorate", lambda: ck.fatalities_over_time(big, by="admin1_name"))
    timed("monthly series by type of violence", lambda: ck.fatalities_over_time(big, by="type_of_violence"))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000)
