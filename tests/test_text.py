from hypothesis import given, strategies as st

from conflictkit.text import line_spans, paragraph_spans, sentence_spans


def test_abbreviations_do_not_split_sentences():
    text = "Gen. Ali and Lt. Col. Omar said U.S. forces left at 5 p.m. on Monday. Nobody died."
    got = [text[s:e] for s, e in sentence_spans(text)]
    assert got == [
        "Gen. Ali and Lt. Col. Omar said U.S. forces left at 5 p.m. on Monday.",
        "Nobody died.",
    ]


def test_spans_keep_nonbreaking_spaces_and_curly_quotes():
    text = "\u201cThere are only two hotspots,\u201d\u00a0he said.\u00a0It ended.\n\nNext\u00a0line."
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans][-1] == "Next\u00a0line."
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)


def test_paragraphs_are_lines_in_news_copy():
    text = "Title\nLead line.\n\nBody one. Body two.\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["Title", "Lead line.", "Body one. Body two."]


def test_hard_wrapped_text_gets_blocks():
    para = ("word " * 14).strip()
    text = "\n".join([para] * 4) + "\n\n" + "\n".join([para] * 4)
    assert len(paragraph_spans(text)) == 2


@given(st.text())
def test_sentence_spans_slice_back_and_are_ordered(text):
    spans = sentence_spans(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert text[s:e].strip()
        last = e
    for s, e in line_spans(text):
        assert "\n" not in text[s:e]
