"""Parquet copies of loaded tables: the same frames back, dtypes included."""

import pandas as pd

from conflictkit.io._cache import cached_frames


def test_copy_gives_back_the_same_frames_and_dtypes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    source = tmp_path / "events.csv"
    source.write_text("whatever the loader reads\n")
    frame = pd.DataFrame({
        "day": pd.to_datetime(["2020-09-22", "2016-01-01"]).astype("datetime64[s]"),
        "kind": pd.Categorical(["day", None], categories=["day", "week", "month"]),
        "prec": pd.array([1, None], dtype="Int64"),
        "deaths": [3.0, float("nan")],
        "ok": [True, False],
    })
    calls = []

    def read(path):
        calls.append(path)
        return frame, frame.iloc[:0]

    first, again = cached_frames(source, read), cached_frames(source, read)
    assert len(calls) == 1
    for made, kept in zip(first, again):
        pd.testing.assert_frame_equal(made, kept)
    assert again[0]["day"].dtype == "datetime64[s]"
