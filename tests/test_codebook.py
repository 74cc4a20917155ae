
import conflictkit as ck
from conftest import ROOT


def test_coder_output_conforms_to_the_codebook(sample_report, fakes_path):
    assert ck.codebook.validate_coding(ck.code_report(sample_report)) == []
    reports, _ = ck.load_reports(fakes_path)
    assert ck.codebook.validate_coding(ck.code_reports(reports[:200], progress=False)) == []


def test_codebook_covers_the_event_rules():
    book = ck.codebook.load_codebook()
    rules = ck.coding.event_types.event_type_rules()
    assert set(rules.sub_event_type) == set(book["event_types"])
    for sub, entry in book["event_types"].items():
        assert set(rules[rules.sub_event_type == sub].event_type) == {entry["event_type"]}


def test_validation_names_unknown_values(sample_report):
    coding = ck.code_report(sample_report)
    coding.casualties.loc[0, "outcome"] = "vaporised"
    assert ck.codebook.validate_coding(coding) == ["casualties.outcome: 'vaporised' is not in the codebook's outcomes"]
    extended = ck.codebook.load_codebook(extra={"outcomes": {"vaporised": {"definition": "x"}}})
    assert ck.codebook.validate_coding(coding, extended) == []


def test_committed_markdown_is_the_rendering():
    assert (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8") == ck.codebook.codebook_markdown()
