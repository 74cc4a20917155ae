"""Coding a large corpus: streaming (one process) and a 2-worker Dask LocalCluster.

Builds a corpus of N reports by repeating the FA-KES articles (new ids), then
codes it with ck.code_corpus into Parquet parts and prints reports/s, MB/s and
peak memory for each engine, the speed-up of 2 workers over one, and the
floor: one pass of one compiled regular expression over the same texts.
Each engine runs in a fresh process so its peak RSS is its own.  The Dask
cluster runs under ck.workflow.DASK_CODING_CONFIG (profiler off, slower housekeeping);
--with-defaults also runs it with Dask's default settings, to show their cost.
Runs on this shared 2-core machine vary by 10% and more from one minute to the
next; --repeat=K runs K rounds, each engine once a round, and prints the
speed-up of each round (one process and the cluster measured minutes apart).

Run:  python benchmarks/corpus_scale.py [N=100000] [chunk_size=1000, code_corpus's default] [--with-defaults]
                                        [--repeat=K]
"""

import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from _shared import data_path

RUN = """
import json, resource, sys, time
import conflictkit as ck
path, out, engine, chunk, tuned = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
t0 = time.perf_counter()
if engine == "dask":
    import dask
    from distributed import Client, LocalCluster
    dask.config.set(ck.workflow.DASK_CODING_CONFIG if tuned == "tuned" else {})
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        summary = ck.code_corpus(path, out, chunk_size=chunk, engine="dask", progress=False)
        peak = client.run(resource.getrusage, resource.RUSAGE_SELF)
        workers_rss = max(r.ru_maxrss for r in peak.values()) * 1024
else:
    summary = ck.code_corpus(path, out, chunk_size=chunk, progress=False)
    workers_rss = 0
secs = time.perf_counter() - t0
print(json.dumps(dict(secs=secs, reports=int(summary.reports.sum()), rejects=int(summary.rejects.sum()),
                      peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      workers_rss_mb=workers_rss / 1e6)))
"""


def build_corpus(n, folder):
    base = pd.read_csv(data_path("news", "fa-kes-syria-804.csv"), dtype=str).drop_duplicates("unit_id")
    reps = -(-n // len(base))
    big = pd.concat([base.assign(unit_id=base.unit_id + f"-{k}") for k in range(reps)], ignore_index=True).head(n)
    path = Path(folder) / f"corpus-{n}.csv"
    big.to_csv(path, index=False)
    return path, big.article_content.str.len().sum() / 1e6, big.article_content.tolist()


def main(n=100_000, chunk=1000, with_defaults=False, repeat=1):
    with tempfile.TemporaryDirectory() as tmp:
        path, mb, texts = build_corpus(n, tmp)
        floor = re.compile(r"\b(\d+|killed|wounded|injured)\b", re.I)
        t0 = time.perf_counter()
        for t in texts:
            floor.findall(t)
        floor_s = time.perf_counter() - t0
        del texts
        print(f"Corpus: {n:,} reports (FA-KES repeated), {mb:.0f} MB of text, chunks of {chunk}")
        print(f"  {'one-regex floor':34s}: {n / floor_s:6,.0f} reports/s")
        kinds = [("serial", "-"), ("dask", "tuned")] + ([("dask", "defaults")] if with_defaults else [])
        names = {("serial", "-"): "code_corpus, 1 process", ("dask", "tuned"): "Dask 2 workers, DASK_CODING_CONFIG",
                 ("dask", "defaults"): "Dask 2 workers, Dask defaults"}
        rounds = []
        for k in range(repeat):  # rounds alternate the engines, so a slow spell of the machine hits all of them
            results = {}
            for engine, tuned in kinds:
                proc = subprocess.run([sys.executable, "-c", RUN, str(path), str(Path(tmp) / f"{engine}-{tuned}-{k}"),
                                       engine, str(chunk), tuned], capture_output=True, text=True, check=True)
                r = results[engine, tuned] = json.loads(proc.stdout.strip().splitlines()[-1])
                print(f"  {names[engine, tuned]:34s}: {r['reports'] / r['secs']:6,.0f} reports/s  "
                      f"{mb / r['secs']:5.2f} MB/s  {r['secs']:6.1f} s  peak RSS {r['peak_rss_mb']:4.0f} MB (driver)"
                      + (f", worker {r['workers_rss_mb']:.0f} MB" if engine == "dask" else "")
                      + f"  = {r['secs'] / floor_s:.0f}x the floor")
            rounds.append(results)
        for kind in kinds[1:]:
            ups = [r["serial", "-"]["secs"] / r[kind]["secs"] for r in rounds]
            print(f"  speed-up of {names[kind]} over 1 process: "
                  + ", ".join(f"{u:.2f}x" for u in ups) + (f" (median {statistics.median(ups):.2f}x)" if repeat > 1 else ""))

if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    repeat = next((int(a.split("=")[1]) for a in sys.argv if a.startswith("--repeat=")), 1)
    main(*(int(a) for a in args[:2]), with_defaults="--with-defaults" in sys.argv, repeat=repeat)
