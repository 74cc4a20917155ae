import datetime as dt
import json

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit.errors import InputError


# --- the sample report: known answers written from reading the file --------

def test_sample_report_title_and_date(sample_report):
    assert sample_report.title == "Dozens dead in IS, govt clashes in Syria's Raqqa"
    assert sample_report.published == dt.date(2020, 9, 22)
    assert sample_report.id == "2020-09-22-raqqa-clashes"


def test_sample_report_text_is_unaltered(sample_report):
    raw = ck.sample_report_path().read_bytes().decode("utf-8")
    assert sample_report.text == raw


def test_sample_report_body_excludes_boilerplate(sample_report):
    body = sample_report.body_text
    assert body.startswith("Clashes in Syria between pro-regime forces")
    assert body.rstrip().endswith("take control of the area from rebels.")
    for junk in ("[Getty]", "Read also", "Follow us on", "3 min read", "22 September, 2020"):
        assert junk not in body
    kinds = {k for _, _, k in sample_report.boilerplate}
    assert kinds == {"title_repeat", "reading_time", "dateline", "caption", "read_also", "footer"}
    standfirst = [sample_report.text[s:e] for s, e, k in sample_report.segments if k == "standfirst"]
    assert standfirst == [
        "At least 28 fighters were killed in clashes between Syria pro-regime forces "
        "and Islamic State militants in the northern province of Raqqa."
    ]


def test_sample_report_sentences_slice_back(sample_report):
    texts = sample_report.sentence_texts()
    assert texts[0] == sample_report.title
    assert "Rami Abdel Rahman, head of the Britain-based monitoring group, told AFP" in texts[4]
    assert len(texts) == 21
    for s, e in sample_report.sentences:
        assert sample_report.text[s:e] == sample_report.text[s:e].strip()
    assert not any("Getty" in t or "Follow us" in t for t in texts)


def test_other_outlet_layout():
    text = (
        "Five killed in shelling of Ariha\n"
        "By Staff Writer\n"
        "Published: March 3, 2021 10:45 GMT\n"
        "Smoke rises over Ariha (AFP photo)\n"
        "Five civilians were killed when shells hit Ariha on Tuesday, rescuers said.\n"
        "Related stories: Idlib truce holds\n"
        "Copyright 2021 Example News\n"
    )
    r = ck.load_report(text)
    assert r.title == "Five killed in shelling of Ariha"
    assert r.published == dt.date(2021, 3, 3)
    assert [r.text[s:e] for s, e in r.body] == [
        "Five civilians were killed when shells hit Ariha on Tuesday, rescuers said.",
    ]
    kinds = [k for *_, k in r.segments]
    assert kinds == ["title", "byline", "dateline", "caption", "body", "read_also", "footer"]


def test_published_from_filename(tmp_path):
    f = tmp_path / "2019-03-01-homs.txt"
    f.write_text("Shelling in Homs\n\nTwo people were killed.", encoding="utf-8")
    assert ck.load_report(f).published == dt.date(2019, 3, 1)


def test_html_page(tmp_path):
    body = " ".join(["Three soldiers were killed in an ambush near Palmyra on Sunday."] * 4)
    html = (
        "<html><head><title>Ambush near Palmyra</title>"
        '<meta property="article:published_time" content="2019-05-06T10:00:00Z"></head>'
        "<body><nav>Home | World</nav><article><h1>Ambush near Palmyra</h1>"
        f"<p>{body}</p><p>{body}</p></article><footer>Follow us on Twitter</footer></body></html>"
    )
    f = tmp_path / "page.html"
    f.write_text(html, encoding="utf-8")
    r = ck.load_report(f)
    assert r.title == "Ambush near Palmyra"
    assert r.published == dt.date(2019, 5, 6)
    assert "Three soldiers were killed" in r.body_text
    assert "Home | World" not in r.text


# --- bad input ---------------------------------------------------------------

def test_empty_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    with pytest.raises(InputError, match="empty.txt: file is empty"):
        ck.load_report(f)


def test_whitespace_file(tmp_path):
    f = tmp_path / "blank.txt"
    f.write_text("  \n\n ")
    with pytest.raises(InputError, match="contains no text"):
        ck.load_report(f)


def test_binary_file(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary"):
        ck.load_report(f)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        ck.load_report(tmp_path / "nope.txt")


@pytest.mark.parametrize("text", [
    "Two civilians were killed in Homs on Monday.",
    "Shelling kills 3 in Idlib",
    "At least 12 dead after an air strike on a market in Ariha, activists say",
])
def test_one_line_of_words_is_text_not_a_path(text):
    r = ck.load_report(text)
    assert r.text == text and r.id == "report"
    assert r.sentence_texts() == [text]


@pytest.mark.parametrize("name", ["nope.txt", "reports/two killed", "Two killed.html", "nope", "a\\b c"])
def test_a_string_that_reads_as_a_path_must_exist(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"^\S.*: no such file$"):
        ck.load_report(name)


def test_an_existing_file_named_like_words_is_read_as_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Two killed in Homs").write_text("Report from the file\n\nThree were killed.")
    assert ck.load_report("Two killed in Homs").title == "Report from the file"


def test_non_utf8_is_decoded_with_a_stated_fallback(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Attack on Saraqeb\n\nThe caf\xe9 was hit \u2013 two died.".encode("cp1252"))
    with pytest.warns(UserWarning, match="not valid UTF-8.*cp1252"):
        r = ck.load_report(f)
    assert r.encoding == "cp1252"
    assert "café was hit – two died" in r.text
    assert r.notes and "cp1252" in r.notes[0]


def test_huge_file_is_refused_clearly(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_bytes(b"Killed. " * (50_000_000 // 8))
    with pytest.raises(InputError, match=r"huge.txt: file is 50.0 MB, larger than max_bytes"):
        ck.load_report(f)


# --- corpora -------------------------------------------------------------------

def test_fakes_corpus_loads_every_row_accounted_for(fakes_path):
    raw = pd.read_csv(fakes_path, dtype=str)
    reports, rejects = ck.load_reports(fakes_path)
    assert len(reports) + len(rejects) == len(raw) == 804
    assert all(r.published is not None for r in reports)
    assert set(rejects.reason.str.extract(r"^(duplicate of row)")[0]) == {"duplicate of row"}
    # m/d/yyyy, not d/m: the first row is dated 4/5/2017 and its text says Wed 05 Apr 2017
    first = reports[0]
    assert first.id == "1914947530" and first.published == dt.date(2017, 4, 5)
    assert first.title.startswith("Syria attack symptoms")
    assert first.outlet == raw.loc[0, "source"]
    assert len({r.id for r in reports}) == len(reports)
    years = {r.published.year for r in reports}
    assert min(years) == 2011 and max(years) == 2018


def test_csv_with_bad_rows(tmp_path):
    f = tmp_path / "corpus.csv"
    pd.DataFrame({
        "doc": ["a", "b", "c", "d", "a"],
        "story": ["Two killed in Homs.", "", "One killed.", "Three injured.", "Other text."],
        "when": ["2020-01-02", "2020-01-03", "not a date", "", "2020-01-05"],
    }).to_csv(f, index=False)
    reports, rejects = ck.load_reports(f, id_column="doc", text_column="story", date_column="when")
    assert [r.id for r in reports] == ["a", "d", "a@row6"]
    assert reports[1].published is None
    assert rejects[["row", "id"]].values.tolist() == [[3, "b"], [4, "c"]]
    assert rejects.reason.tolist() == ["empty text", "unparseable date 'not a date'"]


def test_csv_missing_text_column(tmp_path):
    f = tmp_path / "corpus.csv"
    f.write_text("id,title\n1,Hello\n")
    with pytest.raises(InputError, match=r"corpus.csv: no text column"):
        ck.load_reports(f)


def test_jsonl_with_malformed_line(tmp_path):
    f = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": "x", "text": "Four killed.", "published": "2018-02-01"}),
             "{not json", json.dumps([1, 2])]
    f.write_text("\n".join(lines))
    reports, rejects = ck.load_reports(f)
    assert [r.id for r in reports] == ["x"] and reports[0].published == dt.date(2018, 2, 1)
    assert rejects.row.tolist() == [2, 3]
    assert rejects.reason.str.startswith(("malformed JSON", "JSON line is not")).all()


def test_parquet_corpus(tmp_path):
    f = tmp_path / "c.parquet"
    pd.DataFrame({"id": ["p1"], "text": ["Six killed in Daraa."], "published": ["2017-07-07"]}).to_parquet(f)
    reports, rejects = ck.load_reports(f)
    assert reports[0].published == dt.date(2017, 7, 7) and rejects.empty


def test_folder_of_reports(tmp_path):
    (tmp_path / "2020-01-01-a.txt").write_text("A\n\nTwo killed.")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    reports, rejects = ck.load_reports(tmp_path)
    assert [r.id for r in reports] == ["2020-01-01-a"]
    assert dict(zip(rejects.id, rejects.reason)) == {"b": "file is empty", "c": "not a report file (.pdf)"}


# --- ragged rows, encodings and odd cells: say what the input is ---------------

def test_a_row_with_a_field_too_many_is_a_reject_named_by_row(tmp_path):
    f = tmp_path / "ragged.csv"
    f.write_text('id,text,published\n'
                 'a,"Three civilians were killed\nin Homs.",2020-01-02,EXTRA\n'  # first data row: pandas' index trap
                 'b,Two soldiers were killed.,2020-01-03\n'
                 'c,One man was killed.,2020-01-04,x,y\n'
                 'd,Four people were killed.,2020-01-05\n')
    reports, rejects = ck.load_reports(f)
    assert [(r.id, r.text, r.published) for r in reports] == [
        ("b", "Two soldiers were killed.", dt.date(2020, 1, 3)),
        ("d", "Four people were killed.", dt.date(2020, 1, 5))]
    assert rejects.row.tolist() == [2, 4]
    assert rejects.reason.tolist() == ["4 fields, the header has 3", "5 fields, the header has 3"]


def test_a_ragged_row_streams_the_same(tmp_path):
    f = tmp_path / "ragged.tsv"
    f.write_text("id\ttext\nx\tTwo killed.\textra\ny\tThree killed.\n\nz\tOne killed.\n")
    chunks = list(ck.io.iter_report_chunks(f, chunk_size=1))
    ids = [r.id for c in chunks for r in c.reports]
    rows = [row for c in chunks for row in c.rejects.row]
    assert ids == ["y", "z"] and rows == [2]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_report_is_decoded_and_named(tmp_path, encoding):
    f = tmp_path / "wide.txt"
    f.write_bytes("Attack on Saraqeb\n\nThe café was hit – two died.".encode(encoding))
    with pytest.warns(UserWarning, match="UTF-16"):
        r = ck.load_report(f)
    assert "café was hit – two died" in r.text and r.encoding.startswith("utf-16")


def test_utf16_table_is_decoded(tmp_path):
    f = tmp_path / "wide.csv"
    f.write_bytes('id,text\na,"Two civilians were killed in Homs."\n'.encode("utf-16"))
    with pytest.warns(UserWarning, match="UTF-16"):
        reports, rejects = ck.load_reports(f)
    assert [r.id for r in reports] == ["a"] and rejects.empty


@pytest.mark.parametrize("texts, words", [
    ([12345, 678], ["number", "12345"]),
    ([b"Two killed.", b"Three killed."], ["bytes", "decode"]),
])
def test_parquet_text_that_is_not_text_says_what_it_is(tmp_path, texts, words):
    f = tmp_path / "odd.parquet"
    pd.DataFrame({"id": ["a", "b"], "text": texts}).to_parquet(f)
    reports, rejects = ck.load_reports(f)
    assert reports == [] and rejects.id.tolist() == ["a", "b"]
    reason = rejects.reason.iloc[0]
    assert all(w in reason for w in words) and "empty" not in reason


def test_a_json_array_is_read_as_records(tmp_path):
    f = tmp_path / "c.json"
    f.write_text(json.dumps([{"id": "x", "text": "Four killed.", "published": "2018-02-01"},
                             {"id": "y", "text": "Two killed."}, ["not", "a", "record"]], indent=2))
    reports, rejects = ck.load_reports(f)
    assert [r.id for r in reports] == ["x", "y"] and reports[0].published == dt.date(2018, 2, 1)
    assert rejects.row.tolist() == [3] and "not an object" in rejects.reason.iloc[0]


def test_link_lists_and_related_videos_are_boilerplate():
    text = ("Boy hurt in shooting\n\nA boy was wounded on Elm Street on Monday.\n\n"
            "ALSO:\n\nTwo found dead in lake house fire\n\nCouncil votes on budget\n\n"
            "Police said the boy is recovering.\n\n"
            "MORE: Officer killed in crash on Route 9\n\n"
            "1:38 Woman dies crossing highway\n\n"
            "7:38 PM: Officers have closed the street.")
    r = ck.report_from_text(text)
    kinds = {text[s:e]: k for s, e, k in r.segments}
    assert kinds["ALSO:"] == kinds["Two found dead in lake house fire"] == "read_also"
    assert kinds["Council votes on budget"] == "read_also"
    assert kinds["MORE: Officer killed in crash on Route 9"] == "read_also"
    assert kinds["1:38 Woman dies crossing highway"] == "read_also"
    assert kinds["Police said the boy is recovering."] == "body"  # a sentence ends the list
    assert kinds["7:38 PM: Officers have closed the street."] == "body"  # a clock time, not a video
