"""Attributing claims: the place, date and source of each casualty claim.

The second stage of the coder (see :mod:`conflictkit.coding.coder`).  One
:class:`ReportContext` per report indexes the terms, dates and source
mentions that the extraction stage found by sentence and paragraph; its
methods answer, for a sentence, where (:meth:`ReportContext.place_for`),
when (:meth:`ReportContext.date_for`) and who says so
(:meth:`ReportContext.source_for`).  :func:`attribute_claims` asks them for
every claim.
"""

import bisect
import operator
import re
from dataclasses import dataclass
from typing import NamedTuple

from ..codebook import PlacePrecision, VictimCategory
from .places import read_places
from .sources import RELAY_KINDS, SourceMention

__all__ = ["ReportContext", "report_context", "Attribution", "attribute_claims", "victim_category",
           "PRECISION_RANK"]

#: Place precisions from the most to the least specific.
PRECISION_RANK = {p.value: rank for rank, p in enumerate(PlacePrecision)}


class Attribution(NamedTuple):
    """What a claim is attributed to: where, when, who says so, who the victims are.

    ``place`` is a place-info dict (see :func:`report_context`) or None and
    ``place_sentence`` the sentence it was found in; ``date`` a
    :class:`~conflictkit.coding.dates.DateMention` or None; ``source`` and
    ``relay`` canonical source names ("" when none); ``victim_actor`` the
    actor-dictionary row of the victims or None; ``victim_category``
    civilian, combatant or unknown.
    """

    place: dict
    place_sentence: int
    date: object
    source: str
    relay: str
    victim_actor: dict
    victim_category: str


@dataclass(frozen=True)
class ReportContext:
    """One report's terms, dates and sources, indexed by sentence.

    Build it with :func:`report_context`.  ``spans``/``starts`` are the
    sentence spans and their starts, ``para_of`` the paragraph (content
    segment) of each sentence, ``sent_place`` the most specific place of each
    sentence, ``actors_in``/``dates_in``/``sources_in`` the actor terms, date
    mentions and source mentions of each sentence, ``place_infos`` the
    place-info dict of each place term
    (:func:`~conflictkit.coding.places.read_places`; the terms that name no
    place, a TV channel or a person, are left out of ``terms``); ``anchor``
    the date relative dates count from (the dateline printed in the text,
    else the publication date), ``date_note`` the disagreement of the two and
    ``first_places`` (the first sentence with a place, the first with a place
    not a country; -1 when none: :meth:`place_for` falls back on them).
    """

    report: object
    lexicon: object
    terms: dict
    dates: list
    sources: list
    spans: list
    starts: list
    para_of: list
    place_infos: dict
    sent_place: dict
    actors_in: dict
    dates_in: dict
    sources_in: dict
    anchor: object = None
    date_note: str = ""
    first_places: tuple = (-1, -1)

    @property
    def text(self):
        return self.report.text

    def sentence_of(self, pos):
        """The index of the sentence holding offset ``pos``, or -1."""
        i = bisect.bisect_right(self.starts, pos) - 1  # inline: called for every claim, cue and annotation
        return i if i >= 0 and pos < self.spans[i][1] else -1

    def place_for(self, i):
        """(place info, sentence it is from) for sentence ``i``: its own, else
        one of the three before it, else the first one named before it."""
        sent_place = self.sent_place
        for j in range(i, max(-1, i - 4), -1):
            p = sent_place.get(j)
            if p is not None and p["kind"] != "country":
                return p, j
        first, first_town = self.first_places
        if 0 <= first_town < i:  # (the first one named before it: the first of the report, or none)
            return sent_place[first_town], first_town
        return sent_place.get(i) or (sent_place[first] if first >= 0 else None), i

    def date_for(self, i, span=None):
        """The event date of sentence ``i``: its own (the one nearest ``span``
        = (start, end) of what it dates when given: "a million displaced in
        2019 … a ceasefire in March" is March for the ceasefire), else one in
        the sentences back to the one its place came from (and the one
        before that)."""
        place, j = self.place_for(i)
        return self._date_for(i, span, place, j)

    def _date_for(self, i, span, place, j):
        """:meth:`date_for` of sentence ``i`` whose place (``place``, from sentence ``j``) is
        :meth:`place_for`'s."""
        para_of = self.para_of
        if place is None or not place.get("sure", True):
            j = i  # a place the report is not sure of (a town name alone) does not reach back for a date
        elif place.get("village"):
            j = self._story_start(j, place)
        lowest = min(i - 1, j - 1) if para_of[i - 1 if i else 0] == para_of[i] or j < i else i
        for k in range(i, max(-1, lowest - 1), -1):
            ev = [d for d in self.dates_in.get(k, []) if d.role == "event"]
            if ev:
                return ev[0] if k != i or span is None else min(ev, key=lambda d: _distance(d, span))
        return None

    def _story_start(self, j, place):
        """The earliest of the three sentences before ``j`` in its paragraph
        whose place is sure and in the same admin1 unit as ``place`` (a story
        going on there: "On 2 December, clashes in Rasm Ward in Idleb. …
        Clashes in Istablat and Suruj killed 15"), else ``j``.  Asked for a
        village's sentence: a village, rarely named alone, goes on a story
        told of its unit."""
        para_of, sent_place = self.para_of, self.sent_place
        for k in range(max(0, j - 3), j):
            p = sent_place.get(k)
            if p is not None and para_of[k] == para_of[j] and p.get("sure", True) and p["admin1"] and \
                    p["admin1"] == place["admin1"]:
                return k
        return j

    def date_near(self, i, span):
        """The event date of sentence ``i`` nearest ``span`` = (start, end), or
        None when the sentence has none (no looking back)."""
        ev = [d for d in self.dates_in.get(i, []) if d.role == "event"]
        return min(ev, key=lambda d: _distance(d, span)) if ev else None

    def paragraph_date(self, i):
        """The first event date of the sentences before ``i`` in its paragraph
        ("On 11/03 militias erected a road-block … The fighting lasted an
        hour … Two men were killed": the deaths are of 11/03), or None."""
        para = self.para_of[i]
        for k in range(i - 1, -1, -1):
            if self.para_of[k] != para:
                break
        else:
            k = -1
        return next((d for j in range(k + 1, i) for d in self.dates_in.get(j, ()) if d.role == "event"), None)

    def source_for(self, i):
        """(originator, relay) for sentence ``i``: its own, else one of the two
        sentences before it in the same paragraph."""
        para_of = self.para_of
        for j in range(i, max(-1, i - 3), -1):
            if para_of[j] != para_of[i]:
                break
            if j in self.sources_in:
                mentions = self.sources_in[j]
                orig = next((m.source for m in mentions if m.role == "originator"), "")
                relay = next((m.source for m in mentions if m.role == "relay"), "")
                if orig or relay:
                    return orig or relay, relay if orig else ""
        return "", ""

    def victim_actor(self, claim):
        """The actor-dictionary row named inside the claim's victim phrase, or None."""
        if claim.victim_start < 0:
            return None
        hit = next((t for t in self.terms["actor"]
                    if claim.victim_start <= t.start and t.end <= claim.victim_end), None)
        return self.lexicon.rows["actor"][hit.entry] if hit is not None else None


def _distance(d, span):
    """Characters between a date and a span; a date after the span counts
    from the span's end, one before it a little more (a date usually
    follows what it dates: "killed in March")."""
    return d.start - span[1] if d.start >= span[1] else span[0] - d.end + 1


def _by_sentence(items, starts, spans, keep_outside=True):
    out = {}
    for x in items:
        i = bisect.bisect_right(starts, x.start) - 1  # ReportContext.sentence_of, inline: once per item
        if i < 0 or x.start >= spans[i][1]:
            i = -1
        if i >= 0 or keep_outside:
            out.setdefault(i, []).append(x)
    return out


def _paragraph_of(segments, starts):
    """The index of the first of the (start, end) ``segments`` that holds
    each of ``starts``, -1 if none."""
    if all(a < b <= c for (a, b), (c, _) in zip(segments, segments[1:])):
        # sorted and apart (as a report's segments are): the one starting last before it, by bisection
        firsts = [a for a, _ in segments]
        out = []
        for s in starts:
            k = bisect.bisect_right(firsts, s) - 1
            out.append(k if k >= 0 and s < segments[k][1] else -1)
        return out
    return [next((k for k, (a, b) in enumerate(segments) if a <= s < b), -1) for s in starts]


def report_context(report, extraction, lexicon):
    """The :class:`ReportContext` of a report from what extraction found.

    Parameters
    ----------
    report : Report
    extraction : Extraction
        What :func:`~conflictkit.coding.extraction.extract` found: the
        content ``segments``, ``terms`` by kind, ``dates`` and
        ``generic_sources``.
    lexicon : Lexicon
    """
    terms, dates, segments = extraction.terms, extraction.dates, extraction.segments
    text, spans = report.text, list(report.sentences)
    starts = [s for s, _ in spans]
    sources = _resolve_sources(terms["source"], extraction.generic_sources, lexicon)
    actors = lexicon.rows["actor"]
    place_infos = read_places(text, terms["place"], lexicon,
                              [actors[t.entry]["country"] for t in terms["actor"] if actors[t.entry]["country"]])
    # not a TV channel, not a person; and names spelt otherwise than the gazetteer spells them
    terms = dict(terms, place=sorted(place_infos, key=lambda t: t.start))
    sent_place = _sentence_places(spans, terms["place"], place_infos, starts)
    in_order = sorted(sent_place)
    first_places = (in_order[0] if in_order else -1,
                    next((j for j in in_order if sent_place[j]["kind"] != "country"), -1))
    return ReportContext(
        report=report, lexicon=lexicon, terms=terms, dates=dates, sources=sources, spans=spans,
        starts=starts,
        para_of=_paragraph_of(segments, starts),
        place_infos=place_infos, sent_place=sent_place,
        actors_in=_by_sentence(terms["actor"], starts, spans),
        dates_in=_by_sentence(dates, starts, spans),
        sources_in=_by_sentence(sorted(sources, key=lambda m: m.start), starts, spans, keep_outside=False),
        anchor=extraction.anchor if extraction.anchor is not None else report.published,
        date_note=extraction.date_note,
        first_places=first_places,
    )


def attribute_claims(claims, ctx):
    """The :class:`Attribution` of each claim (same order).

    Examples
    --------
    >>> import conflictkit as ck
    >>> from conflictkit.coding.extraction import extract
    >>> r = ck.report_from_text("Clashes in Saraqeb on Monday killed 5 fighters, the SOHR said.",
    ...                         published="2020-03-04")
    >>> found = extract(r, ck.coding.default_lexicon())
    >>> a = attribute_claims(found.claims, report_context(r, found, ck.coding.default_lexicon()))[0]
    >>> a.place["place"], str(a.date.date_start), a.source, a.victim_category
    ('Saraqib', '2020-03-02', 'Syrian Observatory for Human Rights', 'combatant')
    """
    out = []
    # the place and source of each sentence once (claims share sentences: 3,957 claims of FA-KES
    # are in 2,906), and the victims' actor by bisection of the actor terms' starts
    places, sources = {}, {}
    actors = ctx.terms["actor"]
    starts = [t.start for t in actors]
    in_order = all(map(operator.le, starts, starts[1:]))
    actor_rows = ctx.lexicon.rows["actor"]
    for c in claims:
        i = c.sentence
        found = places.get(i)
        if found is None:
            found = places[i] = ctx.place_for(i)
        place, j = found
        date = ctx._date_for(i, (c.start, c.end), place, j)  # (date_for, its place found once)
        if place is not None and place.get("village") and place.get("sure", True):
            j = ctx._story_start(j, place)  # the sentence the story there begins in: its actors, its date
        if not in_order:
            actor = ctx.victim_actor(c)
        elif c.victim_start < 0:
            actor = None
        else:
            hit = _actor_within(actors, starts, c.victim_start, c.victim_end)
            actor = actor_rows[hit.entry] if hit is not None else None
        source = sources.get(i)
        if source is None:
            source = sources[i] = ctx.source_for(i)
        out.append(Attribution(place, j, date, source[0], source[1], actor,
                               victim_category(actor["actor_type"] if actor else "", c.victim)))
    return out


def _actor_within(actors, starts, start, end):
    """The first of the ``actors`` terms (in order of their ``starts``) that lies inside
    [``start``, ``end``): :meth:`ReportContext.victim_actor`'s term, from the first starting at
    ``start`` or after (by bisection) to the last starting at ``end`` at the latest."""
    k, n = bisect.bisect_left(starts, start), len(starts)
    while k < n and starts[k] <= end:
        if actors[k].end <= end:
            return actors[k]
        k += 1
    return None


def victim_category(actor_type, victim):
    """civilian, combatant or unknown, from the victims' actor type and phrase.

    A phrase naming both ("50 militants and eight civilians") is unknown: a
    figure of either kind may be part of it.

    >>> victim_category("", "three children"), victim_category("Rebel group", "5"), victim_category("", "2 men")
    ('civilian', 'combatant', 'unknown')
    >>> victim_category("Rebel group", "50 militants and eight civilians")
    'unknown'
    """
    v = victim.lower()
    civilian, combatant = _CIVILIAN_WORDS.search(v) is not None, _COMBATANT_WORDS.search(v) is not None
    if civilian and combatant:
        return _UNKNOWN
    if civilian or actor_type == "Civilians":
        return _CIVILIAN
    if actor_type or combatant:
        return _COMBATANT
    return _UNKNOWN


# (read once: an enum member's value is a slow attribute to read, for every claim)
_UNKNOWN, _CIVILIAN, _COMBATANT = (VictimCategory.UNKNOWN.value, VictimCategory.CIVILIAN.value,
                                   VictimCategory.COMBATANT.value)


_CIVILIAN_WORDS = re.compile("civilian|children|women|resident|villager|student|worker")
_COMBATANT_WORDS = re.compile("fighter|soldier|troop|forces|militant|jihadist|rebel|insurgent|combatant|officer|general|"
                              "commander|militiam|gunm|personnel|members of")


def _sentence_places(sentence_spans, place_terms, infos, starts=None):
    """The most specific place of each sentence (or None); ``starts``: the sentences' starts."""
    starts = [s for s, _ in sentence_spans] if starts is None else starts
    by_sent = {}
    for t in place_terms:
        i = bisect.bisect_right(starts, t.start) - 1
        if i < 0 or t.start >= sentence_spans[i][1]:
            continue
        by_sent.setdefault(i, []).append(infos[t])
    best = {}
    for i, infos in by_sent.items():
        # the most precise place, a town before a village (a village may be a namesake of an unknown one)
        # a copy: the reading stays as read (of one reading, no ranking)
        p = dict(infos[0] if len(infos) == 1 else min(infos, key=_specificity))
        if not p["admin1"]:
            # a region with no governorate takes the governorate named in the sentence
            g = next((g for g in infos if g["admin1"]), None)
            if g is not None:
                p.update(admin1=g["admin1"], admin1_name=g["admin1_name"])
        best[i] = p
    return best


def _specificity(p):
    return PRECISION_RANK[p["precision"]], p.get("village", False), p["start"]


def _resolve_sources(source_terms, generic, lex):
    """Named source mentions, then the generic ones not inside a named one
    (a lone "monitor" is the one monitor the report names)."""
    table = lex.rows["source"]
    named = [SourceMention(t.start, t.end, t.text, table[t.entry]["source"], table[t.entry]["kind"],
                           "relay" if table[t.entry]["kind"] in RELAY_KINDS else "originator")
             for t in source_terms]
    monitors = {m.source for m in named if m.kind == "monitor"}
    resolved = []
    for g in generic:
        if any(n.start <= g.start < n.end or g.start <= n.start < g.end for n in named):
            continue
        if g.kind == "monitor" and len(monitors) == 1:
            g = SourceMention(g.start, g.end, g.text, next(iter(monitors)), "monitor", "originator")
        resolved.append(g)
    return named + resolved
