"""The attribution stage alone: place, date, source and victims of each claim."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit.coding.attribution import attribute_claims, report_context, victim_category
from conflictkit.coding.extraction import extract


def _attributed(text, published="2020-03-04"):
    report = ck.report_from_text(text, published=published)
    lex = ck.coding.default_lexicon()
    found = extract(report, lex)
    ctx = report_context(report, found, lex)
    return found.claims, attribute_claims(found.claims, ctx), ctx


def test_claim_takes_place_date_and_source_of_its_sentence():
    claims, (a,), _ = _attributed("Clashes in Saraqeb on Monday killed 5 fighters, the SOHR said.")
    assert a.place["place"] == "Saraqib" and a.place["precision"] == "town"
    assert a.date.date_start == dt.date(2020, 3, 2) and a.date.precision == "day"
    assert (a.source, a.relay) == ("Syrian Observatory for Human Rights", "")
    assert a.victim_category == "combatant"


def test_place_and_date_come_from_the_sentence_before():
    text = "Regime shells hit Maarat al-Numan in Idlib province on Sunday.\n\nThree children were killed."
    claims, (a,), _ = _attributed(text)
    assert a.place["admin1"] == "SY-ID" and a.place_sentence == 0
    assert a.date.date_start == dt.date(2020, 3, 1)
    assert a.victim_category == "civilian"


def test_source_is_not_taken_across_paragraphs():
    text = "The SOHR said fighting went on.\n\nTwo soldiers were killed."
    _, (a,), ctx = _attributed(text)
    assert ctx.para_of[0] != ctx.para_of[1]
    assert (a.source, a.relay) == ("", "")


def test_relay_alone_is_the_source():
    _, (a,), _ = _attributed("Two soldiers were killed in Homs, AFP reported.")
    assert a.source == "Agence France-Presse" and a.relay == ""


def test_victim_actor_is_the_actor_named_in_the_victim_phrase():
    _, (a,), _ = _attributed("Airstrikes killed 15 Islamic State jihadists near Raqqa.")
    assert a.victim_actor is not None and a.victim_actor["side"] == "IS"


def test_no_date_in_the_text_gives_none():
    _, (a,), _ = _attributed("Two soldiers were killed in Homs.")
    assert a.date is None


def test_victim_category_reads_actor_type_before_words():
    assert victim_category("Civilians", "5 fighters") == "civilian"
    assert victim_category("State forces", "five people") == "combatant"
    assert victim_category("", "two gunmen") == "combatant"
    assert victim_category("", "two people") == "unknown"


def test_victims_of_both_kinds_are_unknown():
    assert victim_category("", "12 insurgents and three civilians") == "unknown"
    assert victim_category("Rebel group", "40 fighters and two children") == "unknown"
    assert victim_category("Civilians", "two civilians and a soldier") == "unknown"


def _place_for_plain(ctx, i):
    """ReportContext.place_for as it was: the fallbacks sorted for every call."""
    sent_place = ctx.sent_place
    for j in range(i, max(-1, i - 4), -1):
        if j in sent_place and sent_place[j]["kind"] != "country":
            return sent_place[j], j
    for j in sorted(sent_place):
        if sent_place[j]["kind"] != "country" and j < i:
            return sent_place[j], j
    return sent_place.get(i) or next((sent_place[j] for j in sorted(sent_place)), None), i


def test_place_for_and_date_for_as_the_plain_forms_on_fakes(fakes_path):
    """place_for's fallbacks found once per report, and attribute_claims' date found from the place
    it found: what the plain forms give, for every sentence of FA-KES (and for every claim)."""
    lex = ck.coding.default_lexicon()
    reports, _ = ck.load_reports(fakes_path)
    n = 0
    for report in reports[:400]:
        found = extract(report, lex)
        ctx = report_context(report, found, lex)
        for i in range(-1, len(ctx.spans) + 1):
            got, plain = ctx.place_for(i), _place_for_plain(ctx, i)
            assert got[0] is plain[0] and got[1] == plain[1]
            n += got[0] is not None and got[1] < i - 3  # the first place of the report
        for c, a in zip(found.claims, attribute_claims(found.claims, ctx)):
            assert a.date is ctx.date_for(c.sentence, (c.start, c.end))
    assert n > 500


def _attribute_claims_plain(claims, ctx):
    """attribute_claims as it was: place and source asked for every claim, the victims' actor by
    ReportContext.victim_actor's scan of every actor term."""
    from conflictkit.coding.attribution import Attribution

    out = []
    for c in claims:
        place, j = ctx.place_for(c.sentence)
        date = ctx._date_for(c.sentence, (c.start, c.end), place, j)
        if place is not None and place.get("village") and place.get("sure", True):
            j = ctx._story_start(j, place)
        actor = ctx.victim_actor(c)
        orig, relay = ctx.source_for(c.sentence)
        out.append(Attribution(place, j, date, orig, relay, actor,
                               victim_category(actor["actor_type"] if actor else "", c.victim)))
    return out


def _same_attributions(got, plain):
    assert len(got) == len(plain)
    for a, b in zip(got, plain):
        assert all(x is y or x == y for x, y in zip(a, b)), (a, b)
        assert a.place is b.place and a.date is b.date and a.victim_actor is b.victim_actor


def test_attribute_claims_as_the_plain_form_on_fakes(fakes_path):
    """Places and sources found once a sentence, the victims' actor by bisection: what the plain
    form gives for every claim of FA-KES, and with the actor terms out of order (the scan)."""
    import dataclasses

    lex = ck.coding.default_lexicon()
    reports, _ = ck.load_reports(fakes_path)
    n = 0
    for k, report in enumerate(reports):
        found = extract(report, lex)
        ctx = report_context(report, found, lex)
        got = attribute_claims(found.claims, ctx)
        _same_attributions(got, _attribute_claims_plain(found.claims, ctx))
        n += sum(a.victim_actor is not None for a in got)
        if k % 4 == 0 and len(ctx.terms["actor"]) > 1:
            mixed = dataclasses.replace(ctx, terms=dict(ctx.terms, actor=ctx.terms["actor"][::-1]))
            _same_attributions(attribute_claims(found.claims, mixed), _attribute_claims_plain(found.claims, mixed))
    assert n > 500


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=8), st.integers(-1, 35),
       st.integers(0, 12))
def test_actor_within_as_the_scan_of_every_actor(spans, start, length):
    # actor terms in order of their starts (of any length, none too), and a victim phrase
    from types import SimpleNamespace

    from conflictkit.coding.attribution import ReportContext, _actor_within

    actors = [SimpleNamespace(start=s, end=s + n, entry=k) for k, (s, n) in enumerate(sorted(spans))]
    rows = [{"actor": k} for k in range(len(actors))]
    ctx = ReportContext(report=None, lexicon=SimpleNamespace(rows={"actor": rows}), terms={"actor": actors},
                        dates=[], sources=[], spans=[], starts=[], para_of=[], place_infos={}, sent_place={},
                        actors_in={}, dates_in={}, sources_in={})
    claim = SimpleNamespace(victim_start=start, victim_end=start + length)
    hit = _actor_within(actors, [a.start for a in actors], start, start + length) if start >= 0 else None
    assert (rows[hit.entry] if hit is not None else None) is ctx.victim_actor(claim)
