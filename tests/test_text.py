import json

import pytest

from conftest import shared_file
from hypothesis import given, strategies as st
from nltk.tokenize.punkt import PunktSentenceTokenizer

import conflictkit as ck
from conflictkit.io import text as T
from conflictkit.io.text import line_spans, paragraph_spans, sentence_spans


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


@pytest.mark.slow
def test_cached_punkt_splits_real_news_exactly_as_punkt():
    # the decision cache must never change a sentence boundary
    reports, _ = ck.load_reports(shared_file("news", "fa-kes-syria-804.csv"))
    gva = [json.loads(line) for line in shared_file("gold", "gva-articles-dev.jsonl").open(encoding="utf-8")]
    texts = [r.text for r in reports] + [g["title"] + "\n\n" + g["content"] for g in gva]
    plain = PunktSentenceTokenizer(T._punkt()._params)
    for t in texts + texts[:50]:  # the second time from the cache
        expected = [(ls + s, ls + e) for ls, le in T.line_spans(t) for s, e in plain.span_tokenize(t[ls:le])]
        assert T.sentence_spans(t) == expected
