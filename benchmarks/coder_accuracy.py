"""Accuracy of the automatic coder on real gold data.

* GVA dev set (SemEval-2018 task 5): exact match of the killed and injured
  counts per article against the incident's gold totals, beside the naive
  rule "sum every number next to 'killed'".
* CASE 2021 dev set: accuracy of the event sub-type (30 classes).

Run:  python benchmarks/coder_accuracy.py
"""

import csv
import json
import time

import pandas as pd
from _shared import data_path

import conflictkit as ck
from conflictkit.evaluation import CASE_TO_SUB_EVENT, naive_counts, report_counts


def gva():
    rows = [json.loads(line) for line in data_path("gold", "gva-articles-dev.jsonl").open()]
    t0 = time.perf_counter()
    got = {"killed": 0, "injured": 0}
    naive = {"killed": 0, "injured": 0}
    n = {"killed": 0, "injured": 0}
    for r in rows:
        report = ck.report_from_text(r["title"] + "\n\n" + r["content"], id=r["doc_id"], published=r["dct"])
        counts = report_counts(ck.code_report(report).casualties)
        base = naive_counts(r["title"] + "\n" + r["content"])
        for outcome in ("killed", "injured"):
            gold = r[f"gold_num_{outcome}"]
            if gold is None:
                continue
            n[outcome] += 1
            got[outcome] += counts[outcome] == gold
            naive[outcome] += base[outcome] == gold
    secs = time.perf_counter() - t0
    print(f"GVA dev: {len(rows)} articles ({n['killed']} with gold counts), {len(rows) / secs:.0f} articles/s")
    for outcome in ("killed", "injured"):
        print(f"  {outcome:8s} exact match: conflictkit {got[outcome] / n[outcome]:.3f}   "
              f"naive baseline {naive[outcome] / n[outcome]:.3f}")


def case():
    d = pd.read_csv(data_path("gold", "case2021-event-types-dev.tsv"), sep="\t", quoting=csv.QUOTE_NONE, dtype=str)
    pred = [ck.classify_event_type(t, default=("Strategic developments", "Other"))[1] for t in d.EventSnippet]
    gold = d.SubType.map(CASE_TO_SUB_EVENT)
    acc = (pd.Series(pred) == gold).mean()
    majority = gold.value_counts(normalize=True).iloc[0]
    print(f"CASE 2021 dev: {len(d)} snippets, 30 sub-types: accuracy {acc:.3f} (majority class {majority:.3f})")


if __name__ == "__main__":
    gva()
    case()
