"""The codebook: every label and value the coder uses, with definitions.

Shipped as ``resources/codebook.yaml``; :func:`codebook_markdown` renders it
(the committed ``docs/codebook.md`` is that rendering), and
:func:`validate_coding` checks a coding against it.

The values the coder writes are typed: :class:`Outcome`, :class:`Role`,
:class:`VictimCategory`, :class:`DatePrecision`, :class:`PlacePrecision` and
:class:`GeoPrecision` are enums generated from the codebook's sections, so a
value the codebook does not define cannot be written by name.  The string
enums are ``str`` (equal to, hashed and formatted as their value), and the
DataFrames carry their plain values.

>>> Role.TOTAL == "total", f"{Outcome.KILLED}", "total" in COUNTED_ROLES
(True, 'killed', True)
>>> GeoPrecision(PLACE_GEO_PRECISION[PlacePrecision.NEAR_TOWN])
<GeoPrecision.NEAR_TOWN: 2>
"""

from enum import Enum, IntEnum
from functools import lru_cache
from pathlib import Path

import yaml

from ._data import resource_path

__all__ = ["load_codebook", "codebook_markdown", "validate_coding", "CODEBOOK_FIELDS", "CodeValue", "Outcome",
           "Role", "VictimCategory", "DatePrecision", "PlacePrecision", "GeoPrecision", "COUNTED_ROLES",
           "PLACE_GEO_PRECISION"]

#: Coding columns and the codebook section their values must come from.
CODEBOOK_FIELDS = {
    ("annotations", "label"): "labels",
    ("casualties", "outcome"): "outcomes",
    ("casualties", "role"): "roles",
    ("casualties", "victim_category"): "victim_categories",
    ("events", "sub_event_type"): "event_types",
    ("events", "date_precision"): "date_precision",
    ("events", "geo_precision"): "geo_precision",
}


@lru_cache(maxsize=4)
def _bundled():
    with resource_path("codebook.yaml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


class CodeValue(str, Enum):
    """A value of a codebook section: a ``str`` that compares, hashes and
    formats as its value (``"total" in {Role.TOTAL}`` holds)."""

    __str__ = str.__str__
    __format__ = str.__format__
    __hash__ = str.__hash__


def _member_name(value):
    return str(value).upper().replace(" ", "_").replace("-", "_")


def _values_enum(name, section, doc):
    values = _bundled()[section]
    enum = CodeValue(name, [(_member_name(v), str(v)) for v in values], module=__name__, qualname=name)
    enum.__doc__ = f"{doc} (the codebook's ``{section}``)."
    return enum


Outcome = _values_enum("Outcome", "outcomes", "What happened to the people a claim counts")
Role = _values_enum("Role", "roles", "How a claim's figure relates to the report's other figures")
VictimCategory = _values_enum("VictimCategory", "victim_categories", "Who the victims are")
DatePrecision = _values_enum("DatePrecision", "date_precision", "How precise an event date is")
PlacePrecision = _values_enum("PlacePrecision", "place_precision",
                              "How precise a place is, from the most to the least specific")
GeoPrecision = IntEnum("GeoPrecision", [(_member_name(e["name"]), int(k)) for k, e in
                                        _bundled()["geo_precision"].items()], module=__name__,
                       qualname="GeoPrecision")
GeoPrecision.__doc__ = "ACLED's geo_precision codes (the codebook's ``geo_precision``)."

#: The roles whose figures add up to a report's casualties (``counted: true``).
COUNTED_ROLES = frozenset(Role(k) for k, e in _bundled()["roles"].items() if (e or {}).get("counted"))
#: The ACLED geo_precision code of each place precision.
PLACE_GEO_PRECISION = {PlacePrecision(k): int(e["geo_precision"]) for k, e in _bundled()["place_precision"].items()}


def load_codebook(extra=None):
    """The codebook as a dict of sections; ``extra`` (a YAML path or a dict)
    adds or overrides entries, section by section."""
    import copy

    book = copy.deepcopy(_bundled())
    if extra is not None:
        more = extra if isinstance(extra, dict) else yaml.safe_load(Path(extra).read_text(encoding="utf-8"))
        for section, entries in more.items():
            if isinstance(entries, dict) and isinstance(book.get(section), dict):
                book[section].update(entries)
            else:
                book[section] = entries
    return book


def codebook_markdown(codebook=None):
    """The codebook rendered as a Markdown page."""
    book = codebook or load_codebook()
    lines = [f"# {book.get('title', 'Codebook')} (version {book.get('version', '')})", "",
             "Generated from `conflictkit/resources/codebook.yaml` by `ck.codebook.codebook_markdown()`.", ""]
    for section, entries in book.items():
        if not isinstance(entries, dict):
            continue
        lines += [f"## {section.replace('_', ' ').capitalize()}", "", "| value | definition | example |",
                  "|---|---|---|"]
        for value, entry in entries.items():
            entry = entry or {}
            kind = f" ({entry['event_type']})" if "event_type" in entry else ""
            example = f"*{entry.get('example')}*" if entry.get("example") else ""
            lines.append(f"| `{value}`{kind} | {entry.get('definition', '')} | {example} |")
        lines.append("")
    return "\n".join(lines)


def validate_coding(coding, codebook=None):
    """Values in a coding that the codebook does not define.

    Returns
    -------
    list of str
        One line per problem ("casualties.outcome: 'slain' is not in the
        codebook's outcomes"); empty when the coding conforms.
    """
    book = codebook or load_codebook()
    problems = []
    for (table, column), section in CODEBOOK_FIELDS.items():
        frame = getattr(coding, table)
        if column not in frame.columns or not len(frame):
            continue
        allowed = {str(k) for k in book.get(section, {})}
        for value in frame[column].dropna().astype(str).unique():
            if value and value not in allowed and value != "<NA>":
                problems.append(f"{table}.{column}: {value!r} is not in the codebook's {section}")
    return problems
