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
    assert coding.rejects.id.tolist() == ["broken"] and "Error" in coding.rejects.reason.iloc[0]
    assert coding.casualties.count_best.tolist() == [3]
    assert summary.reports.iloc[0] == 2


@pytest.mark.slow
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
    import conflictkit.io.reports as reports_module

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
    rejects = coding.rejects.set_index("id")
    assert "ValueError: cannot segment this" in rejects.loc["r1", "reason"] and rejects.loc["r1", "row"] == 3
    assert rejects.loc["r3", "reason"] == "empty text"
    assert summary.reports.sum() + summary.rejects.sum() == 4  # every row accounted for
    loaded = ck.load_reports(path)  # loading in memory keeps the same row as a reject
    assert [r.id for r in loaded.reports] == ["r0", "r2"] and loaded.rejects.id.tolist() == ["r1", "r3"]


def test_dask_coding_config_names_settings_dask_knows():
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    for key, value in ck.workflow.DASK_CODING_CONFIG.items():
        assert dask.config.get(key) is not None, key  # a renamed setting would be silently ignored
        with dask.config.set({key: value}):
            assert dask.config.get(key) == value


@pytest.mark.slow
def test_dask_without_a_client_starts_its_own_local_cluster(corpus_csv, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    started = []

    class RecordedCluster(distributed.LocalCluster):
        def __init__(self, *args, **kwargs):
            started.append(kwargs)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(distributed, "LocalCluster", RecordedCluster)
    path, n = corpus_csv
    ck.code_corpus(path, tmp_path / "serial", chunk_size=10, progress=False)
    # 12 chunks: more than the two a worker holds at once, so the driver waits for one to finish
    summary = ck.code_corpus(path, tmp_path / "dask", chunk_size=10, engine="dask", progress=False)
    assert len(started) == 1 and started[0]["processes"] and started[0]["threads_per_worker"] == 1
    with pytest.raises(ValueError):
        distributed.get_client()  # the run's own cluster is gone, and was never the default client
    assert summary.status.tolist() == ["coded"] * 12 and summary.reports.sum() + summary.rejects.sum() == n
    serial, parallel = ck.read_coding(tmp_path / "serial"), ck.read_coding(tmp_path / "dask")
    for name in ("annotations", "casualties", "events", "rejects"):
        pd.testing.assert_frame_equal(getattr(serial, name), getattr(parallel, name))


# ---------------------------------------------------------------------------
# one folder, one source, one configuration; parts verified; folders locked


def _reports(n, prefix="r"):
    return [ck.report_from_text(f"Report {i}\n\n{i % 5 + 2} soldiers were killed in Homs.", id=f"{prefix}{i}")
            for i in range(n)]


def test_a_folder_in_use_is_refused_with_one_line(tmp_path):
    import threading

    out, started, release = tmp_path / "out", threading.Event(), threading.Event()

    def slow():  # a run that holds the folder until released
        yield from _reports(2)
        started.set()
        release.wait(60)
        yield from _reports(2, "s")

    errors = []

    def first_run():
        try:
            ck.code_corpus(slow(), out, chunk_size=2, progress=False)
        except Exception as err:  # noqa: BLE001 - reported by the assertion below
            errors.append(err)

    first = threading.Thread(target=first_run)
    first.start()
    try:
        assert started.wait(60)
        with pytest.raises(ck.InputError) as err:
            ck.code_corpus(_reports(4), out, chunk_size=2, progress=False)
    finally:
        release.set()
        first.join(60)
    message = str(err.value)
    assert "\n" not in message and str(out) in message and "in use" in message
    assert not errors and sorted(ck.read_coding(out).casualties.report_id) == ["r0", "r1", "s0", "s1"]
    assert not (out / "_lock").exists()


def test_a_stale_lock_of_a_dead_process_is_taken_over(tmp_path):
    import json
    import socket
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    out = tmp_path / "out"
    out.mkdir()
    (out / "_lock").write_text(json.dumps(dict(pid=int(dead), host=socket.gethostname())))
    with pytest.warns(UserWarning, match="stale lock"):
        ck.code_corpus(_reports(2), out, progress=False)
    assert len(ck.read_coding(out).casualties) == 2 and not (out / "_lock").exists()


def test_another_chunk_size_is_refused_unless_starting_clean(tmp_path):
    out = tmp_path / "out"
    ck.code_corpus(_reports(6), out, chunk_size=2, progress=False)
    with pytest.raises(ck.InputError, match="chunk_size") as err:
        ck.code_corpus(_reports(6), out, chunk_size=3, progress=False)
    assert "\n" not in str(err.value) and str(out) in str(err.value) and "overwrite=True" in str(err.value)
    with pytest.warns(UserWarning, match="starting clean"):
        summary = ck.code_corpus(_reports(6), out, chunk_size=3, progress=False, overwrite=True)
    assert summary.status.tolist() == ["coded", "coded"]
    coding = ck.read_coding(out)
    assert sorted(coding.casualties.report_id) == [f"r{i}" for i in range(6)]  # no duplicates
    assert sorted(p.name for p in (out / "events").iterdir()) == ["part-000000.parquet", "part-000001.parquet"]


def test_another_source_is_refused_unless_starting_clean(tmp_path):
    big = _small_table(tmp_path / "big.csv", ["Two soldiers were killed in Homs."] * 8)
    small = _small_table(tmp_path / "small.csv", ["Five civilians were killed in Aleppo."] * 3)
    out = tmp_path / "out"
    ck.code_corpus(big, out, chunk_size=2, progress=False)
    with pytest.raises(ck.InputError, match="big.csv") as err:
        ck.code_corpus(small, out, chunk_size=2, progress=False)
    assert "\n" not in str(err.value)
    assert len(ck.read_coding(out).casualties) == 8  # refused: nothing lost
    with pytest.warns(UserWarning, match="starting clean"):
        ck.code_corpus(small, out, chunk_size=2, progress=False, overwrite=True)
    assert sorted(ck.read_coding(out).casualties.count_best) == [5, 5, 5]


def test_a_shorter_source_leaves_no_stale_parts(tmp_path):
    path = _small_table(tmp_path / "corpus.csv", ["Two soldiers were killed in Homs."] * 8)
    out = tmp_path / "out"
    ck.code_corpus(path, out, chunk_size=2, progress=False)
    _small_table(path, ["Two soldiers were killed in Homs."] * 3)  # the same file, edited
    summary = ck.code_corpus(path, out, chunk_size=2, progress=False)
    assert summary.status.tolist() == ["skipped", "coded"]
    assert len(ck.read_coding(out).casualties) == 3
    assert len(list((out / "casualties").iterdir())) == 2


def test_a_deleted_part_is_recoded(tmp_path):
    out = tmp_path / "out"
    ck.code_corpus(_reports(6), out, chunk_size=2, progress=False)
    before = ck.read_coding(out).events
    (out / "events" / "part-000001.parquet").unlink()
    with pytest.raises(ck.InputError, match="part-000001.parquet") as err:
        ck.read_coding(out)
    assert "\n" not in str(err.value) and "missing" in str(err.value)
    with pytest.warns(UserWarning, match="part-000001.parquet: part is missing; recoding chunk 1"):
        summary = ck.code_corpus(_reports(6), out, chunk_size=2, progress=False)
    assert summary.status.tolist() == ["skipped", "coded", "skipped"]
    pd.testing.assert_frame_equal(ck.read_coding(out).events, before)


def test_a_truncated_part_is_named_and_recoded(tmp_path):
    out = tmp_path / "out"
    ck.code_corpus(_reports(6), out, chunk_size=2, progress=False)
    before = ck.read_coding(out).casualties
    part = out / "casualties" / "part-000002.parquet"
    part.write_bytes(part.read_bytes()[:100])
    with pytest.raises(ck.InputError, match="part-000002.parquet") as err:
        ck.read_coding(out)
    assert "\n" not in str(err.value) and "checksum" in str(err.value)
    with pytest.warns(UserWarning, match="recoding chunk 2"):
        summary = ck.code_corpus(_reports(6), out, chunk_size=2, progress=False)
    assert summary.status.tolist() == ["skipped", "skipped", "coded"]
    pd.testing.assert_frame_equal(ck.read_coding(out).casualties, before)


def test_reading_an_interrupted_folder_warns_with_counts(tmp_path):
    out = tmp_path / "out"
    ck.code_corpus(_reports(6), out, chunk_size=2, progress=False, max_chunks=2)
    with pytest.warns(UserWarning, match="2 chunks") as record:
        coding = ck.read_coding(out)
    assert len(record) == 1 and "\n" not in str(record[0].message) and "not finished" in str(record[0].message)
    assert len(coding.casualties) == 4
    ck.code_corpus(_reports(6), out, chunk_size=2, progress=False)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(ck.read_coding(out).casualties) == 6


def test_the_manifest_records_source_configuration_and_parts(tmp_path):
    import hashlib
    import json

    path = _small_table(tmp_path / "corpus.csv", ["Two soldiers were killed in Homs."] * 3)
    out = tmp_path / "out"
    ck.code_corpus(path, out, chunk_size=2, progress=False, text_column="text")
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["source"]["path"] == str(path.resolve()) and manifest["source"]["size"] == path.stat().st_size
    assert manifest["chunk_size"] == 2 and manifest["options"]["text_column"] == "text"
    assert ck.coding.CODER_VERSION in manifest["coder"] and manifest["complete"] and manifest["chunks"] == 2
    chunk = json.loads((out / "_chunks" / "chunk-000001.json").read_text())
    part = chunk["parts"]["casualties"]
    data = (out / part["file"]).read_bytes()
    assert part["sha256"] == hashlib.sha256(data).hexdigest() and part["rows"] == 1
    assert not list(out.rglob("*.tmp"))


@pytest.mark.slow
@pytest.mark.parametrize("call", ["ck.code_reports(reports, engine='dask', npartitions=2)",
                                  "ck.code_corpus(reports, 'out', chunk_size=2, engine='dask', progress=False)"])
def test_a_script_without_main_guard_is_told_what_to_do(tmp_path, call):
    import subprocess
    import sys

    script = tmp_path / "script.py"
    script.write_text("import conflictkit as ck\n"
                      "reports = [ck.report_from_text(f'R {i}\\n\\nTwo were killed.', id=str(i)) for i in range(4)]\n"
                      f"{call}\n")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                          cwd=tmp_path)
    assert proc.returncode != 0
    last = proc.stderr.strip().splitlines()[-1]
    assert "__main__" in last and "BrokenProcessPool" not in last
    assert not (tmp_path / "out" / "_lock").exists()  # a failed run leaves the folder free


def test_a_run_that_coded_nothing_does_not_hold_the_folder(tmp_path):
    path = _small_table(tmp_path / "corpus.csv", ["Two soldiers were killed in Homs."] * 2)
    out = tmp_path / "out"
    with pytest.raises(ck.InputError, match="missing.csv: no such file"):
        ck.code_corpus(tmp_path / "missing.csv", out, progress=False)
    with pytest.raises(ck.InputError, match="body"):
        ck.code_corpus(path, out, progress=False, text_column="body")
    assert not (out / "_lock").exists()
    ck.code_corpus(path, out, progress=False)  # other options, but nothing was coded: no refusal
    assert len(ck.read_coding(out).casualties) == 2


def test_temporary_files_of_a_killed_run_are_cleared_and_others_left(tmp_path):
    out = tmp_path / "out"
    ck.code_corpus(_reports(2), out, progress=False)
    leftover = out / "events" / "part-000000.parquet.999-0123456789ab.tmp"
    leftover.write_bytes(b"half a part")
    mine = out / "notes" / "draft.tmp"
    mine.parent.mkdir()
    mine.write_text("the user's own file")
    ck.code_corpus(_reports(2), out, progress=False)
    assert not leftover.exists() and mine.exists()
