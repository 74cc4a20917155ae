"""Throughput and memory of the coder on the FA-KES Syria corpus.

Prints reports/s and MB/s for loading (Punkt sentence spans), for coding on
one core, and for the two together in one cold pass (every cache emptied
first: each text seen once, as in a real corpus), beside the floor: one pass
of one compiled regular expression over the same texts.  Peak RSS is the
whole process.

The coding line also gives the CPU time per report (``time.process_time``):
on a shared machine the wall-clock rate falls with the load, the CPU time
much less.  It is the mean of the repeats; the best of them (as ``timeit``
reports) is printed below it.

Run:  python benchmarks/coder_throughput.py [repeat]
"""

import re
import sys
import time

from _shared import data_path, peak_rss_mb

import conflictkit as ck
from conflictkit.io import text as _text
from conflictkit.coding import casualties as _casualties, counts as _counts, dates as _dates


def _empty_caches():
    """Forget every decision remembered from texts seen before (Punkt's
    sentence breaks, parsed dates and numbers)."""
    _text._punkt.cache_clear()
    _dates._parse_absolute.cache_clear()
    _counts._number_value.cache_clear()
    _casualties.compile_grammar().parse_count.cache_clear()


def _load(path):
    reports, rejects = ck.load_reports(path)
    for r in reports:
        r.sentences  # Punkt runs on first use: count it in the load
    return reports, rejects


def main(repeat=3):
    path = data_path("news", "fa-kes-syria-804.csv")
    ck.code_report(ck.load_report(ck.sample_report_path()))  # build the dictionaries once, outside the timing

    _empty_caches()
    t0 = time.perf_counter()
    reports, rejects = _load(path)
    load_s = time.perf_counter() - t0
    mb = sum(len(r.text.encode("utf-8")) for r in reports) / 1e6

    floor = re.compile(r"\b(\d+|killed|wounded|injured)\b", re.I)
    t0 = time.perf_counter()
    for _ in range(repeat):
        for r in reports:
            floor.findall(r.text)
    floor_s = (time.perf_counter() - t0) / repeat

    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        coding = ck.code_reports(reports, progress=False)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    code_s, code_cpu = sum(walls) / repeat, sum(cpus) / repeat

    cold = []
    for _ in range(repeat):
        _empty_caches()
        t0 = time.perf_counter()
        fresh, _ = _load(path)
        ck.code_reports(fresh, progress=False)
        cold.append(time.perf_counter() - t0)
    both_s = min(cold)

    n = len(reports)
    print(f"FA-KES: {n} reports ({len(rejects)} rejected duplicates), {mb:.2f} MB of text")
    print(f"  load + sentence spans : {n / load_s:8.0f} reports/s  {mb / load_s:6.2f} MB/s")
    print(f"  one-regex floor       : {n / floor_s:8.0f} reports/s  {mb / floor_s:6.2f} MB/s")
    print(f"  code_reports (1 core) : {n / code_s:8.0f} reports/s  {mb / code_s:6.2f} MB/s"
          f"  = {code_s / floor_s:.0f}x the floor")
    print(f"    CPU time            : {code_cpu / n * 1e3:8.2f} ms/report  = {n / code_cpu:.0f} reports per CPU second")
    print(f"    best of {repeat}           : {n / min(walls):8.0f} reports/s, {min(cpus) / n * 1e3:.2f} CPU ms/report"
          "  (the run least slowed by other work on the machine)")
    print(f"  load + code, cold     : {n / both_s:8.0f} reports/s  {mb / both_s:6.2f} MB/s"
          f"  = {both_s / floor_s:.0f}x the floor")
    print(f"  coded: {len(coding.casualties)} casualty claims, {len(coding.events)} events, "
          f"{len(coding.annotations)} annotations")
    print(f"  peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
