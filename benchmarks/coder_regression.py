"""Dump the coder's full output on the dev corpora, to diff a refactor.

Codes FA-KES (``news/fa-kes-syria-804.csv``), the GVA dev articles and the
notes of the ACLED Syria dev split, and writes their casualty, event and
annotation tables as CSV files into a folder.  Run it before and after a
change and compare the folders: a refactor must leave them identical.

Run:  python benchmarks/coder_regression.py OUT_DIR
      diff -r BEFORE_DIR AFTER_DIR
"""

import csv
import json
import sys
from pathlib import Path

import pandas as pd
from _shared import data_path

import conflictkit as ck


def corpora():
    """``{name: list of Report}`` of the three dev corpora."""
    fakes, _ = ck.load_reports(data_path("news", "fa-kes-syria-804.csv"))
    gva = [ck.report_from_text(r["title"] + "\n\n" + r["content"], id=r["doc_id"], published=r["dct"])
           for r in map(json.loads, data_path("gold", "gva-articles-dev.jsonl").open(encoding="utf-8"))]
    acled = pd.read_csv(data_path("gold", "acled-syria-battles-dev.tsv"), sep="\t", dtype=str,
                        quoting=csv.QUOTE_NONE, keep_default_na=False)
    notes = [ck.report_from_text(n, id=i, published=d, find_header=False)
             for i, d, n in zip(acled.event_id_cnty, acled.event_date, acled.notes)]
    return {"fakes": fakes, "gva": gva, "acled": notes}


def dump(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name, reports in corpora().items():
        coding = ck.code_reports(reports, progress=False)
        for table in ("casualties", "events", "annotations", "rejects"):
            getattr(coding, table).to_csv(out / f"{name}-{table}.csv", index=False)
        print(f"{name}: {len(reports)} reports, {len(coding.casualties)} claims, {len(coding.events)} events")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    dump(sys.argv[1])
