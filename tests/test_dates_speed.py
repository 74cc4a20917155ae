"""The quicker forms of conflictkit.coding.dates give what the old forms gave."""

import pickle
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from conflictkit.coding import dates
from conflictkit.coding._scan import lower_same_length, matches_at, merge_windows, spaced_word_starts


def _old_candidates(text, start, end):
    """The old form, written out: the windows before the triggers merged first, then the word starts
    in each tried with the pattern of their first character, its match method looked up each time."""
    lowered = lower_same_length(text[start:end])
    firsts = spaced_word_starts(dates._TRIGGER_STARTS, lowered)
    k = lowered.find("/")
    if k >= 0:
        slashes = []
        while k >= 0:
            slashes.append(k)
            k = lowered.find("/", k + 1)
        firsts = sorted(firsts + slashes)
    firsts = [start + s for s in firsts]
    triggers = matches_at(dates._TRIGGER, text, firsts, end)
    windows = merge_windows((max(start, t.start() - dates._REACH), t.start() + 1) for t in triggers)
    out, last = [], -1
    for a, b in windows:
        for w in dates._FIRST.finditer(text, a, b):
            p = w.start()
            if p >= last:
                m = dates._PATTERN_AT.get(text[p], dates._PATTERN).match(text, p, end)
                if m:
                    out.append(m)
                    last = m.end()
    return out


def _old_find_dates(text, published=None, start=0, end=None, sentence_spans=()):
    """The old form, written out: each DateMention made by its dataclass __init__."""
    end = len(text) if end is None else end
    out = []
    for m in _old_candidates(text, start, end):
        s, e = m.span()
        anchor = None
        if published is None and m.lastgroup in ("dm", "md", "numeric"):
            anchor = next((d.date_start for d in reversed(out) if not d.relative), None)
        if m.lastgroup == "offset":
            sent_start = max((a for a, b in sentence_spans if a <= s), default=start)
            prior = [d for d in out if d.start >= sent_start]
            anchor = prior[-1].date_start if prior else None
        try:
            resolved = dates._resolve(m, published, anchor)
        except (OverflowError, ValueError):
            resolved = None
        if resolved is None:
            continue
        ds, de, precision, relative, *partial = resolved
        out.append(dates.DateMention(s, e, text[s:e], ds, de, precision, dates._role(text, start, s, relative, e),
                                     relative, *partial))
    return out


def _same(text, published=None, start=0, end=None, spans=()):
    end = len(text) if end is None else end
    new = dates._candidates(text, start, end)
    assert [(m.lastgroup, m.span()) for m in new] == [(m.lastgroup, m.span()) for m in _old_candidates(text, start, end)]
    new, old = dates.find_dates(text, published, start, end, spans), _old_find_dates(text, published, start, end, spans)
    assert new == old
    # the same objects: fields in the same order, the same repr, hash and pickle; still frozen
    assert [list(vars(d).items()) for d in new] == [list(vars(d).items()) for d in old]
    assert [(repr(d), hash(d)) for d in new] == [(repr(d), hash(d)) for d in old]
    assert pickle.dumps(new) == pickle.dumps(old)
    for d in new:
        with pytest.raises(AttributeError):
            d.start = 0
    return new


_WORDS = ["on", "On", "ON", "Monday", "Tuesday night", "Sunday", "3", "12", "31", "3rd", "March", "Sept.", "Dec",
          "2016", "1999", "2016-03-04", "13/05", "2/3/2016", "/", "of", "since", "Since", "in", "In", "early", "mid",
          "last", "Last", "LAST", "this", "week", "weekend", "month", "year", "ago", "two", "a", "one", "days",
          "later", "after", "yesterday", "Yesterday", "today", "TONIGHT", "said", "told", "photo", "Photo:",
          "taken", "RELATED:", "(AFP photo)", "REUTERS/A", "AFP", "the", "rebels", "killed", "ſince", "İn", "ın",
          "\u212a", "é", "éMarch", "Marché", "2016é", "_2016", "x2016", "Mondays"]
_SEPARATORS = [" ", "  ", "", ", ", ".", ". ", "-", "\n", "\xa0", "\u2009", "\u3000", "\x85", "\t", "’", "(", ")",
               "é", "_"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=30),
       st.sampled_from([None, date(2017, 4, 7), date(2016, 1, 1)]), st.integers(0, 40), st.integers(0, 40))
def test_dates_as_the_old_form_on_phrases(parts, published, cut, cut_end):
    text = "".join(w + s for w, s in parts)
    _same(text, published)
    a, b = min(cut, len(text)), max(0, len(text) - cut_end)
    if a <= b:
        _same(text, published, a, b, [(a, b)])


@pytest.mark.parametrize("text", [
    "On 3 March 2016 and on Monday, two days later, since 13/05.",
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday " * 3,
    "In 2016 in 2017 in 2018 in 2019 in 2020 last week this month",
    "on                            Monday, 22                              September 2020",
    "on" + " " * 22 + "Monday, and " + "in" + " " * 22 + "2016",  # a date that starts _REACH characters before
    "on" + " " * 23 + "Monday, and " + "in" + " " * 23 + "2016",  # and one character farther: not read
])
def test_dates_as_the_old_form_on_examples(text):
    assert _same(text, date(2020, 9, 22)) and _same(text) is not None


def test_dates_as_the_old_form_in_real_news():
    import conflictkit as ck
    from conflictkit.io.datasets import dataset_path

    fakes = dataset_path("news", "fa-kes-syria-804.csv")
    if fakes is None:
        pytest.skip("FA-KES not available")
    found = 0
    for report in ck.load_reports(fakes)[0]:
        spans = report.sentences
        for s, e, _ in report.segments:
            found += len(_same(report.text, report.published, s, e, spans))
            _same(report.text, None, s, e, spans)
    assert found > 2000
