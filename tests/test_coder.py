"""One Coder, one run path: resources overlays reach every way of coding, and
the resume key follows the resources."""

import pickle

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit.workflow.cli import main
from conflictkit.coding import coder as coder_mod

_GROUP = "Saraya al-Fajr al-Jadid"
_TEXT = (f"Raid near Saraqeb\n\nFive fighters of {_GROUP} were killed in clashes with the Syrian army "
         "near Saraqeb on Monday, the Syrian Observatory for Human Rights said.")
_ACTORS = ("actor,side,actor_type,country,alias,case_sensitive,needs_context\n"
           f"{_GROUP},{_GROUP},Rebel group,SY,{_GROUP},0,\n")
_WORD = "liquidated"  # not a word of the bundled grammar
_NEW_WORD_TEXT = (f"Clashes near Saraqeb\n\nFive fighters of {_GROUP} were {_WORD} in clashes with the Syrian "
                  "army near Saraqeb on Monday, the Syrian Observatory for Human Rights said.")


def _overlay(folder, actors=_ACTORS, grammar=None):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actors.csv").write_text(actors, encoding="utf-8")
    if grammar is not None:
        (folder / "grammar").mkdir(exist_ok=True)
        (folder / "grammar" / "en.yaml").write_text(grammar, encoding="utf-8")
    return folder


def _five_killed_by_group(coding):
    """Five killed, the new group among the event's actors (issue 13: done when)."""
    ev = coding.events[coding.events.fatalities_best > 0]  # (a clash cue may make an event of its own)
    return (ev.fatalities_best.tolist() == [5] and _GROUP in set(ev.actor1) | set(ev.actor2)
            and coding.casualties.query("counted").outcome.tolist() == ["killed"])


def _report():
    return ck.report_from_text(_TEXT, id="fajr", published="2021-03-03")


def test_coder_codes_like_code_report_and_survives_pickling(sample_report):
    coder = ck.Coder()
    coding = coder.code(sample_report)
    pd.testing.assert_frame_equal(coding.casualties, ck.code_report(sample_report).casualties)
    again = pickle.loads(pickle.dumps(coder))
    assert again.fingerprint == coder.fingerprint and len(pickle.dumps(coder)) < 1000  # travels as options
    pd.testing.assert_frame_equal(again.code(sample_report).events, coding.events)


def test_fingerprint_follows_resources_and_version(tmp_path, monkeypatch):
    bundled = ck.Coder()
    folder = _overlay(tmp_path / "ov")
    overlaid = ck.Coder(folder)
    assert overlaid.fingerprint != bundled.fingerprint
    assert ck.Coder(str(folder)).fingerprint == overlaid.fingerprint  # same contents, same fingerprint
    monkeypatch.setattr(coder_mod, "CODER_VERSION", "0.0.0-test")
    assert ck.Coder().fingerprint != bundled.fingerprint


def test_a_worker_refuses_an_overlay_edited_since_the_coder_was_built(tmp_path):
    folder = _overlay(tmp_path / "ov")
    data = pickle.dumps(ck.Coder(folder))
    _overlay(folder, _ACTORS + "Other Group,Other Group,Rebel group,SY,Other Group,0,\n")
    try:
        pickle.loads(data)
    except ck.InputError as err:
        assert "resources changed" in str(err)
    else:
        raise AssertionError("a stale coder was rebuilt")


def _group_coded(coding):
    ev = coding.events
    return (_GROUP in set(ev.actor1) | set(ev.actor2)) and _GROUP in set(coding.casualties.victim_actor)


def test_an_actor_overlay_reaches_code_report_and_code_reports(tmp_path):
    folder = _overlay(tmp_path / "ov")
    assert not _group_coded(ck.code_report(_report()))
    assert _group_coded(ck.code_report(_report(), resources=folder))
    assert _group_coded(ck.code_reports([_report()], resources=folder, progress=False))
    assert _group_coded(ck.code_reports([_report()], coder=ck.Coder(folder), engine="dask", npartitions=1))


def test_cli_takes_resources(tmp_path):
    folder = _overlay(tmp_path / "ov")
    report = tmp_path / "fajr.txt"
    report.write_text(_TEXT, encoding="utf-8")
    out = tmp_path / "events.csv"
    assert main(["code", str(report), "--resources", str(folder), "-o", str(out)]) == 0
    events = pd.read_csv(out, keep_default_na=False)
    assert _GROUP in set(events.actor1) | set(events.actor2)
    assert main(["code", str(report), "-o", str(out)]) == 0
    assert _GROUP not in set(pd.read_csv(out, keep_default_na=False).actor1)


def test_cli_names_a_bad_overlay_in_one_line(tmp_path, capsys):
    folder = _overlay(tmp_path / "ov", "actor,side\nX,Y\n")
    assert main(["code", str(ck.sample_report_path()), "--resources", str(folder)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "actors.csv, line 1" in err


def test_resumed_corpus_recodes_when_an_overlay_changes(tmp_path):
    folder = _overlay(tmp_path / "ov", _ACTORS.splitlines()[0] + "\n")
    corpus, out = tmp_path / "corpus.csv", tmp_path / "out"
    pd.DataFrame(dict(id=["a", "b"], text=[_TEXT, "Two soldiers were killed in Homs."],
                      date="2021-03-03")).to_csv(corpus, index=False)
    first = ck.code_corpus(corpus, out, resources=folder, chunk_size=1, progress=False)
    assert first.status.tolist() == ["coded", "coded"] and not _group_coded(ck.read_coding(out))
    again = ck.code_corpus(corpus, out, resources=folder, chunk_size=1, progress=False)
    assert again.status.tolist() == ["skipped", "skipped"]
    _overlay(folder)  # the overlay gains the group: every chunk's key changes
    edited = ck.code_corpus(corpus, out, resources=folder, chunk_size=1, progress=False)
    assert edited.status.tolist() == ["coded", "coded"] and _group_coded(ck.read_coding(out))


def _new_word_overlay(tmp_path):
    return _overlay(tmp_path / "ov", grammar=f"outcome_words:\n  killed: [{_WORD}]\n")


def test_a_new_outcome_word_and_group_count_through_code_report(tmp_path):
    report = ck.report_from_text(_NEW_WORD_TEXT, id="w", published="2021-03-03")
    assert ck.code_report(report).casualties.empty  # the bundled grammar has no such word
    folder = _new_word_overlay(tmp_path)
    assert _five_killed_by_group(ck.code_report(report, resources=folder))
    assert _five_killed_by_group(ck.code_reports([report], coder=ck.Coder(folder), engine="dask", npartitions=1))


def test_a_new_outcome_word_and_group_count_through_the_cli(tmp_path):
    folder = _new_word_overlay(tmp_path)
    report = tmp_path / "w.txt"
    report.write_text(_NEW_WORD_TEXT, encoding="utf-8")
    out = tmp_path / "events.csv"
    assert main(["code", str(report), "--resources", str(folder), "-o", str(out)]) == 0
    events = pd.read_csv(out, keep_default_na=False).query("fatalities_best > 0")
    assert events.fatalities_best.tolist() == [5] and _GROUP in set(events.actor1) | set(events.actor2)


def test_a_new_outcome_word_and_group_count_through_code_corpus(tmp_path):
    corpus, out = tmp_path / "corpus.csv", tmp_path / "out"
    pd.DataFrame(dict(id=["w"], text=[_NEW_WORD_TEXT], date="2021-03-03")).to_csv(corpus, index=False)
    folder = _overlay(tmp_path / "ov", grammar="outcome_words:\n  killed: [slain]\n")
    ck.code_corpus(corpus, out, resources=folder, progress=False)
    assert ck.read_coding(out).casualties.empty
    _new_word_overlay(tmp_path)  # edit the overlay: the resumed run recodes
    summary = ck.code_corpus(corpus, out, resources=folder, progress=False)
    assert summary.status.tolist() == ["coded"] and _five_killed_by_group(ck.read_coding(out))
    for engine in ("serial", "dask"):
        ck.code_corpus(corpus, tmp_path / engine, resources=folder, engine=engine, progress=False)
        assert _five_killed_by_group(ck.read_coding(tmp_path / engine))


_RULE = ("event_type\tsub_event_type\tweight\tpattern\n"
         "Strategic developments\tChange to group/activity\t9\t\\b(?:swore fealty)\\b\n")
_FEALTY = "On 3 May 2021, the Ansar brigade swore fealty to the Islamic State in Deir ez-Zor."


def test_an_event_rule_overlay_reaches_every_use(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "event_rules.tsv").write_text(_RULE, encoding="utf-8")
    res = ck.coding.resources.load_resources(folder)
    assert ck.coding.classify_event_type(_FEALTY)[1] != "Change to group/activity"
    assert ck.coding.classify_event_type(_FEALTY, rules=res)[1:] == ("Change to group/activity", 9.0)
    report = ck.report_from_text(_FEALTY, id="fealty", find_header=False)
    assert "Change to group/activity" not in set(ck.code_report(report).events.sub_event_type)
    for coding in (ck.code_report(report, resources=folder),
                   ck.code_reports([report], coder=ck.Coder(folder), engine="dask", npartitions=1)):
        assert coding.events.sub_event_type.tolist() == ["Change to group/activity"]


from hypothesis import given, settings, strategies as st  # noqa: E402

_ANN_ROW = st.tuples(st.text(max_size=5), st.text(max_size=5), st.sampled_from(["casualty", "place", "date"]),
                     st.integers(0, 10**6), st.integers(0, 10**6), st.text(max_size=8),
                     st.one_of(st.none(), st.text(max_size=8)), st.one_of(st.none(), st.text(max_size=8)),
                     st.integers(-1, 50))


@settings(max_examples=60, deadline=None)
@given(st.lists(_ANN_ROW, max_size=6))
def test_annotation_rows_as_tuples_make_the_frame_dicts_make(rows):
    """The annotation table is built column by column (quicker), of tuples or dicts:
    the same frame, dtypes included, as pandas makes from the rows."""
    cols = coder_mod.ANNOTATION_COLUMNS
    from_tuples = coder_mod._frames(rows, [], [], [], {}).annotations
    from_dicts = coder_mod._frames([dict(zip(cols, r)) for r in rows], [], [], [], {}).annotations
    plain = pd.DataFrame(rows, columns=cols).astype(coder_mod._DTYPES["annotations"])
    for made in (from_tuples, from_dicts):
        pd.testing.assert_frame_equal(made, plain)
        assert list(made.dtypes) == list(plain.dtypes)


_VALUES = st.one_of(st.text(max_size=4), st.none(), st.integers(-2**62, 2**62), st.floats(), st.booleans())


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.lists(st.text(max_size=6), max_size=6), st.lists(st.integers(-2**62, 2**62), max_size=6),
                 st.lists(st.floats(), max_size=6), st.lists(st.booleans(), max_size=6),
                 st.lists(_VALUES, max_size=6)),
       st.sampled_from([None, "int64", "float64", "bool"]))
def test_a_column_is_made_as_pandas_makes_it(values, dtype):
    """_column makes a column of strings, numbers or booleans directly (quicker): the same
    column, dtype and array type included, as pandas infers from the list (then astype)."""
    def made(column):
        frame = pd.DataFrame({"c": column})
        try:
            return frame if dtype is None else frame.astype({"c": dtype})
        except (TypeError, ValueError, OverflowError) as e:  # ([9.223372036854776e+18, ""] as int64: overflow)
            return type(e)

    plain, direct = made(list(values)), made(coder_mod._column(list(values), dtype))
    if isinstance(plain, type):
        assert plain is direct
        return
    pd.testing.assert_frame_equal(plain, direct, check_exact=True)
    assert plain.dtypes.tolist() == direct.dtypes.tolist() and type(plain.c.array) is type(direct.c.array)


def test_the_tables_of_real_reports_are_made_as_pandas_makes_them(fakes_path):
    """The annotation table made column by column (_column) is the table pandas makes of the rows."""
    from operator import itemgetter

    rows = {}
    original = coder_mod._make_frames

    def keep(*args):
        rows["all"] = args
        return original(*args)

    coder_mod._make_frames = keep
    try:
        coding = ck.code_reports(ck.load_reports(fakes_path)[0][:120], progress=False)
    finally:
        coder_mod._make_frames = original
    ann, cas, events = rows["all"][:3]
    for got, rows_, columns, kind in ((coding.annotations, ann, coder_mod.ANNOTATION_COLUMNS, "annotations"),
                                      (coding.casualties, cas, coder_mod.CASUALTY_COLUMNS, "casualties"),
                                      (coding.events, events, coder_mod.EVENT_COLUMNS, "events")):
        as_rows = [r if isinstance(r, tuple) else itemgetter(*columns)(r) for r in rows_]
        plain = pd.DataFrame(as_rows, columns=columns).astype(coder_mod._DTYPES[kind])
        pd.testing.assert_frame_equal(got, plain, check_exact=True)
        assert [type(got[c].array) for c in columns] == [type(plain[c].array) for c in columns]


_GENRES = [
    "Two soldiers were killed and five wounded when rebels attacked a checkpoint in Goma on Monday, the army said.",
    "Police fired tear gas at hundreds of students protesting in Accra on 3 May. No injuries were reported.",
    "At least 28 fighters were killed, 13 of them regime forces and 15 jihadists, the Observatory said.",
]


def test_coding_makes_no_reference_cycles():
    """The coder pauses Python's cyclic collector while it codes (its full
    passes would walk every object of the process): that is only sound
    while coding leaves no cycles to collect."""
    import gc

    reports = [ck.load_report(ck.sample_report_path())] + [ck.report_from_text(t, id=f"g{i}")
                                                           for i, t in enumerate(_GENRES)]
    ck.code_reports(reports, progress=False)  # build the dictionaries first
    gc.collect()
    gc.disable()
    try:
        coding = ck.code_reports(reports, progress=False)
        assert len(coding.casualties) > 0
        del coding
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_the_rows_are_freed_before_the_collector_resumes(monkeypatch, fakes_path):
    """The collector stays paused until the tables are made: when it resumes, the rows
    (a tuple per annotation) are freed, and its next pass does not walk them."""
    import gc

    reports = ck.load_reports(fakes_path)[0][:300]
    ck.code_reports(reports, progress=False)  # build the dictionaries and caches first
    young, enable = [], gc.enable

    def counting_enable():
        young.append(len(gc.get_objects(generation=0)))  # what the collector's next pass walks
        enable()

    monkeypatch.setattr(gc, "enable", counting_enable)
    gc.collect()
    coding = ck.code_reports(reports, progress=False)
    # (what stays young is the tables' own objects, some 1,200 whatever the number of reports)
    assert young and len(coding.annotations) > 10000
    assert max(young) < len(coding.annotations) / 8, (young, len(coding.annotations))


def test_the_collector_is_left_as_it_was(monkeypatch):
    import gc

    report = ck.load_report(ck.sample_report_path())
    ck.code_reports([report], progress=False)
    assert gc.isenabled()
    gc.disable()
    try:
        ck.code_reports([report], progress=False)
        assert not gc.isenabled()
    finally:
        gc.enable()
    def fails(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(coder_mod, "_code_rows", fails)
    with pytest.raises(RuntimeError, match="boom"):
        ck.code_report(report)  # one report is coded strictly: the error is raised, the collector back on
    assert gc.isenabled()


def test_an_annotation_names_the_sentence_holding_its_start(fakes_path):
    """Each annotation's ``sentence`` is the index of the sentence span holding its start (-1 outside
    every sentence), and its id the report's id and its place in offset order where it has none."""
    reports = ck.load_reports(fakes_path)[0][:150]
    ann = ck.code_reports(reports, progress=False).annotations
    spans = {r.id: list(r.sentences) for r in reports}
    expected = [next((k for k, (a, b) in enumerate(spans[rid]) if a <= s < b), -1)
                for rid, s in zip(ann.report_id, ann.start)]
    assert ann.sentence.tolist() == expected and (ann.sentence >= 0).mean() > 0.9
    assert ann.groupby("report_id", sort=False).start.apply(lambda x: x.is_monotonic_increasing).all()


def test_an_annotation_outside_every_sentence_has_none():
    from datetime import date
    from types import SimpleNamespace

    text = "Title here. Body one. Body two."
    dates = [SimpleNamespace(start=s, end=s + 4, partial="", date_start=date(2020, 1, 1), date_end=date(2020, 1, 1),
                             precision="day", role="event") for s in (0, 12, 22, 11)]
    ctx = SimpleNamespace(report=SimpleNamespace(id="r"), text=text, lexicon=SimpleNamespace(rows={"actor": {}}),
                          terms={"actor": [], "place": []}, place_infos={}, dates=dates, sources=[],
                          starts=[0, 12, 22], spans=[(0, 11), (12, 21), (22, 31)])
    rows = coder_mod._annotations(ctx, [])
    assert [(r[1], r[3], r[8]) for r in rows] == [("r:a1", 0, 0), ("r:a2", 11, -1), ("r:a3", 12, 1), ("r:a4", 22, 2)]


def test_a_progress_bar_only_when_asked_and_the_same_tables(capsys):
    reports = [_report(), _report()]
    quiet = ck.code_reports(reports, progress=False)
    assert "coding" not in capsys.readouterr().err
    shown = ck.code_reports(reports, progress=True)
    assert "coding" in capsys.readouterr().err
    for name in ("casualties", "events", "annotations"):
        pd.testing.assert_frame_equal(getattr(quiet, name), getattr(shown, name))


def _old_casualty_row(ctx, m, coded, event_id):
    """The old form, written out: a dict of CASUALTY_COLUMNS."""
    from conflictkit.codebook import COUNTED_ROLES

    c, at, published = m.claim, m.at, ctx.anchor
    va, p, d = at.victim_actor, at.place, at.date
    return dict(
        report_id=ctx.report.id, claim_id=m.claim_id, event_id=event_id, outcome=c.outcome,
        count_low=c.count.low, count_best=c.count.best, count_high=c.count.high,
        count_acled=c.count.acled, qualifier=c.count.qualifier, victim=c.victim,
        victim_actor=va["actor"] if va else "", victim_side=va["side"] if va else "",
        victim_category=at.victim_category,
        role=c.role, total_id=coded[c.total_of].claim_id if c.total_of >= 0 else "",
        repeat_id=coded[c.repeat_of].claim_id if c.repeat_of >= 0 else "", part_kind=c.part_kind,
        counted=c.role in COUNTED_ROLES, source=at.source, relay=at.relay,
        admin1=p["admin1"] if p else "", location=p["place"] if p else "",
        date_start=d.date_start if d else published, date_end=d.date_end if d else published,
        start=c.start, end=c.end, text=ctx.text[c.start:c.end], sentence=c.sentence, pattern=c.pattern,
    )


def _beside_the_old_form(monkeypatch, name, old):
    """Run ``old`` beside the coder's function ``name`` on every call: the list of (new result, old result)."""
    seen, new = [], getattr(coder_mod, name)

    def both(*args):
        out = new(*args)
        seen.append((out, old(*args)))
        return out

    monkeypatch.setattr(coder_mod, name, both)
    return seen


def test_a_casualty_row_is_the_old_dict_s_values_in_column_order(monkeypatch, fakes_path):
    """_casualty_row makes a tuple in CASUALTY_COLUMNS order: the values of the old dict, in that order."""
    from operator import itemgetter

    seen = _beside_the_old_form(monkeypatch, "_casualty_row", _old_casualty_row)
    reports = ck.load_reports(fakes_path)[0][:250] + [ck.load_report(ck.sample_report_path())]
    ck.code_reports(reports, progress=False)
    assert len(seen) > 1000
    for row, old in seen:
        assert isinstance(row, tuple) and repr(row) == repr(itemgetter(*coder_mod.CASUALTY_COLUMNS)(old))


def _old_annotations(ctx, coded, event_annotations=()):
    """The old form of _annotations, written out: rows sorted by a key of (start, end, label)."""
    from bisect import bisect_right
    from operator import itemgetter

    def fmt(count):
        import math

        if math.isnan(count.best):
            return "(number not reported)"
        high = "open" if math.isnan(count.high) else f"{count.high:g}"
        q = f"{count.qualifier} " if count.qualifier else ""
        return f"{q}{count.best:g} (low {count.low:g}, high {high})"

    rid, text = ctx.report.id, ctx.text
    rows = []
    for m in coded:
        c = m.claim
        rows.append(("casualty", c.start, c.end, f"{c.outcome} {fmt(c.count)}", f"role={c.role}", m.claim_id))
    actors = ctx.lexicon.rows["actor"]
    for t in ctx.terms["actor"]:
        row = actors[t.entry]
        rows.append(("actor", t.start, t.end, row["actor"], f"side={row['side']}; type={row['actor_type']}", None))
    infos = ctx.place_infos
    for t in ctx.terms["place"]:
        info = infos[t]
        rows.append(("place", t.start, t.end, info["place"],
                     f"{info['precision']}; admin1={info['admin1']}; country={info['country']}", None))
    for d in ctx.dates:
        span = d.partial or (str(d.date_start) if d.date_start == d.date_end else f"{d.date_start}/{d.date_end}")
        rows.append(("date", d.start, d.end, span, f"{d.precision}; {d.role}", None))
    for m in ctx.sources:
        rows.append(("source", m.start, m.end, m.source, f"{m.role}; {m.kind}", None))
    rows += [(a["label"], a["start"], a["end"], a["value"], a["detail"], a["annotation_id"])
             for a in event_annotations]
    rows.sort(key=itemgetter(1, 2, 0))
    starts, spans, out = ctx.starts, ctx.spans, []
    for n, (label, s, e, value, detail, aid) in enumerate(rows, 1):
        i = bisect_right(starts, s) - 1
        out.append((rid, aid or f"{rid}:a{n}", label, s, e, text[s:e], value, detail,
                    i if i >= 0 and s < spans[i][1] else -1))
    return out


def test_annotation_rows_as_the_old_form(monkeypatch, fakes_path):
    """_annotations sorts its rows as tuples led by (start, end, label, their place), not by a key: the
    rows of the old form, in its order, over real reports and over rows that tie on (start, end, label)."""
    from datetime import date
    from types import SimpleNamespace

    seen = _beside_the_old_form(monkeypatch, "_annotations", _old_annotations)
    ck.code_reports(ck.load_reports(fakes_path)[0][:300] + [ck.load_report(ck.sample_report_path())], progress=False)
    assert sum(len(rows) for rows, _ in seen) > 10000
    for rows, old in seen:
        assert repr(rows) == repr(old)
    # ties: the same span and label from the terms and the events, in the order they came
    text = "Rebels attacked Homs and Homs again."
    dates = [SimpleNamespace(start=16, end=20, partial="", date_start=date(2020, 1, 1), date_end=date(2020, 1, 2),
                             precision="day", role="event")]
    ctx = SimpleNamespace(report=SimpleNamespace(id="r"), text=text,
                          lexicon=SimpleNamespace(rows={"actor": [{"actor": "Rebels", "side": "x", "actor_type": "y"},
                                                                  {"actor": "B", "side": "z", "actor_type": "w"}]}),
                          terms={"actor": [SimpleNamespace(start=0, end=6, entry=1), SimpleNamespace(start=0, end=6,
                                                                                                   entry=0)],
                                 "place": []},
                          place_infos={}, dates=dates, sources=[], starts=[0], spans=[(0, len(text))])
    events = [dict(label=label, start=s, end=e, value=v, detail=None, annotation_id=aid)
              for label, s, e, v, aid in [("actor", 0, 6, "A", None), ("event", 7, 15, "Attack", "r:x"),
                                          ("actor", 0, 6, "0", "r:y"), ("date", 16, 20, "z", None),
                                          ("date", 16, 20, "a", None)]]
    assert repr(coder_mod._annotations(ctx, [], events)) == repr(_old_annotations(ctx, [], events))


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.integers(-2_000_000, 2_000_000), st.integers(), st.floats(), st.booleans(),
                 st.sampled_from([999_999, 1_000_000, -999_999, -1_000_000, 0, 100_000, 123_456])))
def test_a_count_is_written_as_the_g_format_writes_it(x):
    assert coder_mod._g(x) == f"{x:g}"
