"""Reconciling claims, made quicker, marks them as before: the old form of
:func:`conflictkit.coding.casualties.reconcile_claims` is written out here and
run beside the new one, on made-up claims (hypothesis) and on every report's
claims of FA-KES and of the sample report."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit.coding import casualties as cas
from conflictkit.coding import coder as coder_mod
from conflictkit.coding.casualties import CONTEXT_ROLES, Claim, _replace
from conflictkit.coding.counts import Count

NAN = math.nan


# --- the old form (before the cheaper tests ran first and a victim's force was read on demand) ---

def _old_reconcile_claims(claims, sides=None, event_keys=None, window=6, victim_kinds=None):
    claims = [_old_unmarked(c) for c in claims]
    sides = list(sides) if sides is not None else [None] * len(claims)
    events = list(event_keys) if event_keys is not None else [()] * len(claims)
    kinds = list(victim_kinds) if victim_kinds is not None else [None] * len(claims)
    linkable = _old_linker(claims, sides, events, kinds)
    _old_mark_repeats(claims, sides, linkable)
    order = sorted(range(len(claims)), key=lambda k: -(claims[k].count.best if cas._counted(claims[k]) else -1))
    _old_mark_breakdowns(claims, sides, order, linkable, window)
    _old_mark_included(claims, order, linkable)
    _old_mark_unnumbered_parts(claims, order, linkable)
    return claims


def _old_unmarked(c):
    if c.role in ("standalone",) + CONTEXT_ROLES and c.total_of == -1 and c.repeat_of == -1 and not c.part_kind:
        return c
    return _replace(c, role=c.role if c.role in CONTEXT_ROLES else "standalone", total_of=-1, repeat_of=-1,
                    part_kind="")


def _old_linker(claims, sides, events, kinds):
    forces = [cas._force(c.victim) for c in claims]

    def linkable(i, j):
        a, b = claims[i], claims[j]
        return (a.outcome == b.outcome and cas._keys_match(events[i], events[j])
                and (not sides[i] or not sides[j] or sides[i] == sides[j])
                and {kinds[i], kinds[j]} != {"civilian", "combatant"} and not cas._killer_and_victims(a, b)
                and {forces[i], forces[j]} != {"state", "armed"})

    return linkable


def _old_mark_repeats(claims, sides, linkable):
    for j, b in enumerate(claims):
        if math.isnan(b.count.best) or b.role in CONTEXT_ROLES:
            continue
        for i in range(j):
            a = claims[i]
            if a.role in ("repeat",) + CONTEXT_ROLES or math.isnan(a.count.best) or not linkable(i, j):
                continue
            if cas._same_figure(a, b):
                if cas._vagueness(a.count) > cas._vagueness(b.count):
                    claims[i] = _replace(a, role="repeat", repeat_of=j)
                    for k, c in enumerate(claims):
                        if c.repeat_of == i:
                            claims[k] = _replace(c, repeat_of=j)
                    sides[j] = sides[j] or sides[i]
                else:
                    claims[j] = _replace(b, role="repeat", repeat_of=i)
                    sides[i] = sides[i] or sides[j]
                break


def _old_mark_breakdowns(claims, sides, order, linkable, window):
    for i in order:
        t = claims[i]
        if not cas._counted(t):
            continue
        cands = [j for j in range(len(claims)) if j != i and cas._counted(claims[j]) and linkable(i, j)
                 and claims[j].count.best < t.count.best and abs(claims[j].sentence - t.sentence) <= window]
        chosen = cas._subset_summing(cands, claims, t.count.best)
        if chosen is None and not sides[i]:
            by_side = [j for j in cands if sides[j]]
            if len({sides[j] for j in by_side}) >= 2:
                chosen = by_side
        if not chosen:
            continue
        claims[i] = _replace(t, role="total")
        for j in chosen:
            claims[j] = _replace(claims[j], role="part", total_of=i, part_kind="breakdown")


def _old_mark_included(claims, order, linkable):
    for j in range(len(claims)):
        if not cas._counted(claims[j]):
            continue
        larger = [i for i in order if i != j and claims[i].role in ("standalone", "total")
                  and not math.isnan(claims[i].count.best) and linkable(i, j)
                  and claims[i].count.best > claims[j].count.best and not cas._listed_apart(claims[i], claims[j])]
        if larger:
            i = larger[0]
            claims[i] = _replace(claims[i], role="total")
            claims[j] = _replace(claims[j], role="part", total_of=i, part_kind="included")


def _old_mark_unnumbered_parts(claims, order, linkable):
    for j, c in enumerate(claims):
        if c.role != "standalone" or not math.isnan(c.count.best) or math.isnan(c.count.acled):
            continue
        stated = [i for i in order if claims[i].role in ("standalone", "total") and linkable(i, j)
                  and not math.isnan(claims[i].count.best) and claims[i].count.qualifier != "implied"]
        if stated:
            claims[stated[0]] = _replace(claims[stated[0]], role="total")
            claims[j] = _replace(c, role="part", total_of=stated[0], part_kind="included")


def _marks(claims):
    return [(c.role, c.total_of, c.repeat_of, c.part_kind) for c in claims]


def _same_as_the_old_form(claims, sides, keys, kinds, window=6):
    new = cas.reconcile_claims(claims, sides=sides, event_keys=keys, victim_kinds=kinds, window=window)
    old = _old_reconcile_claims(claims, sides=sides, event_keys=keys, victim_kinds=kinds, window=window)
    assert _marks(new) == _marks(old)
    assert [c.__dict__ for c in new] == [c.__dict__ for c in old]


# --- made-up claims: few values of each field, so that pairs link, repeat and add up ---

_VICTIMS = ["", "5 people", "30 soldiers", "4 rebels", "soldiers and militants", "civilians", "fighters",
            "regime forces", "his wife", "Dahalo"]
_COUNTS = st.sampled_from([
    Count(1, 1, 1), Count(2, 2, 2), Count(3, 3, 3), Count(5, 5, 5), Count(8, 8, 8), Count(13, 13, 13),
    Count(15, 15, 15), Count(28, 28, 28, "at least"), Count(28, 28, NAN, "at least"), Count(20, 36, 99, "dozens"),
    Count(1, 1, NAN, "implied"), Count(NAN, NAN, NAN, "unreported", 10), Count(NAN, NAN, NAN), Count(10, 10, 10),
    Count(400_000, 400_000, 400_000),
])


@st.composite
def _claim_lists(draw):
    n = draw(st.integers(0, 9))
    claims, pos = [], 0
    for _ in range(n):
        pos += draw(st.sampled_from([0, 1, 2, 5, 6, 40]))  # (groups listed side by side: 0-5 apart)
        end = pos + draw(st.integers(1, 30))
        pattern = draw(st.sampled_from(["passive", "active", "self", "pair", "noun", "toll"]))
        claims.append(cas._new_claim(
            start=pos, end=end, outcome=draw(st.sampled_from(["killed", "injured", "killed"])),
            count=draw(_COUNTS), victim=draw(st.sampled_from(_VICTIMS)), victim_start=-1, victim_end=-1,
            count_start=-1, count_end=-1, pattern=pattern, sentence=draw(st.integers(0, 12)),
            role=draw(st.sampled_from(["standalone"] * 6 + ["total", "part", "repeat"] + list(CONTEXT_ROLES))),
            total_of=draw(st.sampled_from([-1, -1, 0])), repeat_of=draw(st.sampled_from([-1, -1, 1])),
            part_kind=draw(st.sampled_from(["", "", "breakdown"])),
            extra=draw(st.sampled_from([{}, {"object": True}]))))
        pos = end
    sides = [draw(st.sampled_from([None, "", "government", "opposition", "rebels"])) for _ in claims]
    keys = [draw(st.sampled_from([(None, None), ("Raqqa", (2020, 9)), ("Raqqa", None), ("Homs", (2020, 9)),
                                  (None, (2020, 8))])) for _ in claims]
    kinds = [draw(st.sampled_from([None, "civilian", "combatant", "unknown"])) for _ in claims]
    return claims, sides, keys, kinds


@settings(max_examples=600, deadline=None)
@given(_claim_lists(), st.sampled_from([6, 1, 0]))
def test_reconcile_claims_marks_made_up_claims_as_its_old_form(lists, window):
    _same_as_the_old_form(*lists, window=window)


def test_reconcile_claims_of_fakes_reports_are_marked_as_by_its_old_form(monkeypatch, fakes_path):
    """Every report's claims, sides, event keys and victims' kinds, as the coder passes them."""
    seen, new = [], coder_mod.reconcile_claims

    def both(claims, sides=None, event_keys=None, window=6, victim_kinds=None):
        out = new(claims, sides=sides, event_keys=event_keys, window=window, victim_kinds=victim_kinds)
        seen.append((out, _old_reconcile_claims(claims, sides=sides, event_keys=event_keys, window=window,
                                                victim_kinds=victim_kinds)))
        return out

    monkeypatch.setattr(coder_mod, "reconcile_claims", both)
    ck.code_reports(ck.load_reports(fakes_path)[0] + [ck.load_report(ck.sample_report_path())], progress=False)
    assert sum(len(out) for out, _ in seen) > 3000
    marked = {c.role for out, _ in seen for c in out}
    assert {"total", "part", "repeat", "standalone"} <= marked  # every kind of link was made
    for out, old in seen:
        assert [c.__dict__ for c in out] == [c.__dict__ for c in old]


def test_a_state_s_forces_and_armed_groups_never_link_whichever_comes_first():
    """The forces read on demand: 30 soldiers and 30 rebels are two figures, in either order."""
    def claim(victim, sentence):
        return cas._new_claim(start=sentence * 50, end=sentence * 50 + 20, outcome="killed", count=Count(30, 30, 30),
                              victim=victim, victim_start=-1, victim_end=-1, count_start=-1, count_end=-1,
                              pattern="passive", sentence=sentence, role="standalone", total_of=-1, repeat_of=-1,
                              part_kind="", extra={})

    for first, second in (("30 soldiers", "30 rebels"), ("30 rebels", "30 soldiers")):
        out = cas.reconcile_claims([claim(first, 0), claim(second, 1)])
        assert [c.role for c in out] == ["standalone", "standalone"]
    out = cas.reconcile_claims([claim("30 soldiers", 0), claim("30 people", 1)])
    assert [c.role for c in out] == ["standalone", "repeat"]
    assert isinstance(out[0], Claim)


def test_groups_listed_side_by_side_stay_apart_as_by_the_old_form():
    """"12 Dahalo killed, 1 civilian killed": neither holds the other (not a total and its part)."""
    for text in ("12 Dahalo killed, 1 civilian killed in clashes.", "12 people killed, 1 civilian killed in clashes.",
                 "3 soldiers died and 2 rebels died.", "30 people were killed. An officer was shot and killed."):
        claims = cas.find_claims(text, [(0, len(text))] if text.count(".") == 1 else [(0, 23), (24, len(text))])
        assert len(claims) == 2
        _same_as_the_old_form(claims, [None, None], [(None, None)] * 2, [None, None])
    apart = cas.reconcile_claims(cas.find_claims("12 Dahalo killed, 1 civilian killed in clashes.", [(0, 46)]))
    assert [c.role for c in apart] == ["standalone", "standalone"]
    held = cas.reconcile_claims(cas.find_claims("12 people killed, 1 civilian killed in clashes.", [(0, 46)]))
    assert [c.role for c in held] == ["total", "part"]
