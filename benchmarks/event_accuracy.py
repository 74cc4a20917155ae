"""Events from ACLED-style notes: does each note yield an event, of the right
type, date, admin1 and actors?

One table per dev set (ACLED Africa 2016, ACLED Syria battles, CASE 2021).
Each note is coded as a report with no publication date (column ``no pub.
date``) and again with the gold date as its publication date (``gold date
as pub.``); the first coded event of a note is compared with the gold.
ACLED's pre-2019 types are mapped to today's six
(:func:`conflictkit.analysis.evaluation.acled_legacy_type`).

Run:  python benchmarks/event_accuracy.py [--limit N] [--no-published]
"""

import argparse

import pandas as pd
from _shared import data_path

import conflictkit as ck
from conflictkit.analysis.evaluation import code_event_gold, event_scores, load_event_gold

DEV_SETS = {
    "ACLED Africa 2016 dev": ("gold", "acled-africa-2016-dev.csv"),
    "ACLED Syria battles dev": ("gold", "acled-syria-battles-dev.tsv"),
    "CASE 2021 dev": ("gold", "case2021-event-types-dev.tsv"),
}


def table(gold, with_published=True):
    columns = {"no pub. date": event_scores(code_event_gold(gold))}
    if with_published and gold["date"].notna().any():
        columns["gold date as pub."] = event_scores(code_event_gold(gold, with_published=True))
    first = next(iter(columns.values()))
    out = pd.DataFrame({"metric": first["metric"], "n": first["n"]})
    for name, scores in columns.items():
        out[name] = scores["value"].map(lambda v: f"{v:.0f}" if v > 1.5 else f"{v:.3f}").to_numpy()
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--limit", type=int, help="first N notes of each set (quick runs)")
    p.add_argument("--no-published", action="store_true", help="skip the run with the gold date as publication date")
    args = p.parse_args(argv)
    ck.code_report(ck.load_report(ck.sample_report_path()))  # build the dictionaries outside the timing
    for name, parts in DEV_SETS.items():
        gold = load_event_gold(data_path(*parts))
        if args.limit:
            gold = gold.head(args.limit)
        print(f"\n{name}: {len(gold)} notes (coder {ck.coding.CODER_VERSION})")
        print(table(gold, not args.no_published).to_string(index=False))


if __name__ == "__main__":
    main()
