"""Extraction: what a report names, before anything is attributed.

The first stage of the coder (see :mod:`conflictkit.coding.coder`):
:func:`extract` finds, in the content segments of a report (title,
standfirst, body), the casualty claims, the dictionary terms (actors, places,
named sources), the date phrases and the generic source phrases.
"""

import bisect
import re
from bisect import bisect_left
from typing import NamedTuple

import ahocorasick

from . import dates as _dates, sources as _sources
from ._scan import spaced
from .casualties import find_claims
from .conventions import remark_claim
from .dates import report_anchor

__all__ = ["Extraction", "extract", "resolve_terms"]


class Extraction(NamedTuple):
    """What :func:`extract` found in one report.

    ``segments`` are the (start, end) content segments coded; ``terms`` the
    dictionary hits by kind (``{"actor": [Term], "place": [...], "source":
    [...]}``); ``dates`` the :class:`~conflictkit.coding.dates.DateMention`
    list; ``generic_sources`` the generic source phrases ("a war monitor");
    ``claims`` the casualty :class:`~conflictkit.coding.casualties.Claim` list
    (not yet reconciled); ``anchor`` the date relative dates count from (the
    dateline printed in the text, else the publication date) and
    ``date_note`` the disagreement of the two, if any
    (:func:`~conflictkit.coding.dates.report_anchor`).
    """

    segments: list
    terms: dict
    dates: list
    generic_sources: list
    claims: list
    anchor: object = None
    date_note: str = ""


def extract(report, lexicon, grammar=None):
    """Claims, terms, dates and generic sources of a report's content.

    ``lexicon`` finds the terms, ``grammar`` (a compiled
    :class:`~conflictkit.coding.casualties.CasualtyGrammar`; default the
    bundled one) the claims.

    Examples
    --------
    >>> import conflictkit as ck
    >>> r = ck.report_from_text("Two soldiers were killed in Homs on Monday.", published="2020-03-04")
    >>> found = extract(r, ck.coding.default_lexicon())
    >>> [c.count.best for c in found.claims], [t.text for t in found.terms["place"]], found.dates[0].text
    ([2], ['Homs'], 'on Monday')
    """
    text, spans = report.text, list(report.sentences)
    segments = [(s, e) for s, e, k in report.segments if k in ("title", "standfirst", "body")]
    titles = [(s, e) for s, e, k in report.segments if k == "title"]
    headlines = _headlines(spans, titles)
    anchor, note = report_anchor(text, report.segments, report.published)
    terms = resolve_terms(text, segments, lexicon)
    dates, generic_sources = [], []
    for s, e in segments:  # find_dates and find_generic_sources of each segment, from one scan of its words
        chunk = text[s:e]
        firsts, starts, verbs = _first_words(chunk)
        dates += _dates._dates_of(text, anchor, s, _dates._candidates(text, s, e, firsts), spans)
        generic_sources += _sources._generic_sources(chunk, s, starts, verbs)
    return Extraction(
        segments=segments,
        terms=terms,
        dates=dates,
        generic_sources=generic_sources,
        claims=_with_remark((grammar.find_claims if grammar is not None else find_claims)(text, spans, headlines),
                            text, spans),
        anchor=anchor,
        date_note=note,
    )


_DATE = -1  # (a kind of hit beside those of sources: _WORD, _ARTICLE, _VERB)


def _first_words_automaton():
    """One automaton of the words the dates of a segment are found from (``dates._TRIGGER_STARTS``:
    months, weekdays …) and of those its source phrases are (``sources._FIRST_WORDS``: their
    first words and the verbs of saying), written as :func:`~conflictkit.coding.dates.spaced_lower`
    writes a text: lower-cased.  A hit's value is (the key's length, its kind, and for a word of
    sources, the words as sources looks for them: "the" and "The", not "THE")."""
    keys = {spaced(w): (len(w) + 1, _DATE, None) for w in _dates._TRIGGER_WORDS}
    for word, (length, kind) in _sources._FIRST_WORDS.items():
        key = word.lower()
        if key in keys and keys[key][1] != kind:
            raise ValueError(f"{key!r} is a first word of dates and of sources")
        keys[key] = (length, kind, (keys[key][2] if key in keys else ()) + (word[1:].rstrip(" "),))
    automaton = ahocorasick.Automaton()
    for key, value in keys.items():
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton


_FIRST_WORDS = _first_words_automaton()
_SPACES = _sources._SPACES


def _first_words(chunk):
    """``(dates._trigger_word_starts(chunk), *sources._first_words_and_verbs(chunk))`` from one scan
    of ``chunk`` instead of two (~0.01 ms a report): the offsets where a trigger word of dates
    starts a word, sorted; and where a first word of a source phrase does (an article followed by
    whitespace) and a verb of saying, in the case sources looks for them (a scan of the lower-cased
    text finds them in any case: ``str.startswith`` keeps those)."""
    firsts, starts, verbs = [], [], []
    for last, (length, kind, forms) in _FIRST_WORDS.iter(_dates.spaced_lower(chunk)):
        s = last + 1 - length  # (the key's space is at s of the spaced text: the word at s of the chunk)
        if kind == _DATE:
            firsts.append(s)
        elif chunk.startswith(forms, s):
            if kind == _sources._VERB:
                verbs.append(s)
            elif kind == _sources._WORD or chunk[last - 1] in _SPACES:  # (an article: whitespace after it)
                starts.append(s)
    firsts = sorted(set(firsts))
    if not chunk.isascii():  # a hit after a letter outside ASCII is inside a word
        firsts, starts, verbs = ([s for s in found if not (s and (chunk[s - 1].isalnum() or chunk[s - 1] == "_"))]
                                 for found in (firsts, starts, verbs))
    return firsts, starts, verbs


def _headlines(spans, titles):
    """The sentence spans that start in a title segment.  (Most reports of a corpus with no titles, as
    FA-KES: none, and no test of each sentence against none: ~3 us a report.)"""
    return [(a, b) for a, b in spans if any(s <= a < e for s, e in titles)] if titles else []


def _with_remark(claims, text, spans):
    """The claims and, in text order, a note's coding remark ("Unknown
    fatalities coded as 10") as a ``convention`` claim."""
    remark = remark_claim(text, spans)
    return claims if remark is None else sorted(claims + [remark], key=lambda c: (c.start, c.end))


def _actor_context(places, actor_terms, lex):
    """(countries, sides) a report names: the countries of its ``places``, and the sides and countries
    of those of its ``actor_terms`` that need no context."""
    countries = {lex.place_row(t.entry)["country"] for t in places}
    sides = set()
    actors = lex.rows["actor"]
    for t in actor_terms:
        row = actors[t.entry]
        if not row["needs_context"]:
            sides.add(row["side"])
            countries.add(row["country"])
    return countries, sides


# After an actor's name, words that make it a modifier of another actor ("al-Qaeda-linked
# al-Nusra Front", "Al-Qaeda affiliate Fateh al-Sham", "al Qaeda offshoot the Nusra Front",
# "IS-inspired gunmen"): the name is no actor there.  Not "-allied": an "LNA-allied
# battalion" fights on the LNA's side, and ACLED may code it so.
_MODIFIER_AFTER = re.compile(r"(?:-|\s)(?:linked|affiliated|inspired|style|related)\b|(?:'s|\u2019s)?\s+(?:\w+\s+)?"
                             r"(?:affiliates?|offshoots?|franchises?|branch|splinter group)\b", re.I)


def resolve_terms(text, segments, lex):
    """The dictionary terms of the segments, by kind, once context has spoken.

    An actor that needs context (a country or side) is kept only when the
    report names it; of an alias's rows ("SNA": the Somali National Army in
    a report about Somalia, else the Syrian National Army) the first kept; a
    name before "-linked", "affiliate" … is no actor ("al-Qaeda-linked
    al-Nusra Front", "al-Qaeda's Syrian affiliate").  A place inside an actor or source name ("Aleppo Media
    Center") or before "-based" is not a place.
    """
    terms = {"actor": [], "place": [], "source": []}
    for s, e in segments:
        found = lex.find(text, s, e, alternatives=True)
        for k in terms:
            terms[k].extend(found[k])
    actors, found = lex.rows["actor"], terms["actor"]
    first = [t for k, t in enumerate(found) if not k or found[k - 1][:2] != t[:2]]
    countries, sides = _actor_context(terms["place"], first, lex)
    kept = [t for t in found
            if (not (needs := actors[t.entry]["needs_context"]) or needs in countries or needs in sides)
            and not _MODIFIER_AFTER.match(text, t.end)]
    terms["actor"] = [t for k, t in enumerate(kept) if not k or kept[k - 1][:2] != t[:2]]  # of two rows, the first
    (actor_starts, actor_ends), (source_starts, source_ends) = (_starts_and_ends(terms[kind])
                                                                for kind in ("actor", "source"))
    # (_overlaps written out: a call for each place and kind cost as much as the test)
    terms["place"] = [
        t for t in terms["place"]
        if not ((i := bisect_left(actor_starts, t.end)) and actor_ends[i - 1] > t.start)
        and not ((i := bisect_left(source_starts, t.end)) and source_ends[i - 1] > t.start)
        and not text.startswith("-based", t.end)
    ]
    return terms


def _starts_and_ends(terms):
    """The starts and the ends of the spans of ``terms`` (which do not overlap), in order."""
    spans = sorted((t.start, t.end) for t in terms)
    return [s for s, _ in spans], [e for _, e in spans]


def _overlaps(spans, start, end):
    """Does any of the non-overlapping spans (their sorted starts and ends,
    :func:`_starts_and_ends`) overlap [start, end)?  Only the last span
    starting before ``end`` can."""
    starts, ends = spans
    i = bisect.bisect_left(starts, end)  # (of ints: quicker than of (start, end) pairs)
    return i > 0 and ends[i - 1] > start
