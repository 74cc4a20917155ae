"""Loading news reports: one file, an HTML page, a folder or a corpus table.

A :class:`Report` keeps the full original ``text`` unaltered and describes
its parts as character spans into it: the title, the publication date line,
the body paragraphs, the sentences, and the boilerplate (photo captions,
"Read also" cross-links, share/follow footers, reading-time lines) that the
coder must not read as news.
"""

import csv
import json
import numbers
import re
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..errors import InputError
from .text import paragraph_spans, sentence_spans

__all__ = [
    "Report",
    "LoadedReports",
    "load_report",
    "load_reports",
    "report_from_text",
    "reports_frame",
    "iter_report_chunks",
    "REJECT_COLUMNS",
]

#: Largest single report file read by default (bytes).  A news report is a
#: few kB; a file this large is almost surely not one report.
MAX_REPORT_BYTES = 5_000_000

REJECT_COLUMNS = ["source", "row", "id", "reason"]

_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet", ".pq"}


@dataclass(frozen=True)
class Report:
    """One news report with its parts as character spans into ``text``.

    Attributes
    ----------
    id : str
        Report identifier (file stem or the corpus id column).
    text : str
        The full original text, never altered.
    title : str or None
    published : datetime.date or None
        Publication date, the anchor for relative dates ("on Tuesday").
    outlet, url : str or None
    segments : tuple of (start, end, kind)
        Every non-blank line or paragraph classified as ``title``,
        ``title_repeat``, ``standfirst``, ``byline``, ``reading_time``, ``dateline``,
        ``caption``, ``read_also``, ``footer`` or ``body``.
    sentences : tuple of (start, end)
        Sentences of the title, stand-first and body (never of boilerplate),
        split with Punkt on first use (so loading a large corpus is cheap and
        the splitting happens where the report is coded, e.g. on a Dask worker).
    encoding : str
        The encoding the file was decoded with.
    notes : tuple of str
        Anything the loader had to assume (an encoding fallback, say).
    """

    id: str
    text: str
    title: str = None
    published: date = None
    outlet: str = None
    url: str = None
    segments: tuple = ()
    _sentences: tuple = field(default=None, compare=False, repr=False)
    encoding: str = "utf-8"
    notes: tuple = field(default=())

    @property
    def sentences(self):
        """Sentence spans of the title, stand-first and body, in order."""
        if self._sentences is None:
            spans = tuple(span for s, e, k in self.segments if k in _CONTENT
                          for span in sentence_spans(self.text, s, e))
            object.__setattr__(self, "_sentences", spans)  # a cache of derived state
        return self._sentences

    @property
    def body(self):
        """Spans of the body paragraphs (boilerplate excluded)."""
        return tuple((s, e) for s, e, k in self.segments if k == "body")

    @property
    def paragraphs(self):
        """Spans of the paragraphs that carry news: title, stand-first, body."""
        return tuple((s, e) for s, e, k in self.segments if k in _CONTENT)

    @property
    def boilerplate(self):
        """``(start, end, kind)`` of the parts that are not news."""
        return tuple(seg for seg in self.segments if seg[2] not in _CONTENT)

    @property
    def body_text(self):
        """The body paragraphs joined by blank lines (for reading only;
        offsets always refer to ``text``)."""
        return "\n\n".join(self.text[s:e] for s, e in self.body)

    def sentence_texts(self):
        """The sentences as strings, in order."""
        return [self.text[s:e] for s, e in self.sentences]

    def _repr_html_(self):
        from html import escape

        head = f"<b>{escape(self.title or self.id)}</b>"
        meta = " · ".join(str(x) for x in (self.published, self.outlet) if x)
        paras = "".join(f"<p>{escape(self.text[s:e])}</p>" for s, e in self.body)
        return f"<div>{head}<br><small>{escape(meta)}</small>{paras}</div>"


_CONTENT = {"title", "standfirst", "body"}


class LoadedReports(NamedTuple):
    """``(reports, rejects)``: the reports loaded and the rows that were not.

    Unpacks as a pair. ``len(reports) + len(rejects)`` equals the number of
    rows (or files) read.  ``rejects`` has columns ``source`` (file),
    ``row`` (1-based data row, or None for a file), ``id`` and ``reason``.
    """

    reports: list
    rejects: pd.DataFrame


# --------------------------------------------------------------------------
# reading bytes


def _read_text_file(path, max_bytes):
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not a report file (use load_reports)")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "file is empty")
    if max_bytes is not None and size > max_bytes:
        raise InputError(
            path,
            f"file is {size / 1e6:.1f} MB, larger than max_bytes={max_bytes:,} for one "
            "report; pass max_bytes=None to read it anyway, or load it as a corpus",
        )
    return _decode(path.read_bytes(), path)


def _decode(data, where):
    """Decode bytes as UTF-8; UTF-16 (by its byte-order mark, or the zero
    bytes of ASCII text in it) and, failing UTF-8, cp1252 then latin-1 are
    decoded with a note."""
    wide = _utf16_encoding(data)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            raise InputError(where, "looks like UTF-16 but does not decode; re-save it as UTF-8") from None
        note = f"{where}: UTF-16 text, not UTF-8; decoded as {wide}"
        warnings.warn(note, stacklevel=3)
        return text, wide, (note,)
    if b"\x00" in data[:8192]:
        raise InputError(where, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), "utf-8", ()
    except UnicodeDecodeError as err:
        bad = err.start
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        note = f"{where}: not valid UTF-8 (byte {bad}); decoded as {enc}"
        warnings.warn(note, stacklevel=3)
        return text, enc, (note,)
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _utf16_encoding(data):
    """``"utf-16"`` (a byte-order mark), ``"utf-16-le"``/``"utf-16-be"`` (no
    mark, but every other byte zero, as in mostly-ASCII text), or None.

    >>> _utf16_encoding("Two killed".encode("utf-16-le")), _utf16_encoding(b"Two killed")
    ('utf-16-le', None)
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and not data.startswith(b"\xff\xfe\x00\x00"):
        return "utf-16"
    head = data[:8192]
    head = head[:len(head) // 2 * 2]
    if len(head) < 4 or b"\x00" not in head:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd >= 0.4 * half and even <= 0.05 * half:
        return "utf-16-le"
    if even >= 0.4 * half and odd <= 0.05 * half:
        return "utf-16-be"
    return None


# --------------------------------------------------------------------------
# recognising the parts of a plain-text report

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
_DATELINE = re.compile(
    rf"^(?:(?:Published|Updated|Posted|Date)\s*:?\s*)?{_WEEKDAY}"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
    r"(?:[\s,|\-\u2013]+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.I,
)
_READING_TIME = re.compile(r"^\d+\s*(?:min(?:ute)?s?)\.?\s+read$", re.I)
_READ_ALSO = re.compile(
    r"^(?:read\s+(?:also|more)|also\s+read|see\s+also|related(?:\s+(?:stories|articles?|news|coverage|content))?"
    r"|recommended|more\s+on\s+this|you\s+may\s+also\s+like|more(?=\s*:))\b\s*[:\-\u2013]?"
    r"|^also(?:\s+on\s+\S+)?\s*:?\s*$",  # "ALSO", "Also on NBC10.com:"
    re.I,
)
# A heading of links alone on its line ("ALSO", "Also read:", "Related stories:"): the short lines
# after it, each without a full stop, are the links' titles.
_LINKS_HEADING = re.compile(r"^[^:]{1,30}:?\s*$")
_LINK_TITLE_MAX = 160
# A related video: its length, then its title ("1:38 Woman dies crossing …"), not a clock time ("7:38 PM: …").
_VIDEO_LINK = re.compile(r"^\d{1,2}:\d{2}\s+(?![ap]\.?\s?m\b)\S", re.I)
_FOOTER = re.compile(
    r"^(?:follow\s+us\b|(?:please\s+)?subscribe\b|sign\s+up\b|share\s+(?:this|on)\b"
    r"|copyright\b|\u00a9|all\s+rights\s+reserved|click\s+here\b|join\s+our\b"
    r"|download\s+our\s+app|like\s+us\s+on\b)",
    re.I,
)
_CREDIT = re.compile(
    r"(?:\[[^\[\]]{1,40}\]|\((?:photo|image|picture|file|credit)?[:\s]*"
    r"(?:Getty|AFP|Reuters|AP|EPA|Anadolu|SANA|Archive)[^()]{0,30}\))\s*$",
    re.I,
)
_BYLINE = re.compile(r"^(?:[Bb]y|[Ww]ritten\s+by|[Rr]eporting\s+by)\s+[A-Z][\w.'\-]*(?:\s+[\w.'\-&,]+){0,6}$")
_CAPTION_START = re.compile(r"^(?:photo|image|picture|file\s+photo|caption)s?\s*[:(\-]", re.I)


def _classify_line(line):
    """Boilerplate kind of one stripped line, or None for prose."""
    if _READING_TIME.match(line):
        return "reading_time"
    if _READ_ALSO.match(line) or _VIDEO_LINK.match(line):
        return "read_also"
    if _FOOTER.match(line):
        return "footer"
    if len(line) <= 80 and _BYLINE.match(line):
        return "byline"
    if len(line) <= 60 and _DATELINE.match(line):
        return "dateline"
    if len(line) <= 200 and (_CREDIT.search(line) or _CAPTION_START.match(line)):
        return "caption"
    return None


def _link_titles(text, spans, kinds):
    """Kinds of the lines with the titles under a heading of links ("Also read:"
    and the short lines after it without a full stop) set to ``read_also``."""
    kinds = list(kinds)
    for i, k in enumerate(kinds):
        if k != "read_also" or not _LINKS_HEADING.match(text[slice(*spans[i])].strip()):
            continue
        for j in range(i + 1, len(spans)):
            line = text[slice(*spans[j])].strip()
            if kinds[j] is not None or len(line) > _LINK_TITLE_MAX or line[-1:] in '.!?"\u201d':
                break
            kinds[j] = "read_also"
    return kinds


def _segment(text, spans):
    """Classify the paragraph spans of a plain-text report."""
    kinds = _link_titles(text, spans, [_classify_line(text[s:e]) for s, e in spans])
    content = [i for i, k in enumerate(kinds) if k is None]
    if content:
        first = content[0]
        kinds[first] = "title"
        title = _norm(text[slice(*spans[first])])
        # A repeated title and a stand-first come before the first dateline
        # or reading-time line, when the report has such a header block.
        header_end = next(
            (i for i, k in enumerate(kinds) if k in ("dateline", "reading_time")), None
        )
        for i in content[1:]:
            if _norm(text[slice(*spans[i])]) == title:
                kinds[i] = "title_repeat"
            elif header_end is not None and i < header_end:
                kinds[i] = "standfirst"
            else:
                kinds[i] = "body"
    return tuple((s, e, k) for (s, e), k in zip(spans, kinds))


def _norm(s):
    return " ".join(s.split()).casefold()


def _parse_dateline(line):
    import dateparser

    cleaned = re.sub(r"^(?:Published|Updated|Posted|Date)\s*:?\s*", "", line, flags=re.I)
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"},
    )
    return parsed.date() if parsed else None


_FILENAME_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def report_from_text(
    text,
    *,
    id="report",
    title=None,
    published=None,
    outlet=None,
    url=None,
    encoding="utf-8",
    notes=(),
    find_header=True,
):
    """Build a :class:`Report` from plain text.

    With ``find_header=True`` (plain-text files) the first prose line is the
    title, a line that is only a date is the dateline (its date becomes
    ``published`` unless one is given) and captions, "Read also" links,
    reading-time lines and follow/share footers are marked as boilerplate.
    With ``find_header=False`` (a corpus row whose title is a column) every
    paragraph is body, except boilerplate lines.

    Examples
    --------
    >>> r = report_from_text("Clashes in Idlib\\n3 min read\\n2 June 2023\\nFive were killed.")
    >>> r.title, r.published, [r.text[s:e] for s, e in r.body]
    ('Clashes in Idlib', datetime.date(2023, 6, 2), ['Five were killed.'])
    """
    spans = paragraph_spans(text)
    if find_header:
        segments = _segment(text, spans)
    else:
        segments = tuple(
            (s, e, _classify_line(text[s:e]) or "body") for s, e in spans
        )
    if find_header and title is None:
        title = next((text[s:e] for s, e, k in segments if k == "title"), None)
    if published is None:
        for s, e, k in segments:
            if k == "dateline":
                published = _parse_dateline(text[s:e])
                if published:
                    break
    return Report(
        id=str(id),
        text=text,
        title=title,
        published=_as_date(published),
        outlet=outlet,
        url=url,
        segments=segments,
        encoding=encoding,
        notes=tuple(notes),
    )


def _as_date(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    parsed = pd.to_datetime(str(value), errors="coerce")
    if pd.isna(parsed):
        raise InputError(value, "not a date (use YYYY-MM-DD)")
    return parsed.date()


def _report_from_html(html, *, id, url=None, outlet=None, published=None, where="html"):
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise InputError(where, "no article text found in the HTML page")
    title = doc.title
    text = doc.text if not title else f"{title}\n\n{doc.text}"
    date_str = doc.date
    if published is None and date_str:
        published = _as_date(date_str)
    return report_from_text(
        text,
        id=id,
        title=title,
        published=published,
        outlet=outlet or doc.sitename,
        url=url or doc.url,
        find_header=title is not None,
    )


def load_report(path_or_text, *, id=None, published=None, outlet=None, url=None,
                max_bytes=MAX_REPORT_BYTES):
    """Load one news report from a file (plain text or HTML) or a string.

    Parameters
    ----------
    path_or_text : str or pathlib.Path
        A path to a ``.txt``/``.md`` or ``.html`` file, or the report text
        itself.  A ``Path`` is always a path, and so is a string naming an
        existing file.  Any other string is the text when it has a line
        break, is longer than 4,096 characters, or reads as words: two or
        more, no folder separator (``/``, ``\\``) and no file extension at
        its end.  Else it is a path, and a missing one is an error.
    id : str, optional
        Report id; defaults to the file stem.
    published : date or str, optional
        Publication date; overrides the date found in the text.  Without
        one, the dateline in the text is used, then a ``YYYY-MM-DD`` in the
        file name.
    outlet, url : str, optional
    max_bytes : int or None
        Refuse files larger than this (a clear error, not a hang).

    Returns
    -------
    Report

    Raises
    ------
    InputError
        For a missing, empty, binary or oversized file, or text with no words.

    Examples
    --------
    >>> import conflictkit as ck
    >>> r = ck.load_report("Two killed in Homs\\n\\nTwo civilians were killed on Monday.")
    >>> r.title, len(r.sentences)
    ('Two killed in Homs', 2)
    >>> ck.load_report("Two civilians were killed in Homs on Monday.").sentence_texts()
    ['Two civilians were killed in Homs on Monday.']
    """
    if isinstance(path_or_text, str) and _is_report_text(path_or_text):
        text, encoding, notes, where = path_or_text, "utf-8", (), id or "text"
        path = None
    else:
        path = Path(path_or_text)
        text, encoding, notes = _read_text_file(path, max_bytes)
        where = path
    if not text.strip():
        raise InputError(where, "contains no text")
    rid = id or (path.stem if path is not None else "report")
    if published is None and path is not None:
        m = _FILENAME_DATE.search(path.name)
        fallback = date(*map(int, m.groups())) if m else None
    else:
        fallback = None
    if path is not None and (path.suffix.lower() in _HTML_SUFFIXES or _looks_like_html(text)):
        report = _report_from_html(
            text, id=rid, url=url, outlet=outlet, published=published, where=where
        )
    else:
        report = report_from_text(
            text, id=rid, published=published, outlet=outlet, url=url,
            encoding=encoding, notes=notes,
        )
    if report.published is None and fallback is not None:
        report = _replace(report, published=fallback)
    return report


_FILE_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")


def _is_report_text(value):
    """Whether a string given to :func:`load_report` is the report itself
    rather than a path (the rule is in its docstring)."""
    if "\n" in value or len(value) > 4096:
        return True
    try:
        if Path(value).expanduser().is_file():
            return False
    except OSError:  # a name too long for the file system is no file
        return True
    return (len(value.split()) >= 2 and not any(sep in value for sep in "/\\")
            and not _FILE_EXTENSION.search(value.rstrip()))


def _replace(report, **changes):
    from dataclasses import replace

    return replace(report, **changes)


def _looks_like_html(text):
    head = text[:2048].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


# --------------------------------------------------------------------------
# corpora

_ALIASES = {
    "id": ["id", "unit_id", "doc_id", "report_id", "article_id", "uid"],
    "text": ["text", "article_content", "content", "body", "article_text", "story"],
    "title": ["title", "article_title", "headline"],
    "published": ["published", "date", "dct", "publication_date", "pub_date", "published_date"],
    "outlet": ["outlet", "source", "publisher", "sitename", "site"],
    "url": ["url", "link"],
}


def _pick_column(columns, given, role, where, required=False):
    if given is not None:
        if given not in columns:
            raise InputError(where, f"no column {given!r} for the {role} (columns: {', '.join(map(str, columns))})")
        return given
    for name in _ALIASES[role]:
        if name in columns:
            return name
    if required:
        raise InputError(
            where,
            f"no {role} column (looked for {', '.join(_ALIASES[role])}; "
            f"columns are: {', '.join(map(str, columns))}); pass {role}_column=",
        )
    return None


def _parse_dates(values, date_format, dayfirst):
    raw = pd.Series(values, dtype="object").astype("string").str.strip()
    if date_format:
        parsed = pd.to_datetime(raw, format=date_format, errors="coerce")
    else:
        parsed = pd.to_datetime(raw, format="ISO8601", errors="coerce")
        retry = parsed.isna() & raw.notna() & (raw != "")
        if retry.any():
            parsed[retry] = pd.to_datetime(
                raw[retry], format="mixed", dayfirst=dayfirst, errors="coerce"
            )
    return raw, parsed


class _Row(NamedTuple):
    """A table row that passed screening (text present, id settled, date
    read), not yet built into a :class:`Report`.  Building is the costly part
    of loading, so :func:`conflictkit.code_corpus` leaves it to the process
    that codes the row."""

    source: str
    row: int
    id: str
    text: str
    title: str
    published: date
    outlet: str
    url: str
    notes: tuple
    text_key: bytes
    find_header: bool  # no title column: the first prose line is the title


def _screen_table(path, frame, bad_lines, *, id_column, text_column, date_column,
                  title_column, outlet_column, date_format, dayfirst, seen=None):
    """``(rows, rejects)`` of one table chunk: empty texts, repeated rows and
    unreadable dates rejected, repeated ids with other text renamed."""
    cols = [c for c in frame.columns if c != "_row"]
    where = path
    text_col = _pick_column(cols, text_column, "text", where, required=True)
    id_col = _pick_column(cols, id_column, "id", where)
    date_col = _pick_column(cols, date_column, "published", where)
    title_col = _pick_column(cols, title_column, "title", where)
    outlet_col = _pick_column(cols, outlet_column, "outlet", where)
    url_col = _pick_column(cols, None, "url", where)

    source = str(path)
    rejects = [dict(source=source, row=n, id=None, reason=r) for n, r in bad_lines]
    if date_col is not None:
        raw_dates, dates = _parse_dates(frame[date_col], date_format, dayfirst)
        raw_dates, dates = raw_dates.tolist(), dates.tolist()  # by position, without pandas indexing per row
    rows = []
    seen = {} if seen is None else seen  # id -> (row, text hash), across chunks when streaming
    n = len(frame)

    def column(name, default=None):  # a column as a list (pandas' records are slow: 20 µs a row)
        return frame[name].tolist() if name is not None and name in frame.columns else [default] * n

    rows_numbers = frame["_row"].tolist() if "_row" in frame.columns else range(2, n + 2)
    records = zip(rows_numbers, column(id_col), column(text_col), column(title_col), column(outlet_col),
                  column(url_col))
    for i, (row, rid, text, title, outlet, url) in enumerate(records):
        rid = _cell(rid) if id_col else None
        rid = rid or f"{path.stem}:{row}"

        def reject(reason):
            rejects.append(dict(source=source, row=row, id=rid, reason=reason))

        if not isinstance(text, str) or not text.strip():
            reject(_no_text_reason(text))
            continue
        notes = ()
        key = _text_key(text)
        if rid in seen:
            first_row, first_text = seen[rid]
            if first_text == key:
                reject(f"duplicate of row {first_row} (same id and text)")
                continue
            notes = (f"id {rid!r} repeated from row {first_row} with other text; renamed",)
            rid = f"{rid}@row{row}"
        published = None
        if date_col is not None:
            raw = raw_dates[i]
            if not pd.isna(raw) and raw != "":
                if pd.isna(dates[i]):
                    reject(f"unparseable date {raw!r}")
                    continue
                published = dates[i].date()
        seen.setdefault(rid, (row, key))
        rows.append(_Row(source, row, rid, text, _cell(title), published, _cell(outlet), _cell(url), notes, key,
                         title_col is None))
    return rows, rejects


def _no_text_reason(value):
    """Why a text cell gives no text: empty, or a value of another kind (a
    number, bytes) that says the column is not the text.

    >>> _no_text_reason(None), _no_text_reason(42)
    ('empty text', 'text is a number (42), not text; is the text column the right one?')
    """
    if value is None or isinstance(value, str) or (isinstance(value, float) and value != value) or value is pd.NA:
        return "empty text"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "text is bytes (a binary column), not a string; decode the column to text first"
    if isinstance(value, numbers.Number):
        return f"text is a number ({value!r}), not text; is the text column the right one?"
    return f"text is a {type(value).__name__}, not a string; is the text column the right one?"


def _build_reports(items):
    """``(reports, rejects)`` from screened table rows (reports pass through);
    a row that fails to build is a reject with the error, never a crash."""
    reports, rejects = [], []
    for item in items:
        if isinstance(item, Report):
            reports.append(item)
            continue
        try:
            reports.append(report_from_text(item.text, id=item.id, title=item.title, published=item.published,
                                            outlet=item.outlet, url=item.url, find_header=item.find_header,
                                            notes=item.notes))
        except Exception as err:  # noqa: BLE001 - any failure of one row is that row's reject
            rejects.append(dict(source=item.source, row=item.row, id=item.id,
                                reason=f"could not read the report ({type(err).__name__}: {err})"))
    return reports, rejects


def _text_key(text):
    import hashlib

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).digest()


def _cell(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    value = str(value).strip()
    return value or None


def load_reports(path, *, id_column=None, text_column=None, date_column=None,
                 title_column=None, outlet_column=None, date_format=None, dayfirst=False,
                 max_bytes=MAX_REPORT_BYTES):
    """Load a corpus: a folder of report files, or a table with one report a row.

    Parameters
    ----------
    path : str or pathlib.Path
        A folder (every ``.txt``, ``.md``, ``.html`` file in it, sorted by
        name), or a CSV, TSV, JSONL (or ``.json`` array of records) or
        Parquet table.  A CSV row with more fields than the header is a
        reject named by its row; UTF-16 files are decoded with a warning.
    id_column, text_column, date_column, title_column, outlet_column : str, optional
        Column names in a table.  Left out, common names are tried: for the
        text ``text``, ``article_content``, ``content``, ``body``; for the
        date ``published``, ``date``, ``dct``; for the outlet ``outlet``,
        ``source``; and so on.
    date_format : str, optional
        A ``strftime`` format for the date column (``"%m/%d/%Y"``).  Left
        out, ISO dates are read first, then other formats month-first
        unless ``dayfirst=True``.

    Returns
    -------
    LoadedReports
        ``(reports, rejects)``; every input row or file is in one or the other.

    Raises
    ------
    InputError
        The path is missing or empty, or a table lacks its text column.

    Examples
    --------
    >>> import conflictkit as ck
    >>> reports, rejects = ck.load_reports("../shared/data/news/fa-kes-syria-804.csv")  # doctest: +SKIP
    >>> len(reports) + len(rejects)  # doctest: +SKIP
    804
    """
    reports, rejects = [], []
    for got, bad in iter_report_chunks(
        path, chunk_size=50_000, id_column=id_column, text_column=text_column, date_column=date_column,
        title_column=title_column, outlet_column=outlet_column, date_format=date_format, dayfirst=dayfirst,
        max_bytes=max_bytes,
    ):
        reports += got
        rejects += bad.to_dict("records")
    return LoadedReports(reports, _rejects_frame(rejects))


def reports_frame(reports):
    """A table of reports: one row each, columns ``id``, ``title``,
    ``published``, ``outlet``, ``url``, ``n_sentences``, ``n_chars``."""
    return pd.DataFrame(
        [
            dict(id=r.id, title=r.title, published=r.published, outlet=r.outlet, url=r.url,
                 n_sentences=len(r.sentences), n_chars=len(r.text))
            for r in reports
        ],
        columns=["id", "title", "published", "outlet", "url", "n_sentences", "n_chars"],
    )


def _first_byte(path):
    with open(path, "rb") as f:
        return f.read(4096).removeprefix(b"\xef\xbb\xbf").lstrip()[:1]


def _json_array_chunks(path, chunk_size):
    """(frame, bad_lines) chunks of a ``.json`` file holding an array of
    records (read whole); ``_row`` is the element's number, from 1."""
    try:
        records = json.loads(path.read_bytes())
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InputError(path, f"malformed JSON array ({err}); give an array of objects, "
                               "or JSON lines (one object a line)") from None
    for start in range(0, len(records), chunk_size):
        rows, bad = [], []
        for n, obj in enumerate(records[start:start + chunk_size], start + 1):
            if isinstance(obj, dict):
                rows.append(dict(obj, _row=n))
            else:
                bad.append((n, f"array element is a {type(obj).__name__}, not an object (a record)"))
        yield pd.DataFrame(rows), bad


def _jsonl_chunks(path, chunk_size):
    """(frame, bad_lines) chunks of JSON lines; ``_row`` is the line number."""
    rows, bad = [], []
    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            line = raw.decode("utf-8", "replace")
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                bad.append((n, f"malformed JSON ({err.msg})"))
                continue
            if not isinstance(obj, dict):
                bad.append((n, "JSON line is not an object"))
                continue
            obj["_row"] = n
            rows.append(obj)
            if len(rows) >= chunk_size:
                yield pd.DataFrame(rows), bad
                rows, bad = [], []
    if rows or bad:
        yield pd.DataFrame(rows), bad


def _table_chunks(path, chunk_size):
    """(frame, bad_lines) chunks of a table file, each row with its file row in ``_row``."""
    suffix = path.suffix.lower()
    if path.stat().st_size == 0:
        raise InputError(path, "file is empty")
    if suffix in (".parquet", ".pq"):
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(path)
        except Exception as err:  # noqa: BLE001 - pyarrow raises many kinds
            raise InputError(path, f"not a readable Parquet file ({err})") from None
        row = 1
        for batch in pf.iter_batches(batch_size=chunk_size):
            frame = batch.to_pandas()
            frame["_row"] = range(row, row + len(frame))
            row += len(frame)
            yield frame, []
        return
    if suffix == ".json" and _first_byte(path) == b"[":
        yield from _json_array_chunks(path, chunk_size)
        return
    if suffix in (".jsonl", ".ndjson", ".json"):
        yield from _jsonl_chunks(path, chunk_size)
        return
    sep = "\t" if suffix == ".tsv" else ","
    wide = _table_utf16(path)
    for encoding in [wide] if wide else ["utf-8-sig", "cp1252"]:
        started = False
        try:
            for chunk in _csv_chunks(path, chunk_size, sep, encoding):
                started = True
                yield chunk
            return
        except UnicodeDecodeError:
            if encoding != "utf-8-sig" or started:
                raise InputError(path, f"not valid {'UTF-8' if started else encoding} part-way through; "
                                       "re-encode the file as UTF-8") from None
            warnings.warn(f"{path}: not valid UTF-8; decoded as cp1252", stacklevel=2)


def _table_utf16(path):
    """The UTF-16 encoding of a table file (with a warning), or None; a binary file is refused."""
    with open(path, "rb") as f:
        head = f.read(8192)
    wide = _utf16_encoding(head)
    if wide is not None:
        warnings.warn(f"{path}: UTF-16 text, not UTF-8; decoded as {wide}", stacklevel=3)
    elif b"\x00" in head:
        raise InputError(path, "binary file (NUL bytes), not a text table")
    return wide


def _csv_chunks(path, chunk_size, sep, encoding):
    """(frame, bad_lines) chunks of a CSV/TSV, read with :mod:`csv`.

    A row with more fields than the header is a reject named by its row
    (pandas would take the first column as an index and shift every column
    when the first data row has one field too many); a shorter row is padded
    with empty fields.  Rows are numbered as in a spreadsheet (header 1).
    """
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))  # a report's text is one field
    with open(path, encoding=encoding, newline="") as f:
        reader = csv.reader(f, delimiter=sep)
        first, header = 1, None
        for header in reader:  # blank lines before the header are skipped, and counted
            if header:
                break
            first += 1
        if not header:
            raise InputError(path, "table has no header row")
        names, rows, numbers, bad = _column_names(header), [], [], []
        try:
            for n, record in enumerate(reader, first + 1):
                if not record:
                    continue
                if len(record) > len(names):
                    bad.append((n, f"{len(record)} fields, the header has {len(names)}"))
                else:
                    rows.append(record + [""] * (len(names) - len(record)))
                    numbers.append(n)
                if len(rows) >= chunk_size:
                    yield _csv_frame(rows, names, numbers), bad
                    rows, numbers, bad = [], [], []
        except csv.Error as err:
            raise InputError(path, f"malformed table ({err})") from None
    if rows or bad:
        yield _csv_frame(rows, names, numbers), bad


def _csv_frame(rows, names, numbers):
    frame = pd.DataFrame(rows, columns=names, dtype=object) if rows else pd.DataFrame(columns=names)
    frame["_row"] = numbers
    return frame


def _column_names(header):
    """Header cells as column names: an empty one ``Unnamed: i``, a repeated one ``name.1``…, like pandas."""
    names, seen = [], {}
    for i, name in enumerate(header):
        name = name or f"Unnamed: {i}"
        base, k = name, seen.get(name, 0)
        while name in seen:
            k += 1
            name = f"{base}.{k}"
        seen[base] = k
        seen.setdefault(name, 0)
        names.append(name)
    return names


def iter_report_chunks(path, *, chunk_size=1000, id_column=None, text_column=None, date_column=None,
                       title_column=None, outlet_column=None, date_format=None, dayfirst=False,
                       max_bytes=MAX_REPORT_BYTES):
    """Stream a corpus as ``(reports, rejects)`` chunks of at most ``chunk_size`` rows.

    Memory stays flat in the corpus size: one chunk is read at a time.
    Takes the same arguments as :func:`load_reports`; a folder is read file
    by file, a table in row chunks.  Every row is in the reports or the
    rejects of exactly one chunk.

    Yields
    ------
    LoadedReports
    """
    for items, rejects in _iter_chunk_items(
        path, chunk_size=chunk_size, id_column=id_column, text_column=text_column, date_column=date_column,
        title_column=title_column, outlet_column=outlet_column, date_format=date_format, dayfirst=dayfirst,
        max_bytes=max_bytes,
    ):
        reports, failed = _build_reports(items)
        if failed:  # table rows, numbered: keep the rejects in file order
            rejects = sorted(rejects + failed, key=lambda r: r["row"])
        yield LoadedReports(reports, _rejects_frame(rejects))


def _iter_chunk_items(path, *, chunk_size=1000, id_column=None, text_column=None, date_column=None,
                      title_column=None, outlet_column=None, date_format=None, dayfirst=False,
                      max_bytes=MAX_REPORT_BYTES):
    """:func:`iter_report_chunks` up to building reports: ``(items, rejects)``
    with items Reports (files) or screened rows (tables, see :func:`_build_reports`)."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file or folder")
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        if not files:
            raise InputError(path, "folder has no files")
        for i in range(0, len(files), chunk_size):
            reports, rejects = [], []
            for f in files[i:i + chunk_size]:
                if f.suffix.lower() not in _TEXT_SUFFIXES | _HTML_SUFFIXES:
                    rejects.append(dict(source=str(f), row=None, id=f.stem,
                                        reason=f"not a report file ({f.suffix or 'no suffix'})"))
                    continue
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        reports.append(load_report(f, max_bytes=max_bytes))
                except InputError as err:
                    rejects.append(dict(source=str(f), row=None, id=f.stem, reason=err.problem))
            yield reports, rejects
        return
    if path.suffix.lower() not in _TABLE_SUFFIXES:
        yield [load_report(path, max_bytes=max_bytes)], []
        return
    seen, any_rows = {}, False
    for frame, bad in _table_chunks(path, chunk_size):
        any_rows = any_rows or len(frame) > 0 or bool(bad)
        if frame.empty:
            frame = pd.DataFrame({text_column or "text": [], "_row": []})
        yield _screen_table(
            path, frame, bad, id_column=id_column, text_column=text_column, date_column=date_column,
            title_column=title_column, outlet_column=outlet_column, date_format=date_format,
            dayfirst=dayfirst, seen=seen,
        )
    if not any_rows:
        raise InputError(path, "table has no rows")


def _rejects_frame(rows):
    frame = pd.DataFrame(rows, columns=REJECT_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    return frame
