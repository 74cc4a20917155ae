"""The command line: output tables, and one-line errors with a non-zero exit."""

import io
import json
import subprocess
import sys

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit.workflow.cli import main


def run(*args, stdin=None):
    proc = subprocess.run([sys.executable, "-m", "conflictkit", *args], input=stdin,
                          capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def test_code_events_of_the_sample_report(tmp_path):
    out = tmp_path / "events.csv"
    assert main(["code", str(ck.sample_report_path()), "-o", str(out)]) == 0
    events = pd.read_csv(out)
    assert list(events.columns) == ck.coding.EVENT_COLUMNS
    assert events.set_index("admin1").loc["SY-RA", "fatalities_best"] == 28


def test_code_casualties_jsonl(tmp_path):
    out = tmp_path / "cas.jsonl"
    assert main(["code", str(ck.sample_report_path()), "--table", "casualties", "--format", "jsonl",
                 "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert {"claim_id", "count_best", "role", "total_id", "counted", "start", "end", "text"} <= set(rows[0])
    assert sum(r["count_best"] for r in rows if r["counted"] and r["outcome"] == "killed"
               and r["count_best"] is not None) == 31


def test_stdin_with_published_date():
    code, out, err = run("code", "-", "--published", "2021-03-03", "--table", "casualties",
                         "--format", "jsonl", stdin="Shelling\n\nTwo soldiers were killed in Homs on Monday.\n")
    assert code == 0, err
    row = json.loads(out.splitlines()[0])
    assert row["count_best"] == 2 and row["date_start"] == "2021-03-01"


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing.txt", "no such file"),
    (lambda p: (p / "empty.txt").write_bytes(b"") and p / "empty.txt" or p / "empty.txt", "file is empty"),
    (lambda p: (p / "b.txt").write_bytes(b"\x00\x01\x02") and p / "b.txt", "binary file"),
    (lambda p: (p / "t.csv").write_text("id,title\n1,x\n") and p / "t.csv", "no text column"),
])
def test_bad_input_one_line_error(tmp_path, make, message):
    path = make(tmp_path)
    code, out, err = run("code", str(path))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and str(path.name) in lines[0]
    assert "Traceback" not in err


def test_corpus_rejects_reported_and_written(tmp_path):
    corpus = tmp_path / "c.csv"
    pd.DataFrame({"id": ["a", "b"], "text": ["Three civilians were killed.", ""],
                  "published": ["2019-01-02", "2019-01-03"]}).to_csv(corpus, index=False)
    rejects = tmp_path / "rejects.csv"
    code, out, err = run("code", str(corpus), "--table", "casualties", "--rejects", str(rejects))
    assert code == 0
    assert "id b" in err and "empty text" in err
    assert pd.read_csv(rejects).id.tolist() == ["b"]
    assert pd.read_csv(io.StringIO(out)).count_best.tolist() == [3]


def test_non_utf8_file_is_coded_with_a_stated_fallback(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Attaque\n\nTwo people were killed in the caf\xe9.".encode("cp1252"))
    code, out, err = run("code", str(f), "--table", "casualties")
    assert code == 0 and pd.read_csv(io.StringIO(out)).count_best.tolist() == [2]
    assert "not valid UTF-8" in err and "cp1252" in err


# ---------------------------------------------------------------------------
# outputs: never the input, never half-written, never a traceback


def _corpus(path, ids=("a", "b"), texts=("Three civilians were killed.", "Two soldiers were wounded.")):
    pd.DataFrame({"id": list(ids), "text": list(texts), "published": "2019-01-02"}).to_csv(path, index=False)
    return path


def _one_line(err, *words):
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert all(w in lines[0] for w in words), lines[0]


@pytest.mark.parametrize("flag", ["-o", "--rejects"])
def test_an_output_that_is_the_input_is_refused(tmp_path, flag):
    corpus = _corpus(tmp_path / "c.csv")
    before = corpus.read_bytes()
    code, out, err = run("code", str(corpus), flag, str(tmp_path / "." / "c.csv"))
    assert code == 2 and corpus.read_bytes() == before
    _one_line(err, "c.csv", "input")


def test_a_failed_run_leaves_an_existing_output_alone(tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("earlier results\n")
    code, out, err = run("code", str(tmp_path / "missing.txt"), "-o", str(target))
    assert code == 2 and target.read_text() == "earlier results\n"
    _one_line(err, "missing.txt")
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]  # no temporary file left behind


def test_output_is_moved_into_place_only_on_success(tmp_path, monkeypatch):
    import conflictkit.coding as coding_module

    corpus = _corpus(tmp_path / "c.csv")
    target = tmp_path / "out.csv"
    target.write_text("earlier results\n")

    def broken(*args, **kwargs):
        raise ck.InputError("c.csv", "something went wrong half-way")

    monkeypatch.setattr(coding_module, "code_reports", broken)
    assert main(["code", str(corpus), "-o", str(target)]) == 2
    assert target.read_text() == "earlier results\n" and len(list(tmp_path.iterdir())) == 2


@pytest.mark.parametrize("where, words", [
    (lambda p: p, ["is a folder"]),
    (lambda p: p / "nowhere" / "out.csv", ["nowhere", "no such folder"]),
])
def test_an_output_that_cannot_be_written_is_one_line(tmp_path, where, words):
    corpus = _corpus(tmp_path / "c.csv")
    code, out, err = run("code", str(corpus), "-o", str(where(tmp_path)))
    assert code == 2
    _one_line(err, *words)


def test_a_malformed_fetch_version_is_one_line():
    code, out, err = run("fetch", "ucdp-ged", "--version", "25 .1")
    assert code == 2
    _one_line(err, "25 .1", "version")


def test_every_option_has_a_help_line():
    from conflictkit.workflow.cli import _build_parser

    parser = _build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command").choices
    for name, sub in subparsers.items():
        for action in sub._actions:
            assert action.help, f"{name} {action.dest}"


def test_csv_output_neutralises_formulas(tmp_path):
    corpus = _corpus(tmp_path / "c.csv", ids=['=HYPERLINK("http://x","y")', "@SUM(A1)"],
                     texts=("Three civilians were killed.", "Two soldiers were killed."))
    code, out, err = run("code", str(corpus), "--table", "casualties")
    assert code == 0, err
    ids = set(pd.read_csv(io.StringIO(out)).report_id)
    assert ids == {"'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(A1)"}


def test_fetch_ucdp_ged_prints_the_file_it_wrote(tmp_path, capsys):
    from test_datasets import GED_ROWS, _ged_zip

    src = _ged_zip(tmp_path / "ged251-csv.zip", GED_ROWS)
    code = main(["fetch", "ucdp-ged", "--version", "25.1", "--dest", str(tmp_path / "ucdp"), "--url", src.as_uri()])
    assert code == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "ucdp" / "ged_syria_25.1.csv")
