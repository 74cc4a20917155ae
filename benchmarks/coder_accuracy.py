"""Accuracy of the automatic coder on every dev set, beside a naive baseline.

One table, one row per dev set and outcome:

* GVA dev (US gun violence, SemEval-2018 task 5): killed, injured;
* ACLED Syria battles dev: fatalities (ACLED's conventions: ``fatalities_acled``);
* WAD atrocities dev: deaths, injured (blank = not reported, left out);
* ACLED Africa 2016 dev: fatalities (``fatalities_acled``);
* UCDP GED Syria source headlines: best, and ``within`` the low–high range.

Columns: exact match overall and where the gold is nonzero, coded sum / gold
sum, then the same for the naive rule "sum every number next to 'killed'"
(:func:`conflictkit.analysis.evaluation.naive_counts`).  Then two sanity lines: the
FA-KES coded deaths (no gold: an expert's blind reading of 40 articles found
~3,206 deaths where the coder had 4,734) and the sample report's 28 = 13 + 15.
Last, the CASE 2021 event sub-type accuracy.

Run:  python benchmarks/coder_accuracy.py [set ...]
"""

import sys
import time

from _shared import data_path

import conflictkit as ck
from conflictkit.analysis.evaluation import GOLD_SETS, accuracy_table, evaluate_case, report_counts


def _fmt(x, digits=3):
    return "  -  " if x != x else f"{x:.{digits}f}"


def counts(sets):
    t0 = time.perf_counter()
    table = accuracy_table(data_path(), sets=sets)
    secs = time.perf_counter() - t0
    head = (f"{'set':15s} {'outcome':8s} {'vs':7s} {'rows':>6s} {'exact':>6s} {'nonzero':>7s} {'within':>6s} "
            f"{'sum/gold':>8s} | {'naive':>6s} {'nonzero':>7s} {'sum/gold':>8s}")
    print(head)
    print("-" * len(head))
    for r in table.itertuples():
        print(f"{r.set:15s} {r.outcome:8s} {r.compared:7s} {r.rows:6d} {_fmt(r.exact)} {_fmt(r.exact_nonzero):>7s} "
              f"{_fmt(r.within)} {_fmt(r.sum_ratio, 2):>8s} | {_fmt(r.naive_exact)} "
              f"{_fmt(r.naive_exact_nonzero):>7s} {_fmt(r.naive_sum_ratio, 2):>8s}")
    print(f"({secs:.0f} s)")


def fakes():
    reports, _ = ck.load_reports(data_path("news", "fa-kes-syria-804.csv"))
    coding = ck.code_reports(reports, progress=False)
    killed = sum(report_counts(g)["killed"] for _, g in coding.casualties.groupby("report_id"))
    print(f"FA-KES: {len(reports)} articles, coded deaths {killed:,.0f} (no gold; on 40 of them an expert "
          f"read ~3,206 where the coder had 4,734)")


def sample():
    c = ck.code_report(ck.load_report(ck.sample_report_path())).casualties
    totals = c[(c.role == "total") & (c.outcome == "killed")]
    for t in totals.itertuples():
        parts = c[c.total_id == t.claim_id].count_best
        print(f"sample report: {t.count_best:g} killed = {' + '.join(f'{p:g}' for p in parts)}"
              f"   (must stay 28 = 13 + 15)")


def case():
    d = evaluate_case(data_path("gold", "case2021-event-types-dev.tsv"))
    majority = d.gold.value_counts(normalize=True).iloc[0]
    print(f"CASE 2021 dev: {len(d)} snippets, 30 sub-types: accuracy {d.correct.mean():.3f} "
          f"(majority class {majority:.3f})")


if __name__ == "__main__":
    chosen = [a for a in sys.argv[1:] if a in GOLD_SETS] or None
    counts(chosen)
    if chosen is None:
        fakes()
        sample()
        case()
