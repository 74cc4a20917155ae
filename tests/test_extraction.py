"""The extraction stage alone: claims, terms, dates and sources found in a report."""

from hypothesis import given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit.coding.extraction import extract, resolve_terms


def _found(text, published="2020-09-22"):
    return extract(ck.report_from_text(text, published=published), ck.coding.default_lexicon())


def test_sample_report_yields_its_claims_terms_and_dates(sample_report):
    found = extract(sample_report, ck.coding.default_lexicon())
    killed = {c.count.best for c in found.claims if c.outcome == "killed"}
    assert {13, 15, 28} <= killed
    places = {t.text for t in found.terms["place"]}
    assert {"Raqqa", "Idlib", "Saraqeb", "Kafranbel"} <= places
    assert any(d.text == "since Monday" for d in found.dates)
    assert any("war monitor" in g.text for g in found.generic_sources)


def test_claims_are_not_yet_reconciled(sample_report):
    found = extract(sample_report, ck.coding.default_lexicon())
    assert {c.role for c in found.claims} <= {"standalone", "cumulative"}


def test_place_inside_an_organisation_or_before_based_is_no_place():
    found = _found("A London-based monitor said shelling hit Homs.")
    assert [t.text for t in found.terms["place"]] == ["Homs"]


def test_actor_needing_context_is_kept_only_with_it():
    lex = ck.coding.default_lexicon()
    for text, kept in (("The regime shelled the town.", []),
                       ("The regime shelled a town in Idlib.", ["the regime"])):
        terms = resolve_terms(text, [(0, len(text))], lex)
        assert [t.text.lower() for t in terms["actor"]] == kept, text


def test_only_content_segments_are_read(sample_report):
    found = extract(sample_report, ck.coding.default_lexicon())
    content = found.segments
    assert content and all(any(s <= c.start < e for s, e in content) for c in found.claims)
    assert all(any(s <= t.start < e for s, e in content) for kind in found.terms for t in found.terms[kind])


def _overlaps_plain(spans, start, end):
    """extraction._overlaps as it was: a bisection of the sorted (start, end) pairs."""
    import bisect

    i = bisect.bisect_left(spans, (end, -1))
    return i > 0 and spans[i - 1][1] > start


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=8), st.integers(0, 70),
       st.integers(1, 8))
def test_overlaps_of_starts_and_ends_as_of_pairs(spans, start, length):
    from conflictkit.coding.extraction import _overlaps, _starts_and_ends
    from conflictkit.coding.lexicon import Term

    terms = [Term(s, s + n, "x", "actor", 0) for s, n in spans]
    pairs = sorted((t.start, t.end) for t in terms)
    assert _overlaps(_starts_and_ends(terms), start, start + length) == _overlaps_plain(pairs, start, start + length)
