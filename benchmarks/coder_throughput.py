"""Throughput and memory of the coder on the FA-KES Syria corpus.

Prints reports/s and MB/s for loading (Punkt sentence spans) and for coding
on one core, beside the floor: one pass of one compiled regular expression
over the same texts.  Peak RSS is the whole process.

Run:  python benchmarks/coder_throughput.py [repeat]
"""

import re
import sys
import time

from _shared import data_path, peak_rss_mb

import conflictkit as ck


def main(repeat=3):
    path = data_path("news", "fa-kes-syria-804.csv")
    t0 = time.perf_counter()
    reports, rejects = ck.load_reports(path)
    for r in reports:
        r.sentences  # Punkt runs on first use: count it in the load
    load_s = time.perf_counter() - t0
    mb = sum(len(r.text.encode("utf-8")) for r in reports) / 1e6
    ck.code_report(reports[0])  # build the dictionaries once, outside the timing

    floor = re.compile(r"\b(\d+|killed|wounded|injured)\b", re.I)
    t0 = time.perf_counter()
    for _ in range(repeat):
        for r in reports:
            floor.findall(r.text)
    floor_s = (time.perf_counter() - t0) / repeat

    t0 = time.perf_counter()
    for _ in range(repeat):
        coding = ck.code_reports(reports, progress=False)
    code_s = (time.perf_counter() - t0) / repeat

    n = len(reports)
    print(f"FA-KES: {n} reports ({len(rejects)} rejected duplicates), {mb:.2f} MB of text")
    print(f"  load + sentence spans : {n / load_s:8.0f} reports/s  {mb / load_s:6.2f} MB/s")
    print(f"  one-regex floor       : {n / floor_s:8.0f} reports/s  {mb / floor_s:6.2f} MB/s")
    print(f"  code_reports (1 core) : {n / code_s:8.0f} reports/s  {mb / code_s:6.2f} MB/s"
          f"  = {code_s / floor_s:.0f}x the floor")
    print(f"  coded: {len(coding.casualties)} casualty claims, {len(coding.events)} events, "
          f"{len(coding.annotations)} annotations")
    print(f"  peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
