"""Bundled admin-1 boundaries (Natural Earth via Elastic, ODbL-1.0; see
``resources/geo/README.md``), decoded from TopoJSON without a GIS library."""

import json
from functools import lru_cache

import numpy as np

from .._data import resource_path

__all__ = ["load_boundaries", "BOUNDARY_ATTRIBUTION"]

BOUNDARY_ATTRIBUTION = "Boundaries: Natural Earth; TopoJSON by Elastic (elastic/ems-file-service), ODbL-1.0."


@lru_cache(maxsize=4)
def load_boundaries(name="levant-admin1"):
    """Admin-1 units and country borders of a bundled TopoJSON file.

    Returns
    -------
    units : list of dict
        ``name``, ``iso_3166_2``, ``adm0_a3`` and ``rings`` (a list of
        ``(n, 2)`` lon/lat arrays: outer rings and holes alike).
    borders : list of ndarray
        Lines between units of two different countries.

    Examples
    --------
    >>> units, borders = load_boundaries()
    >>> sorted(u["iso_3166_2"] for u in units if u["adm0_a3"] == "SYR")[:3]
    ['SY-DI', 'SY-DR', 'SY-DY']
    """
    text = resource_path("geo").joinpath(f"{name}.topo.json").read_text(encoding="utf-8")
    topo = json.loads(text)
    arcs = _decode_arcs(topo)
    units = []
    for g in topo["objects"]["admin1"]["geometries"]:
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        rings = [_stitch(arcs, ring) for poly in polygons for ring in poly]
        units.append({**g["properties"], "rings": rings})
    borders = [_stitch(arcs, line) for line in topo["objects"]["country_borders"]["arcs"]]
    return tuple(units), tuple(borders)


def _decode_arcs(topo):
    """Absolute lon/lat of every arc: cumulative sums of the quantized deltas, scaled."""
    scale = np.asarray(topo["transform"]["scale"])
    shift = np.asarray(topo["transform"]["translate"])
    return [np.cumsum(np.asarray(arc, dtype=float), axis=0) * scale + shift for arc in topo["arcs"]]


def _stitch(arcs, indices):
    """One line or ring from arc indices; ``~i`` is arc ``i`` reversed."""
    parts = []
    for i in indices:
        xy = arcs[i] if i >= 0 else arcs[~i][::-1]
        parts.append(xy if not parts else xy[1:])
    return np.concatenate(parts)
