"""Resources: the bundled grammar, dictionaries and event rules, and overlays of them."""

import pickle
import shutil
import subprocess
import sys
from importlib import resources as importlib_resources
from pathlib import Path

import pandas as pd
import pytest

from conflictkit.coding import resources as res_mod
from conflictkit.coding.lexicon import build_lexicon
from conflictkit.coding.resources import RESOURCE_FILES, Resources, load_resources
from conflictkit.errors import InputError

_NEW_ACTOR = ("actor,side,actor_type,country,alias,case_sensitive,needs_context\n"
              "Ansar al-Fajr,Ansar al-Fajr,Rebel group,SY,Ansar al-Fajr,0,\n")


def _overlay(tmp_path, files):
    folder = tmp_path / "overlay"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _bundled_table(name, *folders):
    base = importlib_resources.files("conflictkit").joinpath("resources")
    kw = dict(sep="\t", quoting=3) if name.endswith(".tsv") else {}
    tables = []
    for folder in folders:
        path = base.joinpath(*folder.split("/"), name) if folder else base.joinpath(name)
        if path.is_file():
            with path.open(encoding="utf-8") as f:
                tables.append(pd.read_csv(f, dtype=str, keep_default_na=False, **kw))
    table = pd.concat(tables, ignore_index=True)
    if "case_sensitive" in table:  # an optional last column: left out, it is 0
        table["case_sensitive"] = table["case_sensitive"].fillna("").replace("", "0")
    return table


def test_bundled_resources_are_the_bundled_files_then_the_syria_bundle():
    res = load_resources()
    assert load_resources(None) is res and load_resources(res) is res
    assert res.bundles == ("syria",) and res.overlays == ()
    for name, field in RESOURCE_FILES.items():
        if not name.endswith(".yaml"):
            pd.testing.assert_frame_equal(getattr(res, field), _bundled_table(name, "", "bundles/syria"))
    assert "killed" in res.grammar["outcome_words"]["killed"]


def test_syria_is_a_bundle_not_code():
    general, syria = load_resources(bundles=()), load_resources()
    assert "SY" not in set(general.actors.country) and "SY" not in set(general.places.country)
    assert {"HTS: Hayat Tahrir al Sham", "Military Forces of Syria"} <= set(syria.actors.actor)
    assert "Idlib" in set(syria.places.place) and "SOHR" in set(syria.sources.alias)
    assert general.fingerprint != syria.fingerprint
    assert build_lexicon(resources=general).find("Regime forces shelled Idlib.")["actor"] == []
    assert [t.text for t in build_lexicon().find("Regime forces shelled Idlib.")["actor"]] == ["Regime forces"]
    with pytest.raises(InputError, match="no such bundle"):
        load_resources(bundles=("atlantis",))


def test_resources_pickle_and_fingerprint_is_stable_across_processes():
    res = load_resources()
    again = pickle.loads(pickle.dumps(res))
    assert isinstance(again, Resources) and again.fingerprint == res.fingerprint
    code = "from conflictkit.coding.resources import load_resources; print(load_resources().fingerprint)"
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(Path(res_mod.__file__).parents[2])})
        assert out.stdout.strip() == res.fingerprint


def test_an_overlay_extends_tables_and_grammar_lists(tmp_path):
    folder = _overlay(tmp_path, {
        "actors.csv": _NEW_ACTOR,
        "grammar/en.yaml": "outcome_words:\n  killed: [martyred, killed]\nmanner_adverbs: [grievously]\n",
    })
    bundled, res = load_resources(), load_resources(folder)
    assert len(res.actors) == len(bundled.actors) + 1 and res.actors.iloc[-1]["alias"] == "Ansar al-Fajr"
    assert list(res.actors.columns) == list(bundled.actors.columns)
    killed = res.grammar["outcome_words"]["killed"]
    assert killed == bundled.grammar["outcome_words"]["killed"] + ["martyred"]  # "killed" not repeated
    assert res.grammar["outcome_words"]["injured"] == bundled.grammar["outcome_words"]["injured"]
    assert res.grammar["manner_adverbs"][-1] == "grievously"
    assert res.overlays == (str(folder),)
    assert res.fingerprint != bundled.fingerprint
    assert "martyred" not in bundled.grammar["outcome_words"]["killed"]  # the bundled grammar is untouched


def test_fingerprint_follows_contents_not_files(tmp_path):
    same = _overlay(tmp_path, {"grammar/en.yaml": "outcome_words:\n  killed: [killed, dead]\n"})
    assert load_resources(same).fingerprint == load_resources().fingerprint
    (same / "grammar" / "en.yaml").write_text("outcome_words:\n  killed: [killed, slaughtered]\n")
    assert load_resources(same).fingerprint != load_resources().fingerprint


def test_editing_a_bundled_file_changes_the_fingerprint(tmp_path, monkeypatch):
    copy = tmp_path / "resources"
    shutil.copytree(importlib_resources.files("conflictkit").joinpath("resources"), copy)
    monkeypatch.setattr(res_mod, "resource_path", lambda name: copy / name)
    res_mod._bundled.cache_clear()
    try:
        before = load_resources().fingerprint
        with (copy / "sources.csv").open("a", encoding="utf-8") as f:
            f.write("Raqqa Is Being Slaughtered Silently,monitor,RBSS,1\n")
        res_mod._bundled.cache_clear()
        assert load_resources().fingerprint != before
    finally:
        res_mod._bundled.cache_clear()


def test_lexicon_is_built_from_resources(tmp_path):
    res = load_resources(_overlay(tmp_path, {"actors.csv": _NEW_ACTOR}))
    text = "Fighters of Ansar al-Fajr attacked Saraqeb."
    assert [t.text for t in res.lexicon().find(text)["actor"]] == ["Ansar al-Fajr"]
    assert res.lexicon() is res.lexicon()
    assert [t.text for t in build_lexicon(resources=res).find(text)["place"]] == ["Saraqeb"]
    assert build_lexicon().find(text)["actor"] == []


@pytest.mark.parametrize("files, where, problem", [
    ({"actor.csv": "x\n"}, "actor.csv", "unknown resources file"),
    ({"grammar/fr.yaml": "x: [a]\n"}, "fr.yaml", "unknown resources file"),
    ({"actors.csv": "actor,side,alias\nA,B,C\n"}, "actors.csv, line 1", "missing column(s) actor_type"),
    ({"places.csv": "place,alias,kind,country,admin1,latitude,longitude,population\n"},
     "places.csv, line 1", "unknown column(s) population"),
    ({"actors.csv": _NEW_ACTOR + "X,X,Rebel group,SY,X,yes,\n"}, "actors.csv, line 3",
     "case_sensitive must be 0 or 1, not 'yes'"),
    ({"actors.csv": _NEW_ACTOR + "X,X,Rebel group,SY\n"}, "actors.csv, line 3", "4 fields, the header names 7"),
    ({"places.csv": "place,alias,kind,country,admin1,latitude,longitude\nA,A,town,SY,,north,1\n"},
     "places.csv, line 2", "latitude must be a number"),
    ({"places.csv": "place,alias,kind,country,admin1,latitude,longitude\nA,A,village,SY,,1,1\n"},
     "places.csv, line 2", "kind must be one of"),
    ({"sources.csv": "source,kind,alias,case_sensitive\n,monitor,X,0\n"}, "sources.csv, line 2", "empty source"),
    ({"event_rules.tsv": "event_type\tsub_event_type\tweight\tpattern\nBattles\tArmed clash\t2\tclash\n"},
     "event_rules.tsv, line 2", "must start with \\b"),
    ({"event_rules.tsv": "event_type\tsub_event_type\tweight\tpattern\nBattles\tArmed clash\tlots\t\\bclash\n"},
     "event_rules.tsv, line 2", "weight must be a number"),
    ({"grammar/en.yaml": "outcome_words:\n  killed: [martyred\n"}, "en.yaml, line 3", "not valid YAML"),
    ({"grammar/en.yaml": "manner_adverbs: [grievously]\noutcome_wrds:\n  killed: [martyred]\n"},
     "en.yaml, line 2", "unknown grammar key 'outcome_wrds'"),
    ({"grammar/en.yaml": "outcome_words:\n  slain: [martyred]\n"}, "en.yaml, line 2",
     "unknown grammar key 'outcome_words.slain'"),
    ({"grammar/en.yaml": "outcome_words:\n  killed: martyred\n"}, "en.yaml, line 2",
     "outcome_words.killed must be a list"),
    ({"grammar/en.yaml": "victim_heads: [fighters, '(unclosed']\n"}, "en.yaml, line 1", "not a valid pattern"),
    ({"grammar/en.yaml": "vague_amounts:\n  a handful of: [3, 4]\n"}, "en.yaml, line 2", "four numbers"),
    ({"grammar/en.yaml": "- martyred\n"}, "en.yaml, line 1", "must be a mapping"),
])
def test_a_malformed_overlay_gets_a_one_line_error(tmp_path, files, where, problem):
    folder = _overlay(tmp_path, files)
    with pytest.raises(InputError) as err:
        load_resources(folder)
    message = str(err.value)
    assert "\n" not in message
    assert where in message and problem in message, message


def test_a_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such resources folder"):
        load_resources(tmp_path / "nowhere")
    (tmp_path / "actors.csv").write_text(_NEW_ACTOR)
    with pytest.raises(InputError, match="is a file"):
        load_resources(tmp_path / "actors.csv")


def test_optional_columns_may_be_left_out(tmp_path):
    folder = _overlay(tmp_path, {
        "actors.csv": "actor,side,actor_type,country,alias\nAnsar al-Fajr,Ansar al-Fajr,Rebel group,SY,Fajr\n",
        "event_rules.tsv": "event_type\tsub_event_type\tweight\tpattern\n"
                           "Battles\tArmed clash\t2\t\\bskirmishing\\b\n",
    })
    res = load_resources(folder)
    assert res.actors.iloc[-1][["case_sensitive", "needs_context"]].tolist() == ["0", ""]
    assert res.event_rules.iloc[-1]["case_sensitive"] == "0"
    assert list(res.event_rules.columns) == list(load_resources().event_rules.columns)
