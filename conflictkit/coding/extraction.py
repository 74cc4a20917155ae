"""Extraction: what a report names, before anything is attributed.

The first stage of the coder (see :mod:`conflictkit.coding.coder`):
:func:`extract` finds, in the content segments of a report (title,
standfirst, body), the casualty claims, the dictionary terms (actors, places,
named sources), the date phrases and the generic source phrases.
"""

import bisect
import re
from typing import NamedTuple

from .casualties import find_claims
from .conventions import remark_claim
from .dates import find_dates, report_anchor
from .sources import find_generic_sources

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
    headlines = [(a, b) for a, b in spans if any(s <= a < e for s, e in titles)]
    anchor, note = report_anchor(text, report.segments, report.published)
    return Extraction(
        segments=segments,
        terms=resolve_terms(text, segments, lexicon),
        dates=[d for s, e in segments for d in find_dates(text, anchor, s, e, spans)],
        generic_sources=[g for s, e in segments for g in find_generic_sources(text, s, e)],
        claims=_with_remark((grammar.find_claims if grammar is not None else find_claims)(text, spans, headlines),
                            text, spans),
        anchor=anchor,
        date_note=note,
    )


def _with_remark(claims, text, spans):
    """The claims and, in text order, a note's coding remark ("Unknown
    fatalities coded as 10") as a ``convention`` claim."""
    remark = remark_claim(text, spans)
    return claims if remark is None else sorted(claims + [remark], key=lambda c: (c.start, c.end))


def _actor_context(report_terms, lex):
    """(countries, sides) a report names: its places' countries, and the sides and countries of
    its actors that need no context."""
    countries = {lex.place_row(t.entry)["country"] for t in report_terms["place"]}
    sides = set()
    actors = lex.rows["actor"]
    for t in report_terms["actor"]:
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
    actors = lex.rows["actor"]
    first = [t for k, t in enumerate(terms["actor"]) if not k or terms["actor"][k - 1][:2] != t[:2]]
    countries, sides = _actor_context(dict(terms, actor=first), lex)
    kept = [t for t in terms["actor"]
            if (not (needs := actors[t.entry]["needs_context"]) or needs in countries or needs in sides)
            and not _MODIFIER_AFTER.match(text, t.end)]
    terms["actor"] = [t for k, t in enumerate(kept) if not k or kept[k - 1][:2] != t[:2]]  # of two rows, the first
    actor_spans, source_spans = (_starts_and_ends(terms[kind]) for kind in ("actor", "source"))
    terms["place"] = [
        t for t in terms["place"]
        if not _overlaps(actor_spans, t.start, t.end) and not _overlaps(source_spans, t.start, t.end)
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
