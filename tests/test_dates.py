"""Dates in a report: absolute and relative ones, the dateline, captions."""

from datetime import date

import pytest

from conflictkit.coding.dates import dateline_date, find_dates


def _event_dates(text, published=None):
    return [(d.text, str(d.date_start), d.precision) for d in find_dates(text, published) if d.role == "event"]


@pytest.mark.parametrize("text, day", [
    ("On 17 November 2021, gunmen attacked a checkpoint.", "2021-11-17"),
    ("On September 28 2019 rebels shelled the town.", "2019-09-28"),
    ("The strike happened around 28 December 2020 (as reported).", "2020-12-28"),
    ("On the 3rd of March, 2018, a car bomb exploded.", "2018-03-03"),
])
def test_absolute_dates_need_no_publication_date(text, day):
    assert [d for _, d, _ in _event_dates(text)] == [day]


@pytest.mark.parametrize("text, day", [
    ("Troops clashed with militants on Thursday.", "2020-09-17"),
    ("Fighting broke out late Monday near the border.", "2020-09-21"),
    ("Two people were killed yesterday.", "2020-09-21"),
    ("Rebels have since Monday attacked army posts.", "2020-09-21"),
])
def test_relative_dates_resolve_against_the_dateline(text, day):
    assert _event_dates(text, date(2020, 9, 22))[0][1] == day


def test_one_day_after_counts_back_from_the_date_before_it():
    got = _event_dates("Clashes erupted on Monday night, one day after Russia launched air strikes.",
                       date(2020, 9, 22))
    assert [d for _, d, _ in got] == ["2020-09-21", "2020-09-20"]


def test_a_month_without_year_is_the_latest_such_month_at_month_precision():
    assert _event_dates("Turkey and Russia reached a ceasefire deal in March.", date(2020, 9, 22)) == [
        ("in March", "2020-03-01", "month")]


@pytest.mark.parametrize("text", [
    "File photo taken on 3 March 2013 shows rebels in Aleppo.",
    "Pictured: smoke rising over the city on 3 March 2013.",
    "Read also: Clashes in Idlib on 3 March 2013",
    "Related: Fighting in Daraa, 3 March 2013",
])
def test_captions_and_related_links_never_date_an_event(text):
    assert _event_dates(text) == []


@pytest.mark.parametrize("text, day", [
    ("Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use", date(2017, 4, 5)),
    ("22 September, 2020\nClashes erupted", date(2020, 9, 22)),
    ("Published: 12 February 2015 Casualties mount", date(2015, 2, 12)),
    ("Clashes erupted on 12 February 2015", None),
])
def test_the_dateline_printed_at_the_head(text, day):
    assert dateline_date(text) == day
    assert all(d.role != "event" for d in find_dates(text) if day is not None and d.start < 30)


def test_a_dateline_the_calendar_has_not_is_no_dateline():
    assert dateline_date("31 February 2017 Clashes erupted") is None


def test_captions_are_searched_where_their_words_are():
    """The cheap look for a caption's words decides as the full search does."""
    import conflictkit as ck
    from conflictkit.coding import dates
    from conflictkit.io.datasets import dataset_path

    texts = [ck.load_report(ck.sample_report_path()).text,
             "File photo taken on 3 March 2013. RELATED: clashes on Monday. Pictured: Aleppo in 2016.",
             "Photos showing the site, dated 5 May 2017, and video from 2018."]
    fakes = dataset_path("news", "fa-kes-syria-804.csv")
    texts += [r.text for r in ck.load_reports(fakes)[0][:300]] if fakes is not None else []
    seen = 0
    for text in texts:
        for m in dates._candidates(text, 0, len(text)):
            a = max(0, m.start() - 140)
            found = dates._CAPTION.search(text, a, m.start()) is not None
            assert dates._captioned(text, a, m.start()) == found
            seen += found
    assert seen >= 3
