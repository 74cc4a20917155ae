"""Build ``conflictkit/resources/geo/acled-admin1.csv``: ACLED's admin1 names to ISO 3166-2.

ACLED's older exports name admin1 units that no longer exist or that ISO
3166-2 names otherwise: Sudan's "Darfur" and "Kordofan" (today five and three
states), the Democratic Republic of Congo's "Orientale" and "Katanga" (split
in 2015), Libya's 2001-2007 districts ("Tajura wa an Nawahi al Arba"),
Morocco's regions before 2015, English names ("North Sinai", "Red Sea").
This script places every event of an ACLED export (its ``LATITUDE`` and
``LONGITUDE``) in a Natural Earth admin-1 polygon and, for each (country,
ACLED admin1 name) that neither ISO 3166-2 nor Natural Earth knows
(:func:`conflictkit.io.gazetteer.admin1_lookup` finds no unit), lists the
units the name covers (names of four events or more): the one most of its events fall in, and each other
unit with at least 5% of them (and two events), or whose own name contains
the old one ("East Darfur" in "Darfur").  A name that covers several units
is an old unit split since; an answer in any of them is in the old unit.

The table is general data (one row per old name and unit it covers, with
the share of events), not per event.  Run by a maintainer, with an ACLED
export that has coordinates (no network; the output is sorted, so a rerun
gives the same bytes)::

    python tools/build_acled_admin1.py ../shared/data/gold/acled-africa-2016-dev.csv \\
        ../shared/data/geo/ne_10m_admin_1_states_provinces.topo.json
"""

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_admin1 import _units  # noqa: E402

from conflictkit.io.gazetteer import admin1_lookup, country_code, fold_name  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "conflictkit" / "resources" / "geo" / "acled-admin1.csv"
MIN_SHARE, MIN_EVENTS, MIN_NAME_EVENTS = 0.05, 2, 4


def _votes(export_path, by_country):
    """(country, ACLED name) -> Counter of the ISO codes of the polygons its events fall in."""
    votes = defaultdict(Counter)
    with open(export_path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            cc = country_code(row["COUNTRY"])
            point = (float(row["LONGITUDE"]), float(row["LATITUDE"]))
            hit = next((code for code, paths in by_country.get(cc, ())
                        if any(p.contains_point(point) for p in paths)), None)
            if hit and row["ADMIN1"].strip():
                votes[(cc, row["ADMIN1"].strip())][hit] += 1
    return votes


def _covered(name, counter, unit_names):
    """The units an old name covers: the most voted, and the others with
    enough of its events or a name containing it."""
    total = sum(counter.values())
    key = fold_name(name)
    top = counter.most_common(1)[0][0]
    return sorted(code for code, n in counter.items()
                  if code == top or (n >= MIN_EVENTS and n / total >= MIN_SHARE)
                  or key in fold_name(unit_names[code]).replace("kordufan", "kordofan"))


def main(export_path, topo_path, out_path=OUT):
    topo = json.loads(Path(topo_path).read_text(encoding="utf-8"))
    units = _units(topo)
    by_country, unit_names = defaultdict(list), {}
    for props, paths in units:
        by_country[props["iso_a2"]].append((props["iso_3166_2"], paths))
        unit_names[props["iso_3166_2"]] = props["name"]
    rows = []
    for (cc, name), counter in sorted(_votes(export_path, by_country).items()):
        total = sum(counter.values())
        if total < MIN_NAME_EVENTS or admin1_lookup(cc, name)[0]:
            continue  # too few events to tell what it covers, or ISO 3166-2 or Natural Earth knows the name
        rows.extend((cc, name, code, f"{counter[code] / total:.2f}")
                    for code in _covered(name, counter, unit_names))
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("country", "acled_name", "admin1", "share"))
        w.writerows(rows)
    print(f"{len({r[:2] for r in rows})} ACLED admin1 names, {len(rows)} rows -> {out_path}")


if __name__ == "__main__":
    main(*sys.argv[1:])
