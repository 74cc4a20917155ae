"""Who says so (conflictkit.coding.sources): a speaker is a source, not an actor."""

import pytest

from conflictkit.coding.sources import is_speaker


@pytest.mark.parametrize("text, words, speaks", [
    ("Security forces killed a militant in Srinagar, police said.", "police", True),
    ("The army said government troops killed 12 insurgents.", "army", True),
    ("Soldiers killed 3 civilians, according to the army.", "army", True),
    ("A police spokesman told AFP that gunmen attacked the convoy.", "police", True),
    ("Five people died, said police in Kano.", "police", True),
    ("Police said on Monday that five people died.", "Police", True),
    # the actor of the sentence, or a speaker that tells what it did
    ("Security forces killed a militant in Srinagar, police said.", "Security forces", False),
    ("Officials said security forces killed five militants.", "security forces", False),
    ("Police said they arrested five men.", "Police", False),
    ("The army said its troops killed 12 fighters.", "army", False),
    ("Police fired tear gas at protesters, witnesses said.", "Police", False),
    ("Gunmen killed a police officer, officials said.", "police officer", False),
    ("Clashes between regime forces and rebels reported near Qaboun.", "rebels", False),
    ("The Egyptian military announced the killing of 29 militants.", "Egyptian military", False),
])
def test_is_speaker(text, words, speaks):
    s = text.index(words)
    assert is_speaker(text, s, s + len(words)) is speaks


@pytest.mark.parametrize("text", [
    "Five people died, a war monitor said. Gunmen attacked the convoy. Activists reported the toll.",
    "The toll rose. The Syrian Observatory source said three died",
    "Officials. The army, a local source told AFP, shelled the town. A witness",
    "residents said",
    "No verb here. Nor here.",
])
def test_generic_sources_looked_for_only_before_a_verb_find_all(text):
    """The stretches where a generic source phrase is looked for (before a verb
    of saying in its sentence, or in the last sentence) hold every match."""
    from conflictkit.coding import sources
    from conflictkit.coding._scan import matches_at

    starts, verbs = sources._first_words_and_verbs(text)
    everywhere = list(sources._GENERIC.finditer(text))
    windows = sources._generic_windows(text, verbs)
    assert all(any(a <= m.start() < b for a, b in windows) for m in everywhere)
    assert [m.span() for m in matches_at(sources._GENERIC, text, sources._within(starts, windows))] == [
        m.span() for m in everywhere]
