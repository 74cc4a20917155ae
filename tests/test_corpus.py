"""Corpus scale: streaming to Parquet, resuming, and the same tables on Dask."""

import pandas as pd
import pytest

import conflictkit as ck


@pytest.fixture(scope="module")
def corpus_csv(tmp_path_factory, fakes_path):
    """The first 120 FA-KES rows plus one row that cannot be coded and one empty row."""
    frame = pd.read_csv(fakes_path, dtype=str).head(120)
    path = tmp_path_factory.mktemp("corpus") / "corpus.csv"
    frame.to_csv(path, index=False)
    return path, len(frame)


def _key(frame, cols):
    return frame.sort_values(cols).reset_index(drop=True)


def test_streaming_equals_in_memory(corpus_csv, tmp_path):
    path, n = corpus_csv
    summary = ck.code_corpus(path, tmp_path / "out", chunk_size=25, progress=False)
    assert summary.status.tolist() == ["coded"] * 5
    streamed = ck.read_coding(tmp_path / "out")
    reports, rejects = ck.load_reports(path)
    memory = ck.code_reports(reports, progress=False)
    cols = ["report_id", "start", "end", "claim_id"]
    pd.testing.assert_frame_equal(_key(streamed.casualties, cols)[["claim_id", "count_best", "role"]],
                                  _key(memory.casualties, cols)[["claim_id", "count_best", "role"]])
    assert summary.reports.sum() + summary.rejects.sum() == n  # every row accounted for


def test_resume_skips_finished_chunks(corpus_csv, tmp_path):
    path, _ = corpus_csv
    out = tmp_path / "out"
    first = ck.code_corpus(path, out, chunk_size=25, progress=False, max_chunks=2)  # "interrupted"
    assert first.status.tolist() == ["coded", "coded"]
    mtime = (out / "casualties" / "part-000000.parquet").stat().st_mtime_ns
    second = ck.code_corpus(path, out, chunk_size=25, progress=False)
    assert second.status.tolist() == ["skipped", "skipped", "coded", "coded", "coded"]
    assert (out / "casualties" / "part-000000.parquet").stat().st_mtime_ns == mtime
    third = ck.code_corpus(path, out, chunk_size=25, progress=False)
    assert set(third.status) == {"skipped"}


def test_changed_text_is_recoded(tmp_path):
    reports = [ck.report_from_text(f"Report {i}\n\nTwo soldiers were killed in Homs.", id=f"r{i}")
               for i in range(4)]
    out = tmp_path / "out"
    ck.code_corpus(reports, out, chunk_size=2, progress=False)
    changed = reports[:2] + [ck.report_from_text("Report X\n\nFive civilians were killed.", id="r2"), reports[3]]
    again = ck.code_corpus(changed, out, chunk_size=2, progress=False)
    assert again.status.tolist() == ["skipped", "coded"]
    assert sorted(ck.read_coding(out).casualties.count_best) == [2, 2, 2, 5]


def test_a_report_that_fails_goes_to_rejects(tmp_path):
    good = ck.report_from_text("A\n\nThree people were killed.", id="good")
    broken = ck.report_from_text("B\n\nOne killed.", id="broken")
    object.__setattr__(broken, "_sentences", ((0, 10 ** 6),))  # corrupt offsets: coding fails
    object.__setattr__(broken, "text", None)
    summary = ck.code_corpus([good, broken], tmp_path / "out", progress=False)
    coding = ck.read_coding(tmp_path / "out")
    assert coding.rejects.report_id.tolist() == ["broken"] and "Error" in coding.rejects.reason.iloc[0]
    assert coding.casualties.count_best.tolist() == [3]
    assert summary.reports.iloc[0] == 2


def test_dask_local_cluster_gives_identical_tables(corpus_csv, tmp_path):
    distributed = pytest.importorskip("distributed")
    path, _ = corpus_csv
    reports, _ = ck.load_reports(path)
    serial = ck.code_reports(reports, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        parallel = ck.code_reports(reports, engine="dask", npartitions=4)
        ck.code_corpus(path, tmp_path / "dask", chunk_size=30, engine="dask", progress=False)
    for name, cols in (("casualties", ["report_id", "start", "end", "claim_id"]),
                       ("events", ["report_id", "event_id"]),
                       ("annotations", ["report_id", "start", "end", "label", "annotation_id"])):
        a = _key(getattr(serial, name), cols)
        b = _key(getattr(parallel, name), cols)
        pd.testing.assert_frame_equal(a, b)
    streamed = ck.read_coding(tmp_path / "dask")
    assert streamed.casualties.claim_id.tolist() == _key(serial.casualties, ["report_id", "start", "end", "claim_id"]).claim_id.tolist()


def _small_table(path, texts):
    pd.DataFrame(dict(id=[f"r{i}" for i in range(len(texts))], title=[f"Report {i}" for i in range(len(texts))],
                      text=texts, date="2020-05-01")).to_csv(path, index=False)
    return path


def test_changed_table_row_is_recoded(tmp_path):
    texts = ["Two soldiers were killed in Homs."] * 4
    path = _small_table(tmp_path / "corpus.csv", texts)
    ck.code_corpus(path, tmp_path / "out", chunk_size=2, progress=False)
    _small_table(path, texts[:3] + ["Five civilians were killed in Homs."])
    again = ck.code_corpus(path, tmp_path / "out", chunk_size=2, progress=False)
    assert again.status.tolist() == ["skipped", "coded"]
    assert sorted(ck.read_coding(tmp_path / "out").casualties.count_best) == [2, 2, 2, 5]


def test_a_table_row_that_cannot_be_read_goes_to_rejects(tmp_path, monkeypatch):
    import conflictkit.reports as reports_module

    real = reports_module.report_from_text

    def fragile(text, **kw):
        if "unreadable" in text:
            raise ValueError("cannot segment this")
        return real(text, **kw)

    monkeypatch.setattr(reports_module, "report_from_text", fragile)
    path = _small_table(tmp_path / "corpus.csv", ["Two soldiers were killed.", "An unreadable row.",
                                                  "Three civilians were killed.", ""])
    summary = ck.code_corpus(path, tmp_path / "out", progress=False)
    coding = ck.read_coding(tmp_path / "out")
    assert sorted(coding.casualties.count_best) == [2, 3]
    rejects = coding.rejects.set_index("report_id")
    assert "ValueError: cannot segment this" in rejects.loc["r1", "reason"] and rejects.loc["r1", "row"] == 3
    assert rejects.loc["r3", "reason"] == "empty text"
    assert summary.reports.sum() + summary.rejects.sum() == 4  # every row accounted for
    loaded = ck.load_reports(path)  # loading in memory keeps the same row as a reject
    assert [r.id for r in loaded.reports] == ["r0", "r2"] and loaded.rejects.id.tolist() == ["r1", "r3"]


def test_dask_coding_config_names_settings_dask_knows():
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    for key, value in ck.DASK_CODING_CONFIG.items():
        assert dask.config.get(key) is not None, key  # a renamed setting would be silently ignored
        with dask.config.set({key: value}):
            assert dask.config.get(key) == value


def test_dask_without_a_client_starts_its_own_local_cluster(corpus_csv, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    started = []

    class RecordedCluster(distributed.LocalCluster):
        def __init__(self, *args, **kwargs):
            started.append(kwargs)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(distributed, "LocalCluster", RecordedCluster)
    path, n = corpus_csv
    ck.code_corpus(path, tmp_path / "serial", chunk_size=40, progress=False)
    summary = ck.code_corpus(path, tmp_path / "dask", chunk_size=40, engine="dask", progress=False)
    assert len(started) == 1 and started[0]["processes"] and started[0]["threads_per_worker"] == 1
    with pytest.raises(ValueError):
        distributed.get_client()  # the run's own cluster is gone, and was never the default client
    assert summary.status.tolist() == ["coded"] * 3 and summary.reports.sum() + summary.rejects.sum() == n
    serial, parallel = ck.read_coding(tmp_path / "serial"), ck.read_coding(tmp_path / "dask")
    for name in ("annotations", "casualties", "events", "rejects"):
        pd.testing.assert_frame_equal(getattr(serial, name), getattr(parallel, name))
