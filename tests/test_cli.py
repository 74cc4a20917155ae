"""The command line: output tables, and one-line errors with a non-zero exit."""

import io
import json
import subprocess
import sys

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit.cli import main


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
