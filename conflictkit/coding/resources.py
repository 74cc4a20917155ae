"""The coder's knowledge as data: grammar, dictionaries, event rules, overlays.

Everything the coder knows about a language or a conflict is a file under
``conflictkit/resources``:

* ``grammar/en.yaml``: the word lists the casualty patterns are compiled
  from (outcome words, victim nouns, qualifiers, number words …);
* ``actors.csv``, ``places.csv``, ``sources.csv``: the dictionaries;
* ``event_rules.tsv``: the event-type rules.

Knowledge of one conflict is a *bundle*: a folder under ``resources/bundles``
(``syria``: its armed groups, governorates, towns and monitors) laid over the
general files; :data:`DEFAULT_BUNDLES` are loaded unless told otherwise.

An *overlay* is a folder holding files with the same names (each optional)
that extend the bundled ones: a table's rows are added to the bundled rows
(same columns), a grammar's lists are added to the bundled lists (no
duplicates), its mappings merged key by key.  :func:`load_resources` reads
the bundled files and the overlays into one :class:`Resources`, which the
coder is built from; its ``fingerprint`` changes whenever any of the
resolved contents do, so a resumed run can tell stale results.

A malformed overlay (an unknown file, a missing column, YAML that does not
parse, an unknown grammar key, a bad value in a row) raises
:class:`~conflictkit.errors.InputError` with a one-line message naming the
file, the line and the problem.
"""

import copy
import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from .._data import DEFAULT_BUNDLES, resource_path
from ..errors import InputError

__all__ = ["Resources", "load_resources", "RESOURCE_FILES", "QUALIFIER_KINDS", "DEFAULT_BUNDLES"]

#: The files a resources folder may hold, and the field of :class:`Resources` each extends.
RESOURCE_FILES = {"grammar/en.yaml": "grammar", "actors.csv": "actors", "places.csv": "places",
                  "sources.csv": "sources", "event_rules.tsv": "event_rules"}

#: How a qualifier ranges a figure N (``qualifiers`` in the grammar): ``at_least``
#: N or more, ``at_most`` 1 to N, ``just_under`` 0.9N to N-1, ``under`` 1 to
#: N-1, ``about`` 0.9N to 1.1N.
QUALIFIER_KINDS = ("at_least", "at_most", "just_under", "under", "about")

# Grammar mappings that take new keys (others take only the bundled keys).
_OPEN_MAPPINGS = {"qualifiers", "vague_amounts"}


@dataclass(frozen=True, eq=False)
class Resources:
    """The resolved grammar, dictionaries and event rules a coder uses.

    Attributes
    ----------
    grammar : dict
        The casualty grammar (``grammar/en.yaml``, bundled and overlays merged).
    actors, places, sources : pandas.DataFrame
        The dictionaries, all ``str`` columns as in the bundled CSV files
        (``places`` is the curated table; the lexicon adds GeoNames towns).
    event_rules : pandas.DataFrame
        The event-type rules (``event_rules.tsv``).
    fingerprint : str
        SHA-256 of all the above: equal fingerprints, equal resources.
    overlays : tuple of str
        The overlay folders applied over the bundled files, in order.
    bundles : tuple of str
        The conflict bundles applied first (``resources/bundles/NAME``).
    """

    grammar: dict
    actors: pd.DataFrame
    places: pd.DataFrame
    sources: pd.DataFrame
    event_rules: pd.DataFrame
    fingerprint: str
    overlays: tuple = ()
    bundles: tuple = ()

    def __repr__(self):
        return (f"Resources({len(self.actors)} actor aliases, {len(self.places)} places, "
                f"{len(self.sources)} sources, {len(self.event_rules)} event rules, bundles={list(self.bundles)}, "
                f"overlays={list(self.overlays)}, fingerprint={self.fingerprint[:12]})")

    def lexicon(self):
        """The :class:`~conflictkit.coding.lexicon.Lexicon` of these
        dictionaries (built once per process and fingerprint)."""
        return _lexicon(self)


_LEXICONS = {}


def _lexicon(res):
    if res.fingerprint not in _LEXICONS:
        from .lexicon import build_lexicon  # the lexicon is built from resources, not the reverse

        _LEXICONS.clear()  # keep one: a lexicon holds large tables
        _LEXICONS[res.fingerprint] = build_lexicon(resources=res)
    return _LEXICONS[res.fingerprint]


def load_resources(resources=None, *, bundles=DEFAULT_BUNDLES):
    """The bundled resources, extended by conflict bundles and overlay folders.

    Parameters
    ----------
    resources : Resources, str, Path or sequence of them, optional
        An overlay folder (or several, applied in order), or a
        :class:`Resources` (returned as is).  None: the bundled resources.
    bundles : sequence of str
        The conflict bundles to load (``resources/bundles/NAME``), by
        default :data:`DEFAULT_BUNDLES`; ``()`` for the general files only.

    Returns
    -------
    Resources

    Raises
    ------
    InputError
        A folder or bundle that does not exist, or a malformed file in it.

    Examples
    --------
    >>> res = load_resources()
    >>> "killed" in res.grammar["outcome_words"]["killed"], len(res.fingerprint)
    (True, 64)
    """
    if isinstance(resources, Resources):
        return resources
    res = _bundled(tuple(bundles))
    folders = [] if resources is None else [resources] if isinstance(resources, (str, Path)) else list(resources)
    for folder in folders:
        res = _apply_overlay(res, Path(folder))
    return res


@lru_cache(maxsize=4)
def _bundled(bundles):
    base = resource_path("")
    parts = {field: _read(base, name, None) for name, field in RESOURCE_FILES.items()}
    res = _resolved(parts, (), ())
    known = sorted(p.name for p in Path(str(resource_path("bundles"))).iterdir() if p.is_dir())
    for name in bundles:
        if name not in known:
            raise InputError(f"bundle {name!r}", f"no such bundle; the bundles are {', '.join(known)}")
        res = _apply_overlay(res, Path(str(resource_path("bundles"))) / name)
        res = _resolved({f: getattr(res, f) for f in RESOURCE_FILES.values()}, (), res.bundles + (name,))
    return res


def _resolved(parts, overlays, bundles):
    return Resources(**parts, fingerprint=_fingerprint(parts), overlays=tuple(overlays), bundles=tuple(bundles))


def _fingerprint(parts):
    digest = hashlib.sha256()
    digest.update(json.dumps(parts["grammar"], ensure_ascii=False).encode("utf-8"))  # order matters: alternation
    for field in ("actors", "places", "sources", "event_rules"):
        digest.update(f"\0{field}\0".encode())
        digest.update(parts[field].to_csv(index=False, lineterminator="\n").encode("utf-8"))
    return digest.hexdigest()


def _apply_overlay(res, folder):
    if not folder.is_dir():
        raise InputError(folder, "no such resources folder" if not folder.exists() else
                         "is a file; resources must be a folder holding " + ", ".join(RESOURCE_FILES))
    _check_names(folder)
    parts = {field: getattr(res, field) for field in RESOURCE_FILES.values()}
    for name, field in RESOURCE_FILES.items():
        if (folder / name).is_file():
            parts[field] = _read(folder, name, parts[field])
    return _resolved(parts, res.overlays + (str(folder),), res.bundles)


def _check_names(folder):
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_dir() or any(p.startswith(".") for p in rel.split("/")) or path.name.upper().startswith("README"):
            continue
        if rel not in RESOURCE_FILES:
            raise InputError(path, "unknown resources file; expected one of " + ", ".join(RESOURCE_FILES))


def _read(folder, name, base):
    """The contents of ``folder/name`` (a Traversable or Path), merged over ``base``."""
    path = folder.joinpath(*name.split("/"))
    text = path.read_text(encoding="utf-8")
    if name.endswith(".yaml"):
        return _merge_grammar(base, _grammar_file(path, text, base))
    table = _table_file(path, text, "\t" if name.endswith(".tsv") else ",", base, _ROW_CHECKS[name])
    return table if base is None else pd.concat([base, table], ignore_index=True)


# --------------------------------------------------------------------------
# grammar files


def _grammar_file(path, text, base):
    """The mapping in a grammar file, checked against the bundled grammar ``base``."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = f", line {mark.line + 1}" if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise InputError(f"{path}{line}", f"not valid YAML: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path}, line 1", "a grammar file must be a mapping of lists (key: [words])")
    if base is not None:
        _check_grammar(path, node, data, base, ())
    return data


def _check_grammar(path, node, value, bundled, keys):
    """Check ``value`` (an overlay's, from YAML ``node``) against the ``bundled`` value of the same key."""
    where = f"{path}, line {node.start_mark.line + 1}"
    name = ".".join(keys) or "the file"
    if isinstance(bundled, dict):
        if not isinstance(value, dict):
            raise InputError(where, f"{name} must be a mapping (key: value), not {_kind(value)}")
        open_map = keys and keys[0] in _OPEN_MAPPINGS
        for knode, vnode in node.value:
            key = str(_constructed(knode))
            if key not in bundled and not open_map:
                known = ", ".join(map(str, bundled))
                raise InputError(f"{path}, line {knode.start_mark.line + 1}",
                                 f"unknown grammar key {'.'.join(keys + (key,))!r}; known: {known}")
            model = bundled.get(key, next(iter(bundled.values())))
            _check_grammar(path, vnode, _constructed(vnode), model, keys + (key,))
    elif isinstance(bundled, list):
        _check_list(where, name, value, bundled, keys)
    elif type(value) is not type(bundled):
        raise InputError(where, f"{name} must be {_kind(bundled)}, not {_kind(value)}")


def _check_list(where, name, value, bundled, keys):
    if not isinstance(value, list):
        raise InputError(where, f"{name} must be a list ([a, b, ...]), not {_kind(value)}")
    if keys and keys[0] == "vague_amounts":
        if len(value) != 4 or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            raise InputError(where, f"{name} must be four numbers [low, best, high, acled], not {value!r}")
        return
    for entry in value:
        if not isinstance(entry, str) or not entry.strip():
            raise InputError(where, f"{name}: every entry must be a word or phrase, not {entry!r}")
        try:
            re.compile(entry.replace(" ", r"\s+"))
        except re.error as err:
            raise InputError(where, f"{name}: {entry!r} is not a valid pattern ({err})") from None


def _constructed(node):
    """The Python value of one YAML node."""
    return yaml.safe_load(yaml.serialize(node))


def _kind(value):
    return {dict: "a mapping", list: "a list", str: "a word", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__)


def _merge_grammar(base, extra):
    """``base`` with ``extra`` merged in: mappings key by key, lists extended
    (entries already there are not repeated), other values replaced."""
    if base is None:
        return extra
    out = copy.deepcopy(base)
    for key, value in extra.items():
        key = str(key)
        if isinstance(out.get(key), dict):
            out[key] = _merge_grammar(out[key], value)
        elif key in _OPEN_MAPPINGS or not isinstance(out.get(key), list):
            out[key] = copy.deepcopy(value)
        else:
            out[key] = out[key] + [v for v in dict.fromkeys(value) if v not in out[key]]
    return out


# --------------------------------------------------------------------------
# tables


def _table_file(path, text, sep, base, check):
    """A table file as a DataFrame of str, its columns and rows checked."""
    reader = csv.reader(io.StringIO(text), delimiter=sep, quoting=csv.QUOTE_NONE if sep == "\t" else csv.QUOTE_MINIMAL)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(f"{path}, line 1", "empty file: the first line must name the columns")
        rows = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if all(c in _DEFAULTS for c in header[len(row):]):  # optional last columns left out
                row = row + [_DEFAULTS[c] for c in header[len(row):]]
            if len(row) != len(header):
                raise InputError(f"{path}, line {reader.line_num}",
                                 f"{len(row)} fields, the header names {len(header)}")
            rows.append((reader.line_num, dict(zip(header, row))))
    except csv.Error as err:
        raise InputError(f"{path}, line {reader.line_num}", f"not a valid table: {err}") from None
    if base is not None:
        _check_columns(path, header, list(base.columns))
    for line, row in rows:
        problem = check(row)
        if problem:
            raise InputError(f"{path}, line {line}", problem)
    table = pd.DataFrame([r for _, r in rows], columns=header, dtype=str)
    if base is None:
        return table
    return table.assign(**{c: _DEFAULTS[c] for c in base.columns if c not in header})[list(base.columns)]


#: Columns a table may leave out (all of it, or at the end of a row), and their value then.
_DEFAULTS = {"case_sensitive": "0", "needs_context": "", "outcome": "0"}


def _check_columns(path, header, expected):
    missing = [c for c in expected if c not in header and c not in _DEFAULTS]
    extra = [c for c in header if c not in expected]
    if missing or extra:
        said = "; ".join(s for s in (missing and "missing column(s) " + ", ".join(missing),
                                     extra and "unknown column(s) " + ", ".join(extra)) if s)
        raise InputError(f"{path}, line 1", f"{said} (the columns are {', '.join(expected)})")


def _required(row, *columns):
    empty = [c for c in columns if not row[c].strip()]
    return f"empty {', '.join(empty)}" if empty else None


def _flag(row, column):
    if row.get(column, "0") not in ("0", "1", ""):
        return f"{column} must be 0 or 1, not {row[column]!r}"
    return None


def _check_actor(row):
    return _required(row, "actor", "side", "actor_type", "alias") or _flag(row, "case_sensitive")


def _check_source(row):
    return _required(row, "source", "kind", "alias") or _flag(row, "case_sensitive")


_PLACE_KINDS = ("country", "governorate", "region", "town")


def _check_place(row):
    problem = _required(row, "place", "alias", "kind")
    if problem:
        return problem
    if row["kind"] not in _PLACE_KINDS:
        return f"kind must be one of {', '.join(_PLACE_KINDS)}, not {row['kind']!r}"
    for column, limit in (("latitude", 90), ("longitude", 180)):
        value = row[column].strip()
        try:
            ok = not value or abs(float(value)) <= limit
        except ValueError:
            ok = False
        if not ok:
            return f"{column} must be a number between -{limit} and {limit} (or empty), not {value!r}"
    return None


def _check_rule(row):
    problem = _required(row, "event_type", "sub_event_type", "weight", "pattern")
    if problem:
        return problem
    try:
        float(row["weight"])
    except ValueError:
        return f"weight must be a number, not {row['weight']!r}"
    if not row["pattern"].startswith("\\b"):
        return "pattern must start with \\b (rules match from a word start)"
    try:
        re.compile(row["pattern"])
    except re.error as err:
        return f"pattern is not a valid regular expression: {err}"
    return _flag(row, "case_sensitive") or _flag(row, "outcome")


_ROW_CHECKS = {"actors.csv": _check_actor, "places.csv": _check_place, "sources.csv": _check_source,
               "event_rules.tsv": _check_rule}
