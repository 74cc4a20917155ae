"""Grouping claims into events and writing the event rows.

The fourth and fifth stages of the coder (see :mod:`conflictkit.coding.coder`):
:func:`group_events` joins reconciled claims that belong to one event;
:func:`event_row` writes one row of the events table (columns
:data:`~conflictkit.coding.coder.EVENT_COLUMNS`) from the event's claims and
the report's :class:`~conflictkit.coding.attribution.ReportContext`.
"""

import math
from typing import NamedTuple

from ..codebook import COUNTED_ROLES, PLACE_GEO_PRECISION, DatePrecision, Outcome
from .actors import acled_actor_name, forces_of
from .casualties import CONTEXT_ROLES
from .detection import ACLED_TYPES, describe_cue_event, event_cue, report_cues
from .event_types import TRIGGER_WEIGHT, WEAPON_TYPES, best_score, tells_fighting

__all__ = ["CodedClaim", "group_events", "event_row", "claim_event", "cue_event", "disaster_toll", "DISASTERS",
           "ACLED_UNKNOWN_FATALITIES", "GEO_PRECISION_CODE"]

#: The conservative figure conflictkit codes for ``fatalities_acled`` when a
#: report says people were killed but gives no number.  ACLED documents its
#: own default for such reports in its codebook ("Reported fatalities");
#: set this to the value of the ACLED version you compare against.
ACLED_UNKNOWN_FATALITIES = 3

#: ACLED geo_precision codes: 1 town, 2 near town / district, 3 province.
GEO_PRECISION_CODE = {p.value: code for p, code in PLACE_GEO_PRECISION.items()}

_DATE_PRECISION_RANK = {p.value: rank for rank, p in enumerate(DatePrecision)}
_KILLED, _INJURED = Outcome.KILLED, Outcome.INJURED  # (an enum member read from its class is a slow lookup)


class CodedClaim(NamedTuple):
    """A reconciled claim with its id, index in the report and attribution."""

    index: int
    claim_id: str
    claim: object  # Claim
    at: object  # Attribution


def _roots(n, links):
    """Union-find: the root (smallest member) of each of ``0..n-1`` once the
    (a, b) pairs of ``links`` are joined.

    >>> _roots(5, [(3, 1), (4, 3)])
    [0, 1, 2, 1, 1]
    """
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(x) for x in range(n)]


def group_events(claims):
    """The events of reconciled claims, as lists of claim indices.

    Claims linked by role (part of a total, repeat) or told in one sentence
    with different outcomes are one event; cumulative tolls and implausible
    figures are in none.  A note's coding remark (role ``convention``) is in
    the event of the deaths the note tells of.
    Events are in order of their first claim's root: the smallest index of
    the claims linked to them (:func:`_roots`), events or not.

    Examples
    --------
    >>> import conflictkit as ck
    >>> from conflictkit.coding.casualties import find_claims, reconcile_claims
    >>> r = ck.report_from_text("Five people were killed and two wounded. The war has killed more than 400,000 people since 2011.")
    >>> group_events(reconcile_claims(find_claims(r.text, r.sentences)))
    [[0, 1]]
    """
    # _roots(len(claims), list(_event_links(claims))) in one loop over the claims, with fewer links
    # that join the same claims (the pairs of a sentence and of the remarks) and no call per claim
    # (FA-KES: 7.7 -> 4.6 us a report).  A sentence's claims of two or more outcomes are each linked
    # to one of another outcome: they are all one event, linked to its first claim.  Every remark
    # and every counted death are one event where both are told.
    n = len(claims)
    pairs, by_sentence, remarks, killed = [], {}, [], []
    for k, c in enumerate(claims):
        if c.total_of >= 0:
            pairs.append((k, c.total_of))
        if c.repeat_of >= 0:
            pairs.append((k, c.repeat_of))
        if c.sentence in by_sentence:
            by_sentence[c.sentence].append(k)
        else:
            by_sentence[c.sentence] = [k]
        if c.role == "convention":
            remarks.append(k)
        if c.outcome == "killed" and c.role not in CONTEXT_ROLES:
            killed.append(k)
    for ks in by_sentence.values():
        if len(ks) > 1:
            first = claims[ks[0]].outcome
            for k in ks:
                if claims[k].outcome != first:
                    pairs += [(ks[0], b) for b in ks[1:]]
                    break
    if remarks and killed:
        pairs += [(remarks[0], b) for b in remarks[1:] + killed]
    parent = list(range(n))  # always parent[x] <= x: a root is the smallest member (as in _roots)
    for a, b in pairs:
        while parent[a] != a:
            a = parent[a]
        while parent[b] != b:
            b = parent[b]
        if a < b:
            parent[b] = a
        elif b < a:
            parent[a] = b
    groups = {}
    for k, c in enumerate(claims):
        root = parent[parent[k]]  # (parent[j] of each j < k is its root already: set below in turn)
        parent[k] = root
        if c.role not in CONTEXT_ROLES or c.role == "convention":
            if root in groups:
                groups[root].append(k)
            else:
                groups[root] = [k]
    return [members for _, members in sorted(groups.items())]


def _figures(claims, outcome, remarks=()):
    """(low, best, high, acled) summed over the counted claims of an outcome.

    None reported: 0 deaths, but injured unknown (nan), never 0.  A coding
    remark (``remarks``: ``convention`` claims) sets ``acled``; the text's
    own figures stay what it reports (unknown when it gives none).
    """
    counts = [c.count for c in claims if c.outcome == outcome]
    if remarks and outcome == "killed":
        low, best, high, _ = _figures(claims, outcome) if counts else (math.nan,) * 4
        return low, best, high, sum([r.count.acled for r in remarks])
    if not counts:
        return (0.0, 0.0, 0.0, 0.0) if outcome == "killed" else (math.nan,) * 4  # none reported
    # (sums of lists: a generator costs more than the list of an event's few counts)
    return (sum([k.low for k in counts]), sum([k.best for k in counts]), sum([k.high for k in counts]),
            _acled_figure(counts))


def _acled_figure(counts):
    """ACLED's figure of the counts of an event's claims of one outcome: the sum of their
    figures; deaths without a number that ACLED reads as a figure ("heavy
    casualties": 10) only when no claim states one, and then once (two such
    phrases tell of the same deaths); :data:`ACLED_UNKNOWN_FATALITIES` when
    nothing gives a figure."""
    unknown, known, stated = [], [], False
    for k in counts:  # (one loop: an event has one to three counts)
        if math.isnan(k.best):
            if not math.isnan(k.acled):
                unknown.append(k.acled)
        else:
            if not math.isnan(k.acled):
                known.append(k.acled)
            stated = stated or k.qualifier != "implied"
    if stated:
        return sum(known)
    if unknown:
        return max(unknown)
    return sum(known) if known else ACLED_UNKNOWN_FATALITIES


def _event_actors(ctx, sentences, place=None, year=None):
    """The first two sides named in the sentences, each as its first actor,
    in ACLED's naming (regime years, the country of civilians)."""
    actors_t = ctx.lexicon.rows["actor"]
    seen, named = set(), []
    for i in sentences:
        for t in ctx.actors_in.get(i, []):
            row = actors_t[t.entry]
            if row["actor"] not in seen:
                seen.add(row["actor"])
                named.append(row)
    sides, actors = [], []
    country = place["country"] if place else ""
    for row in named:
        if row["side"] not in sides:
            sides.append(row["side"])
            actors.append(acled_actor_name("named", country, year, actor=row["actor"]))
    return (actors + ["", ""])[:2]


def _victim_actor(victims, actor1, actor2, place, year):
    """The named fighters the claims say were killed ("killed two soldiers
    of the Russian army": the Russian military is acted on), else actor2."""
    named = [at.victim_actor for at in victims if at.victim_actor and at.victim_category == "combatant"]
    if not named:
        return actor2
    name = acled_actor_name("named", place["country"] if place else "", year, actor=forces_of(named[0]["actor"]))
    return name if name != actor1 else actor2


def _event_when(ctx, ordered, cue=None):
    """The date mention of an event (None when the text gives none): its
    most precise date, of its claims' dates and the one nearest its ``cue``
    in the cue's sentence ("displaced a million in 2019 … a ceasefire deal in
    March": the deal is of March); else the first date told before it in its
    paragraph (:meth:`~conflictkit.coding.attribution.ReportContext.paragraph_date`)."""
    near = ctx.date_near(ctx.sentence_of(cue.start), (cue.start, cue.end)) if cue is not None else None
    dates = [m.at.date for m in ordered if m.at.date] + ([near] if near is not None else [])
    if dates:
        return dates[0] if len(dates) == 1 else min(dates, key=lambda x: (_DATE_PRECISION_RANK[x.precision], x.start))
    return ctx.paragraph_date(min(m.claim.sentence for m in ordered)) if ordered else None


def _date_columns(d, published):
    """The date columns of an event dated by mention ``d`` (None: the
    publication date stands in), and its notes.  A day and month of unknown
    year leaves the dates empty and keeps "--MM-DD" in ``date_iso``.

    >>> _date_columns(None, None)["date_precision"], _date_columns(None, None)["notes"]
    ('', ['no event date in the text'])
    """
    if d is None:
        return {"event_date": published, "date_start": published, "date_end": published,
                "date_precision": DatePrecision.PUBLICATION.value if published else "",
                "date_iso": published.isoformat() if published else "",
                "notes": ["no event date in the text: publication date used" if published
                          else "no event date in the text"]}
    notes = [] if d.date_start else ["day and month without a year, and no publication date: no year given"]
    return {"event_date": d.date_start, "date_start": d.date_start, "date_end": d.date_end,
            "date_precision": d.precision, "date_iso": d.iso, "notes": notes}


def _place_columns(place):
    if not place:
        return {"country": "", "admin1": "", "admin1_name": "", "location": "", "latitude": math.nan,
                "longitude": math.nan, "geo_precision": None}
    return {"country": place["country"], "admin1": place["admin1"], "admin1_name": place["admin1_name"],
            "location": place["place"], "latitude": place["latitude"], "longitude": place["longitude"],
            "geo_precision": GEO_PRECISION_CODE.get(place["precision"])}


def _victim_kind(victim, category):
    """civilian, combatant or unknown, for the event type: the claim's
    victim category, with police on duty among the fighters and men out
    of the fight ("an off-duty police officer", "a retired colonel")
    among the civilians, as ACLED counts them.

    >>> _victim_kind("two policemen", "unknown"), _victim_kind("an off-duty soldier", "combatant")
    ('combatant', 'civilian')
    """
    v = victim.lower()
    if "off-duty" in v or "off duty" in v or "retired" in v or "former" in v:
        return "civilian"
    return "combatant" if category == "unknown" and ("police" in v or "gendarme" in v) else category


def _claim_event_type(ctx, cues, sentences, context):
    """(event_type, sub_event_type) of casualty claims told in ``sentences``
    (``context``: with the sentences of their places) from the event cues:
    theirs, and the rest of their paragraphs' at half weight.  Where their
    own cues say no more than that people died ("killed", "injured": no cue
    above :data:`~conflictkit.coding.event_types.TRIGGER_WEIGHT`), the toll
    is the outcome of an event the paragraph tells ("Clashes between the
    army and rebels in Kega. Several injured."): its cues count in full.
    Where they tell of fighting (:func:`~conflictkit.coding.event_types.tells_fighting`),
    the event is one of ACLED's ("killed in clashes after the floods",
    "protesters marched after a road accident")."""
    para_of = ctx.para_of
    paragraphs = {para_of[i] for i in sentences}
    own = [c for i in context for c in cues.get(i, ())]
    inside = set(context)
    around = [c for i, cs in cues.items() if para_of[i] in paragraphs and i not in inside for c in cs]
    for c in own:
        if c.weight > TRIGGER_WEIGHT:
            break
    else:
        own, around = own + around, []
    # score_cues(own, ..., context=around), its tests of fighting made once: without fighting, a
    # weapon among the own cues leaves their outcome cues out
    fighting = tells_fighting(own) or tells_fighting(around)
    types = ACLED_TYPES if fighting else None
    if not fighting:
        for c in own:  # (a loop, not any() of a generator: most events' cues name no weapon)
            if c.event_type in WEAPON_TYPES:
                own = [c for c in own if not c.outcome]
                break
    event_type, sub_event_type, _ = best_score(own, ("Battles", "Armed clash"), types, context=around)
    return event_type, sub_event_type


def event_row(ctx, event_id, members, cues=None):
    """One row of the events table (a dict of :data:`EVENT_COLUMNS`): the
    row of :func:`claim_event`."""
    return claim_event(ctx, event_id, members, cues)[0]


def claim_event(ctx, event_id, members, cues=None):
    """The event of casualty claims: its row of the events table (a dict of
    :data:`EVENT_COLUMNS`) and its annotation rows (the event cue and
    actors, :func:`~conflictkit.coding.detection.describe_event`).

    Parameters
    ----------
    ctx : ReportContext
    event_id : str
    members : list of CodedClaim
        The event's claims, in order of index.
    cues : dict, optional
        The report's event cues by sentence
        (:func:`~conflictkit.coding.detection.report_cues`).
    """
    # the members read in one loop (an event has one to three claims: a comprehension for each
    # thing read from them cost more than the reading)
    told, places, counted, victims, kinds, remarks = set(), set(), [], [], set(), []
    for m in members:
        claim, at = m.claim, m.at
        told.add(claim.sentence)
        places.add(at.place_sentence)
        if claim.role in COUNTED_ROLES:
            counted.append(claim)
            victims.append(at)
            kinds.add(_victim_kind(claim.victim, at.victim_category))
        elif claim.role == "convention":
            remarks.append(claim)
    sentences = sorted(told)
    context = sorted(told | places)
    cues = report_cues(ctx) if cues is None else cues
    event_type, sub_event_type = _claim_event_type(ctx, cues, sentences, context)
    if event_type == "Violence against civilians" and "combatant" in kinds and "civilian" not in kinds:
        event_type, sub_event_type = "Battles", "Armed clash"  # the dead are fighters: no violence against civilians
    # place, date and source: the counted claims' first, then any member's
    ordered = sorted(members, key=lambda m: (m.claim.role not in COUNTED_ROLES, m.claim.start)) if len(members) > 1 \
        else members
    # (loops, not next() of a generator: an event has one to three claims)
    place, orig, relay = None, "", ""
    for m in ordered:
        if m.at.place:
            place = m.at.place
            break
    cue = event_cue(cues, context, sub_event_type)
    when = _date_columns(_event_when(ctx, ordered, cue), ctx.anchor)
    for m in ordered:
        if m.at.source:
            orig, relay = m.at.source, m.at.relay
            break
    year = when["date_start"].year if when["date_start"] else None
    parts = describe_cue_event(ctx, cue, event_id, event_type, sub_event_type, place, year)  # describe_event's
    actor1, actor2 = ((parts.actor1, parts.actor2) if parts.actor1 or parts.actor2
                      else _event_actors(ctx, context, place, year))
    actor2 = _victim_actor(victims, actor1, actor2, place, year)
    f_low, f_best, f_high, f_acled = _figures(counted, _KILLED, remarks)
    i_low, i_best, i_high, _ = _figures(counted, _INJURED)
    notes = []
    for c in counted:
        if math.isnan(c.count.best):
            notes.append("casualties reported without a number")
            break
    notes += when.pop("notes")
    if ctx.date_note:
        notes.append(ctx.date_note)
    ids = " ".join([m.claim_id for m in members])
    row = {  # (the rows are dict displays: a dict() call of keywords builds them twice)
        "report_id": ctx.report.id, "event_id": event_id, **when, "event_type": parts.event_type,
        "sub_event_type": parts.sub_event_type,
        "actor1": actor1, "actor2": actor2, **_place_columns(place),
        "fatalities_low": f_low, "fatalities_best": f_best, "fatalities_high": f_high, "fatalities_acled": f_acled,
        "injured_low": i_low, "injured_best": i_best, "injured_high": i_high, "source": orig, "relay": relay,
        "outlet": ctx.report.outlet or "", "claim_ids": ids,
        "annotation_ids": " ".join([ids] + [a["annotation_id"] for a in parts.annotations]),
        "notes": "; ".join(notes + parts.notes),
    }
    return row, parts.annotations


#: Sub-types of a toll that is no event of ACLED's: a disaster's dead are no fatalities of political violence.
DISASTERS = ("Natural disaster", "Man-made disaster")


def disaster_toll(ctx, cues, members, row):
    """Is the event of casualty claims (``members``, :class:`CodedClaim`; ``row``: its
    :func:`claim_event` row) a disaster's toll, no event: typed as a disaster
    (:data:`DISASTERS`: "a tsunami killed 222 people", "ten died after a chemical leak") with no
    fighting told in its paragraphs (:func:`~conflictkit.coding.event_types.tells_fighting`:
    "three were killed in clashes after the flood" is an event) and no fighters hit ("killing 15
    regime members during a sand storm")?"""
    if row["sub_event_type"] not in DISASTERS:
        return False
    paragraphs = {ctx.para_of[m.claim.sentence] for m in members}
    told = [c for i, cs in cues.items() if ctx.para_of[i] in paragraphs for c in cs]
    return not tells_fighting(told) and not any(c.event_type == "Battles" for c in told)


def cue_event(ctx, event_id, found, cues):
    """The row of the events table of an event found from its cues (``found``, a
    :class:`~conflictkit.coding.detection.CueEvent`; ``cues``: the report's
    event cues by sentence), and its annotation rows.

    No casualty claim: fatalities and injuries are 0 (none reported).  Place
    and source are those of the cue's sentence, the date the one nearest the
    cue in it.
    """
    i = found.sentence
    place, _ = ctx.place_for(i)
    cue = event_cue(cues, [i], found.sub_event_type)
    d = ctx.date_for(i, (cue.start, cue.end) if cue is not None else None) or ctx.paragraph_date(i)
    when = _date_columns(d, ctx.anchor)
    parts = describe_cue_event(ctx, cue, event_id, found.event_type, found.sub_event_type, place,
                               when["date_start"].year if when["date_start"] else None)  # describe_event's
    orig, relay = ctx.source_for(i)
    notes = ["no casualties reported"] + when.pop("notes") + ([ctx.date_note] if ctx.date_note else [])
    row = {
        "report_id": ctx.report.id, "event_id": event_id, **when, "event_type": parts.event_type,
        "sub_event_type": parts.sub_event_type, "actor1": parts.actor1, "actor2": parts.actor2,
        **_place_columns(place),
        "fatalities_low": 0.0, "fatalities_best": 0.0, "fatalities_high": 0.0, "fatalities_acled": 0.0,
        "injured_low": 0.0, "injured_best": 0.0, "injured_high": 0.0, "source": orig, "relay": relay,
        "outlet": ctx.report.outlet or "", "claim_ids": "",
        "annotation_ids": " ".join([a["annotation_id"] for a in parts.annotations]),
        "notes": "; ".join(notes + parts.notes),
    }
    return row, parts.annotations
