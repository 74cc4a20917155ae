"""ACLED's coding remarks in notes: the figure an event carries."""

import math

import pytest

from conflictkit.coding.conventions import Remark, find_remarks, remark_share


@pytest.mark.parametrize("note, share", [
    ("Fighting was reported in the area. Unknown fatalities coded as 10.", 10),
    ("Casualties on both sides; the unknown number of fatalities is coded to 10.", 10),
    ("An unspecified number of fighters died, coded as ten, in the clashes.", 10),
    ("Coded 3 fatalities conservatively.", 3),
    ("Unknown number of rebel fatalities coded to 10. Total fatalities coded to 24.", 24),
    ("Unknown fatalities coded as 10 for a total of 14 fatalities.", 14),
    ("Total fatalities coded to 12 and split between both locations, 6 each.", 6),
    ("Total fatalities coded to 20 and spread evenly across the four events.", 5),
    ("Unknown fatalities coded as 10 and divided between Tall Rifaat and Mare'.", 5),
    ("Unknown fatalities coded as 10 and divided 4/4/2 across Kafr Nabl, Hass and Kansafra respectively.", 4),
    ("Total fatalities of 11 are split as follows: 3 Jisr, 4 Ariha, 4 Saraqib.", 4),
    ("Eight fatalities were split between the two events with 4 coded to this event.", 4),
    ("Total fatalities of 40 are split over 12 locations as follows: 4 Tal, 3 Kafr. Total fatalities coded as 4.", 4),
])
def test_remarks_give_the_event_share(note, share):
    assert remark_share(find_remarks(note)) == share


@pytest.mark.parametrize("note", [
    "Five regime soldiers were killed and 3 others were wounded.",
    "Regime forces shelled the town, which was split between two factions.",
    "The army coded its messages before each attack.",
])
def test_no_remark_without_a_coded_figure(note):
    assert find_remarks(note) is None


def test_remark_keeps_total_and_share_apart():
    r = find_remarks("Total fatalities coded to 10, split between the 2 locations with 5 coded to each.")
    assert (r.total, r.share) == (10, 5)
    assert math.isnan(find_remarks("Unknown fatalities coded as 10.").share)


def test_share_without_any_figure_is_none():
    assert remark_share(Remark(0, 0, math.nan)) is None
