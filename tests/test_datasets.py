"""Dataset loaders: UCDP GED (real Syria release) and ACLED (a fixture we wrote)."""

import io
import os
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit.errors import InputError
from conftest import shared_file

ACLED = Path(__file__).parent / "data" / "acled-sample.csv"
README_YEARLY = {2016: (48710, 40865), 2017: (33316, 21243), 2018: (20251, 11974), 2019: (10060, 6567)}


@pytest.fixture(scope="module")
def ged_path():
    return shared_file("ucdp", "ged_syria_652.1601.1911.csv")


@pytest.fixture(scope="module")
def ged(ged_path):
    return ck.load_ucdp_ged(ged_path)


def test_ged_all_rows_accounted_for(ged, ged_path):
    events, rejects = ged
    assert len(events) + len(rejects) == len(pd.read_csv(ged_path, usecols=["id"])) == 16566
    assert len(rejects) == 0


def test_ged_yearly_sums_match_the_data_readme(ged):
    events, _ = ged
    year = events.date_start.dt.year
    all_types = events.groupby(year).fatalities_best.sum()
    state = events[events.type_of_violence == "state-based"].groupby(year).fatalities_best.sum()
    for y, (total, state_based) in README_YEARLY.items():
        assert all_types[y] == total and state[y] == state_based


def test_ged_is_analysis_ready(ged):
    events, _ = ged
    assert pd.api.types.is_datetime64_any_dtype(events.date_start)
    assert list(events.type_of_violence.cat.categories) == ["state-based", "non-state", "one-sided"]
    assert "more than a month" in set(events.date_precision.astype(str))
    assert set(events.admin1) - {""} <= {f"SY-{c}" for c in "DI RD HL ID HM HI LA TA RA DY HA DR SU QU".split()}
    assert (events.admin1 == "SY-RA").sum() == 1424  # "Ar Raqqah Governorate"
    assert (~events.range_ok).sum() == 101  # low <= best <= high fails, flagged


def test_ged_invalid_ranges_can_be_rejected(ged_path):
    events, rejects = ck.load_ucdp_ged(ged_path, invalid_range="reject")
    assert len(rejects) == 101 and len(events) == 16465
    assert set(rejects.reason) == {"low <= best <= high does not hold"}


def test_ged_from_zip(tmp_path):
    frame = pd.DataFrame({"id": [1, 2], "type_of_violence": [1, 3], "date_start": ["2017-03-01", "2017-03-05"],
                          "date_end": ["2017-03-01", "2017-03-05"], "best": [4, "x"], "low": [3, 1], "high": [5, 2],
                          "country": "Syria", "date_prec": [1, 1], "where_prec": [1, 4],
                          "adm_1": ["Idlib Governorate", "Hamah Governorate"]})
    z = tmp_path / "ged.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("ged.csv", frame.to_csv(index=False))
    events, rejects = ck.load_ucdp_ged(z)
    assert events.admin1.tolist() == ["SY-ID"] and rejects.id.tolist() == ["2"]
    assert "best is not a number" in rejects.reason.iloc[0]


def test_not_a_ged_file(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="not a UCDP GED file: missing columns"):
        ck.load_ucdp_ged(f)


def test_acled_fixture():
    events, rejects = ck.load_acled(ACLED)
    assert len(events) + len(rejects) == 7
    assert sorted(rejects.id) == ["SYR100004", "SYR100005", "SYR100006"]
    assert events.admin1.tolist() == ["SY-RA", "SY-RA", "SY-ID", "SY-DY"]
    assert events.date_start.dt.strftime("%Y-%m-%d").tolist() == ["2020-09-21", "2020-09-21", "2020-09-21", "2020-08-15"]
    assert events.fatalities_acled.tolist() == [13, 15, 0, 3]
    assert events.date_precision.astype(str).tolist() == ["day", "day", "week", "week"]
    assert list(events.columns) == ck.io.datasets.SCHEMA_COLUMNS


def test_coded_events_share_the_schema(sample_report):
    ev = ck.io.coded_events_to_schema(ck.code_report(sample_report).events)
    assert list(ev.columns) == ck.io.datasets.SCHEMA_COLUMNS
    assert ev.set_index("admin1").loc["SY-RA", "fatalities_best"] == 28


def test_fetch_writes_file_and_checksum(tmp_path):
    src = tmp_path / "src" / "ged.zip"
    src.parent.mkdir()
    src.write_bytes(b"payload")
    import hashlib

    good = hashlib.sha256(b"payload").hexdigest()
    got = ck.io.fetch(src.as_uri(), tmp_path / "dest", sha256=good)  # a local file:// address, no network
    assert got.read_bytes() == b"payload"
    assert got.with_name("ged.zip.sha256").read_text().startswith(good)
    with pytest.raises(InputError, match="checksum mismatch"):
        ck.io.fetch(src.as_uri(), tmp_path / "dest2", sha256="0" * 64)
    assert not (tmp_path / "dest2" / "ged.zip").exists()


class _Response(io.BytesIO):
    """A download that stops early: its body is shorter than its Content-Length."""

    def __init__(self, body, length):
        super().__init__(body)
        self.headers = {"Content-Length": str(length)}


def test_a_truncated_download_is_an_error_and_leaves_no_file(tmp_path, monkeypatch):
    import urllib.request

    monkeypatch.setattr(urllib.request, "urlopen", lambda url, timeout=None: _Response(b"x" * 50, 100))
    with pytest.raises(InputError, match="truncated.*50 of 100 bytes"):
        ck.io.fetch("https://example.org/ged.zip", tmp_path / "dest")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_connection_closed_early_is_a_truncated_download(tmp_path, monkeypatch):
    import http.client
    import urllib.request

    class Closed(_Response):
        def read(self, n=-1):
            raise http.client.IncompleteRead(b"x" * 10, 90)

    monkeypatch.setattr(urllib.request, "urlopen", lambda url, timeout=None: Closed(b"", 100))
    with pytest.raises(InputError, match="truncated"):
        ck.io.fetch("https://example.org/ged.zip", tmp_path / "dest")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_fetch_checks_the_publishers_size_and_never_calls_a_recorded_hash_verified(tmp_path, monkeypatch):
    import urllib.request

    monkeypatch.setattr(urllib.request, "urlopen", lambda url, timeout=None: _Response(b"x" * 100, 100))
    got = ck.io.fetch("https://example.org/ged.zip", tmp_path / "dest")
    record = got.with_name("ged.zip.sha256").read_text()
    assert got.read_bytes() == b"x" * 100 and "verified" not in record.lower()
    with pytest.raises(InputError, match="size"):
        ck.io.fetch("https://example.org/ged.zip", tmp_path / "d2", size=99)
    assert not (tmp_path / "d2" / "ged.zip").exists()


@pytest.mark.parametrize("version", ["25 .1", "../25.1", "", "25"])
def test_fetch_ucdp_ged_refuses_a_malformed_version(tmp_path, version):
    with pytest.raises(InputError, match="version"):
        ck.io.fetch_ucdp_ged(version, tmp_path)


def _ged_zip(path, rows):
    """A small GED-shaped archive (the columns the loader needs)."""
    cols = ["id", "type_of_violence", "date_start", "date_end", "best", "low", "high", "country",
            "date_prec", "where_prec", "adm_1"]
    lines = [",".join(cols)] + [",".join([str(i), "1", day, day, "5", "4", "6", country, "1", "1", "Aleppo"])
                                for i, (country, day) in enumerate(rows, 1)]
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("GEDEvent_v25_1.csv", "\n".join(lines) + "\n")
    return path


GED_ROWS = [("Syria", "2015-12-31"), ("Syria", "2016-01-01"), ("Iraq", "2017-05-01"),
            ("Syria", "2019-11-30"), ("Syria", "2019-12-01 00:00:00.000")]


def test_fetch_ucdp_ged_writes_the_syria_file_the_notebooks_read(tmp_path, monkeypatch):
    src = _ged_zip(tmp_path / "ged251-csv.zip", GED_ROWS)
    monkeypatch.setenv("CONFLICTKIT_DATA", str(tmp_path / "data"))
    out = ck.io.fetch_ucdp_ged("25.1", url=src.as_uri())  # file:// address, no network
    assert out == tmp_path / "data" / "ucdp" / "ged_syria_25.1.csv"
    assert (out.parent / "ged251-csv.zip.sha256").exists()
    events, rejects = ck.load_ucdp_ged(out)
    assert events.event_id.tolist() == ["ucdp-2", "ucdp-4"] and rejects.empty
    # the notebooks' lookup: the reference release, else a fetched Syria file
    assert ck.dataset_path("ucdp", ck.io.datasets.UCDP_SYRIA_FILE) is None
    assert ck.dataset_path("ucdp", "ged_syria_*.csv") == out


def test_fetch_ucdp_ged_without_the_country_says_so(tmp_path):
    src = _ged_zip(tmp_path / "ged251-csv.zip", [("Iraq", "2017-05-01")])
    with pytest.raises(InputError, match=r"ged251-csv.zip: no Syria events with date_start 2016-01-01 to 2019-11-30"):
        ck.io.fetch_ucdp_ged("25.1", tmp_path / "ucdp", url=src.as_uri())
    assert not list((tmp_path / "ucdp").glob("ged_syria*"))


def test_fetch_ucdp_ged_country_none_keeps_the_global_archive(tmp_path):
    src = _ged_zip(tmp_path / "ged251-csv.zip", GED_ROWS)
    got = ck.io.fetch_ucdp_ged("25.1", tmp_path / "ucdp", country=None, url=src.as_uri())
    assert got.name == "ged251-csv.zip" and got.read_bytes() == src.read_bytes()


@pytest.mark.slow
def test_extract_of_the_reference_release_is_the_release(ged_path, ged, tmp_path):
    with zipfile.ZipFile(tmp_path / "ged-syria.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.write(ged_path, "ged.csv")
    out = ck.io.fetch_ucdp_ged("19.1", tmp_path / "ucdp", url=(tmp_path / "ged-syria.zip").as_uri())
    ours, theirs = ck.load_ucdp_ged(out).events, ged.events
    assert len(ours) == len(theirs) == 16_566
    pd.testing.assert_frame_equal(ours, theirs)


def test_how_to_get_names_the_files_and_the_command():
    text = ck.io.how_to_get("ucdp")
    assert "ucdp/ged_syria_652.1601.1911.csv" in text and "ucdp/ged_syria_25.1.csv" in text
    assert "`conflictkit fetch ucdp-ged --version 25.1`" in text
    assert str(ck.io.data_dirs()[-1] / "ucdp") in text


@pytest.fixture
def acled_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    folder = tmp_path / "acled"
    folder.mkdir()
    path = folder / "acled-export.csv"
    path.write_bytes(ACLED.read_bytes())
    return path


def _no_csv_reading(monkeypatch):
    def refuse(path):
        raise AssertionError(f"{path} was read again")

    monkeypatch.setattr(ck.io.datasets, "_read_acled", refuse)


def test_acled_second_load_comes_from_the_parquet_copy(acled_copy, monkeypatch):
    first = ck.load_acled(acled_copy, cache=True)
    assert sorted(p.name for p in acled_copy.parent.iterdir()) == [
        "acled-export.csv", "acled-export.csv.conflictkit.1.parquet", "acled-export.csv.conflictkit.parquet"]
    _no_csv_reading(monkeypatch)
    again = ck.load_acled(acled_copy, cache=True)
    pd.testing.assert_frame_equal(first.events, again.events)
    pd.testing.assert_frame_equal(first.rejects, again.rejects)
    assert first.events.fatalities_acled.dtype.kind == "f" and len(first.events) == 4


def test_acled_copy_is_replaced_when_the_file_changes(acled_copy):
    assert len(ck.load_acled(acled_copy, cache=True).events) == 4
    lines = acled_copy.read_text().splitlines()
    acled_copy.write_text("\n".join(lines + [lines[1].replace("SYR100001", "SYR200001")]) + "\n")
    events, rejects = ck.load_acled(acled_copy, cache=True)
    assert len(events) == 5 and events.event_id.iloc[-1] == "acled-SYR200001"
    stat = acled_copy.stat()  # same size, new time: read again too
    acled_copy.write_text(acled_copy.read_text().replace("SYR200001", "SYR300001"))
    os.utime(acled_copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert ck.load_acled(acled_copy, cache=True).events.event_id.iloc[-1] == "acled-SYR300001"


def test_acled_copy_goes_to_the_user_cache_when_the_folder_is_read_only(acled_copy, monkeypatch):
    import pyarrow.parquet as pq

    write = pq.write_table

    def read_only_folder(table, where, **kw):
        if Path(where).parent == acled_copy.parent:
            raise PermissionError(13, "Permission denied", str(where))
        return write(table, where, **kw)

    monkeypatch.setattr(pq, "write_table", read_only_folder)
    first = ck.load_acled(acled_copy, cache=True)
    assert [p.name for p in acled_copy.parent.iterdir()] == ["acled-export.csv"]
    assert len(list((acled_copy.parent.parent / "user-cache" / "conflictkit").glob("acled-export.csv-*.parquet"))) == 2
    _no_csv_reading(monkeypatch)
    pd.testing.assert_frame_equal(first.events, ck.load_acled(acled_copy, cache=True).events)


def test_acled_copy_made_by_other_code_is_not_used(acled_copy, monkeypatch):
    ck.load_acled(acled_copy, cache=True)
    monkeypatch.setattr(ck.io._cache, "code_fingerprint", lambda: "another conflictkit")
    calls = []
    read = ck.io.datasets._read_acled
    monkeypatch.setattr(ck.io.datasets, "_read_acled", lambda p: calls.append(p) or read(p))
    assert len(ck.load_acled(acled_copy, cache=True).events) == 4 and len(calls) == 1


def test_acled_small_file_gets_no_copy_unless_asked(acled_copy):
    assert acled_copy.stat().st_size < ck.io.datasets.ACLED_CACHE_MIN_BYTES
    ck.load_acled(acled_copy)
    assert [p.name for p in acled_copy.parent.iterdir()] == ["acled-export.csv"]
    ck.load_acled(acled_copy, cache=False)
    assert not (acled_copy.parent.parent / "user-cache").exists()


def test_acled_file_not_in_utf8_is_still_read(tmp_path):
    f = tmp_path / "acled.csv"
    f.write_bytes(ACLED.read_bytes().replace(b"Syrian Observatory", b"Syrian\xff Observatory"))
    events, rejects = ck.load_acled(f, cache=True)  # pyarrow refuses it; the careful reader decodes it
    assert len(events) + len(rejects) == 7
    assert "Syrian\xff Observatory for Human Rights" in set(events.source)  # latin-1


def test_acled_ragged_file_is_one_line_error(tmp_path):
    f = tmp_path / "acled.csv"
    f.write_text(ACLED.read_text() + "SYR9,2020-09-22,2020,1,too,few\n" + "x," * 40 + "x\n")
    with pytest.raises(InputError, match=r"acled.csv: malformed CSV"):
        ck.load_acled(f, cache=True)


def test_acled_admin1_names_iso_does_not_know(tmp_path):
    # ACLED's older exports: an English name (North Sinai), a Libyan district of 2001-2007, a unit split since
    rows = pd.DataFrame({"event_date": "2016-01-05", "event_type": "Battles", "sub_event_type": "Armed clash",
                         "actor1": "X", "fatalities": 0, "country": ["Egypt", "Libya", "Sudan", "Nigeria"],
                         "admin1": ["North Sinai", "Al Hizam Al Akhdar", "Darfur", "Borno"]})
    f = tmp_path / "acled.csv"
    rows.to_csv(f, index=False)
    events, _ = ck.load_acled(f)
    assert events.admin1.tolist() == ["EG-SIN", "LY-BA", "", "NG-BO"]
    assert events.admin1_name.tolist()[2] == "Darfur"  # several states today: the name as written
