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


@pytest.mark.parametrize("text", [
    # a caption closed by its photo credit, run into the lead (no full stop between)
    "A soldier runs near destroyed buildings in Hasakeh on Monday (AFP photo) BEIRUT Thirteen civilians died",
    "People inspect the damage in the town of Ariha August 3 2015(Reuters Photo) Thirty-five people were killed",
    "Men pass burnt-out vehicles in Aleppo on July 9 2016 (Photo AFP) Syrian state media says 30 were killed",
    "Smoke rises over Gaza City on 12 May 2021. REUTERS/Mohammed Salem",
])
def test_a_date_before_a_photo_credit_is_a_captions_date(text):
    assert all(d.role == "caption" for d in find_dates(text, date(2021, 5, 14)) if d.start < 60)


@pytest.mark.parametrize("text", [
    "Clashes erupted in Hasakeh on Monday (local time) and killed 13.",
    "Clashes erupted in Hasakeh on Monday. A photo of the scene (AFP) was shared later.",
])
def test_a_date_before_other_brackets_dates_its_event(text):
    assert [d.role for d in find_dates(text, date(2015, 7, 15))][:1] == ["event"]


@pytest.mark.parametrize("text, day", [
    ("Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use", date(2017, 4, 5)),
    ("22 September, 2020\nClashes erupted", date(2020, 9, 22)),
    ("Published: 12 February 2015 Casualties mount", date(2015, 2, 12)),
    ("Clashes erupted on 12 February 2015", None),
])
def test_the_dateline_printed_at_the_head(text, day):
    assert dateline_date(text) == day
    assert all(d.role != "event" for d in find_dates(text) if day is not None and d.start < 30)


@pytest.mark.parametrize("text, day", [
    # a label of several words
    ("Date of publication 16 October 2017 Rebel shelling on the capital killed four civilians", date(2017, 10, 16)),
    ("Posted on March 3, 2021 Gunmen attacked a convoy", date(2021, 3, 3)),
    # figures, day first (dots or dashes), as printed outside the US
    ("24.08.2013 Syrian state media accused rebels of using chemical arms", date(2013, 8, 24)),
    ("27-09-2013 Damascus Car Bomb Kills 70 People at Least. A car bomb killed 70 people", date(2013, 9, 27)),
    # a wire agency's dated credit after the headline
    ("18 IS jihadists killed fighting Syria Kurds Monitor AFP Saturday 20 Sep 2014 At least 18 jihadists", date(2014, 9, 20)),
    ("Floods kill 12 in Kenya Reuters Friday 8 May 2020 Heavy rains", date(2020, 5, 8)),
])
def test_datelines_in_other_prints(text, day):
    assert dateline_date(text) == day
    assert [d.role for d in find_dates(text) if d.date_start == day] in ([], ["dateline"])


@pytest.mark.parametrize("text", [
    "31.02.2017 Clashes erupted",  # no such day
    "05.13.2017 Clashes erupted",  # no month 13 (not read month first)
    "Clashes erupted near Aleppo on Saturday, AFP reported, and on 20 Sep 2014 a bomb went off.",  # no credit
    "Protesters marched through the capital. " * 8 + "AFP Saturday 20 Sep 2014",  # too far in for a credit
    "Rebels said 3.5.2017 was the date of the truce",  # a date inside a sentence is no dateline
])
def test_no_dateline_in_other_prints(text):
    assert dateline_date(text) is None


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


@pytest.mark.parametrize("text, day", [
    ("Gunmen attacked a bus on 13/05 near Kismayo.", "2016-05-13"),
    ("Al Shabaab shelled the base in the night of 15/05.", "2016-05-15"),
    ("Police dispersed the rally in the evening of 2/5, witnesses said.", "2016-05-02"),
    ("Troops recaptured the village on 05/13.", "2016-05-13"),  # 13 is no month: month first
    ("Rioters burned the office on 3/2/2015.", "2015-02-03"),
])
def test_day_and_month_in_figures_day_first(text, day):
    assert [d for _, d, _ in _event_dates(text, date(2016, 5, 20))] == [day]


@pytest.mark.parametrize("text", [
    "Militias patrol the streets 24/7 since the election.",
    "About 1/3 of the residents fled the town.",
    "The council adopted the motion in a 5/2 vote.",
])
def test_figures_with_a_slash_that_are_no_date(text):
    assert _event_dates(text, date(2016, 5, 20)) == []


@pytest.mark.parametrize("text, published, day", [
    ("Clashes erupted on 28 December in the capital.", date(2016, 1, 3), "2015-12-28"),
    ("Protesters gathered on 3 March.", date(2016, 12, 30), "2016-03-03"),
    ("Gunmen attacked the village in the night of 02/01.", date(2016, 1, 1), "2015-01-02"),
    ("A grenade hit the station on 29/02.", date(2017, 5, 1), "2016-02-29"),
])
def test_a_day_and_month_take_the_latest_year_not_after_the_publication_date(text, published, day):
    assert _event_dates(text, published)[0][1] == day


@pytest.mark.parametrize("text, partial", [
    ("On 12 March, gunmen attacked a village.", "--03-12"),
    ("Police arrested five protesters on March 3rd.", "--03-03"),
    ("A grenade was hurled at the station in the night of 29/02.", "--02-29"),
])
def test_a_day_and_month_without_year_or_publication_date_is_kept_without_a_year(text, partial):
    (d,) = [d for d in find_dates(text) if d.role == "event"]
    assert (d.date_start, d.date_end, d.precision, d.iso) == (None, None, "day", partial)


@pytest.mark.parametrize("text, days", [
    ("On 21 September 2020, clashes erupted. The clashes on 22 September killed 26.", ["2020-09-21", "2020-09-22"]),
    ("The army took the town in March 2016; on 3/4 rebels shelled it.", ["2016-03", "2016-04-03"]),
    ("Rebels shelled the town on 3 April. On 5 April 2016 the army took it.", ["--04-03", "2016-04-05"]),
])
def test_without_publication_date_a_day_and_month_take_the_year_given_before_them(text, days):
    assert [d.iso for d in find_dates(text) if d.role == "event"] == days


def test_a_day_the_calendar_has_not_is_no_date():
    assert find_dates("Clashes on 31 February and on 30/02.") == []


@pytest.mark.parametrize("text, iso", [
    ("Clashes erupted on 12 March 2019.", "2019-03-12"),
    ("Clashes erupted in March 2019.", "2019-03"),
    ("Clashes erupted in 2019.", "2019"),
    ("Clashes erupted last week.", "2020-09-14/2020-09-20"),
    ("Clashes have raged since Monday.", "2020-09-21/2020-09-22"),
])
def test_iso_writes_a_date_at_its_precision(text, iso):
    assert find_dates(text, date(2020, 9, 22))[0].iso == iso
