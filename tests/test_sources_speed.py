"""The quicker forms of conflictkit.coding.sources give what the old forms gave."""

import string

import pytest
from hypothesis import given, settings, strategies as st

from conflictkit.coding import sources
from conflictkit.coding._scan import (WHITESPACE, followed_by_space, literal_automaton, lower_same_length, matches_at,
                                      word_starts)

# The old form, written out: the verbs of saying found by one str.find pass each, the first words by
# an automaton with a branch for each first letter at its root, run through the windows only.
_OLD_GENERIC_FIRST = literal_automaton(
    followed_by_space(["a", "an", "the", "A", "An", "The"])
    + ["activists", "witnesses", "officials", "medics", "rescuers", "residents", "police", "authorities", "state",
       "local", "security", "medical", "military"])


def _old_generic_windows(chunk):
    n = len(chunk)
    ends = {chunk.rfind(".", 0, max(0, n - 1)) + 1: n}
    for verb in sources._SAYING_VERBS:
        i = chunk.find(verb)
        while i >= 0:
            a = chunk.rfind(".", 0, i) + 1
            if ends.get(a, -1) < i:
                ends[a] = i
            i = chunk.find(verb, i + 1)
    windows = []
    for a, b in sorted(ends.items()):
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], b))
        else:
            windows.append((a, b))
    return windows


def _old_find_generic_sources(text, start=0, end=None):
    end = len(text) if end is None else end
    out = []
    chunk = text[start:end]
    low = lower_same_length(chunk)
    if not sources._ATTRIBUTION.search(low):
        return out
    starts = [p for a, b in _old_generic_windows(chunk) for p in word_starts(_OLD_GENERIC_FIRST, chunk, a, b)]
    matches = matches_at(sources._GENERIC, chunk, starts)
    matches += matches_at(sources._ACCORDING, chunk, sources._word_starts_of("according", low))
    for m in matches:
        s, e = m.span("src")
        phrase = chunk[s:e].strip()
        if not phrase:
            continue
        kind = "monitor" if "monitor" in phrase.lower() else "generic"
        out.append(sources.SourceMention(start + s, start + s + len(phrase), phrase, phrase, kind, "originator"))
    out.sort(key=lambda m: m.start)
    kept, last = [], -1
    for m in out:
        if m.start >= last:
            kept.append(m)
            last = m.end
    return kept


def _same(text):
    assert sources.find_generic_sources(text) == _old_find_generic_sources(text)
    for a, b in ((0, len(text) // 2), (len(text) // 3, len(text))):
        assert sources.find_generic_sources(text, a, b) == _old_find_generic_sources(text, a, b)
    # and the starts tried are those of every match of _GENERIC
    starts, verbs = sources._first_words_and_verbs(text)
    assert [m.span() for m in matches_at(sources._GENERIC, text, sources._within(
        starts, sources._generic_windows(text, verbs)))] == [m.span() for m in sources._GENERIC.finditer(text)]


_WORDS = (["a", "an", "the", "A", "An", "The", "THE", "AN", "activists", "Activists", "police", "state", "media",
           "statement", "local", "sources", "security", "war", "monitor", "monitoring", "group", "Syrian",
           "official", "spokesman", "witnesses", "residents", "aN", "tHe", "ana", "theme", "said", "says", "Said",
           "SAID", "told", "reported", "reportedly", "unsaid", "stated", "announced", "confirmed", "according",
           "According", "to", "on", "Monday", "killed", "five", "people", "é", "éa", "aé", "ſaid", "İn", "x_a"]
          + list(sources._SAYING_VERBS))
_SEPARATORS = [" ", "  ", ". ", ".", ", ", "-", "_", "’", "'", "\n", "\xa0", "\u2009", "\u3000", "\x85", "\x1c",
               "\t", "(", ")", ";", "é", "1"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=30))
def test_generic_sources_as_the_old_form_on_phrases(parts):
    _same("".join(w + s for w, s in parts))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list(string.ascii_letters[:8] + "ant heslid.") + list(WHITESPACE[:12])
                                + ["é", "_", "Th", "said", "told", "police", " a "]), max_size=40))
def test_generic_sources_as_the_old_form_on_text(pieces):
    _same("".join(pieces))


@pytest.mark.parametrize("text", [
    "Five people died, a war monitor said. Gunmen attacked the convoy. Activists reported the toll.",
    "The toll rose. The Syrian Observatory source said three died",
    "Officials. The army, a local source told AFP, shelled the town. A witness",
    "residents said", "No verb here. Nor here.", "Nor here, activists.", "Activists Said so.", "", ".", "a\xa0source said",
    "a-source said", "éa source said", "the\u3000witnesses reportedly", "the police unsaid",
])
def test_generic_sources_as_the_old_form_on_examples(text):
    _same(text)


def test_generic_sources_as_the_old_form_in_real_news(fakes_path):  # (the fixture skips without the data, and fails in CI)
    import conflictkit as ck

    found = 0
    for report in ck.load_reports(fakes_path)[0]:
        for s, e, _ in report.segments:
            got = sources.find_generic_sources(report.text, s, e)
            assert got == _old_find_generic_sources(report.text, s, e)
            found += len(got)
    assert found > 500
