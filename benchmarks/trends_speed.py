"""Load and monthly-aggregation time for UCDP GED, and for a 2-million-row table
built by resampling it (the size of a full ACLED export), with peak memory;
then the same rows as an ACLED export: the first load (CSV read with pyarrow,
Parquet copy written beside it) and the second (from the copy), each in its
own process so that each peak memory is its own.

Run:  python benchmarks/trends_speed.py [rows] [--acled-only]
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from _shared import ROOT, data_path, peak_rss_mb

import conflictkit as ck


def timed(label, fn):
    t0 = time.perf_counter()
    out = fn()
    print(f"  {label:42s} {time.perf_counter() - t0:7.2f} s   peak RSS {peak_rss_mb():6.0f} MB")
    return out


ACLED_TYPES = {"1": ("Battles", "Armed clash"), "2": ("Battles", "Armed clash"),
               "3": ("Violence against civilians", "Attack")}


def acled_shaped(ged):
    """GED rows as an ACLED export (its 31 columns; notes from the GED
    headline and article, about as long as ACLED's)."""
    kind = ged["type_of_violence"].map(ACLED_TYPES)
    day = pd.to_datetime(ged["date_start"].str.slice(0, 10))
    return pd.DataFrame({
        "event_id_cnty": "SYR" + ged["id"], "event_date": day.dt.strftime("%d %B %Y"), "year": day.dt.year,
        "time_precision": ged["date_prec"].map({"1": 1, "2": 2, "3": 2, "4": 3, "5": 3}),
        "disorder_type": "Political violence", "event_type": kind.str[0], "sub_event_type": kind.str[1],
        "actor1": ged["side_a"], "assoc_actor_1": "", "inter1": 1, "actor2": ged["side_b"], "assoc_actor_2": "",
        "inter2": 2, "interaction": 12, "civilian_targeting": "", "iso": 760, "region": ged["region"],
        "country": ged["country"], "admin1": ged["adm_1"].str.replace(" governorate", "", case=False),
        "admin2": ged["adm_2"], "admin3": "", "location": ged["where_coordinates"], "latitude": ged["latitude"],
        "longitude": ged["longitude"], "geo_precision": ged["where_prec"].map({"1": 1, "2": 2, "3": 2}).fillna(3),
        "source": ged["source_office"], "source_scale": "National",
        "notes": ged["source_headline"] + " " + ged["source_article"], "fatalities": ged["best"], "tags": "",
        "timestamp": 1_600_000_000,
    })


LOAD_IN_OWN_PROCESS = """
import re, sys, time
import conflictkit as ck
t0, c0 = time.perf_counter(), time.process_time()
events, rejects = ck.load_acled(sys.argv[1])
assert ck.__file__.startswith(sys.argv[2]), ck.__file__
took, cpu = time.perf_counter() - t0, time.process_time() - c0
# this process's own peak (ru_maxrss would include the parent's, kept across fork and exec)
peak = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1)) / 1024
print(f"{took:.2f} {cpu:.2f} {peak:.0f} {len(events) + len(rejects)}")
"""


def load_acled_in_own_process(label, path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    took, cpu, peak, n = subprocess.run([sys.executable, "-c", LOAD_IN_OWN_PROCESS, str(path), str(ROOT)], check=True,
                                        capture_output=True, text=True, env=env).stdout.split()
    print(f"  {label:42s} {float(took):7.2f} s   peak RSS {float(peak):6.0f} MB   "
          f"(CPU {float(cpu):.2f} s, {int(n):,} rows)")


def acled_case(raw, folder):
    csv = Path(folder) / "acled-shaped.csv"
    acled_shaped(raw).to_csv(csv, index=False)
    print(f"Same rows as an ACLED export ({csv.stat().st_size / 1e9:.1f} GB CSV, 31 columns)")
    load_acled_in_own_process("load_acled, first (CSV, writes Parquet)", csv)
    copies = sum(p.stat().st_size for p in csv.parent.glob(csv.name + ".conflictkit*.parquet"))
    print(f"  {'Parquet copies beside it (events, rejects)':42s} {copies / 1e9:7.2f} GB")
    load_acled_in_own_process("load_acled, again (from the Parquet copy)", csv)


def main(rows=2_000_000, acled_only=False):
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
        if not acled_only:
            big = ged_case(raw, tmp)
        acled_case(raw, tmp)
        del raw
    if not acled_only:
        timed("monthly series (spread over dates)", lambda: ck.fatalities_over_time(big))
        timed("monthly series by governorate", lambda: ck.fatalities_over_time(big, by="admin1_name"))
        timed("monthly series by type of violence", lambda: ck.fatalities_over_time(big, by="type_of_violence"))


def ged_case(raw, folder):
    big_csv = Path(folder) / "ged-resampled.csv"
    raw.to_csv(big_csv, index=False)
    print(f"Resampled to {len(raw):,} rows ({big_csv.stat().st_size / 1e9:.1f} GB CSV)")
    big, _ = timed("load_ucdp_ged", lambda: ck.load_ucdp_ged(big_csv))
    big_csv.unlink()
    return big


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--acled-only"]
    main(int(args[0]) if args else 2_000_000, acled_only="--acled-only" in sys.argv)
