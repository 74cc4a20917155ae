"""Build ``conflictkit/resources/geo/common_word_places.txt``: place names that are common English words.

GeoNames has towns called Police, Mobile, Union or June, and admin1 units
called Delta, Unity or Eastern.  In news copy these words are almost never the
place.  This script lists every town and admin1 name of the gazetteer's
sources (``tools/build_gazetteer.py``) whose lower-cased form is a common
English word (``wordfreq`` Zipf frequency >= 4.0, about once in 100,000
words; >= 3.0 for towns under 50,000 people: Countryside, Grenade), folded as
the coder looks names up (Göd is "god"), except the primary names of towns of
300,000 people or more (Paris, London) and country names.  ``build_gazetteer.py`` then leaves such town names
out and marks such admin1 names as needing their kind word ("Delta State",
"Eastern Region").  Needs ``wordfreq`` (not a conflictkit dependency)::

    pip install --target /tmp/wf wordfreq
    PYTHONPATH=/tmp/wf:. python tools/build_common_words.py
    python tools/build_gazetteer.py
"""

import sys
from pathlib import Path

from wordfreq import zipf_frequency

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_gazetteer import GEO, _admin1_table, _towns, _units  # noqa: E402

from conflictkit.io.gazetteer import _country_index, fold_name  # noqa: E402

_THRESHOLD, _SMALL_TOWN_THRESHOLD, _SMALL_TOWN = 4.0, 3.0, 50_000


def main(out_path):
    rows = _admin1_table()
    mapping = {(r["country"], r["geonames_admin1"]): r["admin1"] for r in rows}
    towns = list(_towns(mapping))
    big = {fold_name(name) for name, _, _, _, _, pop, _ in towns if pop >= 300_000}
    countries = {name for name in _country_index() if len(name) > 3}  # names, not codes ("as")
    small = {fold_name(a) for *_, pop, aliases in towns if pop < _SMALL_TOWN for a in aliases}
    names = {fold_name(a) for *_, aliases in towns for a in aliases}
    names |= {fold_name(a) for *_, aliases in _units(rows) for a in aliases}
    words = sorted({n for n in names
                    if n.isalpha() and n not in big and n not in countries
                    and zipf_frequency(n, "en") >= (_SMALL_TOWN_THRESHOLD if n in small else _THRESHOLD)})
    Path(out_path).write_text("".join(w + "\n" for w in words), encoding="utf-8")
    print(f"{len(words)} common-word place names -> {out_path}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(GEO / "common_word_places.txt"))
