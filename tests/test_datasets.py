"""Dataset loaders: UCDP GED (real Syria release) and ACLED (a fixture we wrote)."""

import io
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
    assert list(events.columns) == ck.datasets.SCHEMA_COLUMNS


def test_coded_events_share_the_schema(sample_report):
    ev = ck.coded_events_to_schema(ck.code_report(sample_report).events)
    assert list(ev.columns) == ck.datasets.SCHEMA_COLUMNS
    assert ev.set_index("admin1").loc["SY-RA", "fatalities_best"] == 28


def test_fetch_writes_file_and_checksum(tmp_path):
    src = tmp_path / "src" / "ged.zip"
    src.parent.mkdir()
    src.write_bytes(b"payload")
    import hashlib

    good = hashlib.sha256(b"payload").hexdigest()
    got = ck.fetch(src.as_uri(), tmp_path / "dest", sha256=good)  # a local file:// address, no network
    assert got.read_bytes() == b"payload"
    assert got.with_name("ged.zip.sha256").read_text().startswith(good)
    with pytest.raises(InputError, match="checksum mismatch"):
        ck.fetch(src.as_uri(), tmp_path / "dest2", sha256="0" * 64)
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
        ck.fetch("https://example.org/ged.zip", tmp_path / "dest")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_connection_closed_early_is_a_truncated_download(tmp_path, monkeypatch):
    import http.client
    import urllib.request

    class Closed(_Response):
        def read(self, n=-1):
            raise http.client.IncompleteRead(b"x" * 10, 90)

    monkeypatch.setattr(urllib.request, "urlopen", lambda url, timeout=None: Closed(b"", 100))
    with pytest.raises(InputError, match="truncated"):
        ck.fetch("https://example.org/ged.zip", tmp_path / "dest")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_fetch_checks_the_publishers_size_and_never_calls_a_recorded_hash_verified(tmp_path, monkeypatch):
    import urllib.request

    monkeypatch.setattr(urllib.request, "urlopen", lambda url, timeout=None: _Response(b"x" * 100, 100))
    got = ck.fetch("https://example.org/ged.zip", tmp_path / "dest")
    record = got.with_name("ged.zip.sha256").read_text()
    assert got.read_bytes() == b"x" * 100 and "verified" not in record.lower()
    with pytest.raises(InputError, match="size"):
        ck.fetch("https://example.org/ged.zip", tmp_path / "d2", size=99)
    assert not (tmp_path / "d2" / "ged.zip").exists()


@pytest.mark.parametrize("version", ["25 .1", "../25.1", "", "25"])
def test_fetch_ucdp_ged_refuses_a_malformed_version(tmp_path, version):
    with pytest.raises(InputError, match="version"):
        ck.fetch_ucdp_ged(version, tmp_path)
