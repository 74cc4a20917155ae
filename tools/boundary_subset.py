"""Cut the bundled boundary file out of Natural Earth's world admin-1 TopoJSON.

    python tools/boundary_subset.py ../shared/data/geo/ne_10m_admin_1_states_provinces.topo.json \
        conflictkit/resources/geo/levant-admin1.topo.json

Keeps the admin-1 units whose bounding box meets the box below (Syria and the
edges of its neighbours), only the arcs they use (still quantized and
delta-encoded), and adds an object ``country_borders``: the arcs that
separate units of two different countries in the full file.  Run once; the
output is committed (see conflictkit/resources/geo/README.md for the licence).
"""

import json
import sys
from collections import defaultdict

import numpy as np

BOX = (33.5, 30.5, 44.5, 39.0)  # lon_min, lat_min, lon_max, lat_max
KEEP = ("name", "iso_3166_2", "adm0_a3")


def _rings(geom):
    polys = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
    return [i for poly in polys for ring in poly for i in ring]


def main(src, dst):
    topo = json.load(open(src, encoding="utf-8"))
    geoms = [g for g in topo["objects"]["ne_10m_admin_1_states_provinces"]["geometries"]
             if g.get("properties", {}).get("iso_3166_2")]
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    boxes = []
    for arc in topo["arcs"]:
        xy = np.cumsum(np.asarray(arc, dtype=float), axis=0) * (sx, sy) + (tx, ty)
        boxes.append((*xy.min(axis=0), *xy.max(axis=0)))
    users = defaultdict(set)
    for g in geoms:
        for i in _rings(g):
            users[i if i >= 0 else ~i].add(g["properties"]["adm0_a3"])

    def meets(g):
        b = np.array([boxes[i if i >= 0 else ~i] for i in _rings(g)])
        lo, hi = b[:, :2].min(axis=0), b[:, 2:].max(axis=0)
        return lo[0] <= BOX[2] and hi[0] >= BOX[0] and lo[1] <= BOX[3] and hi[1] >= BOX[1]

    kept = [g for g in geoms if meets(g)]
    used = sorted({i if i >= 0 else ~i for g in kept for i in _rings(g)})
    new = {old: k for k, old in enumerate(used)}

    def renum(arcs):
        if isinstance(arcs, int):
            return new[arcs] if arcs >= 0 else ~new[~arcs]
        return [renum(a) for a in arcs]

    out_geoms = [{"type": g["type"], "arcs": renum(g["arcs"]),
                  "properties": {k: g["properties"][k] for k in KEEP}} for g in kept]
    borders = [[new[i]] for i in used if len(users[i]) > 1]
    topo_out = {"type": "Topology", "transform": topo["transform"], "arcs": [topo["arcs"][i] for i in used],
                "objects": {"admin1": {"type": "GeometryCollection", "geometries": out_geoms},
                            "country_borders": {"type": "MultiLineString", "arcs": borders}}}
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(topo_out, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    print(f"{len(kept)} units, {len(used)} arcs, {len(borders)} border arcs -> {dst}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
