"""Review log, applying a review, and agreement numbers checked by hand."""


import pandas as pd
import pytest

import conflictkit as ck

SECOND = ck.io.example_path("second-coder", "2020-09-22-raqqa-clashes.ann")


def test_review_log_appends_and_survives(sample_report, tmp_path):
    coding = ck.code_report(sample_report)
    log = ck.analysis.ReviewLog(tmp_path / "log.csv", "alice", clock=lambda: "2026-01-01T00:00:00+00:00")
    claim = coding.casualties.claim_id.iloc[5]
    log.reject(claim)
    # a new session (as after a kernel restart) appends to the same file
    again = ck.analysis.ReviewLog(tmp_path / "log.csv", "alice", clock=lambda: "2026-01-01T00:01:00+00:00")
    again.correct(coding.casualties.claim_id.iloc[6], "count", 3, 4)
    rows = ck.analysis.read_review_log(tmp_path / "log.csv")
    assert rows[["field", "new", "coder"]].values.tolist() == [["decision", "reject", "alice"], ["count", "4", "alice"]]
    with pytest.raises(ck.InputError, match="not a reviewable field"):
        log.correct(claim, "colour", "", "red")


def test_apply_review_never_changes_the_machine_coding(sample_report):
    coding = ck.code_report(sample_report)
    before = coding.casualties.copy()
    reviewed = ck.analysis.apply_review(coding, ck.io.example_path("review-log.csv"))
    pd.testing.assert_frame_equal(coding.casualties, before)
    cas = reviewed.casualties.set_index("claim_id")
    assert cas.loc["2020-09-22-raqqa-clashes:c6", "role"] == "rejected"
    assert not cas.loc["2020-09-22-raqqa-clashes:c6", "counted"]
    assert cas.loc["2020-09-22-raqqa-clashes:c10", "count_best"] == 1_000_000  # the last decision wins
    assert cas.reviewed.sum() == 6


def _coding(rows):
    """A coding of one report from (claim, start, end, outcome, count, side, role) rows."""
    ann = pd.DataFrame([dict(report_id="r", annotation_id=c, label="casualty", start=s, end=e, text="x" * (e - s),
                             value=f"outcome={o}; count={n}; side={side}; role={role}")
                        for c, s, e, o, n, side, role in rows])
    return ck.analysis.coding_from_annotations(ann)


def test_agreement_known_answers():
    a = _coding([("T1", 0, 5, "killed", 3, "IS", "total"), ("T2", 10, 15, "killed", 2, "IS", "part"),
                 ("T3", 20, 25, "killed", 1, "", "part")])
    b = _coding([("T1", 0, 5, "killed", 3, "IS", "total"), ("T2", 11, 15, "killed", 2, "SDF", "part"),
                 ("T3", 20, 25, "killed", 1, "", "part")])
    scores, dis = ck.analysis.agreement(a, b)
    side = scores.set_index("field").loc["victim_side"]
    # sides: IS/IS, IS/SDF, none/none. Ao = 2/3; Cohen: Pe = (2/3)(1/3) + (1/3)(1/3) = 1/3, kappa = (2/3-1/3)/(2/3) = 0.5
    assert side.exact == pytest.approx(2 / 3) and side.kappa == pytest.approx(0.5)
    # Krippendorff (nominal): n=6 values IS:3, SDF:1, none:2; Do = 2/6; De = (3*1+3*2+1*2)*2/(6*5) = 22/30
    assert side.alpha == pytest.approx(1 - (2 / 6) / (22 / 30))
    count = scores.set_index("field").loc["count_best"]
    assert count.exact == 1 and count.alpha == 1
    assert dis[["field", "a", "b"]].values.tolist() == [["victim_side", "IS", "SDF"]]


def test_agreement_matches_nltk_directly():
    from nltk.metrics.agreement import AnnotationTask

    a = _coding([(f"T{i}", 10 * i, 10 * i + 5, "killed", n, "", "standalone") for i, n in enumerate([1, 2, 3, 4, 5])])
    b = _coding([(f"T{i}", 10 * i, 10 * i + 5, "killed", n, "", "standalone") for i, n in enumerate([1, 2, 3, 9, 5])])
    scores, _ = ck.analysis.agreement(a, b)
    task = AnnotationTask(data=[(c, str(i), str(v)) for c, vals in (("a", [1, 2, 3, 4, 5]), ("b", [1, 2, 3, 9, 5]))
                                for i, v in enumerate(vals)])
    count = scores.set_index("field").loc["count_best"]
    assert count.alpha == pytest.approx(task.alpha()) and count.kappa == pytest.approx(task.kappa())


def test_machine_against_the_second_coder(sample_report):
    human, problems = ck.from_brat(SECOND)
    assert problems == []
    scores, dis = ck.analysis.agreement(ck.code_report(sample_report), ck.analysis.coding_from_annotations(human, [sample_report]),
                               names=("machine", "coder"))
    s = scores.set_index("field")
    assert s.loc["count_best", "exact"] == pytest.approx(0.9)  # 9 of 10 matched claim pairs agree
    assert set(dis.claim_b) == {""}  # every disagreement is a claim the coder left out
    assert 0 < s.loc["role", "alpha"] < 1


def test_review_widget_builds_and_logs(sample_report, tmp_path):
    coding = ck.code_report(sample_report)
    widget = ck.analysis.review_widget(coding, tmp_path / "log.csv", "bob")
    accept = widget.children[1].children[0]
    accept.click()
    log = ck.analysis.read_review_log(tmp_path / "log.csv")
    assert log[["item", "new", "coder"]].values.tolist() == [[coding.casualties.claim_id.iloc[0], "accept", "bob"]]
    assert "<mark>" in widget.children[0].value  # the next claim's sentence, highlighted
