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


# The words of both scans (dates' triggers, sources' first words and verbs) in several cases, and what
# surrounds them: the one scan of extraction._first_words finds what the two found
_SCAN_WORDS = (["a", "an", "the", "A", "An", "The", "THE", "AN", "aN", "tHe", "ana", "theme", "activists", "Activists",
                "police", "Police", "POLICE", "state", "local", "security", "said", "Said", "SAID", "says", "told",
                "reported", "according", "According", "unsaid", "Monday", "monday", "MONDAY", "this", "This", "last",
                "week", "weekend", "day", "days", "month", "Jan", "jan", "May", "may", "2017", "1999", "20", "19th",
                "today", "Tonight", "yesterday", "ago", "after", "on", "é", "éa", "aé", "ſaid", "İn", "\u212aelvin",
                "x_a", "_the", "2/3", "13/05"]
               + list(ck.coding.sources._SAYING_VERBS))
_SCAN_SEPARATORS = [" ", "  ", ". ", ".", ", ", "-", "_", "’", "'", "\n", "\xa0", "\u2009", "\u3000", "\x85", "\x1c",
                    "\t", "(", ")", ";", "é", "1", "/"]


def _two_scans(chunk):
    """The old form, written out: dates and sources each scan the chunk with their own automaton."""
    from conflictkit.coding import dates, sources

    return (dates._trigger_word_starts(chunk), *sources._first_words_and_verbs(chunk))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SCAN_WORDS), st.sampled_from(_SCAN_SEPARATORS)), max_size=30))
def test_one_scan_finds_the_words_of_dates_and_sources_the_two_found(parts):
    from conflictkit.coding import extraction

    chunk = "".join(w + s for w, s in parts)
    assert extraction._first_words(chunk) == _two_scans(chunk)


def test_one_scan_finds_them_in_real_news_and_extract_finds_the_dates_and_sources_it_found(fakes_path):
    """Over FA-KES: the words of each segment, and extract's dates and generic sources as find_dates and
    find_generic_sources find them segment by segment (the old form of extract)."""
    from conflictkit.coding import extraction
    from conflictkit.coding.dates import find_dates, report_anchor
    from conflictkit.coding.sources import find_generic_sources

    lex, n = ck.coding.default_lexicon(), 0
    for report in ck.load_reports(fakes_path)[0][:400]:
        text, spans = report.text, list(report.sentences)
        segments = [(s, e) for s, e, k in report.segments if k in ("title", "standfirst", "body")]
        for s, e in segments:
            assert extraction._first_words(text[s:e]) == _two_scans(text[s:e])
        anchor, _ = report_anchor(text, report.segments, report.published)
        found = extract(report, lex)
        assert found.dates == [d for s, e in segments for d in find_dates(text, anchor, s, e, spans)]
        assert found.generic_sources == [g for s, e in segments for g in find_generic_sources(text, s, e)]
        n += len(found.dates) + len(found.generic_sources)
    assert n > 2000


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=8),
       st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=3))
def test_headlines_as_the_old_form(spans, titles):
    """The old form, written out: each sentence tested against every title, none or not."""
    from conflictkit.coding import extraction

    assert extraction._headlines(spans, titles) == [(a, b) for a, b in spans if any(s <= a < e for s, e in titles)]


def _old_resolve_terms(text, segments, lex):
    """The old form of resolve_terms, written out: _actor_context given a copy of the terms, each
    place tested by two calls of _overlaps."""
    from conflictkit.coding import extraction as X

    terms = {"actor": [], "place": [], "source": []}
    for s, e in segments:
        found = lex.find(text, s, e, alternatives=True)
        for k in terms:
            terms[k].extend(found[k])
    actors = lex.rows["actor"]
    first = [t for k, t in enumerate(terms["actor"]) if not k or terms["actor"][k - 1][:2] != t[:2]]
    report_terms = dict(terms, actor=first)
    countries = {lex.place_row(t.entry)["country"] for t in report_terms["place"]}
    sides = set()
    for t in report_terms["actor"]:
        row = actors[t.entry]
        if not row["needs_context"]:
            sides.add(row["side"])
            countries.add(row["country"])
    kept = [t for t in terms["actor"]
            if (not (needs := actors[t.entry]["needs_context"]) or needs in countries or needs in sides)
            and not X._MODIFIER_AFTER.match(text, t.end)]
    terms["actor"] = [t for k, t in enumerate(kept) if not k or kept[k - 1][:2] != t[:2]]
    actor_spans, source_spans = (X._starts_and_ends(terms[kind]) for kind in ("actor", "source"))
    terms["place"] = [t for t in terms["place"]
                      if not X._overlaps(actor_spans, t.start, t.end) and not X._overlaps(source_spans, t.start, t.end)
                      and not text.startswith("-based", t.end)]
    return terms


_TERM_TEXTS = [
    "A London-based monitor said shelling hit Homs.", "The Aleppo Media Center said the regime shelled Idlib.",
    "The regime shelled a town in Idlib.", "al-Qaeda-linked al-Nusra Front fighters entered Homs and Hama.",
    "The Syrian Observatory for Human Rights said SNA fighters and the Free Syrian Army clashed in Aleppo.",
    "", "Homs", "Damascus-based activists, the SOHR and Raqqa Is Being Slaughtered Silently said Raqqa was hit.",
]


def test_resolve_terms_as_the_old_form(fakes_path):
    lex = ck.coding.default_lexicon()
    for text in _TERM_TEXTS:
        for segments in ([(0, len(text))], [(0, len(text) // 2), (len(text) // 2, len(text))]):
            assert resolve_terms(text, segments, lex) == _old_resolve_terms(text, segments, lex)
    n = 0
    for report in ck.load_reports(fakes_path)[0]:
        segments = [(s, e) for s, e, k in report.segments if k in ("title", "standfirst", "body")]
        got = resolve_terms(report.text, segments, lex)
        assert got == _old_resolve_terms(report.text, segments, lex)
        n += len(got["place"])
    assert n > 3000
