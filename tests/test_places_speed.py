"""The quicker forms of place reading and dictionary lookup give what the plain forms give.

Each shortcut of :mod:`conflictkit.coding.places`, :mod:`conflictkit.coding.lexicon` and
:mod:`conflictkit.io.gazetteer` that skips work (a test before a pattern, a scan that stops at
fewer characters, namesakes ranked once) is compared with the plain form it stands for (written
out here as the code had it): over hypothesis strings made of the words that matter (and of the
characters that match ASCII letters in any case: "\u017f", "\u0131", "\u212a"), and over the
words around every capital of the FA-KES reports.
"""

import re

import ahocorasick
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit.coding import lexicon as L
from conflictkit.coding import places as P
from conflictkit.io import gazetteer as G

from conftest import shared_file

# ---------------------------------------------------------------------------
# the plain forms


_PLAIN_BEFORE_LAST_WORDS = frozenset(
    "named called nicknamed dubbed alias mr mr. mrs mrs. ms ms. dr dr. sheikh abu umm bin ibn of the rural near to "
    "outside around from city town village".split())


def _before_says_plain(before):
    words = before.rsplit(None, 1)
    if not words or words[-1].lower() not in _PLAIN_BEFORE_LAST_WORDS:
        return None
    m = P._BEFORE.search(before)
    return m.lastgroup if m else None


def _unit_spelt_spans_plain(text):
    return [r.span() for r in (P._NAME_RUN.match(text, m.end()) for m in P._UNIT_SPELT_BEFORE.finditer(text)) if r]


def _find_names_plain(text, start=0, end=None):
    end = len(text) if end is None else end
    out, pos = [], start
    for run in _PLAIN_RUN.findall(text, start, end):
        hits = G._names_in_run(run)
        if not hits:
            continue
        at = text.find(run, pos, end)
        while at > start and text[at - 1].isalnum():
            at = text.find(run, at + 1, end)
        if at < 0:
            continue
        out.extend((at + s, at + e, ids) for s, e, ids in hits)
        pos = at + len(run)
    with_article = G._article_names(text, start, end)
    if with_article:
        out = sorted(with_article + [h for h in out if not any(a < h[1] and h[0] < b for a, b, _ in with_article)])
    return out


# find_names' run of capitalised words and its article scans as the code had them: the particles an
# alternation of each, no possessive quantifier; the articles at every l and at a hyphen.
_PLAIN_RUN = re.compile(r"[A-Z][\w'\u2019]*(?:[ \-](?:(?:al|el|an|ar|as|ash|ad|at|az|ez|es|de|du|des|del|di|da|"
                        r"do|dos|das|la|le|les|of|on|upon|en|sur)[ \-])*[A-Z][\w'\u2019]*)*")
_PLAIN_RUN_BEFORE_UNIT_WORD = re.compile(rf"(?<![\w'-])({G.NAME_RUN})$")
_PLAIN_L_ARTICLE = re.compile(r"l(?<=[ae]l)[ \-](?=[A-Z])")
_PLAIN_HYPHEN_ARTICLE = re.compile(r"-(?<=a[rsdntz]-|sh-)(?=[A-Z])")


def _article_spans_of(l_article, hyphen_article, text, start, end):
    """The (article start, article end) pairs _article_names looks at, found by its two patterns (those
    that begin at or after ``start``: "al-" is found at its hyphen, not at its "l", so a search that
    starts inside it finds one that begins before ``start``, which _article_names drops)."""
    articles = [(m.start() - 1, m.end()) for m in l_article.finditer(text, start, end)]
    for m in hyphen_article.finditer(text, start, end):
        i = m.start() - 2
        if text[i] == "s":
            i -= 1
            if i < 0 or text[i] != "a":
                continue
        articles.append((i, m.end()))
    return sorted(a for a in articles if a[0] >= start)


def _article_spans_plain(text, start, end):
    return _article_spans_of(_PLAIN_L_ARTICLE, _PLAIN_HYPHEN_ARTICLE, text, start, end)


def _article_spans(text, start, end):
    return _article_spans_of(G._L_ARTICLE, G._HYPHEN_ARTICLE, text, start, end)


def _may_say_plain(after):
    if after[:1] == "'":
        return True
    first = after.lstrip()[:2]
    return not first.isascii() or first.lower() in P._AFTER_STARTS


def _unit_spelt_run_spans_plain(text):
    # the scan as the code had it: the pattern over the text itself, whatever its characters
    return [(m.start(), m.end(1)) for m in P._UNIT_SPELT_RUN.finditer(text)]


_PLAIN_AUTOMATA = {}


def _plain_automata(lex):
    """The lexicon's automata as the code had them: its keys as they are (each hit's value
    the key's length and its (kind, row) pairs), to scan the text itself."""
    if id(lex) not in _PLAIN_AUTOMATA:
        automata = {}
        for case_sensitive, keys in lex._keys.items():
            automaton = ahocorasick.Automaton()
            for key, value in keys.items():
                automaton.add_word(key, (len(key), value))
            automaton.make_automaton()
            automata[case_sensitive] = automaton
        _PLAIN_AUTOMATA[id(lex)] = (lex, automata)  # (the lexicon kept: its id stays its own)
    return _PLAIN_AUTOMATA[id(lex)][1]


def _find_plain(lex, text, start=0, end=None, alternatives=False):
    """Lexicon.find as one loop over the hits of every kind, each alias looked for as it is."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    folded = L.lower_same_length(chunk)
    if not chunk.isascii() and L._FOLDED_CHARS.search(chunk):
        folded, as_written = folded.translate(L._FOLD), chunk.translate(L._FOLD)
    else:
        as_written = chunk
    hits = {"actor": [], "place": [], "source": []}
    n = len(folded)
    for case_sensitive, haystack in ((False, folded), (True, as_written)):
        for last, (length, values) in _plain_automata(lex)[case_sensitive].iter(haystack):
            s = last - length + 1
            if (s and (folded[s - 1].isalnum() or folded[s - 1] == "_")) or (
                    last + 1 < n and (folded[last + 1].isalnum() or folded[last + 1] == "_")):
                continue
            for kind, row in values:
                hits[kind].append((s, -length, last + 1, row))
    if lex.gazetteer:
        first = len(lex.rows["place"])
        hits["place"].extend([(s - start, s - e, e - start, first + ids[0])
                              for s, e, ids in _find_names_plain(text, start, end)])
    out = {}
    for kind, mine in hits.items():
        mine.sort()
        kept, last_end, last = [], -1, None
        same_span = alternatives and kind == "actor"
        for s, _, e, row in mine:
            if s < last_end and not (same_span and (s, e) == last):
                continue
            if kind == "place" and not chunk[s].isupper() and not L._lower_article_name(chunk, s):
                continue
            kept.append(L.Term(start + s, start + e, chunk[s:e], kind, row))
            last_end, last = e, (s, e)
        out[kind] = kept
    return out


_AFTER_PATTERNS = (P._MEDIA_AFTER, P._UNIT_AFTER, P._SUBUNIT_AFTER, P._RURAL_AFTER)


def _same_match(a, b):
    return (a is None) == (b is None) and (a is None or (a.span(), a.groups()) == (b.span(), b.groups()))


# ---------------------------------------------------------------------------
# strings made of the words that matter

_WORDS = sorted(set(
    "of Of OF the The in near Near rural outside around from to To close Close city town village son brother "
    "daughter countryside outskirts suburb suburbs environs km kilometres kilometers miles 10 north north-east "
    "northeast northeastern south-western Southern eastern province Province provinces governorate state State "
    "region district county countys muhafazat named called Mr Mr. Dr. Sheikh Abu bin ibn alias and said killed "
    "TV television channel radio news newspaper agency times Times post press herald daily network satellite "
    "LGA local government area sub-county territory woreda payam chiefdom commune zone locality "
    "North South East West Central Nord Sud Est Ouest Centre hinterland areas al el an as ad ar ash at az "
    "Aleppo Hama Idlib Ain Tal Qasim Soleimani 's a A ou no so".split()
    + ["out\u017fkirts", "\u017fon", "\u0131n", "prov\u0131nce", "\u212am", "(near", "(of", '"the', "\u00a0of"]))
_SEPARATORS = [" ", " ", " ", "  ", "\n", "\t", "\xa0", "-", "", ",", "(", "'s "]

_phrases = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=8).map(
    lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_phrases, st.sampled_from(["", " ", "  ", "\n", "-", "\xa0"]))
def test_before_says_as_the_plain_search(phrase, end):
    before = (phrase + end)[-40:]
    assert P._before_says(before) == _before_says_plain(before)


# the words before "city of", "town of", "village of" (_place_of_may_follow)
_PLACE_OF_WORDS = ["of", "Of", "the", "The", "city", "City", "town", "village", "near", "rural", "outside", "around",
                   "from", "to", "close", "countryside", "north", "km", "10", "a", "in", "(near", "\u017fuburbs",
                   "\u0131n", "cıty", "vıllage", "\u212am", "tothe", "bathe", "ethnicity"]
_place_of_phrases = st.lists(st.tuples(st.sampled_from(_PLACE_OF_WORDS), st.sampled_from(_SEPARATORS[:7])),
                             max_size=7).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_place_of_phrases, st.sampled_from(["city", "town", "village", "City", "ethnicity"]),
       st.sampled_from([" of ", " of", "\nof ", " of  "]))
def test_before_says_as_the_plain_search_before_city_of(phrase, place, of):
    before = (phrase + place + of)[-40:]
    assert P._before_says(before) == _before_says_plain(before)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["", " ", "  ", "\n", "-", "'s", "'s ", ".", " al-", "-al ", " as-", " an-"]), _phrases)
def test_the_patterns_after_a_name_run_only_where_they_can_match(start, phrase):
    after = (start + phrase)[:30]
    assert P._may_say(after) == _may_say_plain(after)
    if not P._may_say(after):
        assert all(p.match(after) is None for p in _AFTER_PATTERNS), after
    assert _same_match(P._next_capital(after), P._NEXT_CAPITAL.match(after))


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_phrases)
def test_unit_spelt_spans_as_the_plain_scan(text):
    assert P._unit_spelt_spans(text) == _unit_spelt_spans_plain(text)


# text of capitalised words, particles (and words like them), lower-case articles, separators, letters
# outside ASCII and the characters that the ASCII scans write otherwise (capitals, "\x00") or must read
# as \s does ("\x1c", "\x0b", "\xa0")
_RUN_WORDS = ["Deir", "ez", "Zor", "Dar", "es", "Salaam", "Ras", "Al", "Ain", "al", "el", "an", "ar", "as", "ash",
              "ad", "at", "az", "de", "du", "des", "del", "di", "da", "do", "dos", "das", "la", "le", "les", "of", "on",
              "upon", "en", "sur", "a", "d", "ase", "dell", "las", "off", "sure", "upo", "ee", "Of", "AL", "in", "rural",
              "the", "The", "Hama's", "Idlib", "SOHR", "iPhone", "X", "\u00c9cole", "S\u00e9gou", "\u015eam",
              "Ma\u2019arrat", "\u017fur", "_", "9", "province"]
_RUN_SEPARATORS = [" ", " ", "-", "", "  ", "\n", "\t", "\x0b", "\x1c", "\x00", "\x01", "\xa0", ",", ", ", "(", "'",
                   "\u2019", "\u00e9", ". "]
_run_texts = st.lists(st.tuples(st.sampled_from(_RUN_WORDS), st.sampled_from(_RUN_SEPARATORS)), max_size=14).map(
    lambda parts: "".join(w + p for w, p in parts))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_run_texts, st.integers(0, 6), st.integers(0, 6))
@example("al-Deir ", 2, 0)  # a search that starts inside an article ("al-" found at its hyphen)
@example("al Deir ", 1, 0)
def test_runs_of_capitalised_words_as_the_plain_pattern(text, cut_start, cut_end):
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    assert G._RUN.findall(text, start, end) == _PLAIN_RUN.findall(text, start, end)
    for j in range(len(text)):
        a, b = G._RUN.match(text, j), _PLAIN_RUN.match(text, j)
        assert (a and a.span()) == (b and b.span())
    # NAME_RUN in patterns with something after it, where the engine gives words back
    name_run = re.compile(G.NAME_RUN)
    for after in (r"$", r"(?=\s+(?i:province|the)\b)", r"\b"):
        assert [m.span() for m in re.finditer(rf"(?:{G.NAME_RUN}){after}", text)] == \
            [m.span() for m in re.finditer(rf"(?:{_PLAIN_RUN.pattern}){after}", text)]
    assert [m.span() for m in name_run.finditer(text)] == [m.span() for m in _PLAIN_RUN.finditer(text)]
    assert _article_spans(text, start, end) == _article_spans_plain(text, start, end)
    assert G.find_names(text, start, end) == _find_names_plain(text, start, end)
    for j in range(len(text) + 1):  # the run before a unit word, its look-behind after its first capital
        a = P._RUN_BEFORE_UNIT_WORD.search(text, max(0, j - 12), j)
        b = _PLAIN_RUN_BEFORE_UNIT_WORD.search(text, max(0, j - 12), j)
        assert (a and a.span(1)) == (b and b.span(1))


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_run_texts)
def test_unit_spelt_spans_of_ascii_text_as_the_scan_of_the_text(text):
    assert P._unit_spelt_spans(text) == _unit_spelt_run_spans_plain(text) == _unit_spelt_spans_plain(text)
    ascii_text = text.encode("ascii", "replace").decode("ascii")  # (the ASCII scan)
    assert P._unit_spelt_spans(ascii_text) == _unit_spelt_run_spans_plain(ascii_text)


def test_the_particle_pattern_is_the_particles():
    particle = re.compile(rf"{G._PARTICLE}\Z")
    letters = sorted(set("".join(G._PARTICLE_WORDS)) | {"b", "x"})
    words = {""} | set(letters)
    for _ in range(4):
        words |= {w + c for w in words for c in letters}
    assert {w for w in words if particle.match(w)} == set(G._PARTICLE_WORDS)


# before a name: prefix words and articles in any case ("\u017f" is an s in any case), and words like them
_PREFIX_PHRASE_WORDS = ["Tal", "tal", "Ain", "Kafr", "Deir", "Beit", "Ras", "Hayy", "Qaryat", "Khirbet", "al", "AL",
                        "Al", "aſ", "aſh", "ash", "ez", "ES", "in", "of", "the", "and", "Tall", "Tel", "Bir", "Ayn",
                        "Kafar", "near", "Syria", "x", "9"]
_prefix_phrases = st.lists(st.tuples(st.sampled_from(_PREFIX_PHRASE_WORDS), st.sampled_from(_SEPARATORS + ["-"])),
                           max_size=5).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_prefix_phrases)
def test_prefix_words_looked_for_only_where_the_last_letter_may_end_one(before):
    before = before[-40:]
    plain = before[-1:] in (" ", "-") and P._prefix_word_before(before)
    assert (before[-2:] in P._PREFIX_WORD_ENDS and P._prefix_word_before(before)) == plain
    assert plain == bool(before[-1:] in (" ", "-") and P._PLACE_PREFIX_BEFORE.search(before))


def test_the_after_words_are_those_of_the_patterns():
    """Every word the patterns after a name can begin with has its first two letters in
    _AFTER_STARTS (the words of the patterns, but those inside a phrase: "local government area",
    "rural areas", "newspaper")."""
    inner = {"government", "area", "areas", "paper"}
    for pattern in _AFTER_PATTERNS:
        for word in re.findall(r"[A-Za-z]{2,}", pattern.pattern.replace(r"\s", " ").replace(r"\b", " ")):
            assert word in inner or word[:2].lower() in P._AFTER_STARTS, (pattern.pattern, word)


_row = st.fixed_dictionaries({
    "kind": st.sampled_from(["town", "governorate", "country", "region"]),
    "country": st.sampled_from(["SY", "LY", "LB", "IQ", ""]),
    "admin1": st.sampled_from(["SY-HL", "SY-ID", "LY-TB", "LB-AS", ""]),
    "origin": st.sampled_from(["overlay", "geonames", "iso3166"]),
})
_scores = st.dictionaries(st.sampled_from(["SY", "LY", "LB", "IQ"]),
                          st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 1 / 3, 2 / 3]), max_size=4)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_row, min_size=1, max_size=6), _scores, st.booleans())
def test_namesakes_ranked_once_pick_as_pick(rows, countries, want_unit):
    facts = P._Facts("Name", rows)
    assert facts.pick(countries, want_unit) is P._pick(rows, countries, want_unit)
    assert facts.pick(countries, want_unit) is P._pick(rows, countries, want_unit)  # and once ranked


@settings(max_examples=1000, deadline=None)
@given(_phrases)
def test_a_name_without_an_o_needs_no_split_at_english_particles(name):
    # _units_spelt_otherwise splits a name at _ENGLISH_PARTICLE only when it has an "o"
    if "o" not in name:
        assert P._ENGLISH_PARTICLE.split(name, 1)[0] == name


# ---------------------------------------------------------------------------
# the words around every capital of the FA-KES reports


_WORD = re.compile(r"\w*")


@pytest.fixture(scope="module")
def fakes_texts():
    reports, _ = ck.load_reports(shared_file("news", "fa-kes-syria-804.csv"))
    return [r.text for r in reports]


def test_context_tests_as_the_plain_ones_on_fakes(fakes_texts):
    n = 0
    for text in fakes_texts:
        for m in re.finditer(r"[A-Z]", text):
            start = m.start()
            end = _WORD.match(text, start).end()
            before, after = text[max(0, start - 40):start], text[end:end + 30]
            assert P._before_says(before) == _before_says_plain(before), before
            assert (before[-2:] in P._PREFIX_WORD_ENDS and P._prefix_word_before(before)) == (
                before[-1:] in (" ", "-") and P._prefix_word_before(before)), before
            assert P._may_say(after) == _may_say_plain(after)
            if not P._may_say(after):
                assert all(p.match(after) is None for p in _AFTER_PATTERNS), after
            assert _same_match(P._next_capital(after), P._NEXT_CAPITAL.match(after)), after
            n += 1
        assert P._unit_spelt_spans(text) == _unit_spelt_run_spans_plain(text) == _unit_spelt_spans_plain(text)
        assert _PLAIN_RUN.findall(text) == G._RUN.findall(text)
        assert _article_spans(text, 0, len(text)) == _article_spans_plain(text, 0, len(text))
    assert n > 50_000


def test_find_as_the_plain_loop_on_fakes(fakes_texts):
    lex = L.default_lexicon()
    for text in fakes_texts:
        assert G.find_names(text) == _find_names_plain(text)
        assert G.find_names(text, 10, len(text) - 10) == _find_names_plain(text, 10, len(text) - 10)
        for alternatives in (False, True):
            assert lex.find(text, alternatives=alternatives) == _find_plain(lex, text, alternatives=alternatives)
        assert lex.find(text, 5, len(text) // 2, True) == _find_plain(lex, text, 5, len(text) // 2, True)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["SDF", "IS", "the", "Syrian", "army", "SNA", "al-Bab", "Homs", "homs", "Aleppo",
                                 "Idlib", "province", "Deir ez-Zor", "Dar es Salaam", "SOHR", "said", "in", "of",
                                 "Turkish\u00a0military", "vehicles", "Ras al-Ain", "YPG", "US-led", "coalition",
                                 # written alike by _scan.spaced, or beside a letter outside ASCII
                                 "al bab", "al.bab", "Ras-al-Ain", "Ras al Ain", "U.S.", "US", "\u00e9", "Al\u00e9ppo",
                                 "\u015eam", "Homs\u00e9", "_", "Deir\u00a0ez-Zor", "IS\u2019s",
                                 # acronyms in other cases, which the one automaton finds lower-cased
                                 "is", "Is", "iS", "us", "u.n.", "U.N.", "U.n.", "isis k", "ISIS-K", "ISIS\u00a0K",
                                 "isis-k", "\u212a", "\u0130S", "\u0130", "WHO", "who", "Sdf"]),
                max_size=12).flatmap(lambda words: st.lists(
                    st.sampled_from([" ", "", "-", ".", "\u00e9", "\u00a0", "_", "\u2019", ", "]),
                    min_size=len(words), max_size=len(words)).map(
                        lambda seps: "".join(w + p for w, p in zip(words, seps)))),
       st.booleans())
def test_find_as_the_plain_loop(text, alternatives):
    lex = L.default_lexicon()
    assert lex.find(text, alternatives=alternatives) == _find_plain(lex, text, alternatives=alternatives)


def test_read_places_reads_the_same_with_facts_kept(fakes_texts):
    """A report read twice (its names' facts and rankings kept from the first time) reads the same."""
    lex = L.default_lexicon()
    for text in fakes_texts[:200]:
        terms = lex.find(text)["place"]
        first = P.read_places(text, terms, lex)
        assert repr(P.read_places(text, terms, lex)) == repr(first)


_reading_row = st.fixed_dictionaries({
    "place": st.just("Hama"), "kind": st.sampled_from(["town", "governorate", "country"]), "country": st.just("SY"),
    "admin1": st.just("SY-HM"), "admin1_name": st.just("Hama"), "latitude": st.just(35.1),
    "longitude": st.just(36.8), "origin": st.sampled_from(["overlay", "geonames", "iso3166"]),
    "population": st.sampled_from([None, 0, 1, 4999, 5000, 5001, 120_000, 4999.0, float("nan")])})


@settings(max_examples=500, deadline=None)
@given(_reading_row, st.booleans(), st.booleans())
def test_a_reading_s_village_curated_and_population_as_the_row_s(row, has_origin, has_population):
    # _read fills "village" from the values it reads of the row, not by _is_village(row)
    row = {k: v for k, v in row.items() if (k != "origin" or has_origin) and (k != "population" or has_population)}
    text = "Shelling hit Hama on Monday."
    reading = P.read_place(text, 13, 17, [row], {"SY": 1.0})
    assert reading is not None
    assert reading["village"] is P._is_village(row)
    assert reading["curated"] is (row.get("origin") == "overlay")
    assert reading["population"] is (row.get("population") or 0)


def _small_lexicon():
    """A lexicon of a few aliases (no gazetteer): case-sensitive ones (one in lower case), with
    letters outside ASCII (the Kelvin sign, "\u0130", whose lower case is two characters), and
    case-insensitive ones that a case-sensitive one lower-cased is, or is written alike."""
    import pandas as pd

    def table(columns, rows):
        return pd.DataFrame([dict(zip(columns, r)) for r in rows])

    actor_cols = ["actor", "side", "actor_type", "country", "alias", "case_sensitive", "needs_context"]
    actors = table(actor_cols, [
        ("A", "A", "Rebel group", "SY", "IS", "1", ""), ("B", "B", "Rebel group", "SY", "\u0130S", "1", ""),
        ("C", "C", "Rebel group", "SY", "\u212aDF", "1", ""), ("D", "D", "Rebel group", "SY", "is", "0", ""),
        ("E", "E", "Rebel group", "SY", "U.N.", "1", ""), ("F", "F", "Rebel group", "SY", "u n", "0", ""),
        ("G", "G", "Rebel group", "SY", "Isis-K", "1", ""), ("H", "H", "Rebel group", "SY", "isis k", "0", ""),
        ("I", "I", "Rebel group", "SY", "ΣΑΣ", "1", ""), ("J", "J", "Rebel group", "SY", "ypj", "1", "")])
    places = table(["place", "alias", "kind", "country", "admin1", "latitude", "longitude", "origin",
                    "admin1_name", "case_sensitive"],
                   [("Us", "US", "country", "US", "", float("nan"), float("nan"), "iso3166", "", "1"),
                    ("Us", "us", "town", "SY", "", 1.0, 1.0, "overlay", "", "0")])
    sources = table(["source", "kind", "alias", "case_sensitive"], [("Who", "agency", "WHO", "1")])
    return L.Lexicon(actors, places, sources, gazetteer=False)


_SMALL = []


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["IS", "is", "Is", "iS", "\u0130S", "\u0130s", "i\u0307s", "\u212aDF",
                                           "kdf", "KDF", "U.N.", "u.n.", "u n", "U N", "Isis-K", "ISIS-K", "isis k",
                                           "Isis\u00a0K", "US", "us", "Us", "WHO", "who", "ΣΑΣ", "σας", "ΣΑΣΑ",
                                           "ypj", "YPJ", "Ypj", "\u212a", "\u0130", "k", "x", "\u00e9", "_", "9"]),
                          st.sampled_from([" ", "", "-", ".", "\u00a0", "\u2019", ", ", "\u00e9", "_"])),
                max_size=10).map(lambda parts: "".join(w + p for w, p in parts)), st.booleans())
def test_one_automaton_finds_what_one_of_each_case_finds(text, alternatives):
    # the case-sensitive aliases lower-cased in the automaton of the others, compared with the text as written
    if not _SMALL:
        _SMALL.append(_small_lexicon())
    lex = _SMALL[0]
    assert lex.find(text, alternatives=alternatives) == _find_plain(lex, text, alternatives=alternatives)
    assert lex.find(text, 1, max(1, len(text) - 1), alternatives) == _find_plain(lex, text, 1, max(1, len(text) - 1),
                                                                                 alternatives)


def _read_plain(text, start, end, name, admin1_name_of):
    """places._read as the code had it: the reading a dict display of the row's values."""
    before, after = text[max(0, start - 40):start], text[end:end + 30]
    said = P._before_says(before)
    worded = P._may_say(after)
    if said == "person" or worded and P._MEDIA_AFTER.match(after) or (
            before[-2:] in P._PREFIX_WORD_ENDS and P._prefix_word_before(before)):
        return None
    want_unit = said == "unit" or worded and P._UNIT_AFTER.match(after) is not None
    subunit = not want_unit and worded and P._SUBUNIT_AFTER.match(after) is not None
    if not (want_unit or subunit) and not name.is_country and (name.facts.people or P._in_a_name(text, start, after)):
        return None
    if (want_unit or subunit) and name.facts.is_generic and P._after_a_name(text, start):
        return None
    row = name.choose(want_unit)
    if row is None:
        return None
    kind = row["kind"]
    precision, admin1, admin1_name = kind, row["admin1"] or "", row["admin1_name"] or ""
    rural = said == "rural" or worded and P._RURAL_AFTER.match(after) is not None
    if rural and admin1 in P._SURROUNDING_ADMIN1:
        admin1 = P._SURROUNDING_ADMIN1[admin1]
        admin1_name = admin1_name_of(admin1) if admin1_name_of else admin1
    if kind == "town" and (rural or said == "near"):
        precision = "near town"
    elif (want_unit or subunit) and kind == "town" or kind == "town" and P._on_a_road(text, start, end):
        precision = "region"
    curated, population = row.get("origin") == "overlay", row.get("population") or 0
    return {"place": row["place"], "kind": kind, "precision": precision, "country": row["country"], "admin1": admin1,
            "admin1_name": admin1_name, "latitude": row["latitude"], "longitude": row["longitude"], "start": start,
            "end": end, "text": text[start:end], "curated": curated,
            "village": P._village(kind, curated, population), "population": population}


def _same_reading(a, b):
    # the same keys in the same order, the same values (nan as nan), and no reading shared
    assert (a is None) == (b is None)
    if a is not None:
        assert a is not b and list(a) == list(b)
        assert repr(list(a.values())) == repr(list(b.values())), (a, b)


def test_readings_copied_from_the_row_s_as_the_dict_display_on_fakes(fakes_texts, monkeypatch):
    # every name _read reads in FA-KES (with the namesakes, countries and names read_places gives it,
    # spellings of units and towns too), read by the plain form beside it
    lex = L.default_lexicon()
    read, n = P._read, [0]

    def both(text, start, end, name, admin1_name_of):
        plain = _read_plain(text, start, end, name, admin1_name_of)
        mine = read(text, start, end, name, admin1_name_of)
        _same_reading(mine, plain)
        n[0] += 1
        return mine

    monkeypatch.setattr(P, "_read", both)
    for text in fakes_texts:
        P.read_places(text, lex.find(text)["place"], lex)
        P.read_places(text, lex.find(text)["place"], lex, ["SY"])
    assert n[0] > 15_000


_READ_WORDS = ["Damascus", "Aleppo", "Hama", "Idlib", "Homs", "Raqqa", "Tripoli", "the", "outskirts", "of", "rural",
               "near", "province", "countryside", "district", "LGA", "highway", "-", "TV", "named", "in", "Syria",
               "Libya", "Lebanon", "West", "Delta", "State", "Iraq", "Mosul", "Ninawa"]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_READ_WORDS), st.sampled_from([" ", " ", "-", ", ", ". "])), max_size=12)
       .map(lambda parts: "".join(w + s for w, s in parts)), st.sampled_from([(), ("SY",), ("LY", "LB")]))
def test_readings_copied_from_the_row_s_as_the_dict_display(text, named):
    lex = L.default_lexicon()
    read = P._read

    def both(text, start, end, name, admin1_name_of):
        plain = _read_plain(text, start, end, name, admin1_name_of)
        mine = read(text, start, end, name, admin1_name_of)
        _same_reading(mine, plain)  # (here: read_places sets "sure" in its readings after)
        return mine

    P._read = both
    try:
        P.read_places(text, lex.find(text)["place"], lex, named)
    finally:
        P._read = read
