"""Event detection: events from what a report says happened, with or without casualties.

A protest, a riot, an arrest, a base taken over or a clash with no deaths
has no casualty claim to hang an event on.  This stage finds the sentences
that report an event from their event cues
(:func:`~conflictkit.coding.event_types.event_sentences`: "protested",
"clashes between", "arrested", "seized control of", with offsets), keeps
those that no casualty event already covers (one event per paragraph), and
types each event from its paragraph, in ACLED's six types only.  It also
names the actors of every event (:func:`event_actors`), claim-based or not.
"""

import bisect
from typing import NamedTuple

from .actors import (
    EventActors, acled_actor_name, dictionary_mention, event_actors as _event_actors, generic_actors_in,
    is_state_force, merge_mentions,
)
from ._scan import lower_same_length
from .event_types import TRIGGER_WEIGHT, find_event_cues, reported_triggers, score_cues, tells_fighting
from .sources import is_speaker

__all__ = ["CueEvent", "EventParts", "report_cues", "find_cue_events", "event_actors", "event_cue",
           "describe_event", "describe_cue_event", "ACLED_TYPES", "NOT_EVENTS"]

#: ACLED's six event types: an event found from cues alone is one of them.
ACLED_TYPES = ("Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians",
               "Strategic developments")

_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")

#: Sub-types outside ACLED's that tell of no ACLED event: cues that say more of
#: these than of any ACLED type make no event (without casualties).  Not
#: organized crime: an arrest on charges of smuggling is one of ACLED's.
NOT_EVENTS = ("Natural disaster", "Man-made disaster", "Diplomatic event")


class CueEvent(NamedTuple):
    """An event found from its cues: the sentence that reports it, its
    trigger cues (:class:`~conflictkit.coding.event_types.EventCue`) and its
    type and sub-type."""

    sentence: int
    cues: list
    event_type: str
    sub_event_type: str


def report_cues(ctx, rules=None):
    """The event cues of a report's sentences: ``{sentence index: [EventCue]}``
    (found in one pass over the report; ``rules``: the compiled event rules,
    :func:`~conflictkit.coding.event_types.compile_event_rules`, default the bundled ones)."""
    out = {}
    if not ctx.spans:
        return out
    starts, spans = ctx.starts, ctx.spans
    for c in find_event_cues(ctx.text, spans[0][0], spans[-1][1], rules):
        i = bisect.bisect_right(starts, c.start) - 1  # ctx.sentence_of, inline (once per cue)
        if i >= 0 and c.start < spans[i][1]:  # not in a caption or link between paragraphs
            out.setdefault(i, []).append(c)
    return out


def find_cue_events(ctx, cues, covered=None):
    """The events a report tells of beyond those ``covered``.

    ``covered`` maps the sentences of the events already coded (from
    casualty claims) to their event types.  At most one event per paragraph,
    at the first sentence that reports one; in a paragraph with a casualty
    event, only a sentence of another event type, typed alone ("Police
    dispersed protesters. Gunmen killed three farmers.").  None where the
    cues tell of no fighting (:func:`~conflictkit.coding.event_types.tells_fighting`)
    and say more of something outside ACLED's types than of any of them
    (:data:`NOT_EVENTS`: "a tank at the plant exploded" in a factory
    accident, "new sanctions over missile launches").

    Parameters
    ----------
    ctx : ReportContext
    cues : dict
        The report's cues by sentence (:func:`report_cues`).
    covered : dict, optional
        ``{sentence index: event type}``.

    Returns
    -------
    list of CueEvent
    """
    spans, covered = ctx.spans, covered or {}
    if not spans:
        return []
    para_types = {}
    for i, event_type in covered.items():
        para_types.setdefault(ctx.para_of[i], set()).add(event_type)
    out, done = [], set()
    for i in sorted(cues):
        para = ctx.para_of[i]
        if para in done or i in covered:
            continue
        # the sentences that report an event (event_sentences), read only where one may be coded:
        # most trigger sentences tell of casualties, and are covered
        reported = reported_triggers(ctx.text, spans[i], cues[i])
        if not reported:
            continue
        told = [c for k in ([i] if para in para_types else [k for k in cues if ctx.para_of[k] == para])
                for c in cues[k]]
        event_type, sub, score = score_cues(told, (None, None), ACLED_TYPES)
        if _no_event(told, score):
            continue
        if event_type is None:
            event_type, sub = reported[0].event_type, reported[0].sub_event_type
        if event_type in para_types.get(para, ()):
            continue
        done.add(para)
        out.append(CueEvent(i, reported, event_type, sub))
        out.extend(_dated_apart(ctx, i, cues[i], event_type, sub))
    return out


def _no_event(cues, score):
    """Do ``cues`` tell of no fighting and say more of a disaster or diplomacy
    (:data:`NOT_EVENTS`) than the ``score`` of the best ACLED type?"""
    others = [c for c in cues if c.sub_event_type in NOT_EVENTS]
    return bool(others) and score_cues(others, (None, None))[2] > score and not tells_fighting(cues)


def _dated_apart(ctx, i, cues, event_type, sub_event_type):
    """Events of other types told in sentence ``i`` with dates of their own:
    "Clashes took place on Monday night, one day after Russia launched air
    strikes" tells of the clashes (``event_type``) and of the air strikes of
    the day before."""
    main = event_cue({i: cues}, [i], sub_event_type)
    main_date = ctx.date_near(i, (main.start, main.end)) if main is not None else None
    out, seen = [], {event_type}
    for c in cues:
        # (c.trigger, without a property call)
        if not (c.weight >= TRIGGER_WEIGHT and c.event_type in ACLED_TYPES) or c.event_type in seen:
            continue
        d = ctx.date_near(i, (c.start, c.end))
        if d is not None and main_date is not None and (d.date_start, d.partial) != (main_date.date_start,
                                                                         main_date.partial):
            seen.add(c.event_type)
            out.append(CueEvent(i, [c], c.event_type, c.sub_event_type))
    return out


def event_cue(cues, sentences, sub_event_type):
    """The cue of an event told in ``sentences`` (``cues`` by sentence): the strongest (first of
    the strongest) of its sub-type, else of the triggers, else of all cues;
    None when there is none.  Where that is who was hurt
    (:attr:`~conflictkit.coding.event_types.EventCue.outcome`: ", killing 2 QSD members"), what was
    done before it in its sentence ("IS attacked a QSD checkpoint"), if told: the actors are read
    around it ("Egyptian forces killed 11 militants in an operation" keeps its outcome cue)."""
    # one loop over the cues, and the first of the strongest by comparison, not max() with a key
    # function (an event's sentences hold a few cues; a comprehension or a key call each cost more)
    of_sub, triggers, told = [], [], []
    for i in sorted(sentences):
        for c in cues.get(i, ()):
            told.append((i, c))
            if c.sub_event_type == sub_event_type:
                of_sub.append((i, c))
            elif c.weight >= TRIGGER_WEIGHT and c.event_type in ACLED_TYPES:  # c.trigger, without a property call
                triggers.append((i, c))  # read only where none is of the sub-type: then these are all the triggers
    best = of_sub or triggers or told
    if not best:
        return None
    i, cue = best[0]
    for k, c in best:
        if c.weight > cue.weight:
            i, cue = k, c
    if not cue.outcome:
        return cue
    before = None
    for k, c in best:
        if k == i and not c.outcome and c.start < cue.start and (before is None or c.weight > before.weight):
            before = c
    return cue if before is None else before


def _country(ctx, place):
    if place and place.get("country"):
        return place["country"]
    countries = [ctx.place_infos[t]["country"] for t in ctx.terms["place"] if ctx.place_infos[t]["kind"] == "country"]
    return countries[0] if countries else ""


def event_actors(ctx, cue, event_type, sub_event_type, place=None, year=None):
    """``(EventActors, sub_event_type)`` of an event around ``cue``.

    The mentions are the dictionary actors and the unnamed ones
    (:func:`~conflictkit.coding.actors.find_generic_actors`) of the cue's
    sentence; the country is the event place's, else the first country the
    report names, else the first a mention names ("Kenyan police").  A
    territory change is the government's when its agent is a state force,
    else a non-state actor's.
    """
    country = _country(ctx, place)
    if cue is None:
        return EventActors("", "", None, None), sub_event_type
    i = ctx.sentence_of(cue.start)
    s, e = ctx.spans[i]
    mentions = _mentions(ctx, i, country)
    country = country or next((m.country for m in mentions if m.country), "")
    got = _event_actors(ctx.text, cue, (s, e), mentions, event_type, sub_event_type, country, year)
    if not got.actor2 and event_type in ("Protests", "Riots") and sub_event_type != "Peaceful protest":
        got = _intervening_state(ctx, i, got, country, year)
    if got.event_type:
        sub_event_type = "Armed clash" if got.event_type == "Battles" else "Attack"
    if sub_event_type in _TERRITORY and got.mention1 is not None:
        state = got.mention1.kind in ("military", "police") or got.actor1.startswith(("Military Forces",
                                                                                       "Police Forces"))
        sub_event_type = _TERRITORY[0] if state else _TERRITORY[1]
    return got, sub_event_type


def _mentions(ctx, i, country):
    """The actor mentions of sentence ``i`` (a tuple): its dictionary actors and unnamed ones, not
    those that only speak ("…, police said": :func:`~conflictkit.coding.sources.is_speaker`)."""
    s, e = ctx.spans[i]
    text = ctx.text
    actors_t = ctx.lexicon.rows["actor"]
    named = []
    for t in ctx.actors_in.get(i, ()):
        row = actors_t[t.entry]
        if not _elsewhere(row, country):
            named.append(dictionary_mention(t, row))
    low = lower_same_length(text[s:e])
    mentions = merge_mentions(named, generic_actors_in(text, s, e, country, low), text)
    if not _may_speak(low):
        return tuple(mentions)
    return tuple([m for m in mentions if not is_speaker(text, m.start, m.end, (s, e))])


def _may_speak(low):
    """May a speaker be named (:func:`~conflictkit.coding.sources.is_speaker`) in the sentence lower-cased as
    ``low``?  Its patterns read only the sentence, and each match holds one of these words (in any
    case).  Under re.IGNORECASE "ſ", "ı", "İ" and the Kelvin sign match ASCII letters: a sentence
    that holds one lower-cases to text outside ASCII (but the Kelvin sign, to "k", in none of the words)."""
    # (most sentences of an event name no speaker: a few substring tests, not a search per mention)
    return not low.isascii() or "said" in low or "say" in low or "told" in low or "tells" in low or \
        "stated" in low or "added" in low or "according" in low


def _elsewhere(row, country):
    """Is a dictionary row one country's reading of a generic phrase (its
    ``needs_context`` a country: "government forces" are Syria's in a report
    about Syria) and the event in another country?  There the phrase is
    read as the generic actor of the event's country."""
    need = row["needs_context"]
    return bool(country) and len(need) == 2 and need.isupper() and need != country and need == row["country"]


def _intervening_state(ctx, i, got, country, year):
    """A protest's or riot's actors with, as actor2, the state forces a later
    sentence of its paragraph names ("Students burnt down two schools.
    Police intervened to chase them."): those that intervene."""
    para = ctx.para_of[i]
    for k in range(i + 1, len(ctx.spans)):
        if ctx.para_of[k] != para:
            break
        state = next((m for m in _mentions(ctx, k, country) if is_state_force(m)), None)
        if state is not None:
            name = acled_actor_name(state.kind, state.country or country, year, actor=state.actor)
            return got._replace(actor2=name, mention2=state)
    return got


class EventParts(NamedTuple):
    """Who did what to whom in an event, with provenance: ``actor1``,
    ``actor2``, ``event_type`` and ``sub_event_type`` (ACLED: the actors
    may change the type the cues gave), ``notes`` (hedged
    attributions) and ``annotations``: rows (dicts with ``annotation_id``,
    ``label``, ``start``, ``end``, ``value``, ``detail``) for the event cue
    and the actor mentions the actors come from."""

    actor1: str
    actor2: str
    event_type: str
    sub_event_type: str
    notes: list
    annotations: list


def describe_event(ctx, cues, event_id, sentences, event_type, sub_event_type, place=None, year=None):
    """The :class:`EventParts` of an event told in ``sentences`` (``cues``:
    the report's, :func:`report_cues`).

    Examples
    --------
    >>> import conflictkit as ck
    >>> coding = ck.code_report(ck.report_from_text(
    ...     "On 3 March 2016, Kenyan police dispersed protesters in Nairobi.", find_header=False))
    >>> coding.events[["event_type", "actor1", "actor2"]].values.tolist()
    [['Protests', 'Protesters (Kenya)', 'Police Forces of Kenya (2013-)']]
    """
    return describe_cue_event(ctx, event_cue(cues, sentences, sub_event_type), event_id, event_type, sub_event_type,
                              place, year)


def describe_cue_event(ctx, cue, event_id, event_type, sub_event_type, place=None, year=None):
    """The :class:`EventParts` of an event whose cue (:func:`event_cue`, None if none) is ``cue``:
    :func:`describe_event` for a caller that has its cue already."""
    got, sub = event_actors(ctx, cue, event_type, sub_event_type, place, year)
    event_type = got.event_type or event_type
    rows = []
    if cue is not None:
        rows.append({"annotation_id": f"{event_id}:cue", "label": "event", "start": cue.start, "end": cue.end,
                     "value": sub, "detail": f"event={event_id}; {event_type}"})
    for role, name, m in (("actor1", got.actor1, got.mention1), ("actor2", got.actor2, got.mention2)):
        if m is not None:
            hedge = f"; suspected ('{m.hedge}')" if m.hedge else ""
            rows.append({"annotation_id": f"{event_id}:{role}", "label": "actor", "start": m.start, "end": m.end,
                         "value": name, "detail": f"event={event_id}; role={role}; kind={m.kind}{hedge}"})
    return EventParts(got.actor1, got.actor2, event_type, sub, got.notes, rows)
