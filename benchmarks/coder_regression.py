"""Dump the coder's full output on the dev corpora, to diff a refactor.

Codes FA-KES (``news/fa-kes-syria-804.csv``), the GVA dev articles, the
notes of the ACLED Syria dev split and, unless ``--quick``, every other dev
set (ACLED Africa notes without their dates, WAD descriptions, UCDP
headlines, CASE snippets), and writes their casualty, event and annotation
tables as CSV files into a folder.  Run it before and after a change and
compare the folders: a refactor, or a change made for speed, must leave
them identical.

Run:  python benchmarks/coder_regression.py OUT_DIR [--quick]
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


def other_corpora():
    """``{name: list of Report}`` of the other dev sets, as the accuracy benchmarks read them."""
    from conflictkit.analysis.evaluation import load_event_gold, load_gold

    out = {}
    for name in ("wad", "ucdp-headlines"):
        g = load_gold(name, data_path())
        out[name] = [ck.report_from_text(t, id=str(i), published=p if p == p else None, find_header=bool(h))
                     for i, t, p, h in zip(g["id"], g["text"], g["published"], g["headed"])]
    for name, file in (("acled-africa", "acled-africa-2016-dev.csv"), ("case", "case2021-event-types-dev.tsv")):
        g = load_event_gold(data_path("gold", file))
        out[name] = [ck.report_from_text(t, id=str(i), find_header=False) for i, t in zip(g["id"], g["text"])]
    return out


def dump(out, quick=False):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    sets = corpora() if quick else {**corpora(), **other_corpora()}
    for name, reports in sets.items():
        coding = ck.code_reports(reports, progress=False)
        for table in ("casualties", "events", "annotations", "rejects"):
            getattr(coding, table).to_csv(out / f"{name}-{table}.csv", index=False)
        print(f"{name}: {len(reports)} reports, {len(coding.casualties)} claims, {len(coding.events)} events")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--quick"]
    if len(args) != 1:
        sys.exit(__doc__)
    dump(args[0], quick="--quick" in sys.argv[1:])
