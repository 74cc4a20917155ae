"""brat, doccano and Label Studio: exact round trips, and bad files."""

import json

import pytest

import conflictkit as ck

TRICKY = ("Clashes \u201cnear\u201d Saraqeb\u00a0and Kafr\u00a0Nabl\n\n"
          "Rami Abdel Rahman told AFP that \u201cat least 12 civilians were killed\u201d\u00a0in Idlib on Monday, "
          "and the caf\u00e9 owner Hay\u2019at said two others were wounded.\n")


@pytest.fixture(params=["sample", "tricky"])
def report_and_annotations(request, sample_report):
    report = sample_report if request.param == "sample" else ck.load_report(TRICKY, id="tricky",
                                                                             published="2020-09-22")
    return report, ck.code_report(report).annotations


def _norm(frame):
    return frame[["label", "start", "end", "text", "value"]].sort_values(["start", "end", "label"]) \
        .reset_index(drop=True).astype({"start": int, "end": int})


def test_brat_round_trip(report_and_annotations, tmp_path):
    report, ann = report_and_annotations
    path = ck.to_brat(report, ann, tmp_path)
    assert (tmp_path / f"{report.id}.txt").read_bytes().decode("utf-8") == report.text
    back, problems = ck.from_brat(path)
    assert problems == [] and _norm(back).equals(_norm(ann))


def test_doccano_round_trip(report_and_annotations, tmp_path):
    report, ann = report_and_annotations
    back, problems = ck.from_doccano(ck.to_doccano([report], ann, tmp_path / "d.jsonl"))
    assert problems == [] and _norm(back).equals(_norm(ann))


def test_label_studio_round_trip(report_and_annotations, tmp_path):
    report, ann = report_and_annotations
    back, problems = ck.from_label_studio(ck.to_label_studio([report], ann, tmp_path / "ls.json"))
    assert problems == [] and _norm(back).equals(_norm(ann))


def test_tricky_text_offsets_survive(tmp_path):
    report = ck.load_report(TRICKY, id="tricky", published="2020-09-22")
    ann = ck.code_report(report).annotations
    assert "Saraqeb" in set(ann.text) and "at least 12 civilians were killed" in set(ann.text)
    back, _ = ck.from_brat(ck.to_brat(report, ann, tmp_path))
    for r in back.itertuples():
        assert report.text[r.start:r.end] == r.text


def test_malformed_brat_names_the_line_and_keeps_good_ones(tmp_path, sample_report):
    (tmp_path / "r.txt").write_text(sample_report.text, encoding="utf-8")
    s = sample_report.text.index("Raqqa")
    (tmp_path / "r.ann").write_text("\n".join([
        f"T1\tplace {s} {s + 5}\tRaqqa",
        "T2\tplace 10 999999\tnowhere",
        f"T3\tplace {s} {s + 5}\tIdlib",
        f"T4\tweapon {s} {s + 5}\tRaqqa",
        "garbage line",
    ]) + "\n", encoding="utf-8")
    ann, problems = ck.from_brat(tmp_path / "r.ann")
    assert ann.annotation_id.tolist() == ["T1"]
    assert problems[0].startswith("r.ann line 2: offsets 10-999999 out of range")
    assert problems[1].startswith("r.ann line 3: text 'Idlib' does not match offsets")
    assert problems[2].startswith("r.ann line 4: unknown label 'weapon'")
    assert problems[3].startswith("r.ann line 5: not a text-bound annotation")


def test_malformed_doccano_and_label_studio(tmp_path):
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"id": "x", "text": "Two killed.", "label": [[0, 3, "casualty"], [4, 99, "casualty"]]}) + "\n{oops\n",
        encoding="utf-8")
    ann, problems = ck.from_doccano(tmp_path / "d.jsonl")
    assert ann.text.tolist() == ["Two"]
    assert problems[0].startswith("d.jsonl line 1 span 2: offsets 4-99 out of range")
    assert problems[1].startswith("d.jsonl line 2: not a doccano record")
    (tmp_path / "ls.json").write_text(json.dumps([{"data": {"text": "Two killed."}, "annotations": [{"result": [
        {"value": {"start": 0, "end": 3, "text": "Two", "labels": ["casualty"]}},
        {"value": {"start": 0, "end": 3, "text": "Six", "labels": ["casualty"]}}]}]}]), encoding="utf-8")
    ann, problems = ck.from_label_studio(tmp_path / "ls.json")
    assert len(ann) == 1 and "ls.json task 1 result 2: text 'Six' does not match" in problems[0]


@pytest.mark.parametrize("rid", ["../../x", "/abs/x", "a/b", "..", ".", "a\\b", "", "x\0y"])
def test_to_brat_refuses_ids_that_leave_its_folder(tmp_path, rid):
    report = ck.load_report("Shelling\n\nTwo soldiers were killed.", id="ok", published="2020-01-01")
    report = ck.io.reports._replace(report, id=rid)
    folder = tmp_path / "a" / "b"
    with pytest.raises(ck.InputError, match="plain file name"):
        ck.to_brat(report, ck.code_report(report).annotations, folder)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
