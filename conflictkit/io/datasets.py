"""Standard event datasets (UCDP GED, ACLED) loaded into one schema.

The schema is the one conflictkit's own coded events use, so a report's
events can be set on the trend of a dataset.  Loaders take a local path;
:func:`fetch` downloads a publisher's file for users with internet (tests
and notebooks never need it).

Every loader validates its rows and returns ``(events, rejects)``: rows that
cannot be used (no dates, counts that are not numbers or negative) are kept
in ``rejects`` with the reason, so rows in = events + rejects.
"""

import contextlib
import hashlib
import http.client
import io
import os
import re
import urllib.request
import uuid
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from ._cache import cached_frames
from .gazetteer import acled_admin1, admin1_lookup, admin1_name, country_code
from .._data import DEFAULT_BUNDLES, data_dir, data_dirs, resource_path
from ..errors import InputError

__all__ = [
    "load_ucdp_ged", "load_acled", "coded_events_to_schema", "admin1_code",
    "dataset_path", "fetch", "fetch_ucdp_ged", "how_to_get", "DATASET_SOURCES", "LoadedEvents", "SCHEMA_COLUMNS", "UCDP_DATE_PRECISION", "UCDP_WHERE_PRECISION",
    "TYPE_OF_VIOLENCE", "UCDP_SYRIA_FILE", "UCDP_SYRIA_PERIOD", "ACLED_CACHE_MIN_BYTES",
]

SCHEMA_COLUMNS = [
    "event_id", "dataset", "event_date", "date_start", "date_end", "date_precision", "event_type",
    "sub_event_type", "type_of_violence", "actor1", "actor2", "country", "admin1", "admin1_name", "location",
    "latitude", "longitude", "geo_precision", "where_prec", "fatalities_low", "fatalities_best",
    "fatalities_high", "fatalities_acled", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "source", "range_ok",
]

#: UCDP GED ``type_of_violence`` codes.
TYPE_OF_VIOLENCE = {1: "state-based", 2: "non-state", 3: "one-sided"}
#: UCDP GED ``date_prec`` codes (GED codebook 19.1).
UCDP_DATE_PRECISION = {1: "day", 2: "2-6 days", 3: "week", 4: "month", 5: "more than a month"}
#: UCDP GED ``where_prec`` codes (GED codebook 19.1).
UCDP_WHERE_PRECISION = {
    1: "exact location", 2: "within 25 km", 3: "second-order admin (district)",
    4: "first-order admin (governorate)", 5: "linear feature or region", 6: "country",
    7: "international waters or airspace",
}
#: ACLED ``time_precision`` codes.
ACLED_TIME_PRECISION = {1: "day", 2: "week", 3: "month"}

_UCDP_REQUIRED = ["id", "type_of_violence", "date_start", "date_end", "best", "low", "high", "country",
                  "date_prec", "where_prec"]
_ACLED_REQUIRED = ["event_date", "event_type", "sub_event_type", "actor1", "country", "admin1", "fatalities"]


def _norm_name(name):
    """A loose key for a governorate name: no "Governorate", no leading Arabic
    article, no hyphens or apostrophes, no final h ("Ar-Raqqah" = "Raqqa")."""
    name = re.sub(r"\b(?:governorate|province|muhafazat)\b", "", str(name), flags=re.I)
    words = re.sub(r"[\-'\u2019`]", " ", name).casefold().split()
    if len(words) > 1 and words[0] in {"al", "ar", "as", "ad", "an", "ash", "at", "az", "el", "ad"}:
        words = words[1:]
    key = "".join(words)
    return key[:-1] if key.endswith("h") and len(key) > 4 else key


def _admin1_index():
    # the place tables shipped with the package, general and of the default
    # bundles (read here, not through the coding layer: loaders do not import
    # higher layers)
    tables = []
    for name in ("places.csv",) + tuple(f"bundles/{b}/places.csv" for b in DEFAULT_BUNDLES):
        with resource_path(name).open(encoding="utf-8") as f:
            tables.append(pd.read_csv(f, dtype=str, keep_default_na=False))
    places = pd.concat(tables, ignore_index=True)
    gov = places[places["kind"] == "governorate"]
    index = {_norm_name(a): (code, name) for a, code, name in zip(gov["alias"], gov["admin1"], gov["place"])}
    import pycountry

    for sub in pycountry.subdivisions.get(country_code="SY") or []:
        index.setdefault(_norm_name(sub.name), (sub.code, index.get(_norm_name(sub.name), (sub.code, sub.name))[1]))
    return index


def admin1_code(names, countries=None):
    """ISO 3166-2 codes and names for admin1 names as written, in any country.

    Parameters
    ----------
    names : sequence of str
        "Ar Raqqah Governorate", "Deir ez Zor", "Idleb", "Borno", "Nord-Kivu" …
    countries : sequence of str, optional
        Each name's country, as a name ("Nigeria", "Ivory Coast") or an ISO
        3166-1 alpha-2 code.  Without it the names are read as Syria's
        governorates.  Syria's are named as conflictkit's bundle names them,
        others as ISO 3166-2 does (:func:`conflictkit.io.gazetteer.admin1_lookup`);
        a name of ACLED's older exports that ISO does not know is the unit it
        is today (:func:`conflictkit.io.gazetteer.acled_admin1`: "North
        Sinai" is EG-SIN), unless the unit was split since ("Darfur": "").

    Returns
    -------
    (Series, Series)
        Codes ("" when unknown) and names.

    Examples
    --------
    >>> codes, labels = admin1_code(["Ar Raqqah Governorate", "Dayr az Zawr", "Atlantis"])
    >>> list(codes), list(labels)
    (['SY-RA', 'SY-DY', ''], ['Raqqa', 'Deir ez-Zor', ''])
    >>> list(admin1_code(["Borno", "Idleb", "Cairo"], ["Nigeria", "Syria", "EG"])[0])
    ['NG-BO', 'SY-ID', 'EG-C']
    >>> list(admin1_code(["North Sinai", "Al Hizam Al Akhdar", "Darfur"], ["Egypt", "Libya", "Sudan"])[0])
    ['EG-SIN', 'LY-BA', '']
    """
    index = _admin1_index()
    s = pd.Series(list(names), dtype="object")
    ccs = ["SY"] * len(s) if countries is None else [_country(c) for c in countries]
    pairs = list(zip(s, ccs))
    uniq = {pair: _admin1_of(*pair, index) for pair in set(pairs)}
    return (pd.Series([uniq[p][0] for p in pairs], dtype="object"),
            pd.Series([uniq[p][1] for p in pairs], dtype="object"))


@lru_cache(maxsize=1024)
def _country(name):
    if isinstance(name, str) and len(name) == 2 and name.isupper():
        return name
    return country_code(name)


def _admin1_of(name, country, syria_index):
    if not isinstance(name, str) or not name:
        return "", ""
    if country == "SY":
        hit = syria_index.get(_norm_name(name))
        if hit:
            return hit
    code, label = admin1_lookup(country, name)
    if not code:  # a name of ACLED's older exports: the unit it is today, when it is one
        units = acled_admin1(country, name)
        if len(units) == 1:
            code, label = units[0], admin1_name(units[0])
    return code, label


def _check_file(path):
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.stat().st_size == 0:
        raise InputError(path, "file is empty")
    return path


def _read_any_csv(path, usecols_hint=None):
    path = _check_file(path)
    if path.suffix.lower() == ".zip":
        with _open_csv_member(path) as f:
            return pd.read_csv(f, dtype=str, keep_default_na=False)
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="latin-1")
    except pd.errors.ParserError as err:
        raise InputError(path, f"malformed CSV ({err})") from None


#: ACLED columns that hold numbers; every other column is read as text.
_ACLED_NUMERIC = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "latitude", "longitude",
                  "geo_precision", "fatalities", "timestamp"}


#: Files at least this large get a Parquet copy from :func:`load_acled` by default.
ACLED_CACHE_MIN_BYTES = 10_000_000


def _read_acled(path):
    """An ACLED export as a table, read with pyarrow: numbers typed, text as text."""
    path = _check_file(path)
    return _read_any_csv(path) if path.suffix.lower() == ".zip" else _read_acled_csv(path)


def _read_acled_csv(path):
    # A number column with a value that is not a number comes back as text;
    # the loader rejects those rows.  What pyarrow cannot parse (not UTF-8,
    # ragged rows) goes to the careful reader, which says what is wrong.
    try:
        header = pd.read_csv(path, nrows=0, encoding="utf-8").columns
        text = {c: str for c in header if c not in _ACLED_NUMERIC}
        return pd.read_csv(path, engine="pyarrow", dtype=text, keep_default_na=False)
    except (ValueError, pd.errors.ParserError):  # ArrowInvalid and UnicodeDecodeError are ValueErrors
        return _read_any_csv(path)


def _check_columns(frame, required, path):
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputError(path, f"not a {'UCDP GED' if 'best' in required else 'ACLED'} file: missing columns "
                               f"{', '.join(missing)}")


def _numbers(frame, cols, reasons):
    out = {}
    for c in cols:
        num = frame[c] if pd.api.types.is_numeric_dtype(frame[c]) else \
            pd.to_numeric(frame[c].astype(str).str.strip(), errors="coerce")
        reasons[num.isna()] += f"{c} is not a number ({c}); "
        reasons[num < 0] += f"{c} is negative; "
        out[c] = num
    return out


def _split(frame, reasons, path, events):
    bad = reasons != ""
    rejects = pd.DataFrame({"source": str(path), "row": frame.index[bad] + 2,
                            "id": frame.loc[bad].iloc[:, 0].values if bad.any() else [],
                            "reason": reasons[bad].str.rstrip("; ").values})
    return LoadedEvents(events[~bad.values].reset_index(drop=True), rejects)


class LoadedEvents(NamedTuple):
    """``(events, rejects)`` from a dataset loader; rows in = events + rejects."""

    events: pd.DataFrame
    rejects: pd.DataFrame


def load_ucdp_ged(path, *, invalid_range="keep"):
    """Load a UCDP GED CSV (or zip), any version, into conflictkit's schema.

    Parameters
    ----------
    path : str or Path
        For example ``$CONFLICTKIT_DATA/ucdp/ged_syria_652.1601.1911.csv``.
    invalid_range : {"keep", "reject"}
        Rows whose ``low <= best <= high`` does not hold (UCDP releases have
        such rows; their ``best`` still equals the sum of the deaths
        columns): keep them with ``range_ok=False`` so the dataset's totals
        are reproduced, or send them to the rejects.

    Returns
    -------
    (DataFrame, DataFrame)
        ``events`` with columns :data:`SCHEMA_COLUMNS` (dates parsed;
        ``type_of_violence`` a categorical of state-based, non-state,
        one-sided; ``date_precision`` and ``where_prec`` categoricals with
        the codebook's meanings; ``admin1`` as ISO 3166-2), and ``rejects``
        (``source``, ``row``, ``id``, ``reason``).

    Examples
    --------
    >>> events, rejects = load_ucdp_ged(dataset_path("ucdp", "ged_syria_652.1601.1911.csv"))  # doctest: +SKIP
    >>> len(events) + len(rejects)  # doctest: +SKIP
    16566
    """
    raw = _read_any_csv(path)
    _check_columns(raw, _UCDP_REQUIRED, path)
    reasons = pd.Series("", index=raw.index, dtype="object")
    nums = _numbers(raw, ["best", "low", "high", "type_of_violence", "date_prec", "where_prec"], reasons)
    deaths = {c: pd.to_numeric(raw[c], errors="coerce") if c in raw else pd.Series(np.nan, index=raw.index)
              for c in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")}
    start = pd.to_datetime(raw["date_start"].str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    end = pd.to_datetime(raw["date_end"].str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    reasons[start.isna()] += "date_start is not a date; "
    reasons[end.isna()] += "date_end is not a date; "
    reasons[(end < start)] += "date_end before date_start; "
    range_ok = (nums["low"] <= nums["best"]) & (nums["best"] <= nums["high"])
    if invalid_range == "reject":
        reasons[~range_ok & nums["best"].notna()] += "low <= best <= high does not hold; "
    elif invalid_range != "keep":
        raise ValueError("invalid_range must be 'keep' or 'reject'")
    codes, names = admin1_code(raw["adm_1"] if "adm_1" in raw else [""] * len(raw),
                               raw["country"] if "country" in raw else None)
    events = pd.DataFrame({
        "event_id": "ucdp-" + raw["id"].astype(str),
        "dataset": "UCDP GED",
        "event_date": start,
        "date_start": start,
        "date_end": end,
        "date_precision": pd.Categorical(nums["date_prec"].map(UCDP_DATE_PRECISION),
                                         categories=list(UCDP_DATE_PRECISION.values())),
        "event_type": "",
        "sub_event_type": "",
        "type_of_violence": pd.Categorical(nums["type_of_violence"].map(TYPE_OF_VIOLENCE),
                                           categories=list(TYPE_OF_VIOLENCE.values())),
        "actor1": raw.get("side_a", ""),
        "actor2": raw.get("side_b", ""),
        "country": raw["country"],
        "admin1": codes.values,
        "admin1_name": names.values,
        "location": raw.get("where_coordinates", ""),
        "latitude": pd.to_numeric(raw.get("latitude"), errors="coerce"),
        "longitude": pd.to_numeric(raw.get("longitude"), errors="coerce"),
        "geo_precision": nums["where_prec"].map({1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3}).astype("Int64"),
        "where_prec": pd.Categorical(nums["where_prec"].map(UCDP_WHERE_PRECISION),
                                     categories=list(UCDP_WHERE_PRECISION.values())),
        "fatalities_low": nums["low"],
        "fatalities_best": nums["best"],
        "fatalities_high": nums["high"],
        "fatalities_acled": np.nan,
        **{c: v for c, v in deaths.items()},
        "source": raw.get("source_original", ""),
        "range_ok": range_ok,
    })
    return _split(raw, reasons, path, events[SCHEMA_COLUMNS])


def load_acled(path, *, cache=None):
    """Load an ACLED export CSV into conflictkit's schema.

    ACLED gives one ``fatalities`` figure, its conservative estimate: it
    becomes ``fatalities_low``, ``fatalities_best``, ``fatalities_high`` and
    ``fatalities_acled``.  ``event_date`` may be ISO (``2020-09-22``) or
    ACLED's ``22 September 2020``.

    Parameters
    ----------
    path : str or Path
        The export (CSV, or a zip holding one).
    cache : bool, optional
        Keep a Parquet copy of the table beside the file
        (``<file>.conflictkit.parquet``; in ``~/.cache/conflictkit`` when the
        folder is read-only) and read it instead while the file's size and
        modification time are unchanged: a full export (1.3 GB) then loads
        in seconds.  By default only for files of
        :data:`ACLED_CACHE_MIN_BYTES` or more.

    Returns
    -------
    (DataFrame, DataFrame)
        ``events`` (columns :data:`SCHEMA_COLUMNS`) and ``rejects``.
    """
    path = _check_file(path)
    if cache is None:
        cache = path.stat().st_size >= ACLED_CACHE_MIN_BYTES
    return LoadedEvents(*cached_frames(path, _load_acled)) if cache else _load_acled(path)


def _load_acled(path):
    raw = _read_acled(path)
    _check_columns(raw, _ACLED_REQUIRED, path)
    reasons = pd.Series("", index=raw.index, dtype="object")
    nums = _numbers(raw, ["fatalities"], reasons)
    date = _acled_dates(raw["event_date"])
    reasons[date.isna()] += "event_date is not a date; "
    tp = pd.to_numeric(raw.get("time_precision", pd.Series("1", index=raw.index)), errors="coerce")
    gp = pd.to_numeric(raw.get("geo_precision", pd.Series("", index=raw.index)), errors="coerce")
    codes, names = admin1_code(raw["admin1"], raw["country"])
    events = pd.DataFrame({
        "event_id": "acled-" + raw.get("event_id_cnty", pd.Series(raw.index.astype(str), index=raw.index)),
        "dataset": "ACLED",
        "event_date": date,
        "date_start": date,
        "date_end": date,
        "date_precision": pd.Categorical(tp.map(ACLED_TIME_PRECISION), categories=["day", "week", "month"]),
        "event_type": raw["event_type"],
        "sub_event_type": raw["sub_event_type"],
        "type_of_violence": pd.Categorical([None] * len(raw), categories=list(TYPE_OF_VIOLENCE.values())),
        "actor1": raw["actor1"],
        "actor2": raw.get("actor2", ""),
        "country": raw["country"],
        "admin1": codes.values,
        "admin1_name": [n or a for n, a in zip(names.values, raw["admin1"])],
        "location": raw.get("location", ""),
        "latitude": pd.to_numeric(raw.get("latitude"), errors="coerce"),
        "longitude": pd.to_numeric(raw.get("longitude"), errors="coerce"),
        "geo_precision": gp.astype("Int64"),
        "where_prec": pd.Categorical([None] * len(raw), categories=list(UCDP_WHERE_PRECISION.values())),
        "fatalities_low": nums["fatalities"],
        "fatalities_best": nums["fatalities"],
        "fatalities_high": nums["fatalities"],
        "fatalities_acled": nums["fatalities"],
        "deaths_a": np.nan, "deaths_b": np.nan, "deaths_civilians": np.nan, "deaths_unknown": np.nan,
        "source": raw.get("source", ""),
        "range_ok": True,
    })
    return _split(raw, reasons, path, events[SCHEMA_COLUMNS])


def _acled_dates(values):
    """ISO (``2020-09-22``) or ACLED's ``22 September 2020`` dates, NaT where
    neither; each distinct text is parsed once (an export repeats them)."""
    codes, uniques = pd.factorize(values.astype(str).str.strip())
    text = pd.Series(uniques)
    parsed = pd.to_datetime(text, format="ISO8601", errors="coerce")
    retry = parsed.isna()
    if retry.any():
        parsed[retry] = pd.to_datetime(text[retry], format="%d %B %Y", errors="coerce")
    return pd.Series(parsed.to_numpy()[codes], index=values.index).where(codes >= 0)


def coded_events_to_schema(events):
    """Events coded from reports (``coding.events``) in the dataset schema.

    Events whose fatalities are unknown keep NaN (never 0).
    """
    ev = events.copy()
    out = pd.DataFrame({
        "event_id": ev["event_id"], "dataset": "conflictkit",
        "event_date": pd.to_datetime(ev["event_date"]), "date_start": pd.to_datetime(ev["date_start"]),
        "date_end": pd.to_datetime(ev["date_end"]), "date_precision": ev["date_precision"],
        "event_type": ev["event_type"], "sub_event_type": ev["sub_event_type"],
        "type_of_violence": pd.Categorical([None] * len(ev), categories=list(TYPE_OF_VIOLENCE.values())),
        "actor1": ev["actor1"], "actor2": ev["actor2"], "country": ev["country"], "admin1": ev["admin1"],
        "admin1_name": ev["admin1_name"], "location": ev["location"], "latitude": ev["latitude"],
        "longitude": ev["longitude"], "geo_precision": ev["geo_precision"],
        "where_prec": pd.Categorical([None] * len(ev), categories=list(UCDP_WHERE_PRECISION.values())),
        "fatalities_low": ev["fatalities_low"], "fatalities_best": ev["fatalities_best"],
        "fatalities_high": ev["fatalities_high"], "fatalities_acled": ev["fatalities_acled"],
        "deaths_a": np.nan, "deaths_b": np.nan, "deaths_civilians": np.nan, "deaths_unknown": np.nan,
        "source": ev["source"], "range_ok": True,
    })
    return out[SCHEMA_COLUMNS]


def dataset_path(*parts):
    """Path of a dataset file in the data folders, or None when it is in none.

    The folders are searched in order (:func:`~conflictkit.data_dirs`:
    ``$CONFLICTKIT_DATA``, then ``data/``).  The last part may be a glob
    pattern (``"ged_syria_*.csv"``): the last match in sorted order is
    returned, so of two fetched versions the newer one.

    Examples
    --------
    >>> dataset_path("ucdp", "no-such-file.csv") is None
    True
    """
    *folders, name = parts
    for base in data_dirs():
        folder = base.joinpath(*folders)
        if any(ch in name for ch in "*?["):
            found = sorted(folder.glob(name)) if folder.is_dir() else []
            if found:
                return found[-1]
        elif (folder / name).exists():
            return folder / name
    return None


# ---------------------------------------------------------------------------
# downloading, for users with internet

#: Publishers' download addresses.  ACLED needs the user's own account: it
#: has no public file; export from its site and use :func:`load_acled`.
UCDP_GED_URL = "https://ucdp.uu.se/downloads/ged/ged{version}-csv.zip"


#: The UCDP GED file the notebooks read first (UCDP's special Syria release
#: 652.1601.1911, GED 19.1 codebook): the committed figures are made from it.
UCDP_SYRIA_FILE = "ged_syria_652.1601.1911.csv"
#: The period that file covers; :func:`fetch_ucdp_ged` extracts the same.
UCDP_SYRIA_PERIOD = ("2016-01-01", "2019-11-30")

#: Where each dataset the notebooks use comes from: (what, files the
#: notebooks read, where to get them, command that fetches them).
DATASET_SOURCES = {
    "ucdp": ("UCDP Georeferenced Event Dataset (GED), CC BY 4.0; cite Sundberg & Melander (2013) and "
             "Högbladh (2019)", [UCDP_SYRIA_FILE, "ged_syria_<version>.csv"], "https://ucdp.uu.se/downloads/",
             "conflictkit fetch ucdp-ged --version 25.1"),
    "news": ("FA-KES, 804 articles on casualty events in Syria, CC BY 4.0 (Abu Salem et al., ICWSM 2019)",
             ["fa-kes-syria-804.csv"], "Zenodo (\"FA-KES: A Fake News Dataset around the Syrian War\")", None),
    "gold": ("SemEval-2018 task 5 (GVA) and CASE 2021 task 2 development sets, research use",
             ["gva-articles-dev.jsonl", "case2021-event-types-dev.tsv"],
             "the SemEval-2018 Task 5 and CASE 2021 shared-task pages", None),
}


def how_to_get(kind):
    """One paragraph on a dataset the notebooks use: the exact files, where
    conflictkit looks for them, and how to get them.

    Examples
    --------
    >>> "conflictkit fetch ucdp-ged --version 25.1" in how_to_get("ucdp")
    True
    """
    what, files, where, command = DATASET_SOURCES[kind]
    folders = " or ".join(str(d / kind) for d in data_dirs())
    names = ", else ".join(f"{kind}/{f}" for f in files)
    text = (f"{what}: the notebooks read {names}, which is not in {folders}. Download it from {where} "
            f"and put it there (or point $CONFLICTKIT_DATA at a folder holding {kind}/).")
    if kind == "ucdp":
        version = "25.1"
        text += (f" With internet, `{command}` downloads the global GED {version} and writes "
                 f"{kind}/ged_syria_{version}.csv (Syria, {UCDP_SYRIA_PERIOD[0]} to {UCDP_SYRIA_PERIOD[1]}) "
                 f"into {data_dir() / kind}; the committed figures come from {UCDP_SYRIA_FILE}, so "
                 f"yours will differ by UCDP's revisions since that release.")
    return text


def fetch(url, dest, *, sha256=None, size=None):
    """Download a file into ``dest`` (a folder) and record its checksum.

    Writes ``<name>`` and ``<name>.sha256``, the SHA-256 of the bytes that
    arrived: a record for checking the file later, not a verification.  The
    download is verified against what the publisher states: its
    ``Content-Length`` (always, when sent), and ``size`` and ``sha256`` when
    given.  A download that fails a check raises :class:`InputError` and
    leaves no file.  Nothing in conflictkit's tests or notebooks calls this;
    they read local files.

    Returns
    -------
    Path
    """
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    name = url.rstrip("/").rsplit("/", 1)[-1]
    target = dest / name
    tmp = dest / f".{name}.{os.getpid()}-{uuid.uuid4().hex[:12]}.part"
    try:
        got, n = _download(url, tmp)
        _check_download(url, got, n, sha256=sha256, size=size)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    target.with_name(name + ".sha256").write_text(f"{got}  {name}\n")
    return target


def _download(url, path):
    """Stream ``url`` into ``path``: (sha256, bytes); a short body is an error."""
    digest, n = hashlib.sha256(), 0
    with urllib.request.urlopen(url, timeout=60) as response, open(path, "wb") as out:  # noqa: S310
        expected = response.headers.get("Content-Length")
        try:
            while chunk := response.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
                n += len(chunk)
        except http.client.HTTPException as err:  # IncompleteRead: the server closed early
            raise InputError(url, f"download truncated after {n:,} bytes ({type(err).__name__}); try again") from None
    if expected is not None and expected.isdigit() and int(expected) != n:
        raise InputError(url, f"download truncated: got {n:,} of {int(expected):,} bytes; try again")
    return digest.hexdigest(), n


def _check_download(url, got, n, *, sha256, size):
    if size is not None and n != size:
        raise InputError(url, f"size mismatch: got {n:,} bytes, the publisher states {size:,}")
    if sha256 and got != sha256.lower():
        raise InputError(url, f"checksum mismatch: got {got}, expected {sha256}")


_VERSION = re.compile(r"\d{1,2}\.\d{1,2}")


def fetch_ucdp_ged(version="25.1", dest=None, *, country="Syria", period=UCDP_SYRIA_PERIOD, url=None):
    """Download a UCDP GED release and write the extract the notebooks read.

    Parameters
    ----------
    version : str
        GED version, e.g. ``"25.1"``.
    dest : path, optional
        Folder; default ``ucdp/`` of the first data folder
        (``$CONFLICTKIT_DATA``, else ``data/``).
    country : str or None
        Keep this country's events (GED's ``country`` column) and write them
        to ``ged_<country>_<version>.csv`` (``ged_syria_25.1.csv``, which
        the notebooks find).  None keeps only the global archive.
    period : (str, str)
        First and last ``date_start`` kept (ISO dates); default the period
        of :data:`UCDP_SYRIA_FILE`.
    url : str, optional
        Another address of the archive (a mirror, or a ``file://`` copy).

    Returns
    -------
    Path
        The extract, or the archive (``ged251-csv.zip``, kept beside the
        extract with its ``.sha256``) when ``country`` is None.  UCDP
        publishes no checksum, so the download is checked against the size
        its server states (see :func:`fetch`); the ``.sha256`` file records
        what arrived.
    """
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        raise InputError(repr(version), "not a UCDP GED version; give it like 25.1")
    dest = Path(dest) if dest is not None else data_dir() / "ucdp"
    archive = fetch(url or UCDP_GED_URL.format(version=version.replace(".", "")), dest)
    if country is None:
        return archive
    slug = re.sub(r"\W+", "_", country.strip().casefold())
    return _extract_country(archive, dest / f"ged_{slug}_{version}.csv", country, period)


def _extract_country(archive, out, country, period):
    """Stream the rows of one country within ``period`` from a GED archive
    (zip or CSV) into ``out``; the file appears only when complete."""
    first, last = period
    tmp = out.with_name(out.name + ".part")
    kept = 0
    with _open_csv_member(archive) as f, open(tmp, "w", encoding="utf-8", newline="") as sink:
        for i, chunk in enumerate(pd.read_csv(f, dtype=str, keep_default_na=False, chunksize=100_000)):
            _check_columns(chunk, _UCDP_REQUIRED, archive)
            day = chunk["date_start"].str.slice(0, 10)
            rows = chunk[(chunk["country"] == country) & (day >= first) & (day <= last)]
            rows.to_csv(sink, index=False, header=i == 0)
            kept += len(rows)
    if not kept:
        tmp.unlink()
        raise InputError(archive, f"no {country} events with date_start {first} to {last}")
    tmp.replace(out)
    return out


@contextlib.contextmanager
def _open_csv_member(path):
    """A text stream of a CSV file, or of the first CSV inside a zip."""
    if Path(path).suffix.lower() != ".zip":
        with open(path, encoding="utf-8", newline="") as f:
            yield f
        return
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if n.lower().endswith(".csv")]
        if not names:
            raise InputError(path, "zip has no CSV file")
        with z.open(names[0]) as member:
            yield io.TextIOWrapper(member, encoding="utf-8", newline="")
