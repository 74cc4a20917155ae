"""The claims of the patterns' matches made as before: the groups read by their numbers from the
pattern's shape (casualties._shape), the count's checks given its span, where they were read by
name (each name looked up in the pattern's groupindex); and the unnumbered pattern not tried where
no cue matches.  The replaced forms are kept here as they were and compared with the new ones on
every match the claim patterns find in the windows FA-KES reports are searched in, and in
generated text."""


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictkit.coding import casualties
from conflictkit.coding._scan import matches_at, merge_windows, word_starts_in
from conflictkit.coding.casualties import (
    _AFTER_MONTH, _AGE_CUE, _AGE_OF, _AGES_SPAN, _CLOCK_AFTER, _DESIGNATION, _DESIGNATION_WORDS, _GALLERY,
    _KILLED_OR_WOUNDED, _MONTH_BEFORE, _NAME_AGE_LIST, _NOUN_OF, _OBJECT_AFTER, _OBJECT_PATTERNS, _PARENT_OF,
    _PLURAL_END, _SHOT_NOUN, _UNNUMBERED_BEFORE, _UNNUMBERED_CUE, _YEARLIKE, OUTCOMES, Claim, Count, _is_name,
    _last_words)

_G = casualties.compile_grammar()


# ---------------------------------------------------------------------------
# The replaced forms, as they were

def _old_outcome(m):
    for name, k in [(prefix + k, k) for k in OUTCOMES for prefix in ("p_", "a_") if prefix + k in m.re.groupindex]:
        if m.group(name):
            return k
    return None


def _old_claim(m, outcome, count, pattern, offset, orig=None, sentence=-1):
    orig = m.string if orig is None else orig
    groups = m.re.groupindex
    victim, vs, ve = "", -1, -1
    if "victim" in groups:
        vs, ve = m.span("victim")
        if vs != ve:
            raw = orig[vs:ve]
            victim = raw.strip()
            vs = vs + len(raw) - len(raw.lstrip()) + offset
            ve = vs + len(victim)
        else:
            vs, ve = -1, -1
    cs, ce = -1, -1
    if "num" in groups:
        cs, ce = m.span("num")
        if cs != ce:
            cs, ce = cs + offset, ce + offset
        else:
            cs, ce = -1, -1
    start = m.start()
    end = start + len(m.group().rstrip(" \t\u00a0,"))
    return Claim(start=start + offset, end=end + offset, outcome=outcome, count=count, victim=victim,
                 victim_start=vs, victim_end=ve, count_start=cs, count_end=ce, pattern=pattern, sentence=sentence,
                 extra={"object": True} if pattern in _OBJECT_PATTERNS and not _NOUN_OF.match(m.group("verb")) else {})


def _old_is_age(text, m, orig=None):
    s, e = m.span("num")
    if not m.group("num").strip().isdigit():
        return False
    before = text[max(0, s - 40):s]
    if (not before.isascii() or "age" in before.lower()) and (_AGES_SPAN.search(before) or _AGE_OF.search(before)):
        return True
    if (orig is not None and orig[max(0, s - 90):s].rstrip().endswith(",")
            and _NAME_AGE_LIST.search(orig, max(0, s - 90), s)):
        return True
    return text[e:e + 1] == "," and bool(_AGE_CUE.search(text[max(0, s - 20):s]))


def _old_not_a_count(m, outcome=None):
    s, e = m.span("num")
    text = m.string
    if _CLOCK_AFTER.match(text, e):
        return True
    tail = text[max(0, s - 30):s].rstrip()
    tail = tail.lower() if tail.isascii() else None
    if (tail is None or tail.endswith("of")) and _PARENT_OF.search(text[max(0, s - 30):s]):
        return True
    if tail is not None and tail.endswith("-"):
        designation = tail[:-1].rstrip().endswith(_DESIGNATION_WORDS)
    else:
        designation = tail is None or tail.endswith(_DESIGNATION_WORDS)
    if designation and _DESIGNATION.search(text[max(0, s - 12):s]):
        return True
    if (tail is None or tail.endswith(("of", "/"))) and _GALLERY.search(text[max(0, s - 25):s]):
        return True
    if ((outcome or _old_outcome(m)) == "killed" and "aux" in m.re.groupindex
            and _KILLED_OR_WOUNDED.match(text, m.end())):
        return True
    bare = "victim" not in m.re.groupindex or not m.group("victim")
    aux = m.group("aux") if "aux" in m.re.groupindex else ""
    return bare and (bool(_MONTH_BEFORE.search(text[max(0, s - 12):s])) or (aux or "").lstrip().startswith(","))


def _old_verb_before_count(m, orig):
    if "verb" not in m.re.groupindex or m.start("verb") > m.start("num"):
        return False
    vs, ve = m.span("verb")
    verb, num = orig[vs:ve], orig[m.start("num"):m.end("num")]
    if len(verb) > 3 and verb.isupper() and num[:1].isupper() and not num.isupper():
        return True
    return verb.lower() == "shot" and bool(_SHOT_NOUN.search(m.string, max(0, vs - 12), vs))


def _old_acts_on_object(m):
    if "aux" not in m.re.groupindex or (m.group("aux") or "").strip():
        return False
    return _OBJECT_AFTER.match(m.string, m.end()) is not None


def _old_numbered(g, m, pattern, offset, add=0, orig=None, sentence=-1):
    outcome = _old_outcome(m)
    if (outcome is None or _old_is_age(m.string, m, orig) or _old_not_a_count(m, outcome)
            or _old_verb_before_count(m, m.string if orig is None else orig)):
        return None
    raw = m.group("num")
    if _YEARLIKE.match(raw.strip()):
        victim = m.group("victim") if "victim" in m.re.groupindex else None
        head = g.head_first.match(victim or "")
        if (head is None or not _PLURAL_END.search(head.group().rstrip())
                or _AFTER_MONTH.search(m.string, 0, m.start("num"))):
            return None
    if "name" in m.re.groupindex and m.group("name") and not _is_name((orig or m.string)[slice(*m.span("name"))]):
        return None
    qual = m.group("qual") or "" if "qual" in m.re.groupindex else ""
    count = g.parse_count(raw, qual)
    if count is None:
        return None
    if add:
        count = Count(count.low + add, count.best + add, count.high + add, count.qualifier, count.acled + add)
    if _old_acts_on_object(m):
        return None
    return _old_claim(m, outcome, count, pattern, offset, orig, sentence)


def _old_unnumbered(g, text, low, at):
    cues = [m.start() for m in matches_at(_UNNUMBERED_CUE, low, at["cue"])]
    k = g.unnumbered_words
    if k is None:
        windows = merge_windows((max(0, c - _UNNUMBERED_BEFORE), c) for c in cues)
    else:
        windows = merge_windows((_last_words(low, c, k, _UNNUMBERED_BEFORE), c) for c in cues)
    return matches_at(g.unnumbered, text, word_starts_in(text, windows))


# ---------------------------------------------------------------------------
# The comparisons

def _same(new, old):
    """Two claims (or Nones) alike in every field, ``extra`` too (which ``==`` leaves out)."""
    assert (new is None) == (old is None), (new, old)
    if new is not None:
        assert type(new) is type(old), (new, old)
        # (the counts by their repr: a figure added to a NaN is a NaN of its own, unequal to any)
        assert {**new.__dict__, "count": repr(new.count)} == {**old.__dict__, "count": repr(old.count)}, (new, old)


_ALL = tuple(k for k in _G.lowered if k not in ("negated", "number_start", "cumulative", "roundup", "head_first"))


def _same_claims(text, low, starts, offset=7):
    """Every match of every claim pattern at ``starts`` gives the same claim (and the same outcome, checks and
    object test) as the old forms, with and without the text as written, and with the figures the
    patterns with a number add."""
    for key in _ALL:
        rx = _G.lowered[key]
        for m in matches_at(rx, low, starts(key)):
            assert casualties._outcome(m) == _old_outcome(m), (key, m)
            assert casualties._acts_on_object(m) == _old_acts_on_object(m), (key, m)
            for outcome in ("killed", "injured", None):
                _same(casualties._claim(m, outcome, casualties._ONE, key, offset, text, 3),
                      _old_claim(m, outcome, casualties._ONE, key, offset, text, 3))
            if "num" not in rx.groupindex:
                continue
            s, e = m.span("num")
            for orig in (text, None):
                if m.group("num") is not None:
                    assert casualties._is_age(low, s, e, orig) == _old_is_age(low, m, orig), (key, m)
                    assert (bool(casualties._verb_before_count(m, orig or low, casualties._shape(rx)))
                            == _old_verb_before_count(m, orig or low)), (key, m)
                for add in (0, 1, 2.5):
                    _same(casualties._numbered(_G, m, key, offset, add, orig, 3),
                          _old_numbered(_G, m, key, offset, add, orig, 3))
            outcome = _old_outcome(m)
            if outcome is not None and m.group("num") is not None:
                assert (bool(casualties._not_a_count(m, outcome, casualties._shape(rx)))
                        == bool(_old_not_a_count(m, outcome))), (key, m)




@pytest.fixture(scope="module")
def fakes_windows():
    from test_casualties_speed import _fakes_windows
    return _fakes_windows()


def test_claims_made_as_before_in_real_news(fakes_windows):
    n = 0
    for k, low in enumerate(fakes_windows):
        at = casualties._pattern_starts(_G, low)
        # (the window as written is not kept: its lower case stands for it, and the shapes of
        # capitals are tried in generated text below)
        words = word_starts_in(low, [(0, len(low))]) if k % 3 == 0 else ()
        _same_claims(low, low, lambda key: sorted(set(at.get(key, ())) | set(words)))
        n += 1
    assert n > 4000


def test_unnumbered_matches_as_before_in_real_news(fakes_windows):
    for low in fakes_windows:
        at = casualties._pattern_starts(_G, low)
        new, old = casualties._unnumbered(_G, low, low, at), _old_unnumbered(_G, low, low, at)
        assert [m.span() for m in new] == [m.span() for m in old]


_WORDS = st.sampled_from(
    ["5", "12", "24", "2016", "1,200", "two", "five", "at least", "dozens of", "a", "an", "one", "his", "the", "and",
     ",", ".", "men", "civilians", "fighters", "soldier", "man", "woman", "boy", "members", "of", "them", "killed",
     "KILLED", "Hundreds", "were", "was", "been", "had been", "killing", "shot", "shot dead", "dead", "wounded",
     "injured", "died", "kill", "bodies", "deaths", "left", "toll", "rose to", "critical", "condition", "fatally",
     "and a", "and two", "or wounded", "p.m.", "ages", "aged", "age of", "under the", "father of", "Battalion",
     "AK-", "Image", "Dec.", "Smith", "Reeves", "block", "al Shabaab", "Boko Haram", "August", "in", "near", "IS",
     "himself", "a single", "wife", "deaths of", "\xe9", "\u2019", "Turkish", "soldiers", "had", "are", "regime"])
_SEPARATORS = st.lists(st.sampled_from([" ", " ", ", ", "-", "\xa0", "\n", ""]), min_size=1, max_size=3)


@given(st.lists(_WORDS, max_size=16), _SEPARATORS)
@settings(max_examples=600, deadline=None)
def test_claims_made_as_before_in_any_text(words, seps):
    text = "".join(w + seps[k % len(seps)] for k, w in enumerate(words))
    low = casualties._lower_names(text)
    _same_claims(text, low, lambda key: range(len(low) + 1))
    at = casualties._pattern_starts(_G, low)
    new, old = casualties._unnumbered(_G, text, low, at), _old_unnumbered(_G, text, low, at)
    assert [m.span() for m in new] == [m.span() for m in old]


def test_shapes_are_the_group_numbers():
    rx = _G.lowered["passive"]
    shape = casualties._shape(rx)
    assert shape[0] is rx and casualties._shape(rx) is shape
    assert [i for i, _ in shape[1]] == [rx.groupindex["p_" + k] for k in OUTCOMES if "p_" + k in rx.groupindex]
    assert shape[2:] == tuple(rx.groupindex.get(k) for k in ("victim", "num", "aux", "verb", "name", "qual"))
    assert casualties._shape(_G.lowered["self"])[2:4] == (None, None)


_EXAMPLES = [
    "Smith, 24, was killed", "Smith, 24, killed", "ages 3 and 5, were killed", "between the ages of 21 and 58 were shot",
    "children under the age of 15 died", "Dennie Reeves, 66 and Ginger Reeves, 64 were found dead",
    "SUSPECT KILLED Hundreds gather", "a single shot 223 people", "Image 2 of 10 A woman died",
    "Battalion 302 killed", "AK-47 killed", "a father of four, was killed", "37 soldiers killed or wounded",
    "Dec. 25 has died", "about 8 p.m. 5 were killed", "9 August 2016 Five children killed",
    "in 2016 civilians were killed", "2016 civilians were killed", "6600 block of Barton killed",
    "911 saying he was killed", "25 al Shabaab killed", "Two gunmen killed five people", "Two gunmen killed",
    "killed 3 soldiers and 2 militants", "killed his wife and two children", "a woman and her two daughters were killed",
    "11 civilians and a soldier were killed", "killing at least 13 members of regime forces", "left five dead",
    "the death toll rose to 40", "40 deaths", "3 in serious condition", "shot, 2 fatally", "killed a general and two others",
    "Killed 110 Injured", "the deaths of a mother and her two children", "a man was shot dead",
    "regime troops had been killed and injured", "Turkish soldiers were killed", "5 killed, 3 critical",
]


@pytest.mark.parametrize("text", _EXAMPLES)
def test_claims_made_as_before_in_examples(text):
    for written in (text, "Reports: " + text + ", police said."):
        low = casualties._lower_names(written)
        _same_claims(written, low, lambda key: range(len(low) + 1))
