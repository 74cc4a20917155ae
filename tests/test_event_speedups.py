"""The faster forms of event building, actor finding, event cues and date finding give what the
forms they replaced gave.  Each replaced form is kept here as it was and compared with the new one
on real news (FA-KES, the ACLED notes of the gold files) and on generated text."""

import bisect
import csv
import math
import re
from unittest import mock

import pandas as pd
import pytest
from conftest import shared_file
from hypothesis import example, given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit.coding import actors, coder, dates, detection, event_types, events
from conflictkit.coding.casualties import Claim
from conflictkit.coding.counts import Count
from conflictkit.coding.sources import is_speaker
from conflictkit.coding._scan import (
    literal_automaton, literal_starts, lower_same_length, matches_at, merge_windows, plain_ascii, spaced,
    spaced_automaton, spaced_word_starts, word_starts, word_starts_in,
)

try:
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse


# ---------------------------------------------------------------------------
# The replaced forms, as they were


def _old_role(text, start, s, relative, e=None):
    d = dates
    if not relative and (d._DATELINE_HEAD.fullmatch(text, start, s)
                         or (s - start < d.CREDIT_WITHIN and d._CREDIT_BEFORE.search(text, max(start, s - 30), s))):
        return "dateline"
    if d._STATEMENT.search(text, max(start, s - 40), s):
        return "statement"
    if d._CAPTION.search(text, max(start, s - 140), s) or (e is not None and d._CREDIT_AFTER.match(text, e)):
        return "caption"
    return "event"


_OLD_TRIGGER_STARTS = literal_automaton(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "monday", "tuesday",
     "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight", "last", "this",
     "day", "week", "month", "19", "20", "/"])


def _old_candidates(text, start, end):
    lowered = lower_same_length(text[start:end])
    firsts = [start + s for s in literal_starts(_OLD_TRIGGER_STARTS, lowered)]
    triggers = matches_at(dates._TRIGGER, text, firsts, end)
    windows = merge_windows((max(start, t.start() - dates._REACH), t.start() + 1) for t in triggers)
    return matches_at(dates._PATTERN, text, word_starts_in(text, windows), end)


def _old_find_dates(text, published=None, start=0, end=None, sentence_spans=()):
    with mock.patch.object(dates, "_candidates", _old_candidates), mock.patch.object(dates, "_role", _old_role):
        return dates.find_dates(text, published, start, end, sentence_spans)


def _old_event_sentences(text, sentences, cues=None):
    E = event_types
    cues = E.find_event_cues(text, sentences[0][0], sentences[-1][1]) if cues is None and sentences else cues or []
    starts = [s for s, _ in sentences]
    out, read = {}, {}
    for c in cues:
        if not (c.weight >= E.TRIGGER_WEIGHT and c.event_type in E._ACLED_TYPES):
            continue
        i = bisect.bisect_right(starts, c.start) - 1
        if i < 0 or c.start >= sentences[i][1]:
            continue
        s, e = sentences[i]
        if i not in read:
            low = lower_same_length(text[s:e])
            told = bool(E._PARTICULAR_RX.search(text, s, e) or E._HAPPENED_RX.search(low) or E._PEOPLE_RX.search(low))
            read[i] = (low, word_starts(E._UNREAL_WORDS, low)) if told else None
        if read[i] is None:
            continue
        low, unreal = read[i]
        end = c.end - s
        if not (E._unreal_before(low, unreal, end) or E._unreal_after(low, unreal, end)):
            out.setdefault(i, []).append(c)
    return out


def _old_find_cue_events(ctx, cues, covered=None):
    D = detection
    spans, covered = ctx.spans, covered or {}
    if not spans:
        return []
    found = _old_event_sentences(ctx.text, spans, [c for i in sorted(cues) for c in cues[i]])
    para_types = {}
    for i, event_type in covered.items():
        para_types.setdefault(ctx.para_of[i], set()).add(event_type)
    out, done = [], set()
    for i in sorted(found):
        para = ctx.para_of[i]
        if para in done or i in covered:
            continue
        told = [c for k in ([i] if para in para_types else [k for k in cues if ctx.para_of[k] == para])
                for c in cues[k]]
        event_type, sub, score = D.score_cues(told, (None, None), D.ACLED_TYPES)
        if D._no_event(told, score):
            continue
        if event_type is None:
            event_type, sub = found[i][0].event_type, found[i][0].sub_event_type
        if event_type in para_types.get(para, ()):
            continue
        done.add(para)
        out.append(D.CueEvent(i, found[i], event_type, sub))
        out.extend(D._dated_apart(ctx, i, cues[i], event_type, sub))
    return out


def _old_find_generic_actors(text, start=0, end=None, country=""):
    A = actors
    end = len(text) if end is None else end
    low = lower_same_length(text[start:end])
    out = []
    for m in matches_at(A._NOUN_RX, low, word_starts(literal_automaton(A._NOUN_WORDS), low)):
        ms, me, word = start + m.start(), start + m.end(), m.group(0)
        code, s = A._qualifier(text, ms, country)
        if not code and A._NEED_COUNTRY.fullmatch(word) and m.lastgroup != "armed_group" and not A._STATE_BEFORE.search(
                low, max(0, m.start() - 12), m.start()) and word not in ("security forces", "government forces"):
            continue
        if code and word.startswith("militant"):
            continue
        out.append(A.ActorMention(s, me, text[s:me], m.lastgroup, code, hedge=A._hedge(text, s)))
    hedged = any(A._HEDGE_WORD_RX.match(low, p) for p in word_starts(literal_automaton(A._HEDGE_WORDS), low))
    for m in A._DEMONYM_RX.finditer(text, start, end) if hedged else ():
        hedge = A._hedge(text, m.start())
        code = A.country_code(m.group(0), country) if hedge else ""
        if code and not any(a.start <= m.start() < a.end for a in out):
            out.append(A.ActorMention(m.start(), m.end(), m.group(0), "military", code, hedge=hedge))
    return sorted(out)


def _old_generic_actors_in(text, start, end, country, low):
    assert low == lower_same_length(text[start:end])
    return _old_find_generic_actors(text, start, end, country)


def _old_event_actors(text, cue, sentence, mentions, event_type, sub_event_type, country="", year=None):
    A = actors
    EventActors, _name, acled_actor_name = A.EventActors, A._name, A.acled_actor_name
    mentions = [m for m in mentions if sentence[0] <= m.start < sentence[1]]
    if event_type in A._VIOLENT:
        mentions = [m._replace(actor=A.forces_of(m.actor)) if m.kind == "named" else m for m in mentions]
    at = max([m.end for m in mentions if m.start == cue.start and m.end < cue.end], default=cue.start)
    head = A._HEAD_RX.match(text, at, cue.end)
    if head is None or at == cue.start or A._NOT_VERB_RX.match(head.group(1)):
        head = A._HEAD_RX.match(text, cue.start, cue.end)
    agent, patient = A.assign_roles(text, head.start(1), head.end(1), mentions, sentence) if head else \
        A.assign_roles(text, cue.start, cue.end, mentions, sentence)
    state = next((m for m in mentions if A.is_state_force(m)), None)
    crowd = next((m for m in mentions if m.kind in ("protesters", "rioters")), None)
    if event_type == "Riots" and crowd is None and agent is not None and agent.kind in ("armed_group", "named"):
        victims = patient if patient is not None and patient.kind == "civilians" else None
        return EventActors(_name(agent, country, year),
                           _name(victims, country, year) or acled_actor_name("civilians", country, year),
                           agent, victims, "Violence against civilians")
    if event_type in ("Protests", "Riots"):
        kind = "protesters" if event_type == "Protests" else "rioters"
        if event_type == "Protests" and sub_event_type == "Peaceful protest":
            other = None
        elif sub_event_type == "Mob violence":
            other = next((m for m in mentions if m.kind == "civilians"), None) or state
        else:
            other = state
        a1 = crowd._replace(kind=kind) if crowd is not None else None
        crowd_name = acled_actor_name(kind, country, year) if a1 is None else _name(a1, country, year)
        if sub_event_type == "Excessive force against protesters" and other is not None:
            return EventActors(_name(other, country, year), crowd_name, other, a1)
        return EventActors(crowd_name, _name(other, country, year), a1, other)
    if agent is not None and agent.kind == "civilians" and event_type in A._VIOLENT:
        agent, patient = (patient if patient is not None and patient.kind != "civilians" else None), agent
    if sub_event_type == "Attack" and A._armed_patient(text, patient, agent, country, year):
        a1 = _name(agent, country, year) or acled_actor_name("armed_group", country, year)
        return EventActors(a1, _name(patient, country, year), agent, patient, "Battles")
    if event_type == "Violence against civilians":
        victims = patient if patient is not None and patient.kind == "civilians" else None
        agent = agent or next((m for m in mentions if m.kind not in ("civilians", "protesters")), None)
        a1 = _name(agent, country, year) or acled_actor_name("armed_group", country, year)
        a2 = _name(victims, country, year) or acled_actor_name("civilians", country, year)
        return EventActors(a1, a2, agent, victims)
    if agent is None and patient is None and mentions:
        agent = mentions[0]
        patient = next((m for m in mentions[1:] if _name(m, country, year) != _name(agent, country, year)), None)
    return EventActors(_name(agent, country, year), _name(patient, country, year), agent, patient)


def _old_mentions(ctx, i, country):
    s, e = ctx.spans[i]
    actors_t = ctx.lexicon.rows["actor"]
    named = [actors.dictionary_mention(t, actors_t[t.entry]) for t in ctx.actors_in.get(i, [])
             if not detection._elsewhere(actors_t[t.entry], country)]
    mentions = actors.merge_mentions(named, actors.find_generic_actors(ctx.text, s, e, country), ctx.text)
    return tuple([m for m in mentions if not is_speaker(ctx.text, m.start, m.end, (s, e))])


def _old_dictionary_mention(term, row):
    name = row["actor"]
    if name == "Civilians":
        kind = "protesters" if "protest" in row["alias"].lower() else "civilians"
        return actors.ActorMention(term.start, term.end, term.text, kind, row["country"])
    return actors.ActorMention(term.start, term.end, term.text, "named", row["country"], name)


def _old_assign_roles(text, cue_start, cue_end, mentions, sentence=(0, None)):
    A = actors
    s0, s1 = sentence[0], len(text) if sentence[1] is None else sentence[1]
    mentions = sorted(m for m in mentions if s0 <= m.start and m.end <= s1)
    starts = [m.start for m in mentions]
    i = bisect.bisect_left(starts, cue_end)
    heads = set(A._heads(text, mentions))
    before = [m for m in mentions[:i] if m.start < cue_start and m in heads]
    following = [m for m in mentions[i:] if m.start >= cue_end]
    after = [m for m in following if m in heads]
    by = next((m for m in after if A._by_agent(text, cue_start, cue_end, m)), None)
    between = A._between(text, cue_start, min(s1, cue_end + 40))
    if between:
        pair = [m for m in following if m.start > between.end()][:2]
        against = A._AGAINST_RX.search(text, pair[1].end, min(s1, pair[1].end + 40)) if len(pair) == 2 else None
        if against:
            pair = [pair[0], next((m for m in after if m.start >= against.end()), pair[1])]
        if len(pair) == 2:
            return A._Role(pair[0], pair[1])
    if A._PASSIVE_RX.search(text, max(s0, cue_start - 30), cue_start):
        return A._Role(by, before[-1] if before else next((m for m in after if m is not by), None))
    agent = by or (before[-1] if before else None)
    return A._Role(agent, next((m for m in after if m is not agent), None))


def _old_event_cue(cues, sentences, sub_event_type):
    told = [(i, c) for i in sorted(sentences) for c in cues.get(i, ())]
    best = ([ic for ic in told if ic[1].sub_event_type == sub_event_type]
            or [ic for ic in told if ic[1].trigger] or told)
    if not best:
        return None
    i, cue = max(best, key=lambda ic: ic[1].weight)
    before = [c for k, c in best if k == i and not c.outcome and c.start < cue.start] if cue.outcome else []
    return max(before, key=lambda c: c.weight) if before else cue


def _old_figures(claims, outcome, remarks=()):
    ks = [c for c in claims if c.outcome == outcome]
    if remarks and outcome == "killed":
        low, best, high, _ = _old_figures(claims, outcome) if ks else (math.nan,) * 4
        return low, best, high, sum(r.count.acled for r in remarks)
    if not ks:
        return (0.0, 0.0, 0.0, 0.0) if outcome == "killed" else (math.nan,) * 4
    return (sum(c.count.low for c in ks), sum(c.count.best for c in ks), sum(c.count.high for c in ks),
            _old_acled_figure(ks))


def _old_acled_figure(claims):
    unknown = [c.count.acled for c in claims if math.isnan(c.count.best) and not math.isnan(c.count.acled)]
    known = [c.count.acled for c in claims if not math.isnan(c.count.best) and not math.isnan(c.count.acled)]
    if any(c.count.qualifier != "implied" for c in claims if not math.isnan(c.count.best)):
        return sum(known)
    if unknown:
        return max(unknown)
    return sum(known) if known else events.ACLED_UNKNOWN_FATALITIES


def _old_claim_event_type(ctx, cues, sentences, context):
    E = event_types
    paragraphs = {ctx.para_of[i] for i in sentences}
    own = [c for i in context for c in cues.get(i, ())]
    around = [c for i, cs in cues.items() if ctx.para_of[i] in paragraphs and i not in context for c in cs]
    if not any(c.weight > E.TRIGGER_WEIGHT for c in own):
        own, around = own + around, []
    types = detection.ACLED_TYPES if E.tells_fighting(own) or E.tells_fighting(around) else None
    event_type, sub_event_type, _ = E.score_cues(own, ("Battles", "Armed clash"), types, context=around)
    return event_type, sub_event_type


def _old_tells_fighting(cues):
    return any(not c.outcome and c.weight > event_types.TRIGGER_WEIGHT and c.event_type in event_types._FIGHTING_TYPES
               for c in cues)


# ---------------------------------------------------------------------------
# Real text


@pytest.fixture(scope="module")
def fakes():
    reports, _ = ck.load_reports(shared_file("news", "fa-kes-syria-804.csv"))
    return reports


@pytest.fixture(scope="module")
def acled_notes():
    syria = pd.read_csv(shared_file("gold", "acled-syria-battles-dev.tsv"), sep="\t", quoting=csv.QUOTE_NONE,
                        dtype=str, keep_default_na=False)
    africa = pd.read_csv(shared_file("gold", "acled-africa-2016-dev.csv"), dtype=str, keep_default_na=False)
    return list(syria["notes"]) + list(africa["NOTES"])


def _dates_same(text, published=None):
    new, old = dates.find_dates(text, published), _old_find_dates(text, published)
    assert new == old, text[:200]
    assert [m.span() for m in dates._candidates(text, 0, len(text))] == [
        m.span() for m in _old_candidates(text, 0, len(text))]


def test_dates_as_before_in_real_news(fakes, acled_notes):
    from datetime import date

    for r in fakes:
        _dates_same(r.text, r.published)
        _dates_same(r.text)
    for note in acled_notes[::3]:
        _dates_same(note, date(2016, 5, 20))
        _dates_same(note)


_DATE_WORDS = st.sampled_from(
    ["on", "On", "Monday", "Tuesday night", "3", "12", "March", "Sept.", "2016", "2016-03-04", "13/05", "of", "since",
     "said", "SAID", "told", "photo", "Photo:", "picture", "taken", "RELATED:", "read more:", "(AFP photo)",
     "(Photo AFP)", "AFP/Getty", "REUTERS/A", "AFP", ".", ",", "(", ")", "/", "ſaid", "K", "\u212a", "İ", "a",
     "week", "ago", "two", "days", "later", "last", "year", "in", "the", "rebels", "\n"])


@given(st.lists(_DATE_WORDS, max_size=30), st.sampled_from([" ", "", "  "]))
@settings(max_examples=300, deadline=None)
def test_dates_as_before_in_any_text(words, sep):
    from datetime import date

    text = sep.join(words)
    _dates_same(text, date(2017, 4, 7))
    _dates_same(text)


def test_role_windows_as_before(fakes):
    """The cheap looks before _STATEMENT, _CAPTION and _CREDIT_AFTER decide as their searches do, at
    every seventh offset of real news."""
    for r in fakes[::4]:
        t = r.text
        for p in range(0, len(t), 7):
            assert dates._statement(t, max(0, p - 40), p) == bool(dates._STATEMENT.search(t, max(0, p - 40), p))
            assert dates._captioned(t, max(0, p - 140), p) == bool(dates._CAPTION.search(t, max(0, p - 140), p))
            assert dates._credit_after(t, p) == bool(dates._CREDIT_AFTER.match(t, p))


def _firsts(items, ignore_case=False):
    """``(characters a match of the parsed ``items`` may start with, may it be empty)``; None for
    the characters where any may.  Under ``ignore_case`` a letter stands for both its cases (and
    for the letters outside ASCII that match it, which _FIRST lets through)."""
    out = set()
    for op, av in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue
        if op is _sre.LITERAL:
            c = chr(av)
            return out | ({c.lower(), c.upper()} if ignore_case else {c}), False
        if op is _sre.IN:
            chars = set()
            for iop, iav in av:
                if iop is _sre.LITERAL:
                    chars.add(chr(iav))
                elif iop is _sre.RANGE:
                    chars.update(map(chr, range(iav[0], iav[1] + 1)))
                elif iop is _sre.CATEGORY and iav is _sre.CATEGORY_DIGIT:
                    chars.update("0123456789")
                else:
                    return None, False
            return out | ({x for c in chars for x in (c.lower(), c.upper())} if ignore_case else chars), False
        if op is _sre.SUBPATTERN:
            sub, empty = _firsts(list(av[-1]), ignore_case or bool(av[1] & re.IGNORECASE))
        elif op is _sre.BRANCH:
            parts = [_firsts(list(a), ignore_case) for a in av[1]]
            if any(p[0] is None for p in parts):
                return None, False
            sub, empty = set().union(*(p[0] for p in parts)), any(p[1] for p in parts)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            sub, empty = _firsts(list(av[2]), ignore_case)
            empty = empty or av[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        out |= sub
        if not empty:
            return out, False
    return out, True


def test_the_date_pattern_is_tried_at_every_word_that_can_start_a_date():
    firsts, empty = _firsts(list(_sre_parse.parse(dates._PATTERN.pattern)))
    assert firsts is not None and not empty
    assert {"0", "9", "o", "O", "J", "W", "y"} <= firsts and not {"r", "R", "k", "c"} & firsts
    tried = {chr(c) for c in range(128) if dates._FIRST.match(" " + chr(c), 1)}
    assert {c for c in firsts if c.isascii()} <= tried
    assert dates._FIRST.match(" \u017f", 1) and dates._FIRST.match(" \u0130", 1)  # "ſince", "İn": tried


def test_each_kind_of_date_is_tried_where_it_may_start():
    """A word is tried with the kinds of date its first character may start (_PATTERN_AT): the
    characters each kind declares hold every ASCII character its parsed pattern may start with."""
    for name, pattern, declared in dates._KINDS:
        firsts, empty = _firsts(list(_sre_parse.parse(pattern)))
        assert firsts is not None and not empty, name
        assert {c for c in firsts if c.isascii()} <= set(declared), name
    for c, rx in dates._PATTERN_AT.items():
        assert list(rx.groupindex) == [name for name, _, declared in dates._KINDS if c in declared]
    assert dates._PATTERN.pattern == r"\b(?=\w)(?:" + "|".join(
        f"(?P<{name}>{pattern})" for name, pattern, _ in dates._KINDS) + ")"


# ---------------------------------------------------------------------------
# Event cues


_RULES = pd.DataFrame([
    ("Violence against civilians", "Attack", "2",
     r"\b(?:(?:a|an|two|[0-9]+) (?:\w+ ){0,2}(?:civilians?|m[ae]n) (?:were )?(?:shot|killed)|attack(?:s|ed)? (?:\w+ ){0,2}"
     r"(?:village|market)s?|a(?:n)? ambush)\b", "0", "0"),
    ("Battles", "Armed clash", "3", r"\b(?:clash(?:es|ed)? (?:\w+ ){0,5}?between|killed (?:\w+ ){0,3}soldiers)\b",
     "0", "1"),
    ("Battles", "Armed clash", "1.5", r"\b(?:clash(?:es|ed)?|killed|attack(?:s|ed)?|fighting)\b", "0", "1"),
    ("Strategic developments", "Non-state actor overtakes territory", "2",
     r"\b(?:(?:re)?captur\w*|seiz(?:ed|es)|IS (?:took|seized)) (?:the )?(?:town|city|village)\b", "1", "0"),
    ("Explosions/Remote violence", "Air/drone strike", "2", r"\bair ?strikes?(?= on| in)|\bwarplanes?\b", "0", "0"),
], columns=["event_type", "sub_event_type", "weight", "pattern", "case_sensitive", "outcome"])


@given(st.lists(st.sampled_from(["a", "an", "two", "12", "civilians", "men", "were", "shot", "killed", "soldiers",
                                 "attacked", "the", "village", "IS", "is", "took", "captured", "recaptured", "town",
                                 "clashes", "between", "air strike", "airstrikes", "on", "warplanes", "ambush",
                                 "fighting", "seized", ",", "."]), max_size=16),
       st.sampled_from([" ", "  ", "-"]))
@settings(max_examples=300, deadline=None)
def test_rules_tried_by_first_words_match_as_the_alternation_does(words, sep):
    text = sep.join(words)
    for alt in event_types.compile_event_rules(_RULES).alternations:
        t = text.lower() if alt.lowered else text
        assert [(m.lastgroup, m.span()) for m in event_types._matches(alt, t)] == [
            (m.lastgroup, m.span()) for m in alt.pattern.finditer(t)]


# Words of the bundled rules' first words, and characters the automaton reads as a space: ASCII
# punctuation, letters and spaces outside ASCII (a word start after "’", none after "é")
@given(st.lists(st.sampled_from(["a", "an", "two", "12", "civilians", "men", "were", "shot", "killed", "army",
                                 "attacked", "village", "IS", "took", "captured", "al-Shabaab", "al shabaab",
                                 "clashes", "between", "air strike", "airstrikes", "warplanes", "protest",
                                 "caf\xe9", "\xe9", "\u2019", "\u2011", "\xa0", "\u0130", "(", '"', "_", "3rd"]),
                max_size=16),
       st.lists(st.sampled_from([" ", "", "-", "\xa0", "\u2009", "\u2019", "\xe9", "/", "\n", "_"]), min_size=1,
                max_size=4))
@settings(max_examples=400, deadline=None)
def test_bundled_rules_found_by_spaced_first_words_as_by_the_alternation(words, seps):
    text = "".join(w + seps[k % len(seps)] for k, w in enumerate(words))
    for alt in event_types._compiled():
        for t in (text.lower() if alt.lowered else text, text.upper() if not alt.lowered else text):
            assert [(m.lastgroup, m.span()) for m in event_types._matches(alt, t)] == [
                (m.lastgroup, m.span()) for m in alt.pattern.finditer(t)]


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_spaced_text_has_a_space_before_each_word_start(text):
    written = spaced(text)
    assert len(written) == len(text) + 1 and written[0] == " "
    for k, c in enumerate(text):
        word = c.isalnum() or c == "_"
        assert written[k + 1] == (c if word and c.isascii() else " ")


_SPACED_WORDS = ["may", "last", "a ", "anti-r", "won't", "19", "day", "a local", "call f"]


@given(st.lists(st.sampled_from(_SPACED_WORDS + ["\xe9", "\u2019", "-", " ", "\xa0", "_", "x", "1", "\u0130", "\n"]),
                max_size=20))
@settings(max_examples=400, deadline=None)
def test_spaced_word_starts_are_the_word_starts_and_those_of_words_written_alike(parts):
    text = "".join(parts)
    new, old = spaced_word_starts(spaced_automaton(_SPACED_WORDS), text), word_starts(
        literal_automaton(_SPACED_WORDS), text)
    assert set(old) <= set(new) and new == sorted(set(new))
    written = {spaced(w) for w in _SPACED_WORDS}
    for k in new:  # each a word start where a word written alike starts
        assert k == 0 or not (text[k - 1].isalnum() or text[k - 1] == "_")
        assert any(spaced(text)[k:].startswith(w) for w in written)


def test_event_sentences_as_before(fakes):
    for r in fakes[::2]:
        spans = list(r.sentences)
        if spans:
            cues = event_types.find_event_cues(r.text, spans[0][0], spans[-1][1])
            assert event_types.event_sentences(r.text, spans, cues) == _old_event_sentences(r.text, spans, cues)


# ---------------------------------------------------------------------------
# Events and actors, compared while the reports are coded


def _checked(new, old, seen, name):
    def both(*args, **kwargs):
        got = new(*args, **kwargs)
        was = old(*args, **kwargs)
        assert got == was or repr(got) == repr(was), (name, args[1:4] if name != "find_cue_events" else "")  # (nan)
        seen[name] += 1
        return got
    return both


def test_events_and_actors_as_before_in_real_news(fakes):
    from collections import Counter

    seen = Counter()
    with mock.patch.object(coder, "find_cue_events",
                           _checked(detection.find_cue_events, _old_find_cue_events, seen, "find_cue_events")), \
            mock.patch.object(detection, "generic_actors_in",
                              _checked(actors.generic_actors_in, _old_generic_actors_in, seen, "generic")), \
            mock.patch.object(detection, "_event_actors",
                              _checked(actors.event_actors, _old_event_actors, seen, "event_actors")), \
            mock.patch.object(events, "_claim_event_type",
                              _checked(events._claim_event_type, _old_claim_event_type, seen, "claim_event_type")), \
            mock.patch.object(events, "tells_fighting",
                              _checked(event_types.tells_fighting, _old_tells_fighting, seen, "tells_fighting")), \
            mock.patch.object(detection, "_mentions", _checked(detection._mentions, _old_mentions, seen, "mentions")), \
            mock.patch.object(detection, "dictionary_mention",
                              _checked(actors.dictionary_mention, _old_dictionary_mention, seen, "dictionary")), \
            mock.patch.object(actors, "assign_roles",
                              _checked(actors.assign_roles, _old_assign_roles, seen, "assign_roles")), \
            mock.patch.object(events, "event_cue", _checked(detection.event_cue, _old_event_cue, seen, "event_cue")), \
            mock.patch.object(events, "_figures", _checked(events._figures, _old_figures, seen, "figures")):
        ck.code_reports(fakes, progress=False)
    assert seen["find_cue_events"] == len(fakes) and seen["generic"] > 1500 and seen["event_actors"] > 1500
    assert seen["claim_event_type"] > 1200 and seen["tells_fighting"] > 1200
    assert seen["mentions"] > 1500 and seen["dictionary"] > 2000 and seen["assign_roles"] > 1500
    assert seen["event_cue"] > 1500 and seen["figures"] > 2400


_ACTOR_WORDS = st.sampled_from(
    ["Kenyan", "police", "gunmen", "believed to be", "reportedly", "Russian", "jets", "forces", "government forces",
     "militants", "a", "suspected", "villagers", "ſuspected", "\u212aikely", "likely", "Syrian", "warplanes", "said",
     "İ", "protesters", "the", ",", ".", "Somali", "by", "Al Shabaab", "troops", "were", "killed", "soldiers"])


@given(st.lists(_ACTOR_WORDS, max_size=20), st.integers(0, 40))
@settings(max_examples=300, deadline=None)
def test_generic_actors_as_before_in_any_text(words, cut):
    text = " ".join(words)
    start = min(cut, len(text))
    for country in ("", "KE", "SY"):
        assert actors.find_generic_actors(text, start, None, country) == _old_find_generic_actors(text, start, None,
                                                                                                    country)


@pytest.mark.parametrize("hedge", ["suspected", "\u017fuspected", "li\u212aely", "likely", "poſſibly", "reportedly",
                                   "thought to be", "İllegally"])
def test_a_hedge_far_into_a_sentence_as_before(hedge):
    text = "Residents of the town said that on Monday night " + hedge + " gunmen attacked, and " + hedge + " troops"
    for start in (0, 10, 60):
        got = actors.find_generic_actors(text, start)
        assert got == _old_find_generic_actors(text, start)
    assert actors.find_generic_actors(text)[-1].hedge == ("" if hedge[0] == "İ" else hedge)


def test_a_mention_of_another_government_is_its_forces_copied_only_when_it_changes():
    m = actors.ActorMention(0, 6, "Regime", "named", "SY", "Government of Syria")
    assert actors._as_forces(m).actor == "Military Forces of Syria"
    other = m._replace(actor="Taliban")
    assert actors._as_forces(other) is other and actors._as_forces(other) == other._replace(actor="Taliban")


def test_between_is_looked_for_where_a_case_blind_search_can_find_it():
    # no letter outside ASCII matches a letter of "between" under re.IGNORECASE, nor lowers to one
    rx = re.compile(r"[betwn]", re.I)
    assert not [c for c in range(128, 0x110000) if rx.fullmatch(chr(c)) or chr(c).lower() in "betwn"]
    for text in ("clashes BETWEEN the army and IS", "fighting Between", "betweenness", "be tween"):
        assert bool(actors._between(text, 0, len(text))) == bool(actors._BETWEEN_RX.search(text))


# ---------------------------------------------------------------------------
# Event building: the one-loop forms against the comprehensions they replaced

_SPEAKING = st.sampled_from(
    ["police", "said", "SAID", "\u017faid", "says", "say", "told", "TOLD", "tells", "stated", "added", "according",
     "to", "the", "army", "spokesman", "\u212aenya", "\u0131", "\u0130", ",", ";", "a", "sa", "id", "that", "it",
     "gunmen", "killed", "ACCORDING"])


@given(st.lists(_SPEAKING, max_size=14))
@settings(max_examples=400, deadline=None)
def test_a_sentence_without_a_word_of_saying_names_no_speaker(words):
    text = " ".join(words)
    low = lower_same_length(text)
    if detection._may_speak(low):
        return
    ends = [m.end() for m in re.finditer(r"\S+", text)]
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    assert not any(is_speaker(text, a, b, (0, len(text))) for a in starts for b in ends if a < b)


def test_may_speak_holds_where_a_speaker_is_named():
    for text in ("Five people were killed, police said.", "according to the army", "\u017faid police", "TOLD AFP",
                 "officials tells", "the army stated", "he added"):
        assert detection._may_speak(lower_same_length(text))


_CUES = st.builds(
    lambda start, length, kind, weight, outcome: event_types.EventCue(
        start, start + length, "w", *kind, weight, f"r{kind[1]}{weight}", outcome),
    st.integers(0, 60), st.integers(1, 8),
    st.sampled_from([("Battles", "Armed clash"), ("Riots", "Mob violence"), ("Protests", "Peaceful protest"),
                     ("Explosions/Remote violence", "Air/drone strike"), ("Natural disaster", "Natural disaster")]),
    st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0]), st.booleans())


@given(st.dictionaries(st.integers(0, 4), st.lists(_CUES, max_size=5), max_size=4), st.sets(st.integers(0, 5)),
       st.sampled_from(["Armed clash", "Mob violence", "Peaceful protest", "Attack", "Air/drone strike"]))
@settings(max_examples=400, deadline=None)
def test_the_event_cue_as_before(cues, sentences, sub):
    cues = {i: sorted(cs) for i, cs in cues.items()}
    assert detection.event_cue(cues, sentences, sub) == _old_event_cue(cues, sentences, sub)


_FIGURE = st.sampled_from([math.nan, 0.0, -0.0, 1.0, 2.0, 3.5, 10.0, 400.0])


@given(st.lists(st.tuples(st.sampled_from(["killed", "injured"]), _FIGURE, _FIGURE, _FIGURE, _FIGURE,
                          st.sampled_from(["", "implied", "about", "at least"]), st.booleans()), max_size=5))
@settings(max_examples=400, deadline=None)
def test_figures_as_before(rows):
    claims = [Claim(0, 1, outcome, Count(low, best, high, qualifier, acled), role="convention" if remark else "standalone")
              for outcome, low, best, high, acled, qualifier, remark in rows]
    counted = [c for c in claims if c.role != "convention"]
    remarks = [c for c in claims if c.role == "convention"]
    for outcome, given_remarks in (("killed", remarks), ("killed", []), ("injured", [])):
        new, old = events._figures(counted, outcome, given_remarks), _old_figures(counted, outcome, given_remarks)
        assert repr(new) == repr(old)  # nan in the same places, -0.0 kept


_MENTIONS = st.lists(st.builds(
    lambda start, length, kind: actors.ActorMention(start, start + length, "x", kind, "", "A" if kind == "named" else ""),
    st.integers(0, 70), st.integers(1, 12), st.sampled_from(["military", "civilians", "named", "armed_group"])),
    max_size=5)


@given(st.lists(st.sampled_from(["gunmen", "and", "by", "were", "killed", "between", "against", "supported", ",",
                                 "villagers", "the", "along", "with", "from", "captured"]), min_size=5, max_size=16),
       _MENTIONS, st.integers(0, 60), st.integers(1, 10))
@settings(max_examples=400, deadline=None)
def test_roles_as_before(words, mentions, cue_start, cue_length):
    text = " ".join(words)
    for sentence in ((0, None), (0, len(text) // 2), (5, len(text))):
        new = actors.assign_roles(text, cue_start, cue_start + cue_length, mentions, sentence)
        old = _old_assign_roles(text, cue_start, cue_start + cue_length, mentions, sentence)
        assert new == old and all(a is b for a, b in zip(new, old))


def test_roles_as_before_when_a_mention_is_no_head_or_named_twice():
    text = "Regime and loyalist forces, supported by Russian jets, attacked villagers in Hama"
    ms = [actors.ActorMention(0, 6, "Regime", "named", "SY", "A"), actors.ActorMention(11, 26, "loyalist", "named", "SY", "B"),
          actors.ActorMention(41, 48, "Russian", "military", "RU"), actors.ActorMention(63, 72, "villagers", "civilians")]
    cue = text.index("attacked")
    for mentions in (ms, ms + ms[1:2], ms[:1] + ms[:1]):
        new, old = actors.assign_roles(text, cue, cue + 8, mentions), _old_assign_roles(text, cue, cue + 8, mentions)
        assert new == old and all(a is b for a, b in zip(new, old))


# ---------------------------------------------------------------------------
# Scoring cues, and the cues' order


def _old_sub_scores(cues, types, factor):
    hits, first = {}, {}
    for c in cues:
        rule = c.rule
        if rule in hits:
            hits[rule] += 1
        else:
            hits[rule] = 1
            first[rule] = c
    scores, type_of = {}, {}
    for rule, n in hits.items():
        c = first[rule]
        if types is None or c.event_type in types:
            scores[c.sub_event_type] = scores.get(c.sub_event_type, 0.0) + factor * c.weight * (1 + 0.25 * (n - 1))
            type_of[c.sub_event_type] = c.event_type
    return scores, type_of


def _old_best_score(cues, default=("Battles", "Armed clash"), types=None, context=()):
    scores, type_of = _old_sub_scores(cues, types, 1.0)
    if context:
        context_scores, context_type_of = _old_sub_scores(context, types, 0.5)
        for sub, score in context_scores.items():
            scores[sub] = scores.get(sub, 0.0) + score
        type_of = {**context_type_of, **type_of}
    if not scores:
        return default[0], default[1], 0.0
    best = max(scores, key=scores.get)
    return type_of[best], best, scores[best]


def _scores_same(cues, types, context):
    for factor in (1.0, 0.5):
        new, old = event_types._sub_scores(cues, types, factor), _old_sub_scores(cues, types, factor)
        assert repr(new) == repr(old)  # the same keys in the same order, the same floats (0.0, not -0.0)
    new = event_types.best_score(cues, ("d", "d"), types, context)
    assert repr(new) == repr(_old_best_score(cues, ("d", "d"), types, context))


# Rules that share their names across types and sub-types (an overlay's, or hand-made cues): which
# cue's type a sub-type takes is kept too
_SCORED_CUES = st.builds(
    lambda rule, kind, weight, outcome: event_types.EventCue(0, 1, "w", *kind, weight, rule, outcome),
    st.sampled_from(["", "r1", "r2", "r3", "r4"]),
    st.sampled_from([("Battles", "Armed clash"), ("Riots", "Mob violence"), ("Protests", "Peaceful protest"),
                     ("Violence against civilians", "Attack"), ("Battles", "Attack"),
                     ("Natural disaster", "Natural disaster")]),
    st.sampled_from([0.0, -0.0, 0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 1e308]), st.booleans())


@given(st.lists(_SCORED_CUES, max_size=8), st.lists(_SCORED_CUES, max_size=8),
       st.sampled_from([None, detection.ACLED_TYPES, ("Battles",), ()]))
@settings(max_examples=500, deadline=None)
def test_scores_as_before(cues, context, types):
    _scores_same(cues, types, context)


def test_scores_and_cues_as_before_in_real_news(fakes):
    for r in fakes[:400]:
        cues = event_types.find_event_cues(r.text)
        assert cues == sorted(cues)  # one alternation's cues come in text order: sorted only where two found some
        half = len(cues) // 2
        for types in (None, detection.ACLED_TYPES):
            _scores_same(cues[:half], types, cues[half:])
            _scores_same(cues, types, ())
            _scores_same([c for c in cues if c.trigger], types, [c for c in cues if not c.trigger])


@given(st.lists(st.sampled_from(["IS", "shell", "shelled", "took", "seized", "the", "town", "killed", "clashes",
                                 "a", "car", "bomb", "exploded", "protesters", "ISIS", "Shelling", ",", "."]),
                max_size=16), st.sampled_from([" ", "  ", "-"]))
@settings(max_examples=300, deadline=None)
def test_event_cues_in_text_order(words, sep):
    text = sep.join(words)
    cues = event_types.find_event_cues(text)
    assert cues == sorted(cues)
    assert event_types.find_event_cues(text, 3, len(text) - 2) == sorted(event_types.find_event_cues(text, 3,
                                                                                                     len(text) - 2))


# ---------------------------------------------------------------------------
# Rules that start with a common word ("a", "an", "2", "five"), tried behind a guard of their next word


def _old_rule_starts(patterns, rules, letter):
    """event_types._rule_starts before the guards: each word's rules as a tuple of the rules' own regexes."""
    import functools
    import operator

    import ahocorasick

    prefixes = [event_types.literal_prefixes(p, event_types._START_LENGTH, spaces=True) for p in patterns]
    if any(p is None for p in prefixes):
        return None
    first = re.compile(letter)
    masks = {}
    for k, words in enumerate(prefixes):
        for w in words:
            if first.match(w):
                w = spaced(w)
                masks[w] = masks.get(w, 0) | 1 << k
    automaton = ahocorasick.Automaton()
    for w in sorted(masks):
        shorter = [masks.get(w[:n], 0) for n in range(2, len(w))]
        if any(m | masks[w] == m for m in shorter):
            continue
        mask = masks[w] | functools.reduce(operator.or_, shorter, 0)
        rxs = tuple(rx for k, rx in enumerate(rules) if mask >> k & 1)
        automaton.add_word(w, (1 - len(w), rxs, rxs))  # (the rules as compiled, for ASCII text too)
    automaton.make_automaton()
    return automaton


def _old_alternations(rules=None):
    """The compiled alternations with the old automaton (no guards), as _alternation built them."""
    table = event_types.load_resources().event_rules if rules is None else rules
    table = table.iloc[table["weight"].astype(float).rank(method="first", ascending=False).argsort()]
    sensitive = table["case_sensitive"].eq("1")
    new = event_types.compile_event_rules(None if rules is None else rules).alternations
    out = []
    for alt, flag in zip(new, [f for f in (False, True) if (sensitive == f).any()]):
        part = table[sensitive == flag]
        patterns = [event_types._strip_boundary(p.lower() if alt.lowered else p) for p in part["pattern"]]
        regexes = [re.compile(f"(?:{event_types._factored_pattern(p)})(?P<r{i}>)") for i, p in zip(part.index,
                                                                                                   patterns)]
        starts = _old_rule_starts(patterns, regexes, "[a-z0-9]" if alt.lowered else "[A-Za-z0-9]")
        words = sorted(starts.items(), key=lambda item: len(item[0])) if starts is not None else ()
        out.append(alt._replace(starts=starts, words=tuple((w, rs, rs) for w, (_, rs, _) in words)
                                if 0 < len(words) <= event_types._FEW_WORDS else None))
    return out


_OLD_ALTERNATIONS = {}


def _matches_as_before(text, rules=None):
    if id(rules) not in _OLD_ALTERNATIONS:
        _OLD_ALTERNATIONS[id(rules)] = _old_alternations(rules)
    for alt, old in zip(event_types.compile_event_rules(None if rules is None else rules).alternations,
                        _OLD_ALTERNATIONS[id(rules)]):
        t = text.lower() if alt.lowered else text
        new_hits = [(m.lastgroup, m.span()) for m in event_types._matches(alt, t)]
        present = None if alt.needs is None else [w for w in alt.needs if w in t]  # (as find_event_cues)
        assert [(m.lastgroup, m.span()) for m in event_types._matches(alt, t, present)] == new_hits, text[:200]
        assert new_hits == [(m.lastgroup, m.span()) for m in event_types._matches(old, t)], text[:200]
        assert new_hits == [(m.lastgroup, m.span()) for m in alt.pattern.finditer(t)], text[:200]


def _guards(pattern):
    return event_types._alternative_guards(event_types._read_tokens(pattern))


def test_the_rules_of_a_number_of_people_are_tried_behind_one_guard():
    alt = event_types._compiled()[0]
    for word in (" a ", " an ", " 2", " five "):
        (rx,) = alt.starts.get(word)[1]  # one regex for the two rules of "a man was shot", "2 people were killed"
        assert "(?=" in rx.pattern and rx.match("a statement was issued") is None
        assert rx.match("2 people were killed").lastgroup == "r1" and rx.match("a man was shot").lastgroup == "r0"
    assert len(alt.starts.get(" killed ")[1]) > 1  # no guard shared: the rules as they are
    assert event_types._guard_at(" a ", _guards(r"(?:a (?:\w+ ){0,2}men|a(?:n)? ambush)\b")) \
        is None  # an alternative without a guard may match there


def test_guards_of_a_rules_alternatives():
    guards = _guards(r"(?:(?:a|[0-9]+) (?:\w+ ){0,2}(?:men|boys?) (?:were )?shot|kill\w* "
                                             r"(?:\w+ ){0,3}?soldiers in|kill\w* (?:\w+ ){0,3}?soldiers|clashes)\b")
    # the third alternative has nothing after its word, the fourth skips none: no guard, their first words as one
    assert [g for _, _, g in guards] == [r"(?:a|[0-9]+) (?:\w++ ){0,2}(?:men|boys?)", r"kill\w*+ (?:\w++ ){0,3}?soldiers",
                                      None]
    assert {" a "} | {" " + d for d in "0123456789"} <= guards[0][0] and guards[2][0] == {" kill", " clas"}
    assert _guards(r"(?i:a) (?:\w+ ){0,2}men") is None  # not read: no guards
    assert _guards(r"(?:massacres?|kill\w* (?:\w+ ){0,3}?soldiers)\b") is None  # none
    assert event_types._alternative_guards(event_types._read_tokens(r"(?:a (?:\w+ ){0,2}men|clashes)"), {"x"}) is None
    for pattern, text in [(r"(?:(?:a|[0-9]+) (?:\w+ ){0,2}(?:men|boys?) (?:were )?shot)\b", "a few boys were shot"),
                          (r"(?:kill\w* (?:\w+ ){0,3}?soldiers in)\b", "killed three soldiers in")]:
        guard = _guards(pattern)[0][2]
        assert re.match(pattern, text) and re.match(guard, text) and re.match(guard, text).end() < len(text)


_NUMBER_PHRASE = st.tuples(
    st.sampled_from(["a", "an", "2", "12", "2016", "one", "five", "three", "the"]),
    st.lists(st.sampled_from(["local", "syrian", "young", "few", "more", "day", "were", "shot", "men"]), max_size=3),
    st.sampled_from(["men", "man", "women", "civilians", "people", "children", "boys", "soldiers", "hours", "report"]),
    st.sampled_from(["", "were", "was", "have been", "brutally", "had been reportedly"]),
    st.sampled_from(["shot", "killed", "found dead", "attacked", "wounded", "strike", "seen", "."])).map(
        lambda p: " ".join([p[0], *p[1], p[2], p[3], p[4]]))


@given(st.lists(st.one_of(_NUMBER_PHRASE, st.sampled_from(["a", "an", "2", "killed", "two-day", "strikes", "the",
                                                          "army", ",", ".", "civilians", "were"])), max_size=8),
       st.lists(st.sampled_from([" ", " ", " ", "  ", "-", "\xa0", "\xe9", "\n"]), min_size=1, max_size=3))
@settings(max_examples=500, deadline=None)
def test_rules_behind_a_guard_match_as_before(words, seps):
    _matches_as_before("".join(w + seps[k % len(seps)] for k, w in enumerate(words)))


@given(st.lists(st.sampled_from(["a", "an", "two", "12", "civilians", "men", "were", "shot", "killed", "soldiers",
                                 "attacked", "the", "village", "IS", "took", "captured", "ambush", ",", "."]),
                max_size=16), st.sampled_from([" ", "  ", "-"]))
@settings(max_examples=200, deadline=None)
def test_rules_behind_a_guard_match_as_before_in_other_rules(words, sep):
    _matches_as_before(sep.join(words), _RULES)


def test_rules_behind_a_guard_match_as_before_in_real_news(fakes, acled_notes):
    for r in fakes:
        _matches_as_before(r.text)
    for note in acled_notes[::3]:
        _matches_as_before(note)


# ---------------------------------------------------------------------------
# The rules at word starts, and the words a text lacks (alt.word_needs)

# words of the bundled rules' first words (as the automaton holds them, ten characters at most) and of what
# follows them, and names of rules that need their next words
_RULE_WORDS = sorted({w.strip() for w in event_types._compiled()[0].starts.keys()}) + [
    "soldiers", "civilians", "men", "people", "protesters", "students", "positions", "forces", "village", "by",
    "in", "the", "were", "between", "from", "control", "of", "IS", "shell", "on", "at", "dead", "wounded"]


@given(st.lists(st.sampled_from(_RULE_WORDS), max_size=12),
       st.lists(st.sampled_from([" ", " ", " ", "  ", ", ", ". ", "-", "\n", "\xa0", "\xe9", "\x1c"]), min_size=1,
                max_size=3))
@settings(max_examples=600, deadline=None)
def test_the_rules_at_word_starts_match_as_before(words, seps):
    _matches_as_before("".join(w + seps[k % len(seps)] for k, w in enumerate(words)))


@given(st.lists(st.sampled_from(["a", "two", "12", "killed", "soldiers", "civilians", "men", "were", "shot",
                                 "attacked", "village", "clashes", "between", "IS", "took", "town", "air strike",
                                 "warplanes", "ambush", ",", "."]), max_size=14), st.sampled_from([" ", "  ", "-"]))
@settings(max_examples=200, deadline=None)
def test_the_rules_at_word_starts_match_as_before_in_other_rules(words, sep):
    _matches_as_before(sep.join(words), _RULES)


def test_words_whose_rules_need_words_a_text_lacks_are_not_looked_for():
    alt = event_types._compiled()[1]  # the case-sensitive rules: "IS" or "shell" in every match
    assert alt.needs == ("IS", "shell") and len(alt.word_needs) == len(alt.words)
    need = {w: set(n) for (w, _, _), n in zip(alt.words, alt.word_needs)}
    assert need[" shell"] == {"shell"} and need[" IS"] == need[" recaptur"] == {"IS"}
    t = "IS fighters recaptured the town from the army; shelling went on."
    hits = [(m.lastgroup, m.span()) for m in event_types._matches(alt, t)]
    assert hits and [(m.lastgroup, m.span()) for m in event_types._matches(alt, t, ["IS", "shell"])] == hits
    assert event_types._matches(alt, t, ["shell"]) == []  # (told "IS" is not there: its words not looked for)
    t = "The army recaptured the town from the rebels after a shell hit it."
    assert [m.lastgroup for m in event_types._matches(alt, t, ["shell"])] == ["r21"]  # (the rule of "shell")
    # each pattern's needs, one of which every match holds; the alternation's their union
    patterns = [r"IS\b[^.]{0,60}\bseiz", r"shell\b", r"(?:retook|regain)\w* from (?:the )?IS\b"]
    needs, needed = event_types._needs_of(patterns)
    assert needs == event_types._alternation_needs(patterns) == ("IS", "shell")
    assert needed == (frozenset({"IS"}), frozenset({"shell"}), frozenset({"IS"}))
    assert event_types._needs_of([r"\w+", "shell"]) == (None, None)  # (a pattern that needs no word)


_CASED_WORDS = ["IS", "is", "ISIS", "shell", "Shell", "shelling", "recaptured", "retook", "regained", "liberated",
                "retake", "from", "the", "seized", "captured", "town", "army", "fighters", "-", "bombshell", "Liberation"]


@given(st.lists(st.sampled_from(_CASED_WORDS), max_size=14),
       st.lists(st.sampled_from([" ", " ", "  ", ", ", ". ", "-", "\xe9", "\n"]), min_size=1, max_size=3))
@settings(max_examples=500, deadline=None)
def test_the_case_sensitive_rules_match_as_before_with_the_words_they_need(words, seps):
    _matches_as_before("".join(w + seps[k % len(seps)] for k, w in enumerate(words)))


# ---------------------------------------------------------------------------
# In plain ASCII text the rules tried are twins compiled with re.ASCII; the automaton's words added
# most frequent letters first


def _hits(alt, t):
    return [(m.lastgroup, m.span()) for m in event_types._matches(alt, t)]


def test_every_bundled_rule_has_a_twin_for_ascii_text():
    for alt in event_types._compiled():
        for word, (d, rules, plain) in alt.starts.items():
            assert d == 1 - len(word) and len(rules) == len(plain)
            assert all(p.pattern == r.pattern and p.flags & re.ASCII and not r.flags & re.ASCII
                       for r, p in zip(rules, plain))
        assert alt.words is None or all(len(p) == len(r) for _, r, p in alt.words)


def test_no_twin_where_the_rule_could_match_otherwise():
    # ignoring case, "\u017f" (long s) matches "s" under re.UNICODE, not under re.ASCII
    assert re.match(r"(?i:\u017f)hell", "shell") and not re.match(r"(?i:\u017f)hell", "shell", re.ASCII)
    for pattern in [r"(?i:\u017f)hell", r"x(?si:k)", r"(?-i:a)", "caf\xe9", r"\bshell"]:
        rx = re.compile(pattern, re.IGNORECASE if pattern == r"\bshell" else 0)
        assert event_types._ascii_twin(rx) is rx
    rx = re.compile(r"\bshell\s")
    assert event_types._ascii_twin(rx).flags & re.ASCII and event_types._ascii_twin(rx).pattern == rx.pattern


_SEPARATORS = ["\x1c", "\x1d", "\x1e", "\x1f"]


def test_the_four_separators_are_spaces_to_the_rules_as_written():
    alt = event_types._compiled()[0]
    for sep in _SEPARATORS:  # "(?=[.,;:]|\s*$| (?:in|by|…))" after "killed": \s is a separator under re.UNICODE only
        t = "three militants killed" + sep
        assert not plain_ascii(t) and plain_ascii(t[:-1])
        assert _hits(alt, t) == [(m.lastgroup, m.span()) for m in alt.pattern.finditer(t)] == [("r3", (6, 22))]
    assert _hits(alt, "three militants killed") == [("r3", (6, 22))]
    assert [m.lastgroup for m in event_types._matches(alt, "three militants killed!")] == ["r27"]


@given(st.lists(st.sampled_from(["a", "two", "12", "civilians", "men", "were", "shot", "killed", "militants",
                                 "soldiers", "wounded", "army", "took", "captured", "village", "clashes",
                                 "between", "airstrikes", "protesters", "IS", "shelled", "in", "by", "caf\xe9"]),
                max_size=14),
       st.lists(st.sampled_from([" ", " ", "  ", ".", ",", "\n", "\t", "\x0b", "\r", "-", "_"] + _SEPARATORS),
                min_size=1, max_size=4))
@example(["three", "militants", "killed"], [" ", " ", "\t"]).via("\\s before the end")
@example(["soldiers", "were", "killed"], [" ", " ", "\x0b"]).via("\\s before the end")
@example(["militants", "killed"], [" ", "\x1d"]).via("a separator before the end")
@settings(max_examples=500, deadline=None)
def test_rules_in_ascii_text_match_as_the_alternation_does(words, seps):
    text = "".join(w + seps[k % len(seps)] for k, w in enumerate(words))
    for alt in event_types._compiled():
        for t in (text.lower() if alt.lowered else text, text.upper()):
            assert _hits(alt, t) == [(m.lastgroup, m.span()) for m in alt.pattern.finditer(t)]


def test_the_automaton_holds_the_words_it_held_added_in_another_order():
    new, old = event_types._compiled()[0].starts, _old_alternations()[0].starts
    assert sorted(new.keys()) == sorted(old.keys())
    assert list(new.keys()) != list(old.keys())  # (listed in the order of the trie's branches)


# ---------------------------------------------------------------------------
# Actors: a passive's auxiliary looked for only where a word of one is; the noun group read first

_PASSIVE_WORDS = st.sampled_from(
    ["is", "IS", "are", "was", "Were", "been", "being", "got", "get", "GET", "\u017f", "wa\u017f", "\u0131s", "\u0130S",
     "\u212a", "killed", "attacked", "by", "and", "reportedly", "badly", "the", "villagers", "this", "his", "bet",
     "gotten", ",", "ar", "e", "g", "ot", "w", "as", "b", "en"])


def _old_passive(text, start, end):
    return actors._PASSIVE_RX.search(text, start, end) is not None


@given(st.lists(_PASSIVE_WORDS, max_size=12), st.sampled_from([" ", "", "  ", "\n"]), st.integers(0, 20))
@settings(max_examples=600, deadline=None)
def test_a_passive_is_looked_for_where_a_case_blind_search_can_find_it(words, sep, cut):
    text = sep.join(words) + sep
    for start in (0, min(cut, len(text))):
        for end in (len(text), max(start, len(text) - 1)):
            assert actors._passive(text, start, end) == _old_passive(text, start, end), (text, start, end)


def test_a_passive_is_looked_for_as_before_in_real_news(fakes):
    n = 0
    for r in fakes[:300]:
        text = r.text
        for m in re.finditer(r"\b\w+ed\b", text):  # the windows before verbs, as assign_roles reads them
            s = max(0, m.start() - 30)
            assert actors._passive(text, s, m.start()) == _old_passive(text, s, m.start())
            n += 1
    assert n > 5000


def test_every_noun_that_needs_a_country_but_militants_is_a_military_one():
    # generic_actors_in reads ``lastgroup == "military"`` for the old ``_NEED_COUNTRY.fullmatch(word) and
    # lastgroup != "armed_group"``: no noun of another group (but armed men's) fullmatches _NEED_COUNTRY
    for kind, pattern in actors._NOUNS.items():
        if kind in ("military", "armed_group"):
            continue
        words = st.from_regex(re.compile(pattern), fullmatch=True)

        @given(words)
        @settings(max_examples=200, deadline=None)
        def check(word):
            assert not actors._NEED_COUNTRY.fullmatch(word), (kind, word)
        check()
    for word in ("forces", "jets", "air strikes", "warplanes", "war plane", "shelling", "drones"):
        m = actors._NOUN_RX.fullmatch(word)
        assert m.lastgroup == "military" and actors._NEED_COUNTRY.fullmatch(word)


_NOUN_TEXT = st.sampled_from(
    ["police", "police forces", "riot police", "forces", "government forces", "security forces", "Kenyan", "Syrian",
     "jets", "air strikes", "airstrikes", "drones", "shelling", "aircraft", "militants", "militant", "gunmen",
     "civilians", "people", "protesters", "mobs", "the", "army", "state", "regime", "rebel forces", "Russian",
     "believed to be", ",", ".", "on", "by", "and", "helicopters", "artillery", "opposition forces"])


@given(st.lists(_NOUN_TEXT, max_size=16), st.sampled_from(["", "KE", "SY"]))
@settings(max_examples=400, deadline=None)
def test_nouns_that_need_a_country_as_before(words, country):
    text = " ".join(words)
    assert actors.find_generic_actors(text, 0, None, country) == _old_find_generic_actors(text, 0, None, country)


_EVENT_MENTIONS = st.lists(st.builds(
    lambda start, length, kind, actor: actors.ActorMention(start, start + length, "x", kind, "",
                                                           actor if kind == "named" else ""),
    st.integers(0, 40), st.integers(1, 12),
    st.sampled_from(["military", "police", "civilians", "named", "armed_group", "protesters", "rioters"]),
    st.sampled_from(["Government of Syria", "Taliban", "Military Forces of Syria"])), max_size=5)


@given(st.lists(st.sampled_from(["gunmen", "and", "by", "were", "attacked", "between", "rioted", "police", ",",
                                 "villagers", "the", "protested", "burned"]), min_size=4, max_size=12),
       _EVENT_MENTIONS, st.integers(0, 40), st.integers(0, 12),
       st.sampled_from(["Battles", "Protests", "Riots", "Violence against civilians", "Strategic developments"]),
       st.sampled_from(["Attack", "Mob violence", "Peaceful protest", "Violent demonstration", "Armed clash"]))
@settings(max_examples=500, deadline=None)
def test_event_actors_as_before(words, mentions, cue_start, cue_length, event_type, sub):
    # the crowd and the end of a mention that starts the cue read by loops; forces_of read on named mentions only
    text = " ".join(words)
    cue = actors.ActorMention(cue_start, cue_start + cue_length, "", "")
    # a mention that starts the cue and ends inside it, or at its end
    mentions = mentions + [actors.ActorMention(cue_start, cue_start + max(0, cue_length - 1), "x", "military"),
                           actors.ActorMention(cue_start, cue_start + cue_length, "x", "rioters")][:len(words) % 3]
    for sentence in ((0, len(text)), (3, len(text) // 2)):
        new = actors.event_actors(text, cue, sentence, mentions, event_type, sub, "SY", 2016)
        old = _old_event_actors(text, cue, sentence, mentions, event_type, sub, "SY", 2016)
        assert new == old
